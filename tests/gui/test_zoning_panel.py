"""The Planungsvarianten dock on the demo municipality with the demo's Flächenkulissen for wind and PV: suggested
layers, background runs, the comparison, switching the map, locks set on the map, the export, bad input."""

from xml.etree import ElementTree

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingFeedback,
    QgsProject,
    QgsRenderContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from tests.gui.conftest import shown_number, wait_for
from tests.processing_algorithms.conftest import memory_layer, square
from tools.run_demo import run_eligibility
from wip_qgis_plugin.core.catalog import shipped_catalog_title, technology_of
from wip_qgis_plugin.core.xplanung import XPLAN, schema_problems
from wip_qgis_plugin.core.zoning import USES
from wip_qgis_plugin.gui.zoning_panel import ZoningDock
from wip_qgis_plugin.processing_algorithms.provider import WipProvider
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

CATALOGS = {"wind": "lsa_wind", "pv": "lsa_pv_freiflaeche"}


@pytest.fixture(scope="module")
def eligible_files(qgis_processing, tmp_path_factory):
    """The demo Flächenkulissen for wind and PV, computed once per module and kept as GeoPackages."""
    provider = WipProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    folder = tmp_path_factory.mktemp("flaechenkulisse")
    files = {}
    try:
        for use, catalog_id in CATALOGS.items():
            layer = run_eligibility(catalog_id, DEMO_GPKG, QgsProcessingFeedback())["ELIGIBLE"]
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            files[use] = str(folder / f"{use}.gpkg")
            error, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
                layer, files[use], QgsProject.instance().transformContext(), options)
            assert error == QgsVectorFileWriter.WriterError.NoError
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
    return files


@pytest.fixture
def eligible(demo_project, eligible_files):
    """The eligible land as the Flächenkulisse dock adds it: „Geeignete Flächen“ in a group named after the
    catalog."""
    layers = {}
    for use, catalog_id in CATALOGS.items():
        title = shipped_catalog_title(catalog_id)
        group = demo_project.layerTreeRoot().insertGroup(0, f"Flächenkulisse – {title}")
        layer = QgsVectorLayer(eligible_files[use], f"Geeignete Flächen – {technology_of(title)}", "ogr")
        demo_project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
        layers[use] = layer
    return layers


@pytest.fixture
def dock(qgis_iface, eligible):
    panel = ZoningDock(qgis_iface, qgis_iface.mainWindow())
    panel.form.targetWindSpin.setValue(60)
    panel.form.targetPvSpin.setValue(30)
    panel.form.windAreaSpin.setValue(1.9)
    yield panel
    panel.disconnect_project()
    panel.deleteLater()


def drawn(layer) -> list:
    """The features the layer's renderer draws."""
    context = QgsRenderContext()
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    try:
        return [feature for feature in layer.getFeatures() if renderer.willRenderFeature(feature, context)]
    finally:
        renderer.stopRender(context)


def project_layer(name):
    return QgsProject.instance().mapLayersByName(name)[0]


def run_and_wait(dock):
    dock.run()
    assert dock.is_running()
    wait_for(dock)
    assert "fehlgeschlagen" not in dock.form.headlineLabel.text()


