"""Benchmark: heat planning for 200,000 buildings and 20,000 street sections, end to end (``wip:heatdemand``,
``wip:heatdensity`` on 100 m cells, ``wip:heatsuitability``), and the density step against the chain of QGIS native
algorithms that gives the same maps from the same demand (point on surface, join attributes by nearest, aggregate,
join to the streets, field calculator; create grid, join by location summary, field calculator). Each side runs in
its own process. Prints the times, the target (≤ 30 s end to end), the ratio, and the largest difference between
the two heat line densities. Usage: python bench/bench_heat.py
"""
from __future__ import annotations

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
DATA = ROOT / "bench" / "data" / "heat" / "town.gpkg"
BUILDINGS, SECTIONS = 200_000, 20_000
SPACING, ORIGIN = 150.0, (700_000.0, 5_650_000.0)  # street lattice in metres
CELL, MAX_DISTANCE = 100.0, 100.0
TARGET_S = 30.0
WRITTEN_GOAL_S = 15.0
NATIVE_LIMIT_S = 1800  # the native chain is stopped after half an hour and reported as "more than"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def generate(path: Path) -> None:
    """A seeded town: a street lattice cut into 20,000 sections of 150 m, 200,000 buildings set back 8–40 m from a
    random section, with ALKIS function, type, IWU age class and storeys as in the demo data."""
    import geopandas as gpd
    import shapely

    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating {path} …", flush=True)
    rng = np.random.default_rng(2028)
    x0, y0 = ORIGIN
    side = int(np.ceil(np.sqrt(SECTIONS / 2)))
    horizontal = [(x0 + i * SPACING, y0 + j * SPACING, x0 + (i + 1) * SPACING, y0 + j * SPACING)
                  for j in range(side) for i in range(side)]
    vertical = [(x0 + i * SPACING, y0 + j * SPACING, x0 + i * SPACING, y0 + (j + 1) * SPACING)
                for i in range(side) for j in range(side)]
    ends = np.array((horizontal + vertical)[:SECTIONS])
    streets = shapely.linestrings(np.stack([ends[:, :2], ends[:, 2:]], axis=1))
    gpd.GeoDataFrame({"abschnitt_id": np.arange(1, SECTIONS + 1)}, geometry=streets, crs="EPSG:25832").to_file(
        path, layer="strassen")
    section = rng.integers(0, SECTIONS, BUILDINGS)
    along = rng.uniform(0.1, 0.9, BUILDINGS)
    setback = rng.uniform(8, 40, BUILDINGS) * rng.choice([-1, 1], BUILDINGS)
    start, stop = ends[section, :2], ends[section, 2:]
    direction = (stop - start) / SPACING
    normal = np.column_stack([-direction[:, 1], direction[:, 0]])
    centre = start + (stop - start) * along[:, None] + normal * setback[:, None]
    kinds = rng.choice(4, BUILDINGS, p=[0.6, 0.2, 0.15, 0.05])  # EFH, MFH, office or shop, garage
    size = np.choose(kinds, [rng.uniform(7, 12, BUILDINGS), rng.uniform(12, 25, BUILDINGS),
                             rng.uniform(15, 40, BUILDINGS), rng.uniform(3, 6, BUILDINGS)])
    footprints = shapely.box(centre[:, 0] - size / 2, centre[:, 1] - size / 2, centre[:, 0] + size / 2,
                             centre[:, 1] + size / 2)
    functions = np.choose(kinds, [1010, 1010, rng.choice([2020, 2050, 3021], BUILDINGS), 2463])
    types = np.array(["EFH", "MFH", "NWG", "NWG"])[kinds]
    ages = rng.choice(list("ABCDEFGHIJKL"), BUILDINGS)
    storeys = np.choose(kinds, [rng.integers(1, 3, BUILDINGS), rng.integers(3, 7, BUILDINGS),
                                rng.integers(1, 5, BUILDINGS), np.ones(BUILDINGS, dtype=int)])
    gpd.GeoDataFrame({"gebaeudefunktion": functions, "gebaeudetyp": types, "baualtersklasse": ages,
                      "geschosse": storeys}, geometry=footprints, crs="EPSG:25832").to_file(path, layer="gebaeude")


