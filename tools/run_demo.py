"""`make demo`: run the plugin's main job headless on the embedded demo municipality Hohenmölsen.

Writes to the output folder: the demo input data, a GeoPackage with every result layer, and a QGIS project
(.qgz) with inputs and results styled and ready to open; prints a short summary.
"""

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_STEPS = (
    # (technology label, catalog id, result layer prefix)
    ("Wind", "lsa_wind", "wind"),
    ("Freiflächen-PV", "lsa_pv_freiflaeche", "pv"),
)
# per result prefix: the example Bewertungsschema and the demo layers its criteria are measured against
SITE_EVALUATION = {
    "wind": ("beispiel_wind", ["synth_umspannwerke_110kv", "synth_siedlung"], ["synth_schutzgebiete"]),
    "pv": ("beispiel_pv", ["synth_umspannwerke_110kv", "synth_autobahn"], ["synth_bergbau"]),
}


def start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from wip_qgis_plugin.processing_algorithms.provider import WipProvider

    provider = WipProvider()  # the Python object must live as long as the registry uses it
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def eligibility_inputs(catalog_id: str, demo_gpkg: Path) -> dict:
    """The demo municipality with every demo layer offered as constraint, for the catalog ``catalog_id``."""
    from qgis.core import QgsVectorLayer

    from wip_qgis_plugin.processing_algorithms.eligibility import SHIPPED_CATALOG_IDS
    from wip_qgis_plugin.qgis_io.project import demo_layer_names

    constraint_layers = [QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")
                         for name in demo_layer_names(demo_gpkg) if name.startswith("synth_")]
    return {
        "STUDY_AREA": f"{demo_gpkg}|layername=real_gemeinde",
        "STUDY_ID_FIELD": "AGS",  # the key selects the planning-region targets
        "CATALOG": SHIPPED_CATALOG_IDS.index(catalog_id),
        "CONSTRAINT_LAYERS": [layer for layer in constraint_layers if layer.isSpatial()],
        "MIN_AREA_HA": 5.0,
    }


def run_eligibility(catalog_id: str, demo_gpkg: Path, feedback):
    """The Flächenkulisse for the demo municipality."""
    import processing

    return processing.run("wip:eligibility", dict(
        eligibility_inputs(catalog_id, demo_gpkg), ELIGIBLE="TEMPORARY_OUTPUT", EXCLUDED="TEMPORARY_OUTPUT",
        SUMMARY="TEMPORARY_OUTPUT"), feedback=feedback)


def run_robustness(demo_gpkg: Path, feedback) -> tuple:
    """The wind Flächenkulisse over the variants a council asks about, and a summary line."""
    import processing

    result = processing.run("wip:eligibilityrobustness", dict(
        eligibility_inputs("lsa_wind", demo_gpkg), VARIANTS=ROBUSTNESS_VARIANTS, OUTPUT="TEMPORARY_OUTPUT",
        SUMMARY="TEMPORARY_OUTPUT"), feedback=feedback)
    rows = list(result["SUMMARY"].getFeatures())
    variants = [row for row in rows if row["kind"] == "variant"]
    everywhere = next(row["area_ha"] for row in rows
                      if row["kind"] == "robustness" and int(row["item"]) == len(variants))
    line = (f"  Robustheit über {len(variants)} Varianten: " + ", ".join(
        f"{row['item']} {row['area_ha']:.0f} ha" for row in variants) + f"; in allen geeignet {everywhere:.0f} ha")
    return result["OUTPUT"], line


