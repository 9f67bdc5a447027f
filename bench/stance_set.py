"""Stance agreement on the blind set of real sentences (tests/documents/data/stance_real.tsv).

usage: python bench/stance_set.py [--round N] [--show]

Each row is one real sentence, the date of its document, the stance of its principal figure (SPEC's `stance`,
labelled by reading before the engine saw the set) and that figure as written.  The engine reads the sentence alone,
told the document's date (YYYY-MM-DD) or, when only the year is known, that year as the year ingestion is told; the
fact whose value is the principal figure's (the first such) is compared with the label.  Printed: how many principal
figures the engine found, stance agreement among those found, and agreement over all rows (a figure not found counts
as a disagreement).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "documents" / "data" / "stance_real.tsv"
sys.path.insert(0, str(ROOT))

from zhenxing.documents import extraction  # noqa: E402

_ROUND = re.compile(r"#\s*round\s+(\d+)")


@dataclass(frozen=True)
class Row:
    sentence: str
    date: str
    stance: str
    source: str
    figure: str
    round: int


def read_set(path: Path = SET) -> list[Row]:
    rows, current = [], 1
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            m = _ROUND.match(line)
            current = int(m[1]) if m else current
            continue
        if line.strip():
            sentence, date, stance, source, figure = line.split("\t")
            rows.append(Row(sentence, date, stance, source, figure, current))
    return rows


def _figure_value(figure: str) -> float:
    return float(re.match(r"\d+(?:\.\d+)?", figure.replace(" ", "")).group())


def principal(row: Row) -> dict | None:
    """The engine's fact for the row's principal figure (the first fact with its value), or None."""
    if len(row.date) == 10:
        facts = extraction.extract_facts(row.sentence, "s", date=dt.date.fromisoformat(row.date))
    else:
        facts = extraction.extract_facts(row.sentence, "s", year=int(row.date))
    value = _figure_value(row.figure)
    return next((f.to_record() for f in facts if abs(f.value - value) < 1e-9), None)


def measure(rows: list[Row], show: bool = False) -> dict[str, float]:
    found = agree = 0
    for row in rows:
        fact = principal(row)
        ok = fact is not None and fact["stance"] == row.stance
        found += fact is not None
        agree += ok
        if show and not ok:
            got = fact["stance"] if fact else "(not found)"
            print(f"  {row.stance:>6} got {got:<11} {row.date:<10} {row.figure:<10} {row.sentence[:70]}")
    n = len(rows)
    return {"rows": n, "found": found, "agree": agree,
            "agreement_found": agree / found if found else 0.0, "agreement_all": agree / n if n else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, help="only the rows of this round")
    parser.add_argument("--show", action="store_true", help="print the rows the engine gets wrong")
    args = parser.parse_args()
    rows = read_set()
    rounds = sorted({r.round for r in rows}) if args.round is None else [args.round]
    for rnd in rounds:
        part = [r for r in rows if r.round == rnd]
        m = measure(part, args.show)
        print(f"round {rnd}: {m['rows']} sentences, principal figure found {m['found']}, "
              f"stance agreement {m['agreement_found']:.3f} of found, {m['agreement_all']:.3f} of all")
    if args.round is None and len(rounds) > 1:
        m = measure(rows)
        print(f"all: {m['rows']} sentences, found {m['found']}, stance agreement {m['agreement_found']:.3f} of found, "
              f"{m['agreement_all']:.3f} of all")


if __name__ == "__main__":
    main()
