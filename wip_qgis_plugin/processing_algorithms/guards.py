"""The checks every WIP algorithm passes before it reads or writes anything, the staging of its file outputs, and
the clean-up after a run that failed or was stopped.

Nothing a planner owns may be lost: an output must never be one of the run's input files (Processing would replace
the whole file), two outputs must never land on the same file or table, a folder is no output file, and a spatial
input without a coordinate reference system is refused instead of being silently dropped or mismeasured.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
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
    QgsVectorLayer,
)

from ..core.i18n import tr

# the GeoPackage/SQLite companions that belong to a file and go with it
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Place:
    """Where a layer lives or an output goes: a file, and within it a table (None: the whole file)."""

    path: str
    table: str | None

    def same_file(self, other: Place) -> bool:
        return self.path == other.path

    def overlaps(self, other: Place) -> bool:
        """Whether writing one replaces the other: the same file, and the whole file or the same table."""
        return self.same_file(other) and (self.table is None or other.table is None
                                          or self.table.lower() == other.table.lower())

    def text(self) -> str:
        return tr("{path}, Tabelle {table}").format(path=self.path, table=self.table) if self.table else self.path


def _real(path: str) -> str:
    return os.path.realpath(os.path.expanduser(path))


def layer_place(layer: QgsMapLayer) -> Place | None:
    """The file (and table) behind a layer; None for memory, database and web layers."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    if not path:
        return None
    return Place(_real(path), parts.get("layerName") or None)


_OGR_URI = re.compile(r"^ogr:dbname='(?P<path>(?:[^']|'')*)'\s+table=\"(?P<table>(?:[^\"]|\"\")*)\"")


def destination_place(destination: str) -> Place | None:
    """Where a Processing destination string writes: a plain path (the whole file is written anew), an
    ``ogr:dbname='…' table="…"`` table of a file, or None for memory layers, databases and temporary outputs."""
    if not destination or destination == QgsProcessing.TEMPORARY_OUTPUT or destination.startswith("memory:"):
        return None
    match = _OGR_URI.match(destination)
    if match:
        return Place(_real(match["path"].replace("''", "'")), match["table"].replace('""', '"'))
    if re.match(r"^[a-z]+://", destination) or destination.startswith(("postgres:", "spatialite:", "mssql:")):
        return None
    path, _, options = destination.partition("|")
    table = options.split("layername=", 1)[1].split("|")[0] if "layername=" in options else None
    return Place(_real(path), table)


LAYER_PARAMETERS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                    QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer)


def _inputs(algorithm, parameters, context) -> list[tuple[str, QgsMapLayer | str]]:
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
    for label, value in _inputs(algorithm, parameters, context):
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
        if os.path.isdir(place.path):
            raise QgsProcessingException(tr(
                "Ausgabe „{output}“: {path} ist ein Ordner. Bitte einen Dateinamen angeben, z. B. "
                "{example}.").format(output=label, path=place.path,
                                     example=os.path.join(place.path, "ergebnis.gpkg")))
        for input_label, input_place in inputs:
            if place.same_file(input_place):
                raise QgsProcessingException(tr(
                    "Ausgabe „{output}“ würde in die Datei der Eingabe „{input}“ schreiben ({path}). Bitte eine "
                    "andere Datei wählen: Eingaben werden nie verändert.").format(
                    output=label, input=input_label, path=input_place.text()))
        for other_label, other in outputs[number + 1:]:
            if place.overlaps(other):
                raise QgsProcessingException(tr(
                    "Die Ausgaben „{first}“ und „{second}“ gehen in dieselbe Datei {path}; die eine würde die "
                    "andere ersetzen. Bitte verschiedene Dateien wählen oder verschiedene Tabellen einer "
                    "GeoPackage-Datei.").format(first=label, second=other_label, path=place.text()))
    return outputs


def _spatial_inputs(algorithm, parameters, context) -> list[tuple[str, QgsMapLayer]]:
    return [(label, value) for label, value in _inputs(algorithm, parameters, context)
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
    """For each output place whether its file and its table exist before the run (what a failed run must keep)."""
    return {place: (os.path.exists(place.path), place.table is not None and _has_table(place))
            for _label, place in places}


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


class StagedSinks:
    """Feature outputs to plain files are written under temporary names in Processing's temporary folder and moved
    into place only when the run has succeeded: a run that fails, is cancelled or is killed leaves no file in the
    planner's folder, and an existing file is replaced only by a finished result. (Outputs into a table of an
    existing GeoPackage are written in place; a failed run drops the table again.)"""

    MULTI_LAYER = (".gpkg", ".sqlite")  # the staged file keeps the table name the final path would give

    def __init__(self):
        self.files: dict[str, str] = {}  # staged file → final path
        self.destinations: dict[str, str] = {}  # staged destination as Processing reports it → final destination

    def stage(self, final_destination: str) -> str | None:
        """The destination to write instead of ``final_destination``; None to write in place."""
        place = destination_place(final_destination)
        if place is None or place.table is not None or \
                os.path.realpath(place.path).startswith(os.path.realpath(QgsProcessingUtils.tempFolder())):
            return None
        staged = staging_file(place.path)
        os.remove(staged)  # the writer creates the file itself
        self.files[staged] = place.path
        if Path(place.path).suffix.lower() in self.MULTI_LAYER:
            return f"ogr:dbname='{staged}' table=\"{Path(place.path).stem}\" (geom)"
        return staged

    def remember(self, staged_destination: str, final_destination: str) -> None:
        self.destinations[staged_destination] = final_destination

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

    def discard(self) -> None:
        for staged in self.files:
            discard(staged)
