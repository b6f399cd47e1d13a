"""Heat planning core: demand per building by hand, scenarios, densities on a small layout, the privacy threshold,
each suitability rule."""

import numpy as np
import pytest
import shapely
from shapely import box

from wip_qgis_plugin.core.heat import (
    HeatError,
    SuitabilityThresholds,
    aggregate,
    block_of_points,
    building_demand,
    classify,
    grid_blocks,
    load_typology,
    nearest_sections,
    scenario_demand,
)

TYPOLOGY = load_typology()
NAN = np.nan


def demand(**columns):
    count = len(columns["footprint"])
    return building_demand(TYPOLOGY, np.asarray(columns["footprint"], dtype=float),
                           columns.get("functions", [None] * count), columns.get("types", [None] * count),
                           columns.get("ages", [None] * count),
                           np.asarray(columns.get("storeys", [NAN] * count), dtype=float),
                           columns.get("floor_areas"), columns.get("consumption"))


def test_demand_of_each_type_and_age_by_hand():
    result = demand(footprint=[100, 100, 400, 1000, 500, 800, 60],
                    functions=[1010, 1010, 1010, 1010, 2020, 3021, 2463],
                    types=["EFH", "RH", "MFH", "GMH", "NWG", "NWG", "NWG"],
                    ages=["B", "K", "F", "H", "C", "L", "C"], storeys=[2, 2, 4, 10, 3, 2, 1])
    # residential: footprint × storeys × 0.84 × kWh/(m²·a) of type and age class
    assert result.demand_mwh_a[:4] == pytest.approx([100 * 2 * 0.84 * 113 / 1000, 100 * 2 * 0.84 * 48 / 1000,
                                                     400 * 4 * 0.84 * 86 / 1000, 1000 * 10 * 0.84 * 67 / 1000])
    # offices (2020) built until 1978: 107.6 kWh/(m²·a), factor 0.85; schools (3021) from 2010: 129.2, factor 0.89
    assert result.demand_mwh_a[4] == pytest.approx(500 * 3 * 0.85 * 107.6 / 1000)
    assert result.demand_mwh_a[5] == pytest.approx(800 * 2 * 0.89 * 129.2 / 1000)
    assert np.isnan(result.demand_mwh_a[6]) and result.use[6] == "none"  # a garage has no heat demand
    assert result.type_label[4] == "Büro-, Verwaltungs- oder Amtsgebäude"
    assert result.source[:6] == ["Typologie"] * 6


def test_measured_consumption_floor_area_and_missing_values():
    result = demand(footprint=[100, 100, 100, 1000, 100], functions=[1010, 1010, None, 1010, "Kiosk"],
                    types=["EFH", "EFH", "MFH", None, None], ages=[None, "C", "X", "C", "C"],
                    storeys=[NAN, 2, 2, 4, 1], floor_areas=[NAN, 150, NAN, NAN, NAN],
                    consumption=[NAN, 30_000, NAN, NAN, NAN])
    # storeys missing: the EFH default 1.5; age unknown: class Z (83)
    assert result.demand_mwh_a[0] == pytest.approx(100 * 1.5 * 0.84 * 83 / 1000)
    assert "Geschosse fehlen" in result.notes[0]
    assert result.demand_mwh_a[1] == pytest.approx(30.0) and result.source[1] == "Messwert"
    assert result.specific_kwh_m2a[1] == pytest.approx(200)  # 30,000 kWh over the given 150 m²
    assert "unbekannt" in result.notes[2] and result.age_class[2] == "Z"  # a typo in the age class is named
    assert result.type_label[3] == "GMH"  # untyped residential with 4,000 m² gross floor area
    assert np.isnan(result.demand_mwh_a[4]) and "kein ALKIS-Schlüssel" in result.notes[4]


def test_unknown_function_codes_fall_back_to_their_range_or_are_named():
    result = demand(footprint=[100, 100], functions=[2999, 7777], ages=["C", "C"], storeys=[1, 1])
    assert result.use[0] == "produktion" and "Schlüsselbereich" in result.notes[0]
    assert result.use[1] == "" and np.isnan(result.demand_mwh_a[1]) and "7777 unbekannt" in result.notes[1]


@pytest.mark.parametrize(("year", "age"), [
    (1700, "A"), (1859, "A"), (1860, "B"), (1918, "B"), (1919, "C"), (1965, "E"), (1978, "F"), (1979, "G"),
    (2009, "J"), (2010, "K"), (2015, "K"), (2016, "L"), (2024, "L"),
    (0, ""), (9999, ""), (NAN, ""),  # ALKIS and OSM placeholders for "unknown"
])
def test_the_year_of_construction_gives_the_iwu_age_class(year, age):
    """IWU, Deutsche Wohngebäudetypologie (2015): A until 1859 … K 2010–2015, L from 2016."""
    assert TYPOLOGY.age_class_of_year(year) == age


