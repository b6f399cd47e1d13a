"""wip:futureprofile – Zukunftsprofil erstellen: a report of one municipality for its council, as one HTML file
(images embedded) and optionally a PDF: a summary in plain words, the energy and greenhouse-gas balance of
wip:energybalance with its charts and tables, maps of the eligible land, the best sites, the chosen zoning
alternative and the heat-network suitability, the alternatives compared, and every assumption with its legal basis,
source and status.

The HTML is built by the QGIS-free ``core.report``; maps and charts are rendered here (``qgis_io.maps``) as PNG
images: embedded as data URIs in the HTML, and added as resources of the QTextDocument that prints the same HTML to
PDF (QTextDocument neither reads data URIs nor renders SVG). Both files are written to temporary files in Processing's
temporary folder and moved into place only when everything succeeded.
"""
from __future__ import annotations

import contextlib
import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMarginsF, QUrl
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QTextDocument, QTextOption
from qgis.PyQt.QtPrintSupport import QPrinter

from ..core import i18n as core_i18n
from ..core.balance import BalanceError
from ..core.catalog import technology_of
from ..core.heat import LEVELS, level_text
from ..core.measures import (
    CATALOGUE_FIELDS,
    PATH_FIELDS,
    REQUIRED_FIELDS,
    MeasuresError,
    check_catalogue,
    measure_from_row,
    monitoring,
    peer_measures,
    read_paths,
    wedges,
)
from ..core.peers import peer_comparison
from ..core.report import (
    ALLOCATION_FIELDS,
    BALANCE_FIELDS,
    CHART_ALTERNATIVES,
    CHART_BALANCE,
    CHART_WEDGES,
    MEASURE_COLOURS,
    USE_COLOURS,
    MapFigure,
    ProfileReport,
    ReportError,
    alternatives_chart,
    alternatives_from_allocation,
    balance_chart,
    build_html,
    check_alternatives,
    check_assumptions,
    check_balance,
    check_indicators,
    check_table,
    data_uri,
    measure_map_key,
    wedge_chart,
)
from ..core.sources import SourcesError, report_register
from ..core.targets import normalise_ags
from ..core.zoning import USES, alternative_numbers, is_alternative, use_label
from ..i18n import CONTEXT, load_translator
from ..qgis_io.compat import (
    GEOMETRY_POINT,
    NUMBER_INTEGER,
    SOURCE_ANY_GEOMETRY,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_NO_GEOMETRY,
)
from ..qgis_io.layers import is_null, table_rows, working_crs
from ..qgis_io.maps import (
    categorized,
    layer_copy,
    legend_entries,
    map_extent,
    outline_copy,
    paint_chart,
    png_bytes,
    relabel_categories,
    render_map,
    set_colour,
    styled_copy,
)
from ..qgis_io.project import AGS_FIELD, DEMO_GPKG, NAME_FIELDS, apply_style, result_style
from .base import WipAlgorithm
from .guards import discard, move_into_place, run_inputs, staging_file
from .run_register import producing_runs

LANGUAGES = ("de", "en")
LANGUAGE_NAMES = ("Deutsch", "English")  # each in its own language, not translated
LEVEL_COLOURS = ("#1a9641", "#a6d96a", "#fdae61", "#d7191c")  # § 19 WPG levels 1–4, as heat_suitability.qml
AREA_COLOURS = ("#1a9850", "#2b83ba", "#f0a30a", "#7b3294", "#d7191c", "#17becf")
# the fields of wip:importmeasures' table the report shows
SHARED_FIELDS = ("origin_municipality", "title", "field", "effect_mwh_a", "start_year", "end_year", "status")
# how far outside a wind unit a turbine still counts as in it: the layout places turbines on the edges of the
# eligible land, which the units share, and rounding may put a point a hair outside
TURBINE_EDGE_TOLERANCE_M = 1.0


