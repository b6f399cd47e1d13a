"""Energie- und Treibhausgasbilanz of a municipality for a base year and the scenario years 2030–2045.

Territorial principle after BISKO: final energy by sector (households, commerce and services, industry, municipal
facilities, transport) and carrier, CO₂ equivalents with upstream chains for every carrier: electricity with the
national mix of each year (UBA's published series, then a published scenario to 2045), fuels and district heat after
GEG Anlage 9, transport fuels after the fossil comparator of RED II; imported factors replace them. Local generation
is not credited to the emissions; it is set against consumption as the local coverage ("bilanzielle Deckung"), beside
the renewable share of consumption, which counts electricity with the national renewable share.
Heat comes from the heat-demand step's buildings where given, else from the municipal statistics (dwellings by
construction age); electricity and transport from per-capita figures on the population path of the Land's forecast,
unless a consumption table replaces them; transport may also be left out, and every total then says so.
Scenario years: renovation lowers the heat demand, decentral fossil boilers give way to heat pumps, biomass and solar
heat by 2045, district heat follows the WPG's renewable shares, transport turns electric. Every number used is listed
with its source as an assumption.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .heat import SCENARIO_YEARS, load_typology, scenario_demand
from .i18n import format_number, localised, tr
from .json_reader import STATUSES, JsonReader
from .lazy import lazy_module

np = lazy_module("numpy")

DEFAULTS_FILE = Path(__file__).resolve().parent.parent / "resources" / "balance" / "balance_defaults.json"
STATIONARY_SECTORS = ("haushalte", "gewerbe", "industrie", "kommune")
TRANSPORT = "verkehr"
SECTORS = STATIONARY_SECTORS + (TRANSPORT,)
HEAT_CARRIERS = ("erdgas", "heizoel", "fluessiggas", "fernwaerme", "biomasse", "umweltwaerme", "solarthermie")
FUELS = ("diesel", "benzin")
CARRIERS = ("strom",) + HEAT_CARRIERS + FUELS
# where the transport sector comes from: per-capita estimate, the planner's own figures, or left out
TRANSPORT_ESTIMATE, TRANSPORT_OWN, TRANSPORT_NONE = "estimate", "own", "none"
FOSSIL_DECENTRAL = ("erdgas", "heizoel", "fluessiggas")
GENERATION = ("pv", "wind", "biomasse", "wasser")
ROOFTOP = "pv_dach"  # the rooftop potential's expansion path: PV, shown apart from the plants built or planned
GENERATION_SOURCES = ("pv", ROOFTOP, "wind", "biomasse", "wasser")  # in the order the profile shows them
RENEWABLE_HEAT = ("biomasse", "umweltwaerme", "solarthermie")
NEUTRALITY_YEAR = 2045
BASE_LEVER = "basis"
# the balance's paths from the base year, in the order they are switched on to split a year's change between them
LEVERS = ("bevoelkerung", "sanierung", "waermewende", "industrie", "verkehr")
# construction periods of the Zensus dwellings → IWU age classes of the heat typology
ZENSUS_AGE_CLASSES = {"until_1919": "B", "1919_1948": "C", "1949_1978": "E", "1979_1986": "G", "1987_1990": "H",
                      "1991_1995": "H", "1996_2000": "I", "2001_2004": "I", "2005_2008": "J", "2009_today": "K"}
STATISTICS_GENERATION = {"pv": "renewable_energy.pv", "wind": "renewable_energy.wind_on",
                         "biomasse": "renewable_energy.biomass", "wasser": "renewable_energy.water"}


class BalanceError(ValueError):
    """Input the balance cannot work with; the message says what and where."""


@dataclass(frozen=True)
class Assumption:
    topic: str
    value: float | str  # a year series reads "2024: 427; 2030: 344; …"
    unit: str
    legal_basis: str
    source: str
    status: str


class Defaults:
    """The balance defaults file, read with precise errors; every value read is remembered as an assumption."""

    def __init__(self, path: Path = DEFAULTS_FILE):
        self.reader = JsonReader.open(path, "wip-balance-defaults", BalanceError, tr(
            "{file}: Vorgaben der Bilanz können nicht gelesen werden ({error})."))
        self.method = localised(self.reader.bilingual("method"))
        self.used: dict[str, Assumption] = {}
        self.years_seen: dict[str, dict[str, list]] = {}  # per topic of a year series: what in_years collected

    def value(self, *path: str, topic: str, unit: str) -> float:
        reader = self.reader
        for key in path:
            reader = reader.child(key)
        value = reader.bounded("value", 0.0)
        self.used.setdefault(topic, Assumption(topic, value, unit, reader.get("legal_basis", str),
                                               reader.text("source"), reader.choice("status", STATUSES)))
        return value

    def series(self, key: str) -> list[tuple[int, float, JsonReader]]:
        """The points (year, value, their entry) of the year series ``key``: entries of {values, source, status},
        in the order of the file (published figures before targets and scenarios)."""
        points = []
        series = self.reader.child(key)
        for name in series.data:
            entry = series.child(name)
            entry.text("source")
            entry.choice("status", STATUSES)
            values = entry.child("values")
            for year in values.data:
                if not (year.isdigit() and FACTOR_YEARS[0] <= int(year) <= FACTOR_YEARS[1]):
                    values.fail(year, tr("Jahreszahl von {low} bis {high} erwartet").format(
                        low=FACTOR_YEARS[0], high=FACTOR_YEARS[1]))
                points.append((int(year), values.bounded(year, 0.0), entry))
        years = [year for year, _value, _entry in points]
        if not points or years != sorted(set(years)):
            self.reader.fail(key, tr("Jahre aufsteigend und ohne Doppelung erwartet"))
        return points

    def on_series(self, key: str, year: int, topic: str, unit: str) -> float:
        """The value of the year series ``key`` in ``year``: a published point, else linear between the points
        around it, held beyond the first and the last; remembered under ``topic`` with the year and the sources it
        came from."""
        points = self.series(key)
        years = [point[0] for point in points]
        value = float(np.interp(year, years, [point[1] for point in points]))
        after = next((index for index, point_year in enumerate(years) if point_year >= year), len(years) - 1)
        statuses = []
        if year in years or year > years[-1]:
            entries, remark = [points[after][2]], ""
        elif year < years[0]:
            # no published value for the year: said, and the figure counts as unchecked
            entries, statuses = [points[0][2]], ["unchecked"]
            remark = tr("für {year} liegt keine Angabe vor: Wert von {first} übernommen").format(year=year,
                                                                                              first=years[0])
        else:
            entries = [points[after - 1][2], points[after][2]]
            remark = tr("Jahre zwischen den Angaben linear")
        self.in_years(topic, year, value, unit, [entry.data["source"] for entry in entries],
                      [entry.data["status"] for entry in entries] + statuses,
                      [entry.data.get("legal_basis", "") for entry in entries], remark)
        return value

    def in_years(self, topic: str, year: int, value: float, unit: str, sources: list[str], statuses: list[str],
                 legal_bases: list[str] = (), remark: str = "") -> None:
        """Remember the value of ``topic`` in ``year``: one assumption per topic lists every year, every source
        (once) and the weakest status."""
        seen = self.years_seen.setdefault(topic, {"values": [], "sources": [], "statuses": [], "legal": []})
        seen["values"].append(f"{year}: {format_number(value, 0 if abs(value) >= 100 else 3)}")
        seen["sources"] += [source for source in sources + ([remark] if remark else []) if source]
        seen["statuses"] += statuses
        seen["legal"] += [basis for basis in legal_bases if basis]
        status = next(status for status in reversed(STATUSES) if status in seen["statuses"])  # the weakest counts
        self.used[topic] = Assumption(topic, "; ".join(seen["values"]), unit,
                                      "; ".join(dict.fromkeys(seen["legal"])),
                                      "; ".join(dict.fromkeys(seen["sources"])), status)

    def note(self, topic: str, value: float, unit: str, source: str, status: str, legal_basis: str = "") -> None:
        """Remember a figure that comes from the input (a population path, a forecast applied) as an assumption."""
        self.used.setdefault(topic, Assumption(topic, value, unit, legal_basis, source, status))


# Upper bounds of what a municipality, district or Land can have: beyond them a table holds another unit or a typo.
MAX_COUNT = 1e8  # inhabitants, dwellings, kW installed (Germany: 84 M inhabitants, 43 M dwellings)
MAX_MWH = 1e9  # final energy per sector and carrier (Germany in total: about 2.4e9 MWh)
MAX_FACTOR_G_KWH = 2000.0  # no carrier emits more (lignite power about 1,100 g CO₂e/kWh)
FACTOR_YEARS = (1990, 2100)


def _possible(value: float, high: float, what: str, low: float = 0.0) -> float:
    """``value`` when it lies from ``low`` to ``high``; else a BalanceError naming ``what``."""
    if not (np.isfinite(value) and low <= value <= high):
        raise BalanceError(tr("{what}: {value:g} ist kein Wert von {low:g} bis {high:g}.").format(
            what=what, value=value, low=low, high=high))
    return value


@dataclass
class MunicipalityStatistics:
    """One row of the municipal statistics (GermanZero localzero-data: Destatis, Zensus, MaStR)."""

    ags: str
    population: float
    flats: dict[str, float]  # dwellings by construction period (keys of ZENSUS_AGE_CLASSES)
    flats_total: float
    flats_district_heat: float
    installed_kw: dict[str, float]  # pv, wind, biomasse, wasser
    population_year: int | None = None  # the year of the inhabitants, when the table says
    # heated buildings by carrier where a census grid gives them (erdgas, heizoel, fernwaerme, biomasse,
    # umweltwaerme); the source says where from
    heating: dict[str, float] = field(default_factory=dict)
    heating_source: str = ""

    @classmethod
    def from_row(cls, row: dict) -> MunicipalityStatistics:
        def number(name, required=False):
            value = row.get(name)
            if value is None or value == "":
                if required:
                    raise BalanceError(tr("Der Gemeindestatistik fehlt „{field}“.").format(field=name))
                return 0.0
            try:
                value = float(value)
            except (TypeError, ValueError) as error:
                raise BalanceError(tr("Gemeindestatistik, „{field}“: „{value}“ ist keine Zahl.").format(
                    field=name, value=value)) from error
            return _possible(value, MAX_COUNT, tr("Gemeindestatistik, „{field}“").format(field=name))

        population = number("population.total", required=True)
        if population <= 0:
            raise BalanceError(tr("Die Gemeindestatistik nennt keine Einwohner."))
        flats = {period: number(f"buildings.flats_{period}") for period in ZENSUS_AGE_CLASSES}
        year = number("population.year")
        if year and not FACTOR_YEARS[0] <= year <= FACTOR_YEARS[1]:
            raise BalanceError(tr("Gemeindestatistik, „population.year“: {year:g} ist kein Jahr.").format(year=year))
        return cls(str(row.get("ags") or ""), population, flats, number("buildings.flats_total"),
                   number("buildings.flats_heatnet"),
                   {carrier: number(name) for carrier, name in STATISTICS_GENERATION.items()},
                   int(year) or None)


@dataclass
class HeatDemand:
    """Useful heat (space heating and hot water, MWh/a) per sector for the base year and the scenario years."""

    by_year: dict[int, dict[str, float]]
    source: str


def heat_from_buildings(uses: list[str], demand: dict[int, np.ndarray], base_year: int) -> HeatDemand:
    """The heat-demand step's buildings: residential → households, schools and day-care → municipal facilities,
    any other non-residential use → commerce (production buildings count as commerce: their process heat is not in
    the typology). ``demand`` maps the base year and each scenario year to the buildings' MWh/a."""
    uses = np.asarray([use or "" for use in uses], dtype=object)
    sector = np.where(uses == "residential", "haushalte", np.where(uses == "bildung", "kommune", "gewerbe"))
    by_year = {}
    for year, values in demand.items():
        values = np.nan_to_num(np.asarray(values, dtype=float))
        by_year[year] = {name: float(values[sector == name].sum()) for name in ("haushalte", "gewerbe", "kommune")}
    return HeatDemand(by_year, tr("Wärmebedarf der Gebäude (wip:heatdemand)"))


