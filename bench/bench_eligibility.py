"""Benchmark: the whole wind Flächenkulisse of a generated district, ``wip:eligibility`` against the chains of
QGIS native algorithms a planner would otherwise build, on the same data with the same buffer segments:

- "wip:eligibility again": a second run in the same QGIS session (the first one's imports and set-up done);
- "native union chain": per criterion extract by attribute and buffer with dissolve, then union the criterion
  layers one after the other (the pieces then carry every criterion that covers them, like our audit trail), and
  difference from the study area;
- "native merge chain": the same buffers merged and dissolved, then difference: the eligible area only, without
  saying which criteria exclude a piece (shown for comparison; it does not give our outputs);
- "GLAES" (FZ Jülich's open land-eligibility tool, raster-based) with the same criteria, filters and distances at its
  default 100 m and at 25 m, when ``WIP_GLAES_PYTHON`` names a Python in which it is installed (its own
  environment, not a dependency of the plugin; the README says how): the area difference its cells cause.

Each side runs in its own process, so its wall time and peak memory (max RSS) are its own; the clock runs from the
start of the computation to its result, with the district's layers open as a project holds them (QGIS sides) or in
files of their own (GLAES). Prints the figures, the ratios and the differences of the eligible areas.
Usage: python bench/bench_eligibility.py [--gpkg district.gpkg]
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CATALOG_ID = "lsa_wind"
STUDY_LAYER = "real_kreis"
GOAL_S, GOAL_RATIO = 6.0, 2.0
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def constraint_layers(gpkg: Path):
    from qgis.core import QgsVectorLayer

    from wip_qgis_plugin.qgis_io.project import demo_layer_names

    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in demo_layer_names(gpkg)
              if name.startswith("synth_")]
    return [layer for layer in layers if layer.isSpatial()]


# where our time goes: (module, function) → phase; each is timed on the calling thread, wall time
PHASES = {("wip_qgis_plugin.processing_algorithms.base", "read_frame"): "reading",
          ("wip_qgis_plugin.processing_algorithms.eligibility", "read_frame"): "reading",
          ("wip_qgis_plugin.core.eligibility", "_zones"): "zones (buffer and union, on all cores)",
          ("wip_qgis_plugin.core.eligibility", "_arrangement"): "noding, polygonising, point-in-zone",
          ("wip_qgis_plugin.core.eligibility", "_dissolve"): "merging faces by criteria",
          ("wip_qgis_plugin.core.eligibility", "_patches"): "merging faces by criteria",
          ("wip_qgis_plugin.processing_algorithms.eligibility", "write_frame"): "writing"}


def run_ours(gpkg: Path) -> dict:
    import processing

    from bench.phases import timed_phases
    from wip_qgis_plugin.processing_algorithms.eligibility import SHIPPED_CATALOG_IDS

    layers = constraint_layers(gpkg)
    spent = timed_phases(PHASES)
    started = time.perf_counter()
    result = processing.run("wip:eligibility", {
        "STUDY_AREA": f"{gpkg}|layername={STUDY_LAYER}", "CATALOG": SHIPPED_CATALOG_IDS.index(CATALOG_ID),
        "CONSTRAINT_LAYERS": layers, "ELIGIBLE": "TEMPORARY_OUTPUT", "EXCLUDED": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT"})
    return {"seconds": time.perf_counter() - started, "eligible_ha": result["ELIGIBLE_HA"], "phases": spent}


def run_ours_again(gpkg: Path) -> dict:
    """Our run once more in the same QGIS, as a planner's later runs of a session go (the libraries imported and
    GDAL's drivers loaded by the first): the figures of the second run alone."""
    run_ours(gpkg)
    return run_ours(gpkg)


def filter_expression(attribute_filter) -> str:
    from qgis.core import QgsExpression

    field = QgsExpression.quotedColumnRef(attribute_filter.field)
    if attribute_filter.values:
        return f"{field} IN ({', '.join(QgsExpression.quotedValue(v) for v in attribute_filter.values)})"
    return f"{field} {attribute_filter.op} {QgsExpression.quotedValue(attribute_filter.value)}"


