"""JSON API of the target ledger: /api/v1/targets (with where each stands), /api/v1/readings,
/api/v1/benchmarks, the statistics-sheet import, /api/v1/indicators."""

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response

from zhenxing.documents.api import xlsx_attachment
from zhenxing.documents.schemas import IndicatorMap
from zhenxing.errors import Rejected
from zhenxing.targets import readings, service, views
from zhenxing.targets.schemas import (
    BenchmarkRead,
    BenchmarkWrite,
    ImportResult,
    ReadingRead,
    ReadingWrite,
    TargetRead,
    TargetUpdate,
)
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.errors_doc import ERRORS

router = APIRouter(tags=["targets"])
UPLOAD_LIMIT = 5 * 1024 * 1024
Id = Annotated[int, views.ID]


def _filters(year, lead_unit_id, status, document_id, q) -> service.TargetFilters:
    return service.TargetFilters(year=year, lead_unit_id=lead_unit_id, status=status, document_id=document_id, q=q)


@router.get("/targets", response_model=list[TargetRead], responses=ERRORS)
def list_targets(session: SessionDep, scope: ApiScope, year: views.Year = None, lead_unit_id: views.OptId = None,
                 status: views.Short = None, document_id: views.OptId = None, q: views.Short = None):
    """The ledger with each target's state: derived from its readings, with the gap stated in words."""
    rows = service.list_targets(session=session, scope=scope,
                                filters=_filters(year, lead_unit_id, status, document_id, q))
    return views.target_models(session, rows)


@router.get("/targets/export.xlsx", response_class=Response, responses=ERRORS)
def export_targets(session: SessionDep, scope: ApiScope, year: views.Year = None, lead_unit_id: views.OptId = None,
                   status: views.Short = None, document_id: views.OptId = None, q: views.Short = None) -> Response:
    data = service.export_targets(session=session, scope=scope,
                                  filters=_filters(year, lead_unit_id, status, document_id, q))
    return xlsx_attachment(data, "目标台账.xlsx")


@router.get("/targets/{target_id}", response_model=TargetRead, responses=ERRORS)
def get_target(target_id: Id, session: SessionDep, scope: ApiScope):
    return views.target_models(session, [service.get_target(session, target_id, scope)])[0]


@router.patch("/targets/{target_id}", response_model=TargetRead, responses=ERRORS)
def update_target(target_id: Id, data: TargetUpdate, session: SessionDep, user: ApiUser):
    """Change a target's lead unit or trajectory (start, path, profile); its status is derived, not typed."""
    target = service.update_target(session=session, actor=user, target_id=target_id,
                                   changes=data.model_dump(exclude_unset=True))
    return views.target_models(session, [target])[0]


@router.get("/readings", response_model=list[ReadingRead], responses=ERRORS)
def list_readings(session: SessionDep, scope: ApiScope, period: views.Short = None,
                  indicator: views.Short = None):
    return service.list_readings(session=session, scope=scope, period=period, indicator=indicator)


@router.post("/readings", response_model=ReadingRead, status_code=201, responses=ERRORS)
def record_reading(data: ReadingWrite, session: SessionDep, user: ApiUser):
    """Enter a reading (实绩) for an indicator, region and period; the same key again corrects it."""
    figure = readings.Figure(data.indicator, data.period, data.value, data.kind, data.basis, data.unit)
    return readings.record_reading(session=session, actor=user, figure=figure, region_id=data.region_id)


@router.delete("/readings/{reading_id}", status_code=204, response_class=Response, responses=ERRORS)
def delete_reading(reading_id: Id, session: SessionDep, user: ApiUser) -> Response:
    readings.delete_reading(session=session, actor=user, reading_id=reading_id)
    return Response(status_code=204)


@router.post("/readings/import", response_model=ImportResult, responses=ERRORS)
async def import_readings(session: SessionDep, user: ApiUser, file: Annotated[UploadFile, File()],
                          year: Annotated[views.Year, Form()] = None,
                          region_id: Annotated[views.OptId, Form()] = None,
                          level: Annotated[str | None, Form(max_length=12, description="province/nation")] = None,
                          dry_run: Annotated[bool, Form()] = False):
    """A statistics bureau's sheet (指标为行、月份为列，绝对值和增速): all figures or none, every problem by
    row and column in `details`."""
    readings.require_tracker(user)
    data = await file.read(UPLOAD_LIMIT + 1)
    if len(data) > UPLOAD_LIMIT:
        raise Rejected("文件超过 5兆字节，请拆分后再导入", field="file")
    report = readings.import_sheet(session=session, actor=user, data=data, filename=views.upload_name(file),
                                   year=year, region_id=region_id, level=level or None, dry_run=dry_run)
    return ImportResult(**{k: getattr(report, k) for k in ImportResult.model_fields})


@router.get("/benchmarks", response_model=list[BenchmarkRead], responses=ERRORS)
def list_benchmarks(session: SessionDep, _scope: ApiScope, indicator: views.Short = None):
    return service.list_benchmarks(session=session, indicator=indicator)


@router.post("/benchmarks", response_model=BenchmarkRead, status_code=201, responses=ERRORS)
def record_benchmark(data: BenchmarkWrite, session: SessionDep, user: ApiUser):
    """Enter the provincial or national figure of an indicator for a period (跑赢 is judged against it)."""
    figure = readings.Figure(data.indicator, data.period, data.value, data.kind, data.basis, data.unit)
    return readings.record_benchmark(session=session, actor=user, figure=figure, level=data.level)


@router.get("/indicators/unknown", responses=ERRORS)
def unknown_indicators(session: SessionDep, _user: ApiUser) -> list[dict]:
    """Indicators as written that neither the catalogue nor a mapping knows, with how often they occur."""
    return service.unknown_indicators(session)


@router.post("/indicators/mappings", status_code=201, responses=ERRORS)
def map_indicator(data: IndicatorMap, session: SessionDep, user: ApiUser) -> dict:
    mapping = service.map_indicator(session=session, actor=user, written=data.written, indicator=data.indicator)
    return {"id": mapping.id, "written": mapping.written, "indicator": mapping.indicator}