def heat_from_statistics(statistics: MunicipalityStatistics, defaults: Defaults, base_year: int,
                         years: tuple[int, ...], population: dict[int, float]) -> HeatDemand:
    """Households: dwellings by construction period × heated area × the typology's specific demand (mean of
    single-family and multi-family houses), renovated over the years; commerce: a per-capita default on the
    ``population`` path."""
    typology = load_typology()
    area = defaults.value("dwelling_area_m2", topic=tr("Beheizte Fläche je Wohnung"), unit="m²")
    rate = defaults.value("renovation", "rate", topic=tr("Sanierungsrate"), unit="1/a")
    depth = defaults.value("renovation", "depth", topic=tr("Sanierungstiefe"), unit="")
    commerce = defaults.value("heat_kwh_per_capita", "gewerbe", topic=tr("Wärme Gewerbe je Einwohner"),
                              unit="kWh/a") / 1000
    ages = list(ZENSUS_AGE_CLASSES.values())
    base = np.array([statistics.flats[period] * area * (typology.residential["EFH"][age]
                                                        + typology.residential["MFH"][age]) / 2 / 1000
                     for period, age in ZENSUS_AGE_CLASSES.items()])
    by_year = {year: {"haushalte": float(scenario_demand(base, ages, year, base_year, rate, depth).sum()),
                      "gewerbe": commerce * population[year], "kommune": 0.0} for year in (base_year,) + years}
    return HeatDemand(by_year, tr("Zensus-Wohnungen nach Baualter × Typologie (Näherung)"))


