"""The energy and GHG balance without QGIS: a small municipality by hand, the scenario paths, factors applied per
carrier and year, the consumption table, planned generation, the stated assumptions and bad input."""

import json

import pytest

from wip_qgis_plugin.core.balance import (
    DEFAULTS_FILE,
    TRANSPORT_ESTIMATE,
    TRANSPORT_NONE,
    TRANSPORT_OWN,
    BalanceError,
    BalanceInput,
    MunicipalityStatistics,
    energy_balance,
    heat_from_buildings,
    transport_scope_label,
)
from wip_qgis_plugin.core.i18n import format_number

GAS, OIL, AMBIENT = 672612, 157640, 23874  # the Land's heating stock without district heat
REST = GAS + OIL + AMBIENT
HOUSE_MWH = 100 * 75 * (48 + 43) / 2 / 1000  # 100 dwellings from 2009 on (class K), 75 m², mean EFH/MFH


def statistics(**extra):
    """A municipality outside any shipped population forecast: its inhabitants stay as they are."""
    row = {"ags": "09000001", "population.total": 1000, "buildings.flats_total": 100,
           "buildings.flats_heatnet": 50, "buildings.flats_2009_today": 100, "renewable_energy.pv": 1000,
           "renewable_energy.wind_on": 2000}
    row.update(extra)
    return MunicipalityStatistics.from_row(row)


def rows_of(result, year, kind="demand"):
    return {(row.sector, row.carrier): row for row in result.rows if row.year == year and row.kind == kind}


def stationary(municipality, base_year=2024, **options):
    """The stationary balance alone (no transport), as the by-hand cases count it."""
    return energy_balance(BalanceInput(municipality, base_year, transport=TRANSPORT_NONE, **options))


def test_the_base_year_by_hand():
    result = stationary(statistics())
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
    # BISKO: the national mix with upstream chains of the year, UBA Climate Change 13/2025 table 2 (2024 estimated);
    # not the 560 g of GEG Anlage 9, which are for energy certificates
    assert rows[("haushalte", "strom")].factor_g_kwh == 427
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
    # the renewable share of consumption counts electricity at the national share (AGEE-Stat 2024: 54 %), not the
    # local generation: here the local plants make more than is consumed, the share stays far below 100 %
    renewable = base["electricity_mwh"] * 0.54 + sum(row.mwh for (_sector, carrier), row in rows.items()
                                                     if carrier == "umweltwaerme") \
        + sum(row.mwh for (_sector, carrier), row in rows.items() if carrier == "fernwaerme") * 0.2
    assert base["renewable_share_pct"] == pytest.approx(100 * renewable / base["demand_mwh"])
    assert base["transport"] == TRANSPORT_NONE and base["transport_mwh"] == 0


def test_2045_has_no_fossil_heat_and_every_carrier_keeps_its_upstream_chain():
    result = stationary(statistics())
    rows = rows_of(result, 2045)
    assert not any(carrier in ("erdgas", "heizoel") for _sector, carrier in rows)
    decentral = HOUSE_MWH / 2  # class K is not renovated
    assert rows[("haushalte", "biomasse")].mwh == pytest.approx(decentral * 0.15 / 0.8)
    assert rows[("haushalte", "umweltwaerme")].mwh == pytest.approx(decentral * 0.75 * 2 / 3)
    # one rule for all carriers: electricity keeps its upstream chain in 2045 (published scenario, 127 g) as
    # renewable district heat keeps its 40 g
    assert rows[("haushalte", "strom")].factor_g_kwh == 127 and rows[("haushalte", "fernwaerme")].factor_g_kwh == 40
    last = result.indicators[-1]
    assert last["co2_t"] == pytest.approx(sum(row.co2_t for row in rows.values()))
    assert [row["year"] for row in result.indicators] == [2024, 2030, 2035, 2040, 2045]
    co2 = [row["co2_t"] for row in result.indicators]
    assert co2 == sorted(co2, reverse=True)


def test_old_dwellings_are_renovated():
    old = statistics(**{"buildings.flats_2009_today": 0, "buildings.flats_until_1919": 100})
    result = stationary(old)
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


def test_the_rooftop_potential_is_built_along_its_path():
    """The potential left on roofs is realised by 6 % in 2030, 15 % in 2040 and 20 % in 2045 (linear between), as
    its own generation beside the plants built and planned, with the share among the assumptions."""
    result = energy_balance(BalanceInput(statistics(), 2024, rooftop_mwh=10000.0, rooftop_source="Dachpotenzial"))
    path = {row.year: row for row in result.rows if row.sector == "dach"}
    assert sorted(path) == [2030, 2035, 2040, 2045]
    assert [path[year].mwh for year in (2030, 2035, 2040, 2045)] == pytest.approx([600.0, 1050.0, 1500.0, 2000.0])
    assert all(row.carrier == "pv_dach" and row.source == "Dachpotenzial" for row in path.values())
    by_year = {row["year"]: row for row in result.indicators}
    without = {row["year"]: row for row in energy_balance(BalanceInput(statistics(), 2024)).indicators}
    assert by_year[2040]["generation_mwh"] - without[2040]["generation_mwh"] == pytest.approx(1500.0)
    assert any(a.topic.startswith("Realisierter Anteil des Dachpotenzials") for a in result.assumptions)


