"""Solarpotenzial Dach: the rooftop PV potential of each roof surface and building.

Two methods, the finer where the data allow:

- From 3D building models (LoD2, CityGML 1.0 or 2.0 as the surveying offices publish them): every roof surface with
  its true area, tilt and orientation (from the normal of its 3D polygon). The usable area is the surface shrunk
  by the edge setback in the roof's own plane; surfaces whose usable area stays below the minimum (dormers, small
  roof parts) drop out. Pitched surfaces carry modules on a share of it, flat ones (below the flat-roof tilt)
  carry south-facing rows on the ground cover ratio.
- From footprints (ALKIS buildings): the roof area follows from the footprint and the roof form, or without one
  from the building function, with the stated standard assumptions; the coarser method, marked as such.

The specific yield of a surface is the yield of the best orientation times its orientation factor: the annual
irradiation on the tilted plane relative to the best plane, from a transposition of the region's irradiation with
the isotropic sky model (beam on the plane, diffuse from the visible sky, reflection from the ground). The
assumptions are data (``resources/yield/rooftop_pv.json``), every figure with its source and status. Everything
works on numpy arrays and shapely geometries in a projected CRS; GML files are read with the standard library.
"""
from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .i18n import tr
from .json_reader import Figure, JsonReader
from .lazy import lazy_module

np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

ASSUMPTIONS_FILE = Path(__file__).resolve().parent.parent / "resources" / "yield" / "rooftop_pv.json"
FORMAT, FORMAT_VERSION = "wip-rooftop-pv", 1
CLASSES = ("very_good", "good", "suitable", "unsuitable")
FLAT_ROOF_FORM = 1000  # ALKIS dachform "Flachdach"
RESIDENTIAL_FUNCTIONS = range(1000, 2000)  # ALKIS gebaeudefunktion: Wohngebäude
GML_SUFFIXES = (".gml", ".xml")


class RooftopError(ValueError):
    """Input the rooftop potential cannot work with; the message says what and where."""


@dataclass(frozen=True)
class FootprintAssumptions:
    pitched_tilt_deg: Figure
    pitched_usable_share: Figure
    flat_usable_share: Figure
    note: dict[str, str]


@dataclass(frozen=True)
class RooftopAssumptions:
    version: str
    date: str
    module_kwp_per_m2: Figure
    edge_setback_m: Figure
    min_usable_m2: Figure
    module_share_pitched: Figure
    flat_tilt_limit_deg: Figure
    flat_module_tilt_deg: Figure
    ground_cover_ratio_flat: Figure
    specific_yield_optimum_kwh_kwp: Figure
    diffuse_share: Figure
    albedo: Figure
    pvlib_losses_pct: Figure  # system losses of a simulation with pvlib
    class_limits: tuple[Figure, Figure, Figure]  # very good, good, suitable: shares of the best orientation's yield
    footprint: FootprintAssumptions

    def figures(self) -> dict[str, Figure]:
        """Every figure by its name in the data file, for the record of a run."""
        named = {name: getattr(self, name) for name in (
            "module_kwp_per_m2", "edge_setback_m", "min_usable_m2", "module_share_pitched", "flat_tilt_limit_deg",
            "flat_module_tilt_deg", "ground_cover_ratio_flat", "specific_yield_optimum_kwh_kwp", "diffuse_share",
            "albedo", "pvlib_losses_pct")}
        named.update(zip(("class_very_good", "class_good", "class_suitable"), self.class_limits))
        named.update({f"footprint.{name}": getattr(self.footprint, name)
                      for name in ("pitched_tilt_deg", "pitched_usable_share", "flat_usable_share")})
        return named


@cache
def shipped_rooftop_assumptions() -> RooftopAssumptions:
    return load_rooftop_assumptions()


