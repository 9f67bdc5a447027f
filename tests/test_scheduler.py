"""The scheduler: jobs run once per interval by exactly one of many racing workers (threads or processes,
SQLite and PostgreSQL), a dead worker's lease expires, failures are recorded, and jobs run from cron."""

import multiprocessing
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from zhenxing import scheduler
from zhenxing.db import make_engine, make_sessionmaker, transaction
from zhenxing.errors import NotFound
from zhenxing.followup import service as followup
from zhenxing.followup.models import FollowupMark
from zhenxing.registry import load_all
from zhenxing.scheduler import JobLease, JobLoop, register_job, run_due, run_job

NOW = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def only_test_jobs(monkeypatch):
    """The areas' real jobs stay out of these tests (loaded first, so that they stay registered after)."""
    load_all()
    monkeypatch.setattr(scheduler, "_JOBS", {})


def lease(sessions, name) -> JobLease:
    with sessions() as session:
        return session.get(JobLease, name)


def as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def test_registration_checks_the_name_and_interval():
    with pytest.raises(ValueError):
        register_job("Bad Name", 60, lambda **_: None)
    with pytest.raises(ValueError):
        register_job("fast", timedelta(milliseconds=10), lambda **_: None)
    job = register_job("area.job", 90, lambda **_: None, label="示例")
    assert job.every == timedelta(seconds=90) and scheduler.jobs() == [job]
    with pytest.raises(NotFound, match="没有名为“nope”的定时任务"):
        scheduler.get_job("nope")


def test_a_job_gets_a_session_and_the_moment_and_its_run_is_recorded(sessions):
    seen = []
    register_job("area.job", timedelta(minutes=10), lambda session, now: seen.append((session, now)) or "做了3件")
    result = run_job(sessions, "area.job", now=NOW)
    assert result.status == "ok" and result.ran and result.message == "做了3件"
    assert seen[0][1] == NOW and seen[0][0] is not None
    row = lease(sessions, "area.job")
    assert (row.runs, row.failures, row.last_status, row.last_message) == (1, 0, "ok", "做了3件")
    assert as_utc(row.next_run_at) == NOW + timedelta(minutes=10)


def test_a_naive_moment_is_beijing_time(sessions):
    seen = []
    register_job("area.job", 60, lambda session, now: seen.append(now))
    run_job(sessions, "area.job", now=datetime(2025, 3, 10, 10, 0))
    assert seen == [NOW]


def test_due_jobs_wait_for_their_interval(sessions):
    runs = []
    register_job("area.job", timedelta(minutes=10), lambda session, now: runs.append(now))
    assert [r.status for r in run_due(sessions, now=NOW)] == ["ok"]
    assert [r.status for r in run_due(sessions, now=NOW + timedelta(minutes=5))] == ["not_due"]
    assert [r.status for r in run_due(sessions, now=NOW + timedelta(minutes=10))] == ["ok"]
    assert runs == [NOW, NOW + timedelta(minutes=10)]
    assert lease(sessions, "area.job").runs == 2


def test_a_forced_run_ignores_the_interval_but_not_the_lease(sessions):
    register_job("area.job", timedelta(hours=1), lambda session, now: None)
    assert run_job(sessions, "area.job", now=NOW).status == "ok"
    assert run_job(sessions, "area.job", now=NOW + timedelta(seconds=1)).status == "ok"


def test_a_failing_job_is_recorded_rolled_back_and_does_not_stop_the_others(sessions):
    def failing(session, now):
        followup.reach(session, "task", 1, "urge", now)
        raise RuntimeError("数据不对")

    register_job("area.bad", 60, failing)
    register_job("area.good", 60, lambda session, now: "好")
    results = {r.name: r for r in run_due(sessions, now=NOW)}
    assert results["area.bad"].status == "error" and "RuntimeError: 数据不对" in results["area.bad"].message
    assert results["area.good"].status == "ok"
    row = lease(sessions, "area.bad")
    assert (row.failures, row.runs, row.last_status) == (1, 1, "error")
    with sessions() as session:
        assert session.scalars(select(FollowupMark)).all() == []  # its writes were rolled back
    # It is retried at its next interval, not immediately.
    assert run_job(sessions, "area.bad", now=NOW + timedelta(seconds=30), due_only=True).status == "not_due"


