"""Pages of the task decomposition (任务分解表): filters by year, lead unit and status, and the export."""

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from zhenxing import ledger_filters
from zhenxing.documents.api import xlsx_attachment
from zhenxing.org import service as org
from zhenxing.tasks import service
from zhenxing.tasks.models import TASK_STATUSES
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/tasks")
def task_list(request: Request, session: SessionDep, scope: PageScope):
    chosen, filters = ledger_filters.from_params(request.query_params)
    rows = service.list_tasks(session=session, scope=scope, filters=filters)
    query = urlencode({k: v for k, v in chosen.items() if v})
    return render(request, "documents/tasks.html", {
        "tasks": rows, "chosen": chosen, "units": org.list_units(session), "statuses": TASK_STATUSES,
        "export": f"/tasks/export.xlsx?{query}", "back": f"/tasks?{query}",
    })


@router.get("/tasks/export.xlsx")
def task_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = ledger_filters.from_params(request.query_params)
    return xlsx_attachment(service.export_tasks(session=session, scope=scope, filters=filters), "任务分解表.xlsx")


@router.post("/tasks/{task_id:int}/status")
async def task_status(request: Request, task_id: int, session: SessionDep, user: PageUser):
    form = await request.form()
    service.update_task(session=session, actor=user, task_id=task_id,
                        changes={"status": str(form.get("status") or "")})
    back = str(form.get("back") or "")
    return RedirectResponse(back if back.startswith("/tasks") else "/tasks", status_code=303)
