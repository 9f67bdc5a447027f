"""Benchmark of the project ledger at city scale: list API latency, Excel export and import, memory.

    .venv/bin/python bench/ledger.py                       # 50,000 projects in a temporary SQLite file
    .venv/bin/python bench/ledger.py --n 5000 --queries 100
    .venv/bin/python bench/ledger.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

With --database-url the bench creates a scratch database on that server (zx_bench_<random>), and drops
it at the end: the database named in the URL is only used to connect.
On SQLite it also serves the same file with Datasette and compares the list with Datasette's bare page
query, query by query in interleaved rounds (bench/side_by_side.py).
Goals: list p95 < 100 ms at 50,000 projects on SQLite; import of 10,000 rows < 20 s; the list (with its
summary) at or below 1.5× Datasette's bare page query at p95.
"""

import argparse
import io
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import side_by_side  # noqa: E402

from zhenxing.auth import service as accounts  # noqa: E402
from zhenxing.config import Settings  # noqa: E402
from zhenxing.db import make_engine, make_sessionmaker, migrate, scratch_postgres_database, transaction  # noqa: E402
from zhenxing.org.models import Person, Region, Unit  # noqa: E402
from zhenxing.projects import excel  # noqa: E402
from zhenxing.projects.models import Project  # noqa: E402
from zhenxing.projects.stages import DATED_STAGES, STAGES, plan_field, stage_field  # noqa: E402

COUNTIES = [("太和区", "district"), ("古塔区", "district"), ("凌河区", "district"), ("凌海市", "county"),
            ("北镇市", "county"), ("黑山县", "county"), ("义县", "county"), ("锦州经济技术开发区", "zone"),
            ("锦州高新技术产业开发区", "zone"), ("松山新区", "zone"), ("大有经济区", "zone"), ("龙栖湾新区", "zone")]
TOWNSHIP_WORDS = ["金城", "双羊", "石山", "大凌河", "沈家台", "闫家", "新庄子", "阎家", "班吉塔",
                  "板石沟", "温滴楼", "安屯", "白厂门", "翠岩"]
UNITS = ["市发展改革委", "市工业和信息化局", "市营商环境建设局", "市商务局", "市农业农村局", "市住房城乡建设局",
         "市交通运输局", "市生态环境局", "市教育局", "市卫生健康委", "市民政局", "市人力资源社会保障局",
         "市文化旅游和广播电视局", "市财政局", "市科技局", "市自然资源局", "市水利局", "市能源局", "市国资委",
         "市港口管理局"]
CLUSTERS = ["石化及精细化工", "新能源", "冶金及新材料", "装备制造", "汽车零部件", "半导体材料", "生物医药",
            "农产品深加工", "数字经济", "现代服务业", "文化旅游", "港航物流"]
PRODUCTS = ["风电", "光伏", "储能", "针状焦", "高端树脂", "硅材料", "预制菜", "冷链物流", "数据中心",
            "轴承", "医药中间体", "氢能", "钛材", "颜料", "港口码头"]
SUFFIXES = ["项目", "工程", "产业园", "基地", "生产线", "扩建项目", "技改项目", "二期工程"]
COMPANIES = ["国电投", "中石油", "华能", "远景", "中电光谷", "国机", "辽港", "宝武", "万达", "京东",
             "正大", "新希望", "比亚迪", "中化"]
# Stage mix of a real ledger: many in preparation and construction, few producing yet.
STAGE_WEIGHTS = [25, 20, 15, 25, 10, 5]
SORTS = ["code", "-total_investment", "total_investment", "name", "-updated_at", "stage",
         "-completed_investment"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=50_000, help="projects to generate (default 50,000)")
    parser.add_argument("--queries", type=int, default=300, help="list requests to time (default 300)")
    parser.add_argument("--side-queries", type=int, default=60,
                        help="distinct list queries compared with Datasette (SQLite only; default 60, 0: skip)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of the comparison (default 5)")
    parser.add_argument("--import-rows", type=int, default=10_000, help="rows of the import file (default 10,000)")
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: a temporary SQLite file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-tracemalloc", action="store_true",
                        help="skip the traced export + dry-run import (slow: tracing costs 2-4× the time)")
    return parser.parse_args(argv)


@contextmanager
def scratch_database(server_url: str | None) -> Iterator[str]:
    if server_url is None:
        with tempfile.TemporaryDirectory(prefix="zx_bench_") as folder:
            yield f"sqlite:///{Path(folder) / 'bench.db'}"
        return
    with scratch_postgres_database(server_url, "zx_bench") as url:
        yield url


# ---- synthetic organisation and ledger ---------------------------------------------------------------

