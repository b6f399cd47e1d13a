"""wip:xwaermeplanexport: the heat planning of the demo town as an XWärmeplan 0.9 document that the official model of
the XLeitstelle accepts and that QGIS reads back with the same areas and levels; hydrogen and decentral levels, the
§ 14 check and the privacy rule of § 10 Abs. 2 WPG on blocks made by hand."""
from __future__ import annotations

import subprocess
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.real_schemas import write_census_csv
from wip_qgis_plugin.core.xwaermeplan import REFERENCE_YEARS, XWP
from wip_qgis_plugin.qgis_io.data import census_grid
from wip_qgis_plugin.qgis_io.layers import is_null

from .conftest import RecordingFeedback, memory_layer, square

ROOT = Path(__file__).resolve().parents[2]
XPLAN_TOOLS = ROOT / ".venv-xplan-tools" / "bin" / "python"
DATES = {"START_DECISION": "2025-03-01", "DECISION": "2026-12-15"}
BLOCK_FIELDS = ("&field=level:integer&field=shortened_14:boolean&field=buildings:integer&field=demand_mwh_a:double"
                "&field=dominant_type:string&field=dominant_age:string&field=published:boolean"
                "&field=density_mwh_ha_a:double")
HEATING_COLUMNS = ("Insgesamt_Energietraeger", "Gas", "Heizoel", "Holz_Holzpellets", "Biomasse_Biogas",
                   "Solar_Geothermie_Waermepumpen", "Strom", "Kohle", "Fernwaerme", "kein_Energietraeger")
NS = {"w": XWP}


def export(parameters: dict, tmp_path, name: str = "waermeplan.gml") -> tuple[Path, RecordingFeedback]:
    path = tmp_path / name
    feedback = RecordingFeedback()
    processing.run("wip:xwaermeplanexport", {**DATES, "MUNICIPALITY": "Hohenmölsen", **parameters,
                                             "OUTPUT": str(path)}, feedback=feedback)
    return path, feedback


def demo_export(workspace, tmp_path, **values):
    return export({"AREAS": workspace.source("heatsuitability:OUTPUT"),
                   "STREETS": workspace.source("heatdensity:STREETS_OUTPUT"),
                   "STUDY_AREA": workspace.source("demo:real_gemeinde"), **values}, tmp_path)


def read_back(path: Path, kind: str) -> list[dict]:
    """The objects of one class as QGIS's GML reader sees them, with their geometry as shapely."""
    import shapely

    layer = QgsVectorLayer(f"{path}|layername={kind}", kind, "ogr")
    if not layer.isValid():
        return []
    rows = []
    for feature in layer.getFeatures():
        row = {name: None if is_null(feature[name]) else feature[name] for name in layer.fields().names()}
        row["geometry"] = shapely.from_wkb(bytes(feature.geometry().asWkb())) if feature.hasGeometry() else None
        rows.append(row)
    return rows


def layer_rows(source: str) -> list[dict]:
    import shapely

    layer = QgsVectorLayer(source, "rows", "ogr")
    rows = [{**{name: None if is_null(feature[name]) else feature[name] for name in layer.fields().names()},
             "geometry": shapely.from_wkb(bytes(feature.geometry().asWkb()))} for feature in layer.getFeatures()]
    del layer
    return rows


