"""PV potential and yield core: each plant type by hand, the floating-PV rules of § 36 Abs. 3 WHG, the origins of the
specific yield, broken types files, invariants of the usable area, and the pvlib path (its pure parts always, the
simulation where pvlib is installed)."""

import json
import math

import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import box
from shapely.affinity import rotate

from wip_qgis_plugin.core import pv_yield
from wip_qgis_plugin.core.pv_yield import (
    TYPES_FILE,
    PvlibSetup,
    PvYieldError,
    YieldSource,
    interval_midpoints,
    inverter_dc_limit_kw,
    load_pv_types,
    module_faces,
    pv_potential,
    site_groups,
    weather_format,
    yield_from_irradiation,
)

TYPES = load_pv_types()
CO2 = 860.0
NAN = np.nan


def potential(type_id, *geometries, **options):
    return pv_potential(TYPES.types[type_id], np.array(geometries, dtype=object), options.pop("co2", CO2), **options)


def test_shipped_types_carry_their_figures_sources_and_status():
    assert list(TYPES.types) == ["freiflaeche", "agri_pv_1", "agri_pv_2", "floating"]
    ground = TYPES.types["freiflaeche"]
    assert ground.mwp_per_ha.value == 1.0 and ground.mwp_per_ha.status == "checked"
    assert "umweltbundesamt" in ground.mwp_per_ha.source
    assert 950 <= ground.specific_yield_kwh_kwp.value <= 1050  # the shipped default range for new parks in LSA
    assert TYPES.types["agri_pv_1"].mwp_per_ha.status == "unchecked"
    floating = TYPES.types["floating"]
    assert floating.on_water and not ground.on_water
    assert (floating.max_cover_share.value, floating.shore_distance_m.value) == (0.15, 40)
    assert floating.max_cover_share.status == "secondary" and "WHG" in floating.legal_basis
    # avoided emissions at the national mix with upstream chains of 2024 (UBA), as in the energy balance; not the
    # GEG's displaced-mix convention of 860 g, which overstates what PV avoids
    assert TYPES.co2_factor_g_kwh.value == 427 and TYPES.co2_factor_g_kwh.status == "secondary"  # 2024: estimated
    assert "Climate Change 13/2025" in TYPES.co2_factor_g_kwh.source and "860" in TYPES.co2_note["de"]
    assert TYPES.types["agri_pv_2"].pvlib == PvlibSetup(90, 90, 0.8, 14)


@pytest.mark.parametrize("type_id, density, specific", [
    ("freiflaeche", 1.0, 1000), ("agri_pv_1", 0.6, 1000), ("agri_pv_2", 0.35, 900)])
def test_land_types_by_hand(type_id, density, specific):
    # 100 m × 100 m with 10 m setback: 80 m × 80 m = 0.64 ha
    result = potential(type_id, box(0, 0, 100, 100), setback_m=10)
    assert result.usable_ha == pytest.approx([0.64])
    assert result.mwp == pytest.approx([0.64 * density])
    assert result.specific_kwh_kwp == pytest.approx([specific]) and result.full_load_h == pytest.approx([specific])
    assert result.gwh_a == pytest.approx([0.64 * density * specific / 1000])
    assert result.co2_t_a == pytest.approx([0.64 * density * specific / 1000 * 860])  # GWh × g/kWh = t
    assert result.yield_source == ["Vorgabe des Anlagentyps"] and result.notes == [""]


