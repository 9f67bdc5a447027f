"""The leader's screen: investment against plan by county, the monthly trend, stuck projects, overdue
decisions — aggregates over the scope, figures built in Python for ECharts."""

from datetime import date

import pytest

from tests.dispatch.test_lights_service import planned, report
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import meetings, overview
from zhenxing.dispatch.charts import investment_by_region_option, trend_option
from zhenxing.periods import parse_period


@pytest.fixture
def city(session, world):
    moving = planned(session, world, name="滨海大道改造", started_on=date(2025, 2, 1))
    stuck = planned(session, world, amount=5000, name="凌海物流园", started_on=date(2025, 1, 10))
    far = planned(session, world, amount=800, name="黑山光伏", started_on=date(2025, 3, 1))
    far.region_id = world.heishan.id
    for month in range(1, 8):
        report(session, world, moving, f"2025-{month:02d}", 100)
        report(session, world, stuck, f"2025-{month:02d}", 300 if month < 4 else 0)
        report(session, world, far, f"2025-{month:02d}", 50)
    session.commit()
    return moving, stuck, far


def test_the_screens_aggregates(session, world, city):
    moving, stuck, far = city
    figures = overview.overview(session=session, scope=scope_for(session, world.leader),
                                period=parse_period("2025-07"), with_league=False)
    assert figures.investment_by_region == [("凌海市", 6200, 700 + 900), ("黑山县", 800, 350)]
    assert figures.monthly == [(1, 450), (2, 450), (3, 450), (4, 150), (5, 150), (6, 150), (7, 150)]
    assert (figures.stuck_count, [row[1] for row in figures.stuck]) == (1, ["凌海物流园"])
    county = overview.overview(session=session, scope=scope_for(session, world.county),
                               period=parse_period("2025-07"), with_league=False)
    assert county.investment_by_region == [("凌海市", 6200, 1600)]  # a county sees its own


def test_overdue_decisions_are_counted_for_the_scope(session, world):
    meeting = meetings.create_meeting(session, actor=world.office, period="2025-07", held_on=date(2025, 8, 12))
    office = scope_for(session, world.office)
    meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="凌海",
                          region_id=world.linghai.id, due_on=date(2025, 8, 20))
    meetings.add_decision(session, actor=world.office, scope=office, meeting_id=meeting.id, text="交通",
                          unit_id=world.transport.id, due_on=date(2099, 1, 1))
    session.commit()
    figures = overview.overview(session=session, scope=scope_for(session, world.leader),
                                period=parse_period("2025-07"), with_league=False)
    assert (figures.open_decision_count, figures.overdue_decision_count) == (2, 1)
    county = overview.overview(session=session, scope=scope_for(session, world.county),
                               period=parse_period("2025-07"), with_league=False)
    assert (county.open_decision_count, [d.text for d in county.overdue_decisions]) == (1, ["凌海"])


def test_chart_options_carry_the_figures():
    option = investment_by_region_option([("凌海市", 20000, 9000), ("黑山县", 0, 10)], 6)
    assert option["series"][0]["data"] == [2.0, 0.0] and option["series"][1]["data"] == [0.9, 0.0]
    assert option["series"][2]["data"] == [45.0, None]
    assert option["series"][2]["markLine"]["data"] == [{"yAxis": 50.0}]
    trend = trend_option([(1, 100), (2, 300)], 1200)
    assert trend["series"][0]["data"] == [8.3, 33.3] and trend["series"][1]["data"] == [8.3, 16.7]


def test_the_dashboard_page_shows_them(page_as, world, city):
    client, _ = page_as(world.leader)
    page = client.get("/dashboard?period=2025-07")
    assert page.status_code == 200
    for words in ('data-testid="investment-chart"', 'data-testid="trend-chart"', "停滞项目", "凌海物流园",
                  "连续3个月无投资进展"):
        assert words in page.text, words
