"""Planungsvarianten: allocate planning units to uses (wind, ground-mounted PV, agri-PV, commerce/industry, housing, or
keep the current use) so that the municipality's targets are met, solved exactly as a mixed-integer programme (HiGHS
through ``scipy.optimize.milp``).

Targets are soft: each has a slack whose penalty outweighs every other term, so a plan whose targets cannot all be
met still comes out, saying by how much each falls short and whether that target could be met on its own (then it
competes with others for the same land). Limits are hard: the largest share of the municipality per use, the prime
farmland that may be taken, locked units, incompatible neighbours and a minimum cluster size (each chosen unit with
its chosen neighbours of the same use must reach it).

Alternatives: one per named objective ("maximale Eignung", "flächensparend", "maximaler Ertrag"), then near-optimal
alternatives (modelling to generate alternatives): within a chosen percentage of the first objective's optimum and
no worse on the targets, each as unlike the ones before as possible (the least area on unit–use pairs chosen before).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .i18n import format_number, localised, tr
from .json_reader import Figure, JsonReader
from .lazy import lazy_module

np = lazy_module("numpy")
shapely = lazy_module("shapely")
optimize = lazy_module("scipy.optimize")
sparse = lazy_module("scipy.sparse")

USES_FILE = Path(__file__).resolve().parent.parent / "resources" / "zoning" / "uses.json"
USES = ("wind", "pv", "agri_pv", "gewerbe", "wohnen")
KEEP = "bestand"  # keep the current use
OBJECTIVES = ("eignung", "flaeche", "ertrag")
NEUTRAL_SCORE = 50.0  # suitability of land no site evaluation has scored
DIVERSITY_GAP_PCT = 5.0  # optimality gap of the "as different as possible" objective of near-optimal alternatives
CLUSTER_NEIGHBOURS = 12  # the fewest units counted towards a unit's cluster, the nearest first
REASON_TIME_LIMIT_S = 10.0  # to find out whether a missed target could be met alone
# On the relative shortfall: the total may exceed the least by the solver's feasibility tolerance; a target is
# reported as missed only beyond ten times that, so that no plan within the bound shows a shortfall of rounding.
SHORTFALL_TOLERANCE = 1e-6
MISSED_SHARE = 10 * SHORTFALL_TOLERANCE


class ZoningError(ValueError):
    """Input the zoning cannot work with; the message says what and where."""


@dataclass(frozen=True)
class UseSettings:
    id: str
    label: dict[str, str]
    zoning: str
    mw_per_ha: Figure
    full_load_h: Figure
    farmland_take: Figure  # share of the allocated farmland that farming loses
    min_cluster_ha: Figure
    max_share_pct: Figure

    def label_text(self) -> str:
        return localised(self.label)

    @property
    def generates(self) -> bool:
        return self.mw_per_ha.value > 0


@dataclass(frozen=True)
class UseCatalog:
    uses: dict[str, UseSettings]
    incompatible: tuple[tuple[str, str], ...]


def load_uses(path: Path = USES_FILE) -> UseCatalog:
    path = Path(path)
    reader = JsonReader.open(path, "wip-zoning-uses", ZoningError, tr(
        "{file}: Nutzungskatalog kann nicht gelesen werden ({error})."))
    uses = {}
    for raw in reader.get("uses", list):
        use_id = JsonReader(raw, f"{path.name}, uses", ZoningError).choice("id", USES)
        entry = JsonReader(raw, f"{path.name}, {use_id}", ZoningError)

        uses[use_id] = UseSettings(use_id, entry.bilingual("label"), entry.text("zoning"), entry.figure("mw_per_ha"),
                                   entry.figure("full_load_h"), entry.figure("farmland_take"),
                                   entry.figure("min_cluster_ha"), entry.figure("max_share_pct"))
    missing = [use for use in USES if use not in uses]
    if missing:
        reader.fail("uses", tr("es fehlen {uses}").format(uses=", ".join(missing)))
    pairs = []
    for raw in reader.get("incompatible", list):
        entry = JsonReader(raw, f"{path.name}, incompatible", ZoningError)
        pair = entry.get("uses", list)
        if len(pair) != 2 or any(use not in USES for use in pair):
            entry.fail("uses", tr("zwei Nutzungen aus {uses} erwartet").format(uses=", ".join(USES)))
        pairs.append((pair[0], pair[1]))
    return UseCatalog(uses, tuple(pairs))


@cache
def shipped_uses() -> UseCatalog:
    return load_uses()


def use_label(use: str) -> str:
    if use == KEEP:
        return tr("Bestand beibehalten")
    return shipped_uses().uses[use].label_text()


def objective_label(objective: str) -> str:
    return {"eignung": tr("maximale Eignung"), "flaeche": tr("flächensparend"),
            "ertrag": tr("maximaler Ertrag")}[objective]


# -- the instance ------------------------------------------------------------------------------------------------

@dataclass
class PlanningUnits:
    """One row per planning unit; per use a column in the (units × uses) arrays, in the order of ``USES``."""

    ids: list[str]
    area_ha: np.ndarray
    eligible_ha: np.ndarray  # the part of each unit eligible for each use; 0 where it is not
    score: np.ndarray  # suitability 0–100 per unit and use, NaN where no evaluation covers it
    mw_per_ha: np.ndarray  # capacity density from the yield step, NaN where it gives none
    gwh_per_mw: np.ndarray  # energy per MW from the yield step, NaN where it gives none
    prime_ha: np.ndarray  # prime farmland in the unit
    lock_in: list[str | None]  # the use the planner fixed, if any
    lock_out: np.ndarray  # the planner keeps the current use
    neighbours: np.ndarray  # (pairs, 2) unit indexes i < j of adjacent units
    geometries: np.ndarray  # the units' polygons in a projected CRS (metres), for the cluster rule

    def __post_init__(self):
        count = len(self.ids)
        for name in ("area_ha", "prime_ha", "lock_out", "geometries"):
            if len(getattr(self, name)) != count:
                raise ZoningError(f"{name}: {len(getattr(self, name))} ≠ {count}")
        for name in ("eligible_ha", "score", "mw_per_ha", "gwh_per_mw"):
            if getattr(self, name).shape != (count, len(USES)):
                raise ZoningError(f"{name}: {getattr(self, name).shape} ≠ {(count, len(USES))}")


@dataclass
class Targets:
    municipality_ha: float
    min_mw: dict[str, float] = field(default_factory=dict)
    min_gwh: dict[str, float] = field(default_factory=dict)
    min_ha: dict[str, float] = field(default_factory=dict)
    max_share_pct: dict[str, float] = field(default_factory=dict)  # a missing use has no limit
    min_cluster_ha: dict[str, float] = field(default_factory=dict)
    wind_share_pct: float = 0.0  # WindBG/LEntwG: wind area as a share of the municipality
    max_prime_ha: float | None = None
    incompatible: tuple[tuple[str, str], ...] = ()

    def check(self) -> None:
        if not self.municipality_ha > 0:
            raise ZoningError(tr("Die Gemeindefläche muss größer 0 sein."))
        for name, values in (("min_mw", self.min_mw), ("min_gwh", self.min_gwh), ("min_ha", self.min_ha),
                             ("max_share_pct", self.max_share_pct), ("min_cluster_ha", self.min_cluster_ha)):
            for use, value in values.items():
                if use not in USES:
                    raise ZoningError(tr("Unbekannte Nutzung „{use}“; bekannt: {uses}.").format(
                        use=use, uses=", ".join(USES)))
                if not np.isfinite(value) or value < 0:
                    raise ZoningError(tr("{what} für {use}: {value} ist kein Wert ≥ 0.").format(
                        what=name, use=use, value=value))
        for use, value in self.max_share_pct.items():
            if value > 100:
                raise ZoningError(tr("Höchstanteil für {use}: {value} % liegt über 100 %.").format(
                    use=use, value=value))
        if not 0 <= self.wind_share_pct <= 100:
            raise ZoningError(tr("Windflächenanteil {value} % liegt nicht zwischen 0 und 100 %.").format(
                value=self.wind_share_pct))


@dataclass(frozen=True)
class Shortfall:
    target: str
    wanted: float
    reached: float
    unit: str
    reason: str

    @property
    def short(self) -> float:
        return max(0.0, self.wanted - self.reached)


@dataclass
class Alternative:
    name: str
    objective: str
    near_optimal: bool
    use_index: np.ndarray  # per unit the index into USES, -1 for keeping the current use
    allocated_ha: np.ndarray  # per unit the area given to its use
    mw: np.ndarray
    gwh: np.ndarray
    status: str
    gap: float | None
    seconds: float
    shortfalls: list[Shortfall]
    distance: float = float("nan")  # to the most similar alternative before it: 0 same, 1 nothing in common

    def use_of(self, unit: int) -> str:
        return USES[self.use_index[unit]] if self.use_index[unit] >= 0 else KEEP


@dataclass
class ZoningResult:
    alternatives: list[Alternative]
    frequency: np.ndarray  # (units × uses) share of alternatives that chose each use
    messages: list[str]


# -- the model -------------------------------------------------------------------------------------------------

# eligible slivers below this are no planning option (edge noise of the overlays) and would put coefficients
# nine orders of magnitude apart into the model, which the solver then misjudges
MIN_PAIR_HA = 0.01


class _Model:
    """Variables: one binary per unit–use pair the unit may take (eligible, or locked in), then one slack per
    target. Constraints as sparse rows with bounds."""

    def __init__(self, units: PlanningUnits, targets: Targets, catalog: UseCatalog):
        self.units, self.targets, self.catalog = units, targets, catalog
        eligible = units.eligible_ha >= MIN_PAIR_HA
        eligible[units.lock_out, :] = False
        forced = np.zeros_like(eligible)
        for row, use in enumerate(units.lock_in):
            if use is not None:
                eligible[row, :] = False
                forced[row, USES.index(use)] = True
        self.forced_pairs = forced
        self.unit, self.use = np.nonzero(eligible | forced)
        ha = units.eligible_ha[self.unit, self.use]
        # a unit locked in to a use it is not eligible for takes that use on its whole area: the planner decided
        self.ha = np.where(forced[self.unit, self.use], units.area_ha[self.unit], ha)
        density = np.array([catalog.uses[use].mw_per_ha.value for use in USES])
        hours = np.array([catalog.uses[use].full_load_h.value for use in USES])
        mw_per_ha = np.where(np.isnan(units.mw_per_ha[self.unit, self.use]), density[self.use],
                             units.mw_per_ha[self.unit, self.use])
        gwh_per_mw = np.where(np.isnan(units.gwh_per_mw[self.unit, self.use]), hours[self.use] / 1000,
                              units.gwh_per_mw[self.unit, self.use])
        self.mw = self.ha * mw_per_ha
        self.gwh = self.mw * gwh_per_mw
        score = units.score[self.unit, self.use]
        self.score = np.where(np.isnan(score), NEUTRAL_SCORE, np.clip(score, 0, 100))
        share = np.divide(self.ha, units.area_ha[self.unit], out=np.zeros(len(self.ha)),
                          where=units.area_ha[self.unit] > 0)
        take = np.array([catalog.uses[use].farmland_take.value for use in USES])
        self.prime_taken = units.prime_ha[self.unit] * np.minimum(share, 1.0) * take[self.use]
        self.pairs = len(self.unit)
        self.target_rows = self._targets()
        self.count = self.pairs + len(self.target_rows)
        self.reasons: dict[int, str] = {}  # why a target is missed, by its row

    def _targets(self) -> list[tuple[str, float, np.ndarray, str]]:
        """(label, wanted, contribution per pair, unit) of every positive target."""
        rows = []
        targets = self.targets
        for use in USES:
            mask = self.use == USES.index(use)
            label = use_label(use)
            for values, wanted, unit in ((self.mw, targets.min_mw.get(use, 0.0), "MW"),
                                         (self.gwh, targets.min_gwh.get(use, 0.0), "GWh/a"),
                                         (self.ha, targets.min_ha.get(use, 0.0), "ha")):
                if wanted > 0:
                    rows.append((f"{label} ≥ {wanted:g} {unit}", wanted, np.where(mask, values, 0.0), unit))
        if targets.wind_share_pct > 0:
            wanted = targets.wind_share_pct / 100 * targets.municipality_ha
            rows.append((tr("Windfläche ≥ {share:g} % der Gemeinde").format(share=targets.wind_share_pct), wanted,
                         np.where(self.use == USES.index("wind"), self.ha, 0.0), "ha"))
        return rows

    @cached_property
    def constraints(self) -> list[optimize.LinearConstraint]:
        units, targets = self.units, self.targets
        pairs, count = self.pairs, self.count
        index = np.arange(pairs)
        blocks, lower, upper = [], [], []

        def add(matrix, low, high):
            blocks.append(sparse.csr_matrix(matrix, shape=(matrix.shape[0], count)))
            lower.append(np.broadcast_to(low, matrix.shape[0]))
            upper.append(np.broadcast_to(high, matrix.shape[0]))

        # one use per unit
        add(sparse.coo_matrix((np.ones(pairs), (self.unit, index)), shape=(len(units.ids), count)), -np.inf, 1.0)
        # targets with their slack
        for number, (_label, wanted, values, _unit) in enumerate(self.target_rows):
            row = np.zeros(count)
            row[:pairs] = values
            row[pairs + number] = 1.0
            add(row[None, :], wanted, np.inf)
        # the largest share of the municipality per use
        for use, share in targets.max_share_pct.items():
            mask = self.use == USES.index(use)
            row = np.zeros(count)
            row[:pairs] = np.where(mask, self.ha, 0.0)
            add(row[None, :], -np.inf, share / 100 * targets.municipality_ha)
        if targets.max_prime_ha is not None:
            row = np.zeros(count)
            row[:pairs] = self.prime_taken
            add(row[None, :], -np.inf, targets.max_prime_ha)
        neighbours = units.neighbours
        if len(neighbours):
            lookup = {(int(u), int(k)): p for p, (u, k) in enumerate(zip(self.unit, self.use))}
            for first, second in targets.incompatible:
                a, b = USES.index(first), USES.index(second)
                rows = [(lookup[(i, a)], lookup[(j, b)]) for i, j in neighbours
                        if (i, a) in lookup and (j, b) in lookup]
                rows += [(lookup[(j, a)], lookup[(i, b)]) for i, j in neighbours
                         if (j, a) in lookup and (i, b) in lookup]
                if rows:
                    pair_index = np.array(rows)
                    line = np.repeat(np.arange(len(rows)), 2)
                    add(sparse.coo_matrix((np.ones(2 * len(rows)), (line, pair_index.ravel())),
                                          shape=(len(rows), count)), -np.inf, 1.0)
        cluster = self._cluster_rows()
        if cluster is not None:
            add(*cluster)
        return [optimize.LinearConstraint(sparse.vstack(blocks).tocsr(), np.concatenate(lower), np.concatenate(upper))]

    def _cluster_rows(self):
        """The minimum cluster size M of a use, as far as a linear model can say it: a chosen unit smaller than M
        and the units of the same use chosen among its nearest within √(2M) (so that every unit of a compact block
        of M sees the block) together reach M: Σ others' ha·x − (M − own ha)·x_self ≥ 0."""
        rows, columns, values, line = [], [], [], 0
        for use_index, use in enumerate(USES):
            minimum = self.targets.min_cluster_ha.get(use, 0.0)
            pairs = np.flatnonzero((self.use == use_index) & (self.ha < minimum)
                                   & ~self.forced_pairs[self.unit, self.use])
            if not len(pairs):
                continue
            candidates = np.flatnonzero(self.use == use_index)
            reach = np.sqrt(2 * minimum * 1e4)
            near, other = shapely.STRtree(self.units.geometries[self.unit[candidates]]).query(
                self.units.geometries[self.unit[pairs]], predicate="dwithin", distance=reach)
            other = candidates[other]
            keep = pairs[near] != other
            near, other = near[keep], other[keep]
            near, other = self._nearest(pairs, near, other, minimum)
            lines = line + np.arange(len(pairs))
            rows += [lines, lines[near]]
            columns += [pairs, other]
            values += [-(minimum - self.ha[pairs]), self.ha[other]]
            line += len(pairs)
        if not line:
            return None
        matrix = sparse.coo_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(columns))),
                            shape=(line, self.count))
        return matrix, 0.0, np.inf

    def _nearest(self, pairs, near, other, minimum):
        """Each pair's nearest candidates (by the distance of the units' centroids), as many as a compact cluster of
        ``minimum`` ha needs (half as many again, at least CLUSTER_NEIGHBOURS): enough to close it, and it keeps the
        model small. Of candidates at the same distance the one earlier in the planning units counts first."""
        centres = shapely.centroid(self.units.geometries)
        distance = shapely.distance(centres[self.unit[pairs[near]]], centres[self.unit[other]])
        typical = float(np.median(self.ha[pairs])) if len(pairs) else 1.0
        count = max(CLUSTER_NEIGHBOURS, int(np.ceil(1.5 * minimum / max(typical, 1e-9))))
        order = np.lexsort((self.unit[other], distance, near))
        near, other = near[order], other[order]
        first = np.searchsorted(near, near, side="left")
        keep = np.arange(len(near)) - first < count
        return near[keep], other[keep]

    def costs(self, objective: str) -> np.ndarray:
        """Per pair what the objective minimises: less suitable land, land (prime farmland twice), or minus the
        energy; the land-neutral uses (commerce, housing) cost their area in every objective so that they take no
        more than their targets ask for."""
        if objective == "eignung":
            cost = self.ha * (1.0 - self.score / 100.0) + 0.01 * self.ha
        elif objective == "flaeche":
            cost = self.ha + self.prime_taken
        elif objective == "ertrag":
            cost = np.where(self.gwh > 0, -self.gwh, 0.01 * self.ha)
        else:
            raise ZoningError(tr("Unbekanntes Ziel „{objective}“.").format(objective=objective))
        return cost

    def bounds(self) -> optimize.Bounds:
        lower = np.zeros(self.count)
        lower[:self.pairs] = self.forced_pairs[self.unit, self.use].astype(float)
        upper = np.concatenate([np.ones(self.pairs), [wanted for _l, wanted, _v, _u in self.target_rows]])
        return optimize.Bounds(lower, upper)

    def integrality(self) -> np.ndarray:
        return np.concatenate([np.ones(self.pairs), np.zeros(len(self.target_rows))])


