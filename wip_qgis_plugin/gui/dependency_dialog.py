"""The dialog a planner sees when Python packages the plugin needs are missing: which ones, the commands that install
them into this QGIS, and a check whether they are there now."""
from __future__ import annotations

import html

from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from ..core.i18n import tr
from ..dependencies import install_commands, missing_requirements


class DependencyDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("WipDependencyDialog")
        self.setWindowTitle(tr("WIP Energie- und Raumplanung: Python-Pakete"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.commands = QPlainTextEdit()
        self.commands.setReadOnly(True)
        layout.addWidget(self.commands)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("Befehle kopieren"))
        self.check_button = QPushButton(tr("Erneut prüfen"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.commands.toPlainText()))
        self.check_button.clicked.connect(self.check)
        layout.addWidget(buttons)
        self.check()

    def check(self) -> None:
        missing = missing_requirements()
        if not missing:
            self.summary.setText(tr("Alle Python-Pakete sind vorhanden. Bitte QGIS neu starten, dann stehen "
                                    "Werkzeuge und Andockfenster bereit."))
            self.commands.clear()
            self.commands.setVisible(False)
            self.copy_button.setEnabled(False)
            return
        rows = "".join(f"<li><b>{html.escape(req.pip_name)}</b>: {html.escape(reason)}</li>" for req, reason in missing)
        self.summary.setText(
            tr("Das Plugin braucht Python-Pakete, die dieser QGIS-Installation fehlen:") + f"<ul>{rows}</ul>"
            + tr("Diese Befehle installieren sie in das Python dieser QGIS-Installation (unter Windows in der "
                 "OSGeo4W-Shell als Administrator, sonst in einem Terminal); die numpy-Version von QGIS bleibt "
                 "dabei unverändert. Danach „Erneut prüfen“ und QGIS neu starten."))
        self.commands.setVisible(True)
        self.commands.setPlainText("\n".join(install_commands(missing)))
        self.copy_button.setEnabled(True)
