"""Load a year's projects, plans, reports and problems into a frame (a few bulk queries, no ORM objects)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import numpy as np
from sqlalchemy import Integer, cast, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from zhenxing.dispatch.frame import NEVER, STATUS_CODES, Frame, empty_frame
from zhenxing.dispatch.models import Problem, ProgressReport
from zhenxing.dispatch.problem_rules import short_name
from zhenxing.periods import Period
from zhenxing.projects.models import AnnualPlan, Project

_SLOT = cast(func.substr(ProgressReport.period, 1, 4), Integer) * 12 + cast(
    func.substr(ProgressReport.period, 6, 2), Integer) - 1  # the period index, computed by the database


class beijing_day_ordinal(FunctionElement):  # noqa: N801 - reads like the SQL function it stands for
    """The proleptic ordinal (date.toordinal) of a stored UTC moment's Beijing calendar day, computed by the
    database: fetching a few hundred thousand datetimes and converting each in Python dominated the lights."""

    type = Integer()
    inherit_cache = True


@compiles(beijing_day_ordinal, "postgresql")
def _ordinal_postgresql(element, compiler, **kw) -> str:
    moment = compiler.process(element.clauses, **kw)
    return f"(CAST(timezone('Asia/Shanghai', {moment}) AS DATE) - DATE '0001-01-01' + 1)"


@compiles(beijing_day_ordinal, "sqlite")
def _ordinal_sqlite(element, compiler, **kw) -> str:
    moment = compiler.process(element.clauses, **kw)  # stored as UTC text without an offset (see clock.local_date)
    return f"CAST(julianday(date({moment}, '+8 hours')) - 1721424.5 AS INTEGER)"


def _plain_rows(session: Session, query) -> list[tuple]:
    """The rows as the database driver returns them (tuples), in the session's transaction: for the few
    hundred thousand reports of a province, building SQLAlchemy rows cost five times the fetch itself.
    Only for queries whose columns need no type processing (integers here)."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.construct_params()
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day is not None else NEVER


def _projects(session: Session) -> list:
    columns = (Project.id, Project.region_id, Project.lead_unit_id, Project.status, Project.plan_started_on,
               Project.started_on, Project.signed_on, Project.completed_on, Project.total_investment)
    return session.execute(select(*columns).order_by(Project.id)).all()


def _fill_projects(frame: Frame, rows: list) -> None:
    for row, (pid, region, unit, status, plan_start, started, signed, completed, total) in enumerate(rows):
        frame.ids[row], frame.region[row], frame.unit[row] = pid, region, unit if unit is not None else -1
        frame.status[row] = STATUS_CODES.get(status, 0)
        frame.plan_start[row], frame.started[row] = _ordinal(plan_start), _ordinal(started)
        frame.signed[row], frame.completed[row], frame.total[row] = _ordinal(signed), _ordinal(completed), total


def _rows_of(frame: Frame, project_ids: list[int]) -> np.ndarray:
    return np.searchsorted(frame.ids, np.asarray(project_ids, dtype=np.int64))


def _fill_plans(session: Session, frame: Frame) -> None:
    plans = session.execute(select(AnnualPlan.project_id, AnnualPlan.year, AnnualPlan.planned_investment)
                            .where(AnnualPlan.year.in_((frame.year - 1, frame.year)))).all()
    if not plans:
        return
    ids, years, amounts = (np.asarray(column) for column in zip(*plans, strict=True))
    rows = _rows_of(frame, ids)
    this = years == frame.year
    frame.planned[rows[this]] = True
    frame.plan[rows[this]] = amounts[this]
    frame.planned_before[rows[~this]] = True


def _fill_reports(session: Session, frame: Frame, upto: Period) -> None:
    first = f"{frame.year - 1:04d}-01"
    query = select(ProgressReport.project_id, _SLOT, ProgressReport.completed_investment,
                   beijing_day_ordinal(ProgressReport.filed_at)
                   ).where(ProgressReport.period >= first, ProgressReport.period <= upto)
    reports = _plain_rows(session, query)
    if not reports:
        return
    ids, indexes, amounts, filed = np.asarray(reports, dtype=np.int64).T
    rows = _rows_of(frame, ids)
    slots = indexes - (frame.year - 1) * 12
    frame.filed[rows, slots] = filed
    this = slots >= 12
    frame.amounts[rows[this], slots[this] - 12] = amounts[this]


def _fill_registration(session: Session, frame: Frame, upto: Period) -> None:
    query = (select(ProgressReport.project_id, func.min(_SLOT)).where(ProgressReport.registered.is_(True),
                                                                       ProgressReport.period <= upto)
             .group_by(ProgressReport.project_id))
    found = session.execute(query).all()
    if found:
        ids, indexes = zip(*found, strict=True)
        frame.registered[_rows_of(frame, list(ids))] = indexes


def _problems(session: Session, year: int) -> list:
    since = date(year - 1, 1, 1)
    query = (select(Problem.project_id, Problem.description, Problem.due_on, Problem.resolved_on)
             .where(Problem.due_on.is_not(None), (Problem.resolved_on.is_(None)) | (Problem.resolved_on >= since))
             .order_by(Problem.id))
    return session.execute(query).all()


_SHARED = "zhenxing.dispatch.shared_frames"


@contextmanager
def shared_frames(session: Session) -> Iterator[None]:
    """Within the block, each period's frame is loaded once for the session: a month's lights and both leagues
    read the same records (frames are read-only once loaded). Writes inside the block to projects, plans,
    reports or problems are not seen by a frame already loaded — use it around computations only."""
    owner = _SHARED not in session.info
    if owner:
        session.info[_SHARED] = {}
    try:
        yield
    finally:
        if owner:
            session.info.pop(_SHARED, None)


def load_frame(session: Session, period: Period) -> tuple[Frame, dict[int, str]]:
    """Every project with its plans and reports of the period's year and the year before, up to the period;
    and the short names of the problems, by their position in the frame (for the lights' reasons)."""
    shared = session.info.get(_SHARED)
    if shared is None:
        return _load_frame(session, period)
    if str(period) not in shared:
        shared[str(period)] = _load_frame(session, period)
    return shared[str(period)]


def _load_frame(session: Session, period: Period) -> tuple[Frame, dict[int, str]]:
    projects = _projects(session)
    problems = _problems(session, period.year)
    frame = empty_frame(period.year, len(projects), len(problems))
    _fill_projects(frame, projects)
    _fill_plans(session, frame)
    _fill_reports(session, frame, period)
    _fill_registration(session, frame, period)
    names = {}
    if problems:
        ids, descriptions, dues, resolved = zip(*problems, strict=True)
        frame.problem_row[:] = _rows_of(frame, list(ids))
        frame.problem_due[:] = [day.toordinal() for day in dues]
        frame.problem_resolved[:] = [_ordinal(day) for day in resolved]
        names = {position: short_name(text) for position, text in enumerate(descriptions)}
    return frame, names
