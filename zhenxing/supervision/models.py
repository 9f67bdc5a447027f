"""Escalations of supervised tasks: each step of the office's ladder a task's obligation reached (提醒, 催办,
督办 with its 督办单, 通报), written once by the escalation job, with the unit's reply to a 督办单."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing import labels
from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.org.models import Unit
from zhenxing.supervision.rule_kinds import ACTIONS, AUDIENCES
from zhenxing.tasks.models import Task

labels.register("task_escalation", label="督办", fields={
    "step_label": "级别", "action": "动作", "text": "逾期事项", "reply_due": "回复期限", "reply": "回复内容",
    "replied_at": "回复时间", "number": "督办单编号"}, values={"action": ACTIONS})


class Escalation(Base):
    """A task's obligation (its deadline, a milestone, a month's report) reached a step of the ladder."""

    __tablename__ = "task_escalations"
    __table_args__ = (
        UniqueConstraint("task_id", "ref", "step_key", name="uq_task_escalations_task_ref_step"),
        UniqueConstraint("year", "number", name="uq_task_escalations_year_number"),
        Index("ix_task_escalations_action_reached", "action", "reached_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    ref: Mapped[str] = mapped_column(String(40))  # deadline / milestone:12 / report:2025-09
    cause: Mapped[str] = mapped_column(String(12))
    due_on: Mapped[date] = mapped_column(Date)
    step_key: Mapped[str] = mapped_column(String(40))
    step_label: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(12))  # remind / notice / bulletin
    audience: Mapped[str] = mapped_column(String(60))  # lead,partner,supervisor,leader
    text: Mapped[str] = mapped_column(Text)
    reached_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(7), index=True)  # the month it was reached (its 通报)
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 督办单 sequence in the year
    reply_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    replied_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    task: Mapped[Task] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def audience_set(self) -> frozenset[str]:
        return frozenset(a for a in self.audience.split(",") if a)

    @property
    def audience_label(self) -> str:
        return "、".join(AUDIENCES.get(a, a) for a in self.audience.split(",") if a)

    @property
    def number_text(self) -> str:
        return f"督办〔{self.year}〕{self.number}号" if self.number else ""
