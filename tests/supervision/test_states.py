"""Task state derivation: 未启动 / 推进中 / 滞后 / 待销号 / 已销号, and why a task is late."""

from datetime import date

import pytest

from zhenxing.supervision.states import (
    STATES,
    MilestoneFacts,
    TaskFacts,
    counts,
    derive,
    lateness,
    sort_key,
)

TODAY = date(2025, 7, 10)


def test_a_new_task_has_not_started():
    assert derive(TaskFacts(due_on=date(2025, 12, 31)), TODAY).state == "not_started"


def test_a_report_or_a_start_puts_it_in_progress():
    assert derive(TaskFacts(reported=frozenset({"2025-06"})), TODAY).state == "in_progress"
    assert derive(TaskFacts(started=True), TODAY).state == "in_progress"


def test_past_its_deadline_a_task_is_late_and_says_by_how_much():
    state = derive(TaskFacts(due_on=date(2025, 6, 30), started=True), TODAY)
    assert state.state == "late"
    assert state.reasons == ["已超过完成时限（2025-06-30）10 天"]
    assert derive(TaskFacts(due_on=TODAY, started=True), TODAY).state == "in_progress"  # due today: not yet


def test_a_long_term_task_has_no_deadline_to_miss():
    assert derive(TaskFacts(due_on=date(2025, 1, 1), long_term=True, started=True), TODAY).state == "in_progress"


def test_an_undone_milestone_past_its_date_makes_it_late_and_a_done_one_does_not():
    late = MilestoneFacts(date(2025, 6, 30), "完成主体施工")
    done = MilestoneFacts(date(2025, 3, 31), "完成立项", done_on=date(2025, 4, 2))
    future = MilestoneFacts(date(2025, 9, 30), "设备安装")
    state = derive(TaskFacts(milestones=(done, late, future), started=True), TODAY)
    assert state.state == "late"
    assert state.reasons == ["节点“完成主体施工”应于 2025-06-30 前完成，尚未完成"]
    assert derive(TaskFacts(milestones=(done, future), started=True), TODAY).state == "in_progress"


def test_a_missing_report_that_fell_due_makes_it_late_until_it_is_filed():
    facts = TaskFacts(started=True, report_due="2025-06", report_due_on=date(2025, 6, 30),
                      reported=frozenset({"2025-05"}))
    state = derive(facts, TODAY)
    assert state.state == "late"
    assert state.reasons == ["2025年6月进展未按时报送（应于 2025-06-30 前）"]
    filed = TaskFacts(report_due="2025-06", report_due_on=date(2025, 6, 30), reported=frozenset({"2025-06"}))
    assert derive(filed, TODAY).state == "in_progress"


def test_a_pending_closure_waits_for_the_office_even_when_dates_have_passed():
    facts = TaskFacts(due_on=date(2025, 6, 30), closure="pending")
    assert derive(facts, TODAY).state == "closing"
    assert lateness(facts, TODAY)  # still late on paper; the state says who must act


def test_a_confirmed_closure_closes_it_and_a_refused_one_sends_it_back():
    assert derive(TaskFacts(due_on=date(2025, 6, 30), closure="confirmed"), TODAY).state == "closed"
    refused = derive(TaskFacts(due_on=date(2025, 12, 31), closure="refused", started=True), TODAY)
    assert refused.state == "in_progress"
    assert derive(TaskFacts(due_on=date(2025, 6, 1), closure="refused"), TODAY).state == "late"


def test_several_reasons_are_listed_oldest_first():
    facts = TaskFacts(due_on=date(2025, 6, 30), milestones=(MilestoneFacts(date(2025, 3, 31), "立项"),),
                      report_due="2025-06", report_due_on=date(2025, 6, 28))
    causes = [item.cause for item in derive(facts, TODAY).late]
    assert causes == ["milestone", "unreported", "overdue"]


@pytest.mark.parametrize("closure", [None, "pending", "confirmed", "refused"])
@pytest.mark.parametrize("started", [False, True])
@pytest.mark.parametrize("overdue", [False, True])
def test_every_combination_gives_exactly_one_known_state(closure, started, overdue):
    facts = TaskFacts(due_on=date(2025, 6, 1) if overdue else date(2025, 12, 1), started=started, closure=closure)
    state = derive(facts, TODAY).state
    assert state in STATES
    expected = {"confirmed": "closed", "pending": "closing"}.get(closure) or (
        "late" if overdue else ("in_progress" if started else "not_started"))
    assert state == expected


def test_sorting_puts_late_first_then_closing_then_by_deadline():
    rows = [("in_progress", date(2025, 9, 1)), ("late", None), ("closed", date(2025, 1, 1)),
            ("closing", date(2025, 8, 1)), ("in_progress", date(2025, 8, 1)), ("not_started", None)]
    rows.sort(key=lambda row: sort_key(*row))
    assert [row[0] for row in rows] == ["late", "closing", "in_progress", "in_progress", "not_started", "closed"]
    assert rows[2][1] == date(2025, 8, 1)


def test_counts_list_every_state():
    assert counts(["late", "late", "closed"]) == {"not_started": 0, "in_progress": 0, "late": 2, "closing": 0,
                                                  "closed": 1}
