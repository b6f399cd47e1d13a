"""wip:zoningalternatives through Processing: a hand-checked allocation on three parcels, locks from a field, target
conflicts in the indicator table, a grid instead of parcels, bad input, batch rows and the demo chain as a model."""

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
from wip_qgis_plugin.core.zoning import USES
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG


def targets(**rows):
    """The target matrix: per use (min MW, min GWh/a, min ha, max %, min cluster ha); unnamed uses have none."""
    cells = []
    for use in USES:
        cells += [use, *rows.get(use, (0, 0, 0, 100, 0))]
    return cells


@pytest.fixture
def layers():
    """Three 9 ha parcels in a row: A and half of B eligible for wind, C for PV."""
    study = memory_layer("gemeinde", "Polygon", [{"wkt": "POLYGON((0 0, 900 0, 900 300, 0 300, 0 0))"}])
    parcels = memory_layer("flurstuecke", "Polygon", [
        {"wkt": square(0, 0, 300), "nr": "A", "festlegung": None},
        {"wkt": square(300, 0, 300), "nr": "B", "festlegung": None},
        {"wkt": square(600, 0, 300), "nr": "C", "festlegung": None}],
        fields="&field=nr:string&field=festlegung:string")
    wind = memory_layer("wind", "Polygon", [{"wkt": "POLYGON((0 0, 450 0, 450 300, 0 300, 0 0))"}])
    pv = memory_layer("pv", "Polygon", [{"wkt": square(600, 0, 300)}])
    return study, parcels, wind, pv


def run(layers, feedback=None, **extra):
    study, parcels, wind, pv = layers
    parameters = {"STUDY_AREA": study, "UNITS": parcels, "UNIT_ID_FIELD": "nr", "ELIGIBLE_WIND": wind,
                  "ELIGIBLE_PV": pv, "TARGETS": targets(wind=(0, 0, 5, 100, 0), pv=(5, 0, 0, 100, 0)),
                  "OBJECTIVES": [0], "NEAR_OPTIMAL": 0, "ALLOCATION": "memory:", "INDICATORS": "memory:",
                  "FREQUENCY": "memory:"}
    parameters.update(extra)
    return processing.run("wip:zoningalternatives", parameters, feedback=feedback)


def test_three_parcels_by_hand(wip_processing, layers):
    result = run(layers)
    rows = {f["unit_id"]: f for f in result["ALLOCATION"].getFeatures()}
    # wind needs 5 ha: A (9 ha) reaches it, B's 4.5 eligible ha do not; PV needs 5 MW: C gives 9 ha × 1 MW/ha
    assert set(rows) == {"A", "C"}
    assert rows["A"]["use"] == "wind" and rows["A"]["ha"] == pytest.approx(9.0)
    assert rows["C"]["use"] == "pv" and rows["C"]["mw"] == pytest.approx(9.0) and rows["C"]["gwh_a"] == pytest.approx(9)
    assert rows["A"].geometry().area() / 1e4 == pytest.approx(9.0) and rows["A"]["locked"] is False
    (indicators,) = list(result["INDICATORS"].getFeatures())
    assert indicators["ha_wind"] == pytest.approx(9.0) and indicators["mw_wind"] == pytest.approx(9 * 0.21)
    assert indicators["gwh_total"] == pytest.approx(9 + 9 * 0.21 * 2.2)
    assert indicators["co2_t_a"] == pytest.approx(indicators["gwh_total"] * 427)  # national mix 2024, UBA
    assert indicators["targets_missed"] == 0 and indicators["status"] == "optimal"
    frequency = {f["unit_id"]: f for f in result["FREQUENCY"].getFeatures()}
    assert frequency["A"]["freq_wind"] == 1.0 and frequency["B"]["freq_any"] == 0.0
    assert frequency["B"]["most_chosen"] == "Bestand beibehalten"
    assert result["ALTERNATIVES"] == 1


def test_the_eligible_part_is_what_a_unit_gets(wip_processing, layers):
    result = run(layers, TARGETS=targets(wind=(0, 0, 12, 100, 0)))
    rows = {f["unit_id"]: f for f in result["ALLOCATION"].getFeatures()}
    assert rows["B"]["ha"] == pytest.approx(4.5) and rows["B"].geometry().area() / 1e4 == pytest.approx(4.5)


def _parcels(locks):
    return memory_layer("flurstuecke", "Polygon", [
        {"wkt": square(300 * n, 0, 300), "nr": name, "festlegung": lock} for n, (name, lock) in enumerate(
            zip("ABC", locks))], fields="&field=nr:string&field=festlegung:string")


