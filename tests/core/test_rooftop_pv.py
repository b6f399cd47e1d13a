"""Solarpotenzial Dach: LoD2 roofs read from CityGML written here, checked by hand; the footprint method; the
orientation factor against the figures planners know."""

import math

import numpy as np
import pytest
import shapely

from wip_qgis_plugin.core.rooftop_pv import (
    RooftopError,
    epsg_code,
    footprint_potential,
    gml_files,
    is_flat_roof,
    lod2_potential,
    orientation_factor,
    read_city_model,
    roof_geometry,
    shipped_rooftop_assumptions,
)

ASSUMPTIONS = shipped_rooftop_assumptions()
TILT = 35.0
RISE = 4.0 * math.tan(math.radians(TILT))  # a 35° roof rising over 4 m
X0, Y0, EAVE = 700000.0, 5670000.0, 106.0
LATITUDE = 51.2


def ring(*points):
    return [(X0 + x, Y0 + y, z) for x, y, z in points] + [(X0 + points[0][0], Y0 + points[0][1], points[0][2])]


def gable():
    """10 m (east-west) × 8 m, ridge along x: a south and a north face."""
    top = EAVE + RISE
    return {"south": [ring((0, 0, EAVE), (10, 0, EAVE), (10, 4, top), (0, 4, top))],
            "north": [ring((0, 4, top), (10, 4, top), (10, 8, EAVE), (0, 8, EAVE))]}


def hip():
    """12 m × 8 m, ridge from x = 4 to 8: trapezoids to the south and north, triangles to the east and west."""
    top = EAVE + RISE
    return {"south": [ring((0, 0, EAVE), (12, 0, EAVE), (8, 4, top), (4, 4, top))],
            "north": [ring((4, 4, top), (8, 4, top), (12, 8, EAVE), (0, 8, EAVE))],
            "east": [ring((12, 0, EAVE), (12, 8, EAVE), (8, 4, top))],
            "west": [ring((0, 0, EAVE), (4, 4, top), (0, 8, EAVE))]}


def flat_with_courtyard():
    """20 m × 10 m at 10 m height with a 4 m × 2 m light well."""
    z = EAVE + 4
    return {"flat": [ring((0, 0, z), (20, 0, z), (20, 10, z), (0, 10, z)),
                     ring((8, 4, z), (8, 6, z), (12, 6, z), (12, 4, z))]}


def pos_list(points):
    return " ".join(f"{x:.6f} {y:.6f} {z:.6f}" for x, y, z in points)


def polygon_xml(rings):
    interiors = "".join(f"<gml:interior><gml:LinearRing><gml:posList srsDimension=\"3\">{pos_list(r)}</gml:posList>"
                        "</gml:LinearRing></gml:interior>" for r in rings[1:])
    return (f"<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"3\">{pos_list(rings[0])}"
            f"</gml:posList></gml:LinearRing></gml:exterior>{interiors}</gml:Polygon>")


def surfaces_xml(building_id, roofs, ground=None):
    parts = [f"<bldg:boundedBy><bldg:RoofSurface gml:id=\"{building_id}_{name}\"><bldg:lod2MultiSurface>"
             f"<gml:MultiSurface><gml:surfaceMember>{polygon_xml(rings)}</gml:surfaceMember></gml:MultiSurface>"
             "</bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>" for name, rings in roofs.items()]
    if ground is not None:
        parts.append(f"<bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface>"
                     f"<gml:surfaceMember>{polygon_xml([ground])}</gml:surfaceMember></gml:MultiSurface>"
                     "</bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>")
    return "".join(parts)


