"""The target ledger (目标台账): promised figures, achieved figures, indicator mappings."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.documents.models import Document, plain_number
from zhenxing.org.models import Region, Unit

KINDS = {"increase": "增长", "decrease": "下降", "level": "水平"}
COMPARATORS = {">=": "≥", "<=": "≤", "=": "=", "~": "约"}
TARGET_STATUSES = {"open": "跟踪中", "met": "已完成", "missed": "未完成"}
_FIGURE_FIELDS = {"indicator": "指标", "written": "原文指标名", "value": "数值", "unit": "计量单位", "kind": "类型",
                  "comparator": "比较", "year": "年度", "period": "期间", "lead_unit_id": "牵头单位",
                  "document_id": "来源文件", "quote": "原文", "status": "状态"}
labels.register("target", label="目标", fields={**_FIGURE_FIELDS, "value": "目标值"},
                values={"status": TARGET_STATUSES, "kind": KINDS, "comparator": COMPARATORS})
labels.register("reading", label="实绩", fields={**_FIGURE_FIELDS, "value": "完成值"},
                values={"kind": KINDS, "comparator": COMPARATORS})
labels.register("draft", values={"kind": KINDS, "comparator": COMPARATORS})
labels.register("indicator_mapping", label="指标归并", fields={"indicator": "归入指标"})


class _Figure:
    """What targets and readings share: an indicator and a figure, its region and its source quote."""

    indicator: Mapped[str] = mapped_column(String(200))
    written: Mapped[str] = mapped_column(String(200), default="")
    value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    unit: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(12), default="level")
    comparator: Mapped[str] = mapped_column(String(4), default="=")
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"),
                                                    nullable=True)
    quote: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    @property
    def value_text(self) -> str:
        return plain_number(self.value)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def comparator_label(self) -> str:
        return COMPARATORS.get(self.comparator, self.comparator)


class Target(_Figure, Base):
    __tablename__ = "targets"
    __table_args__ = (Index("ix_targets_year_indicator", "year", "indicator"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)

    region: Mapped[Region | None] = relationship(lazy="joined")
    lead_unit: Mapped[Unit | None] = relationship(lazy="joined")
    document: Mapped[Document | None] = relationship(lazy="joined")

    @property
    def status_label(self) -> str:
        return TARGET_STATUSES.get(self.status, self.status)


class Reading(_Figure, Base):
    __tablename__ = "readings"
    __table_args__ = (Index("ix_readings_period_indicator", "period", "indicator"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7))

    region: Mapped[Region | None] = relationship(lazy="joined")
    document: Mapped[Document | None] = relationship(lazy="joined")


class IndicatorMapping(Base):
    """An indicator as some document writes it, mapped by the office to a catalogue name."""

    __tablename__ = "indicator_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    written: Mapped[str] = mapped_column(String(200), unique=True)
    indicator: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(60), default="")
