"""Typed reading of the plugin's JSON data files (criteria catalogs, scoring schemes) with precise errors."""
from __future__ import annotations

import datetime
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .i18n import tr

STATUSES = ("checked", "secondary", "unchecked")  # how far a number of a data file has been checked
# the plugin's data files (catalogs, schemes, turbine and use lists) are a few kB: anything far larger is no such file
MAX_JSON_MB = 20


def read_json(path: Path, error: type[ValueError], cannot_read: str | None = None):
    """The JSON content of file ``path``; every problem raises ``error`` naming the file: unreadable, not UTF-8,
    too large, invalid JSON (line and column) or nested too deeply for the parser. ``cannot_read`` (translated,
    with {file} and {error}) replaces the messages for an unreadable or invalid file."""
    path = Path(path)
    try:
        size_mb = path.stat().st_size / 1e6
        if size_mb > MAX_JSON_MB:
            raise error(tr("{file}: {size:.0f} MB sind zu groß für eine Datendatei (höchstens {limit} MB).").format(
                file=path.name, size=size_mb, limit=MAX_JSON_MB))
        return json.loads(path.read_text(encoding="utf-8"))
    except RecursionError as problem:
        raise error(tr("{file}: die JSON-Struktur ist zu tief verschachtelt.").format(file=path.name)) from problem
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        if cannot_read is not None:
            raise error(cannot_read.format(file=path.name, error=problem)) from problem
        if isinstance(problem, OSError):
            raise error(tr("{file}: Datei kann nicht gelesen werden ({error}).").format(
                file=path.name, error=problem.strerror or problem)) from problem
        if isinstance(problem, UnicodeDecodeError):
            raise error(tr("{file}: die Datei ist nicht UTF-8-kodiert.").format(file=path.name)) from problem
        raise error(tr("{file}, Zeile {line}, Spalte {column}: kein gültiges JSON ({error}).").format(
            file=path.name, line=problem.lineno, column=problem.colno, error=problem.msg)) from problem


@dataclass(frozen=True)
class Figure:
    """A number of a data file with its source and status."""

    value: float
    source: str
    status: str


class JsonReader:
    """Typed access to one JSON object; every failure names the entry and the field."""

    def __init__(self, data, where: str, error: type[ValueError]):
        if not isinstance(data, dict):
            raise error(tr("{where}: JSON-Objekt erwartet.").format(where=where))
        self.data, self.where, self.error = data, where, error

    @classmethod
    def open(cls, path: Path, file_format: str, error: type[ValueError], cannot_read: str) -> JsonReader:
        """The JSON object in file ``path``, checked to be of ``file_format``; ``cannot_read`` (translated, with
        {file} and {error}) says what could not be read."""
        path = Path(path)
        reader = cls(read_json(path, error, cannot_read), path.name, error)
        if reader.text("format") != file_format:
            reader.fail("format", tr("„{format}“ erwartet").format(format=file_format))
        return reader

    def expect_format(self, file_format: str, version: int) -> None:
        """Fail unless the object is a data file of ``file_format`` in ``version``."""
        if self.text("format") != file_format:
            self.fail("format", tr("„{format}“ erwartet").format(format=file_format))
        if self.number("format_version") != version:
            self.fail("format_version", tr("Version {version} erwartet").format(version=version))

    def fail(self, field: str, problem: str):
        raise self.error(tr("{where}, Feld „{field}“: {problem}.").format(where=self.where, field=field,
                                                                           problem=problem))

    def get(self, field: str, kind: type):
        if field not in self.data:
            self.fail(field, tr("fehlt"))
        value = self.data[field]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            self.fail(field, tr("{kind} erwartet, gefunden: {value}").format(
                kind=_kind_name(kind), value=json.dumps(value, ensure_ascii=False)[:60]))
        return value

    def child(self, field: str) -> JsonReader:
        return JsonReader(self.get(field, dict), f"{self.where}, {field}", self.error)

    def text(self, field: str) -> str:
        value = self.get(field, str).strip()
        if not value:
            self.fail(field, tr("darf nicht leer sein"))
        return value

    def identifier(self, field: str) -> str:
        value = self.text(field)
        if not all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in value):
            self.fail(field, tr("nur Buchstaben a–z, Ziffern, _ und - erlaubt"))
        return value

    def number(self, field: str) -> float:
        value = self.get(field, (int, float))
        if not math.isfinite(value):
            self.fail(field, tr("endliche Zahl erwartet"))
        return float(value)

    def bounded(self, field: str, low: float, high: float | None = None) -> float:
        """A number from ``low`` to ``high`` (no upper bound when None)."""
        value = self.number(field)
        if high is None and value < low:
            self.fail(field, tr("Wert ≥ {low:g} erwartet").format(low=low))
        if high is not None and not low <= value <= high:
            self.fail(field, tr("{value:g} liegt nicht zwischen {low:g} und {high:g}").format(value=value, low=low,
                                                                                           high=high))
        return value

    def figure(self, field: str, low: float = 0.0, high: float | None = None) -> Figure:
        """The object ``field`` holding a number ``value`` (from ``low`` to ``high``), its ``source`` and ``status``."""
        entry = self.child(field)
        return Figure(entry.bounded("value", low, high), entry.text("source"), entry.choice("status", STATUSES))

    def optional_number(self, field: str) -> float | None:
        return None if self.data.get(field) is None else self.number(field)

    def choice(self, field: str, allowed: Sequence[str]) -> str:
        value = self.get(field, str)
        if value not in allowed:
            self.fail(field, tr("„{value}“ ist keiner von {allowed}").format(value=value, allowed=", ".join(allowed)))
        return value

    def date(self, field: str) -> datetime.date:
        value = self.text(field)
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.fail(field, tr("Datum JJJJ-MM-TT erwartet, gefunden: {value}").format(value=value))

    def bilingual(self, field: str) -> dict[str, str]:
        sub = self.child(field)
        return {language: sub.text(language) for language in ("de", "en")}


def _kind_name(kind) -> str:
    return {dict: tr("Objekt"), list: tr("Liste"), str: tr("Text")}.get(kind, tr("Zahl"))
