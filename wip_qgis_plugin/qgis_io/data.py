"""The planning office's own data in the project: loading files and folders as layers, and the mapping of layers to
criteria that the planner corrected by hand, kept in the project file."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeatureRequest,
    QgsProject,
    QgsProviderRegistry,
    QgsProviderSublayerDetails,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl

from ..core.catalog import Catalog
from ..core.profiles import (
    CENSUS_CELL,
    CENSUS_CRS,
    CriterionSource,
    MixedLayerError,
    assigned_source,
    recognise,
    selection_filter,
    suggest_sources,
)
from .project import describe_layer
from .results import GROUP_NAME

DATA_GROUP = "Daten"
# what a planning office's data comes as: GeoPackage, shapefile, NAS-XML (ALKIS), OSM, GeoJSON, GML, SpatiaLite
DATA_SUFFIXES = (".gpkg", ".shp", ".xml", ".osm", ".pbf", ".geojson", ".json", ".gml", ".sqlite", ".csv")
# files whose layers have the same generic names whatever they hold (GDAL's OSM driver: points, lines …)
GENERIC_SUBLAYER_SUFFIXES = (".osm", ".pbf")
METADATA_SUFFIXES = (".shp.xml", ".aux.xml")  # ESRI and GDAL metadata beside the data, no data themselves
ENTRY_SCOPE = "wip"
SELECTION_PROPERTY = "wip/selection_of"  # a layer made of a criterion's selection: the criterion's label
MAPPING_KEY = "mapping/{catalog}/{criterion}"


def data_files(paths: list[str]) -> list[Path]:
    """The files among ``paths`` and in the folders among them (with their subfolders) that may hold data."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DATA_SUFFIXES
                            and not p.name.lower().endswith(METADATA_SUFFIXES))
        elif path.is_file():
            files.append(path)
    return files


def load_data(project: QgsProject, paths: list[str]) -> tuple[list[QgsVectorLayer], list[str]]:
    """Every vector layer in the files and folders ``paths`` (each table of a GeoPackage, each class of an ALKIS
    NAS file, points/lines/areas of an OSM extract) added to the project in the group "Daten", one subgroup per
    file; returns the layers and the files that held none."""
    _read_nas_without_template()
    root = project.layerTreeRoot()
    group = root.findGroup(DATA_GROUP) or root.insertGroup(0, DATA_GROUP)
    options = QgsProviderSublayerDetails.LayerOptions(project.transformContext())
    loaded, empty = [], []
    for path in data_files(paths):
        layers = _file_layers(path, options)
        if not layers:
            empty.append(path.name)
            continue
        file_group = group.addGroup(path.name)
        for layer in layers:
            project.addMapLayer(layer, False)
            file_group.addLayer(layer)
        loaded += layers
    return loaded, empty


def _file_layers(path: Path, options) -> list[QgsVectorLayer]:
    """The vector layers with features in one file: the census grid of a CSV, the sublayers of anything else."""
    if path.suffix.lower() == ".csv":
        census = census_grid(path)
        return [census] if census is not None else []
    layers = []
    for details in QgsProviderRegistry.instance().querySublayers(str(path)):
        if details.providerKey() != "ogr" or details.featureCount() == 0:
            continue
        layer = details.toLayer(options)
        if not (isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.isSpatial()) or not has_features(
                layer):
            continue
        if path.suffix.lower() in GENERIC_SUBLAYER_SUFFIXES:  # "lines" of which extract?
            layer.setName(f"{path.stem} – {layer.name()}")
        layers.append(layer)
    return layers


def census_grid(path: Path) -> QgsVectorLayer | None:
    """A grid table of the 2022 census as a point layer of its cell centres; None for any other CSV. The tables
    come in UTF-8 or Windows-1252; suppressed values ("–") stay text and count as missing."""
    with path.open("rb") as file:
        head = file.read(65536)
    try:
        head.decode("utf-8")
        encoding = "UTF-8"
    except UnicodeDecodeError as error:  # a character cut at the end of the sample is no sign of another encoding
        encoding = "UTF-8" if error.start >= len(head) - 3 else "windows-1252"
    lines = head.decode("utf-8" if encoding == "UTF-8" else "cp1252", errors="replace").splitlines()
    match = CENSUS_CELL.search(lines[0]) if lines else None
    if match is None:
        return None
    size = match.group(1)
    uri = (f"{QUrl.fromLocalFile(str(path)).toString()}?type=csv&delimiter=;&encoding={encoding}"
           f"&xField=x_mp_{size}&yField=y_mp_{size}&crs={CENSUS_CRS}&detectTypes=yes&spatialIndex=yes"
           f"&subsetIndex=no&watchFile=no")
    layer = QgsVectorLayer(uri, path.stem, "delimitedtext")
    return layer if layer.isValid() and layer.isSpatial() else None


def _read_nas_without_template() -> None:
    """From GDAL 3.7 the NAS driver opens ALKIS files only with a schema template set; an empty one lets it read the
    schema from the file, as before. A template the user has set stays."""
    from osgeo import gdal

    if int(gdal.VersionInfo()) >= 3070000 and gdal.GetConfigOption("NAS_GFS_TEMPLATE") is None:
        gdal.SetConfigOption("NAS_GFS_TEMPLATE", "")


