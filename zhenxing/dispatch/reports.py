"""Monthly progress reports (月报): filing and correcting one, and who has reported for a period.

One report per project and period: filing again for the same period is an edit (before → after in the audit
trail), also when two clients file at once (the unique row decides, the second becomes an edit). Filing
moves the ledger: the project's 累计完成投资 changes by the difference in 本月完成投资. A report's 存在问题
lands on the project's problem list (one problem per report, updated while it is still open).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_edit
from zhenxing.dispatch import problems as problem_service
from zhenxing.dispatch import settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.facts import REPORT_STATES, report_due, report_state
from zhenxing.dispatch.models import ProgressReport
from zhenxing.dispatch.schemas import ReportFields
from zhenxing.errors import Forbidden, Rejected
from zhenxing.periods import Period, parse_period, period_label, period_of
from zhenxing.projects import service as projects
from zhenxing.projects.models import AnnualPlan, Project
from zhenxing.projects.stages import check_plan

FIELDS = ("completed_investment", "progress", "physical_percent", "problems", "next_plan", "registered")
LABELS = {"completed_investment": "本月完成投资", "progress": "形象进度", "physical_percent": "工程形象进度",
          "problems": "存在问题", "next_plan": "下月计划", "registered": "已入库"}


def snapshot(report: ProgressReport) -> dict:
    return {LABELS[name]: getattr(report, name) for name in FIELDS}


def check_period(period: str, today: date) -> Period:
    """A period that can be reported: not after the current month."""
    value = parse_period(period)
    if value > period_of(today):
        raise Rejected(f"不能填报未来期间（{period_label(value)}）的月报", field="period")
    return value


def _project_for_filing(session: Session, actor: User | None, scope: Scope, project_id: int) -> Project:
    if actor is not None and not can_edit(actor.role):
        raise Forbidden("当前角色不能填报月报")
    project = projects.get_project(session=session, scope=scope, project_id=project_id)
    if project.status == "cancelled":
        raise Rejected(f"项目 {project.code} 已取消，不能填报月报", field="project_id")
    return project


def _existing(session: Session, project_id: int, period: str) -> ProgressReport | None:
    query = select(ProgressReport).where(ProgressReport.project_id == project_id, ProgressReport.period == period)
    return session.scalar(query.with_for_update(of=ProgressReport))


def _new_row(session: Session, project_id: int, period: str, actor: User | None) -> ProgressReport | None:
    """Insert an empty report in a savepoint; None when a concurrent filing created it first."""
    report = ProgressReport(project_id=project_id, period=period, filed_by_id=getattr(actor, "id", None),
                            completed_investment=0)
    try:
        with session.begin_nested():
            session.add(report)
            session.flush()
    except IntegrityError:
        return None
    return report


def file_report(*, session: Session, actor: User | None, scope: Scope, project_id: int, period: str,
                data: ReportFields, today: date | None = None) -> ProgressReport:
    """File (or correct) a project's report for a period; one audit event."""
    today = today or local_date()
    period = check_period(period, today)
    project = _project_for_filing(session, actor, scope, project_id)
    report = _existing(session, project.id, period)
    before = snapshot(report) if report else {}
    if report is None:
        report = _new_row(session, project.id, period, actor)
        if report is None:  # a concurrent filing created it first: this one corrects it
            report = _existing(session, project.id, period)
            before = snapshot(report)
    return _apply(session, actor, project, report, data, before, today)


def _apply(session: Session, actor: User | None, project: Project, report: ProgressReport, data: ReportFields,
           before: dict, today: date) -> ProgressReport:
    delta = data.completed_investment - report.completed_investment
    if delta > 0:  # the month may not carry the project past its total (占总投资 180% is a typing error)
        for field, message in check_plan({"total_investment": project.total_investment,
                                          "completed_investment": project.completed_investment + delta}):
            raise Rejected(f"项目 {project.code}：填报后{message}，或先修改项目总投资", field=field)
    for name in FIELDS:
        setattr(report, name, getattr(data, name))
    if before:
        report.filed_by_id = getattr(actor, "id", None) or report.filed_by_id
    session.flush()
    changes = audit.diff(before, snapshot(report))
    if delta:
        old = project.completed_investment
        session.execute(update(Project).where(Project.id == project.id)
                        .values(completed_investment=Project.completed_investment + delta))
        session.refresh(project)
        changes["项目累计完成投资"] = [old, project.completed_investment]
    problem = problem_service.from_report(session, actor=actor, report=report, today=today)
    if problem is not None:
        changes["问题清单"] = [None, f"#{problem.id} {problem.description}"]
    if changes:
        verb = "修改" if before else "填报"
        audit.record(session, actor=actor, action="update" if before else "create", entity="progress_report",
                     entity_id=report.id, changes=changes,
                     summary=f"{verb}月报 {period_label(report.period)}：{project.code} {project.name}")
    return report


