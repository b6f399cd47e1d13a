"""wip:windlayout through Processing: counts and energy by hand, the rotor rule, wind from a raster, a field or a
constant, existing turbines and repowering, bad input, geographic input, batch rows and a saved model."""

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProject,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import geotiff, memory_layer, square
from wip_qgis_plugin.core.wind_energy import gross_energy_mwh, load_turbine_types
from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

REFERENCE = load_turbine_types()["ref_2020_3_4mw"]  # rotor 122 m: 610 m along the wind, 366 m across


def strip(width=120.0, length=2440.0, x0=0.0, **values):
    """A strip along a north wind: towers every 610 m → five in 2,440 m."""
    return dict({"wkt": f"POLYGON(({x0} 0, {x0 + width} 0, {x0 + width} {length}, {x0} {length}, {x0} 0))"},
                **values)


def run(sites, feedback=None, **extra):
    """The hand-counted cases put towers on the boundary and count only wake and availability losses."""
    parameters = {"SITES": sites, "TURBINE_TYPE": list(load_turbine_types()).index("ref_2020_3_4mw"),
                  "WIND_DIRECTION": 0.0, "WIND_SPEED": 6.5, "WIND_HEIGHT": 135.0, "FOUNDATION_INSET": 0.0,
                  "ELECTRICAL_LOSS": 0.0, "CURTAILMENT": 0.0, "TURBINES": "memory:", "OUTPUT": "memory:"}
    parameters.update(extra)
    return processing.run("wip:windlayout", parameters, feedback=feedback)


def test_a_strip_by_hand_with_energy_and_losses(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [strip(area_id=7)], fields="&field=area_id:integer")
    result = run(sites, WAKE_LOSS=10.0, AVAILABILITY=95.0)
    site = next(result["OUTPUT"].getFeatures())
    gross = gross_energy_mwh(REFERENCE, [6.5], 2.0)[0]  # hub height = reference height: no shear
    assert site["turbines"] == 5 and site["grid_turbines"] == 5 and site["mw"] == pytest.approx(17.0)
    assert site["gross_gwh_a"] == pytest.approx(5 * gross / 1000)
    assert site["gwh_a"] == pytest.approx(5 * gross * 0.9 * 0.95 / 1000)
    assert site["full_load_h"] == pytest.approx(gross * 0.9 * 0.95 / 3.4)
    assert (site["wake_loss_pct"], site["availability_pct"]) == (10.0, 95.0)
    turbines = list(result["TURBINES"].getFeatures())
    assert len(turbines) == 5 and {t["site_id"] for t in turbines} == {"7"}
    assert all(t["mw"] == 3.4 and t["rotor_m"] == 122 and t["hub_m"] == 135 and t["total_m"] == 196
               for t in turbines)
    assert sorted(round(t.geometry().asPoint().y()) for t in turbines) == [0, 610, 1220, 1830, 2440]
    assert result["TURBINE_COUNT"] == 5 and result["TOTAL_GWH"] == pytest.approx(site["gwh_a"])
    assert sites.fields().names() == ["area_id"]  # the input is not changed


def test_the_defaults_keep_the_foundation_inside_and_state_every_loss_per_area(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [strip(area_id=7)], fields="&field=area_id:integer")
    # no foundation inset and no losses given: the shipped defaults apply
    site = next(processing.run("wip:windlayout", {
        "SITES": sites, "TURBINE_TYPE": list(load_turbine_types()).index("ref_2020_3_4mw"), "WIND_DIRECTION": 0.0,
        "WIND_SPEED": 6.5, "WIND_HEIGHT": 135.0, "TURBINES": "memory:", "OUTPUT": "memory:"})["OUTPUT"].getFeatures())
    # towers 15 m inside the 2,440 m strip: 2,410 m hold four, where towers on the boundary would give five
    assert site["turbines"] == 4
    assert (site["wake_loss_pct"], site["availability_pct"], site["electrical_loss_pct"],
            site["curtailment_pct"]) == (8.0, 97.0, 2.0, 2.0)
    gross = gross_energy_mwh(REFERENCE, [6.5], 2.0)[0]
    assert site["gwh_a"] == pytest.approx(4 * gross * 0.92 * 0.97 * 0.98 * 0.98 / 1000)


