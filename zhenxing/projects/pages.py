"""Pages of the project ledger: the list, a project's page, the stage change, the create and edit forms.

Thin: read the request, call zhenxing.projects.service, render. Form errors are shown beside their field.
"""

from collections.abc import Callable, Mapping
from datetime import date
from math import ceil
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_create, can_edit, can_manage, can_rewind_stage
from zhenxing.errors import Conflict, Forbidden, Rejected
from zhenxing.org import service as org
from zhenxing.projects import forms, service
from zhenxing.projects.charts import stage_investment_option
from zhenxing.projects.models import Project
from zhenxing.projects.schemas import ProjectCreate, ProjectUpdate, TransitionRequest
from zhenxing.projects.stages import STAGE_LABELS, STAGES, STATUSES, TRACKS
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import saved
from zhenxing.web.forms import carried, read_form
from zhenxing.web.reads import PageReadSession
from zhenxing.web.templating import render

router = APIRouter()

FILTER_KEYS = ("q", "region_id", "stage", "cluster", "track", "major", "sponsor_id", "steward_id",
               "lead_unit_id", "status")
SORT_CHOICES = {
    "code": "按项目编号", "-total_investment": "总投资从高到低", "total_investment": "总投资从低到高",
    "-completed_investment": "完成投资从高到低", "stage": "按阶段", "-updated_at": "最近更新", "name": "按名称",
}


async def _form(request: Request) -> dict[str, Any]:
    return dict(await read_form(request))


FormData = Annotated[dict[str, Any], Depends(_form)]


def _choices(session: Session) -> dict[str, Any]:
    """Everything the selects of the list filters and the forms offer."""
    return {
        "regions": forms.region_choices(org.list_regions(session)),
        "units": [(u.id, u.name) for u in org.list_units(session)],
        "people": [(p.id, p.label) for p in org.list_people(session)],
        "clusters": service.list_clusters(session),
        "stages": STAGE_LABELS, "tracks": TRACKS, "statuses": STATUSES, "labels": forms.FIELD_LABELS,
    }


# ---- the list ---------------------------------------------------------------------------------------

def _number(params: Mapping[str, str], key: str) -> int | None:
    value = (params.get(key) or "").strip()
    return int(value) if value.isdigit() else None


def parse_filters(params: Mapping[str, str]) -> service.ProjectFilters:
    def text(key: str) -> str | None:
        return (params.get(key) or "").strip() or None

    return service.ProjectFilters(
        region_id=_number(params, "region_id"), stage=text("stage"), cluster=text("cluster"),
        track=text("track"), major={"1": True, "0": False}.get(params.get("major") or ""),
        sponsor_id=_number(params, "sponsor_id"), steward_id=_number(params, "steward_id"),
        lead_unit_id=_number(params, "lead_unit_id"), status=text("status"), q=text("q"),
    )


def _list_context(request: Request, session: Session, scope: Scope, user: User) -> dict[str, Any]:
    params = request.query_params
    sort = params.get("sort") or "code"
    sort = sort if sort in SORT_CHOICES else "code"
    listing = service.list_projects(
        session=session, scope=scope, filters=parse_filters(params), sort=sort,
        page=_number(params, "page") or 1, per_page=request.app.state.settings.page_size,
    )
    pages = max(1, ceil(listing.total / listing.per_page))
    chosen = {key: (params.get(key) or "").strip() for key in FILTER_KEYS}
    given = {key: value for key, value in chosen.items() if value}
    return {
        "listing": listing, "chosen": chosen, "sort": sort, "sorts": SORT_CHOICES,
        "query": urlencode(given), "page_query": urlencode({**given, "sort": sort}),
        "stage_queries": {stage: urlencode({**given, "stage": stage, "sort": sort}) for stage in STAGES},
        "pages": pages, "page_links": forms.page_links(listing.page, pages),
        "sum_investment": sum(row["total_investment"] for row in listing.by_stage),
        "chart": stage_investment_option(listing.by_stage), "can_create": can_create(user.role),
        **service.role_holders(session),
        "can_import": can_manage(user.role),
        **_choices(session),
    }


@router.get("/projects")
def project_list(request: Request, reads: PageReadSession, user: PageUser, scope: PageScope) -> Response:
    context = _list_context(request, reads, scope, user)
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    response = render(request, "projects/_results.html" if partial else "projects/list.html", context)
    response.headers["Vary"] = "HX-Request"
    return response


# ---- create and edit -------------------------------------------------------------------------------

def _attempt(session: Session, user: User, action: Callable[[], Project]) -> tuple[Project | None, dict]:
    """Run a change; on a field error roll it back and return the messages by field instead."""
    try:
        return action(), {}
    except ValidationError as error:
        errors = forms.field_errors(error)
    except (Rejected, Conflict) as error:
        errors = {error.field or "_": error.message}
    except Forbidden as error:
        if error.field not in forms.CREATE_FIELDS:
            raise
        session.rollback()
        audit.record(session, actor=user, action="denied", entity="project", summary=error.message)
        return None, {error.field: error.message}
    session.rollback()
    return None, errors