def get_report(*, session: Session, scope: Scope, project_id: int, period: str) -> ProgressReport | None:
    projects.get_project(session=session, scope=scope, project_id=project_id)
    return session.scalar(select(ProgressReport).where(ProgressReport.project_id == project_id,
                                                       ProgressReport.period == parse_period(period)))


def reports_of(*, session: Session, scope: Scope, project_id: int, year: int | None = None) -> list[ProgressReport]:
    """A project's reports, newest first (one year's when given)."""
    projects.get_project(session=session, scope=scope, project_id=project_id)
    query = select(ProgressReport).where(ProgressReport.project_id == project_id)
    if year is not None:
        query = query.where(ProgressReport.period.like(f"{year:04d}-%"))
    return list(session.scalars(query.order_by(ProgressReport.period.desc())))


def year_to_date(session: Session, project_id: int, period: str) -> int:
    """本年累计完成投资: January to the period, summed from the monthly reports."""
    value = parse_period(period)
    total = session.scalar(select(func.coalesce(func.sum(ProgressReport.completed_investment), 0)).where(
        ProgressReport.project_id == project_id, ProgressReport.period >= f"{value.year:04d}-01",
        ProgressReport.period <= value))
    return int(total or 0)


@dataclass
class StatusRow:
    project: Project
    state: str
    report: ProgressReport | None
    annual_plan: int
    year_to_date: int

    @property
    def state_label(self) -> str:
        return REPORT_STATES[self.state]


def owing_projects(session: Session, scope: Scope, year: int, region_id: int | None = None):
    """The active projects in scope on `year`'s plan (they owe a report every month), with their plan."""
    query = projects.scoped(select(Project, AnnualPlan.planned_investment), scope).join(
        AnnualPlan, (AnnualPlan.project_id == Project.id) & (AnnualPlan.year == year)).where(
        Project.status == "active")
    if region_id is not None:
        from zhenxing.org import service as org

        query = query.where(Project.region_id.in_(org.subtree_ids(session, region_id)))
    return session.execute(query.order_by(Project.region_id, Project.code)).unique().all()


def reporting_status(*, session: Session, scope: Scope, period: str, today: date | None = None,
                     region_id: int | None = None) -> tuple[list[StatusRow], date]:
    """本月填报: every project that owes a report for the period, with its report and state."""
    today = today or local_date()
    value = parse_period(period)
    due_day = settings.report_due_day(session)
    owing = owing_projects(session, scope, value.year, region_id)
    ids = [project.id for project, _ in owing]
    reports, totals = reports_and_totals(session, ids, value)
    rows = []
    for project, plan in owing:
        report = reports.get(project.id)
        filed = local_date(report.filed_at) if report else None
        state = report_state(value.index, filed_on=filed, today=today, due_day=due_day)
        rows.append(StatusRow(project, state, report, plan, totals.get(project.id, 0)))
    return rows, report_due(value.index, due_day)


def reports_and_totals(session: Session, ids: list[int], period: Period) -> tuple[dict, dict]:
    reports, totals = {}, {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        reports.update((r.project_id, r) for r in session.scalars(select(ProgressReport).where(
            ProgressReport.period == period, ProgressReport.project_id.in_(chunk))).unique())
        totals.update(session.execute(select(ProgressReport.project_id, func.sum(ProgressReport.completed_investment))
                                      .where(ProgressReport.project_id.in_(chunk),
                                             ProgressReport.period >= f"{period.year:04d}-01",
                                             ProgressReport.period <= period)
                                      .group_by(ProgressReport.project_id)).all())
    return reports, {key: int(value) for key, value in totals.items()}