def _solve(model: _Model, costs: np.ndarray, extra: list[optimize.LinearConstraint], time_limit: float, gap: float,
           offset: float = 0.0):
    """Solve with ``costs``; ``offset`` is added to the objective through a variable fixed at 1, so that the
    relative gap of an objective whose optimum may be 0 (the overlap of a near-optimal alternative) measures
    against a meaningful size."""
    integrality, bounds, constraints = model.integrality(), model.bounds(), model.constraints + extra
    if offset:
        costs = np.append(costs, offset)
        integrality = np.append(integrality, 0.0)
        bounds = optimize.Bounds(np.append(bounds.lb, 1.0), np.append(bounds.ub, 1.0))
        constraints = [optimize.LinearConstraint(
            sparse.hstack([sparse.csr_matrix(c.A), sparse.csr_matrix((c.A.shape[0], 1))]).tocsr(), c.lb, c.ub)
            for c in constraints]
    started = time.monotonic()
    result = optimize.milp(costs, integrality=integrality, bounds=bounds, constraints=constraints,
                           options={"time_limit": time_limit, "mip_rel_gap": gap, "disp": False})
    seconds = time.monotonic() - started
    if result.x is None:
        return None, result, seconds
    chosen = np.round(result.x[:model.pairs]) > 0.5
    return chosen, result, seconds


