"""Build the user manual, German and English, with MkDocs: the written pages of ``docs/<language>/`` and reference
pages made from the plugin itself (every algorithm's parameters and outputs as QGIS shows them, every shipped
criteria catalog) into ``wip_qgis_plugin/help/<language>/``. The zip ships that folder, so the help buttons work
offline. Usage: python -m tools.docs [--out DIR]"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sysconfig
import tempfile
from pathlib import Path

import yaml

from tools.qgis_desktop import fresh_profile, run_desktop

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HELP = ROOT / "wip_qgis_plugin" / "help"
LANGUAGES = ("de", "en")
WRITTEN_PAGES = ("index.md", "install.md", "workflow.md", "catalogs.md", "database.md", "faq.md")

TEXTS = {  # the generated pages' own words
    "de": {"site": "WIP Energie- und Raumplanung – Handbuch", "home": "Start", "install": "Installation",
           "workflow": "Die sechs Arbeitsschritte", "catalogs": "Kriterienkataloge bearbeiten", "faq": "Häufige Fragen",
           "database": "Die Datenbank des Amts (PostGIS)",
           "algorithms": "Algorithmen", "reference": "Kataloge", "parameters": "Parameter", "outputs": "Ergebnisse",
           "name": "Name", "description": "Beschreibung", "kind": "Art", "required": "Pflicht", "default": "Vorgabe",
           "yes": "ja", "no": "nein", "toolbox": "Werkzeugkiste", "call": "Aufruf ohne QGIS-Oberfläche",
           "criterion": "Kriterium", "type": "Typ", "distance": "Abstand", "legal": "Rechtsgrundlage",
           "source": "Quelle", "status": "Status", "date": "Stand", "version": "Version", "valid": "gültig ab",
           "filter": "nur Objekte mit", "cover": "höchstens {share} % der Fläche bedeckt",
           "larger": "nur Objekte ab {size} ha",
           "assumptions": "Annahmen und Quellen", "entry": "Annahme", "value": "Wert",
           "balance": "Energie- und Treibhausgasbilanz (so gerechnet für die Demogemeinde)",
           "data": "Kennwerte der Datendateien",
           "assumptions_intro": "Jeder Vorgabewert des Plugins mit Rechtsgrundlage, Quelle und Status. Werte mit dem "
                                "Status „ungeprüfter Standardwert“ sind vor der Verwendung in einer Planbegründung zu "
                                "prüfen; jede Datei lässt sich als Kopie anpassen."},
    "en": {"site": "WIP Energy and Spatial Planning – Manual", "home": "Home", "install": "Installation",
           "workflow": "The six steps", "catalogs": "Editing criteria catalogs", "faq": "FAQ",
           "database": "The office database (PostGIS)",
           "algorithms": "Algorithms", "reference": "Catalogs", "parameters": "Parameters", "outputs": "Outputs",
           "name": "Name", "description": "Description", "kind": "Kind", "required": "Required", "default": "Default",
           "yes": "yes", "no": "no", "toolbox": "Toolbox", "call": "Running it without the QGIS window",
           "criterion": "Criterion", "type": "Type", "distance": "Distance", "legal": "Legal basis",
           "source": "Source", "status": "Status", "date": "As of", "version": "Version", "valid": "valid from",
           "filter": "only features with", "cover": "at most {share} % of the area covered",
           "larger": "only features of {size} ha or more",
           "assumptions": "Assumptions and sources", "entry": "Assumption", "value": "Value",
           "balance": "Energy and greenhouse-gas balance (as computed for the demo municipality)",
           "data": "Figures of the data files",
           "assumptions_intro": "Every default of the plugin with its legal basis, source and status. Values with the "
                                "status \"unverified default value\" must be checked before they are cited in a plan's "
                                "justification; every file can be adapted as a copy."},
}
KINDS = {  # Processing parameter and output type → its name in the manual
    "source": ("Vektorebene", "vector layer"), "vector": ("Vektorebene", "vector layer"),
    "multilayer": ("mehrere Ebenen", "several layers"), "raster": ("Rasterebene", "raster layer"),
    "field": ("Feld", "field"), "number": ("Zahl", "number"), "distance": ("Entfernung", "distance"),
    "enum": ("Auswahl", "choice"), "boolean": ("ja/nein", "yes/no"), "string": ("Text", "text"),
    "file": ("Datei", "file"), "matrix": ("Tabelle", "table"), "crs": ("Koordinatenbezugssystem", "CRS"),
    "sink": ("Vektorebene (Ergebnis)", "vector layer (output)"),
    "fileDestination": ("Datei (Ergebnis)", "file (output)"),
    "vectorDestination": ("Vektorebene (Ergebnis)", "vector layer (output)"),
    "rasterDestination": ("Rasterebene (Ergebnis)", "raster layer (output)"),
    "outputNumber": ("Zahl", "number"), "outputBoolean": ("ja/nein", "yes/no"), "outputString": ("Text", "text"),
}


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _default(parameter, language: str) -> str:
    value = parameter.defaultValue()
    if value is None or value == "" or value == []:
        return ""
    if parameter.type() == "enum":
        options = parameter.options()
        indexes = value if isinstance(value, list) else [value]
        return ", ".join(options[int(index)] for index in indexes if str(index).isdigit())
    if parameter.type() == "boolean":
        return TEXTS[language]["yes" if value else "no"]
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _kind(parameter, language: str) -> str:
    names = KINDS.get(parameter.type(), (parameter.type(), parameter.type()))
    text = names[LANGUAGES.index(language)]
    if parameter.type() == "number":
        low, high = parameter.minimum(), parameter.maximum()  # ±1.79e308 where unbounded
        if low > -1e300 and high < 1e300:
            text += f" ({low:g} – {high:g})"
        elif low > -1e300:
            text += f" (≥ {low:g})"
        elif high < 1e300:
            text += f" (≤ {high:g})"
    if parameter.type() == "enum":
        text += ": " + " / ".join(parameter.options())
    return text


def algorithm_page(algorithm, language: str) -> str:
    """The reference page of one algorithm in ``language`` (its texts come from the algorithm itself)."""
    from qgis.core import QgsProcessingParameterDefinition

    words = TEXTS[language]
    lines = [f"# {algorithm.displayName()}", "",
             f"*{words['toolbox']}: WIP Energie- und Raumplanung › {algorithm.group()} › "
             f"{algorithm.displayName()}* · `{algorithm.id()}`", ""]
    lines += [paragraph.strip() + "\n" for paragraph in algorithm.shortHelpString().split("\n") if paragraph.strip()]
    inputs = [p for p in algorithm.parameterDefinitions() if not p.isDestination()
              and not p.flags() & QgsProcessingParameterDefinition.Flag.FlagHidden]
    outputs = [p for p in algorithm.parameterDefinitions() if p.isDestination()]
    lines += [f"## {words['parameters']}", "",
              f"| {words['name']} | {words['description']} | {words['kind']} | {words['required']} | "
              f"{words['default']} |", "|---|---|---|---|---|"]
    for parameter in inputs:
        optional = parameter.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
        lines.append(f"| `{parameter.name()}` | {_cell(parameter.description())} | {_cell(_kind(parameter, language))} "
                     f"| {words['no' if optional else 'yes']} | {_cell(_default(parameter, language))} |")
    lines += ["", f"## {words['outputs']}", "", f"| {words['name']} | {words['description']} | {words['kind']} |",
              "|---|---|---|"]
    for parameter in outputs:
        lines.append(f"| `{parameter.name()}` | {_cell(parameter.description())} | "
                     f"{_cell(_kind(parameter, language))} |")
    for output in algorithm.outputDefinitions():
        if algorithm.parameterDefinition(output.name()) is None:
            kind = KINDS.get(output.type(), (output.type(), output.type()))[LANGUAGES.index(language)]
            lines.append(f"| `{output.name()}` | {_cell(output.description())} | {_cell(kind)} |")
    required = [p for p in inputs if not p.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
                and p.defaultValue() is None]
    call = " ".join([f"qgis_process run {algorithm.id()} --"] + [f"{p.name()}=…" for p in required]
                    + [f"{p.name()}=….gpkg" for p in outputs if p.type() == "sink"])
    lines += ["", f"## {words['call']}", "", "```", call, "```", ""]
    return "\n".join(lines)


def catalog_page(catalog, language: str) -> str:
    """The criteria of a shipped catalog with distance, legal basis, source, status and date."""
    words = TEXTS[language]
    lines = [f"# {catalog.title_text()}", "", catalog.description_text(), "",
             f"{words['version']} {catalog.version}, {words['valid']} {catalog.effective_date.isoformat()} · "
             f"`{catalog.id}.json`", "",
             '<div class="wide" markdown>', "",
             f"| {words['criterion']} | {words['type']} | {words['distance']} | {words['legal']} | {words['source']} "
             f"| {words['status']}, {words['date']} |", "|---|---|---|---|---|---|"]
    for criterion in catalog.criteria:
        label = criterion.label_text()
        if criterion.attribute_filter is not None:
            label += f" ({words['filter']} {criterion.attribute_filter.describe()})"
        if criterion.min_feature_ha is not None:
            label += f"; {words['larger'].format(size=f'{criterion.min_feature_ha:g}')}"
        if criterion.max_cover_share is not None:
            label += f"; {words['cover'].format(share=f'{criterion.max_cover_share * 100:g}')}"
        lines.append(f"| {_cell(label)} | {criterion.type_text()} | {_cell(criterion.distance.describe())} | "
                     f"{_cell(criterion.legal_basis)} | {_cell(criterion.source)} | {criterion.status_text()}, "
                     f"{criterion.effective_date.isoformat()} |")
    return "\n".join(lines + ["", "</div>"]) + "\n"


SCREENSHOT_SCRIPT = """
import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.core import QgsApplication, QgsProject

