"""The Daten dock: a planner's folder of ALKIS, the Land's protected areas and OSM loaded as layers, what the data
profiles recognise shown per model and per criterion, what is missing marked; a mapping corrected by hand in the
Flächenkulisse is kept with the project and shown here."""

import pytest
from qgis.core import QgsProject

from tests.real_schemas import write_alkis, write_alkis_nas, write_census_csv, write_lau, write_osm_xml
from wip_qgis_plugin.gui.data_panel import MISSING_COLOUR, DataDock
from wip_qgis_plugin.gui.eligibility_panel import EligibilityDock
from wip_qgis_plugin.qgis_io.data import DATA_GROUP, criterion_sources, save_choice, saved_choice


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "lieferung"
    (data / "schutzgebiete").mkdir(parents=True)
    (data / "nas").mkdir()
    write_alkis(data / "alkis.gpkg")
    write_lau(data / "schutzgebiete")
    write_osm_xml(data / "gemeinde.osm")
    write_alkis_nas(data / "nas" / "bestand.xml")
    write_census_csv(data / "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv", [(4465050.0, 3145050.0, "12")])
    (data / "liesmich.txt").write_text("keine Geodaten", encoding="utf-8")
    return data


@pytest.fixture
def project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture
def dock(qgis_iface, project):
    shown = []
    panel = DataDock(qgis_iface, qgis_iface.mainWindow(), show_eligibility=shown.append)
    panel.shown = shown
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def rows(table) -> dict[str, tuple[str, str]]:
    return {table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
            for row in range(table.rowCount())}


def test_a_folder_is_loaded_and_recognised_per_data_model(dock, project, folder):
    dock.load([str(folder)])
    group = project.layerTreeRoot().findGroup(DATA_GROUP)
    assert sorted(child.name() for child in group.children()) == [
        "Landschaftsschutzgebiete.shp", "NSG_LSA.shp", "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv", "alkis.gpkg",
        "bestand.xml", "gemeinde.osm"]  # not the text file
    tree = dock.form.layersTree
    models = {tree.topLevelItem(i).text(0): sorted(tree.topLevelItem(i).child(j).text(0)
                                                   for j in range(tree.topLevelItem(i).childCount()))
              for i in range(tree.topLevelItemCount())}
    assert models["ALKIS (Liegenschaftskataster)"] == [
        "AX_Gebaeude", "AX_NaturUmweltOderBodenschutzrecht", "AX_Wald",  # the NAS file's layers
        "ax_gebaeude", "ax_naturumweltoderbodenschutzrecht", "ax_wald"]
    assert models["Schutzgebiete (LAU Sachsen-Anhalt, BfN)"] == ["Landschaftsschutzgebiete", "NSG_LSA"]
    assert models["OpenStreetMap"] == ["gemeinde – lines", "gemeinde – multipolygons"]  # the empty ones left out
    assert models["Zensus 2022 (Gitterzellen)"] == ["Zensus2022_Bevoelkerungszahl_100m-Gitter"]

    table = dock.form.criteriaTable
    found = rows(table)
    assert found["Wald"] == ("AX_Wald, ax_wald, gemeinde – multipolygons",
                             "alle Objekte; alle Objekte; landuse ∈ {forest} oder natural ∈ {wood}")
    reserves = found["Naturschutzgebiet, Nationalpark"]
    assert "NSG_LSA" in reserves[0] and "ax_naturumweltoderbodenschutzrecht" in reserves[0]
    assert "artderfestlegung ∈ {1621}" in reserves[1]
    assert "lines" in found["Freileitung ≥ 110 kV: drei Rotordurchmesser"][0]
    missing_row = next(row for row in range(table.rowCount()) if table.item(row, 1).text() == "– fehlt –")
    assert table.item(missing_row, 0).foreground().color().name() == MISSING_COLOUR
    assert "es fehlen:" in dock.form.coverageLabel.text()
    assert "ax_gebaeude" in dock.form.buildingsLabel.text() and "multipolygons" in dock.form.buildingsLabel.text()


def test_a_mapping_corrected_by_hand_is_kept_with_the_project(qgis_iface, dock, project, folder, tmp_path):
    dock.load([str(folder)])
    eligibility = EligibilityDock(qgis_iface, qgis_iface.mainWindow())
    try:
        dock.form.editMappingButton.click()
        assert dock.shown == ["lsa_wind"]
        table = eligibility.form.criteriaTable
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(256) == "wald")
        combo = table.cellWidget(row, 3)
        combo.setCurrentIndex(combo.findData([]))  # "– keine –": the planner rules forest out
        combo.activated.emit(combo.currentIndex())
        assert saved_choice(project, "lsa_wind", "wald") == []
    finally:
        eligibility.disconnect_project()
        eligibility.deleteLater()
    reserves = next(layer for layer in project.mapLayers().values() if layer.name() == "NSG_LSA")
    save_choice(project, "lsa_wind", "naturschutzgebiet", [reserves.id()])
    path = tmp_path / "plan.qgz"
    assert project.write(str(path))
    project.clear()
    assert project.read(str(path))
    dock.refresh()
    found = rows(dock.form.criteriaTable)
    assert found["Wald"][0] == "– fehlt –"
    assert found["Naturschutzgebiet, Nationalpark"] == ("NSG_LSA", "alle Objekte")
    from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs

    mapping = criterion_sources(project, load_catalog(shipped_catalogs()["lsa_wind"]))
    assert [layer.name() for layer, _ in mapping["naturschutzgebiet"]] == ["NSG_LSA"]


def test_a_criterions_selection_becomes_a_layer_of_its_own(dock, project, folder):
    """The nature reserves among the OSM extract's areas and the ALKIS designations, as layers with a filter (for
    the site evaluation, which measures whole layers): one reserve each."""
    dock.load([str(folder)])
    table = dock.form.criteriaTable
    table.setCurrentCell(next(row for row in range(table.rowCount())
                              if table.item(row, 0).text() == "Naturschutzgebiet, Nationalpark"), 0)
    dock.form.selectionLayerButton.click()
    made = {layer.name(): layer for layer in project.mapLayers().values()
            if layer.name().endswith("– Naturschutzgebiet, Nationalpark")}
    assert set(made) == {"gemeinde – multipolygons – Naturschutzgebiet, Nationalpark",
                         "ax_naturumweltoderbodenschutzrecht – Naturschutzgebiet, Nationalpark",
                         "AX_NaturUmweltOderBodenschutzrecht – Naturschutzgebiet, Nationalpark"}
    # counted by reading: an OSM layer does not know its count beforehand
    assert {name: len(list(layer.getFeatures())) for name, layer in made.items()} == dict.fromkeys(made, 1)
    dock.form.selectionLayerButton.click()  # again: the layers made before, no new ones
    assert len([layer for layer in project.mapLayers().values() if layer.name() in made]) == 3
