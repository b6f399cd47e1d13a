"""Data profiles: the shipped ones validate and name only criteria the catalogs have; real data models' layers are
recognised by name and fields and fed to the right criteria with the right features; the demo's own layers are
left to the catalogs' name hints."""

import json
import math
import re

import geopandas as gpd
import pytest
import shapely

from wip_qgis_plugin.core.catalog import LayerDescription, load_catalog, shipped_catalogs, suggest_layers
from wip_qgis_plugin.core.profiles import (
    MixedLayerError,
    ProfileError,
    assigned_source,
    building_fields,
    building_inputs,
    fed_inputs,
    load_profile,
    parse_tags,
    recognise,
    select,
    selection_filter,
    shipped_profile_paths,
    shipped_profiles,
    source_fields,
    suggest_sources,
)
from wip_qgis_plugin.core.workflow import workflow

WIND = load_catalog(shipped_catalogs()["lsa_wind"])
PV = load_catalog(shipped_catalogs()["lsa_pv_freiflaeche"])


def layer(name, kind="polygon", fields=()):
    return LayerDescription(name, kind, tuple(fields))


def frame(rows: list[dict]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rows, geometry=[shapely.box(i, 0, i + 1, 1) for i in range(len(rows))],
                            crs="EPSG:25832")


def test_each_shipped_profile_validates_and_names_only_criteria_of_the_catalogs_and_inputs_of_the_steps():
    criteria = {criterion.id for path in shipped_catalogs().values() for criterion in load_catalog(path).criteria}
    criteria |= {step_input.key for step in workflow() for step_input in step.inputs}
    profiles = shipped_profiles()
    assert {profile.id for profile in profiles} == {"alkis", "basis_dlm", "lau_schutzgebiete", "mastr", "osm",
                                                   "referenzdaten", "zensus2022"}
    for profile in profiles:
        assert profile.source and profile.title["de"] and profile.title["en"]
        for layer_class in profile.classes:
            for feed in layer_class.feeds:
                assert set(feed.criteria) <= criteria, (profile.id, layer_class.id)
                assert feed.unless is None or feed.unless in criteria


@pytest.mark.parametrize(("description", "profile", "layer_class"), [
    (layer("ax_gebaeude", fields=("gml_id", "gebaeudefunktion", "anzahlderoberirdischengeschosse")), "alkis",
     "gebaeude"),
    (layer("AX_Wald", fields=("gml_id",)), "alkis", "wald"),  # NAS without the norGIS template: upper case
    (layer("alkis_ax_naturumweltoderbodenschutzrecht", fields=("artderfestlegung",)), "alkis", "naturschutzrecht"),
    (layer("veg02_f", fields=("LAND", "OBJART", "OBJART_TXT", "OBJID")), "basis_dlm", "vegetation"),
    (layer("ver01_l", "line", ("OBJART", "OBJART_TXT", "WDM")), "basis_dlm", "verkehr"),
    (layer("dlm_lsa_2024", fields=("OBJART", "OBJART_TXT")), "basis_dlm", "objekte"),  # an export named otherwise
    (layer("NSG_LSA"), "lau_schutzgebiete", "nsg"),
    (layer("Landschaftsschutzgebiete"), "lau_schutzgebiete", "lsg"),
    (layer("FFH-Gebiete"), "lau_schutzgebiete", "natura2000"),
    (layer("EU-Vogelschutzgebiete (SPA)"), "lau_schutzgebiete", "natura2000"),
    (layer("Biosphärenreservate"), "lau_schutzgebiete", "biosphaerenreservat"),
    (layer("multipolygons", fields=("osm_id", "osm_way_id", "landuse", "other_tags")), "osm", "objekte"),
    (layer("vg250_gemeinden", fields=("AGS", "GEN", "BEZ")), "referenzdaten", "vg250_gemeinden"),
    (layer("scigrid_lines", "line", ("name", "voltage", "s_nom")), "referenzdaten", "scigrid_lines"),
    (layer("windpower", "point", ("Year", "Power_kW", "Hub_m", "Dia_m")), "referenzdaten", "ufz_windpower"),
    (layer("Zensus2022_Bevoelkerungszahl_100m-Gitter", "point", ("GITTER_ID_100m", "x_mp_100m", "Einwohner")),
     "zensus2022", "einwohner"),
    (layer("wind_extended", "point", ("EinheitMastrNummer", "Nabenhoehe", "Rotordurchmesser",
                                      "EinheitBetriebsstatus")), "mastr", "wind"),
])
def test_real_data_models_are_recognised(description, profile, layer_class):
    assert [(r.profile.id, r.layer_class.id) for r in recognise(description)] == [(profile, layer_class)]


