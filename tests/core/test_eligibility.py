"""The Flächenkulisse engine on hand-computed layouts, its invariants, and bad input."""

import math

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon, box

from wip_qgis_plugin.core.catalog import TurbineGeometry, load_catalog, parse_catalog, shipped_catalogs
from wip_qgis_plugin.core.eligibility import (
    ARC_TOLERANCE,
    GRID,
    MIN_AREA_ID,
    CriteriaVariant,
    EligibilityCancelled,
    EligibilityError,
    _combinations,
    _covered_by_neighbours,
    _dissolve,
    _union_of_buffers,
    compute_eligibility,
    compute_robustness,
    quad_segs,
    target_state,
)

CRS = "EPSG:25832"


def criterion(cid, ctype="hard", metres=0.0, geometry="polygon", rule="buffer", **extra):
    entry = {"id": cid, "label": {"de": cid.title(), "en": cid.title()}, "type": ctype, "rule": rule,
             "distance": {"metres": metres}, "unit": "m", "geometry": geometry, "layer_hints": [cid],
             "attribute_filter": None, "legal_basis": f"Gesetz § {len(cid)}", "source": "Test",
             "status": "checked", "effective_date": "2026-01-01"}
    entry.update(extra)
    return entry


def catalog(*criteria, technology="pv_ground"):
    return parse_catalog({
        "format": "wip-criteria-catalog", "format_version": 1, "id": "test", "technology": technology,
        "region": "Test", "version": "1", "effective_date": "2026-01-01",
        "title": {"de": "Test", "en": "Test"}, "description": {"de": "Test", "en": "Test"},
        "criteria": list(criteria)})


def frame(*geometries, **columns):
    return gpd.GeoDataFrame(dict(columns), geometry=list(geometries), crs=CRS)


STUDY = frame(box(0, 0, 1000, 1000))


def ha(value_m2):
    return value_m2 / 1e4


def summary_value(result, item, column="area_ha"):
    return result.summary.loc[result.summary["item"] == item, column].iloc[0]


def test_overlapping_exclusions_name_every_criterion():
    cat = catalog(criterion("siedlung"), criterion("wald", ctype="soft"))
    result = compute_eligibility(STUDY, {"siedlung": frame(box(0, 0, 300, 300)),
                                         "wald": frame(box(200, 200, 500, 500))}, cat)
    pieces = {row.criteria: row.area_ha for row in result.excluded.itertuples()}
    assert pieces == pytest.approx({"siedlung": ha(300 * 300 - 100 * 100), "siedlung, wald": ha(100 * 100),
                                    "wald": ha(300 * 300 - 100 * 100)})
    both = result.excluded[result.excluded["criteria"] == "siedlung, wald"].iloc[0]
    assert both["types"] == "hard, soft" and both["legal_basis"] == "Gesetz § 8; Gesetz § 4"
    assert result.eligible["area_ha"].sum() == pytest.approx(100 - ha(300 * 300 * 2 - 100 * 100))
    assert summary_value(result, "siedlung") == pytest.approx(9.0)
    assert summary_value(result, "siedlung", "only_ha") == pytest.approx(8.0)
    assert summary_value(result, "eligible", "share_pct") == pytest.approx(100 - 17.0)


def test_buffer_reaching_in_from_outside_the_study_area():
    cat = catalog(criterion("strasse", metres=150, geometry="line"))
    road = frame(LineString([(-100, -500), (-100, 1500)]))  # 100 m west of the study area
    result = compute_eligibility(STUDY, {"strasse": road}, cat)
    assert result.excluded["area_ha"].sum() == pytest.approx(ha(50 * 1000))
    far_road = frame(LineString([(-200, -500), (-200, 1500)]))
    assert compute_eligibility(STUDY, {"strasse": far_road}, cat).excluded.empty


@pytest.mark.parametrize("metres", [40.0, 400.0, 1000.0, 4000.0])
def test_no_eligible_land_lies_nearer_than_the_distance_less_half_a_metre(metres):
    """A zone's arcs are chords: enough of them that no eligible point lies more than ARC_TOLERANCE inside the
    distance (GEOS's default 8 per quarter circle would leave 4.8 m at 1,000 m)."""
    house = Point(5000, 5000)
    study = frame(box(0, 0, 10000, 10000))
    result = compute_eligibility(study, {"haus": frame(house)}, catalog(criterion("haus", metres=metres)))
    nearest = shapely.distance(house, shapely.union_all(result.eligible.geometry.values))
    assert metres - ARC_TOLERANCE <= nearest <= metres + 1e-3


