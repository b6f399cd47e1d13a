"""Criterion values of candidate sites, the inputs of the scoring: distances to the nearest feature, the share of a
site covered by a layer, area-weighted attribute means, raster zonal statistics, area and compactness.

All functions take the sites as an array of shapely polygons in a projected CRS and return one value per site
(NaN where a value does not exist, e.g. a mean over no overlap); spatial indexes keep far features out of the work.
"""

import math

import numpy as np
import shapely
from shapely import STRtree


def nearest_distance(sites: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Metres from each site to the nearest feature (0 where they touch); NaN when there are no features."""
    features = features[~shapely.is_missing(features) & ~shapely.is_empty(features)]
    if not len(features):
        return np.full(len(sites), np.nan)
    site_index, feature_index = STRtree(features).query_nearest(sites, all_matches=False)
    distance = np.full(len(sites), np.nan)
    distance[site_index] = shapely.distance(sites[site_index], features[feature_index])
    return distance


def _overlaps(sites: np.ndarray, features: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (site, feature) that overlap, and the area of each overlap (m²)."""
    features = shapely.make_valid(features[~shapely.is_missing(features) & ~shapely.is_empty(features)])
    if not len(features):
        return np.array([], dtype=int), np.array([], dtype=int), np.array([])
    site_index, feature_index = STRtree(features).query(sites, predicate="intersects")
    areas = shapely.area(shapely.intersection(sites[site_index], features[feature_index]))
    return site_index, feature_index, areas


def overlap_share(sites: np.ndarray, features: np.ndarray) -> np.ndarray:
    """Share 0–1 of each site's area covered by the features (overlapping features counted once)."""
    share = np.zeros(len(sites))
    features = features[~shapely.is_missing(features) & ~shapely.is_empty(features)]
    if not len(features):
        return share
    site_index, feature_index = STRtree(features).query(sites, predicate="intersects")
    for site in np.unique(site_index):
        covered = shapely.union_all(features[feature_index[site_index == site]])
        share[site] = shapely.area(shapely.intersection(sites[site], covered)) / shapely.area(sites[site])
    return np.clip(share, 0.0, 1.0)


def weighted_mean(sites: np.ndarray, features: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Area-weighted mean of ``values`` (one per feature) over each site; features with a missing value and
    sites without overlap give NaN weight / NaN."""
    values = np.asarray(values, dtype=float)
    present = ~shapely.is_missing(features) & ~np.isnan(values)
    site_index, feature_index, areas = _overlaps(sites, features[present])
    sums = np.bincount(site_index, weights=areas * values[present][feature_index], minlength=len(sites))
    weights = np.bincount(site_index, weights=areas, minlength=len(sites))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weights > 0, sums / weights, np.nan)


def zonal_statistics(sites: np.ndarray, grid: np.ndarray, origin: tuple[float, float], cell: tuple[float, float],
                     nodata: float | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, minimum and maximum of the raster cells whose centre lies in each site.

    ``grid`` is row-major with row 0 at the top; ``origin`` the top-left corner (x, y) and ``cell`` the cell size
    (width, height > 0). A site smaller than a cell takes the cell under its interior point, so no site is left
    without a value while it lies on the raster."""
    grid = np.asarray(grid, dtype=float)
    if nodata is not None:
        grid = np.where(grid == nodata, np.nan, grid)
    rows, columns = grid.shape
    x0, y0 = origin
    width, height = cell
    mean, low, high = (np.full(len(sites), np.nan) for _ in range(3))
    for index, (minx, miny, maxx, maxy) in enumerate(shapely.bounds(sites)):
        c0, c1 = max(0, math.floor((minx - x0) / width)), min(columns, math.ceil((maxx - x0) / width))
        r0, r1 = max(0, math.floor((y0 - maxy) / height)), min(rows, math.ceil((y0 - miny) / height))
        if c0 >= c1 or r0 >= r1:
            continue
        xs = x0 + (np.arange(c0, c1) + 0.5) * width
        ys = y0 - (np.arange(r0, r1) + 0.5) * height
        gx, gy = np.meshgrid(xs, ys)
        inside = shapely.contains_xy(sites[index], gx, gy)
        cells = grid[r0:r1, c0:c1][inside]
        if not inside.any():
            point = shapely.point_on_surface(sites[index])
            column = math.floor((shapely.get_x(point) - x0) / width)
            row = math.floor((y0 - shapely.get_y(point)) / height)
            cells = grid[row:row + 1, column:column + 1].ravel() if 0 <= row < rows and 0 <= column < columns \
                else np.array([])
        cells = cells[~np.isnan(cells)]
        if len(cells):
            mean[index], low[index], high[index] = cells.mean(), cells.min(), cells.max()
    return mean, low, high


def compactness(geometries: np.ndarray) -> np.ndarray:
    """Polsby–Popper: 4πA/P², 1 for a circle, towards 0 for long or ragged shapes."""
    perimeter = shapely.length(geometries)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(perimeter > 0, 4 * math.pi * shapely.area(geometries) / perimeter ** 2, 0.0)
