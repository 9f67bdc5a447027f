"""The problem list (问题清单): raising problems, moving them to 销号, listing and their history.

A problem is seen by whoever sees its project, and by the unit responsible for it. Raised in a report, on a
tour, at a meeting, directly or (later) from a linked appeal: `source` and `source_ref` say which.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_edit, covers
from zhenxing.dispatch import settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.meeting_rules import PROBLEM_TO_DECISION
from zhenxing.dispatch.models import MeetingDecision, Problem, ProgressReport
from zhenxing.dispatch.problem_rules import (
    ACTIONS,
    OPEN,
    PROBLEM_SOURCES,
    PROBLEM_STATUSES,
    guess_category,
    overdue_days,
    plan_action,
)
from zhenxing.dispatch.schemas import ProblemCreate, ProblemUpdate
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.org.models import Person, Unit
from zhenxing.projects import service as projects
from zhenxing.projects.models import Project


def snapshot(problem: Problem) -> dict:
    return {
        "问题": problem.description, "类别": problem.category,
        "责任单位": problem.unit.name if problem.unit else None,
        "责任领导": problem.leader.name if problem.leader else None,
        "时限": problem.due_on, "状态": PROBLEM_STATUSES.get(problem.status, problem.status),
        "解决情况": problem.resolution,
    }


def _visible(problem: Problem, scope: Scope) -> bool:
    project = problem.project
    return covers(scope, region_id=project.region_id, lead_unit_id=project.lead_unit_id,
                  steward_id=project.steward_id) or (scope.unit_id is not None and problem.unit_id == scope.unit_id)


def scoped(query: Select, scope: Scope) -> Select:
    """Problems of projects in scope, and those the scope's unit is responsible for."""
    if scope.everything:
        return query
    in_scope = projects.scoped(select(Project.id), scope)
    condition = Problem.project_id.in_(in_scope)
    if scope.unit_id is not None:
        condition = or_(condition, Problem.unit_id == scope.unit_id)
    return query.where(condition)


def get_problem(*, session: Session, scope: Scope, problem_id: int) -> Problem:
    problem = session.get(Problem, problem_id)
    if problem is None:
        raise NotFound(f"问题 {problem_id} 不存在", field="id")
    if not _visible(problem, scope):
        raise Forbidden(f"无权查看问题 {problem_id}", field="id")
    return problem


def _check_people(session: Session, unit_id: int | None, leader_id: int | None) -> None:
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise Rejected(f"责任单位 {unit_id} 不存在", field="unit_id")
    if leader_id is not None and session.get(Person, leader_id) is None:
        raise Rejected(f"责任领导 {leader_id} 不存在", field="leader_id")


def add_problem(session: Session, *, actor: User | None, project: Project, description: str, category: str,
                source: str, source_ref: int | None, today: date, unit_id: int | None = None,
                leader_id: int | None = None, due_on: date | None = None, audited: bool = True) -> Problem:
    """Put a problem on a project's list (callers have checked scope). The responsible unit and leader
    default to the project's lead unit and 包保领导, the deadline to the office's usual number of days."""
    problem = Problem(
        project_id=project.id, description=description, category=category, source=source, source_ref=source_ref,
        raised_by_id=getattr(actor, "id", None), raised_on=today, unit_id=unit_id or project.lead_unit_id,
        leader_id=leader_id or project.sponsor_id,
        due_on=due_on or today + timedelta(days=settings.problem_days(session)), status="open",
    )
    session.add(problem)
    session.flush()
    session.refresh(problem)
    if audited:
        audit.record(session, actor=actor, action="create", entity="problem", entity_id=problem.id,
                     summary=f"登记问题（{PROBLEM_SOURCES[source]}）：{project.code} {description[:40]}",
                     changes=audit.diff({}, snapshot(problem)))
    return problem


def raise_problem(*, session: Session, actor: User, scope: Scope, data: ProblemCreate,
                  today: date | None = None) -> Problem:
    if not can_edit(actor.role):
        raise Forbidden("当前角色不能登记问题")
    project = projects.get_project(session=session, scope=scope, project_id=data.project_id)
    _check_people(session, data.unit_id, data.leader_id)
    today = today or local_date()
    if data.due_on is not None and data.due_on < today:
        raise Rejected(f"解决时限 {data.due_on.isoformat()} 早于今天", field="due_on")
    return add_problem(session, actor=actor, project=project, description=data.description,
                       category=data.category, source="direct", source_ref=None, today=today,
                       unit_id=data.unit_id, leader_id=data.leader_id, due_on=data.due_on)


def from_report(session: Session, *, actor: User | None, report: ProgressReport, today: date) -> Problem | None:
    """The report's 存在问题 on the list: a new problem the first time (returned), kept in step while open."""
    text = (report.problems or "").strip()
    if not text:
        return None
    existing = session.scalar(select(Problem).where(Problem.source == "report", Problem.source_ref == report.id))
    if existing is not None:
        if existing.status in OPEN and existing.description != text[:500]:
            existing.description, existing.category = text[:500], guess_category(text)
        return None
    return add_problem(session, actor=actor, project=report.project, description=text[:500],
                       category=guess_category(text), source="report", source_ref=report.id, today=today,
                       audited=False)


