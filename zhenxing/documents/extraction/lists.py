"""Lists of values read with 分别: 新能源、生物医药产业产值分别增长15%、40%.

Each value gets its own indicator: the list of subjects is split on 、和与(及),
and the head shared by the subjects (产业产值) is carried to every one of them.
"""

from __future__ import annotations

import re

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