@contextlib.contextmanager
def report_language(language: str):
    """The core's translator switched to ``language`` (German source strings, or the plugin's .qm) for the duration
    of the report, whatever language QGIS runs in; the previous translator is restored afterwards, also on errors.

    The .qm is read by a private QTranslator rather than installed into the application, so the rest of QGIS keeps
    its language."""
    previous = core_i18n.current_translator()
    try:
        if language == "de":
            core_i18n.set_translator(lambda text: text, "de")
        else:
            translator = load_translator(language)
            if translator is None:
                raise QgsProcessingException(f"Die Übersetzungsdatei wip_{language}.qm fehlt; bitte das Plugin neu "
                                             f"installieren. / The translation file wip_{language}.qm is missing.")
            context = CONTEXT.encode("utf-8")

            def translate(text: str) -> str:
                return translator.translate(context, text.encode("utf-8")) or text

            core_i18n.set_translator(translate, language)
        yield
    finally:
        core_i18n.set_translator(*previous)


def write_pdf(html_text: str, images: dict, path: str, title: str) -> None:
    """Print ``html_text`` to an A4 PDF with QTextDocument; ``images`` (name → QImage) are its image resources.

    The printer has no margins of its own: QTextDocument paginates with 2 cm margins and numbers the pages. Lines
    break between words only (QTextDocument's default breaks anywhere, so a narrow table column split numbers such
    as "164.93 / 7"); table columns widen to their longest word instead."""
    document = QTextDocument()
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html_text)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    printer.setDocName(title)
    printer.setCreator("WIP QGIS plugin")
    document.print_(printer)


def _rows(source) -> tuple[list[str], list[dict]]:
    return source.fields().names(), table_rows(source)


@dataclass
class ReportInputs:
    """What the report is made of, read and checked before it is written."""

    html_path: str
    pdf_path: str
    municipality: object  # the drawn source of the municipality
    name: str
    ags: str  # its official key, empty when the layer has none
    shape: object  # its QgsGeometry
    chosen: int
    balance: list
    indicators: list
    assumptions: list
    allocation: object  # the drawn source of the allocation, or None
    allocation_rows: list | None
    alternatives: list | None  # None: to be summed from the allocation rows
    demo_data: bool  # the municipality comes from the plugin's demo GeoPackage
    measures: list  # core.measures.Measure of the catalogue, or empty
    wedges: object  # core.measures.Wedges, or None without a catalogue
    monitoring: object  # core.measures.Monitoring, or None
    peers: list  # rows of measures other municipalities shared, in the own fields of action


class FutureProfileAlgorithm(WipAlgorithm):
    algorithm_id = "futureprofile"

    MUNICIPALITY = "MUNICIPALITY"
    TITLE = "TITLE"
    BALANCE = "BALANCE"
    INDICATORS = "INDICATORS"
    ASSUMPTIONS = "ASSUMPTIONS"
    ELIGIBLE = "ELIGIBLE"
    ROBUSTNESS = "ROBUSTNESS"
    SITES = "SITES"
    ALLOCATION = "ALLOCATION"
    ALTERNATIVE = "ALTERNATIVE"
    ALTERNATIVE_INDICATORS = "ALTERNATIVE_INDICATORS"
    HEAT_SUITABILITY = "HEAT_SUITABILITY"
    TURBINES = "TURBINES"
    MEASURES = "MEASURES"
    PATHS = "PATHS"
    MONITORING = "MONITORING"
    SHARED = "SHARED"
    LANGUAGE = "LANGUAGE"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"


    def shortHelpString(self):
        return self.tr(
            "Erstellt das Zukunftsprofil einer Gemeinde als Bericht für den Gemeinderat: eine HTML-Datei (Bilder "
            "eingebettet, eine Datei zum Versenden) und auf Wunsch ein PDF.\n\n"
            "Inhalt: Titelseite mit einer Zusammenfassung in einfachen Worten (Treibhausgase im Basisjahr und "
            "2045, Anteil erneuerbarer Energien, Eigenversorgung, Windfläche der gewählten Variante); die Energie- "
            "und Treibhausgasbilanz aus wip:energybalance (Diagramm Verbrauch nach Sektoren und Erzeugung nach "
            "Energieträgern je Jahr, Kennzahlen je Jahr, Bilanz des Basisjahres, Vergleich mit ähnlichen "
            "Gemeinden); Karten der Flächenkulisse, ihrer Robustheit über Kriterienvarianten, der besten Standorte, "
            "der gewählten Planungsvariante und der Eignung für Wärmenetze; der Vergleich der "
            "Planungsvarianten aus wip:zoningalternatives; der Maßnahmenkatalog (aus wip:measures, wie bearbeitet) "
            "mit den Pfaden der Bilanz: Rangfolge nach Kosten je Tonne, Keildiagramm der Minderung je Maßnahme bis "
            "2045 mit dem Zielpfad, Zeitplan und ein Blatt je Maßnahme mit Karte; alle Annahmen mit "
            "Rechtsgrundlage, Quelle und Status und die Namensnennung der Daten.\n\n"
            "Die Eingabeebenen bleiben unverändert: Die Karten zeichnen Kopien mit den Stilen des Plugins. Fehlt "
            "eine optionale Eingabe, sagt der Bericht das in einer Zeile. Sprache: Deutsch oder Englisch, "
            "unabhängig von der Sprache von QGIS.")

    def initAlgorithm(self, config=None):
        polygon = [SOURCE_POLYGON]
        table = [SOURCE_VECTOR]
        self.addParameter(QgsProcessingParameterFeatureSource(self.MUNICIPALITY, self.tr("Gemeinde"), polygon))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Titel (leer: Zukunftsprofil und der Name der Gemeinde)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BALANCE, self.tr("Energie- und Treibhausgasbilanz (BALANCE von wip:energybalance)"), table))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INDICATORS, self.tr("Kennzahlen je Jahr (INDICATORS von wip:energybalance)"), table))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ASSUMPTIONS, self.tr("Annahmen (ASSUMPTIONS von wip:energybalance)"), table))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ELIGIBLE, self.tr("Flächenkulissen (Ergebnisse von wip:eligibility)"),
            SOURCE_POLYGON, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROBUSTNESS, self.tr("Robustheit der Flächenkulisse (wip:eligibilityrobustness, Feld kept_pct)"),
            polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Bewertete Standorte (wip:sitescore, Feld score)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ALLOCATION, self.tr("Zuweisung je Variante (ALLOCATION von wip:zoningalternatives)"), polygon,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALTERNATIVE, self.tr("Gewählte Planungsvariante (Nummer)"), NUMBER_INTEGER,
            1, False, 1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ALTERNATIVE_INDICATORS, self.tr("Kennzahlen der Varianten (INDICATORS von wip:zoningalternatives)"),
            table, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEAT_SUITABILITY, self.tr("Eignung für Wärmenetze (wip:heatsuitability, Feld level)"),
            [SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TURBINES, self.tr("Windenergieanlagen (wip:windlayout)"), [SOURCE_POINT],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MEASURES, self.tr("Maßnahmenkatalog (wip:measures, bearbeitet)"), [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PATHS, self.tr("Pfade je Hebel (PATHS von wip:energybalance)"), table, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MONITORING, self.tr("Monitoring: Bilanz eines späteren Jahres (BALANCE von wip:energybalance)"),
            table, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SHARED, self.tr("Maßnahmen anderer Gemeinden (wip:importmeasures)"), table, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Sprache des Berichts"), options=list(LANGUAGE_NAMES), defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Bericht (HTML)"), self.tr("HTML-Dateien (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Bericht (PDF, leer: kein PDF)"), self.tr("PDF-Dateien (*.pdf)"),
            optional=True, createByDefault=False))

    # -- run -------------------------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        # inputs are read and checked in the planner's language, the report is written in its own
        inputs = self._inputs(parameters, context)
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        with report_language(language):
            return self._write(inputs, parameters, context, feedback)

    def _inputs(self, parameters, context) -> ReportInputs:
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if not html_path:
            raise QgsProcessingException(self.tr("Bitte eine HTML-Datei für den Bericht angeben."))
        for path in (html_path, pdf_path):
            if path:
                _check_writable(path)
        municipality = self._drawn_source(parameters, self.MUNICIPALITY, context)
        if municipality is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.MUNICIPALITY))
        name, ags, shape = self._municipality(municipality, context)
        chosen = self.parameterAsInt(parameters, self.ALTERNATIVE, context)
        try:
            balance = check_balance(*self._table(parameters, self.BALANCE, context))
            indicators = check_indicators(*self._table(parameters, self.INDICATORS, context))
            assumptions = check_assumptions(*self._table(parameters, self.ASSUMPTIONS, context))
            allocation = self._drawn_source(parameters, self.ALLOCATION, context)
            allocation_rows = None
            if allocation is not None:
                fields, rows = _rows(allocation)
                allocation_rows = check_table("ALLOCATION", fields, rows, ALLOCATION_FIELDS,
                                              numeric=("ha", "gwh_a"), integer=("alternative",))
                numbers = sorted({row["alternative"] for row in allocation_rows})
                if not is_alternative(chosen, set(numbers)):
                    raise ReportError(self.tr("Die Planungsvariante {number} gibt es nicht; vorhanden: {numbers}.")
                                      .format(number=chosen, numbers=alternative_numbers(set(numbers))))
            alternatives = None  # from the allocation when no indicator table is given (its names are report text)
            alternative_indicators = self.parameterAsSource(parameters, self.ALTERNATIVE_INDICATORS, context)
            if alternative_indicators is not None:
                alternatives = check_alternatives(*_rows(alternative_indicators))
            measures, result, progress = self._measures(parameters, context, balance)
        except (ReportError, MeasuresError) as error:
            raise QgsProcessingException(str(error)) from error
        municipality_layer = self.parameterAsVectorLayer(parameters, self.MUNICIPALITY, context)
        demo_data = municipality_layer is not None and \
            Path(municipality_layer.source().split("|")[0]).name == DEMO_GPKG.name
        return ReportInputs(html_path, pdf_path, municipality, name, ags, shape, chosen, balance, indicators,
                            assumptions, allocation, allocation_rows, alternatives, demo_data, measures, result,
                            progress, peer_measures(measures, self.read_table(parameters, self.SHARED, context,
                                                                             SHARED_FIELDS)))

    def _measures(self, parameters, context, balance):
        """The planner's catalogue, checked, on the balance's paths, and the monitoring of a later year; none without
        a catalogue."""
        catalogue = self.parameterAsSource(parameters, self.MEASURES, context)
        later = self.read_table(parameters, self.MONITORING, context, BALANCE_FIELDS)
        if catalogue is None:
            if later:
                raise QgsProcessingException(self.tr("Das Monitoring vergleicht mit dem Maßnahmenkatalog: bitte den "
                                                     "Katalog angeben."))
            return [], None, None
        rows = self.read_table(parameters, self.MEASURES, context, REQUIRED_FIELDS,
                               tuple(name for name, _ in CATALOGUE_FIELDS if name not in REQUIRED_FIELDS))
        if self.parameterAsSource(parameters, self.PATHS, context) is None:
            raise QgsProcessingException(self.tr("Zum Maßnahmenkatalog gehören die Pfade je Hebel der Energiebilanz "
                                                 "(PATHS von wip:energybalance)."))
        measures = [measure_from_row(row) for row in rows]
        check_catalogue(measures)
        paths = read_paths(self.read_table(parameters, self.PATHS, context, PATH_FIELDS))
        progress = monitoring(measures, paths, balance, check_balance(BALANCE_FIELDS, later)) if later else None
        return measures, wedges(measures, paths), progress

    def _catalog_titles(self, parameters, context) -> set[str]:
        """The titles of the criteria catalogs whose eligible land the report shows."""
        titles = set()
        for layer in self.parameterAsLayerList(parameters, self.ELIGIBLE, context):
            if isinstance(layer, QgsVectorLayer) and "catalog" in layer.fields().names():
                titles |= {str(value) for value in (feature["catalog"] for feature in layer.getFeatures())
                           if not is_null(value)}
        return titles

    def _write(self, inputs: ReportInputs, parameters, context, feedback) -> dict:
        html_path, pdf_path, name, shape = inputs.html_path, inputs.pdf_path, inputs.name, inputs.shape
        balance, allocation, alternatives = inputs.balance, inputs.allocation, inputs.alternatives
        if alternatives is None:
            alternatives = alternatives_from_allocation(inputs.allocation_rows) if inputs.allocation_rows else []
        title = self.parameterAsString(parameters, self.TITLE, context).strip() or \
            self.tr("Zukunftsprofil {name}").format(name=name)
        area_ha = shape.area() / 1e4 if not shape.isEmpty() else 0.0
        similar = None
        key = normalise_ags(inputs.ags)
        if key:
            try:
                similar = peer_comparison(key, min(row["year"] for row in balance))
            except BalanceError as error:
                feedback.pushWarning(str(error))
        if similar is None:
            feedback.pushInfo(self.tr("Der Vergleich mit ähnlichen Gemeinden braucht einen Gemeindeschlüssel (Feld "
                                      "AGS) einer Gemeinde Mitteldeutschlands; {name} hat keinen.").format(name=name)
                              if not inputs.ags else
                              self.tr("Gemeindeschlüssel {ags}: nicht in der Gemeindestatistik Mitteldeutschlands, "
                                      "kein Vergleich mit ähnlichen Gemeinden.").format(ags=inputs.ags))
        try:
            report = ProfileReport(name, title, datetime.date.today(), balance, inputs.indicators,
                                   inputs.assumptions, alternatives,
                                   inputs.chosen if alternatives or allocation is not None else None,
                                   municipality_ha=area_ha or None, demo_data=inputs.demo_data,
                                   register=report_register(self._catalog_titles(parameters, context)),
                                   measures=inputs.measures, wedges=inputs.wedges, monitoring=inputs.monitoring,
                                   peers=inputs.peers, similar=similar,
                                   runs=producing_runs(layer for _label, layer in run_inputs(self, parameters, context)
                                                       if not isinstance(layer, str)))
        except (ReportError, SourcesError) as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(10)

        images = {}  # name → QImage
        chart = balance_chart(balance)
        images[CHART_BALANCE] = paint_chart(chart)
        if alternatives:
            images[CHART_ALTERNATIVES] = paint_chart(alternatives_chart(alternatives, report.chosen))
        if report.wedges is not None:
            images[CHART_WEDGES] = paint_chart(wedge_chart(report))
        maps = self._maps(parameters, context, feedback, inputs.municipality, name, shape, allocation, report)
        if maps is None:  # cancelled
            return {}
        for figure, image in maps:
            report.maps[figure.key] = figure
            images[figure.image] = image
        feedback.setProgress(80)

        encoded = {key: data_uri(png_bytes(image)) for key, image in images.items()}
        resources = {key: f"{key}.png" for key in images}
        staged = {html_path: staging_file(html_path)}  # written aside, moved into place when both are complete
        if pdf_path:
            staged[pdf_path] = staging_file(pdf_path)
        try:
            Path(staged[html_path]).write_text(build_html(report, encoded), encoding="utf-8")
            if pdf_path:
                write_pdf(build_html(report, resources),
                          {resources[key]: image for key, image in images.items()}, staged[pdf_path], title)
                if os.path.getsize(staged[pdf_path]) == 0:
                    raise OSError(self.tr("das PDF ist leer"))
            if feedback.isCanceled():
                return {}
            for final_path, path in staged.items():  # a failed move: the run's guard removes what was new
                move_into_place(path, final_path)
        except OSError as error:
            raise QgsProcessingException(self.tr("Der Bericht konnte nicht geschrieben werden: {error}").format(
                error=error)) from error
        finally:
            for path in staged.values():
                discard(path)
        feedback.pushInfo(self.tr("Zukunftsprofil geschrieben: {path}").format(path=html_path))
        if pdf_path:
            feedback.pushInfo(self.tr("PDF geschrieben: {path}").format(path=pdf_path))
        feedback.setProgress(100)
        return {self.OUTPUT_HTML: html_path, self.OUTPUT_PDF: pdf_path or None}

    # -- reading ---------------------------------------------------------------------------------------------------

    def _drawn_source(self, parameters, name, context):
        """A layer the report only draws: an invalid geometry draws as it is instead of stopping the report (the
        Processing setting for invalid features is meant for computations)."""
        source = self.parameterAsSource(parameters, name, context)
        if source is not None:
            source.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        return source

    def _table(self, parameters, name, context):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.tr("Die Tabelle {name} fehlt.").format(name=name))
        return _rows(source)

    def _municipality(self, source, context) -> tuple[str, str, QgsGeometry]:
        """The municipality's name (field GEN, name … of the first feature, else the layer name), its key (field
        AGS, else empty) and its shape in the working CRS (empty when nothing can be drawn)."""
        features = list(source.getFeatures())
        if not features:
            raise QgsProcessingException(self.tr("Die Gemeindeebene enthält keine Objekte."))
        fields = source.fields().names()
        field = next((f for hint in NAME_FIELDS for f in fields if f.lower() == hint), None)
        value = features[0][field] if field else None
        name = str(value).strip() if value is not None and not is_null(value) and str(value).strip() else \
            source.sourceName()
        key_field = next((f for f in fields if f.lower() == AGS_FIELD), None)
        key = features[0][key_field] if key_field else None
        ags = "" if key is None or is_null(key) else str(key).strip()
        crs = working_crs(source)
        geometries = []
        for feature in features:
            geometry = feature.geometry().makeValid()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if source.sourceCrs().isValid() and source.sourceCrs() != crs:
                geometry.transform(QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext()))
            geometries.append(geometry)
        return name, ags, QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()

    # -- maps ------------------------------------------------------------------------------------------------------

    def _maps(self, parameters, context, feedback, municipality, name, shape, allocation, report):
        """(MapFigure, QImage) per map whose input is given; None when cancelled."""
        crs: QgsCoordinateReferenceSystem = working_crs(municipality)
        transform_context = context.transformContext()
        extent = map_extent(shape)
        if extent.isEmpty():
            raise QgsProcessingException(self.tr("Die Gemeindeebene hat keine Geometrie, die sich zeichnen lässt."))
        outline = outline_copy(municipality, name)
        outline_legend = legend_entries(outline)
        layers = {}  # map key → (layer copies, caption sentences)

        eligible = [layer for layer in self.parameterAsLayerList(parameters, self.ELIGIBLE, context)
                    if isinstance(layer, QgsVectorLayer)]
        if eligible:
            copies = []
            for position, layer in enumerate(eligible):
                copy = styled_copy(layer, _eligible_label(layer), result_style("eligibility", "ELIGIBLE"))
                if position:
                    set_colour(copy, AREA_COLOURS[position % len(AREA_COLOURS)])
                copies.append(copy)
            layers["eligible"] = (copies, [])

        robustness = self._drawn_source(parameters, self.ROBUSTNESS, context)
        if robustness is not None:
            self._require_field(robustness, "kept_pct", "ROBUSTNESS")
            copy = styled_copy(robustness, self.tr("Robustheit der Flächenkulisse"),
                               result_style("eligibilityrobustness", "OUTPUT"))
            names = max((str(feature["variants"] or "").split(", ") for feature in robustness.getFeatures()),
                        key=len, default=[]) if "variants" in robustness.fields().names() else []
            layers["robustness"] = ([copy], [self.tr("Farbe: Anteil der Kriterienvarianten, in denen eine Fläche "
                                                     "geeignet bleibt.")] + ([self.tr("Varianten: {names}.").format(
                                                         names=", ".join(names))] if names else []))

        sites = self._drawn_source(parameters, self.SITES, context)
        if sites is not None:
            self._require_field(sites, "score", "SITES")
            copy = styled_copy(sites, self.tr("Bewertete Standorte"), result_style("sitescore", "OUTPUT"))
            layers["sites"] = ([copy], [self.tr("Farbe: Eignung der Standorte in Punkten von 0 bis 100; je höher, "
                                                "desto besser geeignet.")])

        if allocation is not None:
            chosen = report.chosen_alternative() or {}
            copy = layer_copy(allocation, self.tr("Variante {number}").format(number=report.chosen),
                              f'"alternative" = {int(report.chosen)}')
            if not apply_style(copy, result_style("zoningalternatives", "ALLOCATION")):
                categorized(copy, "use", [(use, use_label(use), USE_COLOURS[use]) for use in USES])
            relabel_categories(copy, lambda value: use_label(value) if value in USES else None)
            title = self.tr("Variante {number}: {name}").format(number=report.chosen, name=chosen.get("name") or "–")
            layers["alternative"] = ([copy], [f"{title}."])

        heat = self._drawn_source(parameters, self.HEAT_SUITABILITY, context)
        if heat is not None:
            self._require_field(heat, "level", "HEAT_SUITABILITY")
            copy = layer_copy(heat, self.tr("Eignung für Wärmenetze"))
            if not apply_style(copy, result_style("heatsuitability", "OUTPUT")):
                categorized(copy, "level", [(level, "", colour) for level, colour in zip(LEVELS, LEVEL_COLOURS)])
            relabel_categories(copy, _level_label)
            layers["heat"] = ([copy], [self.tr("Stufen nach § 19 WPG; Ergebnis einer Vorprüfung, keine "
                                               "Festlegung.")])

        turbines = self._drawn_source(parameters, self.TURBINES, context)
        if turbines is not None:
            self._add_turbines(turbines, allocation, report.chosen, layers, crs, transform_context, feedback)

        catalogue = self._drawn_source(parameters, self.MEASURES, context)
        if report.measures and catalogue is not None and catalogue.wkbType() != WKB_NO_GEOMETRY:
            placed = {str(feature["measure_id"]) for feature in catalogue.getFeatures()
                      if feature.hasGeometry() and not feature.geometry().isEmpty()}
            for position, measure in enumerate(report.measures):
                if measure.measure_id in placed:
                    copy = layer_copy(catalogue, measure.title, "\"measure_id\" = " + QgsExpression.quotedValue(
                        measure.measure_id))
                    set_colour(copy, MEASURE_COLOURS[position % len(MEASURE_COLOURS)])
                    layers[measure_map_key(measure.measure_id)] = ([copy], [])

        if layers:
            report.notes.append(self.tr("Karten im Koordinatenbezugssystem {crs}.").format(
                crs=f"{crs.description()} ({crs.authid()})" if crs.authid() else crs.description()))
        result = []
        for step, (key, (copies, sentences)) in enumerate(layers.items()):
            if feedback.isCanceled():
                return None
            areas = [copy for copy in copies if copy.geometryType() != GEOMETRY_POINT]
            points = [copy for copy in copies if copy.geometryType() == GEOMETRY_POINT]
            image = render_map([*areas, outline, *points], extent, crs, transform_context)  # bottom first
            legend = [entry for copy in copies for entry in legend_entries(copy)] + outline_legend
            result.append((MapFigure(key, f"map_{key}", legend, " ".join(sentences)), image))
            feedback.setProgress(10 + 70 * (step + 1) / max(1, len(layers)))
        return result

    def _add_turbines(self, turbines, allocation, chosen, layers, crs, transform_context, feedback) -> None:
        """The turbines of the Ertrag step on the map of the chosen alternative, those inside its wind units only;
        without an allocation all of them on the map of the sites or the eligible land, the caption saying so."""
        total = turbines.featureCount()
        if allocation is not None:
            inside = _turbines_in_wind_units(turbines, allocation, chosen, crs, transform_context)
            copies, sentences = layers["alternative"]
            if inside:
                copies.append(styled_copy(turbines, self.tr("Windenergieanlagen"),
                                          result_style("windlayout", "TURBINES"), feature_ids=inside))
            sentences.append(self.tr("Windenergieanlagen in den Windflächen dieser Variante: {count} von {total} "
                                     "aus der Ertragsberechnung.").format(count=len(inside), total=total))
            return
        host = next((key for key in ("sites", "eligible") if key in layers), None)
        if host is None:
            feedback.pushWarning(self.tr("Die Windenergieanlagen werden nur zusammen mit einer Flächenkarte "
                                         "gezeigt (ELIGIBLE, SITES oder ALLOCATION)."))
            return
        copies, sentences = layers[host]
        copies.append(styled_copy(turbines, self.tr("Windenergieanlagen"), result_style("windlayout", "TURBINES")))
        sentences.append(self.tr("Windenergieanlagen: alle {total} aus der Ertragsberechnung, nicht nach einer "
                                 "Planungsvariante ausgewählt (keine angegeben).").format(total=total))

    def _require_field(self, source, field: str, parameter: str) -> None:
        if field not in source.fields().names():
            raise QgsProcessingException(self.tr("Der Ebene {parameter} („{name}“) fehlt das Feld „{field}“.")
                                         .format(parameter=parameter, name=source.sourceName(), field=field))


