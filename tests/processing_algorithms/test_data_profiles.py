"""The planner's own data through the whole chain: ALKIS, Basis-DLM, the Land's protected areas and OpenStreetMap,
written by the tests in their real schemas (layer names, class names, codes, tags and field names), recognised
without renaming anything and giving hand-checked areas."""

from __future__ import annotations

import math
from pathlib import Path

import processing
import pytest
from qgis.core import (
    NULL,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import memory_layer
from tests.real_schemas import (
    X0,
    Y0,
    at,
    study_area,
    write,
    write_alkis,
    write_alkis_nas,
    write_census_csv,
    write_dlm,
    write_lau,
    write_osm_xml,
)

WIND = 0  # index of the shipped wind catalog
# distances that make the zones easy to compute by hand; the others of the catalog stay
OVERRIDES = ["naturschutzgebiet_puffer", "0", "wohngebaeude_abstand", "50", "wohngebaeude_2h", "0",
             "autobahn_anbauverbot", "50", "autobahn_abstand", "50", "freileitung", "20"]


def eligibility(layers, feedback=None, **extra):
    parameters = {"STUDY_AREA": study_area(), "CATALOG": WIND, "CONSTRAINT_LAYERS": layers,
                  "DISTANCE_OVERRIDES": OVERRIDES, "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"}
    return processing.run("wip:eligibility", dict(parameters, **extra), feedback=feedback)


def excluded_by(result) -> dict[str, float]:
    """Excluded area (m²) by the criteria that exclude it."""
    areas: dict[str, float] = {}
    for feature in result["EXCLUDED"].getFeatures():
        areas[feature["criteria"]] = areas.get(feature["criteria"], 0.0) + feature.geometry().area()
    return areas


def house_zone(size: float, distance: float) -> float:
    """The area of a square of ``size`` buffered by ``distance`` with 8 segments per quarter circle (as GEOS)."""
    segment_area = 8 * 4 * 0.5 * distance ** 2 * math.sin(2 * math.pi / 32)
    return size * size + 4 * size * distance + segment_area


@pytest.fixture
def alkis(tmp_path):
    return write_alkis(tmp_path / "alkis.gpkg")


def test_alkis_gives_the_flaechenkulisse_without_renaming(wip_processing, alkis):
    feedback = QgsProcessingFeedback()
    result = eligibility(alkis, feedback=feedback)
    areas = excluded_by(result)
    assert math.isclose(areas.pop("wald"), 200 * 200, rel_tol=1e-9)
    assert math.isclose(areas.pop("naturschutzgebiet, naturschutzgebiet_puffer"), 200 * 200, rel_tol=1e-9)
    assert math.isclose(areas.pop("landschaftsschutzgebiet"), 200 * 200, rel_tol=1e-9)
    # the dwelling only (the garage is no residential building), 50 m around it; the 2H zone lies inside
    assert math.isclose(areas.pop("wohngebaeude_abstand, wohngebaeude_2h"), 10 * 10, rel_tol=1e-9)
    # (the zone's round corners are snapped to the engine's millimetre grid)
    assert math.isclose(areas.pop("wohngebaeude_abstand"), house_zone(10, 50) - 100, rel_tol=1e-5)
    assert areas == {}  # the compensation area excludes nothing
    assert "Wald: Ebene „alkis – ax_wald“ (ALKIS (Liegenschaftskataster): Wald (AX_Wald); alle Objekte)" in \
        feedback.textLog()


def test_an_alkis_nas_file_is_read_through_gdals_nas_driver(wip_processing, tmp_path):
    """The NAS Bestandsdatenauszug itself, as the Landesamt delivers it: its layers AX_Wald … with the model's
    camel-case fields are recognised like the imports' lower-case tables, for the criteria and the heat demand."""
    layers = write_alkis_nas(tmp_path / "bestand.xml")
    areas = excluded_by(eligibility(layers))
    assert areas.pop("wald") == pytest.approx(200 * 200, rel=1e-9)
    assert areas.pop("naturschutzgebiet, naturschutzgebiet_puffer") == pytest.approx(200 * 200, rel=1e-9)
    assert areas.pop("landschaftsschutzgebiet") == pytest.approx(200 * 200, rel=1e-9)
    assert areas.pop("wohngebaeude_abstand, wohngebaeude_2h") == pytest.approx(100, rel=1e-9)
    assert areas.pop("wohngebaeude_abstand") == pytest.approx(house_zone(10, 50) - 100, rel=1e-5)
    assert areas == {}
    [house] = demand_by_row(processing.run("wip:heatdemand", {"BUILDINGS": layers[2], "OUTPUT": "memory:"}))
    assert house[0] == pytest.approx(200 * 0.84 * 93 / 1000) and house[1:] == ("E", "EFH")


def test_basis_dlm_shapes_by_object_type_and_classification(wip_processing, tmp_path):
    shapes = write_dlm(tmp_path)
    areas = excluded_by(eligibility(shapes))
    assert math.isclose(areas.pop("wald"), 200 * 200, rel_tol=1e-9)
    assert math.isclose(areas.pop("naturschutzgebiet, naturschutzgebiet_puffer"), 200 * 200, rel_tol=1e-9)
    # the motorway's 50 m on either side across the square; the municipal road (WDM 1307) excludes nothing
    assert math.isclose(areas.pop("autobahn_anbauverbot, autobahn_abstand"), 100 * 1000, rel_tol=1e-9)
    assert areas == {}


def test_the_lands_protected_area_layers_count_whole_without_a_category_field(wip_processing, tmp_path):
    layers = write_lau(tmp_path)
    areas = excluded_by(eligibility(layers))
    assert areas == pytest.approx({"naturschutzgebiet, naturschutzgebiet_puffer": 40_000.0,
                                   "landschaftsschutzgebiet": 40_000.0}, rel=1e-9)


def test_an_osm_extract_is_read_through_gdal_and_transformed_from_lon_lat(wip_processing, tmp_path):
    layers = write_osm_xml(tmp_path / "gemeinde.osm")
    areas = excluded_by(eligibility(layers))
    # OSM keeps lon/lat to 10⁻⁷°: the round trip moves a corner by up to a centimetre
    assert areas.pop("wald") == pytest.approx(40_000.0, rel=1e-4)
    assert areas.pop("naturschutzgebiet, naturschutzgebiet_puffer") == pytest.approx(40_000.0, rel=1e-4)
    # the motorway's band (100 m wide) and the power line's (40 m) cross in a 100 × 40 m rectangle
    assert areas.pop("autobahn_anbauverbot, autobahn_abstand") == pytest.approx(100 * 1000 - 100 * 40, rel=1e-4)
    assert areas.pop("freileitung") == pytest.approx(40 * 1000 - 100 * 40, rel=1e-4)
    assert areas.pop("autobahn_anbauverbot, autobahn_abstand, freileitung") == pytest.approx(100 * 40, rel=1e-4)
    assert areas == {}


def test_a_layer_mapped_by_hand_is_read_through_its_model(wip_processing, alkis):
    """The planner assigns the ALKIS designations to the nature-reserve criterion only: still only the reserve
    (ADF 1621) counts, not the landscape area on the same layer."""
    result = eligibility(alkis, CRITERIA_MAPPING=["naturschutzgebiet", "ax_naturumweltoderbodenschutzrecht",
                                                  "landschaftsschutzgebiet", "-", "naturschutzgebiet_puffer", "-"])
    areas = excluded_by(result)
    assert areas.get("naturschutzgebiet") == pytest.approx(40_000.0, rel=1e-9)
    assert "landschaftsschutzgebiet" not in areas


def demand_by_row(result) -> list:
    layer = result["OUTPUT"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "bedarf", "ogr")
    return [(feature["demand_mwh_a"], feature["age_class"], feature["building_type"])
            for feature in layer.getFeatures()]


def test_alkis_buildings_give_the_heat_demand_with_storeys_and_year(wip_processing, alkis):
    """Wohnhaus (1010), 10 × 10 m, two storeys, built 1965: IWU class E, a single-family house by its 200 m² gross
    floor area: 200 × 0.84 m² × 93 kWh/(m²·a). The garage (2463) has no demand."""
    feedback = QgsProcessingFeedback()
    result = processing.run("wip:heatdemand", {"BUILDINGS": alkis[2], "OUTPUT": "memory:"}, feedback=feedback)
    house, garage = demand_by_row(result)
    assert house[0] == pytest.approx(200 * 0.84 * 93 / 1000) and house[1:] == ("E", "EFH")
    assert garage[0] == NULL  # no heat demand
    assert "ALKIS (Liegenschaftskataster): Gebäude (AX_Gebaeude)" in feedback.textLog()


def test_osm_buildings_give_the_heat_demand_from_their_tags(wip_processing, tmp_path):
    """building=house with building:levels=2 (in other_tags): a single-family house of unknown age; apartments on
    four levels: a multi-family house; building=yes says nothing of the use, so no demand is estimated."""
    path = osm_buildings(tmp_path / "osm_gebaeude.gpkg")
    result = processing.run("wip:heatdemand", {"BUILDINGS": f"{path}|layername=multipolygons", "OUTPUT": "memory:"})
    house, block, unknown = demand_by_row(result)
    assert house[0] == pytest.approx(200 * 0.84 * 83 / 1000) and house[1:] == ("Z", "EFH")
    assert block[0] == pytest.approx(1600 * 0.84 * 86 / 1000) and block[1:] == ("F", "MFH")
    assert unknown[0] == NULL


def test_osm_street_sections_are_its_highways_not_its_power_lines(wip_processing, tmp_path):
    """The heat line density of an OSM extract: the buildings go to the residential street 40–45 m away, not to
    the power line 5–10 m away, and only the street is a section."""
    path = osm_buildings(tmp_path / "osm.gpkg")
    write(memory_layer("lines", "LineString", [
        {"wkt": f"LINESTRING({X0 - 100} {Y0 + 50}, {X0 + 1100} {Y0 + 50})", "osm_id": "10", "highway": "residential",
         "other_tags": None},
        {"wkt": f"LINESTRING({X0 - 100} {Y0 + 15}, {X0 + 1100} {Y0 + 15})", "osm_id": "11", "highway": None,
         "other_tags": '"power"=>"line","voltage"=>"20000"'}],
        fields="&field=osm_id:string&field=highway:string&field=other_tags:string"), path, "lines")
    demand = processing.run("wip:heatdemand", {"BUILDINGS": f"{path}|layername=multipolygons",
                                              "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    feedback = QgsProcessingFeedback()
    result = processing.run("wip:heatdensity", {"BUILDINGS": demand, "STREETS": f"{path}|layername=lines",
                                                "INTERNAL": True, "BLOCKS_OUTPUT": "memory:",
                                                "STREETS_OUTPUT": "memory:"}, feedback=feedback)
    [street] = list(result["STREETS_OUTPUT"].getFeatures())
    assert street["osm_id"] == "10" and street["buildings"] == 2
    total = (200 * 0.84 * 83 + 1600 * 0.84 * 86) / 1000
    assert street["line_density_kwh_m_a"] == pytest.approx(1000 * total / 1200)
    assert "Straßenabschnitte nach dem Datenmodell OpenStreetMap: OSM-Objekte (Punkte, Linien, Flächen): 1 von 2 " \
        "Objekten" in feedback.textLog()


def osm_buildings(path):
    """Buildings of an OSM extract in a GeoPackage: a house (two levels), apartments (four levels, 1972) and a
    building=yes, their levels and dates in other_tags."""
    write(memory_layer("multipolygons", "Polygon", [
        {"wkt": at(0, 0, 10), "osm_id": None, "osm_way_id": "1", "building": "house",
         "other_tags": '"building:levels"=>"2"'},
        {"wkt": at(100, 0, 20), "osm_id": None, "osm_way_id": "2", "building": "apartments",
         "other_tags": '"building:levels"=>"4","start_date"=>"1972"'},
        {"wkt": at(200, 0, 10), "osm_id": None, "osm_way_id": "3", "building": "yes", "other_tags": None}],
        fields="&field=osm_id:string&field=osm_way_id:string&field=building:string&field=other_tags:string"),
        path, "multipolygons")
    return path


REFERENCE = Path(__file__).resolve().parents[2] / "tools" / "reference_data"


def test_real_reference_data_go_through_their_profiles(wip_processing):
    """Hohenmölsen from the BKG's VG250 and the transmission lines of SciGRID, as published: the lines are found
    for the wind catalog's overhead-line criterion by their voltage, and the excluded area equals three rotor
    diameters (510 m) around them within the municipality, computed here with QGIS's own geometry."""
    study = f"{REFERENCE / 'vg250_2016_mitteldeutschland.gpkg'}|layername=vg250_gemeinden|subset=\"AGS\" = '15084235'"
    lines = f"{REFERENCE / 'scigrid_de_transmission_mitteldeutschland.gpkg'}|layername=scigrid_lines"
    feedback = QgsProcessingFeedback()
    result = processing.run("wip:eligibility", {
        "STUDY_AREA": study, "CATALOG": WIND, "CONSTRAINT_LAYERS": [lines], "SOFT_EXCLUDES": True,
        "ELIGIBLE": "memory:", "EXCLUDED": "memory:", "SUMMARY": "memory:"}, feedback=feedback)
    assert "Ebene „scigrid_de_transmission_mitteldeutschland – scigrid_lines“ (Bundesweite Referenzdaten (VG250, " \
           "SciGRID, UFZ-Anlagen): Höchstspannungsleitungen (SciGRID); voltage >= 110)" in feedback.textLog()
    excluded = sum(f.geometry().area() for f in result["EXCLUDED"].getFeatures() if f["criteria"] == "freileitung")

    municipality = next(QgsVectorLayer(study, "gemeinde", "ogr").getFeatures()).geometry()
    zone = QgsGeometry.unaryUnion([f.geometry().buffer(510, 8) for f in
                                   QgsVectorLayer(lines, "lines", "ogr").getFeatures()])
    expected = zone.intersection(municipality).area()
    assert expected > 1e6  # the 380 kV lines cross the municipality
    assert excluded == pytest.approx(expected, rel=1e-4)


@pytest.mark.parametrize("crs", ["EPSG:25833", "EPSG:3035", "EPSG:4326", "EPSG:31468"])
def test_data_in_another_crs_are_transformed(wip_processing, tmp_path, crs):
    """The same ALKIS forest delivered in ETRS89 / UTM 33N, the EU grid's LAEA, lon/lat or Gauß-Krüger zone 4
    (DHDN, older data): transformed into the study area's CRS, it excludes the same 4 ha."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    forest = QgsGeometry.fromWkt(at(100, 100, 200))
    forest.densifyByCount(50)  # straight edges in one CRS are slightly curved in another
    forest.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                            QgsCoordinateReferenceSystem(crs), QgsProject.instance()))
    path = tmp_path / "alkis.gpkg"
    write(memory_layer("ax_wald", "Polygon", [{"wkt": forest.asWkt(12)}], crs=crs, fields="&field=gml_id:string"),
          path, "ax_wald")
    areas = excluded_by(eligibility([f"{path}|layername=ax_wald"]))
    assert areas == {"wald": pytest.approx(40_000.0, rel=2e-4)}


def test_a_catalog_filter_field_spelt_in_capitals_still_filters(wip_processing, tmp_path):
    """A shapefile of mixed protected areas with "KATEGORIE": the nature-reserve criterion takes its NSG only."""
    write(memory_layer("schutzgebiete", "Polygon", [
        {"wkt": at(600, 600, 200), "KATEGORIE": "NSG"}, {"wkt": at(600, 100, 200), "KATEGORIE": "LSG"}],
        fields="&field=KATEGORIE:string"), tmp_path / "schutzgebiete.shp", driver="ESRI Shapefile")
    areas = excluded_by(eligibility([str(tmp_path / "schutzgebiete.shp")]))
    assert areas == {"naturschutzgebiet, naturschutzgebiet_puffer": pytest.approx(40_000.0, rel=1e-9),
                     "landschaftsschutzgebiet": pytest.approx(40_000.0, rel=1e-9)}


def test_an_osm_extract_assigned_to_a_criterion_its_model_cannot_select_is_refused(wip_processing, tmp_path):
    layers = write_osm_xml(tmp_path / "gemeinde.osm")
    with pytest.raises(QgsProcessingException, match="Objekte vieler Arten"):
        eligibility(layers, CRITERIA_MAPPING=["rotmilan_dichtezentrum", "multipolygons"])


def test_a_model_field_the_export_lacks_leaves_the_role_to_the_usual_names(wip_processing, tmp_path):
    """An ALKIS export without "baujahr" but with the office's own "baualtersklasse": that class is used."""
    path = tmp_path / "alkis.gpkg"
    write(memory_layer("ax_gebaeude", "Polygon", [
        {"wkt": at(0, 0, 10), "gebaeudefunktion": 1010, "anzahlderoberirdischengeschosse": 2,
         "baualtersklasse": "K"}],
        fields="&field=gebaeudefunktion:integer&field=anzahlderoberirdischengeschosse:integer"
               "&field=baualtersklasse:string"), path, "ax_gebaeude")
    [house] = demand_by_row(processing.run("wip:heatdemand", {"BUILDINGS": f"{path}|layername=ax_gebaeude",
                                                              "OUTPUT": "memory:"}))
    assert house[1:] == ("K", "EFH") and house[0] == pytest.approx(200 * 0.84 * 48 / 1000)


def test_the_census_grid_gives_the_inhabitants_of_the_balance(wip_processing, tmp_path):
    """Cells of the 2022 census whose centres lie in Hohenmölsen: 1,000 + 2,000 inhabitants and one suppressed
    cell; a cell 100 km away does not count. The population path of the balance starts from them in 2022."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from wip_qgis_plugin.qgis_io.data import census_grid
    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

    municipality = f"{DEMO_GPKG}|layername=real_gemeinde"
    boundary = next(QgsVectorLayer(municipality, "gemeinde", "ogr").getFeatures()).geometry()
    centre = boundary.pointOnSurface().asPoint()
    laea = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:3035"),
                                  QgsProject.instance()).transform(centre)
    x, y = round(laea.x(), -2) + 50, round(laea.y(), -2) + 50
    path = tmp_path / "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv"
    write_census_csv(path, [(x, y, "1000"), (x + 100, y, "2000"), (x, y + 100, "–"), (x + 100_000, y, "5000")])
    grid = census_grid(path)
    assert grid is not None and grid.featureCount() == 4 and grid.crs().authid() == "EPSG:3035"
    feedback = QgsProcessingFeedback()
    result = processing.run("wip:energybalance", {
        "STATISTICS": f"{DEMO_GPKG}|layername=real_statistik", "MUNICIPALITY": municipality, "POPULATION_GRID": grid,
        "BALANCE": "memory:", "INDICATORS": "memory:", "ASSUMPTIONS": "memory:"}, feedback=feedback)
    assert "Einwohner aus dem Zensus 2022: 3.000 in 3 Gitterzellen der Gemeinde, 1 davon gesperrt" in \
        feedback.textLog()
    sources = " ".join(str(f["source"]) for f in result["ASSUMPTIONS"].getFeatures())
    assert "3000 Einwohner (2022)" in sources


def test_buildings_without_a_year_take_the_age_of_their_census_cell(wip_processing, tmp_path):
    """Two dwellings without a year: one in a cell where most buildings are from 1949–1978 (IWU class E), one in
    a cell whose counts are all suppressed (no class)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    from tests.real_schemas import CENSUS_PERIODS
    from wip_qgis_plugin.qgis_io.data import census_grid

    buildings = memory_layer("gebaeude", "Polygon", [
        {"wkt": at(0, 0, 10), "gebaeudefunktion": 1010, "geschosse": 2},
        {"wkt": at(500, 500, 10), "gebaeudefunktion": 1010, "geschosse": 2}],
        fields="&field=gebaeudefunktion:integer&field=geschosse:integer")
    to_laea = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                     QgsCoordinateReferenceSystem("EPSG:3035"), QgsProject.instance())
    cells = []
    for (x, y), counts in (((5, 5), ["1", "2", "9", "–", "–", "–", "–", "–"]), ((505, 505), ["–"] * 8)):
        laea = to_laea.transform(QgsPointXY(X0 + x, Y0 + y))
        cells.append((laea.x() // 100 * 100 + 50, laea.y() // 100 * 100 + 50, *counts))
    path = tmp_path / "Zensus2022_Gebaeude_nach_Baujahr_in_MZ_Klassen_100m-Gitter.csv"
    write_census_csv(path, cells, CENSUS_PERIODS)
    grid = census_grid(path)
    feedback = QgsProcessingFeedback()
    result = processing.run("wip:heatdemand", {"BUILDINGS": buildings, "AGE_GRID": grid, "OUTPUT": "memory:"},
                            feedback=feedback)
    aged, unknown = list(result["OUTPUT"].getFeatures())
    assert aged["age_class"] == "E" and "Zensus-Zelle" in aged["note"]
    assert aged["demand_mwh_a"] == pytest.approx(200 * 0.84 * 93 / 1000)
    assert unknown["age_class"] == "Z"
    assert "1 Gebäude ohne Baujahr erhalten die Baualtersklasse" in feedback.textLog()


def test_registered_units_in_operation_give_the_installed_capacity_of_the_balance(wip_processing):
    """Units of the Marktstammdatenregister (open-mastr's fields, lon/lat): two PV units in operation in
    Hohenmölsen count (3.5 MW); one shut down and one in the neighbouring district do not; a biomass unit counts
    as biomass. Wind and hydro stay the statistics'."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

    municipality = f"{DEMO_GPKG}|layername=real_gemeinde"
    inside = next(QgsVectorLayer(municipality, "gemeinde", "ogr").getFeatures()).geometry().pointOnSurface()
    inside.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                            QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()))
    lon, lat = inside.asPoint().x(), inside.asPoint().y()
    rows = [("SEE1", "Solare Strahlungsenergie", "In Betrieb", 1000.0, lon, lat),
            ("SEE2", "Solare Strahlungsenergie", "In Betrieb", 2500.0, lon + 0.001, lat),
            ("SEE3", "Solare Strahlungsenergie", "Endgültig stillgelegt", 500.0, lon, lat + 0.001),
            ("SEE4", "Solare Strahlungsenergie", "In Betrieb", 9000.0, lon + 1.0, lat),
            ("SEE5", "Biomasse", "In Betrieb", 500.0, lon - 0.001, lat)]
    units = memory_layer("einheiten", "Point", [
        {"wkt": f"POINT({x} {y})", "EinheitMastrNummer": number, "Energietraeger": carrier,
         "EinheitBetriebsstatus": status, "Nettonennleistung": kw} for number, carrier, status, kw, x, y in rows],
        crs="EPSG:4326", fields="&field=EinheitMastrNummer:string&field=Energietraeger:string"
                                "&field=EinheitBetriebsstatus:string&field=Nettonennleistung:double")
    feedback = QgsProcessingFeedback()
    processing.run("wip:energybalance", {
        "STATISTICS": f"{DEMO_GPKG}|layername=real_statistik", "MUNICIPALITY": municipality,
        "GENERATION_UNITS": [units], "BALANCE": "memory:", "INDICATORS": "memory:", "ASSUMPTIONS": "memory:"},
        feedback=feedback)
    log = feedback.textLog()
    assert "einheiten nach dem Datenmodell Marktstammdatenregister: Stromerzeugungseinheiten (MaStR): 4 von 5" in log
    assert "Installierte Leistung Photovoltaik aus dem Marktstammdatenregister: 3,5 MW (2 Einheit(en)" in log
    assert "Installierte Leistung Biomasse aus dem Marktstammdatenregister: 0,5 MW (1 Einheit(en)" in log
    assert "Windenergie aus dem Marktstammdatenregister" not in log


def test_the_census_heating_grid_gives_the_balances_heat_mix_today(wip_processing, tmp_path):
    """Buildings by heating carrier in two cells of Hohenmölsen: 12 district heat, 6 gas, 2 oil, 2 heat pumps (the
    direct electric one is not modelled). District heat keeps the statistics' share of dwellings connected (a block
    on the network counts by its flats); the rest is split as the other buildings are heated: gas 6 of 10."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from wip_qgis_plugin.qgis_io.data import census_grid
    from wip_qgis_plugin.qgis_io.project import DEMO_GPKG

    municipality = f"{DEMO_GPKG}|layername=real_gemeinde"
    centre = next(QgsVectorLayer(municipality, "gemeinde", "ogr").getFeatures()).geometry().pointOnSurface().asPoint()
    laea = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:3035"),
                                  QgsProject.instance()).transform(centre)
    x, y = laea.x() // 100 * 100 + 50, laea.y() // 100 * 100 + 50
    columns = ("Insgesamt_Energietraeger", "Gas", "Heizoel", "Holz_Holzpellets", "Biomasse_Biogas",
               "Solar_Geothermie_Waermepumpen", "Strom", "Kohle", "Fernwaerme", "kein_Energietraeger")
    path = tmp_path / "Zensus2022_Energietraeger_100m-Gitter.csv"
    write_census_csv(path, [(x, y, "19", "6", "2", "–", "–", "–", "1", "–", "10", "–"),
                            (x + 100, y, "4", "–", "–", "–", "–", "2", "–", "–", "2", "–")], columns)
    feedback = QgsProcessingFeedback()
    result = processing.run("wip:energybalance", {
        "STATISTICS": f"{DEMO_GPKG}|layername=real_statistik", "MUNICIPALITY": municipality,
        "HEATING_GRID": census_grid(path), "BALANCE": "memory:", "INDICATORS": "memory:", "ASSUMPTIONS": "memory:"},
        feedback=feedback)
    assert "22 Gebäude in 2 Gitterzellen der Gemeinde; 1 mit Strom oder Kohle beheizte nicht abgebildet" in \
        feedback.textLog()
    row = next(QgsVectorLayer(f"{DEMO_GPKG}|layername=real_statistik", "statistik", "ogr").getFeatures(
        QgsFeatureRequest().setFilterExpression("\"ags\" = '15084235'")))
    district = row["buildings.flats_heatnet"] / row["buildings.flats_total"]
    shares = {f["topic"]: float(f["value"]) for f in result["ASSUMPTIONS"].getFeatures()
              if "an der Wärme heute" in f["topic"]}
    assert shares["Anteil Fernwärme an der Wärme heute"] == pytest.approx(100 * district, abs=0.05)
    assert shares["Anteil Erdgas an der Wärme heute"] == pytest.approx(100 * (1 - district) * 6 / 10, abs=0.05)
    assert shares["Anteil Umweltwärme an der Wärme heute"] == pytest.approx(100 * (1 - district) * 2 / 10, abs=0.05)
