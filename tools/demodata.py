"""Seeded generator of the embedded demo data set (Hohenmölsen) and of district- and Land-scale test data.

* :func:`extract_real` cuts the real reference data in ``tools/reference_data`` (VG250 boundaries, UFZ wind
  turbines, SciGRID transmission grid, localzero statistics; sources and licences in its README) to the demo
  municipality.
* :func:`generate_synthetic` invents plausible planning layers for any boundary in EPSG:25832 – settlements,
  buildings, streets, traffic corridors, forest, water, protected areas, post-mining land, farmland, parcels,
  110 kV grid and district heating – reproducibly from one seed. They are demo data, not official data.
* :func:`write_gpkg` stores both in one GeoPackage; ``python -m tools.demodata`` is the command line.
"""

from __future__ import annotations

import argparse
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely import STRtree
from shapely.ops import substring

CRS = "EPSG:25832"
REFERENCE_DATA = Path(__file__).resolve().parent / "reference_data"

_BKG = "© GeoBasis-DE / BKG (2016), dl-de/by-2-0"
_SCIGRID = "SciGRID DE, CC BY 4.0; © OpenStreetMap contributors, ODbL"
ATTRIBUTION = {
    "real_gemeinde": _BKG,
    "real_nachbargemeinden": _BKG,
    "real_kreis": _BKG,
    "real_land": _BKG,
    "real_wea_bestand": "UFZ, Eichhorn et al. 2019, CC BY 4.0",
    "real_uw_uebertragungsnetz": _SCIGRID,
    "real_leitungen_uebertragungsnetz": _SCIGRID,
    "real_statistik": "Destatis / Regionalstatistik, MaStR via GermanZero localzero-data, dl-de/by-2-0",
}
SYNTHETIC_NOTE = ("Synthetische Demodaten, erzeugt von tools/demodata.py (seed {seed}, Maßstab {scale}) "
                  "– keine amtlichen Daten")

_VG250 = "vg250_2016_mitteldeutschland.gpkg"
_ADMIN_FIELDS = ["AGS", "RS", "GEN", "BEZ"]
_GRID_FIELDS = ("name", "voltage", "v_nom", "s_nom")
# GeoPackage timestamps would otherwise make every written file differ
_FIXED_TIMESTAMP = "2024-01-01T00:00:00.000Z"


# ----------------------------------------------------------------------------------------------------------
# real data
# ----------------------------------------------------------------------------------------------------------

def _with_attribution(layers: dict) -> dict:
    for name, layer in layers.items():
        layer.attrs["description"] = ATTRIBUTION[name]
    return layers


def extract_real(data_dir: Path = REFERENCE_DATA, ags: str = "15084235",
                 radius_m: float = 5000) -> dict[str, gpd.GeoDataFrame | pd.DataFrame]:
    """The real reference layers for the municipality ``ags``, each with its attribution in ``attrs``."""
    folder = Path(data_dir)
    gemeinden = pyogrio.read_dataframe(folder / _VG250, layer="vg250_gemeinden",
                                       columns=_ADMIN_FIELDS)[[*_ADMIN_FIELDS, "geometry"]]
    gemeinde = gemeinden[gemeinden["AGS"] == ags].reset_index(drop=True)
    if gemeinde.empty:
        raise ValueError(f"AGS {ags} fehlt in {_VG250}")
    area = shapely.union_all(gemeinde.geometry.values)
    # VG250 neighbours share their edges only up to coordinate rounding
    nearby = shapely.dwithin(gemeinden.geometry.values, area, 1.0)
    nachbarn = gemeinden[(gemeinden["AGS"] != ags) & nearby].reset_index(drop=True)

    plants = folder / "ufz_re_plants_2015_mitteldeutschland.gpkg"
    wea = pyogrio.read_dataframe(plants, layer="windpower", columns=["Year", "Power_kW", "Hub_m", "Dia_m"],
                                 bbox=area.buffer(radius_m).bounds)
    wea = wea[shapely.dwithin(wea.geometry.values, area, radius_m)].reset_index(drop=True)

    grid = folder / "scigrid_de_transmission_mitteldeutschland.gpkg"
    grid_area = area.buffer(25_000)
    layers = {}
    for name, layer in (("real_uw_uebertragungsnetz", "scigrid_buses"),
                        ("real_leitungen_uebertragungsnetz", "scigrid_lines")):
        fields = [f for f in _GRID_FIELDS if f in pyogrio.read_info(grid, layer=layer)["fields"]]
        layers[name] = pyogrio.read_dataframe(grid, layer=layer, columns=fields, bbox=grid_area.bounds)
    buses = layers["real_uw_uebertragungsnetz"]
    buses = buses[shapely.dwithin(buses.geometry.values, area, 25_000)].reset_index(drop=True)
    lines = layers["real_leitungen_uebertragungsnetz"]
    lines = lines.set_geometry(lines.geometry.intersection(grid_area))
    lines = lines[~lines.geometry.is_empty].reset_index(drop=True)

    stats = pd.read_csv(folder / "localzero_stats_mitteldeutschland.csv", dtype={"ags": str})
    stats = stats[stats["ags"] == ags].reset_index(drop=True)

    return _with_attribution({
        "real_gemeinde": gemeinde,
        "real_nachbargemeinden": nachbarn,
        "real_wea_bestand": wea,
        "real_uw_uebertragungsnetz": buses,
        "real_leitungen_uebertragungsnetz": lines,
        "real_statistik": stats,
    })


def extract_kreis(data_dir: Path = REFERENCE_DATA, ags: str = "15084235", level: str = "kreis") -> gpd.GeoDataFrame:
    """The VG250 district (``level`` "kreis": first five AGS digits) or Land ("land": first two) containing the
    municipality ``ags``."""
    path = Path(data_dir) / _VG250
    digits, layer = {"kreis": (5, "vg250_kreise"), "land": (2, "vg250_laender")}[level]
    areas = pyogrio.read_dataframe(path, layer=layer, columns=_ADMIN_FIELDS)
    areas = areas[[*_ADMIN_FIELDS, "geometry"]]
    area = areas[areas["AGS"].str[:digits] == ags[:digits]].reset_index(drop=True)
    if area.empty:
        raise ValueError(f"{level} {ags[:digits]} fehlt in {_VG250}")
    return _with_attribution({f"real_{level}": area})[f"real_{level}"]


# ----------------------------------------------------------------------------------------------------------
# parameters of the synthetic world
# ----------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Scale:
    margin_m: float           # context layers reach this far beyond the boundary
    res_per_km2: float        # residential buildings per km² when no statistics are given
    km2_per_town: float
    km2_per_village: float
    town_share: float         # share of the residential buildings that stand in towns
    nebengebaeude: float      # multiplier on the outbuilding probabilities of each building kind
    km2_per_mine: float       # 0: one mine on the side of Tagebau Profen (south-west of the centre)
    n_motorways: int
    n_mainlines: int
    # protected areas per 100 km² of work area: sites, (min, max) parts per site, (min, max) radius in m
    protected: tuple


_SCALES = {
    "municipality": _Scale(margin_m=1000, res_per_km2=35, km2_per_town=150, km2_per_village=6,
                           town_share=0.6, nebengebaeude=1.0, km2_per_mine=0, n_motorways=1, n_mainlines=1,
                           protected=(("LSG", 1.5, (1, 1), (1200, 2200)), ("NSG", 2.5, (1, 2), (150, 450)),
                                      ("FFH", 1.8, (2, 5), (120, 350)), ("SPA", 0.8, (1, 1), (1500, 2500)))),
    "district": _Scale(margin_m=1000, res_per_km2=66, km2_per_town=140, km2_per_village=4.5,
                       town_share=0.45, nebengebaeude=1.9, km2_per_mine=450, n_motorways=2, n_mainlines=2,
                       protected=(("LSG", 3.0, (1, 1), (1200, 3500)), ("NSG", 15, (2, 6), (120, 400)),
                                  ("FFH", 34, (4, 14), (80, 220)), ("SPA", 0.5, (1, 1), (2500, 5000)))),
    # a Land (Sachsen-Anhalt: 20,554 km²) at the district's density, for the region benchmark
    "land": _Scale(margin_m=1000, res_per_km2=66, km2_per_town=140, km2_per_village=4.5,
                   town_share=0.45, nebengebaeude=1.9, km2_per_mine=450, n_motorways=6, n_mainlines=6,
                   protected=(("LSG", 3.0, (1, 1), (1200, 3500)), ("NSG", 15, (2, 6), (120, 400)),
                              ("FFH", 34, (4, 14), (80, 220)), ("SPA", 0.5, (1, 1), (2500, 5000)))),
}

# Building kinds: type, width, depth, gap to the next building, setback from the street, storeys,
# probabilities of a garage, shed and barn behind the building.
_KINDS = {
    "efh": ("EFH", (8, 12), (8, 11), (6, 16), (3, 7), (1, 2), (0.22, 0.08, 0)),
    "rh": ("RH", (5.5, 7), (9, 11), (0, 0), (3, 5), (2, 2), (0.06, 0.1, 0)),
    "mfh": ("MFH", (12, 22), (10, 13), (0, 5), (1, 4), (2, 4), (0, 0.1, 0)),
    "altbau": ("MFH", (9, 18), (10, 13), (0, 1.5), (0.5, 1.5), (2, 3), (0, 0.15, 0)),
    "gmh": ("GMH", (36, 72), (11, 13), (16, 32), (4, 8), (5, 6), (0, 0, 0)),
    "hof": ("EFH", (10, 14), (9, 11), (8, 16), (1, 4), (1, 2), (0, 0.25, 0.45)),
    "laden": ("NWG", (12, 28), (10, 16), (0, 3), (0.5, 2), (1, 3), (0, 0.1, 0)),
    "halle": ("NWG", (25, 70), (18, 50), (10, 25), (8, 15), (1, 2), (0, 0, 0)),
    "stall": ("NWG", (30, 80), (12, 25), (10, 25), (8, 15), (1, 1), (0, 0, 0)),
    "schule": ("NWG", (30, 55), (12, 14), (4, 8), (0, 0), (2, 4), (0, 0, 0)),
    "garage": ("NWG", (3, 3.3), (5.5, 6), (0, 0), (0, 0), (1, 1), (0, 0, 0)),
}
_KIND = {name: i for i, name in enumerate(_KINDS)}
_K_TYP = np.array([k[0] for k in _KINDS.values()])
_K_RANGE = {field: np.array([k[i] for k in _KINDS.values()], dtype=float)
            for i, field in enumerate(("w", "d", "gap", "sb", "floors", "ob"), start=1)}
_RESIDENTIAL = np.isin(_K_TYP, ["EFH", "RH", "MFH", "GMH"])

