"""The target ledger (目标台账): promised figures, achieved figures, indicator mappings."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.documents.models import Document, plain_number
from zhenxing.org.models import Region, Unit

KINDS = {"increase": "增长", "decrease": "下降", "level": "水平"}
COMPARATORS = {">=": "≥", "<=": "≤", "=": "=", "~": "约"}
TARGET_STATUSES = {"open": "跟踪中", "met": "已完成", "missed": "未完成"}
# How a reading counts its period: year to date (1–N月累计), the month's own figure, the quarter's own.
BASES = {"ytd": "年初至今累计", "month": "当月", "quarter": "当季"}
READING_SOURCES = {"document": "文件", "entry": "填报", "import": "导入"}
_FIGURE_FIELDS = {"indicator": "指标", "written": "原文指标名", "value": "数值", "unit": "计量单位", "kind": "类型",
                  "comparator": "比较", "year": "年度", "period": "期间", "lead_unit_id": "牵头单位",
                  "document_id": "来源文件", "quote": "原文", "status": "状态",
                  "start_value": "年初基数", "path": "进度方式", "profile": "进度权重", "basis": "口径",
                  "source": "来源"}
labels.register("target", label="目标", fields={**_FIGURE_FIELDS, "value": "目标值"},
                values={"status": TARGET_STATUSES, "kind": KINDS, "comparator": COMPARATORS})
labels.register("reading", label="实绩", fields={**_FIGURE_FIELDS, "value": "完成值"},
                values={"kind": KINDS, "comparator": COMPARATORS, "basis": BASES, "source": READING_SOURCES})
labels.register("benchmark", label="对标数据", fields={"value": "数值", "unit": "计量单位", "level": "层级"})
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

    @property
    def source_withdrawn(self) -> bool:
        """Accepted from a document since withdrawn (撤回): the record stays, its source is shown so."""
        document = getattr(self, "document", None)
        return document is not None and document.withdrawn


class Target(_Figure, Base):
    """A promised figure. Its status (met/missed/open) and its state on the trajectory are derived from
    its readings (targets.tracking), never typed."""

    __tablename__ = "targets"
    __table_args__ = (Index("ix_targets_year_indicator", "year", "indicator"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    # The trajectory: the value at the year's start, whether the figure holds a level or accumulates
    # (None: by its kind and unit), and the office's profile of weights ('1-1-2'; '' = a straight line).
    start_value: Mapped[Decimal | None] = mapped_column(Numeric(20, 4), nullable=True)
    path: Mapped[str | None] = mapped_column(String(12), nullable=True)
    profile: Mapped[str] = mapped_column(String(60), default="")

    region: Mapped[Region | None] = relationship(lazy="joined")
    lead_unit: Mapped[Unit | None] = relationship(lazy="joined")
    document: Mapped[Document | None] = relationship(lazy="joined")


class Reading(_Figure, Base):
    """An achieved figure. A document's reading keeps basis None (as the text says it, e.g. a year's
    figure with period '2024'); entered and imported ones say their basis and are unique per indicator,
    region, period, kind and basis, so a second import corrects rather than duplicates."""

    __tablename__ = "readings"
    __table_args__ = (
        Index("ix_readings_period_indicator", "period", "indicator"),
        UniqueConstraint("indicator", "region_id", "period", "kind", "basis", name="uq_readings_figure"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7))
    basis: Mapped[str | None] = mapped_column(String(8), nullable=True)
    source: Mapped[str] = mapped_column(String(12), default="document")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    region: Mapped[Region | None] = relationship(lazy="joined")
    document: Mapped[Document | None] = relationship(lazy="joined")

    @property
    def basis_label(self) -> str:
        return BASES.get(self.basis or "ytd", "")


class Benchmark(Base):
    """The provincial or national figure of an indicator for a period (跑赢全国、全省平均水平)."""

    __tablename__ = "benchmarks"
    __table_args__ = (
        UniqueConstraint("indicator", "period", "level", "kind", "basis", name="uq_benchmarks_figure"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator: Mapped[str] = mapped_column(String(200), index=True)
    period: Mapped[str] = mapped_column(String(7))
    level: Mapped[str] = mapped_column(String(12))  # province / nation
    kind: Mapped[str] = mapped_column(String(12), default="increase")
    basis: Mapped[str] = mapped_column(String(8), default="ytd")
    value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    unit: Mapped[str] = mapped_column(String(20), default="")
    source: Mapped[str] = mapped_column(String(12), default="entry")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    @property
    def value_text(self) -> str:
        return plain_number(self.value)


class IndicatorMapping(Base):
    """An indicator as some document writes it, mapped by the office to a catalogue name."""

    __tablename__ = "indicator_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    written: Mapped[str] = mapped_column(String(200), unique=True)
    indicator: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(60), default="")
