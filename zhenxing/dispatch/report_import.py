"""Bulk 月报 by Excel: the pre-filled template of a user's projects, and the all-or-nothing import.

Every row is checked before anything is written (the project exists, lies in the user's scope, is not
cancelled; the period is not in the future; every cell parses); any problem → Rejected with all of them by
row and column, and nothing changes. Otherwise each row is filed as the form would file it (one audit event
per report), and one "import" event summarises the file.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_edit, covers
from zhenxing.dispatch import report_excel, reports
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.models import ProgressReport
from zhenxing.dispatch.report_excel import ReportRow, TemplateRow
from zhenxing.dispatch.schemas import ReportFields
from zhenxing.errors import Forbidden, Rejected
from zhenxing.periods import Period, parse_period, period_label
from zhenxing.projects.excel import Problem
from zhenxing.projects.models import Project


@dataclass
class ImportReport:
    file: str
    period: str
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict:
        return {"file": self.file, "period": self.period, "dry_run": self.dry_run, "created": self.created,
                "updated": self.updated, "unchanged": self.unchanged}


def template_rows(session: Session, scope: Scope, period: Period) -> list[TemplateRow]:
    """The projects in scope that owe a report for the period, with what they reported already."""
    owing = reports.owing_projects(session, scope, period.year)
    ids = [project.id for project, _ in owing]
    existing, totals = reports.reports_and_totals(session, ids, period)
    rows = []
    for project, plan in owing:
        report = existing.get(project.id)
        before = totals.get(project.id, 0) - (report.completed_investment if report else 0)
        values = {name: getattr(report, name) for name in reports.FIELDS} if report else {}
        rows.append(TemplateRow(project.code, project.name, project.region.name, plan, before, values))
    return rows


def scope_name(user: User | None) -> str:
    if user is None or user.role in {"admin", "office", "leader"}:
        return "全市"
    if user.region is not None:
        return user.region.name
    return user.unit.name if user.unit is not None else user.name


def write_template(*, session: Session, user: User | None, scope: Scope, period: str,
                   target: IO[bytes] | Path) -> None:
    value = parse_period(period)
    report_excel.write_template(target, year=value.year, month=value.month, scope_name=scope_name(user),
                                rows=template_rows(session, scope, value))


def _period(named: tuple[int, int] | None, given: str | None, filename: str) -> Period:
    if given is None and named is None:
        raise Rejected(f"文件“{filename}”的标题中没有填报期间（如“2025年5月”），请指定期间", field="period")
    from_file = Period.of(*named) if named else None
    value = parse_period(given) if given else from_file
    if from_file is not None and value != from_file:
        raise Rejected(f"指定的期间 {value} 与文件标题中的 {from_file} 不一致", field="period")
    return value


def _check_rows(session: Session, scope: Scope, rows: list[ReportRow], problems: list[Problem]) -> dict:
    codes = [row.code for row in rows]
    found: dict[str, Project] = {}
    for start in range(0, len(codes), 500):
        found.update((p.code, p) for p in session.scalars(
            select(Project).where(Project.code.in_(codes[start:start + 500]))).unique())
    for row in rows:
        project = found.get(row.code)
        if project is None:
            problems.append(Problem(row.row, "项目编号", f"未知的项目编号“{row.code}”"))
        elif not covers(scope, region_id=project.region_id, lead_unit_id=project.lead_unit_id,
                        steward_id=project.steward_id):
            problems.append(Problem(row.row, "项目编号", f"项目 {row.code} 不在本人管辖范围内，不能填报"))
        elif project.status == "cancelled":
            problems.append(Problem(row.row, "项目编号", f"项目 {row.code} 已取消，不能填报月报"))
    return found


def import_reports(*, session: Session, actor: User | None, scope: Scope, data: bytes | IO[bytes] | Path,
                   filename: str, period: str | None = None, dry_run: bool = False,
                   today: date | None = None) -> ImportReport:
    """Read, check and file a 月报 .xlsx in the caller's transaction: all rows or none."""
    if actor is not None and not can_edit(actor.role):
        raise Forbidden("当前角色不能填报月报", field="file")
    today = today or local_date()
    named, rows, problems = report_excel.read_reports(data, filename=filename)
    value = reports.check_period(_period(named, period, filename), today)
    projects = _check_rows(session, scope, rows, problems)
    if problems:
        problems.sort(key=lambda p: (p.row, report_excel.HEADERS.index(p.column) if p.column in
                                     report_excel.HEADERS else 99))
        raise Rejected(f"文件“{filename}”有 {len(problems)} 处错误，未导入任何数据", field="file",
                       details=[problem.as_dict() for problem in problems])
    if not rows:
        raise Rejected(f"文件“{filename}”中没有填写任何月报", field="file")
    result = ImportReport(filename, str(value), dry_run)
    existing = {r.project_id: r for r in session.scalars(select(ProgressReport).where(
        ProgressReport.period == value, ProgressReport.project_id.in_([p.id for p in projects.values()])))}
    for row in rows:
        project = projects[row.code]
        current = existing.get(project.id)
        merged = {**({name: getattr(current, name) for name in reports.FIELDS} if current else {}), **row.values}
        fields = ReportFields.model_validate(merged)
        if current is None:
            result.created += 1
        elif all(getattr(current, name) == getattr(fields, name) for name in reports.FIELDS):
            result.unchanged += 1
            continue
        else:
            result.updated += 1
        if not dry_run:
            reports.file_report(session=session, actor=actor, scope=scope, project_id=project.id, period=value,
                                data=fields, today=today)
    if not dry_run:
        audit.record(session, actor=actor, action="import", entity="progress_report",
                     summary=f"导入月报 {filename}（{period_label(value)}）：新填 {result.created} 个、修改 "
                             f"{result.updated} 个、未变 {result.unchanged} 个")
    return result