@pytest.mark.parametrize("description", [
    layer("synth_siedlung", fields=("nutzung",)), layer("synth_schutzgebiete", fields=("kategorie",)),
    layer("synth_gebaeude", fields=("gebaeudefunktion",)), layer("Schutzgebiete"),
    layer("ax_gebaeudeausgestaltung", "line", ("gml_id",)),  # an ALKIS class that is no building
    layer("ax_gebaeude", fields=("gml_id",)),  # the name alone is not the model: the field is missing
    layer("Spannungsebenen"), layer("lines", "line", ("highway",)),  # an OSM-like name without osm_id/other_tags
])
def test_other_layers_are_not_taken_for_a_data_model(description):
    assert recognise(description) == []


def test_osm_tags_are_read_from_other_tags_with_escapes():
    assert parse_tags('"power"=>"line","voltage"=>"110000;380000","name"=>"Leitung \\"Nord\\""') == {
        "power": "line", "voltage": "110000;380000", "name": 'Leitung "Nord"'}
    assert parse_tags(None) == {} and parse_tags("") == {}


def test_osm_features_feed_each_criterion_by_their_tags():
    lines = layer("lines", "line", ("osm_id", "name", "highway", "waterway", "railway", "other_tags"))
    areas = layer("multipolygons", "polygon", ("osm_id", "osm_way_id", "building", "landuse", "natural",
                                               "boundary", "other_tags"))
    line_rows = frame([
        {"osm_id": "1", "highway": "motorway", "railway": None, "other_tags": '"ref"=>"A 9"'},
        {"osm_id": "2", "highway": None, "railway": None, "other_tags": '"power"=>"line","voltage"=>"110000"'},
        {"osm_id": "3", "highway": None, "railway": "rail", "other_tags": '"tracks"=>"2"'},
        {"osm_id": "4", "highway": None, "railway": "rail", "other_tags": None},
        {"osm_id": "5", "highway": "primary", "railway": None, "other_tags": '"ref"=>"B 91"'}])
    expected = {"autobahn_abstand": ["1"], "freileitung": ["2"], "bahnstrecke": ["3", "4"],
                "bundesstrasse_anbauverbot": ["5"], "landes_kreisstrasse": []}
    for criterion_id, osm_ids in expected.items():
        criterion = WIND.criterion(criterion_id)
        [source] = suggest_sources(criterion, [lines, areas], WIND.criterion_ids())
        assert source.recognition.profile.id == "osm"
        assert list(select(line_rows, source, criterion)["osm_id"]) == osm_ids, criterion_id
    corridor = PV.criterion("korridor_baugb_bahn")  # § 35 Abs. 1 Nr. 8 b BauGB: at least two main tracks
    [source] = suggest_sources(corridor, [lines], PV.criterion_ids())
    assert list(select(line_rows, source, corridor)["osm_id"]) == ["3"]

    area_rows = frame([
        {"osm_id": "10", "landuse": "forest", "natural": None, "boundary": None, "building": None, "other_tags": None},
        {"osm_id": "11", "landuse": None, "natural": "wood", "boundary": None, "building": None, "other_tags": None},
        {"osm_id": "12", "landuse": None, "natural": None, "boundary": "protected_area", "building": None,
         "other_tags": '"protect_class"=>"4","protection_title"=>"Naturschutzgebiet"'},
        {"osm_id": "13", "landuse": None, "natural": None, "boundary": "protected_area", "building": None,
         "other_tags": '"protect_class"=>"5","protection_title"=>"Landschaftsschutzgebiet"'},
        {"osm_id": "14", "landuse": None, "natural": None, "boundary": None, "building": "house",
         "other_tags": '"building:levels"=>"2"'},
        {"osm_id": "15", "landuse": None, "natural": None, "boundary": None, "building": "garage",
         "other_tags": None}])
    expected = {"wald": ["10", "11"], "naturschutzgebiet": ["12"], "landschaftsschutzgebiet": ["13"],
                "wohngebaeude_abstand": ["14"]}
    for criterion_id, osm_ids in expected.items():
        criterion = WIND.criterion(criterion_id)
        [source] = suggest_sources(criterion, [lines, areas], WIND.criterion_ids())
        assert list(select(area_rows, source, criterion)["osm_id"]) == osm_ids, criterion_id
    [source] = suggest_sources(PV.criterion("gebaeude"), [areas], PV.criterion_ids())  # building=*: every one
    assert list(select(area_rows, source, PV.criterion("gebaeude"))["osm_id"]) == ["14", "15"]


