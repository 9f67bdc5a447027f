"""JSON API of supervised tasks: /api/v1/tasks (with derived state), progress reports, 销号, evidence files,
and the keyword → lead-unit table."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Query, UploadFile
from fastapi.responses import Response

from zhenxing.documents.api import xlsx_attachment
from zhenxing.errors import Rejected
from zhenxing.supervision import files as evidence
from zhenxing.supervision import progress
from zhenxing.supervision.states import STATES
from zhenxing.tasks import service, views
from zhenxing.tasks.schemas import (
    ClosureDecision,
    ClosureRead,
    KeywordRead,
    KeywordWrite,
    ReportRead,
    TaskRead,
    TaskUpdate,
    TaskWrite,
)
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.downloads import attachment
from zhenxing.web.errors_doc import ERRORS

router = APIRouter(tags=["tasks"])
TaskId = Annotated[int, Path(ge=1, lt=2**63)]
OptId = Annotated[int | None, Query(ge=1, lt=2**63)]
Year = Annotated[int | None, Query(ge=2000, le=2100)]
Short = Annotated[str | None, Query(max_length=100)]
Uploads = Annotated[list[UploadFile] | None,
                    File(description="佐证材料：PDF、PNG/JPG、.docx、.xlsx，每个不超过10兆字节，最多 5 个")]


def _filters(year, lead_unit_id, document_id, q) -> service.TaskFilters:
    return service.TaskFilters(year=year, lead_unit_id=lead_unit_id, document_id=document_id, q=q)


def _state(state: str | None) -> str | None:
    if state and state not in STATES:
        raise Rejected(f"状态须为：{'、'.join(f'{k}（{v}）' for k, v in STATES.items())}", field="state")
    return state or None


@router.get("/tasks", response_model=list[TaskRead], responses=ERRORS)
def list_tasks(session: SessionDep, scope: ApiScope, year: Year = None, lead_unit_id: OptId = None,
               state: Short = None, document_id: OptId = None, q: Short = None):
    """The tasks the user may read (a unit: its own and those it helps with), late first."""
    rows = service.list_tasks(session=session, scope=scope, filters=_filters(year, lead_unit_id, document_id, q))
    return views.task_models(session, rows, state=_state(state))


@router.post("/tasks", response_model=TaskRead, status_code=201, responses=ERRORS)
def create_task(data: TaskWrite, session: SessionDep, user: ApiUser):
    """A supervised task by hand or from a dispatch meeting's decision (source meeting, source_ref)."""
    values = data.model_dump(exclude={"partner_unit_ids", "milestones"})
    task = service.create_task(session=session, actor=user, values=values, partner_unit_ids=data.partner_unit_ids,
                               milestones=[service.MilestoneData(**m.model_dump()) for m in data.milestones])
    return views.task_models(session, [task])[0]


@router.get("/tasks/export.xlsx", response_class=Response, responses=ERRORS)
def export_tasks(session: SessionDep, scope: ApiScope, year: Year = None, lead_unit_id: OptId = None,
                 document_id: OptId = None, q: Short = None) -> Response:
    data = service.export_tasks(session=session, scope=scope, filters=_filters(year, lead_unit_id, document_id, q))
    return xlsx_attachment(data, "任务分解表.xlsx")


@router.get("/tasks/{task_id}", response_model=TaskRead, responses=ERRORS)
def get_task(task_id: TaskId, session: SessionDep, scope: ApiScope):
    return views.task_models(session, [service.get_task(session, task_id, scope)])[0]


@router.patch("/tasks/{task_id}", response_model=TaskRead, responses=ERRORS)
def update_task(task_id: TaskId, data: TaskUpdate, session: SessionDep, user: ApiUser):
    changes = data.model_dump(exclude_unset=True, exclude={"partner_unit_ids", "milestones"})
    milestones = None if data.milestones is None else [service.MilestoneData(**m.model_dump())
                                                        for m in data.milestones]
    task = service.update_task(session=session, actor=user, task_id=task_id, changes=changes,
                               partner_unit_ids=data.partner_unit_ids, milestones=milestones)
    return views.task_models(session, [task])[0]


