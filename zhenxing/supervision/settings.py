"""The supervision office's rules as the services read them: the reporting day, the reply time of a 督办单,
the tolerance of target judgements (rule kind `supervision.reporting`), the escalation ladder
(`supervision.ladder`) — data with defaults, edited and audited through the shared rules registry — and the
working-day calendar (China's official calendar with 调休 days and the admin's holiday table)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from zhenxing.holidays.service import work_calendar
from zhenxing.rules.service import active_rules
from zhenxing.supervision import rule_kinds
from zhenxing.supervision.rule_kinds import EscalationLadder, ReportingRules
from zhenxing.targets.trajectory import Rules
from zhenxing.workdays import WorkCalendar


@dataclass(frozen=True)
class SupervisionRules:
    report_day: int = 28
    reply_workdays: int = 3
    targets: Rules = Rules()


def current(session: Session, year: int | None = None) -> SupervisionRules:
    """The rules in force (that year's, else the standing ones, else the default preset)."""
    found: ReportingRules = active_rules(session, "supervision.reporting", year)
    return SupervisionRules(report_day=found.report_day, reply_workdays=found.reply_workdays,
                            targets=Rules(band=found.band, about=found.about))


def ladder(session: Session, year: int | None = None) -> EscalationLadder:
    return active_rules(session, "supervision.ladder", year)


def calendar(session: Session) -> WorkCalendar:
    return work_calendar(session)


def workday(session: Session) -> Callable[[date], bool]:
    """Whether a day is a working day on China's calendar (调休 make-up days included) with the admin's
    holiday table."""
    return calendar(session).is_workday


__all__ = ["SupervisionRules", "calendar", "current", "ladder", "rule_kinds", "workday"]


def remind_workdays(session: Session, year: int | None = None) -> int:
    """How many working days before a due date the ladder's first reminder comes (0 when it comes after)."""
    first = ladder(session, year).steps[0]
    return -first.offset if first.offset < 0 and first.unit == "workdays" else 0


def today() -> date:
    """Today in Beijing, whatever the server's time zone: periods, deadlines and 通报 follow the city's day."""
    from datetime import datetime

    from zhenxing.workdays import BEIJING

    return datetime.now(BEIJING).date()
