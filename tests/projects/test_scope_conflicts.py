"""A refused user learns nothing about another region's projects (issue 6, item 10): creating outside one's
scope is a 403 before any code check, and a code taken in another county reads as unavailable, not as an
existing project."""

from tests.factories import make_project


def test_creating_outside_the_scope_is_refused_before_the_code_is_looked_at(api_as, world, session):
    theirs = make_project(session, code="HS-001", region_id=world.heishan.id)
    session.commit()
    api = api_as(world.county)
    for code in (theirs.code, "HS-NEW"):
        answer = api.post("/api/v1/projects", json={"code": code, "name": "越界项目", "region_id": world.heishan.id})
        assert answer.status_code == 403 and code not in answer.text


def test_a_code_taken_in_another_county_reads_as_unavailable(api_as, world, session):
    theirs = make_project(session, code="HS-002", name="黑山某项目", region_id=world.heishan.id)
    ours = make_project(session, code="LH-001", region_id=world.linghai.id)
    session.commit()
    api = api_as(world.county)
    taken = api.post("/api/v1/projects", json={"code": theirs.code, "name": "新项目", "region_id": world.linghai.id})
    assert taken.status_code == 409 and "不可用" in taken.json()["message"] and "已存在" not in taken.text
    assert "黑山" not in taken.text
    mine = api.post("/api/v1/projects", json={"code": ours.code, "name": "新项目", "region_id": world.linghai.id})
    assert mine.status_code == 409 and "已存在" in mine.json()["message"]
