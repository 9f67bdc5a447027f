"""Field reviews: a tour with its stops, on-site scores, photos and problems, votes, the ranking of regions,
the summary workbook, and the scores feeding the league."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func, select

from tests.factories import make_project
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import review_export, reviews
from zhenxing.dispatch.models import FieldReviewPhoto, FieldReviewStop, Problem
from zhenxing.errors import Forbidden, Rejected
from zhenxing.league import service as league


def png(width=40, height=30) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def sites(session, world):
    linghai = [make_project(session, region_id=world.linghai.id, name=f"凌海项目{i}", completed_investment=6000)
               for i in range(2)]
    heishan = make_project(session, region_id=world.heishan.id, name="黑山项目", completed_investment=1000)
    session.commit()
    return [*linghai, heishan]


@pytest.fixture
def tour(session, world, sites):
    review = reviews.create_review(session, actor=world.office, title="2025年上半年重点项目拉练",
                                   held_on=date(2025, 6, 18), leaders="市长", project_ids=[p.id for p in sites])
    session.commit()
    return review


def score(session, world, tour, index, points, comment=""):
    stop = tour.stops[index]
    keys = [c["key"] for c in tour.criteria]
    return reviews.score_stop(session, actor=world.leader, review_id=tour.id, stop_id=stop.id,
                              scores=dict(zip(keys, points, strict=True)), comment=comment)


def test_a_tour_keeps_its_itinerary_and_the_default_criteria(session, tour, sites):
    assert [s.project_id for s in tour.stops] == [p.id for p in sites]
    assert [s.position for s in tour.stops] == [1, 2, 3]
    assert [c["label"] for c in tour.criteria] == ["投资强度", "建设进度", "项目质量", "服务保障"]
    assert tour.status == "planned"


def test_scores_rank_the_regions_and_feed_the_league(session, world, tour):
    score(session, world, tour, 0, (28, 27, 18, 19), "进度快")
    score(session, world, tour, 1, (20, 20, 15, 15))
    score(session, world, tour, 2, (25, 25, 16, 16))
    session.commit()
    ranking = reviews.region_ranking(session, tour)
    assert [(r.name, r.mean, r.rank) for r in ranking] == [("黑山县", 82.0, 1), ("凌海市", 81.0, 2)]
    run = league.compute_league(session=session, kind="region", period="2025-06")
    values = {row["name"]: row["measures"]["field_review_score"]["value"] for row in run.results}
    assert values["凌海市"] == 81.0 and values["黑山县"] == 82.0
    assert tour.status == "under_way"


def test_rescoring_corrects_and_bad_points_change_nothing(session, world, tour):
    score(session, world, tour, 0, (28, 27, 18, 19))
    score(session, world, tour, 0, (20, 20, 10, 10))
    session.commit()
    assert tour.stops[0].total == 60
    with pytest.raises(Rejected) as caught:
        score(session, world, tour, 0, (40, 20, 10, 10))
    assert caught.value.field == "scores.investment"
    session.rollback()
    assert session.get(FieldReviewStop, tour.stops[0].id).total == 60


def test_only_the_office_and_leaders_score_and_only_the_office_plans(session, world, tour, sites):
    with pytest.raises(Forbidden):
        reviews.score_stop(session, actor=world.county, review_id=tour.id, stop_id=tour.stops[0].id, scores={})
    with pytest.raises(Forbidden):
        reviews.create_review(session, actor=world.leader, title="x", held_on=date(2025, 7, 1))


def test_a_review_finishes_only_when_every_stop_is_scored(session, world, tour):
    score(session, world, tour, 0, (1, 1, 1, 1))
    with pytest.raises(Rejected, match="还有 2 个项目未评分"):
        reviews.finish_review(session, actor=world.office, review_id=tour.id)
    score(session, world, tour, 1, (1, 1, 1, 1))
    score(session, world, tour, 2, (1, 1, 1, 1))
    assert reviews.finish_review(session, actor=world.office, review_id=tour.id).status == "finished"
    with pytest.raises(Rejected, match="已结束"):
        score(session, world, tour, 0, (2, 2, 2, 2))


def test_problems_seen_on_site_land_on_the_projects_list(session, world, tour):
    stop = tour.stops[2]
    problem = reviews.raise_problem(session, actor=world.leader, scope=scope_for(session, world.leader),
                                    review_id=tour.id, stop_id=stop.id, description="施工便道未打通，影响进场")
    assert (problem.source, problem.source_ref, problem.category, problem.project_id) == (
        "field_review", stop.id, "施工条件", stop.project_id)
    assert problem.source_label == "拉练"
    assert reviews.view(session, tour.id).problems[stop.id] == [problem]


def test_photos_are_type_checked_and_limited(session, world, tour):
    stop = tour.stops[0]
    photo = reviews.add_photo(session, actor=world.leader, review_id=tour.id, stop_id=stop.id,
                              filename="现场.png", data=png())
    assert (photo.content_type, photo.filename) == ("image/png", "现场.png")
    with pytest.raises(Rejected, match="不是图片"):
        reviews.add_photo(session, actor=world.leader, review_id=tour.id, stop_id=stop.id, filename="x.png",
                          data=b"%PDF-1.4 not an image")
    with pytest.raises(Rejected, match="超过 8 MB"):
        reviews.add_photo(session, actor=world.leader, review_id=tour.id, stop_id=stop.id, filename="big.png",
                          data=b"\x89PNG" + b"0" * (8 * 1024 * 1024 + 1))
    assert session.scalar(select(func.count(FieldReviewPhoto.id))) == 1


def test_a_vote_tour_scores_by_the_jurors_ranks_and_checks_eligibility(session, world, sites):
    with pytest.raises(Rejected, match="黑山项目.*低于"):
        reviews.create_review(session, actor=world.office, title="观摩", held_on=date(2025, 9, 1), kind="vote",
                              project_ids=[p.id for p in sites])
    review = reviews.create_review(session, actor=world.office, title="观摩", held_on=date(2025, 9, 1),
                                   kind="vote", project_ids=[sites[0].id, sites[1].id])
    reviews.cast_vote(session, actor=world.leader, review_id=review.id, ranking=[sites[1].id, sites[0].id])
    reviews.cast_vote(session, actor=world.office, review_id=review.id, ranking=[sites[1].id])
    reviews.cast_vote(session, actor=world.office, review_id=review.id, ranking=[sites[0].id, sites[1].id])
    totals = {s.project_id: s.total for s in review.stops}
    assert totals == {sites[1].id: round((100 + 97) / 2, 2), sites[0].id: round((97 + 100) / 2, 2)}
    assert reviews.ballots(session, review.id) == 2
    with pytest.raises(Rejected, match="不符合观摩条件：已在此前的观摩中展示过"):
        reviews.create_review(session, actor=world.office, title="再观摩", held_on=date(2025, 12, 1), kind="vote",
                              project_ids=[sites[0].id])


def test_the_summary_workbook_lists_scores_and_ranking(session, world, tour):
    score(session, world, tour, 0, (28, 27, 18, 19), "进度快")
    reviews.raise_problem(session, actor=world.office, scope=scope_for(session, world.office), review_id=tour.id,
                          stop_id=tour.stops[0].id, description="用地指标未落实")
    book = load_workbook(BytesIO(review_export.review_xlsx(reviews.view(session, tour.id))))
    sheet = book["项目得分"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[0][0] == "2025年上半年重点项目拉练项目得分汇总"
    header = cells[2]
    assert header[:4] == ["序号", "项目名称", "所在地区", "投资强度（30分）"]
    first = cells[3]
    assert first[1] == "凌海项目0" and first[7] == 92 and first[8] == "进度快" and "用地指标未落实" in first[9]
    assert [c.value for c in book["县区排名"][3]][:2] == [1, "凌海市"]


def test_the_api_plans_scores_and_exports(api_as, world, sites, session):
    office, leader, county = api_as(world.office), api_as(world.leader), api_as(world.county)
    made = office.post("/api/v1/field-reviews", json={"title": "拉练", "held_on": "2025-06-18",
                                                      "project_ids": [p.id for p in sites]})
    assert made.status_code == 201, made.text
    review = made.json()
    stop = review["stops"][0]["id"]
    url = f"/api/v1/field-reviews/{review['id']}/stops/{stop}/score"
    scored = leader.put(url, json={"scores": {"investment": 20, "progress": 20, "quality": 10, "service": 10}})
    assert scored.status_code == 200 and scored.json()["stops"][0]["total"] == 60
    bad = leader.put(url, json={"scores": {"investment": 99, "progress": 20, "quality": 10, "service": 10}})
    assert bad.status_code == 422 and bad.json()["field"] == "scores.investment"
    assert county.put(url, json={"scores": {}}).status_code == 403
    assert county.post("/api/v1/field-reviews", json={"title": "x", "held_on": "2025-06-18"}).status_code == 403
    photo = leader.post(f"/api/v1/field-reviews/{review['id']}/stops/{stop}/photos",
                        files={"photo": ("a.png", png(), "image/png")})
    assert photo.status_code == 201, photo.text
    shown = county.get(f"/api/v1/field-reviews/photos/{photo.json()['id']}")
    assert shown.status_code == 200 and shown.headers["content-type"] == "image/png"
    problem = leader.post(f"/api/v1/field-reviews/{review['id']}/stops/{stop}/problems",
                          json={"description": "资金未到位"})
    assert problem.status_code == 201 and problem.json()["source"] == "field_review"
    assert county.get(f"/api/v1/field-reviews/{review['id']}").json()["stops"][0]["problems"][0]["category"] == "资金"
    sheet = county.get(f"/api/v1/field-reviews/{review['id']}/summary.xlsx")
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"
    assert session.scalar(select(func.count(Problem.id))) == 1


def test_the_pages_plan_a_tour_and_score_on_a_phone(page_as, world, sites):
    client, token = page_as(world.office)
    page = client.get("/field-reviews")
    assert page.status_code == 200 and "安排拉练" in page.text
    made = client.post("/field-reviews", data={"csrf_token": token, "title": "拉练", "held_on": "2025-06-18",
                                         "kind": "score", "project_ids": [str(p.id) for p in sites]},
                       follow_redirects=False)
    assert made.status_code == 303
    url = made.headers["location"]
    detail = client.get(url)
    assert detail.status_code == 200 and "第1站" in detail.text and "凌海项目0" in detail.text
    review_id = int(url.rsplit("/", 1)[1])
    stop = client.get(f"/api/v1/field-reviews/{review_id}").json()["stops"][0]["id"]
    scored = client.post(f"/field-reviews/{review_id}/stops/{stop}/score", follow_redirects=False, data={
        "csrf_token": token, "score_investment": "25", "score_progress": "24.5", "score_quality": "18",
        "score_service": "17", "comment": "形象进度好"})
    assert scored.status_code == 303
    assert "84.5" in client.get(url).text
    wrong = client.post(f"/field-reviews/{review_id}/stops/{stop}/score", data={
        "csrf_token": token, "score_investment": "35", "score_progress": "1", "score_quality": "1",
        "score_service": "1"})
    assert wrong.status_code == 422 and "0–30" in wrong.text
    refused = client.post("/field-reviews", data={"csrf_token": token, "title": "", "held_on": "2025-06-18"})
    assert refused.status_code == 422 and "请填写名称" in refused.text
    county, _ = page_as(world.county)
    assert "安排拉练" not in county.get("/field-reviews").text
