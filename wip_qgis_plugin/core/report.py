"""Zukunftsprofil: the report of one municipality for its council, as one HTML document.

QGIS-free: everything here works on plain Python data (lists of dicts read from the tables of wip:energybalance and
wip:zoningalternatives), chart data the QGIS side paints, and the names of images already rendered. ``build_html``
takes a mapping from image names to ``src`` values, so the same report becomes a self-contained HTML file (images as
data URIs) and, with resource names, the HTML that QTextDocument prints to PDF.

Every value that comes from data (names, labels, sources, notes, titles) is escaped with ``html.escape``; translated
texts are escaped too before their placeholders are filled with escaped values.
"""
from __future__ import annotations

import base64
import datetime
import html
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .balance import (
    CARRIERS,
    GENERATION_SOURCES,
    NEUTRALITY_YEAR,
    ROOFTOP,
    SECTORS,
    TRANSPORT_NONE,
    carrier_label,
    sector_label,
    transport_scope_label,
)
from .catalog import status_label
from .i18n import current_translator, format_date, format_number, tr
from .measures import DEMAND as CONSUMPTION_MEASURE
from .measures import GENERATION as GENERATION_MEASURE
from .measures import (
    Monitoring,
    Wedges,
    actor_label,
    field_label,
    measure_types,
    priority_label,
    progress_label,
    ranking,
)
from .measures import status_label as measure_status_label
from .peers import SOURCE as PEER_SOURCE
from .workflow import algorithm_titles
from .zoning import USES, use_label

BALANCE_FIELDS = ("year", "kind", "sector", "carrier", "mwh", "co2_t", "factor_g_kwh", "source")
INDICATOR_FIELDS = ("year", "population", "demand_mwh", "electricity_mwh", "heat_mwh", "generation_mwh",
                    "self_sufficiency_electricity_pct", "self_sufficiency_heat_pct", "renewable_share_pct", "co2_t",
                    "co2_t_per_capita", "gap_to_neutrality_t")
TRANSPORT_FIELDS = ("transport_mwh", "transport")  # from balances with a transport sector; older ones had none
ASSUMPTION_FIELDS = ("topic", "value", "unit", "legal_basis", "source", "status")
ALTERNATIVE_FIELDS = ("name", "gwh_total")  # of wip:zoningalternatives' INDICATORS; the other figures when present
ALLOCATION_FIELDS = ("alternative", "use")

DEMAND, GENERATION = "demand", "generation"
KINDS = (DEMAND, GENERATION)
PLANT_GROUPS = ("bestand", "planung", "dach")
MAP_KEYS = ("eligible", "robustness", "sites", "alternative", "heat")
OPTIONAL_MAPS = ("robustness",)  # shown when given, not named as missing
CHART_BALANCE = "chart_balance"
CHART_ALTERNATIVES = "chart_alternatives"
CHART_WEDGES = "chart_wedges"
REMAINING_COLOUR = "#8c8c8c"
FRAMEWORK_COLOUR = "#d9d9d9"
MEASURE_COLOURS = ("#1a9850", "#66bd63", "#a6d96a", "#fdae61", "#f46d43", "#74add1", "#4575b4", "#9e0142",
                   "#5e4fa2", "#e6f598")

SECTOR_COLOURS = {"haushalte": "#4e79a7", "gewerbe": "#f28e2b", "industrie": "#76716d", "kommune": "#59a14f",
                  "verkehr": "#e15759"}
CARRIER_COLOURS = {"pv": "#f0a30a", ROOFTOP: "#fdd38a", "wind": "#2b83ba", "biomasse": "#6b8e23", "wasser": "#17becf"}
USE_COLOURS = {"wind": "#2b83ba", "pv": "#f0a30a", "agri_pv": "#9acd32", "gewerbe": "#7b3294", "wohnen": "#d7191c"}
OTHER_COLOURS = ("#bab0ac", "#9c755f", "#b07aa1", "#ff9da7", "#edc948")


def attributions() -> list[str]:
    """The data attribution of README.md "Data and attribution"."""
    return ["© GeoBasis-DE / BKG (2016), dl-de/by-2-0",
            "UFZ, Eichhorn et al. 2019, Data 4(1):29, CC BY 4.0",
            "SciGRID DE, CC BY 4.0; © OpenStreetMap contributors, ODbL",
            tr("Destatis / Regionalstatistik und Marktstammdatenregister via GermanZero localzero-data, "
               "dl-de/by-2-0")]


class ReportError(ValueError):
    """Input the report cannot be made from; the message names the table, the field or the row."""


# -- labels and numbers --------------------------------------------------------------------------------------------

def _german() -> bool:
    return current_translator()[1] == "de"


def status_text(status) -> str:
    return "–" if status in (None, "") else status_label(str(status))


def plain_words(text) -> str:
    """``text`` with each algorithm id (``wip:heatdemand``) named as the tool a planner knows from the toolbox."""
    titles = algorithm_titles()

    def tool(match: re.Match) -> str:
        title = titles.get(match.group(1))
        return tr("Werkzeug „{title}“").format(title=title) if title else match.group(0)

    return re.sub(r"\bwip:(\w+)", tool, "" if text is None else str(text))


def indicator_rows(transport: str = TRANSPORT_NONE) -> list[tuple[str, str, str, int]]:
    """(field, label, unit, decimals) of the INDICATORS table in the order of the report; the totals of a balance
    without transport say so."""
    without = transport == TRANSPORT_NONE
    rows = [
        ("population", tr("Einwohnerinnen und Einwohner"), "", 0),
        ("demand_mwh", tr("Endenergieverbrauch ohne Verkehr") if without else tr("Endenergieverbrauch"), "MWh/a", 0),
        ("electricity_mwh", tr("davon Strom"), "MWh/a", 0),
        ("heat_mwh", tr("davon Wärme"), "MWh/a", 0),
        ("transport_mwh", tr("davon Kraftstoffe im Verkehr"), "MWh/a", 0),
        ("generation_mwh", tr("Erneuerbare Erzeugung vor Ort"), "MWh/a", 0),
        ("renewable_share_pct", tr("Anteil erneuerbarer Energien"), "%", 0),
        ("self_sufficiency_electricity_pct", tr("Bilanzielle Deckung Strom"), "%", 0),
        ("self_sufficiency_heat_pct", tr("Erneuerbare Wärme am Wärmebedarf"), "%", 0),
        ("co2_t", tr("Treibhausgasemissionen ohne Verkehr") if without else tr("Treibhausgasemissionen"),
         "t CO₂e/a", 0),
        ("co2_t_per_capita", tr("je Einwohnerin und Einwohner"), "t CO₂e/a", 1),
        ("gap_to_neutrality_t", tr("Abstand zur Treibhausgasneutralität"), "t CO₂e/a", 0),
    ]
    return [row for row in rows if not (without and row[0] == "transport_mwh")]


