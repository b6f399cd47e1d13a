"""The Processing provider ``wip``; its algorithms are listed explicitly.

This module imports nothing beyond QGIS and the standard library: with a Python package missing, the provider still
lists every algorithm, each saying which package it needs and how to install it, instead of QGIS failing to load the
plugin."""
from __future__ import annotations

import importlib
from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..core.workflow import algorithm_titles, numbered_titles, step_of
from ..dependencies import install_hint, missing_requirements
from ..manual import manual_url

PROVIDER_ID = "wip"
ICON_PATH = Path(__file__).parent.parent / "resources" / "icons" / "wip.svg"
ALGORITHM_CLASSES = {  # algorithm name → (module of this package, class)
    "eligibility": ("eligibility", "EligibilityAlgorithm"),
    "eligibilityrobustness": ("eligibility_robustness", "EligibilityRobustnessAlgorithm"),
    "sitecriteria": ("site_criteria", "SiteCriteriaAlgorithm"),
    "sitescore": ("site_score", "SiteScoreAlgorithm"),
    "sitesensitivity": ("site_sensitivity", "SiteSensitivityAlgorithm"),
    "windlayout": ("wind_layout", "WindLayoutAlgorithm"),
    "pvyield": ("pv_yield", "PvYieldAlgorithm"),
    "rooftoppv": ("rooftop_pv", "RooftopPvAlgorithm"),
    "zoningalternatives": ("zoning_alternatives", "ZoningAlternativesAlgorithm"),
    "xplanexport": ("xplan_export", "XPlanExportAlgorithm"),
    "heatdemand": ("heat_demand", "HeatDemandAlgorithm"),
    "heatdensity": ("heat_density", "HeatDensityAlgorithm"),
    "heatsuitability": ("heat_suitability", "HeatSuitabilityAlgorithm"),
    "xwaermeplanexport": ("xwaermeplan_export", "XWaermeplanExportAlgorithm"),
    "energybalance": ("energy_balance", "EnergyBalanceAlgorithm"),
    "measures": ("measures", "MeasuresAlgorithm"),
    "exportmeasures": ("export_measures", "ExportMeasuresAlgorithm"),
    "importmeasures": ("import_measures", "ImportMeasuresAlgorithm"),
    "sharefile": ("share_file", "ShareFileAlgorithm"),
    "futureprofile": ("future_profile", "FutureProfileAlgorithm"),
    "regionprofiles": ("region_profiles", "RegionProfilesAlgorithm"),
    "rerun": ("rerun", "RerunAlgorithm"),
}


def algorithm_classes() -> list:
    """The algorithm classes in workflow order (imports the packages they need)."""
    return [getattr(importlib.import_module(f".{module}", __package__), name)
            for module, name in ALGORITHM_CLASSES.values()]


class WorkflowPlace:
    """An algorithm's title, toolbox group (its workflow step, numbered) and icon, from its ``name()``: the same
    for a working algorithm and for one that waits for its packages."""

    def displayName(self) -> str:  # noqa: N802 - Processing API
        return algorithm_titles()[self.name()]

    def groupId(self) -> str:  # noqa: N802 - Processing API
        """The key of the workflow step the algorithm belongs to."""
        return step_of(self.name())

    def group(self) -> str:
        return numbered_titles()[self.groupId()]

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))


class UnavailableAlgorithm(WorkflowPlace, QgsProcessingAlgorithm):
    """An algorithm whose Python packages are missing: it keeps its place, name and group in the toolbox, and
    Processing shows why it cannot run (``canExecute``) instead of its parameters."""

    def __init__(self, algorithm: str, reason: str):
        super().__init__()
        self.algorithm, self.reason = algorithm, reason

    def name(self) -> str:
        return self.algorithm

    def shortHelpString(self) -> str:  # noqa: N802 - Processing API
        return self.reason

    def helpUrl(self) -> str:  # noqa: N802 - Processing API
        return manual_url("install")

    def canExecute(self):  # noqa: N802 - Processing API
        return False, self.reason

    def initAlgorithm(self, config=None):  # noqa: N802 - Processing API
        pass  # nothing to ask for: it cannot run

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - Processing API
        raise QgsProcessingException(self.reason)

    def createInstance(self):  # noqa: N802 - Processing API
        return UnavailableAlgorithm(self.algorithm, self.reason)


class WipProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        self.missing: list = []  # the requirements found missing when the algorithms were loaded

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "WIP Energie- und Raumplanung"

    def longName(self) -> str:  # noqa: N802 - Processing API
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def loadAlgorithms(self) -> None:  # noqa: N802 - Processing API
        self.missing = missing = missing_requirements()
        if missing:
            reason = tr("Dieser Algorithmus kann nicht laufen. {hint}").format(hint=install_hint(missing))
            for algorithm in ALGORITHM_CLASSES:
                self.addAlgorithm(UnavailableAlgorithm(algorithm, reason))
            return
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
