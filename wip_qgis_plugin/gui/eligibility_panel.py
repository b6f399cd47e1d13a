"""Dock "Flächenkulisse": choose a catalog, map project layers to its criteria, run ``wip:eligibility`` as a
background task, and read the result: the area balance, the excluded area per criterion as a chart, the styled
result layers, and for any excluded piece clicked on the map the criteria that exclude it."""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapToolIdentifyFeature
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QTableWidgetItem

from .. import log
from ..core.catalog import (
    DEFAULT_TURBINE,
    HARD,
    Catalog,
    CatalogError,
    TurbineGeometry,
    load_catalog,
    shipped_catalog_title,
    shipped_catalogs,
    technology_of,
)
from ..core.eligibility import target_state, type_text
from ..core.i18n import format_number, tr
from ..core.profiles import suggest_sources
from ..core.sources import criterion_entry
from ..core.workflow import find_inputs, workflow
from ..processing_algorithms.eligibility import SHIPPED_CATALOG_IDS
from ..qgis_io.data import resolve_choice, save_choice, saved_choice, spatial_layers
from ..qgis_io.layers import is_null
from ..qgis_io.project import (
    apply_style,
    describe_layer,
    newest_layer,
    project_layer_infos,
    result_style,
)
from ..qgis_io.results import Result, keep_results, table_name
from .algorithm_dock import AlgorithmDock
from .bar_chart import BarChart

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "eligibility_panel.ui"))

DATA_ROLE = Qt.ItemDataRole.UserRole  # criterion id in column 0, catalog distance in column 2
TYPE_COLOURS = {HARD: "#c0392b", "soft": "#e67e22", "min_area": "#7f8c8d"}


