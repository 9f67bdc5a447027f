"""Source documents, the facts read from them, and the drafts waiting for review."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.org.models import Region

DRAFT_KINDS = {"target": "目标", "reading": "实绩", "task": "任务", "project": "项目"}
DRAFT_STATUSES = {"pending": "待审核", "accepted": "已采纳", "merged": "已合并", "rejected": "已驳回"}
STANCES = {"target": "目标", "actual": "实绩"}


def plain_number(value: Decimal | float | None) -> str:
    """6.5000 → "6.5", 3.0 → "3": a figure as people write it."""
    if value is None:
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer, index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    region: Mapped[Region | None] = relationship(lazy="joined")

    @property
    def review_year(self) -> int:
        """The year a work report reviews: the year before the one it plans."""
        return self.year - 1


class Fact(Base):
    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(String(200))
    value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    unit: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(12))
    comparator: Mapped[str] = mapped_column(String(4))
    stance: Mapped[str] = mapped_column(String(8), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    @property
    def value_text(self) -> str:
        return plain_number(self.value)

    @property
    def stance_label(self) -> str:
        return STANCES.get(self.stance, self.stance)


class Draft(Base):
    """A proposed target, reading, task or project: nothing enters a ledger before review."""

    __tablename__ = "drafts"
    __table_args__ = (Index("ix_drafts_status_kind", "status", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id", ondelete="SET NULL"), nullable=True)
    kind: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default="pending")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    quote: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    result_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_by: Mapped[str] = mapped_column(String(60), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    note: Mapped[str] = mapped_column(String(500), default="")

    document: Mapped[Document] = relationship(lazy="joined")

    @property
    def kind_label(self) -> str:
        return DRAFT_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return DRAFT_STATUSES.get(self.status, self.status)
