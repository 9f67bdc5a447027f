"""Date and year cues of stance: what a year, a deadline or a plan period named in a sentence tells.

A year is judged against the year the document plans for (dates.document_date): before it, the text reports;
from it on, it plans (judge_year).  By itself a year phrase tells nothing when the year is the document's own
and the text was written later in that year; and a year naming an event held, a plan's goal year or a year
already measured by its months (UNDER_WAY) is no cue at all (stance_cues.find_cues decides those).  This module
also holds the two stances, ACTUAL and TARGET, which every stance module shares.
"""

from __future__ import annotations

import datetime as dt
import re

from ...patterns import quick

ACTUAL, TARGET = "actual", "target"

_HEADING_YEAR = re.compile(r"(20\d\d|二[〇零]二[〇零一二三四五六七八九])年")
_CN_DIGIT = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# An article's sentence framed by a year (2024年,全县…) reports that year; the frame
# tells nothing in a report whose sections do, nor for the latest year the text names.
# 据了解,2024年海州市…: a reporter's lead may come first; 2025年前, 2025年内 are deadlines.
YEAR_FRAME = re.compile(r"\s*(?:据[\u4e00-\u9fff]{1,4},)?(20\d\d)年(?!前|底前|内|起|开始|以前)")
ANY_YEAR = quick(r"(?<!\d)(20\d\d)年")
# A sentence framed by a month (2025年5月,我市…) that measures against an earlier period (环比, 较上期, 同比) counts
# what that month did: a plan gives no month-on-month change
MEASURED = re.compile(r"环比|较上期|比上期|较上月|比上月|同比")
_PLAN_PERIOD = re.compile(r"十([一二三四五六])五”?(期末|末期?|时期|期间|规划期)?")
PLAN_ORDER = "一二三四五六"
# 到2027年 is a deadline, 增加到2024年的152个 the end of a change already made; a deadline before the
# year the document plans for is past (到2018年年末…完成115亿元, written in 2019).
DEADLINE = (r"(?<![加长高升降少低展])到(?P<dl>20\d\d)年(?!的)"
            r"|(?P<dl2>20\d\d)年(?:\d{1,2}月)?(?:前(?![一二三四五六七八九十两\d]{1,2}(?:个)?(?:季度|月))|底前)")
# A year named anywhere (提出了2021年…指标体系安排), judged against the year the document plans for: the
# strongest stance a sentence can carry when the document's date is known (no cue without it).
# (较2024年增长120%: a year after 较 or 比 is the base of a change, no frame)
YEAR_NAMED = (r"(?<![\d到较比])(?P<yy>20\d\d)年"
              r"(?:(?P<mm>\d{1,2})月(?:份)?|第?(?P<qq>[一二三四1-4])季度|(?P<hh>上半年))?"
              r"(?![前底末内初中]|以来|的|\d)")
# 2025年延边州春季项目集中开工活动举行, 2025年…启动仪式、…开工仪式举行: a year in the name of an event held
EVENT_HINT = re.compile(r"举行|举办|启动|召开|开幕")
EVENT_HELD = re.compile(
    r"[^,。;:!?\n]{0,80}?(?:活动|仪式|会议|大会|典礼|论坛|开幕式|签约会|推进会|观摩会)"
    r"(?:在[^,。;:!?\n]{1,20}?)?(?:正式|隆重|顺利)?(?:举行|启动|召开|开幕|举办)")
# 今年 names the year the document is written in: judged like a year named (a work report's 今年 plans, a December
# summary's reports); 今年以来, 今年1-6月, 今年上半年 are periods the other cues tell
THIS_YEAR = (r"(?P<now>今年)"
             r"(?!以来|来|前|底|内|以前|初|[上下]半年|[一二三四前]季度|第|\d|[一二三四五六七八九十]{1,2}月)")
YEAR_NAMED_RE = quick(YEAR_NAMED)
MONTH_AFTER = re.compile(r"(\d{1,2})月")
_EARLY_MONTH = 3  # a report given by March plans its year
DEADLINE_RE = quick(DEADLINE)
# the periods the words of a review name (上半年, 一季度, 前三季度), by their last month
PERIOD_END = {"上半年": 6, "一季度": 3, "前三季度": 9}
AGAINST_BEFORE = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|上年同期")
# 1-2月累计完成投资, 1至11月份…实际开工: months of the year already measured (the text is written after them)
UNDER_WAY = re.compile(r"(?<!\d)\d{1,2}\s*[-—至~]\s*\d{1,2}月份?(?:[^。;]{0,12}?实际|"
                       r"(?:(?!将|要|计划|力争|确保)[^。;]){0,8}?(?:累计|完成|已|同比))")
# the words of a period's statistics: 总数为, 率达, 共受理, 累计
REPORTED = re.compile(r"总数为|总量为|率(?:达|为)|累计|共(?:受理|办理|接待|完成|签约|收到)|占比")
# 2024年1-4月, 2024年前三季度: a period of the year named after it
PERIOD_AFTER = re.compile(r"(?:\d{1,2}\s*[-—至]\s*\d{1,2}月|前三季度|一季度|[上下]半年)")
PROPOSED = re.compile(r"(?:方案|规划|纲要|意见|计划|行动|通知|办法|报告)》?(?:提出|明确|要求|规定)")


def heading_year(text: str) -> int | None:
    m = _HEADING_YEAR.search(text)
    if not m:
        return None
    return int("".join(_CN_DIGIT.get(ch, ch) for ch in m.group(1)))


def latest_plan(norm: str) -> int:
    """The most recent five-year plan the text names (十四五 → 4); 0 when none."""
    found = [PLAN_ORDER.index(m.group(1)) for m in _PLAN_PERIOD.finditer(norm)]
    return max(found, default=-1) + 1


def first_month(m: re.Match[str]) -> int | None:
    """The first month of the period a year phrase names (2021年8月 → 8, 2021年第一季度 → 1, 上半年 → 1)."""
    if m.group("mm"):
        return int(m.group("mm"))
    if m.group("qq"):
        return 3 * ("一二三四".index(m.group("qq")) if not m.group("qq").isdigit() else int(m.group("qq")) - 1) + 1
    return 1 if m.group("hh") else None


def judge_year(year: int, month: int | None, plan_year: int | None, written: dt.date | None) -> str | None:
    """What a year named in the text tells against the document's own date: before the plan year it reports,
    after it plans; the plan year itself plans in a text written before or early in it (a work report), and
    reports a month already past when the text was written (2022年8月份 in a September article); a bare plan
    year in a text written later in that year tells nothing."""
    if not plan_year:
        return None
    if year != plan_year:
        return ACTUAL if year < plan_year else TARGET
    if written and month and (year, month) <= (written.year, written.month):
        return ACTUAL  # 2021年第一季度…集中开工活动 written in February: under way or past
    if written is None or written.year < year or written.month <= _EARLY_MONTH:
        return TARGET
    return None