def _solve_within(model: _Model, costs: np.ndarray, extra: list[optimize.LinearConstraint], time_limit: float,
                  gap: float, offset: float):
    """Solve until the objective itself (not objective + offset) is within ``gap`` of its proven bound: when the
    offset made the solver stop early, solve again with the gap narrowed by the share of the offset."""
    chosen, result, seconds = _solve(model, costs, extra, time_limit, gap, offset)
    found_gap = _objective_gap(result, offset) if chosen is not None else None
    if found_gap is None or found_gap <= gap or result.status != 0 or seconds >= time_limit:
        return chosen, result, seconds
    found = abs(float(result.fun) - offset)
    again, second, more = _solve(model, costs, extra, time_limit - seconds, gap * found / (found + offset), offset)
    return (again, second, seconds + more) if again is not None else (chosen, result, seconds + more)


def _status(result) -> str:
    """The solver's outcome in the planner's words (HiGHS' own message is English and technical)."""
    return {0: tr("optimal"), 1: tr("Zeitlimit erreicht (beste gefundene Lösung)"),
            2: tr("unzulässig: keine Zuweisung hält alle harten Grenzen ein"),
            3: tr("unbeschränkt")}.get(result.status, tr("vom Löser nicht gelöst (Status {status})").format(
                status=result.status))


def infeasibility(model: _Model) -> list[str]:
    """Why no allocation can keep the hard limits. Without locks the empty plan keeps every limit, so only the
    units the planner locked to a use can break them: each conflict named with its figures."""
    forced = model.forced_pairs[model.unit, model.use]
    if not forced.any():
        return [tr("Ohne Festlegungen ist der leere Plan zulässig: der Löser hat sich numerisch verrechnet. "
                   "Bitte die Planungseinheiten prüfen (sehr kleine oder ungültige Flächen).")]
    targets, reasons = model.targets, []
    for use, share in targets.max_share_pct.items():
        locked_ha = float(model.ha[forced & (model.use == USES.index(use))].sum())
        allowed = share / 100 * targets.municipality_ha
        if locked_ha > allowed:
            reasons.append(tr("{use}: festgelegt {locked} ha, erlaubt höchstens {share} % = {allowed} ha").format(
                use=use_label(use), locked=format_number(locked_ha, 1), share=format_number(share, 1),
                allowed=format_number(allowed, 1)))
    if targets.max_prime_ha is not None and float(model.prime_taken[forced].sum()) > targets.max_prime_ha:
        reasons.append(tr("Hochwertige Böden: die Festlegungen nehmen {taken} ha, erlaubt {allowed} ha").format(
            taken=format_number(float(model.prime_taken[forced].sum()), 1),
            allowed=format_number(targets.max_prime_ha, 1)))
    locked_use = {int(unit): int(use) for unit, use in zip(model.unit[forced], model.use[forced])}
    for first, second in targets.incompatible:
        pairs = {USES.index(first), USES.index(second)}
        clash = [(i, j) for i, j in model.units.neighbours
                 if i in locked_use and j in locked_use and {locked_use[i], locked_use[j]} == pairs]
        if clash:
            i, j = clash[0]
            reasons.append(tr("{first} neben {second} ist ausgeschlossen, festgelegt sind die Nachbarn {a} und {b}")
                           .format(first=use_label(first), second=use_label(second), a=model.units.ids[i],
                                   b=model.units.ids[j]))
    return reasons or [tr("Die Festlegungen passen nicht zu den Grenzen; bitte Festlegungen einzeln lösen.")]


