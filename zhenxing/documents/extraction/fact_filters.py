"""Figure filters: the numbers of a sentence that are no facts of their own.

A number that only qualifies another (投资50亿元以上17个: the amount sets a class; 2个300亿元产业集群: the amount
describes the clusters counted; 在10余米的高台上: a story's scene; 72个县…占比68%: the places measured) is dropped
(drop_qualifying_numbers); a range written with its unit twice (10亿元至50亿元) is merged into one figure with
comparator ">=" (merge_ranges); a sentence about the meeting itself (…作了交流发言) gives no facts (MEETING_TALK).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...patterns import quick
from .fact_reading import PROJECT_SIZE
from .quantities import Quantity
from .text import is_cjk
from .units import CAPACITY_UNITS, COUNT_UNITS, MONEY_UNITS

# 刚才,5个乡镇作了交流发言; 全乡48名代表和27名列席人员参加会议: the meeting itself, not the work
MEETING_TALK = quick(r"(?:作了?|进行了?)(?:交流|表态|典型|书面)?(?:发言|汇报)"
                           r"|(?:代表|委员|列席人员)[^,;。]{0,12}(?:参加|出席|列席)(?:了)?(?:会议|大会)")
_JOINS = re.compile(r"(?:、|和|及|与|以及)$")  # 40%以上税收、50%以上…: a list, not a class
# 20%的村集体年收入超 | 30万元: the words between a share and the amount that bounds the class it counts
_SHARE_OF_CLASS = re.compile(r"的[\u4e00-\u9fff]{1,10}")
_THRESHOLD = re.compile(r"的[\u4e00-\u9fff]{0,4}(?:项目|企业)(?![\d一二三四五六七八九十两])")
# 超百亿元企业3家, 50亿元项目2个: an amount naming a class of the things counted next.
_CLASS_NOUN = re.compile(r"(?:企业|项目|村|园区|集群|产业集群|工程|群体|家庭)")
_RANGE_SEP = frozenset({"至", "到", "-", "~"})
_TOTAL = re.compile(r"累计|总|共|合计")
_TOTAL_BEFORE = re.compile(r"(?:总投资|年度(?:计划)?投资|总额|累计|共计|合计|总计)(?:达到|达|为|约|超过|超)?$")
# 72个县工业增加值占…, 11个市的完成率…: the places a share or a rate is measured over (not 5个县城, 3个市场)
_PLACES_MEASURED = re.compile(r"(?:县|市|区|州|乡镇|镇|乡)(?:\([市县区、]{1,4}\))?(?![城级域委政场民直属])")
_SCENE = re.compile(r"(?:余|多)?(?:高|长|深|宽)?的[\u4e00-\u9fff]{1,4}?(?:上|下|中|里|旁|边|前|顶)"
                    r"(?![\u4e00-\u9fff]?(?:建|修|铺|改))")  # (not 在300米的河道上新建护岸: the work's extent)


def drop_qualifying_numbers(norm: str, qs: list[Quantity], cuts: list[int]) -> list[Quantity]:
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
        if sets_class and between.endswith("等") and PROJECT_SIZE.match(norm, q.end):
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


def merge_ranges(norm: str, qs: list[Quantity]) -> list[Quantity]:
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
        return is_cjk(follower) and (q.base_unit not in COUNT_UNITS or q.post in ("以上", "及以上", "以下"))
    return (follower == "的" and len(gap) <= 5 and all(is_cjk(ch) for ch in gap)
            and not _TOTAL.search(gap))  # 两个累计投资超300亿元的: a sum, a fact of its own


def _cut_between(cuts: list[int], lo: int, hi: int) -> bool:
    return any(lo <= c < hi for c in cuts)
