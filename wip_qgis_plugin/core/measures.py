"""Maßnahmenkatalog: the measures a municipality takes, derived from its results, and what each does to the balance.

A measure is data (``Measure``): its field, the result it stems from, its size and its full effect in MWh/a, how it
changes the final energy of the balance per MWh of effect (``changes``, (sector, carrier) → MWh), its cost, who
carries it out and when. The effect grows linearly from the start year to the end year.

``wedges`` puts the measures on the balance's paths (the PATHS table of wip:energybalance): the base year's
emissions split per scenario year into what the framework removes (the national electricity mix and the WPG's
district heat, population, industry), what each measure removes, and what remains, against the target path to
neutrality. Generation measures change nothing in a territorial balance after BISKO (electricity counts at the
national mix); what they avoid is shown beside it, at the national mix of the year.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .balance import (
    BASE_LEVER,
    DEFAULTS_FILE,
    FOSSIL_DECENTRAL,
    Defaults,
    carrier_label,
    lever_label,
    sector_label,
)
from .i18n import current_translator, format_number, localised, tr
from .json_reader import STATUSES as FIGURE_STATUSES
from .json_reader import JsonReader, read_json
from .sharing import ORIGIN_KEY, Origin, origin_block, read_origin

TYPES_FILE = Path(__file__).resolve().parent.parent / "resources" / "measures" / "measure_types.json"
FIELDS = ("wind", "pv", "pv_dach", "waermenetz", "sanierung", "waermepumpe", "mobilitaet", "kommunale_gebaeude",
          "speicher")
ACTORS = ("kommune", "stadtwerke", "landkreis", "buergerenergie", "investor")
STATUSES = ("vorgeschlagen", "beschlossen", "in_umsetzung", "umgesetzt", "zurueckgestellt")
PRIORITIES = ("hoch", "mittel", "niedrig")
GENERATION, DEMAND, NO_EFFECT = "generation", "demand", "none"
# the balance's paths that are no municipal measure: they stay framework wedges
FRAMEWORK_LEVERS = ("bevoelkerung", "industrie")
FACTORS_WEDGE = "faktoren"  # the national electricity mix and district heat after the WPG, on the base consumption
# the paths of the balance that become measures: lever → the measure's field of action
PATH_MEASURES = {"sanierung": "sanierung", "waermewende": "waermepumpe", "verkehr": "mobilitaet"}
HEAT_SECTORS = ("haushalte", "gewerbe", "kommune")
# measures may drive a carrier of the balance to zero, not below: what overlaps further is cut back and reported;
# less than 1 MWh/a is the rounding of paths that add up to exactly what the balance has
OVERLAP_TOLERANCE_MWH = 1.0


class MeasuresError(ValueError):
    """A catalogue, a measure or the balance's paths that cannot be used."""


@dataclass(frozen=True)
class Cost:
    value: float
    unit: str
    source: str
    status: str


@dataclass(frozen=True)
class MeasureType:
    label: str
    size_unit: str
    effect: str  # GENERATION, DEMAND or NO_EFFECT
    actor: str
    years: int
    lifetime_years: int
    changes: dict
    investment: Cost | None
    annual: Cost | None
    first_steps: tuple[str, ...]


@dataclass(frozen=True)
class MeasureTypes:
    types: dict
    cost_note: str
    neutrality_year: int


def _cost(reader: JsonReader, key: str) -> Cost | None:
    if key not in reader.data:
        return None
    entry = reader.child(key)
    return Cost(entry.bounded("value", 0.0), entry.text("unit"), entry.text("source"),
                entry.choice("status", FIGURE_STATUSES))


def _changes(rows, where: str) -> dict:
    changes = {}
    for row in rows:
        if not (isinstance(row, list) and len(row) == 3 and all(isinstance(item, str) for item in row[:2])
                and isinstance(row[2], (int, float)) and math.isfinite(row[2])):
            raise MeasuresError(tr("{where}: jede Änderung ist [Sektor, Energieträger, MWh je MWh Wirkung].").format(
                where=where))
        changes[(row[0], row[1])] = float(row[2])
    return changes


