"""Pages of monthly reports (本月填报, the form, Excel in and out) and the problem list (问题清单)."""

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response, StreamingResponse
from pydantic import ValidationError
from sqlalchemy import or_, select

from zhenxing.auth.policy import can_edit, can_manage
from zhenxing.dispatch import lights_service, problems, report_import, reports
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.facts import REPORT_STATES
from zhenxing.dispatch.problem_rules import ACTIONS, PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUSES
from zhenxing.dispatch.schemas import ProblemCreate, ReportFields
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.periods import Period, parse_period, period_label, previous_period
from zhenxing.projects import forms as ledger_forms
from zhenxing.projects import plans
from zhenxing.projects import service as projects
from zhenxing.projects.excel_api import xlsx_response
from zhenxing.projects.models import Project
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import carried, form_limits, read_form
from zhenxing.web.params import Key
from zhenxing.web.templating import render

router = APIRouter()


async def _form(request: Request) -> dict[str, Any]:
    return {key: value for key, value in (await read_form(request)).items() if isinstance(value, str)}


FormData = Annotated[dict[str, Any], Depends(_form)]


def reporting_period(params: Mapping[str, str]) -> Period:
    """The period asked for, else the one being reported now (last month)."""
    try:
        return parse_period(params["period"]) if params.get("period") else previous_period(
            parse_period(local_date().strftime("%Y-%m")))
    except Rejected:
        return previous_period(parse_period(local_date().strftime("%Y-%m")))


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


# ---- 本月填报 --------------------------------------------------------------------------------------

def _status_context(request: Request, session, scope, user, period: Period) -> dict:
    region_id = _number(request.query_params.get("region_id"))
    rows, due = reports.reporting_status(session=session, scope=scope, period=period, region_id=region_id)
    counts = {state: 0 for state in ("on_time", "late", "pending", "overdue")}
    for row in rows:
        counts[row.state] = counts.get(row.state, 0) + 1
    return {"period": period, "label": period_label(period), "rows": rows, "due": due, "counts": counts,
            "states": REPORT_STATES, "can_file": can_edit(user.role), "region_id": region_id,
            "regions": ledger_forms.region_choices(org.list_regions(session)), "errors": [],
            "message": None, "message_ok": False}


