"""The one reader and the one writer of every algorithm: a file layer read in bulk through GDAL gives the very frame
the feature-by-feature provider read gives (attributes, NULLs, dates, geometries, ids, CRS), with its subset string,
selection, requested fields and Processing's setting for invalid geometries; frames written and read back are
unchanged; a run's new GeoPackage filled in bulk holds what Processing's sink writes, its packed R-tree answering as
the one SQLite grows."""
from __future__ import annotations

import contextlib
import datetime
import sqlite3
import struct

import geopandas as gpd
import numpy as np
import pandas as pd
import processing
import pytest
import shapely
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.qgis_io.compat import (
    GEOMETRY_ABORT_ON_INVALID,
    GEOMETRY_NO_CHECK,
    GEOMETRY_SKIP_INVALID,
    OVERRIDE_GEOMETRY_CHECK,
)
from wip_qgis_plugin.qgis_io.geopackage import GeoPackageSink, packed_rtree
from wip_qgis_plugin.qgis_io.layers import EVERY_FEATURE, Reading, _gdal_columns, read_frame, write_frame

FIELDS = "&field=nummer:integer&field=gross:long&field=wert:double&field=name:string&field=tag:date"
WITH_TIME = FIELDS + "&field=zeit:datetime&field=aktiv:boolean"
def multi_square(x0: float, y0: float, size: float) -> str:
    return "MULTIPOLYGON(" + square(x0, y0, size)[len("POLYGON"):] + ")"


ROWS = [
    {"wkt": multi_square(700000, 5650000, 100), "nummer": 1, "gross": 2 ** 40, "wert": 1.5, "name": "Grünfläche",
     "tag": QDate(2020, 5, 17), "zeit": QDateTime(QDate(2021, 1, 2), QTime(3, 4, 5)), "aktiv": True},
    {"wkt": "MULTIPOLYGON(((700200 5650000, 700300 5650000, 700300 5650100, 700200 5650000)),"
            "((700400 5650000, 700500 5650000, 700500 5650100, 700400 5650000)))",
     "nummer": NULL, "gross": NULL, "wert": NULL, "name": NULL, "tag": NULL, "zeit": NULL, "aktiv": NULL},
    {"wkt": multi_square(700600, 5650000, 50), "nummer": 7, "gross": -3, "wert": -0.25, "name": "Straße „Am Hang“",
     "tag": QDate(1999, 12, 31), "zeit": QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59)), "aktiv": False},
    {"wkt": "", "nummer": 9, "gross": 0, "wert": 0.0, "name": "", "tag": QDate(2000, 1, 1),
     "zeit": QDateTime(QDate(2000, 1, 1), QTime(0, 0)), "aktiv": True},
]


def memory(name: str, fields: str = WITH_TIME, rows=ROWS) -> QgsVectorLayer:
    """A memory layer of the rows with those of their values that ``fields`` declares."""
    return memory_layer(name, "MultiPolygon", [{key: value for key, value in row.items()
                                                if key == "wkt" or f"field={key}:" in fields} for row in rows],
                        fields=fields)


