"""A supervised task's state, derived — never typed (pure: no database, no web).

    已销号  the supervision office confirmed the unit's 销号 request
    待销号  the lead unit says it is done, with evidence, and the office has not decided yet
    滞后    late against its deadline or a milestone, or the last report that fell due is missing
    推进中  reported on (or started) and not late
    未启动  nothing yet

The order above is the order of precedence: a task waiting for 销号 is not "late" while the office
decides, and a closed task is closed whatever its dates said.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

STATES = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "late": "滞后",
    "closing": "待销号",
    "closed": "已销号",
}
# Late first, then the office's queue, then the rest: the order lists are sorted in.
URGENCY = {"late": 0, "closing": 1, "in_progress": 2, "not_started": 3, "closed": 4}


@dataclass(frozen=True)
class MilestoneFacts:
    due_on: date
    content: str
    done_on: date | None = None


@dataclass(frozen=True)
class TaskFacts:
    """What the state depends on, read from the task's records."""

    due_on: date | None = None
    long_term: bool = False
    milestones: tuple[MilestoneFacts, ...] = ()
    started: bool = False  # a report was filed (or the task was marked started before reports existed)
    closure: str | None = None  # the latest 销号 request: pending / confirmed / refused
    report_due: str | None = None  # the last period 'YYYY-MM' whose report deadline has passed
    report_due_on: date | None = None  # that deadline
    reported: frozenset[str] = field(default_factory=frozenset)  # periods the lead unit reported


@dataclass(frozen=True)
class Lateness:
    """One reason a task is late: its kind, the date it was due, the reference (period or milestone)."""

    cause: str  # overdue / milestone / unreported
    due_on: date
    key: str
    text: str


@dataclass(frozen=True)
class TaskState:
    state: str
    late: tuple[Lateness, ...] = ()

    @property
    def label(self) -> str:
        return STATES[self.state]

    @property
    def reasons(self) -> list[str]:
        return [item.text for item in self.late]


def lateness(facts: TaskFacts, today: date) -> tuple[Lateness, ...]:
    """Every way the task is late today, oldest first."""
    found: list[Lateness] = []
    if facts.due_on is not None and not facts.long_term and today > facts.due_on:
        days = (today - facts.due_on).days
        found.append(Lateness("overdue", facts.due_on, "deadline",
                              f"已超过完成时限（{facts.due_on.isoformat()}）{days} 天"))
    for milestone in facts.milestones:
        if milestone.done_on is None and today > milestone.due_on:
            text = f"节点“{milestone.content[:30]}”应于 {milestone.due_on.isoformat()} 前完成，尚未完成"
            found.append(Lateness("milestone", milestone.due_on, milestone.due_on.isoformat(), text))
    if facts.report_due and facts.report_due not in facts.reported and facts.report_due_on is not None:
        year, month = facts.report_due.split("-")
        found.append(Lateness("unreported", facts.report_due_on, facts.report_due,
                              f"{year}年{int(month)}月进展未按时报送（应于 {facts.report_due_on.isoformat()} 前）"))
    return tuple(sorted(found, key=lambda item: item.due_on))


def derive(facts: TaskFacts, today: date) -> TaskState:
    if facts.closure == "confirmed":
        return TaskState("closed")
    if facts.closure == "pending":
        return TaskState("closing")
    late = lateness(facts, today)
    if late:
        return TaskState("late", late)
    if facts.started or facts.reported:
        return TaskState("in_progress")
    return TaskState("not_started")


def sort_key(state: str, due_on: date | None) -> tuple:
    """Late first, then waiting for 销号, then by deadline (none last)."""
    return URGENCY[state], due_on or date.max


def counts(states: Iterable[str]) -> dict[str, int]:
    """How many tasks are in each state, every state listed (zeros included), in display order."""
    tally = dict.fromkeys(STATES, 0)
    for state in states:
        tally[state] += 1
    return tally
