"""Dock "Ertrag": choose the sites and a turbine type or PV plant type, run ``wip:windlayout`` or ``wip:pvyield`` in
the background, and read capacity and energy per site as a table and a chart, with the turbines and the sites styled
on the map."""

from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsMapLayerProxyModel, QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QTableWidgetItem

from ..core.i18n import format_number, tr
from ..core.pv_yield import shipped_pv_types
from ..core.sources import entry
from ..core.wind_energy import (
    DEFAULT_TURBINE_ID,
    WINDPOWERLIB_PREFIX,
    load_turbine_types,
    shipped_wind_defaults,
    windpowerlib_types,
)
from ..core.workflow import find_inputs, workflow
from ..processing_algorithms.pv_yield import PV_TYPE_IDS
from ..qgis_io.layers import is_null
from ..qgis_io.project import apply_style, newest_layer, project_layer_infos, result_style
from ..qgis_io.results import Result, keep_results
from .algorithm_dock import AlgorithmDock
from .bar_chart import BarChart

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "yield_panel.ui"))

WIND_TAB, PV_TAB = 0, 1
WIND_DEFAULTS, PV_TYPES = "yield/wind_defaults.json", "yield/pv_types.json"  # in the register of sources
CHART_SITES = 8
FID_ROLE = Qt.ItemDataRole.UserRole


def yield_layer_names() -> dict[str, str]:
    """Use → the name of the dock's result areas: later steps (Planungsvarianten) take their figures from them."""
    return {"wind": tr("Flächen mit Windpark"), "pv": tr("PV-Flächen mit Ertrag")}


