"""extract_facts: the quantitative facts of a policy text (shared/extraction/SPEC.md).

Pipeline: normalise (length-preserving) → lines and headings → sentences →
numbers (quantities.py) → drop numbers that only qualify another one →
indicator, kind, comparator, stance for each remaining number.

Ranges (3-5个, 5%-6%) record their lower bound with comparator ">=": the
promise is "at least the lower bound", which is what a target ledger checks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...patterns import quick
from .catalogue import CATALOGUE
from .confidence import judge_confidence
from .dates import document_date
from .indicators import DECREASE, LEVEL, clean_after, clean_before, kind_of
from .layout import Prepared, prepare
from .lists import is_value_separator, share_first_qualifier, share_grade_noun, share_last_unit, split_subjects
from .quantities import Quantity, find_quantities
from .result_tables import read_cells, result_rows
from .sentences import Span, clause_cuts, label_above
from .stance import ACTUAL, TARGET, StanceTracker
from .stance_progress import scheduled_project_total
from .units import CAPACITY_UNITS, COUNT_UNITS, GRADE_UNITS, MONEY_UNITS
from .walk import walk

_JOINS = re.compile(r"(?:、|和|及|与|以及)$")  # 40%以上税收、50%以上…: a list, not a class
_PROJECT_WORD = re.compile(r"项目|工程")  # 80万吨乙烯项目建设: the project is 乙烯
_BEFORE_PROJECT = re.compile(  # the owner of a capacity starts after the last of these
    r"和|与|推进|加快|建设|实施|投入|全力以赴|确保|开工|建成|启动|引进|签约|落地|新建|围绕|聚焦|力促|争取|谋划|打造|"
    r"做好|抓好|服务|支持|完成|实现|正在|正")
_NAME_END = re.compile(r"[、和与]")  # a list of project names: one name ends here
_LINK_VERB = re.compile(
    r"增加|增长|提高|提升|上升|回升|下降|减少|降低|降至|压缩|缩短|压减|发展到|达到|为|是|占|比|较|同比|超过|突破")
# 由5个工作日压缩至, 从2021年的148亿元增长到: the base of a change is a level.
# 刚才,5个乡镇作了交流发言; 全乡48名代表和27名列席人员参加会议: the meeting itself, not the work
_MEETING_TALK = quick(r"(?:作了?|进行了?)(?:交流|表态|典型|书面)?(?:发言|汇报)"
                           r"|(?:代表|委员|列席人员)[^,;。]{0,12}(?:参加|出席|列席)(?:了)?(?:会议|大会)")
_UP_OR_DOWN = re.compile(r"(?:增长|增加|提高|提升|下降|降低|减少)$")
_DIGIT = re.compile(r"\d")
# 20%的村集体年收入超 | 30万元: the words between a share and the amount that bounds the class it counts
_SHARE_OF_CLASS = re.compile(r"的[\u4e00-\u9fff]{1,10}")
_THRESHOLD = re.compile(r"的[\u4e00-\u9fff]{0,4}(?:项目|企业)(?![\d一二三四五六七八九十两])")
# 完成规划目标的80.2%, 为调整预算的101.2%: a share of a target met names no subject a
# later change could be of.
_COMPLETION = re.compile(r"(?:完成|为).{0,6}(?:目标|计划|预算|任务)")
_TARGET_VALUE = quick(r"的?(?:规划|年度|预期)?目标(?!的)")
_YEAR_ON_YEAR = re.compile(r"同比|环比|比上年|较上年")
_CHANGE_BASE = re.compile(r"(?:由|从)(?:原来的|过去的|以前的|20\d\d年(?:底|末)?的?)?$")
# 超百亿元企业3家, 50亿元项目2个: an amount naming a class of the things counted next.
_CLASS_NOUN = re.compile(r"(?:企业|项目|村|园区|集群|产业集群|工程|群体|家庭)")
# Words that say "per what" but not "of what" (人均每月): the previous fact names the thing.
_RATE_ONLY = quick(r"(?:人均|户均|亩均|月均|日均|每人|每户|每亩|每年|每月|每天)+")
_RANGE_SEP = frozenset({"至", "到", "-", "~"})
_TOTAL = re.compile(r"累计|总|共|合计")
_INVESTS = re.compile(r"投资(?:达|约|为)?$")
# 的 and the name of one project (not 的48个…项目, a batch): the amount is that project's size
_PROJECT_SIZE = re.compile(
    r"的(?![\d一二三四五六七八九十两])[^,;。、:]{2,40}?(?:项目|工程|生产线|基地|中心|综合体|商业街|发电|电站|园区|产业园)"
    r"(?=[,;。、:等]|$)")
# 本次开工的还有投资5亿元的A项目: the event's batch is told as done, each project's size stays its plan
_THIS_BATCH = re.compile(r"(?:本次|此次|这次)(?:集中)?(?:开工|签约|竣工|投产)的")
# 投资5亿元的A项目、1.2亿元的B生产线等11个项目: the next named project of the list keeps the verb
_NEXT_NAMED = re.compile(r"投资[\d.]+(?:万|亿)?元的[^,;。:]{2,40}、$")
# 谋划了超过7600亿元的电源电网项目, 储备总投资300亿元的项目: projects in a pipeline are not built; their amount is
# their planned size, whatever the verb's tense
_PIPELINE = re.compile(r"(?:谋划|储备|策划|包装|生成)了?(?:总投资|投资)?(?:超过|超|近|约)?$")
_PROJECTS_AFTER = re.compile(r"的?[^,;。、:\d]{0,12}?(?:项目|工程)")
_TOTAL_BEFORE = re.compile(r"(?:总投资|年度(?:计划)?投资|总额|累计|共计|合计|总计)(?:达到|达|为|约|超过|超)?$")
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


@dataclass
class _Draft:
    q: Quantity
    indicator: str
    kind: str
    stance: str
    start: int
    end: int
    stance_source: str = "cue"
    list_slot: tuple[int, int] | None = None  # (position, size) in a 分别 list without subject


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
    last: _Draft | None = None  # the paragraph's last fact so far
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
            facts.extend(_to_fact(d, prepared, doc, plan_year is not None) for d in drafts)
            last = next((d for d in reversed(drafts) if not _COMPLETION.match(d.indicator)), last)
        qi = qj
    return facts


# 会议确定事项22件,已办结6件,正在办理16件。…确定的22件事项中,16件正在办理: a sentence opening on a set already
# counted (…的N件事项中,) recalls it and its parts; the counts it repeats are no new facts
# (453个市级重点项目中,…: the sentence may open on the count itself)
_RECALLED = re.compile(r"\s*(?:[^,;。]{0,40}?的)?(?P<n>\d+(?:\.\d+)?)(?P<u>件|项|个|家)[\u4e00-\u9fff]{0,10}中[,:]")


def _not_recounted(norm: str, sent, drafts: list[_Draft], facts: list[Fact]) -> list[_Draft]:
    """The drafts of a sentence recalling a counted set (…的22件事项中,16件正在办理) without the counts the document
    already gave with the same stance; all of them when the recalled set itself was not counted before."""
    said = {(f.value, f.unit, f.stance) for f in facts}
    recalled = _RECALLED.match(norm, sent.start, sent.end)
    if (float(recalled["n"]), recalled["u"]) not in {(v, u) for v, u, _ in said}:
        return drafts  # 纲要提出的20项主要指标中,16项…: a first count of the set
    return [d for d in drafts if (d.q.value, d.q.unit, d.stance) not in said]


def _to_fact(d: _Draft, prepared: Prepared, doc: str, dated: bool) -> Fact:
    start, end = prepared.span(d.start, d.end)
    confidence, why = judge_confidence(d.stance_source, d.indicator, dated)
    return Fact(doc=doc, quote=prepared.text[start:end], indicator=d.indicator, value=d.q.value,
                unit=d.q.unit, kind=d.kind, comparator=d.q.comparator, stance=d.stance,
                start=start, end=end, confidence=confidence, why=why)


def _sentence_drafts(norm: str, sent: Span, qs: list[Quantity], tracker: StanceTracker,
                     last: _Draft | None = None, label: str = "") -> list[_Draft]:
    cuts = _list_aware_cuts(norm, clause_cuts(norm, sent.start, sent.end), qs)
    qs = share_last_unit(norm, _drop_qualifying_numbers(norm, _merge_ranges(norm, qs), cuts))
    drafts: list[_Draft | None] = [None] * len(qs)
    _read_lists(norm, sent, qs, cuts, tracker, drafts)
    for i in range(len(qs)):
        if drafts[i] is None:
            drafts[i] = _read_one(norm, sent, qs, i, cuts, tracker)
    if _MEETING_TALK.search(norm, sent.start, sent.end):
        return []  # 刚才,5个乡镇和3个部门作了交流发言: the meeting itself, not the work
    share_grade_noun(norm, drafts)
    split = _split_shared_value(norm, [d for d in drafts if d is not None])
    unnamed = {id(d) for d in split if not d.indicator}
    if label and split and not split[0].indicator and split[0].kind != LEVEL:
        split[0].indicator = label  # 生产总值⏎•增长5%
    filled = _fill_empty_indicators(norm, qs, split, last)
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


# 义务教育入学率、农村住房和饮水安全率均达100%: one value every subject reached
_ALL_REACHED = re.compile(r"均(?:已)?(?:达到?|为|实现|超过|保持在|稳定在|在)?(?:了)?$")
_SUBJECT_SEP = re.compile(r"[、和与]")
_STANDARDS_RAISED = re.compile(r"[\u4e00-\u9fff]{2,}(?:、[\u4e00-\u9fff]{2,})+(?:补助|补贴|救助|保障)?标准$")


# 迈上了200亿元新台阶: a verb of passing a mark, no measure of its own
_PASSING_VERB = re.compile(
    r"(?:首次|首度|再次|一举|成功|顺利)?(?:迈上|跨上|跃上|登上|站上|冲上|突破|跨越|跃升|越过|实现)了?")


def _split_shared_value(norm: str, drafts: list[_Draft]) -> list[_Draft]:
    """化学需氧量、氨氮排放量分别削减5%, 义务教育入学率、农村住房和饮水安全率均达100%: one value said of each
    subject."""
    out = []
    for d in drafts:
        names = None
        if "、" in d.indicator and not d.list_slot and "分别" in norm[d.start:d.q.lead]:
            names = split_subjects(d.indicator, d.indicator.count("、") + 1)
        elif "、" in d.indicator and not d.list_slot and (_ALL_REACHED.search(norm, d.start, d.q.lead)
                                                          or _STANDARDS_RAISED.search(d.indicator)):
            # …均达100%; 伤残津贴、抚恤金、护理费标准提高10%: standards raised together, each by the figure
            names = split_subjects(d.indicator, len([p for p in _SUBJECT_SEP.split(d.indicator) if p]))
        out.extend([replace(d, indicator=name) for name in names] if names else [d])
    return out


def _list_aware_cuts(norm: str, cuts: list[int], qs: list[Quantity]) -> list[int]:
    """、 separates facts only between numbers (企业663家、雏鹰企业25家); elsewhere it
    joins the words of one indicator (争取地方政府债券、中央预算内等上级资金)."""
    kept = []
    for k, c in enumerate(cuts):
        if norm[c] != "、":
            kept.append(c)
            continue
        lo = cuts[k - 1] if k else -1
        hi = cuts[k + 1] if k + 1 < len(cuts) else len(norm)
        if any(lo < q.start < c for q in qs) and any(c < q.start < hi for q in qs):
            kept.append(c)
    return kept


# 72个县工业增加值占…, 11个市的完成率…: the places a share or a rate is measured over (not 5个县城, 3个市场)
_PLACES_MEASURED = re.compile(r"(?:县|市|区|州|乡镇|镇|乡)(?:\([市县区、]{1,4}\))?(?![城级域委政场民直属])")


_SCENE = re.compile(r"(?:余|多)?(?:高|长|深|宽)?的[\u4e00-\u9fff]{1,4}?(?:上|下|中|里|旁|边|前|顶)"
                    r"(?![\u4e00-\u9fff]?(?:建|修|铺|改))")  # (not 在300米的河道上新建护岸: the work's extent)


def _drop_qualifying_numbers(norm: str, qs: list[Quantity], cuts: list[int]) -> list[Quantity]:
    """Numbers that describe the thing counted by another number are not facts.

    投资50亿元以上17个, 收入10万元以上的村达到75%: the first number sets a class.
    2个300亿元产业集群: the amount describes the clusters being counted.
    """
    keep = []
    for i, q in enumerate(qs):
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        prev = qs[i - 1] if i else None
        follower = norm[q.end] if q.end < len(norm) else ""
        sets_class = (q.post in ("以上", "及以上", "以下") and q.unit != "%") or (
            q.base_unit in MONEY_UNITS and (follower == "的" or _CLASS_NOUN.match(norm, q.end))
            and not _TOTAL_BEFORE.search(norm, max(0, q.lead - 6), q.lead))  # 总投资达71.73亿元的48个: a sum
        between = norm[q.end:nxt.lead] if nxt else ""
        if sets_class and between == "的" and nxt.unit == "%":
            sets_class = False  # 调整预算37.5亿元的104.3%: the base of a share is a figure of its own
        # 500亿元园区、100亿元园区…3个、4个; 新增20亿元企业、10亿元企业、亿元企业分别不少于1家、1家和7家
        listed_classes = bool(_CLASS_NOUN.match(between)) and (len(between) <= 6 or "分别" in between)
        if sets_class and nxt and nxt.base_unit in CAPACITY_UNITS and between.startswith("的"):
            sets_class = False  # 投资5亿元的华电100MW光伏发电: the project's size, its capacity in its name
        if sets_class and between.endswith("等") and _PROJECT_SIZE.match(norm, q.end):
            sets_class = False  # 1.2亿元的白砂生产线等11个项目: a named example's size, the count its batch
        if sets_class and nxt and (listed_classes or (not _cut_between(cuts, q.end, nxt.lead)
                                                      and not _JOINS.search(between))):
            continue
        if q.post in ("以上", "及以上") and q.base_unit in MONEY_UNITS and _THRESHOLD.match(norm, q.end):
            continue  # 对新引进的总投资50亿元以上的产业项目给予支持: a threshold, no measure
        if (prev and prev.unit == "%" and q.base_unit in MONEY_UNITS and q.lead > q.start - 3 and q.lead < q.start
                and _SHARE_OF_CLASS.fullmatch(norm, prev.end, q.lead)):
            continue  # 力争实现20%的村集体年收入超30万元: the share is the measure, the amount its class
        if prev and prev.base_unit in COUNT_UNITS and _qualifies_count(norm, prev, q, follower):
            continue
        if q.base_unit in ("米", "公里") and "在" in norm[max(0, q.lead - 2):q.lead] and _SCENE.match(norm, q.end):
            continue  # 在10余米的高台上,工人…: where a story's scene is set, no measure of the work
        if q.base_unit in MONEY_UNITS and (_CONVERTED_CLASS.match(norm, q.end) or (
                prev and prev.base_unit in MONEY_UNITS and norm[q.lead - 1:q.lead] in ("(", "（")
                and _CLASS_AFTER_ASIDE.match(norm, q.end))):
            continue  # 新签约5亿元(3000万美元)以上项目60个: a class's threshold and its conversion, no measure
        if (q.unit == "个" and nxt and nxt.unit == "%" and _PLACES_MEASURED.match(norm, q.end)
                and not _cut_between(cuts, q.end, nxt.lead) and "|" not in norm[q.end:nxt.lead]):  # (a table's cells)
            continue  # 力争72个县工业增加值占全省比重达到68%, 11个市的完成率均超过50%: the places measured
        keep.append(q)
    return keep


_CLASS_AFTER_ASIDE = re.compile(r"[)）](?:及)?以上(?=[\u4e00-\u9fff])")
_CONVERTED_CLASS = re.compile(r"[(（][\d.]+\s*[万亿]?(?:美元|欧元|港元|元)[)）](?:及)?以上(?=[\u4e00-\u9fff])")


def _merge_ranges(norm: str, qs: list[Quantity]) -> list[Quantity]:
    """10亿元至50亿元, 5%-6%: one range written with its unit twice; like 3-5个 it records
    the lower bound as ">=" (see the module docstring)."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev and prev.unit == q.unit and norm[prev.end:q.lead] in _RANGE_SEP and not prev.post:
            out[-1] = replace(prev, end=q.end, comparator=">=", post=q.post)
        else:
            out.append(q)
    return out


