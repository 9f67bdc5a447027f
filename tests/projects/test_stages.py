"""The stage rules 谋划 → 签约 → 落地 → 开工 → 竣工 → 投产, called directly (no database)."""

import itertools
from datetime import date, timedelta

import pytest

from zhenxing.errors import Forbidden, Rejected
from zhenxing.projects.stages import (
    STAGE_LABELS,
    STAGES,
    plan_field,
    plan_transition,
    stage_field,
    stage_from_text,
)

TODAY = date(2026, 6, 30)
FORWARD = [(a, b) for a, b in itertools.permutations(STAGES, 2) if STAGES.index(b) > STAGES.index(a)]
BACKWARD = [(a, b) for a, b in itertools.permutations(STAGES, 2) if STAGES.index(b) < STAGES.index(a)]


def reached_dates(current: str, start: date = date(2024, 1, 10)) -> dict[str, date | None]:
    """Dates of a project that went through every stage up to `current`, one month apart."""
    dates: dict[str, date | None] = dict.fromkeys(STAGES[1:])
    for number, stage in enumerate(STAGES[1: STAGES.index(current) + 1]):
        dates[stage] = start + timedelta(days=30 * number)
    return dates


def move(current: str, to: str, *, on: date = date(2026, 1, 5), role: str = "office",
         reason: str | None = None, dates: dict | None = None, status: str = "active") -> dict:
    return plan_transition(current=current, dates=reached_dates(current) if dates is None else dates,
                           to=to, on=on, role=role, reason=reason, today=TODAY, status=status)


def test_there_are_six_stages_so_thirty_ordered_pairs():
    assert len(FORWARD) + len(BACKWARD) == 30
    assert len(FORWARD) == len(BACKWARD) == 15


@pytest.mark.parametrize(("current", "to"), FORWARD)
def test_it_moves_forward_and_records_only_the_new_stage_date(current, to):
    assert move(current, to, on=date(2026, 1, 5)) == {stage_field(to): date(2026, 1, 5)}


@pytest.mark.parametrize("role", ["admin", "office", "unit", "steward"])
def test_every_editor_may_move_forward(role):
    assert move("signed", "landed", role=role) == {"landed_on": date(2026, 1, 5)}


def test_it_lets_a_project_skip_from_planning_straight_to_construction():
    assert move("planned", "started", on=date(2025, 4, 1)) == {"started_on": date(2025, 4, 1)}


def test_it_accepts_a_date_equal_to_the_previous_stage_date():
    dates = reached_dates("signed", start=date(2025, 3, 1))
    assert move("signed", "landed", on=date(2025, 3, 1), dates=dates) == {"landed_on": date(2025, 3, 1)}


def test_it_accepts_a_move_dated_today():
    assert move("planned", "signed", on=TODAY) == {"signed_on": TODAY}


@pytest.mark.parametrize(("current", "to"), [pair for pair in FORWARD if pair[0] != "planned"])
def test_it_refuses_a_date_before_the_previous_stage_and_names_both(current, to):
    dates = reached_dates(current, start=date(2025, 1, 1))
    too_early = dates[current] - timedelta(days=1)
    with pytest.raises(Rejected) as refused:
        move(current, to, on=too_early, dates=dates)
    assert refused.value.field == "date"
    assert STAGE_LABELS[to] in refused.value.message
    assert STAGE_LABELS[current] in refused.value.message
    assert dates[current].isoformat() in refused.value.message


def test_it_compares_with_the_latest_reached_stage_when_stages_were_skipped():
    dates = dict.fromkeys(STAGES[1:])
    dates["signed"] = date(2025, 5, 1)  # 落地 skipped
    with pytest.raises(Rejected) as refused:
        move("signed", "started", on=date(2025, 4, 30), dates=dates)
    assert "签约" in refused.value.message and "开工" in refused.value.message


def test_a_project_in_planning_has_no_earlier_date_to_respect():
    assert move("planned", "operating", on=date(2001, 1, 1), dates={}) == {"operating_on": date(2001, 1, 1)}


@pytest.mark.parametrize("to", STAGES[1:])
def test_it_refuses_a_date_in_the_future(to):
    with pytest.raises(Rejected) as refused:
        move("planned", to, on=TODAY + timedelta(days=1))
    assert refused.value.field == "date"
    assert (TODAY + timedelta(days=1)).isoformat() in refused.value.message


