"""Criterion values of candidate sites, the inputs of the scoring: distances to the nearest feature, the share of a
site covered by a layer, area-weighted attribute means, raster zonal statistics, area and compactness.

All functions take the sites as an array of shapely polygons in a projected CRS and return one value per site
(NaN where a value does not exist, e.g. a mean over no overlap); spatial indexes keep far features out of the work.
Each value goes to a field named after what it measures (``dist_<layer>_m``, ``share_<layer>``, ``mean_<field>``,
``area_ha``, ``compactness``), so a scoring scheme finds it again.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .lazy import lazy_module
from .workflow import identifier

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
shapely = lazy_module("shapely")

ZONAL_BATCH_CELLS = 2_000_000  # cell centres tested at once: bounds the memory of a batch to some 100 MB

# what a criterion value measures: against a layer (distance, covered share, area-weighted mean of a field) or the
# site's own geometry (area, compactness)
DISTANCE, SHARE, MEAN, AREA, COMPACTNESS = "distance", "share", "mean", "area", "compactness"
MEASURES = (DISTANCE, SHARE, MEAN, AREA, COMPACTNESS)
LAYER_MEASURES = (DISTANCE, SHARE, MEAN)
GEOMETRY_FIELDS = {AREA: "area_ha", COMPACTNESS: "compactness"}
# measure → the field name around the key of the layer (distance, share) or of the field (mean) it was measured on
FIELD_PATTERNS = {DISTANCE: ("dist_", "_m"), SHARE: ("share_", ""), MEAN: ("mean_", "")}


def field_key(name: str, taken: set[str]) -> str:
    """A short, unique field-name part from a layer or field name."""
    key = identifier(name)[:30] or "ebene"
    candidate, number = key, 2
    while candidate in taken:
        candidate, number = f"{key}_{number}", number + 1
    taken.add(candidate)
    return candidate


@dataclass(frozen=True)
class CriterionFields:
    """The names of the fields that the criteria of one run get, in the order of their layers."""

    distance: tuple[str, ...]
    share: tuple[str, ...]
    mean: str | None
    raster: tuple[str, ...]  # the prefix of <prefix>_mean, _min and _max


def criterion_fields(distance_layers: Sequence[str], share_layers: Sequence[str], mean_field: str | None,
                     rasters: Sequence[str]) -> CriterionFields:
    """The field names for distances to, shares covered by and zonal statistics of the named layers and the mean of
    ``mean_field``; a name that comes twice gets a number."""
    taken = {"area", "compactness"}
    distance = tuple(_field(DISTANCE, field_key(name, taken)) for name in distance_layers)
    share = tuple(_field(SHARE, field_key(name, taken)) for name in share_layers)
    mean = _field(MEAN, field_key(mean_field, taken)) if mean_field else None
    return CriterionFields(distance, share, mean, tuple(field_key(name, taken) for name in rasters))


def _field(measure: str, key: str) -> str:
    prefix, suffix = FIELD_PATTERNS[measure]
    return f"{prefix}{key}{suffix}"


def measured_name(measure: str, field: str) -> str | None:
    """The key of the layer or field that criterion field ``field`` measured with ``measure``; None when the field
    is no such criterion field (``dist_synth_siedlung_m`` → ``synth_siedlung`` for distances)."""
    prefix, suffix = FIELD_PATTERNS[measure]
    if len(field) <= len(prefix) + len(suffix) or not field.startswith(prefix) or not field.endswith(suffix):
        return None
    return field[len(prefix):len(field) - len(suffix)]


def nearest_distance(sites: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Metres from each site to the nearest feature (0 where they touch); NaN when there are no features."""
    features = features[~shapely.is_missing(features) & ~shapely.is_empty(features)]
    if not len(features):
        return np.full(len(sites), np.nan)
    site_index, feature_index = shapely.STRtree(features).query_nearest(sites, all_matches=False)
    distance = np.full(len(sites), np.nan)
    distance[site_index] = shapely.distance(sites[site_index], features[feature_index])
    return distance


