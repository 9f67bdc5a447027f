"""The admin's pages for accounts: /admin/users (list, add) and /admin/users/{id} (role, scope, access,
password reset). Thin: read the form, call zhenxing.auth.service, render; errors beside their field."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhenxing.auth import service as accounts
from zhenxing.auth.models import User
from zhenxing.auth.policy import ROLES
from zhenxing.org import service as org
from zhenxing.web.deps import PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import attempt, read_form
from zhenxing.web.templating import render

router = APIRouter()
ACTIVE = [("1", "启用"), ("0", "停用")]


async def _form(request: Request) -> dict[str, str]:
    """The posted fields, trimmed (passwords as typed)."""
    fields = (await read_form(request)).items()
    return {key: str(value) if "password" in key else str(value).strip() for key, value in fields
            if key != "csrf_token"}


FormData = Annotated[dict[str, str], Depends(_form)]


def _choices(session: Session) -> dict[str, Any]:
    return {
        "roles": list(ROLES.items()), "active_choices": ACTIVE,
        "regions": [(r.name, "\u3000" * depth + ("└ " if depth else "") + r.name)
                    for r, depth in org.region_tree(session)],
        "units": [(u.name, u.name) for u in org.list_units(session)],
    }


def _values(user: User) -> dict[str, str]:
    return {"role": user.role, "region": user.region.name if user.region else "",
            "unit": user.unit.name if user.unit else "", "active": "1" if user.active else "0"}


def _list_page(request: Request, session: Session, user: User, *, values: dict, errors: dict) -> Response:
    users = accounts.list_users(session, actor=user)
    context = {"users": users, "logins": accounts.last_logins(session), "values": values, "errors": errors,
               **_choices(session)}
    return render(request, "admin/users.html", context, status_code=422 if errors else 200)


@router.get("/admin/users")
def user_list(request: Request, session: SessionDep, user: PageUser) -> Response:
    return _list_page(request, session, user, values={"role": "unit"}, errors={})


@router.post("/admin/users")
def add_user(request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    errors = attempt(session, lambda: accounts.create_user(
        session, actor=user, name=form.get("name", ""), role=form.get("role", ""),
        password=form.get("password", ""), region=form.get("region") or None, unit=form.get("unit") or None))
    if errors:
        return _list_page(request, session, user, values={**form, "password": ""}, errors=errors)
    return saved(request, "/admin/users", f"已添加用户“{form['name']}”。")


def _edit_page(request: Request, session: Session, user: User, account: User, *, values: dict | None = None,
               errors: dict | None = None, password_errors: dict | None = None) -> Response:
    context = {"account": account, "values": values or _values(account), "errors": errors or {},
               "password_errors": password_errors or {},
               "last_login": accounts.last_logins(session).get(account.id), **_choices(session)}
    failed = errors or password_errors
    return render(request, "admin/user.html", context, status_code=422 if failed else 200)


@router.get("/admin/users/{user_id}")
def edit_user(user_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    account = accounts.get_account(session, actor=user, user_id=user_id)
    return _edit_page(request, session, user, account)


@router.post("/admin/users/{user_id}")
def update_user(user_id: int, request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    account = accounts.get_account(session, actor=user, user_id=user_id)
    # Only what the post carries changes: a post without the region and unit keeps the user's scope.
    place = ({"region": form.get("region") or None, "unit": form.get("unit") or None}
             if "region" in form or "unit" in form else {})
    active = form["active"] == "1" if "active" in form else None
    errors = attempt(session, lambda: accounts.update_user(
        session, actor=user, user_id=user_id, role=form.get("role") or None, active=active, **place))
    if errors:
        return _edit_page(request, session, user, account, values=form, errors=errors)
    return saved(request, f"/admin/users/{user_id}", "已保存角色、可见范围与状态。")


@router.post("/admin/users/{user_id}/password")
def reset_password(user_id: int, request: Request, session: SessionDep, user: PageUser,
                   form: FormData) -> Response:
    account = accounts.get_account(session, actor=user, user_id=user_id)
    errors = attempt(session, lambda: accounts.set_password(
        session, actor=user, user_id=user_id, password=form.get("password", ""),
        old_password=form.get("old_password")))
    if errors:
        return _edit_page(request, session, user, account, password_errors=errors)
    return saved(request, f"/admin/users/{user_id}", "密码已重置。")