@cache
def _types(path: Path, _language: str) -> MeasureTypes:
    data = JsonReader(read_json(path, MeasuresError), path.name, MeasuresError)
    data.expect_format("wip-measure-types", 1)
    types = {}
    for key in FIELDS:
        entry = data.child("types").child(key)
        types[key] = MeasureType(
            localised(entry.bilingual("label")), entry.text("size_unit"),
            entry.choice("effect", (GENERATION, DEMAND, NO_EFFECT)), entry.choice("actor", ACTORS),
            int(entry.bounded("years", 1, 50)), int(entry.bounded("lifetime_years", 1, 100)),
            _changes(entry.data.get("changes", []), f"{path.name}: {key}"), _cost(entry, "investment_eur_per_unit"),
            _cost(entry, "annual_eur_per_unit"), tuple(localised(entry.get("first_steps", dict)) or ()))
    target = data.child("target_path").child("neutrality_year")
    return MeasureTypes(types, localised(data.bilingual("cost_note")), int(target.bounded("value", 2030, 2100)))


def measure_types(path: Path = TYPES_FILE) -> MeasureTypes:
    return _types(Path(path), current_translator()[1])


def field_label(key: str) -> str:
    entry = measure_types().types.get(key)
    return entry.label if entry else key


def actor_label(actor: str) -> str:
    return {"kommune": tr("Gemeinde"), "stadtwerke": tr("Stadtwerke, Versorger"), "landkreis": tr("Landkreis"),
            "buergerenergie": tr("Bürgerinnen, Bürger und Bürgerenergie"),
            "investor": tr("Vorhabenträger")}.get(actor, actor)


def status_label(status: str) -> str:
    return {"vorgeschlagen": tr("vorgeschlagen"), "beschlossen": tr("beschlossen"), "in_umsetzung": tr("in Umsetzung"),
            "umgesetzt": tr("umgesetzt"), "zurueckgestellt": tr("zurückgestellt")}.get(status, status)


def priority_label(priority: str) -> str:
    return {"hoch": tr("hoch"), "mittel": tr("mittel"), "niedrig": tr("niedrig")}.get(priority, priority)


@dataclass
class Measure:
    measure_id: str
    title: str
    field: str
    origin: str  # the result the measure stems from, or the planner
    size: float  # in the type's size unit
    effect_mwh_a: float  # at full effect: generation, or final energy saved or replaced
    changes: dict = field(default_factory=dict)  # (sector, carrier) → MWh of final energy per MWh of effect
    investment_eur: float | None = None
    annual_eur: float | None = None
    cost_source: str = ""
    actor: str = "kommune"
    start_year: int = 2026
    end_year: int = 2030
    status: str = "vorgeschlagen"
    priority: str = "mittel"
    first_steps: str = ""
    geometry: object = None  # where, in the result's CRS; None for measures of the whole municipality

    def share(self, year: int) -> float:
        """The part of the full effect reached in ``year``: linear from the start to the end year."""
        if self.status == "zurueckgestellt":
            return 0.0
        return min(max((year - self.start_year + 1) / (self.end_year - self.start_year + 1), 0.0), 1.0)

    @property
    def kind(self) -> str:
        return measure_types().types[self.field].effect

    def check(self) -> None:
        """Raise MeasuresError naming the measure when a value is impossible (its field is known: it has a type)."""
        where = f"{self.measure_id} {self.title}".strip()
        for name, value, allowed in (("actor", self.actor, ACTORS), ("status", self.status, STATUSES),
                                     ("priority", self.priority, PRIORITIES)):
            if value not in allowed:
                raise MeasuresError(tr("{where}: {name} „{value}“ unbekannt; erlaubt: {allowed}.").format(
                    where=where, name=name, value=value, allowed=", ".join(allowed)))
        if not 2000 <= self.start_year <= self.end_year <= 2100:
            raise MeasuresError(tr("{where}: Beginn {start} und Ende {end} passen nicht (2000–2100, Beginn ≤ "
                                   "Ende).").format(where=where, start=self.start_year, end=self.end_year))
        for name, value in (("size", self.size), ("effect_mwh_a", self.effect_mwh_a),
                            ("investment_eur", self.investment_eur), ("annual_eur", self.annual_eur)):
            if value is not None and not (math.isfinite(value) and value >= 0):
                raise MeasuresError(tr("{where}: {name} = {value} ist keine Zahl ≥ 0.").format(
                    where=where, name=name, value=value))


def new_measure(measure_id: str, field_key: str, title: str, origin: str, size: float, effect_mwh_a: float,
                start_year: int, changes: dict | None = None, geometry=None, end_year: int | None = None) -> Measure:
    """A measure with its type's defaults: cost from the size, actor, duration and first steps."""
    kind = measure_types().types[field_key]
    investment = kind.investment.value * size if kind.investment else None
    annual = kind.annual.value * size if kind.annual else None
    sources = [f"{format_number(cost.value)} {cost.unit}: {cost.source}"
               for cost in (kind.investment, kind.annual) if cost]
    return Measure(measure_id, title, field_key, origin, size, effect_mwh_a,
                   dict(kind.changes if changes is None else changes), investment, annual,
                   tr("Schätzung") + (": " + "; ".join(sources) if sources else ""), kind.actor, start_year,
                   end_year if end_year is not None else start_year + kind.years - 1,
                   first_steps="; ".join(kind.first_steps), geometry=geometry)


