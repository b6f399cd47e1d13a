"""Flächenkulisse: the land of each study area that a criteria catalog leaves eligible, with the audit trail.

For every criterion the engine builds its zone once (features within reach of the study areas, filtered, buffered
by the criterion's distance and unioned; for the rule "outside" the host features shrunk by the distance, whose
complement is the zone). Each study area is then cut by all zone boundaries at once into faces (one noding and
polygonization), and a point-in-zone test per face tells which criteria cover it. Faces with the same criteria are
merged into the excluded pieces of the audit trail; the rest is eligible, split into contiguous patches (those
below the minimum size are excluded for that reason) and annotated with the soft, weighing and privileged criteria
that apply. Everything is vectorised with shapely 2; no pairwise overlay chain is needed.
"""
from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable, Mapping
from concurrent.futures import as_completed
from dataclasses import dataclass, field

from .catalog import DEFAULT_TURBINE, HARD, OUTSIDE, SOFT, Catalog, Criterion, TurbineGeometry, type_label
from .i18n import tr
from .lazy import lazy_module
from .parallel import in_parallel, thread_pool
from .site_criteria import compactness
from .targets import normalise_ags, targets_note, wind_targets_for

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")
csgraph = lazy_module("scipy.sparse.csgraph")
sparse = lazy_module("scipy.sparse")
spatial = lazy_module("scipy.spatial")

GRID = 0.001  # 1 mm: zones and study areas are snapped to it, so nearly coincident edges meet exactly
# A buffer's arcs are chords between points on the true circle: its edge lies up to d·(1 − cos(π/(4·segments)))
# inside the distance d. GEOS's 8 segments per quarter circle leave 4.8 m at 1,000 m, which on a district adds 0.8 %
# to the eligible land; enough segments keep every zone within ARC_TOLERANCE of its distance.
ARC_TOLERANCE = 0.5  # metres
MIN_QUAD_SEGS = 8
SLIVER_M2 = 0.01  # pieces below this are overlay noise, not land
MIN_AREA_ID = "_min_area"  # the pseudo-criterion of pieces below the minimum contiguous area
CHUNK = 4000  # features per spatially coherent chunk of a zone's union
FEW = 16  # clusters of up to so many geometries are unioned as rows of a table, by an overlay (faces of a coverage:
# GEOS 3.11's coverage union takes 3× as long for 2–13 of them)
SECTORS = 64  # directions around a feature checked for cover by its neighbours (one bit each of a uint64)
PAIRS_AT_ONCE = 1 << 16  # neighbour pairs whose cover is computed together
# metres: the first round of pruning asks neighbours this near; each further round, among the fewer left, twice as
# far (more pairs cost more than they save), up to half the distance
COVER_REACH = 100.0
COVER_MARGIN = 1e-6  # share of the distance kept free of rounding when a neighbour's buffer is said to cover
# column of a criterion's features: True for those of a layer assigned without the filter field, which count whole
WHOLE_LAYER = "_whole_layer"


class EligibilityError(ValueError):
    """Input the analysis cannot work with; the message says what and where."""


class EligibilityCancelled(Exception):  # noqa: N818 - a cancellation, not an error
    pass


@dataclass
class EligibilityResult:
    eligible: gpd.GeoDataFrame  # one row per eligible piece with the annotations that apply to it
    excluded: gpd.GeoDataFrame  # one row per excluded piece with the criteria that exclude it
    summary: pd.DataFrame  # the area balance per study area, criterion and target
    messages: list[str] = field(default_factory=list)


@dataclass
class _Zone:
    """A criterion's land, on the grid: the union of its buffered features, or for the rule "outside" the union of
    the host features shrunk by the distance, whose complement is the criterion's land."""

    criterion: Criterion
    distance: float
    land: object
    hosts: np.ndarray | None = None  # outside rule with a cover limit: the host features, for the limit
    without_layer: bool = False  # outside rule, hard, without a layer: no host is known, so no land is eligible

    def __post_init__(self):
        shapely.prepare(self.land)

    def covers(self, points: np.ndarray) -> np.ndarray:
        """Whether each point lies on the criterion's land."""
        inside = shapely.contains(self.land, points) if not shapely.is_empty(self.land) else \
            np.zeros(len(points), dtype=bool)
        return ~inside if self.criterion.rule == OUTSIDE else inside


def on_grid(geometry):
    """``geometry`` (on GEOS's default factory; or each of an array) with its coordinates snapped to GRID: rounded,
    which is all that edges of different zones need to meet, and a fifth of the work of GEOS's snap-rounding; only
    where rounding leaves it invalid (parts or edges within a millimetre) snap-rounded by set_precision. That gives
    a geometry a factory of its own, which every geometry made from it shares; GEOS counts a factory's references
    without a lock, so threads making geometries from the same zone or study area would corrupt memory: it goes
    back to the default one."""
    rounded = shapely.transform(geometry, lambda coordinates: np.round(coordinates / GRID) * GRID)
    invalid = ~shapely.is_valid(rounded) & ~shapely.is_missing(rounded)
    if not np.any(invalid):
        return rounded
    if np.ndim(geometry) == 0:
        return shapely.from_wkb(shapely.to_wkb(shapely.set_precision(geometry, GRID)))
    rounded[invalid] = shapely.from_wkb(shapely.to_wkb(shapely.set_precision(geometry[invalid], GRID)))
    return rounded