def shoot():
    import time
    window = qgis.utils.iface.mainWindow()
    window.setGeometry(0, 0, 1366, 768)
    plugin = qgis.utils.plugins["wip_qgis_plugin"]
    from wip_qgis_plugin.qgis_io.project import load_demo
    load_demo(QgsProject.instance())
    from wip_qgis_plugin.plugin import DOCKS
    for key, *_rest in DOCKS:
        action = plugin.actions[key]
        action.trigger()
        shown = plugin.docks[key]
        shown.setFloating(True)  # at the size a planner would give it, not squeezed beside the others
        shown.resize(520, 740)
        for _ in range(20):
            QgsApplication.processEvents()
            time.sleep(0.05)
        shown.grab().save(f"{OUT}/{key}.png")
        shown.setFloating(False)
        action.trigger()
    QgsProject.instance().clear()
    QgsApplication.exit(0)

QTimer.singleShot(2500, shoot)
"""


def capture_screenshots(language: str, out: Path) -> list[Path]:
    """Every dock on the demo municipality in real QGIS under Xvfb, in ``language``, as ``out/<step>.png``: the
    manual's pictures are made, not drawn by hand. Empty without QGIS desktop or Xvfb."""
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        return []
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        fresh_profile(Path(work), "de_DE" if language == "de" else "en_US")
        script = Path(work) / "shoot.py"
        script.write_text(f"OUT = {str(out)!r}\n" + SCREENSHOT_SCRIPT, encoding="utf-8")
        env = {key: value for key, value in os.environ.items()
               if key not in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
        env.update(QGIS_PLUGINPATH=str(ROOT), PYTHONPATH=sysconfig.get_paths()["purelib"], HOME=work)
        if run_desktop(Path(work), script, env, Path(work) / "qgis.log", 300) is None:
            raise SystemExit(f"QGIS did not finish the {language} pictures within 300 s")
    return sorted(out.glob("*.png"))


def _with_screenshots(page: Path, shots: dict[str, str]) -> None:
    """Put each step's picture under its heading (marker ``<!-- screenshot:KEY -->``); drop markers without one."""
    def picture(match):
        key = match.group(1)
        return f"![{match.group(2)}](img/{key}.png)" if key in shots else ""

    text = re.sub(r"<!-- screenshot:(\w+) (.*?) -->", picture, page.read_text(encoding="utf-8"))
    page.write_text(text, encoding="utf-8")


DATA_FILES = ("yield/pv_types.json", "yield/rooftop_pv.json", "yield/turbines.json", "zoning/uses.json",
              "heat/waermebedarf_lsa.json")


def _sourced(node, trail: tuple[str, ...] = ()):
    """(where, entry) of every entry of a data file that names its source."""
    if isinstance(node, dict):
        label = node.get("label")
        if isinstance(label, dict):
            trail = trail + (label.get("de") or next(iter(label.values()), ""),)
        if isinstance(node.get("source"), str):
            yield trail, node
        for key, value in node.items():
            if key not in ("label", "note", "power_curve"):
                yield from _sourced(value, trail + ((key,) if isinstance(value, dict) and "source" in value else ()))
    elif isinstance(node, list):
        for value in node:
            yield from _sourced(value, trail)


def _number(value) -> str:
    """A value as the manual's language writes numbers (1.400 or 1,400; 0,015); text as it is."""
    from wip_qgis_plugin.core.i18n import format_number

    try:
        number = float(value)
    except (TypeError, ValueError):
        return _cell(value)
    return format_number(number, 0) if number.is_integer() else format_number(number, 4).rstrip("0")


def assumptions_page(language: str, balance_rows: list[dict]) -> str:
    """Every default with its legal basis, source and status: the balance's as a run uses them, then those of the
    data files."""
    from wip_qgis_plugin.core.catalog import status_label
    from wip_qgis_plugin.core.json_reader import read_json

    words = TEXTS[language]
    lines = [f"# {words['assumptions']}", "", words["assumptions_intro"], "", f"## {words['balance']}", "",
             '<div class="wide" markdown>', "",
             f"| {words['entry']} | {words['value']} | {words['legal']} | {words['source']} | {words['status']} |",
             "|---|---|---|---|---|"]
    for row in balance_rows:
        lines.append(f"| {_cell(row['topic'])} | {_number(row['value'])} {_cell(row['unit'] or '')} | "
                     f"{_cell(row['legal_basis'] or '')} | {_cell(row['source'])} | "
                     f"{_cell(status_label(row['status']))} |")
    lines += ["", "</div>", "", f"## {words['data']}", ""]
    resources = ROOT / "wip_qgis_plugin" / "resources"
    for name in DATA_FILES:
        data = read_json(resources / name, ValueError)
        lines += [f"### `{name}`", ""]
        sources = data.get("sources")
        if isinstance(sources, list):
            lines += [f"- {_cell(source)}" for source in sources] + [""]
        rows = list(_sourced(data))
        if rows:
            lines += ['<div class="wide" markdown>', "",
                      f"| {words['entry']} | {words['value']} | {words['legal']} | {words['source']} | "
                      f"{words['status']} |", "|---|---|---|---|---|"]
            for trail, entry in rows:
                lines.append(f"| {_cell(' › '.join(trail))} | {_number(entry.get('value', ''))} | "
                             f"{_cell(entry.get('legal_basis', ''))} | {_cell(entry['source'])} | "
                             f"{_cell(status_label(entry.get('status', '')))} |")
            lines += ["", "</div>", ""]
    return "\n".join(lines) + "\n"


def demo_balance_assumptions() -> list[dict]:
    """The balance of the demo municipality, run as the toolbox runs it: its assumptions table."""
    import processing
    from qgis.core import QgsProcessingFeedback

    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

    result = processing.run("wip:energybalance", {
        "STATISTICS": f"{DEMO_GPKG}|layername=real_statistik", "MUNICIPALITY": f"{DEMO_GPKG}|layername=real_gemeinde",
        "BALANCE": "memory:", "INDICATORS": "memory:", "ASSUMPTIONS": "memory:"},
        feedback=QgsProcessingFeedback())
    table = result["ASSUMPTIONS"]  # a memory layer
    return [dict(zip(table.fields().names(), feature.attributes())) for feature in table.getFeatures()]


def write_sources(language: str, into: Path) -> dict:
    """The written pages and the generated reference of ``language`` in ``into``; returns the MkDocs config."""
    from qgis.core import QgsApplication

    from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs
    from wip_qgis_plugin.processing_algorithms.future_profile import report_language
    from wip_qgis_plugin.processing_algorithms.provider import ALGORITHM_CLASSES

    words = TEXTS[language]
    shutil.copytree(DOCS / language, into)
    shutil.copy(DOCS / "manual.css", into / "manual.css")
    shots = {path.stem: path.name for path in capture_screenshots(language, into / "img")}
    _with_screenshots(into / "workflow.md", shots)
    (into / "algorithms").mkdir()
    (into / "reference").mkdir()
    algorithms, catalogs = [], []
    with report_language(language):
        for name in ALGORITHM_CLASSES:
            algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"wip:{name}")
            (into / "algorithms" / f"{name}.md").write_text(algorithm_page(algorithm, language), encoding="utf-8")
            algorithms.append({algorithm.displayName(): f"algorithms/{name}.md"})
        (into / "assumptions.md").write_text(assumptions_page(language, demo_balance_assumptions()),
                                             encoding="utf-8")
        for catalog_id, path in shipped_catalogs().items():
            catalog = load_catalog(path)
            (into / "reference" / f"{catalog_id}.md").write_text(catalog_page(catalog, language), encoding="utf-8")
            catalogs.append({catalog.title_text(): f"reference/{catalog_id}.md"})
    return {"site_name": words["site"], "docs_dir": str(into), "theme": {"name": "mkdocs", "locale": language},
            "use_directory_urls": False,  # page.html files: they open from the plugin folder without a server
            "plugins": [],  # no search: its index cannot be read from file:// pages
            "markdown_extensions": ["attr_list", "md_in_html", "tables", "toc"], "extra_css": ["manual.css"],
            "nav": [{words["home"]: "index.md"}, {words["install"]: "install.md"},
                    {words["workflow"]: "workflow.md"}, {words["algorithms"]: algorithms},
                    {words["catalogs"]: "catalogs.md"}, {words["reference"]: catalogs},
                    {words["assumptions"]: "assumptions.md"}, {words["database"]: "database.md"},
                    {words["faq"]: "faq.md"}]}


def build(out: Path = HELP) -> list[Path]:
    """Build the manual of every language into ``out/<language>/`` (strict: a broken link fails); returns the
    index pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    indexes = []
    with tempfile.TemporaryDirectory() as work:
        for language in LANGUAGES:
            config = write_sources(language, Path(work) / language)
            config["site_dir"] = str(Path(work) / f"site_{language}")
            config_file = Path(work) / f"mkdocs_{language}.yml"
            config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
            mkdocs_build(load_config(str(config_file), strict=True))
            target = out / language
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(config["site_dir"], target, ignore=shutil.ignore_patterns("sitemap.xml*", "404.html"))
            indexes.append(target / "index.html")
    return indexes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HELP)
    args = parser.parse_args()
    from tools.run_demo import start_qgis

    app, _provider = start_qgis()
    for index in build(args.out):
        print(index)
    app.exitQgis()


if __name__ == "__main__":
    main()
