"""Benchmark: zoning alternatives (Planungsvarianten) for 20,000 planning units × 6 uses (wind, ground-mounted PV,
agri-PV, GE/GI, housing W, keep), the issue's size: ``zoning_alternatives`` (MILP, HiGHS) for "maximale Eignung"
alone with a 1 % gap, then with 5 near-optimal alternatives within 5 %, against the greedy allocation a planner would
make on the same instance in the same run (target by target, the eligible unit–use pairs with the lowest cost per unit
of contribution first, i.e. best suitability first, skipping taken units and pairs that break the use's largest
share, the prime farmland limit or an incompatible neighbour; the cluster rule is applied afterwards: chosen pairs
that break it are dropped and banned and the targets refilled, until none does).

The data (EPSG:25832), seeded: a square grid of 250 m cells (6.25 ha, the algorithm's default raster). 20,000 such
cells cover 1,250 km², ten times a mid-size municipality of 125 km²: the targets are that municipality's (wind 80 MW
and a wind area of 1.9 %, PV 80 MW, agri-PV 20 MW, GE 40 ha, W 30 ha, at most 40 ha of prime farmland taken) per
12,500 ha of the grid, so --scale 0.1 is that municipality itself (~2,000 cells) with exactly those targets. Largest
share per use, minimum cluster sizes and incompatible pairs from the shipped use catalog. Smooth random fields
(coarse noise upsampled with scipy.ndimage.zoom, thresholded) give clustered settlements (5 % of the cells, not
eligible), forest and nature reserves (20 %, not eligible), a motorway and a railway (EEG corridor for PV), and the
eligible areas: wind ≥ 1,000 m from settlements (10 % of the cells), PV (15 %), agri-PV (20 %), GE near settlements
and the corridors (3 %), W at the settlement edges (3 %); 60 % of the cells on the border of an eligible area are
eligible in part (25–95 %). Suitability scores 0–100 per use, spatially correlated and higher inside the eligible
areas, 5 % of the eligible cells unscored (neutral 50); wind capacity density 0.15–0.28 MW/ha from a smooth field
(the layout step); prime farmland on 35 % of the cells.

Prints the instance size, the MILP's time, status, gap and objective (Σ ha·(1 − score/100) + 0.01·ha of the chosen
pairs plus the model's shortfall penalties), the greedy plans' objective, the ratios, the targets of the issue
(PASS/FAIL) and the hard rules each plan breaks, counted on the model's own constraint rows. One run per MILP side
(2 cores; the times include whatever else runs on the machine). Usage: python bench/bench_zoning.py [--scale F]
[--near N] (--scale 0.1: ~2,000 cells, 125 km²; --near 0: the optimum only)
"""

import argparse
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
UNITS, CELL, SEED = 20_000, 250.0, 2032
ORIGIN = (680_000.0, 5_630_000.0)  # lower left, EPSG:25832
REFERENCE_HA = 12_500.0  # the mid-size municipality (125 km²) the targets are written for
MIN_MW = {"wind": 80.0, "pv": 80.0, "agri_pv": 20.0}  # per REFERENCE_HA
MIN_HA = {"gewerbe": 40.0, "wohnen": 30.0}  # per REFERENCE_HA
WIND_SHARE_PCT, MAX_PRIME_HA = 1.9, 40.0  # the share as is, the prime farmland per REFERENCE_HA
SETTLEMENT, PROTECTED, PRIME = 0.05, 0.20, 0.35  # shares of the cells
ELIGIBLE = {"wind": 0.10, "pv": 0.15, "agri_pv": 0.20, "gewerbe": 0.03, "wohnen": 0.03}
UNSCORED = 0.05
OBJECTIVE, GAP_PCT, TIME_LIMIT_S, NEAR_PCT = "eignung", 1.0, 60.0, 5.0
TARGET_OPTIMUM_S, TARGET_NEAR_S = 60.0, 300.0
REPAIR_ROUNDS = 500


# -- the instance ------------------------------------------------------------------------------------------------

