"""The docks are tested in German, the language of the source strings, whatever the machine's locale; helpers for
docks that run on the demo municipality in the background."""

import gc
import time

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from wip_qgis_plugin.qgis_io.gui_thread import stop_collecting
from wip_qgis_plugin.qgis_io.project import load_demo

CANVAS_SETTLES_S = 0.3


@pytest.fixture(autouse=True)
def german_qgis(qgis_app):
    settings = QgsSettings()
    before = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    yield
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture(autouse=True)
def settled(qgis_app):
    """After each test its background tasks end and what it deleted is gone before the next test starts: the tests
    run no event loop, so a dock or task deleted later would otherwise be destroyed in the middle of another test's
    background run."""
    yield
    manager = QgsApplication.taskManager()
    deadline = time.monotonic() + 60
    while manager.countActiveTasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    stop_collecting()  # a task prepared but never run holds the collection until QGIS's next tick
    for _ in range(2):  # a deleted dock lets go of its tasks' contexts, which go in the second round
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


@pytest.fixture(autouse=True)
def documents_folder(tmp_path, monkeypatch):
    """The home folder of a test: a project never saved keeps its results under its documents folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "home" / "Documents"


@pytest.fixture
def demo_project(qgis_processing):
    """The demo municipality in the project and the WIP provider registered; both removed afterwards."""
    from wip_qgis_plugin.processing_algorithms.provider import WipProvider

    provider = WipProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    project = QgsProject.instance()
    project.clear()
    load_demo(project)
    # the map canvas draws the new layers before a test starts background work, as QGIS's event loop has it do at
    # once: the tests run no event loop, so its refresh came in the first moments of a task, and QGIS 3.22 crashed
    # now and then in it (QgsProject::createExpressionContextScope) while the task opened the GeoPackage (with
    # QGIS's own reader as with the plugin's)
    deadline = time.monotonic() + CANVAS_SETTLES_S
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    yield project
    project.clear()
    QgsApplication.processingRegistry().removeProvider(provider)


def wait_for(panel, seconds=120):
    """Process events until the dock's background work is done."""
    deadline = time.monotonic() + seconds
    while panel.is_running() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert not panel.is_running(), "the background task did not finish"


def shown_number(text: str) -> float:
    """A number as a German dock shows it: "1.234,5" → 1234.5."""
    return float(text.replace(".", "").replace(",", "."))
