"""The checks every WIP algorithm passes before it reads or writes anything, the staging of its file outputs, and
the clean-up after a run that failed or was stopped.

Nothing a planner owns may be lost: an output must never be one of the run's input files (Processing would replace
the whole file) or input tables of a database, two outputs must never land on the same file or table, a folder is no
output file, and a spatial input without a coordinate reference system is refused instead of being silently dropped
or mismeasured.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDataSourceUri,
    QgsFeatureSink,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsProxyFeatureSink,
    QgsVectorLayer,
)
from qgis.PyQt import sip

from .. import settings
from ..core.i18n import tr
from ..qgis_io.database import DATABASE_ERRORS, DATABASE_PREFIXES, connection, qualified_table, quoted
from ..qgis_io.geopackage import GeoPackageSink

# the GeoPackage/SQLite companions that belong to a file and go with it
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Place:
    """Where a layer lives or an output goes: a file, and within it a table (None: the whole file); or a table
    (``"schema"."name"``) of a PostgreSQL database (``path`` then names the server and database)."""

    path: str
    table: str | None
    database: bool = False
    uri: str = field(default="", compare=False)  # a database table's connection

    def same_file(self, other: Place) -> bool:
        return self.path == other.path

    def changes(self, other: Place) -> bool:
        """Whether writing here changes the input at ``other``: a file output changes its whole file (Processing
        writes it anew, or adds a table), a database output only its table."""
        return self.overlaps(other) if self.database else self.same_file(other)

    def overlaps(self, other: Place) -> bool:
        """Whether writing one replaces the other: the same file, and the whole file or the same table."""
        return self.same_file(other) and (self.table is None or other.table is None
                                          or self.table.lower() == other.table.lower())

    def text(self) -> str:
        return tr("{path}, Tabelle {table}").format(path=self.path, table=self.table) if self.table else self.path


def _real(path: str) -> str:
    return os.path.realpath(os.path.expanduser(path))


def database_place(uri: str) -> Place:
    """The table of a PostgreSQL connection ``uri``; the server counts by name and port, the user does not."""
    parts = QgsDataSourceUri(uri)
    host = parts.host() if parts.host() not in ("", "127.0.0.1", "::1") else "localhost"
    server = f"service={parts.service()}" if parts.service() else f"{host}:{parts.port() or 5432}"
    return Place(f"postgres://{server}/{parts.database()}",
                 f'"{parts.schema() or "public"}"."{parts.table()}"', database=True, uri=uri)


def layer_place(layer: QgsMapLayer) -> Place | None:
    """The file (and table) behind a layer, or its table in a PostgreSQL database; None for memory and web layers."""
    if layer.providerType() == "postgres":
        return database_place(layer.source())
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    if not path:
        return None
    return Place(_real(path), parts.get("layerName") or None)


_OGR_URI = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')*)'\s+table=\"(?P<table>(?:[^\"]|\"\")*)\"")


def destination_place(destination: str) -> Place | None:
    """Where a Processing destination string writes: a plain path (the whole file is written anew), an
    ``ogr:dbname='…' table="…"`` table of a file, a ``postgres:…`` table of a database, or None for memory layers,
    other databases and temporary outputs."""
    if not destination or destination == QgsProcessing.TEMPORARY_OUTPUT or destination.startswith("memory:"):
        return None
    if destination.startswith(DATABASE_PREFIXES):
        return database_place(destination.split(":", 1)[1])
    match = _OGR_URI.match(destination)
    if match:
        return Place(_real(match["path"].replace("''", "'")), match["table"].replace('""', '"'))
    if re.match(r"^[a-z]+://", destination) or destination.startswith(("spatialite:", "mssql:")):
        return None
    path, _, options = destination.partition("|")
    table = options.split("layername=", 1)[1].split("|")[0] if "layername=" in options else None
    return Place(_real(path), table)


LAYER_PARAMETERS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                    QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer)


def run_inputs(algorithm, parameters, context) -> list[tuple[str, QgsMapLayer | str]]:
    """(parameter description, layer or file path) of every layer and file the run reads."""
    found = []
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if isinstance(definition, QgsProcessingDestinationParameter) or parameters.get(name) is None:
            continue
        if isinstance(definition, QgsProcessingParameterMultipleLayers):
            values = algorithm.parameterAsLayerList(parameters, name, context)
        elif isinstance(definition, LAYER_PARAMETERS):
            values = [algorithm.parameterAsLayer(parameters, name, context)]
        elif isinstance(definition, QgsProcessingParameterFile):
            values = [algorithm.parameterAsFile(parameters, name, context)]
        else:
            continue
        found += [(definition.description(), value) for value in values if value]
    return found


def _input_places(algorithm, parameters, context) -> list[tuple[str, Place]]:
    """(parameter description, place) of every file the run reads."""
    places = []
    for label, value in run_inputs(algorithm, parameters, context):
        if isinstance(value, str) and Path(value).is_dir():  # a folder input: the files in it are read
            places += [(label, Place(_real(str(path)), None)) for path in Path(value).iterdir() if path.is_file()]
            continue
        place = Place(_real(value), None) if isinstance(value, str) else layer_place(value)
        if place is not None:
            places.append((label, place))
    return places


def _destination(algorithm, parameters, definition, context) -> str:
    name = definition.name()
    if isinstance(definition, QgsProcessingParameterFileDestination):
        return algorithm.parameterAsFileOutput(parameters, name, context)
    if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                               QgsProcessingParameterRasterDestination)):
        return algorithm.parameterAsOutputLayer(parameters, name, context)
    return ""


def output_places(algorithm, parameters, context) -> list[tuple[str, Place]]:
    """(output description, place) of every file output the run writes."""
    places = []
    for definition in algorithm.destinationParameterDefinitions():
        if parameters.get(definition.name()) is None and definition.flags() & definition.Flag.FlagOptional:
            continue
        place = destination_place(_destination(algorithm, parameters, definition, context))
        if place is not None:
            places.append((definition.description(), place))
    return places


def check_outputs(algorithm, parameters, context) -> list[tuple[str, Place]]:
    """Refuse, before anything is written, an output that is a folder, that goes into one of the input files (a
    plain path would replace the whole file, a new table would still change it), or that would replace another
    output (the same file, unless both are different tables of it). Returns the output places."""
    inputs = _input_places(algorithm, parameters, context)
    outputs = output_places(algorithm, parameters, context)
    for number, (label, place) in enumerate(outputs):
        if not place.database and os.path.isdir(place.path):
            raise QgsProcessingException(tr(
                "Ausgabe „{output}“: {path} ist ein Ordner. Bitte einen Dateinamen angeben, z. B. "
                "{example}.").format(output=label, path=place.path,
                                     example=os.path.join(place.path, "ergebnis.gpkg")))
        for input_label, input_place in inputs:
            if not place.changes(input_place):
                continue
            if place.database:
                raise QgsProcessingException(tr(
                    "Ausgabe „{output}“ würde die Tabelle der Eingabe „{input}“ ersetzen ({table}). Bitte eine "
                    "andere Tabelle wählen: Eingaben werden nie verändert.").format(
                    output=label, input=input_label, table=input_place.text()))
            raise QgsProcessingException(tr(
                "Ausgabe „{output}“ würde in die Datei der Eingabe „{input}“ schreiben ({path}). Bitte eine "
                "andere Datei wählen: Eingaben werden nie verändert.").format(
                output=label, input=input_label, path=input_place.text()))
        for other_label, other in outputs[number + 1:]:
            if place.overlaps(other):
                raise QgsProcessingException(tr(
                    "Die Ausgaben „{first}“ und „{second}“ gehen in dieselbe Datei {path}; die eine würde die "
                    "andere ersetzen. Bitte verschiedene Dateien wählen oder verschiedene Tabellen einer "
                    "GeoPackage-Datei oder Datenbank.").format(first=label, second=other_label, path=place.text()))
    return outputs


def _spatial_inputs(algorithm, parameters, context) -> list[tuple[str, QgsMapLayer]]:
    return [(label, value) for label, value in run_inputs(algorithm, parameters, context)
            if not isinstance(value, str) and value.isSpatial()]


def check_run(algorithm, parameters, context, feedback=None) -> list[tuple[str, Place]]:
    """All checks before a run; returns the output places."""
    check_input_crs(algorithm, parameters, context, feedback)
    check_fields(algorithm, parameters, context)
    return check_outputs(algorithm, parameters, context)


def check_fields(algorithm, parameters, context) -> None:
    """Every field a field parameter names exists in the layer it belongs to (a model or batch row may name a
    field of another layer)."""
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterField) or parameters.get(definition.name()) is None:
            continue
        parent = definition.parentLayerParameterName()
        layer = algorithm.parameterAsLayer(parameters, parent, context) if parent else None
        if not isinstance(layer, QgsVectorLayer):
            continue
        names = layer.fields().names()
        for name in algorithm.parameterAsFields(parameters, definition.name(), context):
            if name and name not in names:
                raise QgsProcessingException(tr(
                    "{parameter}: die Ebene „{layer}“ hat kein Feld „{field}“ (vorhanden: {fields}).").format(
                    parameter=definition.description(), layer=layer.name(), field=name,
                    fields=", ".join(names)))


def check_input_crs(algorithm, parameters, context, feedback) -> None:
    """A spatial input without a coordinate reference system cannot be measured or overlaid: refuse it by name.
    Data that lies outside the area its CRS is made for is measured with large errors: warn."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    for label, layer in _spatial_inputs(algorithm, parameters, context):
        crs = layer.crs()
        if not crs.isValid():
            raise QgsProcessingException(tr(
                "Die Ebene „{layer}“ ({input}) hat kein Koordinatenbezugssystem. Bitte in den Layereigenschaften "
                "(Quelle) das richtige KBS zuweisen, z. B. EPSG:25832 für Sachsen-Anhalt.").format(
                layer=layer.name(), input=label))
        bounds = crs.bounds()  # the CRS's area of use, in WGS 84
        extent = layer.extent()
        if crs.isGeographic() or bounds.isEmpty() or extent.isEmpty() or feedback is None:
            continue
        try:
            extent = QgsCoordinateTransform(crs, wgs84, QgsProject.instance().transformContext()) \
                .transformBoundingBox(extent)
        except QgsCsException:  # coordinates the CRS cannot even transform are far outside it
            extent = None
        if extent is None or not bounds.buffered(1.0).contains(extent):
            feedback.pushWarning(tr(
                "Die Ebene „{layer}“ liegt außerhalb des Gebiets, für das ihr KBS {crs} gemacht ist; Flächen und "
                "Abstände können dort stark verzerrt sein. Ist das KBS richtig zugewiesen?").format(
                layer=layer.name(), crs=crs.authid()))


