"""PV potential and yield of candidate sites: the usable area after the edge setback (for floating PV also within
the rules of § 36 Abs. 3 WHG), the installed capacity from the plant type's density, the specific yield (the type's
default, from the global irradiation, a given value per site, or simulated with pvlib from a weather file), energy,
full-load hours and avoided CO₂.

The plant types are data (``resources/yield/pv_types.json``), every figure with its source and status. Everything
works on numpy arrays and shapely geometries in a projected CRS; the QGIS side lives in
``processing_algorithms/pv_yield.py``. pvlib is optional and imported only for a simulation.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .i18n import localised, tr
from .json_reader import STATUSES, Figure, JsonReader
from .lazy import lazy_module

np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

TYPES_FILE = Path(__file__).resolve().parent.parent / "resources" / "yield" / "pv_types.json"
FORMAT, FORMAT_VERSION = "wip-pv-types", 1
# plausible ranges: a value outside is a unit mistake (MWh, W/m², daily sums) rather than a site
YIELD_RANGE = (300.0, 2500.0)  # kWh/kWp·a
IRRADIATION_RANGE = (500.0, 2800.0)  # kWh/m²·a global horizontal irradiation, the world's range
CO2_RANGE = (0.0, 1500.0)  # g/kWh; lignite plants emit about 1,100–1,200
BUILD_YEARS = (1990, 2100)  # ground-mounted PV parks exist from the 1990s
# PVWatts defaults (NREL): DC/AC ratio 1.2, nominal inverter efficiency 96 %, temperature coefficient −0.37 %/K
DC_AC_RATIO, INVERTER_EFFICIENCY, GAMMA_PDC = 1.2, 0.96, -0.0037
WEATHER_COLUMNS = ("ghi", "dni", "dhi", "temp_air", "wind_speed")
HOURS_PER_YEAR = 8760.0


class PvYieldError(ValueError):
    """Input the PV yield cannot work with; the message says what and where."""


@dataclass(frozen=True)
class PvlibSetup:
    """What a pvlib simulation of one kWp needs to know about the plant type."""

    tilt_deg: float
    azimuth_deg: float  # of the front face; 180 = south
    bifaciality: float  # 0 for monofacial modules
    losses_pct: float  # PVWatts system losses


@dataclass(frozen=True)
class DensityPeriod:
    """The capacity density measured on parks built from ``first_year`` to ``last_year``."""

    first_year: int
    last_year: int
    mwp_per_ha: Figure


@dataclass(frozen=True)
class PvType:
    id: str
    label: dict[str, str]
    legal_basis: str
    mwp_per_ha: Figure  # new build, and parks of unknown build year
    density_by_build_year: tuple[DensityPeriod, ...]  # older parks: empty for types without measurements
    setback_m: Figure
    specific_yield_kwh_kwp: Figure
    kwh_kwp_per_kwh_m2: Figure  # transposition × performance ratio
    max_cover_share: Figure | None  # the water rules: only for plants on water
    shore_distance_m: Figure | None
    privileged_max_ha: Figure | None  # the largest plant privileged in the Außenbereich (agri-PV)
    pvlib: PvlibSetup
    notes: dict[str, str]

    def label_text(self) -> str:
        return localised(self.label)

    @property
    def on_water(self) -> bool:
        return self.max_cover_share is not None


@dataclass(frozen=True)
class PvTypes:
    title: dict[str, str]
    version: str
    co2_factor_g_kwh: Figure
    co2_note: dict[str, str]
    types: dict[str, PvType]


@cache
def shipped_pv_types() -> PvTypes:
    return load_pv_types()


def load_pv_types(path: Path = TYPES_FILE) -> PvTypes:
    path = Path(path)
    reader = JsonReader.open(path, FORMAT, PvYieldError, tr(
        "{file}: PV-Anlagentypen können nicht gelesen werden ({error})."))
    reader.expect_format(FORMAT, FORMAT_VERSION)
    types = {}
    for raw in reader.get("types", list):
        type_id = JsonReader(raw, f"{path.name}, types", PvYieldError).identifier("id")
        entry = JsonReader(raw, f"{path.name}, {type_id}", PvYieldError)
        if type_id in types:
            entry.fail("id", tr("kommt doppelt vor"))
        types[type_id] = _pv_type(entry, type_id)
    if not types:
        reader.fail("types", tr("mindestens ein Anlagentyp erwartet"))
    return PvTypes(reader.bilingual("title"), reader.text("version"), reader.figure("co2_factor_g_kwh", *CO2_RANGE),
                   reader.child("co2_factor_g_kwh").bilingual("note"), types)


def _pv_type(entry: JsonReader, type_id: str) -> PvType:
    water = [field for field in ("max_cover_share", "shore_distance_m") if field in entry.data]
    if len(water) == 1:
        entry.fail(water[0], tr("Anteil und Uferabstand gehören zusammen"))
    setup = entry.child("pvlib")
    pvlib = PvlibSetup(setup.bounded("tilt_deg", 0, 90), setup.bounded("azimuth_deg", 0, 360),
                       setup.bounded("bifaciality", 0, 1), setup.bounded("losses_pct", 0, 100))
    setup.text("source")
    setup.choice("status", STATUSES)
    return PvType(type_id, entry.bilingual("label"), entry.text("legal_basis"), entry.figure("mwp_per_ha", 0.01, 5),
                  _density_periods(entry), entry.figure("setback_m", 0, 500),
                  entry.figure("specific_yield_kwh_kwp", *YIELD_RANGE),
                  entry.figure("kwh_kwp_per_kwh_m2", 0.3, 1.5),
                  entry.figure("max_cover_share", 0, 1) if water else None,
                  entry.figure("shore_distance_m", 0, 1000) if water else None,
                  entry.figure("privileged_max_ha", 0, 1000) if "privileged_max_ha" in entry.data else None, pvlib,
                  entry.bilingual("notes"))


def _density_periods(entry: JsonReader) -> tuple[DensityPeriod, ...]:
    if "mwp_per_ha_by_build_year" not in entry.data:
        return ()
    periods = []
    for index, raw in enumerate(entry.get("mwp_per_ha_by_build_year", list)):
        period = JsonReader(raw, f"{entry.where}, mwp_per_ha_by_build_year[{index}]", entry.error)
        first, last = int(period.bounded("first_year", *BUILD_YEARS)), int(period.bounded("last_year", *BUILD_YEARS))
        if last < first or (periods and first != periods[-1].last_year + 1):
            period.fail("first_year", tr("die Zeiträume müssen lückenlos aufeinander folgen"))
        periods.append(DensityPeriod(first, last, Figure(period.bounded("value", 0.01, 5), period.text("source"),
                                                         period.choice("status", STATUSES))))
    return tuple(periods)


def capacity_density(pv_type: PvType, count: int, build_years=None, ids=None) -> tuple[np.ndarray, list[str]]:
    """MWp per hectare of each of ``count`` sites, and a note for each existing park (a site with a build year).
    Parks built within the type's measured periods get that period's density, earlier ones the first period's;
    later ones, new build and parks without a year (NaN or 0) the type's density."""
    density = np.full(count, pv_type.mwp_per_ha.value)
    notes = [""] * count
    if build_years is None:
        return density, notes
    ids = np.arange(count) if ids is None else ids
    years = np.asarray(build_years, dtype=float)
    years[years == 0] = np.nan  # tables often hold 0 for "unknown"
    known = np.flatnonzero(~np.isnan(years))
    if len(known) and not pv_type.density_by_build_year:
        raise PvYieldError(tr("{type}: für diesen Anlagentyp ist keine Leistungsdichte nach Baujahr hinterlegt; "
                              "bitte kein Baujahr-Feld angeben.").format(type=pv_type.label_text()))
    bad = [row for row in known if not BUILD_YEARS[0] <= years[row] <= BUILD_YEARS[1]]
    if bad:
        raise PvYieldError(tr("Baujahr von Objekt {id}: {value:g} ist kein Jahr von {low}–{high} ({count} Objekte "
                              "betroffen).").format(id=ids[bad[0]], value=years[bad[0]], low=BUILD_YEARS[0],
                                                    high=BUILD_YEARS[1], count=len(bad)))
    periods = pv_type.density_by_build_year
    for row in known:
        year = int(years[row])
        if year <= periods[-1].last_year:
            density[row] = next((period for period in periods if year <= period.last_year), periods[0]).mwp_per_ha.value
        notes[row] = tr("Baujahr {year}: {density:.2f} MWp/ha je eingezäunter Fläche, ohne Randabstand").format(
            year=year, density=density[row])
    return density, notes


