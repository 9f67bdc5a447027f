"""The supervision office's and the units' to-do items (我的待办):

- a lead unit: its late tasks (red), this month's progress still to report (yellow within the reminder,
  else a plain item), 督办单 awaiting its written reply (red once the reply date has passed);
- the 督查室 (and the office, admin): 销号 requests waiting for a decision, 督办单 past their reply date
  without a reply;
- a leader: the tasks of which he or she is the responsible leader that reached 通报.
"""

from datetime import date

from sqlalchemy import func, select

from zhenxing.auth.policy import can_supervise
from zhenxing.supervision import reporting, settings
from zhenxing.supervision.models import Escalation
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.tasks.models import Closure, Task
from zhenxing.todo import TodoItem, register_source

MAX_TASKS = 300


def _unit_items(session, scope, today: date) -> list[TodoItem]:
    from zhenxing.tasks.views import rows

    if scope.role != "unit" or scope.unit_id is None:
        return []
    mine = list(session.scalars(select(Task).where(Task.lead_unit_id == scope.unit_id, Task.closed_at.is_(None))
                                .order_by(Task.id).limit(MAX_TASKS)).unique())
    found = rows(session, mine, today)
    rules = settings.current(session, today.year)
    calendar = settings.calendar(session)
    period = reporting.period_of(today)
    due = reporting.due_date(period, rules.report_day, calendar.is_workday)
    soon = calendar.add_workdays(due, -settings.remind_workdays(session, today.year))
    items = []
    for task in mine:
        row = found[task.id]
        url = f"/tasks/{task.id}"
        if row.state.state == "late":
            items.append(TodoItem("任务", f"{task.code} {task.content[:30]}", url, row.state.late[0].due_on, "red",
                                  "；".join(row.state.reasons)[:120]))
        elif row.state.state in ("in_progress", "not_started") and row.last_period != period and due >= today:
            items.append(TodoItem("任务", f"报送 {task.code} {int(period[5:])}月进展", url, due,
                                  "yellow" if today >= soon else "normal", task.content[:60]))
    notices = session.scalars(select(Escalation).join(Task, Escalation.task_id == Task.id)
                              .where(Escalation.action == "notice", Escalation.replied_at.is_(None),
                                     Task.lead_unit_id == scope.unit_id).order_by(Escalation.reply_due))
    for notice in notices:
        items.append(TodoItem("督办单", f"回复{notice.number_text}（任务 {notice.task.code}）",
                              f"/tasks/{notice.task_id}", notice.reply_due,
                              "red" if notice.reply_due and notice.reply_due < today else "yellow",
                              notice.text[:80]))
    return items


def _office_items(session, today: date) -> list[TodoItem]:
    items = []
    pending = session.scalars(select(Closure).where(Closure.status == "pending").order_by(Closure.requested_at)
                              .limit(MAX_TASKS))
    for closure in pending:
        task = session.get(Task, closure.task_id)
        items.append(TodoItem("销号", f"审核 {task.code} 销号申请", f"/tasks/{task.id}", None, "normal",
                              task.content[:60]))
    overdue = session.scalars(select(Escalation).where(Escalation.action == "notice", Escalation.replied_at.is_(None),
                                                       Escalation.reply_due < today)
                              .order_by(Escalation.reply_due).limit(MAX_TASKS))
    for notice in overdue:
        items.append(TodoItem("督办单", f"{notice.number_text}逾期未回复（{notice.unit.name if notice.unit else ''}）",
                              f"/tasks/{notice.task_id}", notice.reply_due, "red", notice.text[:80]))
    return items


def _leader_items(session, user, today: date) -> list[TodoItem]:
    person = getattr(user, "person_id", None)
    if person is None:
        return []
    rows = session.scalars(select(Escalation).join(Task, Escalation.task_id == Task.id)
                           .where(Escalation.action == "bulletin", Task.leader_id == person,
                                  Task.closed_at.is_(None)).order_by(Escalation.reached_at.desc()).limit(MAX_TASKS))
    return [TodoItem("通报", f"{row.task.code} 已列入督查通报", f"/tasks/{row.task_id}", row.due_on, "red",
                     row.text[:80]) for row in rows]


def items(session, user, scope) -> list[TodoItem]:
    today = _settings_today()
    if can_supervise(user.role):
        return _office_items(session, today)
    if user.role == "leader":
        return _leader_items(session, user, today)
    return _unit_items(session, scope, today)


def count(session, user, scope) -> int:
    if can_supervise(user.role):
        today = _settings_today()
        pending = session.scalar(select(func.count()).select_from(Closure).where(Closure.status == "pending")) or 0
        overdue = session.scalar(select(func.count()).select_from(Escalation).where(
            Escalation.action == "notice", Escalation.replied_at.is_(None), Escalation.reply_due < today)) or 0
        return pending + overdue
    return len(items(session, user, scope))


register_source("supervision.tasks", "督查任务", items, count=count)