def update_problem(*, session: Session, actor: User, scope: Scope, problem_id: int, data: ProblemUpdate) -> Problem:
    problem = get_problem(session=session, scope=scope, problem_id=problem_id)
    if not can_edit(actor.role):
        raise Forbidden("当前角色不能修改问题")
    values = data.model_dump(exclude_unset=True)
    if "description" in values and values["description"] is None:
        raise Rejected("问题描述不能为空", field="description")
    _check_people(session, values.get("unit_id"), values.get("leader_id"))
    return audit.apply_changes(session, actor=actor, row=problem, entity="problem", changes=values,
                               snapshot=snapshot, label=lambda p: f"修改问题 #{p.id}")


def act(*, session: Session, actor: User, scope: Scope, problem_id: int, action: str, note: str = "",
        today: date | None = None) -> Problem:
    """Move a problem along: start, resolve (申请销号), close (确认销号), reject (退回), reopen."""
    problem = session.scalar(select(Problem).where(Problem.id == problem_id).with_for_update(of=Problem))
    if problem is None:
        raise NotFound(f"问题 {problem_id} 不存在", field="id")
    if not _visible(problem, scope):
        raise Forbidden(f"无权处理问题 {problem_id}", field="id")
    target = plan_action(problem.status, action, actor.role, note)
    today = today or local_date()
    before = snapshot(problem)
    problem.status = target
    if action == "resolve":
        problem.resolution, problem.resolved_on = note.strip(), today
    elif action == "close":
        problem.closed_on = today
    elif action in ("reject", "reopen"):
        problem.resolved_on = problem.closed_on = None
        problem.reopened += action == "reopen"
    session.flush()
    if problem.source == "meeting":  # a meeting decision followed as this problem moves with it
        session.execute(update(MeetingDecision).where(MeetingDecision.problem_id == problem.id).values(
            status=PROBLEM_TO_DECISION[target], resolution=problem.resolution, resolved_on=problem.resolved_on,
            closed_on=problem.closed_on))
    session.refresh(problem)
    changes = audit.diff(before, snapshot(problem))
    if note.strip() and action != "resolve":
        changes["说明"] = [None, note.strip()]
    audit.record(session, actor=actor, action="update", entity="problem", entity_id=problem.id, changes=changes,
                 summary=f"{ACTIONS[action]}：问题 #{problem.id} {problem.description[:30]}")
    return problem


@dataclass
class ProblemFilters:
    status: str | None = None
    category: str | None = None
    source: str | None = None
    overdue: bool = False
    project_id: int | None = None
    region_id: int | None = None
    unit_id: int | None = None
    q: str | None = None


@dataclass
class ProblemListing:
    items: list[Problem]
    total: int
    counts: dict[str, int] = field(default_factory=dict)
    overdue: int = 0


def _filtered(session: Session, query: Select, filters: ProblemFilters, today: date) -> Select:
    for column, value in ((Problem.status, filters.status), (Problem.category, filters.category),
                          (Problem.source, filters.source), (Problem.project_id, filters.project_id),
                          (Problem.unit_id, filters.unit_id)):
        if value not in (None, ""):
            query = query.where(column == value)
    if filters.overdue:
        query = query.where(Problem.status.in_(OPEN), Problem.due_on < today)
    if filters.region_id is not None:
        region_projects = select(Project.id).where(Project.region_id.in_(org.subtree_ids(session, filters.region_id)))
        query = query.where(Problem.project_id.in_(region_projects))
    if filters.q:
        query = query.where(Problem.description.like(f"%{filters.q.strip()[:100]}%"))
    return query


def list_problems(*, session: Session, scope: Scope, filters: ProblemFilters, today: date | None = None,
                  page: int = 1, per_page: int = 50) -> ProblemListing:
    today = today or local_date()
    page, per_page = max(page, 1), min(max(per_page, 1), 200)
    base = scoped(select(Problem), scope)
    query = _filtered(session, base, filters, today)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = (Problem.status == "closed", Problem.due_on.is_(None), Problem.due_on, Problem.id)
    items = list(session.scalars(query.order_by(*order).limit(per_page).offset((page - 1) * per_page)).unique())
    all_of_scope = _filtered(session, scoped(select(Problem.status, func.count()), scope),
                             ProblemFilters(project_id=filters.project_id, region_id=filters.region_id), today)
    counts = dict(session.execute(all_of_scope.group_by(Problem.status)).all())
    late = _filtered(session, scoped(select(func.count(Problem.id)), scope),
                     ProblemFilters(overdue=True, project_id=filters.project_id, region_id=filters.region_id), today)
    return ProblemListing(items, total, {key: counts.get(key, 0) for key in PROBLEM_STATUSES},
                          session.scalar(late) or 0)


def history(*, session: Session, scope: Scope, problem_id: int) -> list[audit.AuditEvent]:
    get_problem(session=session, scope=scope, problem_id=problem_id)
    return list(reversed(audit.list_events(session, entity="problem", entity_id=problem_id, limit=500)))


def overdue_of(problem: Problem, today: date | None = None) -> int:
    return overdue_days(problem.due_on, problem.status, today or local_date())