def zoning_alternatives(units: PlanningUnits, targets: Targets, objectives=OBJECTIVES, near_optimal: int = 2,
                        near_optimal_pct: float = 5.0, time_limit_s: float = 60.0, gap_pct: float = 1.0,
                        catalog: UseCatalog | None = None, progress=None, canceled=None) -> ZoningResult:
    """The named objective variants, then ``near_optimal`` alternatives within ``near_optimal_pct`` of the first
    objective's optimum, as different as possible from all before them."""
    catalog = catalog or shipped_uses()
    targets.check()
    if not objectives:
        raise ZoningError(tr("Mindestens ein Ziel der Varianten wählen."))
    if near_optimal < 0 or not 0 <= near_optimal_pct <= 100:
        raise ZoningError(tr("Anzahl naher Alternativen ≥ 0 und Spielraum 0–100 % erwartet."))
    if not len(units.ids):
        raise ZoningError(tr("Keine Planungseinheiten."))
    model = _Model(units, targets, catalog)
    messages = []
    if not model.pairs:
        messages.append(tr("Keine Einheit ist für eine Nutzung geeignet oder festgelegt: alle Varianten behalten den "
                           "Bestand."))
    steps = len(objectives) + near_optimal + 1
    # the targets first: the least relative shortfall any plan can have, then each objective within it
    slack_limits, note = _least_shortfall(model, time_limit_s)
    if note:
        messages.append(note)
    if progress is not None:
        progress(100.0 / steps)
    alternatives: list[Alternative] = []
    first = None
    for number, objective in enumerate(objectives):
        if canceled is not None and canceled():
            break
        pair_costs = model.costs(objective)
        costs = np.concatenate([pair_costs, np.zeros(len(model.target_rows))])
        offset = _scale(pair_costs)
        chosen, result, seconds = _solve_within(model, costs, slack_limits, time_limit_s, gap_pct / 100, offset)
        if chosen is None:
            raise ZoningError(tr("Die Variante „{name}“ hat keine zulässige Lösung: {message}").format(
                name=objective_label(objective), message=_status(result))
                + ("" if result.status != 2 else " " + "; ".join(infeasibility(model)) + "."))
        alternatives.append(_alternative(model, objective_label(objective), objective, False, chosen, result,
                                         seconds, offset))
        if first is None:  # the window of the near-optimal alternatives: from the proven bound of the optimum
            bound = _dual_bound(result, offset)
            first = (objective, pair_costs, float(pair_costs[chosen].sum()) if bound is None else bound, chosen)
        if progress is not None:
            progress(100.0 * (number + 2) / steps)
    if first is not None and model.pairs:
        objective, pair_costs, best, first_chosen = first
        # no worse than the optimum by more than the allowance, and no target further missed
        row = np.zeros(model.count)
        row[:model.pairs] = pair_costs
        keep = slack_limits + [optimize.LinearConstraint(row[None, :], -np.inf,
                                                best + abs(best) * near_optimal_pct / 100 + 1e-6)]
        # every plan found so far is cut off: a solve without a plan proves there is no other
        keep += [_exclude(model, _chosen_pairs(model, alternative) > 0.5) for alternative in alternatives]
        used = np.zeros(model.pairs)
        for alternative in alternatives:
            used += _chosen_pairs(model, alternative)
        offset = max(float(model.ha[first_chosen].sum()), 1.0)
        for number in range(near_optimal):
            if canceled is not None and canceled():
                break
            costs = np.concatenate([used * model.ha, np.zeros(len(model.target_rows))])
            # how different an alternative is matters less than how good it is: a coarser gap keeps it quick
            chosen, result, seconds = _solve(model, costs, keep, time_limit_s, max(gap_pct, DIVERSITY_GAP_PCT) / 100,
                                             offset=offset)
            if chosen is None:
                messages.append(tr("Innerhalb von {pct:g} % des Optimums gibt es keine weitere, andere "
                                   "Variante.").format(pct=near_optimal_pct) if result.status == 2 else
                                tr("Keine weitere nahe Alternative gefunden: {message}").format(
                                    message=_status(result)))
                break
            name = tr("nahe Alternative {number} ({objective}, ≤ {pct:g} %)").format(
                number=number + 1, objective=objective_label(objective), pct=near_optimal_pct)
            alternatives.append(_alternative(model, name, objective, True, chosen, result, seconds, offset))
            keep.append(_exclude(model, chosen))
            used += chosen
            if progress is not None:
                progress(100.0 * (len(objectives) + number + 2) / steps)
    for position, alternative in enumerate(alternatives):
        alternative.distance = min((allocation_distance(alternative, other) for other in alternatives[:position]),
                                   default=float("nan"))
    frequency = np.zeros((len(units.ids), len(USES)))
    for alternative in alternatives:
        chosen = alternative.use_index >= 0
        frequency[np.flatnonzero(chosen), alternative.use_index[chosen]] += 1
    if alternatives:
        frequency /= len(alternatives)
    return ZoningResult(alternatives, frequency, messages)


