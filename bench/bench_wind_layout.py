"""Benchmark: turbine layout in 100 eligible areas of 5,000 ha in all (the issue's size), ``wip:windlayout`` end to
end and the core ``place_turbines`` alone, against the chain of QGIS native algorithms a planner would build for a
regular grid turned to the main wind direction (rotate the areas into the wind frame, create grid, rotate the grid
back, with the rotor inside buffer the areas by −rotor/2, extract by location), on the same polygons in the same run,
with the rotor allowed to overhang and with the rotor inside.

The data (EPSG:25832, around the Mitteldeutsches Revier), seeded: polygons of 10–200 ha scaled to 5,000 ha in all,
irregular blobs, bent strips (leftovers between settlement buffers) and blobs with holes, one per 5 km cell so that
none overlap. Reference turbine ref_neubau_6mw (rotor 170 m), 5D × 3D, 225°, 6.5 m/s. Prints the best and median
times of a few runs, the target, the turbines per polygon (ours, the plain grid from the polygon's corner that the
core reports, the native grid), the ratios, and checks (PASS/FAIL) that ours never has fewer turbines than the plain
grid and that no two turbines are closer than the ellipse. Usage: python bench/bench_wind_layout.py [--scale N]
[--runs N] (--scale 4: 400 polygons, 20,000 ha)
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLYGONS, TOTAL_HA, MIN_HA, MAX_HA = 100, 5_000.0, 10.0, 200.0
CELL, MARGIN = 5_000.0, 500.0  # one polygon per cell, at least 2 × MARGIN apart (more than one spacing)
CENTRE = (700_000.0, 5_650_000.0)
TURBINE, WIND_MS, ALONG_D, ACROSS_D, DIRECTION = "ref_neubau_6mw", 6.5, 5.0, 3.0, 225.0
KINDS = ("blob", "strip", "holes")
KIND_NAMES = ("blobs", "bent strips", "blobs with holes")
TARGET = "≤ 10 s for 100 polygons / 5,000 ha"
TABLE_LIMIT = 100
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def generate(count: int, total_ha: float, seed: int = 2031):
    """``count`` polygons (shapely), their kinds, seeded; areas in [MIN_HA, MAX_HA] summing to ``total_ha``."""
    import shapely
    from shapely import affinity

    rng = np.random.default_rng(seed)
    hectares = np.exp(rng.uniform(np.log(MIN_HA), np.log(MAX_HA), count))
    for _ in range(50):  # rescale to the total, keeping the bounds
        hectares = np.clip(hectares * total_ha / hectares.sum(), MIN_HA, MAX_HA)
    hectares *= total_ha / hectares.sum()
    kinds = rng.choice(len(KINDS), count, p=[0.55, 0.25, 0.2])
    side = math.ceil(math.sqrt(count))
    polygons = []
    for index, (ha, kind) in enumerate(zip(hectares, kinds)):
        area = ha * 1e4
        if KINDS[kind] == "strip":  # 180–450 m wide, at most 3.5 km long, slightly bent
            width = max(rng.uniform(180.0, 450.0), area / 3_500.0)
            t = np.linspace(0.0, 1.0, 12)
            length, bend = area / width, rng.uniform(-0.15, 0.15)
            shape = shapely.buffer(shapely.linestrings(t * length, bend * length * np.sin(np.pi * t)), width / 2,
                                   cap_style="flat")
        else:  # radius 1 with a few random harmonics (at least 0.5), squashed
            angles = np.linspace(0.0, 2 * np.pi, 48, endpoint=False)
            radius = 1.0 + sum(rng.normal(0.0, 0.25 / k) * np.cos(k * angles + rng.uniform(0, 2 * np.pi))
                               for k in range(2, 6))
            radius = np.maximum(radius, 0.5)
            shape = shapely.polygons(np.column_stack([radius * np.cos(angles),
                                                      radius * np.sin(angles) * rng.uniform(0.5, 1.0)]))
            if KINDS[kind] == "holes":  # one or two holes (farmsteads, biotopes) well inside
                inner = shapely.buffer(shape, -0.2)
                x0, y0, x1, y1 = inner.bounds
                x, y = rng.uniform(x0, x1, 64), rng.uniform(y0, y1, 64)
                inside = shapely.intersects_xy(inner, x, y)
                number = rng.integers(1, 3)
                centres = shapely.points(x[inside][:number], y[inside][:number])
                holes = shapely.buffer(centres, rng.uniform(0.05, 0.12, len(centres)))
                shape = shapely.difference(shape, shapely.union_all(holes))
        shape = affinity.rotate(shape, rng.uniform(0.0, 180.0), origin="centroid")
        factor = math.sqrt(area / shape.area)
        shape = affinity.scale(shape, factor, factor, origin="centroid")
        minx, miny, maxx, maxy = shape.bounds
        room_x, room_y = CELL - 2 * MARGIN - (maxx - minx), CELL - 2 * MARGIN - (maxy - miny)
        assert room_x >= 0 and room_y >= 0, f"polygon {index} does not fit its cell"
        left = CENTRE[0] - side * CELL / 2 + (index % side) * CELL + MARGIN
        bottom = CENTRE[1] - side * CELL / 2 + (index // side) * CELL + MARGIN
        polygons.append(affinity.translate(shape, left + rng.uniform(0, room_x) - minx,
                                           bottom + rng.uniform(0, room_y) - miny))
    return np.array(polygons, dtype=object), kinds


def memory_layer(polygons, kinds):
    import shapely
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=id:integer&field=kind:string", "sites", "memory")
    features = []
    for index, (polygon, kind) in enumerate(zip(polygons, kinds)):
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(polygon))
        feature.setGeometry(geometry)
        feature.setAttributes([index + 1, KINDS[kind]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def timed(function, runs: int):
    """(best, median) seconds and the last result."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), result