def test_a_held_lease_refuses_and_an_expired_one_is_taken_over(sessions):
    register_job("area.job", 60, lambda session, now: None, lease=timedelta(minutes=5))
    run_job(sessions, "area.job", now=NOW)
    with transaction(sessions) as session:  # a worker took the lease at NOW+1min and died
        row = session.get(JobLease, "area.job")
        row.lease_until, row.holder, row.last_status = NOW + timedelta(minutes=6), "dead:1", "running"
    assert run_job(sessions, "area.job", now=NOW + timedelta(minutes=3)).status == "busy"
    assert run_job(sessions, "area.job", now=NOW + timedelta(minutes=7)).status == "ok"
    assert lease(sessions, "area.job").last_status == "ok"


def test_running_the_same_moment_twice_records_nothing_new(sessions):
    def escalate(session, now):
        new = [followup.reach(session, "task", item, "urge", now) for item in (1, 2, 3)]
        return f"新增 {sum(new)} 条"

    register_job("area.escalate", 60, escalate)
    assert run_job(sessions, "area.escalate", now=NOW).message == "新增 3 条"
    assert run_job(sessions, "area.escalate", now=NOW + timedelta(seconds=1)).message == "新增 0 条"
    with sessions() as session:
        assert len(session.scalars(select(FollowupMark)).all()) == 3


def slow_job(session, now):
    time.sleep(0.4)
    return "ran"


def test_racing_threads_run_a_job_once(sessions):
    register_job("area.slow", 60, slow_job)
    barrier, results = threading.Barrier(6), []

    def worker():
        barrier.wait()
        results.append(run_job(sessions, "area.slow", now=NOW).status)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == ["busy"] * 5 + ["ok"]
    assert lease(sessions, "area.slow").runs == 1


def _process_worker(url: str, barrier, answers) -> None:
    engine = make_engine(url)
    register_job("area.slow", 60, slow_job)
    barrier.wait()
    answers.put(run_job(make_sessionmaker(engine), "area.slow", now=NOW).status)
    engine.dispose()


def test_racing_processes_run_a_job_once(sessions, database_url):
    context = multiprocessing.get_context("spawn")
    barrier, answers = context.Barrier(3), context.Queue()
    processes = [context.Process(target=_process_worker, args=(database_url, barrier, answers)) for _ in range(3)]
    for process in processes:
        process.start()
    statuses = sorted(answers.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(30)
    assert statuses == ["busy", "busy", "ok"]
    assert lease(sessions, "area.slow").runs == 1


def test_the_background_loop_runs_due_jobs_until_stopped(sessions):
    ran = threading.Event()
    register_job("area.job", 3600, lambda session, now: ran.set())
    loop = JobLoop(sessions, tick=0.05)
    loop.start()
    try:
        assert ran.wait(10)
        assert loop.running
    finally:
        loop.stop()
    assert not loop.running
    assert lease(sessions, "area.job").runs == 1  # due again only in an hour


def test_the_app_starts_the_loop_only_when_the_settings_say_so(settings, sessions):
    from fastapi.testclient import TestClient

    from zhenxing.app import create_app

    ran = threading.Event()
    register_job("area.job", 3600, lambda session, now: ran.set())
    assert settings.jobs_enabled is False  # the suite's default
    off = create_app(settings)
    with TestClient(off):
        assert off.state.job_loop is None
    on = create_app(settings.model_copy(update={"jobs_enabled": True, "jobs_tick_seconds": 1}))
    with TestClient(on):
        assert on.state.job_loop.running
        assert ran.wait(10)
    assert not on.state.job_loop.running


def test_the_command_line_lists_and_runs_jobs(cli, sessions):
    register_job("area.job", 600, lambda session, now: "处理 2 件", label="示例任务")
    listed = cli("jobs", "list")
    assert listed.exit_code == 0 and "area.job" in listed.output and "示例任务" in listed.output
    ran = cli("jobs", "run", "area.job")
    assert ran.exit_code == 0 and "area.job：成功（处理 2 件）" in ran.output
    due = cli("jobs", "run")
    assert due.exit_code == 0 and "未到时间" in due.output
    assert "成功" in cli("jobs", "run", "--all").output
    assert lease(sessions, "area.job").runs == 2


def test_the_command_line_reports_failures_and_unknown_jobs(cli):
    register_job("area.bad", 600, lambda session, now: 1 / 0)
    failed = cli("jobs", "run", "area.bad")
    assert failed.exit_code == 1 and "ZeroDivisionError" in failed.output
    unknown = cli("jobs", "run", "nope")
    assert unknown.exit_code == 1 and "没有名为“nope”的定时任务" in unknown.output


def test_with_no_jobs_the_command_line_says_so(cli):
    assert "尚无登记的定时任务" in cli("jobs", "list").output
    assert "尚无登记的定时任务" in cli("jobs", "run").output
