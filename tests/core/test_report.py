"""The Zukunftsprofil HTML without QGIS: sections in order, numbers for people, escaping of hostile text, a line for
each missing optional input, the checks of the tables and the chart data."""

import base64
import datetime
import math
import re

import pytest

from wip_qgis_plugin.core import i18n
from wip_qgis_plugin.core.i18n import format_number
from wip_qgis_plugin.core.report import (
    ASSUMPTION_FIELDS,
    BALANCE_FIELDS,
    INDICATOR_FIELDS,
    STYLE,
    MapFigure,
    ProfileReport,
    ReportError,
    alternatives_chart,
    alternatives_from_allocation,
    balance_chart,
    build_html,
    check_alternatives,
    check_assumptions,
    check_balance,
    check_indicators,
    data_uri,
    plain_words,
    summary,
)

YEARS = (2023, 2030, 2045)
HOSTILE = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>')


pytestmark = pytest.mark.usefixtures("german")  # every test starts in German


def balance_rows():
    rows = []
    for step, year in enumerate(YEARS):
        for sector, carrier, mwh, factor in (("haushalte", "erdgas", 40000.0, 240.0),
                                             ("haushalte", "strom", 15000.0, 560.0),
                                             ("industrie", "strom", 20000.0, 560.0)):
            mwh = mwh * (1 - 0.3 * step)
            rows.append({"year": year, "kind": "demand", "sector": sector, "carrier": carrier, "mwh": mwh,
                         "co2_t": mwh * factor / 1000, "factor_g_kwh": factor, "source": "Klimaschutz-Planer"})
        rows.append({"year": year, "kind": "generation", "sector": "bestand", "carrier": "wind", "mwh": 90000.0,
                     "co2_t": 0.0, "factor_g_kwh": 0.0, "source": "MaStR"})
        rows.append({"year": year, "kind": "generation", "sector": "planung", "carrier": "pv",
                     "mwh": 25000.0 * step, "co2_t": 0.0, "factor_g_kwh": 0.0, "source": "wip:pvyield"})
    return rows


def indicator_rows():
    return [{"year": year, "population": 9500.0 - 100 * step, "demand_mwh": 75000.0 * (1 - 0.3 * step),
             "electricity_mwh": 35000.0, "heat_mwh": 40000.0, "generation_mwh": 90000.0 + 25000 * step,
             "self_sufficiency_electricity_pct": 257.0 + 50 * step, "self_sufficiency_heat_pct": 4.5 + 20 * step,
             "renewable_share_pct": 12.5 + 40 * step, "co2_t": 30000.0 * (1 - 0.45 * step),
             "co2_t_per_capita": 30000.0 * (1 - 0.45 * step) / (9500 - 100 * step),
             "gap_to_neutrality_t": 30000.0 * (1 - 0.45 * step)} for step, year in enumerate(YEARS)]


def assumption_rows():
    return [{"topic": "Emissionsfaktor Erdgas", "value": "240", "unit": "g CO₂e/kWh", "legal_basis": "GEG Anlage 9",
             "source": "GEG 2024", "status": "checked"},
            {"topic": "Sanierungsrate", "value": "2", "unit": "%/a", "legal_basis": None, "source": "Annahme",
             "status": "unchecked"}]


def alternative_rows():
    return [{"alternative": 1, "name": "maximale Eignung", "ha_wind": 120.0, "ha_pv": 40.0, "gwh_total": 95.5,
             "co2_t_a": 82000.0, "prime_ha": 3.5, "mean_score": 71.2, "wind_share_pct": 2.1, "targets_missed": 0,
             "shortfalls": None},
            {"alternative": 2, "name": "flächensparend", "ha_wind": 90.0, "ha_pv": 30.0, "gwh_total": 80.1,
             "co2_t_a": 69000.0, "prime_ha": 0.0, "mean_score": 65.0, "wind_share_pct": 1.6, "targets_missed": 1,
             "shortfalls": "Windflächenziel: es fehlen 20,0 ha (allein nicht erreichbar)"}]


def make_report(**overrides):
    values = dict(municipality="Hohenmölsen", title="Zukunftsprofil Hohenmölsen", date=datetime.date(2025, 3, 12),
                  balance=check_balance(BALANCE_FIELDS, balance_rows()),
                  indicators=check_indicators(INDICATOR_FIELDS, indicator_rows()),
                  assumptions=check_assumptions(ASSUMPTION_FIELDS, assumption_rows()),
                  alternatives=check_alternatives(list(alternative_rows()[0]), alternative_rows()), chosen=2,
                  municipality_ha=5000.0)
    values.update(overrides)
    return ProfileReport(**values)


