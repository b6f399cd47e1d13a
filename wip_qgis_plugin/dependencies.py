"""Check at load time which Python packages the plugin needs and say exactly how to install what is missing."""
from __future__ import annotations

import importlib
import platform
from dataclasses import dataclass

from .core.i18n import tr


@dataclass(frozen=True)
class Requirement:
    module: str
    pip_name: str
    debian_package: str
    min_version: tuple[int, ...] = ()


REQUIREMENTS = (
    Requirement("numpy", "numpy", "python3-numpy", (1, 22)),
    Requirement("shapely", "shapely", "python3-shapely", (2, 0)),
    Requirement("pandas", "pandas", "python3-pandas", (1, 4)),
    Requirement("geopandas", "geopandas", "python3-geopandas", (0, 12)),
    Requirement("scipy", "scipy", "python3-scipy", (1, 9)),
)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def missing_requirements(requirements=REQUIREMENTS) -> list[tuple[Requirement, str]]:
    """The requirements that cannot be imported or are too old, each with the reason."""
    missing = []
    for requirement in requirements:
        try:
            module = importlib.import_module(requirement.module)
        except ImportError:
            missing.append((requirement, tr("nicht installiert")))
            continue
        version = getattr(module, "__version__", "0")
        if requirement.min_version and _version_tuple(version) < requirement.min_version:
            wanted = ".".join(map(str, requirement.min_version))
            missing.append((requirement, tr("Version {found} gefunden, mindestens {wanted} nötig").format(
                found=version, wanted=wanted)))
    return missing


def install_hint(missing: list[tuple[Requirement, str]], system: str | None = None) -> str:
    """A message naming each missing package and the command that installs it on this operating system."""
    system = system or platform.system()
    names = ", ".join(f"{req.pip_name} ({reason})" for req, reason in missing)
    pip_names = " ".join(req.pip_name for req, _ in missing)
    if system == "Linux":
        debs = " ".join(req.debian_package for req, _ in missing)
        # shapely from source: it then uses the GEOS that QGIS itself loads, not a second bundled copy
        how = tr("Installation unter Debian/Ubuntu: sudo apt install {debs} – oder (mit libgeos-dev): python3 -m pip "
                 "install --user --no-binary shapely {pips}").format(debs=debs, pips=pip_names)
    elif system == "Windows":
        how = tr("Installation unter Windows: OSGeo4W-Shell als Administrator öffnen und python -m pip install "
                 "{pips} ausführen").format(pips=pip_names)
    else:
        how = tr("Installation: in der Python-Konsole von QGIS import subprocess, sys; "
                 "subprocess.run([sys.executable, '-m', 'pip', 'install', '--user', {quoted}])").format(
            quoted=", ".join(f"'{req.pip_name}'" for req, _ in missing))
    return tr("WIP Energie- und Raumplanung: es fehlen Python-Pakete: {names}. {how}. Danach QGIS neu "
              "starten.").format(names=names, how=how)
