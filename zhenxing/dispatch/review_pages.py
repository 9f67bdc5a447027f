"""Pages of field reviews (拉练 / 观摩): the list and a new tour (office), a tour's page for the phone on site
(score each stop, comment, photos, problems; or a juror's ballot), the ranking of regions and the workbook."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from zhenxing.auth.policy import can_manage, can_review_on_site
from zhenxing.dispatch import review_export, reviews, settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.problem_rules import PROBLEM_CATEGORIES
from zhenxing.dispatch.review_rules import REVIEW_KINDS, REVIEW_STATUSES
from zhenxing.errors import NotFound, Rejected
from zhenxing.outputs.web import document_response
from zhenxing.projects import service as projects
from zhenxing.projects.models import Project
from zhenxing.web.deps import PageScope, PageUser, SessionDep
from zhenxing.web.flash import flash, saved
from zhenxing.web.forms import form_limits, read_form
from zhenxing.web.templating import render

router = APIRouter()
MAX_UPLOAD = 20 * 1024 * 1024


def _ids(text: str) -> list[int]:
    parts = [p for p in text.replace("，", ",").replace(" ", ",").split(",") if p.strip()]
    if len(parts) > 60:
        raise Rejected("一次拉练最多 60 个项目", field="project_ids")
    if not all(p.strip().isdigit() and len(p.strip()) < 10 for p in parts):
        raise Rejected("项目须从列表中选择", field="project_ids")
    return [int(p) for p in parts]


def _choices(session, scope) -> list[Project]:
    query = projects.select_projects(session, scope=scope, filters=projects.ProjectFilters()).where(
        Project.status != "cancelled").order_by(Project.region_id, Project.total_investment.desc()).limit(300)
    return list(session.scalars(query).unique())


def _list_page(request: Request, session, user, scope, values: dict, error: str | None = None, status: int = 200):
    office = can_manage(user.role)
    return render(request, "dispatch/reviews.html", {
        "reviews": reviews.list_reviews(session), "kinds": REVIEW_KINDS, "statuses": REVIEW_STATUSES,
        "office": office, "choices": _choices(session, scope) if office else [], "values": values, "error": error,
        "criteria": settings.review_rules(session).criteria}, status_code=status)


@router.get("/field-reviews")
def review_list(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    return _list_page(request, session, user, scope, {"held_on": local_date().isoformat(), "kind": "score"})


@router.post("/field-reviews")
@form_limits(participants=("参加人员", 1000))
async def create(request: Request, session: SessionDep, user: PageUser, scope: PageScope) -> Response:
    form = await read_form(request)
    values = {key: str(form.get(key, "")) for key in ("title", "held_on", "kind", "leaders", "participants")}
    chosen = [str(v) for v in form.getlist("project_ids")][:61]
    values["project_ids"] = chosen
    try:
        try:
            held_on = date.fromisoformat(values["held_on"])
        except ValueError:
            raise Rejected("请填写拉练日期", field="held_on") from None
        review = reviews.create_review(session, actor=user, title=values["title"], held_on=held_on,
                                       kind=values["kind"] or "score", leaders=values["leaders"],
                                       participants=values["participants"], project_ids=_ids(",".join(chosen)))
    except (Rejected, NotFound) as error:
        session.rollback()
        return _list_page(request, session, user, scope, values, error.message, 422)
    return saved(request, f"/field-reviews/{review.id}", "已安排拉练，可在现场逐项评分")


def _detail(request: Request, session, user, review_id: int, errors: dict | None = None, status: int = 200):
    data = reviews.view(session, review_id)
    return render(request, "dispatch/review.html", {
        "v": data, "r": data.review, "office": can_manage(user.role), "reviewer": can_review_on_site(user.role),
        "categories": PROBLEM_CATEGORIES, "errors": errors or {}}, status_code=status)


@router.get("/field-reviews/{review_id}")
def detail(review_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    return _detail(request, session, user, review_id)


@router.post("/field-reviews/{review_id}/stops/{stop_id}/score")
@form_limits(comment=("评价意见", 1000))
async def score(review_id: int, stop_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    form = await read_form(request)
    review = reviews.get_review(session, review_id)
    scores = {c["key"]: str(form.get(f"score_{c['key']}", ""))[:10] for c in review.criteria}
    try:
        stop = reviews.score_stop(session, actor=user, review_id=review_id, stop_id=stop_id, scores=scores,
                                  comment=str(form.get("comment", "")))
    except Rejected as error:
        session.rollback()
        return _detail(request, session, user, review_id, {stop_id: error.message}, 422)
    message = f"已评分：{stop.project.name} {stop.total:g} 分"
    return saved(request, f"/field-reviews/{review_id}#stop-{stop_id}", message)


@router.post("/field-reviews/{review_id}/stops/{stop_id}/problem")
def problem(review_id: int, stop_id: int, request: Request, session: SessionDep, user: PageUser, scope: PageScope,
            description: Annotated[str, Form(max_length=500)] = "",
            category: Annotated[str, Form(max_length=12)] = "") -> Response:
    try:
        reviews.raise_problem(session, actor=user, scope=scope, review_id=review_id, stop_id=stop_id,
                              description=description, category=category)
    except Rejected as error:
        session.rollback()
        return _detail(request, session, user, review_id, {stop_id: error.message}, 422)
    return saved(request, f"/field-reviews/{review_id}#stop-{stop_id}", "已登记现场问题，列入项目问题清单")


@router.post("/field-reviews/{review_id}/stops/{stop_id}/photo")
def photo(review_id: int, stop_id: int, request: Request, session: SessionDep, user: PageUser,
          file: Annotated[UploadFile | None, File()] = None) -> Response:
    data = file.file.read(MAX_UPLOAD + 1) if file is not None else b""
    try:
        if not data:
            raise Rejected("请选择照片", field="photo")
        if len(data) > MAX_UPLOAD:
            raise Rejected("照片过大", field="photo")
        reviews.add_photo(session, actor=user, review_id=review_id, stop_id=stop_id,
                          filename=(file.filename if file else "") or "照片", data=data)
    except Rejected as error:
        session.rollback()
        return _detail(request, session, user, review_id, {stop_id: error.message}, 422)
    return saved(request, f"/field-reviews/{review_id}#stop-{stop_id}", "已上传照片")


@router.get("/field-reviews/photos/{review_photo_id}")
def photo_file(review_photo_id: int, session: SessionDep, user: PageUser) -> Response:
    row = reviews.get_photo(session, review_photo_id)
    return Response(row.data, media_type=row.content_type,
                    headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"})


@router.post("/field-reviews/{review_id}/ballot")
async def ballot(review_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    form = await read_form(request)
    review = reviews.get_review(session, review_id)
    ranks = []
    for stop in review.stops:
        raw = str(form.get(f"rank_{stop.project_id}", "")).strip()[:3]
        if raw.isdigit() and int(raw) > 0:
            ranks.append((int(raw), stop.project_id))
    ranks.sort()
    try:
        if len({rank for rank, _ in ranks}) != len(ranks):
            raise Rejected("名次不能重复", field="ranking")
        reviews.cast_vote(session, actor=user, review_id=review_id, ranking=[pid for _, pid in ranks])
    except Rejected as error:
        session.rollback()
        return _detail(request, session, user, review_id, {"ballot": error.message}, 422)
    return saved(request, f"/field-reviews/{review_id}", "已提交投票")


@router.post("/field-reviews/{review_id}/finish")
def finish(review_id: int, request: Request, session: SessionDep, user: PageUser) -> Response:
    try:
        reviews.finish_review(session, actor=user, review_id=review_id)
    except Rejected as error:
        session.rollback()
        flash(request, f"未结束：{error.message}")
        return saved(request, f"/field-reviews/{review_id}", "请先完成评分")
    return saved(request, f"/field-reviews/{review_id}", "拉练已结束，成绩计入赛马")


@router.get("/field-reviews/{review_id}/summary.xlsx")
def summary(review_id: int, session: SessionDep, user: PageUser) -> Response:
    data = reviews.view(session, review_id)
    return document_response(review_export.review_xlsx(data), f"{data.review.title}成绩汇总.xlsx")
