"""Working days on China's official calendar. Pure rules, no database.

China's holidays and 调休 (weekend days that become working days to bridge a holiday, e.g. Sunday 2024-02-04
and Sunday 2024-02-18 around 春节, or 2024-09-29 and 2024-10-12 around 国庆) come from the maintained
`chinese-calendar` library, which knows the State Council's yearly notice from 2004 up to its release.
`overrides` (the admin's holiday table) win over the library: they add years it does not know yet and local
days (a city's own holiday, a corrected day). A year is *known* when the library covers it or at least one
override lies in it. A year nobody knows yet is *provisional*: its days off are the weekends and the
statutory holidays the law itself fixes (`statutory_holidays`: 元旦, 春节 four days from 除夕, 清明, 劳动节
two days, 端午, 中秋, 国庆 three days — the lunar ones through `lunardate`), without the 调休 the State
Council announces each November. So a 12345 appeal taken on 28 December still gets a deadline in January,
close to the real one, while the admin is told (a to-do) to enter the published arrangement. A strict
calendar (`provisional=False`) raises `UnknownYear` instead, telling the admin to enter that year's holidays.

Durations (`add_duration`) are counted in one of four units:
- 'hours'     natural hours (the clock runs day and night, holidays included);
- 'days'      natural days (same clock time N days later);
- 'workdays'  working days: the same clock time on the Nth working day after (before, if negative);
- 'workhours' working hours: only the office hours of working days count (`WorkHours`, by default
              08:30–12:00 and 13:30–17:30, 7.5 hours a day — the common government office schedule;
              the spans are data, pass others to the calendar).

Naive datetimes are Beijing time; aware ones are converted to Beijing time for the calendar and answered in
their own time zone. China keeps no daylight saving, so Beijing time is a fixed UTC+8.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal

import chinese_calendar
from lunardate import LunarDate

from zhenxing.errors import Rejected

BEIJING = timezone(timedelta(hours=8), "北京时间")
Unit = Literal["hours", "days", "workdays", "workhours"]
UNITS: dict[str, str] = {"hours": "小时", "days": "自然日", "workdays": "工作日", "workhours": "工作小时"}
MAX_DAYS = 3660  # about ten years: every walk over the calendar is bounded
LAST_LUNAR_YEAR = 2099  # lunardate's table ends here; later years stay unknown


class UnknownYear(Rejected):
    """The calendar has no holidays for this year (the library does not know it and nobody entered it)."""

    def __init__(self, year: int):
        super().__init__(
            f"{year}年的法定节假日和调休安排尚未录入（日历库未包含{year}年）："
            f"请管理员在“节假日”页面（/admin/holidays）录入{year}年的放假和调休上班日期",
            field="date",
        )
        self.year = year


@dataclass(frozen=True)
class WorkHours:
    """The office hours of a working day, as (start, end) spans in order."""

    spans: tuple[tuple[time, time], ...] = ((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))

    def __post_init__(self) -> None:
        if not self.spans:
            raise ValueError("工作时间至少应有一段")
        previous = time.min
        for start, end in self.spans:
            if not previous <= start < end:
                raise ValueError("工作时间段应按时间先后排列、互不重叠，且开始早于结束")
            previous = end

    @property
    def per_day(self) -> timedelta:
        return sum((_at(date.min, end) - _at(date.min, start) for start, end in self.spans), timedelta())


DEFAULT_HOURS = WorkHours()


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment)


def statutory_holidays(year: int) -> dict[date, str]:
    """The days off that 《全国年节及纪念日放假办法》 (as revised in 2024, in force from 2025) fixes by itself, before
    the yearly 调休 notice moves weekends around: 13 days. The provisional calendar of a year not yet announced."""
    spring = LunarDate(year, 1, 1).to_solar_date()
    days = {date(year, 1, 1): "元旦", date(year, 5, 1): "劳动节", date(year, 5, 2): "劳动节"}
    days.update({spring + timedelta(days=offset): "春节" for offset in range(-1, 3)})  # 除夕 to 初三
    days.update({day: "清明节" for day, _ in chinese_calendar.get_solar_terms(date(year, 4, 3), date(year, 4, 6))})
    days[LunarDate(year, 5, 5).to_solar_date()] = "端午节"
    days[LunarDate(year, 8, 15).to_solar_date()] = "中秋节"
    days.update({date(year, 10, offset): "国庆节" for offset in (1, 2, 3)})
    return {day: name for day, name in days.items() if day.year == year}  # 除夕 of next year's 春节 may fall here


def library_years() -> range:
    """The years the installed `chinese-calendar` knows."""
    known = sorted({day.year for day in chinese_calendar.holidays} | {day.year for day in chinese_calendar.workdays})
    return range(known[0], known[-1] + 1)


class WorkCalendar:
    """Working days: the official calendar plus `overrides` {day: True (working) / False (day off)}."""

    def __init__(self, overrides: Mapping[date, bool] | None = None, *, hours: WorkHours = DEFAULT_HOURS,
                 provisional: bool = True):
        self.overrides: dict[date, bool] = dict(overrides or {})
        self.hours = hours
        self.provisional = provisional
        self._statutory: dict[int, dict[date, str]] = {}
        self._library = library_years()
        self._override_years = {day.year for day in self.overrides}
        self._cache: dict[date, bool] = {}

    # -- days ---------------------------------------------------------------------------------------------
    def knows(self, year: int) -> bool:
        return year in self._library or year in self._override_years

    def is_provisional(self, year: int) -> bool:
        """True for a year whose days come from the statutory rule alone (nobody has announced or entered it)."""
        return self.provisional and not self.knows(year) and self._library.start <= year <= LAST_LUNAR_YEAR

    def check_year(self, year: int) -> None:
        if not self.knows(year) and not self.is_provisional(year):
            raise UnknownYear(year)

    def is_workday(self, day: date) -> bool:
        day = _day(day)
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._decide(day)
        return cached

    def _decide(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year in self._library:
            return chinese_calendar.is_workday(day)
        self.check_year(day.year)
        if day.year in self._override_years:
            return day.weekday() < 5  # an entered year: its listed days are the exceptions to Monday–Friday
        return day.weekday() < 5 and day not in self._statutory_of(day.year)

    def _statutory_of(self, year: int) -> dict[date, str]:
        if year not in self._statutory:
            self._statutory[year] = statutory_holidays(year)
        return self._statutory[year]

    def is_holiday(self, day: date) -> bool:
        return not self.is_workday(day)

    def holiday_name(self, day: date) -> str | None:
        """The library's name of an official holiday ('春节', '国庆节'…) or make-up working day
        ('春节调休上班'); None for other days and for overridden ones."""
        day = _day(day)
        if day in self.overrides:
            return None
        if self.is_provisional(day.year):
            return self._statutory_of(day.year).get(day)
        if day.year not in self._library:
            return None
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        if not name:
            return None
        label = _HOLIDAY_NAMES.get(str(name), str(name))
        return label if on_holiday else f"{label}调休上班"

    def next_workday(self, day: date) -> date:
        """The day itself if it is a working day, else the first working day after it."""
        return self._walk(_day(day), 0, 1)

    def add_workdays(self, day: date, count: int) -> date:
        """The `count`th working day after `day` (before it, if negative; `day` itself never counts).
        With 0: the day itself if it is a working day, else the next working day."""
        day = _day(day)
        if count == 0:
            return self.next_workday(day)
        return self._walk(day, abs(count), 1 if count > 0 else -1)

    def _walk(self, day: date, count: int, step: int) -> date:
        _check_bounded(count, "工作日数")
        current, found, guard = day, 0, 0
        if count == 0:
            while not self.is_workday(current):
                current, guard = current + timedelta(days=step), guard + 1
                _check_guard(guard)
            return current
        while found < count:
            current, guard = current + timedelta(days=step), guard + 1
            _check_guard(guard)
            found += self.is_workday(current)
        return current

    def workdays_between(self, start: date, end: date) -> int:
        """Working days passed going from `start` to `end`: `start` excluded, `end` included, negative when
        `end` is earlier — so that workdays_between(d, add_workdays(d, n)) == n for every n ≠ 0."""
        start, end = _day(start), _day(end)
        _check_span(abs((end - start).days))
        step = 1 if end >= start else -1
        days = range(step, (end - start).days + step, step)
        return step * sum(self.is_workday(start + timedelta(days=offset)) for offset in days)

    def workdays_in(self, days: Iterable[date]) -> list[date]:
        return [day for day in days if self.is_workday(day)]

    # -- durations ----------------------------------------------------------------------------------------
    def add_duration(self, start: datetime, amount: float, unit: Unit) -> datetime:
        """`start` moved by `amount` of `unit` (see the module's note on units)."""
        if unit not in UNITS:
            raise Rejected(f"时间单位“{unit}”无效：应为 {'、'.join(UNITS)} 之一", field="unit")
        _check_bounded(amount, "时长")
        if unit == "hours":
            return start + timedelta(hours=amount)
        if unit == "days":
            return start + timedelta(days=amount)
        local, zone = _local(start)
        if unit == "workdays":
            if amount != int(amount):
                raise Rejected(f"工作日数应为整数（收到 {amount}）", field="amount")
            moved = _at(self.add_workdays(local.date(), int(amount)), local.time()) if amount else local
        else:
            moved = self._add_workhours(local, timedelta(hours=amount))
        return _back(moved, zone)

    def _spans(self, day: date) -> list[tuple[datetime, datetime]]:
        if not self.is_workday(day):
            return []
        return [(_at(day, start), _at(day, end)) for start, end in self.hours.spans]

    def _add_workhours(self, moment: datetime, left: timedelta) -> datetime:
        forward = left >= timedelta()
        left = abs(left)
        day = moment.date()
        for _ in range(MAX_DAYS + 2):
            spans = self._spans(day) if forward else reversed(self._spans(day))
            for start, end in spans:
                if forward and end > moment:
                    begin = max(start, moment)
                    if end - begin >= left:
                        return begin + left
                    left -= end - begin
                elif not forward and start < moment:
                    finish = min(end, moment)
                    if finish - start >= left:
                        return finish - left
                    left -= finish - start
            day += timedelta(days=1 if forward else -1)
        raise Rejected("时长超出可计算范围（约十年）", field="amount")

    def workhours_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time of working days between two moments (negative if `end` is earlier)."""
        if end < start:
            return -self.workhours_between(end, start)
        first, last = _local(start)[0], _local(end)[0]
        _check_span((last.date() - first.date()).days)
        total, day = timedelta(), first.date()
        while day <= last.date():
            for span_start, span_end in self._spans(day):
                overlap = min(span_end, last) - max(span_start, first)
                total += max(overlap, timedelta())
            day += timedelta(days=1)
        return total

    def elapsed(self, start: datetime, end: datetime, unit: Unit) -> float:
        """How much of `unit` lies between two moments: the inverse of add_duration (workdays count the
        working days after start's date up to end's date)."""
        if unit == "hours":
            return (end - start) / timedelta(hours=1)
        if unit == "days":
            return (end - start) / timedelta(days=1)
        if unit == "workdays":
            return float(self.workdays_between(_local(start)[0].date(), _local(end)[0].date()))
        if unit == "workhours":
            return self.workhours_between(start, end) / timedelta(hours=1)
        raise Rejected(f"时间单位“{unit}”无效：应为 {'、'.join(UNITS)} 之一", field="unit")


def _day(value: date) -> date:
    if isinstance(value, datetime):
        return _local(value)[0].date()
    return value


def _local(moment: datetime) -> tuple[datetime, object]:
    """(naive Beijing time, the zone to answer in: None for naive input)."""
    if moment.tzinfo is None:
        return moment, None
    return moment.astimezone(BEIJING).replace(tzinfo=None), moment.tzinfo


def _back(moment: datetime, zone) -> datetime:
    if zone is None:
        return moment
    return moment.replace(tzinfo=BEIJING).astimezone(zone)


def _check_bounded(amount: float, what: str) -> None:
    if abs(amount) > MAX_DAYS * 24:
        raise Rejected(f"{what}过大（{amount}）：超出可计算范围", field="amount")


def _check_span(days: int) -> None:
    if days > MAX_DAYS:
        raise Rejected(f"日期跨度过大（{days}天）：最多约十年（{MAX_DAYS}天）", field="date")


def _check_guard(guard: int) -> None:
    if guard > MAX_DAYS:
        raise Rejected("找不到工作日：超出可计算范围（约十年），请检查节假日设置", field="date")


_HOLIDAY_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