class YieldDock(AlgorithmDock):
    OBJECT_NAME = "WipYieldDock"
    MANUAL_ANCHOR = "yield"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Ertrag"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        self.sites_layer = None  # the result layer whose rows the table shows
        self.chart = BarChart(self.body)
        self.form.chartLayout.addWidget(self.chart)

        form = self.form
        form.sitesCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.windRasterCombo.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        form.existingCombo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        form.waterCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        for combo in (form.sitesCombo, form.windRasterCombo, form.existingCombo, form.waterCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        for turbine_id, turbine in load_turbine_types().items():
            form.turbineCombo.addItem(turbine.label, turbine_id)
        form.turbineCombo.setCurrentIndex(form.turbineCombo.findData(DEFAULT_TURBINE_ID))
        wind = shipped_wind_defaults()
        form.windSpeedSpin.setValue(wind.mean_wind_ms.value)
        form.windHeightSpin.setValue(wind.reference_height_m)
        form.windSpeedSpin.setToolTip(entry(WIND_DEFAULTS, "mean_wind_ms").tooltip())
        pv_types = shipped_pv_types().types
        for type_id in PV_TYPE_IDS:
            form.pvTypeCombo.addItem(pv_types[type_id].label_text(), type_id)
            form.pvTypeCombo.setItemData(form.pvTypeCombo.count() - 1, entry(
                PV_TYPES, "types", list(pv_types).index(type_id), "mwp_per_ha").tooltip(), Qt.ItemDataRole.ToolTipRole)
        form.siteTable.verticalHeader().setVisible(False)
        rows = 6  # visible without scrolling
        form.siteTable.setMinimumHeight(form.siteTable.horizontalHeader().sizeHint().height()
                                        + rows * form.siteTable.verticalHeader().defaultSectionSize() + 4)

        form.runButton.clicked.connect(self.run)
        # asked once the event loop runs again: QGIS shows each dock for a moment while it starts
        self.visibilityChanged.connect(lambda visible: visible and QTimer.singleShot(0, self._add_windpowerlib_types))
        form.siteTable.cellDoubleClicked.connect(self.zoom_to_site)
        QgsProject.instance().layersAdded.connect(self.suggest_layers)
        self.suggest_layers()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        QgsProject.instance().layersAdded.disconnect(self.suggest_layers)
        self.cancel()

    def suggest_layers(self, *_args) -> None:
        """Preselect the layers the Planungsassistent finds for the yield step."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "yield"), project_layer_infos(project))
        for key, combo in (("eligible", self.form.sitesCombo), ("turbines", self.form.existingCombo)):
            if found[key]:
                self.suggest(combo, newest_layer(project, found[key][0]))

    def _add_windpowerlib_types(self) -> None:
        """windpowerlib's turbine library, listed when the planner first opens the dock: reading it (and pandas)
        would slow QGIS's start-up."""
        combo = self.form.turbineCombo
        if not self.isVisible() or combo.findData(WINDPOWERLIB_PREFIX, flags=Qt.MatchFlag.MatchStartsWith) >= 0:
            return
        for turbine_id in windpowerlib_types():
            combo.addItem(f"windpowerlib: {turbine_id}", WINDPOWERLIB_PREFIX + turbine_id)

    # -- run -------------------------------------------------------------------------------------------------------

    def is_wind(self) -> bool:
        return self.form.technologyTabs.currentIndex() == WIND_TAB

    def run(self) -> None:
        if self.is_running():
            return
        sites = self.form.sitesCombo.currentLayer()
        if sites is None:
            self.form.headlineLabel.setText(tr("Bitte eine Flächenebene wählen."))
            return
        if self.is_wind():
            self.start_algorithm("wip:windlayout", self._wind_parameters(sites), self._finished)
        else:
            self.start_algorithm("wip:pvyield", self._pv_parameters(sites), self._finished)

    def _wind_parameters(self, sites) -> dict:
        form = self.form
        turbine = form.turbineCombo.currentData()
        parameters = {"SITES": sites, "WIND_SPEED": form.windSpeedSpin.value(),
                      "WIND_HEIGHT": form.windHeightSpin.value(), "WIND_DIRECTION": form.directionSpin.value(),
                      "ROTOR_OVERHANG": form.overhangCheck.isChecked(), "REPOWERING": form.repoweringCheck.isChecked(),
                      "TURBINES": "TEMPORARY_OUTPUT", "OUTPUT": "TEMPORARY_OUTPUT"}
        if turbine.startswith(WINDPOWERLIB_PREFIX):
            parameters["TURBINE_ID"] = turbine
        else:
            parameters["TURBINE_TYPE"] = list(load_turbine_types()).index(turbine)
        for name, combo in (("WIND_RASTER", form.windRasterCombo), ("EXISTING", form.existingCombo)):
            if combo.currentLayer() is not None:
                parameters[name] = combo.currentLayer()
        return parameters

    def _pv_parameters(self, sites) -> dict:
        form = self.form
        parameters = {"SITES": sites, "PV_TYPE": PV_TYPE_IDS.index(form.pvTypeCombo.currentData()),
                      "SPECIFIC_YIELD": form.specificYieldSpin.value(), "OUTPUT": "TEMPORARY_OUTPUT"}
        if form.waterCombo.currentLayer() is not None:
            parameters["WATER_BODIES"] = form.waterCombo.currentLayer()
        return parameters

    def _finished(self, ok: bool, results: dict) -> None:
        if not self.algorithm_succeeded(ok):
            return
        wind = "TURBINES" in results
        sites = self.context.takeResultLayer(results["OUTPUT"])
        sites.setName(yield_layer_names()["wind" if wind else "pv"])
        apply_style(sites, result_style("windlayout" if wind else "pvyield", "OUTPUT"))
        outputs = [Result(sites, "flaechen")]
        if wind:
            turbines = self.context.takeResultLayer(results["TURBINES"])
            turbines.setName(tr("Windenergieanlagen (Planung)"))
            apply_style(turbines, result_style("windlayout", "TURBINES"))
            outputs.insert(0, Result(turbines, "anlagen"))
        kept = keep_results(self.iface, "ertrag_wind" if wind else "ertrag_pv",
                            tr("Ertrag Wind") if wind else tr("Ertrag Photovoltaik"), outputs, [results])
        sites = kept[-1]
        if self.sites_layer is not None:  # the last run's layer stays in the project; its removal is no concern
            self.sites_layer.willBeDeleted.disconnect(self._sites_deleted)
        self.sites_layer = sites
        sites.willBeDeleted.connect(self._sites_deleted)
        rows = sorted(sites.getFeatures(), key=lambda feature: -(feature["gwh_a"] or 0.0))
        self._show_table(rows, wind)
        self.form.headlineLabel.setText(self._headline(results, rows, wind))

    def _sites_deleted(self) -> None:
        self.sites_layer = None

    # -- results ---------------------------------------------------------------------------------------------------

    def _show_table(self, rows: list, wind: bool) -> None:
        """One row per site, the most productive first."""
        capacity = ("turbines", "mw") if wind else ("usable_ha", "mwp")
        headers = ([tr("Fläche"), tr("Anlagen"), "MW"] if wind else [tr("Fläche"), tr("nutzbar ha"), "MWp"]) + \
            ["GWh/a", tr("Volllaststunden")]
        table = self.form.siteTable
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        if not wind:  # at 1 MWp/ha and 1,000 kWh/kWp three columns show the same number: the tooltips say why
            pv_type = shipped_pv_types().types[self.form.pvTypeCombo.currentData()]
            for column, tip in ((2, tr("nutzbare Fläche × {density} MWp/ha ({source})").format(
                    density=format_number(pv_type.mwp_per_ha.value, 2), source=pv_type.mwp_per_ha.source)),
                    (3, tr("MWp × spezifischer Ertrag je Fläche (Feld yield_source; Vorgabe {kwh} kWh/kWp)").format(
                        kwh=format_number(pv_type.specific_yield_kwh_kwp.value)))):
                table.horizontalHeaderItem(column).setToolTip(tip)
        table.setRowCount(len(rows))
        for position, feature in enumerate(rows):
            values = [_site_label(feature)] + [feature[name] for name in capacity + ("gwh_a", "full_load_h")]
            for column, value in enumerate(values):
                item = QTableWidgetItem()
                if column == 0:
                    item.setText(value)
                    item.setData(FID_ROLE, feature.id())
                else:
                    item.setData(Qt.ItemDataRole.DisplayRole, round(float(value or 0.0), 1))
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(position, column, item)
        table.resizeColumnsToContents()
        table.setSortingEnabled(True)
        colour = "#2b83ba" if wind else "#f0a30a"
        self.chart.set_bars([(_site_label(feature), feature["gwh_a"] or 0.0, colour)
                             for feature in rows[:CHART_SITES]], "GWh/a")

    def _headline(self, results: dict, rows: list, wind: bool) -> str:
        if wind:
            existing = sum(feature["existing_n"] or 0 for feature in rows)
            grid = sum(feature["grid_turbines"] or 0 for feature in rows)
            text = tr("{count} Anlagen, {mw} MW, {gwh} GWh/a netto (einfaches Raster: {grid} Anlagen).").format(
                count=results["TURBINE_COUNT"], mw=format_number(results["TOTAL_MW"], 1),
                gwh=format_number(results["TOTAL_GWH"], 1), grid=grid)
            if existing and any(feature["replaced_n"] for feature in rows):  # the run was a repowering
                text += " " + tr("{count} Bestandsanlagen ersetzt; Nettozuwachs {mw} MW, {gwh} GWh/a.").format(
                    count=existing, mw=format_number(results["NET_GAIN_MW"], 1),
                    gwh=format_number(results["NET_GAIN_GWH"], 1))
            elif existing:
                text += " " + tr("{count} Bestandsanlagen in oder nahe den Flächen bleiben und halten ihren Abstand.")\
                    .format(count=existing)
            return text
        co2 = sum(feature["co2_t_a"] or 0.0 for feature in rows)
        return tr("{mwp} MWp, {gwh} GWh/a, {co2} t CO₂/a vermieden.").format(
            mwp=format_number(results["TOTAL_MWP"], 1), gwh=format_number(results["TOTAL_GWH"], 1),
            co2=format_number(co2))

    def zoom_to_site(self, row: int, _column: int) -> None:
        item = self.form.siteTable.item(row, 0)
        if item is None or self.sites_layer is None or self.iface is None:
            return
        feature = next(self.sites_layer.getFeatures(QgsFeatureRequest(item.data(FID_ROLE))), None)
        if feature is not None and feature.hasGeometry():
            canvas = self.iface.mapCanvas()
            canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(
                self.sites_layer, feature.geometry().boundingBox().buffered(200)))
            canvas.refresh()


def _site_label(feature) -> str:
    names = feature.fields().names()
    for name in ("name", "area_id", "site_id", "id"):
        if name in names and not is_null(feature[name]) and feature[name] != "":
            return str(feature[name])
    return str(feature.id())