def compute_eligibility(study: gpd.GeoDataFrame, constraints: Mapping[str, gpd.GeoDataFrame], catalog: Catalog, *,
                        study_id_field: str | None = None, turbine: TurbineGeometry = DEFAULT_TURBINE,
                        distance_overrides: Mapping[str, float] | None = None, min_area_ha: float = 0.0,
                        soft_excludes: bool = True, layer_names: Mapping[str, str] | None = None,
                        progress: Callable[[float], None] | None = None,
                        is_cancelled: Callable[[], bool] | None = None) -> EligibilityResult:
    """Eligible and excluded land of each study area under ``catalog``.

    ``constraints`` maps criterion ids to their features (all in the study's projected CRS); criteria without
    features are reported as not checked. ``distance_overrides`` replaces catalog distances (metres). Inputs are
    not modified.
    """
    progress = progress or (lambda _value: None)
    is_cancelled = is_cancelled or (lambda: False)
    distance_overrides = dict(distance_overrides or {})
    layer_names = dict(layer_names or {})
    messages: list[str] = []
    _check_crs(study, tr("Untersuchungsgebiet"))
    if min_area_ha < 0 or not math.isfinite(min_area_ha):
        raise EligibilityError(tr("Die Mindestgröße muss eine Fläche ≥ 0 ha sein."))
    unknown = sorted(set(constraints) - set(catalog.criterion_ids()))
    if unknown:
        raise EligibilityError(tr("Kriterien {ids} gibt es im Katalog „{catalog}“ nicht.").format(
            ids=", ".join(unknown), catalog=catalog.id))
    _check_distances(distance_overrides)
    ids, areas = _study_areas(study, study_id_field, messages)

    mapped = [c for c in catalog.criteria if c.id in constraints]
    notes: dict[str, list[str]] = {c.id: [] for c in mapped}
    distances = {c.id: distance_overrides.get(c.id, c.distance.resolve(turbine)) for c in mapped}
    zones = _zones([(c, distances[c.id]) for c in mapped], constraints, areas, notes, progress, is_cancelled)
    messages += [note for c in mapped for note in notes[c.id]]
    hostless = _hostless(catalog, constraints, messages)
    zones += [_Zone(c, distance_overrides.get(c.id, c.distance.resolve(turbine)), shapely.Polygon(),
                    without_layer=True) for c in hostless]
    for criterion in catalog.criteria:
        if criterion.id not in constraints and criterion not in hostless:
            messages.append(tr("{criterion}: keine Ebene zugeordnet – nicht geprüft.").format(
                criterion=criterion.label_text()))

    excludes = np.array([z.criterion.excludes(soft_excludes) for z in zones], dtype=bool)
    eligible_rows, excluded_rows, summary_rows = [], [], []
    for number, (study_id, area) in enumerate(zip(ids, areas)):
        if is_cancelled():
            raise EligibilityCancelled()
        land = _classify(area, zones, excludes, min_area_ha * 1e4)
        excluded_rows += _excluded_rows(study_id, land.pieces, catalog, min_area_ha)
        eligible_rows += _eligible_rows(study_id, land.patches, land.annotations, catalog, zones)
        summary_rows += _summary_rows(study_id, area, land, zones, catalog, layer_names, min_area_ha)
        progress(60.0 + 40.0 * (number + 1) / len(ids))

    crs = study.crs
    eligible = gpd.GeoDataFrame(pd.DataFrame(eligible_rows, columns=ELIGIBLE_COLUMNS + ["geometry"]),
                                geometry="geometry", crs=crs)
    excluded = gpd.GeoDataFrame(pd.DataFrame(excluded_rows, columns=EXCLUDED_COLUMNS + ["geometry"]),
                                geometry="geometry", crs=crs)
    summary = pd.DataFrame(summary_rows, columns=SUMMARY_COLUMNS)
    summary["reached"] = summary["reached"].astype("boolean")
    for column in ("area_id",):
        eligible[column] = eligible[column].astype("int64")
    return EligibilityResult(eligible, excluded, summary, messages)


# catalog: the title of the criteria catalog, so that eligible land keeps its technology wherever it goes
ELIGIBLE_COLUMNS = ["study_id", "area_id", "area_ha", "patch_ha", "compactness", "soft", "weighing", "privileged",
                    "notes", "cover_limit_ha", "catalog"]
# exclusion_type: the strongest type that excludes a piece (hard before soft before the minimum size), for maps
EXCLUDED_COLUMNS = ["study_id", "criteria", "types", "exclusion_type", "labels", "legal_basis", "sources",
                    "area_ha"]
EXCLUSION_TYPES = (HARD, SOFT, "min_area")
SUMMARY_COLUMNS = ["study_id", "kind", "item", "label", "type", "legal_basis", "status", "distance_m", "layer",
                   "area_ha", "only_ha", "eligible_ha", "share_pct", "target_pct", "target_ha", "reached", "note"]


# -- robustness over criteria variants -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CriteriaVariant:
    """A variant of the catalog as set: other distances for some criteria, some criteria left out, soft criteria
    excluding or not."""

    name: str
    distances: Mapping[str, float] = field(default_factory=dict)
    off: frozenset = frozenset()
    soft_excludes: bool = True

    def changes(self, catalog: Catalog) -> str:
        parts = [f"{catalog.criterion(cid).label_text()}: {metres:g} m" for cid, metres in self.distances.items()]
        parts += [tr("{criterion}: aus").format(criterion=catalog.criterion(cid).label_text()) for cid in self.off]
        if not self.soft_excludes:
            parts.append(tr("weiche Kriterien schließen nicht aus"))
        return "; ".join(parts) or tr("wie im Katalog")


@dataclass
class RobustnessResult:
    pieces: gpd.GeoDataFrame  # the land eligible in at least one variant, per set of variants that keep it
    summary: pd.DataFrame  # per study area: each variant's eligible land, and the land per number of variants
    messages: list[str] = field(default_factory=list)


ROBUSTNESS_COLUMNS = ["study_id", "kept", "kept_pct", "variants", "area_ha"]
ROBUSTNESS_SUMMARY_COLUMNS = ["study_id", "kind", "item", "description", "area_ha", "share_pct"]


