"""Settings from the environment (prefix ZHENXING_)."""

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

INSECURE_SECRET = "change-me-demo-only"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZHENXING_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default_factory=lambda: f"sqlite:///{Path.cwd() / 'zhenxing.db'}",
        description="SQLAlchemy URL; a SQLite file in the working folder by default, "
        "postgresql+psycopg://user@host/db in production.",
    )
    secret_key: str = Field(
        default=INSECURE_SECRET,
        description="Signs session cookies and CSRF tokens. Must be set outside demo mode.",
    )
    demo: bool = Field(default=True, description="Demo mode: allows the default secret key.")
    session_max_age: int = Field(default=8 * 3600, ge=60, le=30 * 24 * 3600,
                                 description="Seconds a login lasts at most (absolute timeout), used or not.")
    session_idle_seconds: int = Field(default=3600, ge=60, le=30 * 24 * 3600,
                                      description="Seconds without a request after which a login ends (idle "
                                      "timeout).")
    https_only: bool = Field(default=False, description="Mark the session cookie Secure (behind TLS).")
    page_size: int = Field(default=50, description="Rows per page in lists.")
    demo_appeals: int = Field(default=2000, ge=0, le=100_000,
                              description="Appeals the demo plays through the loop (the tests use fewer).")
    open311_jurisdiction: str = Field(default="jinzhou",
                                      description="The Open311 jurisdiction_id this server answers.")
    public_limit_per_ip: int = Field(default=5, description="Appeals one IP may submit on the public page per hour.")
    public_limit_per_phone: int = Field(default=3,
                                        description="Appeals one phone may submit on the public page per day.")
    jobs_enabled: bool = Field(
        default=True,
        description="Run the scheduled jobs (escalations, reminders…) in a background thread of each app "
        "process; a lease row per job in the database makes one process act. Turn off to run them only from "
        "cron with `zhenxing jobs run`. The test suite turns it off unless a test asks for it.",
    )
    workers: int | None = Field(
        default=None, ge=1, le=64,
        description="Worker processes of `zhenxing serve`; by default one per CPU plus one on PostgreSQL, "
        "and at most 2 on SQLite (see default_workers).")
    read_database_url: str | None = Field(
        default=None,
        description="A read replica (postgresql+psycopg://…): lists, statistics and exports read from it, "
        "except for a user who wrote in the last read_your_writes_seconds (they read the primary).")
    read_your_writes_seconds: int = Field(
        default=15, ge=0, le=3600,
        description="How long after a write its author reads from the primary rather than the replica (above "
        "the replica's usual lag).")
    jobs_tick_seconds: int = Field(default=30, ge=1, le=3600,
                                   description="Seconds between two looks at which jobs are due.")
    gc_freeze: bool = Field(
        default=False,
        description="Once the app is up, move everything alive into the garbage collector's permanent generation "
        "(gc.freeze): full collections then skip the ~300,000 objects of modules, metadata and templates. "
        "`zhenxing serve` turns it on; off for apps made and dropped in one process (tests), whose frozen "
        "objects would never be freed.")

    @model_validator(mode="after")
    def refuse_insecure_secret(self) -> "Settings":
        if not self.demo and self.secret_key == INSECURE_SECRET:
            raise ValueError("ZHENXING_SECRET_KEY must be set when ZHENXING_DEMO is false")
        return self


# Secrets that are published (this repository, the FastAPI template, tutorials) or guessable.
KNOWN_SECRETS = {INSECURE_SECRET, "changethis", "change-me", "secret", "secret-key", "changeme", "password"}
MIN_SECRET = 32


def secret_problem(secret: str) -> str | None:
    """Why a secret key is too weak to sign a real deployment's cookies, or None if it will do."""
    if secret.strip().lower() in KNOWN_SECRETS:
        return "ZHENXING_SECRET_KEY 是公开的示例密钥，请设置自己的随机密钥"
    if len(secret) < MIN_SECRET:
        return f"ZHENXING_SECRET_KEY 太短（{len(secret)} 个字符），至少 {MIN_SECRET} 个字符"
    if len(set(secret)) < 8:
        return "ZHENXING_SECRET_KEY 太简单（重复字符过多），请使用随机密钥"
    return None


@lru_cache
def get_settings() -> Settings:
    return Settings()


def available_cpus() -> int:
    """CPUs this process may run on (a container's or taskset's limit, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_workers(database_url: str, cpus: int) -> int:
    """Worker processes for `zhenxing serve` on a machine with `cpus` CPUs.

    A worker is one process: an event loop plus a thread pool for the database calls, so one process per CPU
    keeps the CPUs busy with Python (templates, validation, JSON), and one more fills the gaps while the
    others wait on PostgreSQL or a commit's flush to disk. More than that adds memory (~150 MB each) and
    context switches, not throughput (gunicorn's 2×CPUs+1 is for workers that block on one request at a
    time). SQLite has one writer at a time and a writer waiting for the lock sleeps in steps of up to 100 ms,
    so more writing processes mean slower writes: at most 2 there (readers still run side by side in WAL).
    """
    if database_url.startswith("sqlite"):
        return max(1, min(cpus, 2))
    return max(2, min(cpus + 1, 16))
