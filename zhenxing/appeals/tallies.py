"""The pre-aggregated statistics tallies: deltas applied with one upsert per key, a full rebuild, and the
grouped sums the statistics page reads."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from zhenxing.appeals.models import Appeal, AppealTally
from zhenxing.appeals.scoring import COUNTERS
from zhenxing.appeals.tally import KEY_FIELDS, Facts, Key, delta

Change = tuple[Facts | None, Facts | None]


def facts_of(appeal: Appeal) -> Facts:
    return Facts(
        month=appeal.month, unit_id=appeal.unit_id, handler_region_id=appeal.handler_region_id,
        region_id=appeal.region_id, category_id=appeal.category_id, channel=appeal.channel,
        is_repeat=appeal.is_repeat, accept_late=appeal.accept_late, close_late=appeal.close_late,
        reply_result=appeal.reply_result, rating_level=appeal.rating_level,
        rating_defaulted=appeal.rating_defaulted, rating_excluded=appeal.rating_excluded,
        reopen_count=appeal.reopen_count, dispatch_count=appeal.dispatch_count,
    )


def apply(session: Session, changes: Iterable[Change],
          events: Mapping[Key, Mapping[str, int]] | None = None) -> None:
    """Add the difference of every change (and the event counters) to the tallies."""
    total: dict[Key, dict[str, int]] = defaultdict(dict)
    for before, after in changes:
        for key, named in delta(before, after).items():
            for name, value in named.items():
                total[key][name] = total[key].get(name, 0) + value
    for key, named in (events or {}).items():
        for name, value in named.items():
            total[key][name] = total[key].get(name, 0) + value
    for key in sorted(total):
        if any(total[key].values()):
            _upsert(session, key, total[key])


def _upsert(session: Session, key: Key, named: dict[str, int]) -> None:
    """INSERT … ON CONFLICT DO UPDATE: concurrent writers add to the same row without losing counts."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    values = {**dict(zip(KEY_FIELDS, key, strict=True)), **{name: named.get(name, 0) for name in COUNTERS}}
    statement = insert(AppealTally).values(**values)
    table = AppealTally.__table__
    statement = statement.on_conflict_do_update(
        index_elements=list(KEY_FIELDS),
        set_={name: table.c[name] + statement.excluded[name] for name in named},
    )
    session.execute(statement)


def rebuild(session: Session, *, batch: int = 5000) -> int:
    """Recompute every tally from the appeals. Dispatches and returns are counted from the totals kept on
    each appeal and given to its current handler (live changes credit them to the unit at the time)."""
    session.execute(delete(AppealTally))
    total: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    count = 0
    for appeal in session.scalars(select(Appeal).execution_options(yield_per=batch)):
        facts = facts_of(appeal)
        for name, value in delta(None, facts).get(facts.key, {}).items():
            total[facts.key][name] += value
        total[facts.key]["dispatched"] += appeal.dispatch_count
        total[facts.key]["returned"] += appeal.return_count
        count += 1
    for key, named in total.items():
        _upsert(session, key, named)
    return count


def sums(session: Session, *, by: str | None, months: tuple[str, str] | None = None,
         where: Mapping[str, object] | None = None) -> dict[object, dict[str, int]]:
    """Counters summed by one key field (or all together with by=None), for a range of months."""
    columns = [func.coalesce(func.sum(getattr(AppealTally, name)), 0) for name in COUNTERS]
    group = [getattr(AppealTally, by)] if by else []
    query = select(*group, *columns)
    if months:
        query = query.where(AppealTally.month >= months[0], AppealTally.month <= months[1])
    for name, value in (where or {}).items():
        column = getattr(AppealTally, name)
        query = query.where(column.in_(value) if isinstance(value, list | tuple | set) else column == value)
    if by:
        query = query.group_by(*group)
    result = {}
    for row in session.execute(query):
        key = row[0] if by else None
        values = row[1:] if by else row
        result[key] = {name: int(value) for name, value in zip(COUNTERS, values, strict=True)}
    return result
