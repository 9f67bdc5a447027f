"""Pages of the project ledger."""

from fastapi import APIRouter, Request

from zhenxing.projects import service
from zhenxing.web.deps import PageScope, SessionDep
from zhenxing.web.templating import render

router = APIRouter()


@router.get("/projects")
def project_list(request: Request, session: SessionDep, scope: PageScope):
    listing = service.list_projects(session=session, scope=scope, filters=service.ProjectFilters())
    return render(request, "projects/list.html", {"listing": listing})
