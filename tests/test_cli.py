"""The `zhenxing` command line on a fresh SQLite file in tmp_path."""

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from zhenxing import cli
from zhenxing.auth import service as accounts
from zhenxing.auth.models import User
from zhenxing.config import get_settings
from zhenxing.db import is_at_head, make_engine, make_sessionmaker
from zhenxing.projects.models import Project

runner = CliRunner()


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ZHENXING_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = make_engine(url)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


def run(*args: str, input: str | None = None):
    return runner.invoke(cli.app, list(args), input=input)


def count(engine, model) -> int:
    with make_sessionmaker(engine)() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_init_migrates_an_empty_database_to_head_and_can_run_twice(database):
    assert not is_at_head(database)
    first = run("init")
    assert first.exit_code == 0, first.output
    assert "数据库已迁移到最新版本" in first.output and is_at_head(database)
    assert run("init").exit_code == 0


def test_demo_loads_the_demo_ledger_once(database):
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert "演示数据已载入" in first.output
    projects, users = count(database, Project), count(database, User)
    assert projects > 10 and users >= 5
    again = run("demo")
    assert "未重复载入" in again.output and count(database, Project) == projects


def test_users_add_reads_the_password_from_stdin_and_it_works(database):
    run("init")
    result = run("users", "add", "zhang", "--role", "office", "--password-stdin", input="a-long-password\n")
    assert result.exit_code == 0, result.output
    with make_sessionmaker(database)() as session:
        assert accounts.authenticate(session, "zhang", "a-long-password").role == "office"


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["users", "add", "zhang", "--role", "office"], None, "--password-stdin"),
    (["users", "add", "zhang", "--role", "king", "--password-stdin"], "a-long-password\n", "角色"),
    (["users", "add", "zhang", "--role", "office", "--password-stdin"], "short\n", "密码至少"),
    (["users", "add", "zhang", "--role", "unit", "--password-stdin"], "a-long-password\n", "--region"),
    (["users", "add", "zhang", "--role", "unit", "--region", "火星", "--password-stdin"], "a-long-password\n",
     "火星"),
])
def test_users_add_refuses_bad_input_and_adds_nobody(database, args, stdin, message):
    run("init")
    result = run(*args, input=stdin)
    assert result.exit_code == 1
    assert message in result.output
    assert count(database, User) == 0


def test_users_add_refuses_a_duplicate_name(database):
    run("init")
    run("users", "add", "zhang", "--role", "office", "--password-stdin", input="a-long-password\n")
    again = run("users", "add", "zhang", "--role", "leader", "--password-stdin", input="a-long-password\n")
    assert again.exit_code == 1 and "已存在" in again.output
    assert count(database, User) == 1


def test_tokens_create_prints_a_working_token(database):
    run("init")
    run("users", "add", "bot", "--role", "leader", "--password-stdin", input="a-long-password\n")
    result = run("tokens", "create", "bot")
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    with make_sessionmaker(database)() as session:
        assert accounts.user_for_token(session, token).name == "bot"


def test_tokens_create_refuses_an_unknown_user(database):
    run("init")
    result = run("tokens", "create", "ghost")
    assert result.exit_code == 1 and "ghost" in result.output


def test_tokens_revoke_stops_every_token_of_the_user(database):
    run("init")
    run("users", "add", "bot", "--role", "leader", "--password-stdin", input="a-long-password\n")
    first, second = run("tokens", "create", "bot").stdout.strip(), run("tokens", "create", "bot").stdout.strip()
    result = run("tokens", "revoke", "bot")
    assert result.exit_code == 0 and "2" in result.stdout
    with make_sessionmaker(database)() as session:
        assert accounts.user_for_token(session, first) is None
        assert accounts.user_for_token(session, second) is None
    assert run("tokens", "revoke", "ghost").exit_code == 1