# -- the catalogue as a table -----------------------------------------------------------------------------------

# the catalogue's fields (name, kind: the field types of qgis_io.compat) in their order: what the planner edits in the
# layer's attribute table
CATALOGUE_FIELDS = (("measure_id", "string"), ("title", "string"), ("field", "string"), ("field_label", "string"),
                    ("origin", "string"), ("size", "double"), ("size_unit", "string"), ("effect_mwh_a", "double"),
                    ("changes", "string"), ("investment_eur", "double"), ("annual_eur", "double"),
                    ("cost_source", "string"), ("actor", "string"), ("start_year", "int"), ("end_year", "int"),
                    ("status", "string"), ("priority", "string"), ("first_steps", "string"))
REQUIRED_FIELDS = ("measure_id", "title", "field", "effect_mwh_a", "start_year", "end_year")
HIDDEN_FIELDS = ("field", "changes")  # machine keys: the table shows the field's label, the changes stay in the data


def catalogue_labels() -> dict[str, str]:
    """The catalogue's fields as a planner reads them in the table."""
    return {"measure_id": tr("Nr."), "title": tr("Maßnahme"), "field_label": tr("Handlungsfeld"),
            "origin": tr("Herkunft"), "size": tr("Größe"), "size_unit": tr("Einheit"),
            "effect_mwh_a": tr("Wirkung MWh/a"), "investment_eur": tr("Investition €"),
            "annual_eur": tr("Jährliche Kosten €"), "cost_source": tr("Kostenquelle"), "actor": tr("Akteur"),
            "start_year": tr("Beginn"), "end_year": tr("Ende"), "status": tr("Status"), "priority": tr("Priorität"),
            "first_steps": tr("Erste Schritte")}


def changes_text(changes: dict) -> str:
    """The changes as the catalogue holds them: ``sector/carrier=MWh per MWh of effect``, separated by ``;``."""
    return "; ".join(f"{sector}/{carrier}={value:.4g}" for (sector, carrier), value in sorted(changes.items()))


def parse_changes(text: str, where: str) -> dict:
    changes = {}
    for part in filter(None, (item.strip() for item in (text or "").split(";"))):
        key, _, value = part.partition("=")
        sector, _, carrier = key.strip().partition("/")
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not sector or not carrier or not math.isfinite(number):
            raise MeasuresError(tr("{where}: Änderung „{part}“ nicht lesbar; erwartet Sektor/Energieträger=Zahl, "
                                   "z. B. haushalte/erdgas=-1.").format(where=where, part=part))
        changes[(sector, carrier)] = number
    return changes


def measure_row(measure: Measure) -> dict:
    """The measure as a row of the catalogue (without its geometry)."""
    kind = measure_types().types[measure.field]
    return {"measure_id": measure.measure_id, "title": measure.title, "field": measure.field,
            "field_label": kind.label, "origin": measure.origin, "size": measure.size, "size_unit": kind.size_unit,
            "effect_mwh_a": measure.effect_mwh_a, "changes": changes_text(measure.changes),
            "investment_eur": measure.investment_eur, "annual_eur": measure.annual_eur,
            "cost_source": measure.cost_source, "actor": measure.actor, "start_year": measure.start_year,
            "end_year": measure.end_year, "status": measure.status, "priority": measure.priority,
            "first_steps": measure.first_steps}


def _whole(value, name: str, where: str) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or not number.is_integer():
        raise MeasuresError(tr("{where}: {name} = {value} ist keine ganze Zahl.").format(where=where, name=name,
                                                                                     value=value))
    return int(number)