def test_the_fields_read_for_a_source_are_those_of_its_feed_in_the_layers_spelling():
    dlm = layer("ver01_l", "line", ("OBJART", "OBJART_TXT", "WDM", "BEZ"))
    [source] = suggest_sources(WIND.criterion("autobahn_abstand"), [dlm], WIND.criterion_ids())
    assert source_fields(source, WIND.criterion("autobahn_abstand"), dlm.fields) == (["OBJART_TXT", "WDM"], [])
    without = layer("ver01_l", "line", ("OBJART", "OBJART_TXT"))  # a cut-down export without WDM
    [source] = suggest_sources(WIND.criterion("autobahn_abstand"), [without], WIND.criterion_ids())
    assert source_fields(source, WIND.criterion("autobahn_abstand"), without.fields) == (["OBJART_TXT"], ["wdm"])
    osm = layer("lines", "line", ("osm_id", "highway", "other_tags"))
    [source] = suggest_sources(WIND.criterion("freileitung"), [osm], WIND.criterion_ids())
    assert source_fields(source, WIND.criterion("freileitung"), osm.fields) == (["other_tags"], [])


def test_basis_dlm_roads_by_classification_and_protected_areas_by_designation():
    roads = frame([{"OBJART_TXT": "AX_Strassenachse", "WDM": 1301}, {"OBJART_TXT": "AX_Fahrbahnachse", "WDM": 1301},
                   {"OBJART_TXT": "AX_Strassenachse", "WDM": 1303}, {"OBJART_TXT": "AX_Strassenachse", "WDM": 1306},
                   {"OBJART_TXT": "AX_Strassenachse", "WDM": 1307}])
    dlm = layer("ver01_l", "line", ("OBJART", "OBJART_TXT", "WDM"))
    for criterion_id, rows in {"autobahn_abstand": [0, 1], "bundesstrasse_anbauverbot": [2],
                               "landes_kreisstrasse": [3]}.items():
        [source] = suggest_sources(WIND.criterion(criterion_id), [dlm], WIND.criterion_ids())
        assert list(select(roads, source, WIND.criterion(criterion_id)).index) == rows
    areas = frame([{"OBJART_TXT": "AX_NaturUmweltOderBodenschutzrecht", "ADF": "1621"},
                   {"OBJART_TXT": "AX_NaturUmweltOderBodenschutzrecht", "ADF": "1623"},
                   {"OBJART_TXT": "AX_SchutzgebietNachNaturUmweltOderBodenschutzrecht", "ADF": "1670"},
                   {"OBJART_TXT": "AX_SchutzgebietNachNaturUmweltOderBodenschutzrecht", "ADF": "1690"},
                   {"OBJART_TXT": "AX_Wald", "ADF": None}])
    geb = layer("geb03_f", "polygon", ("OBJART", "OBJART_TXT", "ADF"))
    for catalog, criterion_id, rows in ((WIND, "naturschutzgebiet", [0, 2]), (WIND, "landschaftsschutzgebiet", [1]),
                                        (WIND, "naturpark", [3]),  # the wind catalog counts biosphere reserves here
                                        (PV, "naturpark", []), (PV, "biosphaerenreservat", [3])):
        [source] = suggest_sources(catalog.criterion(criterion_id), [geb], catalog.criterion_ids())
        assert list(select(areas, source, catalog.criterion(criterion_id)).index) == rows, criterion_id