def layer(name: str) -> str:
    return f"{DATA}|layername={name}"


def heat_steps(context, outputs: dict) -> dict:
    """The three steps, each output to ``outputs[key]`` (TEMPORARY_OUTPUT or a file); seconds per step and the
    results."""
    import processing

    timings = {}
    started = time.perf_counter()
    demand = processing.run("wip:heatdemand", {"BUILDINGS": layer("gebaeude"), "OUTPUT": outputs["demand"]},
                            context=context)["OUTPUT"]
    timings["demand"] = time.perf_counter() - started
    step = time.perf_counter()
    density = processing.run("wip:heatdensity", {
        "BUILDINGS": demand, "STREETS": layer("strassen"), "CELL_SIZE": CELL, "MAX_DISTANCE": MAX_DISTANCE,
        "INTERNAL": True, "BLOCKS_OUTPUT": outputs["blocks"], "STREETS_OUTPUT": outputs["streets"]},
        context=context)
    timings["density"] = time.perf_counter() - step
    step = time.perf_counter()
    processing.run("wip:heatsuitability", {"AREAS": density["BLOCKS_OUTPUT"], "OUTPUT": outputs["suitability"]},
                   context=context)
    timings["suitability"] = time.perf_counter() - step
    timings["seconds"] = time.perf_counter() - started
    return timings, demand, density


def run_ours(folder: Path) -> dict:
    """The three steps with temporary outputs, as the dock and models run them, and once more with every output
    written to a GeoPackage; the demand and the street layer of the first run are written to files afterwards,
    outside the timing, for the native chain and the comparison."""
    from qgis.core import QgsProcessingContext

    from tools.run_demo import write_layer

    keys = ("demand", "blocks", "streets", "suitability")
    timings, demand, density = heat_steps(QgsProcessingContext(), {key: "TEMPORARY_OUTPUT" for key in keys})
    written, _demand, _density = heat_steps(QgsProcessingContext(),
                                            {key: str(folder / f"written_{key}.gpkg") for key in keys})
    timings["written"] = written
    write_layer(demand, folder / "demand.gpkg", "demand")
    write_layer(density["STREETS_OUTPUT"], folder / "ours_streets.gpkg", "streets")
    return timings


