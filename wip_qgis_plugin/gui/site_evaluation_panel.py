"""Dock "Standortbewertung": weigh the criteria of candidate sites interactively.

The criterion values of the sites are read once into a matrix; every change of a weight slider, of the AHP pairwise
comparison, of the method or of the missing-value rule re-scores from that matrix (no algorithm run) and recolours a
copy of the site layer. A click on a site shows its criterion contributions, its rank and the range of ranks it takes
when the weights vary (a seeded Monte-Carlo run in the background). The input layer is never changed; the weights can
be saved as a Bewertungsschema for ``wip:sitescore`` and ``wip:sitesensitivity``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import html
from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFileWidget, QgsMapLayerComboBox, QgsMapToolIdentifyFeature
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import log
from ..core.i18n import format_number, tr
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
    judgement_text,
    load_scheme,
    normalised_weights,
    pairwise_from_weights,
    parse_judgement,
    save_scheme,
    score,
    sensitivity,
    shipped_schemes,
    utilities,
)
from ..processing_algorithms.site_score import criterion_matrix
from ..qgis_io.compat import DOUBLE, INT, STRING, new_field
from ..qgis_io.project import apply_style, result_style
from .algorithm_dock import set_scrolling_body
from .bar_chart import BarChart

RESULT_FIELDS = (("score", DOUBLE), ("rank", INT), ("class", STRING))
SLIDER_STEPS = 1000
RESCORE_DELAY_MS = 80  # a dragged slider re-scores at most this often
SENSITIVITY_DELAY_MS = 600  # the rank ranges are recomputed once the weights rest
SENSITIVITY_RUNS, SENSITIVITY_SPREAD = 200, 0.2


class SiteEvaluationDock(QgsDockWidget):
    OBJECT_NAME = "WipSiteEvaluationDock"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Standortbewertung"), parent)
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.scheme: Scheme | None = None
        self.utility: np.ndarray | None = None  # sites × criteria, the cached criterion matrix
        self.weights: np.ndarray | None = None  # raw slider weights, one per criterion
        self.pairwise: np.ndarray | None = None
        self.pairwise_edited = False
        self.ahp: AhpResult | None = None
        self.result: ScoreResult | None = None
        self.result_layer: QgsVectorLayer | None = None
        self.feature_ids: list[int] = []  # row of the matrix → feature id in the result layer
        self.row_of_feature: dict[int, int] = {}
        self.result_indexes: list[int] = []
        self.rank_ranges: tuple[np.ndarray, np.ndarray] | None = None
        self.scoring_round = 0  # counts the re-scorings, so that rank ranges of older weights are dropped
        self.sensitivity_task: QgsTask | None = None
        self.inspected: int | None = None
        self.identify_tool = None
        self._build()
        self.rescore_timer = QTimer(self)
        self.rescore_timer.setSingleShot(True)
        self.rescore_timer.setInterval(RESCORE_DELAY_MS)
        self.rescore_timer.timeout.connect(self.rescore)
        self.sensitivity_timer = QTimer(self)
        self.sensitivity_timer.setSingleShot(True)
        self.sensitivity_timer.setInterval(SENSITIVITY_DELAY_MS)
        self.sensitivity_timer.timeout.connect(self.start_sensitivity)

    # -- widgets ---------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.site_combo = QgsMapLayerComboBox(body)
        self.site_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.addRow(tr("Standorte"), self.site_combo)
        self.scheme_combo = QComboBox(body)
        for scheme_id, path in shipped_schemes().items():
            try:
                title = load_scheme(path).title or scheme_id
            except ScoringError:
                title = scheme_id
            self.scheme_combo.addItem(title, str(path))
        form.addRow(tr("Bewertungsschema"), self.scheme_combo)
        self.scheme_file = QgsFileWidget(body)
        self.scheme_file.setFilter(tr("Bewertungsschema (*.json)"))
        self.scheme_file.setToolTip(tr("Ein eigenes Schema (JSON) ersetzt die Auswahl oben."))
        form.addRow(tr("Eigenes Schema"), self.scheme_file)
        self.method_combo = QComboBox(body)
        self.method_combo.addItem(tr("Gewichtete Summe"), WLC)
        self.method_combo.addItem(tr("TOPSIS"), TOPSIS)
        form.addRow(tr("Verfahren"), self.method_combo)
        self.missing_combo = QComboBox(body)
        self.missing_combo.addItem(tr("als schlechtester Wert"), MISSING_WORST)
        self.missing_combo.addItem(tr("als Mittelwert der anderen"), MISSING_MEAN)
        self.missing_combo.addItem(tr("Standort nicht bewerten"), MISSING_EXCLUDE)
        form.addRow(tr("Fehlende Werte"), self.missing_combo)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.load_button = QPushButton(tr("Standorte bewerten"), body)
        self.save_button = QPushButton(tr("Schema speichern …"), body)
        self.identify_button = QPushButton(tr("Standort untersuchen"), body)
        for button in (self.load_button, self.save_button, self.identify_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.headline = QLabel(tr("Standortebene und Bewertungsschema wählen, dann „Standorte bewerten“."), body)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)

        self.tabs = QTabWidget(body)
        self.weights_table = QTableWidget(0, 3, body)
        self.weights_table.setHorizontalHeaderLabels([tr("Kriterium"), tr("Gewicht"), "%"])
        self.weights_table.verticalHeader().setVisible(False)
        self.tabs.addTab(self.weights_table, tr("Gewichte"))
        ahp_page = QWidget(body)
        ahp_layout = QVBoxLayout(ahp_page)
        self.ahp_check = QCheckBox(tr("Gewichte aus dem Paarvergleich (AHP)"), ahp_page)
        self.accept_check = QCheckBox(tr("Inkonsistenz (CR > 0,10) ausdrücklich zulassen"), ahp_page)
        self.cr_label = QLabel(ahp_page)
        self.cr_label.setWordWrap(True)
        self.ahp_table = QTableWidget(0, 0, ahp_page)
        self.ahp_table.setToolTip(tr("Zeile gegen Spalte auf der Saaty-Skala: 1 gleich wichtig, 3 etwas, 5 deutlich, "
                                     "7 sehr viel, 9 extrem wichtiger; 1/3 … 1/9 umgekehrt. Die untere Hälfte "
                                     "folgt als Kehrwert."))
        for widget in (self.ahp_check, self.accept_check, self.cr_label, self.ahp_table):
            ahp_layout.addWidget(widget)
        self.tabs.addTab(ahp_page, tr("Paarvergleich (AHP)"))
        inspector = QWidget(body)
        inspector_layout = QVBoxLayout(inspector)
        self.site_text = QTextBrowser(inspector)
        self.site_text.setMaximumHeight(110)
        self.contribution_chart = BarChart(inspector)
        inspector_layout.addWidget(self.site_text)
        inspector_layout.addWidget(self.contribution_chart)
        inspector_layout.addStretch()
        self.tabs.addTab(inspector, tr("Standort"))
        layout.addWidget(self.tabs)
        set_scrolling_body(self, body, "site_evaluation")

        self.site_combo.layerChanged.connect(self._suggest_scheme)
        self.load_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.identify_button.clicked.connect(self.start_identify)
        self.method_combo.currentIndexChanged.connect(self.schedule_rescore)
        self.missing_combo.currentIndexChanged.connect(self.schedule_rescore)
        self.ahp_check.toggled.connect(self._comparison_toggled)
        self.accept_check.toggled.connect(self.schedule_rescore)
        self.ahp_table.itemChanged.connect(self._judgement_changed)
        self.save_button.setEnabled(False)
        self.identify_button.setEnabled(False)

    def disconnect_project(self) -> None:
        """Called on unload: stop the timers, the background run and the map tool."""
        self.rescore_timer.stop()
        self.sensitivity_timer.stop()
        self._cancel_sensitivity()
        self._stop_identify()

    # -- loading ---------------------------------------------------------------------------------------------------

    def _suggest_scheme(self, layer) -> None:
        """Preselect the first shipped scheme whose criterion fields the chosen site layer has."""
        if layer is None:
            return
        names = set(layer.fields().names())
        for index in range(self.scheme_combo.count()):
            try:
                scheme = load_scheme(Path(self.scheme_combo.itemData(index)))
            except ScoringError:
                continue
            if all(criterion.field in names for criterion in scheme.criteria):
                self.scheme_combo.setCurrentIndex(index)
                return

    def chosen_scheme(self) -> Scheme:
        path = self.scheme_file.filePath() or self.scheme_combo.currentData()
        return load_scheme(Path(path))

    def load(self) -> None:
        """Read scheme and criterion values, copy the sites into a result layer, and score them."""
        source = self.site_combo.currentLayer()
        if source is None:
            self._say(tr("Bitte eine Standortebene (Flächen) wählen."))
            return
        try:
            scheme = self.chosen_scheme()
            result_layer = source.materialize(QgsFeatureRequest())
            features = list(result_layer.getFeatures())
            if not features:
                raise ScoringError(tr("Die Standortebene enthält keine Objekte."))
            values = criterion_matrix(result_layer.fields().names(), features, scheme)
            utility = utilities(values, [c.function for c in scheme.criteria])
            # the sliders start at the scheme's weights, from its comparison when it has one
            weights = scheme.weights(accept_inconsistent=True)[0]
        except ScoringError as error:
            self._say(str(error), Qgis.MessageLevel.Warning)
            return
        self._remove_result_layer()
        self.scheme, self.utility = scheme, utility
        self.feature_ids = [feature.id() for feature in features]
        self.row_of_feature = {fid: row for row, fid in enumerate(self.feature_ids)}
        self.weights = weights
        self.pairwise = np.array(scheme.pairwise, dtype=float) if scheme.pairwise is not None \
            else pairwise_from_weights(self.weights)
        self.pairwise_edited = scheme.pairwise is not None  # else the comparison follows the sliders
        self.method_combo.blockSignals(True)
        self.missing_combo.blockSignals(True)
        self.method_combo.setCurrentIndex(self.method_combo.findData(scheme.method))
        self.missing_combo.setCurrentIndex(self.missing_combo.findData(scheme.missing))
        self.method_combo.blockSignals(False)
        self.missing_combo.blockSignals(False)
        self._add_result_layer(result_layer, source.name())
        self._fill_weights_table()
        self._fill_ahp_table()
        for check, state in ((self.ahp_check, scheme.pairwise is not None), (self.accept_check, False)):
            check.blockSignals(True)
            check.setChecked(state)
            check.blockSignals(False)
        self.save_button.setEnabled(True)
        self.identify_button.setEnabled(True)
        self.inspected = None
        self.rescore()

    def _add_result_layer(self, layer: QgsVectorLayer, source_name: str) -> None:
        provider = layer.dataProvider()
        names = layer.fields().names()
        provider.addAttributes([new_field(name, kind) for name, kind in RESULT_FIELDS if name not in names])
        layer.updateFields()
        self.result_indexes = [layer.fields().indexOf(name) for name, _ in RESULT_FIELDS]
        layer.setName(tr("Standortbewertung – {layer}").format(layer=source_name))
        apply_style(layer, result_style("sitescore", "OUTPUT"))  # score 0–100 in five classes, red to green
        QgsProject.instance().addMapLayer(layer)
        layer.willBeDeleted.connect(self._result_layer_deleted)
        self.result_layer = layer

    def _remove_result_layer(self) -> None:
        self._stop_identify()
        if self.result_layer is not None:
            layer, self.result_layer = self.result_layer, None
            QgsProject.instance().removeMapLayer(layer.id())

    def _result_layer_deleted(self) -> None:
        self._stop_identify()  # the map tool must not keep the deleted layer
        self.result_layer = None

    def _stop_identify(self) -> None:
        if self.identify_tool is not None and self.iface is not None:
            self.iface.mapCanvas().unsetMapTool(self.identify_tool)
        self.identify_tool = None

    def _fill_weights_table(self) -> None:
        table = self.weights_table
        table.setRowCount(len(self.scheme.criteria))
        largest = max(self.weights.max(), 1e-9)
        for row, criterion in enumerate(self.scheme.criteria):
            item = QTableWidgetItem(criterion.label)
            item.setToolTip(f"{criterion.label}\n{criterion.field}")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, item)
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

    def _fill_ahp_table(self) -> None:
        table = self.ahp_table
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
        self.weights = np.array([self.weights_table.cellWidget(row, 1).value()
                                 for row in range(self.weights_table.rowCount())], dtype=float)
        self.pairwise_edited = False  # switching to the comparison starts from these weights
        if self.ahp_check.isChecked():
            self.ahp_check.setChecked(False)  # moving a slider means: weigh directly
        self.schedule_rescore()

    def _judgement_changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        try:
            value = parse_judgement(item.text())
        except ScoringError as error:
            self.cr_label.setText(html.escape(str(error)))
            value = self.pairwise[row, column]
        self.pairwise[row, column], self.pairwise[column, row] = value, 1.0 / value
        self.ahp_table.blockSignals(True)
        item.setText(judgement_text(value))
        self.ahp_table.item(column, row).setText(judgement_text(1.0 / value))
        self.ahp_table.blockSignals(False)
        self.pairwise_edited = True
        self.ahp_check.setChecked(True)  # editing the comparison means: weigh by it
        self.schedule_rescore()

    def _comparison_toggled(self, checked: bool) -> None:
        if checked and not self.pairwise_edited and self.weights is not None and self.weights.sum() > 0:
            self.pairwise = pairwise_from_weights(self.weights)
            self._fill_ahp_table()
        self.schedule_rescore()

    def current_weights(self) -> np.ndarray | None:
        """The normalised weights in force, or None when the comparison is too inconsistent to be used (the
        consistency label says why)."""
        if not self.ahp_check.isChecked():
            self.ahp = None
            self.cr_label.setText("")
            return normalised_weights(self.weights) if self.weights.sum() > 0 else None
        try:
            self.ahp = ahp_weights(self.pairwise)
        except ScoringError as error:  # e.g. more criteria than Saaty's random index covers
            self.cr_label.setText(html.escape(str(error)))
            return None
        consistent = self.ahp.consistency_ratio <= MAX_CONSISTENCY_RATIO
        text = tr("Konsistenzverhältnis CR = {cr} (λmax = {lam})").format(
            cr=format_number(self.ahp.consistency_ratio, 3), lam=format_number(self.ahp.lambda_max, 3))
        if not consistent:
            text += " – " + tr("über 0,10: die Urteile widersprechen sich; bitte prüfen oder die Inkonsistenz "
                               "ausdrücklich zulassen.")
        colour = "#1a7f37" if consistent else "#c0392b"
        self.cr_label.setText(f'<span style="color:{colour}">{html.escape(text)}</span>')
        return self.ahp.weights if consistent or self.accept_check.isChecked() else None

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
        self.result = score(self.utility, weights, self.method_combo.currentData(),
                            self.missing_combo.currentData())
        self.scoring_round += 1
        for row, weight in enumerate(weights):
            self.weights_table.item(row, 2).setText(format_number(100 * weight, 1))
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
            self.missing_combo.currentData(),
            on_finished=lambda exception, ranges=None: self._ranges_ready(exception, ranges, scoring_round))
        self.sensitivity_task = task
        QgsApplication.taskManager().addTask(task)

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
            self.tabs.setCurrentIndex(self.tabs.count() - 1)

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
        self.site_text.setHtml("<br/>".join(html.escape(line) for line in lines))
        contributions = self.result.contributions[row]
        self.contribution_chart.set_bars([(c.label, points, "#2b83ba") for c, points in
                                          zip(self.scheme.criteria, contributions)], tr("Punkte"))

    # -- saving ----------------------------------------------------------------------------------------------------

    def current_scheme(self) -> Scheme:
        """The loaded scheme with the weights, comparison, method and missing-value rule the dock shows."""
        by_comparison = self.ahp_check.isChecked()
        weights = ahp_weights(self.pairwise).weights if by_comparison else normalised_weights(self.weights)
        criteria = tuple(dataclasses.replace(c, weight=round(float(w), 4))
                         for c, w in zip(self.scheme.criteria, weights))
        pairwise = tuple(tuple(round(float(v), 6) for v in row) for row in self.pairwise) if by_comparison else None
        return dataclasses.replace(self.scheme, criteria=criteria, pairwise=pairwise,
                                   method=self.method_combo.currentData(), missing=self.missing_combo.currentData())

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
        self.headline.setText(text)
        if level != Qgis.MessageLevel.Info:
            log.notify(self.iface, text, level)


def _rank_ranges(task, utility, weights, method, missing):
    """Background function: the 5 and 95 % ranks of every site under seeded weight variations."""
    result = sensitivity(utility, weights, method, missing, runs=SENSITIVITY_RUNS, spread=SENSITIVITY_SPREAD,
                         top_k=1)
    return None if task.isCanceled() else (result.rank_p05, result.rank_p95)


def _brief(text: str, length: int = 16) -> str:
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"
