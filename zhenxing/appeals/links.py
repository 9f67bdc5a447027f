"""Links to the key-project ledger: an appeal about a key project (suggested when the enterprise or the text
matches one) is linked to it, and while unresolved it stands on the project's problem list (a dispatch
Problem with source 'appeal'), where it counts in the project's light. When the appeal is closed, its
problem is put forward for 销号 with the appeal's result; the project office confirms it."""

import re
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

MIN_NAME = 4  # a project name (or its distinctive part) shorter than this matches too much


def _distinctive(name: str, region_names: list[str]) -> str:
    """A project's name without the region it starts with (凌海港口物流园 → 港口物流园): what people call the
    place in an address."""
    for region in sorted(region_names, key=len, reverse=True):
        for form in (region, re.sub(r"(市|县|区|镇|乡|街道)$", "", region)):
            if len(form) >= 2 and name.startswith(form) and len(name) - len(form) >= MIN_NAME:
                return name[len(form):]
    return name


def suggested_projects(session: Session, appeal: Appeal, *, limit: int = 5) -> list[tuple[Project, str]]:
    """Key projects this appeal is likely about, best first, each with the reason: the enterprise is the
    project's company (or the text names that company), the text or the address names the project, or the
    address names the project's place and the appeal comes from the project's county."""
    from zhenxing.org import service as org

    text = f"{appeal.description} {appeal.title}"
    region_names = [region.name for region, _depth in org.region_tree(session)]
    below = org.subtree_ids(session, appeal.region_id) if appeal.region_id else frozenset()

    def nearby(project: Project) -> bool:
        """The appeal's place lies in the project's region, or the project's in the appeal's."""
        return appeal.region_id is not None and (
            project.region_id in below or appeal.region_id in org.subtree_ids(session, project.region_id))
    found: dict[int, tuple[int, Project, str]] = {}

    def offer(score: int, project: Project, why: str) -> None:
        if project.id not in found or found[project.id][0] < score:
            found[project.id] = (score, project, why)

    for project in session.scalars(select(Project).where(Project.status == "active")).unique():
        company = project.company.strip()
        if appeal.company and company and fuzz.ratio(appeal.company, company) >= 85:
            offer(100, project, f"诉求企业即项目业主：{company}")
        elif len(company) >= MIN_NAME and company in text:
            offer(95, project, f"诉求内容提到项目业主“{company}”")
        name = project.name.strip()
        place = _distinctive(name, region_names)
        if len(name) >= MIN_NAME and (name in text or name in appeal.address):
            offer(90, project, f"{'内容' if name in text else '地址'}提到项目“{name}”")
        elif len(place) >= MIN_NAME and (place in text or place in appeal.address):
            close = nearby(project)
            where = "地址" if place in appeal.address else "内容"
            offer(85 if close else 70, project, f"{where}提到“{place}”" + ("，且在项目所在地区" if close else ""))
        elif appeal.address and len(place) >= MIN_NAME and fuzz.partial_ratio(place, appeal.address) >= 80 \
                and nearby(project):
            offer(60, project, f"地址与项目“{name}”相近，且在项目所在地区")
    ranked = sorted(found.values(), key=lambda item: (-item[0], item[1].name))
    return [(project, why) for _score, project, why in ranked[:limit]]


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
