"""Appeals benchmarks: durable intake throughput, and the statistics page at a million appeals.

    python bench/appeals.py                       # SQLite intake (and PostgreSQL if reachable)
    python bench/appeals.py --pg URL --million    # + the statistics page over 1,000,000 appeals on PostgreSQL

1. Intake: N appeals submitted by C concurrent senders through the intake writer (each sender waits until its
   appeal is committed, as a web request does), against a bare INSERT of the same rows into the same table,
   one commit per row, on the same engine (same durability settings: SQLite WAL + synchronous=NORMAL,
   PostgreSQL synchronous_commit=on). Goal: at least 30 % of the bare rate.
2. Statistics: 1,000,000 appeals generated inside PostgreSQL (generate_series), the tallies rebuilt, then the
   statistics service and the whole /appeals/stats page timed. Goal: under a second.

PostgreSQL runs in a scratch database of its own, created and dropped here.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from zhenxing.appeals.intake import Draft, beijing_month  # noqa: E402
from zhenxing.appeals.models import Appeal  # noqa: E402
from zhenxing.appeals.schemas import AppealCreate  # noqa: E402
from zhenxing.appeals.writer import IntakeWriter  # noqa: E402
from zhenxing.db import make_engine, make_sessionmaker, migrate, scratch_postgres_database, transaction  # noqa: E402

DESCRIPTION = "小区楼道暖气管漏水，已经三天了，请尽快派人维修"


def prepare(url: str) -> None:
    from zhenxing.appeals import catalogue
    from zhenxing.org import service as org
    from zhenxing.org.models import Unit

    migrate(url)
    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        city = org.add_region(session, "锦州市", "city", None)
        org.add_region(session, "凌海市", "county", city)
        session.add(Unit(name="市住房城乡建设局"))
        session.flush()
        catalogue.save_category(session, actor=None, values={"code": "0302", "name": "供暖", "keywords": "暖气 漏水"})
    engine.dispose()


def draft(n: int) -> Draft:
    return Draft(AppealCreate(channel="web", type="complaint", category_code="0302", requester_name="张三",
                              requester_phone=f"139{n:08d}", description=DESCRIPTION, address="凌海市人民路12号"),
                 actor_name="bench")


def bare_rows(engine, count: int) -> float:
    """The same table, one INSERT and one COMMIT per row, nothing else: rows per second."""
    with engine.connect() as connection:
        category_id = connection.execute(text("SELECT id FROM appeal_categories")).scalar_one()
    now = datetime.now(UTC)
    rows = [{"tracking_no": f"B{n:013d}", "channel": "web", "type": "complaint", "urgency": "normal",
             "category_id": category_id, "month": beijing_month(now), "requester_kind": "citizen",
             "requester_name": "张三", "requester_phone": f"139{n:08d}", "requester_id_no": "", "company": "",
             "anonymous": False, "title": "", "description": DESCRIPTION, "address": "凌海市人民路12号",
             "answers": {}, "keywords": "", "status": "received", "partner_unit_ids": [], "plus_ones": 0,
             "is_repeat": False, "ip_hash": "", "rule": {}, "received_at": now, "dispatch_count": 0,
             "return_count": 0, "extension_count": 0, "extension_pending": False, "reopen_count": 0,
             "escalation_level": 0, "reply_text": "", "rating_comment": "", "rating_defaulted": False,
             "called_back": False, "version": 1} for n in range(count)]
    statement = insert(Appeal.__table__)
    start = time.perf_counter()
    with engine.connect() as connection:
        for row in rows:
            connection.execute(statement, row)
            connection.commit()
    return count / (time.perf_counter() - start)


def intake_rate(engine, count: int, senders: int) -> tuple[float, list[float]]:
    """Appeals per second through the intake writer with `senders` concurrent senders, and their latencies."""
    writer = IntakeWriter(make_sessionmaker(engine))
    writer.submit(draft(0))  # start the thread
    latencies: list[float] = []
    lock = threading.Lock()

    def send(numbers: range) -> None:
        for n in numbers:
            began = time.perf_counter()
            taken = writer.submit(draft(n))
            assert taken.error is None and taken.tracking_no
            with lock:
                latencies.append(time.perf_counter() - began)

    share = count // senders
    threads = [threading.Thread(target=send, args=(range(1 + i * share, 1 + (i + 1) * share),))
               for i in range(senders)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    writer.stop()
    return share * senders / elapsed, latencies


def intake(url: str, label: str, count: int, senders: int) -> None:
    prepare(url)
    engine = make_engine(url, pool_size=senders + 4)
    bare = bare_rows(engine, count)
    ours, latencies = intake_rate(engine, count, senders)
    single, _ = intake_rate(engine, max(count // 4, 50), 1)
    engine.dispose()
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    print(f"[{label}] bare INSERT, one commit per row:       {bare:9.0f} rows/s")
    print(f"[{label}] intake, {senders} concurrent senders:        {ours:9.0f} appeals/s "
          f"({100 * ours / bare:.0f}% of bare; goal ≥ 30%), p95 wait {p95:.1f} ms")
    print(f"[{label}] intake, one sender at a time:        {single:9.0f} appeals/s "
          f"({100 * single / bare:.0f}% of bare)")


MILLION_SQL = """
INSERT INTO appeals (tracking_no, channel, type, urgency, category_id, month, requester_kind, requester_name,
  requester_phone, requester_id_no, company, anonymous, title, description, address, region_id, answers, keywords,
  status, unit_id, partner_unit_ids, plus_ones, is_repeat, ip_hash, rule, received_at, dispatch_count,
  return_count, extension_count, extension_pending, reopen_count, escalation_level, reply_result, reply_text,
  rating_level, rating_comment, rating_defaulted, called_back, accept_late, close_late, version)
