"""Data profiles: how the data models planning offices have (ALKIS, ATKIS Basis-DLM, the Land's protected areas,
OpenStreetMap) stand for the criteria of the catalogs and the inputs of the heat steps.

A profile is a data file in ``resources/profiles/``. Its layer classes say which layers belong to the model (by
layer name and the fields the model's layers always have) and, per criterion, which features of such a layer count:
a selection of alternatives, each a set of conditions on fields (``{"objart_txt": ["AX_Wald"]}``). OpenStreetMap
keeps most tags in one text column (``other_tags``, ``"key"=>"value"`` pairs); a profile names that column and its
conditions read tags from it where the layer has no column of their own.

A layer recognised by a profile is read through it; a layer no profile knows is found by the catalog's name hints,
as before. A planner who assigns a recognised layer to a criterion by hand gets the profile's selection when the
profile knows the criterion, and the whole layer otherwise.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from .catalog import (
    OPERATORS,
    AttributeFilter,
    Criterion,
    LayerDescription,
    comparable_text,
    has_field,
    suggest_layers,
)
from .i18n import localised, tr
from .json_reader import STATUSES, JsonReader, read_json
from .lazy import lazy_module
from .workflow import normalise

np = lazy_module("numpy")
pd = lazy_module("pandas")

PROFILE_DIR = Path(__file__).resolve().parent.parent / "resources" / "profiles"
FORMAT = "wip-data-profile"
FORMAT_VERSION = 1
# the fields a heat step reads from a building layer, and what they hold
BUILDING_FIELDS = ("function", "storeys", "year", "type")


BUILDINGS = "buildings"  # the input a building layer feeds besides criteria
ANY_VALUE = "*"  # a condition's value list ["*"]: the field has a value (OSM's building=*)
NO_VALUE = "\0"  # a condition null: the field has no value (OSM's railway=rail without service=*)


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names file, class and field."""


class MixedLayerError(ValueError):
    """A layer of a mixed model (an OSM extract, a Basis-DLM layer) assigned to a criterion its model knows no
    selection for: used whole, it would stand for everything it holds."""


@dataclass(frozen=True)
class Selection:
    """Which features of a layer count: those meeting every condition of at least one alternative."""

    alternatives: tuple[tuple[AttributeFilter, ...], ...]

    def fields(self) -> list[str]:
        return sorted({condition.field for alternative in self.alternatives for condition in alternative})

    def mask(self, frame: pd.DataFrame, tag_column: str | None = None) -> np.ndarray:
        columns = Columns(frame, tag_column)
        result = np.zeros(len(frame), dtype=bool)
        for alternative in self.alternatives:
            passes = np.ones(len(frame), dtype=bool)
            for condition in alternative:
                column = columns[condition.field]
                if condition.values == (ANY_VALUE,):
                    passes &= present(column)
                elif condition.values == (NO_VALUE,):
                    passes &= ~present(column)
                elif condition.op is not None:  # OSM's voltage=110000;20000: the highest number counts
                    passes &= condition.mask(column.map(_highest_number))
                else:
                    passes &= condition.mask(column)
            result |= passes
        return result

    def describe(self) -> str:
        return tr(" oder ").join(" & ".join(
            f"{condition.field} = –" if condition.values == (NO_VALUE,) else condition.describe()
            for condition in alternative) for alternative in self.alternatives)


@dataclass(frozen=True)
class Feed:
    """A layer class's features for some criteria: all of them, or those of the selection; with ``filter_field``,
    the catalog's own filter applies to that field of the model (its thresholds stay the catalog's)."""

    criteria: tuple[str, ...]
    selection: Selection | None = None
    filter_field: str | None = None
    # feeds its criteria only for a catalog without this one (biosphere reserves count as nature parks where a
    # catalog has no criterion of their own)
    unless: str | None = None

    def fields(self) -> list[str]:
        fields = self.selection.fields() if self.selection else []
        return fields + [self.filter_field] if self.filter_field and self.filter_field not in fields else fields