def test_locks_from_a_field(wip_processing, layers):
    study, _unlocked, wind, pv = layers
    result = run((study, _parcels(["bestand", "wind", None]), wind, pv), LOCK_FIELD="festlegung")
    rows = {f["unit_id"]: f for f in result["ALLOCATION"].getFeatures()}
    assert "A" not in rows and rows["B"]["use"] == "wind" and rows["B"]["locked"]
    assert rows["B"]["ha"] == pytest.approx(9.0)  # the planner's decision covers the whole parcel
    with pytest.raises(QgsProcessingException, match="Kernkraft"):
        run((study, _parcels([None, None, "Kernkraft"]), wind, pv), LOCK_FIELD="festlegung")


def test_missed_targets_are_explained(wip_processing, layers):
    feedback = QgsProcessingFeedback()
    result = run(layers, feedback, TARGETS=targets(wind=(0, 0, 50, 100, 0), pv=(5, 0, 0, 100, 0)))
    (row,) = list(result["INDICATORS"].getFeatures())
    assert row["targets_missed"] == 1 and "höchstens 13.5 ha" in row["shortfalls"]
    assert "es fehlen" in feedback.textLog()


def test_a_grid_when_there_are_no_parcels(wip_processing, layers):
    study, _parcels, wind, pv = layers
    result = processing.run("wip:zoningalternatives", {
        "STUDY_AREA": study, "CELL_SIZE": 100.0, "ELIGIBLE_WIND": wind, "ELIGIBLE_PV": pv,
        "TARGETS": targets(pv=(5, 0, 0, 100, 0)), "NEAR_OPTIMAL": 1, "ALLOCATION": "memory:",
        "INDICATORS": "memory:", "FREQUENCY": "memory:"})
    cells = list(result["FREQUENCY"].getFeatures())
    assert len(cells) == 27 and sum(f["area_ha"] for f in cells) == pytest.approx(27.0)
    assert result["ALTERNATIVES"] == 4  # three objectives and one near-optimal alternative
    pv_cells = [f for f in result["ALLOCATION"].getFeatures() if f["alternative"] == 1 and f["use"] == "pv"]
    assert len(pv_cells) == 5  # 1 ha cells, 1 MW each


