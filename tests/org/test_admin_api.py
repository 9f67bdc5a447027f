"""The organisation over the API: POST and PATCH for the office and admins, errors naming the field."""

from zhenxing import audit
from zhenxing.org.models import Region, Unit


def test_the_office_adds_and_renames_a_region(world, api_as):
    client = api_as(world.office)
    made = client.post("/api/v1/regions", json={"name": "滨海新区", "kind": "zone", "parent_id": world.city.id})
    assert made.status_code == 201 and made.json()["parent_id"] == world.city.id
    renamed = client.patch(f"/api/v1/regions/{made.json()['id']}", json={"name": "锦州滨海新区"})
    assert renamed.json() == {**made.json(), "name": "锦州滨海新区"}


def test_a_patch_with_a_null_parent_makes_a_root_and_without_one_keeps_it(world, api_as):
    client = api_as(world.office)
    assert client.patch(f"/api/v1/regions/{world.heishan.id}", json={"kind": "district"}).json()["parent_id"]
    assert client.patch(f"/api/v1/regions/{world.heishan.id}", json={"parent_id": None}).json()["parent_id"] is None


def test_a_cycle_is_refused_naming_the_parent(world, api_as, sessions):
    answer = api_as(world.admin).patch(f"/api/v1/regions/{world.city.id}", json={"parent_id": world.shuangyang.id})
    assert answer.status_code == 422 and answer.json()["field"] == "parent_id"
    with sessions() as session:
        assert session.get(Region, world.city.id).parent_id is None


def test_units_and_people_are_added_and_changed(world, api_as):
    client = api_as(world.office)
    unit = client.post("/api/v1/units", json={"name": "市营商局"}).json()
    assert client.patch(f"/api/v1/units/{unit['id']}", json={"region_id": world.city.id}).json()["region_id"]
    person = client.post("/api/v1/people", json={"name": "赵敏", "title": "局长", "unit_id": unit["id"]})
    assert person.status_code == 201 and person.json()["unit_id"] == unit["id"]
    changed = client.patch(f"/api/v1/people/{person.json()['id']}", json={"title": "副局长"}).json()
    assert changed["title"] == "副局长" and changed["unit_id"] == unit["id"]


def test_a_duplicate_unit_is_a_conflict(world, api_as):
    answer = api_as(world.office).post("/api/v1/units", json={"name": "市交通运输局"})
    assert answer.status_code == 409 and answer.json()["field"] == "name"


def test_others_are_refused_audited_and_change_nothing(world, api_as, sessions):
    client = api_as(world.county)
    assert client.post("/api/v1/units", json={"name": "某局"}).status_code == 403
    assert client.patch(f"/api/v1/regions/{world.linghai.id}", json={"name": "某市"}).status_code == 403
    assert client.get("/api/v1/regions").status_code == 200
    with sessions() as session:
        assert session.get(Region, world.linghai.id).name == "凌海市"
        assert session.query(Unit).filter_by(name="某局").count() == 0
        assert len(audit.list_events(session, action="denied")) == 2
