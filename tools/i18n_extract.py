"""Extract the plugin's translatable strings into Qt .ts files, keeping the translations already made.

Python code translates through ``tr("German literal")`` (core and QGIS side alike, context ``WIP``); Qt
Designer forms through their own context (the form's class name), as uic generates it. pylupdate5 does not
see module-level ``tr`` calls in the QGIS-free core, hence this extractor.

Usage: python -m tools.i18n_extract wip_qgis_plugin wip_qgis_plugin/resources/i18n/wip_en.ts [...]
"""

import argparse
import ast
import xml.etree.ElementTree as ET
from pathlib import Path

PYTHON_CONTEXT = "WIP"


def python_strings(path: Path) -> list[str]:
    """The literal first arguments of every ``tr(...)`` / ``self.tr(...)`` call in a Python file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.args[0]
        if name == "tr" and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append(first.value)
    return found


def ui_strings(path: Path) -> tuple[str, list[str]]:
    """The form's context (its class name) and its translatable <string> texts."""
    root = ET.parse(path).getroot()
    context = root.findtext("class")
    texts = [element.text for element in root.iter("string")
             if element.text and element.get("notr") != "true"]
    return context, texts


def collect(plugin_dir: Path) -> dict[str, list[str]]:
    """Context -> source strings in a stable order, without duplicates."""
    contexts: dict[str, list[str]] = {}
    for path in sorted(plugin_dir.rglob("*.py")):
        contexts.setdefault(PYTHON_CONTEXT, []).extend(python_strings(path))
    for path in sorted(plugin_dir.rglob("*.ui")):
        context, texts = ui_strings(path)
        contexts.setdefault(context, []).extend(texts)
    return {context: list(dict.fromkeys(texts)) for context, texts in sorted(contexts.items())}


def existing_translations(ts_path: Path) -> dict[tuple[str, str], str]:
    if not ts_path.exists():
        return {}
    translations = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "unfinished":
                translations[(name, message.findtext("source"))] = translation.text
    return translations


def write_ts(ts_path: Path, language: str, contexts: dict[str, list[str]]) -> int:
    """Write the .ts file; returns the number of strings that still need a translation."""
    known = existing_translations(ts_path)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="de_DE")
    unfinished = 0
    for name, sources in contexts.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in sources:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if (name, source) in known:
                translation.text = known[(name, source)]
            else:
                translation.set("type", "unfinished")
                unfinished += 1
    ET.indent(root)
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                       + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return unfinished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plugin_dir", type=Path)
    parser.add_argument("ts_files", type=Path, nargs="+")
    args = parser.parse_args()
    contexts = collect(args.plugin_dir)
    for ts_path in args.ts_files:
        language = ts_path.stem.split("_", 1)[1]
        unfinished = write_ts(ts_path, language, contexts)
        print(f"{ts_path}: {sum(map(len, contexts.values()))} strings, {unfinished} without translation")


if __name__ == "__main__":
    main()
