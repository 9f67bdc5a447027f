"""Field reviews (拉练 / 观摩): tours, their itinerary, on-site scores, photos, problems, juror votes, the
ranking of regions, and the summary workbook. A stop's total feeds the league (measure field_review_score).

Everybody signed in reads the tours (their results are announced to every county); the office plans them
(itinerary, criteria) and finishes them; the office and the leaders on the tour score, vote, attach photos
and raise problems, which land on the project's problem list (source 拉练, source_ref the stop).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.appeals.photos import check_photo
from zhenxing.auth.models import User
from zhenxing.auth.policy import Scope, can_manage, can_review_on_site
from zhenxing.dispatch import problems, settings
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.measures import region_subjects
from zhenxing.dispatch.models import FieldReview, FieldReviewPhoto, FieldReviewStop, FieldReviewVote, Problem
from zhenxing.dispatch.problem_rules import PROBLEM_CATEGORIES, guess_category
from zhenxing.dispatch.review_rules import (
    MAX_STOPS,
    REVIEW_KINDS,
    REVIEW_STATUSES,
    RegionScore,
    check_ballot,
    check_criteria,
    eligibility,
    rank_regions,
    score_total,
    vote_scores,
)
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.league import service as league
from zhenxing.projects.models import Project
from zhenxing.text import form_text


def _office(actor: User) -> None:
    if not can_manage(actor.role):
        raise Forbidden("只有项目办可以安排拉练观摩")


def _reviewer(actor: User) -> None:
    if not can_review_on_site(actor.role):
        raise Forbidden("只有项目办和参加拉练的领导可以现场评分、投票、上传照片")


def get_review(session: Session, review_id: int) -> FieldReview:
    review = session.get(FieldReview, review_id)
    if review is None:
        raise NotFound(f"拉练 {review_id} 不存在", field="id")
    return review


def get_stop(session: Session, review_id: int, stop_id: int) -> FieldReviewStop:
    stop = session.get(FieldReviewStop, stop_id)
    if stop is None or stop.review_id != review_id:
        raise NotFound(f"拉练 {review_id} 没有第 {stop_id} 站", field="stop_id")
    return stop


def list_reviews(session: Session, *, limit: int = 100) -> list[FieldReview]:
    return list(session.scalars(select(FieldReview).order_by(FieldReview.held_on.desc(), FieldReview.id.desc())
                                .limit(limit)))


def _projects(session: Session, ids: list[int]) -> list[Project]:
    if len(ids) > MAX_STOPS:
        raise Rejected(f"一次拉练最多 {MAX_STOPS} 个项目（收到 {len(ids)} 个）", field="project_ids")
    if len(set(ids)) != len(ids):
        raise Rejected("行程中有重复的项目", field="project_ids")
    found = {p.id: p for p in session.scalars(select(Project).where(Project.id.in_(ids))).unique()}
    for pid in ids:
        project = found.get(pid)
        if project is None:
            raise Rejected(f"项目 {pid} 不存在", field="project_ids")
        if project.status == "cancelled":
            raise Rejected(f"项目“{project.name}”已取消，不能列入拉练行程", field="project_ids")
    return [found[pid] for pid in ids]


def _shown_before(session: Session, project_ids: list[int], review: FieldReview | None, kind: str) -> set[int]:
    query = select(FieldReviewStop.project_id).join(FieldReview).where(
        FieldReview.kind == kind, FieldReviewStop.project_id.in_(project_ids))
    if review is not None and review.id is not None:
        query = query.where(FieldReview.id != review.id, FieldReview.held_on <= review.held_on)
    return set(session.scalars(query))


def check_eligible(session: Session, projects: list[Project], review: FieldReview | None, kind: str,
                   held_on: date) -> None:
    """A 观摩 tour shows only projects with enough investment done that no earlier 观摩 has shown."""
    if kind != "vote":
        return
    rules = settings.review_rules(session)
    shown = _shown_before(session, [p.id for p in projects], review, kind)
    for project in projects:
        verdict = eligibility(total_investment=project.total_investment, completed=project.completed_investment,
                              shown_before=project.id in shown, min_done_share=rules.min_done_share)
        if not verdict.eligible:
            raise Rejected(f"项目“{project.name}”不符合观摩条件：{verdict.reason}", field="project_ids")


def create_review(session: Session, *, actor: User, title: str, held_on: date, kind: str = "score",
                  leaders: str = "", participants: str = "", project_ids: list[int] | None = None,
                  criteria: list[dict] | None = None) -> FieldReview:
    _office(actor)
    if kind not in REVIEW_KINDS:
        raise Rejected(f"拉练方式“{kind}”无效，可选：score（拉练评分）、vote（观摩投票）", field="kind")
    title = form_text(title, "title", "名称", 200, required=True)
    chosen = criteria if criteria is not None else [c.model_dump() for c in settings.review_rules(session).criteria]
    projects = _projects(session, list(project_ids or []))
    check_eligible(session, projects, None, kind, held_on)
    review = FieldReview(title=title, held_on=held_on, kind=kind,
                         leaders=form_text(leaders, "leaders", "带队领导", 500),
                         participants=form_text(participants, "participants", "参加人员", 1000),
                         criteria=check_criteria(chosen) if kind == "score" else [], status="planned")
    session.add(review)
    session.flush()
    for position, project in enumerate(projects, start=1):
        session.add(FieldReviewStop(review_id=review.id, project_id=project.id, position=position))
    session.flush()
    audit.record(session, actor=actor, action="create", entity="field_review", entity_id=review.id,
                 summary=f"安排{REVIEW_KINDS[kind]}“{title}”（{held_on.isoformat()}，{len(projects)} 个项目）")
    return review


def set_itinerary(session: Session, *, actor: User, review_id: int, project_ids: list[int]) -> FieldReview:
    """The tour's projects in visiting order; stops already scored or voted on stay and cannot be dropped."""
    _office(actor)
    review = get_review(session, review_id)
    if review.status == "finished":
        raise Rejected("拉练已结束，不能再调整行程", field="project_ids")
    projects = _projects(session, project_ids)
    check_eligible(session, projects, review, review.kind, review.held_on)
    current = {stop.project_id: stop for stop in review.stops}
    kept = set(project_ids)
    for pid, stop in current.items():
        if pid not in kept:
            if stop.total is not None or _photo_count(session, stop.id):
                raise Rejected(f"项目“{stop.project.name}”已评分或有照片，不能移出行程", field="project_ids")
            session.delete(stop)
    session.flush()
    for position, project in enumerate(projects, start=1):
        stop = current.get(project.id)
        if stop is None:
            session.add(FieldReviewStop(review_id=review.id, project_id=project.id, position=position))
        else:
            stop.position = position
    session.flush()
    session.expire(review, ["stops"])
    audit.record(session, actor=actor, action="update", entity="field_review", entity_id=review.id,
                 summary=f"调整拉练“{review.title}”行程：{'、'.join(p.name for p in projects)}")
    return review