# -- potential ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class YieldSource:
    """Specific yields (kWh/kWp·a) of one origin, NaN for the sites it has no value for; ``label`` goes to the
    output."""

    label: str
    kwh_kwp: np.ndarray


@dataclass
class PvPotential:
    usable_ha: np.ndarray  # for plants on water: the area that may be covered
    mwp: np.ndarray
    specific_kwh_kwp: np.ndarray
    gwh_a: np.ndarray
    full_load_h: np.ndarray
    co2_t_a: np.ndarray
    yield_source: list[str]
    notes: list[str]


def pv_potential(pv_type: PvType, sites: np.ndarray, co2_g_kwh: float, setback_m: float | None = None,
                 water_bodies: np.ndarray | None = None, cover_limit_ha=None, yields: tuple[YieldSource, ...] = (),
                 default_yield: float | None = None, ids=None, build_years=None) -> PvPotential:
    """Capacity and yield of a plant of ``pv_type`` on each site (polygons in a projected CRS, metres).

    ``setback_m``: edge setback, None for the type's default; ``water_bodies``: polygons the sites of a plant on
    water lie on (else each site counts as a whole water body); ``cover_limit_ha``: the largest area a plant may
    cover per site (NaN: no limit); ``yields``: specific yields by origin, the first with a value wins; then
    ``default_yield``, or the type's default when it is None. ``ids`` name the sites in messages; ``build_years``
    (NaN where unknown) give existing parks the capacity density of their time."""
    count = len(sites)
    ids = np.arange(count) if ids is None else ids
    setback = pv_type.setback_m.value if setback_m is None else float(setback_m)
    if setback < 0:
        raise PvYieldError(tr("Der Randabstand muss mindestens 0 m betragen."))
    check_value(co2_g_kwh, *CO2_RANGE, tr("CO₂-Faktor"), "g/kWh")
    if default_yield is not None:
        check_value(default_yield, *YIELD_RANGE, tr("Spezifischer Ertrag"), "kWh/kWp")
    limit_ha = np.full(count, np.nan) if cover_limit_ha is None else np.asarray(cover_limit_ha, dtype=float)
    negative = np.flatnonzero(limit_ha < 0)
    if len(negative):
        raise PvYieldError(tr("Belegungsgrenze von Objekt {id}: {value:g} ha ist negativ.").format(
            id=ids[negative[0]], value=limit_ha[negative[0]]))
    density, density_notes = capacity_density(pv_type, count, build_years, ids)
    sites = shapely.make_valid(sites)
    usable_m2, notes = usable_area(pv_type, sites, setback, water_bodies, limit_ha)
    for row, note in enumerate(density_notes):
        if note:  # an existing park: its density was measured on the fenced area, the edge is in it already
            usable_m2[row] = np.fmin(shapely.area(sites[row]), limit_ha[row] * 1e4)
            notes[row] = [note]
    specific, source, yield_notes = specific_yield(pv_type, count, yields, default_yield, ids)
    usable_ha = usable_m2 / 1e4
    privileged = pv_type.privileged_max_ha
    if privileged is not None:
        for row in np.flatnonzero(usable_ha > privileged.value):
            notes[row].append(tr("über {limit:g} ha: nicht nach {basis} privilegiert, ein Bebauungsplan ist "
                                 "nötig").format(limit=privileged.value, basis="§ 35 Abs. 1 Nr. 9 BauGB"))
    mwp = usable_ha * density
    gwh = mwp * specific / 1000.0
    return PvPotential(usable_ha, mwp, specific, gwh, specific.copy(), gwh * co2_g_kwh, source,
                       ["; ".join(site + ([extra] if extra else [])) for site, extra in zip(notes, yield_notes)])