def test_the_rotor_must_stay_inside_unless_overhang_is_allowed(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [strip(width=130.0)])
    outside = next(run(sites)["OUTPUT"].getFeatures())
    inside = next(run(sites, ROTOR_OVERHANG=False)["OUTPUT"].getFeatures())
    # towers within 61 m of the edge are out: 9 m × 2,318 m leave room for four
    assert (outside["turbines"], inside["turbines"]) == (5, 4)
    assert inside["rotor_rule"] == "Rotor innerhalb der Fläche"


def test_a_site_smaller_than_one_turbine_is_noted(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [{"wkt": square(0, 0, 100)}])
    site = next(run(sites, ROTOR_OVERHANG=False)["OUTPUT"].getFeatures())
    assert site["turbines"] == 0 and "zu klein" in site["note"] and site["full_load_h"] == NULL


def _raster(path, value, nodata_at_top=False):
    """100 m cells over the strip (x −500…500, y −500…2,500); with ``nodata_at_top`` no value north of 2,300 m,
    where the northernmost turbine stands."""
    values = np.full((30, 10), value)
    if nodata_at_top:
        values[:2, :] = -9999
    return geotiff(path, values, -500, 2500, 100)


def test_wind_from_a_raster_equals_the_constant(wip_processing, tmp_path):
    sites = memory_layer("flaechen", "Polygon", [strip()])
    constant = next(run(sites, WIND_SPEED=7.0)["OUTPUT"].getFeatures())
    raster = next(run(sites, WIND_SPEED=0.0, WIND_RASTER=_raster(tmp_path / "wind.tif", 7.0))["OUTPUT"].getFeatures())
    assert raster["gwh_a"] == pytest.approx(constant["gwh_a"]) and raster["wind_ms"] == pytest.approx(7.0)


def test_turbines_on_nodata_have_no_energy(wip_processing, tmp_path):
    sites = memory_layer("flaechen", "Polygon", [strip()])
    feedback = QgsProcessingFeedback()
    result = run(sites, feedback, WIND_SPEED=0.0, WIND_RASTER=_raster(tmp_path / "luecke.tif", 7.0, nodata_at_top=True))
    energies = [t["gwh_a"] for t in result["TURBINES"].getFeatures()]
    assert energies.count(NULL) == 1 and "ohne Windgeschwindigkeit" in feedback.textLog()


def test_wind_from_a_field_per_site(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [strip(v=6.0), strip(x0=5000, v=7.0)], fields="&field=v:double")
    rows = list(run(sites, WIND_SPEED=0.0, WIND_FIELD="v")["OUTPUT"].getFeatures())
    assert [r["wind_ms"] for r in rows] == pytest.approx([6.0, 7.0])
    assert rows[1]["gwh_a"] > rows[0]["gwh_a"]


def test_missing_wind_data_is_named(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [strip()])
    with pytest.raises(QgsProcessingException, match="Winddaten fehlen"):
        run(sites, WIND_SPEED=0.0)


def test_an_unknown_turbine_type_is_named(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [strip()])
    with pytest.raises(QgsProcessingException, match="ref_neubau_6mw"):
        run(sites, TURBINE_ID="E-999")


def test_an_own_catalog_and_a_windpowerlib_type(wip_processing, tmp_path):
    import json

    data = json.loads(load_turbine_types.__defaults__[0].read_text(encoding="utf-8"))
    data["turbines"] = [dict(data["turbines"][0], id="meine_anlage", hub_m=100)]
    own = tmp_path / "anlagen.json"
    own.write_text(json.dumps(data), encoding="utf-8")
    sites = memory_layer("flaechen", "Polygon", [strip()])
    turbine = next(run(sites, TURBINE_FILE=str(own), TURBINE_ID="meine_anlage")["TURBINES"].getFeatures())
    assert turbine["hub_m"] == 100
    pytest.importorskip("windpowerlib")
    turbine = next(run(sites, TURBINE_ID="windpowerlib:E-126/4200", HUB_HEIGHT=135.0)["TURBINES"].getFeatures())
    assert turbine["mw"] == pytest.approx(4.2) and turbine["rotor_m"] == pytest.approx(127)


