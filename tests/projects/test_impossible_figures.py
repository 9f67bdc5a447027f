"""Issue 6, "accepted without a word": figures and dates that cannot both be true are refused on every path that
writes them — the ledger's API (create and edit), the annual plan (API and service), the monthly report (the
project's cumulative completed investment) and the import (planned dates; plan above total and misspelt
people are in test_importer.py, the HTML form in test_pages.py)."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.factories import make_project
from tests.projects.test_excel import HEADER, workbook_bytes
from zhenxing.auth.service import scope_for
from zhenxing.dispatch import reports
from zhenxing.dispatch.schemas import ReportFields
from zhenxing.errors import Rejected
from zhenxing.projects import importer, plans
from zhenxing.projects.models import AnnualPlan, Project


@pytest.fixture
def project(session, world):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id, total_investment=5000,
                           planned_investment=1000, completed_investment=4000)
    session.commit()
    return project


def test_the_api_refuses_a_new_project_whose_plan_is_above_its_total(api_as, world):
    answer = api_as(world.office).post("/api/v1/projects", json={
        "code": "XM-IMP-1", "name": "测试项目", "region_id": world.linghai.id, "total_investment": 5000,
        "planned_investment": 9000})
    assert answer.status_code == 422 and answer.json()["field"] == "planned_investment"
    assert "占总投资 180%" in answer.json()["message"]


def test_the_api_refuses_an_edit_that_puts_completed_investment_above_the_total(api_as, session, world, project):
    answer = api_as(world.office).patch(f"/api/v1/projects/{project.id}", json={"total_investment": 3000})
    assert answer.status_code == 422 and answer.json()["field"] == "completed_investment"
    assert "超过总投资" in answer.json()["message"]
    session.expire_all()
    assert session.get(Project, project.id).total_investment == 5000


def test_the_api_refuses_planned_dates_out_of_stage_order(api_as, world, project):
    answer = api_as(world.office).patch(f"/api/v1/projects/{project.id}", json={
        "plan_signed_on": "2025-06-01", "plan_started_on": "2025-03-01"})
    assert answer.status_code == 422 and answer.json()["field"] == "plan_started_on"
    assert "早于计划签约日期" in answer.json()["message"]


def test_an_annual_plan_above_the_total_is_refused_on_the_api(api_as, session, world, project):
    answer = api_as(world.office).put(f"/api/v1/projects/{project.id}/plans/2026",
                                      json={"planned_investment": 9000, "target_stage": None, "note": ""})
    assert answer.status_code == 422 and answer.json()["field"] == "planned_investment"
    assert "2026年年度计划投资（9,000万元）超过总投资（5,000万元），占总投资 180%" in answer.json()["message"]
    assert session.scalar(select(AnnualPlan).where(AnnualPlan.year == 2026)) is None


def test_an_annual_plan_within_the_total_or_of_a_project_without_one_is_taken(session, world, project):
    scope = scope_for(session, world.office)
    plans.set_plan(session=session, actor=world.office, scope=scope, project=project, year=2026,
                   planned_investment=5000)
    unknown = make_project(session, region_id=world.linghai.id, total_investment=0, planned_investment=0)
    plans.set_plan(session=session, actor=world.office, scope=scope, project=unknown, year=2026,
                   planned_investment=9000)  # a total of 0 means "not yet known"


def test_a_monthly_report_that_carries_the_project_past_its_total_is_refused(session, world, project):
    scope = scope_for(session, world.office)
    data = ReportFields(completed_investment=5000, progress="主体施工")
    with pytest.raises(Rejected) as refused:
        reports.file_report(session=session, actor=world.office, scope=scope, project_id=project.id,
                            period="2025-05", data=data, today=date(2025, 6, 10))
    assert refused.value.field == "completed_investment"
    assert "累计完成投资（9,000万元）超过总投资（5,000万元），占总投资 180%" in refused.value.message
    session.rollback()
    assert session.get(Project, project.id).completed_investment == 4000
    taken = reports.file_report(session=session, actor=world.office, scope=scope, project_id=project.id,
                                period="2025-05", data=ReportFields(completed_investment=1000, progress="主体施工"),
                                today=date(2025, 6, 10))
    assert taken.completed_investment == 1000 and session.get(Project, project.id).completed_investment == 5000


def test_an_import_refuses_planned_dates_out_of_stage_order_naming_row_and_column(session, world):
    data = workbook_bytes(HEADER + ["计划签约时间", "计划开工时间"],
                          ["JZ-IMP-1", "新项目", "凌海市", "2025-06-01", "2025-03-01"])
    with pytest.raises(Rejected) as refused:
        importer.import_ledger(session=session, actor=world.office, scope=scope_for(session, world.office),
                               data=data, filename="台账.xlsx")
    [problem] = refused.value.details
    assert problem["row"] == 2 and problem["column"] == "计划开工时间"
    assert "早于计划签约日期" in problem["message"]
