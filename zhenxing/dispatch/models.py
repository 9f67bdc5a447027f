"""Dispatch records: monthly reports, problems, lights and their 督办 items, field reviews, meetings."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhenxing.audit import now_utc
from zhenxing.db import Base
from zhenxing.dispatch.problem_rules import PROBLEM_SOURCES, PROBLEM_STATUSES
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects.models import Project


class ProgressReport(Base):
    """月报: one project's report for one period 'YYYY-MM'. Correcting it is an edit, never a second row."""

    __tablename__ = "progress_reports"
    __table_args__ = (UniqueConstraint("project_id", "period"),
                      # a period's (or a year's) sums read from the index alone (0140_province)
                      Index("ix_progress_reports_period_project_amount", "period", "project_id",
                            "completed_investment"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    period: Mapped[str] = mapped_column(String(7))
    completed_investment: Mapped[int] = mapped_column(BigInteger, default=0)  # 本月完成投资 (万元)
    progress: Mapped[str] = mapped_column(String(1000), default="")  # 形象进度
    physical_percent: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 工程形象进度 %
    problems: Mapped[str] = mapped_column(String(1000), default="")  # 存在问题
    next_plan: Mapped[str] = mapped_column(String(1000), default="")  # 下月计划
    registered: Mapped[bool] = mapped_column(Boolean, default=False)  # 已入库（纳统）
    filed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc)

    project: Mapped[Project] = relationship(lazy="joined")


class Problem(Base):
    """问题清单: a problem blocking a project, followed to 销号. `source` says where it was raised and
    `source_ref` which record raised it (a report, a review stop, a meeting decision, an appeal)."""

    __tablename__ = "problems"
    __table_args__ = (Index("ix_problems_status_due_on", "status", "due_on"),
                      Index("ix_problems_source_source_ref", "source", "source_ref"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    description: Mapped[str] = mapped_column(String(500))
    category: Mapped[str] = mapped_column(String(12), default="其他")
    source: Mapped[str] = mapped_column(String(16), default="direct")
    source_ref: Mapped[int | None] = mapped_column(Integer, nullable=True)
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    raised_on: Mapped[date] = mapped_column(Date)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="open")
    resolution: Mapped[str] = mapped_column(String(1000), default="")
    resolved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reopened: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc, onupdate=now_utc)

    project: Mapped[Project] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")
    leader: Mapped[Person | None] = relationship(lazy="joined")

    @property
    def source_label(self) -> str:
        return PROBLEM_SOURCES.get(self.source, self.source)

    @property
    def status_label(self) -> str:
        return PROBLEM_STATUSES.get(self.status, self.status)


class ProjectLight(Base):
    """A project's light for a period: computed by the rules, possibly overridden by the office for that
    period only (`light` is what counts; `computed` what the rules said)."""

    __tablename__ = "project_lights"
    __table_args__ = (UniqueConstraint("project_id", "period"),
                      Index("ix_project_lights_period_light", "period", "light"),
                      Index("ix_project_lights_period_project_light", "period", "project_id", "light"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    period: Mapped[str] = mapped_column(String(7))
    computed: Mapped[str] = mapped_column(String(6))
    light: Mapped[str] = mapped_column(String(6))
    reasons: Mapped[list] = mapped_column(JSON, default=list)  # [{color, family, text}]
    figures: Mapped[dict] = mapped_column(JSON, default=dict)  # completion, elapsed, plan, ytd …
    rules_name: Mapped[str] = mapped_column(String(60), default="")
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    override_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    override_by: Mapped[str | None] = mapped_column(String(60), nullable=True)
    override_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    project: Mapped[Project] = relationship(lazy="joined")


class LightEscalation(Base):
    """A 督办 item (约谈) a run of lights created for the project's 包保领导; one per project and period."""

    __tablename__ = "light_escalations"
    __table_args__ = (UniqueConstraint("project_id", "period"),
                      Index("ix_light_escalations_status_period", "status", "period", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    period: Mapped[str] = mapped_column(String(7), index=True)
    light: Mapped[str] = mapped_column(String(6))
    label: Mapped[str] = mapped_column(String(60))
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(12), default="open")
    note: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    project: Mapped[Project] = relationship(lazy="joined")
    leader: Mapped[Person | None] = relationship(lazy="joined")


class FieldReview(Base):
    """拉练 / 观摩: a tour of projects; `kind` 'score' (criteria scored on site) or 'vote' (jurors rank)."""

    __tablename__ = "field_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(8), default="score")
    leaders: Mapped[str] = mapped_column(String(500), default="")
    participants: Mapped[str] = mapped_column(String(1000), default="")
    criteria: Mapped[list] = mapped_column(JSON, default=list)  # [{key, label, max}]
    status: Mapped[str] = mapped_column(String(12), default="planned")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    stops: Mapped[list["FieldReviewStop"]] = relationship(order_by="FieldReviewStop.position",
                                                         back_populates="review")


class FieldReviewStop(Base):
    """One project on a tour's itinerary, with its on-site scores and comment."""

    __tablename__ = "field_review_stops"
    __table_args__ = (UniqueConstraint("review_id", "project_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("field_reviews.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)  # criterion key → points
    total: Mapped[float | None] = mapped_column(Float, nullable=True)
    comment: Mapped[str] = mapped_column(String(1000), default="")
    scored_by: Mapped[str] = mapped_column(String(60), default="")
    scored_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    review: Mapped[FieldReview] = relationship(back_populates="stops")
    project: Mapped[Project] = relationship(lazy="joined")


class FieldReviewPhoto(Base):
    """A photo taken at a stop; stored in the database (size-limited and type-checked on upload)."""

    __tablename__ = "field_review_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stop_id: Mapped[int] = mapped_column(ForeignKey("field_review_stops.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[str] = mapped_column(String(60), default="")
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)


class FieldReviewVote(Base):
    """One juror's ranking of the projects seen on a 观摩 tour (best first); one ballot per juror."""

    __tablename__ = "field_review_votes"
    __table_args__ = (UniqueConstraint("review_id", "juror_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("field_reviews.id"))
    juror_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    ranking: Mapped[list] = mapped_column(JSON, default=list)  # project ids, best first
    cast_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)


class DispatchMeeting(Base):
    """调度会: a meeting for a period; its agenda is built from the data, its decisions are followed."""

    __tablename__ = "dispatch_meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")  # planned | held
    notes: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # frozen when the meeting is held
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    decisions: Mapped[list["MeetingDecision"]] = relationship(order_by="MeetingDecision.id",
                                                             back_populates="meeting")


class MeetingDecision(Base):
    """议定事项: a decision with a responsible unit (or county) and a deadline, followed until closed."""

    __tablename__ = "meeting_decisions"
    __table_args__ = (Index("ix_meeting_decisions_status_due_on", "status", "due_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("dispatch_meetings.id"), index=True)
    text: Mapped[str] = mapped_column(String(1000))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), nullable=True, index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | resolved | closed
    progress: Mapped[str] = mapped_column(String(1000), default="")
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    kind: Mapped[str] = mapped_column(String(8), default="task", server_default="task")  # task | problem
    problem_id: Mapped[int | None] = mapped_column(ForeignKey("problems.id"), nullable=True)
    resolution: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    resolved_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    meeting: Mapped[DispatchMeeting] = relationship(back_populates="decisions")
    problem: Mapped[Problem | None] = relationship(lazy="joined")
    unit: Mapped[Unit | None] = relationship(lazy="joined")
    region: Mapped[Region | None] = relationship(lazy="joined")
    project: Mapped[Project | None] = relationship(lazy="joined")
