"""The loop through the service: who may do what on a stored appeal, what each step changes, the audit
trail and the statistics tallies kept in step with a full rebuild."""

import pytest
from sqlalchemy import func, select

from tests.appeals.conftest import MONDAY, act, draft, file, later
from tests.factories import make_user
from zhenxing import audit
from zhenxing.appeals import tallies, tracking
from zhenxing.appeals.intake import submit
from zhenxing.appeals.models import Appeal, AppealTally
from zhenxing.appeals.scoring import COUNTERS
from zhenxing.errors import Conflict, Forbidden, Rejected


def tally_rows(session) -> dict:
    rows = {}
    for row in session.scalars(select(AppealTally)):
        key = (row.month, row.unit_id, row.handler_region_id, row.region_id, row.category_id, row.channel)
        counts = {name: getattr(row, name) for name in COUNTERS if getattr(row, name)}
        if counts:
            rows[key] = counts
    return rows


def test_intake_numbers_the_appeal_finds_its_region_and_counts_it(session, loop):
    appeal = session.get(Appeal, file(session))
    assert len(appeal.tracking_no) == 14 and appeal.tracking_no.startswith("250310")
    assert appeal.region.name == "凌海市"
    assert appeal.status == "received" and appeal.month == "2025-03"
    assert tally_rows(session)[("2025-03", 0, 0, appeal.region_id, loop.heat.id, "phone")] == {"received": 1}
    events = audit.list_events(session, entity="appeal", entity_id=appeal.id)
    assert [e.summary for e in events] == [f"受理诉求 {appeal.tracking_no}（12345电话）"]


def test_a_bad_draft_is_refused_by_name_and_stores_nothing_while_the_good_one_goes_in(session, loop):
    taken = submit(session, [draft(category_code="9999"), draft()], now=MONDAY)
    assert taken[0].error.field == "category_code" and "“9999”不存在" in taken[0].error.message
    assert taken[1].error is None
    assert session.scalar(select(func.count(Appeal.id))) == 1


def test_extra_questions_of_the_category_are_required_and_checked(session, loop):
    taken = submit(session, [draft(category_code="0701", description="路面有个大坑很危险")], now=MONDAY)
    assert "请回答附加问题“坑的大小”" in taken[0].error.message
    taken = submit(session, [draft(category_code="0701", description="路面有个大坑很危险",
                                   answers={"size": "huge"})], now=MONDAY)
    assert "应为 large、small 之一" in taken[0].error.message


def test_the_whole_loop_by_its_actors_with_a_timeline_and_tallies_that_match_a_rebuild(session, loop):
    w = loop.world
    appeal_id = file(session, category_code="0701", answers={"size": "large"}, description="人民路路面破损有大坑")
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id, now=later(hours=1))
    appeal = act(session, w.transport_user, appeal_id, "accept", now=later(hours=2))
    assert appeal.accept_late is False
    act(session, w.transport_user, appeal_id, "contact", reason="已电话联系", now=later(hours=3))
    appeal = act(session, w.transport_user, appeal_id, "reply", result="resolved", reason="经现场核查，已修补坑槽",
                 now=later(days=2))
    assert appeal.close_late is False and appeal.status == "replied"
    tracking.rate(session=session, tracking_no=appeal.tracking_no, last4="1234", level=2, comment="", now=later(days=3))
    session.commit()
    appeal = act(session, loop.hotline, appeal_id, "close", now=later(days=3, hours=1))
    assert appeal.status == "closed"
    summaries = [e.summary.split(" ", 2)[-1] for e in audit.list_events(session, entity="appeal", entity_id=appeal_id)
                 if e.action == "appeal"]
    assert [s.split("：")[0] for s in reversed(summaries)] == ["派单", "签收", "联系诉求人", "答复", "评价", "办结"]
    live = tally_rows(session)
    key = ("2025-03", w.transport.id, 0, appeal.region_id, loop.road.id, "phone")
    assert live[key] == {"received": 1, "dispatched": 1, "accept_judged": 1, "accepted_on_time": 1,
                         "close_judged": 1, "closed_on_time": 1, "replied": 1, "resolved": 1, "rated": 1,
                         "satisfied": 1, "visited": 1}
    tallies.rebuild(session)
    assert tally_rows(session) == live