def snapshot(places: list[tuple[str, Place]]) -> dict[Place, tuple[bool, bool]]:
    """For each output file whether it and its table exist before the run (what a failed run must keep). Database
    tables are written under staged names (``StagedSinks``), never in place."""
    return {place: (os.path.exists(place.path), place.table is not None and _has_table(place))
            for _label, place in places if not place.database}


def remove_new_outputs(before: dict[Place, tuple[bool, bool]]) -> None:
    """After a failed or cancelled run: remove every output file, or table of an existing file, that the run
    created."""
    for place, (file_existed, table_existed) in before.items():
        if not file_existed:
            for suffix in COMPANION_SUFFIXES:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(place.path + suffix)
        elif place.table is not None and not table_existed:
            table = _table_name(place)
            if table is not None:
                _connection(place.path).dropVectorTable("", table)


def _connection(path: str):
    return QgsProviderRegistry.instance().providerMetadata("ogr").createConnection(path, {})


def _table_name(place: Place) -> str | None:
    """The table's name as the file spells it (GeoPackage table names are case-insensitive)."""
    try:
        tables = _connection(place.path).tables()
    except QgsProviderConnectionException:
        return None
    return next((table.tableName() for table in tables if table.tableName().lower() == place.table.lower()), None)


def _has_table(place: Place) -> bool:
    return os.path.exists(place.path) and _table_name(place) is not None


