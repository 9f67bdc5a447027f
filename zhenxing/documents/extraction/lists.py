"""Lists of values read with 分别: 新能源、生物医药产业产值分别增长15%、40%.

Each value gets its own indicator: the list of subjects is split on 、和与(及),
and the head shared by the subjects (产业产值) is carried to every one of them.
The values of a list share what is written once: the last unit (2个、5个和4个工作日),
the first qualifier (分别突破1500亿元、900亿元), the last noun (2个千亿级、6个百亿级产业集群).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .quantities import Quantity

_UNIT_STEMS = frozenset({"个", "万", "亿"})  # a measure word or magnitude whose unit may follow later
_ITEM_SEP = re.compile(r"[、和与]")
_ITEM_SEP_WIDE = re.compile(r"[、和与及]")
_VALUE_SEP = re.compile(r"^(?:、|和|及|与|,|以及)$")
# Where the shared head of a list of subjects starts in its last item.
_HEAD_START = re.compile(
    r"产业|行业|企业|常住|居民|人均|社区|学校|项目|工程|园区|产值|收入|增加值|投资|面积|产量|人口|覆盖率|"
    r"普及率|比例|比重|占比|率"
)
# 城乡 names two subjects in two characters.
_PAIRS = {"城乡": ("城镇", "农村")}


def is_value_separator(text: str) -> bool:
    """True when two numbers are separated only by 、和及与 (a list of values)."""
    return bool(_VALUE_SEP.match(text))


def split_subjects(subject: str, count: int) -> list[str] | None:
    """`count` indicators for the values of a 分别 list, or None when unclear."""
    for rx in (_ITEM_SEP, _ITEM_SEP_WIDE):
        items = [p for p in rx.split(subject) if p]
        if len(items) == count:
            return _share_head(items)
    for pair, names in _PAIRS.items():
        if subject.startswith(pair) and count == len(names):
            rest = subject[len(pair):]
            return [name + rest for name in names]
    return None


def _share_head(items: list[str]) -> list[str]:
    last = items[-1]
    shortest = min(len(i) for i in items[:-1])
    if len(last) <= shortest + 1:
        return items
    m = _HEAD_START.search(last, 2)
    cut = m.start() if m else max(len(i) for i in items[:-1])
    head = last[cut:]
    return [item + head for item in items[:-1]] + [last]


def share_last_unit(norm: str, qs: list[Quantity]) -> list[Quantity]:
    """2个、5个和4个工作日, 10万、20万和30万吨: the list's last unit completes the others'."""
    out = list(qs)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if (q.unit in _UNIT_STEMS and nxt.unit != q.unit and nxt.unit.startswith(q.unit)
                and is_value_separator(norm[q.end:nxt.lead])):
            out[k] = replace(q, unit=nxt.unit, base_unit=nxt.base_unit)
    return out


def share_first_qualifier(qs: list[Quantity], i: int, j: int) -> None:
    """分别突破1500亿元、900亿元和300亿元: the qualifier before the first value bounds them all."""
    first = qs[i]
    if first.lead < first.start:
        for k in range(i + 1, j + 1):
            if qs[k].comparator == "=":
                qs[k] = replace(qs[k], comparator=first.comparator)


def share_grade_noun(norm: str, drafts: list) -> None:
    """形成2个千亿级、6个百亿级产业集群: the grades share the noun named after the last."""
    for d, e in zip(drafts, drafts[1:], strict=False):
        between = norm[d.q.end:e.q.lead] if d and e else ""
        if (between[:-1].endswith("级") and len(between) <= 8 and is_value_separator(between[-1])
                and d.indicator.endswith("级") and "级" in e.indicator):
            d.indicator += e.indicator.rsplit("级", 1)[1]
