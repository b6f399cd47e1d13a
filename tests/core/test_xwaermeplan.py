"""XWärmeplan 0.9: the levels for hydrogen networks and decentral supply, the supply areas, the codes of building
types and age classes, and a document with the structure and units of the standard."""
from __future__ import annotations

import datetime
from xml.etree import ElementTree

import numpy as np
import pytest
from shapely.geometry import LineString, box

from wip_qgis_plugin.core.gml import GML
from wip_qgis_plugin.core.heat import load_typology
from wip_qgis_plugin.core.xwaermeplan import (
    DECENTRAL,
    HEAT_NETWORK,
    HYDROGEN_NETWORK,
    SF,
    XWP,
    BuildingBlock,
    EnergyBlock,
    HeatPlanDraft,
    HeatPlanError,
    StreetSection,
    SupplyArea,
    age_class_code,
    building_type_code,
    carrier_mix,
    checked_regional_key,
    decentral_levels,
    heat_plan_document,
    hydrogen_levels,
    rule_texts,
    supply_type,
)

NS = {"w": XWP, "sf": SF, "gml": GML}


def draft(**changes) -> HeatPlanDraft:
    areas = (SupplyArea(box(0, 0, 100, 100), 1, 4, 4, False, False, 1234.5, {2030: 1000.0, 2040: 800.0}),
             SupplyArea(box(100, 0, 200, 100), 4, 4, 1, True, True))
    values = dict(name="Wärmeplan Test", municipality="Hohenmölsen", regional_key="150840235235", epsg=25832,
                  boundary=box(0, 0, 300, 300), base_year=2024, target_year=2045,
                  start_decision=datetime.date(2025, 1, 1), decision=datetime.date(2026, 6, 30), areas=areas,
                  blocks=(BuildingBlock(box(0, 0, 100, 100), "10001", "2000", "1"),),
                  streets=(StreetSection(LineString([(0, 0), (100, 0)]), 1500.0),), texts=rule_texts(False, False,
                                                                                                     100.0))
    values.update(changes)
    return HeatPlanDraft(**values)


def test_a_blocks_buildings_by_heating_carrier_give_its_shares_and_generators():
    shares, generators = carrier_mix({"gas": 6.0, "holz_holzpellets": 1.0, "biomasse_biogas": 1.0, "fernwaerme": 2.0,
                                      "strom": 0.0, "kohle": float("nan")})
    assert shares == pytest.approx({"12001": 0.6, "31001": 0.1, "3100": 0.1, "8200": 0.2})
    assert generators == {"20002": 6, "6000": 2, "3000": 2}  # wood and biomass: both biomass heating
    assert carrier_mix({"gas": 0.0}) == ({}, {})


def test_an_energy_block_holds_its_density_carriers_and_generators():
    block = EnergyBlock(box(0, 0, 100, 100), 250.0, {"12001": 150.0, "8200": 100.0}, {"20002": 3, "3000": 2}, "7")
    root = ElementTree.fromstring(heat_plan_document(draft(energy_blocks=(block,))))
    element = root.find(".//w:WP_EnergieBaublock", NS)
    density = element.find("w:verbrauchsDichte", NS)
    assert (density.text, density.get("uom")) == ("250.0", "MWh/(ha*a)")
    assert [(amount.find("w:traeger", NS).text, amount.find("w:energieMenge", NS).text)
            for amount in element.iterfind("w:energietraegerVerbrauch/w:WP_EnergieTraegerMenge", NS)] == [
        ("12001", "150.0"), ("8200", "100.0")]
    assert [(item.find("w:art", NS).text, item.find("w:anzahl", NS).text)
            for item in element.iterfind("w:waermeerzeuger/w:WP_WaermeerzeugerAngaben", NS)] == [
        ("20002", "3"), ("3000", "2")]


def test_hydrogen_needs_a_gas_network_nearby_and_a_conversion_plan_for_level_two():
    distances = [np.nan, 0.0, 100.0, 100.1]
    assert hydrogen_levels(distances, 100.0).tolist() == [4, 3, 3, 4]
    assert hydrogen_levels(distances, 100.0, conversion_plan=True).tolist() == [4, 2, 2, 4]