def load_rooftop_assumptions(path: Path = ASSUMPTIONS_FILE) -> RooftopAssumptions:
    path = Path(path)
    reader = JsonReader.open(path, FORMAT, RooftopError, tr(
        "{file}: Annahmen zum Solarpotenzial Dach können nicht gelesen werden ({error})."))
    reader.expect_format(FORMAT, FORMAT_VERSION)
    limits = tuple(reader.figure(name, 0, 1) for name in ("class_very_good", "class_good", "class_suitable"))
    if not limits[0].value >= limits[1].value >= limits[2].value:
        reader.fail("class_good", tr("die Klassengrenzen müssen von „sehr gut“ zu „geeignet“ fallen"))
    footprint = reader.child("footprint")
    return RooftopAssumptions(
        reader.text("version"), reader.date("date").isoformat(), reader.figure("module_kwp_per_m2", 0.05, 0.5),
        reader.figure("edge_setback_m", 0, 5), reader.figure("min_usable_m2", 0, 1000),
        reader.figure("module_share_pitched", 0, 1), reader.figure("flat_tilt_limit_deg", 0, 30),
        reader.figure("flat_module_tilt_deg", 0, 60), reader.figure("ground_cover_ratio_flat", 0, 1),
        reader.figure("specific_yield_optimum_kwh_kwp", 300, 2500), reader.figure("diffuse_share", 0, 1),
        reader.figure("albedo", 0, 1), reader.figure("pvlib_losses_pct", 0, 100), limits,
        FootprintAssumptions(footprint.figure("pitched_tilt_deg", 0, 80),
                             footprint.figure("pitched_usable_share", 0, 1),
                             footprint.figure("flat_usable_share", 0, 1), footprint.bilingual("note")))


# -- LoD2 building models ------------------------------------------------------------------------------------------

@dataclass
class CityModel:
    """The roof surfaces (3D polygons, one row each) and the buildings (ground footprint) of LoD2 files."""

    roofs: pd.DataFrame  # building_id, surface_id, geometry (Polygon Z)
    buildings: pd.DataFrame  # building_id, function, roof_type, ags, source, geometry (2D footprint)
    epsg: int | None


def gml_files(path: Path) -> list[Path]:
    """The GML files of ``path``: the file itself, or those in the folder (not its subfolders), sorted."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in GML_SUFFIXES)
        if not files:
            raise RooftopError(tr("Im Ordner {folder} liegen keine GML-Dateien (.gml, .xml).").format(folder=path))
        return files
    if not path.is_file():
        raise RooftopError(tr("{file} gibt es nicht.").format(file=path))
    return [path]


def read_city_model(paths: list[Path], is_cancelled=lambda: False) -> CityModel:
    """Roof surfaces and buildings of the CityGML files ``paths`` (all in one CRS)."""
    model, codes = _Collected(), set()
    for path in paths:
        code = _read_citygml(Path(path), model, is_cancelled)
        if code is not None:
            codes.add(code)
    if len(codes) > 1:
        raise RooftopError(tr("Die Gebäudemodelle liegen in verschiedenen Koordinatensystemen (EPSG {codes}); "
                              "bitte einheitlich liefern.").format(codes=", ".join(map(str, sorted(codes)))))
    if not model.buildings:
        raise RooftopError(tr("In {files} steht kein Gebäude (bldg:Building) – ist es ein CityGML-Modell der "
                              "Version 1.0 oder 2.0?").format(files=", ".join(Path(p).name for p in paths)))
    roofs = model.polygons(model.roofs)
    buildings = pd.DataFrame(model.buildings, columns=["building_id", "function", "roof_type", "ags", "source"])
    buildings["geometry"] = model.footprints(roofs)
    return CityModel(pd.DataFrame({"building_id": [model.buildings[row[0]][0] for row in model.roofs],
                                   "surface_id": [row[1] for row in model.roofs], "geometry": roofs}),
                     buildings, codes.pop() if codes else None)


class _Collected:
    """What the files hold, gathered building by building: the attributes, and the rings of each roof and ground
    polygon (made into geometries all at once at the end)."""

    def __init__(self):
        self.buildings: list[list] = []
        self.roofs: list[tuple] = []  # (building index, surface id, rings)
        self.grounds: list[tuple] = []  # (building index, rings)

    @staticmethod
    def polygons(rows: list[tuple]) -> np.ndarray:
        """3D polygons from the rings of ``rows`` (their last item)."""
        rings = [ring for row in rows for ring in row[-1]]
        if not rings:
            return np.array([], dtype=object)
        ring_offsets = np.concatenate([[0], np.cumsum([len(ring) for ring in rings])])
        polygon_offsets = np.concatenate([[0], np.cumsum([len(row[-1]) for row in rows])])
        return shapely.from_ragged_array(shapely.GeometryType.POLYGON, np.concatenate(rings),
                                         (ring_offsets, polygon_offsets))

    def footprints(self, roofs: np.ndarray) -> np.ndarray:
        """Each building's ground surfaces, or where it has none the outline of its roofs, in 2D."""
        grounds = shapely.force_2d(self.polygons(self.grounds))
        owners = np.array([row[0] for row in self.grounds], dtype=np.int64)
        outlines = np.full(len(self.buildings), None, dtype=object)
        single = np.bincount(owners, minlength=len(self.buildings)) == 1
        outlines[owners[single[owners]]] = grounds[single[owners]]
        roof_owners = np.array([row[0] for row in self.roofs], dtype=np.int64)
        flat_roofs = shapely.force_2d(roofs)
        for building in np.flatnonzero(~single):
            parts = grounds[owners == building]
            if not len(parts):
                parts = flat_roofs[roof_owners == building]
            outlines[building] = shapely.union_all(parts) if len(parts) else None
        return shapely.make_valid(outlines)