@dataclass(frozen=True)
class BuildingFields:
    """Where a building layer keeps what the heat steps need: fields (or tags) of the function (an ALKIS
    Gebäudefunktion, or values mapped to one), storeys, year of construction and building type."""

    fields: dict[str, str]
    function_codes: dict[str, int]  # values of the function field that stand for ALKIS codes (OSM's building=*)
    types: dict[str, str]  # values of the function field that name a residential type (EFH, RH, MFH, GMH)


@dataclass(frozen=True)
class Carriers:
    """The energy carrier of each generation unit of a layer: the value of ``field`` looked up in ``values`` (the
    balance's carriers pv, wind, biomasse, wasser; another value: none of them), or ``default`` where the layer
    says nothing (a table of wind units only without the field)."""

    field: str | None
    values: dict[str, str]
    default: str | None = None

    def of(self, value) -> str | None:
        """The carrier of a unit with ``value`` in the field (None: the layer has no such field or no value)."""
        if value is None or str(value).strip() == "":
            return self.default
        return self.values.get(normalise(str(value)))


@dataclass(frozen=True)
class LayerClass:
    id: str
    label: dict[str, str]
    layer_names: tuple[str, ...]  # normalised name parts; empty: any layer with the fields
    fields: tuple[str, ...]  # the fields every layer of the class has (normalised)
    feeds: tuple[Feed, ...]
    buildings: BuildingFields | None = None
    mixed: bool = False  # its layers hold objects of many kinds: never used whole
    # a grid of building counts by period of construction: column → the year that stands for the period
    periods: dict[str, float] = dataclasses.field(default_factory=dict)
    carriers: Carriers | None = None  # generation units: which energy carrier each one produces
    heating: dict[str, str] = dataclasses.field(default_factory=dict)  # grid column → the balance's heat carrier

    def label_text(self) -> str:
        return localised(self.label)

    def matches(self, layer: LayerDescription) -> bool:
        names = {normalise(name) for name in layer.fields}
        if not all(field in names for field in self.fields):
            return False
        name = normalise(layer.name)
        return not self.layer_names or any(_name_part(part, name) for part in self.layer_names)


@dataclass(frozen=True, eq=False)  # one object per file, hashed by identity (its dicts are not hashable)
class Profile:
    id: str
    title: dict[str, str]
    description: dict[str, str]
    source: str
    status: str
    date: datetime.date
    tag_column: str | None
    classes: tuple[LayerClass, ...]

    def title_text(self) -> str:
        return localised(self.title)

    def description_text(self) -> str:
        return localised(self.description)


@dataclass(frozen=True)
class Recognition:
    """A layer recognised as a class of a profile."""

    profile: Profile
    layer_class: LayerClass

    def label(self) -> str:
        return f"{self.profile.title_text()}: {self.layer_class.label_text()}"


@dataclass(frozen=True)
class CriterionSource:
    """One layer's features for a criterion: the layer's key, and how they are chosen: through the profile's feed,
    all of them (``whole``), or else by the catalog's own filter (a layer no profile knows that has its field)."""

    key: str
    recognition: Recognition | None = None
    feed: Feed | None = None
    whole: bool = False

    def how(self) -> str:
        """How the features are chosen, as the Daten step and the log say it."""
        if self.feed is not None:
            how = self.feed.selection.describe() if self.feed.selection else tr("alle Objekte")
            if self.feed.filter_field:
                how += tr(", Filter des Katalogs auf {field}").format(field=self.feed.filter_field)
            return how
        return tr("alle Objekte") if self.whole else tr("Filter des Katalogs")


def _name_part(part: str, name: str) -> bool:
    """``part`` occurs in ``name`` as whole words ("ax_wald" in "alkis_ax_wald", not in "ax_waldweg"); a part
    ending in "*" may go on to the end of its word ("nsg*" in "nsg_lsa2024", "naturpark*" in "naturparke")."""
    stem, open_end = (part[:-1], True) if part.endswith("*") else (part, False)
    end = r"[a-z0-9]*" if open_end else ""
    return re.search(rf"(^|[^a-z0-9]){re.escape(stem)}{end}($|[^a-z0-9])", name) is not None


