"""JSON API of the task decomposition: /api/v1/tasks and the keyword → lead-unit table."""

from fastapi import APIRouter
from fastapi.responses import Response

from zhenxing.documents.api import xlsx_attachment
from zhenxing.documents.schemas import KeywordRead, KeywordWrite, TaskRead, TaskUpdate
from zhenxing.tasks import service
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep

router = APIRouter(tags=["tasks"])


def _filters(year, lead_unit_id, status, document_id, q) -> service.TaskFilters:
    return service.TaskFilters(year=year, lead_unit_id=lead_unit_id, status=status, document_id=document_id, q=q)


@router.get("/tasks", response_model=list[TaskRead])
def list_tasks(session: SessionDep, scope: ApiScope, year: int | None = None, lead_unit_id: int | None = None,
               status: str | None = None, document_id: int | None = None, q: str | None = None):
    filters = _filters(year, lead_unit_id, status, document_id, q)
    return service.list_tasks(session=session, scope=scope, filters=filters)


@router.get("/tasks/export.xlsx", response_class=Response)
def export_tasks(session: SessionDep, scope: ApiScope, year: int | None = None, lead_unit_id: int | None = None,
                 status: str | None = None, document_id: int | None = None, q: str | None = None) -> Response:
    data = service.export_tasks(session=session, scope=scope,
                                filters=_filters(year, lead_unit_id, status, document_id, q))
    return xlsx_attachment(data, "任务分解表.xlsx")


@router.get("/keyword-units", response_model=list[KeywordRead])
def list_keywords(session: SessionDep, _user: ApiUser):
    return service.list_keywords(session)


@router.put("/keyword-units", response_model=KeywordRead)
def set_keyword(data: KeywordWrite, session: SessionDep, user: ApiUser):
    return service.set_keyword(session=session, actor=user, keyword=data.keyword, unit_name=data.unit_name)


@router.delete("/keyword-units/{keyword_id}", status_code=204, response_class=Response)
def delete_keyword(keyword_id: int, session: SessionDep, user: ApiUser) -> Response:
    service.delete_keyword(session=session, actor=user, keyword_id=keyword_id)
    return Response(status_code=204)


@router.patch("/tasks/{task_id}", response_model=TaskRead)
def update_task(task_id: int, data: TaskUpdate, session: SessionDep, user: ApiUser):
    return service.update_task(session=session, actor=user, task_id=task_id,
                               changes=data.model_dump(exclude_unset=True))