@cache
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_citygml(path: Path, model: _Collected, is_cancelled) -> int | None:
    """Gather the roofs and buildings of one file; returns its EPSG code (None when it names none)."""
    epsg = None
    try:
        for _event, element in ElementTree.iterparse(path):
            if epsg is None and "srsName" in element.attrib:
                epsg = epsg_code(element.attrib["srsName"])
            if _local(element.tag) == "Building":  # its parts (bldg:BuildingPart) come with it
                _building(element, path, model)
                element.clear()
                if is_cancelled():
                    raise RooftopCancelled()
    except ElementTree.ParseError as error:
        raise RooftopError(tr("{file}: kein lesbares XML ({error}).").format(file=path.name, error=error)) from error
    except OSError as error:
        raise RooftopError(tr("{file}: Datei kann nicht gelesen werden ({error}).").format(
            file=path.name, error=error.strerror or error)) from error
    return epsg


class RooftopCancelled(Exception):  # noqa: N818 - a cancellation, not an error
    pass


def epsg_code(srs_name: str) -> int | None:
    """The EPSG code an srsName names: EPSG URNs and URLs, "EPSG:25832", and the AdV names of ETRS89/UTM
    (urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH → 25832)."""
    utm = re.search(r"ETRS89_UTM(32|33)", srs_name)
    if utm:
        return 25800 + int(utm.group(1))
    code = re.search(r"EPSG(?::+|/0/|\.xml#)(\d+)", srs_name, flags=re.IGNORECASE)
    return int(code.group(1)) if code else None


GML_ID = "{http://www.opengis.net/gml}id"


SURFACES = {"RoofSurface": "roof", "GroundSurface": "ground"}
BOUNDARIES = ("exterior", "outerBoundaryIs", "interior", "innerBoundaryIs")  # GML 3 and GML 2 names


def _building(element, path: Path, model: _Collected) -> None:
    """Gather one building: its function, roof form, municipality key and its roof and ground polygons (those of
    its parts too). Element by element in one pass: ElementTree's path search is slow on large models."""
    index = len(model.buildings)
    building_id = element.attrib.get(GML_ID) or f"{path.stem}_{index + 1}"
    attributes = {_local(child.tag): (child.text or "").strip() for child in element}
    ags = ""
    for node in element.iter():
        name = _local(node.tag)
        kind = SURFACES.get(name)
        if kind is not None:
            polygons = [_rings(polygon, path) for polygon in node.iter() if _local(polygon.tag) == "Polygon"]
            surface_id = node.attrib.get(GML_ID) or f"{building_id}_{name}"
            if kind == "roof":
                model.roofs += [(index, f"{surface_id}_{number}", rings)
                                for number, rings in enumerate(polygons, start=1) if rings]
            else:
                model.grounds += [(index, rings) for rings in polygons if rings]
        elif name.endswith("Attribute") and "gemeindeschl" in node.attrib.get("name", "").lower():
            ags = next(((value.text or "").strip() for value in node if _local(value.tag) == "value"), "")
    model.buildings.append([building_id, attributes.get("function", ""), attributes.get("roofType", ""), ags,
                            path.name])