@router.get("/reports")
def reporting_page(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    period = reporting_period(request.query_params)
    return render(request, "dispatch/reports.html", _status_context(request, session, scope, user, period))


@router.get("/reports/template.xlsx")
def report_template(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> StreamingResponse:
    period = reporting_period(request.query_params)
    return xlsx_response(lambda target: report_import.write_template(
        session=session, user=user, scope=scope, period=period, target=target), f"月报模板{period}.xlsx")


@router.post("/reports/import")
def report_upload(request: Request, session: SessionDep, user: PageUser, scope: PageScope,
                  period: Annotated[str, Form()] = "", dry_run: Annotated[bool, Form()] = False,
                  file: Annotated[UploadFile | None, File()] = None) -> Response:
    value = reporting_period({"period": period})
    context = _status_context(request, session, scope, user, value)
    if file is None or not file.filename:
        context["message"] = "请选择要导入的月报文件（.xlsx）"
        return render(request, "dispatch/reports.html", context, status_code=422)
    try:
        result = report_import.import_reports(session=session, actor=user, scope=scope, data=file.file,
                                              filename=file.filename, period=period or None, dry_run=dry_run)
    except Rejected as error:
        session.rollback()
        context.update(message=error.message, errors=error.details)
        return render(request, "dispatch/reports.html", context, status_code=422)
    verb = "检查通过（未写入）" if dry_run else "导入完成"
    message = f"{verb}：新填 {result.created} 个，修改 {result.updated} 个，未变 {result.unchanged} 个"
    if dry_run:
        context.update(message=message, message_ok=True)
        return render(request, "dispatch/reports.html", context)
    return saved(request, f"/reports?period={result.period}", message)


# ---- one report ------------------------------------------------------------------------------------

def _report_form(request: Request, session, scope, project_id: int, period: Period, values: dict,
                 errors: dict, status: int = 200) -> Response:
    project = projects.get_project(session=session, scope=scope, project_id=project_id)
    plan = plans.plan_for(session, project_id, period.year)
    ytd = reports.year_to_date(session, project_id, previous_period(period)) if period.month > 1 else 0
    return render(request, "dispatch/report_form.html", {
        "project": project, "period": period, "label": period_label(period), "values": values, "errors": errors,
        "plan": plan.planned_investment if plan else 0, "before": ytd}, status_code=status)


@router.get("/reports/{project_id}/{period}")
def report_form(project_id: int, period: Key, request: Request, session: SessionDep, user: PageUser,
                scope: PageScope) -> Response:
    value = parse_period(period)
    report = reports.get_report(session=session, scope=scope, project_id=project_id, period=value)
    values = {name: getattr(report, name) for name in reports.FIELDS} if report else {}
    return _report_form(request, session, scope, project_id, value, values, {})


def _report_values(form: dict[str, Any], current: Any = None) -> dict[str, Any]:
    """The posted fields over the report already filed: a post that lacks a field keeps its value (the form
    always carries every field; `registered` comes with a hidden "0" before its checkbox)."""
    names = ("completed_investment", "progress", "physical_percent", "problems", "next_plan")
    kept = {name: "" if getattr(current, name, None) is None else str(getattr(current, name)) for name in names}
    values: dict[str, Any] = {**kept, **carried(form, names)}
    values["physical_percent"] = values["physical_percent"] or None
    values["registered"] = (form["registered"] == "1" if "registered" in form
                            else bool(getattr(current, "registered", False)))
    return values


@router.post("/reports/{project_id}/{period}")
def save_report(project_id: int, period: Key, request: Request, session: SessionDep, user: PageUser,
                scope: PageScope, form: FormData) -> Response:
    value = parse_period(period)
    values = _report_values(form, reports.get_report(session=session, scope=scope, project_id=project_id,
                                                     period=value))
    try:
        data = ReportFields.model_validate(values)
        reports.file_report(session=session, actor=user, scope=scope, project_id=project_id, period=value, data=data)
    except ValidationError as error:
        return _report_form(request, session, scope, project_id, value, values, ledger_forms.field_errors(error),
                            422)
    except (Rejected, Conflict) as error:
        session.rollback()
        return _report_form(request, session, scope, project_id, value, values,
                            {error.field or "_": error.message}, 422)
    return saved(request, f"/reports?period={value}", f"已保存{period_label(value)}月报")


# ---- problems --------------------------------------------------------------------------------------

def _problem_filters(params: Mapping[str, str]) -> tuple[dict, problems.ProblemFilters]:
    chosen = {key: (params.get(key) or "").strip()[:100] for key in
              ("status", "category", "source", "overdue", "region_id", "project_id", "q")}
    return chosen, problems.ProblemFilters(
        status=chosen["status"] or None, category=chosen["category"] or None, source=chosen["source"] or None,
        overdue=chosen["overdue"] == "1", region_id=_number(chosen["region_id"]),
        project_id=_number(chosen["project_id"]), q=chosen["q"] or None)


@router.get("/problems")
def problem_list(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    chosen, filters = _problem_filters(request.query_params)
    page = _number(request.query_params.get("page")) or 1
    listing = problems.list_problems(session=session, scope=scope, filters=filters, page=page)
    today = local_date()
    return render(request, "dispatch/problems.html", {
        "listing": listing, "chosen": chosen, "statuses": PROBLEM_STATUSES, "categories": PROBLEM_CATEGORIES,
        "sources": PROBLEM_SOURCES, "overdue": {p.id: problems.overdue_of(p, today) for p in listing.items},
        "regions": ledger_forms.region_choices(org.list_regions(session)), "can_raise": can_edit(user.role),
        "page": page})


PROJECT_CHOICES = 3000  # the codes offered while typing (a county's projects; the city types a code or name)


def _project_choices(session, scope) -> list[tuple[str, str]]:
    """(code, name) of the projects in the user's scope, for the form's suggestions."""
    query = select(Project.code, Project.name).where(Project.status != "cancelled").order_by(Project.code)
    return [tuple(row) for row in session.execute(projects.scoped(query, scope).limit(PROJECT_CHOICES)).all()]


def _project_ref(session, scope, text: str) -> str:
    """A project as people name it — its code (JZ2024-001), "code name" as suggested, or its exact name — as
    its id; an id stays as it is. Unknown or out of scope: NotFound naming the field."""
    text = text.strip()
    if not text or text.isdigit():
        return text
    code = text.split()[0]
    query = select(Project.id).where(or_(Project.code == code, Project.name == text))
    found = session.scalars(projects.scoped(query, scope).limit(2)).all()
    if len(found) != 1:
        raise NotFound(f"没有找到项目“{text[:40]}”（填写项目编号或名称，须在您管辖的范围内）", field="project_id")
    return str(found[0])


def _new_problem_page(request: Request, session, scope, values: dict, errors: dict, status: int = 200):
    project_id = _number(str(values.get("project_id") or ""))
    project = projects.get_project(session=session, scope=scope, project_id=project_id) if project_id else None
    if project is not None:
        values = {**values, "project_id": project.code}
    return render(request, "dispatch/problem_form.html", {
        "project": project, "values": values, "errors": errors, "categories": PROBLEM_CATEGORIES,
        "project_choices": _project_choices(session, scope),
        "units": [(u.id, u.name) for u in org.list_units(session)],
        "people": [(p.id, p.label) for p in org.list_people(session)]}, status_code=status)


@router.get("/problems/new")
def new_problem(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    if not can_edit(user.role):
        raise Forbidden("当前角色不能登记问题")
    return _new_problem_page(request, session, scope, {"project_id": request.query_params.get("project_id", ""),
                                                       "category": "其他"}, {})


@router.post("/problems")
def create_problem(request: Request, session: SessionDep, user: PageUser, scope: PageScope,
                   form: FormData) -> Response:
    values = {key: (form.get(key) or "").strip() for key in
              ("project_id", "description", "category", "unit_id", "leader_id", "due_on")}
    payload = {key: value or None for key, value in values.items()}
    try:
        payload["project_id"] = _project_ref(session, scope, values["project_id"]) or None
        data = ProblemCreate.model_validate({**payload, "category": payload["category"] or "其他"})
        problem = problems.raise_problem(session=session, actor=user, scope=scope, data=data)
    except ValidationError as error:
        return _new_problem_page(request, session, scope, values, ledger_forms.field_errors(error), 422)
    except (Rejected, NotFound) as error:
        session.rollback()
        return _new_problem_page(request, session, scope, values, {error.field or "_": error.message}, 422)
    return saved(request, f"/problems/{problem.id}", "已登记问题")


def _problem_page(request: Request, session, user, scope, problem_id: int, errors: dict, status: int = 200):
    problem = problems.get_problem(session=session, scope=scope, problem_id=problem_id)
    events = problems.history(session=session, scope=scope, problem_id=problem_id)
    office = can_manage(user.role)
    allowed = {"start": problem.status == "open", "resolve": problem.status in ("open", "in_progress"),
               "close": office and problem.status == "resolved", "reject": office and problem.status == "resolved",
               "reopen": office and problem.status == "closed"}
    return render(request, "dispatch/problem.html", {
        "problem": problem, "history": ledger_forms.history_rows(events), "errors": errors,
        "overdue": problems.overdue_of(problem), "actions": {key: ACTIONS[key] for key, ok in allowed.items()
                                                             if ok and can_edit(user.role)}}, status_code=status)


@router.get("/problems/{problem_id}")
def problem_page(problem_id: int, request: Request, session: SessionDep, user: PageUser,
                 scope: PageScope) -> Response:
    return _problem_page(request, session, user, scope, problem_id, {})


@router.post("/problems/{problem_id}/act")
@form_limits(note=("处理说明", 1000))
def problem_action(problem_id: int, request: Request, session: SessionDep, user: PageUser, scope: PageScope,
                   form: FormData) -> Response:
    action, note = (form.get("action") or "")[:20], form.get("note") or ""
    try:
        problems.act(session=session, actor=user, scope=scope, problem_id=problem_id, action=action, note=note)
    except Rejected as error:
        session.rollback()
        return _problem_page(request, session, user, scope, problem_id, {error.field or "_": error.message}, 422)
    return saved(request, f"/problems/{problem_id}", f"已{ACTIONS.get(action, '处理')}")


# ---- a project's dispatch panel (loaded into the project's page) -----------------------------------

@router.get("/projects/{project_id}/dispatch")
def project_panel(project_id: int, request: Request, session: SessionDep, user: PageUser,
                  scope: PageScope) -> Response:
    project = projects.get_project(session=session, scope=scope, project_id=project_id)
    listing = problems.list_problems(session=session, scope=scope, filters=problems.ProblemFilters(
        project_id=project_id), per_page=20)
    return render(request, "dispatch/_project_panel.html", {
        "project": project, "plans": plans.plans_of(session, project_id),
        "lights": lights_service.light_history(session=session, scope=scope, project_id=project_id)[:12],
        "reports": reports.reports_of(session=session, scope=scope, project_id=project_id)[:12],
        "problems": listing.items, "current": reporting_period({}), "can_file": can_edit(user.role),
        "target_labels": plans.TARGET_STAGES})
