"""The Wärmeplanung dock on the demo municipality: suggested layers, the three steps in the background, the maps,
the totals per suitability level and the demand by scenario year."""

import pytest
from qgis.core import QgsProject

from tests.gui.conftest import wait_for
from wip_qgis_plugin.gui.heat_panel import HeatPlanningDock


@pytest.fixture
def dock(qgis_iface, demo_project):
    panel = HeatPlanningDock(qgis_iface, qgis_iface.mainWindow())
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def test_demo_layers_are_suggested(dock):
    assert dock.form.buildingsCombo.currentLayer().name() == "synth_gebaeude"
    assert dock.form.streetsCombo.currentLayer().name() == "synth_strassen"
    assert dock.form.networkCombo.currentLayer().name() == "synth_waermenetz"
    assert dock.form.blocksCombo.currentLayer() is None  # grid cells unless the planner picks blocks


def test_three_steps_run_in_the_background_and_show_maps_levels_and_years(dock):
    dock.run()
    assert dock.is_running()
    wait_for(dock)
    names = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    assert {"Wärmebedarf Gebäude (intern)", "Wärmedichte", "Wärmeliniendichte", "Eignung für Wärmenetze"} <= names
    areas = QgsProject.instance().mapLayersByName("Eignung für Wärmenetze")[0]
    assert areas.renderer().classAttribute() == "level"
    table = dock.form.levelTable
    counts = [int(table.item(row, 1).text()) for row in range(table.rowCount())]
    assert table.rowCount() == 4 and sum(counts) == areas.featureCount()
    assert table.item(0, 0).text() == "1 sehr wahrscheinlich geeignet"
    bars = dock.chart.bars
    assert [label for label, _, _ in bars] == ["Basisjahr", "2030", "2035", "2040", "2045"]
    values = [value for _, value, _ in bars]
    assert values == sorted(values, reverse=True) and values[-1] < values[0]  # renovation lowers the demand
    assert "GWh/a" in dock.form.headlineLabel.text() and dock.form.progressBar.value() == 100


def test_missing_streets_are_named(dock):
    dock.form.streetsCombo.setLayer(None)
    dock.run()
    assert not dock.is_running() and "Straßenebene" in dock.form.headlineLabel.text()


def test_one_click_writes_the_heat_plan_as_xwaermeplan_and_the_button_follows_the_layers(dock, tmp_path):
    """The demo project shows Hohenmölsen: the dialog knows the municipality and its territory (with its key in the
    field RS), and the plan holds the suitability areas of the map."""
    from xml.etree import ElementTree

    from wip_qgis_plugin.core.xwaermeplan import XWP
    from wip_qgis_plugin.gui.heat_panel import HeatPlanDialog

    assert not dock.form.xwaermeplanButton.isEnabled()
    dock.run()
    wait_for(dock)
    assert dock.form.xwaermeplanButton.isEnabled()
    dialog = HeatPlanDialog(dock)
    parameters = dialog.parameters()
    dialog.deleteLater()
    assert parameters["MUNICIPALITY"] == "Hohenmölsen" and parameters["STUDY_AREA"].name() == "real_gemeinde"
    assert parameters["DECISION"] == "2028-06-30"
    assert "HEATING_GRID" not in parameters and "GAS_NETWORK" not in parameters  # the demo has neither
    path = tmp_path / "waermeplan.gml"
    dock.write_heat_plan(str(path), parameters)
    wait_for(dock)
    assert str(path) in dock.form.headlineLabel.text()
    root = ElementTree.parse(path).getroot()
    assert root.find(f".//{{{XWP}}}regionalSchluessel").text == "150840235235"
    assert root.findall(f".//{{{XWP}}}WP_WaermeversorgungsgebietZieljahr")
    QgsProject.instance().removeMapLayer(QgsProject.instance().mapLayersByName("Eignung für Wärmenetze")[0])
    assert not dock.form.xwaermeplanButton.isEnabled() and dock.plan_layers == ()