# ALKIS Gebäudefunktion (GeoInfoDok AX_Gebaeude) per building kind
_FUNKTION = {
    "efh": {1010: 1.0},
    "rh": {1010: 1.0},
    "mfh": {1010: 0.8, 1123: 0.2},
    "altbau": {1010: 0.5, 1100: 0.2, 1123: 0.3},
    "gmh": {1010: 1.0},
    "hof": {1010: 0.6, 1220: 0.4},
    "laden": {2050: 0.25, 2010: 0.15, 2020: 0.15, 2081: 0.1, 3012: 0.05, 3021: 0.08, 3041: 0.07, 3065: 0.08,
              3211: 0.07},
    "halle": {2100: 0.2, 2110: 0.25, 2143: 0.3, 2020: 0.1, 2120: 0.15},
    "stall": {2720: 0.4, 2724: 0.35, 2143: 0.25},
    "schule": {3021: 0.4, 3065: 0.35, 2050: 0.25},
    "garage": {2463: 1.0},
}
# outbuildings: function codes, width, depth, distance behind the main building
_OUTBUILDINGS = (({2463: 1.0}, (3, 6.5), (5.5, 7), (1.5, 5)),
                 ({2723: 1.0}, (3, 7), (3, 6), (2, 8)),
                 ({2721: 0.5, 2720: 0.3, 2724: 0.2}, (12, 28), (9, 13), (4, 10)))

# Block styles and the mix of building kinds along their streets
_KERN, _WOHNEN, _PLATTE, _DORF, _GEWERBE, _AGRAR = range(6)
_STYLE_KINDS = {
    _KERN: {"altbau": 0.62, "laden": 0.22, "rh": 0.1, "efh": 0.06},
    _WOHNEN: {"efh": 0.8, "rh": 0.14, "mfh": 0.06},
    _PLATTE: {"gmh": 1.0},
    _DORF: {"hof": 0.78, "efh": 0.17, "laden": 0.05},
    _GEWERBE: {"halle": 1.0},
    _AGRAR: {"stall": 1.0},
}
_STYLE_P = np.array([[_STYLE_KINDS[s].get(k, 0.0) for k in _KINDS] for s in range(6)])
_W, _M, _G = "Wohnbaufläche", "Fläche gemischter Nutzung", "Industrie- und Gewerbefläche"
_NUTZUNG = np.array([_M, _W, _W, _M, _G, _G])  # ALKIS tatsächliche Nutzung per block style
_NUTZUNG_CODE = {_W: 41001, _G: 41002, _M: 41006}

# IWU construction-age classes and the census bins of the localzero statistics
_IWU = np.array(list("ABCDEFGHIJKL"))
_CENSUS_BINS = ("until_1919", "1919_1948", "1949_1978", "1979_1986", "1987_1990", "1991_1995", "1996_2000",
                "2001_2004", "2005_2008", "2009_2011")
# share of each census bin in the IWU classes, split by years (e.g. 1979–86: G 1979–83, H 1984–86)
_CENSUS_TO_IWU = np.array([
    [.3, .7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, .3, .37, .33, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, .625, .375, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, .8, .2, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, .25, .75, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, .33, .67, 0],
])
_DEFAULT_CENSUS = np.array([0.27, 0.17, 0.2, 0.09, 0.03, 0.06, 0.1, 0.04, 0.025, 0.015])
_AFTER_CENSUS = np.array([0] * 10 + [0.012, 0.025])  # K 2012–15 and L from 2016, not in the 2011 census
# construction age of non-residential kinds (A…L)
_NWG_AGE = {
    "laden": [.12, .33, .15, .07, .07, .06, .04, .05, .04, .04, .02, .01],
    "halle": [0, .02, .03, .04, .06, .08, .05, .2, .2, .17, .1, .05],
    "stall": [0, .02, .05, .1, .2, .3, .15, .1, .04, .02, .01, .01],
    "schule": [0, .05, .05, .05, .1, .35, .25, .1, .04, .01, 0, 0],
    "garage": [0, 0, 0, 0, .1, .45, .3, .15, 0, 0, 0, 0],
}
# residential buildings nearest a heat plant are connected first; blocks of flats before houses
_HEAT_TYPE_FACTOR = {"GMH": 0.35, "MFH": 0.6, "RH": 0.9, "EFH": 1.2}

_SYLLABLES = (("Gra", "Ze", "Tau", "We", "Keu", "Lo", "Mu", "Ple", "Sta", "Do", "Kö", "Wer", "Ro", "Zo",
               "Bö", "Ri", "Lu", "Gö", "Na", "Pö", "Ste", "Wä", "Jau", "Nö", "Dö", "Qua", "Tre", "Schkö",
               "Kri", "Me"),
              ("nitz", "bitz", "schütz", "ritz", "chau", "bau", "litz", "sen", "tzsch", "dorf", "witz", "na",
               "gast", "leben", "stedt", "ditz", "zig", "lau"))
_PREFIXES = ("", "", "", "", "Groß", "Klein", "Nieder", "Ober", "Alt", "Neu")
_LANDSCAPE = ("aue", "grund", "holz", "berg", "teiche", "tal", "hang", "heide", "wiesen", "bruch")
_STREETS_ROW = ("Bahnhofstraße", "Lindenstraße", "Schulstraße", "Gartenstraße", "Bergstraße", "Kirchstraße",
                "Friedensstraße", "Ringstraße", "Mühlstraße", "Wiesenstraße", "Rosenstraße", "Feldstraße",
                "Querstraße", "Sandstraße", "Parkstraße", "Teichstraße", "Waldstraße", "Mittelstraße",
                "Poststraße", "Goethestraße", "Schillerstraße", "Lessingstraße", "Thomas-Müntzer-Straße",
                "August-Bebel-Straße", "Straße der Einheit", "Weißenfelser Straße", "Zeitzer Straße")
_STREETS_COL = ("Am Anger", "Am Markt", "Am Teich", "Birkenweg", "Ahornweg", "Eichenweg", "Fliederweg",
                "Lerchenweg", "Finkenweg", "Mühlweg", "Kirchgasse", "Schmiedegasse", "Hohlweg", "Grüner Weg",
                "Am Sportplatz", "An der Schule", "Kastanienallee", "Pappelweg", "Heideweg", "Sonnenweg",
                "Amselweg", "Drosselweg", "Am Bahnhof", "Gänsegasse", "Neue Siedlung", "Am Feld",
                "Wiesengrund")
_ROAD_PREFIX = {"Kreisstraße": ("K", 2100, 2299), "Landesstraße": ("L", 180, 220),
                "Bundesstraße": ("B", 170, 199)}

_TITLES = {
    "synth_siedlung": "Siedlungsflächen (Wohnbau, gemischte Nutzung, Industrie und Gewerbe)",
    "synth_gebaeude": "Gebäude mit Gebäudefunktion, Gebäudetyp und Baualtersklasse (IWU)",
    "synth_strassen": "Straßenabschnitte zwischen Knotenpunkten",
    "synth_autobahn": "Autobahn",
    "synth_bahn": "Eisenbahnstrecken",
    "synth_wald": "Wald",
    "synth_gewaesser": "Stehende Gewässer und Tagebauseen",
    "synth_fliessgewaesser": "Fließgewässer",
    "synth_schutzgebiete": "Schutzgebiete (NSG, FFH, SPA, LSG, Naturpark)",
    "synth_bergbau": "Bergbaufolgeflächen (Tagebau, Kippe, geotechnischer Sperrbereich)",
    "synth_landwirtschaft": "Landwirtschaftsflächen mit Ackerzahl",
    "synth_flurstuecke": "Flurstücke",
    "synth_hochspannung_110kv": "110-kV-Freileitungen",
    "synth_umspannwerke_110kv": "Umspannwerke 110 kV",
    "synth_waermenetz": "Bestehendes Fernwärmenetz",
}


# ----------------------------------------------------------------------------------------------------------
# vectorised geometry helpers
# ----------------------------------------------------------------------------------------------------------

def _direction(bearing_deg):
    """Unit vectors for compass bearings (0 = north, 90 = east)."""
    b = np.radians(bearing_deg)
    return np.stack([np.sin(b), np.cos(b)], axis=-1)


def _parts(geoms, dim: int, min_size: float = 0.0):
    """Single parts of dimension ``dim`` (area or length ≥ min_size) and the index of their source."""
    parts, index = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    parts, inner = shapely.get_parts(parts, return_index=True)  # geometry collections from overlays
    index = index[inner]
    size = shapely.area(parts) if dim == 2 else shapely.length(parts)
    keep = (shapely.get_dimensions(parts) == dim) & ~shapely.is_empty(parts) & (size >= min_size)
    return parts[keep], index[keep]


def _inner_point(area):
    """A point deep inside ``area``: the centre of its largest inscribed circle (shapely >= 2.1), else the pole of
    inaccessibility of its largest part."""
    if hasattr(shapely, "maximum_inscribed_circle"):
        return shapely.get_point(shapely.maximum_inscribed_circle(area), 0)
    from shapely.ops import polylabel
    parts = shapely.get_parts(area)
    return polylabel(parts[np.argmax(shapely.area(parts))], tolerance=1.0)


def _voronoi_cells(xy: np.ndarray, extent) -> np.ndarray:
    """The Voronoi cell of each point, in the order of the points (GEOS before 3.12 returns them unordered)."""
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=shapely.box(
        *extent.bounds)))
    point, cell = STRtree(cells).query(shapely.points(xy), predicate="within")
    ordered = np.empty(len(xy), dtype=object)
    ordered[point] = cells[cell]
    return ordered


def _segments(lines):
    """Every segment of the lines as a two-point line."""
    coordinates, line = shapely.get_coordinates(lines, return_index=True)
    follows = np.flatnonzero(line[1:] == line[:-1])
    if not len(follows):
        return np.array([], dtype=object)
    return shapely.linestrings(np.stack([coordinates[follows], coordinates[follows + 1]], axis=1))


def _tiled(areas, size: float = 5000.0):
    """The areas cut into the squares of a ``size`` grid: a corridor across a Land has a box that holds everything."""
    areas = np.asarray(areas, dtype=object)
    areas = areas[~shapely.is_missing(areas) & ~shapely.is_empty(areas)]
    if not len(areas):
        return areas
    minx, miny, maxx, maxy = shapely.total_bounds(areas)
    xs, ys = np.arange(minx, maxx + size, size), np.arange(miny, maxy + size, size)
    tiles = shapely.box(*np.meshgrid(xs, ys), *np.meshgrid(xs + size, ys + size)).ravel()
    area_index, tile_index = STRtree(tiles).query(areas, predicate="intersects")
    pieces = shapely.intersection(areas[area_index], tiles[tile_index])
    return pieces[~shapely.is_empty(pieces)]


def _clip(geoms, area):
    """``geoms`` clipped to the prepared ``area``; only geometries crossing its edge are intersected."""
    geoms = np.asarray(geoms, dtype=object)
    out = geoms.copy()
    cut = ~shapely.contains_properly(area, geoms)
    out[cut] = shapely.intersection(geoms[cut], area)
    return out