def test_existing_parks_take_the_density_measured_for_their_build_year():
    ground = TYPES.types["freiflaeche"]
    # the densities measured on real parks (UFZ data set, Eichhorn et al. 2019), pinned to their source
    measured = {(p.first_year, p.last_year): p.mwp_per_ha.value for p in ground.density_by_build_year
                if p.mwp_per_ha.status == "secondary"}
    assert measured == {(2004, 2009): 0.31, (2010, 2010): 0.41, (2011, 2011): 0.47, (2012, 2012): 0.53,
                        (2013, 2015): 0.65}
    assert all("Eichhorn et al. 2019" in p.mwp_per_ha.source for p in ground.density_by_build_year[:5])
    assert ground.density_by_build_year[-1].mwp_per_ha.status == "unchecked"  # 2016–2019: no measurement
    # 100 m × 100 m fences with the type's 5 m setback: built 2003, 2008, 2012, 2017 and 2021 (parks measured with
    # their whole fenced area: 1 ha), a new park and one whose table says 0 for an unknown year (0.81 ha usable)
    result = potential("freiflaeche", *[box(0, 0, 100, 100)] * 7, build_years=[2003, 2008, 2012, 2017, 2021, NAN, 0])
    assert result.mwp == pytest.approx([0.31, 0.31, 0.53, 0.82, 1.0, 0.81, 0.81])
    fenced = " MWp/ha je eingezäunter Fläche, ohne Randabstand"
    assert result.notes[4] == f"Baujahr 2021: 1.00{fenced}"
    assert result.notes[:3] == [f"Baujahr 2003: 0.31{fenced}", f"Baujahr 2008: 0.31{fenced}",
                                f"Baujahr 2012: 0.53{fenced}"]
    assert result.notes[5:] == ["", ""]


@pytest.mark.parametrize("type_id, years, message", [
    ("freiflaeche", [2012, 12], "Baujahr von Objekt 1: 12 ist kein Jahr von 1990–2100"),
    ("agri_pv_1", [2012, NAN], "keine Leistungsdichte nach Baujahr"),
])
def test_build_years_that_cannot_choose_a_density_are_refused(type_id, years, message):
    with pytest.raises(PvYieldError, match=message):
        potential(type_id, box(0, 0, 100, 100), box(0, 0, 100, 100), build_years=years)


def test_type_default_setback_and_a_setback_that_leaves_nothing():
    result = potential("freiflaeche", box(0, 0, 100, 100), box(500, 0, 510, 10))  # default 5 m
    assert result.usable_ha == pytest.approx([0.81, 0.0])
    assert result.mwp[1] == 0 and result.gwh_a[1] == 0
    assert result.notes[1] == "Randabstand 5 m lässt keine Fläche übrig"
    assert potential("agri_pv_2", box(0, 0, 100, 100)).usable_ha == pytest.approx([0.64])  # default 10 m


def test_agri_pv_above_the_privileged_size_is_noted():
    # 10 m setback: 170 m × 170 m = 2.89 ha usable, over the 2.5 ha of § 35 Abs. 1 Nr. 9 BauGB; 140 m × 140 m is not
    result = potential("agri_pv_1", box(0, 0, 190, 190), box(500, 0, 660, 160))
    assert "§ 35 Abs. 1 Nr. 9 BauGB" in result.notes[0] and "§ 35" not in result.notes[1]
    assert "§ 35" not in potential("freiflaeche", box(0, 0, 190, 190)).notes[0]


def test_floating_site_as_its_own_water_body_by_hand():
    lakes = [box(0, 0, 400, 400), box(1000, 0, 1200, 200), box(2000, 0, 2070, 500), box(0, 3000, 2000, 5000)]
    result = potential("floating", *lakes)
    # 400 m × 400 m: 40 m from the shore leaves 320 × 320 = 10.24 ha, 15 % of 16 ha = 2.4 ha may be covered
    # 200 m × 200 m: 120 × 120 = 1.44 ha, 15 % of 4 ha = 0.6 ha; 70 m wide: nothing is 40 m from both shores
    # 2 km × 2 km: 1,920 × 1,920 m = 368.64 ha usable, 15 % of 400 ha = 60 ha
    assert result.usable_ha == pytest.approx([2.4, 0.6, 0.0, 60.0])
    assert result.mwp == pytest.approx([2.4, 0.6, 0.0, 60.0])  # 1 MWp per covered ha
    assert result.gwh_a[0] == pytest.approx(2.4 * 950 / 1000)
    assert "15 % der Wasserfläche begrenzt: 2.40 von 10.24 ha" in result.notes[0]
    assert "Uferabstand 40 m (§ 36 Abs. 3 WHG) lässt keine Fläche übrig" in result.notes[2]
    assert all("als ganzes Gewässer" in note for note in result.notes)


