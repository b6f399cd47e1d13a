"""XWärmeplan 0.9: the results of the heat planning as a heat plan in the exchange standard of the XLeitstelle
(``WP_Plan`` in an ``sf:FeatureCollection``).

A draft (``HeatPlanDraft``) holds the plan's name, the municipality with its Regionalschlüssel, the plan boundary,
base and target year, the dates of the decision to plan (§ 13 Abs. 1 Nr. 1 WPG) and of the plan (§ 23 Abs. 3), the
supply areas with their suitability levels and the street sections with their heat line density.
``heat_plan_document`` encodes it as:

- per supply area a ``WP_WaermeversorgungsgebietZieljahr`` with the § 19 levels for a heat network, a hydrogen
  network and decentral supply, the supply type, whether it takes the shortened procedure of § 14 Abs. 4 and its
  heat demand; and one ``WP_Waermeversorgungsgebiet2030/2035/2040`` each for the reference years of § 18 Abs. 3;
- ``WP_Eignungspruefung`` for the land the § 14 check finds very likely unsuited for a heat or a hydrogen network;
- ``WP_EnergieBaublock`` per block with its heat density and its heat by energy carrier and heat generators, the
  carriers' shares from the buildings by heating carrier of the 2022 census grid (Anlage 2 WPG);
- ``WP_GebaeudeBaublock`` per block with its dominant building type and construction-age class (Anlage 2 WPG);
- ``WP_Waermeliniendichte`` per street section, in MWh/(m·a) as the standard counts it;
- ``WP_TextAbschnitt`` with the rules that decided and their legal basis.

Nothing aggregated over fewer than five buildings may be published (§ 10 Abs. 2 WPG): the caller passes demand
values only where they may be published; an area's sum is left out where one of its parts is held back.

``model_problems`` checks a document against the official Python model of the standard (xplan-tools of the
XLeitstelle) where that is installed.
"""
from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .gml import GML, XSI, curves, g, multi_curve, multi_surface, new_id, sub, surface
from .i18n import format_number, tr
from .lazy import lazy_module

np = lazy_module("numpy")
shapely = lazy_module("shapely")

XWP = "http://www.xwaermeplan.de/0/9"
SF = "http://www.opengis.net/ogcapi-features-1/1.0/sf"
SCHEMA_LOCATION = (f"{XWP} https://gitlab.opencode.de/xleitstelle/xwaermeplan/spezifikation/-/raw/main/xsd/"
                   f"waermeplan.xsd {SF} http://schemas.opengis.net/ogcapi/features/part1/1.0/xml/core-sf.xsd "
                   f"{GML} https://schemas.opengis.net/gml/3.2.1/gml.xsd")
REFERENCE_YEARS = (2030, 2035, 2040)  # § 18 Abs. 3 WPG
TARGET_YEAR = 2045  # § 1 WPG; the Länder may set an earlier one
WPG = "1000"  # WP_GesetzlicheGrundlage
HEAT_NETWORK, HYDROGEN_NETWORK, DECENTRAL = "1000", "2000", "3000"  # WP_WaermeversorgungsgebietTyp
GAS_NETWORK_REACH_M = 100.0  # an area this close to a gas pipe counts as supplied by the gas network
DEMAND_UOM, LINE_DENSITY_UOM, DENSITY_UOM = "MWh/a", "MWh/(m*a)", "MWh/(ha*a)"

# the census grid's heating carriers (normalised column names) as WP_EnergieTraeger and the heat generator that
# burns or delivers them (WP_WaermeErzeugerTyp); one generator per building
CENSUS_CARRIERS = {"gas": ("12001", "20002"), "heizoel": ("13001", "20004"), "holz_holzpellets": ("31001", "6000"),
                   "biomasse_biogas": ("3100", "6000"), "solar_geothermie_waermepumpen": ("7300", "7000"),
                   "fernwaerme": ("8200", "3000"), "strom": ("6000", "1000"), "kohle": ("1100", "20001")}

# WP_GebaeudeTyp of the heat typology's building types (residential) and non-residential uses
BUILDING_TYPES = {"EFH": "10001", "RH": "10002", "MFH": "10003", "GMH": "10004", "buero": "20001",
                  "forschung": "20006", "bildung": "20006", "gesundheit": "20004", "kultur": "20005", "sport": "20007",
                  "beherbergung": "20003", "produktion": "20010", "handel": "20002", "technik": "2000",
                  "verkehr": "2000", "gesamt": "2000"}
