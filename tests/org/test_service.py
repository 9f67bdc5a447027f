"""The organisation: region subtrees, tree order and finding things by name."""

import pytest

from tests.factories import make_region
from zhenxing.errors import NotFound, Rejected
from zhenxing.org import service as org
from zhenxing.org.models import Person


def test_a_subtree_holds_the_region_and_everything_below_it(session, world):
    hamlet = make_region(session, "双羊村", "township", world.shuangyang)
    assert org.subtree_ids(session, world.linghai.id) == {world.linghai.id, world.shuangyang.id, hamlet.id}
    assert org.subtree_ids(session, world.heishan.id) == {world.heishan.id}
    assert org.subtree_ids(session, world.city.id) == {
        world.city.id, world.linghai.id, world.shuangyang.id, world.heishan.id, hamlet.id}


def test_regions_are_listed_parents_before_children(session, world):
    make_region(session, "黑山镇", "township", world.heishan)
    make_region(session, "金城街道", "township", world.linghai)
    names = [r.name for r in org.list_regions(session)]
    assert names == ["锦州市", "凌海市", "双羊镇", "金城街道", "黑山县", "黑山镇"]


def test_regions_units_and_people_are_found_by_name_ignoring_spaces(session, world):
    assert org.region_by_name(session, " 凌海市 ").id == world.linghai.id
    assert org.unit_by_name(session, "市交通运输局").id == world.transport.id
    assert org.person_by_name(session, "王振国").id == world.sponsor.id


@pytest.mark.parametrize(("finder", "field"), [
    (org.region_by_name, "region"), (org.unit_by_name, "unit"), (org.person_by_name, "person"),
])
def test_an_unknown_name_is_not_found_and_named(session, world, finder, field):
    with pytest.raises(NotFound) as missing:
        finder(session, "不存在")
    assert missing.value.field == field and "不存在" in missing.value.message


def test_a_person_is_created_on_request_only(session, world):
    person = org.person_by_name(session, "新管家", create=True)
    assert person.id is not None and session.get(Person, person.id).name == "新管家"
    assert org.person_by_name(session, "新管家", create=True).id == person.id


def test_a_region_of_an_unknown_kind_is_refused(session, world):
    with pytest.raises(Rejected) as refused:
        org.add_region(session, "某地", "province")
    assert refused.value.field == "kind"


def test_units_and_people_are_listed_in_creation_order(session, world):
    assert [u.name for u in org.list_units(session)] == ["市发展改革委", "市交通运输局"]
    assert [p.name for p in org.list_people(session)] == ["王振国", "刘佳"]
