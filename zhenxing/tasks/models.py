"""Tasks of the decomposition (任务分解表) and the keyword → lead-unit table."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.documents.models import Document
from zhenxing.org.models import Region, Unit

TASK_STATUSES = {"pending": "未启动", "in_progress": "推进中", "done": "已完成", "late": "滞后"}
labels.register("task", label="任务", fields={
    "content": "任务内容", "section": "所属部分", "lead_unit_id": "牵头单位", "lead_unit": "牵头单位",
    "partner_units": "配合单位", "leader": "责任领导", "deadline": "完成时限", "status": "状态",
    "number": "序号", "year": "年度", "document_id": "来源文件"}, values={"status": TASK_STATUSES})
KEYWORD_SOURCES = {"default": "默认", "manual": "手工", "learned": "审核学得"}
labels.register("keyword_unit", label="牵头单位对照", fields={"unit_name": "牵头单位", "keyword": "关键词",
                                                              "weight": "权重", "source": "来源"},
                values={"source": KEYWORD_SOURCES})


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_year_number", "year", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(String(200), default="")
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    partner_units: Mapped[str] = mapped_column(String(500), default="")
    leader: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"),
                                                    nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    lead_unit: Mapped[Unit | None] = relationship(lazy="joined")
    region: Mapped[Region | None] = relationship(lazy="joined")
    document: Mapped[Document | None] = relationship(lazy="joined")

    @property
    def status_label(self) -> str:
        return TASK_STATUSES.get(self.status, self.status)


class KeywordUnit(Base):
    """A keyword of a task sentence and the unit that usually leads such tasks (高标准农田 → 农业农村局)."""

    __tablename__ = "keyword_units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    keyword: Mapped[str] = mapped_column(String(60), unique=True)
    unit_name: Mapped[str] = mapped_column(String(60))
    # A reviewer's accepted correction adds a row or strengthens one (weight + 1); the office sees where
    # each row came from and may remove any.
    weight: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    source: Mapped[str] = mapped_column(String(12), default="default", server_default="default")

    @property
    def source_label(self) -> str:
        return KEYWORD_SOURCES.get(self.source, self.source)