def test_only_the_handling_unit_may_accept_and_others_are_refused_in_chinese(session, loop):
    w = loop.world
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    with pytest.raises(Forbidden, match="无权处理"):
        act(session, w.outsider, appeal_id, "accept")
    with pytest.raises(Forbidden, match="只有承办单位可以签收"):
        act(session, w.leader, appeal_id, "accept")
    with pytest.raises(Forbidden, match="只有热线中心可以派单"):
        act(session, w.transport_user, appeal_id, "dispatch", unit_id=w.fgw.id)
    with pytest.raises(Conflict, match="不能答复"):
        act(session, w.transport_user, appeal_id, "reply", result="resolved", reason="已经处理完了")


def test_a_return_goes_back_to_the_centre_which_re_dispatches_and_the_return_counts_against_the_unit(session, loop):
    w = loop.world
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    with pytest.raises(Rejected, match="退单须说明理由"):
        act(session, w.transport_user, appeal_id, "return", reason="")
    appeal = act(session, w.transport_user, appeal_id, "return", reason="供暖不属于交通部门职责", now=later(hours=3))
    assert appeal.status == "returned" and appeal.return_count == 1
    with pytest.raises(Rejected, match="改派须派给退单单位以外"):
        act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    appeal = act(session, loop.hotline, appeal_id, "dispatch", handler_region_id=w.linghai.id, now=later(hours=4))
    assert appeal.handler_name == "凌海市（兜底）" and appeal.dispatch_count == 2
    appeal = act(session, w.county, appeal_id, "accept", now=later(hours=5))
    assert appeal.status == "accepted"
    rows = tally_rows(session)
    transport = [v for k, v in rows.items() if k[1] == w.transport.id]
    assert transport == [{"dispatched": 1, "returned": 1}]


def test_a_return_after_the_window_is_refused(session, loop):
    w = loop.world
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    # Two working days after Monday 09:00 is Wednesday 09:00.
    with pytest.raises(Rejected, match="已超过退单时限（2025-03-12 09:00 前）"):
        act(session, w.transport_user, appeal_id, "return", reason="不归我们管", now=later(days=2, hours=1))


def test_an_extension_asked_in_time_is_approved_once_and_moves_the_deadline(session, loop):
    w = loop.world
    appeal_id = file(session, category_code="1201", urgency="complex", requester_kind="enterprise",
                     company="锦州某公司", description="企业用地审批手续办理缓慢")
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.fgw.id)
    fgw_user = make_user(session, "发改委小李", "unit", unit="市发展改革委")
    act(session, fgw_user, appeal_id, "accept", now=later(hours=1))
    appeal = session.get(Appeal, appeal_id)
    assert appeal.close_due == later(days=15) and appeal.rule["name"] == "复杂诉求"
    with pytest.raises(Rejected, match="不能晚于"):
        act(session, fgw_user, appeal_id, "request_extension", extension_days=11, reason="需多部门会商")
    act(session, fgw_user, appeal_id, "request_extension", extension_days=5, reason="需多部门会商",
        now=later(days=1))
    appeal = act(session, loop.hotline, appeal_id, "approve_extension", now=later(days=2))
    # 15 days + 5 working days, paused one day while the request waited (复杂诉求 pauses).
    assert appeal.extension_count == 1
    assert appeal.close_due.date().isoformat() == "2025-04-02"
    with pytest.raises(Rejected, match="上限（1次）"):
        act(session, fgw_user, appeal_id, "request_extension", extension_days=2, reason="还需要时间",
            now=later(days=3))


