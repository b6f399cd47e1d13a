"""WipPlugin: Processing provider, toolbar and menu, dock panels, translations; unload removes all of it.

Loading never needs more than QGIS: with a Python package missing, the toolbar and menu lead to a dialog that says
what is missing and how to install it, and the algorithms in the toolbox say why they cannot run."""

from functools import partial
from importlib import import_module
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QFileDialog, QPushButton

from . import log, settings
from .core.i18n import tr
from .dependencies import install_hint, missing_requirements
from .i18n import PluginTranslator
from .manual import manual_url, open_manual
from .processing_algorithms.provider import ICON_PATH, WipProvider
from .qgis_io.gui_thread import stop_collecting
from .qgis_io.results import (
    DATABASE_KEY,
    ENTRY_SCOPE,
    SCHEMA_KEY,
    result_geopackage,
    result_store,
    set_result_database,
    set_result_geopackage,
)

ICON = str(ICON_PATH)


# (key, module, dock class, action object name) of every dock; a dock is made when the planner first opens it (or at
# start when it was open when QGIS last closed), so that starting QGIS builds none of their forms
DOCKS = (("assistant", "planning_assistant", "PlanningAssistantDock", "WipPlanningAssistantAction"),
         ("data", "data_panel", "DataDock", "WipDataAction"),
         ("eligibility", "eligibility_panel", "EligibilityDock", "WipEligibilityAction"),
         ("site_evaluation", "site_evaluation_panel", "SiteEvaluationDock", "WipSiteEvaluationAction"),
         ("yield", "yield_panel", "YieldDock", "WipYieldAction"),
         ("zoning", "zoning_panel", "ZoningDock", "WipZoningAction"),
         ("heat", "heat_panel", "HeatPlanningDock", "WipHeatPlanningAction"),
         ("balance", "balance_panel", "BalanceDock", "WipBalanceAction"),
         ("measures", "measures_panel", "MeasuresDock", "WipMeasuresAction"))
# the docks of the six workflow steps; the assistant opens them
STEP_KEYS = tuple(key for key, *_rest in DOCKS if key not in ("assistant", "data", "measures"))


def dock_class(key: str) -> type:
    """The dock class of ``key``, its module imported only now."""
    _key, module, class_name, _name = next(entry for entry in DOCKS if entry[0] == key)
    return getattr(import_module(f"{__package__}.gui.{module}"), class_name)


def menu_titles() -> dict[str, str]:
    """The menu entry of each dock."""
    return {"assistant": tr("Planungsassistent"), "data": tr("Daten"), "eligibility": tr("Flächenkulisse"),
            "site_evaluation": tr("Standortbewertung"), "yield": tr("Ertrag"), "zoning": tr("Planungsvarianten"),
            "heat": tr("Wärmeplanung"), "balance": tr("Energiebilanz und Zukunftsprofil"), "measures": tr("Maßnahmen")}


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
        missing = self.provider.missing if self.provider is not None else missing_requirements()
        if missing:
            self._offer_installation(missing)
            return
        self.toolbar = self._add_toolbar()
        titles = menu_titles()
        for key, _module, _class_name, name in DOCKS:
            action = self._add_action(key, titles[key], name)
            action.setCheckable(True)
            action.toggled.connect(partial(self._open_first_time, key))
        self.actions["assistant"].setToolTip(tr("Planungsassistent: Arbeitsschritte und gefundene Eingaben"))
        self.toolbar.addAction(self.actions["assistant"])
        self._add_action("results", tr("Ergebnis-GeoPackage …"), "WipResultGeopackageAction").triggered.connect(
            self.choose_result_geopackage)
        self._add_action("results_database", tr("Ergebnis-Datenbank (PostGIS) …"),
                         "WipResultDatabaseAction").triggered.connect(self.choose_result_database)
        self._add_manual_action("index")
        for key in settings.open_docks():
            if key in self.actions:
                self.actions[key].setChecked(True)

    def dock(self, key: str):
        """The dock of ``key``, made and added to the main window (hidden) on first use."""
        if key not in self.docks:
            window = self.iface.mainWindow()
            if key == "assistant":
                dock = dock_class(key)(self.iface, window, panels={step: partial(self.dock, step) for step in
                                                                   ("data",) + STEP_KEYS})
            elif key == "data":
                dock = dock_class(key)(self.iface, window, show_eligibility=self._show_catalog)
            else:
                dock = dock_class(key)(self.iface, window)
            if not window.restoreDockWidget(dock):  # where the planner put it before, else on the right
                self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            self.docks[key] = dock
            dock.setToggleVisibilityAction(self.actions[key])
        return self.docks[key]

    def _open_first_time(self, key: str, checked: bool) -> None:
        """The first time its menu entry or button is checked, the dock is made and shown; from then on the dock
        itself follows the entry."""
        if not checked or key in self.docks:
            return
        self.actions[key].toggled.disconnect()
        self.dock(key).setUserVisible(True)

    def _show_catalog(self, catalog_id: str) -> None:
        self.dock("eligibility").show_catalog(catalog_id)

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
            set_result_database(project, "", "")
            set_result_geopackage(project, Path(path).with_suffix(".gpkg"))
            log.notify(self.iface, tr("Neue Ergebnisse werden gespeichert in {path}.").format(
                path=result_geopackage(project)))

    def choose_result_database(self) -> None:
        """Let the planner keep this project's step results in a schema of the office database."""
        from .gui.result_store_dialog import ResultDatabaseDialog

        project = QgsProject.instance()
        dialog = ResultDatabaseDialog(project.readEntry(ENTRY_SCOPE, DATABASE_KEY, "")[0],
                                      project.readEntry(ENTRY_SCOPE, SCHEMA_KEY, "")[0], self.iface.mainWindow())
        if dialog.exec():
            set_result_database(project, *dialog.chosen())
            log.notify(self.iface, tr("Neue Ergebnisse werden gespeichert in {path}.").format(
                path=result_store(project).text()))

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

        dialog = DependencyDialog(self.iface.mainWindow())
        dialog.exec()
        dialog.deleteLater()  # a child of the main window: it would stay until QGIS closes

    def unload(self):
        settings.set_open_docks([key for key, dock in self.docks.items() if not dock.isHidden()])
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
        stop_collecting()
        self.translator.remove()
