"""The only bridge between QGIS (layers, project, sinks, feedback) and the QGIS-free core."""
