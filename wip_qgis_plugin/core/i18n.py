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