def test_floating_sites_on_a_water_body_layer_share_its_cover_limit():
    lake = box(0, 0, 400, 400)  # 16 ha: 2.4 ha for all its sites together
    sites = [box(0, 0, 200, 400), box(200, 0, 400, 400), box(1000, 0, 1100, 100), box(3000, 0, 3100, 100)]
    big_lake = box(2500, -500, 3600, 600)  # 121 ha, the site lies well inside
    result = potential("floating", *sites, water_bodies=np.array([lake, big_lake, None], dtype=object))
    # each half: 160 m × 320 m = 5.12 ha inside the 40 m line; together 10.24 ha > 2.4 ha → 1.2 ha each
    assert result.usable_ha == pytest.approx([1.2, 1.2, 0.0, 1.0])
    assert "geteilt" in result.notes[0] and "keinem Gewässer" in result.notes[2] and result.notes[3] == ""
    near_shore = potential("floating", box(0, 0, 100, 100), water_bodies=np.array([lake]))
    assert near_shore.usable_ha == pytest.approx([0.36])  # 60 m × 60 m are 40 m from the shore; under the 2.4 ha


def test_cover_limit_per_site():
    # a patch from wip:eligibility (already 40 m inside its 400 m lake) with the lake's limit: the limit caps it
    patch = box(40, 40, 360, 360)
    result = potential("floating", patch, patch, cover_limit_ha=[2.4, NAN])
    assert result.usable_ha == pytest.approx([2.4, 0.15 * 10.24])  # without a limit the patch is the whole lake
    assert "Uferabstand als geprüft" in result.notes[0] and "Belegungsgrenze 2.40 ha" in result.notes[0]
    ground = potential("freiflaeche", box(0, 0, 100, 100), box(0, 0, 100, 100), setback_m=0, cover_limit_ha=[0.3, 5])
    assert ground.usable_ha == pytest.approx([0.3, 1.0])
    with pytest.raises(PvYieldError, match="Belegungsgrenze von Objekt 1: -2 ha ist negativ"):
        potential("freiflaeche", box(0, 0, 100, 100), box(0, 0, 9, 9), cover_limit_ha=[1, -2])


def test_specific_yield_from_irradiation_given_values_and_the_parameter():
    ground = TYPES.types["freiflaeche"]
    sites = [box(0, 0, 100, 100), box(200, 0, 300, 100), box(400, 0, 500, 100)]
    irradiation = yield_from_irradiation(ground, [1100, 1200, NAN], "Globalstrahlung")
    result = potential("freiflaeche", *sites, setback_m=0, yields=(irradiation,))
    assert result.specific_kwh_kwp == pytest.approx([1100 * 0.9, 1200 * 0.9, 1000])
    assert result.gwh_a == pytest.approx([0.99, 1.08, 1.0])
    assert result.yield_source == ["Globalstrahlung", "Globalstrahlung", "Vorgabe des Anlagentyps"]
    assert result.notes[2] == "kein Wert aus Globalstrahlung: 1000 kWh/kWp (Vorgabe des Anlagentyps) verwendet"
    given_values = YieldSource("Feld ertrag", np.array([NAN, 1050.0, NAN]))
    result = potential("freiflaeche", *sites, setback_m=0, yields=(given_values, irradiation), default_yield=980)
    assert result.specific_kwh_kwp == pytest.approx([990, 1050, 980])
    assert result.yield_source == ["Globalstrahlung", "Feld ertrag", "Parameter"]
    assert result.co2_t_a == pytest.approx([0.99 * 860, 1.05 * 860, 0.98 * 860])


