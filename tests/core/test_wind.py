"""Wind layout and energy without QGIS: counts known by hand, the spacing never violated, Weibull energy against
closed forms, the turbine catalog, existing turbines and repowering."""

import json
import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from wip_qgis_plugin.core.wind_energy import (
    Losses,
    WindError,
    gross_energy_mwh,
    hub_speed,
    load_turbine_types,
    make_turbine,
    shipped_wind_defaults,
    weibull_scale,
)
from wip_qgis_plugin.core.wind_layout import Spacing, existing_site, place_turbines
from wip_qgis_plugin.core.wind_park import ExistingTurbines, WindResource, plan_wind_park

NORTH = Spacing(500.0, 300.0, 0.0)  # rotor 100 m, 5 D along the wind from the north (y), 3 D across (x)


def test_a_strip_along_the_wind_holds_one_turbine_every_five_diameters():
    # 110 m wide: too narrow for a zigzag to gain a turbine (neighbours at most 110/300 spacings apart across the
    # wind must be 500 × √(1 − 0.367²) = 465 m apart along it: 2000 m hold five, as in a straight line)
    strip = shapely.box(0, 0, 110, 2000)
    assert place_turbines(np.array([strip]), NORTH, 100.0, True).per_site[0] == 5
    # the rotor (radius 50 m) inside too: towers in 10 m × 1900 m → four
    assert place_turbines(np.array([strip]), NORTH, 100.0, False).per_site[0] == 4


def test_every_tower_keeps_the_foundation_inset_from_the_boundary():
    strip = np.array([shapely.box(0, 0, 110, 2000)])
    # towers at least 15 m inside: x from 15 to 95, y from 15 to 1985 → along the wind 1970 m hold four, not five
    layout = place_turbines(strip, NORTH, 100.0, True, foundation_inset_m=15.0)
    assert layout.per_site[0] == 4
    assert shapely.distance(shapely.points(layout.x, layout.y), shapely.boundary(strip[0])).min() >= 15.0 - 1e-3
    # the rotor rule (50 m inside) is the stricter of the two and stays as it was
    assert place_turbines(strip, NORTH, 100.0, False, foundation_inset_m=15.0).per_site[0] == 4
    with pytest.raises(WindError, match="Fundamentabstand"):
        place_turbines(strip, NORTH, 100.0, True, foundation_inset_m=-1.0)


def test_the_shipped_wind_defaults_are_those_of_the_region_with_their_sources():
    defaults = shipped_wind_defaults()
    # 5.6–6.0 m/s at 150 m are typical for the Revier; 6.5 m/s would be ≈ 93 % of the EEG reference yield
    assert (defaults.mean_wind_ms.value, defaults.reference_height_m) == (5.8, 150)
    assert defaults.mean_wind_ms.status == "secondary" and "60–80 %" in defaults.mean_wind_ms.source
    assert defaults.electrical_loss_pct.value == 2 and defaults.curtailment_pct.value == 2
    assert "BNatSchG" not in defaults.curtailment_pct.source  # the legal basis is its own field, not the source
    assert defaults.foundation_inset_m.value == 15 and "Fundament" in defaults.foundation_inset_m.source
    # all losses together: 8 % wake, 97 % availability, 2 % electrical, 2 % curtailment
    assert Losses(defaults.wake_loss_pct.value, defaults.availability_pct.value, defaults.electrical_loss_pct.value,
                  defaults.curtailment_pct.value).factor == pytest.approx(0.92 * 0.97 * 0.98 * 0.98)


def test_a_rectangle_gets_at_least_the_regular_grid():
    rectangle = np.array([shapely.box(0, 0, 1000, 2000)])
    layout = place_turbines(rectangle, NORTH, 100.0, True)
    assert layout.baseline_per_site[0] == 4 * 5  # x = 0, 300, 600, 900; y = 0, 500, …, 2000
    assert layout.per_site[0] >= 20 and NORTH.violations(layout.x, layout.y) == 0


def test_a_site_smaller_than_one_rotor_gets_no_turbine_when_the_rotor_must_stay_inside():
    layout = place_turbines(np.array([shapely.box(0, 0, 90, 90)]), NORTH, 100.0, False)
    assert layout.per_site[0] == 0 and len(layout.x) == 0


def test_the_main_wind_direction_turns_the_layout():
    strip = np.array([shapely.box(0, 0, 2000, 110)])  # long in x: along the wind only for east/west winds
    assert place_turbines(strip, Spacing(500.0, 300.0, 90.0), 100.0, True).per_site[0] == 5
    assert place_turbines(strip, Spacing(500.0, 300.0, 270.0), 100.0, True).per_site[0] == 5
    assert place_turbines(strip, NORTH, 100.0, True).per_site[0] == 7  # across: every 300 m, x = 0 … 1800


