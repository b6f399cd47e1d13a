"""Convert between QGIS feature sources and GeoDataFrames, once, at the edge of the core.

Reading goes through the QGIS providers (so GeoPackage, PostGIS, WFS, memory layers and selections all work)
and reprojects on the fly to the working CRS; writing goes to Processing sinks.
"""
from __future__ import annotations

import datetime

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..core.eligibility import polygonal
from ..core.i18n import tr
from .compat import BOOL, DATETIME, DOUBLE, LONG, STRING, new_field

WORKING_CRS = "EPSG:25832"


# Mercator projections are metric but stretch lengths by 1/cos(latitude): about 1.6 in Saxony-Anhalt
MERCATOR_CRS = ("EPSG:3857", "EPSG:900913", "EPSG:3395")


# lon/lat bounds of Germany: EPSG:25832, the official CRS of Sachsen-Anhalt and of federal data, serves all of it
GERMANY = (5.5, 47.0, 15.5, 55.5)


def working_crs(*sources) -> QgsCoordinateReferenceSystem:
    """The CRS to compute in: the first input's CRS when it is projected in metres and true to scale (not
    Mercator); else ETRS89 / UTM 32N for data in Germany, and the UTM zone of the data elsewhere (a zone far away
    measures areas wrong by tens of per cent)."""
    for source in sources:
        crs = source.sourceCrs()
        if crs.isValid() and not crs.isGeographic() and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters \
                and crs.authid() not in MERCATOR_CRS:
            return crs
    for source in sources:
        centre = _lon_lat_centre(source)
        if centre is not None:
            return utm_crs(*centre)
    return QgsCoordinateReferenceSystem(WORKING_CRS)


def utm_crs(lon: float, lat: float) -> QgsCoordinateReferenceSystem:
    """EPSG:25832 in Germany; elsewhere the ETRS89 UTM zone in Europe, the WGS 84 UTM zone outside it."""
    west, south, east, north = GERMANY
    if west <= lon <= east and south <= lat <= north:
        return QgsCoordinateReferenceSystem(WORKING_CRS)
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    if 28 <= zone <= 38 and 34.0 <= lat <= 72.0:
        return QgsCoordinateReferenceSystem(f"EPSG:{25800 + zone}")
    return QgsCoordinateReferenceSystem(f"EPSG:{(32600 if lat >= 0 else 32700) + zone}")


def _lon_lat_centre(source) -> tuple[float, float] | None:
    """The centre of a source's extent in WGS 84 degrees, or None when it has no CRS or no extent."""
    crs = source.sourceCrs()
    extent = source.sourceExtent()
    if not crs.isValid() or extent.isEmpty():
        return None
    try:
        centre = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                        QgsCoordinateTransformContext()).transform(extent.center())
    except QgsCsException:
        return None
    return centre.x(), centre.y()


def is_null(value) -> bool:
    """Whether an attribute value is missing: None or QGIS's NULL (a null QVariant)."""
    return value is None or (isinstance(value, QVariant) and value.isNull())


def optional_float(value) -> float | None:
    """A number for an attribute: None (NULL) for NaN."""
    return None if value is None or value != value else float(value)


def _python_value(value):
    """QVariant-ish attribute values as plain Python (NULL → None)."""
    if is_null(value):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    if isinstance(value, QDate):
        return value.toPyDate()
    return value


def table_rows(source, fields: list[str] | None = None) -> list[dict]:
    """The attributes of every feature of ``source`` (all fields, or ``fields``) as dicts of plain Python values
    (NULL → None)."""
    names = source.fields().names() if fields is None else fields
    return [{name: _python_value(feature[name]) for name in names} for feature in source.getFeatures()]


def report_reprojection(source, crs: QgsCoordinateReferenceSystem, feedback) -> None:
    if source.sourceCrs().isValid() and source.sourceCrs() != crs and feedback is not None:
        feedback.pushInfo(tr("„{name}“ wird von {source} nach {target} umprojiziert.").format(
            name=source.sourceName(), source=source.sourceCrs().authid(), target=crs.authid()))


def source_to_gdf(source, crs: QgsCoordinateReferenceSystem, context, feedback=None,
                  fields: list[str] | None = None) -> gpd.GeoDataFrame:
    """All features of ``source`` as a GeoDataFrame in ``crs`` (reprojected by QGIS when needed).

    ``fields`` limits the attributes read; features without geometry get None."""
    report_reprojection(source, crs, feedback)
    names = fields if fields is not None else source.fields().names()
    request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())
    if fields is not None:
        request.setSubsetOfAttributes(names, source.fields())
    wkbs, rows = [], []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = feature.geometry()
        wkbs.append(None if geometry.isNull() else bytes(geometry.asWkb()))
        rows.append([_python_value(feature[name]) for name in names])
    geometries = shapely.from_wkb(np.array(wkbs, dtype=object))
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=names), geometry=geometries, crs=crs.authid() or None)


