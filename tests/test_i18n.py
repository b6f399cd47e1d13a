"""German source strings, a complete English translation, and the switch by the QGIS UI language."""

from qgis.core import QgsSettings

from tests.conftest import PLUGIN_DIR
from tools.i18n_extract import collect, existing_translations
from wip_qgis_plugin.core.i18n import tr
from wip_qgis_plugin.i18n import PluginTranslator

TS = PLUGIN_DIR / "resources" / "i18n" / "wip_en.ts"


def test_every_translatable_string_has_an_english_translation():
    translated = existing_translations(TS)
    untranslated = [(context, source) for context, sources in collect(PLUGIN_DIR).items() for source in sources
                    if (context, source) not in translated]
    assert untranslated == [], "run `make update-translations` and translate wip_en.ts"


def test_placeholders_survive_translation():
    for (_context, source), english in existing_translations(TS).items():
        assert sorted(_placeholders(source)) == sorted(_placeholders(english)), source


def _placeholders(text):
    import string

    return [field for _, field, _, _ in string.Formatter().parse(text) if field]


def test_language_follows_the_qgis_locale():
    translator = PluginTranslator()
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    try:
        settings.setValue("locale/userLocale", "en_GB")
        translator.install()
        assert tr("Planungsassistent") == "Planning assistant"
        translator.remove()
        settings.setValue("locale/userLocale", "de_DE")
        translator.install()
        assert tr("Planungsassistent") == "Planungsassistent"
    finally:
        translator.remove()
        settings.remove("locale/overrideFlag")
        settings.remove("locale/userLocale")
