"""Criteria catalogs: the shipped ones validate, broken ones say exactly what is wrong, layers are suggested."""

import json

import pytest

from wip_qgis_plugin.core.catalog import (
    CatalogError,
    LayerDescription,
    TurbineGeometry,
    load_catalog,
    shipped_catalogs,
    suggest_layers,
)

EXPECTED = {"lsa_wind": "wind", "lsa_pv_freiflaeche": "pv_ground", "lsa_agri_pv": "agri_pv",
            "lsa_floating_pv": "floating_pv", "lsa_gewerbe": "commerce"}


@pytest.mark.parametrize("catalog_id", sorted(EXPECTED))
def test_each_shipped_catalog_validates(catalog_id):
    catalog = load_catalog(shipped_catalogs()[catalog_id])
    assert catalog.id == catalog_id
    assert catalog.criteria
    for criterion in catalog.criteria:
        assert criterion.label["de"] and criterion.label["en"] and criterion.legal_basis and criterion.source
        assert criterion.layer_hints


def test_shipped_catalog_technologies():
    assert {cid: load_catalog(path).technology for cid, path in shipped_catalogs().items()} == EXPECTED


def test_pv_corridors_and_post_mining_land_are_in_the_pv_catalog():
    catalog = load_catalog(shipped_catalogs()["lsa_pv_freiflaeche"])
    types = {c.id: (c.type, c.distance.metres) for c in catalog.criteria}
    privileged = [c for c in catalog.criteria if c.type == "privileged"]
    assert any(c.distance.metres == 200 and "35" in c.legal_basis for c in privileged)
    assert any(c.distance.metres == 500 and "EEG" in c.legal_basis for c in privileged)
    assert any(kind == "hard" and "sperr" in cid for cid, (kind, _) in types.items())


def test_wind_distances_follow_the_turbine():
    catalog = load_catalog(shipped_catalogs()["lsa_wind"])
    turbine = TurbineGeometry(hub_height=160, rotor_diameter=160)
    distances = {c.id: c.distance.resolve(turbine) for c in catalog.criteria}
    assert distances["autobahn_abstand"] == 240  # one total height (Kipphöhe)
    assert distances["freileitung"] == 480  # three rotor diameters
    assert distances["autobahn_anbauverbot"] == 40 + 80  # 40 m plus the blade length


def _write(tmp_path, data):
    path = tmp_path / "mein_katalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def entry(data: dict, criterion_id: str) -> dict:
    return next(criterion for criterion in data["criteria"] if criterion["id"] == criterion_id)


@pytest.fixture
def wind_data():
    return json.loads(shipped_catalogs()["lsa_wind"].read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.pop("technology"), ["mein_katalog.json", "technology"]),
    (lambda d: d.update(technology="kernkraft"), ["technology", "kernkraft"]),
    (lambda d: d["criteria"][2].update(type="sehr hart"), ["Kriterium 3", "wohngebaeude_abstand", "type"]),
    (lambda d: d["criteria"][0]["distance"].update(metres=-5), ["Kriterium 1", "metres"]),
    (lambda d: d["criteria"][3]["distance"].update(of="nabe"), ["Kriterium 4", "of", "nabe"]),
    (lambda d: d["criteria"][1].update(effective_date="31.12.2026"), ["Kriterium 2", "effective_date"]),
    (lambda d: d["criteria"][1]["label"].pop("en"), ["Kriterium 2", "label"]),
    (lambda d: d["criteria"].append(dict(d["criteria"][0])), ["doppelt", "siedlungsflaeche"]),
    (lambda d: d.update(criteria=[]), ["criteria"]),
    (lambda d: entry(d, "gewaesser_ufer").update(min_feature_ha=0), ["gewaesser_ufer", "min_feature_ha"]),
    (lambda d: entry(d, "autobahn_abstand").update(min_feature_ha=1.0),
     ["autobahn_abstand", "min_feature_ha", "polygon"]),
])
def test_broken_catalogs_name_file_entry_and_field(tmp_path, wind_data, change, expected):
    change(wind_data)
    with pytest.raises(CatalogError) as error:
        load_catalog(_write(tmp_path, wind_data))
    for text in expected:
        assert text in str(error.value)


def test_unreadable_json_names_line_and_column(tmp_path):
    path = tmp_path / "kaputt.json"
    path.write_text('{\n  "format": "wip-criteria-catalog",\n  "id": }', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"kaputt.json, Zeile 3"):
        load_catalog(path)


