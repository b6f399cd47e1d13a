"""The register of the plugin's defaults: every figure of the shipped data files and every criterion with what it
is, its value, source, status and date; entries found by their key; the report's appendix."""

import datetime
import re

import pytest

from wip_qgis_plugin.core import i18n
from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs
from wip_qgis_plugin.core.json_reader import STATUSES, read_json
from wip_qgis_plugin.core.sources import FILES, RESOURCES, entry, register, report_register

pytestmark = pytest.mark.usefixtures("german")  # every test starts in German


def _sourced(data) -> int:
    """How many objects in ``data`` carry a source and a status."""
    if isinstance(data, list):
        return sum(_sourced(item) for item in data)
    if not isinstance(data, dict):
        return 0
    return ("source" in data and "status" in data) + sum(_sourced(value) for value in data.values())


def test_every_shipped_default_carries_its_source_status_and_date():
    entries = register()
    expected = sum(_sourced(read_json(RESOURCES / name, ValueError)) for name in FILES)
    expected += sum(len(load_catalog(path).criteria) for path in shipped_catalogs().values())
    assert len(entries) == expected  # every sourced figure of the data files and every criterion
    for item in entries:
        assert item.topic and "_" not in item.topic, item.key  # named in words, not by the file's keys
        assert item.value and item.source and item.status in STATUSES, item.key
        datetime.date.fromisoformat(item.date)
    areas = list(dict.fromkeys(item.area for item in entries))
    assert areas[:2] == ["Energie- und Treibhausgasbilanz: Vorgaben Sachsen-Anhalt",
                         "Vorgaben für Windparks im Mitteldeutschen Revier"]
    assert not [item for item in entries if re.search(r"DOMAIN|DESIGN|shared/", item.source)]


def test_entries_are_found_by_their_key_and_read_as_a_planner_reads_them():
    grid = entry("balance/balance_defaults.json", "electricity_mix_g_kwh", "published")
    assert grid.topic == "Emissionsfaktor Strom (Bundesmix), veröffentlicht"
    assert grid.value.startswith("1990: 860; 1995: 814") and grid.value.endswith("2024: 427 g CO₂e/kWh")
    assert "Climate Change 13/2025" in grid.source and grid.status == "checked" and grid.date == "2025-04-01"
    density = entry("yield/pv_types.json", "types", 0, "mwp_per_ha_by_build_year", 2)
    assert density.topic == "Freiflächen-PV, Leistungsdichte nach Baujahr, 2011–2011" and density.value == "0,47 MWp/ha"
    wind = entry("yield/wind_defaults.json", "mean_wind_ms")
    assert wind.value == "5,80 m/s" and wind.status == "secondary"
    river = entry("catalogs/lsa_wind.json", "fliessgewaesser_ufer")
    assert river.value == "50 m" and "§ 61 Abs. 1 BNatSchG" in river.legal_basis and river.date == "2010-03-01"
    assert "Rechtsgrundlage: § 61 Abs. 1 BNatSchG" in river.tooltip() and "Stand 01.03.2010" in river.tooltip()
    with pytest.raises(KeyError, match="yield/wind_defaults.json › hub_height"):
        entry("yield/wind_defaults.json", "hub_height")
    target = entry("targets/wind_area_targets.json", "states", 0)
    assert target.topic == "Flächenbeitragswert Land: Sachsen-Anhalt"
    assert target.value == "1,80 % bis 2027; 2,20 % bis 2032"


def test_the_register_follows_the_language():
    german_topic = entry("yield/wind_defaults.json", "wake_loss_pct").topic
    i18n.set_translator(lambda text: {"Parkverluste": "Wake losses"}.get(text, text), "en")
    assert entry("yield/wind_defaults.json", "wake_loss_pct").topic == "Wake losses" != german_topic


def test_a_reports_register_leaves_out_the_balance_and_the_catalogs_it_does_not_show():
    # the eligible land of the wind catalog, its title as the eligibility run wrote it (German or English)
    for title in ("Windenergie an Land – Sachsen-Anhalt", "Onshore wind – Saxony-Anhalt"):
        files = {item.key[0] for item in report_register({title})}
        assert "catalogs/lsa_wind.json" in files and "catalogs/lsa_pv_freiflaeche.json" not in files
        assert "balance/balance_defaults.json" not in files and "yield/wind_defaults.json" in files
    assert not any(item.key[0].startswith("catalogs/") for item in report_register(set()))
