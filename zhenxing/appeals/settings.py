"""The loop's settings and calendar as the services read them.

The time rules and limits (`appeals.loop`) and the ranking scheme (`appeals.ranking`) are rules data kept by
`zhenxing.rules` (defaults, validation, audited versions; see rule_kinds.py); the working-day calendar is the
shared one with the admin's holiday table (`zhenxing.holidays.service.work_calendar`).
"""

from sqlalchemy.orm import Session

from zhenxing.appeals import rule_kinds
from zhenxing.appeals.scoring import Scheme
from zhenxing.appeals.timerules import LoopSettings
from zhenxing.followup.ladder import Ladder
from zhenxing.holidays.service import work_calendar
from zhenxing.rules.service import active_rules
from zhenxing.workdays import WorkCalendar

__all__ = ["LoopSettings", "calendar", "current", "ladder", "scheme"]


def current(session: Session) -> LoopSettings:
    """The time rules and limits in force (cached per session)."""
    return active_rules(session, rule_kinds.LOOP)


def scheme(session: Session) -> Scheme:
    """The ranking scheme in force (cached per session)."""
    return active_rules(session, rule_kinds.RANKING)


def ladder(session: Session) -> Ladder:
    """The warning and escalation steps around the 办结 deadline in force (cached per session)."""
    return active_rules(session, rule_kinds.ESCALATION)


def calendar(session: Session) -> WorkCalendar:
    """China's official calendar with the admin's holiday table (built once per session)."""
    return work_calendar(session)
