"""Lead agreement with the governments' own assignments: tests/documents/data/official_leads.tsv.

usage: python bench/official_leads.py [--misses] [--round N] [--file PATH]

Each row of the set is a real task item copied from an official decomposition (政府工作报告 责任分解, 民生实事 分解表,
工作方案/要点) with the first lead unit the government named.  The engine suggests a lead for the item's text with the
same function task drafts use (departments.suggest_lead on the normalised text, the default keyword table); a
suggestion agrees when its standard name is the government's.  Prints agreement overall, per round (a comment line
"# == round N ==" starts round N; the rows before the first such line are round 1) and per city, and how many leads are
local bodies no standard department names (双招双引办, 玉环经济开发区…); --misses lists the disagreements, --round N
restricts everything to one round.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhenxing.documents.extraction.departments import suggest_lead  # noqa: E402
from zhenxing.documents.extraction.text import normalise  # noqa: E402
from zhenxing.documents.extraction.unit_names import canonical, standard_name  # noqa: E402

DEFAULT = ROOT / "tests" / "documents" / "data" / "official_leads.tsv"


ROUND_MARK = re.compile(r"^# == round (\d+) ==")


def rows(path: Path) -> list[tuple[str, str, str, int]]:
    """(text, lead, city, round) of each item of the set."""
    out = []
    current = 1
    for line in path.read_text(encoding="utf-8").splitlines():
        mark = ROUND_MARK.match(line)
        if mark:
            current = int(mark.group(1))
        elif line.strip() and not line.startswith("#"):
            text, lead, city = line.split("\t")
            out.append((text, lead, city, current))
    return out


def suggested(text: str) -> str:
    """The engine's lead for an item, as a task draft gets it."""
    return suggest_lead(normalise(text)).lead


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the items where the engine disagrees")
    parser.add_argument("--round", type=int, help="only the items of this round")
    parser.add_argument("--file", type=Path, default=DEFAULT)
    args = parser.parse_args()
    items = [item for item in rows(args.file) if args.round is None or item[3] == args.round]
    per_city: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_round: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    local = 0
    for text, lead, city, round_ in items:
        got = suggested(text)
        ok = bool(got) and standard_name(got) == standard_name(lead)
        per_city[city][0] += ok
        per_city[city][1] += 1
        per_round[round_][0] += ok
        per_round[round_][1] += 1
        if canonical(lead) is None:
            local += 1
        if not ok:
            misses.append((city, lead, got or "—", text))
    right = sum(c[0] for c in per_city.values())
    print(f"official leads: {right}/{len(items)} = {right / len(items):.3f}  "
          f"({len(per_city)} governments; {local} leads are local bodies no standard department names)")
    for round_, (ok, n) in sorted(per_round.items()):
        print(f"  round {round_}\t{ok}/{n}\t{ok / n:.3f}")
    for city, (ok, n) in sorted(per_city.items(), key=lambda kv: (-kv[1][1], kv[0])):
        print(f"  {city}\t{ok}/{n}\t{ok / n:.2f}")
    if args.misses:
        print("\nmisses (city, government's lead, engine's lead, item):")
        for city, lead, got, text in misses:
            print(f"  {city}\t{lead}\t{got}\t{text[:70]}")


if __name__ == "__main__":
    main()
