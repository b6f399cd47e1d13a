"""wip:rooftoppv through Processing: LoD2 tiles written here, the footprint method on the demo buildings,
monuments, existing plants of the register and the totals per municipality."""
import math

import pytest

from tests.core.test_rooftop_pv import EAVE, X0, Y0, flat_with_courtyard, gable, hip, write_city_model
from tests.processing_algorithms.conftest import memory_layer
from wip_qgis_plugin.core.rooftop_pv import shipped_rooftop_assumptions
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

ASSUMPTIONS = shipped_rooftop_assumptions()


def areas(wkts, field="ags", values=None):
    return memory_layer("areas", "Polygon", [{"wkt": wkt, field: values[n] if values else str(n + 1)}
                                             for n, wkt in enumerate(wkts)], fields=f"&field={field}:string")


def box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


@pytest.fixture
def tiles(tmp_path):
    folder = tmp_path / "lod2"
    folder.mkdir()
    write_city_model(folder / "tile_1.gml", {"GABLE": (0.0, gable(), {}), "HIP": (20.0, hip(), {})})
    write_city_model(folder / "tile_2.gml", {"FLAT": (40.0, flat_with_courtyard(), {"roof_type": "1000"})})
    return folder


def run(wip_processing, **parameters):
    import processing

    return processing.run("wip:rooftoppv", {"BUILDINGS_OUTPUT": "TEMPORARY_OUTPUT", "TOTALS": "TEMPORARY_OUTPUT",
                                            **parameters})


def rows(layer):
    return {feature["building_id"] if "building_id" in layer.fields().names() else feature["municipality"]:
            {name: feature[name] for name in layer.fields().names()} for feature in layer.getFeatures()}


def test_lod2_tiles_give_roofs_buildings_and_totals(wip_processing, tiles):
    result = run(wip_processing, LOD2_FOLDER=str(tiles), ROOFS="TEMPORARY_OUTPUT")
    roofs, buildings, totals = result["ROOFS"], rows(result["BUILDINGS_OUTPUT"]), rows(result["TOTALS"])
    assert roofs.featureCount() == 7 and roofs.crs().authid() == "EPSG:25832"
    assert set(buildings) == {"GABLE", "HIP", "FLAT"}
    gable_south = next(f for f in roofs.getFeatures() if f["surface_id"] == "GABLE_south_1")
    slope = 4.0 / math.cos(math.radians(35.0))
    setback = ASSUMPTIONS.edge_setback_m.value
    usable = (10 - 2 * setback) * (slope - 2 * setback)
    assert gable_south["area_m2"] == pytest.approx(10 * slope, rel=1e-5)
    assert gable_south["usable_m2"] == pytest.approx(usable, rel=1e-4)
    assert gable_south["kwp"] == pytest.approx(usable * ASSUMPTIONS.module_share_pitched.value
                                               * ASSUMPTIONS.module_kwp_per_m2.value, rel=1e-4)
    assert gable_south["suitability"] == "very_good"
    assert buildings["GABLE"]["kwp"] == pytest.approx(gable_south["kwp"])  # its north face carries nothing
    assert buildings["GABLE"]["surfaces"] == 2 and buildings["GABLE"]["suitability"] == "very_good"
    assert buildings["HIP"]["ags"] == "15084235" and buildings["FLAT"]["roof_type"] == "1000"
    assert list(totals) == ["15084235"]
    assert totals["15084235"]["buildings"] == 3
    assert totals["15084235"]["mwp"] == pytest.approx(sum(b["kwp"] for b in buildings.values()) / 1e3)
    assert result["TOTAL_GWH"] == pytest.approx(sum(b["mwh_a"] for b in buildings.values()) / 1e3)


def test_monuments_are_marked_or_excluded(wip_processing, tiles):
    monument = areas([box(X0 + 19, Y0 - 1, X0 + 33, Y0 + 9)])  # around the hip-roofed house
    marked = rows(run(wip_processing, LOD2_FOLDER=str(tiles), MONUMENTS=monument)["BUILDINGS_OUTPUT"])
    assert [key for key, row in marked.items() if row["monument"]] == ["HIP"] and marked["HIP"]["kwp"] > 0
    excluded = run(wip_processing, LOD2_FOLDER=str(tiles), MONUMENTS=monument, EXCLUDE_MONUMENTS=True,
                   ROOFS="TEMPORARY_OUTPUT")
    buildings = rows(excluded["BUILDINGS_OUTPUT"])
    assert buildings["HIP"]["kwp"] == 0 and buildings["HIP"]["suitability"] == "unsuitable"
    assert buildings["GABLE"]["kwp"] == pytest.approx(marked["GABLE"]["kwp"])
    assert all(f["kwp"] == 0 for f in excluded["ROOFS"].getFeatures() if f["building_id"] == "HIP")
    assert rows(excluded["TOTALS"])["15084235"]["monuments"] == 1


