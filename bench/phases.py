"""What the benchmarks share: where a benchmarked run's time goes (functions of the plugin wrapped so that their wall
time adds up per phase), and each side run in a process of its own."""
from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GPKG = ROOT / "bench" / "data" / "district.gpkg"


def timed_phases(phases: dict) -> dict[str, float]:
    """Wrap each function of ``phases`` ((module, function name) → phase) where its module calls it; returns the
    seconds per phase, filled as the run goes (timed on the calling thread, wall time)."""
    spent: dict[str, float] = {}
    for (module_name, name), phase in phases.items():
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def timed(*args, _original=original, _phase=phase, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_phase] = spent.get(_phase, 0.0) + time.perf_counter() - started

        setattr(module, name, timed)
    return spent


def run_side(script: str, *arguments: str, limit: float | None = None) -> dict | None:
    """Run one side of a benchmark in a process of its own (``python script arguments…`` from the repository) and
    return its figures: the JSON of its last line marked "RESULT ", or of its last line where it marks none. None
    when it did not finish within ``limit`` seconds; a side that fails stops the benchmark with its output."""
    try:
        done = subprocess.run([sys.executable, script, *arguments], cwd=ROOT, capture_output=True, text=True,
                              timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    marked = [line[len("RESULT "):] for line in lines if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise SystemExit(f"{script} {' '.join(arguments)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return json.loads(marked[-1] if marked else lines[-1])


class TotalMemory:
    """The largest memory this process and all its descendants (worker processes) held at the same time: their
    resident sets summed every ``interval`` seconds while the ``with`` block runs."""

    def __init__(self, interval: float = 0.25):
        self.interval, self.peak_mb = interval, 0.0
        self._stop = threading.Event()

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(self.interval):
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak_mb = max(self.peak_mb, total / 2**20)

    def __enter__(self):
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc):
        self._stop.set()
        self._thread.join()


def report_side(run, *arguments) -> None:
    """In a side's own process: start QGIS with the plugin, ``run(*arguments)``, and print its figures with the wall
    time (unless the run gives its own "seconds": of its computation alone), the peak memory of this process (max
    RSS) and of it with its workers together for ``run_side``."""
    import resource

    from tools.run_demo import start_qgis

    app, _provider = start_qgis()
    started = time.perf_counter()
    with TotalMemory() as total:
        figures = run(*arguments)
    figures = {"seconds": time.perf_counter() - started,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "peak_total_mb": total.peak_mb,
               **figures}
    print("RESULT " + json.dumps(figures), flush=True)
    app.exitQgis()


def data_set(scale: str = "district") -> Path:
    """Where the generated data set of ``scale`` ("district": the Burgenlandkreis, "land": Sachsen-Anhalt) lives."""
    return DEFAULT_GPKG.with_name(f"{scale}.gpkg")


def ensure_district(path: Path, scale: str = "district") -> None:
    """Generate the data set of ``scale`` into ``path`` when it is missing."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating the {scale} data set {path} …", flush=True)
    subprocess.run([sys.executable, "-m", "tools.demodata", "--scale", scale, "--out", str(path)], cwd=ROOT,
                   check=True)


def district_sides(script: str, description: str, sides: dict, land_sides: tuple[str, ...] = ()
                   ) -> tuple[Path, dict] | None:
    """The command line of the district benchmarks (``--gpkg``, ``--side``, and ``--scale land`` where
    ``land_sides`` name the sides that also run on a whole Land): with ``--side`` that side of ``sides`` (name →
    (title, run)) runs in this process, and None is returned; otherwise the data set is made when missing and every
    side of the scale runs in a process of its own: the data set and each side's figures."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--gpkg", type=Path)
    parser.add_argument("--side", choices=tuple(sides))
    if land_sides:
        parser.add_argument("--scale", choices=("district", "land"), default="district")
    args = parser.parse_args()
    scale = getattr(args, "scale", "district")
    gpkg = args.gpkg or data_set(scale)
    if args.side:
        report_side(sides[args.side][1], gpkg)
        return None
    ensure_district(gpkg, scale)
    chosen = land_sides if scale == "land" else tuple(sides)
    return gpkg, {side: run_side(script, "--side", side, "--gpkg", str(gpkg)) for side in chosen}
