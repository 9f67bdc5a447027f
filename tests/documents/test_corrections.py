"""Correcting a document's year, date or region, and withdrawing a mistaken one (documents.corrections)."""

import pytest
from sqlalchemy import func, select

from tests.factories import make_document
from zhenxing.audit import AuditEvent
from zhenxing.auth import service as accounts
from zhenxing.documents import corrections, review, service
from zhenxing.documents.models import Document, Draft, Fact
from zhenxing.errors import Conflict, DomainError, Forbidden, Rejected
from zhenxing.targets.models import Reading, Target
from zhenxing.tasks.models import Task

# Without section headings the engine reads each figure's year against the document's: imported as 2024's,
# every figure is a plan; as 2025's, the 2024 figures are results.
NOTICE = """某县情况通报

2024年，全县地区生产总值增长5.5%，城镇新增就业1.6万人。
2025年，全县地区生产总值力争增长6%，新建高标准农田3万亩。
"""


def scope(session, user):
    return accounts.scope_for(session, user)


def drafts_of(session, document_id, kind=None):
    query = select(Draft).where(Draft.document_id == document_id).order_by(Draft.id)
    return list(session.scalars(query.where(Draft.kind == kind) if kind else query))


def figures(session, document_id):
    return [d for d in drafts_of(session, document_id) if d.kind in ("target", "reading")]


def correct(session, world, document_id, **values):
    outcome = corrections.correct(session=session, actor=world.office, scope=scope(session, world.office),
                                  document_id=document_id, **values)
    session.commit()
    return outcome


def test_correcting_the_year_judges_the_pending_drafts_again(session, world):
    document = make_document(session, text=NOTICE, year=2024, actor=world.office).document
    assert [d.kind for d in figures(session, document.id)] == ["target"] * 4
    tasks = [d.payload["year"] for d in drafts_of(session, document.id, "task")]
    assert tasks and set(tasks) == {2024}
    outcome = correct(session, world, document.id, year=2025, reason="年度填错")
    assert {d.payload["year"] for d in drafts_of(session, document.id, "task")} == {2025}
    drafts = figures(session, document.id)
    assert [(d.kind, d.payload.get("year"), d.payload.get("period")) for d in drafts] == [
        ("reading", 2024, "2024"), ("reading", 2024, "2024"), ("target", 2025, None), ("target", 2025, None)]
    facts = session.scalars(select(Fact).where(Fact.document_id == document.id).order_by(Fact.start)).all()
    assert [f.stance for f in facts] == ["actual", "actual", "target", "target"]
    assert session.get(Document, document.id).year == 2025
    assert outcome.done[:2] == ["年度 2024 → 2025", "2 条待审核草稿改判为实绩"]
    event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "document", AuditEvent.action == "update")
                            ).one()
    assert event.changes["year"] == [2024, 2025] and "年度填错" in event.summary


def test_a_year_a_reviewer_typed_and_a_stance_switched_by_hand_stay(session, world):
    from zhenxing.documents import learning

    document = make_document(session, text=NOTICE, year=2024, actor=world.office).document
    first, second, third, _ = figures(session, document.id)
    learning.switch_stance(session=session, actor=world.office, draft_id=first.id)  # a person: 实绩
    learning.switch_stance(session=session, actor=world.office, draft_id=second.id)
    learning.switch_stance(session=session, actor=world.office, draft_id=second.id)  # …and back: 目标
    review.edit_draft(session=session, actor=world.office, draft_id=third.id, changes={"year": 2026})
    session.commit()
    correct(session, world, document.id, year=2025)
    session.expire_all()
    assert session.get(Draft, first.id).kind == "reading"
    assert session.get(Draft, second.id).kind == "target"  # the reviewer's 目标 stands, though now a result
    assert session.get(Draft, third.id).payload["year"] == 2026


def test_accepted_targets_move_to_the_new_year(session, world):
    document = make_document(session, year=2024, actor=world.office).document
    draft = drafts_of(session, document.id, "target")[0]
    review.accept(session=session, actor=world.office, scope=scope(session, world.office), draft_id=draft.id)
    reading_draft = drafts_of(session, document.id, "reading")[0]
    review.accept(session=session, actor=world.office, scope=scope(session, world.office),
                  draft_id=reading_draft.id)
    session.commit()
    outcome = correct(session, world, document.id, year=2025)
    target = session.get(Target, session.get(Draft, draft.id).result_id)
    reading = session.get(Reading, session.get(Draft, reading_draft.id).result_id)
    assert (target.year, reading.period) == (2025, "2024")
    assert "已采纳的目标 1 条改为 2025 年" in outcome.done and "已采纳的实绩 1 条改为 2024 年" in outcome.done
    assert session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.entity.in_(("target", "reading")), AuditEvent.action == "update")) == 2


def test_an_accepted_target_that_would_become_a_result_refuses_the_correction(session, world):
    document = make_document(session, text=NOTICE, year=2024, actor=world.office).document
    draft = figures(session, document.id)[0]  # 地区生产总值 5.5% of 2024: a result once the year is 2025
    review.accept(session=session, actor=world.office, scope=scope(session, world.office), draft_id=draft.id)
    session.commit()
    with pytest.raises(Conflict) as refused:
        corrections.correct(session=session, actor=world.office, scope=scope(session, world.office),
                            document_id=document.id, year=2025)
    session.rollback()
    assert "已采纳的目标“地区生产总值”按 2025 年判断应为实绩" in refused.value.message
    assert session.get(Document, document.id).year == 2024
    assert [d.kind for d in figures(session, document.id)] == ["target"] * 4


