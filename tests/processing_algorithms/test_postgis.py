"""The office database: every algorithm reads its inputs from PostGIS tables and writes its outputs to PostGIS tables
with the same results as from and to GeoPackage; an output never replaces an input table; a run that fails or
loses its server leaves no table behind, and a finished table replaces the old one only when it is complete.

The server is a throwaway PostgreSQL cluster with PostGIS (``tests/postgis_server.py``)."""
from __future__ import annotations

import json
import shutil
import subprocess

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

from tests.conftest import REPO
from tests.postgis_server import PostgisServer
from tests.processing_algorithms.conftest import ALGORITHMS, Workspace
from tests.processing_algorithms.test_qgis_process import qgis_process_env
from wip_qgis_plugin.processing_algorithms import heat_demand
from wip_qgis_plugin.processing_algorithms.guards import STAGED_TABLE
from wip_qgis_plugin.qgis_io.layers import read_frame, write_frame


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
        reference, _, beside = reference.partition("|")  # a table beside an output: in the output's schema
        owner, name = reference.split(":")
        if ALGORITHMS.get(owner) is not None and ALGORITHMS[owner].suffix != ".gpkg":
            return super().source(reference)
        table = beside or (name if owner == "demo" else f"{owner}_{name}".lower())
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


# a rerun's comparison names the stores it compared with: it is tested on its own
FEATURE_OUTPUTS = [(algorithm, output) for algorithm, entry in ALGORITHMS.items()
                   if entry.suffix == ".gpkg" and algorithm != "rerun" for output in entry.outputs]


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
    failed = register_rows(server, "outcome = 'failed'")[-1]
    assert failed["algorithm"] == "wip:heatdemand" and failed["messages"].endswith("kaputt")


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


def register_rows(server: PostgisServer, where: str = "TRUE") -> list[dict]:
    rows = server.sql("SELECT row_to_json(r) FROM (SELECT * FROM wip_laeufe WHERE " + where + " ORDER BY started) r")
    return [json.loads(line) for line in rows.splitlines() if line.strip()]


def test_every_run_is_in_the_register(database_workspace):
    rows = register_rows(database_workspace.server, "outcome = 'ok'")
    into_database = {f"wip:{algorithm}" for algorithm, entry in ALGORITHMS.items() if entry.suffix == ".gpkg"}
    assert into_database <= {row["algorithm"] for row in rows}
    eligibility = next(row for row in rows if row["algorithm"] == "wip:eligibility")
    assert eligibility["plugin_version"] and eligibility["qgis_version"] and eligibility["ended"] >= \
        eligibility["started"]
    catalogs = json.loads(eligibility["catalogs"])
    assert [catalog["id"] for catalog in catalogs] == ["lsa_wind"] and catalogs[0]["version"] \
        and catalogs[0]["checksum"].startswith("sha256:")
    inputs = {entry["parameter"]: entry for entry in json.loads(eligibility["inputs"])}
    settlement = next(entry for entry in json.loads(eligibility["inputs"]) if entry["name"].endswith("siedlung")
                      or "synth_siedlung" in entry["source"])
    assert settlement["provider"] == "postgres" and settlement["features"] > 0 \
        and settlement["checksum"].startswith("md5:") and "password" not in settlement["source"]
    assert inputs and json.loads(eligibility["parameters"])["CATALOG"] == 0
    outputs = json.loads(eligibility["outputs"])
    assert "eligibility_eligible" in outputs["ELIGIBLE"] and outputs["ELIGIBLE_HA"] > 0
    assert "nicht geprüft" in eligibility["messages"]  # the run's log