class Columns:
    """The values of a field (any case) in a frame; for a key without a column, the tag of that key in the tag
    column (OSM's other_tags, parsed once); all missing when neither has it."""

    def __init__(self, frame: pd.DataFrame, tag_column: str | None = None):
        self.frame, self.tag_column = frame, tag_column
        self.names = {normalise(str(column)): column for column in frame.columns}
        self._tags: pd.Series | None = None

    def __getitem__(self, field: str) -> pd.Series:
        if field in self.names:
            return self.frame[self.names[field]]
        if self.tag_column is not None and self.tag_column in self.names:
            if self._tags is None:
                self._tags = self.frame[self.names[self.tag_column]].map(parse_tags)
            return self._tags.map(lambda tags: tags.get(field))
        return pd.Series([None] * len(self.frame), index=self.frame.index, dtype=object)


def present(column: pd.Series) -> np.ndarray:
    """Where ``column`` has a value (not NULL, not empty)."""
    return np.array([value is not None and not (isinstance(value, float) and np.isnan(value)) and str(value) != ""
                     for value in column], dtype=bool)


_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')


def parse_tags(text) -> dict[str, str]:
    """OSM tags of GDAL's ``other_tags`` as a dict: ``"key"=>"value","k2"=>"v2"`` (quotes inside escaped), or
    the JSON object GDAL writes with TAGS_FORMAT=JSON."""
    if not isinstance(text, str) or not text:
        return {}
    if text.lstrip().startswith("{"):
        try:
            tags = json.loads(text)
        except ValueError:
            return {}
        return {str(key): str(value) for key, value in tags.items()} if isinstance(tags, dict) else {}
    return {_unescape(key): _unescape(value) for key, value in _TAG.findall(text)}


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# -- reading the profile files ---------------------------------------------------------------------------------------

def shipped_profile_paths() -> list[Path]:
    return sorted(PROFILE_DIR.glob("*.json"))


@cache
def shipped_profiles() -> tuple[Profile, ...]:
    """The profiles that ship with the plugin (read once; they do not change while QGIS runs)."""
    return tuple(load_profile(path) for path in shipped_profile_paths())


def load_profile(path: Path) -> Profile:
    path = Path(path)
    reader = JsonReader(read_json(path, ProfileError), path.name, ProfileError)
    reader.expect_format(FORMAT, FORMAT_VERSION)
    raw_classes = reader.get("classes", list)
    if not raw_classes:
        reader.fail("classes", tr("mindestens eine Objektklasse nötig"))
    classes: list[LayerClass] = []
    for index, raw in enumerate(raw_classes):
        class_id = raw.get("id") if isinstance(raw, dict) else None
        where = tr("{where}, Klasse {number} ({id})").format(where=path.name, number=index + 1, id=class_id or "?")
        classes.append(_parse_class(JsonReader(raw, where, ProfileError), {c.id: c for c in classes}))
    tag_column = reader.data.get("tag_column")
    if tag_column is not None and not (isinstance(tag_column, str) and tag_column.strip()):
        reader.fail("tag_column", tr("Feldname erwartet"))
    return Profile(id=reader.identifier("id"), title=reader.bilingual("title"),
                   description=reader.bilingual("description"), source=reader.text("source"),
                   status=reader.choice("status", STATUSES), date=reader.date("date"),
                   tag_column=normalise(tag_column) if tag_column else None, classes=tuple(classes))


