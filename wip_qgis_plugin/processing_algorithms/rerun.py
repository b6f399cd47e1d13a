"""wip:rerun – Lauf wiederholen und vergleichen: a run of the run register computed again with its registered
parameters and inputs; each of its feature outputs is compared with the table it wrote then (features, area, values),
and inputs that changed since are named."""
from __future__ import annotations

import json
import os
import tempfile

from qgis.core import (
    QgsApplication,
    QgsFields,
    QgsProcessing,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core.lazy import lazy_module
from ..qgis_io.compat import BOOL, DOUBLE, LONG, STRING, WKB_NO_GEOMETRY, new_field
from ..qgis_io.database import DATABASE_PREFIXES
from ..qgis_io.layers import read_frame, table_rows, write_frame
from ..qgis_io.register import OK, REGISTER_TABLE, content_checksum, file_checksum
from .base import WipAlgorithm
from .guards import destination_place

np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

# what counts as the same result: areas to a square metre, values to nine significant digits
AREA_TOLERANCE_HA = 1e-4
VALUE_TOLERANCE = 1e-9
COMPARISON_FIELDS = (("output", STRING), ("stored", STRING), ("features_stored", LONG), ("features_rerun", LONG),
                     ("area_stored_ha", DOUBLE), ("area_rerun_ha", DOUBLE), ("area_changed_ha", DOUBLE),
                     ("largest_value_change", DOUBLE), ("changed_field", STRING), ("same", BOOL), ("note", STRING))


class RerunAlgorithm(WipAlgorithm):
    algorithm_id = "rerun"

    REGISTER = "REGISTER"
    RUN_ID = "RUN_ID"
    OUTPUT = "OUTPUT"
    SAME = "SAME"

    def shortHelpString(self):
        return self.tr(
            "Rechnet einen Lauf aus dem Laufregister (Tabelle wip_laeufe einer Ergebnis-GeoPackage-Datei oder eines "
            "Datenbankschemas) mit seinen Parametern und Eingaben noch einmal und vergleicht jedes Ergebnis mit der "
            "Tabelle, die er damals geschrieben hat: Zahl der Objekte, Fläche, die Fläche, die sich geändert hat, "
            "und die größte Änderung eines Werts. Eingaben, die sich seit dem Lauf geändert haben (Prüfsumme), "
            "werden genannt. Ohne Lauf-ID wird der jüngste erfolgreiche Lauf wiederholt. Die Wiederholung schreibt "
            "nichts in die Tabellen des Laufs; ihr eigener Eintrag steht im Register des Vergleichs.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.REGISTER, self.tr("Laufregister (Tabelle {table})").format(table=REGISTER_TABLE),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.RUN_ID, self.tr("Lauf-ID (leer: der jüngste Lauf)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Vergleich mit dem gespeicherten Lauf"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputBoolean(self.SAME, self.tr("Gleiches Ergebnis")))

    def process(self, parameters, context, feedback):
        row = self._run(parameters, context)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(row["algorithm"])
        if algorithm is None:
            raise QgsProcessingException(self.tr("Den Algorithmus {algorithm} des Laufs gibt es hier nicht.").format(
                algorithm=row["algorithm"]))
        stored = json.loads(row["parameters"] or "{}")
        outputs = json.loads(row["outputs"] or "{}")
        changed = self._changed_inputs(json.loads(row["inputs"] or "[]"))
        for name in changed:
            feedback.pushWarning(self.tr("Die Eingabe „{input}“ hat sich seit dem Lauf geändert.").format(input=name))
        rerun_parameters, layers = self._parameters(algorithm, stored)
        feedback.pushInfo(self.tr("Lauf {run} ({algorithm}, {started}) wird wiederholt.").format(
            run=row["run_id"], algorithm=algorithm.displayName(), started=row["started"]))
        results, _ok = algorithm.run(rerun_parameters, context, feedback, {}, False)
        del layers  # the registered database inputs, kept open for the run
        rows = []
        for definition in algorithm.destinationParameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterFeatureSink) or not outputs.get(definition.name()):
                continue
            rows.append(self._compare(definition, outputs[definition.name()], results.get(definition.name()),
                                      context, changed))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, self._fields(), WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_frame(pd.DataFrame(rows, columns=[name for name, _kind in COMPARISON_FIELDS]), sink, feedback)
        same = bool(rows) and all(values["same"] for values in rows)
        feedback.pushInfo(self.tr("Gleiches Ergebnis.") if same else self.tr("Das Ergebnis weicht ab (siehe "
                                                                             "Vergleich)."))
        return {self.OUTPUT: destination, self.SAME: same}

    @staticmethod
    def _fields() -> QgsFields:
        fields = QgsFields()
        for name, kind in COMPARISON_FIELDS:
            fields.append(new_field(name, kind))
        return fields

    def _run(self, parameters, context) -> dict:
        layer = self.parameterAsVectorLayer(parameters, self.REGISTER, context)
        if layer is None or layer.fields().lookupField("run_id") < 0 or layer.fields().lookupField("parameters") < 0:
            raise QgsProcessingException(self.tr("Bitte die Tabelle {table} eines Laufregisters wählen.").format(
                table=REGISTER_TABLE))
        rows = table_rows(layer)
        wanted = self.parameterAsString(parameters, self.RUN_ID, context).strip()
        if wanted:
            row = next((row for row in rows if row["run_id"] == wanted), None)
            if row is None:
                raise QgsProcessingException(self.tr("Im Laufregister gibt es keinen Lauf {run}.").format(run=wanted))
            if row["outcome"] != OK:
                raise QgsProcessingException(self.tr("Der Lauf {run} ist nicht erfolgreich beendet worden; es gibt "
                                                     "kein Ergebnis zum Vergleichen.").format(run=wanted))
            return row
        done = [row for row in rows if row["outcome"] == OK and row["algorithm"] != f"wip:{self.algorithm_id}"]
        if not done:
            raise QgsProcessingException(self.tr("Das Laufregister enthält keinen erfolgreichen Lauf."))
        return max(done, key=lambda row: str(row["started"]))

    @staticmethod
    def _changed_inputs(inputs: list) -> list[str]:
        """The registered inputs whose content differs today (or that are gone)."""
        changed = []
        for entry in inputs:
            if "checksum" not in entry:
                continue
            now = _checksum_now(entry)
            if now != entry["checksum"]:
                changed.append(f"{entry.get('parameter') or entry.get('name')} ({entry.get('source', '')})")
        return changed

    def _parameters(self, algorithm, stored: dict) -> tuple[dict, list]:
        """The registered parameters with layers opened again and every output temporary; without those the
        algorithm names in ``RERUN_WITHOUT`` (a working folder whose kept results would only be taken over)."""
        parameters, layers = {}, []
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            if name not in stored or name in getattr(algorithm, "RERUN_WITHOUT", ()):
                continue
            value = stored[name]
            if isinstance(definition, QgsProcessingDestinationParameter):
                if isinstance(definition, QgsProcessingParameterFileDestination) and isinstance(value, str):
                    folder = tempfile.mkdtemp(prefix="wip_rerun_", dir=QgsProcessingUtils.tempFolder())
                    parameters[name] = os.path.join(folder, os.path.basename(value) or "ergebnis")
                else:
                    parameters[name] = QgsProcessing.TEMPORARY_OUTPUT
                continue
            parameters[name] = _opened(value, layers)
        return parameters, layers

    def _compare(self, definition, stored_destination, rerun_value, context, changed: list[str]) -> dict:
        stored = _stored_layer(stored_destination)
        rerun = QgsProcessingUtils.mapLayerFromString(rerun_value, context) if isinstance(rerun_value, str) \
            else rerun_value
        values = {"output": definition.description(), "stored": str(stored_destination)}
        if stored is None or not stored.isValid():
            return dict(values, same=False, note=self.tr("Die gespeicherte Tabelle ist nicht mehr lesbar."))
        if not isinstance(rerun, QgsVectorLayer):
            return dict(values, same=False, note=self.tr("Die Wiederholung hat dieses Ergebnis nicht geschrieben."))
        then, now = read_frame(stored, None, context), read_frame(rerun, stored.crs(), context)
        values.update(features_stored=len(then), features_rerun=len(now))
        keys = {"fid"} | {stored.fields().at(index).name() for index in stored.dataProvider().pkAttributeIndexes()}
        spatial = stored.isSpatial() and len(then) + len(now) > 0
        if spatial:
            before = np.asarray(then.geometry.values, dtype=object)
            after = np.asarray(now.geometry.values, dtype=object)
            values["area_stored_ha"] = float(shapely.area(before).sum()) / 1e4
            values["area_rerun_ha"] = float(shapely.area(after).sum()) / 1e4
            values["area_changed_ha"] = float(shapely.area(shapely.symmetric_difference(
                shapely.union_all(before), shapely.union_all(after)))) / 1e4
        change, field = _largest_value_change(then, now, keys)
        values.update(largest_value_change=change, changed_field=field)
        same = len(then) == len(now) and (not spatial or values["area_changed_ha"] <= AREA_TOLERANCE_HA) and \
            (change is None or change <= VALUE_TOLERANCE)
        notes = []
        if changed:
            notes.append(self.tr("Eingaben geändert: {inputs}").format(inputs=", ".join(changed)))
        return dict(values, same=same, note="; ".join(notes) or None)


def _checksum_now(entry: dict) -> str | None:
    """A registered input's checksum as it is today (its source names its filter); None when it is gone."""
    provider, source = entry.get("provider"), entry.get("source", "")
    if provider is not None:
        layer = QgsVectorLayer(source, entry.get("name", ""), provider)
        if layer.isValid():
            return content_checksum(layer)[1]
    return file_checksum(source) if os.path.isfile(source) else None  # a file or raster input


def _opened(value, layers: list):
    """A registered parameter value as Processing takes it: file layers by their source, database layers opened."""
    if isinstance(value, list):
        return [_opened(item, layers) for item in value]
    if isinstance(value, dict) and "source" in value and "provider" in value:
        if value["provider"] in ("ogr", "gdal"):  # the source names its filter
            return value["source"]
        layer = QgsVectorLayer(value["source"], value.get("name", ""), value["provider"])
        layers.append(layer)
        return layer
    if isinstance(value, dict) and "source" in value:  # a source with its selection: the whole layer now
        return _opened(value["source"], layers)
    return value


def _stored_layer(destination: str) -> QgsVectorLayer | None:
    if not isinstance(destination, str):
        return None
    if destination.startswith(DATABASE_PREFIXES):
        return QgsVectorLayer(destination.split(":", 1)[1], "gespeichert", "postgres")
    place = destination_place(destination)
    if place is None:
        return None
    source = f"{place.path}|layername={place.table}" if place.table else place.path
    return QgsVectorLayer(source, "gespeichert", "ogr")


def _largest_value_change(then, now, keys: set) -> tuple[float | None, str | None]:
    """The largest relative change of a numeric column: value by value in sorted order where both have as many rows
    (the ids of a rerun's features need not be the stored ones), else of the column's total; None when no numeric
    column is shared."""
    largest, where = None, None
    for column in then.columns:
        if column in keys or column == "geometry" or column not in now.columns:
            continue
        before = pd.to_numeric(then[column], errors="coerce").to_numpy(dtype=float)
        after = pd.to_numeric(now[column], errors="coerce").to_numpy(dtype=float)
        if np.isnan(before).all() and np.isnan(after).all():
            continue
        if len(before) == len(after):
            before, after = np.sort(before), np.sort(after)
        else:
            before, after = np.array([np.nansum(before)]), np.array([np.nansum(after)])
        scale = np.maximum(np.maximum(np.abs(before), np.abs(after)), 1.0)
        difference = np.where(np.isnan(before) & np.isnan(after), 0.0, np.abs(after - before) / scale)
        change = float(np.nan_to_num(difference, nan=1.0).max()) if len(difference) else 0.0
        if largest is None or change > largest:
            largest, where = change, column
    return largest, where