def test_geometry_dependent_distance_follows_the_turbine():
    entry = criterion("strasse", geometry="line")
    entry["distance"] = {"factor": 1, "of": "total_height"}
    road = frame(LineString([(500, -10), (500, 1010)]))
    small = compute_eligibility(STUDY, {"strasse": road}, catalog(entry), turbine=TurbineGeometry(100, 100))
    assert small.excluded["area_ha"].sum() == pytest.approx(ha(2 * 150 * 1000))
    overridden = compute_eligibility(STUDY, {"strasse": road}, catalog(entry), distance_overrides={"strasse": 10})
    assert overridden.excluded["area_ha"].sum() == pytest.approx(ha(2 * 10 * 1000))


def test_soft_restrictions_annotate_instead_of_excluding_when_asked():
    cat = catalog(criterion("wald", ctype="soft"), criterion("konversion", ctype="privileged"))
    constraints = {"wald": frame(box(0, 0, 500, 1000)), "konversion": frame(box(400, 0, 1000, 1000))}
    result = compute_eligibility(STUDY, constraints, cat, soft_excludes=False)
    assert result.excluded.empty
    by_annotation = result.eligible.groupby(["soft", "privileged"])["area_ha"].sum().to_dict()
    assert by_annotation == pytest.approx({("wald", ""): 40.0, ("wald", "konversion"): 10.0, ("", "konversion"): 50.0})
    assert set(result.eligible["area_id"]) == {1} and result.eligible["patch_ha"].iloc[0] == pytest.approx(100.0)
    assert summary_value(result, "wald", "eligible_ha") == pytest.approx(50.0)
    excluding = compute_eligibility(STUDY, constraints, cat, soft_excludes=True)
    assert excluding.eligible["area_ha"].sum() == pytest.approx(50.0)


def test_patches_below_the_minimum_size_are_excluded_for_that_reason():
    cat = catalog(criterion("siedlung"))
    wall = frame(box(100, 0, 110, 1000))  # cuts a 10 ha strip from the rest
    result = compute_eligibility(STUDY, {"siedlung": wall}, cat, min_area_ha=20)
    small = result.excluded[result.excluded["criteria"] == MIN_AREA_ID]
    assert small["area_ha"].sum() == pytest.approx(10.0)
    assert result.eligible["area_ha"].sum() == pytest.approx(89.0)
    assert summary_value(result, "min_area") == pytest.approx(10.0)


def test_outside_rule_and_cover_limit_of_floating_pv():
    cat = load_catalog(shipped_catalogs()["lsa_floating_pv"])
    lakes = frame(box(100, 100, 500, 500), box(600, 600, 900, 900), kuenstlich=[True, False])
    result = compute_eligibility(STUDY, {"kein_kuenstliches_gewaesser": lakes}, cat)
    # only the artificial lake, 40 m in from its shore
    assert result.eligible["area_ha"].sum() == pytest.approx(ha(320 * 320))
    assert result.eligible["cover_limit_ha"].iloc[0] == pytest.approx(0.15 * ha(400 * 400))
    assert result.excluded["area_ha"].sum() == pytest.approx(100 - ha(320 * 320))


@pytest.mark.parametrize("catalog_name, host", [("lsa_floating_pv", "kein_kuenstliches_gewaesser"),
                                                ("lsa_agri_pv", "keine_landwirtschaftsflaeche")])
def test_without_the_layer_the_land_must_lie_on_nothing_is_eligible(catalog_name, host):
    """Floating PV needs its water bodies, agrivoltaics its farmland: without their layer no land is eligible (the
    whole area would be a plausible-looking wrong answer), and every piece names the missing hosts as its reason."""
    cat = load_catalog(shipped_catalogs()[catalog_name])
    result = compute_eligibility(STUDY, {}, cat)
    assert result.eligible.empty
    assert result.excluded["area_ha"].sum() == pytest.approx(100.0)
    assert all(host in criteria.split(";") for criteria in result.excluded["criteria"])
    assert any("keine Ebene zugeordnet – geeignet ist nur Fläche auf ihren Objekten" in message
               for message in result.messages)
    row = result.summary[result.summary["item"] == host].iloc[0]
    assert row["area_ha"] == pytest.approx(100.0) and "ohne ihre Objekte keine geeignete Fläche" in row["note"]
    # the variants agree: none keeps land, but one that leaves the host criterion out
    variants = [CriteriaVariant("wie eingestellt"), CriteriaVariant("ohne", off=frozenset([host]))]
    robust = compute_robustness(STUDY, {}, cat, variants)
    eligible = robust.summary[robust.summary["kind"] == "variant"].set_index("item")["area_ha"]
    assert eligible["wie eingestellt"] == 0.0 and eligible["ohne"] > 0


