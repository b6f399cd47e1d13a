"""The Flächenkulisse dock on the demo municipality: layer suggestion, a background run, the result views."""

import re
import sys

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from tests.gui.conftest import wait_for
from wip_qgis_plugin.gui.eligibility_panel import EligibilityDock
from wip_qgis_plugin.qgis_io.project import load_demo


@pytest.fixture
def dock(qgis_iface, demo_project):
    panel = EligibilityDock(qgis_iface, qgis_iface.mainWindow())
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def row_of(table, criterion_id):
    return next(row for row in range(table.rowCount()) if table.item(row, 0).data(256) == criterion_id)


def test_layers_are_suggested_per_criterion(dock):
    assert dock.form.studyAreaCombo.currentLayer().name() == "real_gemeinde"  # the municipality, not any polygon
    table = dock.form.criteriaTable
    assert table.rowCount() == len(dock.catalog.criteria)
    assert table.cellWidget(row_of(table, "wohngebaeude_abstand"), 3).currentText() == "synth_gebaeude"
    # both line layers of the grid fit "Freileitung": they are offered and chosen together
    assert table.cellWidget(row_of(table, "freileitung"), 3).currentText() == \
        "real_leitungen_uebertragungsnetz + synth_hochspannung_110kv"
    assert table.cellWidget(row_of(table, "rotmilan_dichtezentrum"), 3).currentData() == []
    # the turbine sets the geometry-dependent distances: total height 165 + 85 m
    assert table.item(row_of(table, "landes_kreisstrasse"), 2).text() == "250"
    dock.form.hubHeightSpin.setValue(100)
    assert table.item(row_of(table, "landes_kreisstrasse"), 2).text() == "185"


def test_background_run_shows_balance_chart_layers_and_reasons(dock):
    dock.form.studyAreaCombo.setLayer(QgsProject.instance().mapLayersByName("real_gemeinde")[0])
    dock.form.minAreaSpin.setValue(5.0)
    dock.run()
    assert dock.is_running()
    wait_for(dock)
    assert "ha geeignet" in dock.form.headlineLabel.text()
    assert re.match(r"[\d.]+,\d ha geeignet \([\d]+,\d\d %", dock.form.headlineLabel.text())  # German numbers
    labels = [dock.form.summaryTable.item(row, 0).text() for row in range(dock.form.summaryTable.rowCount())]
    assert "geeignet" in labels and "Untersuchungsgebiet" in labels
    assert any("1,8 %" in label or "1.8 %" in label for label in labels)
    bars = dock.chart.bars
    assert bars and [value for _, value, _ in bars] == sorted((value for _, value, _ in bars), reverse=True)
    excluded = dock.result_layer("EXCLUDED")
    eligible = dock.result_layer("ELIGIBLE")
    assert excluded is not None and eligible.featureCount() > 0
    assert {feature["exclusion_type"] for feature in excluded.getFeatures()} <= {"hard", "soft", "min_area"}
    assert all(feature["patch_ha"] >= 5.0 for feature in eligible.getFeatures())
    piece = max(excluded.getFeatures(), key=lambda feature: feature["area_ha"])
    dock.show_reasons(piece)
    text = dock.form.reasonBrowser.toPlainText()
    assert piece["labels"].split(";")[0].strip() in text
    assert "ha" in text


def test_removed_results_and_project_switches_raise_nothing(dock, monkeypatch):
    """After a run the planner removes the results, opens another project and the demo again: the dock follows
    without a single Python error (each would be an error dialog in QGIS)."""
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, trace: errors.append(f"{kind.__name__}: {value}"))
    project = QgsProject.instance()
    dock.form.studyAreaCombo.setLayer(project.mapLayersByName("real_gemeinde")[0])
    dock.run()
    wait_for(dock)
    dock.start_identify()
    project.removeMapLayers(list(dock.result_ids.values()))
    assert dock.result_layer("EXCLUDED") is None and dock.identify_tool is None
    project.addMapLayer(QgsVectorLayer("Polygon?crs=EPSG:25832", "neu", "memory"))
    project.clear()
    load_demo(project)
    dock.start_identify()
    assert errors == []
    assert dock.form.criteriaTable.rowCount() == len(dock.catalog.criteria)
    assert "Erst die Flächenkulisse berechnen" in dock.form.reasonBrowser.toPlainText()


