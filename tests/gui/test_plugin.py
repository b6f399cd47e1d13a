"""The plugin as QGIS loads it: classFactory, initGui, the dock, and a clean unload."""

import gc
import threading
import time
import weakref

import pytest
from qgis.core import QgsApplication, QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import QEvent, QObject
from qgis.PyQt.QtWidgets import QDockWidget, QTableWidget, QToolBar

import wip_qgis_plugin
from tests.conftest import PLUGIN_DIR
from wip_qgis_plugin import settings
from wip_qgis_plugin.plugin import DOCKS, dock_class
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG


def _loaded_plugin(qgis_iface, open_docks=()):
    settings.set_open_docks(list(open_docks))  # as QGIS was closed last time
    plugin = wip_qgis_plugin.classFactory(qgis_iface)
    plugin.initGui()
    return plugin


def _every_dock(plugin) -> dict:
    return {key: plugin.dock(key) for key, *_rest in DOCKS}


def _docks(qgis_iface):
    names = {dock_class(key).OBJECT_NAME for key, *_rest in DOCKS}
    return [dock for dock in qgis_iface.mainWindow().findChildren(QDockWidget)
            if dock.objectName() in names and dock.parent() is not None]


def test_load_registers_provider_toolbar_and_dock(qgis_iface):
    plugin = _loaded_plugin(qgis_iface)
    try:
        provider = QgsApplication.processingRegistry().providerById("wip")
        assert provider is not None
        assert provider.name() == "WIP Energie- und Raumplanung"
        assert "wip:eligibility" in [alg.id() for alg in provider.algorithms()]
        assert plugin.actions["assistant"] in plugin.toolbar.actions()
        assert plugin.docks == {}  # no dock is built before the planner opens it
        plugin.actions["assistant"].trigger()
        assert list(plugin.docks) == ["assistant"]
        assert not plugin.docks["assistant"].isHidden()  # the main window itself is never shown headless
        tree = plugin.docks["assistant"].form.stepsTree
        titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert titles == ["Daten", "1. Flächenkulisse", "2. Standortbewertung", "3. Ertrag", "4. Planungsvarianten",
                          "5. Wärmeplanung", "6. Energiebilanz und Zukunftsprofil"]
    finally:
        plugin.unload()


def test_docks_open_at_the_last_close_open_again(qgis_iface):
    plugin = _loaded_plugin(qgis_iface)
    try:
        plugin.actions["heat"].trigger()
        plugin.dock("assistant")  # made, but not opened
    finally:
        plugin.unload()
    assert settings.open_docks() == ["heat"]
    plugin = _loaded_plugin(qgis_iface, open_docks=["heat"])
    try:
        assert list(plugin.docks) == ["heat"] and not plugin.docks["heat"].isHidden()
    finally:
        plugin.unload()


def test_unload_leaves_nothing_behind_and_reload_works(qgis_iface):
    toolbars_before = len(qgis_iface.mainWindow().findChildren(QToolBar))
    for _ in range(2):  # the second round is a reload
        plugin = _loaded_plugin(qgis_iface)
        _every_dock(plugin)
        plugin.unload()
        QgsApplication.processEvents()
        QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # run the deleteLater() calls
        assert QgsApplication.processingRegistry().providerById("wip") is None
        assert plugin.docks == {} and plugin.actions == {} and plugin.toolbar is None
    assert len(qgis_iface.mainWindow().findChildren(QToolBar)) == toolbars_before
    assert _docks(qgis_iface) == []


def test_dock_shows_inputs_found_in_project(qgis_iface):
    plugin = _loaded_plugin(qgis_iface)
    project = QgsProject.instance()
    try:
        tree = plugin.dock("assistant").form.stepsTree
        assert tree.topLevelItem(0).text(1) == "eigene Daten hinzufügen"
        assert "fehlen" in tree.topLevelItem(1).text(1)
        assert not project.crs().isValid()
        plugin.docks["assistant"].load_demo()  # the dock's own button action
        assert project.crs().authid() == "EPSG:25832"  # the demo's CRS, not none (a scale of 1:300 million)
        eligibility = tree.topLevelItem(1)
        assert eligibility.text(1) == "bereit"
        inputs = {eligibility.child(i).text(0): eligibility.child(i).text(1) for i in range(eligibility.childCount())}
        assert "real_gemeinde" in inputs["Untersuchungsgebiet (Gemeindegrenze)"]
        assert "synth_schutzgebiete" in inputs["Schutzgebiete"]
        assert "in Vorbereitung" not in [tree.topLevelItem(row).text(1) for row in range(tree.topLevelItemCount())]
        tree.setCurrentItem(tree.topLevelItem(6))  # Energiebilanz opens its dock with the statistics row
        plugin.docks["assistant"].open_current_tool()
        assert not plugin.docks["balance"].isHidden()
        assert plugin.docks["balance"].form.statisticsCombo.currentLayer().name() == "real_statistik"
        assert tree.topLevelItem(4).text(1) == "1 Eingabe(n) fehlen"  # Planungsvarianten: no Flächenkulisse yet
        tree.setCurrentItem(tree.topLevelItem(4))  # opens its dock with the municipality and the parcels
        plugin.docks["assistant"].open_current_tool()
        assert not plugin.docks["zoning"].isHidden()
        assert plugin.docks["zoning"].form.studyAreaCombo.currentLayer().name() == "real_gemeinde"
        assert plugin.docks["zoning"].form.unitsCombo.currentLayer().name() == "synth_flurstuecke"
        tree.setCurrentItem(tree.topLevelItem(3))  # Ertrag opens its dock, the demo turbines suggested as Bestand
        plugin.docks["assistant"].open_current_tool()
        assert not plugin.docks["yield"].isHidden()
        assert plugin.docks["yield"].form.existingCombo.currentLayer().name() == "real_wea_bestand"
        tree.setCurrentItem(eligibility)
        assert plugin.docks["assistant"].form.openToolButton.isEnabled()
        tree.setCurrentItem(tree.topLevelItem(2))  # Standortbewertung opens its dock
        plugin.docks["assistant"].open_current_tool()
        assert not plugin.docks["site_evaluation"].isHidden()
        assert "Flächenkulisse" in plugin.docks["assistant"].form.stepDetails.toPlainText()
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


