"""wip:sharefile – Kriterienkatalog oder Bewertungsschema teilen: a copy of a criteria catalog or a scoring scheme
for another municipality, checked and with its origin (municipality, key, day); the receiving municipality uses it
as its own catalog or scheme, and its title then names where it comes from."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.catalog import FORMAT as CATALOG_FORMAT
from ..core.catalog import CatalogError, parse_catalog
from ..core.json_reader import read_json
from ..core.scoring import SCHEME_FORMAT, ScoringError, parse_scheme
from ..core.sharing import ORIGIN_KEY, origin_block
from ..qgis_io.compat import FILE_BEHAVIOR_FILE
from .base import WipAlgorithm
from .guards import write_text_file


class ShareFileAlgorithm(WipAlgorithm):
    algorithm_id = "sharefile"

    FILE = "FILE"
    MUNICIPALITY = "MUNICIPALITY"
    AGS = "AGS"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Schreibt einen Kriterienkatalog oder ein Bewertungsschema (JSON) als Datei für eine andere Gemeinde: "
            "geprüft wie beim Einlesen und mit der Herkunft (Gemeinde, Gemeindeschlüssel, Tag). Die andere Gemeinde "
            "wählt die Datei als eigenen Katalog oder eigenes Schema; ihr Titel nennt dann überall, woher sie "
            "stammt (Ergebnisse, Bericht, Quellenverzeichnis). Eine Datei, die schon eine Herkunft hat, behält sie. "
            "Maßnahmenkataloge teilt „Maßnahmenkatalog teilen“.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.FILE, self.tr("Kriterienkatalog oder Bewertungsschema (JSON)"), FILE_BEHAVIOR_FILE, "json"))
        self.addParameter(QgsProcessingParameterString(self.MUNICIPALITY, self.tr("Gemeinde")))
        self.addParameter(QgsProcessingParameterString(self.AGS, self.tr("Gemeindeschlüssel (AGS)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Geteilte Datei (JSON)"), self.tr("JSON-Dateien (*.json)")))

    def process(self, parameters, context, feedback):
        source = Path(self.parameterAsFile(parameters, self.FILE, context))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            data = read_json(source, CatalogError)
            kind = data.get("format") if isinstance(data, dict) else None
            if kind == CATALOG_FORMAT:
                parse_catalog(data, source)
            elif kind == SCHEME_FORMAT:
                parse_scheme(data, source.name)
            else:
                raise CatalogError(self.tr("{file}: weder Kriterienkatalog („{catalog}“) noch Bewertungsschema "
                                           "(„{scheme}“).").format(file=source.name, catalog=CATALOG_FORMAT,
                                                                   scheme=SCHEME_FORMAT))
            if ORIGIN_KEY in data:
                feedback.pushInfo(self.tr("Die Datei hat schon eine Herkunft; sie bleibt."))
            else:
                data[ORIGIN_KEY] = origin_block(self.parameterAsString(parameters, self.MUNICIPALITY, context),
                                                self.parameterAsString(parameters, self.AGS, context),
                                                datetime.date.today())
        except (CatalogError, ScoringError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(50)
        if feedback.isCanceled():
            return {}
        write_text_file(path, json.dumps(data, ensure_ascii=False, indent=2))
        return {self.OUTPUT: path}
