"""Adding and renaming regions, units and people: names unique, no cycles in the tree, audited."""

import pytest

from zhenxing import audit
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.org.models import Region


def test_the_office_adds_a_township_under_a_county(session, world):
    town = org.create_region(session, actor=world.office, name=" 金城街道 ", kind="township",
                             parent_id=world.linghai.id)
    assert town.name == "金城街道" and town.id in org.subtree_ids(session, world.linghai.id)
    event = audit.list_events(session, entity="region", entity_id=town.id)[0]
    assert event.action == "create" and event.actor_name == "office" and "金城街道" in event.summary


def test_a_region_is_renamed_and_the_change_audited(session, world):
    org.update_region(session, actor=world.admin, region_id=world.heishan.id, name="黑山县（新）")
    event = audit.list_events(session, entity="region", entity_id=world.heishan.id, action="update")[0]
    assert event.changes == {"name": ["黑山县", "黑山县（新）"]}


def test_a_region_name_must_be_unique(session, world):
    with pytest.raises(Conflict) as taken:
        org.create_region(session, actor=world.office, name="凌海市", kind="county", parent_id=world.city.id)
    assert taken.value.field == "name"
    with pytest.raises(Conflict):
        org.update_region(session, actor=world.office, region_id=world.heishan.id, name="凌海市")


def test_keeping_ones_own_name_is_no_conflict(session, world):
    assert org.update_region(session, actor=world.office, region_id=world.heishan.id, name="黑山县").name == "黑山县"


@pytest.mark.parametrize("target", ["linghai", "shuangyang"])
def test_a_region_cannot_move_under_itself_or_below_itself(session, world, target):
    with pytest.raises(Rejected) as cycle:
        org.update_region(session, actor=world.office, region_id=world.linghai.id,
                          parent_id=getattr(world, target).id)
    assert cycle.value.field == "parent_id"
    session.rollback()
    assert session.get(Region, world.linghai.id).parent_id == world.city.id


def test_a_region_moves_under_another_branch(session, world):
    org.update_region(session, actor=world.office, region_id=world.shuangyang.id, parent_id=world.heishan.id)
    assert world.shuangyang.id in org.subtree_ids(session, world.heishan.id)


def test_a_refused_change_changes_nothing(session, world):
    with pytest.raises(Rejected):
        org.update_region(session, actor=world.office, region_id=world.linghai.id, name="凌海", kind="planet")
    assert (world.linghai.name, world.linghai.kind) == ("凌海市", "county")


@pytest.mark.parametrize(("values", "field"), [
    ({"name": "", "kind": "county"}, "name"), ({"name": "某地", "kind": "province"}, "kind"),
    ({"name": "某地", "kind": "county", "parent_id": 9999}, "parent_id"),
])
def test_bad_region_values_are_refused_and_named(session, world, values, field):
    with pytest.raises((Rejected, NotFound)) as refused:
        org.create_region(session, actor=world.office, **values)
    assert refused.value.field == field


def test_units_are_added_and_renamed_with_unique_names(session, world):
    unit = org.create_unit(session, actor=world.office, name="市营商局", region_id=world.city.id)
    org.update_unit(session, actor=world.office, unit_id=unit.id, name="市营商环境建设局")
    assert [u.name for u in org.list_units(session)][-1] == "市营商环境建设局"
    with pytest.raises(Conflict) as taken:
        org.update_unit(session, actor=world.office, unit_id=unit.id, name="市交通运输局")
    assert taken.value.field == "name"


def test_people_are_added_with_title_and_unit_and_may_share_a_name(session, world):
    first = org.create_person(session, actor=world.office, name="张伟", title="局长", unit_id=world.fgw.id)
    second = org.create_person(session, actor=world.office, name="张伟", title="科长")
    org.update_person(session, actor=world.office, person_id=second.id, unit_id=world.transport.id)
    assert first.label == "张伟（局长）" and second.unit_id == world.transport.id
    assert audit.list_events(session, entity="person", entity_id=second.id)[0].changes == {
        "unit_id": [None, world.transport.id]}


def test_a_person_in_an_unknown_unit_is_refused(session, world):
    with pytest.raises(NotFound) as refused:
        org.create_person(session, actor=world.office, name="李四", unit_id=9999)
    assert refused.value.field == "unit_id"


def test_only_the_office_and_admins_manage_the_organisation(session, world):
    for actor in (world.leader, world.county, world.steward):
        with pytest.raises(Forbidden):
            org.create_region(session, actor=actor, name="某地", kind="county")
        with pytest.raises(Forbidden):
            org.update_unit(session, actor=actor, unit_id=world.fgw.id, name="某局")
        with pytest.raises(Forbidden):
            org.create_person(session, actor=actor, name="某人")
    assert world.fgw.name == "市发展改革委"