def write_city_model(path, buildings, version="2.0", srs="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"):
    """A CityGML file as the surveying offices publish it: buildings with roof surfaces, a building part, a
    ground surface and the municipality key as a generic attribute."""
    members = []
    for building_id, (offset, roofs, extra) in buildings.items():
        shifted = {name: [[(x + offset, y, z) for x, y, z in r] for r in rings] for name, rings in roofs.items()}
        members.append(
            f"<core:cityObjectMember><bldg:Building gml:id=\"{building_id}\">"
            "<gen:stringAttribute name=\"Gemeindeschluessel\"><gen:value>15084235</gen:value></gen:stringAttribute>"
            f"<bldg:function>31001_1010</bldg:function><bldg:roofType>{extra.get('roof_type', '3100')}</bldg:roofType>"
            f"{surfaces_xml(building_id, shifted, extra.get('ground'))}{extra.get('parts', '')}"
            "</bldg:Building></core:cityObjectMember>")
    path.write_text(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        f"<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/{version}\" "
        f"xmlns:bldg=\"http://www.opengis.net/citygml/building/{version}\" xmlns:gml=\"http://www.opengis.net/gml\" "
        f"xmlns:gen=\"http://www.opengis.net/citygml/generics/{version}\">"
        f"<gml:boundedBy><gml:Envelope srsName=\"{srs}\" srsDimension=\"3\"><gml:lowerCorner>{X0} {Y0} 100"
        f"</gml:lowerCorner><gml:upperCorner>{X0 + 100} {Y0 + 10} 120</gml:upperCorner></gml:Envelope>"
        f"</gml:boundedBy>{''.join(members)}</core:CityModel>", encoding="utf-8")
    return path


@pytest.fixture
def city_model(tmp_path):
    part = (f"<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id=\"HIP_annex\">"
            f"{surfaces_xml('HIP_annex', {k: [[(x + 60, y, z) for x, y, z in r] for r in v] for k, v in gable().items() if k == 'south'})}"  # noqa: E501
            "</bldg:BuildingPart></bldg:consistsOfBuildingPart>")
    footprint = [(X0, Y0, EAVE - 6), (X0, Y0 + 8, EAVE - 6), (X0 + 10, Y0 + 8, EAVE - 6), (X0 + 10, Y0, EAVE - 6),
                 (X0, Y0, EAVE - 6)]
    return read_city_model([write_city_model(tmp_path / "lod2.gml", {
        "GABLE": (0.0, gable(), {"ground": footprint}),
        "HIP": (20.0, hip(), {"roof_type": "3200", "parts": part}),
        "FLAT": (40.0, flat_with_courtyard(), {"roof_type": "1000"})})])


def by_surface(model):
    geometry = roof_geometry(np.asarray(model.roofs["geometry"], dtype=object), ASSUMPTIONS.edge_setback_m.value)
    names = [surface.rsplit("_", 1)[0] for surface in model.roofs["surface_id"]]
    return {name: index for index, name in enumerate(names)}, geometry


def test_roof_surfaces_have_their_true_area_tilt_and_orientation(city_model):
    index, roofs = by_surface(city_model)
    slope = 4.0 / math.cos(math.radians(TILT))
    expected = {"GABLE_south": (10 * slope, TILT, 180.0), "GABLE_north": (10 * slope, TILT, 0.0),
                "HIP_south": ((12 + 4) / 2 * slope, TILT, 180.0), "HIP_east": (8 * slope / 2, TILT, 90.0),
                "HIP_west": (8 * slope / 2, TILT, 270.0), "HIP_annex_south": (10 * slope, TILT, 180.0),
                "FLAT_flat": (20 * 10 - 4 * 2, 0.0, None)}
    for name, (area, tilt, azimuth) in expected.items():
        row = index[name]
        assert roofs.area_m2[row] == pytest.approx(area, rel=1e-6), name
        assert roofs.tilt_deg[row] == pytest.approx(tilt, abs=1e-4), name
        if azimuth is None:
            assert np.isnan(roofs.azimuth_deg[row])
        else:
            assert roofs.azimuth_deg[row] % 360 == pytest.approx(azimuth, abs=1e-4), name


def test_the_setback_is_measured_on_the_roof_not_on_the_map(city_model):
    index, roofs = by_surface(city_model)
    setback, slope = ASSUMPTIONS.edge_setback_m.value, 4.0 / math.cos(math.radians(TILT))
    assert roofs.usable_m2[index["GABLE_south"]] == pytest.approx((10 - 2 * setback) * (slope - 2 * setback))
    courtyard = (20 - 2 * setback) * (10 - 2 * setback) - (4 + 2 * setback) * (2 + 2 * setback)
    assert roofs.usable_m2[index["FLAT_flat"]] == pytest.approx(courtyard)


