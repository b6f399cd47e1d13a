"""The register of every default the plugin ships: each figure of the data files in ``resources/`` with what it is,
its value, legal basis, source, status and date (the rule's effective date, or the file's "Stand"), as the report's
appendix and the docks' tooltips show them.

The data files stay the one place of their figures; the register only reads them. Entries are the objects that
carry a ``source`` and a ``status``: criteria of the catalogs, figures with a ``value``, year series with
``values``, reference turbines, wind-area targets. What an entry is comes from the nearest ``label`` or ``name``
above it and the glossary of the files' keys below.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .balance import carrier_label, sector_label
from .catalog import Catalog, Criterion, load_catalog, shipped_catalogs, status_label
from .i18n import current_translator, format_date, format_number, localised, tr
from .json_reader import read_json

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BALANCE_FILE = "balance/balance_defaults.json"
# the data files of the register, in the order of the appendix; the catalogs follow them
FILES = (BALANCE_FILE, "yield/wind_defaults.json", "yield/turbines.json", "yield/pv_types.json",
         "yield/rooftop_pv.json", "zoning/uses.json", "targets/wind_area_targets.json", "measures/measure_types.json")


class SourcesError(ValueError):
    """A shipped data file whose register cannot be read."""


@dataclass(frozen=True)
class SourceEntry:
    area: str  # the data file's title
    topic: str
    value: str  # with its unit, as a planner reads it
    legal_basis: str
    source: str
    status: str
    date: str  # ISO date: the rule's effective date or the file's "Stand"
    key: tuple = ()  # the file (relative to resources/) and the path of keys to the entry

    def tooltip(self) -> str:
        """The entry as the docks show it beside a default."""
        lines = [f"{self.topic}: {self.value}"]
        if self.legal_basis:
            lines.append(tr("Rechtsgrundlage: {basis}").format(basis=self.legal_basis))
        lines.append(tr("Quelle: {source}").format(source=self.source))
        lines.append(tr("Status: {status}, Stand {date}").format(
            status=status_label(self.status), date=format_date(datetime.date.fromisoformat(self.date))))
        return "\n".join(lines)


def criterion_entry(catalog: Catalog, criterion: Criterion, file_name: str = "") -> SourceEntry:
    """A criterion of any catalog, the planner's own included, as an entry of the register."""
    return SourceEntry(catalog.title_text(), criterion.label_text(), criterion.distance.describe(),
                       criterion.legal_basis, criterion.source, criterion.status,
                       criterion.effective_date.isoformat(), (file_name, criterion.id))


