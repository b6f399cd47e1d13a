"""Convert between QGIS feature sources and GeoDataFrames, once, at the edge of the core.

Reading (``read_frame``) takes file layers in bulk straight through GDAL and every other source (PostGIS, WFS,
memory layers) through its QGIS provider, and reprojects to the working CRS; writing (``write_frame``) goes to
Processing sinks, into a run's new GeoPackage in bulk.
"""
from __future__ import annotations

import contextlib
import datetime
import math
import os
import sqlite3
import uuid
from dataclasses import dataclass

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
    QgsMemoryProviderUtils,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProviderRegistry,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..core.eligibility import polygonal
from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.parallel import in_parallel
from .compat import (
    BOOL,
    DATETIME,
    DOUBLE,
    GEOMETRY_NO_CHECK,
    GEOMETRY_SKIP_INVALID,
    LONG,
    SKIP_GEOMETRY_CHECKS,
    STRING,
    WKB_MULTIPOLYGON,
    new_field,
)
from .geopackage import GeoPackageSink

gdal = lazy_module("osgeo.gdal")
gpd = lazy_module("geopandas")
np = lazy_module("numpy")
ogr = lazy_module("osgeo.ogr")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

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


def exchange_crs(*sources) -> QgsCoordinateReferenceSystem:
    """The working CRS as the exchange standards (XPlanGML, XWärmeplan) name it, by an EPSG code: a CRS without one
    becomes ETRS89 / UTM 32N."""
    crs = working_crs(*sources)
    return crs if crs.authid().startswith("EPSG:") else QgsCoordinateReferenceSystem(WORKING_CRS)


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
    (NULL → None), read by ``read_frame``."""
    frame = pd.DataFrame(read_frame(source, None, None, fields=fields).drop(columns="geometry"))
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def report_reprojection(source, crs: QgsCoordinateReferenceSystem, feedback) -> None:
    if source.sourceCrs().isValid() and source.sourceCrs() != crs and feedback is not None:
        feedback.pushInfo(tr("„{name}“ wird von {source} nach {target} umprojiziert.").format(
            name=source.sourceName(), source=source.sourceCrs().authid(), target=crs.authid()))


@dataclass(frozen=True)
class Reading:
    """How a Processing input is read: only the selected features, at most ``limit`` of them, and what happens to
    features with invalid geometries (the context's setting, or the input's own)."""

    selected_only: bool = False
    limit: int = -1
    geometry_check: object = GEOMETRY_NO_CHECK
    expression: str = ""  # QGIS ≥ 3.32: the input's own filter expression


EVERY_FEATURE = Reading()


def read_frame(source, crs: QgsCoordinateReferenceSystem | None, context, feedback=None,
               fields: list[str] | None = None, *, layer=None, reading: Reading = EVERY_FEATURE,
               extent: QgsRectangle | None = None) -> gpd.GeoDataFrame:
    """The features of ``source`` (a layer, or a Processing source with ``layer`` behind it) as a GeoDataFrame in
    ``crs`` (None: the source's own), indexed by feature id. ``fields`` limits the attributes read, ``extent`` (in
    the source's CRS) the features to those whose bounding box meets it; NULL is None, dates and times are
    Python's; features without geometry get None.

    The one reader of every algorithm. A file layer of the OGR provider is read in bulk, column by column, straight
    through GDAL (its subset string, the selection and the requested fields respected); every other source feature
    by feature through its provider. Both give the same frame."""
    crs = crs if crs is not None else source.sourceCrs()
    report_reprojection(source, crs, feedback)
    names = fields if fields is not None else source.fields().names()
    missing = [name for name in names if source.fields().lookupField(name) < 0]
    if missing:
        raise QgsProcessingException(tr("„{layer}“ hat kein Feld „{field}“.").format(layer=source.sourceName(),
                                                                                    field=missing[0]))
    layer = source if isinstance(source, QgsVectorLayer) else layer
    bulk = _gdal_columns(layer, names, reading, extent) if layer is not None else None
    if bulk is None:
        ids, columns, geometries = _provider_columns(source, names, feedback, reading, extent)
    else:
        ids, columns, geometries = bulk
        if QgsWkbTypes.isMultiType(layer.wkbType()):  # as QGIS's OGR provider gives them
            geometries = multi_part(geometries)
    ids, columns, geometries = _checked(ids, columns, geometries, reading.geometry_check, feedback)
    geometries = transform_geometries(geometries, source.sourceCrs(), crs, context)
    frame = pd.DataFrame(columns, columns=names, index=pd.Index(ids, dtype="int64", name=None))
    # shapely's objects as they are: geopandas' own conversion would check each one again
    return gpd.GeoDataFrame(frame, geometry=gpd.array.GeometryArray(geometries, crs=crs.authid() or None))


def _provider_columns(source, names, feedback, reading: Reading, extent):
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(names, source.fields())
    if reading.limit >= 0:
        request.setLimit(reading.limit)
    if reading.expression:
        request.setFilterExpression(reading.expression)
    if extent is not None:
        request.setFilterRect(extent)
    indexes = [source.fields().lookupField(name) for name in names]
    every_field = indexes == list(range(source.fields().count()))
    ids, rows, wkbs = [], [], []
    # read_frame checks the geometries: a Processing source's own check stops a run with a C++ exception, which
    # passes through Python's frames (the run's clean-up never comes) and leaves the interpreter in disorder
    for feature in source.getFeatures(request, SKIP_GEOMETRY_CHECKS) if isinstance(source, QgsProcessingFeatureSource) \
            else source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        ids.append(feature.id())
        wkbs.append(feature.geometry().asWkb())  # empty for a feature without geometry
        attributes = feature.attributes()
        rows.append(attributes if every_field else [attributes[index] for index in indexes])
    columns = {name: _plain(list(values)) for name, values in zip(names, zip(*rows))} if rows else \
        {name: [] for name in names}
    return np.array(ids, dtype=np.int64), columns, \
        shapely.from_wkb(np.array([bytes(wkb) or None for wkb in wkbs], dtype=object))


PLAIN_TYPES = (str, int, float, bool, type(None))


def _plain(values: list) -> list:
    """A column of attribute values as plain Python (NULL → None), converted only where it holds Qt values."""
    if set(map(type, values)) <= set(PLAIN_TYPES):
        return values
    return [value if type(value) in PLAIN_TYPES else _python_value(value) for value in values]


# GDAL drivers whose feature ids QGIS's OGR provider keeps as they are (a selection is found by them)
BULK_DRIVERS = ("GPKG", "ESRI Shapefile", "FlatGeobuf")
WKB_AT_ONCE = 50_000  # geometries decoded in one call; more are spread over the cores


def _gdal_columns(layer, names: list[str], reading: Reading, extent):
    """(ids, {name: values}, geometries) of a file layer of the OGR provider read through GDAL's columnar
    interface, or of a memory layer copied into a GeoPackage in GDAL's memory first; None where that does not
    apply (another provider, an SQL subset, a limit, GDAL < 3.6)."""
    if layer.providerType() not in ("ogr", "memory") or layer.isEditable() or reading.limit >= 0 or \
            reading.expression or not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None  # an edited layer's unsaved changes are only known to QGIS
    with gdal.ExceptionMgr(useExceptions=True) if hasattr(gdal, "ExceptionMgr") else contextlib.nullcontext():
        try:  # GDAL < 3.7 without exceptions: failures come back as None or an error code
            read = _memory_copy_columns(layer, names, extent) if layer.providerType() == "memory" else \
                _file_columns(layer, names, extent)
        except (RuntimeError, ValueError):
            return None
    if read is None:
        return None
    ids, columns, wkbs = read
    # a shapefile's null shape comes as empty WKB: no geometry, as QGIS reads it
    geometries = _from_wkb(_with_none(wkbs))
    if reading.selected_only:
        chosen = np.isin(ids, np.fromiter(layer.selectedFeatureIds(), dtype=np.int64))
        ids, geometries = ids[chosen], geometries[chosen]
        columns = _kept(columns, chosen)
    return ids, columns, geometries


def _from_wkb(wkbs: np.ndarray) -> np.ndarray:
    """Shapely geometries of WKB (None where there is none or it is not WKB), many of them on all cores."""
    if len(wkbs) < WKB_AT_ONCE:
        return shapely.from_wkb(wkbs, on_invalid="ignore")
    return np.concatenate(in_parallel(lambda block: shapely.from_wkb(block, on_invalid="ignore"),
                                      np.array_split(wkbs, math.ceil(len(wkbs) / WKB_AT_ONCE))))


def _file_columns(layer, names: list[str], extent):
    subset = layer.subsetString().strip()
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if subset.lower().startswith("select") or parts.get("openOptions") or parts.get("geometryType") or \
            not os.path.isfile(path):
        return None
    return _arrow_columns(path, parts, subset, names, extent)


COPY_FID = "wip_copy_fid"  # the ids column of a memory layer's copy: any name of the layer's fields stays a field
COPY_KEEPS = (QVariant.Int, QVariant.LongLong, QVariant.Double, QVariant.String, QVariant.Bool, QVariant.Date,
              QVariant.DateTime)


def _memory_copy_columns(layer, names: list[str], extent):
    """A memory layer's features written by QGIS's own writer into a GeoPackage in GDAL's memory (/vsimem/) and
    read from there in bulk: the per-feature work stays in C++ (a fifth of the time of reading each feature's
    attributes in Python). The features' own ids are taken on the way, in the order they are written. Fields of
    other types than a GeoPackage keeps as QGIS gives them (lists, maps, times) are read feature by feature."""
    fields = layer.fields()
    if any(fields.field(name).type() not in COPY_KEEPS for name in names):
        return None
    request = QgsFeatureRequest()
    if extent is not None:
        request.setFilterRect(extent)
    features = list(layer.getFeatures(request))  # wrappers only: no attribute is converted to Python
    if not features:
        return None
    ids = np.fromiter((feature.id() for feature in features), dtype=np.int64, count=len(features))
    path = f"/vsimem/wip_{uuid.uuid4().hex}.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "copy"
    options.layerOptions = ["SPATIAL_INDEX=NO", f"FID={COPY_FID}"]
    try:
        writer = QgsVectorFileWriter.create(path, fields, layer.wkbType(), layer.crs(),
                                            QgsCoordinateTransformContext(), options)
        written = writer.hasError() == QgsVectorFileWriter.WriterError.NoError and writer.addFeatures(features)
        del writer  # closes the copy
        read = _arrow_columns(path, {"layerName": "copy"}, "", names, None) if written else None
    finally:
        gdal.Unlink(path)
    if read is None or len(read[0]) != len(ids):
        return None
    return ids, read[1], read[2]


def _arrow_columns(path: str, parts: dict, subset: str, names: list[str], extent):
    """The ids, the requested columns (Python values) and the WKB of a GDAL layer, copied out of its Arrow batches
    before the dataset closes."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None or dataset.GetDriver().ShortName not in BULK_DRIVERS:
        return None
    table = dataset.GetLayerByName(parts["layerName"]) if parts.get("layerName") else \
        dataset.GetLayer(int(parts.get("layerId") or 0))
    if table is None or table.GetLayerDefn().GetGeomFieldCount() > 1:
        return None
    definition = table.GetLayerDefn()
    own = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    fid_column = table.GetFIDColumn() or "OGC_FID"  # the name GDAL gives the ids in the batches
    # GDAL 3.6 turns Arrow's bit-packed booleans into wrong numpy values: those fields are read on their own
    booleans = [name for name in names if name in own and
                definition.GetFieldDefn(definition.GetFieldIndex(name)).GetSubType() == ogr.OFSTBoolean]
    if any(name not in own and name != fid_column for name in names) or \
            table.SetAttributeFilter(subset or None) != 0 or \
            table.SetIgnoredFields([name for name in own if name not in names or name in booleans]) != 0:
        return None
    if extent is not None:
        table.SetSpatialFilterRect(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    stream = table.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"])
    if stream is None:
        return None
    batches = list(stream)
    geometry_column = next((key for key in (batches[0] if batches else {}) if key not in own and key != fid_column),
                           None)
    ids = np.asarray(_joined(batches, fid_column, np.int64))
    wkbs = _joined(batches, geometry_column, object) if geometry_column else np.full(len(ids), None, dtype=object)
    columns = {name: _pandas_column(ids if name == fid_column else _joined(batches, name, None))
               for name in names if name not in booleans}
    del batches, stream  # released while the dataset is still open
    if booleans:
        columns.update(_boolean_columns(dataset, table, booleans, subset, extent, ids, own))
    return ids, {name: columns[name] for name in names}, wkbs


def _boolean_columns(dataset, table, booleans: list[str], subset: str, extent, ids: np.ndarray, own: list[str]):
    """Truth-value fields (None for NULL) of the rows ``ids``: in a GeoPackage cast to whole numbers in SQL and read
    by columns, elsewhere feature by feature."""
    if dataset.GetDriver().ShortName == "GPKG" and extent is None:
        quoted = [f'"{name.replace(chr(34), chr(34) * 2)}"' for name in booleans]
        fid = f'"{table.GetFIDColumn().replace(chr(34), chr(34) * 2)}"'
        source = table.GetName().replace(chr(34), chr(34) * 2)
        result = dataset.ExecuteSQL(f"SELECT {fid} AS wip_id, " +
                                    ", ".join(f"CAST({q} AS INTEGER) AS wip_{n}" for n, q in enumerate(quoted)) +
                                    f' FROM "{source}"' + (f" WHERE {subset}" if subset else ""))
        if result is not None:
            try:
                batches = list(result.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]))
                rows = pd.Index(ids).get_indexer(np.asarray(_joined(batches, "wip_id", np.int64)))
                read = {}
                for number, name in enumerate(booleans):
                    values = _with_none(_joined(batches, f"wip_{number}", np.int64))
                    truth = np.full(len(ids), None, dtype=object)
                    # GDAL types an SQL column by its first row: text where that is NULL, so '0' may come
                    truth[rows] = [None if value is None else bool(int(value)) for value in values]
                    read[name] = _truth_column(truth)
                del batches  # released before the result set
                return read
            finally:
                dataset.ReleaseResultSet(result)
    # the extent is tested on the geometry, which is only left out without one
    table.SetIgnoredFields([name for name in own if name not in booleans] + (["OGR_GEOMETRY"] if extent is None
                                                                             else []))
    table.ResetReading()
    read = {name: [] for name in booleans}
    for feature in table:
        for name in booleans:
            read[name].append(bool(feature.GetFieldAsInteger(name)) if feature.IsFieldSetAndNotNull(name) else None)
    return {name: _truth_column(np.array(values, dtype=object)) for name, values in read.items()}


