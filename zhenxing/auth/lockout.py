"""Login counters in the database, taken atomically: each attempt reserves its place (per client address and
per name and address) in a transaction of its own, committed before the password is checked, so N parallel
guesses are counted one by one and at most the limit of them is ever checked — on every worker and machine.

The row is taken under a write lock on both databases: INSERT … ON CONFLICT DO NOTHING is the transaction's
first statement (SQLite takes its write lock there, so no reader-to-writer upgrade can fail), then
SELECT … FOR UPDATE (PostgreSQL locks the row; SQLite ignores it, already holding the database's lock)."""

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from zhenxing.auth.models import LoginCounter
from zhenxing.auth.policy import ACCOUNT_LIMIT, ADDRESS_LIMIT, Counter, Limit, give_back, take_attempt
from zhenxing.db import insert_or_ignore, transaction


def address_key(client: str) -> str:
    return "a:" + client[:64]


def account_key(name: str, client: str) -> str:
    """The name is hashed: any length of typed name makes a bounded key, and the table lists no names."""
    return "n:" + hashlib.sha256(name.encode()).hexdigest()[:32] + ":" + client[:64]


def _aware(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


def _locked(session: Session, key: str) -> LoginCounter:
    insert_or_ignore(session, LoginCounter, {"key": key, "attempts": 0}, ["key"])
    return session.scalars(select(LoginCounter).where(LoginCounter.key == key).with_for_update()).one()


def _state(row: LoginCounter) -> Counter:
    return Counter(row.attempts, _aware(row.window_start), _aware(row.locked_until))


def _store(row: LoginCounter, counter: Counter) -> None:
    row.attempts, row.window_start, row.locked_until = counter.attempts, counter.window_start, counter.locked_until


def reserve(factory: sessionmaker[Session], *, name: str, client: str,
            now: datetime) -> tuple[bool, datetime | None, str]:
    """Take one attempt for this name from this address: (may check the password, locked until, which limit
    refused: 'address' or 'account'). Committed at once; a refused attempt changes no counter."""
    keys = ((address_key(client), ADDRESS_LIMIT, "address"), (account_key(name, client), ACCOUNT_LIMIT, "account"))
    with transaction(factory) as session:
        rows = [(_locked(session, key), limit, kind) for key, limit, kind in keys]
        taken = []
        for row, limit, kind in rows:
            after, allowed = take_attempt(_state(row), limit, now)
            if not allowed:  # neither counter moves (an empty row may stay: harmless)
                return False, after.locked_until, kind
            taken.append((row, after))
        for row, after in taken:
            _store(row, after)
    return True, None, ""


def settle(factory: sessionmaker[Session], *, name: str, client: str, success: bool) -> datetime | None:
    """After the check: a success starts the name's count again and gives the address its attempt back.
    Answers when the name is now locked for this address (a failure that reached the limit), else None."""
    with transaction(factory) as session:
        address = _locked(session, address_key(client))  # the order reserve() takes them: no deadlock
        account = _locked(session, account_key(name, client))
        if not success:
            return _aware(account.locked_until)
        _store(account, give_back(_state(account), ACCOUNT_LIMIT, reset=True))
        _store(address, give_back(_state(address), ADDRESS_LIMIT, reset=False))
    return None


def purge(session: Session, *, now: datetime, limits: tuple[Limit, ...] = (ACCOUNT_LIMIT, ADDRESS_LIMIT)) -> int:
    """Forget counters whose window and lock have both passed."""
    longest = max(max(limit.window, limit.lock) for limit in limits) + timedelta(minutes=1)
    result = session.execute(delete(LoginCounter).where(
        or_(LoginCounter.window_start.is_(None), LoginCounter.window_start < now - longest),
        or_(LoginCounter.locked_until.is_(None), LoginCounter.locked_until < now)))
    return result.rowcount or 0
