"""Recording the ladder steps followed items reach — idempotently, so a job can run twice (or on two
workers at once) and the second run records nothing new.

    from zhenxing.followup import service as followup
    for step in followup.advance(session, "task", task.id, task.due_on, now, ladder, calendar):
        ...  # act on each step reached for the first time (a 督办单, a notice, an audit event)
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zhenxing.db import insert_or_ignore
from zhenxing.errors import Rejected
from zhenxing.followup.ladder import Ladder, Step, reached
from zhenxing.followup.models import FollowupMark
from zhenxing.workdays import BEIJING, WorkCalendar


def _utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)).astimezone(UTC)


def _check(item_kind: str, item_id: int, step_key: str, cycle: int) -> None:
    if not isinstance(item_kind, str) or not 1 <= len(item_kind) <= 40:
        raise Rejected("跟踪事项类型应为 1–40 个字符", field="item_kind")
    if not isinstance(step_key, str) or not 1 <= len(step_key) <= 40:
        raise Rejected("步骤代码应为 1–40 个字符", field="step_key")
    if isinstance(item_id, bool) or not isinstance(item_id, int) or not 0 <= item_id < 2**63:
        raise Rejected("跟踪事项编号无效", field="item_id")
    if isinstance(cycle, bool) or not isinstance(cycle, int) or not 0 <= cycle < 2**31:
        raise Rejected("轮次无效", field="cycle")


def reach(session: Session, item_kind: str, item_id: int, step_key: str, at: datetime, *, cycle: int = 0) -> bool:
    """Record that an item reached a step at `at` (naive = Beijing time). True if this is new; False if it was
    already recorded (by an earlier run, or by a concurrent one: exactly one of them gets True)."""
    _check(item_kind, item_id, step_key, cycle)
    return insert_or_ignore(session, FollowupMark, {
        "item_kind": item_kind, "item_id": item_id, "cycle": cycle, "step_key": step_key,
        "reached_at": _utc(at), "recorded_at": datetime.now(UTC),
    }, ["item_kind", "item_id", "cycle", "step_key"])


def advance(session: Session, item_kind: str, item_id: int, due: date | datetime, now: datetime,
            ladder: Ladder | Sequence[Step], calendar: WorkCalendar, *, cycle: int = 0) -> list[Step]:
    """Record every step the item has reached by `now`; answer the ones recorded for the first time."""
    return [step for step in reached(due, now, ladder, calendar)
            if reach(session, item_kind, item_id, step.key, now, cycle=cycle)]


def reached_keys(session: Session, item_kind: str, item_id: int, *, cycle: int = 0) -> set[str]:
    query = select(FollowupMark.step_key).where(FollowupMark.item_kind == item_kind,
                                                FollowupMark.item_id == item_id, FollowupMark.cycle == cycle)
    return set(session.scalars(query))


def marks_for(session: Session, item_kind: str, item_ids: Iterable[int]) -> dict[int, list[FollowupMark]]:
    """Every recorded step of these items, oldest first (for timelines and lists; one query)."""
    ids = list(item_ids)
    found: dict[int, list[FollowupMark]] = defaultdict(list)
    for start in range(0, len(ids), 1000):  # keep the IN list bounded
        query = (select(FollowupMark).where(FollowupMark.item_kind == item_kind,
                                            FollowupMark.item_id.in_(ids[start:start + 1000]))
                 .order_by(FollowupMark.reached_at, FollowupMark.id))
        for mark in session.scalars(query):
            found[mark.item_id].append(mark)
    return dict(found)


def forget(session: Session, item_kind: str, item_id: int) -> int:
    """Drop an item's marks (the item itself was deleted). A reopened item starts a new `cycle` instead."""
    result = session.execute(delete(FollowupMark).where(FollowupMark.item_kind == item_kind,
                                                        FollowupMark.item_id == item_id))
    return result.rowcount


def reach_many(session: Session, items: list[tuple[str, int, int, str]],
               at: datetime) -> set[tuple[str, int, int, str]]:
    """`reach` for many (item_kind, item_id, cycle, step_key) at once: one INSERT … ON CONFLICT DO NOTHING per
    500 rows; answers the keys recorded for the first time (a concurrent run gets the others)."""
    if not items:
        return set()
    for kind, item_id, cycle, step_key in items:
        _check(kind, item_id, step_key, cycle)
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    now, moment = datetime.now(UTC), _utc(at)
    added: set[tuple[str, int, int, str]] = set()
    columns = (FollowupMark.item_kind, FollowupMark.item_id, FollowupMark.cycle, FollowupMark.step_key)
    for start in range(0, len(items), 500):
        rows = [{"item_kind": k, "item_id": i, "cycle": c, "step_key": s, "reached_at": moment, "recorded_at": now}
                for k, i, c, s in items[start:start + 500]]
        statement = (insert(FollowupMark).values(rows)
                     .on_conflict_do_nothing(index_elements=["item_kind", "item_id", "cycle", "step_key"])
                     .returning(*columns))
        added.update(tuple(row) for row in session.execute(statement))
    return added
