"""Alembic is the only schema authority: one head, a full round trip, no drift from the models."""

import os
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from zhenxing.db import (
    Base,
    alembic_config,
    import_all_models,
    include_object,
    is_at_head,
    make_engine,
    migrate,
    scratch_postgres_database,
)


def _postgres_scratch() -> Iterator[str]:
    """A database of its own on the test server, created and dropped here (others share the server)."""
    with scratch_postgres_database(os.environ["ZHENXING_TEST_DATABASE_URL"], "zx_migrations") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    if not os.environ.get("ZHENXING_TEST_DATABASE_URL", "").startswith("postgresql"):
        pytest.skip("ZHENXING_TEST_DATABASE_URL is not a PostgreSQL URL")
    yield from _postgres_scratch()


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_there_is_exactly_one_head():
    heads = ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()
    assert len(heads) == 1, f"several heads: {heads}; merge them"


def test_migrations_go_up_down_and_up_again_on_an_empty_database(empty_url):
    import_all_models()
    migrate(empty_url)
    assert _tables(empty_url) >= set(Base.metadata.tables)
    command.downgrade(alembic_config(empty_url), "base")
    assert _tables(empty_url) <= {"alembic_version"}
    migrate(empty_url)
    assert _tables(empty_url) >= set(Base.metadata.tables)


def test_the_migrated_schema_matches_the_models(empty_url):
    import_all_models()
    migrate(empty_url)
    engine = make_engine(empty_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": include_object})
            drift = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert drift == [], "models and migrations differ; write a migration:\n" + "\n".join(map(str, drift))


def test_is_at_head_is_false_before_migrating_and_true_after(empty_url):
    engine = make_engine(empty_url)
    try:
        assert not is_at_head(engine)
        first = ScriptDirectory.from_config(alembic_config(empty_url)).get_base()
        migrate(empty_url, first)
        heads = ScriptDirectory.from_config(alembic_config(empty_url)).get_heads()
        assert is_at_head(engine) == (heads == [first])
        migrate(empty_url)
        assert is_at_head(engine)
    finally:
        engine.dispose()