def _truth_column(truth: np.ndarray) -> np.ndarray:
    """Truth values as pandas holds QGIS's: bool without NULL, else objects with None."""
    return truth.astype(bool) if len(truth) and not any(value is None for value in truth) else truth


def _joined(batches: list[dict], key: str, dtype) -> np.ndarray:
    """One column of all batches, copied (the batches' arrays live in GDAL's memory)."""
    arrays = [batch[key] for batch in batches]
    if not arrays:
        return np.array([], dtype=dtype or object)
    return np.ma.concatenate(arrays) if any(np.ma.isMaskedArray(a) for a in arrays) else np.concatenate(arrays)


def _with_none(values: np.ndarray) -> np.ndarray:
    """An object array with None where ``values`` are masked (``np.ma.filled`` takes None for its default)."""
    return np.where(np.ma.getmaskarray(values), None, np.ma.getdata(values).astype(object))


def _kept(columns: dict, kept: np.ndarray) -> dict:
    """The rows ``kept`` of each column (an array, or a list of Python values)."""
    return {name: values[kept] if isinstance(values, np.ndarray) else [v for v, k in zip(values, kept) if k]
            for name, values in columns.items()}


def _pandas_column(values: np.ndarray):
    """A column as pandas holds the Python values QGIS gives for it (whole numbers as int64, or as floats with NaN
    where some are NULL; text decoded; NULL text and truth values as None), so that both readers give the same
    frame."""
    mask = np.ma.getmaskarray(values)
    data = np.ma.getdata(values)
    if mask.all() and len(mask) or data.dtype.kind not in "iufbS":
        return np.ma.masked_array(data, mask).tolist() if mask.any() else data.tolist()  # dates, times: Python's
    if data.dtype.kind == "S":
        # bytes to str one by one: a third of the time of numpy's own decode
        text = np.fromiter((value.decode("utf-8") for value in data.tolist()), dtype=object, count=len(data))
        text[mask] = None
        return text
    if not mask.any():
        return data.astype(np.int64) if data.dtype.kind in "iu" else data
    if data.dtype.kind == "b":
        truth = data.astype(object)
        truth[mask] = None
        return truth
    return np.where(mask, np.nan, data.astype(np.float64))


