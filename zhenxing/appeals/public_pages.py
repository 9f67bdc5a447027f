"""The requester's pages, without login and phone-friendly: submit an appeal (with photos for 随手拍), and
track it by its number and the last four digits of the phone, with the reply and the rating form.

Abuse is limited without a CAPTCHA: a number of submissions per IP per hour and per phone per day (settings),
a hidden field that people leave empty and form robots fill, and the session's CSRF token."""

import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Request, UploadFile
from fastapi.params import File, Form
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError

from zhenxing.appeals import catalogue, intake, tracking
from zhenxing.appeals.intake import Draft
from zhenxing.appeals.models import CHANNELS
from zhenxing.appeals.photos import MAX_BYTES, MAX_PHOTOS, check_photos
from zhenxing.appeals.ratings import LEVELS
from zhenxing.appeals.schemas import AppealCreate, chinese_error
from zhenxing.appeals.timerules import TYPES
from zhenxing.audit import now_utc
from zhenxing.errors import DomainError, Forbidden, Rejected
from zhenxing.org import service as org
from zhenxing.web.deps import SessionDep, csrf_token
from zhenxing.web.forms import form_limits, read_form
from zhenxing.web.params import Key
from zhenxing.web.templating import render

router = APIRouter()
PUBLIC_CHANNELS = {"web": CHANNELS["web"], "snapshot": CHANNELS["snapshot"]}
FIELDS = ("channel", "type", "category_code", "requester_kind", "requester_name", "requester_phone", "company",
          "description", "address", "region_id", "latitude", "longitude")


class TooMany(DomainError):
    status_code = 429


def _check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not sent or not secrets.compare_digest(expected, sent):
        raise Forbidden("表单已过期，请刷新页面后重新提交")


def _context(request: Request, session, values: dict, errors: dict) -> dict:
    csrf_token(request)
    return {"values": values, "errors": errors, "categories": catalogue.list_categories(session, active_only=True),
            "regions": [(r.id, r.name) for r in org.list_regions(session) if r.kind != "city"],
            "types": TYPES, "channels": PUBLIC_CHANNELS, "max_photos": MAX_PHOTOS,
            "max_mb": MAX_BYTES // 1024 // 1024}


@router.get("/public/appeals/new")
def public_form(request: Request, session: SessionDep) -> Response:
    return render(request, "appeals/public_new.html",
                  _context(request, session, {"channel": "web", "type": "complaint"}, {}))


def _limit(request: Request, session, phone: str) -> None:
    settings, now = request.app.state.settings, now_utc()
    ip = request.client.host if request.client else ""
    ip_hash = intake.hash_ip(ip, settings.secret_key)
    if intake.recent_count(session, ip_hash=ip_hash, since=now - timedelta(hours=1)) >= settings.public_limit_per_ip:
        raise TooMany("提交过于频繁：同一网络每小时最多提交"
                      f"{settings.public_limit_per_ip}件，请稍后再试或拨打12345", field="_")
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits and intake.recent_count(session, phone=digits, since=now - timedelta(days=1)) \
            >= settings.public_limit_per_phone:
        raise TooMany(f"同一手机号每天最多提交{settings.public_limit_per_phone}件，请拨打12345反映",
                      field="requester_phone")


@router.post("/public/appeals/new")
async def public_submit(request: Request, session: SessionDep,
                        photos: Annotated[list[UploadFile] | None, File()] = None,
                        csrf_token_: Annotated[str, Form(alias="csrf_token")] = "",
                        website: Annotated[str, Form()] = "") -> Response:
    form = await read_form(request)
    values = {k: str(form.get(k) or "").strip() for k in FIELDS}
    _check_csrf(request, csrf_token_)
    try:
        if website:  # the honeypot: people never see it
            raise Rejected("提交未通过校验，请刷新页面后重试", field="_")
        if values["channel"] not in PUBLIC_CHANNELS:
            values["channel"] = "web"
        _limit(request, session, values["requester_phone"])
        uploads = [f for f in (photos or []) if f.filename][:MAX_PHOTOS + 1]
        files = [(f.filename or "照片", await f.read(MAX_BYTES + 1)) for f in uploads]
        checked = check_photos(files)
        data = AppealCreate(**{k: v for k, v in values.items() if v != ""})
        ip = request.client.host if request.client else ""
        taken = request.app.state.intake.submit(Draft(data, photos=checked, actor_name="诉求人（网上提交）", ip=ip))
        if taken.error:
            raise taken.error
    except ValidationError as error:
        errors = {".".join(str(p) for p in e["loc"]): chinese_error(e) for e in error.errors()}
        return render(request, "appeals/public_new.html", _context(request, session, values, errors), 422)
    except DomainError as error:
        return render(request, "appeals/public_new.html",
                      _context(request, session, values, {error.field or "_": error.message}), error.status_code)
    request.session["last_tracking_no"] = taken.tracking_no
    return RedirectResponse(f"/public/appeals/done?no={taken.tracking_no}", status_code=303)


@router.get("/public/appeals/done")
def done(request: Request, no: Key = "") -> Response:
    """Shown once, to the session that submitted (a number typed into the URL shows nothing)."""
    shown = no if no and request.session.get("last_tracking_no") == no else ""
    return render(request, "appeals/public_done.html", {"tracking_no": shown})


@router.get("/public/appeals/track")
def track_form(request: Request) -> Response:
    csrf_token(request)
    return render(request, "appeals/public_track.html", {"view": None, "error": "", "values": {}, "levels": LEVELS})


@router.post("/public/appeals/track")
@form_limits(phone_last4=("手机尾号", 10), comment=("评价意见", 500))
async def track(request: Request, session: SessionDep) -> Response:
    form = await read_form(request)
    _check_csrf(request, str(form.get("csrf_token") or ""))
    values = {"tracking_no": str(form.get("tracking_no") or "").strip(),
              "phone_last4": str(form.get("phone_last4") or "").strip()}
    level = str(form.get("level") or "")
    try:
        if form.get("rate"):
            if not level.isdigit():
                raise Rejected("请选择评价等级", field="level")
            with session.begin_nested():
                tracking.rate(session=session, tracking_no=values["tracking_no"], last4=values["phone_last4"],
                              level=int(level[:2]), comment=str(form.get("comment") or ""), now=now_utc())
        view = tracking.public_view(session=session, tracking_no=values["tracking_no"], last4=values["phone_last4"])
    except DomainError as error:
        return render(request, "appeals/public_track.html",
                      {"view": None, "error": error.message, "values": values, "levels": LEVELS}, error.status_code)
    return render(request, "appeals/public_track.html",
                  {"view": view, "error": "", "values": values, "levels": LEVELS, "rated": bool(form.get("rate"))})
