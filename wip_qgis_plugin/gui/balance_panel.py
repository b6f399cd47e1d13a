"""Dock "Energiebilanz & Zukunftsprofil": run ``wip:energybalance`` in the background, show demand by sector and
generation by carrier per year as charts and the key indicators as a table, and write the Zukunftsprofil report
(``wip:futureprofile``) from the balance and the results the other steps left in the project."""

from pathlib import Path

from qgis.core import (
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFileDialog, QTableWidgetItem

from ..core.balance import (
    GENERATION_SOURCES,
    SECTORS,
    TRANSPORT_ESTIMATE,
    TRANSPORT_NONE,
    carrier_label,
    sector_label,
    transport_scope_label,
)
from ..core.i18n import format_number, tr
from ..core.report import CARRIER_COLOURS, SECTOR_COLOURS
from ..core.sources import entry
from ..core.workflow import find_inputs, workflow
from ..processing_algorithms.energy_balance import TRANSPORT_CHOICES
from ..qgis_io.project import newest_layer, project_layer_infos, results_in_project
from ..qgis_io.results import Result, keep_results
from .algorithm_dock import AlgorithmDock
from .bar_chart import StackedBarChart

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).parent.parent / "resources" / "ui" / "balance_panel.ui"))

INDICATOR_ROWS = (
    ("population", ""), ("demand_mwh", "MWh/a"), ("electricity_mwh", "MWh/a"), ("heat_mwh", "MWh/a"),
    ("transport_mwh", "MWh/a"), ("generation_mwh", "MWh/a"), ("renewable_share_pct", "%"),
    ("self_sufficiency_electricity_pct", "%"), ("self_sufficiency_heat_pct", "%"), ("co2_t", "t CO₂e"),
    ("co2_t_per_capita", "t CO₂e"), ("gap_to_neutrality_t", "t CO₂e"))
# what the dock offers for transport: the planner's own figures come through the consumption table of the toolbox
DOCK_TRANSPORT_CHOICES = (TRANSPORT_ESTIMATE, TRANSPORT_NONE)


def indicator_label(key: str, transport: str) -> str:
    without = transport == TRANSPORT_NONE
    return {"population": tr("Einwohner"),
            "demand_mwh": tr("Endenergie ohne Verkehr") if without else tr("Endenergie"),
            "electricity_mwh": tr("davon Strom"), "heat_mwh": tr("davon Wärme"),
            "transport_mwh": tr("davon Kraftstoffe"),
            "generation_mwh": tr("Erzeugung vor Ort"),
            "renewable_share_pct": tr("Erneuerbarer Anteil am Verbrauch"),
            "self_sufficiency_electricity_pct": tr("Bilanzielle Deckung Strom"),
            "self_sufficiency_heat_pct": tr("Erneuerbare Wärme"),
            "co2_t": tr("Treibhausgase ohne Verkehr") if without else tr("Treibhausgase"),
            "co2_t_per_capita": tr("je Einwohner"), "gap_to_neutrality_t": tr("Abstand zur Neutralität")}[key]


