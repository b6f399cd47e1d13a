"""The user manual that ships in the plugin folder (built by ``make docs``): the address of a page in the UI
language, for the algorithms' help buttons, the docks and the menu."""
from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from . import settings

MANUAL_DIR = Path(__file__).parent / "help"


def manual_url(page: str = "index", anchor: str = "") -> str:
    """The file address of ``page`` (e.g. "algorithms/eligibility"), German or English; empty when the manual is
    not there (a source checkout before ``make docs``)."""
    path = MANUAL_DIR / ("de" if settings.ui_language() == "de" else "en") / f"{page}.html"
    if not path.exists():
        return ""
    url = QUrl.fromLocalFile(str(path))
    if anchor:
        url.setFragment(anchor)
    return url.toString()


def open_manual(page: str = "index", anchor: str = "") -> bool:
    """Open the page in the web browser; False when the manual is missing."""
    url = manual_url(page, anchor)
    return bool(url) and QDesktopServices.openUrl(QUrl(url))