def test_decentral_supply_mirrors_the_heat_network_and_the_supply_type_follows_the_levels():
    assert decentral_levels([1, 2, 3, 4]).tolist() == [4, 3, 2, 1]
    assert [supply_type(network, hydrogen) for network, hydrogen in [(1, 4), (2, 2), (3, 2), (3, 3), (4, 4)]] == [
        HEAT_NETWORK, HEAT_NETWORK, HYDROGEN_NETWORK, DECENTRAL, DECENTRAL]


def test_building_types_and_age_classes_become_the_codes_of_the_standard():
    labels = {use: entry.label for use, entry in load_typology().nonresidential.items()}
    assert building_type_code("GMH", labels) == "10004"
    assert building_type_code(labels["handel"], labels) == "20002"
    assert building_type_code("Lagerhalle unbekannter Art", labels) == "2000"  # a non-residential building
    assert building_type_code(None, labels) is None
    assert [age_class_code(age) for age in ("A", "C", "E", "G", "I", "L", "Z", None)] == [
        "10001", "10002", "2000", "30001", "30002", "40003", "9999", "9999"]


def test_the_document_holds_plan_areas_years_checks_blocks_and_streets_in_the_units_of_the_standard():
    root = ElementTree.fromstring(heat_plan_document(draft()))
    assert root.tag == f"{{{SF}}}FeatureCollection"
    plan = root.find("sf:featureMember/w:WP_Plan", NS)
    assert plan.find("w:planungsverantwortlicheStelle/w:WP_Gemeinde/w:regionalSchluessel", NS).text == "150840235235"
    assert [plan.find(f"w:{name}", NS).text for name in ("zieljahr", "basisJahrDatenerfassung",
                                                         "aufstellungsbeschlussDatum", "beschlussDatum")] == [
        "2045", "2024", "2025-01-01", "2026-06-30"]
    target = root.findall(".//w:WP_WaermeversorgungsgebietZieljahr", NS)
    assert [(area.find("w:eignungWaermenetz", NS).text, area.find("w:eignungDezentraleVersorgung", NS).text,
             area.find("w:versorgungsart", NS).text) for area in target] == [("1000", "4000", "1000"),
                                                                             ("4000", "1000", "3000")]
    demand = target[0].find("w:waermebedarf", NS)
    assert (demand.text, demand.get("uom")) == ("1234.5", "MWh/a")
    assert target[1].find("w:waermebedarf", NS) is None  # not published
    year_2035 = root.findall(".//w:WP_Waermeversorgungsgebiet2035", NS)
    assert len(year_2035) == 2 and all(area.find("w:waermebedarf", NS) is None for area in year_2035)
    line = root.find(".//w:WP_Waermeliniendichte/w:waermeliniendichte", NS)
    assert (line.text, line.get("uom")) == ("1.5000", "MWh/(m*a)")  # 1,500 kWh/(m·a)
    checks = root.findall(".//w:WP_Eignungspruefung", NS)
    assert [(check.find("w:ungeeignetWaermenetz", NS).text, check.find("w:ungeeignetWasserstoffnetz", NS).text)
            for check in checks] == [("false", "true"), ("true", "true")]
    ids = {element.get(f"{{{GML}}}id") for element in root.iter() if element.get(f"{{{GML}}}id")}
    contents = [reference.get("{http://www.w3.org/1999/xlink}href")[1:]
                for reference in root.findall(".//w:WP_Bereich/w:planinhalt", NS)]
    assert len(contents) == 2 + 2 * 3 + 2 + 1 + 1 and set(contents) <= ids


@pytest.mark.parametrize("changes, message", [
    (dict(regional_key="15084235"), "Regionalschlüssel"),
    (dict(regional_key="1508-4023-5235"), "Regionalschlüssel"),
    (dict(decision=datetime.date(2024, 1, 1)), "vor dem Beschluss"),
    (dict(base_year=2050), "Zieljahr"),
    (dict(areas=()), "keine Gebiete"),
    (dict(boundary=LineString([(0, 0), (1, 1)])), "keine Fläche"),
])
def test_what_the_standard_cannot_hold_is_refused(changes, message):
    with pytest.raises(HeatPlanError, match=message):
        heat_plan_document(draft(**changes))


def test_a_regional_key_is_twelve_digits():
    assert checked_regional_key(" 150840235235 ") == "150840235235"
