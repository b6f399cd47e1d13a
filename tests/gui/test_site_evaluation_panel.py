"""The Standortbewertung dock: criteria measured on the layers that play the scheme's roles, instant re-scoring from
the cached matrix, the AHP editor with its consistency ratio, the site inspector, saving the weights, and bad input."""

import json
import time

import numpy as np
import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtGui import QColor

from tests.gui.conftest import wait_for
from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.core.scoring import ValueFunction, ahp_weights, load_scheme, score, shipped_schemes, utilities
from wip_qgis_plugin.gui.site_evaluation_panel import NOT_ASSESSED_COLOUR, SiteEvaluationDock
from wip_qgis_plugin.qgis_io.layers import is_null

# criterion a: more is better (0–10), b: less is better (0–100); site 3 has no value for b
SITES = [(2.0, 10.0), (8.0, 90.0), (5.0, 50.0), (9.0, None)]
RAW = np.array([[a, np.nan if b is None else b] for a, b in SITES])


def scheme_file(tmp_path, fields=("a", "b"), weights=(3, 1)):
    data = {"format": "wip-scoring-scheme", "format_version": 1, "title": "Test", "criteria": [
        {"field": fields[0], "label": "Nutzen a", "weight": weights[0],
         "function": {"kind": "benefit", "lower": 0, "upper": 10}},
        {"field": fields[1], "label": "Kosten b", "weight": weights[1],
         "function": {"kind": "cost", "lower": 0, "upper": 100}}]}
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def three_criteria(tmp_path, field) -> str:
    """The two-criteria scheme plus a third, benefit 0–20 on ``field``."""
    data = json.loads(scheme_file(tmp_path).read_text())
    data["criteria"].append({"field": field, "label": "dritte", "function": {"kind": "benefit", "lower": 0,
                                                                            "upper": 20}})
    path = tmp_path / "drei.json"
    path.write_text(json.dumps(data))
    return str(path)


@pytest.fixture
def sites(demo_project):
    rows = [{"wkt": square(200 * n, 0, 100), "a": a, "b": b} for n, (a, b) in enumerate(SITES)]
    layer = memory_layer("standorte", "Polygon", rows, fields="&field=a:double&field=b:double")
    demo_project.addMapLayer(layer)
    return layer


@pytest.fixture
def dock(qgis_iface, sites):
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    panel.form.siteCombo.setLayer(sites)
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def evaluate(panel):
    """Press "Standorte bewerten" and wait for the criteria run and the scoring."""
    panel.run()
    wait_for(panel)
    settle(panel)


def settle(panel, seconds=30):
    """Let the re-scoring timer and the background rank-range run finish."""
    deadline = time.monotonic() + seconds
    while panel.is_busy() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert not panel.is_busy()


def layer_scores(panel):
    features = sorted(panel.result_layer.getFeatures(), key=lambda f: f.id())
    return [None if f["score"] is None else f["score"] for f in features], [f["class"] for f in features]


def expected(weights, method="wlc"):
    functions = [ValueFunction("benefit", lower=0, upper=10), ValueFunction("cost", lower=0, upper=100)]
    return score(utilities(RAW, functions), weights, method)


def test_load_scores_a_copy_and_leaves_the_input_alone(dock, sites, tmp_path):
    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    scores, classes = layer_scores(dock)
    assert scores == pytest.approx(expected([3, 1]).score.tolist())
    assert classes == expected([3, 1]).site_class.tolist()
    assert dock.result_layer.id() != sites.id() and dock.result_layer in QgsProject.instance().mapLayers().values()
    assert dock.result_layer.providerType() == "ogr"  # kept in the project's result GeoPackage
    assert sites.fields().names() == ["a", "b"]  # the input is not changed
    assert dock.result_layer.renderer().classAttribute() == "score"  # recoloured by score
    assert "4 Standorte" in dock.form.headlineLabel.text()


def test_a_slider_rescores_the_layer_from_the_cached_matrix(dock, tmp_path):
    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    before, _ = layer_scores(dock)
    slider_a = dock.form.weightsTable.cellWidget(0, 1)
    slider_b = dock.form.weightsTable.cellWidget(1, 1)
    slider_a.setValue(slider_b.value())  # now a and b weigh the same
    settle(dock)
    after, classes = layer_scores(dock)
    assert after == pytest.approx(expected([1, 1]).score.tolist())
    assert after != pytest.approx(before)
    assert dock.form.weightsTable.item(0, 2).text() == "50,0"  # German, as the UI
    dock.form.methodCombo.setCurrentIndex(dock.form.methodCombo.findData("topsis"))
    settle(dock)
    assert layer_scores(dock)[0] == pytest.approx(expected([1, 1], "topsis").score.tolist())