def test_every_dock_fits_a_laptop_screen(qgis_iface):
    """On 1,366 × 768 with a dock beside the map, no dock may ask for more than about a third of the width or for
    more than the height left under QGIS's menus and toolbars; the rest scrolls."""
    plugin = _loaded_plugin(qgis_iface)
    try:
        for key, dock in _every_dock(plugin).items():
            hint = dock.minimumSizeHint()
            assert hint.width() <= 450 and hint.height() <= 500, f"{key}: {hint.width()} × {hint.height()}"
    finally:
        plugin.unload()


def test_table_headers_are_readable_before_the_first_run(qgis_iface):
    plugin = _loaded_plugin(qgis_iface)
    try:
        short = []
        for key, dock in _every_dock(plugin).items():
            for table in dock.findChildren(QTableWidget):
                header = table.horizontalHeader()
                for column in range(table.columnCount()):
                    item = table.horizontalHeaderItem(column)
                    if item is not None and header.sectionSize(column) < header.fontMetrics().horizontalAdvance(
                            item.text()):
                        short.append(f"{key}: {table.objectName()} „{item.text()}“")
        assert short == []
    finally:
        plugin.unload()


def test_menu_entries_show_as_written(qgis_iface):
    """An "&" in a menu text is a shortcut marker: "Energiebilanz & Zukunftsprofil" would read
    "Energiebilanz _Zukunftsprofil"."""
    plugin = _loaded_plugin(qgis_iface)
    try:
        assert not [action.text() for action in plugin.actions.values() if "&" in action.text().replace("&&", "")]
    finally:
        plugin.unload()


