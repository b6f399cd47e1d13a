"""Build the plugin zip for the official QGIS plugin repository and check it as the repository's upload validator
would: one top folder ``wip_qgis_plugin/`` with the compiled translations and the licence, without caches, tests,
translation sources, hidden files or binaries.

The publisher's identity (author, email) and the addresses (homepage = the manual, repository, tracker) have one
place, ``[project]`` of ``pyproject.toml``; they are written into the zip's ``metadata.txt`` here, so a released zip
never carries a placeholder. ``make package`` refuses to build while one is missing."""
from __future__ import annotations

import argparse
import configparser
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "wip_qgis_plugin"
LICENSE = ROOT / "LICENSE"  # GNU GPL version 2 or later, kept once at the top of the repository
EXCLUDED_DIRS = {"__pycache__", ".git", ".pytest_cache", ".ruff_cache", ".hypothesis"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej"}

MANUAL_PAGES = ("help/de/index.html", "help/en/index.html")  # the help buttons open these offline
MAX_SIZE = 25_000_000  # bytes: the repository refuses larger uploads
REQUIRED_METADATA = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
                     "repository")  # the repository's list; homepage is ours: it leads to the manual
BINARY_SUFFIXES = {".so", ".dll", ".dylib", ".exe", ".pyd", ".bat", ".cmd", ".sh", ".jar"}
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xcf", b"\xca\xfe\xba\xbe")
RESERVED_MAIL_DOMAINS = re.compile(r"(^|\.)(example\.(com|org|net)|example|test|invalid|localhost|local)$", re.I)


@dataclass(frozen=True)
class Release:
    """What the publisher sets in pyproject.toml and the zip's metadata.txt shows the repository's users."""
    author: str
    email: str
    homepage: str
    repository: str
    tracker: str

    def problems(self) -> list[str]:
        found = [f"{name} is missing" for name, value in vars(self).items() if not value.strip()]
        if self.email and (
                "@" not in self.email or RESERVED_MAIL_DOMAINS.search(self.email.rsplit("@", 1)[1])):
            found.append(f"email {self.email!r} is not a deliverable address")
        if "/" in self.author:
            found.append("author must not contain '/'")
        for name in ("homepage", "repository", "tracker"):
            value = getattr(self, name)
            if value and not all((urlparse(value).scheme in ("http", "https"), urlparse(value).netloc)):
                found.append(f"{name} {value!r} is not a web address")
        if self.homepage and self.homepage.rstrip("/") == self.repository.rstrip("/"):
            found.append("homepage equals repository: it is to lead to the manual")
        return found


def release_from_pyproject(path: Path = ROOT / "pyproject.toml") -> Release:
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    author = (project.get("authors") or [{}])[0]
    urls = project.get("urls", {})
    return Release(author=author.get("name", ""), email=author.get("email", ""), homepage=urls.get("Homepage", ""),
                   repository=urls.get("Repository", ""), tracker=urls.get("Issues", ""))


def plugin_files(plugin_dir: Path) -> list[Path]:
    return sorted(
        path for path in plugin_dir.rglob("*")
        if path.is_file()
        and not EXCLUDED_DIRS.intersection(path.relative_to(plugin_dir).parts)
        and path.suffix not in EXCLUDED_SUFFIXES
        and not path.name.startswith(".")
    )


def stamped_metadata(text: str, release: Release) -> str:
    """metadata.txt with the release fields written after its version line."""
    lines = text.splitlines()
    at = next(number for number, line in enumerate(lines) if line.startswith("version="))
    fields = [f"{name}={value}" for name, value in vars(release).items()]
    return "\n".join(lines[:at + 1] + fields + lines[at + 1:]) + "\n"


def build(out: Path, release: Release, plugin_dir: Path = ROOT / PLUGIN) -> list[str]:
    """Write the zip and return its member names."""
    ts_files = sorted((plugin_dir / "resources" / "i18n").glob("*.ts"))
    missing_qm = [ts.name for ts in ts_files if not ts.with_suffix(".qm").exists()]
    if missing_qm:
        raise SystemExit(f"compiled translations missing for {missing_qm}: run `make translations` first")
    names = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files(plugin_dir):
            name = f"{PLUGIN}/{path.relative_to(plugin_dir).as_posix()}"
            if path.name == "metadata.txt" and path.parent == plugin_dir:
                archive.writestr(name, stamped_metadata(path.read_text(encoding="utf-8"), release))
            else:
                archive.write(path, name)
            names.append(name)
        archive.write(LICENSE, f"{PLUGIN}/LICENSE")
        names.append(f"{PLUGIN}/LICENSE")
    return names


