"""WipPlugin: Processing provider, toolbar and menu, dock panels, translations; unload removes all of it."""

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import log
from .core.i18n import tr
from .dependencies import install_hint, missing_requirements
from .i18n import PluginTranslator
from .processing_algorithms.provider import WipProvider

ICON = str(Path(__file__).parent / "resources" / "icons" / "wip.svg")


def step_docks() -> list[tuple[str, type, str, str]]:
    """(workflow step key, dock class, menu title, action object name) of the dock that walks through each step."""
    from .gui.balance_panel import BalanceDock
    from .gui.eligibility_panel import EligibilityDock
    from .gui.heat_panel import HeatPlanningDock
    from .gui.site_evaluation_panel import SiteEvaluationDock
    from .gui.yield_panel import YieldDock
    from .gui.zoning_panel import ZoningDock

    return [("eligibility", EligibilityDock, tr("Flächenkulisse"), "WipEligibilityAction"),
            ("site_evaluation", SiteEvaluationDock, tr("Standortbewertung"), "WipSiteEvaluationAction"),
            ("yield", YieldDock, tr("Ertrag"), "WipYieldAction"),
            ("zoning", ZoningDock, tr("Planungsvarianten"), "WipZoningAction"),
            ("heat", HeatPlanningDock, tr("Wärmeplanung"), "WipHeatPlanningAction"),
            ("balance", BalanceDock, tr("Energiebilanz und Zukunftsprofil"), "WipBalanceAction")]


class WipPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = PluginTranslator()
        self.translator.install()  # before initProcessing: qgis_process never calls initGui
        self.provider: WipProvider | None = None
        self.toolbar = None
        self.docks: dict = {}  # "assistant" and the workflow step keys
        self.actions: dict[str, QAction] = {}  # the menu entries that show and hide each dock

    def menu_name(self) -> str:
        return tr("&WIP Energie- und Raumplanung")

    def initProcessing(self):  # noqa: N802 - QGIS plugin API
        self.provider = WipProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 - QGIS plugin API
        self.initProcessing()
        missing = missing_requirements()
        if missing:
            log.notify(self.iface, install_hint(missing), Qgis.MessageLevel.Warning, duration=0)

        from .gui.planning_assistant import PlanningAssistantDock

        window = self.iface.mainWindow()
        steps = step_docks()
        panels = {key: dock_class(self.iface, window) for key, dock_class, _title, _name in steps}
        self.docks = {"assistant": PlanningAssistantDock(self.iface, window, panels=panels), **panels}
        for dock in self.docks.values():
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()

        self.toolbar = self.iface.addToolBar(tr("WIP Energie- und Raumplanung"))
        self.toolbar.setObjectName("WipToolbar")
        entries = [("assistant", tr("Planungsassistent"), "WipPlanningAssistantAction")] + [
            (key, title, name) for key, _dock_class, title, name in steps]
        for key, title, name in entries:
            action = QAction(QIcon(ICON), title, window)
            action.setObjectName(name)
            self.docks[key].setToggleVisibilityAction(action)
            self.iface.addPluginToMenu(self.menu_name(), action)
            self.actions[key] = action
        self.actions["assistant"].setToolTip(tr("Planungsassistent: Arbeitsschritte und gefundene Eingaben"))
        self.toolbar.addAction(self.actions["assistant"])

    def unload(self):
        for dock in self.docks.values():
            dock.disconnect_project()
            self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks = {}
        for action in self.actions.values():
            self.iface.removePluginMenu(self.menu_name(), action)
            action.deleteLater()
        self.actions = {}
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        self.translator.remove()
