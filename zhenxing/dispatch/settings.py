"""The office's dispatch settings, read from zhenxing.rules (see rule_kinds.py): the light rule set in
force for a year, the reporting window, the default time limits of problems and meeting decisions.

Until the office sets its own, the defaults are the presets: the Yinchuan 2025 light rules, reports due on
the 5th of the next month, 30 days to solve a problem, 20 working days for a meeting decision.
"""

from typing import Any

from sqlalchemy.orm import Session

from zhenxing.dispatch import rule_kinds
from zhenxing.dispatch.light_rules import LightRules
from zhenxing.dispatch.rule_kinds import DispatchSettings
from zhenxing.rules import service as rules


def light_rules_data(session: Session, year: int | None = None) -> dict[str, Any]:
    return rules.rule_state(session, rule_kinds.LIGHTS, year).data


def light_rules(session: Session, year: int | None = None) -> LightRules:
    """The light rules in force for `year` (its own, else the standing ones, else the default preset)."""
    return rules.active_rules(session, rule_kinds.LIGHTS, year)


def dispatch_settings(session: Session) -> DispatchSettings:
    return rules.active_rules(session, rule_kinds.SETTINGS)


def report_due_day(session: Session) -> int:
    return dispatch_settings(session).report_due_day


def problem_days(session: Session) -> int:
    return dispatch_settings(session).problem_days


def decision_workdays(session: Session) -> int:
    return dispatch_settings(session).decision_workdays


def stuck_months(session: Session) -> int:
    return dispatch_settings(session).stuck_months


def review_rules(session: Session):
    """The field-review defaults: criteria, vote step, 观摩 eligibility, photo limits."""
    return rules.active_rules(session, rule_kinds.REVIEWS)
