"""The measures catalogue without QGIS: the balance's paths add up to the balance, the wedges add up to the base
year's emissions, measures that take more than the balance has are cut back, costs per tonne, and a catalogue row
the planner broke is named."""

import pytest

from wip_qgis_plugin.core.balance import BalanceInput, MunicipalityStatistics, energy_balance
from wip_qgis_plugin.core.measures import (
    FRAMEWORK_LEVERS,
    MeasuresError,
    check_catalogue,
    heat_network_measure,
    measure_from_row,
    measure_row,
    new_measure,
    number_measures,
    parse_changes,
    path_measures,
    ranking,
    read_paths,
    wedges,
)

ROW = {"ags": "09000001", "population.total": 9000, "buildings.flats_total": 4500, "buildings.flats_heatnet": 500,
       "buildings.flats_until_1919": 1500, "buildings.flats_1949_1978": 2000, "buildings.flats_2009_today": 1000,
       "renewable_energy.pv": 1000, "renewable_energy.wind_on": 2000}


@pytest.fixture(scope="module")
def balance():
    return energy_balance(BalanceInput(MunicipalityStatistics.from_row(ROW), 2024))


@pytest.fixture(scope="module")
def paths(balance):
    return read_paths([{"year": row.year, "lever": row.lever, "sector": row.sector, "carrier": row.carrier,
                        "mwh": row.mwh, "factor_g_kwh": row.factor_g_kwh} for row in balance.levers])


def emissions(balance, year):
    return sum(row.co2_t for row in balance.rows if row.year == year and row.kind == "demand")


def test_base_plus_every_lever_is_the_balance_of_each_year(balance, paths):
    for year in paths.years:
        total = dict(paths.base)
        for changes in paths.levers[year].values():
            for key, mwh in changes.items():
                total[key] = total.get(key, 0.0) + mwh
        rows = {(row.sector, row.carrier): row.mwh for row in balance.rows if row.year == year and row.kind == "demand"}
        assert {key for key, mwh in total.items() if abs(mwh) > 1e-6} == set(rows)
        assert all(total[key] == pytest.approx(mwh, abs=1e-6) for key, mwh in rows.items())


def test_the_balance_paths_as_measures_end_where_the_balance_ends(balance, paths):
    measures = number_measures(path_measures(paths))
    assert [measure.field for measure in measures] == ["sanierung", "waermepumpe", "mobilitaet"]
    result = wedges(measures, paths)
    assert result.remaining[2045] == pytest.approx(emissions(balance, 2045), rel=1e-9)
    assert result.remaining[2024] == pytest.approx(emissions(balance, 2024), rel=1e-9) == result.base_t
    for year in result.years:  # every wedge and what remains add up to the base year's emissions
        parts = result.remaining[year] + sum(wedge[year] for wedge in result.measures.values()) \
            + sum(wedge[year] for wedge in result.framework.values())
        assert parts == pytest.approx(result.base_t, rel=1e-9)
    assert set(result.framework) == {"faktoren", *FRAMEWORK_LEVERS}
    assert result.target[2024] == result.base_t and result.target[2045] == 0.0
    assert not result.met(2045)


def test_a_heat_network_replaces_fossil_boilers_and_counts_district_heat(paths):
    network = heat_network_measure("W1", "Netz", "Stufe 1", 1000.0, 800.0, paths, 2027)
    assert network.changes[("haushalte", "fernwaerme")] * network.effect_mwh_a == pytest.approx(1000.0 / 0.9,
                                                                                                 rel=0.2)
    assert sum(mwh for (_, carrier), mwh in network.changes.items() if carrier != "fernwaerme") == pytest.approx(-1.0)
    assert network.investment_eur == pytest.approx(800.0 * 400)
    result = wedges([network], paths)
    assert result.measures["W1"][2024] == 0.0 and result.measures["W1"][2045] > 0
    fewer = path_measures(paths, network_mwh=network.effect_mwh_a)
    assert fewer[1].effect_mwh_a < path_measures(paths)[1].effect_mwh_a  # no boiler replaced twice


