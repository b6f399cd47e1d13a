"""Energie- und Treibhausgasbilanz of a municipality for a base year and the scenario years 2030–2045.

Territorial principle after BISKO: final energy by sector (households, commerce and services, industry, municipal
facilities) and carrier, CO₂ equivalents with documented factors (GEG Anlage 9 by default, importable BISKO factors),
electricity with the grid factor (local generation is not credited, it is set against consumption in the
self-sufficiency). Heat comes from the heat-demand step's buildings where given, else from the municipal statistics
(dwellings by construction age); electricity from per-capita defaults unless a consumption table replaces them.
Scenario years: renovation lowers the heat demand, decentral fossil boilers give way to heat pumps, biomass and solar
heat by 2045, district heat follows the WPG's renewable shares, the grid factor falls to its 2045 value. Every
number used is listed with its source as an assumption.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .heat import SCENARIO_YEARS, load_typology, scenario_demand
from .i18n import localised, tr
from .json_reader import STATUSES, JsonReader

DEFAULTS_FILE = Path(__file__).resolve().parent.parent / "resources" / "balance" / "balance_defaults.json"
SECTORS = ("haushalte", "gewerbe", "industrie", "kommune")
HEAT_CARRIERS = ("erdgas", "heizoel", "fluessiggas", "fernwaerme", "biomasse", "umweltwaerme", "solarthermie")
CARRIERS = ("strom",) + HEAT_CARRIERS
FOSSIL_DECENTRAL = ("erdgas", "heizoel", "fluessiggas")
GENERATION = ("pv", "wind", "biomasse", "wasser")
RENEWABLE_HEAT = ("biomasse", "umweltwaerme", "solarthermie")
NEUTRALITY_YEAR = 2045
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
    value: float
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

    def value(self, *path: str, topic: str, unit: str) -> float:
        reader = self.reader
        for key in path:
            reader = reader.child(key)
        value = reader.bounded("value", 0.0)
        self.used.setdefault(topic, Assumption(topic, value, unit, reader.get("legal_basis", str),
                                               reader.text("source"), reader.choice("status", STATUSES)))
        return value


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
        return cls(str(row.get("ags") or ""), population, flats, number("buildings.flats_total"),
                   number("buildings.flats_heatnet"),
                   {carrier: number(name) for carrier, name in STATISTICS_GENERATION.items()})


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
                         years: tuple[int, ...]) -> HeatDemand:
    """Households: dwellings by construction period × heated area × the typology's specific demand (mean of
    single-family and multi-family houses), renovated over the years; commerce: a per-capita default."""
    typology = load_typology()
    area = defaults.value("dwelling_area_m2", topic=tr("Beheizte Fläche je Wohnung"), unit="m²")
    rate = defaults.value("renovation", "rate", topic=tr("Sanierungsrate"), unit="1/a")
    depth = defaults.value("renovation", "depth", topic=tr("Sanierungstiefe"), unit="")
    commerce = defaults.value("heat_kwh_per_capita", "gewerbe", topic=tr("Wärme Gewerbe je Einwohner"),
                              unit="kWh/a") * statistics.population / 1000
    ages = list(ZENSUS_AGE_CLASSES.values())
    base = np.array([statistics.flats[period] * area * (typology.residential["EFH"][age]
                                                        + typology.residential["MFH"][age]) / 2 / 1000
                     for period, age in ZENSUS_AGE_CLASSES.items()])
    by_year = {year: {"haushalte": float(scenario_demand(base, ages, year, base_year, rate, depth).sum()),
                      "gewerbe": commerce, "kommune": 0.0} for year in (base_year,) + years}
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


@dataclass
class BalanceResult:
    rows: list[BalanceRow]
    indicators: list[dict]
    assumptions: list[Assumption]
    method: str


def energy_balance(inputs: BalanceInput, defaults_path: Path = DEFAULTS_FILE) -> BalanceResult:
    defaults = Defaults(defaults_path)
    years = (inputs.base_year,) + tuple(year for year in SCENARIO_YEARS if year > inputs.base_year)
    if inputs.base_year > NEUTRALITY_YEAR or inputs.base_year < 2000:
        raise BalanceError(tr("Basisjahr {year}: erwartet 2000–{last}.").format(year=inputs.base_year,
                                                                               last=NEUTRALITY_YEAR))
    _check_overrides(inputs)
    statistics = inputs.statistics
    heat = inputs.heat or heat_from_statistics(statistics, defaults, inputs.base_year, years[1:])
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
        "Strom {sector} je Einwohner").format(sector=sector_label(sector)), unit="kWh/a")
        * statistics.population / 1000 for sector in SECTORS}
    process_heat = defaults.value("heat_kwh_per_capita", "industrie", topic=tr("Prozesswärme Industrie je "
                                                                               "Einwohner"),
                                  unit="kWh/a") * statistics.population / 1000
    # for the plants already installed; planned plants bring their energy from the Ertrag step or a variant
    hours = {carrier: defaults.value("full_load_hours", carrier, topic=tr("Volllaststunden Bestand {carrier}").format(
        carrier=carrier_label(carrier)), unit="h/a") for carrier in GENERATION}
    factors, district_renewable = _factors(defaults, inputs, years)
    overrides = {(sector, carrier): mwh for sector, carrier, mwh in inputs.consumption}

    rows: list[BalanceRow] = []
    for year in years:
        progress = (year - inputs.base_year) / max(NEUTRALITY_YEAR - inputs.base_year, 1)
        final: dict[tuple[str, str], float] = {}
        for sector, useful in heat.by_year[year].items():
            _heat_final(final, sector, useful, _decentral_mix(shares, target, progress), shares["fernwaerme"],
                        efficiency, cop)
        # industry: process heat from natural gas, electrified by 2045
        final[("industrie", "erdgas")] = final.get(("industrie", "erdgas"), 0.0) + process_heat * (1 - progress) \
            / efficiency["erdgas"]
        final[("industrie", "strom")] = final.get(("industrie", "strom"), 0.0) + process_heat * progress
        for sector in SECTORS:
            final[(sector, "strom")] = final.get((sector, "strom"), 0.0) + electricity[sector]
        for key, mwh in overrides.items():
            final[key] = mwh
        for (sector, carrier), mwh in sorted(final.items()):
            if mwh <= 0:
                continue
            factor = factors[year][carrier]
            source = tr("Vorgabe des Nutzers") if (sector, carrier) in overrides else _demand_source(
                carrier, heat.source)
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
    indicators = [_indicators(rows, year, statistics.population, district_renewable[year]) for year in years]
    return BalanceResult(rows, indicators, list(defaults.used.values()), defaults.method)


def _check_overrides(inputs: BalanceInput) -> None:
    for sector, carrier, mwh in inputs.consumption:
        if sector not in SECTORS or carrier not in CARRIERS:
            raise BalanceError(tr("Verbrauchstabelle: „{sector}/{carrier}“ unbekannt; Sektoren {sectors}, "
                                  "Energieträger {carriers}.").format(sector=sector, carrier=carrier,
                                                                      sectors=", ".join(SECTORS),
                                                                      carriers=", ".join(CARRIERS)))
        _possible(mwh, MAX_MWH, tr("Verbrauchstabelle, {sector}/{carrier}").format(sector=sector, carrier=carrier))
    for carrier, value, year in inputs.factors:
        if carrier not in CARRIERS:
            raise BalanceError(tr("Faktortabelle: Energieträger „{carrier}“ unbekannt.").format(carrier=carrier))
        _possible(value, MAX_FACTOR_G_KWH, tr("Faktortabelle, {carrier}").format(carrier=carrier))
        if year is not None:
            _possible(year, FACTOR_YEARS[1], tr("Faktortabelle, {carrier}, Jahr").format(carrier=carrier),
                      low=FACTOR_YEARS[0])
    for carrier, mwh in inputs.planned_mwh.items():
        if carrier not in GENERATION or not np.isfinite(mwh) or mwh < 0:
            raise BalanceError(tr("Geplante Erzeugung {carrier}: {value} ist nicht zulässig.").format(
                carrier=carrier, value=mwh))


def _base_heat_shares(statistics: MunicipalityStatistics, defaults: Defaults) -> dict[str, float]:
    """District heat from the share of dwellings connected (Zensus), the rest split like the Land's heating
    stock."""
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
    """g CO₂e per kWh per carrier and year (GEG Anlage 9; the grid factor falling linearly to its 2045 value;
    district heat at the generic network factor in the base year, then mixed by the WPG's renewable shares),
    imported factors replacing them for one year or all; and the renewable share of district heat per year."""
    factor = {carrier: defaults.value("emission_factors_g_kwh", carrier, topic=tr("Emissionsfaktor {carrier}").format(
        carrier=carrier_label(carrier)), unit="g CO₂e/kWh") for carrier in CARRIERS if carrier != "fernwaerme"}
    network = defaults.value("emission_factors_g_kwh", "fernwaerme",
                             topic=tr("Emissionsfaktor Fernwärme (Netz ohne Angabe der Erzeugung)"), unit="g CO₂e/kWh")
    renewable = defaults.value("emission_factors_g_kwh", "fernwaerme_erneuerbar",
                               topic=tr("Emissionsfaktor Fernwärme erneuerbar"), unit="g CO₂e/kWh")
    grid_2045 = defaults.value("electricity_factor_2045_g_kwh", topic=tr("Emissionsfaktor Strom 2045"),
                               unit="g CO₂e/kWh")
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
        progress = (year - inputs.base_year) / max(NEUTRALITY_YEAR - inputs.base_year, 1)
        district[year] = float(np.interp(year, [y for y, _ in known], [s for _, s in known]))
        factors[year] = dict(factor, strom=(1 - progress) * factor["strom"] + progress * grid_2045,
                             fernwaerme=(1 - district[year]) * fossil + district[year] * renewable)
    # imported factors: those for all years first, then those for one year
    for carrier, value, year in sorted(inputs.factors, key=lambda item: item[2] is not None):
        for target in (years if year is None else [year]):
            if target in factors:
                factors[target][carrier] = value
    return factors, district


def _indicators(rows: list[BalanceRow], year: int, population: float, district_renewable: float) -> dict:
    demand = [row for row in rows if row.year == year and row.kind == "demand"]
    generation = sum(row.mwh for row in rows if row.year == year and row.kind == "generation")
    total = sum(row.mwh for row in demand)
    electricity = sum(row.mwh for row in demand if row.carrier == "strom")
    heat = total - electricity
    local_heat = sum(row.mwh for row in demand if row.carrier in RENEWABLE_HEAT)
    district = sum(row.mwh for row in demand if row.carrier == "fernwaerme")
    renewable = min(generation, electricity) + local_heat + district * district_renewable
    co2 = sum(row.co2_t for row in demand)

    def percent(part, whole):
        return 100.0 * part / whole if whole > 0 else 0.0

    return {"year": year, "population": population, "demand_mwh": total, "electricity_mwh": electricity,
            "heat_mwh": heat, "generation_mwh": generation,
            "self_sufficiency_electricity_pct": percent(generation, electricity),
            "self_sufficiency_heat_pct": percent(local_heat, heat), "renewable_share_pct": percent(renewable, total),
            "co2_t": co2, "co2_t_per_capita": co2 / population, "gap_to_neutrality_t": co2}


def _demand_source(carrier: str, heat_source: str) -> str:
    if carrier == "strom":
        return tr("Stromvorgaben je Einwohner; Wärmepumpen aus dem Wärmebedarf")
    return heat_source


def sector_label(sector: str) -> str:
    return {"haushalte": tr("Private Haushalte"), "gewerbe": tr("Gewerbe, Handel, Dienstleistungen"),
            "industrie": tr("Industrie"), "kommune": tr("Kommunale Einrichtungen"),
            "bestand": tr("Bestehende Anlagen"), "planung": tr("Geplante Anlagen")}.get(sector, sector)


def carrier_label(carrier: str) -> str:
    return {"strom": tr("Strom"), "erdgas": tr("Erdgas"), "heizoel": tr("Heizöl"), "fluessiggas": tr("Flüssiggas"),
            "fernwaerme": tr("Fernwärme"), "biomasse": tr("Biomasse"), "umweltwaerme": tr("Umweltwärme"),
            "solarthermie": tr("Solarthermie"), "pv": tr("Photovoltaik"), "wind": tr("Windenergie"),
            "wasser": tr("Wasserkraft")}.get(carrier, carrier)
