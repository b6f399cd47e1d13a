"""wip:heatdemand – Wärmebedarf Gebäude: the heat demand of every building from its footprint, storeys, ALKIS
Gebäudefunktion, building type and construction-age class (or measured consumption), with renovation scenarios for
2030, 2035, 2040 and 2045. The output is building-level and therefore internal (WPG § 10 Abs. 2)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.heat import SCENARIO_YEARS, HeatError, building_demand, load_typology, scenario_demand
from ..core.lazy import lazy_module
from ..core.profiles import (
    CENSUS_CRS,
    building_fields,
    building_inputs,
    cell_centres,
    cell_years,
    census_cell_size,
    layer_columns,
    recognise,
)
from ..core.workflow import normalise
from ..qgis_io.compat import (
    BOOL,
    DOUBLE,
    FIELD_ANY,
    FIELD_NUMERIC,
    FIELD_STRING,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_POINT,
    SOURCE_POLYGON,
    STRING,
)
from ..qgis_io.layers import report_reprojection, transform_geometries, working_crs, write_frame
from ..qgis_io.project import describe_layer
from .base import WipAlgorithm, field_values, numbers, result_fields

np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

# field names looked for when the planner does not name a field (ALKIS, LoD2 and the demo data)
FIELD_HINTS = {
    "FUNCTION_FIELD": ("gebaeudefunktion", "gfk", "funktion", "building_function"),
    "TYPE_FIELD": ("gebaeudetyp", "gebtyp", "building_type"),
    "AGE_FIELD": ("baualtersklasse", "bak", "age_class", "iwu"),
    "STOREYS_FIELD": ("geschosse", "anzahlgs", "aog", "anzahl_geschosse", "storeys", "floors"),
    # the energy reference area the typology refers to, not the living area
    "FLOOR_AREA_FIELD": ("ebf_m2", "energiebezugsflaeche_m2", "heated_area_m2"),
    "CONSUMPTION_FIELD": ("verbrauch_kwh", "consumption_kwh"),
}


# What one building can have: the tallest German building has 65 storeys; the largest floor areas are a few
# 100,000 m²; a large industrial site uses a few TWh a year. Beyond these the field holds something else.
MAX_STOREYS = 100
MAX_FLOOR_AREA_M2 = 2_000_000
MAX_CONSUMPTION_KWH = 10e9


class HeatDemandAlgorithm(WipAlgorithm):
    algorithm_id = "heatdemand"

    BUILDINGS = "BUILDINGS"
    FUNCTION_FIELD = "FUNCTION_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    AGE_FIELD = "AGE_FIELD"
    STOREYS_FIELD = "STOREYS_FIELD"
    FLOOR_AREA_FIELD = "FLOOR_AREA_FIELD"
    CONSUMPTION_FIELD = "CONSUMPTION_FIELD"
    AGE_GRID = "AGE_GRID"
    BASE_YEAR = "BASE_YEAR"
    RENOVATION_RATE = "RENOVATION_RATE"
    RENOVATION_DEPTH = "RENOVATION_DEPTH"
    OUTPUT = "OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Wärmebedarf (Nutzenergie Raumwärme und Warmwasser) je Gebäude: beheizte Fläche = Grundfläche × "
            "Geschosse × Flächenfaktor (oder eine gegebene Fläche), spezifischer Bedarf nach Gebäudetyp (EFH, RH, "
            "MFH, GMH; Nichtwohngebäude nach Nutzung aus der ALKIS-Gebäudefunktion) und IWU-Baualtersklasse A–L "
            "(LENA Wärmeatlas Sachsen-Anhalt, Technikkatalog Wärmeplanung 1.1, IWU-Nichtwohngebäudetypologie). Ein "
            "gemessener Verbrauch ersetzt die Schätzung. Sanierungsszenarien: jedes Jahr wird der Anteil "
            "„Sanierungsrate“ der Gebäude von vor 2010 saniert und spart „Sanierungstiefe“ ihres Bedarfs.\n\n"
            "Felder ohne Angabe liest das Plugin aus dem Datenmodell der Ebene (ALKIS: Gebäudefunktion, "
            "Geschosse, Baujahr; OpenStreetMap: building, building:levels, start_date) oder an üblichen Namen "
            "(gebaeudefunktion, gfk, baualtersklasse, geschosse …). Fehlende Geschosse, unbekannte Funktionen oder "
            "Klassen stehen je Gebäude in „note“. "
            "Das Ergebnis ist gebäudescharf und nur für den internen Gebrauch (§ 10 Abs. 2 WPG).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Gebäude"), [SOURCE_POLYGON]))
        for name, label, kind in (
                (self.FUNCTION_FIELD, self.tr("Gebäudefunktion (ALKIS-Schlüssel)"),
                 FIELD_ANY),
                (self.TYPE_FIELD, self.tr("Gebäudetyp (EFH, RH, MFH, GMH, NWG)"),
                 FIELD_STRING),
                (self.AGE_FIELD, self.tr("Baualtersklasse (IWU A–L)"), FIELD_STRING),
                (self.STOREYS_FIELD, self.tr("Geschosse"), FIELD_NUMERIC),
                (self.FLOOR_AREA_FIELD, self.tr("Beheizte Fläche (m²)"), FIELD_NUMERIC),
                (self.CONSUMPTION_FIELD, self.tr("Gemessener Verbrauch (kWh/a)"),
                 FIELD_NUMERIC)):
            self.addParameter(QgsProcessingParameterField(name, label, parentLayerParameterName=self.BUILDINGS,
                                                          type=kind, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AGE_GRID, self.tr("Zensus 2022: Gebäude nach Baujahr je Gitterzelle (für Gebäude ohne Baujahr)"),
            [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, self.tr("Basisjahr"), NUMBER_INTEGER, 2025, False, 2000,
            2044))
        self.addParameter(QgsProcessingParameterNumber(
            self.RENOVATION_RATE, self.tr("Sanierungsrate (% der älteren Gebäude je Jahr)"),
            NUMBER_DOUBLE, 1.5, False, 0.0, 100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.RENOVATION_DEPTH, self.tr("Sanierungstiefe (% Einsparung je saniertem Gebäude)"),
            NUMBER_DOUBLE, 50.0, False, 0.0, 100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Gebäude mit Wärmebedarf (intern)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_MWH", self.tr("Wärmebedarf gesamt (MWh/a)")))
        self.addOutput(QgsProcessingOutputNumber("BUILDINGS_WITH_DEMAND", self.tr("Gebäude mit Wärmebedarf")))

    def process(self, parameters, context, feedback):
        buildings = self.read_input(parameters, self.BUILDINGS, context, feedback)
        if buildings.empty:
            raise QgsProcessingException(self.tr("Die Gebäudeebene enthält keine Objekte."))
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        crs = working_crs(source)
        report_reprojection(source, crs, feedback)
        outlines = np.asarray(buildings.geometry.values, dtype=object)
        # a self-intersecting outline keeps its area
        geometries = shapely.make_valid(transform_geometries(outlines, source.sourceCrs(), crs, context))
        footprint = np.where(shapely.is_missing(geometries), 0.0, shapely.area(geometries))
        try:
            typology = load_typology()
            inputs = self._inputs(parameters, context, feedback, source, buildings, typology)
            from_grid = self._grid_ages(parameters, context, feedback, source, buildings, inputs, typology)
            result = building_demand(
                typology, footprint, inputs[self.FUNCTION_FIELD], inputs[self.TYPE_FIELD], inputs[self.AGE_FIELD],
                inputs[self.STOREYS_FIELD], inputs[self.FLOOR_AREA_FIELD], inputs[self.CONSUMPTION_FIELD])
            base_year = self.parameterAsInt(parameters, self.BASE_YEAR, context)
            rate = self.parameterAsDouble(parameters, self.RENOVATION_RATE, context) / 100.0
            depth = self.parameterAsDouble(parameters, self.RENOVATION_DEPTH, context) / 100.0
            scenarios = [scenario_demand(result.demand_mwh_a, result.age_class, year, base_year, rate, depth)
                         for year in SCENARIO_YEARS]
        except HeatError as error:
            raise QgsProcessingException(str(error)) from error
        for row, age in from_grid.items():
            result.notes[row] = "; ".join(note for note in (result.notes[row], self.tr(
                "Baualtersklasse {age} aus der häufigsten Bauperiode der Zensus-Zelle").format(age=age)) if note)
        heated = ~np.isnan(result.demand_mwh_a)
        if not heated.any():
            raise QgsProcessingException(self.tr(
                "Für kein Gebäude lässt sich ein Wärmebedarf bestimmen: Gebäudefunktion oder Gebäudetyp fehlen "
                "oder sind unbekannt (siehe Feld „note“)."))
        feedback.pushInfo(self.tr("Typologie: {title}").format(title=typology.title))
        feedback.pushInfo(self.tr("{heated} von {count} Gebäuden mit Wärmebedarf, zusammen {total:,.0f} MWh/a; "
                                  "{notes} Gebäude mit Hinweis (Feld „note“).").format(
            heated=int(heated.sum()), count=len(buildings), total=float(np.nansum(result.demand_mwh_a)),
            notes=sum(1 for note in result.notes if note)))
        unusual = sum(result.implausible)
        if unusual:
            feedback.pushWarning(self.tr("{count} Gebäude mit ungewöhnlichen Angaben (Feld „implausible“, Hinweis im "
                                         "Feld „note“): bitte prüfen.").format(count=unusual))

        extra = [("floor_area_m2", DOUBLE), ("use", STRING), ("building_type", STRING),
                 ("age_class", STRING), ("spec_kwh_m2a", DOUBLE), ("demand_mwh_a", DOUBLE)]
        extra += [(f"demand_{year}_mwh", DOUBLE) for year in SCENARIO_YEARS]
        extra += [("source", STRING), ("note", STRING), ("implausible", BOOL),
                  ("privacy", STRING)]
        feedback.setProgress(50)  # computed; the outputs are written next
        fields = result_fields(source, extra)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                                 source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        texts = {"use": result.use, "building_type": result.type_label, "source": result.source,
                 "note": result.notes}
        results = buildings.assign(  # a result field the input already has (a second run) is replaced
            floor_area_m2=result.floor_area_m2, age_class=result.age_class, spec_kwh_m2a=result.specific_kwh_m2a,
            demand_mwh_a=result.demand_mwh_a, **{f"demand_{year}_mwh": values
                                                 for year, values in zip(SCENARIO_YEARS, scenarios)},
            implausible=np.asarray(result.implausible, dtype=bool),
            privacy=self.tr("intern: gebäudescharf (§ 10 Abs. 2 WPG)"),
            **{name: [value or None for value in values] for name, values in texts.items()})
        write_frame(results[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return {self.OUTPUT: destination, "TOTAL_MWH": float(np.nansum(result.demand_mwh_a)),
                "BUILDINGS_WITH_DEMAND": int(heated.sum())}

    def _grid_ages(self, parameters, context, feedback, source, buildings, inputs, typology) -> dict:
        """Buildings without an age class take the class of their census cell's most common period of
        construction; fills ``inputs`` and returns those rows with their class."""
        grid = self.parameterAsSource(parameters, self.AGE_GRID, context)
        if grid is None:
            return {}
        layer = self.parameterAsVectorLayer(parameters, self.AGE_GRID, context)
        periods = next((r.layer_class.periods for r in recognise(describe_layer(layer)) if r.layer_class.periods),
                       None) if layer is not None else None
        size = census_cell_size(grid.fields().names())
        if not periods or size is None:
            raise QgsProcessingException(self.tr("„{layer}“ ist kein Gitter des Zensus 2022 mit Gebäuden nach "
                                                 "Baujahr.").format(layer=grid.sourceName()))
        # only the cells around the buildings are read (the published tables cover all of Germany); cells and
        # buildings meet in the census grid's own CRS, where the cells start at multiples of their size
        around = QgsCoordinateTransform(source.sourceCrs(), grid.sourceCrs(), context.transformContext())
        columns = layer_columns(periods, None, grid.fields().names())
        laea = QgsCoordinateReferenceSystem(CENSUS_CRS)
        cells = self.read_input(parameters, self.AGE_GRID, context, feedback, laea, columns,
                                extent=around.transformBoundingBox(source.sourceExtent()).buffered(size))
        years = cell_years(pd.DataFrame({name: field_values(cells, name) for name in columns},
                                        index=range(len(cells))), {name: periods[normalise(name)] for name in columns})
        centres = np.asarray(cells.geometry.values, dtype=object)
        year_of_cell = dict(zip(cell_centres(shapely.get_x(centres), shapely.get_y(centres), size), years))
        located = shapely.point_on_surface(shapely.make_valid(transform_geometries(
            np.asarray(buildings.geometry.values, dtype=object), source.sourceCrs(), laea, context)))
        keys = cell_centres(shapely.get_x(located), shapely.get_y(located), size)
        filled = {}
        ages = inputs[self.AGE_FIELD]
        for row, key in enumerate(keys):
            year = year_of_cell.get(key, np.nan)
            if ages[row] in (None, "") and not np.isnan(year):
                ages[row] = filled[row] = typology.age_class_of_year(year)
        feedback.pushInfo(self.tr("{count} Gebäude ohne Baujahr erhalten die Baualtersklasse der häufigsten "
                                  "Bauperiode ihrer Zensus-Zelle.").format(count=len(filled)))
        return filled

    def _inputs(self, parameters, context, feedback, source, buildings, typology) -> dict:
        """Each building's inputs by field parameter: from the field the planner chose; for a layer a data profile
        recognises (ALKIS, OSM), from the model's own fields and codes; else from a field with a usual name."""
        layer = self.parameterAsVectorLayer(parameters, self.BUILDINGS, context)
        profiled = building_fields(describe_layer(layer)) if layer is not None else None
        from_profile = {}
        if profiled is not None:
            recognition, spec = profiled
            tag_column = recognition.profile.tag_column
            names = source.fields().names()
            columns = layer_columns(spec.fields.values(), tag_column, names)
            model = building_inputs(pd.DataFrame({name: field_values(buildings, name) for name in columns},
                                                 index=range(len(buildings))), spec, tag_column)
            storeys = np.where((model.storeys > 0) & (model.storeys <= MAX_STOREYS), model.storeys, np.nan)
            values = {"function": (self.FUNCTION_FIELD, model.functions), "storeys": (self.STOREYS_FIELD, storeys),
                      "year": (self.AGE_FIELD, [typology.age_class_of_year(year) or None for year in model.years]),
                      "type": (self.TYPE_FIELD, model.types)}
            held = {normalise(name) for name in columns}
            # a model field the layer lacks (an export without "baujahr") leaves the role to the usual names
            for role, field in spec.fields.items():
                if field in held or tag_column in held:
                    from_profile[values[role][0]] = values[role][1]
            if spec.types and "function" in spec.fields and self.FUNCTION_FIELD in from_profile:
                from_profile[self.TYPE_FIELD] = model.types
            feedback.pushInfo(self.tr("Gebäude nach dem Datenmodell {model}: Gebäudefunktion, Gebäudetyp, Geschosse "
                                      "und Baujahr aus {fields}.").format(
                model=recognition.label(), fields=", ".join(f"„{name}“" for name in columns) or "–"))
            unknown = sum(1 for code in from_profile.get(self.FUNCTION_FIELD, ()) if code is None)
            if spec.function_codes and unknown:
                feedback.pushWarning(self.tr(
                    "{count} von {total} Gebäuden nennen keine Nutzung, die das Datenmodell kennt (etwa "
                    "building=yes): für sie wird kein Wärmebedarf geschätzt.").format(count=unknown,
                                                                                     total=len(buildings)))
        inputs = {}
        for name, hints in FIELD_HINTS.items():
            if name in from_profile and not self.parameterAsString(parameters, name, context):
                inputs[name] = from_profile[name]
                continue
            field = self.chosen_field(parameters, name, source, context, feedback, hints)
            if name in (self.FUNCTION_FIELD, self.TYPE_FIELD, self.AGE_FIELD):
                inputs[name] = field_values(buildings, field)
            else:
                label, high = {self.STOREYS_FIELD: (self.tr("Geschosse"), MAX_STOREYS),
                               self.FLOOR_AREA_FIELD: (self.tr("Beheizte Fläche"), MAX_FLOOR_AREA_M2),
                               self.CONSUMPTION_FIELD: (self.tr("Verbrauch"), MAX_CONSUMPTION_KWH)}[name]
                inputs[name] = numbers(buildings, field, label, 0, high)
        return inputs
