"""The group of the step Energiebilanz und Zukunftsprofil, shared by the balance and the report algorithm."""

from .base import WipAlgorithm


class BalanceAlgorithm(WipAlgorithm):
    def group(self):
        return self.tr("Energiebilanz und Zukunftsprofil")

    def groupId(self):
        return "balance"
