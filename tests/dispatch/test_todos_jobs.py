"""Dispatch in 我的待办 (reports 逾期未报, problems, meeting decisions — each within the user's scope, with cheap
counts) and the scheduled job computing the month's lights and leagues."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from tests.dispatch.test_lights_service import planned, report
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import jobs, meetings, problems, todos
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.models import LightEscalation, ProjectLight
from zhenxing.dispatch.pages import reporting_period
from zhenxing.league.models import LeagueRun
from zhenxing.todo.service import todo_count, todo_groups

PERIOD = reporting_period({})


def _items(source, session, user):
    return source(session, user, scope_for(session, user))


@pytest.fixture
def owing(session, world):
    """Two 凌海市 projects on this year's plan; one has filed the reporting period's report."""
    from tests.factories import make_project
    from zhenxing.auth.policy import Scope
    from zhenxing.dispatch import reports
    from zhenxing.dispatch.schemas import ReportFields
    from zhenxing.projects import plans

    everything = Scope("office", everything=True)
    made = []
    for name in ("滨海大道改造", "凌海物流园"):
        project = make_project(session, region_id=world.linghai.id, name=name)
        plans.set_plan(session=session, actor=None, scope=everything, project=project, year=PERIOD.year,
                       planned_investment=1200, today=date(PERIOD.year, 1, 5))
        made.append(project)
    reports.file_report(session=session, actor=world.office, scope=everything, project_id=made[0].id,
                        period=str(PERIOD), data=ReportFields(completed_investment=100), today=local_date())
    session.commit()
    return made


def test_a_county_is_asked_for_its_missing_report_the_office_gets_a_summary(session, world, owing):
    items = _items(todos.report_items, session, world.county)
    assert [item.title.split(" ")[0] for item in items] == ["凌海物流园"]
    assert items[0].url == f"/reports/{owing[1].id}/{PERIOD}"
    assert todos.report_count(session, world.county, scope_for(session, world.county)) == 1
    assert _items(todos.report_items, session, world.outsider) == []  # 黑山县 owes nothing
    office = _items(todos.report_items, session, world.office)
    assert office == [] or (office[0].level == "red" and "逾期未报 1 个项目" in office[0].title)
    assert _items(todos.report_items, session, world.leader) == []


def test_problems_and_decisions_reach_the_responsible_and_the_office_confirms(session, world, owing):
    office = scope_for(session, world.office)
    problem = problems.add_problem(session, actor=world.office, project=owing[1], description="用地指标未落实",
                                   category="用地", source="direct", source_ref=None, today=date(2025, 1, 1),
                                   due_on=date(2025, 2, 1))
    meeting = meetings.create_meeting(session, actor=world.office, period="2025-07", held_on=date(2025, 8, 12))
    decision = meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id,
                                     text="交通局打通进场道路", unit_id=world.transport.id,
                                     due_on=date(2099, 12, 31))
    session.commit()
    county = _items(todos.problem_items, session, world.county)
    assert [(i.title, i.level) for i in county] == [("用地指标未落实", "red")]
    assert _items(todos.problem_items, session, world.outsider) == []
    unit = _items(todos.decision_items, session, world.transport_user)
    assert [(i.title, i.level) for i in unit] == [("交通局打通进场道路", "normal")]
    assert _items(todos.decision_items, session, world.county) == []
    meetings.act_on_decision(session, actor=world.transport_user, scope=scope_for(session, world.transport_user),
                             decision_id=decision.id, action="resolve", note="已打通")
    problems.act(session=session, actor=world.county, scope=scope_for(session, world.county),
                 problem_id=problem.id, action="resolve", note="指标已下达")
    session.commit()
    assert _items(todos.decision_items, session, world.transport_user) == []
    assert [i.title for i in _items(todos.decision_items, session, world.office)] == ["确认销号：交通局打通进场道路"]
    assert [i.title for i in _items(todos.problem_items, session, world.office)] == ["确认销号：用地指标未落实"]
    groups = {g.key: len(g.items) for g in todo_groups(session, world.office, office)}
    assert groups["dispatch.problems"] == 1 and groups["dispatch.decisions"] == 1
    assert todo_count(session, world.office, office) >= 2


def test_the_monthly_job_computes_lights_and_leagues_and_is_idempotent(session, world):
    project = planned(session, world)
    report(session, world, project, "2025-07", 100)
    session.commit()
    now = datetime(2025, 8, 10, 2, 0, tzinfo=UTC)
    first = jobs.monthly(session, now=now)
    again = jobs.monthly(session, now=now)
    assert first == "2025年7月：红灯 1、黄灯 0、绿灯 0；新增督办 1；县区赛马第一 凌海市"
    assert again == first.replace("新增督办 1", "新增督办 0")  # the 督办 item is made once
    assert session.scalar(select(func.count(ProjectLight.id)).where(ProjectLight.period == "2025-07")) == 1
    assert session.scalar(select(func.count(LeagueRun.id)).where(LeagueRun.period == "2025-07")) == 2
    assert session.scalar(select(func.count(LightEscalation.id))) == 1


def test_the_job_is_registered_with_the_scheduler():
    from zhenxing.registry import load_all
    from zhenxing.scheduler import get_job

    load_all()
    assert get_job("dispatch.monthly").label == "计算本期红黄绿灯与赛马排名"
