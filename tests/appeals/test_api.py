"""The appeals API: intake by the centre, scopes (a unit sees only its appeals), masking with logged unmasked
views, refusals in Chinese, bad input, and the requester's tracking and rating."""

from sqlalchemy import func, select

from tests.appeals.conftest import file
from tests.factories import make_user
from zhenxing import audit
from zhenxing.appeals.models import Appeal

BODY = {"channel": "phone", "type": "complaint", "category_code": "0302", "requester_name": "张三",
        "requester_phone": "13812341234",
        "description": "小区暖气不热已经三天了", "address": "凌海市金城街道人民路12号"}


def test_the_centre_takes_in_an_appeal_and_gets_its_tracking_number_once_committed(api_as, loop, session):
    answer = api_as(loop.hotline).post("/api/v1/appeals", json=BODY)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["status"] == "received" and len(body["tracking_no"]) == 14
    session.expire_all()
    assert session.scalar(select(Appeal.tracking_no).where(Appeal.id == body["id"])) == body["tracking_no"]


def test_a_second_similar_appeal_lists_the_first_as_a_likely_duplicate(api_as, loop):
    client = api_as(loop.hotline)
    first = client.post("/api/v1/appeals", json=BODY).json()
    second = client.post("/api/v1/appeals", json={**BODY, "description": "小区暖气不热已经三天了，请尽快处理"}).json()
    assert [d["tracking_no"] for d in second["duplicates"]] == [first["tracking_no"]]
    assert "同一来电号码" in second["duplicates"][0]["reasons"]


def test_unknown_category_and_bad_fields_are_refused_in_chinese_and_store_nothing(api_as, loop, session):
    client = api_as(loop.hotline)
    answer = client.post("/api/v1/appeals", json={**BODY, "category_code": "9999"})
    assert answer.status_code == 422 and answer.json()["field"] == "category_code"
    assert "不存在" in answer.json()["message"]
    assert client.post("/api/v1/appeals", json={**BODY, "description": "x" * 4001}).status_code == 422
    assert client.post("/api/v1/appeals", json={**BODY, "region_id": 2**63}).status_code == 422
    assert client.post("/api/v1/appeals", json={**BODY, "latitude": 91}).status_code == 422
    assert session.scalar(select(func.count(Appeal.id))) == 0


def test_only_the_centre_and_stewards_file_appeals(api_as, loop):
    answer = api_as(loop.world.county).post("/api/v1/appeals", json=BODY)
    assert answer.status_code == 403 and "热线中心" in answer.json()["message"]


def test_a_unit_sees_only_its_appeals_and_personal_data_only_when_it_handles_them(api_as, loop, session):
    w = loop.world
    appeal_id = file(session)
    centre = api_as(loop.hotline)
    assert centre.post(f"/api/v1/appeals/{appeal_id}/events",
                       json={"event": "dispatch", "unit_id": w.transport.id}).status_code == 200
    handler = api_as(w.transport_user).get(f"/api/v1/appeals/{appeal_id}").json()
    assert handler["requester_name"] == "张三" and handler["requester_phone"] == "13812341234"
    assert handler["masked"] is False
    leader = api_as(w.leader).get(f"/api/v1/appeals/{appeal_id}").json()
    assert leader["requester_name"] == "张*" and leader["requester_phone"] == "138****1234"
    assert leader["address"].endswith("***") and "12号" not in leader["address"]
    county = api_as(w.county).get(f"/api/v1/appeals/{appeal_id}").json()  # it lies in 凌海市
    assert county["masked"] is True
    outsider = api_as(w.outsider).get(f"/api/v1/appeals/{appeal_id}")
    assert outsider.status_code == 403 and "无权查看" in outsider.json()["message"]
    listing = api_as(w.outsider).get("/api/v1/appeals").json()
    assert listing["total"] == 0
    views = audit.list_events(session, action="view", entity_id=appeal_id)
    assert [e.actor_name for e in views] == ["jiaotong"]


def test_a_refused_step_is_a_chinese_message_with_the_right_status(api_as, loop, session):
    appeal_id = file(session)
    county = api_as(loop.world.county)  # may read it (it lies in 凌海市), may not dispatch it
    answer = county.post(f"/api/v1/appeals/{appeal_id}/events", json={"event": "dispatch", "unit_id": 1})
    assert answer.status_code == 403 and answer.json()["message"].startswith("只有热线中心可以派单")
    centre = api_as(loop.hotline)
    answer = centre.post(f"/api/v1/appeals/{appeal_id}/events", json={"event": "close"})
    assert answer.status_code == 409 and "不能办结" in answer.json()["message"]
    answer = centre.post(f"/api/v1/appeals/{appeal_id}/events", json={"event": "dispatch"})
    assert answer.status_code == 422 and "须指定承办单位" in answer.json()["message"]


def test_the_requester_tracks_with_the_last_four_digits_and_an_invalid_rating_is_refused(api_as, client, loop,
                                                                                        session):
    appeal_id = file(session)
    centre = api_as(loop.hotline)
    centre.post(f"/api/v1/appeals/{appeal_id}/events", json={"event": "answer", "reason": "已通知热力公司处理"})
    number = session.get(Appeal, appeal_id).tracking_no
    wrong = client.post("/api/v1/appeals/track", json={"tracking_no": number, "phone_last4": "0000"})
    assert wrong.status_code == 404 and "核对" in wrong.json()["message"]
    view = client.post("/api/v1/appeals/track", json={"tracking_no": number, "phone_last4": "1234"}).json()
    assert view["can_rate"] is True and view["reply_text"] == "已通知热力公司处理"
    assert "张三" not in str(view) and "13812341234" not in str(view)
    bad = client.post("/api/v1/appeals/track/rating", json={"tracking_no": number, "phone_last4": "1234", "level": 7})
    assert bad.status_code == 422 and "1（非常满意）到 5（非常不满意）" in bad.json()["message"]
    good = client.post("/api/v1/appeals/track/rating", json={"tracking_no": number, "phone_last4": "1234", "level": 1})
    assert good.json()["rating"] == "非常满意"


def test_statistics_say_how_each_rate_is_computed(api_as, loop, session):
    file(session)
    body = api_as(loop.world.leader).get("/api/v1/appeals/stats?by=category").json()
    assert body["total"]["counts"]["received"] == 1
    assert "÷" in body["rates"]["ontime_rate"]["how"]
    assert api_as(loop.world.leader).get("/api/v1/appeals/stats?by=nonsense").status_code == 422


def test_the_suggestion_learns_from_the_unit_that_finally_accepted(api_as, loop, session):
    from tests.appeals.conftest import act

    w = loop.world
    client = api_as(loop.hotline)
    assert client.get("/api/v1/appeals/suggest", params={"text": "路面有坑"}).json()["unit_id"] == w.transport.id
    fgw_user = make_user(session, "发改委小李", "unit", unit="市发展改革委")
    for _ in range(2):
        appeal_id = file(session, category_code="0701", answers={"size": "small"}, description="路面有坑需要修补")
        act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.fgw.id)
        act(session, fgw_user, appeal_id, "accept")
    suggestion = client.get("/api/v1/appeals/suggest", params={"text": "路面有坑"}).json()
    assert suggestion["category_code"] == "0701" and suggestion["unit_id"] == w.fgw.id
