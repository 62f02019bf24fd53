"""Carry finished English translations from other .ts files into resources/petugaspembina_en.ts.

Used after a merge: take one side's .ts, run build/i18n.sh, then
``uv run python build/i18n_merge.py OTHER.ts ...`` fills every unfinished entry that another
branch had already translated, and build/i18n.sh compiles the result.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "petugaspembina_en.ts"


def finished(path: Path) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node is not None and node.get("type") is None and (node.text or "").strip():
                found[(name, message.findtext("source") or "")] = node.text or ""
    return found


def main(others: list[str]) -> None:
    known: dict[tuple[str, str], str] = {}
    for other in others:
        known.update(finished(Path(other)))
    tree = ET.parse(TS)
    filled = 0
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            key = (name, message.findtext("source") or "")
            if node is not None and node.get("type") == "unfinished" and key in known:
                node.text = known[key]
                del node.attrib["type"]
                filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    print(f"{filled} translations filled")


if __name__ == "__main__":
    main(sys.argv[1:])