def _rings(polygon, path: Path) -> list:
    """The exterior and interior rings (x, y, z) of a gml:Polygon; empty for one without height or too short."""
    coordinates = []
    for boundary in polygon:
        if _local(boundary.tag) in BOUNDARIES:
            ring = next((node for node in boundary.iter() if _local(node.tag) == "LinearRing"), None)
            coordinates.append(_coordinates(ring, path) if ring is not None else None)
    if not coordinates or any(c is None for c in coordinates) or len(coordinates[0]) < 4:
        return []
    return coordinates


def _coordinates(ring, path: Path):
    pos_list = next((node for node in ring if _local(node.tag) == "posList"), None)
    if pos_list is not None:
        text, dimension = pos_list.text or "", int(pos_list.attrib.get("srsDimension", 3))
    else:
        text, dimension = " ".join(node.text or "" for node in ring if _local(node.tag) == "pos"), 3
    try:
        values = np.array(text.split(), dtype=float)
    except ValueError as error:
        raise RooftopError(tr("{file}: unlesbare Koordinaten in einer Dachfläche ({error}).").format(
            file=path.name, error=error)) from error
    if dimension != 3 or len(values) % 3 or not len(values):
        return None
    return values.reshape(-1, 3)


# -- roof geometry -------------------------------------------------------------------------------------------------

@dataclass
class RoofGeometry:
    area_m2: np.ndarray  # true (sloped) area
    tilt_deg: np.ndarray  # 0 = flat, 90 = vertical
    azimuth_deg: np.ndarray  # the way the surface faces: 0 north, 90 east, 180 south, 270 west; NaN when flat
    usable_m2: np.ndarray  # after the edge setback, in the roof's own plane


def roof_geometry(polygons: np.ndarray, setback_m: float) -> RoofGeometry:
    """Area, tilt, orientation and usable area of planar 3D roof polygons.

    The normal is Newell's (the sum over the edges, which also averages out a slightly warped surface); it is
    turned to point up. Each polygon is then laid into its own plane (one axis along the contour, one down the
    slope), so that the setback is measured on the roof, not on the map."""
    polygons = np.array(polygons, dtype=object)  # a writable copy: shapely 2.1 refuses pandas 3's read-only views
    kind, coordinates, (ring_offsets, polygon_offsets) = shapely.to_ragged_array(polygons, include_z=True)
    count = len(polygons)
    ring_of_vertex = np.repeat(np.arange(len(ring_offsets) - 1), np.diff(ring_offsets))
    polygon_of_ring = np.repeat(np.arange(count), np.diff(polygon_offsets))
    origin = coordinates[ring_offsets[polygon_offsets[:-1]]]  # the first vertex of each polygon
    local = coordinates - origin[polygon_of_ring[ring_of_vertex]]
    following = np.roll(local, -1, axis=0)
    last = ring_offsets[1:] - 1  # the closing vertex: its edge would lead into the next ring
    (x, y, z), (x1, y1, z1) = local.T, following.T
    terms = np.column_stack([(y - y1) * (z + z1), (z - z1) * (x + x1), (x - x1) * (y + y1)])
    terms[last] = 0.0
    ring_normal = np.add.reduceat(terms, ring_offsets[:-1], axis=0) / 2 if len(terms) else np.zeros((0, 3))
    shell = ring_normal[polygon_offsets[:-1]]  # each polygon's first ring is its exterior
    normal = shell * np.where(shell[:, 2:3] < 0, -1.0, 1.0)
    ring_area = np.linalg.norm(ring_normal, axis=1)
    is_hole = np.ones(len(ring_area), dtype=bool)
    is_hole[polygon_offsets[:-1]] = False
    area = np.bincount(polygon_of_ring, weights=np.where(is_hole, -ring_area, ring_area), minlength=count)
    length = np.linalg.norm(normal, axis=1)
    unit = normal / np.where(length > 0, length, 1.0)[:, None]
    tilt = np.degrees(np.arccos(np.clip(unit[:, 2], -1.0, 1.0)))
    horizontal = np.hypot(unit[:, 0], unit[:, 1])
    azimuth = np.where(horizontal > 1e-9, np.degrees(np.arctan2(unit[:, 0], unit[:, 1])) % 360.0, np.nan)
    along = np.where(horizontal[:, None] > 1e-9, np.column_stack([-unit[:, 1], unit[:, 0], np.zeros(count)]) /
                     np.where(horizontal > 1e-9, horizontal, 1.0)[:, None], [1.0, 0.0, 0.0])
    down = np.cross(unit, along)
    vertex_polygon = polygon_of_ring[ring_of_vertex]
    in_plane = np.column_stack([(local * along[vertex_polygon]).sum(axis=1),
                                (local * down[vertex_polygon]).sum(axis=1)])
    flat_polygons = shapely.make_valid(shapely.from_ragged_array(kind, in_plane, (ring_offsets, polygon_offsets)))
    usable = shapely.area(shapely.buffer(flat_polygons, -setback_m, join_style="mitre")) if setback_m > 0 else \
        shapely.area(flat_polygons)
    return RoofGeometry(area, tilt, azimuth, usable)


