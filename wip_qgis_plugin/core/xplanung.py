"""XPlanGML 6.0: the areas of a zoning alternative as the draft of a land-use plan amendment (``FP_Plan``) or of a
regional plan (``RP_Plan``) in the exchange standard XPlanung, validated against its official schema.

A draft (``PlanDraft``) holds the plan's name, the municipality with its key (AGS), the plan boundary, the areas
with their use, and the justification: one section per criterion of the catalog that made each area eligible, with
its legal basis, source, status and date. ``xplan_document`` encodes it as an ``XPlanAuszug``:

- land-use plan: ``FP_Plan`` (status "im Verfahren"), ``FP_Bereich`` and per area an ``FP_BebauungsFlaeche``:
  wind, ground-mounted PV and agrivoltaics as special building areas for renewable energies (§ 11 Abs. 2 BauNVO,
  the wind areas with § 2 Nr. 1 WindBG as legal basis), commerce as commercial and housing as residential building
  areas (§ 1 Abs. 1 BauNVO);
- regional plan: ``RP_Plan`` (status "Entwurf"), ``RP_Bereich`` and per wind or PV area an ``RP_ErneuerbareEnergie``
  as a priority area (Vorranggebiet, a goal of spatial planning); a regional plan holds no other use of this plugin.

``schema_problems`` validates a document against the schema files that ship in ``resources/standards/xplanung``.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from .gml import XSI, coordinate, g, multi_surface, new_id, sub, surface
from .i18n import format_number, tr
from .lazy import lazy_module
from .sources import criterion_entry
from .targets import normalise_ags
from .zoning import use_label

shapely = lazy_module("shapely")

XPLAN = "http://www.xplanung.de/xplangml/6/0"
SCHEMA_LOCATION = f"{XPLAN} http://repository.gdi-de.org/schemas/de.xleitstelle.xplanung/6.0/XPlanung-Operationen.xsd"
SCHEMA_FILE = (Path(__file__).resolve().parent.parent / "resources" / "standards" / "xplanung" / "XPlanGML_6_0"
               / "XPlanung-Operationen.xsd")
PLAN_KINDS = ("fp", "rp")

# the Länder of XP_Bundeslaender by the first two digits of the municipality key
LAENDER = {"01": "2100", "02": "1600", "03": "1800", "04": "1400", "05": "1900", "06": "1500", "07": "2000",
           "08": "1200", "09": "1300", "10": "2200", "11": "1100", "12": "1000", "13": "1700", "14": "2300",
           "15": "2400", "16": "2500"}
FP_SPECIAL_AREA = "4000"  # XP_AllgArtDerBaulNutzung: Sonderbaufläche
FP_RENEWABLES = "1900"  # XP_Sondernutzungen: SondergebietErneuerbareEnergie
FP_IN_PROCEDURE = "2000"  # FP_Rechtsstand: ImVerfahren
FP_PLAN = "1000"  # FP_PlanArt: FPlan
FP_DEPICTION = "3000"  # XP_Rechtscharakter: DarstellungFPlan
RP_DRAFT = "2000"  # RP_Rechtsstand: Entwurf
RP_SUBJECT_PLAN = "2000"  # RP_Art: SachlicherTeilplanRegionalebene
RP_GOAL = "4000"  # XP_Rechtscharakter: ZielDerRaumordnung
RP_PRIORITY_AREA = "1000"  # RP_GebietsTyp: Vorranggebiet


@dataclass(frozen=True)
class UseEncoding:
    building_area: str  # XP_AllgArtDerBaulNutzung
    special_use: str | None  # FP_KomplexeSondernutzung: its XP_Sondernutzungen and the use in words
    special_text: str | None
    regional_type: str | None  # RP_ErneuerbareEnergieTypen; None: a regional plan does not hold the use
    legal_basis: tuple[str, str, datetime.date] | None  # XP_GesetzlicheGrundlage: name, detail, date


WINDBG = ("Windenergieflächenbedarfsgesetz (WindBG)", "§ 2 Nr. 1 WindBG: Windenergiegebiet", datetime.date(2022, 7, 20))
USE_ENCODINGS = {
    "wind": UseEncoding(FP_SPECIAL_AREA, FP_RENEWABLES, "Windenergie", "1000", WINDBG),
    "pv": UseEncoding(FP_SPECIAL_AREA, FP_RENEWABLES, "Photovoltaik-Freiflächenanlagen", "2000", None),
    "agri_pv": UseEncoding(FP_SPECIAL_AREA, FP_RENEWABLES, "Agri-Photovoltaik", "2000", None),
    "gewerbe": UseEncoding("3000", None, None, None, None),  # GewerblicheBauflaeche
    "wohnen": UseEncoding("1000", None, None, None, None),  # WohnBauflaeche
}


# the use a criteria catalog's technology finds land for (floating PV on waters has no building area)
TECHNOLOGY_USES = {"wind": "wind", "pv_ground": "pv", "agri_pv": "agri_pv", "commerce": "gewerbe"}


class XPlanError(ValueError):
    """A draft the standard cannot hold, or a document that fails the schema; the message says which."""


@dataclass(frozen=True)
class Justification:
    key: str  # e.g. the criterion's id, unique in the plan
    text: str
    uses: tuple[str, ...]  # the uses whose areas it justifies


@dataclass(frozen=True)
class PlanArea:
    use: str
    geometry: object  # shapely Polygon or MultiPolygon in the draft's CRS
    text: str = ""


@dataclass(frozen=True)
class PlanDraft:
    kind: str  # "fp" or "rp"
    name: str
    municipality: str
    ags: str
    epsg: int
    boundary: object  # shapely (Multi)Polygon: the plan's boundary (Geltungsbereich)
    areas: tuple[PlanArea, ...]
    justifications: tuple[Justification, ...] = ()
    description: str = ""
    made_on: datetime.date | None = None


def checked_ags(ags: str) -> str:
    """The 8-digit official municipality key (Amtlicher Gemeindeschlüssel) of ``ags`` (or of a 12-digit
    Regionalschlüssel); XPlanError when it is none."""
    key = normalise_ags(ags)
    if key is None or key[:2] not in LAENDER:
        raise XPlanError(tr("„{ags}“ ist kein amtlicher Gemeindeschlüssel: XPlanung verlangt die acht Ziffern des "
                            "AGS (z. B. 15084235 für Hohenmölsen).").format(ags=ags or ""))
    return key


def catalog_justifications(catalogs: dict) -> tuple[Justification, ...]:
    """One section per criterion of the catalog behind each use (use → Catalog): what keeps the land free, with
    its legal basis, source, status and date; a catalog serving several uses gives its sections once."""
    uses_of = {}
    for use, catalog in catalogs.items():
        uses_of.setdefault(id(catalog), (catalog, []))[1].append(use)
    sections = []
    for catalog, uses in uses_of.values():
        for criterion in catalog.criteria:
            text = f"{catalog.title_text()} – {criterion.type_text()}\n{criterion_entry(catalog, criterion).tooltip()}"
            sections.append(Justification(f"{catalog.id}/{criterion.id}", text, tuple(uses)))
    return tuple(sections)


def area_justifications(areas, boundary) -> tuple[Justification, ...]:
    """The plan's area balance: per use the area drawn and its share of the plan boundary (the wind share is what
    § 3 WindBG counts against the Land's target)."""
    total_ha = boundary.area / 10_000
    lines = []
    for use in USE_ENCODINGS:
        shapes = [area.geometry for area in areas if area.use == use]
        if shapes:
            hectares = shapely.union_all(shapes).area / 10_000
            lines.append(tr("{use}: {ha} ha, {share} % des Geltungsbereichs").format(
                use=use_label(use), ha=format_number(hectares, 1), share=format_number(100 * hectares / total_ha, 2)))
    if not lines:
        return ()
    return (Justification("flaechenbilanz", tr("Flächenbilanz") + "\n" + "\n".join(lines),
                          tuple(sorted({area.use for area in areas}))),)


