"""Pages of the target ledger (目标台账): the ledger coloured by each target's state, a page per indicator
with its chart, the readings and benchmarks forms, and the statistics-sheet import."""

from collections import Counter
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request

from zhenxing import ledger_filters
from zhenxing.auth import service as accounts
from zhenxing.auth.policy import can_supervise
from zhenxing.documents.api import xlsx_attachment
from zhenxing.errors import DomainError, Rejected
from zhenxing.org import service as org
from zhenxing.targets import charts, readings, service
from zhenxing.targets.models import BASES, KINDS, TARGET_STATUSES
from zhenxing.targets.tracking import track
from zhenxing.targets.trajectory import PATHS
from zhenxing.targets.views import upload_name
from zhenxing.targets.wording import BENCHMARK_LEVELS
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import carried, read_form
from zhenxing.web.ledger_pages import ledger_context
from zhenxing.web.templating import render

router = APIRouter()
UPLOAD_LIMIT = 5 * 1024 * 1024
COLOUR_LABELS = {"green": "符合或超进度", "red": "滞后", "grey": "无实绩"}


def _colour_label(tracking) -> str:
    if tracking.status in ("met", "missed"):
        return tracking.status_label
    return COLOUR_LABELS[tracking.colour]


@router.get("/targets")
def target_list(request: Request, session: SessionDep, scope: PageScope, user: PageUser):
    chosen, filters = ledger_filters.from_params(request.query_params)
    rows = service.list_targets(session=session, scope=scope, filters=filters)
    tracked = track(session, rows)
    counts = Counter(_colour_label(tracked[row.id]) for row in rows)
    return render(request, "targets/ledger.html", {
        "targets": rows, "tracked": tracked, "counts": counts, "chart": charts.ledger_option(counts),
        "colour_label": _colour_label, "can_track": can_supervise(user.role),
        **ledger_context(session, "/targets", chosen, TARGET_STATUSES),
    })


@router.get("/targets/export.xlsx")
def target_export(request: Request, session: SessionDep, scope: PageScope):
    _chosen, filters = ledger_filters.from_params(request.query_params)
    return xlsx_attachment(service.export_targets(session=session, scope=scope, filters=filters), "目标台账.xlsx")


def _detail(request: Request, session, user, target_id: int, errors: dict | None = None,
            status_code: int = 200):
    scope = accounts.scope_for(session, user)
    target = service.get_target(session, target_id, scope)
    tracking = track(session, [target])[target.id]
    return render(request, "targets/detail.html", {
        "target": target, "t": tracking, "paths": PATHS, "kinds": KINDS, "bases": BASES,
        "levels": BENCHMARK_LEVELS, "units": org.list_units(session), "errors": errors or {},
        "readings": service.list_readings(session=session, scope=scope, indicator=target.indicator),
        "benchmarks": service.list_benchmarks(session=session, indicator=target.indicator),
        "chart": charts.indicator_option(goal=tracking.goal, unit=target.unit, series=tracking.series,
                                         benchmarks=tracking.benchmarks),
        "can_track": can_supervise(user.role), "colour_label": _colour_label(tracking),
    }, status_code=status_code)


@router.get("/targets/{target_id:int}")
def target_detail(request: Request, target_id: int, session: SessionDep, user: PageUser):
    return _detail(request, session, user, target_id)


def _decimal(form, name: str, label: str, *, required: bool = True) -> Decimal | None:
    raw = str(form.get(name) or "").strip().replace(",", "")
    if not raw and not required:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise Rejected(f"{label}“{raw[:20]}”不是有效的数字", field=name) from None
    if not value.is_finite() or abs(value) >= 10**15:
        raise Rejected(f"{label}超出范围", field=name)
    return value


def _figure(form, indicator: str) -> readings.Figure:
    return readings.Figure(indicator, str(form.get("period") or "").strip(), _decimal(form, "value", "数值"),
                           str(form.get("kind") or "increase"), str(form.get("basis") or "ytd"),
                           str(form.get("unit") or "").strip())


