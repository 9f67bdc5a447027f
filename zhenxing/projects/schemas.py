"""Request and response models of the project API."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhenxing.fields import Choice, Code, Moment, Name, Text
from zhenxing.projects.stages import STAGES, STATUSES, TRACKS


class ProjectFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Name | None = Field(default=None, min_length=2, max_length=200, description="项目名称")
    region_id: int | None = Field(default=None, description="所在地区")
    lead_unit_id: int | None = Field(default=None, description="牵头单位")
    sponsor_id: int | None = Field(default=None, description="包保领导")
    steward_id: int | None = Field(default=None, description="项目管家")
    cluster: Name | None = Field(default=None, max_length=60, description="产业集群")
    track: Choice | None = Field(default=None, max_length=20, description="三篇大文章: upgrade/extend/emerging")
    company: Name | None = Field(default=None, max_length=200, description="投资主体")
    total_investment: int | None = Field(default=None, ge=0, description="总投资（万元）")
    planned_investment: int | None = Field(default=None, ge=0, description="年度计划投资（万元）")
    completed_investment: int | None = Field(default=None, ge=0, description="累计完成投资（万元）")
    status: Choice | None = Field(default=None, max_length=20, description="active/suspended/cancelled")
    description: Text | None = Field(default=None, max_length=4000, description="项目简介")
    plan_signed_on: date | None = None
    plan_landed_on: date | None = None
    plan_started_on: date | None = None
    plan_completed_on: date | None = None
    plan_operating_on: date | None = None

    @field_validator("track")
    @classmethod
    def known_track(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if value not in TRACKS:
            raise ValueError(f"must be one of {', '.join(TRACKS)}")
        return value

    @field_validator("status")
    @classmethod
    def known_status(cls, value: str | None) -> str | None:
        if value is not None and value not in STATUSES:
            raise ValueError(f"must be one of {', '.join(STATUSES)}")
        return value


class ProjectCreate(ProjectFields):
    code: Code = Field(min_length=1, max_length=40, description="项目编号（唯一）")
    name: Name = Field(min_length=2, max_length=200, description="项目名称")
    region_id: int = Field(description="所在地区")
    stage: Choice = Field(default="planned", max_length=20, description="初始阶段")
    expansion_of_id: int | None = Field(default=None, ge=1, lt=2**31,
                                        description="所扩建或续建的项目（扩建、二期等是另一个项目）")

    @field_validator("stage")
    @classmethod
    def known_stage(cls, value: str) -> str:
        if value not in STAGES:
            raise ValueError(f"must be one of {', '.join(STAGES)}")
        return value


class ProjectUpdate(ProjectFields):
    """Only the fields given are changed. Stage changes go through /transitions."""


class TransitionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: Choice = Field(max_length=20, description="目标阶段: " + ", ".join(STAGES))
    date: date
    reason: Text | None = Field(default=None, max_length=500)


class Named(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


class ProjectRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name: str
    region: Named
    lead_unit: Named | None
    sponsor: Named | None
    steward: Named | None
    cluster: str
    track: str | None
    company: str
    total_investment: int
    planned_investment: int
    completed_investment: int
    is_major: bool
    stage: str
    stage_label: str
    status: str
    description: str
    expansion_of_id: int | None = None
    plan_signed_on: date | None
    signed_on: date | None
    plan_landed_on: date | None
    landed_on: date | None
    plan_started_on: date | None
    started_on: date | None
    plan_completed_on: date | None
    completed_on: date | None
    plan_operating_on: date | None
    operating_on: date | None
    updated_at: Moment


class StageSummary(BaseModel):
    stage: str
    label: str
    count: int
    total_investment: int


class ProjectPage(BaseModel):
    items: list[ProjectRead]
    total: int
    page: int
    per_page: int
    by_stage: list[StageSummary]


class AuditRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: Moment
    actor_name: str
    actor_label: str  # 张三（市发展改革委）: the account's person and unit, as staff read it
    action: str
    entity: str
    entity_id: int | None
    summary: str
    changes: dict
