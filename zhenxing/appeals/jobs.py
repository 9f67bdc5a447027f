"""The loop's periodic work, safe to run any number of times (each step checks before it acts):
judging missed 签收 and 办结 deadlines, default ratings after the rating window, and 督办 escalation
levels along the shared ladder (催办 → 督办 → 通报 after the 办结 deadline)."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.appeals import service, tallies
from zhenxing.appeals import settings as loop
from zhenxing.appeals.machine import HANDLING
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.schemas import EventRequest
from zhenxing.followup.ladder import DEFAULT_LADDER, reached

BATCH = 500


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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
    """Raise the 督办 level of overdue appeals to the number of ladder steps after the deadline they reached
    (催办 1, 督办 2, 通报 3); an appeal already at its level is left alone."""
    calendar = loop.calendar(session)
    steps = [step for step in DEFAULT_LADDER if step.offset > 0]
    raised = 0
    query = select(Appeal).where(Appeal.status.in_(HANDLING), Appeal.close_due < now).limit(BATCH)
    for appeal in list(session.scalars(query).unique()):
        level = len([s for s in reached(_aware(appeal.close_due), now, steps, calendar)])
        while appeal.escalation_level < level:
            step = steps[appeal.escalation_level]
            service.act(session=session, actor=None, scope=None, appeal_id=appeal.id, now=now,
                        request=EventRequest(event="escalate", reason=f"逾期{step.when[2:]}，{step.label}"))
            raised += 1
    return raised


def sweep(session: Session, *, now: datetime) -> dict[str, int]:
    return {"late": judge_late(session, now=now), "defaulted": default_ratings(session, now=now),
            "escalated": escalate(session, now=now)}
