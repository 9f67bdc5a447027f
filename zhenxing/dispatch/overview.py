"""The figures of a period for the leader's screen and the meeting pack: headline, lights by county,
the league's top and bottom, overdue problems, new starts, open 督办 items. Scoped like the ledger."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from zhenxing import cache
from zhenxing.auth.policy import Scope
from zhenxing.dispatch import meetings, settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.headline import Headline
from zhenxing.dispatch.measures import region_subjects
from zhenxing.dispatch.models import LightEscalation, MeetingDecision, Problem, ProgressReport, ProjectLight
from zhenxing.dispatch.problem_rules import OPEN
from zhenxing.league import service as league
from zhenxing.org.models import Region
from zhenxing.periods import Period, previous_period
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
    new_start_count: int = 0
    investment_by_region: list[tuple[str, int, int]] = field(default_factory=list)  # name, plan, completed (万元)
    monthly: list[tuple[int, int]] = field(default_factory=list)  # month, completed that month (万元)
    stuck: list[tuple[int, str, str, int]] = field(default_factory=list)  # id, name, region, plan
    stuck_count: int = 0
    stuck_months: int = 3
    overdue_decisions: list = field(default_factory=list)
    overdue_decision_count: int = 0
    open_decision_count: int = 0


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


def investment_by_region(session: Session, scope: Scope, period: Period) -> list[tuple[str, int, int]]:
    """Each county's annual plan and completed investment January to the period (万元), two grouped queries."""
    return _cached(session, "investment_by_region", scope, period, lambda: _investment(session, scope, period))


def _investment(session: Session, scope: Scope, period: Period) -> list[tuple[str, int, int]]:
    subjects = league.subjects(session, "region")
    mapping = region_subjects(session, [sid for sid, _ in subjects])
    plans, done = [0] * len(subjects), [0] * len(subjects)
    for region_id, amount in session.execute(
            select(Project.region_id, func.sum(AnnualPlan.planned_investment)).join(Project)
            .where(AnnualPlan.year == period.year, Project.status != "cancelled",
                   _scoped(AnnualPlan.project_id, session, scope)).group_by(Project.region_id)).all():
        if region_id in mapping:
            plans[mapping[region_id]] += int(amount or 0)
    for region_id, amount in session.execute(
            select(Project.region_id, func.sum(ProgressReport.completed_investment)).join(Project)
            .where(ProgressReport.period >= f"{period.year:04d}-01", ProgressReport.period <= period,
                   _scoped(ProgressReport.project_id, session, scope)).group_by(Project.region_id)).all():
        if region_id in mapping:
            done[mapping[region_id]] += int(amount or 0)
    return [(name, plans[i], done[i]) for i, (_, name) in enumerate(subjects) if plans[i] or done[i]]


def monthly_completion(session: Session, scope: Scope, period: Period) -> list[tuple[int, int]]:
    """Investment completed in each month of the year up to the period (万元): one grouped query."""
    def compute() -> list[tuple[int, int]]:
        rows = dict(session.execute(select(ProgressReport.period, func.sum(ProgressReport.completed_investment))
                                    .where(ProgressReport.period >= f"{period.year:04d}-01",
                                           ProgressReport.period <= period,
                                           _scoped(ProgressReport.project_id, session, scope))
                                    .group_by(ProgressReport.period)).all())
        return [(month, int(rows.get(f"{period.year:04d}-{month:02d}") or 0)) for month in range(1, period.month + 1)]
    return _cached(session, "monthly_completion", scope, period, compute)


def stuck_projects(session: Session, scope: Scope, period: Period, months: int) -> tuple[int, list]:
    """Started, unfinished, active projects with a plan this year and no investment reported in the last
    `months` periods: how many, and the ten largest (one query with NOT EXISTS, one count)."""
    def compute() -> tuple[int, list]:
        first = str(previous_period(period, months - 1))
        moving = select(ProgressReport.id).where(ProgressReport.project_id == Project.id,
                                                 ProgressReport.period >= first, ProgressReport.period <= period,
                                                 ProgressReport.completed_investment > 0).exists()
        base = select(Project.id).join(AnnualPlan, AnnualPlan.project_id == Project.id).where(
            AnnualPlan.year == period.year, AnnualPlan.planned_investment > 0, Project.status == "active",
            Project.started_on <= period.last_day, Project.completed_on.is_(None), ~moving,
            _scoped(Project.id, session, scope))
        count = session.scalar(select(func.count()).select_from(base.subquery())) or 0
        rows = session.execute(base.with_only_columns(Project.id, Project.name, Region.name,
                                                      AnnualPlan.planned_investment)
                               .join(Region, Region.id == Project.region_id)
                               .order_by(AnnualPlan.planned_investment.desc(), Project.id).limit(10)).all()
        return count, [tuple(row) for row in rows]
    return _cached(session, f"stuck_{months}", scope, period, compute)


def overview(*, session: Session, scope: Scope, period: Period, with_league: bool = True) -> Overview:
    head, owing, reported = headline(session, scope, period)
    result = Overview(period=period, headline=head, owing=owing, reported=reported)
    by_region = lights_by_region(session, scope, period)
    result.lights_by_region = by_region
    result.lights = {color: sum(c[color] for _, c in by_region) for color in ("red", "yellow", "green", "grey")}
    started = (_scoped(Project.id, session, scope), Project.started_on >= period.first_day,
               Project.started_on <= period.last_day)
    result.new_start_count = session.scalar(select(func.count(Project.id)).where(*started)) or 0
    result.new_starts = list(session.scalars(select(Project).where(*started)
                                             .order_by(Project.started_on, Project.id).limit(20)).unique())
    result.investment_by_region = investment_by_region(session, scope, period)
    result.monthly = monthly_completion(session, scope, period)
    result.stuck_months = settings.stuck_months(session)
    result.stuck_count, result.stuck = stuck_projects(session, scope, period, result.stuck_months)
    today = local_date()
    late = select(Problem).where(_scoped(Problem.project_id, session, scope), Problem.status.in_(OPEN),
                                 Problem.due_on < today)
    result.overdue_count = session.scalar(select(func.count()).select_from(late.subquery())) or 0
    # the ten first by narrow rows, then those ten with their projects (joining every project before the sort
    # and cut cost a province's dashboard most of its database time)
    first = list(session.scalars(late.with_only_columns(Problem.id).order_by(Problem.due_on, Problem.id).limit(10)))
    loaded = {p.id: p for p in session.scalars(select(Problem).where(Problem.id.in_(first))).unique()}
    result.overdue_problems = [loaded[i] for i in first]
    result.escalations = list(session.scalars(select(LightEscalation).where(
        _scoped(LightEscalation.project_id, session, scope), LightEscalation.status == "open")
        .order_by(LightEscalation.period.desc(), LightEscalation.id.desc()).limit(10)).unique())  # the index, backwards
    decisions = meetings.decisions_query(scope)
    result.open_decision_count = session.scalar(select(func.count()).select_from(decisions.subquery())) or 0
    late_decisions = decisions.where(MeetingDecision.status == "open", MeetingDecision.due_on < today)
    result.overdue_decision_count = session.scalar(select(func.count()).select_from(late_decisions.subquery())) or 0
    result.overdue_decisions = list(session.scalars(late_decisions.order_by(MeetingDecision.due_on).limit(8))
                                    .unique())
    if with_league:
        result.league = league.get_league(session=session, kind="region", period=period).results
    return result
