"""wip:heatdemand → wip:heatdensity → wip:heatsuitability through Processing: a small layout computed by hand, the
privacy rule, bad input, the demo municipality, a model and batch rows."""

import processing
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.qgis_io.geopackage import GeoPackageSink
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

FIELDS = "&field=gebaeudefunktion:integer&field=gebaeudetyp:string&field=baualtersklasse:string&field=geschosse:integer"


@pytest.fixture
def buildings():
    """Six 10 m × 10 m single-family houses (two storeys, class C: 100 × 2 × 0.84 × 103 kWh = 17.304 MWh/a each)
    in block 1 along street 1, one garage, and one office in block 2 (20 m × 20 m, one storey, class L: 400 × 0.85 ×
    26.67 kWh) along street 2."""
    rows = [{"wkt": square(10 + 15 * n, 10, 10), "gebaeudefunktion": 1010, "gebaeudetyp": "EFH",
             "baualtersklasse": "C", "geschosse": 2} for n in range(6)]
    rows.append({"wkt": square(10, 40, 5), "gebaeudefunktion": 2463, "gebaeudetyp": "NWG", "baualtersklasse": "C",
                 "geschosse": 1})
    rows.append({"wkt": square(210, 10, 20), "gebaeudefunktion": 2020, "gebaeudetyp": "NWG",
                 "baualtersklasse": "L", "geschosse": 1})
    return memory_layer("gebaeude", "Polygon", rows, fields=FIELDS)


@pytest.fixture
def streets():
    return memory_layer("strassen", "LineString", [{"wkt": "LINESTRING(0 0, 100 0)", "name": "A"},
                                                   {"wkt": "LINESTRING(200 0, 250 0)", "name": "B"}],
                        fields="&field=name:string")


@pytest.fixture
def blocks():
    return memory_layer("bloecke", "Polygon", [{"wkt": square(0, 0, 100), "nr": 1}, {"wkt": square(200, 0, 100),
                                                                                      "nr": 2}],
                        fields="&field=nr:integer")


HOUSE_MWH = 100 * 2 * 0.84 * 103 / 1000
OFFICE_MWH = 400 * 0.85 * 26.67 / 1000


def run_demand(buildings, **extra):
    return processing.run("wip:heatdemand", dict({"BUILDINGS": buildings, "OUTPUT": "memory:"}, **extra))


def test_demand_by_hand_with_scenarios(wip_processing, buildings):
    result = run_demand(buildings, RENOVATION_RATE=2.0, RENOVATION_DEPTH=50.0, BASE_YEAR=2025)
    rows = list(result["OUTPUT"].getFeatures())
    assert [f["demand_mwh_a"] for f in rows[:6]] == pytest.approx([HOUSE_MWH] * 6)
    assert rows[6]["demand_mwh_a"] == NULL and rows[6]["use"] == "none"  # the garage
    assert rows[7]["demand_mwh_a"] == pytest.approx(OFFICE_MWH)
    # 2 %/a × 50 %: 2030 −5 %, 2045 −20 %; the office of class L is new and stays
    assert rows[0]["demand_2030_mwh"] == pytest.approx(0.95 * HOUSE_MWH)
    assert rows[0]["demand_2045_mwh"] == pytest.approx(0.80 * HOUSE_MWH)
    assert rows[7]["demand_2045_mwh"] == pytest.approx(OFFICE_MWH)
    assert result["TOTAL_MWH"] == pytest.approx(6 * HOUSE_MWH + OFFICE_MWH)
    assert all("intern" in f["privacy"] for f in rows)
    assert buildings.fields().count() == 4  # the input is not changed


def test_demand_written_to_a_new_geopackage_in_bulk_equals_the_temporary_result(wip_processing, buildings, tmp_path,
                                                                                  monkeypatch):
    """The run's GeoPackage is filled in bulk (``GeoPackageSink``), with the garage's NULL values, and reads back as
    the temporary result does."""
    in_bulk = []
    write_in_bulk = GeoPackageSink.write_in_bulk
    monkeypatch.setattr(GeoPackageSink, "write_in_bulk",
                        lambda sink, *args: in_bulk.append(write_in_bulk(sink, *args)) or in_bulk[-1])
    path = tmp_path / "bedarf.gpkg"
    assert run_demand(buildings, OUTPUT=str(path))["OUTPUT"] == str(path)
    assert in_bulk == [8]
    written = QgsVectorLayer(f"{path}|layername=bedarf", "bedarf", "ogr")
    temporary = run_demand(buildings)["OUTPUT"]
    assert written.fields().names()[1:] == temporary.fields().names()
    assert [feature.attributes()[1:] for feature in written.getFeatures()] == \
        [feature.attributes() for feature in temporary.getFeatures()]
    assert [feature.geometry().asWkt() for feature in written.getFeatures()] == \
        [feature.geometry().asWkt() for feature in temporary.getFeatures()]