def smooth(rng, shape, cells: float) -> np.ndarray:
    """A smooth random field (mean 0, sd 1) with features of about ``cells`` cells: coarse noise upsampled (cubic)
    plus a finer octave."""
    from scipy import ndimage

    total = np.zeros(shape)
    for size, weight in ((cells, 1.0), (cells / 3, 0.35)):
        step = max(int(round(size)), 1)
        coarse = rng.standard_normal((shape[0] // step + 4, shape[1] // step + 4))
        total += weight * ndimage.zoom(coarse, step, order=3)[:shape[0], :shape[1]]
    return (total - total.mean()) / total.std()


def top(values: np.ndarray, candidates: np.ndarray, count: int) -> np.ndarray:
    """The ``count`` candidate cells with the highest values (all candidates if fewer)."""
    flat = np.flatnonzero(candidates)
    mask = np.zeros(values.shape, dtype=bool)
    mask.flat[flat[np.argsort(-values.flat[flat], kind="stable")[:count]]] = True
    return mask


def shares(rng, mask: np.ndarray) -> np.ndarray:
    """1 inside the area, 25–95 % on 60 % of its border cells (those the boundary of the Flächenkulisse cuts), 0
    outside."""
    from scipy import ndimage

    share = mask.astype(float)
    border = mask & ~ndimage.binary_erosion(mask, border_value=1) & (rng.random(mask.shape) < 0.6)
    share[border] = rng.uniform(0.25, 0.95, int(border.sum()))
    return share


def generate(count: int, seed: int = SEED):
    """PlanningUnits, Targets and a few figures of the instance, seeded."""
    import shapely
    from scipy import ndimage

    from wip_qgis_plugin.core.zoning import USES, PlanningUnits, Targets, adjacent_pairs, shipped_uses

    rng = np.random.default_rng(seed)
    columns = max(int(round(math.sqrt(count))), 4)
    rows = max(int(round(count / columns)), 4)
    shape, cells = (rows, columns), rows * columns
    settlement = top(smooth(rng, shape, 8), np.ones(shape, dtype=bool), round(SETTLEMENT * cells))
    distance_m = ndimage.distance_transform_edt(~settlement) * CELL
    protected = top(smooth(rng, shape, 10), ~settlement, round(PROTECTED * cells))
    open_land = ~settlement & ~protected
    row, column = np.indices(shape)
    corridor = np.zeros(shape, dtype=bool)
    for _ in range(2):  # a motorway and a railway crossing the area
        angle = rng.uniform(0.0, np.pi)
        y, x = rng.uniform(0.2, 0.8, 2) * np.array(shape)
        corridor |= np.abs((column - x) * np.sin(angle) - (row - y) * np.cos(angle)) <= 1.0
    fields = {use: smooth(rng, shape, size) for use, size in
              (("wind", 12), ("pv", 6), ("agri_pv", 10), ("gewerbe", 4), ("wohnen", 4))}
    fields["pv"] = fields["pv"] + 2.0 * corridor  # the EEG corridor along motorways and railways
    fields["gewerbe"] = fields["gewerbe"] + 1.5 * corridor - distance_m / 1000.0
    candidates = {"wind": open_land & (distance_m >= 1000.0), "pv": open_land, "agri_pv": open_land,
                  "gewerbe": open_land & (distance_m <= 1000.0), "wohnen": open_land & (distance_m <= 500.0)}
    masks = {use: top(fields[use], candidates[use], round(ELIGIBLE[use] * cells)) for use in USES}
    area_ha = CELL * CELL / 1e4
    eligible = np.zeros((cells, len(USES)))
    score = np.full((cells, len(USES)), np.nan)
    for position, use in enumerate(USES):
        eligible[:, position] = (shares(rng, masks[use]) * area_ha).ravel()
        inside = (fields[use] - fields[use][masks[use]].mean()) / max(fields[use][masks[use]].std(), 1e-9)
        z = 0.5 * np.clip(inside, -2, 2) + 0.85 * smooth(rng, shape, 5)
        values = np.clip(55.0 + 18.0 * z, 0.0, 100.0).round(1).ravel()
        unscored = rng.random(cells) < UNSCORED
        score[:, position] = np.where(masks[use].ravel() & ~unscored, values, np.nan)
    mw_per_ha = np.full((cells, len(USES)), np.nan)
    gwh_per_mw = np.full((cells, len(USES)), np.nan)
    wind = USES.index("wind")
    mw_per_ha[:, wind] = np.where(masks["wind"], np.clip(0.21 * (1 + 0.15 * smooth(rng, shape, 8)), 0.15, 0.28),
                                  np.nan).ravel()
    gwh_per_mw[:, wind] = np.where(masks["wind"], 2.2 * (1 + 0.06 * smooth(rng, shape, 12)), np.nan).ravel()
    prime = shares(rng, top(smooth(rng, shape, 14), open_land, round(PRIME * cells))).ravel() * area_ha
    x0 = ORIGIN[0] + column.ravel() * CELL
    y0 = ORIGIN[1] + row.ravel() * CELL
    geometries = shapely.box(x0, y0, x0 + CELL, y0 + CELL)
    started = time.perf_counter()
    neighbours = adjacent_pairs(geometries)
    neighbour_s = time.perf_counter() - started
    units = PlanningUnits([str(n + 1) for n in range(cells)], np.full(cells, area_ha), eligible, score, mw_per_ha,
                          gwh_per_mw, prime, [None] * cells, np.zeros(cells, dtype=bool), neighbours, geometries)
    catalog = shipped_uses()
    municipality_ha = cells * area_ha
    factor = municipality_ha / REFERENCE_HA
    targets = Targets(municipality_ha, min_mw={use: value * factor for use, value in MIN_MW.items()},
                      min_ha={use: value * factor for use, value in MIN_HA.items()},
                      max_share_pct={use: settings.max_share_pct.value for use, settings in catalog.uses.items()},
                      min_cluster_ha={use: settings.min_cluster_ha.value for use, settings in catalog.uses.items()},
                      wind_share_pct=WIND_SHARE_PCT, max_prime_ha=MAX_PRIME_HA * factor,
                      incompatible=catalog.incompatible)
    info = {"rows": rows, "columns": columns, "factor": factor, "neighbour_s": neighbour_s,
            "settlement": settlement.mean(), "protected": protected.mean(), "corridor": corridor.mean()}
    return units, targets, info


# -- the model's view: costs and hard rules ----------------------------------------------------------------------

def rule_blocks(model) -> list[tuple[str, int, int]]:
    """(name, first row, end row) of the constraint blocks, in the order ``_Model.constraints`` stacks them."""
    cluster = model._cluster_rows()
    sizes = [("one use per unit", len(model.units.ids)), ("targets (with slack)", len(model.target_rows)),
             ("largest share", len(model.targets.max_share_pct)),
             ("prime farmland", 0 if model.targets.max_prime_ha is None else 1)]
    cluster_rows = 0 if cluster is None else cluster[0].shape[0]
    total = model.constraints[0].A.shape[0]
    sizes += [("incompatible neighbours", total - sum(size for _name, size in sizes) - cluster_rows),
              ("cluster size", cluster_rows)]
    blocks, start = [], 0
    for name, size in sizes:
        blocks.append((name, start, start + size))
        start += size
    return blocks


def slacks(model, x: np.ndarray) -> np.ndarray:
    """Each target's shortfall, as the model's slack (at most the target)."""
    return np.array([min(max(wanted - float(values[x].sum()), 0.0), wanted)
                     for _label, wanted, values, _unit in model.target_rows])


def objective(model, x: np.ndarray) -> tuple[float, float]:
    """(pair cost, relative shortfall Σ shortfall / target) of the chosen pairs ``x``: the model meets the targets
    first and minimises the cost among the plans that do, so plans compare by shortfall, then by cost."""
    wanted = np.array([row[1] for row in model.target_rows])
    return float(model.costs(OBJECTIVE)[x].sum()), float((slacks(model, x) / wanted).sum()) if len(wanted) else 0.0


def better_or_equal(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """Whether plan ``first`` is at least as good as ``second``: less shortfall, or as little and no more cost."""
    (cost, short), (other_cost, other_short) = first, second
    if abs(short - other_short) > 1e-9:
        return short < other_short
    return cost <= other_cost * (1 + 1e-9) + 1e-9


def broken_rules(model, blocks, x: np.ndarray) -> dict[str, int]:
    """Rows of each hard-rule block the plan breaks, on the model's own constraint matrix."""
    constraint = model.constraints[0]
    values = constraint.A @ np.concatenate([x.astype(float), slacks(model, x)])
    tolerance = 1e-6 * np.maximum(1.0, np.abs(np.where(np.isfinite(constraint.lb), constraint.lb, constraint.ub)))
    bad = (values < constraint.lb - tolerance) | (values > constraint.ub + tolerance)
    return {name: int(bad[start:end].sum()) for name, start, end in blocks}


def chosen_pairs(model, alternative) -> np.ndarray:
    return alternative.use_index[model.unit] == model.use


def as_alternative(model, name: str, x: np.ndarray, seconds: float):
    from wip_qgis_plugin.core.zoning import Alternative, Shortfall

    count = len(model.units.ids)
    use_index = np.full(count, -1)
    use_index[model.unit[x]] = model.use[x]
    arrays = [np.zeros(count) for _ in range(3)]
    for array, values in zip(arrays, (model.ha, model.mw, model.gwh)):
        array[model.unit[x]] = values[x]
    shortfalls = [Shortfall(label, wanted, float(values[x].sum()), unit, "greedy")
                  for label, wanted, values, unit in model.target_rows if values[x].sum() < wanted * (1 - 1e-6)]
    return Alternative(name, OBJECTIVE, False, use_index, *arrays, "greedy", None, seconds, shortfalls)


# -- the greedy allocation ---------------------------------------------------------------------------------------

class Greedy:
    """Target by target, the pairs with the lowest cost per unit of contribution first; a pair is skipped when its
    unit is taken or banned, or when it would exceed its use's largest share or the prime farmland limit, or sit next
    to a unit of an incompatible use. The cluster rule is not looked at while filling; ``repair`` drops the chosen
    pairs that break it (the model's own cluster rows), bans them and fills again, until none breaks it."""

    def __init__(self, model):
        from scipy.sparse import coo_matrix

        from wip_qgis_plugin.core.zoning import USES

        self.model = model
        targets, units = model.targets, model.units
        count = len(units.ids)
        self.cost = model.costs(OBJECTIVE)
        self.use_of = np.full(count, -1)
        self.x = np.zeros(model.pairs, dtype=bool)
        self.banned = np.zeros(model.pairs, dtype=bool)
        self.limit = np.array([targets.max_share_pct.get(use, 100.0) / 100 * targets.municipality_ha for use in USES])
        self.prime_limit = np.inf if targets.max_prime_ha is None else targets.max_prime_ha
        self.incompatible = np.zeros((len(USES), len(USES)), dtype=bool)
        for first, second in targets.incompatible:
            self.incompatible[USES.index(first), USES.index(second)] = True
            self.incompatible[USES.index(second), USES.index(first)] = True
        first, second = units.neighbours[:, 0], units.neighbours[:, 1]
        adjacency = coo_matrix((np.ones(2 * len(first)), (np.concatenate([first, second]),
                                                           np.concatenate([second, first]))), shape=(count, count))
        adjacency = adjacency.tocsr()
        self.indptr, self.indices = adjacency.indptr, adjacency.indices
        cluster = model._cluster_rows()
        self.cluster = None
        if cluster is not None:
            matrix = cluster[0].tocsr()[:, :model.pairs]
            entries = matrix.tocoo()
            own = entries.data < 0  # each row: −(M − own ha)·x_self + Σ others' ha·x ≥ 0
            self_pair = np.empty(matrix.shape[0], dtype=int)
            self_pair[entries.row[own]] = entries.col[own]
            self.cluster = (matrix, self_pair)

    def fill(self) -> None:
        model = self.model
        for _label, wanted, values, _unit in model.target_rows:
            reached = float(values[self.x].sum())
            if reached >= wanted:
                continue
            candidates = np.flatnonzero((values > 0) & ~self.banned & ~self.x)
            order = candidates[np.argsort(self.cost[candidates] / values[candidates], kind="stable")]
            used = np.bincount(model.use[self.x], weights=model.ha[self.x], minlength=len(self.limit))
            prime = float(model.prime_taken[self.x].sum())
            for pair in order:
                if reached >= wanted:
                    break
                unit, use = model.unit[pair], model.use[pair]
                if self.use_of[unit] >= 0 or used[use] + model.ha[pair] > self.limit[use] + 1e-9 \
                        or prime + model.prime_taken[pair] > self.prime_limit + 1e-9:
                    continue
                around = self.use_of[self.indices[self.indptr[unit]:self.indptr[unit + 1]]]
                if self.incompatible[use, around[around >= 0]].any():
                    continue
                self.x[pair], self.use_of[unit] = True, use
                used[use] += model.ha[pair]
                prime += model.prime_taken[pair]
                reached += values[pair]

    def cluster_breakers(self) -> np.ndarray:
        if self.cluster is None:
            return np.zeros(0, dtype=int)
        matrix, self_pair = self.cluster
        return np.unique(self_pair[matrix @ self.x.astype(float) < -1e-9])

    def repair(self) -> tuple[int, int]:
        """(rounds, pairs dropped) until no chosen pair breaks the cluster rule."""
        dropped = 0
        for rounds in range(1, REPAIR_ROUNDS + 1):
            breakers = self.cluster_breakers()
            if not len(breakers):
                return rounds - 1, dropped
            self.x[breakers], self.banned[breakers] = False, True
            self.use_of[self.model.unit[breakers]] = -1
            dropped += len(breakers)
            self.fill()
        return REPAIR_ROUNDS, dropped


def run_greedy(model, repair: bool):
    started = time.perf_counter()
    greedy = Greedy(model)
    greedy.fill()
    rounds = greedy.repair() if repair else (0, 0)
    return greedy.x.copy(), time.perf_counter() - started, rounds


# -- reporting ---------------------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def shortfall_text(shortfalls) -> str:
    if not shortfalls:
        return "none"
    return "; ".join(f"{item.target}: {item.reached:,.1f} (−{item.short:,.1f} {item.unit})" for item in shortfalls)


def broken_text(broken: dict) -> str:
    total = sum(broken.values())
    if not total:
        return "none"
    return ", ".join(f"{name} {count:,} rows" for name, count in broken.items() if count)


def instance_report(units, targets, info, model, blocks, build_s) -> None:
    from wip_qgis_plugin.core.zoning import USES, use_label

    count = len(units.ids)
    constraint = model.constraints[0]
    eligible = units.eligible_ha > 0
    partial = eligible & (units.eligible_ha < units.area_ha[:, None] - 1e-9)
    print(f"Zoning alternatives: {count:,} planning units ({info['rows']} × {info['columns']} cells of {CELL:.0f} m, "
          f"{units.area_ha[0]:.2f} ha; {targets.municipality_ha:,.0f} ha = {targets.municipality_ha / 100:,.0f} km², "
          f"EPSG:25832) × {len(USES) + 1} uses ({len(USES)} + keep), seed {SEED}")
    print(f"  settlements {100 * info['settlement']:.0f} %, forest/reserves {100 * info['protected']:.0f} %, "
          f"motorway/railway corridor {100 * info['corridor']:.1f} % of the cells; prime farmland on "
          f"{100 * (units.prime_ha > 0).mean():.0f} % ({units.prime_ha.sum():,.0f} ha)")
    print("  eligible cells (partly eligible among them): " + ", ".join(
        f"{use_label(use)} {100 * eligible[:, k].mean():.1f} % "
        f"({100 * partial[:, k].sum() / max(eligible[:, k].sum(), 1):.0f} %)" for k, use in enumerate(USES)))
    print(f"  unit–use pairs {model.pairs:,} ({count - int(eligible.any(axis=1).sum()):,} units eligible for "
          f"nothing); neighbour pairs {len(units.neighbours):,} (touching, 8-neighbourhood; adjacent_pairs "
          f"{info['neighbour_s']:.2f} s)")
    print(f"  MILP: {model.pairs:,} binaries + {len(model.target_rows)} slacks, {constraint.A.shape[0]:,} rows, "
          f"{constraint.A.nnz:,} nonzeros (" + ", ".join(f"{name} {end - start:,}" for name, start, end in blocks)
          + f"); built in {build_s:.2f} s")
    factor = info["factor"]
    print(f"  targets (a 125 km² municipality's × {factor:.2f}): " + "; ".join(
        label for label, _w, _v, _u in model.target_rows)
        + f"; prime farmland ≤ {targets.max_prime_ha:,.1f} ha")
    print("  from the use catalog: largest share " + ", ".join(
        f"{use} {value:g} %" for use, value in targets.max_share_pct.items()) + "; minimum cluster " + ", ".join(
        f"{use} {value:g} ha" for use, value in targets.min_cluster_ha.items()) + "; incompatible neighbours "
        + ", ".join(f"{a}–{b}" for a, b in targets.incompatible))


def plan_table(units, targets, plans: list[tuple[str, object, float, float]]) -> None:
    """Per plan: ha and MW per use, wind share, prime farmland, conflicts, mean score, objective."""
    from wip_qgis_plugin.core.zoning import USES, indicators

    figures = [indicators(alternative, units, targets, 0.0) for _name, alternative, _c, _p in plans]
    width = max(len(name) for name, *_ in plans)
    head = f"  {'':{width}} " + " ".join(f"{use[:8]:>15}" for use in USES) + \
        f" {'wind %':>7} {'prime ha':>9} {'confl.':>6} {'score':>6} {'cost':>10} {'short':>9}"
    print(head + "\n  " + " " * width + " " + " ".join(f"{'ha / MW':>15}" for _ in USES))
    for (name, _alternative, cost, penalty), values in zip(plans, figures):
        cells = " ".join(f"{values[f'ha_{use}']:>7,.0f}/{values[f'mw_{use}']:>7,.0f}" if values[f"mw_{use}"] > 0
                         else f"{values[f'ha_{use}']:>7,.0f}/{'':>7}" for use in USES)
        print(f"  {name:{width}} {cells} {values['wind_share_pct']:7.2f} {values['prime_ha']:9.1f} "
              f"{values['conflicts']:6d} {values['mean_score']:6.1f} {cost:10,.1f} {penalty:9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="units × F (default 1: 20,000 cells; 0.1: ~2,000 cells, a 125 km² municipality)")
    parser.add_argument("--near", type=int, default=5, help="near-optimal alternatives (default 5; 0 skips the run)")
    arguments = parser.parse_args()
    from wip_qgis_plugin.core.i18n import tr
    from wip_qgis_plugin.core.zoning import _Model, shipped_uses, zoning_alternatives

    load_before = os.getloadavg()
    units, targets, info = generate(max(int(round(UNITS * arguments.scale)), 16))
    started = time.perf_counter()
    model = _Model(units, targets, shipped_uses())
    blocks = rule_blocks(model)
    build_s = time.perf_counter() - started
    instance_report(units, targets, info, model, blocks, build_s)
    print(f"  load average {load_before[0]:.2f} before the runs on {os.cpu_count()} cores; one run per MILP side, "
          f"so the times include whatever else runs on this machine")
    optimal = tr("optimal")

    # the optimum of "maximale Eignung" alone
    started = time.perf_counter()
    result = zoning_alternatives(units, targets, (OBJECTIVE,), near_optimal=0, time_limit_s=TIME_LIMIT_S,
                                 gap_pct=GAP_PCT)
    ours_s = time.perf_counter() - started
    ours = result.alternatives[0]
    ours_x = chosen_pairs(model, ours)
    ours_cost, ours_penalty = objective(model, ours_x)
    ours_broken = broken_rules(model, blocks, ours_x)
    relaxed_x, relaxed_s, _ = run_greedy(model, repair=False)
    greedy_x, greedy_s, (rounds, dropped) = run_greedy(model, repair=True)
    relaxed_cost, relaxed_penalty = objective(model, relaxed_x)
    greedy_cost, greedy_penalty = objective(model, greedy_x)
    relaxed_broken = broken_rules(model, blocks, relaxed_x)
    greedy_broken = broken_rules(model, blocks, greedy_x)
    relaxed = as_alternative(model, "greedy, cluster rule ignored", relaxed_x, relaxed_s)
    greedy = as_alternative(model, "greedy + cluster repair", greedy_x, greedy_s)
    gap = float("nan") if ours.gap is None else 100 * ours.gap
    ok_optimum = ours.status == optimal and gap <= GAP_PCT + 1e-9 and ours_s <= TARGET_OPTIMUM_S
    print(f"\nOptimum of „{OBJECTIVE}“ alone (gap {GAP_PCT:g} %, time limit {TIME_LIMIT_S:.0f} s per solve); target "
          f"(issue): optimal within {GAP_PCT:g} % in ≤ {TARGET_OPTIMUM_S:.0f} s")
    print(f"  zoning_alternatives            {ours_s:7.2f} s (HiGHS {ours.seconds:6.2f} s)  {ours.status}, gap "
          f"{gap:.2f} %   {verdict(ok_optimum)}")
    print(f"    cost {ours_cost:10,.1f}, relative shortfall {ours_penalty:.3f}; shortfalls: "
          f"{shortfall_text(ours.shortfalls)}")
    if result.messages:
        print("    messages: " + " | ".join(result.messages))
    print(f"  greedy, cluster rule ignored   {relaxed_s:7.2f} s  cost {relaxed_cost:10,.1f}, relative shortfall "
          f"{relaxed_penalty:.3f}; shortfalls: {shortfall_text(relaxed.shortfalls)}")
    print(f"  greedy + cluster repair        {greedy_s:7.2f} s  cost {greedy_cost:10,.1f}, relative shortfall "
          f"{greedy_penalty:.3f}; {rounds} repair rounds, {dropped:,} pairs dropped; shortfalls: "
          f"{shortfall_text(greedy.shortfalls)}")
    print(f"  cost ours/greedy+repair {ours_cost / greedy_cost:.3f} (greedy {100 * (greedy_cost / ours_cost - 1):+.1f} "
          f"%); ours at least as good as greedy+repair (shortfall, then cost): "
          f"{verdict(better_or_equal((ours_cost, ours_penalty), (greedy_cost, greedy_penalty)))}; "
          f"time ours/greedy {ours_s / greedy_s:,.0f}×")
    print(f"  cost ours/greedy ignoring clusters {ours_cost / relaxed_cost:.3f} "
          f"(greedy {100 * (relaxed_cost / ours_cost - 1):+.1f} %; for information: that plan breaks a hard rule)")
    print(f"  hard rules broken (the model's rows): ours {broken_text(ours_broken)} "
          f"{verdict(not sum(ours_broken.values()))}; greedy+repair {broken_text(greedy_broken)} "
          f"{verdict(not sum(greedy_broken.values()))}; greedy ignoring clusters {broken_text(relaxed_broken)}")
    plan_table(units, targets, [("ours (MILP)", ours, ours_cost, ours_penalty),
                                ("greedy + cluster repair", greedy, greedy_cost, greedy_penalty),
                                ("greedy, cluster rule ignored", relaxed, relaxed_cost, relaxed_penalty)])
    sys.stdout.flush()

    if arguments.near > 0:
        near_optimal(units, targets, model, blocks, arguments.near)
    load_after = os.getloadavg()
    print(f"\nload average {load_after[0]:.2f} (1 min) / {load_after[1]:.2f} (5 min) after the runs on "
          f"{os.cpu_count()} cores")


def near_optimal(units, targets, model, blocks, count: int) -> None:
    from wip_qgis_plugin.core.zoning import zoning_alternatives

    started = time.perf_counter()
    result = zoning_alternatives(units, targets, (OBJECTIVE,), near_optimal=count,
                                 near_optimal_pct=NEAR_PCT, time_limit_s=TIME_LIMIT_S, gap_pct=GAP_PCT)
    total_s = time.perf_counter() - started
    alternatives = result.alternatives
    first_cost = float(model.costs(OBJECTIVE)[chosen_pairs(model, alternatives[0])].sum())
    print(f"\nOptimum + {count} near-optimal alternatives (within {NEAR_PCT:g} % of the optimum, no target "
          f"further missed); target (issue): {count} near-optimal alternatives in ≤ {TARGET_NEAR_S:.0f} s")
    print(f"  {'alternative':44} {'HiGHS s':>8} {'gap %':>6} {'distance':>8} {'pair cost':>10} {'vs 1st':>7} "
          f"{'rules':>5} status; shortfalls")
    within = True
    for alternative in alternatives:
        x = chosen_pairs(model, alternative)
        cost = float(model.costs(OBJECTIVE)[x].sum())
        rules = sum(broken_rules(model, blocks, x).values())
        within &= cost <= first_cost * (1 + NEAR_PCT / 100) + 1e-6 and not rules
        gap = float("nan") if alternative.gap is None else 100 * alternative.gap
        print(f"  {alternative.name:44} {alternative.seconds:8.2f} {gap:6.2f} {alternative.distance:8.3f} "
              f"{cost:10,.1f} {100 * (cost / first_cost - 1):+6.2f}% {rules:5d} {alternative.status}; "
              f"{shortfall_text(alternative.shortfalls)}")
    if result.messages:
        print("  messages: " + " | ".join(result.messages))
    near = [alternative for alternative in alternatives if alternative.near_optimal]
    near_s = sum(alternative.seconds for alternative in near)
    ok_near = len(near) == count and total_s <= TARGET_NEAR_S
    print(f"  whole call {total_s:.1f} s (the optimum again, then {len(near)} near-optimal: HiGHS {near_s:.1f} s); "
          f"{len(near)}/{count} alternatives in ≤ {TARGET_NEAR_S:.0f} s: {verdict(ok_near)}")
    distances = [alternative.distance for alternative in near]
    print(f"  within {NEAR_PCT:g} % of the first and no hard rule broken: {verdict(within)}; distance to the closest "
          f"earlier one: min {min(distances, default=float('nan')):.3f}, "
          f"mean {float(np.mean(distances)) if distances else float('nan'):.3f} (0 same, 1 nothing in common)")


if __name__ == "__main__":
    main()
