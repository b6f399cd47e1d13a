"""wip:energybalance – Energie- und Treibhausgasbilanz: final energy by sector and carrier, local generation and
CO₂ equivalents for the base year and 2030–2045, the indicators per year, and every assumption with its source."""
from __future__ import annotations

from dataclasses import replace

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.balance import (
    TRANSPORT_ESTIMATE,
    TRANSPORT_NONE,
    TRANSPORT_OWN,
    BalanceError,
    BalanceInput,
    MunicipalityStatistics,
    carrier_label,
    energy_balance,
    heat_from_buildings,
    lever_label,
    sector_label,
    transport_scope_label,
)
from ..core.heat import SCENARIO_YEARS
from ..core.i18n import format_number, tr
from ..core.lazy import lazy_module
from ..core.profiles import HEAT_CARRIERS
from ..core.workflow import normalise
from ..core.zoning import alternative_numbers, is_alternative
from ..qgis_io.compat import (
    DOUBLE,
    INT,
    NUMBER_INTEGER,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    STRING,
    WKB_NO_GEOMETRY,
    new_field,
)
from ..qgis_io.layers import is_null, table_rows, working_crs, write_frame
from .base import WipAlgorithm, census_counts, census_heating_columns, field_values, numbers, registered_units

np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

# the zoning uses that generate, and the carrier their energy counts as
GENERATING_USES = {"wind": "wind", "pv": "pv", "agri_pv": "pv"}
# the choices of the parameter TRANSPORT, in their order
TRANSPORT_CHOICES = (TRANSPORT_ESTIMATE, TRANSPORT_OWN, TRANSPORT_NONE)

CENSUS_YEAR = 2022  # the census day, 15 May 2022
OTHER_HEATING_COLUMNS = ("strom", "kohle")  # census heating carriers the balance's heat mix does not model


