"""The engine's default keyword rows reach an installation seeded by an older release, and the office's own
decisions survive it: its edits stay, a default it deleted stays deleted (tombstone), review's rows stay."""

import pytest
from sqlalchemy import select

from zhenxing.audit import AuditEvent
from zhenxing.documents import engine
from zhenxing.tasks import keywords
from zhenxing.tasks.models import KeywordUnit


@pytest.fixture
def defaults(monkeypatch):
    """A small default table standing in for the engine's, changed between 'releases' by the tests."""
    table = {"高标准农田": "农业农村局", "口袋公园": "住房城乡建设局", "医保": "医疗保障局"}
    monkeypatch.setattr(engine, "DEFAULT_KEYWORD_UNITS", table)
    return table


def rows(session):
    return {row.keyword: (row.unit_name, row.source, row.removed) for row in session.scalars(select(KeywordUnit))}


def test_a_new_installation_is_seeded_with_the_defaults_without_an_audit_line(session, defaults):
    assert keywords.keyword_table(session) == defaults
    assert all(source == "default" for _, source, _ in rows(session).values())
    assert session.scalar(select(AuditEvent).where(AuditEvent.entity == "keyword_unit")) is None


def test_a_default_added_by_a_later_release_reaches_an_installation_seeded_earlier(session, defaults):
    keywords.keyword_table(session)
    defaults["集采"] = "医疗保障局"  # the newer engine knows a word more
    assert keywords.keyword_table(session)["集采"] == "医疗保障局"
    assert ("集采", "医疗保障局") in {(k, u) for k, u, _ in keywords.keyword_rows(session)}
    event = session.scalar(select(AuditEvent).where(AuditEvent.entity == "keyword_unit"))
    assert "新增 1 条" in event.summary


def test_an_untouched_default_follows_the_engine_and_an_edited_one_is_the_office_s(session, defaults, world):
    keywords.keyword_table(session)
    keywords.set_keyword(session=session, actor=world.office, keyword="口袋公园", unit_name="城市管理局")
    defaults["高标准农田"] = "农业农村局（乡村振兴局）"
    defaults["口袋公园"] = "园林局"
    table = keywords.keyword_table(session)
    assert table["高标准农田"] == "农业农村局（乡村振兴局）"
    assert table["口袋公园"] == "城市管理局"  # 手工: the office decided


def test_a_default_the_engine_dropped_goes_but_the_office_s_rows_stay(session, defaults, world):
    keywords.keyword_table(session)
    keywords.set_keyword(session=session, actor=world.office, keyword="暑托班", unit_name="团市委")
    del defaults["医保"]
    table = keywords.keyword_table(session)
    assert "医保" not in table and table["暑托班"] == "团市委"


def test_a_default_the_office_deleted_is_not_revived_by_a_later_release(session, defaults, world):
    keywords.keyword_table(session)
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == "医保"))
    keywords.delete_keyword(session=session, actor=world.office, keyword_id=row.id)
    defaults["集采"] = "医疗保障局"  # a later release merges its new rows
    table = keywords.keyword_table(session)
    assert "医保" not in table and "集采" in table
    assert "医保" not in {k for k, _, _ in keywords.keyword_rows(session)}
    assert "医保" not in {k.keyword for k in keywords.list_keywords(session)}
    assert rows(session)["医保"][2] is True  # kept as a tombstone


def test_a_deleted_default_can_be_written_again_by_the_office(session, defaults, world):
    keywords.keyword_table(session)
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == "医保"))
    keywords.delete_keyword(session=session, actor=world.office, keyword_id=row.id)
    keywords.set_keyword(session=session, actor=world.office, keyword="医保", unit_name="人力资源社会保障局")
    assert keywords.keyword_table(session)["医保"] == "人力资源社会保障局"
    assert rows(session)["医保"] == ("人力资源社会保障局", "manual", False)


def test_a_deleted_row_cannot_be_deleted_twice(session, defaults, world):
    from zhenxing.errors import NotFound

    keywords.keyword_table(session)
    row = session.scalar(select(KeywordUnit).where(KeywordUnit.keyword == "医保"))
    keywords.delete_keyword(session=session, actor=world.office, keyword_id=row.id)
    with pytest.raises(NotFound):
        keywords.delete_keyword(session=session, actor=world.office, keyword_id=row.id)


def test_a_row_not_among_the_defaults_is_deleted_outright(session, defaults, world):
    saved = keywords.set_keyword(session=session, actor=world.office, keyword="暑托班", unit_name="团市委")
    keywords.delete_keyword(session=session, actor=world.office, keyword_id=saved.id)
    assert "暑托班" not in rows(session)


def test_the_real_defaults_all_reach_the_table(session):
    assert keywords.keyword_table(session) == engine.DEFAULT_KEYWORD_UNITS