def test_the_demo_heat_plan_reads_back_with_the_areas_and_levels_of_the_suitability(workspace, tmp_path):
    import shapely

    path, feedback = demo_export(workspace, tmp_path)
    blocks = layer_rows(workspace.source("heatsuitability:OUTPUT"))
    target = read_back(path, "WP_WaermeversorgungsgebietZieljahr")
    assert target
    drawn = shapely.union_all([row["geometry"] for row in target])
    expected = shapely.union_all([row["geometry"] for row in blocks])
    assert drawn.area == pytest.approx(expected.area, rel=1e-6)
    assert drawn.symmetric_difference(expected).area < 1e-6 * expected.area
    assert {row["eignungWaermenetz"] for row in target} == {1000 * row["level"] for row in blocks}
    for row in target:
        level = row["eignungWaermenetz"] // 1000
        assert row["eignungDezentraleVersorgung"] == 1000 * (5 - level)
        assert row["eignungWasserstoffnetz"] == 4000  # no gas network given: § 14 Abs. 3 Nr. 1
        assert row["versorgungsart"] == (1000 if level <= 2 else 3000)
        inside = [block for block in blocks if row["geometry"].contains(block["geometry"].point_on_surface())]
        assert {block["level"] for block in inside} == {level}
    for year in REFERENCE_YEARS:
        assert len(read_back(path, f"WP_Waermeversorgungsgebiet{year}")) == len(target)
    # demand only where five buildings stand behind it; never more than the blocks hold
    published = [row["waermebedarf"] for row in target if row["waermebedarf"] is not None]
    assert published and sum(published) <= sum(row["demand_mwh_a"] or 0 for row in blocks) + 1
    streets = layer_rows(workspace.source("heatdensity:STREETS_OUTPUT"))
    lines = read_back(path, "WP_Waermeliniendichte")
    shown = [row for row in streets if row["published"] and row["line_density_kwh_m_a"] is not None]
    assert len(lines) == len(shown)
    assert sorted(round(row["waermeliniendichte"], 3) for row in lines) == pytest.approx(
        sorted(row["line_density_kwh_m_a"] / 1000 for row in shown), abs=1e-3)  # MWh/(m·a)
    checks = read_back(path, "WP_Eignungspruefung")
    assert {bool(row["ungeeignetWasserstoffnetz"]) for row in checks} == {True}
    assert len(read_back(path, "WP_TextAbschnitt")) == 5
    assert any("XWärmeplan 0.9" in message for message in feedback.messages)


