"""Multi-criteria site scoring: value functions, AHP weights with Saaty's consistency ratio, weighted linear
combination and TOPSIS, with one contribution per criterion so that every score can be explained.

Everything works on a criterion matrix (sites × criteria) held in numpy, so re-scoring with new weights is a few
vector operations and needs no GIS work.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .catalog import GEOMETRIES, LayerDescription, suggest_layers
from .i18n import tr
from .json_reader import JsonReader, read_json
from .lazy import lazy_module
from .profiles import profile_feed, recognise
from .sharing import read_origin, titled
from .site_criteria import DISTANCE, GEOMETRY_FIELDS, LAYER_MEASURES, MEAN, MEASURES, measured_name
from .workflow import POLYGON, normalise

np = lazy_module("numpy")

LINEAR_BENEFIT, LINEAR_COST, STEP, PIECEWISE, IDEAL = "benefit", "cost", "step", "piecewise", "ideal"
FUNCTION_KINDS = (LINEAR_BENEFIT, LINEAR_COST, STEP, PIECEWISE, IDEAL)
WLC, TOPSIS = "wlc", "topsis"
# Missing criterion values: worst value (0), the mean of the other sites, or no score for the site.
MISSING_WORST, MISSING_MEAN, MISSING_EXCLUDE = "worst", "mean", "exclude"
MISSING_POLICIES = (MISSING_WORST, MISSING_MEAN, MISSING_EXCLUDE)
# Saaty's random consistency index for matrices of order n (index n - 1), Saaty 1980.
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
MAX_CONSISTENCY_RATIO = 0.10
SCHEME_DIR = Path(__file__).resolve().parent.parent / "resources" / "schemes"


class ScoringError(ValueError):
    """Input the scoring cannot work with; the message says what and where."""


@dataclass(frozen=True)
class ValueFunction:
    """Maps a criterion's raw values to a utility in [0, 1].

    benefit/cost: linear between ``lower`` and ``upper`` (clamped); step: ``scores[i]`` from ``thresholds[i]``
    on (below the first threshold 0); piecewise: linear through ``points`` (x, utility), constant outside;
    ideal: 1 at ``ideal``, falling linearly to 0 at ``ideal ± tolerance``.
    """

    kind: str
    lower: float | None = None
    upper: float | None = None
    thresholds: tuple[float, ...] = ()
    scores: tuple[float, ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    ideal: float | None = None
    tolerance: float | None = None

    def __post_init__(self):
        problem = self._problem()
        if problem:
            raise ScoringError(tr("Wertfunktion „{kind}“: {problem}").format(kind=self.kind, problem=problem))

    def _problem(self) -> str | None:
        if self.kind not in FUNCTION_KINDS:
            return tr("unbekannte Art; erlaubt sind {kinds}").format(kinds=", ".join(FUNCTION_KINDS))
        if self.kind in (LINEAR_BENEFIT, LINEAR_COST) and (
                self.lower is None or self.upper is None or not self.lower < self.upper):
            return tr("untere Grenze muss kleiner als die obere sein")
        if self.kind == STEP:
            if not self.thresholds or len(self.thresholds) != len(self.scores):
                return tr("je Schwelle ein Wert nötig")
            if list(self.thresholds) != sorted(self.thresholds) or not all(0 <= s <= 1 for s in self.scores):
                return tr("Schwellen aufsteigend, Werte zwischen 0 und 1")
        if self.kind == PIECEWISE:
            xs = [x for x, _ in self.points]
            if len(self.points) < 2 or xs != sorted(set(xs)) or not all(0 <= u <= 1 for _, u in self.points):
                return tr("mindestens zwei Stützstellen mit steigendem x und Nutzen zwischen 0 und 1")
        if self.kind == IDEAL and (self.ideal is None or not self.tolerance or self.tolerance <= 0):
            return tr("Idealwert und eine Toleranz > 0 nötig")
        return None

    @property
    def settled_from(self) -> float:
        """The value from which on the utility no longer changes (every kind is constant beyond its last point)."""
        if self.kind in (LINEAR_BENEFIT, LINEAR_COST):
            return float(self.upper)
        if self.kind == STEP:
            return float(self.thresholds[-1])
        if self.kind == PIECEWISE:
            return float(self.points[-1][0])
        return float(self.ideal + self.tolerance)

    def evaluate(self, values) -> np.ndarray:
        """Utilities of ``values``; NaN (missing) stays NaN."""
        x = np.asarray(values, dtype=float)
        if self.kind in (LINEAR_BENEFIT, LINEAR_COST):
            utility = np.clip((x - self.lower) / (self.upper - self.lower), 0.0, 1.0)
            utility = utility if self.kind == LINEAR_BENEFIT else 1.0 - utility
        elif self.kind == STEP:
            index = np.searchsorted(np.asarray(self.thresholds), x, side="right") - 1
            utility = np.where(index >= 0, np.asarray(self.scores)[np.clip(index, 0, None)], 0.0)
        elif self.kind == PIECEWISE:
            xs, us = zip(*self.points)
            utility = np.interp(x, xs, us)
        else:
            utility = np.clip(1.0 - np.abs(x - self.ideal) / self.tolerance, 0.0, 1.0)
        return np.where(np.isnan(x), np.nan, utility)


@dataclass(frozen=True)
class AhpResult:
    weights: np.ndarray
    lambda_max: float
    consistency_index: float
    consistency_ratio: float

    @property
    def consistent(self) -> bool:
        return self.consistency_ratio <= MAX_CONSISTENCY_RATIO


def ahp_weights(matrix) -> AhpResult:
    """Weights from a pairwise comparison matrix (Saaty scale 1/9 … 9, reciprocal): the principal eigenvector,
    and the consistency ratio CR = ((λmax − n) / (n − 1)) / RI(n)."""
    a = np.asarray(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] < 2:
        raise ScoringError(tr("Der Paarvergleich braucht eine quadratische Matrix mit mindestens 2 Kriterien."))
    n = a.shape[0]
    if n > len(RANDOM_INDEX):
        raise ScoringError(tr("Paarvergleiche sind für höchstens {n} Kriterien vorgesehen.").format(
            n=len(RANDOM_INDEX)))
    if not np.all(np.isfinite(a)) or np.any(a < 1 / 9 - 1e-9) or np.any(a > 9 + 1e-9):
        raise ScoringError(tr("Paarvergleichswerte müssen zwischen 1/9 und 9 liegen."))
    if not np.allclose(a * a.T, 1.0, rtol=1e-3):
        i, j = np.argwhere(~np.isclose(a * a.T, 1.0, rtol=1e-3))[0]
        raise ScoringError(tr("Paarvergleich nicht reziprok: Zeile {row}, Spalte {column} ({value}) und Zeile "
                              "{column}, Spalte {row} ({mirror}) müssen Kehrwerte sein, z. B. {value} und "
                              "{expected}.").format(row=i + 1, column=j + 1, value=judgement_text(a[i, j]),
                                                    mirror=judgement_text(a[j, i]),
                                                    expected=judgement_text(1 / a[i, j])))
    eigenvalues, eigenvectors = np.linalg.eig(a)
    principal = int(np.argmax(eigenvalues.real))
    vector = np.abs(eigenvectors[:, principal].real)
    lambda_max = float(eigenvalues[principal].real)
    ci = (lambda_max - n) / (n - 1)
    ri = RANDOM_INDEX[n - 1]
    return AhpResult(vector / vector.sum(), lambda_max, ci, ci / ri if ri else 0.0)


def pairwise_from_weights(weights) -> np.ndarray:
    """The pairwise comparison that a set of direct weights implies (w_i / w_j, kept within Saaty's 1/9 … 9): the
    starting point when a planner switches from weights to comparisons."""
    w = normalised_weights(weights)
    w = np.where(w > 0, w, w[w > 0].min() / 9)
    return np.clip(w[:, None] / w[None, :], 1 / 9, 9)


def parse_judgement(text: str) -> float:
    """A Saaty judgement as a planner types it: "3", "1/3", "0,5" or "0.5"; between 1/9 and 9."""
    cleaned = text.strip().replace(",", ".")
    try:
        if "/" in cleaned:
            numerator, denominator = cleaned.split("/", 1)
            value = float(numerator) / float(denominator)
        else:
            value = float(cleaned)
    except (ValueError, ZeroDivisionError) as error:
        raise ScoringError(tr("„{text}“ ist kein Paarvergleichswert (z. B. 3 oder 1/3).").format(text=text)) \
            from error
    if not 1 / 9 - 1e-9 <= value <= 9 + 1e-9:
        raise ScoringError(tr("Paarvergleichswerte müssen zwischen 1/9 und 9 liegen."))
    return value


def judgement_text(value: float) -> str:
    """The inverse of :func:`parse_judgement`: 3 → "3", 0.333 → "1/3", 1.5 → "1.5"."""
    if value >= 1 - 1e-9:
        return f"{value:.3g}"
    inverse = 1 / value
    return f"1/{inverse:.0f}" if abs(inverse - round(inverse)) < 1e-3 else f"{value:.3g}"


def normalised_weights(weights) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    if w.ndim != 1 or not len(w) or not np.all(np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ScoringError(tr("Gewichte müssen ≥ 0 sein und dürfen nicht alle 0 sein."))
    return w / w.sum()


@dataclass
class ScoreResult:
    score: np.ndarray  # 0–100, NaN where a site has no score (missing values under the policy "exclude")
    site_class: np.ndarray  # "A", "B", "C" or ""
    utilities: np.ndarray  # sites × criteria in [0, 1] after the missing-value policy
    missing: np.ndarray  # sites × criteria: where the raw value was missing
    weights: np.ndarray  # normalised
    method: str

    @cached_property
    def rank(self) -> np.ndarray:
        """1 = best; 0 where there is no score. Sorting costs more than the scores themselves, so a weight slider
        that recolours by score and class does not pay for it."""
        return _ranks(self.score)

    def rank_of(self, site: int) -> int:
        """The rank of one site without sorting all of them (the site inspector)."""
        value = self.score[site]
        return 0 if np.isnan(value) else int(np.count_nonzero(self.score > value)) + 1

    @property
    def contributions(self) -> np.ndarray:
        """Sites × criteria, points of the score: WLC 100·w·u (they add up to the score); TOPSIS the weighted
        utilities' shares of the score. Computed on demand: re-scoring for a weight slider does not need them."""
        weighted = self.utilities * self.weights
        if self.method == WLC:
            return 100.0 * weighted
        totals = weighted.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, weighted / totals, 0.0) * np.nan_to_num(self.score)[:, None]


