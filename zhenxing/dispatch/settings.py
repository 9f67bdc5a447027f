"""The office's dispatch settings: the light rule set in force, the reporting window, problem deadlines.

Defaults: the Yinchuan 2025 light rules, reports due on the 5th of the next month, 30 days to solve a
problem raised in a report or on a tour.
"""

from typing import Any

from sqlalchemy.orm import Session

from zhenxing.dispatch.light_rules import DEFAULT_PRESET, LightRules, parse_light_rules, preset

DEFAULT_DUE_DAY = 5
DEFAULT_PROBLEM_DAYS = 30


def light_rules_data(session: Session) -> dict[str, Any]:
    return preset(DEFAULT_PRESET)


def light_rules(session: Session) -> LightRules:
    return parse_light_rules(light_rules_data(session))


def report_due_day(session: Session) -> int:
    return DEFAULT_DUE_DAY


def problem_days(session: Session) -> int:
    return DEFAULT_PROBLEM_DAYS
