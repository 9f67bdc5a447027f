"""Migration 0150 keeps the office's league schemes: each year's scheme becomes version 1 of that year's rules."""

import json
import os

import pytest
from alembic import command
from sqlalchemy import text

from tests.test_migrations import _postgres_scratch
from zhenxing.db import alembic_config, make_engine


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rules.db'}"
        return
    if not os.environ.get("ZHENXING_TEST_DATABASE_URL", "").startswith("postgresql"):
        pytest.skip("ZHENXING_TEST_DATABASE_URL is not a PostgreSQL URL")
    yield from _postgres_scratch()


def test_league_schemes_are_copied_into_the_rules_and_back_out(url):
    command.upgrade(alembic_config(url), "0050_supervision")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO league_schemes (subject_kind, year, data, updated_at) "
                                    "VALUES ('region', 2024, :data, CURRENT_TIMESTAMP)"),
                               {"data": '{"name": "2024年办法", "subject_kind": "region", "measures": []}'})
        command.upgrade(alembic_config(url), "0150_dispatch_rules")
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT kind, year, version, active, data FROM rule_sets")).all()
        assert [(r.kind, r.year, r.version, bool(r.active)) for r in rows] == [("league.region", 2024, 1, True)]
        data = rows[0].data if isinstance(rows[0].data, dict) else json.loads(rows[0].data)
        assert data["name"] == "2024年办法"
        command.downgrade(alembic_config(url), "0050_supervision")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM rule_sets")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM league_schemes")).scalar() == 1
    finally:
        engine.dispose()
