"""Every run into the register of the stores its results go to (``qgis_io.register``): started before anything is
read, finished with the outcome, the results and the run's messages."""
from __future__ import annotations

import datetime
import json
import os

from qgis.core import (
    QgsException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core.i18n import tr
from ..core.version import plugin_version
from ..qgis_io.layers import table_rows
from ..qgis_io.register import (
    OK,
    REGISTER_TABLE,
    RUN_ID,
    InputChecksums,
    RegisterError,
    RunRecord,
    append,
    checksum_fields,
    file_checksum,
    file_checksum_fields,
    layer_entry,
    parameter_value,
    remember,
    store_of,
)
from .guards import LAYER_PARAMETERS, Place, destination_place, layer_place, run_inputs


def start_record(algorithm, parameters: dict, context, outputs: list[tuple[str, Place]]):
    """The run's register row as far as it is known before the run, and the stores it goes to. The checksums of
    inputs in files (GeoPackage tables, rasters, other files) are computed in a thread of their own while the run
    reads and computes; ``InputChecksums.complete`` waits for them."""
    inputs, from_files = [], []
    for label, value in run_inputs(algorithm, parameters, context):
        if isinstance(value, str):  # a file or a folder input
            entry = {"name": label, "source": value}
            if os.path.isfile(value):
                from_files.append((entry, None, lambda path=value: {"checksum": file_checksum(path)}))
        else:
            entry = dict(layer_entry(value), parameter=label)
            from_file = file_checksum_fields(value)
            if from_file is None:
                entry.update(checksum_fields(value))
            else:
                from_files.append((entry, value, from_file))
        inputs.append(entry)
    record = RunRecord(algorithm.id(), plugin_version(), {
        name: parameter_value(_resolved(algorithm, parameters, name, context)) for name in sorted(parameters)}, inputs)
    record.checksums = InputChecksums(from_files)
    temporary = os.path.realpath(QgsProcessingUtils.tempFolder())
    stores = []
    for _label, place in outputs:
        store = store_of(place.path, place.uri if place.database else "")
        if store is not None and store not in stores and not (
                store.provider == "ogr" and store.connection.startswith(temporary)):
            stores.append(store)
    return record, stores


def _resolved(algorithm, parameters: dict, name: str, context):
    """A parameter's value with its layers as layers: a project's layer id means nothing in another session."""
    value, definition = parameters[name], algorithm.parameterDefinition(name)
    if value is None or isinstance(value, QgsProcessingFeatureSourceDefinition) or definition is None:
        return value
    if isinstance(definition, QgsProcessingParameterMultipleLayers):
        return algorithm.parameterAsLayerList(parameters, name, context) or value
    if isinstance(definition, LAYER_PARAMETERS):
        return algorithm.parameterAsLayer(parameters, name, context) or value
    return value


def finish_record(record: RunRecord, stores: list, outcome: str, results: dict, feedback, failure: str = "") -> None:
    """Complete the row (with the ``failure`` that ended the run) and add it to each store's register (a GeoPackage
    only where the file exists: a failed run into a new file left none). A register that cannot be written is a
    warning: the results are in place."""
    if record.checksums is not None:
        record.checksums.complete()
    record.outcome = outcome
    record.ended = datetime.datetime.now(datetime.timezone.utc)
    record.outputs = {name: parameter_value(value) for name, value in results.items() if name != RUN_ID}
    record.messages = "\n".join(text for text in (feedback.textLog(), failure) if text)
    remember(record)
    for store in stores:
        if store.provider == "ogr" and not os.path.exists(store.connection):
            continue
        try:
            append(store, record)
        except (RegisterError, QgsException) as error:
            feedback.pushWarning(tr("Der Lauf konnte nicht ins Laufregister in {store} eingetragen werden: {error}")
                                 .format(store=store.text(), error=error))
            continue
        feedback.pushInfo(tr("Lauf {run} im Laufregister in {store} eingetragen.").format(
            run=record.run_id, store=store.text()))


def producing_runs(layers) -> list[dict]:
    """The register rows of the runs that wrote ``layers`` (the latest successful one of each, found in the register
    of the layer's own store), in the order of the layers, each once."""
    runs = {}
    for layer in layers:
        place = layer_place(layer) if layer is not None else None
        store = store_of(place.path, place.uri if place.database else "") if place is not None else None
        if store is None:
            continue
        register = QgsVectorLayer(store.register_uri(), REGISTER_TABLE, store.provider)
        if not register.isValid():
            continue
        wrote = [row for row in table_rows(register) if row["outcome"] == OK and _wrote(row, place)]
        if wrote:
            latest = max(wrote, key=lambda row: str(row["ended"]))
            runs.setdefault(latest["run_id"], dict(latest, store=store.text()))
    return list(runs.values())


def _wrote(row: dict, place: Place) -> bool:
    """Whether a register row's outputs include ``place`` (a whole GeoPackage output holds one table)."""
    try:
        outputs = json.loads(row["outputs"] or "{}")
    except ValueError:
        return False
    for value in outputs.values():
        written = destination_place(value) if isinstance(value, str) else None
        if written is not None and (written == place or (written.table is None and written.path == place.path)):
            return True
    return False
