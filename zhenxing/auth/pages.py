"""Login, logout and the audit page."""

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse

from zhenxing import audit
from zhenxing.auth import service as accounts
from zhenxing.auth import sessions as logins
from zhenxing.auth.policy import can_read_audit
from zhenxing.errors import Forbidden, Rejected, Unauthenticated
from zhenxing.web.deps import PageUser, SessionDep, check_csrf, client_address
from zhenxing.web.flash import saved
from zhenxing.web.params import Key
from zhenxing.web.templating import render

router = APIRouter()


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/projects"


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/projects", status_code=303)


@router.get("/login")
def login_form(request: Request, next: Annotated[str, Query(max_length=500)] = "/projects"):
    return render(request, "auth/login.html", {"next": _safe_next(next), "demo": request.app.state.settings.demo})


@router.post("/login")
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/projects",
):
    check_csrf(request, csrf_token)
    client = client_address(request)
    try:
        user = accounts.login(request.app.state.sessions, name=username.strip(), password=password, client=client)
    except Unauthenticated as error:  # the attempt and its audit event are already committed
        context = {"error": error.message, "username": username[:60], "next": _safe_next(next),
                   "demo": request.app.state.settings.demo}
        return render(request, "auth/login.html", context, status_code=401)
    request.session.clear()  # a new login, a new key and CSRF token (no session fixation)
    request.session["sid"] = logins.start(session, user=user, client=client)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, session: SessionDep, _user: PageUser) -> RedirectResponse:
    """Ends the login on the server: the cookie, replayed from anywhere, no longer works."""
    logins.end(session, request.session.get("sid"))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/audit")
def audit_page(request: Request, session: SessionDep, user: PageUser, action: Key | None = None):
    if not can_read_audit(user.role):
        raise Forbidden("只有管理员、项目办和市领导可以查看全部变更记录")
    events = audit.list_events(session, action=action or None, limit=200)
    return render(request, "audit.html", {"events": events, "actions": audit.ACTIONS, "action": action})


@router.get("/account/password")
def password_form(request: Request, user: PageUser):
    return render(request, "auth/password.html", {"errors": {}})


@router.post("/account/password")
def change_password(
    request: Request,
    session: SessionDep,
    user: PageUser,
    old_password: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_again: Annotated[str, Form()] = "",
):
    """Everybody changes their own password, giving the old one and the new one twice."""
    errors: dict[str, str] = {}
    if password != password_again:
        errors = {"password_again": "两次输入的新密码不一致"}
    else:
        try:
            accounts.set_password(session, actor=user, user_id=user.id, password=password,
                                  old_password=old_password, keep_session_key=request.session.get("sid"))
        except Rejected as error:
            session.rollback()
            errors = {error.field or "_": error.message}
    if errors:
        return render(request, "auth/password.html", {"errors": errors}, status_code=422)
    return saved(request, "/account/password", "密码已修改，下次登录请使用新密码。")
