#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 / Ubuntu machine: QGIS from the distribution (when `import qgis`
# fails), Qt's translation tools, Xvfb, PostgreSQL with PostGIS (the tests start a throwaway server of their own),
# and a venv with the system site packages (for the QGIS bindings) plus the pinned requirements.
# Usage: tools/setup_env.sh <venv-dir>
set -euo pipefail
VENV="${1:-.venv}"
SYSTEM_PYTHON="${SYSTEM_PYTHON:-/usr/bin/python3}"
# shapely is built against the distribution's GEOS (libgeos-dev, python3-dev, gcc): inside QGIS the symbols of
# QGIS's own GEOS take precedence over those of a wheel's bundled copy, so a wheel would run on a mix of both.
APT_PACKAGES="qgis python3-qgis qgis-providers python3-pyproj python3-fiona python3-scipy libgeos-dev python3-dev gcc
    qttools5-dev-tools xvfb xauth python3-venv python3-pip postgresql postgresql-postgis"

have_everything() {
    "$SYSTEM_PYTHON" -c "import qgis.core, pyproj, fiona, scipy" 2>/dev/null && command -v lrelease >/dev/null \
        && command -v xvfb-run >/dev/null && command -v qgis_process.bin >/dev/null && command -v geos-config >/dev/null \
        && command -v gcc >/dev/null && compgen -G "/usr/share/postgresql/*/extension/postgis.control" >/dev/null \
        && "$SYSTEM_PYTHON" -c "import sysconfig, os, sys; \
sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))" \
        && "$SYSTEM_PYTHON" -c "import ensurepip" 2>/dev/null
}

if ! have_everything; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing QGIS and tools from the distribution: $APT_PACKAGES"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends $APT_PACKAGES >/dev/null
    else
        echo "QGIS with its Python bindings, Qt's lrelease or Xvfb is missing. Install them with:" >&2
        echo "  sudo apt-get install $APT_PACKAGES" >&2
        exit 1
    fi
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import qgis.core" 2>/dev/null; then
    rm -rf "$VENV"
    "$SYSTEM_PYTHON" -m venv --system-site-packages "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# pyproj looks for PROJ's data under the interpreter prefix: in the venv that is the distribution's
mkdir -p "$VENV/share"
ln -sfn /usr/share/proj "$VENV/share/proj"

# The official Qt5 → Qt6 migration check of QGIS plugins (tests/test_qt6.py), in a venv of its own: it loads PyQt6,
# which must not meet QGIS's PyQt5. Its only release declares Python ≥ 3.12 but runs on 3.11.
QT6_VENV="$VENV-qt6"
if [ ! -x "$QT6_VENV/bin/pyqt5to6" ]; then
    rm -rf "$QT6_VENV"
    "$SYSTEM_PYTHON" -m venv "$QT6_VENV"
    "$QT6_VENV/bin/python" -m pip install -q --disable-pip-version-check --ignore-requires-python \
        qgis-pyqt5to6==0.0.0.dev0 tokenize-rt==6.2.0 astpretty==3.0.0 PyQt6==6.11.0 PyQt6-QScintilla==2.14.1
fi

# The official Python model of XPlanung and XWärmeplan (xplan-tools of the XLeitstelle, EUPL-1.2), in a venv of its
# own: the tests read every exported plan with it (tests/processing_algorithms/test_xplan_export.py). It declares
# GDAL ≥ 3.6.3 from PyPI; the distribution's GDAL bindings (system site packages) serve it, so its other
# requirements are installed by name.
XPLAN_VENV="$VENV-xplan-tools"
if ! "$XPLAN_VENV/bin/python" -c "import xplan_tools.interface.gml" 2>/dev/null; then
    rm -rf "$XPLAN_VENV"
    "$SYSTEM_PYTHON" -m venv --system-site-packages "$XPLAN_VENV"
    "$XPLAN_VENV/bin/python" -m pip install -q --disable-pip-version-check pydantic==2.14.4 \
        pydantic-settings==2.16.3 "pydantic-extra-types[semver]==2.11.1" Deprecated==1.3.1 roman==5.2 \
        typer==0.29.2 SQLAlchemy==2.1.9 GeoAlchemy2==0.20.0 alembic==1.20.1 httpx==0.29.0
    "$XPLAN_VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps xplan-tools==1.17.5
fi
