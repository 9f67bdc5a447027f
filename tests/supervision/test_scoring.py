"""量督考纪: the unit figures (pure, every measure and its missing-data case), and the ranked table scored by
the league engine with the office's scheme as rules data, movement against the previous period, .xlsx."""

from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tests.factories import make_task, make_unit
from zhenxing.errors import Forbidden, Rejected
from zhenxing.periods import period_of, previous_period
from zhenxing.rules import service as rules
from zhenxing.supervision import escalations, scores
from zhenxing.supervision.scoring import TargetAsOf, TaskAsOf, unit_figures
from zhenxing.workdays import BEIJING


def test_each_figure_counts_its_own_denominator():
    tasks = [
        TaskAsOf(1, "late", due_by_end=True, closed_by_end=False, reports_due=3, reports_on_time=1, escalations=2),
        TaskAsOf(1, "closed", due_by_end=True, closed_by_end=True, reports_due=3, reports_on_time=3),
        TaskAsOf(1, "in_progress", reports_due=2, reports_on_time=2),
        TaskAsOf(1, "closing", due_by_end=False),
    ]
    targets = [TargetAsOf(1, "ahead"), TargetAsOf(1, "behind"), TargetAsOf(1, None), TargetAsOf(1, "on_track")]
    assert unit_figures(tasks, targets)[1] == {
        "task_on_time_rate": 75.0, "task_closure_rate": 50.0, "task_report_timeliness": 75.0,
        "task_escalations": 2.0, "target_on_track_rate": 66.67}


def test_a_unit_without_tasks_or_readings_has_no_data_rather_than_zero():
    found = unit_figures([TaskAsOf(1, "in_progress")], [TargetAsOf(2, None)])
    assert found[1] == {"task_on_time_rate": 100.0, "task_closure_rate": None, "task_report_timeliness": None,
                        "task_escalations": 0.0, "target_on_track_rate": None}
    assert set(found[2].values()) == {None}


def test_more_on_time_reports_than_due_never_exceed_one_hundred_percent():
    assert unit_figures([TaskAsOf(1, "in_progress", reports_due=1, reports_on_time=3)])[1][
        "task_report_timeliness"] == 100.0


def setup_units(session, world):
    finance = make_unit(session, "市财政局")
    today = date.today()
    late = make_task(session, "建设城市智慧停车平台", year=today.year, lead=world.transport, deadline="",
                     due_on=today - timedelta(days=40))
    fine = make_task(session, "完善财政预算绩效管理", year=today.year, lead=finance, deadline="长期")
    session.commit()
    return finance, late, fine


def test_the_ranked_table_scores_units_with_the_engine_and_shows_movement(session, world):
    finance, late, _fine = setup_units(session, world)
    escalations.run(session, now=datetime.now(BEIJING))
    session.commit()
    period = period_of(datetime.now(BEIJING).date())
    table = scores.table(session, period)
    names = [s.name for s in table.standings]
    assert names == ["市财政局", "市交通运输局"]
    first, second = table.standings
    assert first.rank == 1 and second.rank == 2 and first.total > second.total
    assert second.measures["task_on_time_rate"].value == 0.0
    assert second.measures["task_escalations"].value >= 2 and second.measures["task_escalations"].points < 0
    assert first.movement in ("新", "—", "↑1") and table.scheme.name == "部门督查考核（量督考纪）"
    workbook = load_workbook(BytesIO(scores.export(table)))
    sheet = workbook.active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert any(row[:2] == [1, "市财政局"] for row in rows)
    assert "任务按时推进率(%)" in [value for row in rows for value in row]


def test_the_office_changes_the_weights_as_audited_rules_and_the_table_follows(session, world):
    setup_units(session, world)
    escalations.run(session, now=datetime.now(BEIJING))
    session.commit()
    period = period_of(datetime.now(BEIJING).date())
    data = {"name": "只看按时推进", "subject_kind": "unit",
            "measures": [{"key": "task_on_time_rate", "label": "任务按时推进率(%)", "method": "share_of_best",
                          "weight": 100}]}
    with pytest.raises(Rejected):
        rules.set_rules(session, world.office, "supervision.scores", {**data, "measures": [
            {"key": "no_such_measure", "label": "无", "method": "share_of_best", "weight": 1}]})
    with pytest.raises(Forbidden):
        rules.set_rules(session, world.transport_user, "supervision.scores", data)
    rules.set_rules(session, world.office, "supervision.scores", data, int(period[:4]))
    session.commit()
    session.info.clear()
    table = scores.table(session, period)
    assert table.scheme.name == "只看按时推进"
    assert [s.total for s in table.standings] == [100.0, 0.0]


def test_movement_compares_with_the_previous_period(session, world):
    setup_units(session, world)
    session.commit()
    period = period_of(datetime.now(BEIJING).date())
    before = scores.table(session, previous_period(period))
    now = scores.table(session, period)
    assert len(now.standings) == 2
    if any(s.rank for s in before.standings):
        assert all(s.movement for s in now.standings if s.rank)