def test_ahp_editor_shows_the_consistency_ratio_and_holds_back_inconsistent_weights(dock, tmp_path):
    dock.form.schemeFileWidget.setFilePath(three_criteria(tmp_path, "c"))  # the layer has no field c: a clear message
    evaluate(dock)
    assert dock.result_layer is None and "c" in dock.form.headlineLabel.text()

    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    assert dock.form.ahpTable.verticalHeaderItem(1).text().startswith(f"K2 {dock.scheme.criteria[1].label[:8]}")
    dock.form.ahpTable.item(0, 1).setText("1/5")  # b is strongly more important than a
    settle(dock)
    assert dock.form.ahpCheck.isChecked()
    assert dock.form.ahpTable.item(1, 0).text() == "5"
    weights = ahp_weights([[1, 1 / 5], [5, 1]]).weights
    assert layer_scores(dock)[0] == pytest.approx(expected(weights).score.tolist())
    assert "CR = 0,000" in dock.form.crLabel.text()


def test_inconsistent_comparison_needs_explicit_acceptance(dock, tmp_path):
    copy = memory_layer("standorte3", "Polygon", [
        {"wkt": square(200 * n, 0, 100), "a": a, "b": b, "a2": a} for n, (a, b) in enumerate(SITES)],
        fields="&field=a:double&field=b:double&field=a2:double")
    QgsProject.instance().addMapLayer(copy)
    dock.form.siteCombo.setLayer(copy)
    dock.form.schemeFileWidget.setFilePath(three_criteria(tmp_path, "a2"))
    evaluate(dock)
    settle(dock)
    before = layer_scores(dock)[0]
    # a ≫ b, b ≫ a2, but a2 ≫ a: a circle of judgements
    for row, column, text in ((0, 1, "9"), (1, 2, "9"), (0, 2, "1/9")):
        dock.form.ahpTable.item(row, column).setText(text)
    settle(dock)
    assert "über 0,10" in dock.form.crLabel.text()
    assert layer_scores(dock)[0] == pytest.approx(before)  # not re-scored
    assert "nicht verwendbar" in dock.form.headlineLabel.text()
    dock.form.acceptCheck.setChecked(True)
    settle(dock)
    assert layer_scores(dock)[0] != pytest.approx(before)


def test_inspector_explains_a_site_with_contributions_rank_and_rank_range(dock, tmp_path):
    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    settle(dock)
    feature = next(f for f in dock.result_layer.getFeatures() if f["a"] == 8.0)
    dock.inspect_feature(feature)
    result = expected([3, 1])
    row = dock.row_of_feature[feature.id()]
    text = dock.form.siteText.toPlainText()
    assert f"Rang {result.rank[row]} von 4" in text and "Rangspanne" in text and "berechnet" not in text
    bars = dock.contribution_chart.bars
    assert [label for label, _, _ in bars] == ["Nutzen a", "Kosten b"]
    assert sum(value for _, value, _ in bars) == pytest.approx(result.score[row])


def test_saved_scheme_keeps_the_weights_and_the_comparison(dock, tmp_path):
    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    dock.form.weightsTable.cellWidget(1, 1).setValue(dock.form.weightsTable.cellWidget(0, 1).value())
    settle(dock)
    dock.save(str(tmp_path / "gespeichert.json"))
    saved = load_scheme(tmp_path / "gespeichert.json")
    assert saved.weights()[0] == pytest.approx([0.5, 0.5])
    assert saved.pairwise is None and saved.title == "Test"
    dock.form.ahpTable.item(0, 1).setText("5")
    settle(dock)
    dock.save(str(tmp_path / "ahp.json"))
    saved = load_scheme(tmp_path / "ahp.json")
    assert saved.pairwise == ((1.0, 5.0), (pytest.approx(1 / 5), 1.0))
    assert saved.weights()[0] == pytest.approx([5 / 6, 1 / 6])
    assert [c.weight for c in saved.criteria] == pytest.approx([5 / 6, 1 / 6], abs=1e-4)


