"""Kommunale Wärmeplanung (WPG): heat demand per building, heat density per block, heat line density per street
section, and the § 19 suitability levels for heat networks.

Demand: heated floor area (energy reference area) = footprint × storeys × floor-area factor, or a given floor area;
specific demand from the building type and IWU construction-age class (residential) or the use and age group
(non-residential), after the LENA Wärmeatlas Sachsen-Anhalt; measured consumption replaces the estimate where the
planner has it. Renovation scenarios reduce the demand of buildings from before 2010 linearly over the years.

Everything works on numpy arrays and shapely geometries in a projected CRS; the QGIS side lives in
``processing_algorithms/heat_*.py``.
"""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import tr
from .json_reader import JsonReader
from .lazy import lazy_module
from .parallel import in_parallel

np = lazy_module("numpy")
shapely = lazy_module("shapely")

TYPOLOGY_FILE = Path(__file__).resolve().parent.parent / "resources" / "heat" / "waermebedarf_lsa.json"
RESIDENTIAL_TYPES = ("EFH", "RH", "MFH", "GMH")
AGE_CLASSES = tuple("ABCDEFGHIJKL")
UNKNOWN_AGE = "Z"
RESIDENTIAL, NO_DEMAND, NONRESIDENTIAL_ANY = "residential", "none", "gesamt"
NONRESIDENTIAL_AGE_GROUPS = ("until_1978", "1979_2009", "from_2010", "unknown")
SCENARIO_YEARS = (2030, 2035, 2040, 2045)
MIN_YEAR = 1000  # ALKIS and OSM carry 0 or 9999 for "unknown"; no building here is older than this
# residential type from the gross floor area when only the function says "residential" (m², after LENA/IWU sizes)
SINGLE_FAMILY_MAX_GROSS_M2, LARGE_BLOCK_MIN_GROSS_M2 = 300.0, 3000.0
PRIVACY_MIN_BUILDINGS = 5  # WPG § 10 Abs. 2: aggregates over at least five buildings
GRID_CELL_M = 100.0  # grid cells as blocks where the planner has no block layer
MAX_STREET_DISTANCE_M = 100.0  # a building counts on its nearest street section up to this distance
LARGE_CONSUMER_MIN_MWH = 500.0  # a building from this demand is a large consumer (an anchor customer of a network)


class HeatError(ValueError):
    """Input the heat planning cannot work with; the message says what and where."""


@dataclass(frozen=True)
class NonResidentialUse:
    label: str
    factor: float  # energy reference area per m² gross floor area
    specific: dict[str, float]  # age group → kWh/(m²·a)


@dataclass(frozen=True)
class Typology:
    title: str
    sources: tuple[str, ...]
    residential: dict[str, dict[str, float]]  # type → age class → kWh/(m²·a)
    residential_factor: float
    default_storeys: dict[str, float]
    nonresidential: dict[str, NonResidentialUse]
    function_use: dict[int, str]  # ALKIS Gebäudefunktion → residential, a non-residential use, or none
    function_ranges: tuple[tuple[int, int, str], ...]
    age_class_last_years: tuple[tuple[str, int], ...] = ()  # IWU class → its last year of construction (L: after)

    def age_class_of_year(self, year: float) -> str:
        """The IWU construction-age class of a year of construction; "" for none (NaN, 0 or a year before 1000
        or after next year: a placeholder, not a year)."""
        if np.isnan(year) or not MIN_YEAR <= year <= datetime.date.today().year + 1:
            return ""
        return next((age for age, last in self.age_class_last_years if year <= last), AGE_CLASSES[-1])

    def use_of_function(self, code: int) -> tuple[str | None, bool]:
        """(use, exact): the use of an ALKIS Gebäudefunktion code, from the table or else from its code range."""
        if code in self.function_use:
            return self.function_use[code], True
        for low, high, use in self.function_ranges:
            if low <= code <= high:
                return use, False
        return None, False