def score_stop(session: Session, *, actor: User, review_id: int, stop_id: int, scores: dict, comment: str = ""
               ) -> FieldReviewStop:
    """On site: points per criterion and a comment; scoring again corrects (before → after audited)."""
    _reviewer(actor)
    review = get_review(session, review_id)
    if review.kind != "score":
        raise Rejected("观摩投票的项目由评委排名计分，不能逐项打分", field="scores")
    if review.status == "finished":
        raise Rejected("拉练已结束，评分不能再修改", field="scores")
    stop = get_stop(session, review_id, stop_id)
    clean, total = score_total(review.criteria, scores)
    before = {"得分": stop.total, "点评": stop.comment}
    stop.scores, stop.total = clean, total
    stop.comment = form_text(comment, "comment", "点评", 1000)
    stop.scored_by, stop.scored_at = actor.name, audit.now_utc()
    if review.status == "planned":
        review.status = "under_way"
    session.flush()
    audit.record(session, actor=actor, action="update", entity="field_review", entity_id=review.id,
                 summary=f"拉练“{review.title}”现场评分：{stop.project.name} {total:g} 分",
                 changes=audit.diff(before, {"得分": total, "点评": stop.comment}))
    return stop


def raise_problem(session: Session, *, actor: User, scope: Scope, review_id: int, stop_id: int, description: str,
                  category: str = "", unit_id: int | None = None, due_on: date | None = None) -> Problem:
    """A problem seen on site goes on the project's problem list (source 拉练)."""
    _reviewer(actor)
    stop = get_stop(session, review_id, stop_id)
    description = form_text(description, "description", "问题描述", 500, required=True)
    category = category or guess_category(description)
    if category not in PROBLEM_CATEGORIES:
        raise Rejected(f"问题类别“{category}”无效，可选：{'、'.join(PROBLEM_CATEGORIES)}", field="category")
    today = local_date()
    if due_on is not None and due_on < today:
        raise Rejected("解决时限不能早于今天", field="due_on")
    return problems.add_problem(session, actor=actor, project=stop.project, description=description,
                                category=category, source="field_review", source_ref=stop.id, today=today,
                                unit_id=unit_id, due_on=due_on)


