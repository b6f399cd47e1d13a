"""Region-wide runs: every municipality of a district, planning region or Land computed on its own, and the wind-area
ledger of the region.

A municipality is a job that depends on nothing but itself: its area, and for each criteria catalog the features of
every criterion within the catalog's largest distance of it (and the designated wind areas on it). So the jobs may
run in this process, on a pool of worker processes, or on a Dask cluster (``dask.distributed``), and all three give
the same results. A finished municipality is kept in the run folder as a checkpoint under its key and the
fingerprint of its inputs: a run that was cancelled, failed or killed goes on where it stood, and a municipality
whose data or settings changed is computed anew. A municipality that fails is reported with its error; the others
go on.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import math
import multiprocessing
import os
import pickle
import re
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .balance import BalanceError
from .catalog import DEFAULT_TURBINE, Catalog, TurbineGeometry
from .eligibility import EligibilityError, compute_eligibility, compute_robustness, on_grid, polygonal
from .heat import (
    GRID_CELL_M,
    LARGE_CONSUMER_MIN_MWH,
    MAX_STREET_DISTANCE_M,
    PRIVACY_MIN_BUILDINGS,
    SuitabilityThresholds,
    block_of_points,
    classify,
    heat_blocks,
    large_consumers_per_area,
    level_text,
)
from .i18n import tr
from .lazy import lazy_module
from .peers import PeerFigures, municipality_rows, peer_figures
from .pv_yield import PvType, PvYieldError, pv_potential
from .scoring import Scheme, score, utilities
from .site_criteria import (
    AREA,
    COMPACTNESS,
    DISTANCE,
    MEAN,
    SHARE,
    RasterWindow,
    compactness,
    nearest_distance,
    overlap_share,
    weighted_mean,
)
from .targets import normalise_ags, wind_targets_for
from .version import plugin_version
from .wind_energy import Losses, TurbineType, WindError
from .wind_park import (
    MAIN_WIND_DIRECTION_DEG,
    MAX_WIND_MS,
    SHEAR_EXPONENT,
    SPACING_ACROSS_D,
    SPACING_ALONG_D,
    WEIBULL_SHAPE,
    WindResource,
    plan_wind_park,
)

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

STUDY_ID = "ags"  # the key column of a municipality's area, as the eligibility engine's study id
CHECKPOINT_SUFFIX = ".wipregion"
POLL_SECONDS = 0.05


class RegionError(ValueError):
    """Input the region run cannot work with; the message is for the planner."""


class RegionCancelled(Exception):  # noqa: N818 - a cancellation, not an error
    pass


@dataclass(frozen=True)
class RegionSettings:
    """What every municipality's run shares."""

    catalogs: tuple[Catalog, ...]
    turbine: TurbineGeometry = DEFAULT_TURBINE
    distance_overrides: tuple[tuple[str, float], ...] = ()  # (criterion id, metres), for each catalog that has it
    min_area_ha: float = 0.0
    soft_excludes: bool = True
    base_year: int = 2024
    variants: tuple = ()  # CriteriaVariant of the wind catalog: its robustness per municipality, when given
    yields: YieldSettings | None = None  # plants and energy on the eligible land, when given
    heat: HeatSettings | None = None  # the heat network suitability of the buildings, when given
    scoring: tuple[tuple[str, SiteScoring], ...] = ()  # (catalog id, how its eligible pieces are scored)

    def overrides_for(self, catalog: Catalog) -> dict[str, float]:
        ids = set(catalog.criterion_ids())
        return {criterion_id: metres for criterion_id, metres in self.distance_overrides if criterion_id in ids}

    def reach_m(self, catalog: Catalog, criterion_id: str) -> float:
        """How far from a municipality a feature of the criterion can still exclude land in it (in any variant)."""
        distance = self.overrides_for(catalog).get(criterion_id,
                                                   catalog.criterion(criterion_id).distance.resolve(self.turbine))
        varied = [variant.distances.get(criterion_id, 0.0) for variant in self.variants_for(catalog)]
        return max([distance, *varied])

    def variants_for(self, catalog: Catalog) -> tuple:
        return self.variants if catalog.technology == "wind" else ()

    def scoring_for(self, catalog: Catalog) -> SiteScoring | None:
        return dict(self.scoring).get(catalog.id)


@dataclass(frozen=True)
class SiteScoring:
    """How a catalog's eligible pieces are scored, as ``wip:sitecriteria`` and then ``wip:sitescore`` do it: a
    scheme of roles (its criteria measure layers or the piece's own geometry) with its weights."""

    scheme: Scheme
    weights: tuple[float, ...]

    def reach_m(self, criterion: int) -> float | None:
        """How far from a piece a feature of a distance criterion's layer can still change its score."""
        chosen = self.scheme.criteria[criterion]
        return chosen.function.settled_from if chosen.role.measure == DISTANCE else None


@dataclass
class ScoringLayer:
    """The features of a layer that plays a criterion's role (with the values of a mean's field), and whether the
    layer has any at all, however far: a distance beyond the reach is then taken at the reach."""

    geometries: object  # numpy array
    values: object = None  # numpy array of a mean's field
    layer_has_any: bool = True


# the PV plant of each PV catalog's technology (pv_types.json); agrivoltaics as category I, elevated over crops
PV_TYPE_OF_TECHNOLOGY = {"pv_ground": "freiflaeche", "agri_pv": "agri_pv_1", "floating_pv": "floating"}


@dataclass(frozen=True)
class YieldSettings:
    """What turns a municipality's eligible land into plants and energy, as ``wip:windlayout`` and ``wip:pvyield`` do
    without the planner's own figures: a wind park of one turbine type on every piece of eligible wind land at one
    mean wind speed (the municipality's own where it has one), and the plant of each PV catalog's type
    (``PV_TYPE_OF_TECHNOLOGY``) with its density and specific yield."""

    turbine: TurbineType
    wind_ms: float  # at the reference height
    reference_height_m: float
    losses: Losses
    foundation_inset_m: float
    pv_types: tuple[tuple[str, PvType], ...]  # (catalog technology, plant type)
    co2_g_kwh: float  # avoided emissions per kWh of PV

    def pv_type(self, technology: str) -> PvType | None:
        return dict(self.pv_types).get(technology)