def test_measures_that_take_more_than_the_balance_has_are_cut_back_whole(paths):
    gas = sum(mwh for (sector, carrier), mwh in paths.base.items() if sector == "haushalte" and carrier == "erdgas")
    twice = [new_measure(f"N{n}", "waermenetz", "Netz", "", 100.0, gas, 2025, {
        ("haushalte", "erdgas"): -1.0, ("haushalte", "fernwaerme"): 1.0}, end_year=2025) for n in (1, 2)]
    result = wedges(twice, paths)
    assert result.overlaps and "Erdgas" in result.overlaps[0]
    # each keeps half: together they replace the gas once, and each delivers half the district heat with it
    assert result.measures["N1"][2030] == pytest.approx(result.measures["N2"][2030])
    single = wedges([replace_id(twice[0], "N1")], paths)
    assert result.measures["N1"][2030] == pytest.approx(single.measures["N1"][2030] / 2, rel=1e-6)


def replace_id(measure, measure_id):
    from dataclasses import replace

    return replace(measure, measure_id=measure_id)


def test_generation_is_avoided_beside_the_balance_at_the_national_mix(paths):
    wind = new_measure("W", "wind", "Wind", "", 30.0, 60000.0, 2027, end_year=2030)
    result = wedges([wind], paths)
    assert "W" not in result.measures
    assert result.avoided["W"][2030] == pytest.approx(60000.0 * paths.factor(2030, "strom") / 1000)
    assert result.avoided["W"][2024] == 0.0
    item = ranking([wind], result)[0]
    assert item.eur_per_t == pytest.approx((48e6 / 20 + 30 * 56000) / item.t_a)


def test_a_deferred_measure_has_no_effect(paths):
    measure = new_measure("S", "sanierung", "Sanierung", "", 100.0, 100.0, 2025)
    measure.status = "zurueckgestellt"
    assert wedges([measure], paths).measures["S"][2045] == 0.0


def test_a_catalogue_row_round_trips_and_broken_rows_are_named():
    measure = new_measure("M01", "waermepumpe", "Wärmepumpen", "Bilanz", 50.0, 50.0, 2027)
    again = measure_from_row(measure_row(measure))
    assert again.changes == pytest.approx(measure.changes) and again.end_year == measure.end_year
    row = measure_row(measure)
    with pytest.raises(MeasuresError, match="M01.*start_year"):
        measure_from_row(dict(row, start_year="bald"))
    with pytest.raises(MeasuresError, match="Handlungsfeld"):
        measure_from_row(dict(row, field="windrad"))
    with pytest.raises(MeasuresError, match="Beginn 2030 und Ende 2027"):
        measure_from_row(dict(row, start_year=2030, end_year=2027))
    with pytest.raises(MeasuresError, match="haushalte-erdgas"):
        parse_changes("haushalte-erdgas=-1", "M01")
    with pytest.raises(MeasuresError, match="mehrmals"):
        check_catalogue([measure, again])


def test_measures_without_an_id_are_numbered_around_the_planners_ids():
    measures = [new_measure("", "wind", "a", "", 1, 1, 2027), new_measure("M01", "pv", "b", "", 1, 1, 2027),
                new_measure("", "pv", "c", "", 1, 1, 2027)]
    assert [measure.measure_id for measure in number_measures(measures)] == ["M02", "M01", "M03"]


def balance_rows(result):
    return [{"year": row.year, "kind": row.kind, "sector": row.sector, "carrier": row.carrier, "mwh": row.mwh,
             "co2_t": row.co2_t, "factor_g_kwh": row.factor_g_kwh} for row in result.rows]


