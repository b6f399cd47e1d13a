"""Benchmark: the one reader and the one writer of every algorithm (``qgis_io.layers``).

- reading: the 158k buildings of the generated district from their GeoPackage into a GeoDataFrame, in bulk through
  GDAL (``read_frame`` on the layer) against feature by feature through the QGIS provider (``read_frame`` on the
  provider: the way every source that is not a file is read, and the way all layers were read before); and
  200,000 heat-demand buildings from a memory layer (a temporary result of an earlier step), copied by QGIS into a
  GeoPackage in GDAL's memory and read in bulk, against feature by feature;
- writing: 200,000 buildings with the heat-demand fields to a new GeoPackage as a run writes its output file
  (``write_frame`` into the ``GeoPackageSink`` of QGIS's writer: rows through SQLite at once, the R-tree packed),
  against ``write_frame`` feature by feature into QGIS's writer (where QGIS would convert values, and into any other
  format) and against QGIS's own "save features as" of the same features from a memory layer, all in C++; the
  bulk-written file must hold the same rows and index boxes as QGIS's.

Prints the times, the ratios and the goals; the two reads of a layer must give the same frame.
Usage: python bench/bench_io.py
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS = 3
READ_GOAL_S, READ_GOAL_RATIO, WRITE_GOAL_S = 0.5, 5.0, 2.0


def timed(function) -> tuple[float, object]:
    """The median wall time of ``RUNS`` calls and the last result."""
    times = []
    for _run in range(RUNS):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def heat_frame(buildings):
    """The buildings with the fields wip:heatdemand adds (values of the right kinds, NULLs included)."""
    import numpy as np

    rng = np.random.default_rng(7)
    count = len(buildings)
    demand = rng.uniform(5, 80, count)
    demand[::9] = np.nan
    frame = buildings.assign(
        floor_area_m2=rng.uniform(80, 900, count), use=np.where(rng.random(count) < 0.8, "Wohnen", "Büro"),
        building_type=rng.choice(["EFH", "MFH", None], count), age_class=rng.choice(list("ABCDEFGHIJKL"), count),
        spec_kwh_m2a=rng.uniform(60, 250, count), demand_mwh_a=demand,
        **{f"demand_{year}_mwh": demand * factor for year, factor in ((2030, 0.9), (2035, 0.8), (2040, 0.7),
                                                                        (2045, 0.6))},
        source="Typologie", note=np.where(np.isnan(demand), "Gebäudefunktion unbekannt", None),
        implausible=rng.random(count) < 0.01, privacy="intern: gebäudescharf (§ 10 Abs. 2 WPG)")
    return frame[[c for c in frame.columns if c != "geometry"] + ["geometry"]]


def measure() -> dict:
    """Both reads and both writes, timed; the layers are gone when it returns (none may outlive QGIS)."""
    import bench_heat
    import phases
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsProcessingContext,
        QgsProcessingUtils,
        QgsVectorFileWriter,
        QgsVectorLayer,
        QgsWkbTypes,
    )

    from wip_qgis_plugin.qgis_io.geopackage import GeoPackageSink
    from wip_qgis_plugin.qgis_io.layers import qgs_fields, read_frame, write_frame

    context = QgsProcessingContext()
    buildings = QgsVectorLayer(f"{phases.DEFAULT_GPKG}|layername=synth_gebaeude", "gebaeude", "ogr")
    bulk_s, bulk = timed(lambda: read_frame(buildings, None, context))
    provider_s, by_provider = timed(lambda: read_frame(buildings.dataProvider(), None, context))
    same = same_frame(bulk, by_provider)

    town = QgsVectorLayer(f"{bench_heat.DATA}|layername=gebaeude", "gebaeude", "ogr")
    frame = heat_frame(read_frame(town, None, context))
    fields = qgs_fields(frame)
    crs = QgsCoordinateReferenceSystem("EPSG:25832")
    with tempfile.TemporaryDirectory() as folder:
        def through_qgis(name: str, in_bulk: bool):
            """Processing's sink of a run's new GeoPackage (as ``StagedSinks`` makes it), filled in bulk or not."""
            path = Path(folder) / f"{name}.gpkg"
            path.unlink(missing_ok=True)
            sink, _destination = QgsProcessingUtils.createFeatureSink(
                f"ogr:dbname='{path}' table=\"{name}\" (geom)", QgsProcessingContext(), fields,
                QgsWkbTypes.Type.MultiPolygon, crs)
            if in_bulk:
                sink = GeoPackageSink(sink, str(path), fields, QgsWkbTypes.Type.MultiPolygon)
            write_frame(frame, sink)
            del sink  # closes the file: part of the writing

        memory = QgsVectorLayer("MultiPolygon?crs=EPSG:25832", "heat", "memory")
        memory.dataProvider().addAttributes(fields)
        memory.updateFields()
        write_frame(frame, memory.dataProvider())

        def native():
            path = Path(folder) / "native.gpkg"
            path.unlink(missing_ok=True)
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), QgsCoordinateTransformContext(), options)

        ours_s, _ = timed(lambda: through_qgis("ours", in_bulk=True))
        feature_s, _ = timed(lambda: through_qgis("features", in_bulk=False))
        native_s, _ = timed(native)
        written = QgsVectorLayer(f"{Path(folder) / 'ours.gpkg'}|layername=ours", "check", "ogr").featureCount()
        same_file = same_table(Path(folder) / "ours.gpkg", "ours", Path(folder) / "features.gpkg", "features")
        memory_bulk_s, memory_bulk = timed(lambda: read_frame(memory, None, context))
        memory_provider_s, memory_by_provider = timed(lambda: read_frame(memory.dataProvider(), None, context))

    return {"count": len(bulk), "bulk_s": bulk_s, "provider_s": provider_s, "same": same, "written": written,
            "fields": len(frame.columns) - 1, "ours_s": ours_s, "feature_s": feature_s, "native_s": native_s,
            "same_file": same_file,
            "memory_bulk_s": memory_bulk_s, "memory_provider_s": memory_provider_s,
            "memory_same": same_frame(memory_bulk, memory_by_provider)}


def same_table(path, table: str, other_path, other_table: str) -> bool:
    """Whether two GeoPackages hold the same rows and R-tree boxes (and the R-tree passes SQLite's check)."""
    def content(file, name):
        with contextlib.closing(sqlite3.connect(file)) as database:
            return (database.execute(f'SELECT * FROM "{name}" ORDER BY fid').fetchall(),
                    database.execute(f'SELECT * FROM "rtree_{name}_geom" ORDER BY id').fetchall(),
                    database.execute(f"SELECT rtreecheck('rtree_{name}_geom')").fetchone())

    return content(path, table) == content(other_path, other_table)


def same_frame(one, other) -> bool:
    return one.drop(columns="geometry").equals(other.drop(columns="geometry")) and \
        bool(one.geometry.geom_equals_exact(other.geometry, tolerance=0).all())


def main() -> None:
    import bench_heat
    import phases

    from tools.run_demo import start_qgis

    phases.ensure_district(phases.DEFAULT_GPKG)
    bench_heat.generate(bench_heat.DATA)
    app, _provider = start_qgis()
    f = measure()
    read_met = f["bulk_s"] <= READ_GOAL_S and f["provider_s"] / f["bulk_s"] >= READ_GOAL_RATIO
    print(f"Reading and writing ({os.cpu_count()} cores, median of {RUNS} runs)")
    print(f"  read {f['count']:,} buildings (GeoPackage → GeoDataFrame)")
    print(f"    in bulk through GDAL       {f['bulk_s']:6.2f} s   goal ≤ {READ_GOAL_S} s and ≥ {READ_GOAL_RATIO:g}× "
          f"the provider: {'met' if read_met else 'not met'}")
    print(f"    feature by feature (QGIS)  {f['provider_s']:6.2f} s   {f['provider_s'] / f['bulk_s']:5.1f}× the bulk "
          f"time; same frame: {'yes' if f['same'] else 'NO'}")
    print(f"  read {f['written']:,} heat-demand buildings from a memory layer (a temporary result)")
    print(f"    in bulk through GDAL       {f['memory_bulk_s']:6.2f} s   (copied by QGIS into a GeoPackage in memory)")
    print(f"    feature by feature (QGIS)  {f['memory_provider_s']:6.2f} s   "
          f"{f['memory_provider_s'] / f['memory_bulk_s']:5.1f}× the bulk time; "
          f"same frame: {'yes' if f['memory_same'] else 'NO'}")
    print(f"  write {f['written']:,} heat-demand buildings ({f['fields']} fields) to a GeoPackage")
    print(f"    in bulk (a run's new file) {f['ours_s']:6.2f} s   goal ≤ {WRITE_GOAL_S} s: "
          f"{'met' if f['ours_s'] <= WRITE_GOAL_S else 'not met'}")
    print(f"    feature by feature (QGIS)  {f['feature_s']:6.2f} s   {f['feature_s'] / f['ours_s']:5.1f}× the bulk "
          f"time; same rows and index boxes: {'yes' if f['same_file'] else 'NO'}")
    print(f"    QGIS's own save, all C++   {f['native_s']:6.2f} s   {f['native_s'] / f['ours_s']:5.1f}× the bulk time")
    app.exitQgis()


if __name__ == "__main__":
    main()
