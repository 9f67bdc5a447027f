"""Settings from the environment (prefix ZHENXING_)."""

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
    session_max_age: int = Field(default=8 * 3600, description="Seconds a login lasts.")
    https_only: bool = Field(default=False, description="Mark the session cookie Secure (behind TLS).")
    page_size: int = Field(default=50, description="Rows per page in lists.")
    jobs_enabled: bool = Field(
        default=True,
        description="Run the scheduled jobs (escalations, reminders…) in a background thread of each app "
        "process; a lease row per job in the database makes one process act. Turn off to run them only from "
        "cron with `zhenxing jobs run`. The test suite turns it off unless a test asks for it.",
    )
    jobs_tick_seconds: int = Field(default=30, ge=1, le=3600,
                                   description="Seconds between two looks at which jobs are due.")

    @model_validator(mode="after")
    def refuse_insecure_secret(self) -> "Settings":
        if not self.demo and self.secret_key == INSECURE_SECRET:
            raise ValueError("ZHENXING_SECRET_KEY must be set when ZHENXING_DEMO is false")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
