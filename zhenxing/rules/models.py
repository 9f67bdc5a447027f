"""Rule sets: every version of every kind of rules the office tunes, kept for reproducibility."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from zhenxing.audit import now_utc
from zhenxing.db import Base

ALL_YEARS = 0  # `year` of the standing rules, used by every year that has no rules of its own


class RuleSet(Base):
    """One version of a kind's rules for a year (or all years). Rows are only ever added: the latest version
    of (kind, year) is in force unless it is a withdrawal (active false), which hands the year back to the
    standing rules."""

    __tablename__ = "rule_sets"
    __table_args__ = (
        # Also the index that finds a kind's versions of a year.
        UniqueConstraint("kind", "year", "version", name="uq_rule_sets_kind_year_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer, default=ALL_YEARS)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100), default="")
    data: Mapped[dict | list | None] = mapped_column(JSON, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by_name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
