"""Reading one figure: its words before and after, its indicator, kind and stance (a Draft of a fact).

For each number kept (fact_filters), the clause around it is bounded by the clause cuts and the numbers beside it
(left_bound, right_bound); the indicator is the cleaned words before it plus a thing named right after it
(read_one: 企业 | 663家, 个 | 人才团队); a capacity names its project (80万吨乙烯项目 → 乙烯).  make_draft asks the
tracker (stance.py) for the stance and corrects it where the figure's own setting says more: a project's planned
size (投资7.6亿元的…项目), a pipeline's projects (储备…), a target quoted as such (…的规划目标), a project not yet
finished or only in trial production.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...patterns import quick
from .indicators import DECREASE, LEVEL, clean_after, clean_before, kind_of
from .quantities import Quantity
from .sentences import Span
from .stance import TARGET, StanceTracker
from .stance_progress import scheduled_project_total
from .text import is_cjk
from .units import CAPACITY_UNITS, COUNT_UNITS, MONEY_UNITS

_PROJECT_WORD = re.compile(r"项目|工程")  # 80万吨乙烯项目建设: the project is 乙烯
_BEFORE_PROJECT = re.compile(  # the owner of a capacity starts after the last of these
    r"和|与|推进|加快|建设|实施|投入|全力以赴|确保|开工|建成|启动|引进|签约|落地|新建|围绕|聚焦|力促|争取|谋划|打造|"
    r"做好|抓好|服务|支持|完成|实现|正在|正")
_NAME_END = re.compile(r"[、和与]")  # a list of project names: one name ends here
_LINK_VERB = re.compile(
    r"增加|增长|提高|提升|上升|回升|下降|减少|降低|降至|压缩|缩短|压减|发展到|达到|为|是|占|比|较|同比|超过|突破")
_UP_OR_DOWN = re.compile(r"(?:增长|增加|提高|提升|下降|降低|减少)$")
_DIGIT = re.compile(r"\d")
_TARGET_VALUE = quick(r"的?(?:规划|年度|预期)?目标(?!的)")
_YEAR_ON_YEAR = re.compile(r"同比|环比|比上年|较上年")
# 由5个工作日压缩至, 从2021年的148亿元增长到: the base of a change is a level.
_CHANGE_BASE = re.compile(r"(?:由|从)(?:原来的|过去的|以前的|20\d\d年(?:底|末)?的?)?$")
_INVESTS = re.compile(r"投资(?:达|约|为)?$")
# 的 and the name of one project (not 的48个…项目, a batch): the amount is that project's size
PROJECT_SIZE = re.compile(
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


@dataclass
class Draft:
    """A fact being read: its quantity, indicator, kind and stance, at norm offsets."""

    q: Quantity
    indicator: str
    kind: str
    stance: str
    start: int
    end: int
    stance_source: str = "cue"
    list_slot: tuple[int, int] | None = None  # (position, size) in a 分别 list without subject


def read_one(norm: str, sent: Span, qs: list[Quantity], i: int, cuts: list[int],
             tracker: StanceTracker) -> Draft:
    """The draft of the figure qs[i] of the sentence, read alone (not in a 分别 list)."""
    q = qs[i]
    left, right = left_bound(sent, qs, i, cuts), right_bound(sent, qs, i, cuts)
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
    if after and _JOINED.match(post) and i + 1 < len(qs) and right >= qs[i + 1].lead:
        after = ""  # 新增日间服务中心83家和助餐场所217个: the words after 和 name the next count's things
    if not after and i == 0 and left > sent.start and not clean_before(pre):
        pre = _subject_clause(norm, sent, cuts, left, pre)
    if after and q.base_unit in CAPACITY_UNITS:
        indicator = _project_prefix(pre) + _PROJECT_WORD.split(_NAME_END.split(after, 1)[0], 1)[0]
        # 新建年产能40万千升啤酒工厂项目目前在投料试产阶段: what is said of the project after its name tells its
        # progress, not whether the capacity is reached
        return make_draft(norm, q, indicator, pre, left, right, tracker, sent, named=True)
    indicator = clean_before(pre, funds=q.base_unit in MONEY_UNITS) + after
    bare = _BARE_WORK.fullmatch(indicator) if not after and i == 0 else None
    if bare:
        indicator = _work_named_before(norm, sent, cuts, left, bare["noun"]) or indicator
    return make_draft(norm, q, indicator, pre, left, right, tracker, sent)


# 推进城镇老旧小区改造提升,全年完成改造不少于50万户: a figure of the work named in the clause before, by its bare verb
_BARE_WORK = re.compile(r"(?:完成|实施|开工|新开工|建成|启动)?(?P<noun>改造|建设|整治|治理|修缮)")
_WORK_OPENING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}是)?(?:今年|全年|年内)?,?(?:将|要)?(?:加快|持续|全面|大力|深入|积极|扎实|继续)?"
    r"(?:推进|推动|实施|开展|加强|抓好|做好)?")


def _work_named_before(norm: str, sent: Span, cuts: list[int], left: int, noun: str) -> str:
    """The work a bare verb (完成改造) speaks of, named in the clause before when that clause holds no number."""
    start = max([c + 1 for c in cuts if c < left - 1], default=sent.start)
    clause = norm[start:left - 1]
    at = clause.rfind(noun)
    if at <= 0 or _DIGIT.search(clause):
        return ""
    named = clause[_WORK_OPENING.match(clause).end():at + len(noun)]
    return named if len(named) > len(noun) + 1 else ""


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


def make_draft(norm: str, q: Quantity, indicator: str, pre: str, left: int, right: int, tracker: StanceTracker,
               sent: Span, named: bool = False) -> Draft:
    """The draft of the figure `q` named `indicator`, its words norm[left:right]: its kind and its stance.
    `named`: a capacity in a project's name (年产能40万千升啤酒工厂项目)."""
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
            and PROJECT_SIZE.match(norm, q.end):
        stance, source = TARGET, "cue"  # 投资7.6亿元的周郡记食品加工项目: a project's planned size
    if source not in ("cue", "year", "estimate") and q.base_unit in MONEY_UNITS \
            and scheduled_project_total(norm, sent.start, sent.end, q.lead, q.end):
        stance, source = TARGET, "cue"  # 该项目总投资3.5亿元,预计明年6月建成投产: the project's planned size
    if q.base_unit in MONEY_UNITS and _PIPELINE.search(norm, max(0, q.lead - 10), q.lead) \
            and _PROJECTS_AFTER.match(norm, q.end):
        stance, source = TARGET, "cue"
    if _TARGET_VALUE.match(norm, q.end) or norm.endswith("目标(", 0, q.lead):
        stance, source = TARGET, "cue"  # 已提前完成50家的规划目标, 完成规划目标(2万人)的63%: the target itself
    return Draft(q=q, indicator=indicator, kind=kind, stance=stance,
                 start=_trim_left(norm, left, q.lead), end=max(right, q.end), stance_source=source)


