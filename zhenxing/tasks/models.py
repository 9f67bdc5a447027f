"""Tasks of the decomposition (任务分解表) as the supervision office follows them, and the keyword →
lead-unit table.

A task has a lead unit, partner units (real references), a responsible leader (a Person), a deadline
(the phrase as written, the date it means, or 长期), quarterly milestones and a source. Its state
(未启动/推进中/滞后/待销号/已销号) is derived from its dates, reports and closure requests
(zhenxing.supervision.states), never typed.
"""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.documents.models import Document
from zhenxing.org.models import Person, Region, Unit

SOURCES = {"document": "文件分解", "meeting": "调度会议定", "manual": "手工录入"}
CLOSURE_STATUSES = {"pending": "待审核", "confirmed": "已销号", "refused": "退回"}
# The hand-typed statuses of an earlier version, as the migration's audit events name them.
LEGACY_STATUSES = {"pending": "未启动", "in_progress": "推进中", "done": "已完成", "late": "滞后"}

task_partners = Table(
    "task_partners",
    Base.metadata,
    Column("task_id", ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("units.id"), primary_key=True, index=True),
)
labels.register("task", label="任务", fields={
    "content": "任务内容", "section": "所属部分", "lead_unit_id": "牵头单位", "lead_unit": "牵头单位",
    "partners": "配合单位", "partner_units": "配合单位", "leader": "责任领导", "leader_id": "责任领导",
    "deadline": "完成时限", "due_on": "完成日期", "long_term": "长期", "source": "来源", "source_ref": "来源说明",
    "unresolved": "待核对", "milestones": "节点", "status": "状态", "number": "序号", "year": "年度",
    "document_id": "来源文件"}, values={"source": SOURCES, "status": LEGACY_STATUSES})
labels.register("task_report", label="任务进展", fields={
    "progress": "进展情况", "percent": "完成进度", "next_steps": "下一步计划", "files": "佐证材料",
    "milestones_done": "完成节点"})
labels.register("task_closure", label="销号", fields={"note": "完成情况说明", "reason": "退回理由"},
                values={"status": CLOSURE_STATUSES})
KEYWORD_SOURCES = {"default": "默认", "manual": "手工", "learned": "审核学得"}
labels.register("keyword_unit", label="牵头单位对照", fields={"unit_name": "牵头单位", "keyword": "关键词",
                                                              "weight": "权重", "source": "来源"},
                values={"source": KEYWORD_SOURCES})


class Task(Base):
    __tablename__ = "tasks"
    # Unique: numbers are allocated under a lock (service.next_number); the index makes a duplicate impossible.
    __table_args__ = (Index("uq_tasks_year_number", "year", "number", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(String(200), default="")
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    deadline: Mapped[str] = mapped_column(String(40), default="")  # as written: 年底前, 6月底前, 长期
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    long_term: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(12), default="manual")
    source_ref: Mapped[str] = mapped_column(String(200), default="")  # e.g. 2025年3月调度会第2项
    # Names as written (in a draft, or in the text columns of an earlier version) that matched no unit or
    # person: kept here and shown to the office, never silently dropped.
    unresolved: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"),
                                                    nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    lead_unit: Mapped[Unit | None] = relationship(lazy="joined")
    leader: Mapped[Person | None] = relationship(lazy="joined")
    region: Mapped[Region | None] = relationship(lazy="joined")
    document: Mapped[Document | None] = relationship(lazy="joined")
    partners: Mapped[list[Unit]] = relationship(secondary=task_partners, lazy="selectin", order_by=Unit.id)
    milestones: Mapped[list["Milestone"]] = relationship(
        back_populates="task", lazy="selectin", order_by="Milestone.due_on", cascade="all, delete-orphan")

    @property
    def source_withdrawn(self) -> bool:
        """Accepted from a document since withdrawn (撤回): the task stays, its source is shown so."""
        return self.document is not None and self.document.withdrawn

    @property
    def source_label(self) -> str:
        return SOURCES.get(self.source, self.source)

    @property
    def partner_names(self) -> str:
        return "、".join(unit.name for unit in self.partners)

    @property
    def code(self) -> str:
        return f"{self.year}-{self.number}"


class Milestone(Base):
    """A step of a task with its own date (quarterly, as 大洼 decomposes): late when its date passes undone."""

    __tablename__ = "task_milestones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(String(500))
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    task: Mapped[Task] = relationship(back_populates="milestones")


class TaskReport(Base):
    """A unit's progress on a task for a period: the lead unit's report, or a partner's part of it."""

    __tablename__ = "task_reports"
    __table_args__ = (UniqueConstraint("task_id", "period", "unit_id", name="uq_task_reports_task_period_unit"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    progress: Mapped[str] = mapped_column(Text)  # 进展情况
    percent: Mapped[int | None] = mapped_column(Integer, nullable=True)
    next_steps: Mapped[str] = mapped_column(Text, default="")
    reported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    reported_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    unit: Mapped[Unit] = relationship(lazy="joined")
    files: Mapped[list["TaskFile"]] = relationship(lazy="selectin", order_by="TaskFile.id",
                                                   primaryjoin="TaskReport.id == foreign(TaskFile.report_id)",
                                                   viewonly=True)


class Closure(Base):
    """A request to strike a task off the list (销号), and the office's decision on it."""

    __tablename__ = "task_closures"
    __table_args__ = (
        # One open request per task at a time, whatever two clients do at once.
        Index("uq_task_closures_pending", "task_id", unique=True,
              sqlite_where=text("status = 'pending'"), postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="pending")
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    requested_by: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    files: Mapped[list["TaskFile"]] = relationship(lazy="selectin", order_by="TaskFile.id",
                                                   primaryjoin="Closure.id == foreign(TaskFile.closure_id)",
                                                   viewonly=True)

    @property
    def status_label(self) -> str:
        return CLOSURE_STATUSES.get(self.status, self.status)


class TaskFile(Base):
    """Evidence (佐证材料) attached to a progress report or a 销号 request; stored in the database,
    size-limited and type-checked (tasks.files)."""

    __tablename__ = "task_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("task_reports.id", ondelete="CASCADE"),
                                                  nullable=True, index=True)
    closure_id: Mapped[int | None] = mapped_column(ForeignKey("task_closures.id", ondelete="CASCADE"),
                                                   nullable=True, index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    uploaded_by: Mapped[str] = mapped_column(String(100), default="")


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
    # A default row the office deleted stays as a tombstone, so that a newer engine's defaults don't revive it.
    removed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    @property
    def source_label(self) -> str:
        return KEYWORD_SOURCES.get(self.source, self.source)
