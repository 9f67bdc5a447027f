"""The audit trail over the API: GET /api/v1/audit (the office, leaders and admins)."""

from typing import Annotated

from fastapi import APIRouter, Query

from zhenxing import audit
from zhenxing.errors import Forbidden
from zhenxing.projects.schemas import AuditRead
from zhenxing.web.deps import ApiUser, SessionDep
from zhenxing.web.params import Key

router = APIRouter(tags=["audit"])


@router.get("/audit", response_model=list[AuditRead])
def audit_trail(
    session: SessionDep,
    user: ApiUser,
    entity: Key | None = None,
    entity_id: int | None = None,
    action: Key | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    if user.role not in {"admin", "office", "leader"}:
        raise Forbidden("只有管理员、项目办和市领导可以查看全部变更记录")
    return audit.list_events(session, entity=entity, entity_id=entity_id, action=action, limit=limit,
                             offset=offset)


@router.get("/me")
def me(user: ApiUser) -> dict:
    return {"id": user.id, "name": user.name, "role": user.role}