def _qualifies_count(norm: str, prev: Quantity, q: Quantity, follower: str) -> bool:
    """2个300亿元产业集群, 3-5个年产值超10亿元的产业集群: the amount describes the things counted."""
    gap = norm[prev.end:q.lead]
    if not gap:  # 2个300亿元产业集群; but 两批次27个重点项目 are two counts
        # 1064个25户以上村庄: a size class (以上) of the things counted, whatever its unit
        return _is_cjk(follower) and (q.base_unit not in COUNT_UNITS or q.post in ("以上", "及以上", "以下"))
    return (follower == "的" and len(gap) <= 5 and all(_is_cjk(ch) for ch in gap)
            and not _TOTAL.search(gap))  # 两个累计投资超300亿元的: a sum, a fact of its own


def _run_together(norm: str, a: Quantity, b: Quantity) -> bool:
    """分别增长4.4%5.9%5.8%: a copy lost the separators between the shares of a list."""
    return a.end == b.lead and norm[a.end - 1:a.end] == "%" and b.unit == "%"


# 分别同比增长8.8%、下降5.6%: a 分别 list whose values move different ways, each verb before its value
_CHANGE_VERBS = "(?:增长|下降|提高|降低|增加|减少|上升|回落)"
_TURNS = re.compile(rf"、(?P<verb>(?:同比)?{_CHANGE_VERBS})")
_CHANGE_VERB = re.compile(_CHANGE_VERBS)


