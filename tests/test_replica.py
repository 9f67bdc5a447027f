"""Lists and exports read the replica (ZHENXING_READ_DATABASE_URL); writes, and the reads of a user who just
wrote, go to the primary. A second local PostgreSQL database, filled by copying, stands in for the replica."""

import io
import os
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import insert, select, text

from tests.factories import PASSWORD, make_project
from zhenxing.auth import service as accounts
from zhenxing.config import Settings
from zhenxing.db import Base, make_engine, migrate, scratch_postgres_database
from zhenxing.replica import reads_replica

NOW = datetime(2025, 6, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(("method", "last_write", "replica"), [
    ("GET", None, True), ("GET", NOW - timedelta(seconds=60), True), ("GET", NOW - timedelta(seconds=15), True),
    ("GET", NOW - timedelta(seconds=3), False), ("HEAD", None, True), ("POST", None, False),
    ("PATCH", NOW - timedelta(days=1), False),
])
def test_a_read_goes_to_the_replica_unless_it_writes_or_its_user_just_wrote(method, last_write, replica):
    assert reads_replica(has_replica=True, method=method, last_write=last_write, now=NOW,
                         window=timedelta(seconds=15)) is replica
    assert reads_replica(has_replica=False, method=method, last_write=last_write, now=NOW,
                         window=timedelta(seconds=15)) is False


@pytest.fixture
def replica_url(database_url, engine, world, session):
    """The primary's rows copied into a database of its own, where one project then reads differently."""
    if not database_url.startswith("postgresql"):
        pytest.skip("a replica is a PostgreSQL deployment (ZHENXING_TEST_DATABASE_URL)")
    make_project(session, code="R-1", name="主库中的名称", region_id=world.linghai.id)
    session.commit()
    with scratch_postgres_database(database_url, "zx_replica") as url:
        migrate(url)
        copy = make_engine(url)
        with engine.connect() as source, copy.begin() as target:
            # As replication applies rows: triggers (and the foreign keys' checks) stay off.
            target.execute(text("SET session_replication_role = replica"))
            for table in Base.metadata.sorted_tables:
                target.execute(table.delete())
                rows = [dict(row) for row in source.execute(select(table)).mappings()]
                if rows:
                    target.execute(insert(table), rows)
            target.execute(text("SET session_replication_role = origin"))
            target.execute(text("UPDATE projects SET name = '副本中的名称' WHERE code = 'R-1'"))
        copy.dispose()
        yield url


@pytest.fixture
def replicated(settings, replica_url, sessions):
    from zhenxing.app import create_app

    return create_app(Settings(**{**settings.model_dump(), "read_database_url": replica_url}))


def _client(app, sessions, name: str) -> TestClient:
    with sessions() as session, session.begin():
        token = accounts.create_token(session, name)
        session.execute(text("UPDATE audit_events SET at = at - interval '1 hour'"))  # the token is old news
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def _names(client: TestClient) -> set[str]:
    return {item["name"] for item in client.get("/api/v1/projects", params={"q": "名称"}).json()["items"]}


def test_lists_and_exports_read_the_replica(replicated, sessions):
    with _client(replicated, sessions, "office") as office:
        assert _names(office) == {"副本中的名称"}
        exported = load_workbook(io.BytesIO(office.get("/api/v1/projects/export.xlsx").content))
        cells = {cell for row in exported.active.iter_rows(values_only=True) for cell in row}
        assert "副本中的名称" in cells and "主库中的名称" not in cells


def test_a_user_who_just_wrote_reads_the_primary_and_others_still_the_replica(replicated, sessions):
    with _client(replicated, sessions, "office") as office, _client(replicated, sessions, "leader") as leader:
        project = office.get("/api/v1/projects", params={"q": "名称"}).json()["items"][0]
        changed = office.patch(f"/api/v1/projects/{project['id']}", json={"company": "新的投资主体"})
        assert changed.status_code == 200  # the write went to the primary (the replica refuses writes)
        assert _names(office) == {"主库中的名称"}
        assert _names(leader) == {"副本中的名称"}


def test_a_page_user_reads_the_primary_right_after_logging_in(replicated, sessions):
    import re

    with TestClient(replicated) as browser:
        token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/login").text).group(1)
        browser.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": token})
        assert "主库中的名称" in browser.get("/projects", params={"q": "名称"}).text
        with sessions() as session, session.begin():
            session.execute(text("UPDATE audit_events SET at = at - interval '1 hour'"))
        assert "副本中的名称" in browser.get("/projects", params={"q": "名称"}).text


def test_without_a_replica_everything_reads_the_primary(api_as, world, session):
    make_project(session, code="R-2", name="只有主库", region_id=world.city.id)
    session.commit()
    assert os.environ.get("ZHENXING_READ_DATABASE_URL") is None
    assert {item["name"] for item in api_as(world.office).get("/api/v1/projects").json()["items"]} == {"只有主库"}