STAGED_NAME = "ergebnis"  # every file in a staging folder is this name plus the suffixes of its format


def staging_file(final_path: str) -> str:
    """A new empty file of ``final_path``'s type in a folder of its own under Processing's temporary folder: what a
    run writes there never reaches the planner's folder unless :func:`move_into_place` puts it there."""
    folder = tempfile.mkdtemp(prefix="wip_", dir=QgsProcessingUtils.tempFolder())
    path = os.path.join(folder, STAGED_NAME + Path(final_path).suffix)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # the umask applies, unlike mkstemp
    return path


def move_into_place(staged: str, final_path: str) -> None:
    """Move a finished file and its companions (a shapefile's .dbf and .prj …) to ``final_path``; within one file
    system each move is atomic."""
    folder, stem = os.path.dirname(staged), os.path.splitext(final_path)[0]
    for name in sorted(os.listdir(folder)):
        shutil.move(os.path.join(folder, name), stem + name[len(STAGED_NAME):])
    discard(staged)


def write_text_file(final_path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``final_path`` through a staging file: a write that fails leaves no file behind
    and becomes the run's message."""
    staged = staging_file(final_path)
    try:
        Path(staged).write_text(text, encoding="utf-8")
        move_into_place(staged, final_path)
    except OSError as error:
        raise QgsProcessingException(tr("Die Datei konnte nicht geschrieben werden: {error}").format(
            error=error)) from error
    finally:
        discard(staged)


def discard(staged: str) -> None:
    shutil.rmtree(os.path.dirname(staged), ignore_errors=True)


STAGED_TABLE = "wip_unfertig_"  # the name of a database output while its run is still writing it


class CountingSink(QgsProxyFeatureSink):
    """A sink that counts the features it passed on: QGIS's database exporter keeps features in a buffer and may
    lose a batch without an error (its server gone), so a table is checked against this count before it is kept."""

    def __init__(self, sink):
        super().__init__(sink)
        self.sink = sink  # the proxy does not own it: ``StagedSinks.close_sinks`` closes it
        self.count = 0

    def addFeature(self, feature, flags=None):  # noqa: N802 - QGIS API
        return self.addFeatures([feature], flags)

    def addFeatures(self, features, flags=None):  # noqa: N802 - QGIS API
        added = super().addFeatures(features, QgsFeatureSink.Flags() if flags is None else flags)
        self.count += len(features) if added else 0
        return added


def _replace_table(staged_uri: str, final_uri: str, count: int) -> None:
    """In one transaction: the staged table takes the final table's place (the final one, if any, is dropped), with
    a primary key and spatial index named after it; refused when it does not hold the ``count`` features written.
    Runs publishing into the same table at once do it one after the other: the last one's table stays."""
    staged, final = QgsDataSourceUri(staged_uri), QgsDataSourceUri(final_uri)
    schema, table = quoted(final.schema() or "public"), qualified_table(final_uri)
    arrived = int(connection(final_uri).executeSql(f"SELECT count(*) FROM {qualified_table(staged_uri)}")[0][0])
    if arrived != count:
        raise QgsProcessingException(tr(
            "Das Ergebnis ist nur zum Teil in der Datenbank angekommen ({arrived} von {count} Objekten); die Tabelle "
            "{table} bleibt unverändert.").format(arrived=arrived, count=count, table=database_place(final_uri).text()))
    # runs into the same new table at once take turns: without the lock both find none to drop, and the second
    # rename fails on the first one's table
    lock = "SELECT pg_advisory_xact_lock(hashtext('" + table.replace("'", "''") + "'))"
    statements = [lock, f"DROP TABLE IF EXISTS {table}",
                  f"ALTER TABLE {qualified_table(staged_uri)} RENAME TO {quoted(final.table())}",
                  f"ALTER INDEX IF EXISTS {schema}.{quoted(staged.table() + '_pkey')} "
                  f"RENAME TO {quoted(final.table() + '_pkey')}"]
    geometry = staged.geometryColumn()
    if geometry:
        statements.append(f"CREATE INDEX {quoted(final.table() + '_' + geometry + '_idx')} ON {table} "
                          f"USING GIST ({quoted(geometry)})")
    connection(final_uri).executeSql("BEGIN; " + "; ".join(statements) + "; COMMIT")


def _drop_table(uri: str) -> None:
    connection(uri).executeSql(f"DROP TABLE IF EXISTS {qualified_table(uri)}")


class StagedSinks:
    """Feature outputs to plain files are written under temporary names in Processing's temporary folder, outputs to
    a PostgreSQL table into a table of a temporary name beside it; both are moved into place only when the run has
    succeeded: a run that fails, is cancelled or is killed leaves no file in the planner's folder and no table in the
    office database, and an existing file or table is replaced only by a finished result. (Outputs into a table of an
    existing GeoPackage are written in place; a failed run drops the table again.)"""

    MULTI_LAYER = (".gpkg", ".sqlite")  # the staged file keeps the table name the final path would give

    def __init__(self):
        self.files: dict[str, str] = {}  # staged file → final path
        self.tables: dict[str, str] = {}  # staged table's connection → final table's
        self.sinks: dict[str, CountingSink] = {}  # staged table's connection → the sink writing it
        self.destinations: dict[str, str] = {}  # staged destination as Processing reports it → final destination
        self.geopackages: dict[str, str] = {}  # staged destination of a new GeoPackage → its file

    def stage(self, final_destination: str, spatial: bool = True) -> str | None:
        """The destination to write instead of ``final_destination`` (of a ``spatial`` output or a table without
        geometry); None to write in place."""
        place = destination_place(final_destination)
        if place is not None and place.database:
            prefix, uri = final_destination.split(":", 1)
            staged = QgsDataSourceUri(uri)
            staged.setTable(STAGED_TABLE + uuid.uuid4().hex[:12])
            if not spatial:  # the database connection of a table without geometry names no geometry column
                staged.setGeometryColumn("")
            self.tables[staged.uri(False)] = uri
            return f"{prefix}:{staged.uri(False)}"
        if place is None or place.table is not None or \
                os.path.realpath(place.path).startswith(os.path.realpath(QgsProcessingUtils.tempFolder())):
            return None
        staged = staging_file(place.path)
        os.remove(staged)  # the writer creates the file itself
        self.files[staged] = place.path
        if Path(place.path).suffix.lower() in self.MULTI_LAYER:
            destination = f"ogr:dbname='{staged}' table=\"{Path(place.path).stem}\" (geom)"
            if Path(place.path).suffix.lower() == ".gpkg":
                self.geopackages[destination] = staged
            return destination
        return staged

    def remember(self, staged_destination: str, final_destination: str) -> None:
        self.destinations[staged_destination] = final_destination

    def handed_over(self, staged: str, sink, fields, geometry_type):
        """The sink to hand the algorithm for the ``staged`` destination: counted where it writes a table, to be
        filled in bulk where it writes a new GeoPackage."""
        if sink is None:
            return sink
        if staged in self.geopackages:
            return GeoPackageSink(sink, self.geopackages[staged], fields, geometry_type)
        uri = staged.split(":", 1)[1]
        if uri not in self.tables:
            return sink
        self.sinks[uri] = CountingSink(sink)
        return self.sinks[uri]

    def final_destination(self, final: str, staged: str) -> str:
        """The destination a staged table will have: ``final``, without a geometry column where it has none."""
        prefix, uri = staged.split(":", 1)
        if uri not in self.tables or QgsDataSourceUri(uri).geometryColumn():
            return final
        table = QgsDataSourceUri(final.split(":", 1)[1])
        table.setGeometryColumn("")
        return f"{prefix}:{table.uri(False)}"

    def final(self, value):
        """A result value with staged destinations replaced by their final ones."""
        return self.destinations.get(value, value) if isinstance(value, str) else value

    def commit(self) -> None:
        try:
            for staged, final_path in self.files.items():
                move_into_place(staged, final_path)
        except OSError as error:
            raise QgsProcessingException(tr("Das Ergebnis konnte nicht nach {path} geschrieben werden ({error}).")
                                         .format(path=final_path, error=error.strerror or error)) from error
        counts = {staged: sink.count for staged, sink in self.sinks.items()}
        self.close_sinks()
        for staged, final in self.tables.items():
            try:
                _replace_table(staged, final, counts.get(staged, 0))
            except DATABASE_ERRORS as error:
                raise QgsProcessingException(tr(
                    "Das Ergebnis konnte nicht in die Tabelle {table} geschrieben werden ({error}).").format(
                    table=database_place(final).text(), error=str(error).strip())) from error

    def close_sinks(self) -> None:
        """Close the database sinks: QGIS's exporter writes its buffered features when it is deleted, which a
        Python wrapper alone does not ensure."""
        for sink in self.sinks.values():
            if not sip.isdeleted(sink.sink):
                sip.delete(sink.sink)
        self.sinks.clear()

    def discard(self) -> list[str]:
        """Remove what was staged; returns the staged tables that could not be dropped (their server is gone): the
        next run into their database drops them."""
        self.close_sinks()
        for staged in self.files:
            discard(staged)
        left = []
        for staged in self.tables:
            try:
                _drop_table(staged)
            except DATABASE_ERRORS:
                left.append(staged)
        if left:
            settings.set_unfinished_tables(settings.unfinished_tables() + left)
        return [database_place(uri).text() for uri in left]


def drop_unfinished_tables(places: list[tuple[str, Place]]) -> None:
    """Drop the tables that failed runs left in the databases of ``places`` (outputs of the run about to start)."""
    databases = {place.path for _label, place in places if place.database}
    left = []
    for uri in settings.unfinished_tables():
        try:
            if database_place(uri).path in databases:
                _drop_table(uri)
                continue
        except DATABASE_ERRORS:
            pass
        left.append(uri)
    settings.set_unfinished_tables(left)
