"""Task drafts: every commitment sentence of the plan part of a text, and its likely lead unit.

A sentence is a commitment when it stands in the plan part (target stance: a
"工作安排" section, or a sentence cued by 将/力争/要/今后…) and says what will be
done (实施, 推进, 建设, 完成…).  Numbers are not required: 加快推进城市更新 is a task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .stance import TARGET
from .text import normalise
from .walk import walk

_ACTION = re.compile(
    r"实施|推进|推动|建设|建成|完成|开展|力争|确保|加快|打造|培育|新建|改造|提升|提高|落实|深化|强化|健全|"
    r"完善|实现|创建|举办|引进|新增|开工|启动|抓好|做好|构建|扩大|优化|加强|争创|申建|组建|发展|支持|"
    r"促进|巩固|整治|治理|保障|解决|修复|改善|规划|谋划|招引|建立|开辟|办好|守住|防范|化解"
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


def extract_tasks(text: str) -> list[TaskDraft]:
    """The commitment sentences of the plan part of `text`, in order."""
    norm = normalise(text)
    drafts: list[TaskDraft] = []
    topic, topic_line = "", -1
    for step in walk(norm):
        start, end = _trim(norm, step.span.start, step.span.end)
        body = norm[start:end]
        if step.is_heading or len(body) < _MIN_CHARS:
            topic, topic_line = "", -1
            continue
        if step.opens_line and step.line_goes_on and len(body) <= _TOPIC_MAX:
            topic, topic_line = body.rstrip("。!;"), start
            continue
        if step.tracker.stance_for(body) != TARGET or not _ACTION.search(body):
            continue
        section = _section(step.heading, topic if topic_line >= 0 else "")
        drafts.append(TaskDraft(sentence=text[start:end], start=start, end=end, section=section))
    return drafts


def _section(heading: str, topic: str) -> str:
    if heading and topic:
        return f"{heading} / {topic}"
    return heading or topic


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start] in " \t\u3000\n":
        start += 1
    while end > start and norm[end - 1] in " \t\u3000\n":
        end -= 1
    return start, end