def test_unsatisfied_reopens_once_and_a_second_time_escalates_with_a_rectification_deadline(session, loop):
    w = loop.world
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", handler_region_id=w.linghai.id)
    act(session, w.county, appeal_id, "accept", now=later(hours=1))
    act(session, w.county, appeal_id, "reply", result="resolved", reason="已协调热力公司恢复供暖", now=later(hours=5))
    appeal = act(session, loop.hotline, appeal_id, "rate", level=4, reason="回访：仍不热", now=later(hours=8))
    assert appeal.status == "reopened" and appeal.reopen_count == 1 and appeal.rectify_due is not None
    assert appeal.close_due == later(hours=8 + 24)  # 水电气热: 24 hours again from the 重办
    act(session, w.county, appeal_id, "reply", result="partly", reason="已更换阀门，温度有所提升", now=later(hours=20))
    appeal = act(session, loop.hotline, appeal_id, "rate", level=5, now=later(days=1))
    assert appeal.status == "rated" and appeal.escalation_level == 1 and appeal.reopen_count == 1
    act(session, w.county, appeal_id, "contest_rating", reason="诉求人要求超出政策范围", now=later(days=2))
    appeal = act(session, loop.hotline, appeal_id, "exclude_rating", reason="核实属实，剔除", now=later(days=3))
    assert appeal.rating_excluded
    rows = tally_rows(session)
    county = next(v for k, v in rows.items() if k[2] == w.linghai.id)
    assert county.get("rated", 0) == 0 and county["reopened"] == 1 and county["visited"] == 1


def test_merged_appeals_close_with_their_main_appeal_and_count_as_repeats(session, loop):
    first = file(session)
    second = file(session, description="暖气不热，和邻居反映的一样")
    act(session, loop.hotline, second, "merge", target_id=first)
    act(session, loop.hotline, first, "answer", reason="已通知热力公司处理，今日恢复")
    act(session, loop.hotline, first, "rate", level=1)
    act(session, loop.hotline, first, "close")
    assert session.get(Appeal, second).status == "closed"
    assert sum(v.get("repeats", 0) for v in tally_rows(session).values()) == 1


def test_plus_one_counts_on_the_first_appeal_without_a_new_work_order(session, loop):
    from zhenxing.appeals import service

    first = file(session)
    service.plus_one(session=session, actor=loop.hotline, appeal_id=first)
    session.commit()
    assert session.get(Appeal, first).plus_ones == 1
    assert session.scalar(select(func.count(Appeal.id))) == 1
    assert sum(v.get("repeats", 0) for v in tally_rows(session).values()) == 1


def test_the_sweep_judges_late_defaults_ratings_and_escalates_once_per_step(session, loop):
    from zhenxing.appeals import jobs

    w = loop.world
    late = file(session, category_code="0701", answers={"size": "small"}, description="路面破损一直没人管")
    act(session, loop.hotline, late, "dispatch", unit_id=w.transport.id)
    quiet = file(session, description="暖气问题已答复未评价")
    act(session, loop.hotline, quiet, "answer", reason="已通知热力公司处理")
    # Monday + 7 natural days = the next Monday 09:00; +3 working days after it = Thursday 09:00.
    result = jobs.sweep(session, now=later(days=10, hours=1))
    session.commit()
    appeal = session.get(Appeal, late)
    assert appeal.accept_late is True and appeal.close_late is True
    assert appeal.escalation_level == 2 and result["escalated"] == 2
    rated = session.get(Appeal, quiet)
    assert rated.status == "rated" and rated.rating_level == 3 and rated.rating_defaulted
    again = jobs.sweep(session, now=later(days=10, hours=2))
    assert again == {"warned": 0, "late": 0, "defaulted": 0, "escalated": 0}
    summaries = [e.summary for e in audit.list_events(session, entity="appeal", entity_id=late) if e.action == "appeal"]
    assert any("催办" in s for s in summaries) and any("督办" in s for s in summaries)


def test_the_cli_creates_an_open311_key_and_sweeps(cli, loop):
    answer = cli("appeals", "open311-key", "测试APP")
    assert answer.exit_code == 0 and answer.output.strip().startswith("o311_")
    assert cli("appeals", "open311-key", "测试APP").exit_code == 1
    assert "督办升级" in cli("appeals", "sweep").output
