"""Dock "Wärmeplanung": run heat demand, densities and § 19 suitability one after the other in the background, add
the styled maps, show the totals per suitability level and the demand by scenario year, and write the heat plan as
XWärmeplan with one click."""

import contextlib
from pathlib import Path

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
)

from .. import log
from ..core.heat import LEVELS, SCENARIO_YEARS, level_text
from ..core.i18n import format_number, tr
from ..core.workflow import find_inputs, workflow
from ..qgis_io.project import (
    apply_style,
    municipality_of_project,
    newest_layer,
    project_input,
    project_layer_infos,
    result_style,
)
from ..qgis_io.results import Result, keep_results
from .algorithm_dock import AlgorithmDock
from .bar_chart import BarChart

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "heat_panel.ui"))


class HeatPlanningDock(AlgorithmDock):
    OBJECT_NAME = "WipHeatPlanningDock"
    MANUAL_ANCHOR = "heat"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Wärmeplanung"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        self.steps: list = []  # the steps still to run: (key, algorithm id, parameters from the results so far)
        self.results: dict = {}  # result layers by step key
        self.plan_layers: tuple = ()  # the kept suitability areas and street sections the heat plan is written from
        self.plan_path = ""  # where the last XWärmeplan goes
        form = self.form
        form.buildingsCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.streetsCombo.setFilters(QgsMapLayerProxyModel.Filter.LineLayer)
        form.blocksCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.networkCombo.setFilters(QgsMapLayerProxyModel.Filter.LineLayer)
        form.ageGridCombo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        for combo in (form.buildingsCombo, form.ageGridCombo, form.streetsCombo, form.blocksCombo, form.networkCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        table = form.levelTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels([tr("Eignungsstufe (§ 19 WPG)"), tr("Gebiete"), "ha",
                                         tr("Wärmebedarf MWh/a")])
        table.resizeColumnsToContents()
        table.verticalHeader().setVisible(False)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + 4 * table.verticalHeader().defaultSectionSize() + 4)  # the four levels, no scrolling
        self.chart = BarChart(self.body)
        form.chartLayout.addWidget(self.chart)
        form.runButton.clicked.connect(self.run)
        form.xwaermeplanButton.clicked.connect(self.choose_plan_path)
        QgsProject.instance().layersAdded.connect(self.suggest_layers)
        self.suggest_layers()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        QgsProject.instance().layersAdded.disconnect(self.suggest_layers)
        self._forget_plan_layers()
        self.cancel()

    def suggest_layers(self, *_args) -> None:
        """Preselect the layers the Planungsassistent finds for the heat step."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "heat"), project_layer_infos(project))
        for key, combo in (("buildings", self.form.buildingsCombo), ("age_grid", self.form.ageGridCombo),
                           ("streets", self.form.streetsCombo), ("heat_network", self.form.networkCombo)):
            if found[key]:
                self.suggest(combo, newest_layer(project, found[key][0]))

    # -- run -------------------------------------------------------------------------------------------------------

    def run(self) -> None:
        form = self.form
        buildings, streets = form.buildingsCombo.currentLayer(), form.streetsCombo.currentLayer()
        if self.is_running():
            return
        if buildings is None or streets is None:
            form.headlineLabel.setText(tr("Bitte eine Gebäude- und eine Straßenebene wählen."))
            return
        blocks, network = form.blocksCombo.currentLayer(), form.networkCombo.currentLayer()
        age_grid = form.ageGridCombo.currentLayer()
        rate, depth, cell = form.rateSpin.value(), form.depthSpin.value(), form.cellSpin.value()  # as clicked
        self.results = {}
        self.steps = [
            ("demand", "wip:heatdemand", lambda _results: dict({
                "BUILDINGS": buildings, "RENOVATION_RATE": rate, "RENOVATION_DEPTH": depth,
                "OUTPUT": "TEMPORARY_OUTPUT"}, **({"AGE_GRID": age_grid} if age_grid is not None else {}))),
            ("density", "wip:heatdensity", lambda results: dict({
                "BUILDINGS": results["demand"]["OUTPUT"], "STREETS": streets, "CELL_SIZE": cell,
                # the planner's own maps: all values, so that every block is classified on its real density;
                # the field "published" says which rows may leave the office (§ 10 Abs. 2 WPG)
                "INTERNAL": True, "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT", "STREETS_OUTPUT": "TEMPORARY_OUTPUT"},
                **({"BLOCKS": blocks} if blocks is not None else {}))),
            ("suitability", "wip:heatsuitability", lambda results: dict({
                "AREAS": results["density"]["BLOCKS_OUTPUT"], "LARGE_CONSUMERS": results["demand"]["OUTPUT"],
                "OUTPUT": "TEMPORARY_OUTPUT"}, **({"NETWORK": network} if network is not None else {}))),
        ]
        self._next_step()

    def _next_step(self) -> None:
        key, algorithm_id, parameters = self.steps.pop(0)
        self.start_algorithm(algorithm_id, parameters(self.results),
                             lambda ok, results, step=key: self._step_finished(step, ok, results))
        self._show_progress(0.0)

    def _show_progress(self, value: float) -> None:
        done = len(self.results)  # the steps finished before this one
        self.form.progressBar.setValue(int((100 * done + value) / 3))

    def _step_finished(self, step: str, ok: bool, results: dict) -> None:
        if not self.algorithm_succeeded(ok):
            self.steps = []
            return
        store = self.context.temporaryLayerStore()
        self.results[step] = {key: self.context.takeResultLayer(value)
                              if isinstance(value, str) and store.mapLayer(value) is not None else value
                              for key, value in results.items()}
        if self.steps:
            self._next_step()
            return
        self._show_results()

    def cancel(self) -> None:
        self.steps = []
        super().cancel()

    # -- results ---------------------------------------------------------------------------------------------------

    def _show_results(self) -> None:
        outputs = []
        for layer, name, style, table, visible in (
                (self.results["density"]["STREETS_OUTPUT"], tr("Wärmeliniendichte"),
                 result_style("heatdensity", "STREETS_OUTPUT"), "waermeliniendichte", True),
                (self.results["suitability"]["OUTPUT"], tr("Eignung für Wärmenetze"),
                 result_style("heatsuitability", "OUTPUT"), "eignung_waermenetz", True),
                (self.results["density"]["BLOCKS_OUTPUT"], tr("Wärmedichte"),
                 result_style("heatdensity", "BLOCKS_OUTPUT"), "waermedichte", True),
                # internal, and it hides the maps
                (self.results["demand"]["OUTPUT"], tr("Wärmebedarf Gebäude (intern)"), None, "waermebedarf_gebaeude",
                 False)):
            layer.setName(name)
            apply_style(layer, style)
            outputs.append(Result(layer, table, visible))
        lines, areas, _blocks, buildings = keep_results(self.iface, "waermeplanung", tr("Wärmeplanung"), outputs,
                                                        list(self.results.values()))
        self._keep_plan_layers(areas, lines)

        rows = {level: [0, 0.0, 0.0] for level in LEVELS}
        for feature in areas.getFeatures():
            row = rows[feature["level"]]
            row[0] += 1
            row[1] += feature["area_ha"] or 0.0  # computed in the projected working CRS
            row[2] += feature["demand_mwh_a"] or 0.0
        table = self.form.levelTable
        table.setRowCount(len(LEVELS))
        for position, level in enumerate(LEVELS):
            count, hectares, demand = rows[level]
            texts = [f"{level} {level_text(level)}", str(count), format_number(hectares, 1), format_number(demand)]
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
        self.form.headlineLabel.setText(tr(
            "Wärmebedarf {total} GWh/a, 2045 {target} GWh/a; {short} Gebiete für das "
            "verkürzte Verfahren nach § 14.").format(
            total=format_number(totals["demand_mwh_a"] / 1000, 1),
            target=format_number(totals["demand_2045_mwh"] / 1000, 1),
            short=sum(1 for feature in areas.getFeatures() if feature["shortened_14"])))

    # -- XWärmeplan ------------------------------------------------------------------------------------------------

    def _keep_plan_layers(self, areas, lines) -> None:
        """The layers the heat plan is written from; the button goes grey when either leaves the project."""
        self._forget_plan_layers()
        self.plan_layers = (areas, lines)
        for layer in self.plan_layers:
            layer.willBeDeleted.connect(self._forget_plan_layers)
        self.form.xwaermeplanButton.setEnabled(True)

    def _forget_plan_layers(self) -> None:
        for layer in self.plan_layers:
            with contextlib.suppress(RuntimeError):  # the layer whose deletion called this is gone already
                layer.willBeDeleted.disconnect(self._forget_plan_layers)
        self.plan_layers = ()
        self.form.xwaermeplanButton.setEnabled(False)

    def choose_plan_path(self) -> None:
        if not self.plan_layers or self.is_running():
            return
        dialog = HeatPlanDialog(self)
        accepted, parameters = dialog.exec() == QDialog.DialogCode.Accepted, dialog.parameters()
        dialog.deleteLater()  # its layer list follows the project: gone with the answer
        if not accepted:
            return
        path, _filter = QFileDialog.getSaveFileName(self, tr("Wärmeplan als XWärmeplan"), "waermeplan.gml",
                                                    tr("XWärmeplan (*.gml)"))
        if path:
            self.write_heat_plan(str(Path(path).with_suffix(".gml")), parameters)

    def write_heat_plan(self, path: str, parameters: dict) -> None:
        """The heat plan from the results on the map as XWärmeplan (wip:xwaermeplanexport); ``parameters`` (from
        ``HeatPlanDialog``) hold the municipality, its territory and key, the decision dates and the layers chosen."""
        if not self.plan_layers or self.is_running():
            return
        areas, lines = self.plan_layers
        self.plan_path = path
        self.start_algorithm("wip:xwaermeplanexport", {**parameters, "AREAS": areas, "STREETS": lines,
                                                       "OUTPUT": path},
                             self._heat_plan_written, tr("Wärmeplan wird als XWärmeplan geschrieben …"))

    def _heat_plan_written(self, ok: bool, _results: dict) -> None:
        if self.algorithm_succeeded(ok):
            text = tr("Wärmeplan als XWärmeplan gespeichert: {path}").format(path=self.plan_path)
            self.form.headlineLabel.setText(text)
            log.notify(self.iface, text, Qgis.MessageLevel.Success)


class HeatPlanDialog(QDialog):
    """What XWärmeplan needs beyond the results: the municipality, its territory and key, the dates of the decision
    to plan and of the plan, and optionally the census grid of heating and the gas network."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Wärmeplan als XWärmeplan"))
        name, _ags = municipality_of_project()
        self.municipality = QLineEdit(name, self)
        self.study_area = QgsMapLayerComboBox(self)
        self.study_area.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        study = project_input("balance", "study_area")
        if study is not None:
            self.study_area.setLayer(study)
        self.regional_key = QLineEdit(self)
        self.regional_key.setPlaceholderText(tr("leer: Feld RS des Gemeindegebiets"))
        self.heating_grid = self._layer_choice(QgsMapLayerProxyModel.Filter.PointLayer, tr(
            "Gebäude nach Energieträger der Heizung je Gitterzelle des Zensus 2022: damit enthält der Plan je Baublock "
            "die Wärmeverbrauchsdichte mit Energieträgern und Wärmeerzeugern."))
        grid = project_input("balance", "heating_grid")
        if grid is not None:
            self.heating_grid.setLayer(grid)
        self.gas_network = self._layer_choice(QgsMapLayerProxyModel.Filter.LineLayer, tr(
            "Ohne Gasnetz gilt ein Wasserstoffnetz als sehr wahrscheinlich ungeeignet (§ 14 Abs. 3 Nr. 1 WPG)."))
        today = QDate.currentDate()
        self.start_decision = self._date(today.addYears(-1))
        self.decision = self._date(QDate(2028, 6, 30))  # § 4 Abs. 2 Nr. 2 WPG: the deadline up to 100,000 people
        form = QFormLayout()
        form.addRow(tr("Gemeinde"), self.municipality)
        form.addRow(tr("Gemeindegebiet"), self.study_area)
        form.addRow(tr("Regionalschlüssel (12 Ziffern)"), self.regional_key)
        form.addRow(tr("Heizungen (Zensus-Gitter)"), self.heating_grid)
        form.addRow(tr("Bestehendes Gasnetz"), self.gas_network)
        form.addRow(tr("Beschluss über die Durchführung"), self.start_decision)
        form.addRow(tr("Beschluss des Wärmeplans (geplant)"), self.decision)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Abbrechen"))  # Qt's may be missing
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.municipality.textChanged.connect(self._check)
        self.study_area.layerChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)  # the key's hint readable in full
        self._check()

    def _layer_choice(self, kind, tip: str) -> QgsMapLayerComboBox:
        combo = QgsMapLayerComboBox(self)
        combo.setFilters(kind)
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
        combo.setToolTip(tip)
        return combo

    def _date(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    def _check(self, *_args) -> None:
        ok = bool(self.municipality.text().strip()) and self.study_area.currentLayer() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def parameters(self) -> dict:
        chosen = {name: combo.currentLayer() for name, combo in (("HEATING_GRID", self.heating_grid),
                                                                  ("GAS_NETWORK", self.gas_network))}
        return {"MUNICIPALITY": self.municipality.text().strip(), "STUDY_AREA": self.study_area.currentLayer(),
                "REGIONAL_KEY": self.regional_key.text().strip(),
                "START_DECISION": self.start_decision.date().toString(Qt.DateFormat.ISODate),
                "DECISION": self.decision.date().toString(Qt.DateFormat.ISODate),
                **{name: layer for name, layer in chosen.items() if layer is not None}}