def excluding_criteria(layers: list) -> list[tuple]:
    """(criterion, layer name, distance in m) of each excluding criterion and each of the district's ``layers`` the
    plugin would map to it."""
    from wip_qgis_plugin.core.catalog import DEFAULT_TURBINE, load_catalog, shipped_catalogs, suggest_layers
    from wip_qgis_plugin.qgis_io.project import describe_layer

    catalog = load_catalog(shipped_catalogs()[CATALOG_ID])
    descriptions = [describe_layer(layer, layer.name()) for layer in layers]
    return [(criterion, name, criterion.distance.resolve(DEFAULT_TURBINE)) for criterion in catalog.criteria
            if criterion.excludes(soft_excludes=True) for name in suggest_layers(criterion, descriptions)]


def feature_condition(criterion, area_expression: str) -> str:
    """The criterion's choice of features as an expression (QGIS's and OGR SQL's alike); empty for all of them."""
    conditions = [filter_expression(criterion.attribute_filter)] if criterion.attribute_filter else []
    if criterion.min_feature_ha is not None:  # e.g. the shore of standing waters of 1 ha and more
        conditions.append(f"{area_expression} >= {criterion.min_feature_ha * 1e4}")
    return " AND ".join(f"({condition})" for condition in conditions)


def native_zones(layers: list, criteria: list[tuple]) -> list:
    """Per excluding criterion of ``criteria`` the dissolved buffer of its layers, as the plugin would map them."""
    import processing

    from wip_qgis_plugin.core.eligibility import quad_segs

    by_name = {layer.name(): layer for layer in layers}
    zones = []
    for criterion, name, distance in criteria:
        source = by_name[name]
        condition = feature_condition(criterion, "area($geometry)")
        if condition:
            source = processing.run("native:extractbyexpression", {
                "INPUT": source, "EXPRESSION": condition, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        buffered = processing.run("native:buffer", {  # QGIS's "segments" are the engine's per quarter circle
            "INPUT": source, "DISTANCE": distance, "SEGMENTS": quad_segs(distance), "DISSOLVE": True,
            "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        zones.append(processing.run("native:retainfields", {  # one field per criterion: its id
            "INPUT": processing.run("native:fieldcalculator", {
                "INPUT": buffered, "FIELD_NAME": criterion.id, "FIELD_TYPE": 2, "FIELD_LENGTH": 1,
                "FORMULA": "'x'", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"],
            "FIELDS": [criterion.id], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"])
    return zones


def eligible_ha(study_source: str, excluded) -> float:
    import processing

    eligible = processing.run("native:difference", {
        "INPUT": study_source, "OVERLAY": excluded, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return sum(feature.geometry().area() for feature in eligible.getFeatures()) / 1e4


def run_native_union(gpkg: Path) -> dict:
    import processing

    layers = constraint_layers(gpkg)
    criteria = excluding_criteria(layers)
    started = time.perf_counter()
    zones = native_zones(layers, criteria)
    pieces = zones[0]
    with tempfile.TemporaryDirectory() as folder:
        for number, zone in enumerate(zones[1:]):
            # to GeoPackage: a memory layer refuses the occasional collection that a union of buffers yields
            pieces = processing.run("native:union", {"INPUT": pieces, "OVERLAY": zone,
                                                     "OUTPUT": str(Path(folder) / f"union_{number}.gpkg")})["OUTPUT"]
        return {"eligible_ha": eligible_ha(f"{gpkg}|layername={STUDY_LAYER}", pieces),
                "seconds": time.perf_counter() - started}


def run_native_merge(gpkg: Path) -> dict:
    import processing

    layers = constraint_layers(gpkg)
    criteria = excluding_criteria(layers)
    started = time.perf_counter()
    merged = processing.run("native:mergevectorlayers", {"LAYERS": native_zones(layers, criteria),
                                                         "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    excluded = processing.run("native:dissolve", {"INPUT": merged, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return {"eligible_ha": eligible_ha(f"{gpkg}|layername={STUDY_LAYER}", excluded),
            "seconds": time.perf_counter() - started}


GLAES_RESOLUTIONS_M = (100, 25)  # its default cell, and a fine one
# run by GLAES's own Python: the layers are copied into files of their own (GLAES reads the first layer of a file),
# then the clock runs while GLAES builds its region mask and applies every exclusion
GLAES_DRIVER = """
import json, resource, sys, tempfile, time
from osgeo import gdal
import glaes
spec = json.loads(sys.argv[1])
with tempfile.TemporaryDirectory() as folder:
    paths = {}
    for name in {c["layer"] for c in spec["criteria"]} | {spec["region"]}:
        paths[name] = f"{folder}/{name}.gpkg"
        gdal.VectorTranslate(paths[name], spec["gpkg"], layers=[name])
    started = time.perf_counter()
    calculator = glaes.ExclusionCalculator(paths[spec["region"]], srs=spec["epsg"], pixelRes=spec["resolution"],
                                           limitOne=False, verbose=False)
    for c in spec["criteria"]:
        calculator.excludeVectorType(paths[c["layer"]], where=c["where"] or None, buffer=c["buffer"] or None)
    print("GLAES " + json.dumps({"eligible_ha": float(calculator.areaAvailable) / 1e4,
                                 "seconds": time.perf_counter() - started,
                                 "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_glaes(gpkg: Path, resolution: float) -> dict:
    spec = {"gpkg": str(gpkg), "region": STUDY_LAYER, "epsg": 25832, "resolution": resolution,
            "criteria": [{"layer": name, "where": feature_condition(criterion, "OGR_GEOM_AREA"), "buffer": distance}
                         for criterion, name, distance in excluding_criteria(constraint_layers(gpkg))]}
    done = subprocess.run([os.environ["WIP_GLAES_PYTHON"], "-c", GLAES_DRIVER, json.dumps(spec)],
                          capture_output=True, text=True, env={"GDAL_DATA": "/usr/share/gdal", **os.environ})
    lines = [line for line in done.stdout.splitlines() if line.startswith("GLAES ")]
    if done.returncode or not lines:
        raise SystemExit(f"GLAES failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return json.loads(lines[-1][len("GLAES "):])


SIDES = {"ours": ("wip:eligibility", run_ours), "again": ("wip:eligibility again", run_ours_again),
         "union": ("native union chain", run_native_union),
         "merge": ("native merge chain", run_native_merge)}
if os.environ.get("WIP_GLAES_PYTHON"):
    SIDES.update({f"glaes{resolution}": (f"GLAES, {resolution} m cells", partial(run_glaes, resolution=resolution))
                  for resolution in GLAES_RESOLUTIONS_M})


def main() -> None:
    from bench.phases import district_sides

    ran = district_sides(__file__, __doc__.splitlines()[0], SIDES)
    if ran is None:
        return
    gpkg, figures = ran
    ours, merge = figures["ours"], figures["merge"]
    print(f"Flächenkulisse Wind, district {gpkg.name} ({os.cpu_count()} cores)")
    for side, (name, _run) in SIDES.items():
        result = figures[side]
        difference = 100 * abs(result["eligible_ha"] - ours["eligible_ha"]) / ours["eligible_ha"]
        print(f"  {name:20s} {result['seconds']:7.1f} s  peak {result['peak_mb']:6.0f} MB  "
              f"eligible {result['eligible_ha']:10.1f} ha  (differs {difference:.3f} %)  "
              f"{result['seconds'] / ours['seconds']:5.1f}× our time")
    print("  where our time goes: " + ", ".join(f"{phase} {seconds:.1f} s"
                                                for phase, seconds in ours["phases"].items()))
    same = abs(merge["eligible_ha"] - ours["eligible_ha"]) <= 1e-4 * ours["eligible_ha"]
    met = ours["seconds"] <= GOAL_S and merge["seconds"] >= GOAL_RATIO * ours["seconds"] and same
    print(f"  goal: ≤ {GOAL_S:g} s, ≥ {GOAL_RATIO:g}× faster than the native merge chain, the same eligible area "
          f"to 0.01 %: {'met' if met else 'not met'}")


if __name__ == "__main__":
    main()
