"""Periodic jobs (escalations, reminders, opening a period, lights): registered once, run by a background
thread of every app process and by cron (`zhenxing jobs run`), with a lease row per job in the database so
that, however many workers or machines run, one of them acts at a time. No broker: the database is the
coordinator (compare-and-set on the lease row, on SQLite and PostgreSQL alike).

    from zhenxing.scheduler import register_job

    def escalate(session, now):          # one transaction; `now` is an aware UTC datetime
        ...                              # must be idempotent: run twice, the second run records nothing
        return "督办 3 件"                # optional: a short summary shown by `zhenxing jobs list`
    register_job("supervision.escalate", timedelta(minutes=15), escalate, label="任务逾期升级")

Put registrations in `zhenxing/<area>/jobs.py` (imported by `zhenxing.registry.load_all()`).

The lease: a run takes the job's row with `UPDATE … SET lease_until = now + lease WHERE name = … AND
lease_until < now` (and, for the loop, `next_run_at <= now`); the one worker whose UPDATE changed a row runs
the job, the others skip. When it finishes it sets `next_run_at = start + every`. If a worker dies mid-run the
lease expires after `lease` (15 minutes by default) and another worker takes the job over; a job that runs
longer than its lease may overlap with the next — one more reason every job must be idempotent.
"""

import logging
import os
import re
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from zhenxing.db import Base, insert_or_ignore, transaction
from zhenxing.errors import NotFound
from zhenxing.workdays import BEIJING

log = logging.getLogger("zhenxing.jobs")
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
DEFAULT_LEASE = timedelta(minutes=15)
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
STATUSES = {"ok": "成功", "error": "出错", "running": "运行中", "busy": "他处正在运行", "not_due": "未到时间",
            "": "从未运行"}


class JobLease(Base):
    """One row per job: who holds it until when, and how its last run went."""

    __tablename__ = "job_leases"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    lease_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    holder: Mapped[str] = mapped_column(String(160), default="")
    next_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_status: Mapped[str] = mapped_column(String(10), default="")
    last_message: Mapped[str] = mapped_column(Text, default="")
    runs: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    func: Callable[..., Any]
    label: str = ""
    lease: timedelta = DEFAULT_LEASE


@dataclass(frozen=True)
class RunResult:
    name: str
    status: str  # ok | error | busy | not_due
    message: str = ""
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def ran(self) -> bool:
        return self.status in {"ok", "error"}

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)


_JOBS: dict[str, Job] = {}


def register_job(name: str, every: timedelta | float, func: Callable[..., Any], *, label: str = "",
                 lease: timedelta | None = None) -> Job:
    """Run `func(session=…, now=…)` every `every` (a timedelta, or seconds). Registering a name again
    replaces the job (a module reloaded in tests)."""
    if not _NAME.match(name) or len(name) > 80:
        raise ValueError(f"job name {name!r} must be dotted lower-case words, at most 80 characters")
    interval = every if isinstance(every, timedelta) else timedelta(seconds=every)
    if interval < timedelta(seconds=1):
        raise ValueError(f"job {name!r} must run at most once a second")
    job = Job(name=name, every=interval, func=func, label=label or name, lease=lease or DEFAULT_LEASE)
    _JOBS[name] = job
    return job


def unregister_job(name: str) -> None:
    """For tests that register a job of their own."""
    _JOBS.pop(name, None)


def jobs() -> list[Job]:
    return [_JOBS[name] for name in sorted(_JOBS)]


def get_job(name: str) -> Job:
    if name not in _JOBS:
        known = "、".join(sorted(_JOBS)) or "（无）"
        raise NotFound(f"没有名为“{name}”的定时任务；已登记：{known}", field="name")
    return _JOBS[name]


def utc(moment: datetime | None) -> datetime:
    """An aware UTC moment (now by default); a naive one is Beijing time, as everywhere in zhenxing."""
    if moment is None:
        return datetime.now(UTC)
    return (moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)).astimezone(UTC)


def _holder() -> str:
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{threading.get_ident()}:{uuid.uuid4().hex[:8]}"


def _acquire(sessions: sessionmaker[Session], job: Job, now: datetime, holder: str, due_only: bool) -> bool:
    """Compare-and-set on the lease row, committed at once: True for exactly one of concurrent callers."""
    with transaction(sessions) as session:
        insert_or_ignore(session, JobLease, {"name": job.name, "lease_until": EPOCH}, ["name"])
        conditions = [JobLease.name == job.name, JobLease.lease_until < now]
        if due_only:
            conditions.append(or_(JobLease.next_run_at.is_(None), JobLease.next_run_at <= now))
        taken = session.execute(
            update(JobLease).where(*conditions)
            .values(lease_until=now + job.lease, holder=holder, last_started_at=now, last_status="running")
            .execution_options(synchronize_session=False))
        return taken.rowcount == 1


def _finish(sessions: sessionmaker[Session], job: Job, holder: str, started: datetime, status: str,
            message: str) -> datetime:
    finished = max(datetime.now(UTC), started)
    with transaction(sessions) as session:
        session.execute(
            update(JobLease).where(JobLease.name == job.name, JobLease.holder == holder)
            .values(lease_until=started, next_run_at=started + job.every, last_finished_at=finished,
                    last_status=status, last_message=message[:2000], runs=JobLease.runs + 1,
                    failures=JobLease.failures + (1 if status == "error" else 0))
            .execution_options(synchronize_session=False))
    return finished


def _refusal(sessions: sessionmaker[Session], name: str, now: datetime) -> str:
    with sessions() as session:
        row = session.get(JobLease, name)
        held = row is not None and utc(row.lease_until.replace(tzinfo=row.lease_until.tzinfo or UTC)) >= now
    return "busy" if held else "not_due"


def run_job(sessions: sessionmaker[Session], name: str, *, now: datetime | None = None, due_only: bool = False,
            holder: str | None = None) -> RunResult:
    """Run one job now if nobody else holds it (and, with due_only, if its time has come)."""
    job = get_job(name)
    now, holder = utc(now), holder or _holder()
    if not _acquire(sessions, job, now, holder, due_only):
        return RunResult(name=name, status=_refusal(sessions, name, now))
    status, message = "ok", ""
    try:
        with transaction(sessions) as session:
            answer = job.func(session=session, now=now)
        message = "" if answer is None else str(answer)
    except Exception as error:  # noqa: BLE001 - a failing job is recorded and must not stop the others
        log.exception("job %s failed", name)
        status, message = "error", f"{type(error).__name__}: {error}"
    finished = _finish(sessions, job, holder, now, status, message)
    return RunResult(name=name, status=status, message=message, started_at=now, finished_at=finished)


def run_due(sessions: sessionmaker[Session], *, now: datetime | None = None) -> list[RunResult]:
    """Every job whose time has come and that nobody holds (what the loop and `zhenxing jobs run` do)."""
    return [run_job(sessions, job.name, now=now, due_only=True) for job in jobs()]


def leases(session: Session) -> dict[str, JobLease]:
    return {row.name: row for row in session.scalars(select(JobLease))}


class JobLoop:
    """The background thread of an app process: every `tick` seconds, run the jobs that are due."""

    def __init__(self, sessions: sessionmaker[Session], tick: float = 30.0):
        self.sessions, self.tick = sessions, tick
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="zhenxing-jobs", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            try:
                for result in run_due(self.sessions):
                    if result.ran:
                        log.info("job %s: %s %s", result.name, result.status, result.message)
            except Exception:  # noqa: BLE001 - a lost database connection must not end the loop
                log.exception("job loop tick failed")
