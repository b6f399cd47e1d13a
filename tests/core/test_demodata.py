"""The seeded demo-data generator: determinism, geometric coherence, statistics, GeoPackage output."""

import sqlite3

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely import STRtree

from tools.demodata import ATTRIBUTION, extract_real, generate_synthetic, main, write_gpkg

SQUARE = shapely.box(700_000, 5_665_000, 704_000, 5_669_000)  # 4 km × 4 km in EPSG:25832
RESIDENTIAL = ["EFH", "RH", "MFH", "GMH"]


@pytest.fixture(scope="module")
def layers():
    return generate_synthetic(SQUARE, seed=1)


def fingerprint(layers):
    return {name: (shapely.to_wkb(layer.geometry.values).tolist(),
                   layer.drop(columns="geometry").to_dict("list")) for name, layer in layers.items()}


def overlap_area(a, b):
    i, j = STRtree(b).query(a, predicate="intersects")
    return shapely.area(shapely.intersection(a[i], b[j])).sum()


def test_same_seed_gives_identical_layers(layers):
    again = generate_synthetic(SQUARE, seed=1)
    assert list(again) == list(layers)
    assert fingerprint(again) == fingerprint(layers)


def test_other_seed_gives_other_layers(layers):
    other = fingerprint(generate_synthetic(SQUARE, seed=2))
    mine = fingerprint(layers)
    assert all(other[name] != mine[name] for name in ("synth_gebaeude", "synth_flurstuecke", "synth_wald"))


def test_geometries_are_valid_and_projected(layers):
    for name, layer in layers.items():
        geoms = layer.geometry.values
        assert layer.crs.to_epsg() == 25832, name
        assert shapely.is_valid(geoms).all(), name
        assert not shapely.is_empty(geoms).any(), name
        assert len(set(shapely.get_type_id(geoms))) <= 1, f"{name}: one geometry type per layer"
    for name in ("synth_siedlung", "synth_gebaeude", "synth_strassen", "synth_wald", "synth_gewaesser",
                 "synth_schutzgebiete", "synth_bergbau", "synth_landwirtschaft", "synth_flurstuecke",
                 "synth_autobahn", "synth_bahn", "synth_waermenetz"):
        assert len(layers[name]), f"{name} is empty"


def test_every_layer_is_marked_synthetic(layers):
    for name, layer in layers.items():
        assert name.startswith("synth_")
        description = layer.attrs["description"]
        assert "Synthetische Demodaten" in description and "keine amtlichen Daten" in description
        assert "seed 1" in description


def test_buildings_stand_in_settlements_along_streets(layers):
    buildings = layers["synth_gebaeude"].geometry.values
    settlements = shapely.union_all(layers["synth_siedlung"].geometry.values)
    assert shapely.covered_by(buildings, settlements.buffer(1e-6)).all()
    streets = STRtree(layers["synth_strassen"].geometry.values)
    distance = streets.query_nearest(buildings, return_distance=True)[1]
    assert distance.max() <= 40
    i, j = STRtree(buildings).query(buildings, predicate="intersects")
    assert shapely.area(shapely.intersection(buildings[i[i < j]], buildings[j[i < j]])).max(initial=0) < 0.01


def test_building_attributes_are_clean(layers):
    b = layers["synth_gebaeude"]
    assert set(b["gebaeudetyp"]) <= {"EFH", "RH", "MFH", "GMH", "NWG"}
    assert set(b["baualtersklasse"]) <= set("ABCDEFGHIJKL")
    assert b.notna().all().all()
    assert (b["geschosse"] >= 1).all() and b["geschosse"].dtype.kind == "i"
    assert np.allclose(b["grundflaeche_m2"], b.area, atol=0.06)
    assert b["gebaeude_id"].is_unique
    assert (b.loc[b["gebaeudefunktion"] == 2463, "gebaeudetyp"] == "NWG").all()


def test_parcels_tile_the_boundary(layers):
    parcels = layers["synth_flurstuecke"].geometry.values
    union = shapely.union_all(parcels)
    assert shapely.area(parcels).sum() == pytest.approx(union.area, rel=1e-6)   # no overlaps
    assert union.intersection(SQUARE).area >= 0.95 * SQUARE.area
    assert layers["synth_flurstuecke"]["flurstueck_id"].is_unique


def test_fields_lie_in_open_land(layers):
    fields = layers["synth_landwirtschaft"].geometry.values
    for other in ("synth_wald", "synth_gewaesser", "synth_siedlung"):
        assert overlap_area(fields, layers[other].geometry.values) < 1.0, other
    assert shapely.covered_by(fields, SQUARE.buffer(1e-6)).all()
    assert layers["synth_landwirtschaft"]["ackerzahl"].between(20, 95).all()


def test_mining_land_is_coherent(layers):
    mining = layers["synth_bergbau"]
    assert set(mining["kategorie"]) <= {"Tagebau", "Kippe", "Sperrbereich"}
    kippe = shapely.union_all(mining.geometry.values[mining["kategorie"] == "Kippe"])
    restricted = mining.geometry.values[mining["kategorie"] == "Sperrbereich"]
    assert shapely.covered_by(restricted, kippe.buffer(1e-6)).all()
    lakes = layers["synth_gewaesser"]
    lake = lakes.geometry.values[lakes["art"] == "Tagebausee"]
    assert len(lake) and lakes.loc[lakes["art"] == "Tagebausee", "kuenstlich"].all()
    assert 30 <= shapely.area(lake).sum() / 1e4 <= 300


