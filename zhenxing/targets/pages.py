"""Pages of the target ledger (目标台账): filters by year, unit and status, and the export."""

from fastapi import APIRouter, Request

from zhenxing import ledger_filters
from zhenxing.documents.api import xlsx_attachment
from zhenxing.targets import service
from zhenxing.targets.models import TARGET_STATUSES
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.ledger_pages import back_to, ledger_context
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/targets")
def target_list(request: Request, session: SessionDep, scope: PageScope):
    chosen, filters = ledger_filters.from_params(request.query_params)
    rows = service.list_targets(session=session, scope=scope, filters=filters)
    return render(request, "documents/targets.html", {
        "targets": rows, "readings": service.list_readings(session=session, scope=scope),
        **ledger_context(session, "/targets", chosen, TARGET_STATUSES),
    })


@router.get("/targets/export.xlsx")
def target_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = ledger_filters.from_params(request.query_params)
    return xlsx_attachment(service.export_targets(session=session, scope=scope, filters=filters), "目标台账.xlsx")


@router.post("/targets/{target_id:int}/status")
async def target_status(request: Request, target_id: int, session: SessionDep, user: PageUser):
    form = await request.form()
    target = service.update_target(session=session, actor=user, target_id=target_id,
                                   changes={"status": str(form.get("status") or "")})
    return back_to(form, "/targets", request, f"已将目标“{target.indicator}”的状态改为“{target.status_label}”。")