def _read_lists(norm, sent, qs, cuts, tracker, drafts) -> None:
    """Fill drafts for the values of 分别 lists (…分别增长15%、40%和17%)."""
    i = 0
    while i < len(qs):
        j = i
        while j + 1 < len(qs) and (is_value_separator(norm[qs[j].end:qs[j + 1].lead])
                                   or _run_together(norm, qs[j], qs[j + 1])
                                   or _TURNS.fullmatch(norm, qs[j].end, qs[j + 1].lead)):
            j += 1
        left = _left_bound(sent, qs, i, cuts)
        pre = norm[left:qs[i].lead]
        if j > i and "分别" in pre and _TURNS.fullmatch(norm, qs[i].end, qs[i + 1].lead) \
                and not _CHANGE_VERB.search(pre):
            j = i  # 分别25.41亿元、下降5.6%: the verb names the second value's change only, no list
        if j > i and "分别" in pre:
            share_first_qualifier(qs, i, j)
            subject = clean_before(pre.split("分别")[0])
            names = split_subjects(subject, j - i + 1) if subject else None
            for k in range(i, j + 1):
                name = names[k - i] if names else subject
                turn = _TURNS.fullmatch(norm, qs[k - 1].end, qs[k].lead) if k > i else None
                drafts[k] = _draft(norm, qs[k], name, pre + turn["verb"] if turn else pre, left,
                                   _right_bound(sent, qs, j, cuts), tracker, sent)
                if not subject:
                    drafts[k].list_slot = (k - i, j - i + 1)
            i = j + 1
        else:
            i += 1


