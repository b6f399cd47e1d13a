"""wip:measures – Maßnahmenkatalog ableiten: a proposed catalogue of measures from the municipality's results (the
wind and PV areas of the chosen zoning alternative, the heat-network areas of § 19 WPG level 1, the rooftop
potential, the balance's own paths), each with its effect, cost, actor and years; the planner edits the catalogue
layer, and the Zukunftsprofil puts it on the balance's paths."""
from __future__ import annotations

import datetime

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ..core.balance import DEFAULTS_FILE, Defaults
from ..core.heat import block_of_points
from ..core.i18n import format_number
from ..core.lazy import lazy_module
from ..core.measures import (
    CATALOGUE_FIELDS,
    PATH_FIELDS,
    MeasuresError,
    heat_network_measure,
    measure_row,
    new_measure,
    number_measures,
    path_measures,
    ranking,
    read_paths,
    wedges,
)
from ..qgis_io.compat import (
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    new_field,
)
from ..qgis_io.layers import polygon_parts, working_crs, write_frame
from .base import WipAlgorithm, numbers

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

GENERATING_USES = {"wind": ("wind",), "pv": ("pv", "agri_pv")}  # measure field → the zoning uses it builds
HEAT_LEVEL = 1  # § 19 WPG: very likely suited for a heat network
# below this heat demand an area of level 1 stays with the single heating: about 100 dwellings, the most a
# Gebäudenetz serves (§ 3 Abs. 1 Nr. 9a GEG: up to 16 buildings and 100 dwellings)
MIN_NETWORK_MWH_DEFAULT = 1000.0
TURBINE_EDGE_TOLERANCE_M = 1.0  # a turbine on the edge of its area, rounded a hair outside, still counts


