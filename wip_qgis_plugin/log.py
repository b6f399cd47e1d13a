"""The plugin's one logging helper: QgsMessageLog under the tag ``WIP``, message bar for what the user must see."""

from qgis.core import Qgis, QgsMessageLog

TAG = "WIP"


def info(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Info)


def warning(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Warning)


def critical(message: str) -> None:
    QgsMessageLog.logMessage(message, TAG, Qgis.MessageLevel.Critical)


def notify(iface, message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info, duration: int = 8) -> None:
    """Show ``message`` in the QGIS message bar and keep it in the log."""
    QgsMessageLog.logMessage(message, TAG, level)
    if iface is not None:
        iface.messageBar().pushMessage(TAG, message, level, duration)