def _rest_of_clause(norm: str, start: int, end: int) -> tuple[int, int]:
    m = _CLAUSE_END.search(norm, start, end)
    return start, m.start() if m else end


_JOINED = re.compile(r"和|以及|及|与")


def _names_something(post: str) -> bool:
    """True when the words after a number name a thing (个 | 人才团队, 个 | 300亿元产业集群)."""
    post = post.lstrip("的")
    if _LINK_VERB.match(post):
        return False  # 2880元 | 增加到9059元: a verb follows, not a name
    return bool(post) and (is_cjk(post[0]) or post[0].isdigit() or post[0] in "“(《")


def _project_prefix(pre: str) -> str:
    """The owner or place before a capacity (锦州石化公司年产 → 锦州石化公司)."""
    pre = _BEFORE_PROJECT.split(pre)[-1]
    for tail in ("年产能", "年产", "年处理", "年加工", "年吞吐", "年"):
        if pre.endswith(tail):
            pre = pre[: -len(tail)]
            break
    return clean_before(pre)


def left_bound(sent: Span, qs: list[Quantity], i: int, cuts: list[int]) -> int:
    left = sent.start
    for c in cuts:
        if c < qs[i].lead:
            left = c + 1
        else:
            break
    if i and qs[i - 1].end > left:
        left = qs[i - 1].end
    return left


def right_bound(sent: Span, qs: list[Quantity], i: int, cuts: list[int]) -> int:
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


def _trim_left(norm: str, left: int, lead: int) -> int:
    while left < lead and norm[left] in " \u3000\t":
        left += 1
    return left