@dataclass(frozen=True)
class HeatSettings:
    """How a municipality's buildings become the suitability for heat networks (§ 19 WPG) of grid cells, as
    ``wip:heatdensity`` (grid cells, no block layer) and then ``wip:heatsuitability`` give it."""

    thresholds: SuitabilityThresholds = field(default_factory=SuitabilityThresholds)
    cell_m: float = GRID_CELL_M
    max_distance_m: float = MAX_STREET_DISTANCE_M
    large_min_mwh: float = LARGE_CONSUMER_MIN_MWH
    with_streets: bool = True  # the run has street sections (a municipality may still have none near its buildings)


@dataclass
class HeatInputs:
    """Buildings with their heat demand (a point in each; MWh/a, NaN: none) and what the heat planning measures
    them against."""

    points: object  # numpy array of points
    demand: object  # numpy array, MWh/a
    sections: object  # numpy array of the street sections (may be empty)
    network: object  # numpy array of the existing heat network's geometries (may be empty)
    waste_heat: object  # numpy array of the waste-heat sources' geometries (may be empty)


HEAT_COLUMNS = ["key", "name", "block_id", "buildings", "demand_mwh_a", "area_ha", "density_mwh_ha_a",
                "line_density_kwh_m_a", "level", "level_text", "rule", "shortened_14", "network_m", "waste_heat_m",
                "large_consumers", "published"]


@dataclass
class MunicipalityJob:
    key: str  # the AGS where the row has one, else its row number
    name: str
    area: object  # GeoDataFrame: one row, column STUDY_ID, projected CRS
    constraints: dict  # catalog id -> criterion id -> GeoDataFrame of the features near the municipality
    designated: object  # numpy array of the designated wind areas' polygons on the municipality
    wind_ms: float | None = None  # the municipality's own mean wind speed at the reference height, if known
    wind_raster: RasterWindow | None = None  # the cells of a wind speed raster over the municipality, if given
    heat: HeatInputs | None = None  # the buildings of the municipality's heat cells and what lies around them
    heat_rows: object = None  # numpy array: the rows (in the planner's layer) of the buildings in the municipality
    heat_mwh_a: float | None = None  # their heat demand
    scoring: dict = field(default_factory=dict)  # catalog id -> per criterion its ScoringLayer near (None: none)

    @property
    def area_ha(self) -> float:
        return float(shapely.area(self.area.geometry.values[0])) / 1e4

    @property
    def features(self) -> int:
        """How many features the job measures against: what its time grows with."""
        return sum(len(frame) for criteria in self.constraints.values() for frame in criteria.values())

    def fingerprint(self, settings: RegionSettings) -> str:
        """A digest of everything the job's result depends on, the plugin version included."""
        digest = hashlib.sha256()
        digest.update(pickle.dumps((plugin_version(), self.key, self.name, self.wind_ms, self.wind_raster, self.heat,
                                    self.heat_mwh_a, self.scoring, settings), protocol=4))
        digest.update(_wkb(self.area.geometry.values))
        digest.update(_wkb(self.designated))
        for catalog_id in sorted(self.constraints):
            for criterion_id in sorted(self.constraints[catalog_id]):
                frame = self.constraints[catalog_id][criterion_id]
                digest.update(f"{catalog_id}/{criterion_id}/{len(frame)}".encode())
                digest.update(_wkb(frame.geometry.values))
                digest.update(pd.DataFrame(frame.drop(columns=frame.geometry.name)).to_csv().encode())
        return digest.hexdigest()


def _wkb(geometries) -> bytes:
    return b"".join(shapely.to_wkb(np.asarray(geometries, dtype=object)).tolist())


@dataclass
class MunicipalityResult:
    key: str
    name: str
    area_ha: float
    eligible: dict = field(default_factory=dict)  # catalog id -> GeoDataFrame of its eligible land
    designated_ha: float = 0.0
    open_ha: float = 0.0  # eligible wind land outside the designated areas
    robustness: object = None  # GeoDataFrame: the wind land per set of variants that keep it (with variants)
    turbines: object = None  # GeoDataFrame of the wind park's turbines on the eligible land (with yields)
    heat: object = None  # GeoDataFrame of the grid cells with buildings and their suitability (with buildings)
    heat_mwh_a: float | None = None  # the heat demand of all the municipality's buildings (with buildings)
    heat_cells_mwh_a: float | None = None  # the heat demand of the buildings in its heat cells
    figures: PeerFigures | None = None  # from the municipal statistics, when they know the AGS
    messages: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    resumed: bool = False  # taken from the run folder, not computed in this run

    @property
    def ok(self) -> bool:
        return self.error is None


# -- the jobs ----------------------------------------------------------------------------------------------------

