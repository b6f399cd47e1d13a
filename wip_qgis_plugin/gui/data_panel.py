"""Dock "Daten": the planning office's own files and folders into the project, which layers the data profiles
recognise, and per criterion of a catalog and for the heat steps what was found and what is missing."""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QFileDialog, QTableWidgetItem, QTreeWidgetItem, QWidget

from .. import log
from ..core.catalog import CatalogError, load_catalog, shipped_catalog_title, shipped_catalogs
from ..core.i18n import tr
from ..core.profiles import building_fields
from ..processing_algorithms.eligibility import SHIPPED_CATALOG_IDS
from ..qgis_io.data import (
    DATA_SUFFIXES,
    SELECTION_PROPERTY,
    criterion_sources,
    layers_by_model,
    load_data,
    selection_layer,
    spatial_layers,
)
from ..qgis_io.project import describe_layer
from .algorithm_dock import set_scrolling_body

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "data_panel.ui"))

MISSING_COLOUR = "#c0392b"


class DataDock(QgsDockWidget):
    OBJECT_NAME = "WipDataDock"
    MANUAL_ANCHOR = "data"

    def __init__(self, iface, parent=None, show_eligibility=None):
        """``show_eligibility`` opens the Flächenkulisse dock, where the mapping is corrected."""
        super().__init__(tr("Daten"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.show_eligibility = show_eligibility
        self.form = FORM_CLASS()
        body = QWidget(self)
        self.form.setupUi(body)
        set_scrolling_body(self, body, self.MANUAL_ANCHOR)
        for catalog_id in SHIPPED_CATALOG_IDS:
            self.form.catalogCombo.addItem(shipped_catalog_title(catalog_id), catalog_id)
        table = self.form.criteriaTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([tr("Kriterium"), tr("Ebene(n)"), tr("Auswahl")])
        table.verticalHeader().setVisible(False)
        self.form.layersTree.header().setStretchLastSection(True)
        self.form.addFilesButton.clicked.connect(self.add_files)
        self.form.addFolderButton.clicked.connect(self.add_folder)
        self.form.catalogCombo.currentIndexChanged.connect(self.refresh)
        self.form.editMappingButton.clicked.connect(self._edit_mapping)
        self.form.selectionLayerButton.clicked.connect(self.add_selection_layers)
        self.form.editMappingButton.setEnabled(show_eligibility is not None)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh)
        project.layersRemoved.connect(self.refresh)
        self.refresh()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        project = QgsProject.instance()
        project.layersAdded.disconnect(self.refresh)
        project.layersRemoved.disconnect(self.refresh)

    # -- adding data ---------------------------------------------------------------------------------------------------

    def add_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in DATA_SUFFIXES)
        paths, _filter = QFileDialog.getOpenFileNames(
            self, tr("Daten hinzufügen"), "", tr("Geodaten ({patterns});;Alle Dateien (*)").format(patterns=patterns))
        if paths:
            self.load(paths)

    def add_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Ordner mit Daten hinzufügen"))
        if path:
            self.load([path])

    def load(self, paths: list[str]) -> None:
        project = QgsProject.instance()
        project.layersAdded.disconnect(self.refresh)  # once for all the layers, not once per layer
        try:
            layers, empty = load_data(project, paths)
        finally:
            project.layersAdded.connect(self.refresh)
        self.refresh()
        recognised = sum(len(entries) for profile, entries in layers_by_model(layers).items() if profile is not None)
        message = tr("{count} Ebene(n) hinzugefügt, davon {recognised} mit Datenprofil erkannt.").format(
            count=len(layers), recognised=recognised)
        if empty:
            message += " " + tr("Ohne lesbare Ebene: {files}.").format(files=", ".join(empty))
        log.notify(self.iface, message, Qgis.MessageLevel.Success if layers else Qgis.MessageLevel.Warning)

    # -- what was found ------------------------------------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        project = QgsProject.instance()
        layers = spatial_layers(project)
        self._show_layers(layers)
        try:
            catalog = load_catalog(shipped_catalogs()[self.form.catalogCombo.currentData()])
        except (KeyError, CatalogError) as error:
            self.form.coverageLabel.setText(str(error))
            return
        self._show_criteria(project, catalog, layers)
        self._show_buildings(layers)

    def _show_layers(self, layers) -> None:
        """The layers under the data model that recognises them; the others under "no data profile"."""
        tree = self.form.layersTree
        tree.clear()
        models = layers_by_model(layers)
        # the data models by title, the layers no profile knows last
        for profile in sorted(models, key=lambda model: (model is None, model.title_text() if model else "")):
            group = QTreeWidgetItem([profile.title_text() if profile else tr("Ohne Datenprofil (nach Namen)"), ""])
            group.setToolTip(0, profile.description_text() if profile else tr(
                "Diese Ebenen findet das Plugin an den Namenshinweisen der Kriterienkataloge."))
            for layer, recognitions in models[profile]:
                item = QTreeWidgetItem([layer.name(), ", ".join(r.layer_class.label_text() for r in recognitions)])
                item.setToolTip(0, layer.source())
                item.setToolTip(1, item.text(1))
                group.addChild(item)
            tree.addTopLevelItem(group)
            group.setExpanded(profile is not None or len(models) == 1)
        tree.resizeColumnToContents(0)

    def _show_criteria(self, project, catalog, layers) -> None:
        mapping = criterion_sources(project, catalog, layers)
        table = self.form.criteriaTable
        table.setRowCount(len(catalog.criteria))
        missing = []
        for row, criterion in enumerate(catalog.criteria):
            sources = mapping[criterion.id]
            name = QTableWidgetItem(criterion.label_text())
            name.setToolTip(f"{criterion.label_text()}\n{criterion.type_text()}: {criterion.legal_basis}")
            found = QTableWidgetItem(", ".join(layer.name() for layer, _ in sources) or tr("– fehlt –"))
            how = QTableWidgetItem("; ".join(source.how() for _, source in sources))
            found.setToolTip("\n".join(
                f"{layer.name()}: {source.recognition.label() if source.recognition else tr('nach Namen')}"
                for layer, source in sources))
            if not sources:
                missing.append(criterion.label_text())
                for item in (name, found):
                    item.setForeground(QColor(MISSING_COLOUR))
            for column, item in enumerate((name, found, how)):
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        # the dock is narrow: label and layers are cut (the whole in their tooltips), the selection has the rest
        table.setColumnWidth(0, min(table.columnWidth(0), 160))
        table.setColumnWidth(1, min(table.columnWidth(1), 170))
        found_count = len(catalog.criteria) - len(missing)
        self.form.coverageLabel.setText(tr("{found} von {count} Kriterien haben Daten; es fehlen: {missing}.").format(
            found=found_count, count=len(catalog.criteria), missing=", ".join(missing) or "–")
            if missing else tr("Alle {count} Kriterien haben Daten.").format(count=len(catalog.criteria)))

    def _show_buildings(self, layers) -> None:
        """The building layers the heat steps read through a data profile."""
        found = []
        for layer in layers:
            profiled = building_fields(describe_layer(layer))
            if profiled is not None:
                found.append(f"{html.escape(layer.name())} ({html.escape(profiled[0].label())})")
        self.form.buildingsLabel.setText(
            tr("Gebäude für die Wärmeplanung: {layers}").format(layers=", ".join(found)) if found else
            tr("Gebäude für die Wärmeplanung: keine Ebene mit Datenprofil (die Wärmeplanung sucht sonst nach "
               "Namen)."))

    def add_selection_layers(self) -> None:
        """The chosen criterion's selected features of each recognised layer as layers of their own."""
        row = self.form.criteriaTable.currentRow()
        try:
            catalog = load_catalog(shipped_catalogs()[self.form.catalogCombo.currentData()])
        except (KeyError, CatalogError):
            return
        if not 0 <= row < len(catalog.criteria):
            log.notify(self.iface, tr("Bitte zuerst ein Kriterium in der Tabelle wählen."), Qgis.MessageLevel.Info)
            return
        criterion = catalog.criteria[row]
        project = QgsProject.instance()
        selected = [(layer, source) for layer, source in criterion_sources(project, catalog)[criterion.id]
                    if source.feed is not None and source.feed.selection is not None
                    and layer.customProperty(SELECTION_PROPERTY) is None]  # not a selection made before
        made = {layer.name(): selection_layer(project, layer, source, criterion.label_text())
                for layer, source in selected}
        if not made:
            log.notify(self.iface, tr("Für „{criterion}“ wählt kein Datenmodell Objekte aus einer Ebene aus.").format(
                criterion=criterion.label_text()), Qgis.MessageLevel.Info)
            return
        done = [layer.name() for layer in made.values() if layer is not None]
        failed = [name for name, layer in made.items() if layer is None]
        message = tr("Als Ebene angelegt: {layers}.").format(layers=", ".join(done)) if done else ""
        if failed:  # a comparison inside OSM's other_tags, or a field the layer lacks, is no filter
            message += " " + tr("Nicht als Filter zu schreiben: {layers} (die Flächenkulisse wählt dort trotzdem "
                                "richtig aus).").format(layers=", ".join(failed))
        log.notify(self.iface, message.strip(), Qgis.MessageLevel.Warning if failed else Qgis.MessageLevel.Success)

    def _edit_mapping(self) -> None:
        self.show_eligibility(self.form.catalogCombo.currentData())
