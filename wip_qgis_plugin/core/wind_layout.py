"""Turbine layout: as many turbines as fit into each eligible polygon, every pair at least an ellipse apart (by
default 5 rotor diameters along the main wind direction and 3 across it).

In a frame turned to the main wind direction and scaled by the two spacings the ellipse becomes the unit circle, so
a layout is a set of points at least 1 apart, and the densest such set is a hexagonal lattice. Each polygon gets the
best of many lattices (orientations × offsets, counted with one vectorised point-in-polygon test) and of a greedy
fill along its boundary, each then topped up greedily; the plain regular grid a planner would draw (5D × 3D from the
polygon's corner) is always among the candidates, so the result never has fewer turbines than that grid.
Polygons are filled one after the other, each keeping its distance from the turbines placed before it and from the
existing turbines that stay.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .i18n import tr
from .lazy import lazy_module
from .wind_energy import WindError

np = lazy_module("numpy")
shapely = lazy_module("shapely")
spatial = lazy_module("scipy.spatial")

LATTICE_ROW_HEIGHTS = (0.55, 0.7, math.sqrt(3) / 2, 1.0)  # in spacings; see _lattices
LATTICE_ANGLE_STEP = 7.5  # degrees
LATTICE_OFFSETS = 6  # offsets per lattice axis
FILL_STEP = 0.1  # candidate spacing of the greedy top-up, in spacings
BOUNDARY_STEP = 0.25
TOLERANCE = 1e-9  # points exactly one spacing apart are allowed
EDGE_TOLERANCE = 1e-7  # in spacings: well below a millimetre
# candidate positions of the greedy fill over all areas: about 10 bytes × 3 arrays each, so ~1 GB at the limit;
# a municipality's wind areas need a few hundred thousand
MAX_FILL_CANDIDATES = 30_000_000


@dataclass(frozen=True)
class Spacing:
    """The spacing ellipse in metres (full distances between two turbine towers) and the main wind direction in
    degrees (where the wind comes from, clockwise from north; opposite directions give the same layout)."""

    along_m: float
    across_m: float
    direction_deg: float

    def __post_init__(self):
        if not (self.along_m > 0 and self.across_m > 0 and math.isfinite(self.direction_deg)):
            raise WindError(tr("Abstände zwischen den Anlagen müssen größer 0 sein."))

    def to_frame(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Map coordinates → the scaled wind frame (u along the wind, v across it, both in spacings)."""
        angle = math.radians(self.direction_deg)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        along = x * math.sin(angle) + y * math.cos(angle)
        across = -x * math.cos(angle) + y * math.sin(angle)
        return along / self.along_m, across / self.across_m

    def from_frame(self, u, v) -> tuple[np.ndarray, np.ndarray]:
        angle = math.radians(self.direction_deg)
        along, across = np.asarray(u) * self.along_m, np.asarray(v) * self.across_m
        return along * math.sin(angle) - across * math.cos(angle), along * math.cos(angle) + across * math.sin(angle)

    def geometry_to_frame(self, geometry):
        return shapely.transform(geometry, lambda xy: np.column_stack(self.to_frame(xy[:, 0], xy[:, 1])))

    def violations(self, x, y) -> int:
        """Pairs of points closer than the ellipse: 0 for a valid layout."""
        u, v = self.to_frame(x, y)
        if len(u) < 2:
            return 0
        return len(spatial.cKDTree(np.column_stack([u, v])).query_pairs(1.0 - 1e-6))


@dataclass
class Layout:
    x: np.ndarray
    y: np.ndarray
    site: np.ndarray  # the polygon index of each turbine
    per_site: np.ndarray  # turbines per polygon
    baseline_per_site: np.ndarray  # turbines the plain regular grid places per polygon, for comparison


