"""Part and item titles of a plan: which numbered lines title the works under them rather than being works.

A report numbers its parts (一、, (一): PART_NUMBER) and a decomposition its items (204., (3), ——: ITEM_OPEN;
1. run into its works: ITEM_TITLE_NUMBER).  A numbered item's title sentence (1.坚定不移支持企业发展。) is kept
aside as a draft (item_title) until the item's unit line says whether the decomposition assigns it; a part's title
closing an excerpt whose works were cut off (cut_heading) is no task.  A numbered line with its next sibling right
under it (1.…⏎2.…) is an item of a list, not a title (next_sibling); the one figureless sentence between a part's
title and its first labelled work sums the part up (part_overview); a run of lines each opening on a short label
sentence naming the work (建设农村饮水工程。积极对上争取…) is a list, one task per line (label_lines).  start_of_line
finds where a line starts, which is where these numbers stand.
"""

from __future__ import annotations

import re

from .commitments import DIGIT, is_commitment, trim_clause
from .goal_lists import goal_phrase
from .layout import Prepared
from .stance import TARGET
from .task_drafts import TaskDraft, make_draft

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
    if not line or line[-1] in "。;!?:”" or not PART_NUMBER.match(line) or DIGIT.search(line):
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
    body_end = trim_clause(prepared.norm, start, end)[1]
    # 1.一般公共预算收入与经济增长同步。 a goal without a figure is an item's whole task too
    goal = goal_phrase(prepared.norm, start, body_end)
    if stance != TARGET or not (is_commitment(prepared.norm[start:end]) or goal):
        return None
    return make_draft(prepared, start, end, step.heading, plan_year, rows, goal, source, doc)


def start_of_line(norm: str, at: int) -> int:
    """Where the line holding norm[at] starts, past its blanks."""
    k = norm.rfind("\n", 0, at) + 1
    while k < at and norm[k] in " \t\u3000":
        k += 1
    return k


_SIBLING = re.compile(r"\s*(\d{1,2})([.、．])(?!\d)")


def next_sibling(norm: str, at: int, line_end: int) -> bool:
    """The line opening at `at` is numbered (2.) and the next line is its next sibling (3.), nothing between."""
    m = _SIBLING.match(norm, at, line_end)
    if not m:
        return False
    k = line_end
    while k < len(norm) and norm[k] in "\n \t\u3000":
        k += 1
    nxt = _SIBLING.match(norm, k)
    return bool(nxt) and int(nxt.group(1)) == int(m.group(1)) + 1 and nxt.group(2) == m.group(2)


# 一、千方百计扩大内需,…⏎大力提振消费,提高投资效益,…,不断增强发展内生动力。⏎加快重大项目建设。聚焦…: the one
# sentence between a part's title and its first labelled work ((一)市场准入。…, 加快重大项目建设。…) sums the part up,
# naming no work of its own (no figure, no named action); the works follow under their labels
_PART_TITLE_LINE = re.compile(
    r"\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。;\n]{2,40}。?\s*")
_LABEL_OPENS = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])?[^,;。:\n]{2,14}。(?=\S)")
_NAMED_WORK = re.compile(r"行动|工程|计划|活动|项目")


def part_overview(norm: str, line_start: int, line_end: int) -> bool:
    """Whether the line norm[line_start:line_end] is a part's overview: one figureless sentence under the part's
    title line, above a line opening on a label sentence."""
    body = norm[line_start:line_end].strip()
    if (not body.endswith("。") or body.count("。") != 1 or DIGIT.search(body) or _NAMED_WORK.search(body)):
        return False
    above_end = line_start  # the line above, past blank lines (without copying the text before it)
    while above_end > 0 and norm[above_end - 1] == "\n":
        above_end -= 1
    above = norm[norm.rfind("\n", 0, above_end) + 1:above_end]
    below_start = line_end
    while below_start < len(norm) and norm[below_start] == "\n":
        below_start += 1
    below_end = norm.find("\n", below_start)
    below = norm[below_start:below_end if below_end >= 0 else len(norm)]
    return bool(above and _PART_TITLE_LINE.fullmatch(above) and _LABEL_OPENS.match(below))


# 老旧小区及外立面改造。改造老旧小区涉及受益居民659户,项目计划6月中旬施工,9月末完工。 a line opening on a short
# label sentence that names the work, its explanation after it on the line
_LABEL_LINE = re.compile(r"[ \t\u3000]*(?P<label>[^。\n\d,;:(（]{4,18})。[^\n]{8,}")
# a longer line, or one of more clauses, is a paragraph of works under a topic (发挥投资关键作用。强化…)
_LABEL_LINE_MAX, _LABEL_CLAUSES_MAX = 100, 4
_LABEL_RUN_MIN = 3
_NUMBERED_LABEL = re.compile(r"\s*[一二三四五六七八九十]{1,3}、")


def label_lines(norm: str) -> list[tuple[int, int]]:
    """The lines of a list whose items each open on a short label sentence (建设农村饮水工程。积极对上争取…。
    预计…年底完成工程项目。): (label start, line end) per line, each line one item; [] unless three or more such lines
    follow one another."""
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", norm):
        m = _LABEL_LINE.fullmatch(line.group())
        if (m and len(line.group().strip()) <= _LABEL_LINE_MAX and not _NUMBERED_LABEL.match(m.group("label"))
                and len(re.findall(r"[,;]", line.group())) <= _LABEL_CLAUSES_MAX):
            end = line.end() - (len(line.group()) - len(line.group().rstrip(" \t\u3000。")))
            run.append((line.start() + m.start("label"), end))
            continue
        if line.group().strip():
            found += run if len(run) >= _LABEL_RUN_MIN else []
            run = []
    return found + (run if len(run) >= _LABEL_RUN_MIN else [])

