"""QGIS 4 runs on Qt6: the official migration script (qgis-pyqt5to6, as the plugin repository runs it) finds nothing
to change in the plugin, so the repository marks it Qt6-compatible."""
import shutil
import subprocess

from tests.conftest import PLUGIN_DIR, REPO

TOOL = REPO / ".venv-qt6" / "bin" / "pyqt5to6"  # installed by tools/setup_env.sh
BANNER = "QGIS classes not available for introspection, only a partial upgrade will be performed"


def test_the_qt6_migration_script_runs_clean(tmp_path):
    """It rewrites files in place, so on a copy: it must neither fail, warn, nor change a file."""
    copy = tmp_path / PLUGIN_DIR.name
    shutil.copytree(PLUGIN_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([str(TOOL), str(copy)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    findings = [line for line in (result.stdout + result.stderr).splitlines() if line.strip() and line != BANNER]
    assert result.returncode == 0 and findings == [], findings
    changed = subprocess.run(["diff", "-r", str(PLUGIN_DIR), str(copy), "-x", "__pycache__"], capture_output=True,
                             text=True)
    assert changed.returncode == 0, changed.stdout[:3000]