def _form_page(request: Request, session: Session, *, values: dict, errors: dict,
               project: Project | None = None) -> Response:
    context = {"values": values, "errors": errors, "project": project, **_choices(session)}
    return render(request, "projects/form.html", context, status_code=422 if errors else 200)


@router.get("/projects/new")
def new_project(request: Request, session: SessionDep, user: PageUser) -> Response:
    if not can_create(user.role):
        raise Forbidden("当前角色不能新建项目")
    return _form_page(request, session, values={"stage": "planned", "status": "active"}, errors={})


@router.post("/projects")
def create_project(request: Request, session: SessionDep, user: PageUser, scope: PageScope,
                   form: FormData) -> Response:
    values = forms.form_values(form, forms.CREATE_FIELDS)
    project, errors = _attempt(session, user, lambda: service.create_project(
        session=session, actor=user, scope=scope, data=ProjectCreate.model_validate(forms.payload(values))))
    if project is None:
        return _form_page(request, session, values=values, errors=errors)
    return saved(request, f"/projects/{project.id}", f"已新建项目 {project.code} {project.name}。")


@router.get("/projects/{project_id}/edit")
def edit_project(project_id: int, request: Request, session: SessionDep, user: PageUser,
                 scope: PageScope) -> Response:
    project = service.get_project(session=session, scope=scope, project_id=project_id)
    if not can_edit(user.role):
        raise Forbidden("当前角色只能查看项目")
    return _form_page(request, session, values=forms.project_values(project), errors={}, project=project)


@router.post("/projects/{project_id}/edit")
def update_project(project_id: int, request: Request, session: SessionDep, user: PageUser,
                   scope: PageScope, form: FormData) -> Response:
    values = carried(form, forms.EDIT_FIELDS)  # only what the post carries: the rest stays as it is
    project, errors = _attempt(session, user, lambda: service.update_project(
        session=session, actor=user, scope=scope, project_id=project_id,
        data=ProjectUpdate.model_validate(forms.payload(values))))
    if project is None:
        current = service.get_project(session=session, scope=scope, project_id=project_id)
        return _form_page(request, session, values={**forms.project_values(current), **values},
                          errors=errors, project=current)
    return saved(request, f"/projects/{project.id}", "已保存项目修改。")


# ---- a project's page and its stage changes --------------------------------------------------------

def _stage_targets(project: Project, user: User) -> list[tuple[str, str]]:
    """The stages this user may move the project to: forward ones, and back ones for the office."""
    here = STAGES.index(project.stage)
    return [(s, STAGE_LABELS[s]) for i, s in enumerate(STAGES)
            if i > here or (i < here and can_rewind_stage(user.role))]


def _detail_context(session: Session, scope: Scope, user: User, project: Project) -> dict[str, Any]:
    events = service.history(session=session, scope=scope, project_id=project.id)
    return {
        "project": project, "steps": forms.timeline(project, date.today()),
        "updated_at": forms.local_time(project.updated_at) if project.updated_at else None,
        "history": forms.history_rows(events), "can_edit": can_edit(user.role),
        "targets": _stage_targets(project, user), "labels": forms.FIELD_LABELS,
        "stage_form": {"date": date.today().isoformat(), "to": _next_stage(project)}, "stage_errors": {},
    }


def _next_stage(project: Project) -> str | None:
    """The form proposes the usual move: one stage forward."""
    here = STAGES.index(project.stage)
    return STAGES[here + 1] if here + 1 < len(STAGES) else None


@router.get("/projects/{project_id}")
def project_page(project_id: int, request: Request, session: SessionDep, user: PageUser,
                 scope: PageScope) -> Response:
    project = service.get_project(session=session, scope=scope, project_id=project_id)
    return render(request, "projects/detail.html", _detail_context(session, scope, user, project))


@router.post("/projects/{project_id}/stage")
def change_stage(project_id: int, request: Request, session: SessionDep, user: PageUser,
                 scope: PageScope, form: FormData) -> Response:
    values = forms.form_values(form, ("to", "date", "reason"))

    def move() -> Project:
        data = TransitionRequest.model_validate({**values, "reason": values["reason"] or None})
        return service.transition(session=session, actor=user, scope=scope, project_id=project_id,
                                  to=data.to, on=data.date, reason=data.reason, today=date.today())

    project, errors = _attempt(session, user, move)
    if project is not None:
        return saved(request, f"/projects/{project_id}#timeline", f"已登记阶段变更：{project.stage_label}。")
    current = service.get_project(session=session, scope=scope, project_id=project_id)
    context = {**_detail_context(session, scope, user, current), "stage_form": values, "stage_errors": errors}
    return render(request, "projects/detail.html", context, status_code=422)
