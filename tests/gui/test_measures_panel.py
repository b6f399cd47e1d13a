"""The Maßnahmen dock on the demo municipality: the catalogue derived in the background from the balance's paths and
kept in the result GeoPackage, edited in its table (a change, an added and a removed measure), every saved change in
the history, a discard that keeps nothing, the catalogue shared and read back as another municipality's, and a
project closed under the dock."""

import json

import pytest
from qgis.core import QgsProject
from qgis.gui import QgsDualView

from tests.gui.conftest import wait_for
from wip_qgis_plugin.gui.balance_panel import BalanceDock
from wip_qgis_plugin.gui.measures_panel import MeasuresDock
from wip_qgis_plugin.qgis_io.history import history_layer


@pytest.fixture
def balance_paths(qgis_iface, demo_project):
    """The demo's balance computed in its dock: its paths are what the measures dock derives from."""
    balance = BalanceDock(qgis_iface, qgis_iface.mainWindow())
    balance.run()
    wait_for(balance)
    yield balance.results["PATHS"]
    balance.disconnect_project()
    balance.deleteLater()


@pytest.fixture
def dock(qgis_iface, balance_paths):
    panel = MeasuresDock(qgis_iface, qgis_iface.mainWindow())
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def history(layer):
    return [(feature["measure_id"], feature["action"], feature["field"], feature["old_value"], feature["new_value"])
            for feature in history_layer(layer).getFeatures()]


def test_the_catalogue_is_derived_kept_edited_shared_and_every_change_recorded(dock, balance_paths, tmp_path):
    assert dock.form.pathsCombo.currentLayer() == balance_paths
    assert not dock.form.addButton.isEnabled()  # nothing to edit yet
    dock.run()
    wait_for(dock)
    catalogue = dock.form.catalogueCombo.currentLayer()
    assert catalogue is not None and ".gpkg" in catalogue.source() and catalogue.isEditable()
    assert dock.findChild(QgsDualView, "measureTable") is not None
    derived = catalogue.featureCount()
    assert derived >= 3 and "abgeleitet" in dock.form.headlineLabel.text()
    first = next(catalogue.getFeatures())
    catalogue.changeAttributeValue(first.id(), catalogue.fields().indexOf("end_year"), 2040)  # as in the table
    dock.form.fieldCombo.setCurrentIndex(dock.form.fieldCombo.findData("speicher"))
    dock.add_measure()
    last = sorted(catalogue.getFeatures(), key=lambda feature: feature.id())[1]
    catalogue.selectByIds([last.id()])
    dock.remove_selected()
    dock.save()
    assert dock.form.headlineLabel.text() == "Maßnahmenkatalog gespeichert."
    assert catalogue.featureCount() == derived
    recorded = history(catalogue)
    assert (first["measure_id"], "geaendert", "end_year", str(first["end_year"]), "2040") in recorded
    assert any(action == "hinzugefuegt" and new == "Speicher" for _, action, _, _, new in recorded)
    assert (last["measure_id"], "entfernt", "", last["title"], "") in recorded
    assert "3 Änderung(en) protokolliert" in dock.form.historyLabel.text()

    catalogue.changeAttributeValue(first.id(), catalogue.fields().indexOf("status"), "beschlossen")
    dock.discard()
    assert next(catalogue.getFeatures())["status"] == "vorgeschlagen" and len(history(catalogue)) == 3

    shared = tmp_path / "hohenmoelsen.json"
    dock.export_catalogue(str(shared))
    wait_for(dock)
    document = json.loads(shared.read_text(encoding="utf-8"))
    assert document["origin"]["municipality"] == "Hohenmölsen" and document["origin"]["ags"] == "15084235"
    assert len(document["measures"]) == derived
    dock.import_catalogues([str(shared)])
    wait_for(dock)
    peers = QgsProject.instance().mapLayersByName("Maßnahmen anderer Gemeinden")
    assert peers and peers[0].featureCount() == derived and ".gpkg" in peers[0].source()

    QgsProject.instance().clear()  # a project switch under the dock: no error, nothing left to edit
    assert dock.catalogue is None and not dock.form.addButton.isEnabled()


def test_without_the_balance_paths_the_dock_says_what_to_do(qgis_iface, demo_project):
    panel = MeasuresDock(qgis_iface, qgis_iface.mainWindow())
    try:
        panel.run()
        assert not panel.is_running() and "Pfade der Energiebilanz" in panel.form.headlineLabel.text()
    finally:
        panel.disconnect_project()
        panel.deleteLater()