def test_oversized_and_deeply_nested_files_are_named(tmp_path, monkeypatch):
    from wip_qgis_plugin.core import json_reader

    deep = tmp_path / "tief.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CatalogError, match="tief.json: die JSON-Struktur ist zu tief verschachtelt"):
        load_catalog(deep)
    big = tmp_path / "gross.json"
    big.write_text(json.dumps({"padding": "x" * 3_000_000}), encoding="utf-8")
    monkeypatch.setattr(json_reader, "MAX_JSON_MB", 2)  # the real limit is 20 MB; the file stays small
    with pytest.raises(CatalogError, match="gross.json: 3 MB sind zu groß für eine Datendatei"):
        load_catalog(big)


def test_a_copied_and_edited_catalog_is_used(tmp_path, wind_data):
    wind_data["id"] = "mein_wind"
    wind_data["criteria"][2]["distance"]["metres"] = 800
    catalog = load_catalog(_write(tmp_path, wind_data))
    assert catalog.id == "mein_wind"
    assert catalog.criterion("wohngebaeude_abstand").distance.resolve(TurbineGeometry(160, 160)) == 800


def test_layers_are_suggested_by_name_kind_and_fields():
    catalog = load_catalog(shipped_catalogs()["lsa_wind"])
    layers = [LayerDescription("Gebäude ALKIS", "polygon", ("gebaeudefunktion",)),
              LayerDescription("synth_bahn", "line", ()), LayerDescription("synth_autobahn", "line", ()),
              LayerDescription("Naturschutzgebiete", "polygon", ("kategorie",)),
              LayerDescription("schutzgebiete_ohne_feld", "polygon", ())]
    assert suggest_layers(catalog.criterion("wohngebaeude_abstand"), layers) == ["Gebäude ALKIS"]
    assert suggest_layers(catalog.criterion("bahnstrecke"), layers) == ["synth_bahn"]  # not "autobahn"
    assert suggest_layers(catalog.criterion("naturschutzgebiet"), layers) == ["Naturschutzgebiete"]


LEGAL_STATE = [
    # § 9 Abs. 2b FStrG (since 29.12.2023): only the rotor in the 100 m zone needs a statement, no consent
    ("lsa_wind", "autobahn_abstand", "type", "soft"),
    ("lsa_wind", "autobahn_abstand", "effective_date", "2023-12-29"),
    ("lsa_wind", "autobahn_anbauverbot", "type", "hard"),  # § 9 Abs. 1 FStrG: 40 m + blade length stands
    # LWaldG LSA: the ban on wind energy in forest lifted by the Landtag on 2 July 2024
    ("lsa_wind", "wald", "type", "soft"),
    ("lsa_wind", "wald", "effective_date", "2024-07-02"),
    # § 61 Abs. 1 BNatSchG: 50 m from standing waters over 1 ha, for wind and PV alike, hard (exceptions: Abs. 3)
    *[(catalog, "gewaesser_ufer", field, value) for catalog in ("lsa_wind", "lsa_pv_freiflaeche", "lsa_agri_pv")
      for field, value in (("type", "hard"), ("min_feature_ha", 1.0), ("metres", 50.0), ("status", "checked"))],
    # § 30 BNatSchG: protected biotopes are no place for PV
    ("lsa_pv_freiflaeche", "geschuetztes_biotop", "type", "hard"),
    ("lsa_agri_pv", "geschuetztes_biotop", "type", "hard"),
    # Solarpaket I (in force 16.05.2024): benachteiligte Gebiete open by federal law; the FFAVO LSA 2022 no longer rules
    ("lsa_pv_freiflaeche", "benachteiligtes_gebiet", "effective_date", "2024-05-16"),
    # LSA guidance for PV: biosphere reserves excluded, nature parks weighed
    ("lsa_pv_freiflaeche", "biosphaerenreservat", "type", "hard"),
    ("lsa_pv_freiflaeche", "naturpark", "type", "soft"),
    # § 249 Abs. 10 BauGB (since 01.02.2023): from twice the total height no visually overpowering effect as a rule
    ("lsa_wind", "wohngebaeude_2h", "type", "soft"),
    ("lsa_wind", "wohngebaeude_2h", "effective_date", "2023-02-01"),
    # §§ 51, 52 WHG: zones I and II of water protection areas forbid structures, for wind and PV alike
    *[(catalog, "wasserschutzgebiet", "type", "hard") for catalog in ("lsa_wind", "lsa_pv_freiflaeche", "lsa_agri_pv")],
    # § 61 Abs. 1 BNatSchG: 50 m from federal waterways and first-order rivers, as lines (axes) or areas
    *[(catalog, "fliessgewaesser_ufer", field, value) for catalog in ("lsa_wind", "lsa_pv_freiflaeche", "lsa_agri_pv")
      for field, value in (("type", "hard"), ("metres", 50.0), ("geometry", "any"))],
    # §§ 12, 17 LuftVG: within 4 km of an airfield structures over 25 m only with the aviation authority's consent
    ("lsa_wind", "flugplatz_bauschutzbereich", "type", "soft"),
    ("lsa_wind", "flugplatz_bauschutzbereich", "metres", 4000.0),
    # § 18a LuftVG: the DFS review radius around Doppler VOR cut from 15 to 7 km on 01.08.2022; the BAF decides
    ("lsa_wind", "flugsicherung_dvor", "metres", 7000.0),
    ("lsa_wind", "flugsicherung_dvor", "effective_date", "2022-08-01"),
    # § 18a LuftVG since 14.02.2026 also for military radar: a review area, no exclusion
    ("lsa_wind", "radar_pruefbereich", "type", "weighing"),
    ("lsa_wind", "radar_pruefbereich", "metres", 50000.0),
    # DenkmSchG LSA: the World Heritage area a soft exclusion, its surroundings weighed (10 km: the regional planning
    # authority's assessment for the Gartenreich Dessau-Wörlitz of 21.03.2025)
    ("lsa_wind", "welterbe", "type", "soft"),  # a permit the authority must refuse on considerable harm, no ban
    ("lsa_wind", "welterbe_umgebung", "type", "soft"),
    ("lsa_wind", "welterbe_umgebung", "metres", 10000.0),
]