def _parse_class(reader: JsonReader, earlier: dict[str, LayerClass]) -> LayerClass:
    """A layer class; its feeds are its own, or with ``feeds_from`` those of earlier classes (a catch-all class
    for layers of the model named otherwise)."""
    layer_names = tuple(normalise(name) for name in _texts(reader, "layers"))
    fields = tuple(normalise(name) for name in _texts(reader, "fields"))
    if not layer_names and not fields:
        reader.fail("layers", tr("Namen oder Felder nötig, sonst passte jede Ebene"))
    feeds = []
    for class_id in _texts(reader, "feeds_from") if "feeds_from" in reader.data else []:
        if class_id not in earlier:
            reader.fail("feeds_from", tr("„{id}“ ist keine frühere Klasse").format(id=class_id))
        feeds += earlier[class_id].feeds
    for index, raw in enumerate(reader.get("feeds", list) if "feeds" in reader.data or not feeds else []):
        sub = JsonReader(raw, f"{reader.where}, feeds {index + 1}", ProfileError)
        criteria = tuple(_texts(sub, "criteria"))
        if not criteria:
            sub.fail("criteria", tr("mindestens ein Kriterium nötig"))
        filter_field = normalise(sub.text("filter_field")) if "filter_field" in sub.data else None
        unless = sub.text("unless") if "unless" in sub.data else None
        feeds.append(Feed(criteria, _parse_selection(sub) if "where" in sub.data else None, filter_field, unless))
    buildings = _parse_buildings(reader.child("buildings")) if "buildings" in reader.data else None
    if not feeds and buildings is None:
        reader.fail("feeds", tr("die Klasse speist weder Kriterien noch Gebäude"))
    mixed = reader.get("mixed", bool) if "mixed" in reader.data else False
    periods = reader.get("periods", dict) if "periods" in reader.data else {}
    if not all(isinstance(year, (int, float)) and 1000 <= year <= 2100 for year in periods.values()):
        reader.fail("periods", tr("Spalten und Jahre erwartet"))
    carriers = _parse_carriers(reader.child("carriers")) if "carriers" in reader.data else None
    heating = reader.get("heating", dict) if "heating" in reader.data else {}
    if not set(heating.values()) <= set(HEAT_CARRIERS):
        reader.fail("heating", tr("Spalten und Energieträger {allowed} erwartet").format(
            allowed=", ".join(HEAT_CARRIERS)))
    return LayerClass(reader.identifier("id"), reader.bilingual("label"), layer_names, fields, tuple(feeds),
                      buildings, mixed, {normalise(column): float(year) for column, year in periods.items()},
                      carriers, {normalise(column): carrier for column, carrier in heating.items()})


GENERATION_CARRIERS = ("pv", "wind", "biomasse", "wasser")  # the balance's carriers of local generation
HEAT_CARRIERS = ("erdgas", "heizoel", "fernwaerme", "biomasse", "umweltwaerme")  # of heated buildings today


def _parse_carriers(reader: JsonReader) -> Carriers:
    values = reader.get("values", dict) if "values" in reader.data else {}
    default = reader.choice("default", GENERATION_CARRIERS) if "default" in reader.data else None
    if not set(values.values()) <= set(GENERATION_CARRIERS) or (values and "field" not in reader.data) or not (
            values or default):
        reader.fail("values", tr("Feld und Werte der Energieträger {allowed} erwartet").format(
            allowed=", ".join(GENERATION_CARRIERS)))
    return Carriers(normalise(reader.text("field")) if values else None,
                    {normalise(value): carrier for value, carrier in values.items()}, default)


def _texts(reader: JsonReader, field: str) -> list[str]:
    values = reader.get(field, list)
    if not all(isinstance(value, str) and value.strip() for value in values):
        reader.fail(field, tr("Liste von Namen erwartet"))
    return values


