"""Pages of the lights (红黄绿灯): the period's list with counts and filters, computing, the office's overrides."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from zhenxing.auth.policy import can_manage
from zhenxing.dispatch import lights_service
from zhenxing.dispatch.lights import COLORS
from zhenxing.dispatch.pages import reporting_period
from zhenxing.errors import NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.periods import parse_period, period_label
from zhenxing.projects import forms as ledger_forms
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import flash, saved
from zhenxing.web.params import Key
from zhenxing.web.templating import render

router = APIRouter()


def _period(session, params):
    if params.get("period"):
        return reporting_period(params)
    computed = lights_service.periods_computed(session)
    return parse_period(computed[0]) if computed else reporting_period({})


@router.get("/lights")
def light_list(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    params = request.query_params
    period = _period(session, params)
    chosen = {"light": params.get("light") if params.get("light") in COLORS else "",
              "region_id": params.get("region_id", "")[:10], "q": (params.get("q") or "")[:100]}
    region_id = int(chosen["region_id"]) if chosen["region_id"].isdigit() else None
    page = int(params["page"]) if (params.get("page") or "").isdigit() and len(params["page"]) < 6 else 1
    rows, total, counts = lights_service.list_lights(
        session=session, scope=scope, period=period,
        filters=lights_service.LightFilters(chosen["light"] or None, region_id, chosen["q"] or None), page=page)
    return render(request, "dispatch/lights.html", {
        "period": period, "label": period_label(period), "rows": rows, "total": total, "counts": counts,
        "chosen": chosen, "colors": COLORS, "office": can_manage(user.role), "page": page,
        "regions": ledger_forms.region_choices(org.list_regions(session)),
        "computed": lights_service.periods_computed(session)[:24]})


@router.post("/lights/compute")
def compute(request: Request, session: SessionDep, user: PageUser, period: Annotated[str, Form()]) -> Response:
    value = parse_period(period)
    run = lights_service.compute_lights(session=session, period=value, actor=user)
    summary = "、".join(f"{COLORS[c]} {run.counts[c]}" for c in ("red", "yellow", "green", "grey"))
    return saved(request, f"/lights?period={value}", f"已计算{period_label(value)}红黄绿灯：{summary}；"
                                                     f"新增督办 {run.escalations} 项")


@router.post("/lights/{project_id}/{period}/override")
def override(project_id: int, period: Key, request: Request, session: SessionDep, user: PageUser,
             scope: PageScope, light: Annotated[str, Form()] = "", reason: Annotated[str, Form()] = "") -> Response:
    back = f"/lights?period={parse_period(period)}"
    try:
        lights_service.override_light(session=session, actor=user, scope=scope, project_id=project_id,
                                      period=period, light=light, reason=reason[:500])
    except (Rejected, NotFound) as error:
        session.rollback()
        flash(request, f"未调整：{error.message}")
        return saved(request, back, "请修改后重试")
    return saved(request, back, "已调整灯色（仅对本期有效）")


@router.post("/lights/{project_id}/{period}/clear")
def clear(project_id: int, period: Key, request: Request, session: SessionDep, user: PageUser,
          scope: PageScope) -> Response:
    lights_service.clear_override(session=session, actor=user, scope=scope, project_id=project_id, period=period)
    return saved(request, f"/lights?period={parse_period(period)}", "已撤销灯色调整")