def _padded(values, groups, n_groups):
    """values arranged as rows per group (padded with None) for the row-wise shapely reductions."""
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    counts = np.bincount(g, minlength=n_groups)
    pos = np.arange(len(g)) - (np.cumsum(counts) - counts)[g]
    out = np.full((n_groups, max(int(counts.max(initial=0)), 1)), None, dtype=object)
    out[g, pos] = values[order]
    return out


def _subtract(geoms, obstacles):
    """Each geometry minus the obstacles it touches (one local union per geometry, not one global union)."""
    geoms = np.asarray(geoms, dtype=object)
    obstacles = np.asarray(obstacles, dtype=object)
    if len(geoms) == 0 or len(obstacles) == 0:
        return geoms
    hit, obstacle = STRtree(obstacles).query(geoms, predicate="intersects")
    if len(hit) == 0:
        return geoms
    touched, group = np.unique(hit, return_inverse=True)
    local = shapely.union_all(_padded(obstacles[obstacle], group, len(touched)), axis=1)
    out = geoms.copy()
    out[touched] = shapely.difference(geoms[touched], local)
    return out


def _rank_within(groups, keys):
    """Position of each element inside its group when the group is sorted by key."""
    order = np.lexsort((keys, groups))
    g = groups[order]
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = np.arange(len(g)) - np.searchsorted(g, g, side="left")
    return rank


def _apportion(fractions, n: int):
    """Integer counts summing to n in proportion to fractions (largest remainder)."""
    share = np.asarray(fractions, dtype=float)
    share = share / share.sum() * n
    counts = np.floor(share).astype(np.int64)
    counts[np.argsort(counts - share, kind="stable")[:n - counts.sum()]] += 1
    return counts


def _mst(xy):
    """Edges of the Euclidean minimum spanning tree (Prim, O(n²) on a few hundred settlements)."""
    n = len(xy)
    in_tree = np.zeros(n, dtype=bool)
    in_tree[0] = True
    best = np.hypot(*(xy - xy[0]).T)
    parent = np.zeros(n, dtype=np.int64)
    edges = []
    for _ in range(n - 1):
        j = int(np.argmin(np.where(in_tree, np.inf, best)))
        edges.append((int(parent[j]), j))
        in_tree[j] = True
        d = np.hypot(*(xy - xy[j]).T)
        closer = d < best
        best[closer] = d[closer]
        parent[closer] = j
    return np.array(edges, dtype=np.int64).reshape(-1, 2)


def _sample_choice(rng, table: dict, n: int):
    codes = np.array(list(table))
    return codes[rng.choice(len(codes), size=n, p=np.array(list(table.values())) / sum(table.values()))]


def _gdf(columns: dict, geoms) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=np.asarray(geoms, dtype=object), crs=CRS)


# ----------------------------------------------------------------------------------------------------------
# the generator
# ----------------------------------------------------------------------------------------------------------