def stop_problems(session: Session, stop_ids: list[int]) -> dict[int, list[Problem]]:
    found: dict[int, list[Problem]] = {}
    if stop_ids:
        for problem in session.scalars(select(Problem).where(Problem.source == "field_review",
                                                             Problem.source_ref.in_(stop_ids))
                                       .order_by(Problem.id)).unique():
            found.setdefault(problem.source_ref, []).append(problem)
    return found


def _photo_count(session: Session, stop_id: int) -> int:
    return session.scalar(select(func.count(FieldReviewPhoto.id)).where(FieldReviewPhoto.stop_id == stop_id)) or 0


def add_photo(session: Session, *, actor: User, review_id: int, stop_id: int, filename: str, data: bytes
              ) -> FieldReviewPhoto:
    """A site photo: JPEG, PNG or WebP by its bytes, within the office's size and count limits."""
    _reviewer(actor)
    stop = get_stop(session, review_id, stop_id)
    rules = settings.review_rules(session)
    name = (filename or "照片").strip()[-100:] or "照片"
    if len(data) > rules.photo_max_mb * 1024 * 1024:
        raise Rejected(f"照片“{name}”为 {len(data) / 1048576:.1f} MB，超过 {rules.photo_max_mb} MB 的上限",
                       field="photo")
    photo = check_photo(data, name)
    if _photo_count(session, stop.id) >= rules.photos_per_stop:
        raise Rejected(f"每个项目最多 {rules.photos_per_stop} 张照片", field="photo")
    row = FieldReviewPhoto(stop_id=stop.id, filename=name, content_type=photo.content_type, size=photo.size,
                           data=photo.data, uploaded_by=actor.name)
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="field_review", entity_id=review_id,
                 summary=f"拉练现场照片：{stop.project.name}（{name}）")
    return row


