"""Benchmark: the whole wind Flächenkulisse of a generated district, ``wip:eligibility`` against the chain of
QGIS native algorithms a planner would otherwise build (per criterion: extract by attribute, buffer with dissolve;
then merge, dissolve and difference from the study area), on the same data with the same buffer segments.

Each side runs in its own process, so its wall time and peak memory (max RSS) are its own. Prints both, the ratio
and the difference of the eligible areas. Usage: python bench/bench_eligibility.py [--gpkg district.gpkg]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_GPKG = ROOT / "bench" / "data" / "district.gpkg"
CATALOG_ID = "lsa_wind"
STUDY_LAYER = "real_kreis"
SEGMENTS = 8  # QGIS "segments" per quarter circle, the engine's quad_segs
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_district(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating the district data set {path} …", flush=True)
    subprocess.run([sys.executable, "-m", "tools.demodata", "--scale", "district", "--out", str(path)], cwd=ROOT,
                   check=True)


def start_qgis():
    from tools.run_demo import start_qgis as start

    return start()


def constraint_layers(gpkg: Path):
    from qgis.core import QgsVectorLayer

    from wip_qgis_plugin.qgis_io.project import demo_layer_names

    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in demo_layer_names(gpkg)
              if name.startswith("synth_")]
    return [layer for layer in layers if layer.isSpatial()]


def run_ours(gpkg: Path) -> dict:
    import processing

    from wip_qgis_plugin.processing_algorithms.eligibility import SHIPPED_CATALOG_IDS

    result = processing.run("wip:eligibility", {
        "STUDY_AREA": f"{gpkg}|layername={STUDY_LAYER}", "CATALOG": SHIPPED_CATALOG_IDS.index(CATALOG_ID),
        "CONSTRAINT_LAYERS": constraint_layers(gpkg), "ELIGIBLE": "TEMPORARY_OUTPUT",
        "EXCLUDED": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"})
    return {"eligible_ha": result["ELIGIBLE_HA"]}


def filter_expression(attribute_filter) -> str:
    from qgis.core import QgsExpression

    field = QgsExpression.quotedColumnRef(attribute_filter.field)
    if attribute_filter.values:
        return f"{field} IN ({', '.join(QgsExpression.quotedValue(v) for v in attribute_filter.values)})"
    return f"{field} {attribute_filter.op} {QgsExpression.quotedValue(attribute_filter.value)}"


def run_native(gpkg: Path) -> dict:
    """The same criteria and layers as the plugin would use, as a chain of native algorithms."""
    import processing

    from wip_qgis_plugin.core.catalog import DEFAULT_TURBINE, load_catalog, shipped_catalogs, suggest_layers
    from wip_qgis_plugin.processing_algorithms.eligibility import describe_layer

    catalog = load_catalog(shipped_catalogs()[CATALOG_ID])
    layers = constraint_layers(gpkg)
    by_name = {layer.name(): layer for layer in layers}
    descriptions = [describe_layer(layer, layer.name()) for layer in layers]
    zones = []
    for criterion in catalog.criteria:
        if not criterion.excludes(soft_excludes=True):
            continue
        for name in suggest_layers(criterion, descriptions):
            source = by_name[name]
            if criterion.attribute_filter is not None:
                source = processing.run("native:extractbyexpression", {
                    "INPUT": source, "EXPRESSION": filter_expression(criterion.attribute_filter),
                    "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
            zones.append(processing.run("native:buffer", {
                "INPUT": source, "DISTANCE": criterion.distance.resolve(DEFAULT_TURBINE), "SEGMENTS": SEGMENTS,
                "DISSOLVE": True, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"])
    merged = processing.run("native:mergevectorlayers", {"LAYERS": zones, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    excluded = processing.run("native:dissolve", {"INPUT": merged, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    eligible = processing.run("native:difference", {
        "INPUT": f"{gpkg}|layername={STUDY_LAYER}", "OVERLAY": excluded, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return {"eligible_ha": sum(feature.geometry().area() for feature in eligible.getFeatures()) / 1e4}


def child(side: str, gpkg: Path) -> None:
    app, _provider = start_qgis()
    started = time.perf_counter()
    figures = (run_ours if side == "ours" else run_native)(gpkg)
    figures["seconds"] = time.perf_counter() - started
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(figures), flush=True)
    app.exitQgis()


def measure(side: str, gpkg: Path) -> dict:
    output = subprocess.run([sys.executable, __file__, "--side", side, "--gpkg", str(gpkg)], capture_output=True,
                            text=True, cwd=ROOT)
    lines = [line for line in output.stdout.splitlines() if line.startswith("RESULT ")]
    if output.returncode != 0 or not lines:
        raise SystemExit(f"{side} failed:\n{output.stdout}\n{output.stderr}")
    return json.loads(lines[-1][len("RESULT "):])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpkg", type=Path, default=DEFAULT_GPKG)
    parser.add_argument("--side", choices=("ours", "native"))
    args = parser.parse_args()
    if args.side:
        child(args.side, args.gpkg)
        return
    ensure_district(args.gpkg)
    ours = measure("ours", args.gpkg)
    native = measure("native", args.gpkg)
    difference = abs(ours["eligible_ha"] - native["eligible_ha"]) / native["eligible_ha"]
    print(f"Flächenkulisse Wind, district {args.gpkg.name} (2 cores)")
    for name, figures in (("wip:eligibility", ours), ("QGIS native chain", native)):
        print(f"  {name:18s} {figures['seconds']:7.1f} s  peak {figures['peak_mb']:6.0f} MB  "
              f"eligible {figures['eligible_ha']:10.1f} ha")
    print(f"  ratio native / wip: {native['seconds'] / ours['seconds']:.1f}×  "
          f"eligible area differs by {100 * difference:.3f} %")


if __name__ == "__main__":
    main()