def test_a_narrow_strip_gets_a_zigzag():
    # 200 m wide along a north wind: rows on both edges, 500 × √(1 − (200/300)²) = 373 m apart along the wind:
    # 0, 373, …, 1863 m → six turbines where a straight row holds five
    layout = place_turbines(np.array([shapely.box(0, 0, 200, 2000)]), NORTH, 100.0, True)
    assert layout.per_site[0] >= 6 and layout.baseline_per_site[0] == 5


def test_turbines_keep_their_distance_from_obstacles_and_from_earlier_sites():
    left, right = shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)  # two touching sites
    obstacle = np.array([[500.0, 500.0]])
    layout = place_turbines(np.array([left, right]), NORTH, 100.0, True, obstacle)
    assert NORTH.violations(np.r_[layout.x, 500.0], np.r_[layout.y, 500.0]) == 0


@settings(max_examples=40, deadline=None)
@given(points=st.lists(st.tuples(st.floats(0, 3000), st.floats(0, 3000)), min_size=3, max_size=9),
       direction=st.floats(0, 360), along=st.floats(3, 7), across=st.floats(2, 5), overhang=st.booleans())
def test_the_spacing_is_never_violated_and_towers_stay_in_the_site(points, direction, along, across, overhang):
    site = shapely.convex_hull(shapely.multipoints(points)).buffer(50)
    rotor = 120.0
    spacing = Spacing(along * rotor, across * rotor, direction)
    layout = place_turbines(np.array([site]), spacing, rotor, overhang)
    assert spacing.violations(layout.x, layout.y) == 0
    allowed = site if overhang else site.buffer(-rotor / 2)
    towers = shapely.points(layout.x, layout.y)
    assert np.all(shapely.distance(allowed, towers) < 1e-3)  # within a millimetre
    assert layout.per_site[0] >= layout.baseline_per_site[0]


def _flat_curve(kw=1000.0, cut_out=25.0):
    return make_turbine("flat", "flat", kw, 100.0, 100.0, [0.0, cut_out], [kw, kw], "test", "unchecked", "test")


def test_weibull_energy_of_a_flat_power_curve_is_the_probability_below_cut_out():
    mean, shape = 7.0, 2.0
    scale = mean / math.gamma(1.5)
    expected = 8760 * 1000 * (1 - math.exp(-(25 / scale) ** shape)) / 1000  # MWh/a
    assert gross_energy_mwh(_flat_curve(), [mean], shape)[0] == pytest.approx(expected, rel=1e-9)
    assert weibull_scale(mean, shape) == pytest.approx(scale)


def test_weibull_energy_of_a_linear_power_curve_is_the_mean_speed():
    # P = 100 kW per m/s up to 40 m/s: the mean power is 100 × mean speed (the tail above 40 m/s is negligible)
    linear = make_turbine("lin", "lin", 4000.0, 100.0, 100.0, [0.0, 40.0], [0.0, 4000.0], "test", "unchecked", "t")
    energy = gross_energy_mwh(linear, [5.0, 6.0], 2.0)
    assert energy == pytest.approx([8760 * 100 * 5.0 / 1000, 8760 * 100 * 6.0 / 1000], rel=1e-4)


def test_no_wind_value_gives_no_energy():
    assert np.isnan(gross_energy_mwh(_flat_curve(), [np.nan], 2.0)[0])


def test_hub_speed_and_losses():
    assert hub_speed(6.0, 100.0, 150.0, 0.2) == pytest.approx(6.0 * 1.5 ** 0.2)
    assert Losses(10.0, 95.0).factor == pytest.approx(0.9 * 0.95)
    assert Losses(10.0, 95.0, 2.0, 3.0).factor == pytest.approx(0.9 * 0.95 * 0.98 * 0.97)
    with pytest.raises(WindError, match="Verfügbarkeit"):
        Losses(10.0, 0.0)
    with pytest.raises(WindError, match="elektrisch"):
        Losses(10.0, 95.0, 100.0)


def test_the_shipped_catalog_has_the_reference_turbines():
    types = load_turbine_types()
    reference = types["ref_2020_3_4mw"]
    assert (reference.rated_kw, reference.rotor_m, reference.hub_m) == (3400, 122, 135)
    assert types["ref_neubau_6mw"].total_height_m == pytest.approx(250)
    for turbine in types.values():
        assert turbine.power_kw.max() == pytest.approx(turbine.rated_kw)


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t.pop("rotor_m"), "rotor_m"),
    (lambda t: t["power_curve"].update(wind_ms=[5, 4] + t["power_curve"]["wind_ms"][2:]), "aufsteigen"),
    (lambda t: t["power_curve"].update(power_kw=t["power_curve"]["power_kw"][:3]), "gleich viele"),
    (lambda t: t.update(status="maybe"), "status"),
])
def test_a_broken_turbine_catalog_is_named(tmp_path, change, message):
    data = json.loads((load_turbine_types.__defaults__[0]).read_text(encoding="utf-8"))
    change(data["turbines"][0])
    broken = tmp_path / "anlagen.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(WindError, match=message) as error:
        load_turbine_types(broken)
    assert "anlagen.json" in str(error.value)


