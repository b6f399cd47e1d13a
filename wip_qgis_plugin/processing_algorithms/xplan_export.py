"""wip:xplanexport – XPlanGML-Entwurf: the areas of a zoning alternative, or the eligible areas a planner selected,
as the draft of a land-use plan amendment (FP_Plan) or of a regional plan (RP_Plan) in XPlanung 6.0, with the
municipality, the plan boundary and the justification from the criteria catalogs; validated against the official
schema before it is written."""
from __future__ import annotations

import datetime

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.catalog import CatalogError, load_catalog, shipped_catalogs
from ..core.i18n import format_number
from ..core.lazy import lazy_module
from ..core.xplanung import (
    PLAN_KINDS,
    TECHNOLOGY_USES,
    USE_ENCODINGS,
    PlanArea,
    PlanDraft,
    XPlanError,
    area_justifications,
    catalog_justifications,
    checked_ags,
    regional_uses,
    schema_problems,
    xplan_document,
)
from ..core.zoning import alternative_numbers, is_alternative, use_label
from ..qgis_io.compat import NUMBER_INTEGER, SOURCE_POLYGON
from ..qgis_io.layers import exchange_crs
from .base import WipAlgorithm, numbers
from .guards import write_text_file

np = lazy_module("numpy")
shapely = lazy_module("shapely")

FROM_LAYER = "layer"
USE_CHOICES = (FROM_LAYER,) + tuple(USE_ENCODINGS)


