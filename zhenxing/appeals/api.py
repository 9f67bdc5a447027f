"""JSON API of the appeals loop: /api/v1/appeals."""

from typing import Annotated

from fastapi import APIRouter, Query, Request

from zhenxing.appeals import catalogue, queries, service, stats, tracking
from zhenxing.appeals import settings as loop
from zhenxing.appeals.intake import Draft
from zhenxing.appeals.schemas import (
    AppealAck,
    AppealCreate,
    AppealPage,
    AppealRead,
    CategoryRead,
    EventRequest,
    RatingRequest,
    TimelineEntry,
    TrackRequest,
)
from zhenxing.audit import now_utc
from zhenxing.auth.policy import can_file_appeal, is_centre
from zhenxing.errors import Forbidden
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep

router = APIRouter(prefix="/appeals", tags=["appeals"])
ERRORS = {403: {"description": "越权（中文说明）"}, 404: {"description": "不存在"},
          409: {"description": "当前状态不允许"}, 422: {"description": "输入无效（中文说明，字段名）"}}


def filters_from(queue: str | None, status: str | None, unit_id: int | None, region_id: int | None,
                 category_id: int | None, channel: str | None, month: str | None, campaign_id: int | None,
                 q: str | None) -> queries.Filters:
    return queries.Filters(queue=queue, status=status, unit_id=unit_id, region_id=region_id,
                           category_id=category_id, channel=channel, month=month, campaign_id=campaign_id, q=q)


Id = Annotated[int | None, Query(ge=1, lt=2**63)]
Text = Annotated[str | None, Query(max_length=50)]


@router.get("", response_model=AppealPage, responses=ERRORS)
def list_appeals(session: SessionDep, scope: ApiScope, queue: Text = None, status: Text = None,
                 unit_id: Id = None, region_id: Id = None, category_id: Id = None, channel: Text = None,
                 month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None, campaign_id: Id = None,
                 q: Text = None, page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                 per_page: Annotated[int, Query(ge=1, le=200)] = 50) -> dict:
    """Lists are masked for everybody: personal data is read on one appeal, and that view is logged."""
    now = now_utc()
    rows, total = queries.list_appeals(
        session=session, scope=scope, now=now, page=page, per_page=per_page,
        filters=filters_from(queue, status, unit_id, region_id, category_id, channel, month, campaign_id, q))
    calendar = loop.calendar(session)
    return {"items": [queries.read(a, masked=True, now=now, calendar=calendar) for a in rows], "total": total,
            "page": page, "per_page": per_page}


@router.post("", response_model=AppealAck, status_code=201, responses=ERRORS)
def create_appeal(data: AppealCreate, request: Request, session: SessionDep, user: ApiUser,
                  scope: ApiScope) -> dict:
    """Take in an appeal (the centre's agents, and a 项目管家 for the firm they serve). Answers once it is
    committed, with its tracking number and any likely duplicates."""
    if not can_file_appeal(user.role):
        raise Forbidden("只有热线中心或项目管家可以登记诉求")
    if user.role == "steward":
        data = data.model_copy(update={"channel": "steward", "requester_kind": "enterprise"})
    draft = Draft(data, filed_by_user_id=user.id, filed_by_person_id=user.person_id, actor_name=user.name)
    taken = request.app.state.intake.submit(draft)
    if taken.error:
        raise taken.error
    appeal = service.get_appeal(session=session, scope=scope, appeal_id=taken.id)
    found = queries.likely_duplicates(session=session, appeal=appeal, now=now_utc())
    return {"id": taken.id, "tracking_no": taken.tracking_no, "status": "received",
            "duplicates": [{"id": a.id, "tracking_no": a.tracking_no, "reasons": list(m.reasons)} for a, m in found]}


@router.get("/categories", response_model=list[CategoryRead])
def categories(session: SessionDep, _user: ApiUser):
    return catalogue.list_categories(session)


