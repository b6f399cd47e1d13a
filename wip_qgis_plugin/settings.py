"""The plugin's one settings module: typed access to QgsSettings under ``wip/``."""

from qgis.core import QgsSettings

_PREFIX = "wip/"


def _value(key: str, default, value_type):
    return QgsSettings().value(_PREFIX + key, default, type=value_type)


def _set(key: str, value) -> None:
    QgsSettings().setValue(_PREFIX + key, value)


def ui_language() -> str:
    """Language of the plugin UI: the QGIS user locale (German unless QGIS runs in another language)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        from qgis.PyQt.QtCore import QLocale

        locale = QLocale.system().name()
    return (locale or "de")[:2].lower()


def dependency_warning_shown_for() -> str:
    """The plugin version for which the missing-dependency warning was last shown."""
    return _value("dependencies/warned_version", "", str)


def set_dependency_warning_shown_for(version: str) -> None:
    _set("dependencies/warned_version", version)
