"""我的待办: the page, the navigation badge (loaded after the page, so a slow source never delays it) and the
JSON list for clients."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from zhenxing.todo.service import todo_count, todo_groups
from zhenxing.web.deps import ApiScope, ApiUser, PageScope, PageUser, SessionDep
from zhenxing.web.templating import render

router = APIRouter()
api = APIRouter(prefix="/todo", tags=["待办"])


@router.get("/todo")
def todo_page(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    groups = todo_groups(session, user, scope)
    return render(request, "todo/index.html", {
        "groups": groups, "total": sum(len(group.items) for group in groups),
        "overdue": sum(group.overdue for group in groups), "due_soon": sum(group.due_soon for group in groups)})


@router.get("/todo/badge", response_class=HTMLResponse)
def todo_badge(session: SessionDep, user: PageUser, scope: PageScope) -> HTMLResponse:
    count = todo_count(session, user, scope)
    shown = "99+" if count > 99 else str(count)
    return HTMLResponse(f'<span class="badge" data-testid="todo-count" title="待办 {count} 项">{shown}</span>'
                        if count else '<span data-testid="todo-count" hidden></span>')


class TodoItemRead(BaseModel):
    kind: str
    title: str
    url: str
    due_on: str | None
    level: str
    level_label: str
    detail: str


class TodoGroupRead(BaseModel):
    key: str
    label: str
    failed: bool
    truncated: bool
    items: list[TodoItemRead]


@api.get("", response_model=list[TodoGroupRead], summary="我的待办：按来源分组，逾期在前")
def todo_list(session: SessionDep, user: ApiUser, scope: ApiScope) -> list[TodoGroupRead]:
    return [TodoGroupRead(key=group.key, label=group.label, failed=group.failed, truncated=group.truncated,
                          items=[TodoItemRead(kind=item.kind, title=item.title, url=item.url,
                                              due_on=item.due_on.isoformat() if item.due_on else None,
                                              level=item.level, level_label=item.level_label, detail=item.detail)
                                 for item in group.items])
            for group in todo_groups(session, user, scope)]
