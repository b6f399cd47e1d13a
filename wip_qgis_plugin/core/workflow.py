"""The planning workflow shown by the Planungsassistent: its steps, the inputs each step needs, and which
layers of a project look like those inputs (matched by layer name and geometry kind)."""

import re
import unicodedata
from dataclasses import dataclass

from .i18n import tr

POLYGON, LINE, POINT, RASTER, TABLE = "polygon", "line", "point", "raster", "table"


@dataclass(frozen=True)
class StepInput:
    key: str
    label: str
    kinds: tuple[str, ...]
    hints: tuple[str, ...]
    required: bool = True
    # what a data profile says a layer holds (catalog criteria or the input keys themselves) that makes the layer
    # this input whatever its name
    criteria: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    purpose: str
    inputs: tuple[StepInput, ...]
    algorithm_ids: tuple[str, ...]  # the Processing algorithms that do the step; empty while not yet available


@dataclass(frozen=True)
class LayerInfo:
    name: str
    kind: str
    feeds: frozenset = frozenset()  # what a data profile says the layer holds (criteria, "buildings")


def normalise(text: str) -> str:
    """Lower case without umlauts or accents, so 'Gebäude' matches the hint 'gebaeude'."""
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def identifier(text: str) -> str:
    """``text`` as a name every database and field takes: lower-case ASCII words joined by "_" ("" if none)."""
    return re.sub(r"[^a-z0-9]+", "_", normalise(text)).strip("_")


def workflow() -> tuple[Step, ...]:
    """The six steps in planning order; built on call so that the texts follow the UI language."""
    study_area = StepInput("study_area", tr("Untersuchungsgebiet (Gemeindegrenze)"), (POLYGON,),
                           ("gemeinde", "untersuchungsgebiet", "grenze", "vg250", "study", "boundary"),
                           criteria=("study_area",))
    eligible = StepInput("eligible", tr("Flächenkulisse (geeignete Flächen)"), (POLYGON,),
                         ("flaechenkulisse", "geeignet", "eligible", "eignungsflaeche"))
    return (
        Step("eligibility", tr("Flächenkulisse"),
             tr("Welche Flächen kommen für Wind, Freiflächen-PV, Agri-PV oder Floating-PV in Frage, und was "
                "schließt die übrigen aus?"),
             (study_area,
              StepInput("settlement", tr("Siedlungsflächen oder Gebäude"), (POLYGON,),
                        ("siedlung", "gebaeude", "wohn", "settlement", "building"),
                        criteria=("siedlungsflaeche", "wohnsiedlung_abstand", "wohngebaeude_abstand")),
              StepInput("transport", tr("Verkehrswege (Straßen, Autobahn, Bahn)"), (LINE,),
                        ("strasse", "autobahn", "bahn", "road", "motorway", "rail"),
                        criteria=("autobahn_abstand", "bundesstrasse_anbauverbot", "landes_kreisstrasse",
                                  "bahnstrecke")),
              StepInput("protected", tr("Schutzgebiete"), (POLYGON,),
                        ("schutzgebiet", "nsg", "ffh", "lsg", "natura", "protected"),
                        criteria=("naturschutzgebiet", "natura2000", "landschaftsschutzgebiet", "naturpark",
                                  "biosphaerenreservat")),
              StepInput("landcover", tr("Wald und Gewässer"), (POLYGON,),
                        ("wald", "gewaesser", "forest", "water"), required=False, criteria=("wald", "gewaesser")),
              StepInput("mining", tr("Bergbaufolgeflächen"), (POLYGON,),
                        ("bergbau", "tagebau", "kippe", "mining"), required=False,
                        criteria=("bergbau_konversion", "bergbau_kippe", "bergbau_sperrbereich"))),
             ("wip:eligibility", "wip:eligibilityrobustness", "wip:sharefile")),
        Step("site_evaluation", tr("Standortbewertung"),
             tr("Wie gut ist jede geeignete Fläche? Mehrkriterielle Bewertung mit Gewichten und "
                "Robustheitsprüfung."),
             # the dock runs on the sites alone: a criterion whose layer is missing is shown and scored as not
             # assessed, so the criteria's layers do not hold the step back
             (eligible,
              StepInput("grid", tr("Netzanschluss (Umspannwerke, Leitungen)"), (POINT, LINE),
                        ("umspann", "substation", "leitung", "110kv", "hochspannung"), required=False,
                        criteria=("grid",))),
             ("wip:sitecriteria", "wip:sitescore", "wip:sitesensitivity")),
        Step("yield", tr("Ertrag"),
             tr("Was liefern die Flächen? PV-Leistung und -Ertrag, Windenergieanlagen-Layout und Jahresenergie."),
             (eligible,
              StepInput("turbines", tr("Bestehende Windenergieanlagen"), (POINT,),
                        ("wea", "windpower", "windenergieanlage", "turbine"), required=False,
                        criteria=("turbines",))),
             ("wip:windlayout", "wip:pvyield", "wip:rooftoppv")),
        Step("zoning", tr("Planungsvarianten"),
             tr("Welche Flächenzuweisungen erreichen die Ziele der Gemeinde? Mehrere gute, unterschiedliche "
                "Varianten."),
             (study_area,
              StepInput("units", tr("Planungseinheiten (Flurstücke)"), (POLYGON,),
                        ("flurstueck", "parcel", "planungseinheit"), required=False, criteria=("units",)),
              eligible),
             ("wip:zoningalternatives", "wip:xplanexport")),
        Step("heat", tr("Wärmeplanung"),
             tr("Wärmebedarf, Wärmedichte, Wärmeliniendichte und Eignungsstufen für Wärmenetze nach WPG."),
             (StepInput("buildings", tr("Gebäude"), (POLYGON,), ("gebaeude", "building", "hausumring"),
                        criteria=("buildings",)),
              StepInput("age_grid", tr("Baujahr (Zensus-Gitter)"), (POINT,), ("baujahr",), required=False,
                        criteria=("age_grid",)),
              StepInput("streets", tr("Straßenabschnitte"), (LINE,), ("strasse", "street", "road"),
                        criteria=("streets",)),
              StepInput("heat_network", tr("Bestehendes Wärmenetz"), (LINE,),
                        ("waermenetz", "fernwaerme", "district_heat"), required=False)),
             ("wip:heatdemand", "wip:heatdensity", "wip:heatsuitability", "wip:xwaermeplanexport")),
        Step("balance", tr("Energiebilanz und Zukunftsprofil"),
             tr("Energie- und Treibhausgasbilanz der Gemeinde bis 2045 und ein Zukunftsprofil für den "
                "Gemeinderat."),
             (study_area,
              StepInput("statistics", tr("Gemeindestatistik"), (TABLE,), ("statistik", "stats", "localzero")),
              StepInput("population_grid", tr("Einwohner (Zensus-Gitter)"), (POINT,), ("bevoelkerung", "einwohner"),
                        required=False, criteria=("population_grid",)),
              StepInput("heating_grid", tr("Heizungen (Zensus-Gitter)"), (POINT,), ("energietraeger", "heizung"),
                        required=False, criteria=("heating_grid",)),
              StepInput("generation_units", tr("Anlagen (Marktstammdatenregister)"), (POINT,),
                        ("marktstammdaten", "mastr"), required=False, criteria=("generation_units",))),
             ("wip:energybalance", "wip:measures", "wip:exportmeasures", "wip:importmeasures", "wip:futureprofile",
              "wip:regionprofiles", "wip:rerun")),
    )


