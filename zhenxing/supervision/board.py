"""Every task's derived state at a moment, read in bulk: one query for the lead units' reported periods,
one for the latest 销号 request of each task (milestones come with the tasks)."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from zhenxing.supervision import reporting
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.supervision.states import MilestoneFacts, TaskFacts, TaskState, derive
from zhenxing.tasks.models import Closure, Task, TaskReport
from zhenxing.workdays import BEIJING

CHUNK = 900  # ids per IN (…): under SQLite's bound on parameters


def in_force(year: int) -> ColumnElement[bool]:
    """The tasks supervised in a year: that year's, and earlier years' not closed before it began (跨年任务
    carry over until 销号)."""
    start = datetime(year, 1, 1, tzinfo=BEIJING).astimezone(UTC)
    carried = and_(Task.year < year, or_(Task.closed_at.is_(None), Task.closed_at >= start))
    return or_(Task.year == year, carried)


def latest_year(session: Session) -> int:
    """The latest year with tasks (the decomposition in force), or this year."""
    return session.scalar(select(func.max(Task.year))) or _settings_today().year


@dataclass(frozen=True)
class Row:
    task: Task
    state: TaskState
    percent: int | None  # the lead unit's latest reported percentage
    last_period: str | None  # the latest period the lead unit reported


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _reported(session: Session, tasks: list[Task]) -> dict[int, dict[str, int | None]]:
    """task id → {period: percent} of the lead unit's reports."""
    leads = {t.id: t.lead_unit_id for t in tasks}
    found: dict[int, dict[str, int | None]] = defaultdict(dict)
    for ids in _chunks(list(leads)):
        rows = session.execute(select(TaskReport.task_id, TaskReport.unit_id, TaskReport.period, TaskReport.percent)
                               .where(TaskReport.task_id.in_(ids)))
        for task_id, unit_id, period, percent in rows:
            if unit_id == leads[task_id]:
                found[task_id][period] = percent
    return found


def _closures(session: Session, tasks: list[Task]) -> dict[int, str]:
    """task id → the status of its latest 销号 request."""
    found: dict[int, str] = {}
    for ids in _chunks([t.id for t in tasks]):
        latest = (select(Closure.task_id, func.max(Closure.id).label("id")).where(Closure.task_id.in_(ids))
                  .group_by(Closure.task_id).subquery())
        rows = session.execute(select(Closure.task_id, Closure.status).join(latest, Closure.id == latest.c.id))
        found.update(dict(rows.all()))
    return found


def facts_of(task: Task, reported: dict[str, int | None], closure: str | None, today: date, report_day: int,
             is_workday: Callable[[date], bool]) -> TaskFacts:
    created = task.created_at
    since = (created if created.tzinfo else created.replace(tzinfo=UTC)).astimezone(BEIJING).date() \
        if created else None
    due = reporting.last_due(today, report_day, is_workday, since=since) if task.closed_at is None else None
    return TaskFacts(
        due_on=task.due_on, long_term=task.long_term,
        milestones=tuple(MilestoneFacts(m.due_on, m.content, m.done_on) for m in task.milestones),
        started=task.started_on is not None, closure="confirmed" if task.closed_at else closure,
        report_due=due[0] if due else None, report_due_on=due[1] if due else None,
        reported=frozenset(reported))


def facts_map(session: Session, tasks: list[Task], *, today: date, report_day: int,
              is_workday: Callable[[date], bool]) -> tuple[dict[int, TaskFacts], dict[int, dict[str, int | None]]]:
    """Every task's facts (and its lead unit's reported periods → percent), in three queries."""
    reported = _reported(session, tasks)
    closures = _closures(session, tasks)
    facts = {task.id: facts_of(task, reported.get(task.id, {}), closures.get(task.id), today, report_day,
                               is_workday) for task in tasks}
    return facts, reported


def board(session: Session, tasks: list[Task], *, today: date, report_day: int,
          is_workday: Callable[[date], bool]) -> dict[int, Row]:
    facts, reported = facts_map(session, tasks, today=today, report_day=report_day, is_workday=is_workday)
    rows = {}
    for task in tasks:
        periods = reported.get(task.id, {})
        last = max(periods) if periods else None
        rows[task.id] = Row(task, derive(facts[task.id], today), periods[last] if last else None, last)
    return rows
