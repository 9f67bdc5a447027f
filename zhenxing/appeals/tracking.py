"""The requester's side, without login: the tracking number and the last four digits of the phone open
the appeal's status, the reply and the rating form. Nothing personal is shown."""

from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.appeals import service
from zhenxing.appeals.machine import RESULTS
from zhenxing.appeals.masking import last_four
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.ratings import LEVELS
from zhenxing.appeals.schemas import EventRequest
from zhenxing.errors import NotFound

# What the requester is told of each status an appeal reaches (a return to the centre is internal).
PUBLIC_STATUS = {"dispatched": "已派单", "accepted": "承办单位已签收，正在办理", "reopened": "重新办理",
                 "replied": "已答复，请评价", "rated": "已评价", "closed": "已办结", "merged": "已与同类诉求合并办理"}


def find(session: Session, *, tracking_no: str, last4: str) -> Appeal:
    """The same answer for a wrong number and a wrong phone: nobody learns which numbers exist."""
    appeal = session.scalar(select(Appeal).where(Appeal.tracking_no == tracking_no.strip()))
    if appeal is None or not appeal.requester_phone or last_four(appeal.requester_phone) != last4:
        raise NotFound("未找到该诉求：请核对受理编号和手机号后四位", field="tracking_no")
    return appeal


def public_view(*, session: Session, tracking_no: str, last4: str) -> dict:
    appeal = find(session, tracking_no=tracking_no, last4=last4)
    steps = []
    for event in service.timeline(session=session, appeal=appeal):
        status = (event.changes or {}).get("status", [None, None])[1]
        label = "已受理" if event.action == "create" else PUBLIC_STATUS.get(status or "")
        if label and (not steps or steps[-1]["label"] != label):
            steps.append({"at": event.at, "label": label})
    return {
        "tracking_no": appeal.tracking_no, "status": appeal.status, "status_label": appeal.status_label,
        "category": appeal.category.name, "received_at": appeal.received_at, "handler": appeal.handler_name,
        "reply_result": RESULTS.get(appeal.reply_result or "", ""), "reply_text": appeal.reply_text,
        "replied_at": appeal.replied_at, "can_rate": appeal.status == "replied",
        "rating": LEVELS.get(appeal.rating_level or 0), "rating_defaulted": appeal.rating_defaulted,
        "steps": steps, "levels": LEVELS,
    }


def rate(*, session: Session, tracking_no: str, last4: str, level: int, comment: str, now: datetime) -> Appeal:
    appeal = find(session, tracking_no=tracking_no, last4=last4)
    requester = SimpleNamespace(id=None, name="诉求人", role="")  # named on the timeline, no account
    return service.act(session=session, actor=requester, scope=None, appeal_id=appeal.id, as_requester=True,
                       request=EventRequest(event="rate", level=level, reason=comment), now=now)