def make_organisation(session, rng: random.Random) -> dict[str, list[int]]:
    city = Region(name="锦州市", kind="city")
    session.add(city)
    session.flush()
    counties, townships = [], []
    for name, kind in COUNTIES:
        county = Region(name=name, kind=kind, parent_id=city.id)
        session.add(county)
        session.flush()
        counties.append(county.id)
        for word in rng.sample(TOWNSHIP_WORDS, 8):
            suffix = "街道" if kind in ("district", "zone") else "镇"
            session.add(Region(name=f"{name}{word}{suffix}", kind="township", parent_id=county.id))
    session.flush()
    townships = list(session.scalars(select(Region.id).where(Region.kind == "township")))
    units = [Unit(name=name) for name in UNITS]
    leaders = [Person(name=f"领导{i:02d}", title="副市长") for i in range(10)]
    stewards = [Person(name=f"管家{i:02d}", title="项目管家") for i in range(40)]
    session.add_all([*units, *leaders, *stewards])
    session.flush()
    return {"counties": counties, "townships": townships, "units": [u.id for u in units],
            "sponsors": [p.id for p in leaders], "stewards": [p.id for p in stewards]}


def project_values(number: int, rng: random.Random, org: dict[str, list[int]], prefix: str = "BJ") -> dict:
    stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
    total = int(min(max(rng.lognormvariate(9.9, 1.2), 300), 5_000_000))  # median ≈ 2亿元
    place = rng.choice(org["townships"] if rng.random() < 0.7 else org["counties"])
    values = {
        "code": f"{prefix}{2020 + number % 6}-{number:06d}",
        "name": f"{rng.choice(COMPANIES)}{rng.choice(PRODUCTS)}{rng.choice(SUFFIXES)}",
        "region_id": place, "lead_unit_id": rng.choice(org["units"]),
        "sponsor_id": rng.choice(org["sponsors"]), "steward_id": rng.choice(org["stewards"]),
        "cluster": rng.choice(CLUSTERS), "track": rng.choice(["upgrade", "extend", "emerging", None]),
        "company": f"{rng.choice(COMPANIES)}（锦州）有限公司", "total_investment": total,
        "planned_investment": total // rng.randint(2, 6), "completed_investment": 0,
        "stage": stage, "status": rng.choices(["active", "suspended", "cancelled"], [92, 6, 2])[0],
        "description": "",
    }
    day = date(2021, 1, 1) + timedelta(days=rng.randint(0, 900))
    for reached in DATED_STAGES:
        values[plan_field(reached)] = day
        if STAGES.index(reached) <= STAGES.index(stage):
            values[stage_field(reached)] = day
        day += timedelta(days=rng.randint(30, 200))
    if STAGES.index(stage) >= STAGES.index("started"):
        values["completed_investment"] = int(total * rng.uniform(0.2, 1.0))
    return values


def generate(sessions, n: int, rng: random.Random) -> dict[str, list[int]]:
    with transaction(sessions) as session:
        org = make_organisation(session, rng)
        accounts.create_user(session, name="bench-office", role="office", password="bench-password")
    batch = 5_000
    for start in range(0, n, batch):
        rows = [project_values(i, rng, org) for i in range(start, min(start + batch, n))]
        with transaction(sessions) as session:
            session.execute(insert(Project), rows)
    return org


# ---- measures ------------------------------------------------------------------------------------------

def random_query(rng: random.Random, org: dict[str, list[int]]) -> dict:
    params: dict = {"sort": rng.choice(SORTS), "page": rng.choice([1, 1, 1, 2, 5, 20]),
                    "per_page": rng.choice([20, 50, 50, 100])}
    pickers = [
        lambda: {"region_id": rng.choice(org["counties"])},
        lambda: {"region_id": rng.choice(org["townships"])},
        lambda: {"stage": rng.choice(STAGES)},
        lambda: {"cluster": rng.choice(CLUSTERS)},
        lambda: {"major": rng.choice(["true", "false"])},
        lambda: {"q": rng.choice(PRODUCTS + COMPANIES)},
        lambda: {"track": rng.choice(["upgrade", "extend", "emerging"])},
        lambda: {"steward_id": rng.choice(org["stewards"])},
        lambda: {},
    ]
    for pick in rng.sample(pickers, rng.randint(1, 3)):
        params.update(pick())
    return params


class Clock:
    """Wall-clock and CPU time of this process (app, SQLite and client share it), in ms.

    On a busy machine the wall clock counts other programs' time too; the CPU time does not.
    """

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc) -> None:
        self.wall = (time.perf_counter() - self.wall) * 1000
        self.cpu = (time.process_time() - self.cpu) * 1000


def time_list(api: TestClient, rng: random.Random, org: dict, queries: int) -> list[Clock]:
    for _ in range(10):  # warm-up: caches, connection pool, first compile of each statement
        api.get("/api/v1/projects", params=random_query(rng, org))
    timings = []
    for _ in range(queries):
        params = random_query(rng, org)
        with Clock() as clock:
            response = api.get("/api/v1/projects", params=params)
        timings.append(clock)
        if response.status_code != 200:
            raise SystemExit(f"list failed for {params}: {response.status_code} {response.text[:300]}")
    return timings


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(share * 100) - 1]


