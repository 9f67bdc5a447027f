"""The appeals' to-do items (我的待办), registered with the shared to-do list:

- a handling unit (a department, or a county/district for the appeals it takes by default, 兜底): every
  appeal it must act on — to 签收 (due at the 签收 deadline), being handled (due at the 办结 deadline), sent
  back for 重办 — red once overdue, yellow from one working day before (the 黄牌), and each 差评 it must
  rectify;
- the 12345 centre (hotline agents, admins): one item per queue that holds work — new appeals to dispatch,
  returns to decide, extension requests, overdue appeals, bad ratings awaiting review, rated appeals to
  close — linked to the queue's list.
"""

from datetime import datetime

from sqlalchemy import func, or_, select

from zhenxing.appeals import queries
from zhenxing.appeals import settings as loop
from zhenxing.appeals.machine import BEIJING, HANDLING
from zhenxing.appeals.models import Appeal
from zhenxing.audit import now_utc
from zhenxing.auth.policy import is_centre
from zhenxing.followup.ladder import card
from zhenxing.todo import TodoItem, register_source

MAX_APPEALS = 300
# queue → level of its item (overdue work is red; decisions others wait on are yellow)
CENTRE_QUEUES = {"overdue": "red", "returned": "yellow", "extension": "yellow", "new": "normal",
                 "bad_rating": "normal", "to_close": "normal"}
WHAT = {"dispatched": "签收", "accepted": "办理答复", "reopened": "重办答复", "returned": "等待中心处理退单"}


_TO_RECTIFY = (Appeal.rectify_due.is_not(None), Appeal.rating_level >= 4,
               Appeal.rating_review.is_distinct_from("excluded"), Appeal.status.notin_(("closed", "merged")))


def _handled_by(scope):
    """The appeals this unit or county handles itself (not merely those from its region)."""
    conditions = []
    if scope.unit_id is not None:
        conditions.append(Appeal.unit_id == scope.unit_id)
    if scope.region_ids:
        conditions.append(Appeal.handler_region_id.in_(scope.region_ids))
    return or_(*conditions) if conditions else None


def _local(moment: datetime):
    return (moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)).astimezone(BEIJING)


def _unit_items(session, scope, now: datetime) -> list[TodoItem]:
    mine = _handled_by(scope)
    if mine is None:
        return []
    calendar = loop.calendar(session)
    items = []
    acting = (select(Appeal).where(mine, Appeal.status.in_(HANDLING - {"returned"}))
              .order_by(Appeal.close_due.asc().nulls_last(), Appeal.id).limit(MAX_APPEALS))
    for appeal in session.scalars(acting).unique():
        due = appeal.accept_due if appeal.status == "dispatched" else appeal.close_due
        level = card(due, now, calendar) if due is not None else None
        title = f"{WHAT[appeal.status]} {appeal.tracking_no}（{appeal.category.name}）"
        detail = appeal.description[:60]
        if appeal.escalation_level:
            detail = f"已督办 {appeal.escalation_level} 级；{detail}"
        items.append(TodoItem("诉求", title, f"/appeals/{appeal.id}", _local(due).date() if due else None,
                              level or "normal", detail))
    rectify = select(Appeal).where(mine, *_TO_RECTIFY).order_by(Appeal.rectify_due).limit(MAX_APPEALS)
    for appeal in session.scalars(rectify).unique():
        due = _local(appeal.rectify_due)
        items.append(TodoItem("差评整改", f"整改 {appeal.tracking_no} 的差评", f"/appeals/{appeal.id}", due.date(),
                              "red" if appeal.rectify_due < now else "yellow", appeal.rating_comment[:60]))
    return items


def _centre_items(session, scope, now: datetime) -> list[TodoItem]:
    counts = queries.queue_counts(session=session, scope=scope, now=now, queues=tuple(CENTRE_QUEUES))
    return [TodoItem("诉求", f"{queries.QUEUES[queue]} {counts[queue]} 件", f"/appeals?queue={queue}", None, level)
            for queue, level in CENTRE_QUEUES.items() if counts[queue]]


def items(session, user, scope) -> list[TodoItem]:
    now = now_utc()
    if is_centre(user.role):
        return _centre_items(session, scope, now)
    if user.role == "unit":
        return _unit_items(session, scope, now)
    return []


def count(session, user, scope) -> int:
    if user.role == "unit":
        mine = _handled_by(scope)
        if mine is None:
            return 0
        acting = session.scalar(select(func.count(Appeal.id)).where(mine, Appeal.status.in_(HANDLING - {"returned"})))
        rectify = session.scalar(select(func.count(Appeal.id)).where(mine, *_TO_RECTIFY))
        return min(acting or 0, MAX_APPEALS) + min(rectify or 0, MAX_APPEALS)
    return len(items(session, user, scope))


register_source("appeals.inbox", "12345诉求", items, count=count)
