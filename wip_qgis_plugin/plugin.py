"""WipPlugin: Processing provider, toolbar and menu, dock panels, translations; unload removes all of it.

Loading never needs more than QGIS: with a Python package missing, the toolbar and menu lead to a dialog that says
what is missing and how to install it, and the algorithms in the toolbox say why they cannot run."""

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QFileDialog, QPushButton

from . import log
from .core.i18n import tr
from .dependencies import install_hint, missing_requirements
from .i18n import PluginTranslator
from .manual import manual_url, open_manual
from .processing_algorithms.provider import ICON_PATH, WipProvider
from .qgis_io.results import result_geopackage, set_result_geopackage

ICON = str(ICON_PATH)


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
        self.docks: dict = {}  # "assistant", "data" and the workflow step keys
        self.actions: dict[str, QAction] = {}  # the menu entries that show and hide each dock

    def menu_name(self) -> str:
        return tr("&WIP Energie- und Raumplanung")

    def initProcessing(self):  # noqa: N802 - QGIS plugin API
        provider = WipProvider()
        # the registry refuses (and deletes) a second provider "wip", e.g. of another copy of the plugin
        self.provider = provider if QgsApplication.processingRegistry().addProvider(provider) else None

    def initGui(self):  # noqa: N802 - QGIS plugin API
        self.initProcessing()
        missing = missing_requirements()
        if missing:
            self._offer_installation(missing)
            return
        from .gui.data_panel import DataDock
        from .gui.planning_assistant import PlanningAssistantDock

        window = self.iface.mainWindow()
        steps = step_docks()
        panels = {key: dock_class(self.iface, window) for key, dock_class, _title, _name in steps}
        panels = {"data": DataDock(self.iface, window, show_eligibility=panels["eligibility"].show_catalog), **panels}
        self.docks = {"assistant": PlanningAssistantDock(self.iface, window, panels=panels), **panels}
        for dock in self.docks.values():
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()

        self.toolbar = self._add_toolbar()
        entries = [("assistant", tr("Planungsassistent"), "WipPlanningAssistantAction"),
                   ("data", tr("Daten"), "WipDataAction")]
        entries += [(key, title, name) for key, _dock_class, title, name in steps]
        for key, title, name in entries:
            action = self._add_action(key, title, name)
            self.docks[key].setToggleVisibilityAction(action)
        self.actions["assistant"].setToolTip(tr("Planungsassistent: Arbeitsschritte und gefundene Eingaben"))
        self.toolbar.addAction(self.actions["assistant"])
        self._add_action("results", tr("Ergebnis-GeoPackage …"), "WipResultGeopackageAction").triggered.connect(
            self.choose_result_geopackage)
        self._add_manual_action("index")

    def _add_toolbar(self):
        toolbar = self.iface.addToolBar(tr("WIP Energie- und Raumplanung"))
        toolbar.setObjectName("WipToolbar")
        return toolbar

    def _add_action(self, key: str, title: str, name: str) -> QAction:
        action = QAction(QIcon(ICON), title, self.iface.mainWindow())
        action.setObjectName(name)
        self.iface.addPluginToMenu(self.menu_name(), action)
        self.actions[key] = action
        return action

    def choose_result_geopackage(self) -> None:
        """Let the planner say where this project's step results are kept from now on."""
        project = QgsProject.instance()
        path, _filter = QFileDialog.getSaveFileName(
            self.iface.mainWindow(), tr("Ergebnisse der Arbeitsschritte speichern in"),
            str(result_geopackage(project)), tr("GeoPackage (*.gpkg)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # new results join the tables already there
        if path:
            set_result_geopackage(project, Path(path).with_suffix(".gpkg"))
            log.notify(self.iface, tr("Neue Ergebnisse werden gespeichert in {path}.").format(
                path=result_geopackage(project)))

    def _add_manual_action(self, page: str) -> None:
        """The menu entry that opens the manual (absent in a source checkout without the built manual)."""
        if manual_url(page):
            action = self._add_action("manual", tr("Handbuch"), "WipManualAction")
            action.setIcon(QgsApplication.getThemeIcon("/mActionHelpContents.svg"))
            action.triggered.connect(lambda: open_manual(page))

    def _offer_installation(self, missing) -> None:
        """Without its packages the plugin offers only what leads to them: the toolbar button and the menu entry
        open the dependency dialog, and the message bar says so once at start."""
        log.warning(install_hint(missing))
        self.toolbar = self._add_toolbar()
        action = self._add_action("dependencies", tr("Python-Pakete installieren …"), "WipDependenciesAction")
        action.triggered.connect(self.show_dependency_dialog)
        self.toolbar.addAction(action)
        self._add_manual_action("install")
        bar = self.iface.messageBar()
        message = bar.createMessage("WIP", tr("Es fehlen Python-Pakete: {names}. Werkzeuge und Andockfenster stehen "
                                              "erst danach bereit.").format(
            names=", ".join(req.pip_name for req, _ in missing)))
        details = QPushButton(tr("Installation …"), message)
        details.clicked.connect(self.show_dependency_dialog)
        message.layout().addWidget(details)
        bar.pushWidget(message, Qgis.MessageLevel.Warning, 0)

    def show_dependency_dialog(self) -> None:
        from .gui.dependency_dialog import DependencyDialog

        DependencyDialog(self.iface.mainWindow()).exec()

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
