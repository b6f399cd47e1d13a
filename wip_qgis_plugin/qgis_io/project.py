"""Project-level helpers: what kind of data a layer holds, and loading the embedded demo municipality."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsDataSourceUri, QgsMapLayer, QgsProject, QgsRasterLayer, QgsVectorLayer

from ..core.catalog import LayerDescription
from ..core.i18n import tr
from ..core.profiles import fed_inputs
from ..core.workflow import LINE, POINT, POLYGON, RASTER, TABLE, LayerInfo, find_inputs, workflow
from .compat import GEOMETRY_LINE, GEOMETRY_NULL, GEOMETRY_POINT, GEOMETRY_POLYGON
from .layers import is_null

RESOURCES = Path(__file__).parent.parent / "resources"
DEMO_GPKG = RESOURCES / "demo" / "demo_hohenmoelsen.gpkg"
STYLES_DIR = RESOURCES / "styles"

_GEOMETRY_KINDS = {
    GEOMETRY_POINT: POINT,
    GEOMETRY_LINE: LINE,
    GEOMETRY_POLYGON: POLYGON,
}


def layer_kind(layer: QgsMapLayer) -> str | None:
    """polygon, line, point, raster or table; None for anything else (meshes, plugin layers …)."""
    if isinstance(layer, QgsRasterLayer):
        return RASTER
    if isinstance(layer, QgsVectorLayer):
        if not layer.isSpatial():
            return TABLE
        return _GEOMETRY_KINDS.get(layer.geometryType())
    return None


# providers whose layers are tables of a database, named in a QgsDataSourceUri
DATABASE_PROVIDERS = ("postgres", "spatialite")


def layer_key(layer) -> str:
    """The name a mapping refers to: the GeoPackage/OGR layer name or the database table when the source has one,
    else the layer name."""
    source = layer.source()
    if "layername=" in source:
        return source.split("layername=")[1].split("|")[0]
    if layer.providerType() in DATABASE_PROVIDERS and QgsDataSourceUri(source).table():
        return QgsDataSourceUri(source).table()
    return layer.name()


def layer_label(layer: QgsVectorLayer) -> str:
    """The layer's name for messages, with the name of its layer in the source where that says more (Processing
    names every table of "alkis.gpkg" "alkis")."""
    key = layer_key(layer)
    return layer.name() if key in layer.name() else f"{layer.name()} – {key}"


def describe_layer(layer: QgsVectorLayer, key: str = "") -> LayerDescription:
    """A vector layer as the data profiles and the catalogs' name hints see it: the name of its layer in the source
    (:func:`layer_key`), geometry kind, fields, and the key a suggestion returns (the name when empty; a layer id
    in the docks)."""
    return LayerDescription(layer_key(layer), layer_kind(layer) or "none", tuple(layer.fields().names()), key)


def project_layer_infos(project: QgsProject) -> list[LayerInfo]:
    """The project's layers as the Planungsassistent looks at them: name, kind and what a data profile says
    they hold."""
    infos = []
    for layer in project.mapLayers().values():
        kind = layer_kind(layer)
        if kind is not None:
            feeds = fed_inputs(describe_layer(layer)) if isinstance(layer, QgsVectorLayer) \
                else frozenset()
            infos.append(LayerInfo(layer.name(), kind, feeds))
    return sorted(infos, key=lambda info: info.name)


def layers_newest_first(project: QgsProject) -> list[QgsMapLayer]:
    """The project's layers, newest first: those just added and not yet in the layer tree (a layersAdded handler
    runs before the layer is placed), then in layer-tree order (the docks keep each run above the earlier ones)."""
    in_tree = [node.layer() for node in project.layerTreeRoot().findLayers() if node.layer() is not None]
    placed = {layer.id() for layer in in_tree}
    return [layer for layer in project.mapLayers().values() if layer.id() not in placed] + in_tree


def newest_layer(project: QgsProject, name: str) -> QgsMapLayer | None:
    """The newest of the project's layers called ``name``."""
    return next((layer for layer in layers_newest_first(project) if layer.name() == name), None)


# the fields by which the results of the other steps are recognised in the project
RESULT_FIELDS = {
    "buildings": ({"demand_mwh_a", "use"}, GEOMETRY_POLYGON),
    "wind": ({"turbines", "gwh_a"}, GEOMETRY_POLYGON),
    "pv": ({"mwp", "gwh_a"}, GEOMETRY_POLYGON),
    "rooftop": ({"municipality", "remaining_gwh_a"}, GEOMETRY_NULL),
    "allocation": ({"alternative", "use", "gwh_a"}, GEOMETRY_POLYGON),
    "eligible": ({"area_id", "patch_ha", "soft"}, GEOMETRY_POLYGON),
    "sites": ({"score", "rank", "class"}, GEOMETRY_POLYGON),
    "alternatives": ({"alternative", "gwh_total", "targets_missed"}, GEOMETRY_NULL),
    "heat": ({"level", "level_text"}, GEOMETRY_POLYGON),
    "turbines": ({"turbine_id", "site_id", "gwh_a"}, GEOMETRY_POINT),
    "paths": ({"lever", "factor_g_kwh"}, GEOMETRY_NULL),
    "measures": ({"measure_id", "effect_mwh_a", "changes"}, GEOMETRY_POLYGON),
    "shared": ({"origin_municipality", "measure_id"}, GEOMETRY_NULL),
}


def results_in_project(key: str) -> list[QgsVectorLayer]:
    """The project's layers that look like the result of a step, by their fields, newest first: those just added
    and not yet in the layer tree, then in layer-tree order (the docks put their results on top)."""
    fields, geometry = RESULT_FIELDS[key]
    return [layer for layer in layers_newest_first(QgsProject.instance()) if isinstance(layer, QgsVectorLayer)
            and layer.geometryType() == geometry and fields <= set(layer.fields().names())]



