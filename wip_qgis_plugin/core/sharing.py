"""Where a shared data file comes from: a criteria catalog, a scoring scheme or a measures catalogue that another
municipality passed on carries an ``origin`` block (municipality, its key, the day it was shared). The plugin's
readers keep it, and the file's title names it wherever the file's results appear."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .i18n import format_date, tr
from .json_reader import JsonReader

ORIGIN_KEY = "origin"


@dataclass(frozen=True)
class Origin:
    municipality: str
    ags: str
    shared: datetime.date

    def text(self) -> str:
        """E.g. "geteilt von Teuchern (15084590), 30.11.2026"."""
        who = f"{self.municipality} ({self.ags})" if self.ags else self.municipality
        return tr("geteilt von {who}, {date}").format(who=who, date=format_date(self.shared))


def origin_block(municipality: str, ags: str, shared: datetime.date) -> dict:
    """The block to put under ``ORIGIN_KEY`` of a file that is passed on; a name is required."""
    if not municipality.strip():
        raise ValueError(tr("Bitte den Namen der Gemeinde angeben, von der die Datei stammt."))
    return {"municipality": municipality.strip(), "ags": ags.strip(), "shared": shared.isoformat()}


def read_origin(reader: JsonReader) -> Origin | None:
    """The file's origin, checked; None for a file of the plugin's own or of the planner's making."""
    if ORIGIN_KEY not in reader.data:
        return None
    origin = reader.child(ORIGIN_KEY)
    return Origin(origin.text("municipality"), str(origin.data.get("ags") or "").strip(), origin.date("shared"))


def titled(title: str, origin: Origin | None) -> str:
    """A title with the origin of its file, when it has one."""
    return f"{title} ({origin.text()})" if origin is not None else title
