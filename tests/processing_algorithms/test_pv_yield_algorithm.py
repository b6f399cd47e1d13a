"""wip:pvyield through Processing: each plant type by hand, floating PV on a water-body layer and with the cover limit
of wip:eligibility, irradiation from a GeoTIFF, geographic input, bad input without output, batch rows and a model."""

import math

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProject,
)

from tests.processing_algorithms.conftest import RecordingFeedback, geotiff, memory_layer, square
from wip_qgis_plugin.core import pv_yield
from wip_qgis_plugin.processing_algorithms.pv_yield import PV_TYPE_IDS

FIELDS = "&field=name:string&field=ertrag:double&field=ghi:double"


def run(sites, **extra):
    return processing.run("wip:pvyield", dict({"SITES": sites, "OUTPUT": "memory:"}, **extra))


def rows_of(result):
    return {feature["name"]: feature for feature in result["OUTPUT"].getFeatures()}


@pytest.fixture
def sites():
    return memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "name": "A"},
                                                 {"wkt": square(300, 0, 200), "name": "B"}], fields=FIELDS)


@pytest.mark.parametrize("pv_type, density, specific", [
    ("freiflaeche", 1.0, 1000), ("agri_pv_1", 0.6, 1000), ("agri_pv_2", 0.35, 900)])
def test_each_land_type_by_hand(wip_processing, sites, pv_type, density, specific):
    result = run(sites, PV_TYPE=PV_TYPE_IDS.index(pv_type), SETBACK=10)
    rows = rows_of(result)
    # A: 80 m × 80 m = 0.64 ha; B: 180 m × 180 m = 3.24 ha
    for name, hectares in (("A", 0.64), ("B", 3.24)):
        row = rows[name]
        assert row["usable_ha"] == pytest.approx(hectares)
        assert row["mwp"] == pytest.approx(hectares * density)
        assert row["spec_kwh_kwp"] == pytest.approx(specific) and row["full_load_h"] == pytest.approx(specific)
        assert row["gwh_a"] == pytest.approx(hectares * density * specific / 1000)
        assert row["co2_t_a"] == pytest.approx(hectares * density * specific / 1000 * 427)
        assert row["pv_type"] == pv_type and row["yield_source"] == "Vorgabe des Anlagentyps"
        too_large = pv_type.startswith("agri_pv") and hectares > 2.5  # § 35 Abs. 1 Nr. 9 BauGB
        assert ("§ 35" in row["note"]) if too_large else row["note"] == NULL
    assert result["TOTAL_MWP"] == pytest.approx(3.88 * density)
    assert result["TOTAL_GWH"] == pytest.approx(3.88 * density * specific / 1000)


def test_existing_parks_are_rated_by_their_build_year(wip_processing):
    parks = memory_layer("pv_bestand", "Polygon", [{"wkt": square(0, 0, 100), "name": "alt", "baujahr": 2011},
                                                   {"wkt": square(300, 0, 100), "name": "neu", "baujahr": None}],
                         fields="&field=name:string&field=baujahr:integer")
    feedback = RecordingFeedback()
    result = processing.run("wip:pvyield", {"SITES": parks, "SETBACK": 0, "OUTPUT": "memory:"}, feedback=feedback)
    rows = rows_of(result)
    assert rows["alt"]["mwp"] == pytest.approx(0.47)
    assert rows["alt"]["note"] == "Baujahr 2011: 0.47 MWp/ha je eingezäunter Fläche, ohne Randabstand"
    assert rows["neu"]["mwp"] == pytest.approx(1.0) and rows["neu"]["note"] == NULL
    assert any("„baujahr“" in line for line in feedback.messages)  # the field picked by its name is said