def load_typology(path: Path = TYPOLOGY_FILE) -> Typology:
    path = Path(path)
    reader = JsonReader.open(path, "wip-heat-typology", HeatError, tr(
        "{file}: Typologie kann nicht gelesen werden ({error})."))
    residential = {}
    for building_type in RESIDENTIAL_TYPES:
        row = reader.child("residential").child(building_type)
        residential[building_type] = {age: row.number(age) for age in AGE_CLASSES + (UNKNOWN_AGE,)}
    uses = {}
    for use, raw in reader.get("nonresidential", dict).items():
        entry = JsonReader(raw, f"{path.name}, nonresidential, {use}", HeatError)
        uses[use] = NonResidentialUse(entry.text("label"), entry.number("factor"),
                                      {group: entry.number(group) for group in NONRESIDENTIAL_AGE_GROUPS})
    if NONRESIDENTIAL_ANY not in uses:
        reader.fail("nonresidential", tr("„{use}“ fehlt").format(use=NONRESIDENTIAL_ANY))
    known = set(uses) | {RESIDENTIAL, NO_DEMAND}
    function_use = {}
    for use, codes in reader.get("functions", dict).items():
        if use not in known:
            reader.fail("functions", tr("unbekannte Nutzung „{use}“").format(use=use))
        function_use.update({int(code): use for code in codes})
    ranges = []
    for raw in reader.get("function_ranges", list):
        entry = JsonReader(raw, f"{path.name}, function_ranges", HeatError)
        ranges.append((int(entry.number("from")), int(entry.number("to")), entry.choice("use", sorted(known))))
    storeys = reader.child("default_storeys")
    last_years = reader.child("age_class_last_years")
    age_class_last_years = tuple((age, int(last_years.number(age))) for age in AGE_CLASSES[:-1])
    if [last for _, last in age_class_last_years] != sorted(last for _, last in age_class_last_years):
        reader.fail("age_class_last_years", tr("die Jahre müssen mit den Klassen steigen"))
    return Typology(reader.text("title"), tuple(reader.get("sources", list)), residential,
                    reader.number("residential_floor_area_factor"),
                    {key: storeys.number(key) for key in RESIDENTIAL_TYPES + ("NWG",)}, uses, function_use,
                    tuple(ranges), age_class_last_years)


def nonresidential_age_group(age: str) -> str:
    if age in AGE_CLASSES[:6]:  # A–F: built until 1978
        return "until_1978"
    if age in AGE_CLASSES[6:10]:  # G–J: 1979–2009
        return "1979_2009"
    if age in AGE_CLASSES[10:]:  # K, L: from 2010
        return "from_2010"
    return "unknown"


# Possible but unusual for a building here: flagged on its row and counted in the log, not refused. The highest
# residential blocks of Sachsen-Anhalt have about 20 storeys; measured heat beyond 10–500 kWh/(m²·a) is usually a
# unit, area or meter error (the typology spans about 35–185).
PLAUSIBLE_STOREYS = 25
PLAUSIBLE_KWH_M2A = (10.0, 500.0)


@dataclass
class BuildingDemand:
    """One row per building; demand NaN where the building has none (garage, barn) or cannot be typed."""

    use: list[str]  # residential, a non-residential use key, none, or "" when unknown
    type_label: list[str]  # EFH/RH/MFH/GMH or the non-residential use label
    age_class: list[str]
    floor_area_m2: np.ndarray  # energy reference area
    specific_kwh_m2a: np.ndarray
    demand_mwh_a: np.ndarray
    source: list[str]  # "Typologie" or "Messwert"
    notes: list[str]
    implausible: list[bool] = field(default_factory=list)  # possible but unusual values: the note says which


