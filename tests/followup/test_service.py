"""Recording ladder steps: idempotent, safe under concurrent workers, per cycle."""

import threading
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from zhenxing.errors import Rejected
from zhenxing.followup import service as followup
from zhenxing.followup.ladder import DEFAULT_LADDER
from zhenxing.followup.models import FollowupMark
from zhenxing.workdays import WorkCalendar

AT = datetime(2024, 10, 11, 18, 0)  # Beijing time


def test_reaching_a_step_is_new_once(session):
    assert followup.reach(session, "task", 7, "urge", AT) is True
    assert followup.reach(session, "task", 7, "urge", AT) is False
    assert followup.reach(session, "task", 7, "supervise", AT) is True
    assert followup.reach(session, "appeal", 7, "urge", AT) is True
    session.commit()
    assert followup.reached_keys(session, "task", 7) == {"urge", "supervise"}
    mark = session.scalars(select(FollowupMark).where(FollowupMark.item_kind == "appeal")).one()
    reached = mark.reached_at if mark.reached_at.tzinfo else mark.reached_at.replace(tzinfo=UTC)
    assert reached == datetime(2024, 10, 11, 10, 0, tzinfo=UTC)


def test_a_new_cycle_starts_the_ladder_again(session):
    assert followup.reach(session, "appeal", 3, "urge", AT) is True
    assert followup.reach(session, "appeal", 3, "urge", AT, cycle=1) is True
    assert followup.reached_keys(session, "appeal", 3, cycle=1) == {"urge"}


def test_advance_records_every_reached_step_and_answers_only_new_ones(session):
    calendar = WorkCalendar()
    due = date(2024, 10, 10)
    first = followup.advance(session, "task", 1, due, datetime(2024, 10, 12, 9, 0), DEFAULT_LADDER, calendar)
    assert [step.key for step in first] == ["remind", "urge"]
    again = followup.advance(session, "task", 1, due, datetime(2024, 10, 12, 9, 0), DEFAULT_LADDER, calendar)
    assert again == []
    later = followup.advance(session, "task", 1, due, datetime(2024, 10, 20), DEFAULT_LADDER, calendar)
    assert [step.key for step in later] == ["supervise", "notify"]


def test_marks_are_listed_per_item_in_order_and_forgotten(session):
    followup.reach(session, "task", 1, "urge", datetime(2024, 10, 12))
    followup.reach(session, "task", 1, "remind", datetime(2024, 10, 9))
    followup.reach(session, "task", 2, "remind", datetime(2024, 10, 9))
    marks = followup.marks_for(session, "task", range(1, 2500))
    assert [m.step_key for m in marks[1]] == ["remind", "urge"] and len(marks[2]) == 1
    assert followup.forget(session, "task", 1) == 2
    assert followup.marks_for(session, "task", [1]) == {}


@pytest.mark.parametrize(("kind", "item", "key", "cycle", "field"), [
    ("", 1, "urge", 0, "item_kind"), ("x" * 41, 1, "urge", 0, "item_kind"), ("task", -1, "urge", 0, "item_id"),
    ("task", 2**63, "urge", 0, "item_id"), ("task", True, "urge", 0, "item_id"), ("task", 1, "", 0, "step_key"),
    ("task", 1, "urge", -1, "cycle"),
])
def test_bad_input_is_refused(session, kind, item, key, cycle, field):
    with pytest.raises(Rejected) as refused:
        followup.reach(session, kind, item, key, AT, cycle=cycle)
    assert refused.value.field == field


def test_concurrent_workers_record_a_step_once(sessions):
    barrier, answers = threading.Barrier(5), []

    def worker():
        with sessions() as session, session.begin():
            barrier.wait()
            answers.append(followup.reach(session, "task", 42, "notify", AT))

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(answers) == [False] * 4 + [True]
    with sessions() as session:
        assert len(session.scalars(select(FollowupMark)).all()) == 1