def all_images(report):
    report.maps = {key: MapFigure(key, f"map_{key}", [("#1a9850", "Flächenkulisse Wind")], "Hinweis")
                   for key in ("eligible", "sites", "alternative", "heat")}
    return {name: f"{name}.png" for name in ("chart_balance", "chart_alternatives", "map_eligible", "map_sites",
                                             "map_alternative", "map_heat")}


def text_of(html):
    """The visible text: tags removed, entities kept."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# -- sections -------------------------------------------------------------------------------------------------------

def test_sections_are_there_in_order():
    report = make_report()
    html = build_html(report, all_images(report))
    positions = [html.index(f'id="{anchor}"') for anchor in ("summary", "balance", "indicators", "base-year",
                                                                "maps", "map-eligible", "map-sites",
                                                                "map-alternative", "map-heat", "alternatives",
                                                                "alternatives-table", "assumptions",
                                                                "assumptions-table")]
    assert positions == sorted(positions)
    assert html.index("<h1>Zukunftsprofil Hohenmölsen</h1>") < positions[0]
    for heading in ("1 Energie- und Treibhausgasbilanz", "2 Karten", "3 Planungsvarianten im Vergleich",
                    "5 Annahmen, Quellen und Daten"):
        assert heading in html
    assert html.count("page-break-before: always") >= 4  # each main section starts a printed page
    for name in ("chart_balance", "map_eligible", "map_heat", "chart_alternatives"):
        assert f'id="{name}" src="{name}.png"' in html
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_title_page_summarises_in_plain_words():
    report = make_report()
    sentences = summary(report)
    # a balance table without a transport sector: every total says so
    assert sentences[0] == ("Im Jahr 2023 verursachte Hohenmölsen 30.000 t Treibhausgase (CO₂-Äquivalente, ohne "
                            "Verkehr), 3,2 t je Einwohnerin und Einwohner.")
    assert "Nach diesem Profil sind es im Jahr 2045 noch 3.000 t (-90 % gegenüber 2023)." in sentences
    assert ("Erneuerbare Energien decken 13 % des Endenergieverbrauchs im Jahr 2023 und 93 % im Jahr 2045 (Strom mit "
            "dem Anteil im Bundesstrommix).") in sentences
    assert any(s.startswith("Bilanzielle Deckung") and "357 % des Stromverbrauchs" in s and "45 % des Wärmebedarfs"
               in s for s in sentences)
    assert sentences[-1] == "Die gewählte Planungsvariante „flächensparend“ weist 1,60 % der Gemeindefläche für " \
                            "Windenergie aus."
    html = build_html(report, {})
    assert "Stand: 12.03.2025" in text_of(html)
    assert all(sentence in html for sentence in sentences if "„" not in sentence)


def test_the_totals_name_what_they_include():
    without = text_of(build_html(make_report(), {}))
    assert "Endenergieverbrauch ohne Verkehr" in without and "Treibhausgasemissionen ohne Verkehr" in without
    assert "Summe Verbrauch ohne Verkehr" in without and "Alle Summen ohne Verkehr." in without
    assert "im Verkehr" not in without
    rows = [dict(row, transport_mwh=7000.0, transport="estimate") for row in indicator_rows()]
    report = make_report(indicators=check_indicators(INDICATOR_FIELDS + ("transport_mwh", "transport"), rows))
    text = text_of(build_html(report, {}))
    assert "ohne Verkehr" not in text and "davon Kraftstoffe im Verkehr" in text
    assert "Alle Summen mit Verkehr (Schätzung aus dem Bundesdurchschnitt je Einwohner)." in text
    assert "(CO₂-Äquivalente, mit Verkehr (Schätzung" in summary(report)[0]


def test_the_appendix_lists_every_default_with_its_source():
    from wip_qgis_plugin.core.sources import register

    assert "Anhang: Vorgaben des Plugins" not in build_html(make_report(), {})  # no register given: no appendix
    html = build_html(make_report(register=register()), {})
    appendix = text_of(html[html.index('id="register"'):])
    assert "Vorgaben für Windparks im Mitteldeutschen Revier" in appendix
    assert "Mittlere Windgeschwindigkeit" in appendix and "5,80 m/s" in appendix
    assert "§ 61 Abs. 1 BNatSchG" in appendix and "01.03.2010" in appendix  # legal basis and date, German
    assert appendix.count("Climate Change 13/2025") >= 2  # the electricity mix and PV's avoided emissions


def test_wind_share_from_the_area_when_the_table_has_no_share():
    rows = [{key: value for key, value in row.items() if key != "wind_share_pct"} for row in alternative_rows()]
    report = make_report(alternatives=check_alternatives(list(rows[0]), rows), chosen=1)
    assert report.wind_share_pct() == pytest.approx(100 * 120 / 5000)
    assert "2,40 % der Gemeindefläche" in summary(report)[-1]


def test_neutrality_reached_is_said_so():
    indicators = check_indicators(INDICATOR_FIELDS, indicator_rows())
    indicators[-1]["gap_to_neutrality_t"] = 0.0
    sentences = summary(make_report(indicators=indicators))
    assert "Im Jahr 2045 erreicht die Gemeinde nach diesem Profil die Treibhausgasneutralität." in sentences
    assert not any(s.startswith("Bis zur Treibhausgasneutralität fehlen") for s in sentences)


# -- numbers --------------------------------------------------------------------------------------------------------

def test_numbers_for_people():
    assert format_number(1234567.891, 1) == "1.234.567,9"
    assert format_number(12.5) == "13"  # half up, not to even
    assert format_number(2.675, 2) == "2,68"
    assert format_number(-0.2) == "0"
    assert format_number(math.nan) == "–" and format_number(None) == "–"
    i18n.set_translator(lambda text: text, "en")
    assert format_number(1234567.891, 1) == "1,234,567.9"


def test_tables_show_the_figures():
    report = make_report()
    html = build_html(report, {})
    indicators = html[html.index('id="indicators"'):html.index('id="base-year"')]
    assert ">9.500</td>" in indicators and ">30.000</td>" in indicators and ">3.000</td>" in indicators
    assert ">3,2</td>" in indicators  # t per capita with one decimal
    base_year = html[html.index('id="base-year"'):html.index('id="maps"')]
    assert "Private Haushalte" in base_year and "Erdgas" in base_year and "Windenergie" in base_year
    assert ">9.600</td>" in base_year  # 40,000 MWh natural gas × 240 g/kWh
    assert "<b>75.000</b>" in base_year and "<b>29.200</b>" in base_year  # demand and CO₂ totals
    assert "2030" not in base_year
    table = html[html.index('id="alternatives-table"'):html.index('id="assumptions"')]
    assert "★ 2: flächensparend" in table and ">95,5</td>" in table and ">82.000</td>" in table
    assert "Windflächenziel: es fehlen 20,0 ha" in table
    assert table.count("background-color:#fff3cd") >= 9  # the chosen column is marked in every row
    assumptions = html[html.index('id="assumptions-table"'):]
    assert "geprüft" in assumptions and "ungeprüfter Standardwert" in assumptions and "GEG Anlage 9" in assumptions
    assert "1 Annahme(n) sind ungeprüfte Standardwerte" in assumptions


def test_attribution_and_synthetic_note():
    html = build_html(make_report(demo_data=True), {})
    for text in ("© GeoBasis-DE / BKG (2016), dl-de/by-2-0", "Eichhorn et al. 2019", "CC BY 4.0",
                 "© OpenStreetMap contributors, ODbL", "GermanZero localzero-data, dl-de/by-2-0",
                 "Die Planungsdaten der Demogemeinde (Siedlungen, Gebäude"):
        assert text in html
    assert "<li>Klimaschutz-Planer</li>" in html and "<li>MaStR</li>" in html  # the balance's sources
    assert "Demogemeinde" not in build_html(make_report(), {})  # a municipality's own data is not synthetic


# technical names a planner cannot know: field names, algorithm ids, parameter and table names, layer prefixes
TECHNICAL_NAMES = re.compile(r"\bwip:|\bFeld\b|\bParameter\b|\b[A-Z]{2,}_[A-Z_]+\b|\bsynth_|"
                             r"\b(ASSUMPTIONS|ELIGIBLE|SITES|ALLOCATION|BALANCE|INDICATORS)\b|"
                             r"\b(score|gwh_a|mwp|ha_wind|level)\b")


def test_the_report_speaks_in_plain_words():
    """Made with every optional input, with none, and from a demo run's data: no technical name in the text."""
    balance = balance_rows()
    balance[0]["source"] = "Wärmebedarf der Gebäude (wip:heatdemand)"
    assumptions = assumption_rows()
    assumptions[1]["source"] = "Annahme aus wip:energybalance"
    complete = make_report(balance=check_balance(BALANCE_FIELDS, balance),
                           assumptions=check_assumptions(ASSUMPTION_FIELDS, assumptions), demo_data=True)
    empty = make_report(alternatives=[], chosen=None, assumptions=[])
    for report, images in ((complete, all_images(complete)), (empty, {})):
        text = text_of(build_html(report, images))
        assert not TECHNICAL_NAMES.search(text), TECHNICAL_NAMES.search(text).group(0)
    text = text_of(build_html(complete, all_images(complete)))
    assert "Wärmebedarf der Gebäude (Werkzeug „Wärmebedarf Gebäude“)" in text
    assert "Annahme aus Werkzeug „Energie- und Treibhausgasbilanz“" in text
    assert "Erstellt mit dem QGIS-Plugin WIP, Werkzeug „Zukunftsprofil erstellen“." in text


