"""Numbers that name a class or count words, not a work's measure (the R36 classes).

Called from quantities._not_a_measure with the match of a number and its unit word:

- a voltage grade naming a class of line, grid or substation (改造升级10千伏线路16.66公里, 0.4千伏线路200公里,
  10千伏及以下配电网, 新建110千伏变电站4座):
  the line's length or the count after it measures the work; the grade is what kind of line (a project's capacity in
  its name, 1000千伏特高压交流工程, stays a fact);
- the frame of a measure (frames_a_measure): a survey's reach, a poverty line, a size class in words, a step's size;
- a count of a word's occurrences in a text (报告中,“发展”出现67次; “项目”一词被提及29次): a news tool's tally of the
  report's words, no work of the government;
- a place whose name opens on a numeral and a measure word (七台河, 五家渠): no count.
"""

from __future__ import annotations

import re

from .units import GRADE_UNITS

_LINE_CLASS = re.compile(
    # 扩建110千伏、35千伏变电站各2座: grades listed before the class they name
    r"(?:(?:、|和|及)\d+(?:\.\d+)?千伏)*"
    r"(?:及以下|以下|及以上)?(?:输电|配电|架空|低压|中压|高压)?(?:线路|电网|配电网|配网|配变|电压等级|网架|电缆|"
    r"变电站|变电所|开关站|主变)")
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


# 对全国31个省(自治区、直辖市)16万户居民家庭的抽样调查: the places and homes a survey reached, no measure
_SURVEY_REACH = re.compile(r"[^,;。!?\n]{0,24}?抽样调查")
# 按每人每年2300元(2010年不变价)的国家农村贫困标准测算: the line a measure is taken against, no measure
_STANDARD_BEFORE = re.compile(r"按(?:照)?(?:每人|人均)?(?:每年|每月|年)?$")
_STANDARD_AFTER = re.compile(r"(?:\([^()\n]{1,12}\))?的[^,;。\d]{0,12}标准")
# 连续三年每年跨越一个千亿台阶: the size of each step, no mark passed
_STEP_SIZE_BEFORE = re.compile(r"(?:一个|每个|个)$")


def frames_a_measure(norm: str, start: int, end: int, unit_word: str) -> bool:
    """The number at norm[start:end] frames a measure instead of being one: the reach of a survey, the line a figure
    is measured against, a size class in words before 项目 (百亿项目17个), the size of each step passed."""
    nxt = norm[end:end + 1]
    if unit_word in ("个", "户", "人", "家") and _SURVEY_REACH.match(norm, end):
        return True  # 对全国31个省…16万户居民家庭的抽样调查
    if _STANDARD_BEFORE.search(norm, max(0, start - 8), start) and _STANDARD_AFTER.match(norm, end):
        return True  # 按每人每年2300元的国家农村贫困标准测算
    if unit_word == "项" and nxt == "目" and norm[start:start + 1] not in "0123456789":
        return True  # 全市百亿项目17个: 百亿 项 目 is no count of items
    return unit_word == "台" and nxt == "阶" and bool(_STEP_SIZE_BEFORE.search(norm, max(0, start - 3), start))


_HELD = re.compile(r"(?:举办|开办|举行|开设|办)了?$")
_PHASE_OF = re.compile(r"(?:工程|项目)")


def held_sessions(norm: str, start: int, end: int) -> bool:
    """举办3期“三个一批”活动, 开办2期培训班: the 期 of the number at norm[start:end] counts sessions held, not a
    project's phase (举办二期工程 stays a phase)."""
    return bool(_HELD.search(norm, max(0, start - 4), start)) and not _PHASE_OF.match(norm, end)
