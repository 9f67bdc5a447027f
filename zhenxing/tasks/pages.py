"""Pages of the task decomposition (任务分解表): filters by year, lead unit and status, and the export."""

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from zhenxing.documents.api import xlsx_attachment
from zhenxing.org import service as org
from zhenxing.tasks import service
from zhenxing.tasks.models import TASK_STATUSES
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.templating import render

router = APIRouter()


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _filters(request: Request) -> tuple[dict, service.TaskFilters]:
    params = request.query_params
    chosen = {key: params.get(key, "") for key in ("year", "lead_unit_id", "status", "q")}
    filters = service.TaskFilters(year=_int(chosen["year"]), lead_unit_id=_int(chosen["lead_unit_id"]),
                                  status=chosen["status"] or None, q=chosen["q"] or None)
    return chosen, filters


@router.get("/tasks")
def task_list(request: Request, session: SessionDep, scope: PageScope):
    chosen, filters = _filters(request)
    rows = service.list_tasks(session=session, scope=scope, filters=filters)
    query = urlencode({k: v for k, v in chosen.items() if v})
    return render(request, "documents/tasks.html", {
        "tasks": rows, "chosen": chosen, "units": org.list_units(session), "statuses": TASK_STATUSES,
        "export": f"/tasks/export.xlsx?{query}", "back": f"/tasks?{query}",
    })


@router.get("/tasks/export.xlsx")
def task_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = _filters(request)
    return xlsx_attachment(service.export_tasks(session=session, scope=scope, filters=filters), "任务分解表.xlsx")


@router.post("/tasks/{task_id:int}/status")
async def task_status(request: Request, task_id: int, session: SessionDep, user: PageUser):
    form = await request.form()
    service.update_task(session=session, actor=user, task_id=task_id,
                        changes={"status": str(form.get("status") or "")})
    back = str(form.get("back") or "")
    return RedirectResponse(back if back.startswith("/tasks") else "/tasks", status_code=303)
