"""wip:sitecriteria through Processing on a small hand-computed layout, with a raster."""

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
)

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.core.site_criteria import criterion_fields


@pytest.fixture
def sites():
    return memory_layer("standorte", "Polygon", [{"wkt": square(0, 0, 100), "name": "A"},
                                                 {"wkt": square(300, 0, 100), "name": "B"}],
                        fields="&field=name:string")


def ascii_grid(path):
    """10 m cells, top-left corner (0, 100), 50 columns × 10 rows, value = column index; column 0 is nodata.
    An ESRI ASCII grid with its .prj: written without the GDAL Python bindings, which must not share the process
    with QGIS at exit."""
    values = np.tile(np.arange(50, dtype=float), (10, 1))
    values[:, 0] = -1
    rows = "\n".join(" ".join(f"{v:g}" for v in row) for row in values)
    path.write_text(f"ncols 50\nnrows 10\nxllcorner 0\nyllcorner 0\ncellsize 10\nNODATA_value -1\n{rows}\n")
    wkt = QgsCoordinateReferenceSystem("EPSG:25832").toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT1_ESRI)
    path.with_suffix(".prj").write_text(wkt)
    layer = QgsRasterLayer(str(path), "hangneigung")
    assert layer.isValid() and layer.crs().authid() == "EPSG:25832"
    # the path, not the layer: a raster layer still alive when the test session ends QGIS crashes at exit
    return str(path)


def test_criteria_by_hand(wip_processing, sites, tmp_path):
    substations = memory_layer("umspannwerke", "Point", [{"wkt": "POINT(150 50)"}])
    protected = memory_layer("schutzgebiete", "Polygon", [{"wkt": square(50, 0, 100)}])
    soils = memory_layer("boden", "Polygon", [{"wkt": "POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))", "ackerzahl": 80},
                                              {"wkt": "POLYGON((50 0, 100 0, 100 100, 50 100, 50 0))",
                                               "ackerzahl": 40}], fields="&field=ackerzahl:double")
    result = processing.run("wip:sitecriteria", {
        "SITES": sites, "NEAREST_LAYERS": [substations], "OVERLAP_LAYERS": [protected], "MEAN_LAYER": soils,
        "MEAN_FIELD": "ackerzahl", "RASTERS": [ascii_grid(tmp_path / "hangneigung.asc")],
        "OUTPUT": "memory:"})["OUTPUT"]
    rows = {f["name"]: f for f in result.getFeatures()}
    a, b = rows["A"], rows["B"]
    assert (a["dist_umspannwerke_m"], b["dist_umspannwerke_m"]) == pytest.approx((50, 150))
    assert (a["share_schutzgebiete"], b["share_schutzgebiete"]) == pytest.approx((0.5, 0))
    assert a["mean_ackerzahl"] == pytest.approx(60) and b["mean_ackerzahl"] == NULL
    # site A covers columns 0–9 (column 0 is nodata): mean of 1…9; site B columns 30–39
    assert (a["hangneigung_mean"], a["hangneigung_min"], a["hangneigung_max"]) == pytest.approx((5, 1, 9))
    assert b["hangneigung_mean"] == pytest.approx(34.5)
    assert a["area_ha"] == pytest.approx(1.0) and a["compactness"] == pytest.approx(3.14159 / 4, rel=1e-4)


def test_raster_in_another_crs_is_read_in_its_own_crs(wip_processing, tmp_path):
    """The sites of the hand-computed layout, stored in UTM 33: transformed back to the raster's UTM 32 they are the
    same squares again, so the cell statistics must not change."""
    to_utm33 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                      QgsCoordinateReferenceSystem("EPSG:25833"), QgsProject.instance())
    rows = []
    for name, x0 in (("A", 0), ("B", 300)):
        geometry = QgsGeometry.fromWkt(square(x0, 0, 100))
        geometry.transform(to_utm33)
        rows.append({"wkt": geometry.asWkt(), "name": name})
    sites = memory_layer("standorte", "Polygon", rows, crs="EPSG:25833", fields="&field=name:string")
    result = processing.run("wip:sitecriteria", {"SITES": sites, "RASTERS": [ascii_grid(tmp_path / "hang.asc")],
                                                 "OUTPUT": "memory:"})["OUTPUT"]
    values = {f["name"]: (f["hang_mean"], f["hang_min"], f["hang_max"]) for f in result.getFeatures()}
    assert values["A"] == pytest.approx((5, 1, 9)) and values["B"] == pytest.approx((34.5, 30, 39))
    assert result.crs().authid() == "EPSG:25833"


def test_mean_layer_needs_a_field(wip_processing, sites):
    soils = memory_layer("boden", "Polygon", [{"wkt": square(0, 0, 50), "ackerzahl": 80}],
                         fields="&field=ackerzahl:double")
    with pytest.raises(QgsProcessingException, match="Feld"):
        processing.run("wip:sitecriteria", {"SITES": sites, "MEAN_LAYER": soils, "OUTPUT": "memory:"})


def test_sites_in_web_mercator_are_measured_true_to_scale(wip_processing):
    to_mercator = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                         QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    geometry = QgsGeometry.fromWkt(square(700_000, 5_680_000, 100))  # 1 ha near Hohenmölsen
    geometry.transform(to_mercator)
    sites = memory_layer("standorte", "Polygon", [{"wkt": geometry.asWkt()}], crs="EPSG:3857")
    result = processing.run("wip:sitecriteria", {"SITES": sites, "OUTPUT": "memory:"})["OUTPUT"]
    assert next(result.getFeatures())["area_ha"] == pytest.approx(1.0, rel=1e-3)  # not the Mercator 2.6 ha


def test_field_names_are_those_criterion_fields_foretells(wip_processing, sites):
    """The Standortbewertung dock knows a role's field before the run: the algorithm must name it the same way, also
    when two layers share a name."""
    near = memory_layer("UW 110 kV", "Point", [{"wkt": "POINT(150 50)"}])
    far = memory_layer("UW 110 kV", "Point", [{"wkt": "POINT(1150 50)"}])
    protected = memory_layer("Schutzgebiete", "Polygon", [{"wkt": square(50, 0, 100)}])
    soils = memory_layer("boden", "Polygon", [{"wkt": square(0, 0, 400), "Ackerzahl": 50}],
                         fields="&field=Ackerzahl:double")
    result = processing.run("wip:sitecriteria", {
        "SITES": sites, "NEAREST_LAYERS": [near, far], "OVERLAP_LAYERS": [protected], "MEAN_LAYER": soils,
        "MEAN_FIELD": "Ackerzahl", "OUTPUT": "memory:"})["OUTPUT"]
    names = criterion_fields(["UW 110 kV", "UW 110 kV"], ["Schutzgebiete"], "Ackerzahl", [])
    expected = ["name", "area_ha", "compactness", *names.distance, *names.share, names.mean]
    assert result.fields().names() == expected
    first = next(result.getFeatures())
    assert (first[names.distance[0]], first[names.distance[1]]) == pytest.approx((50, 1050))