def usable_area(pv_type: PvType, sites: np.ndarray, setback_m: float, water_bodies: np.ndarray | None = None,
                cover_limit_ha: np.ndarray | None = None) -> tuple[np.ndarray, list[list[str]]]:
    """The area (m²) a plant may take on each site, and per site what limited it."""
    count = len(sites)
    notes: list[list[str]] = [[] for _ in range(count)]
    shrunk = _inset(sites, setback_m)
    usable = shapely.area(shrunk)
    for row in np.flatnonzero((usable <= 0) & (shapely.area(sites) > 0)):
        notes[row].append(tr("Randabstand {setback:g} m lässt keine Fläche übrig").format(setback=setback_m))
    limit = np.full(count, np.nan) if cover_limit_ha is None else np.asarray(cover_limit_ha, dtype=float)
    if pv_type.on_water:
        usable = _water_rules(pv_type, sites, shrunk, water_bodies, limit, notes)
    with np.errstate(invalid="ignore"):
        capped = usable > limit * 1e4
    for row in np.flatnonzero(capped):
        notes[row].append(tr("Belegungsgrenze {limit:.2f} ha angewandt (nutzbar wären {usable:.2f} ha)").format(
            limit=limit[row], usable=usable[row] / 1e4))
    return np.where(capped, limit * 1e4, usable), notes


