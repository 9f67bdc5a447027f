"""The organisation page: the tree for everybody, add and rename forms for the office and admins."""

import re

from sqlalchemy import select

from zhenxing import audit
from zhenxing.org.models import Person, Region, Unit


def test_the_tree_is_indented_with_kinds_units_and_people(world, page_as):
    client, _ = page_as(world.leader)
    page = client.get("/org")
    assert page.status_code == 200
    depths = re.findall(r'data-testid="region-(\d+)" data-depth="(\d)"', page.text)
    assert depths == [(str(world.city.id), "0"), (str(world.linghai.id), "1"), (str(world.shuangyang.id), "2"),
                      (str(world.heishan.id), "1")]
    assert "乡镇(街道)" in page.text and "市交通运输局" in page.text and "王振国" in page.text and "副市长" in page.text


def test_the_tree_is_read_only_for_others(world, page_as):
    client, token = page_as(world.county)
    page = client.get("/org")
    assert 'data-testid="new-region"' not in page.text and "/edit" not in page.text
    assert client.get("/org/regions/new").status_code == 403
    assert client.post("/org/units", data={"csrf_token": token, "name": "某局"}).status_code == 403


def test_the_office_adds_a_township(world, page_as, sessions):
    client, token = page_as(world.office)
    assert 'data-testid="new-region"' in client.get("/org").text
    answer = client.post("/org/regions", data={"csrf_token": token, "name": "金城街道", "kind": "township",
                                               "parent_id": str(world.linghai.id)}, follow_redirects=False)
    assert answer.status_code == 303
    with sessions() as session:
        assert session.scalar(select(Region).where(Region.name == "金城街道")).parent_id == world.linghai.id


def test_a_regions_own_subtree_is_no_choice_of_parent(world, page_as):
    client, _ = page_as(world.office)
    form = client.get(f"/org/regions/{world.linghai.id}/edit").text
    parents = re.findall(r'<option value="(\d+)"', form.split('name="parent_id"')[1].split("</select>")[0])
    assert parents == [str(world.city.id), str(world.heishan.id)]


def test_a_cycle_or_a_taken_name_is_shown_beside_the_field_and_changes_nothing(world, page_as, sessions):
    client, token = page_as(world.admin)
    cycle = client.post(f"/org/regions/{world.linghai.id}/edit", data={
        "csrf_token": token, "name": "凌海", "kind": "county", "parent_id": str(world.shuangyang.id)})
    assert cycle.status_code == 422 and 'data-testid="error-parent_id"' in cycle.text
    taken = client.post(f"/org/regions/{world.linghai.id}/edit", data={
        "csrf_token": token, "name": "黑山县", "kind": "county", "parent_id": str(world.city.id)})
    assert taken.status_code == 422 and 'data-testid="error-name"' in taken.text
    with sessions() as session:
        region = session.get(Region, world.linghai.id)
        assert (region.name, region.parent_id) == ("凌海市", world.city.id)
        assert not audit.list_events(session, entity="region", action="update")


def test_units_and_people_are_added_and_renamed(world, page_as, sessions):
    client, token = page_as(world.office)
    client.post("/org/units", data={"csrf_token": token, "name": "市营商局", "region_id": ""})
    answer = client.post(f"/org/units/{world.fgw.id}/edit", data={
        "csrf_token": token, "name": "市发展和改革委员会", "region_id": str(world.city.id)}, follow_redirects=False)
    assert answer.status_code == 303
    client.post("/org/people", data={"csrf_token": token, "name": "赵敏", "title": "局长",
                                     "unit_id": str(world.fgw.id)})
    with sessions() as session:
        assert session.get(Unit, world.fgw.id).name == "市发展和改革委员会"
        assert session.scalar(select(Unit).where(Unit.name == "市营商局")) is not None
        assert session.scalar(select(Person).where(Person.name == "赵敏")).unit_id == world.fgw.id


def test_an_empty_name_is_refused_beside_the_field(world, page_as):
    client, token = page_as(world.office)
    answer = client.post("/org/people", data={"csrf_token": token, "name": " ", "title": "", "unit_id": ""})
    assert answer.status_code == 422 and 'data-testid="error-name"' in answer.text
