"""Benchmark: the wind and ground-mounted PV Flächenkulisse of every municipality of a generated district (the
Burgenlandkreis: 33 municipalities of VG250, 1,419 km²), with a wind park and PV plants on each municipality's
eligible land, with ``wip:regionprofiles`` in one process, in a process
pool on all cores, and on a Dask local cluster with as many worker processes (when ``distributed`` is installed),
against one ``wip:eligibility`` run per catalog over all municipalities at once (the way without a region run: no
parallel municipalities, no resuming, no ledger).

Each side runs in its own process. Prints the run's wall time (the Dask cluster already up; with QGIS's and the
cluster's start in brackets), peak memory of the main process, of the largest worker and of all processes together,
the ratios, the eligible areas of every side (they must agree), the plants and their energy (the same in every
region run), and the distribution of the time per municipality.

``--scale land`` runs the pool and the Dask cluster on all 218 municipalities of Sachsen-Anhalt (20,554 km², generated
at the district's density, bench/data/land.gpkg), with every municipality's Zukunftsprofil, against the goal of
≤ 15 min and ≤ 8 GB.
Usage: python bench/bench_region.py [--scale district|land] [--gpkg data.gpkg]
"""

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.bench_eligibility import constraint_layers  # noqa: E402 - after the path

MUNICIPALITIES = ROOT / "tools" / "reference_data" / "vg250_2016_mitteldeutschland.gpkg"
CATALOGS = (0, 1)  # wind, ground-mounted PV
WORKERS = os.cpu_count() or 1
TIME_PER_MUNICIPALITY = re.compile(r"\((\d{8})\): .*; ([\d.,]+) s$")


def dask_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


def region_of(gpkg: Path) -> tuple[str, str]:
    """(AGS, name) of the area the data set was generated for: a Land (``real_land``) or a district."""
    from qgis.core import QgsVectorLayer

    for layer_name in ("real_land", "real_kreis"):
        layer = QgsVectorLayer(f"{gpkg}|layername={layer_name}", layer_name, "ogr")
        if layer.isValid():
            feature = next(layer.getFeatures())
            return str(feature["AGS"]), str(feature["GEN"])
    raise SystemExit(f"{gpkg} holds neither real_land nor real_kreis")


