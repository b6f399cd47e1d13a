"""The office database: every algorithm reads its inputs from PostGIS tables and writes its outputs to PostGIS tables
with the same results as from and to GeoPackage; an output never replaces an input table; a run that fails or
loses its server leaves no table behind, and a finished table replaces the old one only when it is complete.

The server is a throwaway PostgreSQL cluster with PostGIS (``tests/postgis_server.py``)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import processing
import pytest
import shapely
from qgis.core import (
    Qgis,
    QgsDataSourceUri,
    QgsProcessingContext,
    QgsProcessingException,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)

from tests.postgis_server import PostgisServer, server_programs
from tests.processing_algorithms.conftest import ALGORITHMS, Workspace
from wip_qgis_plugin.processing_algorithms import heat_demand
from wip_qgis_plugin.processing_algorithms.guards import STAGED_TABLE
from wip_qgis_plugin.qgis_io.layers import read_frame, write_frame


@pytest.fixture(scope="module")
def postgis():
    programs = server_programs()
    if programs is None:
        pytest.skip("PostgreSQL with PostGIS is not installed (tools/setup_env.sh installs Debian's packages as root)")
    server = PostgisServer(programs)
    server.start()
    yield server
    server.remove()


def table_uri(server: PostgisServer, table: str, geometry: bool = True) -> str:
    uri = QgsDataSourceUri(server.uri)
    uri.setDataSource("public", table, "geom" if geometry else "")
    return uri.uri(False)


def tables(server: PostgisServer) -> set[str]:
    return set(server.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split())


def database_layer(server: PostgisServer, table: str) -> QgsVectorLayer:
    """The table as a QGIS layer, with its geometry column where it has one."""
    spatial = bool(server.sql(f"SELECT 1 FROM geometry_columns WHERE f_table_name = '{table}'").strip())
    layer = QgsVectorLayer(table_uri(server, table, spatial), table, "postgres")
    assert layer.isValid(), table
    return layer


def export(server: PostgisServer, layer: QgsVectorLayer, table: str) -> QgsVectorLayer:
    error, message = QgsVectorLayerExporter.exportLayer(layer, table_uri(server, table, layer.isSpatial()),
                                                         "postgres", layer.crs(), False, {})
    assert error == Qgis.VectorExportResult.Success, message
    return database_layer(server, table)


class DatabaseWorkspace(Workspace):
    """The workspace's runs with the demo tables in PostGIS and every feature output written to PostGIS (file
    outputs like the GML or the report stay files)."""

    def __init__(self, root, server: PostgisServer):
        super().__init__(root)
        self.server = server
        self.layers: dict[str, QgsVectorLayer] = {}

    def source(self, reference: str):
        owner, name = reference.split(":")
        if ALGORITHMS.get(owner) is not None and ALGORITHMS[owner].suffix != ".gpkg":
            return super().source(reference)
        table = name if owner == "demo" else f"{owner}_{name}".lower()
        if table not in self.layers:
            if owner == "demo":  # named as Processing names the GeoPackage's layer
                self.layers[table] = export(self.server, QgsVectorLayer(super().source(reference), name, "ogr"), table)
                self.layers[table].setName(self.demo.stem)
            else:
                self.layers[table] = database_layer(self.server, table)
        return self.layers[table]

    def parameters(self, algorithm: str, out) -> dict:
        parameters = super().parameters(algorithm, out)
        if ALGORITHMS[algorithm].suffix == ".gpkg":
            for name in ALGORITHMS[algorithm].outputs:
                parameters[name] = "postgres:" + table_uri(self.server, f"{algorithm}_{name}".lower())
        return parameters


@pytest.fixture(scope="module")
def database_workspace(wip_processing, postgis, tmp_path_factory):
    space = DatabaseWorkspace(tmp_path_factory.mktemp("database"), postgis)
    for algorithm in ALGORITHMS:
        processing.run(f"wip:{algorithm}", space.parameters(algorithm, space.inputs))
    return space


def frame(layer: QgsVectorLayer) -> pd.DataFrame:
    """A layer's rows in a stable order, without the key a database or GeoPackage adds."""
    # the keys differ by store: a GeoPackage's "fid", a database table's own key beside a copied "fid" column
    keys = {layer.fields().at(index).name() for index in layer.dataProvider().pkAttributeIndexes()} | {"fid"}
    read = read_frame(layer, None, QgsProcessingContext())
    read = read.drop(columns=[name for name in read.columns if name in keys or name == "seconds"])  # solver time
    geometries = np.asarray(read.geometry.values, dtype=object)
    rows = pd.DataFrame(read.drop(columns="geometry"))
    rows["wkt"] = [None if g is None else shapely.to_wkt(shapely.normalize(g), rounding_precision=3)
                   for g in geometries]
    return rows.sort_values(list(rows.columns), key=lambda column: column.astype(str)).reset_index(drop=True)


