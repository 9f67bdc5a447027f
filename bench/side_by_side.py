"""zhenxing's project list beside Datasette on the same SQLite file (used by bench/ledger.py).

For every query of the list API, Datasette runs "the bare page query": one SQL statement that returns the
same page of projects with the names of their region, unit and people (the statement zhenxing's service
builds, compiled to SQL), through its JSON API — no counts, no summary, no authentication. zhenxing answers
the whole list request: token check, scope, the page and the per-stage summary of everything the filters
select. Both are called in-process through the same kind of client, in interleaved rounds (zhenxing first
in odd rounds, Datasette first in even ones), so that a busy machine weighs on both alike.

The first round shows each filter set for the first time (zhenxing computes its summary); later rounds
repeat them (the summary comes from the cache, as for any repeated view until somebody writes).
"""

import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import aliased

from zhenxing.auth.policy import Scope
from zhenxing.org.models import Person, Region, Unit
from zhenxing.projects import service
from zhenxing.projects.models import Project

EVERYTHING = Scope(role="office", everything=True)


def page_sql(sessions, params: dict) -> str:
    """The page of projects the list API returns for these parameters, as one SQL statement."""
    filters = service.ProjectFilters(
        region_id=params.get("region_id"), stage=params.get("stage"), cluster=params.get("cluster"),
        track=params.get("track"), major={"true": True, "false": False}.get(params.get("major")),
        steward_id=params.get("steward_id"), q=params.get("q"))
    sort = params.get("sort", "code")
    column = service.SORTS[sort.lstrip("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    per_page, page = params.get("per_page", 50), params.get("page", 1)
    sponsor, steward = aliased(Person), aliased(Person)
    with sessions() as session:
        ids = service.select_projects(session, scope=EVERYTHING, filters=filters).with_only_columns(Project.id)
        ids = ids.order_by(order, Project.id).limit(per_page).offset((page - 1) * per_page)
        rows = (select(Project.__table__, Region.name.label("region"), Unit.name.label("lead_unit"),
                       sponsor.name.label("sponsor"), steward.name.label("steward"))
                .join(Region, Region.id == Project.region_id)
                .outerjoin(Unit, Unit.id == Project.lead_unit_id)
                .outerjoin(sponsor, sponsor.id == Project.sponsor_id)
                .outerjoin(steward, steward.id == Project.steward_id)
                .where(Project.id.in_(ids.scalar_subquery())).order_by(order, Project.id))
        return str(rows.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))


def datasette_client(path: Path) -> TestClient:
    from datasette.app import Datasette

    datasette = Datasette([str(path)], settings={"sql_time_limit_ms": 60_000, "max_returned_rows": 1000})
    return TestClient(datasette.app())


def compare(api: TestClient, sessions, path: Path, queries: list[dict], rounds: int) -> dict[str, list]:
    """Interleaved timings (ms) of zhenxing's list request and Datasette's bare page query."""
    statements = [page_sql(sessions, params) for params in queries]
    timings: dict[str, list] = {"zhenxing first view": [], "zhenxing": [], "datasette": []}
    with datasette_client(path) as datasette:
        url = f"/{path.stem}.json"
        for sql in statements[:5]:  # warm-up: Datasette's first requests set up its connections
            _timed(datasette, url, {"sql": sql, "_shape": "objects"})
        for number in range(rounds):
            for params, sql in zip(queries, statements, strict=True):
                ours = lambda params=params: _timed(api, "/api/v1/projects", params)  # noqa: E731
                theirs = lambda sql=sql: _timed(datasette, url, {"sql": sql, "_shape": "objects"})  # noqa: E731
                first, second = (ours, theirs) if number % 2 == 0 else (theirs, ours)
                a, b = first(), second()
                mine, other = (a, b) if number % 2 == 0 else (b, a)
                timings["zhenxing first view" if number == 0 else "zhenxing"].append(mine)
                timings["datasette"].append(other)
    return timings


def _timed(client: TestClient, url: str, params: dict) -> float:
    started = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} failed for {params}: {response.status_code} {response.text[:300]}")
    return elapsed


def print_comparison(timings: dict[str, list], percentile, rounds: int) -> None:
    ours = timings["zhenxing first view"] + timings["zhenxing"]
    theirs = timings["datasette"]
    print(f"side by side with Datasette 'bare page query' on the same file ({len(theirs) // rounds} queries × "
          f"{rounds} interleaved rounds):")
    rows = [("zhenxing list (all rounds)", ours), ("  first view of a filter set", timings["zhenxing first view"]),
            ("  repeated views", timings["zhenxing"]), ("Datasette bare page query", theirs)]
    for label, values in rows:
        if values:
            print(f"    {label:30s} p50 {percentile(values, 0.5):7.1f} ms  p95 {percentile(values, 0.95):7.1f} ms")
    p50, p95 = (percentile(ours, share) / percentile(theirs, share) for share in (0.5, 0.95))
    print(f"    zhenxing/Datasette: p50 {p50:.2f}×  p95 {p95:.2f}×  "
          f"[goal p95 ≤ 1.5×: {'met' if p95 <= 1.5 else 'MISSED'}]")
