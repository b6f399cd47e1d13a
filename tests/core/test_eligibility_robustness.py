"""Robustness of the Flächenkulisse over criteria variants: hand-computed classes, and every variant's land equal to
what the eligibility engine gives for it alone."""

import pytest
from shapely.geometry import LineString, Point, box

from tests.core.test_eligibility import STUDY, catalog, criterion, frame, ha
from wip_qgis_plugin.core.eligibility import (
    CriteriaVariant,
    EligibilityError,
    compute_eligibility,
    compute_robustness,
)

CATALOG = catalog(criterion("siedlung", metres=200), criterion("wald", ctype="soft"))
CONSTRAINTS = {"siedlung": frame(box(0, -50, 100, 1050)), "wald": frame(box(600, 600, 800, 800))}
VARIANTS = [CriteriaVariant("Katalog"), CriteriaVariant("400 m", {"siedlung": 400.0}),
            CriteriaVariant("ohne Abstand", {"siedlung": 0.0}), CriteriaVariant("ohne weiche", soft_excludes=False)]


def rows(result, kind):
    table = result.summary[result.summary["kind"] == kind]
    return dict(zip(table["item"], table["area_ha"]))


def test_each_piece_says_how_many_variants_keep_it():
    result = compute_robustness(STUDY, CONSTRAINTS, CATALOG, VARIANTS)
    wood = ha(200 * 200)
    assert rows(result, "variant") == pytest.approx({"Katalog": 70 - wood, "400 m": 50 - wood,
                                                     "ohne Abstand": 90 - wood, "ohne weiche": 70})
    # x > 500 outside the wood: all four; 300..500: three (not 400 m); 100..300: "ohne Abstand" only; the wood: one
    assert rows(result, "robustness") == pytest.approx({"4": 50 - wood, "3": 20, "2": 0, "1": 20 + wood})
    by_variants = {row.variants: (row.kept, row.area_ha) for row in result.pieces.itertuples()}
    assert by_variants == pytest.approx({"Katalog, 400 m, ohne Abstand, ohne weiche": (4, 50 - wood),
                                         "Katalog, ohne Abstand, ohne weiche": (3, 20),
                                         "ohne Abstand": (1, 20), "ohne weiche": (1, wood)})
    assert result.pieces["kept"].tolist() == sorted(result.pieces["kept"], reverse=True)
    assert set(result.pieces["kept_pct"]) == {100.0, 75.0, 25.0}


def test_every_variant_has_the_land_the_engine_gives_it_alone():
    cat = catalog(criterion("siedlung", metres=150), criterion("strasse", metres=80, geometry="line"),
                  criterion("wald", ctype="soft"), criterion("punkt", metres=120, geometry="point"))
    constraints = {"siedlung": frame(box(100, 100, 250, 300), box(700, 650, 820, 760)),
                   "strasse": frame(LineString([(0, 480), (1000, 530)])),
                   "wald": frame(box(400, 50, 640, 260), Point(300, 800).buffer(90)),
                   "punkt": frame(Point(880, 200), Point(560, 880))}
    variants = [CriteriaVariant("Katalog"), CriteriaVariant("Siedlung 300", {"siedlung": 300.0}),
                CriteriaVariant("ohne Straße", off=frozenset({"strasse"})),
                CriteriaVariant("Punkt 40, weich offen", {"punkt": 40.0}, soft_excludes=False)]
    result = compute_robustness(STUDY, constraints, cat, variants, min_area_ha=2.0)
    for variant in variants:
        alone = compute_eligibility(STUDY, {cid: f for cid, f in constraints.items() if cid not in variant.off}, cat,
                                    distance_overrides=variant.distances, soft_excludes=variant.soft_excludes,
                                    min_area_ha=2.0)
        assert rows(result, "variant")[variant.name] == pytest.approx(alone.eligible["area_ha"].sum(), rel=1e-9)
    assert sum(rows(result, "robustness").values()) == pytest.approx(result.pieces["area_ha"].sum(), rel=1e-9)


def test_variants_that_cannot_be_computed_are_refused():
    with pytest.raises(EligibilityError, match="Variante „x“"):
        compute_robustness(STUDY, CONSTRAINTS, CATALOG, [CriteriaVariant("x", {"gibtsnicht": 10.0})])
    with pytest.raises(EligibilityError, match="eigenen Namen"):
        compute_robustness(STUDY, CONSTRAINTS, CATALOG, [CriteriaVariant("a"), CriteriaVariant("a")])
    with pytest.raises(EligibilityError, match="≥ 0 m"):
        compute_robustness(STUDY, CONSTRAINTS, CATALOG, [CriteriaVariant("a", {"siedlung": -5.0})])
    with pytest.raises(EligibilityError, match="keine Variante"):
        compute_robustness(STUDY, CONSTRAINTS, CATALOG, [])
