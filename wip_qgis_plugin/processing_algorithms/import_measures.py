"""wip:importmeasures – Geteilte Maßnahmenkataloge einlesen: the catalogues other municipalities shared (files of
wip:exportmeasures) as one table, each measure with the municipality it comes from; the Zukunftsprofil names those
in the fields of action of the own catalogue."""
from __future__ import annotations

import datetime

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterMultipleLayers,
)

from ..core.lazy import lazy_module
from ..core.measures import CATALOGUE_FIELDS, ORIGIN_FIELDS, MeasuresError, measure_row, read_shared
from ..qgis_io.compat import SOURCE_FILE, SOURCE_VECTOR, STRING, WKB_NO_GEOMETRY, new_field
from ..qgis_io.layers import write_frame
from .base import WipAlgorithm

pd = lazy_module("pandas")

IMPORTED_FIELD = "imported"


class ImportMeasuresAlgorithm(WipAlgorithm):
    algorithm_id = "importmeasures"

    FILES = "FILES"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Liest Maßnahmenkataloge, die andere Gemeinden mit „Maßnahmenkatalog teilen“ geschrieben haben, in eine "
            "Tabelle: jede Maßnahme mit Gemeinde, Gemeindeschlüssel und Datum ihrer Herkunft und dem Tag des "
            "Einlesens. Jede Datei wird geprüft; eine fehlerhafte nennt die Meldung mit der Maßnahme. Das "
            "Zukunftsprofil nennt daraus die Maßnahmen ähnlicher Gemeinden in den eigenen Handlungsfeldern.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FILES, self.tr("Geteilte Kataloge (JSON)"), SOURCE_FILE))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Maßnahmen anderer Gemeinden"), SOURCE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber("MEASURES", self.tr("Anzahl der Maßnahmen")))

    def process(self, parameters, context, feedback):
        paths = self.parameterAsFileList(parameters, self.FILES, context)
        if not paths:
            raise QgsProcessingException(self.tr("Bitte mindestens eine Datei eines geteilten Katalogs angeben."))
        today = datetime.date.today().isoformat()
        rows = []
        for number, path in enumerate(paths, start=1):
            try:
                shared = read_shared(path)
            except MeasuresError as error:
                raise QgsProcessingException(str(error)) from error
            origin = shared.origin
            feedback.pushInfo(self.tr("{origin}: {count} Maßnahmen").format(origin=origin.text(),
                                                                             count=len(shared.measures)))
            rows += [dict(zip(ORIGIN_FIELDS, (origin.municipality, origin.ags, origin.shared.isoformat())),
                          **{IMPORTED_FIELD: today}, **measure_row(measure)) for measure in shared.measures]
            feedback.setProgress(80 * number / len(paths))
            if feedback.isCanceled():
                return {}
        fields = QgsFields()
        for name in (*ORIGIN_FIELDS, IMPORTED_FIELD):
            fields.append(new_field(name, STRING))
        for name, kind in CATALOGUE_FIELDS:
            fields.append(new_field(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_NO_GEOMETRY,
                                                 QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_frame(pd.DataFrame(rows, columns=fields.names(), dtype=object), sink, feedback)
        return {self.OUTPUT: destination, "MEASURES": len(rows)}