def multi_part(geometries: np.ndarray) -> np.ndarray:
    """Points, lines and polygons as one-part multipoints, multilines and multipolygons; the rest as they are."""
    kinds = shapely.get_type_id(geometries)
    promoted = None
    for kind, make in ((0, shapely.multipoints), (1, shapely.multilinestrings), (3, shapely.multipolygons)):
        rows = np.flatnonzero(kinds == kind)
        if len(rows):
            promoted = geometries.copy() if promoted is None else promoted
            promoted[rows] = make(geometries[rows], indices=np.arange(len(rows)))
    return geometries if promoted is None else promoted


def transform_geometries(geometries: np.ndarray, source_crs, crs, context) -> np.ndarray:
    """Shapely ``geometries`` from ``source_crs`` to ``crs``, all coordinates in one call of QGIS's transform (the
    project's datum transformations apply as they do to a feature request); None stays None."""
    if not source_crs.isValid() or not crs.isValid() or source_crs == crs or not len(geometries):
        return geometries
    has_z = bool(shapely.has_z(geometries[~shapely.is_missing(geometries)]).any())
    coordinates = shapely.get_coordinates(geometries, include_z=has_z)
    try:
        x, y = transform_points(coordinates[:, 0], coordinates[:, 1], source_crs, crs, context)
    except QgsCsException as error:
        raise QgsProcessingException(tr("Die Geometrien lassen sich nicht von {source} nach {target} umrechnen "
                                        "({error}).").format(source=source_crs.authid(), target=crs.authid(),
                                                             error=error)) from error
    coordinates[:, 0], coordinates[:, 1] = x, y
    return shapely.set_coordinates(geometries.copy(), coordinates)


