"""wip:eligibility through Processing: toolbox run, batch, graphical model, bad input."""

import json
import math

import processing
import pytest
from qgis.core import (
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
    QgsProcessingParameterMultipleLayers,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.processing_algorithms.eligibility import SHIPPED_CATALOG_IDS
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

CATALOG = {
    "format": "wip-criteria-catalog", "format_version": 1, "id": "test_wind", "technology": "wind",
    "region": "Test", "version": "1", "effective_date": "2026-01-01",
    "title": {"de": "Testkatalog", "en": "Test catalog"}, "description": {"de": "Test", "en": "Test"},
    "criteria": [
        {"id": "siedlung", "label": {"de": "Siedlung", "en": "Settlement"}, "type": "hard", "rule": "buffer",
         "distance": {"metres": 100}, "unit": "m", "geometry": "polygon", "layer_hints": ["siedlung"],
         "attribute_filter": None, "legal_basis": "Testgesetz § 1", "source": "https://example.org",
         "status": "unchecked", "effective_date": "2026-01-01"},
        {"id": "nsg", "label": {"de": "Naturschutzgebiet", "en": "Nature reserve"}, "type": "hard",
         "rule": "buffer", "distance": {"metres": 0}, "unit": "m", "geometry": "polygon",
         "layer_hints": ["schutz"], "attribute_filter": {"field": "kategorie", "values": ["NSG"]},
         "legal_basis": "BNatSchG § 23", "source": "https://example.org", "status": "checked",
         "effective_date": "2026-01-01"},
    ],
}


@pytest.fixture
def catalog_file(tmp_path):
    path = tmp_path / "test_wind.json"
    path.write_text(json.dumps(CATALOG), encoding="utf-8")
    return str(path)


@pytest.fixture
def layers():
    study = memory_layer("gemeinde", "Polygon", [{"wkt": square(0, 0, 1000), "ags": "15084235"}],
                         fields="&field=ags:string")
    settlement = memory_layer("siedlung", "Polygon", [{"wkt": square(-200, 400, 100)}])  # outside, buffer reaches in
    protected = memory_layer("schutzgebiete", "Polygon",
                             [{"wkt": square(600, 600, 200), "kategorie": "NSG"},
                              {"wkt": square(100, 100, 200), "kategorie": "LSG"}],  # LSG is filtered out
                             fields="&field=kategorie:string")
    return study, settlement, protected


def run(params, **kwargs):
    return processing.run("wip:eligibility", params, **kwargs)


def areas(layer: QgsVectorLayer) -> float:
    return sum(feature.geometry().area() for feature in layer.getFeatures())


def test_hand_computed_areas_and_audit_trail(wip_processing, layers, catalog_file):
    study, settlement, protected = layers
    result = run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [settlement, protected],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    # settlement 100 m square at x -200..-100 buffered 100 m reaches x = 0 exactly: nothing inside; so the
    # excluded area is the NSG square only (the LSG feature does not pass the filter)
    nsg = 200 * 200
    assert math.isclose(areas(result["EXCLUDED"]), nsg, rel_tol=1e-6)
    assert math.isclose(areas(result["ELIGIBLE"]) + areas(result["EXCLUDED"]), 1000 * 1000, rel_tol=1e-6)
    excluded = next(result["EXCLUDED"].getFeatures())
    assert excluded["criteria"] == "nsg" and "BNatSchG § 23" in excluded["legal_basis"]
    assert math.isclose(result["ELIGIBLE_HA"], (1e6 - nsg) / 1e4, rel_tol=1e-6)


def test_buffer_reaching_in_from_outside_counts(wip_processing, layers, catalog_file):
    study = layers[0]
    # a settlement strip left of the study square, taller than it: its 150 m buffer reaches 50 m in, a 50 × 1000 m
    # rectangle (the round caps lie above and below the study area)
    strip = memory_layer("siedlung", "Polygon", [{"wkt": "POLYGON((-200 -500, -100 -500, -100 1500, -200 1500, "
                                                          "-200 -500))"}])
    result = run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [strip],
                  "DISTANCE_OVERRIDES": ["siedlung", "150"],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    assert math.isclose(areas(result["EXCLUDED"]), 50 * 1000, rel_tol=1e-9)


def test_round_buffer_cap_reaching_in(wip_processing, layers, catalog_file):
    study, settlement, _ = layers
    result = run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [settlement],
                  "DISTANCE_OVERRIDES": ["siedlung", "150"],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    # the 100 m square at x -200..-100, y 400..500 buffered by 150 m reaches 50 m in: a 50 × 100 m strip plus,
    # above and below it, the parts of the corner circles (r = 150 m) between x = 0 and 50, i.e.
    # 2 · ∫_100^150 √(150² − u²) du
    r = 150.0

    def integral(u):
        return u / 2 * math.sqrt(r * r - u * u) + r * r / 2 * math.asin(u / r)

    expected = 50 * 100 + 2 * (integral(150) - integral(100))
    # the buffer polygon's chords (8 per quarter circle) cut off a little of the thin caps
    assert math.isclose(areas(result["EXCLUDED"]), expected, rel_tol=0.015)
    assert areas(result["EXCLUDED"]) < expected


def test_summary_has_targets_for_wind(wip_processing, layers, catalog_file):
    study, settlement, protected = layers
    result = run({"STUDY_AREA": study, "STUDY_ID_FIELD": "ags", "CATALOG_FILE": catalog_file,
                  "CONSTRAINT_LAYERS": [protected],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    rows = [feature.attributes() for feature in result["SUMMARY"].getFeatures()]
    names = result["SUMMARY"].fields().names()
    kinds = [row[names.index("kind")] for row in rows]
    assert "target" in kinds
    targets = [row for row in rows if row[names.index("kind")] == "target"]
    assert {row[names.index("target_pct")] for row in targets} >= {1.8, 2.2, 1.9, 2.3}  # state + RPG Halle


def test_inputs_are_not_modified(wip_processing, layers, catalog_file):
    study, settlement, protected = layers
    before = [[f.geometry().asWkt() for f in layer.getFeatures()] for layer in layers]
    run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [settlement, protected],
         "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    assert [[f.geometry().asWkt() for f in layer.getFeatures()] for layer in layers] == before


def test_geographic_study_area_is_reprojected(wip_processing, catalog_file):
    study = memory_layer("gemeinde", "Polygon",
                         [{"wkt": "POLYGON((12.0 51.1, 12.01 51.1, 12.01 51.11, 12.0 51.11, 12.0 51.1))"}],
                         crs="EPSG:4326")
    feedback = QgsProcessingFeedback()
    result = run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"}, feedback=feedback)
    assert result["ELIGIBLE"].crs().authid() == "EPSG:25832"
    assert 70 < result["ELIGIBLE_HA"] < 80  # 0.01° × 0.01° at 51° N ≈ 0.70 km × 1.11 km


@pytest.mark.parametrize("bad, message", [
    ({"CRITERIA_MAPPING": ["gibtsnicht", "siedlung"]}, "gibtsnicht"),
    ({"CRITERIA_MAPPING": ["siedlung", "keine_ebene"]}, "keine_ebene"),
    ({"DISTANCE_OVERRIDES": ["siedlung", "-5"]}, "-5"),
])
def test_bad_parameters_give_clear_messages_and_no_output(wip_processing, layers, catalog_file, bad, message,
                                                          tmp_path):
    study, settlement, protected = layers
    out = tmp_path / "out.gpkg"
    params = {"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [settlement, protected],
              "ELIGIBLE": str(out), "EXCLUDED": "memory:", "SUMMARY": "memory:", **bad}
    with pytest.raises(QgsProcessingException, match=message):
        run(params)
    assert not out.exists()


def test_empty_study_area_is_refused(wip_processing, catalog_file, tmp_path):
    empty = memory_layer("leer", "Polygon", [])
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException):
        run({"STUDY_AREA": empty, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [],
             "ELIGIBLE": str(out), "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    assert not out.exists()


def test_broken_catalog_file_is_refused(wip_processing, layers, tmp_path):
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"format": "wip-criteria-catalog", ', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="kaputt.json"):
        run({"STUDY_AREA": layers[0], "CATALOG_FILE": str(broken), "CONSTRAINT_LAYERS": [],
             "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})


def test_a_layer_assigned_without_the_filter_field_counts_whole(wip_processing, layers, catalog_file):
    """Nature reserves only, assigned to the nature-reserve criterion, need no field „kategorie“; beside a mixed
    layer that has it, the filter still sorts the mixed layer's features."""
    study, _settlement, protected = layers
    reserves_only = memory_layer("nsg_sachsen_anhalt", "Polygon", [{"wkt": square(0, 800, 100)}])
    feedback = QgsProcessingFeedback()
    result = run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [reserves_only, protected],
                  "CRITERIA_MAPPING": ["nsg", "nsg_sachsen_anhalt", "nsg", "schutzgebiete"],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"}, feedback=feedback)
    excluded = sum(feature.geometry().area() for feature in result["EXCLUDED"].getFeatures())
    assert excluded == pytest.approx(100 * 100 + 200 * 200)  # the whole reserve layer and the NSG, not the LSG
    assert "nsg_sachsen_anhalt" in feedback.textLog() and "kategorie" in feedback.textLog()


def test_the_lands_nature_reserve_layer_is_recognised_and_counts_whole(wip_processing, layers):
    """With the shipped wind catalog and no mapping: a layer „Naturschutzgebiete“ without the field „kategorie“,
    as the Landesamt für Umweltschutz publishes it, is recognised by its profile and excludes its whole area."""
    study, _settlement, _protected = layers
    reserves = memory_layer("Naturschutzgebiete", "Polygon", [{"wkt": square(0, 800, 100), "name": "Test-NSG"}],
                            fields="&field=name:string")
    feedback = QgsProcessingFeedback()
    result = run({"STUDY_AREA": study, "CATALOG": SHIPPED_CATALOG_IDS.index("lsa_wind"),
                  "CONSTRAINT_LAYERS": [reserves], "ELIGIBLE": "memory:", "EXCLUDED": "memory:",
                  "SUMMARY": "memory:"}, feedback=feedback)
    hard = [f for f in result["EXCLUDED"].getFeatures() if "naturschutzgebiet" in f["criteria"].split(", ")]
    assert sum(feature.geometry().area() for feature in hard) == pytest.approx(100 * 100)
    assert "„Naturschutzgebiete“ (Schutzgebiete (LAU Sachsen-Anhalt, BfN): Naturschutzgebiete" in feedback.textLog()


def test_layer_without_filter_field_is_not_suggested(wip_processing, layers, catalog_file):
    study, settlement, _ = layers
    no_field = memory_layer("schutzgebiete", "Polygon", [{"wkt": square(0, 0, 10)}])
    result = run({"STUDY_AREA": study, "CATALOG_FILE": catalog_file, "CONSTRAINT_LAYERS": [no_field],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    nsg = next(f for f in result["SUMMARY"].getFeatures() if f["item"] == "nsg")
    assert "nicht geprüft" in nsg["note"]
    assert areas(result["EXCLUDED"]) == 0


def _demo_layer(name):
    return QgsVectorLayer(f"{DEMO_GPKG}|layername={name}", name, "ogr")


@pytest.mark.parametrize("catalog_id", SHIPPED_CATALOG_IDS)
def test_every_shipped_catalog_runs_on_the_demo_municipality(wip_processing, catalog_id):
    """Batch-style: the same algorithm over each shipped catalog; eligible + excluded = study area."""
    names = ["synth_siedlung", "synth_gebaeude", "synth_strassen", "synth_autobahn", "synth_bahn", "synth_wald",
             "synth_gewaesser", "synth_schutzgebiete", "synth_bergbau", "synth_landwirtschaft",
             "synth_hochspannung_110kv"]
    study = _demo_layer("real_gemeinde")
    result = run({"STUDY_AREA": study, "STUDY_ID_FIELD": "AGS", "CATALOG": SHIPPED_CATALOG_IDS.index(catalog_id),
                  "CONSTRAINT_LAYERS": [_demo_layer(name) for name in names],
                  "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})
    study_area = areas(study)
    assert math.isclose(areas(result["ELIGIBLE"]) + areas(result["EXCLUDED"]), study_area, rel_tol=1e-4)
    assert 0 < result["ELIGIBLE_SHARE_PCT"] < 100
    assert all(feature["criteria"] for feature in result["EXCLUDED"].getFeatures())


def test_runs_inside_a_graphical_model(wip_processing, layers, catalog_file, tmp_path):
    """A .model3 with an input layer feeding wip:eligibility, saved, loaded and run."""
    model = QgsProcessingModelAlgorithm("Flächenkulisse im Modell", "Test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("gebiet", "Gebiet"),
                            QgsProcessingModelParameter("gebiet"))
    model.addModelParameter(QgsProcessingParameterMultipleLayers("restriktionen", "Restriktionen"),
                            QgsProcessingModelParameter("restriktionen"))
    child = QgsProcessingModelChildAlgorithm("wip:eligibility")
    child.setChildId("kulisse")
    child.addParameterSources("STUDY_AREA", [QgsProcessingModelChildParameterSource.fromModelParameter("gebiet")])
    child.addParameterSources("CONSTRAINT_LAYERS",
                              [QgsProcessingModelChildParameterSource.fromModelParameter("restriktionen")])
    child.addParameterSources("CATALOG_FILE", [QgsProcessingModelChildParameterSource.fromStaticValue(catalog_file)])
    output = QgsProcessingModelOutput("geeignet")
    output.setChildOutputName("ELIGIBLE")
    child.setModelOutputs({"geeignet": output})
    model.addChildAlgorithm(child)
    model_file = tmp_path / "kulisse.model3"
    assert model.toFile(str(model_file))

    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    study, settlement, protected = layers
    context = QgsProcessingContext()
    results, ok = loaded.run({"gebiet": study, "restriktionen": [settlement, protected],
                              "kulisse:geeignet": "memory:"}, context, QgsProcessingFeedback())
    assert ok
    eligible = context.getMapLayer(results["kulisse:geeignet"])
    assert math.isclose(areas(eligible), 1000 * 1000 - 200 * 200, rel_tol=1e-6)


def test_batch_rows_run_independently(wip_processing, layers, catalog_file):
    """As the batch dialog does: one algorithm instance, one row after the other, each with its own context;
    a row's result does not depend on the rows before it."""
    study, settlement, protected = layers
    other_study = memory_layer("gemeinde2", "Polygon", [{"wkt": square(5000, 0, 500)}])
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:eligibility")
    rows = [{"STUDY_AREA": study, "CONSTRAINT_LAYERS": [settlement, protected]},
            {"STUDY_AREA": other_study, "CONSTRAINT_LAYERS": [protected]},
            {"STUDY_AREA": study, "CONSTRAINT_LAYERS": [settlement, protected]}]
    eligible = []
    for row in rows:
        context = QgsProcessingContext()
        results, ok = algorithm.run(dict(row, CATALOG_FILE=catalog_file, ELIGIBLE="memory:", EXCLUDED="memory:",
                                         SUMMARY="memory:"), context, QgsProcessingFeedback())
        assert ok
        eligible.append(areas(context.getMapLayer(results["ELIGIBLE"])))
    assert eligible == pytest.approx([1000 * 1000 - 200 * 200, 500 * 500, 1000 * 1000 - 200 * 200])
