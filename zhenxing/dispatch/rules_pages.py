"""The office's page of dispatch rules: the year's light rules (a preset or edited JSON), the dispatch
settings (reporting day, time limits), and every version with who set it. Changes go through zhenxing.rules
(validated, audited); a refused change re-shows the page with the message naming the field."""

from fastapi import APIRouter, Request
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
from zhenxing.web.forms import form_limits, read_form
from zhenxing.web.templating import render

router = APIRouter()


def _office(user) -> None:
    if not can_manage(user.role):
        raise Forbidden("只有项目办可以修改调度规则")


PAIRS = {"start": ("months", "个月"), "registration": ("months", "个月"), "unreported": ("months", "个月"),
         "problems": ("days", "天")}
FAMILY_HINTS = {
    "start": "计划开工日期后第几个月末仍未开工",
    "registration": "开工后几个月仍未入库（纳统）",
    "unreported": "连续几个月未报月报",
    "problems": "问题逾期天数",
}
STEPS = 4


def form_of(data: dict) -> dict:
    """The rule set as the form shows it: flat Chinese-labelled fields."""
    values: dict = {"name": data.get("name", "")}
    for family, (unit, _) in PAIRS.items():
        pair = data.get(family)
        values[f"{family}_on"] = pair is not None
        values[f"{family}_yellow"] = pair.get(f"yellow_{unit}", "") if pair else ""
        values[f"{family}_red"] = pair.get(f"red_{unit}", "") if pair else ""
    progress = data.get("progress")
    values["progress_on"] = progress is not None
    values["progress_mode"] = (progress or {}).get("mode", "points")
    names = ("yellow_gap", "red_gap") if values["progress_mode"] == "points" else ("yellow_below", "red_below")
    values["progress_yellow"] = (progress or {}).get(names[0], "")
    values["progress_red"] = (progress or {}).get(names[1], "")
    values["progress_min_plan"] = (progress or {}).get("min_plan", 0)
    steps = list(data.get("escalation") or [])
    values["steps"] = [steps[i] if i < len(steps) else {"when": "", "consecutive": "", "label": ""}
                       for i in range(STEPS)]
    return values


def _num(raw: object) -> float | int | str:
    text = str(raw or "").strip()[:12]
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def data_of(form, current: dict) -> dict:
    """The posted form back as a rule set (validated by the rules kind). A part the post does not carry (its
    `…_shown` marker absent: an old page, a script) keeps its current value — an unticked box never clears
    what the form did not show."""
    data = dict(current)
    if "name" in form:
        data["name"] = str(form.get("name", "")).strip()
    for family, (unit, _) in PAIRS.items():
        if f"{family}_shown" in form:
            data[family] = ({f"yellow_{unit}": _num(form.get(f"{family}_yellow")),
                             f"red_{unit}": _num(form.get(f"{family}_red"))} if form.get(f"{family}_on") else None)
    if "progress_shown" not in form:
        pass
    elif form.get("progress_on"):
        mode = "ratio" if form.get("progress_mode") == "ratio" else "points"
        names = ("yellow_gap", "red_gap") if mode == "points" else ("yellow_below", "red_below")
        data["progress"] = {"mode": mode, names[0]: _num(form.get("progress_yellow")),
                            names[1]: _num(form.get("progress_red")),
                            "min_plan": _num(form.get("progress_min_plan") or 0)}
    else:
        data["progress"] = None
    if "steps_shown" not in form:
        return data
    steps = []
    for index in range(STEPS):
        when = str(form.get(f"step{index}_when", ""))
        label = str(form.get(f"step{index}_label", "")).strip()
        if when in ("yellow", "red") or label:
            steps.append({"when": when, "consecutive": _num(form.get(f"step{index}_consecutive") or 1),
                          "label": label})
    data["escalation"] = steps
    return data


FIELD_LABELS = {"name": "规则名称", "start": "开工", "progress": "投资进度", "registration": "入库",
                "unreported": "月报报送", "problems": "问题解决", "escalation": "督办步骤"}


def _readable(message: str) -> str:
    """Field paths in a refusal read in Chinese (progress.red_gap → 投资进度的红灯门槛)."""
    words = {"yellow_months": "黄灯门槛", "red_months": "红灯门槛", "yellow_days": "黄灯门槛", "red_days": "红灯门槛",
             "yellow_gap": "黄灯门槛", "red_gap": "红灯门槛", "yellow_below": "黄灯门槛", "red_below": "红灯门槛",
             "min_plan": "最低计划投资", "mode": "判定方式", "consecutive": "连续期数", "label": "说明",
             "when": "灯色"}
    for key, label in sorted(FIELD_LABELS.items(), key=lambda item: -len(item[0])):
        for word, text in sorted(words.items(), key=lambda item: -len(item[0])):
            message = message.replace(f"{key}.{word}", f"{label}的{text}")
        message = message.replace(f"{key}[", f"{label}第[")
    for word, text in sorted(words.items(), key=lambda item: -len(item[0])):
        message = message.replace(f"].{word}", f"]步的{text}").replace(word, text)
    for key, label in FIELD_LABELS.items():
        message = message.replace(key, label)
    return message.replace("points", "按百分点").replace("ratio", "按比例").replace("null", "不启用") \
        .replace("yellow", "黄灯").replace("red", "红灯")


def _page(request: Request, session, year: int, values: dict | None = None, error: str | None = None,
          settings_error: str | None = None, status: int = 200) -> Response:
    state = rules.rule_state(session, rule_kinds.LIGHTS, year)
    setting = rules.rule_state(session, rule_kinds.SETTINGS, None)
    fields = [(name, info.title, getattr(setting.value, name)) for name, info in DispatchSettings.model_fields.items()]
    return render(request, "dispatch/rules.html", {
        "year": year, "state": state, "v": values or form_of(state.data), "error": error,
        "settings_error": settings_error, "presets": list(get_kind(rule_kinds.LIGHTS).presets),
        "families": FAMILIES, "pairs": PAIRS, "hints": FAMILY_HINTS, "settings": setting, "fields": fields,
        "history": rules.history(session, rule_kinds.LIGHTS, year, limit=20)}, status_code=status)


def _year(text: str | None) -> int:
    return int(text) if text and text.isdigit() and 2000 <= int(text) <= 2100 else reporting_period({}).year


@router.get("/lights/rules")
def rules_page(request: Request, session: SessionDep, user: PageUser) -> Response:
    _office(user)
    return _page(request, session, _year(request.query_params.get("year")))


@router.post("/lights/rules")
@form_limits(name=("规则名称", 60))
async def save_rules(request: Request, session: SessionDep, user: PageUser) -> Response:
    _office(user)
    form = await read_form(request)
    year = _year(str(form.get("year", "")))
    preset = str(form.get("preset", ""))[:40]
    data = None
    try:
        if preset:
            rules.apply_preset(session, user, rule_kinds.LIGHTS, preset, year)
        else:
            data = data_of(form, rules.rule_state(session, rule_kinds.LIGHTS, year).data)
            rules.set_rules(session, user, rule_kinds.LIGHTS, data, year, name=data["name"])
    except Rejected as error:
        session.rollback()
        return _page(request, session, year, form_of(data) if data else None, _readable(error.message), status=422)
    name = rules.rule_state(session, rule_kinds.LIGHTS, year).name
    return saved(request, f"/lights/rules?year={year}", f"已保存{year}年红黄绿灯规则（{name}），重新计算后生效")


@router.post("/lights/settings")
async def save_settings(request: Request, session: SessionDep, user: PageUser) -> Response:
    _office(user)
    form = await read_form(request)
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
