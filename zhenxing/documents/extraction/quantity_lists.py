"""A count that restates a list: 女儿河、小凌河、百股河三条河流 counts the names right before it.

Such a count names nothing new (restates_list marks it on its Quantity, the fact readers drop or merge it); so
does a count announcing the list that follows (7项指标基本符合预期,分别是A、B、…).  A deed after the names
(…主体完工2个) makes the number a count of what was done, not a restatement.
"""

from __future__ import annotations

import re

from .text import is_cjk
from .units import COUNT_UNITS

_LIST_AFTER = re.compile(r"[^,;。\n]{0,12}[,:]?(?:分别是|分别为|分别有|即)[:]?(?P<items>[^;。\n]{2,300})")
_ASIDE_IN_ITEM = re.compile(r"\([^()\n]{1,6}\)")  # 执业(助理)医师数: a bracket inside an item ends no clause
_CLAUSE_START = re.compile(r"[,;:。!?\n“”()]")
_LIST_ITEM_SEP = re.compile(r"、|和|及|与")
_DIGIT = re.compile(r"\d")


def restates_list(norm: str, start: int, value: float, unit_word: str) -> bool:
    """女儿河、小凌河、百股河三条河流: a count right after the list it counts names nothing new; nor does a count
    right before the list naming its items (7项指标基本符合预期,分别是A、B、…)."""
    if unit_word not in COUNT_UNITS or not 2 <= value <= 12 or value != int(value) or not start:
        return False
    if norm[start - 1] == "各":
        return False  # 新建幼儿园、小学各2所: the count of each thing listed, not of the list
    if is_cjk(norm[start - 1]):
        window = _ASIDE_IN_ITEM.sub("", norm[max(0, start - 160):start])
        if _names_n_items(_CLAUSE_START.split(window)[-1], int(value)):
            return True
    after = _LIST_AFTER.match(norm, start)  # 7项指标基本符合预期,分别是A、B、…
    return bool(after) and _names_n_items(_ASIDE_IN_ITEM.sub("", after["items"]).rstrip("等"), int(value))


# 建设工程和产业项目主体完工2个: a deed after the names makes the number a count of what was done, not of the names
_LATIN_CODE = re.compile(r"[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*")
_DEED_IN_ITEM = re.compile(r"(?:完工|开工|竣工|建成|完成|达到|实现|投产|签约|落地|过半|复工)$")


def _names_n_items(clause: str, n: int) -> bool:
    items = _LIST_ITEM_SEP.split(clause)
    # G6PD缺乏症、苯丙酮尿症等5种…: a name's Latin code holds digits but counts nothing
    return (len(items) == n and not _DIGIT.search(_LATIN_CODE.sub("", clause))
            and all(0 < len(item) <= 20 for item in items)
            and not _DEED_IN_ITEM.search(items[-1]))
