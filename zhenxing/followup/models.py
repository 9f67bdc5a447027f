"""The steps of an escalation ladder that followed items have reached."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from zhenxing.audit import now_utc
from zhenxing.db import Base


class FollowupMark(Base):
    """Item (kind, id) reached step `step_key` in its `cycle` (a reopened item starts a new cycle).
    Unique, so recording a step twice — by a job run twice, or by two workers — adds nothing."""

    __tablename__ = "followup_marks"
    __table_args__ = (UniqueConstraint("item_kind", "item_id", "cycle", "step_key",
                                       name="uq_followup_marks_item_kind_item_id_cycle_step_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_kind: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[int] = mapped_column(BigInteger)
    cycle: Mapped[int] = mapped_column(Integer, default=0)
    step_key: Mapped[str] = mapped_column(String(40))
    reached_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
