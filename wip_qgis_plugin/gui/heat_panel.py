"""Dock "Wärmeplanung": run heat demand, densities and § 19 suitability one after the other in the background, add
the styled maps, and show the totals per suitability level and the demand by scenario year."""

from qgis.core import (
    QgsApplication,
    QgsMapLayerProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import log
from ..core.heat import LEVELS, SCENARIO_YEARS, level_text
from ..core.i18n import tr
from ..core.workflow import find_inputs, workflow
from ..qgis_io.project import apply_style, project_layer_infos
from .bar_chart import BarChart


class HeatPlanningDock(QgsDockWidget):
    OBJECT_NAME = "WipHeatPlanningDock"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Wärmeplanung"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.task: QgsProcessingAlgRunnerTask | None = None
        self.context: QgsProcessingContext | None = None
        self.feedback: QgsProcessingFeedback | None = None
        self.steps: list = []  # the steps still to run: (algorithm id, parameters from the results so far)
        self.results: dict = {}  # result layers by key
        self._build()
        project = QgsProject.instance()
        project.layersAdded.connect(self.suggest_layers)
        self.suggest_layers()

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.buildings_combo = QgsMapLayerComboBox(body)
        self.buildings_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.addRow(tr("Gebäude"), self.buildings_combo)
        self.streets_combo = QgsMapLayerComboBox(body)
        self.streets_combo.setFilters(QgsMapLayerProxyModel.Filter.LineLayer)
        form.addRow(tr("Straßenabschnitte"), self.streets_combo)
        self.blocks_combo = QgsMapLayerComboBox(body)
        self.blocks_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.blocks_combo.setAllowEmptyLayer(True)
        self.blocks_combo.setLayer(None)
        self.blocks_combo.setToolTip(tr("Ohne Baublöcke dienen Rasterzellen als Blöcke."))
        form.addRow(tr("Baublöcke"), self.blocks_combo)
        self.network_combo = QgsMapLayerComboBox(body)
        self.network_combo.setFilters(QgsMapLayerProxyModel.Filter.LineLayer)
        self.network_combo.setAllowEmptyLayer(True)
        self.network_combo.setLayer(None)
        form.addRow(tr("Bestehendes Wärmenetz"), self.network_combo)
        self.rate_spin = _spin(body, 1.5, 0, 100, " %/a")
        form.addRow(tr("Sanierungsrate"), self.rate_spin)
        self.depth_spin = _spin(body, 50, 0, 100, " %")
        form.addRow(tr("Sanierungstiefe"), self.depth_spin)
        self.cell_spin = _spin(body, 100, 10, 5000, " m")
        form.addRow(tr("Rasterweite ohne Baublöcke"), self.cell_spin)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Wärmeplanung berechnen"), body)
        self.cancel_button = QPushButton(tr("Abbrechen"), body)
        self.cancel_button.setEnabled(False)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(body)
        layout.addWidget(self.progress)
        self.headline = QLabel(tr("Gebäude und Straßen wählen, dann „Wärmeplanung berechnen“."), body)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.level_table = QTableWidget(0, 4, body)
        self.level_table.setHorizontalHeaderLabels([tr("Eignungsstufe (§ 19 WPG)"), tr("Gebiete"), "ha",
                                                    tr("Wärmebedarf MWh/a")])
        self.level_table.verticalHeader().setVisible(False)
        header_height = self.level_table.horizontalHeader().sizeHint().height()
        self.level_table.setMinimumHeight(header_height + 4 * self.level_table.verticalHeader().defaultSectionSize()
                                          + 4)  # the four levels without scrolling
        layout.addWidget(self.level_table)
        layout.addWidget(QLabel(tr("Wärmebedarf nach Szenariojahr"), body))
        self.chart = BarChart(body)
        layout.addWidget(self.chart)
        layout.addStretch()
        self.setWidget(body)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        QgsProject.instance().layersAdded.disconnect(self.suggest_layers)
        self.cancel()

    def suggest_layers(self, *_args) -> None:
        """Preselect the layers the Planungsassistent finds for the heat step, unless the choice is one of them."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "heat"), project_layer_infos(project))
        for key, combo in (("buildings", self.buildings_combo), ("streets", self.streets_combo),
                           ("heat_network", self.network_combo)):
            current = combo.currentLayer()
            if found[key] and (current is None or current.name() not in found[key]):
                combo.setLayer(project.mapLayersByName(found[key][0])[0])

    # -- run -------------------------------------------------------------------------------------------------------

    def run(self) -> None:
        buildings, streets = self.buildings_combo.currentLayer(), self.streets_combo.currentLayer()
        if self.task is not None:
            return
        if buildings is None or streets is None:
            self.headline.setText(tr("Bitte eine Gebäude- und eine Straßenebene wählen."))
            return
        blocks, network = self.blocks_combo.currentLayer(), self.network_combo.currentLayer()
        self.results = {}
        self.steps = [
            ("demand", "wip:heatdemand", lambda _results: {
                "BUILDINGS": buildings, "RENOVATION_RATE": self.rate_spin.value(),
                "RENOVATION_DEPTH": self.depth_spin.value(), "OUTPUT": "TEMPORARY_OUTPUT"}),
            ("density", "wip:heatdensity", lambda results: dict({
                "BUILDINGS": results["demand"]["OUTPUT"], "STREETS": streets, "CELL_SIZE": self.cell_spin.value(),
                # the planner's own maps: all values, so that every block is classified on its real density;
                # the field "published" says which rows may leave the office (§ 10 Abs. 2 WPG)
                "INTERNAL": True, "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT", "STREETS_OUTPUT": "TEMPORARY_OUTPUT"},
                **({"BLOCKS": blocks} if blocks is not None else {}))),
            ("suitability", "wip:heatsuitability", lambda results: dict({
                "AREAS": results["density"]["BLOCKS_OUTPUT"], "LARGE_CONSUMERS": results["demand"]["OUTPUT"],
                "OUTPUT": "TEMPORARY_OUTPUT"}, **({"NETWORK": network} if network is not None else {}))),
        ]
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.headline.setText(tr("Berechnung läuft …"))
        self._next_step()

    def _next_step(self) -> None:
        key, algorithm_id, parameters = self.steps.pop(0)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self._show_progress)  # a method of the dock: queued to the GUI thread
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters(self.results), self.context, self.feedback)
        self.task.executed.connect(lambda ok, results, step=key: self._step_finished(step, ok, results))
        QgsApplication.taskManager().addTask(self.task)

    def _show_progress(self, value: float) -> None:
        done = len(self.results)  # the steps finished before this one
        self.progress.setValue(int((100 * done + value) / 3))

    def _step_finished(self, step: str, ok: bool, results: dict) -> None:
        self.task = None
        if self.feedback.isCanceled() or not ok:
            lines = [line for line in self.feedback.textLog().splitlines() if line.strip()]
            log.warning(self.feedback.textLog())
            self.headline.setText(tr("Berechnung abgebrochen.") if self.feedback.isCanceled() else
                                  tr("Berechnung fehlgeschlagen: {reason}").format(reason=lines[-1] if lines else "?"))
            self._stop()
            return
        store = self.context.temporaryLayerStore()
        self.results[step] = {key: self.context.takeResultLayer(value)
                              if isinstance(value, str) and store.mapLayer(value) is not None else value
                              for key, value in results.items()}
        if self.steps:
            self._next_step()
            return
        self._stop()
        self.progress.setValue(100)
        self._show_results()

    def _stop(self) -> None:
        self.steps = []
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def cancel(self) -> None:
        self.steps = []
        if self.task is not None and self.feedback is not None:
            self.feedback.cancel()

    def is_running(self) -> bool:
        return self.task is not None

    # -- results ---------------------------------------------------------------------------------------------------

    def _show_results(self) -> None:
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, tr("Wärmeplanung"))
        buildings = self.results["demand"]["OUTPUT"]
        areas = self.results["suitability"]["OUTPUT"]
        for layer, name, style in (
                (buildings, tr("Wärmebedarf Gebäude (intern)"), None),
                (self.results["density"]["BLOCKS_OUTPUT"], tr("Wärmedichte"), "heat_density"),
                (areas, tr("Eignung für Wärmenetze"), "heat_suitability"),
                (self.results["density"]["STREETS_OUTPUT"], tr("Wärmeliniendichte"), "heat_line_density")):
            layer.setName(name)
            if style:
                apply_style(layer, style)
            project.addMapLayer(layer, False)
            group.insertLayer(0, layer)
        group.findLayer(buildings.id()).setItemVisibilityChecked(False)  # internal, and it hides the maps

        rows = {level: [0, 0.0, 0.0] for level in LEVELS}
        for feature in areas.getFeatures():
            row = rows[feature["level"]]
            row[0] += 1
            row[1] += feature["area_ha"] or 0.0  # computed in the projected working CRS
            row[2] += feature["demand_mwh_a"] or 0.0
        table = self.level_table
        table.setRowCount(len(LEVELS))
        for position, level in enumerate(LEVELS):
            count, hectares, demand = rows[level]
            texts = [f"{level} {level_text(level)}", str(count), f"{hectares:,.1f}".replace(",", " "),
                     f"{demand:,.0f}".replace(",", " ")]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                table.setItem(position, column, item)
        table.resizeColumnsToContents()

        fields = ["demand_mwh_a"] + [f"demand_{year}_mwh" for year in SCENARIO_YEARS]
        totals = dict.fromkeys(fields, 0.0)
        for feature in buildings.getFeatures():
            for field in fields:
                totals[field] += feature[field] or 0.0
        labels = [tr("Basisjahr")] + [str(year) for year in SCENARIO_YEARS]
        self.chart.set_bars([(label, totals[field] / 1000, "#d94801") for label, field in zip(labels, fields)],
                            "GWh/a")
        self.headline.setText(tr("Wärmebedarf {total:,.1f} GWh/a, 2045 {target:,.1f} GWh/a; {short} Gebiete für das "
                                 "verkürzte Verfahren nach § 14.").format(
            total=totals["demand_mwh_a"] / 1000, target=totals["demand_2045_mwh"] / 1000,
            short=sum(1 for feature in areas.getFeatures() if feature["shortened_14"])))


def _spin(parent, value: float, low: float, high: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin
