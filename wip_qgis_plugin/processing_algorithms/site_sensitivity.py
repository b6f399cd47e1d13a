"""wip:sitesensitivity – Robustheit der Rangfolge: how much the ranking of sites depends on the weights of a
Bewertungsschema (Monte-Carlo perturbation and one-at-a-time weight changes, seeded)."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..core.scoring import ScoringError, sensitivity
from ..qgis_io.compat import DOUBLE, NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR, STRING, WKB_NO_GEOMETRY, new_field
from ..qgis_io.layers import write_frame
from .base import result_fields
from .site_score import SchemeAlgorithm, read_sites


class SiteSensitivityAlgorithm(SchemeAlgorithm):
    algorithm_id = "sitesensitivity"

    RUNS = "RUNS"
    SPREAD = "SPREAD"
    TOP_K = "TOP_K"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    INFLUENCE = "INFLUENCE"


    def shortHelpString(self):
        return self.tr(
            "Prüft, wie stark die Rangfolge der Standorte von den Gewichten des Bewertungsschemas abhängt. "
            "Monte-Carlo: in jedem Lauf wird jedes Gewicht mit einem log-normalen Faktor (Streuung σ) "
            "multipliziert; je Standort folgen mittlerer Rang, 5–95-%-Rangspanne und die Wahrscheinlichkeit, unter "
            "den besten k zu sein. Einzeländerung: jedes Gewicht allein um ± Streuung; die Tabelle nennt die "
            "mittlere Rangänderung je Kriterium. Mit demselben Startwert ist das Ergebnis wiederholbar.")

    def initAlgorithm(self, config=None):
        self.add_scheme_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            self.RUNS, self.tr("Monte-Carlo-Läufe"), NUMBER_INTEGER, 500, minValue=1,
            maxValue=100000))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPREAD, self.tr("Streuung der Gewichte (σ, Anteil)"), NUMBER_DOUBLE, 0.2,
            minValue=0.01, maxValue=0.99))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOP_K, self.tr("Beste k Standorte"), NUMBER_INTEGER, 5, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Startwert des Zufallsgenerators"), NUMBER_INTEGER, 1))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Standorte mit Rangspanne")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INFLUENCE, self.tr("Einfluss der Gewichte"), SOURCE_VECTOR))

    def process(self, parameters, context, feedback):
        sites, scheme, weights, frame, utility = read_sites(self, parameters, context, feedback)
        top_k = self.parameterAsInt(parameters, self.TOP_K, context)
        try:
            result = sensitivity(utility, weights, scheme.method, scheme.missing,
                                 runs=self.parameterAsInt(parameters, self.RUNS, context),
                                 spread=self.parameterAsDouble(parameters, self.SPREAD, context), top_k=top_k,
                                 seed=self.parameterAsInt(parameters, self.SEED, context))
        except ScoringError as error:
            raise QgsProcessingException(str(error)) from error
        ranks = {"mean_rank": result.mean_rank, "rank_p05": result.rank_p05, "rank_p95": result.rank_p95,
                 f"p_top{top_k}": result.top_probability}
        fields = result_fields(sites, [(name, DOUBLE) for name in ranks])
        feedback.setProgress(50)  # computed; the outputs are written next
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, sites.wkbType(),
                                                 sites.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_frame(frame.assign(**ranks)[fields.names() + ["geometry"]], sink, feedback, as_multi=False)

        table_fields = QgsFields()
        for name, kind in (("field", STRING), ("label", STRING), ("weight", DOUBLE),
                           ("mean_rank_change", DOUBLE)):
            table_fields.append(new_field(name, kind))
        table, table_destination = self.parameterAsSink(parameters, self.INFLUENCE, context, table_fields,
                                                        WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem())
        if table is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.INFLUENCE))
        for index in sorted(range(len(weights)), key=lambda k: -result.influence[k]):
            row = QgsFeature(table_fields)
            criterion = scheme.criteria[index]
            row.setAttributes([criterion.key, criterion.label, float(weights[index]),
                               float(result.influence[index])])
            table.addFeature(row, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: destination, self.INFLUENCE: table_destination}
