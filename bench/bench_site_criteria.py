"""Benchmark: criteria extraction for 10,000 candidate sites against 100,000 features and a raster, ``wip:sitecriteria``
against the chain of QGIS native algorithms that gives the same values (join attributes by nearest for each distance
layer, overlap analysis, zonal statistics), on the same generated data, each chain in its own process.

The data (EPSG:25832, 50 km × 50 km): 10,000 sites (polygons of 1–30 ha), 60,000 building points and 20,000 road
segments (distance criteria), 20,000 protected-area polygons that overlap each other (covered share), and a 20 m
raster of 2,500 × 2,500 cells (zonal mean/min/max). Prints the times, the ratio, the target (≤ 10 s) and the largest
difference between the two chains' values. Usage: python bench/bench_site_criteria.py
"""

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data" / "site_criteria"
SIZE, ORIGIN = 50_000.0, (650_000.0, 5_660_000.0)
SITES, BUILDINGS, ROADS, PROTECTED = 10_000, 60_000, 20_000, 20_000
CELL, CELLS = 20.0, 2_500
TARGET_S = 10.0
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def generate(folder: Path) -> None:
    """The bench data set, seeded; written once and reused."""
    import geopandas as gpd
    import shapely
    from osgeo import gdal, osr

    if (folder / "data.gpkg").exists() and (folder / "raster.tif").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    print(f"generating {folder} …", flush=True)
    rng = np.random.default_rng(2026)
    x0, y0 = ORIGIN

    def points(count, margin=0.0):
        return (x0 + margin + rng.random(count) * (SIZE - 2 * margin),
                y0 + margin + rng.random(count) * (SIZE - 2 * margin))

    def blobs(count, radii):
        xs, ys = points(count, margin=1_000.0)
        circles = shapely.buffer(shapely.points(xs, ys), radii, quad_segs=4)
        # squash and turn them, so the sites are not all round
        return np.array([shapely.affinity.rotate(shapely.affinity.scale(c, 1.0, s), a) for c, s, a in
                         zip(circles, rng.uniform(0.4, 1.0, count), rng.uniform(0, 180, count))], dtype=object)

    crs = "EPSG:25832"
    sites = blobs(SITES, np.sqrt(rng.uniform(1e4, 3e5, SITES) / np.pi))
    gpd.GeoDataFrame({"site": np.arange(SITES)}, geometry=sites, crs=crs).to_file(folder / "data.gpkg", layer="sites")
    gpd.GeoDataFrame({"kind": ["building"] * BUILDINGS}, geometry=shapely.points(*points(BUILDINGS)),
                     crs=crs).to_file(folder / "data.gpkg", layer="buildings")
    starts = np.column_stack(points(ROADS))
    ends = starts + rng.normal(0, 300, (ROADS, 2))
    gpd.GeoDataFrame({"kind": ["road"] * ROADS}, geometry=shapely.linestrings(np.stack([starts, ends], axis=1)),
                     crs=crs).to_file(folder / "data.gpkg", layer="roads")
    protected = blobs(PROTECTED, rng.uniform(50, 600, PROTECTED))
    gpd.GeoDataFrame({"kind": ["protected"] * PROTECTED}, geometry=protected, crs=crs).to_file(
        folder / "data.gpkg", layer="protected")
    row, column = np.mgrid[0:CELLS, 0:CELLS]
    wind = (6.0 + np.sin(row / 300.0) + np.cos(column / 200.0) + rng.normal(0, 0.2, (CELLS, CELLS)))
    raster = gdal.GetDriverByName("GTiff").Create(str(folder / "raster.tif"), CELLS, CELLS, 1, gdal.GDT_Float32)
    raster.SetGeoTransform((x0, CELL, 0.0, y0 + SIZE, 0.0, -CELL))
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(25832)
    raster.SetProjection(reference.ExportToWkt())
    raster.GetRasterBand(1).WriteArray(wind.astype(np.float32))
    raster.GetRasterBand(1).SetNoDataValue(-9999.0)
    raster.FlushCache()
    raster = None


