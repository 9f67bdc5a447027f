"""The document's own date, and the year it plans for: what year phrases are judged against.

A work report is given before the year's statistics close, in the first weeks of the year it plans
(or the last days of the year before): "——2024年1月10日在…会议上".  A newspaper prints its date
on a line of its own ("青岛晚报 2023年01月14日", "2023-02-01 19:31 来源:…").  Either, or the
year the office ingests the document for, tells which years the text reports and which it plans.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...patterns import quick
from .layout import prepare

_CN = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0, "o": 0, "Ｏ": 0}
_YEAR = r"(?P<y>20\d\d|二[〇零○Oo][一二三四五六七八九〇零○][〇零○一二三四五六七八九])"
_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# ——2024年1月10日在锦州市第十七届人民代表大会第三次会议上
_HEADER = re.compile(rf"{_YEAR}\s*年\s*{_MONTH}\s*月\s*{_DAY}\s*日\s*(?:在|于)[^\n。]{{0,60}}?(?:会议|大会|会)上")
# 青岛晚报 2023年01月14日 / 2023-02-01 19:31:31 来源 / 发布时间:2024年01月30日
_DATELINE = re.compile(
    r"(?P<y>20\d\d)\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))")
# 2024年锦州市政府工作报告, (福建省)2020年霞浦县人民政府工作报告: the title names the year planned.
_TITLE_YEAR = re.compile(r"(?P<y>20\d\d)年[^\n,。]{0,24}?(?:政府工作报告|工作要点|工作计划|国民经济和社会发展计划)")
_PROGRESS_TITLE = re.compile(r"(?P<y>20\d\d)年\s*1\s*[-—至]\s*(?P<m>\d{1,2})月份?[^\n。,]{0,30}?"
                             r"(?:完成情况|进展情况|落实情况|推进情况|执行情况)")
# 报告分三个部分:2025年工作回顾、…、2026年重点工作; 2026年主要预期目标是: the year whose works or goals a report (or
# its news) sets out, named near the top where no date is printed ("2月4日上午" says no year); not a past plan's
# progress (2023年重点工作完成情况)
_PLAN_PART_YEAR = re.compile(
    r"(?P<y>20\d\d)年(?:的|全市|全县|全区|全省|政府)?(?:重点工作|工作安排|工作打算|主要工作|重点任务|工作任务|目标任务|"
    r"主要(?:预期)?目标|经济社会发展(?:主要)?(?:预期)?目标)(?!(?:的|推进|落实|任务)?(?:完成|进展|落实|推进|执行)情况)")
_HEAD_CHARS = 1500  # the header, title and dateline stand at the top
_DATELINE_MAX = 60
# A news agency's dateline at the head of a story: 新华社北京3月5日电, 中新社雄安2月5日电 (记者…)
_WIRE_DATELINE = re.compile(r"(?:^|\n)[^\n,。:“”]{0,24}?(?P<m>\d{1,2})月(?P<d>\d{1,2})日电")
_SENTENCE_MARK = re.compile(r"[,，。;；]")
_LATE_MONTH = 11  # a report given in November or December plans the next year

SOURCES = {"given": "指定", "header": "文头", "title": "标题", "dateline": "日期行",
           "half_year": "半年执行情况（按7月中旬估计）",
           "progress": "进度通报（按所报月份之后估计）", "plan_part": "正文所列年度工作", "year": "导入年度",
           "none": "未找到"}
# 上半年计划执行情况, 上半年工作总结: written after the half year, in the year it reports on
_HALF_YEAR = quick(r"上半年(?:国民经济和社会发展)?(?:计划|预算)?(?:执行|完成情况|工作总结|经济运行)"
                        r"|(?<!\d)1\s*[-—至]\s*6月份?(?:累计)?(?:完成|实现)")  # 1-6月累计完成投资: after June
# 1-3月项目累计完成投资, 重点工作1-6月进展情况, 截至7月底…完成投资: a progress report written after that month
_PERIOD_DONE = quick(r"(?:(?<!\d)1\s*[-—至]\s*(?P<m>\d{1,2})月份?|截至(?P<m2>\d{1,2})月(?:底|末))"
                          r"(?=(?:(?!将|要|计划|力争|确保)[^。\n]){0,16}(?:累计|完成|实现|进展|推进|开工|竣工))")

# 重点工作任务一季度完成情况, 前三季度进展情况: a report on the plan's progress written after that quarter
_QUARTER_DONE = quick(r"(?:第?(?P<q>[一二三123])季度|(?P<q3>前三)季度)(?:[^。\n,]{0,8}?)"
                      r"(?:完成|进展|落实|推进|执行)情况")
_QUARTER_NUMBER = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3, "前三": 3}


@dataclass(frozen=True)
class DocumentDate:
    """When the document was written (if known), the year it plans for, and where that was read."""

    date: dt.date | None
    plan_year: int | None
    source: str  # a key of SOURCES
    phrase: str = ""  # the words it was read from

    def label(self) -> str:
        """Chinese, for the CLI and the document page: 2019-12-29（取自文头“…”）."""
        when = self.date.isoformat() if self.date else (f"{self.plan_year}年" if self.plan_year else "未知")
        where = SOURCES[self.source]
        plan = f"，规划年度 {self.plan_year}" if self.plan_year else ""
        quoted = f"“{self.phrase}”" if self.phrase else ""
        return f"{when}（{'取自' if self.source not in ('given', 'none') else ''}{where}{quoted}{plan}）"


def document_date(text: str, date: dt.date | None = None, year: int | None = None) -> DocumentDate:
    """The date of `text`: the one given, else its header, title or dateline, else the ingest year."""
    if date is not None:
        return DocumentDate(date, year or _plan_year(date), "given")
    head = text[:_HEAD_CHARS]
    found = _header(head)
    title = _TITLE_YEAR.search(head)
    if found:
        plan = int(title["y"]) if title and abs(int(title["y"]) - found[0].year) <= 1 else _plan_year(found[0])
        return DocumentDate(found[0], year or plan, "header", found[1])
    if title:
        plan = year or int(title["y"])
        progress = _PROGRESS_TITLE.search(head)
        if progress and int(progress["y"]) == plan and 1 <= int(progress["m"]) <= 12:
            # 2020年1-11月份…《政府工作报告》部分目标任务完成情况: a notice on the plan's progress, written after the
            # last month it reports
            month = int(progress["m"])
            written = dt.date(plan + 1, 1, 1) if month == 12 else dt.date(plan, month + 1, 1)
            return DocumentDate(written, plan, "progress", progress.group())
        return DocumentDate(None, plan, "title", title.group())
    line = _dateline(head)
    if line:
        return DocumentDate(line[0], year or line[0].year, "dateline", line[1])
    wire = _WIRE_DATELINE.search(head) if year and "电" in head else None
    if wire:
        # 中新社雄安2月5日电: a news agency's dateline names no year; the ingest year's, or the year before for a
        # story of November or December about the year planned
        month, day = int(wire["m"]), int(wire["d"])
        when = _make(year - 1 if month >= _LATE_MONTH else year, month, day)
        if when:
            return DocumentDate(when, year, "dateline", wire.group().strip())
    plan_part = None
    if not year:  # the latest year whose works are set out is the one planned (2025年回顾、2026年重点工作)
        plan_part = max(_PLAN_PART_YEAR.finditer(prepare(text).norm[:_HEAD_CHARS]), key=lambda m: int(m["y"]),
                        default=None)
        year = int(plan_part["y"]) if plan_part else None
    plain = prepare(text).norm[:_HEAD_CHARS] if year else ""  # as the rules read it (繁体, pinyin, spaces)
    half = _HALF_YEAR.search(plain) if year else None
    if half:
        return DocumentDate(dt.date(year, 7, 15), year, "half_year", half.group())
    period = _PERIOD_DONE.search(plain) if year else None
    month = int(period["m"] or period["m2"]) if period else 0
    if 1 <= month <= _LATE_MONTH - 1:
        return DocumentDate(dt.date(year, month + 1, 1), year, "progress", period.group())
    quarter = _QUARTER_DONE.search(plain) if year else None
    if quarter:
        month = 3 * _QUARTER_NUMBER[quarter["q"] or quarter["q3"]]
        return DocumentDate(dt.date(year, month + 1, 1), year, "progress", quarter.group())
    if plan_part:
        return DocumentDate(None, year, "plan_part", plan_part.group())
    if year:
        return DocumentDate(None, year, "year")
    return DocumentDate(None, None, "none")


def _plan_year(date: dt.date) -> int:
    return date.year + 1 if date.month >= _LATE_MONTH else date.year


def _header(head: str) -> tuple[dt.date, str] | None:
    for m in _HEADER.finditer(head):
        when = _make(_number(m["y"]), _number(m["m"]), _number(m["d"]))
        if when:
            return when, m.group().strip()
    return None


def _dateline(head: str) -> tuple[dt.date, str] | None:
    """A date on a short line of its own (a paragraph's dates are events, not the paper's date)."""
    for line in head.splitlines():
        if len(line.strip()) > _DATELINE_MAX or _SENTENCE_MARK.search(line):
            continue
        for m in _DATELINE.finditer(line):
            when = _make(int(m["y"]), int(m["m1"] or m["m2"]), int(m["d1"] or m["d2"]))
            if when:
                return when, m.group().strip()
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _number(text: str) -> int:
    """2024, 二〇二四, 10, 十, 二十二 → int."""
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(ch in _CN for ch in text):
        return int("".join(str(_CN[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)
    return _CN[text]
