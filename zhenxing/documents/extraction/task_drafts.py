"""The task draft: one commitment as the engine proposes it, with its lead unit, partners and deadline.

TaskDraft is the record extract_tasks returns (its to_record is SPEC's five-field task record); make_draft makes one
from a piece of a sentence (the lead suggested from the piece's words, the deadline from its date words or the plan
year's end, the confidence from why it is a task), assigned gives it the units a decomposition's tag names.
Passes over the drafts made: go_on joins drafts to the one closing the sentence just before on the same line, and
topics_led gives a counted work's topic sentence (一是…) the lead of the sentence after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from zhenxing.deadlines import parse_deadline

from ...patterns import quick
from .confidence import judge_task
from .departments import Suggestion, suggest_lead
from .layout import Prepared

_DATE_MARK = quick(r"[年月季旬日号]|长期|持续|常态|长效|每|定期")
# 1月26日讯, 9月28日电: the date of a news story, no deadline.
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日(?:讯|电)")
_YEAR = re.compile(r"20\d\d年")
_PLAN_PERIOD = re.compile(r"“?(十[三四五六])五”?(?:规划)?(?:期末|末|期间|时期)")
_PLAN_PERIOD_END = {"十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}


@dataclass(frozen=True)
class TaskDraft:
    """One commitment: its quote and offsets in the original text, the heading it belongs to, the unit
    suggested to lead it (with the phrase that triggered the suggestion), partners and deadline."""

    sentence: str
    start: int
    end: int
    section: str
    lead_unit: str = ""
    partner_units: tuple[str, ...] = ()
    deadline: str = ""  # ISO date or ""
    trigger: str = ""
    lead_confidence: float = 0.2
    confidence: float = 0.5  # how sure the engine is that this is a commitment with this lead unit
    goal: bool = False  # one goal of a list of goals
    why: str = ""  # what told the engine it is a task and who leads it (Chinese, for the review queue)
    level: str = ""  # the level of government the text speaks for (县: its units are 县X局), "" when unknown
    doc: str = field(default="", compare=False)

    def to_record(self) -> dict:
        """The SPEC "Tasks" record: exactly its five fields."""
        return {"doc": self.doc, "quote": self.sentence, "lead_unit": self.lead_unit,
                "partner_units": list(self.partner_units), "deadline": self.deadline}


Table = Mapping[str, str] | Iterable[tuple[str, str, float]]


def assigned(draft: TaskDraft, tag) -> TaskDraft:
    """The draft with the units its text assigns (牵头单位:…; 配合单位:…): no guess is needed."""
    return replace(draft, lead_unit=tag.lead, partner_units=tag.partners, trigger=tag.written,
                   lead_confidence=0.95, confidence=max(draft.confidence, 0.9),
                   why=draft.why.split("；")[0] + f"；牵头单位：文中指定（{tag.written}）")


# 投资9530万元,实施…易地扶贫搬迁工程; 在工业经济增长上,培育高新技术企业3家: the funds a work spends and the field
# it is told under tell less of who leads it than the work itself (a lead from the whole only when the work has none)
_FUNDS_FIRST = re.compile(r"即?(?:计划|拟|总|共)?投资(?:约|达)?\d+(?:\.\d+)?(?:万|亿)元,|在[^,;。]{2,14}(?:上|方面),")


def make_draft(prepared: Prepared, a: int, b: int, section: str, plan_year: int | None, rows, goal: bool,
           source: str, doc: str, level: str = "") -> TaskDraft:
    piece = prepared.norm[a:b]
    funds = _FUNDS_FIRST.match(piece)
    lead: Suggestion = suggest_lead(piece[funds.end():] if funds else piece, rows)
    if funds and not lead.lead:
        lead = suggest_lead(piece, rows)
    start, end = prepared.span(a, b)
    confidence, why = judge_task(source, goal, lead.confidence, lead.trigger)
    return TaskDraft(sentence=prepared.text[start:end], start=start, end=end, section=section,
                     lead_unit=lead.lead, partner_units=lead.partners, deadline=deadline_of(piece, plan_year),
                     trigger=lead.trigger, lead_confidence=lead.confidence,
                     confidence=confidence, goal=goal, why=why, level=level, doc=doc)


def deadline_of(piece: str, plan_year: int | None) -> str:
    """The date the text gives (年底前 → 12-31, 6月底前 → 06-30, 三季度 → 09-30); the plan year's
    last day for a task of an annual plan that names none; "" for 长期 or when no year is known."""
    if "讯" in piece or "电" in piece:
        piece = _DATELINE.sub("", piece)
    period = _PLAN_PERIOD.search(piece) if "五" in piece else None
    if period and not _YEAR.search(piece):  # “十四五”末建成… → 2025-12-31
        return f"{_PLAN_PERIOD_END[period.group(1)]}-12-31"
    marks = [m.start() for m in _DATE_MARK.finditer(piece)]
    if not marks:  # most commitments name no date: spare the full parse
        return f"{plan_year}-12-31" if plan_year else ""
    found = parse_deadline(piece[max(0, marks[0] - 12):marks[-1] + 8], plan_year or 2000)
    if found.on and (plan_year or _YEAR.search(found.phrase)):
        return found.on.isoformat()
    if found.long_term or not plan_year:
        return ""
    return f"{plan_year}-12-31"


def section_of(heading: str, topic: str) -> str:
    if heading and topic:
        return f"{heading} / {topic}"
    return heading or topic


def go_on(text: str, drafts: list[TaskDraft], before: int, last_step: list[int],
           item: list[int]) -> tuple[list[TaskDraft], list[int], list[int]]:
    """The drafts from `before` on continue the draft before them when it closes the sentence just before on the same
    line: one draft from its start to their end (its unit as it was), unless they are all of another unit's field."""
    prev, new = drafts[before - 1], drafts[before:]
    between = text[prev.end:new[0].start]
    if "\n" in between or between.strip(" 。;!,") or prev.end > new[0].start:
        return drafts, last_step, item
    if prev.lead_unit and all(d.lead_unit and d.lead_unit != prev.lead_unit for d in new):
        # 推进国家储备林项目建设。投入500万元完成…历史遗留矿山修复: another unit's field, another work
        return drafts, last_step, item
    merged = replace(prev, sentence=text[prev.start:new[-1].end], end=new[-1].end)
    kept = [k for k in item if k < before]
    return drafts[:before - 1] + [merged], [before - 1], kept + ([before - 1] if before - 1 not in kept else [])


def topics_led(text: str, drafts: list[TaskDraft]) -> list[TaskDraft]:
    """一是牢记…,在融入重大战略上取得新突破。坚持…融入京津冀协同发展…: a work's topic sentence naming no unit's
    field is led by the unit of the sentence after it in the same work (its line)."""
    out = list(drafts)
    for k, d in enumerate(out[:-1]):
        nxt = out[k + 1]
        line_end = text.find("\n", d.end)
        if (d.lead_unit or not nxt.lead_unit or not _TOPIC_OPENS.search(text, max(0, d.start - 4), d.start)
                or (0 <= line_end < nxt.start)):
            continue
        out[k] = replace(d, lead_unit=nxt.lead_unit, partner_units=nxt.partner_units,
                         lead_confidence=nxt.lead_confidence * 0.8)
    return out


_TOPIC_OPENS = re.compile(r"(?:[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十])[,:]?$")