def compute_robustness(study: gpd.GeoDataFrame, constraints: Mapping[str, gpd.GeoDataFrame], catalog: Catalog,
                       variants: list[CriteriaVariant], *, study_id_field: str | None = None,
                       turbine: TurbineGeometry = DEFAULT_TURBINE, min_area_ha: float = 0.0,
                       progress: Callable[[float], None] | None = None,
                       is_cancelled: Callable[[], bool] | None = None) -> RobustnessResult:
    """How many of the ``variants`` keep each piece of each study area eligible.

    Each criterion's zone is built once per distance any variant asks for, and each study area is cut once by all
    zones; a variant then only decides which zones exclude. Per variant the land is what ``compute_eligibility``
    gives for it (minimum size included)."""
    progress = progress or (lambda _value: None)
    is_cancelled = is_cancelled or (lambda: False)
    _check_crs(study, tr("Untersuchungsgebiet"))
    if not variants:
        raise EligibilityError(tr("Es gibt keine Variante zu vergleichen."))
    names = [variant.name for variant in variants]
    if len(set(names)) < len(names):
        raise EligibilityError(tr("Jede Variante braucht einen eigenen Namen."))
    for variant in variants:
        for criterion_id in set(variant.distances) | set(variant.off):
            if criterion_id not in catalog.criterion_ids():
                raise EligibilityError(tr("Variante „{variant}“: Kriterium „{criterion}“ gibt es im Katalog "
                                          "„{catalog}“ nicht.").format(variant=variant.name, criterion=criterion_id,
                                                                      catalog=catalog.id))
        _check_distances(variant.distances)
    messages: list[str] = []
    ids, areas = _study_areas(study, study_id_field, messages)
    mapped = [c for c in catalog.criteria if c.id in constraints]
    pairs: dict[tuple[str, float], int] = {}
    columns = []  # per variant: the zones that exclude in it
    for variant in variants:
        active = []
        for criterion in mapped:
            if criterion.id in variant.off or not criterion.excludes(variant.soft_excludes):
                continue
            distance = float(variant.distances.get(criterion.id, criterion.distance.resolve(turbine)))
            active.append(pairs.setdefault((criterion.id, distance), len(pairs)))
        columns.append(np.array(active, dtype=int))
    by_id = {c.id: c for c in mapped}
    notes: dict[str, list[str]] = {c.id: [] for c in mapped}
    zones = _zones([(by_id[cid], distance) for cid, distance in pairs], constraints, areas, notes, progress,
                   is_cancelled)
    messages += list(dict.fromkeys(note for c in mapped for note in notes[c.id]))
    for criterion in _hostless(catalog, constraints, messages):  # excludes all in every variant that keeps it
        zones.append(_Zone(criterion, criterion.distance.resolve(turbine), shapely.Polygon(), without_layer=True))
        columns = [np.append(active, len(zones) - 1) if criterion.id not in variant.off else active
                   for variant, active in zip(variants, columns)]

    piece_rows, summary_rows = [], []
    for number, (study_id, area) in enumerate(zip(ids, areas)):
        if is_cancelled():
            raise EligibilityCancelled()
        faces, member = _arrangement(area, zones)
        face_m2 = shapely.area(faces)
        kept = np.zeros((len(faces), len(variants)), dtype=bool)
        for index, active in enumerate(columns):
            free = ~member[:, active].any(axis=1)
            if min_area_ha > 0 and free.any():
                patches, _small = _patches(_union(faces[free]), min_area_ha * 1e4)
                free[np.flatnonzero(free)[_locate(faces[free], patches) < 0]] = False
            kept[:, index] = free
        area_ha = float(shapely.area(area)) / 1e4
        for index, variant in enumerate(variants):
            eligible_ha = float(face_m2[kept[:, index]].sum()) / 1e4
            summary_rows.append([study_id, "variant", variant.name, variant.changes(catalog), eligible_ha,
                                 100.0 * eligible_ha / area_ha if area_ha else 0.0])
        count = kept.sum(axis=1)
        for kept_by in range(len(variants), 0, -1):
            class_ha = float(face_m2[count == kept_by].sum()) / 1e4
            summary_rows.append([study_id, "robustness", str(kept_by),
                                 tr("in {kept} von {total} Varianten geeignet").format(kept=kept_by,
                                                                                      total=len(variants)),
                                 class_ha, 100.0 * class_ha / area_ha if area_ha else 0.0])
        somewhere = count > 0
        for key, shape in _dissolve(faces[somewhere], kept[somewhere], names).items():
            chosen = [name for name in names if name in key]
            piece_rows.append([study_id, len(chosen), 100.0 * len(chosen) / len(variants), ", ".join(chosen),
                               float(shapely.area(shape)) / 1e4, shape])
        progress(60.0 + 40.0 * (number + 1) / len(ids))
    pieces = gpd.GeoDataFrame(pd.DataFrame(piece_rows, columns=ROBUSTNESS_COLUMNS + ["geometry"]),
                              geometry="geometry", crs=study.crs)
    pieces["kept"] = pieces["kept"].astype("int64")
    pieces = pieces.sort_values(["study_id", "kept"], ascending=[True, False], kind="stable").reset_index(drop=True)
    return RobustnessResult(pieces, pd.DataFrame(summary_rows, columns=ROBUSTNESS_SUMMARY_COLUMNS), messages)


# -- input ---------------------------------------------------------------------------------------------------------

def _hostless(catalog: Catalog, constraints: Mapping, messages: list[str]) -> list[Criterion]:
    """The hard criteria whose features the land must lie on (rule "outside") that have no layer: no host is
    known, so no land is eligible under them (the whole area would be a plausible-looking wrong answer)."""
    hostless = [c for c in catalog.criteria if c.id not in constraints and c.rule == OUTSIDE and c.type == HARD]
    messages += [tr("{criterion}: keine Ebene zugeordnet – geeignet ist nur Fläche auf ihren Objekten, ohne sie "
                    "keine.").format(criterion=c.label_text()) for c in hostless]
    return hostless


def _check_distances(distances: Mapping[str, float]) -> None:
    for criterion_id, metres in distances.items():
        if not math.isfinite(metres) or metres < 0:
            raise EligibilityError(tr("Abstand für „{criterion}“ muss ≥ 0 m sein, nicht {value}.").format(
                criterion=criterion_id, value=metres))


def _check_crs(frame: gpd.GeoDataFrame, what: str) -> None:
    if frame.crs is not None and frame.crs.is_geographic:
        raise EligibilityError(tr("{what}: geografisches KBS ({crs}); Abstände und Flächen brauchen ein projiziertes "
                                  "KBS wie EPSG:25832.").format(what=what, crs=frame.crs.to_string()))


def polygonal(geometries: np.ndarray) -> np.ndarray:
    """Valid polygonal geometries (repaired, collections reduced to their polygons); None where nothing is left."""
    geometries = np.asarray(geometries, dtype=object).copy()
    present = ~shapely.is_missing(geometries)
    invalid = present & ~shapely.is_valid(np.where(present, geometries, None))
    geometries[invalid] = shapely.make_valid(geometries[invalid])
    kinds = shapely.get_type_id(geometries)
    out = np.where(np.isin(kinds, (3, 6)), geometries, None)
    for index in np.flatnonzero(kinds == 7):  # a collection (repairing may give one): its polygons
        polygons = [p for p in shapely.get_parts(geometries[index]) if shapely.get_type_id(p) in (3, 6)]
        out[index] = shapely.union_all(polygons) if polygons else None
    out[shapely.is_empty(out)] = None
    return out


