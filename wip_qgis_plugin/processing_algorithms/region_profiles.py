"""wip:regionprofiles – Region: alle Gemeinden: the Flächenkulisse of every municipality of a district, planning
region or Land, each computed on its own (on the machine's cores or a Dask cluster, resumable), the wind-area ledger
against the Land and planning-region targets, and a table of indicators per municipality."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.catalog import load_catalog, shipped_catalog_title, shipped_catalogs
from ..core.eligibility import ELIGIBLE_COLUMNS
from ..core.i18n import format_number
from ..core.lazy import lazy_module
from ..core.region import (
    RegionCancelled,
    RegionError,
    RegionSettings,
    dask_client,
    eligible_land,
    indicator_table,
    municipality_jobs,
    process_pool,
    run_region,
    wind_ledger,
)
from ..qgis_io.compat import (
    FILE_BEHAVIOR_FOLDER,
    FLAG_ADVANCED,
    FLAG_HIDDEN,
    NUMBER_INTEGER,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
)
from ..qgis_io.project import NAME_FIELDS
from .eligibility import SHIPPED_CATALOG_IDS, EligibilityAlgorithm

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

MAX_WORKERS = 64


class RegionProfilesAlgorithm(EligibilityAlgorithm):
    algorithm_id = "regionprofiles"

    NAME_FIELD = "NAME_FIELD"
    TECHNOLOGIES = "TECHNOLOGIES"
    DESIGNATED = "DESIGNATED"
    BASE_YEAR = "BASE_YEAR"
    WORKERS = "WORKERS"
    DASK_SCHEDULER = "DASK_SCHEDULER"
    RUN_FOLDER = "RUN_FOLDER"
    LEDGER = "LEDGER"
    INDICATORS = "INDICATORS"

    def shortHelpString(self):
        return self.tr(
            "Die Flächenkulisse aller Gemeinden einer Region (Landkreis, Planungsregion oder Land) in einem Lauf, "
            "jede Gemeinde für sich: mit den Objekten jedes Kriteriums bis zu seinem Abstand um die Gemeinde, so "
            "dass Siedlungen der Nachbargemeinden ihre Abstände behalten.\n\n"
            "Ergebnisse: die geeigneten Flächen je Gemeinde und Technologie; die Windflächenbilanz (geeignete, "
            "ausgewiesene und noch offene Fläche je Gemeinde mit Rang, und je Flächenziel nach WindBG und "
            "LEntwG LSA der Anteil der Gemeinden des Laufs am Ziel, die Lücke nach den ausgewiesenen Gebieten und "
            "ob die geeignete Fläche sie schließen kann); die Kennzahlen je Gemeinde mit ihrem Stand heute aus der "
            "Gemeindestatistik.\n\n"
            "Die Gemeinden werden parallel auf den Kernen dieses Rechners berechnet oder, mit der Adresse eines "
            "Dask-Schedulers, auf dessen Workern. Mit einem Arbeitsordner setzt ein abgebrochener Lauf dort fort, "
            "wo er stand: fertige Gemeinden werden übernommen, Gemeinden mit geänderten Daten oder Einstellungen "
            "neu berechnet. Eine Gemeinde, die scheitert, wird mit ihrem Fehler genannt; die anderen laufen weiter.")

    def initAlgorithm(self, config=None):
        self.add_inputs()
        self.parameterDefinition(self.STUDY_AREA).setDescription(self.tr("Gemeinden (z. B. VG250 Gemeinden)"))
        self.parameterDefinition(self.STUDY_ID_FIELD).setDescription(self.tr("Gemeindeschlüssel (AGS)"))
        for name in (self.CATALOG, self.CATALOG_FILE):  # one catalog per technology, chosen below
            parameter = self.parameterDefinition(name)
            parameter.setFlags(parameter.flags() | FLAG_HIDDEN)
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Gemeindename"), parentLayerParameterName=self.STUDY_AREA, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TECHNOLOGIES, self.tr("Kriterienkataloge"),
            options=[shipped_catalog_title(catalog_id) for catalog_id in SHIPPED_CATALOG_IDS], allowMultiple=True,
            defaultValue=[0, 1]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DESIGNATED, self.tr("Ausgewiesene Windenergiegebiete (Regionalplan, Flächennutzungspläne)"),
            [SOURCE_POLYGON], optional=True))
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
        self.addOutput(QgsProcessingOutputNumber("COMPUTED", self.tr("Berechnete Gemeinden")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", self.tr("Gescheiterte Gemeinden")))

    def _catalogs(self, parameters, context) -> list:
        chosen = self.parameterAsEnums(parameters, self.TECHNOLOGIES, context)
        if not chosen:
            raise QgsProcessingException(self.tr("Bitte mindestens einen Kriterienkatalog wählen."))
        return [load_catalog(shipped_catalogs()[SHIPPED_CATALOG_IDS[index]]) for index in sorted(set(chosen))]

    def process(self, parameters, context, feedback):
        catalogs = self._catalogs(parameters, context)
        overrides = self.distance_overrides(catalogs, parameters, context)
        constraints, cache, inputs = {}, {}, None
        for catalog in catalogs:
            inputs = self.read_inputs(parameters, context, feedback, catalog, {
                criterion_id: metres for criterion_id, metres in overrides.items()
                if criterion_id in catalog.criterion_ids()}, cache)
            if inputs is None:
                return {}
            constraints[catalog.id] = inputs.constraints
        source = self.parameterAsSource(parameters, self.STUDY_AREA, context)
        key_field = inputs.id_field or self.chosen_field(parameters, self.STUDY_ID_FIELD, source, context, feedback,
                                                         ("ags",))
        name_field = self.chosen_field(parameters, self.NAME_FIELD, source, context, feedback, NAME_FIELDS)
        municipalities = self.read_input(parameters, self.STUDY_AREA, context, feedback, inputs.crs,
                                         [field for field in (key_field, name_field) if field])
        designated = (self.read_input(parameters, self.DESIGNATED, context, feedback, inputs.crs, [])
                      if self.parameterAsSource(parameters, self.DESIGNATED, context) is not None else None)
        settings = RegionSettings(
            tuple(catalogs), inputs.turbine, tuple(overrides.items()),
            self.parameterAsDouble(parameters, self.MIN_AREA_HA, context),
            self.parameterAsBool(parameters, self.SOFT_EXCLUDES, context),
            self.parameterAsInt(parameters, self.BASE_YEAR, context))
        try:
            jobs = municipality_jobs(municipalities, key_field, name_field, constraints, settings, designated)
            results = self._run(jobs, settings, parameters, context, feedback)
        except RegionError as error:
            raise QgsProcessingException(str(error)) from error
        except RegionCancelled:
            return {}
        wind = next((catalog for catalog in catalogs if catalog.technology == "wind"), None)
        ledger = wind_ledger(results, wind.id) if wind is not None else pd.DataFrame(
            columns=["kind", "key", "name", "note"])
        eligible = eligible_land(results, settings)
        if eligible is None:
            eligible = gpd.GeoDataFrame(pd.DataFrame(columns=ELIGIBLE_COLUMNS + ["name", "geometry"]),
                                        geometry="geometry", crs=inputs.study.crs)
        outputs = self.write_frames(parameters, context, feedback, inputs.crs, (
            (self.ELIGIBLE, eligible), (self.LEDGER, ledger), (self.INDICATORS, indicator_table(results, settings))))
        outputs["COMPUTED"] = sum(result.ok for result in results)
        outputs["FAILED"] = len(results) - outputs["COMPUTED"]
        return outputs

    def _run(self, jobs, settings, parameters, context, feedback) -> list:
        """The jobs where the planner said: a Dask scheduler, a pool of processes, or here one after the other."""
        scheduler = self.parameterAsString(parameters, self.DASK_SCHEDULER, context).strip()
        workers = self.parameterAsInt(parameters, self.WORKERS, context) or os.cpu_count() or 1
        folder = self.parameterAsFile(parameters, self.RUN_FOLDER, context) or None
        feedback.pushInfo(self.tr("{count} Gemeinden, {where}.").format(
            count=len(jobs), where=self.tr("auf dem Dask-Cluster {address}").format(address=scheduler) if scheduler
            else self.tr("nacheinander") if workers == 1 or len(jobs) == 1
            else self.tr("in {workers} Prozessen").format(workers=min(workers, len(jobs)))))

        def told(result):
            if not result.ok:
                feedback.pushWarning(self.tr("{name} ({key}): {error}").format(
                    name=result.name, key=result.key, error=result.error))
                return
            areas = ", ".join(self.tr("{catalog} {area} ha").format(
                catalog=catalog.title_text().split(" – ")[0], area=format_number(
                    result.eligible[catalog.id]["area_ha"].sum(), 0)) for catalog in settings.catalogs)
            feedback.pushInfo(self.tr("{name} ({key}): {areas}; {how}").format(
                name=result.name, key=result.key, areas=areas, how=self.tr("aus dem Arbeitsordner") if result.resumed
                else self.tr("{seconds} s").format(seconds=format_number(result.seconds, 1))))

        arguments = dict(checkpoints=folder, progress=feedback.setProgress, report=told,
                         is_cancelled=feedback.isCanceled)
        if scheduler:
            with dask_client(scheduler) as client:
                return run_region(jobs, settings, executor=client, **arguments)
        if workers == 1 or len(jobs) == 1:
            return run_region(jobs, settings, **arguments)
        with process_pool(min(workers, len(jobs))) as pool:
            return run_region(jobs, settings, executor=pool, **arguments)