def utilities(values, functions: list[ValueFunction]) -> np.ndarray:
    """The criterion matrix (sites × criteria) through each criterion's value function."""
    x = np.asarray(values, dtype=float)
    if x.ndim != 2 or x.shape[1] != len(functions):
        raise ScoringError(tr("Die Kriterienmatrix braucht eine Spalte je Kriterium ({count}).").format(
            count=len(functions)))
    return np.column_stack([function.evaluate(x[:, k]) for k, function in enumerate(functions)]) if len(x) \
        else np.zeros((0, len(functions)))


def score(utility: np.ndarray, weights, method: str = WLC, missing: str = MISSING_WORST,
          class_bounds: tuple[float, float] = (66.7, 33.3)) -> ScoreResult:
    """Scores 0–100, ranks and classes from utilities (sites × criteria) and weights.

    WLC: score = 100 Σ w·u. TOPSIS: closeness to the ideal site (all utilities 1 where weighted) relative to the
    anti-ideal (all 0), 100·d⁻/(d⁺ + d⁻); its contributions are the weighted utilities scaled to the score."""
    if method not in (WLC, TOPSIS):
        raise ScoringError(tr("Unbekanntes Verfahren „{method}“ (wlc oder topsis).").format(method=method))
    if missing not in MISSING_POLICIES:
        raise ScoringError(tr("Unbekannte Regel für fehlende Werte „{policy}“.").format(policy=missing))
    w = normalised_weights(weights)
    u = np.asarray(utility, dtype=float)
    if u.ndim != 2 or u.shape[1] != len(w):
        raise ScoringError(tr("Je Kriterium ein Gewicht nötig ({count}).").format(count=u.shape[-1]))
    gaps = np.isnan(u)
    if gaps.any():  # without gaps the caller's matrix is used as it is: re-scoring copies nothing
        if missing == MISSING_MEAN:
            u = np.where(gaps, np.nanmean(np.where(gaps.all(axis=0), 0.0, u), axis=0), u)
        else:
            u = np.where(gaps, 0.0, u)
    if method == WLC:
        scores = 100.0 * (u @ w)
    else:
        # Σ w²u² and Σ w²(1 − u)² = Σ w² − 2 Σ w²u + Σ w²u² as matrix-vector products: no sites × criteria temporaries
        squared = w * w
        linear, quadratic = u @ squared, (u * u) @ squared
        to_worst = np.sqrt(quadratic)
        to_ideal = np.sqrt(np.maximum(squared.sum() - 2.0 * linear + quadratic, 0.0))
        with np.errstate(invalid="ignore", divide="ignore"):
            scores = np.where(to_ideal + to_worst > 0, 100.0 * to_worst / (to_ideal + to_worst), 0.0)
    if missing == MISSING_EXCLUDE:
        scores = np.where(gaps.any(axis=1), np.nan, scores)
    upper, lower = class_bounds
    site_class = np.array(["A", "B", "C", ""])[np.where(np.isnan(scores), 3, np.where(
        scores >= upper, 0, np.where(scores >= lower, 1, 2)))]
    return ScoreResult(scores, site_class, u, gaps, w, method)


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1 for the best score; equal scores share the better rank; 0 for sites without a score."""
    rank = np.zeros(len(scores), dtype=int)
    gaps = np.isnan(scores)
    valid = np.flatnonzero(~gaps) if gaps.any() else np.arange(len(scores))
    order = valid[np.argsort(-scores[valid])]  # ties get the same rank below, their order does not matter
    ordered = scores[order]
    ties = ordered[1:] == ordered[:-1]
    if ties.any():
        starts = np.r_[True, ~ties]
        rank[order] = np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0)) + 1
    else:
        rank[order] = np.arange(1, len(order) + 1)
    return rank


# -- Bewertungsschema: criteria, value functions and weights as a file ------------------------------------------

# Version 1 names the field of the sites that holds each criterion; version 2 may instead name the criterion's role
# (what it measures), which fits any project's layers. Version 1 files are read as they are.
SCHEME_FORMAT, SCHEME_VERSION = "wip-scoring-scheme", 2
SCHEME_VERSIONS = (1, 2)


@dataclass(frozen=True)
class CriterionRole:
    """What a criterion measures, whatever the project calls its layers: the distance to, or the share of the site
    covered by, the layer that plays the role (substations, settlements, protected areas …), the area-weighted mean
    of a field of that layer, or the site's own area or compactness.

    The planner's layer is found as a catalog criterion's is: a layer a data profile recognises by what its profile
    says it holds (``feeds``: catalog criteria or step inputs, where the profile counts the whole layer), any other
    layer by a hint that starts a word of its name (:func:`catalog.suggest_layers`) and by its geometry kind; for a
    mean, by a field hint too."""

    measure: str  # one of site_criteria.MEASURES
    geometry: str = "any"  # of the layer: polygon, line, point or any (catalog.GEOMETRIES)
    layer_hints: tuple[str, ...] = ()
    field_hints: tuple[str, ...] = ()  # mean: the field to average
    feeds: tuple[str, ...] = ()  # what a recognised layer holds to play the role
    attribute_filter = None  # read by catalog.suggest_layers: a role takes every feature of its layer

    @property
    def needs_layer(self) -> bool:
        return self.measure in LAYER_MEASURES


@dataclass(frozen=True)
class SchemeCriterion:
    """One criterion: where its value comes from (a field of the sites, or a role), its value function and weight."""

    label: str
    function: ValueFunction
    weight: float  # direct weight; ignored when the scheme has a pairwise comparison
    field: str | None = None  # the attribute of the sites that holds the criterion value
    role: CriterionRole | None = None
    id: str = ""  # of a role criterion: its name in results (contribution field c_<id>)

    @property
    def key(self) -> str:
        """The criterion's name in results: its field, or the id of a role criterion."""
        return self.field or self.id


