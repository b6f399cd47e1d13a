"""The Processing provider ``wip``; its algorithms are listed explicitly."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import ICON_PATH

PROVIDER_ID = "wip"


def algorithm_classes() -> list:
    from .eligibility import EligibilityAlgorithm
    from .energy_balance import EnergyBalanceAlgorithm
    from .future_profile import FutureProfileAlgorithm
    from .heat_demand import HeatDemandAlgorithm
    from .heat_density import HeatDensityAlgorithm
    from .heat_suitability import HeatSuitabilityAlgorithm
    from .pv_yield import PvYieldAlgorithm
    from .site_criteria import SiteCriteriaAlgorithm
    from .site_score import SiteScoreAlgorithm
    from .site_sensitivity import SiteSensitivityAlgorithm
    from .wind_layout import WindLayoutAlgorithm
    from .zoning_alternatives import ZoningAlternativesAlgorithm

    return [EligibilityAlgorithm, SiteCriteriaAlgorithm, SiteScoreAlgorithm, SiteSensitivityAlgorithm,
            PvYieldAlgorithm, WindLayoutAlgorithm, ZoningAlternativesAlgorithm, HeatDemandAlgorithm,
            HeatDensityAlgorithm, HeatSuitabilityAlgorithm, EnergyBalanceAlgorithm, FutureProfileAlgorithm]


class WipProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "WIP Energie- und Raumplanung"

    def longName(self) -> str:  # noqa: N802 - Processing API
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def loadAlgorithms(self) -> None:  # noqa: N802 - Processing API
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