def municipalities(gpkg: Path):
    """The region's municipalities as a memory layer: a subset string would make GDAL rewrite the GeoPackage's
    header (its change counter)."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    layer = QgsVectorLayer(f"{MUNICIPALITIES}|layername=vg250_gemeinden", "gemeinden", "ogr")
    return layer.materialize(QgsFeatureRequest().setFilterExpression(f"AGS LIKE '{region_of(gpkg)[0]}%'"))


def is_land(gpkg: Path) -> bool:
    return len(region_of(gpkg)[0]) == 2


def run_region(gpkg: Path, workers: int, dask: bool = False) -> dict:
    import resource

    import processing
    from qgis.core import QgsProcessingFeedback

    class Timing(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.seconds = {}

        def pushInfo(self, info):  # noqa: N802 - Processing API
            found = TIME_PER_MUNICIPALITY.search(info)
            if found:
                self.seconds[found.group(1)] = float(found.group(2).replace(".", "").replace(",", "."))

    parameters = {"STUDY_AREA": municipalities(gpkg), "STUDY_ID_FIELD": "AGS",
                  "CONSTRAINT_LAYERS": constraint_layers(gpkg), "TECHNOLOGIES": list(CATALOGS), "WORKERS": workers,
                  "ELIGIBLE": "TEMPORARY_OUTPUT", "LEDGER": "TEMPORARY_OUTPUT", "INDICATORS": "TEMPORARY_OUTPUT"}
    if is_land(gpkg):  # the Land's goal counts every municipality's Zukunftsprofil in
        parameters["PROFILES"] = tempfile.mkdtemp(prefix="wip_bench_profiles_")
    feedback = Timing()
    if dask:
        import dask as dask_config
        from distributed import LocalCluster

        # the workers' statistical profiler samples every thread's stack every 10 ms: about 15 % of a region run
        dask_config.config.set({"distributed.worker.profile.enabled": False})

        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            started = time.perf_counter()
            result = processing.run("wip:regionprofiles", dict(parameters, DASK_SCHEDULER=cluster.scheduler_address),
                                    feedback=feedback)
            run_seconds = time.perf_counter() - started
        worker_mb = None  # the nanny's workers are not this process's children
    else:
        started = time.perf_counter()
        result = processing.run("wip:regionprofiles", parameters, feedback=feedback)
        run_seconds = time.perf_counter() - started
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    areas, plants = {}, {}
    for feature in result["INDICATORS"].getFeatures():
        for technology in ("wind", "pv_ground"):
            areas[technology] = areas.get(technology, 0.0) + (feature[f"eligible_ha_{technology}"] or 0.0)
        for column in ("turbines_wind", "gwh_a_wind", "gwh_a_pv_ground"):
            plants[column] = plants.get(column, 0.0) + (feature[column] or 0.0)
    return {"areas": areas, "plants": plants, "failed": result["FAILED"], "per_municipality": feedback.seconds,
            "worker_mb": worker_mb, "run_seconds": run_seconds}


def run_at_once(gpkg: Path) -> dict:
    import processing

    areas = {}
    started = time.perf_counter()
    for catalog, technology in zip(CATALOGS, ("wind", "pv_ground")):
        result = processing.run("wip:eligibility", {
            "STUDY_AREA": municipalities(gpkg), "STUDY_ID_FIELD": "AGS", "CATALOG": catalog,
            "CONSTRAINT_LAYERS": constraint_layers(gpkg), "ELIGIBLE": "TEMPORARY_OUTPUT",
            "EXCLUDED": "TEMPORARY_OUTPUT", "SUMMARY": "TEMPORARY_OUTPUT"})
        areas[technology] = result["ELIGIBLE_HA"]
    return {"areas": areas, "failed": 0, "per_municipality": {}, "worker_mb": 0.0,
            "run_seconds": time.perf_counter() - started}


SIDES = {"serial": ("region run, 1 process", lambda gpkg: run_region(gpkg, 1)),
         "pool": (f"region run, {WORKERS} processes", lambda gpkg: run_region(gpkg, WORKERS)),
         "dask": (f"region run, Dask local cluster ({WORKERS} workers)", lambda gpkg: run_region(gpkg, WORKERS, True)),
         "at_once": ("wip:eligibility over all at once", run_at_once)}
if not dask_installed():
    del SIDES["dask"]


def main() -> None:
    from bench.phases import district_sides

    ran = district_sides(__file__, __doc__.splitlines()[0], SIDES, land_sides=tuple(
        side for side in ("pool", "dask") if side in SIDES))
    if ran is None:
        return
    gpkg, figures = ran
    pool = figures["pool"]
    (ags, name), land = region_of(gpkg), is_land(gpkg)
    print(f"Flächenkulisse Wind und Freiflächen-PV aller Gemeinden von {name} ({ags}), {gpkg.name} "
          f"({os.cpu_count()} cores){', with every Zukunftsprofil' if land else ''}")
    for side in figures:
        result = figures[side]
        worker = f"{result['worker_mb']:5.0f} MB" if result["worker_mb"] is not None else "  n/a   "
        print(f"  {SIDES[side][0]:44s} {result['run_seconds']:6.1f} s ({result['seconds']:5.1f} s with start)  "
              f"{result['run_seconds'] / pool['run_seconds']:5.2f}× the pool  peak {result['peak_mb']:5.0f} MB "
              f"(largest worker {worker}, all together {result['peak_total_mb']:5.0f} MB)  wind "
              f"{result['areas']['wind']:8.1f} ha  PV {result['areas']['pv_ground']:8.1f} ha  "
              f"failed {result['failed']}")
    plants = [figures[side]["plants"] for side in figures if "plants" in figures[side]]
    print(f"  on the eligible land (each region run): {pool['plants']['turbines_wind']:.0f} turbines with "
          f"{pool['plants']['gwh_a_wind']:.1f} GWh/a, PV {pool['plants']['gwh_a_pv_ground']:.1f} GWh/a; the same on "
          f"every side: {'yes' if all(found == plants[0] for found in plants) else 'NO'}")
    if "dask" in figures:
        ratio = figures["dask"]["run_seconds"] / pool["run_seconds"]
        print(f"  Dask local cluster against the process pool: {ratio:.2f}× "
              f"the run, the cluster already up (goal ≤ 1.20×)")
    else:
        print("  Dask: the package distributed is not installed, side left out")
    if land:
        peak_gb = pool["peak_total_mb"] / 1024
        print(f"  goal for the Land: ≤ 15 min and ≤ 8 GB in the pool: {pool['seconds'] / 60:.1f} min, {peak_gb:.1f} GB "
              f"(the main process and its {WORKERS} workers together at their peak): "
              f"{'met' if pool['seconds'] <= 900 and peak_gb <= 8 else 'not met'}")
    side = "serial" if "serial" in figures else "pool"
    times = sorted(figures[side]["per_municipality"].values())
    slowest = sorted(figures[side]["per_municipality"].items(), key=lambda item: -item[1])[:3]
    print(f"  time per municipality ({SIDES[side][0]}, {len(times)}): min {times[0]:.1f} s, median "
          f"{statistics.median(times):.1f} s, max {times[-1]:.1f} s, sum {sum(times):.1f} s; slowest "
          + ", ".join(f"{ags} {seconds:.1f} s" for ags, seconds in slowest))


if __name__ == "__main__":
    main()
