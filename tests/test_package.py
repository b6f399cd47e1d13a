"""The plugin zip for the official repository: checked as the repository's upload validator checks it, and it installs
and starts in a fresh QGIS profile."""

import json
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import subprocess_env
from tools.package import Release, build, check, release_from_pyproject

RELEASE = Release(author="Planungsbüro Muster", email="plugin@hohenmoelsen.de",
                  homepage="https://wip-planung.github.io/wip_qgis_plugin/",
                  repository="https://github.com/wip-planung/wip_qgis_plugin",
                  tracker="https://github.com/wip-planung/wip_qgis_plugin/issues")


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("package") / "wip_qgis_plugin.zip"
    build(out, RELEASE)
    return out


def test_the_built_zip_passes_the_repository_checks_with_the_release_fields(plugin_zip):
    assert check(plugin_zip) == []
    metadata = zipfile.ZipFile(plugin_zip).read("wip_qgis_plugin/metadata.txt").decode()
    assert "email=plugin@hohenmoelsen.de\n" in metadata and "homepage=https://wip-planung.github.io" in metadata


def test_release_fields_come_from_pyproject_and_placeholders_are_refused(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nauthors = [{name = "A/B", email = "wip@example.org"}]\n[project.urls]\n'
                         'Repository = "https://github.com/x/y"\nHomepage = "https://github.com/x/y/"\n',
                         encoding="utf-8")
    release = release_from_pyproject(pyproject)
    assert (release.author, release.email, release.tracker) == ("A/B", "wip@example.org", "")
    assert sorted(release.problems()) == sorted([
        "tracker is missing", "email 'wip@example.org' is not a deliverable address", "author must not contain '/'",
        "homepage equals repository: it is to lead to the manual"])
    assert RELEASE.problems() == []


def rezipped(plugin_zip, tmp_path, change) -> list[str]:
    """The checks' findings on a copy of the zip with ``change(members)`` applied to its {name: bytes}."""
    members = {name: zipfile.ZipFile(plugin_zip).read(name) for name in zipfile.ZipFile(plugin_zip).namelist()}
    change(members)
    out = tmp_path / "changed.zip"
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return check(out)


@pytest.mark.parametrize("change, finding", [
    (lambda m: m.pop("wip_qgis_plugin/LICENSE"), "LICENSE missing"),
    (lambda m: m.update({"wip_qgis_plugin/.env": b"x"}), "wip_qgis_plugin/.env: hidden file"),
    (lambda m: m.update({"wip_qgis_plugin/lib/fast.so": b"\x7fELF..."}), "lib/fast.so: executable or binary"),
    (lambda m: m.update({"wip_qgis_plugin/tool": b"MZ\x90\x00"}), "wip_qgis_plugin/tool: executable or binary"),
    (lambda m: m.update({"wip_qgis_plugin/__pycache__/a.pyc": b""}), "cache or version-control file"),
    (lambda m: m.update({"other/readme.txt": b""}), "one top folder expected"),
    (lambda m: m.update({"wip_qgis_plugin/metadata.txt": m["wip_qgis_plugin/metadata.txt"].replace(
        b"experimental=False", b"experimental=True")}), "experimental=True hides the plugin"),
    (lambda m: m.update({"wip_qgis_plugin/metadata.txt": m["wip_qgis_plugin/metadata.txt"].replace(
        b"plugin@hohenmoelsen.de", b"wip-plugin@example.org")}), "not a deliverable address"),
    (lambda m: m.update({"wip_qgis_plugin/metadata.txt": m["wip_qgis_plugin/metadata.txt"].replace(
        b"[general]", b"[general]\nsupportsQt6=yes")}), "supportsQt6 is deprecated"),
    (lambda m: m.update({"wip_qgis_plugin/metadata.txt": m["wip_qgis_plugin/metadata.txt"].replace(
        b"\nauthor=", b"\nwriter=")}), "metadata.txt: author missing"),
    (lambda m: m.update({"wip_qgis_plugin/big.bin": bytes(26_000_000)}), "the repository takes 25 MB"),
])
def test_what_the_repository_refuses_is_found(plugin_zip, tmp_path, change, finding):
    findings = rezipped(plugin_zip, tmp_path, change)
    assert any(finding in line for line in findings), findings


def test_zip_has_one_top_folder_and_nothing_that_does_not_ship(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {name.split("/")[0] for name in names} == {"wip_qgis_plugin"}
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts")) or "/." in n]
    assert not [n for n in names if n.startswith("wip_qgis_plugin/tests")]
    for required in ("LICENSE", "metadata.txt", "__init__.py", "resources/icons/wip.svg", "resources/i18n/wip_en.qm",
                     "resources/demo/demo_hohenmoelsen.gpkg"):
        assert f"wip_qgis_plugin/{required}" in names
    licence = zipfile.ZipFile(plugin_zip).read("wip_qgis_plugin/LICENSE").decode()
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2" in licence


def test_unpacked_zip_imports_and_starts_in_a_fresh_profile(plugin_zip, tmp_path):
    """A fresh interpreter with only the unpacked zip on its path loads, starts and unloads the plugin."""
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    script = f"""
import json, sys
sys.path.insert(0, {str(plugins)!r})
from qgis.core import QgsApplication
from qgis.testing.mocked import get_iface
app = QgsApplication([], False, {str(tmp_path / 'profiles')!r})
app.initQgis()
import wip_qgis_plugin
assert wip_qgis_plugin.__file__.startswith({str(plugins)!r}), wip_qgis_plugin.__file__
plugin = wip_qgis_plugin.classFactory(get_iface())
plugin.initProcessing()
provider = QgsApplication.processingRegistry().providerById("wip")
print(json.dumps({{"provider": provider.name(), "algorithms": [a.id() for a in provider.algorithms()]}}))
plugin.unload()
"""
    env = subprocess_env(QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded["provider"] == "WIP Energie- und Raumplanung"
    assert "wip:eligibility" in loaded["algorithms"]


def test_shipped_files_cite_nothing_the_user_does_not_have(plugin_zip):
    """Every source a planner may cite is literal in the plugin: no pointer to the project's working notes or to any
    path above the plugin folder."""
    archive = zipfile.ZipFile(plugin_zip)
    pointers = [name for name in archive.namelist() if name.endswith((".py", ".json", ".qml", ".ui", ".txt"))
                and any(marker in archive.read(name).decode("utf-8") for marker in ("DOMAIN", "DESIGN.md", "../"))]
    assert pointers == []
