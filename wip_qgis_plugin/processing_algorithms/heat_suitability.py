"""wip:heatsuitability – Eignung für Wärmenetze: the four WPG § 19 suitability levels of blocks or areas from their
heat density and heat line density, an existing heat network nearby, large consumers and waste-heat sources, and
whether an area qualifies for the shortened procedure of § 14. Every area states the rule that decided."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.heat import (
    LARGE_CONSUMER_MIN_MWH,
    LEVELS,
    HeatError,
    SuitabilityThresholds,
    building_points,
    classify,
    large_consumers_per_area,
    level_text,
)
from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.site_criteria import nearest_distance
from ..qgis_io.compat import (
    BOOL,
    DOUBLE,
    FIELD_NUMERIC,
    INT,
    NUMBER_DOUBLE,
    SOURCE_ANY_GEOMETRY,
    SOURCE_POLYGON,
    STRING,
)
from ..qgis_io.layers import report_reprojection, transform_geometries, working_crs, write_frame
from .base import WipAlgorithm, numbers, result_fields
from .heat_density import DEMAND_FIELD_DEFAULT

np = lazy_module("numpy")
shapely = lazy_module("shapely")

DENSITY_FIELD_DEFAULT, LINE_DENSITY_FIELD_DEFAULT = "density_mwh_ha_a", "line_density_kwh_m_a"


def threshold_parameters() -> dict[str, tuple[str, str]]:
    """Parameter name → (SuitabilityThresholds attribute, label with unit); built on call for the UI language."""
    return {
        "LINE_COST_COVERING": ("line_cost_covering", tr("Wärmeliniendichte kostendeckend (kWh/(m·a))")),
        "LINE_NETWORK": ("line_network", tr("Wärmeliniendichte, ab der ein Netz in Frage kommt (kWh/(m·a))")),
        "LINE_SCREENING": ("line_screening", tr("Wärmeliniendichte Prüfschwelle (kWh/(m·a))")),
        "DENSITY_CONVENTIONAL": ("density_conventional", tr("Wärmedichte konventionelles Netz (MWh/(ha·a))")),
        "DENSITY_LOW_TEMPERATURE": ("density_low_temperature",
                                    tr("Wärmedichte Niedertemperaturnetz im Bestand (MWh/(ha·a))")),
        "DENSITY_MINIMUM": ("density_minimum", tr("Wärmedichte Untergrenze (MWh/(ha·a))")),
        "NETWORK_DISTANCE": ("network_distance", tr("Bestehendes Wärmenetz in der Nähe bis (m)")),
        "WASTE_HEAT_DISTANCE": ("waste_heat_distance", tr("Abwärmequelle in der Nähe bis (m)")),
    }


class HeatSuitabilityAlgorithm(WipAlgorithm):
    algorithm_id = "heatsuitability"

    AREAS = "AREAS"
    DENSITY_FIELD = "DENSITY_FIELD"
    LINE_DENSITY_FIELD = "LINE_DENSITY_FIELD"
    NETWORK = "NETWORK"
    WASTE_HEAT = "WASTE_HEAT"
    LARGE_CONSUMERS = "LARGE_CONSUMERS"
    LARGE_FIELD = "LARGE_FIELD"
    LARGE_MIN_MWH = "LARGE_MIN_MWH"
    OUTPUT = "OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Teilt Baublöcke oder Gebiete (z. B. aus „Wärmedichte und Wärmeliniendichte“) in die vier "
            "Eignungsstufen nach § 19 WPG ein. Die Regeln werden der Reihe nach geprüft, die erste zutreffende "
            "entscheidet und steht im Feld „rule“:\n"
            "1 sehr wahrscheinlich geeignet: Wärmenetz in der Nähe und Wärmedichte ≥ Niedertemperatur-Schwelle, "
            "oder Wärmeliniendichte ≥ kostendeckend und Wärmedichte ≥ konventionell;\n"
            "2 wahrscheinlich geeignet: Wärmeliniendichte ≥ Netz-Schwelle, oder Wärmedichte ≥ "
            "Niedertemperatur-Schwelle, oder Großverbraucher bzw. Abwärmequelle in der Nähe und Wärmedichte ≥ "
            "Untergrenze;\n"
            "3 wahrscheinlich ungeeignet: Wärmeliniendichte ≥ Prüfschwelle oder Wärmedichte ≥ Untergrenze;\n"
            "4 sehr wahrscheinlich ungeeignet: alles Übrige. Ohne Wärmenetz und ohne Abwärmequelle in der Nähe "
            "kommt das Gebiet für das verkürzte Verfahren nach § 14 in Frage.\n"
            "Vorgaben: 2.000/1.500/500 kWh/(m·a), 415/175/70 MWh/(ha·a) (Energieatlas Bayern, F|Heat, KEA-BW); "
            "alle Schwellen sind einstellbar. Gebiete ohne veröffentlichte Werte (< 5 Gebäude) zählen mit 0.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Baublöcke oder Gebiete"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterField(
            self.DENSITY_FIELD, self.tr("Wärmedichte (MWh/(ha·a))"), DENSITY_FIELD_DEFAULT, self.AREAS,
            FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LINE_DENSITY_FIELD, self.tr("Wärmeliniendichte (kWh/(m·a))"), LINE_DENSITY_FIELD_DEFAULT, self.AREAS,
            FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NETWORK, self.tr("Bestehendes Wärmenetz"), [SOURCE_ANY_GEOMETRY],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.WASTE_HEAT, self.tr("Abwärmequellen"), [SOURCE_ANY_GEOMETRY],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LARGE_CONSUMERS, self.tr("Gebäude für Großverbraucher"),
            [SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LARGE_FIELD, self.tr("… Wärmebedarf (MWh/a)"), DEMAND_FIELD_DEFAULT, self.LARGE_CONSUMERS,
            FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.LARGE_MIN_MWH, self.tr("Großverbraucher ab (MWh/a)"), NUMBER_DOUBLE,
            LARGE_CONSUMER_MIN_MWH, False, 0.0))
        defaults = SuitabilityThresholds()
        for name, (attribute, label) in threshold_parameters().items():
            self.addParameter(QgsProcessingParameterNumber(
                name, label, NUMBER_DOUBLE, getattr(defaults, attribute), False, 0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Eignungsstufen für Wärmenetze")))

    def process(self, parameters, context, feedback):
        try:  # the thresholds first: a reversed order is refused before any work
            thresholds = SuitabilityThresholds(**{
                attribute: self.parameterAsDouble(parameters, name, context)
                for name, (attribute, _label) in threshold_parameters().items()})
        except HeatError as error:
            raise QgsProcessingException(str(error)) from error
        areas = self.parameterAsSource(parameters, self.AREAS, context)
        if areas is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.AREAS))
        frame = self.read_input(parameters, self.AREAS, context, feedback)
        if frame.empty:
            raise QgsProcessingException(self.tr("Die Gebietsebene enthält keine Objekte."))
        crs = working_crs(areas)
        report_reprojection(areas, crs, feedback)
        shapes = shapely.make_valid(transform_geometries(np.asarray(frame.geometry.values, dtype=object),
                                                         areas.sourceCrs(), crs, context))
        # the field parameters are optional only so that the default names may be left out
        names = areas.fields().names()
        density_field = self.parameterAsString(parameters, self.DENSITY_FIELD, context) or DENSITY_FIELD_DEFAULT
        if density_field not in names:
            raise QgsProcessingException(self.tr("Der Gebietsebene fehlt das Feld „{field}“ mit der Wärmedichte; "
                                                 "zuerst „Wärmedichte und Wärmeliniendichte“ ausführen oder das "
                                                 "Feld wählen.").format(field=density_field))
        density = numbers(frame, density_field, self.tr("Wärmedichte"), 0)
        line_field = self.parameterAsString(parameters, self.LINE_DENSITY_FIELD, context) or \
            LINE_DENSITY_FIELD_DEFAULT
        line = numbers(frame, line_field, self.tr("Wärmeliniendichte"), 0) if line_field in names else \
            np.full(len(frame), np.nan)
        network = self._distances(parameters, self.NETWORK, shapes, crs, context, feedback)
        waste_heat = self._distances(parameters, self.WASTE_HEAT, shapes, crs, context, feedback)
        large = self._large_consumers(parameters, shapes, crs, context, feedback)
        result = classify(density, line, network, waste_heat, large, thresholds)

        columns = {"level": result.level.astype(int), "level_text": [level_text(int(level)) for level in result.level],
                   "rule": list(result.rule), "shortened_14": result.shortened.astype(bool), "network_m": network,
                   "waste_heat_m": waste_heat, "large_consumers": large.astype(int)}
        fields = result_fields(areas, [("level", INT), ("level_text", STRING), ("rule", STRING),
                                       ("shortened_14", BOOL), ("network_m", DOUBLE), ("waste_heat_m", DOUBLE),
                                       ("large_consumers", INT)])
        feedback.setProgress(50)  # computed; the outputs are written next
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, areas.wkbType(),
                                                 areas.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # a result field the areas already have is replaced
        write_frame(frame.assign(**columns)[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        for level in LEVELS:
            feedback.pushInfo(self.tr("Stufe {level} – {text}: {count} Gebiete").format(
                level=level, text=level_text(level), count=int(np.count_nonzero(result.level == level))))
        feedback.pushInfo(self.tr("Verkürztes Verfahren nach § 14 möglich: {count} Gebiete").format(
            count=int(result.shortened.sum())))
        return {self.OUTPUT: destination}

    def _distances(self, parameters, name, shapes, crs, context, feedback) -> np.ndarray:
        """Metres from each area to the nearest feature of the optional layer ``name``; NaN without one."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return np.full(len(shapes), np.nan)
        report_reprojection(source, crs, feedback)
        features = self.read_input(parameters, name, context, feedback, crs, fields=[])
        return nearest_distance(shapes, np.asarray(features.geometry.values, dtype=object))

    def _large_consumers(self, parameters, shapes, crs, context, feedback) -> np.ndarray:
        """Per area the buildings whose demand reaches the large-consumer threshold."""
        source = self.parameterAsSource(parameters, self.LARGE_CONSUMERS, context)
        if source is None:
            return np.zeros(len(shapes), dtype=int)
        field = self.parameterAsString(parameters, self.LARGE_FIELD, context) or DEMAND_FIELD_DEFAULT
        if source.fields().indexOf(field) < 0:
            raise QgsProcessingException(self.tr("Für die Großverbraucher fehlt das Feld mit dem Wärmebedarf."))
        report_reprojection(source, crs, feedback)
        buildings = self.read_input(parameters, self.LARGE_CONSUMERS, context, feedback, crs, fields=[field])
        points, demand = building_points(buildings.geometry.values, numbers(buildings, field, self.tr("Wärmebedarf"),
                                                                            0))
        return large_consumers_per_area(points, demand, self.parameterAsDouble(parameters, self.LARGE_MIN_MWH,
                                                                               context), shapes)
