"""Where the docks keep what they computed: tables of one result store per project, shown in a visible group
"WIP" of the layer panel. The store is a GeoPackage (by default next to the project file) or a schema of the
office's PostgreSQL database (a connection saved in QGIS).

A dock's algorithm writes temporary layers; only a finished run is kept, so a failed or cancelled run leaves
nothing in the store. Its layers are saved with the project like any other, so they come back when it is opened
again and QGIS has no temporary layer to warn about at exit.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsDataSourceUri,
    QgsException,
    QgsLayerTree,
    QgsMapLayer,
    QgsMapLayerStyle,
    QgsProject,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)
from qgis.PyQt.QtCore import QStandardPaths

from .. import log
from ..core.i18n import tr
from ..core.workflow import identifier
from .database import DATABASE_ERRORS
from .register import REGISTER_TABLE, RUN_ID, RegisterError, append, parameter_value, recent, store_of

ENTRY_SCOPE, ENTRY_KEY = "wip", "result_geopackage"
DATABASE_KEY, SCHEMA_KEY = "result_database", "result_schema"  # a saved PostgreSQL connection's name, its schema
_told: set[str] = set()  # the stores the planner was told about in this QGIS session
GROUP_NAME = "WIP"
SUFFIX = "_wip_ergebnisse.gpkg"


@dataclass
class Result:
    """One output of a dock run: the temporary layer, named and styled, and the table it becomes."""

    layer: QgsVectorLayer
    table: str  # lower-case ASCII, e.g. "geeignet"
    visible: bool = True


def table_name(text: str) -> str:
    """``text`` as a table name that any database takes: lower-case ASCII, words joined by "_"."""
    return identifier(text) or "ergebnis"


def result_geopackage(project: QgsProject) -> Path:
    """The project's result GeoPackage: the one chosen for it, else next to the project file, else (a project never
    saved) in the user's documents folder."""
    stored, found = project.readEntry(ENTRY_SCOPE, ENTRY_KEY, "")
    if found and stored:
        return Path(project.pathResolver().readPath(stored))
    if project.fileName():
        project_file = Path(project.absoluteFilePath())
        return project_file.with_name(project_file.stem + SUFFIX)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "WIP" / ("projekt" + SUFFIX)


def set_result_geopackage(project: QgsProject, path: Path) -> None:
    """Keep this project's results in ``path`` from now on (stored in the project, relative to it when saved)."""
    project.writeEntry(ENTRY_SCOPE, ENTRY_KEY, project.pathResolver().writePath(str(path)))


def geopackage_tables(path: Path) -> list[str]:
    """The tables of the GeoPackage; a file that cannot be listed (locked, not a GeoPackage) is an OSError, so that
    no run number is guessed and no kept table overwritten."""
    if not path.exists():
        return []
    try:
        connection = QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(str(path), {})
        return [table.tableName() for table in connection.tables()]
    except (QgsException, QgsProviderConnectionException) as error:
        raise OSError(str(error)) from error


def next_run(path: Path, step: str) -> int:
    """The number of the next run of ``step`` in the GeoPackage: one above the highest kept there."""
    return _next_run(geopackage_tables(path), step)


def _next_run(tables: list[str], step: str) -> int:
    pattern = re.compile(rf"^{re.escape(step)}_(\d+)_")
    runs = [int(match[1]) for match in map(pattern.match, tables) if match]
    return max(runs, default=0) + 1


def _listed(path: Path) -> list[str]:
    try:
        return geopackage_tables(path)
    except OSError:
        return []


def _drop(path: Path, tables: list[str]) -> None:
    """Remove ``tables`` a failed run wrote; what cannot be removed is said in the log."""
    if not tables:
        return
    try:
        connection = QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(str(path), {})
        for table in tables:
            connection.dropVectorTable("", table)
    except (QgsException, QgsProviderConnectionException) as error:
        log.warning(str(error))


def write_table(layer: QgsVectorLayer, path: Path, table: str, project: QgsProject) -> None:
    """``layer`` as table ``table`` of the GeoPackage ``path`` (made when missing)."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if path.exists()
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
    error, message, *_rest = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), project.transformContext(),
                                                                      options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise OSError(message or str(path))


def kept_layer(path: Path, table: str, temporary: QgsVectorLayer) -> QgsVectorLayer:
    """Table ``table`` of ``path`` as a layer named and styled as ``temporary``."""
    return _styled_as(QgsVectorLayer(f"{path}|layername={table}", temporary.name(), "ogr"), temporary,
                      tr("Tabelle {table} in {path} lässt sich nicht öffnen.").format(table=table, path=path))


def _styled_as(layer: QgsVectorLayer, temporary: QgsVectorLayer, failure: str) -> QgsVectorLayer:
    if not layer.isValid():
        raise OSError(failure)
    style = QgsMapLayerStyle()
    style.readFromLayer(temporary)  # renderer, labels, forms: as the dock made them
    style.writeToLayer(layer)
    return layer


RUN_NUMBER_ATTEMPTS = 5


class TableTakenError(OSError):
    """A table of the run's number exists already: another planner kept a run of the same step at the same time."""


