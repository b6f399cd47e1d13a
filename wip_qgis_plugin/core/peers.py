"""Peer comparison: the municipalities of Mitteldeutschland most like a given one in inhabitants, area and
settlement share, and where each stands on wind and PV per area, heat per inhabitant and emissions per inhabitant.

Every figure comes from the same municipal statistics (GermanZero localzero-data: Destatis, Zensus 2011 dwellings,
Marktstammdatenregister 2024) and the same estimate of the energy balance from them (``energy_balance`` without
the planner's own data), so the municipalities are compared alike. Similar means near in the standardised
logarithms of inhabitants and area and in the settlement share; existing plants are what is compared, so they do
not choose the peers.
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .balance import BalanceError, BalanceInput, MunicipalityStatistics, energy_balance
from .i18n import tr

STATISTICS_FILE = Path(__file__).resolve().parent.parent / "resources" / "statistics" / \
    "gemeinden_mitteldeutschland.csv"
PEER_COUNT = 5
SOURCE = ("GermanZero localzero-data (Destatis/Regionalstatistik 2021, Zensus 2011, Marktstammdatenregister 2024), "
          "Namen: BKG VG250; dl-de/by-2-0")


@dataclass(frozen=True)
class PeerFigures:
    ags: str
    name: str
    population: float
    area_km2: float
    settlement_pct: float
    wind_mwh_km2: float  # generation of the plants today per km² and year
    pv_mwh_km2: float
    heat_mwh_per_capita: float
    co2_t_per_capita: float


@cache
def municipality_rows() -> tuple[dict, ...]:
    with open(STATISTICS_FILE, encoding="utf-8", newline="") as file:
        return tuple(csv.DictReader(file))


def _traits(row: dict) -> tuple[float, float, float] | None:
    try:
        population, area = float(row["population.total"]), float(row["area.land_total"])
        settlement = float(row["area.land_settlement"])
    except (KeyError, TypeError, ValueError):
        return None
    if population <= 0 or area <= 0:
        return None
    return math.log(population), math.log(area), settlement / area


def similar_municipalities(ags: str, count: int = PEER_COUNT) -> list[dict]:
    """The ``count`` municipalities nearest to ``ags`` in standardised traits, nearest first; none when the
    statistics do not know ``ags``."""
    rows = [(row, _traits(row)) for row in municipality_rows()]
    rows = [(row, traits) for row, traits in rows if traits is not None]
    subject = next((traits for row, traits in rows if row["ags"] == ags), None)
    if subject is None:
        return []
    spreads = []
    for index in range(len(subject)):
        values = [traits[index] for _, traits in rows]
        mean = sum(values) / len(values)
        spreads.append(math.sqrt(sum((value - mean) ** 2 for value in values) / len(values)) or 1.0)

    def distance(traits):
        return math.fsum(((a - b) / spread) ** 2 for a, b, spread in zip(traits, subject, spreads))

    others = sorted((distance(traits), row["ags"], row) for row, traits in rows if row["ags"] != ags)
    return [row for _, _, row in others[:count]]


def peer_figures(row: dict, base_year: int) -> PeerFigures:
    """The municipality's figures from its statistics: plants and the estimated balance of ``base_year``."""
    result = energy_balance(BalanceInput(MunicipalityStatistics.from_row(row), base_year))
    indicators = next(item for item in result.indicators if item["year"] == base_year)
    area_km2 = float(row["area.land_total"]) / 100

    def generated(carrier):
        return sum(item.mwh for item in result.rows if item.year == base_year and item.kind == "generation"
                   and item.carrier == carrier) / area_km2

    return PeerFigures(row["ags"], row["name"], float(row["population.total"]), area_km2,
                       100 * float(row["area.land_settlement"]) / float(row["area.land_total"]), generated("wind"),
                       generated("pv"), indicators["heat_mwh"] / indicators["population"],
                       indicators["co2_t_per_capita"])


def peer_comparison(ags: str, base_year: int, count: int = PEER_COUNT) -> tuple[PeerFigures, list[PeerFigures]] | None:
    """The municipality's figures and those of its peers; None when the statistics do not know ``ags``."""
    subject = next((row for row in municipality_rows() if row["ags"] == ags), None)
    if subject is None:
        return None
    try:
        return peer_figures(subject, base_year), [peer_figures(row, base_year)
                                                  for row in similar_municipalities(ags, count)]
    except BalanceError as error:
        raise BalanceError(tr("Vergleich mit ähnlichen Gemeinden: {error}").format(error=error)) from error
