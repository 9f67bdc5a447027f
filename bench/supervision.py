"""Benchmark of supervision at city scale: task states, escalations and unit scores for 5,000 tasks × 50
units × 12 periods, and the indicator page at 200 indicators × 36 periods.

    .venv/bin/python bench/supervision.py                   # a temporary SQLite file
    .venv/bin/python bench/supervision.py --tasks 1000 --indicators 50   # smaller

Synthetic data, bulk-inserted (not timed): 50 units; N tasks of the year, each led by one unit with one or
two partners, a deadline spread over the year (a tenth 长期), quarterly milestones on a third; the lead units'
monthly reports for the periods that fell due (a fifth of them missing or late, so some tasks are 滞后); 销号
on a tenth (some pending). Then timed, each the median of --rounds runs:

- states: every task's derived state (tasks.views.rows: three bulk queries + the pure rules);
- escalation run, first (records every step reached) and again at the same moment (records nothing);
- unit scores for each of the 12 periods (supervision.scores.table: the figures as of the period's end, the
  league engine, movement against the previous period);
- the indicator page: GET /targets/{id} (its readings over 36 periods, benchmarks, the chart) and the
  target ledger GET /targets of all indicators, through the app in-process.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from zhenxing.db import make_engine, make_sessionmaker, migrate, transaction  # noqa: E402
from zhenxing.org.models import Region, Unit  # noqa: E402
from zhenxing.supervision import escalations, reporting, scores, settings  # noqa: E402
from zhenxing.targets.models import Benchmark, Reading, Target  # noqa: E402
from zhenxing.tasks.models import Closure, Milestone, Task, TaskReport, task_partners  # noqa: E402
from zhenxing.tasks.views import rows  # noqa: E402
from zhenxing.workdays import BEIJING  # noqa: E402

YEAR = 2025
NOW = datetime(YEAR, 12, 20, 10, 0, tzinfo=BEIJING)


def timed(action, rounds: int) -> tuple[float, object]:
    times, answer = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        answer = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), answer


def load_tasks(sessions, tasks: int, units: int, rng: random.Random) -> None:
    with transaction(sessions) as session:
        session.execute(insert(Region), [{"name": "锦州市", "kind": "city", "parent_id": None}])
        session.execute(insert(Unit), [{"name": f"市第{i}局"} for i in range(1, units + 1)])
        unit_ids = list(session.scalars(select(Unit.id)))
        created = datetime(YEAR, 2, 7, 1, 0, tzinfo=UTC)
        task_rows = []
        for number in range(1, tasks + 1):
            long_term = rng.random() < 0.1
            task_rows.append({"year": YEAR, "number": number, "content": f"重点任务第{number}项", "section": "",
                              "lead_unit_id": rng.choice(unit_ids), "deadline": "长期" if long_term else "",
                              "due_on": None if long_term else date(YEAR, rng.randint(3, 12), 28),
                              "long_term": long_term, "source": "document", "source_ref": "", "unresolved": "",
                              "started_on": date(YEAR, 2, 7), "created_at": created})
        session.execute(insert(Task), task_rows)
        found = session.execute(select(Task.id, Task.lead_unit_id, Task.due_on)).all()
        partners = [{"task_id": tid, "unit_id": partner} for tid, lead, _ in found
                    for partner in {rng.choice(unit_ids), rng.choice(unit_ids)} - {lead}]
        session.execute(insert(task_partners), partners)
        milestones = [{"task_id": tid, "due_on": date(YEAR, 3 * q, 28), "content": f"第{q}季度节点",
                       "done_on": date(YEAR, 3 * q, 20) if rng.random() < 0.8 else None}
                      for tid, _, _ in found if tid % 3 == 0 for q in (1, 2, 3, 4)]
        session.execute(insert(Milestone), milestones)
        calendar = settings.calendar(session)
        periods = reporting.expected_periods(date(YEAR, 2, 7), NOW.date(), 28, calendar.is_workday)
        reports = []
        for tid, lead, _ in found:
            for index, (period, due) in enumerate(periods, 1):
                roll = rng.random()
                if roll < 0.08:
                    continue  # missing
                day = due + timedelta(days=3) if roll < 0.2 else due - timedelta(days=1)
                reports.append({"task_id": tid, "period": period, "unit_id": lead, "progress": "按计划推进",
                                "percent": min(100, 8 * index), "next_steps": "",
                                "reported_at": datetime(day.year, day.month, day.day, 2, tzinfo=UTC),
                                "reported_by": "bench"})
        for start in range(0, len(reports), 5000):
            session.execute(insert(TaskReport), reports[start:start + 5000])
        closures, closed = [], []
        for tid, lead, due in found:
            if due and rng.random() < 0.1:
                pending = rng.random() < 0.3
                moment = datetime(due.year, due.month, min(due.day, 20), 2, tzinfo=UTC)
                closures.append({"task_id": tid, "unit_id": lead, "note": "已完成", "status": "pending" if pending
                                 else "confirmed", "requested_at": moment, "requested_by": "bench",
                                 "decided_at": None if pending else moment + timedelta(days=2),
                                 "decided_by": "" if pending else "bench", "reason": ""})
                if not pending:
                    closed.append((tid, moment + timedelta(days=2)))
        if closures:
            session.execute(insert(Closure), closures)
        for tid, moment in closed:
            session.get(Task, tid).closed_at = moment
    print(f"loaded {tasks} tasks × {units} units: {len(reports)} reports, {len(closures)} 销号 requests")


def load_indicators(sessions, indicators: int, rng: random.Random) -> int:
    with transaction(sessions) as session:
        region = session.scalar(select(Region.id))
        unit_ids = list(session.scalars(select(Unit.id)))
        session.execute(insert(Target), [
            {"indicator": f"指标{i}", "written": f"指标{i}", "value": Decimal("6.5"), "unit": "%", "kind": "increase",
             "comparator": ">=", "year": year, "region_id": region, "lead_unit_id": rng.choice(unit_ids),
             "quote": "", "profile": ""} for i in range(indicators) for year in (YEAR - 2, YEAR - 1, YEAR)])
        readings, benchmarks = [], []
        for i in range(indicators):
            for year in (YEAR - 2, YEAR - 1, YEAR):
                for month in range(1, 13):
                    value = Decimal(str(round(rng.uniform(4, 8), 1)))
                    readings.append({"indicator": f"指标{i}", "period": f"{year}-{month:02d}", "value": value,
                                     "unit": "%", "kind": "increase", "basis": "ytd", "source": "import",
                                     "region_id": region, "quote": ""})
                    for level in ("province", "nation"):
                        benchmarks.append({"indicator": f"指标{i}", "period": f"{year}-{month:02d}", "level": level,
                                           "kind": "increase", "basis": "ytd", "value": value - 1, "unit": "%",
                                           "source": "import"})
        for start in range(0, len(readings), 5000):
            session.execute(insert(Reading), readings[start:start + 5000])
        for start in range(0, len(benchmarks), 5000):
            session.execute(insert(Benchmark), benchmarks[start:start + 5000])
        target = session.scalar(select(Target.id).where(Target.year == YEAR).order_by(Target.id))
    print(f"loaded {indicators} indicators × 36 periods: {len(readings)} readings, {len(benchmarks)} benchmarks")
    return target


def page_client(url: str):
    import re

    from fastapi.testclient import TestClient

    from zhenxing.app import create_app
    from zhenxing.auth import service as accounts
    from zhenxing.config import Settings

    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        accounts.create_user(session, name="office", role="office", password="bench-password-1")
    engine.dispose()
    client = TestClient(create_app(Settings(database_url=url, demo=True, secret_key="bench-secret")))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"username": "office", "password": "bench-password-1", "csrf_token": token})
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = tempfile.mkdtemp(prefix="zx-bench-sup-")
    url = f"sqlite:///{folder}/bench.db"
    migrate(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    load_tasks(sessions, args.tasks, args.units, rng)
    target = load_indicators(sessions, args.indicators, rng)

    with sessions() as session:
        tasks = list(session.scalars(select(Task)).unique())
        seconds, found = timed(lambda: rows(session, tasks, NOW.date()), args.rounds)
        tally = {}
        for row in found.values():
            tally[row.state.label] = tally.get(row.state.label, 0) + 1
        print(f"task states of {len(tasks)} tasks: {seconds * 1000:.0f} ms  {tally}")
    with sessions() as session:
        start = time.perf_counter()
        first = escalations.run(session, now=NOW)
        session.commit()
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = escalations.run(session, now=NOW)
        session.commit()
        again_s = time.perf_counter() - start
        print(f"escalation run: first {first_s:.2f} s {escalations.summary(first)}; "
              f"again at the same moment {again_s:.2f} s {escalations.summary(again)}")
    per_period = []
    for month in range(1, 13):
        with sessions() as session:
            start = time.perf_counter()
            table = scores.table(session, f"{YEAR}-{month:02d}")
            per_period.append(time.perf_counter() - start)
    ranked = sum(1 for s in table.standings if s.rank)
    median = statistics.median(per_period) * 1000
    print(f"unit scores, 12 periods: total {sum(per_period):.2f} s, median {median:.0f} ms per period"
          f" (each also scores the previous period for movement); {ranked} units ranked in {YEAR}-12")
    engine.dispose()

    client = page_client(url)
    client.get(f"/targets/{target}")
    seconds, answer = timed(lambda: client.get(f"/targets/{target}"), args.rounds)
    assert answer.status_code == 200, answer.status_code
    print(f"indicator page GET /targets/{target} (36 periods of readings, 2 benchmarks): {seconds * 1000:.0f} ms, "
          f"{len(answer.content) // 1024} KB")
    seconds, answer = timed(lambda: client.get("/targets"), args.rounds)
    assert answer.status_code == 200, answer.status_code
    print(f"target ledger GET /targets ({args.indicators * 3} targets, every one tracked): {seconds * 1000:.0f} ms, "
          f"{len(answer.content) // 1024} KB")
    client.close()


if __name__ == "__main__":
    main()
