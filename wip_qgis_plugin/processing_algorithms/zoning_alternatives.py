"""wip:zoningalternatives – Planungsvarianten erzeugen: planning units (parcels or a grid) allocated to wind, PV,
agri-PV, commerce/industry, housing or their current use so that the targets are met, as a mixed-integer programme;
named objective variants and near-optimal alternatives that differ as much as possible, with their indicators and
how often each unit was chosen."""
from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.lazy import lazy_module
from ..core.pv_yield import PvYieldError, shipped_pv_types
from ..core.site_criteria import overlap_share, weighted_mean
from ..core.workflow import normalise
from ..core.zoning import (
    KEEP,
    OBJECTIVES,
    USES,
    PlanningUnits,
    Targets,
    ZoningError,
    adjacent_pairs,
    indicators,
    objective_label,
    planning_grid,
    shipped_uses,
    use_label,
    zoning_alternatives,
)
from ..qgis_io.compat import (
    BOOL,
    DOUBLE,
    FIELD_NUMERIC,
    FIELD_STRING,
    FLAG_ADVANCED,
    INT,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    STRING,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
    new_field,
)
from ..qgis_io.layers import optional_float, polygon_parts, working_crs, write_frame
from .base import WipAlgorithm, field_values, numbers

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

TARGET_COLUMNS = 6  # use, min MW, min GWh/a, min ha, max % of the municipality, min cluster ha
FARMLAND_HINTS = ("ackerzahl", "acker_gruenlandzahl", "bodenzahl", "agz")
LOCK_OUT_WORDS = ("bestand", "aus", "keep", "none", "nein")


def default_targets() -> list:
    """The target matrix as Processing keeps it (row by row): no minimums, the catalog's limits."""
    catalog = shipped_uses()
    cells = []
    for use in USES:
        settings = catalog.uses[use]
        cells += [use, 0.0, 0.0, 0.0, settings.max_share_pct.value, settings.min_cluster_ha.value]
    return cells


def incompatible_text() -> str:
    return "; ".join(f"{a}-{b}" for a, b in shipped_uses().incompatible)


