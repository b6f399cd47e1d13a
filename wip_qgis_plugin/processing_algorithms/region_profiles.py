"""wip:regionprofiles – Region: alle Gemeinden: the Flächenkulisse of every municipality of a district, planning
region or Land, each computed on its own (on the machine's cores or a Dask cluster, resumable), the wind-area ledger
against the Land and planning-region targets, a table of indicators per municipality, and on request each
municipality's Zukunftsprofil (wip:energybalance from the shipped municipal statistics, then wip:futureprofile)."""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ..core.catalog import HARD, load_catalog, shipped_catalog_title, shipped_catalogs, technology_of
from ..core.eligibility import ELIGIBLE_COLUMNS, ROBUSTNESS_COLUMNS
from ..core.heat import SCENARIO_YEARS, building_points
from ..core.i18n import current_translator, format_number
from ..core.lazy import lazy_module
from ..core.peers import SOURCE as STATISTICS_SOURCE
from ..core.peers import STATISTICS_FILE
from ..core.pv_yield import PvYieldError, shipped_pv_types
from ..core.region import (
    HEAT_COLUMNS,
    LEDGER_COLUMNS,
    PV_TYPE_OF_TECHNOLOGY,
    SCORE_COLUMNS,
    TURBINE_COLUMNS,
    YIELD_COLUMNS,
    HeatInputs,
    HeatSettings,
    RegionCancelled,
    RegionError,
    RegionSettings,
    ScoringLayer,
    SiteScoring,
    YieldSettings,
    dask_client,
    eligible_land,
    heat_suitability,
    indicator_table,
    municipality_areas,
    municipality_jobs,
    process_pool,
    robust_land,
    run_municipality,
    run_region,
    wind_ledger,
    wind_turbines,
)
from ..core.report import USE_COLOURS
from ..core.scoring import ScoringError, load_scheme, shipped_schemes, suggest_role_field, suggest_role_layers
from ..core.site_criteria import MEAN
from ..core.wind_energy import (
    DEFAULT_TURBINE_ID,
    TURBINES_FILE,
    Losses,
    WindError,
    load_turbine_types,
    parameter_defaults,
    shipped_wind_defaults,
    turbine_labels,
)
from ..core.workflow import identifier
from ..i18n import qm_file
from ..qgis_io.atlas import AtlasError, export_atlas, region_atlas
from ..qgis_io.compat import (
    FIELD_NUMERIC,
    FILE_BEHAVIOR_FOLDER,
    FLAG_ADVANCED,
    FLAG_HIDDEN,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_ANY_GEOMETRY,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_POINT,
)
from ..qgis_io.layers import frame_layer, read_frame
from ..qgis_io.maps import categorized, outline_copy
from ..qgis_io.project import NAME_FIELDS, apply_style, describe_layer, result_style
from ..qgis_io.rasters import raster_window
from ..qgis_io.results import geopackage_tables, kept_layer, write_table
from ..worker_language import InLanguage
from .base import numbers
from .eligibility import SHIPPED_CATALOG_IDS, EligibilityAlgorithm
from .guards import discard, move_into_place, staging_file
from .heat_density import STREETS_INPUT

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

MAX_WORKERS = 64
ATLAS_TABLE = "atlas_ebene_"  # the tables of the atlas project's GeoPackage
TECHNOLOGY_COLOURS = {"wind": USE_COLOURS["wind"], "pv_ground": USE_COLOURS["pv"], "agri_pv": USE_COLOURS["agri_pv"],
                      "floating_pv": "#17becf", "commerce": USE_COLOURS["gewerbe"]}