def test_floating_pv_on_its_own_lake_and_on_a_water_body_layer(wip_processing):
    floating = PV_TYPE_IDS.index("floating")
    lake = memory_layer("see", "Polygon", [{"wkt": square(0, 0, 400), "name": "See"}], fields=FIELDS)
    row = rows_of(run(lake, PV_TYPE=floating))["See"]
    # 320 m × 320 m are 40 m from the shore (10.24 ha), 15 % of the 16 ha may be covered
    assert row["usable_ha"] == pytest.approx(2.4) and row["mwp"] == pytest.approx(2.4)
    assert row["gwh_a"] == pytest.approx(2.4 * 950 / 1000)
    assert "15 % der Wasserfläche" in row["note"] and "als ganzes Gewässer" in row["note"]
    halves = memory_layer("standorte", "Polygon", [{"wkt": "POLYGON((0 0, 200 0, 200 400, 0 400, 0 0))", "name": "W"},
                                                   {"wkt": "POLYGON((200 0, 400 0, 400 400, 200 400, 200 0))",
                                                    "name": "O"},
                                                   {"wkt": square(1000, 0, 100), "name": "Land"}], fields=FIELDS)
    waters = memory_layer("gewaesser", "Polygon", [{"wkt": square(0, 0, 400)}])
    result = run(halves, PV_TYPE=floating, WATER_BODIES=waters)
    rows = rows_of(result)
    assert rows["W"]["usable_ha"] == pytest.approx(1.2) and rows["O"]["usable_ha"] == pytest.approx(1.2)
    assert rows["Land"]["usable_ha"] == 0 and "keinem Gewässer" in rows["Land"]["note"]
    assert result["TOTAL_MWP"] == pytest.approx(2.4)


def test_the_cover_limit_of_wip_eligibility_is_honoured(wip_processing):
    # eligible patches of wip:eligibility: already 40 m inside their lakes, each with the 15 % of its lake
    patches = memory_layer("geeignet", "Polygon", [
        {"wkt": square(40, 40, 320), "name": "P1", "cover_limit_ha": 2.4},
        {"wkt": square(1000, 0, 400), "name": "P2", "cover_limit_ha": None}],
        fields=FIELDS + "&field=cover_limit_ha:double")
    feedback = RecordingFeedback()
    rows = {f["name"]: f for f in processing.run("wip:pvyield", {
        "SITES": patches, "PV_TYPE": PV_TYPE_IDS.index("floating"), "OUTPUT": "memory:"},
        feedback=feedback)["OUTPUT"].getFeatures()}
    assert rows["P1"]["usable_ha"] == pytest.approx(2.4) and "Belegungsgrenze 2.40 ha" in rows["P1"]["note"]
    assert rows["P2"]["usable_ha"] == pytest.approx(2.4)  # NULL: the patch counts as a whole lake
    assert any("cover_limit_ha" in message for message in feedback.messages)
    limited = memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "name": "A", "grenze": 0.25}],
                           fields=FIELDS + "&field=grenze:double")
    row = rows_of(run(limited, SETBACK=0, COVER_LIMIT_FIELD="grenze"))["A"]
    assert row["usable_ha"] == pytest.approx(0.25) and row["mwp"] == pytest.approx(0.25)


def irradiation_tiff(path):
    """100 m cells from (0, 0) to (1000, 200) in EPSG:25832, 1,100 kWh/m² in columns 0–4, 1,200 in columns 5–8,
    nodata in column 9."""
    return geotiff(path, np.tile(np.array([1100] * 5 + [1200] * 4 + [-9999]), (2, 1)), 0, 200, 100)