def test_without_restriction_layers_no_target_counts_as_reached(dock):
    table = dock.form.criteriaTable
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, 3)
        combo.setCurrentIndex(0)  # – keine –
        combo.activated.emit(0)
    dock.run()
    wait_for(dock)
    labels = [dock.form.summaryTable.item(row, 0).text() for row in range(dock.form.summaryTable.rowCount())]
    targets = [label for label in labels if "%" in label and "bis" in label]
    assert targets and all("nicht belastbar" in label for label in targets), labels
    hard = sum(1 for criterion in dock.catalog.criteria if criterion.type == "hard")
    headline = dock.form.headlineLabel.text()
    assert "Nicht geprüft, keine Ebene zugeordnet" in headline and f"(harte Kriterien darunter: {hard})" in headline


def test_distance_edit_is_passed_as_override(dock):
    table = dock.form.criteriaTable
    table.item(row_of(table, "wohngebaeude_abstand"), 2).setText("800")
    parameters = dock.parameters()
    assert parameters["DISTANCE_OVERRIDES"] == ["wohngebaeude_abstand", "800"]
    cells = parameters["CRITERIA_MAPPING"]
    assert cells[cells.index("rotmilan_dichtezentrum"):][:2] == ["rotmilan_dichtezentrum", "-"]


def test_cancel_leaves_no_result_layers(dock):
    dock.form.studyAreaCombo.setLayer(QgsProject.instance().mapLayersByName("real_gemeinde")[0])
    layers_before = set(QgsProject.instance().mapLayers())
    dock.run()
    dock.cancel()
    wait_for(dock)
    assert "abgebrochen" in dock.form.headlineLabel.text()
    assert set(QgsProject.instance().mapLayers()) == layers_before


def test_broken_catalog_file_is_reported_and_blocks_the_run(dock, tmp_path):
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"format": "wip-criteria-catalog"', encoding="utf-8")
    dock.form.catalogFileWidget.setFilePath(str(broken))
    assert "kaputt.json" in dock.form.headlineLabel.text()
    assert not dock.form.runButton.isEnabled()


def test_suggestions_follow_layers_added_later_and_hand_choices_stay(qgis_iface, qgis_processing):
    project = QgsProject.instance()
    project.clear()
    panel = EligibilityDock(qgis_iface, qgis_iface.mainWindow())
    try:
        table = panel.form.criteriaTable
        assert table.cellWidget(row_of(table, "wald"), 3).currentData() == []
        load_demo(project)  # the dock follows the project
        assert table.cellWidget(row_of(table, "wald"), 3).currentText() == "synth_wald"
        combo = table.cellWidget(row_of(table, "wald"), 3)
        combo.setCurrentIndex(combo.findText("synth_landwirtschaft"))
        combo.activated.emit(combo.currentIndex())  # as a click would
        project.removeMapLayers([layer.id() for layer in project.mapLayersByName("synth_autobahn")])
        assert table.cellWidget(row_of(table, "wald"), 3).currentText() == "synth_landwirtschaft"
        assert table.cellWidget(row_of(table, "autobahn_abstand"), 3).currentData() == []
    finally:
        panel.disconnect_project()
        panel.deleteLater()
        project.clear()


def test_bad_input_shows_the_algorithms_message(dock):
    dock.form.studyAreaCombo.setLayer(QgsProject.instance().mapLayersByName("real_gemeinde")[0])
    table = dock.form.criteriaTable
    table.item(row_of(table, "wohngebaeude_abstand"), 2).setText("viel")
    dock.run()
    wait_for(dock)
    assert "viel" in dock.form.headlineLabel.text() and "fehlgeschlagen" in dock.form.headlineLabel.text()
    assert not dock.result_ids
