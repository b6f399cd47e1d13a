"""The dialog in which a planner chooses the office database (a saved PostgreSQL connection and a schema) as the
place where the docks keep their results, or the project's result GeoPackage again."""
from __future__ import annotations

from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..core.i18n import tr


class ResultDatabaseDialog(QDialog):
    def __init__(self, connection: str, schema: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Ergebnis-Datenbank"))
        self.connections = QgsProviderConnectionComboBox("postgres", self)
        self.connections.setAllowEmptyConnection(True)
        self.connections.setConnection(connection)
        self.schemas = QgsDatabaseSchemaComboBox("postgres", connection, self) if connection else \
            QgsDatabaseSchemaComboBox("postgres", "", self)
        if connection:
            self.schemas.setSchema(schema)
        self.connections.connectionChanged.connect(self._connection_changed)
        explanation = QLabel(tr(
            "Die Andockfenster speichern ihre Ergebnisse als Tabellen in diesem Schema der Datenbank des Amts, und "
            "jeder Lauf trägt sich in dessen Laufregister ein. Die Verbindung wird in QGIS eingerichtet "
            "(Datenquellenverwaltung › PostgreSQL); ohne Verbindung gilt das Ergebnis-GeoPackage des Projekts."))
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Verbindung"), self.connections)
        form.addRow(tr("Schema"), self.schemas)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._connection_changed(self.connections.currentConnection())

    def _connection_changed(self, connection: str) -> None:
        self.schemas.setConnectionName(connection or "")
        self.schemas.setEnabled(bool(connection))

    def chosen(self) -> tuple[str, str]:
        """(connection name, schema); an empty name for the result GeoPackage."""
        connection = self.connections.currentConnection() or ""
        return connection, (self.schemas.currentSchema() or "public") if connection else ""
