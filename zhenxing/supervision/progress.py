"""Monthly progress reports on supervised tasks, evidence files, and 销号 (request → confirm or refuse).

The lead unit files each period's report (进展情况, percentage, next steps, evidence) and may tick the
milestones it reached; partner units add their part. Filing the same period again corrects the report
(before → after in the audit trail). The lead unit asks for 销号 with evidence; the supervision office
confirms it, or refuses it with a reason and the task goes back to the unit.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_report_task, can_request_closure, can_supervise
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.supervision import files as evidence
from zhenxing.supervision.reporting import period_of
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import Closure, Task, TaskFile, TaskReport
from zhenxing.text import form_text

MAX_TEXT = 2000


@dataclass(frozen=True)
class ReportData:
    period: str
    progress: str
    percent: int | None = None
    next_steps: str = ""
    milestones_done: tuple[int, ...] = ()


def _text(value: str, field: str, label: str, *, required: bool) -> str:
    return form_text(value, field, label, MAX_TEXT, required)


def _check_period(period: str, task: Task, today: date) -> None:
    ok = len(period) == 7 and period[4] == "-" and period[:4].isdigit() and period[5:].isdigit() \
        and 1 <= int(period[5:]) <= 12
    if not ok:
        raise Rejected(f"期间“{period[:20]}”须为 YYYY-MM（如 2025-09）", field="period")
    if period > period_of(today):
        raise Rejected(f"不能报送未来期间 {period} 的进展", field="period")
    if int(period[:4]) < task.year - 1:
        raise Rejected(f"期间 {period} 早于任务年度 {task.year}", field="period")


def _store_files(session: Session, task: Task, actor: User, items: list[evidence.Evidence], **owner) -> None:
    for item in items:
        session.add(TaskFile(task_id=task.id, filename=item.filename, content_type=item.content_type,
                             size=item.size, sha256=item.sha256, data=item.data, uploaded_by=actor.name, **owner))


def _checked_files(uploads: list[tuple[str, bytes]]) -> list[evidence.Evidence]:
    try:
        return evidence.check_all(uploads)
    except evidence.FileRefused as error:
        raise Rejected(str(error), field="files") from None


def _reporting_unit(actor: User, scope: Scope, task: Task) -> tuple[int, str]:
    """(the unit the report is from, 'lead' | 'partner'); the office files for the lead unit."""
    relation = tasks.relation(scope, task)
    if can_report_task(relation):
        unit_id = task.lead_unit_id if relation == "lead" else actor.unit_id
        if unit_id is None:
            raise Rejected("该任务尚未确定牵头单位，请先由督查室指定", field="task_id")
        return unit_id, relation
    if can_supervise(actor.role) and task.lead_unit_id is not None:
        return task.lead_unit_id, "lead"
    raise Forbidden("只有该任务的牵头单位或配合单位可以报送进展", field="task_id")


def file_report(*, session: Session, actor: User, scope: Scope, task_id: int, data: ReportData,
                uploads: list[tuple[str, bytes]] = (), today: date | None = None) -> TaskReport:
    today = today or _settings_today()
    task = tasks.get_task(session, task_id, scope)
    unit_id, role = _reporting_unit(actor, scope, task)
    if task.closed_at is not None:
        raise Rejected("任务已销号，不再报送进展", field="task_id")
    _check_period(data.period, task, today)
    progress = _text(data.progress, "progress", "进展情况", required=True)
    next_steps = _text(data.next_steps, "next_steps", "下一步计划", required=False)
    if data.percent is None and role == "lead":
        raise Rejected("牵头单位须填写完成进度（0–100%）", field="percent")
    if data.percent is not None and not 0 <= data.percent <= 100:
        raise Rejected("完成进度须在 0–100 之间", field="percent")
    items = _checked_files(list(uploads))
    report = session.scalar(select(TaskReport).where(TaskReport.task_id == task.id, TaskReport.period == data.period,
                                                     TaskReport.unit_id == unit_id).with_for_update(of=TaskReport))
    before = _report_snapshot(report)
    if report is None:
        report = TaskReport(task_id=task.id, period=data.period, unit_id=unit_id, reported_by=actor.name)
        session.add(report)
    else:
        report.updated_at = datetime.now(UTC)
    report.progress, report.percent, report.next_steps = progress, data.percent, next_steps
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(f"{data.period} 的进展正被同时报送，请刷新后重试", field="period") from None
    _store_files(session, task, actor, items, report_id=report.id)
    done = _tick_milestones(task, data.milestones_done, today) if role == "lead" else []
    task.started_on = task.started_on or today
    session.flush()
    session.refresh(report)
    changes = audit.diff(before, _report_snapshot(report))
    if done:
        changes["milestones_done"] = [None, done]
    audit.record(session, actor=actor, action="create" if not before else "update", entity="task_report",
                 entity_id=report.id, changes=changes,
                 summary=f"{'报送' if not before else '更正'}任务 {task.code} {data.period} 进展"
                         f"（{report.unit.name}{'，配合' if role == 'partner' else ''}）")
    return report


def _report_snapshot(report: TaskReport | None) -> dict:
    if report is None:
        return {}
    return {"progress": report.progress, "percent": report.percent, "next_steps": report.next_steps,
            "files": [f.filename for f in report.files]}


def _tick_milestones(task: Task, ids: tuple[int, ...], today: date) -> list[str]:
    mine = {m.id: m for m in task.milestones}
    unknown = [i for i in ids if i not in mine]
    if unknown:
        raise Rejected(f"节点 {unknown[0]} 不属于该任务", field="milestones_done")
    ticked = []
    for milestone_id in ids:
        milestone = mine[milestone_id]
        if milestone.done_on is None:
            milestone.done_on = today
            ticked.append(milestone.content[:40])
    return ticked


def reports_of(session: Session, task: Task) -> list[TaskReport]:
    return list(session.scalars(select(TaskReport).where(TaskReport.task_id == task.id)
                                .order_by(TaskReport.period.desc(), TaskReport.unit_id != task.lead_unit_id,
                                          TaskReport.id)))


def closures_of(session: Session, task: Task) -> list[Closure]:
    return list(session.scalars(select(Closure).where(Closure.task_id == task.id).order_by(Closure.id.desc())))


def get_file(session: Session, scope: Scope, file_id: int) -> TaskFile:
    row = session.get(TaskFile, file_id) if 0 < file_id < 2**31 else None
    if row is None:
        raise NotFound(f"文件 {file_id} 不存在", field="file_id")
    tasks.get_task(session, row.task_id, scope)  # readable with its task, refused otherwise
    return row


# --- 销号 -------------------------------------------------------------------------------------------


def request_closure(*, session: Session, actor: User, scope: Scope, task_id: int, note: str,
                    uploads: list[tuple[str, bytes]] = ()) -> Closure:
    task = tasks.get_task(session, task_id, scope)
    if not can_request_closure(tasks.relation(scope, task)):
        raise Forbidden("只有该任务的牵头单位可以申请销号", field="task_id")
    if task.closed_at is not None:
        raise Conflict("任务已销号", field="task_id")
    note = _text(note, "note", "完成情况说明", required=True)
    items = _checked_files(list(uploads))
    if not items:
        raise Rejected("申请销号须附佐证材料（完成情况的文件、照片等）", field="files")
    closure = Closure(task_id=task.id, unit_id=task.lead_unit_id, note=note, requested_by=actor.name)
    try:
        with session.begin_nested():
            session.add(closure)
            session.flush()
    except IntegrityError:
        raise Conflict("该任务已有待审核的销号申请", field="task_id") from None
    _store_files(session, task, actor, items, closure_id=closure.id)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="task_closure", entity_id=closure.id,
                 summary=f"申请销号：任务 {task.code}（佐证材料 {len(items)} 份）",
                 changes={"status": [None, "pending"], "note": [None, note]})
    return closure


def decide_closure(*, session: Session, actor: User, task_id: int, confirm: bool, reason: str = "") -> Closure:
    """Confirm the pending 销号 request, or refuse it with a reason (the task goes back to the unit)."""
    if not can_supervise(actor.role):
        raise Forbidden("只有督查室、项目办或管理员可以审核销号", field="task_id")
    task = tasks.get_task(session, task_id)
    closure = session.scalar(select(Closure).where(Closure.task_id == task.id, Closure.status == "pending")
                             .with_for_update(of=Closure))
    if closure is None:
        raise Conflict("该任务没有待审核的销号申请", field="task_id")
    reason = _text(reason, "reason", "退回理由", required=not confirm)
    now = datetime.now(UTC)
    closure.status, closure.reason = ("confirmed" if confirm else "refused"), reason
    closure.decided_at, closure.decided_by = now, actor.name
    if confirm:
        task.closed_at = now
    session.flush()
    audit.record(session, actor=actor, action="review", entity="task_closure", entity_id=closure.id,
                 summary=f"{'确认销号' if confirm else '退回销号申请'}：任务 {task.code}"
                         + (f"（{reason}）" if reason else ""),
                 changes={"status": ["pending", closure.status], **({"reason": [None, reason]} if reason else {})})
    return closure
