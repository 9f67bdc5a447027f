"""The append-only audit trail: who, when, what, before → after."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, event, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, selectinload

from zhenxing import labels
from zhenxing.db import Base

ACTIONS = {
    "create": "新建",
    "update": "修改",
    "stage": "阶段变更",
    "import": "导入",
    "login": "登录",
    "login_failed": "登录失败",
    "denied": "越权拒绝",
    "review": "审核",
    "withdraw": "撤回",
    "delete": "删除",
    "appeal": "诉求流转",
    "view": "查看个人信息",
    "rules": "规则修改",
    "holiday": "节假日设置",
}


def now_utc() -> datetime:
    return datetime.now(UTC)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    # A user's latest event, for reading their own writes when lists read a replica (zhenxing.replica).
    __table_args__ = (Index("ix_audit_events_actor_at", "actor_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor_name: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(20), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict] = mapped_column(JSON, default=dict)

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def actor_label(self) -> str:
        """The actor as staff read it (张三（市发展改革委）), set by list_events; else the name recorded."""
        return self.__dict__.get("_actor_label") or self.actor_name


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_rewrite(*_args) -> None:
    raise RuntimeError("the audit trail is append-only")


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    """Fields whose value changed, as {field: [before, after]} in JSON-safe values."""
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record(
    session: Session,
    *,
    actor: Any | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    summary: str = "",
    changes: dict | None = None,
) -> AuditEvent:
    event_ = AuditEvent(
        actor_id=getattr(actor, "id", None),
        actor_name=getattr(actor, "name", "") or "系统",
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        changes=changes or {},
    )
    session.add(event_)
    return event_


def apply_changes(session: Session, *, actor: Any | None, row: Any, entity: str, changes: dict[str, Any],
                  snapshot: Callable[[Any], dict], label: Callable[[Any], str], action: str = "update",
                  refresh: bool = True) -> Any:
    """Set the checked changes on a row, then record what really changed as "{label}：field、field".

    The row is read back after the write unless `refresh` is False: for a snapshot that needs nothing
    the ORM does not already hold (no relationship that the change moved, no value the database computes).
    """
    before = snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    if refresh:
        session.refresh(row)
    changed = diff(before, snapshot(row))
    if changed:
        record(session, actor=actor, action=action, entity=entity, entity_id=row.id,
               summary=f"{label(row)}：{labels.field_list(entity, changed)}", changes=changed)
    return row


def last_event_at(session: Session, actor_id: int) -> datetime | None:
    """When this user last did anything the trail records (every change is recorded)."""
    at = session.scalar(select(func.max(AuditEvent.at)).where(AuditEvent.actor_id == actor_id))
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at  # SQLite hands back naive UTC


def list_events(
    session: Session,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    action: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if entity:
        query = query.where(AuditEvent.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEvent.entity_id == entity_id)
    if action:
        query = query.where(AuditEvent.action == action)
    events = list(session.scalars(query.limit(limit).offset(offset)))
    _label_actors(session, events)
    return events


def _label_actors(session: Session, events: list[AuditEvent]) -> None:
    """Each event's actor named as staff read it, from the account's person and unit (one query)."""
    from zhenxing.auth.models import User
    from zhenxing.auth.policy import user_label

    ids = {e.actor_id for e in events if e.actor_id is not None}
    if not ids:
        return
    users = {user.id: user for user in session.scalars(select(User).where(User.id.in_(ids))
                                                        .options(selectinload(User.person), selectinload(User.unit)))}
    for event_ in events:
        user = users.get(event_.actor_id)
        if user is not None and user.name == event_.actor_name:  # the account still named as when it acted
            event_.__dict__["_actor_label"] = user_label(user.name, user.role, user.person.name if user.person else "",
                                                         user.unit.name if user.unit else "")