@router.get("/tasks/{task_id}/reports", response_model=list[ReportRead], responses=ERRORS)
def list_reports(task_id: TaskId, session: SessionDep, scope: ApiScope):
    return progress.reports_of(session, service.get_task(session, task_id, scope))


async def _read(files: list[UploadFile] | None) -> list[tuple[str, bytes]]:
    found = []
    for upload in (files or [])[:evidence.MAX_FILES + 1]:
        data = await upload.read(evidence.MAX_FILE_BYTES + 1)
        found.append((upload.filename or "", data))
    if files and len(files) > evidence.MAX_FILES:
        raise Rejected(f"一次最多上传 {evidence.MAX_FILES} 个文件", field="files")
    return found


@router.post("/tasks/{task_id}/reports", response_model=ReportRead, status_code=201, responses=ERRORS)
async def file_report(task_id: TaskId, session: SessionDep, user: ApiUser, scope: ApiScope,
                      period: Annotated[str, Form(pattern=r"^\d{4}-\d{2}$", description="期间 YYYY-MM")],
                      progress_text: Annotated[str, Form(alias="progress", min_length=1, max_length=2000,
                                                         description="进展情况")],
                      percent: Annotated[int | None, Form(ge=0, le=100, description="完成进度 %")] = None,
                      next_steps: Annotated[str, Form(max_length=2000, description="下一步计划")] = "",
                      milestones_done: Annotated[list[int] | None, Form(description="本期完成的节点 id")] = None,
                      files: Uploads = None):
    """The month's progress of a task: by its lead unit, or a partner's part. The same period again
    corrects the report."""
    data = progress.ReportData(period, progress_text, percent, next_steps,
                               tuple(i for i in milestones_done or () if 0 < i < 2**63))
    return progress.file_report(session=session, actor=user, scope=scope, task_id=task_id, data=data,
                                uploads=await _read(files))


@router.get("/tasks/{task_id}/closures", response_model=list[ClosureRead], responses=ERRORS)
def list_closures(task_id: TaskId, session: SessionDep, scope: ApiScope):
    return progress.closures_of(session, service.get_task(session, task_id, scope))


@router.post("/tasks/{task_id}/closure", response_model=ClosureRead, status_code=201, responses=ERRORS)
async def request_closure(task_id: TaskId, session: SessionDep, user: ApiUser, scope: ApiScope,
                          note: Annotated[str, Form(min_length=1, max_length=2000, description="完成情况说明")],
                          files: Uploads = None):
    """The lead unit asks for 销号, with evidence (at least one file)."""
    return progress.request_closure(session=session, actor=user, scope=scope, task_id=task_id, note=note,
                                    uploads=await _read(files))


@router.post("/tasks/{task_id}/closure/decision", response_model=ClosureRead, responses=ERRORS)
def decide_closure(task_id: TaskId, data: ClosureDecision, session: SessionDep, user: ApiUser):
    """The supervision office confirms the 销号, or refuses it with a reason (the task goes back)."""
    return progress.decide_closure(session=session, actor=user, task_id=task_id, confirm=data.confirm,
                                   reason=data.reason)


@router.get("/task-files/{file_id}", response_class=Response, responses=ERRORS)
def download_file(file_id: TaskId, session: SessionDep, scope: ApiScope) -> Response:
    row = progress.get_file(session, scope, file_id)
    return Response(row.data, media_type=row.content_type,
                    headers=attachment(row.filename, evidence.ascii_name(row.filename)))


@router.get("/keyword-units", response_model=list[KeywordRead], responses=ERRORS)
def list_keywords(session: SessionDep, _user: ApiUser):
    return service.list_keywords(session)


@router.put("/keyword-units", response_model=KeywordRead, responses=ERRORS)
def set_keyword(data: KeywordWrite, session: SessionDep, user: ApiUser):
    return service.set_keyword(session=session, actor=user, keyword=data.keyword, unit_name=data.unit_name)


@router.delete("/keyword-units/{keyword_id}", status_code=204, response_class=Response, responses=ERRORS)
def delete_keyword(keyword_id: TaskId, session: SessionDep, user: ApiUser) -> Response:
    service.delete_keyword(session=session, actor=user, keyword_id=keyword_id)
    return Response(status_code=204)
