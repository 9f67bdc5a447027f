"""Durable intake: the real server (`zhenxing serve`, its own process) is killed with SIGKILL while many
senders post appeals; every appeal it acknowledged with a tracking number is in the database afterwards."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from zhenxing.appeals import catalogue
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.open311 import create_client
from zhenxing.db import make_engine, make_sessionmaker, migrate, scratch_postgres_database, transaction
from zhenxing.org import service as org

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def server_database(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'durable.db'}"
        return
    url = os.environ.get("ZHENXING_TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("ZHENXING_TEST_DATABASE_URL is not a PostgreSQL URL")
    with scratch_postgres_database(url, "zx_durable") as scratch:
        yield scratch


def _prepare(url: str) -> str:
    migrate(url)
    engine = make_engine(url)
    with transaction(make_sessionmaker(engine)) as session:
        org.add_region(session, "锦州市", "city", None)
        catalogue.save_category(session, actor=None, values={"code": "0302", "name": "供暖"})
        key = create_client(session, name="压力测试")
    engine.dispose()
    return key


def _start(url: str, port: int, log) -> subprocess.Popen:
    env = {**os.environ, "ZHENXING_DATABASE_URL": url, "ZHENXING_SECRET_KEY": "durability-test",
           "ZHENXING_DEMO": "true"}
    command = [str(Path(sys.executable).parent / "zhenxing"), "serve", "--port", str(port), "--workers", "1"]
    process = subprocess.Popen(command, cwd=REPO,
                               env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/open311/v2/discovery.json", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    log.seek(0)
    pytest.fail(f"the server did not start: {log.read()[-2000:]}")


def test_every_acknowledged_appeal_survives_a_kill_during_intake(server_database):
    key = _prepare(server_database)
    port = _free_port()
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - the server writes to it until it is killed
    server = _start(server_database, port, log)
    acknowledged: list[str] = []
    lock, stop = threading.Lock(), threading.Event()

    def send(sender: int) -> None:
        with requests.Session() as http:
            for n in range(400):  # bounded: the loop ends by itself
                if stop.is_set():
                    return
                try:
                    answer = http.post(f"http://127.0.0.1:{port}/open311/v2/requests.json", timeout=5, data={
                        "api_key": key, "service_code": "0302", "description": f"暖气不热，第{sender}-{n}次反映",
                        "address_string": "凌海市人民路12号"})
                except requests.RequestException:
                    return
                if answer.status_code == 200:
                    with lock:
                        acknowledged.append(answer.json()[0]["service_request_id"])

    senders = [threading.Thread(target=send, args=(i,), daemon=True) for i in range(8)]
    for thread in senders:
        thread.start()
    deadline = time.monotonic() + 20
    while len(acknowledged) < 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(server.pid, signal.SIGKILL)  # no shutdown, no flush: the process is gone
    server.wait(timeout=10)
    stop.set()
    for thread in senders:
        thread.join(timeout=10)
    assert len(acknowledged) >= 60, "too few appeals were acknowledged before the kill"
    engine = make_engine(server_database)
    with make_sessionmaker(engine)() as session:
        stored = set(session.scalars(select(Appeal.tracking_no)))
    engine.dispose()
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged appeals were lost"
