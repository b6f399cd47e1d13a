"""The group of the yield algorithms (Ertrag), shared by PV and wind."""

from .base import WipAlgorithm


class YieldAlgorithm(WipAlgorithm):
    """The algorithms of the step Ertrag."""

    def groupId(self):
        return "yield"
