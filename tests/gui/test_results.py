"""Dock results are kept: tables of the project's result GeoPackage in the group "WIP", reloaded with the project,
and nothing half-written when the GeoPackage cannot take them."""

import json
from pathlib import Path

import processing
import pytest
from osgeo import gdal
from qgis.core import QgsDataSourceUri, QgsProject, QgsProviderRegistry, QgsVectorLayer

from tests.gui.conftest import wait_for
from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.gui.eligibility_panel import EligibilityDock
from wip_qgis_plugin.qgis_io import results
from wip_qgis_plugin.qgis_io.layers import table_rows
from wip_qgis_plugin.qgis_io.project import apply_style
from wip_qgis_plugin.qgis_io.register import REGISTER_TABLE
from wip_qgis_plugin.qgis_io.results import (
    GROUP_NAME,
    DatabaseStore,
    Result,
    keep_results,
    next_run,
    result_geopackage,
    result_store,
    set_result_database,
    set_result_geopackage,
    table_name,
)


def sites(name="Flächen"):
    layer = memory_layer(name, "Polygon", [{"wkt": square(0, 0, 100), "score": 80.0},
                                           {"wkt": square(200, 0, 100), "score": 30.0}],
                         fields="&field=score:double")
    apply_style(layer, "site_score")
    return layer


def source_path(layer) -> Path:
    return Path(layer.source().split("|")[0])


def test_results_become_tables_of_the_project_geopackage_in_a_visible_group(qgis_iface, documents_folder):
    project = QgsProject.instance()
    project.clear()
    table = memory_layer("Tabelle", "None", [])
    first = keep_results(qgis_iface, "standorte", "Standorte", [Result(sites(), "bewertung"),
                                                                 Result(table, "zahlen", visible=False)])
    second, = keep_results(qgis_iface, "standorte", "Standorte", [Result(sites("Neu"), "bewertung")])
    path = documents_folder / "WIP" / "projekt_wip_ergebnisse.gpkg"  # a project never saved
    assert result_geopackage(project) == path
    assert project.readEntry("wip", "result_geopackage", "")[0] == ""  # saved later, it gets a file of its own
    assert [layer.providerType() for layer in first + [second]] == ["ogr"] * 3
    assert {source_path(layer) for layer in first + [second]} == {path}
    assert first[0].source().endswith("layername=standorte_1_bewertung")
    assert second.source().endswith("layername=standorte_2_bewertung")
    assert next_run(path, "standorte") == 3
    assert first[0].featureCount() == 2 and first[0].name() == "Flächen"
    assert first[0].renderer().type() == "graduatedSymbol"  # the dock's style goes with the table
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    assert group.isVisible() and project.layerTreeRoot().children()[0] is group
    runs = [child.name() for child in group.children()]
    assert runs == ["Standorte – Lauf 2", "Standorte – Lauf 1"]  # the newest on top
    assert not group.findLayer(first[1].id()).isVisible() and group.findLayer(first[0].id()).isVisible()
    project.clear()


def test_kept_results_come_back_with_the_saved_project(qgis_iface, tmp_path):
    project = QgsProject.instance()
    project.clear()
    project_file = tmp_path / "plan" / "gemeinde.qgz"
    project_file.parent.mkdir()
    project.write(str(project_file))
    kept, = keep_results(qgis_iface, "standorte", "Standorte", [Result(sites(), "bewertung")])
    assert source_path(kept) == project_file.with_name("gemeinde_wip_ergebnisse.gpkg")  # next to the project
    project.write()
    project.clear()
    assert project.read(str(project_file))
    reloaded = project.mapLayersByName("Flächen")
    assert len(reloaded) == 1 and reloaded[0].isValid() and reloaded[0].featureCount() == 2
    assert reloaded[0].renderer().type() == "graduatedSymbol"
    assert project.layerTreeRoot().findGroup(GROUP_NAME).findLayer(reloaded[0].id()) is not None
    project.clear()


@pytest.mark.parametrize("geopackage", ["datei/ergebnisse.gpkg", "datei"],
                         ids=["its folder is a file", "a file that is no GeoPackage"])
def test_a_geopackage_that_cannot_be_written_leaves_no_table_and_the_results_stay_temporary(qgis_iface, tmp_path,
                                                                                             geopackage):
    """Neither written into nor guessed at: a file that cannot be listed could hold kept runs."""
    project = QgsProject.instance()
    project.clear()
    blocked = tmp_path / "datei"
    blocked.write_text("keine GeoPackage-Datei")
    set_result_geopackage(project, tmp_path / geopackage)
    layers = keep_results(qgis_iface, "standorte", "Standorte", [Result(sites(), "bewertung")])
    assert [layer.providerType() for layer in layers] == ["memory"]
    assert project.mapLayer(layers[0].id()) is layers[0]
    assert blocked.read_text() == "keine GeoPackage-Datei"
    project.clear()


def test_a_failing_table_removes_the_tables_of_its_run_already_written(qgis_iface, tmp_path, monkeypatch):
    project = QgsProject.instance()
    project.clear()
    path = tmp_path / "ergebnisse.gpkg"
    set_result_geopackage(project, path)
    keep_results(qgis_iface, "alt", "Alt", [Result(sites(), "bewertung")])
    write = results.write_table

    def write_until_full(layer, path, table, project):
        write(layer, path, table, project)
        if table.endswith("kaputt"):  # the table is there, half written
            raise OSError("Datenträger voll")

    monkeypatch.setattr(results, "write_table", write_until_full)
    layers = keep_results(qgis_iface, "neu", "Neu", [Result(sites(), "bewertung"), Result(sites(), "kaputt")])
    assert next_run(path, "neu") == 1 and next_run(path, "alt") == 2  # both tables of the run are gone again
    assert [layer.providerType() for layer in layers] == ["memory", "memory"]
    project.clear()