def _inset(geometries: np.ndarray, distance: float) -> np.ndarray:
    """The part of each geometry at least ``distance`` metres from its edge."""
    # below a micrometre a distance is none: GEOS returns nothing for a buffer of -1e-300
    return shapely.buffer(geometries, -distance) if distance > 1e-6 else geometries


def _water_rules(pv_type: PvType, sites, shrunk, water_bodies, cover_limit_ha, notes) -> np.ndarray:
    """The area that may be covered: at least the shore distance inside the water body, and all sites on one water
    body together at most its cover share (shared in proportion to their usable area)."""
    share, shore = pv_type.max_cover_share.value, pv_type.shore_distance_m.value
    count = len(sites)
    before_shore = shapely.area(shrunk)
    usable = np.zeros(count)
    if water_bodies is not None:
        water = np.asarray(water_bodies, dtype=object)
        water = shapely.make_valid(water[~shapely.is_missing(water) & ~shapely.is_empty(water)])
        host = _host_water_body(sites, water)
        on_water = host >= 0
        on = np.flatnonzero(on_water)
        usable[on] = shapely.area(shapely.intersection(shrunk[on], _inset(water[host[on]], shore)))
        demand = np.bincount(host[on], weights=usable[on], minlength=len(water))
        cap = share * shapely.area(water)
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.where(demand > cap, cap / demand, 1.0)
        sharing = np.bincount(host[on], weights=usable[on] > 0, minlength=len(water))
        covered = usable.copy()
        covered[on] *= scale[host[on]]
        shared = np.zeros(count, dtype=bool)
        shared[on] = sharing[host[on]] > 1
        for row in np.flatnonzero(~on_water):
            notes[row].append(tr("liegt auf keinem Gewässer der Gewässerebene"))
    else:
        # a site with a cover limit comes from wip:eligibility, which has kept the shore distance already
        own = np.isnan(cover_limit_ha)
        usable[own] = shapely.area(shapely.intersection(shrunk[own], _inset(sites[own], shore)))
        usable[~own] = before_shore[~own]
        covered = np.where(own, np.minimum(usable, share * shapely.area(sites)), usable)
        shared = np.zeros(count, dtype=bool)
        on_water = own
        for row in np.flatnonzero(own):
            notes[row].append(tr("Standort als ganzes Gewässer angenommen (keine Gewässerebene)"))
        for row in np.flatnonzero(~own):
            notes[row].append(tr("Uferabstand als geprüft angenommen (Belegungsgrenze gegeben)"))
    for row in np.flatnonzero(on_water & (before_shore > 0) & (usable <= 0)):
        notes[row].append(tr("Uferabstand {distance:g} m ({basis}) lässt keine Fläche übrig").format(
            distance=shore, basis=pv_type.legal_basis))
    for row in np.flatnonzero(covered < usable):
        note = tr("Belegung auf {share:g} % der Wasserfläche begrenzt: {covered:.2f} von {usable:.2f} ha ({basis})")
        notes[row].append(note.format(share=100 * share, covered=covered[row] / 1e4, usable=usable[row] / 1e4,
                                      basis=pv_type.legal_basis))
        if shared[row]:
            notes[row].append(tr("Anteil geteilt mit den anderen Standorten auf demselben Gewässer"))
    return covered


