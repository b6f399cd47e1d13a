"""Every shipped style matches the fields and values of the layer it styles: its renderer and labels name only
fields the layer has, and every feature falls into one of its categories or classes (nothing is drawn blank)."""

from pathlib import Path

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsRenderContext,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import Workspace
from wip_qgis_plugin.qgis_io.project import STYLES_DIR

# result style → the outputs it styles (algorithm:OUTPUT); the demo layers' styles carry the demo table's name
RESULT_STYLES = {
    "eligibility_eligible": ["eligibility:ELIGIBLE"],
    "eligibility_excluded": ["eligibility:EXCLUDED"],
    "site_score": ["sitescore:OUTPUT"],
    "yield_sites": ["pvyield:OUTPUT", "windlayout:OUTPUT"],
    "wind_turbines": ["windlayout:TURBINES"],
    "zoning_allocation": ["zoningalternatives:ALLOCATION"],
    "zoning_frequency": ["zoningalternatives:FREQUENCY"],
    "heat_density": ["heatdensity:BLOCKS_OUTPUT"],
    "heat_line_density": ["heatdensity:STREETS_OUTPUT"],
    "heat_suitability": ["heatsuitability:OUTPUT"],
}
STYLES = sorted(path.stem for path in Path(STYLES_DIR).glob("*.qml"))


def styled_layers(space: Workspace, style: str) -> list[str]:
    references = RESULT_STYLES.get(style, [f"demo:{style}"])
    return [space.source(reference) for reference in references]


@pytest.mark.parametrize("style", STYLES)
def test_style_matches_its_layer(workspace, style):
    for source in styled_layers(workspace, style):
        layer = QgsVectorLayer(source, style, "ogr")
        assert layer.isValid() and layer.featureCount() > 0, f"{style}: no layer {source}"
        message, ok = layer.loadNamedStyle(str(Path(STYLES_DIR) / f"{style}.qml"))
        assert ok, message
        names = set(layer.fields().names())
        renderer = layer.renderer()
        used = renderer.usedAttributes(QgsRenderContext())
        assert used <= names, f"{style}: the renderer uses {sorted(used - names)}, the layer has {sorted(names)}"
        if layer.labelsEnabled():
            label_fields = layer.labeling().settings().referencedFields(QgsRenderContext())
            assert label_fields <= names, f"{style}: labels use {sorted(label_fields - names)}"
        if isinstance(renderer, QgsCategorizedSymbolRenderer):
            values = {str(category.value()) for category in renderer.categories()}
            if "" not in values:  # no catch-all category: every value must have its own
                found = {str(value) for value in layer.uniqueValues(layer.fields().indexOf(renderer.classAttribute()))}
                assert found <= values, f"{style}: values without a category {sorted(found - values)}"
        if isinstance(renderer, QgsGraduatedSymbolRenderer):
            assert renderer.ranges(), f"{style}: no classes"
            assert layer.fields().field(renderer.classAttribute()).isNumeric()
