"""JSON API of the target ledger: /api/v1/targets, /api/v1/readings, /api/v1/indicators."""

from fastapi import APIRouter
from fastapi.responses import Response

from zhenxing.documents.api import xlsx_attachment
from zhenxing.documents.schemas import IndicatorMap, ReadingRead, TargetRead, TargetUpdate
from zhenxing.targets import service
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep

router = APIRouter(tags=["targets"])


def _filters(year, lead_unit_id, status, document_id, q) -> service.TargetFilters:
    return service.TargetFilters(year=year, lead_unit_id=lead_unit_id, status=status, document_id=document_id, q=q)


@router.get("/targets", response_model=list[TargetRead])
def list_targets(session: SessionDep, scope: ApiScope, year: int | None = None, lead_unit_id: int | None = None,
                 status: str | None = None, document_id: int | None = None, q: str | None = None):
    return service.list_targets(session=session, scope=scope,
                                filters=_filters(year, lead_unit_id, status, document_id, q))


@router.get("/targets/export.xlsx", response_class=Response)
def export_targets(session: SessionDep, scope: ApiScope, year: int | None = None, lead_unit_id: int | None = None,
                   status: str | None = None, document_id: int | None = None, q: str | None = None) -> Response:
    data = service.export_targets(session=session, scope=scope,
                                  filters=_filters(year, lead_unit_id, status, document_id, q))
    return xlsx_attachment(data, "目标台账.xlsx")


@router.get("/readings", response_model=list[ReadingRead])
def list_readings(session: SessionDep, scope: ApiScope, period: str | None = None):
    return service.list_readings(session=session, scope=scope, period=period)


@router.get("/indicators/unknown")
def unknown_indicators(session: SessionDep, _user: ApiUser) -> list[dict]:
    """Indicators as written that neither the catalogue nor a mapping knows, with how often they occur."""
    return service.unknown_indicators(session)


@router.post("/indicators/mappings", status_code=201)
def map_indicator(data: IndicatorMap, session: SessionDep, user: ApiUser) -> dict:
    mapping = service.map_indicator(session=session, actor=user, written=data.written, indicator=data.indicator)
    return {"id": mapping.id, "written": mapping.written, "indicator": mapping.indicator}


@router.patch("/targets/{target_id}", response_model=TargetRead)
def update_target(target_id: int, data: TargetUpdate, session: SessionDep, user: ApiUser):
    return service.update_target(session=session, actor=user, target_id=target_id,
                                 changes=data.model_dump(exclude_unset=True))