def _study_areas(study: gpd.GeoDataFrame, id_field: str | None, messages: list[str]):
    if len(study) == 0:
        raise EligibilityError(tr("Das Untersuchungsgebiet enthält keine Objekte."))
    if id_field and id_field not in study.columns:
        raise EligibilityError(tr("Dem Untersuchungsgebiet fehlt das Feld „{field}“.").format(field=id_field))
    raw = np.asarray(study.geometry.values, dtype=object)
    kinds = set(shapely.get_type_id(raw[~shapely.is_missing(raw)]).tolist())
    if kinds and not kinds & {3, 6, 7}:
        raise EligibilityError(tr("Das Untersuchungsgebiet muss aus Flächen bestehen, nicht aus Linien oder "
                                  "Punkten."))
    geometries = polygonal(raw)
    skipped = int(sum(g is None for g in geometries))
    if skipped == len(geometries):
        raise EligibilityError(tr("Das Untersuchungsgebiet enthält keine gültige Fläche."))
    if skipped:
        messages.append(tr("{count} Objekt(e) des Untersuchungsgebiets ohne Fläche übersprungen.").format(
            count=skipped))
    keys = [str(value) if id_field and value is not None and not pd.isna(value) else str(index + 1)
            for index, value in enumerate(study[id_field] if id_field else range(len(study)))]
    grouped: dict[str, list] = {}
    for key, geometry in zip(keys, geometries):
        if geometry is not None:
            grouped.setdefault(key, []).append(geometry)
    areas = [on_grid(shapely.union_all(parts)) for parts in grouped.values()]
    shapely.prepare(areas)  # here, once: preparing a geometry that several threads read is not thread-safe
    return list(grouped), areas


def _zones(pairs: list[tuple[Criterion, float]], constraints: Mapping[str, gpd.GeoDataFrame], areas: list,
           notes: dict, progress, is_cancelled) -> list[_Zone]:
    """The zone of each (criterion, distance) pair, in their order; candidates and zones are built on all cores
    (they are independent), progress (to 60 %) and cancelling are handled in the caller's thread."""
    for frame in {id(frame): frame for frame in constraints.values()}.values():
        # every feature's envelope computed once, here: GEOS < 3.12 computes and keeps it on first use, which races
        # when threads read the same feature (one protected-area layer feeds several criteria)
        shapely.bounds(np.asarray(frame.geometry.values, dtype=object))
    candidates = in_parallel(lambda pair: _candidates(*pair, constraints[pair[0].id], areas, notes[pair[0].id]),
                              pairs)
    # the zones of most features (a union's work grows with their number) first, so that no core is left with a
    # large zone at the end while the others idle
    largest_first = sorted(range(len(pairs)), key=lambda index: -len(candidates[index]))
    with thread_pool() as pool:
        futures = {pool.submit(_zone, *pairs[index], candidates[index], notes[pairs[index][0].id]): index
                   for index in largest_first}
        for number, future in enumerate(as_completed(futures)):
            future.result()  # a criterion's input error stops the run at once
            if is_cancelled():
                for waiting in futures:
                    waiting.cancel()
                raise EligibilityCancelled()
            progress(60.0 * (number + 1) / len(pairs))
    by_index = {index: future.result() for future, index in futures.items()}
    return [by_index[index] for index in range(len(pairs))]


def _candidates(criterion: Criterion, distance: float, features: gpd.GeoDataFrame, areas: list,
                messages: list[str]) -> np.ndarray:
    """The criterion's features that pass its filter and whose zone can reach a study area, repaired (safe to run
    in a thread: the features' envelopes are known, and it tests copies of the study areas of its own, since GEOS
    builds a prepared geometry's indexes on first use)."""
    label = criterion.label_text()
    _check_crs(features, label)
    selected = features
    if criterion.attribute_filter is not None:
        column = criterion.attribute_filter.field
        whole = features[WHOLE_LAYER].to_numpy(dtype=bool) if WHOLE_LAYER in features.columns else None
        if column not in features.columns and whole is None:
            raise EligibilityError(tr("{criterion}: der Ebene fehlt das Feld „{field}“ (Filter {filter}).").format(
                criterion=label, field=column, filter=criterion.attribute_filter.describe()))
        passes = criterion.attribute_filter.mask(features[column]) if column in features.columns else \
            np.zeros(len(features), dtype=bool)
        selected = features[passes | whole if whole is not None else passes]
    if criterion.min_feature_ha is not None:
        selected = selected[selected.geometry.area.to_numpy() >= criterion.min_feature_ha * 1e4]
    geometries = np.asarray(selected.geometry.values, dtype=object)
    geometries = geometries[~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)]
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
        messages.append(tr("{criterion}: {count} ungültige Geometrie(n) repariert.").format(
            criterion=label, count=int(invalid.sum())))
    if len(geometries) == 0:
        messages.append(tr("{criterion}: die Ebene enthält keine passenden Objekte.").format(criterion=label))
    own_areas = shapely.from_wkb(shapely.to_wkb(areas))
    shapely.prepare(own_areas)
    return geometries[_near(geometries, own_areas, distance if criterion.rule != OUTSIDE else 0.0)]


def _zone(criterion: Criterion, distance: float, geometries: np.ndarray, messages: list[str]) -> _Zone:
    """The criterion's land from its candidate features: buffered and unioned (safe to run in a thread)."""
    label = criterion.label_text()
    if criterion.rule == OUTSIDE:
        hosts = polygonal(geometries)
        hosts = hosts[hosts != None]  # noqa: E711 - element-wise on an object array
        if len(geometries) and not len(hosts):
            raise EligibilityError(tr("{criterion}: die Regel verlangt Flächen, die Ebene enthält keine.").format(
                criterion=label))
        return _Zone(criterion, distance, _union_of_buffers(hosts, -distance),
                     hosts if criterion.max_cover_share else None)
    if distance > 0:
        return _Zone(criterion, distance, _union_of_buffers(geometries, distance))
    shapes = polygonal(geometries)
    dropped = int(sum(g is None for g in shapes))
    if dropped:
        messages.append(tr("{criterion}: {count} Linien/Punkte ohne Abstand haben keine Fläche und bleiben "
                           "unberücksichtigt.").format(criterion=label, count=dropped))
    return _Zone(criterion, distance, _union_of_buffers(shapes[shapes != None], 0.0))  # noqa: E711 - element-wise


def quad_segs(distance: float) -> int:
    """Segments per quarter circle of a buffer by ``distance`` (or a shrinking by it) whose chords lie at most
    ARC_TOLERANCE inside the true distance: a power of two, so that a buffer by a larger distance always holds the
    one by a smaller (its vertices include the smaller one's directions), and a larger distance never adds land."""
    distance = abs(distance)
    needed = math.pi / (4 * math.acos(1 - ARC_TOLERANCE / distance)) if distance > ARC_TOLERANCE else 1
    return max(MIN_QUAD_SEGS, 2 ** math.ceil(math.log2(needed)))


