"""wip:regionprofiles – Region: alle Gemeinden: the Flächenkulisse of every municipality of a district, planning
region or Land, each computed on its own (on the machine's cores or a Dask cluster, resumable), the wind-area ledger
against the Land and planning-region targets, a table of indicators per municipality, and on request each
municipality's Zukunftsprofil (wip:energybalance from the shipped municipal statistics, then wip:futureprofile)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import processing
from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..core.catalog import load_catalog, shipped_catalog_title, shipped_catalogs
from ..core.eligibility import ELIGIBLE_COLUMNS, ROBUSTNESS_COLUMNS
from ..core.i18n import format_number
from ..core.lazy import lazy_module
from ..core.peers import STATISTICS_FILE
from ..core.region import (
    RegionCancelled,
    RegionError,
    RegionSettings,
    dask_client,
    eligible_land,
    indicator_table,
    municipality_jobs,
    process_pool,
    robust_land,
    run_region,
    wind_ledger,
)
from ..core.workflow import identifier
from ..qgis_io.compat import (
    FILE_BEHAVIOR_FOLDER,
    FLAG_ADVANCED,
    FLAG_HIDDEN,
    NUMBER_INTEGER,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
)
from ..qgis_io.layers import frame_layer
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
    ROBUSTNESS = "ROBUSTNESS"
    PROFILES = "PROFILES"

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
            "neu berechnet. Eine Gemeinde, die scheitert, wird mit ihrem Fehler genannt; die anderen laufen weiter.\n\n"
            "Mit einem Ordner für die Zukunftsprofile schreibt der Lauf danach für jede Gemeinde, die die "
            "mitgelieferte Gemeindestatistik kennt, ihr Zukunftsprofil (HTML): die Energie- und Treibhausgasbilanz "
            "aus der Statistik, der Vergleich mit ähnlichen Gemeinden und die Karten ihrer Flächenkulissen. Mit "
            "einer Variantentabelle (wie bei „Robustheit der Flächenkulisse“) kommt die Robustheit der Windflächen "
            "jeder Gemeinde über die Varianten hinzu, als Ebene und als Karte im Profil.")

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
            defaultValue=[0, 1], optional=True))  # optional for Processing: none chosen gets the message below
        self.add_variants()
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
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ROBUSTNESS, self.tr("Robustheit der Windflächen aller Gemeinden (mit Varianten)"), SOURCE_POLYGON,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.PROFILES, self.tr("Zukunftsprofile der Gemeinden (Ordner; leer: keine)"), optional=True,
            createByDefault=False))
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
            self.parameterAsInt(parameters, self.BASE_YEAR, context),
            self._wind_variants(catalogs, overrides, parameters, context))
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
        def or_empty(frame, columns):
            return frame if frame is not None else gpd.GeoDataFrame(
                pd.DataFrame(columns=columns + ["name", "geometry"]), geometry="geometry", crs=inputs.study.crs)

        frames = [(self.ELIGIBLE, or_empty(eligible_land(results, settings), ELIGIBLE_COLUMNS)),
                  (self.LEDGER, ledger), (self.INDICATORS, indicator_table(results, settings))]
        if self.parameterAsOutputLayer(parameters, self.ROBUSTNESS, context):
            frames.append((self.ROBUSTNESS, or_empty(robust_land(results), ROBUSTNESS_COLUMNS)))
        outputs = self.write_frames(parameters, context, feedback, inputs.crs, frames)
        outputs["COMPUTED"] = sum(result.ok for result in results)
        outputs["FAILED"] = len(results) - outputs["COMPUTED"]
        folder = self.parameterAsString(parameters, self.PROFILES, context)
        if folder:
            outputs[self.PROFILES] = self._profiles(jobs, results, settings, inputs.crs, Path(folder), context,
                                                    feedback)
        return outputs

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

    def _profiles(self, jobs, results, settings, crs, folder: Path, context, feedback) -> str | None:
        """Each municipality's Zukunftsprofil in ``folder`` (zukunftsprofil_<AGS>_<name>.html), for those the
        shipped statistics know; written aside and moved in when all are done. None when cancelled."""
        statistics = QgsVectorLayer(str(STATISTICS_FILE), "gemeindestatistik", "ogr")
        staging = Path(tempfile.mkdtemp(prefix="wip_profiles_", dir=QgsProcessingUtils.tempFolder()))
        chosen = [(job, result) for job, result in zip(jobs, results) if result.ok and result.figures is not None]
        left_out = [result.name for result in results if result.ok and result.figures is None]
        if left_out:
            feedback.pushInfo(self.tr("Kein Zukunftsprofil (nicht in der Gemeindestatistik): {names}").format(
                names=", ".join(left_out)))
        steps = QgsProcessingMultiStepFeedback(max(1, len(chosen)), feedback)
        for number, (job, result) in enumerate(chosen):
            if feedback.isCanceled():
                return None
            steps.setCurrentStep(number)
            balance = processing.run("wip:energybalance", {
                "STATISTICS": statistics, "AGS": job.key, "BASE_YEAR": settings.base_year,
                "BALANCE": "TEMPORARY_OUTPUT", "INDICATORS": "TEMPORARY_OUTPUT", "ASSUMPTIONS": "TEMPORARY_OUTPUT",
                "PATHS": "TEMPORARY_OUTPUT"}, context=context, feedback=steps, is_child_algorithm=True)
            municipality = frame_layer(job.area.assign(name=result.name), result.name, crs)
            eligible = [frame_layer(result.eligible[catalog.id], catalog.title_text(), crs)
                        for catalog in settings.catalogs if len(result.eligible[catalog.id])]
            robust = result.robustness
            html = staging / f"zukunftsprofil_{job.key}_{identifier(result.name)}.html"
            processing.run("wip:futureprofile", {
                "MUNICIPALITY": municipality, "BALANCE": balance["BALANCE"], "INDICATORS": balance["INDICATORS"],
                "ASSUMPTIONS": balance["ASSUMPTIONS"], "PATHS": balance["PATHS"], "ELIGIBLE": eligible,
                "ROBUSTNESS": frame_layer(robust, "robustheit", crs) if robust is not None and len(robust) else None,
                "OUTPUT_HTML": str(html)}, context=context, feedback=steps, is_child_algorithm=True)
            feedback.pushInfo(self.tr("Zukunftsprofil {name}: {file}").format(name=result.name, file=html.name))
        folder.mkdir(parents=True, exist_ok=True)
        for written in sorted(staging.iterdir()):
            shutil.move(str(written), str(folder / written.name))
        return str(folder)

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