def building_demand(typology: Typology, footprint_m2, functions, types, ages, storeys, floor_areas=None,
                    consumption_kwh=None) -> BuildingDemand:
    """Heat demand (useful energy for space heating and hot water, MWh/a) of each building.

    ``functions``: ALKIS Gebäudefunktion codes (None when not known); ``types``: EFH/RH/MFH/GMH/NWG or None;
    ``ages``: IWU age classes A–L or None; ``storeys`` (NaN when missing); ``floor_areas``: a given heated floor
    area in m² (NaN where not given); ``consumption_kwh``: measured consumption (NaN where not measured)."""
    count = len(footprint_m2)
    floor_areas = np.full(count, np.nan) if floor_areas is None else np.asarray(floor_areas, dtype=float)
    consumption = np.full(count, np.nan) if consumption_kwh is None else np.asarray(consumption_kwh, dtype=float)
    result = BuildingDemand([], [], [], np.full(count, np.nan), np.full(count, np.nan), np.full(count, np.nan),
                            [], [])
    for index in range(count):
        notes = []
        age = str(ages[index]).strip().upper() if ages[index] not in (None, "") else ""
        if age and age not in AGE_CLASSES:
            notes.append(tr("Baualtersklasse „{age}“ unbekannt").format(age=ages[index]))
            age = ""
        use, building_type = _use_and_type(typology, functions[index], types[index], notes)
        result.use.append(use)
        result.age_class.append(age or UNKNOWN_AGE)
        measured = consumption[index]
        if use in ("", NO_DEMAND) and np.isnan(measured):
            result.type_label.append(building_type or "")
            result.source.append("")
            if use == "":
                notes.append(tr("ohne Wärmebedarf berechnet"))
            result.notes.append("; ".join(notes))
            result.implausible.append(False)
            continue
        layers = storeys[index]
        unusual = layers > PLAUSIBLE_STOREYS
        if unusual:
            notes.append(tr("{storeys:g} Geschosse: ungewöhnlich viele, bitte prüfen").format(storeys=layers))
        if np.isnan(layers) or layers <= 0:
            layers = typology.default_storeys[_storey_type(use, building_type, footprint_m2[index])]
            notes.append(tr("Geschosse fehlen: {storeys:g} angenommen").format(storeys=layers))
        gross = footprint_m2[index] * layers
        if use == RESIDENTIAL:
            if not building_type:
                building_type = "EFH" if gross <= SINGLE_FAMILY_MAX_GROSS_M2 else \
                    "GMH" if gross >= LARGE_BLOCK_MIN_GROSS_M2 else "MFH"
                notes.append(tr("Gebäudetyp {type} aus der Geschossfläche").format(type=building_type))
            factor = typology.residential_factor
            specific = typology.residential[building_type][age or UNKNOWN_AGE]
            result.type_label.append(building_type)
        elif use in typology.nonresidential:
            entry = typology.nonresidential[use]
            factor = entry.factor
            specific = entry.specific[nonresidential_age_group(age)]
            result.type_label.append(entry.label)
        else:  # none with a measured value
            factor, specific = 1.0, np.nan
            result.type_label.append(building_type or "")
        area = floor_areas[index] if not np.isnan(floor_areas[index]) else gross * factor
        result.floor_area_m2[index] = area
        if not np.isnan(measured):
            result.demand_mwh_a[index] = measured / 1000.0
            result.specific_kwh_m2a[index] = measured / area if area > 0 else np.nan
            result.source.append(tr("Messwert"))
            if not PLAUSIBLE_KWH_M2A[0] <= result.specific_kwh_m2a[index] <= PLAUSIBLE_KWH_M2A[1]:
                unusual = True
                notes.append(tr("Messwert {value:.0f} kWh/(m²·a): ungewöhnlich, bitte prüfen").format(
                    value=result.specific_kwh_m2a[index]))
        else:
            result.specific_kwh_m2a[index] = specific
            result.demand_mwh_a[index] = area * specific / 1000.0
            result.source.append(tr("Typologie"))
        result.notes.append("; ".join(notes))
        result.implausible.append(bool(unusual))
    return result


def _storey_type(use: str, building_type: str | None, footprint: float) -> str:
    """The type whose default storey count stands in for a missing one; an untyped residential building counts
    as a single-family house up to half the single-family gross floor area."""
    if use != RESIDENTIAL:
        return "NWG"
    return building_type or ("EFH" if footprint <= SINGLE_FAMILY_MAX_GROSS_M2 / 2 else "MFH")


