#!/usr/bin/env python3
"""Keeps the Qt translation source (resources/i18n/theia_fr.ts) in step with the code.

User-visible strings go through ``tr("...")`` (theia_plugin/core/i18n.py, context "Theia")
or ``self.tr("...")`` in Qt classes. This script finds them with the ``ast`` module (so
f-strings or non-literal arguments are reported instead of silently missed) and:

    update   adds new strings to the .ts (unfinished), keeps existing translations,
             drops strings no longer in the code;
    check    exits 1 when a string has no French translation (the catalogue must be complete).

``make translations`` compiles the .ts into the .qm the plugin loads (lrelease).
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "theia_plugin"
TS_FILE = ROOT / "resources" / "i18n" / "theia_fr.ts"
DEFAULT_CONTEXT = "Theia"


def extract(sources: Path = SOURCES) -> tuple[dict[str, list[str]], list[str]]:
    """Return ({source text: [locations]}, [problems]) for every tr() call under ``sources``."""
    found: dict[str, list[str]] = {}
    problems: list[str] = []
    for path in sorted(sources.rglob("*.py")):
        if "_vendor" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not _is_tr(node.func):
                continue
            where = f"{_relative(path)}:{node.lineno}"
            if not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, []).append(where)
            else:
                problems.append(f"{where}: tr() needs a string literal to be translatable")
    return found, problems


def _relative(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def _is_tr(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id == "tr"
    return isinstance(func, ast.Attribute) and func.attr == "tr"


def load_ts(path: Path) -> dict[str, str]:
    """{source: French text}; unfinished entries map to "" and obsolete ones are dropped."""
    if not path.is_file():
        return {}
    translations = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind == "obsolete":
            continue
        text = (translation.text or "") if translation is not None else ""
        translations[message.findtext("source") or ""] = "" if kind == "unfinished" else text
    return translations


def write_ts(path: Path, strings: dict[str, list[str]], old: dict[str, str]) -> None:
    ts = ET.Element("TS", version="2.1", language="fr_FR")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = DEFAULT_CONTEXT
    for source in sorted(strings):
        message = ET.SubElement(context, "message")
        for where in strings[source]:
            filename, line = where.rsplit(":", 1)
            ET.SubElement(message, "location", filename=f"../../{filename}", line=line)
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if old.get(source):
            translation.text = old[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(ts)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(ts, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check"))
    args = parser.parse_args(argv)
    strings, problems = extract()
    for problem in problems:
        print(problem, file=sys.stderr)
    translations = load_ts(TS_FILE)
    if args.command == "update":
        write_ts(TS_FILE, strings, translations)
        missing = [s for s in strings if not translations.get(s)]
        print(f"{TS_FILE.relative_to(ROOT)}: {len(strings)} strings, {len(missing)} to translate")
        return 1 if problems else 0
    missing = [s for s in strings if not translations.get(s)]
    for source in missing:
        print(f"untranslated: {source!r} ({', '.join(strings[source])})", file=sys.stderr)
    stale = [s for s in translations if s not in strings]
    if stale:
        print(f"{len(stale)} entries no longer used: run scripts/i18n.py update", file=sys.stderr)
    return 1 if (missing or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