def run_ours(layer, overhang: bool) -> dict:
    import processing

    from wip_qgis_plugin.core.wind_energy import load_turbine_types

    return processing.run("wip:windlayout", {  # the type's options are the catalog's entries in order
        "SITES": layer, "TURBINE_TYPE": list(load_turbine_types()).index(TURBINE), "WIND_SPEED": WIND_MS,
        "SPACING_ALONG": ALONG_D, "SPACING_ACROSS": ACROSS_D, "WIND_DIRECTION": DIRECTION,
        "ROTOR_OVERHANG": overhang, "TURBINES": "TEMPORARY_OUTPUT", "OUTPUT": "TEMPORARY_OUTPUT"})


def run_native(layer, overhang: bool, rotor_m: float):
    """The regular grid with native algorithms: the grid's axes follow the main wind direction (5D along, 3D
    across), anchored at the top-left corner of the areas' extent in the wind frame."""
    import processing

    turn = DIRECTION - 90.0  # clockwise; turns the grid's x axis to the wind axis
    centre = layer.extent().center()
    anchor = f"{centre.x()},{centre.y()}"
    framed = processing.run("native:rotatefeatures", {"INPUT": layer, "ANGLE": -turn, "ANCHOR": anchor,
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    grid = processing.run("native:creategrid", {
        "TYPE": 0, "EXTENT": framed.extent(), "HSPACING": ALONG_D * rotor_m, "VSPACING": ACROSS_D * rotor_m,
        "HOVERLAY": 0, "VOVERLAY": 0, "CRS": "EPSG:25832", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    grid = processing.run("native:rotatefeatures", {"INPUT": grid, "ANGLE": turn, "ANCHOR": anchor,
                                                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    areas = layer if overhang else processing.run("native:buffer", {
        "INPUT": layer, "DISTANCE": -rotor_m / 2, "SEGMENTS": 8, "END_CAP_STYLE": 0, "JOIN_STYLE": 0,
        "MITER_LIMIT": 2, "DISSOLVE": False, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return processing.run("native:extractbylocation", {"INPUT": grid, "PREDICATE": [0], "INTERSECT": areas,
                                                       "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]


def points_xy(layer) -> np.ndarray:
    return np.array([(p.x(), p.y()) for p in (f.geometry().asPoint() for f in layer.getFeatures())]).reshape(-1, 2)


def per_polygon(polygons, xy: np.ndarray) -> np.ndarray:
    import shapely

    _, hit = shapely.STRtree(polygons).query(shapely.points(xy), predicate="intersects")
    return np.bincount(hit, minlength=len(polygons))


def site_counts(layer, count: int) -> np.ndarray:
    """The field ``turbines`` of the algorithm's sites, by polygon id."""
    counts = np.zeros(count, dtype=int)
    for feature in layer.getFeatures():
        counts[feature["id"] - 1] = feature["turbines"]
    return counts


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def measure(polygons, layer, overhang: bool, runs: int, turbine) -> dict:
    from wip_qgis_plugin.core.wind_layout import Spacing, place_turbines

    spacing = Spacing(ALONG_D * turbine.rotor_m, ACROSS_D * turbine.rotor_m, DIRECTION)
    algorithm = timed(lambda: run_ours(layer, overhang), runs)
    core = timed(lambda: place_turbines(polygons, spacing, turbine.rotor_m, overhang), runs)
    native = timed(lambda: run_native(layer, overhang, turbine.rotor_m), runs)
    result, layout = algorithm[2], core[2]
    turbines = points_xy(result["TURBINES"])
    return {"algorithm": algorithm[:2], "core": core[:2], "native": native[:2], "result": result,
            "ours": layout.per_site, "grid": layout.baseline_per_site,
            "native_per_polygon": per_polygon(polygons, points_xy(native[2])),
            "algorithm_per_polygon": site_counts(result["OUTPUT"], len(polygons)),
            "violations": spacing.violations(turbines[:, 0], turbines[:, 1])}


def report(title: str, figures: dict) -> None:
    ours, grid, native = figures["ours"], figures["grid"], figures["native_per_polygon"]
    result = figures["result"]
    best, median = figures["algorithm"]
    print(f"\n{title}")
    print(f"  wip:windlayout end to end  {best:6.2f} s / {median:6.2f} s   {result['TURBINE_COUNT']:5,} turbines, "
          f"{result['TOTAL_MW']:,.0f} MW, {result['TOTAL_GWH']:,.0f} GWh/a net")
    print(f"  place_turbines alone       {figures['core'][0]:6.2f} s / {figures['core'][1]:6.2f} s   "
          f"{ours.sum():5,} turbines")
    native_best, native_median = figures["native"]
    print(f"  native chain, one grid     {native_best:6.2f} s / {native_median:6.2f} s   {native.sum():5,} turbines"
          f"   time ours/native {best / native_best:.1f}×, turbines ours/native {ours.sum() / native.sum():.2f}")
    print(f"  plain grid from each polygon's corner         {grid.sum():5,} turbines"
          f"   turbines ours/grid {ours.sum() / grid.sum():.2f}")
    print(f"  ours ≥ plain grid on every polygon: {verdict(bool((ours >= grid).all()))} "
          f"({int((ours >= grid).sum())}/{len(ours)}; more on {int((ours > grid).sum())}); "
          f"ours ≥ native grid on {int((ours >= native).sum())}/{len(ours)}")
    print(f"  pairs closer than the ellipse: {figures['violations']} {verdict(figures['violations'] == 0)}; "
          f"wip:windlayout = place_turbines on every polygon: "
          f"{verdict(bool((figures['algorithm_per_polygon'] == ours).all()))}")


def table(polygons, kinds, both: dict) -> None:
    import shapely

    hectares = shapely.area(polygons) / 1e4
    out, inside = both["out"], both["in"]
    head = f"{'id':>4} {'kind':5} {'ha':>6} | {'out: ours':>9} {'grid':>4} {'nat':>4} | {'in: ours':>8} {'grid':>4} " \
           f"{'nat':>4}"
    print(f"\nTurbines per polygon, rotor overhang allowed (out) and rotor inside (in): ours, the plain grid from the "
          f"polygon's corner, the native grid\n{head}    {head}")
    rows = [f"{index + 1:4d} {KINDS[kinds[index]]:5} {hectares[index]:6.1f} | "
            f"{out['ours'][index]:9d} {out['grid'][index]:4d} {out['native_per_polygon'][index]:4d} | "
            f"{inside['ours'][index]:8d} {inside['grid'][index]:4d} {inside['native_per_polygon'][index]:4d}"
            for index in range(len(polygons))]
    half = math.ceil(len(rows) / 2)
    for left, right in zip(rows[:half], rows[half:] + [""]):
        print(f"{left}    {right}".rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="polygons and area × N (default 1: 100 / 5,000 ha)")
    parser.add_argument("--runs", type=int, default=3, help="runs per side (default 3)")
    arguments = parser.parse_args()
    import shapely

    from tools.run_demo import start_qgis

    app, provider = start_qgis()
    from wip_qgis_plugin.core.wind_energy import load_turbine_types

    turbine = load_turbine_types()[TURBINE]
    polygons, kinds = generate(POLYGONS * arguments.scale, TOTAL_HA * arguments.scale)
    layer = memory_layer(polygons, kinds)
    both = {"out": measure(polygons, layer, True, arguments.runs, turbine),
            "in": measure(polygons, layer, False, arguments.runs, turbine)}
    counts = np.bincount(kinds, minlength=len(KINDS))
    print(f"Turbine layout in {len(polygons):,} polygons / {shapely.area(polygons).sum() / 1e4:,.0f} ha (EPSG:25832; "
          + ", ".join(f"{count} {kind}" for kind, count in zip(KIND_NAMES, counts)) + ")")
    print(f"{TURBINE} (rotor {turbine.rotor_m:.0f} m), {ALONG_D:.0f}D × {ACROSS_D:.0f}D = "
          f"{ALONG_D * turbine.rotor_m:.0f} m × {ACROSS_D * turbine.rotor_m:.0f} m at {DIRECTION:.0f}°, "
          f"{WIND_MS} m/s; times best / median of {arguments.runs} runs; target (issue): {TARGET}")
    report("Rotor may overhang (tower inside)", both["out"])
    report(f"Rotor inside (native: buffer −{turbine.rotor_m / 2:.0f} m)", both["in"])
    if len(polygons) <= TABLE_LIMIT:
        table(polygons, kinds, both)
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip QGIS's slow teardown


if __name__ == "__main__":
    main()