class MeasuresAlgorithm(WipAlgorithm):
    algorithm_id = "measures"

    PATHS = "PATHS"
    ALLOCATION = "ALLOCATION"
    ALTERNATIVE = "ALTERNATIVE"
    TURBINES = "TURBINES"
    HEAT_SUITABILITY = "HEAT_SUITABILITY"
    ROOFTOP = "ROOFTOP"
    MIN_NETWORK_MWH = "MIN_NETWORK_MWH"
    START_YEAR = "START_YEAR"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Leitet aus den Ergebnissen der Gemeinde einen Vorschlag für den Maßnahmenkatalog ab, den die Planerin "
            "oder der Planer danach in der Attributtabelle bearbeitet (Werte, Jahre, Status, eigene Maßnahmen).\n\n"
            "Woraus: die Wind- und PV-Flächen der gewählten Planungsvariante (mit den Anlagen des Layouts, wenn "
            "gegeben), jedes zusammenhängende Gebiet der Stufe 1 nach § 19 WPG ab dem kleinsten Wärmebedarf "
            "(Vorgabe 1.000 MWh/a, etwa die 100 Wohnungen eines Gebäudenetzes nach § 3 GEG) als Wärmenetz, das "
            "Solarpotenzial "
            "der Dächer (der Anteil des Ausbaupfads bis 2045) und die Pfade der Energiebilanz (Sanierung, "
            "Wärmepumpen und erneuerbare Einzelheizungen, Verkehr). Die Wärmepumpen ersetzen nur die Kessel, die "
            "kein Wärmenetz ersetzt.\n\n"
            "Jede Maßnahme: Handlungsfeld, Herkunft, Größe, Wirkung in MWh/a bei voller Umsetzung, ihre Änderungen "
            "der Energiebilanz je MWh Wirkung (changes: Sektor/Energieträger=MWh), Investition und jährliche Kosten "
            "(Schätzungen mit Quelle), Akteur, Beginn und Ende (die Wirkung wächst dazwischen linear), Status, "
            "Priorität und erste Schritte. Das Zukunftsprofil rechnet daraus die Minderung je Maßnahme und Jahr "
            "(Keildiagramm), was bleibt, und den Abstand zum Zielpfad. Erzeugung (Wind, PV) mindert die "
            "Territorialbilanz nach BISKO nicht; was sie vermeidet, steht daneben (Bundesstrommix des Jahres).")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PATHS, self.tr("Pfade je Hebel (aus „Energie- und Treibhausgasbilanz“)"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ALLOCATION, self.tr("Zuweisung der Planungsvarianten"), [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALTERNATIVE, self.tr("Gewählte Planungsvariante"), NUMBER_INTEGER, 1, minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TURBINES, self.tr("Windenergieanlagen des Layouts"), [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEAT_SUITABILITY, self.tr("Eignung für Wärmenetze (§ 19 WPG)"), [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_NETWORK_MWH, self.tr("Wärmenetz ab einem Wärmebedarf des Gebiets von (MWh/a)"), NUMBER_DOUBLE,
            MIN_NETWORK_MWH_DEFAULT, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROOFTOP, self.tr("Solarpotenzial Dach (Summen)"), [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.START_YEAR, self.tr("Beginn der abgeleiteten Maßnahmen"), NUMBER_INTEGER,
            datetime.date.today().year + 1, minValue=2000, maxValue=2100))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Maßnahmenkatalog"), SOURCE_POLYGON))
        self.addOutput(QgsProcessingOutputNumber("MEASURES", self.tr("Anzahl der Maßnahmen")))

    def process(self, parameters, context, feedback):
        start = self.parameterAsInt(parameters, self.START_YEAR, context)
        sources = [self.parameterAsSource(parameters, name, context) for name in
                   (self.ALLOCATION, self.HEAT_SUITABILITY, self.TURBINES)]
        crs = working_crs(*[source for source in sources if source is not None])
        try:
            paths = read_paths(self.read_table(parameters, self.PATHS, context, PATH_FIELDS))
            feedback.setProgress(10)
            measures = self._from_alternative(parameters, context, feedback, crs, start)
            feedback.setProgress(40)
            measures += self._rooftop(parameters, context, feedback, start)
            networks = self._heat_networks(parameters, context, feedback, crs, paths, start)
            feedback.setProgress(80)
            measures += networks
            measures += path_measures(paths, sum(measure.effect_mwh_a for measure in networks))
            measures = number_measures(measures)
            result = wedges(measures, paths)
        except MeasuresError as error:
            raise QgsProcessingException(str(error)) from error
        if feedback.isCanceled():
            return {}
        last = result.years[-1]
        for item in ranking(measures, result):
            feedback.pushInfo(self.tr("{id} {title}: {t} t CO₂e/a bei voller Wirkung, {cost} €/t").format(
                id=item.measure.measure_id, title=item.measure.title, t=format_number(item.t_a),
                cost=format_number(item.eur_per_t)))
        feedback.pushInfo(self.tr("{year}: es bleiben {remaining} t CO₂e von {base} t im Basisjahr (Zielpfad "
                                  "{target} t).").format(year=last, remaining=format_number(result.remaining[last]),
                                                         base=format_number(result.base_t),
                                                         target=format_number(result.target[last])))
        return {self.OUTPUT: self._write(parameters, context, feedback, crs, measures), "MEASURES": len(measures)}

    # -- the sources of measures ---------------------------------------------------------------------------------

    def _from_alternative(self, parameters, context, feedback, crs, start: int) -> list:
        """The wind and the PV areas of the chosen alternative, one measure each."""
        if self.parameterAsSource(parameters, self.ALLOCATION, context) is None:
            return []
        number = self.parameterAsInt(parameters, self.ALTERNATIVE, context)
        frame = self.read_input(parameters, self.ALLOCATION, context, feedback, crs,
                                fields=["alternative", "alt_name", "use", "ha", "mw", "gwh_a"])
        present = sorted({int(value) for value in numbers(frame, "alternative", "alternative") if value == value})
        if number not in present:
            raise QgsProcessingException(self.tr("Die Planungsvariante {number} gibt es in der Zuweisung nicht; "
                                                 "vorhanden: {present}.").format(
                number=number, present=", ".join(map(str, present)) or "–"))
        chosen = frame[numbers(frame, "alternative", "alternative") == number]
        name = str(chosen["alt_name"].iloc[0] or "")
        turbines = self._turbines(parameters, context, feedback, crs)
        measures = []
        for field_key, uses in GENERATING_USES.items():
            part = chosen[chosen["use"].isin(uses)]
            if part.empty:
                continue
            area = shapely.union_all(np.asarray(part.geometry.values, dtype=object))
            mw = float(np.nansum(numbers(part, "mw", "mw", low=0)))
            mwh = float(np.nansum(numbers(part, "gwh_a", "gwh_a", low=0))) * 1000
            origin = self.tr("Planungsvariante {number} ({name}): {units} Flurstücke, {ha} ha").format(
                number=number, name=name, units=len(part), ha=format_number(float(np.nansum(numbers(
                    part, "ha", "ha", low=0))), 1))
            title = self.tr("Windenergiegebiete der Variante {number}").format(number=number) if field_key == "wind" \
                else self.tr("Freiflächen-PV der Variante {number}").format(number=number)
            if field_key == "wind" and turbines is not None:
                inside = turbines[shapely.dwithin(np.asarray(turbines.geometry.values, dtype=object), area,
                                                  TURBINE_EDGE_TOLERANCE_M)]
                if len(inside):
                    mw = float(np.nansum(numbers(inside, "mw", "mw", low=0)))
                    mwh = float(np.nansum(numbers(inside, "gwh_a", "gwh_a", low=0))) * 1000
                    origin += self.tr("; {count} Anlagen des Layouts").format(count=len(inside))
            if mwh > 0:
                measures.append(new_measure("", field_key, title, origin, mw, mwh, start, geometry=area))
        return measures

    def _turbines(self, parameters, context, feedback, crs):
        if self.parameterAsSource(parameters, self.TURBINES, context) is None:
            return None
        return self.read_input(parameters, self.TURBINES, context, feedback, crs, fields=["mw", "gwh_a"])

    def _rooftop(self, parameters, context, feedback, start: int) -> list:
        """The rooftop potential left after today's plants, built to the share of the expansion path in 2045 (the
        same path the balance builds it on)."""
        rows = self.read_table(parameters, self.ROOFTOP, context, ("remaining_mwp", "remaining_gwh_a"))
        if not rows:
            return []
        share = Defaults(DEFAULTS_FILE).on_series("rooftop_realised_share", 2045, topic="", unit="")
        mwp = sum(float(row["remaining_mwp"] or 0.0) for row in rows) * share
        mwh = sum(float(row["remaining_gwh_a"] or 0.0) for row in rows) * 1000 * share
        if mwh <= 0:
            return []
        if len(rows) > 1:
            feedback.pushInfo(self.tr("Solarpotenzial Dach: die Summe aller {count} Zeilen.").format(count=len(rows)))
        origin = self.tr("Solarpotenzial Dach: {share} % des Potenzials nach den Anlagen von heute (Ausbaupfad "
                         "2045)").format(share=format_number(100 * share))
        measure = new_measure("", "pv_dach", self.tr("Photovoltaik auf Dächern"), origin, mwp, mwh, start)
        return [measure]

    def _heat_networks(self, parameters, context, feedback, crs, paths, start: int) -> list:
        """One heat network per contiguous area of § 19 level 1; its length from the heat line density."""
        if self.parameterAsSource(parameters, self.HEAT_SUITABILITY, context) is None:
            return []
        frame = self.read_input(parameters, self.HEAT_SUITABILITY, context, feedback, crs,
                                fields=["level", "demand_mwh_a", "line_density_kwh_m_a"])
        missing = [name for name in ("level", "demand_mwh_a", "line_density_kwh_m_a") if name not in frame.columns]
        if missing:
            raise QgsProcessingException(self.tr("Eignung für Wärmenetze: es fehlen die Felder {fields} (Ergebnis "
                                                 "von „Eignung für Wärmenetze“).").format(fields=", ".join(missing)))
        cells = frame[numbers(frame, "level", "level") == HEAT_LEVEL]
        if cells.empty:
            return []
        geometries = np.asarray(cells.geometry.values, dtype=object)
        areas = shapely.get_parts(shapely.union_all(geometries))
        area_of = block_of_points(shapely.point_on_surface(geometries), areas)
        demand = numbers(cells, "demand_mwh_a", "demand_mwh_a", low=0)
        density = numbers(cells, "line_density_kwh_m_a", "line_density_kwh_m_a", low=0)
        length = np.where(density > 0, demand * 1000 / np.where(density > 0, density, 1), 0.0)
        totals = sorted(((float(np.nansum(demand[area_of == index])), float(np.nansum(length[area_of == index])),
                          index) for index in range(len(areas))), reverse=True)
        smallest = self.parameterAsDouble(parameters, self.MIN_NETWORK_MWH, context)
        kept = [item for item in totals if item[0] > 0 and item[0] >= smallest]
        if len(kept) < len(totals):
            feedback.pushInfo(self.tr("{count} Gebiet(e) der Stufe 1 unter {mwh} MWh/a bleiben bei Einzelheizungen.")
                              .format(count=len(totals) - len(kept), mwh=format_number(smallest)))
        measures = []
        for number, (useful, metres, index) in enumerate(kept, start=1):
            title = self.tr("Wärmenetz Gebiet {number}").format(number=number)
            origin = self.tr("Eignungsstufe 1 nach § 19 WPG: {cells} Gebiet(e), {mwh} MWh/a Wärmebedarf").format(
                cells=int((area_of == index).sum()), mwh=format_number(useful))
            measures.append(heat_network_measure("", title, origin, useful, metres, paths, start, areas[index]))
        return measures

    # -- writing -------------------------------------------------------------------------------------------------

    def _write(self, parameters, context, feedback, crs, measures) -> str:
        fields = QgsFields()
        for name, kind in CATALOGUE_FIELDS:
            fields.append(new_field(name, kind))
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        shapes = np.array([measure.geometry for measure in measures], dtype=object)
        placed = np.array([shape is not None for shape in shapes], dtype=bool)
        if placed.any():
            shapes[placed] = polygon_parts(shapes[placed])
        frame = gpd.GeoDataFrame(pd.DataFrame([measure_row(measure) for measure in measures],
                                              columns=fields.names()), geometry=shapes, crs=None)
        write_frame(frame, sink, feedback)
        return destination