def _checked(ids, columns, geometries, check, feedback):
    """Features with invalid geometries skipped or the run stopped, as Processing's setting for invalid input says
    (for every reading: QGIS's own check of a Processing source is not used, see ``_provider_columns``)."""
    if check == GEOMETRY_NO_CHECK or not len(geometries):
        return ids, columns, geometries
    present = ~shapely.is_missing(geometries)
    invalid = present & ~shapely.is_valid(np.where(present, geometries, None))
    if not invalid.any():
        return ids, columns, geometries
    if check != GEOMETRY_SKIP_INVALID:
        raise QgsProcessingException(tr(
            "Objekt {fid} hat eine ungültige Geometrie ({count} Objekte betroffen). Bitte reparieren Sie die "
            "Geometrien oder wählen Sie in den Processing-Einstellungen „Objekte mit ungültigen Geometrien "
            "überspringen“.").format(fid=int(ids[np.flatnonzero(invalid)[0]]), count=int(invalid.sum())))
    if feedback is not None:
        feedback.pushWarning(tr("{count} Objekt(e) mit ungültiger Geometrie übersprungen.").format(
            count=int(invalid.sum())))
    kept = ~invalid
    return ids[kept], _kept(columns, kept), geometries[kept]


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
    if isinstance(value, datetime.date):
        return QDate(value)
    return value


