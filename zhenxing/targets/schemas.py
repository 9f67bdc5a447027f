"""Request and response models of the target ledger's API: targets with their tracking, readings,
benchmarks, the statistics-sheet import."""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from zhenxing.documents.schemas import Named

Kind = Literal["increase", "decrease", "level"]
Basis = Literal["ytd", "month", "quarter"]
Period = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="期间 YYYY-MM，如 2025-09")
Number = Field(gt=-(10**15), lt=10**15, allow_inf_nan=False)


class _Figure(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    indicator: str
    written: str
    value: Decimal
    unit: str
    kind: str
    comparator: str
    region: Named | None
    document_id: int | None
    source_withdrawn: bool = Field(default=False, description="its source document has been withdrawn (已撤回)")
    quote: str

    @field_serializer("value")
    def plain(self, value: Decimal) -> float:
        return float(value)


class TrackingRead(BaseModel):
    """Where a target stands on its trajectory (derived from its readings, never typed)."""

    state: str = Field(description="ahead 超进度 / on_track 符合进度 / behind 滞后 / none 无实绩")
    state_label: str
    status: str = Field(description="open 跟踪中 / met 已完成 / missed 未完成（由全年实绩得出）")
    status_label: str
    colour: str = Field(description="green / red / grey")
    latest_month: int | None
    latest: float | None
    progress: float | None = Field(description="(当前 − 起点)/(目标 − 起点)，0–1")
    expected_share: float | None = Field(description="序时应完成的比例，0–1")
    gap: str = Field(description="如“1-9月增长5.1%，低于全年目标6.5%，低于全省5.3%”")
    beats: dict[str, bool] = Field(description="跑赢对标：province 全省 / nation 全国")


class TargetRead(_Figure):
    year: int
    lead_unit: Named | None
    start_value: Decimal | None
    path: str
    profile: str
    status: str = Field(description="open 跟踪中 / met 已完成 / missed 未完成（由全年实绩得出）")
    tracking: TrackingRead

    @field_serializer("start_value")
    def plain_start(self, value: Decimal | None) -> float | None:
        return None if value is None else float(value)


class TargetUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lead_unit_id: int | None = Field(default=None, ge=1, lt=2**63)
    start_value: Decimal | None = Field(default=None, gt=-(10**15), lt=10**15, allow_inf_nan=False,
                                        description="年初基数（累计型指标的起点）")
    path: Literal["level", "accumulate"] | None = Field(
        default=None, description="level 全年保持（增速、比率、上限）/ accumulate 逐月累计（数量、金额）")
    profile: str | None = Field(default=None, max_length=60,
                                description="进度权重，如 1-1-2（三段）或 1-2-3-4（四个季度）；空为直线")


class ReadingRead(_Figure):
    period: str
    basis: str | None
    source: str


class ReadingWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    indicator: str = Field(min_length=1, max_length=200, description="指标名称（目标台账或指标目录中的）")
    period: str = Period
    value: Decimal = Number
    kind: Kind = Field(default="increase", description="increase 增速 / decrease 降幅 / level 绝对值")
    basis: Basis = Field(default="ytd", description="ytd 年初至今累计 / month 当月 / quarter 当季")
    unit: str = Field(default="", max_length=20)
    region_id: int | None = Field(default=None, ge=1, lt=2**63, description="缺省为市本级")


class BenchmarkWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    indicator: str = Field(min_length=1, max_length=200)
    period: str = Period
    level: Literal["province", "nation"] = Field(description="province 全省 / nation 全国")
    value: Decimal = Number
    kind: Kind = "increase"
    basis: Basis = "ytd"
    unit: str = Field(default="", max_length=20)


class BenchmarkRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    indicator: str
    period: str
    level: str
    kind: str
    basis: str
    value: Decimal
    unit: str
    source: str

    @field_serializer("value")
    def plain(self, value: Decimal) -> float:
        return float(value)


class ImportResult(BaseModel):
    figures: int
    created: int
    updated: int
    unchanged: int
    dry_run: bool
    year: int | None