@dataclass(frozen=True)
class GeoPackageStore:
    path: Path

    def text(self) -> str:
        return str(self.path)

    def tables(self) -> list[str]:
        return geopackage_tables(self.path)

    def write(self, layer: QgsVectorLayer, table: str, project: QgsProject) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_table(layer, self.path, table, project)

    def open(self, table: str, temporary: QgsVectorLayer) -> QgsVectorLayer:
        return kept_layer(self.path, table, temporary)

    def drop(self, tables: list[str]) -> None:
        _drop(self.path, [table for table in tables if table in _listed(self.path)])

    def destination(self, table: str, spatial: bool) -> str:
        return f"ogr:dbname='{self.path}' table=\"{table}\"" + (" (geom)" if spatial else "")

    def register(self):
        return store_of(str(self.path))


@dataclass(frozen=True)
class DatabaseStore:
    """A schema of a PostgreSQL database, through a connection saved in QGIS (its password stays in QGIS's
    authentication database)."""

    connection: str
    schema: str

    def text(self) -> str:
        return tr("Datenbank „{connection}“, Schema {schema}").format(connection=self.connection, schema=self.schema)

    def _database(self):
        try:
            found = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(self.connection)
        except DATABASE_ERRORS:
            found = None
        if found is None:
            raise OSError(tr("Die Datenbankverbindung „{connection}“ gibt es in diesem QGIS nicht.").format(
                connection=self.connection))
        return found

    def uri(self, table: str, spatial: bool = True) -> str:
        uri = QgsDataSourceUri(self._database().uri())
        uri.setDataSource(self.schema, table, "geom" if spatial else "")
        return uri.uri(False)

    def tables(self) -> list[str]:
        try:
            return [table.tableName() for table in self._database().tables(self.schema)]
        except DATABASE_ERRORS as error:
            raise OSError(str(error)) from error

    def write(self, layer: QgsVectorLayer, table: str, project: QgsProject) -> None:
        if table in self.tables():
            raise TableTakenError(table)
        error, message = QgsVectorLayerExporter.exportLayer(layer, self.uri(table, layer.isSpatial()), "postgres",
                                                            layer.crs(), False, {})
        if error != Qgis.VectorExportResult.Success:
            raise OSError(message or self.text())

    def open(self, table: str, temporary: QgsVectorLayer) -> QgsVectorLayer:
        return _styled_as(QgsVectorLayer(self.uri(table, temporary.isSpatial()), temporary.name(), "postgres"),
                          temporary, tr("Tabelle {table} in {store} lässt sich nicht öffnen.").format(
                              table=table, store=self.text()))

    def drop(self, tables: list[str]) -> None:
        try:
            database = self._database()
            for table in tables:
                if database.tableExists(self.schema, table):
                    database.dropVectorTable(self.schema, table)
        except (OSError, *DATABASE_ERRORS) as error:
            log.warning(str(error))

    def destination(self, table: str, spatial: bool) -> str:
        return "postgres:" + self.uri(table, spatial)

    def register(self):
        return store_of("", self.uri(REGISTER_TABLE, False))


def result_store(project: QgsProject):
    """The project's result store: its database schema when one is chosen, else its result GeoPackage."""
    connection = project.readEntry(ENTRY_SCOPE, DATABASE_KEY, "")[0]
    if connection:
        return DatabaseStore(connection, project.readEntry(ENTRY_SCOPE, SCHEMA_KEY, "public")[0] or "public")
    return GeoPackageStore(result_geopackage(project))


def set_result_database(project: QgsProject, connection: str, schema: str) -> None:
    """Keep this project's results in ``schema`` of the saved PostgreSQL connection ``connection`` from now on (an
    empty connection: in the result GeoPackage again)."""
    if connection:
        project.writeEntry(ENTRY_SCOPE, DATABASE_KEY, connection)
        project.writeEntry(ENTRY_SCOPE, SCHEMA_KEY, schema)
    else:
        project.removeEntry(ENTRY_SCOPE, DATABASE_KEY)
        project.removeEntry(ENTRY_SCOPE, SCHEMA_KEY)


