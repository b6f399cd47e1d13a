"""wip:sitescore – Standorte bewerten: score, rank and class per site from a Bewertungsschema (value functions and
direct or AHP weights), with one contribution field per criterion so that every score is explainable."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.scoring import Scheme, SchemeCriterion, ScoringError, bind_fields, load_scheme, score, utilities
from ..qgis_io.compat import DOUBLE, INT, SOURCE_ANY_GEOMETRY, STRING
from ..qgis_io.layers import write_frame
from .base import WipAlgorithm, numbers, result_fields

np = lazy_module("numpy")


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
    frame = algorithm.read_input(parameters, algorithm.SITES, context, feedback)
    if frame.empty:
        raise QgsProcessingException(tr("Die Standortebene enthält keine Objekte."))
    try:
        fields = bind_fields(scheme, sites.fields().names())
        values = criterion_matrix(frame, fields)
    except ScoringError as error:
        raise QgsProcessingException(str(error)) from error
    for criterion, field, weight in zip(scheme.criteria, fields, weights):
        feedback.pushInfo(tr("{label} ({field}): Gewicht {weight:.3f}").format(
            label=criterion.label, field=field or "–", weight=weight))
    for criterion in not_assessed(scheme, fields):
        feedback.pushWarning(tr("„{label}“ nicht bewertet: kein Feld der Standorte passt (Standortkriterien mit "
                                "einer Ebene dafür berechnen); es gilt die Regel für fehlende Werte „{policy}“.")
                             .format(label=criterion.label, policy=scheme.missing))
    return sites, scheme, weights, frame, utilities(values, [c.function for c in scheme.criteria])


def not_assessed(scheme: Scheme, fields: list[str | None]) -> list[SchemeCriterion]:
    """The criteria that have no field of the sites (a role without a layer)."""
    return [criterion for criterion, field in zip(scheme.criteria, fields) if field is None]


def criterion_matrix(rows, fields: list[str | None]) -> np.ndarray:
    """The raw criterion values (sites × criteria, NaN for NULL and for a criterion without a field) of ``rows``
    (features, or a frame from ``read_input``) in ``fields``, one per criterion (see :func:`bind_fields`)."""
    values = np.full((len(rows), len(fields)), np.nan)
    for column, field in enumerate(fields):
        if field is not None:
            try:
                values[:, column] = numbers(rows, field, tr("Kriterium"))
            except QgsProcessingException as error:
                raise ScoringError(str(error)) from error
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
            "Bewertet Standorte nach einem Bewertungsschema (JSON): je Kriterium ein Feld der Standortebene oder "
            "eine Rolle (z. B. Abstand zum Umspannwerk), deren Feld aus „Standortkriterien berechnen“ am Namen "
            "erkannt wird (dist_‹Ebene›_m, share_‹Ebene›, mean_‹Feld›, area_ha, compactness; eine Rolle ohne Feld "
            "bleibt unbewertet und folgt der Regel für fehlende Werte), eine Wertfunktion (linear Nutzen/Kosten, "
            "Schwellen, stückweise linear, Idealpunkt) und ein Gewicht, oder "
            "ein AHP-Paarvergleich (Saaty-Skala; bei einem Konsistenzverhältnis CR > 0,10 bricht die Bewertung ab, "
            "außer die Inkonsistenz wird ausdrücklich zugelassen). Verfahren: gewichtete Summe (wlc) oder TOPSIS. "
            "Fehlende Werte: schlechtester Wert, Mittelwert der anderen Standorte oder keine Bewertung.\n\n"
            "Ergebnis: alle Felder der Standorte plus score (0–100), rank (1 = bester), class (A/B/C), "
            "missing (Kriterien ohne Wert) und je Kriterium c_‹Feld oder Kennung›, der Beitrag zum score in Punkten.")

    def initAlgorithm(self, config=None):
        self.add_scheme_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Bewertete Standorte")))

    def process(self, parameters, context, feedback):
        sites, scheme, weights, frame, utility = read_sites(self, parameters, context, feedback)
        try:
            result = score(utility, weights, scheme.method, scheme.missing)
        except ScoringError as error:
            raise QgsProcessingException(str(error)) from error
        gaps = int(result.missing.any(axis=1).sum())
        if gaps:
            feedback.pushInfo(self.tr("{count} Standort(e) mit fehlenden Werten, Regel: {policy}.").format(
                count=gaps, policy=scheme.missing))

        unscored = np.isnan(result.score)  # a site without a score has no contributions either
        contributions = {f"c_{criterion.key}": np.where(unscored, np.nan, result.contributions[:, column])
                         for column, criterion in enumerate(scheme.criteria)}
        fields = result_fields(sites, [("score", DOUBLE), ("rank", INT), ("class", STRING), ("missing", STRING)]
                               + [(name, DOUBLE) for name in contributions])
        feedback.setProgress(50)  # computed; the outputs are written next
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, sites.wkbType(),
                                                 sites.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        gaps_by_site = [", ".join(c.key for c, gap in zip(scheme.criteria, gaps) if gap) or None
                        for gaps in result.missing]
        # a result field the sites already have is replaced
        results = frame.assign(**{"score": result.score, "rank": [int(rank) or None for rank in result.rank],
                                  "class": [str(label) or None for label in result.site_class],
                                  "missing": gaps_by_site, **contributions})
        write_frame(results[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return {self.OUTPUT: destination}
