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


def geotiff(path, values, left: float, top: float, cell: float, nodata: float = -9999.0,
            crs: str = "EPSG:25832") -> str:
    """A float32 GeoTIFF of ``values`` (rows from the top) written by GDAL's GTiff driver through QGIS: the GDAL
    Python bindings must not share the process with QGIS at exit. Returns the path, not a layer: a raster layer
    still alive when the test session ends crashes QGIS at exit."""
    import numpy as np
    from qgis.core import (
        Qgis,
        QgsCoordinateReferenceSystem,
        QgsRasterBlock,
        QgsRasterFileWriter,
        QgsRasterLayer,
        QgsRectangle,
    )
    from qgis.PyQt.QtCore import QByteArray

    values = np.asarray(values, dtype=np.float32)
    rows, columns = values.shape
    writer = QgsRasterFileWriter(str(path))
    writer.setOutputFormat("GTiff")
    provider = writer.createOneBandRaster(Qgis.DataType.Float32, columns, rows,
                                          QgsRectangle(left, top - rows * cell, left + columns * cell, top),
                                          QgsCoordinateReferenceSystem(crs))
    assert provider is not None and provider.isValid()
    provider.setNoDataValue(1, nodata)
    block = QgsRasterBlock(Qgis.DataType.Float32, columns, rows)
    block.setData(QByteArray(values.tobytes()))
    assert provider.writeBlock(block, 1, 0, 0)
    del provider  # closes the file
    layer = QgsRasterLayer(str(path), "raster")
    assert layer.isValid() and layer.crs().authid() == crs
    return str(path)
