"""The loop's pure state machine: every event × every status × every actor, then each rule's refusals."""

from datetime import UTC, datetime, timedelta

import pytest

from zhenxing.appeals.machine import (
    ACTORS,
    EVENTS,
    STATUSES,
    Params,
    Refused,
    Snapshot,
    allowed_events,
    decide,
)

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=5)


def good_state(status: str, event: str) -> Snapshot:
    """A state in which the event's own requirements are met."""
    if event == "approve_extension" or event == "refuse_extension":
        return Snapshot(status=status, close_due=LATER, extension_pending=True)
    if event in {"contest_rating", "callback"}:
        return Snapshot(status=status, rating_level=5)
    if event in {"exclude_rating", "uphold_rating"}:
        return Snapshot(status=status, rating_level=4, rating_review="pending")
    return Snapshot(status=status, return_by=LATER, close_due=LATER)


def good_params(event: str) -> Params:
    return Params(now=NOW, reason="理由写清楚了，共五个字以上", result="resolved", level=2, has_handler=True,
                  extension_until=LATER + timedelta(days=3), extension_cap=LATER + timedelta(days=14),
                  rating_due=NOW - timedelta(hours=1))


EXPECTED_TARGET = {
    "dispatch": "dispatched", "reject_return": "dispatched", "accept": "accepted", "return": "returned",
    "reply": "replied", "answer": "replied", "rate": "rated", "default_rate": "rated", "reopen": "reopened",
    "close": "closed", "reject": "closed", "merge": "merged", "close_merged": "closed",
}


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize("status", sorted(STATUSES))
@pytest.mark.parametrize("actor", sorted(ACTORS))
def test_every_event_in_every_status_by_every_actor_is_allowed_or_refused_in_chinese(event, status, actor):
    spec = EVENTS[event]
    state, params = good_state(status, event), good_params(event)
    if actor not in spec.actors:
        with pytest.raises(Refused) as refusal:
            decide(state, event, actor, params)
        assert refusal.value.kind == "actor"
        assert refusal.value.message.startswith("只有")
    elif status not in spec.sources:
        with pytest.raises(Refused) as refusal:
            decide(state, event, actor, params)
        assert refusal.value.kind == "status"
        assert f"“{STATUSES[status]}”" in refusal.value.message
    else:
        step = decide(state, event, actor, params)
        assert step.status == EXPECTED_TARGET.get(event, status)
        assert step.label == spec.label


def test_the_table_names_who_may_make_each_event():
    assert EVENTS["dispatch"].actors == {"centre"}
    assert EVENTS["accept"].actors == {"unit"}
    assert EVENTS["rate"].actors == {"requester", "centre"}
    assert EVENTS["default_rate"].actors == {"system"}
    assert EVENTS["close"].actors == {"centre", "system"}
    assert "unit" not in EVENTS["close"].actors


def test_an_unknown_event_is_refused():
    with pytest.raises(Refused, match="未知的操作"):
        decide(Snapshot("received"), "teleport", "centre", good_params("x"))


def test_a_unit_cannot_return_after_it_has_accepted():
    with pytest.raises(Refused, match="不能退单"):
        decide(Snapshot("accepted", return_by=LATER), "return", "unit", good_params("return"))


def test_a_return_needs_a_reason_and_must_come_within_the_window():
    with pytest.raises(Refused, match="退单须说明理由"):
        decide(Snapshot("dispatched", return_by=LATER), "return", "unit", Params(now=NOW, reason=" "))
    with pytest.raises(Refused, match="已超过退单时限"):
        decide(Snapshot("dispatched", return_by=NOW - timedelta(minutes=1)), "return", "unit",
               Params(now=NOW, reason="不属于本单位职责"))


def test_dispatch_needs_a_handler():
    with pytest.raises(Refused, match="须指定承办单位"):
        decide(Snapshot("received"), "dispatch", "centre", Params(now=NOW))