EXISTING_FIELDS = "&field=Power_kW:double&field=Dia_m:double&field=Hub_m:double"


def test_existing_turbines_are_reported_and_replaced_when_repowering(wip_processing):
    sites = memory_layer("flaechen", "Polygon", [{"wkt": square(0, 0, 2000)}])
    old = memory_layer("wea", "Point", [
        {"wkt": "POINT(1000 1000)", "Power_kW": 1500.0, "Dia_m": 77.0, "Hub_m": 85.0},
        {"wkt": "POINT(2300 1000)", "Power_kW": 2000.0, "Dia_m": 82.0, "Hub_m": 100.0},  # 300 m outside
        {"wkt": "POINT(9000 9000)", "Power_kW": 600.0, "Dia_m": 44.0, "Hub_m": 60.0}], fields=EXISTING_FIELDS)
    kept = run(sites, EXISTING=old, EXISTING_DISTANCE=500.0)
    renewed = run(sites, EXISTING=old, EXISTING_DISTANCE=500.0, REPOWERING=True)
    before, after = next(kept["OUTPUT"].getFeatures()), next(renewed["OUTPUT"].getFeatures())
    assert before["existing_n"] == 2 and before["existing_mw"] == pytest.approx(3.5) and before["replaced_n"] == 0
    assert "halten ihren Abstand" in before["note"] and before["net_gain_mw"] == pytest.approx(before["mw"])
    assert after["replaced_n"] == 2 and after["replaced_mw"] == pytest.approx(3.5)
    assert after["net_gain_mw"] == pytest.approx(after["mw"] - 3.5)
    assert after["net_gain_gwh_a"] == pytest.approx(after["gwh_a"] - after["existing_gwh_a"])
    assert 0 < after["existing_gwh_a"] < after["gwh_a"]
    assert after["turbines"] >= before["turbines"]
    assert renewed["NET_GAIN_MW"] == pytest.approx(after["net_gain_mw"])


def test_marktstammdatenregister_units_count_only_in_operation(wip_processing):
    """A point layer of the register's wind units (open-mastr's field names): the unit shut down for good is no
    existing turbine; the register's own fields give power, rotor and hub height."""
    sites = memory_layer("flaechen", "Polygon", [{"wkt": square(0, 0, 2000)}])
    units = memory_layer("wind_extended", "Point", [
        {"wkt": "POINT(1000 1000)", "EinheitMastrNummer": "SEE900000000001", "EinheitBetriebsstatus": "In Betrieb",
         "Nettonennleistung": 1500.0, "Rotordurchmesser": 77.0, "Nabenhoehe": 85.0},
        {"wkt": "POINT(1200 1000)", "EinheitMastrNummer": "SEE900000000002",
         "EinheitBetriebsstatus": "Endgültig stillgelegt", "Nettonennleistung": 600.0, "Rotordurchmesser": 44.0,
         "Nabenhoehe": 60.0}],
        fields="&field=EinheitMastrNummer:string&field=EinheitBetriebsstatus:string&field=Nettonennleistung:double"
               "&field=Rotordurchmesser:double&field=Nabenhoehe:double")
    feedback = QgsProcessingFeedback()
    result = run(sites, feedback=feedback, EXISTING=units, EXISTING_DISTANCE=500.0)
    site = next(result["OUTPUT"].getFeatures())
    assert site["existing_n"] == 1 and site["existing_mw"] == pytest.approx(1.5)
    assert "Marktstammdatenregister: Windenergieanlagen (MaStR): 1 von 2 Objekten" in feedback.textLog()


