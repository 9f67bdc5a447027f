"""Caches keyed by stamps that the database itself replaces on every write, whoever writes."""

import pytest
from sqlalchemy import insert, text

from tests.factories import make_project, make_region
from zhenxing import cache
from zhenxing.audit import record
from zhenxing.auth.policy import Scope
from zhenxing.org import service as org
from zhenxing.projects import service
from zhenxing.projects.models import Project

OFFICE = Scope(role="office", everything=True)


def _stamps(sessions) -> dict:
    with sessions() as session:
        return cache.stamps(session)


def _triggers(session) -> set[str]:
    if session.get_bind().dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return set(session.scalars(text(query)))


def test_every_stamped_table_has_its_trigger(session):
    """A migration that recreates one of these tables (SQLite batch mode) must install them again."""
    names = _triggers(session)
    for tables in cache.STAMPED.values():
        for table in tables:
            assert any(name.startswith(f"zx_restamp_{table}") for name in names), table


@pytest.mark.parametrize("how", ["orm", "core", "raw sql"])
def test_any_write_to_the_ledger_replaces_its_stamp(sessions, session, world, how):
    before = _stamps(sessions)
    values = {"code": "X-1", "name": "某项目", "region_id": world.city.id}
    if how == "orm":
        make_project(session, **values)
    elif how == "core":
        session.execute(insert(Project), [values])
    else:
        session.execute(text("UPDATE projects SET name = 'x' WHERE id = -1"))  # touches no row
        session.execute(text("INSERT INTO projects (code, name, region_id, cluster, company, total_investment, "
                             "planned_investment, completed_investment, stage, status, description, created_at, "
                             "updated_at) VALUES ('X-1', '某项目', :region, '', '', 0, 0, 0, 'planned', 'active', "
                             "'', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {"region": world.city.id})
    assert _stamps(sessions) == before, "a write is invisible to others until it commits"
    session.commit()
    after = _stamps(sessions)
    assert after["projects"] != before["projects"]
    assert after["org"] == before["org"]


def test_changing_a_region_replaces_the_organisation_stamp_only(sessions, session, world):
    before = _stamps(sessions)
    make_region(session, "金城街道", "township", world.linghai)
    session.commit()
    after = _stamps(sessions)
    assert after["org"] != before["org"] and after["projects"] == before["projects"]
    record(session, actor=None, action="update", summary="无关的记录")
    session.commit()
    assert _stamps(sessions) == after


def test_a_rolled_back_write_leaves_the_stamp_alone(sessions, session, world):
    before = _stamps(sessions)
    make_project(session, code="X-2", region_id=world.city.id)
    session.rollback()
    assert _stamps(sessions) == before


def test_the_stage_summary_is_reused_until_someone_writes(sessions, session, world, engine):
    make_project(session, stage="planned", region_id=world.linghai.id)
    session.commit()
    filters = service.ProjectFilters(region_id=world.linghai.id)
    misses = service._summaries.misses
    first = service.list_projects(session=session, scope=OFFICE, filters=filters)
    session.commit()
    again = service.list_projects(session=session, scope=OFFICE, filters=filters)
    session.commit()
    assert first.total == again.total == 1
    assert service._summaries.misses == misses + 1, "the second list reused the first one's summary"
    # Another process writes with plain SQL through its own connection: no event of ours sees it.
    with engine.begin() as connection:
        connection.execute(text("UPDATE projects SET stage = 'signed'"))
    after = service.list_projects(session=session, scope=OFFICE, filters=filters)
    assert {row["stage"]: row["count"] for row in after.by_stage}["signed"] == 1
    assert service._summaries.misses == misses + 2


def test_a_region_filter_follows_a_new_township_at_once(session, world):
    town = make_region(session, "金城街道", "township", world.linghai)
    session.commit()
    assert town.id in org.subtree_ids(session, world.linghai.id)
    make_project(session, region_id=town.id)
    session.commit()
    listing = service.list_projects(session=session, scope=OFFICE,
                                    filters=service.ProjectFilters(region_id=world.linghai.id))
    assert listing.total == 1


def test_a_stamped_cache_keeps_the_most_recently_used_entries():
    entries = cache.StampedCache(size=2)
    assert entries.get("a", lambda: 1) == 1
    assert entries.get("b", lambda: 2) == 2
    assert entries.get("a", lambda: 99) == 1  # a hit, and now the most recent
    assert entries.get("c", lambda: 3) == 3   # evicts b
    assert entries.get("b", lambda: 20) == 20
    assert (entries.hits, entries.misses) == (1, 4)
