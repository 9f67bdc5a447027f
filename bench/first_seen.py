"""First-seen accuracy on the real-text corpus: each batch scored with the engine as it was when its gold was committed.

usage: python bench/first_seen.py [--batch N ...]

The honesty record of tests/documents/corpus is the commit order: a batch's texts and hand-written gold are committed
before any rule is changed for them.  For every batch this finds the commit that first added its gold files, checks that
commit out in a temporary git worktree, runs that commit's engine on the batch (told the year each document plans for,
as bench/accuracy.py does) and scores the predictions with today's scorers — per batch and pooled.  Needs the git
history and ../shared (or ZHENXING_SHARED) for the scorers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402


def gold_commit(batch: int) -> str:
    """The commit that first added the batch's fact gold (b{N}_…jsonl)."""
    found = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--reverse", "--",
         f"tests/documents/corpus/facts/b{batch}_*.jsonl"], capture_output=True, text=True, check=True).stdout.split()
    if not found:
        raise SystemExit(f"no commit adds the gold of batch {batch}")
    return found[0]


def runnable(commit: str) -> str:
    """`commit` if it has bench/accuracy.py, else the first later commit that adds it without touching the engine
    (batch R1's gold came one commit before the script that measured it)."""
    def has_script(c: str) -> bool:
        return subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{c}:bench/accuracy.py"],
                              capture_output=True).returncode == 0
    if has_script(commit):
        return commit
    later = subprocess.run(["git", "-C", str(ROOT), "log", "--format=%H", "--reverse", "--ancestry-path",
                            f"{commit}..HEAD", "--", "bench/accuracy.py"], capture_output=True, text=True,
                           check=True).stdout.split()
    same_engine = later and subprocess.run(["git", "-C", str(ROOT), "diff", "--quiet", commit, later[0], "--",
                                            "zhenxing"]).returncode == 0
    if not same_engine:
        raise SystemExit(f"no measuring script for the engine at {commit[:7]}")
    return later[0]


def predict_at(commit: str, batch: int, out: Path) -> None:
    """Predictions of the engine at `commit` for a batch: that commit's own bench/accuracy.py --save, run in a
    temporary worktree (the calls it makes are the ones its engine accepted)."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
        try:
            env = {**os.environ, "ZHENXING_SHARED": str(accuracy.SHARED)}
            subprocess.run([sys.executable, str(tree / "bench" / "accuracy.py"), "--batch", str(batch),
                            "--save", str(out)], check=True, capture_output=True, env=env)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)


def score(docs: dict[str, dict], pred_dir: Path) -> dict:
    """bench/accuracy.py's figures for saved predictions."""
    facts_scorer, tasks_scorer = accuracy._module("score_extraction"), accuracy._module("score_tasks")
    gold_f, pred_f, tot = [], [], defaultdict(int)
    for doc in docs:
        gold_f += accuracy.read_jsonl(accuracy.CORPUS / "facts" / f"{doc}.jsonl")
        pred_f += accuracy.read_jsonl(pred_dir / f"{doc}.facts.jsonl")
        counts = accuracy.task_counts(accuracy.read_jsonl(accuracy.CORPUS / "tasks" / f"{doc}.jsonl"),
                                      accuracy.read_jsonl(pred_dir / f"{doc}.tasks.jsonl"), tasks_scorer)
        for k, v in counts.items():
            tot[k] += v
    _, t = facts_scorer.score(gold_f, pred_f)
    fp, fr, ff = facts_scorer.prf(t["tp"], t["pred"], t["gold"])
    agree, matched = accuracy.stance_agreement(gold_f, pred_f, facts_scorer)
    tr, tp = tot["covered"] / max(tot["gold"], 1), tot["useful"] / max(tot["pred"], 1)
    return {"docs": len(docs), "fact_f1": ff, "fact_p": fp, "fact_r": fr, "facts_gold": t["gold"],
            "stance": agree / max(matched, 1), "stance_n": matched,
            "task_f1": accuracy.f1(tp, tr), "task_p": tp, "task_r": tr, "tasks_gold": tot["gold"],
            "lead_unit": tot["agree"] / max(tot["named"], 1), "lead_n": tot["named"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, nargs="+", action="extend",
                        help="only these batches (--batch 20 21, or --batch 20 --batch 21)")
    args = parser.parse_args()
    if not (accuracy.SHARED / "tools").is_dir():
        print(f"skipped: no scorers at {accuracy.SHARED / 'tools'}")
        return 0
    manifest = json.loads((accuracy.CORPUS / "manifest.json").read_text(encoding="utf-8"))
    batches = args.batch or sorted({m["batch"] for m in manifest.values()})
    with tempfile.TemporaryDirectory() as tmp:
        pred_dir = Path(tmp)
        for b in batches:
            docs = {d: m for d, m in manifest.items() if m["batch"] == b}
            commit = runnable(gold_commit(b))
            predict_at(commit, b, pred_dir)
            print(accuracy.line(f"batch {b}", score(docs, pred_dir)) + f" · engine at {commit[:7]}")
        if len(batches) > 1:
            docs = {d: m for d, m in manifest.items() if m["batch"] in batches}
            print(accuracy.line("pooled", score(docs, pred_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
