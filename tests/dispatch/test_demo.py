"""The dispatch demo a new user meets: laid relative to the day it is loaded, so every dispatch page shows
something current (issue 7: twelve months of reports, some late, some missing; problems in every state; lights
of every colour; a finished field review; two past meetings with decisions)."""

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from zhenxing.demo import load_demo
from zhenxing.dispatch.clock import local_date, today
from zhenxing.dispatch.facts import report_due
from zhenxing.dispatch.models import (
    DispatchMeeting,
    FieldReview,
    MeetingDecision,
    Problem,
    ProgressReport,
    ProjectLight,
)
from zhenxing.league.models import LeagueRun
from zhenxing.periods import parse_period, period_of, previous_period
from zhenxing.projects.models import AnnualPlan


def test_the_demo_is_current_and_every_dispatch_page_has_something(session):
    load_demo(session)
    now = today()
    latest = previous_period(period_of(now))  # the month being reported now
    first = previous_period(latest, 11)
    # finished projects carry one old report, their 入库 month; the twelve months are the building projects'
    periods = sorted(set(session.scalars(select(ProgressReport.period).where(ProgressReport.period >= first))))
    assert periods[-1] == latest and len(periods) == 12 and periods[0] == first
    assert session.scalar(select(func.count()).select_from(AnnualPlan).where(AnnualPlan.year == now.year)) > 0

    late = 0
    for period in periods[:-1]:  # the latest month may still be within its window
        due = report_due(parse_period(period).index, 5)
        filed = [local_date(at) for at in session.scalars(select(ProgressReport.filed_at)
                                                           .where(ProgressReport.period == period))]
        late += sum(1 for day in filed if day > due)
    reported = Counter(session.scalars(select(ProgressReport.project_id).where(ProgressReport.period >= first)))
    missing = sum(1 for count in reported.values() if count < 12)
    assert late > 0 and missing > 0

    statuses = set(session.scalars(select(Problem.status)))
    assert {"open", "in_progress", "resolved", "closed"} <= statuses
    overdue = session.scalar(select(func.count()).select_from(Problem).where(
        Problem.status.in_(("open", "in_progress")), Problem.due_on < now))
    assert overdue > 0

    colours = set(session.scalars(select(ProjectLight.light).where(ProjectLight.period == latest)))
    assert {"red", "yellow", "green"} <= colours
    assert session.scalar(select(func.count()).select_from(LeagueRun).where(LeagueRun.period == latest)) == 2

    reviews = list(session.scalars(select(FieldReview)))
    assert any(r.status == "finished" for r in reviews)
    meetings = list(session.scalars(select(DispatchMeeting).order_by(DispatchMeeting.held_on)))
    assert len(meetings) == 2 and all(m.held_on <= now for m in meetings)
    assert meetings[-1].held_on >= now - timedelta(days=62)
    decisions = set(session.scalars(select(MeetingDecision.status)))
    assert {"open", "resolved", "closed"} <= decisions