@dataclass
class BalanceInput:
    statistics: MunicipalityStatistics
    base_year: int
    heat: HeatDemand | None = None  # None: from the statistics
    planned_mwh: dict[str, float] = field(default_factory=dict)  # pv, wind … from the yield step or an alternative
    planned_from: int = 2030
    planned_source: str = ""
    consumption: list[tuple[str, str, float]] = field(default_factory=list)  # (sector, carrier, MWh) replacing
    factors: list[tuple[str, float, int | None]] = field(default_factory=list)  # (carrier, g/kWh, year or None)
    transport: str = TRANSPORT_ESTIMATE  # TRANSPORT_OWN follows from consumption rows of the transport sector
    population: list[tuple[int, float]] = field(default_factory=list)  # (year, inhabitants): the planner's path
    rooftop_mwh: float = 0.0  # rooftop PV potential left after the plants on roofs today (wip:rooftoppv), MWh/a
    rooftop_source: str = ""


@dataclass(frozen=True)
class BalanceRow:
    year: int
    kind: str  # demand or generation
    sector: str  # a demand sector; generation: bestand or planung
    carrier: str
    mwh: float
    co2_t: float
    factor_g_kwh: float
    source: str


@dataclass(frozen=True)
class LeverRow:
    """One step of a year's path: how much final energy of (sector, carrier) the lever changes against the base
    year, at the year's emission factor. The rows of ``BASE_LEVER`` hold the base year's consumption at the year's
    factors, so base plus every lever is the year's balance; carriers the base year does not use have one such row
    without a sector and with 0 MWh, for their factor."""
    year: int
    lever: str
    sector: str
    carrier: str
    mwh: float
    factor_g_kwh: float

    @property
    def co2_t(self) -> float:
        return self.mwh * self.factor_g_kwh / 1000


@dataclass
class BalanceResult:
    rows: list[BalanceRow]
    indicators: list[dict]
    assumptions: list[Assumption]
    method: str
    transport: str  # TRANSPORT_ESTIMATE, TRANSPORT_OWN or TRANSPORT_NONE: what every total includes
    levers: list[LeverRow] = field(default_factory=list)