# WP_Baualtersklasse of the IWU construction-age classes (A ≤ 1859 … L from 2016)
AGE_CLASSES = {"A": "10001", "B": "10001", "C": "10002", "D": "2000", "E": "2000", "F": "30001", "G": "30001",
               "H": "30002", "I": "30002", "J": "40001", "K": "40002", "L": "40003"}
UNKNOWN_AGE_CLASS = "9999"


class HeatPlanError(ValueError):
    """A draft the standard cannot hold; the message says what."""


@dataclass(frozen=True)
class SupplyArea:
    geometry: object  # shapely (Multi)Polygon in the draft's CRS
    network_level: int  # § 19 level 1–4 for a heat network
    hydrogen_level: int
    decentral_level: int
    shortened: bool  # § 14 Abs. 4: very likely unsuited for both networks, shortened procedure
    unsuited_network: bool  # § 14 Abs. 2
    demand_mwh_a: float | None = None  # None: not published
    demand_by_year: dict = field(default_factory=dict)  # reference year → MWh/a, published ones only

    @property
    def supply_type(self) -> str:
        return supply_type(self.network_level, self.hydrogen_level)


@dataclass(frozen=True)
class BuildingBlock:
    geometry: object
    building_type: str  # WP_GebaeudeTyp
    age_class: str  # WP_Baualtersklasse
    block_id: str | None = None


@dataclass(frozen=True)
class EnergyBlock:
    geometry: object
    density_mwh_ha_a: float
    carriers_mwh_a: dict  # WP_EnergieTraeger → MWh/a
    generators: dict  # WP_WaermeErzeugerTyp → count
    block_id: str | None = None


@dataclass(frozen=True)
class StreetSection:
    geometry: object  # shapely (Multi)LineString
    line_density_kwh_m_a: float


@dataclass(frozen=True)
class TextSection:
    title: str
    text: str


@dataclass(frozen=True)
class HeatPlanDraft:
    name: str
    municipality: str
    regional_key: str  # Amtlicher Regionalschlüssel, 12 digits
    epsg: int
    boundary: object  # the plan's boundary (räumlicher Geltungsbereich)
    base_year: int
    target_year: int
    start_decision: datetime.date  # § 13 Abs. 1 Nr. 1 WPG
    decision: datetime.date  # § 23 Abs. 3 WPG
    areas: tuple[SupplyArea, ...]
    blocks: tuple[BuildingBlock, ...] = ()
    energy_blocks: tuple[EnergyBlock, ...] = ()
    streets: tuple[StreetSection, ...] = ()
    texts: tuple[TextSection, ...] = ()
    description: str = ""
    simplified: bool = False  # § 22 WPG
    made_on: datetime.date | None = None


# -- the levels ----------------------------------------------------------------------------------------------------

def hydrogen_levels(gas_distance, reach: float = GAS_NETWORK_REACH_M, conversion_plan: bool = False) -> np.ndarray:
    """The § 19 level of a hydrogen network per area from its distance to the existing gas network (m; NaN: none):
    4 without a gas network within ``reach`` (§ 14 Abs. 3 Nr. 1 WPG); 3 with one, as long as no binding plan of the
    operator to convert it exists; 2 with such a plan (§ 71k Abs. 1 Nr. 2 GEG, § 18 Abs. 4 WPG)."""
    near = np.nan_to_num(np.asarray(gas_distance, dtype=float), nan=np.inf) <= reach
    return np.where(near, 2 if conversion_plan else 3, 4)


def decentral_levels(network_levels) -> np.ndarray:
    """The § 19 level of decentral supply: the heat network's mirrored (1 ↔ 4, 2 ↔ 3). Where the density makes a
    network economic, single heating is the dearer way (§ 18 Abs. 1 WPG); where a network is very likely
    unsuited, the area is shown for decentral supply (§ 14 Abs. 4 WPG)."""
    return 5 - np.asarray(network_levels, dtype=int)


def supply_type(network_level: int, hydrogen_level: int) -> str:
    """The supply area of § 18: a heat network where it is likely suited, a hydrogen network where that is and a
    heat network is not, else decentral supply."""
    if network_level <= 2:
        return HEAT_NETWORK
    if hydrogen_level <= 2:
        return HYDROGEN_NETWORK
    return DECENTRAL


