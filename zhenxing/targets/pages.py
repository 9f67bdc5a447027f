"""Pages of the target ledger (目标台账): filters by year, unit and status, and the export."""

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from zhenxing import ledger_filters
from zhenxing.documents.api import xlsx_attachment
from zhenxing.org import service as org
from zhenxing.targets import service
from zhenxing.targets.models import TARGET_STATUSES
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/targets")
def target_list(request: Request, session: SessionDep, scope: PageScope):
    chosen, filters = ledger_filters.from_params(request.query_params)
    rows = service.list_targets(session=session, scope=scope, filters=filters)
    query = urlencode({k: v for k, v in chosen.items() if v})
    return render(request, "documents/targets.html", {
        "targets": rows, "chosen": chosen, "units": org.list_units(session), "statuses": TARGET_STATUSES,
        "readings": service.list_readings(session=session, scope=scope), "export": f"/targets/export.xlsx?{query}",
        "back": f"/targets?{query}",
    })


@router.get("/targets/export.xlsx")
def target_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = ledger_filters.from_params(request.query_params)
    return xlsx_attachment(service.export_targets(session=session, scope=scope, filters=filters), "目标台账.xlsx")


@router.post("/targets/{target_id:int}/status")
async def target_status(request: Request, target_id: int, session: SessionDep, user: PageUser):
    form = await request.form()
    service.update_target(session=session, actor=user, target_id=target_id,
                          changes={"status": str(form.get("status") or "")})
    back = str(form.get("back") or "")
    return RedirectResponse(back if back.startswith("/targets") else "/targets", status_code=303)
