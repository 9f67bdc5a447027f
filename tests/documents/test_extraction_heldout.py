"""Accuracy on held-out documents written for these tests (tests/documents/data/h*.txt).

Each document is our own prose in the genre (county work reports, a development-zone
news report, a five-year-plan excerpt, Party secretaries' articles); its gold records
(h*.jsonl, SPEC format) were written by hand before the extractor was run on it.  The
shared scorer's own functions score them, so the bar means what it means for the
customer's documents.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from tests.conftest import shared_or_skip
from zhenxing.documents.extraction import extract_facts

DATA = Path(__file__).parent / "data"
MIN_F1 = 0.85
DOCS = sorted(p.stem for p in DATA.glob("h*.jsonl"))


def scorer():
    path = shared_or_skip() / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_and_predictions(doc: str) -> tuple[list[dict], list[dict]]:
    text = (DATA / f"{doc}.txt").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in (DATA / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return gold, [fact.to_record() for fact in extract_facts(text, doc)]


def test_the_held_out_gold_quotes_are_in_their_documents():
    for doc in DOCS:
        text = (DATA / f"{doc}.txt").read_text(encoding="utf-8")
        gold, _ = gold_and_predictions(doc)
        assert gold and all(record["quote"] in text and record["doc"] == doc for record in gold), doc


def test_the_held_out_documents_score_at_least_the_bar_together():
    score = scorer()
    gold, pred = [], []
    for doc in DOCS:
        g, p = gold_and_predictions(doc)
        gold += g
        pred += p
    _, total = score.score(gold, pred)
    _, _, f1 = score.prf(total["tp"], total["pred"], total["gold"])
    assert f1 >= MIN_F1, (f1, total)
    assert total["kind"] / total["tp"] >= 0.95 and total["comp"] / total["tp"] >= 0.95, total


@pytest.mark.parametrize("doc", DOCS)
def test_each_held_out_document_scores_at_least_the_bar(doc):
    score = scorer()
    gold, pred = gold_and_predictions(doc)
    rows, _ = score.score(gold, pred)
    _, tp, npred, ngold = rows[0]
    _, _, f1 = score.prf(tp, npred, ngold)
    assert f1 >= MIN_F1, (doc, f1, tp, npred, ngold)