@pytest.mark.parametrize("options, message", [
    ({"yields": (YieldSource("Feld ertrag", np.array([50_000.0])),)}, "Feld ertrag von Objekt 0: 50000"),
    ({"default_yield": 10}, "Spezifischer Ertrag: 10 kWh/kWp"),
    ({"co2": 5000}, "CO₂-Faktor: 5000 g/kWh"),
    ({"setback_m": -3}, "mindestens 0 m"),
])
def test_absurd_values_are_refused(options, message):
    with pytest.raises(PvYieldError, match=message):
        potential("freiflaeche", box(0, 0, 100, 100), **options)


def test_irradiation_in_the_wrong_unit_is_refused():
    with pytest.raises(PvYieldError, match="Objekt 7: 3.1 kWh/m²·a.*Einheit"):
        yield_from_irradiation(TYPES.types["freiflaeche"], [1100, 3.1], "Globalstrahlung", ids=[3, 7])


def _broken(tmp_path, change):
    data = json.loads(TYPES_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "meine_typen.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, message", [
    (lambda d: d["types"][1].pop("mwp_per_ha"), "meine_typen.json, agri_pv_1, Feld „mwp_per_ha“: fehlt"),
    (lambda d: d["types"][0]["mwp_per_ha"].update(value=40), "freiflaeche, mwp_per_ha, Feld „value“: 40 liegt nicht"),
    (lambda d: d["types"][3]["shore_distance_m"].update(status="ok"), "floating, shore_distance_m, Feld „status“"),
    (lambda d: d["types"][3].pop("max_cover_share"), "floating, Feld „shore_distance_m“: Anteil und Uferabstand"),
    (lambda d: d["types"][2]["pvlib"].update(tilt_deg="senkrecht"), "agri_pv_2, pvlib, Feld „tilt_deg“: Zahl"),
    (lambda d: d["types"].append(dict(d["types"][0])), "freiflaeche, Feld „id“: kommt doppelt vor"),
    (lambda d: d.update(format="wip-heat-typology"), "meine_typen.json, Feld „format“"),
    (lambda d: d["co2_factor_g_kwh"].pop("source"), "co2_factor_g_kwh, Feld „source“: fehlt"),
    (lambda d: d["types"][0]["mwp_per_ha_by_build_year"][2].update(first_year=2012),
     r"mwp_per_ha_by_build_year\[2\], Feld „first_year“: die Zeiträume müssen lückenlos"),
])
def test_broken_types_files_are_named_precisely(tmp_path, change, message):
    with pytest.raises(PvYieldError, match=message):
        load_pv_types(_broken(tmp_path, change))


def test_a_types_file_that_is_no_json(tmp_path):
    path = tmp_path / "typen.json"
    path.write_text("{ kein JSON", encoding="utf-8")
    with pytest.raises(PvYieldError, match="typen.json: PV-Anlagentypen können nicht gelesen werden"):
        load_pv_types(path)


polygons = st.builds(
    lambda x, y, width, height, angle: rotate(box(x, y, x + width, y + height), angle),
    st.floats(-1000, 1000), st.floats(-1000, 1000), st.floats(1, 800), st.floats(1, 800), st.floats(0, 90))


@settings(max_examples=60, deadline=None)
@given(site=polygons, setback=st.floats(0, 200), more=st.floats(0, 200),
       type_id=st.sampled_from(["freiflaeche", "floating"]))
def test_usable_area_within_the_site_and_shrinking_with_the_setback(site, setback, more, type_id):
    narrow = potential(type_id, site, setback_m=setback).usable_ha[0]
    narrower = potential(type_id, site, setback_m=setback + more).usable_ha[0]
    assert 0 <= narrower <= narrow + 1e-9 <= shapely.area(site) / 1e4 + 1e-9