def energy_balance(inputs: BalanceInput, defaults_path: Path = DEFAULTS_FILE) -> BalanceResult:
    defaults = Defaults(defaults_path)
    years = (inputs.base_year,) + tuple(year for year in SCENARIO_YEARS if year > inputs.base_year)
    if inputs.base_year > NEUTRALITY_YEAR or inputs.base_year < 2000:
        raise BalanceError(tr("Basisjahr {year}: erwartet 2000–{last}.").format(year=inputs.base_year,
                                                                               last=NEUTRALITY_YEAR))
    _check_overrides(inputs)
    statistics = inputs.statistics
    transport = _transport_scope(inputs)
    population = population_path(statistics, inputs.population, years, defaults)
    heat = inputs.heat or heat_from_statistics(statistics, defaults, inputs.base_year, years[1:], population)
    missing = [year for year in years if year not in heat.by_year]
    if missing:
        raise BalanceError(tr("Wärmebedarf fehlt für die Jahre {years}.").format(
            years=", ".join(map(str, missing))))
    shares = _base_heat_shares(statistics, defaults)
    target = {carrier: defaults.value("decentral_heat_2045", carrier, topic=tr("Anteil {carrier} an dezentraler "
                                                                                "Wärme 2045").format(
        carrier=carrier_label(carrier)), unit="") for carrier in RENEWABLE_HEAT}
    if sum(target.values()) <= 0:
        raise BalanceError(tr("Die Anteile der dezentralen Wärme 2045 ergeben zusammen 0."))
    efficiency = {carrier: defaults.value("efficiency", carrier, topic=tr("Wirkungsgrad {carrier}").format(
        carrier=carrier_label(carrier)), unit="") for carrier in ("erdgas", "heizoel", "fluessiggas", "biomasse",
                                                                   "fernwaerme", "solarthermie")}
    cop = defaults.value("heat_pump_cop", topic=tr("Jahresarbeitszahl Wärmepumpe"), unit="")
    electricity = {sector: defaults.value("electricity_kwh_per_capita", sector, topic=tr(
        "Strom {sector} je Einwohner").format(sector=sector_label(sector)), unit="kWh/a") / 1000
        for sector in STATIONARY_SECTORS}
    process_heat = defaults.value("heat_kwh_per_capita", "industrie", topic=tr("Prozesswärme Industrie je "
                                                                               "Einwohner"), unit="kWh/a") / 1000
    per_capita = _transport_per_capita(defaults) if transport == TRANSPORT_ESTIMATE else {}
    path = _transport_path(defaults) if transport != TRANSPORT_NONE else {}
    # the planner's transport figures are today's: they go the same way to 2045 as the estimate
    own = {carrier: mwh for sector, carrier, mwh in inputs.consumption if sector == TRANSPORT}
    # for the plants already installed; planned plants bring their energy from the Ertrag step or a variant
    hours = {carrier: defaults.value("full_load_hours", carrier, topic=tr("Volllaststunden Bestand {carrier}").format(
        carrier=carrier_label(carrier)), unit="h/a") for carrier in GENERATION}
    factors, district_renewable = _factors(defaults, inputs, years)
    electricity_renewable = {year: defaults.on_series(
        "electricity_renewable_share", year, topic=tr("Erneuerbarer Anteil am Bruttostromverbrauch"), unit="")
        for year in years}
    overrides = {(sector, carrier): mwh for sector, carrier, mwh in inputs.consumption if sector != TRANSPORT}

    def final_energy(inhabitants: float, heat_year: int, mix: float, industry: float, traffic: float) -> dict:
        """Final energy by (sector, carrier) with the heat demand of ``heat_year`` and each path at its progress."""
        final: dict[tuple[str, str], float] = {}
        for sector, useful in heat.by_year[heat_year].items():
            _heat_final(final, sector, useful, _decentral_mix(shares, target, mix), shares["fernwaerme"], efficiency,
                        cop)
        # industry: process heat from natural gas, electrified by 2045
        final[("industrie", "erdgas")] = final.get(("industrie", "erdgas"), 0.0) + process_heat * inhabitants \
            * (1 - industry) / efficiency["erdgas"]
        final[("industrie", "strom")] = final.get(("industrie", "strom"), 0.0) + process_heat * inhabitants * industry
        for sector in STATIONARY_SECTORS:
            final[(sector, "strom")] = final.get((sector, "strom"), 0.0) + electricity[sector] * inhabitants
        if path:
            today = own or {carrier: mwh * inhabitants for carrier, mwh in per_capita.items()}
            _transport_final(final, today, path, traffic)
        final.update(overrides)
        return final

    base = final_energy(population[inputs.base_year], inputs.base_year, 0.0, 0.0, 0.0)
    rows: list[BalanceRow] = []
    levers: list[LeverRow] = []
    for year in years:
        progress = (year - inputs.base_year) / max(NEUTRALITY_YEAR - inputs.base_year, 1)
        # the paths switched on one after the other: each lever is the change its step adds
        steps = [base, final_energy(population[year], inputs.base_year, 0.0, 0.0, 0.0),
                 final_energy(population[year], year, 0.0, 0.0, 0.0),
                 final_energy(population[year], year, progress, 0.0, 0.0),
                 final_energy(population[year], year, progress, progress, 0.0),
                 final_energy(population[year], year, progress, progress, progress)]
        final = steps[-1]
        levers += [LeverRow(year, BASE_LEVER, sector, carrier, mwh, factors[year][carrier])
                   for (sector, carrier), mwh in sorted(base.items()) if mwh > 0]
        # every other carrier's factor, for measures that bring a carrier the base year did not use
        levers += [LeverRow(year, BASE_LEVER, "", carrier, 0.0, factors[year][carrier]) for carrier in CARRIERS
                   if not any(mwh > 0 and used == carrier for (_, used), mwh in base.items())]
        for lever, before, after in zip(LEVERS, steps, steps[1:]):
            for key in sorted(set(before) | set(after)):
                change = after.get(key, 0.0) - before.get(key, 0.0)
                if abs(change) > 1e-9:
                    levers.append(LeverRow(year, lever, *key, change, factors[year][key[1]]))
        for (sector, carrier), mwh in sorted(final.items()):
            if mwh <= 0:
                continue
            factor = factors[year][carrier]
            source = tr("Vorgabe des Nutzers") if (sector, carrier) in overrides else _demand_source(
                sector, carrier, heat.source, transport)
            rows.append(BalanceRow(year, "demand", sector, carrier, mwh, mwh * factor / 1000, factor, source))
        for carrier in GENERATION:
            existing = statistics.installed_kw[carrier] * hours[carrier] / 1000
            if existing > 0:
                rows.append(BalanceRow(year, "generation", "bestand", carrier, existing, 0.0, 0.0,
                                       tr("Marktstammdatenregister × Volllaststunden")))
            planned = inputs.planned_mwh.get(carrier, 0.0)
            if planned > 0 and year >= inputs.planned_from:
                rows.append(BalanceRow(year, "generation", "planung", carrier, planned, 0.0, 0.0,
                                       inputs.planned_source or tr("Planung")))
        if inputs.rooftop_mwh > 0:
            realised = defaults.on_series("rooftop_realised_share", year, topic=tr(
                "Realisierter Anteil des Dachpotenzials"), unit="")
            if realised > 0:
                rows.append(BalanceRow(year, "generation", "dach", ROOFTOP, inputs.rooftop_mwh * realised, 0.0, 0.0,
                                       inputs.rooftop_source or tr("Solarpotenzial Dach")))
    indicators = [_indicators(rows, year, population[year], district_renewable[year], electricity_renewable[year],
                              transport) for year in years]
    return BalanceResult(rows, indicators, list(defaults.used.values()), defaults.method, transport, levers)