def layer(folder: Path, name: str) -> str:
    return f"{folder / 'data.gpkg'}|layername={name}"


def run_ours(folder: Path, output: Path) -> None:
    import processing

    processing.run("wip:sitecriteria", {
        "SITES": layer(folder, "sites"), "NEAREST_LAYERS": [layer(folder, "buildings"), layer(folder, "roads")],
        "OVERLAP_LAYERS": [layer(folder, "protected")], "RASTERS": [str(folder / "raster.tif")],
        "OUTPUT": str(output)})


def run_native(folder: Path, output: Path) -> None:
    """The chain a planner builds in a model: each step works on the previous step's output."""
    import processing

    step = processing.run("native:joinbynearest", {
        "INPUT": layer(folder, "sites"), "INPUT_2": layer(folder, "buildings"), "FIELDS_TO_COPY": [],
        "NEIGHBORS": 1, "PREFIX": "b_", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    step = processing.run("native:joinbynearest", {
        "INPUT": step, "INPUT_2": layer(folder, "roads"), "FIELDS_TO_COPY": [], "NEIGHBORS": 1, "PREFIX": "r_",
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    step = processing.run("native:calculatevectoroverlaps", {
        "INPUT": step, "LAYERS": [layer(folder, "protected")], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    processing.run("native:zonalstatisticsfb", {
        "INPUT": step, "INPUT_RASTER": str(folder / "raster.tif"), "RASTER_BAND": 1, "COLUMN_PREFIX": "z_",
        "STATISTICS": [2, 5, 6], "OUTPUT": str(output)})


def worker(side: str, folder: Path, output: Path) -> None:
    from tools.run_demo import start_qgis

    app, provider = start_qgis()
    started = time.perf_counter()
    (run_ours if side == "ours" else run_native)(folder, output)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "max_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6}))
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip QGIS's slow teardown


def compare(ours: Path, native: Path) -> dict:
    """Largest absolute difference per criterion between the two outputs, matched by site id (the native overlap
    analysis names its fields after the GeoPackage, "data")."""
    import geopandas as gpd

    a = gpd.read_file(ours).set_index("site").sort_index()
    b = gpd.read_file(native).set_index("site").sort_index()
    pairs = {"distance to buildings (m)": ("dist_buildings_m", "distance", 1.0),
             "distance to roads (m)": ("dist_roads_m", "distance_2", 1.0),
             "protected share": ("share_protected", "data_pc", 0.01),
             "raster mean": ("raster_mean", "z_mean", 1.0),
             "raster min": ("raster_min", "z_min", 1.0),
             "raster max": ("raster_max", "z_max", 1.0)}
    return {label: float(np.nanmax(np.abs(a[left].to_numpy(float) - factor * b[right].to_numpy(float))))
            for label, (left, right, factor) in pairs.items()}


def main() -> None:
    from bench.phases import run_side

    generate(DATA)
    with tempfile.TemporaryDirectory() as temporary:
        ours_output, native_output = Path(temporary) / "ours.gpkg", Path(temporary) / "native.gpkg"
        ours = run_side(__file__, "--worker", "ours", str(DATA), str(ours_output))
        native = run_side(__file__, "--worker", "native", str(DATA), str(native_output))
        differences = compare(ours_output, native_output)
    print(f"Criteria of {SITES:,} sites against {BUILDINGS + ROADS + PROTECTED:,} features and a "
          f"{CELLS:,} × {CELLS:,} raster (2 distances, 1 covered share, raster mean/min/max)")
    print(f"  wip:sitecriteria     {ours['seconds']:6.1f} s  (target ≤ {TARGET_S:.0f} s)  "
          f"peak {ours['max_rss_gb']:.2f} GB")
    print(f"  native chain         {native['seconds']:6.1f} s  peak {native['max_rss_gb']:.2f} GB"
          f"   ratio {native['seconds'] / ours['seconds']:.1f}×")
    print("  largest difference between the two:")
    for label, difference in differences.items():
        print(f"    {label:28s} {difference:.6g}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        worker(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        main()