def test_plain_words_names_the_tool_of_an_algorithm_id():
    assert plain_words("Ergebnis von wip:sitescore") == "Ergebnis von Werkzeug „Standorte bewerten“"
    assert plain_words("wip:unbekannt bleibt") == "wip:unbekannt bleibt"
    assert plain_words(None) == ""


# -- printing -------------------------------------------------------------------------------------------------------

def test_a_map_and_its_legend_are_one_block_that_a_page_does_not_split():
    report = make_report()
    html = build_html(report, all_images(report))
    for key in ("eligible", "sites", "alternative", "heat"):
        assert re.search(rf'<div class="figure">\s*<p align="center"><img id="map_{key}"[^>]*></p>\s*<p>Hinweis</p>\s*'
                         rf'<p class="legend">[^<]*<span[^>]*>■</span>&nbsp;Flächenkulisse Wind</p></div>', html), key
    assert re.search(r"\.figure\s*\{\s*page-break-inside:\s*avoid", STYLE)


def test_units_and_labels_do_not_break_inside_a_token():
    """A slash or the space of a unit is no place for a line break ("t CO₂e/" and "a", "GE/" and "GI)")."""
    rows = [dict(row, ha_gewerbe=5.0) for row in alternative_rows()]
    html = build_html(make_report(alternatives=check_alternatives(list(rows[0]), rows)), {})
    indicators = html[html.index('id="indicators"'):html.index('id="base-year"')]
    assert "<td>t&nbsp;CO₂e/&#8288;a</td>" in indicators and "<td>MWh/&#8288;a</td>" in indicators
    table = html[html.index('id="alternatives-table"'):html.index('id="assumptions"')]
    assert "Gewerbe und Industrie (GE/&#8288;GI) (ha)" in table
    assert "(t&nbsp;CO₂/&#8288;a)" in table
    assumptions = html[html.index('id="assumptions-table"'):]
    assert "g&nbsp;CO₂e/&#8288;kWh" in assumptions


