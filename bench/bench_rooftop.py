"""Benchmark: Solarpotenzial Dach of 100,000 buildings with LoD2 roofs, ``wip:rooftoppv`` against the chain a
planner would otherwise build in QGIS: the roof surfaces as a 3D polygon layer (as a CityGML converter gives them)
and the field calculator per surface for tilt, orientation, true area, usable area and capacity.

The buildings are the first 100,000 of the generated district (``bench/data/district.gpkg``, made by
``python -m tools.demodata --scale district``); their LoD2 roofs come from ``tools/lod2.py`` in 10 tiles. Each side
runs in its own process; the script prints the times, the ratio, and the capacities of both (the chain measures
the setback on the map, not on the roof, and has no orientation factor, so its figures differ by that).
Usage: python bench/bench_rooftop.py [--buildings 100000]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DISTRICT = ROOT / "bench" / "data" / "district.gpkg"
TILES = 10
GOAL_S = 60.0
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# the field calculator's expressions: the normal of the plane through a surface's first three vertices
NORMAL = {"nx": "(y(point_n($geometry,2))-y(point_n($geometry,1)))*(z(point_n($geometry,3))-z(point_n($geometry,1)))"
                "-(z(point_n($geometry,2))-z(point_n($geometry,1)))*(y(point_n($geometry,3))-y(point_n($geometry,1)))",
          "ny": "(z(point_n($geometry,2))-z(point_n($geometry,1)))*(x(point_n($geometry,3))-x(point_n($geometry,1)))"
                "-(x(point_n($geometry,2))-x(point_n($geometry,1)))*(z(point_n($geometry,3))-z(point_n($geometry,1)))",
          "nz": "(x(point_n($geometry,2))-x(point_n($geometry,1)))*(y(point_n($geometry,3))-y(point_n($geometry,1)))"
                "-(y(point_n($geometry,2))-y(point_n($geometry,1)))*(x(point_n($geometry,3))-x(point_n($geometry,1)))"}
CHAIN = [  # (field, expression), one field calculator run each
    ("nx", NORMAL["nx"]), ("ny", NORMAL["ny"]), ("nz", NORMAL["nz"]),
    ("tilt_deg", 'degrees(acos(abs("nz") / sqrt("nx"^2 + "ny"^2 + "nz"^2)))'),
    ("azimuth_deg", 'CASE WHEN "tilt_deg" < 1 THEN NULL ELSE degrees(azimuth(make_point(0, 0), '
                    'make_point(if("nz" < 0, -"nx", "nx"), if("nz" < 0, -"ny", "ny")))) END'),
    ("area_m2", '$area / cos(radians("tilt_deg"))'),
    ("usable_m2", 'area(buffer($geometry, -0.5)) / cos(radians("tilt_deg"))'),
    ("kwp", 'CASE WHEN "usable_m2" < 10 THEN 0 WHEN "tilt_deg" < 10 THEN "usable_m2" * 0.5 * 0.2 '
            'ELSE "usable_m2" * 0.8 * 0.2 END'),
]


def prepare(folder: Path, count: int) -> None:
    """LoD2 tiles for the first ``count`` buildings of the district, and their roof surfaces as a 3D layer."""
    import numpy as np
    import pyogrio

    from tools.lod2 import write_citygml
    from wip_qgis_plugin.core.rooftop_pv import read_city_model

    if not DISTRICT.exists():
        subprocess.run([sys.executable, "-m", "tools.demodata", "--scale", "district", "--out", str(DISTRICT)],
                       cwd=ROOT, check=True)
    buildings = pyogrio.read_dataframe(DISTRICT, layer="synth_gebaeude", max_features=count)
    for number, rows in enumerate(np.array_split(np.arange(len(buildings)), TILES), start=1):
        part = buildings.iloc[rows]
        write_citygml(folder / f"lod2_{number:02d}.gml", part.geometry.values, part["gebaeudefunktion"],
                      part["geschosse"], "15084000", prefix=f"DEST_{number:02d}", seed=number)
    model = read_city_model(sorted(folder.glob("*.gml")))
    import geopandas as gpd

    roofs = gpd.GeoDataFrame(model.roofs[["building_id", "surface_id"]], geometry=list(model.roofs["geometry"]),
                             crs="EPSG:25832")
    pyogrio.write_dataframe(roofs, folder.parent / "roofs_3d.gpkg", layer="roofs", driver="GPKG",
                            dataset_options={"VERSION": "1.2"})  # the GeoPackage the GDAL of QGIS 3.22 reads


# where our time goes: (module, function) → phase, wall time on the calling thread
PHASES = {("wip_qgis_plugin.processing_algorithms.rooftop_pv", "read_city_model"): "reading the CityGML tiles",
          ("wip_qgis_plugin.processing_algorithms.rooftop_pv", "roof_geometry"): "roof geometry and potential",
          ("wip_qgis_plugin.processing_algorithms.rooftop_pv", "lod2_potential"): "roof geometry and potential",
          ("wip_qgis_plugin.processing_algorithms.rooftop_pv", "write_frame"): "writing"}


def run_ours(folder: Path) -> dict:
    import processing

    from bench.phases import timed_phases

    spent = timed_phases(PHASES)
    result = processing.run("wip:rooftoppv", {"LOD2_FOLDER": str(folder), "ROOFS": "TEMPORARY_OUTPUT",
                                              "BUILDINGS_OUTPUT": "TEMPORARY_OUTPUT", "TOTALS": "TEMPORARY_OUTPUT"})
    roofs = result["ROOFS"]
    return {"surfaces": roofs.featureCount(), "mwp": result["TOTAL_MWP"], "gwh": result["TOTAL_GWH"],
            "phases": spent}


def run_chain(folder: Path) -> dict:
    import processing

    layer = f"{folder.parent / 'roofs_3d.gpkg'}|layername=roofs"
    for field, expression in CHAIN:
        layer = processing.run("native:fieldcalculator", {
            "INPUT": layer, "FIELD_NAME": field, "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
            "FORMULA": expression, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    kwp = sum(feature["kwp"] or 0.0 for feature in layer.getFeatures())
    return {"surfaces": layer.featureCount(), "mwp": kwp / 1e3}


SIDES = {"ours": ("wip:rooftoppv", run_ours), "chain": ("field calculator chain", run_chain)}


def main() -> None:
    from bench.phases import report_side, run_side

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buildings", type=int, default=100_000)
    parser.add_argument("--side", choices=tuple(SIDES))
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    if args.side:
        report_side(SIDES[args.side][1], args.folder)
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "lod2"
        folder.mkdir()
        started = time.perf_counter()
        prepare(folder, args.buildings)
        print(f"Solarpotenzial Dach, {args.buildings:,} buildings of the generated district in {TILES} LoD2 tiles "
              f"({sum(p.stat().st_size for p in folder.iterdir()) / 1e6:.0f} MB, made in "
              f"{time.perf_counter() - started:.0f} s; {os.cpu_count()} cores)")
        figures = {side: run_side(__file__, "--side", side, "--folder", str(folder)) for side in SIDES}
    ours = figures["ours"]
    for side, (name, _run) in SIDES.items():
        result = figures[side]
        print(f"  {name:24s} {result['seconds']:7.1f} s  peak {result['peak_mb']:6.0f} MB  "
              f"{result['surfaces']:8,d} surfaces  {result['mwp']:8.1f} MWp  "
              f"{result['seconds'] / ours['seconds']:5.1f}× our time")
    phases = ours["phases"].items()
    print("  where our time goes: " + ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in phases))
    print(f"  ours also gives the yield: {ours['gwh']:.1f} GWh/a, the suitability classes and the totals; the chain "
          "starts from the roofs already converted to a 3D layer (QGIS's GML reader drops CityGML's roof geometries, "
          "so a converter outside QGIS runs first, not timed here), measures the setback on the map and counts "
          "north-facing roofs too")
    print(f"  goal: ≤ {GOAL_S:g} s: {'met' if ours['seconds'] <= GOAL_S else 'not met'}")


if __name__ == "__main__":
    main()