def test_switching_to_the_comparison_starts_from_the_sliders(dock, tmp_path):
    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    dock.form.weightsTable.cellWidget(1, 1).setValue(dock.form.weightsTable.cellWidget(0, 1).value())  # now 1 : 1
    settle(dock)
    dock.form.ahpCheck.setChecked(True)
    settle(dock)
    assert dock.form.ahpTable.item(0, 1).text() == "1"
    assert layer_scores(dock)[0] == pytest.approx(expected([1, 1]).score.tolist())


def test_reloading_stops_the_identify_tool_on_the_old_layer(dock, tmp_path, qgis_iface):
    dock.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
    evaluate(dock)
    dock.start_identify()
    assert qgis_iface.mapCanvas().mapTool() is dock.identify_tool is not None
    evaluate(dock)  # a new result layer: the tool must not keep scoring the old one
    assert dock.identify_tool is None and qgis_iface.mapCanvas().mapTool() is None


# -- schemes by role on the demo municipality --------------------------------------------------------------------

WIND_FIELDS = ("dist_synth_umspannwerke_110kv_m", "dist_synth_siedlung_m", "share_synth_schutzgebiete",
               "mean_ackerzahl", "area_ha", "compactness")


@pytest.fixture
def candidate_areas(demo_project):
    """Three candidate areas in Hohenmölsen, named as the Flächenkulisse dock names its result."""
    layer = memory_layer("Geeignete Flächen – Windenergie an Land", "Polygon", [
        {"wkt": square(712500, 5669000, 1500), "area_id": 1}, {"wkt": square(716000, 5669500, 600), "area_id": 2},
        {"wkt": square(719500, 5672500, 900), "area_id": 3}], fields="&field=area_id:integer")
    demo_project.addMapLayer(layer)
    return layer


@pytest.fixture
def demo_dock(qgis_iface, candidate_areas):
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    panel.form.schemeCombo.setCurrentIndex(panel.form.schemeCombo.findData(str(shipped_schemes()["beispiel_wind"])))
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def row_of(panel, criterion_id: str) -> int:
    return next(row for row, criterion in enumerate(panel.shown_scheme.criteria) if criterion.id == criterion_id)


def test_the_dock_measures_the_roles_on_the_layers_it_recognises_and_scores(demo_dock, candidate_areas, tmp_path):
    dock = demo_dock
    assert dock.form.siteCombo.currentLayer() == candidate_areas  # the Flächenkulisse, as the assistant finds it
    chosen = {criterion.id: dock.role_layer(row).name() for row, criterion in enumerate(dock.shown_scheme.criteria)
              if dock.role_layer(row) is not None}
    assert chosen == {"umspannwerk": "synth_umspannwerke_110kv", "siedlung": "synth_siedlung",
                      "schutzgebiete": "synth_schutzgebiete", "ackerzahl": "synth_landwirtschaft"}
    assert dock.role_field(row_of(dock, "ackerzahl")) == "ackerzahl"
    assert dock.form.criteriaTable.item(row_of(dock, "flaeche"), 1).text() == "aus der Geometrie der Standorte"
    assert dock.form.notAssessedLabel.text() == ""

    evaluate(dock)
    layer = dock.result_layer
    assert layer.name() == "Standortbewertung – Geeignete Flächen – Windenergie an Land"
    features = sorted(layer.getFeatures(), key=lambda feature: feature["area_id"])
    values = np.array([[np.nan if is_null(f[name]) else f[name] for name in WIND_FIELDS] for f in features])
    assert not np.isnan(values[:, :3]).any() and (values[:, 0] > 0).all()
    scheme = dock.scheme
    expected = score(utilities(values, [c.function for c in scheme.criteria]), scheme.weights()[0])
    assert [f["score"] for f in features] == pytest.approx(expected.score.tolist())
    assert [f["class"] for f in features] == expected.site_class.tolist()
    assert "3 Standorte" in dock.form.headlineLabel.text() and "Nicht bewertet" not in dock.form.headlineLabel.text()
    assert dock.form.progressBar.value() == 100
    assert candidate_areas.fields().names() == ["area_id"]  # the input is not changed

    dock.save(str(tmp_path / "eigenes.json"))  # a saved scheme keeps the roles, not the demo's layer names
    saved = load_scheme(tmp_path / "eigenes.json")
    assert [c.role for c in saved.criteria] == [c.role for c in scheme.criteria]
    assert "synth" not in (tmp_path / "eigenes.json").read_text(encoding="utf-8")