def supply_type_text(code: str) -> str:
    return {HEAT_NETWORK: tr("Wärmenetzgebiet"), HYDROGEN_NETWORK: tr("Wasserstoffnetzgebiet"),
            DECENTRAL: tr("Gebiet für die dezentrale Wärmeversorgung")}[code]


def building_type_code(label: str | None, use_labels: dict[str, str]) -> str | None:
    """WP_GebaeudeTyp of a dominant type (EFH/RH/MFH/GMH or a non-residential use's label); None for none."""
    if not label:
        return None
    key = label if label in BUILDING_TYPES else next((use for use, text in use_labels.items() if text == label),
                                                     "gesamt")
    return BUILDING_TYPES[key]


def age_class_code(age: str | None) -> str:
    return AGE_CLASSES.get(age or "", UNKNOWN_AGE_CLASS)


def carrier_mix(counts: dict) -> tuple[dict, dict]:
    """From a block's buildings by census heating column ({column: count}): each carrier's share of its buildings
    (WP_EnergieTraeger → share) and its heat generators (WP_WaermeErzeugerTyp → count); empty without buildings."""
    total = sum(count for count in counts.values() if count > 0)
    shares, generators = {}, {}
    if total <= 0:
        return shares, generators
    for column, count in counts.items():
        if count > 0:
            carrier, generator = CENSUS_CARRIERS[column]
            shares[carrier] = shares.get(carrier, 0.0) + count / total
            generators[generator] = generators.get(generator, 0) + int(round(count))
    return shares, generators


def rule_texts(has_gas_network: bool, conversion_plan: bool, gas_reach: float,
               with_carriers: bool = False) -> tuple[TextSection, ...]:
    """How the levels (and ``with_carriers`` the blocks' energy carriers) were decided, with the legal basis: for the
    plan's text sections."""
    gas = tr("Ein Gasnetz in bis zu {reach} m gilt als vorhanden.").format(reach=format_number(gas_reach)) \
        if has_gas_network else tr("Ein Gasnetz war nicht angegeben: Es gilt als nicht vorhanden (§ 14 Abs. 3 Nr. 1 "
                                   "WPG).")
    plan = tr("Ein verbindlicher Umstellungsfahrplan des Gasnetzbetreibers liegt vor (§ 71k Abs. 1 Nr. 2 GEG): "
              "Stufe 2 wo ein Gasnetz besteht.") if conversion_plan else \
        tr("Ein verbindlicher Umstellungsfahrplan des Gasnetzbetreibers (§ 71k Abs. 1 Nr. 2 GEG) liegt nicht vor: "
           "höchstens Stufe 3.")
    carriers = (TextSection(tr("Wärmeverbrauchsdichte und Energieträger je Baublock (Anlage 2 WPG)"), tr(
        "Wärmebedarf der Gebäude (berechnet aus Gebäudetyp, Baualtersklasse und Fläche, wo kein gemessener "
        "Verbrauch vorliegt) je Hektar des Baublocks; geteilt auf die Energieträger nach den Gebäuden je "
        "Energieträger der Heizung im Gitter des Zensus 2022 (Zellen im Baublock, ein Wärmeerzeuger je "
        "Gebäude; geheim gehaltene Zellenwerte zählen nicht).")),) if with_carriers else ()
    return (
        TextSection(tr("Eignung für ein Wärmenetz (§ 19 WPG)"), tr(
            "Eignungsstufen aus Wärmedichte je Baublock und Wärmeliniendichte, einem bestehenden Wärmenetz, "
            "Großverbrauchern und Abwärmequellen in der Nähe (Werkzeug „Eignung für Wärmenetze“; Schwellen nach "
            "Energieatlas Bayern, F|Heat, KEA-BW).")),
        TextSection(tr("Eignung für ein Wasserstoffnetz (§ 14 Abs. 3, § 19 WPG)"), tr(
            "Stufe 4, wo kein Gasnetz besteht (§ 14 Abs. 3 Nr. 1 WPG); sonst Stufe 3, mit einem verbindlichen "
            "Fahrplan des Netzbetreibers zur Umstellung auf Wasserstoff Stufe 2 (§ 18 Abs. 4 WPG, § 71k GEG).")
            + " " + gas + " " + plan),
        TextSection(tr("Eignung für die dezentrale Versorgung (§ 19 WPG)"), tr(
            "Gegenstufe der Eignung für ein Wärmenetz (1 ↔ 4, 2 ↔ 3): wo die Dichte ein Wärmenetz trägt, ist die "
            "Einzelversorgung die teurere Art (§ 18 Abs. 1 WPG); wo ein Wärmenetz sehr wahrscheinlich ungeeignet "
            "ist, wird das Gebiet für die dezentrale Versorgung dargestellt (§ 14 Abs. 4 WPG).")),
        TextSection(tr("Voraussichtliche Wärmeversorgungsgebiete (§ 18 WPG)"), tr(
            "Wärmenetzgebiet bei Stufe 1 oder 2 für ein Wärmenetz, Wasserstoffnetzgebiet bei Stufe 1 oder 2 für ein "
            "Wasserstoffnetz, sonst Gebiet für die dezentrale Wärmeversorgung; dieselbe Einteilung für 2030, 2035, "
            "2040 und das Zieljahr, der Wärmebedarf je Jahr aus dem Sanierungsszenario.")),
        *carriers,
        TextSection(tr("Datenschutz (§ 10 Abs. 2 WPG)"), tr(
            "Wärmebedarf und Wärmeliniendichte stehen nur für Gebiete und Straßenabschnitte mit mindestens fünf "
            "Gebäuden im Plan.")),
    )


