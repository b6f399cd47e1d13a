"""A fresh QGIS profile for runs of the real desktop under Xvfb (the manual's pictures, the end-to-end test): the
plugin enabled, the UI language set, no first-run questions, no version check or news feed."""
from __future__ import annotations

import os
import signal
import subprocess
import zipfile
from pathlib import Path

SCREEN = "1366x768x24"  # the laptop screen the docks are made for


def fresh_profile(root: Path, locale: str, plugin_zip: Path | None = None) -> Path:
    """The profile ``root/profiles/default`` (pass ``root`` to ``qgis --profiles-path``), with the plugin unpacked
    from ``plugin_zip`` when given (else QGIS finds it through QGIS_PLUGINPATH); returns the profile folder."""
    profile = root / "profiles" / "default"
    (profile / "QGIS").mkdir(parents=True)
    if plugin_zip is not None:
        plugins = profile / "python" / "plugins"
        plugins.mkdir(parents=True)
        with zipfile.ZipFile(plugin_zip) as archive:
            archive.extractall(plugins)
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nwip_qgis_plugin=true\n[qgis]\ncheckVersion=false\nshowTips=false\n"
        "allowVersionCheck=false\n[core]\nfirstRun=false\n"
        f"[locale]\noverrideFlag=true\nuserLocale={locale}\nglobalLocale={locale}\n"
        "[app]\nnewsFeed/httpsfeedqgisorg/disabled=true\n", encoding="utf-8")
    return profile


def run_desktop(profiles_root: Path, script: Path, env: dict, log: Path, timeout_s: float) -> int | None:
    """QGIS on a virtual 1,366 × 768 screen with ``script`` run once it is up, its output into ``log``; the exit
    code, or None when it had to be stopped after ``timeout_s`` (QGIS, Xvfb and all, not just the wrapper)."""
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", "qgis", "--nologo", "--noversioncheck",
               "--profiles-path", str(profiles_root), "--code", str(script)]  # QGIS adds "profiles/"
    with open(log, "wb") as output:
        process = subprocess.Popen(command, env=env, cwd=profiles_root, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # its own process group, to be stopped as one
        try:
            return process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return _stop(process)
        except BaseException:  # an interrupted test must not leave QGIS and Xvfb running
            _stop(process)
            raise


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
