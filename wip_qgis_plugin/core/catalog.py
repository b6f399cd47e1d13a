"""Criteria catalogs: legal and planning criteria as versioned JSON data, loaded and validated with precise errors.

A catalog lists, for one technology and region, the criteria that exclude land (hard exclusion, soft restriction),
that are weighed (weighing) or that favour land (privileged or preferred), each with its distance rule, legal basis,
source, status and effective date, so that a plan's written justification can cite every line. Users copy a shipped
catalog, edit it and use the copy; :func:`load_catalog` tells them exactly what is wrong with it.
"""
from __future__ import annotations

import datetime
import math
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .i18n import localised, tr
from .json_reader import STATUSES, JsonReader, read_json
from .lazy import lazy_module
from .sharing import Origin, read_origin, titled
from .workflow import LINE, POINT, POLYGON, normalise

np = lazy_module("numpy")
pd = lazy_module("pandas")

CATALOG_DIR = Path(__file__).resolve().parent.parent / "resources" / "catalogs"
FORMAT = "wip-criteria-catalog"
FORMAT_VERSION = 1

HARD, SOFT, WEIGHING, PRIVILEGED = "hard", "soft", "weighing", "privileged"
TYPES = (HARD, SOFT, WEIGHING, PRIVILEGED)
# "buffer": the land within the distance of the features; "outside": the land that is not at least the distance
# inside the features (e.g. floating PV only on artificial lakes, 40 m from the shore).
BUFFER, OUTSIDE = "buffer", "outside"
RULES = (BUFFER, OUTSIDE)
GEOMETRIES = (POLYGON, LINE, POINT, "any")
TECHNOLOGIES = ("wind", "pv_ground", "agri_pv", "floating_pv", "commerce")
OPERATORS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq,
             "!=": operator.ne}  # element-wise on numpy arrays


class CatalogError(ValueError):
    """A catalog file that cannot be used; the message names file, entry, field and what is wrong."""


@dataclass(frozen=True)
class TurbineGeometry:
    """The reference turbine that geometry-dependent distances refer to (metres)."""

    hub_height: float
    rotor_diameter: float

    @property
    def blade_length(self) -> float:
        return self.rotor_diameter / 2.0

    @property
    def total_height(self) -> float:
        """Gesamthöhe, the "Kipphöhe" of distance rules: hub height plus blade length."""
        return self.hub_height + self.blade_length

    def reference(self, name: str) -> float:
        return {"total_height": self.total_height, "rotor_diameter": self.rotor_diameter,
                "hub_height": self.hub_height, "blade_length": self.blade_length}[name]


# New-build reference (market overview: 2024+ turbines have rotors of 150–175 m, hubs of 160–170 m, ≈250 m in total).
DEFAULT_TURBINE = TurbineGeometry(hub_height=165.0, rotor_diameter=170.0)  # DEFAULT_TURBINE_ID of the turbine catalog
REFERENCES = ("total_height", "rotor_diameter", "hub_height", "blade_length")


@dataclass(frozen=True)
class Distance:
    """``metres + factor × reference`` (reference: a dimension of the reference turbine, or none)."""

    metres: float = 0.0
    factor: float = 0.0
    reference: str | None = None

    def resolve(self, turbine: TurbineGeometry) -> float:
        return self.metres + (self.factor * turbine.reference(self.reference) if self.reference else 0.0)

    def describe(self) -> str:
        names = {"total_height": tr("Gesamthöhe"), "rotor_diameter": tr("Rotordurchmesser"),
                 "hub_height": tr("Nabenhöhe"), "blade_length": tr("Rotorblattlänge")}
        parts = []
        if self.metres or not self.reference:
            parts.append(f"{self.metres:g} m")
        if self.reference:
            factor = "" if self.factor == 1 else f"{self.factor:g} × "
            parts.append(f"{factor}{names[self.reference]}")
        return " + ".join(parts)


@dataclass(frozen=True)
class AttributeFilter:
    """Which features of a layer a criterion uses: a field whose value is one of ``values``, or compares with
    ``value`` by ``op``. Features with NULL in the field never match."""

    field: str
    values: tuple = ()
    op: str | None = None
    value: float | None = None

    def mask(self, column: pd.Series) -> np.ndarray:
        if self.op is None:
            wanted = {comparable_text(v) for v in self.values}
            codes, distinct = pd.factorize(np.asarray(column, dtype=object))  # each distinct value compared once
            # the code −1 (no value) takes the last entry
            return np.array([comparable_text(v) in wanted for v in distinct] + [None in wanted], dtype=bool)[codes]
        numbers = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            return OPERATORS[self.op](numbers, self.value) & ~np.isnan(numbers)

    def describe(self) -> str:
        if self.op is None:
            return f"{self.field} ∈ {{{', '.join(map(str, self.values))}}}"
        return f"{self.field} {self.op} {self.value:g}"


