"""League schemes per subject kind and year, and the leagues computed with them (kept to be reproduced)."""

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from zhenxing.audit import now_utc
from zhenxing.db import Base


class LeagueScheme(Base):
    """The scoring scheme of one year for regions or units (schemes.parse_scheme validates `data`)."""

    __tablename__ = "league_schemes"
    __table_args__ = (UniqueConstraint("subject_kind", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(8))
    year: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc)


class LeagueRun(Base):
    """A league as computed for a period: the scheme, subjects and measure values it used, and its standings.

    Re-scoring `scheme` with `inputs`, `subjects` and `previous` gives `results` again, exactly.
    """

    __tablename__ = "league_runs"
    __table_args__ = (UniqueConstraint("subject_kind", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(7), index=True)
    scheme: Mapped[dict] = mapped_column(JSON)
    subjects: Mapped[list] = mapped_column(JSON)  # [[id, name], …] in official order
    inputs: Mapped[dict] = mapped_column(JSON)  # measure key → {subject id: value}
    previous: Mapped[dict] = mapped_column(JSON, default=dict)  # subject id → rank last period
    results: Mapped[list] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    computed_by: Mapped[str] = mapped_column(String(60), default="")