def written(tmp_path, driver: str, fields: str = WITH_TIME, rows=ROWS, name: str = "daten") -> QgsVectorLayer:
    source = memory(name, fields, rows)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.layerName = name
    path = tmp_path / (name + (".gpkg" if driver == "GPKG" else ".shp"))
    error = QgsVectorFileWriter.writeAsVectorFormatV3(source, str(path), QgsProcessingContext().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    layer = QgsVectorLayer(f"{path}|layername={name}" if driver == "GPKG" else str(path), name, "ogr")
    assert layer.isValid()
    return layer


def provider_read(layer, crs=None, fields=None):
    """The same layer through its provider, feature by feature (the reader of every other source)."""
    return read_frame(layer.dataProvider(), crs, QgsProcessingContext(), None, fields)


def assert_same(bulk, by_provider):
    assert list(bulk.columns) == list(by_provider.columns)
    assert bulk.index.tolist() == by_provider.index.tolist()
    assert bulk.crs == by_provider.crs
    pd.testing.assert_frame_equal(pd.DataFrame(bulk.drop(columns="geometry")),
                                  pd.DataFrame(by_provider.drop(columns="geometry")))
    ours, theirs = np.asarray(bulk.geometry.values), np.asarray(by_provider.geometry.values)
    assert (shapely.is_missing(ours) == shapely.is_missing(theirs)).all()
    present = ~shapely.is_missing(ours)
    assert (shapely.get_type_id(ours[present]) == shapely.get_type_id(theirs[present])).all()
    assert shapely.equals_exact(ours[present], theirs[present], tolerance=1e-9).all()


@pytest.mark.parametrize("geometries_at_once", [50_000, 2], ids=["decoded in one call", "decoded on all cores"])
@pytest.mark.parametrize("driver, fields", [("GPKG", WITH_TIME), ("ESRI Shapefile", FIELDS)])
def test_a_file_layer_read_in_bulk_equals_the_provider_read(qgis_app, tmp_path, driver, fields, geometries_at_once,
                                                           monkeypatch):
    monkeypatch.setattr("wip_qgis_plugin.qgis_io.layers.WKB_AT_ONCE", geometries_at_once)
    layer = written(tmp_path, driver, fields)
    assert _gdal_columns(layer, layer.fields().names(), EVERY_FEATURE, None) is not None  # the bulk path is taken
    bulk = read_frame(layer, None, QgsProcessingContext())
    assert_same(bulk, provider_read(layer))
    assert len(bulk) == 4 and bulk["name"].iloc[0] == "Grünfläche" and bulk["nummer"].isna().iloc[1]
    assert bulk["tag"].iloc[0] == datetime.date(2020, 5, 17)
    assert bulk.geometry.iloc[3] is None or bulk.geometry.iloc[3].is_empty  # QGIS writes no geometry as empty
    if driver == "GPKG":
        assert bulk["zeit"].iloc[0] == datetime.datetime(2021, 1, 2, 3, 4, 5) and bulk["aktiv"].iloc[2] is False


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:3035"])
def test_reprojected_alike(qgis_app, tmp_path, crs):
    layer = written(tmp_path, "GPKG")
    target = QgsCoordinateReferenceSystem(crs)
    bulk = read_frame(layer, target, QgsProcessingContext())
    assert_same(bulk, provider_read(layer, target))
    assert bulk.crs.to_string() == crs


def test_subset_string_and_requested_fields(qgis_app, tmp_path):
    layer = written(tmp_path, "GPKG")
    layer.setSubsetString('"nummer" >= 7')
    fields = ["wert", "aktiv", "fid"]  # the rows left have no NULL: truth values are bool
    bulk = read_frame(layer, None, QgsProcessingContext(), fields=fields)
    assert_same(bulk, provider_read(layer, fields=fields))
    assert bulk["fid"].tolist() == bulk.index.tolist() == [3, 4] and list(bulk.columns) == fields + ["geometry"]


def test_an_extent_reads_the_features_that_meet_it(qgis_app, tmp_path):
    layer = written(tmp_path, "GPKG")
    extent = QgsRectangle(700150, 5649900, 700450, 5650050)  # the two triangles of the second feature
    bulk = read_frame(layer, None, QgsProcessingContext(), extent=extent)
    assert_same(bulk, read_frame(layer.dataProvider(), None, QgsProcessingContext(), extent=extent))
    assert bulk.index.tolist() == [2]


def test_only_the_selection_is_read(qgis_app, tmp_path):
    layer = written(tmp_path, "ESRI Shapefile", FIELDS)
    chosen = [feature.id() for feature in layer.getFeatures() if feature["nummer"] in (1, 9)]
    layer.selectByIds(chosen)
    frame = read_frame(layer, None, QgsProcessingContext(), reading=Reading(selected_only=True))
    assert frame.index.tolist() == chosen and frame["nummer"].tolist() == [1, 9]


def test_unsaved_edits_are_read_through_qgis(qgis_app, tmp_path):
    layer = written(tmp_path, "GPKG")
    layer.startEditing()
    layer.changeAttributeValue(1, layer.fields().indexOf("wert"), 42.0)
    try:
        assert read_frame(layer, None, QgsProcessingContext())["wert"].loc[1] == 42.0
    finally:
        layer.rollBack()


def test_invalid_geometries_are_skipped_or_stop_the_run_as_processing_says(qgis_app, tmp_path):
    bowtie = "POLYGON((700000 5650000, 700100 5650100, 700100 5650000, 700000 5650100, 700000 5650000))"
    layer = written(tmp_path, "GPKG", FIELDS, [{"wkt": square(700000, 5650000, 10), "nummer": 1},
                                               {"wkt": bowtie, "nummer": 2}])
    context = QgsProcessingContext()
    assert len(read_frame(layer, None, context, reading=Reading(geometry_check=GEOMETRY_NO_CHECK))) == 2
    feedback = QgsProcessingFeedback()
    skipped = read_frame(layer, None, context, feedback, reading=Reading(geometry_check=GEOMETRY_SKIP_INVALID))
    assert skipped["nummer"].tolist() == [1]
    with pytest.raises(QgsProcessingException, match="ungültige Geometrie"):
        read_frame(layer, None, context, reading=Reading(geometry_check=GEOMETRY_ABORT_ON_INVALID))


def test_a_memory_layer_reads_as_its_file(qgis_app, tmp_path):
    with_geometry = ROWS[:3]  # QGIS writes a feature without geometry to a file as an empty one
    file_frame = read_frame(written(tmp_path, "GPKG", rows=with_geometry), None, QgsProcessingContext())
    assert_same(read_frame(memory("daten", rows=with_geometry), None, QgsProcessingContext()),
                file_frame.drop(columns="fid"))


def test_a_memory_layer_read_in_bulk_equals_the_provider_read(qgis_app):
    """A memory layer (a temporary result of an earlier step) goes to GDAL through a GeoPackage in memory: the same
    frame as reading its features one by one, with a field named like a GeoPackage's id column, its selection,
    extent and requested fields."""
    layer = memory("daten", WITH_TIME + "&field=fid:integer", [dict(row, fid=10 * number)
                                                               for number, row in enumerate(ROWS[:3])])
    layer.dataProvider().deleteFeatures([1])  # ids with a gap
    assert _gdal_columns(layer, layer.fields().names(), EVERY_FEATURE, None) is not None  # the bulk path is taken
    bulk = read_frame(layer, None, QgsProcessingContext())
    assert_same(bulk, provider_read(layer))
    assert bulk.index.tolist() == [2, 3] and bulk["fid"].tolist() == [10, 20] and bulk["aktiv"].iloc[1] is False
    extent = QgsRectangle(700150, 5649900, 700450, 5650050)
    assert_same(read_frame(layer, None, QgsProcessingContext(), fields=["wert", "zeit"], extent=extent),
                read_frame(layer.dataProvider(), None, QgsProcessingContext(), fields=["wert", "zeit"], extent=extent))
    layer.selectByIds([3])
    assert read_frame(layer, None, QgsProcessingContext(), reading=Reading(selected_only=True)).index.tolist() == [3]
    listed = memory("liste", "&field=namen:stringlist", [{"wkt": ROWS[0]["wkt"], "namen": ["a", "b"]}])
    assert _gdal_columns(listed, ["namen"], EVERY_FEATURE, None) is None  # a GeoPackage would keep text
    assert read_frame(listed, None, QgsProcessingContext())["namen"].tolist() == [["a", "b"]]


def test_a_frame_written_and_read_back_is_unchanged(qgis_app, tmp_path):
    layer = written(tmp_path, "GPKG")
    frame = read_frame(layer, None, QgsProcessingContext()).drop(columns="fid")
    target = memory("kopie", rows=[])
    write_frame(frame, target.dataProvider())
    assert_same(read_frame(target, None, QgsProcessingContext()), frame)


def test_writing_stops_when_the_run_is_cancelled(qgis_app):
    frame = read_frame(memory("daten"), None, QgsProcessingContext())
    target = memory("kopie", rows=[])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    write_frame(frame, target.dataProvider(), feedback)
    assert target.featureCount() == 0


def test_a_sink_that_refuses_features_is_said_so(qgis_app):
    class Refusing(QgsFeatureSink):
        def addFeatures(self, features, flags=None):  # noqa: N802 - QGIS API
            return False

        def addFeature(self, feature, flags=None):  # noqa: N802 - QGIS API
            return False

    frame = read_frame(memory("daten", FIELDS), None, QgsProcessingContext())
    with pytest.raises(QgsProcessingException, match="nicht geschrieben"):
        write_frame(frame, Refusing())


def test_an_algorithm_reads_only_the_selected_features_of_a_file_layer(wip_processing, tmp_path):
    """Selected features only, as the Processing dialog's check box and models pass it: a GeoPackage read in bulk
    gives the heat demand of the two selected buildings, their input attributes unchanged in the output."""
    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

    buildings = QgsVectorLayer(f"{DEMO_GPKG}|layername=synth_gebaeude", "gebaeude", "ogr")
    chosen = sorted(feature.id() for feature in buildings.getFeatures())[10:12]
    buildings.selectByIds(chosen)
    QgsProject.instance().addMapLayer(buildings)  # the selection is the project layer's
    try:
        result = processing.run("wip:heatdemand", {
            "BUILDINGS": QgsProcessingFeatureSourceDefinition(buildings.id(), selectedFeaturesOnly=True),
            "OUTPUT": str(tmp_path / "bedarf.gpkg")})
    finally:
        QgsProject.instance().removeMapLayer(buildings.id())
    buildings = QgsVectorLayer(f"{DEMO_GPKG}|layername=synth_gebaeude", "gebaeude", "ogr")
    written = QgsVectorLayer(f"{tmp_path / 'bedarf.gpkg'}|layername=bedarf", "bedarf", "ogr")
    rows = {feature["fid"]: feature for feature in written.getFeatures()}
    assert sorted(rows) == chosen
    for fid in chosen:
        original = buildings.getFeature(fid)
        assert [rows[fid][name] for name in buildings.fields().names()] == original.attributes()
        assert rows[fid].geometry().equals(original.geometry())
    assert result["BUILDINGS_WITH_DEMAND"] <= 2


@pytest.mark.parametrize("limit", [-1, 10], ids=["read in bulk", "read feature by feature (a feature limit)"])
def test_an_inputs_own_setting_for_invalid_geometries_overrides_the_default(wip_processing, tmp_path, limit):
    """Processing's default stops at an invalid geometry with the run's own message; an input set to skip them is
    read without them. An input QGIS's provider reads is checked as one read in bulk: Processing's own check would
    stop the run with a C++ exception passing through its Python frames, past its clean-up and its message."""
    bowtie = "POLYGON((700000 5650000, 700020 5650020, 700020 5650000, 700000 5650020, 700000 5650000))"
    fields = "&field=gebaeudefunktion:integer&field=geschosse:integer"
    layer = written(tmp_path, "GPKG", fields, [
        {"wkt": multi_square(700100, 5650000, 12), "gebaeudefunktion": 1010, "geschosse": 2},
        {"wkt": bowtie, "gebaeudefunktion": 1010, "geschosse": 2}], name="gebaeude")
    source = layer.source()
    del layer  # no file-backed layer may outlive QGIS
    with pytest.raises(QgsProcessingException, match="ungültige Geometrie"):
        processing.run("wip:heatdemand", {"BUILDINGS": QgsProcessingFeatureSourceDefinition(source, False, limit),
                                          "OUTPUT": "TEMPORARY_OUTPUT"})
    skipping = QgsProcessingFeatureSourceDefinition(source, False, limit, OVERRIDE_GEOMETRY_CHECK,
                                                    GEOMETRY_SKIP_INVALID)
    result = processing.run("wip:heatdemand", {"BUILDINGS": skipping, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["OUTPUT"].featureCount() == 1


# A run's new GeoPackage output filled in bulk holds what Processing's sink writes: rows, geometries, index boxes,
# extent, counts and schema; only the R-tree's node layout differs (packed).
BULK_FIELDS = [("nummer", QVariant.Int), ("gross", QVariant.LongLong), ("wert", QVariant.Double),
               ("name", QVariant.String), ("aktiv", QVariant.Bool)]
BULK_VALUES = {"nummer": [1, None, -7, 0], "gross": [2 ** 40, 3, None, -1], "wert": [1.5, np.nan, -0.25, 7.0],
               "name": ["Grünfläche", None, "", "Straße „Am Hang“"], "aktiv": [True, False, True, False]}
BULK_GEOMETRIES = {
    "MultiPolygon": [shapely.from_wkt(multi_square(700000.3, 5650000.7, 100.1)),
                     shapely.from_wkt("MULTIPOLYGON(((700200 5650000, 700300.05 5650000, 700300 5650100.2, 700200 "
                                      "5650000)), ((-10.3 -20.7, 5 -20.7, 5 1, -10.3 -20.7)))"),
                     None, shapely.MultiPolygon()],
    "Point": [shapely.Point(700000.3, 5650000.7), None, shapely.Point(), shapely.Point(-3.3, 0.1)],
    "MultiPolygon of polygons": [shapely.from_wkt(square(700000.3, 5650000.7, 100.1)), None, shapely.Polygon(),
                                 shapely.from_wkt(multi_square(5, 5, 1))],
    "MultiPolygonZ of polygons": [shapely.from_wkt("POLYGON Z((0.1 0 1.5, 1 0 2, 1 1 -3.25, 0.1 0 1.5))"), None,
                                  shapely.Polygon(), shapely.from_wkt("POLYGON Z((5 5 1, 6 5 1, 6 6 1, 5 5 1))")],
    "MultiPoint of points": [shapely.Point(700000.3, 5650000.7), None, shapely.Point(),
                             shapely.MultiPoint([(1, 2), (3, 4)])],
    "PointZ": [shapely.Point(700000.3, 5650000.7, 101.5), None, shapely.Point(), shapely.Point(-3.3, 0.1, -2)],
    "LineString": [shapely.LineString([(0.1, 0.2), (700000.3, 5650000.7)]), None, shapely.LineString(),
                   shapely.LineString([(1, 1), (2, 3)])],
    "MultiPolygonZ": [shapely.from_wkt("MULTIPOLYGON Z(((0.1 0 1.5, 1 0 2, 1 1 -3.25, 0.1 0 1.5)))"), None,
                      shapely.from_wkt("MULTIPOLYGON Z EMPTY"),
                      shapely.from_wkt("MULTIPOLYGON Z(((5 5 0, 6 5 0, 6 6 0, 5 5 0)), "
                                       "((7 7 9, 8 7 9, 8 8 9, 7 7 9)))")],
}


def table_type(kind: str) -> QgsWkbTypes.Type:
    return getattr(QgsWkbTypes, kind.split()[0])


def bulk_frame(kind: str, fids=None):
    columns = dict(BULK_VALUES) if fids is None else dict({"fid": fids}, **BULK_VALUES)
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(BULK_GEOMETRIES[kind], crs="EPSG:25832"))


def bulk_fields(with_ids: bool) -> QgsFields:
    fields = QgsFields()
    for name, kind in ([("fid", QVariant.LongLong)] if with_ids else []) + BULK_FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def staged_sink(path, fields: QgsFields, geometry_type, in_bulk: bool):
    """Processing's sink for a run's staged GeoPackage ``path`` (table "daten"), as a ``GeoPackageSink`` or not."""
    sink, _destination = QgsProcessingUtils.createFeatureSink(
        f"ogr:dbname='{path}' table=\"daten\" (geom)", QgsProcessingContext(), fields, geometry_type,
        QgsCoordinateReferenceSystem("EPSG:25832"))
    return GeoPackageSink(sink, str(path), fields, geometry_type) if in_bulk else sink


def new_geopackage(path, frame, kind: str, in_bulk: bool, feedback=None):
    """A new GeoPackage of Processing's sink for a run's staged output, written by ``write_frame`` through it or in
    bulk; the sink used."""
    sink = staged_sink(path, bulk_fields("fid" in frame), table_type(kind), in_bulk)
    written = write_frame(frame, sink, feedback, as_multi=False)
    assert written == (0 if feedback is not None and feedback.isCanceled() else len(frame))
    return sink


def stored(path) -> dict:
    """Everything the file holds about its table but the R-tree's node layout and the time of the last change."""
    with contextlib.closing(sqlite3.connect(path)) as database:
        def rows(sql):
            return database.execute(sql).fetchall()
        return {"rows": rows("SELECT * FROM daten ORDER BY fid"),
                "boxes": rows("SELECT * FROM rtree_daten_geom ORDER BY id"),
                "index": rows("SELECT rtreecheck('rtree_daten_geom')"),
                "contents": rows("SELECT table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id "
                                 "FROM gpkg_contents"),
                "counts": rows("SELECT * FROM gpkg_ogr_contents"), "sequence": rows("SELECT * FROM sqlite_sequence"),
                "geometry": rows("SELECT * FROM gpkg_geometry_columns"),
                "extensions": rows("SELECT * FROM gpkg_extensions"),
                "schema": rows("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")}


@pytest.mark.parametrize("kind", list(BULK_GEOMETRIES))
@pytest.mark.parametrize("fids", [None, [10, 3, 11, 12]])
def test_a_new_geopackage_filled_in_bulk_holds_what_qgis_writes(qgis_app, tmp_path, kind, fids):
    frame = bulk_frame(kind, fids)
    by_qgis = new_geopackage(tmp_path / "qgis.gpkg", frame, kind, in_bulk=False)
    in_bulk = new_geopackage(tmp_path / "bulk.gpkg", frame, kind, in_bulk=True)
    assert in_bulk.sink is None  # written in bulk, closed
    del by_qgis, in_bulk
    ours, theirs = stored(tmp_path / "bulk.gpkg"), stored(tmp_path / "qgis.gpkg")
    # GDAL passes the extent to SQLite as decimal text, which SQLite 3.40 may read one unit in the last place off
    assert ours.pop("contents") == [pytest.approx(row, rel=1e-15) for row in theirs.pop("contents")]
    assert ours == theirs
    assert ours["index"] == [("ok",)] and len(ours["boxes"]) == 2
    layer = QgsVectorLayer(f"{tmp_path / 'bulk.gpkg'}|layername=daten", "daten", "ogr")
    x, y = BULK_GEOMETRIES[kind][0].bounds[:2]  # a window on the first geometry's corner, through the R-tree
    window = QgsFeatureRequest(QgsRectangle(x - 0.01, y - 0.01, x + 0.01, y + 0.01))
    chosen = {feature.id() for feature in layer.getFeatures(window.setFlags(QgsFeatureRequest.ExactIntersect))}
    assert chosen == {fids[0] if fids else 1}


@pytest.mark.parametrize("case", ["a fraction into an integer field", "numbers into a text field",
                                  "geometries with z into a table without"])
def test_rows_qgis_would_convert_are_left_to_it(qgis_app, tmp_path, case):
    frame = bulk_frame("MultiPolygon")
    if case == "a fraction into an integer field":
        frame["nummer"] = [1.5, 2.0, None, 3.0]
    elif case == "numbers into a text field":
        frame["name"] = [1, 2.5, None, 4]
    else:
        frame.geometry = BULK_GEOMETRIES["MultiPolygonZ"]
    by_qgis = new_geopackage(tmp_path / "qgis.gpkg", frame, "MultiPolygon", in_bulk=False)
    sink = new_geopackage(tmp_path / "sink.gpkg", frame, "MultiPolygon", in_bulk=True)
    assert sink.sink is not None  # QGIS's writer wrote
    del by_qgis, sink
    assert stored(tmp_path / "sink.gpkg") == stored(tmp_path / "qgis.gpkg")


def test_a_cancelled_bulk_write_leaves_the_table_empty(qgis_app, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    sink = new_geopackage(tmp_path / "abbruch.gpkg", bulk_frame("MultiPolygon"), "MultiPolygon", True, feedback)
    assert sink.sink is None
    del sink
    layer = QgsVectorLayer(f"{tmp_path / 'abbruch.gpkg'}|layername=daten", "daten", "ogr")
    assert layer.isValid() and layer.featureCount() == 0
    assert stored(tmp_path / "abbruch.gpkg")["index"] == [("ok",)]


def test_a_bulk_write_that_fails_is_said_so(qgis_app, tmp_path):
    """The new file gone before its rows go in (a cleaner emptied the temporary folder): a clear message."""
    path = tmp_path / "weg.gpkg"
    sink = staged_sink(path, bulk_fields(False), QgsWkbTypes.MultiPolygon, in_bulk=True)
    path.unlink()
    with pytest.raises(QgsProcessingException, match="nicht geschrieben.*gpkg_contents"):
        write_frame(bulk_frame("MultiPolygon"), sink)


def test_a_packed_r_tree_answers_as_the_one_sqlite_grows_and_stays_sqlites_to_change():
    """30,000 boxes (three levels of nodes): the same stored boxes and the same answers to window queries as the
    R-tree SQLite fills box by box; SQLite's own check passes before and after rows are deleted and added."""
    rng = np.random.default_rng(3)
    low = rng.uniform([-1000, 5_600_000], [800_000, 5_800_000], (30_000, 2))
    boxes = np.column_stack([low, low + rng.uniform(0.01, 500, (30_000, 2))])
    ids = rng.permutation(np.arange(1, 30_001)) * 3
    with contextlib.closing(sqlite3.connect(":memory:")) as database:
        for name in ("packed", "grown"):
            database.execute(f"CREATE VIRTUAL TABLE {name} USING rtree(id, minx, maxx, miny, maxy)")
        node_bytes = database.execute("SELECT length(data) FROM packed_node WHERE nodeno = 1").fetchone()[0]
        nodes, leaves, parents = packed_rtree(ids, boxes, node_bytes)
        database.execute("DELETE FROM packed_node")
        database.executemany("INSERT INTO packed_node VALUES (?, ?)", nodes)
        database.executemany("INSERT INTO packed_rowid VALUES (?, ?)", leaves)
        database.executemany("INSERT INTO packed_parent VALUES (?, ?)", parents)
        database.executemany("INSERT INTO grown VALUES (?, ?, ?, ?, ?)",
                             zip(ids.tolist(), *boxes[:, [0, 2, 1, 3]].T.tolist()))
        assert struct.unpack(">H", database.execute("SELECT data FROM packed_node WHERE nodeno = 1").fetchone()[0][:2]
                             ) == (2,)
        assert database.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
        assert database.execute("SELECT * FROM packed ORDER BY id").fetchall() == \
            database.execute("SELECT * FROM grown ORDER BY id").fetchall()
        for x, y, size in zip(rng.uniform(0, 800_000, 50), rng.uniform(5_600_000, 5_800_000, 50),
                              rng.uniform(10, 50_000, 50)):
            query = "SELECT id FROM {} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ORDER BY id"
            window = (x + size, x, y + size, y)
            assert database.execute(query.format("packed"), window).fetchall() == \
                database.execute(query.format("grown"), window).fetchall()
        database.execute("DELETE FROM packed WHERE id % 2 = 0")
        database.executemany("INSERT INTO packed VALUES (?, ?, ?, ?, ?)",
                             [(100_000 + index, 0, index, 0, index) for index in range(1_000)])
        assert database.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
