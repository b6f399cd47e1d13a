"""The Ertrag dock on the demo municipality: suggested layers, wind and PV runs in the background, the table, the
chart and the styled layers."""

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from tests.gui.conftest import wait_for
from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.gui.yield_panel import YieldDock


@pytest.fixture
def sites(demo_project):
    """Two eligible areas in the south of Hohenmölsen, named as the Flächenkulisse dock names its result."""
    layer = memory_layer("Flächenkulisse Wind – geeignet", "Polygon", [
        {"wkt": square(712500, 5669000, 1500), "area_id": 1}, {"wkt": square(716000, 5669500, 600), "area_id": 2}],
        fields="&field=area_id:integer")
    demo_project.addMapLayer(layer)
    return layer


@pytest.fixture
def dock(qgis_iface, sites):
    panel = YieldDock(qgis_iface, qgis_iface.mainWindow())
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def test_eligible_areas_and_existing_turbines_are_suggested(dock, sites):
    assert dock.form.sitesCombo.currentLayer() == sites
    assert dock.form.existingCombo.currentLayer().name() == "real_wea_bestand"
    assert dock.form.turbineCombo.currentData() == "ref_neubau_6mw"


def test_wind_run_shows_turbines_table_and_chart(dock):
    dock.form.technologyTabs.setCurrentIndex(0)
    dock.run()
    assert dock.is_running()
    wait_for(dock)
    project = QgsProject.instance()
    turbines = project.mapLayersByName("Windenergieanlagen (Planung)")[0]
    sites = project.mapLayersByName("Flächen mit Windpark")[0]
    assert turbines.featureCount() > 0 and sites.renderer().classAttribute() == "gwh_a"
    table = dock.form.siteTable
    assert table.rowCount() == 2 and table.horizontalHeaderItem(1).text() == "Anlagen"
    counts = sorted(int(table.item(row, 1).data(0)) for row in range(2))
    assert sum(counts) == turbines.featureCount()
    energies = [table.item(row, 3).data(0) for row in range(2)]
    assert energies == sorted(energies, reverse=True)  # the most productive first
    assert [label for label, _, _ in dock.chart.bars] == [table.item(row, 0).text() for row in range(2)]
    assert "MW" in dock.form.headlineLabel.text() and "GWh/a" in dock.form.headlineLabel.text()


def test_pv_run_shows_capacity_and_avoided_emissions(dock):
    dock.form.technologyTabs.setCurrentIndex(1)
    dock.form.pvTypeCombo.setCurrentIndex(dock.form.pvTypeCombo.findData("freiflaeche"))
    dock.run()
    wait_for(dock)
    table = dock.form.siteTable
    assert table.rowCount() == 2 and table.horizontalHeaderItem(2).text() == "MWp"
    assert table.horizontalHeaderItem(2).toolTip().startswith("nutzbare Fläche × 1,00 MWp/ha")  # why ha = MWp
    assert "1.000 kWh/kWp" in table.horizontalHeaderItem(3).toolTip()
    assert all(table.item(row, 2).data(0) > 0 for row in range(2))
    assert "MWp" in dock.form.headlineLabel.text() and "CO₂" in dock.form.headlineLabel.text()
    assert QgsProject.instance().mapLayersByName("PV-Flächen mit Ertrag")


def test_a_failure_is_shown(dock):
    dock.form.technologyTabs.setCurrentIndex(0)
    dock.form.windSpeedSpin.setValue(dock.form.windSpeedSpin.minimum())
    dock.form.turbineCombo.addItem("kaputt", "windpowerlib:no such turbine")
    dock.form.turbineCombo.setCurrentIndex(dock.form.turbineCombo.count() - 1)
    dock.run()
    wait_for(dock)
    assert "fehlgeschlagen" in dock.form.headlineLabel.text()


def test_missing_sites_are_named(dock):
    dock.form.sitesCombo.setLayer(None)
    dock.run()
    assert not dock.is_running() and "Flächenebene" in dock.form.headlineLabel.text()


def test_windpowerlib_types_are_listed_once_the_planner_opens_the_dock(dock):
    pytest.importorskip("windpowerlib")
    from wip_qgis_plugin.core.wind_energy import windpowerlib_types

    combo = dock.form.turbineCombo
    before = combo.count()
    dock.parent().show()  # the main window: a dock is only visible in a visible window
    dock.show()
    dock.hide()  # as QGIS does with every dock while it starts: nothing is read then
    QCoreApplication.processEvents()
    assert combo.count() == before
    dock.show()
    QCoreApplication.processEvents()
    dock.hide()
    dock.show()  # shown again: not listed twice
    QCoreApplication.processEvents()
    dock.parent().hide()
    assert combo.count() - before == len(windpowerlib_types()) > 0