def photos_of(session: Session, stop_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = {}
    if stop_ids:
        for pid, stop_id, name in session.execute(select(FieldReviewPhoto.id, FieldReviewPhoto.stop_id,
                                                         FieldReviewPhoto.filename)
                                                  .where(FieldReviewPhoto.stop_id.in_(stop_ids))
                                                  .order_by(FieldReviewPhoto.id)).all():
            found.setdefault(stop_id, []).append((pid, name))
    return found


def get_photo(session: Session, photo_id: int) -> FieldReviewPhoto:
    photo = session.get(FieldReviewPhoto, photo_id)
    if photo is None:
        raise NotFound(f"照片 {photo_id} 不存在", field="id")
    return photo


def cast_vote(session: Session, *, actor: User, review_id: int, ranking: list[int]) -> FieldReviewVote:
    """A juror's ballot (best first); voting again replaces the juror's ballot. Every stop's total is the
    Jining score of all ballots."""
    _reviewer(actor)
    review = get_review(session, review_id)
    if review.kind != "vote":
        raise Rejected("只有观摩可以投票排名", field="ranking")
    if review.status == "finished":
        raise Rejected("观摩已结束，不能再投票", field="ranking")
    ballot = check_ballot(list(ranking), [stop.project_id for stop in review.stops])
    vote = session.scalar(select(FieldReviewVote).where(FieldReviewVote.review_id == review.id,
                                                        FieldReviewVote.juror_id == actor.id))
    if vote is None:
        vote = FieldReviewVote(review_id=review.id, juror_id=actor.id, ranking=ballot)
        session.add(vote)
    else:
        vote.ranking, vote.cast_at = ballot, audit.now_utc()
    try:
        session.flush()
    except Exception as error:  # another tab of the same juror voted first: unique (review, juror)
        if "unique" in str(error).lower() or "duplicate" in str(error).lower():
            raise Conflict("您的投票刚刚已提交，请刷新后查看") from error
        raise
    _apply_votes(session, review)
    if review.status == "planned":
        review.status = "under_way"
    audit.record(session, actor=actor, action="update", entity="field_review", entity_id=review.id,
                 summary=f"观摩“{review.title}”投票：{len(ballot)} 个项目排名")
    return vote


def _apply_votes(session: Session, review: FieldReview) -> None:
    ballots = [v.ranking for v in session.scalars(select(FieldReviewVote).where(FieldReviewVote.review_id ==
                                                                                review.id))]
    scores = vote_scores(ballots, [stop.project_id for stop in review.stops],
                         settings.review_rules(session).vote_step)
    for stop in review.stops:
        stop.total = scores[stop.project_id]
    session.flush()


def ballots(session: Session, review_id: int) -> int:
    return session.scalar(select(func.count(FieldReviewVote.id)).where(FieldReviewVote.review_id == review_id)) or 0


def finish_review(session: Session, *, actor: User, review_id: int) -> FieldReview:
    _office(actor)
    review = get_review(session, review_id)
    if review.status == "finished":
        raise Rejected("拉练已经结束", field="status")
    unscored = [stop.project.name for stop in review.stops if stop.total is None]
    if review.kind == "score" and unscored:
        raise Rejected(f"还有 {len(unscored)} 个项目未评分：{'、'.join(unscored[:5])}", field="status")
    review.status = "finished"
    session.flush()
    audit.record(session, actor=actor, action="update", entity="field_review", entity_id=review.id,
                 summary=f"结束拉练“{review.title}”，成绩计入赛马“拉练观摩得分”")
    return review


def region_ranking(session: Session, review: FieldReview) -> list[RegionScore]:
    """The counties (districts, zones) of the tour ranked on the mean total of their projects."""
    subjects = league.subjects(session, "region")
    mapping = region_subjects(session, [sid for sid, _ in subjects])
    rows = []
    for stop in review.stops:
        position = mapping.get(stop.project.region_id)
        if position is not None:
            sid, name = subjects[position]
            rows.append((sid, name, stop.total))
    return rank_regions(rows)


@dataclass
class ReviewView:
    review: FieldReview
    problems: dict[int, list[Problem]]
    photos: dict[int, list[tuple[int, str]]]
    ranking: list[RegionScore]
    ballots: int

    @property
    def status_label(self) -> str:
        return REVIEW_STATUSES.get(self.review.status, self.review.status)

    @property
    def kind_label(self) -> str:
        return REVIEW_KINDS.get(self.review.kind, self.review.kind)


def view(session: Session, review_id: int) -> ReviewView:
    review = get_review(session, review_id)
    ids = [stop.id for stop in review.stops]
    return ReviewView(review, stop_problems(session, ids), photos_of(session, ids), region_ranking(session, review),
                      ballots(session, review.id))
