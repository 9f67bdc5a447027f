"""JSON API of the project ledger: /api/v1/projects."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from zhenxing.projects import service
from zhenxing.projects.excel_api import Filters
from zhenxing.projects.schemas import (
    AuditRead,
    ProjectCreate,
    ProjectPage,
    ProjectRead,
    ProjectUpdate,
    TransitionRequest,
)
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.reads import ApiReadSession

router = APIRouter(prefix="/projects", tags=["projects"])


@router.get("", response_model=ProjectPage)
def list_projects(
    reads: ApiReadSession,
    scope: ApiScope,
    filters: Filters,
    sort: Annotated[str, Query(max_length=40, description="排序字段，前加 - 为倒序")] = "code",
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict:
    listing = service.list_projects(session=reads, scope=scope, filters=filters, sort=sort, page=page,
                                    per_page=per_page)
    return listing.__dict__


@router.post("", response_model=ProjectRead, status_code=201)
def create_project(data: ProjectCreate, session: SessionDep, user: ApiUser, scope: ApiScope):
    project = service.create_project(session=session, actor=user, scope=scope, data=data)
    return service.with_names(session, project)


@router.get("/{project_id}", response_model=ProjectRead)
def get_project(project_id: int, session: SessionDep, scope: ApiScope):
    return service.get_project(session=session, scope=scope, project_id=project_id)


@router.patch("/{project_id}", response_model=ProjectRead)
def update_project(project_id: int, data: ProjectUpdate, session: SessionDep, user: ApiUser, scope: ApiScope):
    return service.update_project(session=session, actor=user, scope=scope, project_id=project_id, data=data)


@router.post("/{project_id}/transitions", response_model=ProjectRead)
def transition(project_id: int, data: TransitionRequest, session: SessionDep, user: ApiUser, scope: ApiScope):
    return service.transition(session=session, actor=user, scope=scope, project_id=project_id, to=data.to,
                              on=data.date, reason=data.reason, today=date.today())


@router.get("/{project_id}/history", response_model=list[AuditRead])
def history(project_id: int, session: SessionDep, scope: ApiScope):
    return service.history(session=session, scope=scope, project_id=project_id)