# -- orientation factor --------------------------------------------------------------------------------------------

def plane_irradiation(tilt_deg, azimuth_deg, latitude_deg: float, diffuse_share: float, albedo: float) -> np.ndarray:
    """Annual irradiation on planes of ``tilt_deg`` facing ``azimuth_deg`` (0 north, 180 south; 1-D arrays)
    relative to the horizontal's: over the hours of a year, the beam on the plane by the angle of incidence, the
    diffuse light of the visible part of an isotropic sky and the ground's reflection (Liu & Jordan).

    The beam follows the sun's path through an atmosphere whose transmission falls with the air mass (Meinel;
    air mass after Kasten & Young); beam and diffuse are scaled so that diffuse makes ``diffuse_share`` of the
    horizontal's year. Only ratios between planes are used, so the region's total irradiation cancels out."""
    tilt = np.radians(np.asarray(tilt_deg, dtype=float))
    azimuth = np.radians(np.asarray(azimuth_deg, dtype=float))
    day = np.repeat(np.arange(1, 366), 24).astype(float)
    hour_angle = np.radians(15.0 * (np.tile(np.arange(24) + 0.5, 365) - 12.0))
    declination = np.radians(23.45) * np.sin(2 * np.pi * (284 + day) / 365)
    latitude = math.radians(latitude_deg)
    cos_zenith = (math.sin(latitude) * np.sin(declination) +
                  math.cos(latitude) * np.cos(declination) * np.cos(hour_angle))
    day_time = cos_zenith > 0.01
    cos_zenith, declination, hour_angle, day = (v[day_time] for v in (cos_zenith, declination, hour_angle, day))
    zenith_deg = np.degrees(np.arccos(cos_zenith))
    air_mass = 1.0 / (cos_zenith + 0.50572 * (96.07995 - zenith_deg) ** -1.6364)
    beam_normal = (1 + 0.033 * np.cos(2 * np.pi * day / 365)) * 0.7 ** (air_mass ** 0.678)
    beam_normal *= (1 - diffuse_share) / (beam_normal * cos_zenith).sum()  # the horizontal's beam sums to its share
    sin_zenith = np.sqrt(1 - cos_zenith ** 2)
    sun_azimuth = np.arctan2(np.sin(hour_angle),  # from south, positive to the west
                             np.cos(hour_angle) * math.sin(latitude) - np.tan(declination) * math.cos(latitude))
    sun = np.stack([-sin_zenith * np.sin(sun_azimuth), -sin_zenith * np.cos(sun_azimuth), cos_zenith])  # E, N, up
    face = np.stack([np.sin(tilt) * np.sin(azimuth), np.sin(tilt) * np.cos(azimuth), np.cos(tilt)], axis=1)
    beam = np.clip(face @ sun, 0, None) @ beam_normal
    return beam + diffuse_share * (1 + np.cos(tilt)) / 2 + albedo * (1 - np.cos(tilt)) / 2


TILT_STEP_DEG, AZIMUTH_STEP_DEG = 5, 10  # the grid of planes the orientation factor is interpolated in


