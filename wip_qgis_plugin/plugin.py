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


class WipPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = PluginTranslator()
        self.translator.install()  # before initProcessing: qgis_process never calls initGui
        self.provider: WipProvider | None = None
        self.toolbar = None
        self.assistant_action: QAction | None = None
        self.assistant_dock = None
        self.eligibility_dock = None
        self.eligibility_action: QAction | None = None
        self.site_dock = None
        self.site_action: QAction | None = None
        self.yield_dock = None
        self.yield_action: QAction | None = None
        self.heat_dock = None
        self.heat_action: QAction | None = None

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

        from .gui.eligibility_panel import EligibilityDock
        from .gui.heat_panel import HeatPlanningDock
        from .gui.planning_assistant import PlanningAssistantDock
        from .gui.site_evaluation_panel import SiteEvaluationDock
        from .gui.yield_panel import YieldDock

        self.eligibility_dock = EligibilityDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.eligibility_dock)
        self.eligibility_dock.hide()
        self.site_dock = SiteEvaluationDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.site_dock)
        self.site_dock.hide()
        self.yield_dock = YieldDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.yield_dock)
        self.yield_dock.hide()
        self.heat_dock = HeatPlanningDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.heat_dock)
        self.heat_dock.hide()
        self.assistant_dock = PlanningAssistantDock(
            self.iface, self.iface.mainWindow(),
            panels={"eligibility": self.eligibility_dock, "site_evaluation": self.site_dock, "yield": self.yield_dock,
                    "heat": self.heat_dock})
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.assistant_dock)
        self.assistant_dock.hide()

        self.toolbar = self.iface.addToolBar(tr("WIP Energie- und Raumplanung"))
        self.toolbar.setObjectName("WipToolbar")
        self.assistant_action = QAction(QIcon(ICON), tr("Planungsassistent"), self.iface.mainWindow())
        self.assistant_action.setObjectName("WipPlanningAssistantAction")
        self.assistant_action.setToolTip(tr("Planungsassistent: Arbeitsschritte und gefundene Eingaben"))
        self.assistant_dock.setToggleVisibilityAction(self.assistant_action)
        self.toolbar.addAction(self.assistant_action)
        self.iface.addPluginToMenu(self.menu_name(), self.assistant_action)
        self.eligibility_action = QAction(QIcon(ICON), tr("Flächenkulisse"), self.iface.mainWindow())
        self.eligibility_action.setObjectName("WipEligibilityAction")
        self.eligibility_dock.setToggleVisibilityAction(self.eligibility_action)
        self.iface.addPluginToMenu(self.menu_name(), self.eligibility_action)
        self.site_action = QAction(QIcon(ICON), tr("Standortbewertung"), self.iface.mainWindow())
        self.site_action.setObjectName("WipSiteEvaluationAction")
        self.site_dock.setToggleVisibilityAction(self.site_action)
        self.iface.addPluginToMenu(self.menu_name(), self.site_action)
        self.yield_action = QAction(QIcon(ICON), tr("Ertrag"), self.iface.mainWindow())
        self.yield_action.setObjectName("WipYieldAction")
        self.yield_dock.setToggleVisibilityAction(self.yield_action)
        self.iface.addPluginToMenu(self.menu_name(), self.yield_action)
        self.heat_action = QAction(QIcon(ICON), tr("Wärmeplanung"), self.iface.mainWindow())
        self.heat_action.setObjectName("WipHeatPlanningAction")
        self.heat_dock.setToggleVisibilityAction(self.heat_action)
        self.iface.addPluginToMenu(self.menu_name(), self.heat_action)

    def unload(self):
        for dock in (self.assistant_dock, self.eligibility_dock, self.site_dock, self.yield_dock, self.heat_dock):
            if dock is not None:
                dock.disconnect_project()
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
        self.assistant_dock = self.eligibility_dock = self.site_dock = self.yield_dock = self.heat_dock = None
        for action in (self.assistant_action, self.eligibility_action, self.site_action, self.yield_action,
                       self.heat_action):
            if action is not None:
                self.iface.removePluginMenu(self.menu_name(), action)
                action.deleteLater()
        self.assistant_action = self.eligibility_action = self.site_action = self.yield_action = None
        self.heat_action = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        self.translator.remove()