# -- escaping -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_value_from_data_is_escaped(hostile):
    balance = balance_rows()
    balance[0]["source"] = hostile
    balance[0]["carrier"] = hostile  # an unknown carrier is shown as it is
    assumptions = assumption_rows()
    assumptions[0].update(topic=hostile, value=hostile, unit=hostile, legal_basis=hostile, source=hostile,
                          status=hostile)
    alternatives = alternative_rows()
    alternatives[1].update(name=hostile, shortfalls=hostile)
    report = make_report(municipality=hostile, title=hostile,
                         balance=check_balance(BALANCE_FIELDS, balance),
                         assumptions=check_assumptions(ASSUMPTION_FIELDS, assumptions),
                         alternatives=check_alternatives(list(alternatives[0]), alternatives))
    report.notes = [hostile]
    images = all_images(report)
    report.maps["sites"] = MapFigure("sites", "map_sites", [(hostile, hostile)], hostile)
    images["map_sites"] = hostile
    html = build_html(report, images)
    assert "<script" not in html.lower()
    assert "<img src=x" not in html
    assert 'onerror=alert(1)>' not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;" if "script" in hostile else \
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    assert html.count(escaped) >= 15  # title, name, summary, sources, assumption, alternative, map note, legend …
    assert "<h1>" + escaped + "</h1>" in html


