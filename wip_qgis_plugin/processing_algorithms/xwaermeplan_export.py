"""wip:xwaermeplanexport – Wärmeplan als XWärmeplan: the results of the heat steps (the § 19 levels per block, heat
demand by reference year, dominant building type and age class, heat line density per street section) as a heat
plan in the exchange standard XWärmeplan 0.9, with the levels for hydrogen networks and decentral supply, the supply
areas of § 18, the § 14 check and the privacy rule of § 10 Abs. 2 WPG applied."""
from __future__ import annotations

import datetime

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.heat import PRIVACY_MIN_BUILDINGS, block_of_points, load_typology
from ..core.i18n import format_number
from ..core.lazy import lazy_module
from ..core.site_criteria import nearest_distance
from ..core.workflow import normalise
from ..core.xwaermeplan import (
    CENSUS_CARRIERS,
    GAS_NETWORK_REACH_M,
    REFERENCE_YEARS,
    TARGET_YEAR,
    BuildingBlock,
    EnergyBlock,
    HeatPlanDraft,
    HeatPlanError,
    StreetSection,
    SupplyArea,
    age_class_code,
    building_type_code,
    carrier_mix,
    decentral_levels,
    heat_plan_document,
    hydrogen_levels,
    model_problems,
    rule_texts,
    supply_type_text,
)
from ..qgis_io.compat import (
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_ANY_GEOMETRY,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
)
from ..qgis_io.layers import exchange_crs
from .base import WipAlgorithm, census_counts, census_heating_columns, field_values, numbers
from .guards import write_text_file

np = lazy_module("numpy")
shapely = lazy_module("shapely")

REGIONAL_KEY_FIELDS = ("rs", "ars", "regionalschluessel")  # VG250 calls it RS


