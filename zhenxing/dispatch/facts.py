"""From records to light facts: year-to-date sums, reporting windows, unreported runs, overdue problems. Pure.

A monthly report for period P is due on `due_day` of the month after P (the 5th, as most cities set it);
once that day has passed without a report it is 逾期未报. A project owes a report for P when it is active
and has an annual plan for P's year (it is on that year's dispatch list).
"""

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from zhenxing.dispatch.lights import LightFacts

REPORT_STATES = {"on_time": "按时报送", "late": "逾期补报", "pending": "待报", "overdue": "逾期未报",
                 "not_due": "无需报送"}
STREAK_LIMIT = 36  # months looked back for a run of missing reports


def period_end(index: int) -> date:
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, calendar.monthrange(year, month0 + 1)[1])


def index_of(day: date) -> int:
    return day.year * 12 + day.month - 1


def report_due(index: int, due_day: int) -> date:
    """The day the report of a period is due: `due_day` of the next month (the month's last day if shorter)."""
    year, month0 = divmod(index + 1, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(due_day, last))


def report_state(index: int, *, filed_on: date | None, today: date, due_day: int, owed: bool = True) -> str:
    """on_time / late (filed after the due day) / pending (not yet due) / overdue (due day passed) / not_due."""
    due = report_due(index, due_day)
    if filed_on is not None:
        return "on_time" if filed_on <= due else "late"
    if not owed:
        return "not_due"
    return "overdue" if today > due else "pending"


def year_to_date(amounts: Mapping[int, int], index: int) -> int:
    """Σ of the monthly amounts from January of the period's year up to the period."""
    january = index - index % 12
    return sum(amounts.get(i, 0) for i in range(january, index + 1))


@dataclass(frozen=True)
class ProjectRecord:
    """What the facts of one project are built from."""

    status: str
    plan_start: date | None
    started_on: date | None
    plans: Mapping[int, int]  # year → 年度计划投资 (万元); a year present means reports are owed that year
    amounts: Mapping[int, int]  # period index → 本月完成投资 (万元)
    reported: frozenset[int]  # period indexes with a report
    registered_index: int | None  # first period reported as 入库
    problems: tuple[tuple[str, date, date | None], ...] = ()  # (short name, deadline, resolved on)


def unreported_run(record: ProjectRecord, index: int, closed_before: int) -> int:
    """Consecutive owed, missing reports ending at `index`; periods from `closed_before` on are still within
    their reporting window and are skipped (not missing yet)."""
    run = 0
    for i in range(min(index, closed_before - 1), index - STREAK_LIMIT, -1):
        if i // 12 not in record.plans or i in record.reported:
            break
        run += 1
    return run


def overdue_problems(problems: Iterable[tuple[str, date, date | None]], end: date) -> tuple[tuple[str, int], ...]:
    """Problems still open at `end` and past their deadline, with days overdue, worst first."""
    late = [(name, (end - due).days) for name, due, resolved in problems
            if due < end and (resolved is None or resolved > end)]
    return tuple(sorted(late, key=lambda pair: -pair[1]))


def first_open_period(as_of: date, due_day: int) -> int:
    """The earliest period whose report is not yet overdue on `as_of` (its due day has not passed)."""
    index = index_of(as_of) - 1  # last month's report is due this month
    return index if as_of <= report_due(index, due_day) else index + 1


def build_facts(record: ProjectRecord, indexes: Iterable[int], *, as_of: date, due_day: int) -> list[LightFacts]:
    """The light facts of one project for each requested period (any order, any years)."""
    closed_before = first_open_period(as_of, due_day)
    facts = []
    for index in indexes:
        end = period_end(index)
        facts.append(LightFacts(
            status=record.status, period_index=index, period_end=end, plan_start=record.plan_start,
            started_on=record.started_on, annual_plan=record.plans.get(index // 12, 0),
            ytd_completed=year_to_date(record.amounts, index), registered_index=record.registered_index,
            unreported_months=unreported_run(record, index, closed_before),
            overdue_problems=overdue_problems(record.problems, end),
        ))
    return facts