def test_the_official_model_of_the_xleitstelle_accepts_the_demo_plan_and_finds_a_broken_one(workspace, tmp_path):
    if not XPLAN_TOOLS.exists():
        pytest.skip("xplan-tools is not installed (tools/setup_env.sh installs it)")
    block = next(row for row in layer_rows(workspace.source("heatsuitability:OUTPUT")) if row["published"])
    centre = block["geometry"].representative_point()
    grid = heating_grid(tmp_path, [(centre.x, centre.y, "7", "4", "1", "–", "–", "2", "–", "–", "–", "–")])
    path, _ = demo_export(workspace, tmp_path, HEATING_GRID=grid)
    assert b"WP_EnergieBaublock" in path.read_bytes()
    broken = tmp_path / "broken.gml"
    level = b"<xwaermeplan:eignungWaermenetz>"
    broken.write_bytes(path.read_bytes().replace(level, level + b"9", 1))
    check = ("import sys\nsys.path.insert(0, sys.argv[1])\n"
             "from wip_qgis_plugin.core.xwaermeplan import model_problems\n"
             "for name in sys.argv[2:]:\n    print(repr(model_problems(open(name, 'rb').read())))")
    result = subprocess.run([str(XPLAN_TOOLS), "-c", check, str(ROOT), str(path), str(broken)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    valid, invalid = result.stdout.strip().splitlines()
    assert valid == "[]"
    assert "eignungWaermenetz" in invalid


def blocks_layer():
    """Three blocks side by side and one apart: a network area of 3 + 4 buildings, a decentral one of 3, and one
    of 10 buildings apart from the others."""
    rows = [
        {"wkt": square(700_000, 5_660_000, 100), "level": 2, "shortened_14": False, "buildings": 3,
         "demand_mwh_a": 90.0, "density_mwh_ha_a": 90.0, "dominant_type": "EFH", "dominant_age": "C",
         "published": False},
        {"wkt": square(700_100, 5_660_000, 100), "level": 1, "shortened_14": False, "buildings": 4,
         "demand_mwh_a": 200.0, "density_mwh_ha_a": 200.0, "dominant_type": "MFH", "dominant_age": "F",
         "published": False},
        {"wkt": square(700_200, 5_660_000, 100), "level": 4, "shortened_14": True, "buildings": 3,
         "demand_mwh_a": 40.0, "density_mwh_ha_a": 40.0, "dominant_type": "EFH", "dominant_age": "B",
         "published": False},
        {"wkt": square(701_000, 5_660_000, 100), "level": 2, "shortened_14": False, "buildings": 10,
         "demand_mwh_a": 500.0, "density_mwh_ha_a": 500.0, "dominant_type": "GMH", "dominant_age": "K",
         "published": True},
    ]
    return memory_layer("bloecke", "Polygon", rows, fields=BLOCK_FIELDS)


def hand_export(tmp_path, **values):
    study = memory_layer("gemeinde", "Polygon", [{"wkt": square(699_000, 5_659_000, 4000)}])
    return export({"AREAS": blocks_layer(), "STUDY_AREA": study, "REGIONAL_KEY": "150840235235", **values}, tmp_path)


def test_levels_areas_and_privacy_on_blocks_made_by_hand(tmp_path):
    path, _ = hand_export(tmp_path)
    target = sorted(read_back(path, "WP_WaermeversorgungsgebietZieljahr"), key=lambda row: row["geometry"].bounds)
    # levels 1 and 2 are different areas even side by side; the decentral block alone; the block apart alone
    assert [(row["eignungWaermenetz"], row["versorgungsart"], row["istVerkuerzteWaermeplanung"])
            for row in target] == [(2000, 1000, False), (1000, 1000, False), (4000, 3000, True), (2000, 1000, False)]
    # fewer than five buildings: no demand; ten buildings: their demand
    assert [row["waermebedarf"] for row in target] == [None, None, None, pytest.approx(500.0)]
    blocks = read_back(path, "WP_GebaeudeBaublock")
    assert [(row["gebaeudetyp"], row["baualtersklasse"]) for row in blocks] == [(10004, 40002)]
    checks = read_back(path, "WP_Eignungspruefung")
    assert len(checks) == 2  # unsuited for hydrogen only, and for both
    both = next(row for row in checks if row["ungeeignetWaermenetz"])
    assert both["ungeeignetWasserstoffnetz"] and both["geometry"].area == pytest.approx(10_000)


def test_blocks_merged_into_one_area_publish_the_sum_of_five_buildings(tmp_path):
    layer = blocks_layer()
    layer.dataProvider().changeAttributeValues({2: {0: 2}})  # the second block becomes level 2 like the first
    path, _ = export({"AREAS": layer, "STUDY_AREA": memory_layer("g", "Polygon", [{"wkt": square(699_000, 5_659_000,
                                                                                               4000)}]),
                      "REGIONAL_KEY": "150840235235"}, tmp_path)
    target = sorted(read_back(path, "WP_WaermeversorgungsgebietZieljahr"), key=lambda row: row["geometry"].bounds)
    assert target[0]["geometry"].area == pytest.approx(20_000)
    assert target[0]["waermebedarf"] == pytest.approx(290.0)  # 3 + 4 buildings together


def test_a_gas_network_and_a_conversion_plan_raise_the_hydrogen_level(tmp_path):
    gas = memory_layer("gasnetz", "LineString", [{"wkt": "LINESTRING(700250 5659950, 700250 5660300)"}])
    path, _ = hand_export(tmp_path, GAS_NETWORK=gas)
    levels = {round(row["geometry"].centroid.x): row["eignungWasserstoffnetz"]
              for row in read_back(path, "WP_WaermeversorgungsgebietZieljahr")}
    assert levels == {700_050: 4000, 700_150: 3000, 700_250: 3000, 701_050: 4000}  # reach 100 m
    path, _ = hand_export(tmp_path, GAS_NETWORK=gas, CONVERSION_PLAN=True)
    target = read_back(path, "WP_WaermeversorgungsgebietZieljahr")
    decentral = next(row for row in target if round(row["geometry"].centroid.x) == 700_250)
    assert decentral["eignungWasserstoffnetz"] == 2000 and decentral["versorgungsart"] == 2000
    assert not decentral["istVerkuerzteWaermeplanung"]  # a hydrogen network remains possible


def heating_grid(tmp_path, cells: list[tuple]):
    """A census grid of buildings by heating carrier with one cell at each (x, y in EPSG:25832, counts by column
    as text), from a CSV of the census's form."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    laea = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:3035"),
                                  QgsProject.instance())
    rows = []
    for x, y, *counts in cells:
        point = laea.transform(QgsPointXY(x, y))
        rows.append((round(point.x()), round(point.y()), *counts))
    path = tmp_path / "Zensus2022_Energietraeger_100m-Gitter.csv"
    write_census_csv(path, rows, HEATING_COLUMNS)
    return census_grid(path)


def test_the_census_grid_gives_each_block_its_heat_by_carrier_and_its_generators(tmp_path):
    """The block of ten buildings holds a cell of 6 gas, 2 district heat and 1 electric heating (and suppressed
    values); the unpublished blocks get no carriers even with a cell."""
    from xml.etree import ElementTree

    grid = heating_grid(tmp_path, [(701_050, 5_660_050, "9", "6", "–", "–", "–", "–", "1", "–", "2", "–"),
                                   (700_050, 5_660_050, "3", "3", "–", "–", "–", "–", "–", "–", "–", "–")])
    path, feedback = hand_export(tmp_path, HEATING_GRID=grid)
    blocks = ElementTree.parse(path).getroot().findall(".//w:WP_EnergieBaublock", NS)
    assert len(blocks) == 1
    block = blocks[0]
    assert float(block.find("w:verbrauchsDichte", NS).text) == pytest.approx(500.0)
    carriers = {amount.find("w:traeger", NS).text: float(amount.find("w:energieMenge", NS).text)
                for amount in block.iterfind("w:energietraegerVerbrauch/w:WP_EnergieTraegerMenge", NS)}
    assert carriers == pytest.approx({"12001": 500 * 6 / 9, "8200": 500 * 2 / 9, "6000": 500 / 9}, abs=0.1)
    generators = {item.find("w:art", NS).text: int(item.find("w:anzahl", NS).text)
                  for item in block.iterfind("w:waermeerzeuger/w:WP_WaermeerzeugerAngaben", NS)}
    assert generators == {"20002": 6, "3000": 2, "1000": 1}
    assert any("Energieträger der Heizung für 1 von 1 Baublöcken (2 Gitterzellen)" in message
               for message in feedback.messages)
    titles = [title.text for title in ElementTree.parse(path).getroot().iterfind(".//w:WP_TextAbschnitt/w:title", NS)]
    assert "Wärmeverbrauchsdichte und Energieträger je Baublock (Anlage 2 WPG)" in titles


def test_a_grid_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv"
    write_census_csv(path, [(4_470_050, 3_110_050, "12")])
    with pytest.raises(QgsProcessingException, match="kein Gitter des Zensus 2022 mit Gebäuden nach Energieträger"):
        hand_export(tmp_path, HEATING_GRID=census_grid(path))
    assert not (tmp_path / "waermeplan.gml").exists()


@pytest.mark.parametrize("values, message", [
    ({"REGIONAL_KEY": "15084235"}, "Regionalschlüssel"),
    ({"START_DECISION": "2026-12-15", "DECISION": "2025-03-01"}, "vor dem Beschluss"),
    ({"BASE_YEAR": 2050}, "Zieljahr"),
    ({"REGIONAL_KEY": ""}, "Feld RS"),
])
def test_what_the_standard_cannot_hold_is_refused_and_nothing_written(tmp_path, values, message):
    with pytest.raises(QgsProcessingException, match=message):
        hand_export(tmp_path, **values)
    assert not (tmp_path / "waermeplan.gml").exists()


def test_blocks_without_suitability_levels_are_refused(workspace, tmp_path):
    with pytest.raises(QgsProcessingException, match="Eignung für Wärmenetze"):
        demo_export(workspace, tmp_path, AREAS=workspace.source("heatdensity:BLOCKS_OUTPUT"))
    assert not (tmp_path / "waermeplan.gml").exists()
