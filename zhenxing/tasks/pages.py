"""Pages of the task decomposition (任务分解表): filters by year, lead unit and status, and the export."""

from fastapi import APIRouter, Request

from zhenxing import ledger_filters
from zhenxing.documents.api import xlsx_attachment
from zhenxing.tasks import service
from zhenxing.tasks.models import TASK_STATUSES
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.ledger_pages import back_to, ledger_context
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/tasks")
def task_list(request: Request, session: SessionDep, scope: PageScope):
    chosen, filters = ledger_filters.from_params(request.query_params)
    rows = service.list_tasks(session=session, scope=scope, filters=filters)
    return render(request, "documents/tasks.html", {
        "tasks": rows, **ledger_context(session, "/tasks", chosen, TASK_STATUSES)})


@router.get("/tasks/export.xlsx")
def task_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = ledger_filters.from_params(request.query_params)
    return xlsx_attachment(service.export_tasks(session=session, scope=scope, filters=filters), "任务分解表.xlsx")


@router.post("/tasks/{task_id:int}/status")
async def task_status(request: Request, task_id: int, session: SessionDep, user: PageUser):
    form = await request.form()
    task = service.update_task(session=session, actor=user, task_id=task_id,
                               changes={"status": str(form.get("status") or "")})
    return back_to(form, "/tasks", request, f"已将任务 {task.year}-{task.number} 的状态改为“{task.status_label}”。")
