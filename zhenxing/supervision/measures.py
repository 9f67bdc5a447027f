"""The 量督考纪 figures of units for a period, read as the records stood at the period's end, and registered
as league measures for units — so the office's supervision score and the dispatch league of units score the
same figures with one engine (zhenxing.league).

Reads in bulk: the year's tasks, their lead units' reports, 销号 requests, escalations of the period and the
year's targets with their readings — a handful of queries per period, cached for the session.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, lazyload

from zhenxing.league.registry import register_measure
from zhenxing.periods import parse_period
from zhenxing.supervision import reporting, settings
from zhenxing.supervision.board import in_force
from zhenxing.supervision.models import Escalation
from zhenxing.supervision.scoring import MEASURES, TargetAsOf, TaskAsOf, unit_figures
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.supervision.states import MilestoneFacts, TaskFacts, derive
from zhenxing.targets import trajectory
from zhenxing.targets.models import Target
from zhenxing.targets.tracking import track
from zhenxing.tasks.models import Closure, Milestone, Task, TaskReport
from zhenxing.workdays import BEIJING

_CACHE = "zhenxing.supervision.figures"


def period_end(period: str, today: date | None = None) -> date:
    """The last day of the period, or today while the period is still running."""
    p = parse_period(period)
    end = date(p.year, p.month, calendar.monthrange(p.year, p.month)[1])
    today = today or _settings_today()
    return min(end, today)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.max).replace(tzinfo=BEIJING).astimezone(UTC)


def _aware(moment: datetime) -> datetime:
    """Stored moments are UTC; SQLite hands them back naive."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


EIGHT_HOURS = timedelta(hours=8)  # Beijing has kept UTC+8 all year since 1991: no DST to look up


def _local_day(moment: datetime) -> date:
    utc = moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)
    return (utc + EIGHT_HOURS).date()


def _reports(session: Session, tasks: list, until: datetime, period: str) -> dict[int, dict[str, date]]:
    """task id → {period: the day its lead unit first filed it}, for reports of periods up to `period` filed
    by `until`."""
    leads = {t.id: t.lead_unit_id for t in tasks}
    found: dict[int, dict[str, date]] = defaultdict(dict)
    for start in range(0, len(tasks), 900):
        ids = [t.id for t in tasks[start:start + 900]]
        rows = session.execute(select(TaskReport.task_id, TaskReport.unit_id, TaskReport.period,
                                      TaskReport.reported_at).where(TaskReport.task_id.in_(ids),
                                                                    TaskReport.period <= period))
        for task_id, unit_id, period, reported_at in rows:
            if unit_id == leads[task_id] and _aware(reported_at) <= until:
                found[task_id][period] = _local_day(reported_at)
    return found


def _closure_states(session: Session, tasks: list, until: datetime) -> dict[int, str]:
    """task id → the status of its latest 销号 request as it stood at `until`."""
    found: dict[int, tuple[int, str]] = {}
    for start in range(0, len(tasks), 900):
        ids = [t.id for t in tasks[start:start + 900]]
        rows = session.execute(select(Closure.task_id, Closure.id, Closure.status, Closure.requested_at,
                                      Closure.decided_at).where(Closure.task_id.in_(ids)))
        for task_id, closure_id, status, requested_at, decided_at in rows:
            if _aware(requested_at) > until:
                continue
            if task_id in found and found[task_id][0] > closure_id:
                continue
            decided = decided_at is not None and _aware(decided_at) <= until
            found[task_id] = (closure_id, status if decided else "pending")
    return {task_id: status for task_id, (_id, status) in found.items()}


def _escalations(session: Session, period: str) -> dict[int, int]:
    rows = session.execute(select(Escalation.task_id, func.count()).where(
        Escalation.period == period, Escalation.action.in_(("notice", "bulletin"))).group_by(Escalation.task_id))
    return dict(rows.all())


@dataclass(frozen=True)
class _TaskRow:
    """The columns of a task the figures need (read without the ORM's joined relations: 5,000 tasks)."""

    id: int
    lead_unit_id: int
    due_on: date | None
    long_term: bool
    started_on: date | None
    closed_at: datetime | None
    created_at: datetime