def _use_and_type(typology: Typology, function, building_type, notes: list[str]) -> tuple[str, str | None]:
    """The use (residential, a non-residential use, none, or "" if unknown) and the residential type if known."""
    given_type = str(building_type).strip().upper() if building_type not in (None, "") else ""
    if given_type and given_type not in RESIDENTIAL_TYPES + ("NWG",):
        notes.append(tr("Gebäudetyp „{type}“ unbekannt").format(type=building_type))
        given_type = ""
    code = None
    if function not in (None, ""):
        try:
            code = int(float(function))
        except (TypeError, ValueError):
            notes.append(tr("Gebäudefunktion „{code}“ ist kein ALKIS-Schlüssel").format(code=function))
    if code is not None:
        use, exact = typology.use_of_function(code)
        if use is None:
            notes.append(tr("Gebäudefunktion {code} unbekannt").format(code=code))
        else:
            if not exact:
                notes.append(tr("Gebäudefunktion {code} nicht in der Tabelle: nach Schlüsselbereich {use}").format(
                    code=code, use=use))
            residential_type = given_type if given_type in RESIDENTIAL_TYPES else None
            return use, residential_type if use == RESIDENTIAL else None
    if given_type in RESIDENTIAL_TYPES:
        return RESIDENTIAL, given_type
    if given_type == "NWG":
        return NONRESIDENTIAL_ANY, None
    return "", None


def scenario_demand(base_mwh: np.ndarray, ages: list[str], year: int, base_year: int, rate: float,
                    depth: float) -> np.ndarray:
    """Demand in ``year`` after renovation: each year a share ``rate`` of the buildings from before 2010 (age
    classes A–J and unknown) is renovated, saving ``depth`` of their demand; newer buildings stay as they are."""
    if not 0 <= rate <= 1 or not 0 <= depth <= 1:
        raise HeatError(tr("Sanierungsrate und -tiefe müssen zwischen 0 und 100 % liegen."))
    renovated = min(1.0, rate * max(0, year - base_year))
    older = ~np.isin(np.asarray(ages, dtype=object), AGE_CLASSES[10:])
    return np.where(older, base_mwh * (1.0 - depth * renovated), base_mwh)


# -- densities ---------------------------------------------------------------------------------------------------

