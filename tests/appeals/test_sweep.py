"""The scheduled sweep (`appeals.sweep`): 即将到期 warnings once per deadline, 超期 marking and escalation
along the `appeals.escalation` ladder; and the to-do items of a handling unit and of the centre."""

from datetime import timedelta

from sqlalchemy import select

from tests.appeals.conftest import MONDAY, act, file, later
from tests.factories import make_user
from zhenxing import audit, registry
from zhenxing.appeals import jobs, rule_kinds
from zhenxing.appeals.models import Appeal
from zhenxing.auth import service as accounts
from zhenxing.rules import service as rules
from zhenxing.scheduler import get_job, run_job
from zhenxing.todo import service as todo


def summaries(session, appeal_id) -> list[str]:
    return [e.summary for e in audit.list_events(session, entity="appeal", entity_id=appeal_id)]


def road(session, **values) -> int:
    return file(session, category_code="0701", answers={"size": "small"}, description="路面破损一直没人管",
                **values)


def test_a_warning_comes_one_working_day_before_the_deadline_once_and_again_after_an_extension(session, loop):
    w = loop.world
    appeal_id = road(session, urgency="complex")
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    act(session, w.transport_user, appeal_id, "accept", now=later(hours=1))
    due = session.get(Appeal, appeal_id).close_due  # 15 natural days: Tuesday 2025-03-25 09:00
    assert due == later(days=15)
    assert jobs.warn_due_soon(session, now=due - timedelta(days=1, hours=1)) == 0
    assert jobs.warn_due_soon(session, now=due - timedelta(hours=23)) == 1
    assert jobs.warn_due_soon(session, now=due - timedelta(hours=22)) == 0  # once per deadline
    session.commit()
    assert any("即将到期（提醒，黄牌）" in s for s in summaries(session, appeal_id))
    act(session, w.transport_user, appeal_id, "request_extension", extension_days=3, reason="需要协调",
        now=due - timedelta(hours=20))
    act(session, loop.hotline, appeal_id, "approve_extension", now=due - timedelta(hours=19))
    new_due = session.get(Appeal, appeal_id).close_due
    assert new_due > due
    assert jobs.warn_due_soon(session, now=new_due - timedelta(hours=2)) == 1


def test_the_warning_skips_a_holiday_the_working_day_before(session, loop):
    w = loop.world
    # Dispatched Monday 2025-09-29 09:00, 7 natural days: due Monday 2025-10-06 09:00, inside the 国庆 break
    # (10-01 to 10-08). The working day before it is Tuesday 09-30, so the 黄牌 comes then, not on Sunday.
    start = MONDAY.replace(year=2025, month=9, day=29)
    appeal_id = road(session, now=start)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id, now=start)
    assert session.get(Appeal, appeal_id).close_due == start + timedelta(days=7)
    assert jobs.warn_due_soon(session, now=start + timedelta(hours=23)) == 0
    assert jobs.warn_due_soon(session, now=start + timedelta(days=1, minutes=1)) == 1


def test_overdue_appeals_are_marked_and_escalated_along_the_ladder_in_force(session, loop):
    w = loop.world
    rules.apply_preset(session, loop.hotline, rule_kinds.ESCALATION, "紧凑")
    appeal_id = road(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    due = session.get(Appeal, appeal_id).close_due
    done = jobs.sweep(session, now=due + timedelta(minutes=5))
    session.commit()
    # The compact ladder urges at the deadline itself: 超期 and 催办 at once.
    assert done["late"] >= 1 and done["escalated"] == 1
    appeal = session.get(Appeal, appeal_id)
    assert appeal.close_late is True and appeal.escalation_level == 1
    assert jobs.sweep(session, now=due + timedelta(minutes=6))["escalated"] == 0


def test_the_sweep_is_a_registered_job_run_by_the_scheduler(sessions, session, loop):
    job = get_job("appeals.sweep")
    assert job.every == timedelta(minutes=10) and "督办" in job.label
    appeal_id = road(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=loop.world.transport.id)
    result = run_job(sessions, "appeals.sweep", now=later(days=10))
    assert result.status == "ok" and "督办升级 2 次" in result.message
    session.expire_all()
    assert session.get(Appeal, appeal_id).escalation_level == 2


def test_a_unit_sees_its_own_appeals_red_when_overdue_and_the_centre_its_queues(session, loop):
    w = loop.world
    mine = road(session)
    act(session, loop.hotline, mine, "dispatch", unit_id=w.transport.id)
    fgw_user = make_user(session, "发改委小李", "unit", unit="市发展改革委")
    other = file(session, category_code="1201", requester_kind="enterprise", company="锦州某公司",
                 description="企业用地审批手续办理缓慢")
    act(session, loop.hotline, other, "dispatch", unit_id=w.fgw.id)
    file(session, description="新来的暖气诉求还没派")
    registry.load_all()

    scope = accounts.scope_for(session, w.transport_user)
    items = [item for group in todo.todo_groups(session, w.transport_user, scope) if group.key == "appeals.inbox"
             for item in group.items]
    assert len(items) == 1 and items[0].url == f"/appeals/{mine}" and items[0].title.startswith("签收")
    # 签收 was due two working hours after Monday 09:00; the list is judged now, long after.
    assert items[0].level == "red"
    assert todo.todo_count(session, fgw_user, accounts.scope_for(session, fgw_user)) >= 1

    centre = accounts.scope_for(session, loop.hotline)
    queue_items = {item.url: item for group in todo.todo_groups(session, loop.hotline, centre)
                   if group.key == "appeals.inbox" for item in group.items}
    assert queue_items["/appeals?queue=new"].title == "新受理待派单 1 件"
    assert queue_items["/appeals?queue=overdue"].level == "red"
    assert session.scalar(select(Appeal.status).where(Appeal.id == other)) == "dispatched"



def test_the_due_soon_queue_follows_the_warning_step_over_a_weekend(session, loop):
    from zhenxing.appeals import queries

    w = loop.world
    appeal_id = road(session)  # dispatched Monday 09:00, due the next Monday 09:00
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    scope = accounts.scope_for(session, w.transport_user)
    friday = later(days=4, hours=1)  # Friday 10:00: one working day before Monday 09:00 has passed
    assert queries.queue_counts(session=session, scope=scope, now=friday, queues=("due_soon",)) == {"due_soon": 1}
    thursday = later(days=3, hours=1)
    assert queries.queue_counts(session=session, scope=scope, now=thursday, queues=("due_soon",)) == {"due_soon": 0}
