"""The office's page of dispatch rules: the year's light rules (a preset or edited JSON), the dispatch
settings (reporting day, time limits), and every version with who set it. Changes go through zhenxing.rules
(validated, audited); a refused change re-shows the page with the message naming the field."""

import json
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from zhenxing.auth.policy import can_manage
from zhenxing.dispatch import rule_kinds
from zhenxing.dispatch.light_rules import FAMILIES
from zhenxing.dispatch.pages import reporting_period
from zhenxing.dispatch.rule_kinds import DispatchSettings
from zhenxing.errors import Forbidden, Rejected
from zhenxing.rules import service as rules
from zhenxing.rules.registry import get_kind
from zhenxing.web.deps import PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.templating import render

router = APIRouter()


def _office(user) -> None:
    if not can_manage(user.role):
        raise Forbidden("只有项目办可以修改调度规则")


def _page(request: Request, session, year: int, text: str | None = None, error: str | None = None,
          settings_error: str | None = None, status: int = 200) -> Response:
    state = rules.rule_state(session, rule_kinds.LIGHTS, year)
    setting = rules.rule_state(session, rule_kinds.SETTINGS, None)
    fields = [(name, info.title, getattr(setting.value, name)) for name, info in DispatchSettings.model_fields.items()]
    return render(request, "dispatch/rules.html", {
        "year": year, "state": state, "text": text or json.dumps(state.data, ensure_ascii=False, indent=2),
        "error": error, "settings_error": settings_error, "presets": list(get_kind(rule_kinds.LIGHTS).presets),
        "families": FAMILIES, "settings": setting, "fields": fields,
        "history": rules.history(session, rule_kinds.LIGHTS, year, limit=20),
        "settings_history": rules.history(session, rule_kinds.SETTINGS, None, limit=10)}, status_code=status)


def _year(text: str | None) -> int:
    return int(text) if text and text.isdigit() and 2000 <= int(text) <= 2100 else reporting_period({}).year


@router.get("/lights/rules")
def rules_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    _office(user)
    return _page(request, session, _year(request.query_params.get("year")))


@router.post("/lights/rules")
def save_rules(request: Request, session: SessionDep, user: PageUser,
               year: Annotated[int, Form(ge=2000, le=2100)], preset: Annotated[str, Form(max_length=40)] = "",
               data: Annotated[str, Form(max_length=50_000)] = "") -> Response:
    _office(user)
    try:
        if preset:
            rules.apply_preset(session, user, rule_kinds.LIGHTS, preset, year)
        else:
            try:
                parsed = json.loads(data)
            except ValueError as error:
                line = getattr(error, "lineno", "?")
                raise Rejected(f"不是有效的 JSON：第 {line} 行附近有误", field="data") from None
            rules.set_rules(session, user, rule_kinds.LIGHTS, parsed, year,
                            name=str(parsed.get("name", "")) if isinstance(parsed, dict) else "")
    except Rejected as error:
        session.rollback()
        return _page(request, session, year, data or None, error.message, status=422)
    name = rules.rule_state(session, rule_kinds.LIGHTS, year).name
    return saved(request, f"/lights/rules?year={year}", f"已保存{year}年红黄绿灯规则（{name}），重新计算后生效")


@router.post("/lights/settings")
async def save_settings(request: Request, session: SessionDep, user: PageUser) -> Response:
    _office(user)
    form = await request.form()
    year = _year(str(form.get("year", "")))
    values = {}
    for name in DispatchSettings.model_fields:
        raw = str(form.get(name, "")).strip()[:10]
        values[name] = int(raw) if raw.lstrip("-").isdigit() else raw
    try:
        rules.set_rules(session, user, rule_kinds.SETTINGS, values, name="调度工作设置")
    except Rejected as error:
        session.rollback()
        return _page(request, session, year, settings_error=error.message, status=422)
    return saved(request, f"/lights/rules?year={year}", "已保存调度工作设置")
