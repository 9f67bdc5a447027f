"""Dispatch's scheduled work: the month's lights and leagues computed from the records.

`dispatch.monthly` (every 6 hours) judges every project's light for the reporting period (last month) and
scores the county and department leagues for it (and the city league in a province) — one
compute_month, which reads the month's records once. Safe to run any number of times: lights are updated in
place (an office override stays), a 督办 item is made once per project and period, a league is replaced by
the same computation. A run in the first days of a month (before the reporting day) already sees the reports
filed so far; the light rules count a report as missing only after its due day.
"""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.month import compute_month
from zhenxing.periods import parse_period, period_label, previous_period
from zhenxing.scheduler import register_job


def monthly(session: Session, *, now: datetime) -> str:
    today = local_date(now)
    period = previous_period(parse_period(today.strftime("%Y-%m")))
    month = compute_month(session=session, period=str(period), as_of=today)  # the records read once for all
    run = month.lights
    top = next((row["name"] for row in month.leagues["region"].results if row["rank"] == 1), "—")
    counts = run.counts
    cities = month.leagues.get("city")
    first_city = next((row["name"] for row in cities.results if row["rank"] == 1), "—") if cities else None
    return (f"{period_label(period)}：红灯 {counts['red']}、黄灯 {counts['yellow']}、绿灯 {counts['green']}；"
            f"新增督办 {run.escalations}；县区赛马第一 {top}" + (f"；城市赛马第一 {first_city}" if cities else ""))


register_job("dispatch.monthly", timedelta(hours=6), monthly, label="计算本期红黄绿灯与赛马排名")
