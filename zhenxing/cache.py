"""Caches that every worker and machine invalidates together.

A value computed from the database (the ledger's per-stage summary, the region tree and the names of
units and people) is kept in the memory of the process that computed it, keyed by the *stamp* of the
tables it was read from. A stamp is a random number stored in the database (`cache_stamps`) and replaced
by a trigger on every INSERT, UPDATE or DELETE of those tables — in the writer's own transaction, so the
new stamp becomes visible exactly when the write does, to every worker on every machine, whoever wrote
(the app, an import, the CLI or psql). A reader first reads the stamps, then the data; its data is at
least as new as its stamps, so an entry is never older than its key. Nothing here is state of its own:
losing a process's cache only costs recomputing.

Stamps are random rather than counters so that a table wiped and refilled (tests, restores) can never
bring an old key back. The triggers are installed by migrations 0080_scale (ledger, organisation) and
0140_province (dispatch's reports, plans and lights), on SQLite and PostgreSQL.
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar

from sqlalchemy import BigInteger, String, event, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from zhenxing.db import Base

T = TypeVar("T")

# Which tables each stamp follows. Regions change what a region filter or a county user's scope covers.
STAMPED = {"projects": ("projects",), "org": ("regions", "units", "people"),
           "dispatch": ("progress_reports", "annual_plans", "project_lights"),  # 0140_province
           "appeals": ("appeal_categories",)}  # 0171_appeals_stamps


class CacheStamp(Base):
    __tablename__ = "cache_stamps"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    stamp: Mapped[int] = mapped_column(BigInteger)


def stamps(session: Session) -> dict[str, int | None]:
    """The current stamp of every stamped group of tables (None: never written since the migration).

    Read once per transaction and again after each flush (the session's own writes restamp): a request
    that checks a scope, a filter and a summary asks the database once.
    """
    known = session.info.get(_INFO_KEY)
    if known is None:
        found = dict(session.execute(select(CacheStamp.name, CacheStamp.stamp)).all())
        known = session.info[_INFO_KEY] = {name: found.get(name) for name in STAMPED}
    return known


_INFO_KEY = "zhenxing.cache.stamps"


@event.listens_for(Session, "after_flush")
@event.listens_for(Session, "after_transaction_end")
def _forget_stamps(session: Session, *_args) -> None:
    session.info.pop(_INFO_KEY, None)


class StampedCache:
    """A bounded least-recently-used map from (stamps, key) to a value, shared by a process's threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
            self.misses += 1
        value = compute()  # outside the lock: two threads may compute the same value once each, harmlessly
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
