"""Open311 GeoReport v2 at /open311/v2: discovery, services (with service definitions), requests (GET list
and one, POST with an api_key), tokens; `.json` and `.xml`; errors in the spec's format.

Extensions supported: page/page_size, the 90-day (and 1000-record) default window, extensions=true with
extended_attributes and notes[] (the appeal's public timeline)."""

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals import catalogue, service
from zhenxing.appeals import open311_format as fmt
from zhenxing.appeals.intake import Draft
from zhenxing.appeals.masking import mask_address
from zhenxing.appeals.models import Appeal, Open311Client
from zhenxing.appeals.schemas import AppealCreate, chinese_error
from zhenxing.audit import now_utc
from zhenxing.errors import Conflict, DomainError, Rejected
from zhenxing.web.deps import SessionDep
from zhenxing.web.forms import read_form

router = APIRouter(prefix="/open311/v2", tags=["open311"])
CHANGESET = datetime(2026, 11, 30, tzinfo=fmt.BEIJING)
DEFAULT_WINDOW = timedelta(days=90)
MAX_RECORDS = 1000
Format = Annotated[str, Path(max_length=8, description="json or xml")]  # another is the spec's 404
Jurisdiction = Annotated[str | None, Query(max_length=100)]


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


def _format(value: str) -> str:
    if value not in {"json", "xml"}:
        raise Open311Error(404, f"format “{value}” is not supported; use .json or .xml")
    return value


def answer(data: object, root: str, kind: str, status: int = 200) -> Response:
    if kind == "xml":
        # Exactly text/xml, as validators compare it (the encoding is in the XML declaration).
        return Response(fmt.to_xml(root, data), status_code=status, headers={"Content-Type": "text/xml"})
    return JSONResponse(data, status_code=status)


def error_response(error: Open311Error, kind: str) -> Response:
    return answer(fmt.error(error.status, error.description), "errors", kind, error.status)


def invalid_request(request: Request, errors: list[dict]) -> Response:
    """A parameter FastAPI refused, in the spec's format: a path value past its limit names nothing stored (404),
    any other invalid parameter is the client's error (400), named as the spec names it."""
    first = errors[0] if errors else {"loc": (), "msg": ""}
    place, name = (first["loc"][0], str(first["loc"][-1])) if first["loc"] else ("", "")
    kind = "xml" if request.url.path.endswith(".xml") else "json"
    if place == "path":
        return error_response(Open311Error(404, f"“{name}” not found"), kind)
    return error_response(Open311Error(400, f"{_spec_name(name)}: {chinese_error(first)}"), kind)


def _jurisdiction(request: Request, given: str | None) -> None:
    expected = request.app.state.settings.open311_jurisdiction
    if given not in (None, "", expected):
        raise Open311Error(404, f"jurisdiction_id “{given}” is not served here (use “{expected}”)")


def _run(kind: str, action) -> Response:
    try:
        return action(_format(kind))
    except Open311Error as error:
        return error_response(error, kind if kind in {"json", "xml"} else "json")


# ---- discovery and services --------------------------------------------------------------------------

@router.get("/discovery.{kind}")
def discovery(kind: Format, request: Request) -> Response:
    base = str(request.base_url).rstrip("/")
    return _run(kind, lambda k: answer(fmt.discovery(base, changeset=CHANGESET, contact="12345政务服务便民热线",
                                                     key_service=f"{base}/open311"), "discovery", k))


@router.get("/services.{kind}")
def services(kind: Format, request: Request, session: SessionDep, jurisdiction_id: Jurisdiction = None) -> Response:
    def build(k: str) -> Response:
        _jurisdiction(request, jurisdiction_id)
        return answer([fmt.service(_category(c)) for c in catalogue.list_categories(session, active_only=True)],
                      "services", k)
    return _run(kind, build)


def _category(category) -> dict:
    return {name: getattr(category, name) for name in ("code", "name", "description", "questions", "keywords", "group")}


@router.get("/services/{code}.{kind}")
def service_definition(code: Annotated[str, Path(max_length=40)], kind: Format, request: Request, session: SessionDep,
                       jurisdiction_id: Jurisdiction = None) -> Response:
    def build(k: str) -> Response:
        _jurisdiction(request, jurisdiction_id)
        try:
            category = catalogue.category_by_code(session, code)
        except DomainError:
            raise Open311Error(404, f"service_code “{code}” not found") from None
        return answer(fmt.definition(_category(category)), "service_definition", k)
    return _run(kind, build)


