"""wip:eligibilityrobustness – Robustheit der Flächenkulisse: the Flächenkulisse over variants of the criteria
(other distances, criteria left out, soft criteria excluding or not) as a map of how many variants keep each piece
eligible, with each variant's eligible land and the land per robustness class."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
)

from ..core.eligibility import compute_robustness
from ..qgis_io.compat import SOURCE_POLYGON, SOURCE_VECTOR
from .eligibility import EligibilityAlgorithm


class EligibilityRobustnessAlgorithm(EligibilityAlgorithm):
    algorithm_id = "eligibilityrobustness"

    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def shortHelpString(self):
        return self.tr(
            "Die Flächenkulisse über Varianten der Kriterien: Wie viele Varianten lassen jede Fläche geeignet? "
            "Für die Frage des Gemeinderats „Was, wenn wir 800 m Abstand wählen?“.\n\n"
            "Die erste Variante ist der Katalog, wie eingestellt (mit abweichenden Abständen und der Einstellung "
            "für weiche Kriterien). Jede Zeile der Variantentabelle ändert eine Variante: Name der Variante, "
            "Kriterium (Kennung aus dem Katalog) und Abstand in Metern oder „aus“; die Zeile „weich“ mit „aus“ lässt "
            "die weichen Kriterien nicht ausschließen. Zeilen mit gleichem Namen bilden eine Variante, z. B.\n"
            "Siedlung 800 m | wohnsiedlung_abstand | 800\n"
            "ohne Wald | wald | aus\n"
            "nur harte Kriterien | weich | aus\n\n"
            "Ergebnis: die Flächen, die in mindestens einer Variante geeignet sind, mit der Zahl und den Namen der "
            "Varianten, die sie behalten, und eine Tabelle mit der geeigneten Fläche jeder Variante und der Fläche "
            "je Robustheitsklasse. Jede Zone wird nur einmal je Abstand gebildet, das Gebiet einmal zerlegt; jede "
            "Variante hat genau die Fläche, die „Flächenkulisse ermitteln“ mit ihren Einstellungen ergibt.")

    def initAlgorithm(self, config=None):
        self.add_inputs()
        self.add_variants()  # optional for Processing: an empty table gets the message below
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Robustheit der Flächenkulisse"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, self.tr("Flächen je Variante und Robustheitsklasse"), SOURCE_VECTOR))

    def process(self, parameters, context, feedback):
        catalog = self._catalog(parameters, context)
        overrides = self.distance_overrides([catalog], parameters, context)
        variants = self.criteria_variants(parameters, context, catalog, overrides)
        if len(variants) == 1:
            raise QgsProcessingException(self.tr("Bitte mindestens eine Variante in die Variantentabelle eintragen."))
        inputs = self.read_inputs(parameters, context, feedback, catalog, overrides, variants=variants)
        if inputs is None:
            return {}
        result = self.run_engine(feedback, lambda: compute_robustness(
            inputs.study, inputs.constraints, inputs.catalog, variants, study_id_field=inputs.id_field,
            turbine=inputs.turbine, min_area_ha=self.parameterAsDouble(parameters, self.MIN_AREA_HA, context),
            progress=feedback.setProgress, is_cancelled=feedback.isCanceled))
        if result is None:
            return {}
        for variant in variants:
            feedback.pushInfo(self.tr("{variant}: {changes}").format(variant=variant.name,
                                                                      changes=variant.changes(inputs.catalog)))
        return self.write_frames(parameters, context, feedback, inputs.crs,
                                 ((self.OUTPUT, result.pieces), (self.SUMMARY, result.summary)))
