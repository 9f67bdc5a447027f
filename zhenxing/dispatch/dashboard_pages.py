"""驾驶舱: the leader's one screen for a period, readable on a phone."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from zhenxing.dispatch import overview
from zhenxing.dispatch.charts import (
    investment_by_region_option,
    lights_by_region_option,
    progress_gauge_option,
    trend_option,
)
from zhenxing.dispatch.pages import reporting_period
from zhenxing.league.charts import league_option
from zhenxing.periods import period_label
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/dashboard")
def dashboard(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    period = reporting_period(request.query_params)
    figures = overview.overview(session=session, scope=scope, period=period)
    share = figures.headline.share
    ranked = [row for row in figures.league if row["rank"] is not None]
    return render(request, "dispatch/dashboard.html", {
        "period": period, "label": period_label(period), "o": figures,
        "gauge": progress_gauge_option(float(share) if share is not None else None, float(figures.headline.elapsed)),
        "lights_chart": lights_by_region_option(figures.lights_by_region),
        "league_chart": league_option(figures.league),
        "investment_chart": investment_by_region_option(figures.investment_by_region, period.month),
        "trend_chart": trend_option(figures.monthly, figures.headline.plan),
        "top": ranked[:3], "bottom": ranked[max(3, len(ranked) - 3):], "gap": len(ranked) > 6})  # rank order