def test_null_storeys_and_unknown_functions_are_noted(wip_processing):
    layer = memory_layer("gebaeude", "Polygon", [
        {"wkt": square(0, 0, 10), "gebaeudefunktion": 1010, "gebaeudetyp": "EFH", "baualtersklasse": "C",
         "geschosse": None},
        {"wkt": square(50, 0, 10), "gebaeudefunktion": 9876, "gebaeudetyp": None, "baualtersklasse": "C",
         "geschosse": 1}], fields=FIELDS)
    rows = list(run_demand(layer)["OUTPUT"].getFeatures())
    assert rows[0]["demand_mwh_a"] == pytest.approx(100 * 1.5 * 0.84 * 103 / 1000)
    assert "Geschosse fehlen" in rows[0]["note"]
    assert rows[1]["demand_mwh_a"] == NULL and "9876" in rows[1]["note"]


def test_no_building_with_a_demand_is_an_error(wip_processing):
    garages = memory_layer("gebaeude", "Polygon", [{"wkt": square(0, 0, 5), "gebaeudefunktion": 2463}],
                           fields=FIELDS)
    with pytest.raises(QgsProcessingException, match="kein Gebäude"):
        run_demand(garages)


def density(buildings, streets, **extra):
    demand = run_demand(buildings)["OUTPUT"]
    return processing.run("wip:heatdensity", dict({
        "BUILDINGS": demand, "STREETS": streets, "BLOCKS_OUTPUT": "memory:", "STREETS_OUTPUT": "memory:"}, **extra))


def test_density_and_line_density_by_hand_with_the_privacy_rule(wip_processing, buildings, streets, blocks):
    result = density(buildings, streets, BLOCKS=blocks)
    block = {f["nr"]: f for f in result["BLOCKS_OUTPUT"].getFeatures()}
    # block 1: six houses on 1 ha
    assert block[1]["buildings"] == 6 and block[1]["density_mwh_ha_a"] == pytest.approx(6 * HOUSE_MWH)
    assert block[1]["dominant_type"] == "EFH" and block[1]["dominant_age"] == "C" and block[1]["published"]
    # street A: 100 m with the six houses (the garage has no demand)
    assert block[1]["line_density_kwh_m_a"] == pytest.approx(6 * HOUSE_MWH * 1000 / 100)
    # block 2 holds one building: no values are published
    assert block[2]["buildings"] == 1 and block[2]["density_mwh_ha_a"] == NULL and not block[2]["published"]
    assert block[2]["dominant_type"] == NULL and "§ 10" in block[2]["note"]
    street = {f["name"]: f for f in result["STREETS_OUTPUT"].getFeatures()}
    assert street["A"]["line_density_kwh_m_a"] == pytest.approx(6 * HOUSE_MWH * 10)
    assert street["B"]["line_density_kwh_m_a"] == NULL and street["B"]["length_m"] == pytest.approx(50)
    internal = density(buildings, streets, BLOCKS=blocks, INTERNAL=True)
    block = {f["nr"]: f for f in internal["BLOCKS_OUTPUT"].getFeatures()}
    assert block[2]["density_mwh_ha_a"] == pytest.approx(OFFICE_MWH)
    assert not block[2]["published"] and "nur intern" in block[2]["note"]  # shown, but still not for publication
    assert block[1]["published"] and block[1]["note"] == NULL


def test_grid_cells_when_there_are_no_blocks(wip_processing, buildings, streets):
    cells = list(density(buildings, streets, CELL_SIZE=100, INTERNAL=True)["BLOCKS_OUTPUT"].getFeatures())
    assert sorted(f["buildings"] for f in cells) == [1, 6]
    assert sum(f["demand_mwh_a"] for f in cells) == pytest.approx(6 * HOUSE_MWH + OFFICE_MWH)


def test_lines_far_from_every_building_are_refused(wip_processing, buildings):
    power_line = memory_layer("leitung", "LineString", [{"wkt": "LINESTRING(5000 5000, 6000 5000)"}])
    with pytest.raises(QgsProcessingException, match="richtige Ebene"):
        density(buildings, power_line)


def test_buildings_without_a_street_nearby_are_counted(wip_processing, buildings):
    only_b = memory_layer("strassen", "LineString", [{"wkt": "LINESTRING(200 0, 250 0)"}])
    result = density(buildings, only_b, MAX_DISTANCE=50)
    assert result["BUILDINGS_WITHOUT_STREET"] == 6


