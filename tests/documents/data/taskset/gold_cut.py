"""What every round's make_gold script shares: task gold cut from the start and end snippets of each quote as read.

A round's script lists its tasks with GOLD.t(doc, start, end, lead, partners, deadline) and ends with GOLD.write(clean),
which finds each quote in its text (the start snippet must occur once), tidies it with the round's own `clean` and
writes gold/<doc>.jsonl. The gold files are the record; the scripts show how they were written."""
import json
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent


def span(text: str, start: str, end: str) -> str:
    """The text from the one place `start` occurs to the first `end` after it (or inside it)."""
    assert text.count(start) == 1, (start, text.count(start))
    i = text.index(start)
    j = text.index(end, i + len(start) - len(end) if end in start else i) + len(end)
    return text[i:j]


class GoldTasks(dict[str, list[tuple[str, str, str, list[str], str]]]):
    """Tasks by passage, in the order read."""

    def t(self, doc: str, start: str, end: str, lead: str, partners=(), deadline: str = "") -> None:
        self.setdefault(doc, []).append((start, end, lead, list(partners), deadline))

    def write(self, clean: Callable[[str], str]) -> None:
        for doc, items in self.items():
            text = (HERE / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
            rows = []
            for start, end, lead, partners, deadline in items:
                quote = clean(span(text, start, end))
                assert quote in text and len(quote) < 120, quote
                rows.append({"doc": doc, "quote": quote, "lead_unit": lead, "partner_units": partners,
                             "deadline": deadline})
            (HERE / "gold" / f"{doc}.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            print(doc, len(rows))