def _run_group(iface, project: QgsProject, title: str):
    root = project.layerTreeRoot()
    group = next((node for node in root.children() if QgsLayerTree.isGroup(node) and node.name() == GROUP_NAME),
                 None) or root.insertGroup(0, GROUP_NAME)
    group.setItemVisibilityChecked(True)
    group.setExpanded(True)
    run_group = group.insertGroup(0, title)
    view = iface.layerTreeView() if iface is not None and hasattr(iface, "layerTreeView") else None
    if view is not None:  # a group inserted above others may be shown folded although the node says expanded
        for node in (group, run_group):
            view.setExpanded(view.node2index(node), True)
    return run_group


def keep_results(iface, step: str, title: str, results: list[Result], runs=()) -> list[QgsVectorLayer]:
    """Write ``results`` (top to bottom as in the layer panel) as tables ``<step>_<run>_<table>`` of the project's
    result store and add them in a group ``title`` (with the run number) on top of the group "WIP"; the algorithm
    runs that made them (their ``runs``' results) go into the store's run register with these tables.

    Returns the layers added, in the order given. When the store cannot be written, nothing is left in it, the
    temporary layers are added instead and the message bar says why they are not saved."""
    project = QgsProject.instance()
    store = result_store(project)
    chosen = bool(project.readEntry(ENTRY_SCOPE, ENTRY_KEY, "")[0]) or isinstance(store, DatabaseStore)
    written: list[str] = []
    try:
        run = _keep(store, step, results, project, written)
        _register(store, runs, {result.layer.id(): (table, result.layer.isSpatial())
                                for result, table in zip(results, written)})
        # opened once the file is complete: a GeoPackage layer opened before QGIS first edits the file (the register
        # row switches it to write-ahead logging) fails its first query
        layers = [store.open(table, result.layer) for result, table in zip(results, written)]
    except OSError as error:
        store.drop(written)
        log.notify(iface, tr("Ergebnisse nur vorübergehend im Projekt, nicht gespeichert in {path}: {reason}").format(
            path=store.text(), reason=error), Qgis.MessageLevel.Warning, 0)
        return _add(project, _run_group(iface, project, title), results, [result.layer for result in results])
    if not chosen and project.fileName():  # a project never saved keeps no path: saved, it gets its own file
        set_result_geopackage(project, store.path)
    if not chosen and store.text() not in _told:
        _told.add(store.text())
        log.notify(iface, tr("Die Ergebnisse der Arbeitsschritte werden gespeichert in {path} (Gruppe „{group}“; "
                             "ändern: Erweiterungen › WIP Energie- und Raumplanung › "
                             "Ergebnis-GeoPackage …).").format(path=store.text(), group=GROUP_NAME))
    group = _run_group(iface, project, tr("{title} – Lauf {run}").format(title=title, run=run))
    return _add(project, group, results, layers)


def _keep(store, step: str, results: list[Result], project: QgsProject, written: list[str]) -> int:
    """The run number of ``results`` written as the next run of ``step``; ``written`` names the tables made so far.
    A colleague's run that took the number in the meantime (a shared database): the next number."""
    for _attempt in range(RUN_NUMBER_ATTEMPTS):
        run = _next_run(store.tables(), step)
        try:
            for result in results:
                table = f"{step}_{run}_{result.table}"
                written.append(table)  # before writing: a write that fails halfway leaves its table behind
                store.write(result.layer, table, project)
            return run
        except TableTakenError:
            written.pop()  # the colleague's table, not ours
            store.drop(written)
            written.clear()
    raise OSError(tr("Keine freie Laufnummer für {step} gefunden.").format(step=step))


def _register(store, runs, tables: dict[str, tuple[str, bool]]) -> None:
    """Each run of ``runs`` (an algorithm's results) into the store's register, its outputs the ``tables`` (layer id →
    table, whether it has geometries) its layers were kept as."""
    for results in runs:
        record = recent(results.get(RUN_ID))
        if record is None:
            continue
        outputs = {}
        for name, value in results.items():
            layer_id = value.id() if isinstance(value, QgsMapLayer) else value
            if isinstance(layer_id, str) and layer_id in tables:
                outputs[name] = parameter_value(store.destination(*tables[layer_id]))  # without a password
            elif name != RUN_ID and not isinstance(value, QgsMapLayer):
                outputs[name] = parameter_value(value)
        try:
            append(store.register(), dataclasses.replace(record, outputs=outputs))
        except (RegisterError, QgsException, OSError) as error:
            log.warning(tr("Der Lauf konnte nicht ins Laufregister in {store} eingetragen werden: {error}").format(
                store=store.text(), error=error))


def _add(project: QgsProject, group, results: list[Result], layers: list[QgsVectorLayer]) -> list[QgsVectorLayer]:
    for result, layer in zip(results, layers):
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(result.visible)
    return layers