def test_renovation_scenarios_reduce_older_buildings_only():
    base = np.array([100.0, 100.0, 100.0])
    ages = ["C", "K", "Z"]
    # 2 %/a, 50 % saving, from 2025: 2030 → 10 % renovated → −5 %; 2045 → 40 % → −20 %
    assert scenario_demand(base, ages, 2030, 2025, 0.02, 0.5) == pytest.approx([95, 100, 95])
    assert scenario_demand(base, ages, 2045, 2025, 0.02, 0.5) == pytest.approx([80, 100, 80])
    assert scenario_demand(base, ages, 2045, 2025, 0.1, 0.5) == pytest.approx([50, 100, 50])  # all renovated
    with pytest.raises(HeatError):
        scenario_demand(base, ages, 2030, 2025, 1.5, 0.5)


def test_blocks_streets_and_densities_on_a_known_layout():
    # two 100 m × 100 m blocks (1 ha each); six buildings in the first, two in the second
    blocks = np.array([box(0, 0, 100, 100), box(200, 0, 300, 100)], dtype=object)
    points = shapely.points([10, 30, 50, 70, 90, 50, 220, 260], [50] * 8)
    block = block_of_points(points, blocks)
    assert block.tolist() == [0, 0, 0, 0, 0, 0, 1, 1]
    demand_mwh = np.array([10, 10, 20, 20, 40, NAN, 30, 30], dtype=float)  # one building without demand
    result = aggregate(block, 2, demand_mwh, ["EFH", "EFH", "MFH", "EFH", "NWG", "EFH", "MFH", "MFH"],
                       ["C", "C", "F", "F", "F", "A", "L", "L"])
    assert result.buildings.tolist() == [5, 2] and result.demand_mwh_a.tolist() == [100, 60]
    assert result.dominant_type == ["EFH", "MFH"] and result.dominant_age == ["F", "L"]
    unknown = aggregate(np.array([0, 0, 0]), 1, np.array([1.0, 1.0, 1.0]), ["", "", "MFH"], ["", "", ""])
    assert unknown.dominant_type == ["MFH"] and unknown.dominant_age == [""]  # unknown labels do not vote
    # a 100 m street along the first block, a 200 m street along the second; a far building is left out
    streets = np.array([shapely.LineString([(0, 110), (100, 110)]), shapely.LineString([(150, 110), (350, 110)])])
    buildings = shapely.points([50, 250, 50], [50, 50, 600])
    section, distance = nearest_sections(buildings, streets, 100)
    assert section.tolist() == [0, 1, -1] and distance[:2] == pytest.approx([60, 60])
    per_section = aggregate(section, 2, np.array([150.0, 300.0, 99.0]), ["EFH"] * 3, ["C"] * 3)
    line_density = 1000 * per_section.demand_mwh_a / shapely.length(streets)  # kWh/(m·a)
    assert line_density.tolist() == pytest.approx([1500, 1500])


def test_a_point_on_a_shared_block_edge_counts_once():
    blocks = np.array([box(0, 0, 100, 100), box(100, 0, 200, 100)], dtype=object)
    assert block_of_points(shapely.points([100, 150, 500], [10, 10, 10]), blocks).tolist() == [0, 1, -1]


def test_grid_cells_hold_their_points():
    cells, index = grid_blocks(shapely.points([5, 15, 150, 160], [5, 5, 5, 95]), 100)
    assert len(cells) == 2 and index.tolist() == [0, 0, 1, 1]
    assert shapely.contains(cells[index], shapely.points([5, 15, 150, 160], [5, 5, 5, 95])).all()


@pytest.mark.parametrize("density, line, network, waste, large, level, words", [
    (200, 0, 150, NAN, 0, 1, "Wärmenetz in ≤ 200 m"),
    (450, 2100, NAN, NAN, 0, 1, "2100 ≥ 2000"),
    (100, 1600, NAN, NAN, 0, 2, "1600 ≥ 1500"),
    (180, 0, NAN, NAN, 0, 2, "180 ≥ 175"),
    (80, 0, NAN, NAN, 1, 2, "Großverbraucher"),
    (80, 0, NAN, 500, 0, 2, "Abwärmequelle"),
    (10, 600, NAN, NAN, 0, 3, "600 ≥ 500"),
    (75, 0, NAN, NAN, 0, 3, "75 ≥ 70"),
    (20, 100, NAN, NAN, 0, 4, "< 500"),
])
def test_each_suitability_rule_decides_and_is_stated(density, line, network, waste, large, level, words):
    result = classify([density], [line], [network], [waste], [large])
    assert result.level.tolist() == [level]
    assert words in result.rule[0]


def test_shortened_procedure_only_without_network_or_waste_heat_nearby():
    result = classify([10, 10, 10], [0, 0, 0], [NAN, 150, NAN], [NAN, NAN, 800], [0, 0, 0])
    assert result.level.tolist() == [4, 4, 4]
    assert result.shortened.tolist() == [True, False, False]
    # thresholds are the planner's: a stricter line threshold moves an area down
    unknown = classify([NAN], [NAN], [NAN], [NAN], [0])
    assert unknown.level.tolist() == [4] and len(unknown.rule) == 1 and "keine Wärmedichte" in unknown.rule[0]
    strict = classify([100], [1600], [NAN], [NAN], [0], SuitabilityThresholds(line_network=2000))
    assert strict.level.tolist() == [3]
