"""Pages: the public submission (photos checked by their bytes, limits per IP and phone, a honeypot), the
tracking page with its rating form, the agent's form, an appeal's page (masked unless handling, unmasked
views logged), bulk dispatch, statistics and exports."""

import re
from datetime import UTC, datetime
from io import BytesIO

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import func, select

from tests.appeals.conftest import act, file
from zhenxing import audit
from zhenxing.appeals.models import Appeal, AppealPhoto

FORM = {"channel": "snapshot", "type": "complaint", "category_code": "0302", "description": "楼道暖气管漏水很严重",
        "address": "凌海市金城街道人民路12号", "requester_name": "李四", "requester_phone": "13900001234"}


def png(size=(40, 30)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def public(app) -> tuple[TestClient, str]:
    client = TestClient(app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/public/appeals/new").text).group(1)
    return client, token


def count(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count(Appeal.id)))


def test_a_citizen_submits_with_a_photo_and_gets_a_tracking_number(app, loop, session):
    client, token = public(app)
    answer = client.post("/public/appeals/new", data={**FORM, "csrf_token": token},
                         files=[("photos", ("pipe.png", png(), "image/png"))])
    assert answer.status_code == 200, answer.text
    number = re.search(r'data-testid="tracking-no">(\d+)<', answer.text).group(1)
    appeal = session.scalar(select(Appeal).where(Appeal.tracking_no == number))
    assert appeal.channel == "snapshot" and appeal.ip_hash
    photo = session.scalar(select(AppealPhoto).where(AppealPhoto.appeal_id == appeal.id))
    assert photo.content_type == "image/png"
    with Image.open(BytesIO(photo.data)) as stored:
        assert stored.size == (40, 30) and stored.getpixel((5, 5)) == (200, 30, 30)


def test_a_snapshot_photo_is_stored_without_its_gps_position(app, loop, session):
    from tests.appeals.test_photos import gps_jpeg

    client, token = public(app)
    answer = client.post("/public/appeals/new", data={**FORM, "csrf_token": token},
                         files=[("photos", ("IMG_0001.jpg", gps_jpeg(), "image/jpeg"))])
    assert answer.status_code == 200, answer.text
    photo = session.scalar(select(AppealPhoto))
    assert b"Exif" not in photo.data and b"XIAOMI" not in photo.data
    with Image.open(BytesIO(photo.data)) as stored:
        assert not stored.getexif() and stored.format == "JPEG"


@pytest.mark.parametrize(("upload", "message"), [
    (("report.png", b"%PDF-1.4 not an image at all", "image/png"), "不是图片"),
    (("huge.jpg", b"\xff\xd8\xff" + b"0" * (20 * 1024 * 1024), "image/jpeg"), "超过 8 MB"),
    (("broken.png", b"\x89PNG\r\n\x1a\n" + b"garbage", "image/png"), "不是有效的图片"),
])
def test_a_photo_that_is_not_an_image_or_too_big_is_refused_and_nothing_is_stored(app, loop, session, upload,
                                                                                 message):
    client, token = public(app)
    answer = client.post("/public/appeals/new", data={**FORM, "csrf_token": token}, files=[("photos", upload)])
    assert answer.status_code == 422
    assert message in answer.text and 'data-testid="error-photos"' in answer.text
    assert count(session) == 0


def test_unknown_category_and_short_text_are_named_beside_their_field(app, loop, session):
    client, token = public(app)
    answer = client.post("/public/appeals/new", data={**FORM, "category_code": "9999", "csrf_token": token})
    assert answer.status_code == 422 and "“9999”不存在" in answer.text
    answer = client.post("/public/appeals/new", data={**FORM, "description": "漏水", "csrf_token": token})
    assert 'data-testid="error-description">至少5个字' in answer.text
    assert count(session) == 0


def test_the_public_page_limits_submissions_per_phone_and_per_ip_without_a_captcha(app, loop, session):
    client, token = public(app)
    for _ in range(3):
        assert client.post("/public/appeals/new", data={**FORM, "csrf_token": token}).status_code == 200
    answer = client.post("/public/appeals/new", data={**FORM, "csrf_token": token})
    assert answer.status_code == 429 and "同一手机号每天最多提交3件" in answer.text
    for n in range(2):
        client.post("/public/appeals/new", data={**FORM, "requester_phone": f"1370000000{n}", "csrf_token": token})
    answer = client.post("/public/appeals/new", data={**FORM, "requester_phone": "13600000000", "csrf_token": token})
    assert answer.status_code == 429 and "每小时最多提交5件" in answer.text
    assert count(session) == 5


def test_form_robots_filling_the_hidden_field_and_forms_without_the_token_are_refused(app, loop, session):
    client, token = public(app)
    assert client.post("/public/appeals/new", data={**FORM, "csrf_token": token, "website": "x"}).status_code == 422
    assert client.post("/public/appeals/new", data=FORM).status_code == 403
    assert count(session) == 0


def test_the_requester_tracks_rates_unsatisfied_and_the_appeal_reopens(app, loop, session):
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", handler_region_id=loop.world.linghai.id)
    act(session, loop.world.county, appeal_id, "accept")
    act(session, loop.world.county, appeal_id, "reply", result="resolved", reason="已协调热力公司恢复供暖")
    number = session.get(Appeal, appeal_id).tracking_no
    client = TestClient(app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/public/appeals/track").text).group(1)
    wrong = client.post("/public/appeals/track", data={"tracking_no": number, "phone_last4": "9999",
                                                       "csrf_token": token})
    assert wrong.status_code == 404 and "核对受理编号" in wrong.text
    view = client.post("/public/appeals/track", data={"tracking_no": number, "phone_last4": "1234",
                                                      "csrf_token": token})
    assert 'data-testid="rating-form"' in view.text and "已协调热力公司恢复供暖" in view.text
    assert "张三" not in view.text and "13812341234" not in view.text
    rated = client.post("/public/appeals/track", data={"tracking_no": number, "phone_last4": "1234", "level": "4",
                                                       "rate": "1", "csrf_token": token})
    assert "重办中" in rated.text
    session.expire_all()
    assert session.get(Appeal, appeal_id).status == "reopened"


def test_the_agent_files_by_keyboard_and_sees_the_callers_history(page_as, loop, session):
    earlier = file(session, now=datetime.now(UTC))
    client, token = page_as(loop.hotline)
    history = client.get("/appeals/_caller", params={"phone": "13812341234"})
    assert session.get(Appeal, earlier).tracking_no in history.text
    assist = client.get("/appeals/_assist", params={"description": "小区暖气不热已经三天了",
                                                     "requester_phone": "13812341234"})
    assert "供暖" in assist.text and "可能重复" in assist.text
    answer = client.post("/appeals/new", data={"csrf_token": token, "requester_phone": "13812341234",
                                               "requester_name": "张三", "channel": "phone", "type": "help",
                                               "urgency": "normal", "category_code": "0302",
                                               "description": "暖气还是不热，第二次来电",
                                               "address": "凌海市人民路12号"},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith("?created=1")


def test_the_appeal_page_is_masked_for_readers_and_unmasked_for_the_handler_with_a_log(page_as, loop, session):
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=loop.world.transport.id)
    leader, _ = page_as(loop.world.leader)
    masked = leader.get(f"/appeals/{appeal_id}").text
    assert "张*" in masked and "138****1234" in masked and "13812341234" not in masked
    assert 'data-testid="actions"' not in masked
    assert re.search(r'data-testid="timeline-entry">.*<b>12345热线中心（\w+）</b>', masked)  # who dispatched, named
    handler, token = page_as(loop.world.transport_user)
    full = handler.get(f"/appeals/{appeal_id}").text
    assert "13812341234" in full and 'data-testid="action-accept"' in full and 'data-testid="action-return"' in full
    answer = handler.post(f"/appeals/{appeal_id}/events", data={"csrf_token": token, "event": "return", "reason": ""})
    assert answer.status_code == 422 and "退单须说明理由" in answer.text
    assert [e.actor_name for e in audit.list_events(session, action="view", entity_id=appeal_id)] == ["jiaotong"] * 2
    outsider, _ = page_as(loop.world.outsider)
    assert outsider.get(f"/appeals/{appeal_id}").status_code == 403


def test_the_centre_dispatches_in_bulk(page_as, loop, session):
    ids = [file(session, description=f"暖气不热第{n}户反映") for n in range(3)]
    client, token = page_as(loop.hotline)
    queue = client.get("/appeals?queue=new").text
    assert 'data-testid="queue-new">新受理待派单 <b>3</b>' in queue
    answer = client.post("/appeals/bulk-dispatch", data={"csrf_token": token, "ids": ",".join(map(str, ids)),
                                                         "handler_region_id": str(loop.world.linghai.id)})
    assert answer.status_code == 200 and "已派单 3 件" in answer.text
    session.expire_all()
    assert {session.get(Appeal, i).status for i in ids} == {"dispatched"}


def test_statistics_page_and_exports(page_as, loop, session):
    file(session)
    client, _ = page_as(loop.world.leader)
    page = client.get("/appeals/stats?by=category").text
    assert 'data-testid="stats-table"' in page and "按期办结率" in page and "÷" in page
    book = load_workbook(BytesIO(client.get("/appeals/stats.xlsx?by=category").content))
    assert book.active["A2"].value == "诉求分类" and book.active["A3"].value == "供暖"
    listing = load_workbook(BytesIO(client.get("/appeals/export.xlsx").content)).active
    assert listing["N3"].value == "张*" and listing["O3"].value == "138****1234"