def data_step() -> Step:
    """The step before the six: the planning office's own data, recognised by the data profiles. It has no
    algorithm and no number; its dock says what was found."""
    return Step("data", tr("Daten"),
                tr("Welche eigenen Daten (ALKIS, Basis-DLM, Schutzgebiete des Landes, OpenStreetMap) erkennt das "
                   "Plugin, und welchen Kriterien fehlen noch Daten?"), (), ())


def algorithm_titles() -> dict[str, str]:
    """Algorithm name (its id without the provider's ``wip:``) → its title in the toolbox, in workflow order."""
    return {"eligibility": tr("Flächenkulisse ermitteln"), "eligibilityrobustness": tr("Robustheit der Flächenkulisse"),
            "sitecriteria": tr("Standortkriterien berechnen"),
            "sitescore": tr("Standorte bewerten"), "sitesensitivity": tr("Robustheit der Rangfolge"),
            "windlayout": tr("Windenergieanlagen platzieren"), "pvyield": tr("PV-Potenzial und Ertrag"),
            "rooftoppv": tr("Solarpotenzial Dach"),
            "zoningalternatives": tr("Planungsvarianten erzeugen"), "xplanexport": tr("XPlanGML-Entwurf schreiben"),
            "heatdemand": tr("Wärmebedarf Gebäude"),
            "heatdensity": tr("Wärmedichte und Wärmeliniendichte"), "heatsuitability": tr("Eignung für Wärmenetze"),
            "xwaermeplanexport": tr("Wärmeplan als XWärmeplan schreiben"),
            "energybalance": tr("Energie- und Treibhausgasbilanz"), "measures": tr("Maßnahmenkatalog ableiten"),
            "exportmeasures": tr("Maßnahmenkatalog teilen"),
            "importmeasures": tr("Geteilte Maßnahmenkataloge einlesen"),
            "sharefile": tr("Kriterienkatalog oder Bewertungsschema teilen"),
            "futureprofile": tr("Zukunftsprofil erstellen"),
            "regionprofiles": tr("Region: alle Gemeinden"), "rerun": tr("Lauf wiederholen und vergleichen")}


def step_of(algorithm: str) -> str:
    """The key of the workflow step an algorithm (``wip:name`` or ``name``) belongs to: its toolbox group."""
    return next(step.key for step in workflow() if f"wip:{algorithm.removeprefix('wip:')}" in step.algorithm_ids)


def numbered_titles() -> dict[str, str]:
    """Step key → its title with its number in the workflow ("1. Flächenkulisse"), for the assistant and the
    toolbox groups (the toolbox sorts groups by name: the numbers keep the workflow's order)."""
    return {step.key: f"{number}. {step.title}" for number, step in enumerate(workflow(), start=1)}


def find_inputs(step: Step, layers: list[LayerInfo]) -> dict[str, list[str]]:
    """For each input of ``step`` the names of the layers that match its kind and one of its name hints, or that a
    data profile recognises as holding it, the shortest name first: "gemeinde" means real_gemeinde before
    real_nachbargemeinden."""
    return {
        step_input.key: sorted((
            layer.name for layer in layers
            if layer.kind in step_input.kinds and (any(hint in normalise(layer.name) for hint in step_input.hints)
                                                   or layer.feeds & set(step_input.criteria))
        ), key=lambda name: (len(name), name))
        for step_input in step.inputs
    }


def missing_inputs(step: Step, found: dict[str, list[str]]) -> list[StepInput]:
    """The required inputs of ``step`` for which no layer was found."""
    return [step_input for step_input in step.inputs if step_input.required and not found.get(step_input.key)]