class _World:
    """One synthetic world; the methods run in a fixed order because they share one random generator."""

    def __init__(self, boundary, seed: int, scale: str, stats: dict | None):
        if scale not in _SCALES:
            raise ValueError(f"scale must be one of {sorted(_SCALES)}, not {scale!r}")
        self.cfg = _SCALES[scale]
        self.rng = np.random.default_rng(seed)
        self.boundary = shapely.make_valid(boundary)
        self.work = self.boundary.buffer(self.cfg.margin_m)
        self.band = self.work.difference(self.boundary)
        for geom in (self.boundary, self.work, self.band):
            shapely.prepare(geom)
        centroid = self.boundary.centroid
        self.centre = np.array(shapely.get_coordinates(
            centroid if self.boundary.contains(centroid)
            else _inner_point(self.boundary))[0])
        x0, y0, x1, y1 = self.work.bounds
        self.diagonal = float(np.hypot(x1 - x0, y1 - y0))
        self.stats = {k: v for k, v in (stats or {}).items() if not pd.isna(v)}
        self.area_km2 = self.boundary.area / 1e6
        self.used_names: set[str] = set()

    # -- small tools ---------------------------------------------------------------------------------------

    def name(self, suffix: str = "") -> str:
        """A new place name from regional-sounding syllables."""
        for _ in range(50):
            root = (self.rng.choice(_SYLLABLES[0]) + self.rng.choice(_SYLLABLES[1]))
            prefix = self.rng.choice(_PREFIXES)
            name = (prefix + root.lower() if prefix else root) + suffix
            if name not in self.used_names:
                break
        self.used_names.add(name)
        return name

    def points_in(self, region, n: int):
        """n uniform random points inside a prepared region."""
        x0, y0, x1, y1 = region.bounds
        found = np.empty((0, 2))
        while len(found) < n:
            xy = self.rng.uniform((x0, y0), (x1, y1), size=(max(4 * n, 64), 2))
            found = np.vstack([found, xy[shapely.contains_xy(region, xy[:, 0], xy[:, 1])]])
        return found[:n]

    def blobs(self, xy, radius, roughness=0.25, stretch=(1.0, 1.0), n_vertices=36):
        """Star-shaped random polygons (always valid) around xy with about the given mean radius."""
        xy = np.atleast_2d(xy)
        n = len(xy)
        radius = np.broadcast_to(np.asarray(radius, dtype=float), (n,))
        theta = np.linspace(0, 2 * np.pi, n_vertices, endpoint=False)
        k = np.arange(1, 5)
        amp = self.rng.uniform(0, roughness, (n, 4)) / k
        phase = self.rng.uniform(0, 2 * np.pi, (n, 4))
        r = 1 + (amp[:, :, None] * np.cos(k[None, :, None] * theta + phase[:, :, None])).sum(axis=1)
        s = self.rng.uniform(*stretch, n)
        turn = self.rng.uniform(0, np.pi, n)
        u = r * np.cos(theta) * s[:, None]
        v = r * np.sin(theta) / s[:, None]
        x = xy[:, 0, None] + radius[:, None] * (u * np.cos(turn)[:, None] - v * np.sin(turn)[:, None])
        y = xy[:, 1, None] + radius[:, None] * (u * np.sin(turn)[:, None] + v * np.cos(turn)[:, None])
        return shapely.polygons(np.stack([x, y], axis=-1))

    def wavy_line(self, through, bearing, amplitude, wavelength=(6000, 14000), length=None, step=100.0):
        """A gently meandering line through a point; the sideways offset is a function of the distance along
        the line, so it never crosses itself."""
        length = length or 1.3 * self.diagonal
        t = np.arange(-length / 2, length / 2 + step, step)
        lam = self.rng.uniform(*wavelength, 2)
        phase = self.rng.uniform(0, 2 * np.pi, 2)
        lateral = amplitude * np.sin(2 * np.pi * t[:, None] / lam + phase).sum(axis=1) / 2
        d = _direction(bearing)
        normal = np.array([-d[1], d[0]])
        return shapely.linestrings(np.asarray(through) + t[:, None] * d + lateral[:, None] * normal)

    def reach(self, bearing) -> float:
        """Distance from the centre to the boundary along a bearing."""
        ray = shapely.linestrings([self.centre, self.centre + _direction(bearing) * 4 * self.diagonal])
        hits = shapely.get_coordinates(shapely.intersection(ray, self.boundary.boundary))
        return float(np.hypot(*(hits - self.centre).T).min()) if len(hits) else 1000.0

    # -- post-mining land ----------------------------------------------------------------------------------

    def mining(self):
        """Mining areas: a lake in the residual hole, an active pit beyond it, spoil (Kippe) around both and
        geotechnical restricted zones along the shores and the pit edge."""
        rng = self.rng
        if self.cfg.km2_per_mine == 0:
            bearing = 210 + rng.uniform(-20, 20)  # Tagebau Profen lies south-west of Hohenmölsen's centre
            lake_ha = np.clip(rng.uniform(80, 220), 50, max(50, 5 * self.area_km2))  # ≤ 5 % of small areas
            lake_r = np.sqrt(lake_ha * 1e4 / np.pi)
            dist = max(self.reach(bearing) - lake_r - 300, 1800 + lake_r)
            sites = [(self.centre + _direction(bearing) * dist, bearing, lake_r, True)]
        else:
            n = max(1, round(self.area_km2 / self.cfg.km2_per_mine))
            sites = []
            for xy in self.points_in(self.boundary, 20 * n):
                if len(sites) == n:
                    break
                if all(np.hypot(*(xy - s[0])) > 9000 for s in sites):
                    sites.append((xy, rng.uniform(0, 360), np.sqrt(rng.uniform(100, 500) * 1e4 / np.pi),
                                  len(sites) == 0 or rng.random() < 0.5))
        rows = {"kategorie": [], "name": [], "geometry": []}
        lakes, lake_names, pits = [], [], []
        for xy, bearing, lake_r, active in sites:
            name = self.name()
            lake = self.blobs(xy, lake_r, roughness=0.2, stretch=(1.0, 1.6))[0]
            complex_ = lake.buffer(700)
            pit = None
            if active:
                pit_r = rng.uniform(1000, 1600)
                pit_xy = xy + _direction(bearing) * (lake_r + 0.8 * pit_r + 400)
                pit = self.blobs(pit_xy, pit_r, roughness=0.15, stretch=(1.0, 1.4))[0]
                complex_ = shapely.union(complex_, pit.buffer(600))
                pit = shapely.intersection(pit, complex_)
                pits.append(pit)
            complex_ = shapely.union(complex_, self.blobs(xy, lake_r + 900, roughness=0.2)[0])
            kippe = complex_.difference(lake)
            sperr = lake.buffer(200).difference(lake)
            if pit is not None:
                kippe = kippe.difference(pit)
                sperr = sperr.union(pit.buffer(150).difference(pit))
            sperr = sperr.intersection(kippe)
            for kategorie, geom in (("Tagebau", pit), ("Kippe", kippe), ("Sperrbereich", sperr)):
                if geom is not None:
                    rows["kategorie"].append(kategorie)
                    rows["name"].append(f"{kategorie} {name}")
                    rows["geometry"].append(geom)
            lakes.append(lake)
            lake_names.append(f"{name}er See")
        geoms = _clip(rows["geometry"], self.work)
        parts, src = _parts(geoms, 2, 100)
        self.bergbau = _gdf({k: np.array(v)[src] for k, v in rows.items() if k != "geometry"}, parts)
        self.lakes = np.array([shapely.intersection(lake, self.work) for lake in lakes], dtype=object)
        self.lake_names = lake_names
        self.pits = np.array(pits, dtype=object)
        self.mine_sites = np.array([s[0] for s in sites])
        mined = self.bergbau.geometry.values
        self.kippe = shapely.union_all(mined[self.bergbau["kategorie"].values == "Kippe"])
        self.restricted = shapely.union_all(mined[self.bergbau["kategorie"].values != "Kippe"])
        self.mining_area = shapely.union_all(np.concatenate([mined, self.lakes]))
        for geom in (self.kippe, self.restricted, self.mining_area):
            shapely.prepare(geom)

    # -- motorways and railways ----------------------------------------------------------------------------

    def _free_line(self, propose, avoid, min_centre_distance=0.0):
        """The first proposed line that crosses the work area, misses ``avoid`` and keeps off the centre."""
        line = None
        for _ in range(40):
            line = propose()
            if (shapely.intersects(line, self.work) and not shapely.intersects(line, avoid)
                    and shapely.distance(line, shapely.Point(self.centre)) >= min_centre_distance):
                break
        return line

    def traffic(self):
        rng = self.rng
        avoid = shapely.union_all(np.concatenate([self.lakes, self.pits])).buffer(150)
        anchored = self.cfg.km2_per_mine == 0
        mine_bearing = float(np.degrees(np.arctan2(*(self.mine_sites[0] - self.centre))))

        def motorway():
            if anchored:  # on the far side from the mine, crossing the municipality or passing just outside
                off = mine_bearing + 180 + rng.uniform(-60, 60)
                dist = max(self.reach(off) * rng.uniform(0.7, 1.15), 1800)
                through = self.centre + _direction(off) * dist
                return self.wavy_line(through, off + 90 + rng.uniform(-25, 25), 250)
            return self.wavy_line(self.points_in(self.boundary, 1)[0], rng.uniform(0, 180), 400)

        def mainline():
            if anchored:
                off = rng.uniform(0, 360)
                return self.wavy_line(self.centre + _direction(off) * rng.uniform(900, 1800),
                                      off + 90 + rng.uniform(-30, 30), 150)
            return self.wavy_line(self.points_in(self.boundary, 1)[0], rng.uniform(0, 180), 300)

        motorways = [self._free_line(motorway, avoid, 1500 if anchored else 0)
                     for _ in range(self.cfg.n_motorways)]
        mainlines = [self._free_line(mainline, avoid, 800 if anchored else 0)
                     for _ in range(self.cfg.n_mainlines)]
        branches = []
        # a single-track branch from the mainline to each mine (the coal railway), kept off the centre
        main_union = shapely.union_all(mainlines)
        for site in self.mine_sites:
            start = shapely.get_coordinates(shapely.shortest_line(main_union, shapely.Point(site)))[0]
            end = site + (start - site) / max(np.hypot(*(start - site)), 1.0) * 1200
            mid = (start + end) / 2 + rng.uniform(-300, 300, 2)
            branch = shapely.linestrings([start, mid, end])
            if (1500 < branch.length < 15000 and not shapely.intersects(branch, avoid)
                    and shapely.distance(branch, shapely.Point(self.centre)) > 900):
                branches.append(branch)
        road_names = rng.choice(np.arange(9, 80), len(motorways), replace=False)
        geoms, src = _parts(_clip(motorways, self.work), 1, 50)
        self.autobahn = _gdf({"name": np.array([f"A {n} (synthetisch)" for n in road_names])[src],
                              "strassenklasse": np.full(len(geoms), "Autobahn")}, geoms)
        rails = mainlines + branches
        gleise = np.array([2] * len(mainlines) + [1] * len(branches))
        names = [f"Strecke {rng.integers(6200, 6899)}" for _ in mainlines] + ["Anschlussbahn"] * len(branches)
        geoms, src = _parts(_clip(rails, self.work), 1, 50)
        self.bahn = _gdf({"name": np.array(names)[src], "gleise": gleise[src],
                          "netz": np.where(gleise[src] == 2, "übergeordnetes Netz (§ 2b AEG)",
                                           "nicht übergeordnetes Netz")}, geoms)
        self.corridors = np.concatenate([shapely.buffer(self.autobahn.geometry.values, 100),
                                         shapely.buffer(self.bahn.geometry.values,
                                                        np.where(self.bahn["gleise"] == 2, 35.0, 25.0))])

    def streams(self):
        n = max(1, round(self.work.area / 60e6))
        lines = [self.wavy_line(self.points_in(self.work, 1)[0], self.rng.uniform(0, 360), 350,
                                wavelength=(1500, 4000), length=self.diagonal * self.rng.uniform(0.5, 1.2))
                 for _ in range(n)]
        names = np.array([self.name(self.rng.choice(["bach", "graben"])) for _ in range(n)])
        blocked = shapely.union_all(np.concatenate([self.lakes, self.pits]))
        geoms = shapely.difference(_clip(lines, self.work), blocked)
        parts, src = _parts(geoms, 1, 200)
        self.fliessgewaesser = _gdf({"art": np.full(len(parts), "Fließgewässer"), "name": names[src],
                                     "kuenstlich": np.zeros(len(parts), dtype=bool)}, parts)

    # -- settlements: seeds, street grids, blocks ------------------------------------------------------------

    def _plan(self):
        """Sizes (residential buildings) of the towns and villages inside and just outside the boundary."""
        rng, cfg = self.rng, self.cfg
        n_res = int(self.stats.get("buildings.buildings_total", cfg.res_per_km2 * self.area_km2))
        n_towns = max(1, round(self.area_km2 / cfg.km2_per_town))
        n_vill = max(2, round(self.area_km2 / cfg.km2_per_village))
        towns = _apportion(np.sort(rng.lognormal(0, 0.6, n_towns))[::-1], round(cfg.town_share * n_res))
        villages = _apportion(rng.lognormal(0, 0.6, n_vill), n_res - towns.sum())
        n_band = round(self.band.area / 1e6 / cfg.km2_per_village * 0.6)
        band = np.maximum(rng.lognormal(np.log(max(villages.mean(), 20)), 0.5, n_band).astype(np.int64), 15)
        return towns, np.maximum(villages, 15), band

    @staticmethod
    def _radius(n_res):
        # about 0.25 blocks per house, blocks of ~4,700 m², lobes and stretching need room
        return np.sqrt((np.ceil(0.25 * n_res) + 2) * 4700 / np.pi) * 1.6 + 120

    def _place(self, region, radii, taken, avoid):
        """Greedy placement of settlements (largest first) at random points far enough from all others and
        half a radius inside the region, so that a village of the municipality lies (mostly) within it."""
        cand = self.points_in(region, 40 * len(radii) + 50)
        cand = cand[shapely.distance(shapely.points(cand), avoid) > 250]
        inset = shapely.distance(shapely.points(cand), region.boundary)
        xy, rr = [p for p, _ in taken], [r for _, r in taken]
        placed = []
        i = 0
        for r in radii:
            while i < len(cand):
                p, room = cand[i], inset[i]
                i += 1
                apart = not xy or np.all(np.hypot(*(np.array(xy) - p).T) >= np.array(rr) + r + 150)
                if room >= 0.5 * r and apart:
                    xy.append(p)
                    rr.append(r)
                    placed.append((p, r))
                    break
        return placed

    def settlements(self):
        """Seeds, a street grid per settlement and its blocks (cells) with their style."""
        rng = self.rng
        towns, villages, band = self._plan()
        avoid = shapely.union_all(np.concatenate([self.autobahn.geometry.values, self.bahn.geometry.values,
                                                  [self.mining_area]]))
        taken = []
        town_r = self._radius(towns)
        if self.cfg.km2_per_mine == 0:
            taken.append((self.centre, town_r[0]))
            taken += self._place(self.boundary, town_r[1:], taken, avoid)
        else:
            taken += self._place(self.boundary, town_r, taken, avoid)
        n_town = len(taken)
        taken += self._place(self.boundary, self._radius(villages), taken, avoid)
        n_inside = len(taken)
        taken += self._place(self.band, self._radius(band), taken, avoid)
        # placement stops when a region is full: the first placed sizes of each kind are the ones in use
        sizes = np.concatenate([towns[:n_town], villages[:n_inside - n_town], band[:len(taken) - n_inside]])
        n = len(taken)
        seed_xy = np.array([p for p, _ in taken])
        radius = np.array([r for _, r in taken])
        is_town = np.arange(n) < n_town
        self.seed_xy, self.is_town, self.target = seed_xy, is_town, sizes
        self.settlement_names = np.array([self.name() for _ in range(n)])

        # street grid per settlement: m cells either side of the seed, columns/rows of random width
        m = np.ceil(radius / 48).astype(np.int64) + 1
        n_lines = 2 * m + 1                       # grid lines per direction; the seed sits on line m
        theta = rng.uniform(0, np.pi / 2, n)
        line_owner = np.repeat(np.arange(n), n_lines)
        first_line = np.cumsum(n_lines) - n_lines
        k = np.arange(n_lines.sum()) - first_line[line_owner]
        coords = []
        for lo, hi in ((55, 95), (48, 75)):      # block widths along, depths across the main street
            step = rng.uniform(lo, hi, n_lines.sum())
            step[k == 0] = 0
            pos = np.cumsum(step)
            pos -= pos[first_line[line_owner]]   # restart at every settlement
            coords.append(pos - pos[first_line[line_owner] + m[line_owner]])
        self.grid_u, self.grid_v = coords
        self.grid_first, self.grid_m, self.theta = first_line, m, theta

        # candidate cells: all grid cells; chosen by a noisy, stretched distance from the seed
        n_cells = (n_lines - 1) ** 2
        owner = np.repeat(np.arange(n), n_cells)
        c = np.arange(n_cells.sum()) - (np.cumsum(n_cells) - n_cells)[owner]
        ci, cj = c // (n_lines[owner] - 1), c % (n_lines[owner] - 1)
        u0, u1 = self.grid_u[first_line[owner] + ci], self.grid_u[first_line[owner] + ci + 1]
        v0, v1 = self.grid_v[first_line[owner] + cj], self.grid_v[first_line[owner] + cj + 1]
        uc, vc = (u0 + u1) / 2, (v0 + v1) / 2
        stretch = np.where(is_town, rng.uniform(1.0, 1.4, n), rng.uniform(1.2, 3.0, n))[owner]
        phi = np.arctan2(vc, uc)
        lobe_amp = rng.uniform(0, 0.3, (n, 3)) / np.arange(1, 4)
        lobe_phase = rng.uniform(0, 2 * np.pi, (n, 3))
        lobe = (lobe_amp[owner] * np.cos(np.arange(1, 4) * phi[:, None] + lobe_phase[owner])).sum(axis=1)
        dist = np.hypot(uc / stretch, vc) / (1 + lobe) + rng.uniform(0, 25, len(owner))
        cell_xy = self._to_world(owner, uc, vc)
        poly = self._cell_polygons(owner, ci, cj)
        allowed = (np.hypot(uc, vc) + 60 <= radius[owner]) & shapely.contains_xy(self.work, *cell_xy.T)
        blocked, _ = STRtree(_tiled(np.append(self.corridors, self.mining_area))).query(poly, predicate="intersects")
        allowed[blocked] = False
        rank = _rank_within(owner, np.where(allowed, dist, np.inf))
        want = np.ceil(0.25 * sizes * 1.3).astype(np.int64) + 2
        sel = allowed & (rank < want[owner])
        owner, ci, cj, uc, vc, dist, phi, poly = (a[sel] for a in (owner, ci, cj, uc, vc, dist, phi, poly))
        rho = _rank_within(owner, dist) / np.maximum(np.bincount(owner, minlength=n)[owner], 1)

        # block styles: old core, prefabricated estate (Plattenbau) and business park in towns; village cores
        gew_dir = rng.uniform(-np.pi, np.pi, n)
        platte_dir = gew_dir + np.pi + rng.uniform(-np.pi / 4, np.pi / 4, n)
        agrar = rng.random(n) < 0.4

        def near(direction, width):
            return np.abs(np.angle(np.exp(1j * (phi - direction[owner])))) < width

        town = is_town[owner]
        style = np.where(town, _WOHNEN, np.where(rho < 0.45, _DORF, _WOHNEN))
        style = np.where(town & (rho < 0.16), _KERN, style)
        style = np.where(town & (rho > 0.25) & (rho < 0.75) & near(platte_dir, 0.8), _PLATTE, style)
        style = np.where(town & (rho > 0.6) & near(gew_dir, 0.7), _GEWERBE, style)
        style = np.where(~town & agrar[owner] & (rho > 0.85) & near(gew_dir, 0.9), _AGRAR, style)
        self.cells = dict(owner=owner, i=ci, j=cj, u=uc, v=vc, rho=rho, style=style, poly=poly,
                          w=self.grid_u[first_line[owner] + ci + 1] - self.grid_u[first_line[owner] + ci],
                          d=self.grid_v[first_line[owner] + cj + 1] - self.grid_v[first_line[owner] + cj])

    def _to_world(self, owner, u, v):
        c, s = np.cos(self.theta[owner]), np.sin(self.theta[owner])
        x0, y0 = self.seed_xy[owner].T
        return np.stack([x0 + u * c - v * s, y0 + u * s + v * c], axis=-1)

    def _node_xy(self, owner, i, j):
        """World coordinates of grid nodes, always computed alike so that shared corners are identical."""
        first = self.grid_first[owner]
        return self._to_world(owner, self.grid_u[first + i], self.grid_v[first + j])

    def _cell_polygons(self, owner, i, j):
        corners = [self._node_xy(owner, i + di, j + dj) for di, dj in ((0, 0), (1, 0), (1, 1), (0, 1))]
        return shapely.polygons(np.stack(corners, axis=1))

    # -- buildings -----------------------------------------------------------------------------------------

    def buildings(self):
        """Buildings along the block edges, trimmed to the planned number of residential buildings."""
        rng, cells = self.rng, self.cells
        style, w, d = cells["style"], cells["w"], cells["d"]
        idx = np.arange(len(style))
        strip = np.select([style == _KERN, style == _PLATTE, np.isin(style, [_GEWERBE, _AGRAR])],
                          [np.minimum(18, d / 2 - 2), d / 2 - 8, d - 4], d / 2 - 1.5)
        two_sided = ~np.isin(style, [_GEWERBE, _AGRAR])
        kern, platte = style == _KERN, style == _PLATTE
        end = np.where(kern, 0.5, 4.0)
        # rows: (cell, side, first and last position along the edge, strip depth); side 4 = middle of a block
        rows = [(idx, 0, end, w - end, strip),
                (idx[two_sided], 1, end[two_sided], (w - end)[two_sided], strip[two_sided]),
                (idx[kern], 2, strip[kern] + 1, d[kern] - strip[kern] - 1, w[kern] / 2 - 2),
                (idx[kern], 3, strip[kern] + 1, d[kern] - strip[kern] - 1, w[kern] / 2 - 2),
                (idx[platte], 4, np.full(platte.sum(), 8.0), w[platte] - 8, np.full(platte.sum(), 14.0))]
        r_cell = np.concatenate([r[0] for r in rows])
        r_side = np.concatenate([np.full(len(r[0]), r[1]) for r in rows])
        r_t0, r_t1, r_strip = (np.concatenate([np.asarray(r[k], dtype=float) for r in rows])
                               for k in (2, 3, 4))
        n_rows = len(r_cell)
        slots = int(np.ceil(np.max(r_t1 - r_t0, initial=0) / 3.0)) + 1

        # building kind per slot; a block middle holds either a garage row or a school / shop
        cum = np.cumsum(_STYLE_P[style[r_cell]], axis=1)
        kind = (rng.random((n_rows, slots))[:, :, None] > cum[:, None, :]).sum(axis=2)
        kind = np.minimum(kind, len(_KINDS) - 1)
        middle = r_side == 4
        kind[middle] = np.where(rng.random(middle.sum()) < 0.55, _KIND["garage"], _KIND["schule"])[:, None]

        def draw(field):
            lo, hi = _K_RANGE[field][:, 0], _K_RANGE[field][:, 1]
            return lo[kind] + rng.random(kind.shape) * (hi - lo)[kind]

        bw, bd, gap, sb = draw("w"), draw("d"), draw("gap"), draw("sb")
        floors = np.floor(draw("floors") + rng.random(kind.shape)).clip(_K_RANGE["floors"][kind, 0],
                                                                       _K_RANGE["floors"][kind, 1])
        start = r_t0[:, None] + np.cumsum(bw + gap, axis=1) - bw - gap
        bd = np.where(middle[:, None], np.minimum(bd, 14), np.minimum(bd, r_strip[:, None] - sb))
        sb = np.where(middle[:, None], d[r_cell][:, None] / 2 - bd / 2, sb)
        ok = (start + bw <= r_t1[:, None]) & (bd >= 5)
        row, col = np.nonzero(ok)
        kind, bw, bd, gap, sb, start, floors = (a[row, col] for a in (kind, bw, bd, gap, sb, start, floors))
        cell = r_cell[row]
        owner = cells["owner"][cell]

        # keep the planned number of residential buildings per settlement, innermost blocks first
        residential = _RESIDENTIAL[kind]
        order_key = cells["rho"][cell] + row * 1e-9 + col * 1e-12
        rank = _rank_within(np.where(residential, owner, -1), order_key)
        keep_res = residential & (rank < self.target[owner])
        live_cell = np.zeros(len(style), dtype=bool)
        live_cell[cell[keep_res]] = True
        live_cell |= np.isin(style, [_GEWERBE, _AGRAR])
        keep = np.where(residential, keep_res, live_cell[cell])

        # outbuildings behind the main buildings, inside the strip of their own plot
        ob_p = _K_RANGE["ob"][kind] * self.cfg.nebengebaeude
        u = rng.random(len(kind))
        ob = np.select([u < ob_p[:, 0], u < ob_p[:, :2].sum(1), u < ob_p.sum(1)], [0, 1, 2], -1)
        ob_ranges = np.array([[o[1], o[2], o[3]] for o in _OUTBUILDINGS])  # (3 kinds, 3 ranges, lo/hi)
        o = np.maximum(ob, 0)
        ow, od, back = (ob_ranges[o, f, 0] + rng.random(len(o)) * (ob_ranges[o, f, 1] - ob_ranges[o, f, 0])
                        for f in range(3))
        plot = np.minimum(bw + gap - 1.5, r_t1[row] - start)  # along-edge extent of the building's own plot
        ow = np.minimum(ow, plot)
        ob_start = start + rng.random(len(o)) * np.maximum(plot - ow, 0)
        ob_n0 = sb + bd + back
        has_ob = keep & (ob >= 0) & (ow >= 2.5) & (ob_n0 + od <= r_strip[row]) & ~middle[row]

        main = np.nonzero(keep)[0]
        extra = np.nonzero(has_ob)[0]
        side = np.concatenate([r_side[row[main]], r_side[row[extra]]])
        bcell = np.concatenate([cell[main], cell[extra]])
        t0 = np.concatenate([start[main], ob_start[extra]])
        t1 = t0 + np.concatenate([bw[main], ow[extra]])
        n0 = np.concatenate([sb[main], ob_n0[extra]])
        n1 = n0 + np.concatenate([bd[main], od[extra]])
        geoms = self._rectangles(bcell, side, t0, t1, n0, n1)

        # attributes of main buildings, then of outbuildings
        is_main = np.arange(len(geoms)) < len(main)
        typ = np.concatenate([_K_TYP[kind[main]], np.full(len(extra), "NWG")])
        funktion = np.zeros(len(geoms), dtype=np.int64)
        kinds = np.concatenate([kind[main], np.full(len(extra), -1)])
        for name, k in _KIND.items():
            sel = kinds == k
            funktion[sel] = _sample_choice(rng, _FUNKTION[name], sel.sum())
        ob_kind = np.concatenate([np.full(len(main), -1), ob[extra]])
        for k, (table, *_ranges) in enumerate(_OUTBUILDINGS):
            sel = ob_kind == k
            funktion[sel] = _sample_choice(rng, table, sel.sum())
        barn_floors = np.where(ob[extra] == 2, rng.integers(1, 3, len(extra)), 1)
        geschosse = np.concatenate([floors[main], barn_floors])
        age = self._ages(kinds, cells["style"][bcell], cells["rho"][bcell], ob_kind,
                         np.concatenate([np.full(len(main), -1), np.searchsorted(main, extra)]))

        inside = shapely.contains_properly(self.work, geoms)
        if len(self.fliessgewaesser):
            # the streams' single segments: a stream across a Land has a box that holds every building
            near_stream, _ = STRtree(_segments(self.fliessgewaesser.geometry.values)).query(
                geoms, predicate="dwithin", distance=8)
            inside[near_stream] = False
        # an outbuilding goes with its main building
        main_gone = ~inside[:len(main)]
        inside[len(main):] &= ~main_gone[np.searchsorted(main, extra)]
        sel = np.nonzero(inside)[0]
        self.bld = dict(geom=geoms[sel], typ=typ[sel], funktion=funktion[sel], geschosse=geschosse[sel],
                        age=age[sel], cell=bcell[sel], main=is_main[sel])
        self.live_cell = live_cell

    def _rectangles(self, cell, side, t0, t1, n0, n1):
        """Rectangles given along (t) and inward (n) of a block edge, turned into world coordinates."""
        w, d = self.cells["w"][cell], self.cells["d"][cell]
        # edge frames: origin corner, direction along the edge, direction into the block
        sides = np.array([[-0.5, 0.5, 1, 0, 0, -1], [0.5, -0.5, -1, 0, 0, 1], [0.5, 0.5, 0, -1, -1, 0],
                          [-0.5, -0.5, 0, 1, 1, 0], [-0.5, 0.5, 1, 0, 0, -1]])[side]
        origin = np.stack([sides[:, 0] * w, sides[:, 1] * d], axis=-1)
        along, inward = sides[:, 2:4], sides[:, 4:6]
        ct = np.stack([t0, t1, t1, t0], axis=1)   # (n, 4 corners)
        cn = np.stack([n0, n0, n1, n1], axis=1)
        local = origin[:, None, :] + ct[:, :, None] * along[:, None, :] + cn[:, :, None] * inward[:, None, :]
        owner = self.cells["owner"][cell]
        world = self._to_world(np.repeat(owner, 4), (local[:, :, 0] + self.cells["u"][cell, None]).ravel(),
                               (local[:, :, 1] + self.cells["v"][cell, None]).ravel())
        return shapely.polygons(world.reshape(-1, 4, 2))

    def _ages(self, kinds, style, rho, ob_kind, main_of):
        """IWU construction-age class index: residential by rank of an 'age score' against the statistics."""
        rng = self.rng
        n = len(kinds)
        age = np.zeros(n, dtype=np.int64)
        residential = (kinds >= 0) & _RESIDENTIAL[np.maximum(kinds, 0)]
        counts = np.array([self.stats.get(f"buildings.buildings_{b}", np.nan) for b in _CENSUS_BINS])
        census = counts / counts.sum() if np.isfinite(counts).all() and counts.sum() > 0 else _DEFAULT_CENSUS
        shares = census @ _CENSUS_TO_IWU + _AFTER_CENSUS
        # old cores and village centres first, then the prefab estate, then outwards
        score = np.select([style == _KERN, style == _DORF, style == _PLATTE],
                          [rng.uniform(0, 0.25, n), rng.uniform(0.02, 0.45, n),
                           0.62 + rng.normal(0, 0.04, n)],
                          0.25 + 0.7 * rho + rng.normal(0, 0.15, n))
        res = np.nonzero(residential)[0]
        by_score = res[np.argsort(score[res], kind="stable")]
        age[by_score] = np.repeat(np.arange(12), _apportion(shares, len(res)))
        for name, probs in _NWG_AGE.items():
            sel = kinds == _KIND[name]
            age[sel] = rng.choice(12, size=sel.sum(), p=np.array(probs) / np.sum(probs))
        ob = ob_kind >= 0
        base = age[np.maximum(main_of, 0)]
        offset = np.select([ob_kind == 0, ob_kind == 1], [rng.integers(0, 5, n), rng.integers(-1, 4, n)],
                           -rng.integers(0, 3, n))
        age[ob] = np.clip(base + offset, 0, 11)[ob]
        return age

    # -- streets -------------------------------------------------------------------------------------------

    def streets(self):
        """Street sections along the edges of the inhabited blocks plus roads between settlements."""
        cells = self.cells
        live = self.live_cell
        owner, ci, cj = cells["owner"][live], cells["i"][live], cells["j"][live]
        self.siedlung_cells = dict(owner=owner, style=cells["style"][live], poly=cells["poly"][live])
        # four edges per block: (owner, i0, j0, i1, j1); duplicates are shared edges
        e = np.concatenate([np.stack([owner, ci, cj, ci + 1, cj], 1),
                            np.stack([owner, ci, cj + 1, ci + 1, cj + 1], 1),
                            np.stack([owner, ci, cj, ci, cj + 1], 1),
                            np.stack([owner, ci + 1, cj, ci + 1, cj + 1], 1)])
        e = np.unique(e, axis=0)
        eo, i0, j0, i1, j1 = e.T
        geoms = shapely.linestrings(np.stack([self._node_xy(eo, i0, j0), self._node_xy(eo, i1, j1)], axis=1))
        along = j0 == j1                                   # edge along the main-street direction
        line = np.where(along, j0, i0) - self.grid_m[eo]   # grid line index relative to the seed
        town = self.is_town[eo]
        offset = self.rng.integers(0, 1000, len(self.seed_xy))[eo] + line
        name = np.where(along, np.array(_STREETS_ROW)[offset % len(_STREETS_ROW)],
                        np.array(_STREETS_COL)[offset % len(_STREETS_COL)])
        main_street = along & (line == 0)
        name = np.where(main_street, "Hauptstraße", name)
        name = np.where(~along & (line == 0) & town, "Leipziger Straße", name)
        klasse = np.select([main_street & town, ~along & (line == 0) & town, main_street],
                           ["Bundesstraße", "Landesstraße", "Kreisstraße"], "Gemeindestraße")
        self.grid_streets = dict(geom=geoms, owner=eo)
        self.siedlung_union = shapely.union_all(cells["poly"][live])
        shapely.prepare(self.siedlung_union)
        roads = self._connecting_roads(e)
        geoms = np.concatenate([geoms, roads["geom"]])
        name = np.concatenate([name, roads["name"]])
        klasse = np.concatenate([klasse, roads["klasse"]])
        geoms, src = _parts(_clip(geoms, self.work), 1, 1)
        self.strassen = _gdf({"abschnitt_id": np.arange(1, len(geoms) + 1), "name": name[src],
                              "strassenklasse": klasse[src]}, geoms)

    def _road_name(self, klasse):
        letter, lo, hi = _ROAD_PREFIX[klasse]
        return f"{letter} {self.rng.integers(lo, hi)}"

    def _connecting_roads(self, edges):
        """Roads between neighbouring settlements (minimum spanning tree) and out of the towns, noded."""
        rng = self.rng
        eo = edges[:, 0]
        nodes = np.concatenate([self._node_xy(eo, edges[:, 1], edges[:, 2]),
                                self._node_xy(eo, edges[:, 3], edges[:, 4])])
        node_owner = np.concatenate([eo, eo])
        present = np.unique(eo)
        barrier = shapely.get_parts(shapely.union_all(np.concatenate([[self.siedlung_union.buffer(-5)], self.lakes,
                                                                      self.pits])))
        barriers = STRtree(barrier)

        def barrier_near(line):  # the barrier's parts near the line: a Land's settlements are too many to cut each
            return shapely.union_all(barrier[barriers.query(line)])

        lines, klasse = [], []
        for a, b in present[_mst(self.seed_xy[present])]:
            pa = nodes[node_owner == a]
            pb = nodes[node_owner == b]
            start = pa[np.argmin(np.hypot(*(pa - self.seed_xy[b]).T))]
            end = pb[np.argmin(np.hypot(*(pb - self.seed_xy[a]).T))]
            normal = np.array([start[1] - end[1], end[0] - start[0]])
            road = shapely.linestrings([start, (start + end) / 2 + normal * rng.uniform(-0.08, 0.08), end])
            if shapely.intersection(road, barrier_near(road)).length > 10:
                continue
            towns = int(self.is_town[a]) + int(self.is_town[b])
            lines.append(road)
            klasse.append(("Kreisstraße", "Landesstraße", "Bundesstraße")[towns])
        # the main streets of the towns continue into the open land until they meet something
        for t in present[self.is_town[present]]:
            mine = nodes[node_owner == t]
            rel = mine - self.seed_xy[t]
            c, s = np.cos(self.theta[t]), np.sin(self.theta[t])
            u, v = rel @ np.array([c, s]), rel @ np.array([-s, c])
            for axis, other, k in ((u, v, "Bundesstraße"), (v, u, "Landesstraße")):
                on_axis = np.abs(other) < 1
                for pick in (np.argmin, np.argmax) if on_axis.any() else ():
                    end = mine[on_axis][pick(axis[on_axis])]
                    heading = (end - self.seed_xy[t]) / max(np.hypot(*(end - self.seed_xy[t])), 1)
                    pts = end + np.outer([0, 1500, 3500, 6000], heading)
                    pts[1:] += rng.normal(0, 150, (3, 2))
                    road = shapely.linestrings(pts)
                    road = self._until_barrier(road, barrier_near(road))
                    if road is not None:
                        lines.append(road)
                        klasse.append(k)
        if not lines:
            nothing = np.array([], dtype=str)
            return dict(geom=np.array([], dtype=object), name=nothing, klasse=nothing)
        lines = np.array(lines, dtype=object)
        names = np.array([self._road_name(k) for k in klasse])
        pieces = shapely.get_parts(shapely.node(shapely.multilinestrings(lines)))
        src = STRtree(lines).query_nearest(shapely.line_interpolate_point(pieces, 0.5, normalized=True),
                                           all_matches=False)[1]
        return dict(geom=pieces, name=names[src], klasse=np.array(klasse)[src])

    @staticmethod
    def _until_barrier(line, barrier):
        """The line up to 20 m before its first contact with the barrier (ignoring its first metre)."""
        hit = shapely.get_coordinates(shapely.intersection(line, barrier))
        if len(hit):
            stops = shapely.line_locate_point(line, shapely.points(hit))
            stops = stops[stops > 1]
            if len(stops):
                line = substring(line, 0, stops.min() - 20)
        return line if shapely.get_type_id(line) == 1 and line.length > 200 else None

    def siedlung(self):
        cells = self.siedlung_cells
        nutzung = _NUTZUNG[cells["style"]]
        key = cells["owner"] * 10 + np.searchsorted(np.unique(_NUTZUNG), nutzung)
        groups, group = np.unique(key, return_inverse=True)
        polys = shapely.coverage_union_all(_padded(cells["poly"], group, len(groups)), axis=1)
        bad = ~shapely.is_valid(polys)  # GEOS 3.12-3.13: self-touching (inverted) rings where cells meet at a corner
        polys[bad] = shapely.make_valid(polys[bad])
        owner = groups // 10
        nutz = np.unique(_NUTZUNG)[groups % 10]
        parts, src = _parts(_clip(polys, self.work), 2, 50)
        codes = np.array([_NUTZUNG_CODE[x] for x in nutz])
        self.siedlung_gdf = _gdf({"nutzung": nutz[src], "alkis_code": codes[src],
                                  "name": self.settlement_names[owner][src]}, parts)

    # -- district heating ----------------------------------------------------------------------------------

    def heat(self):
        """Mark the buildings on district heat and draw the network along their streets."""
        bld = self.bld
        n_res_typ = np.isin(bld["typ"], list(_HEAT_TYPE_FACTOR))
        towns = np.nonzero(self.is_town)[0]
        centroid = shapely.get_coordinates(shapely.centroid(bld["geom"]))
        dist = np.min(np.hypot(centroid[:, None, 0] - self.seed_xy[towns, 0],
                               centroid[:, None, 1] - self.seed_xy[towns, 1]), axis=1)
        factor = pd.Series(bld["typ"]).map(_HEAT_TYPE_FACTOR).fillna(0.8).to_numpy()
        score = dist * factor * self.rng.lognormal(0, 0.25, len(dist))
        n_res = int(n_res_typ.sum())
        default = 0.2 * n_res_typ[np.isin(self.cells["owner"][bld["cell"]], towns)].sum()
        k = min(int(self.stats.get("buildings.buildings_heatnet", default)), n_res)
        waerme = np.zeros(len(score), dtype=bool)
        if k:
            res = np.nonzero(n_res_typ)[0]
            chosen = res[np.argsort(score[res], kind="stable")[:k]]
            waerme[chosen] = True
            # public and commercial main buildings in the same area, but no garages or sheds
            limit = score[chosen].max()
            waerme |= bld["main"] & ~n_res_typ & (score <= limit) & (bld["funktion"] != 2463)
        self.waermenetz_flag = waerme
        grid = self.grid_streets
        if waerme.any():
            tree = STRtree(grid["geom"])
            near = np.unique(tree.query_nearest(bld["geom"][waerme], all_matches=False)[1])
        else:
            near = np.array([], dtype=np.int64)
        geoms, src = _parts(_clip(grid["geom"][near], self.work), 1, 1)
        town = self.settlement_names[grid["owner"][near]][src].astype(str)
        self.waermenetz = _gdf({"art": np.full(len(geoms), "Fernwärme"),
                                "name": np.char.add("Fernwärmenetz ", town)}, geoms)

    def gebaeude(self):
        bld = self.bld
        geoms = bld["geom"]
        self.gebaeude_gdf = _gdf({
            "gebaeude_id": np.arange(1, len(geoms) + 1),
            "gebaeudefunktion": bld["funktion"],
            "gebaeudetyp": bld["typ"],
            "baualtersklasse": _IWU[bld["age"]],
            "geschosse": bld["geschosse"].astype(np.int64),
            "grundflaeche_m2": np.round(shapely.area(geoms), 1),
            "waermenetz": self.waermenetz_flag,
        }, geoms)

    # -- open land -----------------------------------------------------------------------------------------

    def forest(self):
        rng = self.rng
        share = (self.stats["area.veg_forrest"] / self.stats["area.land_total"]
                 if {"area.veg_forrest", "area.land_total"} <= self.stats.keys() else 0.12)
        mean_ha = 30.0
        # a third more blobs than the share asks for: overlaps, settlements and water take their part
        n = max(2, round(1.33 * share * self.work.area / 1e4 / mean_ha))
        radius = np.sqrt(rng.lognormal(np.log(mean_ha) - 0.4, 0.9, n) * 1e4 / np.pi)
        blobs = self.blobs(self.points_in(self.work, n), radius, roughness=0.35, stretch=(1.0, 1.8))
        obstacles = np.concatenate([shapely.buffer(self.siedlung_gdf.geometry.values, 25), self.lakes,
                                    self.pits, shapely.buffer(self.autobahn.geometry.values, 20)])
        forest = shapely.union_all(_subtract(_clip(blobs, self.work), obstacles))
        parts, _ = _parts([forest], 2, 5000)
        self.wald = _gdf({"alkis_code": np.full(len(parts), 43002)}, parts)

    def ponds(self):
        rng = self.rng
        n = max(2, round(self.work.area / 6e6))
        radius = np.sqrt(rng.uniform(0.3, 5.0, n) * 1e4 / np.pi)
        blobs = self.blobs(self.points_in(self.work, n), radius, roughness=0.2, stretch=(1.0, 1.5))
        obstacles = np.concatenate([shapely.buffer(self.siedlung_gdf.geometry.values, 10), [self.mining_area],
                                    shapely.buffer(self.corridors, 10)])
        ponds = _subtract(_clip(blobs, self.work), obstacles)
        lakes, lake_src = _parts(self.lakes, 2, 1000)
        pond_parts, pond_src = _parts(ponds, 2, 500)
        art = np.concatenate([np.full(len(lakes), "Tagebausee"),
                              np.full(len(pond_parts), "Stehendes Gewässer")])
        kuenstlich = np.concatenate([np.ones(len(lakes), dtype=bool), rng.random(n)[pond_src] < 0.5])
        names = np.concatenate([np.array(self.lake_names, dtype=object)[lake_src],
                                np.array([self.name("er Teich") for _ in range(n)], dtype=object)[pond_src]])
        self.gewaesser = _gdf({"art": art, "name": names.astype(str), "kuenstlich": kuenstlich},
                              np.concatenate([lakes, pond_parts]))

    def protected(self):
        """Protected areas: a few large LSG and SPA, many small NSG and FFH parts (often overlapping) and a
        Naturpark reaching in from outside."""
        rng = self.rng
        forest_xy = shapely.get_coordinates(shapely.point_on_surface(self.wald.geometry.values))
        rows_kat, rows_name, geoms = [], [], []
        nsg_centres = np.empty((0, 2))
        for kategorie, per_100km2, (p_lo, p_hi), (r_lo, r_hi) in self.cfg.protected:
            n_sites = max(1, round(per_100km2 * self.work.area / 1e8))
            centres = self.points_in(self.work, n_sites)
            if kategorie == "NSG" and len(forest_xy):      # nature reserves mostly in or at the forest
                in_forest = rng.random(n_sites) < 0.6
                centres[in_forest] = forest_xy[rng.integers(0, len(forest_xy), in_forest.sum())]
                nsg_centres = centres
            if kategorie == "FFH" and len(nsg_centres):    # many FFH sites overlap a reserve
                on_nsg = rng.random(n_sites) < 0.5
                centres[on_nsg] = nsg_centres[rng.integers(0, len(nsg_centres), on_nsg.sum())]
            n_parts = rng.integers(p_lo, p_hi + 1, n_sites)
            site = np.repeat(np.arange(n_sites), n_parts)
            spread = np.where(n_parts[site] > 1, rng.uniform(0.5, 1.5, len(site)) * r_hi * 3, 0)
            xy = centres[site] + _direction(rng.uniform(0, 360, len(site))) * spread[:, None]
            label = {"LSG": "Landschaftsschutzgebiet", "NSG": "Naturschutzgebiet", "FFH": "FFH-Gebiet",
                     "SPA": "Vogelschutzgebiet"}[kategorie]
            names = np.array([f"{label} {self.name(rng.choice(_LANDSCAPE))}" for _ in range(n_sites)])
            radius = rng.uniform(r_lo, r_hi, len(site))
            geoms.append(self.blobs(xy, radius, roughness=0.35, stretch=(1.0, 1.7)))
            rows_kat.append(np.full(len(site), kategorie))
            rows_name.append(names[site])
        # one Naturpark from outside, covering part of the area
        radius = max(4000.0, np.sqrt(self.area_km2 * 1e6 / np.pi) * 0.6)
        largest = max(shapely.get_parts(self.boundary), key=lambda part: part.area)
        edge = shapely.get_coordinates(shapely.line_interpolate_point(largest.exterior, rng.random(),
                                                                      normalized=True))[0]
        out = (edge - self.centre) / max(np.hypot(*(edge - self.centre)), 1)
        geoms.append(self.blobs(edge + out * radius * 0.8, radius, roughness=0.3))
        rows_kat.append(np.array(["Naturpark"]))
        rows_name.append(np.array([f"Naturpark {self.name(rng.choice(_LANDSCAPE))}"]))
        geoms = np.concatenate(geoms)
        cut = _subtract(_clip(geoms, self.work), self.siedlung_gdf.geometry.values)
        parts, src = _parts(cut, 2, 3000)
        self.schutzgebiete = _gdf({"kategorie": np.concatenate(rows_kat)[src],
                                   "name": np.concatenate(rows_name)[src]}, parts)

    def _around(self, a, b, avoid):
        """A line from a to b, bent sideways just enough to miss the areas of the tree ``avoid`` (straight if nothing
        helps)."""
        a, b = np.asarray(a), np.asarray(b)
        normal = np.array([a[1] - b[1], b[0] - a[0]]) / max(np.hypot(*(b - a)), 1.0)
        candidates = shapely.linestrings([[a, (a + b) / 2 + normal * off, b]
                                          for off in (0, 300, -300, 700, -700, 1200, -1200, 2000, -2000)])
        line, _area = avoid.query(candidates, predicate="intersects")
        free = ~np.isin(np.arange(len(candidates)), line)
        return candidates[int(np.argmax(free))] if free.any() else candidates[0]

    def grid_110kv(self):
        """Substations at the edge of each town and on the spoil of each mine; lines between them (around the
        settlements) and two lines out of the area."""
        rng = self.rng
        towns = np.nonzero(self.is_town)[0]
        tries = 20
        dist = np.repeat(self._radius(self.target[towns]), tries) * rng.uniform(1.0, 1.6, len(towns) * tries)
        cand = (np.repeat(self.seed_xy[towns], tries, axis=0)
                + _direction(rng.uniform(0, 360, len(dist))) * dist[:, None])
        siedlung = self.siedlung_gdf.geometry.values
        busy, _ = STRtree(siedlung).query(shapely.points(cand), predicate="dwithin", distance=50)
        free = np.ones(len(cand), dtype=bool)
        free[busy] = False
        # the first free candidate of each town (or its last one when none is free)
        pick = np.argmax(free.reshape(-1, tries) | (np.arange(tries) == tries - 1), axis=1)
        # mine substations on the spoil, outside the restricted ring, on the side of the nearest town
        gaps = self.mine_sites[:, None, :] - self.seed_xy[towns][None]
        nearest = np.argmin(np.hypot(gaps[..., 0], gaps[..., 1]), axis=1)
        spoil_edge = shapely.boundary(shapely.buffer(self.lakes, 450))
        mine_uw = shapely.get_coordinates(shapely.shortest_line(spoil_edge,
                                                                shapely.points(self.seed_xy[towns][nearest])))[::2]
        sites = np.concatenate([cand.reshape(-1, tries, 2)[np.arange(len(towns)), pick], mine_uw])
        names = ([f"UW {n}" for n in self.settlement_names[towns]]
                 + [f"UW {n.removesuffix('er See')}" for n in self.lake_names])
        avoid = STRtree(shapely.get_parts(shapely.union_all(np.concatenate([shapely.buffer(siedlung, 30),
                                                                             self.lakes]))))
        pairs = _mst(sites) if len(sites) > 1 else np.empty((0, 2), dtype=np.int64)
        lines = [self._around(sites[a], sites[b], avoid) for a, b in pairs]
        line_names = [f"110-kV-Leitung {names[a]} – {names[b]}" for a, b in pairs]
        for s in rng.choice(len(sites), min(2, len(sites)), replace=False):
            far = sites[s] + _direction(rng.uniform(0, 360)) * self.diagonal
            lines.append(self._around(sites[s], far, avoid))
            line_names.append(f"110-kV-Leitung {names[s]} – Netz")
        geoms, src = _parts(_clip(lines, self.work), 1, 50)
        self.hochspannung = _gdf({"name": np.array(line_names)[src], "spannung_kv": np.full(len(geoms), 110)},
                                 geoms)
        points = shapely.points(sites)
        inside = shapely.contains_properly(self.work, points)
        self.umspannwerke = _gdf({"name": np.array(names)[inside],
                                  "spannung": np.full(inside.sum(), "110/20 kV")}, points[inside])

    # -- parcels and farmland ------------------------------------------------------------------------------

    def _regions(self, spacing):
        """Voronoi cells of a jittered grid clipped to the boundary (Fluren, field blocks), each with a strip
        direction of its own: (centres, cells, directions)."""
        x0, y0, x1, y1 = self.boundary.bounds
        gx, gy = np.meshgrid(np.arange(x0 - spacing, x1 + spacing, spacing),
                             np.arange(y0 - spacing, y1 + spacing, spacing))
        xy = np.stack([gx.ravel(), gy.ravel()], axis=1) + self.rng.uniform(-0.3, 0.3, (gx.size, 2)) * spacing
        cells = _clip(_voronoi_cells(xy, self.work), self.boundary)
        keep = ~shapely.is_empty(cells)
        return xy[keep], cells[keep], self.rng.uniform(0, np.pi, keep.sum())

    def _strips(self, centre, angle, areas, across, ratio):
        """Each region's area cut into strips ``across`` m wide, each row cut at its own random offsets into
        pieces ``ratio`` times as long (a Gewannflur); returns the pieces and the index of their region."""
        rng = self.rng
        n = len(areas)
        bounds = shapely.bounds(areas)
        corners = np.stack([bounds[:, [0, 1]], bounds[:, [0, 3]], bounds[:, [2, 1]], bounds[:, [2, 3]]], 1)
        reach = np.hypot(*(corners - centre[:, None, :]).transpose(2, 0, 1)).max(axis=1) + 1
        reach = np.nan_to_num(reach, nan=0.0)  # an empty area gets no strips
        b = rng.uniform(*across, n)
        a = b * rng.uniform(*ratio, n)
        n_rows = np.ceil(2 * reach / b).astype(np.int64)
        n_cuts = np.ceil(2 * reach / a).astype(np.int64) + 2
        row_owner = np.repeat(np.arange(n), n_rows)
        row = np.arange(n_rows.sum()) - np.repeat(np.cumsum(n_rows) - n_rows, n_rows)
        row_offset = rng.random(len(row))
        cuts_per_row = n_cuts[row_owner]
        cut_row = np.repeat(np.arange(len(row)), cuts_per_row)
        first_cut = np.cumsum(cuts_per_row) - cuts_per_row
        k = np.arange(cuts_per_row.sum()) - first_cut[cut_row]
        cut = (k - row_offset[cut_row] + rng.uniform(-0.3, 0.3, len(k))) * a[row_owner[cut_row]]
        piece_row = np.repeat(np.arange(len(row)), cuts_per_row - 1)
        p = np.arange(len(piece_row)) - np.repeat(np.cumsum(cuts_per_row - 1) - (cuts_per_row - 1),
                                                  cuts_per_row - 1)
        owner = row_owner[piece_row]
        u0, u1 = cut[first_cut[piece_row] + p], cut[first_cut[piece_row] + p + 1]
        v0 = row[piece_row] * b[owner]
        v1 = v0 + b[owner]
        u = np.stack([u0, u1, u1, u0], axis=1) - reach[owner, None]
        v = np.stack([v0, v0, v1, v1], axis=1) - reach[owner, None]
        c, s = np.cos(angle[owner])[:, None], np.sin(angle[owner])[:, None]
        x0, y0 = centre[owner, 0, None], centre[owner, 1, None]
        xy = np.stack([x0 + u * c - v * s, y0 + u * s + v * c], axis=-1)
        rects = shapely.polygons(xy)
        shapely.prepare(areas)
        hit = shapely.intersects(areas[owner], rects)
        rects, owner = rects[hit], owner[hit]
        inside = shapely.contains_properly(areas[owner], rects)
        rects[~inside] = shapely.intersection(rects[~inside], areas[owner[~inside]])
        parts, src = _parts(rects, 2, 1.0)
        return parts, owner[src]

    def parcels(self):
        """Parcels: strips in the open land of each Flur, building lots (Voronoi cells) in the settlements."""
        siedlung = self.siedlung_gdf.geometry.values
        flur_xy, flur_cells, flur_angle = self._regions(1400.0)
        open_land = _subtract(flur_cells, siedlung)
        strips, strip_flur = self._strips(flur_xy, flur_angle, open_land, (30, 140), (3, 8))
        # lots: Voronoi cells of the main buildings (plus one seed per settlement area) cut to the areas
        seeds = np.concatenate([shapely.get_coordinates(shapely.centroid(self.bld["geom"][self.bld["main"]])),
                                shapely.get_coordinates(shapely.point_on_surface(siedlung))])
        seeds = np.unique(np.round(seeds, 2), axis=0)
        cells = _voronoi_cells(seeds, self.work)
        cell, area = STRtree(siedlung).query(cells, predicate="intersects")
        lots = _clip(shapely.intersection(cells[cell], siedlung[area]), self.boundary)
        lots, _ = _parts(lots, 2, 1.0)
        lot_flur = STRtree(shapely.points(flur_xy)).query_nearest(shapely.point_on_surface(lots),
                                                                       all_matches=False)[1]
        parts = np.concatenate([strips, lots])
        flur = np.concatenate([strip_flur, lot_flur])
        nr = _rank_within(flur, np.arange(len(flur))) + 1
        self.flurstuecke = _gdf({
            "flurstueck_id": np.char.add(np.char.add("SYN-", np.char.zfill((flur + 1).astype(str), 4)),
                                         np.char.add("-", np.char.zfill(nr.astype(str), 5))),
            "flur": flur + 1,
            "flaeche_m2": np.round(shapely.area(parts), 1),
        }, parts)

    def farmland(self):
        """Fields on the open land that is not forest, water, settlement or restricted mining land."""
        rng = self.rng
        obstacles = np.concatenate([self.siedlung_gdf.geometry.values, self.wald.geometry.values,
                                    self.gewaesser.geometry.values, [self.restricted]])
        xy, blocks, angle = self._regions(2500.0)
        parts, _ = self._strips(xy, angle, _subtract(blocks, obstacles), (150, 400), (1.5, 3.5))
        parts = parts[shapely.area(parts) >= 5000]
        xy = shapely.get_coordinates(shapely.point_on_surface(parts))
        # a smooth random soil-quality field: mostly loess 60–90 with poorer patches; reclaimed spoil 20–40
        k = rng.normal(0, 1, (6, 2)) / rng.uniform(2000, 8000, (6, 1))
        phase = rng.uniform(0, 2 * np.pi, 6)
        f = np.clip(np.cos(xy @ k.T * 2 * np.pi + phase).mean(axis=1) * 2.2, -1, 1)
        kippe = shapely.contains_xy(self.kippe, *xy.T)
        az = np.where(kippe, 30 + 10 * f, 65 + 25 * f)
        az = np.clip(np.round(az + rng.normal(0, 3, len(az))), 20, 95).astype(np.int64)
        # meadows in the stream valleys, on the poorest spoil and here and there
        valley = np.zeros(len(xy), dtype=bool)
        valley[STRtree(_segments(self.fliessgewaesser.geometry.values)).query(
            shapely.points(xy), predicate="dwithin", distance=150)[0]] = True
        grass = valley | (az < 32) | (rng.random(len(parts)) < 0.06)
        self.landwirtschaft = _gdf({
            "alkis_code": np.full(len(parts), 43001),
            "vegetationsmerkmal": np.where(grass, 1020, 1010),
            "nutzung": np.where(grass, "Grünland", "Ackerland"),
            "ackerzahl": az,
            "flaeche_m2": np.round(shapely.area(parts), 1),
        }, parts)

    # -- everything ------------------------------------------------------------------------------------------

    def run(self) -> dict[str, gpd.GeoDataFrame]:
        self.mining()
        self.traffic()
        self.streams()
        self.settlements()
        self.buildings()
        self.streets()
        self.siedlung()
        self.heat()
        self.gebaeude()
        self.forest()
        self.ponds()
        self.protected()
        self.grid_110kv()
        self.parcels()
        self.farmland()
        return {
            "synth_siedlung": self.siedlung_gdf,
            "synth_gebaeude": self.gebaeude_gdf,
            "synth_strassen": self.strassen,
            "synth_autobahn": self.autobahn,
            "synth_bahn": self.bahn,
            "synth_wald": self.wald,
            "synth_gewaesser": self.gewaesser,
            "synth_fliessgewaesser": self.fliessgewaesser,
            "synth_schutzgebiete": self.schutzgebiete,
            "synth_bergbau": self.bergbau,
            "synth_landwirtschaft": self.landwirtschaft,
            "synth_flurstuecke": self.flurstuecke,
            "synth_hochspannung_110kv": self.hochspannung,
            "synth_umspannwerke_110kv": self.umspannwerke,
            "synth_waermenetz": self.waermenetz,
        }


