"""Pages for Excel import/export of the ledger: /projects/import and /projects/export.xlsx."""

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import StreamingResponse

from zhenxing.auth.models import User
from zhenxing.auth.policy import can_manage
from zhenxing.errors import Forbidden, Rejected
from zhenxing.projects import importer
from zhenxing.projects.excel_api import Filters, export_response
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.reads import PageReadSession
from zhenxing.web.templating import render

router = APIRouter()


def _only_the_office(user: User) -> None:
    if not can_manage(user.role):
        raise Forbidden("只有项目办或管理员可以导入项目台账")


@router.get("/projects/import")
def import_form(request: Request, user: PageUser):
    _only_the_office(user)
    return render(request, "projects/import.html", {"report": None, "errors": [], "dry_run": True})


@router.post("/projects/import")
def import_upload(
    request: Request,
    session: SessionDep,
    user: PageUser,
    scope: PageScope,
    file: Annotated[UploadFile | None, File()] = None,
    dry_run: Annotated[bool, Form()] = False,
    create_people: Annotated[bool, Form()] = False,
):
    _only_the_office(user)
    context: dict = {"report": None, "errors": [], "message": None, "dry_run": dry_run,
                     "create_people": create_people}
    if file is None or not file.filename:
        context["message"] = "请选择要导入的项目台账文件（.xlsx）"
        return render(request, "projects/import.html", context, status_code=422)
    try:
        context["report"] = importer.import_ledger(session=session, actor=user, scope=scope, data=file.file,
                                                   filename=file.filename, dry_run=dry_run,
                                                   create_people=create_people)
    except Rejected as error:
        session.rollback()
        context.update(message=error.message, errors=error.details)
        return render(request, "projects/import.html", context, status_code=422)
    return render(request, "projects/import.html", context)


@router.get("/projects/export.xlsx")
def export(reads: PageReadSession, scope: PageScope, filters: Filters) -> StreamingResponse:
    """The list's export for every logged-in user: the same filters, the user's own scope."""
    return export_response(reads, scope, filters)