@dataclass(frozen=True)
class Scheme:
    """A planner's Bewertungsschema: criteria with value functions, direct weights or AHP comparisons, method and
    missing-value policy."""

    criteria: tuple[SchemeCriterion, ...]
    method: str = WLC
    missing: str = MISSING_WORST
    pairwise: tuple[tuple[float, ...], ...] | None = None
    title: str = ""

    def weights(self, accept_inconsistent: bool = False) -> tuple[np.ndarray, AhpResult | None]:
        """Normalised weights; from the pairwise comparison when there is one, which must be consistent
        (CR ≤ 0.10) unless the planner explicitly accepts it."""
        if self.pairwise is None:
            return normalised_weights([c.weight for c in self.criteria]), None
        ahp = ahp_weights(self.pairwise)
        if len(ahp.weights) != len(self.criteria):
            raise ScoringError(tr("Der Paarvergleich hat {n} Zeilen, das Schema {k} Kriterien.").format(
                n=len(ahp.weights), k=len(self.criteria)))
        if not ahp.consistent and not accept_inconsistent:
            raise ScoringError(tr("Der Paarvergleich ist nicht konsistent genug: CR = {cr:.3f} > 0,10. Bitte die "
                                  "Urteile prüfen oder die Inkonsistenz ausdrücklich zulassen.").format(
                cr=ahp.consistency_ratio))
        return ahp.weights, ahp

    def to_json(self) -> dict:
        data = {"format": SCHEME_FORMAT, "format_version": SCHEME_VERSION, "method": self.method,
                "missing": self.missing, "criteria": [_criterion_json(c) for c in self.criteria]}
        if self.pairwise is not None:
            data["pairwise"] = [list(row) for row in self.pairwise]
        if self.title:
            data["title"] = self.title
        return data