def _sink_values(column: pd.Series) -> list:
    """A column as values a sink takes: numbers as Python's, NaN and NA as NULL, dates and times as Qt's."""
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "iub":
        return column.tolist()
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "f":
        numbers = column.to_numpy()
        values = numbers.astype(object)
        values[np.isnan(numbers)] = None
        return values.tolist()
    values = column.tolist()
    if set(map(type, values)) <= {str, type(None)}:  # text: as it is
        return values
    return [_sink_value(value) for value in values]


def multi_geometry(wkb: bytes) -> QgsGeometry:
    """A QGIS geometry from WKB, promoted to its multi-part type (sinks are declared multi-part)."""
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    geometry.convertToMultiType()
    return geometry


def polygon_parts(shapes: np.ndarray) -> np.ndarray:
    """The polygon parts of each shapely geometry (an intersection may add lines and points); an empty multipolygon
    where it has none."""
    parts = polygonal(np.asarray(shapes, dtype=object))
    parts[shapely.is_missing(parts)] = shapely.MultiPolygon()
    return parts


def multipolygon(shape) -> QgsGeometry:
    """The polygon parts of a shapely geometry as a QGIS multipolygon; empty when it has none."""
    return multi_geometry(shapely.to_wkb(polygon_parts(np.array([shape], dtype=object))[0]))