@pytest.fixture
def uvicorn_calls(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    return calls


def test_serve_refuses_a_database_that_is_not_migrated(database, uvicorn_calls):
    result = run("serve")
    assert result.exit_code == 1
    assert "zhenxing init" in result.output
    assert uvicorn_calls == []


def test_serve_starts_the_app_factory_on_a_migrated_database(database, uvicorn_calls):
    run("init")
    result = run("serve", "--port", "8123", "--workers", "3")
    assert result.exit_code == 0, result.output
    [(args, kwargs)] = uvicorn_calls
    assert args == ("zhenxing.app:create_app",)
    assert kwargs["factory"] and kwargs["port"] == 8123 and kwargs["workers"] == 3
    # uvicorn's 5 s health check killed workers that took longer to import on a loaded machine, forever.
    assert kwargs["timeout_worker_healthcheck"] >= 30


def test_serve_defaults_to_the_worker_count_the_machine_suits(database, uvicorn_calls, monkeypatch):
    from zhenxing import config

    run("init")
    monkeypatch.setattr(config, "available_cpus", lambda: 4)
    assert run("serve").exit_code == 0
    monkeypatch.setenv("ZHENXING_WORKERS", "5")
    config.get_settings.cache_clear()
    assert run("serve").exit_code == 0
    expected = config.default_workers(str(database.url), 4)
    assert [kwargs["workers"] for _args, kwargs in uvicorn_calls] == [expected, 5]


STRONG = "k3Jx9-vQ2mZr8LwT4yHc7NpB1sFd6GaE0uVo5Xi"


@pytest.fixture
def production(monkeypatch):
    """production(secret): from now on ZHENXING_DEMO=false with this secret (None: no secret at all)."""
    from zhenxing import config

    def switch(secret: str | None) -> None:
        monkeypatch.setenv("ZHENXING_DEMO", "false")
        if secret is None:
            monkeypatch.delenv("ZHENXING_SECRET_KEY", raising=False)
        else:
            monkeypatch.setenv("ZHENXING_SECRET_KEY", secret)
        config.get_settings.cache_clear()

    yield switch
    config.get_settings.cache_clear()


@pytest.mark.parametrize("secret", ["change-me-demo-only", "changethis", "short-secret-1", "a" * 40])
def test_serve_outside_demo_refuses_a_public_short_or_simple_secret(database, uvicorn_calls, production, secret):
    run("init")
    production(secret)
    result = run("serve")
    assert result.exit_code == 1 and "拒绝启动" in result.output and "ZHENXING_SECRET_KEY" in result.output
    assert uvicorn_calls == []


def test_serve_outside_demo_refuses_to_start_without_a_secret(database, uvicorn_calls, production):
    run("init")
    production(None)
    result = run("serve")
    assert result.exit_code == 1 and "拒绝启动" in result.output and uvicorn_calls == []


def test_serve_outside_demo_starts_with_a_strong_secret_on_any_address(database, uvicorn_calls, production):
    run("init")
    production(STRONG)
    assert run("serve", "--host", "0.0.0.0").exit_code == 0
    assert uvicorn_calls[0][1]["host"] == "0.0.0.0"


def test_a_demo_listens_on_this_machine_only_unless_told(database, uvicorn_calls, monkeypatch):
    from zhenxing import config

    run("init")
    refused = run("serve", "--host", "0.0.0.0")
    assert refused.exit_code == 1 and "--public-demo" in refused.output
    assert run("serve", "--host", "0.0.0.0", "--public-demo").exit_code == 1  # not with the public secret
    monkeypatch.setenv("ZHENXING_SECRET_KEY", STRONG)
    config.get_settings.cache_clear()
    assert run("serve", "--host", "0.0.0.0", "--public-demo").exit_code == 0
    assert run("serve").exit_code == 0  # make run: a demo on 127.0.0.1
    assert [kwargs["host"] for _args, kwargs in uvicorn_calls] == ["0.0.0.0", "127.0.0.1"]
    config.get_settings.cache_clear()
