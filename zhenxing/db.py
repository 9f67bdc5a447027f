"""Engine, sessions and the declarative base. Alembic owns the schema (see migrate())."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from zhenxing import stored_text  # noqa: F401  (text columns checked before every flush)

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


BUSY_TIMEOUT_MS = 20_000  # a writer waits this long for another's transaction before SQLite says "locked"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(url: str, **options) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **options)


def write_lock(session: Session) -> None:
    """SQLite's SELECT … FOR UPDATE: make the session's transaction a writer now (BEGIN IMMEDIATE), if it is not
    one already. Called where a decision reads what it then changes (a draft's status, a project's stage, the
    next number): from here to the commit no other writer runs, so the read is current and the check-then-write
    atomic; other writers queue (busy timeout), readers go on beside it (WAL). Read again after calling it.
    PostgreSQL: nothing here (row locks: with_for_update; allocations: serialize)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    connection = session.connection()
    if not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def serialize(session: Session, key: str) -> None:
    """Hold a lock named `key` until the transaction ends, so allocations under it (the next task number,
    the next generated project code) never race. PostgreSQL: a transaction-scoped advisory lock; SQLite:
    the transaction's write lock (BEGIN IMMEDIATE, taken now if not yet)."""
    if session.get_bind().dialect.name == "sqlite":
        write_lock(session)
    elif session.get_bind().dialect.name == "postgresql":
        from sqlalchemy import func, select

        session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


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
