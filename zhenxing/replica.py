"""Which database a read goes to when a read replica is configured (ZHENXING_READ_DATABASE_URL). Pure rules.

Lists, statistics and exports may read a replica, which lags the primary by a moment. Its readers must still
see their own writes: a request that writes reads the primary, and so does a user whose last write (their
latest event in the audit trail, which every change records) is more recent than `window` — the window is set
above the replica's usual lag. Everybody else's writes reach them when the replica has them. The rule holds
across workers and machines because the time of a user's last write lives in the database, not in a process.
"""

from datetime import datetime, timedelta

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def reads_replica(*, has_replica: bool, method: str, last_write: datetime | None, now: datetime,
                  window: timedelta) -> bool:
    """Whether this request's list, statistics or export reads go to the replica."""
    if not has_replica or method.upper() not in SAFE_METHODS:
        return False
    return last_write is None or now - last_write >= window
