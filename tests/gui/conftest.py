"""The docks are tested in German, the language of the source strings, whatever the machine's locale; helpers for
docks that run on the demo municipality in the background."""

import time

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings

from wip_qgis_plugin.qgis_io.project import load_demo


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
