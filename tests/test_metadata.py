"""metadata.txt carries what the official plugin repository requires and agrees with the project; the release
fields (author, email, addresses) are added from pyproject.toml when the zip is built."""

import configparser

import pytest
import tomllib

from tests.conftest import PLUGIN_DIR, REPO
from tools.package import Release

REQUIRED = ["name", "qgisMinimumVersion", "description", "about", "version", "category", "tags", "icon",
            "hasProcessingProvider", "qgisMaximumVersion"]


@pytest.fixture(scope="module")
def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_every_repository_field_is_present_and_the_release_fields_have_one_place(metadata):
    assert [field for field in REQUIRED if not metadata.get(field, "").strip()] == []
    assert [field for field in Release.__dataclass_fields__ if field in metadata] == []  # pyproject.toml has them


def test_values_match_the_supported_range_and_the_code(metadata):
    assert metadata["qgisMinimumVersion"] == "3.22"
    assert float(metadata["qgisMaximumVersion"]) >= 4.0
    assert "supportsQt6" not in metadata and metadata["experimental"] == "False"
    assert metadata["hasProcessingProvider"] == "yes"
    assert (PLUGIN_DIR / metadata["icon"]).is_file()
    about = metadata["about"]
    assert "Deutsch:" in about and "English:" in about


def test_version_is_the_projects_version_and_has_a_changelog_entry(metadata):
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert metadata["version"] == project["version"]
    assert metadata["changelog"].startswith(metadata["version"] + ":")
