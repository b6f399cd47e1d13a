"""The run register: one row per run of an algorithm in the store its results went to (a GeoPackage file or a
PostgreSQL schema), so that a result in a council paper can be traced and recomputed years later.

A row holds the algorithm, the plugin's and QGIS's versions, the parameters (with every catalog's id, version and a
hash of its file), the inputs (source, feature count, a checksum of their content), the outputs, the user, start and
end, the outcome and the run's messages. Rows are only ever added: an office can give its planners a role that may
insert into the register but neither change nor delete a row (see the manual's chapter on the office database).
"""
from __future__ import annotations

import contextlib
import datetime
import functools
import getpass
import hashlib
import json
import os
import pickle
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeature,
    QgsFields,
    QgsMapLayer,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.parallel import pause_collection, resume_collection
from .compat import DATETIME, STRING, WKB_NO_GEOMETRY, new_field
from .database import DATABASE_ERRORS, connection, qualified_table
from .layers import read_frame

np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

REGISTER_TABLE = "wip_laeufe"
OK, FAILED, CANCELLED = "ok", "failed", "cancelled"
MESSAGES_LIMIT = 20_000  # characters of a run's log kept in its row
RUN_ID = "RUN_ID"  # the result of every run that names its row
RECENT_RUNS = 32  # rows of this session's runs kept for the docks, which register them with the tables they keep
_recent: dict = {}
REGISTER_FIELDS = (("run_id", STRING), ("algorithm", STRING), ("plugin_version", STRING), ("qgis_version", STRING),
                   ("user_name", STRING), ("started", DATETIME), ("ended", DATETIME), ("outcome", STRING),
                   ("parameters", STRING), ("catalogs", STRING), ("inputs", STRING), ("outputs", STRING),
                   ("messages", STRING))


class RegisterError(Exception):
    pass


@dataclass(frozen=True)
class Store:
    """Where results are kept: a GeoPackage file (``provider`` "ogr") or a schema of a PostgreSQL database."""

    provider: str
    connection: str  # the file's path, or the database's connection (without a table)
    schema: str = ""

    def register_uri(self) -> str:
        if self.provider == "ogr":
            return f"{self.connection}|layername={REGISTER_TABLE}"
        uri = QgsDataSourceUri(self.connection)
        uri.setDataSource(self.schema, REGISTER_TABLE, "")
        return uri.uri(False)

    def text(self) -> str:
        if self.provider == "ogr":
            return self.connection
        uri = QgsDataSourceUri(self.connection)
        return f"{uri.database()} ({self.schema})"


def store_of(path: str, database_uri: str = "") -> Store | None:
    """The store of an output: the PostgreSQL schema of its table (``database_uri``, the table's connection), or the
    GeoPackage file ``path``; None for anything else (memory layers, shapefiles, reports)."""
    if database_uri:
        uri = QgsDataSourceUri(database_uri)
        schema = uri.schema() or "public"
        uri.setDataSource("", "", "")
        return Store("postgres", uri.uri(False), schema)
    if path.lower().endswith(".gpkg"):
        return Store("ogr", path)
    return None


@dataclass
class RunRecord:
    algorithm: str
    plugin_version: str
    parameters: dict
    inputs: list
    catalogs: list = field(default_factory=list)
    outputs: dict = field(default_factory=dict)
    run_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    user_name: str = field(default_factory=lambda: _user())
    qgis_version: str = field(default_factory=lambda: Qgis.version())
    started: datetime.datetime = field(default_factory=lambda: datetime.datetime.now(datetime.timezone.utc))
    ended: datetime.datetime | None = None
    outcome: str = ""
    messages: str = ""
    checksums: InputChecksums | None = None  # of the inputs in files, while they are computed

    def values(self) -> dict:
        return {"run_id": self.run_id, "algorithm": self.algorithm, "plugin_version": self.plugin_version,
                "qgis_version": self.qgis_version, "user_name": self.user_name, "started": _qt_time(self.started),
                "ended": _qt_time(self.ended), "outcome": self.outcome,
                "parameters": json.dumps(self.parameters, ensure_ascii=False, sort_keys=True),
                "catalogs": json.dumps(self.catalogs, ensure_ascii=False),
                "inputs": json.dumps(self.inputs, ensure_ascii=False),
                "outputs": json.dumps(self.outputs, ensure_ascii=False, sort_keys=True),
                "messages": self.messages[-MESSAGES_LIMIT:]}


