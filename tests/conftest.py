"""Shared test set-up: the repository paths, and the real reference data when present."""

from pathlib import Path


REPO = Path(__file__).resolve().parent.parent
PLUGIN_DIR = REPO / "wip_qgis_plugin"
SHARED_DATA = REPO.parent / "shared" / "data"


def venv_site_packages() -> str:
    """For a QGIS binary run from a test (desktop, qgis_process): the venv's packages, as a Linux user would
    have them from pip."""
    import sysconfig

    return sysconfig.get_paths()["purelib"]