def generate_synthetic(boundary, seed: int = 42, scale: str = "municipality",
                       stats: dict | None = None) -> dict[str, gpd.GeoDataFrame]:
    """Synthetic planning layers for ``boundary`` (shapely (Multi)Polygon in EPSG:25832).

    Deterministic: the same boundary, seed, scale and statistics give identical layers. ``scale`` is
    ``"municipality"`` (a small town with villages and one mine on the Profen side), ``"district"``
    (many towns, villages and mines; a stress test) or ``"land"`` (the same density over a Land). ``stats`` is a
    row of the localzero statistics as a dict; its ``buildings.*`` counts set the number of residential buildings,
    their age classes and district-heat connections, ``area.veg_forrest`` / ``area.land_total`` the forest share.
    """
    world = _World(boundary, seed, scale, stats)
    layers = world.run()
    note = SYNTHETIC_NOTE.format(seed=seed, scale=scale)
    for name, layer in layers.items():
        layer.attrs["description"] = f"{_TITLES[name]}. {note}"
    return layers


# ----------------------------------------------------------------------------------------------------------
# writing and command line
# ----------------------------------------------------------------------------------------------------------

@contextmanager
def _gdal_option(key: str, value: str):
    old = pyogrio.get_gdal_config_option(key)
    pyogrio.set_gdal_config_options({key: value})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({key: old})