class InputChecksums:
    """The checksums of a run's inputs in files, computed in a thread of their own: (entry, layer or None, function
    giving the entry's checksum fields or None) each; where the function gives None (a GeoPackage SQLite would not
    read), ``complete`` reads the layer instead."""

    def __init__(self, jobs: list[tuple[dict, object, Callable]]):
        self._jobs = jobs
        self._fields: list = [None] * len(jobs)
        self._thread = threading.Thread(target=self._compute, name="wip-input-checksums", daemon=True)
        if jobs:
            pause_collection()  # until the thread ends (see core.parallel)
            self._thread.start()

    def _compute(self) -> None:
        try:
            for number, (_entry, _layer, fields) in enumerate(self._jobs):
                with contextlib.suppress(OSError):
                    self._fields[number] = fields()
        finally:
            resume_collection()

    def complete(self) -> None:
        """Wait for the checksums and put them into their entries (before the run writes anything: SQLite must not
        read a GeoPackage the run is writing to)."""
        if not self._jobs:
            return
        self._thread.join()
        for (entry, layer, _fields), fields in zip(self._jobs, self._fields):
            entry.update(fields if fields is not None else checksum_fields(layer) if layer is not None else {})
        self._jobs = []


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return ""


def _qt_time(moment: datetime.datetime | None):
    if moment is None:
        return None
    return QDateTime.fromString(moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", Qt.DateFormat.ISODateWithMs)


# -- what a run read --------------------------------------------------------------------------------------------

def safe_source(layer: QgsMapLayer) -> str:
    """A layer's source without a password (a register is read by the whole office)."""
    return QgsDataSourceUri.removePassword(layer.source()) if layer.providerType() != "memory" else layer.source()


def layer_entry(layer: QgsMapLayer) -> dict:
    """A layer as the register keeps it: name, provider, source and subset (``checksum_fields`` adds what it held)."""
    entry = {"name": layer.name(), "provider": layer.providerType(), "source": safe_source(layer)}
    if isinstance(layer, QgsVectorLayer):
        entry["subset"] = layer.subsetString()
    return entry


def checksum_fields(layer: QgsMapLayer) -> dict:
    """The feature count and a checksum of a layer's content for its register entry (a vector layer's features; a
    raster's file)."""
    if isinstance(layer, QgsVectorLayer):
        return dict(zip(("features", "checksum"), content_checksum(layer)))
    return {"checksum": file_checksum(layer.source())} if os.path.isfile(layer.source()) else {}


def file_checksum_fields(layer: QgsMapLayer) -> Callable[[], dict | None] | None:
    """For a GeoPackage table or a raster file: a function giving the layer's ``checksum_fields`` from the file
    alone, without the layer, so that it can run in another thread while the run reads and computes (it gives None
    or raises OSError where the file cannot be read so). None for other layers."""
    if not isinstance(layer, QgsVectorLayer):
        path = layer.source()
        return (lambda: {"checksum": file_checksum(path)}) if os.path.isfile(path) else None
    table = _geopackage_table(layer)
    if table is None:
        return None

    def table_fields():
        with contextlib.suppress(sqlite3.Error):
            return dict(zip(("features", "checksum"), _table_checksum(*table)))
        return None
    return table_fields


@functools.lru_cache(maxsize=64)
def _file_checksum(path: str, size: int, modified: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()


def file_checksum(path: str) -> str:
    """The SHA-256 of a file, computed once while it is unchanged (a run reads several tables of one GeoPackage)."""
    status = os.stat(path)
    return _file_checksum(os.path.realpath(path), status.st_size, status.st_mtime_ns)


def content_checksum(layer: QgsVectorLayer) -> tuple[int, str]:
    """(feature count, checksum) of a vector layer's features, independent of anything else in their file (a
    GeoPackage gains tables and register rows): in the database for a PostgreSQL table, over the stored rows for a
    GeoPackage table, else over each feature's attributes and geometry as the one reader reads them, independent of
    their order."""
    stored = _database_checksum(layer) if layer.providerType() == "postgres" else _geopackage_checksum(layer)
    if stored is not None:
        return stored
    frame = read_frame(layer, None, None)
    attributes = pd.DataFrame(frame.drop(columns="geometry"))
    rows = pd.util.hash_pandas_object(attributes.astype(str), index=False).to_numpy(dtype=np.uint64) \
        if len(attributes.columns) else np.zeros(len(frame), dtype=np.uint64)
    shapes = shapely.to_wkb(np.asarray(frame.geometry.values, dtype=object))
    geometries = np.fromiter((int.from_bytes(hashlib.blake2b(shape or b"", digest_size=8).digest(), "little")
                              for shape in shapes), dtype=np.uint64, count=len(shapes))
    pairs = np.stack([rows, geometries], axis=1)
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    return len(frame), "sha256:" + hashlib.sha256(pairs.tobytes()).hexdigest()


def _geopackage_checksum(layer: QgsVectorLayer) -> tuple[int, str] | None:
    """(count, checksum) of a GeoPackage table's rows as SQLite stores them, in the order of their ids, without
    decoding a geometry: a fifth of the time of reading the features; computed once while the file is unchanged. None
    where the layer is not a table of a GeoPackage file read as it is stored (an edited layer, a filter in GDAL's
    own SQL functions)."""
    table = _geopackage_table(layer)
    try:
        return _table_checksum(*table) if table is not None else None
    except sqlite3.Error:
        return None


def _geopackage_table(layer: QgsVectorLayer) -> tuple | None:
    """The arguments of ``_table_checksum`` for a layer that is a GeoPackage table read as it is stored, else None."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table, subset = parts.get("path") or "", parts.get("layerName"), layer.subsetString().strip()
    if layer.providerType() != "ogr" or layer.isEditable() or not table or subset.lower().startswith("select") or \
            Path(path).suffix.lower() != ".gpkg" or not os.path.isfile(path):
        return None
    # a GeoPackage in write-ahead mode (as some programs keep it while open) may hold changes in its -wal file
    state = tuple((status.st_size, status.st_mtime_ns) for status in map(_stat, (path, path + "-wal")))
    return os.path.realpath(path), table, subset, state


def _stat(path: str):
    return os.stat(path) if os.path.exists(path) else os.stat_result((0,) * 10)


@functools.lru_cache(maxsize=64)
def _table_checksum(path: str, table: str, subset: str, _state: tuple) -> tuple[int, str]:
    quoted = '"' + table.replace('"', '""') + '"'
    with contextlib.closing(sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True)) as database:
        key = next((f'"{name}"' for _cid, name, _type, _null, _default, primary in
                    database.execute(f"PRAGMA table_info({quoted})") if primary), "rowid")
        rows = database.execute(f"SELECT * FROM {quoted}{f' WHERE {subset}' if subset else ''} ORDER BY {key}")
        digest, count = hashlib.sha256(), 0
        while batch := rows.fetchmany(10_000):
            digest.update(pickle.dumps(batch, protocol=4))  # a fixed protocol: the same rows give the same bytes
            count += len(batch)
    return count, "sha256:" + digest.hexdigest()


def _database_checksum(layer: QgsVectorLayer) -> tuple[int, str] | None:
    relation = qualified_table(layer.source())
    where = f" WHERE {layer.subsetString()}" if layer.subsetString().strip() else ""
    sql = (f"SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) FROM "
           f"(SELECT md5(t::text) AS h FROM (SELECT * FROM {relation}{where}) AS t) AS rows")
    try:
        rows = connection(layer.source()).executeSql(sql)
    except DATABASE_ERRORS:
        return None
    return int(rows[0][0]), "md5:" + str(rows[0][1])


def _connection(provider: str, uri: str):
    return QgsProviderRegistry.instance().providerMetadata(provider).createConnection(uri, {})


def parameter_value(value):
    """A Processing parameter value as JSON: layers by provider and source, sources with their selection, output
    definitions by their destination; never a password."""
    if isinstance(value, QgsMapLayer):
        return layer_entry(value)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return {"source": parameter_value(value.source), "selected_only": bool(value.selectedFeaturesOnly)}
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return parameter_value(value.sink)
    if isinstance(value, QgsProperty):
        return value.staticValue() if value.propertyType() == QgsProperty.Type.StaticProperty else \
            value.expressionString()
    if isinstance(value, (list, tuple)):
        return [parameter_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): parameter_value(item) for key, item in value.items()}
    if isinstance(value, str):
        return QgsDataSourceUri.removePassword(value) if "password" in value else value
    if value is None or isinstance(value, (int, float, bool)):
        return value
    if hasattr(value, "isNull") and value.isNull():
        return None
    return str(value)


def catalog_entry(catalog) -> dict:
    """A catalog as the register keeps it: id, version, title and the hash of its file."""
    entry = {"id": catalog.id, "version": catalog.version, "title": catalog.title_text()}
    if catalog.path is not None and Path(catalog.path).is_file():
        entry["path"] = str(catalog.path)
        entry["checksum"] = file_checksum(str(catalog.path))
    return entry


# -- writing and reading the register -------------------------------------------------------------------------------

def register_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in REGISTER_FIELDS:
        fields.append(new_field(name, kind))
    return fields


def _register_layer(store: Store) -> QgsVectorLayer:
    """The store's register, made when missing (two runs making it at once: the second finds it made)."""
    layer = QgsVectorLayer(store.register_uri(), REGISTER_TABLE, store.provider)
    if layer.isValid():
        return layer
    try:
        _connection(store.provider, store.connection).createVectorTable(
            store.schema, REGISTER_TABLE, register_fields(), WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem(), False, {})
    except DATABASE_ERRORS as error:
        layer = QgsVectorLayer(store.register_uri(), REGISTER_TABLE, store.provider)
        if not layer.isValid():
            raise RegisterError(str(error)) from error
    layer = QgsVectorLayer(store.register_uri(), REGISTER_TABLE, store.provider)
    if not layer.isValid():
        raise RegisterError(tr("Das Laufregister in {store} ist nicht lesbar.").format(store=store.text()))
    return layer


def append(store: Store, record: RunRecord) -> None:
    """Add the run's row to the store's register."""
    layer = _register_layer(store)
    feature = QgsFeature(layer.fields())
    for name, value in record.values().items():
        index = layer.fields().lookupField(name)
        if index < 0:
            raise RegisterError(tr("Dem Laufregister in {store} fehlt das Feld „{field}“.").format(
                store=store.text(), field=name))
        feature.setAttribute(index, value)
    if not layer.dataProvider().addFeatures([feature]):
        raise RegisterError(layer.dataProvider().lastError() or tr("unbekannter Fehler"))


def remember(record: RunRecord) -> None:
    """Keep the row of a run of this session: a dock registers it once it has kept the run's results."""
    _recent[record.run_id] = record
    while len(_recent) > RECENT_RUNS:
        _recent.pop(next(iter(_recent)))


def recent(run_id) -> RunRecord | None:
    return _recent.get(run_id) if isinstance(run_id, str) else None