def transport_scope_label(scope: str, short: bool = False) -> str:
    """How the totals name what they include; ``short`` for a dock's choice and headline."""
    estimate = tr("mit Verkehr (geschätzt)") if short else tr("mit Verkehr (Schätzung aus dem Bundesdurchschnitt je "
                                                              "Einwohner)")
    return {TRANSPORT_ESTIMATE: estimate, TRANSPORT_OWN: tr("mit Verkehr (eigene Zahlen)"),
            TRANSPORT_NONE: tr("ohne Verkehr")}.get(scope, scope)


def _transport_scope(inputs: BalanceInput) -> str:
    own = any(sector == TRANSPORT for sector, _carrier, _mwh in inputs.consumption)
    if inputs.transport not in (TRANSPORT_ESTIMATE, TRANSPORT_OWN, TRANSPORT_NONE):
        raise BalanceError(tr("Verkehr: „{value}“ unbekannt.").format(value=inputs.transport))
    if inputs.transport == TRANSPORT_NONE and own:
        raise BalanceError(tr("Die Verbrauchstabelle nennt den Verkehr, die Bilanz ist aber ohne Verkehr gewählt."))
    if inputs.transport == TRANSPORT_OWN and not own:
        raise BalanceError(tr("Verkehr aus eigenen Zahlen gewählt, die Verbrauchstabelle hat aber keine Zeile des "
                              "Sektors „{sector}“.").format(sector=TRANSPORT))
    return TRANSPORT_OWN if own else inputs.transport


def _transport_per_capita(defaults: Defaults) -> dict[str, float]:
    """MWh per inhabitant and carrier today: the national average."""
    return {carrier: defaults.value("transport_kwh_per_capita", carrier, topic=tr(
        "Verkehr {carrier} je Einwohner").format(carrier=carrier_label(carrier)), unit="kWh/a") / 1000
        for carrier in FUELS + ("strom",)}


def _transport_path(defaults: Defaults) -> dict[str, float]:
    """The electric share of transport in 2045 and the final energy an electric kilometre takes against a fuelled
    one."""
    return {"electric_2045": defaults.value("transport_electric_2045", topic=tr("Anteil elektrischer Verkehr 2045"),
                                            unit=""),
            "ratio": defaults.value("transport_electric_ratio", topic=tr(
                "Endenergie elektrisch je Endenergie Kraftstoff"), unit="")}


def _transport_final(final: dict, today: dict[str, float], path: dict[str, float], progress: float) -> None:
    """Today's transport (MWh by carrier) on the way to 2045: fuels give way to electricity, and an electric
    kilometre takes ``ratio`` of the energy."""
    electric = min(max(progress, 0.0), 1.0) * path["electric_2045"]
    fuels = sum(today.get(carrier, 0.0) for carrier in FUELS)
    for carrier in FUELS:
        final[(TRANSPORT, carrier)] = today.get(carrier, 0.0) * (1 - electric)
    final[(TRANSPORT, "strom")] = today.get("strom", 0.0) + fuels * electric * path["ratio"]


