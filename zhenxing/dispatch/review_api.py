"""JSON API of field reviews (拉练 / 观摩): tours, itinerary, on-site scores, photos, problems, votes, ranking."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Path, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from zhenxing.dispatch import review_export, reviews
from zhenxing.dispatch.api import ERRORS
from zhenxing.dispatch.schemas import ProblemRead
from zhenxing.errors import Rejected
from zhenxing.fields import Choice, Code, Line, Moment, Text
from zhenxing.outputs.web import document_response
from zhenxing.web.deps import ApiScope, ApiUser, SessionDep

router = APIRouter(prefix="/field-reviews", tags=["field reviews"], responses=ERRORS)
Id = Annotated[int, Path(ge=1, lt=2 ** 31)]
MAX_UPLOAD = 20 * 1024 * 1024


class CriterionIO(BaseModel):
    key: Code = Field(max_length=40)
    label: Line = Field(max_length=60)
    max: float


class ReviewCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: Line = Field(min_length=1, max_length=200)
    held_on: date
    kind: Choice = Field("score", max_length=10, pattern="^(score|vote)$", description="score 拉练评分 / vote 观摩投票")
    leaders: Line = Field("", max_length=500)
    participants: Text = Field("", max_length=1000)
    project_ids: list[int] = Field(default_factory=list, max_length=60, description="行程（按先后顺序）")
    criteria: list[CriterionIO] | None = Field(None, max_length=10, description="不填则用项目办设置的默认评分项")


class Itinerary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    project_ids: list[int] = Field(max_length=60)


class StopScore(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scores: dict[Annotated[Code, Field(max_length=40)], float] = Field(max_length=50, description="评分项代码 → 分数")
    comment: Text = Field("", max_length=1000)


class StopProblem(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    description: Text = Field(min_length=1, max_length=500)
    category: Choice = Field("", max_length=12)
    unit_id: int | None = Field(None, ge=1, lt=2 ** 31)
    due_on: date | None = None


class Ballot(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ranking: list[int] = Field(min_length=1, max_length=60, description="项目编号，最好的在前")


class StopRead(BaseModel):
    id: int
    position: int
    project_id: int
    project_name: str
    region: str
    scores: dict[str, Any]
    total: float | None
    comment: str
    scored_by: str
    scored_at: Moment | None
    photo_ids: list[int]
    problems: list[ProblemRead]


class RegionRead(BaseModel):
    region_id: int
    name: str
    projects: int
    mean: float
    rank: int


class ReviewRead(BaseModel):
    id: int
    title: str
    held_on: date
    kind: str
    status: str
    leaders: str
    participants: str
    criteria: list[dict]
    ballots: int
    stops: list[StopRead]
    ranking: list[RegionRead]


class ReviewBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    title: str
    held_on: date
    kind: str
    status: str


def _read(session, review_id: int) -> ReviewRead:
    data = reviews.view(session, review_id)
    review = data.review
    stops = [StopRead(id=s.id, position=s.position, project_id=s.project_id, project_name=s.project.name,
                      region=s.project.region.name, scores=s.scores or {}, total=s.total, comment=s.comment,
                      scored_by=s.scored_by, scored_at=s.scored_at,
                      photo_ids=[pid for pid, _ in data.photos.get(s.id, [])],
                      problems=[ProblemRead.model_validate(p, from_attributes=True)
                                for p in data.problems.get(s.id, [])]) for s in review.stops]
    return ReviewRead(id=review.id, title=review.title, held_on=review.held_on, kind=review.kind,
                      status=review.status, leaders=review.leaders, participants=review.participants,
                      criteria=review.criteria or [], ballots=data.ballots, stops=stops,
                      ranking=[RegionRead(**r.__dict__) for r in data.ranking])


@router.get("", response_model=list[ReviewBrief])
def list_reviews(session: SessionDep, _user: ApiUser):
    return reviews.list_reviews(session)


@router.post("", response_model=ReviewRead, status_code=201)
def create_review(data: ReviewCreate, session: SessionDep, user: ApiUser):
    """Plan a tour (项目办): its itinerary in visiting order and, for a scored tour, its criteria."""
    review = reviews.create_review(session, actor=user, title=data.title, held_on=data.held_on, kind=data.kind,
                                   leaders=data.leaders, participants=data.participants,
                                   project_ids=data.project_ids,
                                   criteria=[c.model_dump() for c in data.criteria] if data.criteria else None)
    return _read(session, review.id)


@router.get("/{review_id}", response_model=ReviewRead)
def get_review(review_id: Id, session: SessionDep, _user: ApiUser):
    return _read(session, review_id)


@router.put("/{review_id}/itinerary", response_model=ReviewRead)
def put_itinerary(review_id: Id, data: Itinerary, session: SessionDep, user: ApiUser):
    reviews.set_itinerary(session, actor=user, review_id=review_id, project_ids=data.project_ids)
    return _read(session, review_id)


@router.put("/{review_id}/stops/{stop_id}/score", response_model=ReviewRead)
def put_score(review_id: Id, stop_id: Id, data: StopScore, session: SessionDep, user: ApiUser):
    """On site: points per criterion (0 to its maximum) and a comment."""
    reviews.score_stop(session, actor=user, review_id=review_id, stop_id=stop_id, scores=data.scores,
                       comment=data.comment)
    return _read(session, review_id)


@router.post("/{review_id}/stops/{stop_id}/problems", response_model=ProblemRead, status_code=201)
def post_problem(review_id: Id, stop_id: Id, data: StopProblem, session: SessionDep, user: ApiUser,
                 scope: ApiScope):
    """A problem seen on site, put on the project's problem list (source 拉练)."""
    return reviews.raise_problem(session, actor=user, scope=scope, review_id=review_id, stop_id=stop_id,
                                 description=data.description, category=data.category, unit_id=data.unit_id,
                                 due_on=data.due_on)


