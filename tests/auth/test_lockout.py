"""Login lockout: five failures within 15 minutes refuse the name for 15 minutes."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import PASSWORD
from zhenxing import audit
from zhenxing.auth import service as accounts
from zhenxing.auth.policy import locked_until
from zhenxing.errors import Unauthenticated

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def fail(session, name: str, at: datetime, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(Unauthenticated):
            accounts.authenticate(session, name, "wrong-password", now=at)


def test_five_failures_lock_the_name_even_with_the_right_password(session, world):
    fail(session, "office", T0, times=5)
    with pytest.raises(Unauthenticated) as refused:
        accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=1))
    assert "锁定" in refused.value.message and "14分钟" in refused.value.message


def test_four_failures_do_not_lock(session, world):
    fail(session, "office", T0, times=4)
    assert accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=1)).name == "office"


def test_the_lock_ends_after_15_minutes(session, world):
    fail(session, "office", T0, times=5)
    assert accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=15, seconds=1))


def test_attempts_while_locked_do_not_extend_the_lock(session, world):
    fail(session, "office", T0, times=5)
    fail(session, "office", T0 + timedelta(minutes=10), times=3)
    assert accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=16))


def test_failures_spread_over_more_than_15_minutes_do_not_lock(session, world):
    for minute in (0, 5, 10, 15, 20):
        fail(session, "office", T0 + timedelta(minutes=minute))
    assert accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=21))


def test_a_lock_holds_for_one_name_only(session, world):
    fail(session, "office", T0, times=5)
    assert accounts.authenticate(session, "leader", PASSWORD, now=T0 + timedelta(minutes=1))


def test_a_successful_login_starts_the_count_again(session, world):
    fail(session, "office", T0, times=4)
    accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=1))
    fail(session, "office", T0 + timedelta(minutes=2))
    assert accounts.authenticate(session, "office", PASSWORD, now=T0 + timedelta(minutes=3))


def test_refused_attempts_are_in_the_audit_trail(session, world):
    fail(session, "office", T0, times=6)
    summaries = [e.summary for e in audit.list_events(session, action="login_failed")]
    assert summaries[0] == "用户名“office”已锁定，拒绝登录" and summaries.count("用户名“office”登录失败") == 5


def test_the_login_page_shows_the_lock(world, client):
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    for _ in range(5):
        client.post("/login", data={"username": "office", "password": "nope", "csrf_token": token})
    answer = client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": token})
    assert answer.status_code == 401 and "已暂时锁定" in answer.text


def test_the_rule_locks_from_the_fifth_failure_within_the_window():
    failures = [T0 + timedelta(minutes=m) for m in (0, 1, 2, 3, 20, 21, 22, 23, 24)]
    assert locked_until(failures) == T0 + timedelta(minutes=39)
    assert locked_until(failures[:4]) is None
