"""Translation hook for the QGIS-free core: the plugin installs Qt's translator and the UI language at load time;
numbers are written for people in that language."""
import datetime
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable


def _untranslated(text: str) -> str:
    return text


_translate: Callable[[str], str] = _untranslated
_language = "de"


def set_translator(translate: Callable[[str], str], language: str = "de") -> None:
    global _translate, _language
    _translate = translate
    _language = language


def current_translator() -> tuple[Callable[[str], str], str]:
    """The translate function and language in use, to switch for a while and restore with set_translator."""
    return _translate, _language


class InLanguage:
    """``function`` run in ``language`` with the compiled translation ``qm_file``: a worker process of a region run
    starts untranslated and learns the planner's language here, so its messages (an engine's refusal, its notes) reach
    the planner in it. Picklable, for process pools and Dask; a worker without Qt stays German."""

    def __init__(self, function: Callable, language: str, qm_file: str):
        self.function, self.language, self.qm_file = function, language, qm_file

    def __call__(self, *arguments):
        if _language != self.language:
            _translate_in_worker(self.language, self.qm_file)
        return self.function(*arguments)


_worker_translator = None  # the worker's QTranslator, kept alive while it translates


def _translate_in_worker(language: str, qm_file: str) -> None:
    global _worker_translator
    try:
        from qgis.PyQt.QtCore import QTranslator
    except ImportError:
        return
    translator = QTranslator()
    if language == "de" or not translator.load(qm_file):
        set_translator(_untranslated, "de")
        return
    _worker_translator = translator
    # QTranslator takes its texts as bytes: PyQt would encode a str as ASCII
    set_translator(lambda text: _worker_translator.translate(b"WIP", text.encode("utf-8")) or text, language)


def tr(text: str) -> str:
    """Translate a German source string (context "WIP"); format placeholders after translating."""
    return _translate(text)


def localised(texts: dict) -> str:
    """The text of a {"de": …, "en": …} mapping in the UI language: German, or English for any other language."""
    return texts.get("de" if _language == "de" else "en") or texts.get("de") or ""


def format_number(value, decimals: int = 0) -> str:
    """A number for people: thousands grouped, German (1.234,5) or English (1,234.5); "–" for none."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"  # half up, as people round (12.5 → 13), not half to even
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")  # no "-0"
    if _language == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_date(day: datetime.date) -> str:
    """A date for people: 01.03.2010 in German, ISO in English."""
    return day.strftime("%d.%m.%Y") if _language == "de" else day.isoformat()