def run_site_evaluation(eligible, prefix: str, demo_gpkg: Path, feedback):
    """The contiguous eligible areas scored with the technology's example Bewertungsschema: criteria, then scores."""
    import processing

    from wip_qgis_plugin.core.scoring import shipped_schemes

    def layer(name):
        return f"{demo_gpkg}|layername={name}"

    scheme, nearest, overlap = SITE_EVALUATION[prefix]
    patches = processing.run("native:dissolve", {"INPUT": eligible, "FIELD": ["area_id"],
                                                 "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)["OUTPUT"]
    criteria = processing.run("wip:sitecriteria", {
        "SITES": patches, "NEAREST_LAYERS": [layer(name) for name in nearest],
        "OVERLAP_LAYERS": [layer(name) for name in overlap], "MEAN_LAYER": layer("synth_landwirtschaft"),
        "MEAN_FIELD": "ackerzahl", "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)["OUTPUT"]
    return processing.run("wip:sitescore", {
        "SITES": criteria, "SCHEME": str(shipped_schemes()[scheme]), "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=feedback)["OUTPUT"]


def run_yield(prefix: str, sites, demo_gpkg: Path, feedback) -> dict:
    """Turbines with their energy on the scored wind areas (the existing turbines stay and keep their distance), or
    the ground-mounted PV yield of the scored PV areas."""
    import processing

    from wip_qgis_plugin.core.wind_energy import shipped_wind_defaults

    if prefix == "wind":
        # no wind atlas ships with the demo: the shipped regional default, as the dock uses it
        wind = shipped_wind_defaults()
        result = processing.run("wip:windlayout", {
            "SITES": sites, "WIND_SPEED": wind.mean_wind_ms.value, "WIND_HEIGHT": wind.reference_height_m,
            "EXISTING": f"{demo_gpkg}|layername=real_wea_bestand", "TURBINES": "TEMPORARY_OUTPUT",
            "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
        existing = sum(feature["existing_n"] for feature in result["OUTPUT"].getFeatures())
        return {"ertrag_wind_flaechen": result["OUTPUT"], "ertrag_wind_anlagen": result["TURBINES"],
                "summary": f"  Ertrag Wind: {result['TURBINE_COUNT']} Referenzanlagen (6 MW) mit "
                           f"{result['TOTAL_MW']:.0f} MW und {result['TOTAL_GWH']:.0f} GWh/a netto (nach Park- und "
                           f"elektrischen Verlusten und Abschaltungen) bei {wind.mean_wind_ms.value:g} m/s in "
                           f"{wind.reference_height_m:.0f} m, der Vorgabe für das Revier; {existing} Bestandsanlagen "
                           "in oder nahe den Flächen halten ihren Abstand"}
    result = processing.run("wip:pvyield", {"SITES": sites, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    co2 = sum(feature["co2_t_a"] or 0.0 for feature in result["OUTPUT"].getFeatures())
    return {"ertrag_pv_flaechen": result["OUTPUT"],
            "summary": f"  Ertrag Freiflächen-PV: {result['TOTAL_MWP']:.0f} MWp, {result['TOTAL_GWH']:.0f} GWh/a, "
                       f"{co2 / 1000:.1f} kt CO₂/a vermieden"}


# the demo town's targets: the wind share of Planungsregion Halle for 2027 (§ 9a LEntwG LSA), PV and commerce assumed
DEMO_AGS = "15084235"  # Hohenmölsen
# the council's questions to the wind Flächenkulisse: (variant, criterion, distance in m or "aus")
ROBUSTNESS_VARIANTS = ["Siedlung 800 m", "wohnsiedlung_abstand", "800", "Siedlung 1200 m", "wohnsiedlung_abstand",
                       "1200", "ohne Wald", "wald", "aus"]
ZONING_TARGETS = {"wind": (0, 0, 0, 5, 20), "pv": (40, 0, 0, 3, 2), "agri_pv": (0, 0, 0, 3, 1),
                  "gewerbe": (0, 0, 10, 3, 5), "wohnen": (0, 0, 0, 3, 1)}
ZONING_WIND_SHARE_PCT = 1.9


def run_zoning(steps: dict, demo_gpkg: Path, feedback) -> dict:
    """Three zoning alternatives and two near-optimal ones on the demo parcels, from the wind, PV and commerce
    Flächenkulisse, the site scores and the yields."""
    import processing

    from wip_qgis_plugin.core.zoning import USES

    commerce = run_eligibility("lsa_gewerbe", demo_gpkg, feedback)["ELIGIBLE"]
    targets = []
    for use in USES:
        targets += [use, *ZONING_TARGETS[use]]
    result = processing.run("wip:zoningalternatives", {
        "STUDY_AREA": f"{demo_gpkg}|layername=real_gemeinde", "UNITS": f"{demo_gpkg}|layername=synth_flurstuecke",
        "UNIT_ID_FIELD": "flurstueck_id", "ELIGIBLE_WIND": steps["wind"]["eligible"],
        "ELIGIBLE_PV": steps["pv"]["eligible"], "ELIGIBLE_GEWERBE": commerce, "SCORE_WIND": steps["wind"]["scored"],
        "SCORE_PV": steps["pv"]["scored"], "YIELD_WIND": steps["wind"]["yield"], "YIELD_PV": steps["pv"]["yield"],
        "FARMLAND": f"{demo_gpkg}|layername=synth_landwirtschaft", "TARGETS": targets,
        "WIND_SHARE_PCT": ZONING_WIND_SHARE_PCT, "NEAR_OPTIMAL": 2, "ALLOCATION": "TEMPORARY_OUTPUT",
        "INDICATORS": "TEMPORARY_OUTPUT", "FREQUENCY": "TEMPORARY_OUTPUT"}, feedback=feedback)
    lines = [f"Planungsvarianten auf {ZONING_WIND_SHARE_PCT} % Windfläche, 40 MWp PV und 10 ha Gewerbe "
             "(Flurstücke):"]
    for row in result["INDICATORS"].getFeatures():
        distance = f", Abstand zu den vorigen {row['distance']:.2f}" if isinstance(row["distance"], float) else ""
        lines.append(f"  {row['alternative']}. {row['name']}: Wind {row['ha_wind']:.0f} ha "
                     f"({row['wind_share_pct']:.2f} %), PV {row['ha_pv']:.0f} ha, Gewerbe {row['ha_gewerbe']:.0f} ha; "
                     f"{row['gwh_total']:.0f} GWh/a, hochwertige Böden {row['prime_ha']:.0f} ha, Eignung "
                     f"{row['mean_score']:.0f}{distance}; {row['targets_missed']} Ziel(e) verfehlt")
    return {"varianten_zuweisung": result["ALLOCATION"], "varianten_kennzahlen": result["INDICATORS"],
            "varianten_haeufigkeit": result["FREQUENCY"], "summary": lines}


def run_xplan_export(allocation, demo_gpkg: Path, out: Path, feedback) -> str:
    """The first alternative as the draft of a land-use plan amendment in XPlanGML 6.0."""
    import processing

    path = out / "fnp_aenderung_hohenmoelsen.gml"
    processing.run("wip:xplanexport", {
        "AREAS": allocation, "ALTERNATIVE": 1, "STUDY_AREA": f"{demo_gpkg}|layername=real_gemeinde",
        "MUNICIPALITY": "Hohenmölsen", "AGS": DEMO_AGS, "OUTPUT": str(path)}, feedback=feedback)
    return f"Variante 1 als XPlanGML-Entwurf (FNP-Änderung, gegen das XPlanung-6.0-Schema geprüft): {path.name}"


def run_heat_plan_export(heat: dict, demo_gpkg: Path, out: Path, feedback) -> str:
    """The heat planning as a heat plan in XWärmeplan 0.9 (decision to plan 1 March 2025, plan due 30 June 2028)."""
    import processing

    path = out / "waermeplan_hohenmoelsen.gml"
    processing.run("wip:xwaermeplanexport", {
        "AREAS": heat["waermenetz_eignung"], "STREETS": heat["waermeliniendichte_strassen"],
        "STUDY_AREA": f"{demo_gpkg}|layername=real_gemeinde", "MUNICIPALITY": "Hohenmölsen",
        "START_DECISION": "2025-03-01", "DECISION": "2028-06-30", "OUTPUT": str(path)}, feedback=feedback)
    return f"Wärmeplan als XWärmeplan 0.9 (Versorgungsgebiete, Eignungsprüfung, Baublöcke, Liniendichte): {path.name}"


def run_balance_and_profile(demo_gpkg: Path, out: Path, results_gpkg: Path, steps: dict, zoning: dict, heat: dict,
                            rooftop: dict, feedback) -> tuple[list, dict]:
    """The energy and GHG balance with the demo town's buildings, the first zoning alternative and the rooftop
    potential; the measures catalogue derived from the results and edited as a planner would; then the
    Zukunftsprofil (HTML and PDF) with the maps of every step and the measures."""
    import processing

    from wip_qgis_plugin.core.balance import transport_scope_label

    municipality = f"{demo_gpkg}|layername=real_gemeinde"
    balance = processing.run("wip:energybalance", {
        "STATISTICS": f"{demo_gpkg}|layername=real_statistik", "MUNICIPALITY": municipality,
        "HEAT_BUILDINGS": heat["waermebedarf_gebaeude_intern"], "ALLOCATION": zoning["varianten_zuweisung"],
        "ALTERNATIVE": 1, "ROOFTOP": rooftop["solarpotenzial_summen"], "BALANCE": "TEMPORARY_OUTPUT",
        "INDICATORS": "TEMPORARY_OUTPUT", "ASSUMPTIONS": "TEMPORARY_OUTPUT", "PATHS": "TEMPORARY_OUTPUT"},
        feedback=feedback)
    catalogue, measure_lines = run_measures(balance["PATHS"], results_gpkg, steps, zoning, heat, rooftop, feedback)
    html = out / "zukunftsprofil_hohenmoelsen.html"
    processing.run("wip:futureprofile", {
        "MUNICIPALITY": municipality, "BALANCE": balance["BALANCE"], "INDICATORS": balance["INDICATORS"],
        "ASSUMPTIONS": balance["ASSUMPTIONS"], "ELIGIBLE": [steps["wind"]["eligible"], steps["pv"]["eligible"]],
        "ROBUSTNESS": steps["wind"]["robustness"], "SITES": steps["wind"]["scored"],
        "ALLOCATION": zoning["varianten_zuweisung"], "ALTERNATIVE": 1,
        "ALTERNATIVE_INDICATORS": zoning["varianten_kennzahlen"], "HEAT_SUITABILITY": heat["waermenetz_eignung"],
        "TURBINES": steps["wind"]["turbines"], "MEASURES": catalogue, "PATHS": balance["PATHS"],
        "OUTPUT_HTML": str(html), "OUTPUT_PDF": str(html.with_suffix(".pdf"))}, feedback=feedback)
    rows = sorted(balance["INDICATORS"].getFeatures(), key=lambda feature: feature["year"])
    first, last = rows[0], rows[-1]
    grid = {row["year"]: row["factor_g_kwh"] for row in balance["BALANCE"].getFeatures() if row["carrier"] == "strom"}
    grid_first, grid_last = (f"{grid[row['year']]:.0f}" for row in (first, last))
    return [f"Energie- und Treibhausgasbilanz ({transport_scope_label(first['transport'])}): "
            f"{first['co2_t'] / 1000:.1f} kt CO₂e im Jahr {first['year']} ({first['co2_t_per_capita']:.1f} t je "
            f"Einwohner, {first['population']:.0f} Einwohner), {last['year']} {last['co2_t'] / 1000:.1f} kt",
            f"  davon Verkehr {first['transport_mwh'] / 1000:.1f} GWh Kraftstoffe; Strom mit dem Bundesmix "
            f"{grid_first} g CO₂e/kWh ({first['year']}, UBA) und {grid_last} g ({last['year']}, Szenario)",
            f"  Anteil erneuerbarer Energien am Verbrauch {first['renewable_share_pct']:.0f} % → "
            f"{last['renewable_share_pct']:.0f} %; bilanzielle Deckung Strom "
            f"{last['self_sufficiency_electricity_pct']:.0f} % (Variante 1)", *measure_lines,
            f"Zukunftsprofil: {html} und {html.with_suffix('.pdf').name}"], {
        "bilanz": balance["BALANCE"], "bilanz_kennzahlen": balance["INDICATORS"],
        "bilanz_annahmen": balance["ASSUMPTIONS"], "bilanz_pfade": balance["PATHS"]}


def run_measures(paths, results_gpkg: Path, steps: dict, zoning: dict, heat: dict, rooftop: dict, feedback):
    """The measures catalogue derived from the results into the results GeoPackage, then edited there as a planner
    would in the attribute table: the wind areas decided, the heat network of the centre started earlier, and a
    measure of the planner's own for the municipal buildings."""
    import processing
    from qgis.core import QgsFeature, QgsVectorLayer

    from wip_qgis_plugin.core.measures import measure_row, new_measure
    from wip_qgis_plugin.qgis_io.history import ChangeHistory

    derived = processing.run("wip:measures", {
        "PATHS": paths, "ALLOCATION": zoning["varianten_zuweisung"], "ALTERNATIVE": 1,
        "TURBINES": steps["wind"]["turbines"], "HEAT_SUITABILITY": heat["waermenetz_eignung"],
        "ROOFTOP": rooftop["solarpotenzial_summen"], "START_YEAR": 2027, "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=feedback)["OUTPUT"]
    write_layer(derived, results_gpkg, "massnahmen")
    catalogue = QgsVectorLayer(f"{results_gpkg}|layername=massnahmen", "massnahmen", "ogr")
    fields = catalogue.fields()
    history = ChangeHistory(catalogue)  # as the dock keeps every change
    catalogue.startEditing()
    for feature in catalogue.getFeatures():
        if feature["field"] == "wind":
            catalogue.changeAttributeValue(feature.id(), fields.indexOf("status"), "beschlossen")
            catalogue.changeAttributeValue(feature.id(), fields.indexOf("priority"), "hoch")
        if feature["title"] == "Wärmenetz Gebiet 1":
            catalogue.changeAttributeValue(feature.id(), fields.indexOf("start_year"), 2026)
            catalogue.changeAttributeValue(feature.id(), fields.indexOf("actor"), "stadtwerke")
    own = new_measure("M90", "kommunale_gebaeude", "Schulen, Kitas und Rathaus sanieren",
                      "Eigene Maßnahme der Verwaltung", 600.0, 600.0, 2027)
    feature = QgsFeature(fields)
    for name, value in measure_row(own).items():
        feature[name] = value
    catalogue.addFeature(feature)
    if not catalogue.commitChanges():
        raise RuntimeError(f"massnahmen: {catalogue.commitErrors()}")
    history.stop()
    return catalogue, [f"Maßnahmenkatalog: {derived.featureCount()} Maßnahmen abgeleitet, bearbeitet (Wind "
                       f"beschlossen, Wärmenetz früher, eigene Maßnahme „{own.title}“): {catalogue.featureCount()}"]


RESULT_OUTPUTS = {"flaechenkulisse_wind_robustheit": ("eligibilityrobustness", "OUTPUT"),
                  "varianten_zuweisung": ("zoningalternatives", "ALLOCATION"),
                  "varianten_haeufigkeit": ("zoningalternatives", "FREQUENCY"),
                  "ertrag_wind_flaechen": ("windlayout", "OUTPUT"), "ertrag_wind_anlagen": ("windlayout", "TURBINES"),
                  "ertrag_pv_flaechen": ("pvyield", "OUTPUT"),
                  "solarpotenzial_dachflaechen": ("rooftoppv", "ROOFS"),
                  "solarpotenzial_gebaeude": ("rooftoppv", "BUILDINGS_OUTPUT"),
                  "waermedichte_bloecke": ("heatdensity", "BLOCKS_OUTPUT"),
                  "waermeliniendichte_strassen": ("heatdensity", "STREETS_OUTPUT"),
                  "waermenetz_eignung": ("heatsuitability", "OUTPUT")}


def run_heat_planning(demo_gpkg: Path, feedback) -> dict:
    """Wärmeplanung for the demo town: demand per building, densities per 100 m cell and street, § 19 levels."""
    import processing

    def layer(name):
        return f"{demo_gpkg}|layername={name}"

    demand = processing.run("wip:heatdemand", {"BUILDINGS": layer("synth_gebaeude"), "OUTPUT": "TEMPORARY_OUTPUT"},
                            feedback=feedback)
    density = processing.run("wip:heatdensity", {
        "BUILDINGS": demand["OUTPUT"], "STREETS": layer("synth_strassen"), "INTERNAL": True,  # as the dock runs it
        "BLOCKS_OUTPUT": "TEMPORARY_OUTPUT", "STREETS_OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    suitability = processing.run("wip:heatsuitability", {
        "AREAS": density["BLOCKS_OUTPUT"], "NETWORK": layer("synth_waermenetz"), "LARGE_CONSUMERS": demand["OUTPUT"],
        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    return {"waermebedarf_gebaeude_intern": demand["OUTPUT"], "waermedichte_bloecke": density["BLOCKS_OUTPUT"],
            "waermeliniendichte_strassen": density["STREETS_OUTPUT"], "waermenetz_eignung": suitability["OUTPUT"]}


def run_rooftop(demo_gpkg: Path, out: Path, feedback) -> dict:
    """Solarpotenzial Dach from a LoD2 model generated for the demo town's buildings (the demo has no real one),
    net of the register's rooftop plants, summed for the municipality."""
    import processing
    from qgis.core import QgsVectorLayer

    from tools.lod2 import write_citygml
    from wip_qgis_plugin.qgis_io.layers import read_frame

    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=synth_gebaeude", "gebaeude", "ogr")
    frame = read_frame(buildings, buildings.crs(), None, fields=["gebaeudefunktion", "geschosse"])
    model = out / "lod2_hohenmoelsen_synthetisch.gml"
    write_citygml(model, frame.geometry.values, frame["gebaeudefunktion"], frame["geschosse"], DEMO_AGS,
                  prefix="DEST_HM")
    result = processing.run("wip:rooftoppv", {
        "LOD2": str(model), "MUNICIPALITIES": f"{demo_gpkg}|layername=real_gemeinde", "ROOFS": "TEMPORARY_OUTPUT",
        "BUILDINGS_OUTPUT": "TEMPORARY_OUTPUT", "TOTALS": "TEMPORARY_OUTPUT"}, feedback=feedback)
    row = next(result["TOTALS"].getFeatures())
    return {"solarpotenzial_dachflaechen": result["ROOFS"], "solarpotenzial_gebaeude": result["BUILDINGS_OUTPUT"],
            "solarpotenzial_summen": result["TOTALS"],
            "summary": f"Solarpotenzial Dach (LoD2, synthetisch): {row['suitable']} von {row['buildings']} Gebäuden "
                       f"geeignet, {row['mwp']:.1f} MWp, {row['gwh_a']:.1f} GWh/a"}


def heat_summary(layers: dict) -> list[str]:
    from wip_qgis_plugin.core.heat import LEVELS, SCENARIO_YEARS, level_text

    buildings = list(layers["waermebedarf_gebaeude_intern"].getFeatures())
    totals = [sum(f[field] or 0.0 for f in buildings) / 1000 for field in
              ["demand_mwh_a"] + [f"demand_{year}_mwh" for year in SCENARIO_YEARS]]
    lines = [f"Wärmeplanung: Wärmebedarf {totals[0]:.1f} GWh/a (Basisjahr), "
             + ", ".join(f"{year}: {total:.1f}" for year, total in zip(SCENARIO_YEARS, totals[1:])) + " GWh/a"]
    areas = list(layers["waermenetz_eignung"].getFeatures())
    lines.append("  Eignung für Wärmenetze (100-m-Zellen): " + "; ".join(
        f"{level_text(level)} {sum(1 for f in areas if f['level'] == level)}" for level in LEVELS)
                 + f"; verkürztes Verfahren § 14: {sum(1 for f in areas if f['shortened_14'])}")
    return lines


def write_layer(layer, gpkg: Path, name: str) -> None:
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    actions = QgsVectorFileWriter.ActionOnExistingFile
    options.actionOnExistingFile = actions.CreateOrOverwriteLayer if gpkg.exists() else actions.CreateOrOverwriteFile
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), QgsCoordinateTransformContext(),
                                                                  options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError(f"{gpkg}|{name}: {message}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "demo-output")
    args = parser.parse_args()
    app, _provider = start_qgis()
    from qgis.core import QgsProcessingFeedback, QgsProject, QgsReferencedRectangle

    from wip_qgis_plugin.core.eligibility import target_state
    from wip_qgis_plugin.qgis_io.layers import is_null
    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG, add_gpkg_layers, apply_style, result_style

    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    demo_gpkg = out / DEMO_GPKG.name
    shutil.copy(DEMO_GPKG, demo_gpkg)
    results_gpkg = out / "wip_demo_ergebnisse.gpkg"
    feedback = QgsProcessingFeedback()
    summary_lines = []
    result_names = []
    steps = {}
    for label, catalog_id, prefix in DEMO_STEPS:
        result = run_eligibility(catalog_id, demo_gpkg, feedback)
        scored = run_site_evaluation(result["ELIGIBLE"], prefix, demo_gpkg, feedback)
        write_layer(scored, results_gpkg, f"standortbewertung_{prefix}")
        result_names.append(f"standortbewertung_{prefix}")
        best = sorted((f for f in scored.getFeatures() if f["rank"]), key=lambda feature: feature["rank"])[:3]
        for key, suffix in (("SUMMARY", "bilanz"), ("EXCLUDED", "ausschluss"), ("ELIGIBLE", "geeignet")):
            name = f"flaechenkulisse_{prefix}_{suffix}"
            write_layer(result[key], results_gpkg, name)
            result_names.append(name)
        summary_lines.append(f"Flächenkulisse {label}: {result['ELIGIBLE_HA']:.1f} ha geeignet "
                             f"({result['ELIGIBLE_SHARE_PCT']:.2f} % der Gemeindefläche), "
                             f"{result['EXCLUDED_HA']:.1f} ha ausgeschlossen")
        for row in result["SUMMARY"].getFeatures():
            if row["kind"] == "target":
                reached = None if is_null(row["reached"]) else bool(row["reached"])
                state = target_state(reached) if reached is not False else \
                    f"fehlen {row['target_ha'] - row['eligible_ha']:.0f} ha"
                summary_lines.append(f"  Flächenziel {row['label']}: {row['target_ha']:.0f} ha – {state}")
        summary_lines.append(f"  Standortbewertung {label} (Beispielschema), die besten von {scored.featureCount()} "
                             "Flächen:")
        summary_lines += [f"    Fläche {f['area_id']}: {f['area_ha']:.1f} ha, Punkte {f['score']:.0f}, "
                          f"Klasse {f['class']}" for f in best]
        yields = run_yield(prefix, scored, demo_gpkg, feedback)
        summary_lines.append(yields.pop("summary"))
        for name, layer in yields.items():
            write_layer(layer, results_gpkg, name)
            result_names.append(name)
        steps[prefix] = {"eligible": result["ELIGIBLE"], "scored": scored, "yield": yields[f"ertrag_{prefix}_flaechen"],
                         "turbines": yields.get("ertrag_wind_anlagen")}
        if prefix == "wind":
            steps[prefix]["robustness"], line = run_robustness(demo_gpkg, feedback)
            summary_lines.append(line)
            write_layer(steps[prefix]["robustness"], results_gpkg, "flaechenkulisse_wind_robustheit")
            result_names.append("flaechenkulisse_wind_robustheit")

    zoning = run_zoning(steps, demo_gpkg, feedback)
    summary_lines += zoning.pop("summary")
    summary_lines.append(run_xplan_export(zoning["varianten_zuweisung"], demo_gpkg, out, feedback))
    for name, layer in zoning.items():
        write_layer(layer, results_gpkg, name)
        result_names.append(name)

    heat = run_heat_planning(demo_gpkg, feedback)
    for name, layer in heat.items():
        write_layer(layer, results_gpkg, name)
        result_names.append(name)
    summary_lines += heat_summary(heat)
    summary_lines.append(run_heat_plan_export(heat, demo_gpkg, out, feedback))

    rooftop = run_rooftop(demo_gpkg, out, feedback)
    summary_lines.append(rooftop.pop("summary"))
    for name, layer in rooftop.items():
        write_layer(layer, results_gpkg, name)
        result_names.append(name)

    balance_lines, tables = run_balance_and_profile(demo_gpkg, out, results_gpkg, steps, zoning, heat, rooftop,
                                                          feedback)
    summary_lines += balance_lines
    for name, layer in tables.items():
        write_layer(layer, results_gpkg, name)
        result_names.append(name)
    result_names += ["massnahmen", "massnahmen_historie"]

    project = QgsProject.instance()
    project.setTitle("WIP Demo – Hohenmölsen")
    add_gpkg_layers(project, demo_gpkg, "Demogemeinde Hohenmölsen (Eingangsdaten)")
    results = add_gpkg_layers(project, results_gpkg, "Ergebnisse", result_names)
    for layer in results:  # result layers share the style of their kind
        name = layer.name()
        if name.endswith(("geeignet", "ausschluss")):
            output = ("eligibility", "ELIGIBLE" if name.endswith("geeignet") else "EXCLUDED")
        elif name.startswith("standortbewertung"):
            output = ("sitescore", "OUTPUT")
        else:
            output = RESULT_OUTPUTS.get(name)
        if output:
            apply_style(layer, result_style(*output))
    # the project opens on the municipality with the main results; every other layer is there, switched off
    shown = {"real_gemeinde", "real_nachbargemeinden", "flaechenkulisse_wind_geeignet", "ertrag_wind_anlagen"}
    for node in project.layerTreeRoot().findLayers():
        node.setItemVisibilityChecked(node.layer().name() in shown)
    boundary = project.mapLayersByName("real_gemeinde")[0]
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(boundary.extent().buffered(1000),
                                                                       boundary.crs()))
    project_file = out / "wip_demo.qgz"
    if not project.write(str(project_file)):
        raise RuntimeError(f"{project_file}: {project.error()}")

    print("WIP Demo – Hohenmölsen (Burgenlandkreis)")
    for line in summary_lines:
        print("  " + line)
    print(f"  Ergebnisse: {results_gpkg}")
    print(f"  Projekt:    {project_file}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
