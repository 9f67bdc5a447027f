"""The league page (赛马): a period's table with movement, first and last, a chart, the .xlsx, and the
office's scheme editor (the year's scheme as JSON, validated before it is saved)."""

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response, StreamingResponse

from zhenxing.auth.policy import can_manage
from zhenxing.dispatch.pages import reporting_period
from zhenxing.errors import Forbidden, Rejected
from zhenxing.league import registry, service
from zhenxing.league.charts import league_option
from zhenxing.league.export import league_rows, measure_heading, write_league
from zhenxing.league.scheme_text import VALUES, from_chinese, to_chinese
from zhenxing.league.schemes import METHODS, SUBJECT_KINDS, SchemeError
from zhenxing.periods import parse_period, period_label
from zhenxing.projects.excel_api import xlsx_response
from zhenxing.web.deps import PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.templating import render

router = APIRouter()


def _kind(value: str | None) -> str:
    return value if value in SUBJECT_KINDS else "region"


@router.get("/league")
def league_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    kind = _kind(request.query_params.get("kind"))
    period = reporting_period(request.query_params)
    run = service.get_league(session=session, kind=kind, period=period)
    columns = [{**column, "heading": measure_heading(column["label"], column["unit"]),
                "digits": 0 if column["unit"] == "个" else 1} for column in service.measure_columns(run)]
    header, rows = league_rows(run.results, columns)
    return render(request, "league/league.html", {
        "kind": kind, "kinds": service.kinds_in_use(session), "period": period, "label": period_label(period),
        "run": run,
        "columns": columns, "header": header, "rows": list(zip(rows, run.results, strict=True)),
        "chart": league_option(run.results), "office": can_manage(user.role),
        "quarter": parse_period(period).quarter})


@router.get("/league/export.xlsx")
def league_export(request: Request, session: SessionDep, user: PageUser) -> StreamingResponse:
    kind = _kind(request.query_params.get("kind"))
    period = reporting_period(request.query_params)
    run = service.get_league(session=session, kind=kind, period=period)
    title = f"{period_label(period)}{SUBJECT_KINDS[kind]}重点项目赛马排名"
    return xlsx_response(lambda target: write_league(target, title=title, results=run.results,
                                                     columns=service.measure_columns(run)), f"{title}.xlsx")


@router.post("/league/compute")
def league_compute(request: Request, session: SessionDep, user: PageUser, kind: Annotated[str, Form()] = "region",
                   period: Annotated[str, Form()] = "") -> Response:
    value = parse_period(period)
    service.compute_league(session=session, kind=_kind(kind), period=value, actor=user)
    message = f"已按最新数据重新计算{period_label(value)}排名"
    return saved(request, f"/league?kind={_kind(kind)}&period={value}", message)


def _labels(kind: str) -> dict[str, str]:
    return {measure.key: measure.label for measure in registry.measures_for(kind)}


def _scheme_page(request: Request, session, kind: str, year: int, text: str, error: str | None, status: int = 200):
    methods = {VALUES["method"][key]: text_ for key, text_ in METHODS.items()}
    return render(request, "league/scheme.html", {
        "kind": kind, "kinds": SUBJECT_KINDS, "year": year, "text": text, "error": error, "methods": methods,
        "measures": registry.measures_for(kind)}, status_code=status)


@router.get("/league/scheme")
def scheme_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    if not can_manage(user.role):
        raise Forbidden("只有项目办可以修改赛马评分办法")
    kind = _kind(request.query_params.get("kind"))
    year_text = request.query_params.get("year") or ""
    year = int(year_text) if year_text.isdigit() and 2000 <= int(year_text) <= 2100 else reporting_period({}).year
    scheme = service.scheme_for(session, kind, year)
    text = json.dumps(to_chinese(scheme.data, _labels(kind)), ensure_ascii=False, indent=2)
    return _scheme_page(request, session, kind, year, text, None)


@router.post("/league/scheme")
def save_scheme(request: Request, session: SessionDep, user: PageUser, kind: Annotated[str, Form()] = "region",
                year: Annotated[int, Form(ge=2000, le=2100)] = 2025,
                data: Annotated[str, Form(max_length=100_000)] = "") -> Response:
    kind = _kind(kind)
    try:
        parsed = from_chinese(json.loads(data), _labels(kind))
    except SchemeError as error:
        return _scheme_page(request, session, kind, year, data, error.message, 422)
    except ValueError as error:
        message = f"不是有效的 JSON：第 {getattr(error, 'lineno', '?')} 行附近有误"
        return _scheme_page(request, session, kind, year, data, message, 422)
    try:
        service.update_scheme(session=session, actor=user, kind=kind, year=year, data=parsed)
    except Rejected as error:
        session.rollback()
        return _scheme_page(request, session, kind, year, data, error.message, 422)
    return saved(request, f"/league/scheme?kind={kind}&year={year}", f"已保存{year}年评分办法")
