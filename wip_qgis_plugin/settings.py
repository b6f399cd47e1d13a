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


def open_docks() -> list[str]:
    """The keys of the plugin's docks that were open when the plugin was last unloaded (QGIS closed)."""
    return [key for key in _value("openDocks", "", str).split(",") if key]


def set_open_docks(keys: list[str]) -> None:
    _set("openDocks", ",".join(keys))


def unfinished_tables() -> list[str]:
    """The connections of database tables a failed run could not drop (its server was gone): dropped by the next run
    that writes into their database."""
    return [uri for uri in _value("unfinishedTables", "", str).split("\n") if uri]


def set_unfinished_tables(uris: list[str]) -> None:
    _set("unfinishedTables", "\n".join(uris))