def _host_water_body(sites: np.ndarray, water: np.ndarray) -> np.ndarray:
    """Index of the water body that holds the largest part of each site; -1 for sites on no water body."""
    host = np.full(len(sites), -1)
    if not len(water):
        return host
    site_index, water_index = shapely.STRtree(water).query(sites, predicate="intersects")
    overlap = shapely.area(shapely.intersection(sites[site_index], water[water_index]))
    keep = overlap > 0
    site_index, water_index, overlap = site_index[keep], water_index[keep], overlap[keep]
    order = np.lexsort((-overlap, site_index))  # per site, the largest overlap first
    first = order[np.unique(site_index[order], return_index=True)[1]]
    host[site_index[first]] = water_index[first]
    return host


def specific_yield(pv_type: PvType, count: int, yields: tuple[YieldSource, ...] = (),
                   default_yield: float | None = None, ids=None) -> tuple[np.ndarray, list[str], list[str]]:
    """Per site the specific yield (kWh/kWp·a), its origin, and a note where the site had no value of its own."""
    ids = np.arange(count) if ids is None else ids
    values = np.full(count, np.nan)
    origin = [""] * count
    for candidate in yields:
        kwh_kwp = np.asarray(candidate.kwh_kwp, dtype=float)
        check_site_values(kwh_kwp, *YIELD_RANGE, candidate.label, "kWh/kWp", ids)
        take = np.isnan(values) & ~np.isnan(kwh_kwp)
        values[take] = kwh_kwp[take]
        for row in np.flatnonzero(take):
            origin[row] = candidate.label
    if default_yield is None:
        fallback, fallback_label = pv_type.specific_yield_kwh_kwp.value, tr("Vorgabe des Anlagentyps")
    else:
        fallback, fallback_label = float(default_yield), tr("Parameter")
    missing = np.isnan(values)
    values[missing] = fallback
    notes = [""] * count
    asked = ", ".join(candidate.label for candidate in yields)
    for row in np.flatnonzero(missing):
        origin[row] = fallback_label
        if yields:
            notes[row] = tr("kein Wert aus {origins}: {value:g} kWh/kWp ({label}) verwendet").format(
                origins=asked, value=fallback, label=fallback_label)
    return values, origin, notes


def yield_from_irradiation(pv_type: PvType, irradiation_kwh_m2, label: str, ids=None) -> YieldSource:
    """Specific yields from the annual global horizontal irradiation (kWh/m²) with the type's ratio."""
    irradiation = np.asarray(irradiation_kwh_m2, dtype=float)
    check_site_values(irradiation, *IRRADIATION_RANGE, label, "kWh/m²·a",
                      np.arange(len(irradiation)) if ids is None else ids)
    return YieldSource(label, irradiation * pv_type.kwh_kwp_per_kwh_m2.value)


def check_value(value: float, low: float, high: float, what: str, unit: str) -> None:
    if not low <= value <= high:
        raise PvYieldError(tr("{what}: {value:g} {unit} liegt außerhalb von {low:g}–{high:g} {unit}.").format(
            what=what, value=value, unit=unit, low=low, high=high))


