"""Every change to a measures catalogue kept: what the planner changes, adds or removes in the catalogue layer is
written, when it is saved, to a history table beside it in the same GeoPackage (``<table>_historie``), with the
time, the user, the measure, the field and the value before and after. A save that fails writes nothing."""
from __future__ import annotations

import contextlib
import datetime
import getpass
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from .. import log
from ..core.i18n import tr
from .compat import STRING, WKB_NO_GEOMETRY, new_field
from .layers import is_null

HISTORY_SUFFIX = "_historie"
HISTORY_FIELDS = ("changed_at", "user", "measure_id", "action", "field", "old_value", "new_value")
CHANGED, ADDED, REMOVED = "geaendert", "hinzugefuegt", "entfernt"
KEY_FIELD = "measure_id"


def _place(layer: QgsVectorLayer) -> tuple[Path, str] | None:
    """The GeoPackage and table of a catalogue layer; None for a layer kept elsewhere (memory, database)."""
    if layer.providerType() != "ogr":
        return None
    parts = layer.source().split("|")
    path = Path(parts[0])
    if path.suffix.lower() != ".gpkg":
        return None
    table = next((part.split("=", 1)[1] for part in parts[1:] if part.startswith("layername=")), None)
    return path, table or path.stem


def history_layer(layer: QgsVectorLayer, create: bool = False) -> QgsVectorLayer | None:
    """The history table of the catalogue ``layer``; made when ``create`` and not there yet."""
    place = _place(layer)
    if place is None:
        return None
    path, table = place
    name = table + HISTORY_SUFFIX
    history = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if history.isValid() or not create:
        return history if history.isValid() else None
    fields = QgsFields()
    for field in HISTORY_FIELDS:
        fields.append(new_field(field, STRING))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(str(path), fields, WKB_NO_GEOMETRY, layer.crs(), layer.transformContext(),
                                        options)
    del writer  # closes the file: the table exists now
    history = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    return history if history.isValid() else None


def _text(value) -> str:
    return "" if value is None or is_null(value) else str(value)


class ChangeHistory:
    """Keeps the changes of ``layer`` from the moment it is watched: the pending edits are read before a save and
    written after it succeeded."""

    def __init__(self, layer: QgsVectorLayer):
        self.layer = layer
        self.pending: list[list[str]] = []
        layer.beforeCommitChanges.connect(self._collect)
        layer.afterCommitChanges.connect(self._write)
        layer.afterRollBack.connect(self.pending.clear)

    def stop(self) -> None:
        for signal, slot in ((self.layer.beforeCommitChanges, self._collect),
                             (self.layer.afterCommitChanges, self._write),
                             (self.layer.afterRollBack, self.pending.clear)):
            with contextlib.suppress(TypeError, RuntimeError):  # already gone with the layer
                signal.disconnect(slot)

    def _collect(self, *_args) -> None:
        buffer = self.layer.editBuffer()
        if buffer is None:
            return
        now = datetime.datetime.now().isoformat(timespec="seconds")
        user = getpass.getuser()
        fields = self.layer.fields()
        key, title = fields.indexOf(KEY_FIELD), fields.indexOf("title")

        def title_of(feature) -> str:  # a planner's own catalogue may have no title
            return _text(feature[title]) if title >= 0 else ""

        changed = buffer.changedAttributeValues()
        removed = list(buffer.deletedFeatureIds())
        before = {feature.id(): feature for feature in self.layer.dataProvider().getFeatures(
            QgsFeatureRequest().setFilterFids(list(changed) + removed))}
        rows = []
        for fid, values in changed.items():
            old = before.get(fid)
            if old is None:  # a feature added in this session and changed again: its addition says it all
                continue
            for index, value in values.items():
                if _text(old[index]) != _text(value):
                    rows.append([now, user, _text(old[key]), CHANGED, fields[index].name(), _text(old[index]),
                                 _text(value)])
        for feature in buffer.addedFeatures().values():
            rows.append([now, user, _text(feature[key]), ADDED, "", "", title_of(feature)])
        for fid in removed:
            old = before.get(fid)
            if old is not None:
                rows.append([now, user, _text(old[key]), REMOVED, "", title_of(old), ""])
        self.pending = rows

    def _write(self) -> None:
        rows, self.pending = self.pending, []
        if not rows:
            return
        history = history_layer(self.layer, create=True)
        if history is None:
            log.warning(tr("Die Änderungen am Maßnahmenkatalog „{layer}“ können nicht protokolliert werden: er liegt "
                           "nicht in einem GeoPackage.").format(layer=self.layer.name()))
            return
        features = []
        for row in rows:
            feature = QgsFeature(history.fields())
            for name, value in zip(HISTORY_FIELDS, row):
                feature[name] = value
            features.append(feature)
        if not history.dataProvider().addFeatures(features):
            log.warning(tr("Die Änderungen am Maßnahmenkatalog konnten nicht protokolliert werden."))