def place_turbines(polygons: np.ndarray, spacing: Spacing, rotor_m: float, rotor_may_overhang: bool,
                   obstacles_xy: np.ndarray | None = None, progress=None, canceled=None,
                   foundation_inset_m: float = 0.0) -> Layout:
    """Turbine positions in each polygon (towers at least ``foundation_inset_m`` inside it, so that the foundation
    lies in the area; with ``rotor_may_overhang`` false the whole rotor disc too), at least ``spacing`` from each
    other and from the ``obstacles_xy`` (existing turbines that stay)."""
    if not (math.isfinite(foundation_inset_m) and foundation_inset_m >= 0):
        raise WindError(tr("Der Fundamentabstand zum Flächenrand muss mindestens 0 m betragen."))
    inset = foundation_inset_m if rotor_may_overhang else max(foundation_inset_m, rotor_m / 2.0)
    _check_work_size(polygons, spacing)
    taken = _Taken()
    if obstacles_xy is not None and len(obstacles_xy):
        taken.add(*spacing.to_frame(obstacles_xy[:, 0], obstacles_xy[:, 1]))
    xs, ys, sites = [], [], []
    per_site = np.zeros(len(polygons), dtype=int)
    baseline = np.zeros(len(polygons), dtype=int)
    # sites placed later keep their distance to the turbines of earlier ones: the largest go first, whatever order
    # the layer holds them in (the same areas give the same layout in every run)
    for done, index in enumerate(_placing_order(polygons)):
        polygon = polygons[index]
        if canceled is not None and canceled():
            break
        if polygon is None or shapely.is_empty(polygon):
            continue
        area = shapely.buffer(polygon, -inset) if inset > 0 else polygon
        if shapely.is_empty(area) or (shapely.area(area) <= 0 and shapely.length(area) <= 0):
            if progress is not None:
                progress(100.0 * (done + 1) / len(polygons))
            continue
        # widened by a hair so that a tower computed onto the boundary stays on it (and a line becomes an area)
        region = shapely.buffer(spacing.geometry_to_frame(area), EDGE_TOLERANCE, join_style="mitre")
        shapely.prepare(region)
        grid = _plain_grid(region, taken)
        baseline[index] = len(grid)
        u, v = _best_layout(region, taken, grid)
        taken.add(u, v)
        x, y = spacing.from_frame(u, v)
        xs.append(x)
        ys.append(y)
        sites.append(np.full(len(u), index))
        per_site[index] = len(u)
        if progress is not None:
            progress(100.0 * (done + 1) / len(polygons))
    return Layout(_joined(xs, float), _joined(ys, float), _joined(sites, int), per_site, baseline)


def _placing_order(polygons: np.ndarray) -> list[int]:
    """The sites by area, largest first; equal areas by the lower left corner of their extent."""
    def key(index):
        polygon = polygons[index]
        if polygon is None or shapely.is_empty(polygon):
            return (0.0, 0.0, 0.0)
        x0, y0, _x1, _y1 = shapely.bounds(polygon)
        return (-round(float(shapely.area(polygon)), 3), round(float(x0), 3), round(float(y0), 3))

    return sorted(range(len(polygons)), key=key)


def _check_work_size(polygons: np.ndarray, spacing: Spacing) -> None:
    """Refuse, before anything is allocated, areas that are huge against the spacing (a rotor typed in
    millimetres, a whole Land as one area): the fill grid would not fit into memory."""
    present = [polygon for polygon in polygons if polygon is not None and not shapely.is_empty(polygon)]
    if not present:
        return
    bounds = shapely.bounds(np.array(present, dtype=object))
    cells = ((bounds[:, 2] - bounds[:, 0]) * (bounds[:, 3] - bounds[:, 1])).sum() / (spacing.along_m
                                                                                      * spacing.across_m)
    candidates = cells / FILL_STEP ** 2
    if candidates > MAX_FILL_CANDIDATES:
        raise WindError(tr(
            "Die Flächen sind für den Anlagenabstand von {along:g} × {across:g} m zu groß ({count:.3g} mögliche "
            "Standorte, höchstens {limit:.3g}). Stimmen Rotordurchmesser und Abstände (in Metern), und ist jede "
            "Fläche eine Windfläche?").format(along=spacing.along_m, across=spacing.across_m, count=candidates,
                                              limit=float(MAX_FILL_CANDIDATES)))


