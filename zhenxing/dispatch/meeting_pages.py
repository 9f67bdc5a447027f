"""Pages of the dispatch meeting (调度会): the list and a new meeting, a meeting's agenda with its decisions
recorded as it runs, the pack in one click, and the decisions a unit or county must carry out."""

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from zhenxing.auth.policy import can_manage
from zhenxing.dispatch import meetings, pack
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.meeting_rules import DECISION_ACTIONS, DECISION_KINDS, MEETING_STATUSES
from zhenxing.dispatch.pages import reporting_period
from zhenxing.errors import NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.outputs.web import document_response
from zhenxing.periods import period_label
from zhenxing.projects import forms as ledger_forms
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import flash, saved
from zhenxing.web.forms import form_limits, read_form
from zhenxing.web.templating import render

router = APIRouter()


def _id(raw: object) -> int | None:
    text = str(raw or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def _list_page(request: Request, session, user, values: dict, error: str | None = None, status: int = 200):
    return render(request, "dispatch/meetings.html", {
        "meetings": meetings.list_meetings(session, user), "statuses": MEETING_STATUSES, "values": values,
        "error": error, "office": can_manage(user.role)}, status_code=status)


@router.get("/meetings")
def meeting_list(request: Request, session: SessionDep, user: PageUser) -> Response:
    period = reporting_period({})
    return _list_page(request, session, user, {"period": str(period), "held_on": local_date().isoformat(),
                                               "title": f"{period_label(period)}重点项目调度会"})


@router.post("/meetings")
async def create(request: Request, session: SessionDep, user: PageUser) -> Response:
    form = await read_form(request)
    values = {key: str(form.get(key, "")) for key in ("period", "held_on", "title", "location", "chair")}
    try:
        try:
            held_on = date.fromisoformat(values["held_on"])
        except ValueError:
            raise Rejected("请填写会议日期", field="held_on") from None
        meeting = meetings.create_meeting(session, actor=user, period=values["period"], held_on=held_on,
                                          title=values["title"], location=values["location"], chair=values["chair"])
    except Rejected as error:
        session.rollback()
        return _list_page(request, session, user, values, error.message, 422)
    return saved(request, f"/meetings/{meeting.id}", "已安排调度会，议程已按本期数据生成")


def _detail(request: Request, session, user, meeting_id: int, values: dict | None = None,
            error: str | None = None, status: int = 200) -> Response:
    meeting = meetings.get_meeting(session, user, meeting_id)
    agenda = meetings.agenda_of(session, user, meeting_id)
    return render(request, "dispatch/meeting.html", {
        "m": meeting, "a": agenda, "statuses": MEETING_STATUSES, "office": can_manage(user.role),
        "decisions": [meetings.decision_row(d, local_date()) for d in meeting.decisions], "kinds": DECISION_KINDS,
        "units": org.list_units(session), "regions": ledger_forms.region_choices(org.list_regions(session)),
        "values": values or {"kind": "task"}, "error": error, "actions": DECISION_ACTIONS,
        "light_names": pack.LIGHT_NAMES}, status_code=status)


@router.get("/meetings/decisions")
def my_decisions(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    show_all = request.query_params.get("all") == "1"
    rows = [meetings.decision_row(d, local_date()) for d in meetings.decisions_for(session, scope,
                                                                                   open_only=not show_all)]
    return render(request, "dispatch/decisions.html", {"rows": rows, "show_all": show_all,
                                                       "office": can_manage(user.role)})


@router.get("/meetings/{meeting_id}")
def detail(meeting_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    return _detail(request, session, user, meeting_id)


@router.post("/meetings/{meeting_id}/decisions")
@form_limits(text=("议定事项", 1000))
async def add_decision(meeting_id: int, request: Request, session: SessionDep, user: PageUser,
                       scope: PageScope) -> Response:
    form = await read_form(request)
    values = {key: str(form.get(key, "")) for key in ("text", "kind", "unit_id", "region_id", "project_id", "due_on")}
    try:
        due_on = None
        if values["due_on"]:
            try:
                due_on = date.fromisoformat(values["due_on"])
            except ValueError:
                raise Rejected("办理时限不是有效日期", field="due_on") from None
        decision = meetings.add_decision(session, actor=user, scope=scope, meeting_id=meeting_id,
                                         text=values["text"], kind=values["kind"] or "task",
                                         unit_id=_id(values["unit_id"]), region_id=_id(values["region_id"]),
                                         project_id=_id(values["project_id"]), due_on=due_on)
    except (Rejected, NotFound) as error:
        session.rollback()
        return _detail(request, session, user, meeting_id, values, error.message, 422)
    return saved(request, f"/meetings/{meeting_id}#decisions",
                 f"已记录议定事项，时限 {decision.due_on.isoformat()}")


@router.post("/meetings/{meeting_id}/hold")
async def hold(meeting_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    form = await read_form(request)
    try:
        meetings.hold_meeting(session, actor=user, meeting_id=meeting_id, notes=str(form.get("notes", "")))
    except Rejected as error:
        session.rollback()
        flash(request, error.message)
        return saved(request, f"/meetings/{meeting_id}", "未修改")
    return saved(request, f"/meetings/{meeting_id}", "会议已召开，议程定稿")


@router.post("/meetings/decisions/{decision_id}/act")
@form_limits(note=("办理说明", 1000))
async def act(decision_id: int, request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    form = await read_form(request)
    back = str(form.get("back", ""))
    back = back if back.startswith("/meetings") and len(back) < 200 else "/meetings/decisions"
    action = str(form.get("action", ""))[:20]
    try:
        meetings.act_on_decision(session, actor=user, scope=scope, decision_id=decision_id, action=action,
                                 note=str(form.get("note", "")))
    except Rejected as error:
        session.rollback()
        flash(request, f"未办理：{error.message}")
        return saved(request, back, "请修改后重试")
    return saved(request, back, f"已{DECISION_ACTIONS.get(action, '办理')}")


@router.get("/meetings/{meeting_id}/pack.docx")
def pack_docx(meeting_id: int, session: SessionDep, user: PageUser) -> Response:
    content = pack.pack_content(meetings.agenda_of(session, user, meeting_id))
    return document_response(pack.pack_docx(content), f"{content.title}.docx")


@router.get("/meetings/{meeting_id}/pack.xlsx")
def pack_xlsx(meeting_id: int, session: SessionDep, user: PageUser) -> Response:
    agenda = meetings.agenda_of(session, user, meeting_id)
    return document_response(pack.pack_xlsx(agenda), f"{agenda['meeting']['period_label']}调度会附表.xlsx")