def _parse_selection(reader: JsonReader) -> Selection:
    alternatives = reader.get("where", list)
    if not alternatives:
        reader.fail("where", tr("mindestens eine Bedingung nötig"))
    parsed = []
    for alternative in alternatives:
        if not isinstance(alternative, dict) or not alternative:
            reader.fail("where", tr("jede Alternative ist ein Objekt aus Feld und Bedingung"))
        conditions = []
        for field, condition in alternative.items():
            if condition is None:
                conditions.append(AttributeFilter(normalise(field), (NO_VALUE,)))
            elif isinstance(condition, list) and condition:
                conditions.append(AttributeFilter(normalise(field), tuple(condition)))
            elif isinstance(condition, dict) and condition.get("op") in OPERATORS and \
                    isinstance(condition.get("value"), (int, float)):
                conditions.append(AttributeFilter(normalise(field), (), condition["op"], float(condition["value"])))
            else:
                reader.fail("where", tr("„{field}“: Liste von Werten oder {{\"op\", \"value\"}} erwartet").format(
                    field=field))
        parsed.append(tuple(conditions))
    return Selection(tuple(parsed))


def _parse_buildings(reader: JsonReader) -> BuildingFields:
    fields = reader.get("fields", dict)
    unknown = sorted(set(fields) - set(BUILDING_FIELDS))
    if unknown or not all(isinstance(name, str) and name.strip() for name in fields.values()):
        reader.fail("fields", tr("Feldnamen für {allowed} erwartet").format(allowed=", ".join(BUILDING_FIELDS)))
    codes = reader.data.get("function_codes", {})
    if not isinstance(codes, dict) or not all(isinstance(code, int) and 1000 <= code <= 9999
                                              for code in codes.values()):
        reader.fail("function_codes", tr("Werte und vierstellige ALKIS-Gebäudefunktionen erwartet"))
    types = reader.data.get("types", {})
    if not isinstance(types, dict) or not set(types.values()) <= {"EFH", "RH", "MFH", "GMH"}:
        reader.fail("types", tr("Werte und Gebäudetypen EFH, RH, MFH oder GMH erwartet"))
    return BuildingFields({role: normalise(name) for role, name in fields.items()},
                          {normalise(value): code for value, code in codes.items()},
                          {normalise(value): kind for value, kind in types.items()})


# -- recognising layers and feeding criteria ---------------------------------------------------------------------------

def recognise(layer: LayerDescription, profiles: Sequence[Profile] | None = None) -> list[Recognition]:
    """The profiles that recognise ``layer``, each with the first of its classes the layer matches. A name that
    fits several named classes of one profile ("Schutzgebiete_NSG_LSG") is no layer of that model: it is left to
    the planner."""
    if profiles is None:  # the docks ask for every layer and criterion on each refresh: once per layer is enough
        return list(_recognised_by_shipped(layer))
    found = []
    for profile in profiles:
        matching = [c for c in profile.classes if c.matches(layer)]
        if len([c for c in matching if c.layer_names]) > 1:
            continue
        if matching:
            found.append(Recognition(profile, matching[0]))
    return found


@cache
def _recognised_by_shipped(layer: LayerDescription) -> tuple[Recognition, ...]:
    return tuple(recognise(layer, shipped_profiles()))


def fed_inputs(layer: LayerDescription, profiles: Sequence[Profile] | None = None) -> frozenset[str]:
    """The criteria of any catalog a recognised layer can feed, and "buildings" for a building layer (what the
    Planungsassistent lists it for)."""
    fed = set()
    for recognition in recognise(layer, profiles):
        fed.update(criterion for feed in recognition.layer_class.feeds for criterion in feed.criteria)
        if recognition.layer_class.buildings is not None:
            fed.add(BUILDINGS)
    return frozenset(fed)


def profile_feed(recognitions: Sequence[Recognition], criterion_id: str, catalog_ids: Collection[str] = ()
                 ) -> tuple[Recognition, Feed] | None:
    """How a recognised layer feeds ``criterion_id`` of a catalog with the criteria ``catalog_ids``: the first of
    its classes that knows the criterion, with its feeds of it as one (their selections joined by "or"); None when
    none of them knows it."""
    for recognition in recognitions:
        feeds = [feed for feed in recognition.layer_class.feeds
                 if criterion_id in feed.criteria and feed.unless not in catalog_ids]
        if feeds:
            selections = [feed.selection for feed in feeds]
            selection = None if None in selections else Selection(
                tuple(alternative for chosen in selections for alternative in chosen.alternatives))
            filter_field = next((feed.filter_field for feed in feeds if feed.filter_field), None)
            return recognition, Feed((criterion_id,), selection, filter_field)
    return None


