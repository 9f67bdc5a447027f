"""Server-side logins: a copied cookie stops working at logout, a password change, an admin's reset and
deactivation, and after the idle and absolute timeouts."""

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.factories import PASSWORD
from zhenxing.auth import service as accounts
from zhenxing.auth.models import LoginSession


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def copy_of(app, client: TestClient) -> TestClient:
    """Another browser holding the same cookie (a stolen or copied one)."""
    thief = TestClient(app)
    thief.cookies.update(dict(client.cookies))
    return thief


def is_in(client: TestClient) -> bool:
    answer = client.get("/projects", follow_redirects=False)
    assert answer.status_code in (200, 303)
    return answer.status_code == 200


def test_a_cookie_replayed_after_logout_is_refused(app, page_as, world):
    browser, token = page_as(world.office)
    thief = copy_of(app, browser)
    assert is_in(thief)
    assert browser.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert not is_in(thief), "a logged-out cookie must not work"
    assert thief.get("/api/v1/me").status_code == 401


def test_a_password_change_ends_the_other_logins_but_keeps_the_changers(app, page_as, world):
    browser, token = page_as(world.office)
    other, _ = page_as(world.office)
    thief = copy_of(app, other)
    answer = browser.post("/account/password", data={"csrf_token": token, "old_password": PASSWORD,
                                                      "password": "new-pass-123", "password_again": "new-pass-123"},
                          follow_redirects=False)
    assert answer.status_code == 303
    assert is_in(browser)
    assert not is_in(other) and not is_in(thief)


def test_an_admin_reset_ends_every_login_of_the_user(app, page_as, api_as, world):
    browser, _ = page_as(world.county)
    answer = api_as(world.admin).patch(f"/api/v1/users/{world.county.id}", json={"password": "reset-pass-9"})
    assert answer.status_code == 200, answer.text
    assert not is_in(browser)


def test_deactivation_ends_every_login_and_reactivation_does_not_revive_it(app, page_as, api_as, world, sessions):
    browser, _ = page_as(world.county)
    admin = api_as(world.admin)
    assert admin.patch(f"/api/v1/users/{world.county.id}", json={"active": False}).status_code == 200
    assert not is_in(browser)
    assert admin.patch(f"/api/v1/users/{world.county.id}", json={"active": True}).status_code == 200
    assert not is_in(browser)
    with sessions() as session:
        rows = session.scalars(select(LoginSession).where(LoginSession.user_id == world.county.id)).all()
        assert [row.revoked_why for row in rows] == ["deactivated"]


def _age(sessions, user_id: int, **columns: timedelta) -> None:
    with sessions() as session, session.begin():
        for row in session.scalars(select(LoginSession).where(LoginSession.user_id == user_id)):
            for column, age in columns.items():
                setattr(row, column, getattr(row, column) - age)


def test_an_idle_login_ends_after_the_idle_timeout(app, page_as, world, sessions):
    idle = app.state.settings.session_idle_seconds
    browser, _ = page_as(world.office)
    _age(sessions, world.office.id, last_seen_at=timedelta(seconds=idle - 120))
    assert is_in(browser)  # used just in time: the clock starts again
    _age(sessions, world.office.id, last_seen_at=timedelta(seconds=idle + 1))
    assert not is_in(browser)


def test_a_login_in_use_still_ends_at_the_absolute_timeout(app, page_as, world, sessions):
    browser, _ = page_as(world.office)
    _age(sessions, world.office.id, created_at=timedelta(seconds=app.state.settings.session_max_age + 1))
    assert not is_in(browser)


def test_the_cookie_holds_no_user_id_only_a_key_whose_hash_is_stored(app, page_as, world, sessions):
    browser, _ = page_as(world.office)
    with sessions() as session:
        row = session.scalars(select(LoginSession).where(LoginSession.user_id == world.office.id)).one()
    assert len(row.key_hash) == 64 and row.client == "testclient"


def test_logins_of_another_user_are_untouched_by_a_reset(app, page_as, api_as, world):
    office, _ = page_as(world.office)
    api_as(world.admin).patch(f"/api/v1/users/{world.county.id}", json={"password": "reset-pass-9"})
    assert is_in(office)


def test_the_purge_job_deletes_ended_logins_a_day_later(app, page_as, world, sessions):
    from zhenxing.audit import now_utc
    from zhenxing.auth.jobs import purge_logins

    browser, token = page_as(world.office)
    browser.post("/logout", data={"csrf_token": token})
    with sessions() as session, session.begin():
        assert "0 个" in purge_logins(session=session, now=now_utc()).split("、")[0]
    with sessions() as session, session.begin():
        assert "删除已结束的登录 1 个" in purge_logins(session=session, now=now_utc() + timedelta(days=2))
    assert accounts  # the service stays importable beside the job
