"""Rule sets: the default preset until the office sets rules, versions per year kept for reproducibility,
every change validated, permitted and audited."""

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from zhenxing.audit import AuditEvent
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.rules import service as rules
from zhenxing.rules.models import RuleSet


def test_without_rules_the_default_preset_is_in_force(session, kind):
    value = rules.active_rules(session, "test.lights", 2025)
    assert (value.yellow_gap, value.red_gap) == (10, 30)
    state = rules.rule_state(session, "test.lights", 2025)
    assert (state.source, state.name, state.version) == ("preset", "银川2025", None)
    assert state.source_label == "默认预设"


def test_standing_rules_apply_to_every_year_and_a_years_rules_to_that_year(session, world, kind):
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 15, "red_gap": 40}, name="本市2024")
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 5, "red_gap": 35}, 2026)
    assert rules.active_rules(session, "test.lights").yellow_gap == 15
    assert rules.active_rules(session, "test.lights", 2025).yellow_gap == 15
    assert rules.active_rules(session, "test.lights", 2026).yellow_gap == 5
    assert rules.rule_state(session, "test.lights", 2026).source_label == "2026年专用"
    assert rules.rule_state(session, "test.lights", 2025).source == "standing"
    assert rules.years_with_rules(session, "test.lights") == [2026]


def test_each_change_is_a_new_version_and_the_history_keeps_them_all(session, world, kind):
    first = rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 12, "red_gap": 40}, 2025)
    second = rules.apply_preset(session, world.office, "test.lights", "三亚2022", 2025)
    assert (first.version, second.version) == (1, 2)
    assert second.name == "三亚2022" and second.data == {"yellow_gap": 0, "red_gap": 50, "steps": []}
    assert rules.active_rules(session, "test.lights", 2025).red_gap == 50
    assert [row.version for row in rules.history(session, "test.lights", 2025)] == [2, 1]


def test_a_change_is_audited_field_by_field(session, world, kind):
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 12, "red_gap": 40}, 2025, name="试行")
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 12, "red_gap": 45}, 2025, name="正式")
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "rules").order_by(AuditEvent.id)).all()
    assert events[0].summary == "测试灯阈值（2025年）第1版设置：试行"
    assert events[1].changes == {"kind": "test.lights", "red_gap": [40, 45]}
    assert events[1].actor_name == "office" and events[1].action_label == "规则修改"


def test_withdrawing_a_years_rules_hands_the_year_back_to_the_standing_ones(session, world, kind):
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 15, "red_gap": 40})
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 5, "red_gap": 35}, 2026)
    withdrawn = rules.withdraw_rules(session, world.office, "test.lights", 2026)
    assert withdrawn.active is False and withdrawn.version == 2
    assert rules.active_rules(session, "test.lights", 2026).yellow_gap == 15
    with pytest.raises(NotFound, match="2026年没有专用规则"):
        rules.withdraw_rules(session, world.office, "test.lights", 2026)
    with pytest.raises(Rejected):
        rules.withdraw_rules(session, world.office, "test.lights", None)


def test_past_rules_are_reproducible_as_of_a_moment(session, world, kind):
    old = rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 12, "red_gap": 40}, 2025)
    old.created_at = datetime(2025, 1, 5, tzinfo=UTC)
    new = rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 20, "red_gap": 40}, 2025)
    new.created_at = datetime(2025, 7, 1, tzinfo=UTC)
    session.flush()
    assert rules.rules_as_of(session, "test.lights", datetime(2025, 3, 1, tzinfo=UTC), 2025).yellow_gap == 12
    assert rules.rules_as_of(session, "test.lights", datetime(2025, 8, 1, tzinfo=UTC), 2025).yellow_gap == 20
    assert rules.rules_as_of(session, "test.lights", datetime(2024, 8, 1, tzinfo=UTC), 2025).yellow_gap == 10


def test_bad_rules_change_nothing_and_name_the_field(session, world, kind):
    with pytest.raises(Rejected) as refused:
        rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 10, "red_gap": 300}, 2025)
    assert refused.value.field == "red_gap"
    assert session.scalars(select(RuleSet)).all() == []
    for year in (1999, 2101, "2025", True):
        with pytest.raises(Rejected, match="年份"):
            rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 1, "red_gap": 2}, year)
    with pytest.raises(Rejected, match="名称"):
        rules.set_rules(session, world.office, "test.lights", {}, 2025, name="长" * 101)


@pytest.mark.parametrize("persona", ["leader", "county", "steward"])
def test_only_the_kinds_editors_may_change_rules(session, world, kind, persona):
    with pytest.raises(Forbidden, match="无权修改“测试灯阈值”"):
        rules.set_rules(session, getattr(world, persona), "test.lights", {}, 2025)
    with pytest.raises(Forbidden):
        rules.apply_preset(session, getattr(world, persona), "test.lights", "三亚2022")


def test_a_kind_names_its_own_editors(session, world):
    from zhenxing.rules import registry

    from .conftest import PRESETS, Thresholds

    registry.register_kind("test.unit_rules", "单位规则", Thresholds, PRESETS, "银川2025", editors={"unit"},
                           per_year=False)
    try:
        rules.set_rules(session, world.county, "test.unit_rules", {"yellow_gap": 1, "red_gap": 2})
        with pytest.raises(Forbidden):
            rules.set_rules(session, world.office, "test.unit_rules", {})
        with pytest.raises(Rejected, match="不分年度"):
            rules.set_rules(session, world.county, "test.unit_rules", {}, 2025)
        # A kind without years reads its standing rules whatever the year asked.
        assert rules.active_rules(session, "test.unit_rules", 2025).red_gap == 2
    finally:
        registry.unregister_kind("test.unit_rules")


def test_the_system_may_set_rules_without_an_actor(session, kind):
    row = rules.set_rules(session, None, "test.lights", {"yellow_gap": 3, "red_gap": 4})
    assert row.created_by_name == "系统"


def test_reads_are_cached_per_session_and_a_change_clears_the_cache(session, world, kind):
    assert rules.active_rules(session, "test.lights", 2025) is rules.active_rules(session, "test.lights", 2025)
    rules.set_rules(session, world.office, "test.lights", {"yellow_gap": 7, "red_gap": 9}, 2025)
    assert rules.active_rules(session, "test.lights", 2025).yellow_gap == 7


def test_two_editors_at_once_never_make_the_same_version(sessions, kind):
    """The second editor read the versions before the first committed: it is refused, not duplicated."""
    outcome = []

    def second_editor():
        try:
            with sessions() as session, session.begin():
                rules.set_rules(session, None, "test.lights", {"yellow_gap": 2, "red_gap": 60}, 2025)
            outcome.append("ok")
        except Conflict as error:
            outcome.append(error.message)

    with sessions() as first, first.begin():
        rules.set_rules(first, None, "test.lights", {"yellow_gap": 1, "red_gap": 60}, 2025)
        thread = threading.Thread(target=second_editor)
        thread.start()
        thread.join(0.5)  # the second editor now waits for the first one's row (or lock)
    thread.join(30)
    with sessions() as session:
        versions = sorted(row.version for row in session.scalars(select(RuleSet)))
    assert outcome == ["“测试灯阈值”刚被他人修改，请刷新后重试"]
    assert versions == [1]