def comparable_text(value):
    """Attribute values compared as text, so that 1010, 1010.0 and "1010" (or True and "true") are equal."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value)).lower()
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value).strip().lower()


@dataclass(frozen=True)
class Criterion:
    id: str
    label: Mapping[str, str]
    type: str
    rule: str
    distance: Distance
    unit: str
    geometry: str
    layer_hints: tuple[str, ...]
    attribute_filter: AttributeFilter | None
    legal_basis: str
    source: str
    status: str
    effective_date: datetime.date
    note: Mapping[str, str]
    max_cover_share: float | None = None
    min_feature_ha: float | None = None  # only features at least this large count (§ 61 BNatSchG: waters > 1 ha)

    def label_text(self) -> str:
        return localised(self.label)

    def note_text(self) -> str:
        return localised(self.note) if self.note else ""

    def type_text(self) -> str:
        return type_label(self.type)

    def status_text(self) -> str:
        return status_label(self.status)

    def excludes(self, soft_excludes: bool) -> bool:
        return self.type == HARD or (self.type == SOFT and soft_excludes)


def status_label(status: str) -> str:
    return {"checked": tr("geprüft"), "secondary": tr("Sekundärquelle"),
            "unchecked": tr("ungeprüfter Standardwert")}.get(status, status)


def type_label(criterion_type: str) -> str:
    return {HARD: tr("harte Tabuzone"), SOFT: tr("weiche Tabuzone"), WEIGHING: tr("Abwägung"),
            PRIVILEGED: tr("privilegiert/bevorzugt")}.get(criterion_type, criterion_type)


@dataclass(frozen=True)
class Catalog:
    id: str
    technology: str
    region: str
    version: str
    effective_date: datetime.date
    title: Mapping[str, str]
    description: Mapping[str, str]
    criteria: tuple[Criterion, ...]
    path: Path | None = None
    origin: Origin | None = None  # the municipality that shared the catalog

    def title_text(self) -> str:
        return titled(localised(self.title), self.origin)

    def description_text(self) -> str:
        return localised(self.description)

    def criterion_ids(self) -> list[str]:
        return [criterion.id for criterion in self.criteria]

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


def shipped_catalogs() -> dict[str, Path]:
    """The catalogs that ship with the plugin: id (the file name without .json) → path."""
    return {path.stem: path for path in sorted(CATALOG_DIR.glob("*.json"))}


def technology_of(catalog_title: str) -> str:
    """The technology a catalog's title names before its region: "Windenergie an Land – Sachsen-Anhalt" → "Windenergie
    an Land"; result layers carry it so that wind and PV results never share a name."""
    return catalog_title.split(" – ")[0]


