"""量督考纪: the figures a unit is scored on for a period, from its tasks and targets as they stood at the
period's end (pure: no database, no web). The points, weights and ranks are the league engine's
(zhenxing.league.engine) with the office's scheme (rule kind `supervision.scores`).

Per unit (the lead unit of the year's tasks and targets):

    task_on_time_rate       tasks not 滞后 at the period's end ÷ its tasks (closed ones count as on time)
    task_closure_rate       tasks whose deadline had come and that were 已销号 by then ÷ tasks due by then
    task_report_timeliness  monthly reports filed by their deadline ÷ reports that fell due
    task_escalations        督办单 and 通报 its tasks received in the period
    target_on_track_rate    targets it leads on or ahead of their trajectory ÷ those with a reading

A figure without a denominator is None ("no data": no points, no rank on that measure).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MEASURES = {
    "task_on_time_rate": "任务按时推进率(%)",
    "task_closure_rate": "到期任务销号率(%)",
    "task_report_timeliness": "进展按时报送率(%)",
    "task_escalations": "被督办、通报次数",
    "target_on_track_rate": "牵头指标达序时率(%)",
}


@dataclass(frozen=True)
class TaskAsOf:
    unit_id: int
    state: str  # the derived state at the period's end (supervision.states)
    due_by_end: bool = False  # its deadline (not 长期) was on or before the period's end
    closed_by_end: bool = False
    reports_due: int = 0
    reports_on_time: int = 0
    escalations: int = 0  # 督办单 and 通报 reached in the period


@dataclass(frozen=True)
class TargetAsOf:
    unit_id: int
    state: str | None  # ahead / on_track / behind at the period's month; None without a reading


def _rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100 * part / whole, 2)


def unit_figures(tasks: Iterable[TaskAsOf], targets: Iterable[TargetAsOf] = ()) -> dict[int, dict[str, float | None]]:
    """unit id → {measure key: value}, for every unit that leads a task or a target."""
    tally: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for task in tasks:
        t = tally[task.unit_id]
        t["tasks"] += 1
        t["on_time"] += task.state != "late"
        t["due"] += task.due_by_end
        t["closed_due"] += task.due_by_end and task.closed_by_end
        t["reports_due"] += task.reports_due
        t["reports_on_time"] += min(task.reports_on_time, task.reports_due)
        t["escalations"] += task.escalations
    for target in targets:
        t = tally[target.unit_id]
        t["judged"] += target.state is not None
        t["on_track"] += target.state in ("on_track", "ahead")
    return {unit: {
        "task_on_time_rate": _rate(t["on_time"], t["tasks"]),
        "task_closure_rate": _rate(t["closed_due"], t["due"]),
        "task_report_timeliness": _rate(t["reports_on_time"], t["reports_due"]),
        "task_escalations": float(t["escalations"]) if t["tasks"] else None,
        "target_on_track_rate": _rate(t["on_track"], t["judged"]),
    } for unit, t in tally.items()}