def test_totals_follow_the_municipality_areas(wip_processing, tiles):
    halves = areas([box(X0 - 5, Y0 - 5, X0 + 35, Y0 + 15), box(X0 + 35, Y0 - 5, X0 + 70, Y0 + 15)], field="gen",
                   values=["West", "Ost"])
    totals = rows(run(wip_processing, LOD2_FOLDER=str(tiles), MUNICIPALITIES=halves)["TOTALS"])
    assert {name: row["buildings"] for name, row in totals.items()} == {"Ost": 1, "West": 2}


def test_footprints_of_the_demo_without_a_model(wip_processing):
    result = run(wip_processing, BUILDINGS=f"{DEMO_GPKG}|layername=synth_gebaeude",
                 MUNICIPALITIES=f"{DEMO_GPKG}|layername=real_gemeinde")
    layer = result["BUILDINGS_OUTPUT"]
    methods = {feature["method"] for feature in layer.getFeatures()}
    assert methods == {"Grundriss (grob)"}
    flats = [f for f in layer.getFeatures() if f["gebaeudefunktion"] >= 2000 and f["kwp"] > 0]
    flat = flats[0]
    share = ASSUMPTIONS.footprint.flat_usable_share.value
    assert flat["usable_m2"] == pytest.approx(flat.geometry().area() * share, rel=1e-6)
    assert result["TOTAL_MWP"] > 0 and rows(result["TOTALS"])


@pytest.mark.parametrize("parameters, message", [
    ({}, "LoD2-Datei oder -Ordner"),
    ({"LOD2": "fehlt.gml"}, "gibt es nicht"),
])
def test_bad_input_gets_a_clear_message(wip_processing, tmp_path, parameters, message):
    from qgis.core import QgsProcessingException

    if "LOD2" in parameters:
        parameters = {"LOD2": str(tmp_path / parameters["LOD2"])}
    with pytest.raises(QgsProcessingException, match=message):
        run(wip_processing, **parameters)


def test_a_model_without_roofs_is_named(wip_processing, tmp_path):
    write_city_model(tmp_path / "lod1.gml", {"A": (0.0, {}, {"ground": [(X0, Y0, EAVE), (X0 + 5, Y0, EAVE),
                                                                        (X0 + 5, Y0 + 5, EAVE), (X0, Y0, EAVE)]})})
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="keine Dachflächen"):
        run(wip_processing, LOD2=str(tmp_path / "lod1.gml"))


def test_existing_rooftop_plants_of_the_register_are_subtracted(wip_processing, tiles):
    """A unit on the hip roof counts for that building; a small one without coordinates for its municipality;
    ground-mounted, decommissioned and other municipalities' units do not count."""
    on_roofs = "Bauliche Anlagen (Hausdach, Gebäude und Fassade)"
    units = memory_layer("einheiten", "Point", [
        {"wkt": "", "EinheitMastrNummer": "SEE2", "Energietraeger": "Solare Strahlungsenergie",
         "EinheitBetriebsstatus": "In Betrieb", "Nettonennleistung": 10.0, "Gemeindeschluessel": "15084235",
         "Lage": on_roofs},
        {"wkt": f"POINT({X0 + 45} {Y0 + 5})", "EinheitMastrNummer": "SEE3",
         "Energietraeger": "Solare Strahlungsenergie", "EinheitBetriebsstatus": "In Betrieb",
         "Nettonennleistung": 500.0, "Gemeindeschluessel": "15084235", "Lage": "Freifläche"},
        {"wkt": f"POINT({X0 + 25} {Y0 + 4})", "EinheitMastrNummer": "SEE4",
         "Energietraeger": "Solare Strahlungsenergie", "EinheitBetriebsstatus": "Endgültig stillgelegt",
         "Nettonennleistung": 7.0, "Gemeindeschluessel": "15084235", "Lage": on_roofs},
        {"wkt": "", "EinheitMastrNummer": "SEE5", "Energietraeger": "Solare Strahlungsenergie",
         "EinheitBetriebsstatus": "In Betrieb", "Nettonennleistung": 20.0, "Gemeindeschluessel": "15084999",
         "Lage": on_roofs},
        {"wkt": f"POINT({X0 + 25} {Y0 + 2})", "EinheitMastrNummer": "SEE1",
         "Energietraeger": "Solare Strahlungsenergie", "EinheitBetriebsstatus": "In Betrieb",
         "Nettonennleistung": 3.0, "Gemeindeschluessel": "15084235", "Lage": on_roofs}],
        fields="&field=EinheitMastrNummer:string&field=Energietraeger:string&field=EinheitBetriebsstatus:string"
               "&field=Nettonennleistung:double&field=Gemeindeschluessel:string&field=Lage:string")
    result = run(wip_processing, LOD2_FOLDER=str(tiles), EXISTING=units)
    buildings, totals = rows(result["BUILDINGS_OUTPUT"]), rows(result["TOTALS"])["15084235"]
    assert buildings["HIP"]["existing_kwp"] == pytest.approx(3.0)
    assert buildings["HIP"]["remaining_kwp"] == pytest.approx(buildings["HIP"]["kwp"] - 3.0)
    assert buildings["GABLE"]["existing_kwp"] == 0 and buildings["FLAT"]["existing_kwp"] == 0
    assert totals["existing_mwp"] == pytest.approx(0.013)
    assert totals["remaining_mwp"] == pytest.approx(totals["mwp"] - 0.013)
    assert totals["remaining_gwh_a"] == pytest.approx(totals["gwh_a"] * totals["remaining_mwp"] / totals["mwp"])