def test_a_role_without_a_layer_is_shown_and_follows_the_missing_value_rule(demo_dock):
    dock = demo_dock
    row = row_of(dock, "siedlung")
    combo = dock.form.criteriaTable.cellWidget(row, 1)
    combo.setLayer(None)
    combo.activated.emit(0)  # as the planner's choice in the list
    assert "Abstand zur Siedlung" in dock.form.notAssessedLabel.text()
    assert dock.form.criteriaTable.item(row, 0).foreground().color() == QColor(NOT_ASSESSED_COLOUR)
    dock.refresh_layers()  # the planner's "none" survives a new layer in the project
    assert dock.role_layer(row) is None

    evaluate(dock)
    headline = dock.form.headlineLabel.text()
    assert "Nicht bewertet" in headline and "Abstand zur Siedlung" in headline and "schlechtester Wert" in headline
    assert dock.result.missing[:, row].all() and (dock.result.utilities[:, row] == 0).all()
    assert "dist_synth_siedlung_m" not in dock.result_layer.fields().names()
    assert not np.isnan(dock.result.score).any()  # the other criteria are scored as ever


def test_roles_find_layers_whatever_the_project_calls_them(qgis_iface):
    project = QgsProject.instance()
    project.clear()
    layers = [memory_layer("UW 110 kV", "Point", [{"wkt": "POINT(0 0)"}]),
              memory_layer("Ortslagen ALKIS", "Polygon", [{"wkt": square(0, 0, 10)}]),
              memory_layer("Bauwerke", "Point", [{"wkt": "POINT(0 0)"}]),
              memory_layer("Bodenschätzung", "Polygon", [{"wkt": square(0, 0, 10), "Ackerzahl": 50}],
                           fields="&field=Klasse:string&field=Ackerzahl:integer")]
    project.addMapLayers(layers)
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    try:
        panel.form.schemeCombo.setCurrentIndex(panel.form.schemeCombo.findData(
            str(shipped_schemes()["beispiel_wind"])))
        assert panel.role_layer(row_of(panel, "umspannwerk")).name() == "UW 110 kV"
        assert panel.role_layer(row_of(panel, "siedlung")).name() == "Ortslagen ALKIS"
        assert panel.role_layer(row_of(panel, "ackerzahl")).name() == "Bodenschätzung"
        assert panel.role_field(row_of(panel, "ackerzahl")) == "Ackerzahl"
        assert panel.role_layer(row_of(panel, "schutzgebiete")) is None  # no layer fits: said, not guessed
        assert "Anteil in Schutzgebieten" in panel.form.notAssessedLabel.text()
    finally:
        panel.disconnect_project()
        panel.deleteLater()
        project.clear()


def test_the_assistant_calls_the_step_ready_exactly_when_the_dock_can_run(qgis_iface, demo_project):
    """The demo has no Flächenkulisse yet: step 2 is not ready. With candidate areas (and without any grid layer)
    it is, and the dock scores them, the substation role shown as not assessed."""
    from wip_qgis_plugin.gui.planning_assistant import PlanningAssistantDock

    for layer in demo_project.mapLayersByName("synth_umspannwerke_110kv") + demo_project.mapLayersByName(
            "real_uw_uebertragungsnetz"):
        demo_project.removeMapLayer(layer.id())
    assistant = PlanningAssistantDock(qgis_iface, qgis_iface.mainWindow())
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    try:
        def status():
            tree = assistant.form.stepsTree
            return next(tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())
                        if tree.topLevelItem(i).data(0, 256) == "site_evaluation")

        assert status() != "bereit" and panel.form.siteCombo.currentLayer() is None
        demo_project.addMapLayer(memory_layer("Geeignete Flächen – Windenergie an Land", "Polygon", [
            {"wkt": square(712500, 5669000, 1500)}]))
        assert status() == "bereit" and panel.form.siteCombo.currentLayer() is not None
        evaluate(panel)
        assert panel.result_layer is not None and "Abstand zum 110-kV-Umspannwerk" in panel.not_assessed
    finally:
        panel.disconnect_project()
        assistant.disconnect_project()
        panel.deleteLater()
        assistant.deleteLater()