def time_export(api: TestClient) -> tuple[Clock, int]:
    with Clock() as elapsed:
        response = api.get("/api/v1/projects/export.xlsx")
    if response.status_code != 200:
        raise SystemExit(f"export failed: {response.status_code} {response.text[:300]}")
    return elapsed, len(response.content)


def import_file(sessions, rows: int, rng: random.Random, org: dict, prefix: str) -> bytes:
    with sessions() as session:
        names = {model: dict(session.execute(select(model.id, model.name)).all()) for model in (Region, Unit, Person)}
    records = []
    for number in range(rows):
        values = project_values(number, rng, org, prefix=prefix)
        for ref, (column, model) in {"region": ("region_id", Region), "lead_unit": ("lead_unit_id", Unit),
                                     "sponsor": ("sponsor_id", Person), "steward": ("steward_id", Person)}.items():
            values[ref] = names[model][values.pop(column)]
        records.append(values)
    buffer = io.BytesIO()
    excel.write_ledger(records, buffer)
    return buffer.getvalue()


def time_import(api: TestClient, content: bytes, *, dry_run: bool = False) -> tuple[Clock, dict]:
    with Clock() as elapsed:
        response = api.post("/api/v1/projects/import", params={"dry_run": dry_run},
                            files={"file": ("bench.xlsx", content, excel_mime())})
    if response.status_code != 200:
        raise SystemExit(f"import failed: {response.status_code} {response.text[:500]}")
    return elapsed, response.json()


def excel_mime() -> str:
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def memory_pass(api: TestClient, content: bytes) -> int:
    """Peak Python allocations of one export and one dry-run import (traced apart from the timings)."""
    tracemalloc.start()
    time_export(api)
    time_import(api, content, dry_run=True)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def run(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    with scratch_database(args.database_url) as url:
        print(f"database: {make_url(url).get_backend_name()}  projects: {args.n:,}  "
              f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        started = time.perf_counter()
        migrate(url)
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        org = generate(sessions, args.n, rng)
        with transaction(sessions) as session:
            token = accounts.create_token(session, "bench-office")
            assert session.scalar(select(func.count()).select_from(Project)) == args.n
        print(f"generated in {time.perf_counter() - started:.1f} s "
              f"({len(org['counties'])} counties/zones, {len(org['townships'])} townships, {len(UNITS)} units)")
        report(args, sessions, org, token, url, rng)
        engine.dispose()


def report(args, sessions, org, token: str, url: str, rng: random.Random) -> None:
    from zhenxing.app import create_app

    app = create_app(Settings(database_url=url, demo=True, secret_key="bench-secret"))
    with TestClient(app, headers={"Authorization": f"Bearer {token}"}) as api:
        timings = time_list(api, rng, org, args.queries)
        wall = [t.wall for t in timings]
        cpu = [t.cpu for t in timings]
        p95 = percentile(wall, 0.95)
        print(f"list API over {args.queries} filtered queries: p50 {percentile(wall, 0.5):.1f} ms  "
              f"p95 {p95:.1f} ms  max {max(wall):.1f} ms  [goal p95 < 100 ms: {'met' if p95 < 100 else 'MISSED'}]"
              f"\n    CPU time per request: p50 {percentile(cpu, 0.5):.1f} ms  p95 {percentile(cpu, 0.95):.1f} ms")
        if args.side_queries and make_url(url).get_backend_name() == "sqlite":
            queries = [random_query(rng, org) for _ in range(args.side_queries)]
            timings = side_by_side.compare(api, sessions, Path(make_url(url).database), queries, args.rounds)
            side_by_side.print_comparison(timings, percentile, args.rounds)
        clock, size = time_export(api)
        print(f"export of all {args.n:,} projects: {clock.wall / 1000:.1f} s (CPU {clock.cpu / 1000:.1f} s, "
              f"{size / 1e6:.1f} MB .xlsx)")
        content = import_file(sessions, args.import_rows, rng, org, prefix="IM")
        clock, result = time_import(api, content)
        assert result["created"] == args.import_rows, result
        seconds = clock.wall / 1000
        print(f"import of {args.import_rows:,} new rows: {seconds:.1f} s (CPU {clock.cpu / 1000:.1f} s)  "
              f"[goal < 20 s: {'met' if seconds < 20 else 'MISSED'}]")
        peak = None if args.no_tracemalloc else memory_pass(
            api, import_file(sessions, args.import_rows, rng, org, prefix="DR"))
    print(f"load average after: {os.getloadavg()[0]:.1f} (timings are wall-clock; other processes count)")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    traced = "not traced" if peak is None else f"{peak / 2**20:.0f} MiB (export + dry-run import)"
    print(f"memory: tracemalloc peak {traced}  ru_maxrss {maxrss:.0f} MiB")


if __name__ == "__main__":
    run(parse_args())