def test_roofs_and_buildings_load_styled_by_suitability(wip_processing, tiles, tmp_path):
    import processing
    from qgis.core import QgsProject

    outputs = {name: str(tmp_path / f"{name}.gpkg") for name in ("ROOFS", "BUILDINGS_OUTPUT", "TOTALS")}
    processing.runAndLoadResults("wip:rooftoppv", {"LOD2_FOLDER": str(tiles), **outputs})
    project = QgsProject.instance()
    try:
        for name in ("ROOFS", "BUILDINGS_OUTPUT"):
            layer = next(layer for layer in project.mapLayers().values() if layer.source().startswith(outputs[name]))
            renderer = layer.renderer()
            assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "suitability"
            found = {str(value) for value in layer.uniqueValues(layer.fields().indexOf("suitability"))}
            assert found <= {str(category.value()) for category in renderer.categories()}
    finally:
        project.removeAllMapLayers()


def test_an_output_onto_a_tile_of_the_folder_is_refused(wip_processing, tiles):
    from qgis.core import QgsProcessingException

    tile = tiles / "tile_1.gml"
    before = tile.read_bytes()
    with pytest.raises(QgsProcessingException, match="würde in die Datei der Eingabe"):
        run(wip_processing, LOD2_FOLDER=str(tiles), ROOFS=str(tile))
    assert tile.read_bytes() == before


def test_sums_per_block_or_per_100_m_cell(wip_processing, tiles):
    blocks = areas([box(X0 - 5, Y0 - 5, X0 + 35, Y0 + 15)], field="block", values=["Nord"])
    result = run(wip_processing, LOD2_FOLDER=str(tiles), BLOCKS=blocks, BLOCKS_OUTPUT="TEMPORARY_OUTPUT")
    buildings = rows(result["BUILDINGS_OUTPUT"])
    (block,) = result["BLOCKS_OUTPUT"].getFeatures()
    assert block["block"] == "Nord" and block["buildings"] == 2
    assert block["mwp"] == pytest.approx((buildings["GABLE"]["kwp"] + buildings["HIP"]["kwp"]) / 1e3)
    cells = run(wip_processing, LOD2_FOLDER=str(tiles), BLOCKS_OUTPUT="TEMPORARY_OUTPUT")["BLOCKS_OUTPUT"]
    assert sum(f["buildings"] for f in cells.getFeatures()) == 3
    assert all(f.geometry().area() == pytest.approx(10000.0) for f in cells.getFeatures())
    assert sum(f["gwh_a"] for f in cells.getFeatures()) == pytest.approx(sum(b["mwh_a"] for b in buildings.values())
                                                                          / 1e3)


def test_pvlib_with_a_weather_file_gives_each_roof_its_simulated_yield(wip_processing, tiles, tmp_path):
    pytest.importorskip("pvlib")
    import pandas as pd

    from tests.core.test_pv_yield import synthetic_weather, write_tmy3

    hours = pd.date_range("2019-01-01 01:00", "2020-01-01 00:00", freq="h", tz="Etc/GMT-1")
    weather = write_tmy3(tmp_path / "halle.csv", synthetic_weather(hours))
    simulated = run(wip_processing, LOD2_FOLDER=str(tiles), WEATHER_FILE=str(weather), ROOFS="TEMPORARY_OUTPUT")
    modelled = run(wip_processing, LOD2_FOLDER=str(tiles), ROOFS="TEMPORARY_OUTPUT")
    roofs = {f["surface_id"]: f for f in simulated["ROOFS"].getFeatures()}
    plain = {f["surface_id"]: f for f in modelled["ROOFS"].getFeatures()}
    south, east = roofs["GABLE_south_1"], roofs["HIP_east_1"]
    assert south["factor"] == pytest.approx(1.0, abs=0.02)  # 35° south is the best plane of the grid here too
    assert 700 < south["spec_kwh_kwp"] < 1400 and south["spec_kwh_kwp"] != plain["GABLE_south_1"]["spec_kwh_kwp"]
    assert 0.6 < east["factor"] < 0.9  # the test year is clearer than central Germany's: east gets less
    assert roofs["GABLE_north_1"]["suitability"] == "unsuitable"