@router.post("/{review_id}/stops/{stop_id}/photos", status_code=201)
def post_photo(review_id: Id, stop_id: Id, session: SessionDep, user: ApiUser,
               photo: Annotated[UploadFile, File(description="JPEG、PNG 或 WebP")]) -> dict:
    data = photo.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise Rejected("照片过大", field="photo")
    row = reviews.add_photo(session, actor=user, review_id=review_id, stop_id=stop_id,
                            filename=photo.filename or "照片", data=data)
    return {"id": row.id, "filename": row.filename, "size": row.size, "content_type": row.content_type}


@router.get("/photos/{review_photo_id}", response_class=Response, responses={200: {"content": {"image/jpeg": {}}}})
def get_photo(review_photo_id: Id, session: SessionDep, _user: ApiUser):
    photo = reviews.get_photo(session, review_photo_id)
    return Response(photo.data, media_type=photo.content_type,
                    headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"})


@router.put("/{review_id}/ballot", response_model=ReviewRead)
def put_ballot(review_id: Id, data: Ballot, session: SessionDep, user: ApiUser):
    """A juror's ranking of the projects seen (观摩), best first; voting again replaces it."""
    reviews.cast_vote(session, actor=user, review_id=review_id, ranking=data.ranking)
    return _read(session, review_id)


@router.post("/{review_id}/finish", response_model=ReviewRead)
def finish(review_id: Id, session: SessionDep, user: ApiUser):
    reviews.finish_review(session, actor=user, review_id=review_id)
    return _read(session, review_id)


@router.get("/{review_id}/summary.xlsx", response_class=Response,
            responses={200: {"content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}}}})
def summary(review_id: Id, session: SessionDep, _user: ApiUser):
    data = reviews.view(session, review_id)
    return document_response(review_export.review_xlsx(data), f"{data.review.title}成绩汇总.xlsx")