def run_native(folder: Path) -> dict:
    """The density step from the same demand (ours, written by the other process) with native algorithms only."""
    import processing

    started = time.perf_counter()
    demand = f"{folder / 'demand.gpkg'}|layername=demand"
    points = processing.run("native:pointonsurface", {"INPUT": demand, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    joined = processing.run("native:joinbynearest", {
        "INPUT": points, "INPUT_2": layer("strassen"), "FIELDS_TO_COPY": ["abschnitt_id"], "NEIGHBORS": 1,
        "MAX_DISTANCE": MAX_DISTANCE, "DISCARD_NONMATCHING": True, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    sums = processing.run("native:aggregate", {
        "INPUT": joined, "GROUP_BY": '"abschnitt_id"', "AGGREGATES": [
            {"aggregate": "first_value", "delimiter": ",", "input": '"abschnitt_id"', "length": 0,
             "name": "abschnitt_id", "precision": 0, "type": 4},
            {"aggregate": "sum", "delimiter": ",", "input": '"demand_mwh_a"', "length": 0, "name": "demand_mwh_a",
             "precision": 0, "type": 6}], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    streets = processing.run("native:joinattributestable", {
        "INPUT": layer("strassen"), "FIELD": "abschnitt_id", "INPUT_2": sums, "FIELD_2": "abschnitt_id",
        "FIELDS_TO_COPY": ["demand_mwh_a"], "METHOD": 1, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    processing.run("native:fieldcalculator", {
        "INPUT": streets, "FIELD_NAME": "line_density_kwh_m_a", "FIELD_TYPE": 0, "FIELD_LENGTH": 0,
        "FIELD_PRECISION": 0, "FORMULA": '1000 * "demand_mwh_a" / $length',
        "OUTPUT": str(folder / "native_streets.gpkg")})
    line_seconds = time.perf_counter() - started
    extent = processing.run("native:polygonfromlayerextent", {"INPUT": demand, "ROUND_TO": CELL,
                                                              "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    grid = processing.run("native:creategrid", {
        "TYPE": 2, "EXTENT": extent.extent(), "HSPACING": CELL, "VSPACING": CELL, "CRS": "EPSG:25832",
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    cells = processing.run("qgis:joinbylocationsummary", {
        "INPUT": grid, "JOIN": points, "PREDICATE": [1], "JOIN_FIELDS": ["demand_mwh_a"], "SUMMARIES": [0, 5],
        "DISCARD_NONMATCHING": True, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    processing.run("native:fieldcalculator", {
        "INPUT": cells, "FIELD_NAME": "density_mwh_ha_a", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
        "FORMULA": '"demand_mwh_a_sum" / ($area / 10000)', "OUTPUT": str(folder / "native_cells.gpkg")})
    return {"seconds": time.perf_counter() - started, "line_density": line_seconds}


def worker(side: str, folder: Path) -> None:
    from tools.run_demo import start_qgis

    app, provider = start_qgis()
    figures = (run_ours if side == "ours" else run_native)(folder)
    figures["max_rss_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(json.dumps(figures))
    sys.stdout.flush()
    os._exit(0)  # the figures are out; skip QGIS's slow teardown


def line_density_difference(folder: Path) -> float:
    import geopandas as gpd

    ours = gpd.read_file(folder / "ours_streets.gpkg").set_index("abschnitt_id")["line_density_kwh_m_a"]
    native = gpd.read_file(folder / "native_streets.gpkg").set_index("abschnitt_id")["line_density_kwh_m_a"]
    both = ours.to_frame("ours").join(native.rename("native")).fillna(0.0)
    return float((both["ours"] - both["native"]).abs().max())


def main() -> None:
    from bench.phases import run_side

    generate(DATA)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        ours = run_side(__file__, "--worker", "ours", str(folder))
        native = run_side(__file__, "--worker", "native", str(folder), limit=NATIVE_LIMIT_S)
        difference = line_density_difference(folder) if native else None
    print(f"Heat planning for {BUILDINGS:,} buildings and {SECTIONS:,} street sections (100 m cells)")
    print(f"  ours end to end            {ours['seconds']:6.1f} s  (target ≤ {TARGET_S:.0f} s)  "
          f"peak {ours['max_rss_gb']:.2f} GB")
    print(f"    demand {ours['demand']:.1f} s, densities {ours['density']:.1f} s, "
          f"suitability {ours['suitability']:.1f} s")
    written = ours["written"]
    print(f"  ours, every output written to GeoPackage {written['seconds']:5.1f} s (goal ≤ {WRITTEN_GOAL_S:.0f} s: "
          f"{'met' if written['seconds'] <= WRITTEN_GOAL_S else 'not met'}); demand {written['demand']:.1f} s, "
          f"densities {written['density']:.1f} s, suitability {written['suitability']:.1f} s")
    if native is None:
        print(f"  native chain, densities only: not finished after {NATIVE_LIMIT_S} s, "
              f"ratio to our density step > {NATIVE_LIMIT_S / ours['density']:.0f}×")
        return
    print(f"  native chain, densities only {native['seconds']:6.1f} s  peak {native['max_rss_gb']:.2f} GB   "
          f"ratio to our density step {native['seconds'] / ours['density']:.1f}×")
    print(f"    of which the heat line densities {native['line_density']:.1f} s")
    print(f"  largest difference of the heat line densities: {difference:.3g} kWh/(m·a)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], Path(sys.argv[3]))
    else:
        main()