# -- the document --------------------------------------------------------------------------------------------------

def checked_regional_key(key: str) -> str:
    """The 12-digit Amtlicher Regionalschlüssel; HeatPlanError when ``key`` is none."""
    digits = "".join(character for character in str(key or "") if character.isdigit())
    if len(digits) != 12 or digits != str(key).strip().replace(" ", ""):
        raise HeatPlanError(tr("„{key}“ ist kein amtlicher Regionalschlüssel: XWärmeplan verlangt die zwölf Ziffern "
                               "des ARS (z. B. 150840235235 für Hohenmölsen; im Feld RS der Verwaltungsgebiete "
                               "VG250).").format(key=key or ""))
    return digits


def heat_plan_document(draft: HeatPlanDraft) -> bytes:
    """The draft as an XWärmeplan 0.9 document (UTF-8). HeatPlanError names what the standard cannot hold."""
    key = checked_regional_key(draft.regional_key)
    if draft.decision < draft.start_decision:
        raise HeatPlanError(tr("Der Beschluss des Wärmeplans ({decision}) liegt vor dem Beschluss über die "
                               "Durchführung ({start}).").format(decision=draft.decision.isoformat(),
                                                                 start=draft.start_decision.isoformat()))
    if not draft.base_year <= draft.target_year:
        raise HeatPlanError(tr("Das Zieljahr {target} liegt vor dem Basisjahr {base}.").format(
            target=draft.target_year, base=draft.base_year))
    if not draft.areas:
        raise HeatPlanError(tr("Der Wärmeplan enthält keine Gebiete."))
    return _Writer(draft, key).document()


