"""Dates, confidence and what review decisions teach: the queue orders by confidence, a corrected lead unit
teaches the keyword table, a corrected stance is kept as an example (issue 11)."""

import datetime as dt

import pytest
from sqlalchemy import select

from tests.factories import REPORT, make_document, make_unit
from zhenxing.audit import AuditEvent
from zhenxing.auth.service import scope_for
from zhenxing.documents import learning, review, service
from zhenxing.documents.models import Draft, Fact, StanceExample
from zhenxing.errors import Conflict, Forbidden, Rejected
from zhenxing.org.models import Unit
from zhenxing.tasks.models import KeywordUnit

HEADED = "政府工作报告\n——2025年1月8日在测试市第十七届人民代表大会第四次会议上\n" + REPORT


def first(session, kind, contains=""):
    drafts = session.scalars(select(Draft).where(Draft.kind == kind).order_by(Draft.start))
    return next(d for d in drafts if contains in d.quote)


def unit(session, name):
    return session.scalar(select(Unit).where(Unit.name == name))


# --- the document's date ----------------------------------------------------------------------


def test_a_given_date_is_stored_as_given(session, world):
    result = service.ingest(session=session, actor=world.office, text=REPORT, year=2025, date=dt.date(2025, 1, 9))
    assert (result.document.dated, result.document.date_source) == (dt.date(2025, 1, 9), "given")


def test_without_a_date_the_header_s_is_stored_and_said_where_it_came_from(session, world):
    document = make_document(session, actor=world.office, text=HEADED).document
    assert (document.dated, document.date_source) == (dt.date(2025, 1, 8), "header")
    assert document.date_label == "2025-01-08（文头）"


def test_a_date_far_from_the_year_planned_is_refused_and_nothing_is_stored(session, world):
    with pytest.raises(Rejected) as refused:
        service.ingest(session=session, actor=world.office, text=REPORT, year=2025, date=dt.date(2019, 3, 1))
    assert refused.value.field == "date" and "与年度 2025 不符" in refused.value.message
    assert session.scalar(select(Draft)) is None


# --- confidence in the queue --------------------------------------------------------------------


def test_every_figure_and_task_draft_carries_a_confidence(session, world):
    make_document(session, actor=world.office)
    drafts = list(session.scalars(select(Draft).where(Draft.kind.in_(("target", "reading", "task")))))
    assert drafts and all(0 < d.confidence <= 1 for d in drafts)
    assert all(d.payload["why"].startswith("立场：") for d in drafts if d.kind != "task")


def test_the_queue_shows_the_doubtful_first_and_filters_by_confidence(session, world):
    make_document(session, actor=world.office)
    ordered = review.list_drafts(session=session, actor=world.office, order="confidence")
    values = [d.confidence for d in ordered]
    assert values == sorted(values)
    doubtful = review.list_drafts(session=session, actor=world.office, max_confidence=0.7)
    assert doubtful and all(d.confidence <= 0.7 for d in doubtful) and len(doubtful) < len(ordered)


def test_a_wrong_order_or_bound_is_refused_with_its_field(session, world):
    with pytest.raises(Rejected) as refused:
        review.list_drafts(session=session, actor=world.office, order="random")
    assert refused.value.field == "order"
    with pytest.raises(Rejected):
        review.list_drafts(session=session, actor=world.office, max_confidence=2)


# --- a corrected lead unit teaches the keyword table --------------------------------------------


def accept_with_unit(session, world, draft, unit_name):
    if unit(session, unit_name) is None:
        make_unit(session, unit_name)
    review.edit_draft(session=session, actor=world.office, draft_id=draft.id,
                      changes={"lead_unit_id": unit(session, unit_name).id})
    return review.accept(session=session, actor=world.office, scope=scope_for(session, world.office),
                         draft_id=draft.id)


def test_an_accepted_lead_unit_correction_adds_a_learnt_keyword_row_audited(session, world):
    make_document(session, actor=world.office)
    draft = first(session, "task", "社区服务设施")
    assert draft.payload["suggested_unit"].endswith("民政局")  # the defaults: 社区服务 is civil affairs' remit
    accept_with_unit(session, world, draft, "市住房城乡建设局")  # this city's division of work says otherwise
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.source == "learned"))
    assert (row.keyword, row.unit_name, row.weight) == ("社区服务设施", "市住房城乡建设局", learning.LEARNT_WEIGHT)
    event = session.scalar(select(AuditEvent).where(AuditEvent.entity == "keyword_unit",
                                                    AuditEvent.entity_id == row.id))
    assert "审核学得" in event.summary


def test_review_teaching_a_word_the_office_deleted_revives_it_as_learnt(session, world):
    make_document(session, actor=world.office)
    draft = first(session, "task", "社区服务设施")
    session.add(KeywordUnit(keyword="社区服务设施", unit_name="市住房城乡建设局", removed=True))  # a tombstone
    session.flush()
    accept_with_unit(session, world, draft, "市城市管理局")
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == "社区服务设施"))
    assert (row.unit_name, row.source, row.removed) == ("市城市管理局", "learned", False)


