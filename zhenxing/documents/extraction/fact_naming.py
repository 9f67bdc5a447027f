"""Indicator naming: figures whose words name no indicator borrow one.

A change after an amount measures the same thing (内资452.6亿元,增长21.8%); a bare value joined by 、 or 和 to the
next takes its name (20213户、52769名贫困人口); a rate word alone (人均每月, 增幅, 占…) extends the name before it; a
generic word (总量, 规模) takes the catalogued indicator named just before; a batch's sums are named after the
projects counted (…总投资85.9亿元的60个重点项目).  fill_empty_indicators drops what stays unnamed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...patterns import quick
from .catalogue import CATALOGUE
from .fact_lists import pair_bare_list
from .fact_reading import Draft
from .indicators import LEVEL
from .lists import is_value_separator
from .quantities import Quantity
from .units import COUNT_UNITS, MONEY_UNITS

_DIGIT = re.compile(r"\d")
# 回升, 增速比一季度加快, 较上月回落: a change of pace named without its subject
_PACE_MOVED = re.compile(
    r"(?:增速|增幅|涨幅)(?:比|较)[^,;。]{1,8}|"
    r"(?:增速|增幅|涨幅)?(?:比|较)?[^,;。]{0,8}?(?:加快|回升|回落|放缓|收窄|扩大|提高|提升|上升|下降)")
# 完成规划目标的80.2%, 为调整预算的101.2%: a share of a target met names no subject a
# later change could be of.
COMPLETION = re.compile(r"(?:完成|为).{0,6}(?:目标|计划|预算|任务)")
# Words that say "per what" but not "of what" (人均每月): the previous fact names the thing.
_RATE_ONLY = quick(r"(?:人均|户均|亩均|月均|日均|每人|每户|每亩|每年|每月|每天)+")


def fill_empty_indicators(norm: str, qs: list[Quantity], drafts: list[Draft],
                          last: Draft | None = None) -> list[Draft]:
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
    pair_bare_list(norm, drafts)
    _name_batch_sums(norm, drafts)
    for d in drafts:
        if not d.indicator and _LENGTH_BEFORE.search(norm, max(0, d.q.start - 5), d.q.start):
            d.indicator = _object_before(norm, d.q.start)  # 铺设…供热主管网,全长约4.3公里: the pipe laid is measured
    for k, d in enumerate(drafts):
        if not d.indicator and k:
            src = drafts[k - 1] if d.kind == LEVEL else next(
                (e for e in reversed(drafts[:k]) if not COMPLETION.match(e.indicator)), drafts[k - 1])
            d.indicator, d.start = _borrowed(src, d.q), src.start
        elif not d.indicator and last and d.kind != LEVEL and d.q.unit == last.q.unit:
            d.indicator = last.indicator
        elif k and _RATE_ONLY.fullmatch(d.indicator):
            d.indicator = drafts[k - 1].indicator + d.indicator  # 发放高龄津贴,人均每月100元
        elif k and d.indicator.startswith("占") and d.q.unit == "%":
            d.indicator = drafts[k - 1].indicator + d.indicator.rstrip("的")  # 进出口13.8亿美元,占全市的41%
        elif k and d.indicator in _RATE_NOUNS and drafts[k - 1].indicator not in _RATE_NOUNS:
            d.indicator = drafts[k - 1].indicator  # 财政总收入达到20亿元、增幅12%以上: the rate of the amount before
        elif k and d.q.unit == "个百分点" and drafts[k - 1].q.unit == "%" and _PACE_MOVED.fullmatch(d.indicator):
            # 同比下降1.4%,比1—5月回升1.8个百分点; 增速比一季度加快1.3个百分点: the pace of the figure before
            head = d.indicator if d.indicator.startswith(("增速", "增幅", "涨幅")) else "增速" + d.indicator
            d.indicator = drafts[k - 1].indicator + head
        elif k and d.q.unit == "%" and _PLAN_SHARE.fullmatch(d.indicator):
            # 全年预计完成16.34亿元,完成年计划的100%: how much of its own plan the subject before it did
            src = next((e for e in reversed(drafts[:k]) if not COMPLETION.match(e.indicator)), drafts[k - 1])
            d.indicator = src.indicator + d.indicator.rstrip("的")
    for k, d in enumerate(drafts):
        if k and d.q.unit == "%" and norm.startswith("占", d.start) and d.stance_source != "cue":
            # 计划投资10.91亿,占总投资15%: a share speaks of the amount before it, and takes its stance
            d.stance, d.stance_source = drafts[k - 1].stance, drafts[k - 1].stance_source
    return [d for d in drafts if d.indicator]


def _name_batch_sums(norm: str, drafts: list[Draft]) -> None:
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


# a length alone (全长约, 总长) after the clause that names what was laid or built
_LENGTH_BEFORE = re.compile(r"(?:全长|总长|长度)[约达为]*$")
_LAID = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?(?:将|要))?(?:新建|铺设|敷设|建设|改造|修建|新改建|改扩建|架设)")
_ASIDE = re.compile(r"\([^()]{0,30}\)")


def _object_before(norm: str, lead: int) -> str:
    """What the clause before a bare length lays or builds (铺设将军大道(…段)供热主管网 → 将军大道供热主管网), or ""."""
    comma = norm.rfind(",", max(0, lead - _LOOK_BACK), lead)
    if comma < 0:
        return ""
    start = max(norm.rfind(ch, max(0, comma - _LOOK_BACK), comma) for ch in ",;。:\n") + 1
    laid = _LAID.match(norm, start, comma)
    return _ASIDE.sub("", norm[laid.end():comma]).strip() if laid else ""


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


def _borrowed(src: Draft, q: Quantity) -> str:
    """贷款担保186笔15.1亿元: the amount of a counted thing is its 金额."""
    counted = src.q.base_unit not in MONEY_UNITS and "%" not in (q.unit, src.q.unit)
    if q.base_unit in MONEY_UNITS and counted and not src.indicator.endswith(("金", "额", "资", "款", "费")):
        return src.indicator + "金额"
    return src.indicator