class _Writer:
    def __init__(self, draft: HeatPlanDraft, key: str):
        self.draft = draft
        self.key = key
        self.srs = f"EPSG:{draft.epsg}"

    def document(self) -> bytes:
        draft = self.draft
        boundary = _surface(draft.boundary, tr("Der Geltungsbereich"))
        plan_id, area_id = new_id(), new_id()
        root = ElementTree.Element(_s("FeatureCollection"), {g("id"): new_id(),
                                                             f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
        contents = []
        for area in draft.areas:
            shape = _surface(area.geometry, tr("Ein Versorgungsgebiet"))
            contents.append(self.target_year_area(area_id, area, shape))
            for year in REFERENCE_YEARS:
                contents.append(self.reference_year_area(area_id, area, shape, year))
        contents += self.suitability_checks(area_id)
        for block in draft.energy_blocks:
            contents.append(self.energy_block(area_id, block, _surface(block.geometry, tr("Ein Baublock"))))
        for block in draft.blocks:
            contents.append(self.building_block(area_id, block, _surface(block.geometry, tr("Ein Baublock"))))
        for section in draft.streets:
            shape = curves(section.geometry)
            if shape is not None:
                contents.append(self.line_density(area_id, section, shape))
        text_ids = [new_id() for _ in draft.texts]
        root.append(self.member(self.plan(plan_id, area_id, boundary, text_ids)))
        root.append(self.member(self.area(area_id, plan_id, boundary, [element.get(g("id")) for element in contents])))
        for text_id, text in zip(text_ids, draft.texts):
            root.append(self.member(self.text(text_id, plan_id, text)))
        for element in contents:
            root.append(self.member(element))
        ElementTree.indent(root, space=" ")
        return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)

    @staticmethod
    def member(feature) -> ElementTree.Element:
        member = ElementTree.Element(_s("featureMember"))
        member.append(feature)
        return member

    def feature(self, kind: str, element_id: str | None = None) -> ElementTree.Element:
        element_id = element_id or new_id()
        element = ElementTree.Element(_w(kind), {g("id"): element_id})
        sub(element, g("identifier"), text=element_id[len("GML_"):], codeSpace="urn:uuid")
        return element

    def plan(self, plan_id, area_id, boundary, text_ids) -> ElementTree.Element:
        draft = self.draft
        plan = self.feature("WP_Plan", plan_id)
        sub(plan, _w("name"), text=draft.name)
        sub(plan, _w("beschreibung"), text=draft.description or draft.name)
        municipality = sub(sub(plan, _w("planungsverantwortlicheStelle")), _w("WP_Gemeinde"))
        sub(municipality, _w("regionalSchluessel"), text=self.key)
        sub(municipality, _w("name"), text=draft.municipality)
        sub(plan, _w("gesetzlicheGrundlage"), text=WPG)
        sub(plan, _w("zieljahr"), text=str(draft.target_year))
        sub(plan, _w("basisJahrDatenerfassung"), text=str(draft.base_year))
        sub(plan, _w("istvereinfachtesVerfahren"), text=_bool(draft.simplified))
        sub(plan, _w("aufstellungsbeschlussDatum"), text=draft.start_decision.isoformat())
        sub(plan, _w("beschlussDatum"), text=draft.decision.isoformat())
        if draft.made_on:
            sub(plan, _w("technHerstellDatum"), text=draft.made_on.isoformat())
        sub(plan, _w("raeumlicherGeltungsbereich")).append(multi_surface(boundary, self.srs))
        for text_id in text_ids:
            sub(plan, _w("text"), href=text_id)
        sub(plan, _w("bereich"), href=area_id)
        return plan

    def area(self, area_id, plan_id, boundary, content_ids) -> ElementTree.Element:
        area = self.feature("WP_Bereich", area_id)
        sub(area, _w("nummer"), text="0")
        sub(area, _w("name"), text=self.draft.name)
        sub(area, _w("geltungsbereich")).append(multi_surface(boundary, self.srs))
        sub(area, _w("gehoertZuPlan"), href=plan_id)
        for content_id in content_ids:
            sub(area, _w("planinhalt"), href=content_id)
        return area

    def text(self, text_id, plan_id, text: TextSection) -> ElementTree.Element:
        element = self.feature("WP_TextAbschnitt", text_id)
        sub(element, _w("title"), text=text.title)
        sub(element, _w("text"), text=text.text)
        sub(element, _w("gehoertZuPlan"), href=plan_id)
        return element

    def area_object(self, kind: str, area_id: str, shape, title: str | None = None) -> ElementTree.Element:
        element = self.feature(kind)
        if title:
            sub(element, _w("title"), text=title)
        sub(element, _w("gehoertZuBereich"), href=area_id)
        sub(element, _w("position")).append(multi_surface(shape, self.srs))
        return element

    def target_year_area(self, area_id, area: SupplyArea, shape) -> ElementTree.Element:
        element = self.area_object("WP_WaermeversorgungsgebietZieljahr", area_id, shape,
                                   supply_type_text(area.supply_type))
        sub(element, _w("istVerkuerzteWaermeplanung"), text=_bool(area.shortened))
        sub(element, _w("versorgungsart"), text=area.supply_type)
        if area.demand_mwh_a is not None:
            sub(element, _w("waermebedarf"), text=_measure(area.demand_mwh_a), uom=DEMAND_UOM)
        sub(element, _w("eignungDezentraleVersorgung"), text=_level(area.decentral_level))
        sub(element, _w("eignungWaermenetz"), text=_level(area.network_level))
        sub(element, _w("eignungWasserstoffnetz"), text=_level(area.hydrogen_level))
        return element

    def reference_year_area(self, area_id, area: SupplyArea, shape, year: int) -> ElementTree.Element:
        element = self.area_object(f"WP_Waermeversorgungsgebiet{year}", area_id, shape,
                                   supply_type_text(area.supply_type))
        sub(element, _w("istVerkuerzteWaermeplanung"), text=_bool(area.shortened))
        sub(element, _w("versorgungsart"), text=area.supply_type)
        if area.demand_by_year.get(year) is not None:
            sub(element, _w("waermebedarf"), text=_measure(area.demand_by_year[year]), uom=DEMAND_UOM)
        return element

    def suitability_checks(self, area_id) -> list[ElementTree.Element]:
        """The land of the § 14 check, one object per finding: unsuited for a heat network, for a hydrogen network,
        or for both."""
        groups = {}
        for area in self.draft.areas:
            finding = (area.unsuited_network, area.hydrogen_level == 4)
            if any(finding):
                groups.setdefault(finding, []).append(area.geometry)
        elements = []
        for (network, hydrogen), shapes in sorted(groups.items()):
            element = self.area_object("WP_Eignungspruefung", area_id, _surface(shapely.union_all(shapes),
                                                                                tr("Ein Prüfgebiet nach § 14")))
            sub(element, _w("ungeeignetWaermenetz"), text=_bool(network))
            sub(element, _w("ungeeignetWasserstoffnetz"), text=_bool(hydrogen))
            elements.append(element)
        return elements

    def energy_block(self, area_id, block: EnergyBlock, shape) -> ElementTree.Element:
        element = self.area_object("WP_EnergieBaublock", area_id, shape)
        if block.block_id:
            sub(element, _w("baublockId"), text=block.block_id)
        sub(element, _w("verbrauchsDichte"), text=_measure(block.density_mwh_ha_a), uom=DENSITY_UOM)
        for carrier, mwh in block.carriers_mwh_a.items():
            amount = sub(sub(element, _w("energietraegerVerbrauch")), _w("WP_EnergieTraegerMenge"))
            sub(amount, _w("traeger"), text=carrier)
            sub(amount, _w("energieMenge"), text=_measure(mwh), uom=DEMAND_UOM)
        for kind, count in block.generators.items():
            generators = sub(sub(element, _w("waermeerzeuger")), _w("WP_WaermeerzeugerAngaben"))
            sub(generators, _w("art"), text=kind)
            sub(generators, _w("anzahl"), text=str(int(count)))
        return element

    def building_block(self, area_id, block: BuildingBlock, shape) -> ElementTree.Element:
        element = self.area_object("WP_GebaeudeBaublock", area_id, shape)
        if block.block_id:
            sub(element, _w("baublockId"), text=block.block_id)
        sub(element, _w("gebaeudetyp"), text=block.building_type)
        sub(element, _w("baualtersklasse"), text=block.age_class)
        return element

    def line_density(self, area_id, section: StreetSection, shape) -> ElementTree.Element:
        element = self.feature("WP_Waermeliniendichte")
        sub(element, _w("gehoertZuBereich"), href=area_id)
        sub(element, _w("position")).append(multi_curve(shape, self.srs))
        sub(element, _w("waermeliniendichte"), text=_measure(section.line_density_kwh_m_a / 1000, 4),
            uom=LINE_DENSITY_UOM)
        return element


def _surface(shape, what: str):
    shape = surface(shape)
    if shape is None:
        raise HeatPlanError(tr("{what} hat keine Fläche.").format(what=what))
    return shape


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _level(level: int) -> str:
    return f"{int(level)}000"  # WP_Eignungsstufe 1000–4000


def _measure(value: float, decimals: int = 1) -> str:
    return f"{float(value):.{decimals}f}"


def _w(name: str) -> str:
    return f"{{{XWP}}}{name}"


def _s(name: str) -> str:
    return f"{{{SF}}}{name}"


# the official model recognises the standard by this prefix (or the default namespace)
ElementTree.register_namespace("xwaermeplan", XWP)
ElementTree.register_namespace("sf", SF)


def model_problems(document: bytes, limit: int = 5) -> list[str] | None:
    """What the official model of XWärmeplan (xplan-tools of the XLeitstelle) finds wrong in ``document``, at most
    ``limit`` messages; None where that model is not installed."""
    try:
        from xplan_tools.interface.gml import GMLRepository
    except ImportError:
        return None
    try:
        GMLRepository(io.BytesIO(document)).get_all()
    except Exception as error:  # noqa: BLE001 – the model reports every violation as its own exception type
        return [line for line in str(error).splitlines() if line.strip()][:limit]
    return []
