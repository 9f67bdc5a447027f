"""Facts behind the lights: reporting windows, year-to-date sums, runs of missing reports, overdue problems."""

from datetime import date

import pytest

from zhenxing.dispatch.facts import (
    ProjectRecord,
    build_facts,
    first_open_period,
    index_of,
    overdue_problems,
    period_end,
    report_due,
    report_state,
    unreported_run,
    year_to_date,
)
from zhenxing.dispatch.light_rules import LightRulesError, parse_light_rules, preset


def i(text: str) -> int:
    year, month = map(int, text.split("-"))
    return index_of(date(year, month, 1))


def record(**fields) -> ProjectRecord:
    values = {"status": "active", "plan_start": None, "started_on": None, "plans": {2025: 1200}, "amounts": {},
              "reported": frozenset(), "registered_index": None}
    values.update(fields)
    return ProjectRecord(**values)


@pytest.mark.parametrize(("period", "day", "due"), [
    ("2025-03", 5, date(2025, 4, 5)),
    ("2025-12", 5, date(2026, 1, 5)),       # December's report is due in January of the next year
    ("2024-01", 31, date(2024, 2, 29)),     # a due day past February's end falls on its last day (leap year)
    ("2025-01", 31, date(2025, 2, 28)),
])
def test_a_report_is_due_on_the_due_day_of_the_next_month(period, day, due):
    assert report_due(i(period), day) == due


@pytest.mark.parametrize(("filed", "today", "state"), [
    (date(2025, 4, 5), date(2025, 4, 20), "on_time"),
    (date(2025, 4, 6), date(2025, 4, 20), "late"),
    (None, date(2025, 4, 5), "pending"),
    (None, date(2025, 4, 6), "overdue"),
])
def test_a_report_state_follows_its_window(filed, today, state):
    assert report_state(i("2025-03"), filed_on=filed, today=today, due_day=5) == state


def test_a_project_that_owes_nothing_is_not_due():
    assert report_state(i("2025-03"), filed_on=None, today=date(2025, 5, 1), due_day=5, owed=False) == "not_due"


def test_year_to_date_sums_from_january_and_restarts_each_year():
    amounts = {i("2024-11"): 50, i("2024-12"): 70, i("2025-01"): 10, i("2025-02"): 20, i("2025-04"): 5}
    assert year_to_date(amounts, i("2024-12")) == 120
    assert year_to_date(amounts, i("2025-01")) == 10
    assert year_to_date(amounts, i("2025-03")) == 30
    assert year_to_date(amounts, i("2025-12")) == 35


@pytest.mark.parametrize(("as_of", "first_open"), [
    (date(2025, 4, 5), "2025-03"),   # March's report is still within its window on the 5th
    (date(2025, 4, 6), "2025-04"),   # from the 6th March's report is overdue
    (date(2025, 1, 2), "2024-12"),
])
def test_the_first_open_period_moves_on_the_day_after_the_due_day(as_of, first_open):
    assert first_open_period(as_of, 5) == i(first_open)


def test_missing_reports_are_counted_back_to_the_last_one_filed():
    project = record(reported=frozenset({i("2025-02")}))
    assert unreported_run(project, i("2025-05"), closed_before=i("2025-06")) == 3


def test_a_period_still_within_its_window_is_not_missing_yet():
    project = record(reported=frozenset({i("2025-02")}))
    assert unreported_run(project, i("2025-05"), closed_before=i("2025-05")) == 2


def test_a_mid_year_start_owes_nothing_before_its_plan_year():
    project = record(plans={2025: 500})
    assert unreported_run(project, i("2025-02"), closed_before=i("2026-01")) == 2
    assert unreported_run(project, i("2024-12"), closed_before=i("2026-01")) == 0


def test_a_run_continues_across_the_year_end_when_both_years_are_planned():
    project = record(plans={2024: 100, 2025: 100}, reported=frozenset({i("2024-10")}))
    assert unreported_run(project, i("2025-01"), closed_before=i("2025-06")) == 3


def test_overdue_problems_are_those_open_at_the_end_past_their_deadline():
    end = date(2025, 6, 30)
    problems = [("用地", date(2025, 5, 31), None), ("环评", date(2025, 6, 20), date(2025, 7, 2)),
                ("资金", date(2025, 6, 1), date(2025, 6, 10)), ("规划", date(2025, 7, 5), None)]
    assert overdue_problems(problems, end) == (("用地", 30), ("环评", 10))


def test_build_facts_gives_each_period_its_plan_sum_and_run():
    project = record(plans={2025: 1200}, amounts={i("2025-01"): 100, i("2025-02"): 100},
                     reported=frozenset({i("2025-01"), i("2025-02")}), registered_index=i("2025-02"))
    jan, apr = build_facts(project, [i("2025-01"), i("2025-04")], as_of=date(2025, 6, 1), due_day=5)
    assert (jan.annual_plan, jan.ytd_completed, jan.unreported_months, jan.month) == (1200, 100, 0, 1)
    assert (apr.ytd_completed, apr.unreported_months, apr.period_end) == (200, 2, date(2025, 4, 30))


def test_period_end_knows_leap_februaries():
    assert period_end(i("2024-02")) == date(2024, 2, 29)
    assert period_end(i("2100-02")) == date(2100, 2, 28)


# ---- rule sets as data ----------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["yinchuan_2025", "sanya_2022"])
def test_the_presets_parse(key):
    assert parse_light_rules(preset(key)).name


@pytest.mark.parametrize(("change", "field"), [
    ({"name": ""}, "name"),
    ({"start": {"yellow_months": 3, "red_months": 1}}, "start.red_months"),
    ({"start": {"yellow_months": "one", "red_months": 3}}, "start.yellow_months"),
    ({"start": "soon"}, "start"),
    ({"progress": {"mode": "vibes"}}, "progress.mode"),
    ({"progress": {"mode": "points", "yellow_gap": 10, "red_gap": 130}}, "progress.red_gap"),
    ({"problems": {"yellow_days": 15, "red_days": 10 ** 20}}, "problems.red_days"),
    ({"escalation": [{"when": "blue", "label": "约谈"}]}, "escalation[1].when"),
    ({"escalation": [{"when": "red", "label": ""}]}, "escalation[1].label"),
    ({"payments": {}}, "payments"),
])
def test_a_bad_rule_set_is_refused_naming_the_field(change, field):
    with pytest.raises(LightRulesError) as caught:
        parse_light_rules({**preset("yinchuan_2025"), **change})
    assert caught.value.field == field


def test_a_family_set_to_null_is_switched_off():
    rules = parse_light_rules({**preset("yinchuan_2025"), "start": None, "registration": None})
    assert rules.start is None and rules.registration is None and rules.progress is not None
