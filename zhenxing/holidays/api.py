"""The holiday table through the API: read a year (with where its days come from), set days, remove one."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from zhenxing.holidays import service
from zhenxing.web.deps import ApiUser, SessionDep
from zhenxing.web.errors_doc import ERRORS

router = APIRouter(prefix="/holidays", tags=["节假日"])
YearQuery = Annotated[int, Query(ge=2000, le=2100, description="年度")]


class DayRead(BaseModel):
    day: date
    is_workday: bool = Field(description="true 调休上班 / false 放假")
    name: str
    source: str = Field(description="日历库 / 本地设置 / 法定节日（暂定）")


class YearRead(BaseModel):
    year: int
    source: str
    provisional: bool = Field(description="该年期限是否仅按法定节日暂定计算（尚无调休安排）")
    days: list[DayRead]


class DaysWrite(BaseModel):
    start: date
    end: date | None = Field(None, description="不填则只设开始日一天")
    is_workday: bool = Field(description="true 调休上班 / false 放假")
    name: str = Field("", max_length=service.MAX_NAME, description="如“春节”“春节调休”")


@router.get("", response_model=YearRead, summary="某年的节假日与调休（含来源）")
def read_year(session: SessionDep, _user: ApiUser, year: YearQuery) -> YearRead:
    return YearRead(**service.year_days(session, year))


@router.post("", response_model=YearRead, status_code=201, responses=ERRORS, summary="设置放假或调休上班日")
def set_days(body: DaysWrite, session: SessionDep, user: ApiUser) -> YearRead:
    service.set_days(session, actor=user, start=body.start, end=body.end, is_workday=body.is_workday,
                     name=body.name)
    return YearRead(**service.year_days(session, body.start.year))


@router.delete("/{day}", status_code=204, responses=ERRORS, summary="删除某日的本地设置")
def remove_day(day: date, session: SessionDep, user: ApiUser) -> None:
    service.remove_day(session, actor=user, day=day)