def manual_sql(heading: str) -> str:
    """The SQL block of the manual's section ``heading`` (the script an office runs is the one tested here)."""
    text = (REPO / "docs" / "de" / "database.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1]
    return section.split("```sql", 1)[1].split("```", 1)[0]


def test_the_register_is_append_only_for_the_team(database_workspace):
    server = database_workspace.server
    server.sql("CREATE SCHEMA ergebnisse; CREATE ROLE planung_team LOGIN; "
               "GRANT USAGE, CREATE ON SCHEMA ergebnisse TO planung_team")
    server.sql(manual_sql("Das Laufregister"))
    uri = QgsDataSourceUri(table_uri(server, "waerme_team"))
    uri.setUsername("planung_team")
    uri.setSchema("ergebnisse")
    processing.run("wip:heatdemand", {"BUILDINGS": workspace_file(database_workspace, "synth_gebaeude"),
                                      "OUTPUT": "postgres:" + uri.uri(False)})
    row = server.sql("SELECT user_name, outcome, outputs FROM ergebnisse.wip_laeufe").strip().split("|")
    assert row[1] == "ok" and "waerme_team" in row[2]
    for statement in ("UPDATE ergebnisse.wip_laeufe SET outcome = 'x'", "DELETE FROM ergebnisse.wip_laeufe"):
        with pytest.raises(RuntimeError, match="permission denied"):
            server.sql(f"SET ROLE planung_team; {statement}")
    assert server.sql("SELECT count(*) FROM ergebnisse.wip_laeufe").strip() == "1"


def workspace_file(space: DatabaseWorkspace, table: str) -> str:
    return f"{space.demo}|layername={table}"


@pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="qgis_process.bin not installed")
def test_runs_at_once_into_one_schema(database_workspace, tmp_path):
    """Three planners at once: two into the same table, one into its own. Every table holds one whole result, and
    the register holds all three runs."""
    server = database_workspace.server
    home = tmp_path / "home"
    home.mkdir()
    enabled = subprocess.run(["qgis_process.bin", "plugins", "enable", "wip_qgis_plugin"], capture_output=True,
                             text=True, env=qgis_process_env(home), timeout=300)
    assert enabled.returncode == 0, enabled.stderr
    buildings = workspace_file(database_workspace, "synth_gebaeude")
    runs = [subprocess.Popen(["qgis_process.bin", "run", "wip:heatdemand", "--", f"BUILDINGS={buildings}",
                              "OUTPUT=postgres:" + table_uri(server, table)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=qgis_process_env(home))
            for table in ("waerme_gemeinsam", "waerme_gemeinsam", "waerme_eigen")]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, out + err
    count = str(QgsVectorLayer(buildings, "gebaeude", "ogr").featureCount())
    for table in ("waerme_gemeinsam", "waerme_eigen"):
        assert server.sql(f"SELECT count(*), count(DISTINCT gebaeude_id) FROM {table}").strip() == f"{count}|{count}"
    rows = register_rows(server, "algorithm = 'wip:heatdemand' AND outputs LIKE '%waerme_gemeinsam%' "
                                 "OR outputs LIKE '%waerme_eigen%'")
    assert len(rows) == 3 and len({row["run_id"] for row in rows}) == 3
    assert not [table for table in tables(server) if table.startswith(STAGED_TABLE)]


def test_two_results_published_into_one_new_table_at_once_take_turns(database_workspace):
    """Two runs publish their staged tables into the same table that does not exist yet, at the same moment: both
    succeed one after the other, and the table is one whole result."""
    from concurrent.futures import ThreadPoolExecutor

    from wip_qgis_plugin.processing_algorithms.guards import _replace_table

    server = database_workspace.server
    for attempt in range(5):
        final = f"zugleich_{attempt}"
        staged = [f"{STAGED_TABLE}zugleich_{attempt}_{run}" for run in range(2)]
        for run, name in enumerate(staged):
            server.sql(f"CREATE TABLE {name} (id serial PRIMARY KEY, lauf integer, geom geometry(Point, 25832)); "
                       f"INSERT INTO {name} (lauf, geom) SELECT {run}, ST_MakePoint(700000, 5650000) "
                       f"FROM generate_series(1, {run + 2})")
        with ThreadPoolExecutor(max_workers=2) as pool:
            published = [pool.submit(_replace_table, table_uri(server, name), table_uri(server, final), run + 2)
                         for run, name in enumerate(staged)]
            for future in published:
                future.result()
        rows = server.sql(f"SELECT count(*), min(lauf), max(lauf) FROM {final}").strip().split("|")
        assert rows in (["2", "0", "0"], ["3", "1", "1"])
        assert not [table for table in tables(server) if table.startswith(f"{STAGED_TABLE}zugleich_{attempt}")]


def test_the_database_is_asked_only_for_features_near_the_study_area(database_workspace, tmp_path):
    """The restriction layers are read with the study area's box grown by their criteria's distances, as SQL."""
    server = database_workspace.server
    parameters = database_workspace.parameters("eligibility", tmp_path)
    parameters.update({name: str(tmp_path / f"{name}.gpkg") for name in ALGORITHMS["eligibility"].outputs})
    log = server.root / "server.log"
    start = log.stat().st_size
    server.sql("ALTER SYSTEM SET log_statement = 'all'")
    server.sql("SELECT pg_reload_conf()")  # the open connections too
    try:
        processing.run("wip:eligibility", parameters)
    finally:
        server.sql("ALTER SYSTEM RESET log_statement")
        server.sql("SELECT pg_reload_conf()")
    with log.open(encoding="utf-8", errors="replace") as text:
        text.seek(start)
        reads = [line for line in text if '"synth_wald"' in line and "DECLARE" in line]
    assert reads and all('"geom" && st_makeenvelope' in line.lower() for line in reads), reads


def test_no_password_reaches_the_register(database_workspace):
    server = database_workspace.server
    uri = QgsDataSourceUri(table_uri(server, "waerme_kennwort"))
    uri.setPassword("geheim123")  # the test server trusts every local connection
    processing.run("wip:heatdemand", {"BUILDINGS": database_workspace.source("demo:synth_gebaeude"),
                                      "OUTPUT": "postgres:" + uri.uri(False)})
    row, = register_rows(server, "outputs LIKE '%waerme_kennwort%'")
    assert "geheim123" not in json.dumps(row) and "waerme_kennwort" in row["parameters"]
