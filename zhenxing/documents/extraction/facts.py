"""extract_facts: the quantitative facts of a policy text (shared/extraction/SPEC.md).

Pipeline: normalise (length-preserving) → lines and headings → sentences →
numbers (quantities.py) → drop numbers that only qualify another one →
indicator, kind, comparator, stance for each remaining number.

Ranges (3-5个, 5%-6%) record their lower bound with comparator ">=": the
promise is "at least the lower bound", which is what a target ledger checks.

The passes live in their own modules: fact_filters (numbers that are no facts), fact_reading (one figure's
indicator, kind and stance), fact_lists (values and subjects said together), fact_naming (indicators borrowed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .confidence import judge_confidence
from .dates import document_date
from .fact_filters import MEETING_TALK, drop_qualifying_numbers, merge_ranges
from .fact_lists import list_aware_cuts, read_lists, split_shared_value
from .fact_naming import COMPLETION, fill_empty_indicators
from .fact_reading import Draft, read_one
from .indicators import LEVEL
from .layout import Prepared, prepare
from .lists import share_grade_noun, share_last_unit
from .quantities import Quantity, find_quantities
from .result_tables import read_cells, result_rows
from .sentences import Span, clause_cuts, label_above
from .stance import ACTUAL, TARGET, StanceTracker
from .units import COUNT_UNITS, GRADE_UNITS
from .walk import walk

RECORD_FIELDS = ("doc", "quote", "indicator", "value", "unit", "kind", "comparator", "stance")


@dataclass(frozen=True)
class Fact:
    """One number with its indicator; `start`/`end` locate `quote` in the text."""

    doc: str
    quote: str
    indicator: str
    value: float
    unit: str
    kind: str
    comparator: str
    stance: str
    start: int
    end: int
    confidence: float = 0.5  # how sure the engine is of the stance and the indicator (the lower of both)
    why: str = ""  # what the stance and the indicator rest on, in Chinese, for the reviewer

    def to_record(self) -> dict:
        """The SPEC record: exactly the eight SPEC fields."""
        return {name: getattr(self, name) for name in RECORD_FIELDS}


def extract_facts(text: str, doc: str, date: dt.date | None = None, year: int | None = None) -> list[Fact]:
    """Every quantitative fact of `text`, in text order; `doc` names the document.

    `date` (when the document was written) or `year` (the year it plans for) judge its year phrases;
    without them the engine reads the date from the text (dates.document_date)."""
    prepared = prepare(text)
    norm = prepared.norm
    dated = document_date(text, date, year)
    plan_year = dated.plan_year
    quantities = find_quantities(norm)
    facts: list[Fact] = []
    results = result_rows(norm) if "|" in norm else []
    qi = 0
    last: Draft | None = None  # the paragraph's last fact so far
    for step in walk(norm, plan_year, dated.date):
        sent = step.span
        if step.opens_line:
            last = None
        while qi < len(quantities) and quantities[qi].start < sent.start:
            qi += 1
        qj = qi
        while qj < len(quantities) and quantities[qj].end <= sent.end:
            qj += 1
        if qj > qi:
            label = label_above(norm, sent.start) if step.opens_line and step.heading else ""
            drafts = _sentence_drafts(norm, sent, quantities[qi:qj], step.tracker, last, label)
            if results:  # 1 | 新增4000张养老床位 | 4385 | 110% |: the target restated, then what was done
                read_cells(norm, results, drafts, TARGET, ACTUAL)
            if facts and _RECALLED.match(norm, sent.start, sent.end):
                drafts = _not_recounted(norm, sent, drafts, facts)
            drafts = _not_picked_from(norm, drafts, facts)
            facts.extend(_to_fact(d, prepared, doc, plan_year is not None) for d in drafts)
            last = next((d for d in reversed(drafts) if not COMPLETION.match(d.indicator)), last)
        qi = qj
    return facts


# 会议确定事项22件,已办结6件,正在办理16件。…确定的22件事项中,16件正在办理: a sentence opening on a set already
# counted (…的N件事项中,) recalls it and its parts; the counts it repeats are no new facts
# (453个市级重点项目中,…: the sentence may open on the count itself)
_RECALLED = re.compile(r"\s*(?:[^,;。]{0,40}?的)?(?P<n>\d+(?:\.\d+)?)(?P<u>件|项|个|家)[\u4e00-\u9fff]{0,10}中[,:]")


def _not_recounted(norm: str, sent, drafts: list[Draft], facts: list[Fact]) -> list[Draft]:
    """The drafts of a sentence recalling a counted set (…的22件事项中,16件正在办理) without the counts the document
    already gave with the same stance; all of them when the recalled set itself was not counted before."""
    said = {(f.value, f.unit, f.stance) for f in facts}
    recalled = _RECALLED.match(norm, sent.start, sent.end)
    if (float(recalled["n"]), recalled["u"]) not in {(v, u) for v, u, _ in said}:
        return drafts  # 纲要提出的20项主要指标中,16项…: a first count of the set
    return [d for d in drafts if (d.q.value, d.q.unit, d.stance) not in said]


# 今年已开复工3114个项目中,新开工项目达2063个; 其中500个省级重点项目中共有产业项目300个: a set counted before, named
# again to pick its parts (…中); 在2023年河北的8项重点工作中,第一项即…: a plan's parts counted to name one of them
_PICKED_FROM = re.compile(r"[\u4e00-\u9fff]{0,10}?(?<![集其之当空居高初])中"
                          r"(?=[,,:]|新|共|已|有|包括|涉及|含|属于|列入|纳入)")
_PART_NAMED = re.compile(r"(?:重点|主要)?(?:工作|任务|方面)中[,,]?第")
# 从项目结构上来看,3558个大中型项目主要包括4个方面:…: a set counted before, named again to list what it holds
_SET_LISTED = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:主要|大致|具体)?(?:包括|包含|涵盖|分为|分布在|分布于)")


def _not_picked_from(norm: str, drafts: list[Draft], facts: list[Fact]) -> list[Draft]:
    said = {(f.value, f.unit, f.stance) for f in facts}
    return [d for d in drafts if not (
        _PART_NAMED.match(norm, d.q.end)
        or (d.q.value, d.q.unit, d.stance) in said and d.q.base_unit in COUNT_UNITS
        and (_PICKED_FROM.match(norm, d.q.end) or _SET_LISTED.match(norm, d.q.end)))]


def _to_fact(d: Draft, prepared: Prepared, doc: str, dated: bool) -> Fact:
    start, end = prepared.span(d.start, d.end)
    confidence, why = judge_confidence(d.stance_source, d.indicator, dated)
    return Fact(doc=doc, quote=prepared.text[start:end], indicator=d.indicator, value=d.q.value,
                unit=d.q.unit, kind=d.kind, comparator=d.q.comparator, stance=d.stance,
                start=start, end=end, confidence=confidence, why=why)


def _sentence_drafts(norm: str, sent: Span, qs: list[Quantity], tracker: StanceTracker,
                     last: Draft | None = None, label: str = "") -> list[Draft]:
    cuts = list_aware_cuts(norm, clause_cuts(norm, sent.start, sent.end), qs)
    qs = share_last_unit(norm, drop_qualifying_numbers(norm, merge_ranges(norm, qs), cuts))
    drafts: list[Draft | None] = [None] * len(qs)
    read_lists(norm, sent, qs, cuts, tracker, drafts)
    for i in range(len(qs)):
        if drafts[i] is None:
            drafts[i] = read_one(norm, sent, qs, i, cuts, tracker)
    if MEETING_TALK.search(norm, sent.start, sent.end):
        return []  # 刚才,5个乡镇和3个部门作了交流发言: the meeting itself, not the work
    share_grade_noun(norm, drafts)
    split = split_shared_value(norm, [d for d in drafts if d is not None])
    unnamed = {id(d) for d in split if not d.indicator}
    if label and split and not split[0].indicator and split[0].kind != LEVEL:
        split[0].indicator = label  # 生产总值⏎•增长5%
    filled = fill_empty_indicators(norm, qs, split, last)
    # A review restating the count of the names it lists (女儿河、小凌河、百股河三条河流) says
    # nothing new; a plan's count of named things to build (龙湾、友邻2座水库) is its output.
    # 突破百亿元大关,达到105亿元: the mark passed is no measure when the measure stands beside it;
    # 粮食产量首次跃上1.4万亿斤新台阶 alone is the measure (at least the mark), and so is a mark passed by a
    # measure of its own (规模以上工业增加值增长14.5%,总产值突破1000亿元大关)
    measured = {d.indicator for d in filled if not d.q.milestone}
    return [d if not d.q.milestone else replace(d, q=replace(d.q, comparator=">="))
            for d in filled if not (d.q.restates and d.stance == ACTUAL)
            and not (d.q.milestone and measured and (id(d) in unnamed or d.indicator in measured
                                                    or _PASSING_VERB.fullmatch(d.indicator)))
            and not (d.q.base_unit in GRADE_UNITS and d.q.post)]


# 迈上了200亿元新台阶: a verb of passing a mark, no measure of its own
_PASSING_VERB = re.compile(
    r"(?:首次|首度|再次|一举|成功|顺利)?(?:迈上|跨上|跃上|登上|站上|冲上|突破|跨越|跃升|越过|实现)了?")