def population_path(statistics: MunicipalityStatistics, given: list[tuple[int, float]], years: tuple[int, ...],
                    defaults: Defaults) -> dict[int, float]:
    """Inhabitants per year: the planner's path (linear between its years, held beyond them); else the statistics'
    inhabitants carried forward at the annual rate of the Land's regionalised forecast for the municipality's
    district or Land (held after its horizon); else constant, and the assumptions say so."""
    if given:
        points = sorted(given)
        for year, inhabitants in points:
            _possible(year, FACTOR_YEARS[1], tr("Bevölkerungstabelle, Jahr"), low=FACTOR_YEARS[0])
            _possible(inhabitants, MAX_COUNT, tr("Bevölkerungstabelle, Einwohner {year}").format(year=year), low=1)
        path = {year: float(np.interp(year, [p[0] for p in points], [p[1] for p in points])) for year in years}
        for year in years:
            defaults.in_years(tr("Einwohner"), year, round(path[year]), "", [tr("Bevölkerungstabelle des Nutzers")],
                              ["checked"])
        return path
    since = statistics.population_year or int(defaults.value("population_statistics_year", topic=tr(
        "Jahr der Einwohnerzahl der Gemeindestatistik"), unit=""))
    forecast = _forecast_for(statistics.ags, defaults)
    if forecast is None:
        defaults.note(tr("Einwohner"), statistics.population, "", tr(
            "Gemeindestatistik; keine Bevölkerungsprognose für den Gemeindeschlüssel „{ags}“ hinterlegt: konstant "
            "angenommen").format(ags=statistics.ags or "–"), "unchecked")
        return dict.fromkeys(years, statistics.population)
    entry, rate = forecast
    horizon = int(entry.number("to_year"))
    # carried forward from the statistics' year, held before it and after the forecast's horizon
    path = {year: statistics.population * (1 + rate) ** max(min(year, horizon) - since, 0) for year in years}
    source = tr("{inhabitants} Einwohner ({since}) mit {rate} % je Jahr nach der Prognose für {region}, davor und "
                "ab {horizon} gehalten: {source}").format(inhabitants=f"{statistics.population:.0f}", since=since,
                                                       rate=f"{100 * rate:.2f}", region=entry.text("name"),
                                                       horizon=horizon, source=entry.text("source"))
    for year in years:
        defaults.in_years(tr("Einwohner"), year, round(path[year]), "", [source], [entry.choice("status", STATUSES)])
    return path


def _forecast_for(ags: str, defaults: Defaults) -> tuple[JsonReader, float] | None:
    """The forecast entry with the longest key prefix of ``ags`` and its annual rate of change."""
    entries = [JsonReader(raw, f"{DEFAULTS_FILE.name}, population_forecast", BalanceError)
               for raw in defaults.reader.get("population_forecast", list)]
    matching = [entry for entry in entries if ags and ags.startswith(entry.identifier("ags_prefix"))]
    if not matching:
        return None
    entry = max(matching, key=lambda candidate: len(candidate.text("ags_prefix")))
    first, last = entry.bounded("from_year", *FACTOR_YEARS), entry.bounded("to_year", *FACTOR_YEARS)
    change = entry.bounded("change", -0.99, 10.0)
    if last <= first:
        entry.fail("to_year", tr("muss nach from_year liegen"))
    return entry, (1 + change) ** (1 / (last - first)) - 1


def _check_overrides(inputs: BalanceInput) -> None:
    for sector, carrier, mwh in inputs.consumption:
        if sector not in SECTORS or carrier not in CARRIERS:
            raise BalanceError(tr("Verbrauchstabelle: „{sector}/{carrier}“ unbekannt; Sektoren {sectors}, "
                                  "Energieträger {carriers}.").format(sector=sector, carrier=carrier,
                                                                      sectors=", ".join(SECTORS),
                                                                      carriers=", ".join(CARRIERS)))
        # fuels are transport's, heat carriers the buildings': so electricity, heat and fuels add up to the total
        if carrier != "strom" and (carrier in FUELS) != (sector == TRANSPORT):
            raise BalanceError(tr("Verbrauchstabelle: „{sector}/{carrier}“ passt nicht zusammen; im Verkehr "
                                  "Strom, {fuels}, in den anderen Sektoren Strom und Wärmeträger.").format(
                sector=sector, carrier=carrier, fuels=", ".join(FUELS)))
        _possible(mwh, MAX_MWH, tr("Verbrauchstabelle, {sector}/{carrier}").format(sector=sector, carrier=carrier))
    for carrier, value, year in inputs.factors:
        if carrier not in CARRIERS:
            raise BalanceError(tr("Faktortabelle: Energieträger „{carrier}“ unbekannt.").format(carrier=carrier))
        _possible(value, MAX_FACTOR_G_KWH, tr("Faktortabelle, {carrier}").format(carrier=carrier))
        if year is not None:
            _possible(year, FACTOR_YEARS[1], tr("Faktortabelle, {carrier}, Jahr").format(carrier=carrier),
                      low=FACTOR_YEARS[0])
    for carrier, mwh in list(inputs.planned_mwh.items()) + [(ROOFTOP, inputs.rooftop_mwh)]:
        if carrier not in GENERATION_SOURCES or not np.isfinite(mwh) or mwh < 0:
            raise BalanceError(tr("Geplante Erzeugung {carrier}: {value} ist nicht zulässig.").format(
                carrier=carrier, value=mwh))


