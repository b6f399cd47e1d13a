"""Every shipped style matches the fields and values of the layer it styles: its renderer and labels name only
fields the layer has, and every feature falls into one of its categories or classes (nothing is drawn blank)."""

from pathlib import Path

import processing
import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
)

from tests.processing_algorithms.conftest import ALGORITHMS, Workspace
from wip_qgis_plugin.qgis_io.project import RESULT_STYLES, STYLES_DIR, apply_style

# result style → the outputs of the workspace's runs it styles (algorithm:OUTPUT); the demo layers' styles carry the
# demo table's name (an output the demo run does not make, like the LoD2 roof surfaces, is checked by its own tests)
RESULT_OUTPUTS = {}
for algorithm, outputs in RESULT_STYLES.items():
    for output, result in outputs.items():
        if output in ALGORITHMS[algorithm].outputs:
            RESULT_OUTPUTS.setdefault(result, []).append(f"{algorithm}:{output}")
STYLES = sorted(path.stem for path in Path(STYLES_DIR).glob("*.qml"))


def styled_layers(space: Workspace, style: str) -> list[str]:
    references = RESULT_OUTPUTS.get(style, [f"demo:{style}"])
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


@pytest.mark.parametrize("algorithm", RESULT_STYLES)
def test_outputs_loaded_by_processing_carry_their_style(workspace, tmp_path, algorithm):
    """Run as from the toolbox (results loaded into the project): each styled output looks as the dock shows it."""
    parameters = workspace.parameters(algorithm, tmp_path)
    processing.runAndLoadResults(f"wip:{algorithm}", dict(parameters))  # it rewrites the outputs
    project = QgsProject.instance()
    try:
        for output, style in RESULT_STYLES[algorithm].items():
            if output not in parameters:
                continue
            path = parameters[output]
            loaded = [layer for layer in project.mapLayers().values() if layer.source().startswith(path)]
            assert len(loaded) == 1, f"{output}: {[layer.source() for layer in project.mapLayers().values()]}"
            reference = QgsVectorLayer(loaded[0].source(), "reference", "ogr")
            assert apply_style(reference, style)
            assert loaded[0].renderer().type() == reference.renderer().type()
            assert loaded[0].renderer().usedAttributes(QgsRenderContext()) == \
                reference.renderer().usedAttributes(QgsRenderContext())
            assert loaded[0].renderer().dump() == reference.renderer().dump()
    finally:
        project.removeAllMapLayers()


def test_a_models_output_carries_the_style_of_its_algorithm(workspace, tmp_path):
    """A graphical model whose output is the heat-network suitability: loaded styled, as from the toolbox."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
    )

    model = QgsProcessingModelAlgorithm("eignung", "wip")
    child = QgsProcessingModelChildAlgorithm("wip:heatsuitability")
    child.setChildId("eignung")
    for name, value in workspace.parameters("heatsuitability", tmp_path).items():
        if name != "OUTPUT":
            child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    output = QgsProcessingModelOutput("Eignung")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"Eignung": output})
    model.addChildAlgorithm(child)
    path = str(tmp_path / "modell_eignung.gpkg")
    processing.runAndLoadResults(model, {"eignung:Eignung": path})
    project = QgsProject.instance()
    try:
        loaded = [layer for layer in project.mapLayers().values() if layer.source().startswith(path)]
        assert len(loaded) == 1
        reference = QgsVectorLayer(loaded[0].source(), "reference", "ogr")
        assert apply_style(reference, RESULT_STYLES["heatsuitability"]["OUTPUT"])
        assert loaded[0].renderer().dump() == reference.renderer().dump()
    finally:
        project.removeAllMapLayers()