def check_site_values(values: np.ndarray, low: float, high: float, what: str, unit: str, ids) -> None:
    """Refuse values outside [low, high] (NaN is allowed: no value), naming the first such site."""
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero((values < low) | (values > high))
    if len(bad):
        raise PvYieldError(tr("{what} von Objekt {id}: {value:g} {unit} liegt außerhalb von {low:g}–{high:g} {unit} "
                              "({count} Objekte betroffen); stimmt die Einheit?").format(
            what=what, id=ids[bad[0]], value=values[bad[0]], unit=unit, low=low, high=high, count=len(bad)))


# -- pvlib simulation --------------------------------------------------------------------------------------------

def pvlib_available() -> bool:
    return importlib.util.find_spec("pvlib") is not None


def require_pvlib() -> None:
    if not pvlib_available():
        raise PvYieldError(tr(
            "Für die Wetterdatei wird das Python-Paket pvlib gebraucht, es ist nicht installiert. Installation in "
            "der Python-Umgebung von QGIS: python -m pip install pvlib, danach QGIS neu starten. Ohne pvlib: die "
            "Wetterdatei weglassen und mit Einstrahlung oder spezifischem Ertrag rechnen."))


def weather_format(path: Path) -> str:
    """"epw" or "tmy3" (a CSV file) by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".epw":
        return "epw"
    if suffix == ".csv":
        return "tmy3"
    raise PvYieldError(tr("Wetterdatei {file}: EPW (.epw) oder TMY3 (.csv) erwartet.").format(file=Path(path).name))


def read_weather(path: Path) -> pd.DataFrame:
    """The hourly weather of an EPW or TMY3 file, indexed by the middle of each hour: irradiance (W/m²), air
    temperature and wind speed."""
    require_pvlib()
    from pvlib import iotools

    path = Path(path)
    kind = weather_format(path)
    if not path.is_file():
        raise PvYieldError(tr("Wetterdatei {file} nicht gefunden.").format(file=path))
    try:
        # TMY3 with pvlib's names (ghi, dni …); EPW files are read with them anyway
        data, _metadata = iotools.read_epw(str(path)) if kind == "epw" else \
            iotools.read_tmy3(str(path), map_variables=True)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:  # what pandas meets in a foreign file
        raise PvYieldError(tr("Wetterdatei {file} kann nicht als {kind} gelesen werden: {error}").format(
            file=path.name, kind=kind.upper(), error=error)) from error
    missing = [column for column in WEATHER_COLUMNS if column not in data.columns]
    if missing:
        raise PvYieldError(tr("Wetterdatei {file}: Spalten {columns} fehlen.").format(file=path.name,
                                                                                  columns=", ".join(missing)))
    weather = data[list(WEATHER_COLUMNS)].astype(float)
    if len(weather) < 24 or weather.isna().any().any():
        raise PvYieldError(tr("Wetterdatei {file}: weniger als ein Tag Stundenwerte oder Lücken in den Werten.").format(
            file=path.name))
    weather.index = interval_midpoints(weather.index, stamped_at_end=kind == "tmy3")
    return weather


def module_faces(setup: PvlibSetup) -> list[tuple[float, float, float]]:
    """(tilt, azimuth, weight) of each face that collects light: the front, and for bifacial modules the rear
    weighted by the bifaciality."""
    faces = [(setup.tilt_deg, setup.azimuth_deg % 360.0, 1.0)]
    if setup.bifaciality > 0:
        faces.append((180.0 - setup.tilt_deg, (setup.azimuth_deg + 180.0) % 360.0, setup.bifaciality))
    return faces


def site_groups(latitudes, longitudes, decimals: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Sites within about a kilometre share one simulation: the distinct rounded (lat, lon) and each site's row."""
    keys = np.column_stack([np.round(np.asarray(latitudes, dtype=float), decimals),
                            np.round(np.asarray(longitudes, dtype=float), decimals)])
    groups, index = np.unique(keys, axis=0, return_inverse=True)
    return groups, index.ravel()


