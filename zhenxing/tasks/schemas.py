"""Request and response models of the supervised-task API."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from zhenxing.documents.schemas import KeywordRead, KeywordWrite, Named  # noqa: F401 - re-exported

Id = Field(ge=1, lt=2**63)


class PersonRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    title: str


class MilestoneRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    due_on: date
    content: str
    done_on: date | None


class MilestoneWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    due_on: date
    content: str = Field(min_length=1, max_length=500)
    done_on: date | None = None


class TaskRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    year: int
    number: int
    content: str
    section: str
    lead_unit: Named | None
    partners: list[Named]
    leader: PersonRead | None
    deadline: str = Field(description="完成时限原文，如 年底前、6月底前、长期")
    due_on: date | None
    long_term: bool
    source: str = Field(description="document 文件分解 / meeting 调度会议定 / manual 手工录入")
    source_ref: str
    unresolved: str = Field(description="未能匹配到单位或人员的原文名称")
    milestones: list[MilestoneRead]
    document_id: int | None
    source_withdrawn: bool = Field(default=False, description="its source document has been withdrawn (已撤回)")
    state: str = Field(description="not_started 未启动 / in_progress 推进中 / late 滞后 / closing 待销号 / "
                                   "closed 已销号")
    state_label: str
    reasons: list[str] = Field(description="滞后的原因")
    percent: int | None = Field(description="牵头单位最近报送的完成进度（%）")
    last_period: str | None = Field(description="牵头单位最近报送的期间")


class TaskWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    content: str = Field(min_length=1, max_length=2000)
    year: int = Field(ge=2000, le=2100)
    section: str = Field(default="", max_length=200)
    lead_unit_id: int | None = Id
    partner_unit_ids: list[int] = Field(default_factory=list, max_length=30)
    leader_id: int | None = Id
    deadline: str = Field(default="", max_length=40, description="完成时限原文（年底前、三季度、长期…）")
    due_on: date | None = Field(default=None, description="明确的完成日期（优先于原文）")
    long_term: bool = False
    source: Literal["document", "meeting", "manual"] = "manual"
    source_ref: str = Field(default="", max_length=200, description="如 2025年3月调度会议定事项第2项")
    milestones: list[MilestoneWrite] = Field(default_factory=list, max_length=12)


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    content: str | None = Field(default=None, min_length=1, max_length=2000)
    section: str | None = Field(default=None, max_length=200)
    lead_unit_id: int | None = Field(default=None, ge=1, lt=2**63)
    partner_unit_ids: list[int] | None = Field(default=None, max_length=30)
    leader_id: int | None = Field(default=None, ge=1, lt=2**63)
    deadline: str | None = Field(default=None, max_length=40)
    due_on: date | None = None
    long_term: bool | None = None
    source: Literal["document", "meeting", "manual"] | None = None
    source_ref: str | None = Field(default=None, max_length=200)
    milestones: list[MilestoneWrite] | None = Field(default=None, max_length=12)


class FileRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    filename: str
    content_type: str
    size: int


class ReportRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    task_id: int
    period: str
    unit: Named
    progress: str
    percent: int | None
    next_steps: str
    reported_at: datetime
    reported_by: str
    files: list[FileRead]


class ClosureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    task_id: int
    status: str = Field(description="pending 待审核 / confirmed 已销号 / refused 退回")
    note: str
    requested_at: datetime
    requested_by: str
    decided_at: datetime | None
    decided_by: str
    reason: str
    files: list[FileRead]


class ClosureDecision(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    confirm: bool = Field(description="true 确认销号 / false 退回")
    reason: str = Field(default="", max_length=2000, description="退回理由（退回时必填）")
