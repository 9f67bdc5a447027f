"""Dispatch's scheduled work: the month's lights and leagues computed from the records.

`dispatch.monthly` (every 6 hours) judges every project's light for the reporting period (last month) and
scores the county and department leagues for it. Safe to run any number of times: lights are updated in
place (an office override stays), a 督办 item is made once per project and period, a league is replaced by
the same computation. A run in the first days of a month (before the reporting day) already sees the reports
filed so far; the light rules count a report as missing only after its due day.
"""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from zhenxing.dispatch import lights_service
from zhenxing.dispatch.clock import local_date
from zhenxing.league import service as league
from zhenxing.periods import parse_period, period_label, previous_period
from zhenxing.scheduler import register_job


def monthly(session: Session, *, now: datetime) -> str:
    today = local_date(now)
    period = previous_period(parse_period(today.strftime("%Y-%m")))
    run = lights_service.compute_lights(session=session, period=period, as_of=today)
    tables = [league.compute_league(session=session, kind=kind, period=period) for kind in ("region", "unit")]
    top = next((row["name"] for row in tables[0].results if row["rank"] == 1), "—")
    counts = run.counts
    return (f"{period_label(period)}：红灯 {counts['red']}、黄灯 {counts['yellow']}、绿灯 {counts['green']}；"
            f"新增督办 {run.escalations}；县区赛马第一 {top}")


register_job("dispatch.monthly", timedelta(hours=6), monthly, label="计算本期红黄绿灯与赛马排名")
