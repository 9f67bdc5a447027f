"""Lights kept per period: computed from the records, overridden for one period, escalated once."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.factories import make_project
from zhenxing import audit
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import lights_service as lights
from zhenxing.dispatch import reports
from zhenxing.dispatch.models import LightEscalation, ProjectLight
from zhenxing.dispatch.schemas import ReportFields
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.projects import plans

AS_OF = date(2025, 8, 20)


def planned(session, world, amount=1200, **fields):
    project = make_project(session, region_id=world.linghai.id, sponsor_id=world.sponsor.id, **fields)
    plans.set_plan(session=session, actor=None, scope=scope_for(session, world.office), project=project, year=2025,
                   planned_investment=amount, today=date(2025, 1, 5))
    return project


def report(session, world, project, period, amount):
    reports.file_report(session=session, actor=world.office, scope=scope_for(session, world.office),
                        project_id=project.id, period=period, data=ReportFields(completed_investment=amount),
                        today=AS_OF)


def compute(session, period, **kwargs):
    run = lights.compute_lights(session=session, period=period, as_of=AS_OF, **kwargs)
    session.commit()
    return run


def light_of(session, project, period):
    return session.scalar(select(ProjectLight).where(ProjectLight.project_id == project.id,
                                                     ProjectLight.period == period))


@pytest.fixture
def city(session, world):
    on_track = planned(session, world)
    behind = planned(session, world)
    silent = planned(session, world)
    paused = planned(session, world, status="suspended")
    planned(session, world, status="cancelled")
    for month in range(1, 8):
        report(session, world, on_track, f"2025-{month:02d}", 100)
        report(session, world, behind, f"2025-{month:02d}", 40 if month < 6 else 0)
    session.commit()
    return on_track, behind, silent, paused


def test_every_project_gets_its_light_and_reasons_for_the_period(session, world, city):
    on_track, behind, silent, paused = city
    run = compute(session, "2025-07")
    assert run.counts == {"green": 1, "yellow": 0, "red": 2, "grey": 1}
    assert [light_of(session, p, "2025-07").light for p in city] == ["green", "red", "red", "grey"]
    reasons = [r["text"] for r in light_of(session, behind, "2025-07").reasons]
    assert reasons == ["年度投资完成率 16.7%，低于序时进度 58.3% 41.7 个百分点"]
    silent_reasons = [r["text"] for r in light_of(session, silent, "2025-07").reasons]
    assert "连续7个月未报月报" in silent_reasons
    assert light_of(session, on_track, "2025-07").figures == {"plan": 1200, "ytd": 700, "elapsed": 58.3,
                                                              "completion": 58.3}


def test_recomputing_updates_the_rows_instead_of_adding_them(session, world, city):
    compute(session, "2025-07")
    compute(session, "2025-07")
    assert session.scalar(select(func.count(ProjectLight.id))) == 4
    assert "计算2025年7月红黄绿灯" in audit.list_events(session, entity="lights")[0].summary


def test_an_override_holds_for_its_period_and_lapses_at_the_next(session, world, city):
    _, behind, *_ = city
    compute(session, "2025-06")
    lights.override_light(session=session, actor=world.office, scope=scope_for(session, world.office),
                          project_id=behind.id, period="2025-06", light="yellow",
                          reason="专项债资金已到位，7月集中支付")
    session.commit()
    compute(session, "2025-06")
    compute(session, "2025-07")
    june, july = light_of(session, behind, "2025-06"), light_of(session, behind, "2025-07")
    assert (june.light, june.computed, june.override_by) == ("yellow", "red", "office")
    assert (july.light, july.override_reason) == ("red", None)


def test_only_the_office_overrides_and_only_with_a_reason(session, world, city):
    _, behind, *_ = city
    compute(session, "2025-07")
    with pytest.raises(Forbidden):
        lights.override_light(session=session, actor=world.county, scope=scope_for(session, world.county),
                              project_id=behind.id, period="2025-07", light="green", reason="理由充分")
    with pytest.raises(Rejected, match="原因"):
        lights.override_light(session=session, actor=world.office, scope=scope_for(session, world.office),
                              project_id=behind.id, period="2025-07", light="green", reason=" ")
    with pytest.raises(NotFound):
        lights.override_light(session=session, actor=world.office, scope=scope_for(session, world.office),
                              project_id=behind.id, period="2025-01", light="green", reason="理由充分")


def test_runs_of_lights_create_one_escalation_per_project_and_period(session, world, city):
    _, behind, silent, _ = city
    for month in ("2025-05", "2025-06", "2025-07"):
        compute(session, month)
    compute(session, "2025-07")
    items = session.scalars(select(LightEscalation).where(LightEscalation.period == "2025-07")).all()
    assert {item.project_id for item in items} == {behind.id, silent.id}
    assert all(item.leader_id == world.sponsor.id and item.label for item in items)


def test_the_list_filters_and_counts_by_light_within_scope(session, world, city):
    compute(session, "2025-07")
    rows, total, counts = lights.list_lights(session=session, scope=scope_for(session, world.county),
                                             period="2025-07", filters=lights.LightFilters(light="red"))
    assert (total, counts["red"], counts["green"]) == (2, 2, 1)
    assert {row.light for row in rows} == {"red"}
    _, total, counts = lights.list_lights(session=session, scope=scope_for(session, world.outsider),
                                          period="2025-07", filters=lights.LightFilters())
    assert total == 0 and sum(counts.values()) == 0


def test_a_projects_light_history_lists_its_periods(session, world, city):
    compute(session, "2025-06")
    compute(session, "2025-07")
    history = lights.light_history(session=session, scope=scope_for(session, world.office), project_id=city[1].id)
    assert [(row.period, row.light) for row in history] == [("2025-07", "red"), ("2025-06", "red")]


def test_recomputing_rewrites_only_changed_lights_and_stamps_every_row(session, world, city):
    on_track, behind, *_ = city
    compute(session, "2025-07")
    first = {p.id: light_of(session, p, "2025-07").computed_at for p in city}
    report(session, world, behind, "2025-07", 600)  # behind catches up: its light changes, the others' do not
    session.commit()
    compute(session, "2025-07")
    assert light_of(session, behind, "2025-07").light == "green"
    assert light_of(session, behind, "2025-07").figures["ytd"] == 800
    assert all(light_of(session, p, "2025-07").computed_at > first[p.id] for p in city)
    assert light_of(session, on_track, "2025-07").light == "green"


def test_the_computed_periods_are_listed_newest_first_once_each(session, world, city):
    assert lights.periods_computed(session) == []
    for period in ("2025-05", "2025-07", "2025-06"):
        compute(session, period)
    assert lights.periods_computed(session) == ["2025-07", "2025-06", "2025-05"]


def test_a_run_longer_than_the_steps_need_and_a_green_break_decide_as_before(session, world):
    """Escalation reads as many months as its longest step and only yellow/red lights: a yellow run of three
    months reaches a 3-month step, a green month in between breaks it, a run of two doesn't reach it."""
    from zhenxing.dispatch import settings as dispatch_settings
    from zhenxing.dispatch.light_rules import parse_light_rules
    from zhenxing.dispatch.lights import escalation
    from zhenxing.periods import parse_period

    steps = [{"when": "red", "consecutive": 2, "label": "红2"}, {"when": "yellow", "consecutive": 3, "label": "黄3"}]
    rules = parse_light_rules({**dispatch_settings.light_rules_data(session, 2025), "escalation": steps})
    histories = [["yellow", "yellow", "yellow", "yellow"], ["yellow", "yellow", "green", "yellow"],
                 ["red", "green", "yellow", "yellow"], ["green", "red", "yellow", "red"],
                 ["yellow", "grey", "red", "red"], ["red", "red", "red", "green"]]
    projects = [planned(session, world) for _ in histories]
    for project, history in zip(projects, histories, strict=True):
        for month, color in zip(("2025-04", "2025-05", "2025-06", "2025-07"), history, strict=True):
            session.add(ProjectLight(project_id=project.id, period=month, computed=color, light=color, reasons=[],
                                     figures={}, rules_name="t"))
    session.flush()
    made = lights._escalate(session, parse_period("2025-07"), rules)
    found = {e.project_id: e.label for e in session.scalars(select(LightEscalation))}
    expected = {p.id: step.label for p, h in zip(projects, histories, strict=True)
                if (step := escalation(h, rules)) is not None}
    assert found == expected and made == len(expected)
    assert set(expected.values()) == {"红2", "黄3"} and len(expected) == 3
