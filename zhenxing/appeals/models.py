"""Appeals (诉求/工单) of enterprises and citizens, the category catalogue, photos, statistics tallies,
campaigns and Open311 client keys."""

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from zhenxing.appeals.machine import STATUSES
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.org.models import Region, Unit

CHANNELS = {
    "phone": "12345电话",
    "web": "12345网站/APP",
    "huiqi": "惠企一站通",
    "snapshot": "随手拍",
    "reception": "市民接待日",
    "mailbox": "领导信箱",
    "open311": "开放接口",
    "steward": "项目管家",
}
REQUESTER_KINDS = {"citizen": "群众", "enterprise": "企业"}


class Moment(TypeDecorator):
    """An instant, always read back time-zone aware (SQLite hands back naive UTC; deadlines compare with now)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class AppealCategory(Base):
    """One entry of the catalogue the centre maintains (the Open311 service)."""

    __tablename__ = "appeal_categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    group: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(String(500), default="")
    default_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    keywords: Mapped[str] = mapped_column(String(1000), default="")  # space-separated
    questions: Mapped[list] = mapped_column(JSON, default=list)  # Open311 service-definition attributes
    reply_template: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    default_unit: Mapped[Unit | None] = relationship(lazy="joined")

    @property
    def keyword_list(self) -> list[str]:
        return [word for word in self.keywords.split() if word]


class Appeal(Base):
    __tablename__ = "appeals"
    __table_args__ = (
        Index("ix_appeals_status_received", "status", "received_at"),
        Index("ix_appeals_unit_status", "unit_id", "status"),
        Index("ix_appeals_ip_received", "ip_hash", "received_at"),
        Index("ix_appeals_phone_received", "requester_phone", "received_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tracking_no: Mapped[str] = mapped_column(String(20), unique=True)
    channel: Mapped[str] = mapped_column(String(12))
    type: Mapped[str] = mapped_column(String(12))
    urgency: Mapped[str] = mapped_column(String(8), default="normal")
    category_id: Mapped[int] = mapped_column(ForeignKey("appeal_categories.id"), index=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM of receipt, Beijing time

    requester_kind: Mapped[str] = mapped_column(String(12), default="citizen")
    requester_name: Mapped[str] = mapped_column(String(60), default="")
    requester_phone: Mapped[str] = mapped_column(String(20), default="")
    requester_id_no: Mapped[str] = mapped_column(String(30), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)

    title: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)  # the category's extra questions
    keywords: Mapped[str] = mapped_column(String(300), default="")  # catalogue words found at intake

    status: Mapped[str] = mapped_column(String(12), default="received")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    handler_region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    partner_unit_ids: Mapped[list] = mapped_column(JSON, default=list)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), nullable=True, index=True)
    filed_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    filed_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("appeals.id"), nullable=True, index=True)
    plus_ones: Mapped[int] = mapped_column(Integer, default=0)
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    ip_hash: Mapped[str] = mapped_column(String(64), default="")

    rule: Mapped[dict] = mapped_column(JSON, default=dict)  # the frozen time rule applied at dispatch
    received_at: Mapped[datetime] = mapped_column(Moment, default=now_utc, index=True)
    dispatched_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    return_by: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    accept_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    contact_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    contacted_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    close_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True, index=True)
    original_close_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    replied_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    rating_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    accept_late: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # None: not judged yet
    close_late: Mapped[bool | None] = mapped_column(Boolean, nullable=True)

    dispatch_count: Mapped[int] = mapped_column(Integer, default=0)
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_requested_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    extension_until: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    # The 办结 deadline the sweep last gave a 即将到期 warning for (a new deadline — an extension, a 重办 —
    # is warned about again).
    warned_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True)

    reply_result: Mapped[str | None] = mapped_column(String(12), nullable=True)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    rating_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_comment: Mapped[str] = mapped_column(String(500), default="")
    rating_at: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    rating_defaulted: Mapped[bool] = mapped_column(Boolean, default=False)
    rating_review: Mapped[str | None] = mapped_column(String(10), nullable=True)  # pending/excluded/upheld
    rectify_due: Mapped[datetime | None] = mapped_column(Moment, nullable=True)
    called_back: Mapped[bool] = mapped_column(Boolean, default=False)

    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    category: Mapped[AppealCategory] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")
    handler_region: Mapped[Region | None] = relationship(foreign_keys=[handler_region_id], lazy="joined")
    region: Mapped[Region | None] = relationship(foreign_keys=[region_id], lazy="joined")

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def rating_excluded(self) -> bool:
        return self.rating_review == "excluded"

    @property
    def channel_label(self) -> str:
        return CHANNELS.get(self.channel, self.channel)

    @property
    def handler_name(self) -> str:
        if self.unit is not None:
            return self.unit.name
        return f"{self.handler_region.name}（兜底）" if self.handler_region is not None else ""


class AppealPhoto(Base):
    __tablename__ = "appeal_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeals.id", ondelete="CASCADE"), index=True)
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(Moment, default=now_utc)


class AppealTally(Base):
    """Pre-aggregated counters per month × handling unit × region × category × channel, kept by every change
    (0 stands for none: the columns form the key and carry no foreign keys)."""

    __tablename__ = "appeal_tallies"
    __table_args__ = (
        UniqueConstraint("month", "unit_id", "handler_region_id", "region_id", "category_id", "channel",
                         name="uq_appeal_tallies_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[str] = mapped_column(String(7))
    unit_id: Mapped[int] = mapped_column(Integer, default=0)
    handler_region_id: Mapped[int] = mapped_column(Integer, default=0)
    region_id: Mapped[int] = mapped_column(Integer, default=0)
    category_id: Mapped[int] = mapped_column(Integer, default=0)
    channel: Mapped[str] = mapped_column(String(12), default="")
    received: Mapped[int] = mapped_column(Integer, default=0)
    repeats: Mapped[int] = mapped_column(Integer, default=0)
    dispatched: Mapped[int] = mapped_column(Integer, default=0)
    redispatched: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(Integer, default=0)
    accept_judged: Mapped[int] = mapped_column(Integer, default=0)
    accepted_on_time: Mapped[int] = mapped_column(Integer, default=0)
    close_judged: Mapped[int] = mapped_column(Integer, default=0)
    closed_on_time: Mapped[int] = mapped_column(Integer, default=0)
    replied: Mapped[int] = mapped_column(Integer, default=0)
    resolved: Mapped[int] = mapped_column(Integer, default=0)
    rated: Mapped[int] = mapped_column(Integer, default=0)
    satisfied: Mapped[int] = mapped_column(Integer, default=0)
    visited: Mapped[int] = mapped_column(Integer, default=0)
    reopened: Mapped[int] = mapped_column(Integer, default=0)


class KeywordDispatch(Base):
    """How often appeals carrying a catalogue word ended with a unit (learned from acceptances)."""

    __tablename__ = "appeal_keyword_dispatches"
    __table_args__ = (UniqueConstraint("keyword", "category_id", "unit_id", name="uq_appeal_keyword_dispatches_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    keyword: Mapped[str] = mapped_column(String(40))
    category_id: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)


class Campaign(Base):
    """A tagged list of appeals with its own progress (万件清理, 急难愁盼)."""

    __tablename__ = "appeal_campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="")
    description: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(Moment, default=now_utc)


class CampaignAppeal(Base):
    __tablename__ = "appeal_campaign_items"
    __table_args__ = (UniqueConstraint("campaign_id", "appeal_id", name="uq_appeal_campaign_items_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("appeal_campaigns.id", ondelete="CASCADE"), index=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeals.id", ondelete="CASCADE"), index=True)


class Open311Client(Base):
    """An application allowed to POST requests to /open311/v2 with its api_key (only the hash is kept)."""

    __tablename__ = "open311_clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Moment, default=now_utc)


def _register_labels() -> None:
    """Chinese names of the appeal's fields and codes for the audit trail (变更记录)."""
    from zhenxing import labels
    from zhenxing.appeals.machine import RESULTS
    from zhenxing.appeals.ratings import LEVELS
    from zhenxing.appeals.timerules import TYPES, URGENCIES

    labels.register("appeal", label="诉求", fields={
        "status": "状态", "unit_id": "承办单位", "handler_region_id": "兜底县区", "close_due": "办结期限",
        "accept_due": "签收期限", "escalation_level": "督办级别", "reply_result": "办理结果",
        "rating_level": "评价", "rating_review": "差评复核", "extension_count": "延期次数",
        "reopen_count": "重办次数", "merged_into_id": "并入主件", "plus_ones": "再次反映次数", "project_id": "关联项目",
    }, values={"status": STATUSES, "reply_result": RESULTS, "rating_level": LEVELS, "channel": CHANNELS,
               "type": TYPES, "urgency": URGENCIES,
               "rating_review": {"pending": "待复核", "excluded": "已剔除", "upheld": "维持"}})
    labels.register("appeal_category", label="诉求分类", fields={
        "group": "大类", "default_unit_id": "默认承办单位", "keywords": "关键词", "questions": "附加问题",
        "reply_template": "答复模板", "active": "启用"})
    labels.register("open311_client", label="Open311 客户端")


_register_labels()