SELECT 'M' || lpad(g::text, 12, '0'),
  (ARRAY['phone','web','huiqi','snapshot','reception','mailbox','open311','steward'])[1 + g % 8],
  'complaint', 'normal', :c0 + g % :nc,
  to_char(timestamp '2025-01-01' + (g % 365) * interval '1 day', 'YYYY-MM'),
  'citizen', '张三', '139' || lpad((g % 100000000)::text, 8, '0'), '', '', false, '', '小区暖气不热', '凌海市人民路',
  :r0 + g % :nr, '{}', '', (ARRAY['received','dispatched','accepted','replied','rated','closed'])[1 + g % 6],
  CASE WHEN g % 6 = 0 THEN NULL ELSE :u0 + g % :nu END, '[]', 0, g % 50 = 0, '', '{}',
  timestamp with time zone '2025-01-01 00:00+08' + (g % 365) * interval '1 day',
  CASE WHEN g % 6 = 0 THEN 0 ELSE 1 + (g % 17 = 0)::int END, (g % 17 = 0)::int, 0, false, (g % 23 = 0)::int, 0,
  CASE WHEN g % 6 >= 3 THEN (ARRAY['resolved','partly','unresolved'])[1 + g % 3] END, '',
  CASE WHEN g % 6 >= 4 THEN 1 + g % 5 END, '', g % 11 = 0, false,
  CASE WHEN g % 6 >= 2 THEN g % 9 = 0 END, CASE WHEN g % 6 >= 3 THEN g % 7 = 0 END, 1
FROM generate_series(1, :n) AS g
"""


def million(url: str, count: int) -> None:
    from fastapi.testclient import TestClient

    from tests.factories import PASSWORD
    from zhenxing.app import create_app
    from zhenxing.appeals import stats, tallies
    from zhenxing.auth import service as accounts
    from zhenxing.auth.policy import Scope
    from zhenxing.config import Settings
    from zhenxing.org import service as org
    from zhenxing.org.models import Unit

    prepare(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        city = org.region_by_name(session, "锦州市")
        regions = [org.add_region(session, f"县区{n}", "county", city).id for n in range(12)]
        units = []
        for n in range(40):
            unit = Unit(name=f"单位{n}")
            session.add(unit)
            session.flush()
            units.append(unit.id)
        from zhenxing.appeals import catalogue

        categories = [catalogue.save_category(session, actor=None, values={"code": f"{n:04d}", "name": f"分类{n}"}).id
                      for n in range(1, 60)]
        accounts.create_user(session, name="leader", role="leader", password=PASSWORD)
    start = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text(MILLION_SQL), {"n": count, "c0": min(categories), "nc": len(categories),
                                               "r0": min(regions), "nr": len(regions), "u0": min(units),
                                               "nu": len(units)})
        connection.execute(text("ANALYZE appeals"))
    print(f"[postgresql] generated {count:,} appeals in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    with transaction(sessions) as session:
        tallies.rebuild(session)
    with engine.begin() as connection:
        rows = connection.execute(text("SELECT count(*) FROM appeal_tallies")).scalar_one()
        connection.execute(text("ANALYZE appeal_tallies"))
    print(f"[postgresql] tallies rebuilt in {time.perf_counter() - start:.1f} s: {rows:,} rows")
    scope = Scope(role="leader", everything=True)
    for by in ("unit", "region", "category", "channel", "month"):
        with sessions() as session:
            began = time.perf_counter()
            stats.table(session=session, scope=scope, by=by, start=None, end=None)
            print(f"[postgresql] statistics by {by:8s}: {1000 * (time.perf_counter() - began):7.1f} ms")
    app = create_app(Settings(database_url=url, demo=True, secret_key="bench"))
    with TestClient(app) as client:
        import re

        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
        client.post("/login", data={"username": "leader", "password": PASSWORD, "csrf_token": token})
        times = []
        for month in ("2025-06", "2025-12", "2025-12"):
            began = time.perf_counter()
            answer = client.get(f"/appeals/stats?by=unit&month={month}")
            times.append(time.perf_counter() - began)
            assert answer.status_code == 200 and "stats-table" in answer.text
        began = time.perf_counter()
        assert client.get("/appeals?queue=overdue").status_code == 200
        listing = time.perf_counter() - began
    app.state.engine.dispose()
    engine.dispose()
    print(f"[postgresql] /appeals/stats page (table + both rankings + hot spots): "
          f"{', '.join(f'{1000 * t:.0f}' for t in times)} ms (goal < 1000 ms)")
    print(f"[postgresql] /appeals list page with queue counts: {1000 * listing:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="appeals per intake run")
    parser.add_argument("--senders", type=int, default=16)
    parser.add_argument("--pg", default=os.environ.get("ZHENXING_BENCH_PG",
                                                       "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
                        help="a PostgreSQL server URL (a scratch database is created on it)")
    parser.add_argument("--million", action="store_true", help="also time the statistics page at 1,000,000 appeals")
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        intake(f"sqlite:///{folder}/bench.db", "sqlite", args.count, args.senders)
    try:
        with scratch_postgres_database(args.pg, "zx_bench_appeals") as url:
            intake(url, "postgresql", args.count, args.senders)
        if args.million:
            with scratch_postgres_database(args.pg, "zx_bench_appeals") as url:
                million(url, args.rows)
    except Exception as error:  # noqa: BLE001 - a missing server only skips that part
        print(f"[postgresql] skipped: {error}")


if __name__ == "__main__":
    main()