# ---- requests ------------------------------------------------------------------------------------------

def _public(appeal: Appeal) -> dict:
    return {**{name: getattr(appeal, name) for name in (
        "tracking_no", "status", "reply_result", "description", "received_at", "close_due", "channel", "type",
        "urgency", "plus_ones", "escalation_level", "latitude", "longitude")},
        "category_name": appeal.category.name, "category_code": appeal.category.code,
        "handler": appeal.handler_name, "address": mask_address(appeal.address),
        "updated_at": appeal.closed_at or appeal.replied_at or appeal.dispatched_at or appeal.received_at}


def _notes(session: Session, appeal: Appeal) -> list[dict]:
    from zhenxing.appeals.tracking import PUBLIC_STATUS

    notes = []
    for event in service.timeline(session=session, appeal=appeal):
        status = (event.changes or {}).get("status", [None, None])[1]
        label = "已受理" if event.action == "create" else PUBLIC_STATUS.get(status or "")
        if label:
            notes.append({"datetime": fmt.when(event.at), "description": label, "type": "status_change"})
    return notes


def _parse_date(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} must be a W3C date-time, e.g. 2025-03-01T00:00:00+08:00") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=fmt.BEIJING)


def _query(params: dict) -> tuple:
    query = select(Appeal)
    ids = [i.strip() for i in (params.get("service_request_id") or "").split(",") if i.strip()][:MAX_RECORDS]
    if ids:
        return query.where(Appeal.tracking_no.in_(ids)), None
    end = _parse_date(params.get("end_date"), "end_date") or now_utc()
    start = _parse_date(params.get("start_date"), "start_date") or end - DEFAULT_WINDOW
    if start > end:
        raise Open311Error(400, "start_date must not be after end_date")
    query = query.where(Appeal.received_at >= start, Appeal.received_at <= end)
    codes = [c.strip() for c in (params.get("service_code") or "").split(",") if c.strip()][:100]
    if codes:
        from zhenxing.appeals.models import AppealCategory

        query = query.where(Appeal.category_id.in_(select(AppealCategory.id).where(AppealCategory.code.in_(codes))))
    status = params.get("status")
    if status:
        wanted = set(status.split(","))
        if not wanted <= {"open", "closed"}:
            raise Open311Error(400, "status must be open or closed (or both, comma separated)")
        if wanted == {"open"}:
            query = query.where(Appeal.status.notin_(fmt.CLOSED))
        elif wanted == {"closed"}:
            query = query.where(Appeal.status.in_(fmt.CLOSED))
    return query, (start, end)


@router.get("/requests.{kind}")
def list_requests(kind: Format, request: Request, session: SessionDep, jurisdiction_id: Jurisdiction = None,
                  service_request_id: Annotated[str | None, Query(max_length=20_000)] = None,
                  service_code: Annotated[str | None, Query(max_length=2000)] = None,
                  start_date: Annotated[str | None, Query(max_length=40)] = None,
                  end_date: Annotated[str | None, Query(max_length=40)] = None,
                  status: Annotated[str | None, Query(max_length=20)] = None,
                  page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                  page_size: Annotated[int, Query(ge=1, le=MAX_RECORDS)] = 100,
                  extensions: bool = False) -> Response:
    def build(k: str) -> Response:
        _jurisdiction(request, jurisdiction_id)
        query, _window = _query({"service_request_id": service_request_id, "service_code": service_code,
                                 "start_date": start_date, "end_date": end_date, "status": status})
        rows = session.scalars(query.order_by(Appeal.received_at.desc(), Appeal.id.desc())
                               .limit(page_size).offset((page - 1) * page_size)).unique()
        return answer([fmt.request(_public(a), extensions=extensions,
                                   notes=_notes(session, a) if extensions else None) for a in rows],
                      "service_requests", k)
    return _run(kind, build)


@router.get("/requests/{request_id}.{kind}")
def get_request(request_id: Annotated[str, Path(max_length=40)], kind: Format, request: Request, session: SessionDep,
                jurisdiction_id: Jurisdiction = None, extensions: bool = False) -> Response:
    def build(k: str) -> Response:
        _jurisdiction(request, jurisdiction_id)
        appeal = session.scalar(select(Appeal).where(Appeal.tracking_no == request_id[:20]))
        if appeal is None:
            raise Open311Error(404, f"service_request_id “{request_id[:20]}” not found")
        return answer([fmt.request(_public(appeal), extensions=extensions,
                                   notes=_notes(session, appeal) if extensions else None)], "service_requests", k)
    return _run(kind, build)


