"""Dispatch's sources for 我的待办 (zhenxing.todo): monthly reports due or 逾期未报, problems on the user's
list (and, for the office, those awaiting 销号), meeting decisions due (and, for the office, awaiting 销号).

Each source answers only within the user's scope; each has a cheap count for the navigation badge (grouped
counts, no rows). Reports: a unit, county or steward gets one item per project that has not filed the
reporting period's report (red once the due day has passed, yellow in the three days before); the office
gets one item summing them up (its job is to chase, not to file each).
"""

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing.auth.policy import Scope, can_manage
from zhenxing.dispatch import meetings, problems, settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.facts import report_due
from zhenxing.dispatch.models import MeetingDecision, Problem, ProgressReport
from zhenxing.dispatch.pages import reporting_period
from zhenxing.periods import period_label
from zhenxing.projects import service as projects
from zhenxing.projects.models import AnnualPlan, Project
from zhenxing.todo import TodoItem, register_source

FILERS = {"unit", "steward"}
SOON = timedelta(days=3)


def _level(due, today) -> str:
    if due is None:
        return "normal"
    return "red" if today > due else "yellow" if today + SOON >= due else "normal"


# ---- reports -----------------------------------------------------------------------------------------

def _missing(session: Session, scope: Scope):
    period = reporting_period({})
    filed = select(ProgressReport.project_id).where(ProgressReport.period == period)
    query = projects.scoped(select(Project.id, Project.name), scope).join(
        AnnualPlan, (AnnualPlan.project_id == Project.id) & (AnnualPlan.year == period.year)).where(
        Project.status == "active", Project.id.not_in(filed))
    return period, query


def report_items(session: Session, user, scope: Scope) -> list[TodoItem]:
    if user.role not in FILERS and not can_manage(user.role):
        return []
    period, query = _missing(session, scope)
    due = report_due(period.index, settings.report_due_day(session))
    today = local_date()
    level = _level(due, today)
    state = "逾期未报" if level == "red" else "待报"
    if can_manage(user.role):
        count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        if not count or today <= due:
            return []
        return [TodoItem(kind="月报", title=f"{period_label(period)}月报逾期未报 {count} 个项目，请督促",
                         url=f"/reports?period={period}", due_on=due, level="red")]
    return [TodoItem(kind="月报", title=f"{name} {period_label(period)}月报{state}",
                     url=f"/reports/{pid}/{period}", due_on=due, level=level, detail=f"截止 {due.isoformat()}")
            for pid, name in session.execute(query.order_by(Project.id).limit(500)).all()]


def report_count(session: Session, user, scope: Scope) -> int:
    if user.role not in FILERS and not can_manage(user.role):
        return 0
    period, query = _missing(session, scope)
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    if can_manage(user.role):
        return int(bool(count) and local_date() > report_due(period.index, settings.report_due_day(session)))
    return count


# ---- problems -----------------------------------------------------------------------------------------

def _problem_query(user, scope: Scope):
    if can_manage(user.role):
        return select(Problem).where(Problem.status == "resolved")  # awaiting the office's 销号
    if user.role not in FILERS:
        return None
    return problems.scoped(select(Problem), scope).where(Problem.status.in_(("open", "in_progress")))


def problem_items(session: Session, user, scope: Scope) -> list[TodoItem]:
    query = _problem_query(user, scope)
    if query is None:
        return []
    today, office = local_date(), can_manage(user.role)
    items = []
    for problem in session.scalars(query.order_by(Problem.due_on, Problem.id).limit(500)).unique():
        if office:
            items.append(TodoItem(kind="问题", title=f"确认销号：{problem.description[:40]}",
                                  url=f"/problems/{problem.id}", due_on=problem.resolved_on, level="yellow",
                                  detail=problem.project.name))
        else:
            items.append(TodoItem(kind="问题", title=problem.description[:60], url=f"/problems/{problem.id}",
                                  due_on=problem.due_on, level=_level(problem.due_on, today),
                                  detail=problem.project.name))
    return items


def problem_count(session: Session, user, scope: Scope) -> int:
    query = _problem_query(user, scope)
    return 0 if query is None else session.scalar(select(func.count()).select_from(query.subquery())) or 0


# ---- meeting decisions ---------------------------------------------------------------------------------

def _decision_query(user, scope: Scope):
    if can_manage(user.role):
        return select(MeetingDecision).where(MeetingDecision.status == "resolved", MeetingDecision.kind == "task")
    if user.role not in FILERS:
        return None
    return meetings.decisions_query(scope).where(MeetingDecision.status == "open", MeetingDecision.kind == "task")


def decision_items(session: Session, user, scope: Scope) -> list[TodoItem]:
    query = _decision_query(user, scope)
    if query is None:
        return []
    today, office = local_date(), can_manage(user.role)
    return [TodoItem(kind="议定事项", title=("确认销号：" if office else "") + decision.text[:60],
                     url="/meetings/decisions", due_on=decision.due_on,
                     level="yellow" if office else _level(decision.due_on, today), detail=decision.meeting.title)
            for decision in session.scalars(query.order_by(MeetingDecision.due_on, MeetingDecision.id)
                                            .limit(500)).unique()]


def decision_count(session: Session, user, scope: Scope) -> int:
    query = _decision_query(user, scope)
    return 0 if query is None else session.scalar(select(func.count()).select_from(query.subquery())) or 0


register_source("dispatch.reports", "月报填报", report_items, count=report_count)
register_source("dispatch.problems", "问题清单", problem_items, count=problem_count)
register_source("dispatch.decisions", "调度会议定事项", decision_items, count=decision_count)
