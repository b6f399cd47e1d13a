"""The provider works headless through qgis_process (on Debian the binary qgis_process.bin: the wrapper passes an
option the binary rejects), and runs killed at any moment leave nothing behind."""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import signal
import subprocess
import time

import pytest
from qgis.core import QgsVectorLayer

from tests.conftest import REPO, subprocess_env, venv_site_packages

pytestmark = pytest.mark.skipif(not shutil.which("qgis_process.bin"), reason="qgis_process.bin not installed")


def qgis_process_env(home) -> dict:
    return subprocess_env(QGIS_PLUGINPATH=str(REPO), HOME=str(home), QT_QPA_PLATFORM="offscreen",
                          PYTHONPATH=venv_site_packages())


def qgis_process(*args, home):
    return subprocess.run(["qgis_process.bin", *args], capture_output=True, text=True, env=qgis_process_env(home),
                          timeout=300)


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


DEMO = REPO / "wip_qgis_plugin" / "resources" / "demo" / "demo_hohenmoelsen.gpkg"
KILLED_RUNS = {
    # algorithm: (its arguments given the demo copy and the workspace of valid runs, its output files)
    "heatdemand": (lambda demo, space: [f"BUILDINGS={demo}|layername=synth_gebaeude"], {"OUTPUT": "bedarf.gpkg"}),
    "eligibility": (lambda demo, space: [f"STUDY_AREA={demo}|layername=real_gemeinde", "CATALOG=0", "MIN_AREA_HA=5"]
                    + [f"CONSTRAINT_LAYERS={demo}|layername={name}" for name in ("synth_siedlung", "synth_gebaeude",
                                                                                 "synth_wald", "synth_strassen")],
                    {"ELIGIBLE": "geeignet.gpkg", "EXCLUDED": "ausschluss.gpkg", "SUMMARY": "bilanz.gpkg"}),
    "futureprofile": (lambda demo, space: [f"MUNICIPALITY={demo}|layername=real_gemeinde"] + [
        f"{name}={space.source(f'energybalance:{name}')}" for name in ("BALANCE", "INDICATORS", "ASSUMPTIONS")],
        {"OUTPUT_HTML": "profil.html", "OUTPUT_PDF": "profil.pdf"}),
}


def complete(path) -> bool:
    """Whether an output file is whole: a GeoPackage that opens, an HTML page to its end, a PDF to its trailer."""
    if path.suffix == ".gpkg":
        return QgsVectorLayer(str(path), "fertig", "ogr").isValid()
    if path.suffix == ".html":
        return path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    if path.suffix == ".pdf":
        return path.read_bytes().rstrip().endswith(b"%%EOF")
    return path.stat().st_size > 0


def shaping(temp) -> bool:
    """Whether a run has begun writing an output into its temporary folder (folders come and go meanwhile)."""
    try:
        return any(temp.rglob("ergebnis*"))
    except FileNotFoundError:
        return False


def kill_when(run, ready, delay: float | None, sig) -> None:
    """Kill ``run`` ``delay`` seconds after its start, or (None) the moment ``ready()`` holds."""
    started = time.monotonic()
    while run.poll() is None:
        if (delay is None and ready()) or (delay is not None and time.monotonic() - started >= delay):
            run.send_signal(sig)
            return
        time.sleep(0.002)


@pytest.mark.parametrize("algorithm", KILLED_RUNS)
def test_killed_runs_leave_nothing_behind(home, workspace, tmp_path, algorithm):
    """Runs killed the moment they start writing their outputs and at seeded random moments (SIGTERM and SIGKILL
    by turns): the input stays byte-identical, and the output folder holds nothing or, when the run had finished,
    every output."""
    demo = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, demo)
    checksum = hashlib.sha256(demo.read_bytes()).hexdigest()
    arguments, outputs = KILLED_RUNS[algorithm]
    generator = random.Random(algorithm)
    moments = [None, None] + [generator.uniform(0.3, 4.0) for _ in range(3)]
    for number, delay in enumerate(moments):
        out, temp = tmp_path / f"lauf{number}", tmp_path / f"tmp{number}"  # temp: where the outputs take shape
        out.mkdir()
        temp.mkdir()
        env = dict(qgis_process_env(home), TMPDIR=str(temp))
        run = subprocess.Popen(["qgis_process.bin", "run", f"wip:{algorithm}", "--", *arguments(demo, workspace),
                                *[f"{name}={out / file}" for name, file in outputs.items()]],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        kill_when(run, lambda out=out, temp=temp: any(out.iterdir()) or shaping(temp), delay,
                  signal.SIGKILL if number % 2 else signal.SIGTERM)
        finished = run.wait(timeout=120) == 0
        left = sorted(path.name for path in out.iterdir())
        # a run killed after its last output was moved into place, on its way out, has left every output complete
        assert left == sorted(outputs.values()) if finished else left in ([], sorted(outputs.values())), (delay, left)
        assert all(complete(out / name) for name in left), (delay, left)
        if delay is None:
            assert not finished, "the run ended before it wrote anything"
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == checksum
