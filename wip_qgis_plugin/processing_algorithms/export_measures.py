"""wip:exportmeasures – Maßnahmenkatalog teilen: the planner's catalogue as one JSON file for other municipalities,
with the name and key of the municipality it comes from and the date; the places stay home."""
from __future__ import annotations

import datetime
import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.measures import (
    CATALOGUE_FIELDS,
    REQUIRED_FIELDS,
    MeasuresError,
    check_catalogue,
    measure_from_row,
    shared_document,
)
from ..qgis_io.compat import SOURCE_VECTOR
from .base import WipAlgorithm
from .guards import write_text_file


class ExportMeasuresAlgorithm(WipAlgorithm):
    algorithm_id = "exportmeasures"

    CATALOGUE = "CATALOGUE"
    MUNICIPALITY = "MUNICIPALITY"
    AGS = "AGS"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Schreibt den Maßnahmenkatalog (aus „Maßnahmenkatalog ableiten“, wie bearbeitet) als eine JSON-Datei, "
            "die andere Gemeinden mit „Geteilte Maßnahmenkataloge einlesen“ übernehmen: jede Maßnahme mit Wirkung, "
            "Kosten, Akteur, Jahren und Status, dazu Name und Gemeindeschlüssel der Gemeinde und das Datum. Die "
            "Flächen der Maßnahmen bleiben in der Gemeinde. Jede Maßnahme wird vorher geprüft.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CATALOGUE, self.tr("Maßnahmenkatalog"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterString(self.MUNICIPALITY, self.tr("Gemeinde")))
        self.addParameter(QgsProcessingParameterString(self.AGS, self.tr("Gemeindeschlüssel (AGS)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Geteilter Katalog (JSON)"), self.tr("JSON-Dateien (*.json)")))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        rows = self.read_table(parameters, self.CATALOGUE, context, REQUIRED_FIELDS,
                               tuple(name for name, _ in CATALOGUE_FIELDS if name not in REQUIRED_FIELDS))
        if not rows:
            raise QgsProcessingException(self.tr("Der Maßnahmenkatalog ist leer: nichts zu teilen."))
        try:
            measures = [measure_from_row(row) for row in rows]
            check_catalogue(measures)
            document = shared_document(measures, self.parameterAsString(parameters, self.MUNICIPALITY, context),
                                       self.parameterAsString(parameters, self.AGS, context),
                                       datetime.date.today())
        except MeasuresError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(50)
        if feedback.isCanceled():
            return {}
        write_text_file(path, json.dumps(document, ensure_ascii=False, indent=1))
        feedback.pushInfo(self.tr("{count} Maßnahmen geteilt: {path}").format(count=len(measures), path=path))
        return {self.OUTPUT: path}
