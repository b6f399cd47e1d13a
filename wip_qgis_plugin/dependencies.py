"""The plugin's one dependency guard: which Python packages it needs, which of them this QGIS lacks, and the command
that installs them here without touching what QGIS itself relies on."""
from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import platform
import shutil
import sys
import sysconfig
from dataclasses import dataclass

from .core.i18n import tr


@dataclass(frozen=True)
class Requirement:
    module: str
    pip_name: str
    debian_package: str | None  # None where the distribution's version is too old (Debian 12: shapely 1.8)
    min_version: tuple[int, ...] = ()

    def pip_spec(self) -> str:
        return f"{self.pip_name}>={'.'.join(map(str, self.min_version))}" if self.min_version else self.pip_name


REQUIREMENTS = (
    Requirement("numpy", "numpy", "python3-numpy", (1, 22)),
    Requirement("shapely", "shapely", None, (2, 0)),
    Requirement("pandas", "pandas", "python3-pandas", (1, 4)),
    Requirement("geopandas", "geopandas", None, (0, 14)),
    Requirement("scipy", "scipy", "python3-scipy", (1, 10)),  # the HiGHS of scipy 1.9 aborts on some models
)
# what shapely from source needs, and what geopandas must take from the distribution (its wheels bring a second
# GDAL and PROJ that clash with QGIS's own)
LINUX_BUILD_PACKAGES = ("libgeos-dev", "python3-dev", "gcc", "python3-pyproj", "python3-fiona")


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def missing_requirements(requirements=REQUIREMENTS) -> list[tuple[Requirement, str]]:
    """The requirements that cannot be found or are too old, each with the reason. Nothing is imported: QGIS
    starts without loading the engines' libraries; the version comes from the package's metadata."""
    importlib.invalidate_caches()  # a package installed while QGIS runs is found on the next check
    missing = []
    for requirement in requirements:
        try:
            found = importlib.util.find_spec(requirement.module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append((requirement, tr("nicht installiert")))
            continue
        version = _installed_version(requirement)
        if requirement.min_version and _version_tuple(version) < requirement.min_version:
            wanted = ".".join(map(str, requirement.min_version))
            missing.append((requirement, tr("Version {found} gefunden, mindestens {wanted} nötig").format(
                found=version, wanted=wanted)))
    return missing


def _installed_version(requirement: Requirement) -> str:
    """The version the package's metadata states; where it has none (a copy without its dist-info), the module's
    own ``__version__``, which needs the import."""
    try:
        return importlib.metadata.version(requirement.pip_name)
    except importlib.metadata.PackageNotFoundError:
        return getattr(importlib.import_module(requirement.module), "__version__", "0")


def _numpy_pin() -> list[str]:
    """pip must keep the numpy QGIS was built with: a newer one breaks QGIS's own modules."""
    try:
        import numpy
    except ImportError:
        return []
    return [f"numpy=={numpy.__version__}"]


def _externally_managed() -> bool:
    """Whether the distribution marks its Python as managed by its package manager (PEP 668, Debian 12 on)."""
    return os.path.exists(os.path.join(sysconfig.get_paths()["stdlib"], "EXTERNALLY-MANAGED"))


@dataclass(frozen=True)
class InstallStep:
    """One command of an installation: ``runnable`` when the plugin may run it itself (pip into the user's or this
    QGIS's Python), not when it needs the administrator (apt)."""

    arguments: tuple[str, ...]
    runnable: bool

    def text(self) -> str:
        """The command as one types it in a shell."""
        return " ".join(f'"{part}"' if any(c in part for c in ' <>=|&"') else part for part in self.arguments)

    def program(self) -> tuple[str, list[str]]:
        """The program and its arguments to run it from QGIS: "python" is this QGIS's interpreter."""
        first, *rest = self.arguments
        return (qgis_python() if first in ("python", "python3") else first), rest


def qgis_python(system: str | None = None) -> str:
    """The Python interpreter of this QGIS (inside QGIS, sys.executable is often QGIS itself)."""
    system = system or platform.system()
    if os.path.basename(sys.executable).lower().startswith("python"):
        return sys.executable
    if system == "Windows":
        return os.path.join(sys.exec_prefix, "python.exe")
    if system == "Darwin":
        return os.path.join(sys.exec_prefix, "bin", "python3")
    return shutil.which("python3") or "python3"


def install_steps(missing: list[tuple[Requirement, str]], system: str | None = None) -> list[InstallStep]:
    """What installs the missing packages on this operating system into this QGIS's Python."""
    system = system or platform.system()
    pins = [pin for pin in _numpy_pin() if not any(req.module == "numpy" for req, _ in missing)]
    if system == "Linux":
        from_apt = [req.debian_package for req, _ in missing if req.debian_package]
        from_pip = [req.pip_spec() for req, _ in missing if not req.debian_package]
        steps = []
        if from_apt or from_pip:
            packages = from_apt + (list(LINUX_BUILD_PACKAGES) if from_pip else [])
            steps.append(InstallStep(("sudo", "apt", "install", *packages), runnable=False))
        if from_pip:
            # shapely from source: it then uses the GEOS that QGIS itself loads, not a second bundled copy
            flags = ["--user", "--no-binary", "shapely"]
            if _externally_managed():
                flags.append("--break-system-packages")  # --user only; the distribution's packages stay as they are
            steps.append(InstallStep(("python3", "-m", "pip", "install", *flags, *from_pip, *pins), runnable=True))
        return steps
    specs = [req.pip_spec() for req, _ in missing]
    if system == "Windows":
        return [InstallStep(("python", "-m", "pip", "install", *specs, *pins), runnable=True)]
    return [InstallStep((qgis_python(system), "-m", "pip", "install", "--user", *specs, *pins), runnable=True)]


def install_commands(missing: list[tuple[Requirement, str]], system: str | None = None) -> list[str]:
    """The shell commands that install what is missing on this operating system into this QGIS's Python."""
    return [step.text() for step in install_steps(missing, system)]


def install_hint(missing: list[tuple[Requirement, str]], system: str | None = None) -> str:
    """A message naming each missing package and how to install it on this operating system."""
    system = system or platform.system()
    names = ", ".join(f"{req.pip_name} ({reason})" for req, reason in missing)
    commands = " && ".join(install_commands(missing, system))
    where = {"Linux": tr("in einem Terminal"),
             "Windows": tr("in der OSGeo4W-Shell (als Administrator)")}.get(system, tr("im Terminal"))
    return tr("WIP Energie- und Raumplanung: es fehlen Python-Pakete: {names}. Installation {where}: {commands}. "
              "Danach QGIS neu starten.").format(names=names, where=where, commands=commands)
