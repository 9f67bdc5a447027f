"""Links to the key-project ledger: an appeal about a key project (suggested when the enterprise or the text
matches one) is linked to it, and while unresolved it stands on the project's problem list (a dispatch
Problem with source 'appeal'), where it counts in the project's light. When the appeal is closed, its
problem is put forward for 销号 with the appeal's result; the project office confirms it."""

from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals.machine import RESULTS
from zhenxing.appeals.models import Appeal
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, is_centre
from zhenxing.errors import Conflict, Forbidden, NotFound
from zhenxing.projects.models import Project


def suggested_projects(session: Session, appeal: Appeal, *, limit: int = 5) -> list[tuple[Project, str]]:
    """Projects whose enterprise is the appeal's company, or whose name the appeal's text or address names."""
    found = []
    for project in session.scalars(select(Project).where(Project.status == "active")).unique():
        if appeal.company and project.company and fuzz.ratio(appeal.company, project.company) >= 85:
            found.append((100, project, f"企业名称匹配：{project.company}"))
        elif len(project.name) >= 4 and (project.name in appeal.description or project.name in appeal.address):
            found.append((90, project, f"内容提到项目“{project.name}”"))
    found.sort(key=lambda item: -item[0])
    return [(project, why) for _score, project, why in found[:limit]]


def link_project(*, session: Session, actor: User, scope: Scope, appeal_id: int, project_id: int,
                 now: datetime) -> Appeal:
    """Link an appeal to a key project (the centre); an unresolved appeal goes on its problem list."""
    if not is_centre(actor.role):
        raise Forbidden("只有热线中心可以把诉求关联到重点项目")
    appeal = session.get(Appeal, appeal_id)
    project = session.get(Project, project_id)
    if appeal is None or project is None:
        raise NotFound("诉求或项目不存在", field="project_id")
    if appeal.project_id is not None:
        raise Conflict(f"诉求 {appeal.tracking_no} 已关联项目", field="project_id")
    appeal.project_id = project.id
    session.flush()
    audit.record(session, actor=actor, action="appeal", entity="appeal", entity_id=appeal.id,
                 summary=f"诉求 {appeal.tracking_no} 关联重点项目：{project.code} {project.name}",
                 changes={"project_id": [None, project.id]})
    if appeal.status not in {"closed", "merged"}:
        _open_problem(session, actor, appeal, project, now)
    return appeal


def _open_problem(session: Session, actor: User, appeal: Appeal, project: Project, now: datetime) -> None:
    from zhenxing.dispatch.clock import local_date
    from zhenxing.dispatch.problem_rules import guess_category
    from zhenxing.dispatch.problems import add_problem

    add_problem(session, actor=actor, project=project, source="appeal", source_ref=appeal.id,
                description=f"企业诉求 {appeal.tracking_no}：{appeal.description[:150]}",
                category=guess_category(appeal.description),
                today=local_date(now), unit_id=appeal.unit_id)


def on_closed(session: Session, *, actor: User | None, appeal: Appeal, now: datetime) -> None:
    """The appeal is closed: put its problem forward for 销号 with the result (the office confirms)."""
    if appeal.project_id is None or actor is None:
        return
    from zhenxing.auth import service as accounts
    from zhenxing.dispatch import problems
    from zhenxing.dispatch.clock import local_date
    from zhenxing.dispatch.models import Problem

    problem = session.scalar(select(Problem).where(Problem.source == "appeal", Problem.source_ref == appeal.id,
                                                   Problem.status.in_(("open", "in_progress"))))
    if problem is None:
        return
    note = f"诉求 {appeal.tracking_no} 已办结：{RESULTS.get(appeal.reply_result or '', '')} {appeal.reply_text[:100]}"
    problems.act(session=session, actor=actor, scope=accounts.scope_for(session, actor), problem_id=problem.id,
                 action="resolve", note=note, today=local_date(now))
