"""The holiday table's to-do item: tell the admins and the office when deadlines are being counted on a
provisional calendar (a year the State Council's notice has not reached the calendar yet) — this year's,
always, and next year's from November, when 15-working-day deadlines begin to cross the new year and the
notice is usually out."""

from datetime import date, datetime

from zhenxing.audit import now_utc
from zhenxing.auth.policy import can_manage_holidays
from zhenxing.holidays.service import work_calendar
from zhenxing.todo import TodoItem, register_source
from zhenxing.workdays import BEIJING

NOTICE_MONTH = 11  # the yearly notice (国务院办公厅关于X年部分节假日安排的通知) usually comes out in November


def years_to_enter(calendar, today: date) -> list[int]:
    """The years whose holidays the admin should enter now (they are provisional and already in use)."""
    years = [today.year] + ([today.year + 1] if today.month >= NOTICE_MONTH else [])
    return [year for year in years if calendar.is_provisional(year)]


def items(session, user, scope, now: datetime | None = None) -> list[TodoItem]:
    if not can_manage_holidays(user.role):
        return []
    today = (now or now_utc()).astimezone(BEIJING).date()
    return [TodoItem("节假日", f"录入{year}年节假日和调休安排", f"/admin/holidays?year={year}",
                     date(year, 1, 1) if year > today.year else None, "yellow",
                     f"{year}年的期限暂按法定节日推算（未含调休上班日），国务院公布安排后请录入")
            for year in years_to_enter(work_calendar(session), today)]


register_source("holidays.calendar", "节假日", items)