def test_capacity_and_yield_of_each_surface_by_hand(city_model):
    index, roofs = by_surface(city_model)
    potential = lod2_potential(roofs, LATITUDE, ASSUMPTIONS)
    kwp_m2, best = ASSUMPTIONS.module_kwp_per_m2.value, ASSUMPTIONS.specific_yield_optimum_kwh_kwp.value
    south = index["GABLE_south"]
    assert potential.kwp[south] == pytest.approx(roofs.usable_m2[south] * ASSUMPTIONS.module_share_pitched.value
                                                 * kwp_m2)
    assert potential.factor[south] == pytest.approx(1.0, abs=0.01)  # 35° south is the best plane here
    assert potential.mwh_a[south] == pytest.approx(potential.kwp[south] * potential.factor[south] * best / 1e3)
    assert potential.suitability[south] == "very_good"
    flat = index["FLAT_flat"]
    assert potential.flat[flat]
    assert potential.kwp[flat] == pytest.approx(roofs.usable_m2[flat] * ASSUMPTIONS.ground_cover_ratio_flat.value
                                                * kwp_m2)
    rows = orientation_factor([ASSUMPTIONS.flat_module_tilt_deg.value], [180.0], LATITUDE, ASSUMPTIONS)[0]
    assert potential.factor[flat] == pytest.approx(rows)
    north = index["GABLE_north"]
    assert potential.suitability[north] == "unsuitable" and potential.kwp[north] == 0.0
    east, west = index["HIP_east"], index["HIP_west"]
    assert potential.factor[east] == pytest.approx(potential.factor[west], abs=0.01)
    assert potential.suitability[east] in ("good", "suitable")


def test_small_surfaces_carry_nothing():
    triangle = shapely.Polygon([(0, 0, 0), (3, 0, 0), (0, 3, 2), (0, 0, 0)])  # a dormer cheek's size
    roofs = roof_geometry(np.array([triangle]), ASSUMPTIONS.edge_setback_m.value)
    potential = lod2_potential(roofs, LATITUDE, ASSUMPTIONS)
    assert roofs.usable_m2[0] < ASSUMPTIONS.min_usable_m2.value
    assert potential.suitability[0] == "unsuitable" and potential.kwp[0] == 0.0


def test_buildings_their_parts_footprints_and_municipality(city_model):
    buildings = city_model.buildings.set_index("building_id")
    assert list(buildings.index) == ["GABLE", "HIP", "FLAT"]
    assert city_model.epsg == 25832
    assert set(city_model.roofs.loc[city_model.roofs["building_id"] == "HIP", "surface_id"]) == {
        "HIP_south_1", "HIP_north_1", "HIP_east_1", "HIP_west_1", "HIP_annex_south_1"}
    assert shapely.area(buildings.loc["GABLE", "geometry"]) == pytest.approx(80.0)  # its ground surface
    assert shapely.area(buildings.loc["FLAT", "geometry"]) == pytest.approx(192.0)  # from the roof, less the well
    assert buildings.loc["HIP", "roof_type"] == "3200" and buildings.loc["GABLE", "ags"] == "15084235"


def test_citygml_1_0_and_a_folder_of_tiles(tmp_path):
    write_city_model(tmp_path / "a.gml", {"A": (0.0, gable(), {})}, version="1.0")
    write_city_model(tmp_path / "b.xml", {"B": (30.0, gable(), {})}, version="1.0", srs="EPSG:25832")
    (tmp_path / "notes.txt").write_text("not a model")
    model = read_city_model(gml_files(tmp_path))
    assert list(model.buildings["building_id"]) == ["A", "B"] and len(model.roofs) == 4