class XPlanExportAlgorithm(WipAlgorithm):
    algorithm_id = "xplanexport"

    AREAS = "AREAS"
    ALTERNATIVE = "ALTERNATIVE"
    USE = "USE"
    STUDY_AREA = "STUDY_AREA"
    MUNICIPALITY = "MUNICIPALITY"
    AGS = "AGS"
    PLAN_KIND = "PLAN_KIND"
    PLAN_NAME = "PLAN_NAME"
    CATALOG_FILE = "CATALOG_FILE"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Schreibt die Flächen einer Planungsvariante (ALLOCATION von „Planungsvarianten“) oder die gewählten "
            "geeigneten Flächen der Flächenkulisse als Entwurf im Austauschstandard XPlanung 6.0 (XPlanGML):\n"
            "• Änderung des Flächennutzungsplans: FP_Plan mit Gemeinde und AGS, Rechtsstand „im Verfahren“, "
            "FP_Bereich und je Fläche eine Sonderbaufläche für erneuerbare Energien (Wind mit § 2 Nr. 1 WindBG), "
            "gewerbliche Baufläche oder Wohnbaufläche;\n"
            "• Regionalplan: RP_Plan (sachlicher Teilplan, Entwurf) mit Vorranggebieten für Wind- und Solarenergie.\n"
            "Geltungsbereich ist das Gemeindegebiet. Die Begründung nennt je Fläche die Kriterien des Katalogs, der "
            "sie als geeignet ausweist, mit Rechtsgrundlage, Quelle, Status und Stand. Ungültige Geometrien werden "
            "repariert und gemeldet. Die Datei wird vor dem Schreiben gegen das amtliche XPlanung-Schema geprüft; "
            "was das Schema nicht erfüllt, wird nicht geschrieben.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Flächen (Zuweisung einer Planungsvariante oder geeignete Flächen)"),
            [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALTERNATIVE, self.tr("Planungsvariante (bei einer Zuweisung)"), NUMBER_INTEGER, 1, minValue=1))
        self.addParameter(QgsProcessingParameterEnum(
            self.USE, self.tr("Nutzung der Flächen"),
            options=[self.tr("aus der Ebene (Feld use oder Kriterienkatalog)")] + [use_label(use) for use in
                                                                                    USE_ENCODINGS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, self.tr("Gemeindegebiet (Geltungsbereich)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterString(self.MUNICIPALITY, self.tr("Gemeinde")))
        self.addParameter(QgsProcessingParameterString(self.AGS, self.tr("Amtlicher Gemeindeschlüssel (AGS)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.PLAN_KIND, self.tr("Planart"),
            options=[self.tr("Änderung des Flächennutzungsplans (FP_Plan)"),
                     self.tr("Regionalplan, sachlicher Teilplan (RP_Plan)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.PLAN_NAME, self.tr("Name des Plans"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOG_FILE, self.tr("Eigener Kriterienkatalog (JSON, ersetzt den mitgelieferten seiner "
                                       "Technologie in der Begründung)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("XPlanGML-Datei"), self.tr("XPlanGML (*.gml)")))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        kind = PLAN_KINDS[self.parameterAsEnum(parameters, self.PLAN_KIND, context)]
        municipality = self.parameterAsString(parameters, self.MUNICIPALITY, context).strip()
        if not municipality:
            raise QgsProcessingException(self.tr("Bitte den Namen der Gemeinde angeben."))
        try:
            ags = checked_ags(self.parameterAsString(parameters, self.AGS, context))
        except XPlanError as error:
            raise QgsProcessingException(str(error)) from error
        sources = [self.parameterAsSource(parameters, name, context) for name in (self.STUDY_AREA, self.AREAS)]
        crs = exchange_crs(*[source for source in sources if source is not None])
        catalogs = self._catalogs(parameters, context)
        boundary_frame = self.read_input(parameters, self.STUDY_AREA, context, feedback, crs, fields=[],
                                         repairs_geometries=True)
        areas = self._areas(parameters, context, feedback, crs, catalogs)
        feedback.setProgress(30)
        boundary = shapely.union_all(shapely.make_valid(boundary_frame.geometry.values))
        if kind == "rp":
            areas = self._regional(areas, feedback)
        plan_name = self.parameterAsString(parameters, self.PLAN_NAME, context).strip() or self._default_name(
            kind, municipality)
        used = {area.use for area in areas}
        try:
            draft = PlanDraft(
                kind, plan_name, municipality, ags, int(crs.authid().split(":")[1]), boundary, areas,
                area_justifications(areas, boundary) + catalog_justifications(
                    {use: catalog for use, catalog in catalogs.items() if use in used}),
                self.tr("Entwurf, erstellt mit dem Werkzeug „XPlanGML-Entwurf schreiben“ (Plugin WIP) aus "
                        "{source}").format(source=sources[1].sourceName()), datetime.date.today())
            document = xplan_document(draft)
        except XPlanError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(70)
        problems = schema_problems(document)
        if problems:
            raise QgsProcessingException(self.tr("Das XPlanGML-Dokument verletzt das XPlanung-Schema und wird nicht "
                                                 "geschrieben:\n{problems}").format(problems="\n".join(problems)))
        if feedback.isCanceled():
            return {}
        write_text_file(path, document.decode("utf-8"))
        feedback.pushInfo(self.tr("{count} Flächen als XPlanGML 6.0 geschrieben und gegen das Schema geprüft: {path}")
                          .format(count=len(areas), path=path))
        return {self.OUTPUT: path}

    def _catalogs(self, parameters, context) -> dict:
        """The criteria catalog behind each use: the shipped one of its technology, or the planner's own."""
        catalogs = {}
        for catalog_path in shipped_catalogs().values():
            catalog = load_catalog(catalog_path)
            catalogs.setdefault(TECHNOLOGY_USES.get(catalog.technology), catalog)
        own = self.parameterAsFile(parameters, self.CATALOG_FILE, context)
        if own:
            try:
                catalog = load_catalog(own)
            except CatalogError as error:
                raise QgsProcessingException(str(error)) from error
            catalogs[TECHNOLOGY_USES.get(catalog.technology)] = catalog
        catalogs.pop(None, None)
        for catalog in catalogs.values():
            self.note_catalog(catalog)
        return catalogs

    def _areas(self, parameters, context, feedback, crs, catalogs):
        """The areas to draw: the chosen alternative's or the layer's (its selection), with their use."""
        source = self.parameterAsSource(parameters, self.AREAS, context)
        names = source.fields().names()
        wanted = [name for name in ("alternative", "alt_name", "use", "catalog", "unit_id", "area_id", "ha",
                                    "area_ha") if name in names]
        frame = self.read_input(parameters, self.AREAS, context, feedback, crs, fields=wanted,
                                repairs_geometries=True)
        if "alternative" in frame.columns:
            number = self.parameterAsInt(parameters, self.ALTERNATIVE, context)
            present = {int(value) for value in numbers(frame, "alternative", "alternative") if value == value}
            if not is_alternative(number, present):
                raise QgsProcessingException(self.tr("Die Planungsvariante {number} gibt es in der Zuweisung nicht; "
                                                     "vorhanden: {present}.").format(
                    number=number, present=alternative_numbers(present)))
            frame = frame[numbers(frame, "alternative", "alternative") == number]
        frame = frame[~frame.geometry.isna() & ~frame.geometry.is_empty]
        repaired = int((~shapely.is_valid(frame.geometry.values)).sum())
        if repaired:
            feedback.pushWarning(self.tr("{count} ungültige Geometrien wurden repariert.").format(count=repaired))
        if frame.empty:
            raise QgsProcessingException(self.tr("Es gibt keine Flächen zu exportieren (leere Ebene, leere Auswahl "
                                                 "oder eine Variante ohne Flächen)."))
        uses = self._uses(parameters, context, frame, catalogs)
        return self._contiguous(frame, uses, parameters, context)

    def _contiguous(self, frame, uses, parameters, context) -> tuple:
        """One plan area per contiguous area of a use (a land-use plan draws areas, not parcels), with its text."""
        variant = ""
        if "alternative" in frame.columns:
            variant = self.tr("Planungsvariante {number} „{name}“").format(
                number=self.parameterAsInt(parameters, self.ALTERNATIVE, context),
                name=str(frame["alt_name"].iloc[0] or "") if "alt_name" in frame.columns else "")
        shapes = np.asarray(shapely.make_valid(frame.geometry.values), dtype=object)
        uses = np.asarray(uses, dtype=object)
        areas = []
        for use in dict.fromkeys(uses):
            mine = shapes[uses == use]
            for part in shapely.get_parts(shapely.union_all(mine)):
                if part.geom_type != "Polygon" or part.area <= 0:
                    continue
                pieces = int(shapely.intersects(mine, part).sum())
                text = ", ".join(filter(None, [use_label(use), f"{format_number(part.area / 10_000, 1)} ha", variant,
                                               self.tr("aus {count} Teilflächen").format(count=pieces)]))
                areas.append(PlanArea(use, part, text))
        return tuple(areas)

    def _uses(self, parameters, context, frame, catalogs) -> list:
        chosen = USE_CHOICES[self.parameterAsEnum(parameters, self.USE, context)]
        if chosen != FROM_LAYER:
            return [chosen] * len(frame)
        if "use" in frame.columns:
            uses = [str(value) for value in frame["use"]]
        elif "catalog" in frame.columns:
            by_title = {catalog.title_text(): use for use, catalog in catalogs.items()}
            uses = [by_title.get(str(value), str(value)) for value in frame["catalog"]]  # unknown: its title
        else:
            raise QgsProcessingException(self.tr("Die Ebene sagt nicht, welcher Nutzung ihre Flächen dienen (weder "
                                                 "Feld use noch catalog): bitte die Nutzung wählen."))
        unknown = sorted({str(use) for use in uses if use not in USE_ENCODINGS})
        if unknown:
            raise QgsProcessingException(self.tr("Für diese Nutzungen oder Kataloge der Ebene gibt es keine "
                                                 "XPlanung-Darstellung: {values}. Bitte die Nutzung wählen.").format(
                values=", ".join(unknown)))
        return uses

    def _regional(self, areas: tuple, feedback) -> tuple:
        held = regional_uses()
        left_out = [area for area in areas if area.use not in held]
        if left_out:
            feedback.pushWarning(self.tr("Ein Regionalplan nimmt nur Vorranggebiete für Wind- und Solarenergie auf: "
                                         "{count} Flächen anderer Nutzung bleiben draußen.").format(
                count=len(left_out)))
        kept = tuple(area for area in areas if area.use in held)
        if not kept:
            raise QgsProcessingException(self.tr("Für einen Regionalplan gibt es keine Wind- oder Solarflächen."))
        return kept

    def _default_name(self, kind: str, municipality: str) -> str:
        if kind == "fp":
            return self.tr("Änderung des Flächennutzungsplans {municipality}: Flächen für erneuerbare Energien").format(
                municipality=municipality)
        return self.tr("Sachlicher Teilplan Windenergie und Solarenergie – Entwurf ({municipality})").format(
            municipality=municipality)