def municipality_jobs(municipalities, key_field: str | None, name_field: str | None, constraints: dict,
                      settings: RegionSettings, designated=None, wind_field: str | None = None,
                      heat: HeatInputs | None = None, scoring: dict | None = None) -> list[MunicipalityJob]:
    """One job per municipality of the frame ``municipalities`` (projected CRS). Rows with the same key are one
    municipality; ``constraints`` maps catalog ids to {criterion id: features} of the whole region, ``designated``
    the designated wind areas (a GeoDataFrame or None), ``wind_field`` a column of each municipality's own mean wind
    speed (rows of one municipality weighted by their area), ``heat`` the region's buildings (each goes to the
    municipality that holds its point) with the street sections, heat network and waste-heat sources, ``scoring``
    for each catalog of ``settings.scoring`` per criterion the region's :class:`ScoringLayer` (None without)."""
    if len(municipalities) == 0:
        raise RegionError(tr("Die Gemeindeebene enthält keine Objekte."))
    if municipalities.crs is None or not municipalities.crs.is_projected:
        raise RegionError(tr("Die Gemeinden brauchen ein projiziertes KBS mit Metern."))
    geometries = np.asarray(municipalities.geometry.values, dtype=object)
    usable = ~shapely.is_missing(geometries) & np.isin(shapely.get_type_id(geometries), [3, 6])
    if not usable.any():
        raise RegionError(tr("Die Gemeindeebene enthält keine Fläche."))
    values = municipalities[key_field] if key_field else [None] * len(municipalities)
    keys = [_key(value, number) for number, value in enumerate(values)]
    names = [str(value) if name_field and not _missing(value) else key
             for key, value in zip(keys, municipalities[name_field] if name_field else keys)]
    grouped: dict[str, list[int]] = {}
    for index in np.flatnonzero(usable):
        grouped.setdefault(keys[index], []).append(int(index))
    designated_geometries = (np.asarray(designated.geometry.values, dtype=object) if designated is not None
                             else np.empty(0, dtype=object))
    designated_tree = shapely.STRtree(designated_geometries)
    jobs = []
    for key, rows in grouped.items():
        area = on_grid(shapely.make_valid(shapely.union_all(geometries[rows])))
        frame = gpd.GeoDataFrame({STUDY_ID: [key]}, geometry=[area], crs=municipalities.crs)
        near = {}
        for catalog in settings.catalogs:
            near[catalog.id] = {}
            for criterion_id, features in constraints.get(catalog.id, {}).items():
                window = shapely.buffer(shapely.envelope(area), settings.reach_m(catalog, criterion_id) + 1.0,
                                        join_style="mitre")
                near[catalog.id][criterion_id] = features.iloc[np.sort(features.sindex.query(window))]
        on_area = designated_geometries[np.sort(designated_tree.query(area, predicate="intersects"))]
        wind_ms = _area_mean(municipalities[wind_field].to_numpy()[rows], shapely.area(geometries[rows]),
                             names[rows[0]]) if wind_field else None
        jobs.append(MunicipalityJob(key, names[rows[0]], frame, near, on_area, wind_ms))
    if heat is not None:
        _share_buildings(jobs, heat, settings.heat or HeatSettings())
    for catalog_id, layers in (scoring or {}).items():
        _share_scoring_layers(jobs, catalog_id, dict(settings.scoring)[catalog_id], layers)
    return jobs


def _share_scoring_layers(jobs: list[MunicipalityJob], catalog_id: str, scoring: SiteScoring, layers: list) -> None:
    """Each job gets the features of every scoring layer that can change its pieces' scores: those within a
    distance criterion's reach, those on the municipality for a share or a mean."""
    trees = [shapely.STRtree(layer.geometries) if layer is not None else None for layer in layers]
    for job in jobs:
        envelope = shapely.envelope(job.area.geometry.values[0])
        near = []
        for number, (layer, tree) in enumerate(zip(layers, trees)):
            if layer is None:
                near.append(None)
                continue
            reach = scoring.reach_m(number)
            window = envelope if reach is None else shapely.buffer(envelope, reach + 1.0, join_style="mitre")
            rows = np.sort(tree.query(window))
            near.append(ScoringLayer(layer.geometries[rows], None if layer.values is None else layer.values[rows],
                                     layer.layer_has_any))
        job.scoring[catalog_id] = near


def _share_buildings(jobs: list[MunicipalityJob], heat: HeatInputs, settings: HeatSettings) -> None:
    """Each job gets the buildings whose point it holds (the first municipality where it lies on a shared border)
    for its heat demand, and for its heat cells those of the grid cells whose centre it holds: a cell across a border
    is drawn once, with all its buildings (a cell centred outside the region goes to a municipality of its
    buildings). Also the street sections a building of its cells may count on, and the heat network and waste heat
    whole (their distance is measured, however far). A municipality without buildings gets none: its heat is not
    known (the buildings may cover only part of the region), not zero."""
    areas = np.array([job.area.geometry.values[0] for job in jobs], dtype=object)
    owner = block_of_points(heat.points, areas)
    cell = settings.cell_m
    column = np.floor(shapely.get_x(heat.points) / cell)
    row = np.floor(shapely.get_y(heat.points) / cell)
    cell_owner = block_of_points(shapely.points((column + 0.5) * cell, (row + 0.5) * cell), areas)
    outside = (cell_owner < 0) & np.isfinite(column)  # a building without geometry is in no cell
    if outside.any():
        cell_of = pd.Series(owner[outside]).groupby([column[outside], row[outside]]).transform("max")
        cell_owner[outside] = cell_of.to_numpy()
    sections = shapely.STRtree(heat.sections)
    for number, job in enumerate(jobs):
        own, in_cells = np.flatnonzero(owner == number), np.flatnonzero(cell_owner == number)
        if not len(own) and not len(in_cells):
            continue
        # a building of a cell lies within half a cell's diagonal of the municipality
        window = shapely.buffer(shapely.envelope(areas[number]), settings.max_distance_m + cell + 1.0,
                                join_style="mitre")
        job.heat = HeatInputs(heat.points[in_cells], heat.demand[in_cells],
                              heat.sections[np.sort(sections.query(window))], heat.network, heat.waste_heat)
        job.heat_rows, job.heat_mwh_a = own, float(np.nansum(heat.demand[own])) if len(own) else None


def _area_mean(values, areas, name: str) -> float | None:
    """The area-weighted mean of a municipality's rows' values, None where none has one."""
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
    known = np.isfinite(numbers)
    if not known.any():
        return None
    wrong = numbers[known][(numbers[known] <= 0) | (numbers[known] > MAX_WIND_MS)]
    if len(wrong):
        raise RegionError(tr("{name}: mittlere Windgeschwindigkeit {value:g} m/s liegt nicht zwischen 0 und {most:g} "
                             "m/s.").format(name=name, value=float(wrong[0]), most=MAX_WIND_MS))
    return float(np.average(numbers[known], weights=areas[known]))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def _key(value, number: int) -> str:
    """A municipality's key: its 8-digit AGS (also from a Regionalschlüssel), its own value, or its row number."""
    if _missing(value):
        return str(number + 1)
    return normalise_ags(value) or str(value).strip()


# -- one municipality ---------------------------------------------------------------------------------------------

