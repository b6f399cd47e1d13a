"""The energy and GHG balance without QGIS: a small municipality by hand, the scenario paths, factors applied per
carrier and year, the consumption table, planned generation, the stated assumptions and bad input."""

import json

import pytest

from wip_qgis_plugin.core.balance import (
    DEFAULTS_FILE,
    BalanceError,
    BalanceInput,
    MunicipalityStatistics,
    energy_balance,
    heat_from_buildings,
)

GAS, OIL, AMBIENT = 672612, 157640, 23874  # the Land's heating stock without district heat
REST = GAS + OIL + AMBIENT
HOUSE_MWH = 100 * 75 * (48 + 43) / 2 / 1000  # 100 dwellings from 2009 on (class K), 75 m², mean EFH/MFH


def statistics(**extra):
    row = {"ags": "15000001", "population.total": 1000, "buildings.flats_total": 100,
           "buildings.flats_heatnet": 50, "buildings.flats_2009_today": 100, "renewable_energy.pv": 1000,
           "renewable_energy.wind_on": 2000}
    row.update(extra)
    return MunicipalityStatistics.from_row(row)


def rows_of(result, year, kind="demand"):
    return {(row.sector, row.carrier): row for row in result.rows if row.year == year and row.kind == kind}


def test_the_base_year_by_hand():
    result = energy_balance(BalanceInput(statistics(), 2024))
    rows = rows_of(result, 2024)
    decentral = HOUSE_MWH / 2  # half the dwellings on district heat
    assert rows[("haushalte", "fernwaerme")].mwh == pytest.approx(HOUSE_MWH / 2)
    assert rows[("haushalte", "erdgas")].mwh == pytest.approx(decentral * GAS / REST / 0.9)
    assert rows[("haushalte", "heizoel")].mwh == pytest.approx(decentral * OIL / REST / 0.85)
    heat_pump = decentral * AMBIENT / REST
    assert rows[("haushalte", "umweltwaerme")].mwh == pytest.approx(heat_pump * 2 / 3)  # COP 3
    assert rows[("haushalte", "strom")].mwh == pytest.approx(1000 * 1.4 + heat_pump / 3)
    assert rows[("industrie", "erdgas")].mwh == pytest.approx(3000 / 0.9)  # process heat, 3 MWh per 1000 people
    assert rows[("kommune", "strom")].mwh == pytest.approx(100)
    assert rows[("haushalte", "erdgas")].co2_t == pytest.approx(rows[("haushalte", "erdgas")].mwh * 0.240)
    assert rows[("haushalte", "strom")].factor_g_kwh == 560
    # district heat of unknown origin in the base year: BAFA's generic network factor, 280 g (not the most
    # favourable GEG value, 180 g for gas CHP); in 2030 the WPG's 30 % renewable (40 g) replace part of the rest
    assert rows[("haushalte", "fernwaerme")].factor_g_kwh == pytest.approx(280)
    fossil = (280 - 0.2 * 40) / 0.8
    assert rows_of(result, 2030)[("haushalte", "fernwaerme")].factor_g_kwh == pytest.approx(0.7 * fossil + 0.3 * 40)
    generation = rows_of(result, 2024, "generation")
    assert generation[("bestand", "pv")].mwh == pytest.approx(1000 * 990 / 1000)
    assert generation[("bestand", "wind")].mwh == pytest.approx(2000 * 1680 / 1000)
    base = result.indicators[0]
    assert base["co2_t"] == pytest.approx(sum(row.co2_t for row in rows.values()))
    assert base["co2_t_per_capita"] == pytest.approx(base["co2_t"] / 1000)
    assert base["self_sufficiency_electricity_pct"] == pytest.approx(
        100 * (990 + 3360) / base["electricity_mwh"])


def test_2045_has_no_fossil_heat_and_the_grid_is_clean():
    result = energy_balance(BalanceInput(statistics(), 2024))
    rows = rows_of(result, 2045)
    assert not any(carrier in ("erdgas", "heizoel") for _sector, carrier in rows)
    decentral = HOUSE_MWH / 2  # class K is not renovated
    assert rows[("haushalte", "biomasse")].mwh == pytest.approx(decentral * 0.15 / 0.8)
    assert rows[("haushalte", "umweltwaerme")].mwh == pytest.approx(decentral * 0.75 * 2 / 3)
    assert rows[("haushalte", "strom")].co2_t == 0.0 and rows[("haushalte", "fernwaerme")].factor_g_kwh == 40
    last = result.indicators[-1]
    assert last["co2_t"] == pytest.approx(sum(row.co2_t for row in rows.values()))
    assert [row["year"] for row in result.indicators] == [2024, 2030, 2035, 2040, 2045]
    co2 = [row["co2_t"] for row in result.indicators]
    assert co2 == sorted(co2, reverse=True)


