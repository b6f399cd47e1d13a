"""wip:sitescore – Standorte bewerten: score, rank and class per site from a Bewertungsschema (value functions and
direct or AHP weights), with one contribution field per criterion so that every score is explainable."""

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from ..core.i18n import tr
from ..core.scoring import Scheme, ScoringError, load_scheme, score, utilities
from ..qgis_io.compat import DOUBLE, INT, SOURCE_ANY_GEOMETRY, STRING
from ..qgis_io.layers import is_null
from .base import ResultFields, WipAlgorithm


def read_sites(algorithm, parameters, context, feedback):
    """The sites, their scheme and weights, and the criterion utilities (sites × criteria), checked: shared by
    the scoring and the sensitivity algorithm."""
    sites = algorithm.parameterAsSource(parameters, algorithm.SITES, context)
    if sites is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, algorithm.SITES))
    try:
        scheme = load_scheme(Path(algorithm.parameterAsFile(parameters, algorithm.SCHEME, context)))
        weights, ahp = scheme.weights(algorithm.parameterAsBool(parameters, algorithm.ACCEPT_INCONSISTENT, context))
    except ScoringError as error:
        raise QgsProcessingException(str(error)) from error
    if ahp is not None:
        feedback.pushInfo(tr("AHP: λmax = {lam:.3f}, CR = {cr:.3f}").format(lam=ahp.lambda_max,
                                                                         cr=ahp.consistency_ratio))
    features = list(sites.getFeatures())
    if not features:
        raise QgsProcessingException(tr("Die Standortebene enthält keine Objekte."))
    try:
        values = criterion_matrix(sites.fields().names(), features, scheme)
    except ScoringError as error:
        raise QgsProcessingException(str(error)) from error
    for criterion, weight in zip(scheme.criteria, weights):
        feedback.pushInfo(tr("{label} ({field}): Gewicht {weight:.3f}").format(
            label=criterion.label, field=criterion.field, weight=weight))
    return sites, scheme, weights, features, utilities(values, [c.function for c in scheme.criteria])


def criterion_matrix(field_names: list[str], features, scheme: Scheme) -> np.ndarray:
    """The raw criterion values (sites × criteria, NaN for NULL) of ``features`` for the fields of ``scheme``."""
    missing_fields = [c.field for c in scheme.criteria if c.field not in field_names]
    if missing_fields:
        raise ScoringError(tr("Den Standorten fehlen die Felder {fields} des Schemas.").format(
            fields=", ".join(missing_fields)))
    values = np.full((len(features), len(scheme.criteria)), np.nan)
    for row, feature in enumerate(features):
        for column, criterion in enumerate(scheme.criteria):
            value = feature[criterion.field]
            if is_null(value):
                continue
            try:
                values[row, column] = float(value)
            except (TypeError, ValueError) as error:
                raise ScoringError(tr("Feld „{field}“ von Objekt {fid}: „{value}“ ist keine Zahl.").format(
                    field=criterion.field, fid=feature.id(), value=value)) from error
    return values


class SchemeAlgorithm(WipAlgorithm):
    """Algorithms that apply a Bewertungsschema to sites: the shared parameters."""

    SITES = "SITES"
    SCHEME = "SCHEME"
    ACCEPT_INCONSISTENT = "ACCEPT_INCONSISTENT"

    def add_scheme_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Standorte"), [SOURCE_ANY_GEOMETRY]))
        self.addParameter(QgsProcessingParameterFile(self.SCHEME, self.tr("Bewertungsschema (JSON)"),
                                                     extension="json"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ACCEPT_INCONSISTENT, self.tr("Inkonsistenten Paarvergleich (CR > 0,10) zulassen"),
            defaultValue=False))


class SiteScoreAlgorithm(SchemeAlgorithm):
    algorithm_id = "sitescore"

    OUTPUT = "OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Bewertet Standorte nach einem Bewertungsschema (JSON): je Kriterium ein Feld der Standortebene, eine "
            "Wertfunktion (linear Nutzen/Kosten, Schwellen, stückweise linear, Idealpunkt) und ein Gewicht, oder "
            "ein AHP-Paarvergleich (Saaty-Skala; bei einem Konsistenzverhältnis CR > 0,10 bricht die Bewertung ab, "
            "außer die Inkonsistenz wird ausdrücklich zugelassen). Verfahren: gewichtete Summe (wlc) oder TOPSIS. "
            "Fehlende Werte: schlechtester Wert, Mittelwert der anderen Standorte oder keine Bewertung.\n\n"
            "Ergebnis: alle Felder der Standorte plus score (0–100), rank (1 = bester), class (A/B/C), "
            "missing (Kriterien ohne Wert) und je Kriterium c_‹Feld›, der Beitrag zum score in Punkten.")

    def initAlgorithm(self, config=None):
        self.add_scheme_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Bewertete Standorte")))

    def process(self, parameters, context, feedback):
        sites, scheme, weights, features, utility = read_sites(self, parameters, context, feedback)
        try:
            result = score(utility, weights, scheme.method, scheme.missing)
        except ScoringError as error:
            raise QgsProcessingException(str(error)) from error
        gaps = int(result.missing.any(axis=1).sum())
        if gaps:
            feedback.pushInfo(self.tr("{count} Standort(e) mit fehlenden Werten, Regel: {policy}.").format(
                count=gaps, policy=scheme.missing))

        result_fields = ResultFields(sites, [("score", DOUBLE), ("rank", INT),
                                             ("class", STRING), ("missing", STRING)]
                                     + [(f"c_{criterion.field}", DOUBLE) for criterion in scheme.criteria])
        fields = result_fields.fields
        feedback.setProgress(50)  # computed; the outputs are written next
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, sites.wkbType(),
                                                 sites.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for row, feature in enumerate(features):
            if feedback.isCanceled():
                break
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            gaps_here = [c.field for c, gap in zip(scheme.criteria, result.missing[row]) if gap]
            site_score = None if np.isnan(result.score[row]) else float(result.score[row])
            out.setAttributes(result_fields.attributes(feature, [
                site_score, int(result.rank[row]) or None, str(result.site_class[row]) or None,
                ", ".join(gaps_here) or None] + [None if site_score is None else float(v)
                                                   for v in result.contributions[row]]))
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: destination}
