"""The Standortbewertung dock: instant re-scoring from the cached matrix, the AHP editor with its consistency ratio,
the site inspector, saving the weights, and bad input."""

import json
import time

import numpy as np
import pytest
from qgis.core import QgsApplication, QgsProject

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.core.scoring import ValueFunction, ahp_weights, load_scheme, score, utilities
from wip_qgis_plugin.gui.site_evaluation_panel import SiteEvaluationDock

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
def sites():
    rows = [{"wkt": square(200 * n, 0, 100), "a": a, "b": b} for n, (a, b) in enumerate(SITES)]
    layer = memory_layer("standorte", "Polygon", rows, fields="&field=a:double&field=b:double")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().clear()


@pytest.fixture
def dock(qgis_iface, sites):
    panel = SiteEvaluationDock(qgis_iface, qgis_iface.mainWindow())
    panel.site_combo.setLayer(sites)
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


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
    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    scores, classes = layer_scores(dock)
    assert scores == pytest.approx(expected([3, 1]).score.tolist())
    assert classes == expected([3, 1]).site_class.tolist()
    assert dock.result_layer.id() != sites.id() and dock.result_layer in QgsProject.instance().mapLayers().values()
    assert sites.fields().names() == ["a", "b"]  # the input is not changed
    assert dock.result_layer.renderer().classAttribute() == "score"  # recoloured by score
    assert "4 Standorte" in dock.headline.text()


def test_a_slider_rescores_the_layer_from_the_cached_matrix(dock, tmp_path):
    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    before, _ = layer_scores(dock)
    slider_a = dock.weights_table.cellWidget(0, 1)
    slider_b = dock.weights_table.cellWidget(1, 1)
    slider_a.setValue(slider_b.value())  # now a and b weigh the same
    settle(dock)
    after, classes = layer_scores(dock)
    assert after == pytest.approx(expected([1, 1]).score.tolist())
    assert after != pytest.approx(before)
    assert dock.weights_table.item(0, 2).text() == "50,0"  # German, as the UI
    dock.method_combo.setCurrentIndex(dock.method_combo.findData("topsis"))
    settle(dock)
    assert layer_scores(dock)[0] == pytest.approx(expected([1, 1], "topsis").score.tolist())


def test_ahp_editor_shows_the_consistency_ratio_and_holds_back_inconsistent_weights(dock, tmp_path):
    dock.scheme_file.setFilePath(three_criteria(tmp_path, "c"))  # the layer has no field c: a clear message
    dock.load()
    assert dock.result_layer is None and "c" in dock.headline.text()

    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    assert dock.ahp_table.verticalHeaderItem(1).text().startswith(f"K2 {dock.scheme.criteria[1].label[:8]}")
    dock.ahp_table.item(0, 1).setText("1/5")  # b is strongly more important than a
    settle(dock)
    assert dock.ahp_check.isChecked()
    assert dock.ahp_table.item(1, 0).text() == "5"
    weights = ahp_weights([[1, 1 / 5], [5, 1]]).weights
    assert layer_scores(dock)[0] == pytest.approx(expected(weights).score.tolist())
    assert "CR = 0,000" in dock.cr_label.text()


def test_inconsistent_comparison_needs_explicit_acceptance(dock, tmp_path):
    copy = memory_layer("standorte3", "Polygon", [
        {"wkt": square(200 * n, 0, 100), "a": a, "b": b, "a2": a} for n, (a, b) in enumerate(SITES)],
        fields="&field=a:double&field=b:double&field=a2:double")
    QgsProject.instance().addMapLayer(copy)
    dock.site_combo.setLayer(copy)
    dock.scheme_file.setFilePath(three_criteria(tmp_path, "a2"))
    dock.load()
    settle(dock)
    before = layer_scores(dock)[0]
    # a ≫ b, b ≫ a2, but a2 ≫ a: a circle of judgements
    for row, column, text in ((0, 1, "9"), (1, 2, "9"), (0, 2, "1/9")):
        dock.ahp_table.item(row, column).setText(text)
    settle(dock)
    assert "über 0,10" in dock.cr_label.text()
    assert layer_scores(dock)[0] == pytest.approx(before)  # not re-scored
    assert "nicht verwendbar" in dock.headline.text()
    dock.accept_check.setChecked(True)
    settle(dock)
    assert layer_scores(dock)[0] != pytest.approx(before)


def test_inspector_explains_a_site_with_contributions_rank_and_rank_range(dock, tmp_path):
    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    settle(dock)
    feature = next(f for f in dock.result_layer.getFeatures() if f["a"] == 8.0)
    dock.inspect_feature(feature)
    result = expected([3, 1])
    row = dock.row_of_feature[feature.id()]
    text = dock.site_text.toPlainText()
    assert f"Rang {result.rank[row]} von 4" in text and "Rangspanne" in text and "berechnet" not in text
    bars = dock.contribution_chart.bars
    assert [label for label, _, _ in bars] == ["Nutzen a", "Kosten b"]
    assert sum(value for _, value, _ in bars) == pytest.approx(result.score[row])


def test_saved_scheme_keeps_the_weights_and_the_comparison(dock, tmp_path):
    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    dock.weights_table.cellWidget(1, 1).setValue(dock.weights_table.cellWidget(0, 1).value())
    settle(dock)
    dock.save(str(tmp_path / "gespeichert.json"))
    saved = load_scheme(tmp_path / "gespeichert.json")
    assert saved.weights()[0] == pytest.approx([0.5, 0.5])
    assert saved.pairwise is None and saved.title == "Test"
    dock.ahp_table.item(0, 1).setText("5")
    settle(dock)
    dock.save(str(tmp_path / "ahp.json"))
    saved = load_scheme(tmp_path / "ahp.json")
    assert saved.pairwise == ((1.0, 5.0), (pytest.approx(1 / 5), 1.0))
    assert saved.weights()[0] == pytest.approx([5 / 6, 1 / 6])
    assert [c.weight for c in saved.criteria] == pytest.approx([5 / 6, 1 / 6], abs=1e-4)


def test_a_shipped_scheme_that_fits_the_layer_is_preselected(dock):
    from wip_qgis_plugin.core.scoring import shipped_schemes

    wind = load_scheme(shipped_schemes()["beispiel_wind"])
    fields = "".join(f"&field={c.field}:double" for c in wind.criteria)
    layer = memory_layer("windflaechen", "Polygon", [{"wkt": square(0, 0, 100)}], fields=fields)
    QgsProject.instance().addMapLayer(layer)
    dock.site_combo.setLayer(layer)
    assert dock.scheme_combo.currentData() == str(shipped_schemes()["beispiel_wind"])


def test_switching_to_the_comparison_starts_from_the_sliders(dock, tmp_path):
    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    dock.weights_table.cellWidget(1, 1).setValue(dock.weights_table.cellWidget(0, 1).value())  # now 1 : 1
    settle(dock)
    dock.ahp_check.setChecked(True)
    settle(dock)
    assert dock.ahp_table.item(0, 1).text() == "1"
    assert layer_scores(dock)[0] == pytest.approx(expected([1, 1]).score.tolist())


def test_reloading_stops_the_identify_tool_on_the_old_layer(dock, tmp_path, qgis_iface):
    dock.scheme_file.setFilePath(str(scheme_file(tmp_path)))
    dock.load()
    dock.start_identify()
    assert qgis_iface.mapCanvas().mapTool() is dock.identify_tool is not None
    dock.load()  # the old result layer is deleted: the tool must not keep it
    assert dock.identify_tool is None and qgis_iface.mapCanvas().mapTool() is None