def _least_shortfall(model: _Model, time_limit: float) -> tuple[list[optimize.LinearConstraint], str | None]:
    """The least total relative shortfall of the targets any plan can have (0 when all can be met), solved to
    proven optimality, as a bound on the total: the objectives are then optimised over every plan that misses the
    targets no more than that, however it splits the shortfall among them (a plan that meets one target less and
    another more at the same total is as good). A single weighted objective would let a relative gap trade a
    reachable target for cost. Returns the bound and, when the time limit stopped the proof, a note saying so."""
    targets = len(model.target_rows)
    if not targets:
        return [], None
    weights = np.concatenate([np.zeros(model.pairs), 1.0 / np.array([row[1] for row in model.target_rows])])
    chosen, result, _seconds = _solve(model, weights, [], time_limit, 0.0)
    if chosen is None:
        raise ZoningError(tr("Die Ziele lassen sich mit keiner zulässigen Zuweisung annähern: {message}").format(
            message=_status(result)) + ("" if result.status != 2 else " " + "; ".join(infeasibility(model)) + "."))
    least = float(weights @ result.x)
    note = None if result.status == 0 else tr(
        "Die kleinste Zielverfehlung ist nicht bewiesen (Zeitlimit): die Varianten verfehlen die Ziele um "
        "höchstens {found} (Summe der Anteile), möglich wäre bis hinab zu {bound}.").format(
        found=format_number(least, 4), bound=format_number(max(0.0, _dual_bound(result, 0.0) or 0.0), 4))
    return [optimize.LinearConstraint(weights[None, :], -np.inf, least + SHORTFALL_TOLERANCE)], note


def _dual_bound(result, offset: float) -> float | None:
    """The solver's proven bound on the objective, without the offset; None when it has none."""
    bound = getattr(result, "mip_dual_bound", None)
    return float(bound) - offset if bound is not None and np.isfinite(bound) else None


def _objective_gap(result, offset: float) -> float | None:
    """The relative gap of the objective itself (not of objective + offset): (found − bound) / |found|."""
    bound = _dual_bound(result, offset)
    if bound is None or result.fun is None:
        return None
    found = float(result.fun) - offset
    return max(0.0, found - bound) / max(abs(found), 1e-9) if abs(found - bound) > 1e-9 else 0.0


def _exclude(model: _Model, chosen: np.ndarray) -> optimize.LinearConstraint:
    """A cut that every plan but ``chosen`` keeps: at least one pair differs (Σ others − Σ chosen ≥ 1 − |chosen|)."""
    row = np.zeros(model.count)
    row[:model.pairs] = np.where(chosen, -1.0, 1.0)
    return optimize.LinearConstraint(row[None, :], 1.0 - float(chosen.sum()), np.inf)


