"""wip:rooftoppv – Solarpotenzial Dach: capacity (kWp), yield (MWh/a) and suitability of every roof surface and
building, from LoD2 building models (CityGML) or, coarser, from building footprints; totals per municipality."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterVectorLayer,
)

from ..core.catalog import status_label
from ..core.heat import block_of_points, grid_blocks
from ..core.i18n import tr
from ..core.lazy import lazy_module
from ..core.pv_yield import PvYieldError, read_weather, simulated_planes
from ..core.rooftop_pv import (
    CLASSES,
    RooftopCancelled,
    RooftopError,
    footprint_potential,
    gml_files,
    is_flat_roof,
    lod2_potential,
    read_city_model,
    roof_geometry,
    shipped_rooftop_assumptions,
)
from ..qgis_io.compat import (
    FIELD_ANY,
    FILE_BEHAVIOR_FILE,
    FILE_BEHAVIOR_FOLDER,
    FLAG_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
)
from ..qgis_io.layers import longitudes_latitudes, qgs_fields, report_reprojection, working_crs, write_frame
from .base import WipAlgorithm, field_values, registered_units

gpd = lazy_module("geopandas")
np = lazy_module("numpy")
pd = lazy_module("pandas")
shapely = lazy_module("shapely")

ROOF_FORM_HINTS = ("dachform", "roof_form", "rooftype", "roof_type")
FUNCTION_HINTS = ("gebaeudefunktion", "funktion", "function", "gfk")
MUNICIPALITY_HINTS = ("ags", "gemeindeschluessel", "gen", "gemeinde", "name")
GRID_CELL_M = 100.0  # blocks without a block layer: the 100 m cells of the heat plan's maps
DEFAULT_LOD2_EPSG = 25832  # ETRS89 / UTM 32N, in which Sachsen-Anhalt publishes its building models
RESULT_COLUMNS = ("usable_m2", "kwp", "mwh_a", "suitability", "existing_kwp", "remaining_kwp")
# the register's "Lage" of rooftop units: "Bauliche Anlagen (Hausdach, Gebäude und Fassade)", catalogue value 852
# (Marktstammdatenregister, Dokumentation der Datenfelder); ground-mounted and plug-in units are not on roofs
ROOF_LOCATIONS = ("hausdach", "852")


def class_label(suitability: str) -> str:
    return {"very_good": tr("sehr gut"), "good": tr("gut"), "suitable": tr("geeignet"),
            "unsuitable": tr("ungeeignet")}[suitability]


class RooftopPvAlgorithm(WipAlgorithm):
    algorithm_id = "rooftoppv"

    LOD2 = "LOD2"
    LOD2_FOLDER = "LOD2_FOLDER"
    BUILDINGS = "BUILDINGS"
    ROOF_FORM_FIELD = "ROOF_FORM_FIELD"
    FUNCTION_FIELD = "FUNCTION_FIELD"
    MONUMENTS = "MONUMENTS"
    EXCLUDE_MONUMENTS = "EXCLUDE_MONUMENTS"
    EXISTING = "EXISTING"
    MUNICIPALITIES = "MUNICIPALITIES"
    WEATHER_FILE = "WEATHER_FILE"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    BLOCKS = "BLOCKS"
    ROOFS = "ROOFS"
    BUILDINGS_OUTPUT = "BUILDINGS_OUTPUT"
    TOTALS = "TOTALS"
    BLOCKS_OUTPUT = "BLOCKS_OUTPUT"

    def shortHelpString(self):
        return self.tr(
            "Berechnet das Solarpotenzial der Dächer: je Dachfläche und Gebäude die nutzbare Fläche, die "
            "installierbare Leistung (kWp), den Jahresertrag (MWh/a) und die Eignung (sehr gut, gut, geeignet, "
            "ungeeignet), dazu die Summen je Gemeinde.\n\n"
            "Mit 3D-Gebäudemodellen (LoD2, CityGML 1.0 oder 2.0 der Vermessungsverwaltung, eine Datei oder ein Ordner "
            "mit Kacheln) zählt jede Dachfläche mit ihrer wahren Fläche, Neigung und Ausrichtung; nutzbar ist die "
            "Fläche nach dem Randabstand, gemessen in der Dachebene; kleine Flächen (Gauben, Erker) fallen heraus. "
            "Flachdächer tragen nach Süden aufgeständerte Reihen.\n\n"
            "Ohne LoD2 rechnet die gröbere Methode mit den Gebäudegrundrissen (ALKIS): Dachform aus dem Feld "
            "„dachform“ (1000 = Flachdach), sonst nach der Gebäudefunktion (Wohngebäude geneigt, andere flach), mit "
            "festen Annahmen zu Neigung und nutzbarem Anteil; die Ausrichtung ist dann unbekannt.\n\n"
            "Der spezifische Ertrag ist der Ertrag der besten Ausrichtung mal dem Ausrichtungsfaktor der Fläche "
            "(Einstrahlung auf die geneigte Ebene im Verhältnis zur besten Ebene, isotropes Himmelsmodell). Alle "
            "Annahmen stehen mit Quelle und Status in resources/yield/rooftop_pv.json und im Handbuch. Mit einer "
            "Wetterdatei (EPW oder TMY3) simuliert pvlib, wenn installiert, den Ertrag jeder Dachneigung und "
            "-ausrichtung.\n\n"
            "Denkmäler und Denkmalbereiche (Flächen) markieren die Gebäude darin (Feld „monument“) oder schließen "
            "sie aus. Die Summen je Gemeinde ordnen jedes Gebäude der Gemeindefläche zu, in der es liegt, sonst dem "
            "Gemeindeschlüssel des Gebäudemodells; die Summen je Block (optional) den Baublöcken oder 100-m-Zellen.\n\n"
            "Bestehende Dachanlagen aus dem Marktstammdatenregister (Einheiten in Betrieb, Energieträger Solare "
            "Strahlungsenergie, Lage „Bauliche Anlagen (Hausdach, Gebäude und Fassade)“) werden abgezogen: auf dem "
            "Gebäude, auf dem sie liegen, sonst – kleine Anlagen veröffentlicht das Register ohne Koordinaten – in der "
            "Summe der Gemeinde mit ihrem Gemeindeschlüssel. Die Felder „remaining“ nennen das verbleibende "
            "Potenzial.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.LOD2, self.tr("3D-Gebäudemodell LoD2 (CityGML-Datei)"), FILE_BEHAVIOR_FILE, optional=True,
            fileFilter="CityGML (*.gml *.xml *.GML *.XML)"))
        self.addParameter(QgsProcessingParameterFile(
            self.LOD2_FOLDER, self.tr("Ordner mit LoD2-Kacheln (alle .gml/.xml darin)"), FILE_BEHAVIOR_FOLDER,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Gebäudegrundrisse (ohne LoD2; gröbere Methode)"), [SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ROOF_FORM_FIELD, self.tr("Dachform (ALKIS-Schlüssel; ohne Angabe: Feld „dachform“)"),
            parentLayerParameterName=self.BUILDINGS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FUNCTION_FIELD, self.tr("Gebäudefunktion (ALKIS-Schlüssel; ohne Angabe: Feld „gebaeudefunktion“)"),
            parentLayerParameterName=self.BUILDINGS, type=FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MONUMENTS, self.tr("Denkmäler und Denkmalbereiche"), [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.EXCLUDE_MONUMENTS, self.tr("Denkmäler ausschließen (sonst nur markieren)"), False))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.EXISTING, self.tr("Bestehende Anlagen (Marktstammdatenregister)"), [SOURCE_POINT], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MUNICIPALITIES, self.tr("Gemeinden (für die Summen)"), [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.MUNICIPALITY_FIELD, self.tr("Gemeindename oder -schlüssel (ohne Angabe: Feld „ags“ oder „gen“)"),
            parentLayerParameterName=self.MUNICIPALITIES, type=FIELD_ANY, optional=True))
        weather = QgsProcessingParameterFile(
            self.WEATHER_FILE, self.tr("Wetterdatei für pvlib (EPW oder TMY3-CSV)"), FILE_BEHAVIOR_FILE, optional=True,
            fileFilter="EPW, TMY3 (*.epw *.csv)")
        weather.setFlags(weather.flags() | FLAG_ADVANCED)
        self.addParameter(weather)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BLOCKS, self.tr("Baublöcke (für die Summen je Block; ohne: 100-m-Zellen)"), [SOURCE_POLYGON],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ROOFS, self.tr("Dachflächen"), SOURCE_POLYGON, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.BUILDINGS_OUTPUT, self.tr("Gebäude mit Solarpotenzial"), SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TOTALS, self.tr("Solarpotenzial je Gemeinde"), SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.BLOCKS_OUTPUT, self.tr("Solarpotenzial je Block"), SOURCE_POLYGON, optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_MWP", self.tr("Leistung gesamt (MWp)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_GWH", self.tr("Jahresertrag gesamt (GWh/a)")))

    def process(self, parameters, context, feedback):
        try:
            assumptions = shipped_rooftop_assumptions()
            chosen = [self.parameterAsFile(parameters, name, context) for name in (self.LOD2, self.LOD2_FOLDER)]
            paths = [path for value in chosen if value for path in gml_files(Path(value))]
        except RooftopError as error:
            raise QgsProcessingException(str(error)) from error
        weather_file = self.parameterAsFile(parameters, self.WEATHER_FILE, context)
        try:
            weather = read_weather(Path(weather_file)) if weather_file else None  # pvlib is checked first
        except PvYieldError as error:
            raise QgsProcessingException(str(error)) from error
        footprints = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if not paths and footprints is None:
            raise QgsProcessingException(self.tr(
                "Bitte ein 3D-Gebäudemodell (LoD2-Datei oder -Ordner) oder eine Ebene mit Gebäudegrundrissen angeben."))
        try:
            if paths:
                if footprints is not None:
                    feedback.pushWarning(self.tr("Mit dem LoD2-Modell bleiben die Gebäudegrundrisse unbeachtet."))
                roofs, buildings, crs = self._from_lod2(paths, assumptions, weather, context, feedback)
            else:
                roofs, (buildings, crs) = None, self._from_footprints(parameters, footprints, assumptions, weather,
                                                                      context, feedback)
        except RooftopCancelled:
            return {}
        except RooftopError as error:
            raise QgsProcessingException(str(error)) from error
        self._monuments(parameters, context, feedback, crs, buildings, roofs)
        unplaced_units = self._existing(parameters, context, feedback, crs, buildings)
        totals = self._totals(parameters, context, feedback, crs, buildings, unplaced_units)
        self._report(feedback, assumptions, buildings)
        feedback.setProgress(70)  # computed; the outputs are written next
        results = {"TOTAL_MWP": float(buildings["kwp"].sum()) / 1e3, "TOTAL_GWH": float(buildings["mwh_a"].sum()) / 1e3}
        outputs = [(self.BUILDINGS_OUTPUT, buildings, WKB_MULTIPOLYGON), (self.TOTALS, totals, WKB_NO_GEOMETRY)]
        if roofs is not None:
            outputs.insert(0, (self.ROOFS, roofs, WKB_MULTIPOLYGON))
        elif parameters.get(self.ROOFS):
            feedback.pushInfo(self.tr("Dachflächen gibt es nur mit einem LoD2-Modell; die Ausgabe bleibt leer."))
            outputs.insert(0, (self.ROOFS, gpd.GeoDataFrame({"building_id": pd.Series(dtype=str)},
                                                            geometry=gpd.GeoSeries([]), crs=None), WKB_MULTIPOLYGON))
        if parameters.get(self.BLOCKS_OUTPUT):
            outputs.append((self.BLOCKS_OUTPUT, self._blocks(parameters, context, feedback, crs, buildings),
                            WKB_MULTIPOLYGON))
        for name, frame, kind in outputs:
            sink, destination = self.parameterAsSink(parameters, name, context, qgs_fields(frame), kind, crs)
            if sink is None:
                if name in (self.ROOFS, self.BLOCKS_OUTPUT):
                    continue
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            write_frame(frame, sink, feedback)
            results[name] = destination
        return results

    # -- the two methods ---------------------------------------------------------------------------------------

    def _from_lod2(self, paths, assumptions, weather, context, feedback):
        model = read_city_model(paths, feedback.isCanceled)
        if model.epsg is None:
            feedback.pushWarning(self.tr("Das Gebäudemodell nennt kein Koordinatensystem; angenommen: EPSG:{code}.")
                                 .format(code=DEFAULT_LOD2_EPSG))
        crs = QgsCoordinateReferenceSystem(f"EPSG:{model.epsg or DEFAULT_LOD2_EPSG}")
        if not crs.isValid() or crs.isGeographic():
            raise QgsProcessingException(self.tr(
                "Das Gebäudemodell liegt in EPSG:{code}; Flächen und Neigungen brauchen ein projiziertes KBS in Metern "
                "wie EPSG:25832.").format(code=model.epsg))
        feedback.pushInfo(self.tr("{buildings} Gebäude mit {roofs} Dachflächen aus {files} Datei(en).").format(
            buildings=len(model.buildings), roofs=len(model.roofs), files=len(paths)))
        if model.roofs.empty:
            raise QgsProcessingException(self.tr("Das Gebäudemodell enthält keine Dachflächen (bldg:RoofSurface) – "
                                                 "ist es ein LoD2-Modell?"))
        feedback.setProgress(30)
        polygons = np.asarray(model.roofs["geometry"], dtype=object)
        geometry = roof_geometry(polygons, assumptions.edge_setback_m.value)
        latitude, longitude = _middle(model.buildings["geometry"], crs, context)
        potential = lod2_potential(geometry, latitude, assumptions,
                                   _simulation(weather, latitude, longitude, assumptions, feedback))
        roofs = gpd.GeoDataFrame({
            "building_id": model.roofs["building_id"].astype(str), "surface_id": model.roofs["surface_id"].astype(str),
            "area_m2": geometry.area_m2, "tilt_deg": geometry.tilt_deg, "azimuth_deg": geometry.azimuth_deg,
            "flat": potential.flat, "usable_m2": potential.usable_m2, "kwp": potential.kwp, "factor": potential.factor,
            "spec_kwh_kwp": potential.specific_kwh_kwp, "mwh_a": potential.mwh_a,
            "suitability": potential.suitability.astype(str)},
            geometry=shapely.force_2d(polygons), crs=crs.toWkt())
        rank = roofs["suitability"].map({kind: number for number, kind in enumerate(CLASSES)})
        per_building = roofs.assign(rank=rank).groupby("building_id", sort=False).agg(
            roof_m2=("area_m2", "sum"), usable_m2=("usable_m2", "sum"), kwp=("kwp", "sum"), mwh_a=("mwh_a", "sum"),
            surfaces=("surface_id", "size"), best=("rank", "min"))
        buildings = model.buildings.set_index("building_id")
        frame = gpd.GeoDataFrame({
            "building_id": buildings.index.astype(str), "method": "LoD2",
            "function": buildings["function"].astype(str).to_numpy(),
            "roof_type": buildings["roof_type"].astype(str).to_numpy(), "ags": buildings["ags"].astype(str).to_numpy(),
            "source_file": buildings["source"].astype(str).to_numpy()},
            geometry=list(buildings["geometry"]), crs=crs.toWkt())
        joined = per_building.reindex(buildings.index)
        for column in ("roof_m2", "usable_m2", "kwp", "mwh_a"):
            frame[column] = joined[column].fillna(0.0).to_numpy()
        frame["surfaces"] = joined["surfaces"].fillna(0).astype("int64").to_numpy()
        frame["suitability"] = [CLASSES[int(best)] if best == best else CLASSES[-1] for best in joined["best"]]
        return roofs, frame, crs

    def _from_footprints(self, parameters, source, assumptions, weather, context, feedback):
        crs = working_crs(source)
        report_reprojection(source, crs, feedback)
        form_field = self.chosen_field(parameters, self.ROOF_FORM_FIELD, source, context, feedback, ROOF_FORM_HINTS)
        use_field = self.chosen_field(parameters, self.FUNCTION_FIELD, source, context, feedback, FUNCTION_HINTS)
        frame = self.read_input(parameters, self.BUILDINGS, context, feedback, crs, repairs_geometries=True)
        if frame.empty:
            raise QgsProcessingException(self.tr("Die Gebäudeebene enthält keine Objekte."))
        outlines = shapely.make_valid(np.asarray(frame.geometry.values, dtype=object))
        footprint_m2 = np.nan_to_num(shapely.area(outlines))
        flat = is_flat_roof(field_values(frame, form_field), field_values(frame, use_field))
        latitude, longitude = _middle(outlines, crs, context)
        potential = footprint_potential(footprint_m2, flat, latitude, assumptions,
                                        _simulation(weather, latitude, longitude, assumptions, feedback))
        feedback.pushInfo(self.tr("Gröbere Methode aus den Grundrissen: {flat} Flachdächer, {pitched} geneigte Dächer "
                                  "(Dachform aus {form}, sonst aus {use}).").format(
            flat=int(flat.sum()), pitched=int((~flat).sum()), form=form_field or self.tr("keinem Feld"),
            use=use_field or self.tr("keinem Feld")))
        result = frame.drop(columns=[c for c in frame.columns if c in RESULT_COLUMNS + ("method", "monument", "ags")])
        result = result.assign(method=self.tr("Grundriss (grob)"), ags="", roof_m2=footprint_m2,
                               usable_m2=potential.usable_m2, kwp=potential.kwp, mwh_a=potential.mwh_a,
                               suitability=potential.suitability.astype(str))
        return gpd.GeoDataFrame(result, geometry=outlines, crs=crs.toWkt()), crs

    # -- monuments, totals, report -----------------------------------------------------------------------------

    def _monuments(self, parameters, context, feedback, crs, buildings, roofs) -> None:
        """Mark (and when asked, exclude) the buildings in a monument or heritage area."""
        buildings["monument"] = False
        if self.parameterAsSource(parameters, self.MONUMENTS, context) is None:
            return
        areas = self.read_input(parameters, self.MONUMENTS, context, feedback, crs, fields=[])
        protected = shapely.make_valid(np.asarray(areas.geometry.values, dtype=object))
        protected = protected[~shapely.is_missing(protected)]
        outlines = np.asarray(buildings.geometry.values, dtype=object)
        hit = shapely.STRtree(protected).query(outlines, predicate="intersects")[0] if len(protected) else []
        buildings.loc[buildings.index[np.unique(hit)], "monument"] = True
        marked = buildings["monument"].to_numpy()
        if self.parameterAsBool(parameters, self.EXCLUDE_MONUMENTS, context) and marked.any():
            for frame, rows in ((buildings, marked),
                                (roofs, roofs["building_id"].isin(buildings.loc[marked, "building_id"]).to_numpy()
                                 if roofs is not None else None)):
                if rows is not None:
                    frame.loc[rows, ["kwp", "mwh_a"]] = 0.0
                    frame.loc[rows, "suitability"] = CLASSES[-1]
        feedback.pushInfo(self.tr("{count} Gebäude liegen in einem Denkmal oder Denkmalbereich ({what}).").format(
            count=int(marked.sum()), what=self.tr("ausgeschlossen") if self.parameterAsBool(
                parameters, self.EXCLUDE_MONUMENTS, context) else self.tr("markiert, Feld „monument“")))

    def _existing(self, parameters, context, feedback, crs, buildings) -> pd.DataFrame:
        """Subtract the register's rooftop units from the buildings they lie on; returns the others (municipality
        key ``ags`` and ``kw``), which the totals subtract by their municipality."""
        layer = self.parameterAsVectorLayer(parameters, self.EXISTING, context)
        if layer is None:
            buildings["existing_kwp"], buildings["remaining_kwp"] = 0.0, buildings["kwp"]
            return pd.DataFrame({"ags": [], "kw": []})
        units = registered_units(layer, crs, context, feedback)
        location = units["location"].str.lower()
        on_roofs = (units["carrier"] == "pv").to_numpy() & np.logical_or.reduce(
            [location.str.contains(value, regex=False).to_numpy() for value in ROOF_LOCATIONS])
        if "lage" not in {name.lower() for name in layer.fields().names()}:
            feedback.pushWarning(self.tr("„{layer}“ hat kein Feld „Lage“: Dach- und Freiflächenanlagen sind nicht zu "
                                         "unterscheiden, bestehende Anlagen werden nicht abgezogen.").format(
                layer=layer.name()))
        units = units[on_roofs & ~np.isnan(units["kw"].to_numpy())]
        units = units[~units["number"].duplicated() | units["number"].isna()]  # a unit listed twice counts once
        places = np.asarray(units.geometry.values, dtype=object)
        unit, building = shapely.STRtree(np.asarray(buildings.geometry.values, dtype=object)).query(
            places, predicate="within")
        unit, first = np.unique(unit, return_index=True)  # a unit on two touching footprints counts once
        kw = units["kw"].to_numpy()
        existing = np.zeros(len(buildings))
        np.add.at(existing, building[first], kw[unit])
        buildings["existing_kwp"] = existing
        buildings["remaining_kwp"] = np.maximum(buildings["kwp"].to_numpy() - existing, 0.0)
        elsewhere = np.ones(len(units), dtype=bool)
        elsewhere[unit] = False
        feedback.pushInfo(self.tr("Marktstammdatenregister: {count} Dachanlage(n) mit {mw} MWp, davon {placed} auf "
                                  "einem Gebäude; die übrigen zählen in der Summe ihrer Gemeinde.").format(
            count=len(units), mw=f"{kw.sum() / 1e3:,.2f}", placed=len(unit)))
        return pd.DataFrame({"ags": units["ags"].to_numpy()[elsewhere], "kw": kw[elsewhere]})

    def _totals(self, parameters, context, feedback, crs, buildings, unplaced_units):
        """Sum per municipality: the area a building lies in, else the municipality key of its model; the rooftop
        units not on a building are subtracted from the municipality of their key."""
        places = buildings["ags"].astype(str).to_numpy(dtype=object)
        source = self.parameterAsSource(parameters, self.MUNICIPALITIES, context)
        if source is not None:
            name_field = self.chosen_field(parameters, self.MUNICIPALITY_FIELD, source, context, feedback,
                                           MUNICIPALITY_HINTS)
            municipalities = self.read_input(parameters, self.MUNICIPALITIES, context, feedback, crs)
            shapes = shapely.make_valid(np.asarray(municipalities.geometry.values, dtype=object))
            names = [str(value) if value is not None else str(number + 1)
                     for number, value in enumerate(field_values(municipalities, name_field))]
            area = block_of_points(shapely.point_on_surface(np.asarray(buildings.geometry.values, dtype=object)),
                                   shapes)
            places[area >= 0] = np.asarray(names, dtype=object)[area[area >= 0]]
        places = np.where(places == "", self.tr("außerhalb der Gemeinden") if source is not None else
                          self.tr("gesamt"), places)
        kinds = {kind: np.where(buildings["suitability"] == kind, buildings["kwp"] / 1e3, 0.0) for kind in CLASSES[:3]}
        frame = pd.DataFrame({"municipality": places, "buildings": 1,
                              "suitable": (buildings["kwp"] > 0).to_numpy().astype("int64"),
                              "monuments": buildings["monument"].to_numpy().astype("int64"),
                              "usable_m2": buildings["usable_m2"].to_numpy(), "mwp": buildings["kwp"].to_numpy() / 1e3,
                              **{f"mwp_{kind}": values for kind, values in kinds.items()},
                              "gwh_a": buildings["mwh_a"].to_numpy() / 1e3,
                              "existing_mwp": buildings["existing_kwp"].to_numpy() / 1e3})
        totals = frame.groupby("municipality", sort=True).sum().reset_index()
        keyed = unplaced_units[unplaced_units["ags"].isin(set(totals["municipality"]))]
        if len(keyed) < len(unplaced_units):
            left_mw = (unplaced_units["kw"].sum() - keyed["kw"].sum()) / 1e3
            feedback.pushWarning(self.tr("{count} Dachanlage(n) des Registers ({mw} MWp) liegen auf keinem Gebäude und "
                                         "ihr Gemeindeschlüssel ist keine der Summen: nicht abgezogen.").format(
                count=len(unplaced_units) - len(keyed), mw=f"{left_mw:,.2f}"))
        by_key = keyed.groupby("ags")["kw"].sum() / 1e3
        totals["existing_mwp"] += totals["municipality"].map(by_key).fillna(0.0)
        totals["remaining_mwp"] = np.maximum(totals["mwp"] - totals["existing_mwp"], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            totals["remaining_gwh_a"] = np.where(totals["mwp"] > 0, totals["gwh_a"] * totals["remaining_mwp"]
                                                 / totals["mwp"], 0.0)
        return totals

    def _blocks(self, parameters, context, feedback, crs, buildings):
        """Sums per block (the planner's blocks, else 100 m cells with buildings): each building counts in the block
        its inner point lies in."""
        points = shapely.point_on_surface(np.asarray(buildings.geometry.values, dtype=object))
        if self.parameterAsSource(parameters, self.BLOCKS, context) is not None:
            frame = self.read_input(parameters, self.BLOCKS, context, feedback, crs)
            blocks = shapely.make_valid(np.asarray(frame.geometry.values, dtype=object))
            block_of = block_of_points(points, blocks)
        else:
            frame = None
            blocks, block_of = grid_blocks(points, GRID_CELL_M)
        inside = block_of >= 0
        if (~inside).any():
            feedback.pushWarning(self.tr("{count} Gebäude liegen in keinem Block und fehlen in den Summen je "
                                         "Block.").format(count=int((~inside).sum())))

        def per_block(values):
            return np.bincount(block_of[inside], weights=np.asarray(values, dtype=float)[inside],
                               minlength=len(blocks))

        columns = {"buildings": per_block(np.ones(len(buildings))).astype("int64"),
                   "suitable": per_block(buildings["kwp"] > 0).astype("int64"),
                   "mwp": per_block(buildings["kwp"]) / 1e3, "gwh_a": per_block(buildings["mwh_a"]) / 1e3,
                   "remaining_mwp": per_block(buildings["remaining_kwp"]) / 1e3}
        if frame is None:
            return gpd.GeoDataFrame({"cell": np.arange(1, len(blocks) + 1), **columns}, geometry=blocks,
                                    crs=crs.toWkt())
        kept = frame.drop(columns=[c for c in frame.columns if c in columns or c == frame.geometry.name])
        return gpd.GeoDataFrame(kept.assign(**columns), geometry=blocks, crs=crs.toWkt())

    def _report(self, feedback, assumptions, buildings) -> None:
        for name, figure in assumptions.figures().items():
            feedback.pushInfo(f"{name} = {figure.value:g} ({status_label(figure.status)}: {figure.source})")
        counts = buildings["suitability"].value_counts()
        kinds = ", ".join(f"{class_label(kind)} {int(counts.get(kind, 0))}" for kind in CLASSES)
        feedback.pushInfo(self.tr("{count} Gebäude: {kinds}; zusammen {mwp:,.2f} MWp, {gwh:,.2f} GWh/a.").format(
            count=len(buildings), kinds=kinds,
            mwp=float(buildings["kwp"].sum()) / 1e3, gwh=float(buildings["mwh_a"].sum()) / 1e3))


def _middle(geometries, crs, context) -> tuple[float, float]:
    """Latitude and longitude of the middle of the buildings, for the sun's path."""
    bounds = shapely.total_bounds(np.asarray(geometries, dtype=object))
    middle = shapely.points([(bounds[0] + bounds[2]) / 2], [(bounds[1] + bounds[3]) / 2])
    longitudes, latitudes = longitudes_latitudes(middle, crs, context)
    return float(latitudes[0]), float(longitudes[0])


def _simulation(weather, latitude: float, longitude: float, assumptions, feedback):
    """The specific yield of planes simulated with pvlib from the weather file, or None without one."""
    if weather is None:
        return None
    losses = assumptions.pvlib_losses_pct.value
    feedback.pushInfo(tr("pvlib: {hours} Stundenwerte, Systemverluste {losses:g} %, bei {lat:.2f}° N, {lon:.2f}° O.")
                      .format(hours=len(weather), losses=losses, lat=latitude, lon=longitude))
    return lambda planes: simulated_planes(weather, latitude, longitude, planes, losses)
