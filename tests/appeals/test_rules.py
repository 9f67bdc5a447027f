"""The loop's time limits and the ranking weights are rules data (zhenxing.rules): the Beijing and 三率 presets
by default, a change validated, audited and used at once; deadlines follow the admin's holiday table."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.appeals.conftest import act, file, later
from zhenxing import audit
from zhenxing.appeals import rule_kinds, stats
from zhenxing.appeals import settings as loop_settings
from zhenxing.appeals.models import Appeal
from zhenxing.appeals.timerules import Limit, settings_to
from zhenxing.errors import Forbidden, Rejected
from zhenxing.holidays import service as holidays
from zhenxing.rules import service as rules


def test_the_defaults_are_the_beijing_time_rules_and_the_sanlv_weights(session, loop):
    settings = loop_settings.current(session)
    assert settings.return_window == Limit(2, "workdays") and settings.max_extensions == 1
    assert [rule.name for rule in settings.rules] == ["紧急诉求", "水电气热", "一般诉求", "复杂诉求"]
    assert dict(loop_settings.scheme(session).weights) == {"accept_rate": 20, "resolve_rate": 40,
                                                           "satisfaction_rate": 40}
    assert rules.rule_state(session, rule_kinds.LOOP).source == "preset"


def test_a_changed_return_window_is_audited_and_applies_from_the_next_dispatch(session, loop):
    w = loop.world
    before = file(session)
    act(session, loop.hotline, before, "dispatch", unit_id=w.transport.id)
    data = settings_to(loop_settings.current(session))
    data["return_window"] = {"amount": 3, "unit": "workdays"}
    rules.set_rules(session, loop.hotline, rule_kinds.LOOP, data, name="退单3个工作日")
    session.commit()
    event = session.scalar(select(audit.AuditEvent).where(audit.AuditEvent.entity == "rule_set"))
    assert "诉求办理时限" in event.summary and event.actor_name == loop.hotline.name
    assert event.changes["return_window.amount"][1] == 3
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    # Wednesday 10:00 is past the default two working days, within the new three; an appeal dispatched
    # before the change keeps the window it was given.
    with pytest.raises(Rejected, match="已超过退单时限"):
        act(session, w.transport_user, before, "return", reason="不归我们管", now=later(days=2, hours=1))
    appeal = act(session, w.transport_user, appeal_id, "return", reason="不归我们管", now=later(days=2, hours=1))
    assert appeal.status == "returned"


@pytest.mark.parametrize(("change", "message"), [
    ({"return_window": {"amount": 2, "unit": "weeks"}}, "return_window.unit"),
    ({"max_extensions": 9}, "max_extensions 应为 0–5"),
    ({"rules": []}, "rules 应为 1–200 条"),
    ({"rules": [{"name": "x", "accept": {"amount": 0, "unit": "hours"}}]}, "rules[0].accept.amount"),
])
def test_bad_loop_rules_are_refused_naming_the_field_and_change_nothing(session, loop, change, message):
    data = {**settings_to(loop_settings.current(session)), **change}
    with pytest.raises(Rejected, match=message.replace("[", r"\[").replace("]", r"\]")):
        rules.set_rules(session, loop.hotline, rule_kinds.LOOP, data)
    assert rules.history(session, rule_kinds.LOOP) == []


def test_only_the_centre_may_change_the_loop_rules(session, loop):
    data = settings_to(loop_settings.current(session))
    with pytest.raises(Forbidden, match="无权修改“诉求办理时限”"):
        rules.set_rules(session, loop.world.transport_user, rule_kinds.LOOP, data)
    with pytest.raises(Forbidden):
        rules.set_rules(session, loop.world.office, rule_kinds.RANKING, {"weights": {"accept_rate": 1}})


def test_the_shandong_preset_closes_in_five_working_days(session, loop):
    rules.apply_preset(session, loop.hotline, rule_kinds.LOOP, "山东")
    session.commit()
    appeal_id = file(session, category_code="0701", urgency="normal", answers={"size": "small"})
    appeal = act(session, loop.hotline, appeal_id, "dispatch", unit_id=loop.world.transport.id)
    assert appeal.rule["name"] == "一般诉求"
    assert appeal.close_due == later(days=7)  # Monday + 5 working days = next Monday, same time


def test_a_day_off_in_the_admin_holiday_table_moves_the_working_day_deadlines(session, loop):
    w = loop.world
    holidays.set_days(session, actor=w.admin, start=date(2025, 3, 11), is_workday=False, name="本地假日")
    session.commit()
    appeal_id = file(session)
    act(session, loop.hotline, appeal_id, "dispatch", unit_id=w.transport.id)
    # Tuesday is off: two working days after Monday 09:00 is Thursday 09:00, so Wednesday 10:00 may return.
    appeal = act(session, w.transport_user, appeal_id, "return", reason="不归我们管", now=later(days=2, hours=1))
    assert appeal.status == "returned"
    assert session.get(Appeal, appeal_id).return_count == 1


def test_ranking_weights_come_from_the_rules_and_deductions_are_allowed(session, loop):
    rules.set_rules(session, loop.hotline, rule_kinds.RANKING,
                    {"weights": {"ontime_rate": 60, "satisfaction_rate": 40, "return_rate": -10},
                     "min_received": 1, "list_size": 3})
    session.commit()
    result = stats.ranking(session=session, kind="unit", month="2025-03")
    measures = {m.key: m for m in result["scheme"].measures}
    assert set(measures) == {"appeal_ontime_rate", "appeal_satisfaction_rate", "appeal_return_rate"}
    assert measures["appeal_return_rate"].per == -0.1 and measures["appeal_return_rate"].cap == 10
    with pytest.raises(Rejected, match="权重应为 -100–100"):
        rules.set_rules(session, loop.hotline, rule_kinds.RANKING, {"weights": {"accept_rate": 500}})
