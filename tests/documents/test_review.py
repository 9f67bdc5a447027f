"""The review queue: accept, edit, merge, reject, bulk accept; audited; the office only."""

import pytest
from sqlalchemy import func, select

from tests.factories import make_document, make_project
from zhenxing.audit import AuditEvent
from zhenxing.auth.service import scope_for
from zhenxing.documents import review
from zhenxing.documents.models import Draft
from zhenxing.errors import Conflict, Forbidden, Rejected
from zhenxing.projects.models import Project
from zhenxing.targets.models import Reading, Target
from zhenxing.tasks.models import Task


@pytest.fixture
def queue(session, world):
    make_document(session, actor=world.office)
    return world


def first(session, kind, contains=""):
    drafts = session.scalars(select(Draft).where(Draft.kind == kind).order_by(Draft.start))
    return next(d for d in drafts if contains in d.quote)


def accept(session, world, draft, who=None):
    who = who or world.office
    return review.accept(session=session, actor=who, scope=scope_for(session, who), draft_id=draft.id)


def count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def test_accepting_a_target_draft_writes_the_target_and_audits_the_decision(session, queue):
    draft = first(session, "target", "地区生产总值")
    accept(session, queue, draft)
    target = session.get(Target, draft.result_id)
    assert (target.indicator, target.value_text, target.unit, target.comparator, target.year) == (
        "地区生产总值", "6", "%", "~", 2025)
    assert target.region.name == "锦州市" and target.document_id == draft.document_id
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "review", AuditEvent.entity_id == draft.id))
    assert event.changes["status"] == ["pending", "accepted"] and event.actor_name == "office"


def test_accepting_a_reading_draft_records_the_year_before(session, queue):
    draft = first(session, "reading", "地区生产总值")
    accept(session, queue, draft)
    reading = session.get(Reading, draft.result_id)
    assert reading.period == "2024" and reading.value_text == "5.5"


def test_an_edited_draft_is_accepted_with_the_edits_and_the_edit_is_audited(session, queue):
    draft = first(session, "task", "养老")
    review.edit_draft(session=session, actor=queue.office, draft_id=draft.id,
                      changes={"lead_unit_id": queue.fgw.id, "leader": "王振国", "partner_units": "市财政局"})
    accept(session, queue, draft)
    task = session.get(Task, draft.result_id)
    # The leader as written becomes the Person; a partner the organisation does not have is kept, not dropped.
    assert (task.lead_unit.name, task.leader.name, task.partners) == ("市发展改革委", "王振国", [])
    assert task.unresolved == "配合单位（未匹配）：市财政局"
    assert task.number == 1
    edits = session.scalars(select(AuditEvent).where(AuditEvent.entity == "draft", AuditEvent.entity_id == draft.id))
    assert any(e.changes.get("leader") == ["", "王振国"] for e in edits)


def test_editing_refuses_a_field_the_kind_does_not_have(session, queue):
    with pytest.raises(Rejected) as refused:
        review.edit_draft(session=session, actor=queue.office, draft_id=first(session, "task").id,
                          changes={"value": 3})
    assert refused.value.field == "value"


@pytest.mark.parametrize(("kind", "changes", "field"), [
    ("target", {"value": "六"}, "value"), ("target", {"comparator": ">"}, "comparator"),
    ("task", {"content": " "}, "content"), ("task", {"lead_unit_id": 999999}, "lead_unit_id"),
    ("project", {"stage": "finished"}, "stage"),
])
def test_an_edit_that_could_not_be_accepted_is_refused_and_the_draft_kept(session, queue, kind, changes, field):
    draft = first(session, kind)
    before = dict(draft.payload)
    with pytest.raises(Rejected) as refused:
        review.edit_draft(session=session, actor=queue.office, draft_id=draft.id, changes=changes)
    assert refused.value.field == field and draft.payload == before


def test_merging_a_target_draft_updates_the_existing_target(session, queue):
    old = first(session, "target", "地区生产总值")
    accept(session, queue, old)
    newer = first(session, "target", "一般公共预算收入")
    review.merge(session=session, actor=queue.office, scope=scope_for(session, queue.office), draft_id=newer.id,
                 into_id=old.result_id)
    assert count(session, Target) == 1
    target = session.get(Target, old.result_id)
    assert target.indicator == "一般公共预算收入" and newer.status == "merged" and newer.result_id == target.id


def test_rejecting_changes_no_ledger_and_a_decided_draft_cannot_be_decided_again(session, queue):
    draft = first(session, "target")
    review.reject(session=session, actor=queue.office, draft_id=draft.id, reason="重复")
    assert draft.status == "rejected" and draft.note == "重复" and count(session, Target) == 0
    with pytest.raises(Conflict):
        accept(session, queue, draft)


def test_bulk_accept_takes_all_or_none(session, queue):
    targets = list(session.scalars(select(Draft).where(Draft.kind == "target")))
    done = review.bulk_accept(session=session, actor=queue.office, scope=scope_for(session, queue.office),
                              draft_ids=[d.id for d in targets[:3]])
    assert len(done) == 3 and count(session, Target) == 3
    session.commit()
    with pytest.raises(Conflict):
        review.bulk_accept(session=session, actor=queue.office, scope=scope_for(session, queue.office),
                           draft_ids=[targets[3].id, targets[0].id])
    session.rollback()
    assert count(session, Target) == 3 and session.get(Draft, targets[3].id).status == "pending"


def test_accepting_a_new_project_creates_it_in_the_ledger_with_a_code_and_the_documents_region(session, queue):
    draft = first(session, "project", "东湖新材料")
    accept(session, queue, draft)
    project = session.get(Project, draft.result_id)
    assert project.name == "东湖新材料10万吨锂电材料项目" and project.code == "WJ2025-001"
    assert project.region.name == "锦州市"
    assert project.plan_started_on is not None or project.stage == "started"


def test_accepting_a_matched_project_moves_the_ledger_project_on_instead_of_adding_one(session, world):
    existing = make_project(session, name="锦州石化40万吨针状焦", stage="signed")
    session.commit()
    make_document(session, actor=world.office)
    draft = first(session, "project", "锦州石化")
    accept(session, world, draft)
    assert count(session, Project) == 1
    assert existing.stage == "started" and existing.plan_operating_on.isoformat() == "2025-12-31"
    assert draft.status == "merged" and draft.result_id == existing.id


@pytest.mark.parametrize("persona", ["leader", "county", "steward"])
def test_only_the_office_may_review(session, queue, persona):
    user = getattr(queue, persona)
    draft = first(session, "target")
    with pytest.raises(Forbidden):
        accept(session, queue, draft, who=user)
    with pytest.raises(Forbidden):
        review.list_drafts(session=session, actor=user)
    assert draft.status == "pending" and count(session, Target) == 0