# -- pvlib ---------------------------------------------------------------------------------------------------------

def test_pvlib_inputs():
    assert module_faces(TYPES.types["freiflaeche"].pvlib) == [(20, 180, 1.0)]
    assert module_faces(TYPES.types["agri_pv_2"].pvlib) == [(90, 90, 1.0), (90, 270, 0.8)]  # east front, west rear
    groups, index = site_groups([51.501, 51.502, 52.3], [11.999, 12.001, 12.0])
    assert groups.tolist() == [[51.5, 12.0], [52.3, 12.0]] and index.tolist() == [0, 0, 1]
    hours = pd.date_range("2019-01-01 01:00", periods=3, freq="h", tz="Etc/GMT-1")
    assert interval_midpoints(hours, stamped_at_end=True)[0] == pd.Timestamp("2019-01-01 00:30", tz="Etc/GMT-1")
    assert interval_midpoints(hours, stamped_at_end=False)[0] == pd.Timestamp("2019-01-01 01:30", tz="Etc/GMT-1")
    assert inverter_dc_limit_kw() * 0.96 == pytest.approx(1 / 1.2)  # AC rating of one kWp at DC/AC 1.2
    assert weather_format("halle.EPW") == "epw" and weather_format("tmy_halle.csv") == "tmy3"
    with pytest.raises(PvYieldError, match="EPW"):
        weather_format("wetter.txt")


def test_a_weather_file_without_pvlib_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pv_yield, "pvlib_available", lambda: False)
    with pytest.raises(PvYieldError, match="pvlib.*nicht installiert.*pip install pvlib"):
        pv_yield.read_weather(tmp_path / "halle.epw")


def synthetic_weather(hours: pd.DatetimeIndex, latitude=51.5, longitude=12.0, clearness=0.62) -> pd.DataFrame:
    """Hour-ending values of a sunny but hazy year: the sun from the textbook formulas, GHI a share of clear sky,
    a fifth of it diffuse."""
    middle = hours - pd.Timedelta(minutes=30)
    day = middle.dayofyear.to_numpy()
    declination = np.radians(23.44) * np.sin(2 * np.pi * (284 + day) / 365)
    solar_time = middle.hour.to_numpy() + middle.minute.to_numpy() / 60 - 1 + longitude / 15  # file time is UTC+1
    angle = np.radians(15 * (solar_time - 12))
    lat = np.radians(latitude)
    sin_elevation = np.sin(lat) * np.sin(declination) + np.cos(lat) * np.cos(declination) * np.cos(angle)
    sun_up = sin_elevation > 0.05
    ghi = np.where(sun_up, clearness * 1100 * np.clip(sin_elevation, 0, 1) ** 1.15, 0.0)
    dhi = 0.2 * ghi
    dni = np.where(sun_up, (ghi - dhi) / np.where(sun_up, sin_elevation, 1), 0.0)
    return pd.DataFrame({"ghi": ghi, "dni": dni, "dhi": dhi, "temp_air": 10 + 8 * np.sin(2 * np.pi * (day - 110) / 365),
                         "wind_speed": 3.0}, index=hours)


def write_tmy3(path, weather):
    lines = ["722780,HALLE SYNTHETISCH,ST,1.0,51.5,12.0,100",
             "Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),DNI (W/m^2),DHI (W/m^2),Dry-bulb (C),Wspd (m/s)"]
    for stamp, row in weather.iterrows():
        hour = stamp.hour or 24
        date = stamp - pd.Timedelta(days=1) if stamp.hour == 0 else stamp
        lines.append(f"{date:%m/%d/%Y},{hour:02d}:00,{row.ghi:.1f},{row.dni:.1f},{row.dhi:.1f},{row.temp_air:.1f},"
                     f"{row.wind_speed:.1f}")
    path.write_text("\n".join(lines) + "\n")
    return path


