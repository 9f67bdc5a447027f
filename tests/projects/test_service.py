"""The ledger's domain functions called directly: scope, audit before → after, transitions."""

from datetime import date

import pytest

from tests.factories import make_project
from zhenxing.audit import list_events
from zhenxing.auth.policy import Scope
from zhenxing.auth.service import scope_for
from zhenxing.errors import Forbidden, Rejected
from zhenxing.projects import service
from zhenxing.projects.schemas import ProjectCreate, ProjectUpdate


def listed(session, scope, **filters) -> list[str]:
    listing = service.list_projects(session=session, scope=scope, filters=service.ProjectFilters(**filters))
    return [p.code for p in listing.items]


def test_the_scope_of_a_county_user_holds_its_townships(session, world):
    scope = scope_for(session, world.county)
    assert scope.region_ids == {world.linghai.id, world.shuangyang.id} and not scope.everything


def test_the_scope_of_a_steward_is_its_person(session, world):
    assert scope_for(session, world.steward) == Scope(role="steward", person_id=world.steward.person_id,
                                                      shared_region_ids=frozenset({world.city.id}))


def test_a_unit_user_with_neither_region_nor_unit_sees_nothing(session, world):
    make_project(session, code="S-1")
    assert listed(session, Scope(role="unit")) == []
    assert listed(session, Scope(role="office", everything=True)) == ["S-1"]


def test_the_stage_summary_counts_only_what_the_scope_and_filters_allow(session, world):
    make_project(session, code="S-1", region_id=world.linghai.id, total_investment=100)
    make_project(session, code="S-2", region_id=world.heishan.id, total_investment=900)
    make_project(session, code="S-3", region_id=world.shuangyang.id, total_investment=50, stage="signed")
    listing = service.list_projects(session=session, scope=scope_for(session, world.county),
                                    filters=service.ProjectFilters())
    summary = {row["stage"]: (row["count"], row["total_investment"]) for row in listing.by_stage}
    assert summary["planned"] == (1, 100) and summary["signed"] == (1, 50) and listing.total == 2


def test_creating_records_every_field_as_after_with_names_not_ids(session, world):
    data = ProjectCreate(code="S-9", name="服务层新建", region_id=world.linghai.id, lead_unit_id=world.fgw.id,
                         total_investment=12345)
    project = service.create_project(session=session, actor=world.office,
                                     scope=scope_for(session, world.office), data=data)
    [event] = list_events(session, entity="project", entity_id=project.id)
    assert event.action == "create" and event.actor_name == "office"
    assert event.changes["lead_unit"] == [None, "市发展改革委"]
    assert event.changes["total_investment"] == [None, 12345]


def test_a_leader_cannot_create_even_within_its_scope(session, world):
    with pytest.raises(Forbidden):
        service.create_project(session=session, actor=world.leader, scope=scope_for(session, world.leader),
                               data=ProjectCreate(code="S-8", name="领导新建", region_id=world.city.id))


def test_an_update_records_before_and_after_of_the_changed_fields_only(session, world):
    project = make_project(session, code="S-1", total_investment=100, planned_investment=50,
                           plan_started_on=date(2025, 1, 1))
    service.update_project(session=session, actor=world.office, scope=scope_for(session, world.office),
                           project_id=project.id,
                           data=ProjectUpdate(total_investment=200, plan_started_on=date(2025, 3, 1), cluster=""))
    [event] = list_events(session, entity="project", entity_id=project.id)
    assert event.changes == {"total_investment": [100, 200], "plan_started_on": ["2025-01-01", "2025-03-01"]}


def test_a_transition_uses_the_given_today_for_the_future_check(session, world):
    project = make_project(session, code="S-1")
    scope = scope_for(session, world.office)
    with pytest.raises(Rejected):
        service.transition(session=session, actor=world.office, scope=scope, project_id=project.id,
                           to="signed", on=date(2025, 6, 2), today=date(2025, 6, 1))
    moved = service.transition(session=session, actor=world.office, scope=scope, project_id=project.id,
                               to="signed", on=date(2025, 6, 1), today=date(2025, 6, 1))
    assert (moved.stage, moved.signed_on) == ("signed", date(2025, 6, 1))


def test_a_rewind_audits_the_cleared_dates(session, world):
    project = make_project(session, code="S-1", stage="completed", signed_on=date(2024, 1, 1),
                           started_on=date(2024, 5, 1), completed_on=date(2025, 5, 1))
    service.transition(session=session, actor=world.admin, scope=scope_for(session, world.admin),
                       project_id=project.id, to="signed", on=date(2025, 6, 1), reason="数据纠错")
    [event] = list_events(session, entity="project", entity_id=project.id)
    assert event.changes == {"stage": ["completed", "signed"], "started_on": ["2024-05-01", None],
                             "completed_on": ["2025-05-01", None]}
    assert "竣工 → 签约" in event.summary and "数据纠错" in event.summary


def test_the_history_is_refused_outside_the_scope(session, world):
    project = make_project(session, code="S-1", region_id=world.heishan.id)
    with pytest.raises(Forbidden):
        service.history(session=session, scope=scope_for(session, world.county), project_id=project.id)
