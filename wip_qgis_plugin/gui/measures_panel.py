"""Dock "Maßnahmen": derive the measures catalogue from the project's results (``wip:measures`` in the background),
then edit it in a table: change numbers, years and status, add and remove measures, save or discard. Every saved
change is kept in the catalogue's history table (``qgis_io.history``)."""
from __future__ import annotations

import datetime
from pathlib import Path

from qgis.core import QgsFeature, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsAttributeTableFilterModel, QgsDualView
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog, QSizePolicy

from ..core.i18n import tr
from ..core.measures import (
    FIELDS,
    HIDDEN_FIELDS,
    catalogue_labels,
    field_label,
    free_id,
    measure_row,
    new_measure,
)
from ..qgis_io.history import ChangeHistory, history_layer
from ..qgis_io.project import municipality_of_project
from ..qgis_io.results import Result, keep_results
from .algorithm_dock import AlgorithmDock

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "measures_panel.ui"))
CATALOGUE_KEY = "measure_id"


class MeasuresDock(AlgorithmDock):
    OBJECT_NAME = "WipMeasuresDock"
    MANUAL_ANCHOR = "measures"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Maßnahmen"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        form = self.form
        self.table: QgsDualView | None = None
        self.history: ChangeHistory | None = None
        self.catalogue: QgsVectorLayer | None = None
        self.shared_path = ""
        form.pathsCombo.setFilters(QgsMapLayerProxyModel.Filter.NoGeometry)
        form.rooftopCombo.setFilters(QgsMapLayerProxyModel.Filter.NoGeometry)
        for combo in (form.allocationCombo, form.heatCombo, form.catalogueCombo):
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.turbinesCombo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        for combo in (form.pathsCombo, form.allocationCombo, form.turbinesCombo, form.heatCombo, form.rooftopCombo,
                      form.catalogueCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        form.startYearSpin.setValue(datetime.date.today().year + 1)
        for key in FIELDS:
            form.fieldCombo.addItem(field_label(key), key)
        form.runButton.clicked.connect(self.run)
        form.catalogueCombo.layerChanged.connect(self.edit_catalogue)
        form.addButton.clicked.connect(self.add_measure)
        form.removeButton.clicked.connect(self.remove_selected)
        form.saveButton.clicked.connect(self.save)
        form.discardButton.clicked.connect(self.discard)
        form.exportButton.clicked.connect(self.choose_export_path)
        form.importButton.clicked.connect(self.choose_shared_files)
        QgsProject.instance().layersAdded.connect(self.suggest_layers)
        self.suggest_layers()
        self._enable_editing()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        QgsProject.instance().layersAdded.disconnect(self.suggest_layers)
        self.cancel()
        self._stop_editing()

    def suggest_layers(self, *_args) -> None:
        """Preselect the newest result of each step, and the newest catalogue to edit."""
        self.suggest_results((("paths", self.form.pathsCombo), ("allocation", self.form.allocationCombo),
                              ("turbines", self.form.turbinesCombo), ("heat", self.form.heatCombo),
                              ("rooftop", self.form.rooftopCombo), ("measures", self.form.catalogueCombo)))

    # -- deriving --------------------------------------------------------------------------------------------------

    def run(self) -> None:
        if self.is_running():
            return
        form = self.form
        if form.pathsCombo.currentLayer() is None:
            form.headlineLabel.setText(tr("Bitte die Pfade der Energiebilanz wählen (Dock Energiebilanz: Bilanz "
                                          "berechnen)."))
            return
        parameters = {"PATHS": form.pathsCombo.currentLayer(), "ALTERNATIVE": form.alternativeSpin.value(),
                      "START_YEAR": form.startYearSpin.value(), "OUTPUT": "TEMPORARY_OUTPUT"}
        for name, combo in (("ALLOCATION", form.allocationCombo), ("TURBINES", form.turbinesCombo),
                            ("HEAT_SUITABILITY", form.heatCombo), ("ROOFTOP", form.rooftopCombo)):
            if combo.currentLayer() is not None:
                parameters[name] = combo.currentLayer()
        self.start_algorithm("wip:measures", parameters, self._derived, tr("Maßnahmen werden abgeleitet …"))

    def _derived(self, ok: bool, results: dict) -> None:
        if not self.algorithm_succeeded(ok):
            return
        layer = self.context.takeResultLayer(results["OUTPUT"])
        layer.setName(tr("Maßnahmenkatalog"))
        kept = keep_results(self.iface, "massnahmen", tr("Maßnahmen"), [Result(layer, "katalog")], [results])[0]
        self.form.catalogueCombo.setLayer(kept)
        self.form.headlineLabel.setText(tr("{count} Maßnahmen abgeleitet: Werte, Jahre und Status in der Tabelle "
                                           "ändern, dann speichern.").format(count=kept.featureCount()))

    # -- editing ---------------------------------------------------------------------------------------------------

    def edit_catalogue(self, layer) -> None:
        """Show ``layer`` in the table, editable, its changes kept from now on; None clears the table."""
        self._stop_editing()
        if isinstance(layer, QgsVectorLayer) and CATALOGUE_KEY in layer.fields().names():
            self.catalogue = layer
            self.history = ChangeHistory(layer)
            if not layer.isEditable():
                layer.startEditing()
            _label_columns(layer)
            self.table = QgsDualView(self.body)
            self.table.setObjectName("measureTable")
            self.table.init(layer, self.iface.mapCanvas())
            self.table.setView(QgsDualView.ViewMode.AttributeTable)
            self.table.setFilterMode(QgsAttributeTableFilterModel.FilterMode.ShowAll)
            self.table.setMinimumHeight(220)
            # the table scrolls inside itself: its many columns must not widen the dock beyond a laptop screen
            self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
            self.form.tableLayout.addWidget(self.table)
            layer.willBeDeleted.connect(self._stop_editing)
        self._enable_editing()
        self._show_history()

    def _stop_editing(self, *_args) -> None:
        """Forget the catalogue (another one chosen, the layer removed or the project closed): its unsaved edits
        stay in the layer's edit buffer, where QGIS asks about them."""
        if self.history is not None:
            self.history.stop()
        if self.table is not None:
            self.form.tableLayout.removeWidget(self.table)
            self.table.deleteLater()
        self.history, self.table, self.catalogue = None, None, None
        self._enable_editing()

    def _enable_editing(self) -> None:
        editing = self.catalogue is not None
        for button in (self.form.addButton, self.form.removeButton, self.form.saveButton, self.form.discardButton,
                       self.form.fieldCombo, self.form.exportButton):
            button.setEnabled(editing)

    def _ensure_editable(self) -> QgsVectorLayer:
        if not self.catalogue.isEditable():
            self.catalogue.startEditing()
        return self.catalogue

    def add_measure(self) -> None:
        """A measure of the chosen field with its defaults, under the next free id; the planner fills in its effect
        and cost in the table."""
        if self.catalogue is None:
            return
        layer = self._ensure_editable()
        key = self.form.fieldCombo.currentData()
        taken = {str(feature[CATALOGUE_KEY]) for feature in layer.getFeatures()}
        measure = new_measure(free_id(taken), key, field_label(key), tr("Planerin oder Planer"), 0.0, 0.0,
                              self.form.startYearSpin.value())
        feature = QgsFeature(layer.fields())
        for name, value in measure_row(measure).items():
            if layer.fields().indexOf(name) >= 0:
                feature[name] = value
        layer.addFeature(feature)
        self.form.headlineLabel.setText(tr("Maßnahme {id} hinzugefügt: Wirkung und Größe in der Tabelle eintragen, "
                                           "dann speichern.").format(id=measure.measure_id))

    def remove_selected(self) -> None:
        if self.catalogue is None:
            return
        selected = self.catalogue.selectedFeatureIds()
        if not selected:
            self.form.headlineLabel.setText(tr("Bitte die zu entfernenden Maßnahmen in der Tabelle wählen."))
            return
        self._ensure_editable().deleteFeatures(selected)
        self.form.headlineLabel.setText(tr("{count} Maßnahme(n) entfernt; Speichern übernimmt es.").format(
            count=len(selected)))

    def save(self) -> None:
        if self.catalogue is None:
            return
        layer = self._ensure_editable()
        if layer.commitChanges(False):
            self.form.headlineLabel.setText(tr("Maßnahmenkatalog gespeichert."))
        else:
            self.form.headlineLabel.setText(tr("Speichern fehlgeschlagen: {errors}").format(
                errors="; ".join(layer.commitErrors())))
        self._show_history()

    def discard(self) -> None:
        if self.catalogue is None:
            return
        self.catalogue.rollBack(False)
        self.form.headlineLabel.setText(tr("Änderungen seit dem letzten Speichern verworfen."))

    # -- sharing -------------------------------------------------------------------------------------------------

    def choose_export_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tr("Maßnahmenkatalog teilen"), "massnahmen.json",
                                                    tr("JSON-Dateien (*.json)"))
        if path:
            self.export_catalogue(str(Path(path).with_suffix(".json")))

    def export_catalogue(self, path: str) -> None:
        """The saved catalogue as a file for other municipalities, named after the project's municipality."""
        if self.catalogue is None or self.is_running():
            return
        if self.catalogue.isModified():
            self.form.headlineLabel.setText(tr("Bitte die Änderungen erst speichern oder verwerfen: geteilt wird der "
                                               "gespeicherte Katalog."))
            return
        name, ags = municipality_of_project()
        if not name:
            name, ok = QInputDialog.getText(self, tr("Maßnahmenkatalog teilen"), tr("Name der Gemeinde:"))
            if not ok or not name.strip():
                return
        self.shared_path = path
        self.start_algorithm("wip:exportmeasures", {"CATALOGUE": self.catalogue.source(), "MUNICIPALITY": name,
                                                    "AGS": ags, "OUTPUT": path}, self._exported,
                             tr("Katalog wird geschrieben …"))

    def _exported(self, ok: bool, _results: dict) -> None:
        if self.algorithm_succeeded(ok):
            self.form.headlineLabel.setText(tr("Katalog geteilt: {path}").format(path=self.shared_path))

    def choose_shared_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, tr("Kataloge anderer Gemeinden"), "",
                                                      tr("JSON-Dateien (*.json)"))
        if paths:
            self.import_catalogues(paths)

    def import_catalogues(self, paths: list[str]) -> None:
        if self.is_running():
            return
        self.start_algorithm("wip:importmeasures", {"FILES": paths, "OUTPUT": "TEMPORARY_OUTPUT"}, self._imported,
                             tr("Kataloge werden eingelesen …"))

    def _imported(self, ok: bool, results: dict) -> None:
        if not self.algorithm_succeeded(ok):
            return
        layer = self.context.takeResultLayer(results["OUTPUT"])
        layer.setName(tr("Maßnahmen anderer Gemeinden"))
        keep_results(self.iface, "massnahmen_geteilt", tr("Maßnahmen anderer Gemeinden"), [Result(layer, "geteilt")],
                     [results])
        self.form.headlineLabel.setText(tr("{count} Maßnahmen anderer Gemeinden eingelesen; das Zukunftsprofil "
                                           "nennt die in den eigenen Handlungsfeldern.").format(
            count=results["MEASURES"]))

    def _show_history(self) -> None:
        history = history_layer(self.catalogue) if self.catalogue is not None else None
        if history is None:
            self.form.historyLabel.setText("" if self.catalogue is None else tr("Noch keine Änderung protokolliert."))
            return
        times = [str(feature["changed_at"]) for feature in history.getFeatures()]
        self.form.historyLabel.setText(tr("{count} Änderung(en) protokolliert in „{table}“, zuletzt {last}.").format(
            count=len(times), table=history.name(), last=max(times).replace("T", " ") if times else "–"))


def _label_columns(layer: QgsVectorLayer) -> None:
    """Column titles a planner reads, and the machine keys (the GeoPackage's fid, the field key, the changes)
    hidden; kept with the layer in the project."""
    for name, label in catalogue_labels().items():
        index = layer.fields().indexOf(name)
        if index >= 0:
            layer.setFieldAlias(index, label)
    config = layer.attributeTableConfig()
    hidden = {"fid", *HIDDEN_FIELDS}
    config.update(layer.fields())
    for position, column in enumerate(config.columns()):
        if column.name in hidden:
            config.setColumnHidden(position, True)
    layer.setAttributeTableConfig(config)
