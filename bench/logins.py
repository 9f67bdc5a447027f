"""Figures of the login defences (issue 6, items 4 and 5), measured on a scratch database:

    .venv/bin/python bench/logins.py                       # a temporary SQLite file
    .venv/bin/python bench/logins.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

- parallel guesses: N threads guess one name's password at once from one address (the right password among
  them, last); prints how many were checked (audit rows) against the limit, and whether any got in;
- timing: the median time of a failed login for a known name and for an unknown one, with the production
  Argon2 parameters (the suite uses cheap ones);
- revocation: whether a copied cookie still works after logout, a password change, an admin reset and
  deactivation (HTTP through the app, in-process).
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zhenxing import audit  # noqa: E402
from zhenxing.auth import service as accounts  # noqa: E402
from zhenxing.auth.policy import ACCOUNT_LIMIT  # noqa: E402
from zhenxing.db import make_engine, make_sessionmaker, migrate, scratch_postgres_database, transaction  # noqa: E402
from zhenxing.errors import Unauthenticated  # noqa: E402

PASSWORD = "correct-horse-battery-9"


@contextmanager
def database(url: str | None):
    if url and url.startswith("postgresql"):
        with scratch_postgres_database(url, "zx_logins") as scratch:
            yield scratch
    else:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/logins.db"


def setup(url: str):
    migrate(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with transaction(factory) as session:
        from zhenxing.org.service import add_region

        city = add_region(session, "锦州市", "city", None)
        add_region(session, "凌海市", "county", city)
        for name, role in (("admin", "admin"), ("office", "office"), ("linghai", "unit")):
            accounts.create_user(session, name=name, role=role, password=PASSWORD,
                                 region="凌海市" if role == "unit" else None)
    return engine, factory


def counted(factory, action: str) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(audit.AuditEvent)
                              .where(audit.AuditEvent.action == action))


def parallel_guesses(factory, guesses: int, threads: int) -> None:
    passwords = [f"wrong-{n}" for n in range(guesses - 1)] + [PASSWORD]

    def attempt(password: str) -> bool:
        try:
            accounts.login(factory, name="office", password=password, client="198.51.100.7")
            return True
        except Unauthenticated:
            return False

    with ThreadPoolExecutor(max_workers=threads) as pool:
        answers = list(pool.map(attempt, passwords))
    checked = counted(factory, "login_failed") + counted(factory, "login")
    print(f"parallel guesses: {guesses} sent by {threads} threads, {checked} checked (limit "
          f"{ACCOUNT_LIMIT.attempts}), right password (sent last) got in: {answers[-1]}")


def timing(factory, rounds: int) -> None:
    def failed(name: str, client: str) -> float:
        start = time.perf_counter()
        with suppress(Unauthenticated):
            accounts.login(factory, name=name, password="not-the-password", client=client)
        return time.perf_counter() - start

    known, unknown = [], []
    for number in range(rounds):  # a new address each time: the lockout doesn't cut the rounds short
        known.append(failed("linghai", f"10.1.{number // 200}.{number % 200}"))
        unknown.append(failed(f"nobody{number}", f"10.2.{number // 200}.{number % 200}"))
    print(f"failed login, median of {rounds}: known name {statistics.median(known) * 1000:.1f} ms, "
          f"unknown name {statistics.median(unknown) * 1000:.1f} ms")


def revocation(url: str) -> None:
    from fastapi.testclient import TestClient

    from zhenxing.app import create_app
    from zhenxing.config import Settings

    app = create_app(Settings(database_url=url, demo=True, secret_key="bench-logins-secret-0123456789abcdef"))
    csrf = re.compile(r'name="csrf_token" value="([^"]+)"')

    def login(name: str, password: str = PASSWORD) -> tuple[TestClient, str]:
        client = TestClient(app, client=("203.0.113.5", 50000))
        token = csrf.search(client.get("/login").text).group(1)
        client.post("/login", data={"username": name, "password": password, "csrf_token": token})
        return client, csrf.search(client.get("/account/password").text).group(1)

    def copy(client: TestClient) -> TestClient:
        thief = TestClient(app)
        thief.cookies.update(dict(client.cookies))
        return thief

    def status(client: TestClient) -> str:
        answer = client.get("/projects", follow_redirects=False)
        return "works" if answer.status_code == 200 else f"refused ({answer.status_code} → /login)"

    admin, _ = login("admin")
    admin_api = TestClient(app)
    admin_api.cookies.update(dict(admin.cookies))
    admin_csrf = csrf.search(admin.get("/account/password").text).group(1)
    browser, token = login("linghai")
    thief = copy(browser)
    browser.post("/logout", data={"csrf_token": token})
    print(f"copied cookie after logout: {status(thief)}")
    browser, token = login("linghai")
    other, _ = login("linghai")
    thief = copy(other)
    browser.post("/account/password", data={"csrf_token": token, "old_password": PASSWORD,
                                             "password": "new-password-42", "password_again": "new-password-42"})
    print(f"copied cookie after a password change: {status(thief)}; the changer's own: {status(browser)}")
    browser, _ = login("linghai", "new-password-42")
    thief = copy(browser)
    with app.state.sessions() as session:
        user_id = session.scalar(select(accounts.User.id).where(accounts.User.name == "linghai"))
    admin_api.patch(f"/api/v1/users/{user_id}", json={"password": PASSWORD}, headers={"X-CSRF-Token": admin_csrf})
    print(f"copied cookie after an admin reset: {status(thief)}")
    browser, _ = login("linghai")
    thief = copy(browser)
    admin_api.patch(f"/api/v1/users/{user_id}", json={"active": False}, headers={"X-CSRF-Token": admin_csrf})
    print(f"copied cookie after deactivation: {status(thief)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--guesses", type=int, default=40)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with database(args.database_url) as url:
        engine, factory = setup(url)
        print(f"database: {engine.dialect.name}")
        try:
            parallel_guesses(factory, args.guesses, args.threads)
            timing(factory, args.rounds)
            revocation(url)
        finally:
            engine.dispose()


if __name__ == "__main__":
    main()
