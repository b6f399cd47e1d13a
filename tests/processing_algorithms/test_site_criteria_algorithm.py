"""wip:sitecriteria through Processing on a small hand-computed layout, with a GeoTIFF raster."""

import numpy as np
import processing
import pytest
from osgeo import gdal, osr
from qgis.core import NULL, QgsProcessingException, QgsRasterLayer

from tests.processing_algorithms.conftest import memory_layer, square


@pytest.fixture
def sites():
    return memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "name": "A"},
                                                 {"wkt": square(300, 0, 100), "name": "B"}],
                        fields="&field=name:string")


def geotiff(path, epsg=25832):
    """10 m cells, top-left corner (0, 100), 50 columns × 10 rows, value = column index; column 0 is nodata."""
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 50, 10, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((0, 10, 0, 100, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(-1)
    values = np.tile(np.arange(50, dtype=np.float32), (10, 1))
    values[:, 0] = -1
    band.WriteArray(values)
    dataset.FlushCache()
    return QgsRasterLayer(str(path), "hangneigung")


def test_criteria_by_hand(wip_processing, sites, tmp_path):
    substations = memory_layer("umspannwerke", "Point", [{"wkt": "POINT(150 50)"}])
    protected = memory_layer("schutzgebiete", "Polygon", [{"wkt": square(50, 0, 100)}])
    soils = memory_layer("boden", "Polygon", [{"wkt": "POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))", "ackerzahl": 80},
                                              {"wkt": "POLYGON((50 0, 100 0, 100 100, 50 100, 50 0))",
                                               "ackerzahl": 40}], fields="&field=ackerzahl:double")
    result = processing.run("wip:sitecriteria", {
        "SITES": sites, "NEAREST_LAYERS": [substations], "OVERLAP_LAYERS": [protected], "MEAN_LAYER": soils,
        "MEAN_FIELD": "ackerzahl", "RASTERS": [geotiff(tmp_path / "neigung.tif")], "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["name"]: f for f in result.getFeatures()}
    a, b = rows["A"], rows["B"]
    assert (a["dist_umspannwerke_m"], b["dist_umspannwerke_m"]) == pytest.approx((50, 150))
    assert (a["share_schutzgebiete"], b["share_schutzgebiete"]) == pytest.approx((0.5, 0))
    assert a["mean_ackerzahl"] == pytest.approx(60) and b["mean_ackerzahl"] == NULL
    # site A covers columns 0–9 (column 0 is nodata): mean of 1…9; site B columns 30–39
    assert (a["hangneigung_mean"], a["hangneigung_min"], a["hangneigung_max"]) == pytest.approx((5, 1, 9))
    assert b["hangneigung_mean"] == pytest.approx(34.5)
    assert a["area_ha"] == pytest.approx(1.0) and a["compactness"] == pytest.approx(3.14159 / 4, rel=1e-4)


def test_raster_in_another_crs_is_named(wip_processing, sites, tmp_path):
    with pytest.raises(QgsProcessingException, match="hangneigung"):
        processing.run("wip:sitecriteria", {"SITES": sites, "RASTERS": [geotiff(tmp_path / "x.tif", 3857)],
                                            "OUTPUT": "memory:"})


def test_mean_layer_needs_a_field(wip_processing, sites):
    soils = memory_layer("boden", "Polygon", [{"wkt": square(0, 0, 50), "ackerzahl": 80}],
                         fields="&field=ackerzahl:double")
    with pytest.raises(QgsProcessingException, match="Feld"):
        processing.run("wip:sitecriteria", {"SITES": sites, "MEAN_LAYER": soils, "OUTPUT": "memory:"})
