"""Shared base class of all WIP Processing algorithms."""

from pathlib import Path

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..dependencies import install_hint, missing_requirements
from ..qgis_io.layers import is_null

ICON_PATH = Path(__file__).parent.parent / "resources" / "icons" / "wip.svg"


class WipAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``algorithm_id`` and implement the Processing methods, their texts through ``self.tr``.

    ``algorithm_id`` and the parameter names are public API: models and batch files depend on them.
    """

    algorithm_id = ""

    def tr(self, text: str) -> str:
        return tr(text)

    def parameterAsCells(self, parameters, name, context) -> list:  # noqa: N802 - next to parameterAsMatrix
        """The cells of a matrix parameter, row by row; an unset matrix is empty (QGIS gives ``[NULL]`` for it)."""
        cells = self.parameterAsMatrix(parameters, name, context)
        if all(is_null(cell) for cell in cells):
            return []
        return cells

    def createInstance(self):  # noqa: N802 - Processing API
        return type(self)()

    def name(self) -> str:
        return self.algorithm_id

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def helpUrl(self) -> str:  # noqa: N802 - Processing API
        return "https://github.com/wip-planung/wip_qgis_plugin#readme"

    def canExecute(self):  # noqa: N802 - Processing API
        missing = missing_requirements()
        if missing:
            return False, install_hint(missing)
        return True, ""