class RegionProfilesAlgorithm(EligibilityAlgorithm):
    algorithm_id = "regionprofiles"

    NAME_FIELD = "NAME_FIELD"
    TECHNOLOGIES = "TECHNOLOGIES"
    DESIGNATED = "DESIGNATED"
    YIELDS = "YIELDS"
    TURBINE_TYPE = "TURBINE_TYPE"
    WIND_SPEED = "WIND_SPEED"
    WIND_FIELD = "WIND_FIELD"
    WIND_RASTER = "WIND_RASTER"
    SCORING = "SCORING"
    SCHEME_WIND = "SCHEME_WIND"
    SCHEME_PV = "SCHEME_PV"
    HEAT_BUILDINGS = "HEAT_BUILDINGS"
    STREETS = "STREETS"
    HEAT_NETWORK = "HEAT_NETWORK"
    WASTE_HEAT = "WASTE_HEAT"
    BASE_YEAR = "BASE_YEAR"
    WORKERS = "WORKERS"
    DASK_SCHEDULER = "DASK_SCHEDULER"
    RUN_FOLDER = "RUN_FOLDER"
    RERUN_WITHOUT = (RUN_FOLDER,)  # a repetition computes every municipality anew
    LEDGER = "LEDGER"
    INDICATORS = "INDICATORS"
    TURBINES = "TURBINES"
    HEAT_SUITABILITY = "HEAT_SUITABILITY"
    ROBUSTNESS = "ROBUSTNESS"
    PROFILES = "PROFILES"
    ATLAS = "ATLAS"
    ATLAS_PROJECT = "ATLAS_PROJECT"
    ATLAS_TEMPLATE = "ATLAS_TEMPLATE"
    LOGO = "LOGO"

    def shortHelpString(self):
        return self.tr(
            "Die Flächenkulisse aller Gemeinden einer Region (Landkreis, Planungsregion oder Land) in einem Lauf, "
            "jede Gemeinde für sich: mit den Objekten jedes Kriteriums bis zu seinem Abstand um die Gemeinde, so "
            "dass Siedlungen der Nachbargemeinden ihre Abstände behalten. Ein eigener Kriterienkatalog ersetzt den "
            "mitgelieferten seiner Technologie.\n\n"
            "Ergebnisse: die geeigneten Flächen je Gemeinde und Technologie; die Windflächenbilanz (geeignete, "
            "ausgewiesene und noch offene Fläche je Gemeinde mit Rang, und je Flächenziel nach WindBG und "
            "LEntwG LSA der Anteil der Gemeinden des Laufs am Ziel, die Lücke nach den ausgewiesenen Gebieten und "
            "ob die geeignete Fläche sie schließen kann); die Kennzahlen je Gemeinde mit ihrem Stand heute aus der "
            "Gemeindestatistik.\n\n"
            "Erträge (abschaltbar): auf jeder geeigneten Windfläche ein Windpark wie bei „Windenergieanlagen "
            "platzieren“ (der gewählte Anlagentyp in der Nabenhöhe der Abstände, 5 × 3 Rotordurchmesser, "
            "Hauptwindrichtung Südwest, Rotor außerhalb zulässig, Verluste aus resources/yield/wind_defaults.json) "
            "mit der Windgeschwindigkeit der Zelle eines Windrasters unter jeder Anlage, sonst der eigenen jeder "
            "Gemeinde aus einem Feld (etwa die Zonenstatistik eines Windatlas) oder einer für die Region; auf den "
            "PV-Flächen die Anlagen des Typs ihrer Technologie "
            "wie bei „PV-Potenzial und Ertrag“ (Freiflächen-PV, Agri-PV Kategorie I, Floating-PV bis zur "
            "Belegungsgrenze). Anlagen, MW und GWh/a stehen je Fläche, je Gemeinde in den Kennzahlen und im Atlas, "
            "die Anlagen als eigene Ebene; im Zukunftsprofil gehen sie als Ertrag in die Bilanz ein.\n\n"
            "Standortbewertung (abschaltbar): jede geeignete Fläche erhält score (0–100), score_rank (1 = beste der "
            "Gemeinde) und score_class (A/B/C) wie bei „Standortkriterien berechnen“ und dann „Standorte bewerten“, "
            "mit dem Beispielschema Wind bzw. PV oder einem eigenen; jede Rolle des Schemas (etwa Umspannwerk, "
            "Siedlung, Schutzgebiete, Ackerzahl) nimmt die passende Restriktionsebene, eine Rolle ohne Ebene folgt "
            "der Regel des Schemas für fehlende Werte. Die Kennzahlen nennen je Technologie den besten score und "
            "die Fläche der Klasse A.\n\n"
            "Wärmeplanung (mit Gebäuden aus „Wärmebedarf Gebäude“): jedes Gebäude zählt mit seinem Bedarf zu der "
            "Gemeinde, in der sein Punkt liegt, jede Rasterzelle mit allen ihren Gebäuden zu der, in der ihr "
            "Mittelpunkt liegt; je Gemeinde Rasterzellen von 100 m mit Wärmedichte und Wärmeliniendichte (zu den "
            "Straßenabschnitten bis 100 m) wie bei „Wärmedichte und Wärmeliniendichte“ und ihre Eignungsstufe für "
            "Wärmenetze nach § 19 WPG wie bei „Eignung für Wärmenetze“ (mit bestehendem Wärmenetz und "
            "Abwärmequellen, Großverbraucher ab 500 MWh/a aus denselben Gebäuden, die vorgegebenen Schwellen). Zellen "
            "mit weniger als fünf Gebäuden zeigen keine Werte (§ 10 Abs. 2 WPG). Die Kennzahlen nennen den "
            "Wärmebedarf der Gebäude, die Fläche der Stufen 1–2 und den Anteil des Bedarfs darin; im Zukunftsprofil "
            "gehen die Gebäude in die Bilanz ein und die Eignung als Karte.\n\n"
            "Die Gemeinden werden parallel auf den Kernen dieses Rechners berechnet oder, mit der Adresse eines "
            "Dask-Schedulers, auf dessen Workern. Mit einem Arbeitsordner setzt ein abgebrochener Lauf dort fort, "
            "wo er stand: fertige Gemeinden werden übernommen, Gemeinden mit geänderten Daten oder Einstellungen "
            "neu berechnet. Eine Gemeinde, die scheitert, wird mit ihrem Fehler genannt; die anderen laufen weiter.\n\n"
            "Mit einem Ordner für die Zukunftsprofile schreibt der Lauf danach für jede Gemeinde, die die "
            "mitgelieferte Gemeindestatistik kennt, ihr Zukunftsprofil (HTML): die Energie- und Treibhausgasbilanz "
            "aus der Statistik, der Vergleich mit ähnlichen Gemeinden und die Karten ihrer Flächenkulissen. Mit "
            "einer Variantentabelle (wie bei „Robustheit der Flächenkulisse“) kommt die Robustheit der Windflächen "
            "jeder Gemeinde über die Varianten hinzu, als Ebene und als Karte im Profil.\n\n"
            "Der Atlas der Region ist ein QGIS-Drucklayout mit einer Seite je Gemeinde: Karte mit Maßstab, Nordpfeil "
            "und Legende, die Kennzahlen und die Quellen; als ein PDF für die Region und, mit dem Ordner der "
            "Zukunftsprofile, als ein PDF je Gemeinde. Eine eigene Layoutvorlage (.qpt) und ein Logo lassen sich "
            "angeben; als QGIS-Projekt (seine Ebenen daneben im GeoPackage gleichen Namens) lässt sich der Atlas im "
            "Layout-Designer bearbeiten.")

    def initAlgorithm(self, config=None):
        self.add_inputs()
        self.parameterDefinition(self.STUDY_AREA).setDescription(self.tr("Gemeinden (z. B. VG250 Gemeinden)"))
        self.parameterDefinition(self.STUDY_ID_FIELD).setDescription(self.tr("Gemeindeschlüssel (AGS)"))
        catalog = self.parameterDefinition(self.CATALOG)  # one catalog per technology, chosen below
        catalog.setFlags(catalog.flags() | FLAG_HIDDEN)
        self.parameterDefinition(self.CATALOG_FILE).setDescription(self.tr(
            "Eigener Kriterienkatalog statt des mitgelieferten (JSON)"))
        # the dialog shows the parameters in the order they were added: the name and the catalogs after the key
        shared = [parameter.clone() for parameter in self.parameterDefinitions()
                  if parameter.name() not in (self.STUDY_AREA, self.STUDY_ID_FIELD)]
        for parameter in shared:
            self.removeParameter(parameter.name())
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Gemeindename"), parentLayerParameterName=self.STUDY_AREA, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TECHNOLOGIES, self.tr("Kriterienkataloge"),
            options=[shipped_catalog_title(catalog_id) for catalog_id in SHIPPED_CATALOG_IDS], allowMultiple=True,
            defaultValue=[0, 1], optional=True))  # optional for Processing: none chosen gets the message below
        for parameter in shared:
            self.addParameter(parameter)
        self.add_variants()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DESIGNATED, self.tr("Ausgewiesene Windenergiegebiete (Regionalplan, FNP)"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.YIELDS, self.tr("Erträge je Gemeinde berechnen"),
            defaultValue=True))
        labels = turbine_labels()
        self.addParameter(QgsProcessingParameterEnum(
            self.TURBINE_TYPE, self.tr("Anlagentyp der Windparks (Nabenhöhe wie oben)"), options=list(labels.values()),
            defaultValue=list(labels).index(DEFAULT_TURBINE_ID)))
        defaults = parameter_defaults()
        self.addParameter(QgsProcessingParameterNumber(
            self.WIND_SPEED, self.tr("Mittlere Windgeschwindigkeit in {height:g} m (m/s)").format(
                height=defaults.reference_height_m if defaults else 150.0),
            NUMBER_DOUBLE, defaults.mean_wind_ms.value if defaults else 5.8, False, 1.0, 20.0))
        self.addParameter(QgsProcessingParameterField(
            self.WIND_FIELD, self.tr("Eigene Windgeschwindigkeit je Gemeinde (Feld, m/s)"),
            parentLayerParameterName=self.STUDY_AREA,
            type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.WIND_RASTER, self.tr("Windgeschwindigkeit als Raster (m/s, vor Feld und Wert)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SCORING, self.tr("Geeignete Flächen bewerten (Schema je Technologie)"), defaultValue=True))
        for name, label in ((self.SCHEME_WIND, self.tr("Eigenes Bewertungsschema Wind (JSON; leer: Beispielschema)")),
                            (self.SCHEME_PV, self.tr("Eigenes Bewertungsschema PV (JSON; leer: Beispielschema)"))):
            scheme = QgsProcessingParameterFile(name, label, extension="json", optional=True)
            scheme.setFlags(scheme.flags() | FLAG_ADVANCED)
            self.addParameter(scheme)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEAT_BUILDINGS, self.tr("Gebäude mit Wärmebedarf (aus „Wärmebedarf Gebäude“)"), [SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STREETS, self.tr("Straßenabschnitte (für die Wärmeliniendichte)"), [SOURCE_LINE], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEAT_NETWORK, self.tr("Bestehendes Wärmenetz"), [SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.WASTE_HEAT, self.tr("Abwärmequellen"), [SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, self.tr("Basisjahr der Kennzahlen aus der Gemeindestatistik"), NUMBER_INTEGER, 2024,
            False, 2000, 2044))
        workers = QgsProcessingParameterNumber(
            self.WORKERS, self.tr("Parallele Prozesse (0: alle Kerne, 1: nacheinander)"), NUMBER_INTEGER, 0, False,
            0, MAX_WORKERS)
        scheduler = QgsProcessingParameterString(
            self.DASK_SCHEDULER, self.tr("Dask-Scheduler (Adresse, z. B. tcp://rechner:8786; leer: dieser Rechner)"),
            optional=True)
        folder = QgsProcessingParameterFile(
            self.RUN_FOLDER, self.tr("Arbeitsordner zum Fortsetzen (leer: kein Fortsetzen)"),
            behavior=FILE_BEHAVIOR_FOLDER, optional=True)
        for parameter in (workers, scheduler, folder):
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ELIGIBLE, self.tr("Geeignete Flächen aller Gemeinden"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.LEDGER, self.tr("Windflächenbilanz der Region"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INDICATORS, self.tr("Kennzahlen je Gemeinde"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TURBINES, self.tr("Windenergieanlagen aller Gemeinden (mit Erträgen)"), SOURCE_POINT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.HEAT_SUITABILITY, self.tr("Eignung für Wärmenetze aller Gemeinden"), SOURCE_POLYGON,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ROBUSTNESS, self.tr("Robustheit der Windflächen aller Gemeinden"), SOURCE_POLYGON,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.PROFILES, self.tr("Zukunftsprofile der Gemeinden (Ordner; leer: keine)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.ATLAS, self.tr("Atlas der Region (PDF, eine Seite je Gemeinde)"),
            self.tr("PDF-Dateien (*.pdf)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.ATLAS_PROJECT, self.tr("Atlas als QGIS-Projekt für den Layout-Designer (.qgz)"),
            self.tr("QGIS-Projekte (*.qgz)"), optional=True, createByDefault=False))
        template = QgsProcessingParameterFile(
            self.ATLAS_TEMPLATE, self.tr("Eigene Layoutvorlage für den Atlas (.qpt)"), extension="qpt", optional=True)
        logo = QgsProcessingParameterFile(self.LOGO, self.tr("Logo für den Atlas (SVG, PNG oder JPEG)"),
                                          optional=True)
        for parameter in (template, logo):
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
            self.addParameter(parameter)
        self.addOutput(QgsProcessingOutputNumber("COMPUTED", self.tr("Berechnete Gemeinden")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", self.tr("Gescheiterte Gemeinden")))

    def _catalogs(self, parameters, context) -> list:
        """The chosen shipped catalogs, the planner's own in place of the shipped one of its technology."""
        chosen = [load_catalog(shipped_catalogs()[SHIPPED_CATALOG_IDS[index]])
                  for index in sorted(set(self.parameterAsEnums(parameters, self.TECHNOLOGIES, context)))]
        if self.parameterAsFile(parameters, self.CATALOG_FILE, context):
            own = self._catalog(parameters, context)
            shipped = [catalog.technology for catalog in chosen]
            if own.technology in shipped:
                chosen[shipped.index(own.technology)] = own
            else:
                chosen.append(own)
        if not chosen:
            raise QgsProcessingException(self.tr("Bitte mindestens einen Kriterienkatalog wählen."))
        return chosen

    def process(self, parameters, context, feedback):
        catalogs = self._catalogs(parameters, context)
        overrides = self.distance_overrides(catalogs, parameters, context)
        variants = self._wind_variants(catalogs, overrides, parameters, context)
        constraints, cache, inputs = {}, {}, None
        for catalog in catalogs:
            inputs = self.read_inputs(parameters, context, feedback, catalog, {
                criterion_id: metres for criterion_id, metres in overrides.items()
                if criterion_id in catalog.criterion_ids()}, cache, variants if catalog.technology == "wind" else ())
            if inputs is None:
                return {}
            constraints[catalog.id] = inputs.constraints
        source = self.parameterAsSource(parameters, self.STUDY_AREA, context)
        key_field = inputs.id_field or self.chosen_field(parameters, self.STUDY_ID_FIELD, source, context, feedback,
                                                         ("ags",))
        name_field = self.chosen_field(parameters, self.NAME_FIELD, source, context, feedback, NAME_FIELDS)
        wind_field = self.parameterAsString(parameters, self.WIND_FIELD, context) or None
        municipalities = self.read_input(parameters, self.STUDY_AREA, context, feedback, inputs.crs,
                                         list(dict.fromkeys(field for field in (key_field, name_field, wind_field)
                                                            if field)))
        designated = (self.read_input(parameters, self.DESIGNATED, context, feedback, inputs.crs, [])
                      if self.parameterAsSource(parameters, self.DESIGNATED, context) is not None else None)
        settings = RegionSettings(
            tuple(catalogs), inputs.turbine, tuple(overrides.items()),
            self.parameterAsDouble(parameters, self.MIN_AREA_HA, context),
            self.parameterAsBool(parameters, self.SOFT_EXCLUDES, context),
            self.parameterAsInt(parameters, self.BASE_YEAR, context), variants,
            self._yields(inputs.turbine, parameters, context, feedback))
        scoring, scoring_layers = self._scoring(catalogs, inputs, parameters, context, feedback)
        settings = replace(settings, scoring=scoring)
        buildings = self._heat_buildings(parameters, context, feedback, inputs.crs)
        heat = self._heat_inputs(buildings, parameters, context, feedback, inputs.crs) if buildings is not None \
            else None
        if heat is not None:
            settings = replace(settings, heat=HeatSettings(with_streets=bool(len(heat.sections))))
        # the profiles are made as their municipalities finish, aside until the run is complete
        with _aside(bool(self.parameterAsString(parameters, self.PROFILES, context))) as staging:
            try:
                jobs = municipality_jobs(municipalities, key_field, name_field, constraints, settings, designated,
                                         wind_field if settings.yields is not None else None, heat,
                                         scoring_layers)
                if settings.yields is not None:
                    self._wind_rasters(jobs, inputs.crs, parameters, context, feedback)
                profile = partial(self._profile, settings=settings, buildings=buildings, crs=inputs.crs,
                                  statistics=QgsVectorLayer(str(STATISTICS_FILE), "gemeindestatistik", "ogr"),
                                  staging=staging, context=context, feedback=feedback) if staging else None
                results = self._run(jobs, settings, parameters, context, feedback, profile)
            except RegionError as error:
                raise QgsProcessingException(str(error)) from error
            except RegionCancelled:
                return {}
            for message in dict.fromkeys(message for result in results for message in result.messages):
                feedback.pushInfo(message)  # once, not per municipality
            without = [result.name for result in results if heat is not None and result.heat_mwh_a is None
                       and result.error is None]
            if without:  # on the Land, buildings for a few districts leave hundreds of municipalities without
                feedback.pushInfo(self.tr("Keine Gebäude mit Wärmebedarf in {count} Gemeinde(n); ihr Wärmebedarf "
                                          "folgt der Gemeindestatistik: {names}").format(count=len(without),
                                                                                         names=", ".join(without)))
            wind = next((catalog for catalog in catalogs if catalog.technology == "wind"), None)
            ledger = pd.DataFrame(columns=LEDGER_COLUMNS) if wind is None else wind_ledger(results, wind.id, [
                criterion.label_text() for criterion in wind.criteria
                if criterion.type == HARD and criterion.id not in constraints[wind.id]])
            eligible, robust, turbines = eligible_land(results, settings), robust_land(results), wind_turbines(results)
            cells = heat_suitability(results)

            def or_empty(frame, columns):
                return frame if frame is not None else gpd.GeoDataFrame(
                    pd.DataFrame(columns=columns + ["geometry"]), geometry="geometry", crs=inputs.study.crs)

            indicators = indicator_table(results, settings)
            yield_columns = YIELD_COLUMNS if settings.yields is not None else []
            score_columns = SCORE_COLUMNS if settings.scoring else []
            frames = [(self.ELIGIBLE, or_empty(eligible, ELIGIBLE_COLUMNS + yield_columns + score_columns + ["name"])),
                      (self.LEDGER, ledger), (self.INDICATORS, indicators)]
            if settings.yields is not None and self.parameterAsOutputLayer(parameters, self.TURBINES, context):
                frames.append((self.TURBINES, or_empty(turbines, TURBINE_COLUMNS)))
            if heat is not None and self.parameterAsOutputLayer(parameters, self.HEAT_SUITABILITY, context):
                frames.append((self.HEAT_SUITABILITY, or_empty(cells, HEAT_COLUMNS)))
            if self.parameterAsOutputLayer(parameters, self.ROBUSTNESS, context):
                frames.append((self.ROBUSTNESS, or_empty(robust, ROBUSTNESS_COLUMNS + ["name"])))
            outputs = self.write_frames(parameters, context, feedback, inputs.crs, frames, points=(self.TURBINES,))
            outputs["COMPUTED"] = sum(result.ok for result in results)
            outputs["FAILED"] = len(results) - outputs["COMPUTED"]
            if feedback.isCanceled():
                return {}
            return {**outputs, **self._documents(jobs, results, settings, (ledger, indicators),
                                                 (eligible, robust, designated, turbines, cells), staging, inputs.crs,
                                                 parameters, context, feedback)}

    def _yields(self, geometry, parameters, context, feedback) -> YieldSettings | None:
        """How the eligible land becomes plants and energy (None when the planner turned it off): the chosen turbine
        type at the hub height the distances use, the shipped park losses and PV plant types."""
        if not self.parameterAsBool(parameters, self.YIELDS, context):
            return None
        try:
            types = load_turbine_types(TURBINES_FILE)
            turbine = replace(list(types.values())[self.parameterAsEnum(parameters, self.TURBINE_TYPE, context)],
                              hub_m=geometry.hub_height)
            defaults, pv = shipped_wind_defaults(), shipped_pv_types()
        except (WindError, PvYieldError) as error:
            raise QgsProcessingException(str(error)) from error
        if abs(turbine.rotor_m - geometry.rotor_diameter) > 0.5:
            feedback.pushWarning(self.tr(
                "Die Abstände gelten für {distances:g} m Rotordurchmesser, die Erträge für den Anlagentyp {type} mit "
                "{rotor:g} m.").format(distances=geometry.rotor_diameter, type=turbine.label, rotor=turbine.rotor_m))
        return YieldSettings(
            turbine, self.parameterAsDouble(parameters, self.WIND_SPEED, context), defaults.reference_height_m,
            Losses(defaults.wake_loss_pct.value, defaults.availability_pct.value, defaults.electrical_loss_pct.value,
                   defaults.curtailment_pct.value), defaults.foundation_inset_m.value,
            tuple((technology, pv.types[type_id]) for technology, type_id in PV_TYPE_OF_TECHNOLOGY.items()),
            pv.co2_factor_g_kwh.value)

    def _scoring(self, catalogs, inputs, parameters, context, feedback) -> tuple[tuple, dict]:
        """How each catalog's eligible pieces are scored ((catalog id, SiteScoring) for the run's settings) and, per
        catalog, the region's layer of each criterion (None for a criterion without one): the wind scheme for wind,
        the PV scheme for the PV catalogs, each role played by the constraint layer that fits it; none when the
        planner turned scoring off."""
        if not self.parameterAsBool(parameters, self.SCORING, context):
            return (), {}
        layers = self.parameterAsLayerList(parameters, self.CONSTRAINT_LAYERS, context)
        descriptions = [describe_layer(layer, layer.id()) for layer in layers]
        study = shapely.envelope(shapely.union_all(np.asarray(inputs.study.geometry.values, dtype=object)))
        scoring, layers_of = [], {}
        for catalog in catalogs:
            kind = "wind" if catalog.technology == "wind" else "pv" if catalog.technology in PV_TYPE_OF_TECHNOLOGY \
                else None
            if kind is None:
                continue
            own = self.parameterAsFile(parameters, self.SCHEME_WIND if kind == "wind" else self.SCHEME_PV, context)
            try:
                scheme = load_scheme(Path(own) if own else shipped_schemes()[f"beispiel_{kind}"])
                weights, _ahp = scheme.weights()
            except ScoringError as error:
                raise QgsProcessingException(str(error)) from error
            fields = [criterion.field for criterion in scheme.criteria if criterion.role is None]
            if fields:
                raise QgsProcessingException(self.tr(
                    "Das Bewertungsschema „{title}“ bewertet Felder von Standorten ({fields}); im Lauf über die Region "
                    "haben die Flächen nur Rollen (Abstand, Anteil, Mittel, Fläche, Kompaktheit).").format(
                    title=scheme.title or own, fields=", ".join(fields)))
            chosen = []
            for criterion in scheme.criteria:
                keys = suggest_role_layers(criterion.role, descriptions) if criterion.role.needs_layer else []
                layer = next((layer for layer in layers if layer.id() == keys[0]), None) if keys else None
                field = suggest_role_field(criterion.role, layer.fields().names()) if layer is not None and \
                    criterion.role.measure == MEAN else None
                chosen.append((layer, field))
                if criterion.role.needs_layer and layer is None:
                    feedback.pushWarning(self.tr("{catalog}: „{label}“ nicht bewertet, keine Restriktionsebene passt; "
                                                 "es gilt die Regel für fehlende Werte „{policy}“.").format(
                        catalog=technology_of(catalog.title_text()), label=criterion.label, policy=scheme.missing))
                elif layer is not None:
                    feedback.pushInfo(self.tr("{catalog}: „{label}“ aus „{layer}“").format(
                        catalog=technology_of(catalog.title_text()), label=criterion.label,
                        layer=layer.name() + (f" ({field})" if field else "")))
            scoring.append((catalog.id, SiteScoring(scheme, tuple(float(weight) for weight in weights))))
            layers_of[catalog.id] = [
                self._scoring_layer(layer, field, scoring[-1][1].reach_m(number), study, inputs.crs, context, feedback)
                if layer is not None else None for number, (layer, field) in enumerate(chosen)]
        return tuple(scoring), layers_of

    def _scoring_layer(self, layer, field, reach, study, crs, context, feedback) -> ScoringLayer:
        """The features of ``layer`` that can change a score in the region (the box ``study``): within ``reach``
        of it for a distance, on it otherwise (with the values of ``field`` for a mean)."""
        box = QgsRectangle(*shapely.bounds(shapely.buffer(study, reach or 0.0, join_style="mitre")))
        if layer.crs().isValid() and layer.crs() != crs:
            box = QgsCoordinateTransform(crs, layer.crs(), context.transformContext()).transformBoundingBox(box)
        frame = read_frame(layer, crs, context, feedback, fields=[field] if field else [], extent=box)
        return ScoringLayer(np.asarray(frame.geometry.values, dtype=object),
                            frame[field].astype(float).to_numpy() if field else None, layer.featureCount() != 0)

    def _heat_buildings(self, parameters, context, feedback, crs):
        """The buildings of ``wip:heatdemand`` (its demand, use and scenario fields, in ``crs``), None without."""
        source = self.parameterAsSource(parameters, self.HEAT_BUILDINGS, context)
        if source is None:
            for name in (self.STREETS, self.HEAT_NETWORK, self.WASTE_HEAT):
                if self.parameterAsSource(parameters, name, context) is not None:
                    feedback.pushWarning(self.tr("„{input}“ gilt nur mit Gebäuden mit Wärmebedarf; ohne sie bleibt "
                                                 "es unbeachtet.").format(
                        input=self.parameterDefinition(name).description()))
            return None
        fields = ["demand_mwh_a", "use"] + [f"demand_{year}_mwh" for year in SCENARIO_YEARS]
        missing = [name for name in fields if name not in source.fields().names()]
        if missing:
            raise QgsProcessingException(self.tr("Den Gebäuden fehlen die Felder {fields} von „Wärmebedarf "
                                                 "Gebäude“; bitte zuerst diesen Schritt ausführen.").format(
                fields=", ".join(missing)))
        buildings = self.read_input(parameters, self.HEAT_BUILDINGS, context, feedback, crs, fields)
        if buildings.empty:
            raise QgsProcessingException(self.tr("Die Gebäudeebene enthält keine Objekte."))
        return buildings

    def _heat_inputs(self, buildings, parameters, context, feedback, crs) -> HeatInputs:
        """The buildings as points with their demand, and the street sections, heat network and waste heat."""
        points, demand = building_points(buildings.geometry.values,
                                         numbers(buildings, "demand_mwh_a", self.tr("Wärmebedarf"), 0))

        def geometries(name, input_key=None):
            if self.parameterAsSource(parameters, name, context) is None:
                return np.empty(0, dtype=object)
            frame = self.input_frame(parameters, name, context, feedback, input_key, crs) if input_key else \
                self.read_input(parameters, name, context, feedback, crs, fields=[])
            return np.asarray(frame.geometry.values, dtype=object)

        sections = geometries(self.STREETS, STREETS_INPUT)
        if not len(sections):
            feedback.pushInfo(self.tr("Ohne Straßenabschnitte keine Wärmeliniendichte: die Eignung für Wärmenetze "
                                      "folgt allein aus der Wärmedichte."))
        return HeatInputs(points, demand, sections, geometries(self.HEAT_NETWORK),
                          geometries(self.WASTE_HEAT))

    def _wind_rasters(self, jobs, crs, parameters, context, feedback) -> None:
        """Each municipality's cells of the wind speed raster, when one is given (workers read no QGIS layers); a
        raster without a CRS is taken to be in the working CRS ``crs``."""
        raster = self.parameterAsRasterLayer(parameters, self.WIND_RASTER, context)
        if raster is None:
            return
        feedback.pushInfo(self.tr("Windgeschwindigkeit aus dem Raster „{name}“.").format(name=raster.name()))
        transform = QgsCoordinateTransform(crs, raster.crs() if raster.crs().isValid() else crs,
                                           context.transformContext())
        for job in jobs:
            box = transform.transformBoundingBox(QgsRectangle(*job.area.total_bounds))
            window = raster_window(raster, (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
            job.wind_raster = window if raster.crs().isValid() else replace(window, crs=crs.toWkt())
            if not window.grid.size:
                feedback.pushWarning(self.tr("{name}: das Windraster reicht nicht bis zu dieser Gemeinde; ihre "
                                             "Windparks bleiben ohne Ertrag.").format(name=job.name))

    def _documents(self, jobs, results, settings, tables, lands, staging: Path | None, crs, parameters, context,
                   feedback) -> dict:
        """The profiles (made aside in ``staging`` during the run) and the atlas asked for, moved in when all are
        done: output → path."""
        folder = self.parameterAsString(parameters, self.PROFILES, context)
        atlas_pdf = self.parameterAsFileOutput(parameters, self.ATLAS, context)
        left_out = [result.name for result in results if result.ok and result.figures is None]
        if folder and left_out:
            feedback.pushInfo(self.tr("Kein Zukunftsprofil (nicht in der Gemeindestatistik): {names}").format(
                names=", ".join(left_out)))
        staged_atlas = staging_file(atlas_pdf) if atlas_pdf else None
        project_file = self.parameterAsFileOutput(parameters, self.ATLAS_PROJECT, context)
        staged_project = None
        if project_file:
            if not atlas_pdf:
                raise QgsProcessingException(self.tr("Das Atlas-Projekt braucht den Atlas der Region (PDF)."))
            self._check_layers_file(Path(project_file).with_suffix(".gpkg"))
            staged_project = Path(tempfile.mkdtemp(prefix="wip_atlas_", dir=QgsProcessingUtils.tempFolder())) / \
                Path(project_file).with_suffix(".qgz").name
        if staged_atlas:
            try:
                self._atlas(jobs, settings, tables, lands, crs, staged_atlas, str(staging) if staging else None,
                            staged_project, parameters, context)
            except AtlasError as error:
                discard(staged_atlas)
                raise QgsProcessingException(str(error)) from error
        written = {}
        if staged_project:
            final = Path(project_file).with_suffix(".qgz")
            for path in (staged_project, staged_project.with_suffix(".gpkg")):
                shutil.move(str(path), str(final.with_suffix(path.suffix)))
            written[self.ATLAS_PROJECT] = str(final)
        if staging:
            Path(folder).mkdir(parents=True, exist_ok=True)
            for path in sorted(staging.iterdir()):
                shutil.move(str(path), os.path.join(folder, path.name))
            written[self.PROFILES] = folder
        if staged_atlas:
            move_into_place(staged_atlas, atlas_pdf)
            written[self.ATLAS] = atlas_pdf
        return written

    def _check_layers_file(self, path: Path) -> None:
        """The atlas project's GeoPackage may replace only an earlier one of its kind, never other data."""
        try:
            foreign = [table for table in geopackage_tables(path) if not table.startswith(ATLAS_TABLE)]
        except OSError:
            foreign = [path.name]
        if foreign:
            raise QgsProcessingException(self.tr("{file} gibt es schon mit anderen Daten ({tables}); bitte einen "
                                                 "anderen Namen für das Atlas-Projekt wählen.").format(
                file=path.name, tables=", ".join(foreign[:5])))

    def _atlas(self, jobs, settings, tables, lands, crs, region_pdf: str, folder: str | None,
               project_file: Path | None, parameters, context) -> None:
        """The atlas over the municipalities, to ``region_pdf`` and one PDF per municipality into ``folder``; with
        ``project_file`` also a QGIS project holding the layout and its layers (in the GeoPackage of the same name)
        to edit it in the layout designer."""
        project = QgsProject()  # the layout's own: the planner's open project stays as it is
        ledger, indicators = tables
        coverage = frame_layer(municipality_areas(jobs, indicators, ledger), self.tr("Gemeinden"), crs)
        boundaries = outline_copy(coverage, self.tr("Gemeindegrenzen"))
        stroke = boundaries.renderer().symbol().symbolLayer(0)  # the page's municipality drawn bold
        stroke.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(
            "if(\"key\" = attribute(@atlas_feature, 'key'), 1.4, 0.4)"))
        layers = [boundaries] + self._atlas_layers(*lands, settings, crs)
        if project_file:
            project.setFileName(str(project_file))
            tables = project_file.with_suffix(".gpkg")
            for number, layer in enumerate([coverage] + layers):
                write_table(layer, tables, f"{ATLAS_TABLE}{number}", project)
            coverage, *layers = [kept_layer(tables, f"{ATLAS_TABLE}{number}", layer)
                                 for number, layer in enumerate([coverage] + layers)]
            for layer in [coverage] + layers[::-1]:  # each added on top: the boundaries end on top
                project.addMapLayer(layer)
            project.layerTreeRoot().findLayer(coverage).setItemVisibilityChecked(False)
            project.setCrs(crs)
            project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(coverage.extent(), crs))
        layout = region_atlas(project, coverage, layers, self.tr("Flächenkulisse und Kennzahlen"),
                              self._atlas_figures(settings), self._atlas_sources(settings),
                              self.parameterAsFile(parameters, self.LOGO, context) or None,
                              self.parameterAsFile(parameters, self.ATLAS_TEMPLATE, context) or None)
        try:
            export_atlas(layout, region_pdf, folder)
            if project_file:
                project.layoutManager().addLayout(layout)  # the project owns it from here
                layout = None
                if not project.write():
                    raise AtlasError(self.tr("Das Projekt {file} konnte nicht geschrieben werden: {error}").format(
                        file=project_file.name, error=project.error()))
        finally:
            del layout  # before the project and the layers it draws
        del coverage, layers, project

    def _atlas_layers(self, eligible, robust, designated, turbines, cells, settings, crs) -> list:
        """The atlas maps' layers, top first: wind turbines, designated wind areas, robustness, eligible land
        coloured by technology, the suitability for heat networks (the municipal boundaries go above them)."""
        layers = []
        if turbines is not None:
            standing = frame_layer(turbines, self.tr("Windenergieanlagen"), crs, WKB_POINT)
            apply_style(standing, result_style(self.algorithm_id, self.TURBINES))
            layers.append(standing)
        if designated is not None and len(designated):
            zones = frame_layer(designated, self.tr("Ausgewiesene Windenergiegebiete"), crs)
            zones.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "#d7191c", "outline_width": "0.5", "outline_style": "dash"})))
            layers.append(zones)
        if robust is not None:
            kept = frame_layer(robust, self.tr("Robustheit der Windflächen"), crs)
            apply_style(kept, "eligibility_robustness")
            layers.append(kept)
        if eligible is not None:
            land = frame_layer(eligible, self.tr("Geeignete Flächen"), crs)
            categorized(land, "catalog", [(catalog.title_text(), technology_of(catalog.title_text()),
                                           TECHNOLOGY_COLOURS[catalog.technology]) for catalog in settings.catalogs])
            # land eligible for several technologies shows the first catalog's (wind before PV …)
            order = "CASE " + " ".join(f"WHEN \"catalog\" = {QgsExpression.quotedValue(catalog.title_text())} "
                                       f"THEN {number}" for number, catalog in enumerate(settings.catalogs)) + " END"
            land.renderer().setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(order, False)]))
            land.renderer().setOrderByEnabled(True)
            layers.append(land)
        if cells is not None:
            suitability = frame_layer(cells, self.tr("Eignung für Wärmenetze"), crs)
            apply_style(suitability, result_style(self.algorithm_id, self.HEAT_SUITABILITY))
            layers.append(suitability)
        return layers

    def _atlas_figures(self, settings) -> list[tuple[str, str]]:
        """The side panel of an atlas page: (label, QGIS expression over the municipality's row)."""
        text = QgsExpression.quotedString  # a translation may hold an apostrophe

        def number(field, decimals=0, unit=""):
            return f"coalesce(format_number(\"{field}\", {decimals}) || {text(unit)}, '–')"

        figures = [(self.tr("Fläche"), number("area_ha", 0, " ha"))]
        for catalog in settings.catalogs:
            technology = catalog.technology
            figures.append((self.tr("geeignet {technology}").format(technology=technology_of(catalog.title_text())),
                            f"{number('eligible_ha_' + technology, 0, ' ha')} || ' (' || "
                            f"{number('eligible_pct_' + technology, 1, ' %')} || ')'"))
            if settings.scoring_for(catalog) is not None:  # its land's best score and its area in class A
                best, class_a = self.tr("beste"), self.tr("Klasse A")
                area_a = number("class_a_ha_" + technology, 0, " ha")
                figures.append((self.tr("Bewertung"), f"{text(best + ' ')} || {number('score_best_' + technology)} "
                                                      f"|| {text(', ' + class_a + ' ')} || {area_a}"))
            if settings.yields is None:
                continue
            energy = number('gwh_a_' + technology, 0, ' GWh/a')
            if technology == "wind":  # what stands on the land of the line above
                figures.append((self.tr("darauf"), f"{number('turbines_wind', 0, ' ' + self.tr('Anlagen'))} || ', ' "
                                                   f"|| {number('mw_wind', 0, ' MW')} || ', ' || {energy}"))
            elif settings.yields.pv_type(technology) is not None:
                figures.append((self.tr("darauf"), f"{number('mw_' + technology, 0, ' MWp')} || ', ' || {energy}"))
        if any(catalog.technology == "wind" for catalog in settings.catalogs):
            figures += [(self.tr("ausgewiesen (Wind)"), number("designated_ha", 0, " ha")),
                        (self.tr("geeignet, noch nicht ausgewiesen"), number("open_ha", 0, " ha")),
                        (self.tr("Rang in der Region"), "coalesce(to_string(\"rank\"), '–') || ' / ' || "
                                                        "to_string(@atlas_totalfeatures)")]
        if settings.heat is not None:
            figures += [(self.tr("Wärmebedarf der Gebäude"), number("heat_buildings_mwh_a", 0, " MWh/a")),
                        (self.tr("für Wärmenetze geeignet (Stufe 1–2)"),
                         f"{number('heat_network_ha', 0, ' ha')} || ', ' || {number('heat_network_pct', 0, ' %')} "
                         f"|| {text(' ' + self.tr('des Bedarfs'))}")]
        figures += [(self.tr("Einwohner"), number("population")),
                    (self.tr("Treibhausgase je Einwohner (Schätzung)"), number("co2_t_per_capita", 1, " t CO₂e")),
                    (self.tr("Wind heute je km²"), number("wind_mwh_km2", 0, " MWh/a")),
                    (self.tr("PV heute je km²"), number("pv_mwh_km2", 0, " MWh/a"))]
        return figures

    def _atlas_sources(self, settings) -> str:
        return self.tr("Kriterien: {catalogs}; Flächenziele: WindBG, § 9a LEntwG LSA; Statistik: {statistics}").format(
            catalogs=", ".join(catalog.title_text() for catalog in settings.catalogs), statistics=STATISTICS_SOURCE)

    def _wind_variants(self, catalogs, overrides, parameters, context) -> tuple:
        """The variants of the wind catalog from the variants table; none when the table is empty. Robustness
        asked for without variants, or without the wind catalog, is refused."""
        wanted = bool(self.parameterAsOutputLayer(parameters, self.ROBUSTNESS, context))
        wind = next((catalog for catalog in catalogs if catalog.technology == "wind"), None)
        if not self.parameterAsCells(parameters, self.VARIANTS, context):
            if wanted:
                raise QgsProcessingException(self.tr("Für die Robustheit der Windflächen bitte Varianten in die "
                                                     "Variantentabelle eintragen."))
            return ()
        if wind is None:
            raise QgsProcessingException(self.tr("Varianten gelten für den Katalog Windenergie; bitte ihn wählen."))
        return tuple(self.criteria_variants(parameters, context, wind, {
            criterion_id: metres for criterion_id, metres in overrides.items()
            if criterion_id in wind.criterion_ids()}))

    def _profile(self, job, result, settings, buildings, crs, statistics, staging: Path, context, feedback) -> None:
        """The municipality's Zukunftsprofil (zukunftsprofil_<AGS>_<name>.html) into ``staging``, with its buildings
        (``buildings``, when given) in its balance; the layers made for it go when it is written."""
        told = _MessagesOnly(feedback)
        yields = self._yield_layers(result, settings, crs)
        heated = None if job.heat_rows is None or not len(job.heat_rows) or buildings is None else frame_layer(
            buildings.iloc[job.heat_rows], self.tr("Gebäude mit Wärmebedarf"), crs)
        balance = _run_child("wip:energybalance", {
            "STATISTICS": statistics, "AGS": job.key, "BASE_YEAR": settings.base_year, "HEAT_BUILDINGS": heated,
            "YIELD_WIND": yields.get("wind"), "YIELD_PV": yields.get("pv"),
            "BALANCE": "TEMPORARY_OUTPUT", "INDICATORS": "TEMPORARY_OUTPUT", "ASSUMPTIONS": "TEMPORARY_OUTPUT",
            "PATHS": "TEMPORARY_OUTPUT"}, context, told)
        try:
            if told.isCanceled():  # the run stops, its staging goes
                return
            municipality = frame_layer(job.area.assign(name=result.name), result.name, crs)
            eligible = [frame_layer(result.eligible[catalog.id], catalog.title_text(), crs)
                        for catalog in settings.catalogs if len(result.eligible[catalog.id])]
            robust = result.robustness
            html = staging / f"zukunftsprofil_{job.key}_{identifier(result.name)}.html"
            _run_child("wip:futureprofile", {
                "MUNICIPALITY": municipality, "BALANCE": balance["BALANCE"], "INDICATORS": balance["INDICATORS"],
                "ASSUMPTIONS": balance["ASSUMPTIONS"], "PATHS": balance["PATHS"], "ELIGIBLE": eligible,
                "ROBUSTNESS": frame_layer(robust, "robustheit", crs) if robust is not None and len(robust) else None,
                "TURBINES": yields.get("turbines"), "OUTPUT_HTML": str(html),
                "HEAT_SUITABILITY": frame_layer(result.heat, self.tr("Eignung für Wärmenetze"), crs)
                if result.heat is not None and len(result.heat) else None}, context, told)
            if not told.isCanceled():
                feedback.pushInfo(self.tr("Zukunftsprofil {name}: {file}").format(name=result.name, file=html.name))
        finally:
            store = context.temporaryLayerStore()  # 218 municipalities' balances would stay there to the end
            store.removeMapLayersById([value for value in balance.values()
                                       if isinstance(value, str) and store.mapLayer(value)])

    def _yield_layers(self, result, settings, crs) -> dict:
        """A municipality's plants for its balance and profile: its wind land and its PV land (all PV catalogs) with
        their energy (field gwh_a), and its turbines; none without yields or without land."""
        if settings.yields is None:
            return {}
        lands = {"wind": [], "pv": []}
        for catalog in settings.catalogs:
            land = result.eligible[catalog.id]
            if len(land) and catalog.technology == "wind":
                lands["wind"].append(land)
            elif len(land) and settings.yields.pv_type(catalog.technology) is not None:
                lands["pv"].append(land)
        names = {"wind": self.tr("Windparks auf den geeigneten Flächen"),
                 "pv": self.tr("PV-Anlagen auf den geeigneten Flächen")}
        layers = {kind: frame_layer(pd.concat(frames, ignore_index=True), names[kind], crs)
                  for kind, frames in lands.items() if frames}
        if result.turbines is not None and len(result.turbines):
            layers["turbines"] = frame_layer(result.turbines, self.tr("Windenergieanlagen"), crs, WKB_POINT)
        return layers

    def _told_land(self, land, catalog) -> str:
        """A catalog's eligible land of a municipality for the log, with its energy when the yields were computed."""
        told = self.tr("{catalog} {area} ha").format(catalog=technology_of(catalog.title_text()),
                                                     area=format_number(land["area_ha"].sum(), 0))
        if "gwh_a" in land and land["gwh_a"].notna().any():
            told += self.tr(" ({energy} GWh/a)").format(energy=format_number(land["gwh_a"].sum(), 0))
        return told

    def _run(self, jobs, settings, parameters, context, feedback, profile=None) -> list:
        """The jobs where the planner said: a Dask scheduler, a pool of processes, or here one after the other;
        ``profile(job, result)`` for each municipality the statistics know as it finishes."""
        scheduler = self.parameterAsString(parameters, self.DASK_SCHEDULER, context).strip()
        workers = self.parameterAsInt(parameters, self.WORKERS, context) or os.cpu_count() or 1
        folder = self.parameterAsFile(parameters, self.RUN_FOLDER, context) or None
        feedback.pushInfo(self.tr("{count} Gemeinden, {where}.").format(
            count=len(jobs), where=self.tr("auf dem Dask-Cluster {address}").format(address=scheduler) if scheduler
            else self.tr("nacheinander") if workers == 1 or len(jobs) == 1
            else self.tr("in {workers} Prozessen").format(workers=min(workers, len(jobs)))))

        job_of = {job.key: job for job in jobs}

        def told(result):
            if not result.ok:
                feedback.pushWarning(self.tr("{name} ({key}): {error}").format(
                    name=result.name, key=result.key, error=result.error))
                return
            areas = ", ".join(self._told_land(result.eligible[catalog.id], catalog) for catalog in settings.catalogs)
            feedback.pushInfo(self.tr("{name} ({key}): {areas}; {how}").format(
                name=result.name, key=result.key, areas=areas, how=self.tr("aus dem Arbeitsordner") if result.resumed
                else self.tr("{seconds} s").format(seconds=format_number(result.seconds, 1))))
            if profile is not None and result.figures is not None:
                profile(job_of[result.key], result)

        arguments = dict(checkpoints=folder, progress=feedback.setProgress, report=told,
                         is_cancelled=feedback.isCanceled,
                         task=InLanguage(run_municipality, current_translator()[1],
                                         str(qm_file(current_translator()[1]))))
        if scheduler:
            with dask_client(scheduler) as cluster:
                return run_region(jobs, settings, executor=cluster, **arguments)
        if workers == 1 or len(jobs) == 1:
            return run_region(jobs, settings, **arguments)
        with process_pool(min(workers, len(jobs))) as pool:
            return run_region(jobs, settings, executor=pool, **arguments)


@contextlib.contextmanager
def _aside(wanted: bool):
    """A folder to make the documents in aside (None when none are wanted); it goes when the run ends, however."""
    folder = Path(tempfile.mkdtemp(prefix="wip_region_", dir=QgsProcessingUtils.tempFolder())) if wanted else None
    try:
        yield folder
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


class _MessagesOnly(QgsProcessingFeedback):
    """A child algorithm's messages for the run's log, without its progress: the run's own bar goes on; cancelled
    with the run."""

    def __init__(self, parent):
        super().__init__()
        self._parent = parent
        # directly: the run's thread has no event loop to deliver a queued signal from the dialog's thread
        parent.canceled.connect(self.cancel, Qt.ConnectionType.DirectConnection)
        if parent.isCanceled():
            self.cancel()

    def pushInfo(self, info):  # noqa: N802 - Processing API
        self._parent.pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 - Processing API
        self._parent.pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - Processing API
        self._parent.reportError(error, fatalError)

    def pushDebugInfo(self, info):  # noqa: N802 - Processing API
        self._parent.pushDebugInfo(info)


def _run_child(algorithm_id: str, parameters: dict, context, feedback) -> dict:
    """Another algorithm of the plugin run within this one (its temporary outputs stay in ``context``); its refusal
    becomes this run's message."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    results, _ok = algorithm.run(parameters, context, feedback, {}, False)
    return results