def test_monitoring_a_second_statistics_year_finds_the_measures_behind_and_on_track(balance, paths):
    from wip_qgis_plugin.core.measures import BEHIND_SHARE, FAR_BEHIND, NOT_DUE, ON_TRACK, monitoring

    pv = new_measure("PV", "pv", "Solarpark", "", 10.0, 9900.0, 2025, end_year=2026)
    later = new_measure("L", "wind", "Wind später", "", 10.0, 20000.0, 2030)
    measures = number_measures(path_measures(paths)) + [pv, later]
    # 2027: the solar park is built (10 MWp more in the register), nothing else has changed: no renovation, no heat
    # pump, no electric car beyond the base year's
    measured = energy_balance(BalanceInput(MunicipalityStatistics.from_row(
        dict(ROW, **{"renewable_energy.pv": ROW["renewable_energy.pv"] + 10000})), 2027))
    result = monitoring(measures, paths, balance_rows(balance), balance_rows(measured))
    state = {item.measure_id: item for item in result.measures}
    assert result.year == 2027
    assert state["PV"].state == ON_TRACK and state["PV"].reached == pytest.approx(1.0, rel=1e-6)
    assert state["L"].state == NOT_DUE and state["L"].reached is None
    for measure in measures[:3]:  # renovation, heat pumps, transport: planned since 2025, not measured
        assert state[measure.measure_id].state == FAR_BEHIND
        assert state[measure.measure_id].reached < BEHIND_SHARE
    assert result.measured_t > result.planned_t
    planned = dict(((sector, carrier), mwh) for sector, carrier, mwh, _ in result.carriers)
    assert planned[("haushalte", "erdgas")] < paths.base[("haushalte", "erdgas")]


def test_monitoring_refuses_a_year_outside_the_plan(balance, paths):
    from wip_qgis_plugin.core.measures import monitoring

    with pytest.raises(MeasuresError, match="nach dem Basisjahr 2024"):
        monitoring([], paths, balance_rows(balance), balance_rows(balance))


def test_a_shared_catalogue_round_trips_with_its_origin_and_a_broken_one_is_named(tmp_path):
    import datetime
    import json

    from wip_qgis_plugin.core.measures import peer_measures, read_shared, shared_document

    day = datetime.date(2026, 11, 30)
    measures = [new_measure("M01", "waermenetz", "Netz Altstadt", "Stufe 1", 800.0, 2000.0, 2027),
                new_measure("M02", "wind", "Windpark Nord", "Variante 1", 30.0, 60000.0, 2027)]
    path = tmp_path / "teuchern.json"
    path.write_text(json.dumps(shared_document(measures, "Teuchern", "15084590", day)), encoding="utf-8")
    shared = read_shared(path)
    assert (shared.origin.municipality, shared.origin.ags, shared.origin.shared) == ("Teuchern", "15084590", day)
    assert shared.origin.text() == "geteilt von Teuchern (15084590), 30.11.2026"
    assert [measure.title for measure in shared.measures] == ["Netz Altstadt", "Windpark Nord"]
    assert shared.measures[0].changes == pytest.approx(measures[0].changes)
    rows = [dict(measure_row(measure), origin_municipality="Teuchern") for measure in shared.measures]
    own = [new_measure("X", "waermenetz", "Unser Netz", "", 100.0, 100.0, 2027)]
    assert [row["title"] for row in peer_measures(own, rows)] == ["Netz Altstadt"]  # only our fields of action
    document = json.loads(path.read_text(encoding="utf-8"))
    document["measures"][1]["end_year"] = 2020
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(MeasuresError, match="teuchern.json: M02 Windpark Nord: Beginn 2027 und Ende 2020"):
        read_shared(path)
    path.write_text(json.dumps({"format": "wip-criteria-catalog"}), encoding="utf-8")
    with pytest.raises(MeasuresError, match="wip-measures-catalogue"):
        read_shared(path)
    with pytest.raises(MeasuresError, match="Namen der Gemeinde"):
        shared_document(measures, " ", "", day)


def test_the_wedge_chart_stacks_the_base_years_emissions_with_the_target_as_a_mark(balance, paths):
    import datetime

    from wip_qgis_plugin.core.report import ProfileReport, wedge_chart

    measures = number_measures(path_measures(paths))
    report = ProfileReport("Musterstadt", "Profil", datetime.date(2026, 12, 3), [], [], [], measures=measures,
                           wedges=wedges(measures, paths))
    chart = wedge_chart(report)
    assert [column[0] for column in chart.columns] == [str(year) for year in paths.years]
    for _, _, values, _ in chart.columns:
        assert sum(values.values()) == pytest.approx(report.wedges.base_t, rel=1e-9)
    assert chart.marks == {str(year): value for year, value in report.wedges.target.items()}
    assert [key for key, _, _ in chart.series[:4]] == ["remaining", "M01", "M02", "M03"]
