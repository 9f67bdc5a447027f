"""Monthly reports: one per project and period, corrections audited, the ledger moves, scopes hold."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.factories import make_project
from zhenxing import audit
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import reports
from zhenxing.dispatch.models import Problem, ProgressReport
from zhenxing.dispatch.schemas import ReportFields
from zhenxing.errors import Forbidden, NotFound, Rejected
from zhenxing.projects import plans

TODAY = date(2025, 6, 10)


@pytest.fixture
def project(session, world):
    project = make_project(session, region_id=world.linghai.id, completed_investment=5000, lead_unit_id=world.fgw.id,
                           sponsor_id=world.sponsor.id)
    plans.set_plan(session=session, actor=None, scope=scope_for(session, world.office), project=project, year=2025,
                   planned_investment=1200, today=TODAY)
    session.commit()
    return project


def file(session, user, project, period="2025-05", **fields):
    data = ReportFields(**{"completed_investment": 100, "progress": "主体结构施工", **fields})
    report = reports.file_report(session=session, actor=user, scope=scope_for(session, user), project_id=project.id,
                                 period=period, data=data, today=TODAY)
    session.commit()
    return report


def test_the_county_files_a_report_and_the_ledger_moves(session, world, project):
    report = file(session, world.county, project, completed_investment=300)
    session.refresh(project)
    assert (report.period, report.completed_investment, project.completed_investment) == ("2025-05", 300, 5300)
    event = audit.list_events(session, entity="progress_report", entity_id=report.id)[0]
    assert event.action == "create" and "填报月报 2025年5月" in event.summary
    assert event.changes["项目累计完成投资"] == [5000, 5300]


def test_filing_again_for_the_period_corrects_the_report_instead_of_adding_one(session, world, project):
    file(session, world.county, project, completed_investment=300)
    report = file(session, world.office, project, completed_investment=250, progress="主体结构封顶")
    session.refresh(project)
    count = session.scalar(select(func.count(ProgressReport.id)))
    assert (count, report.completed_investment, project.completed_investment) == (1, 250, 5250)
    event = audit.list_events(session, entity="progress_report", entity_id=report.id)[0]
    assert event.action == "update"
    assert event.changes["本月完成投资"] == [300, 250] and event.changes["形象进度"] == ["主体结构施工", "主体结构封顶"]


def test_an_identical_filing_records_nothing_new(session, world, project):
    file(session, world.county, project)
    file(session, world.county, project)
    assert len(audit.list_events(session, entity="progress_report")) == 1


def test_the_year_to_date_is_the_sum_of_the_months(session, world, project):
    for period, amount in (("2024-12", 999), ("2025-01", 100), ("2025-02", 150), ("2025-04", 50)):
        file(session, world.office, project, period=period, completed_investment=amount)
    assert reports.year_to_date(session, project.id, "2025-03") == 250
    assert reports.year_to_date(session, project.id, "2025-06") == 300


def test_a_report_for_a_future_period_is_refused_and_changes_nothing(session, world, project):
    with pytest.raises(Rejected, match="未来期间") as caught:
        file(session, world.county, project, period="2025-07")
    assert caught.value.field == "period"
    session.rollback()
    assert session.scalar(select(func.count(ProgressReport.id))) == 0


def test_a_report_for_a_cancelled_project_is_refused(session, world, project):
    project.status = "cancelled"
    session.commit()
    with pytest.raises(Rejected, match="已取消"):
        file(session, world.county, project)


def test_negative_money_is_refused_by_the_schema():
    with pytest.raises(ValueError):
        ReportFields(completed_investment=-1)


def test_another_county_cannot_file_for_the_project(session, world, project):
    with pytest.raises(Forbidden):
        file(session, world.outsider, project)


def test_the_leader_reads_but_cannot_file(session, world, project):
    with pytest.raises(Forbidden, match="不能填报"):
        file(session, world.leader, project)


def test_an_unknown_project_is_not_found(session, world):
    with pytest.raises(NotFound):
        reports.file_report(session=session, actor=world.office, scope=scope_for(session, world.office),
                            project_id=999_999, period="2025-05", data=ReportFields(completed_investment=1),
                            today=TODAY)


def test_problems_written_in_a_report_land_on_the_problem_list_once(session, world, project):
    report = file(session, world.county, project, problems="项目用地指标尚未落实")
    file(session, world.county, project, problems="项目用地指标尚未落实，已报省厅")
    problem = session.scalars(select(Problem)).one()
    assert (problem.source, problem.source_ref, problem.category) == ("report", report.id, "用地")
    assert problem.description == "项目用地指标尚未落实，已报省厅"
    assert (problem.unit_id, problem.leader_id, problem.due_on) == (world.fgw.id, world.sponsor.id, date(2025, 7, 10))


def test_the_reporting_status_lists_reported_and_missing_projects(session, world, project):
    other = make_project(session, region_id=world.shuangyang.id)
    plans.set_plan(session=session, actor=None, scope=scope_for(session, world.office), project=other, year=2025,
                   planned_investment=500, today=TODAY)
    make_project(session, region_id=world.linghai.id)  # not on the 2025 plan: owes nothing
    file(session, world.county, project, completed_investment=80)
    rows, due = reports.reporting_status(session=session, scope=scope_for(session, world.county), period="2025-05",
                                         today=TODAY)
    assert due == date(2025, 6, 5)
    states = {row.project.id: (row.state, row.year_to_date, row.annual_plan) for row in rows}
    assert states == {project.id: ("late", 80, 1200), other.id: ("overdue", 0, 500)}


def test_another_countys_status_does_not_show_our_projects(session, world, project):
    rows, _ = reports.reporting_status(session=session, scope=scope_for(session, world.outsider), period="2025-05",
                                       today=TODAY)
    assert rows == []