def test_heat_from_buildings_goes_to_the_sectors():
    heat = heat_from_buildings(["residential", "bildung", "buero", None],
                               {2024: [10.0, 5.0, 3.0, float("nan")], 2030: [9.0, 5.0, 3.0, 1.0]}, 2024)
    assert heat.by_year[2024] == {"haushalte": 10.0, "kommune": 5.0, "gewerbe": 3.0}
    assert heat.by_year[2030]["gewerbe"] == 4.0


@pytest.mark.parametrize("year, factor", [(2019, 479), (2022, 503), (2024, 427), (2030, 344), (2045, 127)])
def test_the_electricity_factor_is_the_national_mix_of_each_year(year, factor):
    # UBA Climate Change 13/2025, table 2 (CO₂e with upstream chains) to 2024; then Seckinger & Radgen 2021, CAP
    result = stationary(statistics(), base_year=year)
    assert rows_of(result, year)[("haushalte", "strom")].factor_g_kwh == factor
    topic = next(a for a in result.assumptions if a.topic == "Emissionsfaktor Strom (Bundesmix)")
    assert topic.value.startswith(f"{year}: {factor}") and topic.unit == "g CO₂e/kWh"
    assert ("Climate Change 13/2025" in topic.source) == (year <= 2024)  # published years, then the scenario


def test_the_electricity_factor_between_published_and_scenario_years_is_linear_and_says_so():
    result = stationary(statistics(), base_year=2026)
    assert rows_of(result, 2026)[("haushalte", "strom")].factor_g_kwh == pytest.approx(427 + (344 - 427) * 2 / 6)
    topic = next(a for a in result.assumptions if a.topic == "Emissionsfaktor Strom (Bundesmix)")
    # one row for all years: each year's value, each source once, and the weakest status
    assert topic.value == "2026: 399; 2030: 344; 2035: 271; 2040: 211; 2045: 127"  # German numbers
    assert topic.source.count("Climate Change 13/2025") == 1 and topic.source.count("Seckinger") == 1
    assert "Jahre zwischen den Angaben linear" in topic.source and topic.status == "secondary"


def test_a_base_year_before_the_published_shares_says_so_and_counts_as_unchecked():
    result = stationary(statistics(), base_year=2019)
    share = next(a for a in result.assumptions if a.topic == "Erneuerbarer Anteil am Bruttostromverbrauch")
    assert share.value.startswith("2019: 0,463") and share.status == "unchecked"
    assert "für 2019 liegt keine Angabe vor: Wert von 2022 übernommen" in share.source


def test_renewable_heat_counts_district_heat_at_its_renewable_share():
    last = stationary(statistics()).indicators[-1]
    # 2045: decentral heat from heat pumps, biomass and solar; district heat 100 % renewable (§ 31 WPG)
    assert last["self_sufficiency_heat_pct"] == pytest.approx(100.0)
    assert last["renewable_share_pct"] == pytest.approx(100.0)


@pytest.mark.parametrize("sector, carrier", [("haushalte", "diesel"), ("verkehr", "erdgas")])
def test_fuels_belong_to_transport_and_heat_carriers_to_the_buildings(sector, carrier):
    with pytest.raises(BalanceError, match=f"„{sector}/{carrier}“ passt nicht zusammen"):
        energy_balance(BalanceInput(statistics(), 2024, consumption=[(sector, carrier, 10.0)]))


def test_transport_is_estimated_per_inhabitant_and_turns_electric_by_2045():
    result = energy_balance(BalanceInput(statistics(), 2024))
    base, last = rows_of(result, 2024), rows_of(result, 2045)
    # AGEB 2018 per inhabitant: diesel 4,639 kWh, petrol 2,318 kWh, electricity (mostly rail) 141 kWh
    assert base[("verkehr", "diesel")].mwh == pytest.approx(4639) and base[("verkehr", "benzin")].mwh == 2318
    assert base[("verkehr", "strom")].mwh == pytest.approx(141)
    # fuels at the fossil comparator of RED II, 94 g CO₂e/MJ = 338 g/kWh, with upstream chain
    assert base[("verkehr", "diesel")].factor_g_kwh == 338
    assert ("verkehr", "diesel") not in last
    assert last[("verkehr", "strom")].mwh == pytest.approx(141 + (4639 + 2318) * 0.29)
    indicators = result.indicators[0]
    # fuels only: electric transport is electricity, and electricity, heat and fuels add up to the total
    assert indicators["transport"] == TRANSPORT_ESTIMATE and indicators["transport_mwh"] == pytest.approx(6957)
    assert indicators["demand_mwh"] == pytest.approx(sum(row.mwh for row in base.values())) == pytest.approx(
        indicators["electricity_mwh"] + indicators["heat_mwh"] + indicators["transport_mwh"])
    assert "Bundesdurchschnitt" in transport_scope_label(TRANSPORT_ESTIMATE)