def _joined(parts: list, kind) -> np.ndarray:
    return np.concatenate(parts) if parts else np.array([], dtype=kind)


class _Taken:
    """Points placed so far (in the scaled frame), for 'is anything closer than 1?' queries."""

    def __init__(self):
        self.points = np.empty((0, 2))
        self.tree = None

    def add(self, u, v) -> None:
        if len(u):
            self.points = np.vstack([self.points, np.column_stack([u, v])])
            self.tree = spatial.cKDTree(self.points)

    def free(self, u, v) -> np.ndarray:
        if self.tree is None or not len(u):
            return np.ones(len(u), dtype=bool)
        distance, _ = self.tree.query(np.column_stack([u, v]), distance_upper_bound=1.0)
        return distance >= 1.0 - TOLERANCE


def _plain_grid(region, taken: _Taken) -> np.ndarray:
    """The regular grid a planner would draw: one spacing apart along and across the wind, from the corner of the
    region's bounding box."""
    minu, minv, maxu, maxv = shapely.bounds(region)
    u, v = np.meshgrid(np.arange(minu, maxu + TOLERANCE, 1.0), np.arange(minv, maxv + TOLERANCE, 1.0))
    u, v = u.ravel(), v.ravel()
    keep = _inside(region, u, v)
    keep[keep] = taken.free(u[keep], v[keep])
    return np.column_stack([u[keep], v[keep]])


def _inside(region, u, v) -> np.ndarray:
    if not len(u):
        return np.zeros(0, dtype=bool)
    return shapely.intersects_xy(region, u, v)


