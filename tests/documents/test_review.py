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


def essentials(session, world, draft, **overrides):
    """What the reviewer fills in before a new project enters the ledger."""
    changes = {"total_investment": 52_000, "stage": "signed", "lead_unit_id": world.fgw.id, **overrides}
    review.edit_draft(session=session, actor=world.office, draft_id=draft.id, changes=changes)


def test_accepting_a_new_project_creates_it_in_the_ledger_with_a_code_and_the_documents_region(session, queue):
    draft = first(session, "project", "东湖新材料")
    essentials(session, queue, draft)
    accept(session, queue, draft)
    project = session.get(Project, draft.result_id)
    assert project.name == "东湖新材料10万吨锂电材料项目" and project.code == "WJ2025-001"
    assert project.region.name == "锦州市"
    assert project.plan_started_on is not None or project.stage == "started"
    assert (project.total_investment, project.stage, project.lead_unit_id) == (52_000, "signed", queue.fgw.id)


def test_a_new_project_is_not_accepted_without_its_investment_stage_and_lead_unit(session, queue):
    draft = first(session, "project", "东湖新材料")
    with pytest.raises(Rejected) as refused:
        accept(session, queue, draft)
    session.rollback()
    assert "总投资" in refused.value.message and "项目阶段" in refused.value.message
    assert "牵头单位" in refused.value.message and refused.value.field == "total_investment"
    assert count(session, Project) == 0 and session.get(Draft, draft.id).status == "pending"
    outcome = review.project_outcome(session, session.get(Draft, draft.id))
    assert outcome["action"] == "create" and outcome["missing"] == ["总投资", "项目阶段", "牵头单位"]


EXPANSION = """2025年测试市政府工作报告

二、2025年工作安排

  推动国电投黑山400兆瓦风电扩建项目开工建设。
"""


def test_an_expansion_of_a_ledger_project_is_a_new_project_linked_to_the_original(session, world):
    original = make_project(session, name="国电投黑山400兆瓦风电项目", stage="operating", region_id=world.heishan.id,
                            lead_unit_id=world.fgw.id, total_investment=280_000)
    session.commit()
    make_document(session, actor=world.office, text=EXPANSION)
    draft = first(session, "project", "扩建")
    assert draft.payload["matched_project_id"] is None and draft.payload["expansion_of_id"] == original.id
    outcome = review.project_outcome(session, draft)
    assert outcome["action"] == "create" and outcome["expansion_of"].id == original.id
    assert outcome["values"]["lead_unit_id"] == world.fgw.id  # taken from the original
    essentials(session, world, draft, total_investment=240_000, stage="planned")
    accept(session, world, draft)
    created = session.get(Project, draft.result_id)
    assert created.id != original.id and created.expansion_of_id == original.id
    assert created.total_investment == 240_000 and draft.status == "accepted"
    assert (original.stage, original.total_investment) == ("operating", 280_000)


def test_an_expansion_matched_before_this_rule_still_becomes_a_new_project(session, world):
    original = make_project(session, name="国电投黑山400兆瓦风电项目", stage="operating", region_id=world.heishan.id)
    session.commit()
    make_document(session, actor=world.office, text=EXPANSION)
    draft = first(session, "project", "扩建")
    # a draft ingested before expansions were told apart: matched to the operating project
    draft.payload = {**draft.payload, "matched_project_id": original.id, "expansion_of_id": None}
    session.flush()
    assert review.project_outcome(session, draft)["expansion_of"].id == original.id


def test_the_reviewer_may_take_a_matched_project_as_a_new_one(session, world):
    existing = make_project(session, name="锦州石化40万吨针状焦", stage="signed")
    session.commit()
    make_document(session, actor=world.office)
    draft = first(session, "project", "锦州石化")
    essentials(session, world, draft, stage="planned")
    review.accept(session=session, actor=world.office, scope=scope_for(session, world.office), draft_id=draft.id,
                  as_new=True)
    assert count(session, Project) == 2 and existing.stage == "signed" and draft.status == "accepted"


def test_accepting_a_matched_project_moves_the_ledger_project_on_instead_of_adding_one(session, world):
    existing = make_project(session, name="锦州石化40万吨针状焦", stage="signed")
    session.commit()
    make_document(session, actor=world.office)
    draft = first(session, "project", "锦州石化")
    preview = review.merge_preview(session=session, actor=world.office, scope=scope_for(session, world.office),
                                   draft_id=draft.id, into_id=existing.id)
    assert existing.stage == "signed" and draft.status == "pending"  # the preview changed nothing
    accept(session, world, draft)
    assert count(session, Project) == 1
    assert existing.stage == "started" and existing.plan_operating_on.isoformat() == "2025-12-31"
    assert draft.status == "merged" and draft.result_id == existing.id
    # the merge says exactly what it changed, and the preview said the same beforehand
    assert draft.merge_changes == preview == [("项目阶段", "签约", "开工"), ("计划投产日期", "—", "2025-12-31")]


def test_a_merge_that_changes_nothing_says_so(session, world):
    existing = make_project(session, name="锦州石化40万吨针状焦", stage="operating")
    session.commit()
    make_document(session, actor=world.office)
    draft = first(session, "project", "锦州石化")
    accept(session, world, draft)
    assert draft.status == "merged" and draft.merge_changes == [] and existing.stage == "operating"


@pytest.mark.parametrize("persona", ["leader", "county", "steward"])
def test_only_the_office_may_review(session, queue, persona):
    user = getattr(queue, persona)
    draft = first(session, "target")
    with pytest.raises(Forbidden):
        accept(session, queue, draft, who=user)
    with pytest.raises(Forbidden):
        review.list_drafts(session=session, actor=user)
    assert draft.status == "pending" and count(session, Target) == 0