def test_basis_dlm_layers_are_listed_for_their_own_group_and_an_export_named_otherwise_for_all():
    """"veg02_f" holds vegetation: the Planungsassistent lists it for forest, not for settlements; a layer of the
    model named otherwise may hold any object type."""
    assert "wald" in fed_inputs(layer("veg02_f", fields=("OBJART", "OBJART_TXT")))
    assert "siedlungsflaeche" not in fed_inputs(layer("veg02_f", fields=("OBJART", "OBJART_TXT")))
    assert {"wald", "siedlungsflaeche", "naturschutzgebiet"} <= fed_inputs(layer("dlm", fields=("OBJART",
                                                                                             "OBJART_TXT")))
    assert fed_inputs(layer("ax_gebaeude", fields=("gebaeudefunktion",))) >= {"buildings", "wohngebaeude_abstand"}


def test_a_catalog_threshold_is_applied_to_the_models_own_field():
    """The soil quality's thresholds stay the catalog's (PV > 30, commerce > 60); the profile only says which
    field of the ALKIS soil appraisal holds the number."""
    soil = layer("ax_bodenschaetzung", fields=("gml_id", "ackerzahlodergruenlandzahl"))
    rows = frame([{"ackerzahlodergruenlandzahl": value} for value in (25, 45, 70)])
    commerce = load_catalog(shipped_catalogs()["lsa_gewerbe"])
    for catalog, criterion_id, kept in ((PV, "hohe_bodenguete", [45, 70]), (commerce, "hochwertiger_boden", [70])):
        criterion = catalog.criterion(criterion_id)
        [source] = suggest_sources(criterion, [soil], catalog.criterion_ids())
        assert list(select(rows, source, criterion)["ackerzahlodergruenlandzahl"]) == kept


def test_alkis_residential_buildings_include_mixed_use_with_living_and_leave_out_weekend_houses():
    buildings = layer("ax_gebaeude", fields=("gebaeudefunktion",))
    codes = [1010, 1121, 1223, 1313, 2310, 2463, 3100, 3021]  # Wohnhaus … Wochenendhaus, Garage, Schule
    rows = frame([{"gebaeudefunktion": code} for code in codes])
    criterion = WIND.criterion("wohngebaeude_2h")
    [source] = suggest_sources(criterion, [buildings], WIND.criterion_ids())
    assert list(select(rows, source, criterion)["gebaeudefunktion"]) == [1010, 1121, 1223, 2310, 3100]


def test_recognised_layers_go_through_their_profile_and_the_demo_through_the_catalog():
    """A project with the Land's protected areas, an ALKIS forest and the demo's own layers: each criterion gets
    the profiled layer, and the demo layers are found by the catalog's hints exactly as before."""
    demo = [layer("synth_schutzgebiete", fields=("kategorie",)), layer("synth_wald"),
            layer("synth_siedlung", fields=("nutzung",))]
    land = [layer("Naturschutzgebiete", fields=("name", "nsg_nr")), layer("ax_wald", fields=("gml_id",))]
    for criterion in WIND.criteria:
        assert [s.key for s in suggest_sources(criterion, demo, WIND.criterion_ids())] == \
            suggest_layers(criterion, demo)
    keys = {c: [(s.key, s.feed is not None) for s in suggest_sources(WIND.criterion(c), demo + land,
                                                                     WIND.criterion_ids())]
            for c in ("naturschutzgebiet", "wald", "landschaftsschutzgebiet")}
    assert keys == {"naturschutzgebiet": [("Naturschutzgebiete", True), ("synth_schutzgebiete", False)],
                    "wald": [("ax_wald", True), ("synth_wald", False)],
                    "landschaftsschutzgebiet": [("synth_schutzgebiete", False)]}