SAVED = {"reading": "实绩已保存", "benchmark": "对标数据已保存", "trajectory": "已保存进度设置"}


def _post(request, session, user, target_id: int, action, done: str):
    """Run a form's change; a refusal shows the page again with the message beside the field."""
    try:
        action()
    except DomainError as error:
        if error.status_code == 403:
            raise
        session.rollback()
        return _detail(request, session, user, target_id, {error.field or "_": error.message},
                       status_code=error.status_code)
    return saved(request, f"/targets/{target_id}", SAVED.get(done, "已保存"))


@router.post("/targets/{target_id:int}/readings")
async def add_reading(request: Request, target_id: int, session: SessionDep, user: PageUser):
    form = await read_form(request)
    target = service.get_target(session, target_id)
    return _post(request, session, user, target_id, lambda: readings.record_reading(
        session=session, actor=user, figure=_figure(form, target.indicator), region_id=target.region_id), "reading")


@router.post("/targets/{target_id:int}/benchmarks")
async def add_benchmark(request: Request, target_id: int, session: SessionDep, user: PageUser):
    form = await read_form(request)
    target = service.get_target(session, target_id)
    return _post(request, session, user, target_id, lambda: readings.record_benchmark(
        session=session, actor=user, figure=_figure(form, target.indicator),
        level=str(form.get("level") or "")), "benchmark")


@router.post("/targets/{target_id:int}/trajectory")
async def set_trajectory(request: Request, target_id: int, session: SessionDep, user: PageUser):
    form = await read_form(request)

    def change():
        # Only what the post carries changes: a post without the lead unit keeps it.
        given = carried(form, ("start_value", "path", "profile", "lead_unit_id"))
        parse = {"start_value": lambda _raw: _decimal(form, "start_value", "年初基数", required=False),
                 "path": lambda raw: raw or None, "profile": lambda raw: raw,
                 "lead_unit_id": lambda raw: int(raw) if raw.isdigit() and len(raw) < 19 else None}
        changes = {key: parse[key](raw) for key, raw in given.items()}
        service.update_target(session=session, actor=user, target_id=target_id, changes=changes)
    return _post(request, session, user, target_id, change, "trajectory")


@router.get("/targets/import")
def import_form(request: Request, session: SessionDep, user: PageUser):
    readings.require_tracker(user)
    return render(request, "targets/import.html", {"regions": org.list_regions(session), "levels": BENCHMARK_LEVELS,
                                                   "report": None, "problems": [], "error": ""})


@router.post("/targets/import")
async def import_sheet(request: Request, session: SessionDep, user: PageUser):
    readings.require_tracker(user)
    form = await read_form(request)
    upload = form.get("file")
    context = {"regions": org.list_regions(session), "levels": BENCHMARK_LEVELS, "report": None, "problems": [],
               "error": ""}
    try:
        if upload is None or not hasattr(upload, "read"):
            raise Rejected("请选择要导入的 .xlsx 文件", field="file")
        data = await upload.read(UPLOAD_LIMIT + 1)
        if len(data) > UPLOAD_LIMIT:
            raise Rejected("文件超过 5兆字节，请拆分后再导入", field="file")
        year = str(form.get("year") or "").strip()
        region = str(form.get("region_id") or "")
        context["report"] = readings.import_sheet(
            session=session, actor=user, data=data, filename=upload_name(upload),
            year=int(year) if year.isdigit() and len(year) == 4 else None,
            region_id=int(region) if region.isdigit() and len(region) < 19 else None,
            level=str(form.get("level") or "") or None, dry_run=form.get("dry_run") == "1")
    except Rejected as error:
        session.rollback()
        context.update(error=error.message, problems=error.details)
        return render(request, "targets/import.html", context, status_code=422)
    return render(request, "targets/import.html", context)
