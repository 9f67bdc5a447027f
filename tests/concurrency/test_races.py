"""Real concurrent clients against a live server (uvicorn on a port, threads sending at once), on whichever
database the suite runs on (SQLite, or PostgreSQL with ZHENXING_TEST_DATABASE_URL): each decision is atomic.

- the same draft accepted by several clients at once creates one record (the others get 409);
- tasks accepted at once get distinct numbers;
- two stage changes at once never leave a project at a stage with a later stage's actual date;
- creates with one code at once: one 201, the rest 409, never a 500;
- eight concurrent writers never get a 5xx (no "database is locked").
"""

import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select

from tests.factories import make_document, make_project
from zhenxing.auth import service as accounts
from zhenxing.documents.models import Draft
from zhenxing.projects.models import Project
from zhenxing.projects.stages import STAGES, stage_field
from zhenxing.tasks.models import Task


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def live(app):
    """The app served by uvicorn on a free port in a background thread: its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _token(sessions, user) -> str:
    with sessions() as session, session.begin():
        return accounts.create_token(session, user.name)


def _all_at_once(calls) -> list[httpx.Response]:
    """Run the calls on as many threads, released together by a barrier."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def _client(base: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60)


def test_a_draft_accepted_by_four_clients_at_once_creates_one_record(live, world, session, sessions):
    make_document(session, actor=world.office)
    session.commit()
    drafts = list(session.scalars(select(Draft).where(Draft.kind.in_(("target", "task"))).order_by(Draft.id))
                  .all())[:6]
    assert len(drafts) >= 4
    token = _token(sessions, world.office)
    clients = [_client(live, token) for _ in range(4)]
    statuses = Counter()
    for draft in drafts:
        answers = _all_at_once([lambda c=c, d=draft: c.post(f"/api/v1/review/{d.id}/accept") for c in clients])
        statuses.update(answer.status_code for answer in answers)
        assert sorted(answer.status_code for answer in answers) == [200, 409, 409, 409], \
            [(a.status_code, a.text[:200]) for a in answers]
    for client in clients:
        client.close()
    session.expire_all()
    results = [session.get(Draft, draft.id).result_id for draft in drafts]
    assert all(results) and len(set(zip([d.kind for d in drafts], results, strict=True))) == len(drafts)
    tasks = session.scalar(select(func.count()).select_from(Task))
    assert tasks == sum(1 for d in drafts if d.kind == "task")  # one task per accepted task draft, no twins


def test_task_drafts_accepted_at_once_get_distinct_numbers(live, world, session, sessions):
    make_document(session, actor=world.office)
    session.commit()
    drafts = list(session.scalars(select(Draft).where(Draft.kind == "task").order_by(Draft.id)))
    assert len(drafts) >= 2
    token = _token(sessions, world.office)
    clients = [_client(live, token) for _ in drafts]
    answers = _all_at_once([lambda c=c, d=d: c.post(f"/api/v1/review/{d.id}/accept")
                            for c, d in zip(clients, drafts, strict=True)])
    assert [a.status_code for a in answers] == [200] * len(drafts), [a.text[:200] for a in answers]
    for client in clients:
        client.close()
    session.expire_all()
    numbers = list(session.scalars(select(Task.number).where(Task.year == 2025)))
    assert len(numbers) == len(drafts) and len(set(numbers)) == len(numbers)


def test_two_stage_changes_at_once_never_leave_an_impossible_state(live, world, session, sessions):
    projects = [make_project(session, code=f"RACE-{n}", name=f"并发项目{n}", region_id=world.linghai.id)
                for n in range(6)]
    session.commit()
    token = _token(sessions, world.office)
    a, b = _client(live, token), _client(live, token)
    for project in projects:
        url = f"/api/v1/projects/{project.id}/transitions"
        answers = _all_at_once([lambda u=url: a.post(u, json={"to": "signed", "date": "2025-03-01"}),
                                lambda u=url: b.post(u, json={"to": "started", "date": "2025-04-01"})])
        assert all(answer.status_code < 500 for answer in answers), [x.text[:200] for x in answers]
    a.close()
    b.close()
    session.expire_all()
    for project in projects:
        fresh = session.get(Project, project.id)
        later = STAGES[STAGES.index(fresh.stage) + 1:]
        assert all(getattr(fresh, stage_field(stage)) is None for stage in later), (
            fresh.stage, {stage: getattr(fresh, stage_field(stage)) for stage in later})


