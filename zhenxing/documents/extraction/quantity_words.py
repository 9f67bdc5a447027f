"""Chinese numerals that are words, not counts: when 一, 十, 千, 两张 and the like measure something.

Chinese numerals are words too (统一, 千家万户, 一个问题, 两张网, 一支…队伍): a number written in words is read
as a count only where it clearly counts (plausible_chinese): with a qualifier (近千万元), a unit of time spent
(一个工作日), after a verb that adds things (新增一所医院: a_count_of_one), or opening a list's line (千名…).  A
count in words naming a slogan's set (两张网, 一张蓝图) is none (named_set).
"""

from __future__ import annotations

import re

from .numerals import CN_DIGITS, CN_SCALES, chinese_to_float, split_magnitude
from .units import CAPACITY_UNITS, COUNT_UNITS

_ADDS = re.compile(r"(?:新增|新建|建成|引进|培育|新开工|签约|打造)$")


def a_count_of_one(norm: str, m: re.Match[str], unit_word: str) -> bool:
    """新增一所县级医院, 新增上市公司一家: 一 counts after a verb that adds things or at a clause's
    end; elsewhere (一个问题, 一次办, 一家人) it is a word."""
    if unit_word not in COUNT_UNITS or unit_word in ("次", "批"):
        return False  # 一批: some, not one
    nxt = norm[m.end()] if m.end() < len(norm) else ""
    return bool(_ADDS.search(norm, max(0, m.start() - 3), m.start())) or nxt in ",;。"


# 抓好城乡养老服务两张网, 一张蓝图绘到底: a set named by a count in words (网, 图, 清单) is a slogan, no measure
_SET_NOUN = re.compile(r"(?:网|图|蓝图|清单|名片)(?![\u4e00-\u9fff]{0,2}(?:建设|覆盖))")
# 打造一支懂经济、善洽谈的招商队伍: 一支 before a team is "a", no count
_TEAM_AHEAD = re.compile(r"[^,;。!]{0,24}?(?:队伍|团队|铁军)")
_SET_COUNT_MAX = 5


def named_set(norm: str, m: re.Match[str], num: str, unit_word: str) -> bool:
    """A count in words that names a slogan's set (两张网, 一张图) or says "a" (一支…队伍), not a measure."""
    value = chinese_to_float(num) if num else None
    if value is None or value > _SET_COUNT_MAX:
        return False
    if unit_word == "张":
        return _SET_NOUN.match(norm, m.end()) is not None
    return unit_word == "支" and value == 1 and _TEAM_AHEAD.match(norm, m.end()) is not None


# the words that end the name of a programme, a base or an event a size word is run into (百万亩造林绿化, 千亩油茶示范
# 基地, 百亿元产业集群, 千亩示范现场会); 建成十万亩高标准农田 measures the farmland built
_NAMED_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,8}?(?:工程|基地|园区|产业园|示范区|示范园|示范片|示范带|行动|计划|项目|"
                          r"造林绿化|绿化|集群|产业带|现场会|先进县)")


def a_size_in_a_name(norm: str, m: re.Match[str], body: str, unit_word: str, pre_cmp: str) -> bool:
    """A round magnitude in words run straight into the name of a programme or a base (新一轮百万亩造林绿化, 千亩油茶
    示范基地, 百亿元产业集群) names its size class, no figure of a work; a capacity in a project's name (百万吨乙烯) and
    a count (百名干部) are left to their own rules."""
    if body not in CN_SCALES or pre_cmp or m["q1"] or m["q2"] or m["post"] or not unit_word:
        return False
    if unit_word in CAPACITY_UNITS or unit_word in COUNT_UNITS:
        return False
    return _NAMED_AFTER.match(norm, m.end()) is not None


def chinese_parts(num: str, mag: str) -> tuple[str | None, str]:
    body, own_mag = split_magnitude(num)
    if own_mag and mag:
        return None, ""
    return body, own_mag or mag


def plausible_chinese(body: str, mag: str, pre_cmp: str, post_approx: bool, unit_word: str = "",
                       measured: bool = False, line_count: bool = False) -> bool:
    """Chinese numerals are words too (统一, 千家万户, 亿元以上项目); accept only clear counts.

    A bare scale counts only with a qualifier (千余批次, 近千万元), a bare
    magnitude only after one (近万名).
    """
    if body == "":
        return (bool(pre_cmp) or line_count) and bool(mag)
    if line_count and body in CN_SCALES:
        return True  # 千名…, 百户… opening a list's line
    if not any(ch in CN_DIGITS for ch in body):
        # 十个示范村; 百万吨乙烯, 十万亩: a scale with a magnitude and a measure is a quantity, not a word
        return bool(pre_cmp) or post_approx or (body == "十" and unit_word in COUNT_UNITS) or (bool(mag) and measured)
    if body == "一" and not mag:
        return bool(unit_word)  # a count of one the caller recognised (a_count_of_one)
    return chinese_to_float(body) is not None