FEATURE_OUTPUTS = [(algorithm, output) for algorithm, entry in ALGORITHMS.items() if entry.suffix == ".gpkg"
                   for output in entry.outputs]


@pytest.mark.parametrize("algorithm, output", FEATURE_OUTPUTS, ids=[f"{a}-{o}" for a, o in FEATURE_OUTPUTS])
def test_from_and_to_postgis_as_from_and_to_geopackage(workspace, database_workspace, algorithm, output):
    ours = frame(database_workspace.source(f"{algorithm}:{output}"))
    files = frame(QgsVectorLayer(workspace.source(f"{algorithm}:{output}"), output, "ogr"))
    assert len(ours) > 0 or len(files) == 0
    pd.testing.assert_frame_equal(ours, files, check_dtype=False, check_exact=False, rtol=1e-9)


def test_no_staged_table_is_left(database_workspace):
    assert not [table for table in tables(database_workspace.server) if table.startswith(STAGED_TABLE)]


def test_an_input_table_is_never_an_output(database_workspace):
    server = database_workspace.server
    buildings = database_workspace.source("demo:synth_gebaeude")
    before = server.sql("SELECT count(*), md5(string_agg(t::text, ',' ORDER BY fid)) FROM synth_gebaeude t")
    for prefix in ("postgres:", "postgis:"):
        with pytest.raises(QgsProcessingException, match="Eingaben werden nie verändert"):
            processing.run("wip:heatdemand", {"BUILDINGS": buildings,
                                              "OUTPUT": prefix + table_uri(server, "synth_gebaeude")})
    assert server.sql("SELECT count(*), md5(string_agg(t::text, ',' ORDER BY fid)) FROM synth_gebaeude t") \
        == before


def test_a_second_run_replaces_its_table_whole(database_workspace):
    server = database_workspace.server
    buildings = database_workspace.source("demo:synth_gebaeude")
    destination = "postgres:" + table_uri(server, "waerme_zweimal")
    for _ in range(2):
        processing.run("wip:heatdemand", {"BUILDINGS": buildings, "OUTPUT": destination})
    assert server.sql("SELECT count(*) FROM waerme_zweimal").strip() == str(buildings.featureCount())
    indexes = server.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'waerme_zweimal'").split()
    assert sorted(indexes) == ["waerme_zweimal_geom_idx", "waerme_zweimal_pkey"]


def test_a_lost_server_gives_a_clear_error_and_leaves_no_table(database_workspace, monkeypatch):
    """The server stops once the output table is created; the staged table the run could not drop then goes with
    the next run into that database."""
    server = database_workspace.server
    buildings = database_workspace.source("demo:synth_gebaeude")
    before = tables(server)
    stopped = []

    def stop_then_write(*arguments, **options):
        server.stop()
        stopped.append(True)
        return write_frame(*arguments, **options)

    monkeypatch.setattr(heat_demand, "write_frame", stop_then_write)
    try:
        with pytest.raises(QgsProcessingException) as refused:
            processing.run("wip:heatdemand", {"BUILDINGS": buildings,
                                              "OUTPUT": "postgres:" + table_uri(server, "waerme_verloren")})
    finally:
        server.start()
    monkeypatch.undo()
    assert stopped
    assert str(refused.value).startswith("Das Ergebnis konnte nicht") and "no connection" in str(refused.value) \
        and "Traceback" not in str(refused.value)
    assert "waerme_verloren" not in tables(server)
    processing.run("wip:heatdemand", {"BUILDINGS": buildings, "OUTPUT": "postgres:" + table_uri(server, "waerme_neu")})
    assert tables(server) == before | {"waerme_neu"}