def test_old_dwellings_are_renovated():
    old = statistics(**{"buildings.flats_2009_today": 0, "buildings.flats_until_1919": 100})
    result = energy_balance(BalanceInput(old, 2024))
    base = sum(row.mwh for key, row in rows_of(result, 2024).items() if key == ("haushalte", "fernwaerme"))
    later = sum(row.mwh for key, row in rows_of(result, 2030).items() if key == ("haushalte", "fernwaerme"))
    assert later == pytest.approx(base * (1 - 0.5 * 0.015 * 6))


def test_imported_factors_replace_the_defaults_per_year():
    result = energy_balance(BalanceInput(statistics(), 2024, factors=[("strom", 363.0, None), ("erdgas", 201.0, 2030)]))
    assert all(row.factor_g_kwh == 363.0 for row in result.rows if row.carrier == "strom")
    assert rows_of(result, 2030)[("haushalte", "erdgas")].factor_g_kwh == 201.0
    assert rows_of(result, 2024)[("haushalte", "erdgas")].factor_g_kwh == 240.0


def test_the_consumption_table_replaces_a_default_in_every_year():
    result = energy_balance(BalanceInput(statistics(), 2024, consumption=[("industrie", "strom", 12345.0)]))
    for year in (2024, 2045):
        row = rows_of(result, year)[("industrie", "strom")]
        assert row.mwh == 12345.0 and row.source == "Vorgabe des Nutzers"


def test_planned_generation_counts_from_its_first_year():
    result = energy_balance(BalanceInput(statistics(), 2024, planned_mwh={"wind": 50000.0}, planned_from=2035,
                                         planned_source="Variante 1"))
    planned = [row for row in result.rows if row.sector == "planung"]
    assert sorted(row.year for row in planned) == [2035, 2040, 2045]
    assert all(row.mwh == 50000.0 and row.source == "Variante 1" for row in planned)
    by_year = {row["year"]: row for row in result.indicators}
    assert by_year[2035]["generation_mwh"] - by_year[2030]["generation_mwh"] == pytest.approx(50000.0)


def test_heat_from_buildings_goes_to_the_sectors():
    heat = heat_from_buildings(["residential", "bildung", "buero", None],
                               {2024: [10.0, 5.0, 3.0, float("nan")], 2030: [9.0, 5.0, 3.0, 1.0]}, 2024)
    assert heat.by_year[2024] == {"haushalte": 10.0, "kommune": 5.0, "gewerbe": 3.0}
    assert heat.by_year[2030]["gewerbe"] == 4.0


def test_every_number_used_is_an_assumption_with_its_source():
    result = energy_balance(BalanceInput(statistics(), 2024))
    topics = {assumption.topic: assumption for assumption in result.assumptions}
    gas = topics["Emissionsfaktor Erdgas"]
    assert (gas.value, gas.legal_basis, gas.status) == (240, "GEG Anlage 9", "checked")
    assert topics["Jahresarbeitszahl Wärmepumpe"].status == "unchecked"
    assert all(assumption.source for assumption in result.assumptions)


@pytest.mark.parametrize(("inputs", "message"), [
    (lambda: BalanceInput(statistics(**{"population.total": 0}), 2024), "Einwohner"),
    (lambda: BalanceInput(statistics(), 2050), "Basisjahr"),
    (lambda: BalanceInput(statistics(), 2024, consumption=[("verkehr", "strom", 1.0)]), "verkehr"),
    (lambda: BalanceInput(statistics(), 2024, consumption=[("industrie", "strom", -1.0)]), "kein Wert"),
    (lambda: BalanceInput(statistics(), 2024, factors=[("kohle", 400.0, None)]), "kohle"),
    (lambda: BalanceInput(statistics(), 2024, planned_mwh={"atom": 1.0}), "atom"),
])
def test_bad_input_is_named(inputs, message):
    with pytest.raises(BalanceError, match=message):
        energy_balance(inputs())


def test_statistics_with_text_where_numbers_belong_are_named():
    with pytest.raises(BalanceError, match="buildings.flats_total"):
        statistics(**{"buildings.flats_total": "viele"})


def test_a_broken_defaults_file_is_named(tmp_path):
    data = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    del data["emission_factors_g_kwh"]["erdgas"]["source"]
    broken = tmp_path / "vorgaben.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BalanceError, match="vorgaben.json.*source"):
        energy_balance(BalanceInput(statistics(), 2024), broken)