def test_the_presumption_of_paragraph_249_10_is_twice_the_total_height():
    from wip_qgis_plugin.core.catalog import TurbineGeometry

    criterion = load_catalog(shipped_catalogs()["lsa_wind"]).criterion("wohngebaeude_2h")
    assert criterion.distance.resolve(TurbineGeometry(165, 170)) == pytest.approx(2 * (165 + 85))
    assert criterion.attribute_filter.describe() == "gebaeudefunktion < 2000"  # residential buildings only
    assert criterion.legal_basis == "§ 249 Abs. 10 BauGB"
    water = load_catalog(shipped_catalogs()["lsa_pv_freiflaeche"]).criterion("wasserschutzgebiet")
    assert list(water.attribute_filter.values) == ["I", "II"]


def test_first_order_rivers_are_chosen_by_their_dedication():
    import pandas as pd

    river = load_catalog(shipped_catalogs()["lsa_wind"]).criterion("fliessgewaesser_ufer")
    # ATKIS Widmung: 1310 Bundeswasserstraße, 1320 Gewässer I. Ordnung nach Landesrecht; 1330 (II. Ordnung) is not
    widmung = pd.Series([1310, 1320, 1330, None])
    assert list(river.attribute_filter.mask(widmung)) == [True, True, False, False]
    assert "§ 61 Abs. 1 BNatSchG" in river.legal_basis and "GeoInfoDok" in river.source


@pytest.mark.parametrize("catalog_id, criterion_id, field, expected", LEGAL_STATE)
def test_criteria_follow_the_legal_state_of_late_2026(catalog_id, criterion_id, field, expected):
    criterion = load_catalog(shipped_catalogs()[catalog_id]).criterion(criterion_id)
    value = {"metres": criterion.distance.metres, "effective_date": criterion.effective_date.isoformat()}.get(
        field, getattr(criterion, field, None))
    assert value == expected


def test_the_legal_texts_say_what_changed():
    wind = load_catalog(shipped_catalogs()["lsa_wind"])
    assert "2b" in wind.criterion("autobahn_abstand").legal_basis
    assert "2. Juli 2024" in wind.criterion("wald").legal_basis
    pv = load_catalog(shipped_catalogs()["lsa_pv_freiflaeche"])
    assert "Solarpakets I" in pv.criterion("benachteiligtes_gebiet").legal_basis
    assert "FFAVO" in pv.criterion("benachteiligtes_gebiet").note_text()  # said to be no longer the rule
    floating = load_catalog(shipped_catalogs()["lsa_floating_pv"]).criterion("kein_kuenstliches_gewaesser")
    assert "erheblich veränderte" in floating.legal_basis  # § 36 Abs. 3 WHG


def test_wind_area_targets_know_the_official_areas_of_the_neighbouring_states():
    """WindBG Anlage, column 3: Sachsen 18,449.93 km², Thüringen 16,202.39 km²."""
    from wip_qgis_plugin.core.targets import TARGETS_FILE

    states = {state["name"]: state for state in json.loads(TARGETS_FILE.read_text(encoding="utf-8"))["states"]}
    assert states["Sachsen"]["official_area_km2"] == 18449.93
    assert states["Thüringen"]["official_area_km2"] == 16202.39