def test_a_layer_assigned_by_hand_is_used_whole_unless_its_model_says_otherwise():
    nsg = WIND.criterion("naturschutzgebiet")
    plain = assigned_source(nsg, layer("Meine Schutzflächen", fields=("name",)), WIND.criterion_ids())
    assert plain.whole and plain.feed is None
    mixed = assigned_source(nsg, layer("Meine Schutzflächen", fields=("kategorie",)), WIND.criterion_ids())
    assert not mixed.whole and mixed.feed is None  # the catalog's own filter on "kategorie"
    alkis = assigned_source(nsg, layer("ax_naturumweltoderbodenschutzrecht", fields=("artderfestlegung",)),
                            WIND.criterion_ids())
    assert alkis.feed.selection.describe() == "artderfestlegung ∈ {1621}"
    foreign = assigned_source(WIND.criterion("welterbe"), layer("ax_wald", fields=("gml_id",)), WIND.criterion_ids())
    assert foreign.whole and foreign.recognition.profile.id == "alkis"  # ALKIS knows no World Heritage: all of it


def test_building_layers_say_where_their_heat_inputs_are():
    recognition, fields = building_fields(layer("ax_gebaeude", fields=("gebaeudefunktion", "baujahr")))
    assert recognition.profile.id == "alkis"
    assert fields.fields == {"function": "gebaeudefunktion", "storeys": "anzahlderoberirdischengeschosse",
                             "year": "baujahr"}
    _, osm = building_fields(layer("multipolygons", fields=("osm_id", "building", "other_tags")))
    assert osm.function_codes["house"] == 1010 and osm.types["terrace"] == "RH"
    assert building_fields(layer("synth_gebaeude", fields=("gebaeudefunktion",))) is None


def _broken(tmp_path, change) -> str:
    data = json.loads(shipped_profile_paths()[0].read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "profil.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    return str(caught.value)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(format="x"), "format"),
    (lambda d: d.update(classes=[]), "classes.*mindestens eine"),
    (lambda d: d["classes"][0].update(layers=[], fields=[]), "jede Ebene"),
    (lambda d: d["classes"][0]["feeds"][0].update(where=[{"gebaeudefunktion": {"op": "~", "value": 1}}]),
     "gebaeudefunktion"),
    (lambda d: d["classes"][0]["feeds"][0].update(criteria=[]), "criteria"),
    (lambda d: d["classes"][0]["buildings"]["fields"].update(colour="farbe"), "fields"),
    (lambda d: d.update(date="gestern"), "date"),
])
def test_a_broken_profile_says_what_is_wrong(tmp_path, german, change, expected):
    assert re.search(expected, _broken(tmp_path, change))


def test_osm_building_tags_become_the_heat_inputs():
    _, osm = building_fields(layer("multipolygons", fields=("osm_id", "building", "other_tags")))
    rows = frame([{"building": "house", "other_tags": '"building:levels"=>"2","start_date"=>"1965-1970"'},
                  {"building": "apartments", "other_tags": '"building:levels"=>"4;5","start_date"=>"~1900"'},
                  {"building": "yes", "other_tags": '"building:levels"=>"ground"'},
                  {"building": "garage", "other_tags": None}])
    inputs = building_inputs(rows, osm, "other_tags")
    assert inputs.functions == [1010, 1010, None, 2463]
    assert inputs.types == ["EFH", "MFH", None, None]
    assert inputs.storeys.tolist()[:2] == [2.0, 4.0] and all(math.isnan(v) for v in inputs.storeys[2:])
    assert inputs.years.tolist()[:2] == [1965.0, 1900.0] and all(math.isnan(v) for v in inputs.years[2:])


def test_osm_conditions_on_voltage_service_and_water_kind():
    """A 20 kV line is no overhead line of the wind catalog (≥ 110 kV, OSM in volts, several values: the highest
    counts); sidings (service=*) are no railway line; a river's area is no standing water."""
    lines = layer("lines", "line", ("osm_id", "highway", "railway", "other_tags"))
    rows = frame([
        {"osm_id": "1", "railway": None, "other_tags": '"power"=>"line","voltage"=>"20000"'},
        {"osm_id": "2", "railway": None, "other_tags": '"power"=>"line","voltage"=>"110000;20000"'},
        {"osm_id": "3", "railway": None, "other_tags": '"power"=>"line"'},  # voltage unknown: not counted
        {"osm_id": "4", "railway": "rail", "other_tags": '"service"=>"siding"'},
        {"osm_id": "5", "railway": "rail", "other_tags": '"usage"=>"main"'}])
    for criterion_id, kept in (("freileitung", ["2"]), ("bahnstrecke", ["5"])):
        [source] = suggest_sources(WIND.criterion(criterion_id), [lines], WIND.criterion_ids())
        assert list(select(rows, source, WIND.criterion(criterion_id))["osm_id"]) == kept, criterion_id
    areas = layer("multipolygons", fields=("osm_id", "natural", "other_tags"))
    water = frame([{"osm_id": "6", "natural": "water", "other_tags": '"water"=>"lake"'},
                   {"osm_id": "7", "natural": "water", "other_tags": '"water"=>"river"'},
                   {"osm_id": "8", "natural": "water", "other_tags": None}])
    [source] = suggest_sources(WIND.criterion("gewaesser_ufer"), [areas], WIND.criterion_ids())
    assert list(select(water, source, WIND.criterion("gewaesser_ufer"))["osm_id"]) == ["6", "8"]


