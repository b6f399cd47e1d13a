"""The user manual: built by MkDocs (strict: a broken link fails), a page per algorithm in German and English that
names every parameter and output, the shipped catalogs with each criterion's legal basis, and the algorithms' help
buttons lead to their page in the plugin folder."""
import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication

from tools.docs import build
from wip_qgis_plugin import manual
from wip_qgis_plugin.core.catalog import load_catalog, shipped_catalogs
from wip_qgis_plugin.processing_algorithms.provider import ALGORITHM_CLASSES
from wip_qgis_plugin.qgis_io.compat import FLAG_HIDDEN


@pytest.fixture(scope="module")
def built(wip_processing, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("manual")
    assert build(out) == [out / "de" / "index.html", out / "en" / "index.html"]
    return out


def text_of(page: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("language, title", [("de", "Flächenkulisse ermitteln"), ("en", "Determine eligible land")])
def test_every_algorithm_has_a_page_naming_all_its_parameters(built, language, title):
    assert title in text_of(built / language / "algorithms" / "eligibility.html")
    for name in ALGORITHM_CLASSES:
        algorithm = QgsApplication.processingRegistry().algorithmById(f"wip:{name}")
        page = text_of(built / language / "algorithms" / f"{name}.html")
        missing = [parameter.name() for parameter in algorithm.parameterDefinitions()
                   if f" {parameter.name()} " not in page and not parameter.flags() & FLAG_HIDDEN]
        assert missing == [], f"{name} ({language}): {missing}"
        assert f"qgis_process run wip:{name}" in page


def test_catalog_pages_carry_every_criterions_legal_basis_and_status(built):
    for catalog_id, path in shipped_catalogs().items():
        page = text_of(built / "de" / "reference" / f"{catalog_id}.html")
        for criterion in load_catalog(path).criteria:
            assert criterion.legal_basis.replace("&", "&amp;") in page or criterion.legal_basis in page, criterion.id
        assert "ungeprüfter Standardwert" in page or "geprüft" in page


def test_the_written_pages_exist_in_both_languages_and_link_the_steps(built):
    for language in ("de", "en"):
        workflow = (built / language / "workflow.html").read_text(encoding="utf-8")
        for step in ("eligibility", "site_evaluation", "yield", "zoning", "heat", "balance"):
            assert f'id="{step}"' in workflow, (language, step)
        for page in ("index", "install", "catalogs", "faq"):
            assert (built / language / f"{page}.html").is_file()
    assert "Installation" in text_of(built / "en" / "install.html")


def test_help_buttons_open_the_algorithms_page(built, monkeypatch):
    monkeypatch.setattr(manual, "MANUAL_DIR", built)
    for name in ALGORITHM_CLASSES:
        url = QgsApplication.processingRegistry().createAlgorithmById(f"wip:{name}").helpUrl()
        assert url.startswith("file://") and url.endswith(f"/algorithms/{name}.html"), url
        assert Path(url.removeprefix("file://")).is_file()


def test_without_the_built_manual_there_is_no_dead_link(tmp_path, monkeypatch, wip_processing):
    monkeypatch.setattr(manual, "MANUAL_DIR", tmp_path)
    assert QgsApplication.processingRegistry().createAlgorithmById("wip:eligibility").helpUrl() == ""
    assert manual.manual_url("index") == ""


def test_the_six_steps_are_shown_with_pictures_of_real_docks(built):
    """The pictures are taken of the docks in real QGIS on the demo municipality, in the manual's language."""
    from qgis.PyQt.QtGui import QImage

    for language in ("de", "en"):
        workflow = (built / language / "workflow.html").read_text(encoding="utf-8")
        for key in ("assistant", "eligibility", "site_evaluation", "yield", "zoning", "heat", "balance"):
            assert f'src="img/{key}.png"' in workflow, (language, key)
            image = QImage(str(built / language / "img" / f"{key}.png"))
            assert image.width() >= 400 and image.height() >= 600, (language, key)


def test_every_default_is_listed_with_its_source_and_status(built):
    """The balance's assumptions as a run uses them and every sourced entry of the data files."""
    german = text_of(built / "de" / "assumptions.html")
    assert "Volllaststunden Bestand Windenergie" in german and "ungeprüfter Standardwert" in german
    for name in ("yield/pv_types.json", "yield/turbines.json", "zoning/uses.json", "heat/waermebedarf_lsa.json"):
        assert name in german
    assert "Technikkatalog Wärmeplanung" in german  # the heat typology's sources
    english = text_of(built / "en" / "assumptions.html")
    assert "Full-load hours of existing plants" in english