def run_municipality(job: MunicipalityJob, settings: RegionSettings) -> MunicipalityResult:
    """The municipality's eligible land per catalog, its designated and still open wind land, and its figures from
    the municipal statistics; an input the engines refuse becomes the result's error."""
    started = time.perf_counter()
    area = job.area.geometry.values[0]
    result = MunicipalityResult(job.key, job.name, job.area_ha)
    try:
        for catalog in settings.catalogs:
            computed = compute_eligibility(
                job.area, job.constraints.get(catalog.id, {}), catalog, study_id_field=STUDY_ID,
                turbine=settings.turbine, distance_overrides=settings.overrides_for(catalog),
                min_area_ha=settings.min_area_ha, soft_excludes=settings.soft_excludes)
            result.eligible[catalog.id] = computed.eligible
            result.messages += computed.messages
            if settings.yields is not None:
                result.eligible[catalog.id], turbines = with_yields(
                    computed.eligible, catalog.technology, settings.yields,
                    settings.yields.wind_ms if job.wind_ms is None else job.wind_ms, job.wind_raster)
                if turbines is not None:
                    result.turbines = turbines.assign(key=job.key, name=job.name)
                    calm = int(turbines["wind_ms"].isna().sum())
                    if calm:
                        result.messages.append(tr("{name}: {count} Anlage(n) ohne Windgeschwindigkeit (das Raster hat "
                                                  "an ihrem Standort keinen Wert): ohne Ertrag.").format(
                            name=job.name, count=calm))
            scoring = settings.scoring_for(catalog)
            if scoring is not None:
                result.eligible[catalog.id] = scored(result.eligible[catalog.id], scoring, job.scoring[catalog.id])
            if catalog.technology == "wind":
                result.designated_ha, result.open_ha = _designated(area, job.designated, computed.eligible)
            if settings.variants_for(catalog):
                result.robustness = compute_robustness(
                    job.area, job.constraints.get(catalog.id, {}), catalog, list(settings.variants_for(catalog)),
                    study_id_field=STUDY_ID, turbine=settings.turbine, min_area_ha=settings.min_area_ha).pieces
        if job.heat is not None and settings.heat is not None:
            cells, without_street = heat_cells(job.heat, settings.heat, job.area.crs)
            result.heat = cells.assign(key=job.key, name=job.name)
            result.heat_mwh_a, result.heat_cells_mwh_a = job.heat_mwh_a, float(np.nansum(job.heat.demand))
            if without_street and settings.heat.with_streets:
                result.messages.append(tr("{name}: {count} Gebäude mit Wärmebedarf haben keine Straße im Abstand von "
                                          "{distance:g} m und zählen in keiner Wärmeliniendichte.").format(
                    name=job.name, count=without_street, distance=settings.heat.max_distance_m))
        row = next((row for row in municipality_rows() if row["ags"] == job.key), None)
        result.figures = peer_figures(row, settings.base_year) if row is not None else None
    except (EligibilityError, BalanceError, WindError, PvYieldError) as error:
        result.error = str(error)
        result.eligible, result.robustness, result.turbines, result.heat = {}, None, None, None
    result.seconds = time.perf_counter() - started
    return result


YIELD_COLUMNS = ["turbines", "mw", "gwh_a"]  # per piece of eligible land: wind turbines, MW (PV: MWp), net GWh/a
TURBINE_COLUMNS = ["key", "name", "area_id", "type", "mw", "hub_m", "rotor_m", "total_m", "wind_ms", "gross_gwh_a",
                   "gwh_a", "full_load_h"]  # a turbine of wip:windlayout, with its municipality


def with_yields(eligible, technology: str, yields: YieldSettings, wind_ms: float,
                wind_raster: RasterWindow | None = None):
    """The eligible land with the plants it holds (``YIELD_COLUMNS``; empty for a technology without a plant), and
    for wind the park's turbines (``TURBINE_COLUMNS`` but key and name), else None. The wind at the reference
    height is the cell of ``wind_raster`` under each turbine when given, else ``wind_ms``."""
    sites = np.asarray(eligible.geometry.values, dtype=object)
    count = len(sites)
    turbines, mw, gwh = pd.array([None] * count, dtype="Int64"), np.full(count, np.nan), np.full(count, np.nan)
    park = None
    if technology == "wind" and count:
        def speed_at(x, y, _site):
            if wind_raster is None:
                return np.full(len(x), wind_ms)
            return wind_raster.values_at(shapely.points(x, y), eligible.crs)

        resource = WindResource(speed_at, yields.reference_height_m, SHEAR_EXPONENT, WEIBULL_SHAPE)
        park = plan_wind_park(polygonal(sites), yields.turbine, SPACING_ALONG_D, SPACING_ACROSS_D,
                              MAIN_WIND_DIRECTION_DEG, True, resource, yields.losses,
                              foundation_inset_m=yields.foundation_inset_m)
        totals = park.site_totals()
        turbines, mw, gwh = pd.array(totals.turbines, dtype="Int64"), totals.mw, totals.gwh
    elif yields.pv_type(technology) is not None and count:
        # floating PV: the cover limit the eligibility engine gave each piece on its water body
        limits = eligible["cover_limit_ha"].to_numpy(dtype=float) if "cover_limit_ha" in eligible else None
        potential = pv_potential(yields.pv_type(technology), sites, yields.co2_g_kwh, cover_limit_ha=limits)
        mw, gwh = potential.mwp, potential.gwh_a
    land = eligible.assign(turbines=turbines, mw=mw, gwh_a=gwh)
    if technology != "wind":
        return land, None
    columns = park.per_turbine() if park is not None else {  # no land, no park
        name: np.array([], dtype=np.int64 if name == "site" else object)
        for name in ["site", "geometry"] + TURBINE_COLUMNS[3:]}
    site, points = columns.pop("site"), columns.pop("geometry")
    return land, gpd.GeoDataFrame({"area_id": eligible["area_id"].to_numpy(dtype=np.int64)[site], **columns},
                                  geometry=points, crs=eligible.crs)


