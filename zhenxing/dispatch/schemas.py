"""Request and response models of the dispatch API (reports, problems, lights, reviews, meetings)."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhenxing.dispatch.problem_rules import PROBLEM_CATEGORIES
from zhenxing.fields import Choice, Moment, Text
from zhenxing.periods import PeriodField
from zhenxing.projects.plans import MAX_AMOUNT

Money = Field(ge=0, le=MAX_AMOUNT, description="万元")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReportFields(Strict):
    completed_investment: int = Field(ge=0, le=MAX_AMOUNT, description="本月完成投资（万元）")
    progress: Text = Field(default="", max_length=1000, description="形象进度")
    physical_percent: int | None = Field(default=None, ge=0, le=100, description="工程形象进度（%）")
    problems: Text = Field(default="", max_length=1000, description="存在问题（填写后列入问题清单）")
    next_plan: Text = Field(default="", max_length=1000, description="下月计划")
    registered: bool = Field(default=False, description="已入库（纳统）")


class ReportWrite(ReportFields):
    project_id: int = Field(ge=1, lt=2 ** 31)
    period: PeriodField


class Named(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


class ProjectBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    code: str
    name: str
    region: Named


class ReportRead(ReportFields):
    model_config = ConfigDict(from_attributes=True)
    id: int
    project: ProjectBrief
    period: str
    filed_at: Moment
    updated_at: Moment
    year_to_date: int | None = Field(default=None, description="本年累计完成投资（万元，由各月月报相加）")


class ReportStatusRow(BaseModel):
    project: ProjectBrief
    state: str = Field(description="on_time 按时 / late 补报 / pending 待报 / overdue 逾期未报")
    state_label: str
    report: ReportRead | None
    annual_plan: int
    year_to_date: int


class ReportStatus(BaseModel):
    period: str
    due_on: date
    counts: dict[str, int]
    rows: list[ReportStatusRow]


class ImportResult(BaseModel):
    file: str
    dry_run: bool
    created: int
    updated: int
    unchanged: int


class ProblemCreate(Strict):
    project_id: int = Field(ge=1, lt=2 ** 31)
    description: Text = Field(min_length=2, max_length=500, description="问题描述")
    category: Choice = Field(max_length=12, default="其他", description="、".join(PROBLEM_CATEGORIES))
    unit_id: int | None = Field(default=None, ge=1, lt=2 ** 31, description="责任单位")
    leader_id: int | None = Field(default=None, ge=1, lt=2 ** 31, description="责任领导")
    due_on: date | None = Field(default=None, description="解决时限")

    @field_validator("category")
    @classmethod
    def known_category(cls, value: str) -> str:
        if value not in PROBLEM_CATEGORIES:
            raise ValueError(f"问题类别须是 {'、'.join(PROBLEM_CATEGORIES)} 之一")
        return value


class ProblemUpdate(Strict):
    description: Text | None = Field(default=None, min_length=2, max_length=500)
    category: Choice | None = Field(default=None, max_length=12)
    unit_id: int | None = Field(default=None, ge=1, lt=2 ** 31)
    leader_id: int | None = Field(default=None, ge=1, lt=2 ** 31)
    due_on: date | None = None

    @field_validator("category")
    @classmethod
    def known_category(cls, value: str | None) -> str | None:
        if value is not None and value not in PROBLEM_CATEGORIES:
            raise ValueError(f"问题类别须是 {'、'.join(PROBLEM_CATEGORIES)} 之一")
        return value


class ProblemAction(Strict):
    action: Choice = Field(max_length=12, description="start 开始解决 / resolve 申请销号 / close 确认销号 / "
                                                      "reject 退回 / reopen 重新打开")
    note: Text = Field(default="", max_length=1000, description="解决情况或退回原因")


class ProblemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    project: ProjectBrief
    description: str
    category: str
    source: str
    source_label: str
    source_ref: int | None
    raised_on: date
    unit: Named | None
    leader: Named | None
    due_on: date | None
    status: str
    status_label: str
    overdue_days: int = Field(default=0, description="逾期天数（0：未逾期）")
    resolution: str
    resolved_on: date | None
    closed_on: date | None
    reopened: int


class ProblemPage(BaseModel):
    items: list[ProblemRead]
    total: int
    counts: dict[str, int]
    overdue: int