def unit_id(value) -> str:
    """A planning unit's id as text: a whole number read as a float (a number field with empty values) without
    its ".0"."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


class ZoningAlternativesAlgorithm(WipAlgorithm):
    algorithm_id = "zoningalternatives"

    STUDY_AREA = "STUDY_AREA"
    UNITS = "UNITS"
    UNIT_ID_FIELD = "UNIT_ID_FIELD"
    LOCK_FIELD = "LOCK_FIELD"
    CELL_SIZE = "CELL_SIZE"
    HEXAGONS = "HEXAGONS"
    ELIGIBLE = {use: f"ELIGIBLE_{use.upper()}" for use in USES}
    SCORE = {use: f"SCORE_{use.upper()}" for use in ("wind", "pv", "agri_pv")}
    YIELD = {"wind": "YIELD_WIND", "pv": "YIELD_PV"}
    YIELD_WIND = "YIELD_WIND"
    YIELD_PV = "YIELD_PV"
    FARMLAND = "FARMLAND"
    FARMLAND_FIELD = "FARMLAND_FIELD"
    PRIME_THRESHOLD = "PRIME_THRESHOLD"
    TARGETS = "TARGETS"
    WIND_SHARE_PCT = "WIND_SHARE_PCT"
    MAX_PRIME_HA = "MAX_PRIME_HA"
    INCOMPATIBLE = "INCOMPATIBLE"
    NEIGHBOUR_DISTANCE = "NEIGHBOUR_DISTANCE"
    OBJECTIVES = "OBJECTIVES"
    NEAR_OPTIMAL = "NEAR_OPTIMAL"
    NEAR_OPTIMAL_PCT = "NEAR_OPTIMAL_PCT"
    TIME_LIMIT = "TIME_LIMIT"
    MIP_GAP = "MIP_GAP"
    ALLOCATION = "ALLOCATION"
    INDICATORS = "INDICATORS"
    FREQUENCY = "FREQUENCY"



    def shortHelpString(self):
        return self.tr(
            "Weist Planungseinheiten (Flurstücke oder ein Raster über der Gemeinde) den Nutzungen Wind, "
            "Freiflächen-PV, Agri-PV, Gewerbe/Industrie und Wohnen zu oder belässt sie im Bestand, so dass die "
            "Ziele der Gemeinde erreicht werden: exakt als gemischt-ganzzahliges Programm (HiGHS) mit Zeitlimit "
            "und ausgewiesener Optimalitätslücke.\n\n"
            "Je Einheit und Nutzung: der geeignete Flächenanteil (Flächenkulisse der Nutzung), die Eignung "
            "(Feld score der Standortbewertung, sonst 50), Leistung und Ertrag (aus wip:windlayout bzw. "
            "wip:pvyield, sonst die Kennwerte aus resources/zoning/uses.json), hochwertige Böden (Ackerzahl ab der "
            "Schwelle). Feld „Festlegung“: eine Nutzung (wind, pv, agri_pv, gewerbe, wohnen) legt die Einheit fest, "
            "„bestand“ schließt sie aus.\n\n"
            "Ziele (Mindestleistung, Mindestertrag, Mindestfläche, Windflächenanteil nach WindBG/LEntwG) sind "
            "weich: Zuerst wird die kleinste Summe der relativen Fehlmengen bestimmt, die ein Plan haben kann "
            "(bewiesen, sonst im Protokoll vermerkt); jede Variante ist unter allen Plänen mit dieser Summe gewählt, "
            "gleich wie sie sich auf die Ziele verteilt. Was nicht erreichbar ist, wird mit Fehlmenge und Grund "
            "ausgewiesen – allein nicht erreichbar, nicht zusammen mit einem anderen Ziel (durch eine eigene "
            "Rechnung belegt) oder nicht zusammen mit allen übrigen. Grenzen sind hart: Höchstanteil je Nutzung, "
            "Inanspruchnahme hochwertiger Böden, unverträgliche Nachbarn (z. B. wohnen-gewerbe) und eine "
            "Mindestgröße je Nutzung: Jede gewählte Einheit, die kleiner ist, erreicht sie zusammen mit den gleich "
            "genutzten unter ihren nächsten Einheiten (Abstand der Schwerpunkte; so viele, wie ein kompakter Block "
            "der Mindestgröße braucht, und das Anderthalbfache; bei gleichem Abstand zählt die Einheit, die in der "
            "Ebene früher steht).\n\n"
            "Varianten: „maximale Eignung“ (Ziele auf den geeignetsten Flächen), „flächensparend“ (möglichst wenig "
            "Fläche, hochwertige Böden doppelt), „maximaler Ertrag“ (so viel Energie wie die Höchstanteile "
            "erlauben), dann nahe Alternativen: höchstens den Spielraum schlechter als die bewiesene Schranke der "
            "ersten Variante, bei den Zielen nicht schlechter, jeweils ein anderer Plan als alle vorigen und "
            "möglichst verschieden von ihnen. „Keine weitere, andere Variante“ heißt: bewiesen, dass es im "
            "Spielraum keine gibt. Die Optimalitätslücke ist die des Ziels selbst.\n\n"
            "Ergebnisse: die Zuweisung je Einheit und Variante, eine Kennzahlentabelle je Variante (ha, MW, GWh/a, "
            "vermiedenes CO₂, hochwertige Böden, Konflikte, Anteil am Windflächenziel, mittlere Eignung, Abstand "
            "zu den vorigen Varianten, Zielverfehlungen) und je Einheit, wie oft jede Nutzung gewählt wurde.")

    def initAlgorithm(self, config=None):
        polygon = [SOURCE_POLYGON]
        self.addParameter(QgsProcessingParameterFeatureSource(self.STUDY_AREA, self.tr("Gemeinde"), polygon))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Planungseinheiten (z. B. Flurstücke; ohne: Raster)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_ID_FIELD, self.tr("Kennung der Einheiten"), parentLayerParameterName=self.UNITS,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LOCK_FIELD, self.tr("Festlegung (Nutzung oder „bestand“)"), parentLayerParameterName=self.UNITS,
            type=FIELD_STRING, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Rasterweite ohne Planungseinheiten (m)"), NUMBER_DOUBLE,
            250.0, False, 10.0, 5000.0))
        self.addParameter(QgsProcessingParameterBoolean(self.HEXAGONS, self.tr("Sechseckraster"), False))
        for use in USES:
            self.addParameter(QgsProcessingParameterFeatureSource(
                self.ELIGIBLE[use], self.tr("Flächenkulisse {use}").format(use=use_label(use)), polygon,
                optional=True))
        for use, name in self.SCORE.items():
            self.addParameter(QgsProcessingParameterFeatureSource(
                name, self.tr("Standortbewertung {use} (Feld score)").format(use=use_label(use)), polygon,
                optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.YIELD_WIND, self.tr("Ertrag Wind (Ergebnis von wip:windlayout)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.YIELD_PV, self.tr("Ertrag PV (Ergebnis von wip:pvyield)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FARMLAND, self.tr("Landwirtschaftsflächen mit Ackerzahl"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FARMLAND_FIELD, self.tr("Ackerzahl"), parentLayerParameterName=self.FARMLAND,
            type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PRIME_THRESHOLD, self.tr("Hochwertige Böden ab Ackerzahl"), NUMBER_DOUBLE,
            60.0, False, 0.0, 120.0))
        # optional: a matrix left out (processing.run, qgis_process) would otherwise be refused, not defaulted
        self.addParameter(QgsProcessingParameterMatrix(
            self.TARGETS, self.tr("Ziele und Grenzen je Nutzung"), numberRows=len(USES), hasFixedNumberRows=True,
            headers=[self.tr("Nutzung"), self.tr("mind. MW"), self.tr("mind. GWh/a"), self.tr("mind. ha"),
                     self.tr("höchstens % der Gemeinde"), self.tr("Mindestgröße ha")],
            defaultValue=default_targets(), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WIND_SHARE_PCT, self.tr("Windflächenziel (% der Gemeindefläche)"),
            NUMBER_DOUBLE, 0.0, False, 0.0, 100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MAX_PRIME_HA, self.tr("Höchstens hochwertige Böden (ha, -1 = ohne Grenze)"),
            NUMBER_DOUBLE, -1.0, False, -1.0))
        self.addParameter(QgsProcessingParameterString(
            self.INCOMPATIBLE, self.tr("Unverträgliche Nachbarn (z. B. wohnen-gewerbe; wohnen-wind)"),
            defaultValue=incompatible_text(), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEIGHBOUR_DISTANCE, self.tr("Nachbarn bis (m, 0 = angrenzend)"),
            NUMBER_DOUBLE, 0.0, False, 0.0, 5000.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.OBJECTIVES, self.tr("Varianten"), options=[objective_label(o) for o in OBJECTIVES],
            allowMultiple=True, defaultValue=list(range(len(OBJECTIVES)))))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEAR_OPTIMAL, self.tr("Nahe Alternativen"), NUMBER_INTEGER, 2, False, 0,
            20))
        self.addParameter(QgsProcessingParameterNumber(
            self.NEAR_OPTIMAL_PCT, self.tr("Spielraum naher Alternativen (% vom Optimum)"),
            NUMBER_DOUBLE, 5.0, False, 0.0, 100.0))
        for name, label, default, low, high in (
                (self.TIME_LIMIT, self.tr("Zeitlimit je Lösung (s)"), 60.0, 1.0, 3600.0),
                (self.MIP_GAP, self.tr("Optimalitätslücke (%)"), 1.0, 0.0, 50.0)):
            parameter = QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, default,
                                                     False, low, high)
            parameter.setFlags(parameter.flags() | FLAG_ADVANCED)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ALLOCATION, self.tr("Zuweisung je Variante"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.INDICATORS, self.tr("Kennzahlen der Varianten"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.FREQUENCY, self.tr("Auswahlhäufigkeit je Einheit"), SOURCE_POLYGON))
        self.addOutput(QgsProcessingOutputNumber("ALTERNATIVES", self.tr("Anzahl Varianten")))

    # -- reading -------------------------------------------------------------------------------------------------

    def _polygons(self, parameters, name, context, crs, feedback):
        """The polygons of an optional layer in ``crs`` (made valid) and the frame of their features; None when the
        layer is not given."""
        if self.parameterAsSource(parameters, name, context) is None:
            return None, None
        frame = self.read_input(parameters, name, context, feedback, crs)
        geometries = shapely.make_valid(np.asarray(frame.geometry.values, dtype=object))
        present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
        return geometries[present], frame[present]

    def _targets(self, parameters, context, municipality_ha) -> Targets:
        cells = self.parameterAsMatrix(parameters, self.TARGETS, context) or default_targets()
        if len(cells) != TARGET_COLUMNS * len(USES):
            raise QgsProcessingException(self.tr("Die Zieltabelle braucht {rows} Zeilen mit je {columns} Werten.")
                                         .format(rows=len(USES), columns=TARGET_COLUMNS))
        targets = Targets(municipality_ha)
        for start in range(0, len(cells), TARGET_COLUMNS):
            use = str(cells[start]).strip()
            if use not in USES:
                raise QgsProcessingException(self.tr("Zieltabelle: unbekannte Nutzung „{use}“; bekannt: {uses}.")
                                             .format(use=use, uses=", ".join(USES)))
            try:
                mw, gwh, ha, share, cluster = (float(value) if str(value).strip() else 0.0
                                               for value in cells[start + 1:start + TARGET_COLUMNS])
            except ValueError as error:
                raise QgsProcessingException(self.tr("Zieltabelle, Zeile {use}: nur Zahlen erlaubt ({error}).")
                                             .format(use=use, error=error)) from error
            targets.min_mw[use], targets.min_gwh[use], targets.min_ha[use] = mw, gwh, ha
            targets.max_share_pct[use], targets.min_cluster_ha[use] = share, cluster
        targets.wind_share_pct = self.parameterAsDouble(parameters, self.WIND_SHARE_PCT, context)
        prime = self.parameterAsDouble(parameters, self.MAX_PRIME_HA, context)
        targets.max_prime_ha = None if prime < 0 else prime
        pairs = []
        for text in self.parameterAsString(parameters, self.INCOMPATIBLE, context).replace(",", ";").split(";"):
            if not text.strip():
                continue
            pair = tuple(part.strip() for part in text.split("-"))
            if len(pair) != 2 or any(use not in USES for use in pair):
                raise QgsProcessingException(self.tr("Unverträgliche Nachbarn: „{text}“ ist kein Paar aus {uses}.")
                                             .format(text=text.strip(), uses=", ".join(USES)))
            pairs.append(pair)
        targets.incompatible = tuple(pairs)
        return targets

    def _units(self, parameters, context, feedback):
        study = self.parameterAsSource(parameters, self.STUDY_AREA, context)
        if study is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.STUDY_AREA))
        units_source = self.parameterAsSource(parameters, self.UNITS, context)
        crs = working_crs(study)
        study_geometries, _ = self._polygons(parameters, self.STUDY_AREA, context, crs, feedback)
        if not len(study_geometries):
            raise QgsProcessingException(self.tr("Die Gemeindeebene enthält keine gültige Fläche."))
        area = shapely.union_all(study_geometries)
        if units_source is not None:
            geometries, frame = self._polygons(parameters, self.UNITS, context, crs, feedback)
            if not len(geometries):
                raise QgsProcessingException(self.tr("Die Ebene der Planungseinheiten enthält keine gültige Fläche."))
            id_field = self.parameterAsString(parameters, self.UNIT_ID_FIELD, context)
            ids = [unit_id(value) if value is not None else str(fid) for fid, value in
                   zip(frame.index, field_values(frame, id_field))] if id_field else [str(fid) for fid in frame.index]
            repeated = sorted({unit for unit, count in Counter(ids).items() if count > 1})
            if repeated:  # the allocation and the planner's locks are matched by id: each must name one unit
                raise QgsProcessingException(self.tr(
                    "Die Kennung „{field}“ ist nicht eindeutig: {count} Werte kommen mehrfach vor, z. B. "
                    "{examples}.").format(field=id_field, count=len(repeated),
                                         examples=", ".join(repeated[:5])))
            locks = field_values(frame, self.parameterAsString(parameters, self.LOCK_FIELD, context))
        else:
            size = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
            try:
                geometries = planning_grid(area, size, self.parameterAsBool(parameters, self.HEXAGONS, context))
            except ZoningError as error:
                raise QgsProcessingException(str(error)) from error
            feedback.pushInfo(self.tr("{count} Rasterzellen zu {size:g} m als Planungseinheiten.").format(
                count=len(geometries), size=size))
            ids, locks = [str(n + 1) for n in range(len(geometries))], [None] * len(geometries)
        lock_in, lock_out = [], np.zeros(len(geometries), dtype=bool)
        for row, value in enumerate(locks):
            text = normalise(str(value)).strip() if value is not None else ""
            if text in USES:
                lock_in.append(text)
            elif text in LOCK_OUT_WORDS:
                lock_in.append(None)
                lock_out[row] = True
            elif text:
                raise QgsProcessingException(self.tr("Festlegung „{value}“ der Einheit {id}: erlaubt sind {uses} "
                                                     "oder „bestand“.").format(value=value, id=ids[row],
                                                                              uses=", ".join(USES)))
            else:
                lock_in.append(None)
        return crs, area, geometries, ids, lock_in, lock_out

    def _per_use(self, parameters, context, crs, feedback, geometries, area_ha):
        count = len(geometries)
        eligible = np.zeros((count, len(USES)))
        score = np.full((count, len(USES)), np.nan)
        mw_per_ha = np.full((count, len(USES)), np.nan)
        gwh_per_mw = np.full((count, len(USES)), np.nan)
        shapes = {use: self._polygons(parameters, self.ELIGIBLE[use], context, crs, feedback)[0] for use in USES}
        for position, use in enumerate(USES):
            if shapes[use] is not None:
                eligible[:, position] = overlap_share(geometries, shapes[use]) * area_ha
        for use, name in self.SCORE.items():
            polygons, frame = self._polygons(parameters, name, context, crs, feedback)
            if polygons is None:
                continue
            if len(frame) and "score" not in frame.columns:
                raise QgsProcessingException(self.tr("Der Standortbewertung {use} fehlt das Feld score.").format(
                    use=use_label(use)))
            score[:, USES.index(use)] = weighted_mean(geometries, polygons, numbers(frame, "score", "score", 0, 100))
        for use, name, capacity in (("wind", self.YIELD_WIND, "mw"), ("pv", self.YIELD_PV, "mwp")):
            polygons, frame = self._polygons(parameters, name, context, crs, feedback)
            if polygons is None:
                continue
            names = list(frame.columns) if len(frame) else []
            if capacity not in names or "gwh_a" not in names:
                raise QgsProcessingException(self.tr("Dem Ertrag {use} fehlen die Felder {fields}.").format(
                    use=use_label(use), fields=f"{capacity}, gwh_a"))
            mw, gwh = numbers(frame, capacity, capacity, 0), numbers(frame, "gwh_a", "gwh_a", 0)
            hectares = shapely.area(polygons) / 1e4
            with np.errstate(invalid="ignore", divide="ignore"):
                density = np.where(hectares > 0, mw / hectares, np.nan)
                hours = np.where(mw > 0, gwh / mw, np.nan)
            mw_per_ha[:, USES.index(use)] = weighted_mean(geometries, polygons, density)
            gwh_per_mw[:, USES.index(use)] = weighted_mean(geometries, polygons, hours)
        return eligible, score, mw_per_ha, gwh_per_mw, shapes

    def _prime(self, parameters, context, crs, feedback, geometries, area_ha):
        polygons, frame = self._polygons(parameters, self.FARMLAND, context, crs, feedback)
        if polygons is None:
            return np.zeros(len(geometries))
        field = self.chosen_field(parameters, self.FARMLAND_FIELD,
                                  self.parameterAsSource(parameters, self.FARMLAND, context), context, feedback,
                                  FARMLAND_HINTS)
        if field is None:
            raise QgsProcessingException(self.tr("Für die Landwirtschaftsflächen bitte das Feld der Ackerzahl wählen."))
        values = numbers(frame, field, self.tr("Ackerzahl"), 0, 150)
        prime = polygons[values >= self.parameterAsDouble(parameters, self.PRIME_THRESHOLD, context)]
        return overlap_share(geometries, prime) * area_ha

    # -- run -----------------------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        crs, area, geometries, ids, lock_in, lock_out = self._units(parameters, context, feedback)
        area_ha = shapely.area(geometries) / 1e4
        municipality_ha = shapely.area(area) / 1e4
        eligible, score, mw_per_ha, gwh_per_mw, eligible_shapes = self._per_use(parameters, context, crs, feedback,
                                                                                geometries, area_ha)
        if not eligible.any() and not any(lock_in):
            feedback.pushWarning(self.tr("Keine Flächenkulisse gegeben oder keine Einheit geeignet."))
        prime = self._prime(parameters, context, crs, feedback, geometries, area_ha)
        objectives = [OBJECTIVES[index] for index in self.parameterAsEnums(parameters, self.OBJECTIVES, context)]
        try:
            co2 = shipped_pv_types().co2_factor_g_kwh.value
            targets = self._targets(parameters, context, municipality_ha)
            units = PlanningUnits(ids, area_ha, eligible, score, mw_per_ha, gwh_per_mw, prime, lock_in, lock_out,
                                  adjacent_pairs(geometries, self.parameterAsDouble(parameters,
                                                                                    self.NEIGHBOUR_DISTANCE,
                                                                                    context)), geometries)
            feedback.pushInfo(self.tr("{count} Einheiten, {pairs} mögliche Zuweisungen, {neighbours} "
                                      "Nachbarpaare.").format(count=len(ids), pairs=int((eligible > 0).sum()),
                                                               neighbours=len(units.neighbours)))
            result = zoning_alternatives(
                units, targets, objectives, self.parameterAsInt(parameters, self.NEAR_OPTIMAL, context),
                self.parameterAsDouble(parameters, self.NEAR_OPTIMAL_PCT, context),
                self.parameterAsDouble(parameters, self.TIME_LIMIT, context),
                self.parameterAsDouble(parameters, self.MIP_GAP, context), progress=feedback.setProgress,
                canceled=feedback.isCanceled)
        except (ZoningError, PvYieldError) as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        for message in result.messages:
            feedback.pushWarning(message)
        figures = [indicators(alternative, units, targets, co2) for alternative in result.alternatives]
        for alternative, values in zip(result.alternatives, figures):
            feedback.pushInfo(self.tr("{name}: {status}, {seconds:.1f} s; {gwh:.1f} GWh/a, Wind {wind:.1f} ha, PV "
                                      "{pv:.1f} ha; {short} Ziel(e) verfehlt.").format(
                name=alternative.name, status=alternative.status, seconds=alternative.seconds,
                gwh=values["gwh_total"], wind=values["ha_wind"], pv=values["ha_pv"],
                short=len(alternative.shortfalls)))
            for shortfall in alternative.shortfalls:
                feedback.pushWarning(self.tr("  {target}: erreicht {reached:.1f}, es fehlen {short:.1f} {unit} – "
                                             "{reason}").format(target=shortfall.target, reached=shortfall.reached,
                                                                short=shortfall.short, unit=shortfall.unit,
                                                                reason=shortfall.reason))
        outputs = {
            self.ALLOCATION: self._write_allocation(parameters, context, feedback, crs, units, result,
                                                    eligible_shapes),
            self.INDICATORS: self._write_indicators(parameters, context, feedback, result, figures),
            self.FREQUENCY: self._write_frequency(parameters, context, feedback, crs, units, result),
            "ALTERNATIVES": len(result.alternatives)}
        return outputs

    def _sink(self, parameters, name, context, fields, geometry_type, crs):
        sink, destination = self.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        return sink, destination

    def _write_allocation(self, parameters, context, feedback, crs, units, result, eligible_shapes):
        fields = _fields([("unit_id", STRING), ("alternative", INT), ("alt_name", STRING),
                          ("objective", STRING), ("use", STRING), ("use_label", STRING),
                          ("ha", DOUBLE), ("mw", DOUBLE), ("gwh_a", DOUBLE),
                          ("score", DOUBLE), ("locked", BOOL)])
        sink, destination = self._sink(parameters, self.ALLOCATION, context, fields,
                                       WKB_MULTIPOLYGON, crs)
        unions = {use: shapely.union_all(shapes) if shapes is not None and len(shapes) else None
                  for use, shapes in eligible_shapes.items()}
        rows, shapes = [], []
        for number, alternative in enumerate(result.alternatives, start=1):
            for unit in np.flatnonzero(alternative.use_index >= 0):
                use = alternative.use_of(unit)
                locked = units.lock_in[unit] == use
                shape = units.geometries[unit]
                if not locked and unions[use] is not None and units.eligible_ha[unit, USES.index(use)] < \
                        units.area_ha[unit] * (1 - 1e-6):
                    shape = shapely.intersection(shape, unions[use])  # the eligible part the use is given
                shapes.append(shape)
                rows.append([units.ids[unit], number, alternative.name, objective_label(alternative.objective), use,
                             use_label(use), float(alternative.allocated_ha[unit]), float(alternative.mw[unit]),
                             float(alternative.gwh[unit]), float(units.score[unit, USES.index(use)]), bool(locked)])
        allocation = gpd.GeoDataFrame(pd.DataFrame(rows, columns=fields.names()),
                                      geometry=polygon_parts(np.array(shapes, dtype=object)))
        write_frame(allocation, sink, feedback)
        return destination

    def _write_indicators(self, parameters, context, feedback, result, figures):
        keys = list(figures[0]) if figures else []
        fields = _fields([("alternative", INT), ("name", STRING), ("objective", STRING),
                          ("near_optimal", BOOL), ("status", STRING), ("gap_pct", DOUBLE),
                          ("seconds", DOUBLE), ("distance", DOUBLE)]
                         + [(key, DOUBLE) for key in keys]
                         + [("targets_missed", INT), ("shortfalls", STRING)])
        sink, destination = self._sink(parameters, self.INDICATORS, context, fields, WKB_NO_GEOMETRY,
                                       QgsCoordinateReferenceSystem())
        rows = []
        for number, (alternative, values) in enumerate(zip(result.alternatives, figures), start=1):
            shortfalls = "; ".join(self.tr("{target}: es fehlen {short:.1f} {unit} ({reason})").format(
                target=s.target, short=s.short, unit=s.unit, reason=s.reason) for s in alternative.shortfalls)
            rows.append([number, alternative.name, objective_label(alternative.objective), alternative.near_optimal,
                         alternative.status, None if alternative.gap is None else 100 * alternative.gap,
                         alternative.seconds, optional_float(alternative.distance)]
                        + [optional_float(values[key]) for key in keys]
                        + [len(alternative.shortfalls), shortfalls or None])
        write_frame(pd.DataFrame(rows, columns=fields.names(), dtype=object), sink, feedback)
        return destination

    def _write_frequency(self, parameters, context, feedback, crs, units, result):
        fields = _fields([("unit_id", STRING), ("area_ha", DOUBLE)]
                         + [(f"freq_{use}", DOUBLE) for use in USES]
                         + [("freq_any", DOUBLE), ("most_chosen", STRING)])
        sink, destination = self._sink(parameters, self.FREQUENCY, context, fields, WKB_MULTIPOLYGON,
                                       crs)
        frequency = np.asarray(result.frequency, dtype=float)
        top = np.argmax(frequency, axis=1)
        most_chosen = [use_label(USES[use]) if chosen[use] > 0 else use_label(KEEP)
                       for chosen, use in zip(frequency, top)]
        columns = {"unit_id": list(units.ids), "area_ha": np.asarray(units.area_ha, dtype=float),
                   **{f"freq_{use}": frequency[:, number] for number, use in enumerate(USES)},
                   "freq_any": frequency.sum(axis=1), "most_chosen": most_chosen}
        write_frame(gpd.GeoDataFrame(columns, geometry=polygon_parts(units.geometries)), sink, feedback)
        return destination


def _fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(new_field(name, kind))
    return fields