def overlap_share(sites: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Share 0–1 of each site's area covered by the features (overlapping features counted once).

    Each site loses the features that hit it one after the other; round k takes the k-th feature of every site in
    one vectorised difference, so overlapping features need no union and the loop runs over rounds, not sites."""
    features = features[~shapely.is_missing(features) & ~shapely.is_empty(features)]
    area = shapely.area(sites)
    if not len(features):
        return np.zeros(len(sites))
    site_index, feature_index = shapely.STRtree(features).query(sites, predicate="intersects")
    features = shapely.make_valid(features)
    order = np.argsort(site_index, kind="stable")
    site_index, feature_index = site_index[order], feature_index[order]
    first = np.searchsorted(site_index, site_index, side="left")
    turn = np.arange(len(site_index)) - first  # the position of each pair among its site's pairs
    uncovered = sites.copy()
    for number in range(int(turn.max()) + 1 if len(turn) else 0):
        pairs = turn == number
        uncovered[site_index[pairs]] = shapely.difference(uncovered[site_index[pairs]],
                                                          features[feature_index[pairs]])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(area > 0, np.clip(1.0 - shapely.area(uncovered) / area, 0.0, 1.0), 0.0)


def _pieces(sites: np.ndarray, features: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (site, feature) that overlap, and the part of the site the feature covers."""
    features = shapely.make_valid(features[~shapely.is_missing(features) & ~shapely.is_empty(features)])
    if not len(features):
        return np.array([], dtype=int), np.array([], dtype=int), np.array([], dtype=object)
    site_index, feature_index = shapely.STRtree(features).query(sites, predicate="intersects")
    return site_index, feature_index, shapely.intersection(sites[site_index], features[feature_index])


def weighted_mean(sites: np.ndarray, features: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Area-weighted mean of ``values`` (one per feature) over each site; features with a missing value and
    sites without overlap give NaN weight / NaN."""
    values = np.asarray(values, dtype=float)
    present = ~shapely.is_missing(features) & ~np.isnan(values)
    site_index, feature_index, pieces = _pieces(sites, features[present])
    areas = shapely.area(pieces)
    sums = np.bincount(site_index, weights=areas * values[present][feature_index], minlength=len(sites))
    weights = np.bincount(site_index, weights=areas, minlength=len(sites))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weights > 0, sums / weights, np.nan)


@dataclass(frozen=True)
class RasterWindow:
    """Cells of a raster band, row 0 at the top: ``origin`` the top-left corner (x, y), ``cell`` the cell size
    (width, height), ``crs`` the raster's CRS as WKT; picklable, for worker processes without QGIS."""

    grid: np.ndarray
    origin: tuple[float, float]
    cell: tuple[float, float]
    nodata: float | None
    crs: str

    def values_at(self, points: np.ndarray, crs) -> np.ndarray:
        """The cell value under each point (shapely, in ``crs``); NaN off the raster and on NoData."""
        if not len(points):
            return np.array([])
        located = gpd.GeoSeries(points, crs=crs).to_crs(self.crs).values
        return zonal_statistics(np.asarray(located, dtype=object), self.grid, self.origin, self.cell, self.nodata)[0]


def zonal_statistics(sites: np.ndarray, grid: np.ndarray, origin: tuple[float, float], cell: tuple[float, float],
                     nodata: float | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, minimum and maximum of the raster cells whose centre lies in each site.

    ``grid`` is row-major with row 0 at the top; ``origin`` the top-left corner (x, y) and ``cell`` the cell size
    (width, height > 0). A site smaller than a cell takes the cell under its interior point, so no site is left
    without a value while it lies on the raster. The cell centres of all sites' bounding boxes are tested in
    vectorised batches."""
    raw = np.asarray(grid)
    grid = raw.astype(float)
    if nodata is not None and not np.isnan(nodata):  # NaN cells are skipped anyway
        # compared in the raster's own type: a float32 nodata such as -9999.9 differs from its float64 reading
        same_type = raw.dtype.kind == "f" or float(nodata).is_integer()
        grid[raw == (np.asarray(nodata).astype(raw.dtype) if same_type else nodata)] = np.nan
    rows, columns = grid.shape
    x0, y0 = origin
    width, height = cell
    minx, miny, maxx, maxy = shapely.bounds(sites).T
    c0 = np.clip(np.floor((minx - x0) / width), 0, columns).astype(np.int64)
    c1 = np.clip(np.ceil((maxx - x0) / width), 0, columns).astype(np.int64)
    r0 = np.clip(np.floor((y0 - maxy) / height), 0, rows).astype(np.int64)
    r1 = np.clip(np.ceil((y0 - miny) / height), 0, rows).astype(np.int64)
    span = np.maximum(c1 - c0, 0)
    counts = span * np.maximum(r1 - r0, 0)
    total, count = np.zeros(len(sites)), np.zeros(len(sites), dtype=np.int64)
    low, high = np.full(len(sites), np.inf), np.full(len(sites), -np.inf)
    shapely.prepare(sites)
    for batch in _batches(counts, ZONAL_BATCH_CELLS):
        site = np.repeat(batch, counts[batch])
        offset = np.arange(len(site)) - np.repeat(np.cumsum(counts[batch]) - counts[batch], counts[batch])
        row, column = r0[site] + offset // span[site], c0[site] + offset % span[site]
        inside = shapely.contains_xy(sites[site], x0 + (column + 0.5) * width, y0 - (row + 0.5) * height)
        site, values = site[inside], grid[row[inside], column[inside]]
        # a site without a cell centre inside takes the cell under its interior point
        empty = batch[np.bincount(site, minlength=len(sites))[batch] == 0]
        points = shapely.point_on_surface(sites[empty])
        point_row = np.floor((y0 - shapely.get_y(points)) / height)
        point_column = np.floor((shapely.get_x(points) - x0) / width)
        on_grid = (point_row >= 0) & (point_row < rows) & (point_column >= 0) & (point_column < columns)
        site = np.r_[site, empty[on_grid]]
        values = np.r_[values, grid[point_row[on_grid].astype(np.int64), point_column[on_grid].astype(np.int64)]]
        valid = ~np.isnan(values)
        site, values = site[valid], values[valid]
        total += np.bincount(site, weights=values, minlength=len(sites))
        count += np.bincount(site, minlength=len(sites))
        np.minimum.at(low, site, values)
        np.maximum.at(high, site, values)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, total / count, np.nan)
    return mean, np.where(count > 0, low, np.nan), np.where(count > 0, high, np.nan)


def _batches(counts: np.ndarray, limit: int):
    """Consecutive site indexes whose cell counts add up to about ``limit`` (one site may exceed it alone)."""
    ends = np.cumsum(counts)
    start = 0
    while start < len(counts):
        stop = max(start + 1, int(np.searchsorted(ends, ends[start] - counts[start] + limit, side="right")))
        yield np.arange(start, stop)
        start = stop


def compactness(geometries: np.ndarray) -> np.ndarray:
    """Polsby–Popper: 4πA/P², 1 for a circle, towards 0 for long or ragged shapes."""
    perimeter = shapely.length(geometries)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(perimeter > 0, 4 * math.pi * shapely.area(geometries) / perimeter ** 2, 0.0)
