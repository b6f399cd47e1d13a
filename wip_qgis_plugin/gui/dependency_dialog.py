"""The dialog a planner sees when Python packages the plugin needs are missing: which ones, the commands that install
them into this QGIS, running those it may run itself with their output, and a check whether they are there now."""
from __future__ import annotations

import html

from qgis.PyQt.QtCore import QProcess
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..core.i18n import tr
from ..dependencies import install_steps, missing_requirements


class DependencyDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("WipDependencyDialog")
        self.setWindowTitle(tr("WIP Energie- und Raumplanung: Python-Pakete"))
        self.resize(640, 420)
        self.steps, self.queue, self.process = [], [], None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.commands = QPlainTextEdit()
        self.commands.setReadOnly(True)
        layout.addWidget(self.commands)
        self.output = QPlainTextEdit()  # what the commands run from here print
        self.output.setReadOnly(True)
        self.output.setVisible(False)
        layout.addWidget(self.output)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: pip says nothing about how far it is
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Schließen"))  # Qt's own may be missing
        self.install_button = QPushButton(tr("Installieren"))
        self.copy_button = QPushButton(tr("Befehle kopieren"))
        self.check_button = QPushButton(tr("Erneut prüfen"))
        for button in (self.install_button, self.copy_button, self.check_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.install_button.clicked.connect(self.install)
        self.copy_button.clicked.connect(self.copy_commands)
        self.check_button.clicked.connect(self.check)
        layout.addWidget(buttons)
        self.check()

    def check(self) -> None:
        missing = missing_requirements()
        self.steps = install_steps(missing) if missing else []
        self.install_button.setEnabled(any(step.runnable for step in self.steps))
        self.copy_button.setEnabled(bool(self.steps))
        if not missing:
            self.summary.setText(tr("Alle Python-Pakete sind vorhanden. Bitte QGIS neu starten, dann stehen "
                                    "Werkzeuge und Andockfenster bereit."))
            return
        rows = "".join(f"<li><b>{html.escape(req.pip_name)}</b>: {html.escape(reason)}</li>" for req, reason in missing)
        self.summary.setText(
            tr("Das Plugin braucht Python-Pakete, die dieser QGIS-Installation fehlen:") + f"<ul>{rows}</ul>"
            + tr("Diese Befehle installieren sie in das Python dieser QGIS-Installation; die numpy-Version von QGIS "
                 "bleibt dabei unverändert. „Installieren“ führt die pip-Befehle aus (unter Windows nur, wenn "
                 "QGIS als Administrator läuft, sonst den Befehl in der OSGeo4W-Shell als Administrator ausführen); "
                 "Befehle mit sudo bitte selbst in einem Terminal ausführen. Danach „Erneut prüfen“ und QGIS neu "
                 "starten."))
        self.commands.setPlainText("\n".join(step.text() for step in self.steps))

    def copy_commands(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(step.text() for step in self.steps))

    def install(self) -> None:
        """Run the steps the plugin may run, one after the other, their output below the commands."""
        self.queue = [step for step in self.steps if step.runnable]
        self.output.clear()
        self.output.setVisible(True)
        self.set_running(True)
        self._next()

    def set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for button in (self.install_button, self.check_button):
            button.setEnabled(not running)

    def _next(self) -> None:
        if not self.queue:
            self.set_running(False)
            self.check()
            return
        step = self.queue.pop(0)
        program, arguments = step.program()
        self.output.appendPlainText(f"$ {step.text()}")
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self._show_output)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed_to_start)
        self.process.start(program, arguments)

    def _show_output(self) -> None:
        text = bytes(self.process.readAllStandardOutput()).decode("utf-8", errors="replace").rstrip()
        if text:
            self.output.appendPlainText(text)

    def _finished(self, code: int, _status=None) -> None:
        if code != 0:
            self.queue = []
            self.output.appendPlainText(tr("Abgebrochen mit Fehlercode {code}: siehe die Meldungen oben.").format(
                code=code))
        self._next()

    def _failed_to_start(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.output.appendPlainText(tr("Das Programm ließ sich nicht starten: {program}").format(
                program=self.process.program()))
            self.queue = []
            self._next()

    def reject(self) -> None:
        if self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning:
            self.queue = []
            self.process.kill()
            self.process.waitForFinished(3000)
        super().reject()
