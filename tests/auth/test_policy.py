"""Roles and scopes (pure rules): who may see and do what."""

import pytest

from zhenxing.auth.policy import (
    ROLES,
    Scope,
    can_create,
    can_edit,
    can_manage,
    can_report_task,
    can_request_closure,
    can_rewind_stage,
    can_supervise,
    covers,
    task_relation,
)

LINGHAI, SHUANGYANG, HEISHAN = 2, 3, 4
TRANSPORT, FGW = 20, 21
LIU_JIA, ZHANG_WEI = 30, 31


def owned(region_id=HEISHAN, lead_unit_id=None, steward_id=None) -> dict:
    return {"region_id": region_id, "lead_unit_id": lead_unit_id, "steward_id": steward_id}


@pytest.mark.parametrize("role", ["admin", "office", "leader"])
def test_city_wide_roles_cover_every_record(role):
    scope = Scope(role=role, everything=True)
    assert covers(scope, **owned(HEISHAN))
    assert covers(scope, **owned(None, None, None))


def test_a_county_user_covers_its_region_and_townships_only():
    scope = Scope(role="unit", region_ids=frozenset({LINGHAI, SHUANGYANG}))
    assert covers(scope, **owned(LINGHAI))
    assert covers(scope, **owned(SHUANGYANG))
    assert not covers(scope, **owned(HEISHAN))
    assert not covers(scope, **owned(None))


def test_a_unit_user_covers_projects_its_unit_leads_wherever_they_are():
    scope = Scope(role="unit", unit_id=TRANSPORT)
    assert covers(scope, **owned(HEISHAN, lead_unit_id=TRANSPORT))
    assert not covers(scope, **owned(HEISHAN, lead_unit_id=FGW))
    assert not covers(scope, **owned(HEISHAN, lead_unit_id=None))


def test_a_unit_user_with_nothing_assigned_covers_nothing():
    assert not covers(Scope(role="unit"), **owned(LINGHAI, TRANSPORT, LIU_JIA))


def test_a_steward_covers_only_the_projects_it_serves():
    scope = Scope(role="steward", person_id=LIU_JIA, region_ids=frozenset({HEISHAN}))
    assert covers(scope, **owned(HEISHAN, steward_id=LIU_JIA))
    assert not covers(scope, **owned(HEISHAN, steward_id=ZHANG_WEI))
    assert not covers(scope, **owned(HEISHAN, steward_id=None))


def test_a_steward_without_a_person_covers_nothing_not_even_unstewarded_projects():
    assert not covers(Scope(role="steward", person_id=None), **owned(HEISHAN, steward_id=None))


EXPECTED = {
    # role: (can_edit, can_create, can_rewind_stage, can_manage)
    "admin": (True, True, True, True),
    "office": (True, True, True, True),
    "leader": (False, False, False, False),
    "unit": (True, True, False, False),
    "steward": (True, False, False, False),
    "supervisor": (False, False, False, False),  # 督查室: follows tasks and targets, not the project ledger
    "hotline": (False, False, False, False),  # the 12345 centre reads the ledger, works on appeals only
}


def test_every_role_has_expectations_and_a_chinese_label():
    assert set(EXPECTED) == set(ROLES)
    assert ROLES["leader"] == "市领导"


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_may_do_exactly_what_it_should(role):
    actual = (can_edit(role), can_create(role), can_rewind_stage(role), can_manage(role))
    assert actual == EXPECTED[role]


@pytest.mark.parametrize("role", ["", "guest", "Admin"])
def test_unknown_roles_may_do_nothing(role):
    assert not any((can_edit(role), can_create(role), can_rewind_stage(role), can_manage(role)))


@pytest.mark.parametrize(("role", "allowed"), [("admin", True), ("office", True), ("supervisor", True),
                                               ("leader", False), ("unit", False), ("steward", False), ("", False)])
def test_the_supervision_office_admin_and_project_office_supervise(role, allowed):
    assert can_supervise(role) is allowed


def task(lead=TRANSPORT, partners=frozenset({FGW}), region=None) -> dict:
    return {"lead_unit_id": lead, "partner_unit_ids": partners, "region_id": region}


def test_a_unit_leads_its_own_tasks_and_helps_with_its_partners_ones():
    assert task_relation(Scope(role="unit", unit_id=TRANSPORT), **task()) == "lead"
    assert task_relation(Scope(role="unit", unit_id=FGW), **task()) == "partner"
    assert task_relation(Scope(role="unit", unit_id=99), **task()) is None
    assert task_relation(Scope(role="unit"), **task()) is None


def test_a_county_leads_the_tasks_of_its_own_region_and_nothing_else():
    county = Scope(role="unit", region_ids=frozenset({LINGHAI, SHUANGYANG}))
    assert task_relation(county, **task(lead=None, region=SHUANGYANG)) == "lead"
    assert task_relation(county, **task(region=HEISHAN)) is None
    assert task_relation(county, **task(region=None)) is None


@pytest.mark.parametrize("role", ["admin", "office", "leader", "supervisor"])
def test_city_wide_roles_read_every_task(role):
    assert task_relation(Scope(role=role, everything=True), **task()) == "all"


def test_a_steward_sees_no_supervised_task():
    assert task_relation(Scope(role="steward", person_id=LIU_JIA, region_ids=frozenset({HEISHAN})),
                         **task(region=HEISHAN)) is None


def test_lead_and_partners_report_but_only_the_lead_asks_for_closure():
    assert [can_report_task(r) for r in ("lead", "partner", "all", None)] == [True, True, False, False]
    assert [can_request_closure(r) for r in ("lead", "partner", "all", None)] == [True, False, False, False]


def test_a_user_is_named_by_person_and_unit_else_by_unit_or_role_with_the_login():
    from zhenxing.auth.policy import user_label

    assert user_label("zhangsan", "unit", person="张三", unit="市发展改革委") == "张三（市发展改革委）"
    assert user_label("hotline", "hotline") == "12345热线中心（hotline）"
    assert user_label("jiaotong", "unit", unit="市交通运输局") == "市交通运输局（jiaotong）"
    assert user_label("admin", "admin", person="李雷") == "李雷（系统管理员）"
