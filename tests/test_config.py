"""Settings: read from ZHENXING_* variables; no insecure default secret outside demo mode."""

import pytest
from pydantic import ValidationError

from zhenxing.config import INSECURE_SECRET, Settings, available_cpus, default_workers


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in ("DATABASE_URL", "SECRET_KEY", "DEMO", "HTTPS_ONLY", "SESSION_MAX_AGE", "PAGE_SIZE", "WORKERS",
                 "READ_DATABASE_URL"):
        monkeypatch.delenv(f"ZHENXING_{name}", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env file


def test_it_refuses_the_default_secret_outside_demo_mode():
    with pytest.raises(ValidationError, match="ZHENXING_SECRET_KEY must be set"):
        Settings(demo=False)


def test_it_refuses_the_default_secret_given_through_the_environment(monkeypatch):
    monkeypatch.setenv("ZHENXING_DEMO", "false")
    monkeypatch.setenv("ZHENXING_SECRET_KEY", INSECURE_SECRET)
    with pytest.raises(ValidationError):
        Settings()


def test_it_accepts_a_real_secret_outside_demo_mode(monkeypatch):
    monkeypatch.setenv("ZHENXING_DEMO", "false")
    monkeypatch.setenv("ZHENXING_SECRET_KEY", "s3cret-from-the-vault")
    monkeypatch.setenv("ZHENXING_HTTPS_ONLY", "true")
    settings = Settings()
    assert (settings.demo, settings.secret_key, settings.https_only) == (False, "s3cret-from-the-vault", True)


def test_demo_mode_is_the_default_and_allows_the_default_secret():
    settings = Settings()
    assert settings.demo and settings.secret_key == INSECURE_SECRET


def test_the_default_database_is_a_sqlite_file_in_the_working_folder(tmp_path):
    settings = Settings()
    assert settings.database_url == f"sqlite:///{tmp_path / 'zhenxing.db'}"


def test_a_postgres_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("ZHENXING_DATABASE_URL", "postgresql+psycopg://zx@db/zhenxing")
    assert Settings().database_url == "postgresql+psycopg://zx@db/zhenxing"


def test_every_setting_is_described():
    assert all(field.description for field in Settings.model_fields.values())


@pytest.mark.parametrize(("url", "cpus", "workers"), [
    ("postgresql+psycopg://db/zx", 1, 2), ("postgresql+psycopg://db/zx", 2, 3), ("postgresql+psycopg://db/zx", 8, 9),
    ("postgresql+psycopg://db/zx", 64, 16), ("sqlite:///zx.db", 1, 1), ("sqlite:///zx.db", 2, 2),
    ("sqlite:///zx.db", 16, 2),
])
def test_the_default_worker_count_is_cpus_plus_one_on_postgres_and_at_most_two_on_sqlite(url, cpus, workers):
    assert default_workers(url, cpus) == workers


def test_available_cpus_counts_at_least_one():
    assert available_cpus() >= 1
