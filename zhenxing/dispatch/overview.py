"""The figures of a period for the leader's screen and the meeting pack: headline, lights by county,
the league's top and bottom, overdue problems, new starts, open 督办 items. Scoped like the ledger."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from zhenxing import cache
from zhenxing.auth.policy import Scope
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.headline import Headline
from zhenxing.dispatch.measures import region_subjects
from zhenxing.dispatch.models import LightEscalation, Problem, ProgressReport, ProjectLight
from zhenxing.dispatch.problem_rules import OPEN
from zhenxing.league import service as league
from zhenxing.periods import Period
from zhenxing.projects import service as projects
from zhenxing.projects.models import AnnualPlan, Project


@dataclass
class Overview:
    period: Period
    headline: Headline
    owing: int
    reported: int
    lights: dict[str, int] = field(default_factory=dict)
    lights_by_region: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    new_starts: list[Project] = field(default_factory=list)
    overdue_problems: list[Problem] = field(default_factory=list)
    overdue_count: int = 0
    escalations: list[LightEscalation] = field(default_factory=list)
    league: list[dict] = field(default_factory=list)


def _in_scope(session: Session, scope: Scope):
    return projects.select_projects(session, scope=scope, filters=projects.ProjectFilters()).with_only_columns(
        Project.id)


def _scoped(column, session: Session, scope: Scope):
    """`column IN (the scope's projects)`; nothing to check for a scope that sees everything (a province's
    office: the semi-join over every project would cost more than the query it guards)."""
    return true() if scope.everything else column.in_(_in_scope(session, scope))


# The screen's aggregates over every project of the scope, kept per (stamps of the ledger, the organisation and
# dispatch's reports, plans and lights; scope; period): every worker reuses them until one of those tables is
# written, whoever writes (zhenxing.cache). The lists (overdue problems, 督办 items) stay live: they are cheap.
_aggregates = cache.StampedCache(size=512)


def _cached(session: Session, name: str, scope: Scope, period: Period, compute):
    return _aggregates.get((name, tuple(cache.stamps(session).values()), scope, str(period)), compute)


def headline(session: Session, scope: Scope, period: Period) -> tuple[Headline, int, int]:
    """The headline, how many projects owe the period's report and how many filed it."""
    return _cached(session, "headline", scope, period, lambda: _headline(session, scope, period))


def _headline(session: Session, scope: Scope, period: Period) -> tuple[Headline, int, int]:
    """Aggregates only: no list of ids travels between the database and the app."""
    planned = select(AnnualPlan.project_id).join(Project).where(
        AnnualPlan.year == period.year, _scoped(AnnualPlan.project_id, session, scope), Project.status != "cancelled")
    owing, planned_total = session.execute(planned.with_only_columns(
        func.count(), func.coalesce(func.sum(AnnualPlan.planned_investment), 0))).one()
    completed = session.scalar(select(func.coalesce(func.sum(ProgressReport.completed_investment), 0)).where(
        _scoped(ProgressReport.project_id, session, scope), ProgressReport.period >= f"{period.year:04d}-01",
        ProgressReport.period <= period)) or 0
    january, end = date(period.year, 1, 1), period.last_day
    in_scope = _scoped(Project.id, session, scope)
    planned_starts = session.scalar(select(func.count(Project.id)).where(
        in_scope, Project.plan_started_on >= january, Project.plan_started_on <= date(period.year, 12, 31),
        Project.status != "cancelled")) or 0
    started = session.scalar(select(func.count(Project.id)).where(
        in_scope, Project.started_on >= january, Project.started_on <= end)) or 0
    reported = session.scalar(select(func.count(ProgressReport.id)).where(
        ProgressReport.period == period, ProgressReport.project_id.in_(planned))) if owing else 0
    return (Headline(int(completed), int(planned_total), period.month, planned_starts, started), owing,
            reported or 0)


def lights_by_region(session: Session, scope: Scope, period: Period) -> list[tuple[str, dict[str, int]]]:
    """Each county's lights of the period (counties without lights left out)."""
    return _cached(session, "lights_by_region", scope, period, lambda: _lights_by_region(session, scope, period))


def _lights_by_region(session: Session, scope: Scope, period: Period) -> list[tuple[str, dict[str, int]]]:
    subjects = league.subjects(session, "region")
    mapping = region_subjects(session, [sid for sid, _ in subjects])
    counts = [{"green": 0, "yellow": 0, "red": 0, "grey": 0} for _ in subjects]
    rows = session.execute(select(Project.region_id, ProjectLight.light, func.count()).join(Project).where(
        ProjectLight.period == period, _scoped(ProjectLight.project_id, session, scope))
        .group_by(Project.region_id, ProjectLight.light)).all()
    for region_id, light, count in rows:
        if region_id in mapping:
            counts[mapping[region_id]][light] += count
    return [(name, counts[i]) for i, (_, name) in enumerate(subjects) if sum(counts[i].values())]


def overview(*, session: Session, scope: Scope, period: Period, with_league: bool = True) -> Overview:
    head, owing, reported = headline(session, scope, period)
    result = Overview(period=period, headline=head, owing=owing, reported=reported)
    by_region = lights_by_region(session, scope, period)
    result.lights_by_region = by_region
    result.lights = {color: sum(c[color] for _, c in by_region) for color in ("red", "yellow", "green", "grey")}
    result.new_starts = list(session.scalars(select(Project).where(
        _scoped(Project.id, session, scope), Project.started_on >= period.first_day,
        Project.started_on <= period.last_day)
        .order_by(Project.started_on)).unique())
    today = local_date()
    late = select(Problem).where(_scoped(Problem.project_id, session, scope), Problem.status.in_(OPEN),
                                 Problem.due_on < today)
    result.overdue_count = session.scalar(select(func.count()).select_from(late.subquery())) or 0
    result.overdue_problems = list(session.scalars(late.order_by(Problem.due_on).limit(10)).unique())
    result.escalations = list(session.scalars(select(LightEscalation).where(
        _scoped(LightEscalation.project_id, session, scope), LightEscalation.status == "open")
        .order_by(LightEscalation.period.desc(), LightEscalation.id.desc()).limit(10)).unique())  # the index, backwards
    if with_league:
        result.league = league.get_league(session=session, kind="region", period=period).results
    return result