class XWaermeplanExportAlgorithm(WipAlgorithm):
    algorithm_id = "xwaermeplanexport"

    AREAS = "AREAS"
    STREETS = "STREETS"
    HEATING_GRID = "HEATING_GRID"
    GAS_NETWORK = "GAS_NETWORK"
    GAS_REACH = "GAS_REACH"
    CONVERSION_PLAN = "CONVERSION_PLAN"
    STUDY_AREA = "STUDY_AREA"
    MUNICIPALITY = "MUNICIPALITY"
    REGIONAL_KEY = "REGIONAL_KEY"
    PLAN_NAME = "PLAN_NAME"
    BASE_YEAR = "BASE_YEAR"
    TARGET_YEAR = "TARGET_YEAR"
    START_DECISION = "START_DECISION"
    DECISION = "DECISION"
    SIMPLIFIED = "SIMPLIFIED"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Schreibt die Ergebnisse der Wärmeplanung als Wärmeplan im Austauschstandard XWärmeplan 0.9 der "
            "XLeitstelle:\n"
            "• je Gebiet gleicher Einstufung ein voraussichtliches Wärmeversorgungsgebiet für 2030, 2035, 2040 und "
            "das Zieljahr (§ 18 WPG) mit den Eignungsstufen nach § 19 WPG für Wärmenetz, Wasserstoffnetz und "
            "dezentrale Versorgung und dem Wärmebedarf des Jahres;\n"
            "• die Eignungsprüfung nach § 14 WPG (Gebiete, die für ein Wärme- oder Wasserstoffnetz sehr "
            "wahrscheinlich ungeeignet sind; beides zusammen: verkürzte Wärmeplanung);\n"
            "• je Baublock vorherrschender Gebäudetyp und Baualtersklasse, je Straßenabschnitt die "
            "Wärmeliniendichte;\n"
            "• mit dem Zensus-Gitter der Heizungen je Baublock die Wärmeverbrauchsdichte, der Wärmebedarf nach "
            "Energieträgern und die Wärmeerzeuger (Anteile der Gebäude je Energieträger in den Zellen des Blocks);\n"
            "• die Regeln mit Rechtsgrundlage als Textabschnitte.\n"
            "Eingabe ist das Ergebnis von „Eignung für Wärmenetze“. Wasserstoffnetz: Stufe 4 ohne Gasnetz in der "
            "Nähe (§ 14 Abs. 3 Nr. 1 WPG), sonst 3, mit verbindlichem Umstellungsfahrplan des Netzbetreibers 2. "
            "Dezentrale Versorgung: Gegenstufe des Wärmenetzes. Datenschutz (§ 10 Abs. 2 WPG): Wärmebedarf und "
            "Wärmeliniendichte nur, wo mindestens fünf Gebäude dahinterstehen. Der Regionalschlüssel (12 Ziffern) "
            "kommt aus dem Feld RS des Gemeindegebiets, wenn er nicht angegeben ist. Wo das amtliche Modell "
            "(xplan-tools) installiert ist, wird die Datei vor dem Schreiben dagegen geprüft.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Eignungsstufen für Wärmenetze (Baublöcke)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STREETS, self.tr("Wärmeliniendichte je Straßenabschnitt"), [SOURCE_LINE], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HEATING_GRID, self.tr("Zensus 2022: Gebäude nach Energieträger der Heizung je Gitterzelle"),
            [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.GAS_NETWORK, self.tr("Bestehendes Gasnetz"), [SOURCE_ANY_GEOMETRY], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.GAS_REACH, self.tr("Gasnetz in der Nähe bis (m)"), NUMBER_DOUBLE, GAS_NETWORK_REACH_M, False, 0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONVERSION_PLAN, self.tr("Verbindlicher Fahrplan des Gasnetzbetreibers zur Umstellung auf "
                                          "Wasserstoff liegt vor (§ 71k GEG)"), False))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, self.tr("Gemeindegebiet (Geltungsbereich)"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterString(self.MUNICIPALITY, self.tr("Gemeinde")))
        self.addParameter(QgsProcessingParameterString(
            self.REGIONAL_KEY, self.tr("Amtlicher Regionalschlüssel (12 Ziffern; leer: Feld RS des Gemeindegebiets)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.PLAN_NAME, self.tr("Name des Plans"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, self.tr("Basisjahr der Datenerfassung"), NUMBER_INTEGER, 2025, False, 2000, 2100))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_YEAR, self.tr("Zieljahr (treibhausgasneutrale Wärmeversorgung)"), NUMBER_INTEGER,
            TARGET_YEAR, False, 2025, 2100))
        self.addParameter(QgsProcessingParameterDateTime(
            self.START_DECISION, self.tr("Beschluss über die Durchführung der Wärmeplanung (§ 13 WPG)"),
            QgsProcessingParameterDateTime.Type.Date))
        self.addParameter(QgsProcessingParameterDateTime(
            self.DECISION, self.tr("Beschluss des Wärmeplans (§ 23 WPG; beim Entwurf der geplante Tag)"),
            QgsProcessingParameterDateTime.Type.Date))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SIMPLIFIED, self.tr("Vereinfachtes Verfahren (§ 22 WPG)"), False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("XWärmeplan-Datei"), self.tr("XWärmeplan (*.gml)")))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        municipality = self.parameterAsString(parameters, self.MUNICIPALITY, context).strip()
        if not municipality:
            raise QgsProcessingException(self.tr("Bitte den Namen der Gemeinde angeben."))
        areas_source = self.parameterAsSource(parameters, self.AREAS, context)
        study = self.parameterAsSource(parameters, self.STUDY_AREA, context)
        if areas_source is None or study is None:
            raise QgsProcessingException(self.invalidSourceError(
                parameters, self.AREAS if areas_source is None else self.STUDY_AREA))
        names = areas_source.fields().names()
        if "level" not in names:
            raise QgsProcessingException(self.tr(
                "Der Gebietsebene fehlt das Feld „level“ mit der Eignungsstufe; zuerst „Eignung für Wärmenetze“ "
                "ausführen."))
        crs = exchange_crs(areas_source, study)
        start = self.parameterAsDateTime(parameters, self.START_DECISION, context).date()
        decision = self.parameterAsDateTime(parameters, self.DECISION, context).date()
        if not start.isValid() or not decision.isValid():
            raise QgsProcessingException(self.tr("Bitte die Tage beider Beschlüsse angeben (§ 13 und § 23 WPG)."))

        boundary_frame = self.read_input(parameters, self.STUDY_AREA, context, feedback, crs, repairs_geometries=True)
        key = self._regional_key(parameters, context, boundary_frame)
        boundary = shapely.union_all(shapely.make_valid(boundary_frame.geometry.values))
        wanted = [name for name in ["level", "shortened_14", "published", "buildings", "demand_mwh_a",
                                    "density_mwh_ha_a", "dominant_type", "dominant_age", "block_id"]
                  + [f"demand_{year}_mwh" for year in REFERENCE_YEARS] if name in names]
        frame = self.read_input(parameters, self.AREAS, context, feedback, crs, fields=wanted,
                                repairs_geometries=True)
        frame = frame[~frame.geometry.isna() & ~frame.geometry.is_empty]
        if frame.empty:
            raise QgsProcessingException(self.tr("Die Gebietsebene enthält keine Gebiete."))
        repaired = int((~shapely.is_valid(frame.geometry.values)).sum())
        if repaired:
            feedback.pushWarning(self.tr("{count} ungültige Geometrien wurden repariert.").format(count=repaired))
        shapes = np.asarray(shapely.make_valid(frame.geometry.values), dtype=object)
        network = numbers(frame, "level", self.tr("Eignungsstufe"), 1, 4)
        if np.isnan(network).any():
            raise QgsProcessingException(self.tr("{count} Gebiete haben keine Eignungsstufe.").format(
                count=int(np.isnan(network).sum())))
        network = network.astype(int)
        gas = self._gas_distances(parameters, context, feedback, shapes, crs)
        conversion_plan = self.parameterAsBool(parameters, self.CONVERSION_PLAN, context)
        gas_reach = self.parameterAsDouble(parameters, self.GAS_REACH, context)
        hydrogen = hydrogen_levels(gas, gas_reach, conversion_plan)
        unsuited_network = np.asarray(
            [bool(value) for value in field_values(frame, "shortened_14")]) if "shortened_14" in frame.columns \
            else network == 4
        supply_areas = self._supply_areas(frame, shapes, network, hydrogen, unsuited_network, feedback)
        feedback.setProgress(40)
        published = self._publishable(frame)
        blocks = self._building_blocks(frame, shapes, published)
        energy_blocks = self._energy_blocks(parameters, context, feedback, frame, shapes, published, study, crs)
        streets = self._streets(parameters, context, feedback, crs)
        feedback.setProgress(60)

        base_year = self.parameterAsInt(parameters, self.BASE_YEAR, context)
        target_year = self.parameterAsInt(parameters, self.TARGET_YEAR, context)
        name = self.parameterAsString(parameters, self.PLAN_NAME, context).strip() or \
            self.tr("Kommunaler Wärmeplan {municipality}").format(municipality=municipality)
        try:
            document = heat_plan_document(HeatPlanDraft(
                name, municipality, key, int(crs.authid().split(":")[1]), boundary, base_year, target_year,
                datetime.date(start.year(), start.month(), start.day()),
                datetime.date(decision.year(), decision.month(), decision.day()), supply_areas, blocks,
                energy_blocks, streets,
                rule_texts(self.parameterAsSource(parameters, self.GAS_NETWORK, context) is not None,
                           conversion_plan, gas_reach, bool(energy_blocks)),
                self.tr("Wärmeplan (Entwurf), erstellt mit dem Werkzeug „Wärmeplan als XWärmeplan schreiben“ "
                        "(Plugin WIP) aus {source}").format(source=areas_source.sourceName()),
                self.parameterAsBool(parameters, self.SIMPLIFIED, context), datetime.date.today()))
        except HeatPlanError as error:
            raise QgsProcessingException(str(error)) from error
        feedback.setProgress(80)
        problems = model_problems(document)
        if problems:
            raise QgsProcessingException(self.tr("Das Dokument verletzt das amtliche Modell von XWärmeplan und wird "
                                                 "nicht geschrieben:\n{problems}").format(problems="\n".join(problems)))
        if feedback.isCanceled():
            return {}
        write_text_file(path, document.decode("utf-8"))
        self._report(supply_areas, blocks, streets, problems, path, feedback)
        return {self.OUTPUT: path}

    def _regional_key(self, parameters, context, boundary_frame) -> str:
        key = self.parameterAsString(parameters, self.REGIONAL_KEY, context).strip()
        if key:
            return key
        columns = {str(column).lower(): column for column in boundary_frame.columns}
        column = next((columns[hint] for hint in REGIONAL_KEY_FIELDS if hint in columns), None)
        values = [value for value in field_values(boundary_frame, column) if value] if column else []
        if not values:
            raise QgsProcessingException(self.tr(
                "Bitte den amtlichen Regionalschlüssel (12 Ziffern) angeben: Das Gemeindegebiet hat kein Feld RS."))
        return str(values[0])

    def _gas_distances(self, parameters, context, feedback, shapes, crs) -> np.ndarray:
        """Metres from each area to the nearest gas pipe; NaN without a gas network layer."""
        if self.parameterAsSource(parameters, self.GAS_NETWORK, context) is None:
            feedback.pushInfo(self.tr("Ohne Gasnetz-Ebene gilt: kein Gasnetz im Gebiet – Wasserstoffnetz sehr "
                                      "wahrscheinlich ungeeignet (§ 14 Abs. 3 Nr. 1 WPG)."))
            return np.full(len(shapes), np.nan)
        pipes = self.read_input(parameters, self.GAS_NETWORK, context, feedback, crs, fields=[])
        return nearest_distance(shapes, np.asarray(pipes.geometry.values, dtype=object))

    def _supply_areas(self, frame, shapes, network, hydrogen, unsuited_network, feedback) -> tuple:
        """The blocks of one set of levels, each contiguous piece one supply area; its demand where at least five
        buildings stand behind it and none of its blocks holds its value back (§ 10 Abs. 2 WPG)."""
        decentral = decentral_levels(network)
        shortened = unsuited_network & (hydrogen == 4)
        buildings = numbers(frame, "buildings", "buildings", 0) if "buildings" in frame.columns else None
        published = np.asarray([bool(value) for value in field_values(frame, "published")]) \
            if "published" in frame.columns else None
        if buildings is None and published is None:
            feedback.pushWarning(self.tr("Die Gebietsebene sagt nicht, wie viele Gebäude hinter einem Wert stehen "
                                         "(Felder buildings, published): Der Wärmebedarf bleibt draußen."))
        demands = {None: self._demand(frame, "demand_mwh_a")}
        demands.update({year: self._demand(frame, f"demand_{year}_mwh") for year in REFERENCE_YEARS})
        keys = np.stack([network, hydrogen, decentral, shortened.astype(int), unsuited_network.astype(int)], axis=1)
        points = shapely.point_on_surface(shapes)
        areas = []
        for key in np.unique(keys, axis=0):
            members = np.flatnonzero((keys == key).all(axis=1))
            for part in shapely.get_parts(shapely.union_all(shapes[members])):
                if part.geom_type != "Polygon" or part.area <= 0:
                    continue
                inside = members[shapely.intersects(part, points[members])]
                if buildings is not None:
                    heated = buildings[inside] > 0
                    shown = np.nansum(buildings[inside]) >= PRIVACY_MIN_BUILDINGS
                else:
                    heated = np.ones(len(inside), dtype=bool)
                    shown = published is not None and bool(published[inside].all())
                totals = {year: _published_sum(values, inside, heated) if shown else None
                          for year, values in demands.items()}
                areas.append(SupplyArea(part, int(key[0]), int(key[1]), int(key[2]), bool(key[3]), bool(key[4]),
                                        totals[None], {year: totals[year] for year in REFERENCE_YEARS
                                                       if totals[year] is not None}))
        return tuple(areas)

    @staticmethod
    def _demand(frame, column):
        return numbers(frame, column, column, 0) if column in frame.columns else None

    def _building_blocks(self, frame, shapes, allowed) -> tuple:
        """Dominant building type and age class of each block that may be published (``allowed``)."""
        if "dominant_type" not in frame.columns:
            return ()
        labels = {use: entry.label for use, entry in load_typology().nonresidential.items()}
        types = field_values(frame, "dominant_type")
        ages = field_values(frame, "dominant_age")
        ids = field_values(frame, "block_id")
        blocks = []
        for index, shape in enumerate(shapes):
            code = building_type_code(types[index], labels)
            if code is None or not allowed[index]:
                continue
            blocks.append(BuildingBlock(shape, code, age_class_code(ages[index]),
                                        None if ids[index] is None else str(ids[index])))
        return tuple(blocks)

    def _energy_blocks(self, parameters, context, feedback, frame, shapes, allowed, study, crs) -> tuple:
        """Heat density, heat by energy carrier and heat generators of each block that may be published
        (``allowed``) and holds a census cell with heated buildings: the block's demand shared as its cells'
        buildings are heated."""
        grid = self.parameterAsSource(parameters, self.HEATING_GRID, context)
        if grid is None:
            feedback.pushInfo(self.tr("Ohne Zensus-Gitter der Heizungen keine Wärmeverbrauchsdichte je Baublock: "
                                      "XWärmeplan verlangt sie mit den Energieträgern und Wärmeerzeugern."))
            return ()
        if census_heating_columns(self.parameterAsVectorLayer(parameters, self.HEATING_GRID, context)) is None:
            raise QgsProcessingException(self.tr("„{layer}“ ist kein Gitter des Zensus 2022 mit Gebäuden nach "
                                                 "Energieträger der Heizung.").format(layer=grid.sourceName()))
        for name in ("demand_mwh_a", "density_mwh_ha_a"):
            if name not in frame.columns:
                raise QgsProcessingException(self.tr(
                    "Der Gebietsebene fehlt das Feld „{field}“; zuerst „Wärmedichte und Wärmeliniendichte“ und "
                    "„Eignung für Wärmenetze“ ausführen.").format(field=name))
        columns = {normalise(name): name for name in grid.fields().names() if normalise(name) in CENSUS_CARRIERS}
        cells = self.read_around(parameters, self.HEATING_GRID, context, feedback, study, crs,
                                 fields=list(columns.values()))
        block_of = block_of_points(np.asarray(cells.geometry.values, dtype=object), shapes)
        counts = {column: census_counts(cells, name) for column, name in columns.items()}
        demand = numbers(frame, "demand_mwh_a", self.tr("Wärmebedarf"), 0)
        density = numbers(frame, "density_mwh_ha_a", self.tr("Wärmedichte"), 0)
        ids = field_values(frame, "block_id")
        blocks = []
        for index in np.flatnonzero(allowed & ~np.isnan(demand) & ~np.isnan(density)):
            inside = block_of == index
            shares, generators = carrier_mix({column: float(np.nansum(values[inside]))
                                              for column, values in counts.items()})
            if shares:
                blocks.append(EnergyBlock(shapes[index], float(density[index]),
                                          {carrier: share * demand[index] for carrier, share in shares.items()},
                                          generators, None if ids[index] is None else str(ids[index])))
        feedback.pushInfo(self.tr("Zensus 2022: Energieträger der Heizung für {blocks} von {count} Baublöcken "
                                  "({cells} Gitterzellen).").format(blocks=len(blocks), count=int(allowed.sum()),
                                                                   cells=int((block_of >= 0).sum())))
        return tuple(blocks)

    @staticmethod
    def _publishable(frame) -> np.ndarray:
        """Per row whether its values may be published: its flag, or at least five buildings."""
        if "published" in frame.columns:
            return np.asarray([bool(value) for value in field_values(frame, "published")])
        if "buildings" in frame.columns:
            return numbers(frame, "buildings", "buildings", 0) >= PRIVACY_MIN_BUILDINGS
        return np.zeros(len(frame), dtype=bool)

    def _streets(self, parameters, context, feedback, crs) -> tuple:
        source = self.parameterAsSource(parameters, self.STREETS, context)
        if source is None:
            return ()
        names = source.fields().names()
        if "line_density_kwh_m_a" not in names:
            raise QgsProcessingException(self.tr(
                "Der Straßenebene fehlt das Feld „line_density_kwh_m_a“; zuerst „Wärmedichte und "
                "Wärmeliniendichte“ ausführen."))
        frame = self.read_input(parameters, self.STREETS, context, feedback, crs, fields=[
            name for name in ("line_density_kwh_m_a", "published", "buildings") if name in names])
        density = numbers(frame, "line_density_kwh_m_a", self.tr("Wärmeliniendichte"), 0)
        shown = self._publishable(frame) & ~np.isnan(density)
        return tuple(StreetSection(shape, float(value)) for shape, value, ok in
                     zip(frame.geometry.values, density, shown) if ok and shape is not None)

    def _report(self, areas, blocks, streets, problems, path, feedback) -> None:
        for code in dict.fromkeys(area.supply_type for area in areas):
            mine = [area for area in areas if area.supply_type == code]
            feedback.pushInfo(self.tr("{kind}: {count} Gebiete, {ha} ha").format(
                kind=supply_type_text(code), count=len(mine),
                ha=format_number(sum(area.geometry.area for area in mine) / 10_000, 1)))
        feedback.pushInfo(self.tr("Verkürzte Wärmeplanung (§ 14 Abs. 4 WPG): {count} Gebiete; {blocks} Baublöcke "
                                  "mit Gebäudetyp, {streets} Straßenabschnitte mit Wärmeliniendichte.").format(
            count=sum(area.shortened for area in areas), blocks=len(blocks), streets=len(streets)))
        if problems is None:
            feedback.pushInfo(self.tr("Das amtliche Modell von XWärmeplan (xplan-tools) ist hier nicht installiert: "
                                      "Die Datei wurde nicht dagegen geprüft."))
        feedback.pushInfo(self.tr("Wärmeplan als XWärmeplan 0.9 geschrieben: {path}").format(path=path))


def _published_sum(values, rows, heated) -> float | None:
    """The sum of ``values`` over ``rows``; None without the field, or where a row with heated buildings holds its
    value back (the sum would be short)."""
    if values is None or np.isnan(values[rows][heated]).any():
        return None
    return float(np.nansum(values[rows]))