def test_the_scheme_follows_the_technology_of_the_sites_until_the_planner_picks_one(dock, demo_project):
    wind = memory_layer("Geeignete Flächen – Windenergie an Land", "Polygon", [{"wkt": square(0, 0, 100)}])
    pv = memory_layer("Geeignete Flächen – Freiflächen-Photovoltaik", "Polygon", [{"wkt": square(0, 0, 100)}])
    demo_project.addMapLayers([wind, pv])
    combo = dock.form.schemeCombo
    dock.form.siteCombo.setLayer(wind)
    assert combo.currentData().endswith("beispiel_wind.json")
    dock.form.siteCombo.setLayer(pv)
    assert combo.currentData().endswith("beispiel_pv.json")
    combo.activated.emit(combo.findData(combo.itemData(1)))  # the planner picks a scheme: it stays
    chosen = combo.currentData()
    dock.form.siteCombo.setLayer(wind)
    assert combo.currentData() == chosen


def test_scores_stay_with_their_sites_when_the_geopackage_numbers_them_anew(demo_project, qgis_iface, tmp_path):
    """Sites with a field "fid" (as any GeoPackage layer has) are numbered by it in the result GeoPackage, here in
    reverse order: each score must still land on its own site."""
    rows = [{"wkt": square(200 * n, 0, 100), "fid": len(SITES) - n, "a": a, "b": b} for n, (a, b) in enumerate(SITES)]
    sites = memory_layer("standorte", "Polygon", rows, fields="&field=fid:integer&field=a:double&field=b:double")
    demo_project.addMapLayer(sites)
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    try:
        panel.form.siteCombo.setLayer(sites)
        panel.form.schemeFileWidget.setFilePath(str(scheme_file(tmp_path)))
        evaluate(panel)
        scored = {feature["a"]: feature["score"] for feature in panel.result_layer.getFeatures()}
        wanted = dict(zip([a for a, _ in SITES], expected([3, 1]).score.tolist()))
        assert scored == pytest.approx(wanted)
    finally:
        panel.disconnect_project()
        panel.deleteLater()


def test_roles_find_the_planners_own_data_models(qgis_iface, tmp_path):
    """A planning office's ALKIS residential areas and soil appraisal, the Land's nature reserves and SciGRID's
    substations play the wind scheme's roles; the OSM extract beside them plays none."""
    from tests.real_schemas import write, write_osm_xml
    from wip_qgis_plugin.qgis_io.data import load_data

    data = tmp_path / "daten"
    data.mkdir()
    write(memory_layer("ax_wohnbauflaeche", "Polygon", [{"wkt": square(0, 0, 10)}], fields="&field=gml_id:string"),
          data / "alkis.gpkg", "ax_wohnbauflaeche")
    write(memory_layer("ax_bodenschaetzung", "Polygon", [{"wkt": square(0, 0, 10), "ackerzahlodergruenlandzahl": 50}],
                       fields="&field=ackerzahlodergruenlandzahl:integer"), data / "alkis.gpkg", "ax_bodenschaetzung")
    write(memory_layer("NSG_LSA", "Polygon", [{"wkt": square(0, 0, 10)}]), data / "NSG_LSA.shp",
          driver="ESRI Shapefile")
    write(memory_layer("scigrid_buses", "Point", [{"wkt": "POINT(0 0)", "v_nom": 380.0}],
                       fields="&field=v_nom:double"), data / "netz.gpkg", "scigrid_buses")
    write_osm_xml(data / "gemeinde.osm")
    project = QgsProject.instance()
    project.clear()
    load_data(project, [str(data)])
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    try:
        panel.form.schemeCombo.setCurrentIndex(panel.form.schemeCombo.findData(
            str(shipped_schemes()["beispiel_wind"])))
        assert panel.role_layer(row_of(panel, "siedlung")).name() == "ax_wohnbauflaeche"
        assert panel.role_layer(row_of(panel, "schutzgebiete")).name() == "NSG_LSA"
        assert panel.role_layer(row_of(panel, "umspannwerk")).name() == "scigrid_buses"
        assert panel.role_layer(row_of(panel, "ackerzahl")).name() == "ax_bodenschaetzung"
        assert panel.role_field(row_of(panel, "ackerzahl")) == "ackerzahlodergruenlandzahl"
    finally:
        panel.disconnect_project()
        panel.deleteLater()
        project.clear()
