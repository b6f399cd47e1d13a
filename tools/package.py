"""Build the plugin zip for the official QGIS plugin repository: one top folder ``wip_qgis_plugin/`` with the
compiled translations and the licence (the repository refuses a package without LICENSE), without caches, tests,
translation sources or VCS files."""

import argparse
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "wip_qgis_plugin"
LICENSE = ROOT / "LICENSE"  # GNU GPL version 2 or later, kept once at the top of the repository
EXCLUDED_DIRS = {"__pycache__", ".git", ".pytest_cache", ".ruff_cache", ".hypothesis"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej"}


def plugin_files(plugin_dir: Path) -> list[Path]:
    return sorted(
        path for path in plugin_dir.rglob("*")
        if path.is_file()
        and not EXCLUDED_DIRS.intersection(path.relative_to(plugin_dir).parts)
        and path.suffix not in EXCLUDED_SUFFIXES
        and not path.name.startswith(".")
    )


def build(out: Path, plugin_dir: Path = ROOT / PLUGIN) -> list[str]:
    """Write the zip and return its member names."""
    ts_files = sorted((plugin_dir / "resources" / "i18n").glob("*.ts"))
    missing_qm = [ts.name for ts in ts_files if not ts.with_suffix(".qm").exists()]
    if missing_qm:
        raise SystemExit(f"compiled translations missing for {missing_qm}: run `make translations` first")
    names = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files(plugin_dir):
            name = f"{PLUGIN}/{path.relative_to(plugin_dir).as_posix()}"
            archive.write(path, name)
            names.append(name)
        archive.write(LICENSE, f"{PLUGIN}/LICENSE")
        names.append(f"{PLUGIN}/LICENSE")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / f"{PLUGIN}.zip")
    args = parser.parse_args()
    names = build(args.out)
    print(f"{args.out}: {len(names)} files, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