def test_docks_and_menu_open_the_manual_at_their_step(qgis_iface, tmp_path, monkeypatch):
    """With the manual in the plugin folder, each dock's help button opens its step's section and the menu entry
    the start page."""
    from qgis.PyQt.QtWidgets import QToolButton

    from wip_qgis_plugin import manual

    for page in ("index", "workflow"):
        (tmp_path / "de").mkdir(exist_ok=True)
        (tmp_path / "de" / f"{page}.html").write_text("<html></html>", encoding="utf-8")
    monkeypatch.setattr(manual, "MANUAL_DIR", tmp_path)
    opened = []
    monkeypatch.setattr(manual.QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    plugin = _loaded_plugin(qgis_iface)
    try:
        for key, dock in _every_dock(plugin).items():
            dock.findChild(QToolButton, "manualButton").click()
            expected = "index.html" if key == "assistant" else f"workflow.html#{key}"
            assert opened.pop().endswith(f"/de/{expected}"), key
        plugin.actions["manual"].trigger()
        assert opened.pop().endswith("/de/index.html")
    finally:
        plugin.unload()


def test_the_dependency_dialog_runs_the_pip_steps_and_checks_again(qgis_app, monkeypatch):
    """"Installieren" runs the runnable steps (never sudo), shows their output and checks again afterwards."""
    import sys

    from wip_qgis_plugin import dependencies
    from wip_qgis_plugin.gui import dependency_dialog
    from wip_qgis_plugin.gui.dependency_dialog import DependencyDialog

    missing = [[(dependencies.REQUIREMENTS[4], "nicht installiert")]]
    monkeypatch.setattr(dependency_dialog, "missing_requirements", lambda: missing[0])
    monkeypatch.setattr(dependency_dialog, "install_steps", lambda _missing: [
        dependencies.InstallStep(("sudo", "apt", "install", "python3-scipy"), runnable=False),
        dependencies.InstallStep((sys.executable, "-c", "print('scipy installiert')"), runnable=True)])
    dialog = DependencyDialog()
    assert "<b>scipy</b>: nicht installiert" in dialog.summary.text()
    assert dialog.commands.toPlainText().startswith("sudo apt install python3-scipy\n")
    missing[0] = []  # what the next check finds
    dialog.install()
    deadline = time.monotonic() + 30
    while not dialog.progress.isHidden() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert "scipy installiert" in dialog.output.toPlainText() and "sudo" not in dialog.output.toPlainText()
    assert dialog.summary.text().startswith("Alle Python-Pakete sind vorhanden")


def test_a_closed_dependency_dialog_goes_with_its_last_reference(qgis_app):
    """No reference cycle keeps the dialog and its QProcess for Python's garbage collector, which may run in any
    thread (a task's), where destroying Qt objects of the GUI crashes QGIS."""
    from wip_qgis_plugin.gui.dependency_dialog import DependencyDialog

    dialog = DependencyDialog()
    gone = weakref.ref(dialog)
    gc.disable()
    try:
        del dialog
        assert gone() is None
    finally:
        gc.enable()


class Cycle:
    """Garbage only Python's collector finds: an object in a reference cycle, with a Qt object."""

    def __init__(self):
        self.itself, self.qt_object = self, QObject()


def wait_for_task(task, seconds=30):
    deadline = time.monotonic() + seconds
    while not task_has_ended(task) and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    QgsApplication.processEvents()  # what the end of the task sent to the GUI thread


@pytest.mark.parametrize("task_of", ["a dock's function", "an algorithm (toolbox, docks)"])
def test_garbage_holding_qt_objects_is_destroyed_in_the_gui_thread_before_a_task_starts(qgis_iface, demo_project,
                                                                                       task_of):
    """What Python code leaves in reference cycles (here a QObject in one) is collected when work goes to a task, in
    the GUI thread, not later by a collection the task's Python code sets off in its own thread."""
    from qgis.core import QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback

    from wip_qgis_plugin.gui.algorithm_dock import start_in_background

    destroyed_in = []
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(demo_project)
    gc.disable()
    try:
        cycle = Cycle()
        weakref.finalize(cycle, lambda: destroyed_in.append(threading.current_thread().name))
        del cycle
        if task_of == "a dock's function":
            task = QgsTask.fromFunction("test", lambda _task: None)
            start_in_background(task)
        else:  # the task's constructor prepares the algorithm
            algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:eligibility")
            task = QgsProcessingAlgRunnerTask(algorithm, {"STUDY_AREA": "real_gemeinde", "OUTPUT": "TEMPORARY_OUTPUT"},
                                              context, feedback)
        assert destroyed_in == [threading.current_thread().name]
    finally:
        gc.enable()
    if task_of == "a dock's function":
        wait_for_task(task)


def test_garbage_arising_while_a_task_runs_is_destroyed_in_the_gui_thread(qgis_app):
    """A QObject in a reference cycle that becomes garbage in the GUI thread while a task runs: the collection the
    task's allocations set off would destroy it in the task's thread; only the GUI thread collects until the task
    ends, and then Python collects on its own again."""
    from wip_qgis_plugin.gui.algorithm_dock import start_in_background

    cycle_made, allocated = threading.Event(), threading.Event()

    def allocate(_task):
        cycle_made.wait(10)
        objects = [[] for _ in range(100_000)]  # enough for many collections
        allocated.set()
        return len(objects)

    task = QgsTask.fromFunction("allocations", allocate)
    start_in_background(task)
    assert not gc.isenabled()
    destroyed_in = []
    cycle = Cycle()
    weakref.finalize(cycle, lambda: destroyed_in.append(threading.current_thread().name))
    del cycle
    cycle_made.set()
    assert allocated.wait(10)
    wait_for_task(task)
    assert destroyed_in == [threading.current_thread().name] and gc.isenabled()


def test_an_algorithms_task_keeps_the_collection_in_the_gui_thread_until_its_run_ends(qgis_app, demo_project):
    """Toolbox and docks: the algorithm's preparation holds the collection in the GUI thread, its run in the task's
    thread lets it go when it ends."""
    from qgis.core import QgsProcessingAlgRunnerTask, QgsProcessingContext, QgsProcessingFeedback

    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(demo_project)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:heatdemand")
    task = QgsProcessingAlgRunnerTask(algorithm, {"BUILDINGS": "synth_gebaeude", "OUTPUT": "TEMPORARY_OUTPUT"},
                                      context, feedback)
    assert not gc.isenabled()
    QgsApplication.taskManager().addTask(task)
    wait_for_task(task)
    assert gc.isenabled()


def task_has_ended(task) -> bool:
    try:
        return task.status() in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated)
    except RuntimeError:  # the task manager has deleted it
        return True


@pytest.mark.parametrize("form", sorted((PLUGIN_DIR / "resources" / "ui").glob("*.ui")), ids=lambda path: path.stem)
def test_no_two_widgets_of_a_form_share_a_cell(form):
    """A row inserted into a form layout without moving the rows below puts two widgets on top of each other."""
    import xml.etree.ElementTree as ElementTree

    for layout in ElementTree.parse(form).iter("layout"):
        cells = [(item.get("row"), item.get("column")) for item in layout.findall("item") if item.get("row")]
        assert len(cells) == len(set(cells)), (layout.get("name"), sorted(c for c in cells if cells.count(c) > 1))
