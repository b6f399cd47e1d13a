"""How the algorithms present themselves in the Processing toolbox: groups in workflow order, help texts that
survive Processing's HTML rendering."""

import re

import pytest

from wip_qgis_plugin.core.workflow import numbered_titles
from wip_qgis_plugin.processing_algorithms.provider import algorithm_classes


def test_groups_sort_in_workflow_order():
    groups = {cls().group() for cls in algorithm_classes()}
    assert sorted(groups) == list(numbered_titles().values()) == sorted(numbered_titles().values())
    assert sorted(groups)[0] == "1. Flächenkulisse"


@pytest.mark.parametrize("algorithm_class", algorithm_classes(), ids=lambda cls: cls.algorithm_id)
def test_help_and_labels_hold_no_text_that_reads_as_markup(algorithm_class):
    """The help panel renders HTML: "dist_<Ebene>_m" would lose "<Ebene>"."""
    algorithm = algorithm_class()
    algorithm.initAlgorithm()
    texts = [algorithm.shortHelpString()] + [definition.description()
                                              for definition in algorithm.parameterDefinitions()]
    assert not [text for text in texts if re.search(r"<[^<>]*>", text)]
