"""Test harness: one migrated database per run (SQLite, or PostgreSQL via ZHENXING_TEST_DATABASE_URL),
emptied after every test; an app and API clients per persona."""

import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from zhenxing.auth import service as accounts
from zhenxing.config import Settings
from zhenxing.db import Base, import_all_models, make_engine, make_sessionmaker, migrate

# Scheduled jobs stay off in tests (an app per test would start a background thread each); tests of the
# scheduler ask for it explicitly.
os.environ.setdefault("ZHENXING_JOBS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; ZHENXING_SHARED names it when the checkout lives elsewhere (a worktree).
SHARED = Path(os.environ.get("ZHENXING_SHARED") or REPO.parent / "shared")
# The demo plays each appeal through the loop; the tests need a few of every state, not two thousand.
os.environ.setdefault("ZHENXING_DEMO_APPEALS", "120")
IN_CI = os.environ.get("CI", "").lower() == "true"

# Hashing at production cost would dominate the suite's time; the algorithm stays Argon2.
accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def shared_or_skip() -> Path:
    """The read-only ../shared folder: tests that need it skip in a user's clone, never in CI."""
    if SHARED.is_dir():
        return SHARED
    if IN_CI:
        pytest.fail(f"CI=true but {SHARED} is missing")
    pytest.skip(f"{SHARED} is not beside this checkout (seeds and gold live there)")


def _reset_postgres(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    except Exception as error:  # noqa: BLE001 - any connection failure means "unreachable"
        if IN_CI:
            pytest.exit(f"PostgreSQL at {url} is unreachable: {error}", returncode=1)
        pytest.skip(f"PostgreSQL at {url} is unreachable: {error}")
    finally:
        engine.dispose()


def _per_worker(url: str) -> str:
    """Under pytest-xdist each worker gets a database of its own beside the named one (test → test_gw0…)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    from sqlalchemy import make_url

    server = make_url(url)
    name = f"{server.database}_{worker}"
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("ZHENXING_TEST_DATABASE_URL")
    if url and url.startswith("postgresql"):
        url = _per_worker(url)
        _reset_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    migrate(url)
    import_all_models()
    return url


@pytest.fixture(scope="session")
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    factory = make_sessionmaker(engine)
    yield factory
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(scope="module")
def demo(engine) -> Iterator[SimpleNamespace]:
    """The demo city loaded once for a module into the test database (the costliest setup there is), emptied
    after the module: `.sessions` reads it, `.loaded` is what the first load_demo answered. A module that
    uses it reads through its own `session` fixture on `.sessions` (the usual one empties after each test)."""
    from zhenxing.demo import load_demo

    factory = make_sessionmaker(engine)
    with factory() as session:
        loaded = load_demo(session)
        session.commit()
    yield SimpleNamespace(sessions=factory, loaded=loaded)
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def session(sessions) -> Iterator[Session]:
    with sessions() as session:
        yield session


@pytest.fixture
def settings(database_url) -> Settings:
    return Settings(database_url=database_url, demo=True, secret_key="test-secret")


@pytest.fixture
def app(settings, sessions):
    from zhenxing.app import create_app

    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def api_as(app, sessions):
    """api_as(user) → a TestClient sending that user's bearer token."""
    clients = []

    def make(user) -> TestClient:
        with sessions() as session, session.begin():
            token = accounts.create_token(session, user.name)
        client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def world(session):
    from tests.factories import make_world

    return make_world(session)


@pytest.fixture
def page_as(app):
    """page_as(user) → (a logged-in browser-like client, its CSRF token)."""
    import re

    from tests.factories import PASSWORD

    clients = []

    def make(user) -> tuple[TestClient, str]:
        client = TestClient(app)
        clients.append(client)
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
        answer = client.post("/login", data={"username": user.name, "password": PASSWORD, "csrf_token": token},
                             follow_redirects=False)
        assert answer.status_code == 303
        # Logging in starts a new session, with a new token.
        return client, re.search(r'name="csrf_token" value="([^"]+)"', client.get("/projects").text).group(1)

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def cli(database_url, monkeypatch):
    """cli(*args) → the `zhenxing` command's result, run by Typer's CliRunner against the test database."""
    from typer.testing import CliRunner

    from zhenxing.cli import app as cli_app
    from zhenxing.config import get_settings

    monkeypatch.setenv("ZHENXING_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield lambda *args: CliRunner().invoke(cli_app, [str(arg) for arg in args])
    get_settings.cache_clear()