def _scale(pair_costs: np.ndarray) -> float:
    """An objective offset the size of the costs, for a relative gap that means something near an optimum of 0."""
    return max(float(np.abs(pair_costs).sum()) * 0.01, 1.0)


def _chosen_pairs(model: _Model, alternative: Alternative) -> np.ndarray:
    return (alternative.use_index[model.unit] == model.use).astype(float)


def _alternative(model: _Model, name, objective, near, chosen, result, seconds, offset: float) -> Alternative:
    count = len(model.units.ids)
    use_index = np.full(count, -1)
    use_index[model.unit[chosen]] = model.use[chosen]
    allocated, mw, gwh = np.zeros(count), np.zeros(count), np.zeros(count)
    allocated[model.unit[chosen]] = model.ha[chosen]
    mw[model.unit[chosen]] = model.mw[chosen]
    gwh[model.unit[chosen]] = model.gwh[chosen]
    gap = _objective_gap(result, offset)
    shortfalls = []
    for number, (label, wanted, values, unit) in enumerate(model.target_rows):
        reached = float(values[chosen].sum())
        if reached < wanted * (1 - MISSED_SHARE):
            shortfalls.append(Shortfall(label, wanted, reached, unit, _reason(model, number, wanted)))
    return Alternative(name, objective, near, use_index, allocated, mw, gwh, _status(result), gap, seconds,
                       shortfalls)


def _reason(model: _Model, number: int, wanted: float) -> str:
    """Why a target is missed: the most it could reach alone under the hard rules (eligibility, locks, shares, prime
    farmland, neighbours, cluster size), and, when that suffices, the targets it competes with for the same units.
    Once per target and instance."""
    if number in model.reasons:
        return model.reasons[number]
    _label, _wanted, values, unit = model.target_rows[number]
    costs = np.zeros(model.count)
    costs[:model.pairs] = -values
    # the other targets' slacks make their rows free
    result = optimize.milp(costs, integrality=model.integrality(), bounds=model.bounds(), constraints=model.constraints,
                           options={"time_limit": REASON_TIME_LIMIT_S, "mip_rel_gap": 1e-3, "disp": False})
    # the dual bound is what can be reached at most, also when the time limit stops the search
    bound = getattr(result, "mip_dual_bound", None)
    alone = max(0.0, -float(bound if bound is not None and np.isfinite(bound) else result.fun)) \
        if result.x is not None else 0.0
    model.reasons[number] = _reason_text(model, number, wanted, alone, values, unit)
    return model.reasons[number]


def _reason_text(model: _Model, number: int, wanted: float, alone: float, values: np.ndarray, unit: str) -> str:
    if alone < wanted * (1 - 1e-6):
        return tr("allein höchstens {value:.1f} {unit} erreichbar (Eignung, Festlegungen, Obergrenzen, "
                  "Nachbarschaft, Mindestgröße)").format(
            value=alone, unit=unit)
    units_here = set(model.unit[values > 0])
    rivals = [label for other, (label, _w, other_values, _u) in enumerate(model.target_rows)
              if other != number and units_here & set(model.unit[other_values > 0])
              and not _together(model, (number, other))]
    if rivals:
        return tr("allein erreichbar, aber nicht zusammen mit: {targets}").format(targets="; ".join(rivals))
    return tr("allein erreichbar, aber nicht zusammen mit allen übrigen Zielen und den Grenzen")


def _together(model: _Model, numbers: tuple[int, ...]) -> bool:
    """Whether some plan meets all these targets in full under the hard rules; a search the time limit stops
    without an answer counts as possible, so that a rival is named only when the conflict is proven."""
    bounds = model.bounds()
    upper = bounds.ub.copy()
    upper[[model.pairs + number for number in numbers]] = 0.0
    result = optimize.milp(np.zeros(model.count), integrality=model.integrality(),
                           bounds=optimize.Bounds(bounds.lb, upper), constraints=model.constraints,
                           options={"time_limit": REASON_TIME_LIMIT_S, "disp": False})
    return result.status != 2


def is_alternative(number: int, allocated: set[int]) -> bool:
    """Whether alternative ``number`` exists, given the numbers that hold a unit in an ALLOCATION table: the
    alternatives are numbered from 1 without gaps, and one that allocates nothing (all targets 0) has no row, so
    any number up to the highest allocated one is an alternative."""
    return 1 <= number <= max(allocated, default=0)


def alternative_numbers(allocated: set[int]) -> str:
    """The alternatives there are, given the numbers that hold a unit in an ALLOCATION table, as text: "1–3"."""
    last = max(allocated, default=0)
    return "–" if last < 1 else "1" if last == 1 else f"1–{last}"


def allocation_distance(first: Alternative, second: Alternative) -> float:
    """1 − (area with the same use in both) / (area allocated in either): 0 for equal plans, 1 for disjoint."""
    same = (first.use_index == second.use_index) & (first.use_index >= 0)
    shared = np.minimum(first.allocated_ha, second.allocated_ha)[same].sum()
    either = first.allocated_ha.sum() + second.allocated_ha.sum() - shared
    return 0.0 if either <= 0 else float(1.0 - shared / either)


