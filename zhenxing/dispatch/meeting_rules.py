"""The dispatch meeting's rules (调度会): decisions followed to 销号, their deadlines, and what the agenda says.
Pure: no database or web imports.

A decision (议定事项) is either a task followed as itself, or a problem of a named project followed on the
problem list (its status mirrors the problem's). A task moves open (办理中) → resolved (已办结待销号, the unit
says how) → closed (已销号, the office confirms), or back to open when the office returns it (退回) or
reopens it. Its deadline is the date given, else the date its wording names ("6月底前" → 06-30 via
zhenxing.deadlines), else `decision_workdays` working days after the meeting (会议纪要 20 days by default).
"""

from datetime import date

from zhenxing.deadlines import parse_deadline
from zhenxing.errors import Forbidden, Rejected

DECISION_KINDS = {"task": "任务", "problem": "问题"}
DECISION_STATUSES = {"open": "办理中", "resolved": "已办结待销号", "closed": "已销号"}
DECISION_ACTIONS = {"resolve": "申请销号", "close": "确认销号", "reject": "退回", "reopen": "重新打开"}
MEETING_STATUSES = {"planned": "筹备中", "held": "已召开"}
_MOVES = {  # action: (from, to, office only, note required)
    "resolve": ({"open"}, "resolved", False, True),
    "close": ({"resolved"}, "closed", True, False),
    "reject": ({"resolved"}, "open", True, True),
    "reopen": ({"closed"}, "open", True, True),
}
OFFICE = {"admin", "office"}
PROBLEM_TO_DECISION = {"open": "open", "in_progress": "open", "resolved": "resolved", "closed": "closed"}


def plan_decision(status: str, action: str, *, office: bool, responsible: bool, note: str) -> str:
    """The status a decision moves to; refuses what its status, the actor or a missing note forbids."""
    if action not in _MOVES:
        raise Rejected(f"未知的操作“{action}”，可选：{'、'.join(DECISION_ACTIONS.values())}", field="action")
    sources, target, office_only, needs_note = _MOVES[action]
    if office_only and not office:
        raise Forbidden(f"只有项目办可以{DECISION_ACTIONS[action]}", field="action")
    if not office and not responsible:
        raise Forbidden("只有责任单位、责任县区或项目办可以办理该议定事项", field="action")
    if status not in sources:
        raise Rejected(f"议定事项当前为“{DECISION_STATUSES.get(status, status)}”，不能{DECISION_ACTIONS[action]}",
                       field="action")
    if needs_note and not note.strip():
        raise Rejected(f"{DECISION_ACTIONS[action]}须填写{'办理情况' if action == 'resolve' else '原因'}", field="note")
    return target


def decision_due(text: str, given: date | None, held_on: date) -> date | None:
    """The deadline given, else the one the wording names (not before the meeting), else None (the service
    then counts working days)."""
    if given is not None:
        if given < held_on:
            raise Rejected("办理时限不能早于会议日期", field="due_on")
        return given
    named = parse_deadline(text, held_on.year).on
    return named if named is not None and named >= held_on else None


def overdue_days(due_on: date | None, status: str, today: date) -> int:
    if due_on is None or status != "open" or today <= due_on:
        return 0
    return (today - due_on).days


def light_changes(before: dict[int, str], after: dict[int, str]) -> list[tuple[int, str | None, str]]:
    """Projects whose light changed between two periods (new lights included), worst new colour first."""
    order = {"red": 0, "yellow": 1, "grey": 2, "green": 3}
    changed = [(pid, before.get(pid), color) for pid, color in after.items() if before.get(pid) != color]
    return sorted(changed, key=lambda row: (order.get(row[2], 4), row[0]))