def _base_heat_shares(statistics: MunicipalityStatistics, defaults: Defaults) -> dict[str, float]:
    """The heat carriers' shares today: district heat from the share of dwellings connected (Zensus); the rest split
    as the municipality's other buildings are heated where a census grid counts them, else like the Land's heating
    stock. (Dwellings, not buildings, weigh district heat: a block on the network counts by its flats.)"""
    counts = statistics.heating
    decentral = {carrier: counts.get(carrier, 0.0) for carrier in counts if carrier != "fernwaerme"}
    if sum(decentral.values()) > 0:
        total = sum(counts.values())
        district = statistics.flats_district_heat / statistics.flats_total if statistics.flats_total > 0 else \
            counts.get("fernwaerme", 0.0) / total
        shares = {"fernwaerme": min(district, 1.0)}
        shares.update({carrier: (1 - shares["fernwaerme"]) * count / sum(decentral.values())
                       for carrier, count in decentral.items()})
        for carrier, share in shares.items():
            defaults.note(tr("Anteil {carrier} an der Wärme heute").format(carrier=carrier_label(carrier)),
                          round(100 * share, 1), "%", statistics.heating_source if carrier != "fernwaerme" or
                          statistics.flats_total <= 0 else tr("Gemeindestatistik: Wohnungen mit Fernwärme (Zensus)"),
                          "checked")
        return shares
    stock = {carrier: defaults.value("heating_stock_lsa", carrier, topic=tr("Heizungsbestand Sachsen-Anhalt: "
                                                                             "{carrier}").format(
        carrier=carrier_label(carrier)), unit=tr("Wohnungen")) for carrier in ("erdgas", "fernwaerme", "heizoel",
                                                                            "umweltwaerme")}
    district = statistics.flats_district_heat / statistics.flats_total if statistics.flats_total > 0 else \
        stock["fernwaerme"] / sum(stock.values())
    rest = stock["erdgas"] + stock["heizoel"] + stock["umweltwaerme"]
    return {"fernwaerme": min(district, 1.0), "erdgas": (1 - district) * stock["erdgas"] / rest,
            "heizoel": (1 - district) * stock["heizoel"] / rest,
            "umweltwaerme": (1 - district) * stock["umweltwaerme"] / rest}


def _decentral_mix(shares: dict[str, float], target: dict[str, float], progress: float) -> dict[str, float]:
    """Shares of the decentral heat (without district heat) in a year: from today's mix linearly to the 2045 mix
    without fossil boilers."""
    decentral = 1.0 - shares["fernwaerme"]
    today = {carrier: shares.get(carrier, 0.0) / decentral if decentral > 0 else 0.0
             for carrier in FOSSIL_DECENTRAL + RENEWABLE_HEAT}
    total = sum(target.values())
    goal = {carrier: target.get(carrier, 0.0) / total for carrier in FOSSIL_DECENTRAL + RENEWABLE_HEAT}
    progress = min(max(progress, 0.0), 1.0)
    return {carrier: (1 - progress) * today[carrier] + progress * goal[carrier] for carrier in today}


def _heat_final(final: dict, sector: str, useful: float, mix: dict[str, float], district: float, efficiency: dict,
                cop: float) -> None:
    """Add the final energy of ``useful`` heat of ``sector``: district heat, then the decentral mix; a heat pump
    takes 1/COP as electricity and the rest as ambient heat."""
    def add(carrier, mwh):
        final[(sector, carrier)] = final.get((sector, carrier), 0.0) + mwh

    add("fernwaerme", useful * district / efficiency["fernwaerme"])
    decentral = useful * (1 - district)
    for carrier, share in mix.items():
        part = decentral * share
        if carrier == "umweltwaerme":
            add("strom", part / cop)
            add("umweltwaerme", part * (1 - 1 / cop))
        elif part > 0:
            add(carrier, part / efficiency[carrier])


def _factors(defaults: Defaults, inputs: BalanceInput, years: tuple[int, ...]) -> tuple[dict, dict]:
    """g CO₂e per kWh per carrier and year, all with upstream chains: electricity on the national mix of the year
    (published, then the scenario); fuels after GEG Anlage 9 and RED II; district heat at the generic network factor
    in the base year, then mixed by the WPG's renewable shares. Imported factors replace them for one year or all.
    Also the renewable share of district heat per year."""
    factor = {carrier: defaults.value("emission_factors_g_kwh", carrier, topic=tr("Emissionsfaktor {carrier}").format(
        carrier=carrier_label(carrier)), unit="g CO₂e/kWh") for carrier in CARRIERS
        if carrier not in ("strom", "fernwaerme")}
    network = defaults.value("emission_factors_g_kwh", "fernwaerme",
                             topic=tr("Emissionsfaktor Fernwärme (Netz ohne Angabe der Erzeugung)"), unit="g CO₂e/kWh")
    renewable = defaults.value("emission_factors_g_kwh", "fernwaerme_erneuerbar",
                               topic=tr("Emissionsfaktor Fernwärme erneuerbar"), unit="g CO₂e/kWh")
    points = {"base": inputs.base_year, "2030": 2030, "2040": 2040, "2045": 2045}
    shares = {year: defaults.value("district_heat_renewable_share", key, topic=tr(
        "Erneuerbarer Anteil Fernwärme {year}").format(year=year if key != "base" else tr("Basisjahr")), unit="")
        for key, year in points.items()}
    known = sorted((year, share) for year, share in shares.items() if year >= inputs.base_year)
    # the network's factor holds in the base year; its non-renewable part, which the WPG's shares replace, follows
    base_share = shares[inputs.base_year]
    fossil = max((network - base_share * renewable) / (1 - base_share), 0.0) if base_share < 1 else renewable
    factors, district = {}, {}
    for year in years:
        district[year] = float(np.interp(year, [y for y, _ in known], [s for _, s in known]))
        grid = defaults.on_series("electricity_mix_g_kwh", year, topic=tr("Emissionsfaktor Strom (Bundesmix)"),
                                  unit="g CO₂e/kWh")
        factors[year] = dict(factor, strom=grid, fernwaerme=(1 - district[year]) * fossil + district[year] * renewable)
    # imported factors: those for all years first, then those for one year
    for carrier, value, year in sorted(inputs.factors, key=lambda item: item[2] is not None):
        for target in (years if year is None else [year]):
            if target in factors:
                factors[target][carrier] = value
    return factors, district