def test_irradiation_from_a_raster_with_field_values_first(wip_processing, tmp_path):
    sites = memory_layer("standorte", "Polygon", [
        {"wkt": square(0, 0, 100), "name": "West"}, {"wkt": square(600, 0, 100), "name": "Ost"},
        {"wkt": square(900, 0, 100), "name": "Nodata"}, {"wkt": square(5000, 0, 100), "name": "Draußen"},
        {"wkt": square(200, 0, 100), "name": "Feld", "ghi": 1000.0},
        {"wkt": square(400, 0, 100), "name": "Gegeben", "ertrag": 1111.0, "ghi": 1000.0}], fields=FIELDS)
    result = run(sites, SETBACK=0, IRRADIATION_RASTER=irradiation_tiff(tmp_path / "ghi.tif"),
                 IRRADIATION_FIELD="ghi", YIELD_FIELD="ertrag", SPECIFIC_YIELD=980)
    rows = rows_of(result)
    assert rows["West"]["spec_kwh_kwp"] == pytest.approx(1100 * 0.9)
    assert rows["Ost"]["spec_kwh_kwp"] == pytest.approx(1200 * 0.9)
    assert rows["West"]["yield_source"] == "Globalstrahlung, Raster ghi"
    assert rows["West"]["gwh_a"] == pytest.approx(0.99)
    for name in ("Nodata", "Draußen"):  # no irradiation: the parameter's 980 kWh/kWp
        assert rows[name]["spec_kwh_kwp"] == pytest.approx(980) and rows[name]["yield_source"] == "Parameter"
        assert "980 kWh/kWp (Parameter) verwendet" in rows[name]["note"]
    assert rows["Feld"]["spec_kwh_kwp"] == pytest.approx(900)
    assert rows["Feld"]["yield_source"] == "Globalstrahlung, Feld ghi"
    assert rows["Gegeben"]["spec_kwh_kwp"] == pytest.approx(1111) and rows["Gegeben"]["yield_source"] == "Feld ertrag"


def test_geographic_input_is_reprojected_with_the_same_result(wip_processing):
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    projected_rows, geographic_rows = [], []
    for name, x0 in (("A", 700_000), ("B", 701_000)):  # near Hohenmölsen
        projected_rows.append({"wkt": square(x0, 5_680_000, 200), "name": name})
        geometry = QgsGeometry.fromWkt(square(x0, 5_680_000, 200))
        geometry.transform(to_wgs84)
        geographic_rows.append({"wkt": geometry.asWkt(12), "name": name})
    projected = memory_layer("standorte", "Polygon", projected_rows, fields=FIELDS)
    geographic = memory_layer("standorte_wgs84", "Polygon", geographic_rows, crs="EPSG:4326", fields=FIELDS)
    feedback = RecordingFeedback()
    geographic_result = processing.run("wip:pvyield", {"SITES": geographic, "OUTPUT": "memory:"}, feedback=feedback)
    projected_result = run(projected)
    assert any("EPSG:4326 nach EPSG:25832 umprojiziert" in message for message in feedback.messages)
    for name in ("A", "B"):
        assert rows_of(geographic_result)[name]["usable_ha"] == pytest.approx(3.61, rel=1e-4)  # 190 m × 190 m
    assert geographic_result["TOTAL_MWP"] == pytest.approx(projected_result["TOTAL_MWP"], rel=1e-4)
    assert geographic_result["OUTPUT"].crs().authid() == "EPSG:4326"  # written in the input's CRS


def test_the_input_layer_is_not_changed(wip_processing, sites):
    before = [(f.id(), f.attributes(), f.geometry().asWkt()) for f in sites.getFeatures()]
    run(sites, SETBACK=10)
    assert sites.fields().names() == ["name", "ertrag", "ghi"]
    assert [(f.id(), f.attributes(), f.geometry().asWkt()) for f in sites.getFeatures()] == before


