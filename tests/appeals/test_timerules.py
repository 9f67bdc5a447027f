"""Time rules as data: which rule applies, deadlines in natural hours, natural days and working days across
China's holidays and 调休, pauses, the extension cap, and validation of rules given as data."""

from datetime import UTC, datetime, timedelta

import pytest

from zhenxing.appeals.machine import BEIJING
from zhenxing.appeals.timerules import (
    BEIJING_RULES,
    DEFAULT_SETTINGS,
    FALLBACK_RULE,
    Limit,
    RuleError,
    TimeRule,
    deadlines,
    extension_cap,
    paused,
    resolve,
    settings_from,
    settings_to,
)
from zhenxing.workdays import WorkCalendar

CAL = WorkCalendar()


def bj(*args) -> datetime:
    return datetime(*args, tzinfo=BEIJING)


@pytest.mark.parametrize(("category", "urgency", "expected"), [
    ("0701", "urgent", "紧急诉求"), ("0302", "normal", "水电气热"), ("0302", "urgent", "紧急诉求"),
    ("0701", "normal", "一般诉求"), ("0701", "complex", "复杂诉求"),
    ("0302", "complex", "水电气热"),  # equally specific: the rule listed first wins
])
def test_the_most_specific_rule_applies_and_urgent_always_wins(category, urgency, expected):
    assert resolve(BEIJING_RULES, category, "complaint", urgency).name == expected


def test_no_matching_rule_falls_back_to_seven_days():
    assert resolve((), "0701", "complaint", "normal") is FALLBACK_RULE
    assert FALLBACK_RULE.close == Limit(7, "days")


def test_beijing_presets_count_natural_hours_and_days():
    start = bj(2025, 9, 30, 16, 0)  # the day before 国庆
    urgent = deadlines(resolve(BEIJING_RULES, "0701", "help", "urgent"), start, CAL)
    assert urgent.close_due == bj(2025, 9, 30, 18, 0)
    ordinary = deadlines(resolve(BEIJING_RULES, "0701", "help", "normal"), start, CAL)
    assert ordinary.close_due == bj(2025, 10, 7, 16, 0)  # natural days run through the holiday


def test_working_day_clocks_skip_the_national_day_holiday_and_count_the_make_up_saturday():
    rule = TimeRule("山东", accept=Limit(4, "workhours"), contact=Limit(1, "workdays"), close=Limit(5, "workdays"))
    due = deadlines(rule, bj(2025, 9, 30, 10, 0), CAL)
    # 10-01..10-08 are off; Saturday 10-11 is a 调休 working day.
    assert due.contact_due == bj(2025, 10, 9, 10, 0)
    assert due.close_due == bj(2025, 10, 14, 10, 0)
    assert due.accept_due == bj(2025, 9, 30, 15, 30)  # 10:00–12:00 and 13:30–15:30


def test_working_hours_carry_over_the_spring_festival():
    rule = TimeRule("x", accept=Limit(2, "workhours"), contact=Limit(1, "hours"), close=Limit(1, "days"))
    # Friday 2025-01-24 16:30; the festival runs 01-28..02-04, Sunday 01-26 is a make-up working day.
    assert deadlines(rule, bj(2025, 1, 24, 16, 30), CAL).accept_due == bj(2025, 1, 26, 9, 30)


def test_the_rule_times_are_the_same_instants_in_utc():
    start = datetime(2025, 3, 10, 1, 0, tzinfo=UTC)
    due = deadlines(resolve(BEIJING_RULES, "0701", "help", "normal"), start, CAL)
    assert due.close_due == start + timedelta(days=7) and due.close_due.tzinfo is UTC


def test_a_pause_moves_the_deadline_only_when_the_rule_pauses():
    due, start, end = bj(2025, 3, 20, 9), bj(2025, 3, 12, 9), bj(2025, 3, 13, 15)
    assert paused(due, start, end, BEIJING_RULES[3]) == due + timedelta(hours=30)
    assert paused(due, start, end, BEIJING_RULES[2]) == due


def test_the_extension_cap_is_ten_working_days_after_the_original_deadline():
    # From Friday 09-26: Sunday 09-28 is a 调休 working day, 10-01..10-08 are off, Saturday 10-11 works.
    assert extension_cap(DEFAULT_SETTINGS, bj(2025, 9, 26, 17), CAL) == bj(2025, 10, 16, 17)


def test_settings_round_trip_as_data():
    assert settings_from(settings_to(DEFAULT_SETTINGS)) == DEFAULT_SETTINGS


@pytest.mark.parametrize(("change", "message"), [
    ({"rules": []}, "rules 应为 1–200 条"),
    ({"rules": [{"name": "x", "accept": {"amount": 2, "unit": "weeks"}}]}, "rules[0].accept.unit"),
    ({"rules": [{"name": "x", "accept": {"amount": 0, "unit": "hours"}}]}, "rules[0].accept.amount"),
    ({"rules": [{"name": "", "accept": {"amount": 1, "unit": "hours"}}]}, "rules[0].name"),
    ({"max_extensions": 9}, "max_extensions 应为 0–5"),
    ({"return_window": {"amount": 2**63, "unit": "workdays"}}, "return_window.amount"),
    ({"rules": [{"name": "x", "accept": {"amount": 1, "unit": "hours"}, "contact": {"amount": 1, "unit": "hours"},
                 "close": {"amount": 1, "unit": "hours"}, "urgency": "panic"}]}, "rules[0].urgency"),
])
def test_invalid_settings_are_refused_naming_the_field(change, message):
    data = {**settings_to(DEFAULT_SETTINGS), **change}
    with pytest.raises(RuleError, match=message.replace("[", r"\[").replace("]", r"\]")):
        settings_from(data)
