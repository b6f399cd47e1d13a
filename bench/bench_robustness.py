"""Benchmark: the wind Flächenkulisse of a generated district over six criteria variants (the catalog, settlement
distance 600, 800 and 1,200 m, forest left out, soft criteria not excluding), ``wip:eligibilityrobustness`` in one
run against one ``wip:eligibility`` run per variant, the way a planner compares variants without it.

Each side runs in its own process. Prints both times, the ratio, and each variant's eligible area from both sides
(they must agree). Usage: python bench/bench_robustness.py [--gpkg district.gpkg]
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_eligibility import (  # noqa: E402 - after the path
    CATALOG_ID,
    STUDY_LAYER,
    constraint_layers,
)

# name → (overrides as pairs, criteria off, soft criteria excluding)
VARIANTS = {"Siedlung 600 m": (["wohnsiedlung_abstand", "600"], [], True),
            "Siedlung 800 m": (["wohnsiedlung_abstand", "800"], [], True),
            "Siedlung 1200 m": (["wohnsiedlung_abstand", "1200"], [], True),
            "ohne Wald": ([], ["wald"], True),
            "nur harte": ([], [], False)}


def common(gpkg: Path) -> dict:
    from wip_qgis_plugin.processing_algorithms.eligibility import SHIPPED_CATALOG_IDS

    return {"STUDY_AREA": f"{gpkg}|layername={STUDY_LAYER}", "CATALOG": SHIPPED_CATALOG_IDS.index(CATALOG_ID),
            "CONSTRAINT_LAYERS": constraint_layers(gpkg)}


def run_ours(gpkg: Path) -> dict:
    import processing

    table = []
    for name, (overrides, off, soft) in VARIANTS.items():
        table += [name, overrides[0], overrides[1]] if overrides else []
        table += [cell for criterion in off for cell in (name, criterion, "aus")]
        table += [] if soft else [name, "weich", "aus"]
    result = processing.run("wip:eligibilityrobustness", dict(
        common(gpkg), VARIANTS=table, OUTPUT="TEMPORARY_OUTPUT", SUMMARY="TEMPORARY_OUTPUT"))
    summary = result["SUMMARY"]  # a memory layer
    areas = {feature["item"]: feature["area_ha"] for feature in summary.getFeatures() if feature["kind"] == "variant"}
    return {"variants": list(areas.values())}


def run_separately(gpkg: Path) -> dict:
    import processing

    areas = []
    for overrides, off, soft in [([], [], True)] + list(VARIANTS.values()):
        mapping = [cell for criterion in off for cell in (criterion, "-")]
        result = processing.run("wip:eligibility", dict(
            common(gpkg), DISTANCE_OVERRIDES=overrides, CRITERIA_MAPPING=mapping, SOFT_EXCLUDES=soft,
            ELIGIBLE="TEMPORARY_OUTPUT", EXCLUDED="TEMPORARY_OUTPUT", SUMMARY="TEMPORARY_OUTPUT"))
        areas.append(result["ELIGIBLE_HA"])
    return {"variants": areas}


SIDES = {"ours": ("one robustness run", run_ours), "separate": ("one run per variant", run_separately)}


def main() -> None:
    from bench.phases import district_sides

    ran = district_sides(__file__, __doc__.splitlines()[0], SIDES)
    if ran is None:
        return
    gpkg, figures = ran
    ours, separate = figures["ours"], figures["separate"]
    print(f"Flächenkulisse Wind über {len(VARIANTS) + 1} Varianten, district {gpkg.name} ({os.cpu_count()} cores)")
    for side, (name, _run) in SIDES.items():
        result = figures[side]
        print(f"  {name:22s} {result['seconds']:7.1f} s  peak {result['peak_mb']:6.0f} MB  "
              f"{result['seconds'] / ours['seconds']:5.1f}× our time")
    for name, first, second in zip(["Katalog"] + list(VARIANTS), ours["variants"], separate["variants"]):
        print(f"  {name:16s} eligible {first:10.1f} ha (separate run {second:10.1f} ha, differs "
              f"{100 * abs(first - second) / max(second, 1e-9):.4f} %)")


if __name__ == "__main__":
    main()
