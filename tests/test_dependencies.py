"""The dependency guard: what is missing is named with a command that installs it here, and the plugin loads and
explains itself with any one of its packages hidden."""
import json
import subprocess
import sys
import textwrap

import numpy
import pytest

from tests.conftest import REPO, subprocess_env
from wip_qgis_plugin.dependencies import REQUIREMENTS, Requirement, install_commands, install_hint, missing_requirements
from wip_qgis_plugin.processing_algorithms.provider import ALGORITHM_CLASSES


def test_installed_requirements_are_not_reported():
    assert missing_requirements(REQUIREMENTS) == []


def test_missing_and_outdated_packages_are_named():
    missing = missing_requirements((Requirement("no_such_module_wip", "nosuchpkg", "python3-nosuchpkg"),
                                    Requirement("numpy", "numpy", "python3-numpy", (999,))))
    assert [req.pip_name for req, _ in missing] == ["nosuchpkg", "numpy"]
    assert "mindestens 999" in missing[1][1]
    assert "nosuchpkg (nicht installiert)" in install_hint(missing, "Linux")


def by_name(*names):
    return [(req, "nicht installiert") for req in REQUIREMENTS if req.pip_name in names]


def test_debian_takes_what_its_distribution_has_and_builds_shapely_against_the_geos_of_qgis():
    """Debian 12's shapely is 1.8 (too old): apt for pandas and scipy, pip --user for shapely from source."""
    apt, pip = install_commands(by_name("pandas", "shapely", "scipy"), "Linux")
    assert apt.startswith("sudo apt install python3-pandas python3-scipy libgeos-dev")
    assert "--user --no-binary shapely" in pip and '"shapely>=2.0"' in pip and "pandas" not in pip
    assert f'"numpy=={numpy.__version__}"' in pip  # QGIS keeps its numpy
    assert install_commands(by_name("scipy"), "Linux") == ["sudo apt install python3-scipy"]


def test_windows_and_macos_install_into_the_python_of_qgis_keeping_its_numpy():
    windows, = install_commands(by_name("geopandas", "pandas"), "Windows")
    assert windows == f'python -m pip install "pandas>=1.4" "geopandas>=0.14" "numpy=={numpy.__version__}"'
    mac, = install_commands(by_name("geopandas"), "Darwin")
    assert mac.endswith(f' -m pip install --user "geopandas>=0.14" "numpy=={numpy.__version__}"')


# QGIS with a main window of its own and the plugin loaded as QGIS loads it
LOAD_PLUGIN = """
from qgis.core import QgsApplication, QgsProcessingContext
from qgis.PyQt.QtWidgets import QMainWindow, QToolBar
app = QgsApplication([], True)
app.initQgis()
from qgis.core import QgsSettings
QgsSettings().setValue("locale/overrideFlag", True)
QgsSettings().setValue("locale/userLocale", "de_DE")
from qgis.gui import QgsMessageBar
from unittest import mock
window = QMainWindow()
bar = QgsMessageBar()
iface = mock.Mock()
iface.mainWindow.return_value = window
iface.messageBar.return_value = bar
iface.addToolBar.side_effect = lambda title: window.addToolBar(title)
import wip_qgis_plugin
plugin = wip_qgis_plugin.classFactory(iface)
plugin.initGui()
"""
START_WITHOUT = """
import importlib.abc, json, sys
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] == {hidden!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
for name in [name for name in sys.modules if name.split(".")[0] == {hidden!r}]:
    del sys.modules[name]
sys.meta_path.insert(0, Hide())
""" + LOAD_PLUGIN + """
provider = QgsApplication.processingRegistry().providerById("wip")
algorithms = provider.algorithms()
ok, reason = algorithms[0].canExecute()
from wip_qgis_plugin.gui.dependency_dialog import DependencyDialog
dialog = DependencyDialog(window)
print(json.dumps({{"algorithms": len(algorithms), "names": [a.displayName() for a in algorithms],
                   "groups": sorted({{a.group() for a in algorithms}}),
                   "can_execute": ok, "reason": reason, "actions": sorted(plugin.actions),
                   "toolbar": [a.text() for a in window.findChild(QToolBar, "WipToolbar").actions()],
                   "bar": bar.currentItem().text() if bar.currentItem() else "",
                   "dialog": dialog.summary.text(), "commands": dialog.commands.toPlainText(),
                   "loaded_hidden": {hidden!r} in sys.modules}}))
plugin.unload()
"""


@pytest.mark.parametrize("hidden", ["shapely", "pandas", "geopandas", "scipy"])
def test_the_plugin_starts_and_explains_itself_without_a_package(hidden, tmp_path):
    """A QGIS Python without ``hidden``: the plugin loads, the toolbar offers the installation, every algorithm is in
    the toolbox and says why it cannot run, and the dialog names the package and the command."""
    result = run_qgis_script(textwrap.dedent(START_WITHOUT.format(hidden=hidden)), tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["algorithms"] == len(ALGORITHM_CLASSES)
    assert {"Flächenkulisse ermitteln", "Zukunftsprofil erstellen"} <= set(shown["names"])
    assert shown["groups"][0] == "1. Flächenkulisse" and len(shown["groups"]) == 6
    assert not shown["can_execute"] and f"{hidden} (nicht installiert)" in shown["reason"]
    assert "dependencies" in shown["actions"] and shown["toolbar"] == ["Python-Pakete installieren …"]
    assert hidden in shown["bar"]
    assert f"<b>{hidden}</b>: nicht installiert" in shown["dialog"] and hidden in shown["commands"]
    assert not shown["loaded_hidden"]


def run_qgis_script(script: str, home) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env=subprocess_env(QT_QPA_PLATFORM="offscreen", HOME=str(home), PYTHONPATH=str(REPO)))


def test_starting_the_plugin_imports_none_of_its_engines(tmp_path):
    """QGIS's start stays quick: the provider with all its algorithms and the toolbar come up without numpy, pandas,
    shapely, geopandas or scipy; the first computation imports them."""
    script = LOAD_PLUGIN + textwrap.dedent("""
        import json, sys
        print(json.dumps(sorted(name for name in ("numpy", "pandas", "shapely", "geopandas", "scipy")
                                if name in sys.modules)))
        plugin.unload()
        """)
    result = run_qgis_script(script, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
