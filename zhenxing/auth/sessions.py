"""Server-side logins. The signed cookie carries only a random key; the `login_sessions` table holds its hash,
the user, when it began and when it was last used. A login ends when its row is revoked (logout, a password
change or reset, deactivation) or when it has been idle or alive too long — on every worker and machine at
once, since they all read the same table."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from zhenxing.audit import now_utc
from zhenxing.auth.models import LoginSession, User
from zhenxing.auth.policy import SessionTimeouts, session_alive

# last_seen_at is written at most this often per login (an idle limit of minutes doesn't need more, and a
# write on every page view would make every read a write).
TOUCH_EVERY = timedelta(seconds=60)
REASONS = {"logout": "退出登录", "password": "修改密码", "reset": "管理员重置密码", "deactivated": "账号停用",
           "expired": "超时"}


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    """SQLite hands instants back naive; they are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def start(session: Session, *, user: User, client: str = "", now: datetime | None = None) -> str:
    """A new login for the user: answers the key to put in the cookie (only its hash is stored)."""
    now = now or now_utc()
    key = secrets.token_urlsafe(32)
    session.add(LoginSession(key_hash=_digest(key), user_id=user.id, created_at=now, last_seen_at=now,
                             client=client[:64]))
    session.flush()
    return key


def resolve(session: Session, key: str | None, *, timeouts: SessionTimeouts,
            now: datetime | None = None) -> User | None:
    """The active user of a live login, or None; marks the login as used (at most once a minute)."""
    if not key or len(key) > 100:
        return None
    now = now or now_utc()
    row = session.execute(select(LoginSession, User).join(User, User.id == LoginSession.user_id)
                          .where(LoginSession.key_hash == _digest(key))).first()
    if row is None:
        return None
    login, user = row
    alive = session_alive(created_at=_aware(login.created_at), last_seen_at=_aware(login.last_seen_at),
                          revoked_at=login.revoked_at, now=now, timeouts=timeouts)
    if not alive or not user.active:
        return None
    if now - _aware(login.last_seen_at) >= TOUCH_EVERY:
        # Compare-and-set: concurrent requests of one browser write it once.
        session.execute(update(LoginSession).where(LoginSession.id == login.id,
                                                   LoginSession.last_seen_at == login.last_seen_at)
                        .values(last_seen_at=now))
    return user


def end(session: Session, key: str | None, *, why: str = "logout", now: datetime | None = None) -> bool:
    """Revoke one login (logout): True if it was live."""
    if not key:
        return False
    result = session.execute(update(LoginSession).where(LoginSession.key_hash == _digest(key),
                                                        LoginSession.revoked_at.is_(None))
                             .values(revoked_at=now or now_utc(), revoked_why=why))
    return bool(result.rowcount)


def end_all(session: Session, *, user_id: int, why: str, keep_key: str | None = None,
            now: datetime | None = None) -> int:
    """Revoke every login of a user (but `keep_key`'s, the browser that changed its own password): answers
    how many were live."""
    query = update(LoginSession).where(LoginSession.user_id == user_id, LoginSession.revoked_at.is_(None))
    if keep_key:
        query = query.where(LoginSession.key_hash != _digest(keep_key))
    return session.execute(query.values(revoked_at=now or now_utc(), revoked_why=why)).rowcount or 0


def live_count(session: Session, *, user_id: int, timeouts: SessionTimeouts, now: datetime | None = None) -> int:
    now = now or now_utc()
    rows = session.scalars(select(LoginSession).where(LoginSession.user_id == user_id,
                                                      LoginSession.revoked_at.is_(None)))
    return sum(session_alive(created_at=_aware(r.created_at), last_seen_at=_aware(r.last_seen_at),
                             revoked_at=None, now=now, timeouts=timeouts) for r in rows)


def purge(session: Session, *, now: datetime, timeouts: SessionTimeouts) -> int:
    """Delete logins that can no longer be used (revoked, idle or too old) a day after they ended."""
    grace = timedelta(days=1)
    result = session.execute(delete(LoginSession).where(or_(
        LoginSession.revoked_at < now - grace,
        LoginSession.last_seen_at < now - timeouts.idle - grace,
        LoginSession.created_at < now - timeouts.absolute - grace)))
    return result.rowcount or 0
