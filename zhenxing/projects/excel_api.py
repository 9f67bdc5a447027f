"""Excel in and out of the ledger over the API: template, export, import."""

from collections.abc import Callable
from tempfile import SpooledTemporaryFile
from typing import IO, Annotated

from fastapi import APIRouter, Depends, File, Query, UploadFile
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from zhenxing.auth.policy import Scope
from zhenxing.projects import importer
from zhenxing.projects.service import ProjectFilters
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep
from zhenxing.web.downloads import XLSX, attachment
from zhenxing.web.params import Key
from zhenxing.web.reads import ApiReadSession

router = APIRouter(prefix="/projects", tags=["projects"])
SPOOL = 8 * 1024 * 1024  # bytes kept in memory before the workbook spills to a temporary file


def xlsx_response(write: Callable[[IO[bytes]], object], filename: str) -> StreamingResponse:
    """Write a workbook to a spool, then stream it back in chunks as an attachment with a Chinese name."""
    spool = SpooledTemporaryFile(max_size=SPOOL)  # noqa: SIM115 - closed by the streaming generator
    try:
        write(spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)

    def chunks():
        with spool:
            while block := spool.read(64 * 1024):
                yield block

    return StreamingResponse(chunks(), media_type=XLSX, headers=attachment(filename, "ledger.xlsx"))


def filters_from_query(
    region_id: int | None = None,
    stage: Key | None = None,
    cluster: Annotated[str | None, Query(max_length=60)] = None,  # as long as the column
    track: Key | None = None,
    major: Annotated[bool | None, Query(description="亿元以上")] = None,
    sponsor_id: int | None = None,
    steward_id: int | None = None,
    lead_unit_id: int | None = None,
    status: Key | None = None,
    q: Annotated[str | None, Query(max_length=200, description="按项目名称、编号、投资主体搜索")] = None,
) -> ProjectFilters:
    """The list's filters, read from the query string (shared by the API and the page export)."""
    return ProjectFilters(region_id=region_id, stage=stage, cluster=cluster, track=track, major=major,
                          sponsor_id=sponsor_id, steward_id=steward_id, lead_unit_id=lead_unit_id,
                          status=status, q=q)


Filters = Annotated[ProjectFilters, Depends(filters_from_query)]


def export_response(session: Session, scope: Scope, filters: ProjectFilters) -> StreamingResponse:
    return xlsx_response(
        lambda target: importer.export_ledger(session=session, scope=scope, filters=filters, target=target),
        "重点项目台账.xlsx",
    )


@router.get("/template.xlsx", response_class=StreamingResponse,
            responses={200: {"content": {XLSX: {}}, "description": "空白项目台账模板"}})
def template(session: SessionDep, _user: ApiUser) -> StreamingResponse:
    return xlsx_response(lambda target: importer.write_template(session=session, target=target),
                         "重点项目台账模板.xlsx")


@router.get("/export.xlsx", response_class=StreamingResponse,
            responses={200: {"content": {XLSX: {}}, "description": "按筛选条件导出的项目台账"}})
def export(reads: ApiReadSession, scope: ApiScope, filters: Filters) -> StreamingResponse:
    return export_response(reads, scope, filters)


@router.post("/import")
def import_ledger(
    session: SessionDep,
    user: ApiUser,
    scope: ApiScope,
    file: Annotated[UploadFile, File(description="项目台账 .xlsx")],
    dry_run: Annotated[bool, Query(description="只检查、预览，不写入")] = False,
    create_people: Annotated[bool, Query(description="文件中系统没有的包保领导、项目管家作为新人员添加"
                                                     "（否则列为错误，并给出相近的已有人员）")] = False,
) -> dict:
    """All rows or none: any problem → 422 with every problem as {row, column, message}."""
    report = importer.import_ledger(session=session, actor=user, scope=scope, data=file.file,
                                    filename=file.filename or "upload.xlsx", dry_run=dry_run,
                                    create_people=create_people)
    return report.as_dict()