# the fields that name a municipality, and its key, in the order they are looked for (case does not matter)
NAME_FIELDS = ("gen", "name", "gemeinde", "gemeindename", "municipality")
AGS_FIELD = "ags"


def project_input(step_key: str, input_key: str) -> QgsVectorLayer | None:
    """The project's newest vector layer the assistant finds for input ``input_key`` of step ``step_key``, if any."""
    project = QgsProject.instance()
    found = find_inputs(next(step for step in workflow() if step.key == step_key), project_layer_infos(project))
    layer = newest_layer(project, found[input_key][0]) if found[input_key] else None
    return layer if isinstance(layer, QgsVectorLayer) else None


def municipality_of_project() -> tuple[str, str]:
    """Name and key (AGS) of the municipality the project's study area layer shows (its first feature); empty
    strings where none is found."""
    layer = project_input("balance", "study_area")
    feature = next(layer.getFeatures(), None) if layer is not None else None
    if feature is None:
        return "", ""
    names = {name.lower(): name for name in layer.fields().names()}

    def value(field):
        text = feature[field] if field else None
        return "" if is_null(text) else str(text).strip()

    return value(next((names[hint] for hint in NAME_FIELDS if hint in names), None)), value(names.get(AGS_FIELD))


# Polygon layers styled as outlines or hatches: drawn above the filled ones so they stay visible.
OUTLINE_LAYERS = ("synth_flurstuecke", "synth_schutzgebiete", "real_nachbargemeinden", "real_gemeinde")


def demo_layer_names(gpkg: Path = DEMO_GPKG) -> list[str]:
    """Layer names of a GeoPackage in drawing order: tables, filled polygons, outlined polygons, lines, points."""
    container = QgsVectorLayer(str(gpkg), "container", "ogr")
    names = [sub.split("!!::!!")[1] for sub in container.dataProvider().subLayers()]
    order = {TABLE: 0, POLYGON: 1, LINE: 3, POINT: 4}

    def rank(name):
        kind_rank = order.get(layer_kind(_gpkg_layer(gpkg, name)), 5)
        if name in OUTLINE_LAYERS:
            return 2, OUTLINE_LAYERS.index(name), name
        return kind_rank, 0, name

    return sorted(names, key=rank)


def _gpkg_layer(gpkg: Path, name: str, display_name: str | None = None) -> QgsVectorLayer:
    return QgsVectorLayer(f"{gpkg}|layername={name}", display_name or name, "ogr")


# algorithm name → its outputs that have a style of their own in resources/styles: the same result looks the same
# from a dock, the toolbox, a model or a batch run
RESULT_STYLES = {
    "eligibility": {"ELIGIBLE": "eligibility_eligible", "EXCLUDED": "eligibility_excluded"},
    "eligibilityrobustness": {"OUTPUT": "eligibility_robustness"},
    "regionprofiles": {"ELIGIBLE": "eligibility_eligible", "TURBINES": "wind_turbines",
                       "HEAT_SUITABILITY": "heat_suitability"},
    "sitescore": {"OUTPUT": "site_score"},
    "pvyield": {"OUTPUT": "yield_sites"},
    "rooftoppv": {"ROOFS": "rooftop_suitability", "BUILDINGS_OUTPUT": "rooftop_suitability"},
    "windlayout": {"OUTPUT": "yield_sites", "TURBINES": "wind_turbines"},
    "zoningalternatives": {"ALLOCATION": "zoning_allocation", "FREQUENCY": "zoning_frequency"},
    "heatdensity": {"BLOCKS_OUTPUT": "heat_density", "STREETS_OUTPUT": "heat_line_density"},
    "heatsuitability": {"OUTPUT": "heat_suitability"},
}


def result_style(algorithm: str, output: str) -> str | None:
    """The style of output ``output`` of algorithm ``algorithm`` (its name without ``wip:``), if it has one."""
    return RESULT_STYLES.get(algorithm, {}).get(output)


def apply_style(layer: QgsMapLayer, style_name: str | None) -> bool:
    """Apply ``resources/styles/<style_name>.qml`` if the plugin ships one; True when a style was applied."""
    qml = STYLES_DIR / f"{style_name}.qml"
    if style_name is None or not qml.exists():
        return False
    _message, ok = layer.loadNamedStyle(str(qml))
    return ok


def add_gpkg_layers(project: QgsProject, gpkg: Path, group_name: str, names: list[str] | None = None) -> list:
    """Add the layers of ``gpkg`` (all, or ``names``) styled to a new top group of ``project``.

    The last named layer ends on top of the group, so pass names in drawing order."""
    names = names if names is not None else demo_layer_names(gpkg)
    group = project.layerTreeRoot().insertGroup(0, group_name)
    layers = []
    for name in names:
        layer = _gpkg_layer(gpkg, name)
        if not layer.isValid():
            raise ValueError(tr("Ebene „{name}“ fehlt in {gpkg}.").format(name=name, gpkg=gpkg))
        apply_style(layer, name)
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
        layers.append(layer)
    crs = next((layer.crs() for layer in layers if layer.crs().isValid()), None)
    if not project.crs().isValid() and crs is not None:  # as QGIS does for a new project: the data's, not none
        project.setCrs(crs)
    return layers


def load_demo(project: QgsProject) -> list:
    """Add the embedded demo municipality Hohenmölsen to ``project``."""
    return add_gpkg_layers(project, DEMO_GPKG, tr("Demogemeinde Hohenmölsen"))