def _bad_input_cases(tmp_path):
    sites_rows = [{"wkt": square(0, 0, 100), "name": "A"}]
    return {
        "leer": (memory_layer("standorte", "Polygon", [], fields=FIELDS), {}, "enthält keine Objekte"),
        "ohne Geometrie": (memory_layer("standorte", "Polygon", sites_rows + [{"wkt": "", "name": "B"}],
                                        fields=FIELDS), {}, "ohne Geometrie oder mit leerer Geometrie: Objekt 2"),
        "leere Geometrie": (memory_layer("standorte", "Polygon", sites_rows + [{"wkt": "POLYGON EMPTY", "name": "B"}],
                                         fields=FIELDS), {}, "leerer Geometrie: Objekt 2"),
        "Text statt Zahl": (memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "cover_limit_ha": "viel"}],
                                         fields="&field=cover_limit_ha:string"), {},
                            "Belegungsgrenze .*cover_limit_ha.* von Objekt 1: „viel“ ist keine Zahl"),
        "keine Fläche": (memory_layer("standorte", "Polygon", sites_rows, fields=FIELDS), {"SETBACK": 60},
                         "keinem Standort bleibt eine nutzbare Fläche: Randabstand 60 m"),
        "Randabstand": (memory_layer("standorte", "Polygon", sites_rows, fields=FIELDS), {"SETBACK": -0.5},
                        "Randabstand -0.5 m: -1 für die Vorgabe"),
        "Ertrag": (memory_layer("standorte", "Polygon", sites_rows, fields=FIELDS), {"SPECIFIC_YIELD": 5000},
                   "Spezifischer Ertrag: 5000 kWh/kWp liegt außerhalb"),
        "CO2": (memory_layer("standorte", "Polygon", sites_rows, fields=FIELDS), {"CO2_FACTOR": 5000},
                "CO₂-Faktor: 5000 g/kWh"),
        "Einheit": (memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "ghi": 3.1}], fields=FIELDS),
                    {"IRRADIATION_FIELD": "ghi"}, "Globalstrahlung, Feld ghi von Objekt 1: 3.1 kWh/m²·a"),
    }


@pytest.mark.parametrize("case", ["leer", "ohne Geometrie", "leere Geometrie", "Text statt Zahl", "keine Fläche",
                                  "Randabstand", "Ertrag", "CO2", "Einheit"])
def test_bad_input_gives_a_clear_message_and_no_output(wip_processing, tmp_path, case):
    layer, extra, message = _bad_input_cases(tmp_path)[case]
    output = tmp_path / "pv.gpkg"
    with pytest.raises(QgsProcessingException, match=message):
        processing.run("wip:pvyield", dict({"SITES": layer, "OUTPUT": str(output)}, **extra))
    assert not output.exists()


def test_a_weather_file_without_pvlib_gives_a_clear_message(wip_processing, sites, tmp_path, monkeypatch):
    monkeypatch.setattr(pv_yield, "pvlib_available", lambda: False)
    weather = tmp_path / "halle.epw"
    weather.write_text("LOCATION,Halle\n")
    output = tmp_path / "pv.gpkg"
    with pytest.raises(QgsProcessingException, match="pvlib.*nicht installiert"):
        run(sites, WEATHER_FILE=str(weather), OUTPUT=str(output))
    assert not output.exists()


