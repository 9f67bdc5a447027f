"""Request dependencies shared by the API and the pages: database session, user, scope, CSRF."""

import secrets
from collections.abc import Iterator
from datetime import timedelta
from types import SimpleNamespace
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from zhenxing.auth import service as accounts
from zhenxing.auth import sessions as logins
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, SessionTimeouts
from zhenxing.errors import Forbidden, Unauthenticated
from zhenxing.web.forms import read_form

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns, rolled back on error."""
    session = request.app.state.sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        _keep_user(request, session)
        raise
    finally:
        session.close()


def _keep_user(request: Request, session: Session) -> None:
    """After a failed request the refusal audit and the error page still read the user: keep it loaded
    (a handler that rolled back itself left it expired: read it again, then detach it)."""
    user = getattr(request.state, "user", None)
    if user is not None and user in session:
        try:
            session.refresh(user)
        except Exception:  # noqa: BLE001 - the database is gone: the page shows no user rather than a 500
            request.state.user = None
        session.expunge(user)


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(24)
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not sent or not secrets.compare_digest(expected, sent):
        raise Forbidden("表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")


def timeouts(request: Request) -> SessionTimeouts:
    settings = request.app.state.settings
    return SessionTimeouts(idle=timedelta(seconds=settings.session_idle_seconds),
                           absolute=timedelta(seconds=settings.session_max_age))


def cookie_user(request: Request, session: Session) -> User | None:
    """The user of the login the cookie names, if that login is still live (see auth.sessions)."""
    return logins.resolve(session, request.session.get("sid"), timeouts=timeouts(request))


def client_address(request: Request) -> str:
    """The client's address (behind a proxy: X-Forwarded-For, trusted from FORWARDED_ALLOW_IPS by uvicorn)."""
    return request.client.host if request.client else ""


def _remember(request: Request, user: User | None) -> None:
    """The request's user, and who it is as plain values: a refusal is audited after the request's
    transaction was rolled back, when the ORM object may no longer be loadable."""
    request.state.user = user
    request.state.actor = SimpleNamespace(id=user.id, name=user.name) if user is not None else None


def api_user(request: Request, session: SessionDep) -> User:
    """A bearer token, or the login cookie (then unsafe methods need the X-CSRF-Token header)."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        user = accounts.user_for_token(session, header[7:].strip())
    else:
        user = cookie_user(request, session)
        _remember(request, user)  # a CSRF refusal is logged under the signed-in user
        if user and request.method not in SAFE_METHODS:
            check_csrf(request, request.headers.get("x-csrf-token"))
    if user is None:
        raise Unauthenticated("需要登录或 API 令牌（Authorization: Bearer …）")
    _remember(request, user)
    return user


class LoginRequired(Exception):
    """A page needs a logged-in user; answered with a redirect to /login."""


async def page_user(request: Request, session: SessionDep) -> User:
    user = cookie_user(request, session)
    if user is None:
        raise LoginRequired()
    _remember(request, user)  # a CSRF refusal is logged under the signed-in user
    if request.method not in SAFE_METHODS:
        form = await read_form(request)
        check_csrf(request, form.get("csrf_token") or request.headers.get("x-csrf-token"))
    return user


def api_scope(session: SessionDep, user: Annotated[User, Depends(api_user)]) -> Scope:
    return accounts.scope_for(session, user)


def page_scope(session: SessionDep, user: Annotated[User, Depends(page_user)]) -> Scope:
    return accounts.scope_for(session, user)


ApiUser = Annotated[User, Depends(api_user)]
ApiScope = Annotated[Scope, Depends(api_scope)]
PageUser = Annotated[User, Depends(page_user)]
PageScope = Annotated[Scope, Depends(page_scope)]