def _read_one(norm, sent, qs, i, cuts, tracker) -> _Draft:
    q = qs[i]
    left, right = _left_bound(sent, qs, i, cuts), _right_bound(sent, qs, i, cuts)
    pre, post = norm[left:q.lead], norm[q.end:right]
    if q.base_unit in CAPACITY_UNITS and post.startswith(("/年", "/日")):
        post = post[2:]  # 20万吨/年合成气制乙二醇项目: the capacity's period, then the project's name
    if i and qs[i - 1].end >= left:
        pre = _after_conjunction(pre)  # 47家机关单位和 | 10家企业集团
    elif left > sent.start and norm[left - 1] == ":" and not clean_before(pre):
        left = _table_row_start(norm, sent, cuts, left - 1)  # (1)地区生产总值年均增长:6%以上
        pre = norm[left:q.lead]
    # 同比增长7.5%(全市6.3%): a bracket opened after the figure is an aside, naming nothing the figure measures
    after = clean_after(post) if _names_something(post) and not q.milestone and post[:1] != "(" else ""
    if not after and i == 0 and left > sent.start and not clean_before(pre):
        pre = _subject_clause(norm, sent, cuts, left, pre)
    if after and q.base_unit in CAPACITY_UNITS:
        indicator = _project_prefix(pre) + _PROJECT_WORD.split(_NAME_END.split(after, 1)[0], 1)[0]
        # 新建年产能40万千升啤酒工厂项目目前在投料试产阶段: what is said of the project after its name tells its
        # progress, not whether the capacity is reached
        return _draft(norm, q, indicator, pre, left, right, tracker, sent, named=True)
    indicator = clean_before(pre) + after
    return _draft(norm, q, indicator, pre, left, right, tracker, sent)