SCORE_COLUMNS = ["score", "score_rank", "score_class"]  # per piece of eligible land, with a scheme


def scored(eligible, scoring: SiteScoring, layers: list):
    """The pieces of eligible land with their score (0–100), rank (1 = best in the municipality) and class from the
    scheme, each criterion measured as ``wip:sitecriteria`` measures it: a distance beyond the criterion's reach is
    taken at the reach, where its utility no longer changes."""
    if not len(eligible):
        return eligible.assign(score=pd.Series(dtype=float), score_rank=pd.Series(dtype="Int64"),
                               score_class=pd.Series(dtype=object))
    sites = shapely.make_valid(np.asarray(eligible.geometry.values, dtype=object))
    values = np.full((len(sites), len(scoring.scheme.criteria)), np.nan)
    for number, (criterion, layer) in enumerate(zip(scoring.scheme.criteria, layers)):
        measure = criterion.role.measure
        if measure == AREA:
            values[:, number] = shapely.area(sites) / 1e4
        elif measure == COMPACTNESS:
            values[:, number] = compactness(sites)
        elif layer is None:
            continue  # a role without a layer: the scheme's rule for missing values
        elif measure == DISTANCE:
            reach = scoring.reach_m(number)
            distance = nearest_distance(sites, layer.geometries)
            values[:, number] = np.fmin(distance, reach) if layer.layer_has_any else distance
        elif measure == SHARE:
            values[:, number] = overlap_share(sites, layer.geometries)
        elif measure == MEAN:
            values[:, number] = weighted_mean(sites, layer.geometries, layer.values)
    result = score(utilities(values, [criterion.function for criterion in scoring.scheme.criteria]),
                   np.asarray(scoring.weights), scoring.scheme.method, scoring.scheme.missing)
    return eligible.assign(score=result.score, score_rank=pd.array([int(rank) or None for rank in result.rank],
                                                                  dtype="Int64"),
                           score_class=[str(label) or None for label in result.site_class])


def heat_cells(heat: HeatInputs, settings: HeatSettings, crs):
    """The grid cells with a heated building: heat density and line density (values only over at least five
    buildings, WPG § 10 Abs. 2) and the suitability level with the rule that decided, as ``wip:heatdensity`` and
    ``wip:heatsuitability`` give them (columns of ``HEAT_COLUMNS`` but key and name); and how many heated buildings
    have no street section near enough to count in a line density."""
    blocks = heat_blocks(heat.points, heat.demand, heat.sections, settings.max_distance_m, cell=settings.cell_m)
    published = blocks.per_block.buildings >= PRIVACY_MIN_BUILDINGS
    density = np.where(published, blocks.density, np.nan)
    line_density = np.where(published, blocks.line_density, np.nan)
    network = nearest_distance(blocks.blocks, heat.network)
    waste_heat = nearest_distance(blocks.blocks, heat.waste_heat)
    large = large_consumers_per_area(heat.points, heat.demand, settings.large_min_mwh, blocks.blocks)
    suitability = classify(density, line_density, network, waste_heat, large, settings.thresholds)
    return gpd.GeoDataFrame({
        "block_id": np.arange(1, len(blocks.blocks) + 1), "buildings": blocks.per_block.buildings.astype(int),
        "demand_mwh_a": np.where(published, blocks.per_block.demand_mwh_a, np.nan), "area_ha": blocks.area_ha,
        "density_mwh_ha_a": density, "line_density_kwh_m_a": line_density, "level": suitability.level.astype(int),
        "level_text": [level_text(int(level)) for level in suitability.level], "rule": suitability.rule,
        "shortened_14": suitability.shortened.astype(bool), "network_m": network, "waste_heat_m": waste_heat,
        "large_consumers": large.astype(int), "published": published}, geometry=blocks.blocks, crs=crs), \
        blocks.without_street


def _designated(area, designated, eligible) -> tuple[float, float]:
    """Hectares of designated wind area on the municipality, and of eligible land outside it."""
    zones = shapely.union_all(shapely.intersection(designated, area)) if len(designated) else None
    land = shapely.union_all(np.asarray(eligible.geometry.values, dtype=object))
    open_land = land if zones is None else shapely.difference(land, zones)
    return (float(shapely.area(zones)) / 1e4 if zones is not None else 0.0), float(shapely.area(open_land)) / 1e4


# -- the run ---------------------------------------------------------------------------------------------------------

def run_region(jobs: Sequence[MunicipalityJob], settings: RegionSettings, *, executor=None,
               checkpoints: Path | None = None, progress: Callable[[float], None] | None = None,
               report: Callable[[MunicipalityResult], None] | None = None,
               is_cancelled: Callable[[], bool] | None = None,
               task: Callable = run_municipality) -> list[MunicipalityResult]:
    """Every job's result, in the order of ``jobs``.

    ``executor`` (an :class:`Executor`: a process pool or a Dask cluster) computes the jobs; None computes here, one
    after the other. ``task(job, settings)`` computes a job: ``run_municipality``, or a picklable wrapper of it (the
    planner's language in a worker process). With ``checkpoints`` (a folder), results kept there for the same inputs
    are taken as they are, and each finished one is kept. ``report`` hears of every result as it arrives, and of the
    taken ones: with an executor one at a time between two looks at the running jobs, so that the workers start at
    once. Raises :class:`RegionCancelled` when ``is_cancelled()`` turns true; what finished before stays kept."""
    progress = progress or (lambda _value: None)
    report = report or (lambda _result: None)
    is_cancelled = is_cancelled or (lambda: False)
    results: dict[int, MunicipalityResult] = {}
    taken: list[int] = []  # resumed from the checkpoints, not yet reported
    fingerprints = [job.fingerprint(settings) for job in jobs] if checkpoints else [None] * len(jobs)
    if checkpoints:
        Path(checkpoints).mkdir(parents=True, exist_ok=True)
        for index, (job, fingerprint) in enumerate(zip(jobs, fingerprints)):
            kept = _read_checkpoint(checkpoints, job.key, fingerprint)
            if kept is not None:
                results[index] = kept
                taken.append(index)
    progress(100.0 * len(results) / len(jobs))

    def finished(index: int, result: MunicipalityResult) -> None:
        _localise(result, settings)
        results[index] = result
        if checkpoints:
            _write_checkpoint(checkpoints, result, fingerprints[index])
        report(result)
        progress(100.0 * len(results) / len(jobs))

    # the largest first: a large municipality started last would keep one core busy while the others idle
    pending = sorted((index for index in range(len(jobs)) if index not in results),
                     key=lambda index: -jobs[index].features)
    if executor is None:
        for index in taken:
            report(results[index])
        for index in pending:
            if is_cancelled():
                raise RegionCancelled()
            try:
                result = task(jobs[index], settings)
            except Exception as error:  # noqa: BLE001 - one municipality's failure must not stop the others
                result = _failed(jobs[index], error)
            finished(index, result)
    else:
        # two jobs per slot in flight: a slot never waits for its next job, and the jobs not yet sent stay here
        # rather than in the executor's queue (a Dask scheduler would hold all of them, and their results, at once)
        waiting = iter(pending)
        futures: dict = {}
        while True:
            for index in itertools.islice(waiting, 2 * executor.slots - len(futures)):
                futures[index] = executor.submit(task, jobs[index], settings)
            if not futures and not taken:
                break
            if is_cancelled():
                for future in futures.values():
                    future.cancel()
                raise RegionCancelled()
            done = [index for index, future in futures.items() if future.done()]
            for index in done:
                finished(index, _outcome(jobs[index], futures.pop(index)))
            if taken:
                report(results[taken.pop(0)])
            elif not done:
                time.sleep(POLL_SECONDS)
    return [results[index] for index in range(len(jobs))]