def alternative_rows() -> list[tuple[str, str, str, int]]:
    """(field, label, unit, decimals) of the alternatives compared; fields an input lacks are left out."""
    rows = [(f"ha_{use}", tr("Fläche {use}").format(use=use_label(use)), "ha", 1) for use in USES]
    return rows + [
        ("gwh_total", tr("Jahresenergie"), "GWh/a", 1),
        ("co2_t_a", tr("Vermiedene Emissionen"), "t CO₂/a", 0),
        ("wind_share_pct", tr("Windfläche (Anteil an der Gemeindefläche)"), "%", 2),
        ("prime_ha", tr("Hochwertige Böden in Anspruch genommen"), "ha", 1),
        ("mean_score", tr("Mittlere Eignung (0–100)"), "", 0),
        ("targets_missed", tr("Verfehlte Ziele"), "", 0),
        ("shortfalls", tr("Fehlmengen"), "", 0),
    ]


# -- reading the tables ------------------------------------------------------------------------------------------

def check_table(table: str, fields, rows: list[dict], required, numeric=(), integer=()) -> list[dict]:
    """The rows of a table with ``numeric`` fields as floats (NaN for empty) and ``integer`` fields as ints.

    Raises ReportError naming the missing fields, or the row and field of a value that is no number."""
    missing = [name for name in required if name not in fields]
    if len(missing) == 1:
        raise ReportError(tr("Der Tabelle {table} fehlt das Feld „{field}“.").format(table=table, field=missing[0]))
    if missing:
        raise ReportError(tr("Der Tabelle {table} fehlen die Felder {fields}.").format(
            table=table, fields=", ".join(f"„{name}“" for name in missing)))
    result = []
    for number, row in enumerate(rows, start=1):
        clean = dict(row)
        for name in (*numeric, *integer):
            if name not in clean:
                continue
            value = clean[name]
            if value is None or (isinstance(value, str) and not value.strip()):
                if name in integer:
                    raise ReportError(tr("Tabelle {table}, Zeile {row}: das Feld „{field}“ ist leer.").format(
                        table=table, row=number, field=name))
                clean[name] = math.nan
                continue
            try:
                clean[name] = int(float(value)) if name in integer else float(value)
            except (TypeError, ValueError) as error:
                raise ReportError(tr("Tabelle {table}, Zeile {row}, Feld „{field}“: „{value}“ ist keine Zahl.")
                                  .format(table=table, row=number, field=name, value=value)) from error
        result.append(clean)
    return result


def check_balance(fields, rows: list[dict]) -> list[dict]:
    rows = check_table("BALANCE", fields, rows, BALANCE_FIELDS, numeric=("mwh", "co2_t", "factor_g_kwh"),
                       integer=("year",))
    if not rows:
        raise ReportError(tr("Die Bilanztabelle (BALANCE) ist leer: bitte zuerst die Energiebilanz erstellen."))
    for number, row in enumerate(rows, start=1):
        if row["kind"] not in KINDS:
            raise ReportError(tr("Tabelle BALANCE, Zeile {row}: unbekannte Art „{kind}“; erlaubt sind {kinds}.")
                              .format(row=number, kind=row["kind"], kinds=", ".join(KINDS)))
    return rows


def check_indicators(fields, rows: list[dict]) -> list[dict]:
    """The rows by year; a table from a balance without a transport sector counts as one "ohne Verkehr"."""
    rows = check_table("INDICATORS", fields, rows, INDICATOR_FIELDS,
                       numeric=INDICATOR_FIELDS[1:] + TRANSPORT_FIELDS[:1], integer=("year",))
    if not rows:
        raise ReportError(tr("Die Kennzahlentabelle (INDICATORS) ist leer."))
    for row in rows:
        if not row.get("transport"):
            row["transport"] = TRANSPORT_NONE
    return sorted(rows, key=lambda row: row["year"])


def check_assumptions(fields, rows: list[dict]) -> list[dict]:
    return check_table("ASSUMPTIONS", fields, rows, ASSUMPTION_FIELDS)


def check_alternatives(fields, rows: list[dict]) -> list[dict]:
    """wip:zoningalternatives' INDICATORS: one row per alternative, numbered by the field alternative or in order."""
    numeric = [name for name, *_ in alternative_rows() if name != "shortfalls"]
    rows = check_table("ALTERNATIVE_INDICATORS", fields, rows, ALTERNATIVE_FIELDS, numeric=numeric,
                       integer=("alternative",) if "alternative" in fields else ())
    for number, row in enumerate(rows, start=1):
        row.setdefault("alternative", number)
    return rows


def alternatives_from_allocation(rows: list[dict]) -> list[dict]:
    """Alternatives summed from wip:zoningalternatives' ALLOCATION (ha and GWh/a per use) when no indicator table
    is given."""
    alternatives: dict[int, dict] = {}
    for row in rows:
        number = int(row["alternative"])
        entry = alternatives.setdefault(number, {"alternative": number, "name": row.get("alt_name") or
                                                 tr("Variante {number}").format(number=number), "gwh_total": 0.0})
        use = row.get("use")
        hectares, gwh = _number(row.get("ha")), _number(row.get("gwh_a"))
        if use in USES and not math.isnan(hectares):
            entry[f"ha_{use}"] = entry.get(f"ha_{use}", 0.0) + hectares
        if not math.isnan(gwh):
            entry["gwh_total"] += gwh
    for number in range(1, max(alternatives, default=0)):  # one that allocates nothing has no row (is_alternative)
        alternatives.setdefault(number, {"alternative": number, "name": tr("Variante {number}").format(number=number),
                                         "gwh_total": 0.0})
    for entry in alternatives.values():
        for use in USES:
            entry.setdefault(f"ha_{use}", 0.0)
    return [alternatives[number] for number in sorted(alternatives)]


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


# -- the report ----------------------------------------------------------------------------------------------------

@dataclass
class MapFigure:
    """A map rendered for the report: the image's name in the image mapping and its legend (colour, label)."""

    key: str
    image: str
    legend: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""


@dataclass
class Chart:
    """Stacked columns, grouped (e.g. by year); ``series`` are (key, label, colour) in stacking order, each column
    (group, label, {series key: value}, highlighted)."""

    unit: str
    series: list[tuple[str, str, str]]
    columns: list[tuple[str, str, dict, bool]]
    marks: dict = field(default_factory=dict)  # group → a value drawn as a line across the group (a target)
    mark_label: str = ""