def _optional_number(value, name: str, where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise MeasuresError(tr("{where}: {name} = {value} ist keine Zahl.").format(where=where, name=name,
                                                                                value=value)) from error


def measure_from_row(row: dict) -> Measure:
    """A measure from a row of the catalogue as the planner left it, checked; errors name the measure."""
    where = tr("Maßnahme {id}").format(id=row.get("measure_id") or "?")
    missing = [name for name in REQUIRED_FIELDS if row.get(name) is None or row.get(name) == ""]
    if missing:
        raise MeasuresError(tr("{where}: es fehlen {fields}.").format(where=where, fields=", ".join(missing)))
    field_key = str(row["field"])
    if field_key not in FIELDS:
        raise MeasuresError(tr("{where}: Handlungsfeld „{value}“ unbekannt; erlaubt: {allowed}.").format(
            where=where, value=field_key, allowed=", ".join(FIELDS)))
    kind = measure_types().types[field_key]
    changes = parse_changes(str(row.get("changes") or ""), where) or dict(kind.changes)
    measure = Measure(
        str(row["measure_id"]), str(row["title"]), field_key, str(row.get("origin") or tr("Planerin oder Planer")),
        _optional_number(row.get("size"), "size", where) or 0.0,
        _optional_number(row["effect_mwh_a"], "effect_mwh_a", where), changes,
        _optional_number(row.get("investment_eur"), "investment_eur", where),
        _optional_number(row.get("annual_eur"), "annual_eur", where), str(row.get("cost_source") or ""),
        str(row.get("actor") or kind.actor), _whole(row["start_year"], "start_year", where),
        _whole(row["end_year"], "end_year", where), str(row.get("status") or "vorgeschlagen"),
        str(row.get("priority") or "mittel"), str(row.get("first_steps") or ""))
    measure.check()
    if measure.kind == DEMAND and not measure.changes:
        raise MeasuresError(tr("{where}: eine Maßnahme für den Verbrauch braucht ihre Änderungen der "
                               "Energiebilanz (changes).").format(where=where))
    return measure


def check_catalogue(measures: list[Measure]) -> None:
    seen = set()
    for measure in measures:
        if measure.measure_id in seen:
            raise MeasuresError(tr("Die Kennung {id} steht mehrmals im Maßnahmenkatalog.").format(
                id=measure.measure_id))
        seen.add(measure.measure_id)


# -- the balance's paths -----------------------------------------------------------------------------------------

@dataclass
class Paths:
    """The PATHS table of wip:energybalance: per year the base consumption at the year's factors and each lever's
    change; ``factors`` [year][carrier] in g CO₂e/kWh."""

    years: list[int]
    base: dict  # (sector, carrier) → MWh/a of the base year
    levers: dict  # year → lever → {(sector, carrier): MWh}
    factors: dict

    @property
    def base_year(self) -> int:
        return self.years[0]

    def factor(self, year: int, carrier: str) -> float:
        try:
            return self.factors[year][carrier]
        except KeyError as missing:
            raise MeasuresError(tr("Für {carrier} im Jahr {year} steht kein Emissionsfaktor in den Pfaden der "
                                   "Energiebilanz.").format(carrier=carrier, year=year)) from missing


PATH_FIELDS = ("year", "lever", "sector", "carrier", "mwh", "factor_g_kwh")


def read_paths(rows: list[dict]) -> Paths:
    """The balance's paths from the rows of its PATHS table."""
    if not rows:
        raise MeasuresError(tr("Die Pfade der Energiebilanz sind leer: „Energie- und Treibhausgasbilanz“ mit der "
                               "Ausgabe „Pfade je Hebel“ rechnen."))
    years = sorted({int(row["year"]) for row in rows})
    base, levers, factors = {}, {year: {} for year in years}, {year: {} for year in years}
    for row in rows:
        year, key, mwh = int(row["year"]), (str(row["sector"]), str(row["carrier"])), float(row["mwh"])
        factors[year][key[1]] = float(row["factor_g_kwh"])
        if row["lever"] == BASE_LEVER:
            if year == years[0] and key[0]:
                base[key] = base.get(key, 0.0) + mwh
        else:
            changes = levers[year].setdefault(str(row["lever"]), {})
            changes[key] = changes.get(key, 0.0) + mwh
    return Paths(years, base, levers, factors)


def _fossil_heat(paths: Paths) -> dict:
    """The base year's decentral fossil heat of the heat sectors, MWh by carrier."""
    return {carrier: sum(paths.base.get((sector, carrier), 0.0) for sector in HEAT_SECTORS)
            for carrier in FOSSIL_DECENTRAL}


@cache
def _efficiencies() -> dict:
    """The balance's efficiencies of the fossil boilers and of district heat."""
    defaults = Defaults(DEFAULTS_FILE)
    return {carrier: defaults.value("efficiency", carrier, topic="", unit="")
            for carrier in FOSSIL_DECENTRAL + ("fernwaerme",)}


def path_measures(paths: Paths, network_mwh: float = 0.0) -> list[Measure]:
    """The balance's own paths (renovation, heat pumps and renewable single heating, transport) as measures: the
    change of the last scenario year at full effect, reached linearly from the year after the base year.

    ``network_mwh`` is the fossil fuel that heat-network measures replace: the heat pumps' path, which replaces
    every fossil boiler by 2045, is reduced by it so that no boiler is replaced twice."""
    last = paths.years[-1]
    fossil_base = sum(_fossil_heat(paths).values())
    measures = []
    for lever, field_key in PATH_MEASURES.items():
        changes = paths.levers[last].get(lever, {})
        if lever == "waermewende" and fossil_base > 0 and network_mwh > 0:
            scale = max(1.0 - network_mwh / fossil_base, 0.0)
            changes = {key: mwh * scale for key, mwh in changes.items()}
        saved = -sum(mwh for (sector, carrier), mwh in changes.items()
                     if mwh < 0 and (lever != "waermewende" or carrier in FOSSIL_DECENTRAL))
        if saved <= 0:
            continue
        title = lever_label(lever)
        measure = new_measure("", field_key, title, tr("Pfad der Energiebilanz: {path}").format(path=title), saved,
                              saved, paths.base_year + 1, {key: mwh / saved for key, mwh in changes.items()},
                              end_year=max(last, paths.base_year + 1))
        measures.append(measure)
    return measures


def heat_network_measure(measure_id: str, title: str, origin: str, useful_mwh: float, length_m: float, paths: Paths,
                         start_year: int, geometry=None) -> Measure:
    """A heat network for an area of ``useful_mwh`` heat demand: the area's fossil boilers (at the base year's
    decentral fossil mix and the balance's efficiencies) give way to district heat."""
    efficiency = _efficiencies()
    fossil = _fossil_heat(paths)
    total = sum(fossil.values())
    mix = {carrier: mwh / total for carrier, mwh in fossil.items()} if total > 0 else {"erdgas": 1.0}
    changes = {("haushalte", carrier): -useful_mwh * share / efficiency[carrier] for carrier, share in mix.items()}
    replaced = -sum(changes.values())
    changes[("haushalte", "fernwaerme")] = useful_mwh / efficiency["fernwaerme"]
    return new_measure(measure_id, "waermenetz", title, origin, length_m, replaced, start_year,
                       {key: mwh / replaced for key, mwh in changes.items()} if replaced > 0 else {}, geometry)


def free_id(taken: set) -> str:
    """The first of ``M01``, ``M02`` … not in ``taken``."""
    number = 1
    while f"M{number:02d}" in taken:
        number += 1
    return f"M{number:02d}"


def number_measures(measures: list[Measure]) -> list[Measure]:
    """Give measures without an id the next free ``M01``, ``M02`` …, in their order."""
    taken = {measure.measure_id for measure in measures if measure.measure_id}
    numbered = []
    for measure in measures:
        if not measure.measure_id:
            measure = replace(measure, measure_id=free_id(taken))
            taken.add(measure.measure_id)
        numbered.append(measure)
    return numbered


# -- the wedges --------------------------------------------------------------------------------------------------

@dataclass
class Wedges:
    """Per scenario year (t CO₂e/a): the base year's emissions split into framework wedges, one wedge per demand
    measure and what remains; the target path; and what the generation measures avoid beside the balance."""

    years: list[int]
    base_t: float
    framework: dict  # wedge key → {year: t}
    measures: dict  # measure id → {year: t}
    remaining: dict  # year → t
    target: dict  # year → t
    avoided: dict  # measure id → {year: t}, generation measures at the national mix of the year
    overlaps: list[str] = field(default_factory=list)  # where measures overlapped and were cut back

    def met(self, year: int) -> bool:
        return self.remaining[year] <= self.target[year] + 0.5

    def measure_t(self, measure_id: str, year: int) -> float:
        return self.measures.get(measure_id, {}).get(year, 0.0) + self.avoided.get(measure_id, {}).get(year, 0.0)


def _cut_overlaps(changes: dict, consumption: dict) -> set:
    """Scale down, in place, measures that together take more of a (sector, carrier) than the balance has: every
    measure cutting it shrinks by the same factor, all its changes with it (a heat network that replaces less gas
    also delivers less district heat). Repeated, as a shrunk measure delivers less to others. Returns the keys."""
    overlapping = set()
    for _ in range(len(changes) + 1):
        scales = {}
        for key in sorted({key for change in changes.values() for key in change}):
            gains = sum(change.get(key, 0.0) for change in changes.values() if change.get(key, 0.0) > 0)
            cuts = -sum(change.get(key, 0.0) for change in changes.values() if change.get(key, 0.0) < 0)
            available = max(consumption.get(key, 0.0) + gains, 0.0)
            if cuts > available + OVERLAP_TOLERANCE_MWH:
                overlapping.add(key)
                for measure_id, change in changes.items():
                    if change.get(key, 0.0) < 0:
                        scales[measure_id] = min(scales.get(measure_id, 1.0), available / cuts)
        if not scales:
            break
        for measure_id, scale in scales.items():
            changes[measure_id] = {key: mwh * scale for key, mwh in changes[measure_id].items()}
    return overlapping


def _planned(measures: list[Measure], base: dict, framework: dict, year: int) -> tuple[dict, dict, set]:
    """The consumption the plan leads to in ``year``: the base year's, the framework's changes (``framework``:
    (sector, carrier) → MWh) and every consumption measure at its share, overlaps cut back. Returns the consumption,
    each measure's changes as counted, and the (sector, carrier) where measures overlapped."""
    consumption = dict(base)
    for key, mwh in framework.items():
        consumption[key] = consumption.get(key, 0.0) + mwh
    changes = {measure.measure_id: {key: per_mwh * measure.effect_mwh_a * measure.share(year)
                                    for key, per_mwh in measure.changes.items()}
               for measure in measures if measure.kind == DEMAND}
    overlapping = _cut_overlaps(changes, consumption)
    for change in changes.values():
        for key, mwh in change.items():
            consumption[key] = consumption.get(key, 0.0) + mwh
    return consumption, changes, overlapping


def wedges(measures: list[Measure], paths: Paths) -> Wedges:
    neutrality_year = measure_types().neutrality_year
    base_year = paths.base_year
    base_t = sum(mwh * paths.factor(base_year, carrier) for (_, carrier), mwh in paths.base.items()) / 1000
    framework = {key: {} for key in (FACTORS_WEDGE,) + FRAMEWORK_LEVERS}
    wedge = {measure.measure_id: {} for measure in measures if measure.kind == DEMAND}
    avoided = {measure.measure_id: {} for measure in measures if measure.kind == GENERATION}
    remaining, target, overlaps = {}, {}, {}
    for year in paths.years:
        reference = sum(mwh * paths.factor(year, carrier) for (_, carrier), mwh in paths.base.items()) / 1000
        framework[FACTORS_WEDGE][year] = base_t - reference
        levers = {}
        for lever in FRAMEWORK_LEVERS:
            changes = paths.levers[year].get(lever, {})
            framework[lever][year] = -sum(mwh * paths.factor(year, carrier) for (_, carrier), mwh in
                                          changes.items()) / 1000
            for key, mwh in changes.items():
                levers[key] = levers.get(key, 0.0) + mwh
        consumption, changes, overlapping = _planned(measures, paths.base, levers, year)
        for key in overlapping:
            overlaps.setdefault(key, []).append(year)
        for measure_id, change in changes.items():
            wedge[measure_id][year] = -sum(mwh * paths.factor(year, carrier) for (_, carrier), mwh in
                                           change.items()) / 1000
        remaining[year] = sum(mwh * paths.factor(year, carrier) for (_, carrier), mwh in consumption.items()) / 1000
        progress = (year - base_year) / max(neutrality_year - base_year, 1)
        target[year] = base_t * max(1.0 - progress, 0.0)
        for measure in measures:
            if measure.kind == GENERATION:
                avoided[measure.measure_id][year] = measure.effect_mwh_a * measure.share(year) * paths.factor(
                    year, "strom") / 1000
    notes = [tr("{carrier} ({sector}): die Maßnahmen nehmen zusammen mehr, als die Bilanz hat ({years}); die "
                "beteiligten Maßnahmen sind anteilig gekürzt.").format(
        carrier=carrier_label(carrier), sector=sector_label(sector), years=", ".join(map(str, years)))
        for (sector, carrier), years in sorted(overlaps.items())]
    return Wedges(paths.years, base_t, framework, wedge, remaining, target, avoided, notes)


@dataclass(frozen=True)
class Ranked:
    measure: Measure
    t_a: float  # mean t CO₂e/a at full effect over the scenario years from the end year on
    eur_per_t: float | None  # (investment over the lifetime + annual cost) per tonne; None without cost or effect


def ranking(measures: list[Measure], result: Wedges) -> list[Ranked]:
    """The measures by cost per tonne avoided (cheapest first; those without a cost or an effect last), then by
    effect."""
    ranked = []
    for measure in measures:
        years = [year for year in result.years if year >= measure.end_year] or result.years[-1:]
        full = [result.measure_t(measure.measure_id, year) / max(measure.share(year), 1e-9)
                if measure.share(year) > 0 else 0.0 for year in years]
        t_a = sum(full) / len(full)
        lifetime = measure_types().types[measure.field].lifetime_years
        cost = None if measure.investment_eur is None and measure.annual_eur is None else \
            (measure.investment_eur or 0.0) / lifetime + (measure.annual_eur or 0.0)
        ranked.append(Ranked(measure, t_a, cost / t_a if cost is not None and t_a > 0 else None))
    return sorted(ranked, key=lambda item: (item.eur_per_t is None, item.eur_per_t or 0.0, -item.t_a))


# -- monitoring --------------------------------------------------------------------------------------------------

ON_TRACK, BEHIND, FAR_BEHIND, NOT_DUE = "im_plan", "verzoegert", "deutlich_verzoegert", "nicht_faellig"
ON_TRACK_SHARE, BEHIND_SHARE = 0.9, 0.5  # of the planned progress reached: on track, behind, far behind below
GENERATION_CARRIER = {"wind": "wind", "pv": "pv", "pv_dach": "pv"}  # the register counts rooftop PV as PV


def progress_label(state: str) -> str:
    return {ON_TRACK: tr("im Plan"), BEHIND: tr("verzögert"), FAR_BEHIND: tr("deutlich verzögert"),
            NOT_DUE: tr("noch nicht fällig")}.get(state, state)


@dataclass(frozen=True)
class MeasureProgress:
    measure_id: str
    planned_share: float  # of the full effect, by the plan in the monitoring year
    reached: float | None  # measured progress against the planned progress; None when not due
    state: str


@dataclass
class Monitoring:
    """A later year's balance (measured consumption, the register's plants) against the plan of the measures."""

    year: int
    planned_t: float
    measured_t: float
    carriers: list  # (sector, carrier, planned MWh, measured MWh), the base year's and the measured ones
    generation: list  # (carrier, planned MWh, measured MWh) of the plants in the register
    measures: list  # MeasureProgress, in the catalogue's order


def _interpolated_levers(paths: Paths, year: int) -> dict:
    """The framework levers' changes in ``year``, linear between the scenario years around it."""
    before = max((y for y in paths.years if y <= year), default=paths.years[0])
    after = min((y for y in paths.years if y >= year), default=paths.years[-1])
    weight = 0.0 if after == before else (year - before) / (after - before)
    changes = {}
    for lever in FRAMEWORK_LEVERS:
        for end, share in ((before, 1 - weight), (after, weight)):
            for key, mwh in paths.levers[end].get(lever, {}).items():
                changes[key] = changes.get(key, 0.0) + mwh * share
    return changes


def monitoring(measures: list[Measure], paths: Paths, plan_rows: list[dict], measured_rows: list[dict]) -> Monitoring:
    """Compare the balance of a later year (``measured_rows``: the BALANCE table of wip:energybalance run for that
    year with its statistics, measured consumption and the register) with the plan: the consumption the measures and
    the framework lead to in that year, and the generation the measures add to the plan's base year
    (``plan_rows``: the plan's BALANCE table). A measure's progress is the measured change of the carriers it cuts
    (or generates) against the change planned for them in that year, shared by every measure on those carriers."""
    years = {int(row["year"]) for row in measured_rows}
    if not years:
        raise MeasuresError(tr("Die Bilanz für das Monitoring ist leer."))
    year = min(years)
    if not paths.base_year < year <= paths.years[-1]:
        raise MeasuresError(tr("Das Monitoring braucht ein Jahr nach dem Basisjahr {base} bis {last}; die Bilanz ist "
                               "für {year}.").format(base=paths.base_year, last=paths.years[-1], year=year))
    measured = [row for row in measured_rows if int(row["year"]) == year]
    measured_use = {}
    factors = {}
    for row in measured:
        if row["kind"] == "demand":
            key = (str(row["sector"]), str(row["carrier"]))
            measured_use[key] = measured_use.get(key, 0.0) + float(row["mwh"])
            factors[key[1]] = float(row["factor_g_kwh"])
    planned_use, changes, _overlapping = _planned(measures, paths.base, _interpolated_levers(paths, year), year)

    # the plan at the measured year's factors: the two differ only in consumption
    earlier = max(y for y in paths.years if y <= year)
    planned_t = sum(mwh * factors.get(carrier, paths.factor(earlier, carrier))
                    for (_, carrier), mwh in planned_use.items()) / 1000

    keys = sorted(set(paths.base) | set(measured_use))
    carriers = [(sector, carrier, planned_use.get((sector, carrier), 0.0), measured_use.get((sector, carrier), 0.0))
                for sector, carrier in keys if planned_use.get((sector, carrier), 0.0) > 0.5
                or measured_use.get((sector, carrier), 0.0) > 0.5]
    # generation: the register's plants of the later year against the plan's base year plus what the measures add
    base_generation, measured_generation = {}, {}
    for rows, into, when in ((plan_rows, base_generation, paths.base_year), (measured, measured_generation, year)):
        for row in rows:
            if int(row["year"]) == when and row["kind"] == "generation" and row["sector"] == "bestand":
                into[str(row["carrier"])] = into.get(str(row["carrier"]), 0.0) + float(row["mwh"])
    added = {}
    for measure in measures:
        if measure.kind == GENERATION:
            carrier = GENERATION_CARRIER[measure.field]
            added[carrier] = added.get(carrier, 0.0) + measure.effect_mwh_a * measure.share(year)
    generation = [(carrier, base_generation.get(carrier, 0.0) + added.get(carrier, 0.0),
                   measured_generation.get(carrier, 0.0)) for carrier in sorted(set(added) | set(measured_generation))]

    def reached(planned: float, achieved: float) -> float | None:
        return achieved / planned if planned > 1e-9 else None

    generation_reached = {carrier: reached(added.get(carrier, 0.0), measured - base_generation.get(carrier, 0.0))
                          for carrier, _, measured in generation}
    progress = []
    for measure in measures:
        share = measure.share(year)
        ratio = None
        if share > 0 and measure.kind == GENERATION:
            ratio = generation_reached.get(GENERATION_CARRIER[measure.field])
        elif share > 0 and measure.kind == DEMAND:
            cuts = {key: -mwh for key, mwh in changes[measure.measure_id].items() if mwh < 0}
            ratios = [(reached(paths.base.get(key, 0.0) - planned_use.get(key, 0.0),
                               paths.base.get(key, 0.0) - measured_use.get(key, 0.0)), cut)
                      for key, cut in cuts.items()]
            weighted = [(value, cut) for value, cut in ratios if value is not None]
            if weighted:
                ratio = sum(value * cut for value, cut in weighted) / sum(cut for _, cut in weighted)
        if share <= 0 or ratio is None:
            state = NOT_DUE
        else:
            state = ON_TRACK if ratio >= ON_TRACK_SHARE else BEHIND if ratio >= BEHIND_SHARE else FAR_BEHIND
        progress.append(MeasureProgress(measure.measure_id, share, ratio, state))
    measured_t = sum(float(row["co2_t"]) for row in measured if row["kind"] == "demand")
    return Monitoring(year, planned_t, measured_t, carriers, generation, progress)


# -- sharing between municipalities ------------------------------------------------------------------------------

SHARED_FORMAT = "wip-measures-catalogue"
ORIGIN_FIELDS = ("origin_municipality", "origin_ags", "origin_shared")  # the imported measures' provenance


@dataclass(frozen=True)
class SharedCatalogue:
    origin: Origin
    measures: list


def shared_document(measures: list[Measure], municipality: str, ags: str, shared: datetime.date) -> dict:
    """The catalogue as one file for other municipalities: every measure's row, where it comes from and when; the
    places stay home (another municipality has its own map)."""
    try:
        origin = origin_block(municipality, ags, shared)
    except ValueError as error:
        raise MeasuresError(str(error)) from error
    return {"format": SHARED_FORMAT, "format_version": 1, ORIGIN_KEY: origin,
            "measures": [measure_row(measure) for measure in measures]}


def read_shared(path: Path) -> SharedCatalogue:
    """A catalogue another municipality shared, checked measure by measure; errors name the file."""
    reader = JsonReader(read_json(Path(path), MeasuresError), Path(path).name, MeasuresError)
    reader.expect_format(SHARED_FORMAT, 1)
    origin = read_origin(reader)
    if origin is None:
        reader.fail(ORIGIN_KEY, tr("fehlt"))
    rows = reader.get("measures", list)
    measures = []
    for row in rows:
        if not isinstance(row, dict):
            reader.fail("measures", tr("jede Maßnahme ist ein Objekt"))
        try:
            measures.append(measure_from_row(row))
        except MeasuresError as error:
            raise MeasuresError(f"{Path(path).name}: {error}") from error
    check_catalogue(measures)
    return SharedCatalogue(origin, measures)


def peer_measures(own: list[Measure], shared_rows: list[dict]) -> list[dict]:
    """The measures other municipalities shared in the fields of action of our own catalogue (all of them when our
    catalogue is empty), by field and municipality: what similar municipalities of the Revier carry out."""
    fields = {measure.field for measure in own}
    chosen = [row for row in shared_rows if not fields or row.get("field") in fields]
    return sorted(chosen, key=lambda row: (FIELDS.index(row["field"]) if row.get("field") in FIELDS else len(FIELDS),
                                           str(row.get("origin_municipality") or ""), str(row.get("title") or "")))
