"""wip:windlayout – Windenergieanlagen platzieren: as many turbines of a type as fit into each site at the spacing
ellipse, their annual energy from the mean wind speed (raster, field or constant), a Weibull distribution and the
power curve less the stated losses, and the existing turbines in or near each site, replaced when repowering."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..core.eligibility import polygonal
from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.wind_energy import (
    DEFAULT_TURBINE_ID,
    TURBINES_FILE,
    WINDPOWERLIB_PREFIX,
    Losses,
    WindError,
    load_turbine_types,
    parameter_defaults,
    shipped_wind_defaults,
    turbine_labels,
    windpowerlib_turbine,
)
from ..core.wind_park import (
    MAIN_WIND_DIRECTION_DEG,
    MAX_WIND_MS,
    SHEAR_EXPONENT,
    SPACING_ACROSS_D,
    SPACING_ALONG_D,
    WEIBULL_SHAPE,
    ExistingTurbines,
    WindResource,
    plan_wind_park,
)
from ..qgis_io.compat import (
    DOUBLE,
    FIELD_NUMERIC,
    INT,
    NUMBER_DOUBLE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    STRING,
    WKB_POINT,
    new_field,
)
from ..qgis_io.layers import report_reprojection, transform_geometries, transform_points, working_crs, write_frame
from ..qgis_io.rasters import raster_zonal_statistics
from .base import WipAlgorithm, field_values, numbers, result_fields

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
shapely = lazy_module("shapely")

# field names of existing turbines looked for when the planner names none (UFZ/MaStR exports and the demo data)
# the strongest annual mean wind speed anywhere on land is below 15 m/s; beyond 40 a field holds something else
EXISTING_INPUT = "turbines"  # the workflow input a data profile's feed names for existing turbines
EXISTING_HINTS = {
    "EXISTING_POWER_FIELD": ("power_kw", "leistung_kw", "nettonennleistung", "bruttoleistung", "kw"),
    "EXISTING_ROTOR_FIELD": ("dia_m", "rotor_m", "rotordurchmesser", "rotor"),
    "EXISTING_HUB_FIELD": ("hub_m", "nabenhoehe", "nabenhoehe_m", "hub_height"),
}


class WindLayoutAlgorithm(WipAlgorithm):
    algorithm_id = "windlayout"

    SITES = "SITES"
    TURBINE_TYPE = "TURBINE_TYPE"
    TURBINE_FILE = "TURBINE_FILE"
    TURBINE_ID = "TURBINE_ID"
    HUB_HEIGHT = "HUB_HEIGHT"
    SPACING_ALONG = "SPACING_ALONG"
    SPACING_ACROSS = "SPACING_ACROSS"
    WIND_DIRECTION = "WIND_DIRECTION"
    ROTOR_OVERHANG = "ROTOR_OVERHANG"
    WIND_SPEED = "WIND_SPEED"
    WIND_FIELD = "WIND_FIELD"
    WIND_RASTER = "WIND_RASTER"
    WIND_HEIGHT = "WIND_HEIGHT"
    SHEAR = "SHEAR"
    WEIBULL_K = "WEIBULL_K"
    WAKE_LOSS = "WAKE_LOSS"
    AVAILABILITY = "AVAILABILITY"
    ELECTRICAL_LOSS = "ELECTRICAL_LOSS"
    CURTAILMENT = "CURTAILMENT"
    FOUNDATION_INSET = "FOUNDATION_INSET"
    EXISTING = "EXISTING"
    EXISTING_POWER_FIELD = "EXISTING_POWER_FIELD"
    EXISTING_ROTOR_FIELD = "EXISTING_ROTOR_FIELD"
    EXISTING_HUB_FIELD = "EXISTING_HUB_FIELD"
    EXISTING_DISTANCE = "EXISTING_DISTANCE"
    REPOWERING = "REPOWERING"
    TURBINES = "TURBINES"
    OUTPUT = "OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Platziert so viele Windenergieanlagen eines Typs wie möglich in jede Fläche: jedes Paar mindestens eine "
            "Abstandsellipse entfernt (Standard 5 Rotordurchmesser in Hauptwindrichtung × 3 quer dazu). Gesucht wird "
            "über Gitterorientierungen und -versätze und eine Randauffüllung; das einfache Raster ab der Flächenecke "
            "ist immer dabei, das Ergebnis hat nie weniger Anlagen (Feld grid_turbines zum Vergleich). „Rotor "
            "außerhalb zulässig“: nur der Turm muss in der Fläche stehen; sonst auch die Rotorfläche (nach § 4 Abs. 3 "
            "WindBG zählen Rotor-innerhalb-Flächen nur anteilig zum Flächenbeitragswert).\n\n"
            "Anlagentypen: die Referenzanlagen des Katalogs resources/yield/turbines.json, ein eigener Katalog "
            "(Kopie der Datei) mit Typ-ID, oder mit installiertem windpowerlib „windpowerlib:E-126/4200“.\n\n"
            "Jahresenergie: mittlere Windgeschwindigkeit aus Raster, Feld der Flächen oder einem festen Wert in der "
            "Bezugshöhe, Potenzgesetz bis zur Nabe, Weibull-Verteilung mit dem Formparameter k, Leistungskurve, "
            "abzüglich Parkverlusten, Nichtverfügbarkeit, elektrischer Verluste und Abschaltungen (alle stehen je "
            "Fläche im Ergebnis). Vorgaben mit Quelle: resources/yield/wind_defaults.json; ohne Windgutachten "
            "rechnet das Dock mit 5,8 m/s in 150 m, typisch für das Mitteldeutsche Revier.\n\n"
            "Fundament: jeder Turm steht mindestens den Fundamentabstand innerhalb der Fläche (Rotor-außerhalb-"
            "Flächen nach § 4 Abs. 3 WindBG: nur der Rotor darf hinausragen).\n\n"
            "Bestehende Anlagen in oder nahe einer Fläche werden gemeldet und halten ihren Abstand; im "
            "Repowering-Modus werden sie ersetzt und der Nettozuwachs in MW und GWh/a ausgewiesen.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Flächen (z. B. Flächenkulisse Wind)"), [SOURCE_POLYGON]))
        labels = turbine_labels()
        turbine_type = QgsProcessingParameterEnum(
            self.TURBINE_TYPE, self.tr("Anlagentyp"), options=list(labels.values()),
            defaultValue=list(labels).index(DEFAULT_TURBINE_ID))
        self.addParameter(turbine_type)
        self.addParameter(QgsProcessingParameterFile(
            self.TURBINE_FILE, self.tr("Eigener Anlagenkatalog (JSON)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TURBINE_ID, self.tr("Typ-ID im eigenen Katalog oder windpowerlib:‹Typ›"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.HUB_HEIGHT, self.tr("Nabenhöhe (m, 0 = die des Typs)"), NUMBER_DOUBLE,
            0.0, False, 0.0, 300.0))
        for name, label, default in ((self.SPACING_ALONG, self.tr("Abstand in Hauptwindrichtung (Rotordurchmesser)"),
                                      SPACING_ALONG_D),
                                     (self.SPACING_ACROSS, self.tr("Abstand quer zur Hauptwindrichtung "
                                                                   "(Rotordurchmesser)"), SPACING_ACROSS_D)):
            self.addParameter(QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE,
                                                           default, False, 1.0, 20.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.WIND_DIRECTION, self.tr("Hauptwindrichtung (Grad, woher der Wind kommt)"),
            NUMBER_DOUBLE, MAIN_WIND_DIRECTION_DEG, False, 0.0, 360.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ROTOR_OVERHANG, self.tr("Rotor außerhalb der Fläche zulässig (Rotor-out)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WIND_SPEED, self.tr("Mittlere Windgeschwindigkeit (m/s in Bezugshöhe, 0 = aus Raster oder Feld)"),
            NUMBER_DOUBLE, 0.0, False, 0.0, 20.0))
        self.addParameter(QgsProcessingParameterField(
            self.WIND_FIELD, self.tr("Feld mittlere Windgeschwindigkeit (m/s)"), parentLayerParameterName=self.SITES,
            type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.WIND_RASTER, self.tr("Raster mittlere Windgeschwindigkeit (m/s)"), optional=True))
        defaults = parameter_defaults()
        self.addParameter(QgsProcessingParameterNumber(
            self.WIND_HEIGHT, self.tr("Bezugshöhe der Windgeschwindigkeit (m über Grund)"),
            NUMBER_DOUBLE, defaults.reference_height_m if defaults else 150.0, False, 1.0, 300.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SHEAR, self.tr("Höhenexponent α (Potenzgesetz)"), NUMBER_DOUBLE, SHEAR_EXPONENT,
            False, 0.0, 1.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.WEIBULL_K, self.tr("Weibull-Formparameter k"), NUMBER_DOUBLE, WEIBULL_SHAPE, False,
            0.5, 5.0))
        for name, label, figure, low, high in (
                (self.WAKE_LOSS, self.tr("Parkverluste (Nachlauf, %)"), "wake_loss_pct", 0.0, 99.0),
                (self.AVAILABILITY, self.tr("Technische Verfügbarkeit (%)"), "availability_pct", 1.0, 100.0),
                (self.ELECTRICAL_LOSS, self.tr("Elektrische Verluste bis zum Netzverknüpfungspunkt (%)"),
                 "electrical_loss_pct", 0.0, 99.0),
                (self.CURTAILMENT, self.tr("Abschaltungen für Fledermäuse und Schall (% des Ertrags)"),
                 "curtailment_pct", 0.0, 99.0),
                (self.FOUNDATION_INSET, self.tr("Fundament: Abstand des Turms zum Flächenrand (m)"),
                 "foundation_inset_m", 0.0, 100.0)):
            default = getattr(defaults, figure).value if defaults else low
            self.addParameter(QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, default, False, low, high))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.EXISTING, self.tr("Bestehende Windenergieanlagen"), [SOURCE_POINT],
            optional=True))
        for name, label in ((self.EXISTING_POWER_FIELD, self.tr("Bestand: Leistung (kW)")),
                            (self.EXISTING_ROTOR_FIELD, self.tr("Bestand: Rotordurchmesser (m)")),
                            (self.EXISTING_HUB_FIELD, self.tr("Bestand: Nabenhöhe (m)"))):
            self.addParameter(QgsProcessingParameterField(
                name, label, parentLayerParameterName=self.EXISTING,
                type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.EXISTING_DISTANCE, self.tr("Bestand: gilt als nahe bis (m)"), NUMBER_DOUBLE,
            500.0, False, 0.0, 10000.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPOWERING, self.tr("Repowering: Bestand in und nahe den Flächen ersetzen"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TURBINES, self.tr("Windenergieanlagen"), SOURCE_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Flächen mit Windpark")))
        for name, label in (("TURBINE_COUNT", self.tr("Anlagen")), ("TOTAL_MW", self.tr("Leistung (MW)")),
                            ("TOTAL_GWH", self.tr("Jahresenergie netto (GWh/a)")),
                            ("NET_GAIN_MW", self.tr("Nettozuwachs Leistung (MW)")),
                            ("NET_GAIN_GWH", self.tr("Nettozuwachs Jahresenergie (GWh/a)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # -- reading -------------------------------------------------------------------------------------------------

    def _turbine(self, parameters, context):
        hub = self.parameterAsDouble(parameters, self.HUB_HEIGHT, context)
        own_file = self.parameterAsFile(parameters, self.TURBINE_FILE, context)
        own_id = self.parameterAsString(parameters, self.TURBINE_ID, context).strip()
        if own_id.startswith(WINDPOWERLIB_PREFIX):
            turbine = windpowerlib_turbine(own_id[len(WINDPOWERLIB_PREFIX):], hub or None)
        else:
            types = load_turbine_types(Path(own_file) if own_file else TURBINES_FILE)
            if own_file or own_id:
                key = own_id or next(iter(types))
                if key not in types:
                    raise WindError(tr("Anlagentyp „{id}“ fehlt im Katalog {file}; vorhanden: {known}.").format(
                        id=key, file=Path(own_file or TURBINES_FILE).name, known=", ".join(types)))
            else:
                key = list(types)[self.parameterAsEnum(parameters, self.TURBINE_TYPE, context)]
            turbine = types[key]
        if hub:
            turbine = replace(turbine, hub_m=hub)
        return turbine

    def _sites(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.SITES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        features = self.read_input(parameters, self.SITES, context, feedback)
        if features.empty:
            raise QgsProcessingException(self.tr("Die Flächenebene enthält keine Objekte."))
        crs = working_crs(source)
        report_reprojection(source, crs, feedback)
        polygons = polygonal(transform_geometries(np.asarray(features.geometry.values, dtype=object),
                                                  source.sourceCrs(), crs, context))
        if all(polygon is None for polygon in polygons):
            raise QgsProcessingException(self.tr("Keine der Flächen hat eine gültige Polygongeometrie."))
        return source, features, crs, polygons

    def _existing(self, parameters, context, crs, feedback) -> ExistingTurbines | None:
        source = self.parameterAsSource(parameters, self.EXISTING, context)
        if source is None:
            return None
        report_reprojection(source, crs, feedback)
        features = self.input_frame(parameters, self.EXISTING, context, feedback, EXISTING_INPUT, crs)
        points = np.asarray(features.geometry.values, dtype=object)
        points = np.array([None if p is None or p.is_empty else shapely.get_point(p, 0) if p.geom_type ==
                           "MultiPoint" else p for p in points], dtype=object)
        values = []
        for name, hints in EXISTING_HINTS.items():
            field = self.chosen_field(parameters, name, source, context, feedback, hints)
            if field is None:
                feedback.pushWarning(self.tr("Bestand: kein Feld für {what} gefunden; deren Ertrag bleibt offen.")
                                     .format(what=self.parameterDefinition(name).description()))
            values.append(numbers(features, field, self.parameterDefinition(name).description(), 0))
        return ExistingTurbines(points, *values)

    def _resource(self, parameters, context, sites_features, crs, feedback) -> WindResource:
        constant = self.parameterAsDouble(parameters, self.WIND_SPEED, context)
        field = self.parameterAsString(parameters, self.WIND_FIELD, context)
        raster = self.parameterAsRasterLayer(parameters, self.WIND_RASTER, context)
        if raster is not None:
            speed_at = _raster_sampler(raster, crs, context)
            feedback.pushInfo(self.tr("Windgeschwindigkeit aus dem Raster „{name}“.").format(name=raster.name()))
        elif field:
            per_site = numbers(sites_features, field, self.tr("Windgeschwindigkeit"), 0, MAX_WIND_MS)

            def speed_at(_x, _y, site):
                return np.where(site >= 0, per_site[np.maximum(site, 0)], np.nan)
        elif constant > 0:
            def speed_at(x, _y, _site):
                return np.full(len(x), constant)
        else:
            raise QgsProcessingException(self.tr(
                "Winddaten fehlen: bitte ein Windraster, ein Feld der Flächen oder eine mittlere Windgeschwindigkeit "
                "angeben."))
        return WindResource(speed_at, self.parameterAsDouble(parameters, self.WIND_HEIGHT, context),
                            self.parameterAsDouble(parameters, self.SHEAR, context),
                            self.parameterAsDouble(parameters, self.WEIBULL_K, context))

    # -- run -----------------------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        source, features, crs, polygons = self._sites(parameters, context, feedback)
        try:
            turbine = self._turbine(parameters, context)
            shipped_wind_defaults()  # a broken defaults file is named, not replaced by the parameters' bounds
            losses = Losses(*(self.parameterAsDouble(parameters, name, context) for name in (
                self.WAKE_LOSS, self.AVAILABILITY, self.ELECTRICAL_LOSS, self.CURTAILMENT)))
            resource = self._resource(parameters, context, features, crs, feedback)
            existing = self._existing(parameters, context, crs, feedback)
            overhang = self.parameterAsBool(parameters, self.ROTOR_OVERHANG, context)
            repowering = self.parameterAsBool(parameters, self.REPOWERING, context)
            feedback.pushInfo(self.tr("Anlagentyp: {label} ({mw:.1f} MW, Rotor {rotor:.0f} m, Nabe {hub:.0f} m)")
                              .format(label=turbine.label, mw=turbine.rated_mw, rotor=turbine.rotor_m,
                                      hub=turbine.hub_m))
            park = plan_wind_park(
                polygons, turbine, self.parameterAsDouble(parameters, self.SPACING_ALONG, context),
                self.parameterAsDouble(parameters, self.SPACING_ACROSS, context),
                self.parameterAsDouble(parameters, self.WIND_DIRECTION, context), overhang, resource, losses,
                existing, self.parameterAsDouble(parameters, self.EXISTING_DISTANCE, context), repowering,
                progress=lambda value: feedback.setProgress(0.9 * value), canceled=feedback.isCanceled,
                foundation_inset_m=self.parameterAsDouble(parameters, self.FOUNDATION_INSET, context))
        except WindError as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        layout = park.layout
        no_wind = int(np.isnan(park.wind_ms).sum())
        if no_wind:
            feedback.pushWarning(self.tr("{count} Anlage(n) ohne Windgeschwindigkeit (keine Daten an ihrem "
                                         "Standort): ohne Ertrag.").format(count=no_wind))
        ids = _site_ids(features)
        turbines_id = self._write_turbines(parameters, context, feedback, crs, park, ids)
        sites_id, totals = self._write_sites(parameters, context, feedback, source, features, polygons, park,
                                             overhang, repowering)
        feedback.pushInfo(self.tr("{count} Anlagen mit {mw:.1f} MW und {gwh:.1f} GWh/a netto; das einfache Raster "
                                  "fände {grid}.").format(count=len(layout.x), mw=totals["TOTAL_MW"],
                                                          gwh=totals["TOTAL_GWH"],
                                                          grid=int(layout.baseline_per_site.sum())))
        return dict(totals, **{self.TURBINES: turbines_id, self.OUTPUT: sites_id})

    def _write_turbines(self, parameters, context, feedback, crs, park, ids):
        fields = QgsFields()
        for name, kind in (("turbine_id", INT), ("site_id", STRING), ("type", STRING),
                           ("mw", DOUBLE), ("hub_m", DOUBLE), ("rotor_m", DOUBLE),
                           ("total_m", DOUBLE), ("wind_ms", DOUBLE),
                           ("gross_gwh_a", DOUBLE), ("gwh_a", DOUBLE),
                           ("full_load_h", DOUBLE)):
            fields.append(new_field(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.TURBINES, context, fields, WKB_POINT,
                                                 crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.TURBINES))
        columns = park.per_turbine()
        turbines = gpd.GeoDataFrame({"turbine_id": np.arange(1, len(columns["site"]) + 1),
                                     "site_id": [ids[site] for site in columns.pop("site")], **columns},
                                    geometry="geometry")
        write_frame(turbines, sink, feedback, as_multi=False)
        return destination

    def _write_sites(self, parameters, context, feedback, source, features, polygons, park, overhang, repowering):
        totals = park.site_totals()
        rule = self.tr("Rotor außerhalb zulässig") if overhang else self.tr("Rotor innerhalb der Fläche")
        extra = [("turbines", INT), ("grid_turbines", INT), ("mw", DOUBLE),
                 ("wind_ms", DOUBLE), ("gross_gwh_a", DOUBLE), ("gwh_a", DOUBLE),
                 ("full_load_h", DOUBLE), ("existing_n", INT), ("existing_mw", DOUBLE),
                 ("existing_gwh_a", DOUBLE), ("replaced_n", INT), ("replaced_mw", DOUBLE),
                 ("net_gain_mw", DOUBLE), ("net_gain_gwh_a", DOUBLE),
                 ("turbine_type", STRING), ("wake_loss_pct", DOUBLE),
                 ("availability_pct", DOUBLE), ("electrical_loss_pct", DOUBLE),
                 ("curtailment_pct", DOUBLE), ("rotor_rule", STRING), ("note", STRING)]
        fields = result_fields(source, extra)
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                                 source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        notes_by_site = []
        for row in range(len(features)):
            notes = []
            if polygons[row] is None:
                notes.append(self.tr("keine gültige Polygongeometrie"))
            elif not totals.turbines[row]:
                notes.append(self.tr("zu klein oder zu schmal für eine Anlage"))
            if totals.existing_n[row] and not repowering:
                notes.append(self.tr("{count} Bestandsanlage(n) in oder nahe der Fläche halten ihren Abstand").format(
                    count=int(totals.existing_n[row])))
            notes_by_site.append("; ".join(notes) or None)
        losses, count = park.losses, len(features)
        values = [totals.turbines.astype(int), totals.grid_turbines.astype(int), totals.mw.astype(float),
                  totals.wind_ms, totals.gross_gwh.astype(float), totals.gwh.astype(float), totals.full_load_h,
                  totals.existing_n.astype(int), totals.existing_mw.astype(float), totals.existing_gwh.astype(float),
                  totals.replaced_n.astype(int), totals.replaced_mw.astype(float), totals.net_gain_mw.astype(float),
                  totals.net_gain_gwh.astype(float), [park.turbine.label] * count, np.full(count, losses.wake_pct),
                  np.full(count, losses.availability_pct), np.full(count, losses.electrical_pct),
                  np.full(count, losses.curtailment_pct), [rule] * count, notes_by_site]
        # a result field the sites already have is replaced
        results = features.assign(**{name: column for (name, _kind), column in zip(extra, values)})
        write_frame(results[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return destination, {
            "TURBINE_COUNT": int(totals.turbines.sum()), "TOTAL_MW": float(totals.mw.sum()),
            "TOTAL_GWH": float(totals.gwh.sum()), "NET_GAIN_MW": float(totals.net_gain_mw.sum()),
            "NET_GAIN_GWH": float(totals.net_gain_gwh.sum())}


def _site_ids(features) -> list[str]:
    """A readable id per site: the field area_id (wip:eligibility), id or fid when there is one, else the row."""
    field = next((name for name in ("area_id", "site_id", "id", "fid") if name in features.columns), None)
    values = field_values(features, field)
    return [str(value) if value is not None else str(row + 1) for row, value in enumerate(values)]


def _raster_sampler(raster, crs, context):
    """Band 1 of ``raster`` at points given in ``crs``: the cell under each point, NaN outside and on NoData."""

    def speed_at(x, y, _site):
        values = np.full(len(x), np.nan)
        located = np.isfinite(x) & np.isfinite(y)
        if located.any():
            target = raster.crs() if raster.crs().isValid() else crs
            px, py = transform_points(x[located], y[located], crs, target, context)
            values[located] = raster_zonal_statistics(raster, shapely.points(px, py))[0]
        return values

    return speed_at
