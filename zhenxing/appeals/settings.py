"""The loop's settings and calendar as the services read them.

The time rules, limits and ranking scheme are data (timerules.LoopSettings, scoring.Scheme) with defaults;
the working-day calendar is the shared one (zhenxing.workdays) with the admin's holiday table.
"""

from sqlalchemy.orm import Session

from zhenxing.appeals.scoring import Scheme
from zhenxing.appeals.timerules import DEFAULT_SETTINGS, LoopSettings

__all__ = ["LoopSettings", "calendar", "current", "scheme"]


def current(session: Session) -> LoopSettings:
    return DEFAULT_SETTINGS


def scheme(session: Session) -> Scheme:
    return Scheme()


_CALENDAR = None


def calendar(session: Session):
    """The shared working-day calendar (built once: it caches the days it has looked up)."""
    global _CALENDAR
    if _CALENDAR is None:
        from zhenxing.workdays import WorkCalendar

        _CALENDAR = WorkCalendar()
    return _CALENDAR