def write_gpkg(layers: dict, path: Path) -> None:
    """Write all layers (sorted by name) into one new GeoPackage; descriptions go to ``gpkg_contents``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with _gdal_option("OGR_CURRENT_DATE", _FIXED_TIMESTAMP):
        for name in sorted(layers):
            layer = layers[name]
            description = layer.attrs.get("description") or ATTRIBUTION.get(name, "")
            # GeoPackage 1.2: the version that the GDAL of QGIS 3.22 (Debian 12) reads without warnings
            pyogrio.write_dataframe(layer, path, layer=name, driver="GPKG", dataset_options={"VERSION": "1.2"},
                                    layer_options={"DESCRIPTION": description} if description else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.demodata", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="GeoPackage to write (overwritten)")
    parser.add_argument("--reference", type=Path, default=REFERENCE_DATA, help="folder of the real reference data")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--scale", choices=sorted(_SCALES), default="municipality")
    parser.add_argument("--ags", default="15084235", help="municipality key (district: its Kreis; land: its Land)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.scale == "municipality":
        layers = extract_real(args.reference, args.ags)
        boundary = shapely.union_all(layers["real_gemeinde"].geometry.values)
        stats = layers["real_statistik"].iloc[0].to_dict() if len(layers["real_statistik"]) else None
    else:
        level = "land" if args.scale == "land" else "kreis"
        layers = {f"real_{level}": extract_kreis(args.reference, args.ags, level)}
        boundary, stats = shapely.union_all(layers[f"real_{level}"].geometry.values), None
    layers.update(generate_synthetic(boundary, args.seed, args.scale, stats))
    generated = time.perf_counter() - started
    write_gpkg(layers, args.out)
    written = time.perf_counter() - started
    for name in sorted(layers):
        print(f"{name:34s} {len(layers[name]):8d}")
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.2f} MB; generated in {generated:.1f} s, "
          f"written after {written:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
