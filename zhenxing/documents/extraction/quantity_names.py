"""Numbers that name rather than measure: codes, ordinals, sizes, a project's phases, a definition's bounds.

A number glued to Latin letters or operators is a code (5G, 8+3, PM2.5: is_code); after 第 or in a list of
ordinals it ranks (第17、18件: is_ordinal); 一期, 四期工程 are a project's phases, not sessions held (is_phase);
a bound inside an aside defining a word (…低于91.7%…,下同) measures nothing (in_definition); an item's number
before a year (1.2020年…) is no decimal (ITEM_THEN_YEAR).
"""

from __future__ import annotations

import re

from .text import is_cjk

# 期 counts sessions (培训班26期); 一期, 二期 (工程) are a project's phases.
_PHASE_MAX = 3
_SIZE_WORDS = frozenset({"直径", "口径", "半径", "厚度", "粒径"})
_CODE_NEIGHBOURS = frozenset("+×*·/#@_&=")
_INDICATOR_ABBREVIATION = re.compile(r"(?<![A-Za-z])(?:GDP|GNP|CPI|PPI)$")


def is_phase(norm: str, end: int, value: float, mag: str) -> bool:
    """滨河路四期工程, 五期正在建设: a phase of a project, not a count of sessions (培训班26期,)."""
    nxt = norm[end] if end < len(norm) else ""
    return value <= _PHASE_MAX or bool(mag) or (is_cjk(nxt) and nxt not in "以左多余")


def is_code(norm: str, m: re.Match[str]) -> bool:
    """Numbers glued to Latin letters or operators are names and codes (5G, 8+3, PM2.5)."""
    before = norm[m.start() - 1] if m.start() else ""
    after_num = m.end("num2") if m["num2"] else m.end("num")
    after = norm[after_num] if after_num < len(norm) else ""
    # 100MW光伏: a unit written in Latin letters is no code
    latin_unit = bool(m["unit"]) and m["unit"][0].isascii() and m.start("unit") == after_num
    # 完成GDP2917.85亿元: an indicator's Latin abbreviation before a number with a measure of its own
    named = bool(m["unit"] or m["mag"]) and bool(_INDICATOR_ABBREVIATION.search(norm, max(0, m.start() - 4), m.start()))
    if before.isascii() and before.isalpha() and not named or (after.isascii() and after.isalpha() and not latin_unit):
        return True
    if before in _CODE_NEIGHBOURS or after in _CODE_NEIGHBOURS:
        return True
    end_char = norm[m.end()] if m.end() < len(norm) else ""
    # (a number closing the text, 新建公办幼儿园150所 as a headline prints it, is followed by nothing)
    return bool(end_char) and (end_char in "+×*" or (end_char.isascii() and end_char.isalpha()))


def in_definition(norm: str, start: int, end: int) -> bool:
    """(进展情况占比低于91.7%或增幅低于目标任务,下同): an aside defining how the text uses a word measures nothing."""
    close = norm.find("下同)", end, end + _ASIDE_MAX)
    if close < 0 or "(" in norm[end:close] or ")" in norm[end:close]:
        return False
    opened = norm.rfind("(", max(0, start - _ASIDE_MAX), start)
    return opened >= 0 and ")" not in norm[opened:start]


def is_ordinal(norm: str, start: int, unit_word: str) -> bool:
    """第3位, 第三次; 前10名 is a rank too, but 以前20天 is not.  直径3.5米 is a size
    in a product's description, no ordinal but no measure of work either."""
    before = norm[start - 1] if start else ""
    if before == "第" or (before == "前" and unit_word in ("名", "位")):
        return True
    if before == "、" and _ORDINALS_LISTED.search(norm, max(0, start - 24), start):
        return True  # 第17、18件: the ordinal reaches every number of its list
    return norm[max(0, start - 2):start] in _SIZE_WORDS


_ASIDE_MAX = 40
# 第一、二、三批: a list of ordinals in Chinese numerals, the last one no count of 批 either
_ORDINAL = r"(?:\d{1,4}|[一二三四五六七八九十]{1,3})"
_ORDINALS_LISTED = re.compile(rf"第{_ORDINAL}(?:、{_ORDINAL})*、$")
# 附件:1.2020年政府工作报告…: an item's number before a year, no decimal
ITEM_THEN_YEAR = re.compile(r"\d{1,3}[.．](?:19|20)\d\d$")
