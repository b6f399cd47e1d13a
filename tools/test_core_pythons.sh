#!/usr/bin/env bash
# The QGIS-free core (tests/core) on the other Pythons and library generations that QGIS installations bring, each
# in a venv of its own with the pins of tools/core_pythons/<python>-<generation>.txt. A Python this machine lacks
# is reported and left out. Usage: tools/test_core_pythons.sh
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for pins in tools/core_pythons/*.txt; do
    name=$(basename "$pins" .txt)            # e.g. py39-qgis322
    version=${name%%-*}; version=${version#py}; version="${version:0:1}.${version:1}"
    python=""
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version" \
                     "$(command -v "python$version" || true)"; do
        if [ -n "$candidate" ] && "$candidate" -c "" 2>/dev/null; then python=$candidate; break; fi
    done
    if [ -z "$python" ]; then
        echo "tests/core on Python $version ($name): no python$version on this machine, left out"
        continue
    fi
    venv=".venv-$name"
    if [ ! -f "$venv/.ready" ] || [ "$pins" -nt "$venv/.ready" ]; then
        rm -rf "$venv"
        "$python" -m venv "$venv"
        "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$pins"
        touch "$venv/.ready"
    fi
    echo "tests/core on $("$venv/bin/python" --version) ($name)"
    "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/core || status=1
done
exit $status