def test_accepted_tasks_keep_their_year_so_the_year_cannot_change(session, world):
    document = make_document(session, actor=world.office).document
    draft = drafts_of(session, document.id, "task")[0]
    review.edit_draft(session=session, actor=world.office, draft_id=draft.id, changes={"lead_unit_id": world.fgw.id})
    review.accept(session=session, actor=world.office, scope=scope(session, world.office), draft_id=draft.id)
    session.commit()
    task = session.get(Task, session.get(Draft, draft.id).result_id)
    with pytest.raises(Conflict) as refused:
        corrections.correct(session=session, actor=world.office, scope=scope(session, world.office),
                            document_id=document.id, year=2026)
    assert f"2025-{task.number}" in refused.value.message and "任务按年度编号" in refused.value.message


def test_correcting_the_region_moves_the_accepted_records_and_says_projects_stay(session, world):
    document = make_document(session, actor=world.office).document
    target_draft = drafts_of(session, document.id, "target")[0]
    review.accept(session=session, actor=world.office, scope=scope(session, world.office), draft_id=target_draft.id)
    session.commit()
    outcome = correct(session, world, document.id, region="凌海市")
    target = session.get(Target, session.get(Draft, target_draft.id).result_id)
    assert target.region_id == world.linghai.id and session.get(Document, document.id).region_id == world.linghai.id
    assert outcome.done[:2] == ["地区 锦州市 → 凌海市", "已采纳的目标 1 条改为凌海市"]


def test_a_date_given_at_import_that_no_longer_fits_must_be_corrected_too(session, world):
    import datetime as dt

    document = service.ingest(session=session, actor=world.office, text=NOTICE, year=2024, region="锦州市",
                              date=dt.date(2024, 1, 10)).document
    session.commit()
    with pytest.raises(Rejected) as refused:
        corrections.correct(session=session, actor=world.office, scope=scope(session, world.office),
                            document_id=document.id, year=2026)
    assert refused.value.field == "date"
    session.rollback()
    correct(session, world, document.id, year=2025, date=dt.date(2025, 1, 8))
    assert session.get(Document, document.id).dated == dt.date(2025, 1, 8)


def test_nothing_to_correct_and_bad_values_are_refused_naming_the_field(session, world):
    document = make_document(session, actor=world.office).document
    office = scope(session, world.office)
    for values, field in (({}, "year"), ({"year": 2025, "region": "锦州市"}, "year"), ({"year": 1999}, "year"),
                          ({"region": "火星"}, "region")):
        with pytest.raises(DomainError) as refused:
            corrections.correct(session=session, actor=world.office, scope=office, document_id=document.id,
                                **values)
        assert refused.value.field == field, values
        session.rollback()


def test_only_the_office_corrects_or_withdraws(session, world):
    document = make_document(session, actor=world.office).document
    for user in (world.leader, world.county):
        with pytest.raises(Forbidden):
            corrections.correct(session=session, actor=user, scope=scope(session, user), document_id=document.id,
                                year=2024)
        with pytest.raises(Forbidden):
            corrections.withdraw(session=session, actor=user, scope=scope(session, user), document_id=document.id,
                                 reason="误导入")


def withdraw(session, world, document_id, reason="误导入了其他县区的文件"):
    outcome = corrections.withdraw(session=session, actor=world.office, scope=scope(session, world.office),
                                   document_id=document_id, reason=reason)
    session.commit()
    return outcome


def test_withdrawing_rejects_the_pending_drafts_and_keeps_the_accepted_records(session, world):
    document = make_document(session, actor=world.office).document
    draft = drafts_of(session, document.id, "target")[0]
    review.accept(session=session, actor=world.office, scope=scope(session, world.office), draft_id=draft.id)
    session.commit()
    total = len(drafts_of(session, document.id))
    outcome = withdraw(session, world, document.id)
    assert outcome.done == ["已撤回《2025年测试市政府工作报告》", f"驳回待审核草稿 {total - 1} 条",
                            "已进入台账的目标 1 条保留，来源标为已撤回文件"]
    statuses = {d.id: (d.status, d.note) for d in drafts_of(session, document.id)}
    assert statuses.pop(draft.id)[0] == "accepted"
    assert set(statuses.values()) == {("rejected", "文件已撤回：误导入了其他县区的文件")}
    target = session.get(Target, session.get(Draft, draft.id).result_id)
    assert target.source_withdrawn
    office = scope(session, world.office)
    assert service.list_documents(session, office) == []
    assert [d.id for d in service.list_documents(session, office, "withdrawn")] == [document.id]
    assert session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.entity == "draft", AuditEvent.summary.like("%文件已撤回%"))) == total - 1


def test_a_withdrawn_document_is_not_changed_again_and_its_text_may_be_imported_again(session, world):
    document = make_document(session, actor=world.office).document
    with pytest.raises(Rejected):
        withdraw(session, world, document.id, reason="  ")
    session.rollback()
    withdraw(session, world, document.id)
    with pytest.raises(Conflict):
        withdraw(session, world, document.id)
    session.rollback()
    with pytest.raises(Conflict):
        correct(session, world, document.id, year=2024)
    session.rollback()
    again = make_document(session, actor=world.office)
    assert again.created and again.document.id != document.id
    assert make_document(session, actor=world.office).document.id == again.document.id  # once while in force
    assert sum(again.drafts.values()) == len(drafts_of(session, again.document.id)) > 0
