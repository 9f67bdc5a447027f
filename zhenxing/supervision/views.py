"""What the supervision pages and API share: the office's board, a unit's own tasks, a leader's screen —
each one context built from the services (one context, two renderings)."""

from collections import Counter, defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope
from zhenxing.supervision import escalations
from zhenxing.supervision.board import in_force, latest_year
from zhenxing.supervision.settings import today as _settings_today
from zhenxing.supervision.states import STATES, counts
from zhenxing.targets.models import Target
from zhenxing.targets.tracking import track
from zhenxing.tasks import service as tasks
from zhenxing.tasks.models import Task
from zhenxing.tasks.views import ordered, rows

MAX_TASKS = 5000


def _year(session: Session, year: int | None) -> int:
    return year or max(_settings_today().year, latest_year(session))


def board(session: Session, scope: Scope, year: int | None = None) -> dict:
    """The office's board: tasks by state and by unit, late ones first, and the escalation queue."""
    year = _year(session, year)
    found = list(session.scalars(tasks.visible(select(Task).where(in_force(year)), scope)
                                 .order_by(Task.number, Task.id).limit(MAX_TASKS)).unique())
    derived = rows(session, found)
    by_unit: dict[str, Counter] = defaultdict(Counter)
    for task in found:
        by_unit[task.lead_unit.name if task.lead_unit else "未指定"][derived[task.id].state.state] += 1
    units = sorted(by_unit.items(), key=lambda item: (-item[1]["late"], -sum(item[1].values()), item[0]))
    late = [t for t in ordered(found, derived) if derived[t.id].state.state in ("late", "closing")]
    queue = escalations.queue(session, scope=scope, limit=200)
    open_notices = [e for e in queue if e.action == "notice" and e.replied_at is None]
    return {"year": year, "tally": counts(r.state.state for r in derived.values()), "states": STATES,
            "units": units, "late": late, "rows": derived, "queue": queue[:50], "open_notices": open_notices}


def mine(session: Session, scope: Scope, year: int | None = None) -> dict:
    """A unit's tasks (those it leads, then those it helps with), and its 督办单 awaiting reply."""
    year = _year(session, year)
    found = list(session.scalars(tasks.visible(select(Task).where(in_force(year)), scope)
                                 .order_by(Task.number, Task.id).limit(MAX_TASKS)).unique())
    derived = rows(session, found)
    listed = ordered(found, derived)
    lead = [t for t in listed if tasks.relation(scope, t) == "lead"]
    partner = [t for t in listed if tasks.relation(scope, t) == "partner"]
    queue = escalations.queue(session, scope=scope, limit=200)
    return {"year": year, "lead": lead, "partner": partner, "rows": derived,
            "tally": counts(derived[t.id].state.state for t in lead),
            "notices": [e for e in queue if e.action == "notice" and e.replied_at is None and
                        tasks.relation(scope, e.task) == "lead"], "queue": queue[:30]}


def leader(session: Session, user: User, scope: Scope, year: int | None = None) -> dict:
    """Targets on one screen with their colours, and the late tasks of the leader's area (the tasks of which
    he or she is the responsible leader; every late task when the account names no person)."""
    year = _year(session, year)
    target_year = session.scalar(select(func.max(Target.year)).where(Target.year <= year)) or year
    targets = list(session.scalars(select(Target).where(Target.year == target_year).order_by(Target.id)))
    tracked = track(session, targets)
    query = select(Task).where(in_force(year), Task.closed_at.is_(None))
    if user.person_id is not None:
        query = query.where(Task.leader_id == user.person_id)
    found = list(session.scalars(query.order_by(Task.number, Task.id).limit(MAX_TASKS)).unique())
    derived = rows(session, found)
    late = [t for t in ordered(found, derived) if derived[t.id].state.state == "late"]
    colours = Counter(tracked[t.id].colour for t in targets)
    return {"year": year, "target_year": target_year, "targets": targets, "tracked": tracked, "colours": colours,
            "late": late,
            "rows": derived, "own_area": user.person_id is not None}