def test_own_transport_figures_replace_the_estimate_and_a_balance_without_transport_says_so():
    own = energy_balance(BalanceInput(statistics(), 2024, consumption=[("verkehr", "diesel", 20000.0)]))
    assert own.transport == TRANSPORT_OWN
    transport = {key: row for key, row in rows_of(own, 2024).items() if key[0] == "verkehr"}
    assert list(transport) == [("verkehr", "diesel")] and transport[("verkehr", "diesel")].mwh == 20000.0
    assert transport[("verkehr", "diesel")].source == "Verkehr des Nutzers, bis 2045 elektrisch"
    # today's figures go the estimate's way: in 2045 electric, at 0.29 of the fuels' final energy
    assert {key: row.mwh for key, row in rows_of(own, 2045).items() if key[0] == "verkehr"} == {
        ("verkehr", "strom"): pytest.approx(20000 * 0.29)}
    without = stationary(statistics())
    assert without.transport == TRANSPORT_NONE and transport_scope_label(TRANSPORT_NONE) == "ohne Verkehr"
    assert not any(row.sector == "verkehr" for row in without.rows)


def test_the_population_follows_the_lands_forecast_for_the_district():
    # Hohenmölsen lies in the Burgenlandkreis (15084): −20.5 % from 2022 to 2040 (8. RBP, StaLa LSA 2025)
    town = statistics(ags="15084235", **{"population.total": 9405})
    result = stationary(town)
    rate = 0.795 ** (1 / 18) - 1
    by_year = {row["year"]: row["population"] for row in result.indicators}
    assert by_year[2024] == pytest.approx(9405 * (1 + rate) ** 3)  # inhabitants of 2021, the statistics' year
    assert by_year[2040] == pytest.approx(9405 * (1 + rate) ** 19)
    assert by_year[2045] == by_year[2040]  # held after the forecast's horizon
    assert rows_of(result, 2040)[("kommune", "strom")].mwh == pytest.approx(by_year[2040] * 0.1)
    heat = {row.carrier: row.mwh for row in result.rows if row.year == 2040 and row.sector == "gewerbe"
            and row.carrier != "strom"}
    base_heat = {row.carrier: row.mwh for row in result.rows if row.year == 2024 and row.sector == "gewerbe"
                 and row.carrier == "fernwaerme"}
    # commerce's heat (2.5 MWh per inhabitant, half of it district heat here) follows the population too
    assert heat["fernwaerme"] / base_heat["fernwaerme"] == pytest.approx(by_year[2040] / by_year[2024])
    # no figures invented before the statistics' year: a base year of 2019 keeps the inhabitants of 2021
    assert stationary(town, base_year=2019).indicators[0]["population"] == 9405
    topic = next(a for a in result.assumptions if a.topic == "Einwohner")
    assert topic.value.startswith(f"2024: {format_number(by_year[2024])}; 2030: {format_number(by_year[2030])}")
    assert "Burgenlandkreis" in topic.source and "Regionalisierte Bevölkerungsprognose" in topic.source
    # elsewhere in the Land: the Land's −15.0 %; the planner's own path replaces either
    land = {row["year"]: row["population"] for row in stationary(statistics(ags="15001000")).indicators}
    assert land[2040] == pytest.approx(1000 * 0.85 ** (19 / 18))
    own = stationary(town, population=[(2024, 9300), (2045, 8000)])
    assert [row["population"] for row in own.indicators] == pytest.approx(
        [9300, 9300 - 1300 * 6 / 21, 9300 - 1300 * 11 / 21, 9300 - 1300 * 16 / 21, 8000])


def test_every_number_used_is_an_assumption_with_its_source():
    result = energy_balance(BalanceInput(statistics(), 2024))
    topics = {assumption.topic: assumption for assumption in result.assumptions}
    gas = topics["Emissionsfaktor Erdgas"]
    assert (gas.value, gas.legal_basis, gas.status) == (240, "GEG Anlage 9", "checked")
    assert topics["Jahresarbeitszahl Wärmepumpe"].status == "unchecked"
    assert all(assumption.source for assumption in result.assumptions)
    assert "konstant" in topics["Einwohner"].source  # no forecast for this municipality: said, not hidden


@pytest.mark.parametrize(("inputs", "message"), [
    (lambda: BalanceInput(statistics(**{"population.total": 0}), 2024), "Einwohner"),
    (lambda: BalanceInput(statistics(), 2050), "Basisjahr"),
    (lambda: BalanceInput(statistics(), 2024, consumption=[("luftfahrt", "strom", 1.0)]), "luftfahrt"),
    (lambda: BalanceInput(statistics(), 2024, consumption=[("verkehr", "diesel", 1.0)], transport=TRANSPORT_NONE),
     "ohne Verkehr gewählt"),
    (lambda: BalanceInput(statistics(), 2024, transport=TRANSPORT_OWN), "keine Zeile des Sektors „verkehr“"),
    (lambda: BalanceInput(statistics(), 2024, population=[(2030, -5.0)]), "Einwohner 2030"),
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