# -- missing optional inputs ----------------------------------------------------------------------------------------

def test_missing_optional_inputs_are_said_in_one_line():
    html = build_html(make_report(alternatives=[], chosen=None), {"chart_balance": "chart_balance.png"})
    for line in ("Keine Flächenkulisse angegeben.", "Keine Standortbewertung angegeben.",
                 "Keine Planungsvariante angegeben.", "Keine Eignung für Wärmenetze angegeben.",
                 "Keine Planungsvarianten angegeben."):
        assert f'<p class="missing">{line}</p>' in html
    assert 'id="map_' not in html and "alternatives-table" not in html
    assert "Planungsvariante „" not in html  # no wind-share sentence without alternatives
    assert 'id="chart_balance"' in html


def test_a_map_without_its_image_counts_as_missing():
    report = make_report()
    report.maps["heat"] = MapFigure("heat", "map_heat", [])
    html = build_html(report, {})
    assert "Keine Eignung für Wärmenetze angegeben" in html


def test_empty_assumptions_say_so():
    html = build_html(make_report(assumptions=[]), {})
    assert "Die Tabelle der Annahmen ist leer." in html


# -- checks ---------------------------------------------------------------------------------------------------------

def test_a_missing_field_is_named():
    fields = [name for name in BALANCE_FIELDS if name != "co2_t"]
    with pytest.raises(ReportError, match="Der Tabelle BALANCE fehlt das Feld „co2_t“"):
        check_balance(fields, balance_rows())
    with pytest.raises(ReportError, match="„year“, „population“"):
        check_indicators(["co2_t"], [])
    with pytest.raises(ReportError, match="„status“"):
        check_assumptions(ASSUMPTION_FIELDS[:-1], [])


def test_bad_values_are_named_by_row_and_field():
    rows = balance_rows()
    rows[2]["mwh"] = "viel"
    with pytest.raises(ReportError, match="Tabelle BALANCE, Zeile 3, Feld „mwh“: „viel“ ist keine Zahl"):
        check_balance(BALANCE_FIELDS, rows)
    rows = balance_rows()
    rows[1]["kind"] = "verbrauch"
    with pytest.raises(ReportError, match="Zeile 2: unbekannte Art „verbrauch“"):
        check_balance(BALANCE_FIELDS, rows)
    rows = indicator_rows()
    rows[0]["year"] = None
    with pytest.raises(ReportError, match="Zeile 1: das Feld „year“ ist leer"):
        check_indicators(INDICATOR_FIELDS, rows)


def test_empty_values_become_nan_and_show_as_dash():
    rows = indicator_rows()
    rows[1]["population"] = None
    indicators = check_indicators(INDICATOR_FIELDS, rows)
    assert math.isnan(indicators[1]["population"])
    assert ">–</td>" in build_html(make_report(indicators=indicators), {})


def test_empty_tables_are_refused():
    with pytest.raises(ReportError, match="BALANCE.*leer"):
        check_balance(BALANCE_FIELDS, [])
    with pytest.raises(ReportError, match="INDICATORS.*leer"):
        check_indicators(INDICATOR_FIELDS, [])


def test_an_alternative_that_does_not_exist():
    with pytest.raises(ReportError, match="Die Planungsvariante 7 gibt es nicht; vorhanden: 1, 2"):
        make_report(chosen=7)


def test_alternatives_are_numbered_in_order_without_the_field():
    rows = [{key: value for key, value in row.items() if key != "alternative"} for row in alternative_rows()]
    assert [row["alternative"] for row in check_alternatives(list(rows[0]), rows)] == [1, 2]


# -- chart data -----------------------------------------------------------------------------------------------------

def test_balance_chart_stacks_demand_by_sector_and_generation_by_carrier():
    chart = balance_chart(check_balance(BALANCE_FIELDS, balance_rows()))
    assert chart.unit == "GWh/a"
    assert [(group, label) for group, label, _, _ in chart.columns] == [
        (str(year), label) for year in YEARS for label in ("Verbrauch", "Erzeugung")]
    _, _, demand, _ = chart.columns[0]
    assert demand == pytest.approx({"demand:haushalte": 55.0, "demand:industrie": 20.0})
    _, _, generation, _ = chart.columns[5]
    assert generation == pytest.approx({"generation:wind": 90.0, "generation:pv": 50.0})
    assert [label for _, label, _ in chart.series] == ["Private Haushalte", "Industrie", "Photovoltaik",
                                                       "Windenergie"]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", colour) for _, _, colour in chart.series)