def regional_uses() -> tuple[str, ...]:
    return tuple(use for use, encoding in USE_ENCODINGS.items() if encoding.regional_type)


def xplan_document(draft: PlanDraft) -> bytes:
    """The draft as an XPlanGML 6.0 document (UTF-8). XPlanError names what the standard cannot hold: an unknown
    use, an area or boundary without surface, a missing municipality key."""
    if draft.kind not in PLAN_KINDS:
        raise XPlanError(f"unknown plan kind {draft.kind!r}")
    ags = checked_ags(draft.ags)
    unknown = sorted({area.use for area in draft.areas} - set(USE_ENCODINGS))
    if unknown:
        raise XPlanError(tr("XPlanung kennt für diese Nutzungen keine Darstellung: {uses}.").format(
            uses=", ".join(unknown)))
    if draft.kind == "rp":
        held = set(regional_uses())
        if any(area.use not in held for area in draft.areas):
            raise XPlanError(tr("Ein Regionalplan nimmt hier nur Vorranggebiete für Wind- und Solarenergie auf."))
    if not draft.areas:
        raise XPlanError(tr("Der Plan enthält keine Flächen."))
    return _Writer(draft, ags).document()


class _Writer:
    def __init__(self, draft: PlanDraft, ags: str):
        self.draft = draft
        self.ags = ags
        self.srs = f"EPSG:{draft.epsg}"
        self.prefix = "FP" if draft.kind == "fp" else "RP"

    def document(self) -> bytes:
        draft = self.draft
        boundary = _surface(draft.boundary, tr("Der Geltungsbereich"))
        areas = [(area, _surface(area.geometry, tr("Eine Fläche ({use})").format(use=area.use)))
                 for area in draft.areas]
        plan_id, area_id = new_id(), new_id()
        section_ids = [new_id() for _ in draft.justifications]
        object_ids = [new_id() for _ in areas]
        root = ElementTree.Element(_x("XPlanAuszug"), {g("id"): new_id(), f"{{{XSI}}}schemaLocation":
                                                      SCHEMA_LOCATION})
        root.append(self.envelope(shapely.union_all([boundary] + [shape for _, shape in areas])))
        root.append(self.member(self.plan(plan_id, area_id, boundary, section_ids)))
        root.append(self.member(self.area(area_id, plan_id, boundary, object_ids)))
        for section_id, justification in zip(section_ids, draft.justifications):
            root.append(self.member(self.justification(section_id, justification)))
        for object_id, (area, shape) in zip(object_ids, areas):
            sections = [section_id for section_id, justification in zip(section_ids, draft.justifications)
                        if area.use in justification.uses]
            root.append(self.member(self.plan_object(object_id, area_id, area, shape, sections)))
        ElementTree.indent(root, space=" ")
        return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)

    def member(self, feature) -> ElementTree.Element:
        member = ElementTree.Element(g("featureMember"))
        member.append(feature)
        return member

    def envelope(self, shape) -> ElementTree.Element:
        bounded = ElementTree.Element(g("boundedBy"))
        envelope = sub(bounded, g("Envelope"), srsName=self.srs)
        xmin, ymin, xmax, ymax = shape.bounds
        sub(envelope, g("lowerCorner"), text=f"{coordinate(xmin)} {coordinate(ymin)}")
        sub(envelope, g("upperCorner"), text=f"{coordinate(xmax)} {coordinate(ymax)}")
        return bounded

    def plan(self, plan_id, area_id, boundary, section_ids) -> ElementTree.Element:
        draft = self.draft
        plan = ElementTree.Element(_x(f"{self.prefix}_Plan"), {g("id"): plan_id})
        plan.append(self.envelope(boundary))
        sub(plan, _x("name"), text=draft.name)
        if draft.description:
            sub(plan, _x("beschreibung"), text=draft.description)
        if draft.made_on:
            sub(plan, _x("technHerstellDatum"), text=draft.made_on.isoformat())
        sub(plan, _x("raeumlicherGeltungsbereich")).append(self.geometry(boundary))
        for section_id in section_ids:
            sub(plan, _x("begruendungsTexte"), href=section_id)
        if draft.kind == "fp":
            municipality = sub(sub(plan, _x("gemeinde")), _x("XP_Gemeinde"))
            sub(municipality, _x("ags"), text=self.ags)
            sub(municipality, _x("gemeindeName"), text=draft.municipality)
            sub(plan, _x("planArt"), text=FP_PLAN)
            sub(plan, _x("rechtsstand"), text=FP_IN_PROCEDURE)
        else:
            sub(plan, _x("bundesland"), text=LAENDER[self.ags[:2]])
            sub(plan, _x("planArt"), text=RP_SUBJECT_PLAN)
            sub(plan, _x("rechtsstand"), text=RP_DRAFT)
        sub(plan, _x("bereich"), href=area_id)
        return plan

    def area(self, area_id, plan_id, boundary, object_ids) -> ElementTree.Element:
        area = ElementTree.Element(_x(f"{self.prefix}_Bereich"), {g("id"): area_id})
        sub(area, _x("nummer"), text="0")
        sub(area, _x("name"), text=self.draft.name)
        sub(area, _x("geltungsbereich")).append(self.geometry(boundary))
        for object_id in object_ids:
            sub(area, _x("planinhalt"), href=object_id)
        sub(area, _x("gehoertZuPlan"), href=plan_id)
        return area

    def justification(self, section_id, justification: Justification) -> ElementTree.Element:
        section = ElementTree.Element(_x("XP_BegruendungAbschnitt"), {g("id"): section_id})
        sub(section, _x("schluessel"), text=justification.key)
        sub(section, _x("text"), text=justification.text)
        return section

    def plan_object(self, object_id, area_id, area: PlanArea, shape, section_ids) -> ElementTree.Element:
        encoding = USE_ENCODINGS[area.use]
        kind = "FP_BebauungsFlaeche" if self.draft.kind == "fp" else "RP_ErneuerbareEnergie"
        element = ElementTree.Element(_x(kind), {g("id"): object_id})
        element.append(self.envelope(shape))
        sub(element, _x("uuid"), text=object_id[len("GML_"):])
        if area.text:
            sub(element, _x("text"), text=area.text)
        if encoding.legal_basis:
            name, detail, date = encoding.legal_basis
            basis = sub(sub(element, _x("gesetzlicheGrundlage")), _x("XP_GesetzlicheGrundlage"))
            sub(basis, _x("name"), text=name)
            sub(basis, _x("datum"), text=date.isoformat())
            sub(basis, _x("detail"), text=detail)
        sub(element, _x("gehoertZuBereich"), href=area_id)
        for section_id in section_ids:
            sub(element, _x("refBegruendungInhalt"), href=section_id)
        if self.draft.kind == "fp":
            sub(element, _x("rechtscharakter"), text=FP_DEPICTION)
            sub(element, _x("position")).append(self.geometry(shape))
            sub(element, _x("flaechenschluss"), text="false")
            sub(element, _x("allgArtDerBaulNutzung"), text=encoding.building_area)
            if encoding.special_use:
                special = sub(sub(element, _x("sondernutzung")), _x("FP_KomplexeSondernutzung"))
                sub(special, _x("allgemein"), text=encoding.special_use)
                sub(special, _x("nutzungText"), text=encoding.special_text)
        else:
            sub(element, _x("rechtscharakter"), text=RP_GOAL)
            sub(element, _x("gebietsTyp"), text=RP_PRIORITY_AREA)
            sub(element, _x("position")).append(self.geometry(shape))
            sub(element, _x("flaechenschluss"), text="false")
            sub(element, _x("typ"), text=encoding.regional_type)
        return element

    def geometry(self, shape) -> ElementTree.Element:
        return multi_surface(shape, self.srs)


def _surface(shape, what: str):
    """``shape`` as a valid MultiPolygon at the document's precision; XPlanError when nothing of a surface remains."""
    shape = surface(shape)
    if shape is None:
        raise XPlanError(tr("{what} hat keine Fläche.").format(what=what))
    return shape


def _x(name: str) -> str:
    return f"{{{XPLAN}}}{name}"


ElementTree.register_namespace("xplan", XPLAN)


def schema_problems(document: bytes, limit: int = 5) -> list[str]:
    """What makes ``document`` invalid against the XPlanGML 6.0 schema, at most ``limit`` messages with their line;
    none for a valid document."""
    from lxml import etree  # QGIS brings lxml (python3-qgis depends on it; the installers ship it)

    schema = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))  # 30 ms; a schema object is not shared between threads
    try:
        tree = etree.fromstring(document)
    except etree.XMLSyntaxError as error:
        return [str(error)]
    if schema.validate(tree):
        return []
    return [f"{tr('Zeile')} {error.line}: {error.message}" for error in list(schema.error_log)[:limit]]
