"""Request and response models of the appeals API (bounded inputs, Chinese field descriptions)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhenxing.appeals.models import CHANNELS, REQUESTER_KINDS
from zhenxing.appeals.timerules import TYPES, URGENCIES
from zhenxing.fields import Choice, Code, Line, Moment, Name, Text

Channel = Literal[tuple(CHANNELS)]  # type: ignore[valid-type]
AppealType = Literal[tuple(TYPES)]  # type: ignore[valid-type]
Urgency = Literal[tuple(URGENCIES)]  # type: ignore[valid-type]
RequesterKind = Literal[tuple(REQUESTER_KINDS)]  # type: ignore[valid-type]
PHONE = r"^[0-9+\-\s]{0,20}$"
# An extra question's key or answer (checked again, per question, by the category's form).
Answer = Annotated[Line, Field(max_length=1000)]


class AppealCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    channel: Channel = Field("phone", description="渠道")
    type: AppealType = Field("complaint", description="类型：咨询、求助、投诉、举报、建议、表扬")
    urgency: Urgency = Field("normal", description="紧急程度")
    category_code: Code = Field(min_length=1, max_length=20, description="分类编码（见 /api/v1/appeals/categories）")
    requester_kind: RequesterKind = "citizen"
    requester_name: Name = Field("", max_length=60)
    requester_phone: Code = Field("", max_length=20, pattern=PHONE)
    requester_id_no: Code = Field("", max_length=30, pattern=r"^[0-9A-Za-z]{0,30}$",
                                 description="身份证号或统一社会信用代码")
    company: Name = Field("", max_length=200)
    anonymous: bool = False
    title: Line = Field("", max_length=100)
    description: Text = Field(min_length=5, max_length=4000)
    address: Line = Field("", max_length=200)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    region_id: int | None = Field(None, ge=1, lt=2**63)
    answers: dict[Answer, Answer | list[Answer] | float | int] = Field(default_factory=dict, max_length=50)
    project_id: int | None = Field(None, ge=1, lt=2**63)

    @field_validator("answers")
    @classmethod
    def _bounded_answers(cls, value: dict) -> dict:
        for key, answer in value.items():
            if len(key) > 60 or len(str(answer)) > 1000 or (isinstance(answer, list) and len(answer) > 50):
                raise ValueError(f"附加问题“{key[:60]}”的回答过长")
        return value


class AppealAck(BaseModel):
    """What an accepted intake answers: the tracking number is only given once the appeal is committed."""

    id: int
    tracking_no: str
    status: str
    duplicates: list[dict] = []


class EventRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    event: Choice = Field(max_length=30, description="操作：dispatch、accept、return、reply、rate…")
    reason: Text = Field("", max_length=4000, description="理由、答复内容、回访记录等")
    unit_id: int | None = Field(None, ge=1, lt=2**63, description="派单：承办单位")
    handler_region_id: int | None = Field(None, ge=1, lt=2**63, description="派单：兜底的县（市）区")
    partner_unit_ids: list[int] = Field(default_factory=list, max_length=20)
    result: Literal["resolved", "partly", "unresolved"] | None = None
    level: int | None = Field(None, description="评价：1 非常满意 … 5 非常不满意")
    extension_days: int | None = Field(None, ge=1, le=250, description="延期：延长的工作日数")
    target_id: int | None = Field(None, ge=1, lt=2**63, description="合并：主件的编号")


class AppealRead(BaseModel):
    """An appeal as the reader may see it (personal data masked unless they handle it)."""

    id: int
    tracking_no: str
    channel: str
    channel_label: str
    type: str
    urgency: str
    category_code: str
    category_name: str
    status: str
    status_label: str
    requester_kind: str
    requester_name: str
    requester_phone: str
    requester_id_no: str
    company: str
    title: str
    description: str
    address: str
    latitude: float | None
    longitude: float | None
    region: str | None
    handler: str
    received_at: Moment
    accept_due: Moment | None
    close_due: Moment | None
    replied_at: Moment | None
    closed_at: Moment | None
    reply_result: str | None
    reply_text: str
    rating_level: int | None
    rating_defaulted: bool
    escalation_level: int
    plus_ones: int
    merged_into_id: int | None
    project_id: int | None
    masked: bool
    card: str | None


class AppealPage(BaseModel):
    items: list[AppealRead]
    total: int
    page: int
    per_page: int


class CategoryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    name: str
    group: str
    description: str
    default_unit_id: int | None
    keywords: str
    questions: list
    reply_template: str
    active: bool


class TimelineEntry(BaseModel):
    at: Moment
    actor: str
    summary: str


class TrackRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    tracking_no: Code = Field(min_length=6, max_length=20)
    phone_last4: Code = Field(max_length=4, pattern=r"^\d{4}$")


class RatingRequest(TrackRequest):
    level: int = Field(description="1 非常满意 … 5 非常不满意")
    comment: Text = Field("", max_length=500)


def chinese_error(error: dict) -> str:
    """A pydantic error in Chinese (the field is named by the caller)."""
    kind, context = error.get("type", ""), error.get("ctx") or {}
    messages = {
        "string_too_short": f"至少{context.get('min_length')}个字",
        "string_too_long": f"至多{context.get('max_length')}个字",
        "too_long": f"至多{context.get('max_length')}个字", "too_short": f"至少{context.get('min_length')}个字",
        "text_refused": error.get("msg", ""), "text_too_long": error.get("msg", ""),
        "missing": "必填", "less_than_equal": f"不能大于{context.get('le')}", "greater_than_equal":
        f"不能小于{context.get('ge')}", "less_than": f"应小于{context.get('lt')}", "literal_error": "不是可选的值",
        "string_pattern_mismatch": "格式不正确", "float_parsing": "应为数字", "int_parsing": "应为整数",
        "extra_forbidden": "不是可填写的字段",
    }
    return messages.get(kind, "格式不正确")