def test_traffic_keeps_off_the_settlements(layers):
    town_blocks = shapely.union_all(layers["synth_siedlung"].geometry.values)
    assert not shapely.intersects(layers["synth_autobahn"].geometry.values, town_blocks).any()
    mainline = layers["synth_bahn"][layers["synth_bahn"]["gleise"] == 2]
    assert len(mainline) and (mainline["netz"] == "übergeordnetes Netz (§ 2b AEG)").all()


def test_statistics_drive_buildings_and_heat():
    stats = {"buildings.buildings_total": 300, "buildings.buildings_heatnet": 90,
             "buildings.buildings_until_1919": 50, **{f"buildings.buildings_{b}": 0 for b in (
                 "1919_1948", "1949_1978", "1979_1986", "1987_1990", "1991_1995", "1996_2000", "2001_2004",
                 "2005_2008", "2009_2011")}}
    buildings = generate_synthetic(SQUARE, seed=3, stats=stats)["synth_gebaeude"]
    residential = buildings[buildings["gebaeudetyp"].isin(RESIDENTIAL)]
    inside = residential[residential.within(SQUARE)]
    assert 0.8 * 300 <= len(inside) <= 1.05 * 300
    assert residential["waermenetz"].sum() == 90
    # all of it built before 1919, apart from the new buildings after the census (K, L)
    assert set(residential["baualtersklasse"]) <= {"A", "B", "K", "L"}


def test_multipolygon_boundary_and_district_scale():
    boundary = shapely.MultiPolygon([shapely.box(0, 0, 3000, 3000), shapely.box(4000, 0, 7000, 3000)])
    boundary = shapely.affinity.translate(boundary, 690_000, 5_660_000)
    municipality = generate_synthetic(boundary, seed=5)
    district = generate_synthetic(boundary, seed=5, scale="district")
    for layers in (municipality, district):
        parcels = layers["synth_flurstuecke"].geometry.values
        assert shapely.union_all(parcels).area >= 0.95 * boundary.area
        assert all(shapely.is_valid(layer.geometry.values).all() for layer in layers.values())
    assert len(district["synth_schutzgebiete"]) > len(municipality["synth_schutzgebiete"])
    with pytest.raises(ValueError, match="scale"):
        generate_synthetic(boundary, scale="state")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31 - 1))
def test_invariants_hold_for_any_seed(seed):
    boundary = shapely.box(700_000, 5_665_000, 703_000, 5_668_000)
    layers = generate_synthetic(boundary, seed=seed)
    for layer in layers.values():
        assert shapely.is_valid(layer.geometry.values).all()
    buildings = layers["synth_gebaeude"].geometry.values
    assert shapely.covered_by(buildings, shapely.union_all(layers["synth_siedlung"].geometry.values)
                              .buffer(1e-6)).all()
    parcels = layers["synth_flurstuecke"].geometry.values
    assert shapely.area(parcels).sum() == pytest.approx(shapely.union_all(parcels).area, rel=1e-6)


def test_write_gpkg_is_deterministic_and_keeps_descriptions(layers, tmp_path):
    table = pd.DataFrame({"ags": ["00000000"], "population.total": [1]})
    table.attrs["description"] = "Tabelle ohne Geometrie"
    everything = {**layers, "real_statistik": table}
    first, second = tmp_path / "a.gpkg", tmp_path / "b.gpkg"
    write_gpkg(everything, first)
    write_gpkg(everything, first)  # overwrites
    write_gpkg(everything, second)
    assert first.read_bytes() == second.read_bytes()
    assert {name for name, _ in pyogrio.list_layers(first)} == set(everything)
    with sqlite3.connect(first) as db:
        contents = dict(db.execute("SELECT table_name, description FROM gpkg_contents"))
        kinds = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert contents["synth_gebaeude"] == layers["synth_gebaeude"].attrs["description"]
    assert kinds["real_statistik"] == "attributes" and contents["real_statistik"] == "Tabelle ohne Geometrie"
    back = pyogrio.read_dataframe(first, layer="synth_gebaeude")
    assert len(back) == len(layers["synth_gebaeude"]) and back.crs.to_epsg() == 25832


def test_real_extract_is_hohenmoelsen():
    real = extract_real()
    gemeinde = real["real_gemeinde"]
    assert gemeinde["GEN"].tolist() == ["Hohenmölsen"] and gemeinde["AGS"].tolist() == ["15084235"]
    assert list(gemeinde.columns) == ["AGS", "RS", "GEN", "BEZ", "geometry"]
    assert gemeinde.area.sum() / 1e6 == pytest.approx(75, abs=2)
    assert {"Zeitz", "Teuchern", "Weißenfels"} <= set(real["real_nachbargemeinden"]["GEN"])
    assert "15084235" not in set(real["real_nachbargemeinden"]["AGS"])
    boundary = shapely.union_all(gemeinde.geometry.values)
    wea = real["real_wea_bestand"]
    assert len(wea) and shapely.dwithin(wea.geometry.values, boundary, 5000).all()
    assert {"Year", "Power_kW", "Hub_m", "Dia_m"} <= set(wea.columns)
    assert shapely.dwithin(real["real_uw_uebertragungsnetz"].geometry.values, boundary, 25_000).all()
    assert real["real_statistik"]["ags"].tolist() == ["15084235"]
    assert real["real_statistik"]["population.total"].iloc[0] == 9405
    for name, layer in real.items():
        assert layer.attrs["description"] == ATTRIBUTION[name]


def test_command_line_writes_the_demo(tmp_path, capsys):
    out = tmp_path / "demo.gpkg"
    assert main(["--out", str(out), "--seed", "42"]) == 0
    names = {name for name, _ in pyogrio.list_layers(out)}
    assert {"real_gemeinde", "real_statistik", "synth_gebaeude", "synth_flurstuecke"} <= names
    assert out.stat().st_size < 10e6
    assert "synth_gebaeude" in capsys.readouterr().out
