"""JSON API of league tables: /api/v1/league/{kind}/{period}, its .xlsx, computing, and schemes by year."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from zhenxing.dispatch.api import ERRORS
from zhenxing.league import service
from zhenxing.league.export import write_league
from zhenxing.league.schemes import SUBJECT_KINDS
from zhenxing.periods import PeriodField, period_label
from zhenxing.projects.excel_api import xlsx_response
from zhenxing.web.deps import ApiUser, SessionDep
from zhenxing.web.downloads import XLSX

router = APIRouter(prefix="/league", tags=["league"], responses=ERRORS)
Kind = Annotated[str, Path(pattern="^(region|unit|city)$",
                            description="region 县区 / unit 部门 / city 城市（省级部署）")]


class MeasureColumn(BaseModel):
    key: str
    label: str
    unit: str


class LeagueRead(BaseModel):
    subject_kind: str
    period: str
    computed_at: Any
    computed_by: str
    measures: list[MeasureColumn]
    results: list[dict] = Field(description="按名次：subject_id、name、total、rank、movement（↑2/↓1/—/新）、"
                                            "first、last、measures（每项 value、rank、points、detail）")


class SchemeRead(BaseModel):
    subject_kind: str
    year: int
    data: dict


def _read(run) -> LeagueRead:
    return LeagueRead(subject_kind=run.subject_kind, period=run.period, computed_at=run.computed_at,
                      computed_by=run.computed_by, measures=service.measure_columns(run), results=run.results)


@router.get("/{kind}/{period}", response_model=LeagueRead)
def get_league(kind: Kind, period: PeriodField, session: SessionDep, _user: ApiUser):
    """The period's league as stored (computed the first time it is asked for)."""
    return _read(service.get_league(session=session, kind=kind, period=period))


@router.post("/{kind}/{period}/compute", response_model=LeagueRead)
def compute_league(kind: Kind, period: PeriodField, session: SessionDep, user: ApiUser):
    """Score the period again from today's records (项目办); replaces the stored league of that period."""
    return _read(service.compute_league(session=session, kind=kind, period=period, actor=user))


@router.get("/{kind}/{period}/export.xlsx", response_class=StreamingResponse,
            responses={200: {"content": {XLSX: {}}, "description": "赛马排名表"}})
def export_league(kind: Kind, period: PeriodField, session: SessionDep, _user: ApiUser):
    run = service.get_league(session=session, kind=kind, period=period)
    title = f"{period_label(period)}{SUBJECT_KINDS[kind]}重点项目赛马排名"
    return xlsx_response(lambda target: write_league(target, title=title, results=run.results,
                                                     columns=service.measure_columns(run)), f"{title}.xlsx")


@router.get("/schemes/{kind}/{year}", response_model=SchemeRead)
def get_scheme(kind: Kind, year: Annotated[int, Path(ge=2000, le=2100)], session: SessionDep, _user: ApiUser):
    scheme = service.scheme_for(session, kind, year)
    return SchemeRead(subject_kind=kind, year=year, data=scheme.data)


@router.put("/schemes/{kind}/{year}", response_model=SchemeRead)
def put_scheme(kind: Kind, year: Annotated[int, Path(ge=2000, le=2100)], session: SessionDep, user: ApiUser,
               data: Annotated[dict, Body(description="评分办法（见 zhenxing/league/schemes.py）")]):
    scheme = service.update_scheme(session=session, actor=user, kind=kind, year=year, data=data)
    return SchemeRead(subject_kind=kind, year=year, data=scheme.data)
