"""The statistics page (by unit, region, category, channel, month; rankings with red and black lists; hot
spots; campaigns) and the .xlsx exports of any filtered list and of the statistics."""

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from zhenxing.appeals import exports, queries, stats
from zhenxing.appeals import settings as loop
from zhenxing.appeals.pages import parse_filters, stats_context
from zhenxing.audit import now_utc
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.templating import render

router = APIRouter()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _previous(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year - (number == 1)}-{12 if number == 1 else number - 1:02d}"


@router.get("/appeals/stats")
def stats_page(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    params = request.query_params
    month = (params.get("month") or "")[:7] or stats.month_of(now_utc())
    if len(month) != 7 or not month[:4].isdigit() or month[4] != "-" or not month[5:].isdigit():
        month = stats.month_of(now_utc())
    context = stats_context(session, scope, params)
    return render(request, "appeals/stats.html", {
        **context, "month": month,
        "units": stats.ranking(session=session, kind="unit", month=month),
        "counties": stats.ranking(session=session, kind="region", month=month),
        "hot": stats.hot_spots(session=session, month=month, previous=_previous(month)),
        "campaigns": stats.campaign_progress(session=session),
    })


@router.get("/appeals/stats.xlsx")
def stats_export(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    context = stats_context(session, scope, request.query_params)
    body = exports.stats_workbook(context["table"], title=f"12345诉求统计（按{context['table']['by_label']}）")
    return Response(body, media_type=XLSX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''appeal-stats-{date.today():%Y%m%d}.xlsx"})


@router.get("/appeals/export.xlsx")
def list_export(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    """Any filtered list, masked (the export leaves the system: personal data stays inside)."""
    now = now_utc()
    query = queries.select_appeals(scope, parse_filters(request.query_params), now, queries.soon_limit(session, now))
    rows = session.scalars(query.order_by(queries.Appeal.received_at.desc()).limit(50_000)).unique()
    calendar = loop.calendar(session)
    body = exports.list_workbook([queries.read(a, masked=True, now=now, calendar=calendar) for a in rows])
    return Response(body, media_type=XLSX, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''appeals-{date.today():%Y%m%d}.xlsx"})