def test_inputs_are_suggested_and_hand_choices_kept(dock, eligible):
    form = dock.form
    assert form.studyAreaCombo.currentLayer().name() == "real_gemeinde"  # not real_nachbargemeinden
    assert form.unitsCombo.currentLayer().name() == "synth_flurstuecke"
    assert form.unitIdCombo.currentField() == "flurstueck_id"
    assert form.eligibleWindCombo.currentLayer().id() == eligible["wind"].id()  # told apart by their groups
    assert form.eligiblePvCombo.currentLayer().id() == eligible["pv"].id()
    assert form.eligibleAgriPvCombo.currentLayer() is None
    assert form.farmlandCombo.currentLayer().name() == "synth_landwirtschaft"
    assert form.farmlandFieldCombo.currentField() == "ackerzahl"
    assert (form.shareWindSpin.value(), form.clusterWindSpin.value()) == (5.0, 20.0)  # the catalog's limits
    assert form.targetWindSpin.suffix() == " MW" and form.targetGewerbeSpin.suffix() == " ha"
    # Hohenmölsen (AGS 15084235) lies in the Planungsregion Halle: 1.9 % by 2027, the wind share's default
    assert form.windAreaSpin.value() == pytest.approx(1.9)
    form.windAreaSpin.setValue(0)
    assert form.windAreaSpin.text() == "kein Ziel" and "Planungsregion Halle" in form.windAreaButton.toolTip()
    form.windAreaButton.click()
    assert form.windAreaSpin.value() == pytest.approx(1.9)
    assert dock.parameters()["WIND_SHARE_PCT"] == pytest.approx(1.9)

    form.eligibleWindCombo.setLayer(None)
    form.eligibleWindCombo.activated.emit(0)  # as the planner's choice in the list
    agri = memory_layer("Flächenkulisse Agri-PV – geeignet", "Polygon", [{"wkt": square(712500, 5669000, 500)}])
    wind = memory_layer("Flächenkulisse Wind – geeignet", "Polygon", [{"wkt": square(716000, 5669500, 600)}])
    QgsProject.instance().addMapLayers([agri, wind])
    assert form.eligibleWindCombo.currentLayer() is None
    assert form.eligibleAgriPvCombo.currentLayer().id() == agri.id()


def test_run_compares_alternatives_and_switches_the_map(dock):
    run_and_wait(dock)
    indicators = {feature["alternative"]: feature for feature in
                  project_layer("Kennzahlen der Varianten").getFeatures()}
    count = len(indicators)
    table = dock.form.indicatorTable
    assert count == 5  # three objectives and two near-optimal alternatives
    assert table.columnCount() == count and dock.form.alternativeCombo.count() == count
    assert table.horizontalHeaderItem(0).text() == "1\nmaximale Eignung"
    labels = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    assert "Ertrag gesamt (GWh/a)" in labels and "Wind: Fläche (ha)" in labels
    assert "Agri-PV: Fläche (ha)" not in labels  # no eligible land, nothing allocated
    total_row = labels.index("Ertrag gesamt (GWh/a)")
    shown = [shown_number(table.item(total_row, column).text()) for column in range(count)]
    assert shown == pytest.approx([indicators[number]["gwh_total"] for number in range(1, count + 1)], abs=0.05)
    assert [value for _, value, _ in dock.chart.bars] == pytest.approx(shown, abs=0.05)
    assert dock.form.chartLabel.text() == "Ertrag gesamt je Variante"
    assert "5 Variante(n) berechnet." in dock.form.headlineLabel.text()

    allocation = dock.allocation_layer
    assert project_layer("Auswahlhäufigkeit je Einheit").renderer().classAttribute() == "freq_any"
    every = list(allocation.getFeatures())
    counts = {}
    for index in (2, 0, 1):
        dock.form.alternativeCombo.setCurrentIndex(index)
        number = index + 1
        # the map draws this alternative alone, coloured by use; the layer keeps all (the balance reads any)
        assert allocation.subsetString() == "" and allocation.featureCount() == len(every)
        features = drawn(allocation)
        assert features and {feature["alternative"] for feature in features} == {number}
        assert "Windenergie" in {rule.label() for rule in allocation.renderer().rootRule().children()[0].children()}
        allocated = sum(indicators[number][f"ha_{use}"] for use in USES)
        assert sum(feature["ha"] for feature in features) == pytest.approx(allocated, rel=1e-6)
        counts[number] = len(features)
        highlighted = [label for label, _, colour in dock.chart.bars if colour.name() == "#2b83ba"]
        assert highlighted == [dock.chart.bars[index][0]]
    assert counts[3] > counts[1]  # „maximaler Ertrag“ takes as much land as the limits allow


