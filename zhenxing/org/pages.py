"""The organisation's pages: /org (the region tree, units, people) for everyone, and the add and edit
forms of regions, units and people for the office and admins. Thin: read the form, call the service."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from zhenxing.auth.models import User
from zhenxing.auth.policy import can_manage_org
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.org import service
from zhenxing.org.models import REGION_KINDS, Person, Region, Unit
from zhenxing.web.deps import PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import attempt, read_form
from zhenxing.web.params import Key
from zhenxing.web.templating import render

router = APIRouter()

# What each kind of record is called, its table, and the form fields that carry a record's id.
KINDS: dict[str, dict[str, Any]] = {
    "regions": {"noun": "地区", "model": Region, "ids": ("parent_id",)},
    "units": {"noun": "单位", "model": Unit, "ids": ("region_id",)},
    "people": {"noun": "人员", "model": Person, "ids": ("unit_id",)},
}
FIELDS = {"regions": ("name", "kind", "parent_id"), "units": ("name", "region_id"),
          "people": ("name", "title", "unit_id")}


async def _form(request: Request) -> dict[str, str]:
    return {key: str(value).strip() for key, value in (await read_form(request)).items() if key != "csrf_token"}


FormData = Annotated[dict[str, str], Depends(_form)]


def _require_manager(user: User) -> None:
    if not can_manage_org(user.role):
        raise Forbidden("只有系统管理员和项目办可以维护地区、单位和人员")


def _kind(what: str) -> dict[str, Any]:
    if what not in KINDS:
        raise NotFound(f"没有“{what}”这类记录")
    return KINDS[what]


@router.get("/org")
def org_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    units = service.list_units(session)
    people = service.list_people(session)
    context = {"tree": service.region_tree(session), "units": units, "people": people,
               "region_names": {r.id: r.name for r, _ in service.region_tree(session)},
               "unit_names": {u.id: u.name for u in units}, "can_manage": can_manage_org(user.role)}
    return render(request, "org/index.html", context)


def _choices(session: Session, what: str, own_id: int | None) -> dict[str, Any]:
    """The selects of a form; a region's own subtree is no choice of parent."""
    below = service.subtree_ids(session, own_id) if what == "regions" and own_id else set()
    regions = [(r.id, "\u3000" * depth + ("└ " if depth else "") + r.name)
               for r, depth in service.region_tree(session) if r.id not in below]
    return {"regions": regions, "units": [(u.id, u.name) for u in service.list_units(session)],
            "kinds": list(REGION_KINDS.items())}


def _values(what: str, row: Any) -> dict[str, str]:
    return {key: "" if getattr(row, key) is None else str(getattr(row, key)) for key in FIELDS[what]}


def _parse(what: str, form: dict[str, str], *, partial: bool = False) -> dict[str, Any]:
    """The form's fields as the service takes them: ids as numbers, an empty select as None. For an edit
    (`partial`) only the fields the post carries: the service keeps the others as they are."""
    values: dict[str, Any] = {key: form.get(key, "") for key in FIELDS[what] if key in form or not partial}
    for key in _kind(what)["ids"]:
        if key not in values:
            continue
        text = values[key]
        if text and not text.isdigit():
            raise Rejected("请从列表中选择", field=key)
        values[key] = int(text) if text else None
    return values


def _form_page(request: Request, session: Session, what: str, *, values: dict, errors: dict,
               row: Any = None) -> Response:
    context = {"what": what, "noun": _kind(what)["noun"], "row": row, "values": values, "errors": errors,
               **_choices(session, what, row.id if row else None)}
    return render(request, "org/form.html", context, status_code=422 if errors else 200)


CREATE = {"regions": service.create_region, "units": service.create_unit, "people": service.create_person}
UPDATE = {"regions": (service.update_region, "region_id"), "units": (service.update_unit, "unit_id"),
          "people": (service.update_person, "person_id")}


@router.get("/org/{what}/new")
def new_record(what: Key, request: Request, session: SessionDep, user: PageUser) -> Response:
    _kind(what)
    _require_manager(user)
    return _form_page(request, session, what, values={"kind": "township"}, errors={})


@router.post("/org/{what}")
def create_record(what: Key, request: Request, session: SessionDep, user: PageUser, form: FormData) -> Response:
    _kind(what)
    _require_manager(user)
    errors = attempt(session, lambda: CREATE[what](session, actor=user, **_parse(what, form)))
    if errors:
        return _form_page(request, session, what, values=form, errors=errors)
    return saved(request, f"/org#{what}", f"已新增{_kind(what)['noun']}“{form.get('name', '')}”。")


def _row(session: Session, what: str, row_id: int) -> Any:
    row = session.get(_kind(what)["model"], row_id)
    if row is None:
        raise NotFound(f"{_kind(what)['noun']} {row_id} 不存在")
    return row


@router.get("/org/{what}/{row_id}/edit")
def edit_record(what: Key, row_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    row = _row(session, what, row_id)
    _require_manager(user)
    return _form_page(request, session, what, values=_values(what, row), errors={}, row=row)


@router.post("/org/{what}/{row_id}/edit")
def update_record(what: Key, row_id: int, request: Request, session: SessionDep, user: PageUser,
                  form: FormData) -> Response:
    row = _row(session, what, row_id)
    _require_manager(user)
    update, id_key = UPDATE[what]
    errors = attempt(session, lambda: update(session, actor=user, **{id_key: row_id},
                                                       **_parse(what, form, partial=True)))
    if errors:
        return _form_page(request, session, what, values=form, errors=errors, row=row)
    return saved(request, f"/org#{what}", f"已保存{_kind(what)['noun']}“{row.name}”。")
