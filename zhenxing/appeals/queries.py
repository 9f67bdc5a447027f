"""Lists of appeals: the centre's queues, a unit's inbox, filters, the caller's earlier appeals, duplicates,
suggestions, and the read model every interface shows (masked unless the reader handles the appeal)."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from zhenxing.appeals import duplicates, service
from zhenxing.appeals import settings as loop
from zhenxing.appeals.machine import HANDLING
from zhenxing.appeals.models import Appeal, AppealCategory, CampaignAppeal, KeywordDispatch
from zhenxing.appeals.suggest import Keyword, Suggestion, suggest
from zhenxing.auth.policy import Scope
from zhenxing.errors import Rejected
from zhenxing.followup import ladder

QUEUES = {
    "new": "新受理待派单",
    "returned": "退单待审",
    "extension": "延期待审批",
    "overdue": "已超期",
    "awaiting_rating": "待回访评价",
    "to_close": "待办结",
    "to_accept": "待签收",
    "handling": "办理中",
    "due_soon": "即将到期",
    "escalated": "督办中",
    "bad_rating": "差评待处理",
}


@dataclass
class Filters:
    queue: str | None = None
    status: str | None = None
    unit_id: int | None = None
    region_id: int | None = None
    category_id: int | None = None
    channel: str | None = None
    month: str | None = None
    campaign_id: int | None = None
    q: str | None = None


def soon_limit(session: Session, now: datetime) -> datetime:
    """An appeal is 即将到期 once its 办结 deadline is within the first warning step of the escalation ladder
    (one working day by default: the 黄牌): the deadlines at or before this moment."""
    warnings = [step for step in loop.ladder(session) if step.offset < 0]
    if not warnings:
        return now + timedelta(days=2)
    return loop.calendar(session).add_duration(now, -warnings[0].offset, warnings[0].unit)


def _queue(query: Select, queue: str, now: datetime, soon: datetime | None = None) -> Select:
    soon = soon or now + timedelta(days=2)
    conditions = {
        "new": Appeal.status == "received",
        "returned": Appeal.status == "returned",
        "extension": Appeal.extension_pending.is_(True),
        "overdue": (Appeal.status.in_(HANDLING)) & (Appeal.close_due < now),
        "awaiting_rating": Appeal.status == "replied",
        "to_close": Appeal.status == "rated",
        "to_accept": Appeal.status == "dispatched",
        "handling": Appeal.status.in_(("accepted", "reopened")),
        "due_soon": (Appeal.status.in_(HANDLING)) & (Appeal.close_due >= now) & (Appeal.close_due <= soon),
        "escalated": (Appeal.escalation_level > 0) & Appeal.status.notin_(("closed", "merged")),
        "bad_rating": (Appeal.rating_level >= 4)
        & (Appeal.rating_review.is_(None) | (Appeal.rating_review == "pending")),
    }
    if queue not in conditions:
        raise Rejected(f"队列“{queue}”无效，可选：{'、'.join(QUEUES)}", field="queue")
    return query.where(conditions[queue])


def select_appeals(scope: Scope, filters: Filters, now: datetime, soon: datetime | None = None) -> Select:
    query = service.scoped(select(Appeal), scope)
    if filters.queue:
        query = _queue(query, filters.queue, now, soon)
    for column, value in ((Appeal.status, filters.status), (Appeal.unit_id, filters.unit_id),
                          (Appeal.category_id, filters.category_id), (Appeal.channel, filters.channel),
                          (Appeal.month, filters.month)):
        if value not in (None, ""):
            query = query.where(column == value)
    if filters.region_id:
        query = query.where(or_(Appeal.region_id == filters.region_id,
                                Appeal.handler_region_id == filters.region_id))
    if filters.campaign_id:
        query = query.where(Appeal.id.in_(select(CampaignAppeal.appeal_id)
                                          .where(CampaignAppeal.campaign_id == filters.campaign_id)))
    if filters.q:
        like = f"%{filters.q.strip()[:50]}%"
        query = query.where(or_(Appeal.tracking_no.like(like), Appeal.description.like(like),
                                Appeal.title.like(like)))
    return query


def list_appeals(*, session: Session, scope: Scope, filters: Filters, now: datetime, page: int = 1,
                 per_page: int = 50) -> tuple[list[Appeal], int]:
    page, per_page = max(page, 1), min(max(per_page, 1), 200)
    query = select_appeals(scope, filters, now, soon_limit(session, now))
    total = session.scalar(select(func.count()).select_from(query.with_only_columns(Appeal.id).subquery())) or 0
    order = Appeal.close_due.asc() if filters.queue in {"overdue", "due_soon"} else Appeal.received_at.desc()
    rows = list(session.scalars(query.order_by(order, Appeal.id.desc()).limit(per_page)
                                .offset((page - 1) * per_page)).unique())
    return rows, total


def queue_counts(*, session: Session, scope: Scope, now: datetime, queues: tuple[str, ...]) -> dict[str, int]:
    counts, soon = {}, soon_limit(session, now)
    for queue in queues:
        query = _queue(service.scoped(select(func.count(Appeal.id)), scope), queue, now, soon)
        counts[queue] = session.scalar(query) or 0
    return counts


def card(appeal: Appeal, now: datetime, calendar) -> str | None:
    """黄牌 from one working day before the 办结 deadline, 红牌 from the deadline on (while handling): the
    shared ladder's card; the clock stops once the unit has answered."""
    if appeal.status not in HANDLING or appeal.close_due is None:
        return None
    return ladder.card(_aware(appeal.close_due), now, calendar)