def _criterion_json(criterion: SchemeCriterion) -> dict:
    if criterion.role is None:
        data = {"field": criterion.field}
    else:
        role = criterion.role
        data = {"id": criterion.id, "role": {"measure": role.measure}}
        if role.needs_layer:
            data["role"].update(geometry=role.geometry, layer_hints=list(role.layer_hints))
        if role.field_hints:
            data["role"]["field_hints"] = list(role.field_hints)
        if role.feeds:
            data["role"]["feeds"] = list(role.feeds)
    data.update(label=criterion.label, weight=criterion.weight, function=_function_json(criterion.function))
    return data


def _function_json(function: ValueFunction) -> dict:
    keys = {LINEAR_BENEFIT: ("lower", "upper"), LINEAR_COST: ("lower", "upper"), STEP: ("thresholds", "scores"),
            PIECEWISE: ("points",), IDEAL: ("ideal", "tolerance")}[function.kind]
    data = {"kind": function.kind}
    for key in keys:
        value = getattr(function, key)
        data[key] = [list(v) for v in value] if key == "points" else list(value) if isinstance(value, tuple) \
            else value
    return data


def save_scheme(scheme: Scheme, path: Path) -> None:
    Path(path).write_text(json.dumps(scheme.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load_scheme(path: Path) -> Scheme:
    path = Path(path)
    return parse_scheme(read_json(path, ScoringError), path.name)


def parse_scheme(data, where: str) -> Scheme:
    reader = JsonReader(data, where, ScoringError)
    if reader.text("format") != SCHEME_FORMAT:
        reader.fail("format", tr("„{format}“ erwartet").format(format=SCHEME_FORMAT))
    version = reader.number("format_version") if "format_version" in data else 1
    if version not in SCHEME_VERSIONS:
        reader.fail("format_version", tr("Version {versions} erwartet").format(
            versions=" / ".join(map(str, SCHEME_VERSIONS))))
    criteria = []
    for index, raw in enumerate(reader.get("criteria", list)):
        entry = JsonReader(raw, tr("{where}, Kriterium {number}").format(where=where, number=index + 1),
                           ScoringError)
        function = entry.child("function")
        kind = function.choice("kind", FUNCTION_KINDS)
        arguments = {}
        for key in ("lower", "upper", "ideal", "tolerance"):
            if key in function.data:
                arguments[key] = function.number(key)
        for key in ("thresholds", "scores"):
            if key in function.data:
                arguments[key] = tuple(_numbers(function, key))
        if "points" in function.data:
            points = function.get("points", list)
            if not all(isinstance(p, list) and len(p) == 2 for p in points):
                function.fail("points", tr("Liste von Paaren [x, Nutzen] erwartet"))
            arguments["points"] = tuple((float(x), float(u)) for x, u in points)
        try:
            value_function = ValueFunction(kind, **arguments)
        except ScoringError as error:
            function.fail("kind", str(error))
        weight = entry.number("weight") if "weight" in entry.data else 1.0
        if weight < 0:
            entry.fail("weight", tr("Gewichte sind nicht negativ"))
        label = entry.text("label")
        if version >= 2 and "role" in entry.data:
            if "field" in entry.data:
                entry.fail("field", tr("entweder „field“ oder „role“, nicht beides"))
            criteria.append(SchemeCriterion(label, value_function, weight, role=_parse_role(entry.child("role")),
                                            id=entry.identifier("id")))
        else:
            criteria.append(SchemeCriterion(label, value_function, weight, field=entry.text("field")))
    if not criteria:
        reader.fail("criteria", tr("mindestens ein Kriterium nötig"))
    keys = [c.key for c in criteria]
    if len(set(keys)) != len(keys):
        reader.fail("criteria", tr("jedes Feld und jede Kennung nur einmal"))
    pairwise = None
    if data.get("pairwise") is not None:
        rows = reader.get("pairwise", list)
        if not all(isinstance(row, list) and len(row) == len(criteria) for row in rows) or len(rows) != len(criteria):
            reader.fail("pairwise", tr("je Kriterium eine Zeile mit je Kriterium einem Wert erwartet"))
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for row in rows for v in row):
            reader.fail("pairwise", tr("Liste von Zahlen erwartet"))
        pairwise = tuple(tuple(float(v) for v in row) for row in rows)
    method = reader.choice("method", (WLC, TOPSIS)) if "method" in data else WLC
    missing = reader.choice("missing", MISSING_POLICIES) if "missing" in data else MISSING_WORST
    title = reader.text("title") if "title" in data else ""
    origin = read_origin(reader)
    return Scheme(tuple(criteria), method, missing, pairwise, titled(title or where, origin) if origin else title)


def _parse_role(reader: JsonReader) -> CriterionRole:
    measure = reader.choice("measure", MEASURES)
    if measure not in LAYER_MEASURES:
        return CriterionRole(measure)
    # shares and means are taken over areas, as wip:sitecriteria measures them; a distance may be to anything
    geometry = reader.choice("geometry", (POLYGON,) if measure != DISTANCE else GEOMETRIES) \
        if "geometry" in reader.data else POLYGON if measure != DISTANCE else "any"
    field_hints = _hints(reader, "field_hints") if measure == MEAN else ()
    layer_hints = _hints(reader, "layer_hints") if measure != MEAN or "layer_hints" in reader.data else ()
    feeds = tuple(reader.get("feeds", list)) if "feeds" in reader.data else ()
    if not all(isinstance(feed, str) and feed.strip() for feed in feeds):
        reader.fail("feeds", tr("Liste von Kriterien oder Eingaben erwartet"))
    return CriterionRole(measure, geometry, layer_hints, field_hints, feeds)


def _hints(reader: JsonReader, key: str) -> tuple[str, ...]:
    hints = reader.get(key, list)
    if not hints or not all(isinstance(hint, str) and hint.strip() for hint in hints):
        reader.fail(key, tr("Liste von Namensteilen erwartet"))
    return tuple(normalise(hint.strip()) for hint in hints)


# -- roles and the planner's layers and fields ---------------------------------------------------------------------

def _matching(role: CriterionRole, hints: tuple[str, ...], candidates: Sequence[LayerDescription]) -> list[str]:
    """The keys of the candidates that fit the role's geometry and one of ``hints``; those that fit an earlier hint
    first ("umspann" before "uw": a 110-kV Umspannwerk layer before a transmission grid's)."""
    keys: list[str] = []
    for hint in hints:
        keys += [key for key in suggest_layers(replace(role, layer_hints=(hint,)), candidates) if key not in keys]
    return keys


def suggest_role_layers(role: CriterionRole, layers: Sequence[LayerDescription]) -> list[str]:
    """The layers that may play the role, the likeliest first: those a data profile says hold the role whole, then
    among the layers no profile knows those whose name fits; for a mean, only layers with a fitting field (those
    whose name fits too first). A layer of a mixed model (an OSM extract) plays no role: the distance to it would
    be the distance to anything it holds."""
    if not role.needs_layer:
        return []
    profiled, plain = [], []
    for layer in layers:
        recognitions = recognise(layer)
        if not recognitions:
            plain.append(layer)
        elif role.geometry in ("any", layer.kind) and _holds_whole(recognitions, role.feeds) and (
                role.measure != MEAN or suggest_role_field(role, layer.fields)):
            profiled.append(layer.key or layer.name)
    if role.measure != MEAN:
        return profiled + _matching(role, role.layer_hints, plain)
    with_field = [layer for layer in plain if suggest_role_field(role, layer.fields)]
    named = _matching(role, role.layer_hints, with_field)
    return profiled + named + [layer.key or layer.name for layer in with_field
                               if (layer.key or layer.name) not in named and role.geometry in ("any", layer.kind)]


def _holds_whole(recognitions, feeds: Sequence[str]) -> bool:
    """Whether a recognised layer's profile feeds one of ``feeds`` with all of the layer's features."""
    fed = [profile_feed(recognitions, feed) for feed in feeds]
    return any(found is not None and found[1].selection is None for found in fed)


def suggest_role_field(role: CriterionRole, fields: Sequence[str]) -> str | None:
    """The field of a layer whose values a mean role averages (e.g. "ackerzahl"); None when none fits."""
    found = _matching(replace(role, geometry="any"), role.field_hints,
                      [LayerDescription(field, "any", (), field) for field in fields])
    return found[0] if found else None


def bind_fields(scheme: Scheme, field_names: Sequence[str],
                role_fields: Mapping[str, str | None] | None = None) -> list[str | None]:
    """For each criterion the field of the sites that holds its values, None for a role without one (not
    assessed: the missing-value rule applies).

    A role's field is given in ``role_fields`` (by criterion id) by whoever measured it; otherwise it is found among
    ``field_names`` as wip:sitecriteria names its fields: the distance to a substation layer in a ``dist_…_m``
    field whose layer name fits the role's hints. A named field the sites lack is an error."""
    missing = [c.field for c in scheme.criteria if c.role is None and c.field not in field_names]
    if missing:
        raise ScoringError(tr("Den Standorten fehlen die Felder {fields} des Schemas.").format(
            fields=", ".join(missing)))
    bound = []
    for criterion in scheme.criteria:
        role = criterion.role
        if role is None:
            bound.append(criterion.field)
        elif not role.needs_layer:
            bound.append(GEOMETRY_FIELDS[role.measure] if GEOMETRY_FIELDS[role.measure] in field_names else None)
        elif role_fields is not None:
            bound.append(role_fields.get(criterion.id))
        else:
            measured = {name: field for field in field_names
                        if (name := measured_name(role.measure, field)) is not None}
            hints = role.field_hints if role.measure == MEAN else role.layer_hints
            # the geometry of a measured layer is no longer known: any kind fits
            found = _matching(replace(role, geometry="any"), hints,
                              [LayerDescription(name, "any", (), field) for name, field in measured.items()])
            bound.append(found[0] if found else None)
    return bound


def shipped_schemes() -> dict[str, Path]:
    """The example Bewertungsschemata that ship with the plugin: id (file name without .json) → path."""
    return {path.stem: path for path in sorted(SCHEME_DIR.glob("*.json"))}


def _numbers(reader: JsonReader, key: str) -> list[float]:
    values = reader.get(key, list)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        reader.fail(key, tr("Liste von Zahlen erwartet"))
    return [float(v) for v in values]


# -- robustness of the ranking ------------------------------------------------------------------------------------

@dataclass
class Sensitivity:
    mean_rank: np.ndarray  # per site, over the Monte-Carlo runs
    rank_p05: np.ndarray
    rank_p95: np.ndarray
    top_probability: np.ndarray  # share of runs in which the site is among the best ``top_k``
    influence: np.ndarray  # per criterion: mean absolute rank change when its weight alone moves by ± spread


def sensitivity(utility: np.ndarray, weights, method: str = WLC, missing: str = MISSING_WORST, runs: int = 500,
                spread: float = 0.2, top_k: int = 5, seed: int = 1) -> Sensitivity:
    """How robust the ranking is to the weights: ``runs`` Monte-Carlo draws that multiply every weight by a
    log-normal factor (σ = ``spread``), and one-at-a-time changes of each weight by ± ``spread``. Seeded, so a run
    can be repeated."""
    if runs < 1 or not 0 < spread < 1 or top_k < 1:
        raise ScoringError(tr("Läufe ≥ 1, Streuung zwischen 0 und 1 und k ≥ 1 nötig."))
    w = normalised_weights(weights)
    base = score(utility, w, method, missing).rank
    rng = np.random.default_rng(seed)
    ranks = np.empty((runs, len(base)), dtype=int)
    for run, factors in enumerate(np.exp(rng.normal(0.0, spread, (runs, len(w))))):
        ranks[run] = score(utility, w * factors, method, missing).rank
    valid = ranks > 0
    with np.errstate(invalid="ignore"):
        mean_rank = np.where(valid.any(axis=0), np.nanmean(np.where(valid, ranks, np.nan), axis=0), np.nan)
    p05, p95 = np.nanpercentile(np.where(valid, ranks, np.nan), [5, 95], axis=0) if len(base) else ([], [])
    top = (valid & (ranks <= top_k)).mean(axis=0)
    influence = np.zeros(len(w))
    for k in range(len(w)):
        for sign in (-1.0, 1.0):
            changed = w.copy()
            changed[k] *= 1.0 + sign * spread
            influence[k] += np.abs(score(utility, changed, method, missing).rank - base).mean() / 2.0
    return Sensitivity(mean_rank, np.asarray(p05), np.asarray(p95), top, influence)