def test_it_refuses_a_future_date_even_for_a_rewind():
    with pytest.raises(Rejected) as refused:
        move("started", "signed", on=TODAY + timedelta(days=3), reason="录入错误")
    assert refused.value.field == "date"


@pytest.mark.parametrize("stage", STAGES)
def test_it_refuses_a_move_to_the_same_stage(stage):
    with pytest.raises(Rejected) as refused:
        move(stage, stage)
    assert refused.value.field == "to"
    assert STAGE_LABELS[stage] in refused.value.message


@pytest.mark.parametrize("role", ["admin", "office"])
@pytest.mark.parametrize(("current", "to"), BACKWARD)
def test_the_office_may_rewind_with_a_reason_and_later_dates_are_cleared(current, to, role):
    updates = move(current, to, role=role, reason="台账录入错误")
    undone = STAGES[STAGES.index(to) + 1:]
    assert updates == {stage_field(stage): None for stage in undone}
    assert stage_field(to) not in updates  # the date of the stage returned to is kept


@pytest.mark.parametrize("reason", [None, "", "   "])
@pytest.mark.parametrize(("current", "to"), BACKWARD)
def test_it_refuses_a_rewind_without_a_reason(current, to, reason):
    with pytest.raises(Rejected) as refused:
        move(current, to, role="office", reason=reason)
    assert refused.value.field == "reason"


@pytest.mark.parametrize("role", ["unit", "steward", "leader"])
@pytest.mark.parametrize(("current", "to"), BACKWARD)
def test_only_the_office_may_rewind(current, to, role):
    with pytest.raises(Forbidden):
        move(current, to, role=role, reason="想回退")


@pytest.mark.parametrize("status", ["suspended", "cancelled"])
@pytest.mark.parametrize(("current", "to"), [("planned", "signed"), ("started", "signed")])
def test_it_refuses_any_move_of_a_suspended_or_cancelled_project(current, to, status):
    with pytest.raises(Rejected) as refused:
        move(current, to, reason="原因", status=status)
    assert refused.value.field == "to"
    assert ("暂停" if status == "suspended" else "取消") in refused.value.message


@pytest.mark.parametrize("to", ["bogus", "", "开工"])
def test_it_refuses_an_unknown_target_stage(to):
    with pytest.raises(Rejected) as refused:
        move("planned", to)
    assert refused.value.field == "to"


@pytest.mark.parametrize(("text", "code"), [
    *((code, code) for code in STAGES),
    *((label, code) for code, label in STAGE_LABELS.items()),
    ("储备", "planned"), ("前期", "planned"), ("在谈", "planned"),
    ("开(复)工", "started"), ("开（复）工", "started"), ("复工", "started"), ("在建", "started"),
    ("新开工", "started"), ("建成", "completed"), ("完工", "completed"),
    ("达产", "operating"), ("投用", "operating"), ("运营", "operating"),
    ("  开工 ", "started"),
])
def test_it_reads_stage_names_labels_and_synonyms(text, code):
    assert stage_from_text(text) == code


@pytest.mark.parametrize("text", ["", "   ", "开发", "Started", "已开工了", None])
def test_it_refuses_unknown_stage_names_and_lists_the_known_ones(text):
    with pytest.raises(Rejected) as refused:
        stage_from_text(text)
    assert refused.value.field == "stage"
    assert "谋划、签约、落地、开工、竣工、投产" in refused.value.message


def test_date_fields_are_named_after_the_stage():
    assert stage_field("started") == "started_on"
    assert plan_field("started") == "plan_started_on"


def test_an_expansion_or_later_phase_names_another_project():
    from zhenxing.projects.phases import is_expansion

    assert is_expansion("国电投黑山400兆瓦风电扩建项目", "国电投黑山400兆瓦风电项目")
    assert is_expansion("锦州港三期工程", "锦州港二期工程") and is_expansion("凌海物流园二期", "凌海物流园")
    assert is_expansion("东湖新材料续建项目", "东湖新材料项目")
    assert not is_expansion("凌海物流园一期", "凌海物流园") and not is_expansion("锦州港二期工程", "锦州港二期")
    assert not is_expansion("国电投黑山400兆瓦风电项目", "国电投黑山400兆瓦风电扩建项目")
