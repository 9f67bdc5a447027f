"""JSON API of dispatch's tunable rules: the light rules of a year and the dispatch settings, as versions of
zhenxing.rules (validated, audited, history kept). Reading is open to every signed-in user (the rules are
published); changing is the project office's."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from zhenxing.dispatch import rule_kinds
from zhenxing.dispatch.api import ERRORS
from zhenxing.errors import Rejected
from zhenxing.fields import Name
from zhenxing.rules import service as rules
from zhenxing.rules.registry import get_kind
from zhenxing.web.deps import ApiUser, SessionDep

router = APIRouter(prefix="/dispatch/rules", tags=["dispatch"], responses=ERRORS)
Year = Annotated[int, Path(ge=2000, le=2100, description="年度")]


class RulesRead(BaseModel):
    kind: str
    label: str
    year: int | None
    source: str = Field(description="year 年度专用 / standing 通用 / preset 默认预设")
    name: str
    version: int | None
    data: Any
    presets: list[str]


class RulesWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")
    preset: Name | None = Field(default=None, max_length=40, description="采用一个预设（如“银川2025”“三亚2022”）")
    data: dict | None = Field(default=None, description="规则内容（不填 preset 时必填）")
    name: Name = Field(default="", max_length=100)


class VersionRead(BaseModel):
    id: int
    year: int
    version: int
    name: str
    active: bool
    created_by_name: str
    created_at: Any
    data: Any


def _read(session, kind: str, year: int | None) -> RulesRead:
    state = rules.rule_state(session, kind, year)
    entry = get_kind(kind)
    return RulesRead(kind=kind, label=entry.label, year=year, source=state.source, name=state.name,
                     version=state.version, data=state.data, presets=list(entry.presets))


def _write(session, user, kind: str, year: int | None, body: RulesWrite) -> None:
    if body.preset:
        rules.apply_preset(session, user, kind, body.preset, year)
    elif body.data is not None:
        rules.set_rules(session, user, kind, body.data, year, name=body.name)
    else:
        raise Rejected("请填写 preset（预设名称）或 data（规则内容）", field="data")


@router.get("/lights/{year}", response_model=RulesRead)
def get_light_rules(year: Year, session: SessionDep, _user: ApiUser):
    """The light rules in force for the year and where they come from."""
    return _read(session, rule_kinds.LIGHTS, year)


@router.put("/lights/{year}", response_model=RulesRead)
def put_light_rules(year: Year, body: RulesWrite, session: SessionDep, user: ApiUser):
    """Set the year's light rules (项目办): a preset, or rules given as data; a new audited version."""
    _write(session, user, rule_kinds.LIGHTS, year, body)
    return _read(session, rule_kinds.LIGHTS, year)


@router.get("/lights", response_model=list[VersionRead])
def light_rules_history(session: SessionDep, _user: ApiUser,
                        year: Annotated[int | None, Query(ge=2000, le=2100)] = None):
    """Every version of the light rules (newest first), of all years or of one year and the standing ones."""
    return [VersionRead.model_validate(row, from_attributes=True)
            for row in rules.history(session, rule_kinds.LIGHTS, year)]


@router.get("/settings", response_model=RulesRead)
def get_settings(session: SessionDep, _user: ApiUser):
    """The reporting window (月报截止日) and the default time limits of problems and meeting decisions."""
    return _read(session, rule_kinds.SETTINGS, None)


@router.put("/settings", response_model=RulesRead)
def put_settings(body: RulesWrite, session: SessionDep, user: ApiUser):
    _write(session, user, rule_kinds.SETTINGS, None, body)
    return _read(session, rule_kinds.SETTINGS, None)
