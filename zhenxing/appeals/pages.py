"""Pages of the appeals loop for staff: the centre's queues and bulk dispatch, a unit's inbox, the hotline
agent's fast form, an appeal with its timeline and the actions the reader may take, and photos.

Thin: read the request, call the services, render. Refusals are shown on the page they came from."""

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.appeals import catalogue, links, queries, service, stats
from zhenxing.appeals import settings as loop
from zhenxing.appeals.intake import Draft
from zhenxing.appeals.machine import ACTORS, BEIJING, EVENTS, RESULTS, STATUSES, offered_events
from zhenxing.appeals.models import CHANNELS, AppealPhoto
from zhenxing.appeals.ratings import LEVELS
from zhenxing.appeals.schemas import AppealCreate, EventRequest
from zhenxing.appeals.timerules import TYPES, URGENCIES
from zhenxing.audit import now_utc
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_file_appeal, is_centre
from zhenxing.errors import DomainError, Forbidden, NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.projects.models import Project
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import read_form
from zhenxing.web.params import Key, Words
from zhenxing.web.templating import render, templates

router = APIRouter()


def beijing_time(moment) -> str:
    """A stored instant as people read it: Beijing time, to the minute."""
    if not moment:
        return ""
    return (moment.astimezone(BEIJING) if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M")


templates.env.filters["bj_time"] = beijing_time
CENTRE_QUEUES = ("new", "returned", "extension", "overdue", "awaiting_rating", "to_close", "bad_rating")
UNIT_QUEUES = ("to_accept", "handling", "due_soon", "overdue", "escalated")
FILTER_KEYS = ("queue", "status", "unit_id", "region_id", "category_id", "channel", "month", "q")


async def _form(request: Request) -> dict[str, Any]:
    return dict(await read_form(request))


FormData = Annotated[dict[str, Any], Depends(_form)]


def _int(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 19 else None


def _choices(session: Session) -> dict[str, Any]:
    return {"units": [(u.id, u.name) for u in org.list_units(session)],
            "regions": [(r.id, r.name) for r in org.list_regions(session)],
            "counties": [(r.id, r.name) for r in org.list_regions(session) if r.kind in {"county", "district", "zone"}],
            "categories": catalogue.list_categories(session, active_only=True), "channels": CHANNELS,
            "statuses": STATUSES, "types": TYPES, "urgencies": URGENCIES, "levels": LEVELS, "results": RESULTS}


def parse_filters(params) -> queries.Filters:
    def text(key: str) -> str | None:
        return (params.get(key) or "").strip()[:50] or None

    return queries.Filters(queue=text("queue"), status=text("status"), unit_id=_int(params.get("unit_id")),
                           region_id=_int(params.get("region_id")), category_id=_int(params.get("category_id")),
                           channel=text("channel"), month=text("month"), q=text("q"))


@router.get("/appeals")
def appeal_list(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    params, now = request.query_params, now_utc()
    centre = is_centre(user.role)
    tabs = CENTRE_QUEUES if centre else UNIT_QUEUES if user.role == "unit" else ()
    filters = parse_filters(params)
    rows, total = queries.list_appeals(session=session, scope=scope, filters=filters, now=now,
                                       page=_int(params.get("page")) or 1, per_page=50)
    calendar = loop.calendar(session)
    chosen = {key: (params.get(key) or "").strip() for key in FILTER_KEYS}
    return render(request, "appeals/list.html", {
        "rows": [queries.read(a, masked=True, now=now, calendar=calendar) for a in rows], "total": total,
        "tabs": [(key, queries.QUEUES[key]) for key in tabs], "centre": centre,
        "counts": queries.queue_counts(session=session, scope=scope, now=now, queues=tabs),
        "chosen": chosen, "query": urlencode({k: v for k, v in chosen.items() if v}),
        "can_file": can_file_appeal(user.role), **_choices(session),
    })


@router.post("/appeals/bulk-dispatch")
def bulk_dispatch(request: Request, session: SessionDep, user: PageUser, scope: PageScope,
                  form: FormData) -> Response:
    """Dispatch the chosen appeals to one unit (or county) at once; each is its own audited step."""
    ids = [i for i in (_int(v) for v in (form.get("ids") or "").split(",")) if i][:200]
    done, refused = 0, []
    for appeal_id in ids:
        try:
            with session.begin_nested():
                service.act(session=session, actor=user, scope=scope, appeal_id=appeal_id, now=now_utc(),
                            request=EventRequest(event="dispatch", unit_id=_int(form.get("unit_id")),
                                                 handler_region_id=_int(form.get("handler_region_id"))))
            done += 1
        except DomainError as error:
            refused.append(f"{appeal_id}：{error.message}")
    message = f"已派单 {done} 件" + (f"；未派 {len(refused)} 件（{'；'.join(refused[:3])}）" if refused else "")
    return saved(request, "/appeals?queue=new", message)


# ---- the hotline agent's form -----------------------------------------------------------------------------

@router.get("/appeals/new")
def new_form(request: Request, session: SessionDep, user: PageUser) -> Response:
    if not can_file_appeal(user.role):
        raise Forbidden("只有热线中心或项目管家可以登记诉求")
    return render(request, "appeals/new.html", {"values": {"channel": "phone", "type": "complaint",
                                                          "urgency": "normal"}, "errors": {}, **_choices(session)})


@router.post("/appeals/new")
def create(request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    if not can_file_appeal(user.role):
        raise Forbidden("只有热线中心或项目管家可以登记诉求")
    values = {k: v for k, v in form.items() if k != "csrf_token" and isinstance(v, str)}
    try:
        data = AppealCreate(**{k: v for k, v in values.items() if v != "" and k in AppealCreate.model_fields})
        if user.role == "steward":
            data = data.model_copy(update={"channel": "steward", "requester_kind": "enterprise"})
        taken = request.app.state.intake.submit(Draft(data, filed_by_user_id=user.id, actor_name=user.name,
                                                      filed_by_person_id=user.person_id))
        if taken.error:
            raise taken.error
    except ValidationError as error:
        errors = {".".join(str(p) for p in e["loc"]): e["msg"] for e in error.errors()}
        return render(request, "appeals/new.html", {"values": values, "errors": errors, **_choices(session)}, 422)
    except DomainError as error:
        return render(request, "appeals/new.html", {"values": values, "errors": {error.field or "_": error.message},
                                                    **_choices(session)}, 422)
    return RedirectResponse(f"/appeals/{taken.id}?created=1", status_code=303)


@router.get("/appeals/_caller")
def caller(request: Request, session: SessionDep, user: PageUser, phone: Key = "") -> Response:
    """The caller's earlier appeals by phone (the centre only)."""
    rows = queries.earlier_by_phone(session=session, phone=phone[:20]) if is_centre(user.role) else []
    return render(request, "appeals/_caller.html", {"rows": rows})


@router.get("/appeals/_assist")
def assist(request: Request, session: SessionDep, user: PageUser,
           description: Annotated[str, Query(max_length=4000)] = "", category_code: Key = "",
           requester_phone: Key = "", address: Words = "") -> Response:
    """Suggested category and unit from the text, and likely duplicates, while the agent types."""
    text = description[:4000]
    suggestion, category = queries.suggestion(session=session, text=text) if len(text) >= 2 else (None, None)
    chosen = next((c for c in catalogue.list_categories(session) if c.code == category_code[:20]), None)
    found = queries.likely_duplicates(session=session, now=now_utc(), draft={
        "description": text, "category_id": chosen.id if chosen else (category.id if category else None),
        "requester_phone": "".join(ch for ch in requester_phone if ch.isdigit())[:20], "address": address[:200],
    }) if is_centre(user.role) and text else []
    units = dict(_choices(session)["units"])
    return render(request, "appeals/_assist.html", {
        "suggestion": suggestion, "category": category,
        "unit_name": units.get(suggestion.unit_id) if suggestion else None,
        "duplicates": found})


# ---- one appeal --------------------------------------------------------------------------------------------

def _detail(request: Request, session: Session, user: User, scope: Scope, appeal_id: int, *,
            error: str = "", status: int = 200) -> Response:
    appeal = service.get_appeal(session=session, scope=scope, appeal_id=appeal_id)
    now, calendar = now_utc(), loop.calendar(session)
    full = service.view_of(scope, appeal) == "full"
    if full:
        service.log_unmasked(session, actor=user, appeal=appeal, where="诉求页面")
    actor = service.actor_kind(scope, appeal)
    events = offered_events(service.snapshot(appeal), actor)
    return render(request, "appeals/detail.html", {
        "appeal": appeal, "view": queries.read(appeal, masked=not full, now=now, calendar=calendar),
        "timeline": service.timeline(session=session, appeal=appeal), "events": events, "EVENTS": EVENTS,
        "actor": actor, "actor_label": ACTORS[actor], "error": error, "centre": is_centre(user.role),
        "photos": session.query(AppealPhoto.id).filter(AppealPhoto.appeal_id == appeal.id).all() if full else [],
        "duplicates": queries.likely_duplicates(session=session, appeal=appeal, now=now)
        if is_centre(user.role) and appeal.status == "received" else [],
        "project_suggestions": links.suggested_projects(session, appeal)
        if is_centre(user.role) and appeal.project_id is None and appeal.status not in {"closed", "merged"} else [],
        "project": session.get(Project, appeal.project_id) if appeal.project_id else None,
        "created": request.query_params.get("created"), **_choices(session),
    }, status_code=status)


@router.get("/appeals/{appeal_id}")
def detail(appeal_id: int, request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    return _detail(request, session, user, scope, appeal_id)


@router.post("/appeals/{appeal_id}/events")
def make_event(appeal_id: int, request: Request, session: SessionDep, user: PageUser, scope: PageScope,
               form: FormData) -> Response:
    try:
        data = EventRequest(event=str(form.get("event") or ""), reason=str(form.get("reason") or ""),
                            unit_id=_int(form.get("unit_id")), handler_region_id=_int(form.get("handler_region_id")),
                            partner_unit_ids=[i for i in (_int(v) for v in str(form.get("partners") or "").split(","))
                                              if i],
                            result=form.get("result") or None, level=_int(form.get("level")),
                            extension_days=_int(form.get("extension_days")), target_id=_int(form.get("target_id")))
        with session.begin_nested():
            service.act(session=session, actor=user, scope=scope, appeal_id=appeal_id, request=data, now=now_utc())
    except ValidationError as error:
        return _detail(request, session, user, scope, appeal_id, error=error.errors()[0]["msg"], status=422)
    except DomainError as error:
        if isinstance(error, NotFound):
            raise
        return _detail(request, session, user, scope, appeal_id, error=error.message, status=error.status_code)
    done = EVENTS[data.event].label if data.event in EVENTS else "办理"
    return saved(request, f"/appeals/{appeal_id}", f"已{done}" if not done.startswith("已") else done)


@router.post("/appeals/{appeal_id}/plus-one")
def plus_one(appeal_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    if not is_centre(user.role):
        raise Forbidden("只有热线中心可以记录“+1”")
    service.plus_one(session=session, actor=user, appeal_id=appeal_id)
    return saved(request, f"/appeals/{appeal_id}", "已记录“+1”（又一位群众反映同一件事）")


@router.post("/appeals/{appeal_id}/project")
def link_project(appeal_id: int, request: Request, session: SessionDep, user: PageUser, scope: PageScope,
                 form: FormData) -> Response:
    """Link the appeal to a key project (chosen from the suggestions, or by the project's code); while
    unresolved it stands on the project's problem list."""
    code = str(form.get("project_code") or "").strip()[:40]
    project_id = _int(form.get("project_id"))
    try:
        with session.begin_nested():
            if project_id is None and code:
                found = session.scalar(select(Project.id).where(Project.code == code))
                if found is None:
                    raise NotFound(f"没有编号为“{code}”的重点项目", field="project_code")
                project_id = found
            if project_id is None:
                raise Rejected("请选择要关联的重点项目，或填写项目编号", field="project_code")
            links.link_project(session=session, actor=user, scope=scope, appeal_id=appeal_id,
                               project_id=project_id, now=now_utc())
    except DomainError as error:
        if isinstance(error, Forbidden):
            raise
        return _detail(request, session, user, scope, appeal_id, error=error.message, status=error.status_code)
    return saved(request, f"/appeals/{appeal_id}", "已关联重点项目")


@router.get("/appeals/{appeal_id}/supervision-order.docx")
def supervision_order(appeal_id: int, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    """The 督办单 of an escalated appeal (.docx), for the centre and the handling unit."""
    from zhenxing.appeals import documents
    from zhenxing.outputs.web import document_response

    appeal = service.get_appeal(session=session, scope=scope, appeal_id=appeal_id)
    if service.view_of(scope, appeal) != "full":
        raise Forbidden("督办单只对热线中心和承办单位提供")
    return document_response(documents.order_docx(session, appeal, now_utc()), documents.order_filename(appeal),
                             fallback=f"supervision-order-{appeal.tracking_no}.docx")


@router.get("/appeals/{appeal_id}/photos/{photo_id}")
def photo(appeal_id: int, photo_id: int, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    appeal = service.get_appeal(session=session, scope=scope, appeal_id=appeal_id)
    if service.view_of(scope, appeal) != "full":
        raise Forbidden("照片只对热线中心和承办单位可见")
    found = session.get(AppealPhoto, photo_id)
    if found is None or found.appeal_id != appeal.id:
        raise NotFound(f"照片 {photo_id} 不存在")
    return Response(found.data, media_type=found.content_type,
                    headers={"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"})


def stats_context(session: Session, scope: Scope, params) -> dict:
    by = params.get("by") if params.get("by") in stats.DIMENSIONS else "unit"
    start, end = (params.get("start") or "")[:7] or None, (params.get("end") or "")[:7] or None
    return {"table": stats.table(session=session, scope=scope, by=by, start=start, end=end), "by": by,
            "start": start or "", "end": end or "", "dimensions": stats.DIMENSIONS}