def test_study_areas_with_holes_multiple_parts_and_invalid_rings():
    ring_with_hole = Polygon([(0, 0), (1000, 0), (1000, 1000), (0, 1000)], [[(400, 400), (600, 400), (600, 600),
                                                                               (400, 600)]])
    bowtie = Polygon([(2000, 0), (2200, 200), (2200, 0), (2000, 200)])  # self-intersecting: two triangles
    study = frame(ring_with_hole, bowtie, ags=["15084235", "15084235"])
    result = compute_eligibility(study, {}, catalog(criterion("siedlung")), study_id_field="ags")
    assert summary_value(result, "study_area") == pytest.approx(100 - 4 + 2 * ha(0.5 * 200 * 100))
    assert result.eligible["study_id"].unique().tolist() == ["15084235"]
    assert "nicht geprüft" in " ".join(result.messages)


def test_one_result_per_study_area_and_wind_targets():
    study = frame(box(0, 0, 1000, 1000), box(2000, 0, 3000, 1000), ags=["15084235", "15088015"])
    cat = catalog(criterion("siedlung"), technology="wind")
    result = compute_eligibility(study, {"siedlung": frame(box(0, 0, 1000, 990))}, cat, study_id_field="ags")
    eligible = result.summary[result.summary["item"] == "eligible"].set_index("study_id")["share_pct"]
    assert eligible.to_dict() == pytest.approx({"15084235": 1.0, "15088015": 100.0})
    targets = result.summary[(result.summary["kind"] == "target") & (result.summary["study_id"] == "15084235")]
    # Burgenlandkreis: Sachsen-Anhalt 1.8/2.2 % and Planungsregion Halle 1.9/2.3 %
    assert sorted(targets["target_pct"]) == [1.8, 1.9, 2.2, 2.3]
    assert not targets["reached"].any()


def test_a_target_is_not_reached_while_hard_criteria_are_unchecked():
    """Without a layer for a hard criterion the eligible land is only an upper bound: 100 % eligible proves
    nothing, the target row says so instead of "erreicht"; a missed target stays missed."""
    study = frame(box(0, 0, 1000, 1000), box(2000, 0, 3000, 1000), ags=["15084235", "15088015"])
    cat = catalog(criterion("siedlung"), criterion("naturschutz"), technology="wind")
    result = compute_eligibility(study, {"siedlung": frame(box(0, 0, 1000, 990))}, cat, study_id_field="ags")
    targets = result.summary[result.summary["kind"] == "target"].set_index(["study_id", "item"])
    open_targets = targets.xs("15088015")
    assert open_targets["reached"].isna().all()
    assert all(note.startswith("Nicht belastbar") and "Naturschutz" in note for note in open_targets["note"])
    assert not targets.xs("15084235")["reached"].astype(bool).any()
    assert target_state(None) == "nicht belastbar – harte Kriterien nicht geprüft"


def test_eligible_land_keeps_the_title_of_its_catalog():
    cat = catalog(criterion("siedlung"))
    result = compute_eligibility(STUDY, {"siedlung": frame(box(0, 0, 500, 1000))}, cat)
    assert result.eligible["catalog"].tolist() == ["Test"] * len(result.eligible) and len(result.eligible)


def test_inputs_are_not_modified():
    constraints = {"siedlung": frame(box(-50, -50, 300, 300), Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]))}
    before = [list(shapely.to_wkb(f.geometry.values)) for f in (constraints["siedlung"], STUDY)]
    compute_eligibility(STUDY, constraints, catalog(criterion("siedlung", metres=20)))
    assert [list(shapely.to_wkb(f.geometry.values)) for f in (constraints["siedlung"], STUDY)] == before


