"""Pages of supervised tasks: the decomposition (任务分解表) with each task's derived state, a page per
task (its reports, milestones, 销号 history; report, request or decide 销号 there), and the export."""


from fastapi import APIRouter, Request
from fastapi.responses import Response

from zhenxing import ledger_filters
from zhenxing.auth.policy import can_request_closure, can_supervise
from zhenxing.documents.api import xlsx_attachment
from zhenxing.errors import DomainError, Rejected
from zhenxing.org import service as org
from zhenxing.supervision import escalations, progress
from zhenxing.supervision import files as evidence
from zhenxing.supervision.reporting import period_of
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.supervision.states import STATES, counts
from zhenxing.tasks import service, views
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.downloads import attachment
from zhenxing.web.flash import saved
from zhenxing.web.forms import carried, read_form
from zhenxing.web.ledger_pages import ledger_context
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/tasks")
def task_list(request: Request, session: SessionDep, scope: PageScope, user: PageUser):
    chosen, filters = ledger_filters.from_params(request.query_params)
    state = filters.status if filters.status in STATES else None
    tasks = service.list_tasks(session=session, scope=scope, filters=filters)
    found = views.rows(session, tasks)
    shown = [t for t in views.ordered(tasks, found) if state in (None, found[t.id].state.state)]
    return render(request, "supervision/tasks.html", {
        "tasks": shown, "rows": found, "tally": counts(r.state.state for r in found.values()),
        "states": STATES, "can_supervise": can_supervise(user.role),
        **ledger_context(session, "/tasks", chosen, STATES)})


@router.get("/tasks/export.xlsx")
def task_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = ledger_filters.from_params(request.query_params)
    return xlsx_attachment(service.export_tasks(session=session, scope=scope, filters=filters), "任务分解表.xlsx")


def detail(request: Request, session, user, scope, task_id: int, errors: dict | None = None,
            status_code: int = 200):
    task = service.get_task(session, task_id, scope)
    row = views.rows(session, [task])[task.id]
    relation = service.relation(scope, task)
    return render(request, "supervision/task.html", {
        "task": task, "row": row, "reports": progress.reports_of(session, task),
        "closures": progress.closures_of(session, task), "relation": relation,
        "can_report": relation in ("lead", "partner") or (can_supervise(user.role) and task.lead_unit_id),
        "can_close": can_request_closure(relation), "can_supervise": can_supervise(user.role),
        "period": period_of(_settings_today()), "errors": errors or {}, "units": org.list_units(session),
        "escalations": _escalations(session, task),
    }, status_code=status_code)


def _escalations(session, task) -> list:
    return escalations.of_task(session, task)


@router.get("/tasks/{task_id:int}")
def task_detail(request: Request, task_id: int, session: SessionDep, scope: PageScope, user: PageUser):
    return detail(request, session, user, scope, task_id)


async def _uploads(form) -> list[tuple[str, bytes]]:
    found = []
    for item in form.getlist("files")[:evidence.MAX_FILES + 1]:
        if hasattr(item, "read") and item.filename:
            found.append((item.filename, await item.read(evidence.MAX_FILE_BYTES + 1)))
    return found


# What a task page says after each of its forms saved (shown once, zhenxing.web.flash).
SAVED = {"report": "进展已报送", "closure": "销号申请已提交，等待督查室审核", "confirmed": "已确认销号",
         "refused": "已退回销号申请", "edit": "已保存", "reply": "督办单已回复"}


def _post(request, session, user, scope, task_id, action, done):
    try:
        action()
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        session.rollback()
        return detail(request, session, user, scope, task_id, {error.field or "_": error.message},
                       status_code=error.status_code)
    return saved(request, f"/tasks/{task_id}", SAVED.get(done, "已保存"))


def _int(raw, field: str, label: str) -> int | None:
    raw = str(raw or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 3:
        raise Rejected(f"{label}须为 0–100 的整数", field=field)
    return int(raw)


@router.post("/tasks/{task_id:int}/reports")
async def file_report(request: Request, task_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)
    uploads = await _uploads(form)

    def action():
        ticked = tuple(int(v) for v in form.getlist("milestones_done") if str(v).isdigit() and len(str(v)) < 19)
        data = progress.ReportData(str(form.get("period") or ""), str(form.get("progress") or ""),
                                   _int(form.get("percent"), "percent", "完成进度"), str(form.get("next_steps") or ""),
                                   ticked)
        progress.file_report(session=session, actor=user, scope=scope, task_id=task_id, data=data, uploads=uploads)
    return _post(request, session, user, scope, task_id, action, "report")


@router.post("/tasks/{task_id:int}/closure")
async def request_closure(request: Request, task_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)
    uploads = await _uploads(form)
    return _post(request, session, user, scope, task_id, lambda: progress.request_closure(
        session=session, actor=user, scope=scope, task_id=task_id, note=str(form.get("note") or ""),
        uploads=uploads), "closure")


@router.post("/tasks/{task_id:int}/closure/decision")
async def decide_closure(request: Request, task_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)
    confirm = form.get("decision") == "confirm"
    return _post(request, session, user, scope, task_id, lambda: progress.decide_closure(
        session=session, actor=user, task_id=task_id, confirm=confirm, reason=str(form.get("reason") or "")),
        "confirmed" if confirm else "refused")


@router.post("/tasks/{task_id:int}/edit")
async def edit_task(request: Request, task_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)

    def action():
        # Only what the post carries changes; the form sends an empty partner_unit_ids so that "none ticked"
        # is told apart from "not on this form".
        changes: dict = carried(form, ("deadline", "lead_unit_id"))
        if "lead_unit_id" in changes:
            lead = changes["lead_unit_id"]
            changes["lead_unit_id"] = int(lead) if lead.isdigit() and len(lead) < 19 else None
        partners = ([int(v) for v in form.getlist("partner_unit_ids") if str(v).isdigit() and len(str(v)) < 19]
                    if "partner_unit_ids" in form else None)
        service.update_task(session=session, actor=user, task_id=task_id, changes=changes, partner_unit_ids=partners)
    return _post(request, session, user, scope, task_id, action, "edit")


@router.get("/task-files/{file_id:int}")
def download_file(file_id: int, session: SessionDep, scope: PageScope) -> Response:
    row = progress.get_file(session, scope, file_id)
    return Response(row.data, media_type=row.content_type,
                    headers=attachment(row.filename, evidence.ascii_name(row.filename)))
