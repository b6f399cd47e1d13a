"""Statutory wind-area targets (WindBG per state, § 9a LEntwG LSA per planning region) and which of them apply to a
municipality, found from its official key (AGS). The numbers are data: ``resources/targets/wind_area_targets.json``."""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .i18n import localised

TARGETS_FILE = Path(__file__).resolve().parent.parent / "resources" / "targets" / "wind_area_targets.json"
DEFAULT_STATE_PREFIX = "15"  # Sachsen-Anhalt, where the plugin's catalogs apply


@dataclass(frozen=True)
class AreaTarget:
    scope: str  # "state" or "region"
    name: str
    year: int
    deadline: datetime.date
    pct: float
    official_area_km2: float | None
    legal_basis: str
    source: str
    status: str

    @property
    def item(self) -> str:
        return f"{self.scope}_{re.sub(r'[^a-z0-9]+', '_', self.name.lower()).strip('_')}_{self.year}"

    @property
    def total_target_ha(self) -> float | None:
        """The whole state's or region's target in hectares (official area × share), when the area is known."""
        return None if self.official_area_km2 is None else self.official_area_km2 * 100.0 * self.pct / 100.0


@lru_cache(maxsize=4)
def _targets(path: Path = TARGETS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def targets_note() -> str:
    return localised(_targets()["note"])


def normalise_ags(key) -> str | None:
    """The 8-digit Amtlicher Gemeindeschlüssel from an AGS or a 12-digit Regionalschlüssel; None otherwise."""
    digits = re.sub(r"\D", "", str(key or ""))
    if len(digits) == 8:
        return digits
    if len(digits) == 12:
        return digits[:5] + digits[9:]
    return None


def wind_targets_for(ags: str | None) -> list[AreaTarget]:
    """The state targets and, in Sachsen-Anhalt, the planning-region targets that apply to municipality ``ags``;
    without a usable key, those of Sachsen-Anhalt's state."""
    data = _targets()
    state_prefix = ags[:2] if ags else DEFAULT_STATE_PREFIX
    found = []
    for state in data["states"]:
        if state["ags_prefix"] == state_prefix:
            found += _expand("state", state)
    if ags:
        for region in data["regions"]:
            if ags in region["municipalities"] or ags[:5] in region["districts"]:
                found += _expand("region", region)
    return found


def _expand(scope: str, entry: dict) -> list[AreaTarget]:
    return [AreaTarget(scope, entry["name"], target["year"], datetime.date.fromisoformat(target["deadline"]),
                       float(target["pct"]), entry["official_area_km2"], entry["legal_basis"], entry["source"],
                       entry["status"])
            for target in entry["targets"]]