def _near(geometries: np.ndarray, areas: list, reach: float) -> np.ndarray:
    """Indices of the features within ``reach`` of a study area. Bounding boxes and prepared intersects tests settle
    almost all of them: with the area itself, with its buffer (whose arcs are chords inside the true distance) and
    with a buffer widened by the chords' error; only features between the two buffers need the costly distance."""
    if not len(geometries):
        return np.array([], dtype=np.int64)
    tree = shapely.STRtree(geometries)
    found = []
    for area in areas:
        minx, miny, maxx, maxy = shapely.bounds(area)
        candidates = tree.query(shapely.box(minx - reach, miny - reach, maxx + reach, maxy + reach))
        inside = shapely.intersects(area, geometries[candidates])
        rest = candidates[~inside]
        if reach > 0 and len(rest):
            segments = quad_segs(reach)
            within, beyond = (shapely.buffer(area, reach * factor, quad_segs=segments)
                              for factor in (1.0, 1.0 / math.cos(math.pi / (4 * segments))))
            shapely.prepare([within, beyond])
            sure = shapely.intersects(within, geometries[rest])
            unsure = rest[~sure & shapely.intersects(beyond, geometries[rest])]
            found += [rest[sure], unsure[shapely.dwithin(geometries[unsure], area, reach)]]
        elif len(rest):
            found.append(rest[shapely.dwithin(geometries[rest], area, reach)])
        found.append(candidates[inside])
    return np.unique(np.concatenate(found))


def _union_of_buffers(geometries: np.ndarray, distance: float):
    """The union of the geometries buffered by ``distance`` (none when 0, shrunk when negative), on the grid.

    Features whose buffers' boxes (grown by GRID, so that snapping cannot make them meet) do not meet, directly or
    through others, are unioned and snapped apart: the unions of such groups are disjoint and together make one
    multi-polygon as they are, and a union's work grows faster than its input. Groups of up to FEW features (most of
    them) are unioned as rows of a table; a group of more than CHUNK is ordered along x-strips and unioned in chunks
    that are merged afterwards: neighbours meet early. All is buffered and unioned on all cores (shapely releases
    the GIL), the largest groups first."""
    def buffered(features):
        return shapely.buffer(features, distance, quad_segs=quad_segs(distance)) if distance else features

    def union(item):
        _group, features, whole = item
        merged = shapely.union_all(buffered(features))
        return on_grid(merged) if whole else merged

    if not len(geometries):
        return shapely.MultiPolygon()
    reach = COVER_REACH
    while distance > 0 and len(geometries) > CHUNK:  # another round, farther out, finds more among the fewer left
        covered = _covered_by_neighbours(geometries, distance, min(distance / 2, reach))
        geometries = geometries[~covered]
        if covered.sum() < 0.05 * (len(geometries) + covered.sum()):
            break
        reach *= 2
    bounds = shapely.bounds(geometries) + (max(distance, 0.0) + GRID) * np.array([-1.0, -1.0, 1.0, 1.0])
    groups = _Clusters.of(_touching_clusters(shapely.box(*bounds.T), np.zeros(len(geometries), dtype=np.int64)))
    few = groups.sizes <= FEW
    unions = [_row_unions(groups.table(geometries, few), lambda rows: on_grid(shapely.union_all(buffered(rows),
                                                                                               axis=1)))]
    work = []  # (group, features, whether they are the whole group): a larger group, or a chunk of a very large one
    for number in np.flatnonzero(~few):
        members = geometries[groups.members(number)]
        if len(members) > CHUNK:
            centres = shapely.centroid(members)
            strip = np.floor(shapely.get_x(centres) / max(abs(distance) * 5, 1000.0))
            ordered = members[np.lexsort((shapely.get_y(centres), strip))]
            work += [(number, chunk, False) for chunk in np.array_split(ordered, math.ceil(len(ordered) / CHUNK))]
        else:
            work.append((number, members, True))
    work.sort(key=lambda item: -len(item[1]))
    chunks_of: dict[int, list] = {}
    for (number, _features, _whole), merged in zip(work, in_parallel(union, work)):
        chunks_of.setdefault(number, []).append(merged)
    unions.append([chunks[0] if len(chunks) == 1 else on_grid(shapely.union_all(chunks))
                   for chunks in chunks_of.values()])
    parts = shapely.get_parts(np.concatenate(unions))
    return shapely.multipolygons(parts[~shapely.is_empty(parts)])


def _covered_by_neighbours(geometries: np.ndarray, distance: float, reach: float) -> np.ndarray:
    """Which geometries (none empty) have a buffer that lies wholly inside the buffers of their neighbours within
    ``reach`` (box centre to a point of the neighbour, at most half the distance): those can be left out of the union
    without changing it (in a village, a 1,000 m zone around every house is drawn by the outer houses).

    Each geometry lies within ``spread`` (its farthest vertex) of its box centre, so its buffer lies in the disc of
    radius ``distance + spread`` around that centre, and a neighbour's buffer (GEOS approximates the arcs by chords
    from inside) holds the disc of radius ``distance·cos(π/(4·segments))`` around any point of the neighbour. A
    neighbour whose disc holds the centre and the end of a ray from it holds the whole ray (a disc is convex), so it
    covers a sector of directions; a geometry is covered when those sectors close the circle. Only neighbours of a
    higher rank count: a chain of covers then ends at a geometry that is kept, so nothing is lost."""
    bounds = shapely.bounds(geometries)
    x, y = (bounds[:, 0] + bounds[:, 2]) / 2, (bounds[:, 1] + bounds[:, 3]) / 2
    vertices, owner = shapely.get_coordinates(geometries, return_index=True)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    spread = np.maximum.reduceat(np.hypot(vertices[:, 0] - x[owner], vertices[:, 1] - y[owner]), starts)
    anchor = vertices[starts]  # a point of each geometry: its first vertex
    outer = distance + spread
    inner = distance * math.cos(math.pi / (4 * quad_segs(distance))) - COVER_MARGIN * distance
    pairs = spatial.cKDTree(np.column_stack([x, y])).query_pairs(reach, output_type="ndarray")
    rank = np.random.default_rng(0).permutation(len(geometries))  # any strict order; random spreads the coverers
    width, runs = 2 * np.pi / SECTORS, _sector_runs()
    closed = np.zeros(len(geometries), dtype=np.uint64)
    for begin in range(0, len(pairs), PAIRS_AT_ONCE):  # in blocks whose arrays stay in the cache
        near, far = pairs[begin:begin + PAIRS_AT_ONCE].T
        lower = rank[near] < rank[far]
        own, other = np.where(lower, near, far), np.where(lower, far, near)  # the higher of each pair may cover
        dx, dy = anchor[other, 0] - x[own], anchor[other, 1] - y[own]
        gap = np.sqrt(dx * dx + dy * dy)
        reaches = outer[own]
        with np.errstate(divide="ignore", invalid="ignore"):
            cosine = (reaches * reaches + gap * gap - inner * inner) / (2 * reaches * gap)
        useful = (gap > 0) & (gap < inner) & (cosine < 1)
        own, dx, dy, cosine = own[useful], dx[useful], dy[useful], cosine[useful]
        direction, half = np.arctan2(dy, dx), np.arccos(np.clip(cosine, -1, 1))
        first = np.ceil((direction - half) / width).astype(np.int64)  # the sectors first … last−1 lie inside
        count = np.clip(np.floor((direction + half) / width).astype(np.int64) - first, 0, SECTORS)
        np.bitwise_or.at(closed, own, runs[np.mod(first, SECTORS), count])
    return closed == np.uint64(2 ** SECTORS - 1)