def _indicators(rows: list[BalanceRow], year: int, population: float, district_renewable: float,
                electricity_renewable: float, transport: str) -> dict:
    """The year's totals (with or without transport, as ``transport`` says), the renewable share of consumption
    (electricity at the national renewable share, district heat at its renewable share, renewable heat whole) and
    the local coverage: local generation against the electricity consumed; and the renewable heat (district heat at
    its renewable share) against the heat."""
    demand = [row for row in rows if row.year == year and row.kind == "demand"]
    generation = sum(row.mwh for row in rows if row.year == year and row.kind == "generation")
    total = sum(row.mwh for row in demand)
    # electricity, heat and transport fuels add up to the total: electric transport counts as electricity
    transport_fuels = sum(row.mwh for row in demand if row.sector == TRANSPORT and row.carrier != "strom")
    electricity = sum(row.mwh for row in demand if row.carrier == "strom")
    heat = sum(row.mwh for row in demand if row.sector != TRANSPORT and row.carrier in HEAT_CARRIERS)
    local_heat = sum(row.mwh for row in demand if row.carrier in RENEWABLE_HEAT)
    district = sum(row.mwh for row in demand if row.carrier == "fernwaerme")
    renewable_heat = local_heat + district * district_renewable
    renewable = electricity * electricity_renewable + renewable_heat
    co2 = sum(row.co2_t for row in demand)

    def percent(part, whole):
        return 100.0 * part / whole if whole > 0 else 0.0

    return {"year": year, "population": population, "demand_mwh": total, "electricity_mwh": electricity,
            "heat_mwh": heat, "transport_mwh": transport_fuels, "generation_mwh": generation,
            "self_sufficiency_electricity_pct": percent(generation, electricity),
            "self_sufficiency_heat_pct": percent(renewable_heat, heat),
            "renewable_share_pct": percent(renewable, total),
            "co2_t": co2, "co2_t_per_capita": co2 / population, "gap_to_neutrality_t": co2, "transport": transport}


def _demand_source(sector: str, carrier: str, heat_source: str, transport: str) -> str:
    if sector == TRANSPORT:
        return tr("Verkehr des Nutzers, bis 2045 elektrisch") if transport == TRANSPORT_OWN else tr(
            "Verkehr je Einwohner (Bundesdurchschnitt), bis 2045 elektrisch")
    if carrier == "strom":
        return tr("Stromvorgaben je Einwohner; Wärmepumpen aus dem Wärmebedarf")
    return heat_source


def lever_label(lever: str) -> str:
    return {BASE_LEVER: tr("Verbrauch des Basisjahres"), "bevoelkerung": tr("Bevölkerungsentwicklung"),
            "sanierung": tr("Gebäudesanierung (Wärmebedarf)"),
            "waermewende": tr("Wärmepumpen und erneuerbare Einzelheizungen"),
            "industrie": tr("Prozesswärme der Industrie elektrifiziert"),
            "verkehr": tr("Verkehr elektrisch")}.get(lever, lever)


def sector_label(sector: str) -> str:
    return {"haushalte": tr("Private Haushalte"), "gewerbe": tr("Gewerbe, Handel, Dienstleistungen"),
            "industrie": tr("Industrie"), "kommune": tr("Kommunale Einrichtungen"), "verkehr": tr("Verkehr"),
            "bestand": tr("Bestehende Anlagen"), "planung": tr("Geplante Anlagen"),
            "dach": tr("Dachpotenzial, Ausbaupfad")}.get(sector, sector)


def carrier_label(carrier: str) -> str:
    return {"strom": tr("Strom"), "erdgas": tr("Erdgas"), "heizoel": tr("Heizöl"), "fluessiggas": tr("Flüssiggas"),
            "fernwaerme": tr("Fernwärme"), "biomasse": tr("Biomasse"), "umweltwaerme": tr("Umweltwärme"),
            "solarthermie": tr("Solarthermie"), "pv": tr("Photovoltaik"), ROOFTOP: tr("Photovoltaik Dach"),
            "wind": tr("Windenergie"),
            "wasser": tr("Wasserkraft"), "diesel": tr("Diesel"), "benzin": tr("Benzin")}.get(carrier, carrier)
