"""The pre-aggregated statistics tallies: deltas applied with one upsert per key, a full rebuild, and the
grouped sums the statistics page reads."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import case, delete, func, insert, or_, select
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


DEFERRED = "appeal_tallies_deferred"


def apply(session: Session, changes: Iterable[Change],
          events: Mapping[Key, Mapping[str, int]] | None = None) -> None:
    """Add the difference of every change (and the event counters) to the tallies. In a batch (see
    `batch`), the differences are summed in memory and written once when the batch ends."""
    deferred = session.info.get(DEFERRED)
    total: dict[Key, dict[str, int]] = deferred if deferred is not None else defaultdict(dict)
    for before, after in changes:
        for key, named in delta(before, after).items():
            for name, value in named.items():
                total[key][name] = total[key].get(name, 0) + value
    for key, named in (events or {}).items():
        for name, value in named.items():
            total[key][name] = total[key].get(name, 0) + value
    if deferred is None:
        _write(session, total)


def _write(session: Session, total: Mapping[Key, Mapping[str, int]]) -> None:
    rows = [{**dict(zip(KEY_FIELDS, key, strict=True)), **{name: total[key].get(name, 0) for name in COUNTERS}}
            for key in sorted(total) if any(total[key].values())]
    if rows:
        session.connection().execute(_upsert_statement(session.get_bind().dialect.name), rows)


class batch:
    """`with tallies.batch(session): …` — many changes, one write of their summed differences at the end
    (bulk loads such as the demo; same transaction, same result)."""

    def __init__(self, session: Session):
        self.session = session

    def __enter__(self) -> None:
        self.session.info[DEFERRED] = defaultdict(dict)

    def __exit__(self, kind, *_rest) -> None:
        total = self.session.info.pop(DEFERRED)
        if kind is None:
            _write(self.session, total)


_UPSERTS: dict[str, object] = {}


def _upsert_statement(dialect: str):
    """INSERT … ON CONFLICT DO UPDATE adding every counter: concurrent writers add to the same row without
    losing counts. Built once per dialect (building it costs more than running it)."""
    if dialect not in _UPSERTS:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        table = AppealTally.__table__
        statement = insert(table)
        _UPSERTS[dialect] = statement.on_conflict_do_update(
            index_elements=list(KEY_FIELDS),
            set_={name: table.c[name] + statement.excluded[name] for name in COUNTERS})
    return _UPSERTS[dialect]


def _counted(condition) -> object:
    return func.sum(case((condition, 1), else_=0))


def rebuild(session: Session) -> int:
    """Recompute every tally from the appeals with one grouped query (the same counts as tally.counts,
    a test checks they agree). Dispatches and returns are counted from the totals kept on each appeal
    and given to its current handler (live changes credit them to the unit at the time)."""
    session.execute(delete(AppealTally))
    rated = Appeal.rating_level.is_not(None) & or_(Appeal.rating_review.is_(None), Appeal.rating_review != "excluded")
    keys = [Appeal.month, func.coalesce(Appeal.unit_id, 0), func.coalesce(Appeal.handler_region_id, 0),
            func.coalesce(Appeal.region_id, 0), func.coalesce(Appeal.category_id, 0), Appeal.channel]
    counters = {
        "received": func.count(Appeal.id), "repeats": _counted(Appeal.is_repeat.is_(True)),
        "dispatched": func.sum(Appeal.dispatch_count), "returned": func.sum(Appeal.return_count),
        "redispatched": _counted(Appeal.dispatch_count > 1),
        "accept_judged": _counted(Appeal.accept_late.is_not(None)),
        "accepted_on_time": _counted(Appeal.accept_late.is_(False)),
        "close_judged": _counted(Appeal.close_late.is_not(None)),
        "closed_on_time": _counted(Appeal.close_late.is_(False)),
        "replied": _counted(Appeal.reply_result.is_not(None)), "resolved": _counted(Appeal.reply_result == "resolved"),
        "rated": _counted(rated), "satisfied": _counted(rated & (Appeal.rating_level <= 3)),
        "visited": _counted(Appeal.rating_level.is_not(None) & Appeal.rating_defaulted.is_(False)),
        "reopened": _counted(Appeal.reopen_count > 0),
    }
    query = select(*keys, *counters.values()).group_by(*keys)
    session.execute(insert(AppealTally).from_select([*KEY_FIELDS, *counters], query))
    return session.scalar(select(func.count(Appeal.id))) or 0


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
