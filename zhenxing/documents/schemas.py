"""Request and response models of the documents, review, targets and tasks APIs."""

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from zhenxing.fields import Moment, Name, Text


class DocumentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str | None = Field(default=None, max_length=200, description="标题（缺省取正文第一行）")
    text: str = Field(min_length=1, description="正文（UTF-8 文本）")
    year: int = Field(ge=2000, le=2100, description="文件所部署的年度：2025年政府工作报告填 2025")
    region: str | None = Field(default=None, description="地区名称（缺省为市本级）")
    date: dt.date | None = Field(default=None, description="文件日期（如 2024-01-10；缺省时从正文文头或日期行读取）")


class Named(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


class DocumentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    year: int
    region: Named | None
    sha256: str
    source_name: str
    created_by: str
    created_at: Moment
    dated: dt.date | None = Field(description="the document's date: given, or read from its text")
    date_source: str = Field(description="given, header, title, dateline, year or none")
    status: str = Field(default="active", description="active (在用) or withdrawn (已撤回)")
    withdrawn_by: str = ""
    withdrawn_at: Moment | None = None
    withdrawn_reason: str = ""


class DocumentCorrect(BaseModel):
    """What to correct: any of year, date, region (each omitted stays), with an optional reason."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    year: int | None = Field(default=None, ge=2000, le=2100, description="文件所部署的年度")
    date: dt.date | None = Field(default=None, description="文件日期（缺省时按新年度从正文重新读取）")
    region: Name | None = Field(default=None, max_length=60, description="地区名称")
    reason: Text | None = Field(default=None, max_length=500, description="更正理由")


class DocumentWithdraw(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reason: Text = Field(min_length=1, max_length=500, description="撤回理由")


class DocumentOutcome(BaseModel):
    document: "DocumentRead"
    done: list[str] = Field(description="what the correction or withdrawal did, in sentences")


class IngestResult(BaseModel):
    document: DocumentRead
    created: bool = Field(description="false: the same text was ingested before; nothing new was drafted")
    drafts: dict[str, int]


class FactRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    quote: str
    indicator: str
    value: Decimal
    unit: str
    kind: str
    comparator: str
    stance: str
    start: int
    end: int

    @field_serializer("value")
    def plain(self, value: Decimal) -> float:
        return float(value)


class DocumentDetail(DocumentRead):
    text: str
    facts: list[FactRead]
    drafts: dict[str, int]


class DraftRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    document_id: int
    kind: str
    kind_label: str
    status: str
    status_label: str
    payload: dict
    quote: str
    start: int
    end: int
    result_id: int | None
    decided_by: str
    decided_at: Moment | None
    note: str
    confidence: float | None = Field(description="how sure the engine is (0–1); the queue can show the doubtful first")


class DraftEdit(BaseModel):
    """The fields to change; which ones a draft accepts depends on its kind."""

    model_config = ConfigDict(extra="allow")


class RejectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Text = Field(default="", max_length=500)


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    into_id: int = Field(description="id of the existing target, reading, task or project")


class BulkAccept(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[int] = Field(min_length=1, max_length=1000)


class TaskRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    year: int
    number: int
    content: str
    section: str
    lead_unit: Named | None
    partner_units: str
    leader: str
    deadline: str
    status: str
    document_id: int | None


class KeywordRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    keyword: str
    unit_name: str


class KeywordWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    keyword: Name = Field(min_length=1, max_length=60)
    unit_name: Name = Field(min_length=1, max_length=60)


class IndicatorMap(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    written: Name = Field(min_length=1, max_length=200, description="指标原文")
    indicator: Name = Field(min_length=1, max_length=200, description="目录中的指标名称")


class TargetUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str | None = Field(default=None, description="open 跟踪中 / met 已完成 / missed 未完成")
    lead_unit_id: int | None = None


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    content: str | None = Field(default=None, min_length=1)
    lead_unit_id: int | None = None
    partner_units: str | None = Field(default=None, max_length=500)
    leader: str | None = Field(default=None, max_length=100)
    deadline: str | None = Field(default=None, max_length=40)
    status: str | None = Field(default=None, max_length=12,
                               description="pending 未启动 / in_progress 推进中 / done 已完成 / late 滞后")


class StanceExampleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    document_id: int | None
    draft_id: int | None
    quote: str
    sentence: str
    engine_stance: str
    stance: str
    created_by: str
    created_at: Moment
    record: dict = Field(description="the example as a SPEC gold record (doc = the document's id)")
