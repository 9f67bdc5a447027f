"""Engine, sessions and the declarative base. Alembic owns the schema (see migrate())."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MIGRATIONS = Path(__file__).parent / "migrations"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, **options) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **options)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session


@contextmanager
def scratch_postgres_database(server_url: str, prefix: str) -> Iterator[str]:
    """A database of its own on a shared PostgreSQL server, created for the block and dropped after
    (migration tests and benchmarks must not touch the database others use)."""
    import uuid

    from sqlalchemy import make_url, text

    server = make_url(server_url)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = make_engine(server.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def insert_or_ignore(session: Session, model: type, values: dict, conflict_columns: list[str]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING on SQLite and PostgreSQL: True if the row was added, False if a row with
    the same unique columns already existed (concurrent callers never fail, exactly one of them adds it)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    key = next(iter(model.__table__.primary_key.columns))
    statement = (insert(model).values(**values).on_conflict_do_nothing(index_elements=conflict_columns)
                 .returning(key))  # RETURNING says whether a row went in (psycopg reports no rowcount here)
    return session.execute(statement).first() is not None


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def is_at_head(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(str(engine.url)))
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == set(script.get_heads())


# Objects a migration creates outside the models (text-search tables and indexes, named search_*):
# autogenerate and the drift test leave them alone.
UNMODELLED_PREFIX = "search_"


def include_object(obj, name: str | None, type_: str, reflected: bool, compare_to) -> bool:
    """Alembic's filter: compare every object but the unmodelled search tables and indexes."""
    return not (reflected and compare_to is None and (name or "").startswith(UNMODELLED_PREFIX))


def import_all_models() -> None:
    """Register every area's tables on Base.metadata (for Alembic and tests)."""
    import zhenxing.appeals.models  # noqa: F401
    import zhenxing.audit  # noqa: F401
    import zhenxing.auth.models  # noqa: F401
    import zhenxing.cache  # noqa: F401
    import zhenxing.dispatch.models  # noqa: F401
    import zhenxing.documents.models  # noqa: F401
    import zhenxing.followup.models  # noqa: F401
    import zhenxing.holidays.models  # noqa: F401
    import zhenxing.league.models  # noqa: F401
    import zhenxing.org.models  # noqa: F401
    import zhenxing.projects.models  # noqa: F401
    import zhenxing.rules.models  # noqa: F401
    import zhenxing.scheduler  # noqa: F401
    import zhenxing.supervision.models  # noqa: F401
    import zhenxing.targets.models  # noqa: F401
    import zhenxing.tasks.models  # noqa: F401