def _outcome(job: MunicipalityJob, future) -> MunicipalityResult:
    """The future's result; a worker that died or an unforeseen failure becomes this municipality's error."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - one municipality's failure must not stop the others
        return _failed(job, error)


def _failed(job: MunicipalityJob, error: Exception) -> MunicipalityResult:
    return MunicipalityResult(job.key, job.name, job.area_ha,
                              error=tr("Abbruch in der Berechnung: {error}").format(
                                  error=f"{type(error).__name__}: {error}"))


def _localise(result: MunicipalityResult, settings: RegionSettings) -> None:
    """Catalog titles in the planner's language: a worker process speaks the engine's German."""
    for catalog in settings.catalogs:
        if catalog.id in result.eligible:
            result.eligible[catalog.id]["catalog"] = catalog.title_text()


def _checkpoint_path(folder: Path, key: str) -> Path:
    return Path(folder) / (re.sub(r"[^0-9A-Za-z_-]", "_", key) + CHECKPOINT_SUFFIX)


def _read_checkpoint(folder: Path, key: str, fingerprint: str) -> MunicipalityResult | None:
    """The kept result of ``key`` when it was computed from the same inputs; None otherwise (also when the file is
    broken: it is then computed anew). Only the run's own files are read: the folder is the run's working folder."""
    path = _checkpoint_path(folder, key)
    try:
        with open(path, "rb") as file:
            kept_fingerprint, result = pickle.load(file)  # noqa: S301 - the run's own checkpoint
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None
    if kept_fingerprint != fingerprint or not isinstance(result, MunicipalityResult) or result.key != key:
        return None
    result.resumed = True
    return result


def _write_checkpoint(folder: Path, result: MunicipalityResult, fingerprint: str) -> None:
    """Kept whole or not at all: written beside and moved into place."""
    path = _checkpoint_path(folder, result.key)
    partial = path.with_suffix(".partial")
    with open(partial, "wb") as file:
        pickle.dump((fingerprint, result), file, protocol=4)
    os.replace(partial, path)


def clear_checkpoints(folder: Path) -> None:
    """Remove the run's checkpoints (after a complete run): nothing of the run is left but its outputs."""
    for path in Path(folder).glob("*" + CHECKPOINT_SUFFIX):
        path.unlink()


# -- where the jobs run ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Executor:
    """Where the jobs of a run are computed: ``submit(function, *arguments)`` returns a future with ``done()``,
    ``result()`` and ``cancel()``; ``slots`` jobs run at once."""
    submit: Callable
    slots: int


def worker_python() -> str:
    """The Python interpreter for worker processes: inside QGIS, ``sys.executable`` is the QGIS program."""
    if Path(sys.executable).name.lower().startswith("python"):
        return sys.executable
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (Path(sys.exec_prefix) / "bin" / f"python{version}", Path(sys.exec_prefix) / "bin" / "python3",
                      Path(sys.exec_prefix) / "python.exe", Path(sys.exec_prefix) / "python3.exe"):
        if candidate.exists():
            return str(candidate)
    raise RegionError(tr("Für parallele Prozesse fehlt ein Python-Interpreter neben {program}; bitte mit einem "
                         "Prozess rechnen.").format(program=sys.executable))


@contextlib.contextmanager
def process_pool(workers: int):
    """A pool of ``workers`` fresh Python processes (spawned, not forked: a fork of QGIS copies its threads' locks),
    all started here."""
    context = multiprocessing.get_context("spawn")
    context.set_executable(worker_python())
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        with _main_script_hidden():
            list(pool.map(_started, range(workers)))  # a worker is spawned per task while none is idle
        yield Executor(pool.submit, workers)


def _started(_number: int) -> bool:
    return True


@contextlib.contextmanager
def _main_script_hidden():
    """A spawned worker runs the parent's main script again unless the script guards itself with ``if __name__ ==
    "__main__"``; a planner's PyQGIS script seldom does, and the workers need nothing of it."""
    main = sys.modules.get("__main__")
    hidden = {name: main.__dict__.pop(name) for name in ("__file__",) if main is not None and name in main.__dict__}
    spec = getattr(main, "__spec__", None)
    if main is not None:
        main.__spec__ = None
    try:
        yield
    finally:
        if main is not None:
            main.__dict__.update(hidden)
            main.__spec__ = spec


def distributed_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


