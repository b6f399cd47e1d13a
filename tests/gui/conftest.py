"""The docks are tested in German, the language of the source strings, whatever the machine's locale."""

import pytest
from qgis.core import QgsSettings


@pytest.fixture(autouse=True)
def german_qgis(qgis_app):
    settings = QgsSettings()
    before = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_DE")
    yield
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
