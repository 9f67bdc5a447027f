"""Ingestion: the document stored once, its facts kept, drafts made per kind, projects matched not doubled."""

import pytest
from sqlalchemy import func, select

from tests.factories import REPORT, make_document, make_project
from zhenxing.documents import service
from zhenxing.documents.models import Document, Draft, Fact
from zhenxing.errors import Forbidden, Rejected
from zhenxing.projects.models import Project
from zhenxing.tasks.models import KeywordUnit


def drafts_of(session, kind):
    return list(session.scalars(select(Draft).where(Draft.kind == kind).order_by(Draft.start)))


def test_it_stores_the_document_with_its_hash_year_and_region(session, world):
    result = make_document(session, actor=world.office)
    document = result.document
    assert result.created
    assert document.title == "2025年测试市政府工作报告"
    assert document.year == 2025 and document.region.name == "锦州市"
    assert len(document.sha256) == 64 and document.text.startswith("2025年")


def test_ingesting_the_same_text_twice_returns_the_stored_document_and_drafts_nothing_more(session, world):
    first = make_document(session, actor=world.office)
    drafts = session.scalar(select(func.count()).select_from(Draft))
    again = make_document(session, actor=world.office, text=REPORT + "\r\n")
    assert not again.created
    assert again.document.id == first.document.id
    assert session.scalar(select(func.count()).select_from(Document)) == 1
    assert session.scalar(select(func.count()).select_from(Draft)) == drafts


def test_facts_keep_offsets_that_point_at_their_quote(session, world):
    document = make_document(session, actor=world.office).document
    facts = service.facts_of(session, document.id)
    assert len(facts) >= 8
    for fact in facts:
        assert document.text[fact.start:fact.end] == fact.quote


def test_targets_come_from_the_plan_and_readings_from_the_review_of_the_year_before(session, world):
    make_document(session, actor=world.office)
    targets = {d.payload["indicator"]: d.payload for d in drafts_of(session, "target")}
    readings = {d.payload["indicator"]: d.payload for d in drafts_of(session, "reading")}
    gdp = targets["地区生产总值"]
    assert (gdp["value"], gdp["unit"], gdp["kind"], gdp["comparator"], gdp["year"]) == (6.0, "%", "increase", "~", 2025)
    assert readings["地区生产总值"]["value"] == 5.5 and readings["地区生产总值"]["period"] == "2024"
    assert "城镇新增就业" in readings


def test_indicators_are_normalised_and_unknown_ones_kept_as_written(session, world):
    make_document(session, actor=world.office)
    by_written = {d.payload["written"]: d.payload for d in drafts_of(session, "target")}
    assert by_written["新建高标准农田"]["indicator"] == "高标准农田" and by_written["新建高标准农田"]["catalogued"]
    park = next(p for w, p in by_written.items() if "口袋公园" in w)
    assert park["indicator"] == park["written"] and not park["catalogued"]


def test_each_commitment_of_the_plan_becomes_a_task_with_a_suggested_lead_unit(session, world):
    make_document(session, actor=world.office)
    tasks = drafts_of(session, "task")
    assert tasks and all("2024年工作回顾" not in t.payload["section"] for t in tasks)
    care = next(t for t in tasks if "养老" in t.quote)
    assert care.payload["lead_unit_name"].endswith("民政局")
    assert care.payload["deadline"] == "2025年12月31日"
    assert care.payload["trigger"] == "养老服务" and 0 < care.payload["confidence"] <= 1
    assert session.scalar(select(func.count()).select_from(KeywordUnit)) > 10  # seeded from the defaults


def test_a_project_named_twice_is_one_draft_with_the_reported_and_the_planned_stage(session, world):
    make_document(session, actor=world.office)
    projects = {d.payload["name"]: d.payload for d in drafts_of(session, "project")}
    coke = projects["锦州石化40万吨针状焦项目"]
    assert (coke["stage"], coke["planned_stage"]) == ("started", "operating")
    assert coke["capacity"] == 40 and coke["capacity_unit"] == "万吨"
    assert not any(d.payload["indicator"].startswith("锦州石化") for d in drafts_of(session, "target"))


def test_a_project_already_in_the_ledger_is_matched_by_fuzzy_name_and_not_doubled(session, world):
    existing = make_project(session, name="锦州石化40万吨针状焦", stage="signed")
    session.commit()
    make_document(session, actor=world.office)
    projects = {d.payload["name"]: d.payload for d in drafts_of(session, "project")}
    assert projects["锦州石化40万吨针状焦项目"]["matched_project_id"] == existing.id
    assert projects["东湖新材料10万吨锂电材料项目"]["matched_project_id"] is None
    assert session.scalar(select(func.count()).select_from(Project)) == 1  # nothing enters the ledger unreviewed


def test_only_the_office_may_ingest_and_empty_text_is_refused(session, world):
    with pytest.raises(Forbidden):
        service.ingest(session=session, actor=world.county, text=REPORT, year=2025)
    with pytest.raises(Rejected) as refused:
        service.ingest(session=session, actor=world.office, text="   ", year=2025)
    assert refused.value.field == "text"
    assert session.scalar(select(func.count()).select_from(Fact)) == 0


def test_a_works_programme_is_drafted_with_low_confidence(session, world):
    plan = "二、2025年工作安排\n推进东城河道综合治理工程。开工建设滨海大道二期工程。"
    make_document(session, actor=world.office, text=plan)
    confidence = {d.payload["name"]: d.payload["confidence"] for d in drafts_of(session, "project")}
    assert confidence == {"东城河道综合治理工程": "low", "滨海大道二期工程": "high"}