@functools.cache
def _sector_runs() -> np.ndarray:
    """The bits of ``count`` consecutive sectors from sector ``start`` on (around the circle) at [start, count]."""
    full = (1 << SECTORS) - 1
    return np.array([[((((1 << count) - 1) << start) | (((1 << count) - 1) >> (SECTORS - start))) & full
                      for count in range(SECTORS + 1)] for start in range(SECTORS)], dtype=np.uint64)


# -- overlay -------------------------------------------------------------------------------------------------------

def _arrangement(area, zones: list[_Zone]) -> tuple[np.ndarray, np.ndarray]:
    """``area`` cut into faces by every zone boundary, and per face which zones cover it.

    One noding of all boundaries plus a point-in-zone test per face replaces a chain of pairwise overlays: each face
    lies wholly inside or outside every zone, so its interior point decides, and the faces of one combination of
    criteria are later merged as an exact coverage. The area is noded in strips, one per core; the strips' faces
    meet exactly along the cuts (both sides clip the same segments at the same line) and are merged there too.

    The threads get geometries of their own (clipped pieces, points made from coordinates): GEOS < 3.12 caches a
    geometry's envelope on first use, which races when two threads read the same geometry."""
    minx, miny, maxx, maxy = shapely.bounds(area)
    cuts = np.linspace(minx, maxx, (os.cpu_count() or 1) + 1)
    strips = [[shapely.clip_by_rect(geometry, left, miny, right, maxy) for geometry in [area] + [z.land for z in zones]]
              for left, right in zip(cuts[:-1], cuts[1:])]
    faces = np.concatenate(in_parallel(_faces, strips))
    points = shapely.point_on_surface(faces)
    inside = shapely.contains(area, points) & (shapely.area(faces) > 0)
    faces, xy = faces[inside], shapely.get_coordinates(points[inside])
    member = np.column_stack(in_parallel(lambda zone: zone.covers(shapely.points(xy)), zones)) if zones else \
        np.zeros((len(faces), 0), dtype=bool)
    return faces, member


def _faces(pieces: list) -> np.ndarray:
    """The faces into which the boundaries of ``pieces`` (of the area and the zones, clipped to a strip) cut it."""
    lines = [shapely.boundary(piece) for piece in pieces if not shapely.is_empty(piece)]
    if not lines:
        return np.array([], dtype=object)
    noded = shapely.union_all(shapely.get_parts(lines))
    return shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))


@dataclass
class _Land:
    """A study area classified: excluded pieces by the set of excluding criteria, the eligible patches, their
    parts by patch and set of annotating criteria, and each zone's land inside the study area (m²)."""

    pieces: dict
    patches: np.ndarray
    annotations: dict
    zone_m2: dict
    on_eligible_m2: dict


def _classify(area, zones: list[_Zone], excludes: np.ndarray, min_area_m2: float) -> _Land:
    faces, member = _arrangement(area, zones)
    face_m2 = shapely.area(faces)
    ids = np.array([z.criterion.id for z in zones], dtype=object)
    free = ~member[:, excludes].any(axis=1)
    pieces = _dissolve(faces[~free], member[~free][:, excludes], ids[excludes])
    patches, too_small = _patches(_union(faces[free]), min_area_m2)
    if too_small is not None:
        pieces[frozenset([MIN_AREA_ID])] = too_small
    patch_of = _locate(faces[free], patches)
    kept = patch_of >= 0
    kept_faces, kept_member, kept_m2 = faces[free][kept], member[free][kept][:, ~excludes], face_m2[free][kept]
    return _Land(
        pieces=pieces,
        patches=patches,
        annotations=_dissolve(kept_faces, kept_member, ids[~excludes], patch_of[kept]),
        zone_m2={criterion_id: float(face_m2[member[:, j]].sum()) for j, criterion_id in enumerate(ids)},
        on_eligible_m2={criterion_id: float(kept_m2[kept_member[:, k]].sum())
                        for k, criterion_id in enumerate(ids[~excludes])})


def _union(faces: np.ndarray):
    """Faces of one arrangement merged; they form an exact coverage, which unions far faster than an overlay."""
    if not len(faces):
        return None
    try:
        merged = shapely.coverage_union_all(faces)
    except shapely.errors.GEOSException:  # a face with a self-touching ring: the general union copes
        return shapely.union_all(faces)
    # GEOS 3.12-3.13 return an inverted polygon (one self-touching ring) where faces meet at a single vertex
    return merged if shapely.is_valid(merged) else shapely.union_all(faces)


def _dissolve(faces: np.ndarray, member: np.ndarray, ids: list[str], patch_of: np.ndarray | None = None) -> dict:
    """Faces merged per combination of criteria covering them (and per patch when ``patch_of`` is given); keys are
    frozensets of criterion ids, or (patch index, frozenset) pairs.

    Most faces of a combination lie apart from the others of it (a criterion's zone cut by the others into many
    places), so only the faces whose bounding boxes chain together are unioned (a few as rows of a table, more as a
    coverage); the others are taken as they are."""
    if not len(faces):
        return {}
    combinations, group = _combinations(member, patch_of)
    clusters = _Clusters.of(_touching_clusters(faces, group))
    first = clusters.order[clusters.starts]  # a face of each cluster
    merged = faces[first].copy()
    few = (clusters.sizes > 1) & (clusters.sizes <= FEW)
    merged[few] = _row_unions(clusters.table(faces, few), lambda rows: shapely.union_all(rows, axis=1))
    many = np.flatnonzero(clusters.sizes > FEW)
    merged[many] = in_parallel(_union, [faces[clusters.members(number)] for number in many])
    by_group = np.argsort(group[first], kind="stable")
    parts, of_cluster = shapely.get_parts(merged[by_group], return_index=True)
    keys = []
    for combination in combinations:
        flags = combination if patch_of is None else combination[1:]
        key = frozenset(i for i, flag in zip(ids, flags) if flag)
        keys.append(key if patch_of is None else (int(combination[0]), key))
    # every combination has a face, so each gets its multipolygon
    return dict(zip(keys, shapely.multipolygons(parts, indices=group[first][by_group][of_cluster])))


