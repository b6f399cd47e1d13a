"""Dock "Planungsvarianten": choose the municipality, the planning units and the eligible land per use, set targets
and limits, lock units on the map, run ``wip:zoningalternatives`` in the background, and compare the alternatives
side by side (indicators, chart, missed targets) with the map switched between them; one can be saved as a
GeoPackage."""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFieldProxyModel,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsTask,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import QgsMapToolIdentifyFeature
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog, QTableWidgetItem

from .. import log
from ..core.i18n import format_number, tr
from ..core.lazy import lazy_module
from ..core.targets import normalise_ags, wind_targets_for
from ..core.workflow import POLYGON, find_inputs, normalise, workflow
from ..core.zoning import KEEP, OBJECTIVES, USES, objective_label, planning_grid, shipped_uses, use_label
from ..processing_algorithms.zoning_alternatives import (
    FARMLAND_HINTS,
    ZoningAlternativesAlgorithm,
)
from ..qgis_io.compat import INT, LONG, STRING, WKB_MULTIPOLYGON, new_field
from ..qgis_io.layers import is_null, multipolygon, shapely_geometries, working_crs
from ..qgis_io.project import apply_style, layer_kind, municipality_of_project, project_layer_infos, result_style
from ..qgis_io.results import Result, keep_results
from .algorithm_dock import AlgorithmDock, start_in_background
from .bar_chart import BarChart
from .yield_panel import yield_layer_names

shapely = lazy_module("shapely")

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "zoning_panel.ui"))

WIDGET_NAMES = {"wind": "Wind", "pv": "Pv", "agri_pv": "AgriPv", "gewerbe": "Gewerbe", "wohnen": "Wohnen"}
SCORED_USES = ("wind", "pv")
# words in a layer's name or its groups that tell the use of its eligible land, agri-PV before PV
USE_HINTS = (("agri_pv", ("agri",)), ("wind", ("wind",)), ("gewerbe", ("gewerbe", "industrie")), ("wohnen", ("wohn",)),
             ("pv", ("pv", "photovoltaik", "solar")))
ELIGIBLE_WORDS = ("geeignet", "eligible", "eignungsflaeche")  # the Flächenkulisse's eligible land, not its exclusions
FARMLAND_LAYER_HINTS = ("landwirtschaft", "acker", "farmland")
AGS_FIELDS = ("ags", "rs", "gemeindeschluessel", "regionalschluessel")
LOCK_FIELD = "wip_festlegung"
FID_FIELD = "wip_fid"
CURRENT_COLOUR, OTHER_COLOUR = "#2b83ba", "#a6bddb"