def test_the_rooftop_path_stands_beside_the_other_generation():
    rows = balance_rows() + [{"year": 2045, "kind": "generation", "sector": "dach", "carrier": "pv_dach",
                              "mwh": 12000.0, "co2_t": 0.0, "factor_g_kwh": 0.0, "source": "wip:rooftoppv"}]
    chart = balance_chart(check_balance(BALANCE_FIELDS, rows))
    assert [label for _, label, _ in chart.series][-3:] == ["Photovoltaik", "Photovoltaik Dach", "Windenergie"]
    _, _, generation, _ = chart.columns[-1]
    assert generation["generation:pv_dach"] == pytest.approx(12.0)


def test_alternatives_chart_marks_the_chosen_one():
    chart = alternatives_chart(check_alternatives(list(alternative_rows()[0]), alternative_rows()), 2)
    assert [highlighted for _, _, _, highlighted in chart.columns] == [False, True]
    assert chart.columns[0][2] == {"wind": 120.0, "pv": 40.0}
    assert [key for key, _, _ in chart.series] == ["wind", "pv"]  # uses without area are left out


def test_alternatives_from_the_allocation():
    rows = [{"alternative": 1, "alt_name": "maximale Eignung", "use": "wind", "ha": 9.0, "gwh_a": 4.2},
            {"alternative": 1, "alt_name": "maximale Eignung", "use": "pv", "ha": 3.0, "gwh_a": 3.0},
            {"alternative": 2, "alt_name": None, "use": "wind", "ha": 4.5, "gwh_a": math.nan}]
    alternatives = alternatives_from_allocation(rows)
    assert [row["alternative"] for row in alternatives] == [1, 2]
    assert alternatives[0]["ha_wind"] == 9.0 and alternatives[0]["gwh_total"] == pytest.approx(7.2)
    assert alternatives[1]["name"] == "Variante 2" and alternatives[1]["ha_pv"] == 0.0
    # alternatives that allocate nothing have no row but exist: those before the highest one come back empty
    empty_first = alternatives_from_allocation([dict(rows[2], alternative=3)])
    assert [row["alternative"] for row in empty_first] == [1, 2, 3]
    assert empty_first[0]["gwh_total"] == 0.0 and empty_first[0]["ha_wind"] == 0.0


def test_data_uri_round_trip():
    uri = data_uri(b"\x89PNG\r\n")
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == b"\x89PNG\r\n"


# -- language -------------------------------------------------------------------------------------------------------

def test_the_report_follows_the_core_translator():
    english = {"2 Karten": "2 Maps", "Gemeinde": "Municipality", "geprüft": "verified"}
    i18n.set_translator(lambda text: english.get(text, text), "en")
    html = build_html(make_report(), {})
    assert '<html lang="en">' in html
    assert "2 Maps" in html and "Municipality" in html and "verified" in html
    assert "Stand: 2025-03-12" in text_of(html)
    assert ">30,000</td>" in html  # English number format


def similar_figures():
    from wip_qgis_plugin.core.peers import PeerFigures

    def figures(name, wind, pv):
        return PeerFigures("00000000", name, 9000.0, 50.0, 20.0, wind, pv, 9.0, 7.5)

    # the report's balance plans 50,000 MWh/a of PV by 2045 on the subject's 50 km²: 1,000 more per km²
    return figures("Hohenmölsen", 1800.0, 100.0), [figures("Elsteraue", 200.0, 2500.0),
                                                   figures("Groitzsch", 2000.0, 150.0)]


def test_the_peer_comparison_ranks_the_municipality_and_names_who_already_did_what_it_plans():
    html = build_html(make_report(similar=similar_figures()), all_images(make_report()))
    text = text_of(html)
    assert "Vergleich mit ähnlichen Gemeinden" in text
    assert "Windstrom je km² heute: Platz 2 von 3" in text and "Solarstrom je km² heute: Platz 3 von 3" in text
    assert "etwa 1.100 MWh Solarstrom je km²; so viel erzeugen heute schon: Elsteraue" in text
    assert "Windstrom je km²;" not in text  # no wind is planned
    assert "Marktstammdatenregister 2024" in text
    assert "Vergleich mit ähnlichen Gemeinden" not in text_of(build_html(make_report(), all_images(make_report())))
