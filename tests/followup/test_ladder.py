"""Escalation ladders: data that validates itself, where an item stands, and the yellow/red cards."""

from datetime import UTC, date, datetime, timedelta

import pytest
from pydantic import ValidationError

from zhenxing.followup.ladder import (
    CARD_LADDER,
    DEFAULT_LADDER,
    Ladder,
    Step,
    as_due,
    card,
    make_ladder,
    next_step,
    reached,
    stand,
    step_time,
)
from zhenxing.workdays import BEIJING, WorkCalendar

CAL = WorkCalendar()
T = datetime
# Due at 17:30 on Thursday 2024-10-10, after the 国庆 holiday (10-01..07 off, Saturday 10-12 a make-up day).
DUE = T(2024, 10, 10, 17, 30)


def test_steps_are_built_positionally_or_by_name():
    assert Step("remind", "提醒", -1, "workdays") == Step(key="remind", label="提醒", offset=-1, unit="workdays")
    assert Step("remind", "提醒", -1).unit == "workdays"


@pytest.mark.parametrize(("data", "words"), [
    ({"key": "Remind", "label": "提醒", "offset": -1}, "小写英文字母"),
    ({"key": "", "label": "提醒", "offset": -1}, "key"),
    ({"key": "remind", "label": "", "offset": -1}, "label"),
    ({"key": "remind", "label": "提醒" * 11, "offset": -1}, "label"),
    ({"key": "remind", "label": "提醒", "offset": 400}, "offset"),
    ({"key": "remind", "label": "提醒", "offset": -1, "unit": "weeks"}, "unit"),
    ({"key": "remind", "label": "提醒", "offset": -1, "colour": "red"}, "colour"),
])
def test_a_bad_step_is_refused_naming_the_field(data, words):
    with pytest.raises(ValidationError) as refused:
        Step(**data)
    assert words in str(refused.value)


def test_a_ladder_must_be_ordered_with_unique_keys():
    with pytest.raises(ValidationError, match="步骤应按时间先后排列：“催办”（逾期1个工作日）不晚于前一步“督办”"):
        make_ladder(Step("supervise", "督办", 3), Step("urge", "催办", 1))
    with pytest.raises(ValidationError, match="不晚于"):
        make_ladder(Step("a", "甲", 1), Step("b", "乙", 1))
    with pytest.raises(ValidationError, match="步骤代码重复：urge"):
        make_ladder(Step("urge", "催办", 1), Step("urge", "再催", 2))
    with pytest.raises(ValidationError):
        make_ladder()
    with pytest.raises(ValidationError):
        make_ladder(*(Step(f"s{i}", f"第{i}步", i) for i in range(13)))


def test_mixed_units_are_ordered_by_nominal_length():
    ladder = make_ladder(Step("soon", "临期", -4, "workhours"), Step("due", "到期", 0, "hours"),
                         Step("late", "逾期", 1, "workdays"), Step("later", "严重逾期", 30, "hours"))
    assert [step.key for step in ladder] == ["soon", "due", "late", "later"]
    with pytest.raises(ValidationError):
        make_ladder(Step("late", "逾期", 1, "days"), Step("sooner", "提醒", 20, "hours"))


def test_a_ladder_reads_like_data():
    assert len(DEFAULT_LADDER) == 4
    assert DEFAULT_LADDER.step("supervise").label == "督办"
    with pytest.raises(KeyError):
        DEFAULT_LADDER.step("nope")
    assert Ladder.model_validate({"steps": [{"key": "a", "label": "甲", "offset": 1}]}).steps[0].unit == "workdays"
    assert [step.when for step in DEFAULT_LADDER] == ["期限前1个工作日", "逾期1个工作日", "逾期3个工作日",
                                                      "逾期5个工作日"]
    assert Step("due", "到期", 0, "hours").when == "到期时"


def test_step_times_follow_the_working_calendar():
    assert [step_time(DUE, step, CAL) for step in DEFAULT_LADDER] == [
        T(2024, 10, 9, 17, 30), T(2024, 10, 11, 17, 30), T(2024, 10, 14, 17, 30), T(2024, 10, 16, 17, 30)]
    # Due just before 国庆: the reminder is on the Sunday make-up day, 催办 after the holiday.
    due = T(2024, 9, 30, 17, 30)
    assert step_time(due, DEFAULT_LADDER.step("remind"), CAL) == T(2024, 9, 29, 17, 30)
    assert step_time(due, DEFAULT_LADDER.step("urge"), CAL) == T(2024, 10, 8, 17, 30)


