"""Reporting periods: a month written 'YYYY-MM'. Pure rules, no database.

A `Period` *is* its 'YYYY-MM' string (a `str` subclass), so it is stored in a String(7) column, compared and
sorted as text, and sent over JSON as-is; it also knows its year and month. Every function here accepts a
`Period` or a plain 'YYYY-MM' string.

序时进度 (the share of the year elapsed) is `elapsed_share(period)`: month / 12 at the period's end, which is
how project offices state "超/低于时间进度 Z 个百分点" in monthly dispatch; `elapsed_share_on(day)` is the
day-precise variant (days elapsed / days in the year).
"""

import calendar
import re
from datetime import date
from typing import Annotated

from annotated_types import MaxLen
from pydantic import BeforeValidator, WithJsonSchema

from zhenxing.errors import Rejected

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_SPAN = 1200  # periods_between answers at most a century of months: every input is bounded

_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)


class Period(str):
    """A month, 'YYYY-MM'. Build one with `parse_period`, `period_of` or `Period.of(year, month)`."""

    __slots__ = ()

    def __new__(cls, text: str) -> "Period":
        if isinstance(text, Period):
            return text
        year, month = _split(text)
        return super().__new__(cls, f"{year:04d}-{month:02d}")

    @classmethod
    def of(cls, year: int, month: int) -> "Period":
        _check(year, month, f"{year}-{month}")
        return super().__new__(cls, f"{year:04d}-{month:02d}")

    @property
    def year(self) -> int:
        return int(self[:4])

    @property
    def month(self) -> int:
        return int(self[5:7])

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def index(self) -> int:
        """Months since year 0: differences of indexes count months between periods."""
        return self.year * 12 + self.month - 1


def _check(year: int, month: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Rejected(f"期间“{text}”无效：年份应在 {MIN_YEAR}–{MAX_YEAR} 之间", field="period")
    if not 1 <= month <= 12:
        raise Rejected(f"期间“{text}”无效：月份应在 1–12 之间", field="period")


def _split(text: object) -> tuple[int, int]:
    if not isinstance(text, str):
        raise Rejected(f"期间“{text}”无效：应为“YYYY-MM”格式的文字（如 2025-03）", field="period")
    clean = text.strip()
    if len(clean) > 20:
        raise Rejected(f"期间“{clean[:20]}…”无效：应为“YYYY-MM”格式（如 2025-03）", field="period")
    for pattern in _PATTERNS:
        match = pattern.match(clean)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            _check(year, month, clean)
            return year, month
    raise Rejected(f"期间“{clean}”无效：应为“YYYY-MM”格式（如 2025-03）", field="period")


def parse_period(text: str) -> Period:
    """'2025-03' (also '2025-3', '2025/03', '2025年3月', '202503') → Period('2025-03'); anything else is
    refused with a Chinese message naming the text."""
    return Period(text)


def period_of(day: date) -> Period:
    """The period a day (or a datetime, by its own calendar date) falls in."""
    return Period.of(day.year, day.month)


def _from_index(index: int) -> Period:
    year, month0 = divmod(index, 12)
    return Period.of(year, month0 + 1)


def next_period(period: str, months: int = 1) -> Period:
    return _from_index(Period(period).index + months)


def previous_period(period: str, months: int = 1) -> Period:
    return _from_index(Period(period).index - months)


def months_between(start: str, end: str) -> int:
    """How many months `end` lies after `start` (negative if before): '2024-11' → '2025-02' is 3."""
    return Period(end).index - Period(start).index


def periods_of_year(year: int) -> list[Period]:
    return [Period.of(year, month) for month in range(1, 13)]


def periods_between(start: str, end: str) -> list[Period]:
    """Every period from `start` to `end`, both included, in order."""
    first, last = Period(start), Period(end)
    if first > last:
        raise Rejected(f"期间范围无效：起始“{first}”晚于结束“{last}”", field="period")
    if last.index - first.index >= MAX_SPAN:
        raise Rejected(f"期间范围过长：“{first}”至“{last}”超过 {MAX_SPAN} 个月", field="period")
    return [_from_index(index) for index in range(first.index, last.index + 1)]


def year_to_date(period: str) -> list[Period]:
    """January of the period's year up to the period: the months a cumulative (1–N月) figure covers."""
    last = Period(period)
    return periods_between(Period.of(last.year, 1), last)


def quarter_of(period: str) -> int:
    return Period(period).quarter


def quarter_end(year: int, quarter: int) -> date:
    if not 1 <= quarter <= 4:
        raise Rejected(f"季度“{quarter}”无效：应为 1–4", field="quarter")
    return Period.of(year, quarter * 3).last_day


def quarter_periods(year: int, quarter: int) -> list[Period]:
    end = Period(quarter_end(year, quarter).strftime("%Y-%m"))
    return periods_between(previous_period(end, 2), end)


def elapsed_share(period: str) -> float:
    """序时进度 at the end of the period: month / 12 (March → 0.25, December → 1.0)."""
    return Period(period).month / 12


def elapsed_share_on(day: date) -> float:
    """序时进度 at the end of a given day: days elapsed (that day included) / days in its year
    (366 in a leap year), so 12-31 → 1.0 and 01-01 → 1/365."""
    days = 366 if calendar.isleap(day.year) else 365
    return day.timetuple().tm_yday / days


def period_label(period: str, cumulative: bool = False) -> str:
    """'2025年3月'; cumulative (year to date) '2025年1-3月' as statistics bureaus write it (January stays
    '2025年1月')."""
    value = Period(period)
    if cumulative and value.month > 1:
        return f"{value.year}年1-{value.month}月"
    return f"{value.year}年{value.month}月"


def period_choices(chosen: object, today: date, *, back: int = 36, ahead: int = 0) -> list[tuple[str, str]]:
    """The months a period picker offers, newest first, as ('2026-11', '2026年11月'): `ahead` months after
    today's and `back` before it; a chosen period outside that range is offered too (in its place), an
    unreadable or empty one is ignored."""
    current = period_of(today)
    values = [next_period(current, ahead - n) for n in range(ahead + back + 1)]
    try:
        picked = parse_period(str(chosen)) if chosen else None
    except Rejected:
        picked = None
    if picked is not None and picked not in values:
        values = sorted([*values, picked], reverse=True)
    return [(str(value), period_label(value)) for value in values]


def quarter_label(year: int, quarter: int) -> str:
    if not 1 <= quarter <= 4:
        raise Rejected(f"季度“{quarter}”无效：应为 1–4", field="quarter")
    return f"{year}年第{'一二三四'[quarter - 1]}季度"


def _as_period_value(value: object) -> Period:
    """Pydantic hook: a refused period becomes a ValueError carrying the Chinese message."""
    try:
        return parse_period(value)  # type: ignore[arg-type]
    except Rejected as error:
        raise ValueError(error.message) from error


# A request or rules field holding a period: `period: PeriodField` accepts '2025-3' and stores '2025-03'.
_as_period_value.cleaner = True  # type: ignore[attr-defined]  # parsed, so cleaned (tests/test_fields.py)
PeriodField = Annotated[str, BeforeValidator(_as_period_value), MaxLen(7),
                        WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$", "examples": ["2025-03"]})]
