"""Qt side of the translations: German is the source language, English comes from resources/i18n/wip_en.qm."""
from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from . import log, settings
from .core import i18n as core_i18n

CONTEXT = "WIP"
I18N_DIR = Path(__file__).parent / "resources" / "i18n"


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def qm_file(language: str) -> Path:
    """The plugin's compiled translation into ``language`` (English for a language not translated yet)."""
    path = I18N_DIR / f"wip_{language}.qm"
    return path if path.exists() else I18N_DIR / "wip_en.qm"


def load_translator(language: str) -> QTranslator | None:
    """The plugin's translation into ``language``; None when its .qm cannot be loaded."""
    translator = QTranslator()
    return translator if translator.load(str(qm_file(language))) else None


class PluginTranslator:
    """Loads the plugin's translation for the QGIS UI language and removes it again on unload."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None

    def install(self, language: str | None = None) -> None:
        language = language or settings.ui_language()
        core_i18n.set_translator(translate, language)
        if language == "de":
            return
        translator = load_translator(language)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        else:
            log.warning(f"Die Übersetzung „{language}“ konnte nicht geladen werden; das Plugin bleibt deutsch.")

    def remove(self) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        core_i18n.set_translator(lambda text: text)
