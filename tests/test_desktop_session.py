"""End to end: the real QGIS desktop under Xvfb, the plugin installed from the built zip into a fresh profile, German
UI, the demo loaded with the Planungsassistent's button, and all six steps run with their defaults through the docks'
own buttons. Fails on any Python exception or error dialog, on a step that reports failure, on an empty or unstyled
result, and on a Zukunftsprofil whose PDF pages do not render.

The session inside QGIS is tests/desktop/session_script.py; it writes session.json, a screenshot of the screen and of
the dock per step into the test's temporary folder (kept by pytest; set WIP_DESKTOP_ARTEFACTS=<dir> to get a copy
elsewhere, e.g. /tmp/wip-desktop-session)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import subprocess_env, venv_site_packages
from tools.package import build, release_from_pyproject
from tools.qgis_desktop import fresh_profile, run_desktop

SCRIPT = Path(__file__).parent / "desktop" / "session_script.py"
SESSION_TIMEOUT_S = 300  # inside QGIS; the process as a whole gets a minute more to start and end
PROCESS_TIMEOUT_S = SESSION_TIMEOUT_S + 90
STEP_KEYS = ["eligibility", "site_evaluation", "yield", "zoning", "heat", "balance"]

pytestmark = [
    pytest.mark.desktop,
    pytest.mark.skipif(not shutil.which("xvfb-run") or not shutil.which("qgis"),
                       reason="needs the QGIS desktop (qgis) and Xvfb (xvfb-run); `make setup` installs both"),
]


def run_qgis(work: Path, out: Path) -> tuple[int | None, float, str]:
    """QGIS with the session script under Xvfb; (return code or None on timeout, seconds, tail of its output)."""
    home = work / "home"  # an unsaved project's results go under ~/Documents: not the user's
    (home / "Documents").mkdir(parents=True)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    env = subprocess_env(PYTHONPATH=venv_site_packages(), HOME=str(home), XDG_RUNTIME_DIR=str(runtime),
                         WIP_SESSION_OUT=str(out), WIP_SESSION_TIMEOUT=str(SESSION_TIMEOUT_S))
    for name in ("QT_QPA_PLATFORM", "QGIS_PLUGINPATH", "QGIS_PREFIX_PATH"):
        env.pop(name, None)  # the real window, and the plugin from the profile only
    log = work / "qgis.log"
    started = time.monotonic()
    code = run_desktop(work, SCRIPT, env, log, PROCESS_TIMEOUT_S)
    tail = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    return code, time.monotonic() - started, tail


def pdf_pages(pdf: Path, into: Path) -> list[tuple[int, float]]:
    """Render every page of ``pdf`` at low resolution, with pdftoppm where it is installed, else with GDAL's PDF
    driver (Debian's GDAL reads PDFs with poppler); (ink pixels, share of ink) per page."""
    import numpy as np
    from osgeo import gdal

    gdal.UseExceptions()
    into.mkdir(parents=True, exist_ok=True)
    rasters = []
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(into / "page")], check=True, timeout=120)
        rasters = [gdal.Open(str(png)).ReadAsArray() for png in sorted(into.glob("page*.png"))]
    else:
        document = gdal.OpenEx(str(pdf), open_options=["DPI=30"])
        pages = [name for key, name in document.GetMetadata("SUBDATASETS").items() if key.endswith("_NAME")]
        for name in pages or [str(pdf)]:
            rasters.append(gdal.OpenEx(name, open_options=["DPI=30"]).ReadAsArray())
    results = []
    for raster in rasters:
        raster = np.asarray(raster)
        colour = raster[:3] if raster.ndim == 3 else raster[None]
        ink = int(np.count_nonzero((colour < 200).any(axis=0)))  # anything darker than paper
        results.append((ink, ink / colour[0].size))
    return results


def problems_of(session: dict) -> list[str]:
    """Every problem of the session as one line each (step, what)."""
    lines = []
    for error in session["errors"]:
        lines.append(f"[{error['step']}] {error['kind']}: {error['text'].strip()}")
    for step in session["steps"]:
        lines += [f"[{step['key']}] {problem}" for problem in step["problems"]]
    return lines


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """One QGIS session for all checks of this module: session.json and the artefacts' folder."""
    work = tmp_path_factory.mktemp("desktop")
    plugin_zip = work / "wip_qgis_plugin.zip"
    build(plugin_zip, release_from_pyproject())
    fresh_profile(work, "de_DE", plugin_zip)
    out = work / "artefacts"
    code, seconds, tail = run_qgis(work, out)
    if out.exists():
        shutil.copy(work / "qgis.log", out / "qgis.log")
        copy = os.environ.get("WIP_DESKTOP_ARTEFACTS")  # pytest keeps only its last three temporary folders
        if copy:
            shutil.copytree(out, Path(copy), dirs_exist_ok=True)
    result = out / "session.json"
    if code is None and not result.exists():
        pytest.fail(f"QGIS did not end within {PROCESS_TIMEOUT_S} s and wrote no result; artefacts in {out}; "
                    f"its output ends:\n{tail}")
    assert result.exists(), f"QGIS ended ({code}) without the session's result; artefacts in {out}; output:\n{tail}"
    data = json.loads(result.read_text(encoding="utf-8"))
    data.update(exit_code=code, process_seconds=round(seconds, 1), output_tail=tail, artefacts=str(out))
    print(f"\nQGIS desktop session: {seconds:.0f} s, steps " +
          ", ".join(f"{s['key']} {s.get('seconds', '?')} s" for s in data["steps"]) + f"; artefacts in {out}")
    for warning in data["warnings"]:  # not failures, but worth a look
        print(f"  [{warning['step']}] {warning['kind']}: {warning['text'].strip()[:300]}")
    return data