@contextlib.contextmanager
def dask_client(address: str, timeout_s: float = 30.0):
    """An executor on the Dask scheduler at ``address`` (e.g. tcp://10.0.0.5:8786); its workers need this plugin's
    Python packages (numpy, shapely, geopandas, scipy) and its folder on their path."""
    if not distributed_available():
        raise RegionError(tr("Für einen Dask-Cluster wird das Python-Paket distributed gebraucht, es ist nicht "
                             "installiert. Installation in der Python-Umgebung von QGIS: python -m pip install "
                             "distributed; ohne Dask-Adresse rechnet der Lauf auf den Kernen dieses Rechners."))
    import asyncio

    from distributed import Client

    try:
        client = Client(address, timeout=timeout_s)
    except (OSError, TimeoutError, ValueError) as error:
        raise RegionError(tr("Der Dask-Scheduler unter {address} ist nicht erreichbar: {error}").format(
            address=address, error=error)) from error
    try:
        try:  # the jobs in flight follow the workers' threads: a cluster just started may not have them yet
            client.wait_for_workers(1, timeout=timeout_s)
        except (TimeoutError, asyncio.TimeoutError) as error:  # the same class from Python 3.11 on
            raise RegionError(tr("Der Dask-Scheduler unter {address} hat nach {seconds:g} s noch keinen "
                                 "Worker.").format(address=address, seconds=timeout_s)) from error
        # impure: a pure task's name is a hash of its arguments, every geometry of the municipality pickled for it
        # in this process (on a district, a third of the run's time) before the job is sent
        yield Executor(functools.partial(client.submit, pure=False), max(1, sum(client.nthreads().values())))
    finally:
        client.close()


# -- the region ------------------------------------------------------------------------------------------------------

LEDGER_COLUMNS = ["kind", "key", "name", "area_ha", "eligible_ha", "eligible_pct", "designated_ha",
                  "designated_pct", "open_ha", "rank", "target_pct", "target_ha", "share_target_ha", "gap_ha",
                  "reachable", "deadline", "legal_basis", "source", "status", "note"]


def wind_ledger(results: Sequence[MunicipalityResult], wind_catalog_id: str,
                unchecked_hard: Sequence[str] = ()) -> pd.DataFrame:
    """Eligible and designated wind land per municipality against the Land and planning-region targets.

    A municipality row says how much it can contribute: its eligible land outside the designated areas (``open_ha``,
    ranked). A target row sums the run's municipalities under that target: their area's share of the target
    (``share_target_ha``), what is designated and what is eligible, the gap left after the designated land, and
    whether the eligible land could close it. With hard criteria ``unchecked_hard`` (labels) left without a layer
    the eligible land is an upper bound: whether it closes the gap is then not proven (``reachable`` NULL)."""
    rows, members = [], {}
    computed = [result for result in results if result.ok and wind_catalog_id in result.eligible]
    order = sorted(computed, key=lambda result: (-result.open_ha, result.key))
    rank = {result.key: number for number, result in enumerate(order, start=1)}
    for result in results:
        eligible_ha = (float(result.eligible[wind_catalog_id]["area_ha"].sum())
                       if result.key in rank else None)
        ags = normalise_ags(result.key)
        note = result.error or (None if ags else tr("ohne Gemeindeschlüssel (AGS) keinem Flächenziel zugeordnet"))
        rows.append(dict(kind="municipality", key=result.key, name=result.name, area_ha=result.area_ha,
                         eligible_ha=eligible_ha, eligible_pct=_pct(eligible_ha, result.area_ha),
                         designated_ha=result.designated_ha if result.ok else None,
                         designated_pct=_pct(result.designated_ha, result.area_ha) if result.ok else None,
                         open_ha=result.open_ha if result.key in rank else None, rank=rank.get(result.key),
                         note=note))
        if result.key in rank and ags:
            for target in wind_targets_for(ags):
                members.setdefault(target.item, (target, []))[1].append((result, eligible_ha))
    for target, group in members.values():
        area_ha = sum(result.area_ha for result, _ in group)
        designated_ha = sum(result.designated_ha for result, _ in group)
        eligible_ha = sum(eligible for _, eligible in group)
        share_ha = area_ha * target.pct / 100.0
        gap_ha = max(0.0, share_ha - designated_ha)
        note = tr("{count} Gemeinden dieses Laufs mit {area:.0f} ha; ihr Flächenanteil am Ziel {pct:g} % sind "
                  "{share:.0f} ha.").format(count=len(group), area=area_ha, pct=target.pct, share=share_ha)
        reachable = designated_ha + sum(result.open_ha for result, _ in group) >= share_ha
        if unchecked_hard:
            reachable = None
            note = tr("Nicht belastbar: harte Kriterien ohne Ebene, nicht geprüft: {criteria}. ").format(
                criteria="; ".join(unchecked_hard)) + note
        if target.official_area_km2:
            covered = min(100.0, area_ha / target.official_area_km2)  # ha / (km² × 100) × 100 %
            note += " " + tr("Gebiet des Ziels: {area:.2f} km² (amtlich), der Lauf deckt davon {covered:.1f} %."
                             ).format(area=target.official_area_km2, covered=covered)
        rows.append(dict(kind="target", key=target.item, name=tr("{name}: {pct:g} % bis {year}").format(
            name=target.name, pct=target.pct, year=target.year), area_ha=area_ha, eligible_ha=eligible_ha,
            eligible_pct=_pct(eligible_ha, area_ha), designated_ha=designated_ha,
            designated_pct=_pct(designated_ha, area_ha), open_ha=sum(result.open_ha for result, _ in group),
            target_pct=target.pct, target_ha=target.total_target_ha, share_target_ha=share_ha, gap_ha=gap_ha,
            reachable=reachable,
            deadline=target.deadline.isoformat(), legal_basis=target.legal_basis, source=target.source,
            status=target.status, note=note))
    ledger = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    ledger["rank"] = ledger["rank"].astype("Int64")
    ledger["reachable"] = ledger["reachable"].astype("boolean")
    return ledger


def _pct(part: float | None, whole: float) -> float | None:
    return None if part is None or not whole else 100.0 * part / whole