def _subject_clause(norm: str, sent: Span, cuts: list[int], left: int, pre: str) -> str:
    """城乡居民人均可支配收入与经济增长同步,增长5.5%以上: a change without subject is said
    of the clause before it, when that clause holds no number."""
    if not _UP_OR_DOWN.search(pre):
        return pre
    start = max([c + 1 for c in cuts if c < left - 1], default=sent.start)
    clause = norm[start:left - 1]
    return pre if _DIGIT.search(clause) else clause + pre


def _table_row_start(norm: str, sent: Span, cuts: list[int], colon: int) -> int:
    """A row of a table of indicators names the indicator before its colon."""
    before = [c for c in cuts if c < colon]
    return before[-1] + 1 if before else sent.start


_CONJUNCTION = quick(r"和|与|(?<![惠涉普危顾触波企])及|、")  # 惠及, 普及: verbs, not 及


def _after_conjunction(pre: str) -> str:
    parts = _CONJUNCTION.split(pre)
    return parts[-1]


# the closing quote of a livelihood project's name right after its figure (…3.2万个”年度民生实事项目)
_QUOTED_PROJECT = re.compile(r"[\u4e00-\u9fff]{0,6}”(?:年度)?(?:民生实事|为民办实事|民生|实事)(?:项目|工程)")
_QUOTE_REACH = 24
# 新建年产能40万千升啤酒工厂项目目前在投料试产阶段: a project in trial production has not reached its capacity
_TRIAL = re.compile(r"试产|试生产|试运行|调试|投料")
_CLAUSE_END = re.compile(r"[,;。]")
_NOT_DONE = re.compile(r"未(?:按期|按时|如期)?(?:竣工|完工|建成|投产)|尚未(?:竣工|完工|建成|投产)|在建项目")


