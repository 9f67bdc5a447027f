"""Accuracy on the blind fact set (tests/documents/data/factset): real single sentences, one scored unit each.

usage: python bench/factset.py [--round N] [--save FILE] [--misses]

Each sentence is extracted alone, the engine told the year of its document as ingestion is (bench/accuracy.py does the
same for whole documents), and scored with shared/tools/score_extraction.py: fact F1 / P / R pooled over the sentences,
stance agreement among facts matched on value, unit and indicator alone. --misses prints what was missed and what was
predicted in excess, sentence by sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "documents" / "data" / "factset"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import SHARED, _module, read_jsonl, stance_agreement  # noqa: E402

from zhenxing.documents import extraction  # noqa: E402


def rounds() -> list[int]:
    return sorted(int(p.name[5:].split(".")[0]) for p in SET.glob("round*.sentences.jsonl"))


def predict(sentences: list[dict]) -> list[dict]:
    pred: list[dict] = []
    for s in sentences:
        pred += [f.to_record() for f in extraction.extract_facts(s["text"], s["id"], year=s["year"])]
    return pred


def measure(numbers: list[int], misses: bool = False, save: Path | None = None) -> dict:
    scorer = _module("score_extraction")
    sentences, gold = [], []
    for n in numbers:
        sentences += read_jsonl(SET / f"round{n}.sentences.jsonl")
        gold += read_jsonl(SET / f"round{n}.facts.jsonl")
    pred = predict(sentences)
    if save:
        save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pred), encoding="utf-8")
    _, t = scorer.score(gold, pred)
    p, r, f = scorer.prf(t["tp"], t["pred"], t["gold"])
    agree, matched = stance_agreement(gold, pred, scorer)
    if misses:
        show_misses(sentences, gold, pred, scorer)
    return {"sentences": len(sentences), "docs": len({s["doc"] for s in sentences}), "gold": t["gold"],
            "pred": t["pred"], "tp": t["tp"], "f1": f, "p": p, "r": r,
            "stance": agree / max(matched, 1), "stance_n": matched}


def show_misses(sentences: list[dict], gold: list[dict], pred: list[dict], scorer) -> None:
    for s in sentences:
        gs = [g for g in gold if g["doc"] == s["id"]]
        ps = [p for p in pred if p["doc"] == s["id"]]
        used, extra = [False] * len(gs), []
        for p in ps:
            for i, g in enumerate(gs):
                if not used[i] and scorer.key_ok(p, g):
                    used[i] = True
                    break
            else:
                extra.append(p)
        missed = [g for g, u in zip(gs, used, strict=True) if not u]
        if not missed and not extra:
            continue
        print(f"\n## {s['id']} ({s['year']}) {s['text']}")
        for g in missed:
            print(f"  - {g['indicator']} {g['value']:g} {g['unit']} {g['stance']}")
        for p in extra:
            print(f"  + {p['indicator']} {p['value']:g} {p['unit']} {p['stance']}  [{p['quote']}]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, help="only this round")
    parser.add_argument("--save", type=Path, help="write the predictions here")
    parser.add_argument("--misses", action="store_true", help="print missed and excess facts by sentence")
    args = parser.parse_args()
    if not (SHARED / "tools").is_dir():
        print(f"skipped: no scorers at {SHARED / 'tools'}")
        return 0
    numbers = rounds() if args.round is None else [args.round]
    m = measure(numbers, args.misses, args.save)
    label = "all rounds" if args.round is None else f"round {args.round}"
    print(f"factset {label}: {m['sentences']} sentences from {m['docs']} documents · facts F1 {m['f1']:.3f}"
          f" (P {m['p']:.3f} R {m['r']:.3f}, gold {m['gold']}, predicted {m['pred']}) · stance {m['stance']:.3f}"
          f" of {m['stance_n']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