@router.get("/suggest", responses=ERRORS)
def suggest(session: SessionDep, _user: ApiUser, text: Annotated[str, Query(min_length=2, max_length=4000)]) -> dict:
    """The category and unit suggested for a text (catalogue keywords, learned from past dispatches)."""
    result, category = queries.suggestion(session=session, text=text)
    return {"category_code": result.category_code, "category_name": category.name if category else None,
            "unit_id": result.unit_id, "words": list(result.words)}


@router.get("/stats", responses=ERRORS)
def statistics(session: SessionDep, scope: ApiScope,
               by: Annotated[str, Query(pattern="^(unit|region|category|channel|month)$")] = "unit",
               start: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
               end: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None) -> dict:
    """Received, 按时签收率, 按期办结率, 解决率, 满意率, 回退率, 重办率, 回访率, 重复件 by one dimension."""
    return stats.table(session=session, scope=scope, by=by, start=start, end=end)


@router.post("/track", responses=ERRORS)
def track(data: TrackRequest, session: SessionDep) -> dict:
    """The requester's view (no login): tracking number and the last four digits of the phone."""
    return tracking.public_view(session=session, tracking_no=data.tracking_no, last4=data.phone_last4)


@router.post("/track/rating", responses=ERRORS)
def rate(data: RatingRequest, session: SessionDep) -> dict:
    tracking.rate(session=session, tracking_no=data.tracking_no, last4=data.phone_last4, level=data.level,
                  comment=data.comment, now=now_utc())
    return tracking.public_view(session=session, tracking_no=data.tracking_no, last4=data.phone_last4)


@router.get("/by-phone", response_model=list[AppealRead], responses=ERRORS)
def by_phone(session: SessionDep, user: ApiUser, phone: Annotated[str, Query(min_length=7, max_length=20)]):
    """The caller's earlier appeals, for the hotline agent (the centre only)."""
    if not is_centre(user.role):
        raise Forbidden("只有热线中心可以按来电号码查询")
    now, calendar = now_utc(), loop.calendar(session)
    return [queries.read(a, masked=False, now=now, calendar=calendar)
            for a in queries.earlier_by_phone(session=session, phone=phone)]


@router.get("/{appeal_id}", response_model=AppealRead, responses=ERRORS)
def get_appeal(appeal_id: int, session: SessionDep, user: ApiUser, scope: ApiScope) -> dict:
    appeal = service.get_appeal(session=session, scope=scope, appeal_id=appeal_id)
    masked = service.view_of(scope, appeal) != "full"
    if not masked:
        service.log_unmasked(session, actor=user, appeal=appeal, where="API")
    return queries.read(appeal, masked=masked, now=now_utc(), calendar=loop.calendar(session))


@router.post("/{appeal_id}/events", response_model=AppealRead, responses=ERRORS)
def make_event(appeal_id: int, data: EventRequest, session: SessionDep, user: ApiUser, scope: ApiScope) -> dict:
    """One step of the loop (dispatch, accept, return, reply, rate, …); refused in Chinese when not allowed."""
    appeal = service.act(session=session, actor=user, scope=scope, appeal_id=appeal_id, request=data,
                         now=now_utc())
    masked = service.view_of(scope, appeal) != "full"
    return queries.read(appeal, masked=masked, now=now_utc(), calendar=loop.calendar(session))


@router.post("/{appeal_id}/plus-one", response_model=AppealRead, responses=ERRORS)
def plus_one(appeal_id: int, session: SessionDep, user: ApiUser, scope: ApiScope) -> dict:
    if not is_centre(user.role):
        raise Forbidden("只有热线中心可以记录“+1”")
    appeal = service.plus_one(session=session, actor=user, appeal_id=appeal_id)
    return queries.read(appeal, masked=True, now=now_utc(), calendar=loop.calendar(session))


@router.get("/{appeal_id}/timeline", response_model=list[TimelineEntry], responses=ERRORS)
def timeline(appeal_id: int, session: SessionDep, scope: ApiScope):
    appeal = service.get_appeal(session=session, scope=scope, appeal_id=appeal_id)
    return [{"at": e.at, "actor": e.actor_label, "summary": e.summary}
            for e in service.timeline(session=session, appeal=appeal)]

