"""Dock "Standortbewertung": measure and weigh the criteria of candidate sites interactively.

A Bewertungsschema names its criteria by role (distance to substations, share in protected areas, mean Ackerzahl …);
the dock offers for each role a layer of the project, preselected where one can be recognised as the eligibility
catalogs recognise theirs, and measures them with ``wip:sitecriteria`` in the background. The criterion values are
then held in a matrix; every change of a weight slider, of the AHP pairwise comparison, of the method or of the
missing-value rule re-scores from that matrix (no algorithm run) and recolours the result layer. A click on a site
shows its criterion contributions, its rank and the range of ranks it takes when the weights vary (a seeded
Monte-Carlo run in the background). The input layers are never changed; the weights can be saved as a
Bewertungsschema for ``wip:sitescore`` and ``wip:sitesensitivity``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import html
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox, QgsMapToolIdentifyFeature
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QFileDialog, QSlider, QTableWidgetItem

from .. import log
from ..core.i18n import format_number, tr
from ..core.lazy import lazy_module
from ..core.scoring import (
    MAX_CONSISTENCY_RATIO,
    MISSING_EXCLUDE,
    MISSING_MEAN,
    MISSING_WORST,
    TOPSIS,
    WLC,
    AhpResult,
    Scheme,
    ScoreResult,
    ScoringError,
    ahp_weights,
    bind_fields,
    judgement_text,
    load_scheme,
    normalised_weights,
    pairwise_from_weights,
    parse_judgement,
    save_scheme,
    score,
    sensitivity,
    shipped_schemes,
    suggest_role_field,
    suggest_role_layers,
    utilities,
)
from ..core.site_criteria import DISTANCE, GEOMETRY_FIELDS, MEAN, SHARE, criterion_fields
from ..core.workflow import LINE, POINT, POLYGON, find_inputs, normalise, workflow
from ..processing_algorithms.site_score import criterion_matrix, not_assessed
from ..qgis_io.compat import DOUBLE, INT, STRING, new_field
from ..qgis_io.project import (
    apply_style,
    describe_layer,
    layer_key,
    newest_layer,
    project_layer_infos,
    result_style,
)
from ..qgis_io.results import Result, keep_results
from .algorithm_dock import AlgorithmDock, start_in_background
from .bar_chart import BarChart

np = lazy_module("numpy")

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "site_evaluation_panel.ui"))

RESULT_FIELDS = (("score", DOUBLE), ("rank", INT), ("class", STRING))
SLIDER_STEPS = 1000
RESCORE_DELAY_MS = 80  # a dragged slider re-scores at most this often
SENSITIVITY_DELAY_MS = 600  # the rank ranges are recomputed once the weights rest
SENSITIVITY_RUNS, SENSITIVITY_SPREAD = 200, 0.2
LABEL_COLUMN, LAYER_COLUMN, FIELD_COLUMN = 0, 1, 2
NOT_ASSESSED_COLOUR = "#c0392b"
# shipped scheme → words in the name of a sites layer of its technology
SCHEME_HINTS = {"beispiel_wind": ("wind",), "beispiel_pv": ("photovoltaik", "solar", "pv")}
LAYER_FILTERS = {"any": QgsMapLayerProxyModel.Filter.HasGeometry, POLYGON: QgsMapLayerProxyModel.Filter.PolygonLayer,
                 LINE: QgsMapLayerProxyModel.Filter.LineLayer, POINT: QgsMapLayerProxyModel.Filter.PointLayer}


class SiteEvaluationDock(AlgorithmDock):
    OBJECT_NAME = "WipSiteEvaluationDock"
    MANUAL_ANCHOR = "site_evaluation"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Standortbewertung"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        self.shown_scheme: Scheme | None = None  # the scheme whose criteria the criteria table shows
        self.chosen_layers: dict[str, str] = {}  # criterion key → id of the layer the planner picked ("" for none)
        self.chosen_fields: dict[str, str] = {}  # criterion key → the field of a mean the planner picked
        self.pending: tuple[Scheme, list[str | None], str] | None = None  # scheme, fields, sites of a running run
        self.scheme: Scheme | None = None  # the scheme of the scored sites
        self.not_assessed: list[str] = []  # labels of its criteria without a layer
        self.utility: np.ndarray | None = None  # sites × criteria, the cached criterion matrix
        self.weights: np.ndarray | None = None  # raw slider weights, one per criterion
        self.pairwise: np.ndarray | None = None
        self.pairwise_edited = False
        self.ahp: AhpResult | None = None
        self.result: ScoreResult | None = None
        self.result_layer: QgsVectorLayer | None = None
        self.scheme_by_hand = False
        self.feature_ids: list[int] = []  # row of the matrix → feature id in the result layer
        self.row_of_feature: dict[int, int] = {}
        self.result_indexes: list[int] = []
        self.rank_ranges: tuple[np.ndarray, np.ndarray] | None = None
        self.scoring_round = 0  # counts the re-scorings, so that rank ranges of older weights are dropped
        self.sensitivity_task: QgsTask | None = None
        self.inspected: int | None = None
        self.identify_tool = None
        self.contribution_chart = BarChart(self.body)
        self.form.chartLayout.addWidget(self.contribution_chart)
        self._prepare_form()
        self.rescore_timer = QTimer(self)
        self.rescore_timer.setSingleShot(True)
        self.rescore_timer.setInterval(RESCORE_DELAY_MS)
        self.rescore_timer.timeout.connect(self.rescore)
        self.sensitivity_timer = QTimer(self)
        self.sensitivity_timer.setSingleShot(True)
        self.sensitivity_timer.setInterval(SENSITIVITY_DELAY_MS)
        self.sensitivity_timer.timeout.connect(self.start_sensitivity)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh_layers)
        project.layersRemoved.connect(self.refresh_layers)
        self.show_scheme()
        self.refresh_layers()

    # -- widgets ---------------------------------------------------------------------------------------------------

    def _prepare_form(self) -> None:
        form = self.form
        form.siteCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.siteCombo.setAllowEmptyLayer(True)
        form.siteCombo.setLayer(None)
        for scheme_id, path in shipped_schemes().items():
            try:
                title = load_scheme(path).title or scheme_id
            except ScoringError:
                title = scheme_id
            form.schemeCombo.addItem(title, str(path))
        form.schemeFileWidget.setFilter(tr("Bewertungsschema (*.json)"))
        form.methodCombo.addItem(tr("Gewichtete Summe"), WLC)
        form.methodCombo.addItem(tr("TOPSIS"), TOPSIS)
        form.missingCombo.addItem(tr("als schlechtester Wert"), MISSING_WORST)
        form.missingCombo.addItem(tr("als Mittelwert der anderen"), MISSING_MEAN)
        form.missingCombo.addItem(tr("Standort nicht bewerten"), MISSING_EXCLUDE)

        form.schemeCombo.currentIndexChanged.connect(self.show_scheme)
        form.schemeCombo.activated.connect(self._scheme_chosen_by_hand)
        form.siteCombo.layerChanged.connect(self._suggest_scheme)
        form.schemeFileWidget.fileChanged.connect(self.show_scheme)
        form.runButton.clicked.connect(self.run)
        form.saveButton.clicked.connect(self.save)
        form.identifyButton.clicked.connect(self.start_identify)
        form.methodCombo.currentIndexChanged.connect(self.schedule_rescore)
        form.missingCombo.currentIndexChanged.connect(self.schedule_rescore)
        form.missingCombo.currentIndexChanged.connect(self._show_not_assessed)
        form.ahpCheck.toggled.connect(self._comparison_toggled)
        form.acceptCheck.toggled.connect(self.schedule_rescore)
        form.ahpTable.itemChanged.connect(self._judgement_changed)
        form.saveButton.setEnabled(False)
        form.identifyButton.setEnabled(False)

    def disconnect_project(self) -> None:
        """Called on unload: stop the timers, the background runs and the map tool; the project outlives the dock."""
        project = QgsProject.instance()
        project.layersAdded.disconnect(self.refresh_layers)
        project.layersRemoved.disconnect(self.refresh_layers)
        self.cancel()
        self.rescore_timer.stop()
        self.sensitivity_timer.stop()
        self._cancel_sensitivity()
        self._stop_identify()

    # -- scheme and layers -----------------------------------------------------------------------------------------

    def show_scheme(self, *_args) -> None:
        """Read the chosen scheme, take over its method and missing-value rule, and list its criteria."""
        path = self.form.schemeFileWidget.filePath() or self.form.schemeCombo.currentData()
        try:
            self.shown_scheme = load_scheme(Path(path))
        except ScoringError as error:
            self.shown_scheme = None
            self._say(str(error), Qgis.MessageLevel.Warning)
        else:
            for combo, value in ((self.form.methodCombo, self.shown_scheme.method),
                                 (self.form.missingCombo, self.shown_scheme.missing)):
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
        self._fill_criteria_table()

    def refresh_layers(self, *_args) -> None:
        """Suggest the sites the Planungsassistent finds (the Flächenkulisse) and a layer for each role."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "site_evaluation"),
                            project_layer_infos(project))["eligible"]
        if found:
            self.suggest(self.form.siteCombo, newest_layer(project, found[0]))
        self._fill_criteria_table()

    def _scheme_chosen_by_hand(self, *_args) -> None:
        self.scheme_by_hand = True

    def _suggest_scheme(self, *_args) -> None:
        """The shipped scheme of the sites' technology (wind or PV, by the layer's name), unless the planner chose
        a scheme."""
        layer = self.form.siteCombo.currentLayer()
        if self.scheme_by_hand or self.form.schemeFileWidget.filePath() or layer is None:
            return
        name = normalise(layer.name())
        scheme_id = next((scheme for scheme, hints in SCHEME_HINTS.items() if any(hint in name for hint in hints)),
                         None)
        index = self.form.schemeCombo.findData(str(shipped_schemes().get(scheme_id, "")))
        if scheme_id is not None and index >= 0:
            self.form.schemeCombo.setCurrentIndex(index)

    def _candidate_layers(self) -> list[QgsVectorLayer]:
        own = self.result_layer.id() if self.result_layer is not None else None
        layers = [layer for layer in QgsProject.instance().mapLayers().values()
                  if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and layer.id() != own]
        return sorted(layers, key=lambda layer: layer.name().lower())

    def _fill_criteria_table(self) -> None:
        """One row per criterion of the shown scheme: for a role, the layer it is measured on (and for a mean the
        field); the planner's choice is kept while its layer is in the project, else the likeliest layer is
        suggested."""
        table = self.form.criteriaTable
        table.setRowCount(0)
        scheme = self.shown_scheme
        if scheme is None:
            self._show_not_assessed()
            return
        project = QgsProject.instance()
        layers = self._candidate_layers()
        # hints match the layer's name, never its id (a random suffix like "_bab7…" would look like a motorway)
        descriptions = [describe_layer(layer, layer.id()) for layer in layers]
        table.setRowCount(len(scheme.criteria))
        for row, criterion in enumerate(scheme.criteria):
            table.setItem(row, LABEL_COLUMN, _fixed_item(criterion.label, criterion.label))
            role = criterion.role
            if role is None:
                table.setItem(row, LAYER_COLUMN, _fixed_item(tr("Feld „{field}“ der Standorte").format(
                    field=criterion.field)))
                continue
            if not role.needs_layer:
                table.setItem(row, LAYER_COLUMN, _fixed_item(tr("aus der Geometrie der Standorte")))
                continue
            combo = QgsMapLayerComboBox(table)
            combo.setFilters(LAYER_FILTERS[role.geometry])
            combo.setAllowEmptyLayer(True)
            chosen = self.chosen_layers.get(criterion.key)
            wanted = project.mapLayer(chosen) if chosen else None
            if chosen is None or (chosen and wanted is None):  # no choice, or its layer has gone
                suggested = suggest_role_layers(role, descriptions)
                wanted = project.mapLayer(suggested[0]) if suggested else None
            combo.setLayer(wanted)
            combo.activated.connect(lambda _index, key=criterion.key, box=combo: self._choose_layer(key, box))
            combo.layerChanged.connect(self._show_not_assessed)
            table.setCellWidget(row, LAYER_COLUMN, combo)
            if role.measure == MEAN:
                fields = QgsFieldComboBox(table)
                fields.setFilters(QgsFieldProxyModel.Filter.Numeric)
                fields.setAllowEmptyFieldName(True)
                fields.setLayer(wanted)
                chosen_field = self.chosen_fields.get(criterion.key)
                if chosen_field is not None and wanted is not None and chosen_field in wanted.fields().names() + [""]:
                    fields.setField(chosen_field)  # the planner's choice outlives the table being rebuilt
                else:
                    self._suggest_field(wanted, fields, role)
                combo.layerChanged.connect(lambda layer, box=fields, r=role: self._suggest_field(layer, box, r))
                fields.activated.connect(lambda _index, key=criterion.key, box=fields: self._choose_field(key, box))
                fields.fieldChanged.connect(self._show_not_assessed)
                table.setCellWidget(row, FIELD_COLUMN, fields)
        table.resizeColumnsToContents()
        table.setColumnWidth(LABEL_COLUMN, min(table.columnWidth(LABEL_COLUMN), 180))  # the tooltip has it all
        self._show_not_assessed()

    def _choose_layer(self, key: str, combo: QgsMapLayerComboBox) -> None:
        layer = combo.currentLayer()
        self.chosen_layers[key] = layer.id() if layer is not None else ""
        self.chosen_fields.pop(key, None)  # a field of another layer

    def _choose_field(self, key: str, combo: QgsFieldComboBox) -> None:
        self.chosen_fields[key] = combo.currentField()

    @staticmethod
    def _suggest_field(layer, combo: QgsFieldComboBox, role) -> None:
        combo.setLayer(layer)
        field = suggest_role_field(role, layer.fields().names()) if layer is not None else None
        combo.setField(field or "")

    def role_layer(self, row: int):
        """The layer chosen for the role in row ``row`` of the criteria table; None for none."""
        combo = self.form.criteriaTable.cellWidget(row, LAYER_COLUMN)
        return combo.currentLayer() if isinstance(combo, QgsMapLayerComboBox) else None

    def role_field(self, row: int) -> str:
        """The field chosen for the mean in row ``row``; "" for none."""
        combo = self.form.criteriaTable.cellWidget(row, FIELD_COLUMN)
        return combo.currentField() if isinstance(combo, QgsFieldComboBox) else ""

    def unassessed_rows(self) -> list[int]:
        """The rows of roles that have no layer (or, for a mean, no field): they will not be assessed."""
        scheme = self.shown_scheme
        if scheme is None:
            return []
        return [row for row, criterion in enumerate(scheme.criteria)
                if criterion.role is not None and criterion.role.needs_layer
                and (self.role_layer(row) is None or (criterion.role.measure == MEAN and not self.role_field(row)))]

    def _show_not_assessed(self, *_args) -> None:
        """Mark the roles without a layer in red and say below the table that they will not be assessed."""
        table = self.form.criteriaTable
        rows = self.unassessed_rows()
        for row in range(table.rowCount()):
            table.item(row, LABEL_COLUMN).setForeground(QColor(NOT_ASSESSED_COLOUR if row in rows else "#000000"))
        labels = [table.item(row, LABEL_COLUMN).text() for row in rows]
        text = html.escape(_not_assessed_text(labels, self.form.missingCombo.currentText())) if labels else ""
        self.form.notAssessedLabel.setText(f'<span style="color:{NOT_ASSESSED_COLOUR}">{text}</span>' if text else "")

    # -- run -------------------------------------------------------------------------------------------------------

    def run(self) -> None:
        """Measure the criteria of the chosen sites on the chosen layers in the background; scored when done."""
        if self.is_running():
            return
        sites = self.form.siteCombo.currentLayer()
        if sites is None:
            self._say(tr("Bitte eine Standortebene (Flächen) wählen."))
            return
        if self.shown_scheme is None:
            self.show_scheme()  # says again what is wrong with the scheme
            return
        try:
            parameters, fields = self._criteria_parameters(sites)
        except ScoringError as error:
            self._say(str(error), Qgis.MessageLevel.Warning)
            return
        self.pending = (self.shown_scheme, fields, sites.name())
        self.start_algorithm("wip:sitecriteria", parameters, self._criteria_measured,
                             tr("Standortkriterien werden berechnet …"))

    def _criteria_parameters(self, sites) -> tuple[dict, list[str | None]]:
        """The ``wip:sitecriteria`` parameters for the roles' layers, and for each criterion of the shown scheme the
        field of the result that will hold its values (None: not assessed)."""
        scheme = self.shown_scheme
        layers = {DISTANCE: [], SHARE: []}  # measure → ids of the layers, each once
        mean: tuple[str, str] | None = None  # layer id and field
        measured: dict[str, tuple[str, str]] = {}  # criterion id → measure and layer id
        unassessed = self.unassessed_rows()
        for row, criterion in enumerate(scheme.criteria):
            role = criterion.role
            if role is None or not role.needs_layer or row in unassessed:
                continue
            layer_id = self.role_layer(row).id()
            if role.measure == MEAN:
                if mean is not None and mean != (layer_id, self.role_field(row)):
                    raise ScoringError(tr("Ein Lauf berechnet ein Flächenmittel: alle Mittelwert-Kriterien brauchen "
                                          "dieselbe Ebene und dasselbe Feld."))
                mean = (layer_id, self.role_field(row))
            elif layer_id not in layers[role.measure]:
                layers[role.measure].append(layer_id)
            measured[criterion.id] = (role.measure, layer_id)
        project = QgsProject.instance()
        names = criterion_fields([layer_key(project.mapLayer(i)) for i in layers[DISTANCE]],
                                 [layer_key(project.mapLayer(i)) for i in layers[SHARE]],
                                 mean[1] if mean else None, [])
        by_layer = {DISTANCE: dict(zip(layers[DISTANCE], names.distance)),
                    SHARE: dict(zip(layers[SHARE], names.share))}
        role_fields = {criterion_id: names.mean if measure == MEAN else by_layer[measure][layer_id]
                       for criterion_id, (measure, layer_id) in measured.items()}
        produced = [*names.distance, *names.share, *([names.mean] if names.mean else []), *GEOMETRY_FIELDS.values()]
        fields = bind_fields(scheme, sites.fields().names() + produced, role_fields)
        parameters = {"SITES": sites.id(), "NEAREST_LAYERS": layers[DISTANCE], "OVERLAP_LAYERS": layers[SHARE],
                      "OUTPUT": "TEMPORARY_OUTPUT"}
        if mean is not None:
            parameters.update(MEAN_LAYER=mean[0], MEAN_FIELD=mean[1])
        return parameters, fields

    def _criteria_measured(self, ok: bool, results: dict) -> None:
        """Read the measured criteria into the matrix, add the result layer and score it."""
        scheme, fields, source_name = self.pending
        self.pending = None
        if not self.algorithm_succeeded(ok):
            return
        result_layer = self.context.takeResultLayer(results["OUTPUT"])
        functions = [c.function for c in scheme.criteria]
        try:
            utilities(criterion_matrix(list(result_layer.getFeatures()), fields), functions)  # before anything is kept
            # the sliders start at the scheme's weights, from its comparison when it has one
            weights = scheme.weights(accept_inconsistent=True)[0]
        except ScoringError as error:
            self._say(str(error), Qgis.MessageLevel.Warning)
            return
        self._release_result_layer()
        kept = self._add_result_layer(result_layer, source_name, results)
        # the matrix from the kept table itself: the GeoPackage may number and order the sites anew
        utility = utilities(criterion_matrix(list(kept.getFeatures()), fields), functions)
        self.scheme, self.utility = scheme, utility
        self.not_assessed = [criterion.label for criterion in not_assessed(scheme, fields)]
        self.weights = weights
        self.pairwise = np.array(scheme.pairwise, dtype=float) if scheme.pairwise is not None \
            else pairwise_from_weights(self.weights)
        self.pairwise_edited = scheme.pairwise is not None  # else the comparison follows the sliders
        self._fill_weights_table()
        self._fill_ahp_table()
        for check, state in ((self.form.ahpCheck, scheme.pairwise is not None), (self.form.acceptCheck, False)):
            check.blockSignals(True)
            check.setChecked(state)
            check.blockSignals(False)
        self.form.saveButton.setEnabled(True)
        self.form.identifyButton.setEnabled(True)
        self.inspected = None
        if self.not_assessed:
            log.notify(self.iface, _not_assessed_text(self.not_assessed, self.form.missingCombo.currentText()),
                       Qgis.MessageLevel.Warning)
        self.rescore()

    def _add_result_layer(self, layer: QgsVectorLayer, source_name: str, results_of_run: dict) -> QgsVectorLayer:
        """Keep the scored sites in the project's result GeoPackage (the criteria run in its register); the sliders
        then score that layer, which is returned."""
        provider = layer.dataProvider()
        names = layer.fields().names()
        provider.addAttributes([new_field(name, kind) for name, kind in RESULT_FIELDS if name not in names])
        layer.updateFields()
        layer.setName(tr("Standortbewertung – {layer}").format(layer=source_name))
        apply_style(layer, result_style("sitescore", "OUTPUT"))  # score 0–100 in five classes, red to green
        layer, = keep_results(self.iface, "standortbewertung", tr("Standortbewertung"), [Result(layer, "standorte")],
                              [results_of_run])
        self.result_indexes = [layer.fields().indexOf(name) for name, _ in RESULT_FIELDS]
        self.feature_ids = [feature.id() for feature in layer.getFeatures()]  # the rows of the matrix
        self.row_of_feature = {fid: row for row, fid in enumerate(self.feature_ids)}
        layer.willBeDeleted.connect(self._result_layer_deleted)
        self.result_layer = layer
        return layer

    def _release_result_layer(self) -> None:
        """A new run scores a new layer; the last one stays in the project as its run left it."""
        self._stop_identify()
        if self.result_layer is not None:
            self.result_layer.willBeDeleted.disconnect(self._result_layer_deleted)
            self.result_layer = None

    def _result_layer_deleted(self) -> None:
        self._stop_identify()  # the map tool must not keep the deleted layer
        self.result_layer = None

    def _stop_identify(self) -> None:
        if self.identify_tool is not None and self.iface is not None:
            self.iface.mapCanvas().unsetMapTool(self.identify_tool)
        self.identify_tool = None

    def _fill_weights_table(self) -> None:
        table = self.form.weightsTable
        table.setRowCount(len(self.scheme.criteria))
        largest = max(self.weights.max(), 1e-9)
        for row, criterion in enumerate(self.scheme.criteria):
            table.setItem(row, 0, _fixed_item(criterion.label, f"{criterion.label}\n{criterion.key}"))
            slider = QSlider(Qt.Orientation.Horizontal, table)
            slider.setRange(0, SLIDER_STEPS)
            slider.setValue(round(SLIDER_STEPS * self.weights[row] / largest))
            slider.valueChanged.connect(self._slider_moved)
            table.setCellWidget(row, 1, slider)
            share = QTableWidgetItem()
            share.setFlags(share.flags() & ~Qt.ItemFlag.ItemIsEditable)
            share.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            table.setItem(row, 2, share)
        # on the sliders' scale, in the scheme's exact proportions until a slider moves
        self.weights = self.weights * SLIDER_STEPS / largest
        table.resizeColumnToContents(0)
        table.setColumnWidth(0, min(table.columnWidth(0), 180))
        table.setColumnWidth(2, table.fontMetrics().horizontalAdvance("100,0") + 16)  # the shares, filled later

    def _fill_ahp_table(self) -> None:
        table = self.form.ahpTable
        count = len(self.scheme.criteria)
        table.blockSignals(True)
        table.setRowCount(count)
        table.setColumnCount(count)
        labels = [f"K{number}" for number in range(1, count + 1)]
        table.setHorizontalHeaderLabels(labels)  # short: the columns must fit the dock
        # each row names its criterion, briefly: the matrix must stay beside it in the dock (the tooltip has it all)
        table.setVerticalHeaderLabels([f"{label} {_brief(criterion.label)}" for label, criterion in
                                       zip(labels, self.scheme.criteria)])
        for row in range(count):
            table.verticalHeaderItem(row).setToolTip(self.scheme.criteria[row].label)
            table.horizontalHeaderItem(row).setToolTip(self.scheme.criteria[row].label)
            for column in range(count):
                item = QTableWidgetItem(judgement_text(self.pairwise[row, column]))
                if row >= column:  # the diagonal and the reciprocal lower half follow the upper half
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setForeground(QColor("#808080"))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.blockSignals(False)

    # -- weights ---------------------------------------------------------------------------------------------------

    def _slider_moved(self) -> None:
        # from the first move on, the weights are what the sliders show
        self.weights = np.array([self.form.weightsTable.cellWidget(row, 1).value()
                                 for row in range(self.form.weightsTable.rowCount())], dtype=float)
        self.pairwise_edited = False  # switching to the comparison starts from these weights
        if self.form.ahpCheck.isChecked():
            self.form.ahpCheck.setChecked(False)  # moving a slider means: weigh directly
        self.schedule_rescore()

    def _judgement_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        try:
            value = parse_judgement(item.text())
        except ScoringError as error:
            self.form.crLabel.setText(html.escape(str(error)))
            value = self.pairwise[row, column]
        self.pairwise[row, column], self.pairwise[column, row] = value, 1.0 / value
        self.form.ahpTable.blockSignals(True)
        item.setText(judgement_text(value))
        self.form.ahpTable.item(column, row).setText(judgement_text(1.0 / value))
        self.form.ahpTable.blockSignals(False)
        self.pairwise_edited = True
        self.form.ahpCheck.setChecked(True)  # editing the comparison means: weigh by it
        self.schedule_rescore()

    def _comparison_toggled(self, checked: bool) -> None:
        if checked and not self.pairwise_edited and self.weights is not None and self.weights.sum() > 0:
            self.pairwise = pairwise_from_weights(self.weights)
            self._fill_ahp_table()
        self.schedule_rescore()

    def current_weights(self) -> np.ndarray | None:
        """The normalised weights in force, or None when the comparison is too inconsistent to be used (the
        consistency label says why)."""
        if not self.form.ahpCheck.isChecked():
            self.ahp = None
            self.form.crLabel.setText("")
            return normalised_weights(self.weights) if self.weights.sum() > 0 else None
        try:
            self.ahp = ahp_weights(self.pairwise)
        except ScoringError as error:  # e.g. more criteria than Saaty's random index covers
            self.form.crLabel.setText(html.escape(str(error)))
            return None
        consistent = self.ahp.consistency_ratio <= MAX_CONSISTENCY_RATIO
        text = tr("Konsistenzverhältnis CR = {cr} (λmax = {lam})").format(
            cr=format_number(self.ahp.consistency_ratio, 3), lam=format_number(self.ahp.lambda_max, 3))
        if not consistent:
            text += " – " + tr("über 0,10: die Urteile widersprechen sich; bitte prüfen oder die Inkonsistenz "
                               "ausdrücklich zulassen.")
        colour = "#1a7f37" if consistent else "#c0392b"
        self.form.crLabel.setText(f'<span style="color:{colour}">{html.escape(text)}</span>')
        return self.ahp.weights if consistent or self.form.acceptCheck.isChecked() else None

    # -- scoring ---------------------------------------------------------------------------------------------------

    def schedule_rescore(self, *_args) -> None:
        if self.utility is not None:
            self.rescore_timer.start()

    def rescore(self) -> None:
        """Score from the cached matrix with the weights in force and write score, rank and class to the layer."""
        if self.utility is None or self.result_layer is None:
            return
        weights = self.current_weights()
        if weights is None:
            self._say(tr("Keine Neubewertung: die Gewichte sind nicht verwendbar (alle 0 oder Paarvergleich "
                         "inkonsistent)."))
            return
        self.result = score(self.utility, weights, self.form.methodCombo.currentData(),
                            self.form.missingCombo.currentData())
        self.scoring_round += 1
        for row, weight in enumerate(weights):
            self.form.weightsTable.item(row, 2).setText(format_number(100 * weight, 1))
        ranks = self.result.rank
        changes = {}
        score_index, rank_index, class_index = self.result_indexes
        for row, fid in enumerate(self.feature_ids):
            value = self.result.score[row]
            scored = not np.isnan(value)
            changes[fid] = {score_index: float(value) if scored else None,
                            rank_index: int(ranks[row]) if scored else None,
                            class_index: str(self.result.site_class[row]) or None}
        self.result_layer.dataProvider().changeAttributeValues(changes)
        self.result_layer.triggerRepaint()
        counts = {label: int(np.count_nonzero(self.result.site_class == label)) for label in ("A", "B", "C")}
        unscored = int(np.count_nonzero(np.isnan(self.result.score)))
        text = tr("{sites} Standorte: {a} in Klasse A, {b} in B, {c} in C.").format(
            sites=len(self.feature_ids), a=counts["A"], b=counts["B"], c=counts["C"])
        if unscored:
            text += " " + tr("{count} ohne Bewertung (fehlende Werte).").format(count=unscored)
        if self.not_assessed:
            text += " " + _not_assessed_text(self.not_assessed, self.form.missingCombo.currentText())
        self._say(text)
        self.rank_ranges = None
        self.sensitivity_timer.start()
        self.show_site(self.inspected)

    def start_sensitivity(self) -> None:
        """The rank ranges under varied weights, in the background; the inspector shows them when done."""
        if self.result is None:
            return
        self._cancel_sensitivity()
        scoring_round = self.scoring_round
        task = QgsTask.fromFunction(
            tr("Rangspannen der Standorte"), _rank_ranges, self.utility, self.result.weights, self.result.method,
            self.form.missingCombo.currentData(),
            on_finished=lambda exception, ranges=None: self._ranges_ready(exception, ranges, scoring_round))
        self.sensitivity_task = task
        start_in_background(task)

    def _cancel_sensitivity(self) -> None:
        if self.sensitivity_task is not None:
            with contextlib.suppress(RuntimeError):  # the task manager has already deleted it
                self.sensitivity_task.cancel()
            self.sensitivity_task = None

    def _ranges_ready(self, exception, ranges, scoring_round: int) -> None:
        if scoring_round != self.scoring_round:
            return  # the weights moved on meanwhile; a newer run follows
        self.sensitivity_task = None
        if exception is None and ranges is not None:
            self.rank_ranges = ranges
            self.show_site(self.inspected)

    def is_busy(self) -> bool:
        """Whether a re-scoring or a rank-range run is still pending."""
        return self.rescore_timer.isActive() or self.sensitivity_timer.isActive() or self.sensitivity_task is not None

    # -- site inspector --------------------------------------------------------------------------------------------

    def start_identify(self) -> None:
        if self.result_layer is None or self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        self.identify_tool = QgsMapToolIdentifyFeature(canvas, self.result_layer)
        self.identify_tool.featureIdentified.connect(self.inspect_feature)
        canvas.setMapTool(self.identify_tool)

    def inspect_feature(self, feature) -> None:
        """A site clicked on the map: its page in the inspector."""
        row = self.row_of_feature.get(feature.id())
        if row is not None:
            self.show_site(row)
            self.form.resultTabs.setCurrentIndex(self.form.resultTabs.count() - 1)

    def show_site(self, row: int | None) -> None:
        """Rank, score, class, rank range and the contribution of each criterion of the site in matrix row ``row``."""
        self.inspected = row
        if row is None or self.result is None:
            return
        value = self.result.score[row]
        if np.isnan(value):
            lines = [tr("Ohne Bewertung: fehlende Kriterienwerte.")]
        else:
            lines = [tr("Rang {rank} von {count}, {score:.1f} Punkte, Klasse {site_class}").format(
                rank=self.result.rank_of(row), count=int(np.count_nonzero(~np.isnan(self.result.score))),
                score=value, site_class=self.result.site_class[row])]
            if self.rank_ranges is not None:
                low, high = self.rank_ranges
                lines.append(tr("Rangspanne bei ±{spread:.0f} % Gewichtsstreuung (5–95 %): {low:.0f}–{high:.0f}")
                             .format(spread=100 * SENSITIVITY_SPREAD, low=low[row], high=high[row]))
            else:
                lines.append(tr("Rangspanne wird berechnet …"))
        gaps = [c.label for c, gap in zip(self.scheme.criteria, self.result.missing[row]) if gap]
        if gaps:
            lines.append(tr("Fehlende Werte: {labels}").format(labels=", ".join(gaps)))
        self.form.siteText.setHtml("<br/>".join(html.escape(line) for line in lines))
        contributions = self.result.contributions[row]
        self.contribution_chart.set_bars([(c.label, points, "#2b83ba") for c, points in
                                          zip(self.scheme.criteria, contributions)], tr("Punkte"))

    # -- saving ----------------------------------------------------------------------------------------------------

    def current_scheme(self) -> Scheme:
        """The loaded scheme with the weights, comparison, method and missing-value rule the dock shows."""
        by_comparison = self.form.ahpCheck.isChecked()
        weights = ahp_weights(self.pairwise).weights if by_comparison else normalised_weights(self.weights)
        criteria = tuple(dataclasses.replace(c, weight=round(float(w), 4))
                         for c, w in zip(self.scheme.criteria, weights))
        pairwise = tuple(tuple(round(float(v), 6) for v in row) for row in self.pairwise) if by_comparison else None
        return dataclasses.replace(self.scheme, criteria=criteria, pairwise=pairwise,
                                   method=self.form.methodCombo.currentData(),
                                   missing=self.form.missingCombo.currentData())

    def save(self, path: str | None = None) -> None:
        if self.scheme is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Bewertungsschema speichern"), "",
                                                  tr("Bewertungsschema (*.json)"))
        if not path:
            return
        try:
            save_scheme(self.current_scheme(), Path(path))
        except (OSError, ScoringError) as error:
            self._say(tr("Schema nicht gespeichert: {reason}").format(reason=error), Qgis.MessageLevel.Warning)
            return
        self._say(tr("Schema gespeichert: {path}").format(path=path))

    def _say(self, text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info) -> None:
        self.form.headlineLabel.setText(text)
        if level != Qgis.MessageLevel.Info:
            log.notify(self.iface, text, level)


def _rank_ranges(task, utility, weights, method, missing):
    """Background function: the 5 and 95 % ranks of every site under seeded weight variations."""
    result = sensitivity(utility, weights, method, missing, runs=SENSITIVITY_RUNS, spread=SENSITIVITY_SPREAD,
                         top_k=1)
    return None if task.isCanceled() else (result.rank_p05, result.rank_p95)


def _not_assessed_text(labels: list[str], missing_rule: str) -> str:
    return tr("Nicht bewertet, weil keine Ebene gewählt ist: {labels}. Für diese Kriterien gilt die Regel für "
              "fehlende Werte ({rule}).").format(labels=", ".join(labels), rule=missing_rule)


def _fixed_item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tooltip)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _brief(text: str, length: int = 16) -> str:
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"
