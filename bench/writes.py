"""Benchmark of the write path: creating a project, against a bare one-commit-per-row insert.

    .venv/bin/python bench/writes.py                        # a temporary SQLite file
    .venv/bin/python bench/writes.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/writes.py --rows 200 --rounds 3

Every variant commits once per row through the same engine, so the durability is the same (SQLite: WAL
with synchronous=NORMAL; PostgreSQL: synchronous_commit on, the server's default). Variants, interleaved
in rounds so that a busy machine weighs on each alike:

- bare (plain table): one INSERT of the row's values into a copy of the projects table with the indexes
  it had before migration 0080 — the floor;
- bare (projects): the same INSERT into the real projects table: the difference is the write cost of
  0080 (the text-search index, the cache-stamp trigger, the wider covering indexes);
- service: zhenxing.projects.service.create_project in its own transaction (checks, insert, audit event);
- API: POST /api/v1/projects with a bearer token (HTTP handling, validation, auth, the service, JSON out),
  handed to the app in-process on one event loop, as a server would (no network).

With --database-url the bench creates a scratch database on that server and drops it at the end.
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import Index, MetaData, insert, select
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import make_organisation, project_values, scratch_database  # noqa: E402

from zhenxing.auth import service as accounts  # noqa: E402
from zhenxing.auth.models import User  # noqa: E402
from zhenxing.config import Settings  # noqa: E402
from zhenxing.db import Base, make_engine, make_sessionmaker, migrate, transaction  # noqa: E402
from zhenxing.projects import service  # noqa: E402
from zhenxing.projects.models import Project  # noqa: E402
from zhenxing.projects.schemas import ProjectCreate  # noqa: E402

CREATE_FIELDS = set(ProjectCreate.model_fields)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=300, help="rows per variant and round (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: a temporary SQLite file")
    parser.add_argument("--seed", type=int, default=11)
    return parser.parse_args(argv)


# The projects table's indexes before migration 0080 (the text-search index, the cache triggers and the
# covering indexes of the list's summary): a copy with only these is the floor the write cost is read from.
INDEXES_BEFORE_0080 = [["name"], ["lead_unit_id"], ["sponsor_id"], ["steward_id"], ["cluster"], ["track"],
                       ["total_investment"], ["completed_investment"], ["status"], ["updated_at"],
                       ["region_id", "stage"], ["stage", "total_investment"]]


def plain_table(engine):
    """A copy of the projects table as it was before 0080, created beside it."""
    metadata = MetaData()
    for referred in ("regions", "units", "people"):
        Base.metadata.tables[referred].to_metadata(metadata)  # for the foreign keys; not created again
    table = Project.__table__.to_metadata(metadata, name="bench_plain_projects")
    for index in list(table.indexes):
        table.indexes.discard(index)
    for constraint in table.constraints:
        constraint.name = None  # the database names them: PostgreSQL's names are per schema
    for number, columns in enumerate(INDEXES_BEFORE_0080):
        Index(f"bench_plain_{number}", *(table.c[column] for column in columns))
    metadata.create_all(engine, tables=[table])
    return table


class Rows:
    """Fresh project values with unique codes, for every variant."""

    def __init__(self, rng: random.Random, org: dict) -> None:
        self.rng, self.org, self.count = rng, org, 0

    def next(self, prefix: str) -> dict:
        self.count += 1
        values = project_values(self.count, self.rng, self.org, prefix=prefix)
        return {key: value for key, value in values.items() if key in CREATE_FIELDS}


def bare(engine, table, rows: Rows, n: int, prefix: str) -> float:
    started = time.perf_counter()
    for _ in range(n):
        with engine.begin() as connection:
            connection.execute(insert(table), rows.next(prefix))
    return time.perf_counter() - started


def through_service(sessions, actor_name: str, rows: Rows, n: int) -> float:
    """As a request does it: find the user and their scope, create, commit."""
    started = time.perf_counter()
    for _ in range(n):
        data = ProjectCreate.model_validate(rows.next("SV"))
        with transaction(sessions) as session:
            actor = session.scalar(select(User).where(User.name == actor_name))
            service.create_project(session=session, actor=actor, scope=accounts.scope_for(session, actor),
                                   data=data)
    return time.perf_counter() - started


def through_api(api: "AsgiClient", rows: Rows, n: int) -> float:
    started = time.perf_counter()
    for _ in range(n):
        values = {key: value.isoformat() if isinstance(value, date) else value
                  for key, value in rows.next("AP").items()}
        response = api.post("/api/v1/projects", json=values)
        if response.status_code != 201:
            raise SystemExit(f"create failed: {response.status_code} {response.text[:300]}")
    return time.perf_counter() - started


class AsgiClient:
    """Requests straight into the app on one event loop, as a server hands them over (the sync routes run in
    the app's thread pool, as under uvicorn), without the test client's extra thread hops."""

    def __init__(self, app, headers: dict) -> None:
        self.loop = asyncio.new_event_loop()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench",
                                        headers=headers)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.loop.run_until_complete(self.client.post(url, **kwargs))

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.loop.run_until_complete(self.client.get(url, **kwargs))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


def run(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    with scratch_database(args.database_url) as url:
        migrate(url)
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        with transaction(sessions) as session:
            org = make_organisation(session, rng)
            accounts.create_user(session, name="bench-office", role="office", password="bench-password")
            token = accounts.create_token(session, "bench-office")
        plain = plain_table(engine)
        rows = Rows(rng, org)
        print(f"database: {make_url(url).get_backend_name()}  rows per variant: {args.rows} × {args.rounds} rounds  "
              f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        from zhenxing.app import create_app

        app = create_app(Settings(database_url=url, demo=True, secret_key="bench-secret"))
        seconds: dict[str, list[float]] = {name: [] for name in VARIANTS}
        api = AsgiClient(app, headers={"Authorization": f"Bearer {token}"})
        for variant in VARIANTS:  # warm-up: compiled statements, caches, connection pools
            measure(variant, engine, plain, sessions, api, rows, 20)
        for _ in range(args.rounds):
            for variant in VARIANTS:
                seconds[variant].append(measure(variant, engine, plain, sessions, api, rows, args.rows))
        api.close()
        report(seconds, args.rows)
        engine.dispose()


VARIANTS = ("bare (plain table)", "bare (projects)", "service", "API")


def measure(variant: str, engine, plain, sessions, api: AsgiClient, rows: Rows, n: int) -> float:
    if variant == "bare (plain table)":
        return bare(engine, plain, rows, n, "BP")
    if variant == "bare (projects)":
        return bare(engine, Project.__table__, rows, n, "BR")
    if variant == "service":
        return through_service(sessions, "bench-office", rows, n)
    return through_api(api, rows, n)


def report(seconds: dict[str, list[float]], n: int) -> None:
    floor = statistics.median(seconds["bare (plain table)"]) / n
    for variant, values in seconds.items():
        per_row = statistics.median(values) / n
        print(f"  {variant:20s} {per_row * 1000:7.2f} ms/row  {1 / per_row:8.0f} rows/s  "
              f"{per_row / floor:5.1f}× the bare insert into a plain table")
    print(f"load average after: {os.getloadavg()[0]:.1f} (wall-clock medians over the rounds)")


if __name__ == "__main__":
    run(parse_args())
