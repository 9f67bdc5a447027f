"""Login lockout: attempts counted in the database before the password is checked — per (name, address) and per
address — so parallel guesses check at most the limit, nobody locks a user out from elsewhere, unknown names
cost the same hash check, and refused attempts write no audit rows."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from tests.factories import PASSWORD
from zhenxing import audit
from zhenxing.auth import service as accounts
from zhenxing.auth.policy import ACCOUNT_LIMIT, ADDRESS_LIMIT, Counter, Limit, give_back, take_attempt
from zhenxing.errors import Unauthenticated

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
LIMIT = Limit(attempts=5, window=timedelta(minutes=15), lock=timedelta(minutes=15))


def attempts(counter: Counter, times: int, at: datetime) -> tuple[Counter, list[bool]]:
    allowed = []
    for _ in range(times):
        counter, ok = take_attempt(counter, LIMIT, at)
        allowed.append(ok)
    return counter, allowed


# ---- the pure rule -------------------------------------------------------------------------------------

def test_the_limit_th_attempt_is_still_checked_and_the_next_refused():
    counter, allowed = attempts(Counter(), 7, T0)
    assert allowed == [True] * 5 + [False] * 2
    assert counter.locked_until == T0 + timedelta(minutes=15)


def test_attempts_while_locked_do_not_extend_the_lock_and_it_ends_after_15_minutes():
    counter, _ = attempts(Counter(), 5, T0)
    counter, allowed = attempts(counter, 3, T0 + timedelta(minutes=10))
    assert allowed == [False] * 3 and counter.locked_until == T0 + timedelta(minutes=15)
    counter, allowed = attempts(counter, 1, T0 + timedelta(minutes=15))
    assert allowed == [True] and counter.attempts == 1 and counter.locked_until is None


def test_attempts_spread_over_more_than_the_window_do_not_lock():
    counter = Counter()
    for minute in (0, 5, 10, 15, 20, 25, 30):
        counter, ok = take_attempt(counter, LIMIT, T0 + timedelta(minutes=minute))
        assert ok
    assert counter.locked_until is None


def test_a_success_resets_the_name_but_gives_the_address_back_only_its_own_attempt():
    counter, _ = attempts(Counter(), 4, T0)
    assert give_back(counter, LIMIT, reset=True) == Counter()
    assert give_back(counter, LIMIT, reset=False).attempts == 3


# ---- counted logins through the database ---------------------------------------------------------------

def login(sessions, name: str, password: str, client: str = "10.0.0.1", at: datetime = T0):
    return accounts.login(sessions, name=name, password=password, client=client, now=at)


def fail(sessions, name: str, times: int, client: str = "10.0.0.1", at: datetime = T0) -> list[str]:
    messages = []
    for _ in range(times):
        with pytest.raises(Unauthenticated) as refused:
            login(sessions, name, "wrong-password", client, at)
        messages.append(refused.value.message)
    return messages


def audit_rows(sessions, action: str) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(audit.AuditEvent)
                              .where(audit.AuditEvent.action == action))


def test_five_failures_lock_the_name_for_that_address_even_with_the_right_password(sessions, world):
    messages = fail(sessions, "office", 5)
    assert "已连续5次失败" in messages[-1]
    with pytest.raises(Unauthenticated) as refused:
        login(sessions, "office", PASSWORD, at=T0 + timedelta(minutes=1))
    assert "锁定" in refused.value.message and "14分钟" in refused.value.message
    assert login(sessions, "office", PASSWORD, at=T0 + timedelta(minutes=15, seconds=1)).name == "office"


def test_nobody_locks_a_known_user_out_from_another_address(sessions, world):
    fail(sessions, "office", 8, client="203.0.113.9")
    assert login(sessions, "office", PASSWORD, client="10.0.0.1", at=T0 + timedelta(minutes=1)).name == "office"


def test_an_unknown_name_locks_alike_and_reads_the_same(sessions, world):
    known = fail(sessions, "office", 6)
    unknown = fail(sessions, "nobody-here", 6)
    assert known[-1] == unknown[-1] and known[0] == unknown[0] == "用户名或密码错误"


def test_one_address_guessing_across_names_is_stopped_at_the_address_limit(sessions, world):
    for number in range(ADDRESS_LIMIT.attempts):
        fail(sessions, f"guess-{number}", 1)
    with pytest.raises(Unauthenticated) as refused:
        login(sessions, "office", PASSWORD)
    assert "本机登录失败次数过多" in refused.value.message
    assert login(sessions, "office", PASSWORD, client="10.0.0.2").name == "office"


def test_refused_attempts_write_no_audit_rows(sessions, world):
    fail(sessions, "office", ACCOUNT_LIMIT.attempts + 50)
    assert audit_rows(sessions, "login_failed") == ACCOUNT_LIMIT.attempts


def test_a_successful_login_starts_the_count_again(sessions, world):
    fail(sessions, "office", 4)
    login(sessions, "office", PASSWORD)
    fail(sessions, "office", 4)
    assert login(sessions, "office", PASSWORD).name == "office"


def test_an_unknown_name_costs_one_hash_check_like_a_known_one(sessions, world, monkeypatch):
    checks = []

    class Counting(PasswordHasher):
        def verify(self, hashed, password):
            checks.append(1)
            return super().verify(hashed, password)

    monkeypatch.setattr(accounts, "_hasher", Counting(time_cost=1, memory_cost=1024, parallelism=1))
    fail(sessions, "office", 1)
    fail(sessions, "no-such-user", 1, client="10.0.0.3")
    assert checks == [1, 1]


@pytest.mark.parametrize("right_among", [False, True])
def test_forty_parallel_guesses_check_at_most_the_limit(sessions, world, right_among):
    """The finding: 40 parallel guesses checked 19 (limit 5); the right password among 30 got in."""
    guesses = [f"wrong-{n}" for n in range(40)]
    if right_among:
        guesses[-1] = PASSWORD  # arrives last: the limit is spent by then

    def attempt(password: str) -> str:
        try:
            login(sessions, "leader", password)
            return "in"
        except Unauthenticated as error:
            return error.message

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(attempt, guesses))
    checked = audit_rows(sessions, "login_failed") + audit_rows(sessions, "login")
    assert checked <= ACCOUNT_LIMIT.attempts, f"{checked} of 40 parallel guesses were checked"
    assert sum("锁定" in a for a in answers) >= 40 - ACCOUNT_LIMIT.attempts
    if right_among:  # it starts after 32 others have finished (8 threads): refused unchecked
        assert answers[-1] != "in" and "锁定" in answers[-1]