def suggest_sources(criterion: Criterion, layers: Sequence[LayerDescription], catalog_ids: Collection[str] = (),
                    profiles: Sequence[Profile] | None = None) -> list[CriterionSource]:
    """The layers that feed ``criterion`` (of a catalog with the criteria ``catalog_ids``): every recognised layer
    whose profile knows it, and among the layers no profile knows those the catalog's name hints find."""
    sources, by_name = [], []
    for layer in layers:
        recognitions = recognise(layer, profiles)
        fed = profile_feed(recognitions, criterion.id, catalog_ids) if recognitions else None
        if fed is not None:
            if criterion.geometry == "any" or layer.kind == criterion.geometry:
                sources.append(CriterionSource(layer.key or layer.name, *fed))
        elif not any(recognition.layer_class.mixed for recognition in recognitions):
            by_name.append(layer)  # a model that does not know the criterion may still hold it: its name says
    return sources + [CriterionSource(key) for key in suggest_layers(criterion, by_name)]


def assigned_source(criterion: Criterion, layer: LayerDescription, catalog_ids: Collection[str] = (),
                    profiles: Sequence[Profile] | None = None) -> CriterionSource:
    """A layer the planner assigned to ``criterion`` by hand: read through its profile when that knows the
    criterion; else through the catalog's filter when the layer has its field, else whole. A layer of a mixed model
    whose profile does not know the criterion raises :class:`MixedLayerError`."""
    key = layer.key or layer.name
    recognitions = recognise(layer, profiles)
    fed = profile_feed(recognitions, criterion.id, catalog_ids) if recognitions else None
    if fed is not None:
        return CriterionSource(key, *fed)
    mixed = next((r for r in recognitions if r.layer_class.mixed), None)
    if mixed is not None:
        raise MixedLayerError(tr(
            "{criterion}: die Ebene „{layer}“ ({model}) enthält Objekte vieler Arten, und ihr Datenmodell kennt "
            "keine Auswahl für dieses Kriterium. Bitte eine Ebene zuordnen, die nur diese Objekte enthält.").format(
            criterion=criterion.label_text(), layer=layer.name, model=mixed.label()))
    if has_field(layer.fields, criterion.attribute_filter.field if criterion.attribute_filter else None):
        return CriterionSource(key, recognitions[0] if recognitions else None)
    return CriterionSource(key, recognitions[0] if recognitions else None, whole=True)



def source_fields(source: CriterionSource, criterion: Criterion, layer_fields: Sequence[str]
                  ) -> tuple[list[str], list[str]]:
    """(to read, missing): the fields of the layer to read for ``source``, in the layer's own spelling (those its
    feed needs, the tag column, or the catalog filter's field), and those of its feed the layer lacks (their
    conditions then match nothing)."""
    by_name = {normalise(name): name for name in layer_fields}
    if source.feed is not None:
        wanted = source.feed.selection.fields() if source.feed.selection else []
        if criterion.attribute_filter is not None and source.feed.filter_field not in (None, *wanted):
            wanted.append(source.feed.filter_field)
        tag_column = source.recognition.profile.tag_column
        missing = [name for name in wanted if name not in by_name]
        if tag_column and missing and tag_column in by_name:
            wanted.append(tag_column)
            missing = []
        return [by_name[name] for name in wanted if name in by_name], missing
    if source.whole or criterion.attribute_filter is None:
        return [], []
    return [by_name.get(normalise(criterion.attribute_filter.field), criterion.attribute_filter.field)], []


