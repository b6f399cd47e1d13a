"""Shared test set-up: the repository paths and environments for QGIS subprocesses, and the core's German."""

import os
from pathlib import Path

import pytest

from wip_qgis_plugin.core import i18n

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


@pytest.fixture
def german():
    """The test runs in German (the core's texts and number formats) and leaves the translator as it found it."""
    previous = i18n.current_translator()
    i18n.set_translator(lambda text: text, "de")
    yield
    i18n.set_translator(*previous)


@pytest.fixture(scope="module")
def postgis():
    """A throwaway PostgreSQL/PostGIS server for the module's tests (``tests/postgis_server.py``)."""
    from tests.postgis_server import PostgisServer, server_programs

    programs = server_programs()
    if programs is None:
        pytest.skip("PostgreSQL with PostGIS is not installed (tools/setup_env.sh installs Debian's packages as root)")
    server = PostgisServer(programs)
    server.start()
    yield server
    server.remove()