def _turbines_in_wind_units(turbines, allocation, chosen: int, crs, transform_context) -> list[int]:
    """The ids of the turbines inside (or on the edge of) the units that alternative ``chosen`` gives to wind;
    ``crs`` is the maps' projected CRS."""
    units = QgsFeatureRequest().setFilterExpression(f'"alternative" = {int(chosen)} AND "use" = \'wind\'')
    units.setDestinationCrs(crs, transform_context)
    shapes = [unit.geometry().makeValid() for unit in allocation.getFeatures(units) if unit.hasGeometry()]
    if not shapes:
        return []
    wind = QgsGeometry.unaryUnion(shapes).buffer(TURBINE_EDGE_TOLERANCE_M, 4)
    engine = QgsGeometry.createGeometryEngine(wind.constGet())
    engine.prepareGeometry()
    points = QgsFeatureRequest().setDestinationCrs(crs, transform_context).setFilterRect(wind.boundingBox())
    return [turbine.id() for turbine in turbines.getFeatures(points)
            if turbine.hasGeometry() and engine.intersects(turbine.geometry().constGet())]


def _level_label(value) -> str | None:
    try:
        level = int(value)
    except (TypeError, ValueError):
        return None
    return f"{level} {level_text(level)}" if level in LEVELS else None


def _check_writable(path: str) -> None:
    """Fail before any work when the folder of ``path`` does not exist or cannot be written. Asked of the file
    system rather than tried: a probe file would be left behind by a run killed at that moment."""
    folder = Path(path).parent
    if not folder.is_dir():
        raise QgsProcessingException(core_i18n.tr("Der Ordner {folder} existiert nicht.").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QgsProcessingException(core_i18n.tr("In den Ordner {folder} kann nicht geschrieben werden.")
                                     .format(folder=folder))


def _eligible_label(layer) -> str:
    """The legend entry of eligible land: its technology from the catalog that made it (wind and PV layers often
    share the name "Geeignete Flächen"), else the layer's name."""
    if "catalog" not in layer.fields().names():
        return layer.name()
    title = next((feature["catalog"] for feature in layer.getFeatures() if not is_null(feature["catalog"])), None)
    return core_i18n.tr("Geeignete Flächen – {technology}").format(technology=technology_of(str(title))) \
        if title else layer.name()