def _milestones(session: Session, ids: list[int]) -> dict[int, list[tuple[date, str, date | None]]]:
    found: dict[int, list] = defaultdict(list)
    for start in range(0, len(ids), 900):
        rows = session.execute(select(Milestone.task_id, Milestone.due_on, Milestone.content, Milestone.done_on)
                               .where(Milestone.task_id.in_(ids[start:start + 900])))
        for task_id, due_on, content, done_on in rows:
            found[task_id].append((due_on, content, done_on))
    return found


def _task_figures(session: Session, period: str, end: date) -> list[TaskAsOf]:
    until = _moment(end)
    year = int(period[:4])
    rules = settings.current(session, year)
    is_workday = settings.workday(session)
    columns = (Task.id, Task.lead_unit_id, Task.due_on, Task.long_term, Task.started_on, Task.closed_at,
               Task.created_at)
    tasks = [_TaskRow(*row) for row in session.execute(select(*columns).where(
        in_force(year), Task.lead_unit_id.is_not(None)).order_by(Task.id)) if _aware(row[6]) <= until]
    reports = _reports(session, tasks, until, period)
    closures = _closure_states(session, tasks, until)
    milestones = _milestones(session, [t.id for t in tasks])
    escalated = _escalations(session, period)
    found = []
    for task in tasks:
        start = _local_day(task.created_at)
        filed = reports.get(task.id, {})
        closed = task.closed_at is not None and _aware(task.closed_at) <= until
        due = reporting.last_due(end, rules.report_day, is_workday, since=start) if not closed else None
        facts = TaskFacts(due_on=task.due_on, long_term=task.long_term,
                          milestones=tuple(MilestoneFacts(due_on, content, done if done and done <= end else None)
                                           for due_on, content, done in milestones.get(task.id, ())),
                          started=bool(filed) or (task.started_on is not None and task.started_on <= end),
                          closure="confirmed" if closed else closures.get(task.id),
                          report_due=due[0] if due else None, report_due_on=due[1] if due else None,
                          reported=frozenset(filed))
        expected = reporting.expected_periods(start, end, rules.report_day, is_workday)
        on_time = sum(1 for p, deadline in expected if p in filed and filed[p] <= deadline)
        found.append(TaskAsOf(task.lead_unit_id, derive(facts, end).state,
                              due_by_end=task.due_on is not None and not task.long_term and task.due_on <= end,
                              closed_by_end=closed, reports_due=len(expected), reports_on_time=on_time,
                              escalations=escalated.get(task.id, 0)))
    return found


def _target_figures(session: Session, period: str) -> list[TargetAsOf]:
    year, month = int(period[:4]), int(period[5:])
    rules = settings.current(session, year).targets
    cache = session.info.setdefault(_CACHE + ".targets", {})
    if year not in cache:  # the year's series serve every period of it (a table scores two)
        targets = list(session.scalars(select(Target).options(lazyload("*"))
                                       .where(Target.year == year, Target.lead_unit_id.is_not(None))))
        cache[year] = (targets, track(session, targets, rules))
    targets, tracked = cache[year]
    found = []
    for target in targets:
        series = tracked[target.id].series
        months = [m for m in series if m <= month]
        state = trajectory.judge(tracked[target.id].goal, months[-1], series[months[-1]], rules).state \
            if months else None
        found.append(TargetAsOf(target.lead_unit_id, state))
    return found


def figures(session: Session, period: str, today: date | None = None) -> dict[int, dict[str, float | None]]:
    """unit id → the five figures for the period (cached for the session)."""
    cache = session.info.setdefault(_CACHE, {})
    if period not in cache:
        end = period_end(period, today)
        cache[period] = unit_figures(_task_figures(session, period, end), _target_figures(session, period))
    return cache[period]


def _measure(key: str):
    def values(session, period: str, subject_ids: list[int]) -> dict[int, float | None]:
        found = figures(session, period)
        return {subject: found.get(subject, {}).get(key) for subject in subject_ids}
    return values


for _key, _label in MEASURES.items():
    register_measure(_key, _label, "unit", _measure(_key), unit="" if _key == "task_escalations" else "%",
                     description="督查督办（量督考纪）")