def grid_blocks(points: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """Square cells of ``cell`` metres with at least one point, and the cell index of each point."""
    x, y = shapely.get_x(points), shapely.get_y(points)
    column, row = np.floor(x / cell).astype(np.int64), np.floor(y / cell).astype(np.int64)
    keys, index = np.unique(np.column_stack([column, row]), axis=0, return_inverse=True)
    cells = shapely.box(keys[:, 0] * cell, keys[:, 1] * cell, (keys[:, 0] + 1) * cell, (keys[:, 1] + 1) * cell)
    return cells, index.ravel()


def block_of_points(points: np.ndarray, blocks: np.ndarray) -> np.ndarray:
    """Index of the block that holds each point, on its boundary included; -1 for points in no block (the first
    block wins where blocks overlap or share an edge)."""
    block = np.full(len(points), -1)
    point_index, block_index = shapely.STRtree(blocks).query(points, predicate="intersects")
    order = np.argsort(block_index, kind="stable")[::-1]  # the lowest block index is written last
    block[point_index[order]] = block_index[order]
    return block


def nearest_sections(geometries: np.ndarray, sections: np.ndarray, max_distance: float) -> tuple[np.ndarray,
                                                                                                  np.ndarray]:
    """Index of the nearest street section within ``max_distance`` of each building (-1 for none) and the
    distance."""
    section = np.full(len(geometries), -1)
    distance = np.full(len(geometries), np.nan)
    if len(sections) and len(geometries):
        tree = shapely.STRtree(sections)
        tree.query(sections[:1])  # GEOS builds the tree on its first query: here, before the threads share it
        chunks = np.array_split(np.arange(len(geometries)), min(os.cpu_count() or 1, len(geometries)))
        found = in_parallel(lambda rows: tree.query_nearest(geometries[rows], max_distance=max_distance,
                                                            all_matches=False), chunks)
        building_index = np.concatenate([rows[pairs[0]] for rows, pairs in zip(chunks, found)])
        section_index = np.concatenate([pairs[1] for pairs in found])
        section[building_index] = section_index
        distance[building_index] = shapely.distance(geometries[building_index], sections[section_index])
    return section, distance


@dataclass
class Aggregate:
    buildings: np.ndarray  # count of buildings with a demand
    demand_mwh_a: np.ndarray
    dominant_type: list[str]
    dominant_age: list[str]


def aggregate(group: np.ndarray, count: int, demand_mwh: np.ndarray, type_labels: list[str] | None = None,
              ages: list[str] | None = None) -> Aggregate:
    """Sum and count of the buildings with demand in each of ``count`` groups (``group`` -1: in none), and when
    labels are given their most frequent type and age class."""
    heated = (group >= 0) & ~np.isnan(demand_mwh)
    buildings = np.bincount(group[heated], minlength=count)
    demand = np.bincount(group[heated], weights=demand_mwh[heated], minlength=count)
    dominant_type = _mode(group[heated], np.asarray(type_labels, dtype=object)[heated], count) \
        if type_labels is not None else [""] * count
    dominant_age = _mode(group[heated], np.asarray(ages, dtype=object)[heated], count) \
        if ages is not None else [""] * count
    return Aggregate(buildings, demand, dominant_type, dominant_age)


def _mode(group: np.ndarray, labels: np.ndarray, count: int) -> list[str]:
    """Per group the most frequent known label (ties: alphabetically first); "" for groups without one."""
    result = [""] * count
    labels = labels.astype(str)
    known = labels != ""
    group, labels = group[known], labels[known]
    if not len(group):
        return result
    names, codes = np.unique(labels, return_inverse=True)
    table = np.zeros((count, len(names)), dtype=np.int64)
    np.add.at(table, (group, codes.ravel()), 1)
    best = table.argmax(axis=1)
    for index in np.flatnonzero(table.sum(axis=1)):
        result[index] = str(names[best[index]])
    return result


@dataclass
class HeatBlocks:
    """The WPG Anlage 2 densities of one set of buildings: per block and per street section."""

    blocks: np.ndarray  # polygons: the planner's blocks, or the grid cells that hold a heated building
    block_of: np.ndarray  # per building the index of its block, -1 for none
    per_block: Aggregate
    area_ha: np.ndarray  # per block
    density: np.ndarray  # per block, MWh/(ha·a)
    line_density: np.ndarray  # per block, the demand-weighted mean of its buildings' sections, kWh/(m·a)
    per_section: Aggregate
    section_lengths: np.ndarray  # m
    section_line_density: np.ndarray  # kWh/(m·a)
    without_street: int  # heated buildings with no section within the distance


def building_points(geometries: np.ndarray, demand: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A point inside each building, and its demand in MWh/a: NaN for a building without geometry (it is nowhere)."""
    points = shapely.point_on_surface(shapely.make_valid(np.asarray(geometries, dtype=object)))
    demand = np.array(demand, dtype=float)
    demand[shapely.is_missing(points) | shapely.is_empty(points)] = np.nan
    return points, demand


def heat_blocks(points: np.ndarray, demand: np.ndarray, sections: np.ndarray, max_distance: float,
                blocks: np.ndarray | None = None, cell: float = GRID_CELL_M, types: list[str] | None = None,
                ages: list[str] | None = None) -> HeatBlocks:
    """Heat density per block and heat line density per street section of the buildings at ``points`` (a point in
    each building; demand in MWh/a, NaN: none): every building counts in the block that holds its point and on its
    nearest section within ``max_distance``. Without ``blocks``, grid cells of ``cell`` metres with a heated building
    are the blocks."""
    section_of, _distance = nearest_sections(points, sections, max_distance)
    heated = ~np.isnan(demand)
    per_section = aggregate(section_of, len(sections), demand)
    lengths = shapely.length(sections)
    if blocks is None:
        blocks, _ = grid_blocks(points[heated], cell)
    block_of = block_of_points(points, blocks)
    per_block = aggregate(block_of, len(blocks), demand, types, ages)
    area_ha = shapely.area(blocks) / 1e4
    with np.errstate(invalid="ignore", divide="ignore"):
        section_line_density = np.where(lengths > 0, 1000.0 * per_section.demand_mwh_a / lengths, np.nan)
        density = np.where(area_ha > 0, per_block.demand_mwh_a / area_ha, np.nan)
        counted = heated & (block_of >= 0) & (section_of >= 0)
        counted[counted] = ~np.isnan(section_line_density[section_of[counted]])  # (no sections: none counted)
        weight = demand[counted]
        weighted = np.bincount(block_of[counted], weights=weight * section_line_density[section_of[counted]],
                               minlength=len(blocks))
        totals = np.bincount(block_of[counted], weights=weight, minlength=len(blocks))
        line_density = np.where(totals > 0, weighted / totals, np.nan)
    return HeatBlocks(blocks, block_of, per_block, area_ha, density, line_density, per_section, lengths,
                      section_line_density, int(np.count_nonzero(heated & (section_of < 0))))


def large_consumers_per_area(points: np.ndarray, demand: np.ndarray, min_mwh: float, areas: np.ndarray) -> np.ndarray:
    """Per area the buildings (a point in each) whose demand reaches ``min_mwh``."""
    large = np.nan_to_num(demand) >= min_mwh
    area_of = block_of_points(points[large], areas) if large.any() else np.array([], dtype=int)
    return np.bincount(area_of[area_of >= 0], minlength=len(areas))


# -- § 19 suitability ----------------------------------------------------------------------------------------------

LEVELS = (1, 2, 3, 4)


def level_text(level: int) -> str:
    return {1: tr("sehr wahrscheinlich geeignet"), 2: tr("wahrscheinlich geeignet"),
            3: tr("wahrscheinlich ungeeignet"), 4: tr("sehr wahrscheinlich ungeeignet")}[level]


@dataclass(frozen=True)
class SuitabilityThresholds:
    """The configurable thresholds; each default's source beside it (Energieatlas Bayern, Lexikon
    "Wärmebelegungsdichte"; deineenergie.ch, "Was bedeutet Liniendichte"; F|Heat, FH Münster; KEA-BW, Handbuch
    Kommunale Wärmeplanung)."""

    line_cost_covering: float = 2000.0  # kWh/(m·a), cost-covering network (CH practice)
    line_network: float = 1500.0  # kWh/(m·a), a network comes into question (Energieatlas Bayern)
    line_screening: float = 500.0  # kWh/(m·a), screening threshold (F|Heat)
    density_conventional: float = 415.0  # MWh/(ha·a), conventional networks (KEA-BW)
    density_low_temperature: float = 175.0  # MWh/(ha·a), low-temperature networks in existing stock (KEA-BW)
    density_minimum: float = 70.0  # MWh/(ha·a), below: no network (KEA-BW)
    network_distance: float = 200.0  # m, an existing heat network counts as nearby
    waste_heat_distance: float = 1000.0  # m, a waste-heat source counts as a concrete potential

    def __post_init__(self):
        """The rules test the thresholds from the highest down: each must be ≥ the next, and none negative."""
        for ordered in (("line_cost_covering", "line_network", "line_screening"),
                        ("density_conventional", "density_low_temperature", "density_minimum")):
            values = [getattr(self, name) for name in ordered]
            if not all(high >= low for high, low in zip(values, values[1:])) or values[-1] < 0:
                raise HeatError(tr("Die Schwellen {names} müssen absteigen und ≥ 0 sein, gegeben: {values}.").format(
                    names=" ≥ ".join(ordered), values=" / ".join(f"{value:g}" for value in values)))
        if self.network_distance < 0 or self.waste_heat_distance < 0:
            raise HeatError(tr("Abstände zum Wärmenetz und zur Abwärme müssen ≥ 0 sein."))


@dataclass
class Suitability:
    level: np.ndarray  # 1–4 after WPG § 19 Abs. 2
    rule: list[str]  # the rule that decided, with the values
    shortened: np.ndarray  # qualifies for the shortened procedure of § 14


def classify(heat_density, line_density, network_distance, waste_heat_distance, large_consumers,
             thresholds: SuitabilityThresholds | None = None) -> Suitability:
    """The § 19 level of each area from its heat density (MWh/(ha·a)), heat line density (kWh/(m·a)), distance
    to the existing heat network and to the nearest waste-heat source (m, NaN: none) and its number of large
    consumers. The rules are tried in order; the first that holds decides:

    1 very likely suited: existing network nearby and density ≥ low-temperature threshold; or line density
      ≥ cost-covering and density ≥ conventional threshold.
    2 likely suited: line density ≥ network threshold; or density ≥ low-temperature threshold; or a large consumer
      in the area and density ≥ minimum; or a waste-heat source nearby and density ≥ minimum.
    3 likely unsuited: line density ≥ screening threshold or density ≥ minimum.
    4 very likely unsuited: everything else. Such an area without a network nearby and without a waste-heat
      source nearby qualifies for the shortened procedure of § 14 (no concrete potential)."""
    t = thresholds or SuitabilityThresholds()
    density = np.nan_to_num(np.asarray(heat_density, dtype=float))
    line = np.nan_to_num(np.asarray(line_density, dtype=float))
    network_near = np.nan_to_num(np.asarray(network_distance, dtype=float), nan=np.inf) <= t.network_distance
    waste_near = np.nan_to_num(np.asarray(waste_heat_distance, dtype=float), nan=np.inf) <= t.waste_heat_distance
    large = np.asarray(large_consumers) > 0
    tests = [
        (1, network_near & (density >= t.density_low_temperature),
         tr("Wärmenetz in ≤ {d:g} m und Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)"),
         dict(d=t.network_distance, limit=t.density_low_temperature)),
        (1, (line >= t.line_cost_covering) & (density >= t.density_conventional),
         tr("Wärmeliniendichte {line:.0f} ≥ {limit:g} kWh/(m·a) und Wärmedichte {density:.0f} ≥ {limit2:g} "
            "MWh/(ha·a)"), dict(limit=t.line_cost_covering, limit2=t.density_conventional)),
        (2, line >= t.line_network, tr("Wärmeliniendichte {line:.0f} ≥ {limit:g} kWh/(m·a)"),
         dict(limit=t.line_network)),
        (2, density >= t.density_low_temperature, tr("Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)"),
         dict(limit=t.density_low_temperature)),
        (2, large & (density >= t.density_minimum),
         tr("Großverbraucher im Gebiet und Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)"),
         dict(limit=t.density_minimum)),
        (2, waste_near & (density >= t.density_minimum),
         tr("Abwärmequelle in ≤ {d:g} m und Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)"),
         dict(d=t.waste_heat_distance, limit=t.density_minimum)),
        (3, line >= t.line_screening, tr("Wärmeliniendichte {line:.0f} ≥ {limit:g} kWh/(m·a)"),
         dict(limit=t.line_screening)),
        (3, density >= t.density_minimum, tr("Wärmedichte {density:.0f} ≥ {limit:g} MWh/(ha·a)"),
         dict(limit=t.density_minimum)),
    ]
    count = len(density)
    level = np.full(count, 4)
    rule_index = np.full(count, -1)
    for number in range(len(tests) - 1, -1, -1):  # the first rule that holds wins: apply in reverse
        holds = tests[number][1]
        level = np.where(holds, tests[number][0], level)
        rule_index = np.where(holds, number, rule_index)
    unknown = np.isnan(np.asarray(heat_density, dtype=float)) & np.isnan(np.asarray(line_density, dtype=float))
    rules = []
    for area in range(count):
        if rule_index[area] >= 0:
            _, _, text, values = tests[rule_index[area]]
            rules.append(text.format(line=line[area], density=density[area], **values))
        elif unknown[area]:
            rules.append(tr("keine Wärmedichte bekannt (keine Gebäude oder unter fünf, § 10 Abs. 2 WPG)"))
        else:
            rules.append(tr("Wärmeliniendichte {line:.0f} < {limit:g} kWh/(m·a) und Wärmedichte {density:.0f} < "
                            "{limit2:g} MWh/(ha·a)").format(line=line[area], density=density[area],
                                                           limit=t.line_screening, limit2=t.density_minimum))
    shortened = (level == 4) & ~network_near & ~waste_near
    return Suitability(level, rules, shortened)