def _aware(moment: datetime) -> datetime:
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read(appeal: Appeal, *, masked: bool, now: datetime, calendar) -> dict:
    return {
        **{name: getattr(appeal, name) for name in (
            "id", "tracking_no", "channel", "channel_label", "type", "urgency", "status", "status_label",
            "requester_kind", "company", "title", "description", "latitude", "longitude", "received_at",
            "accept_due", "close_due", "replied_at", "closed_at", "reply_result", "reply_text", "rating_level",
            "rating_defaulted", "escalation_level", "plus_ones", "merged_into_id", "project_id")},
        **service.personal(appeal, masked=masked),
        "latitude": None if masked else appeal.latitude, "longitude": None if masked else appeal.longitude,
        "category_code": appeal.category.code, "category_name": appeal.category.name,
        "region": appeal.region.name if appeal.region else None, "handler": appeal.handler_name,
        "masked": masked, "card": card(appeal, now, calendar),
    }


def earlier_by_phone(*, session: Session, phone: str, limit: int = 10) -> list[Appeal]:
    """The caller's earlier appeals, for the hotline agent's form."""
    phone = "".join(ch for ch in phone if ch.isdigit())
    if len(phone) < 7:
        return []
    return list(session.scalars(select(Appeal).where(Appeal.requester_phone == phone)
                                .order_by(Appeal.received_at.desc()).limit(limit)).unique())


def likely_duplicates(*, session: Session, appeal: Appeal | None = None, draft: dict | None = None,
                      now: datetime) -> list[tuple[Appeal, duplicates.Match]]:
    """Open appeals of the last N days that look like this one (or like a draft being typed)."""
    days = loop.current(session).duplicate_days
    source = draft or {name: getattr(appeal, name) for name in (
        "id", "received_at", "requester_phone", "category_id", "address", "latitude", "longitude", "description")}
    new = duplicates.Candidate(source.get("id") or 0, source.get("received_at") or now,
                               source.get("requester_phone") or "", source.get("category_id"),
                               source.get("address") or "", source.get("latitude"), source.get("longitude"),
                               source.get("description") or "")
    query = select(Appeal).where(Appeal.received_at >= now - timedelta(days=days),
                                 Appeal.status.notin_(("merged",)))
    near = [Appeal.category_id == new.category_id] if new.category_id else []
    if new.phone:
        near.append(Appeal.requester_phone == new.phone)
    if not near:
        return []
    rows = {a.id: a for a in session.scalars(query.where(or_(*near)).order_by(Appeal.id.desc()).limit(300)).unique()}
    candidates = [duplicates.Candidate(a.id, a.received_at, a.requester_phone, a.category_id, a.address,
                                       a.latitude, a.longitude, a.description) for a in rows.values()]
    return [(rows[m.id], m) for m in duplicates.likely_duplicates(new, candidates)]


def suggestion(*, session: Session, text: str) -> tuple[Suggestion, AppealCategory | None]:
    """Category and unit suggested from the text, learned from the units that accepted such appeals."""
    categories = list(session.scalars(select(AppealCategory).where(AppealCategory.active.is_(True))).unique())
    by_id = {c.id: c for c in categories}
    keywords = [Keyword(word, c.code) for c in categories for word in c.keyword_list]
    found = {k.word for k in keywords if k.word in text}
    history: dict[tuple[str, str], Counter] = {}
    if found:
        for row in session.scalars(select(KeywordDispatch).where(KeywordDispatch.keyword.in_(found))):
            if row.category_id in by_id:
                history.setdefault((row.keyword, by_id[row.category_id].code), Counter())[row.unit_id] += row.count
    result = suggest(text, keywords, default_units={c.code: c.default_unit_id for c in categories}, history=history)
    category = next((c for c in categories if c.code == result.category_code), None)
    return result, category