WRITE_BATCH = 10_000  # features handed to a sink at once


def write_frame(frame: pd.DataFrame, sink, feedback=None, as_multi: bool = True) -> int:
    """Write the rows of ``frame`` (with its geometries if it is a GeoDataFrame: as multi-part ones, as most sinks
    are declared, or as they are for a sink of the input's own type) to ``sink`` in batches, or into a new
    GeoPackage at once (``GeoPackageSink``); returns the count written. The one writer of every algorithm: values
    are converted column by column, not feature by feature."""
    has_geometry = isinstance(frame, gpd.GeoDataFrame)
    columns = [c for c in frame.columns if not (has_geometry and c == frame.geometry.name)]
    values = [_sink_values(frame[column]) for column in columns]
    geometries = np.asarray(frame.geometry.values, dtype=object) if has_geometry else None
    if isinstance(sink, GeoPackageSink):  # its table's type decides: a multi-part one takes single parts as such
        try:
            written = sink.write_in_bulk(len(frame), values, geometries, feedback)
        except sqlite3.Error as error:
            raise _not_written(str(error)) from error
        if written is not None:
            return written
    if geometries is not None and as_multi:
        geometries = multi_part(geometries)
    rows = list(zip(*values)) if values else [()] * len(frame)
    wkbs = [None] * len(frame) if geometries is None else shapely.to_wkb(geometries)
    written = 0
    for start in range(0, len(frame), WRITE_BATCH):
        if feedback is not None and feedback.isCanceled():
            break
        features = []
        for wkb, attributes in zip(wkbs[start:start + WRITE_BATCH], rows[start:start + WRITE_BATCH]):
            feature = QgsFeature()
            if wkb is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(wkb)
                feature.setGeometry(geometry)
            feature.setAttributes(list(attributes))
            features.append(feature)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise _not_written(sink.lastError().strip())
        written += len(features)
    return written


def _not_written(error: str) -> QgsProcessingException:
    return QgsProcessingException(tr("Das Ergebnis konnte nicht geschrieben werden: {error}").format(
        error=error or tr("unbekannter Fehler")))


def frame_layer(frame, name: str, crs: QgsCoordinateReferenceSystem, geometry_type=WKB_MULTIPOLYGON) -> QgsVectorLayer:
    """A memory layer of the GeoDataFrame ``frame`` (multipolygons, or ``geometry_type``, in ``crs``), written by
    ``write_frame``."""
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, qgs_fields(frame), geometry_type, crs)
    write_frame(frame, layer.dataProvider(), as_multi=QgsWkbTypes.isMultiType(geometry_type))
    layer.updateExtents()
    return layer
