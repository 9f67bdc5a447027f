"""Throughput of fact extraction on the five seed documents (one core).

usage: python bench/extract.py [--repeat N]

Prints KB of text per second and the time for one pass over all five seeds.
Needs ../shared/seeds beside the repository; skips with a message without it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("ZHENXING_SHARED") or ROOT.parent / "shared") / "seeds"
GOAL_KB_PER_S = 200.0

sys.path.insert(0, str(ROOT))

from zhenxing.documents.extraction import extract_facts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the seeds (default 20)")
    args = parser.parse_args()
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        print(f"skipped: no seed documents at {SEEDS.resolve()}")
        return 0
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    kb = sum(len(t.encode("utf-8")) for _, t in texts) / 1024
    extract_all(texts)  # warm-up: regex compilation and cn2an caches
    passes = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        facts = extract_all(texts)
        passes.append(time.perf_counter() - started)
    best, median = min(passes), sorted(passes)[len(passes) // 2]
    print(f"{len(texts)} seeds, {kb:.1f} KB, {facts} facts per pass, {args.repeat} passes")
    print(f"one pass over all seeds: median {median * 1000:.1f} ms, best {best * 1000:.1f} ms")
    print(f"throughput: {kb / median:.0f} KB/s (median), {kb / best:.0f} KB/s (best); goal {GOAL_KB_PER_S:.0f} KB/s")
    return 0


def extract_all(texts: list[tuple[str, str]]) -> int:
    return sum(len(extract_facts(text, doc)) for doc, text in texts)


if __name__ == "__main__":
    raise SystemExit(main())