def _grid() -> tuple[np.ndarray, np.ndarray]:
    return np.arange(0, 91, TILT_STEP_DEG), np.arange(0, 361, AZIMUTH_STEP_DEG)


@cache
def _orientation_table(latitude_deg: float, diffuse_share: float, albedo: float) -> np.ndarray:
    """The irradiation of the planes of the tilt × azimuth grid relative to the best of them."""
    tilt, azimuth = np.meshgrid(*_grid(), indexing="ij")
    table = plane_irradiation(tilt.ravel(), azimuth.ravel(), latitude_deg, diffuse_share, albedo)
    return (table / table.max()).reshape(tilt.shape)


def orientation_factor(tilt_deg, azimuth_deg, latitude_deg: float, assumptions: RooftopAssumptions) -> np.ndarray:
    """The yield of planes relative to the best orientation at ``latitude_deg`` (interpolated in the grid of planes;
    a flat plane, azimuth NaN, has the horizontal's)."""
    table = _orientation_table(round(latitude_deg, 1), assumptions.diffuse_share.value, assumptions.albedo.value)
    tilts, azimuths = _grid()
    tilt = np.clip(np.asarray(tilt_deg, dtype=float), 0, 90)
    azimuth = np.nan_to_num(np.asarray(azimuth_deg, dtype=float), nan=180.0) % 360.0
    i = np.clip(np.searchsorted(tilts, tilt, side="right") - 1, 0, len(tilts) - 2)
    j = np.clip(np.searchsorted(azimuths, azimuth, side="right") - 1, 0, len(azimuths) - 2)
    u = (tilt - tilts[i]) / TILT_STEP_DEG
    v = (azimuth - azimuths[j]) / AZIMUTH_STEP_DEG
    return ((1 - u) * (1 - v) * table[i, j] + u * (1 - v) * table[i + 1, j] + (1 - u) * v * table[i, j + 1] +
            u * v * table[i + 1, j + 1])


# -- potential -----------------------------------------------------------------------------------------------------

@dataclass
class RoofPotential:
    """Per roof surface (LoD2) or building (footprints): what it can carry and yield."""

    usable_m2: np.ndarray
    kwp: np.ndarray
    factor: np.ndarray  # the yield relative to the best orientation
    specific_kwh_kwp: np.ndarray
    mwh_a: np.ndarray
    suitability: np.ndarray  # one of CLASSES
    flat: np.ndarray  # modules on elevated rows


def suitability_classes(factor: np.ndarray, usable_m2: np.ndarray, assumptions: RooftopAssumptions) -> np.ndarray:
    """very good / good / suitable by the share of the best orientation's yield; unsuitable below, or when the
    usable area is below the minimum."""
    very_good, good, suitable = (limit.value for limit in assumptions.class_limits)
    classes = np.select([factor >= very_good, factor >= good, factor >= suitable], list(CLASSES[:3]), CLASSES[3])
    return np.where(usable_m2 >= assumptions.min_usable_m2.value, classes, CLASSES[3]).astype(object)


def _potential(usable_m2, flat, yields: tuple, assumptions: RooftopAssumptions) -> RoofPotential:
    """Capacity and yield of surfaces of ``usable_m2`` whose plane (or, when ``flat``, whose elevated rows) yield
    ``yields`` (the share of the best orientation's yield, and kWh/kWp); unsuitable surfaces carry none."""
    factor, specific = yields
    suitability = suitability_classes(factor, usable_m2, assumptions)
    share = np.where(flat, assumptions.ground_cover_ratio_flat.value, assumptions.module_share_pitched.value)
    kwp = np.where(suitability != CLASSES[3], usable_m2 * share * assumptions.module_kwp_per_m2.value, 0.0)
    return RoofPotential(usable_m2, kwp, factor, specific, kwp * specific / 1e3, suitability, flat)


