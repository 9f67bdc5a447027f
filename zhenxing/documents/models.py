"""Source documents, the facts read from them, and the drafts waiting for review."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.org.models import Region

DRAFT_KINDS = {"target": "目标", "reading": "实绩", "task": "任务", "project": "项目"}
DOCUMENT_STATUSES = {"active": "在用", "withdrawn": "已撤回"}
DRAFT_STATUSES = {"pending": "待审核", "accepted": "已采纳", "merged": "已合并", "rejected": "已驳回"}
STANCES = {"target": "目标", "actual": "实绩"}
DATE_SOURCES = {"given": "指定", "header": "文头", "title": "标题", "dateline": "日期行", "year": "导入年度",
                "none": "未找到"}
labels.register("document", label="文件", fields={"title": "标题", "year": "年度", "region": "地区",
                                                  "sha256": "文件指纹", "source_name": "文件名",
                                                  "dated": "文件日期", "date_source": "日期来源",
                                                  "status": "状态", "withdrawn_reason": "撤回理由"},
                values={"date_source": DATE_SOURCES, "status": DOCUMENT_STATUSES})
labels.register("stance_example", label="立场更正示例", fields={
    "quote": "原文", "indicator": "指标", "engine_stance": "引擎判断", "stance": "更正为"},
    values={"engine_stance": STANCES, "stance": STANCES})
labels.register("draft", label="草稿", fields={
    "status": "审核状态", "result_id": "台账记录", "note": "驳回理由", "indicator": "指标", "value": "数值",
    "unit": "计量单位", "kind": "类型", "comparator": "比较", "year": "年度", "period": "期间",
    "lead_unit_id": "牵头单位", "lead_unit_name": "建议牵头单位", "catalogued": "已归入指标目录",
    "written": "原文指标名", "content": "任务内容", "section": "所属部分", "partner_units": "配合单位",
    "leader": "责任领导", "deadline": "完成时限", "name": "项目名称", "stage": "已达阶段",
    "planned_stage": "计划阶段", "capacity": "产能", "capacity_unit": "产能单位",
    "matched_project_id": "匹配台账项目", "matched_name": "匹配项目名称", "score": "相似度",
    "confidence": "可信度", "expansion": "扩建/续建", "why": "依据", "trigger": "触发词", "goal": "目标分解",
    "lead_confidence": "牵头单位把握", "expansion_of_id": "扩建自项目", "expansion_of_name": "扩建自",
    "total_investment": "总投资", "region_id": "所在地区",
}, values={"status": DRAFT_STATUSES, "confidence": {"low": "低（可能不是项目）", "high": "高"}})


def plain_number(value: Decimal | float | None) -> str:
    """6.5000 → "6.5", 3.0 → "3": a figure as people write it."""
    if value is None:
        return ""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


IN_FORCE = text("status = 'active'")


class Document(Base):
    __tablename__ = "documents"
    # One document in force per text; a withdrawn one's text may be imported again (0190).
    __table_args__ = (Index("uq_documents_sha256_in_force", "sha256", unique=True, sqlite_where=IN_FORCE,
                            postgresql_where=IN_FORCE),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer, index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    # The date the document was written (given at upload, or read from its header or date line) and where
    # it came from; year phrases are judged against it.
    dated: Mapped[date | None] = mapped_column(Date, nullable=True)
    date_source: Mapped[str] = mapped_column(String(12), default="")
    # 撤回: a mistaken document leaves the lists and the queue (its pending drafts are rejected); the records
    # already accepted from it stay, their source shown as withdrawn.
    status: Mapped[str] = mapped_column(String(12), default="active", server_default="active")
    withdrawn_by: Mapped[str] = mapped_column(String(60), default="", server_default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    withdrawn_reason: Mapped[str] = mapped_column(String(500), default="", server_default="")

    region: Mapped[Region | None] = relationship(lazy="joined")

    @property
    def withdrawn(self) -> bool:
        return self.status == "withdrawn"

    @property
    def status_label(self) -> str:
        return DOCUMENT_STATUSES.get(self.status, self.status)

    @property
    def date_label(self) -> str:
        """2024-01-10（文头）, or the year planned when no date is known."""
        where = DATE_SOURCES.get(self.date_source, "")
        when = self.dated.isoformat() if self.dated else f"{self.year}年（导入年度）"
        return f"{when}（{where}）" if self.dated and where else when

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
    __table_args__ = (Index("ix_drafts_status_kind", "status", "kind"),
                      Index("ix_drafts_status_confidence", "status", "confidence"))

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
    # How sure the engine is (0–1) of the draft's stance, indicator or lead unit: the queue shows the
    # doubtful first; None for drafts made before it was measured.
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)

    document: Mapped[Document] = relationship(lazy="joined")

    @property
    def kind_label(self) -> str:
        return DRAFT_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return DRAFT_STATUSES.get(self.status, self.status)


class StanceExample(Base):
    """A reviewer's correction of a figure's stance (目标 ↔ 实绩), kept as an example of this installation's
    texts: listed, removable, exportable as gold records. It changes no rule of the engine."""

    __tablename__ = "stance_examples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), nullable=True,
                                                    index=True)
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id", ondelete="SET NULL"), nullable=True)
    quote: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[str] = mapped_column(String(200))
    value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    unit: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(12), default="level")
    comparator: Mapped[str] = mapped_column(String(4), default="=")
    engine_stance: Mapped[str] = mapped_column(String(8))
    stance: Mapped[str] = mapped_column(String(8))
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    document: Mapped[Document | None] = relationship(lazy="joined")

    @property
    def value_text(self) -> str:
        return plain_number(self.value)

    @property
    def record(self) -> dict:
        return self.to_record()

    def to_record(self) -> dict:
        """The example as a SPEC gold record (doc = the document's id)."""
        return {"doc": str(self.document_id or ""), "quote": self.quote, "indicator": self.indicator,
                "value": float(self.value), "unit": self.unit, "kind": self.kind, "comparator": self.comparator,
                "stance": self.stance}