def test_batch_rows_run_independently(wip_processing, sites):
    """As the batch dialog does: one algorithm instance, one row after the other, each with its own context."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:pvyield")
    totals = []
    for pv_type in ("freiflaeche", "agri_pv_2", "freiflaeche"):
        context = QgsProcessingContext()
        results, ok = algorithm.run({"SITES": sites, "PV_TYPE": PV_TYPE_IDS.index(pv_type), "SETBACK": 10,
                                     "OUTPUT": "memory:"}, context, QgsProcessingFeedback())
        assert ok
        layer = context.getMapLayer(results["OUTPUT"])
        assert {f["pv_type"] for f in layer.getFeatures()} == {pv_type}
        totals.append(results["TOTAL_GWH"])
    assert totals[0] == pytest.approx(totals[2]) == pytest.approx(3.88)
    assert totals[1] == pytest.approx(3.88 * 0.35 * 0.9)


def test_runs_after_a_buffer_inside_a_saved_model(wip_processing, tmp_path):
    """A .model3: planned plant centres → native:buffer (100 m) → wip:pvyield; saved, loaded from file and run."""
    model = QgsProcessingModelAlgorithm("PV-Ertrag im Modell", "Test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("mitten", "Anlagenmitten"),
                            QgsProcessingModelParameter("mitten"))
    buffer = QgsProcessingModelChildAlgorithm("native:buffer")
    buffer.setChildId("puffer")
    buffer.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("mitten")])
    buffer.addParameterSources("DISTANCE", [QgsProcessingModelChildParameterSource.fromStaticValue(100)])
    buffer.addParameterSources("SEGMENTS", [QgsProcessingModelChildParameterSource.fromStaticValue(16)])
    model.addChildAlgorithm(buffer)
    pv = QgsProcessingModelChildAlgorithm("wip:pvyield")
    pv.setChildId("ertrag")
    pv.addParameterSources("SITES", [QgsProcessingModelChildParameterSource.fromChildOutput("puffer", "OUTPUT")])
    pv.addParameterSources("SETBACK", [QgsProcessingModelChildParameterSource.fromStaticValue(0)])
    output = QgsProcessingModelOutput("pv")
    output.setChildOutputName("OUTPUT")
    pv.setModelOutputs({"pv": output})
    model.addChildAlgorithm(pv)
    model_file = tmp_path / "pv.model3"
    assert model.toFile(str(model_file))

    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    centres = memory_layer("mitten", "Point", [{"wkt": "POINT(0 0)"}, {"wkt": "POINT(1000 0)"}])
    context = QgsProcessingContext()
    results, ok = loaded.run({"mitten": centres, "ertrag:pv": "memory:"}, context, QgsProcessingFeedback())
    assert ok, results
    rows = list(context.getMapLayer(results["ertrag:pv"]).getFeatures())
    # a 64-gon of radius 100 m: 32 × sin(2π/64) × 100² m² ≈ 3.1365 ha, 1 MWp/ha, 1,000 kWh/kWp
    circle_ha = 32 * math.sin(2 * math.pi / 64) * 100 ** 2 / 1e4
    assert [f["mwp"] for f in rows] == pytest.approx([circle_ha] * 2, rel=1e-6)
    assert sum(f["gwh_a"] for f in rows) == pytest.approx(2 * circle_ha)


def test_a_self_intersecting_site_keeps_its_area(wip_processing):
    bowtie = memory_layer("standorte", "Polygon", [{"wkt": "POLYGON((0 0, 200 200, 200 0, 0 200, 0 0))", "name": "X"}],
                          fields=FIELDS)
    row = rows_of(run(bowtie, SETBACK=0))["X"]
    assert row["usable_ha"] == pytest.approx(2 * 0.5 * 200 * 100 / 1e4)  # two triangles


def test_pvlib_with_a_weather_file(wip_processing, tmp_path):
    pytest.importorskip("pvlib")
    import pandas as pd

    from tests.core.test_pv_yield import synthetic_weather, write_tmy3

    hours = pd.date_range("2019-01-01 01:00", "2020-01-01 00:00", freq="h", tz="Etc/GMT-1")
    weather_file = write_tmy3(tmp_path / "halle.csv", synthetic_weather(hours))
    sites = memory_layer("standorte", "Polygon", [{"wkt": square(700_000, 5_680_000, 200), "name": "A"},
                                                  {"wkt": square(700_000, 5_680_400, 200), "name": "B",
                                                   "ertrag": 1111.0}], fields=FIELDS)
    rows = rows_of(run(sites, PV_TYPE=PV_TYPE_IDS.index("agri_pv_2"), YIELD_FIELD="ertrag",
                       WEATHER_FILE=str(weather_file)))
    centre = QgsGeometry.fromWkt("POINT(700100 5680100)")
    centre.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                            QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()))
    expected = pv_yield.simulated_yield(pv_yield.read_weather(weather_file), [centre.asPoint().y()],
                                        [centre.asPoint().x()], pv_yield.load_pv_types().types["agri_pv_2"].pvlib)[0]
    assert 51 < centre.asPoint().y() < 51.5 and 11.5 < centre.asPoint().x() < 12.2  # Hohenmölsen
    assert rows["A"]["spec_kwh_kwp"] == pytest.approx(expected) and rows["A"]["yield_source"] == "pvlib, halle.csv"
    assert rows["A"]["gwh_a"] == pytest.approx(rows["A"]["mwp"] * expected / 1000)
    assert rows["B"]["spec_kwh_kwp"] == pytest.approx(1111)  # a given value comes first