def test_geographic_input_is_reprojected_with_the_same_result(wip_processing):
    projected = memory_layer("flaechen", "Polygon", [strip(width=300, length=3000, x0=700000)])
    transform = QgsCoordinateTransform(projected.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance())
    feature = next(projected.getFeatures())
    geometry = feature.geometry()
    geometry.transform(transform)
    geographic = memory_layer("flaechen", "Polygon", [{"wkt": geometry.asWkt(12)}], crs="EPSG:4326")
    feedback = QgsProcessingFeedback()
    result = run(geographic, feedback, WIND_DIRECTION=225.0)
    assert "umprojiziert" in feedback.textLog()
    assert result["TURBINE_COUNT"] == run(projected, WIND_DIRECTION=225.0)["TURBINE_COUNT"] > 0
    # the strip lies on the equator (x 700 km of zone 32): measured in its own zone, WGS 84 / UTM 32N
    assert result["TURBINES"].crs().authid() == "EPSG:32632"


def test_empty_and_broken_sites_are_refused(wip_processing):
    empty = memory_layer("flaechen", "Polygon", [])
    with pytest.raises(QgsProcessingException, match="keine Objekte"):
        run(empty)
    no_geometry = memory_layer("flaechen", "Polygon", [{"wkt": ""}])
    with pytest.raises(QgsProcessingException, match="gültige Polygongeometrie"):
        run(no_geometry)


def test_batch_rows_run_independently(wip_processing):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("wip:windlayout")
    sites = memory_layer("flaechen", "Polygon", [{"wkt": square(0, 0, 2000)}])
    counts = []
    for along in (5.0, 8.0, 5.0):
        context = QgsProcessingContext()
        results, ok = algorithm.run({"SITES": sites, "WIND_SPEED": 6.5, "SPACING_ALONG": along,
                                     "TURBINES": "memory:", "OUTPUT": "memory:"}, context, QgsProcessingFeedback())
        assert ok
        counts.append(results["TURBINE_COUNT"])
    assert counts[0] == counts[2] > counts[1]


def test_eligibility_then_layout_as_a_saved_model(wip_processing, tmp_path):
    """A .model3: the demo municipality's wind Flächenkulisse → turbines on it, with the existing turbines."""
    model = QgsProcessingModelAlgorithm("Wind im Modell", "Test")
    for name in ("gemeinde", "bestand"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name))
    eligibility = QgsProcessingModelChildAlgorithm("wip:eligibility")
    eligibility.setChildId("kulisse")
    eligibility.addParameterSources("STUDY_AREA", [QgsProcessingModelChildParameterSource.fromModelParameter(
        "gemeinde")])
    model.addChildAlgorithm(eligibility)
    layout = QgsProcessingModelChildAlgorithm("wip:windlayout")
    layout.setChildId("wea")
    layout.addParameterSources("SITES", [QgsProcessingModelChildParameterSource.fromChildOutput("kulisse",
                                                                                                "ELIGIBLE")])
    layout.addParameterSources("EXISTING", [QgsProcessingModelChildParameterSource.fromModelParameter("bestand")])
    layout.addParameterSources("WIND_SPEED", [QgsProcessingModelChildParameterSource.fromStaticValue(6.5)])
    output = QgsProcessingModelOutput("anlagen")
    output.setChildOutputName("TURBINES")
    layout.setModelOutputs({"anlagen": output})
    model.addChildAlgorithm(layout)
    model_file = tmp_path / "wind.model3"
    assert model.toFile(str(model_file))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(model_file))
    context = QgsProcessingContext()
    results, ok = loaded.run({
        "gemeinde": QgsVectorLayer(f"{DEMO_GPKG}|layername=real_gemeinde", "gemeinde", "ogr"),
        "bestand": QgsVectorLayer(f"{DEMO_GPKG}|layername=real_wea_bestand", "bestand", "ogr"),
        "wea:anlagen": "memory:"}, context, QgsProcessingFeedback())
    assert ok, results
    turbines = list(context.getMapLayer(results["wea:anlagen"]).getFeatures())
    assert turbines and all(t["gwh_a"] > 0 for t in turbines)
