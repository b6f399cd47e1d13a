"""Site scoring: value functions, AHP weights and consistency, WLC and TOPSIS, ranks and missing values, and the
Bewertungsschema with criteria by field or by role."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wip_qgis_plugin.core.catalog import LayerDescription
from wip_qgis_plugin.core.scoring import (
    MISSING_EXCLUDE,
    MISSING_MEAN,
    TOPSIS,
    ScoringError,
    ValueFunction,
    ahp_weights,
    bind_fields,
    judgement_text,
    load_scheme,
    pairwise_from_weights,
    parse_judgement,
    parse_scheme,
    save_scheme,
    score,
    sensitivity,
    shipped_schemes,
    suggest_role_field,
    suggest_role_layers,
    utilities,
)


def test_linear_step_piecewise_and_ideal_value_functions():
    values = np.array([-5.0, 0.0, 5.0, 10.0, 20.0, np.nan])
    benefit = ValueFunction("benefit", lower=0, upper=10).evaluate(values)
    assert np.allclose(benefit[:5], [0, 0, 0.5, 1, 1]) and np.isnan(benefit[5])
    assert np.allclose(ValueFunction("cost", lower=0, upper=10).evaluate(values[:5]), [1, 1, 0.5, 0, 0])
    step = ValueFunction("step", thresholds=(0, 5, 10), scores=(0.2, 0.6, 1.0)).evaluate(values[:5])
    assert np.allclose(step, [0, 0.2, 0.6, 1.0, 1.0])  # a value on a threshold gets that threshold's score
    piecewise = ValueFunction("piecewise", points=((0, 0), (10, 1), (20, 0.5))).evaluate(values[:5])
    assert np.allclose(piecewise, [0, 0, 0.5, 1, 0.5])
    ideal = ValueFunction("ideal", ideal=10, tolerance=5).evaluate(values[:5])
    assert np.allclose(ideal, [0, 0, 0, 1, 0])


@pytest.mark.parametrize("arguments", [
    {"kind": "benefit", "lower": 5, "upper": 5},
    {"kind": "step", "thresholds": (5, 1), "scores": (0.5, 1)},
    {"kind": "step", "thresholds": (1,), "scores": (1.5,)},
    {"kind": "piecewise", "points": ((0, 0),)},
    {"kind": "ideal", "ideal": 3, "tolerance": 0},
    {"kind": "magic"},
])
def test_bad_value_functions_are_refused(arguments):
    with pytest.raises(ScoringError, match=arguments["kind"]):
        ValueFunction(**arguments)


def test_ahp_weights_and_consistency_of_a_hand_checked_matrix():
    # Saaty's classic 3×3 example: weights ≈ 0.648, 0.230, 0.122; λmax ≈ 3.004; CR ≈ 0.003
    result = ahp_weights([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]])
    assert result.weights == pytest.approx([0.648, 0.230, 0.122], abs=1e-3)
    assert result.lambda_max == pytest.approx(3.0037, abs=1e-3)
    assert result.consistency_ratio == pytest.approx(0.0032, abs=5e-4) and result.consistent


def test_inconsistent_judgements_give_a_high_consistency_ratio():
    # A ≫ B, B ≫ C but C ≫ A
    result = ahp_weights([[1, 5, 1 / 5], [1 / 5, 1, 5], [5, 1 / 5, 1]])
    assert result.consistency_ratio > 0.10 and not result.consistent


@pytest.mark.parametrize("matrix, message", [
    ([[1, 3], [3, 1]], "reziprok"),
    ([[1, 12], [1 / 12, 1]], "1/9 und 9"),
    ([[1, 2, 3]], "quadratische"),
])
def test_bad_comparison_matrices_are_refused(matrix, message):
    with pytest.raises(ScoringError, match=message):
        ahp_weights(matrix)


def test_a_non_reciprocal_pair_names_both_cells_and_the_fitting_value():
    with pytest.raises(ScoringError, match=r"Zeile 1, Spalte 3 \(5\) und Zeile 3, Spalte 1 \(2\) .* 5 und 1/5"):
        ahp_weights([[1, 1, 5], [1, 1, 1], [2, 1, 1]])


def test_wlc_scores_ranks_classes_and_contributions():
    u = np.array([[1.0, 1.0], [0.5, 0.0], [0.0, 0.5], [0.2, 0.2]])
    result = score(u, [3, 1])
    assert result.score == pytest.approx([100, 37.5, 12.5, 20])
    assert result.rank.tolist() == [1, 2, 4, 3]
    assert result.site_class.tolist() == ["A", "B", "C", "C"]
    assert result.contributions.sum(axis=1) == pytest.approx(result.score)
    assert result.contributions[1] == pytest.approx([37.5, 0])


def test_topsis_on_a_small_known_example():
    # weights 0.5/0.5: site 1 (1, 0) and site 2 (0, 1) are equally far from ideal and anti-ideal: 50
    result = score(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0], [0.5, 0.5]]), [1, 1], method=TOPSIS)
    assert result.score == pytest.approx([50, 50, 100, 0, 50])
    assert result.rank.tolist() == [2, 2, 1, 5, 2]


def test_missing_values_follow_the_stated_policy():
    u = utilities(np.array([[10.0, 1.0], [np.nan, 3.0], [0.0, 5.0]]),
                  [ValueFunction("benefit", lower=0, upper=10), ValueFunction("benefit", lower=1, upper=5)])
    worst = score(u, [1, 1])
    assert worst.score[1] == pytest.approx(25.0) and worst.missing[1, 0]
    assert score(u, [1, 1], missing=MISSING_MEAN).score[1] == pytest.approx(50.0)
    excluded = score(u, [1, 1], missing=MISSING_EXCLUDE)
    assert np.isnan(excluded.score[1]) and excluded.rank[1] == 0 and excluded.site_class[1] == ""


def test_bad_weights_and_shapes_are_refused():
    with pytest.raises(ScoringError):
        score(np.ones((2, 2)), [0, 0])
    with pytest.raises(ScoringError):
        score(np.ones((2, 2)), [1, -1])
    with pytest.raises(ScoringError):
        score(np.ones((2, 3)), [1, 1])


matrices = st.integers(2, 30).flatmap(lambda n: st.integers(1, 6).flatmap(lambda k: st.tuples(
    st.lists(st.lists(st.floats(0, 1), min_size=k, max_size=k), min_size=n, max_size=n),
    st.lists(st.floats(0.01, 10), min_size=k, max_size=k))))


@settings(max_examples=60, deadline=None)
@given(case=matrices, method=st.sampled_from(["wlc", "topsis"]))
def test_scores_stay_in_range_and_a_dominating_site_never_ranks_lower(case, method):
    rows, weights = case
    u = np.array(rows)
    better = np.minimum(u[0] + 0.1, 1.0)  # at least as good as site 0 on every criterion
    result = score(np.vstack([u, better]), weights, method=method)
    assert np.all((result.score >= -1e-9) & (result.score <= 100 + 1e-9))
    assert result.rank[-1] <= result.rank[0]
    assert result.score[-1] >= result.score[0] - 1e-9
    assert [result.rank_of(site) for site in range(len(result.score))] == result.rank.tolist()


def test_sensitivity_is_seeded_and_finds_the_influential_weight():
    rng = np.random.default_rng(7)
    u = np.column_stack([rng.random(40), rng.random(40), np.full(40, 0.5)])  # the third criterion cannot reorder
    first = sensitivity(u, [1, 1, 1], runs=200, spread=0.3, top_k=5, seed=3)
    again = sensitivity(u, [1, 1, 1], runs=200, spread=0.3, top_k=5, seed=3)
    assert np.array_equal(first.mean_rank, again.mean_rank)
    assert first.influence[2] == 0 and first.influence[:2].min() > 0
    assert np.all(first.rank_p05 <= first.rank_p95) and np.all((first.mean_rank >= 1) & (first.mean_rank <= 40))
    assert first.top_probability.sum() == pytest.approx(5.0)  # five sites are in the top five in every run
    best = int(np.argmax(u[:, 0] + u[:, 1]))
    dominant = np.vstack([u, [1.0, 1.0, 0.5]])  # a site best on every criterion is first in every run
    assert sensitivity(dominant, [1, 1, 1], runs=50, seed=1).top_probability[-1] == 1.0
    assert first.mean_rank[best] <= np.median(first.mean_rank)


def test_sensitivity_refuses_absurd_parameters():
    with pytest.raises(ScoringError):
        sensitivity(np.ones((3, 2)), [1, 1], runs=0)
    with pytest.raises(ScoringError):
        sensitivity(np.ones((3, 2)), [1, 1], spread=1.5)


def test_judgements_as_typed_and_shown():
    assert [parse_judgement(text) for text in ("3", " 1/3", "0,5", "9")] == pytest.approx([3, 1 / 3, 0.5, 9])
    assert [judgement_text(value) for value in (3.0, 1 / 3, 1 / 9, 1.5, 0.4)] == ["3", "1/3", "1/9", "1.5", "0.4"]
    for bad in ("10", "1/10", "abc", "1/0", ""):
        with pytest.raises(ScoringError):
            parse_judgement(bad)


def test_pairwise_from_weights_is_consistent_and_gives_the_weights_back():
    matrix = pairwise_from_weights([3, 1, 2])
    result = ahp_weights(matrix)
    assert result.weights == pytest.approx([0.5, 1 / 6, 1 / 3])
    assert result.consistency_ratio == pytest.approx(0, abs=1e-9)
    # beyond Saaty's scale the ratios are cut at 9, and a zero weight does not divide by zero
    assert pairwise_from_weights([100, 1, 0]).max() == 9


# -- Bewertungsschema by role ------------------------------------------------------------------------------------

def role_scheme(**role):
    return {"format": "wip-scoring-scheme", "format_version": 2, "criteria": [
        {"id": "netz", "label": "Netz", "role": dict({"measure": "distance", "layer_hints": ["umspann", "uw"]}, **role),
         "function": {"kind": "cost", "lower": 0, "upper": 1000}}]}


def test_shipped_schemes_name_roles_not_the_demos_layers_and_survive_a_round_trip():
    for path in shipped_schemes().values():
        scheme = load_scheme(path)
        assert all(c.role is not None and c.field is None for c in scheme.criteria)
        assert "synth" not in path.read_text(encoding="utf-8")
        assert parse_scheme(scheme.to_json(), "kopie") == scheme


def test_a_role_finds_the_planners_layer_by_name_geometry_and_field():
    wind = load_scheme(shipped_schemes()["beispiel_wind"])
    roles = {c.id: c.role for c in wind.criteria}
    layers = [LayerDescription("Bauwerke", "point", ()), LayerDescription("UW 110 kV", "point", ()),
              LayerDescription("Umspannwerke_ALKIS", "polygon", ()),
              LayerDescription("Siedlungsfläche ALKIS", "polygon", ()),
              LayerDescription("siedlung_punkte", "point", ()),
              LayerDescription("Bodenschätzung", "polygon", ("klasse", "Ackerzahl")),
              LayerDescription("Acker ohne Zahl", "polygon", ("nutzung",))]
    # a name that fits an earlier hint first: "umspann" before "uw"
    assert suggest_role_layers(roles["umspannwerk"], layers) == ["Umspannwerke_ALKIS", "UW 110 kV"]
    assert suggest_role_layers(roles["umspannwerk"], layers[:2]) == ["UW 110 kV"]  # not "Bauwerke"
    assert suggest_role_layers(roles["siedlung"], layers) == ["Siedlungsfläche ALKIS"]  # areas only
    assert suggest_role_layers(roles["ackerzahl"], layers) == ["Bodenschätzung"]  # it has the field
    assert suggest_role_field(roles["ackerzahl"], ("klasse", "Ackerzahl")) == "Ackerzahl"
    assert suggest_role_layers(roles["schutzgebiete"], layers) == []
    assert suggest_role_layers(roles["flaeche"], layers) == []  # measured on the sites themselves


def test_roles_bind_to_the_fields_of_standortkriterien_and_a_role_without_one_is_not_assessed():
    wind = load_scheme(shipped_schemes()["beispiel_wind"])
    fields = ["name", "dist_uw_110_kv_m", "share_nsg_lsa", "share_schutzgebiete_lsa", "mean_ackerzahl", "area_ha",
              "compactness"]
    assert bind_fields(wind, fields) == ["dist_uw_110_kv_m", None, "share_schutzgebiete_lsa", "mean_ackerzahl",
                                         "area_ha", "compactness"]
    # who measured the roles says which field holds which: nothing is guessed then
    given = bind_fields(wind, fields, {"umspannwerk": "dist_uw_110_kv_m", "ackerzahl": "mean_ackerzahl"})
    assert given == ["dist_uw_110_kv_m", None, None, "mean_ackerzahl", "area_ha", "compactness"]


def test_an_old_field_scheme_still_loads_binds_and_is_saved_as_it_was(tmp_path):
    old = {"format": "wip-scoring-scheme", "format_version": 1, "criteria": [
        {"field": "dist_synth_umspannwerke_110kv_m", "label": "Netz", "weight": 2,
         "function": {"kind": "cost", "lower": 0, "upper": 1000}},
        {"field": "area_ha", "label": "Größe", "function": {"kind": "benefit", "lower": 0, "upper": 10}}]}
    scheme = parse_scheme(old, "alt.json")
    assert [c.field for c in scheme.criteria] == ["dist_synth_umspannwerke_110kv_m", "area_ha"]
    assert [c.key for c in scheme.criteria] == ["dist_synth_umspannwerke_110kv_m", "area_ha"]
    assert bind_fields(scheme, ["area_ha", "dist_synth_umspannwerke_110kv_m"]) == [
        "dist_synth_umspannwerke_110kv_m", "area_ha"]
    with pytest.raises(ScoringError, match="dist_synth_umspannwerke_110kv_m"):
        bind_fields(scheme, ["area_ha"])
    save_scheme(scheme, tmp_path / "neu.json")
    assert load_scheme(tmp_path / "neu.json") == scheme
    assert parse_scheme(dict(old, format_version=2), "v2") == scheme  # fields are still allowed


@pytest.mark.parametrize("change, message", [
    (lambda d: d["criteria"][0]["role"].update(measure="nähe"), "measure"),
    (lambda d: d["criteria"][0]["role"].pop("layer_hints"), "layer_hints"),
    (lambda d: d["criteria"][0]["role"].update(layer_hints=[]), "layer_hints"),
    (lambda d: d["criteria"][0]["role"].update(measure="share", geometry="line"), "geometry"),
    (lambda d: d["criteria"][0]["role"].update(measure="mean"), "field_hints"),
    (lambda d: d["criteria"][0].update(field="uw_m"), "field"),
    (lambda d: d["criteria"][0].pop("id"), "id"),
    (lambda d: d["criteria"].append(d["criteria"][0]), "nur einmal"),
    (lambda d: d.update(format_version=3), "format_version"),
])
def test_bad_role_schemes_are_named(change, message):
    data = role_scheme()
    change(data)
    with pytest.raises(ScoringError, match=message):
        parse_scheme(data, "schema.json")


def test_recognised_layers_play_the_roles_their_data_profile_says_they_hold_whole():
    """ALKIS residential areas are the settlements, the Land's nature reserves a protected area, SciGRID's
    substations the grid, ALKIS soil appraisal the soil quality: found without a fitting name. An OSM extract
    holds everything at once and plays no role (the distance to it would be to any of its features)."""
    roles = {c.id: c.role for c in load_scheme(shipped_schemes()["beispiel_wind"]).criteria}
    layers = [LayerDescription("ax_wohnbauflaeche", "polygon", ("gml_id",)),
              LayerDescription("NSG_LSA", "polygon", ("NAME",)),
              LayerDescription("scigrid_buses", "point", ("name", "v_nom")),
              LayerDescription("ax_bodenschaetzung", "polygon", ("ackerzahlodergruenlandzahl",)),
              LayerDescription("multipolygons", "polygon", ("osm_id", "landuse", "other_tags"))]
    assert suggest_role_layers(roles["siedlung"], layers) == ["ax_wohnbauflaeche"]
    assert suggest_role_layers(roles["schutzgebiete"], layers) == ["NSG_LSA"]
    assert suggest_role_layers(roles["umspannwerk"], layers) == ["scigrid_buses"]
    assert suggest_role_layers(roles["ackerzahl"], layers) == ["ax_bodenschaetzung"]
    assert suggest_role_field(roles["ackerzahl"], layers[3].fields) == "ackerzahlodergruenlandzahl"
