"""Build the blind fact set's JSONL files from the hand-written round files (roundN.txt).

usage: python tests/documents/data/factset/build.py   (writes roundN.sentences.jsonl and roundN.facts.jsonl)

A round file holds documents (`@ doc | date | year | province | source`), each followed by its sentences
(`> text`, verbatim; ⏎ marks a line break inside it) and under each sentence its gold facts
(`quote | indicator | value | unit | kind | comparator | stance`, kind i/d/l, stance t/a).
Each sentence becomes its own scored unit `<doc>#<n>`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"i": "increase", "d": "decrease", "l": "level"}
STANCES = {"t": "target", "a": "actual"}


def parse(path: Path) -> tuple[list[dict], list[dict]]:
    sentences: list[dict] = []
    facts: list[dict] = []
    doc: dict | None = None
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            name, date, year, province, source = (p.strip() for p in line[2:].split(" | ", 4))
            doc = {"doc": name, "date": date, "year": int(year), "province": province, "source": source, "n": 0}
            continue
        if line.startswith("> "):
            assert doc is not None, f"{path.name}:{no}: sentence before any document"
            doc["n"] += 1
            sentences.append({"id": f"{doc['doc']}#{doc['n']}", "doc": doc["doc"], "date": doc["date"],
                              "year": doc["year"], "province": doc["province"], "source": doc["source"],
                              "text": line[2:].replace("⏎", "\n")})
            continue
        parts = [p.strip() for p in line.split(" | ")]
        assert len(parts) == 7, f"{path.name}:{no}: expected 7 fields, got {len(parts)}: {line}"
        quote, indicator, value, unit, kind, comparator, stance = parts
        quote = quote.replace("⏎", "\n")
        sent = sentences[-1]
        assert quote in sent["text"], f"{path.name}:{no}: quote not in sentence: {quote}"
        assert comparator in {"=", ">=", "<=", "~"}, f"{path.name}:{no}: comparator {comparator}"
        facts.append({"doc": sent["id"], "quote": quote, "indicator": indicator, "value": float(value),
                      "unit": unit, "kind": KINDS[kind], "comparator": comparator, "stance": STANCES[stance]})
    return sentences, facts


def main() -> int:
    for path in sorted(HERE.glob("round*.txt")):
        sentences, facts = parse(path)
        stem = path.with_suffix("")
        stem.with_suffix(".sentences.jsonl").write_text(
            "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sentences), encoding="utf-8")
        stem.with_suffix(".facts.jsonl").write_text(
            "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
        docs = {s["doc"] for s in sentences}
        print(f"{path.name}: {len(docs)} documents, {len(sentences)} sentences, {len(facts)} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
