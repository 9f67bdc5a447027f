"""What a supervised task still owes, and which escalation steps each of those obligations has reached
(pure: no database, no web).

An open task owes its deadline (unless 长期), each undone milestone, and each monthly progress report that
falls due (the last one whose deadline passed, if missing, and the coming one, for its reminder). Each
obligation is followed on its own along the office's ladder (提醒 before the date, then 催办 → 督办 → 通报
after it; zhenxing.followup.ladder); a task waiting for the office's 销号 decision, or closed, owes nothing.
"""

from dataclasses import dataclass
from datetime import date, datetime

from zhenxing.followup.ladder import Ladder, reached
from zhenxing.supervision.states import TaskFacts
from zhenxing.workdays import UnknownYear, WorkCalendar

CAUSES = {"deadline": "完成时限", "milestone": "节点", "report": "月度进展"}


@dataclass(frozen=True)
class Obligation:
    """One thing a task owes by a date. `item_kind`, `item_id` and `cycle` name it in the followup marks:
    the task's deadline (task id), a milestone (its own id), a period's report (task id, cycle YYYYMM)."""

    cause: str  # deadline / milestone / report
    due_on: date
    item_id: int
    cycle: int
    text: str

    @property
    def item_kind(self) -> str:
        return f"task.{self.cause}"

    @property
    def ref(self) -> str:
        """A stable name of the obligation within its task: 'deadline', 'milestone:12', 'report:2025-09'."""
        if self.cause == "deadline":
            return "deadline"
        if self.cause == "milestone":
            return f"milestone:{self.item_id}"
        return f"report:{self.cycle // 100:04d}-{self.cycle % 100:02d}"


@dataclass(frozen=True)
class MilestoneRef:
    id: int
    due_on: date
    content: str
    done: bool


def _report(task_id: int, period: str, due_on: date, overdue: bool) -> Obligation:
    year, month = period.split("-")
    verb = "未按时报送" if overdue else "应按时报送"
    return Obligation("report", due_on, task_id, int(year) * 100 + int(month),
                      f"{year}年{int(month)}月进展{verb}（报送期限 {due_on.isoformat()}）")


def obligations(task_id: int, facts: TaskFacts, milestones: tuple[MilestoneRef, ...] = (),
                coming_report: tuple[str, date] | None = None) -> list[Obligation]:
    """Everything the task owes, oldest first; nothing once 销号 is asked for or confirmed."""
    if facts.closure in ("pending", "confirmed"):
        return []
    found = []
    if facts.due_on is not None and not facts.long_term:
        found.append(Obligation("deadline", facts.due_on, task_id, 0,
                                f"任务完成时限为 {facts.due_on.isoformat()}，尚未完成销号"))
    for milestone in milestones:
        if not milestone.done:
            found.append(Obligation("milestone", milestone.due_on, milestone.id, 0,
                                    f"节点“{milestone.content[:30]}”应于 {milestone.due_on.isoformat()} 前完成"))
    if facts.report_due and facts.report_due_on and facts.report_due not in facts.reported:
        found.append(_report(task_id, facts.report_due, facts.report_due_on, True))
    if coming_report and coming_report[0] not in facts.reported and coming_report[0] != facts.report_due:
        found.append(_report(task_id, coming_report[0], coming_report[1], False))
    return sorted(found, key=lambda o: (o.due_on, o.cause, o.item_id))


def steps_reached(obligation: Obligation, now: datetime, ladder: Ladder, calendar: WorkCalendar,
                  known: frozenset[str] | set[str] = frozenset()) -> list:
    """The ladder's steps this obligation has reached at `now`, in order. A step whose moment falls in a year
    the calendar does not know yet (a deadline on 12-31 and next year's holidays not yet published) lies
    after `now` and is simply not reached. Steps in `known` (already recorded) are taken as reached without
    working out their moment again."""
    found = []
    for step in ladder.steps:
        if step.key in known:
            found.append(step)
            continue
        try:
            if not reached(obligation.due_on, now, (step,), calendar):
                break
        except UnknownYear:
            break
        found.append(step)
    return found


def reply_due(reached_on: date, workdays: int, calendar: WorkCalendar) -> date:
    """The day a 督办单 issued on `reached_on` must be answered by."""
    return calendar.add_workdays(reached_on, workdays)


def notice_number(year: int, sequence: int) -> str:
    """督办〔2025〕7号"""
    return f"督办〔{year}〕{sequence}号"
