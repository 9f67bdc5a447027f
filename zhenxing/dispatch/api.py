"""JSON API of dispatch: annual plans, monthly reports (incl. Excel), problems, lights."""

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from zhenxing.dispatch import lights_service, problems, report_import, reports
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.schemas import (
    ImportResult,
    ProblemAction,
    ProblemCreate,
    ProblemPage,
    ProblemRead,
    ProblemUpdate,
    ReportFields,
    ReportRead,
    ReportStatus,
    ReportStatusRow,
)
from zhenxing.errors import NotFound
from zhenxing.fields import Choice, Line, Moment, Text
from zhenxing.periods import PeriodField, parse_period
from zhenxing.projects import plans
from zhenxing.projects import service as projects
from zhenxing.projects.excel_api import xlsx_response
from zhenxing.projects.schemas import AuditRead
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.downloads import XLSX


class ErrorRead(BaseModel):
    message: str = Field(description="中文说明")
    field: str | None = None
    details: list[dict] = Field(default_factory=list, description="导入文件的每处错误：row、column、message")


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorRead, "description": "未登录或令牌无效"},
    403: {"model": ErrorRead, "description": "无权访问（角色或管辖范围）"},
    404: {"model": ErrorRead, "description": "记录不存在"},
    409: {"model": ErrorRead, "description": "与已有记录冲突"},
    422: {"model": ErrorRead, "description": "输入有误（字段、行、列）"},
}
router = APIRouter(tags=["dispatch"], responses=ERRORS)


class PlanWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    planned_investment: int = Field(ge=0, le=plans.MAX_AMOUNT, description="年度计划投资（万元）")
    target_stage: Choice | None = Field(max_length=20, default=None,
                                        description="started 当年开工 / completed 当年竣工 / operating 当年投产")
    note: Line = Field(default="", max_length=200)


class PlanRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    year: int
    planned_investment: int
    target_stage: str | None
    note: str


@router.get("/projects/{project_id}/plans", response_model=list[PlanRead])
def list_plans(project_id: int, session: SessionDep, scope: ApiScope):
    projects.get_project(session=session, scope=scope, project_id=project_id)
    return plans.plans_of(session, project_id)


@router.put("/projects/{project_id}/plans/{year}", response_model=PlanRead)
def set_plan(project_id: int, year: Annotated[int, Field(ge=2000, le=2100)], data: PlanWrite, session: SessionDep,
             user: ApiUser, scope: ApiScope):
    project = projects.get_project(session=session, scope=scope, project_id=project_id)
    return plans.set_plan(session=session, actor=user, scope=scope, project=project, year=year,
                          planned_investment=data.planned_investment, target_stage=data.target_stage, note=data.note)


# ---- reports ---------------------------------------------------------------------------------------

def _report_read(session, report) -> ReportRead:
    read = ReportRead.model_validate(report)
    read.year_to_date = reports.year_to_date(session, report.project_id, report.period)
    return read


@router.get("/reports", response_model=ReportStatus)
def reporting_status(session: SessionDep, scope: ApiScope, period: Annotated[PeriodField, Query()],
                     region_id: Annotated[int | None, Query(ge=1, lt=2 ** 31)] = None):
    """本月填报: every project in scope that owes a report for the period, with its state."""
    rows, due = reports.reporting_status(session=session, scope=scope, period=period, region_id=region_id)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.state] = counts.get(row.state, 0) + 1
    return ReportStatus(period=period, due_on=due, counts=counts, rows=[ReportStatusRow(
        project=row.project, state=row.state, state_label=row.state_label, annual_plan=row.annual_plan,
        year_to_date=row.year_to_date, report=_report_read(session, row.report) if row.report else None)
        for row in rows])


@router.get("/reports/template.xlsx", response_class=StreamingResponse,
            responses={200: {"content": {XLSX: {}}, "description": "预填本人管辖项目的月报模板"}})