def test_creates_with_one_code_at_once_give_one_201_and_409s(live, world, sessions):
    token = _token(sessions, world.office)
    clients = [_client(live, token) for _ in range(8)]
    answers = _all_at_once([lambda c=c: c.post("/api/v1/projects", json={
        "code": "SAME-001", "name": "同一编号的项目", "region_id": world.linghai.id}) for c in clients])
    for client in clients:
        client.close()
    assert sorted(a.status_code for a in answers) == [201] + [409] * 7, [a.text[:200] for a in answers]
    assert all("SAME-001" in a.text for a in answers if a.status_code == 409)


def test_eight_concurrent_writers_never_get_a_5xx(live, world, session, sessions):
    projects = [make_project(session, code=f"W-{n}", name=f"写入项目{n}", region_id=world.linghai.id)
                for n in range(8)]
    session.commit()
    token = _token(sessions, world.office)

    def writer(index: int) -> list[int]:
        codes = []
        with _client(live, token) as client:
            project = projects[index]
            for round_ in range(12):
                codes.append(client.patch(f"/api/v1/projects/{project.id}",
                                          json={"description": f"第 {round_} 次修改"}).status_code)
                codes.append(client.post("/api/v1/projects", json={
                    "code": f"W-{index}-{round_}", "name": f"新项目{index}-{round_}",
                    "region_id": world.linghai.id}).status_code)
        return codes

    with ThreadPoolExecutor(8) as pool:
        codes = [code for batch in pool.map(writer, range(8)) for code in batch]
    assert Counter(codes) == Counter({200: 96, 201: 96}), Counter(codes)
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(Project).where(Project.code.like("W-%-%"))) == 96


def test_bulk_accepts_sharing_drafts_in_opposite_orders_queue_not_deadlock(live, world, session, sessions):
    """Two reviewers tick overlapping drafts, listed in opposite orders. Row by row, each would hold a draft
    the other waits for (PostgreSQL: a deadlock, a 500); locked in id order first, one wins, the other 409s."""
    from tests.factories import REPORT

    for n in range(3):
        make_document(session, text=REPORT.replace("测试市", f"测试{n}市"), actor=world.office)
    session.commit()
    drafts = [d.id for d in session.scalars(select(Draft).where(Draft.kind.in_(("target", "task", "reading")))
                                            .order_by(Draft.id))]
    token = _token(sessions, world.office)
    a, b = _client(live, token), _client(live, token)
    rounds = [drafts[i:i + 3] for i in range(0, len(drafts) - 2, 3)][:6]
    assert len(rounds) >= 4, len(drafts)
    for ids in rounds:
        answers = _all_at_once([lambda ids=ids: a.post("/api/v1/review/bulk-accept", json={"ids": ids}),
                                lambda ids=ids: b.post("/api/v1/review/bulk-accept", json={"ids": ids[::-1]})])
        assert sorted(x.status_code for x in answers) == [200, 409], [(x.status_code, x.text[:200]) for x in answers]
    a.close()
    b.close()
    session.expire_all()
    accepted = [session.get(Draft, i) for ids in rounds for i in ids]
    assert all(d.status == "accepted" and d.result_id for d in accepted)


def test_clients_reading_the_keyword_table_at_once_merge_new_defaults_once(live, world, session, sessions):
    """An installation seeded by an older release (half the defaults), upgraded: six readers at once all get the
    table, and each new default word is in it exactly once."""
    from zhenxing.documents import engine
    from zhenxing.tasks.models import KeywordUnit

    older = dict(list(engine.DEFAULT_KEYWORD_UNITS.items())[::2])
    session.execute(KeywordUnit.__table__.delete())
    session.add_all(KeywordUnit(keyword=keyword, unit_name=unit) for keyword, unit in older.items())
    session.commit()
    token = _token(sessions, world.office)
    clients = [_client(live, token) for _ in range(6)]
    answers = _all_at_once([lambda c=c: c.get("/api/v1/keyword-units") for c in clients])
    for client in clients:
        client.close()
    assert [a.status_code for a in answers] == [200] * 6, [a.text[:200] for a in answers]
    session.expire_all()
    stored = Counter(session.scalars(select(KeywordUnit.keyword)))
    assert set(stored) == set(engine.DEFAULT_KEYWORD_UNITS) and max(stored.values()) == 1
