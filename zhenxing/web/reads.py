"""The session a list, statistics or export route reads from: the read replica when one is configured
(ZHENXING_READ_DATABASE_URL) and the rule of zhenxing.replica allows it, else the request's own session.

Authentication, scopes and every write always use the primary (SessionDep); only the heavy reads move.
"""

from collections.abc import Iterator
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.replica import SAFE_METHODS, reads_replica
from zhenxing.web.deps import ApiUser, PageUser, SessionDep


def _read_session(request: Request, session: Session, user: User) -> Iterator[Session]:
    replicas = getattr(request.app.state, "replica_sessions", None)
    use_replica = replicas is not None and request.method in SAFE_METHODS and reads_replica(
        has_replica=True, method=request.method, last_write=audit.last_event_at(session, user.id),
        now=audit.now_utc(), window=timedelta(seconds=request.app.state.settings.read_your_writes_seconds))
    if not use_replica:
        yield session
        return
    replica = replicas()
    try:
        yield replica
    finally:
        replica.rollback()  # it only reads
        replica.close()


def api_read_session(request: Request, session: SessionDep, user: ApiUser) -> Iterator[Session]:
    yield from _read_session(request, session, user)


def page_read_session(request: Request, session: SessionDep, user: PageUser) -> Iterator[Session]:
    yield from _read_session(request, session, user)


ApiReadSession = Annotated[Session, Depends(api_read_session, scope="function")]
PageReadSession = Annotated[Session, Depends(page_read_session, scope="function")]
