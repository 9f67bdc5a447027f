"""Walk a normalised text sentence by sentence, keeping heading and stance state."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .sentences import Span, is_item, lines, sentences
from .stance import StanceTracker
from .unit_names import unit_cell

_HEADING_MAX = 40  # longer "headings" are run-on paragraphs: keep their first sentence


@dataclass(frozen=True)
class Step:
    span: Span
    heading: str  # the nearest heading above the sentence ("" before the first)
    is_heading: bool  # the sentence is (the start of) a heading line
    opens_line: bool  # first sentence of its line
    line_goes_on: bool  # more sentences follow on the same line
    tracker: StanceTracker


def _opens_on_speech(text: str) -> bool:
    """“通过改造,城市功能将…。”: a paragraph opening on quoted words that say something, not on a quoted name
    (“零工驿站”促进791万人次灵活就业)."""
    if not text.startswith("“"):
        return False
    close = text.find("”")
    quoted = text[1:close] if close > 0 else text[1:]
    return close < 0 or len(quoted) > _NAME_MAX or any(ch in quoted for ch in ",;。!?")


_NAME_MAX = 12
_ROW_NUMBER = re.compile(r"\d{1,3}")
_SPACED_ROW = re.compile(r"\d{1,3}[ \t\u3000]+[\u4e00-\u9fff“]")


def walk(norm: str, plan_year: int | None = None, written: dt.date | None = None) -> Iterator[Step]:
    """Yield every sentence in order; the tracker has seen everything before it."""
    tracker = StanceTracker(norm, plan_year, written)
    heading = ""
    row_number = False  # the line before was a row's number alone
    for line in lines(norm):
        spans = sentences(norm, line.start, line.end)
        tracker.on_line()
        if line.heading:
            first = spans[0] if spans else Span(line.start, line.end)
            tracker.on_heading(norm[first.start:first.end], line.top_level)
            heading = norm[first.start:first.end].strip().rstrip("。")[:_HEADING_MAX]
        if not line.heading and _opens_on_speech(norm[line.start:line.end].lstrip()):
            tracker.on_speech()
        text = norm[line.start:line.end].strip()
        if not line.heading and (is_item(text) or row_number):
            # 4⏎深入推进…建设,取得…8本以上。: a row number on a line of its own (a table pasted one cell a line)
            # opens the item whose task is the next line
            # 1 实施…改造 新开工…67个。 11604 区住房城乡建委 新开工…42个: a table pasted one row a line, its cells
            # parted by spaces, is a table's row too
            tracker.on_item(bare=bool(text) and text[-1] not in "。;!?",
                            row=row_number or _SPACED_ROW.match(text) is not None)
        elif not line.heading:
            tracker.off_item()
        row_number = _ROW_NUMBER.fullmatch(text) is not None
        for k, span in enumerate(spans):
            cells = norm[span.start:span.end].split()  # 11604 区住房城乡建委: a cell of figures may stand before
            if k and cells and unit_cell(cells[-1]):
                tracker.off_item()  # 1 任务。 县发改委 进展: after the row's cell of units comes its progress
            yield Step(span, heading, line.heading and k == 0, k == 0, k + 1 < len(spans), tracker)
            tracker.after_span(norm, span.start, span.end)
