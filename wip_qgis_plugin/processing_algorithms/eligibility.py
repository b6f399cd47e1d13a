"""wip:eligibility – Flächenkulisse ermitteln: eligible land per technology from a legal criteria catalog, with
the audit trail of every exclusion."""
from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsRectangle,
)

from ..core.catalog import (
    DEFAULT_TURBINE,
    MAX_DISTANCE_M,
    Catalog,
    CatalogError,
    TurbineGeometry,
    load_catalog,
    shipped_catalog_title,
    shipped_catalogs,
)
from ..core.eligibility import (
    WHOLE_LAYER,
    CriteriaVariant,
    EligibilityCancelled,
    EligibilityError,
    compute_eligibility,
)
from ..core.lazy import lazy_module
from ..core.profiles import MixedLayerError, assigned_source, select, source_fields, suggest_sources
from ..qgis_io.compat import (
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    SOURCE_ANY_GEOMETRY,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
    WKB_POINT,
)
from ..qgis_io.layers import qgs_fields, read_frame, working_crs, write_frame
from ..qgis_io.project import describe_layer, layer_key, layer_label
from .base import WipAlgorithm

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

SOFT_KEYS = ("weich", "soft")  # the variants table's row for the soft criteria as a whole
OFF_VALUES = ("aus", "off")

def metres_of(cell) -> float | None:
    """A distance typed into a table cell ("800", "800,5"); None when it is no number from 0 to MAX_DISTANCE_M."""
    try:
        metres = float(str(cell).strip().replace(",", "."))
    except ValueError:
        return None
    return metres if 0 <= metres <= MAX_DISTANCE_M else None


@dataclass
class EligibilityInputs:
    catalog: Catalog
    study: object  # GeoDataFrame in the working CRS
    constraints: dict  # criterion id -> GeoDataFrame of its features
    layer_names: dict  # criterion id -> the names of its layers
    turbine: TurbineGeometry
    id_field: str | None
    crs: QgsCoordinateReferenceSystem
    overrides: dict  # criterion id -> metres


# Index order of the CATALOG enum: only ever append, models and batch files store the index.
SHIPPED_CATALOG_IDS = ("lsa_wind", "lsa_pv_freiflaeche", "lsa_agri_pv", "lsa_floating_pv", "lsa_gewerbe")