class ZoningDock(AlgorithmDock):
    OBJECT_NAME = "WipZoningDock"
    MANUAL_ANCHOR = "zoning"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Planungsvarianten"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        self.grid_task: QgsTask | None = None
        self.units_copy: QgsVectorLayer | None = None  # the units with their locks, alive while a run reads them
        self.locks: dict[int, str] = {}  # feature id in the units layer -> use id or KEEP
        self.units_id: str | None = ""  # the units layer the locks belong to; "" before the first look
        self.lock_layer: QgsVectorLayer | None = None  # shows the locks on the map
        self.lock_tool: QgsMapToolIdentifyFeature | None = None
        self.allocation_layer: QgsVectorLayer | None = None
        self.xplan_path = ""  # where the last XPlanGML draft goes
        self.yield_names: list[str] = []  # the Ertrag results the last run took its MW and GWh/a from
        self.alternatives: list[QgsFeature] = []  # the rows of the indicator table of the last run
        self.requested = 0  # alternatives asked for in the last run
        self.rows: list[tuple] = []  # the indicator table's rows, see _indicator_rows()
        self.wind_area_target = None
        self.wind_share_by_hand = False  # else the share follows the statutory target of the municipality
        self.setting_wind_share = False
        self.by_hand: set[str] = set()  # layer combos the planner set: suggestions leave them alone
        self.chart = BarChart(self.body)
        self.form.chartLayout.addWidget(self.chart)
        self.form.indicatorTable.verticalHeader().setMaximumWidth(230)
        self._setup_widgets()

        form = self.form
        # the index, not layerChanged: a combo whose layer is removed moves on to another without saying so
        form.unitsCombo.currentIndexChanged.connect(self._units_changed)
        form.studyAreaCombo.currentIndexChanged.connect(self._study_area_changed)
        form.farmlandCombo.currentIndexChanged.connect(self._farmland_changed)
        form.windAreaButton.clicked.connect(lambda: form.windAreaSpin.setValue(self.wind_area_target.pct))
        form.windAreaSpin.valueChanged.connect(self._wind_share_set)
        form.lockButton.toggled.connect(self._lock_button_toggled)
        form.gridButton.clicked.connect(self.create_grid)
        form.clearLocksButton.clicked.connect(self.clear_locks)
        form.alternativeCombo.currentIndexChanged.connect(self.show_alternative)
        form.indicatorTable.currentCellChanged.connect(self._chart_row)
        form.exportButton.clicked.connect(self.export)
        form.xplanButton.clicked.connect(self.choose_xplan_path)
        form.runButton.clicked.connect(self.run)
        # the layer tree, not layersAdded: the Flächenkulisse dock names the technology in the group of its layers
        QgsProject.instance().layerTreeRoot().addedChildren.connect(self.suggest_layers)
        self.suggest_layers()
        self._units_changed()
        self._study_area_changed()
        self._show_results_enabled(False)

    def _setup_widgets(self) -> None:
        form = self.form
        self.eligible_combos = {use: getattr(form, f"eligible{name}Combo") for use, name in WIDGET_NAMES.items()}
        self.score_combos = {use: getattr(form, f"score{WIDGET_NAMES[use]}Combo") for use in SCORED_USES}
        self.target_spins = {use: getattr(form, f"target{name}Spin") for use, name in WIDGET_NAMES.items()}
        self.share_spins = {use: getattr(form, f"share{name}Spin") for use, name in WIDGET_NAMES.items()}
        self.cluster_spins = {use: getattr(form, f"cluster{name}Spin") for use, name in WIDGET_NAMES.items()}
        self.objective_checks = dict(zip(OBJECTIVES, (form.eignungCheck, form.flaecheCheck, form.ertragCheck)))
        layer_combos = [form.studyAreaCombo, form.unitsCombo, form.farmlandCombo, *self.eligible_combos.values(),
                        *self.score_combos.values()]
        for combo in layer_combos:
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
            if combo is not form.studyAreaCombo:
                combo.setAllowEmptyLayer(True)
                combo.setLayer(None)
            combo.activated.connect(lambda _index, box=combo: self.by_hand.add(box.objectName()))
        form.unitIdCombo.setAllowEmptyFieldName(True)
        form.farmlandFieldCombo.setAllowEmptyFieldName(True)
        form.farmlandFieldCombo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        catalog = shipped_uses()
        for use in USES:
            label = use_label(use)
            settings = catalog.uses[use]
            getattr(form, f"eligible{WIDGET_NAMES[use]}Label").setText(label)
            getattr(form, f"target{WIDGET_NAMES[use]}Label").setText(label)
            _setup_spin(self.target_spins[use], 0.0, 100000.0, " MW" if settings.generates else " ha")
            _setup_spin(self.share_spins[use], settings.max_share_pct.value, 100.0, " %")
            _setup_spin(self.cluster_spins[use], settings.min_cluster_ha.value, 10000.0, " ha")
            form.lockUseCombo.addItem(label, use)
        for objective, check in self.objective_checks.items():
            check.setText(objective_label(objective))

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        QgsProject.instance().layerTreeRoot().addedChildren.disconnect(self.suggest_layers)
        self._stop_locking()
        self.grid_task = None  # its result is no longer wanted
        self.cancel()

    # -- inputs ----------------------------------------------------------------------------------------------------

    def suggest_layers(self, *_args) -> None:
        """Preselect the layers the Planungsassistent finds for the zoning step, the eligible land and site scores of
        each use by the names of the layers and their groups, and the farmland; a choice the planner made, or one of
        the layers found, stays."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "zoning"), project_layer_infos(project))
        layers = _tree_polygon_layers(project)
        boundaries = [layer for layer, _ in layers if layer.name() in found["study_area"]]
        candidates = {
            self.form.studyAreaCombo: [layer for layer in boundaries if "nachbar" not in normalise(layer.name())]
            or boundaries,
            self.form.unitsCombo: [layer for layer, _ in layers if layer.name() in found["units"]],
            self.form.farmlandCombo: [layer for layer, _ in layers
                                      if any(hint in normalise(layer.name()) for hint in FARMLAND_LAYER_HINTS)],
        }
        for use, combo in self.eligible_combos.items():
            candidates[combo] = [layer for layer, text in layers if layer.name() in found["eligible"]
                                 and any(word in normalise(layer.name()) for word in ELIGIBLE_WORDS)
                                 and _use_named(text) == use]
        for use, combo in self.score_combos.items():
            candidates[combo] = [layer for layer, text in layers
                                 if "score" in layer.fields().names() and _use_named(text) == use]
        for combo, suggested in candidates.items():
            current = combo.currentLayer()
            if combo.objectName() in self.by_hand or not suggested or \
                    (current is not None and current.id() in {layer.id() for layer in suggested}):
                continue
            combo.setLayer(suggested[0])  # the topmost: results are added on top of the layer tree

    def _study_area_changed(self, *_args) -> None:
        """Offer the statutory wind-area target that applies to the municipality (WindBG, § 9a LEntwG LSA)."""
        self.wind_area_target = _wind_area_target(self.form.studyAreaCombo.currentLayer())
        button = self.form.windAreaButton
        button.setVisible(self.wind_area_target is not None)
        if self.wind_area_target is not None:
            target = self.wind_area_target
            button.setText(tr("{pct:g} % übernehmen").format(pct=target.pct))
            button.setToolTip(tr("{name}: {pct:g} % der Fläche bis {year} ({legal_basis})\nQuelle: {source}").format(
                name=target.name, pct=target.pct, year=target.year, legal_basis=target.legal_basis,
                source=target.source))
            if not self.wind_share_by_hand:  # the variants then reach for the law's target from the start
                self.setting_wind_share = True
                self.form.windAreaSpin.setValue(target.pct)
                self.setting_wind_share = False

    def _wind_share_set(self, *_args) -> None:
        if not self.setting_wind_share:
            self.wind_share_by_hand = True

    def _farmland_changed(self, *_args) -> None:
        layer = self.form.farmlandCombo.currentLayer()
        if _layer_id(layer) == _layer_id(self.form.farmlandFieldCombo.layer()):
            return  # the list moved, not the choice: the field stays
        self.form.farmlandFieldCombo.setLayer(layer)
        if layer is not None:
            self.form.farmlandFieldCombo.setField(
                next((name for name in layer.fields().names() if normalise(name) in FARMLAND_HINTS), ""))

    def _units_changed(self, *_args) -> None:
        """Locks belong to the units layer they were set on: another layer starts without."""
        units = self.form.unitsCombo.currentLayer()
        if _layer_id(units) == self.units_id:
            return  # the list moved, not the choice
        self.units_id = _layer_id(units)
        self._stop_locking()
        self.locks = {}
        self._show_locks()
        self.form.unitIdCombo.setLayer(units)
        if units is not None:
            self.form.unitIdCombo.setField(next((name for name in units.fields().names()
                                                 if name.lower() == "id" or name.lower().endswith("_id")), ""))
        for widget in (self.form.cellSizeSpin, self.form.hexagonCheck, self.form.gridButton):
            widget.setEnabled(units is None and self.grid_task is None)
        for widget in (self.form.unitIdCombo, self.form.lockButton):
            widget.setEnabled(units is not None)

    def targets(self) -> list:
        """The TARGETS matrix row by row: minimum MW for the generating uses, minimum ha for the others."""
        cells = []
        for use in USES:
            target = self.target_spins[use].value()
            generates = shipped_uses().uses[use].generates
            cells += [use, target if generates else 0.0, 0.0, 0.0 if generates else target,
                      self.share_spins[use].value(), self.cluster_spins[use].value()]
        return cells

    def parameters(self) -> dict:
        """The ``wip:zoningalternatives`` parameters for what the dock shows; with locks, the units are a memory copy
        with a lock field."""
        form = self.form
        algorithm = ZoningAlternativesAlgorithm
        parameters = {
            "STUDY_AREA": form.studyAreaCombo.currentLayer(),
            "CELL_SIZE": form.cellSizeSpin.value(),
            "HEXAGONS": form.hexagonCheck.isChecked(),
            "TARGETS": self.targets(),
            "WIND_SHARE_PCT": form.windAreaSpin.value(),
            "MAX_PRIME_HA": form.maxPrimeSpin.value(),
            "PRIME_THRESHOLD": form.primeThresholdSpin.value(),
            "OBJECTIVES": [OBJECTIVES.index(o) for o, check in self.objective_checks.items() if check.isChecked()],
            "NEAR_OPTIMAL": form.nearOptimalSpin.value(),
            "NEAR_OPTIMAL_PCT": form.nearOptimalPctSpin.value(),
            "ALLOCATION": "TEMPORARY_OUTPUT",
            "INDICATORS": "TEMPORARY_OUTPUT",
            "FREQUENCY": "TEMPORARY_OUTPUT",
        }
        units = form.unitsCombo.currentLayer()
        if units is not None:
            id_field = form.unitIdCombo.currentField()
            if self.locks:
                units, id_field = self._units_with_locks(units, id_field), id_field or FID_FIELD
                parameters["LOCK_FIELD"] = LOCK_FIELD
            parameters["UNITS"] = units
            if id_field:
                parameters["UNIT_ID_FIELD"] = id_field
        for use, combo in self.eligible_combos.items():
            if combo.currentLayer() is not None:
                parameters[algorithm.ELIGIBLE[use]] = combo.currentLayer()
        for use, combo in self.score_combos.items():
            if combo.currentLayer() is not None:
                parameters[algorithm.SCORE[use]] = combo.currentLayer()
        yield_layers = self._yield_layers()  # capacity and full-load hours where the Ertrag step has them
        for use, layer in yield_layers.items():
            parameters[algorithm.YIELD[use]] = layer
        self.yield_names = [layer.name() for layer in yield_layers.values()]  # names: the layers may go meanwhile
        if form.farmlandCombo.currentLayer() is not None:
            parameters["FARMLAND"] = form.farmlandCombo.currentLayer()
            if form.farmlandFieldCombo.currentField():
                parameters["FARMLAND_FIELD"] = form.farmlandFieldCombo.currentField()
        return parameters

    def _units_with_locks(self, units: QgsVectorLayer, id_field: str) -> QgsVectorLayer:
        """A memory copy of the units with the locks in LOCK_FIELD (and, without an id field, the feature ids in
        FID_FIELD so that the results name the planner's units): the planner's layer is never changed."""
        fields = QgsFields(units.fields())
        fields.append(new_field(LOCK_FIELD, STRING))
        if not id_field:
            fields.append(new_field(FID_FIELD, LONG))
        copy = QgsMemoryProviderUtils.createMemoryLayer(units.name(), fields, units.wkbType(), units.crs())
        features = []
        for unit in units.getFeatures():
            feature = QgsFeature(fields)
            feature.setGeometry(unit.geometry())
            feature.setAttributes(unit.attributes() + [self.locks.get(unit.id())] + ([] if id_field else [unit.id()]))
            features.append(feature)
        copy.dataProvider().addFeatures(features)
        return copy

    # -- planning units and locks ----------------------------------------------------------------------------------

    def create_grid(self) -> None:
        """Cells over the municipality as a new units layer, made in the background."""
        study = self.form.studyAreaCombo.currentLayer()
        if study is None:
            self.form.headlineLabel.setText(tr("Bitte die Gemeinde (eine Flächenebene) wählen."))
            return
        if self.grid_task is not None:
            return
        crs = working_crs(study)
        area = shapely.union_all(shapely.make_valid(
            shapely_geometries(list(study.getFeatures()), study.crs(), crs, QgsProject.instance())))
        size = self.form.cellSizeSpin.value()
        self.grid_task = QgsTask.fromFunction(
            tr("Planungsraster anlegen"), _grid_cells, area, size, self.form.hexagonCheck.isChecked(),
            on_finished=lambda exception, cells=None: self._grid_finished(exception, cells, crs, size))
        self.form.gridButton.setEnabled(False)
        self.form.headlineLabel.setText(tr("Raster wird angelegt …"))
        start_in_background(self.grid_task)

    def _grid_finished(self, exception, cells, crs, size: float) -> None:
        if self.grid_task is None:  # the dock was unloaded meanwhile
            return
        self.grid_task = None
        self.form.gridButton.setEnabled(self.form.unitsCombo.currentLayer() is None)
        if exception is not None or not cells:
            reason = str(exception) if exception is not None else tr("keine Zelle in der Gemeinde")
            self.form.headlineLabel.setText(tr("Raster nicht angelegt: {reason}").format(reason=reason))
            return
        fields = QgsFields()
        fields.append(new_field("unit_id", INT))
        layer = QgsMemoryProviderUtils.createMemoryLayer(
            tr("Planungseinheiten (Raster {size:g} m)").format(size=size), fields, WKB_MULTIPOLYGON, crs)
        features = []
        for number, cell in enumerate(cells, start=1):
            feature = QgsFeature(fields)
            feature.setGeometry(multipolygon(cell))
            feature.setAttributes([number])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.renderer().setSymbol(QgsFillSymbol.createSimple({"style": "no", "outline_color": "#707070",
                                                               "outline_width": "0.2"}))
        layer, = keep_results(self.iface, "planungseinheiten", tr("Planungseinheiten"), [Result(layer, "raster")])
        self.by_hand.add(self.form.unitsCombo.objectName())
        self.form.unitsCombo.setLayer(layer)
        self.form.unitIdCombo.setField("unit_id")
        self.form.headlineLabel.setText(tr("{count} Rasterzellen als Planungseinheiten angelegt.").format(
            count=len(features)))

    def _lock_button_toggled(self, checked: bool) -> None:
        if checked:
            self.start_locking()
        else:
            self._stop_locking()

    def start_locking(self) -> None:
        """Map tool: a click on a planning unit changes its lock."""
        units = self.form.unitsCombo.currentLayer()
        if units is None or self.iface is None:
            self._set_lock_button(False)
            self.form.headlineLabel.setText(tr("Erst Planungseinheiten wählen oder ein Raster anlegen."))
            return
        canvas = self.iface.mapCanvas()
        self.lock_tool = QgsMapToolIdentifyFeature(canvas, units)
        self.lock_tool.featureIdentified.connect(self.toggle_lock)
        self.lock_tool.deactivated.connect(self._locking_ended)
        canvas.setMapTool(self.lock_tool)
        self._set_lock_button(True)

    def _stop_locking(self) -> None:
        tool, self.lock_tool = self.lock_tool, None
        if tool is not None and self.iface is not None:
            self.iface.mapCanvas().unsetMapTool(tool)
        self._set_lock_button(False)

    def _locking_ended(self) -> None:
        """Another map tool took over."""
        self.lock_tool = None
        self._set_lock_button(False)

    def _set_lock_button(self, checked: bool) -> None:
        self.form.lockButton.blockSignals(True)
        self.form.lockButton.setChecked(checked)
        self.form.lockButton.blockSignals(False)

    def toggle_lock(self, feature: QgsFeature) -> None:
        """No lock → the use chosen in „Festlegen auf“ → Bestand → no lock."""
        current = self.locks.get(feature.id())
        if current is None:
            self.locks[feature.id()] = self.form.lockUseCombo.currentData()
        elif current != KEEP:
            self.locks[feature.id()] = KEEP
        else:
            del self.locks[feature.id()]
        self._show_locks()

    def clear_locks(self) -> None:
        self.locks = {}
        self._show_locks()

    def _show_locks(self) -> None:
        count = len(self.locks)
        self.form.locksLabel.setText(tr("{count} Einheit(en) festgelegt.").format(count=count) if count
                                     else tr("Keine Einheit festgelegt."))
        if not self.locks and self.lock_layer is None:
            return
        if self.lock_layer is None:
            self._add_lock_layer()
        layer = self.lock_layer
        layer.dataProvider().truncate()
        units = self.form.unitsCombo.currentLayer()
        if self.locks and units is not None:
            transform = QgsCoordinateTransform(units.crs(), layer.crs(), QgsProject.instance())
            features = []
            for unit in units.getFeatures(QgsFeatureRequest().setFilterFids(list(self.locks))):
                feature = QgsFeature(layer.fields())
                geometry = QgsGeometry(unit.geometry())
                geometry.transform(transform)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
                feature.setAttributes([self.locks[unit.id()], use_label(self.locks[unit.id()])])
                features.append(feature)
            layer.dataProvider().addFeatures(features)
        layer.triggerRepaint()

    def _add_lock_layer(self) -> None:
        fields = QgsFields()
        fields.append(new_field("use", STRING))
        fields.append(new_field("use_label", STRING))
        layer = QgsMemoryProviderUtils.createMemoryLayer(
            tr("Festlegungen (Planungsvarianten)"), fields, WKB_MULTIPOLYGON,
            self.form.unitsCombo.currentLayer().crs())
        apply_style(layer, "zoning_allocation")  # the colours of the uses; units kept as they are in grey
        layer.renderer().addCategory(QgsRendererCategory(KEEP, QgsFillSymbol.createSimple(
            {"color": "150,150,150,170", "outline_color": "#404040", "outline_width": "0.6"}), use_label(KEEP)))
        QgsProject.instance().addMapLayer(layer)
        layer.willBeDeleted.connect(self._lock_layer_deleted)
        self.lock_layer = layer

    def _lock_layer_deleted(self) -> None:
        self.lock_layer = None

    # -- run -------------------------------------------------------------------------------------------------------

    def _missing_input(self) -> str | None:
        if self.form.studyAreaCombo.currentLayer() is None:
            return tr("Bitte die Gemeinde (eine Flächenebene) wählen.")
        if all(combo.currentLayer() is None for combo in self.eligible_combos.values()) and \
                all(use == KEEP for use in self.locks.values()):
            return tr("Bitte mindestens eine Flächenkulisse wählen oder Einheiten auf eine Nutzung festlegen.")
        if not any(check.isChecked() for check in self.objective_checks.values()):
            return tr("Bitte mindestens eine Variante wählen.")
        return None

    def _yield_layers(self) -> dict:
        """Use → the newest result areas of the Ertrag dock in the project (the highest in the layer tree)."""
        names = {name: use for use, name in yield_layer_names().items()}
        found = {}
        for node in QgsProject.instance().layerTreeRoot().findLayers():
            use = names.get(node.layer().name()) if node.layer() is not None else None
            if use is not None and use not in found:
                found[use] = node.layer()
        return found

    def run(self) -> None:
        if self.is_running():
            return
        missing = self._missing_input()
        if missing:
            self.form.headlineLabel.setText(missing)
            return
        parameters = self.parameters()
        self.units_copy = parameters.get("UNITS") if self.locks else None
        self.requested = len(parameters["OBJECTIVES"]) + parameters["NEAR_OPTIMAL"]
        self.start_algorithm("wip:zoningalternatives", parameters, self._finished)

    def is_running(self) -> bool:
        return super().is_running() or self.grid_task is not None

    def _finished(self, ok: bool, results: dict) -> None:
        self.units_copy = None
        if not self.algorithm_succeeded(ok and bool(results)):
            return
        layers = {key: self.context.takeResultLayer(results[key]) for key in ("ALLOCATION", "INDICATORS", "FREQUENCY")}
        layers = self._add_result_layers(layers, results)
        self.show_results(layers["INDICATORS"])
        if len(self.alternatives) < self.requested:
            log.info(self.feedback.textLog())
            self.form.headlineLabel.setText(self.form.headlineLabel.text() + " " + tr(
                "Weniger Varianten als verlangt: im Spielraum gibt es keine weitere, andere Lösung (Protokoll WIP)."))

    def _add_result_layers(self, layers: dict, results_of_run: dict) -> dict:
        """Keep the run's layers in the project's result GeoPackage (the run in its register); returns them kept,
        by output."""
        outputs = {"ALLOCATION": (tr("Zuweisung je Variante"), "zuweisung", True),
                   "FREQUENCY": (tr("Auswahlhäufigkeit je Einheit"), "auswahlhaeufigkeit", False),  # hides below
                   "INDICATORS": (tr("Kennzahlen der Varianten"), "kennzahlen", True)}
        results = []
        for key, (name, table, visible) in outputs.items():
            layers[key].setName(name)
            apply_style(layers[key], result_style("zoningalternatives", key))
            results.append(Result(layers[key], table, visible))
        layers = dict(zip(outputs, keep_results(self.iface, "planungsvarianten", tr("Planungsvarianten"), results,
                                                [results_of_run])))
        if self.allocation_layer is not None:
            self.allocation_layer.willBeDeleted.disconnect(self._allocation_deleted)
        self.allocation_layer = layers["ALLOCATION"]
        self.allocation_layer.willBeDeleted.connect(self._allocation_deleted)
        return layers

    def _allocation_deleted(self) -> None:
        self.allocation_layer = None
        self._show_results_enabled(False)

    def _show_results_enabled(self, enabled: bool) -> None:
        self.form.alternativeCombo.setEnabled(enabled)
        self.form.exportButton.setEnabled(enabled)
        self.form.xplanButton.setEnabled(enabled)

    # -- results ---------------------------------------------------------------------------------------------------

    def show_results(self, indicators: QgsVectorLayer) -> None:
        self.alternatives = sorted(indicators.getFeatures(), key=lambda feature: feature["alternative"])
        combo = self.form.alternativeCombo
        combo.blockSignals(True)
        combo.clear()
        for alternative in self.alternatives:
            combo.addItem(f"{alternative['alternative']}: {alternative['name']}", alternative["alternative"])
        combo.blockSignals(False)
        self._show_results_enabled(bool(self.alternatives))
        self._fill_table()
        self._show_shortfalls()
        self.show_alternative()
        splitter, chart_height = self.form.resultsSplitter, self.form.detailTabs.minimumSizeHint().height()
        splitter.setSizes([max(1, splitter.height() - chart_height), chart_height])  # the table takes the rest
        missed = sum(1 for alternative in self.alternatives if alternative["targets_missed"])
        headline = tr("{count} Variante(n) berechnet.").format(count=len(self.alternatives))
        if missed:
            headline += " " + tr("{missed} davon verfehlen Ziele (siehe „Verfehlte Ziele“).").format(missed=missed)
        elif self.alternatives:
            headline += " " + tr("Alle erreichen die Ziele.")
        empty = sum(1 for alternative in self.alternatives if not any(alternative[f"ha_{use}"] for use in USES))
        if empty:
            headline += " " + tr("{count} Variante(n) ohne zugewiesene Fläche: ohne Mindestziele ist es für "
                                 "„maximale Eignung“ und „flächensparend“ am besten, nichts zu ändern.").format(
                count=empty)
        headline += " " + (tr("MW und GWh/a aus dem Schritt Ertrag: {layers}; sonst aus dem Nutzungskatalog.").format(
            layers=", ".join(f"„{name}“" for name in self.yield_names)) if self.yield_names
            else tr("MW und GWh/a aus dem Nutzungskatalog (noch kein Ergebnis des Schritts Ertrag)."))
        self.form.headlineLabel.setText(headline)
        self.form.pageTabs.setCurrentWidget(self.form.resultsTab)

    def _fill_table(self) -> None:
        self.rows = [row for row in _indicator_rows() if not row[4] or any(
            not is_null(alternative[row[0]]) and alternative[row[0]] for alternative in self.alternatives)]
        table = self.form.indicatorTable
        table.clear()
        table.setColumnCount(len(self.alternatives))
        table.setRowCount(len(self.rows))
        for column, alternative in enumerate(self.alternatives):
            header = QTableWidgetItem(_short_name(alternative).replace(": ", "\n", 1))
            header.setToolTip(alternative["name"])
            table.setHorizontalHeaderItem(column, header)
        for row, (key, label, unit, decimals, _optional) in enumerate(self.rows):
            header = QTableWidgetItem(f"{label} ({unit})" if unit else label)
            header.setToolTip(header.text())  # elided when the dock is narrow
            table.setVerticalHeaderItem(row, header)
            for column, alternative in enumerate(self.alternatives):
                item = QTableWidgetItem(_cell_text(alternative[key], decimals))
                if decimals is not None:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                if key == "status" and not is_null(alternative["gap_pct"]):
                    item.setToolTip(tr("Optimalitätslücke {gap:.2f} %, {seconds:.1f} s").format(
                        gap=alternative["gap_pct"], seconds=alternative["seconds"]))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        total = next((row for row, spec in enumerate(self.rows) if spec[0] == "gwh_total"), 0)
        table.setCurrentCell(total, 0)

    def _show_shortfalls(self) -> None:
        items = [f"<li><b>{html.escape(_short_name(alternative))}</b>: {html.escape(alternative['shortfalls'])}</li>"
                 for alternative in self.alternatives
                 if alternative["targets_missed"] and not is_null(alternative["shortfalls"])]
        self.form.shortfallBrowser.setHtml(f"<ul>{''.join(items)}</ul>" if items else
                                           html.escape(tr("Alle Varianten erreichen alle Ziele.")))
        missed = sum(alternative["targets_missed"] or 0 for alternative in self.alternatives)
        self.form.detailTabs.setTabText(self.form.detailTabs.indexOf(self.form.shortfallTab),
                                        tr("Verfehlte Ziele ({count})").format(count=missed))

    def _chart_row(self, *_args) -> None:
        """The indicator of the current table row for every alternative; the one on the map stands out."""
        row = self.form.indicatorTable.currentRow()
        if not 0 <= row < len(self.rows) or self.rows[row][3] is None:
            return
        key, label, unit, _decimals, _optional = self.rows[row]
        shown = self.form.alternativeCombo.currentData()
        self.chart.set_bars([(_short_name(alternative), 0.0 if is_null(alternative[key]) else alternative[key],
                              CURRENT_COLOUR if alternative["alternative"] == shown else OTHER_COLOUR)
                             for alternative in self.alternatives], unit)
        self.form.chartLabel.setText(tr("{indicator} je Variante").format(indicator=label))

    def show_alternative(self, *_args) -> None:
        """The map shows the allocation of the alternative chosen in the combo. Only the drawing is filtered: the
        layer keeps every alternative, so the balance and the report can read any of them."""
        number = self.form.alternativeCombo.currentData()
        if number is None or self.allocation_layer is None:
            return
        apply_style(self.allocation_layer, result_style("zoningalternatives", "ALLOCATION"))
        by_use = QgsRuleBasedRenderer.convertFromRenderer(self.allocation_layer.renderer())
        shown = QgsRuleBasedRenderer.Rule(None, filterExp=alternative_filter(number),
                                          label=self.form.alternativeCombo.currentText())
        for rule in by_use.rootRule().children():
            shown.appendChild(rule.clone())
        root = QgsRuleBasedRenderer.Rule(None)
        root.appendChild(shown)
        self.allocation_layer.setRenderer(QgsRuleBasedRenderer(root))
        self.allocation_layer.triggerRepaint()
        self._chart_row()

    def export(self) -> None:
        number = self.form.alternativeCombo.currentData()
        if self.allocation_layer is None or number is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, tr("Variante speichern"), f"variante_{number}.gpkg",
                                                    tr("GeoPackage (*.gpkg)"))
        if path:
            self.export_alternative(path if path.lower().endswith(".gpkg") else path + ".gpkg")

    def export_alternative(self, path: str) -> bool:
        """Write the alternative on the map to a GeoPackage at ``path``."""
        number = int(self.form.alternativeCombo.currentData())
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = f"variante_{number}"
        chosen = self.allocation_layer.materialize(QgsFeatureRequest().setFilterExpression(
            alternative_filter(number)))
        error, message, *_rest = QgsVectorFileWriter.writeAsVectorFormatV3(
            chosen, path, QgsProject.instance().transformContext(), options)
        if error != QgsVectorFileWriter.WriterError.NoError:
            text = tr("Speichern fehlgeschlagen: {reason}").format(reason=message)
            self.form.headlineLabel.setText(text)
            log.notify(self.iface, text, Qgis.MessageLevel.Critical)
            return False
        text = tr("Variante {number} ({count} Flächen) gespeichert in {path}.").format(
            number=number, count=chosen.featureCount(), path=path)
        self.form.headlineLabel.setText(text)
        log.notify(self.iface, text, Qgis.MessageLevel.Success)
        return True

    def choose_xplan_path(self) -> None:
        number = self.form.alternativeCombo.currentData()
        if self.allocation_layer is None or number is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, tr("Variante als XPlanGML-Entwurf"),
                                                    f"fnp_aenderung_variante_{number}.gml", tr("XPlanGML (*.gml)"))
        if path:
            self.write_xplan(str(Path(path).with_suffix(".gml")))

    def write_xplan(self, path: str) -> None:
        """The alternative on the map as the draft of a land-use plan amendment in XPlanGML (wip:xplanexport), for
        the municipality of the project; its name and key are asked for where the project does not show them."""
        number = self.form.alternativeCombo.currentData()
        study = self.form.studyAreaCombo.currentLayer()
        if self.allocation_layer is None or number is None or study is None or self.is_running():
            return
        name, ags = municipality_of_project()
        if not name:
            name, ok = QInputDialog.getText(self, tr("Variante als XPlanGML-Entwurf"), tr("Name der Gemeinde:"))
            if not ok or not name.strip():
                return
        if not ags:
            ags, ok = QInputDialog.getText(self, tr("Variante als XPlanGML-Entwurf"),
                                           tr("Amtlicher Gemeindeschlüssel (AGS, acht Ziffern):"))
            if not ok:
                return
        self.xplan_path = path
        self.start_algorithm("wip:xplanexport", {
            "AREAS": self.allocation_layer, "ALTERNATIVE": int(number), "STUDY_AREA": study, "MUNICIPALITY": name,
            "AGS": ags, "OUTPUT": path}, self._xplan_written, tr("XPlanGML-Entwurf wird geschrieben …"))

    def _xplan_written(self, ok: bool, _results: dict) -> None:
        if self.algorithm_succeeded(ok):
            text = tr("XPlanGML-Entwurf gespeichert und gegen das XPlanung-Schema geprüft: {path}").format(
                path=self.xplan_path)
            self.form.headlineLabel.setText(text)
            log.notify(self.iface, text, Qgis.MessageLevel.Success)


def alternative_filter(number) -> str:
    return f'"alternative" = {int(number)}'


def _setup_spin(spin, value: float, maximum: float, suffix: str) -> None:
    spin.setDecimals(1)
    spin.setRange(0.0, maximum)
    spin.setSuffix(suffix)
    spin.setValue(value)


def _layer_id(layer) -> str | None:
    return None if layer is None else layer.id()


def _tree_polygon_layers(project: QgsProject) -> list[tuple[QgsVectorLayer, str]]:
    """The polygon layers in layer tree order, each with its name and the names of its groups, normalised."""
    layers = []
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if layer is None or layer_kind(layer) != POLYGON:
            continue
        names, group = [layer.name()], node.parent()
        while group is not None and group.parent() is not None:
            names.append(group.name())
            group = group.parent()
        layers.append((layer, normalise(" ".join(names))))
    return layers


def _use_named(text: str) -> str | None:
    """The use a normalised layer text speaks of; floating PV is none of the zoning's uses."""
    if "floating" in text:
        return None
    return next((use for use, hints in USE_HINTS if any(hint in text for hint in hints)), None)


def _wind_area_target(study: QgsVectorLayer | None):
    """The first statutory wind-area target of the municipality's planning region (else its state), found from the
    official key in its attributes; None without a key."""
    if study is None:
        return None
    names = [name for name in study.fields().names() if normalise(name) in AGS_FIELDS]
    feature = next(study.getFeatures(QgsFeatureRequest().setLimit(1)), None)
    if feature is None:
        return None
    ags = next((normalise_ags(feature[name]) for name in names if normalise_ags(feature[name])), None)
    if ags is None:
        return None
    targets = wind_targets_for(ags)
    regional = [target for target in targets if target.scope == "region"]
    return min(regional or targets, key=lambda target: target.year, default=None)


def _grid_cells(_task, area, size: float, hexagons: bool) -> list:
    return list(planning_grid(area, size, hexagons))  # a list: QgsTask.fromFunction tests the result's truth


def _indicator_rows() -> list[tuple[str, str, str, int | None, bool]]:
    """The rows of the indicator table: (field of the INDICATORS table, label, unit, decimals or None for text,
    shown only when some alternative has a value)."""
    short = {"wind": tr("Wind"), "pv": tr("PV"), "agri_pv": tr("Agri-PV"), "gewerbe": tr("GE/GI"),
             "wohnen": tr("Wohnen")}  # the table is narrow
    rows = [("objective", tr("Zielfunktion"), "", None, False), ("status", tr("Lösung"), "", None, False)]
    for use in USES:
        label = short[use]
        rows.append((f"ha_{use}", tr("{use}: Fläche").format(use=label), "ha", 1, True))
        if shipped_uses().uses[use].generates:
            rows += [(f"mw_{use}", tr("{use}: Leistung").format(use=label), "MW", 1, True),
                     (f"gwh_{use}", tr("{use}: Ertrag").format(use=label), "GWh/a", 1, True)]
    return rows + [
        ("gwh_total", tr("Ertrag gesamt"), "GWh/a", 1, False),
        ("co2_t_a", tr("Vermiedenes CO₂"), "t/a", 0, False),
        ("prime_ha", tr("Hochwertige Böden beansprucht"), "ha", 1, False),
        ("conflicts", tr("Unverträgliche Nachbarschaften"), "", 0, False),
        ("wind_share_pct", tr("Windflächenanteil der Gemeinde"), "%", 2, False),
        ("wind_target_reached_pct", tr("Windflächenziel erreicht"), "%", 0, True),
        ("mean_score", tr("Mittlere Eignung"), "0–100", 0, False),
        ("targets_missed", tr("Verfehlte Ziele"), "", 0, False),
        ("distance", tr("Unterschied zu den vorigen Varianten"), "0–1", 2, True),
    ]


def _short_name(alternative: QgsFeature) -> str:
    kind = tr("nahe Alternative") if alternative["near_optimal"] else alternative["objective"]
    return f"{alternative['alternative']}: {kind}"


def _cell_text(value, decimals: int | None) -> str:
    if is_null(value):
        return "–"
    if decimals is None:
        return str(value)
    return format_number(float(value), decimals)