@dataclass
class ProfileReport:
    municipality: str
    title: str
    date: datetime.date
    balance: list[dict]
    indicators: list[dict]
    assumptions: list[dict]
    alternatives: list[dict] = field(default_factory=list)
    chosen: int | None = None
    maps: dict[str, MapFigure] = field(default_factory=dict)
    municipality_ha: float | None = None
    notes: list[str] = field(default_factory=list)  # plain text for the end of the report, e.g. the maps' CRS
    demo_data: bool = False  # made from the plugin's demo municipality, whose planning layers are synthetic
    register: tuple = ()  # the plugin's defaults with their sources (core.sources.register), for the appendix
    measures: list = field(default_factory=list)  # core.measures.Measure, the planner's catalogue
    wedges: Wedges | None = None  # the measures on the balance's paths
    monitoring: Monitoring | None = None  # a later year's balance against the plan
    peers: list = field(default_factory=list)  # rows of measures other municipalities shared (core.measures)
    similar: tuple | None = None  # core.peers.peer_comparison: the municipality's figures and its peers'
    runs: list = field(default_factory=list)  # the register rows of the runs whose results the report shows

    def __post_init__(self):
        if self.alternatives and self.chosen is not None and self.chosen_alternative() is None:
            raise ReportError(tr("Die Planungsvariante {number} gibt es nicht; vorhanden: {numbers}.").format(
                number=self.chosen, numbers=", ".join(str(row["alternative"]) for row in self.alternatives)))

    def chosen_alternative(self) -> dict | None:
        return next((row for row in self.alternatives if row["alternative"] == self.chosen), None)

    @property
    def base_year(self) -> int:
        return min(row["year"] for row in self.balance)

    @property
    def transport(self) -> str:
        """What the totals include: TRANSPORT_ESTIMATE, TRANSPORT_OWN or TRANSPORT_NONE."""
        return self.indicators[0].get("transport") or TRANSPORT_NONE

    def wind_share_pct(self) -> float | None:
        chosen = self.chosen_alternative()
        if chosen is None:
            return None
        if _present(chosen.get("wind_share_pct")):
            return float(chosen["wind_share_pct"])
        if _present(chosen.get("ha_wind")) and self.municipality_ha:
            return 100.0 * float(chosen["ha_wind"]) / self.municipality_ha
        return None


def _colour(colours: dict, key: str, position: int) -> str:
    return colours.get(key) or OTHER_COLOURS[position % len(OTHER_COLOURS)]


def _ordered(values, order) -> list:
    return [value for value in order if value in values] + sorted((value for value in values if value not in order),
                                                                  key=str)


def balance_chart(balance: list[dict]) -> Chart:
    """Per year a column of the demand by sector next to a column of the local generation by carrier, in GWh/a."""
    years = sorted({row["year"] for row in balance})
    sectors = _ordered({row["sector"] for row in balance if row["kind"] == DEMAND}, SECTORS)
    carriers = _ordered({row["carrier"] for row in balance if row["kind"] == GENERATION}, GENERATION_SOURCES)
    series = [(f"{DEMAND}:{s}", sector_label(s), _colour(SECTOR_COLOURS, s, n)) for n, s in enumerate(sectors)]
    series += [(f"{GENERATION}:{c}", carrier_label(c), _colour(CARRIER_COLOURS, c, n)) for n, c in
               enumerate(carriers)]
    columns = []
    for year in years:
        for kind, label, key in ((DEMAND, tr("Verbrauch"), "sector"), (GENERATION, tr("Erzeugung"), "carrier")):
            values: dict[str, float] = {}
            for row in balance:
                if row["year"] == year and row["kind"] == kind and _present(row["mwh"]):
                    name = f"{kind}:{row[key]}"
                    values[name] = values.get(name, 0.0) + row["mwh"] / 1000
            columns.append((str(year), label, values, False))
    return Chart("GWh/a", series, columns)


def alternatives_chart(alternatives: list[dict], chosen: int | None) -> Chart:
    """Per alternative a column of its area by use (ha); the chosen one highlighted."""
    uses = [use for use in USES if any(_present(row.get(f"ha_{use}")) and row[f"ha_{use}"] > 0
                                       for row in alternatives)]
    series = [(use, use_label(use), USE_COLOURS[use]) for use in uses]
    columns = [(str(row["alternative"]), str(row.get("name") or ""),
                {use: float(row[f"ha_{use}"]) for use in uses if _present(row.get(f"ha_{use}"))},
                row["alternative"] == chosen) for row in alternatives]
    return Chart("ha", series, columns)


def wedge_chart(report: ProfileReport) -> Chart:
    """Per scenario year a column of the base year's emissions: what remains at the bottom, above it what each
    measure for consumption removes, then what the framework removes; the target path as a mark (t CO₂e/a)."""
    result = report.wedges
    demand = [measure for measure in report.measures if measure.kind == CONSUMPTION_MEASURE]
    series = [("remaining", tr("Verbleibende Emissionen"), REMAINING_COLOUR)]
    series += [(measure.measure_id, f"{measure.measure_id} {measure.title}", MEASURE_COLOURS[n % len(MEASURE_COLOURS)])
               for n, measure in enumerate(demand)]
    # the framework as one wedge: population and industry may add emissions in a year, which a stack cannot show
    series.append(("framework", tr("Rahmen: Bundesstrommix, Fernwärme nach WPG, Bevölkerung, Industrie"),
                   FRAMEWORK_COLOUR))
    columns = []
    for year in result.years:
        values = {"remaining": result.remaining[year]}
        values.update({measure.measure_id: result.measures[measure.measure_id][year] for measure in demand})
        values["framework"] = sum(wedge[year] for wedge in result.framework.values())
        columns.append((str(year), "", values, False))
    return Chart("t CO₂e/a", series, columns, {str(year): value for year, value in result.target.items()},
                 tr("Zielpfad zur Treibhausgasneutralität"))


def summary(report: ProfileReport) -> list[str]:
    """The findings in plain words, for the title page (plain text: escape before use)."""
    first, last = report.indicators[0], report.indicators[-1]
    base, year = first["year"], last["year"]
    sentences = []
    if _present(first["co2_t"]) and _present(first["co2_t_per_capita"]):
        sentences.append(tr("Im Jahr {year} verursachte {name} {co2} t Treibhausgase (CO₂-Äquivalente, {scope}), "
                            "{per_capita} t je Einwohnerin und Einwohner.").format(
            year=base, name=report.municipality, co2=format_number(first["co2_t"]),
            scope=transport_scope_label(report.transport), per_capita=format_number(first["co2_t_per_capita"], 1)))
    elif _present(first["co2_t"]):
        sentences.append(tr("Im Jahr {year} verursachte {name} {co2} t Treibhausgase (CO₂-Äquivalente, "
                            "{scope}).").format(year=base, name=report.municipality,
                                                co2=format_number(first["co2_t"]),
                                                scope=transport_scope_label(report.transport)))
    if year != base and _present(last["co2_t"]):
        if _present(first["co2_t"]) and first["co2_t"] > 0:
            change = 100.0 * (last["co2_t"] - first["co2_t"]) / first["co2_t"]
            sentences.append(tr("Nach diesem Profil sind es im Jahr {year} noch {co2} t ({change} % gegenüber "
                                "{base}).").format(year=year, co2=format_number(last["co2_t"]), base=base,
                                                   change=("+" if change > 0 else "") + format_number(change)))
        else:
            sentences.append(tr("Nach diesem Profil sind es im Jahr {year} noch {co2} t.").format(
                year=year, co2=format_number(last["co2_t"])))
    if _present(last["gap_to_neutrality_t"]):
        if last["gap_to_neutrality_t"] > 0.5:
            sentences.append(tr("Bis zur Treibhausgasneutralität fehlen im Jahr {year} noch {gap} t CO₂e.").format(
                year=year, gap=format_number(last["gap_to_neutrality_t"])))
        else:
            sentences.append(tr("Im Jahr {year} erreicht die Gemeinde nach diesem Profil die "
                                "Treibhausgasneutralität.").format(year=year))
    if _present(last["renewable_share_pct"]):
        if year != base and _present(first["renewable_share_pct"]):
            sentences.append(tr("Erneuerbare Energien decken {base_share} % des Endenergieverbrauchs im Jahr {base} "
                                "und {share} % im Jahr {year} (Strom mit dem Anteil im Bundesstrommix).").format(
                base_share=format_number(first["renewable_share_pct"]), base=base,
                share=format_number(last["renewable_share_pct"]), year=year))
        else:
            sentences.append(tr("Erneuerbare Energien decken {share} % des Endenergieverbrauchs im Jahr {year} "
                                "(Strom mit dem Anteil im Bundesstrommix).").format(
                share=format_number(last["renewable_share_pct"]), year=year))
    if _present(last["self_sufficiency_electricity_pct"]) and _present(last["self_sufficiency_heat_pct"]):
        sentences.append(tr("Bilanzielle Deckung: Anlagen in der Gemeinde erzeugen im Jahr {year} so viel Strom wie "
                            "{electricity} % des Stromverbrauchs; erneuerbare Wärme deckt {heat} % des "
                            "Wärmebedarfs.").format(
            year=year, electricity=format_number(last["self_sufficiency_electricity_pct"]),
            heat=format_number(last["self_sufficiency_heat_pct"])))
    chosen = report.chosen_alternative()
    share = report.wind_share_pct()
    if chosen is not None and share is not None:
        sentences.append(tr("Die gewählte Planungsvariante „{name}“ weist {share} % der Gemeindefläche für "
                            "Windenergie aus.").format(name=chosen.get("name") or chosen["alternative"],
                                                       share=format_number(share, 2)))
    return sentences


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