# -- indicators ------------------------------------------------------------------------------------------------

def indicators(alternative: Alternative, units: PlanningUnits, targets: Targets, co2_g_kwh: float,
               catalog: UseCatalog | None = None) -> dict:
    """The figures a council compares: ha, MW and GWh/a per use, avoided CO₂, prime farmland taken, incompatible
    neighbours, the wind share and its target, and the mean suitability of the allocated land."""
    catalog = catalog or shipped_uses()
    result = {}
    chosen = alternative.use_index >= 0
    for position, use in enumerate(USES):
        mask = alternative.use_index == position
        result[f"ha_{use}"] = float(alternative.allocated_ha[mask].sum())
        result[f"mw_{use}"] = float(alternative.mw[mask].sum())
        result[f"gwh_{use}"] = float(alternative.gwh[mask].sum())
    result["gwh_total"] = float(alternative.gwh.sum())
    result["co2_t_a"] = result["gwh_total"] * co2_g_kwh  # GWh × g/kWh = t
    take = np.array([catalog.uses[use].farmland_take.value for use in USES])
    share = np.divide(alternative.allocated_ha, units.area_ha, out=np.zeros(len(units.area_ha)),
                      where=units.area_ha > 0)
    result["prime_ha"] = float((units.prime_ha * np.minimum(share, 1.0) * np.where(
        chosen, take[np.maximum(alternative.use_index, 0)], 0.0)).sum())
    result["conflicts"] = incompatible_neighbours(alternative, units, targets)
    result["wind_share_pct"] = 100.0 * result["ha_wind"] / targets.municipality_ha
    result["wind_target_reached_pct"] = 100.0 * result["wind_share_pct"] / targets.wind_share_pct \
        if targets.wind_share_pct > 0 else float("nan")
    scores = np.where(np.isnan(units.score), NEUTRAL_SCORE, units.score)
    weights = alternative.allocated_ha[chosen]
    result["mean_score"] = float(np.average(scores[np.flatnonzero(chosen), alternative.use_index[chosen]],
                                            weights=weights)) if weights.sum() > 0 else float("nan")
    return result


def incompatible_neighbours(alternative: Alternative, units: PlanningUnits, targets: Targets) -> int:
    """Adjacent unit pairs whose uses are incompatible (0 in every solved plan)."""
    if not len(units.neighbours):
        return 0
    first, second = alternative.use_index[units.neighbours[:, 0]], alternative.use_index[units.neighbours[:, 1]]
    count = 0
    for a, b in targets.incompatible:
        ia, ib = USES.index(a), USES.index(b)
        count += int((((first == ia) & (second == ib)) | ((first == ib) & (second == ia))).sum())
    return count


# -- planning units from geometry --------------------------------------------------------------------------------

def planning_grid(area, cell_m: float, hexagonal: bool = False) -> np.ndarray:
    """Square or hexagonal cells of width ``cell_m`` covering ``area``, clipped to it (cells outside dropped)."""
    if cell_m <= 0:
        raise ZoningError(tr("Die Zellgröße muss größer 0 sein."))
    minx, miny, maxx, maxy = shapely.bounds(area)
    if (maxx - minx) * (maxy - miny) / cell_m ** 2 > 2_000_000:
        raise ZoningError(tr("{size:g} m große Zellen ergäben über zwei Millionen Einheiten; bitte größer "
                             "wählen.").format(size=cell_m))
    if hexagonal:
        radius = cell_m / np.sqrt(3)  # flat-to-flat width cell_m
        dx, dy = 1.5 * radius, cell_m
        columns = np.arange(minx, maxx + dx, dx)
        x, y = np.meshgrid(columns, np.arange(miny, maxy + dy, dy))
        y = y + (np.arange(len(columns)) % 2)[None, :] * dy / 2
        angles = np.radians(np.arange(0, 360, 60))
        xs = x.ravel()[:, None] + radius * np.cos(angles)[None, :]
        ys = y.ravel()[:, None] + radius * np.sin(angles)[None, :]
        rings = np.stack([xs, ys], axis=-1)
        cells = shapely.polygons(np.concatenate([rings, rings[:, :1]], axis=1))
    else:
        x, y = np.meshgrid(np.arange(minx, maxx, cell_m), np.arange(miny, maxy, cell_m))
        cells = shapely.box(x.ravel(), y.ravel(), x.ravel() + cell_m, y.ravel() + cell_m)
    shapely.prepare(area)
    cells = cells[shapely.intersects(area, cells)]
    clipped = shapely.intersection(cells, area)
    clipped = clipped[shapely.area(clipped) > 1.0]
    return clipped


def adjacent_pairs(units: np.ndarray, distance_m: float = 0.0) -> np.ndarray:
    """Unit index pairs (i < j) that touch or lie within ``distance_m`` of each other."""
    if not len(units):
        return np.zeros((0, 2), dtype=int)
    tree = shapely.STRtree(units)
    if distance_m > 0:
        first, second = tree.query(units, predicate="dwithin", distance=distance_m)
    else:
        first, second = tree.query(units, predicate="intersects")
    keep = first < second
    return np.column_stack([first[keep], second[keep]])
