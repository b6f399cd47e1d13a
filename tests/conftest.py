"""Shared test set-up: the repository paths and environments for QGIS subprocesses."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLUGIN_DIR = REPO / "wip_qgis_plugin"


def venv_site_packages() -> str:
    """For a QGIS binary run from a test (desktop, qgis_process): the venv's packages, as a Linux user would
    have them from pip."""
    import sysconfig

    return sysconfig.get_paths()["purelib"]


def subprocess_env(**overrides) -> dict:
    """The test environment for a QGIS run in a subprocess, without pytest-qgis' settings folder (a fresh
    process must see only its own profile)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(overrides)
    return env
