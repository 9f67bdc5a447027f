"""Every city-tunable rule kind through one API (light thresholds, league schemes, appeal time limits and
ranking weights, escalation ladders, supervision scoring…): read what is in force and where it comes from,
set a new version (validated, audited), apply a preset, read the history. Who may change a kind is the
kind's own `editors`; everybody signed in may read."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from zhenxing.fields import Moment, Name
from zhenxing.rules import service
from zhenxing.rules.models import ALL_YEARS
from zhenxing.rules.registry import get_kind, kinds
from zhenxing.web.deps import ApiUser, SessionDep
from zhenxing.web.errors_doc import ERRORS

router = APIRouter(prefix="/rules", tags=["规则"])

RuleKindName = Annotated[str, Path(max_length=60, pattern=r"^[a-z][a-z0-9_.]*$",
                                   description="规则类别，如 dispatch.lights、appeals.loop")]
RuleYear = Annotated[int | None, Query(ge=2000, le=2100, description="年度（不填为各年通用的规则）")]


class KindRead(BaseModel):
    kind: str
    label: str
    description: str
    per_year: bool
    editors: list[str]
    presets: list[str]
    default: str


class RulesRead(BaseModel):
    kind: str
    label: str
    year: int | None
    source: str = Field(description="year 本年度规则 / standing 通用规则 / preset 默认预设")
    version: int | None
    name: str
    data: Any
    set_by: str
    set_at: Moment | None
    presets: list[str]
    json_schema: dict | None


class RulesWrite(BaseModel):
    data: Any = Field(description="规则内容（与读取时 data 的结构相同）")
    name: Name = Field("", max_length=100, description="版本名称，如“2026年赛马方案”")


class PresetWrite(BaseModel):
    preset: Name = Field(max_length=100, description="预设名称")


class VersionRead(BaseModel):
    id: int
    year: int | None
    version: int
    name: str
    active: bool
    data: Any
    set_by: str
    set_at: Moment


def _read(session, kind: str, year: int | None) -> RulesRead:
    entry = get_kind(kind)
    state = service.rule_state(session, kind, year)
    return RulesRead(kind=kind, label=entry.label, year=year, source=state.source, version=state.version,
                     name=state.name, data=state.data, set_by=state.set_by, set_at=state.set_at,
                     presets=list(entry.presets), json_schema=entry.json_schema())


@router.get("", response_model=list[KindRead], summary="可调整的规则类别")
def list_kinds(_user: ApiUser) -> list[KindRead]:
    return [KindRead(kind=entry.kind, label=entry.label, description=entry.description, per_year=entry.per_year,
                     editors=sorted(entry.editors), presets=list(entry.presets), default=entry.default)
            for entry in sorted(kinds(), key=lambda entry: entry.kind)]


@router.get("/{rule_kind}", response_model=RulesRead, responses=ERRORS, summary="现行规则及其来源")
def read_rules(rule_kind: RuleKindName, session: SessionDep, _user: ApiUser, year: RuleYear = None) -> RulesRead:
    return _read(session, rule_kind, year)


@router.put("/{rule_kind}", response_model=RulesRead, responses=ERRORS, summary="设定新版本（校验并记录变更）")
def write_rules(rule_kind: RuleKindName, body: RulesWrite, session: SessionDep, user: ApiUser,
                year: RuleYear = None) -> RulesRead:
    service.set_rules(session, user, rule_kind, body.data, year, name=body.name)
    return _read(session, rule_kind, year)


@router.post("/{rule_kind}/preset", response_model=RulesRead, responses=ERRORS, summary="采用预设")
def use_preset(rule_kind: RuleKindName, body: PresetWrite, session: SessionDep, user: ApiUser,
               year: RuleYear = None) -> RulesRead:
    service.apply_preset(session, user, rule_kind, body.preset, year)
    return _read(session, rule_kind, year)


@router.get("/{rule_kind}/history", response_model=list[VersionRead], responses=ERRORS, summary="历次版本")
def rule_history(rule_kind: RuleKindName, session: SessionDep, _user: ApiUser,
                 year: RuleYear = None) -> list[VersionRead]:
    return [VersionRead(id=row.id, year=None if row.year == ALL_YEARS else row.year, version=row.version,
                        name=row.name, active=row.active, data=row.data, set_by=row.created_by_name,
                        set_at=row.created_at)
            for row in service.history(session, rule_kind, year)]
