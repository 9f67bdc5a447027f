"""When a task's monthly report falls due: the office's day, clipped to the month, moved past rest days."""

from datetime import date, timedelta

from zhenxing.supervision.reporting import due_date, expected_periods, last_due, shift_period


def weekdays(day: date) -> bool:
    return day.weekday() < 5


def every_day(_day: date) -> bool:
    return True


def test_the_reporting_day_is_clipped_to_short_months():
    assert due_date("2025-02", 30, every_day) == date(2025, 2, 28)
    assert due_date("2024-02", 30, every_day) == date(2024, 2, 29)
    assert due_date("2025-04", 31, every_day) == date(2025, 4, 30)


def test_a_deadline_on_a_rest_day_moves_to_the_next_working_day():
    assert due_date("2025-06", 28, weekdays) == date(2025, 6, 30)  # Saturday → Monday
    holiday = {date(2025, 10, d) for d in range(1, 9)}
    assert due_date("2025-10", 1, lambda d: weekdays(d) and d not in holiday) == date(2025, 10, 9)


def test_the_last_due_period_is_this_months_once_its_day_has_passed():
    assert last_due(date(2025, 7, 29), 28, every_day) == ("2025-07", date(2025, 7, 28))
    assert last_due(date(2025, 7, 28), 28, every_day) == ("2025-06", date(2025, 6, 28))
    assert last_due(date(2025, 1, 10), 28, every_day) == ("2024-12", date(2024, 12, 28))


def test_no_report_is_due_before_the_task_existed():
    assert last_due(date(2025, 7, 10), 28, every_day, since=date(2025, 7, 1)) is None
    assert last_due(date(2025, 7, 29), 28, every_day, since=date(2025, 7, 1)) == ("2025-07", date(2025, 7, 28))
    # begun after June's deadline: June's report is not expected of it
    assert last_due(date(2025, 7, 10), 28, every_day, since=date(2025, 6, 29)) is None
    assert last_due(date(2025, 7, 10), 28, every_day, since=date(2025, 6, 28)) == ("2025-06", date(2025, 6, 28))


def test_periods_shift_across_years():
    assert shift_period("2025-01", -1) == "2024-12"
    assert shift_period("2024-12", 1) == "2025-01"
    assert shift_period("2025-03", 14) == "2026-05"


def test_expected_periods_are_those_due_in_a_window():
    found = expected_periods(date(2025, 1, 1), date(2025, 3, 31), 28, every_day)
    assert found == [("2025-01", date(2025, 1, 28)), ("2025-02", date(2025, 2, 28)), ("2025-03", date(2025, 3, 28))]
    assert expected_periods(date(2025, 1, 29), date(2025, 2, 27), 28, every_day) == []
    assert len(expected_periods(date(2025, 1, 1), date(2025, 12, 31), 28, weekdays)) == 12
    assert all(due >= date(2025, 1, 1) for _, due in expected_periods(date(2025, 1, 1) - timedelta(days=3),
                                                                      date(2025, 6, 1), 28, weekdays)[1:])
