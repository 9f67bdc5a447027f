"""The holiday table: the admin enters the years the library does not know, and every calendar reads it."""

from datetime import date

import pytest
from sqlalchemy import select

from zhenxing.audit import AuditEvent
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.holidays import service as holidays
from zhenxing.holidays.models import Holiday
from zhenxing.workdays import UnknownYear, library_years

FUTURE = library_years().stop  # the first year the installed library does not know


def test_an_unknown_year_is_provisional_until_the_admin_enters_it(session, world):
    calendar = holidays.work_calendar(session)
    assert calendar.is_provisional(FUTURE) and calendar.is_workday(date(FUTURE, 10, 1)) is False
    view = holidays.year_days(session, FUTURE)
    assert view["provisional"] and "暂定" in view["source"]
    assert {row["source"] for row in view["days"]} == {"法定节日（暂定）"}
    holidays.set_days(session, actor=world.admin, start=date(FUTURE, 1, 1), is_workday=False, name="元旦")
    calendar = holidays.work_calendar(session)
    assert calendar.is_workday(date(FUTURE, 1, 1)) is False
    assert calendar.knows(FUTURE) and not calendar.is_provisional(FUTURE)
    view = holidays.year_days(session, FUTURE)
    assert not view["provisional"] and view["source"] == "管理员录入"
    assert [(row["day"], row["source"]) for row in view["days"] if row["source"] == "本地设置"] == [
        (date(FUTURE, 1, 1), "本地设置")]


def test_a_strict_calendar_still_refuses_an_unknown_year(session):
    from zhenxing.workdays import WorkCalendar

    with pytest.raises(UnknownYear, match=f"{FUTURE}年"):
        WorkCalendar(holidays.overrides(session), provisional=False).is_workday(date(FUTURE, 3, 2))


def test_a_range_of_days_off_and_a_make_up_day(session, world):
    holidays.set_days(session, actor=world.office, start=date(FUTURE, 2, 5), end=date(FUTURE, 2, 11),
                      is_workday=False, name="春节")
    saturday = next(date(FUTURE, 2, day) for day in range(12, 19) if date(FUTURE, 2, day).weekday() == 5)
    holidays.set_days(session, actor=world.office, start=saturday, is_workday=True, name="春节调休")
    calendar = holidays.work_calendar(session)
    assert not any(calendar.is_workday(date(FUTURE, 2, day)) for day in range(5, 12))
    assert calendar.is_workday(saturday)
    assert [row.name for row in holidays.list_days(session, FUTURE)] == ["春节"] * 7 + ["春节调休"]
    assert holidays.list_days(session, FUTURE - 1) == []


def test_setting_a_day_again_replaces_it_and_is_audited_before_after(session, world):
    holidays.set_days(session, actor=world.admin, start=date(2025, 5, 6), is_workday=False, name="本地假日")
    holidays.set_days(session, actor=world.admin, start=date(2025, 5, 6), is_workday=True, name="")
    assert session.scalars(select(Holiday)).one().is_workday is True
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "holiday").order_by(AuditEvent.id)).all()
    assert events[0].summary == "2025-05-06 设为放假（本地假日）"
    assert events[1].changes == {"2025-05-06": ["放假 本地假日", "调休上班"]}


def test_overrides_win_over_the_library_and_the_cache_follows_changes(session, world):
    calendar = holidays.work_calendar(session)
    assert calendar.is_workday(date(2025, 5, 6)) is True
    assert holidays.work_calendar(session) is calendar  # once per session
    holidays.set_days(session, actor=world.admin, start=date(2025, 5, 6), is_workday=False, name="本地假日")
    assert holidays.work_calendar(session).is_workday(date(2025, 5, 6)) is False
    holidays.remove_day(session, actor=world.admin, day=date(2025, 5, 6))
    assert holidays.work_calendar(session).is_workday(date(2025, 5, 6)) is True
    assert "删除设置" in session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first().summary


def test_bad_entries_are_refused_and_change_nothing(session, world):
    with pytest.raises(Rejected, match="早于"):
        holidays.set_days(session, actor=world.admin, start=date(2025, 5, 6), end=date(2025, 5, 1), is_workday=False)
    with pytest.raises(Rejected, match="一次最多设置 60 天"):
        holidays.set_days(session, actor=world.admin, start=date(2025, 1, 1), end=date(2025, 6, 1), is_workday=False)
    with pytest.raises(Rejected, match="名称"):
        holidays.set_days(session, actor=world.admin, start=date(2025, 1, 1), is_workday=False, name="长" * 41)
    with pytest.raises(Rejected, match="2000–2100"):
        holidays.set_days(session, actor=world.admin, start=date(1999, 1, 1), is_workday=False)
    with pytest.raises(NotFound):
        holidays.remove_day(session, actor=world.admin, day=date(2025, 1, 1))
    assert session.scalars(select(Holiday)).all() == []


@pytest.mark.parametrize("persona", ["leader", "county", "steward"])
def test_only_admins_and_the_office_keep_the_table(session, world, persona):
    with pytest.raises(Forbidden, match="维护节假日"):
        holidays.set_days(session, actor=getattr(world, persona), start=date(2025, 5, 6), is_workday=False)


def test_the_years_overview_says_where_each_year_comes_from(session, world):
    holidays.set_days(session, actor=world.admin, start=date(FUTURE, 1, 1), is_workday=False)
    rows = {row["year"]: row for row in holidays.years_overview(session, FUTURE - 1)}
    assert rows[FUTURE - 1]["source"] == "日历库（国务院公布）"
    assert rows[FUTURE]["source"] == "管理员录入" and rows[FUTURE]["entered"] == 1
    assert rows[FUTURE + 1]["known"] is False and rows[FUTURE + 1]["provisional"] is True
    assert "暂定" in rows[FUTURE + 1]["source"]