def _glossary() -> dict[str, tuple[str, str]]:
    """Key of the data files → (what it is, unit)."""
    return {
        "emission_factors_g_kwh": (tr("Emissionsfaktor"), "g CO₂e/kWh"),
        "fernwaerme_erneuerbar": (tr("Fernwärme erneuerbar"), ""),
        "electricity_mix_g_kwh": (tr("Emissionsfaktor Strom (Bundesmix)"), "g CO₂e/kWh"),
        "electricity_renewable_share": (tr("Erneuerbarer Anteil am Bruttostromverbrauch"), ""),
        "published": (tr("veröffentlicht"), ""), "scenario": (tr("Szenario"), ""), "target": (tr("Ziel"), ""),
        "neutrality": (tr("Treibhausgasneutralität"), ""),
        "district_heat_renewable_share": (tr("Erneuerbarer Anteil Fernwärme"), ""), "base": (tr("Basisjahr"), ""),
        "full_load_hours": (tr("Volllaststunden Bestand"), "h/a"),
        "electricity_kwh_per_capita": (tr("Strom je Einwohner"), "kWh/a"),
        "heat_kwh_per_capita": (tr("Wärme je Einwohner"), "kWh/a"),
        "heating_stock_lsa": (tr("Heizungsbestand Sachsen-Anhalt"), tr("Wohnungen")),
        "efficiency": (tr("Wirkungsgrad"), ""), "heat_pump_cop": (tr("Jahresarbeitszahl Wärmepumpe"), ""),
        "decentral_heat_2045": (tr("Anteil an dezentraler Wärme 2045"), ""),
        "dwelling_area_m2": (tr("Beheizte Fläche je Wohnung"), "m²"),
        "renovation": (tr("Sanierung"), ""), "rate": (tr("Rate"), "1/a"), "depth": (tr("Tiefe"), ""),
        "transport_kwh_per_capita": (tr("Verkehr je Einwohner"), "kWh/a"),
        "transport_electric_ratio": (tr("Endenergie elektrisch je Endenergie Kraftstoff"), ""),
        "transport_electric_2045": (tr("Anteil elektrischer Verkehr 2045"), ""),
        "population_statistics_year": (tr("Jahr der Einwohnerzahl der Gemeindestatistik"), ""),
        "population_forecast": (tr("Bevölkerungsprognose"), ""),
        "co2_factor_g_kwh": (tr("Vermiedene Emissionen je kWh PV-Strom"), "g CO₂e/kWh"),
        "mwp_per_ha": (tr("Leistungsdichte"), "MWp/ha"),
        "mwp_per_ha_by_build_year": (tr("Leistungsdichte nach Baujahr"), "MWp/ha"),
        "setback_m": (tr("Randabstand"), "m"), "specific_yield_kwh_kwp": (tr("Spezifischer Ertrag"), "kWh/kWp"),
        "kwh_kwp_per_kwh_m2": (tr("Ertrag je Einstrahlung"), "kWh/kWp je kWh/m²"),
        "pvlib": (tr("Anlagenmodell für pvlib"), ""),
        "privileged_max_ha": (tr("Größte privilegierte Anlage"), "ha"),
        "max_cover_share": (tr("Größter belegter Anteil der Wasserfläche"), ""),
        "shore_distance_m": (tr("Uferabstand"), "m"),
        "mean_wind_ms": (tr("Mittlere Windgeschwindigkeit"), "m/s"), "wake_loss_pct": (tr("Parkverluste"), "%"),
        "availability_pct": (tr("Technische Verfügbarkeit"), "%"),
        "electrical_loss_pct": (tr("Elektrische Verluste"), "%"), "curtailment_pct": (tr("Abschaltungen"), "%"),
        "foundation_inset_m": (tr("Fundamentabstand zum Flächenrand"), "m"),
        "mw_per_ha": (tr("Leistung je Fläche"), "MW/ha"), "full_load_h": (tr("Volllaststunden"), "h/a"),
        "farmland_take": (tr("Anteil der Fläche, der der Landwirtschaft verloren geht"), ""),
        "min_cluster_ha": (tr("Kleinste zusammenhängende Fläche"), "ha"),
        "max_share_pct": (tr("Größter Anteil an der Gemeindefläche"), "%"),
        "incompatible": (tr("Nicht nebeneinander"), ""), "uses": (tr("Nutzung"), ""), "types": ("", ""),
        "states": (tr("Flächenbeitragswert Land"), ""), "regions": (tr("Flächenbeitragswert Planungsregion"), ""),
        "turbines": (tr("Referenzanlage"), ""),
        "rooftop_realised_share": (tr("Realisierter Anteil des Dachpotenzials"), ""), "path": (tr("Ausbaupfad"), ""),
        "module_kwp_per_m2": (tr("Modulleistung je Fläche"), "kWp/m²"),
        "edge_setback_m": (tr("Randabstand auf dem Dach"), "m"),
        "min_usable_m2": (tr("Kleinste nutzbare Dachfläche"), "m²"),
        "module_share_pitched": (tr("Mit Modulen belegter Anteil geneigter Dachflächen"), ""),
        "flat_tilt_limit_deg": (tr("Flachdach bis zur Neigung"), "°"),
        "flat_module_tilt_deg": (tr("Modulneigung auf Flachdächern"), "°"),
        "ground_cover_ratio_flat": (tr("Belegungsgrad auf Flachdächern"), ""),
        "specific_yield_optimum_kwh_kwp": (tr("Spezifischer Ertrag der besten Ausrichtung"), "kWh/kWp"),
        "diffuse_share": (tr("Diffusanteil der Globalstrahlung"), ""), "albedo": (tr("Albedo"), ""),
        "pvlib_losses_pct": (tr("Systemverluste der pvlib-Simulation"), "%"),
        "class_very_good": (tr("Eignung „sehr gut“ ab"), ""), "class_good": (tr("Eignung „gut“ ab"), ""),
        "class_suitable": (tr("Eignung „geeignet“ ab"), ""), "footprint": (tr("Methode aus Grundrissen"), ""),
        "pitched_tilt_deg": (tr("Dachneigung"), "°"),
        "investment_eur_per_unit": (tr("Investition (Schätzung)"), ""),
        "annual_eur_per_unit": (tr("Jährliche Kosten (Schätzung)"), ""),
        "target_path": (tr("Zielpfad"), ""), "neutrality_year": (tr("Jahr der Treibhausgasneutralität"), ""),
        "pitched_usable_share": (tr("Nutzbarer Anteil geneigter Dächer"), ""),
        "flat_usable_share": (tr("Nutzbarer Anteil von Flachdächern"), ""),
    }


def _key_label(key: str, glossary: dict) -> tuple[str, str]:
    if key in glossary:
        return glossary[key]
    label = carrier_label(key)
    if label == key:
        label = sector_label(key)
    return label, ""


def _number(value) -> str:
    value = float(value)
    decimals = 0 if value.is_integer() or abs(value) >= 100 else 2 if abs(value) < 10 else 1
    return format_number(value, decimals)