@pytest.mark.parametrize(("extra", "message"), [
    ({"TARGETS": targets()[:-6] + ["kohle", 0, 0, 0, 100, 0]}, "kohle"),
    ({"TARGETS": targets(pv=("viel", 0, 0, 100, 0))}, "nur Zahlen"),
    ({"INCOMPATIBLE": "wohnen-kohle"}, "kein Paar"),
    ({"TARGETS": targets(pv=(0, 0, 0, 150, 0))}, "über 100"),
])
def test_bad_parameters_are_named(wip_processing, layers, extra, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(layers, **extra)


def test_an_empty_municipality_is_refused(wip_processing, layers):
    _study, parcels, wind, pv = layers
    empty = memory_layer("gemeinde", "Polygon", [])
    with pytest.raises(QgsProcessingException, match="keine gültige Fläche"):
        run((empty, parcels, wind, pv))


def test_the_inputs_are_not_changed(wip_processing, layers):
    run(layers, LOCK_FIELD="festlegung")
    assert [f["festlegung"] for f in layers[1].getFeatures()] == [None, None, None]
    assert layers[1].fields().names() == ["nr", "festlegung"]


def test_batch_rows_run_independently(wip_processing, layers):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:zoningalternatives")
    study, parcels, wind, pv = layers
    hectares = []
    for wanted in (5, 12, 5):
        context = QgsProcessingContext()
        results, ok = algorithm.run({
            "STUDY_AREA": study, "UNITS": parcels, "ELIGIBLE_WIND": wind, "TARGETS": targets(wind=(0, 0, wanted, 100,
                                                                                                  0)),
            "OBJECTIVES": [0], "NEAR_OPTIMAL": 0, "ALLOCATION": "memory:", "INDICATORS": "memory:",
            "FREQUENCY": "memory:"}, context, QgsProcessingFeedback())
        assert ok
        hectares.append(next(context.getMapLayer(results["INDICATORS"]).getFeatures())["ha_wind"])
    assert hectares[0] == hectares[2] == pytest.approx(9.0) and hectares[1] == pytest.approx(13.5)


def test_eligibility_then_alternatives_as_a_saved_model(wip_processing, tmp_path):
    """A .model3 on the demo municipality: the wind Flächenkulisse feeds the zoning alternatives on a 250 m grid."""
    model = QgsProcessingModelAlgorithm("Varianten im Modell", "Test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("gemeinde", "gemeinde"),
                            QgsProcessingModelParameter("gemeinde"))
    model.addModelParameter(QgsProcessingParameterMultipleLayers("restriktionen", "restriktionen"),
                            QgsProcessingModelParameter("restriktionen"))
    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    eligibility = QgsProcessingModelChildAlgorithm("wip:eligibility")
    eligibility.setChildId("kulisse")
    eligibility.addParameterSources("STUDY_AREA", [parameter("gemeinde")])
    eligibility.addParameterSources("CONSTRAINT_LAYERS", [parameter("restriktionen")])
    model.addChildAlgorithm(eligibility)
    zoning = QgsProcessingModelChildAlgorithm("wip:zoningalternatives")
    zoning.setChildId("varianten")
    zoning.addParameterSources("STUDY_AREA", [parameter("gemeinde")])
    zoning.addParameterSources("ELIGIBLE_WIND", [QgsProcessingModelChildParameterSource.fromChildOutput(
        "kulisse", "ELIGIBLE")])
    zoning.addParameterSources("WIND_SHARE_PCT", [QgsProcessingModelChildParameterSource.fromStaticValue(1.9)])
    zoning.addParameterSources("NEAR_OPTIMAL", [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    output = QgsProcessingModelOutput("kennzahlen")
    output.setChildOutputName("INDICATORS")
    zoning.setModelOutputs({"kennzahlen": output})
    model.addChildAlgorithm(zoning)
    model_file = tmp_path / "varianten.model3"
    assert model.toFile(str(model_file))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    context = QgsProcessingContext()
    restrictions = [f"{DEMO_GPKG}|layername={name}" for name in ("synth_siedlung", "synth_schutzgebiete", "synth_wald",
                                                                   "synth_autobahn")]
    results, ok = loaded.run({
        "gemeinde": QgsVectorLayer(f"{DEMO_GPKG}|layername=real_gemeinde", "gemeinde", "ogr"),
        "restriktionen": restrictions, "varianten:kennzahlen": "memory:"}, context, QgsProcessingFeedback())
    assert ok, results
    rows = list(context.getMapLayer(results["varianten:kennzahlen"]).getFeatures())
    assert len(rows) == 4  # three objectives and one near-optimal alternative
    assert all(row["wind_target_reached_pct"] >= 100 * (1 - 1e-5) and not row["targets_missed"] for row in rows)


def test_the_target_table_may_be_left_out(wip_processing, layers):
    study, parcels, wind, _pv = layers
    result = processing.run("wip:zoningalternatives", {
        "STUDY_AREA": study, "UNITS": parcels, "ELIGIBLE_WIND": wind, "WIND_SHARE_PCT": 1.0, "NEAR_OPTIMAL": 0,
        "ALLOCATION": "memory:", "INDICATORS": "memory:", "FREQUENCY": "memory:"})
    rows = list(result["INDICATORS"].getFeatures())
    # the catalog's defaults apply: wind needs 20 ha together, and A and B give 13.5 ha
    assert len(rows) == 3 and all(row["targets_missed"] == 1 and "höchstens 0.0 ha" in row["shortfalls"]
                                  for row in rows)


def test_the_plugins_own_pv_eligibility_on_the_demo_parcels_is_feasible_without_targets(wip_processing):
    """The PV Flächenkulisse leaves slivers of square metres on many parcels; with its defaults the model must
    still be solvable (it was called infeasible even with every target at 0)."""
    from wip_qgis_plugin.qgis_io.project import demo_layer_names

    demo = str(DEMO_GPKG)
    constraints = [layer for layer in (QgsVectorLayer(f"{demo}|layername={name}", name, "ogr")
                                       for name in demo_layer_names(DEMO_GPKG) if name.startswith("synth_"))
                   if layer.isSpatial()]
    eligible = processing.run("wip:eligibility", {
        "STUDY_AREA": f"{demo}|layername=real_gemeinde", "CATALOG": 1, "CONSTRAINT_LAYERS": constraints,
        "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"})["ELIGIBLE"]
    result = processing.run("wip:zoningalternatives", {
        "STUDY_AREA": f"{demo}|layername=real_gemeinde", "UNITS": f"{demo}|layername=synth_flurstuecke",
        "UNIT_ID_FIELD": "flurstueck_id", "ELIGIBLE_PV": eligible, "NEAR_OPTIMAL": 0,
        "ALLOCATION": "memory:", "INDICATORS": "memory:", "FREQUENCY": "memory:"})
    assert result["INDICATORS"].featureCount() == 3
