"""Peer comparison: the nearest municipalities in inhabitants, area and settlement share, and their figures from
the same statistics and the same balance estimate."""
import math

import pytest

from wip_qgis_plugin.core.balance import BalanceInput, Defaults, MunicipalityStatistics, energy_balance
from wip_qgis_plugin.core.peers import PEER_COUNT, municipality_rows, peer_comparison, similar_municipalities

HOHENMOELSEN = "15084235"


def traits(row):
    area = float(row["area.land_total"])
    return math.log(float(row["population.total"])), math.log(area), float(row["area.land_settlement"]) / area


def test_the_peers_are_the_nearest_in_standardised_traits():
    rows = municipality_rows()
    assert len(rows) > 300 and len({row["ags"] for row in rows}) == len(rows)
    spreads = []
    for index in range(3):
        values = [traits(row)[index] for row in rows]
        mean = sum(values) / len(values)
        spreads.append(math.sqrt(sum((value - mean) ** 2 for value in values) / len(values)))
    subject = traits(next(row for row in rows if row["ags"] == HOHENMOELSEN))

    def distance(row):
        return sum(((a - b) / s) ** 2 for a, b, s in zip(traits(row), subject, spreads))

    by_hand = sorted((row for row in rows if row["ags"] != HOHENMOELSEN), key=distance)[:PEER_COUNT]
    peers = similar_municipalities(HOHENMOELSEN)
    assert [row["ags"] for row in peers] == [row["ags"] for row in by_hand]
    assert HOHENMOELSEN not in {row["ags"] for row in peers}
    assert similar_municipalities("99999999") == [] and peer_comparison("99999999", 2022) is None


def test_figures_come_from_the_statistics_and_the_balance_estimate():
    subject, peers = peer_comparison(HOHENMOELSEN, 2022)
    assert len(peers) == PEER_COUNT and subject.name == "Hohenmölsen"
    row = next(row for row in municipality_rows() if row["ags"] == HOHENMOELSEN)
    area_km2 = float(row["area.land_total"]) / 100
    hours = Defaults().value("full_load_hours", "wind", topic="", unit="h")
    assert subject.wind_mwh_km2 == pytest.approx(float(row["renewable_energy.wind_on"]) * hours / 1000 / area_km2)
    result = energy_balance(BalanceInput(MunicipalityStatistics.from_row(row), 2022))
    base = next(item for item in result.indicators if item["year"] == 2022)
    assert subject.co2_t_per_capita == pytest.approx(base["co2_t_per_capita"])
    assert subject.heat_mwh_per_capita == pytest.approx(base["heat_mwh"] / base["population"])