def test_locked_units_come_out_locked_and_the_units_layer_is_unchanged(dock):
    run_and_wait(dock)
    first = dock.allocation_layer
    first.setSubsetString("")
    allocated = {feature["unit_id"] for feature in first.getFeatures()}
    in_first = next(feature["unit_id"] for feature in first.getFeatures() if feature["alternative"] == 1)
    units = dock.form.unitsCombo.currentLayer()
    fields_before, count_before = units.fields().names(), units.featureCount()
    free = next(feature for feature in units.getFeatures()
                if feature["flaeche_m2"] > 10000 and feature["flurstueck_id"] not in allocated)
    taken = next(feature for feature in units.getFeatures() if feature["flurstueck_id"] == in_first)

    dock.form.lockUseCombo.setCurrentIndex(dock.form.lockUseCombo.findData("agri_pv"))
    dock.toggle_lock(free)  # → Agri-PV
    dock.toggle_lock(taken)  # → Agri-PV
    dock.toggle_lock(taken)  # → Bestand
    assert dock.locks == {free.id(): "agri_pv", taken.id(): "bestand"}
    assert sorted(feature["use"] for feature in dock.lock_layer.getFeatures()) == ["agri_pv", "bestand"]
    assert dock.form.locksLabel.text() == "2 Einheit(en) festgelegt."

    run_and_wait(dock)
    allocation = dock.allocation_layer
    assert allocation.id() != first.id()
    allocation.setSubsetString("")
    rows = list(allocation.getFeatures())
    locked = [feature for feature in rows if feature["unit_id"] == free["flurstueck_id"]]
    assert len(locked) == dock.form.alternativeCombo.count()  # in every alternative
    assert all(feature["use"] == "agri_pv" and feature["locked"] for feature in locked)
    assert not [feature for feature in rows if feature["unit_id"] == in_first]  # kept as it is
    assert units.fields().names() == fields_before and units.featureCount() == count_before
    assert not units.isModified()


def test_missed_targets_are_listed_with_their_reason(dock):
    dock.form.targetWindSpin.setValue(150)  # more than the eligible land holds
    run_and_wait(dock)
    assert "150 MW" in dock.form.shortfallBrowser.toPlainText()
    assert "erreichbar" in dock.form.shortfallBrowser.toPlainText()
    missed = sum(alternative["targets_missed"] for alternative in dock.alternatives)
    assert missed >= len(dock.alternatives) > 0
    assert dock.form.detailTabs.tabText(1) == f"Verfehlte Ziele ({missed})"
    assert "verfehlen Ziele" in dock.form.headlineLabel.text()


def test_export_writes_the_chosen_alternative(dock, tmp_path):
    run_and_wait(dock)
    dock.form.alternativeCombo.setCurrentIndex(2)
    path = tmp_path / "variante.gpkg"
    assert dock.export_alternative(str(path))
    written = QgsVectorLayer(f"{path}|layername=variante_3", "written", "ogr")
    assert written.isValid()
    assert written.featureCount() == len(drawn(dock.allocation_layer)) > 0
    assert {feature["alternative"] for feature in written.getFeatures()} == {3}
    assert str(path) in dock.form.headlineLabel.text()


def test_one_click_writes_the_chosen_alternative_as_a_valid_xplangml_draft(dock, tmp_path):
    """The demo project shows Hohenmölsen with its key: the draft names it, holds the alternative on the map and
    passes the official schema."""
    run_and_wait(dock)
    dock.form.alternativeCombo.setCurrentIndex(1)
    assert dock.form.xplanButton.isEnabled()
    path = tmp_path / "fnp.gml"
    dock.write_xplan(str(path))
    wait_for(dock)
    assert str(path) in dock.form.headlineLabel.text()
    document = path.read_bytes()
    assert schema_problems(document) == []
    root = ElementTree.fromstring(document)
    assert root.find(f".//{{{XPLAN}}}XP_Gemeinde/{{{XPLAN}}}ags").text == "15084235"
    assert all("Planungsvariante 2" in text.text for text in root.iter(f"{{{XPLAN}}}text")
               if text.text.startswith(("Windenergie,", "Freiflächen-PV,")))