def shapely_geometries(features, source_crs: QgsCoordinateReferenceSystem, crs: QgsCoordinateReferenceSystem,
                       context) -> np.ndarray:
    """The geometries of ``features`` (read from a source in ``source_crs``) as shapely, in ``crs``; the features
    themselves are not changed. None for features without geometry."""
    transform = None
    if source_crs.isValid() and crs.isValid() and source_crs != crs:
        transform = QgsCoordinateTransform(source_crs, crs, context.transformContext())
    wkbs = []
    for feature in features:
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull():
            wkbs.append(None)
            continue
        if transform is not None:
            geometry.transform(transform)
        wkbs.append(bytes(geometry.asWkb()))
    return shapely.from_wkb(np.array(wkbs, dtype=object))


def transform_points(x: np.ndarray, y: np.ndarray, crs: QgsCoordinateReferenceSystem,
                     target: QgsCoordinateReferenceSystem, context) -> tuple[np.ndarray, np.ndarray]:
    """Point coordinates from ``crs`` to ``target``, all at once as one multipoint."""
    if not len(x) or crs == target:
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    geometry = QgsGeometry()
    geometry.fromWkb(shapely.to_wkb(shapely.multipoints(np.column_stack([x, y]))))
    geometry.transform(QgsCoordinateTransform(crs, target, context.transformContext()))
    coordinates = shapely.get_coordinates(shapely.from_wkb(bytes(geometry.asWkb())))
    return coordinates[:, 0], coordinates[:, 1]


def longitudes_latitudes(points: np.ndarray, crs: QgsCoordinateReferenceSystem, context) -> tuple[np.ndarray,
                                                                                                 np.ndarray]:
    """Longitude and latitude (WGS 84, degrees) of shapely points given in ``crs``."""
    return transform_points(shapely.get_x(points), shapely.get_y(points), crs,
                            QgsCoordinateReferenceSystem("EPSG:4326"), context)


def qgs_fields(frame: pd.DataFrame) -> QgsFields:
    """QgsFields for the non-geometry columns of ``frame``, typed from the column dtypes."""
    fields = QgsFields()
    for name, dtype in frame.drop(columns=frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else [],
                                  errors="ignore").dtypes.items():
        if pd.api.types.is_bool_dtype(dtype):
            field_type = BOOL
        elif pd.api.types.is_integer_dtype(dtype):
            field_type = LONG
        elif pd.api.types.is_float_dtype(dtype):
            field_type = DOUBLE
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            field_type = DATETIME
        else:
            field_type = STRING
        fields.append(new_field(str(name), field_type))
    return fields


def _sink_value(value):
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (pd.Timestamp, datetime.datetime)):
        return QDateTime(value)
    return value


def multi_geometry(wkb: bytes) -> QgsGeometry:
    """A QGIS geometry from WKB, promoted to its multi-part type (sinks are declared multi-part)."""
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    geometry.convertToMultiType()
    return geometry


def multipolygon(shape) -> QgsGeometry:
    """The polygon parts of a shapely geometry as a QGIS multipolygon (an intersection may add lines and points);
    empty when it has none."""
    polygons = polygonal(np.array([shape], dtype=object))[0]
    return multi_geometry(shapely.to_wkb(polygons if polygons is not None else shapely.MultiPolygon()))


def write_frame(frame: pd.DataFrame, sink, feedback=None) -> int:
    """Write the rows of ``frame`` (with geometry if it is a GeoDataFrame) to ``sink``; returns the count."""
    has_geometry = isinstance(frame, gpd.GeoDataFrame)
    columns = [c for c in frame.columns if not (has_geometry and c == frame.geometry.name)]
    wkbs = shapely.to_wkb(frame.geometry.values) if has_geometry else None
    for index, values in enumerate(frame[columns].itertuples(index=False, name=None)):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature()
        if has_geometry and wkbs[index] is not None:
            feature.setGeometry(multi_geometry(wkbs[index]))
        feature.setAttributes([_sink_value(value) for value in values])
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Das Ergebnis konnte nicht geschrieben werden."))
    return len(frame)
