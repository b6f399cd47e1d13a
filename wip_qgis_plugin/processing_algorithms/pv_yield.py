"""wip:pvyield – PV-Potenzial und Ertrag: usable area, capacity (MWp), specific yield, energy (GWh/a), full-load hours
and avoided CO₂ of a ground-mounted, agri- or floating PV plant on each candidate site."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..core import pv_yield
from ..core.catalog import status_label
from ..core.i18n import localised
from ..core.lazy import lazy_module
from ..core.pv_yield import (
    PvYieldError,
    YieldSource,
    pv_potential,
    read_weather,
    shipped_pv_types,
    simulated_yield,
    yield_from_irradiation,
)
from ..qgis_io.compat import (
    DOUBLE,
    FIELD_NUMERIC,
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    SOURCE_POLYGON,
    STRING,
)
from ..qgis_io.layers import (
    longitudes_latitudes,
    report_reprojection,
    transform_geometries,
    working_crs,
    write_frame,
)
from ..qgis_io.rasters import raster_zonal_statistics
from .base import WipAlgorithm, numbers, result_fields

np = lazy_module("numpy")
shapely = lazy_module("shapely")

# Index order of the PV_TYPE enum: only ever append, models and batch files store the index.
PV_TYPE_IDS = ("freiflaeche", "agri_pv_1", "agri_pv_2", "floating")
COVER_LIMIT_HINT = "cover_limit_ha"  # written by wip:eligibility for floating PV
USE_TYPE_DEFAULT = -1.0
# the sunniest places on Earth: about 2,500 kWh/m² global irradiation and 2,200 kWh/kWp a year
MAX_IRRADIATION_KWH_M2 = 3000.0
MAX_KWH_PER_KWP = 3000.0
BUILD_YEAR_HINTS = ("baujahr", "inbetriebnahmejahr", "build_year")


def _shipped_types():
    """The shipped plant types, or None when the file is broken (the run then names the problem)."""
    try:
        return shipped_pv_types()
    except PvYieldError:
        return None


class PvYieldAlgorithm(WipAlgorithm):
    algorithm_id = "pvyield"

    SITES = "SITES"
    PV_TYPE = "PV_TYPE"
    SETBACK = "SETBACK"
    WATER_BODIES = "WATER_BODIES"
    COVER_LIMIT_FIELD = "COVER_LIMIT_FIELD"
    BUILD_YEAR_FIELD = "BUILD_YEAR_FIELD"
    SPECIFIC_YIELD = "SPECIFIC_YIELD"
    YIELD_FIELD = "YIELD_FIELD"
    IRRADIATION_RASTER = "IRRADIATION_RASTER"
    IRRADIATION_FIELD = "IRRADIATION_FIELD"
    WEATHER_FILE = "WEATHER_FILE"
    CO2_FACTOR = "CO2_FACTOR"
    OUTPUT = "OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Berechnet je Standort die nutzbare Fläche (Standort abzüglich Randabstand), die installierbare Leistung "
            "(MWp = nutzbare ha × Leistungsdichte des Anlagentyps), den spezifischen Ertrag (kWh/kWp = "
            "Volllaststunden), den Jahresertrag (GWh/a) und die vermiedenen Emissionen (t CO₂/a = GWh/a × g/kWh).\n\n"
            "Anlagentypen: Freiflächen-PV, Agri-PV Kategorie I und II nach DIN SPEC 91434, Floating-PV. Leistungs"
            "dichte, Randabstand und Erträge stehen mit Quelle und Status in resources/yield/pv_types.json; "
            "ungeprüfte Werte sind änderbare Vorgaben.\n\n"
            "Bestehende Freiflächenanlagen: mit dem Feld „Baujahr“ erhält jeder Park die an realen Parks gemessene "
            "Leistungsdichte seines Baujahrs (2004–2009 0,31 MWp/ha bis 2013–2015 0,65 MWp/ha); Neubau und Parks "
            "ohne Baujahr rechnen mit der Dichte neuer Anlagen. Ein Feld „baujahr“ wird ohne Wahl verwendet.\n\n"
            "Floating-PV (§ 36 Abs. 3 WHG): mindestens 40 m Abstand zum Ufer, zusammen höchstens 15 % der "
            "Wasserfläche je Gewässer (aufgeteilt auf die Standorte eines Gewässers). Ohne Gewässerebene gilt jeder "
            "Standort als ganzes Gewässer – außer er hat eine Belegungsgrenze (Feld cover_limit_ha aus "
            "wip:eligibility): dann gilt der Uferabstand als geprüft und die Grenze als Obergrenze. „usable_ha“ ist "
            "bei Floating-PV die belegbare Fläche.\n\n"
            "Spezifischer Ertrag, der erste vorhandene Wert zählt: Feld „Spezifischer Ertrag je Standort“; pvlib-"
            "Simulation mit der Wetterdatei (EPW oder TMY3, nur wenn pvlib installiert ist); Globalstrahlung "
            "(Feld, dann Raster) × Verhältnis des Anlagentyps; der Parameter „Spezifischer Ertrag“; die Vorgabe "
            "des Anlagentyps. Das Feld „yield_source“ nennt die Herkunft, „note“ was die Fläche begrenzt hat.")

    def initAlgorithm(self, config=None):
        types = _shipped_types()
        labels = [types.types[type_id].label_text() if types and type_id in types.types else type_id
                  for type_id in PV_TYPE_IDS]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Standorte"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterEnum(self.PV_TYPE, self.tr("Anlagentyp"), options=labels,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SETBACK, self.tr("Randabstand (m; -1 = Vorgabe des Anlagentyps)"),
            NUMBER_DOUBLE, USE_TYPE_DEFAULT, minValue=USE_TYPE_DEFAULT))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.WATER_BODIES, self.tr("Gewässer (nur Floating-PV)"), [SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COVER_LIMIT_FIELD, self.tr("Belegungsgrenze je Standort (ha; ohne Angabe: Feld cover_limit_ha)"),
            parentLayerParameterName=self.SITES, type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BUILD_YEAR_FIELD, self.tr("Baujahr bestehender Parks (leer = Neubau)"),
            parentLayerParameterName=self.SITES, type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPECIFIC_YIELD, self.tr("Spezifischer Ertrag (kWh/kWp; 0 = Vorgabe des Anlagentyps)"),
            NUMBER_DOUBLE, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            self.YIELD_FIELD, self.tr("Spezifischer Ertrag je Standort (kWh/kWp)"), parentLayerParameterName=self.SITES,
            type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.IRRADIATION_RASTER, self.tr("Globalstrahlung als Raster (kWh/m² im Jahr)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.IRRADIATION_FIELD, self.tr("Globalstrahlung je Standort (kWh/m² im Jahr)"),
            parentLayerParameterName=self.SITES, type=FIELD_NUMERIC, optional=True))
        weather = QgsProcessingParameterFile(
            self.WEATHER_FILE, self.tr("Wetterdatei für pvlib (EPW oder TMY3-CSV)"),
            FILE_BEHAVIOR_FILE, optional=True, fileFilter="EPW, TMY3 (*.epw *.csv)")
        co2 = QgsProcessingParameterNumber(
            self.CO2_FACTOR, self.tr("Vermiedene Emissionen je kWh (g CO₂/kWh)"),
            NUMBER_DOUBLE, types.co2_factor_g_kwh.value if types else 0.0, minValue=0.0)
        for parameter in (weather, co2):
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("PV-Potenzial"), SOURCE_POLYGON))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_MWP", self.tr("Leistung gesamt (MWp)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_GWH", self.tr("Jahresertrag gesamt (GWh/a)")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.SITES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        weather_file = self.parameterAsFile(parameters, self.WEATHER_FILE, context)
        try:
            if weather_file:
                pv_yield.require_pvlib()  # before anything else is read
            types = shipped_pv_types()
        except PvYieldError as error:
            raise QgsProcessingException(str(error)) from error
        type_id = PV_TYPE_IDS[self.parameterAsEnum(parameters, self.PV_TYPE, context)]
        if type_id not in types.types:
            raise QgsProcessingException(self.tr("Der Anlagentyp „{type}“ fehlt in {file}.").format(
                type=type_id, file=pv_yield.TYPES_FILE.name))
        pv_type = types.types[type_id]
        setback = self.parameterAsDouble(parameters, self.SETBACK, context)
        if setback < 0 and setback != USE_TYPE_DEFAULT:
            raise QgsProcessingException(self.tr(
                "Randabstand {value:g} m: -1 für die Vorgabe des Anlagentyps oder ein Abstand ab 0 m.").format(
                value=setback))
        setback = pv_type.setback_m.value if setback == USE_TYPE_DEFAULT else setback
        specific = self.parameterAsDouble(parameters, self.SPECIFIC_YIELD, context)
        co2 = self.parameterAsDouble(parameters, self.CO2_FACTOR, context)

        # geometry validity is checked here: outlines are repaired, empty ones named
        frame = self.read_input(parameters, self.SITES, context, feedback, repairs_geometries=True)
        if frame.empty:
            raise QgsProcessingException(self.tr("Die Standortebene enthält keine Objekte."))
        crs = working_crs(source)
        report_reprojection(source, crs, feedback)
        outlines = np.asarray(frame.geometry.values, dtype=object)
        sites = transform_geometries(outlines, source.sourceCrs(), crs, context)
        empty = shapely.is_missing(sites) | shapely.is_empty(sites)
        ids = frame.index.tolist()
        if empty.any():
            raise QgsProcessingException(self.tr(
                "Standorte ohne Geometrie oder mit leerer Geometrie: Objekt {ids}.").format(
                ids=", ".join(str(ids[row]) for row in np.flatnonzero(empty))))
        sites = shapely.make_valid(sites)  # a self-intersecting outline keeps its area
        water = self._water_bodies(parameters, context, feedback, pv_type, crs)
        cover_field = self.chosen_field(parameters, self.COVER_LIMIT_FIELD, source, context, feedback,
                                        (COVER_LIMIT_HINT,))
        try:
            yields = self._yields(parameters, context, feedback, source, frame, sites, crs, pv_type, weather_file,
                                  ids)
            build_field = self.chosen_field(parameters, self.BUILD_YEAR_FIELD, source, context, feedback,
                                            BUILD_YEAR_HINTS) if pv_type.density_by_build_year else \
                self.parameterAsString(parameters, self.BUILD_YEAR_FIELD, context)
            build_years = numbers(frame, build_field, self.tr("Baujahr")) if build_field else None
            result = pv_potential(pv_type, sites, co2, setback, water,
                                  numbers(frame, cover_field, self.tr("Belegungsgrenze"), 0), yields,
                                  specific or None, ids, build_years)
        except PvYieldError as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        usable = result.usable_ha > 0
        if not usable.any():
            reasons = list(dict.fromkeys(note for note in result.notes if note))
            raise QgsProcessingException(self.tr("Auf keinem Standort bleibt eine nutzbare Fläche: {reasons}").format(
                reasons="; ".join(reasons[:3]) or self.tr("die Standorte sind zu klein")))
        self._report(feedback, types, pv_type, setback, co2, result, usable)

        columns = {"usable_ha": result.usable_ha, "mwp": result.mwp, "spec_kwh_kwp": result.specific_kwh_kwp,
                   "gwh_a": result.gwh_a, "full_load_h": result.full_load_h, "co2_t_a": result.co2_t_a,
                   "pv_type": [type_id] * len(frame), "yield_source": list(result.yield_source),
                   "note": [note or None for note in result.notes]}
        fields = result_fields(source, [(name, DOUBLE) for name in list(columns)[:6]]
                               + [(name, STRING) for name in list(columns)[6:]])
        feedback.setProgress(50)  # computed; the outputs are written next
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                                 source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # a result field the sites already have is replaced
        write_frame(frame.assign(**columns)[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return {self.OUTPUT: destination, "TOTAL_MWP": float(result.mwp.sum()),
                "TOTAL_GWH": float(result.gwh_a.sum())}

    def _water_bodies(self, parameters, context, feedback, pv_type, crs):
        water_source = self.parameterAsSource(parameters, self.WATER_BODIES, context)
        if water_source is None:
            return None
        if not pv_type.on_water:
            feedback.pushWarning(self.tr("Die Gewässerebene gilt nur für Floating-PV und bleibt unbeachtet."))
            return None
        frame = self.read_input(parameters, self.WATER_BODIES, context, feedback, crs, fields=[])
        return np.asarray(frame.geometry.values, dtype=object)

    def _yields(self, parameters, context, feedback, source, frame, sites, crs, pv_type, weather_file,
                ids) -> tuple[YieldSource, ...]:
        """The specific yields per site by origin, in the order in which they count."""
        yields = []
        yield_field = self.parameterAsString(parameters, self.YIELD_FIELD, context)
        if yield_field:
            specific = numbers(frame, yield_field, self.tr("Spezifischer Ertrag"), 0, MAX_KWH_PER_KWP)
            yields.append(YieldSource(self.tr("Feld {field}").format(field=yield_field), specific))
        if weather_file:
            weather = read_weather(Path(weather_file))
            feedback.pushInfo(self.tr("pvlib: {hours} Stundenwerte aus {file}, Neigung {tilt:g}°, Azimut {azimuth:g}°, "
                                      "Systemverluste {losses:g} %.").format(
                hours=len(weather), file=Path(weather_file).name, tilt=pv_type.pvlib.tilt_deg,
                azimuth=pv_type.pvlib.azimuth_deg, losses=pv_type.pvlib.losses_pct))
            longitudes, latitudes = longitudes_latitudes(shapely.centroid(sites), crs, context)
            yields.append(YieldSource(self.tr("pvlib, {file}").format(file=Path(weather_file).name),
                                      simulated_yield(weather, latitudes, longitudes, pv_type.pvlib)))
        irradiation_field = self.parameterAsString(parameters, self.IRRADIATION_FIELD, context)
        if irradiation_field:
            yields.append(yield_from_irradiation(
                pv_type, numbers(frame, irradiation_field, self.tr("Globalstrahlung"), 0, MAX_IRRADIATION_KWH_M2),
                self.tr("Globalstrahlung, Feld {field}").format(field=irradiation_field), ids))
        raster = self.parameterAsRasterLayer(parameters, self.IRRADIATION_RASTER, context)
        if raster is not None:
            # zonal statistics in the raster's own CRS: the sites are transformed, the cells stay as they are
            raster_sites = sites if not raster.crs().isValid() or raster.crs() == crs else shapely.make_valid(
                transform_geometries(np.asarray(frame.geometry.values, dtype=object), source.sourceCrs(),
                                     raster.crs(), context))
            mean, _low, _high = raster_zonal_statistics(raster, raster_sites)
            yields.append(yield_from_irradiation(
                pv_type, mean, self.tr("Globalstrahlung, Raster {name}").format(name=raster.name()), ids))
        return tuple(yields)

    def _report(self, feedback, types, pv_type, setback, co2, result, usable) -> None:
        density, default = pv_type.mwp_per_ha, pv_type.specific_yield_kwh_kwp
        feedback.pushInfo(self.tr(
            "{type} ({title}, Version {version}): {density:g} MWp/ha ({density_status}), Vorgabe {default:g} kWh/kWp "
            "({default_status}), Randabstand {setback:g} m.").format(
            type=pv_type.label_text(), title=localised(types.title), version=types.version, density=density.value,
            density_status=status_label(density.status), default=default.value,
            default_status=status_label(default.status),
            setback=setback))
        factor = types.co2_factor_g_kwh
        feedback.pushInfo(self.tr("CO₂-Faktor {value:g} g/kWh (Vorgabe {default:g} g/kWh, {status}: {source}).").format(
            value=co2, default=factor.value, status=status_label(factor.status), source=factor.source))
        feedback.pushInfo(self.tr(
            "{usable} von {count} Standorten mit nutzbarer Fläche: {mwp:,.2f} MWp, {gwh:,.2f} GWh/a, "
            "{co2:,.0f} t CO₂/a vermieden; {notes} Standorte mit Hinweis (Feld „note“).").format(
            usable=int(usable.sum()), count=len(usable), mwp=float(result.mwp.sum()), gwh=float(result.gwh_a.sum()),
            co2=float(result.co2_t_a.sum()), notes=sum(1 for note in result.notes if note)))
