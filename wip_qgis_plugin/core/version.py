"""The plugin's version, as its metadata.txt declares it (the plugin repository reads the same file)."""
from __future__ import annotations

import configparser
from pathlib import Path

METADATA_FILE = Path(__file__).resolve().parent.parent / "metadata.txt"


def plugin_version() -> str:
    parser = configparser.ConfigParser()
    parser.read(METADATA_FILE, encoding="utf-8")
    return parser.get("general", "version", fallback="")
