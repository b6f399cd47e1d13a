"""Processing with the WIP provider registered, and small memory layers made from WKT."""

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsVectorLayer

from wip_qgis_plugin.processing_algorithms.provider import WipProvider


@pytest.fixture(scope="session")
def wip_processing(qgis_processing):
    provider = WipProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield
    QgsApplication.processingRegistry().removeProvider(provider)


def memory_layer(name: str, geometry_type: str, rows: list[dict], crs: str = "EPSG:25832",
                 fields: str = "") -> QgsVectorLayer:
    """A memory layer with features from ``rows`` ({"wkt": ..., field: value}); ``fields`` like
    "&field=kategorie:string"."""
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs}{fields}", name, "memory")
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(row["wkt"]))
        for key, value in row.items():
            if key != "wkt":
                feature[key] = value
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def square(x0: float, y0: float, size: float) -> str:
    return f"POLYGON(({x0} {y0}, {x0 + size} {y0}, {x0 + size} {y0 + size}, {x0} {y0 + size}, {x0} {y0}))"