@router.get("/tokens/{token}.{kind}")
def token(token: Annotated[str, Path(max_length=100)], kind: Format, session: SessionDep) -> Response:
    """Requests are numbered as they are taken in: the token is the service_request_id itself."""
    def build(k: str) -> Response:
        found = session.scalar(select(Appeal.tracking_no).where(Appeal.tracking_no == token[:20]))
        if found is None:
            raise Open311Error(404, f"token “{token[:20]}” not found")
        return answer([{"service_request_id": found, "token": found}], "service_requests", k)
    return _run(kind, build)


def _client(session: Session, api_key: str | None) -> Open311Client:
    if not api_key:
        raise Open311Error(403, "api_key is required to post a service request (申请 API key 请联系12345热线中心)")
    client = session.scalar(select(Open311Client).where(Open311Client.key_hash == _digest(api_key[:200]),
                                                        Open311Client.active.is_(True)))
    if client is None:
        raise Open311Error(403, "api_key is not valid")
    return client


def _draft(form: dict, client: Open311Client) -> Draft:
    name = " ".join(part for part in (form.get("last_name"), form.get("first_name")) if part).strip()
    answers = {key[10:-1]: value for key, value in form.items() if key.startswith("attribute[") and key.endswith("]")}
    try:
        data = AppealCreate(
            channel="open311", type="report", category_code=form.get("service_code") or "",
            requester_name=name, requester_phone=form.get("phone") or "",
            anonymous=not (name or form.get("phone")), description=form.get("description") or "",
            address=form.get("address_string") or "", latitude=form.get("lat") or None,
            longitude=form.get("long") or None, answers=answers,
        )
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise Open311Error(400, f"{_spec_name(field)}: {chinese_error(first)}") from None
    return Draft(data, actor_name=f"Open311 {client.name}")


def _spec_name(field: str) -> str:
    """Our field's name as the GeoReport spec calls it (answers.size → attribute[size])."""
    if field.startswith("answers."):
        return f"attribute[{field[8:]}]"
    return _SPEC_NAMES.get(field, field)


_SPEC_NAMES = {"category_code": "service_code", "address": "address_string", "latitude": "lat",
               "longitude": "long", "requester_phone": "phone", "requester_name": "last_name/first_name"}


@router.post("/requests.{kind}")
async def post_request(kind: Format, request: Request, session: SessionDep) -> Response:
    try:  # every field bounded, as on every other route; a refusal in the spec's format, naming the field
        posted = await read_form(request)
    except Rejected as refused:
        error = Open311Error(400, f"{_spec_name(refused.field or '')}: {refused.message}")
        return error_response(error, kind if kind in {"json", "xml"} else "json")
    form = {key: str(value) for key, value in posted.items() if isinstance(value, str)}
    form.update({k: v for k, v in request.query_params.items() if k == "api_key" and "api_key" not in form})

    def build(k: str) -> Response:
        _jurisdiction(request, form.get("jurisdiction_id"))
        client = _client(session, form.get("api_key"))
        if not (form.get("lat") and form.get("long")) and not form.get("address_string") \
                and not form.get("address_id"):
            raise Open311Error(400, "a location is required: lat & long, address_string or address_id")
        taken = request.app.state.intake.submit(_draft(form, client))
        if taken.error is not None:
            raise Open311Error(400, f"{_spec_name(taken.error.field or '')}: {taken.error.message}")
        return answer([{"service_request_id": taken.tracking_no, "service_notice": "已受理，请凭编号查询办理进度",
                        "account_id": None}], "service_requests", k)
    return _run(kind, build)


# ---- client keys ---------------------------------------------------------------------------------------

def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_client(session: Session, *, name: str, actor=None) -> str:
    """A new api_key for an Open311 client application; only its hash is kept."""
    name = name.strip()
    if not 1 <= len(name) <= 60:
        raise Rejected("客户端名称应为 1–60 个字", field="name")
    if session.scalar(select(Open311Client.id).where(Open311Client.name == name)):
        raise Conflict(f"Open311 客户端“{name}”已存在", field="name")
    key = "o311_" + secrets.token_urlsafe(24)
    client = Open311Client(name=name, key_hash=_digest(key))
    session.add(client)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="open311_client", entity_id=client.id,
                 summary=f"新建 Open311 客户端 {name}")
    return key

