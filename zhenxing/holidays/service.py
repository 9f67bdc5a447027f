"""The holiday table and the working calendar every area uses: `work_calendar(session)`."""

from datetime import date, timedelta

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.policy import can_manage_holidays
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.holidays.models import Holiday
from zhenxing.workdays import WorkCalendar, library_years

MAX_RANGE = 60  # days one entry may cover (the longest official break is 8–9 days)
MAX_NAME = 40
_CACHE = "zhenxing.work_calendar"


def overrides(session: Session) -> dict[date, bool]:
    return {day: is_workday for day, is_workday in session.execute(select(Holiday.day, Holiday.is_workday))}


def work_calendar(session: Session) -> WorkCalendar:
    """The official calendar with the admin's overrides; built once per session (a request, a job run)."""
    calendar = session.info.get(_CACHE)
    if calendar is None:
        calendar = session.info[_CACHE] = WorkCalendar(overrides(session))
    return calendar


def _check_actor(actor) -> None:
    if actor is not None and not can_manage_holidays(getattr(actor, "role", None)):
        raise Forbidden("只有系统管理员和项目办可以维护节假日")


def _check_range(start: date, end: date) -> list[date]:
    if end < start:
        raise Rejected(f"结束日期 {end} 早于开始日期 {start}", field="end")
    if (end - start).days >= MAX_RANGE:
        raise Rejected(f"一次最多设置 {MAX_RANGE} 天", field="end")
    if not 2000 <= start.year <= 2100 or not 2000 <= end.year <= 2100:
        raise Rejected("日期应在 2000–2100 年之间", field="start")
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


def _label(is_workday: bool) -> str:
    return "调休上班" if is_workday else "放假"


def set_days(session: Session, *, actor, start: date, end: date | None = None, is_workday: bool,
             name: str = "") -> list[Holiday]:
    """Mark each day from `start` to `end` as a working day or a day off (replacing earlier entries); one
    audit event lists the days before → after."""
    _check_actor(actor)
    name = (name or "").strip()
    if len(name) > MAX_NAME:
        raise Rejected(f"名称最多 {MAX_NAME} 个字符", field="name")
    days = _check_range(start, end or start)
    existing = {row.day: row for row in session.scalars(select(Holiday).where(Holiday.day.in_(days)))}
    before, after, rows = {}, {}, []
    for day in days:
        row = existing.get(day)
        if row is None:
            row = Holiday(day=day, is_workday=is_workday, name=name)
            session.add(row)
        else:
            before[day.isoformat()] = f"{_label(row.is_workday)} {row.name}".strip()
            row.is_workday, row.name = is_workday, name
        after[day.isoformat()] = f"{_label(is_workday)} {name}".strip()
        rows.append(row)
    session.flush()
    span = f"{days[0]}" if len(days) == 1 else f"{days[0]} 至 {days[-1]}"
    audit.record(session, actor=actor, action="holiday", entity="holiday", entity_id=rows[0].id,
                 summary=f"{span} 设为{_label(is_workday)}" + (f"（{name}）" if name else ""),
                 changes=audit.diff(before, after))
    session.info.pop(_CACHE, None)
    return rows


def remove_day(session: Session, *, actor, day: date) -> None:
    _check_actor(actor)
    row = session.scalar(select(Holiday).where(Holiday.day == day))
    if row is None:
        raise NotFound(f"{day} 没有节假日设置", field="day")
    audit.record(session, actor=actor, action="holiday", entity="holiday", entity_id=row.id,
                 summary=f"{day} 删除设置（{_label(row.is_workday)} {row.name}）".replace(" ）", "）"),
                 changes={day.isoformat(): [f"{_label(row.is_workday)} {row.name}".strip(), None]})
    session.delete(row)
    session.flush()
    session.info.pop(_CACHE, None)


def list_days(session: Session, year: int | None = None) -> list[Holiday]:
    query = select(Holiday).order_by(Holiday.day)
    if year is not None:
        query = query.where(extract("year", Holiday.day) == year)
    return list(session.scalars(query))


def years_overview(session: Session, around: int) -> list[dict]:
    """For each year near `around`: whether the calendar knows it, and from where."""
    calendar = work_calendar(session)
    entered: dict[int, int] = {}
    for day in session.scalars(select(Holiday.day)):
        entered[day.year] = entered.get(day.year, 0) + 1
    rows = []
    for year in range(around - 1, around + 3):
        rows.append({"year": year, "known": calendar.knows(year), "provisional": calendar.is_provisional(year),
                     "source": year_source(calendar, year, entered.get(year, 0)), "entered": entered.get(year, 0)})
    return rows


def year_source(calendar: WorkCalendar, year: int, entered: int) -> str:
    """Where the calendar's days of `year` come from, in the words the holiday page uses."""
    if year in library_years():
        return "日历库（国务院公布）"
    if entered:
        return "管理员录入"
    if calendar.is_provisional(year):
        return "暂定：按法定节日推算（尚无调休安排）"
    return "未知"


def year_days(session: Session, year: int) -> dict:
    """A year as the holiday page shows it: where its days come from, and every day that differs from
    Monday-to-Friday (days off on weekdays, working weekends, named holidays), each with its source."""
    calendar = work_calendar(session)
    local = {row.day: row for row in list_days(session, year)}
    days = []
    day = date(year, 1, 1)
    while day.year == year:
        row = local.get(day)
        if row is not None:
            days.append({"day": day, "is_workday": row.is_workday, "name": row.name, "source": "本地设置"})
        elif calendar.knows(year) or calendar.is_provisional(year):
            name = calendar.holiday_name(day)
            off_weekday = day.weekday() < 5 and not calendar.is_workday(day)
            on_weekend = day.weekday() >= 5 and calendar.is_workday(day)
            if name or off_weekday or on_weekend:
                source = "法定节日（暂定）" if calendar.is_provisional(year) else "日历库"
                days.append({"day": day, "is_workday": calendar.is_workday(day), "name": name or "", "source": source})
        day += timedelta(days=1)
    return {"year": year, "source": year_source(calendar, year, len(local)),
            "provisional": calendar.is_provisional(year) and not local, "days": days}