def test_suitability_levels_with_network_and_large_consumers(wip_processing):
    areas = memory_layer("bloecke", "Polygon", [
        {"wkt": square(0, 0, 100), "density_mwh_ha_a": 450.0, "line_density_kwh_m_a": 2500.0},
        {"wkt": square(1000, 0, 100), "density_mwh_ha_a": 200.0, "line_density_kwh_m_a": 900.0},
        {"wkt": square(3000, 0, 100), "density_mwh_ha_a": 80.0, "line_density_kwh_m_a": 100.0},
        {"wkt": square(6000, 0, 100), "density_mwh_ha_a": None, "line_density_kwh_m_a": None},
        {"wkt": square(9000, 0, 100), "density_mwh_ha_a": 20.0, "line_density_kwh_m_a": 100.0}],
        fields="&field=density_mwh_ha_a:double&field=line_density_kwh_m_a:double")
    network = memory_layer("waermenetz", "LineString", [{"wkt": "LINESTRING(1150 0, 1150 100)"}])
    consumers = memory_layer("gebaeude", "Polygon", [{"wkt": square(3010, 10, 20), "demand_mwh_a": 800.0}],
                             fields="&field=demand_mwh_a:double")
    waste = memory_layer("abwaerme", "Point", [{"wkt": "POINT(9500 50)"}])
    result = processing.run("wip:heatsuitability", {
        "AREAS": areas, "NETWORK": network, "LARGE_CONSUMERS": consumers, "WASTE_HEAT": waste,
        "OUTPUT": "memory:"})["OUTPUT"]
    rows = list(result.getFeatures())
    assert [f["level"] for f in rows] == [1, 1, 2, 4, 4]
    assert "2500 ≥ 2000" in rows[0]["rule"] and "Wärmenetz" in rows[1]["rule"]
    assert "Großverbraucher" in rows[2]["rule"] and rows[2]["large_consumers"] == 1
    assert rows[1]["network_m"] == pytest.approx(50)
    assert [f["shortened_14"] for f in rows] == [False, False, False, True, False]  # waste heat 400 m from the last
    assert rows[4]["waste_heat_m"] == pytest.approx(400)
    assert rows[3]["level_text"] == "sehr wahrscheinlich ungeeignet"


def _demo(name):
    return QgsVectorLayer(f"{DEMO_GPKG}|layername={name}", name, "ogr")


def test_demo_chain_as_a_graphical_model(wip_processing, tmp_path):
    """A .model3: buildings and streets → demand → densities → suitability with the demo heat network."""
    model = QgsProcessingModelAlgorithm("Wärmeplanung im Modell", "Test")
    for name in ("gebaeude", "strassen", "netz"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name))

    def child(algorithm, child_id, sources, outputs=None):
        step = QgsProcessingModelChildAlgorithm(algorithm)
        step.setChildId(child_id)
        for parameter, source in sources.items():
            step.addParameterSources(parameter, [source])
        step.setModelOutputs(outputs or {})
        model.addChildAlgorithm(step)  # the model keeps a copy: outputs are set before

    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    output = QgsProcessingModelChildParameterSource.fromChildOutput
    child("wip:heatdemand", "bedarf", {"BUILDINGS": parameter("gebaeude")})
    child("wip:heatdensity", "dichte", {"BUILDINGS": output("bedarf", "OUTPUT"), "STREETS": parameter("strassen")})
    result_output = QgsProcessingModelOutput("stufen")
    result_output.setChildOutputName("OUTPUT")
    child("wip:heatsuitability", "eignung", {"AREAS": output("dichte", "BLOCKS_OUTPUT"),
                                             "NETWORK": parameter("netz"),
                                             "LARGE_CONSUMERS": output("bedarf", "OUTPUT")}, {"stufen": result_output})
    model_file = tmp_path / "waerme.model3"
    assert model.toFile(str(model_file))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    context = QgsProcessingContext()
    results, ok = loaded.run({"gebaeude": _demo("synth_gebaeude"), "strassen": _demo("synth_strassen"),
                              "netz": _demo("synth_waermenetz"), "eignung:stufen": "memory:"}, context,
                             QgsProcessingFeedback())
    assert ok, results
    levels = [f["level"] for f in context.getMapLayer(results["eignung:stufen"]).getFeatures()]
    assert set(levels) <= {1, 2, 3, 4} and len(set(levels)) >= 3  # the demo town has dense and rural parts


def test_batch_rows_run_independently(wip_processing, buildings):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:heatdemand")
    totals = []
    for depth in (50.0, 0.0, 50.0):
        context = QgsProcessingContext()
        results, ok = algorithm.run({"BUILDINGS": buildings, "RENOVATION_DEPTH": depth, "OUTPUT": "memory:"},
                                    context, QgsProcessingFeedback())
        assert ok
        totals.append(sum(f["demand_2045_mwh"] or 0 for f in context.getMapLayer(results["OUTPUT"]).getFeatures()))
    assert totals[0] == pytest.approx(totals[2]) and totals[1] > totals[0]


def test_a_building_without_geometry_counts_nowhere(wip_processing, streets):
    layer = memory_layer("gebaeude", "Polygon", [
        {"wkt": square(10 + 15 * n, 10, 10), "demand_mwh_a": 10.0} for n in range(5)]
        + [{"wkt": "", "demand_mwh_a": 99.0}], fields="&field=demand_mwh_a:double")  # no geometry
    result = processing.run("wip:heatdensity", {"BUILDINGS": layer, "STREETS": streets, "BLOCKS_OUTPUT": "memory:",
                                                "STREETS_OUTPUT": "memory:"})
    cells = list(result["BLOCKS_OUTPUT"].getFeatures())
    assert len(cells) == 1 and cells[0]["demand_mwh_a"] == pytest.approx(50)  # no cell made up for it
