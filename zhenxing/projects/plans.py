"""Annual plans (年度计划): a project's planned investment and target stage per year.

The plan of a year is the truth; `Project.planned_investment` (年度计划投资 in the ledger, its filters,
sorts and exports) mirrors the plan of the current year. Every path that writes one keeps the other in step:
`set_plan` (the plan form, the API, the dispatch import), the ledger's edit and import (`mirror_to_plans`),
and the daily `rollover` job, which on 1 January makes the ledger show the new year's plans.
"""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_edit, covers
from zhenxing.errors import Forbidden, Rejected
from zhenxing.projects.models import AnnualPlan, Project
from zhenxing.projects.stages import STAGE_LABELS, check_plan

TARGET_STAGES = {"started": "当年开工", "completed": "当年竣工", "operating": "当年投产"}
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_AMOUNT = 10 ** 10  # 万元: a single project's plan above 100万亿元 is a typing error


def plan_snapshot(plan: AnnualPlan) -> dict:
    return {"year": plan.year, "planned_investment": plan.planned_investment,
            "target_stage": TARGET_STAGES.get(plan.target_stage or "", ""), "note": plan.note}


def plans_of(session: Session, project_id: int) -> list[AnnualPlan]:
    query = select(AnnualPlan).where(AnnualPlan.project_id == project_id).order_by(AnnualPlan.year.desc())
    return list(session.scalars(query))


def plan_for(session: Session, project_id: int, year: int) -> AnnualPlan | None:
    return session.scalar(select(AnnualPlan).where(AnnualPlan.project_id == project_id, AnnualPlan.year == year))


def _check(year: int, amount: int, target_stage: str | None, note: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Rejected(f"年度 {year} 无效，应在 {MIN_YEAR}–{MAX_YEAR} 之间", field="year")
    if not 0 <= amount <= MAX_AMOUNT:
        raise Rejected(f"年度计划投资须在 0 到 {MAX_AMOUNT} 万元之间（现为 {amount}）", field="planned_investment")
    if target_stage not in (None, *TARGET_STAGES):
        raise Rejected(f"年度目标“{target_stage}”无效，可选：{'、'.join(TARGET_STAGES.values())}",
                       field="target_stage")
    if len(note) > 200:
        raise Rejected("备注不能超过 200 个字", field="note")


def set_plan(*, session: Session, actor: User | None, scope: Scope, project: Project, year: int,
             planned_investment: int, target_stage: str | None = None, note: str = "",
             today: date | None = None) -> AnnualPlan:
    """Create or change a project's plan for a year (one row per project and year), audited; the current
    year's plan is mirrored onto the ledger."""
    if actor is not None and not can_edit(actor.role):
        raise Forbidden("当前角色不能修改年度计划")
    if not _covers(scope, project):
        raise Forbidden("无权修改该项目的年度计划：它不在您的管辖范围内", field="project_id")
    _check(year, planned_investment, target_stage, note)
    # A year's plan above the whole project's total cannot be true (the ledger's edit and import say the same)
    for field, message in check_plan({"total_investment": project.total_investment,
                                      "planned_investment": planned_investment}):
        raise Rejected(f"{year}年{message}", field=field)
    plan = session.scalar(select(AnnualPlan).where(AnnualPlan.project_id == project.id, AnnualPlan.year == year)
                          .with_for_update(of=AnnualPlan))
    before = plan_snapshot(plan) if plan else {}
    if plan is None:
        plan = AnnualPlan(project_id=project.id, year=year)
        session.add(plan)
    plan.planned_investment, plan.target_stage, plan.note = planned_investment, target_stage, note
    session.flush()
    if year == (today or date.today()).year:
        project.planned_investment = planned_investment
        session.flush()
    changes = audit.diff(before, plan_snapshot(plan))
    if changes:
        audit.record(session, actor=actor, action="update" if before else "create", entity="project",
                     entity_id=project.id, summary=f"{year}年度计划：{project.code} {project.name}", changes=changes)
    return plan


def _covers(scope: Scope, project: Project) -> bool:
    return covers(scope, region_id=project.region_id, lead_unit_id=project.lead_unit_id,
                  steward_id=project.steward_id)


def plan_new_project(session: Session, project: Project, *, today: date | None = None) -> None:
    """A new project's 年度计划投资 becomes its plan of the current year (it has no plan yet: nothing to read,
    so creating a project costs one more INSERT and no query)."""
    if project.planned_investment:
        session.add(AnnualPlan(project_id=project.id, year=(today or date.today()).year,
                               planned_investment=project.planned_investment))


def mirror_to_plans(session: Session, project_ids: Iterable[int], *, today: date | None = None) -> int:
    """After the ledger's 年度计划投资 was written (edit, import): make it this year's plan. Returns the
    number of plans created or changed (the ledger change itself was already audited)."""
    year = (today or date.today()).year
    ids = list(project_ids)
    changed = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        query = select(Project.id, Project.planned_investment).where(Project.id.in_(chunk))
        amounts = dict(session.execute(query).all())
        plans = {p.project_id: p for p in session.scalars(
            select(AnnualPlan).where(AnnualPlan.year == year, AnnualPlan.project_id.in_(chunk)))}
        for project_id, amount in amounts.items():
            plan = plans.get(project_id)
            if plan is None and amount > 0:
                session.add(AnnualPlan(project_id=project_id, year=year, planned_investment=amount))
                changed += 1
            elif plan is not None and plan.planned_investment != amount:
                plan.planned_investment = amount
                changed += 1
    session.flush()
    return changed


def rollover(session: Session, *, today: date | None = None) -> int:
    """Make every project's 年度计划投资 the plan of the current year (0 without one). Idempotent: run daily,
    it changes rows only on the first run of a new year or after a plan was written behind the ledger's back."""
    year = (today or date.today()).year
    current = (select(AnnualPlan.planned_investment)
               .where(AnnualPlan.project_id == Project.id, AnnualPlan.year == year)
               .correlate(Project).scalar_subquery())
    value = func.coalesce(current, 0)
    result = session.execute(update(Project).where(Project.planned_investment != value)
                             .values(planned_investment=value).execution_options(synchronize_session=False))
    if result.rowcount:
        audit.record(session, actor=None, action="update", entity="project",
                     summary=f"年度切换：{result.rowcount} 个项目的年度计划投资改为 {year} 年计划")
    return result.rowcount


def target_label(stage: str | None) -> str:
    return TARGET_STAGES.get(stage or "", "") or (STAGE_LABELS.get(stage or "", "") if stage else "")
