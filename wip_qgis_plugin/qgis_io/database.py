"""The few things every part of the plugin that talks to a PostgreSQL database shares."""
from __future__ import annotations

from qgis.core import QgsDataSourceUri, QgsException, QgsProviderConnectionException, QgsProviderRegistry

# Processing's destinations into a PostgreSQL table (QGIS's dialog writes "postgis:")
DATABASE_PREFIXES = ("postgres:", "postgis:")

# what a lost or refusing database server raises (QGIS 3.22 raises a plain QgsException for a lost connection)
DATABASE_ERRORS = (QgsProviderConnectionException, QgsException)


def quoted(name: str) -> str:
    """A PostgreSQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def qualified_table(uri: str) -> str:
    """The quoted ``"schema"."table"`` of a connection ``uri`` (a query in brackets as it is)."""
    parts = QgsDataSourceUri(uri)
    if parts.table().startswith("("):
        return parts.table()
    return f"{quoted(parts.schema() or 'public')}.{quoted(parts.table())}"


def connection(uri: str):
    """The database connection of ``uri`` (its table, if any, does not matter)."""
    return QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(uri, {})