class EligibilityAlgorithm(WipAlgorithm):
    algorithm_id = "eligibility"

    STUDY_AREA = "STUDY_AREA"
    STUDY_ID_FIELD = "STUDY_ID_FIELD"
    CATALOG = "CATALOG"
    CATALOG_FILE = "CATALOG_FILE"
    CONSTRAINT_LAYERS = "CONSTRAINT_LAYERS"
    CRITERIA_MAPPING = "CRITERIA_MAPPING"
    DISTANCE_OVERRIDES = "DISTANCE_OVERRIDES"
    HUB_HEIGHT = "HUB_HEIGHT"
    ROTOR_DIAMETER = "ROTOR_DIAMETER"
    MIN_AREA_HA = "MIN_AREA_HA"
    SOFT_EXCLUDES = "SOFT_EXCLUDES"
    ELIGIBLE = "ELIGIBLE"
    EXCLUDED = "EXCLUDED"
    SUMMARY = "SUMMARY"
    VARIANTS = "VARIANTS"



    def shortHelpString(self):
        return self.tr(
            "Ermittelt die für eine Technologie (Wind, Freiflächen-PV, Agri-PV, Floating-PV, Gewerbe) geeigneten "
            "Flächen eines oder mehrerer Untersuchungsgebiete nach einem Kriterienkatalog. Harte Kriterien "
            "schließen immer aus, weiche nur auf Wunsch; Abwägungskriterien und privilegierte Korridore werden an "
            "den geeigneten Flächen vermerkt.\n\nDie Restriktionsebenen werden den Kriterien über ihren Namen "
            "zugeordnet (Vorschlag aus dem Katalog) oder ausdrücklich in der Zuordnungstabelle (Kriterium, "
            "Ebene). Jede ausgeschlossene Teilfläche nennt die Kriterien, ihren Typ und ihre Rechtsgrundlage. Die "
            "Bilanz zeigt die Fläche je Kriterium (allein und mit Überlagerung) und bei Wind den Vergleich mit den "
            "Flächenzielen nach WindBG und LEntwG LSA.\n\nAbstände werden metrisch in einem projizierten KBS "
            "berechnet; geografische Eingaben werden nach ETRS89 / UTM 32N (EPSG:25832) umprojiziert. Die Kreisbögen "
            "der Abstandszonen sind Sehnenzüge, die höchstens 0,5 m innerhalb des Abstands liegen.")

    def initAlgorithm(self, config=None):
        self.add_inputs()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ELIGIBLE, self.tr("Geeignete Flächen"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.EXCLUDED, self.tr("Ausgeschlossene Flächen mit Begründung"),
            SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, self.tr("Flächenbilanz"), SOURCE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber("ELIGIBLE_HA", self.tr("Geeignete Fläche (ha)")))
        self.addOutput(QgsProcessingOutputNumber("EXCLUDED_HA", self.tr("Ausgeschlossene Fläche (ha)")))
        self.addOutput(QgsProcessingOutputNumber("ELIGIBLE_SHARE_PCT", self.tr("Anteil geeignet (%)")))

    def add_inputs(self) -> None:
        """The study area, the catalog with its layers and settings (shared with the robustness over variants)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, self.tr("Untersuchungsgebiet(e)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            self.STUDY_ID_FIELD, self.tr("Kennung des Untersuchungsgebiets (z. B. AGS)"),
            parentLayerParameterName=self.STUDY_AREA, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.CATALOG, self.tr("Kriterienkatalog"), options=[shipped_catalog_title(c) for c in SHIPPED_CATALOG_IDS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOG_FILE, self.tr("Eigener Kriterienkatalog (JSON, ersetzt die Auswahl oben)"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.CONSTRAINT_LAYERS, self.tr("Restriktionsebenen"), SOURCE_ANY_GEOMETRY))
        mapping = QgsProcessingParameterMatrix(
            self.CRITERIA_MAPPING, self.tr("Zuordnung Kriterium → Ebene (ergänzt/ersetzt den Vorschlag; "
                                           "Ebene „-“ schaltet ein Kriterium ab)"),
            headers=[self.tr("Kriterium"), self.tr("Ebene")], optional=True)
        self.addParameter(mapping)
        overrides = QgsProcessingParameterMatrix(
            self.DISTANCE_OVERRIDES, self.tr("Abweichende Abstände (Kriterium, Meter)"),
            headers=[self.tr("Kriterium"), self.tr("Abstand (m)")], optional=True)
        self.addParameter(overrides)
        self.addParameter(QgsProcessingParameterNumber(
            self.HUB_HEIGHT, self.tr("Nabenhöhe der Referenzanlage (m)"),
            NUMBER_DOUBLE, DEFAULT_TURBINE.hub_height, minValue=10, maxValue=400))
        self.addParameter(QgsProcessingParameterNumber(
            self.ROTOR_DIAMETER, self.tr("Rotordurchmesser der Referenzanlage (m)"),
            NUMBER_DOUBLE, DEFAULT_TURBINE.rotor_diameter, minValue=10, maxValue=350))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA_HA, self.tr("Mindestgröße zusammenhängender Flächen (ha)"),
            NUMBER_DOUBLE, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SOFT_EXCLUDES, self.tr("Weiche Kriterien schließen aus"), defaultValue=True))
        for parameter in (mapping, overrides):
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)

    def add_variants(self) -> None:
        self.addParameter(QgsProcessingParameterMatrix(
            self.VARIANTS, self.tr("Varianten der Kriterien (Kriterium oder „weich“)"),
            headers=[self.tr("Variante"), self.tr("Kriterium"), self.tr("Abstand (m) oder „aus“")],
            optional=True))

    def criteria_variants(self, parameters, context, catalog: Catalog, overrides: dict) -> list[CriteriaVariant]:
        """The catalog as set (with ``overrides``), then each variant of the variants table."""
        soft_excludes = self.parameterAsBool(parameters, self.SOFT_EXCLUDES, context)
        base = CriteriaVariant(self.tr("Katalog wie eingestellt"), dict(overrides), frozenset(), soft_excludes)
        cells = self.parameterAsCells(parameters, self.VARIANTS, context)
        if len(cells) % 3:
            raise QgsProcessingException(self.tr("Die Variantentabelle braucht Zeilen aus Name, Kriterium und "
                                                 "Abstand."))
        changes: dict[str, dict] = {}
        for name, criterion_id, value in zip(cells[::3], cells[1::3], cells[2::3]):
            name, criterion_id, value = str(name).strip(), str(criterion_id).strip(), str(value).strip().lower()
            if not name:
                raise QgsProcessingException(self.tr("Variantentabelle: jede Zeile braucht den Namen ihrer Variante."))
            change = changes.setdefault(name, {"distances": dict(overrides), "off": set(),
                                               "soft": soft_excludes})
            if criterion_id.lower() in SOFT_KEYS:
                change["soft"] = value not in OFF_VALUES
                continue
            if criterion_id not in catalog.criterion_ids():
                raise QgsProcessingException(self.tr("Variante „{variant}“: Kriterium „{criterion}“ gibt es im "
                                                     "Katalog „{catalog}“ nicht.").format(
                    variant=name, criterion=criterion_id, catalog=catalog.id))
            if value in OFF_VALUES:
                change["off"].add(criterion_id)
                continue
            metres = metres_of(value)
            if metres is None:
                raise QgsProcessingException(self.tr("Variante „{variant}“: „{value}“ ist für „{criterion}“ weder ein "
                                                     "Abstand in Metern von 0 bis {limit:g} noch „aus“.").format(
                    variant=name, value=value, criterion=criterion_id, limit=MAX_DISTANCE_M))
            change["distances"][criterion_id] = metres
        return [base] + [CriteriaVariant(name, change["distances"], frozenset(change["off"]), change["soft"])
                         for name, change in changes.items()]

    def _catalog(self, parameters, context):
        path = self.parameterAsFile(parameters, self.CATALOG_FILE, context)
        if not path:
            index = self.parameterAsEnum(parameters, self.CATALOG, context)
            path = shipped_catalogs()[SHIPPED_CATALOG_IDS[index]]
        try:
            return load_catalog(Path(path))
        except CatalogError as error:
            raise QgsProcessingException(str(error)) from error

    def _mapping(self, catalog, layers, parameters, context, feedback) -> dict:
        """criterion id -> [(layer, how its features are chosen)]: the explicit table first (a criterion may be
        listed with several layers), then what the data profiles recognise and the catalog's name hints find."""
        by_id = {layer.id(): layer for layer in layers}
        # suggestions come back as layer ids: two OSM extracts both have a layer "lines"
        descriptions = {layer.id(): describe_layer(layer, layer.id()) for layer in layers}
        explicit = self.parameterAsCells(parameters, self.CRITERIA_MAPPING, context)
        if len(explicit) % 2:
            raise QgsProcessingException(self.tr("Die Zuordnungstabelle braucht Paare aus Kriterium und Ebene."))
        chosen: dict[str, list] = {}
        for criterion_id, name in zip(explicit[::2], explicit[1::2]):
            criterion_id, name = str(criterion_id).strip(), str(name).strip()
            if criterion_id not in catalog.criterion_ids():
                raise QgsProcessingException(self.tr("Zuordnung: Kriterium „{criterion}“ gibt es im Katalog "
                                                     "„{catalog}“ nicht.").format(criterion=criterion_id,
                                                                                 catalog=catalog.id))
            chosen.setdefault(criterion_id, [])
            if name != "-":
                layer = self._named_layer(name, layers)
                try:
                    chosen[criterion_id].append(assigned_source(catalog.criterion(criterion_id),
                                                                descriptions[layer.id()], catalog.criterion_ids()))
                except MixedLayerError as error:
                    raise QgsProcessingException(str(error)) from error
        assigned = set(chosen)
        for criterion in catalog.criteria:
            if criterion.id not in assigned:
                chosen[criterion.id] = suggest_sources(criterion, list(descriptions.values()),
                                                       catalog.criterion_ids())
            for source in chosen[criterion.id]:
                found_by = source.recognition.label() if source.recognition else \
                    self.tr("zugeordnet") if criterion.id in assigned else self.tr("nach Namen")
                feedback.pushInfo(self.tr("{criterion}: Ebene „{layer}“ ({found_by}; {how})").format(
                    criterion=criterion.label_text(), layer=layer_label(by_id[source.key]), found_by=found_by,
                    how=source.how()))
        return {criterion_id: [(by_id[source.key], source) for source in sources]
                for criterion_id, sources in chosen.items() if sources}

    def _named_layer(self, name: str, layers):
        """The restriction layer a mapping row names: by layer id, by the name of its layer in the source, or by
        its name in the project; a name several layers share is refused."""
        for key in (lambda layer: layer.id(), layer_key, lambda layer: layer.name()):
            found = [layer for layer in layers if key(layer) == name]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise QgsProcessingException(self.tr("Zuordnung: mehrere Restriktionsebenen heißen „{layer}“; bitte "
                                                     "eindeutig benennen.").format(layer=name))
        raise QgsProcessingException(self.tr("Zuordnung: Ebene „{layer}“ ist keine der Restriktionsebenen "
                                             "({layers}).").format(layer=name, layers=", ".join(
                                                 layer.name() for layer in layers)))

    def distance_overrides(self, catalogs, parameters, context) -> dict[str, float]:
        """The distance table: criterion id → metres, each criterion one of ``catalogs``."""
        values = self.parameterAsCells(parameters, self.DISTANCE_OVERRIDES, context)
        if len(values) % 2:
            raise QgsProcessingException(self.tr("Die Abstandstabelle braucht Paare aus Kriterium und Meter."))
        overrides = {}
        for criterion_id, metres in zip(values[::2], values[1::2]):
            criterion_id = str(criterion_id).strip()
            if not any(criterion_id in catalog.criterion_ids() for catalog in catalogs):
                raise QgsProcessingException(self.tr("Abstände: Kriterium „{criterion}“ gibt es im Katalog "
                                                     "„{catalog}“ nicht.").format(criterion=criterion_id, catalog=", "
                                                                                 .join(c.id for c in catalogs)))
            overrides[criterion_id] = metres_of(metres)
            if overrides[criterion_id] is None:
                raise QgsProcessingException(self.tr("Abstände: „{value}“ ist für „{criterion}“ kein Abstand in "
                                                     "Metern von 0 bis {limit:g}.").format(
                    value=metres, criterion=criterion_id, limit=MAX_DISTANCE_M))
        return overrides

    def read_inputs(self, parameters, context, feedback, catalog: Catalog | None = None,
                    overrides: dict | None = None, cache: dict | None = None,
                    variants=()) -> EligibilityInputs | None:
        """The catalog (the chosen one, or ``catalog`` with its checked ``overrides``), the study area and each
        criterion's features in the working CRS; None when cancelled. Only the features within reach of the study
        area are read: those near enough to exclude land in it at the criterion's distance (the largest of the
        ``variants``), so a database answers with the district's features, not the Land's. ``cache`` keeps the
        layers read (layer id → (frame, extent)) for another catalog's reading."""
        catalog = catalog or self._catalog(parameters, context)
        self.note_catalog(catalog)
        study_source = self.parameterAsSource(parameters, self.STUDY_AREA, context)
        if study_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.STUDY_AREA))
        layers = self.parameterAsLayerList(parameters, self.CONSTRAINT_LAYERS, context)
        mapping = self._mapping(catalog, layers, parameters, context, feedback)
        if overrides is None:
            overrides = self.distance_overrides([catalog], parameters, context)
        turbine = TurbineGeometry(self.parameterAsDouble(parameters, self.HUB_HEIGHT, context),
                                  self.parameterAsDouble(parameters, self.ROTOR_DIAMETER, context))
        id_field = self.parameterAsString(parameters, self.STUDY_ID_FIELD, context) or None

        crs = working_crs(study_source)
        if study_source.sourceCrs().isGeographic():
            feedback.pushWarning(self.tr("Das Untersuchungsgebiet hat ein geografisches KBS ({crs}); gerechnet wird "
                                         "metrisch in {target}.").format(crs=study_source.sourceCrs().authid(),
                                                                         target=crs.authid()))
        study = self.read_input(parameters, self.STUDY_AREA, context, feedback, crs, [id_field] if id_field else [])
        # each layer is read once, with every field any of its criteria needs (a whole OSM extract feeds many)
        reads: dict[str, set] = {}
        for criterion_id, sources in mapping.items():
            for layer, source in sources:
                reads.setdefault(layer.id(), set()).update(
                    source_fields(source, catalog.criterion(criterion_id), layer.fields().names())[0])
        windows = self._windows(study, crs, mapping, catalog, overrides, turbine, variants, context)
        constraints, layer_names = {}, {}
        cache = {} if cache is None else cache
        for criterion_id, sources in mapping.items():
            criterion = catalog.criterion(criterion_id)
            frames = []
            for layer, source in sources:
                if feedback.isCanceled():
                    return None
                read, missing = source_fields(source, criterion, layer.fields().names())
                if missing:
                    feedback.pushWarning(self.tr(
                        "{criterion}: der Ebene „{layer}“ fehlt das Feld {fields} des Datenmodells {profile}; keines "
                        "ihrer Objekte erfüllt diese Bedingung.").format(
                        criterion=criterion.label_text(), layer=layer_label(layer), fields=", ".join(missing),
                        profile=source.recognition.profile.title_text()))
                elif source.whole and criterion.attribute_filter is not None:
                    feedback.pushInfo(self.tr(
                        "{criterion}: die Ebene „{layer}“ hat kein Feld „{field}“; alle ihre Objekte zählen (der "
                        "Filter {filter} gilt für Ebenen mit diesem Feld).").format(
                        criterion=criterion.label_text(), layer=layer_label(layer),
                        field=criterion.attribute_filter.field, filter=criterion.attribute_filter.describe()))
                window = windows[layer.id()]
                cached = cache.get(layer.id())
                if cached is None or not reads[layer.id()] <= set(cached[0].columns) or \
                        not (cached[1] is None or (window is not None and cached[1].contains(window))):
                    cache[layer.id()] = (read_frame(layer, crs, context, feedback, sorted(reads[layer.id()]),
                                                    extent=window), window)
                features = select(cache[layer.id()][0], source, criterion)
                if read and source.feed is None and criterion.attribute_filter.field not in features.columns:
                    # the catalog's filter on a field spelt otherwise ("KATEGORIE" of a shapefile)
                    features = features.rename(columns={read[0]: criterion.attribute_filter.field})
                # what a profile selected, or a layer used whole, is not filtered again by the catalog's filter
                frames.append(features.assign(**{WHOLE_LAYER: source.feed is not None or source.whole})
                              if criterion.attribute_filter else features)
            constraints[criterion_id] = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
            layer_names[criterion_id] = ", ".join(layer.name() for layer, _ in sources)

        return EligibilityInputs(catalog, study, constraints, layer_names, turbine, id_field, crs, overrides)

    @staticmethod
    def _windows(study, crs, mapping: dict, catalog: Catalog, overrides: dict, turbine, variants, context) -> dict:
        """Layer id → the extent (in the layer's CRS) of the features that can exclude land in the study area: its
        bounding box grown by the largest distance of the layer's criteria; None to read the whole layer."""
        bounds = [float(value) for value in study.total_bounds] if len(study) else []
        layers, reach = {}, {}
        for criterion_id, sources in mapping.items():
            metres = max([overrides.get(criterion_id, catalog.criterion(criterion_id).distance.resolve(turbine)),
                          *(variant.distances.get(criterion_id, 0.0) for variant in variants)])
            for layer, _source in sources:
                layers[layer.id()] = layer
                reach[layer.id()] = max(reach.get(layer.id(), 0.0), metres)
        windows = dict.fromkeys(layers)
        if not bounds or not all(map(math.isfinite, bounds)):
            return windows
        for layer_id, layer in layers.items():
            # one metre more: a feature exactly at the distance still touches the study area
            with contextlib.suppress(QgsCsException):  # a CRS that cannot take the box: the whole layer
                windows[layer_id] = QgsCoordinateTransform(crs, layer.crs(), context.transformContext()) \
                    .transformBoundingBox(QgsRectangle(*bounds).buffered(reach[layer_id] + 1.0))
        return windows

    def process(self, parameters, context, feedback):
        inputs = self.read_inputs(parameters, context, feedback)
        if inputs is None:
            return {}
        result = self.run_engine(feedback, lambda: compute_eligibility(
            inputs.study, inputs.constraints, inputs.catalog, study_id_field=inputs.id_field,
            turbine=inputs.turbine, distance_overrides=inputs.overrides,
            min_area_ha=self.parameterAsDouble(parameters, self.MIN_AREA_HA, context),
            soft_excludes=self.parameterAsBool(parameters, self.SOFT_EXCLUDES, context),
            layer_names=inputs.layer_names, progress=feedback.setProgress, is_cancelled=feedback.isCanceled))
        if result is None:
            return {}
        outputs = self.write_frames(parameters, context, feedback, inputs.crs, (
            (self.ELIGIBLE, result.eligible), (self.EXCLUDED, result.excluded), (self.SUMMARY, result.summary)))
        study_ha = float(result.summary.loc[result.summary["item"] == "study_area", "area_ha"].sum())
        outputs["ELIGIBLE_HA"] = float(result.eligible["area_ha"].sum())
        outputs["EXCLUDED_HA"] = float(result.excluded["area_ha"].sum())
        outputs["ELIGIBLE_SHARE_PCT"] = 100.0 * outputs["ELIGIBLE_HA"] / study_ha if study_ha else 0.0
        return outputs

    @staticmethod
    def run_engine(feedback, compute):
        """``compute()``'s result with its messages told, None when the run was cancelled; an input the engine
        refuses becomes the run's message."""
        try:
            result = compute()
        except EligibilityCancelled:
            return None
        except EligibilityError as error:
            raise QgsProcessingException(str(error)) from error
        for message in result.messages:
            feedback.pushInfo(message)
        return result

    def write_frames(self, parameters, context, feedback, crs, frames, points: tuple[str, ...] = ()) -> dict:
        """Each (output, frame) to its sink: polygons in ``crs`` (points for the outputs ``points``), tables without
        geometry; output → destination."""
        outputs = {}
        for key, frame in frames:
            spatial = isinstance(frame, gpd.GeoDataFrame)
            kind = (WKB_POINT if key in points else WKB_MULTIPOLYGON) if spatial else WKB_NO_GEOMETRY
            sink, destination = self.parameterAsSink(parameters, key, context, qgs_fields(frame), kind,
                                                     crs if spatial else QgsCoordinateReferenceSystem())
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, key))
            write_frame(frame, sink, feedback, as_multi=kind == WKB_MULTIPOLYGON)
            outputs[key] = destination
        return outputs