def report_template(session: SessionDep, user: ApiUser, scope: ApiScope, period: Annotated[PeriodField, Query()]):
    return xlsx_response(lambda target: report_import.write_template(
        session=session, user=user, scope=scope, period=period, target=target), f"月报模板{period}.xlsx")


@router.post("/reports/import", response_model=ImportResult)
def import_reports(session: SessionDep, user: ApiUser, scope: ApiScope,
                   file: Annotated[UploadFile, File(description="月报 .xlsx")],
                   period: Annotated[PeriodField | None, Query(description="默认取文件标题中的期间")] = None,
                   dry_run: Annotated[bool, Query(description="只检查，不写入")] = False):
    """All rows or none: any problem → 422 with every problem as {row, column, message}."""
    result = report_import.import_reports(session=session, actor=user, scope=scope, data=file.file,
                                          filename=file.filename or "upload.xlsx", period=period, dry_run=dry_run)
    return result.as_dict()


@router.get("/reports/{project_id}/{period}", response_model=ReportRead)
def get_report(project_id: int, period: PeriodField, session: SessionDep, scope: ApiScope):
    report = reports.get_report(session=session, scope=scope, project_id=project_id, period=period)
    if report is None:
        raise NotFound(f"项目 {project_id} 没有 {period} 的月报", field="period")
    return _report_read(session, report)


@router.put("/reports/{project_id}/{period}", response_model=ReportRead)
def file_report(project_id: int, period: PeriodField, data: ReportFields, session: SessionDep, user: ApiUser,
                scope: ApiScope):
    """File the period's report, or correct it (the same URL: one report per project and period)."""
    report = reports.file_report(session=session, actor=user, scope=scope, project_id=project_id, period=period,
                                 data=data)
    return _report_read(session, report)


@router.get("/projects/{project_id}/reports", response_model=list[ReportRead])
def project_reports(project_id: int, session: SessionDep, scope: ApiScope,
                    year: Annotated[int | None, Query(ge=2000, le=2100)] = None):
    return [_report_read(session, r) for r in reports.reports_of(session=session, scope=scope,
                                                                 project_id=project_id, year=year)]


# ---- problems --------------------------------------------------------------------------------------

def _problem_read(problem) -> ProblemRead:
    read = ProblemRead.model_validate(problem, from_attributes=True)
    read.overdue_days = problems.overdue_of(problem)
    return read


@router.get("/problems", response_model=ProblemPage)
def list_problems(session: SessionDep, scope: ApiScope,
                  status: Annotated[str | None, Query(max_length=12)] = None,
                  category: Annotated[str | None, Query(max_length=12)] = None,
                  source: Annotated[str | None, Query(max_length=16)] = None,
                  overdue: bool = False,
                  project_id: Annotated[int | None, Query(ge=1, lt=2 ** 31)] = None,
                  region_id: Annotated[int | None, Query(ge=1, lt=2 ** 31)] = None,
                  unit_id: Annotated[int | None, Query(ge=1, lt=2 ** 31)] = None,
                  q: Annotated[str | None, Query(max_length=100)] = None,
                  page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                  per_page: Annotated[int, Query(ge=1, le=200)] = 50):
    filters = problems.ProblemFilters(status=status, category=category, source=source, overdue=overdue,
                                      project_id=project_id, region_id=region_id, unit_id=unit_id, q=q)
    listing = problems.list_problems(session=session, scope=scope, filters=filters, page=page, per_page=per_page)
    return ProblemPage(items=[_problem_read(p) for p in listing.items], total=listing.total,
                       counts=listing.counts, overdue=listing.overdue)


@router.post("/problems", response_model=ProblemRead, status_code=201)
def raise_problem(data: ProblemCreate, session: SessionDep, user: ApiUser, scope: ApiScope):
    return _problem_read(problems.raise_problem(session=session, actor=user, scope=scope, data=data))


@router.get("/problems/{problem_id}", response_model=ProblemRead)
def get_problem(problem_id: int, session: SessionDep, scope: ApiScope):
    return _problem_read(problems.get_problem(session=session, scope=scope, problem_id=problem_id))


