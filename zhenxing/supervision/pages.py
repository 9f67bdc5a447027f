"""Pages of the supervision office's work beyond the single task: answering a 督办单."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from zhenxing.errors import DomainError
from zhenxing.supervision import escalations
from zhenxing.web.deps import PageScope, PageUser, SessionDep

router = APIRouter()


@router.post("/supervision/notices/{escalation_id:int}/reply")
async def reply_notice(request: Request, escalation_id: int, session: SessionDep, user: PageUser, scope: PageScope):
    form = await request.form()
    row = escalations.get(session, escalation_id, scope)
    try:
        escalations.reply(session=session, actor=user, scope=scope, escalation_id=escalation_id,
                          text=str(form.get("reply") or ""))
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        session.rollback()
        from zhenxing.tasks.pages import _detail

        return _detail(request, session, user, scope, row.task_id, {error.field or "_": error.message},
                       status_code=error.status_code)
    return RedirectResponse(f"/tasks/{row.task_id}?done=reply", status_code=303)
