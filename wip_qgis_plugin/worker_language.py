"""A region run's worker process in the planner's language: it starts untranslated and learns the language here,
so its messages (an engine's refusal, its notes) reach the planner in it. Kept apart from the plugin's Qt side
(``i18n.py``, which needs QGIS): a worker of a Dask cluster may have no QGIS, and then stays German."""
from __future__ import annotations

from typing import Callable

from .core import i18n as core_i18n

_worker_translator = None  # the worker's QTranslator, kept alive while it translates


class InLanguage:
    """``function`` run in ``language`` with the compiled translation ``qm_file``. Picklable, for process pools and
    Dask."""

    def __init__(self, function: Callable, language: str, qm_file: str):
        self.function, self.language, self.qm_file = function, language, qm_file

    def __call__(self, *arguments):
        if core_i18n.current_translator()[1] != self.language:
            _translate_in_worker(self.language, self.qm_file)
        return self.function(*arguments)


def _translate_in_worker(language: str, qm_file: str) -> None:
    global _worker_translator
    try:
        from qgis.PyQt.QtCore import QTranslator
    except ImportError:
        return
    translator = QTranslator()
    if language == "de" or not translator.load(qm_file):
        core_i18n.set_translator(lambda text: text, "de")
        return
    _worker_translator = translator
    # QTranslator takes its texts as bytes: PyQt would encode a str as ASCII
    core_i18n.set_translator(
        lambda text: _worker_translator.translate(b"WIP", text.encode("utf-8")) or text, language)