def _best_layout(region, taken: _Taken, grid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The most turbines of the plain ``grid``, a greedy fill and the best lattice, topped up greedily."""
    candidates = _fill_candidates(region, taken)
    best = max([grid, _greedy(candidates, np.empty((0, 2))), _best_lattice(region, taken)], key=len)
    topped = _greedy(candidates, best)
    return topped[:, 0], topped[:, 1]


def _lattices(region):
    """(row height, spacing in a row, shift of each row, orientations) of the lattices tried: rows one spacing apart
    shifted so that neighbours in adjacent rows are too. Height √3/2 is the hexagonal lattice (repeats every 60°),
    1 the square grid, lower rows suit narrow sites; rows that fit the region's narrow side exactly (a zigzag along
    a strip, two rows on its edges) are tried along that side."""
    envelope = shapely.oriented_envelope(region)
    corners = shapely.get_coordinates(envelope)
    minu, minv, maxu, maxv = shapely.bounds(region)
    centre = np.array([(minu + maxu) / 2, (minv + maxv) / 2])
    shapes = [(height, None, centre) for height in LATTICE_ROW_HEIGHTS]
    if len(corners) >= 4:
        sides = np.diff(corners[:3], axis=0)
        lengths = np.hypot(sides[:, 0], sides[:, 1])
        long_side = sides[int(np.argmax(lengths))]
        narrow = float(lengths.min())
        along = math.atan2(long_side[1], long_side[0])
        # rows start on an edge; below ½ spacing every second row would stand on top of the first
        shapes += [(narrow / rows - EDGE_TOLERANCE, along, corners[0]) for rows in (1, 2, 3)
                   if 0.5 <= narrow / rows - EDGE_TOLERANCE < 1.0]
    for height, fixed_angle, origin in shapes:
        shift = math.sqrt(max(0.0, 1.0 - height ** 2))
        turn = 60.0 if math.isclose(height, math.sqrt(3) / 2) else 180.0
        angles = np.radians(np.arange(0.0, turn, LATTICE_ANGLE_STEP)) if fixed_angle is None else \
            np.array([fixed_angle])
        yield height, max(1.0, 2 * shift), shift, angles, origin


def _best_lattice(region, taken: _Taken) -> np.ndarray:
    """The lattice with the most points in the region, over lattice shapes, orientations and offsets."""
    minu, minv, maxu, maxv = shapely.bounds(region)
    radius = math.hypot(maxu - minu, maxv - minv) + 2.0  # from any origin on the region's envelope
    best = np.empty((0, 2))
    for height, step, shift, angles, origin in _lattices(region):
        rows, columns = int(math.ceil(radius / height)), int(math.ceil(radius / step)) + 1
        i, j = np.meshgrid(np.arange(-columns, columns + 1), np.arange(-rows, rows + 1))
        base = np.column_stack([(i * step + j * shift - np.round(j * shift / step) * step).ravel(),
                                (j * height).ravel()])
        base = base[np.hypot(base[:, 0], base[:, 1]) <= radius]
        offsets = [(a / LATTICE_OFFSETS * step + b / LATTICE_OFFSETS * shift, b / LATTICE_OFFSETS * height)
                   for a in range(LATTICE_OFFSETS) for b in range(LATTICE_OFFSETS)]
        for angle in angles:
            rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
            turned = base @ rotation.T
            layouts = np.concatenate([turned + rotation @ np.array(offset) for offset in offsets]) + origin
            inside = _inside(region, layouts[:, 0], layouts[:, 1])
            inside[inside] = taken.free(layouts[inside, 0], layouts[inside, 1])
            counts = inside.reshape(len(offsets), len(base)).sum(axis=1)
            top = int(np.argmax(counts))
            if counts[top] > len(best):
                best = layouts.reshape(len(offsets), len(base), 2)[top][inside.reshape(len(offsets), len(base))[top]]
    return best


def _fill_candidates(region, taken: _Taken) -> np.ndarray:
    """Where a greedy fill may put a turbine: boundary points first (corners hold turbines a lattice misses), then a
    fine grid row by row; none closer than a spacing to a turbine placed before."""
    boundary = shapely.segmentize(shapely.boundary(region), BOUNDARY_STEP)
    edge = shapely.get_coordinates(boundary)
    minu, minv, maxu, maxv = shapely.bounds(region)
    gu, gv = np.meshgrid(np.arange(minu, maxu + TOLERANCE, FILL_STEP), np.arange(minv, maxv + TOLERANCE, FILL_STEP))
    grid = np.column_stack([gu.ravel(), gv.ravel()])
    grid = grid[_inside(region, grid[:, 0], grid[:, 1])]
    candidates = np.vstack([edge, grid])
    return candidates[taken.free(candidates[:, 0], candidates[:, 1])]


def _greedy(candidates: np.ndarray, start: np.ndarray) -> np.ndarray:
    """``start`` topped up, in order, with every candidate that keeps its distance to those chosen."""
    chosen = [tuple(point) for point in start]
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for point in chosen:
        cells.setdefault((math.floor(point[0]), math.floor(point[1])), []).append(point)
    for u, v in candidates:
        cell = (math.floor(u), math.floor(v))
        if all((u - pu) ** 2 + (v - pv) ** 2 >= (1.0 - TOLERANCE) ** 2
               for du in (-1, 0, 1) for dv in (-1, 0, 1) for pu, pv in cells.get((cell[0] + du, cell[1] + dv), ())):
            cells.setdefault(cell, []).append((u, v))
            chosen.append((u, v))
    return np.array(chosen, dtype=float).reshape(-1, 2)


def existing_site(sites: np.ndarray, points: np.ndarray, distance_m: float) -> np.ndarray:
    """For each existing turbine the index of the site it stands in or within ``distance_m`` of (the nearest),
    -1 for none."""
    result = np.full(len(points), -1)
    present = ~shapely.is_missing(sites) & ~shapely.is_empty(sites)
    if not len(points) or not present.any():
        return result
    indexes = np.flatnonzero(present)
    point_index, site_index = shapely.STRtree(sites[indexes]).query_nearest(
        points, max_distance=max(distance_m, 0.0) or None, all_matches=False)
    if distance_m <= 0:  # only turbines inside a site
        inside = shapely.intersects(sites[indexes][site_index], points[point_index])
        point_index, site_index = point_index[inside], site_index[inside]
    result[point_index] = indexes[site_index]
    return result
