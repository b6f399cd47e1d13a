"""The group of the step Energiebilanz und Zukunftsprofil, shared by the balance and the report algorithm."""

from .base import WipAlgorithm


class BalanceAlgorithm(WipAlgorithm):
    def groupId(self):
        return "balance"
