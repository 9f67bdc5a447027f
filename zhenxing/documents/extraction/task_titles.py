"""Part and item titles of a plan: which numbered lines title the works under them rather than being works.

A report numbers its parts (一、, (一): PART_NUMBER) and a decomposition its items (204., (3), ——: ITEM_OPEN;
1. run into its works: ITEM_TITLE_NUMBER).  A numbered item's title sentence (1.坚定不移支持企业发展。) is kept
aside as a draft (item_title) until the item's unit line says whether the decomposition assigns it; a part's title
closing an excerpt whose works were cut off (cut_heading) is no task.  start_of_line finds where a line starts,
which is where these numbers stand.
"""

from __future__ import annotations

import re

from .commitments import _DIGIT, _is_commitment, _trim_clause
from .goal_lists import _goal_phrase
from .layout import Prepared
from .stance import TARGET
from .task_drafts import TaskDraft, _draft

# (一) or 一、 opening a part's title (a report numbers its parts so; a list's items are 1. or bare)
PART_NUMBER = re.compile(r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
# 204. / (3) / 二、 opening a line: a new item of the decomposition, whose unit line comes after it
ITEM_OPEN = re.compile(
    r"\s*(?:\d{1,3}[.、．﹒](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|——)")
ITEM_TITLE_NUMBER = re.compile(r"\s*\d{1,2}[.、．](?!\d)")


def cut_heading(norm: str, start: int, end: int) -> bool:
    """The text's last line is a part's title whose works the excerpt cut off: numbered as parts are ((一), 一、), no
    figure, no final stop, and not the last of a run of lines numbered and left open alike (a bare list's items)."""
    line = norm[start:end].rstrip()
    if not line or line[-1] in "。;!?:”" or not PART_NUMBER.match(line) or _DIGIT.search(line):
        return False
    before = norm[:start_of_line(norm, start)].rstrip()
    previous = before[before.rfind("\n") + 1:].strip()
    return not (previous and PART_NUMBER.match(previous) and previous[-1] not in "。;!?:”")


def item_title(prepared: Prepared, step, start: int, end: int, plan_year: int | None, rows, doc: str
               ) -> TaskDraft | None:
    """A numbered item's title sentence (1.坚定不移支持企业发展。 before the item's works) as a draft, kept aside
    until the item's unit line says whether the decomposition assigns it; None when it is no commitment."""
    if not ITEM_OPEN.match(prepared.norm, start_of_line(prepared.norm, step.span.start)):
        return None
    stance, source = step.tracker.stance_and_source(prepared.norm, start, end)
    body_end = _trim_clause(prepared.norm, start, end)[1]
    # 1.一般公共预算收入与经济增长同步。 a goal without a figure is an item's whole task too
    goal = _goal_phrase(prepared.norm, start, body_end)
    if stance != TARGET or not (_is_commitment(prepared.norm[start:end]) or goal):
        return None
    return _draft(prepared, start, end, step.heading, plan_year, rows, goal, source, doc)


def start_of_line(norm: str, at: int) -> int:
    """Where the line holding norm[at] starts, past its blanks."""
    k = norm.rfind("\n", 0, at) + 1
    while k < at and norm[k] in " \t\u3000":
        k += 1
    return k