def _part_start(norm: str, start: int, at: int) -> int:
    """Where the part of the sentence holding `at` starts (after the last semicolon before it)."""
    return max(start, norm.rfind(";", start, at) + 1)


def _in_trial(after: str) -> bool:
    """The clause after a capacity in a project's name tells the project is only in trial production."""
    first = _CLAUSE_END.search(after)
    return bool(_TRIAL.search(after[:first.start()] if first else after))


def _draft(norm, q, indicator, pre, left, right, tracker, sent, named: bool = False) -> _Draft:
    wide = norm[max(sent.start, _last_comma(norm, sent.start, q.lead)):q.lead]
    post = norm[q.end:right]
    stance, source = tracker.judge(norm, (sent.start, sent.end), q.lead, _rest_of_clause(norm, q.end, sent.end))
    if named and (_in_trial(norm[q.end:sent.end]) or _NOT_DONE.search(norm, _part_start(norm, sent.start, q.lead),
                                                                        q.lead)):
        stance = TARGET  # …未按期竣工4项,为…99.5MW风电项目: a project not finished has not reached its capacity
    elif _QUOTED_PROJECT.match(norm, q.end) and "“" in norm[max(sent.start, q.lead - _QUOTE_REACH):q.lead]:
        stance = TARGET  # “新增城镇公办中小学学位3.2万个”年度民生实事项目: the work a livelihood project is named by
    # 38家规上工业企业产值同比下降: how an attribute of the counted things moved does not
    # move the count (but 214个空壳村全部清零 does).
    attribute_moved = q.base_unit in COUNT_UNITS and _names_something(post) and _YEAR_ON_YEAR.search(post)
    basis = wide if attribute_moved else wide + indicator + post
    kind = LEVEL if _CHANGE_BASE.search(pre) else kind_of(pre, basis)
    if q.signed and q.base_unit in ("%", "个百分点", "百分点"):
        kind = DECREASE  # 同比-6.2%: a fall written with its sign
    invests = _INVESTS.search(norm, max(0, q.lead - 4), q.lead) or (
        norm[q.lead - 1:q.lead] == "、" and _NEXT_NAMED.search(norm, max(sent.start, q.lead - 60), q.lead))
    if (source != "cue" or _THIS_BATCH.search(norm, sent.start, q.lead)) and q.base_unit in MONEY_UNITS and invests \
            and _PROJECT_SIZE.match(norm, q.end):
        stance, source = TARGET, "cue"  # 投资7.6亿元的周郡记食品加工项目: a project's planned size
    if source not in ("cue", "year", "estimate") and q.base_unit in MONEY_UNITS \
            and scheduled_project_total(norm, sent.start, sent.end, q.lead, q.end):
        stance, source = TARGET, "cue"  # 该项目总投资3.5亿元,预计明年6月建成投产: the project's planned size
    if q.base_unit in MONEY_UNITS and _PIPELINE.search(norm, max(0, q.lead - 10), q.lead) \
            and _PROJECTS_AFTER.match(norm, q.end):
        stance, source = TARGET, "cue"
    if _TARGET_VALUE.match(norm, q.end) or norm.endswith("目标(", 0, q.lead):
        stance, source = TARGET, "cue"  # 已提前完成50家的规划目标, 完成规划目标(2万人)的63%: the target itself
    return _Draft(q=q, indicator=indicator, kind=kind, stance=stance,
                  start=_trim_left(norm, left, q.lead), end=max(right, q.end), stance_source=source)


def _rest_of_clause(norm: str, start: int, end: int) -> tuple[int, int]:
    m = _CLAUSE_END.search(norm, start, end)
    return start, m.start() if m else end


