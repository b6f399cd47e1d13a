"""wip:heatdensity – Wärmedichte und Wärmeliniendichte: the WPG Anlage 2 maps. Heat demand density per block
(MWh/(ha·a)) with the dominant building type and age class, and heat line density per street section (kWh/(m·a)),
every building assigned to its nearest section. Aggregates over fewer than five buildings are not published
(WPG § 10 Abs. 2) unless the output is marked internal."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.heat import (
    PRIVACY_MIN_BUILDINGS,
    SCENARIO_YEARS,
    aggregate,
    block_of_points,
    grid_blocks,
    nearest_sections,
)
from ..core.lazy import lazy_module
from ..qgis_io.compat import (
    BOOL,
    DOUBLE,
    FIELD_NUMERIC,
    INT,
    NUMBER_DOUBLE,
    SOURCE_LINE,
    SOURCE_POLYGON,
    STRING,
    WKB_POLYGON,
    new_field,
)
from ..qgis_io.layers import optional_float, report_reprojection, shapely_geometries, working_crs
from .base import ResultFields, WipAlgorithm, field_values, numbers

np = lazy_module("numpy")
shapely = lazy_module("shapely")

DEMAND_FIELD_DEFAULT = "demand_mwh_a"
STREETS_INPUT = "streets"  # the workflow input a data profile's feed names for street sections


class HeatDensityAlgorithm(WipAlgorithm):
    algorithm_id = "heatdensity"

    BUILDINGS = "BUILDINGS"
    DEMAND_FIELD = "DEMAND_FIELD"
    STREETS = "STREETS"
    BLOCKS = "BLOCKS"
    CELL_SIZE = "CELL_SIZE"
    MAX_DISTANCE = "MAX_DISTANCE"
    INTERNAL = "INTERNAL"
    BLOCKS_OUTPUT = "BLOCKS_OUTPUT"
    STREETS_OUTPUT = "STREETS_OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Die Karten nach Anlage 2 WPG aus dem Wärmebedarf der Gebäude (z. B. von „Wärmebedarf Gebäude“): "
            "Wärmedichte je Baublock in MWh/(ha·a) mit vorherrschendem Gebäudetyp und vorherrschender "
            "Baualtersklasse, und Wärmeliniendichte je Straßenabschnitt in kWh/(m·a). Jedes Gebäude zählt mit "
            "einem Punkt in seinem Inneren zu dem Baublock, in dem dieser liegt, und zum nächsten Straßenabschnitt "
            "im Höchstabstand. Ohne Baublockebene dienen Rasterzellen der gewählten Größe als Blöcke. Die "
            "Liniendichte eines Blocks ist das mit dem Bedarf gewichtete Mittel der Abschnitte seiner Gebäude.\n\n"
            "Datenschutz (§ 10 Abs. 2 WPG): Blöcke und Abschnitte mit weniger als fünf Gebäuden erhalten keine "
            "Werte, außer die Ergebnisse werden ausdrücklich als intern markiert.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Gebäude mit Wärmebedarf"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            self.DEMAND_FIELD, self.tr("Wärmebedarf (MWh/a)"), DEMAND_FIELD_DEFAULT, self.BUILDINGS,
            FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STREETS, self.tr("Straßenabschnitte"), [SOURCE_LINE]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BLOCKS, self.tr("Baublöcke"), [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Rasterweite ohne Baublöcke (m)"), NUMBER_DOUBLE,
            100.0, False, 10.0, 5000.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_DISTANCE, self.tr("Höchstabstand Gebäude–Straße (m)"), NUMBER_DOUBLE,
            100.0, False, 1.0, 10000.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INTERNAL, self.tr("Interne Ergebnisse: auch Werte unter fünf Gebäuden ausgeben"), False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.BLOCKS_OUTPUT, self.tr("Wärmedichte je Baublock"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STREETS_OUTPUT, self.tr("Wärmeliniendichte je Straßenabschnitt"),
            SOURCE_LINE))
        self.addOutput(QgsProcessingOutputNumber("BUILDINGS_WITHOUT_STREET",
                                                 self.tr("Gebäude ohne Straße im Höchstabstand")))

    def process(self, parameters, context, feedback):
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        streets = self.parameterAsSource(parameters, self.STREETS, context)
        blocks_source = self.parameterAsSource(parameters, self.BLOCKS, context)
        if buildings is None or streets is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.BUILDINGS if buildings is None
                                                                 else self.STREETS))
        # optional only so that models and scripts may leave out the default name (QGIS checks no default)
        demand_field = self.parameterAsString(parameters, self.DEMAND_FIELD, context) or DEMAND_FIELD_DEFAULT
        if buildings.fields().indexOf(demand_field) < 0:
            raise QgsProcessingException(self.tr("Der Gebäudeebene fehlt das Feld „{field}“; zuerst „Wärmebedarf "
                                                 "Gebäude“ ausführen oder das Bedarfsfeld wählen.").format(
                field=demand_field))
        internal = self.parameterAsBool(parameters, self.INTERNAL, context)
        crs = working_crs(buildings)
        names = buildings.fields().names()
        scenario_fields = [f"demand_{year}_mwh" for year in SCENARIO_YEARS if f"demand_{year}_mwh" in names]
        label_fields = [name for name in ("building_type", "age_class") if name in names]
        building_frame = self.read_input(parameters, self.BUILDINGS, context, feedback, crs,
                                         [demand_field] + scenario_fields + label_fields)
        street_features = self.input_features(parameters, self.STREETS, streets, context, feedback, STREETS_INPUT)
        if building_frame.empty:
            raise QgsProcessingException(self.tr("Die Gebäudeebene enthält keine Objekte."))
        if not street_features:
            raise QgsProcessingException(self.tr("Die Straßenebene enthält keine Objekte."))
        for source in (streets, blocks_source):
            if source is not None:
                report_reprojection(source, crs, feedback)
        points = shapely.point_on_surface(shapely.make_valid(np.asarray(building_frame.geometry.values,
                                                                        dtype=object)))
        demand = numbers(building_frame, demand_field, self.tr("Wärmebedarf"), 0)
        demand[shapely.is_missing(points) | shapely.is_empty(points)] = np.nan  # without geometry: nowhere
        scenarios = {name: numbers(building_frame, name, name, 0) for name in scenario_fields}
        types = field_values(building_frame, "building_type" if "building_type" in names else None)
        ages = field_values(building_frame, "age_class" if "age_class" in names else None)
        types = [value or "" for value in types]
        ages = [value or "" for value in ages]

        # streets: each building to its nearest section within the distance
        sections = shapely_geometries(street_features, streets.sourceCrs(), crs, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        section_of, _distance = nearest_sections(points, sections, max_distance)
        heated = ~np.isnan(demand)
        unassigned = int(np.count_nonzero(heated & (section_of < 0)))
        if heated.any() and unassigned == int(heated.sum()):
            raise QgsProcessingException(self.tr(
                "Kein Gebäude mit Wärmebedarf liegt näher als {distance:g} m an einer Linie der Straßenebene – ist "
                "es die richtige Ebene (Straßenabschnitte, nicht z. B. Leitungen) im richtigen KBS?").format(
                distance=max_distance))
        if unassigned:
            feedback.pushWarning(self.tr("{count} Gebäude mit Wärmebedarf haben keine Straße im Abstand von "
                                         "{distance:g} m und zählen in keiner Wärmeliniendichte.").format(
                count=unassigned, distance=max_distance))
        per_section = aggregate(section_of, len(sections), demand)
        lengths = shapely.length(sections)
        with np.errstate(invalid="ignore", divide="ignore"):
            line_density = np.where(lengths > 0, 1000.0 * per_section.demand_mwh_a / lengths, np.nan)

        # blocks: the planner's, or grid cells
        if blocks_source is not None:
            block_features = list(blocks_source.getFeatures())
            blocks = shapely.make_valid(shapely_geometries(block_features, blocks_source.sourceCrs(), crs, context))
        else:
            block_features = None
            blocks, _ = grid_blocks(points[heated], self.parameterAsDouble(parameters, self.CELL_SIZE, context))
        block_of = block_of_points(points, blocks)
        per_block = aggregate(block_of, len(blocks), demand, types, ages)
        area_ha = shapely.area(blocks) / 1e4
        with np.errstate(invalid="ignore", divide="ignore"):
            density = np.where(area_ha > 0, per_block.demand_mwh_a / area_ha, np.nan)
            # per block the demand-weighted mean line density of the sections its buildings belong to
            counted = heated & (block_of >= 0) & (section_of >= 0) & ~np.isnan(line_density[np.maximum(section_of, 0)])
            weight = demand[counted]
            weighted = np.bincount(block_of[counted], weights=weight * line_density[section_of[counted]],
                                   minlength=len(blocks))
            totals = np.bincount(block_of[counted], weights=weight, minlength=len(blocks))
            block_line_density = np.where(totals > 0, weighted / totals, np.nan)
        block_scenarios = {name: aggregate(block_of, len(blocks), values).demand_mwh_a
                           for name, values in scenarios.items()}

        feedback.setProgress(50)  # computed; the outputs are written next
        block_destination = self._write_blocks(
            parameters, context, blocks_source, block_features, blocks, crs, per_block, area_ha, density,
            block_line_density, block_scenarios, internal)
        street_destination = self._write_streets(parameters, context, streets, street_features, per_section,
                                                 lengths, line_density, internal)
        published = int(np.count_nonzero(per_block.buildings >= PRIVACY_MIN_BUILDINGS))
        feedback.pushInfo(self.tr("{blocks} Blöcke mit Gebäuden, davon {published} mit mindestens fünf Gebäuden; "
                                  "{sections} Straßenabschnitte.").format(
            blocks=int(np.count_nonzero(per_block.buildings)), published=published, sections=len(sections)))
        return {self.BLOCKS_OUTPUT: block_destination, self.STREETS_OUTPUT: street_destination,
                "BUILDINGS_WITHOUT_STREET": unassigned}

    def _write_blocks(self, parameters, context, blocks_source, block_features, blocks, crs, per_block, area_ha,
                      density, line_density, scenarios, internal):
        extra = [("buildings", INT), ("demand_mwh_a", DOUBLE), ("area_ha", DOUBLE),
                 ("density_mwh_ha_a", DOUBLE), ("line_density_kwh_m_a", DOUBLE),
                 ("dominant_type", STRING), ("dominant_age", STRING)]
        extra += [(name, DOUBLE) for name in scenarios]
        extra += [("published", BOOL), ("note", STRING)]
        if blocks_source is not None:
            result_fields = ResultFields(blocks_source, extra)
            fields, wkb_type, sink_crs = result_fields.fields, blocks_source.wkbType(), blocks_source.sourceCrs()
        else:  # grid cells made here: a cell number and the result fields
            fields = QgsFields()
            for name, kind in [("block_id", INT)] + extra:
                fields.append(new_field(name, kind))
            wkb_type, sink_crs = WKB_POLYGON, crs
        sink, destination = self.parameterAsSink(parameters, self.BLOCKS_OUTPUT, context, fields, wkb_type, sink_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.BLOCKS_OUTPUT))
        for index in range(len(blocks)):
            count = int(per_block.buildings[index])
            publishable, shown, note = self._privacy(count, internal)
            values = [count, _shown(per_block.demand_mwh_a[index], shown), optional_float(area_ha[index]),
                      _shown(density[index], shown), _shown(line_density[index], shown),
                      _shown(per_block.dominant_type[index], shown), _shown(per_block.dominant_age[index], shown)]
            values += [_shown(scenario[index], shown) for scenario in scenarios.values()]
            values += [publishable, note]
            out = QgsFeature(fields)
            if block_features is not None:
                out.setGeometry(block_features[index].geometry())
                out.setAttributes(result_fields.attributes(block_features[index], values))
            else:
                geometry = QgsGeometry()
                geometry.fromWkb(shapely.to_wkb(blocks[index]))
                out.setGeometry(geometry)
                out.setAttributes([index + 1] + values)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return destination

    def _privacy(self, buildings: int, internal: bool) -> tuple[bool, bool, str | None]:
        """WPG § 10 Abs. 2 for an aggregate over ``buildings``: whether it may be published, whether its values are
        written, and the note that says why not."""
        if buildings >= PRIVACY_MIN_BUILDINGS:
            return True, True, None
        if internal:
            return False, True, self.tr("weniger als fünf Gebäude: nur intern (§ 10 Abs. 2 WPG)")
        return False, False, self.tr("weniger als fünf Gebäude: keine Werte (§ 10 Abs. 2 WPG)")

    def _write_streets(self, parameters, context, streets, street_features, per_section, lengths, line_density,
                       internal):
        result_fields = ResultFields(streets, [
            ("buildings", INT), ("demand_mwh_a", DOUBLE), ("length_m", DOUBLE),
            ("line_density_kwh_m_a", DOUBLE), ("published", BOOL), ("note", STRING)])
        sink, destination = self.parameterAsSink(parameters, self.STREETS_OUTPUT, context, result_fields.fields,
                                                 streets.wkbType(), streets.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.STREETS_OUTPUT))
        for index, feature in enumerate(street_features):
            count = int(per_section.buildings[index])
            publishable, shown, note = self._privacy(count, internal)
            out = QgsFeature(result_fields.fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(result_fields.attributes(feature, [
                count, _shown(per_section.demand_mwh_a[index], shown), optional_float(lengths[index]),
                _shown(line_density[index], shown), publishable, note]))
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return destination


def _shown(value, shown: bool):
    """A value as an attribute, or NULL where privacy holds it back (and for empty texts)."""
    if not shown:
        return None
    return (value or None) if isinstance(value, str) else optional_float(value)
