"""The escalation run: every open task's obligations along the office's ladder, each step reached written
once (a followup mark, an `Escalation` record and an audit event), a 督办单 numbered with its reply date.

Idempotent: a step is recorded through `followup.reach` (INSERT … ON CONFLICT DO NOTHING), so a second run
at the same moment — or a second worker at once — finds every step recorded and adds nothing. Run by the
scheduler (`supervision.escalate`, one worker acts under the job's lease) or `zhenxing supervise run`.
"""

from collections import defaultdict
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_supervise
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.followup import service as followup
from zhenxing.supervision import board, escalation, reporting, settings
from zhenxing.supervision.escalation import MilestoneRef, Obligation
from zhenxing.supervision.models import Escalation
from zhenxing.supervision.rule_kinds import EscalationStep
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import Task
from zhenxing.workdays import BEIJING

BATCH = 1000
KINDS = ("task.deadline", "task.milestone", "task.report")
MAX_REPLY = 2000


def _local(now: datetime) -> datetime:
    return (now if now.tzinfo else now.replace(tzinfo=BEIJING)).astimezone(BEIJING)


def local(stored: datetime) -> datetime:
    """A stored moment (UTC; naive from SQLite) in Beijing time."""
    return (stored if stored.tzinfo else stored.replace(tzinfo=UTC)).astimezone(BEIJING)


def coming_report(today: date, report_day: int, is_workday) -> tuple[str, date]:
    """The next report deadline on or after today: this month's, or next month's once it has passed."""
    period = reporting.period_of(today)
    due = reporting.due_date(period, report_day, is_workday)
    if due < today:
        period = reporting.shift_period(period, 1)
        due = reporting.due_date(period, report_day, is_workday)
    return period, due


def _marks(session: Session, batch: list[Task]) -> set[tuple[str, int, int, str]]:
    found = set()
    ids = {"task.deadline": [t.id for t in batch], "task.report": [t.id for t in batch],
           "task.milestone": [m.id for t in batch for m in t.milestones]}
    for kind, item_ids in ids.items():
        for item_id, marks in followup.marks_for(session, kind, item_ids).items():
            found.update((kind, item_id, mark.cycle, mark.step_key) for mark in marks)
    return found


def _next_number(session: Session, year: int, counters: dict[int, int]) -> int:
    if year not in counters:
        counters[year] = session.scalar(select(func.coalesce(func.max(Escalation.number), 0))
                                        .where(Escalation.year == year)) or 0
    counters[year] += 1
    return counters[year]


def _record(session: Session, task: Task, obligation: Obligation, step: EscalationStep, now: datetime,
            reply_workdays: int, calendar, counters: dict[int, int]) -> Escalation:
    """The escalation row (added, not yet flushed: the run flushes a batch at once, then audits it)."""
    local = _local(now)
    today = local.date()
    notice = step.action == "notice"
    row = Escalation(task_id=task.id, unit_id=task.lead_unit_id, ref=obligation.ref, cause=obligation.cause,
                     due_on=obligation.due_on, step_key=step.key, step_label=step.label, action=step.action,
                     audience=",".join(step.audience), text=obligation.text, reached_at=now.astimezone(UTC),
                     year=today.year, period=reporting.period_of(today),
                     number=_next_number(session, today.year, counters) if notice else None,
                     reply_due=escalation.reply_due(today, reply_workdays, calendar) if notice else None)
    session.add(row)
    return row


def _audit(session: Session, rows: list[tuple[Task, Escalation]]) -> None:
    session.flush()
    for task, row in rows:
        notice = row.action == "notice"
        audit.record(session, actor=None, action="create", entity="task_escalation", entity_id=row.id,
                     summary=f"任务 {task.code}{row.step_label}：{row.text}"
                             + (f"（{row.number_text}，{row.reply_due.isoformat()}前回复）" if notice else ""),
                     changes={"step_label": [None, row.step_label], "action": [None, row.action]})


