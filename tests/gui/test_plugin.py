"""The plugin as QGIS loads it: classFactory, initGui, the dock, and a clean unload."""

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

import wip_qgis_plugin
from wip_qgis_plugin.gui.eligibility_panel import EligibilityDock
from wip_qgis_plugin.gui.heat_panel import HeatPlanningDock
from wip_qgis_plugin.gui.planning_assistant import PlanningAssistantDock
from wip_qgis_plugin.gui.site_evaluation_panel import SiteEvaluationDock
from wip_qgis_plugin.gui.yield_panel import YieldDock
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG


def _loaded_plugin(qgis_iface):
    plugin = wip_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    return plugin


def _docks(qgis_iface):
    names = (PlanningAssistantDock.OBJECT_NAME, EligibilityDock.OBJECT_NAME, SiteEvaluationDock.OBJECT_NAME,
             YieldDock.OBJECT_NAME, HeatPlanningDock.OBJECT_NAME)
    return [dock for dock in qgis_iface.mainWindow().findChildren(QDockWidget)
            if dock.objectName() in names and dock.parent() is not None]


def test_load_registers_provider_toolbar_and_dock(qgis_iface):
    plugin = _loaded_plugin(qgis_iface)
    try:
        provider = QgsApplication.processingRegistry().providerById("wip")
        assert provider is not None
        assert provider.name() == "WIP Energie- und Raumplanung"
        assert "wip:eligibility" in [alg.id() for alg in provider.algorithms()]
        assert plugin.assistant_action in plugin.toolbar.actions()
        assert plugin.assistant_dock.isHidden()
        plugin.assistant_action.trigger()
        assert not plugin.assistant_dock.isHidden()  # the main window itself is never shown headless
        tree = plugin.assistant_dock.form.stepsTree
        titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert titles == ["1. Flächenkulisse", "2. Standortbewertung", "3. Ertrag", "4. Planungsvarianten",
                          "5. Wärmeplanung", "6. Energiebilanz und Zukunftsprofil"]
    finally:
        plugin.unload()


def test_unload_leaves_nothing_behind_and_reload_works(qgis_iface):
    toolbars_before = len(qgis_iface.mainWindow().findChildren(QToolBar))
    for _ in range(2):  # the second round is a reload
        plugin = _loaded_plugin(qgis_iface)
        plugin.unload()
        QgsApplication.processEvents()
        QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run the deleteLater() calls
        assert QgsApplication.processingRegistry().providerById("wip") is None
        assert plugin.assistant_dock is None and plugin.toolbar is None
        assert plugin.eligibility_dock is None and plugin.eligibility_action is None
        assert plugin.site_dock is None and plugin.site_action is None
        assert plugin.heat_dock is None and plugin.heat_action is None
        assert plugin.yield_dock is None and plugin.yield_action is None
    assert len(qgis_iface.mainWindow().findChildren(QToolBar)) == toolbars_before
    assert _docks(qgis_iface) == []


def test_dock_shows_inputs_found_in_project(qgis_iface):
    plugin = _loaded_plugin(qgis_iface)
    project = QgsProject.instance()
    try:
        tree = plugin.assistant_dock.form.stepsTree
        assert "fehlen" in tree.topLevelItem(0).text(1)
        plugin.assistant_dock.load_demo()  # the dock's own button action
        eligibility = tree.topLevelItem(0)
        assert eligibility.text(1) == "bereit"
        inputs = {eligibility.child(i).text(0): eligibility.child(i).text(1) for i in range(eligibility.childCount())}
        assert "real_gemeinde" in inputs["Untersuchungsgebiet (Gemeindegrenze)"]
        assert "synth_schutzgebiete" in inputs["Schutzgebiete"]
        assert tree.topLevelItem(3).text(1) == "in Vorbereitung"  # Planungsvarianten
        tree.setCurrentItem(tree.topLevelItem(3))
        assert not plugin.assistant_dock.form.openToolButton.isEnabled()
        tree.setCurrentItem(tree.topLevelItem(2))  # Ertrag opens its dock, the demo turbines suggested as Bestand
        plugin.assistant_dock.open_current_tool()
        assert not plugin.yield_dock.isHidden()
        assert plugin.yield_dock.form.existingCombo.currentLayer().name() == "real_wea_bestand"
        tree.setCurrentItem(eligibility)
        assert plugin.assistant_dock.form.openToolButton.isEnabled()
        tree.setCurrentItem(tree.topLevelItem(1))  # Standortbewertung opens its dock
        plugin.assistant_dock.open_current_tool()
        assert not plugin.site_dock.isHidden()
        assert "Flächenkulisse" in plugin.assistant_dock.form.stepDetails.toPlainText()
    finally:
        project.clear()
        plugin.unload()


def test_demo_layers_are_styled_and_marked_synthetic():
    project = QgsProject()
    from wip_qgis_plugin.qgis_io.project import load_demo

    layers = {layer.name(): layer for layer in load_demo(project)}
    assert {"real_gemeinde", "real_wea_bestand", "synth_gebaeude", "synth_flurstuecke"} <= set(layers)
    assert all(name.startswith(("real_", "synth_")) for name in layers)
    buildings = layers["synth_gebaeude"]
    assert isinstance(buildings, QgsVectorLayer) and buildings.featureCount() > 2000
    assert buildings.crs().authid() == "EPSG:25832"
    assert DEMO_GPKG.exists()
