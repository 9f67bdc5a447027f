"""What the task API and pages share: tasks with their derived state, sorted late first."""

from datetime import date

from sqlalchemy.orm import Session

from zhenxing.supervision import board, settings
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.supervision.states import sort_key
from zhenxing.tasks.models import Task
from zhenxing.tasks.schemas import TaskRead


def rows(session: Session, tasks: list[Task], today: date | None = None) -> dict[int, board.Row]:
    rules = settings.current(session)
    return board.board(session, tasks, today=today or _settings_today(), report_day=rules.report_day,
                       is_workday=settings.workday(session))


def ordered(tasks: list[Task], found: dict[int, board.Row]) -> list[Task]:
    return sorted(tasks, key=lambda t: (*sort_key(found[t.id].state.state, t.due_on), t.year, t.number))


def task_model(task: Task, row: board.Row) -> TaskRead:
    return TaskRead.model_validate({
        **{key: getattr(task, key) for key in ("id", "year", "number", "content", "section", "lead_unit", "partners",
                                              "leader", "deadline", "due_on", "long_term", "source", "source_ref",
                                              "unresolved", "milestones", "document_id")},
        "state": row.state.state, "state_label": row.state.label, "reasons": row.state.reasons,
        "percent": row.percent, "last_period": row.last_period})


def task_models(session: Session, tasks: list[Task], *, state: str | None = None) -> list[TaskRead]:
    found = rows(session, tasks)
    return [task_model(t, found[t.id]) for t in ordered(tasks, found) if state in (None, found[t.id].state.state)]