@pytest.mark.parametrize(("now", "key"), [
    (T(2024, 10, 9, 17, 29), None),
    (T(2024, 10, 9, 17, 30), "remind"),
    (T(2024, 10, 10, 17, 31), "remind"),
    (T(2024, 10, 11, 17, 30), "urge"),
    (T(2024, 10, 12, 9, 0), "urge"),
    (T(2024, 10, 14, 17, 30), "supervise"),
    (T(2024, 10, 16, 17, 30), "notify"),
    (T(2025, 1, 1), "notify"),
])
def test_stand_is_the_furthest_step_reached(now, key):
    step = stand(DUE, now, DEFAULT_LADDER, CAL)
    assert (step.key if step else None) == key


def test_reached_lists_every_step_passed_so_a_late_job_records_them_all():
    assert [s.key for s in reached(DUE, T(2024, 10, 15), DEFAULT_LADDER, CAL)] == ["remind", "urge", "supervise"]
    assert reached(DUE, T(2024, 10, 1), DEFAULT_LADDER, CAL) == []


def test_next_step_says_what_comes_and_when():
    assert next_step(DUE, T(2024, 10, 10, 9, 0), DEFAULT_LADDER, CAL) == (DEFAULT_LADDER.step("urge"),
                                                                         T(2024, 10, 11, 17, 30))
    assert next_step(DUE, T(2025, 1, 1), DEFAULT_LADDER, CAL) is None


def test_a_plain_list_of_steps_is_a_ladder_and_is_checked():
    steps = [Step("a", "甲", -2), Step("b", "乙", 2)]
    assert stand(DUE, T(2024, 10, 9), steps, CAL).key == "a"
    with pytest.raises(ValidationError):
        stand(DUE, T(2024, 10, 9), list(reversed(steps)), CAL)


def test_a_due_date_is_due_at_the_end_of_that_day():
    assert as_due(date(2024, 10, 10)) == T(2024, 10, 10, 23, 59, 59, 999999)
    assert as_due(DUE) is DUE
    assert as_due(date(2024, 10, 10), T(2024, 10, 1, tzinfo=UTC)).tzinfo is BEIJING


@pytest.mark.parametrize(("now", "colour"), [
    (T(2024, 10, 8, 12, 0), None),
    (T(2024, 10, 9, 17, 29), None),
    (T(2024, 10, 9, 17, 30), "yellow"),     # one working day before the due time
    (T(2024, 10, 10, 17, 30), "yellow"),    # the due moment itself is not late
    (T(2024, 10, 10, 17, 31), "red"),
    (T(2024, 11, 1), "red"),
])
def test_cards_yellow_one_working_day_before_red_when_overdue(now, colour):
    assert card(DUE, now, CAL) == colour


def test_cards_count_working_days_over_a_holiday():
    # Due 10-08 (first day after 国庆): one working day before is 09-30, so the whole holiday is yellow.
    due = date(2024, 10, 8)
    assert card(due, T(2024, 9, 30, 12, 0), CAL) is None
    assert card(due, T(2024, 10, 1, 0, 0), CAL) == "yellow"
    assert card(due, T(2024, 10, 8, 23, 0), CAL) == "yellow"
    assert card(due, T(2024, 10, 9, 0, 0), CAL) == "red"     # the first overdue day


def test_cards_compare_aware_and_naive_moments_in_beijing_time():
    due = date(2024, 10, 10)
    # 2024-10-10 16:30 UTC is 10-11 00:30 in Beijing: overdue.
    assert card(due, T(2024, 10, 10, 16, 30, tzinfo=UTC), CAL) == "red"
    assert card(due, T(2024, 10, 10, 15, 30, tzinfo=UTC), CAL) == "yellow"
    aware_due = T(2024, 10, 10, 9, 30, tzinfo=UTC)  # 17:30 Beijing
    assert card(aware_due, T(2024, 10, 10, 17, 31), CAL) == "red"
    assert stand(aware_due, T(2024, 10, 11, 17, 30), DEFAULT_LADDER, CAL).key == "urge"


def test_the_card_ladder_agrees_with_card():
    for hours in range(-72, 72, 5):
        now = DUE + timedelta(hours=hours)
        step = stand(DUE, now, CARD_LADDER, CAL)  # never exactly DUE, where red starts only after
        assert (step.key if step else None) == card(DUE, now, CAL), now