def select(frame, source: CriterionSource, criterion: Criterion):
    """The features of ``frame`` (read for ``source``) that count for ``criterion`` through the profile's feed;
    the frame itself for a source the catalog's filter or nothing selects."""
    feed = source.feed
    if feed is None:
        return frame
    tag_column = source.recognition.profile.tag_column
    passes = feed.selection.mask(frame, tag_column) if feed.selection else np.ones(len(frame), dtype=bool)
    catalog_filter = criterion.attribute_filter
    if feed.filter_field and catalog_filter is not None:
        passes &= replace(catalog_filter, field=feed.filter_field).mask(Columns(frame, tag_column)[feed.filter_field])
    return frame[passes]


def layer_columns(wanted: Collection[str], tag_column: str | None, layer_fields: Sequence[str]) -> list[str]:
    """The layer's fields (in its own spelling) among ``wanted`` (normalised names), the tag column included."""
    wanted = set(wanted) | ({tag_column} if tag_column else set())
    return [name for name in layer_fields if normalise(name) in wanted]


def building_fields(layer: LayerDescription, profiles: Sequence[Profile] | None = None
                    ) -> tuple[Recognition, BuildingFields] | None:
    """Where a recognised building layer keeps what the heat steps need; None for a layer no profile knows as one."""
    for recognition in recognise(layer, profiles):
        if recognition.layer_class.buildings is not None:
            return recognition, recognition.layer_class.buildings
    return None


@dataclass
class BuildingInputs:
    """What a recognised building layer says of each building, as the heat demand takes it."""

    functions: list  # ALKIS Gebäudefunktion codes, None where unknown
    types: list  # EFH/RH/MFH/GMH, None where the model does not say
    storeys: np.ndarray  # NaN where unknown or no number
    years: np.ndarray  # year of construction, NaN where unknown


def building_inputs(frame: pd.DataFrame, buildings: BuildingFields, tag_column: str | None) -> BuildingInputs:
    """The building inputs from the attribute columns ``frame`` (read by :func:`layer_columns`): function
    values mapped to ALKIS codes where the model names them otherwise (OSM's building=house), storeys and years
    taken from the first number of their text ("2", "1965-1970"), anything else unknown."""
    columns = Columns(frame, tag_column)

    def column(role: str) -> list:
        field = buildings.fields.get(role)
        return columns[field].tolist() if field else [None] * len(frame)

    raw_functions = column("function")
    if buildings.function_codes or buildings.types:
        functions = [buildings.function_codes.get(normalise(str(value))) if value is not None else None
                     for value in raw_functions]
        types = [buildings.types.get(normalise(str(value))) if value is not None else None
                 for value in raw_functions]
    else:
        functions, types = raw_functions, column("type")
    return BuildingInputs(functions, types, np.array([_first_number(value) for value in column("storeys")]),
                          np.array([_first_number(value, YEAR) for value in column("year")]))


NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
def _first_number(value, pattern: re.Pattern = NUMBER) -> float:
    """The number a value holds: itself, or the first number of its text."""
    numbers = _numbers_in(value, pattern)
    return numbers[0] if numbers else np.nan


def _highest_number(value) -> float:
    """Of several numbers in a value's text the highest (OSM's voltage=110000;20000)."""
    numbers = _numbers_in(value, NUMBER)
    return max(numbers) if numbers else np.nan


def _numbers_in(value, pattern: re.Pattern) -> list[float]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return [float(value)]
    return [float(found.replace(",", ".")) for found in pattern.findall(str(value))]


CENSUS_CRS = "EPSG:3035"  # the census grids' cells: ETRS89-LAEA, starting at multiples of their size
# the census grids name their cells and centres by the cell size: GITTER_ID_100m, x_mp_100m …
CENSUS_CELL = re.compile(r"(?:gitter_id|x_mp)_(100m|1km|10km)", re.IGNORECASE)
CENSUS_CELL_METRES = {"100m": 100.0, "1km": 1000.0, "10km": 10000.0}


def census_cell_size(names: Sequence[str]) -> float | None:
    """The cell size (m) of a census grid from its field names (or its CSV header), None for anything else."""
    found = next((CENSUS_CELL.search(name) for name in names if CENSUS_CELL.search(name)), None)
    return CENSUS_CELL_METRES[found.group(1).lower()] if found else None


