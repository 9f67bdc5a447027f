"""The centre's settings pages: the category catalogue (codes, names, default units, keywords, reply
templates, extra questions, and each category's own time limits), the Open311 client keys, and the public page
the Open311 discovery names as its key service. Every change goes through the audited services."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select

from zhenxing.appeals import catalogue, limits
from zhenxing.appeals.models import AppealCategory, Open311Client
from zhenxing.appeals.open311 import create_client
from zhenxing.appeals.timerules import UNITS, URGENCIES, Limit, RuleError, limit_from
from zhenxing.auth.models import User
from zhenxing.auth.policy import is_centre
from zhenxing.errors import DomainError, Forbidden, NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.web.deps import PageUser, SessionDep
from zhenxing.web.flash import saved as flash_saved
from zhenxing.web.forms import read_form
from zhenxing.web.templating import render

router = APIRouter()


async def _form(request: Request) -> dict[str, Any]:
    return {key: value for key, value in (await read_form(request)).items() if isinstance(value, str)}


FormData = Annotated[dict[str, Any], Depends(_form)]


def _centre(user: User) -> None:
    if not is_centre(user.role):
        raise Forbidden("只有热线中心可以维护诉求分类目录和 Open311 接入")


def _int(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 19 else None


# ---- the catalogue --------------------------------------------------------------------------------------

@router.get("/appeals/catalogue")
def catalogue_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    _centre(user)
    categories = catalogue.list_categories(session)
    return render(request, "appeals/catalogue.html", {
        "categories": categories, "urgencies": URGENCIES,
        "applying": {c.code: limits.applying(session, c.code) for c in categories},
        "own": {c.code: limits.own_rule(session, c.code) for c in categories},
    })


def _edit_context(session, category: AppealCategory | None, values: dict | None = None,
                  error: DomainError | None = None) -> dict:
    if values is None:
        values = {"code": "", "name": "", "group": "", "description": "", "default_unit_id": "", "keywords": "",
                  "reply_template": "", "active": True, "questions": ""}
        if category is not None:
            values = {**{name: getattr(category, name) for name in catalogue.FIELDS if name != "questions"},
                      "questions": catalogue.questions_to_text(category.questions)}
    own = limits.own_rule(session, category.code) if category is not None else None
    return {"category": category, "values": values, "error": error, "units": org.list_units(session),
            "datatypes": catalogue.DATATYPE_NAMES, "limit_units": UNITS, "own": own, "urgencies": URGENCIES,
            "applying": limits.applying(session, category.code) if category is not None else {}}


@router.get("/appeals/catalogue/new")
def new_category(request: Request, session: SessionDep, user: PageUser) -> Response:
    _centre(user)
    return render(request, "appeals/category_edit.html", _edit_context(session, None))


def _category(session, category_id: int) -> AppealCategory:
    category = session.get(AppealCategory, category_id)
    if category is None:
        raise NotFound(f"诉求分类 {category_id} 不存在")
    return category


@router.get("/appeals/catalogue/{category_id}")
def edit_category(category_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    _centre(user)
    return render(request, "appeals/category_edit.html", _edit_context(session, _category(session, category_id)))


def _values(form: dict) -> dict:
    """The fields the post carries (a field it lacks is left as it was); the 启用 box posts a hidden
    'false' before it, so an unticked box still says so."""
    readers = {
        "code": lambda v: v.strip(), "name": lambda v: v.strip(), "group": lambda v: v.strip(),
        "description": lambda v: v.strip(), "default_unit_id": _int, "keywords": lambda v: " ".join(v.split()),
        "reply_template": lambda v: v.strip(), "active": lambda v: v == "true",
    }
    return {key: read(form[key]) for key, read in readers.items() if key in form}


@router.post("/appeals/catalogue/new")
def create_category(request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    return _save(request, session, user, form, None)


@router.post("/appeals/catalogue/{category_id}")
def update_category(category_id: int, request: Request, session: SessionDep, user: PageUser,
                    form: FormData) -> Response:
    return _save(request, session, user, form, _category(session, category_id))


def _save(request: Request, session, user: User, form: dict, category: AppealCategory | None) -> Response:
    _centre(user)
    values = _values(form)
    try:
        with session.begin_nested():
            if "questions" in form:
                values["questions"] = catalogue.questions_from_text(form["questions"])
            saved = catalogue.save_category(session, actor=user, values=values,
                                            category_id=category.id if category is not None else None)
    except DomainError as error:
        shown = {**_edit_context(session, category)["values"], **values, "questions": form.get("questions", "")}
        return render(request, "appeals/category_edit.html", _edit_context(session, category, shown, error),
                      error.status_code)
    return _back(request, f"已保存分类 {saved.code} {saved.name}")


def _back(request: Request, message: str) -> Response:
    return flash_saved(request, "/appeals/catalogue", message)


def _limit(form: dict, key: str, label: str) -> Limit:
    try:
        return limit_from({"amount": _int(form.get(f"{key}_amount")) or 0, "unit": form.get(f"{key}_unit")}, label)
    except RuleError as error:
        raise Rejected(str(error), field=key) from None


@router.post("/appeals/catalogue/{category_id}/limits")
def set_limits(category_id: int, request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    _centre(user)
    category = _category(session, category_id)
    try:
        with session.begin_nested():
            if form.get("action") == "drop":
                limits.drop_own_rule(session, actor=user, code=category.code)
                message = f"已将分类 {category.code} 改用通用时限"
            else:
                limits.set_own_rule(session, actor=user, code=category.code, name=category.name,
                                    accept=_limit(form, "accept", "签收时限"),
                                    contact=_limit(form, "contact", "首次联系时限"),
                                    close=_limit(form, "close", "办结时限"),
                                    pause_on_extension=form.get("pause_on_extension") == "true")
                message = f"已设置分类 {category.code} 的时限"
    except DomainError as error:
        return render(request, "appeals/category_edit.html", _edit_context(session, category, error=error),
                      error.status_code)
    return _back(request, message)


# ---- Open311 client keys --------------------------------------------------------------------------------

def _clients(session) -> list[Open311Client]:
    return list(session.scalars(select(Open311Client).order_by(Open311Client.created_at.desc())))


@router.get("/appeals/open311-clients")
def clients_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    _centre(user)
    return render(request, "appeals/open311_clients.html", {"clients": _clients(session), "new_key": None,
                                                             "error": None})


@router.post("/appeals/open311-clients")
def add_client(request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    _centre(user)
    try:
        with session.begin_nested():
            key = create_client(session, name=form.get("name", ""), actor=user)
    except DomainError as error:
        return render(request, "appeals/open311_clients.html", {"clients": _clients(session), "new_key": None,
                                                                 "error": error}, error.status_code)
    # The key is shown this once (only its hash is kept).
    return render(request, "appeals/open311_clients.html", {"clients": _clients(session), "new_key": key,
                                                             "new_name": form.get("name", "").strip(), "error": None})


@router.post("/appeals/open311-clients/{client_id}/revoke")
def revoke_client(client_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    catalogue.revoke_open311_client(session, actor=user, client_id=client_id)
    return flash_saved(request, "/appeals/open311-clients", "已停用该客户端的密钥")


@router.get("/open311")
def key_service(request: Request) -> Response:
    """The `key_service` of the Open311 discovery: how a developer obtains an api_key (public)."""
    base = str(request.base_url).rstrip("/")
    return render(request, "appeals/open311_keys.html", {"base": base})