def write_epw(path, weather):
    header = ["LOCATION,Halle synthetisch,ST,DEU,synthetisch,000000,51.5,12.0,1.0,100.0",
              "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0", "GROUND TEMPERATURES,0",
              "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,synthetisch", "COMMENTS 2,",
              "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31"]
    lines = []
    for stamp, row in weather.iterrows():
        date = stamp - pd.Timedelta(days=1) if stamp.hour == 0 else stamp
        fields = [date.year, date.month, date.day, stamp.hour or 24, 60, "?", row.temp_air, 5.0, 70, 101325,
                  0, 0, 300, row.ghi, row.dni, row.dhi, 0, 0, 0, 0, 180, row.wind_speed, 5, 5, 9999, 99999, 9,
                  999999999, 10, 0.1, 0, 88, 0.2, 0, 1.0]
        lines.append(",".join(f"{value:.1f}" if isinstance(value, float) else str(value) for value in fields))
    path.write_text("\n".join(header + lines) + "\n")
    return path


def test_pvlib_simulation_of_a_synthetic_year(tmp_path):
    pytest.importorskip("pvlib")
    hours = pd.date_range("2019-01-01 01:00", "2020-01-01 00:00", freq="h", tz="Etc/GMT-1")
    weather = synthetic_weather(hours)
    annual_ghi = weather["ghi"].sum() / 1000
    from_tmy3 = pv_yield.read_weather(write_tmy3(tmp_path / "halle.csv", weather))
    from_epw = pv_yield.read_weather(write_epw(tmp_path / "halle.epw", weather))
    assert len(from_tmy3) == len(from_epw) == 8760
    assert from_tmy3["ghi"].sum() / 1000 == pytest.approx(annual_ghi, rel=1e-3)
    south = pv_yield.simulated_yield(from_tmy3, [51.5, 51.5, 53.0], [12.0, 12.001, 12.0],
                                     TYPES.types["freiflaeche"].pvlib)
    assert south[0] == south[1] and south[2] != south[0]  # one simulation for sites a few metres apart
    assert pv_yield.simulated_yield(from_epw, [51.5], [12.0], TYPES.types["freiflaeche"].pvlib)[0] == pytest.approx(
        south[0], rel=1e-3)  # the same weather in either format
    # 20° south collects more than the horizontal; after losses: transposition × performance ratio 0.85–1.05
    assert 0.85 < south[0] / annual_ghi < 1.05
    flat = pv_yield.simulated_yield(from_tmy3, [51.5], [12.0], TYPES.types["floating"].pvlib)[0]
    assert flat < south[0]  # 12° collects less than 20° at 51.5° N
    bifacial = TYPES.types["agri_pv_2"].pvlib
    vertical = pv_yield.simulated_yield(from_tmy3, [51.5], [12.0], bifacial)[0]
    front_only = pv_yield.simulated_yield(from_tmy3, [51.5], [12.0], PvlibSetup(90, 90, 0, bifacial.losses_pct))[0]
    assert front_only < 0.75 * vertical and 0.7 * south[0] < vertical < 1.3 * south[0]
    dark = pv_yield.simulated_yield(from_tmy3.assign(ghi=0.0, dni=0.0, dhi=0.0), [51.5], [12.0],
                                    TYPES.types["freiflaeche"].pvlib)
    assert dark[0] == pytest.approx(0, abs=1e-6) and not math.isnan(dark[0])


def test_weather_files_pvlib_cannot_read(tmp_path):
    pytest.importorskip("pvlib")
    with pytest.raises(PvYieldError, match="nicht gefunden"):
        pv_yield.read_weather(tmp_path / "fehlt.epw")
    table = tmp_path / "messwerte.csv"
    table.write_text("zeit;wert\n2019-01-01;3\n")
    with pytest.raises(PvYieldError, match="messwerte.csv kann nicht als TMY3 gelesen werden"):
        pv_yield.read_weather(table)
