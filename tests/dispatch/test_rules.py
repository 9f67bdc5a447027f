"""Dispatch's tunable rules: light thresholds per year and the dispatch settings live in zhenxing.rules —
defaults from the published presets, validated, audited, and used by the lights, problems and league."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.dispatch.test_lights_service import compute, light_of, planned, report
from zhenxing import audit
from zhenxing.dispatch import problems, rule_kinds, settings
from zhenxing.dispatch.light_rules import preset
from zhenxing.errors import Forbidden, Rejected
from zhenxing.league import service as league
from zhenxing.league.schemes import preset as league_preset
from zhenxing.rules import service as rules
from zhenxing.rules.models import RuleSet


@pytest.fixture
def behind(session, world):
    project = planned(session, world)
    for month in range(1, 8):
        report(session, world, project, f"2025-{month:02d}", 40 if month < 6 else 0)
    session.commit()
    return project  # 200 of 1200 by July: 16.7 % against 58.3 % elapsed, 41.7 points behind


def test_without_settings_the_yinchuan_preset_and_the_5th_are_in_force(session):
    assert settings.light_rules(session, 2025).name == "银川市 2025 年重点项目红黄绿灯"
    assert rules.rule_state(session, rule_kinds.LIGHTS, 2025).source == "preset"
    assert (settings.report_due_day(session), settings.problem_days(session), settings.decision_workdays(session)) \
        == (5, 30, 20)


def test_tuned_thresholds_change_the_light_and_the_year_keeps_its_own(session, world, behind):
    assert light_of(session, behind, "2025-07") is None
    compute(session, "2025-07")
    assert light_of(session, behind, "2025-07").light == "red"
    tuned = preset("yinchuan_2025")
    tuned["progress"]["red_gap"] = 50
    rules.set_rules(session, world.office, rule_kinds.LIGHTS, tuned, 2025, name="本市2025")
    compute(session, "2025-07")
    row = light_of(session, behind, "2025-07")
    assert (row.light, row.rules_name) == ("yellow", "银川市 2025 年重点项目红黄绿灯")
    assert settings.light_rules(session, 2024).progress.red == 30  # 2024 still judged by the default


def test_the_sanya_preset_judges_by_the_share_below_schedule(session, world, behind):
    rules.apply_preset(session, world.office, rule_kinds.LIGHTS, "三亚2022", 2025)
    compute(session, "2025-07")
    row = light_of(session, behind, "2025-07")
    assert row.light == "red" and row.rules_name == "三亚市 2022 年重点项目红黄绿灯"
    assert row.reasons[0]["text"] == "年度投资完成率 16.7%，低于序时进度 58.3% 的 71%"


def test_bad_thresholds_are_refused_naming_the_field_and_nothing_changes(session, world):
    bad = preset("yinchuan_2025")
    bad["progress"]["red_gap"] = 5  # red below yellow
    with pytest.raises(Rejected) as caught:
        rules.set_rules(session, world.office, rule_kinds.LIGHTS, bad, 2025)
    assert caught.value.field == "progress.red_gap" and "不能小于" in caught.value.message
    with pytest.raises(Rejected) as caught:
        rules.set_rules(session, world.office, rule_kinds.SETTINGS, {"report_due_day": 31})
    assert caught.value.field == "report_due_day"
    assert session.scalar(select(func.count(RuleSet.id))) == 0


def test_changes_are_audited_and_only_the_office_makes_them(session, world):
    rules.set_rules(session, world.office, rule_kinds.SETTINGS, {"report_due_day": 10, "problem_days": 20})
    event = audit.list_events(session, entity="rule_set")[0]
    assert event.summary == "调度工作设置（通用）第1版设置：自定义"
    assert event.changes["report_due_day"] == [None, 10] and event.changes["kind"] == "dispatch.settings"
    assert settings.report_due_day(session) == 10
    with pytest.raises(Forbidden):
        rules.set_rules(session, world.county, rule_kinds.SETTINGS, {"report_due_day": 3})


def test_the_default_problem_deadline_follows_the_settings(session, world):
    rules.set_rules(session, world.office, rule_kinds.SETTINGS, {"problem_days": 10})
    project = planned(session, world)
    problem = problems.add_problem(session, actor=world.office, project=project, description="用地指标未落实",
                                   category="用地", source="direct", source_ref=None,
                                   today=date(2025, 3, 1))
    assert problem.due_on == date(2025, 3, 11)


def test_league_schemes_are_rules_versioned_per_year(session, world):
    data = league_preset("region")
    data["measures"][0]["weight"] = 30
    league.update_scheme(session=session, actor=world.office, kind="region", year=2025, data=data)
    league.update_scheme(session=session, actor=world.office, kind="region", year=2025, data=data)
    versions = session.scalars(select(RuleSet.version).where(RuleSet.kind == "league.region", RuleSet.year == 2025))
    assert sorted(versions) == [1, 2]
    assert league.scheme_for(session, "region", 2026).source == "earlier"
    assert league.scheme_for(session, "region", 2024).source == "preset"


def test_the_api_reads_and_sets_the_years_light_rules(api_as, world):
    office, county = api_as(world.office), api_as(world.county)
    assert county.get("/api/v1/dispatch/rules/lights/2025").json()["source"] == "preset"
    answer = office.put("/api/v1/dispatch/rules/lights/2025", json={"preset": "三亚2022"})
    assert answer.status_code == 200, answer.text
    assert (answer.json()["source"], answer.json()["name"]) == ("year", "三亚2022")
    assert county.put("/api/v1/dispatch/rules/lights/2025", json={"preset": "银川2025"}).status_code == 403
    bad = office.put("/api/v1/dispatch/rules/lights/2025", json={"data": {"name": "x", "start": {"yellow_months": -1,
                                                                                              "red_months": 3}}})
    assert bad.status_code == 422 and bad.json()["field"] == "start.yellow_months"
    assert [v["version"] for v in office.get("/api/v1/dispatch/rules/lights?year=2025").json()] == [1]
    assert office.put("/api/v1/dispatch/rules/settings", json={"data": {"report_due_day": 8}}).json()["data"][
        "report_due_day"] == 8


def test_the_rules_page_is_the_offices(page_as, world, session):
    client, token = page_as(world.office)
    page = client.get("/lights/rules?year=2025")
    assert page.status_code == 200 and "银川市 2025 年重点项目红黄绿灯" in page.text
    saved = client.post("/lights/rules", data={"csrf_token": token, "year": "2025", "preset": "三亚2022"},
                        follow_redirects=False)
    assert saved.status_code == 303
    assert "三亚2022" in client.get("/lights/rules?year=2025").text
    form = {"csrf_token": token, "year": "2025", "name": "本市2025", "progress_on": "1", "progress_mode": "points",
            "progress_yellow": "10", "progress_red": "40", "progress_min_plan": "0", "start_on": "1",
            "start_yellow": "1", "start_red": "3", "step0_when": "red", "step0_consecutive": "1",
            "step0_label": "约谈包保领导",
            **{f"{part}_shown": "1" for part in ("progress", "start", "registration", "unreported", "problems",
                                                  "steps")}}
    assert client.post("/lights/rules", data=form, follow_redirects=False).status_code == 303
    tuned = rules.rule_state(session, rule_kinds.LIGHTS, 2025)
    assert tuned.data["progress"] == {"mode": "points", "yellow_gap": 10, "red_gap": 40, "min_plan": 0}
    assert tuned.data["registration"] is None and tuned.data["escalation"] == [
        {"when": "red", "consecutive": 1, "label": "约谈包保领导"}]
    refused = client.post("/lights/rules", data={**form, "progress_red": "5"})
    assert refused.status_code == 422 and "投资进度的红灯门槛" in refused.text
    county, _ = page_as(world.county)
    assert county.get("/lights/rules").status_code == 403