# -- HTML ------------------------------------------------------------------------------------------------------------

# The last rule: a column of text in a browser window; a browser printing the HTML has the page's margins instead.
# QTextDocument, which prints the PDF, knows no "not" in media queries and skips it (with any rule after it): it
# would read "margin: auto" as an indent.
STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 22pt; color: #1d4e89; margin-bottom: 0.2em; }
h2 { font-size: 15pt; color: #1d4e89; margin-top: 1.2em; }
h3 { font-size: 12pt; margin-top: 1em; }
table { border-collapse: collapse; margin: 0.5em 0 1em 0; }
th { background-color: #e8eef6; text-align: left; }
td.number { text-align: right; }
.kicker { font-size: 13pt; color: #555; }
.missing { color: #666; font-style: italic; }
.legend { font-size: 9pt; }
.small { font-size: 8.5pt; color: #444; }
.figure { page-break-inside: avoid; }
table.compact td, table.compact th { font-size: 9pt; }
img { max-width: 100%; height: auto; }
@media not print { body { max-width: 60em; margin: 2em auto; padding: 0 1em; } }
"""
SECTION_BREAK = ' style="page-break-before: always"'
CHOSEN_BACKGROUND = "#fff3cd"


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number_cell(value, decimals: int = 0, extra: str = "", bold: bool = False) -> str:
    text = _e(format_number(value, decimals))
    return f'<td class="number" align="right"{extra}>{f"<b>{text}</b>" if bold else text}</td>'


def _percent_cell(share) -> str:
    text = "–" if share is None else f"{format_number(100 * share)} %"
    return f'<td class="number" align="right">{_e(text)}</td>'


def _label(text: str) -> str:
    """Escaped ``text`` for a table's label or unit: a word joiner after each slash, which Qt and browsers would
    otherwise break after ("GE/" and "GI")."""
    return _e(text).replace("/", "/&#8288;")


def _unbroken(text: str) -> str:
    """Escaped ``text`` that a line never breaks inside, for short units such as "t CO₂e/a"."""
    return _label(text).replace(" ", "&nbsp;")


def _image(images: Mapping[str, str], key: str, alt: str, width: int) -> str:
    return (f'<p align="center"><img id="{_e(key)}" src="{_e(images[key])}" width="{width}" '
            f'alt="{_e(alt)}"></p>')



def _figure(images: Mapping[str, str], figure: MapFigure, title: str) -> str:
    """A map with its caption and legend as one block that a printed page does not split."""
    parts = [_image(images, figure.image, title, 600)]
    if figure.note:
        parts.append(f"<p>{_e(figure.note)}</p>")
    if figure.legend:
        parts.append(_legend(figure.legend))
    return '<div class="figure">' + "\n".join(parts) + "</div>"


def _legend(entries) -> str:
    items = [f'<span style="color:{_e(colour)}">■</span>&nbsp;{_e(label)}' for colour, label in entries]
    return f'<p class="legend">{_e(tr("Legende"))}: ' + " &nbsp; ".join(items) + "</p>"


def _paragraph(text: str) -> str:
    """A paragraph of plain text (escaped here: format placeholders before, with the raw values)."""
    return f"<p>{_e(text)}</p>"


def _missing(text: str) -> str:
    return f'<p class="missing">{_e(text)}</p>'


def _table(head: list[str], rows: list[str], table_id: str = "", css_class: str = "") -> str:
    attributes = (f' id="{table_id}"' if table_id else "") + (f' class="{css_class}"' if css_class else "")
    header = "".join(head)
    return (f'<table{attributes} width="100%" border="1" cellspacing="0" cellpadding="4">'
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _title_page(report: ProfileReport) -> str:
    parts = [f'<p class="kicker">{_e(tr("Zukunftsprofil"))}</p>', f"<h1>{_e(report.title)}</h1>",
             f"<p>{_e(tr('Gemeinde'))}: <b>{_e(report.municipality)}</b><br>"
             f"{_e(tr('Stand'))}: {_e(format_date(report.date))}</p>",
             _paragraph(tr("Das Zukunftsprofil zeigt, wie viel Energie die Gemeinde heute verbraucht und erzeugt, "
                           "wie viele Treibhausgase dabei entstehen und wie sich beides bis {year} entwickeln kann; "
                           "dazu die Flächen für erneuerbare Energien, die Planungsvarianten und alle Annahmen mit "
                           "ihren Quellen. Es ist eine Planungsgrundlage, kein Beschluss.").format(
                 year=NEUTRALITY_YEAR)),
             f'<h2 id="summary">{_e(tr("Das Wichtigste in Kürze"))}</h2>', "<ul>"]
    parts += [f"<li>{_e(sentence)}</li>" for sentence in summary(report)]
    parts.append("</ul>")
    return "\n".join(parts)


def _balance_section(report: ProfileReport, images: Mapping[str, str]) -> str:
    parts = [f'<h2 id="balance"{SECTION_BREAK}>{_e(tr("1 Energie- und Treibhausgasbilanz"))}</h2>',
             _paragraph(tr("Endenergieverbrauch nach Sektoren und Erzeugung aus erneuerbaren Energien in der "
                           "Gemeinde je Jahr. Das Basisjahr ist {base}; die späteren Jahre sind Zielwerte des "
                           "Profils. Alle Summen {scope}. Der Anteil erneuerbarer Energien rechnet den Strom mit dem "
                           "erneuerbaren Anteil des Bundesstrommix; die bilanzielle Deckung vergleicht die Erzeugung "
                           "der Anlagen in der Gemeinde mit ihrem Stromverbrauch.").format(
                 base=report.base_year, scope=transport_scope_label(report.transport)))]
    if CHART_BALANCE in images:
        parts.append(_image(images, CHART_BALANCE, tr("Verbrauch und Erzeugung je Jahr"), 520))
    years = [row["year"] for row in report.indicators]
    head = [f'<th width="36%">{_e(tr("Kennzahl"))}</th>', f'<th width="11%">{_e(tr("Einheit"))}</th>']
    head += [f'<th align="right">{_e(year)}</th>' for year in years]
    rows = []
    for name, label, unit, decimals in indicator_rows(report.transport):
        cells = "".join(_number_cell(row.get(name), decimals) for row in report.indicators)
        rows.append(f"<tr><td>{_label(label)}</td><td>{_unbroken(unit)}</td>{cells}</tr>")
    parts += [f"<h3>{_e(tr('Kennzahlen je Jahr'))}</h3>", _table(head, rows, "indicators")]
    parts.append(f"<h3{SECTION_BREAK}>{_e(tr('Bilanz des Basisjahres {year}')).format(year=report.base_year)}</h3>")
    parts.append(_base_year_table(report))
    if report.similar is not None:
        parts.append(_similar_section(report))
    return "\n".join(parts)


def _similar_section(report: ProfileReport) -> str:
    """The municipality among the most similar ones of Mitteldeutschland, all figures estimated alike, and which of
    them already generate as much wind and solar power per km² as this profile plans."""
    subject, peers = report.similar
    head = [f'<th style="font-size: 8pt"{" align=right" if number else ""}>{_e(text)}</th>'
            for number, text in enumerate((tr("Gemeinde"), tr("Einwohner"), tr("Fläche km²"), tr("Siedlung %"),
                                           tr("Wind MWh/(km²·a)"), tr("PV MWh/(km²·a)"), tr("Wärme MWh/Einw."),
                                           tr("THG t/Einw.")))]
    rows = []
    for figures in [subject] + peers:
        bold = figures is subject
        cells = [f'<td style="font-size: 8pt">{"<b>" if bold else ""}{_e(figures.name)}{"</b>" if bold else ""}</td>']
        cells += [_number_cell(value, decimals, bold=bold) for value, decimals in (
            (figures.population, 0), (figures.area_km2, 1), (figures.settlement_pct, 0), (figures.wind_mwh_km2, 0),
            (figures.pv_mwh_km2, 0), (figures.heat_mwh_per_capita, 1), (figures.co2_t_per_capita, 1))]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    everyone = [subject] + peers
    sentences = []
    for attribute, what in (("wind_mwh_km2", tr("Windstrom")), ("pv_mwh_km2", tr("Solarstrom"))):
        rank = 1 + sum(getattr(other, attribute) > getattr(subject, attribute) for other in peers)
        sentences.append(tr("{what} je km² heute: Platz {rank} von {count}.").format(what=what, rank=rank,
                                                                                      count=len(everyone)))
    last = max(row["year"] for row in report.balance)
    for carrier, attribute, what in (("wind", "wind_mwh_km2", tr("Windstrom")), ("pv", "pv_mwh_km2", tr("Solarstrom"))):
        planned = sum(_number(row["mwh"]) for row in report.balance if row["year"] == last and row["kind"] == GENERATION
                      and row["sector"] == "planung" and row["carrier"] == carrier)
        if planned <= 0:
            continue
        target = getattr(subject, attribute) + planned / subject.area_km2
        ahead = [other.name for other in peers if getattr(other, attribute) >= target]
        sentences.append(
            tr("Mit den geplanten Anlagen erzeugt {name} {year} etwa {target} MWh {what} je km²; so viel erzeugen "
               "heute schon: {names}.").format(name=subject.name, year=last, target=format_number(target),
                                               what=what, names=", ".join(ahead))
            if ahead else
            tr("Mit den geplanten Anlagen erzeugt {name} {year} etwa {target} MWh {what} je km²; so viel erzeugt "
               "heute keine der ähnlichen Gemeinden.").format(name=subject.name, year=last,
                                                              target=format_number(target), what=what))
    return "\n".join([
        f'<h3 id="similar">{_e(tr("Vergleich mit ähnlichen Gemeinden"))}</h3>',
        _paragraph(tr("Die {count} Gemeinden Mitteldeutschlands, die {name} in Einwohnern, Fläche und Siedlungsanteil "
                      "am nächsten kommen. Alle Werte sind für alle Gemeinden gleich ermittelt: die Anlagen aus dem "
                      "Marktstammdatenregister mit den Volllaststunden der Bilanz, Wärme und Treibhausgase für "
                      "{year} geschätzt aus Einwohnern und Wohnungen. Sie weichen darum von der Bilanz oben ab, die "
                      "die Daten der Gemeinde nutzt.").format(count=len(peers), name=subject.name,
                                                              year=report.base_year)),
        _table(head, rows, "similar_table"),
        _paragraph(" ".join(sentences)),
        _paragraph(tr("Quelle: {source}").format(source=PEER_SOURCE))])


def _base_year_table(report: ProfileReport) -> str:
    base = [row for row in report.balance if row["year"] == report.base_year]
    head = [f"<th>{_e(tr('Sektor'))}</th>", f"<th>{_e(tr('Energieträger'))}</th>",
            '<th align="right">MWh/a</th>', '<th align="right">g CO₂e/kWh</th>',
            '<th align="right">t CO₂e/a</th>']
    rows = []
    for kind, groups, carriers, title, total in (
            (DEMAND, SECTORS, CARRIERS, tr("Verbrauch"), tr("Summe Verbrauch ohne Verkehr")
             if report.transport == TRANSPORT_NONE else tr("Summe Verbrauch")),
            (GENERATION, PLANT_GROUPS, GENERATION_SOURCES, tr("Erzeugung"), tr("Summe Erzeugung"))):
        kind_rows = [row for row in base if row["kind"] == kind]
        if not kind_rows:
            continue
        rows.append(f'<tr><td colspan="5"><b>{_e(title)}</b></td></tr>')
        for sector in _ordered({row["sector"] for row in kind_rows}, groups):
            sector_rows = [row for row in kind_rows if row["sector"] == sector]
            for row in sorted(sector_rows, key=lambda r: (carriers.index(r["carrier"]) if r["carrier"] in
                                                          carriers else len(carriers), str(r["carrier"]))):
                rows.append(f"<tr><td>{_e(sector_label(sector))}</td><td>{_e(carrier_label(row['carrier']))}</td>"
                            + _number_cell(row["mwh"]) + _number_cell(row["factor_g_kwh"])
                            + (_number_cell(row["co2_t"]) if kind == DEMAND else '<td></td>') + "</tr>")
        total_mwh = sum(row["mwh"] for row in kind_rows if _present(row["mwh"]))
        total_co2 = sum(row["co2_t"] for row in kind_rows if _present(row["co2_t"]))
        rows.append(f'<tr><td colspan="2"><b>{_e(total)}</b></td>'
                    + _number_cell(total_mwh, bold=True) + "<td></td>"
                    + (_number_cell(total_co2, bold=True) if kind == DEMAND else "<td></td>") + "</tr>")
    return _table(head, rows, "base-year")


def _maps_section(report: ProfileReport, images: Mapping[str, str]) -> str:
    titles = {"eligible": tr("Flächenkulisse für erneuerbare Energien"),
              "robustness": tr("Robustheit der Flächenkulisse über Kriterienvarianten"),
              "sites": tr("Beste Standorte nach Eignung"),
              "alternative": tr("Gewählte Planungsvariante"),
              "heat": tr("Eignung für Wärmenetze (§ 19 WPG)")}
    missing = {"eligible": tr("Keine Flächenkulisse angegeben."),
               "sites": tr("Keine Standortbewertung angegeben."),
               "alternative": tr("Keine Planungsvariante angegeben."),
               "heat": tr("Keine Eignung für Wärmenetze angegeben.")}
    parts = [f'<h2 id="maps"{SECTION_BREAK}>{_e(tr("2 Karten"))}</h2>']
    first = True
    for key in MAP_KEYS:
        figure = report.maps.get(key)
        if (figure is None or figure.image not in images) and key in OPTIONAL_MAPS:
            continue
        if figure is None or figure.image not in images:
            parts.append(f'<h3 id="map-{key}">{_e(titles[key])}</h3>')
            parts.append(_missing(missing[key]))
            continue
        # one map a page when printed: QTextDocument knows no page-break-inside, a heading would end up alone
        parts.append(f'<h3 id="map-{key}"{"" if first else SECTION_BREAK}>{_e(titles[key])}</h3>')
        first = False
        parts.append(_figure(images, figure, titles[key]))
    return "\n".join(parts)


def _alternatives_section(report: ProfileReport, images: Mapping[str, str]) -> str:
    parts = [f'<h2 id="alternatives"{SECTION_BREAK}>{_e(tr("3 Planungsvarianten im Vergleich"))}</h2>']
    if not report.alternatives:
        parts.append(_missing(tr("Keine Planungsvarianten angegeben.")))
        return "\n".join(parts)
    chosen = report.chosen_alternative()
    if chosen is not None:
        parts.append(_paragraph(tr("Gewählt ist Variante {number}, „{name}“ (markiert mit ★).").format(
            number=chosen["alternative"], name=chosen.get("name") or "")))

    def marked(row) -> str:
        return f' bgcolor="{CHOSEN_BACKGROUND}" style="background-color:{CHOSEN_BACKGROUND}"' \
            if row is chosen else ""

    head = [f'<th width="30%">{_e(tr("Variante"))}</th>']
    # every column's width given and the names in a smaller type: five columns of long names would otherwise squeeze
    # the labels' column
    column = f"{70 / len(report.alternatives):.0f}%"
    for row in report.alternatives:
        star = "★ " if row is chosen else ""
        head.append(f'<th width="{column}"{marked(row)} class="small">{star}{_e(row["alternative"])}: '
                    f'{_e(row.get("name") or "")}</th>')
    rows = []
    for name, label, unit, decimals in alternative_rows():
        if not any(name in row for row in report.alternatives):
            continue
        label_text = f"{_label(label)} ({_unbroken(unit)})" if unit else _label(label)
        cells = []
        for row in report.alternatives:
            value = row.get(name)
            if name == "shortfalls":
                cells.append(f'<td class="small"{marked(row)}>{_e(value or "–")}</td>')
            else:
                cells.append(_number_cell(value, decimals, marked(row)))
        rows.append(f"<tr><td>{label_text}</td>{''.join(cells)}</tr>")
    parts.append(_table(head, rows, "alternatives-table", "compact"))  # with its chart on one page
    if CHART_ALTERNATIVES in images:
        parts.append(_image(images, CHART_ALTERNATIVES, tr("Flächen je Variante und Nutzung"), 560))
    return "\n".join(parts)


def measure_map_key(measure_id: str) -> str:
    """The key of a measure's map among the report's maps (also an image name: letters, digits and _ only)."""
    return "measure_" + re.sub(r"\W", "_", measure_id, flags=re.ASCII)


def _money(value) -> str:
    """Euros for people: millions with one decimal, thousands whole."""
    if value is None:
        return "–"
    if abs(value) >= 1e6:
        return tr("{value} Mio. €").format(value=format_number(value / 1e6, 1))
    return f"{format_number(value)} €"


def _measures_section(report: ProfileReport, images: Mapping[str, str]) -> str:
    """The catalogue ranked by cost per tonne, the wedge chart, a timeline and one sheet per measure."""
    parts = [f'<h2 id="measures"{SECTION_BREAK}>{_e(tr("4 Maßnahmen"))}</h2>']
    result = report.wedges
    if not report.measures or result is None:
        parts.append(_missing(tr("Kein Maßnahmenkatalog gegeben („Maßnahmenkatalog ableiten“, dann bearbeiten).")))
        return "\n".join(parts)
    last, base = result.years[-1], result.years[0]
    demand_t = sum(wedge[last] for wedge in result.measures.values())
    avoided_t = sum(wedge[last] for wedge in result.avoided.values())
    gap = result.remaining[last] - result.target[last]
    state = tr("der Zielpfad ist erreicht") if result.met(last) else tr(
        "bis zum Zielpfad fehlen {gap} t CO₂e/a").format(gap=format_number(gap))
    parts.append(_paragraph(tr(
        "{count} Maßnahmen. Die Maßnahmen für den Verbrauch mindern die Emissionen {year} um {demand} t CO₂e/a; "
        "der Rahmen (Bundesstrommix, Fernwärme nach WPG, Bevölkerung, Industrie) um {framework} t. Es bleiben "
        "{remaining} t von {base_t} t im Jahr {base}; {state}. Die Erzeugung aus Wind und Sonne mindert die "
        "Territorialbilanz nach BISKO nicht (Strom zählt mit dem Bundesmix); sie vermeidet {year} zusätzlich "
        "{avoided} t CO₂e/a (nachrichtlich, mit dem Bundesstrommix des Jahres).").format(
        count=len(report.measures), year=last, demand=format_number(demand_t),
        framework=format_number(sum(wedge[last] for wedge in result.framework.values())),
        remaining=format_number(result.remaining[last]), base_t=format_number(result.base_t), base=base, state=state,
        avoided=format_number(avoided_t))))
    if CHART_WEDGES in images:
        parts.append(_image(images, CHART_WEDGES, tr("Minderung je Maßnahme und Jahr"), 600))
    parts += [_paragraph(note) for note in result.overlaps]
    ranked = ranking(report.measures, result)
    by_effect = {item.measure.measure_id: rank for rank, item in enumerate(
        sorted(ranked, key=lambda item: -item.t_a), start=1)}
    # nine columns fit the A4 page; field of action and years are on each measure's sheet and in the timeline
    head = [f'<th style="font-size: 8pt">{_e(text)}</th>' for text in (
        tr("Nr."), tr("Maßnahme"), tr("Wirkung MWh/a"), tr("t CO₂e/a"), tr("Rang Wirkung"), tr("Investition"),
        tr("€/t"), tr("Akteur"), tr("Status"))]
    rows = []
    for item in ranked:
        measure = item.measure
        t_text = format_number(item.t_a) + (" *" if measure.kind == GENERATION_MEASURE else "")
        rows.append("<tr>" + "".join(f'<td style="font-size: 8pt">{text}</td>' for text in (
            _e(measure.measure_id), _e(measure.title), _e(format_number(measure.effect_mwh_a)), _e(t_text),
            _e(by_effect[measure.measure_id]), _unbroken(_money(measure.investment_eur)),
            _e(format_number(item.eur_per_t)), _e(actor_label(measure.actor)),
            _e(measure_status_label(measure.status)))) + "</tr>")
    note = tr("t CO₂e/a: Minderung bei voller Wirkung, Mittel der Szenariojahre ab dem Ende der Maßnahme; "
              "* vermieden außerhalb der Bilanz. €/t: Investition über die Nutzungsdauer verteilt plus jährliche "
              "Kosten, je Tonne.")
    parts += [f"<h3>{_e(tr('Maßnahmen nach Kosten je Tonne und nach Wirkung'))}</h3>",
              _table(head, rows, "measures-table"),
              f'<p class="small">{_e(note)} {_e(measure_types().cost_note)}</p>']
    if report.monitoring is not None:
        parts.append(_monitoring(report))
    parts.append(_timeline(report))
    if report.peers:
        parts.append(_peers(report))
    for item in ranked:
        parts.append(_measure_sheet(report, item, images))
    return "\n".join(parts)


def _monitoring(report: ProfileReport) -> str:
    """The later year's balance against the plan: emissions, consumption by carrier, the register's plants, and
    each measure's progress."""
    result, titles = report.monitoring, {measure.measure_id: measure.title for measure in report.measures}
    parts = [f'<h3 id="monitoring">{_e(tr("Monitoring {year}: Plan und Messung").format(year=result.year))}</h3>',
             _paragraph(tr("Die Bilanz des Jahres {year} (Verbrauch und Anlagen wie gemessen) gegen den Plan der "
                           "Maßnahmen in diesem Jahr: {measured} t CO₂e gemessen, {planned} t geplant.").format(
                 year=result.year, measured=format_number(result.measured_t), planned=format_number(result.planned_t)))]
    head = [f"<th>{_e(text)}</th>" for text in (tr("Sektor"), tr("Energieträger"), tr("geplant MWh/a"),
                                                  tr("gemessen MWh/a"))]
    rows = [f"<tr><td>{_e(sector_label(sector))}</td><td>{_e(carrier_label(carrier))}</td>"
            + _number_cell(planned) + _number_cell(measured) + "</tr>"
            for sector, carrier, planned, measured in result.carriers]
    rows += [f"<tr><td>{_e(tr('Erzeugung (Anlagen im Register)'))}</td><td>{_e(carrier_label(carrier))}</td>"
             + _number_cell(planned) + _number_cell(measured) + "</tr>" for carrier, planned, measured in
             result.generation]
    parts.append(_table(head, rows, "monitoring-carriers", "compact"))
    head = [f"<th>{_e(text)}</th>" for text in (tr("Nr."), tr("Maßnahme"), tr("geplanter Anteil"),
                                                  tr("erreicht vom Plan"), tr("Stand"))]
    rows = [f"<tr><td>{_e(item.measure_id)}</td><td>{_e(titles.get(item.measure_id, ''))}</td>"
            + _percent_cell(item.planned_share) + _percent_cell(item.reached)
            + f"<td>{_e(progress_label(item.state))}</td></tr>" for item in result.measures]
    parts.append(_table(head, rows, "monitoring-measures", "compact"))
    return "\n".join(parts)


def _peers(report: ProfileReport) -> str:
    """What other municipalities of the Revier carry out in the same fields of action (from shared catalogues)."""
    head = [f'<th style="font-size: 8pt">{_e(text)}</th>' for text in (
        tr("Gemeinde"), tr("Maßnahme"), tr("Handlungsfeld"), tr("Wirkung MWh/a"), tr("Zeitraum"), tr("Status"))]
    rows = ["<tr>" + "".join(f'<td style="font-size: 8pt">{text}</td>' for text in (
        _e(row.get("origin_municipality") or ""), _e(row.get("title") or ""), _e(field_label(str(row.get("field")))),
        _e(format_number(row.get("effect_mwh_a"))), _e(f"{row.get('start_year')}–{row.get('end_year')}"),
        _e(measure_status_label(str(row.get("status") or ""))))) + "</tr>" for row in report.peers]
    municipalities = sorted({str(row.get("origin_municipality") or "") for row in report.peers})
    return (f'<h3 id="peers">{_e(tr("Was andere Gemeinden des Reviers tun"))}</h3>'
            + _paragraph(tr("Maßnahmen in denselben Handlungsfeldern aus den Katalogen, die {municipalities} geteilt "
                            "haben (Stand ihres Exports).").format(municipalities=", ".join(municipalities)))
            + _table(head, rows, "peers-table"))


def _timeline(report: ProfileReport) -> str:
    first = min(measure.start_year for measure in report.measures)
    last = max(NEUTRALITY_YEAR, max(measure.end_year for measure in report.measures))
    years = list(range(first, last + 1))
    head = [f'<th width="28%" style="font-size: 8pt">{_e(tr("Maßnahme"))}</th>']
    head += [f'<th style="font-size: 7pt">{year % 100:02d}</th>' for year in years]
    rows = []
    for measure in sorted(report.measures, key=lambda item: (item.start_year, item.measure_id)):
        colour = "#1a9850" if measure.status in ("in_umsetzung", "umgesetzt") else "#74add1"
        cells = "".join(f'<td bgcolor="{colour}"></td>' if measure.start_year <= year <= measure.end_year
                        else "<td></td>" for year in years)
        rows.append(f'<tr><td style="font-size: 8pt">{_e(measure.measure_id)} {_e(measure.title)}</td>{cells}</tr>')
    return (f"<h3>{_e(tr('Zeitplan {first}–{last}').format(first=first, last=last))}</h3>"
            + _table(head, rows, "timeline"))


def _measure_sheet(report: ProfileReport, item, images: Mapping[str, str]) -> str:
    """One page per measure: what, where, effect, cost, who, when, first steps."""
    measure, result = item.measure, report.wedges
    kind = measure_types().types[measure.field]
    effects = ", ".join(f"{year}: {format_number(result.measure_t(measure.measure_id, year))}"
                        for year in result.years[1:])
    rows = [(tr("Was"), f"{field_label(measure.field)}: {measure.title}"), (tr("Herkunft"), measure.origin),
            (tr("Größe"), f"{format_number(measure.size, 1)} {kind.size_unit}"),
            (tr("Wirkung"), tr("{mwh} MWh/a bei voller Umsetzung; t CO₂e/a je Jahr: {effects}").format(
                mwh=format_number(measure.effect_mwh_a), effects=effects)
             + (" " + tr("(vermieden außerhalb der Bilanz)") if measure.kind == GENERATION_MEASURE else "")),
            (tr("Kosten (Schätzung)"), tr("Investition {investment}, jährlich {annual}; {per_t} €/t").format(
                investment=_money(measure.investment_eur), annual=_money(measure.annual_eur),
                per_t=format_number(item.eur_per_t))),
            (tr("Kostenquelle"), measure.cost_source or "–"), (tr("Wer"), actor_label(measure.actor)),
            (tr("Wann"), tr("{start}–{end}, Status: {status}, Priorität: {priority}").format(
                start=measure.start_year, end=measure.end_year, status=measure_status_label(measure.status),
                priority=priority_label(measure.priority)))]
    parts = [f'<h3 id="measure-{_e(measure.measure_id)}"{SECTION_BREAK}>{_e(measure.measure_id)} '
             f"{_e(measure.title)}</h3>"]
    figure = report.maps.get(measure_map_key(measure.measure_id))
    if figure is not None and figure.image in images:
        parts.append(_figure(images, figure, measure.title))
    else:
        rows.insert(2, (tr("Wo"), tr("die ganze Gemeinde")))
    parts.append(_table([f'<th width="22%">{_e(tr("Angabe"))}</th>', f"<th>{_e(tr('Inhalt'))}</th>"],
                        [f"<tr><td>{_e(label)}</td><td>{_e(plain_words(text))}</td></tr>" for label, text in rows],
                        "", "compact"))
    steps = [step.strip() for step in measure.first_steps.split(";") if step.strip()]
    if steps:
        parts.append(f"<p><b>{_e(tr('Erste Schritte'))}</b></p><ol>"
                     + "".join(f"<li>{_e(step)}</li>" for step in steps) + "</ol>")
    return "\n".join(parts)


def _assumptions_section(report: ProfileReport) -> str:
    parts = [f'<h2 id="assumptions"{SECTION_BREAK}>{_e(tr("5 Annahmen, Quellen und Daten"))}</h2>',
             f"<h3>{_e(tr('Annahmen'))}</h3>"]
    if report.assumptions:
        head = [f'<th width="{width}%" style="font-size: 8pt">{_e(text).replace("-", "&shy;")}</th>'
                for text, width in ((tr("Annahme"), 20), (tr("Wert"), 9), (tr("Einheit"), 11),
                                    (tr("Rechts-grundlage"), 13), (tr("Quelle"), 30), (tr("Status"), 17))]
        # six columns on a page: a smaller type keeps words such as "ungeprüfter" whole
        rows = ["<tr>" + "".join(f'<td style="font-size: 8pt">{text}</td>' for text in (
            _e(row["topic"]), _e(row["value"]), _unbroken(row["unit"] or ""), _e(plain_words(row["legal_basis"])),
            _e(plain_words(row["source"])), _e(status_text(row["status"]))))
            + "</tr>" for row in report.assumptions]
        parts.append(_table(head, rows, "assumptions-table"))
        unchecked = sum(1 for row in report.assumptions if row["status"] == "unchecked")
        if unchecked:
            parts.append(_paragraph(tr("{count} Annahme(n) sind ungeprüfte Standardwerte: bitte vor einem "
                                       "Beschluss mit örtlichen Daten prüfen.").format(count=unchecked)))
    else:
        parts.append(_missing(tr("Die Tabelle der Annahmen ist leer.")))
    sources = sorted({plain_words(row["source"]) for row in report.balance if row.get("source")})
    if sources:
        parts.append(f"<h3>{_e(tr('Quellen der Bilanz'))}</h3><ul>"
                     + "".join(f"<li>{_e(source)}</li>" for source in sources) + "</ul>")
    parts.append(f"<h3>{_e(tr('Daten und Namensnennung'))}</h3><ul>"
                 + "".join(f"<li>{_e(text)}</li>" for text in attributions()) + "</ul>")
    if report.demo_data:
        parts.append(_paragraph(tr("Die Planungsdaten der Demogemeinde (Siedlungen, Gebäude, Straßen, Landnutzung, "
                                   "Schutzgebiete, Bergbau, Flurstücke, Netze, Wärmenetz) sind synthetisch erzeugt, "
                                   "keine amtlichen Daten.")))
    if report.runs:
        parts.append(f"<h3>{_e(tr('Zugrunde liegende Läufe'))}</h3>")
        parts.append(_paragraph(tr("Die Ergebnisse, die dieser Bericht zeigt, stammen aus diesen Läufen des "
                                   "Laufregisters; „Lauf wiederholen und vergleichen“ rechnet jeden noch einmal.")))
        head = [f"<th>{_e(text)}</th>" for text in (tr("Werkzeug"), tr("Lauf-ID"), tr("Ende (UTC)"),
                                                     tr("Ablage"))]
        titles = algorithm_titles()
        rows = ["<tr>" + "".join(f'<td style="font-size: 8pt">{_e(text)}</td>' for text in (
            titles.get(run["algorithm"].removeprefix("wip:"), run["algorithm"]), run["run_id"],
            str(run["ended"] or "")[:19].replace("T", " "), run["store"])) + "</tr>" for run in report.runs]
        parts.append(_table(head, rows, "runs-table"))
    for note in report.notes:
        parts.append(f'<p class="small">{_e(note)}</p>')
    made_with = tr("Erstellt mit dem QGIS-Plugin WIP, Werkzeug „{title}“.").format(
        title=algorithm_titles()["futureprofile"])
    parts.append(f'<p class="small">{_e(made_with)}</p>')
    return "\n".join(parts)


def _register_section(report: ProfileReport) -> str:
    """Appendix: every default the plugin ships, by data file, with legal basis, source, status and date."""
    if not report.register:
        return ""
    parts = [f'<h2 id="register"{SECTION_BREAK}>{_e(tr("Anhang: Vorgaben des Plugins und ihre Quellen"))}</h2>',
             _paragraph(tr("Die Vorgaben des Plugins, die nicht schon unter den Annahmen der Bilanz stehen, und die "
                           "Kriterien der gezeigten Flächenkulissen, mit Rechtsgrundlage, Quelle, Status und Stand. "
                           "Ungeprüfte Werte sind änderbare Planungsannahmen."))]
    head = [f'<th width="{width}%" style="font-size: 8pt">{_e(text)}</th>'
            for text, width in ((tr("Vorgabe"), 24), (tr("Wert"), 14), (tr("Rechtsgrundlage und Quelle"), 40),
                                (tr("Status"), 11), (tr("Stand"), 11))]
    for area in dict.fromkeys(entry.area for entry in report.register):
        rows = []
        for entry in (entry for entry in report.register if entry.area == area):
            basis = f"{entry.legal_basis}. {entry.source}" if entry.legal_basis else entry.source
            try:
                date = format_date(datetime.date.fromisoformat(entry.date))
            except ValueError:
                date = entry.date
            rows.append("<tr>" + "".join(f'<td style="font-size: 8pt">{text}</td>' for text in (
                _e(entry.topic), _e(entry.value), _e(plain_words(basis)), _e(status_text(entry.status)),
                _e(date))) + "</tr>")
        parts += [f"<h3>{_e(area)}</h3>", _table(head, rows, "", "register")]
    return "\n".join(parts)


def build_html(report: ProfileReport, images: Mapping[str, str]) -> str:
    """The report as one HTML document; ``images`` maps image names (charts, ``MapFigure.image``) to their src.

    Image widths are in CSS pixels (1/96 inch): at most 620, so they fit the 17 cm of text width of an A4 page that
    QTextDocument prints with 2 cm margins, as well as a browser window."""
    language = "de" if _german() else "en"
    body = [_title_page(report), _balance_section(report, images), _maps_section(report, images),
            _alternatives_section(report, images), _measures_section(report, images), _assumptions_section(report),
            _register_section(report)]
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_e(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
