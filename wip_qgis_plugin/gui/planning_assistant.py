"""Dock "Planungsassistent": the planning workflow, the inputs found in the project for each step, and the
step's tool."""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItem, QWidget

from .. import log
from ..core.i18n import tr
from ..core.workflow import Step, data_step, find_inputs, missing_inputs, numbered_titles, workflow
from ..qgis_io.data import layers_by_model, spatial_layers
from ..qgis_io.project import load_demo, project_layer_infos
from .algorithm_dock import set_scrolling_body

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "planning_assistant.ui"))

STEP_ROLE = Qt.ItemDataRole.UserRole


class PlanningAssistantDock(QgsDockWidget):
    OBJECT_NAME = "WipPlanningAssistantDock"

    def __init__(self, iface, parent=None, panels: dict | None = None):
        """``panels`` maps step keys to a function that gives the dock that walks a planner through the step (made
        on first use); steps without one open their algorithm's dialog."""
        super().__init__(tr("Planungsassistent"), parent)
        self.panels = dict(panels or {})
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.form = FORM_CLASS()
        body = QWidget(self)
        self.form.setupUi(body)
        set_scrolling_body(self, body)
        self.steps = (data_step(), *workflow())
        self.form.stepsTree.header().setStretchLastSection(True)
        self.form.stepsTree.currentItemChanged.connect(self._show_details)
        self.form.openToolButton.clicked.connect(self.open_current_tool)
        self.form.refreshButton.clicked.connect(self.refresh)
        self.form.loadDemoButton.clicked.connect(self.load_demo)
        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh)
        project.layersRemoved.connect(self.refresh)
        self.refresh()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        project = QgsProject.instance()
        project.layersAdded.disconnect(self.refresh)
        project.layersRemoved.disconnect(self.refresh)

    def refresh(self, *_args) -> None:
        tree = self.form.stepsTree
        current_key = self.current_step().key if self.current_step() else self.steps[0].key
        tree.clear()
        layers = project_layer_infos(QgsProject.instance())
        titles = numbered_titles()
        recognised = {profile.title_text(): [layer.name() for layer, _ in entries] for profile, entries in
                      layers_by_model(spatial_layers(QgsProject.instance())).items() if profile is not None}
        for step in self.steps:
            found = find_inputs(step, layers)
            missing = missing_inputs(step, found)
            status = self._data_status(recognised) if step.key == "data" else self._status_text(step, missing)
            item = QTreeWidgetItem([titles.get(step.key, step.title), status])
            item.setData(0, STEP_ROLE, step.key)
            item.setToolTip(0, step.purpose)
            if step.key == "data":
                for model, names in recognised.items():
                    child = QTreeWidgetItem([model, ", ".join(names)])
                    child.setData(0, STEP_ROLE, step.key)
                    item.addChild(child)
            for step_input in step.inputs:
                names = found[step_input.key]
                label = step_input.label if step_input.required else tr("{label} (optional)").format(
                    label=step_input.label)
                child = QTreeWidgetItem([label, ", ".join(names) if names else tr("– nicht gefunden –")])
                child.setData(0, STEP_ROLE, step.key)
                item.addChild(child)
            tree.addTopLevelItem(item)
            item.setExpanded(bool(missing) and bool(step.algorithm_ids))
            if step.key == current_key:
                tree.setCurrentItem(item)
        tree.resizeColumnToContents(0)

    @staticmethod
    def _data_status(recognised: dict[str, list[str]]) -> str:
        count = sum(len(names) for names in recognised.values())
        return tr("{count} Ebene(n) erkannt").format(count=count) if count else tr("eigene Daten hinzufügen")

    def _available(self, step: Step) -> bool:
        """Whether the step has a tool: its dock or an algorithm."""
        return bool(step.algorithm_ids) or step.key in self.panels

    def _status_text(self, step: Step, missing) -> str:
        if not self._available(step):
            return tr("in Vorbereitung")
        if missing:
            return tr("{count} Eingabe(n) fehlen").format(count=len(missing))
        return tr("bereit")

    def current_step(self) -> Step | None:
        item = self.form.stepsTree.currentItem()
        if item is None:
            return None
        key = item.data(0, STEP_ROLE)
        return next(step for step in self.steps if step.key == key)

    def _show_details(self, *_args) -> None:
        step = self.current_step()
        if step is None:
            return
        found = find_inputs(step, project_layer_infos(QgsProject.instance()))
        rows = "".join(
            f"<li>{html.escape(i.label)}: <i>{html.escape(', '.join(found[i.key]) or tr('nicht gefunden'))}</i></li>"
            for i in step.inputs)
        tool_note = "" if self._available(step) else "<p>" + html.escape(
            tr("Das Werkzeug dieses Schritts ist noch nicht verfügbar.")) + "</p>"
        rows = f"<ul>{rows}</ul>" if rows else ""
        self.form.stepDetails.setHtml(
            f"<b>{html.escape(step.title)}</b><p>{html.escape(step.purpose)}</p>{rows}{tool_note}")
        self.form.openToolButton.setEnabled(self._available(step))

    def open_current_tool(self) -> None:
        step = self.current_step()
        if step is None or not self._available(step):
            return
        if step.key in self.panels:
            panel = self.panels[step.key]()
            panel.setUserVisible(True)
            panel.raise_()
            return
        import processing

        processing.execAlgorithmDialog(step.algorithm_ids[0])

    def load_demo(self) -> None:
        layers = load_demo(QgsProject.instance())
        boundary = next(layer for layer in layers if layer.name() == "real_gemeinde")
        if self.iface is not None:
            # the canvas takes its layers now: taken later, QGIS would zoom out to the first layers' full extent
            self.iface.layerTreeCanvasBridge().setCanvasLayers()
            self.iface.mapCanvas().setExtent(boundary.extent().buffered(1000))
            self.iface.mapCanvas().refresh()
        log.notify(self.iface, tr("Demogemeinde Hohenmölsen geladen: {count} Ebenen.").format(count=len(layers)),
                   Qgis.MessageLevel.Success)
