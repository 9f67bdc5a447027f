"""When the monthly progress report of a task falls due (pure).

The office sets a reporting day (Panjin: progress to the 督考办 by the 28th; 鄂温克: by the 25th). The
report for period 'YYYY-MM' is due on that day of that month — the month's last day when it is shorter —
moved to the next working day when the day is a holiday or a weekend.
"""

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

Workday = Callable[[date], bool]


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_period(period: str, months: int) -> str:
    year, month = (int(part) for part in period.split("-"))
    index = year * 12 + month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@lru_cache(maxsize=8192)
def due_date(period: str, day: int, is_workday: Workday) -> date:
    """The deadline of a period's report: `day` of its month (clipped), on or after a working day."""
    year, month = (int(part) for part in period.split("-"))
    due = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    for _ in range(40):  # 春节 with its weekends is the longest run of rest days (< 2 weeks)
        if is_workday(due):
            return due
        due += timedelta(days=1)
    return due


def last_due(today: date, day: int, is_workday: Workday, *, since: date | None = None) -> tuple[str, date] | None:
    """The latest period whose report deadline is before today, as (period, deadline); None when no
    report has fallen due since `since` (the task's start: its first period is the one it began in,
    unless it began after that period's deadline)."""
    period = period_of(today)
    for _ in range(2):
        due = due_date(period, day, is_workday)
        if due < today:
            break
        period = shift_period(period, -1)
    else:
        return None
    if since is not None:
        first = period_of(since)
        if due_date(first, day, is_workday) < since:
            first = shift_period(first, 1)
        if period < first:
            return None
    return period, due


def expected_periods(start: date, end: date, day: int, is_workday: Workday) -> list[tuple[str, date]]:
    """Every (period, deadline) that fell due between start and end (for reporting timeliness)."""
    found = []
    period = period_of(start)
    while True:
        due = due_date(period, day, is_workday)
        if due > end:
            return found
        if due >= start:
            found.append((period, due))
        period = shift_period(period, 1)
