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
from ..core.workflow import Step, find_inputs, missing_inputs, numbered_titles, workflow
from ..qgis_io.project import load_demo, project_layer_infos
from .algorithm_dock import set_scrolling_body

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "planning_assistant.ui"))

STEP_ROLE = Qt.ItemDataRole.UserRole


class PlanningAssistantDock(QgsDockWidget):
    OBJECT_NAME = "WipPlanningAssistantDock"

    def __init__(self, iface, parent=None, panels: dict | None = None):
        """``panels`` maps step keys to the dock that walks a planner through the step; steps without one open
        their algorithm's dialog."""
        super().__init__(tr("Planungsassistent"), parent)
        self.panels = dict(panels or {})
        self.setObjectName(self.OBJECT_NAME)
        self.iface = iface
        self.form = FORM_CLASS()
        body = QWidget(self)
        self.form.setupUi(body)
        set_scrolling_body(self, body)
        self.steps = workflow()
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
        for step in self.steps:
            found = find_inputs(step, layers)
            missing = missing_inputs(step, found)
            item = QTreeWidgetItem([titles[step.key], self._status_text(step, missing)])
            item.setData(0, STEP_ROLE, step.key)
            item.setToolTip(0, step.purpose)
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
    def _status_text(step: Step, missing) -> str:
        if not step.algorithm_ids:
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
        tool_note = "" if step.algorithm_ids else "<p>" + html.escape(
            tr("Das Werkzeug dieses Schritts ist noch nicht verfügbar.")) + "</p>"
        self.form.stepDetails.setHtml(
            f"<b>{html.escape(step.title)}</b><p>{html.escape(step.purpose)}</p><ul>{rows}</ul>{tool_note}")
        self.form.openToolButton.setEnabled(bool(step.algorithm_ids))

    def open_current_tool(self) -> None:
        step = self.current_step()
        if step is None or not step.algorithm_ids:
            return
        panel = self.panels.get(step.key)
        if panel is not None:
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
