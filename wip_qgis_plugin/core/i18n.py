"""Translation hook for the QGIS-free core: the plugin installs Qt's translator at load time."""
from typing import Callable

_translate: Callable[[str], str] = lambda text: text


def set_translator(translate: Callable[[str], str]) -> None:
    global _translate
    _translate = translate


def tr(text: str) -> str:
    """Translate a German source string (context "WIP"); format placeholders after translating."""
    return _translate(text)
