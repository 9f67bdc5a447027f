"""Task drafts: every commitment sentence of the plan part of a text, and its likely lead unit.

A sentence is a commitment when it stands in the plan part (target stance: a
"工作安排" section, or a sentence cued by 将/力争/要/今后…) and says what will be
done (实施, 推进, 建设, 完成…).  Numbers are not required: 加快推进城市更新 is a task.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import document_date
from .layout import prepare
from .sentences import BULLETS
from .stance import TARGET
from .walk import walk

_ACTION = re.compile(
    r"实施|推进|推动|建设|建成|完成|开展|力争|确保|加快|打造|培育|新建|改造|提升|提高|落实|深化|强化|健全|"
    r"完善|实现|创建|举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|争创|申建|组建|发展|支持|"
    r"促进|巩固|整治|治理|保障|解决|修复|改善|规划|谋划|招引|建立|开辟|办好|守住|防范|化解"
)
# Framing sentences of a plan section: what the year is, the guiding thought, the
# announcement of the parts to come.  They commit to nothing a unit can be tasked with.
_FRAMING = re.compile(
    r"^(?:今年|明年|20\d\d年|这一年|当前)(?:是|为).*?(?:之年|一年|关键期|窗口期|之际|周年)|"
    r"总体要求|指导思想|基本原则|工作思路是|总体思路|"
    r"(?:抓好|做好|突出|聚焦|把握|推进)(?:以下|好)?[一二三四五六七八九十两几\d]+(?:个|项)?方面(?:的)?(?:重点)?工作|"
    r"(?:抓好|做好)以下(?:几项|几个方面)?(?:重点)?工作"
)
# "X是Y" opening a sentence that promises nothing (创新是振兴发展的第一动力): a statement.
_STATEMENT = re.compile(r"^[^,;:。!?“”]{1,24}?(?<![但还否总正也])(?:就)?是(?!否)[^,;:。!?]*(?:[,;。!?]|$)")
_PROMISE = re.compile(r"要|将|力争|确保|必须|务必|计划|目标")
_LONG = 80  # a longer sentence is split where a new action starts after a comma
_PIECE_MIN = 16  # shorter pieces stay with the next one (扎实推进央地合作,加快…)
_CLAUSE_ACTION = re.compile(
    r",(?=(?:全力|加快|加速|大力|积极|着力|扎实|稳步|全面|持续|深入|有序|力争|确保|进一步)?"
    r"(?:开工建设|实施|推进|推动|建设|建成|完成|开展|打造|培育|新建|改造|提升|落实|深化|强化|健全|完善|创建|"
    r"举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|组建|发展|支持|促进|巩固|整治|治理|招引|建立))"
)
_MIN_CHARS = 8  # shorter sentences are headings or slogans (今年注定是不平凡的一年!)
_TOPIC_MAX = 20  # a short sentence opening a longer paragraph names its topic (着力推进新型工业化。)


@dataclass(frozen=True)
class TaskDraft:
    """One commitment sentence: its text, its offsets and the heading it belongs to."""

    sentence: str
    start: int
    end: int
    section: str


def extract_tasks(text: str, date: dt.date | None = None, year: int | None = None) -> list[TaskDraft]:
    """The commitment sentences of the plan part of `text`, in order."""
    prepared = prepare(text)
    norm = prepared.norm
    plan_year = document_date(text, date, year).plan_year
    drafts: list[TaskDraft] = []
    topic, topic_line = "", -1
    for step in walk(norm, plan_year):
        start, end = _trim(norm, step.span.start, step.span.end)
        body = norm[start:end]
        if step.is_heading or len(body) < _MIN_CHARS:
            topic, topic_line = "", -1
            continue
        if step.opens_line and step.line_goes_on and len(body) <= _TOPIC_MAX:
            topic, topic_line = body.rstrip("。!;"), start
            continue
        if step.tracker.stance_for(body) != TARGET or not _is_commitment(body):
            continue
        section = _section(step.heading, topic if topic_line >= 0 else "")
        for a, b in _pieces(norm, start, end):
            start_at, end_at = prepared.span(a, b)
            drafts.append(TaskDraft(sentence=text[start_at:end_at], start=start_at, end=end_at, section=section))
    return drafts


def _is_commitment(body: str) -> bool:
    """An action is promised: not the framing of the section, not a statement of what is."""
    if not _ACTION.search(body) or _FRAMING.search(body) or body.endswith(":"):
        return False  # …主要目标是: announces the list that follows
    return not (_STATEMENT.match(body) and not _PROMISE.search(body))


def _pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A long sentence cut before each comma that opens a new action; short pieces join the next."""
    if end - start <= _LONG:
        return [(start, end)]
    cuts = [m.start() for m in _CLAUSE_ACTION.finditer(norm, start, end)]
    pieces, a = [], start
    for c in cuts:
        if c - a >= _PIECE_MIN and end - c - 1 >= _PIECE_MIN:
            pieces.append((a, c))
            a = c + 1
    pieces.append((a, end))
    return pieces


def _section(heading: str, topic: str) -> str:
    if heading and topic:
        return f"{heading} / {topic}"
    return heading or topic


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start] in " \t\u3000\n" + BULLETS:
        start += 1
    while end > start and norm[end - 1] in " \t\u3000\n":
        end -= 1
    return start, end