def has_features(layer: QgsVectorLayer) -> bool:
    """Whether the layer holds a feature (an OSM extract's layers do not know their count before they are read)."""
    if layer.featureCount() >= 0:
        return layer.featureCount() > 0
    return next(layer.getFeatures(QgsFeatureRequest().setLimit(1).setNoAttributes()), None) is not None


def spatial_layers(project: QgsProject) -> list[QgsVectorLayer]:
    """The project's vector layers with geometry, by name, without the steps' kept results: the layers a
    criterion can take."""
    results = project.layerTreeRoot().findGroup(GROUP_NAME)
    kept = set(results.findLayerIds()) if results is not None else set()
    layers = [layer for layer in project.mapLayers().values()
              if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and layer.id() not in kept]
    return sorted(layers, key=lambda layer: layer.name().lower())


def layers_by_model(layers: list[QgsVectorLayer]) -> dict:
    """The layers by the data profile that recognises them (None: no profile), each with its recognitions."""
    found: dict = {}
    for layer in layers:
        recognitions = recognise(describe_layer(layer))
        found.setdefault(recognitions[0].profile if recognitions else None, []).append((layer, recognitions))
    return found


def selection_layer(project: QgsProject, layer: QgsVectorLayer, source: CriterionSource, label: str
                    ) -> QgsVectorLayer | None:
    """The features a profile selects from ``layer`` for a criterion as a layer of their own (the same source with
    a filter), added to the group "Daten"; the one made before when it is there; None where the selection cannot be
    written as a filter."""
    if layer.providerType() == "memory":  # a new layer of its source would be empty
        return None
    numeric = {field.name(): field.isNumeric() for field in layer.fields()}
    where = selection_filter(source.feed.selection, source.recognition.profile.tag_column, numeric)
    if where is None:
        return None
    name = f"{layer.name()} – {label}"
    existing = next((other for other in project.mapLayers().values() if isinstance(other, QgsVectorLayer)
                     and other.name() == name and other.subsetString() == where), None)
    if existing is not None:
        return existing
    selected = QgsVectorLayer(layer.source(), name, layer.providerType())
    if not selected.isValid() or not selected.setSubsetString(where):
        return None
    selected.setCustomProperty(SELECTION_PROPERTY, label)
    project.addMapLayer(selected, False)
    root = project.layerTreeRoot()
    (root.findGroup(DATA_GROUP) or root.insertGroup(0, DATA_GROUP)).insertLayer(0, selected)
    return selected


def saved_choice(project: QgsProject, catalog_id: str, criterion_id: str) -> list[str] | None:
    """The layer ids the planner chose by hand for a criterion of a catalog (an empty list: none), None when the
    plugin's suggestion stands."""
    ids, found = project.readListEntry(ENTRY_SCOPE, MAPPING_KEY.format(catalog=catalog_id, criterion=criterion_id))
    return [layer_id for layer_id in ids if layer_id] if found else None


def save_choice(project: QgsProject, catalog_id: str, criterion_id: str, layer_ids: list[str]) -> None:
    """Keep the planner's choice of layers for a criterion in the project (saved with it)."""
    # an empty list is stored as [""]: QGIS does not keep an empty list entry
    project.writeEntry(ENTRY_SCOPE, MAPPING_KEY.format(catalog=catalog_id, criterion=criterion_id),
                       layer_ids or [""])


def criterion_sources(project: QgsProject, catalog: Catalog, layers: list[QgsVectorLayer] | None = None
                      ) -> dict[str, list[tuple[QgsVectorLayer, CriterionSource]]]:
    """For each criterion of ``catalog`` the layers that feed it and how: the planner's choice kept in the project
    (while all its layers are there), else what the data profiles recognise and the name hints find."""
    layers = spatial_layers(project) if layers is None else layers
    by_id = {layer.id(): layer for layer in layers}
    descriptions = {layer.id(): describe_layer(layer, layer.id()) for layer in layers}
    ids = catalog.criterion_ids()
    mapping = {}
    for criterion in catalog.criteria:
        suggested = suggest_sources(criterion, list(descriptions.values()), ids)
        chosen = resolve_choice(saved_choice(project, catalog.id, criterion.id), [s.key for s in suggested], by_id)
        sources = suggested if chosen == [s.key for s in suggested] else \
            [_assigned(criterion, descriptions[layer_id], ids) for layer_id in chosen]
        mapping[criterion.id] = [(by_id[source.key], source) for source in sources if source is not None]
    return mapping


def resolve_choice(saved: list[str] | None, suggested: list[str], available) -> list[str]:
    """The layer ids a criterion takes: the planner's saved choice while all its layers are there, else the
    suggestion."""
    return saved if saved is not None and all(layer_id in available for layer_id in saved) else suggested


def _assigned(criterion, description, ids) -> CriterionSource | None:
    """How a layer chosen by hand is read; None for a mixed model's layer its profile cannot read for the
    criterion (the Flächenkulisse refuses it with the reason)."""
    try:
        return assigned_source(criterion, description, ids)
    except MixedLayerError:
        return None