class EligibilityDock(AlgorithmDock):
    OBJECT_NAME = "WipEligibilityDock"
    MANUAL_ANCHOR = "eligibility"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Flächenkulisse"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        self.catalog: Catalog | None = None
        # output key → id of the result layer; ids, not layer objects: the planner may remove the layers or
        # switch projects at any time, and a deleted layer must not be touched again
        self.result_ids: dict[str, str] = {}
        self.identify_tool = None
        self.chart = BarChart(self.form.chartTab)
        self.form.chartLayout.addWidget(self.chart)

        for catalog_id in SHIPPED_CATALOG_IDS:
            self.form.catalogCombo.addItem(shipped_catalog_title(catalog_id), catalog_id)
        self.form.catalogFileWidget.setFilter(tr("Kriterienkatalog (*.json)"))
        self.form.studyAreaCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.form.studyAreaCombo.setAllowEmptyLayer(True)  # never a guess such as the first polygon layer
        self.form.studyAreaCombo.setLayer(None)
        self.form.hubHeightSpin.setValue(DEFAULT_TURBINE.hub_height)
        self.form.rotorSpin.setValue(DEFAULT_TURBINE.rotor_diameter)

        self.form.catalogCombo.currentIndexChanged.connect(self.reload_catalog)
        self.form.catalogFileWidget.fileChanged.connect(self.reload_catalog)
        self.form.hubHeightSpin.valueChanged.connect(self.refresh_layers)  # distances follow the turbine
        self.form.rotorSpin.valueChanged.connect(self.refresh_layers)
        self.form.runButton.clicked.connect(self.run)
        self.form.identifyButton.clicked.connect(self.start_identify)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh_layers)
        project.layersRemoved.connect(self.refresh_layers)
        self.reload_catalog()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        project = QgsProject.instance()
        project.layersAdded.disconnect(self.refresh_layers)
        project.layersRemoved.disconnect(self.refresh_layers)
        self.cancel()
        self._stop_identify()

    # -- catalog and mapping ---------------------------------------------------------------------------------------

    def reload_catalog(self, *_args) -> None:
        path = self.form.catalogFileWidget.filePath()
        try:
            if path:
                self.catalog = load_catalog(Path(path))
            else:
                self.catalog = load_catalog(shipped_catalogs()[self.form.catalogCombo.currentData()])
        except CatalogError as error:
            self.catalog = None
            self.form.headlineLabel.setText(str(error))
            log.notify(self.iface, str(error), Qgis.MessageLevel.Critical)
        is_wind = self.catalog is not None and self.catalog.technology == "wind"
        self.form.hubHeightSpin.setEnabled(is_wind)
        self.form.rotorSpin.setEnabled(is_wind)
        self.set_running(self.is_running())
        self.refresh_layers()

    def _vector_layers(self) -> list[QgsVectorLayer]:
        """The layers a criterion can take: not this dock's results (kept or still being added)."""
        return [layer for layer in spatial_layers(QgsProject.instance()) if layer.id() not in self.result_ids.values()]

    def refresh_layers(self, *_args) -> None:
        """Suggest the study area (the municipality boundary the Planungsassistent finds) and fill the criteria
        table: one row per criterion, its layers suggested from the project's layer names (a choice made by hand is
        kept as long as its layers are still there)."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "eligibility"),
                            project_layer_infos(project))["study_area"]
        if found:
            self.suggest(self.form.studyAreaCombo, newest_layer(project, found[0]))
        table = self.form.criteriaTable
        table.setRowCount(0)
        if self.catalog is None:
            return
        layers = self._vector_layers()
        by_id = {layer.id(): layer for layer in layers}
        # hints match the layer's name, never its id (a random suffix like "_bab7…" would look like a motorway)
        descriptions = [describe_layer(layer, layer.id()) for layer in layers]
        table.setRowCount(len(self.catalog.criteria))
        for row, criterion in enumerate(self.catalog.criteria):
            name_item = QTableWidgetItem(criterion.label_text())
            name_item.setData(DATA_ROLE, criterion.id)
            name_item.setToolTip(criterion_entry(self.catalog, criterion).tooltip())
            name_item.setFlags(name_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            type_item = QTableWidgetItem(criterion.type_text())
            type_item.setFlags(type_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            distance = criterion.distance.resolve(self._turbine())
            distance_item = QTableWidgetItem(f"{distance:g}")
            distance_item.setToolTip(criterion.distance.describe())
            distance_item.setData(DATA_ROLE, distance)
            table.setItem(row, 0, name_item)
            table.setItem(row, 1, type_item)
            table.setItem(row, 2, distance_item)
            combo = QComboBox(table)
            combo.addItem(tr("– keine –"), [])
            suggested = [source.key for source in suggest_sources(criterion, descriptions,
                                                                  self.catalog.criterion_ids())]
            wanted = resolve_choice(saved_choice(project, self.catalog.id, criterion.id), suggested, by_id)
            for combination in (suggested, wanted):  # several layers together, as suggested or as chosen
                if len(combination) > 1 and combo.findData(combination) < 0:
                    combo.addItem(" + ".join(by_id[layer_id].name() for layer_id in combination), combination)
            for layer in layers:
                combo.addItem(layer.name(), [layer.id()])
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            combo.activated.connect(lambda _index, cid=criterion.id, box=combo: self._choose(cid, box))
            table.setCellWidget(row, 3, combo)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 200))  # the full label is in the tooltip

    def show_catalog(self, catalog_id: str) -> None:
        """Show the dock with a shipped catalog chosen (the Daten dock sends the planner here to correct its
        mapping)."""
        self.form.catalogFileWidget.setFilePath("")
        self.form.catalogCombo.setCurrentIndex(max(0, self.form.catalogCombo.findData(catalog_id)))
        self.setUserVisible(True)
        self.raise_()

    def _choose(self, criterion_id: str, combo: QComboBox) -> None:
        save_choice(QgsProject.instance(), self.catalog.id, criterion_id, combo.currentData() or [])

    def _turbine(self) -> TurbineGeometry:
        return TurbineGeometry(self.form.hubHeightSpin.value(), self.form.rotorSpin.value())

    def mapping(self) -> dict[str, list[QgsVectorLayer]]:
        """criterion id -> the layers chosen for it in the table."""
        table = self.form.criteriaTable
        layers = QgsProject.instance().mapLayers()
        chosen = {}
        for row in range(table.rowCount()):
            layer_ids = table.cellWidget(row, 3).currentData() or []
            chosen[table.item(row, 0).data(DATA_ROLE)] = [layers[i] for i in layer_ids if i in layers]
        return chosen

    def parameters(self) -> dict:
        """The ``wip:eligibility`` parameters for what the panel shows (every criterion mapped explicitly)."""
        mapping = self.mapping()
        used = {layer.id(): layer for layers in mapping.values() for layer in layers}
        cells = []
        for criterion_id, layers in mapping.items():
            cells += [criterion_id, "-"] if not layers else [c for layer in layers
                                                             for c in (criterion_id, layer.id())]
        overrides = []
        table = self.form.criteriaTable
        for row in range(table.rowCount()):
            item = table.item(row, 2)
            text = item.text().strip().replace(",", ".")
            if text != f"{item.data(DATA_ROLE):g}":
                overrides += [table.item(row, 0).data(DATA_ROLE), text]
        parameters = {
            "STUDY_AREA": self.form.studyAreaCombo.currentLayer().id() if self.form.studyAreaCombo.currentLayer()
            else None,
            "CONSTRAINT_LAYERS": list(used),
            "CRITERIA_MAPPING": cells,
            "DISTANCE_OVERRIDES": overrides,
            "HUB_HEIGHT": self.form.hubHeightSpin.value(),
            "ROTOR_DIAMETER": self.form.rotorSpin.value(),
            "MIN_AREA_HA": self.form.minAreaSpin.value(),
            "SOFT_EXCLUDES": self.form.softExcludesCheck.isChecked(),
            "ELIGIBLE": "TEMPORARY_OUTPUT",
            "EXCLUDED": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
        }
        if self.form.catalogFileWidget.filePath():
            parameters["CATALOG_FILE"] = self.form.catalogFileWidget.filePath()
        else:
            parameters["CATALOG"] = self.form.catalogCombo.currentIndex()
        return parameters

    # -- run -------------------------------------------------------------------------------------------------------

    def run(self) -> None:
        if self.is_running() or self.catalog is None:
            return
        if self.form.studyAreaCombo.currentLayer() is None:
            self.form.headlineLabel.setText(tr("Bitte ein Untersuchungsgebiet (Flächenebene) wählen."))
            return
        self.start_algorithm("wip:eligibility", self.parameters(), self._finished)

    def set_running(self, running: bool) -> None:
        super().set_running(running)
        self.form.runButton.setEnabled(not running and self.catalog is not None)

    def _finished(self, ok: bool, results: dict) -> None:
        if not self.algorithm_succeeded(ok and bool(results)):
            return
        layers = {key: self.context.takeResultLayer(results[key]) for key in ("ELIGIBLE", "EXCLUDED", "SUMMARY")}
        layers = self._add_result_layers(layers, results)
        self.show_summary(layers["SUMMARY"], results)
        self.reveal(self.form.resultTabs)

    def _add_result_layers(self, layers: dict, results_of_run: dict) -> dict:
        """Keep the run's layers in the project's result GeoPackage (the run in its register); returns them kept,
        by output."""
        title = self.catalog.title_text()
        technology = technology_of(title)
        names = {"ELIGIBLE": (tr("Geeignete Flächen – {technology}"), "geeignet"),
                 "EXCLUDED": (tr("Ausgeschlossene Flächen – {technology}"), "ausgeschlossen"),
                 "SUMMARY": (tr("Flächenbilanz – {technology}"), "flaechenbilanz")}
        results = []
        for key, (name, table) in names.items():
            layers[key].setName(name.format(technology=technology))
            apply_style(layers[key], result_style("eligibility", key))
            results.append(Result(layers[key], table))
        kept = keep_results(self.iface, "flaechenkulisse_" + table_name(self.catalog.id),  # the same in any language
                            tr("Flächenkulisse – {catalog}").format(catalog=title), results, [results_of_run])
        layers = dict(zip(names, kept))
        self._stop_identify()
        previous = self.result_layer("EXCLUDED")
        if previous is not None:  # the last run's layers stay in the project; their removal is no concern
            previous.willBeDeleted.disconnect(self._stop_identify)
        self.result_ids = {key: layer.id() for key, layer in layers.items()}
        layers["EXCLUDED"].willBeDeleted.connect(self._stop_identify)
        return layers

    def result_layer(self, key: str) -> QgsVectorLayer | None:
        """The result layer of the last run, while it is still in the project."""
        return QgsProject.instance().mapLayer(self.result_ids.get(key, ""))

    # -- results ---------------------------------------------------------------------------------------------------

    def show_summary(self, summary: QgsVectorLayer, results: dict) -> None:
        rows = [feature for feature in summary.getFeatures()]
        headline = html.escape(tr("{eligible} ha geeignet ({share} % des Untersuchungsgebiets), "
                                  "{excluded} ha ausgeschlossen.").format(
            eligible=format_number(results["ELIGIBLE_HA"], 1), share=format_number(results["ELIGIBLE_SHARE_PCT"], 2),
            excluded=format_number(results["EXCLUDED_HA"], 1)))
        unchecked = {row["label"]: row["type"] for row in rows
                     if row["kind"] == "criterion" and is_null(row["area_ha"])}
        if unchecked:  # the eligible land is then only an upper bound: said where the planner looks first
            hard = [label for label, kind in unchecked.items() if kind == HARD]
            headline += "<br><b style='color:#c0392b'>" + html.escape(tr(
                "Nicht geprüft, keine Ebene zugeordnet: {labels} (harte Kriterien darunter: {hard})").format(
                labels="; ".join(unchecked), hard=len(hard))) + "</b>"
        self.form.headlineLabel.setText(headline)
        table = self.form.summaryTable
        table.setRowCount(0)
        multiple = len({row["study_id"] for row in rows}) > 1
        for row in rows:
            if row["kind"] == "criterion" and is_null(row["area_ha"]):
                continue  # criteria without a layer are listed in the log
            label = row["label"]
            if multiple:
                label = f"{row['study_id']}: {label}"
            if row["kind"] == "target":
                label += " – " + target_state(None if is_null(row["reached"]) else bool(row["reached"]))
            values = [label, _number(row["area_ha"]), _number(row["share_pct"], 2)]
            position = table.rowCount()
            table.insertRow(position)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                tip = [text for text in (label, row["legal_basis"], row["note"]) if not is_null(text)]
                item.setToolTip("\n".join(str(text) for text in tip))
                table.setItem(position, column, item)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 220))  # the figures stay in view; the label's tooltip
        excluding = [row for row in rows if row["kind"] == "criterion" and not is_null(row["only_ha"])]
        excluding.sort(key=lambda row: -(row["area_ha"] or 0.0))
        self.chart.set_bars([(row["label"], row["area_ha"], TYPE_COLOURS.get(row["type"], "#e67e22"))
                             for row in excluding if (row["area_ha"] or 0) > 0], "ha")

    def start_identify(self) -> None:
        """Map tool: a click on an excluded piece shows why it is excluded."""
        layer = self.result_layer("EXCLUDED")
        if layer is None or self.iface is None:
            self.form.reasonBrowser.setHtml(html.escape(tr("Erst die Flächenkulisse berechnen.")))
            return
        canvas = self.iface.mapCanvas()
        self.identify_tool = QgsMapToolIdentifyFeature(canvas, layer)
        self.identify_tool.featureIdentified.connect(self.show_reasons)
        canvas.setMapTool(self.identify_tool)

    def _stop_identify(self) -> None:
        if self.identify_tool is not None and self.iface is not None:
            self.iface.mapCanvas().unsetMapTool(self.identify_tool)
        self.identify_tool = None

    def show_reasons(self, feature: QgsFeature) -> None:
        """The audit trail of one excluded piece: each criterion with its type and legal basis."""
        ids = [value.strip() for value in str(feature["criteria"]).split(",") if value.strip()]
        types = [value.strip() for value in str(feature["types"]).split(",")]
        labels = [value.strip() for value in str(feature["labels"]).split(";")]
        items = []
        for number, criterion_id in enumerate(ids):
            label = labels[number] if number < len(labels) else criterion_id
            kind = type_text(types[number]) if number < len(types) else ""
            legal = ""
            if self.catalog is not None and criterion_id in self.catalog.criterion_ids():
                legal = self.catalog.criterion(criterion_id).legal_basis
            items.append(f"<li><b>{html.escape(label)}</b> ({html.escape(kind)})"
                         + (f"<br/>{html.escape(legal)}" if legal else "") + "</li>")
        heading = tr("Ausgeschlossen ({area} ha), weil:").format(area=format_number(feature["area_ha"], 2))
        self.form.reasonBrowser.setHtml(f"<p>{html.escape(heading)}</p><ul>{''.join(items)}</ul>")
        self.form.resultTabs.setCurrentWidget(self.form.reasonTab)
        self.reveal(self.form.resultTabs)


def _number(value, decimals: int = 1) -> str:
    return "" if is_null(value) else format_number(float(value), decimals)