def test_the_same_correction_again_strengthens_the_row_and_the_next_document_follows_it(session, world):
    make_document(session, actor=world.office)
    accept_with_unit(session, world, first(session, "task", "社区服务设施"), "市住房城乡建设局")
    again = make_document(session, actor=world.office, text=REPORT.replace("2025年测试市", "2025年另一市"))
    draft = next(d for d in session.scalars(select(Draft).where(Draft.document_id == again.document.id,
                                                                Draft.kind == "task")) if "社区服务设施" in d.quote)
    assert draft.payload["lead_unit_name"] == "市住房城乡建设局"  # learnt
    assert draft.payload["suggested_unit"] == "市住房城乡建设局"
    accept_with_unit(session, world, draft, "市城市管理局")
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == "社区服务设施"))
    assert (row.unit_name, row.source) == ("市城市管理局", "learned")


def test_accepting_the_suggested_lead_unit_teaches_nothing(session, world):
    make_document(session, actor=world.office)
    draft = first(session, "task", "养老")
    review.accept(session=session, actor=world.office, scope=scope_for(session, world.office), draft_id=draft.id)
    assert session.scalar(select(KeywordUnit).where(KeywordUnit.source == "learned")) is None


def test_choosing_the_same_department_at_another_level_teaches_no_keyword(session, world):
    make_document(session, actor=world.office)
    draft = first(session, "task", "地区生产总值")
    assert draft.payload["suggested_unit"] == "市发展改革委"
    accept_with_unit(session, world, draft, "凌海市发展和改革局")  # the keyword was right, the level differs
    assert session.scalar(select(KeywordUnit).where(KeywordUnit.source == "learned")) is None


def test_of_a_department_at_several_levels_the_document_s_region_s_unit_is_suggested(session, world):
    county_fgw = make_unit(session, "凌海市发展和改革局")
    county_fgw.region_id = world.linghai.id
    city = make_document(session, actor=world.office)
    county = make_document(session, actor=world.office, text=REPORT.replace("2025年测试市", "2025年凌海市"),
                           region="凌海市")
    lead = {doc.document.id: next(d for d in session.scalars(select(Draft).where(
        Draft.document_id == doc.document.id, Draft.kind == "task")) if "地区生产总值" in d.quote).payload
        for doc in (city, county)}
    assert lead[city.document.id]["lead_unit_name"] == "市发展改革委"
    assert lead[county.document.id]["lead_unit_name"] == "凌海市发展和改革局"
    target = next(d for d in session.scalars(select(Draft).where(Draft.document_id == county.document.id,
                                                                  Draft.kind == "target"))
                  if "地区生产总值" in d.quote)
    assert target.payload["lead_unit_name"] == "凌海市发展和改革局"  # a target's lead as a task's


# --- a corrected stance is kept as an example -----------------------------------------------------


def test_switching_a_stance_changes_the_draft_and_its_fact_and_keeps_an_example(session, world):
    make_document(session, actor=world.office)
    draft = first(session, "target", "口袋公园")
    learning.switch_stance(session=session, actor=world.office, draft_id=draft.id)
    assert draft.kind == "reading" and draft.payload["period"] == "2024" and draft.confidence == 1.0
    assert session.get(Fact, draft.fact_id).stance == "actual"
    example = session.scalar(select(StanceExample))
    assert (example.engine_stance, example.stance, example.quote) == ("target", "actual", draft.quote)
    assert "口袋公园" in example.sentence and example.to_record()["stance"] == "actual"


def test_switching_back_to_what_the_engine_said_drops_the_example(session, world):
    make_document(session, actor=world.office)
    draft = first(session, "target", "口袋公园")
    learning.switch_stance(session=session, actor=world.office, draft_id=draft.id)
    learning.switch_stance(session=session, actor=world.office, draft_id=draft.id)
    assert draft.kind == "target" and session.scalar(select(StanceExample)) is None


def test_only_pending_figure_drafts_switch_and_only_the_office_switches(session, world):
    make_document(session, actor=world.office)
    with pytest.raises(Rejected):
        learning.switch_stance(session=session, actor=world.office, draft_id=first(session, "task").id)
    with pytest.raises(Forbidden):
        learning.switch_stance(session=session, actor=world.leader, draft_id=first(session, "target").id)
    draft = first(session, "target")
    review.reject(session=session, actor=world.office, draft_id=draft.id)
    with pytest.raises(Conflict):
        learning.switch_stance(session=session, actor=world.office, draft_id=draft.id)


def test_an_example_can_be_deleted_audited(session, world):
    make_document(session, actor=world.office)
    learning.switch_stance(session=session, actor=world.office, draft_id=first(session, "target", "口袋公园").id)
    example = session.scalar(select(StanceExample))
    learning.delete_example(session=session, actor=world.office, example_id=example.id)
    assert session.scalar(select(StanceExample)) is None
    assert session.scalar(select(AuditEvent).where(AuditEvent.entity == "stance_example"))