@dataclass
class _Clusters:
    """Numbered clusters' members: their indices in the order of their clusters, each cluster's size and where its
    members start in that order."""

    sizes: np.ndarray
    order: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, cluster: np.ndarray) -> _Clusters:
        sizes = np.bincount(cluster)
        return cls(sizes, np.argsort(cluster, kind="stable"), np.cumsum(sizes) - sizes)

    def members(self, number: int) -> np.ndarray:
        return self.order[self.starts[number]:self.starts[number] + self.sizes[number]]

    def table(self, geometries: np.ndarray, chosen: np.ndarray) -> np.ndarray:
        """The geometries of the clusters ``chosen`` (a mask over the cluster numbers) as a table: a row per chosen
        cluster, in their order, filled up with None."""
        of_member = np.repeat(np.arange(len(self.sizes)), self.sizes)  # each ordered member's cluster
        taken = chosen[of_member]
        table = np.full((int(chosen.sum()), int(self.sizes[chosen].max(initial=0))), None, dtype=object)
        table[(np.cumsum(chosen) - 1)[of_member[taken]], (np.arange(len(self.order)) - self.starts[of_member])[taken]] \
            = geometries[self.order[taken]]
        return table


def _row_unions(table: np.ndarray, union_rows) -> np.ndarray:
    """``union_rows`` (rows of a table → the union of each) over all rows, in blocks of rows, one per core: a union
    of a few geometries is quick, and one call for many of them saves the calls' own cost."""
    if not len(table):
        return np.array([], dtype=object)
    return np.concatenate(in_parallel(union_rows, np.array_split(table, min(os.cpu_count() or 1, len(table)))))


