"""The blind task set (tests/documents/data/taskset) stays above a floor, scored as bench/taskset.py scores it with
shared/tools/score_tasks.py's rules.  Its first-seen figures are in tests/documents/corpus/README.md."""

import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "tests" / "documents" / "data" / "taskset"
SOURCES = json.loads((SET / "sources.json").read_text(encoding="utf-8"))
# just under the figures after the fixes, by round (first seen: round 1 F1 0.777, lead unit 0.670; round 2, after round
# 1's fixes, F1 0.744, lead unit 0.800; round 3, after the corpus's R1–R28 fixes, F1 0.849, lead unit 0.722; after:
# round 1 0.975 / 0.810, round 2 0.968 / 0.966, round 3 0.978 / 0.801; round 4 first seen F1 0.831, lead unit 0.692,
# after its fixes 0.973 / 0.904; round 5 first seen F1 0.885, lead unit 0.720, after its fixes 0.932 / 0.833; round 6,
# held out all session, first seen F1 0.691, lead unit 0.852, the same on the session's final engine, not fixed yet)
FLOOR = {1: {"f1": 0.96, "lead_unit": 0.79}, 2: {"f1": 0.955, "lead_unit": 0.96}, 3: {"f1": 0.965, "lead_unit": 0.79},
         4: {"f1": 0.96, "lead_unit": 0.89}, 5: {"f1": 0.92, "lead_unit": 0.82},
         6: {"f1": 0.67, "lead_unit": 0.83}}


def test_every_passage_has_its_text_its_gold_and_a_source_outside_liaoning():
    for doc, meta in SOURCES.items():
        text = (SET / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
        for line in (SET / "gold" / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["doc"] == doc and record["quote"] in text, (doc, record)
        assert meta["source"] and meta["province"] != "辽宁" and meta["year"], doc


@pytest.mark.parametrize("round_", sorted(FLOOR))
def test_each_round_of_the_task_set_stays_above_its_floor(round_):
    shared_or_skip()
    spec = importlib.util.spec_from_file_location("taskset", ROOT / "bench" / "taskset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = module.measure(round_, out=lambda *_: None)
    low = {name: found[name] for name, floor in FLOOR[round_].items() if found[name] < floor}
    assert not low, (round_, low)
