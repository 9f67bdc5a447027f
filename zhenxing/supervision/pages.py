"""Pages of the supervision office's work (督查督办): the office's board with the escalation queue, a lead
unit's own tasks, a leader's one screen, the unit scores (量督考纪) with their .xlsx, the monthly 督查通报 and
each 督办单 as .docx, and the answer to a 督办单."""


from fastapi import APIRouter, Request

from zhenxing.auth.policy import can_supervise
from zhenxing.errors import DomainError, Forbidden, Rejected
from zhenxing.outputs.web import document_response
from zhenxing.periods import parse_period, period_of, previous_period
from zhenxing.supervision import documents, escalations, scores, views
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import read_form
from zhenxing.web.templating import render

router = APIRouter()


def _year(request: Request) -> int | None:
    raw = request.query_params.get("year", "")
    return int(raw) if raw.isdigit() and len(raw) == 4 and 2000 <= int(raw) <= 2100 else None


def chosen_period(raw: str | None) -> str:
    """The period asked for, or the last finished month (the one a 通报 is written about)."""
    if not raw:
        return previous_period(period_of(_settings_today()))
    try:
        return parse_period(raw[:20])
    except Rejected:
        raise Rejected(f"期间“{raw[:20]}”须为 YYYY-MM（如 2025-09）", field="period") from None


@router.get("/supervision")
def home(request: Request, session: SessionDep, user: PageUser, scope: PageScope):
    """The office's board, a unit's own tasks, or a leader's screen, by role."""
    year = _year(request)
    if can_supervise(user.role) or user.role in ("admin",):
        context, name = views.board(session, scope, year), "supervision/board.html"
    elif user.role == "leader":
        context, name = views.leader(session, user, scope, year), "supervision/leader.html"
    elif user.role == "unit":
        context, name = views.mine(session, scope, year), "supervision/mine.html"
    else:
        raise Forbidden("督查督办页面供督查室、牵头单位和市领导使用")
    return render(request, name, {**context, "period": chosen_period(None), "can_supervise": can_supervise(user.role)})


@router.get("/supervision/scores")
def score_page(request: Request, session: SessionDep, user: PageUser, _scope: PageScope):
    period = chosen_period(request.query_params.get("period"))
    found = scores.table(session, period)
    return render(request, "supervision/scores.html", {"table": found, "period": period,
                                                       "measures": list(found.scheme.measures)})


@router.get("/supervision/scores.xlsx")
def score_export(request: Request, session: SessionDep, _user: PageUser, _scope: PageScope):
    period = chosen_period(request.query_params.get("period"))
    return document_response(scores.export(scores.table(session, period)), f"部门督查考核排名{period}.xlsx",
                             fallback=f"scores-{period}.xlsx")


@router.get("/supervision/bulletin.docx")
def bulletin(request: Request, session: SessionDep, user: PageUser, _scope: PageScope):
    if not (can_supervise(user.role) or user.role == "leader"):
        raise Forbidden("督查通报由督查室生成，市领导可以查阅")
    period = chosen_period(request.query_params.get("period"))
    return document_response(documents.bulletin_docx(session, period), f"督查通报{period}.docx",
                             fallback=f"bulletin-{period}.docx")


@router.get("/supervision/notices/{escalation_id:int}.docx")
def notice(escalation_id: int, session: SessionDep, _user: PageUser, scope: PageScope):
    row = escalations.get(session, escalation_id, scope)
    if row.action != "notice":
        raise Rejected("这一级督办没有督办单", field="escalation_id")
    return document_response(documents.notice_docx(session, row), f"督办单{row.number_text}.docx",
                             fallback=f"notice-{row.year}-{row.number}.docx")


@router.post("/supervision/notices/{escalation_id:int}/reply")
async def reply_notice(request: Request, escalation_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await read_form(request)
    row = escalations.get(session, escalation_id, scope)
    try:
        escalations.reply(session=session, actor=user, scope=scope, escalation_id=escalation_id,
                          text=str(form.get("reply") or ""))
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        session.rollback()
        from zhenxing.tasks.pages import detail

        return detail(request, session, user, scope, row.task_id, {error.field or "_": error.message},
                       status_code=error.status_code)
    return saved(request, f"/tasks/{row.task_id}", "督办单已回复")
