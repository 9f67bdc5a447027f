"""Working days on China's official calendar with 调休, overrides for unknown years, and durations in four units."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from zhenxing.errors import Rejected
from zhenxing.workdays import (
    BEIJING,
    DEFAULT_HOURS,
    LAST_LUNAR_YEAR,
    UnknownYear,
    WorkCalendar,
    WorkHours,
    library_years,
    statutory_holidays,
)

CAL = WorkCalendar()
D = date
T = datetime


@pytest.mark.parametrize(("day", "working"), [
    # 春节 2024: 02-10..02-17 off; Sundays 02-04 and 02-18 are make-up working days.
    (D(2024, 2, 4), True), (D(2024, 2, 9), True), (D(2024, 2, 10), False), (D(2024, 2, 12), False),
    (D(2024, 2, 17), False), (D(2024, 2, 18), True), (D(2024, 2, 19), True), (D(2024, 2, 3), False),
    # 国庆 2024: 10-01..10-07 off; Sunday 09-29 and Saturday 10-12 work.
    (D(2024, 9, 28), False), (D(2024, 9, 29), True), (D(2024, 9, 30), True), (D(2024, 10, 1), False),
    (D(2024, 10, 7), False), (D(2024, 10, 8), True), (D(2024, 10, 12), True), (D(2024, 10, 13), False),
    # 春节 2025: 01-28..02-04 off; Sunday 01-26 and Saturday 02-08 work.
    (D(2025, 1, 26), True), (D(2025, 1, 28), False), (D(2025, 2, 4), False), (D(2025, 2, 8), True),
    # Ordinary weeks.
    (D(2025, 3, 14), True), (D(2025, 3, 15), False), (D(2025, 3, 16), False),
])
def test_official_holidays_and_make_up_days(day, working):
    assert CAL.is_workday(day) is working
    assert CAL.is_holiday(day) is (not working)


def test_a_datetime_is_judged_by_its_beijing_date():
    # 2024-09-30 20:00 UTC is already 10-01 04:00 in Beijing: a holiday.
    assert CAL.is_workday(T(2024, 9, 30, 20, 0, tzinfo=UTC)) is False
    assert CAL.is_workday(T(2024, 9, 30, 20, 0)) is True  # naive = Beijing time


def test_holiday_names_in_chinese():
    assert CAL.holiday_name(D(2024, 2, 12)) == "春节"
    assert CAL.holiday_name(D(2024, 10, 3)) == "国庆节"
    assert CAL.holiday_name(D(2024, 2, 4)) == "春节调休上班"
    assert CAL.holiday_name(D(2024, 3, 5)) is None
    assert CAL.holiday_name(D(2024, 3, 9)) is None  # a plain Saturday


@pytest.mark.parametrize(("start", "count", "expected"), [
    (D(2024, 2, 8), 1, D(2024, 2, 9)),
    (D(2024, 2, 9), 1, D(2024, 2, 18)),   # over 春节 to the Sunday make-up day
    (D(2024, 2, 3), 1, D(2024, 2, 4)),    # Saturday → the Sunday make-up day
    (D(2024, 2, 9), 2, D(2024, 2, 19)),
    (D(2024, 9, 27), 1, D(2024, 9, 29)),
    (D(2024, 9, 27), 2, D(2024, 9, 30)),
    (D(2024, 9, 27), 3, D(2024, 10, 8)),
    (D(2024, 9, 27), 5, D(2024, 10, 10)),
    (D(2024, 9, 27), 7, D(2024, 10, 12)),  # the Saturday make-up day
    (D(2024, 9, 27), 8, D(2024, 10, 14)),
    (D(2024, 10, 8), -1, D(2024, 9, 30)),
    (D(2024, 10, 8), -2, D(2024, 9, 29)),
    (D(2024, 10, 3), -1, D(2024, 9, 30)),
    (D(2024, 2, 18), -1, D(2024, 2, 9)),
    (D(2024, 10, 3), 0, D(2024, 10, 8)),   # 0 from a holiday: the next working day
    (D(2024, 10, 8), 0, D(2024, 10, 8)),
    (D(2025, 3, 14), 1, D(2025, 3, 17)),   # Friday → Monday
])
def test_add_workdays_across_holidays_and_make_up_days(start, count, expected):
    assert CAL.add_workdays(start, count) == expected


def test_workdays_between_counts_after_start_up_to_end():
    assert CAL.workdays_between(D(2024, 9, 27), D(2024, 10, 12)) == 7
    # Going back, the start is excluded and the end included, as going forward.
    assert CAL.workdays_between(D(2024, 10, 12), D(2024, 9, 27)) == -7
    assert CAL.workdays_between(D(2024, 10, 12), D(2024, 9, 28)) == -6
    assert CAL.workdays_between(D(2024, 10, 13), D(2024, 9, 27)) == -8
    assert CAL.workdays_between(D(2024, 2, 9), D(2024, 2, 18)) == 1
    assert CAL.workdays_between(D(2024, 10, 1), D(2024, 10, 7)) == 0
    assert CAL.workdays_between(D(2025, 3, 14), D(2025, 3, 14)) == 0


def test_workdays_between_undoes_add_workdays_on_every_day_of_a_leap_year():
    day = D(2024, 1, 1)
    while day.year == 2024:
        for count in (-10, -3, -1, 1, 2, 5, 15):
            assert CAL.workdays_between(day, CAL.add_workdays(day, count)) == count, (day, count)
        day += timedelta(days=1)


def test_a_year_has_the_official_number_of_working_days():
    # 2024: 366 days, 251 working days after 调休 (State Council notice 国办发明电〔2023〕7号).
    assert CAL.workdays_between(D(2023, 12, 31), D(2024, 12, 31)) == 251
    # 2025: 248, after 春节 and 劳动节 each gained a day (国务院令第793号).
    assert len(CAL.workdays_in(D(2025, 1, 1) + timedelta(days=i) for i in range(365))) == 248


def test_a_strict_calendar_refuses_an_unknown_year_with_a_message_for_the_admin():
    year = library_years().stop + 3
    strict = WorkCalendar(provisional=False)
    with pytest.raises(UnknownYear) as refused:
        strict.is_workday(D(year, 3, 2))
    message = refused.value.message
    assert f"{year}年" in message and "/admin/holidays" in message and "录入" in message
    assert refused.value.year == year
    assert isinstance(refused.value, Rejected)
    assert not strict.knows(year) and strict.knows(2024)
    with pytest.raises(UnknownYear):
        strict.add_workdays(D(library_years().stop - 1, 12, 30), 5)  # walks into the unknown year


def test_beyond_the_lunar_table_even_a_provisional_calendar_refuses():
    assert not CAL.is_provisional(LAST_LUNAR_YEAR + 1) and CAL.is_provisional(LAST_LUNAR_YEAR)
    with pytest.raises(UnknownYear):
        CAL.is_workday(D(LAST_LUNAR_YEAR + 1, 3, 1))


@pytest.mark.parametrize("year", [year for year in library_years() if year >= 2025])
def test_the_statutory_days_are_official_days_off_in_every_announced_year_under_the_2024_rule(year):
    # The rule (《全国年节及纪念日放假办法》 2024 revision: 13 days) checked against the State Council's own
    # notices as the library carries them: each statutory day is a day off, with the holiday's name.
    days = statutory_holidays(year)
    assert len(days) == 13
    for day, name in days.items():
        assert not CAL.is_workday(day), (day, name)
        assert CAL.holiday_name(day) == name, (day, name)


def test_an_unannounced_year_is_provisional_weekends_and_statutory_days_off():
    year = library_years().stop
    assert CAL.is_provisional(year) and not CAL.knows(year)
    days = statutory_holidays(year)
    assert {name for name in days.values()} == {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}
    assert all(not CAL.is_workday(day) for day in days)
    assert CAL.holiday_name(D(year, 10, 2)) == "国庆节"
    plain = next(D(year, 3, day) for day in range(9, 16) if D(year, 3, day).weekday() == 2)
    assert CAL.is_workday(plain) and not CAL.is_workday(plain + timedelta(days=3))  # a Wednesday; its Saturday
    # A deadline of 5 working days from 28 December crosses the new year and skips 元旦.
    start = D(year - 1, 12, 28)
    due = CAL.add_workdays(start, 5)
    skipped = [start + timedelta(days=i) for i in range(1, (due - start).days)]
    assert due.year == year and D(year, 1, 1) in skipped
    assert CAL.workdays_between(start, due) == 5


def test_overrides_make_a_new_year_known_and_are_its_exceptions():
    year = library_years().stop + 1
    new_year = D(year, 1, 1)
    saturday = next(D(year, 2, day) for day in range(1, 8) if D(year, 2, day).weekday() == 5)
    calendar = WorkCalendar({new_year: False, saturday: True})
    assert calendar.knows(year) and not calendar.is_provisional(year)
    assert calendar.is_workday(D(year, 10, 1)) is (D(year, 10, 1).weekday() < 5)  # entered: no statutory guess
    assert calendar.is_workday(new_year) is False
    assert calendar.is_workday(saturday) is True
    monday = next(D(year, 3, day) for day in range(1, 8) if D(year, 3, day).weekday() == 0)
    assert calendar.is_workday(monday) is True
    assert calendar.is_workday(monday + timedelta(days=6)) is False  # Sunday


def test_overrides_win_over_the_library_for_local_days():
    calendar = WorkCalendar({D(2024, 3, 5): False, D(2024, 10, 5): True})
    assert calendar.is_workday(D(2024, 3, 5)) is False
    assert calendar.is_workday(D(2024, 10, 5)) is True
    assert calendar.add_workdays(D(2024, 3, 4), 1) == D(2024, 3, 6)
    assert calendar.holiday_name(D(2024, 10, 5)) is None


def test_work_hours_are_data_and_validated():
    assert DEFAULT_HOURS.per_day == timedelta(hours=7, minutes=30)
    assert WorkHours(((time(9), time(17)),)).per_day == timedelta(hours=8)
    for bad in ((), ((time(12), time(9)),), ((time(8), time(12)), (time(11), time(14)))):
        with pytest.raises(ValueError):
            WorkHours(bad)


@pytest.mark.parametrize(("start", "amount", "unit", "expected"), [
    (T(2024, 9, 30, 16, 0), 2, "hours", T(2024, 9, 30, 18, 0)),
    (T(2024, 9, 30, 16, 0), 24, "hours", T(2024, 10, 1, 16, 0)),   # natural hours run through holidays
    (T(2024, 9, 30, 16, 0), 7, "days", T(2024, 10, 7, 16, 0)),
    (T(2024, 9, 27, 10, 0), 5, "workdays", T(2024, 10, 10, 10, 0)),
    (T(2024, 10, 8, 17, 30), -1, "workdays", T(2024, 9, 30, 17, 30)),
    (T(2024, 10, 8, 17, 30), 0, "workdays", T(2024, 10, 8, 17, 30)),
    (T(2024, 2, 9, 9, 0), 1, "workdays", T(2024, 2, 18, 9, 0)),
    (T(2024, 9, 30, 16, 0), 2, "workhours", T(2024, 10, 8, 9, 0)),  # 1.5 h left that day, 0.5 h after 国庆
    (T(2024, 9, 30, 16, 30), 1, "workhours", T(2024, 9, 30, 17, 30)),  # ends exactly at closing time
    (T(2024, 9, 30, 7, 0), 1, "workhours", T(2024, 9, 30, 9, 30)),   # before opening: counts from 08:30
    (T(2024, 9, 30, 12, 30), 1, "workhours", T(2024, 9, 30, 14, 30)),  # lunch does not count
    (T(2024, 9, 30, 11, 30), 1, "workhours", T(2024, 9, 30, 14, 0)),
    (T(2024, 9, 30, 20, 0), 0.5, "workhours", T(2024, 10, 8, 9, 0)),
    (T(2024, 9, 28, 10, 0), 1, "workhours", T(2024, 9, 29, 9, 30)),   # Saturday off, Sunday make-up
    (T(2024, 10, 8, 9, 0), -2, "workhours", T(2024, 9, 30, 16, 0)),
    (T(2024, 10, 8, 14, 0), -1, "workhours", T(2024, 10, 8, 11, 30)),
    (T(2024, 10, 8, 14, 0), 0, "workhours", T(2024, 10, 8, 14, 0)),
    (T(2024, 9, 30, 8, 30), 7.5, "workhours", T(2024, 9, 30, 17, 30)),
    (T(2024, 9, 30, 8, 30), 15, "workhours", T(2024, 10, 8, 17, 30)),
])
def test_add_duration_in_each_unit(start, amount, unit, expected):
    assert CAL.add_duration(start, amount, unit) == expected


def test_aware_datetimes_are_counted_in_beijing_time_and_answered_in_their_zone():
    start = T(2024, 9, 30, 8, 0, tzinfo=UTC)  # 16:00 in Beijing
    due = CAL.add_duration(start, 2, "workhours")
    assert due == T(2024, 10, 8, 1, 0, tzinfo=UTC)
    assert due.tzinfo is UTC
    assert CAL.add_duration(start, 1, "workdays") == T(2024, 10, 8, 8, 0, tzinfo=UTC)
    assert CAL.add_duration(start.astimezone(BEIJING), 1, "workdays").astimezone(UTC) == T(2024, 10, 8, 8, 0,
                                                                                          tzinfo=UTC)


def test_bad_units_and_amounts_are_refused():
    with pytest.raises(Rejected, match="时间单位“weeks”无效"):
        CAL.add_duration(T(2024, 1, 2, 9), 1, "weeks")  # type: ignore[arg-type]
    with pytest.raises(Rejected, match="整数"):
        CAL.add_duration(T(2024, 1, 2, 9), 1.5, "workdays")
    with pytest.raises(Rejected, match="过大"):
        CAL.add_duration(T(2024, 1, 2, 9), 10**12, "hours")
    with pytest.raises(Rejected, match="过大"):
        CAL.workdays_between(D(2004, 1, 1), D(2026, 1, 1))
    with pytest.raises(Rejected, match="时间单位"):
        CAL.elapsed(T(2024, 1, 2, 9), T(2024, 1, 3, 9), "weeks")  # type: ignore[arg-type]


def test_a_calendar_without_working_days_stops_instead_of_looping():
    year = library_years().stop + 1
    day = D(year, 1, 1)
    every_day_off = {day + timedelta(days=i): False for i in range(3700)}
    with pytest.raises(Rejected, match="找不到工作日"):
        WorkCalendar(every_day_off).add_workdays(day, 1)


def test_workhours_between_undoes_add_duration():
    for start in (T(2024, 9, 30, 9, 0), T(2024, 9, 29, 11, 45), T(2024, 2, 9, 13, 30), T(2024, 2, 8, 16, 10)):
        for hours in (0.25, 1, 3, 7.5, 12, 40):
            due = CAL.add_duration(start, hours, "workhours")
            assert CAL.workhours_between(start, due) == timedelta(hours=hours), (start, hours)
            assert CAL.workhours_between(due, start) == -timedelta(hours=hours)


def test_elapsed_measures_in_each_unit():
    start, end = T(2024, 9, 27, 10, 0), T(2024, 10, 10, 10, 0)
    assert CAL.elapsed(start, end, "hours") == 13 * 24
    assert CAL.elapsed(start, end, "days") == 13
    assert CAL.elapsed(start, end, "workdays") == 5
    assert CAL.elapsed(T(2024, 9, 30, 16, 0), T(2024, 10, 8, 9, 0), "workhours") == 2