def test_table_names_are_plain_ascii():
    assert table_name("Windenergie an Land") == "windenergie_an_land"
    assert table_name("Freiflächen-Photovoltaik") == "freiflaechen_photovoltaik"
    assert table_name("Größe ß") == "groesse_ss"
    assert table_name("–") == "ergebnis"


def test_the_eligibility_dock_keeps_its_results(qgis_iface, demo_project, documents_folder):
    dock = EligibilityDock(qgis_iface, qgis_iface.mainWindow())
    try:
        dock.form.minAreaSpin.setValue(5.0)
        dock.run()
        wait_for(dock)
        eligible = dock.result_layer("ELIGIBLE")
        gdal_errors = []
        gdal.PushErrorHandler(lambda level, _number, message: gdal_errors.append(message)
                              if level >= gdal.CE_Failure else None)
        try:  # the first query of each layer kept in the new GeoPackage (opened before it was complete, it failed)
            counts = [dock.result_layer(key).featureCount() for key in ("ELIGIBLE", "EXCLUDED", "SUMMARY")]
        finally:
            gdal.PopErrorHandler()
        assert gdal_errors == [] and min(counts) > 0
        assert eligible.providerType() == "ogr"
        assert source_path(eligible) == documents_folder / "WIP" / "projekt_wip_ergebnisse.gpkg"
        assert eligible.source().endswith("layername=flaechenkulisse_lsa_wind_1_geeignet")
        assert demo_project.layerTreeRoot().findGroup(GROUP_NAME).findLayer(eligible.id()).isVisible()
        # the run is in the GeoPackage's register with the tables it was kept as, and can be repeated from there
        register = QgsVectorLayer(f"{source_path(eligible)}|layername={REGISTER_TABLE}", "register", "ogr")
        row, = table_rows(register)
        assert row["algorithm"] == "wip:eligibility" and row["outcome"] == "ok"
        assert json.loads(row["outputs"])["ELIGIBLE"].endswith('table="flaechenkulisse_lsa_wind_1_geeignet" (geom)')
        repeated = processing.run("wip:rerun", {"REGISTER": register, "OUTPUT": "TEMPORARY_OUTPUT"})
        assert repeated["SAME"] is True
    finally:
        dock.disconnect_project()
        dock.deleteLater()


def test_results_kept_in_the_office_database_with_their_runs(qgis_iface, demo_project, postgis):
    """A schema of a saved PostgreSQL connection as the result store: the dock's tables go there, with the run in
    the schema's register, and the run can be repeated from there."""
    postgis.sql("CREATE SCHEMA buero")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(postgis.uri, {"saveUsername": True}), "Amt")
    set_result_database(demo_project, "Amt", "buero")
    dock = EligibilityDock(qgis_iface, qgis_iface.mainWindow())
    try:
        assert result_store(demo_project).text() == "Datenbank „Amt“, Schema buero"
        dock.form.minAreaSpin.setValue(5.0)
        dock.run()
        wait_for(dock)
        eligible = dock.result_layer("ELIGIBLE")
        assert eligible.providerType() == "postgres" and eligible.featureCount() > 0
        assert QgsDataSourceUri(eligible.source()).table() == "flaechenkulisse_lsa_wind_1_geeignet"
        assert postgis.sql("SELECT count(*) FROM buero.flaechenkulisse_lsa_wind_1_geeignet").strip() == \
            str(eligible.featureCount())
        outputs = json.loads(postgis.sql("SELECT outputs FROM buero.wip_laeufe"))
        assert '"buero"."flaechenkulisse_lsa_wind_1_geeignet"' in outputs["ELIGIBLE"]
        register = QgsVectorLayer(f'{postgis.uri} table="buero"."wip_laeufe"', "register", "postgres")
        repeated = processing.run("wip:rerun", {"REGISTER": register, "OUTPUT": "TEMPORARY_OUTPUT"})
        assert repeated["SAME"] is True
    finally:
        set_result_database(demo_project, "", "")
        metadata.deleteConnection("Amt")
        dock.disconnect_project()
        dock.deleteLater()


def test_a_colleagues_run_of_the_same_number_is_never_replaced(qgis_iface, demo_project, postgis):
    """Two planners keep a run of the same step at once: the one who comes second takes the next number, and the
    colleague's table stays as it was."""
    postgis.sql("CREATE SCHEMA team")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(postgis.uri, {"saveUsername": True}), "Team")
    set_result_database(demo_project, "Team", "team")
    real_tables = DatabaseStore.tables

    def colleague_first(store):  # the colleague's table appears between our count and our write
        listed = real_tables(store)
        if "standorte_1_bewertung" not in listed:
            postgis.sql("CREATE TABLE team.standorte_1_bewertung (kollege integer); "
                        "INSERT INTO team.standorte_1_bewertung VALUES (7)")
        return listed

    try:
        DatabaseStore.tables = colleague_first
        kept, = keep_results(qgis_iface, "standorte", "Standorte", [Result(sites(), "bewertung")])
    finally:
        DatabaseStore.tables = real_tables
        set_result_database(demo_project, "", "")
        metadata.deleteConnection("Team")
    assert QgsDataSourceUri(kept.source()).table() == "standorte_2_bewertung" and kept.featureCount() == 2
    assert postgis.sql("SELECT kollege FROM team.standorte_1_bewertung").strip() == "7"
