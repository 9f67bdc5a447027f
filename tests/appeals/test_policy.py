"""Who plays which part on an appeal, and who sees it how (pure rules in auth/policy.py)."""

import pytest

from zhenxing.auth.policy import ROLES, Scope, appeal_actor, appeal_view, can_file_appeal, is_centre

LINGHAI, SHUANGYANG, HEISHAN = 2, 3, 4
TRANSPORT, FGW = 20, 21
LIU_JIA = 30


def actor(scope, unit=TRANSPORT, region=None):
    return appeal_actor(scope, handler_unit_id=unit, handler_region_id=region)


def view(scope, *, unit=TRANSPORT, handler_region=None, region=LINGHAI, partners=frozenset(), filed_by=None):
    return appeal_view(scope, actor=actor(scope, unit, handler_region), region_id=region,
                       partner_unit_ids=frozenset(partners), filed_by_person_id=filed_by)


def test_the_hotline_role_has_a_chinese_label_and_is_the_centre_with_admin():
    assert ROLES["hotline"] == "12345热线中心"
    assert {role for role in ROLES if is_centre(role)} == {"admin", "hotline"}
    assert {role for role in ROLES if can_file_appeal(role)} == {"admin", "hotline", "steward"}


@pytest.mark.parametrize("role", ["admin", "hotline"])
def test_the_centre_sees_everything_unmasked(role):
    scope = Scope(role=role, everything=True)
    assert actor(scope) == "centre" and view(scope, region=HEISHAN) == "full"


def test_the_handling_department_sees_its_appeal_unmasked_and_others_not_at_all():
    scope = Scope(role="unit", unit_id=TRANSPORT)
    assert actor(scope) == "unit" and view(scope) == "full"
    assert actor(scope, unit=FGW) == "other" and view(scope, unit=FGW) is None


def test_a_county_handles_what_falls_to_it_and_reads_its_regions_appeals_masked():
    scope = Scope(role="unit", region_ids=frozenset({LINGHAI, SHUANGYANG}))
    assert actor(scope, unit=None, region=LINGHAI) == "unit"
    assert view(scope, unit=None, handler_region=LINGHAI) == "full"
    assert view(scope, unit=TRANSPORT, region=SHUANGYANG) == "masked"
    assert view(scope, unit=TRANSPORT, region=HEISHAN) is None
    assert actor(scope, unit=TRANSPORT, region=LINGHAI) == "other"


@pytest.mark.parametrize("role", ["leader", "office"])
def test_leaders_and_the_office_read_every_appeal_masked_and_act_on_none(role):
    scope = Scope(role=role, everything=True)
    assert actor(scope) == "other" and view(scope, region=HEISHAN) == "masked"


def test_a_partner_unit_reads_masked_and_a_steward_reads_what_they_filed():
    assert view(Scope(role="unit", unit_id=FGW), partners={FGW}) == "masked"
    steward = Scope(role="steward", person_id=LIU_JIA)
    assert view(steward, filed_by=LIU_JIA) == "masked" and view(steward, filed_by=None) is None
    assert actor(steward) == "other"
