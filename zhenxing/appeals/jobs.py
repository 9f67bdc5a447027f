"""The loop's periodic work (`appeals.sweep`, every 10 minutes by the shared scheduler, or `zhenxing appeals
sweep` from cron), safe to run any number of times (each step checks before it acts):

- 即将到期: an appeal still being handled that reached a step of the `appeals.escalation` ladder before its
  办结 deadline (by default one working day before: the 黄牌) gets one warning on its timeline per deadline;
- 超期: missed 签收 and 办结 deadlines are judged (the appeal counts as late in the rates from then on);
- 默认评价: no verdict within the rating window counts as 基本满意, marked as defaulted;
- 督办: overdue appeals move up one 督办 level per ladder step after the deadline they reached (催办 1,
  督办 2, 通报 3 by default) — visible to the unit's inbox, its leader and the centre's 督办中 queue.
"""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals import service, tallies
from zhenxing.appeals import settings as loop
from zhenxing.appeals.machine import BEIJING, HANDLING
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.schemas import EventRequest
from zhenxing.followup.ladder import reached
from zhenxing.scheduler import register_job

BATCH = 500
EVERY = timedelta(minutes=10)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def warn_due_soon(session: Session, *, now: datetime) -> int:
    """One 即将到期 warning per 办结 deadline, once the first warning step before it has come."""
    steps = [step for step in loop.ladder(session) if step.offset < 0]
    if not steps:
        return 0
    calendar = loop.calendar(session)
    first = steps[0]
    # Only appeals whose deadline is near can have reached a step before it: the longest lead in the ladder,
    # counted generously (a working day can sit behind a long holiday), bounds the query.
    horizon = now + timedelta(days=max(2, abs(first.offset)) * (14 if first.unit == "workdays" else 1) + 14)
    query = (select(Appeal).where(Appeal.status.in_(HANDLING), Appeal.close_due > now,
                                  Appeal.close_due <= horizon)
             .order_by(Appeal.close_due).limit(BATCH * 4))
    warned = 0
    for appeal in session.scalars(query).unique():
        due = _aware(appeal.close_due)
        if appeal.warned_due is not None and _aware(appeal.warned_due) == due:
            continue
        if not reached(due, now, steps, calendar):
            continue
        appeal.warned_due = due
        local = due.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
        audit.record(session, actor=None, action="appeal", entity="appeal", entity_id=appeal.id,
                     summary=f"诉求 {appeal.tracking_no} 即将到期（{first.label}，黄牌）：办结期限 {local}，"
                             f"承办 {appeal.handler_name or '未定'}")
        warned += 1
        if warned >= BATCH:
            break
    session.flush()
    return warned


def judge_late(session: Session, *, now: datetime) -> int:
    """Mark the appeals whose 签收 or 办结 deadline passed without it (they count in the rates from then)."""
    count = 0
    late_accept = select(Appeal).where(Appeal.status == "dispatched", Appeal.accept_due < now,
                                       Appeal.accept_late.is_(None)).limit(BATCH)
    late_close = select(Appeal).where(Appeal.status.in_(HANDLING), Appeal.close_due < now,
                                      Appeal.close_late.is_(None)).limit(BATCH)
    for query, field in ((late_accept, "accept_late"), (late_close, "close_late")):
        for appeal in session.scalars(query).unique():
            before = tallies.facts_of(appeal)
            setattr(appeal, field, True)
            session.flush()
            tallies.apply(session, [(before, tallies.facts_of(appeal))])
            count += 1
    return count


def default_ratings(session: Session, *, now: datetime) -> int:
    """No verdict within the rating window counts as 基本满意, marked as defaulted."""
    due = select(Appeal.id).where(Appeal.status == "replied", Appeal.rating_due <= now).limit(BATCH)
    ids = list(session.scalars(due))
    for appeal_id in ids:
        service.act(session=session, actor=None, scope=None, appeal_id=appeal_id, now=now,
                    request=EventRequest(event="default_rate"))
    return len(ids)


def escalate(session: Session, *, now: datetime) -> int:
    """Raise the 督办 level of overdue appeals to the number of ladder steps after the deadline they reached;
    an appeal already at its level is left alone."""
    calendar = loop.calendar(session)
    steps = [step for step in loop.ladder(session) if step.offset >= 0]
    if not steps:
        return 0
    raised = 0
    query = select(Appeal).where(Appeal.status.in_(HANDLING), Appeal.close_due < now).limit(BATCH)
    for appeal in list(session.scalars(query).unique()):
        level = min(len(reached(_aware(appeal.close_due), now, steps, calendar)), len(steps))
        while appeal.escalation_level < level:
            step = steps[appeal.escalation_level]
            service.act(session=session, actor=None, scope=None, appeal_id=appeal.id, now=now,
                        request=EventRequest(event="escalate", reason=f"逾期{step.when[2:]}，{step.label}"))
            raised += 1
    return raised


def sweep(session: Session, *, now: datetime) -> dict[str, int]:
    return {"warned": warn_due_soon(session, now=now), "late": judge_late(session, now=now),
            "defaulted": default_ratings(session, now=now), "escalated": escalate(session, now=now)}


def _job(*, session: Session, now: datetime) -> str:
    done = sweep(session, now=now)
    return (f"临期提醒 {done['warned']} 件，超期判定 {done['late']} 件，默认评价 {done['defaulted']} 件，"
            f"督办升级 {done['escalated']} 次")


register_job("appeals.sweep", EVERY, _job, label="诉求临期提醒、超期判定、默认评价与督办升级")