def interval_midpoints(index: pd.DatetimeIndex, stamped_at_end: bool) -> pd.DatetimeIndex:
    """The middle of each interval, where the sun is placed: pvlib stamps TMY3 values at the end of their hour and
    EPW values at its start."""
    step = pd.Series(index).diff().median()
    return index - step / 2 if stamped_at_end else index + step / 2


def inverter_dc_limit_kw() -> float:
    """pvlib's inverter ``pdc0`` for one kWp of modules: the AC rating (1 kWp / DC-AC ratio) over the efficiency."""
    return 1.0 / DC_AC_RATIO / INVERTER_EFFICIENCY


def simulated_yield(weather: pd.DataFrame, latitudes, longitudes, setup: PvlibSetup) -> np.ndarray:
    """Specific yield (kWh/kWp·a) at each site with pvlib from the weather of :func:`read_weather` (indexed by the
    middle of each interval): solar position at the site, irradiance on the module
    faces (Hay–Davies), cell temperature (Faiman), PVWatts DC with the system losses and the PVWatts inverter;
    the file's mean power times the hours of a year."""
    require_pvlib()
    groups, group_of_site = site_groups(latitudes, longitudes)
    per_group = np.empty(len(groups))
    for number, (latitude, longitude) in enumerate(groups):
        sky = _Sky(weather, latitude, longitude)
        poa = sum(weight * sky.on_plane(tilt, face_azimuth) for tilt, face_azimuth, weight in module_faces(setup))
        per_group[number] = sky.specific_yield(poa, setup.losses_pct)
    return per_group[group_of_site]


def simulated_planes(weather: pd.DataFrame, latitude: float, longitude: float, planes, losses_pct: float) -> np.ndarray:
    """Specific yield (kWh/kWp·a) of monofacial modules on each (tilt, azimuth) plane at one place, simulated as
    :func:`simulated_yield` does (the sun's path computed once for all planes)."""
    require_pvlib()
    sky = _Sky(weather, latitude, longitude)
    return np.array([sky.specific_yield(sky.on_plane(tilt, azimuth), losses_pct) for tilt, azimuth in planes])


class _Sky:
    """The weather and the sun's path at one place, for the irradiance on planes and the yield of modules."""

    def __init__(self, weather: pd.DataFrame, latitude: float, longitude: float):
        from pvlib import irradiance, solarposition

        self.weather = weather
        sun = solarposition.get_solarposition(weather.index, latitude, longitude)
        self.zenith, self.azimuth = sun["apparent_zenith"].to_numpy(), sun["azimuth"].to_numpy()
        self.dni_extra = np.asarray(irradiance.get_extra_radiation(weather.index))

    def on_plane(self, tilt: float, azimuth: float) -> np.ndarray:
        """Irradiance on the plane (Hay–Davies), W/m² per interval."""
        from pvlib import irradiance

        weather = self.weather
        return np.nan_to_num(np.asarray(irradiance.get_total_irradiance(
            tilt, azimuth, self.zenith, self.azimuth, weather["dni"].to_numpy(), weather["ghi"].to_numpy(),
            weather["dhi"].to_numpy(), dni_extra=self.dni_extra, model="haydavies")["poa_global"]))

    def specific_yield(self, poa: np.ndarray, losses_pct: float) -> float:
        """kWh/kWp·a of modules receiving ``poa``: cell temperature (Faiman), PVWatts DC less the system losses,
        PVWatts inverter; the mean power times the hours of a year."""
        from pvlib import inverter, pvsystem, temperature

        poa = np.clip(poa, 0.0, None)
        cell = temperature.faiman(poa, self.weather["temp_air"].to_numpy(), self.weather["wind_speed"].to_numpy())
        dc = np.asarray(pvsystem.pvwatts_dc(poa, cell, 1.0, GAMMA_PDC)) * (1.0 - losses_pct / 100.0)
        ac = np.asarray(inverter.pvwatts(dc, inverter_dc_limit_kw(), INVERTER_EFFICIENCY))
        return HOURS_PER_YEAR * float(np.mean(ac))