@pytest.mark.parametrize("name, text, message", [
    ("broken.gml", "<core:CityModel", "kein lesbares XML"),
    ("empty.gml", "<CityModel xmlns=\"http://www.opengis.net/citygml/2.0\"/>", "kein Gebäude"),
])
def test_unreadable_models_get_a_clear_message(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(RooftopError, match=message):
        read_city_model([tmp_path / name])


def test_tiles_in_two_coordinate_systems_are_refused(tmp_path):
    write_city_model(tmp_path / "a.gml", {"A": (0.0, gable(), {})})
    write_city_model(tmp_path / "b.gml", {"B": (0.0, gable(), {})}, srs="urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH")
    with pytest.raises(RooftopError, match="verschiedenen Koordinatensystemen"):
        read_city_model(gml_files(tmp_path))


def test_srs_names():
    assert epsg_code("urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH") == 25833
    assert epsg_code("urn:ogc:def:crs:EPSG::25832") == 25832
    assert epsg_code("http://www.opengis.net/def/crs/EPSG/0/25833") == 25833
    assert epsg_code("EPSG:4326") == 4326 and epsg_code("local") is None


def test_the_orientation_factor_matches_the_figures_planners_know():
    """Central Germany: the best plane is about 30–40° to the south; a flat plane gets about 87–90 % of it, a south
    wall about 70 %, a 30° east or west roof about 85 %, a 30° north roof about 60–65 %."""
    def factor(tilt, azimuth):
        return float(orientation_factor([tilt], [azimuth], LATITUDE, ASSUMPTIONS)[0])

    best = max((factor(tilt, 180), tilt) for tilt in range(0, 91, 5))
    assert best[0] == pytest.approx(1.0, abs=0.005) and 30 <= best[1] <= 40
    assert 0.85 <= factor(0, 180) <= 0.92
    assert 0.65 <= factor(90, 180) <= 0.75
    assert factor(30, 90) == pytest.approx(factor(30, 270), abs=0.005) and 0.8 <= factor(30, 90) <= 0.88
    assert 0.55 <= factor(30, 0) <= 0.7
    assert factor(30, 135) > factor(30, 90) > factor(30, 45) > factor(30, 0)


def test_footprint_method_with_roof_forms_and_functions():
    flat = is_flat_roof([1000, 3100, None, None, "x"], [1010, 1010, 1010, 2020, 2020])
    assert flat.tolist() == [True, False, False, True, True]
    potential = footprint_potential([100.0, 400.0], [False, True], LATITUDE, ASSUMPTIONS)
    rules = ASSUMPTIONS.footprint
    pitched_usable = 100.0 / math.cos(math.radians(rules.pitched_tilt_deg.value)) * rules.pitched_usable_share.value
    assert potential.usable_m2.tolist() == pytest.approx([pitched_usable, 400.0 * rules.flat_usable_share.value])
    assert potential.kwp[0] == pytest.approx(pitched_usable * ASSUMPTIONS.module_share_pitched.value
                                             * ASSUMPTIONS.module_kwp_per_m2.value)
    assert potential.kwp[1] == pytest.approx(240.0 * ASSUMPTIONS.ground_cover_ratio_flat.value
                                             * ASSUMPTIONS.module_kwp_per_m2.value)
    assert 0.85 < potential.factor[0] < potential.factor[1] < 1.0  # unknown orientation: east to west averaged


def test_simulated_yields_are_asked_for_the_grid_planes_once_and_set_against_the_best():
    """With a simulation (pvlib and a weather file), each plane of the factor's grid nearest to a surface is simulated
    once, and the share is taken against the grid's best plane."""
    from wip_qgis_plugin.core.rooftop_pv import plane_yields

    asked = []

    def simulate(planes):
        asked.append(planes)
        return 1000.0 - 5.0 * np.abs(planes[:, 0] - 35.0) - 2.0 * np.abs(planes[:, 1] - 180.0)

    factor, specific = plane_yields([34.0, 36.2, 12.0, 0.0], [181.0, 178.0, 92.0, np.nan], LATITUDE, ASSUMPTIONS,
                                    simulate)
    (planes,) = asked
    assert sorted(map(tuple, planes)) == [(0.0, 180.0), (10.0, 90.0), (35.0, 180.0)]
    assert specific.tolist() == pytest.approx([1000.0, 1000.0, 1000.0 - 125.0 - 180.0, 1000.0 - 175.0])
    assert factor.tolist() == pytest.approx((specific / 1000.0).tolist())