class EnergyBalanceAlgorithm(WipAlgorithm):
    algorithm_id = "energybalance"

    STATISTICS = "STATISTICS"
    AGS = "AGS"
    MUNICIPALITY = "MUNICIPALITY"
    BASE_YEAR = "BASE_YEAR"
    HEAT_BUILDINGS = "HEAT_BUILDINGS"
    YIELD_WIND = "YIELD_WIND"
    YIELD_PV = "YIELD_PV"
    ROOFTOP = "ROOFTOP"
    ALLOCATION = "ALLOCATION"
    ALTERNATIVE = "ALTERNATIVE"
    PLANNED_FROM = "PLANNED_FROM"
    CONSUMPTION = "CONSUMPTION"
    FACTORS = "FACTORS"
    TRANSPORT = "TRANSPORT"
    POPULATION = "POPULATION"
    POPULATION_GRID = "POPULATION_GRID"
    GENERATION_UNITS = "GENERATION_UNITS"
    HEATING_GRID = "HEATING_GRID"
    BALANCE = "BALANCE"
    INDICATORS = "INDICATORS"
    ASSUMPTIONS = "ASSUMPTIONS"
    PATHS = "PATHS"

    def shortHelpString(self):
        return self.tr(
            "Bilanz nach dem Territorialprinzip (BISKO): Endenergie je Sektor (private Haushalte, Gewerbe/Handel/"
            "Dienstleistungen, Industrie, kommunale Einrichtungen, Verkehr) und Energieträger, für das Basisjahr und "
            "2030, 2035, 2040, 2045. CO₂-Äquivalente mit Vorketten für alle Energieträger: Strom mit dem "
            "Bundesstrommix des Jahres (UBA bis 2024, danach ein veröffentlichtes Szenario), Brennstoffe und "
            "Fernwärme nach GEG Anlage 9, Kraftstoffe nach dem fossilen Vergleichswert der RED II; eine "
            "Faktortabelle (carrier, g_kwh, optional year: z. B. die BISKO-Faktoren des Klimaschutz-Planers) ersetzt "
            "sie.\n\n"
            "Verkehr: geschätzt aus dem Bundesdurchschnitt je Einwohner, aus eigenen Zahlen (Zeilen des Sektors "
            "verkehr in der Verbrauchstabelle) oder weggelassen – dann heißt jede Summe „ohne Verkehr“. "
            "Einwohner: eine eigene Tabelle (year, inhabitants) oder die Regionalisierte Bevölkerungsprognose des "
            "Landes für den Landkreis der Gemeinde.\n\n"
            "Quellen: die Zeile der Gemeinde in der Gemeindestatistik (Einwohner, Wohnungen nach Baualter und mit "
            "Fernwärme, installierte Leistung aus dem Marktstammdatenregister); der Wärmebedarf der Gebäude aus "
            "wip:heatdemand, wenn gegeben; Stromvorgaben je Einwohner, die eine Verbrauchstabelle (sector, carrier, "
            "mwh) ersetzt. Örtliche Erzeugung: Bestand (installierte Leistung × Volllaststunden) und Planung (die "
            "Flächen aus wip:windlayout und wip:pvyield, oder eine Variante aus wip:zoningalternatives) ab dem "
            "Jahr der Inbetriebnahme; das Solarpotenzial der Dächer (Summen aus wip:rooftoppv, nach den Anlagen auf "
            "Dächern heute) als Ausbaupfad mit dem Anteil, der bis zum Jahr gebaut ist.\n\n"
            "Pfade: Sanierung senkt den Wärmebedarf, fossile Kessel weichen bis 2045 Wärmepumpen, Biomasse und "
            "Solarthermie, Fernwärme folgt den erneuerbaren Anteilen des WPG, der Strom-Emissionsfaktor sinkt "
            "bis 2045. Kennzahlen je Jahr: bilanzielle Deckung Strom (örtliche Erzeugung gegen Verbrauch) und "
            "erneuerbare Wärme, Anteil erneuerbarer Energien am Verbrauch (Strom mit dem Bundesanteil), "
            "t CO₂e gesamt und je Einwohner, Abstand zur Treibhausgasneutralität. Jede verwendete Zahl steht mit "
            "Quelle und Status in der Tabelle der Annahmen.\n\n"
            "Pfade je Hebel (optional): für jedes Jahr der Verbrauch des Basisjahres mit den Faktoren des Jahres und "
            "die Änderung, die jeder Pfad nacheinander hinzufügt (Bevölkerung, Sanierung, Wärmepumpen und "
            "erneuerbare Einzelheizungen, Industrie, Verkehr); Basis plus alle Hebel ergibt die Bilanz des Jahres. "
            "Daraus leitet „Maßnahmenkatalog ableiten“ Maßnahmen ab.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STATISTICS, self.tr("Gemeindestatistik"), [SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterString(
            self.AGS, self.tr("Amtlicher Gemeindeschlüssel (leer: aus der Gemeinde oder die einzige Zeile)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MUNICIPALITY, self.tr("Gemeinde (Feld AGS)"), [SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, self.tr("Basisjahr"), NUMBER_INTEGER, 2024, False, 2000,
            2044))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEAT_BUILDINGS, self.tr("Gebäude mit Wärmebedarf (Ergebnis von wip:heatdemand)"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.YIELD_WIND, self.tr("Ertrag Wind (Ergebnis von wip:windlayout)"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.YIELD_PV, self.tr("Ertrag PV (Ergebnis von wip:pvyield)"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROOFTOP, self.tr("Solarpotenzial Dach (Summen je Gemeinde aus wip:rooftoppv)"),
            [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ALLOCATION, self.tr("Planungsvariante (Zuweisung aus wip:zoningalternatives)"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ALTERNATIVE, self.tr("Nummer der Variante"), NUMBER_INTEGER, 1, False, 1))
        self.addParameter(QgsProcessingParameterNumber(
            self.PLANNED_FROM, self.tr("Geplante Anlagen in Betrieb ab"), NUMBER_INTEGER,
            2030, False, 2000, 2045))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONSUMPTION, self.tr("Verbrauchstabelle (sector, carrier, mwh)"),
            [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FACTORS, self.tr("Emissionsfaktoren (carrier, g_kwh, year)"), [SOURCE_VECTOR],
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TRANSPORT, self.tr("Verkehr"), options=[transport_scope_label(choice) for choice in TRANSPORT_CHOICES],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION, self.tr("Einwohner je Jahr (year, inhabitants)"), [SOURCE_VECTOR], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POPULATION_GRID, self.tr("Einwohner aus dem Zensus-2022-Gitter (Zellen mit Feld Einwohner)"),
            [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEATING_GRID, self.tr("Zensus 2022: Gebäude nach Energieträger der Heizung je Gitterzelle"),
            [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.GENERATION_UNITS, self.tr("Anlagen aus dem Marktstammdatenregister (installierte Leistung)"),
            SOURCE_POINT, optional=True))
        for name, label in ((self.BALANCE, self.tr("Bilanz je Jahr, Sektor und Energieträger")),
                            (self.INDICATORS, self.tr("Kennzahlen je Jahr")),
                            (self.ASSUMPTIONS, self.tr("Annahmen und Quellen"))):
            self.addParameter(QgsProcessingParameterFeatureSink(name, label, SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.PATHS, self.tr("Pfade je Hebel (für den Maßnahmenkatalog)"), SOURCE_VECTOR, optional=True,
            createByDefault=True))
        for name, label in (("CO2_BASE_T", self.tr("t CO₂e im Basisjahr")), ("CO2_2045_T", self.tr("t CO₂e 2045")),
                            ("RENEWABLE_SHARE_2045_PCT", self.tr("Erneuerbarer Anteil 2045 (%)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # -- reading -------------------------------------------------------------------------------------------------

    def _statistics(self, parameters, context) -> MunicipalityStatistics:
        source = self.parameterAsSource(parameters, self.STATISTICS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.STATISTICS))
        ags = self.parameterAsString(parameters, self.AGS, context).strip()
        municipality = self.parameterAsSource(parameters, self.MUNICIPALITY, context)
        if not ags and municipality is not None:
            names = municipality.fields().names()
            field = next((name for name in names if name.lower() == "ags"), None)
            values = [row[field] for row in table_rows(municipality, [field])] if field else []
            ags = str(values[0]) if values and not is_null(values[0]) else ""
        names = source.fields().names()
        key = next((name for name in names if name.lower() == "ags"), None)
        rows = table_rows(source)
        if ags:
            if key is None:
                raise QgsProcessingException(self.tr("Die Gemeindestatistik hat kein Feld ags."))
            rows = [row for row in rows if str(row[key]).strip() == ags]
            if not rows:
                raise QgsProcessingException(self.tr("Die Gemeindestatistik hat keine Zeile für den "
                                                     "Gemeindeschlüssel {ags}.").format(ags=ags))
        elif len(rows) != 1:
            raise QgsProcessingException(self.tr("Die Gemeindestatistik hat {count} Zeilen: bitte den "
                                                 "Gemeindeschlüssel (AGS) oder die Gemeinde angeben.").format(
                count=len(rows)))
        return MunicipalityStatistics.from_row(rows[0])

    def _census_population(self, parameters, context, statistics, feedback):
        """The statistics with the inhabitants of the census grid's cells whose centres lie in the municipality, on
        the census day (the population path then runs from 2022); as they are when no grid is given."""
        grid = self.parameterAsSource(parameters, self.POPULATION_GRID, context)
        if grid is None:
            return statistics
        field = next((name for name in grid.fields().names() if normalise(name) == "einwohner"), None)
        if field is None:
            raise QgsProcessingException(self.tr("Das Zensus-Gitter hat kein Feld „Einwohner“."))
        cells = self._cells_in_municipality(parameters, self.POPULATION_GRID, context, feedback,
                                            self.tr("die Einwohner aus dem Zensus-Gitter"))
        # suppressed cells ("–", fewer than three people) are text and count as missing
        counts = census_counts(cells, field)
        inhabitants = float(np.nansum(counts))
        if inhabitants <= 0:
            raise QgsProcessingException(self.tr("Keine Gitterzelle mit Einwohnern liegt in der Gemeinde: ist es das "
                                                 "Gitter der Gemeinde, im richtigen KBS?"))
        feedback.pushInfo(self.tr("Einwohner aus dem Zensus 2022: {inhabitants} in {cells} Gitterzellen der "
                                  "Gemeinde, {suppressed} davon gesperrt (Stichtag 15.05.2022).").format(
            inhabitants=format_number(inhabitants), cells=len(cells), suppressed=int(np.isnan(counts).sum())))
        if self.parameterAsSource(parameters, self.POPULATION, context) is not None:
            feedback.pushWarning(self.tr("Die Einwohnertabelle gibt den Bevölkerungspfad vor; die Einwohner des "
                                         "Zensus-Gitters gehen nicht ein."))
        return replace(statistics, population=inhabitants, population_year=CENSUS_YEAR)

    def _census_heating(self, parameters, context, statistics, feedback):
        """The statistics with the municipality's buildings by heating carrier from the census grid's cells in it;
        as they are when no grid is given."""
        grid = self.parameterAsSource(parameters, self.HEATING_GRID, context)
        if grid is None:
            return statistics
        columns = census_heating_columns(self.parameterAsVectorLayer(parameters, self.HEATING_GRID, context))
        if not columns:
            raise QgsProcessingException(self.tr("„{layer}“ ist kein Gitter des Zensus 2022 mit Gebäuden nach "
                                                 "Energieträger der Heizung.").format(layer=grid.sourceName()))
        cells = self._cells_in_municipality(parameters, self.HEATING_GRID, context, feedback,
                                            self.tr("die Heizungen aus dem Zensus-Gitter"))
        heating = dict.fromkeys(HEAT_CARRIERS, 0.0)
        other = 0.0  # buildings heated otherwise (electricity, coal): not modelled in the balance's heat mix
        for name in grid.fields().names():
            key = normalise(name)
            if key in columns:
                heating[columns[key]] += float(np.nansum(census_counts(cells, name)))
            elif key in OTHER_HEATING_COLUMNS:
                other += float(np.nansum(census_counts(cells, name)))
        if sum(heating.values()) <= 0:
            raise QgsProcessingException(self.tr("Keine Gitterzelle mit beheizten Gebäuden liegt in der Gemeinde: ist "
                                                 "es das Gitter der Gemeinde, im richtigen KBS?"))
        source = self.tr("Zensus 2022, Gebäude nach Energieträger der Heizung: {buildings} Gebäude in {cells} "
                         "Gitterzellen der Gemeinde; {other} mit Strom oder Kohle beheizte nicht abgebildet").format(
            buildings=format_number(sum(heating.values())), cells=len(cells), other=format_number(other))
        feedback.pushInfo(source)
        return replace(statistics, heating=heating, heating_source=source)

    def _municipality_area(self, parameters, context, feedback, purpose: str):
        """The municipality (source), its area (shapely, in its working CRS) and that CRS; ``purpose`` says what
        needs it."""
        municipality = self.parameterAsSource(parameters, self.MUNICIPALITY, context)
        if municipality is None:
            raise QgsProcessingException(self.tr("Für {purpose} braucht es die Gemeinde.").format(purpose=purpose))
        crs = working_crs(municipality)
        outline = self.read_input(parameters, self.MUNICIPALITY, context, feedback, crs, fields=[])
        return municipality, shapely.union_all(np.asarray(outline.geometry.values, dtype=object)), crs

    def _cells_in_municipality(self, parameters, name, context, feedback, purpose: str):
        """The census grid's (input ``name``) cells whose centres lie in the municipality; only the cells around it
        are read (the published tables cover all of Germany)."""
        municipality, area, crs = self._municipality_area(parameters, context, feedback, purpose)
        cells = self.read_around(parameters, name, context, feedback, municipality, crs)
        return cells[shapely.contains(area, np.asarray(cells.geometry.values, dtype=object))]

    def _registered_units(self, parameters, context, statistics, feedback):
        """The statistics with the installed capacity of the register's units in operation in the municipality
        (by its key, or else by their place), per carrier the units hold; the other carriers stay the statistics'."""
        layers = self.parameterAsLayerList(parameters, self.GENERATION_UNITS, context)
        if not layers:
            return statistics
        _municipality, area, crs = self._municipality_area(parameters, context, feedback,
                                                           self.tr("die Anlagen des Registers"))
        installed: dict[str, list[float]] = {}
        seen, unplaced, unusable = set(), 0, 0
        for layer in {layer.id(): layer for layer in layers}.values():
            units = registered_units(layer, crs, context, feedback)
            places = np.asarray(units.geometry.values, dtype=object)
            inside = ~shapely.is_missing(places) & shapely.contains(area, places)
            # small units are published without coordinates: their municipality key places them
            for row, unit in enumerate(units.itertuples(index=False)):
                placed = unit.ags == statistics.ags if unit.ags else inside[row]
                if not unit.ags and shapely.is_missing(places[row]):
                    unplaced += 1
                if not placed or unit.carrier is None or unit.number in seen:
                    continue
                if np.isnan(unit.kw):
                    unusable += 1
                    continue
                seen.add(unit.number)
                installed.setdefault(unit.carrier, []).append(float(unit.kw))
        if unplaced or unusable:
            feedback.pushWarning(self.tr("Marktstammdatenregister: {unplaced} Einheit(en) ohne Ort und ohne "
                                         "Gemeindeschlüssel, {unusable} ohne Nettonennleistung: nicht gezählt.").format(
                unplaced=unplaced, unusable=unusable))
        for carrier, values in installed.items():
            feedback.pushInfo(self.tr("Installierte Leistung {carrier} aus dem Marktstammdatenregister: {mw} MW "
                                      "({count} Einheit(en) in Betrieb in der Gemeinde).").format(
                carrier=carrier_label(carrier), mw=format_number(sum(values) / 1000, 1), count=len(values)))
        return replace(statistics, installed_kw={carrier: sum(installed[carrier]) if carrier in installed else kw
                                                 for carrier, kw in statistics.installed_kw.items()})

    def _heat(self, parameters, context, base_year, feedback):
        source = self.parameterAsSource(parameters, self.HEAT_BUILDINGS, context)
        if source is None:
            feedback.pushInfo(self.tr("Ohne Gebäude: Wärmebedarf aus den Wohnungen der Gemeindestatistik."))
            return None
        fields = ["demand_mwh_a"] + [f"demand_{year}_mwh" for year in SCENARIO_YEARS]
        missing = [name for name in fields + ["use"] if name not in source.fields().names()]
        if missing:
            raise QgsProcessingException(self.tr("Den Gebäuden fehlen die Felder {fields} von wip:heatdemand.").format(
                fields=", ".join(missing)))
        features = self.read_input(parameters, self.HEAT_BUILDINGS, context, feedback, fields=fields + ["use"])
        demand = {base_year: numbers(features, "demand_mwh_a", "demand_mwh_a", 0)}
        demand.update({year: numbers(features, f"demand_{year}_mwh", f"demand_{year}_mwh", 0)
                       for year in SCENARIO_YEARS if year > base_year})
        return heat_from_buildings(field_values(features, "use"), demand, base_year)

    def _planned(self, parameters, context, feedback) -> tuple[dict[str, float], str]:
        allocation = self.parameterAsSource(parameters, self.ALLOCATION, context)
        if allocation is not None:
            number = self.parameterAsInt(parameters, self.ALTERNATIVE, context)
            missing = [name for name in ("alternative", "use", "gwh_a") if name not in allocation.fields().names()]
            if missing:
                raise QgsProcessingException(self.tr("Der Planungsvariante fehlen die Felder {fields}.").format(
                    fields=", ".join(missing)))
            names = allocation.fields().names()
            rows = self.read_input(parameters, self.ALLOCATION, context, feedback,
                                   fields=["alternative", "use", "gwh_a"] + ["alt_name"] * ("alt_name" in names))
            features = rows[np.asarray([value == number for value in field_values(rows, "alternative")], dtype=bool)]
            planned = dict.fromkeys(("wind", "pv"), 0.0)
            if features.empty:
                allocated = {value for value in field_values(rows, "alternative") if value is not None}
                if not is_alternative(number, allocated):
                    raise QgsProcessingException(self.tr("Die Zuweisung hat keine Variante {number}; vorhanden: "
                                                         "{numbers}.").format(
                        number=number, numbers=alternative_numbers(allocated)))
                feedback.pushWarning(self.tr("Planungsvariante {number} weist keiner Fläche eine Nutzung zu: keine "
                                             "geplante Erzeugung.").format(number=number))
                return planned, self.tr("Planungsvariante {number}: ohne zugewiesene Flächen").format(number=number)
            for use, gwh in zip(field_values(features, "use"), numbers(features, "gwh_a", "gwh_a")):
                carrier = GENERATING_USES.get(use)
                if carrier is not None and np.isfinite(gwh):
                    planned[carrier] += float(gwh) * 1000
            name = field_values(features, "alt_name")[0] if "alt_name" in names else str(number)
            return planned, self.tr("Planungsvariante {number}: {name}").format(number=number, name=name)
        planned, sources = {}, []
        for name, carrier, preferred in ((self.YIELD_WIND, "wind", "net_gain_gwh_a"), (self.YIELD_PV, "pv", "gwh_a")):
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                continue
            field = preferred if preferred in source.fields().names() else "gwh_a"
            if field not in source.fields().names():
                raise QgsProcessingException(self.tr("Dem Ertrag fehlt das Feld gwh_a: „{layer}“.").format(
                    layer=source.sourceName()))
            features = self.read_input(parameters, name, context, feedback, fields=[field])
            planned[carrier] = float(np.nansum(numbers(features, field, field))) * 1000
            sources.append(source.sourceName())
        if planned:
            feedback.pushInfo(self.tr("Geplante Erzeugung aus {layers}.").format(layers=", ".join(sources)))
        return planned, self.tr("Ertrag der geplanten Flächen")

    def _rooftop(self, parameters, context, feedback, statistics) -> tuple[float, str]:
        """The rooftop potential left (MWh/a) of the municipality's row of the totals of wip:rooftoppv: the row of its
        key, or the only row."""
        rows = self.read_table(parameters, self.ROOFTOP, context, ("municipality", "gwh_a"), ("remaining_gwh_a",))
        if not rows:
            return 0.0, ""
        source = self.parameterAsSource(parameters, self.ROOFTOP, context).sourceName()
        mine = [row for row in rows if str(row["municipality"]) == statistics.ags]
        if not mine and len(rows) == 1:
            mine = rows
        if len(mine) != 1:
            raise QgsProcessingException(self.tr(
                "„{layer}“ hat keine Zeile für den Gemeindeschlüssel {ags}; vorhanden: {rows}.").format(
                layer=source, ags=statistics.ags,
                rows=", ".join(str(row["municipality"]) for row in rows[:5])))
        row = mine[0]
        gwh = row.get("remaining_gwh_a") if row.get("remaining_gwh_a") is not None else row["gwh_a"]
        feedback.pushInfo(self.tr("Solarpotenzial Dach aus „{layer}“: {gwh} GWh/a nach den bestehenden "
                                  "Dachanlagen.").format(layer=source, gwh=format_number(_number(gwh, "gwh_a"), 1)))
        return _number(gwh, "gwh_a") * 1000, self.tr("Solarpotenzial Dach ({layer})").format(layer=source)

    # -- run -----------------------------------------------------------------------------------------------------

    def process(self, parameters, context, feedback):
        base_year = self.parameterAsInt(parameters, self.BASE_YEAR, context)
        try:
            statistics = self._census_population(parameters, context, self._statistics(parameters, context),
                                                 feedback)
            statistics = self._registered_units(parameters, context, statistics, feedback)
            statistics = self._census_heating(parameters, context, statistics, feedback)
            heat = self._heat(parameters, context, base_year, feedback)
            planned, planned_source = self._planned(parameters, context, feedback)
            rooftop_mwh, rooftop_source = self._rooftop(parameters, context, feedback, statistics)
            consumption = [(str(row["sector"]), str(row["carrier"]), _number(row["mwh"], "mwh")) for row in
                           self.read_table(parameters, self.CONSUMPTION, context, ("sector", "carrier", "mwh"))]
            factors = [(str(row["carrier"]), _number(row["g_kwh"], "g_kwh"),
                        None if row.get("year") is None else int(row["year"]))
                       for row in self.read_table(parameters, self.FACTORS, context, ("carrier", "g_kwh"), ("year",))]
            population = [(int(_number(row["year"], "year")), _number(row["inhabitants"], "inhabitants"))
                          for row in self.read_table(parameters, self.POPULATION, context, ("year", "inhabitants"))]
            transport = TRANSPORT_CHOICES[self.parameterAsEnum(parameters, self.TRANSPORT, context)]
            result = energy_balance(BalanceInput(
                statistics, base_year, heat, planned, self.parameterAsInt(parameters, self.PLANNED_FROM, context),
                planned_source, consumption, factors, transport, population, rooftop_mwh, rooftop_source))
        except (BalanceError, ValueError) as error:
            raise QgsProcessingException(str(error)) from error
        feedback.pushInfo(result.method)
        feedback.pushInfo(self.tr("Alle Summen {scope}.").format(scope=transport_scope_label(result.transport)))
        for row in result.indicators:
            feedback.pushInfo(self.tr("{year}: {demand:.0f} MWh Endenergie, {co2:.0f} t CO₂e ({per_capita:.1f} t je "
                                      "Einwohner), erneuerbarer Anteil am Verbrauch {share:.0f} %, bilanzielle "
                                      "Deckung Strom {power:.0f} %.")
                              .format(year=row["year"], demand=row["demand_mwh"], co2=row["co2_t"],
                                      per_capita=row["co2_t_per_capita"], share=row["renewable_share_pct"],
                                      power=row["self_sufficiency_electricity_pct"]))
        feedback.setProgress(50)  # computed; the outputs are written next
        balance = self._write(parameters, self.BALANCE, context, [
            ("year", INT), ("kind", STRING), ("sector", STRING),
            ("sector_label", STRING), ("carrier", STRING), ("carrier_label", STRING),
            ("mwh", DOUBLE), ("co2_t", DOUBLE), ("factor_g_kwh", DOUBLE),
            ("source", STRING)],
            [[row.year, row.kind, row.sector, sector_label(row.sector), row.carrier, carrier_label(row.carrier),
              row.mwh, row.co2_t, row.factor_g_kwh, row.source] for row in result.rows])
        keys = list(result.indicators[0])
        indicators = self._write(parameters, self.INDICATORS, context,
                                 [(key, INT if key == "year" else STRING if key == "transport" else DOUBLE)
                                  for key in keys],
                                 [[row[key] for key in keys] for row in result.indicators])
        assumptions = self._write(parameters, self.ASSUMPTIONS, context, [
            ("topic", STRING), ("value", STRING), ("unit", STRING),
            ("legal_basis", STRING), ("source", STRING), ("status", STRING)],
            [[a.topic, a.value if isinstance(a.value, str) else f"{a.value:g}", a.unit, a.legal_basis, a.source,
              a.status] for a in result.assumptions])
        outputs = {self.BALANCE: balance, self.INDICATORS: indicators, self.ASSUMPTIONS: assumptions}
        if parameters.get(self.PATHS):
            outputs[self.PATHS] = self._write(parameters, self.PATHS, context, [
                ("year", INT), ("lever", STRING), ("lever_label", STRING), ("sector", STRING), ("carrier", STRING),
                ("mwh", DOUBLE), ("factor_g_kwh", DOUBLE), ("co2_t", DOUBLE)],
                [[row.year, row.lever, lever_label(row.lever), row.sector, row.carrier, row.mwh, row.factor_g_kwh,
                  row.co2_t] for row in result.levers])
        first, last = result.indicators[0], result.indicators[-1]
        return {**outputs,
                "CO2_BASE_T": first["co2_t"], "CO2_2045_T": last["co2_t"],
                "RENEWABLE_SHARE_2045_PCT": last["renewable_share_pct"]}

    def _write(self, parameters, name, context, spec, rows) -> str:
        fields = QgsFields()
        for field_name, kind in spec:
            fields.append(new_field(field_name, kind))
        sink, destination = self.parameterAsSink(parameters, name, context, fields, WKB_NO_GEOMETRY,
                                                 QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        write_frame(pd.DataFrame(rows, columns=fields.names(), dtype=object), sink)
        return destination


def _number(value, field: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise BalanceError(tr("{field}: „{value}“ ist keine Zahl.").format(field=field, value=value)) from error

