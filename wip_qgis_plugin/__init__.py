"""WIP Energie- und Raumplanung: QGIS plugin entry point (kept light; everything is imported lazily)."""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    from .plugin import WipPlugin

    return WipPlugin(iface)