def test_a_failed_run_replaces_nothing(database_workspace, monkeypatch):
    server = database_workspace.server
    buildings = database_workspace.source("demo:synth_gebaeude")
    destination = "postgres:" + table_uri(server, "waerme_bleibt")
    processing.run("wip:heatdemand", {"BUILDINGS": buildings, "OUTPUT": destination})
    kept = server.sql("SELECT count(*), md5(string_agg(t::text, ',' ORDER BY fid)) FROM waerme_bleibt t")

    def broken(*_args, **_kwargs):
        raise QgsProcessingException("kaputt")

    monkeypatch.setattr(heat_demand, "write_frame", broken)
    with pytest.raises(QgsProcessingException, match="kaputt"):
        processing.run("wip:heatdemand", {"BUILDINGS": buildings, "OUTPUT": destination})
    assert server.sql("SELECT count(*), md5(string_agg(t::text, ',' ORDER BY fid)) FROM waerme_bleibt t") == kept
    assert not [table for table in tables(server) if table.startswith(STAGED_TABLE)]


def demand(layer_or_destination) -> pd.DataFrame:
    layer = layer_or_destination if isinstance(layer_or_destination, QgsVectorLayer) else \
        QgsVectorLayer(layer_or_destination.split(":", 1)[1], "ergebnis", "postgres")
    read = read_frame(layer, None, QgsProcessingContext(), fields=["gebaeude_id", "floor_area_m2", "demand_mwh_a"])
    return pd.DataFrame(read.drop(columns="geometry")).sort_values("gebaeude_id").reset_index(drop=True)


@pytest.mark.parametrize("kind", ["view", "filter", "srid"])
def test_views_filters_and_other_crs_are_inputs_like_tables(database_workspace, kind):
    """A view, a layer with a filter and a table in WGS 84 give the table's heat demand for their buildings."""
    server = database_workspace.server
    table = database_workspace.source("demo:synth_gebaeude")
    whole = "postgres:" + table_uri(server, f"waerme_ganz_{kind}")
    processing.run("wip:heatdemand", {"BUILDINGS": table, "OUTPUT": whole})
    if kind == "view":
        server.sql("CREATE VIEW gebaeude_sicht AS SELECT * FROM synth_gebaeude")
        uri = QgsDataSourceUri(table_uri(server, "gebaeude_sicht"))
        uri.setKeyColumn("fid")
        layer = QgsVectorLayer(uri.uri(False), "gebaeude_sicht", "postgres")
    elif kind == "filter":
        layer = database_layer(server, "synth_gebaeude")
        layer.setSubsetString('"fid" <= 2000')
    else:
        server.sql("CREATE TABLE gebaeude_wgs84 AS SELECT fid, gebaeude_id, gebaeudefunktion, gebaeudetyp, "
                   "baualtersklasse, geschosse, grundflaeche_m2, waermenetz, "
                   "ST_Transform(geom, 4326)::geometry(Polygon, 4326) AS geom FROM synth_gebaeude")
        layer = database_layer(server, "gebaeude_wgs84")
    assert layer.isValid()
    part = "postgres:" + table_uri(server, f"waerme_teil_{kind}")
    processing.run("wip:heatdemand", {"BUILDINGS": layer, "OUTPUT": part})
    expected = demand(whole)
    ours = demand(part)
    if kind == "filter":
        assert len(ours) == 2000
        expected = expected[expected["gebaeude_id"].isin(ours["gebaeude_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(ours, expected, check_dtype=False, rtol=1e-6)
