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
