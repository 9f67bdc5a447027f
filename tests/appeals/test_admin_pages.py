"""The centre's settings pages: the category catalogue (edit, extra questions typed as lines, a category's own
time limits kept in the audited rules), Open311 client keys (shown once, revocable), all refused to others."""

import re

import pytest
from sqlalchemy import select

from tests.appeals.conftest import act, file
from zhenxing import audit
from zhenxing.appeals import catalogue, limits, rule_kinds
from zhenxing.appeals.models import Appeal, AppealCategory, Open311Client
from zhenxing.errors import Rejected
from zhenxing.rules import service as rules


def fresh(session) -> None:
    """Forget what this test's session read (the rules in force are cached per session, as per request)."""
    session.expire_all()
    session.info.clear()


def test_questions_typed_as_lines_round_trip_and_bad_lines_are_named():
    text = "size｜坑的大小｜单选｜必答｜small=小，large=大\nwhen|发现时间|日期时间|选答"
    questions = catalogue.questions_from_text(text)
    assert questions[0] == {"code": "size", "description": "坑的大小", "datatype": "singlevaluelist", "required": True,
                            "values": [{"key": "small", "name": "小"}, {"key": "large", "name": "大"}]}
    assert questions[1]["datatype"] == "datetime" and questions[1]["required"] is False
    assert catalogue.questions_from_text(catalogue.questions_to_text(questions)) == questions
    with pytest.raises(Rejected, match="第 1 行的类型“图片”无效"):
        catalogue.questions_from_text("photo｜照片｜图片")
    with pytest.raises(Rejected, match="列表题至少要有一个选项"):
        catalogue.questions_from_text("size｜大小｜单选｜必答")


def test_the_centre_edits_a_category_and_the_change_is_audited(session, loop, page_as):
    client, token = page_as(loop.hotline)
    page = client.get("/appeals/catalogue")
    assert page.status_code == 200 and "0701" in page.text and "道路破损" in page.text
    form = client.get(f"/appeals/catalogue/{loop.road.id}")
    assert "size｜坑的大小｜单选｜必答｜small=小，large=大" in form.text
    answer = client.post(f"/appeals/catalogue/{loop.road.id}", data={
        "csrf_token": token, "code": "0701", "name": "道路破损", "group": "城市管理",
        "default_unit_id": str(loop.world.fgw.id), "keywords": "坑  路面 井盖", "active": "true",
        "questions": "size｜坑的大小｜单选｜必答｜small=小，large=大，huge=特大"}, follow_redirects=False)
    assert answer.status_code == 303
    session.expire_all()
    road = session.get(AppealCategory, loop.road.id)
    assert road.default_unit_id == loop.world.fgw.id and road.keywords == "坑 路面 井盖"
    assert [v["key"] for v in road.questions[0]["values"]] == ["small", "large", "huge"]
    changes = [e for e in audit.list_events(session, entity="appeal_category", entity_id=road.id)]
    assert changes and changes[0].actor_name == loop.hotline.name and "default_unit_id" in changes[0].changes


def test_a_bad_category_is_shown_with_its_message_and_changes_nothing(session, loop, page_as):
    client, token = page_as(loop.hotline)
    answer = client.post("/appeals/catalogue/new", data={"csrf_token": token, "code": "0701", "name": "重复",
                                                         "active": "true", "questions": ""})
    assert answer.status_code == 409 and "分类编码“0701”已存在" in answer.text
    answer = client.post("/appeals/catalogue/new", data={"csrf_token": token, "code": "0999", "name": "新分类",
                                                         "questions": "x｜问题｜颜色"})
    assert answer.status_code == 422 and "类型“颜色”无效" in answer.text
    session.expire_all()
    assert session.scalar(select(AppealCategory).where(AppealCategory.code == "0999")) is None


def test_a_categorys_own_time_limits_are_rules_data_and_apply_from_the_next_dispatch(session, loop, page_as):
    client, token = page_as(loop.hotline)
    answer = client.post(f"/appeals/catalogue/{loop.road.id}/limits", data={
        "csrf_token": token, "action": "set", "accept_amount": "1", "accept_unit": "workhours",
        "contact_amount": "4", "contact_unit": "workhours", "close_amount": "3", "close_unit": "workdays"},
        follow_redirects=False)
    assert answer.status_code == 303
    fresh(session)
    state = rules.rule_state(session, rule_kinds.LOOP)
    assert state.source == "standing" and state.set_by == loop.hotline.name
    own = limits.own_rule(session, "0701")
    assert own.close.label == "3工作日"
    applying = limits.applying(session, "0701")
    assert applying["一般"] == own and applying["紧急"].name == "紧急诉求"
    appeal_id = file(session, category_code="0701", answers={"size": "small"})
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=loop.world.transport.id)
    assert session.get(Appeal, appeal_id).rule["name"] == "道路破损"
    page = client.get("/appeals/catalogue")
    assert "3工作日" in page.text and "本分类" in page.text
    answer = client.post(f"/appeals/catalogue/{loop.road.id}/limits", data={
        "csrf_token": token, "action": "set", "accept_amount": "0", "accept_unit": "hours",
        "contact_amount": "4", "contact_unit": "hours", "close_amount": "3", "close_unit": "weeks"})
    assert answer.status_code == 422 and "签收时限.amount" in answer.text
    answer = client.post(f"/appeals/catalogue/{loop.road.id}/limits", data={"csrf_token": token, "action": "drop"},
                         follow_redirects=False)
    assert answer.status_code == 303
    fresh(session)
    assert limits.own_rule(session, "0701") is None


def test_open311_keys_are_shown_once_kept_as_a_hash_and_revocable(session, loop, page_as, client):
    centre, token = page_as(loop.hotline)
    page = centre.post("/appeals/open311-clients", data={"csrf_token": token, "name": "锦州通APP"})
    key = re.search(r'<code class="mono">(o311_[^<]+)</code>', page.text).group(1)
    stored = session.scalar(select(Open311Client).where(Open311Client.name == "锦州通APP"))
    assert stored.key_hash != key and key not in centre.get("/appeals/open311-clients").text
    form = {"api_key": key, "service_code": "0302", "description": "小区暖气不热已经三天了",
            "address_string": "凌海市金城街道人民路12号"}
    assert client.post("/open311/v2/requests.json", data=form).status_code == 200
    centre.post(f"/appeals/open311-clients/{stored.id}/revoke", data={"csrf_token": token})
    refused = client.post("/open311/v2/requests.json", data=form)
    assert refused.status_code == 403 and refused.json()[0]["description"] == "api_key is not valid"
    events = audit.list_events(session, entity="open311_client", entity_id=stored.id)
    assert {e.summary for e in events} >= {"新建 Open311 客户端 锦州通APP", "停用 Open311 客户端 锦州通APP"}


@pytest.mark.parametrize("path", ["/appeals/catalogue", "/appeals/catalogue/new", "/appeals/open311-clients"])
def test_units_may_not_open_the_centres_settings(loop, page_as, path):
    client, _ = page_as(loop.world.transport_user)
    answer = client.get(path)
    assert answer.status_code == 403 and "只有热线中心" in answer.text
