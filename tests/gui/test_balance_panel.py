"""The Energiebilanz & Zukunftsprofil dock on the demo municipality: suggested layers, the balance in the
background with its charts and indicators, the planned generation of a yield result, and the report."""

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from tests.gui.conftest import shown_number, wait_for
from tests.processing_algorithms.conftest import memory_layer, square
from wip_qgis_plugin.gui.balance_panel import BalanceDock


@pytest.fixture
def dock(qgis_iface, demo_project):
    panel = BalanceDock(qgis_iface, qgis_iface.mainWindow())
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def test_municipality_and_statistics_are_suggested(dock):
    assert dock.form.municipalityCombo.currentLayer().name() == "real_gemeinde"
    assert dock.form.statisticsCombo.currentLayer().name() == "real_statistik"
    assert dock.form.buildingsCombo.currentLayer() is None and not dock.form.reportButton.isEnabled()


def test_the_balance_runs_in_the_background_and_shows_charts_and_indicators(dock):
    dock.run()
    assert dock.is_running()
    wait_for(dock)
    assert QgsProject.instance().mapLayersByName("Kennzahlen der Bilanz")
    assert dock.demand_chart.labels == ["2024", "2030", "2035", "2040", "2045"]
    sectors = [name for name, _colour, _values in dock.demand_chart.series]
    assert sectors == ["Private Haushalte", "Gewerbe, Handel, Dienstleistungen", "Industrie",
                       "Kommunale Einrichtungen", "Verkehr"]
    table = dock.form.indicatorTable
    headers = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    assert "davon Kraftstoffe (MWh/a)" in headers and "Bilanzielle Deckung Strom (%)" in headers
    co2 = [shown_number(table.item(headers.index("Treibhausgase (t CO₂e)"), column).text()) for column in range(5)]
    assert co2 == sorted(co2, reverse=True) and co2[-1] < co2[0]
    assert "t CO₂e" in dock.form.headlineLabel.text() and dock.form.reportButton.isEnabled()
    assert dock.form.headlineLabel.text().endswith("– mit Verkehr (geschätzt).")
    assert "Bundesdurchschnitt" in dock.form.transportCombo.itemData(0, Qt.ItemDataRole.ToolTipRole)


def test_a_balance_without_transport_says_so_in_every_total(dock):
    dock.form.transportCombo.setCurrentIndex(dock.form.transportCombo.findText("ohne Verkehr"))
    dock.run()
    wait_for(dock)
    table = dock.form.indicatorTable
    headers = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    assert "Endenergie ohne Verkehr (MWh/a)" in headers and "Treibhausgase ohne Verkehr (t CO₂e)" in headers
    assert not any("davon Kraftstoffe" in header for header in headers)
    assert "Verkehr" not in [name for name, _colour, _values in dock.demand_chart.series]
    assert dock.form.headlineLabel.text().endswith("– ohne Verkehr.")


def test_a_yield_result_in_the_project_is_planned_generation(dock, demo_project):
    wind = memory_layer("Flächen mit Windpark", "Polygon", [
        {"wkt": square(712000, 5669000, 500), "turbines": 3, "gwh_a": 40.0}],
        fields="&field=turbines:integer&field=gwh_a:double")
    demo_project.addMapLayer(wind)
    assert dock.form.windCombo.currentLayer() == wind
    dock.run()
    wait_for(dock)
    totals = dict(zip(dock.generation_chart.labels, dock.generation_chart.totals()))
    assert totals["2030"] - totals["2024"] == pytest.approx(40.0)  # GWh/a from 2030


def test_a_rooftop_total_in_the_project_is_built_along_its_path(dock, demo_project):
    totals = memory_layer("Solarpotenzial je Gemeinde", "None", [
        {"wkt": "", "municipality": "15084235", "gwh_a": 60.0, "remaining_gwh_a": 50.0}],
        fields="&field=municipality:string&field=gwh_a:double&field=remaining_gwh_a:double")
    demo_project.addMapLayer(totals)
    assert dock.form.rooftopCombo.currentLayer() == totals
    dock.run()
    wait_for(dock)
    generation = dict(zip(dock.generation_chart.labels, dock.generation_chart.totals()))
    assert generation["2045"] - generation["2040"] == pytest.approx(50.0 * (0.2 - 0.15))


def test_missing_statistics_are_named(dock):
    dock.form.statisticsCombo.setLayer(None)
    dock.run()
    assert not dock.is_running() and "Gemeindestatistik" in dock.form.headlineLabel.text()


def test_the_report_is_written_next_to_the_chosen_path(dock, tmp_path):
    dock.run()
    wait_for(dock)
    dock.write_report(str(tmp_path / "profil"))
    wait_for(dock, seconds=300)
    html, pdf = tmp_path / "profil.html", tmp_path / "profil.pdf"
    assert html.exists() and pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert "Hohenmölsen" in html.read_text(encoding="utf-8")
    assert "profil.html" in dock.form.reportLabel.text()


def test_suggestions_follow_layers_added_later_but_not_over_a_hand_choice(qgis_iface, qgis_processing):
    from wip_qgis_plugin.qgis_io.project import load_demo

    project = QgsProject.instance()
    project.clear()
    panel = BalanceDock(qgis_iface, qgis_iface.mainWindow())
    try:
        load_demo(project)  # the layers come one by one, the neighbours before the municipality
        assert panel.form.municipalityCombo.currentLayer().name() == "real_gemeinde"
        neighbours = project.mapLayersByName("real_nachbargemeinden")[0]
        panel.form.municipalityCombo.setLayer(neighbours)  # by hand
        project.addMapLayer(memory_layer("gemeinde_neu", "Polygon", []))
        assert panel.form.municipalityCombo.currentLayer() == neighbours
    finally:
        panel.disconnect_project()
        panel.deleteLater()
        project.clear()


def test_the_report_monitors_a_later_years_balance_against_the_catalogue(dock, tmp_path):
    import processing

    dock.run()
    wait_for(dock)
    project = QgsProject.instance()
    catalogue = processing.run("wip:measures", {"PATHS": dock.results["PATHS"], "START_YEAR": 2025,
                                                "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    project.addMapLayer(catalogue)
    form = dock.form
    later = processing.run("wip:energybalance", {
        "STATISTICS": form.statisticsCombo.currentLayer(), "MUNICIPALITY": form.municipalityCombo.currentLayer(),
        "BASE_YEAR": 2027, "BALANCE": "TEMPORARY_OUTPUT", "INDICATORS": "TEMPORARY_OUTPUT",
        "ASSUMPTIONS": "TEMPORARY_OUTPUT"})["BALANCE"]
    project.addMapLayer(later)
    dock.form.monitoringCombo.setLayer(later)
    dock.write_report(str(tmp_path / "profil"))
    wait_for(dock, seconds=300)
    html = (tmp_path / "profil.html").read_text(encoding="utf-8")
    assert 'id="measures-table"' in html and "Monitoring 2027: Plan und Messung" in html