def _value(entry: dict, unit: str) -> str:
    suffix = f" {unit}" if unit else ""
    if isinstance(entry.get("value"), int) and 1900 <= entry["value"] <= 2100 and not unit:  # a year
        return str(entry["value"])
    if "value" in entry and isinstance(entry["value"], (int, float)):
        return _number(entry["value"]) + suffix
    if isinstance(entry.get("values"), dict):
        return "; ".join(f"{year}: {_number(value)}" for year, value in entry["values"].items()) + suffix
    if isinstance(entry.get("change"), (int, float)):
        return tr("{change} % von {first} bis {last}").format(change=_number(100 * entry["change"]),
                                                               first=entry.get("from_year"), last=entry.get("to_year"))
    if isinstance(entry.get("targets"), list):
        return "; ".join(tr("{pct} % bis {year}").format(pct=_number(target["pct"]), year=target["year"])
                         for target in entry["targets"])
    if isinstance(entry.get("rated_kw"), (int, float)):
        return f"{_number(entry['rated_kw'] / 1000)} MW"
    if isinstance(entry.get("uses"), list):
        return " – ".join(map(str, entry["uses"]))
    if "tilt_deg" in entry:
        return tr("Neigung {tilt}°, Azimut {azimuth}°, Verluste {losses} %").format(
            tilt=_number(entry["tilt_deg"]), azimuth=_number(entry["azimuth_deg"]), losses=_number(entry["losses_pct"]))
    return "–"


def _entries(data, path: tuple, named: tuple[str, int], file_date: str, area: str, glossary: dict,
             found: list) -> None:
    """Collect the entries below ``data`` (at ``path``); ``named`` is the nearest label above and its depth."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            _entries(item, path + (index,), named, file_date, area, glossary, found)
        return
    if not isinstance(data, dict):
        return
    label = data.get("label") or data.get("name")
    own = (localised(label) if isinstance(label, dict) else str(label)) if label else ""
    if "source" in data and "status" in data:
        keys = [key for key in path if isinstance(key, str)]
        unit = str(data.get("unit") or "") or next((glossary.get(key, ("", ""))[1] for key in reversed(keys)
                                                    if glossary.get(key, ("", ""))[1]), "")
        if own:
            kind = glossary.get(keys[-1], ("", ""))[0] if keys else ""
            words = [f"{kind}: {own}" if kind else own]
        else:
            words = [named[0]] if named[0] else []
            words += [_key_label(key, glossary)[0] for key in path[named[1]:] if isinstance(key, str)]
        if "first_year" in data:
            words.append(f"{data['first_year']}–{data['last_year']}")
        found.append(SourceEntry(area, ", ".join(word for word in words if word), _value(data, unit),
                                 str(data.get("legal_basis") or ""), str(data["source"]), str(data["status"]),
                                 str(data.get("date") or data.get("effective_date") or file_date), path))
    if own:
        named = (own, len(path))
    for key, value in data.items():
        if isinstance(value, (dict, list)):
            _entries(value, path + (key,), named, file_date, area, glossary, found)


def register() -> tuple[SourceEntry, ...]:
    """Every shipped default with its source, the data files first, then each catalog's criteria; in the current
    language."""
    return _register(current_translator())


@cache
def _register(_translator: tuple) -> tuple[SourceEntry, ...]:
    """The register as ``_translator`` (translate function and language) words it."""
    glossary = _glossary()
    found: list[SourceEntry] = []
    for name in FILES:
        data = read_json(RESOURCES / name, SourcesError)
        title = data.get("title", name)
        area = localised(title) if isinstance(title, dict) else str(title)
        file_date = str(data.get("date") or data.get("effective_date") or "")
        _entries(data, (name,), ("", 1), file_date, area, glossary, found)
    for catalog_id, path in shipped_catalogs().items():
        catalog = load_catalog(path)
        found += [criterion_entry(catalog, criterion, f"catalogs/{catalog_id}.json") for criterion in catalog.criteria]
    return tuple(found)


def report_register(catalog_titles) -> tuple[SourceEntry, ...]:
    """The register as a report's appendix: the data files, without the balance's defaults (the report lists those
    it used among its assumptions), and the criteria of the catalogs whose eligible land it shows, known by their
    title in either language."""
    titles = set(catalog_titles)
    shown = {f"catalogs/{catalog_id}.json" for catalog_id, path in shipped_catalogs().items()
             if titles & set(load_catalog(path).title.values())}
    return tuple(item for item in register() if item.key[0] != BALANCE_FILE
                 and (not item.key[0].startswith("catalogs/") or item.key[0] in shown))


def entry(*key) -> SourceEntry:
    """The register's entry at ``key``: the data file relative to resources/ and the path of keys to the entry
    (a criterion: its id)."""
    found = next((item for item in register() if item.key == tuple(key)), None)
    if found is None:
        raise KeyError(tr("Keine Vorgabe unter {key} im Verzeichnis der Quellen.").format(
            key=" › ".join(map(str, key))))
    return found