def cell_years(frame: pd.DataFrame, periods: dict[str, float]) -> np.ndarray:
    """Each cell's year of construction: the year standing for its most common period of construction (NaN for a
    cell without counted buildings; suppressed counts "–" count as none)."""
    columns = Columns(frame)
    counts = np.column_stack([pd.to_numeric(columns[column], errors="coerce").fillna(0.0).to_numpy(float)
                              for column in periods])
    years = np.array(list(periods.values()))
    return np.where(counts.max(axis=1) > 0, years[counts.argmax(axis=1)], np.nan)


def cell_centres(x: np.ndarray, y: np.ndarray, size: float) -> list[tuple[float, float]]:
    """The centre of the grid cell each point lies in (the census grid's cells start at multiples of the size)."""
    return list(zip(np.floor(x / size) * size + size / 2, np.floor(y / size) * size + size / 2))


def selection_filter(selection: Selection, tag_column: str | None, layer_fields: dict[str, bool]) -> str | None:
    """The selection as an SQL filter on the layer (a QGIS subset string) in the layer's own field spelling
    (``layer_fields``: name → whether the field holds numbers); None where SQL cannot say it (a comparison with a
    number inside OSM's other_tags)."""
    by_name = {normalise(name): name for name in layer_fields}
    tags = by_name.get(tag_column) if tag_column else None
    alternatives = []
    for alternative in selection.alternatives:
        parts = []
        for condition in alternative:
            column = by_name.get(condition.field)
            part = _condition_sql(condition, column, tags, bool(column and layer_fields[column]))
            if part is None:
                return None
            parts.append(part)
        alternatives.append("(" + " AND ".join(parts) + ")")
    return " OR ".join(alternatives)


def _condition_sql(condition: AttributeFilter, column: str | None, tags: str | None, numeric: bool) -> str | None:
    if column is not None:
        quoted = '"' + column.replace('"', '""') + '"'
        if condition.values == (ANY_VALUE,):
            return f"{quoted} IS NOT NULL" if numeric else f"({quoted} IS NOT NULL AND {quoted} <> '')"
        if condition.values == (NO_VALUE,):
            return f"{quoted} IS NULL" if numeric else f"({quoted} IS NULL OR {quoted} = '')"
        if condition.op is not None:
            return f"{quoted} {'=' if condition.op == '==' else condition.op} {_sql_number(condition.value)}" \
                if numeric else None
        literals = [_sql_literal(value, numeric) for value in condition.values]
        literals = [literal for literal in literals if literal is not None]
        return f"{quoted} IN ({', '.join(literals)})" if literals else "0 = 1"
    if tags is None:
        return None  # the layer has no such field: no filter would say what the profile means
    quoted = '"' + tags.replace('"', '""') + '"'
    key = condition.field.replace("'", "''")
    if condition.values == (ANY_VALUE,):
        return f"{quoted} LIKE '%\"{key}\"=>%'"
    if condition.values == (NO_VALUE,):
        return f"({quoted} IS NULL OR {quoted} NOT LIKE '%\"{key}\"=>%')"
    if condition.op is not None:
        return None
    return "(" + " OR ".join(f"{quoted} LIKE '%\"{key}\"=>\"{str(value).replace(chr(39), chr(39) * 2)}\"%'"
                             for value in condition.values) + ")"


def _sql_number(value: float) -> str:
    """A number as SQL writes it, whole ones without exponent (15083440, not 1.50834e+07)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _sql_literal(value, numeric: bool) -> str | None:
    """A value as an SQL literal for a numeric or a text field (codes match as text: 1621 and "1621" alike); None
    for text a numeric field cannot hold."""
    text = comparable_text(value)
    if numeric:
        try:
            return _sql_number(float(text))
        except (TypeError, ValueError):
            return None
    return "'" + str(value if isinstance(value, str) else text).replace("'", "''") + "'"