INDICATOR_COLUMNS = ["key", "name", "status", "area_ha", "population", "designated_ha", "wind_mwh_km2",
                     "pv_mwh_km2", "heat_mwh_per_capita", "co2_t_per_capita"]


def indicator_table(results: Sequence[MunicipalityResult], settings: RegionSettings) -> pd.DataFrame:
    """One row per municipality: eligible land per catalog's technology (ha and % of the area), the designated wind
    land, and where it stands today from the municipal statistics (plants' generation per km², heat and emissions
    per inhabitant, estimated as in the peer comparison); empty figures where the statistics do not know it."""
    rows = []
    for result in results:
        figures = result.figures
        row = dict(key=result.key, name=result.name, status=tr("berechnet") if result.ok else result.error,
                   area_ha=result.area_ha, population=figures.population if figures else None,
                   designated_ha=result.designated_ha if result.ok else None,
                   wind_mwh_km2=figures.wind_mwh_km2 if figures else None,
                   pv_mwh_km2=figures.pv_mwh_km2 if figures else None,
                   heat_mwh_per_capita=figures.heat_mwh_per_capita if figures else None,
                   co2_t_per_capita=figures.co2_t_per_capita if figures else None)
        if settings.heat is not None:
            row.update(_heat_figures(result))
        for catalog in settings.catalogs:
            land = result.eligible.get(catalog.id)
            hectares = float(land["area_ha"].sum()) if land is not None else None
            row[f"eligible_ha_{catalog.technology}"] = hectares
            row[f"eligible_pct_{catalog.technology}"] = _pct(hectares, result.area_ha)
            for kind in _yield_kinds(catalog, settings):
                row[f"{kind}_{catalog.technology}"] = None if land is None else \
                    int(land[kind].sum()) if kind == "turbines" else float(land[kind].sum())
            if settings.scoring_for(catalog) is not None and land is not None:
                row[f"score_best_{catalog.technology}"] = float(land["score"].max()) if len(land) else None
                row[f"class_a_ha_{catalog.technology}"] = float(land.loc[land["score_class"] == "A", "area_ha"].sum())
        rows.append(row)
    columns = INDICATOR_COLUMNS[:4] + [f"{kind}_{catalog.technology}" for catalog in settings.catalogs for kind in (
        "eligible_ha", "eligible_pct", *_yield_kinds(catalog, settings), *_score_kinds(catalog, settings))] + \
        INDICATOR_COLUMNS[4:] + (
        HEAT_INDICATOR_COLUMNS if settings.heat is not None else [])
    table = pd.DataFrame(rows, columns=columns)
    for column in (column for column in columns if column.startswith("turbines_")):
        table[column] = table[column].astype("Int64")
    return table


# the heat demand of the buildings, the area of the cells likely or very likely suited for a heat network (§ 19 WPG
# levels 1–2) and the share of the demand of the municipality's cells in them
HEAT_INDICATOR_COLUMNS = ["heat_buildings_mwh_a", "heat_network_ha", "heat_network_pct"]


def _heat_figures(result: MunicipalityResult) -> dict:
    if result.heat is None:
        return dict.fromkeys(HEAT_INDICATOR_COLUMNS)
    suited = result.heat[result.heat["level"] <= 2]
    return {"heat_buildings_mwh_a": result.heat_mwh_a, "heat_network_ha": float(suited["area_ha"].sum()),
            "heat_network_pct": _pct(float(suited["demand_mwh_a"].sum()), result.heat_cells_mwh_a)}


def _score_kinds(catalog: Catalog, settings: RegionSettings) -> tuple[str, ...]:
    """The scoring figures of a scored catalog: its land's best score and its area in class A."""
    return ("score_best", "class_a_ha") if settings.scoring_for(catalog) is not None else ()


def _yield_kinds(catalog: Catalog, settings: RegionSettings) -> tuple[str, ...]:
    """The yield figures the indicator table has for a catalog: turbines, MW and GWh/a for wind, MWp and GWh/a for
    a PV catalog, none without yields or for a technology without a plant."""
    if settings.yields is None:
        return ()
    if catalog.technology == "wind":
        return tuple(YIELD_COLUMNS)
    return tuple(YIELD_COLUMNS[1:]) if settings.yields.pv_type(catalog.technology) is not None else ()


def municipality_areas(jobs: Sequence[MunicipalityJob], indicators: pd.DataFrame, ledger: pd.DataFrame):
    """Every municipality's area with its row of ``indicator_table`` and of the wind-area ledger (open land, rank):
    the pages of the region's atlas."""
    table = indicators
    ranks = ledger.loc[ledger["kind"] == "municipality", ["key", "open_ha", "rank"]]
    table = table.merge(ranks, on="key", how="left")
    return gpd.GeoDataFrame(table, geometry=[job.area.geometry.values[0] for job in jobs], crs=jobs[0].area.crs)


def robust_land(results: Sequence[MunicipalityResult]):
    """The robustness of the wind land of every municipality in one frame (with ``name``), or None without."""
    return _together([result.robustness.assign(name=result.name) for result in results
                      if result.robustness is not None])


def wind_turbines(results: Sequence[MunicipalityResult]):
    """The turbines of every municipality's wind park in one frame (``TURBINE_COLUMNS``), or None without."""
    return _together([result.turbines[TURBINE_COLUMNS + ["geometry"]] for result in results
                      if result.turbines is not None])


def heat_suitability(results: Sequence[MunicipalityResult]):
    """The suitability cells of every municipality in one frame (``HEAT_COLUMNS``), or None without buildings."""
    return _together([result.heat[HEAT_COLUMNS + ["geometry"]] for result in results if result.heat is not None])


def eligible_land(results: Sequence[MunicipalityResult], settings: RegionSettings):
    """The eligible land of every municipality and catalog in one frame (columns of the eligibility engine plus
    ``name``), or None when nothing was computed."""
    return _together([result.eligible[catalog.id].assign(name=result.name) for result in results
                      for catalog in settings.catalogs if catalog.id in result.eligible])


def _together(frames: list):
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return None
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=frames[0].crs)