def _fill_empty_indicators(norm: str, qs: list[Quantity], drafts: list[_Draft],
                           last: _Draft | None = None) -> list[_Draft]:
    """增长21.8% after 内资452.6亿元 measures the same thing: borrow its indicator.

    An empty indicator first borrows from the next value when only 、和 separate
    them (20213户、52769名贫困人口), then from the previous fact of the sentence.  A sentence that opens on a change
    without subject (今年,要锚定增长6%以上的目标) continues the paragraph's last fact.
    """
    for k, d in enumerate(drafts):
        if d.indicator in _GENERIC:
            d.indicator = _named_before(norm, d.start) + d.indicator  # 地区生产总值迈上新台阶,总量突破5万亿
        elif d.indicator in _FLOW_ONLY and k and drafts[k - 1].q.base_unit == d.q.base_unit:
            d.indicator = drafts[k - 1].indicator + d.indicator  # 两税收入386.6亿元,净增50亿元
    for k, d in enumerate(drafts):
        if d.list_slot and k - d.list_slot[0] - d.list_slot[1] >= 0:
            src = drafts[k - d.list_slot[0] - d.list_slot[1] + d.list_slot[0]]
            d.indicator, d.start = src.indicator, src.start
    for k in range(len(drafts) - 1, -1, -1):
        d = drafts[k]
        if k + 1 < len(drafts) and drafts[k + 1].indicator:
            nxt = drafts[k + 1]
            gap = norm[d.q.end:nxt.q.lead]
            # 强化779户3319名“三类户”动态监测: two counts side by side name the same people, after them
            side_by_side = (not gap and d.q.base_unit in COUNT_UNITS and nxt.q.base_unit in COUNT_UNITS
                            and d.q.base_unit != nxt.q.base_unit and len(d.indicator) <= 2)
            if (not d.indicator and is_value_separator(gap)) or side_by_side:
                d.indicator, d.end = nxt.indicator, nxt.end
    _pair_bare_list(norm, drafts)
    _name_batch_sums(norm, drafts)
    for k, d in enumerate(drafts):
        if not d.indicator and k:
            src = drafts[k - 1] if d.kind == LEVEL else next(
                (e for e in reversed(drafts[:k]) if not _COMPLETION.match(e.indicator)), drafts[k - 1])
            d.indicator, d.start = _borrowed(src, d.q), src.start
        elif not d.indicator and last and d.kind != LEVEL and d.q.unit == last.q.unit:
            d.indicator = last.indicator
        elif k and _RATE_ONLY.fullmatch(d.indicator):
            d.indicator = drafts[k - 1].indicator + d.indicator  # 发放高龄津贴,人均每月100元
        elif k and d.indicator.startswith("占") and d.q.unit == "%":
            d.indicator = drafts[k - 1].indicator + d.indicator.rstrip("的")  # 进出口13.8亿美元,占全市的41%
        elif k and d.indicator in _RATE_NOUNS and drafts[k - 1].indicator not in _RATE_NOUNS:
            d.indicator = drafts[k - 1].indicator  # 财政总收入达到20亿元、增幅12%以上: the rate of the amount before
        elif k and d.q.unit == "%" and _PLAN_SHARE.fullmatch(d.indicator):
            # 全年预计完成16.34亿元,完成年计划的100%: how much of its own plan the subject before it did
            src = next((e for e in reversed(drafts[:k]) if not _COMPLETION.match(e.indicator)), drafts[k - 1])
            d.indicator = src.indicator + d.indicator.rstrip("的")
    for k, d in enumerate(drafts):
        if k and d.q.unit == "%" and norm.startswith("占", d.start) and d.stance_source != "cue":
            # 计划投资10.91亿,占总投资15%: a share speaks of the amount before it, and takes its stance
            d.stance, d.stance_source = drafts[k - 1].stance, drafts[k - 1].stance_source
    return [d for d in drafts if d.indicator]


def _name_batch_sums(norm: str, drafts: list[_Draft]) -> None:
    """宝鸡某县总投资85.9亿元、年度投资56.6亿元的60个重点项目集中开工: the sums are the batch's, whatever place or
    time stands before them — named after the projects counted."""
    for k, d in enumerate(drafts):
        if d.q.base_unit not in MONEY_UNITS or not _BATCH_SUM.search(d.indicator) or _BATCH_SUM.fullmatch(d.indicator):
            continue  # (总投资达71.73亿元的48个…: the bare word stays)
        j = k
        while j + 1 < len(drafts) and drafts[j + 1].q.base_unit in MONEY_UNITS \
                and norm[drafts[j].q.end:drafts[j + 1].q.lead].lstrip(",、").startswith(("年度", "计划")):
            j += 1
        count = drafts[j + 1] if j + 1 < len(drafts) else None
        if count and count.q.base_unit in COUNT_UNITS and count.indicator and not _DIGIT.search(count.indicator) \
                and norm[drafts[j].q.end:count.q.lead] == "的":  # (not 的429个500万元以上项目: a class named)
            d.indicator = count.indicator + _BATCH_SUM.search(d.indicator).group()