def plane_yields(tilt_deg, azimuth_deg, latitude_deg: float, assumptions: RooftopAssumptions,
                 simulate: Callable[[np.ndarray], np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The share of the best orientation's yield and the specific yield (kWh/kWp·a) of planes: from the
    orientation factor and the yield of the best orientation, or, when ``simulate`` is given (kWh/kWp of each
    (tilt, azimuth) plane, e.g. pvlib with a weather file), from that for the planes of the factor's grid nearest
    to them and the grid's best plane."""
    if simulate is None:
        factor = orientation_factor(tilt_deg, azimuth_deg, latitude_deg, assumptions)
        return factor, factor * assumptions.specific_yield_optimum_kwh_kwp.value
    tilts, azimuths = _grid()
    table = _orientation_table(round(latitude_deg, 1), assumptions.diffuse_share.value, assumptions.albedo.value)
    best = np.unravel_index(int(np.argmax(table)), table.shape)
    snapped = np.column_stack([
        np.round(np.clip(np.asarray(tilt_deg, dtype=float), 0, 90) / TILT_STEP_DEG) * TILT_STEP_DEG,
        np.round(np.nan_to_num(np.asarray(azimuth_deg, dtype=float), nan=180.0) % 360.0 / AZIMUTH_STEP_DEG)
        * AZIMUTH_STEP_DEG % 360.0])
    planes, index = np.unique(np.vstack([snapped, [[tilts[best[0]], azimuths[best[1]]]]]), axis=0,
                              return_inverse=True)
    simulated = np.asarray(simulate(planes), dtype=float)[np.asarray(index).ravel()]
    return simulated[:-1] / simulated[-1], simulated[:-1]


def lod2_potential(roofs: RoofGeometry, latitude_deg: float, assumptions: RooftopAssumptions,
                   simulate: Callable[[np.ndarray], np.ndarray] | None = None) -> RoofPotential:
    """The potential of LoD2 roof surfaces: pitched ones facing their own way, flat ones with south-facing rows
    (``simulate`` as for :func:`plane_yields`)."""
    flat = roofs.tilt_deg < assumptions.flat_tilt_limit_deg.value
    tilt = np.where(flat, assumptions.flat_module_tilt_deg.value, roofs.tilt_deg)
    azimuth = np.where(flat, 180.0, roofs.azimuth_deg)
    return _potential(np.asarray(roofs.usable_m2, dtype=float), flat,
                      plane_yields(tilt, azimuth, latitude_deg, assumptions, simulate), assumptions)


def is_flat_roof(roof_forms, functions) -> np.ndarray:
    """Flat roofs by the ALKIS roof form (1000 = Flachdach, any other code pitched); without one by the building
    function (residential buildings pitched, all others flat)."""
    forms = pd.to_numeric(pd.Series(roof_forms, dtype=object), errors="coerce").to_numpy()
    uses = pd.to_numeric(pd.Series(functions, dtype=object), errors="coerce").to_numpy()
    residential = (uses >= RESIDENTIAL_FUNCTIONS.start) & (uses < RESIDENTIAL_FUNCTIONS.stop)
    return np.where(np.isnan(forms), ~residential, forms == FLAT_ROOF_FORM)


def footprint_potential(footprint_m2, flat, latitude_deg: float, assumptions: RooftopAssumptions,
                        simulate: Callable[[np.ndarray], np.ndarray] | None = None) -> RoofPotential:
    """The coarse potential of buildings known only by their footprint: a pitched roof's area is the footprint over
    the cosine of the assumed tilt, of which the share facing the sun is usable, at the mean yield of all
    orientations from east over south to west; a flat roof's usable share carries south-facing rows (``simulate``
    as for :func:`plane_yields`)."""
    rules = assumptions.footprint
    footprint_m2 = np.asarray(footprint_m2, dtype=float)
    flat = np.asarray(flat, dtype=bool)
    tilt = rules.pitched_tilt_deg.value
    roof_m2 = footprint_m2 / math.cos(math.radians(tilt))
    usable = np.where(flat, footprint_m2 * rules.flat_usable_share.value, roof_m2 * rules.pitched_usable_share.value)
    directions = np.arange(90.0, 271.0, 10.0)
    factors, specifics = plane_yields(np.append(np.full(len(directions), tilt), assumptions.flat_module_tilt_deg.value),
                                      np.append(directions, 180.0), latitude_deg, assumptions, simulate)
    return _potential(usable, flat, (np.where(flat, factors[-1], factors[:-1].mean()),
                                     np.where(flat, specifics[-1], specifics[:-1].mean())), assumptions)
