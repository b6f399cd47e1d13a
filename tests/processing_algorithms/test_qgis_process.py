"""The provider works headless through qgis_process (Debian: call qgis_process.bin, see DESIGN.md)."""

import json
import shutil
import subprocess

import pytest

from tests.conftest import REPO, subprocess_env, venv_site_packages

pytestmark = pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="qgis_process.bin not installed")


def qgis_process(*args, home):
    env = subprocess_env(QGIS_PLUGINPATH=str(REPO), HOME=str(home), QT_QPA_PLATFORM="offscreen",
                         PYTHONPATH=venv_site_packages())
    return subprocess.run(["qgis_process.bin", *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A fresh home, so enabling the plugin does not touch the developer's QGIS profile."""
    home = tmp_path_factory.mktemp("home")
    result = qgis_process("plugins", "enable", "wip_qgis_plugin", home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    return home


def test_provider_and_algorithms_are_listed(home):
    result = qgis_process("list", "--json", home=home)
    assert result.returncode == 0, result.stderr
    providers = json.loads(result.stdout[result.stdout.index("{"):])["providers"]
    assert providers["wip"]["name"] == "WIP Energie- und Raumplanung"
    assert "wip:eligibility" in providers["wip"]["algorithms"]


def test_eligibility_runs_headless_on_the_demo(home, tmp_path):
    demo = REPO / "wip_qgis_plugin" / "resources" / "demo" / "demo_hohenmoelsen.gpkg"
    layers = [f"CONSTRAINT_LAYERS={demo}|layername={name}" for name in ("synth_siedlung", "synth_gebaeude",
                                                                        "synth_wald", "synth_schutzgebiete")]
    out = tmp_path / "kulisse.gpkg"
    result = qgis_process("run", "wip:eligibility", "--json", "--", f"STUDY_AREA={demo}|layername=real_gemeinde",
                          "STUDY_ID_FIELD=AGS", "CATALOG=0", *layers, f"ELIGIBLE={out}",
                          f"EXCLUDED={tmp_path / 'ausschluss.gpkg'}", f"SUMMARY={tmp_path / 'bilanz.gpkg'}",
                          "MIN_AREA_HA=5", home=home)
    assert result.returncode == 0, result.stdout + result.stderr
    results = json.loads(result.stdout[result.stdout.index("{"):])["results"]
    assert 0 < results["ELIGIBLE_SHARE_PCT"] < 100
    assert out.exists() and results["ELIGIBLE"].startswith(str(out))
