"""wip:heatdensity – Wärmedichte und Wärmeliniendichte: the WPG Anlage 2 maps. Heat demand density per block
(MWh/(ha·a)) with the dominant building type and age class, and heat line density per street section (kWh/(m·a)),
every building assigned to its nearest section. Aggregates over fewer than five buildings are not published
(WPG § 10 Abs. 2) unless the output is marked internal."""
from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.heat import (
    GRID_CELL_M,
    MAX_STREET_DISTANCE_M,
    PRIVACY_MIN_BUILDINGS,
    SCENARIO_YEARS,
    aggregate,
    building_points,
    heat_blocks,
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
from ..qgis_io.layers import report_reprojection, transform_geometries, working_crs, write_frame
from .base import WipAlgorithm, field_values, numbers, result_fields

gpd = lazy_module("geopandas")
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
            GRID_CELL_M, False, 10.0, 5000.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_DISTANCE, self.tr("Höchstabstand Gebäude–Straße (m)"), NUMBER_DOUBLE,
            MAX_STREET_DISTANCE_M, False, 1.0, 10000.0))
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
        street_frame = self.input_frame(parameters, self.STREETS, context, feedback, STREETS_INPUT)
        if building_frame.empty:
            raise QgsProcessingException(self.tr("Die Gebäudeebene enthält keine Objekte."))
        if street_frame.empty:
            raise QgsProcessingException(self.tr("Die Straßenebene enthält keine Objekte."))
        for source in (streets, blocks_source):
            if source is not None:
                report_reprojection(source, crs, feedback)
        points, demand = building_points(building_frame.geometry.values,
                                         numbers(building_frame, demand_field, self.tr("Wärmebedarf"), 0))
        scenarios = {name: numbers(building_frame, name, name, 0) for name in scenario_fields}
        types = field_values(building_frame, "building_type" if "building_type" in names else None)
        ages = field_values(building_frame, "age_class" if "age_class" in names else None)
        types = [value or "" for value in types]
        ages = [value or "" for value in ages]

        sections = transform_geometries(np.asarray(street_frame.geometry.values, dtype=object), streets.sourceCrs(),
                                        crs, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context)
        if blocks_source is not None:  # the planner's blocks, or grid cells
            block_frame = self.read_input(parameters, self.BLOCKS, context, feedback)
            blocks = shapely.make_valid(transform_geometries(np.asarray(block_frame.geometry.values, dtype=object),
                                                             blocks_source.sourceCrs(), crs, context))
        else:
            block_frame, blocks = None, None
        heat = heat_blocks(points, demand, sections, max_distance, blocks,
                           self.parameterAsDouble(parameters, self.CELL_SIZE, context), types, ages)
        heated = int(np.count_nonzero(~np.isnan(demand)))
        if heated and heat.without_street == heated:
            raise QgsProcessingException(self.tr(
                "Kein Gebäude mit Wärmebedarf liegt näher als {distance:g} m an einer Linie der Straßenebene – ist "
                "es die richtige Ebene (Straßenabschnitte, nicht z. B. Leitungen) im richtigen KBS?").format(
                distance=max_distance))
        if heat.without_street:
            feedback.pushWarning(self.tr("{count} Gebäude mit Wärmebedarf haben keine Straße im Abstand von "
                                         "{distance:g} m und zählen in keiner Wärmeliniendichte.").format(
                count=heat.without_street, distance=max_distance))
        block_scenarios = {name: aggregate(heat.block_of, len(heat.blocks), values).demand_mwh_a
                           for name, values in scenarios.items()}

        feedback.setProgress(50)  # computed; the outputs are written next
        block_destination = self._write_blocks(parameters, context, feedback, blocks_source, block_frame, heat, crs,
                                               block_scenarios, internal)
        street_destination = self._write_streets(parameters, context, feedback, streets, street_frame, heat, internal)
        published = int(np.count_nonzero(heat.per_block.buildings >= PRIVACY_MIN_BUILDINGS))
        feedback.pushInfo(self.tr("{blocks} Blöcke mit Gebäuden, davon {published} mit mindestens fünf Gebäuden; "
                                  "{sections} Straßenabschnitte.").format(
            blocks=int(np.count_nonzero(heat.per_block.buildings)), published=published, sections=len(sections)))
        return {self.BLOCKS_OUTPUT: block_destination, self.STREETS_OUTPUT: street_destination,
                "BUILDINGS_WITHOUT_STREET": heat.without_street}

    def _write_blocks(self, parameters, context, feedback, blocks_source, block_frame, heat, crs, scenarios,
                      internal):
        per_block = heat.per_block
        publishable, shown, notes = self._privacy(per_block.buildings, internal)
        columns = {"buildings": per_block.buildings.astype(int),
                   "demand_mwh_a": _shown(per_block.demand_mwh_a, shown), "area_ha": heat.area_ha,
                   "density_mwh_ha_a": _shown(heat.density, shown),
                   "line_density_kwh_m_a": _shown(heat.line_density, shown),
                   "dominant_type": _shown(per_block.dominant_type, shown),
                   "dominant_age": _shown(per_block.dominant_age, shown),
                   **{name: _shown(values, shown) for name, values in scenarios.items()},
                   "published": publishable, "note": notes}
        extra = [("buildings", INT), ("demand_mwh_a", DOUBLE), ("area_ha", DOUBLE),
                 ("density_mwh_ha_a", DOUBLE), ("line_density_kwh_m_a", DOUBLE),
                 ("dominant_type", STRING), ("dominant_age", STRING)]
        extra += [(name, DOUBLE) for name in scenarios]
        extra += [("published", BOOL), ("note", STRING)]
        if blocks_source is not None:  # a result field the blocks already have is replaced
            fields, wkb_type, sink_crs = (result_fields(blocks_source, extra), blocks_source.wkbType(),
                                          blocks_source.sourceCrs())
            results = block_frame.assign(**columns)
        else:  # grid cells made here: a cell number and the result fields
            fields = QgsFields()
            for name, kind in [("block_id", INT)] + extra:
                fields.append(new_field(name, kind))
            wkb_type, sink_crs = WKB_POLYGON, crs
            results = gpd.GeoDataFrame({"block_id": np.arange(1, len(heat.blocks) + 1), **columns,
                                        "geometry": heat.blocks}, geometry="geometry")
        sink, destination = self.parameterAsSink(parameters, self.BLOCKS_OUTPUT, context, fields, wkb_type, sink_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.BLOCKS_OUTPUT))
        write_frame(results[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return destination

    def _privacy(self, buildings: np.ndarray, internal: bool) -> tuple[np.ndarray, np.ndarray, list]:
        """WPG § 10 Abs. 2 for aggregates over ``buildings`` each: whether they may be published, whether their
        values are written, and the note that says why not."""
        publishable = buildings >= PRIVACY_MIN_BUILDINGS
        note = self.tr("weniger als fünf Gebäude: nur intern (§ 10 Abs. 2 WPG)") if internal else \
            self.tr("weniger als fünf Gebäude: keine Werte (§ 10 Abs. 2 WPG)")
        return publishable, publishable | internal, [None if ok else note for ok in publishable]

    def _write_streets(self, parameters, context, feedback, streets, street_frame, heat, internal):
        per_section = heat.per_section
        publishable, shown, notes = self._privacy(per_section.buildings, internal)
        columns = {"buildings": per_section.buildings.astype(int),
                   "demand_mwh_a": _shown(per_section.demand_mwh_a, shown), "length_m": heat.section_lengths,
                   "line_density_kwh_m_a": _shown(heat.section_line_density, shown), "published": publishable,
                   "note": notes}
        fields = result_fields(streets, [
            ("buildings", INT), ("demand_mwh_a", DOUBLE), ("length_m", DOUBLE),
            ("line_density_kwh_m_a", DOUBLE), ("published", BOOL), ("note", STRING)])
        sink, destination = self.parameterAsSink(parameters, self.STREETS_OUTPUT, context, fields,
                                                 streets.wkbType(), streets.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.STREETS_OUTPUT))
        # a result field the sections already have is replaced
        write_frame(street_frame.assign(**columns)[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return destination


def _shown(values, shown: np.ndarray):
    """Values as attributes, NULL where privacy holds them back (and for empty texts)."""
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        return np.where(shown, values, np.nan)
    return [(value or None) if is_shown else None for value, is_shown in zip(values, shown)]