def check(package: Path) -> list[str]:
    """What the plugin repository's upload validator would refuse in ``package``, and what it accepts but the
    repository then hides or marks (an experimental flag, the deprecated supportsQt6). Web addresses are checked
    for their form, not fetched."""
    if package.stat().st_size > MAX_SIZE:
        return [f"the zip has {package.stat().st_size / 1e6:.1f} MB, the repository takes {MAX_SIZE / 1e6:.0f} MB"]
    try:
        archive = zipfile.ZipFile(package)
    except zipfile.BadZipFile:
        return ["not a zip file"]
    with archive:
        names = archive.namelist()
        problems = [f"bad member {bad}" for bad in [archive.testzip()] if bad]
        tops = {name.split("/")[0] for name in names}
        if len(tops) != 1 or not all("/" in name for name in names):
            return problems + [f"one top folder expected, found {sorted(tops)}"]
        top = tops.pop()
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", top):
            problems.append(f"top folder {top!r} is not a PEP 8 package name")
        for name in names:
            parts = name.split("/")
            if ".." in parts or name.startswith("/"):
                problems.append(f"{name}: path information")
            if {"__MACOSX", ".git", "__pycache__"} & set(parts) or name.endswith((".pyc", ".pyo")):
                problems.append(f"{name}: cache or version-control file")
            elif any(part.startswith(".") for part in parts if part):
                problems.append(f"{name}: hidden file")
            if not name.endswith("/") and (Path(name).suffix.lower() in BINARY_SUFFIXES
                                           or archive.read(name)[:4].startswith(BINARY_MAGIC)):
                problems.append(f"{name}: executable or binary library")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{top}/{required}" not in names:
                problems.append(f"{required} missing")
        problems += [f"the manual {page} is missing: run `make docs`" for page in MANUAL_PAGES
                     if f"{top}/{page}" not in names]
        if f"{top}/metadata.txt" in names:
            problems += _metadata_problems(archive.read(f"{top}/metadata.txt").decode("utf-8"), top, names)
    return problems


def _metadata_problems(text: str, top: str, names: list[str]) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    try:
        parser.read_string(text)
        general = parser["general"]
    except (configparser.Error, KeyError) as error:
        return [f"metadata.txt cannot be read: {error}"]
    problems = [f"metadata.txt: {field} missing" for field in REQUIRED_METADATA if not general.get(field, "").strip()]
    release = Release(**{name: general.get(name, "") for name in Release.__dataclass_fields__})
    problems += [f"metadata.txt: {problem}" for problem in release.problems() if "missing" not in problem]
    if "supportsQt6" in general:
        problems.append("metadata.txt: supportsQt6 is deprecated; qgisMaximumVersion=4.99 says it")
    if general.get("experimental", "False").strip().lower() in ("true", "1", "yes"):
        problems.append("metadata.txt: experimental=True hides the plugin from most users")
    try:
        if float(general.get("qgisMaximumVersion", "3.99")) < 4:
            problems.append("metadata.txt: qgisMaximumVersion below 4 excludes QGIS 4")
    except ValueError:
        problems.append("metadata.txt: qgisMaximumVersion is not a version")
    if general.get("icon") and f"{top}/{general['icon'].removeprefix('./')}" not in names:
        problems.append(f"metadata.txt: icon {general['icon']} not in the zip")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / f"{PLUGIN}.zip")
    args = parser.parse_args()
    release = release_from_pyproject()
    unset = release.problems()
    if unset:
        sys.exit("Set the release fields in [project] of pyproject.toml (authors: name and email; urls: Homepage = "
                 "the manual, Repository, Issues):\n  " + "\n  ".join(unset))
    names = build(args.out, release)
    problems = check(args.out)
    if problems:
        args.out.unlink()
        sys.exit(f"The plugin repository would refuse {args.out.name}:\n  " + "\n  ".join(problems))
    print(f"{args.out}: {len(names)} files, {args.out.stat().st_size / 1e6:.1f} MB, checked as for the repository")


if __name__ == "__main__":
    main()