class BalanceDock(AlgorithmDock):
    OBJECT_NAME = "WipBalanceDock"
    MANUAL_ANCHOR = "balance"

    def __init__(self, iface, parent=None):
        super().__init__(tr("Energiebilanz & Zukunftsprofil"), self.OBJECT_NAME, iface, parent, FORM_CLASS)
        self.results: dict[str, QgsVectorLayer] = {}  # the balance's tables
        self.report_paths: tuple[str, str] | None = None
        self.demand_chart = StackedBarChart(self.form.demandTab)
        self.form.demandLayout.addWidget(self.demand_chart)
        self.generation_chart = StackedBarChart(self.form.generationTab)
        self.form.generationLayout.addWidget(self.generation_chart)

        form = self.form
        form.municipalityCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.statisticsCombo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        form.populationGridCombo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        form.heatingGridCombo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        form.unitsCombo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        for combo in (form.buildingsCombo, form.windCombo, form.pvCombo, form.allocationCombo):
            combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        form.rooftopCombo.setFilters(QgsMapLayerProxyModel.Filter.NoGeometry)
        form.monitoringCombo.setFilters(QgsMapLayerProxyModel.Filter.NoGeometry)
        for combo in (form.municipalityCombo, form.statisticsCombo, form.populationGridCombo, form.heatingGridCombo,
                      form.unitsCombo, form.buildingsCombo, form.windCombo, form.pvCombo, form.rooftopCombo,
                      form.allocationCombo, form.monitoringCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        for choice in DOCK_TRANSPORT_CHOICES:
            form.transportCombo.addItem(transport_scope_label(choice, short=True), choice)
        estimate = "\n\n".join(entry("balance/balance_defaults.json", "transport_kwh_per_capita", carrier).tooltip()
                               for carrier in ("diesel", "benzin", "strom"))
        form.transportCombo.setItemData(DOCK_TRANSPORT_CHOICES.index(TRANSPORT_ESTIMATE), estimate,
                                        Qt.ItemDataRole.ToolTipRole)
        form.languageCombo.addItem("Deutsch", 0)
        form.languageCombo.addItem("English", 1)
        form.reportButton.setEnabled(False)
        form.runButton.clicked.connect(self.run)
        form.reportButton.clicked.connect(self.choose_report_path)
        QgsProject.instance().layersAdded.connect(self.suggest_layers)
        self.suggest_layers()

    def disconnect_project(self) -> None:
        """Called on unload: the project outlives the dock."""
        QgsProject.instance().layersAdded.disconnect(self.suggest_layers)
        self.cancel()

    # -- inputs ----------------------------------------------------------------------------------------------------

    def suggest_layers(self, *_args) -> None:
        """Preselect the municipality and statistics the assistant finds, and the newest result of each step."""
        project = QgsProject.instance()
        found = find_inputs(next(step for step in workflow() if step.key == "balance"), project_layer_infos(project))
        for key, combo in (("study_area", self.form.municipalityCombo), ("statistics", self.form.statisticsCombo),
                           ("population_grid", self.form.populationGridCombo),
                           ("heating_grid", self.form.heatingGridCombo),
                           ("generation_units", self.form.unitsCombo)):
            if found[key]:
                self.suggest(combo, newest_layer(project, found[key][0]))
        self.suggest_results((("buildings", self.form.buildingsCombo), ("wind", self.form.windCombo),
                              ("pv", self.form.pvCombo), ("rooftop", self.form.rooftopCombo),
                              ("allocation", self.form.allocationCombo)))

    # -- balance ---------------------------------------------------------------------------------------------------

    def run(self) -> None:
        if self.is_running():
            return
        form = self.form
        municipality, statistics = form.municipalityCombo.currentLayer(), form.statisticsCombo.currentLayer()
        if municipality is None or statistics is None:
            form.headlineLabel.setText(tr("Bitte die Gemeinde und die Gemeindestatistik wählen."))
            return
        parameters = {"STATISTICS": statistics, "MUNICIPALITY": municipality, "BASE_YEAR": form.baseYearSpin.value(),
                      "ALTERNATIVE": form.alternativeSpin.value(), "BALANCE": "TEMPORARY_OUTPUT",
                      "TRANSPORT": TRANSPORT_CHOICES.index(form.transportCombo.currentData()),
                      "INDICATORS": "TEMPORARY_OUTPUT", "ASSUMPTIONS": "TEMPORARY_OUTPUT", "PATHS": "TEMPORARY_OUTPUT"}
        if form.unitsCombo.currentLayer() is not None:
            parameters["GENERATION_UNITS"] = [form.unitsCombo.currentLayer()]
        for name, combo in (("POPULATION_GRID", form.populationGridCombo), ("HEATING_GRID", form.heatingGridCombo),
                            ("HEAT_BUILDINGS", form.buildingsCombo),
                            ("YIELD_WIND", form.windCombo),
                            ("YIELD_PV", form.pvCombo), ("ROOFTOP", form.rooftopCombo),
                            ("ALLOCATION", form.allocationCombo)):
            if combo.currentLayer() is not None:
                parameters[name] = combo.currentLayer()
        self.start_algorithm("wip:energybalance", parameters, self._balance_finished, tr("Bilanz wird berechnet …"))

    def set_running(self, running: bool) -> None:
        super().set_running(running)
        self.form.reportButton.setEnabled(not running and bool(self.results))

    def _balance_finished(self, ok: bool, results_of_run: dict) -> None:
        if not self.algorithm_succeeded(ok):
            return
        outputs = {"BALANCE": (tr("Energie- und Treibhausgasbilanz"), "bilanz"),
                   "INDICATORS": (tr("Kennzahlen der Bilanz"), "kennzahlen"),
                   "ASSUMPTIONS": (tr("Annahmen der Bilanz"), "annahmen"),
                   "PATHS": (tr("Pfade der Bilanz je Hebel"), "pfade")}
        results = []
        for key, (name, table) in outputs.items():
            layer = self.context.takeResultLayer(results_of_run[key])
            layer.setName(name)
            results.append(Result(layer, table))
        self.results = dict(zip(outputs, keep_results(self.iface, "energiebilanz", tr("Energiebilanz"), results,
                                                      [results_of_run])))
        self.set_running(False)
        self._show_balance()

    def _show_balance(self) -> None:
        rows = list(self.results["BALANCE"].getFeatures())
        indicators = sorted(self.results["INDICATORS"].getFeatures(), key=lambda feature: feature["year"])
        years = [feature["year"] for feature in indicators]
        labels = [str(year) for year in years]

        def series(kind, key, names, label, colours):
            present = {row[key] for row in rows if row["kind"] == kind}
            return [(label(name), colours.get(name, "#999999"),
                     [sum(row["mwh"] for row in rows if row["kind"] == kind and row[key] == name
                          and row["year"] == year) / 1000 for year in years]) for name in names if name in present]

        self.demand_chart.set_data(labels, series("demand", "sector", SECTORS, sector_label, SECTOR_COLOURS),
                                   tr("Endenergie GWh/a"))
        self.generation_chart.set_data(labels, series("generation", "carrier", GENERATION_SOURCES, carrier_label,
                                                      CARRIER_COLOURS), tr("Erzeugung vor Ort GWh/a"))
        transport = indicators[0]["transport"]
        shown = [(key, unit) for key, unit in INDICATOR_ROWS if not (key == "transport_mwh" and
                                                                     transport == TRANSPORT_NONE)]
        table = self.form.indicatorTable
        table.clear()
        table.setColumnCount(len(years))
        table.setRowCount(len(shown))
        table.setHorizontalHeaderLabels(labels)
        table.setVerticalHeaderLabels([f"{indicator_label(key, transport)} ({unit})" if unit else
                                       indicator_label(key, transport) for key, unit in shown])
        for column, feature in enumerate(indicators):
            for row, (key, _unit) in enumerate(shown):
                value = feature[key] or 0.0
                item = QTableWidgetItem(format_number(value, 1 if abs(value) < 100 else 0))
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        first, last = indicators[0], indicators[-1]
        self.form.headlineLabel.setText(tr(
            "{first}: {co2} t CO₂e ({per_capita} t je Einwohner), erneuerbar {share} %; "
            "{last}: {co2_last} t CO₂e, erneuerbar {share_last} % – {scope}.").format(
            scope=transport_scope_label(transport, short=True), first=first["year"], co2=format_number(first["co2_t"]),
            per_capita=format_number(first["co2_t_per_capita"], 1),
            share=format_number(first["renewable_share_pct"]), last=last["year"],
            co2_last=format_number(last["co2_t"]), share_last=format_number(last["renewable_share_pct"])))

    # -- report ----------------------------------------------------------------------------------------------------

    def choose_report_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tr("Zukunftsprofil speichern"), "zukunftsprofil.html",
                                                    tr("HTML-Bericht (*.html)"))
        if path:
            self.write_report(path)

    def write_report(self, html_path: str) -> None:
        """The Zukunftsprofil as HTML and PDF next to it, from the balance and the steps' results in the project."""
        if self.is_running() or not self.results:
            return
        html_path = str(Path(html_path).with_suffix(".html"))
        self.report_paths = (html_path, str(Path(html_path).with_suffix(".pdf")))
        parameters = {"MUNICIPALITY": self.form.municipalityCombo.currentLayer(),
                      "BALANCE": self.results["BALANCE"], "INDICATORS": self.results["INDICATORS"],
                      "ASSUMPTIONS": self.results["ASSUMPTIONS"], "LANGUAGE": self.form.languageCombo.currentData(),
                      "ALTERNATIVE": self.form.alternativeSpin.value(), "OUTPUT_HTML": self.report_paths[0],
                      "OUTPUT_PDF": self.report_paths[1]}
        eligible = results_in_project("eligible")
        if eligible:
            parameters["ELIGIBLE"] = eligible
        for name, key in (("SITES", "sites"), ("ALTERNATIVE_INDICATORS", "alternatives"),
                          ("HEAT_SUITABILITY", "heat"), ("TURBINES", "turbines"), ("MEASURES", "measures"),
                          ("SHARED", "shared")):
            layers = results_in_project(key)
            if layers:
                parameters[name] = layers[0]
        if self.form.allocationCombo.currentLayer() is not None:
            parameters["ALLOCATION"] = self.form.allocationCombo.currentLayer()
        if "MEASURES" in parameters:  # the catalogue goes on this balance's paths
            parameters["PATHS"] = self.results["PATHS"]
        if self.form.monitoringCombo.currentLayer() is not None:  # without a catalogue the report says why not
            parameters["MONITORING"] = self.form.monitoringCombo.currentLayer()
        self.form.reportLabel.setText(tr("Zukunftsprofil wird geschrieben …"))
        self.start_algorithm("wip:futureprofile", parameters, self._report_finished, message=None)

    def _report_finished(self, ok: bool, _results: dict) -> None:
        if not self.algorithm_succeeded(ok):
            self.form.reportLabel.clear()
            return
        html_path, pdf_path = self.report_paths
        self.form.reportLabel.setText(tr('Zukunftsprofil: <a href="{html}">{html_name}</a>, <a href="{pdf}">'
                                         '{pdf_name}</a>').format(html=Path(html_path).as_uri(),
                                                                  html_name=Path(html_path).name,
                                                                  pdf=Path(pdf_path).as_uri(),
                                                                  pdf_name=Path(pdf_path).name))
