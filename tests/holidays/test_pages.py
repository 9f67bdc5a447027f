"""/admin/holidays and /api/v1/holidays as the admin and the office use them, and the to-do that asks for
next year's arrangement once deadlines start counting on a provisional calendar."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from zhenxing.audit import AuditEvent
from zhenxing.holidays import service as holidays
from zhenxing.holidays.models import Holiday
from zhenxing.holidays.todos import items, years_to_enter
from zhenxing.workdays import WorkCalendar, library_years

FUTURE = library_years().stop


def test_the_office_enters_a_spring_festival_and_sees_it_saved(page_as, world, session):
    client, csrf = page_as(world.office)
    page = client.get(f"/admin/holidays?year={FUTURE}")
    assert page.status_code == 200
    assert "暂定" in page.text and "法定节日（暂定）" in page.text and 'data-testid="provisional-note"' in page.text
    answer = client.post("/admin/holidays", data={"csrf_token": csrf, "start": f"{FUTURE}-02-05",
                                                  "end": f"{FUTURE}-02-11", "is_workday": "0", "name": "春节"})
    assert answer.status_code == 200 and f"已将 {FUTURE}-02-05 至 {FUTURE}-02-11 设为放假" in answer.text
    assert "管理员录入" in answer.text and 'data-testid="provisional-note"' not in answer.text
    session.expire_all()
    assert len(holidays.list_days(session, FUTURE)) == 7
    assert session.scalar(select(AuditEvent).where(AuditEvent.entity == "holiday")).actor_name == "office"


def test_a_bad_date_is_refused_beside_its_field_and_changes_nothing(page_as, world, session):
    client, csrf = page_as(world.admin)
    answer = client.post("/admin/holidays", data={"csrf_token": csrf, "start": "明年春节", "is_workday": "0"})
    assert answer.status_code == 422 and "日期“明年春节”无效" in answer.text
    backwards = client.post("/admin/holidays", data={"csrf_token": csrf, "start": f"{FUTURE}-02-11",
                                                     "end": f"{FUTURE}-02-05", "is_workday": "0"})
    assert backwards.status_code == 422 and "早于开始日期" in backwards.text
    no_kind = client.post("/admin/holidays", data={"csrf_token": csrf, "start": f"{FUTURE}-02-11"})
    assert no_kind.status_code == 422 and "请选择类型" in no_kind.text
    session.expire_all()
    assert session.scalars(select(Holiday)).all() == []


def test_removing_a_local_day(page_as, world, session):
    holidays.set_days(session, actor=world.admin, start=date(FUTURE, 1, 2), is_workday=True, name="调休")
    session.commit()
    client, csrf = page_as(world.admin)
    answer = client.post("/admin/holidays/remove", data={"csrf_token": csrf, "day": f"{FUTURE}-01-02"})
    assert answer.status_code == 200 and "已删除" in answer.text
    session.expire_all()
    assert holidays.list_days(session, FUTURE) == []


def test_only_the_admin_and_the_office_reach_the_page(page_as, world):
    for persona in ("county", "leader", "transport_user"):
        client, csrf = page_as(getattr(world, persona))
        assert client.get("/admin/holidays").status_code == 403
        assert client.post("/admin/holidays", data={"csrf_token": csrf, "start": f"{FUTURE}-01-02",
                                                    "is_workday": "1"}).status_code == 403
        assert 'href="/admin/holidays"' not in client.get("/projects").text
    client, _ = page_as(world.office)
    assert 'href="/admin/holidays"' in client.get("/projects").text


def test_the_api_reads_sets_and_removes_days(api_as, world):
    office = api_as(world.office)
    year = office.get(f"/api/v1/holidays?year={FUTURE}").json()
    assert year["provisional"] is True and {d["name"] for d in year["days"]} >= {"元旦", "春节", "国庆节"}
    known = office.get("/api/v1/holidays?year=2025").json()
    assert known["provisional"] is False and any(d["is_workday"] for d in known["days"])  # 调休上班 weekends
    created = office.post("/api/v1/holidays", json={"start": f"{FUTURE}-10-01", "end": f"{FUTURE}-10-07",
                                                     "is_workday": False, "name": "国庆节"})
    assert created.status_code == 201 and created.json()["source"] == "管理员录入"
    assert office.delete(f"/api/v1/holidays/{FUTURE}-10-07").status_code == 204
    assert office.delete(f"/api/v1/holidays/{FUTURE}-10-08").status_code == 404
    assert api_as(world.county).post("/api/v1/holidays", json={"start": f"{FUTURE}-01-02",
                                                               "is_workday": True}).status_code == 403
    assert office.get("/api/v1/holidays?year=1999").status_code == 422


def test_the_to_do_asks_for_next_years_arrangement_from_november():
    calendar = WorkCalendar()
    last = FUTURE - 1
    assert years_to_enter(calendar, date(last, 6, 1)) == []
    assert years_to_enter(calendar, date(last, 11, 2)) == [FUTURE]
    assert years_to_enter(calendar, date(FUTURE, 3, 1)) == [FUTURE]
    entered = WorkCalendar({date(FUTURE, 1, 1): False})
    assert years_to_enter(entered, date(last, 12, 1)) == []


def test_the_to_do_item_goes_to_the_office_only_and_links_to_the_year(session, world):
    november = datetime(FUTURE - 1, 11, 20, 2, tzinfo=UTC)
    [item] = items(session, world.office, None, now=november)
    assert item.url == f"/admin/holidays?year={FUTURE}" and f"{FUTURE}年" in item.title
    assert items(session, world.county, None, now=november) == []
    holidays.set_days(session, actor=world.office, start=date(FUTURE, 1, 1), is_workday=False, name="元旦")
    assert items(session, world.office, None, now=november) == []