@pytest.mark.parametrize("study, constraints, message", [
    (frame(box(0, 0, 1, 1)).set_crs("EPSG:4326", allow_override=True), {}, "geografisches KBS"),
    (frame(), {}, "keine Objekte"),
    (frame(LineString([(0, 0), (1, 1)])), {}, "Flächen"),
    (STUDY, {"gibtsnicht": frame(box(0, 0, 1, 1))}, "gibtsnicht"),
    (STUDY, {"siedlung": frame(box(0, 0, 1, 1)).to_crs("EPSG:4326")}, "geografisches KBS"),
])
def test_bad_input_gets_a_clear_message(study, constraints, message):
    with pytest.raises(EligibilityError, match=message):
        compute_eligibility(study, constraints, catalog(criterion("siedlung")))


def test_missing_filter_field_is_named():
    cat = catalog(criterion("nsg", attribute_filter={"field": "kategorie", "values": ["NSG"]}))
    with pytest.raises(EligibilityError, match="kategorie"):
        compute_eligibility(STUDY, {"nsg": frame(box(0, 0, 10, 10))}, cat)


rectangles = st.tuples(st.floats(-300, 1100, allow_subnormal=False), st.floats(-300, 1100, allow_subnormal=False),
                       st.floats(5, 400), st.floats(5, 400)).map(
    lambda t: box(t[0], t[1], t[0] + t[2], t[1] + t[3]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shapes=st.lists(rectangles, min_size=1, max_size=6), near=st.floats(0, 100), extra=st.floats(1, 200),
       min_area=st.sampled_from([0.0, 2.0]))
def test_larger_distance_never_adds_eligible_area_and_areas_balance(shapes, near, extra, min_area):
    cat = catalog(criterion("siedlung"))
    study_m2 = 1000 * 1000
    results = [compute_eligibility(STUDY, {"siedlung": frame(*shapes)}, cat, distance_overrides={"siedlung": d},
                                   min_area_ha=min_area) for d in (near, near + extra)]
    eligible = [r.eligible["area_ha"].sum() for r in results]
    assert eligible[1] <= eligible[0] + 1e-6
    for result, distance in zip(results, (near, near + extra)):
        total = result.eligible["area_ha"].sum() + result.excluded["area_ha"].sum()
        assert math.isclose(total, ha(study_m2), rel_tol=1e-9, abs_tol=1e-6)
        assert (result.eligible["patch_ha"] >= min_area - 1e-9).all()
        brute = shapely.difference(box(0, 0, 1000, 1000),
                                   shapely.union_all(shapely.buffer(shapes, distance, quad_segs=quad_segs(distance))))
        if min_area == 0:  # the engine snaps edges to 1 mm: at most 0.5 mm × the zone outline differs
            assert math.isclose(result.eligible["area_ha"].sum(), ha(shapely.area(brute)), abs_tol=5e-4)


def test_progress_rises_to_100_and_cancel_stops_the_run():
    cat = catalog(criterion("siedlung", metres=10), criterion("wald", ctype="soft"))
    constraints = {"siedlung": frame(box(0, 0, 300, 300)), "wald": frame(box(200, 200, 500, 500))}
    seen = []
    compute_eligibility(STUDY, constraints, cat, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100.0
    with pytest.raises(EligibilityCancelled):
        compute_eligibility(STUDY, constraints, cat, is_cancelled=lambda: True)


def test_faces_meeting_at_a_single_vertex_merge_into_a_valid_polygon():
    """GEOS 3.12–3.13 merge these two faces (of a coverage that meets at single vertices) into one polygon with a
    self-touching ring; the union falls back to the general algorithm then."""
    from wip_qgis_plugin.core.eligibility import _union

    faces = shapely.from_wkt(["POLYGON ((1 9, 9 9, 9 6, 5 7, 2 6, 1 9))",
                              "POLYGON ((1 1, 1 9, 2 6, 4 3, 5 7, 7 3, 9 6, 9 1, 1 1))"])
    merged = _union(faces)
    assert shapely.is_valid(merged) and shapely.area(merged) == pytest.approx(51.5)


def test_only_features_of_the_minimum_size_get_the_strip():
    """§ 61 BNatSchG: the 50 m strip around standing waters over 1 ha; a pond of 0.25 ha gets none."""
    cat = catalog(criterion("ufer", metres=50, min_feature_ha=1.0))
    lake, pond = box(100, 100, 300, 300), box(600, 600, 650, 650)  # 4 ha and 0.25 ha
    result = compute_eligibility(STUDY, {"ufer": frame(lake, pond)}, cat)
    assert result.excluded["area_ha"].sum() == pytest.approx(ha(shapely.area(lake.buffer(50))), rel=1e-3)


def test_first_order_rivers_as_axes_get_the_strip_and_second_order_ones_none():
    """§ 61 BNatSchG with the shipped wind catalog: 50 m either side of a first-order river's axis (Widmung 1320);
    a second-order brook (1330) gets no strip."""
    wind = load_catalog(shipped_catalogs()["lsa_wind"])
    rivers = frame(LineString([(500, -100), (500, 1100)]), LineString([(-100, 200), (1100, 200)]),
                   widmung=[1320, 1330])
    result = compute_eligibility(STUDY, {"fliessgewaesser_ufer": rivers}, wind)
    assert result.excluded["area_ha"].sum() == pytest.approx(ha(100 * 1000), rel=1e-3)
    assert set(result.excluded["criteria"]) == {"fliessgewaesser_ufer"}


@pytest.mark.parametrize("distance", [1000.0, 300.0, 60.0])
def test_houses_inside_a_village_are_left_out_of_its_zone_without_changing_it(distance):
    """A zone around thousands of houses is the union of their buffers; those whose buffer lies inside their
    neighbours' are left out, and the union stays the same to the square millimetre."""
    rng = np.random.default_rng(3)
    centres = np.concatenate([rng.normal(centre, 250.0, (1500, 2)) for centre in ((0, 0), (3000, 500), (900, 2600))])
    houses = shapely.box(centres[:, 0], centres[:, 1], centres[:, 0] + rng.uniform(6, 25, len(centres)),
                         centres[:, 1] + rng.uniform(6, 25, len(centres)))
    lines = shapely.linestrings(np.stack([centres[:200], centres[:200] + rng.uniform(-300, 300, (200, 2))], axis=1))
    features = np.concatenate([houses, lines])
    covered = _covered_by_neighbours(features, distance, distance / 2)  # the farthest reach the engine asks
    full = shapely.union_all(shapely.buffer(features, distance, quad_segs=quad_segs(distance)))
    kept = shapely.union_all(shapely.buffer(features[~covered], distance, quad_segs=quad_segs(distance)))
    assert shapely.area(shapely.symmetric_difference(full, kept)) < 1e-6
    if distance >= 300:
        assert covered.sum() > len(features) / 3  # the work saved


@pytest.mark.parametrize("distance", [0.0, 40.0, -3.0])
def test_a_zone_unioned_in_groups_apart_and_in_chunks_is_the_union_of_all(distance, monkeypatch):
    """Features whose boxes do not meet are unioned group by group, a large group in chunks; the zone is the same
    land as one union of everything, and features that only touch still become one polygon."""
    monkeypatch.setattr("wip_qgis_plugin.core.eligibility.CHUNK", 60)
    rng = np.random.default_rng(8)
    corners = rng.normal(0.0, 300.0, (400, 2))  # a village: one group, unioned in chunks
    village = shapely.box(corners[:, 0], corners[:, 1], corners[:, 0] + 12, corners[:, 1] + 9)
    row = [box(5000 + 20 * i, 0, 5020 + 20 * i, 20) for i in range(8)]  # edge to edge: one polygon
    apart = [box(x, 3000, x + 30, 3030) for x in np.arange(0, 6000, 400)]  # each alone
    features = np.concatenate([village, row, apart])
    zone = _union_of_buffers(features, distance)
    whole = shapely.union_all(shapely.buffer(features, distance, quad_segs=quad_segs(distance)) if distance
                              else features)
    assert shapely.is_valid(zone)
    assert shapely.area(shapely.symmetric_difference(zone, whole)) < shapely.length(whole) * GRID  # snapped
    assert shapely.get_num_geometries(zone) == shapely.get_num_geometries(whole)
    assert shapely.get_num_geometries(zone) >= len(apart) + 2


@pytest.mark.parametrize("criteria", [0, 3, 8, 21])
def test_combinations_of_criteria_are_numpys_unique_rows(criteria):
    """Faces are grouped by the criteria covering them (and their patch) through packed bytes; the groups and their
    order are numpy's own unique rows."""
    rng = np.random.default_rng(criteria)
    member = rng.random((500, criteria)) < 0.2
    for patch_of in (None, rng.integers(-1, 300, 500)):
        rows = member if patch_of is None else np.column_stack([patch_of, member])
        expected, face_group = np.unique(rows.astype(np.int64).reshape(500, -1), axis=0, return_inverse=True)
        combinations, group = _combinations(member, patch_of)
        if rows.shape[1]:
            assert np.array_equal(combinations, expected)
            assert np.array_equal(group, np.asarray(face_group).ravel())
        else:  # no criteria, no patches: all faces alike
            assert len(combinations) == 1 and not group.any()


def test_faces_are_merged_per_combination_of_criteria_in_clusters_of_few_and_of_many():
    """Faces of one combination of criteria become its multipolygon: touching faces one part (a long strip of 30 by
    a coverage union, pairs by an overlay in one call), faces apart parts of their own."""
    strip = [box(x, 0, x + 1, 1) for x in range(30)]
    pairs = [box(x + dx, 3, x + dx + 1, 4) for x in (0, 5, 10) for dx in (0, 1)]
    singles = [box(x, 6, x + 1, 7) for x in (0, 5)]
    faces = np.array(strip + pairs + singles, dtype=object)
    member = np.array([[True, False]] * 30 + [[False, True]] * 6 + [[True, True]] * 2)
    merged = _dissolve(faces, member, ["a", "b"])
    expected = {frozenset(["a"]): (1, 30.0), frozenset(["b"]): (3, 6.0), frozenset(["a", "b"]): (2, 2.0)}
    assert set(merged) == set(expected)
    for key, (parts, area) in expected.items():
        assert shapely.is_valid(merged[key])
        assert shapely.get_num_geometries(merged[key]) == parts
        assert shapely.area(merged[key]) == pytest.approx(area)


@pytest.mark.parametrize("cores", [1, 2, 3, 5])
def test_the_result_does_not_depend_on_the_strips_the_area_is_noded_in(cores, monkeypatch):
    """The study area is cut into faces in one strip per core; pieces that a strip's edge cuts are merged again, so
    the audit trail has the same pieces, areas and criteria on any machine."""
    rng = np.random.default_rng(11)
    houses = [Point(x, y).buffer(6, quad_segs=2) for x, y in rng.uniform(-200, 1200, (300, 2))]
    roads = [LineString(rng.uniform(-200, 1200, (3, 2))) for _ in range(6)]
    cat = catalog(criterion("haus", metres=90), criterion("strasse", ctype="soft", metres=40, geometry="line"),
                  criterion("wald"))
    layers = {"haus": frame(*houses), "strasse": frame(*roads), "wald": frame(box(420, -50, 610, 1050))}
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    alone = compute_eligibility(STUDY, layers, cat, min_area_ha=0.5)
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    result = compute_eligibility(STUDY, layers, cat, min_area_ha=0.5)
    for mine, reference in ((result.excluded, alone.excluded), (result.eligible, alone.eligible)):
        assert len(mine) == len(reference)
        mine, reference = mine.sort_values("area_ha"), reference.sort_values("area_ha")
        assert list(mine.drop(columns=["area_ha", "geometry"]).itertuples(index=False)) == \
            list(reference.drop(columns=["area_ha", "geometry"]).itertuples(index=False))
        assert mine["area_ha"].to_numpy() == pytest.approx(reference["area_ha"].to_numpy(), rel=1e-9)


def test_zones_are_snapped_to_the_grid_without_a_factory_of_their_own():
    """The zones are read by several threads at once; a geometry made by set_precision carries a factory whose
    reference count GEOS changes without a lock (memory corruption, now and then), so zones keep the default one.
    Features unioned apart stay apart when snapped, however close they come."""
    triangle = Polygon([(0.00031, 0.0), (10.00049, 0.0), (5.0, 8.66012)])
    close_by = box(2.0, -1.0, 8.0, -0.0004)  # 0.4 mm below the triangle: snapped alone, they would share an edge
    alone = _union_of_buffers(np.array([triangle]), 0.0)
    together = _union_of_buffers(np.array([triangle, close_by]), 0.0)
    for land in (alone, together):
        assert shapely.get_precision(land) == 0
        coordinates = shapely.get_coordinates(land)
        assert np.allclose(coordinates / GRID, np.round(coordinates / GRID), atol=1e-6)
        assert shapely.is_valid(land)
    assert sorted(set(shapely.get_coordinates(alone)[:, 0].round(9))) == [0.0, 5.0, 10.0]
