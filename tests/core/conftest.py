"""Fixtures of the QGIS-free core tests."""

import pytest

from wip_qgis_plugin.core import i18n


@pytest.fixture
def german():
    """The test runs in German and leaves the translator as it found it."""
    previous = i18n.current_translator()
    i18n.set_translator(lambda text: text, "de")
    yield
    i18n.set_translator(*previous)
