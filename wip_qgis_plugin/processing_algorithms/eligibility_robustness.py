"""wip:eligibilityrobustness – Robustheit der Flächenkulisse: the Flächenkulisse over variants of the criteria
(other distances, criteria left out, soft criteria excluding or not) as a map of how many variants keep each piece
eligible, with each variant's eligible land and the land per robustness class."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMatrix,
)

from ..core.catalog import MAX_DISTANCE_M
from ..core.eligibility import CriteriaVariant, compute_robustness
from ..qgis_io.compat import SOURCE_POLYGON, SOURCE_VECTOR
from .eligibility import EligibilityAlgorithm, metres_of

SOFT_KEYS = ("weich", "soft")  # the variants table's row for the soft criteria as a whole
OFF_VALUES = ("aus", "off")


class EligibilityRobustnessAlgorithm(EligibilityAlgorithm):
    algorithm_id = "eligibilityrobustness"

    VARIANTS = "VARIANTS"
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
        self.addParameter(QgsProcessingParameterMatrix(
            self.VARIANTS, self.tr("Varianten (Name, Kriterium oder „weich“, Abstand in m oder „aus“)"),
            headers=[self.tr("Variante"), self.tr("Kriterium"), self.tr("Abstand (m) oder „aus“")],
            optional=True))  # optional for Processing: an empty table gets the message below
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Robustheit der Flächenkulisse"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, self.tr("Flächen je Variante und Robustheitsklasse"), SOURCE_VECTOR))

    def _variants(self, parameters, context, inputs) -> list[CriteriaVariant]:
        soft_excludes = self.parameterAsBool(parameters, self.SOFT_EXCLUDES, context)
        base = CriteriaVariant(self.tr("Katalog wie eingestellt"), dict(inputs.overrides), frozenset(), soft_excludes)
        cells = self.parameterAsCells(parameters, self.VARIANTS, context)
        if len(cells) % 3:
            raise QgsProcessingException(self.tr("Die Variantentabelle braucht Zeilen aus Name, Kriterium und "
                                                 "Abstand."))
        changes: dict[str, dict] = {}
        for name, criterion_id, value in zip(cells[::3], cells[1::3], cells[2::3]):
            name, criterion_id, value = str(name).strip(), str(criterion_id).strip(), str(value).strip().lower()
            if not name:
                raise QgsProcessingException(self.tr("Variantentabelle: jede Zeile braucht den Namen ihrer Variante."))
            change = changes.setdefault(name, {"distances": dict(inputs.overrides), "off": set(),
                                               "soft": soft_excludes})
            if criterion_id.lower() in SOFT_KEYS:
                change["soft"] = value not in OFF_VALUES
                continue
            if criterion_id not in inputs.catalog.criterion_ids():
                raise QgsProcessingException(self.tr("Variante „{variant}“: Kriterium „{criterion}“ gibt es im "
                                                     "Katalog „{catalog}“ nicht.").format(
                    variant=name, criterion=criterion_id, catalog=inputs.catalog.id))
            if value in OFF_VALUES:
                change["off"].add(criterion_id)
                continue
            metres = metres_of(value)
            if metres is None:
                raise QgsProcessingException(self.tr("Variante „{variant}“: „{value}“ ist für „{criterion}“ weder ein "
                                                     "Abstand in Metern von 0 bis {limit:g} noch „aus“.").format(
                    variant=name, value=value, criterion=criterion_id, limit=MAX_DISTANCE_M))
            change["distances"][criterion_id] = metres
        if not changes:
            raise QgsProcessingException(self.tr("Bitte mindestens eine Variante in die Variantentabelle eintragen."))
        return [base] + [CriteriaVariant(name, change["distances"], frozenset(change["off"]), change["soft"])
                         for name, change in changes.items()]

    def process(self, parameters, context, feedback):
        inputs = self.read_inputs(parameters, context, feedback)
        if inputs is None:
            return {}
        variants = self._variants(parameters, context, inputs)
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
