"""A dock whose form runs WIP Processing algorithms in the background, one at a time: the task, its progress, cancel,
and the algorithm's own message when it fails. The form has runButton, cancelButton, progressBar and headlineLabel."""
from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import log
from ..core.i18n import tr
from ..manual import manual_url, open_manual
from ..qgis_io.gui_thread import hold_collection, release_collection
from ..qgis_io.project import results_in_project

COMBO_MIN_CHARACTERS = 12  # the width a combo box asks for; it grows with the dock, a longer entry is cut short


def start_in_background(task: QgsTask) -> None:
    """Hand ``task`` to QGIS's task manager; until it ends, only the GUI thread collects Python's garbage."""
    if hold_collection():
        task.taskCompleted.connect(release_collection)
        task.taskTerminated.connect(release_collection)
    QgsApplication.taskManager().addTask(task)


def set_scrolling_body(dock: QgsDockWidget, body: QWidget, manual_anchor: str | None = None) -> QScrollArea:
    """Put ``body`` into ``dock`` inside a scroll area: a dock then never forces the QGIS window beyond the
    screen (1,366 × 768 laptops); what does not fit scrolls. Above it, a help button opens the manual's section
    ``manual_anchor`` of the six steps (None: the manual's start page)."""
    for combo in body.findChildren(QComboBox):  # a long entry (a scheme's title) must not widen the dock
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARACTERS)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    page, anchor = ("workflow", manual_anchor) if manual_anchor else ("index", "")
    if not manual_url(page, anchor):  # a source checkout without the built manual
        dock.setWidget(area)
        return area
    help_button = QToolButton()
    help_button.setObjectName("manualButton")
    help_button.setAutoRaise(True)
    help_button.setIcon(QgsApplication.getThemeIcon("/mActionHelpContents.svg"))
    help_button.setText(tr("Handbuch"))
    help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    help_button.setToolTip(tr("Diesen Arbeitsschritt im Handbuch öffnen") if manual_anchor else
                           tr("Das Handbuch öffnen"))
    help_button.clicked.connect(lambda: open_manual(page, anchor))
    header = QHBoxLayout()
    header.setContentsMargins(0, 0, 4, 0)
    header.addStretch()
    header.addWidget(help_button)
    frame = QWidget(dock)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addLayout(header)
    layout.addWidget(area)
    dock.setWidget(frame)
    return area


class AlgorithmDock(QgsDockWidget):
    MANUAL_ANCHOR = ""  # the step key: its section of the manual

    def __init__(self, title: str, object_name: str, iface, parent, form_class):
        super().__init__(title, parent)
        self.setObjectName(object_name)
        self.iface = iface
        self.form = form_class()
        self.body = QWidget(self)
        self.form.setupUi(self.body)
        for table in self.body.findChildren(QTableWidget):  # headers readable before the first run fills them
            table.resizeColumnsToContents()
        self.scroll_area = set_scrolling_body(self, self.body, self.MANUAL_ANCHOR)
        self.suggested: dict[str, str] = {}  # combo object name → id of the layer the dock suggested in it
        self.task: QgsProcessingAlgRunnerTask | None = None
        self.context: QgsProcessingContext | None = None
        self.feedback: QgsProcessingFeedback | None = None
        self.form.cancelButton.setEnabled(False)
        self.form.progressBar.setValue(0)
        self.form.cancelButton.clicked.connect(self.cancel)

    def reveal(self, widget: QWidget) -> None:
        """Scroll the dock down or up so that ``widget`` (a result the planner just asked for) is in view; the
        form's left edge, where its labels are, stays in view."""
        self.scroll_area.ensureWidgetVisible(widget)
        self.scroll_area.horizontalScrollBar().setValue(0)

    def suggest(self, combo, layer) -> None:
        """Preselect ``layer`` in ``combo`` unless the planner picked another one by hand (empty or what the dock
        suggested before is no choice of the planner's)."""
        current = combo.currentLayer()
        if layer is None or (current is not None and current.id() != self.suggested.get(combo.objectName())):
            return
        combo.setLayer(layer)
        self.suggested[combo.objectName()] = layer.id()

    def suggest_results(self, combos) -> None:
        """Preselect in each combo of ``combos`` ((result key of ``qgis_io.project.RESULT_FIELDS``, combo)) the
        newest such result in the project."""
        for key, combo in combos:
            layers = results_in_project(key)
            if layers:
                self.suggest(combo, layers[0])

    def start_algorithm(self, algorithm_id: str, parameters: dict, finished, message: str | None = "") -> None:
        """Run ``algorithm_id`` as a task; ``finished(ok, results)`` is called in the GUI thread afterwards. The
        headline shows ``message`` (by default that the computation runs); None leaves it as it is."""
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self._show_progress)  # a method of the dock: queued to the GUI thread
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(finished)
        self.set_running(True)
        self.form.progressBar.setValue(0)
        if message is not None:
            self.form.headlineLabel.setText(message or tr("Berechnung läuft …"))
        # the task's constructor prepared the algorithm here: only this thread collects garbage until the run ends
        QgsApplication.taskManager().addTask(self.task)

    def set_running(self, running: bool) -> None:
        """Enable the controls for a running or an idle dock; docks with more buttons extend it."""
        self.form.runButton.setEnabled(not running)
        self.form.cancelButton.setEnabled(running)

    def algorithm_succeeded(self, ok: bool) -> bool:
        """After a task: True when it succeeded; else the headline says it was cancelled or why it failed (the
        algorithm's own message is the last line of its log)."""
        self.task = None
        self.set_running(False)
        if self.feedback.isCanceled() or not ok:
            lines = [line for line in self.feedback.textLog().splitlines() if line.strip()]
            log.warning(self.feedback.textLog())
            self.form.headlineLabel.setText(
                tr("Berechnung abgebrochen.") if self.feedback.isCanceled() else
                tr("Berechnung fehlgeschlagen: {reason}").format(reason=lines[-1] if lines else "?"))
            self.form.progressBar.setValue(0)
            return False
        self.form.progressBar.setValue(100)
        return True

    def _show_progress(self, value: float) -> None:
        self.form.progressBar.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None and self.feedback is not None:
            self.feedback.cancel()

    def is_running(self) -> bool:
        return self.task is not None
