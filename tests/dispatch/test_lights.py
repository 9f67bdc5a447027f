"""Lights: each rule family at its edges, under the Yinchuan 2025 and Sanya 2022 presets."""

from dataclasses import replace
from datetime import date

import pytest

from zhenxing.dispatch.facts import index_of, period_end
from zhenxing.dispatch.light_rules import parse_light_rules, preset
from zhenxing.dispatch.lights import LightFacts, escalation, judge

YINCHUAN = parse_light_rules(preset("yinchuan_2025"))
SANYA = parse_light_rules(preset("sanya_2022"))


def facts(period: str, **fields) -> LightFacts:
    year, month = map(int, period.split("-"))
    index = index_of(date(year, month, 1))
    return LightFacts(status=fields.pop("status", "active"), period_index=index, period_end=period_end(index),
                      **fields)


def on_track(period: str, plan: int = 1200, **fields) -> LightFacts:
    """A project exactly at 序时进度."""
    month = int(period[5:])
    return facts(period, annual_plan=plan, ytd_completed=plan * month // 12, **fields)


def color(f: LightFacts, rules=YINCHUAN) -> str:
    return judge(f, rules).color


# ---- status ------------------------------------------------------------------------------------

def test_a_project_on_schedule_is_green_and_says_so():
    verdict = judge(on_track("2025-06"), YINCHUAN)
    assert (verdict.color, verdict.reasons, verdict.summary) == ("green", (), "各项指标正常")


def test_a_suspended_project_is_grey_whatever_its_figures():
    verdict = judge(facts("2025-06", status="suspended", annual_plan=1200, ytd_completed=0), YINCHUAN)
    assert verdict.color == "grey" and "暂停" in verdict.summary


def test_a_cancelled_project_gets_no_light():
    assert judge(facts("2025-06", status="cancelled"), YINCHUAN) is None


# ---- start (Yinchuan: not started in the planned month → yellow, 3 months → red) ----------------

@pytest.mark.parametrize(("period", "expected"), [
    ("2025-02", "green"),    # the planned date lies ahead
    ("2025-03", "yellow"),   # the planned month ended without a start
    ("2025-04", "yellow"),
    ("2025-05", "red"),      # the third month-end without a start
    ("2025-12", "red"),
])
def test_not_starting_turns_yellow_in_the_planned_month_and_red_after_three(period, expected):
    assert color(facts(period, plan_start=date(2025, 3, 15))) == expected


def test_the_start_reason_counts_days_since_the_planned_date():
    verdict = judge(facts("2025-04", plan_start=date(2025, 3, 15)), YINCHUAN)
    assert verdict.reasons[0].text == "计划开工日期（2025-03-15）已过46天仍未开工（第2个月）"


def test_a_start_after_the_period_end_still_counts_as_not_started_then():
    late = facts("2025-05", plan_start=date(2025, 3, 1), started_on=date(2025, 6, 2))
    assert color(late) == "red"
    assert color(replace(late, started_on=date(2025, 5, 31))) == "green"


def test_a_start_planned_in_december_turns_yellow_at_its_end_and_red_in_february():
    plan = date(2024, 12, 20)
    assert [color(facts(p, plan_start=plan)) for p in ("2024-11", "2024-12", "2025-01", "2025-02")] == [
        "green", "yellow", "yellow", "red"]


def test_a_planned_start_on_leap_day_counts_days_across_february():
    verdict = judge(facts("2024-03", plan_start=date(2024, 2, 29)), YINCHUAN)
    assert "已过31天" in verdict.reasons[0].text
    assert facts("2024-02").period_end == date(2024, 2, 29)


def test_the_sanya_rules_do_not_judge_starts():
    assert color(facts("2025-12", plan_start=date(2025, 1, 1)), SANYA) == "green"


# ---- progress: points (Yinchuan) ---------------------------------------------------------------

@pytest.mark.parametrize(("done", "expected"), [
    (600, "green"),    # June: 50 % done, 序时 50 %
    (481, "green"),    # 9.9 points behind
    (480, "yellow"),   # exactly 10 points behind
    (240, "yellow"),   # exactly 30 points behind
    (239, "red"),      # more than 30 behind
    (0, "red"),
    (1300, "green"),   # ahead of plan
])
def test_points_behind_schedule_turn_yellow_from_ten_and_red_beyond_thirty(done, expected):
    assert color(facts("2025-06", annual_plan=1200, ytd_completed=done)) == expected


def test_the_progress_reason_gives_rate_schedule_and_gap():
    verdict = judge(facts("2025-07", annual_plan=1000, ytd_completed=310), YINCHUAN)
    assert verdict.reasons[0].text == "年度投资完成率 31%，低于序时进度 58.3% 27.3 个百分点"


def test_in_january_one_twelfth_of_the_year_is_due():
    assert color(facts("2025-01", annual_plan=1200, ytd_completed=0)) == "green"  # 8.3 points behind
    assert color(facts("2025-02", annual_plan=1200, ytd_completed=0)) == "yellow"  # 16.7 points behind


def test_in_december_the_whole_plan_is_due():
    assert color(facts("2025-12", annual_plan=1200, ytd_completed=1200)) == "green"
    assert color(facts("2025-12", annual_plan=1200, ytd_completed=960)) == "yellow"  # 20 points short
    assert color(facts("2025-12", annual_plan=1200, ytd_completed=839)) == "red"


def test_a_project_without_a_plan_this_year_is_not_judged_on_progress():
    assert color(facts("2025-09", annual_plan=0, ytd_completed=0)) == "green"


# ---- progress: ratio (Sanya: at 序时 green, up to 50 % below yellow, more red) ------------------

@pytest.mark.parametrize(("done", "expected"), [
    (600, "green"), (599, "yellow"), (300, "yellow"), (299, "red"), (0, "red")])
def test_the_sanya_ratio_compares_completion_with_schedule(done, expected):
    assert color(facts("2025-06", annual_plan=1200, ytd_completed=done), SANYA) == expected


def test_sanya_leaves_plans_under_ten_million_yuan_unjudged():
    assert color(facts("2025-06", annual_plan=999, ytd_completed=0), SANYA) == "green"
    assert color(facts("2025-06", annual_plan=1000, ytd_completed=0), SANYA) == "red"


def test_the_sanya_reason_gives_the_shortfall_as_a_share_of_schedule():
    verdict = judge(facts("2025-06", annual_plan=1200, ytd_completed=240), SANYA)
    assert verdict.reasons[0].text == "年度投资完成率 20%，低于序时进度 50% 的 60%"


# ---- registration (入库) -------------------------------------------------------------------------

@pytest.mark.parametrize(("period", "expected"), [
    ("2025-03", "green"), ("2025-04", "yellow"), ("2025-05", "yellow"), ("2025-06", "red")])
def test_a_start_not_registered_turns_yellow_a_month_later_and_red_after_two(period, expected):
    assert color(facts(period, started_on=date(2025, 3, 10))) == expected


def test_registration_in_or_before_the_period_clears_the_rule():
    started = facts("2025-06", started_on=date(2025, 3, 10), registered_index=index_of(date(2025, 5, 1)))
    assert color(started) == "green"
    assert color(replace(started, registered_index=index_of(date(2025, 7, 1)))) == "red"


def test_a_start_in_december_registered_in_january_is_green_across_the_year_end():
    start = facts("2025-01", started_on=date(2024, 12, 28), registered_index=index_of(date(2025, 1, 1)))
    assert color(start) == "green"
    assert color(replace(start, registered_index=None)) == "yellow"


# ---- reports and problems ----------------------------------------------------------------------

@pytest.mark.parametrize(("months", "expected"), [(0, "green"), (1, "green"), (2, "yellow"), (3, "red")])
def test_missing_reports_turn_yellow_after_two_months_and_red_after_three(months, expected):
    assert color(on_track("2025-06", unreported_months=months)) == expected


@pytest.mark.parametrize(("days", "expected"), [(14, "green"), (15, "yellow"), (29, "yellow"), (30, "red")])
def test_an_overdue_problem_turns_yellow_at_fifteen_days_and_red_at_thirty(days, expected):
    assert color(on_track("2025-06", overdue_problems=(("用地指标", days),))) == expected


def test_the_problem_reason_names_the_problem_and_its_days():
    verdict = judge(on_track("2025-06", overdue_problems=(("用地指标", 30),)), YINCHUAN)
    assert verdict.summary == "问题“用地指标”逾期30天未解决"


def test_every_fired_rule_gives_a_reason_worst_first():
    verdict = judge(facts("2025-06", plan_start=date(2025, 5, 1), annual_plan=1200, ytd_completed=0,
                          unreported_months=2), YINCHUAN)
    assert verdict.color == "red"
    assert [r.family for r in verdict.reasons] == ["progress", "start", "unreported"]
    assert [r.color for r in verdict.reasons] == ["red", "yellow", "yellow"]


# ---- escalation ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("history", "expected"), [
    ([], None),
    (["green"], None),
    (["yellow"], None),
    (["green", "yellow", "yellow"], "连续黄灯，约谈项目包保领导"),
    (["yellow", "green", "yellow"], None),
    (["yellow", "red"], "发督办函，约谈项目包保领导"),
    (["red", "yellow"], "连续黄灯，约谈项目包保领导"),
    (["grey", "yellow"], None),
])
def test_yinchuan_escalates_a_red_or_two_yellows_in_a_row(history, expected):
    step = escalation(history, YINCHUAN)
    assert (step.label if step else None) == expected


@pytest.mark.parametrize(("history", "expected"), [
    (["yellow"], "约谈项目负责人"),
    (["yellow", "yellow"], "约谈分管副市长"),
    (["green", "red"], "约谈市领导"),
])
def test_sanya_escalates_yellow_to_the_lead_two_to_the_vice_mayor_red_to_the_city(history, expected):
    assert escalation(history, SANYA).label == expected
