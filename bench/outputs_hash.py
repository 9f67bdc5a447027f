"""One md5 over every extraction output, to show a refactor changes nothing (issue 11's speed work).

usage: python bench/outputs_hash.py [--root PATH] [--dump FILE]

Runs extract_facts and extract_tasks over every corpus text (told its year as bench/accuracy.py does), the seeds, the
blind sets' texts (tests/documents/data/*.txt, the task set told its year), every fact-set and stance-set sentence,
and suggest_lead over the official and test lead items; dumps all records as JSON in a fixed order and prints the md5.
--root runs another checkout's engine (a detached worktree of the base commit) over THIS checkout's texts, so the two
hashes compare engines alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
DATA = HERE / "tests" / "documents" / "data"
CORPUS = HERE / "tests" / "documents" / "corpus"
SEEDS = Path(os.environ.get("ZHENXING_SHARED") or HERE.parent / "shared") / "seeds"


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def tsv_first(path: Path) -> list[str]:
    return [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def jobs() -> list[tuple[str, str, int | None]]:
    """(name, text, year) of every whole text, in a fixed order."""
    out: list[tuple[str, str, int | None]] = []
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    for doc in sorted(manifest):
        out.append((f"corpus/{doc}", (CORPUS / "texts" / f"{doc}.txt").read_text(encoding="utf-8"),
                    manifest[doc]["year"]))
    for f in sorted(SEEDS.glob("*.txt")):
        out.append((f"seeds/{f.stem}", f.read_text(encoding="utf-8"), None))
    for f in sorted(DATA.glob("*.txt")):
        out.append((f"data/{f.stem}", f.read_text(encoding="utf-8"), None))
    sources = json.loads((DATA / "taskset" / "sources.json").read_text(encoding="utf-8"))
    for doc in sorted(sources):
        out.append((f"taskset/{doc}", (DATA / "taskset" / "texts" / f"{doc}.txt").read_text(encoding="utf-8"),
                    sources[doc]["year"]))
    for f in sorted((DATA / "factset").glob("round*.sentences.jsonl")):
        out += [(f"factset/{s['id']}", s["text"], s["year"]) for s in jsonl(f)]
    out += [(f"stance/{i}", s, None) for i, s in enumerate(tsv_first(DATA / "stance_real.tsv"))]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE, help="checkout whose engine runs")
    parser.add_argument("--dump", type=Path, help="write the JSON lines here too")
    args = parser.parse_args()
    sys.path.insert(0, str(args.root.resolve()))
    from zhenxing.documents import extraction
    from zhenxing.documents.extraction.departments import suggest_lead
    from zhenxing.documents.extraction.text import normalise

    assert Path(extraction.__file__).resolve().is_relative_to(args.root.resolve()), extraction.__file__
    lines: list[str] = []
    for name, text, year in jobs():
        facts = [f.to_record() for f in extraction.extract_facts(text, name, year=year)]
        tasks = [t.to_record() for t in extraction.extract_tasks(text, year=year, doc=name)]
        lines.append(json.dumps({"job": name, "facts": facts, "tasks": tasks}, ensure_ascii=False, sort_keys=True))
    for tsv in ("official_leads.tsv", "lead_units.tsv"):
        for item in tsv_first(DATA / tsv):
            got = suggest_lead(normalise(item))
            lines.append(json.dumps({"lead": item, "got": repr(got)}, ensure_ascii=False))
    blob = "\n".join(lines).encode("utf-8")
    if args.dump:
        args.dump.write_bytes(blob)
    print(f"{len(lines)} outputs, md5 {hashlib.md5(blob).hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
