"""Benchmark: re-scoring 100,000 sites × 12 criteria with new weights (what a weight slider does: scores and classes
for the map), the vectorised core against a plain per-site loop, same inputs, same scores; and what the full ranking
adds (computed on demand, e.g. when the results are written). Prints median times, the target and the ratio."""

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from wip_qgis_plugin.core.scoring import score  # noqa: E402

SITES, CRITERIA, RUNS = 100_000, 12, 21
TARGET_MS = 20.0


def per_site_loop(utility, weights):
    w = weights / weights.sum()
    return [100.0 * sum(wk * uk for wk, uk in zip(w, row)) for row in utility.tolist()]


def median_seconds(function, *args, runs=RUNS):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    rng = np.random.default_rng(42)
    utility = rng.random((SITES, CRITERIA))
    weights = rng.random(CRITERIA) + 0.1
    assert np.allclose(score(utility, weights).score, per_site_loop(utility, weights))
    ours = median_seconds(lambda u, w: score(u, w), utility, weights)
    topsis = median_seconds(lambda u, w: score(u, w, method="topsis"), utility, weights)
    ranked = median_seconds(lambda u, w: score(u, w).rank, utility, weights)
    loop = median_seconds(per_site_loop, utility, weights, runs=3)
    print(f"Re-scoring {SITES:,} sites × {CRITERIA} criteria (median of {RUNS} runs, target ≤ {TARGET_MS:.0f} ms)")
    print(f"  WLC, scores and classes        {1000 * ours:7.1f} ms")
    print(f"  TOPSIS, scores and classes     {1000 * topsis:7.1f} ms")
    print(f"  WLC with the full ranking      {1000 * ranked:7.1f} ms")
    print(f"  per-site Python loop (WLC only) {1000 * loop:6.0f} ms   ratio {loop / ours:.0f}×")


if __name__ == "__main__":
    main()
