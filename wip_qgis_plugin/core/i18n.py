"""Translation hook for the QGIS-free core: the plugin installs Qt's translator and the UI language at load time."""
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
