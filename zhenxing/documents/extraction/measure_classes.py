"""Numbers that name a class or count words, not a work's measure (the R36 classes).

Called from quantities._not_a_measure with the match of a number and its unit word:

- a voltage grade naming a class of line or grid (改造升级10千伏线路16.66公里, 0.4千伏线路200公里, 10千伏及以下配电网):
  the line's length or the count after it measures the work; the grade is what kind of line (a project's capacity in
  its name, 1000千伏特高压交流工程, stays a fact);
- a count of a word's occurrences in a text (报告中,“发展”出现67次; “项目”一词被提及29次): a news tool's tally of the
  report's words, no work of the government;
- a place whose name opens on a numeral and a measure word (七台河, 五家渠): no count.
"""

from __future__ import annotations

import re

from .units import GRADE_UNITS

_LINE_CLASS = re.compile(
    r"(?:及以下|以下|及以上)?(?:输电|配电|架空|低压|中压|高压)?(?:线路|电网|配电网|配网|配变|电压等级|网架|电缆)")
_WORD_COUNTED = re.compile(r"”(?:一词|二字|这个词)?(?:一共|共|累计|先后)?(?:被)?(?:出现|提及|提到|使用)了?$")
_WORD_BACK = 12


# 七台河联顺生物制药项目: a city whose name opens on a numeral and a measure word (not 7台)
_PLACE_NAME = re.compile(r"七台河|五家渠|三门峡|六盘水")


def names_a_class(norm: str, start: int, end: int, unit_word: str) -> bool:
    """The number at norm[start:end] (unit `unit_word`) names a class or counts words: no measure."""
    if _PLACE_NAME.match(norm, start):
        return True
    if unit_word in GRADE_UNITS and _LINE_CLASS.match(norm, end):
        return True  # 10千伏线路16.66公里: the grade of the line
    return unit_word == "次" and bool(_WORD_COUNTED.search(norm, max(0, start - _WORD_BACK), start))
