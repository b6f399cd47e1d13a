"""Read raster cells through the QGIS providers for the core's zonal statistics."""
from __future__ import annotations

from qgis.core import Qgis, QgsProcessingException, QgsRectangle

from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.site_criteria import RasterWindow, zonal_statistics

np = lazy_module("numpy")
shapely = lazy_module("shapely")

RASTER_TYPES = {Qgis.DataType.Byte: "uint8", Qgis.DataType.UInt16: "uint16", Qgis.DataType.Int16: "int16",
                Qgis.DataType.UInt32: "uint32", Qgis.DataType.Int32: "int32", Qgis.DataType.Float32: "float32",
                Qgis.DataType.Float64: "float64"}  # numpy dtypes by name


def raster_zonal_statistics(raster, sites: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, minimum and maximum of band 1 of ``raster`` over each site (shapely, in the raster's CRS): the window
    of the raster around the sites is read through its provider, then the cells whose centre lies in a site count."""
    window = raster_window(raster, shapely.total_bounds(sites))
    return zonal_statistics(sites, window.grid, window.origin, window.cell, window.nodata)


def raster_window(raster, bounds) -> RasterWindow:
    """Band 1 of ``raster`` over ``bounds`` (minx, miny, maxx, maxy in the raster's CRS): the whole cells of its grid
    around them, clipped to the raster, read through its provider; no cells where the bounds miss the raster."""
    provider = raster.dataProvider()
    full = raster.extent()
    width, height = raster.rasterUnitsPerPixelX(), raster.rasterUnitsPerPixelY()
    minx, miny, maxx, maxy = bounds
    c0 = max(0, int(np.floor((minx - full.xMinimum()) / width)))
    c1 = min(raster.width(), int(np.ceil((maxx - full.xMinimum()) / width)))
    r0 = max(0, int(np.floor((full.yMaximum() - maxy) / height)))
    r1 = min(raster.height(), int(np.ceil((full.yMaximum() - miny) / height)))
    if c0 >= c1 or r0 >= r1:
        return RasterWindow(np.empty((0, 0)), (full.xMinimum(), full.yMaximum()), (width, height), None,
                            raster.crs().toWkt())
    x0, y0 = full.xMinimum() + c0 * width, full.yMaximum() - r0 * height
    extent = QgsRectangle(x0, y0 - (r1 - r0) * height, x0 + (c1 - c0) * width, y0)
    block = provider.block(1, extent, c1 - c0, r1 - r0)
    dtype = RASTER_TYPES.get(block.dataType())
    if dtype is None:
        raise QgsProcessingException(tr("Raster „{name}“: Datentyp wird nicht unterstützt.").format(
            name=raster.name()))
    grid = np.frombuffer(bytes(block.data()), dtype=dtype).reshape(r1 - r0, c1 - c0)
    nodata = provider.sourceNoDataValue(1) if provider.sourceHasNoDataValue(1) else None
    return RasterWindow(grid, (x0, y0), (width, height), nodata, raster.crs().toWkt())