def test_an_extension_is_asked_before_the_deadline_once_and_within_the_cap():
    base = dict(now=NOW, reason="需要协调多个部门", extension_until=LATER + timedelta(days=2),
                extension_cap=LATER + timedelta(days=14))
    assert "extension_pending" in decide(Snapshot("accepted", close_due=LATER), "request_extension", "unit",
                                         Params(**base)).effects
    with pytest.raises(Refused, match="届满前申请"):
        decide(Snapshot("accepted", close_due=NOW), "request_extension", "unit", Params(**base))
    with pytest.raises(Refused, match="上限（1次）"):
        decide(Snapshot("accepted", close_due=LATER, extension_count=1), "request_extension", "unit",
               Params(**base))
    with pytest.raises(Refused, match="不能晚于"):
        decide(Snapshot("accepted", close_due=LATER), "request_extension", "unit",
               Params(**{**base, "extension_until": LATER + timedelta(days=30)}))
    with pytest.raises(Refused, match="待审批"):
        decide(Snapshot("accepted", close_due=LATER, extension_pending=True), "request_extension", "unit",
               Params(**base))
    with pytest.raises(Refused, match="没有待审批"):
        decide(Snapshot("accepted", close_due=LATER), "approve_extension", "centre", Params(now=NOW))


def test_a_reply_needs_a_result_and_words():
    with pytest.raises(Refused, match="办理结果"):
        decide(Snapshot("accepted"), "reply", "unit", Params(now=NOW, reason="已经处理完毕了"))
    with pytest.raises(Refused, match="未解决的须说明理由"):
        decide(Snapshot("accepted"), "reply", "unit", Params(now=NOW, reason="不行", result="unresolved"))


@pytest.mark.parametrize("level", [0, 6, None, -1, 2**63])
def test_an_invalid_rating_is_refused(level):
    with pytest.raises(Refused, match="1（非常满意）到 5（非常不满意）"):
        decide(Snapshot("replied"), "rate", "requester", Params(now=NOW, level=level))


def test_the_first_unsatisfied_verdict_reopens_and_the_second_escalates():
    first = decide(Snapshot("replied"), "rate", "requester", Params(now=NOW, level=4))
    assert first.status == "reopened"
    assert {"reopen", "count_reopen", "rectify"} <= first.effects
    second = decide(Snapshot("replied", reopen_count=1), "rate", "requester", Params(now=NOW, level=5))
    assert second.status == "rated"
    assert "escalate" in second.effects and "reopen" not in second.effects
    good = decide(Snapshot("replied"), "rate", "requester", Params(now=NOW, level=3))
    assert good.status == "rated" and good.effects == {"record_rating"}


def test_silence_counts_as_fair_only_after_the_rating_window():
    with pytest.raises(Refused, match="评价期限未到"):
        decide(Snapshot("replied"), "default_rate", "system", Params(now=NOW, rating_due=LATER))
    step = decide(Snapshot("replied"), "default_rate", "system", Params(now=LATER, rating_due=LATER))
    assert step.effects == {"record_rating", "defaulted"}


def test_only_a_bad_rating_can_be_contested_once_and_reviewed_once():
    with pytest.raises(Refused, match="只有差评"):
        decide(Snapshot("rated", rating_level=2), "contest_rating", "unit", Params(now=NOW, reason="恶意差评"))
    with pytest.raises(Refused, match="已申诉过"):
        decide(Snapshot("rated", rating_level=5, rating_review="upheld"), "contest_rating", "unit",
               Params(now=NOW, reason="恶意差评"))
    with pytest.raises(Refused, match="没有待复核"):
        decide(Snapshot("closed", rating_level=5, rating_review="excluded"), "exclude_rating", "centre",
               Params(now=NOW, reason="核实为误评"))


def test_allowed_events_lists_the_buttons_of_a_status():
    assert set(allowed_events(Snapshot("dispatched"), "unit")) == {"accept", "return"}
    assert "dispatch" in allowed_events(Snapshot("received"), "centre")
    assert allowed_events(Snapshot("closed"), "requester") == []