def test_grid_units_the_lock_cycle_and_a_removed_units_layer(dock, qgis_iface):
    form = dock.form
    form.unitsCombo.setLayer(None)
    form.unitsCombo.activated.emit(0)
    assert form.gridButton.isEnabled() and not form.lockButton.isEnabled()
    form.cellSizeSpin.setValue(500)
    dock.create_grid()
    wait_for(dock)
    grid = form.unitsCombo.currentLayer()
    assert grid.name() == "Planungseinheiten (Raster 500 m)" and grid.featureCount() > 250
    assert form.unitIdCombo.currentField() == "unit_id" and form.lockButton.isEnabled()

    form.lockButton.setChecked(True)
    canvas = qgis_iface.mapCanvas()
    assert canvas.mapTool() is dock.lock_tool is not None
    cell = next(grid.getFeatures())
    states = []
    for _ in range(3):
        dock.toggle_lock(cell)
        states.append(dock.locks.get(cell.id()))
    assert states == ["wind", "bestand", None]
    dock.toggle_lock(cell)
    assert dock.lock_layer.featureCount() == 1

    QgsProject.instance().removeMapLayer(grid.id())  # the tool must not keep the deleted layer
    assert dock.lock_tool is None and canvas.mapTool() is None and not form.lockButton.isChecked()
    assert dock.locks == {} and dock.lock_layer.featureCount() == 0


def test_missing_input_is_named(dock):
    dock.form.studyAreaCombo.setLayer(None)
    dock.run()
    assert not dock.is_running() and "Gemeinde" in dock.form.headlineLabel.text()
    dock.form.studyAreaCombo.setLayer(project_layer("real_gemeinde"))
    for combo in dock.eligible_combos.values():
        combo.setLayer(None)
    dock.run()
    assert not dock.is_running() and "Flächenkulisse" in dock.form.headlineLabel.text()


def test_the_algorithms_message_is_shown_on_failure(dock):
    dock.form.farmlandCombo.setLayer(project_layer("real_nachbargemeinden"))  # no Ackerzahl field
    layers_before = set(QgsProject.instance().mapLayers())
    dock.run()
    wait_for(dock)
    headline = dock.form.headlineLabel.text()
    assert "fehlgeschlagen" in headline and "Ackerzahl" in headline
    assert set(QgsProject.instance().mapLayers()) == layers_before


def test_cancel_leaves_no_result_layers(dock):
    layers_before = set(QgsProject.instance().mapLayers())
    dock.run()
    dock.cancel()
    wait_for(dock)
    assert "abgebrochen" in dock.form.headlineLabel.text()
    assert set(QgsProject.instance().mapLayers()) == layers_before


def test_capacity_and_yield_come_from_the_ertrag_step_when_it_has_run(dock, eligible):
    """The Ertrag dock's wind areas in the project: the variants take their MW and GWh/a from them (one figure from
    the step that computed it), and the headline says so."""
    import processing

    from wip_qgis_plugin.gui.yield_panel import yield_layer_names

    windparks = processing.run("wip:windlayout", {"SITES": eligible["wind"], "WIND_SPEED": 6.5, "WIND_HEIGHT": 150.0,
                                                  "TURBINES": "memory:", "OUTPUT": "memory:"})["OUTPUT"]
    windparks.setName(yield_layer_names()["wind"])
    QgsProject.instance().addMapLayer(windparks)
    assert dock.parameters()["YIELD_WIND"] is windparks and "YIELD_PV" not in dock.parameters()
    run_and_wait(dock)
    assert "MW und GWh/a aus dem Schritt Ertrag: „Flächen mit Windpark“" in dock.form.headlineLabel.text()
