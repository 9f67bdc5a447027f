"""Escalation of supervised tasks: what a task owes (pure), when each step comes across 国庆 and 春节 with
their 调休 days, and the run that records each step once (idempotent), numbers 督办单 and takes replies."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.factories import make_task, make_unit, make_user
from zhenxing.audit import AuditEvent
from zhenxing.auth.service import scope_for
from zhenxing.errors import Conflict, NotFound, Rejected
from zhenxing.followup.models import FollowupMark
from zhenxing.rules import service as rules
from zhenxing.supervision import escalations, settings
from zhenxing.supervision.escalation import MilestoneRef, obligations, steps_reached
from zhenxing.supervision.models import Escalation
from zhenxing.supervision.states import TaskFacts
from zhenxing.workdays import BEIJING, WorkCalendar

CAL = WorkCalendar()
D = date


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=BEIJING)


def ladder():
    from zhenxing.rules.registry import get_kind

    entry = get_kind("supervision.ladder")
    return entry.validate(entry.preset_data()).ladder


# --- pure --------------------------------------------------------------------------------------------


def test_an_open_task_owes_its_deadline_undone_milestones_and_missing_reports():
    facts = TaskFacts(due_on=D(2025, 12, 31), report_due="2025-09", report_due_on=D(2025, 9, 28),
                      reported=frozenset({"2025-08"}))
    milestones = (MilestoneRef(7, D(2025, 6, 30), "完成选址", True), MilestoneRef(8, D(2025, 9, 30), "开工", False))
    owed = obligations(3, facts, milestones, ("2025-10", D(2025, 10, 28)))
    assert [(o.cause, o.ref) for o in owed] == [
        ("report", "report:2025-09"), ("milestone", "milestone:8"), ("report", "report:2025-10"),
        ("deadline", "deadline")]
    assert owed[0].text == "2025年9月进展未按时报送（报送期限 2025-09-28）"
    assert (owed[1].item_kind, owed[1].item_id) == ("task.milestone", 8)
    assert owed[2].cycle == 202510


def test_a_task_waiting_for_its_closure_or_closed_owes_nothing_and_a_long_term_one_has_no_deadline():
    for closure in ("pending", "confirmed"):
        assert obligations(1, TaskFacts(due_on=D(2025, 1, 1), closure=closure)) == []
    assert obligations(1, TaskFacts(due_on=D(2025, 1, 1), long_term=True)) == []
    refused = obligations(1, TaskFacts(due_on=D(2025, 1, 1), closure="refused"))
    assert [o.cause for o in refused] == ["deadline"]


def test_a_reported_period_is_owed_no_more():
    facts = TaskFacts(report_due="2025-09", report_due_on=D(2025, 9, 28), reported=frozenset({"2025-09", "2025-10"}))
    assert obligations(1, facts, (), ("2025-10", D(2025, 10, 28))) == []


@pytest.mark.parametrize(("now", "keys"), [
    (at(2024, 9, 28, 12), []),
    (at(2024, 9, 29, 23, 59, 59, 999999), ["remind"]),  # Sunday 09-29 is a make-up working day
    (at(2024, 10, 8, 12), ["remind"]),  # 10-01..10-07 off: 催办 waits for the first working day's end
    (at(2024, 10, 9, 0, 1), ["remind", "urge"]),
    (at(2024, 10, 10, 18), ["remind", "urge"]),
    (at(2024, 10, 11, 0, 1), ["remind", "urge", "supervise"]),
    (at(2024, 10, 12, 18), ["remind", "urge", "supervise"]),  # Saturday 10-12 works: 通报 at its end
    (at(2024, 10, 13, 0, 1), ["remind", "urge", "supervise", "notify"]),
])
def test_steps_come_in_working_days_across_national_day_with_make_up_days(now, keys):
    deadline = obligations(1, TaskFacts(due_on=D(2024, 9, 30)))[0]
    assert [step.key for step in steps_reached(deadline, now, ladder(), CAL)] == keys


def test_after_spring_festival_the_first_escalation_waits_for_the_holiday_to_end():
    deadline = obligations(1, TaskFacts(due_on=D(2025, 1, 27)))[0]  # 春节 2025: 01-28..02-04 off
    assert [s.key for s in steps_reached(deadline, at(2025, 2, 5, 12), ladder(), CAL)] == ["remind"]
    assert [s.key for s in steps_reached(deadline, at(2025, 2, 6, 0, 1), ladder(), CAL)] == ["remind", "urge"]


def test_the_reply_of_a_notice_counts_working_days():
    from zhenxing.supervision.escalation import reply_due

    assert reply_due(D(2024, 9, 30), 3, CAL) == D(2024, 10, 10)
    assert reply_due(D(2025, 1, 24), 3, CAL) == D(2025, 2, 5)  # Sunday 01-26 works, then 春节


# --- the run ------------------------------------------------------------------------------------------


def late_task(session, world, days_late=30):
    today = date.today()
    finance = make_unit(session, "市财政局")
    task = make_task(session, "建设城市智慧停车平台", year=today.year, lead=world.transport, partners=[finance],
                     deadline="", due_on=today - timedelta(days=days_late))
    session.commit()
    return task


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_an_overdue_task_climbs_the_ladder_once_and_a_second_run_records_nothing(session, world):
    task = late_task(session, world)
    now = datetime.now(BEIJING)
    first = escalations.run(session, now=now)
    session.commit()
    assert first["notice"] >= 1 and first["bulletin"] >= 1
    rows = escalations.of_task(session, task)
    deadline = [row for row in rows if row.ref == "deadline"]
    assert [row.step_label for row in deadline] == ["提醒", "催办", "督办", "通报"]
    notice = next(row for row in rows if row.action == "notice")
    assert notice.number_text.startswith(f"督办〔{now.year}〕") and notice.reply_due > now.date()
    assert notice.unit_id == world.transport.id
    before = (count(session, Escalation), count(session, FollowupMark), count(session, AuditEvent))
    again = escalations.run(session, now=now)
    session.commit()
    assert again == {"remind": 0, "notice": 0, "bulletin": 0}
    assert (count(session, Escalation), count(session, FollowupMark), count(session, AuditEvent)) == before


def test_a_task_with_a_pending_closure_or_closed_is_not_escalated(session, world):
    task = late_task(session, world)
    from zhenxing.tasks.models import Closure

    session.add(Closure(task_id=task.id, unit_id=world.transport.id, note="已完成", requested_by="jiaotong"))
    session.commit()
    assert escalations.run(session, now=datetime.now(BEIJING)) == {"remind": 0, "notice": 0, "bulletin": 0}


def test_the_office_tunes_the_ladder_as_rules_and_a_bad_ladder_is_refused(session, world):
    data = {"steps": [{"key": "supervise", "label": "督办", "offset": 2, "unit": "workdays", "action": "notice",
                       "audience": ["lead", "supervisor"]},
                      {"key": "remind", "label": "提醒", "offset": -2, "unit": "workdays"}]}
    with pytest.raises(Rejected, match="按时间先后"):
        rules.set_rules(session, world.office, "supervision.ladder", data)
    data["steps"] = data["steps"][::-1]
    rules.set_rules(session, world.office, "supervision.ladder", data)
    with pytest.raises(Rejected):
        rules.set_rules(session, world.office, "supervision.reporting", {"report_day": 40})
    rules.set_rules(session, world.office, "supervision.reporting", {"report_day": 25, "reply_workdays": 5})
    session.commit()
    session.info.clear()
    assert [s.key for s in settings.ladder(session).steps] == ["remind", "supervise"]
    assert settings.current(session).report_day == 25
    task = late_task(session, world)
    escalations.run(session, now=datetime.now(BEIJING))
    assert [r.step_label for r in escalations.of_task(session, task) if r.ref == "deadline"] == ["提醒", "督办"]


def test_a_unit_replies_to_its_notice_once_and_others_cannot_see_it(session, world):
    task = late_task(session, world)
    escalations.run(session, now=datetime.now(BEIJING))
    session.commit()
    notice = next(r for r in escalations.of_task(session, task) if r.action == "notice")
    outsider = world.outsider
    with pytest.raises(NotFound):
        escalations.reply(session=session, actor=outsider, scope=scope_for(session, outsider),
                          escalation_id=notice.id, text="已整改")
    unit = world.transport_user
    with pytest.raises(Rejected):
        escalations.reply(session=session, actor=unit, scope=scope_for(session, unit), escalation_id=notice.id,
                          text="  ")
    escalations.reply(session=session, actor=unit, scope=scope_for(session, unit), escalation_id=notice.id,
                      text="已完成招标，下月开工")
    with pytest.raises(Conflict):
        escalations.reply(session=session, actor=unit, scope=scope_for(session, unit), escalation_id=notice.id,
                          text="再次回复")
    assert notice.replied_by == "jiaotong"


def test_the_unit_sees_its_escalations_in_its_todo_and_the_partner_sees_what_is_addressed_to_it(session, world):
    from zhenxing.supervision import todos

    task = late_task(session, world)
    partner = make_user(session, "caizheng", "unit", unit="市财政局")
    session.commit()
    escalations.run(session, now=datetime.now(BEIJING))
    session.commit()
    unit = world.transport_user
    items = todos.items(session, unit, scope_for(session, unit))
    assert any(item.kind == "任务" and item.level == "red" and task.code in item.title for item in items)
    assert any(item.kind == "督办单" for item in items)
    seen = escalations.queue(session, scope=scope_for(session, partner))
    assert {row.step_label for row in seen} == {"督办", "通报"}  # the ladder's partner audience
    assert escalations.queue(session, scope=scope_for(session, world.outsider)) == []


def test_supervise_run_from_cron_runs_the_job_under_its_lease(cli, session, world):
    late_task(session, world)
    result = cli("supervise", "run")
    assert result.exit_code == 0, result.output
    assert "督查任务提醒与逾期升级：成功" in result.output and "督办单 1 份" in result.output
    again = cli("supervise", "run")
    assert "督办单 0 份" in again.output
    bad = cli("supervise", "run", "--at", "昨天")
    assert bad.exit_code != 0


def test_a_step_in_a_year_the_calendar_does_not_know_yet_is_simply_not_reached():
    last = max(year for year in range(2020, 2100) if CAL.knows(year))
    deadline = obligations(1, TaskFacts(due_on=D(last, 12, 31)))[0]
    assert [s.key for s in steps_reached(deadline, at(last, 12, 31, 12), ladder(), CAL)] == ["remind"]


def test_the_office_reads_and_sets_the_rules_through_the_api_and_a_unit_may_not(api_as, world):
    office = api_as(world.office)
    ladder = office.get("/api/v1/supervision/rules/ladder").json()
    assert ladder["source"] == "preset" and [s["key"] for s in ladder["data"]["steps"]][0] == "remind"
    bad = office.put("/api/v1/supervision/rules/reporting", json={"data": {"report_day": 0}})
    assert bad.status_code == 422 and bad.json()["field"]
    saved = office.put("/api/v1/supervision/rules/reporting?year=2025", json={"data": {"report_day": 25}})
    assert saved.status_code == 200 and saved.json()["data"]["report_day"] == 25 and saved.json()["version"] == 1
    assert office.get("/api/v1/supervision/rules/reporting?year=2025").json()["source"] == "year"
    unit = api_as(world.transport_user)
    assert unit.put("/api/v1/supervision/rules/reporting", json={"data": {"report_day": 20}}).status_code == 403
    assert office.get("/api/v1/supervision/rules/other").status_code == 422