def run(session: Session, *, now: datetime) -> dict[str, int]:
    """Advance every open task along the ladder; answer how many steps of each action were recorded."""
    today = _local(now).date()
    rules = settings.current(session, today.year)
    ladder = settings.ladder(session, today.year)
    calendar = settings.calendar(session)
    coming = coming_report(today, rules.report_day, calendar.is_workday)
    done: dict[str, int] = defaultdict(int)
    counters: dict[int, int] = {}
    last_id = 0
    while True:
        batch = list(session.scalars(select(Task).where(Task.closed_at.is_(None), Task.id > last_id)
                                     .order_by(Task.id).limit(BATCH)).unique())
        if not batch:
            break
        last_id = batch[-1].id
        facts, _reported = board.facts_map(session, batch, today=today, report_day=rules.report_day,
                                           is_workday=calendar.is_workday)
        marks = _marks(session, batch)
        candidates: list[tuple[Task, Obligation, str]] = []
        for task in batch:
            milestones = tuple(MilestoneRef(m.id, m.due_on, m.content, m.done_on is not None) for m in task.milestones)
            for obligation in escalation.obligations(task.id, facts[task.id], milestones, coming):
                key = (obligation.item_kind, obligation.item_id, obligation.cycle)
                known = {step.key for step in ladder.steps if (*key, step.key) in marks}
                for step in escalation.steps_reached(obligation, now, ladder.ladder, calendar, known):
                    if step.key not in known:
                        candidates.append((task, obligation, step.key))
        new = followup.reach_many(session, [(o.item_kind, o.item_id, o.cycle, k) for _t, o, k in candidates], now)
        added: list[tuple[Task, Escalation]] = []
        for task, obligation, step_key in candidates:
            if (obligation.item_kind, obligation.item_id, obligation.cycle, step_key) not in new:
                continue  # recorded meanwhile by a concurrent run
            step = ladder.step(step_key)
            row = _record(session, task, obligation, step, now, rules.reply_workdays, calendar, counters)
            added.append((task, row))
            done[step.action] += 1
        _audit(session, added)
    return {action: done.get(action, 0) for action in ("remind", "notice", "bulletin")}


def summary(counts: dict[str, int]) -> str:
    return f"提醒 {counts['remind']} 次，督办单 {counts['notice']} 份，列入通报 {counts['bulletin']} 项"


# --- reading and answering ----------------------------------------------------------------------------


def of_task(session: Session, task: Task) -> list[Escalation]:
    return list(session.scalars(select(Escalation).where(Escalation.task_id == task.id)
                                .order_by(Escalation.reached_at, Escalation.id)))


def latest_by_task(session: Session, task_ids: list[int]) -> dict[int, Escalation]:
    """Each task's furthest escalation (the last one reached)."""
    found: dict[int, Escalation] = {}
    for start in range(0, len(task_ids), 900):
        rows = session.scalars(select(Escalation).where(Escalation.task_id.in_(task_ids[start:start + 900]))
                               .order_by(Escalation.reached_at, Escalation.id))
        for row in rows:
            found[row.task_id] = row
    return found


def queue(session: Session, *, scope: Scope, period: str | None = None, limit: int = 500) -> list[Escalation]:
    """The escalations a user may see, newest first: the office and leaders every one, a unit those of its
    tasks whose audience includes it (as lead or partner)."""
    query = select(Escalation).join(Task, Escalation.task_id == Task.id)
    query = tasks.visible(query, scope)
    if period:
        query = query.where(Escalation.period == period)
    rows = list(session.scalars(query.order_by(Escalation.reached_at.desc(), Escalation.id.desc())
                                .limit(limit)).unique())
    return [row for row in rows if _addressed(row, scope)]


def _addressed(row: Escalation, scope: Scope) -> bool:
    if scope.everything:
        return True
    relation = tasks.relation(scope, row.task)
    return (relation == "lead" and "lead" in row.audience_set) or \
        (relation == "partner" and "partner" in row.audience_set)


def get(session: Session, escalation_id: int, scope: Scope | None = None) -> Escalation:
    row = session.get(Escalation, escalation_id) if 0 < escalation_id < 2**31 else None
    if row is None or (scope is not None and not _addressed(row, scope)):
        raise NotFound(f"督办记录 {escalation_id} 不存在", field="escalation_id")
    if scope is not None:
        tasks.get_task(session, row.task_id, scope)
    return row


def reply(*, session: Session, actor: User, scope: Scope, escalation_id: int, text: str) -> Escalation:
    """The lead unit answers a 督办单 in writing (once; a second answer is refused)."""
    row = get(session, escalation_id, scope)
    if row.action != "notice":
        raise Rejected("只有督办单需要书面回复", field="escalation_id")
    if tasks.relation(scope, row.task) != "lead" and not can_supervise(actor.role):
        raise Forbidden("只有该任务的牵头单位可以回复督办单", field="escalation_id")
    text = (text or "").strip()
    if not text:
        raise Rejected("回复内容不能为空", field="reply")
    if len(text) > MAX_REPLY:
        raise Rejected(f"回复内容不能超过 {MAX_REPLY} 个字", field="reply")
    if row.replied_at is not None:
        raise Conflict(f"{row.number_text}已于 {local(row.replied_at):%Y-%m-%d} 回复", field="escalation_id")
    row.reply, row.replied_at, row.replied_by = text, datetime.now(UTC), actor.name
    session.flush()
    audit.record(session, actor=actor, action="update", entity="task_escalation", entity_id=row.id,
                 summary=f"回复{row.number_text}（任务 {row.task.code}）", changes={"reply": [None, text]})
    return row