def shipped_catalog_title(catalog_id: str) -> str:
    """The title of a shipped catalog for choice lists; its id when the file cannot be read."""
    try:
        return load_catalog(shipped_catalogs()[catalog_id]).title_text()
    except (KeyError, CatalogError):
        return catalog_id


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog file; every problem raises :class:`CatalogError` naming where it is."""
    path = Path(path)
    return parse_catalog(read_json(path, CatalogError), path)


def parse_catalog(data, path: Path | None = None) -> Catalog:
    where = path.name if path else tr("Katalog")
    reader = JsonReader(data, where, CatalogError)
    reader.expect_format(FORMAT, FORMAT_VERSION)
    raw_criteria = reader.get("criteria", list)
    if not raw_criteria:
        reader.fail("criteria", tr("mindestens ein Kriterium nötig"))
    criteria = []
    for index, raw in enumerate(raw_criteria):
        entry_id = raw.get("id") if isinstance(raw, dict) else None
        entry = tr("{where}, Kriterium {number} ({id})").format(where=where, number=index + 1, id=entry_id or "?")
        criteria.append(_parse_criterion(JsonReader(raw, entry, CatalogError)))
    ids = [criterion.id for criterion in criteria]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        reader.fail("criteria", tr("Kennung doppelt vergeben: {ids}").format(ids=", ".join(duplicates)))
    return Catalog(
        id=reader.identifier("id"), technology=reader.choice("technology", TECHNOLOGIES),
        region=reader.text("region"), version=reader.text("version"), effective_date=reader.date("effective_date"),
        title=reader.bilingual("title"), description=reader.bilingual("description"), criteria=tuple(criteria),
        path=path, origin=read_origin(reader))


def _parse_criterion(reader: JsonReader) -> Criterion:
    rule = reader.choice("rule", RULES)
    geometry = reader.choice("geometry", GEOMETRIES)
    if rule == OUTSIDE and geometry != POLYGON:
        reader.fail("geometry", tr("die Regel „outside“ braucht Flächen (polygon)"))
    max_cover_share = reader.optional_number("max_cover_share")
    if max_cover_share is not None and not (0 < max_cover_share <= 1):
        reader.fail("max_cover_share", tr("muss zwischen 0 und 1 liegen"))
    min_feature_ha = reader.optional_number("min_feature_ha")
    if min_feature_ha is not None and not (0 < min_feature_ha <= MAX_FEATURE_HA):
        reader.fail("min_feature_ha", tr("muss größer 0 und höchstens {limit} ha sein").format(limit=MAX_FEATURE_HA))
    if min_feature_ha is not None and geometry != POLYGON:
        reader.fail("min_feature_ha", tr("eine Mindestgröße der Objekte braucht Flächen (polygon)"))
    hints = _hints(reader, "layer_hints")
    return Criterion(
        id=reader.identifier("id"), label=reader.bilingual("label"), type=reader.choice("type", TYPES), rule=rule,
        distance=_parse_distance(reader), unit=reader.text("unit"), geometry=geometry,
        layer_hints=tuple(normalise(hint) for hint in hints), attribute_filter=_parse_filter(reader),
        legal_basis=reader.text("legal_basis"), source=reader.text("source"),
        status=reader.choice("status", STATUSES), effective_date=reader.date("effective_date"),
        note=reader.bilingual("note") if "note" in reader.data else {}, max_cover_share=max_cover_share,
        min_feature_ha=min_feature_ha)


def _hints(reader: JsonReader, field: str) -> list[str]:
    hints = reader.get(field, list)
    if not all(isinstance(hint, str) and hint.strip() for hint in hints):
        reader.fail(field, tr("Liste von Namensteilen erwartet"))
    return hints


# No planning distance comes near these (the widest in the catalogs are a few kilometres); beyond them a typo
# would buffer whole regions or overflow the geometry engine.
MAX_DISTANCE_M = 50_000.0
MAX_FEATURE_HA = 1_000_000.0  # 10,000 km²: a feature size beyond any lake or district
MAX_DISTANCE_FACTOR = 100.0


def _parse_distance(reader: JsonReader) -> Distance:
    sub = reader.child("distance")
    metres = sub.optional_number("metres") or 0.0
    factor = sub.optional_number("factor") or 0.0
    reference = sub.data.get("of")
    if reference is not None and reference not in REFERENCES:
        sub.fail("of", tr("„{value}“ ist keiner von {allowed}").format(value=reference, allowed=", ".join(REFERENCES)))
    if factor and reference is None:
        sub.fail("of", tr("ein Faktor braucht eine Bezugsgröße ({allowed})").format(allowed=", ".join(REFERENCES)))
    if metres < 0 or factor < 0:
        sub.fail("metres", tr("Abstände sind nicht negativ"))
    if metres > MAX_DISTANCE_M or factor > MAX_DISTANCE_FACTOR:
        sub.fail("metres" if metres > MAX_DISTANCE_M else "factor", tr(
            "höchstens {metres:g} m oder das {factor:g}-Fache der Bezugsgröße").format(
            metres=MAX_DISTANCE_M, factor=MAX_DISTANCE_FACTOR))
    return Distance(metres, factor, reference if factor else None)


def _parse_filter(reader: JsonReader) -> AttributeFilter | None:
    if reader.data.get("attribute_filter") is None:
        return None
    sub = reader.child("attribute_filter")
    field = sub.text("field")
    if "values" in sub.data:
        values = sub.get("values", list)
        if not values:
            sub.fail("values", tr("mindestens ein Wert nötig"))
        return AttributeFilter(field, tuple(values))
    op = sub.choice("op", tuple(OPERATORS))
    return AttributeFilter(field, (), op, sub.number("value"))


@dataclass(frozen=True)
class LayerDescription:
    """What the mapping suggestion knows of a layer: the name its hints are matched against, geometry kind, field
    names, and the key a suggestion returns (the name when empty; a layer id in the docks)."""

    name: str
    kind: str
    fields: tuple[str, ...]
    key: str = ""


def suggest_layers(criterion: Criterion, layers: Sequence[LayerDescription]) -> list[str]:
    """The layers whose name contains one of the criterion's hints and that fit it: right geometry kind and, for a
    criterion with a filter, the filter's field. Several fit when, say, 110 kV and 380 kV lines come in separate
    layers. (The layers of real data models are found by their profiles, :mod:`profiles`.)"""
    names = []
    for layer in layers:
        if criterion.geometry != "any" and layer.kind != criterion.geometry:
            continue
        if criterion.attribute_filter is not None and not has_field(layer.fields, criterion.attribute_filter.field):
            continue
        if any(_hint_matches(hint, normalise(layer.name)) for hint in criterion.layer_hints):
            names.append(layer.key or layer.name)
    return names


def has_field(fields: Sequence[str], field: str | None) -> bool:
    """Whether ``fields`` hold ``field`` in any case ("KATEGORIE" of a shapefile is "kategorie")."""
    return field is not None and normalise(field) in {normalise(name) for name in fields}


def _hint_matches(hint: str, name: str) -> bool:
    """A short hint must start a word of the name ("bahn" fits "synth_bahn", not "autobahn"); a long one may
    also end a compound ("schutzgebiet" fits "naturschutzgebiete")."""
    words = [word for word in re.split(r"[^a-z0-9]+", name) if word]
    return any(word.startswith(hint) or (len(hint) >= 6 and hint in word) for word in words)