def test_other_tags_written_as_json_are_read_too():
    assert parse_tags('{"power": "line", "voltage": "110000"}') == {"power": "line", "voltage": "110000"}
    assert parse_tags("{kaputt") == {}


@pytest.mark.parametrize("name", ["Schutzgebiete_NSG_LSG", "ffh_lrt_kartierung"])
def test_names_that_fit_several_kinds_or_none_are_left_to_the_planner(name):
    """A layer holding reserves and landscape areas together, or a mapping of habitat types, is no layer of the
    Land's protected areas: counted whole for one criterion it would be wrong."""
    assert recognise(layer(name)) == []


def test_a_mixed_models_layer_assigned_to_a_criterion_it_cannot_select_is_refused():
    osm = layer("multipolygons", fields=("osm_id", "other_tags"))
    with pytest.raises(MixedLayerError, match="Objekte vieler Arten"):
        assigned_source(WIND.criterion("rotmilan_dichtezentrum"), osm, WIND.criterion_ids())


def test_a_selection_as_a_layer_filter_in_the_layers_own_spelling_and_types():
    osm = next(p for p in shipped_profiles() if p.id == "osm")
    [source] = suggest_sources(WIND.criterion("wald"), [layer("multipolygons", fields=("osm_id", "landuse",
                                                                                        "other_tags"))])
    assert selection_filter(source.feed.selection, osm.tag_column, {"osm_id": False, "landuse": False,
                                                                     "other_tags": False}) == \
        "(\"landuse\" IN ('forest')) OR ((\"other_tags\" LIKE '%\"natural\"=>\"wood\"%'))"
    [line] = suggest_sources(WIND.criterion("freileitung"), [layer("lines", "line", ("osm_id", "other_tags"))])
    assert selection_filter(line.feed.selection, osm.tag_column, {"osm_id": False, "other_tags": False}) is None
    alkis = layer("ax_naturumweltoderbodenschutzrecht", fields=("artDerFestlegung",))
    [reserve] = suggest_sources(WIND.criterion("naturschutzgebiet"), [alkis])
    assert selection_filter(reserve.feed.selection, None, {"artDerFestlegung": True}) == \
        '("artDerFestlegung" IN (1621))'
    assert selection_filter(reserve.feed.selection, None, {"artDerFestlegung": False}) == \
        "(\"artDerFestlegung\" IN ('1621'))"


def test_register_units_carry_the_carrier_their_field_names():
    """A merged unit table with hub heights is read as wind units, yet its solar units stay solar; a wind table
    without the carrier field is wind; a carrier the balance does not model (gas) counts for none."""
    [recognition] = recognise(layer("einheiten", "point", ("EinheitMastrNummer", "Nabenhoehe", "Rotordurchmesser",
                                                           "Energietraeger", "Nettonennleistung")))
    carriers = recognition.layer_class.carriers
    assert [carriers.of(value) for value in ("Solare Strahlungsenergie", "Wind", None, "Erdgas")] == [
        "pv", "wind", "wind", None]


def test_sql_numbers_are_written_without_exponent():
    from wip_qgis_plugin.core.catalog import AttributeFilter
    from wip_qgis_plugin.core.profiles import Selection

    selection = Selection(((AttributeFilter("ags", ("15083440",)),),))
    assert selection_filter(selection, None, {"AGS": True}) == '("AGS" IN (15083440))'
    assert selection_filter(selection, None, {"other": False}) is None  # the layer lacks the field