def test_windpowerlib_types_when_installed():
    pytest.importorskip("windpowerlib")
    from wip_qgis_plugin.core.wind_energy import windpowerlib_turbine

    turbine = windpowerlib_turbine("E-126/4200", 135.0)
    assert turbine.rated_kw == pytest.approx(4200) and turbine.rotor_m == pytest.approx(127)
    with pytest.raises(WindError, match="keinen Anlagentyp"):
        windpowerlib_turbine("no such turbine")


def test_existing_turbines_inside_near_and_far():
    sites = np.array([shapely.box(0, 0, 100, 100), None, shapely.box(1000, 0, 1100, 100)], dtype=object)
    points = shapely.points([(50, 50), (300, 50), (1150, 50), (5000, 0)])
    assert existing_site(sites, points, 0.0).tolist() == [0, -1, -1, -1]
    assert existing_site(sites, points, 250.0).tolist() == [0, 0, 2, -1]


def _resource(speed=7.0):
    return WindResource(lambda x, _y, _site: np.full(len(x), speed), 100.0, 0.0, 2.0)


def test_repowering_replaces_the_fleet_and_reports_the_net_gain():
    turbine = load_turbine_types()["ref_2020_3_4mw"]
    site = np.array([shapely.box(0, 0, 3000, 3000)])
    old = ExistingTurbines(shapely.points([(1500, 1500), (9000, 9000)]), np.array([1500.0, 2000.0]),
                           np.array([77.0, 90.0]), np.array([85.0, 100.0]))
    losses = Losses(0.0, 100.0)
    kept = plan_wind_park(site, turbine, 5, 3, 225, True, _resource(), losses, old, 0.0, repowering=False)
    renewed = plan_wind_park(site, turbine, 5, 3, 225, True, _resource(), losses, old, 0.0, repowering=True)
    assert renewed.replaced.tolist() == [True, False] and not kept.replaced.any()
    totals = renewed.site_totals()
    assert totals.existing_n[0] == 1 and totals.replaced_n[0] == 1 and totals.replaced_mw[0] == pytest.approx(1.5)
    assert totals.net_gain_mw[0] == pytest.approx(totals.mw[0] - 1.5)
    assert totals.net_gain_gwh[0] == pytest.approx(totals.gwh[0] - renewed.existing_mwh[0] / 1000)
    assert renewed.existing_mwh[0] > 0 and np.isnan(renewed.existing_mwh[1])  # the far one is not evaluated
    # the kept turbine blocks its ellipse: the repowered park has at least as many new turbines
    assert renewed.layout.per_site[0] >= kept.layout.per_site[0]
    spacing = Spacing(5 * turbine.rotor_m, 3 * turbine.rotor_m, 225)
    assert spacing.violations(np.r_[kept.layout.x, 1500.0], np.r_[kept.layout.y, 1500.0]) == 0


def test_park_energy_is_the_turbines_energy_less_losses():
    turbine = load_turbine_types()["ref_neubau_6mw"]
    park = plan_wind_park(np.array([shapely.box(0, 0, 2000, 2000)]), turbine, 5, 3, 225, True,
                          WindResource(lambda x, _y, _s: np.full(len(x), 6.0), 150.0, 0.2, 2.0), Losses(8.0, 97.0))
    speed = 6.0 * (165 / 150) ** 0.2
    single = gross_energy_mwh(turbine, [speed], 2.0)[0]
    totals = park.site_totals()
    assert park.wind_ms == pytest.approx(np.full(len(park.wind_ms), speed))
    assert totals.gwh[0] == pytest.approx(len(park.wind_ms) * single * 0.92 * 0.97 / 1000)
    assert totals.full_load_h[0] == pytest.approx(single * 0.92 * 0.97 / 6.0)


def test_the_eligibility_reference_turbine_is_the_catalogs_default():
    from wip_qgis_plugin.core.catalog import DEFAULT_TURBINE
    from wip_qgis_plugin.core.wind_energy import DEFAULT_TURBINE_ID

    turbine = load_turbine_types()[DEFAULT_TURBINE_ID]
    assert (DEFAULT_TURBINE.hub_height, DEFAULT_TURBINE.rotor_diameter) == (turbine.hub_m, turbine.rotor_m)


def test_the_layout_does_not_depend_on_the_order_of_the_sites():
    """Two neighbouring areas whose turbines compete for the space between them: the larger one is placed first
    whatever order the layer holds them in, so the same areas always give the same layout."""
    large = shapely.box(0, 0, 1200, 600)
    small = shapely.box(1250, 0, 1700, 600)
    forward = place_turbines(np.array([large, small]), NORTH, 100.0, True)
    backward = place_turbines(np.array([small, large]), NORTH, 100.0, True)
    assert list(forward.per_site) == list(backward.per_site[::-1])
    assert sorted(zip(forward.x, forward.y)) == sorted(zip(backward.x, backward.y))
