"""Deadlines as work reports and task lists write them ("年底前", "6月底前", "三季度", "9月15日前", "长期").
Pure rules, no database.

`parse_deadline(text, year)` reads the deadline of a task sentence written in `year` (the document's year):
- 年底前 / 年内 / 今年 / 全年 / 年末 / 当年 / 本年度 → 12-31 of that year (明年… → the next year's);
- 2025年底前 / 2025年内 / 到2025年 → 12-31 of 2025;
- 上半年 / 年中 → 06-30; 下半年 → 12-31; 前三季度 → 09-30;
- 一季度 / 第三季度末 / 2025年四季度 → the quarter's last day;
- 6月底前 / 6月前 / 六月份 / 2025年6月 → the month's last day; 6月上旬 / 中旬 / 下旬 → the 10th / 20th / last day;
- 9月15日前 / 九月十五号 / 2025年9月15日 → that day (an impossible day such as 2月30日 is ignored);
- 长期 / 持续推进 / 常态化 / 长效 / 每月 / 每季度 / 每年 / 定期 (and no date) → long_term, no date;
- nothing of the above → Deadline(None, False, '').
When a sentence names several dates ("6月底前完成前期手续，年底前开工"), the deadline is the latest one (the
earlier ones are milestones: `all_deadlines` lists them all in text order). A date wins over a 长期 word.
Durations ("三年内", "6个月内") have no start here and are not read as dates.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from zhenxing.errors import Rejected
from zhenxing.patterns import quick

MAX_TEXT = 20_000

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class Deadline:
    on: date | None
    long_term: bool
    phrase: str


def _number(text: str) -> int:
    """'12', '十二', '二十一', '三十', '二〇二五' → int (small Chinese numerals only)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_DIGITS[char]) for char in text))
    tens, _, units = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


_CN = "〇零一二三四五六七八九"
_YEAR = rf"(?<!\d)(?:(?P<y>(?:19|20)\d{{2}}|[二一][{_CN}]{{3}})年|(?P<rel>今年|本年|当年|明年|次年))?"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
_DAY = (r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
        r"[日号]")
_NOT_DURATION = r"(?<![\d一二三四五六七八九十两个])"

_ALTERNATIVES = [
    ("day", _YEAR + _MONTH + _DAY + r"(?:前|之前|以前)?"),
    ("ten", _YEAR + _MONTH + r"(?P<ten>上旬|中旬|下旬)(?:前|之前|以前)?"),
    ("month", _YEAR + _MONTH + r"(?:底前|末前|底|末|前|之前|以前)?"),
    ("first3", _YEAR + r"前三季度(?:末|底)?"),
    ("quarter", _YEAR + r"第?(?P<q>[一二三四1-4])季度(?:末前|底前|末|底|前)?"),
    ("half", _YEAR + r"(?P<half>上半年|下半年|年中)(?:前)?"),
    ("year", r"(?P<y>(?:19|20)\d{2}|[二一][" + _CN + r"]{3})年(?:底前|末前|底|末|内|前)?"),
    ("next", r"(?P<rel>明年|次年)(?:底前|末前|底|末|内)?"),
    ("this", r"(?:今年底前|今年底|今年末|今年内|今年|本年度|本年|年度内|全年|当年|年底前|年底|年末|"
             + _NOT_DURATION + r"年内)"),
]
_PATTERN = quick("|".join(f"(?P<{name}>{body.replace('(?P<', f'(?P<{name}_')})"
                               for name, body in _ALTERNATIVES))
_LONG_TERM = re.compile(r"长期|持续推进|持续开展|持续|常态化|长效|逐年|每年|每季度|每个?月|定期")


def _group(match: re.Match, kind: str, name: str) -> str | None:
    return match.groupdict().get(f"{kind}_{name}")


def _year_of(match: re.Match, kind: str, year: int) -> int:
    explicit = _group(match, kind, "y")
    if explicit:
        return _number(explicit)
    return year + 1 if _group(match, kind, "rel") in {"明年", "次年"} else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _resolve(match: re.Match, year: int) -> date | None:
    kind = match.lastgroup or ""
    target = _year_of(match, kind, year)
    if kind in {"day", "ten", "month"}:
        month = _number(_group(match, kind, "m") or "")
        if not 1 <= month <= 12:
            return None
        if kind == "day":
            day = _number(_group(match, kind, "d") or "")
            return date(target, month, day) if 1 <= day <= calendar.monthrange(target, month)[1] else None
        if kind == "ten":
            ten = _group(match, kind, "ten")
            return date(target, month, 10) if ten == "上旬" else date(target, month, 20) if ten == "中旬" \
                else _month_end(target, month)
        return _month_end(target, month)
    if kind == "first3":
        return date(target, 9, 30)
    if kind == "quarter":
        quarter = _number(_group(match, kind, "q") or "")
        return _month_end(target, quarter * 3)
    if kind == "half":
        return date(target, 6, 30) if _group(match, kind, "half") in {"上半年", "年中"} else date(target, 12, 31)
    return date(target, 12, 31)


def _check(text: str, year: int) -> None:
    if not isinstance(text, str):
        raise Rejected("完成时限应为文字", field="deadline")
    if len(text) > MAX_TEXT:
        raise Rejected(f"完成时限文字过长（{len(text)} 字，最多 {MAX_TEXT} 字）", field="deadline")
    if not 1900 <= year <= 2100:
        raise Rejected(f"年份“{year}”无效：应在 1900–2100 之间", field="year")


def all_deadlines(text: str, year: int) -> list[Deadline]:
    """Every date the text names, in text order (milestones and the deadline)."""
    _check(text, year)
    found = []
    for match in _PATTERN.finditer(text):
        on = _resolve(match, year)
        if on is not None and 1900 <= on.year <= 2100:
            found.append(Deadline(on=on, long_term=False, phrase=match.group()))
    return found


def parse_deadline(text: str, year: int) -> Deadline:
    """The deadline a task sentence states (see the module's note), relative to the document's year."""
    dated = all_deadlines(text, year)
    if dated:
        return max(dated, key=lambda deadline: deadline.on)  # max keeps the first of equal dates
    long_term = _LONG_TERM.search(text)
    if long_term:
        return Deadline(on=None, long_term=True, phrase=long_term.group())
    return Deadline(on=None, long_term=False, phrase="")
