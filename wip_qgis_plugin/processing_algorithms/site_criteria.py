"""wip:sitecriteria – Standortkriterien berechnen: for each candidate site the values a planner weighs, each in its
own field with the unit in the name: distances to the nearest feature, covered shares, area-weighted means, raster
zonal statistics, area and compactness."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
)

from ..core import site_criteria
from ..core.lazy import lazy_module
from ..core.site_criteria import AREA, COMPACTNESS, GEOMETRY_FIELDS, criterion_fields
from ..qgis_io.compat import DOUBLE, FIELD_NUMERIC, SOURCE_ANY_GEOMETRY, SOURCE_POLYGON, SOURCE_RASTER
from ..qgis_io.layers import read_frame, report_reprojection, transform_geometries, working_crs, write_frame
from ..qgis_io.project import layer_key
from ..qgis_io.rasters import raster_zonal_statistics
from .base import WipAlgorithm, result_fields

np = lazy_module("numpy")
shapely = lazy_module("shapely")


class SiteCriteriaAlgorithm(WipAlgorithm):
    algorithm_id = "sitecriteria"

    SITES = "SITES"
    NEAREST_LAYERS = "NEAREST_LAYERS"
    OVERLAP_LAYERS = "OVERLAP_LAYERS"
    MEAN_LAYER = "MEAN_LAYER"
    MEAN_FIELD = "MEAN_FIELD"
    RASTERS = "RASTERS"
    OUTPUT = "OUTPUT"


    def shortHelpString(self):
        return self.tr(
            "Berechnet je Standort die Kriterienwerte für die Bewertung: dist_‹Ebene›_m – Abstand zum nächsten "
            "Objekt (z. B. Umspannwerk, 110-kV-Leitung, Siedlung, Straße); share_‹Ebene› – überdeckter Anteil "
            "0–1 (z. B. Schutzgebiet, Wald, Bergbaufolgefläche, privilegierter Korridor; > 0 heißt: liegt darin); "
            "mean_‹Feld› – flächengewichteter Mittelwert eines Attributs (z. B. Ackerzahl); ‹Raster›_mean/_min/_max "
            "– Zonenstatistik der Zellen, deren Mittelpunkt im Standort liegt (Band 1); area_ha und compactness "
            "(4πA/U²). Alles metrisch im KBS der Standorte (geografische Eingaben: EPSG:25832); Raster in einem "
            "anderen KBS werden in ihrem eigenen KBS ausgewertet, die Standorte dafür umprojiziert.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr("Standorte"), [SOURCE_POLYGON]))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.NEAREST_LAYERS, self.tr("Abstand zum nächsten Objekt von"),
            SOURCE_ANY_GEOMETRY, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.OVERLAP_LAYERS, self.tr("Überdeckter Anteil durch"), SOURCE_POLYGON,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MEAN_LAYER, self.tr("Flächengewichteter Mittelwert aus Ebene"),
            [SOURCE_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.MEAN_FIELD, self.tr("… des Feldes"), parentLayerParameterName=self.MEAN_LAYER,
            type=FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.RASTERS, self.tr("Zonenstatistik der Raster"), SOURCE_RASTER, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Standorte mit Kriterien")))

    def process(self, parameters, context, feedback):
        sites_source = self.parameterAsSource(parameters, self.SITES, context)
        if sites_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        crs = working_crs(sites_source)
        sites_frame = self.read_input(parameters, self.SITES, context, feedback)
        if sites_frame.empty:
            raise QgsProcessingException(self.tr("Die Standortebene enthält keine Objekte."))
        outlines = np.asarray(sites_frame.geometry.values, dtype=object)
        if shapely.is_missing(outlines).any():
            raise QgsProcessingException(self.tr("Standorte ohne Geometrie können nicht bewertet werden."))
        report_reprojection(sites_source, crs, feedback)
        sites = shapely.make_valid(transform_geometries(outlines, sites_source.sourceCrs(), crs, context))
        area_ha = shapely.area(sites) / 1e4
        columns: list[tuple[str, np.ndarray]] = [(GEOMETRY_FIELDS[AREA], area_ha),
                                                 (GEOMETRY_FIELDS[COMPACTNESS], site_criteria.compactness(sites))]
        nearest_layers = self.parameterAsLayerList(parameters, self.NEAREST_LAYERS, context)
        overlap_layers = self.parameterAsLayerList(parameters, self.OVERLAP_LAYERS, context)
        raster_layers = self.parameterAsLayerList(parameters, self.RASTERS, context)
        mean_layer = self.parameterAsSource(parameters, self.MEAN_LAYER, context)
        mean_field = self.parameterAsString(parameters, self.MEAN_FIELD, context)
        if mean_layer is not None:
            if not mean_field:
                raise QgsProcessingException(self.tr("Für den Mittelwert fehlt das Feld."))
            field = mean_layer.fields().field(mean_field)
            if not field.isNumeric():
                raise QgsProcessingException(self.tr(
                    "Das Feld „{field}“ von „{layer}“ ist kein Zahlenfeld ({kind}); ein Flächenmittel braucht "
                    "Zahlen.").format(field=mean_field, layer=mean_layer.sourceName(), kind=field.typeName()))
        names = criterion_fields([layer_key(layer) for layer in nearest_layers],
                                 [layer_key(layer) for layer in overlap_layers],
                                 mean_field if mean_layer is not None else None,
                                 [layer_key(layer) for layer in raster_layers])
        steps = [("nearest", layer, name) for layer, name in zip(nearest_layers, names.distance)]
        steps += [("overlap", layer, name) for layer, name in zip(overlap_layers, names.share)]
        if mean_layer is not None:
            steps.append(("mean", mean_layer, names.mean))
        steps += [("raster", layer, name) for layer, name in zip(raster_layers, names.raster)]

        for number, (kind, layer, name) in enumerate(steps):
            if feedback.isCanceled():
                return {}
            if kind == "raster":
                # zonal statistics in the raster's own CRS: the sites are transformed, the cells stay as they are
                raster_sites = sites if not layer.crs().isValid() or layer.crs() == crs else shapely.make_valid(
                    transform_geometries(outlines, sites_source.sourceCrs(), layer.crs(), context))
                mean, low, high = raster_zonal_statistics(layer, raster_sites)
                columns += [(f"{name}_mean", mean), (f"{name}_min", low), (f"{name}_max", high)]
            else:
                frame = self.read_input(parameters, self.MEAN_LAYER, context, feedback, crs, [mean_field]) \
                    if kind == "mean" else read_frame(layer, crs, context, feedback, fields=[])
                geometries = np.asarray(frame.geometry.values, dtype=object)
                if kind == "nearest":
                    values = site_criteria.nearest_distance(sites, geometries)
                elif kind == "overlap":
                    values = site_criteria.overlap_share(sites, geometries)
                else:
                    values = site_criteria.weighted_mean(sites, geometries,
                                                         frame[mean_field].astype(float).to_numpy())
                columns.append((name, values))
            feedback.setProgress(100.0 * (number + 1) / max(1, len(steps)))

        fields = result_fields(sites_source, [(name, DOUBLE) for name, _ in columns])
        sink, destination = self.parameterAsSink(parameters, self.OUTPUT, context, fields, sites_source.wkbType(),
                                                 sites_source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        results = sites_frame.assign(**dict(columns))  # a criterion field the sites already have is replaced
        write_frame(results[fields.names() + ["geometry"]], sink, feedback, as_multi=False)
        return {self.OUTPUT: destination}