def _combinations(member: np.ndarray, patch_of: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``member`` (with the patch index in front, when given), in order, and each face's row.
    Each row is compared as one string of bytes (the flags packed into bits, the patch index big-endian, so that
    bytes sort as the rows do): a tenth of the time of numpy's unique rows."""
    packed = [np.packbits(member, axis=1), np.zeros((len(member), 1), dtype=np.uint8)]  # never a row of no bytes
    if patch_of is not None:
        packed.insert(0, (patch_of + 1).astype(">u8").view(np.uint8).reshape(-1, 8))  # -1: no patch
    rows = np.ascontiguousarray(np.hstack(packed))
    _keys, first, group = np.unique(rows.view(np.dtype((np.void, rows.shape[1]))).ravel(), return_index=True,
                                    return_inverse=True)
    columns = [member] if patch_of is None else [patch_of[:, None], member]
    return np.hstack(columns).astype(np.int64)[first], group.ravel()


def _touching_clusters(geometries: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Cluster number of each geometry: geometries of the same group whose bounding boxes meet, directly or through
    others of the group, share a cluster. Clusters' boxes are apart, so their unions are disjoint."""
    left, right = shapely.STRtree(geometries).query(geometries)
    same = (left < right) & (group[left] == group[right])
    count = len(geometries)
    graph = sparse.coo_matrix((np.ones(int(same.sum()), dtype=np.int8), (left[same], right[same])),
                              shape=(count, count))
    return csgraph.connected_components(graph, directed=False)[1]


def _locate(faces: np.ndarray, patches: np.ndarray) -> np.ndarray:
    """Index of the patch each face belongs to, -1 for faces of no patch (those below the minimum size)."""
    patch_of = np.full(len(faces), -1)
    if len(faces) and len(patches):
        pairs = shapely.STRtree(patches).query(shapely.point_on_surface(faces), predicate="within")
        patch_of[pairs[0]] = pairs[1]
    return patch_of


def _patches(eligible, min_area_m2: float):
    """The contiguous eligible areas, largest first, and the union of those below the minimum size (or None)."""
    if eligible is None:
        return np.array([], dtype=object), None
    parts = shapely.get_parts(eligible)
    parts = parts[shapely.area(parts) > SLIVER_M2]
    parts = parts[np.argsort(-shapely.area(parts), kind="stable")]
    small = shapely.area(parts) < min_area_m2
    return parts[~small], (shapely.multipolygons(parts[small]) if small.any() else None)


# -- output rows ---------------------------------------------------------------------------------------------------

def _ordered(catalog: Catalog, ids) -> list[Criterion]:
    return [c for c in catalog.criteria if c.id in ids]


def _excluded_rows(study_id: str, pieces: dict, catalog: Catalog, min_area_ha: float) -> list[list]:
    rows = []
    for key, geometry in pieces.items():
        criteria = _ordered(catalog, key)
        ids = [c.id for c in criteria]
        types = [c.type for c in criteria]
        labels = [c.label_text() for c in criteria]
        legal = [c.legal_basis for c in criteria]
        sources = [c.source for c in criteria]
        if MIN_AREA_ID in key:
            ids.append(MIN_AREA_ID)
            types.append("min_area")
            labels.append(tr("zusammenhängende Fläche kleiner als {value:g} ha").format(value=min_area_ha))
            legal.append(tr("Planungsentscheidung (Mindestgröße)"))
            sources.append("")
        parts = shapely.get_parts(geometry)
        areas = shapely.area(parts)
        kept = areas > SLIVER_M2
        if not kept.any():
            continue
        texts = [study_id, ", ".join(ids), ", ".join(types), next(kind for kind in EXCLUSION_TYPES if kind in types),
                 "; ".join(labels), "; ".join(dict.fromkeys(legal)),
                 "; ".join(s for s in dict.fromkeys(sources) if s)]  # the same for every part of the piece
        rows.extend([*texts, area / 1e4, part] for area, part in zip(areas[kept].tolist(), parts[kept]))
    return rows


def _eligible_rows(study_id: str, patches: np.ndarray, annotations: dict, catalog: Catalog,
                   zones: list[_Zone]) -> list[list]:
    """One row per contiguous part of a patch with the same soft, weighing and privileged criteria."""
    if not len(patches):
        return []
    patch_ha = shapely.area(patches) / 1e4
    patch_compactness = compactness(patches)
    cover_limit = _cover_limits(patches, zones)
    rows = []
    for (patch, key), geometry in annotations.items():
        criteria = _ordered(catalog, key)
        by_type = {kind: ", ".join(c.id for c in criteria if c.type == kind)
                   for kind in ("soft", "weighing", "privileged")}
        notes = "; ".join(f"{c.label_text()} ({c.legal_basis})" for c in criteria)
        for part in shapely.get_parts(geometry):
            area = shapely.area(part)
            if area > SLIVER_M2:
                rows.append([study_id, patch + 1, area / 1e4, patch_ha[patch], patch_compactness[patch],
                             by_type["soft"], by_type["weighing"], by_type["privileged"], notes, cover_limit[patch],
                             catalog.title_text(), part])
    rows.sort(key=lambda row: (row[1], -row[2]))
    return rows


def _cover_limits(patches: np.ndarray, zones: list[_Zone]) -> np.ndarray:
    """Per patch the largest area a plant may cover under a cover-share rule (e.g. WHG § 36 Abs. 3: 15 % of the
    water surface of the water body the patch lies on); NaN where no such rule applies."""
    limits = np.full(len(patches), np.nan)
    for zone in zones:
        if zone.hosts is None or not len(zone.hosts):
            continue
        pairs = shapely.STRtree(zone.hosts).query(shapely.point_on_surface(patches), predicate="within")
        limits[pairs[0]] = zone.criterion.max_cover_share * shapely.area(zone.hosts[pairs[1]]) / 1e4
    return limits


def _summary_rows(study_id, area, land: _Land, zones, catalog, layer_names, min_area_ha) -> list[list]:
    study_ha = shapely.area(area) / 1e4
    eligible_ha = float(shapely.area(land.patches).sum()) / 1e4
    piece_ha = {key: shapely.area(geometry) / 1e4 for key, geometry in land.pieces.items()}
    by_id = {z.criterion.id: z for z in zones}

    def share(value):
        return 100.0 * value / study_ha if study_ha else 0.0

    rows = [[study_id, "total", "study_area", tr("Untersuchungsgebiet"), None, None, None, None, None, study_ha,
             None, None, 100.0, None, None, None, None]]
    for criterion in catalog.criteria:
        zone = by_id.get(criterion.id)
        if zone is None:
            rows.append([study_id, "criterion", criterion.id, criterion.label_text(), criterion.type,
                         criterion.legal_basis, criterion.status, None, None, None, None, None, None, None, None,
                         None, tr("keine Ebene zugeordnet – nicht geprüft")])
            continue
        gross = land.zone_m2[criterion.id] / 1e4
        if criterion.id in land.on_eligible_m2:
            only, eligible_part = None, land.on_eligible_m2[criterion.id] / 1e4
        else:
            only, eligible_part = piece_ha.get(frozenset([criterion.id]), 0.0), None
        note = tr("keine Ebene zugeordnet – ohne ihre Objekte keine geeignete Fläche") if zone.without_layer else \
            criterion.note_text() or None
        rows.append([study_id, "criterion", criterion.id, criterion.label_text(), criterion.type,
                     criterion.legal_basis, criterion.status, zone.distance, layer_names.get(criterion.id), gross,
                     only, eligible_part, share(gross), None, None, None, note])
    min_area_ha_total = piece_ha.get(frozenset([MIN_AREA_ID]), 0.0)
    excluded_ha = sum(piece_ha.values())
    rows.append([study_id, "total", "min_area", tr("unter der Mindestgröße von {value:g} ha").format(
        value=min_area_ha), "min_area", None, None, None, None, min_area_ha_total, min_area_ha_total, None,
        share(min_area_ha_total), None, None, None, None])
    rows.append([study_id, "total", "excluded", tr("ausgeschlossen"), None, None, None, None, None, excluded_ha,
                 None, None, share(excluded_ha), None, None, None, None])
    rows.append([study_id, "total", "eligible", tr("geeignet"), None, None, None, None, None, eligible_ha, None,
                 eligible_ha, share(eligible_ha), None, None, None, None])
    if catalog.technology == "wind":
        unchecked = [c.label_text() for c in catalog.criteria if c.type == HARD and c.id not in by_id]
        rows += _target_rows(study_id, study_ha, eligible_ha, unchecked)
    return rows


def target_state(reached: bool | None) -> str:
    """How a target row reads: reached, missed, or not proven while hard criteria are unchecked (None)."""
    if reached is None:
        return tr("nicht belastbar – harte Kriterien nicht geprüft")
    return tr("erreicht") if reached else tr("nicht erreicht")


def _target_rows(study_id: str, study_ha: float, eligible_ha: float, unchecked_hard: list[str]) -> list[list]:
    """The WindBG and planning-region targets against the eligible share. While hard criteria are unchecked the
    eligible land is an upper bound: a target it misses is missed, one it reaches is not proven (reached NULL)."""
    ags = normalise_ags(study_id)
    rows = []
    share_pct = 100.0 * eligible_ha / study_ha if study_ha else 0.0
    for target in wind_targets_for(ags):
        total = target.total_target_ha
        note = targets_note()
        if total is not None:
            note = tr("{name}: Ziel {pct:g} % von {area:.2f} km² = {total:.0f} ha bis {deadline}. {note}").format(
                name=target.name, pct=target.pct, area=target.official_area_km2, total=total,
                deadline=target.deadline.strftime("%d.%m.%Y"), note=note)
        if ags is None:
            note = tr("Kein Gemeindeschlüssel (AGS) erkannt – Ziele von Sachsen-Anhalt angenommen. ") + note
        reached = share_pct >= target.pct
        if reached and unchecked_hard:
            reached = None
            note = tr("Nicht belastbar: harte Kriterien ohne Ebene, nicht geprüft: {criteria}. ").format(
                criteria="; ".join(unchecked_hard)) + note
        rows.append([study_id, "target", target.item, tr("{name}: {pct:g} % bis {year}").format(
            name=target.name, pct=target.pct, year=target.year), target.scope, target.legal_basis, target.status,
            None, None, eligible_ha, None, eligible_ha, share_pct, target.pct, study_ha * target.pct / 100.0,
            reached, note])
    return rows


def type_text(criterion_type: str) -> str:
    """Readable name of a criterion type or of the minimum-size pseudo-type of excluded pieces."""
    return tr("Mindestgröße") if criterion_type == "min_area" else type_label(criterion_type)

