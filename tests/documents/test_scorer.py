"""Accuracy on the gold seeds, measured by the shared scorer (shared/tools/score_extraction.py)."""

import json
import re
import subprocess
import sys

from tests.conftest import shared_or_skip
from zhenxing.documents.extraction import extract_facts

MIN_F1 = 0.95  # the bar for the seeds with gold (raised as the extractor improves); we measure 0.968


def test_the_seeds_with_gold_score_at_least_the_bar(tmp_path):
    shared = shared_or_skip()
    gold = shared / "gold"
    preds = tmp_path / "preds.jsonl"
    with preds.open("w", encoding="utf-8") as out:
        for gold_file in sorted(gold.glob("*.jsonl")):
            text = (shared / "seeds" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
            for fact in extract_facts(text, gold_file.stem):
                out.write(json.dumps(fact.to_record(), ensure_ascii=False) + "\n")
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_extraction.py"), str(gold), str(preds),
         "--docs-dir", str(shared / "seeds")],
        capture_output=True, text=True, check=True,
    )
    f1 = float(re.search(r"overall F1=([\d.]+)", result.stdout).group(1))
    assert f1 >= MIN_F1, result.stdout
    kind, comparator = map(float, re.search(r"kind agrees ([\d.]+), comparator agrees ([\d.]+)",
                                            result.stdout).groups())
    assert kind >= 0.95 and comparator >= 0.95, result.stdout
