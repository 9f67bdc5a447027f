"""Scheduled upkeep of logins: ended sessions and stale login counters are deleted."""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from zhenxing.auth import lockout, sessions
from zhenxing.auth.policy import SessionTimeouts
from zhenxing.scheduler import register_job


def purge_logins(*, session: Session, now: datetime) -> str:
    from zhenxing.config import get_settings

    settings = get_settings()
    timeouts = SessionTimeouts(idle=timedelta(seconds=settings.session_idle_seconds),
                               absolute=timedelta(seconds=settings.session_max_age))
    ended = sessions.purge(session, now=now, timeouts=timeouts)
    counters = lockout.purge(session, now=now)
    return f"删除已结束的登录 {ended} 个、过期的登录计数 {counters} 个"


register_job("auth.purge_logins", timedelta(hours=1), purge_logins, label="清理已结束的登录")
