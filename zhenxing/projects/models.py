"""The key-project ledger (重点项目库)."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects.stages import ProjectLabels

MAJOR_THRESHOLD = 10_000  # 万元: "亿元以上" means total investment of at least 1亿元


class Project(ProjectLabels, Base):
    __tablename__ = "projects"
    # The list counts and sums investment per stage of what a filter selects: each filter column's index
    # carries (stage, total_investment) so that summary reads the index alone (an index-only scan on both
    # databases). They replace the single-column indexes on the same columns, so a write updates no more
    # indexes than before (bench/writes.py measures the cost).
    __table_args__ = (
        Index("ix_projects_stage_total", "stage", "total_investment"),
        *(Index(f"ix_projects_{column}_stage_total", column, "stage", "total_investment")
          for column in ("region_id", "cluster", "track", "status")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"))
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    steward_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    cluster: Mapped[str] = mapped_column(String(60), default="")
    track: Mapped[str | None] = mapped_column(String(12), nullable=True)
    company: Mapped[str] = mapped_column(String(200), default="")
    total_investment: Mapped[int] = mapped_column(BigInteger, default=0, index=True)
    planned_investment: Mapped[int] = mapped_column(BigInteger, default=0)
    completed_investment: Mapped[int] = mapped_column(BigInteger, default=0, index=True)
    stage: Mapped[str] = mapped_column(String(12), default="planned")  # ix_projects_stage_total leads with it
    status: Mapped[str] = mapped_column(String(12), default="active")
    description: Mapped[str] = mapped_column(Text, default="")
    # An expansion or later phase (扩建, 二期…) is a project of its own, linked to the one it extends.
    expansion_of_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), nullable=True)

    plan_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    plan_landed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    landed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    plan_started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)  # new starts (0141)
    plan_completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    plan_operating_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    operating_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc,
                                                 index=True)

    region: Mapped[Region] = relationship(lazy="joined")
    lead_unit: Mapped[Unit | None] = relationship(lazy="joined")
    sponsor: Mapped[Person | None] = relationship(foreign_keys=[sponsor_id], lazy="joined")
    steward: Mapped[Person | None] = relationship(foreign_keys=[steward_id], lazy="joined")
    expansion_of: Mapped["Project | None"] = relationship(remote_side=[id], foreign_keys=[expansion_of_id],
                                                          lazy="select")

    @hybrid_property
    def is_major(self) -> bool:
        """亿元以上: derived from total investment, never stored."""
        return self.total_investment >= MAJOR_THRESHOLD


class AnnualPlan(Base):
    """A project's plan for one year (年度计划): the investment planned and the stage it should reach.

    A project on a year's plan is on that year's dispatch list and owes a monthly report each month.
    `Project.planned_investment` mirrors the current year's plan (kept in step by projects.plans).
    """

    __tablename__ = "annual_plans"
    __table_args__ = (UniqueConstraint("project_id", "year"),
                      Index("ix_annual_plans_year_project", "year", "project_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    year: Mapped[int] = mapped_column(Integer)
    planned_investment: Mapped[int] = mapped_column(BigInteger, default=0)
    target_stage: Mapped[str | None] = mapped_column(String(12), nullable=True)  # 当年开工/竣工/投产
    note: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc)

    project: Mapped[Project] = relationship(lazy="joined")
