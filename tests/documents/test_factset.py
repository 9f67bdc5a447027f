"""The blind fact set (tests/documents/data/factset): its files agree with their hand-written source, and the engine
stays above a floor on it (bench/factset.py: each real sentence extracted alone, told its document's year)."""

import importlib.util
import json
from pathlib import Path

from tests.conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "tests" / "documents" / "data" / "factset"
# round 1 first seen 0.798 / 0.868, after its fixes 0.887 / 0.936; round 2 first seen (after round 1's fixes)
# 0.808 / 0.875, after its two fixes 0.832 / 0.878; both rounds now 0.874 / 0.923; round 3 first seen (after round
# 2's fixes) 0.851 / 0.926, after its fixes 0.944 / 0.996; the three rounds 0.903 / 0.947; round 4 first seen (after
# round 3's fixes) 0.808 / 0.861, after its fixes 0.945 / 0.974; the four rounds 0.937 / 0.975; after the stance set's
# round 4 fixes (plan lists' items, progress rows' task cells, (预计,下同)) 0.930 / 0.976; round 4 of this set landed
# unseen after that (all four rounds 0.901 / 0.949 first seen): the floor stays where it held the rounds measured
FLOOR = {"f1": 0.87, "stance": 0.93}


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_set_files_are_built_from_their_source():
    build = _module("factset_build", SET / "build.py")
    for path in sorted(SET.glob("round*.txt")):
        sentences, facts = build.parse(path)
        stem = path.with_suffix("")
        assert sentences == [json.loads(x) for x in stem.with_suffix(".sentences.jsonl").read_text().splitlines()]
        assert facts == [json.loads(x) for x in stem.with_suffix(".facts.jsonl").read_text().splitlines()]
        texts = {s["id"]: s["text"] for s in sentences}
        assert all(f["quote"] in texts[f["doc"]] for f in facts)
        assert all(s["province"] != "辽宁" and s["source"] for s in sentences)


def test_the_engine_stays_above_the_floor_on_the_set():
    shared_or_skip()
    bench = _module("factset_bench", ROOT / "bench" / "factset.py")
    found = bench.measure(bench.rounds())
    assert found["f1"] >= FLOOR["f1"], found
    assert found["stance"] >= FLOOR["stance"], found