_BATCH_SUM = re.compile(r"(?:总投资|年度(?:计划)?投资)$")


_GENERIC = frozenset({"总量", "规模", "总数", "数量", "总额"})
_RATE_NOUNS = frozenset({"增幅", "增速", "涨幅", "降幅"})
# 完成年计划的97%, 完成年度目标的85%: a share of the plan, with no subject of its own
_PLAN_SHARE = re.compile(r"(?:完成|为)(?:全?年|年度|全年)?(?:计划|目标|预算|任务)(?:任务)?的?")
_FLOW_ONLY = frozenset({"净增", "净增加", "新增", "增加", "减少", "净减", "净减少"})
_LOOK_BACK = 40


def _named_before(norm: str, at: int) -> str:
    """The catalogued indicator named last before `at` in the same sentence, or ""."""
    lo = max(norm.rfind("。", 0, at), norm.rfind("\n", 0, at), at - _LOOK_BACK) + 1
    found = list(_catalogue_names().finditer(norm, lo, at))
    return found[-1].group() if found else ""


@lru_cache(maxsize=1)
def _catalogue_names() -> re.Pattern[str]:
    names = sorted({s for e in CATALOGUE for s in e.synonyms}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def _pair_bare_list(norm: str, drafts: list[_Draft]) -> None:
    """城乡居民人均可支配收入分别达37188元、18660元,年均增速8.2%、9.3%: a list of values without subject right after a
    list of as many values with subjects speaks of them in order."""
    k = 0
    while k < len(drafts):
        if drafts[k].indicator:
            k += 1
            continue
        j = k
        while j + 1 < len(drafts) and not drafts[j + 1].indicator and is_value_separator(
                norm[drafts[j].q.end:drafts[j + 1].q.lead]):
            j += 1
        n = j - k + 1
        before = drafts[k - n:k] if n >= 2 and k >= n else []
        if (before and len({d.indicator for d in before}) == n
                and all(is_value_separator(norm[before[i].q.end:before[i + 1].q.lead]) for i in range(n - 1))):
            for src, d in zip(before, drafts[k:j + 1], strict=True):
                d.indicator = src.indicator
        k = j + 1


def _borrowed(src: _Draft, q: Quantity) -> str:
    """贷款担保186笔15.1亿元: the amount of a counted thing is its 金额."""
    counted = src.q.base_unit not in MONEY_UNITS and "%" not in (q.unit, src.q.unit)
    if q.base_unit in MONEY_UNITS and counted and not src.indicator.endswith(("金", "额", "资", "款", "费")):
        return src.indicator + "金额"
    return src.indicator


def _names_something(post: str) -> bool:
    """True when the words after a number name a thing (个 | 人才团队, 个 | 300亿元产业集群)."""
    post = post.lstrip("的")
    if _LINK_VERB.match(post):
        return False  # 2880元 | 增加到9059元: a verb follows, not a name
    return bool(post) and (_is_cjk(post[0]) or post[0].isdigit() or post[0] in "“(《")


def _project_prefix(pre: str) -> str:
    """The owner or place before a capacity (锦州石化公司年产 → 锦州石化公司)."""
    pre = _BEFORE_PROJECT.split(pre)[-1]
    for tail in ("年产能", "年产", "年处理", "年加工", "年吞吐", "年"):
        if pre.endswith(tail):
            pre = pre[: -len(tail)]
            break
    return clean_before(pre)


def _left_bound(sent: Span, qs: list[Quantity], i: int, cuts: list[int]) -> int:
    left = sent.start
    for c in cuts:
        if c < qs[i].lead:
            left = c + 1
        else:
            break
    if i and qs[i - 1].end > left:
        left = qs[i - 1].end
    return left


def _right_bound(sent: Span, qs: list[Quantity], i: int, cuts: list[int]) -> int:
    right = sent.end
    for c in cuts:
        if c >= qs[i].end:
            right = c
            break
    if i + 1 < len(qs) and qs[i + 1].lead < right:
        right = qs[i + 1].lead
    return right


def _last_comma(norm: str, lo: int, hi: int) -> int:
    pos = max(norm.rfind(",", lo, hi), norm.rfind(":", lo, hi))
    return pos + 1 if pos >= 0 else lo


def _cut_between(cuts: list[int], lo: int, hi: int) -> bool:
    return any(lo <= c < hi for c in cuts)


def _trim_left(norm: str, left: int, lead: int) -> int:
    while left < lead and norm[left] in " \u3000\t":
        left += 1
    return left


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