@router.patch("/problems/{problem_id}", response_model=ProblemRead)
def update_problem(problem_id: int, data: ProblemUpdate, session: SessionDep, user: ApiUser, scope: ApiScope):
    return _problem_read(problems.update_problem(session=session, actor=user, scope=scope, problem_id=problem_id,
                                                 data=data))


@router.post("/problems/{problem_id}/actions", response_model=ProblemRead)
def act_on_problem(problem_id: int, data: ProblemAction, session: SessionDep, user: ApiUser, scope: ApiScope):
    """start 开始解决 / resolve 申请销号（须填解决情况）/ close 确认销号（项目办）/ reject 退回 / reopen 重新打开."""
    return _problem_read(problems.act(session=session, actor=user, scope=scope, problem_id=problem_id,
                                      action=data.action, note=data.note))


@router.get("/problems/{problem_id}/history", response_model=list[AuditRead])
def problem_history(problem_id: int, session: SessionDep, scope: ApiScope):
    return problems.history(session=session, scope=scope, problem_id=problem_id)


# ---- lights ------------------------------------------------------------------------------------------

class LightRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    project_id: int
    period: str
    light: str = Field(description="green / yellow / red / grey（暂停）")
    computed: str = Field(description="规则算出的灯色（light 与之不同即为人工调整）")
    reasons: list[dict]
    figures: dict
    rules_name: str
    computed_at: Moment
    override_reason: str | None
    override_by: str | None


class LightPage(BaseModel):
    period: str
    counts: dict[str, int]
    total: int
    items: list[LightRead]


class LightRunRead(BaseModel):
    period: str
    counts: dict[str, int]
    escalations: int
    rules_name: str


class OverrideWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    light: Choice = Field(max_length=10, description="green / yellow / red")
    reason: Text = Field(min_length=2, max_length=500)


def _current_period() -> str:
    today = local_date()
    return str(parse_period(f"{today.year}-{today.month:02d}"))


@router.get("/lights", response_model=LightPage)
def list_lights(session: SessionDep, scope: ApiScope, period: Annotated[PeriodField | None, Query()] = None,
                light: Annotated[str | None, Query(max_length=6)] = None,
                region_id: Annotated[int | None, Query(ge=1, lt=2 ** 31)] = None,
                q: Annotated[str | None, Query(max_length=100)] = None,
                page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                per_page: Annotated[int, Query(ge=1, le=200)] = 50):
    period = period or _current_period()
    rows, total, counts = lights_service.list_lights(
        session=session, scope=scope, period=period, filters=lights_service.LightFilters(light, region_id, q),
        page=page, per_page=per_page)
    return LightPage(period=period, counts=counts, total=total, items=rows)


@router.post("/lights/compute", response_model=LightRunRead)
def compute_lights(session: SessionDep, user: ApiUser, period: Annotated[PeriodField, Query()]):
    """Judge every project for the period with the rule set in force (项目办)."""
    return lights_service.compute_lights(session=session, period=period, actor=user).__dict__


@router.get("/projects/{project_id}/lights", response_model=list[LightRead])
def light_history(project_id: int, session: SessionDep, scope: ApiScope):
    return lights_service.light_history(session=session, scope=scope, project_id=project_id)


@router.put("/lights/{project_id}/{period}/override", response_model=LightRead)
def override_light(project_id: int, period: PeriodField, data: OverrideWrite, session: SessionDep, user: ApiUser,
                   scope: ApiScope):
    """The office sets the light of one period, with a reason; the next period is judged by the rules again."""
    return lights_service.override_light(session=session, actor=user, scope=scope, project_id=project_id,
                                         period=period, light=data.light, reason=data.reason)


@router.delete("/lights/{project_id}/{period}/override", response_model=LightRead)
def clear_override(project_id: int, period: PeriodField, session: SessionDep, user: ApiUser, scope: ApiScope):
    return lights_service.clear_override(session=session, actor=user, scope=scope, project_id=project_id,
                                         period=period)