def test_the_plugin_from_the_zip_loads_in_german(session):
    assert session["plugin_loaded"], session.get("plugin_error")
    assert "/profiles/default/python/plugins/wip_qgis_plugin/" in session.get("plugin_file", ""), session.get(
        "plugin_file")
    assert session["locale"] == "de_DE"
    assert session["assistant_steps"][:2] == ["Daten", "1. Flächenkulisse"] and len(session["assistant_steps"]) == 7
    assert session["actions"]["assistant"] == "Planungsassistent"


def test_the_demo_loads_with_the_assistants_button(session):
    demo = session.get("demo")
    assert demo, "the demo was not loaded: " + "\n".join(problems_of(session))
    assert demo["errors"] == []
    assert len(demo["layers"]) > 10 and all(layer["valid"] for layer in demo["layers"])
    assert any(layer["name"] == "real_gemeinde" for layer in demo["layers"])


def test_the_data_step_shows_what_was_found_for_each_criterion(session):
    data = session.get("data_step")
    assert data, "the Daten step did not open: " + "\n".join(problems_of(session))
    assert data["errors"] == [] and data["title"] == "Daten"
    assert data["rows"] == 29 and "Kriterien haben Daten" in data["coverage"]  # the wind catalog's criteria


def test_all_six_steps_run_with_their_defaults_without_errors(session):
    """Each step: no Python error, no dialog, no failure in its headline, its result layers valid, non-empty and
    styled as the plugin ships them."""
    assert [step["key"] for step in session["steps"]] == STEP_KEYS, problems_of(session)
    problems = problems_of(session)
    assert session["finished"] and not problems, (
        f"{len(problems)} problem(s) in the QGIS session (artefacts: {session['artefacts']}):\n" + "\n".join(problems))
    for step in session["steps"]:
        assert step["ok"] and step["layers"], step
        assert all(Path(shot).stat().st_size > 0 for shot in step["screenshots"])


def test_no_dock_scrolls_sideways_at_the_width_of_the_manuals_pictures(session):
    """Each dock, photographed at 520 × 740 with its step's data and results, fits its form to the width; only
    its height scrolls (a long entry in a combo box once widened the Standortbewertung)."""
    assert len(session["steps"]) == len(STEP_KEYS), problems_of(session)
    assert session["too_wide"] == {}


def test_the_zukunftsprofil_pdf_renders(session, tmp_path):
    report = session.get("report")
    assert report, "the balance step wrote no report: " + "\n".join(problems_of(session))
    html, pdf = Path(report["html"]), Path(report["pdf"])
    assert html.stat().st_size > 0 and "<html" in html.read_text(encoding="utf-8", errors="replace").lower()
    assert pdf.stat().st_size > 0 and pdf.read_bytes()[:5] == b"%PDF-"
    pages = pdf_pages(pdf, tmp_path / "pages")
    assert pages, "the PDF has no page"
    assert all(ink > 0 for ink, _share in pages), f"blank page(s): {pages}"


def test_loading_the_demo_shows_the_municipality(session):
    """The assistant zooms the map to the municipality (plus 1 km), not to everything the demo holds (the
    transmission lines reach far beyond it)."""
    demo = session.get("demo", {})
    assert "canvas_extent" in demo, "the demo's municipality real_gemeinde was not loaded"
    view, municipality = demo["canvas_extent"], demo["municipality_extent"]
    inside = view[0] <= municipality[0] and view[1] <= municipality[1] and view[2] >= municipality[2] \
        and view[3] >= municipality[3]
    ratio = min((view[2] - view[0]) / (municipality[2] - municipality[0]),
                (view[3] - view[1]) / (municipality[3] - municipality[1]))
    assert inside and ratio < 2, (f"after „Demodaten laden“ the map shows {view} at 1:{demo['canvas_scale']:.0f}, "
                                  f"the municipality is {municipality}: {ratio:.1f} times its size")


def test_qgis_ends_cleanly(session):
    """Unloading the plugin and quitting QGIS raise nothing and do not crash."""
    assert not [e for e in session["errors"] if e["step"] in ("unload", "end")]
    assert session["exit_code"] == 0, f"QGIS exited with {session['exit_code']}:\n{session['output_tail']}"
