"""The dispatch API: plans, reports, problems, lights, league — scoped, audited, bad input refused."""

from io import BytesIO

import pytest
from sqlalchemy import func, select

from tests.factories import make_project
from zhenxing.dispatch.clock import local_date
from zhenxing.dispatch.models import ProgressReport
from zhenxing.periods import previous_period

PERIOD = str(previous_period(local_date().strftime("%Y-%m")))
YEAR = int(PERIOD[:4])


@pytest.fixture
def project(session, world):
    project = make_project(session, region_id=world.linghai.id, sponsor_id=world.sponsor.id)
    session.commit()
    return project


@pytest.fixture
def planned(api_as, world, project):
    answer = api_as(world.office).put(f"/api/v1/projects/{project.id}/plans/{YEAR}",
                                      json={"planned_investment": 1200, "target_stage": "started"})
    assert answer.status_code == 200, answer.text
    return project


def test_the_office_sets_a_plan_and_the_ledger_shows_this_years(api_as, world, planned):
    client = api_as(world.office)
    assert client.get(f"/api/v1/projects/{planned.id}/plans").json()[0]["planned_investment"] == 1200
    if local_date().year == YEAR:
        assert client.get(f"/api/v1/projects/{planned.id}").json()["planned_investment"] == 1200


def test_a_county_files_and_corrects_a_report_through_one_url(api_as, world, planned, session):
    client = api_as(world.county)
    url = f"/api/v1/reports/{planned.id}/{PERIOD}"
    first = client.put(url, json={"completed_investment": 100, "progress": "基础施工"})
    again = client.put(url, json={"completed_investment": 120, "progress": "基础施工完成"})
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json()["year_to_date"] == 120
    assert session.scalar(select(func.count(ProgressReport.id))) == 1
    history = client.get(f"/api/v1/projects/{planned.id}/reports").json()
    assert [r["completed_investment"] for r in history] == [120]


@pytest.mark.parametrize(("body", "field"), [
    ({"completed_investment": -1}, "completed_investment"),
    ({"completed_investment": 2 ** 63}, "completed_investment"),
    ({"completed_investment": 1, "physical_percent": 101}, "physical_percent"),
    ({"completed_investment": 1, "progress": "长" * 1001}, "progress"),
    ({"completed_investment": 1, "surprise": 1}, "surprise"),
])
def test_bad_report_input_is_refused_naming_the_field(api_as, world, planned, body, field, session):
    answer = api_as(world.county).put(f"/api/v1/reports/{planned.id}/{PERIOD}", json=body)
    assert answer.status_code == 422 and answer.json()["field"] == field
    assert session.scalar(select(func.count(ProgressReport.id))) == 0


def test_a_report_for_a_future_period_is_refused(api_as, world, planned):
    future = f"{YEAR + 2}-01"
    answer = api_as(world.county).put(f"/api/v1/reports/{planned.id}/{future}", json={"completed_investment": 1})
    assert answer.status_code == 422 and "未来" in answer.json()["message"]


def test_a_bad_period_is_refused_in_chinese(api_as, world, planned):
    answer = api_as(world.county).put(f"/api/v1/reports/{planned.id}/2025-13", json={"completed_investment": 1})
    assert answer.status_code == 422 and "月份" in answer.json()["message"]


def test_another_county_is_refused_and_the_refusal_is_audited(api_as, world, planned):
    answer = api_as(world.outsider).put(f"/api/v1/reports/{planned.id}/{PERIOD}", json={"completed_investment": 1})
    assert answer.status_code == 403
    audit = api_as(world.admin).get("/api/v1/audit?action=denied").json()
    assert any("/reports/" in event["summary"] for event in audit)


def test_the_reporting_status_and_template_are_scoped(api_as, world, planned):
    ours = api_as(world.county).get(f"/api/v1/reports?period={PERIOD}").json()
    theirs = api_as(world.outsider).get(f"/api/v1/reports?period={PERIOD}").json()
    assert [row["project"]["id"] for row in ours["rows"]] == [planned.id]
    assert theirs["rows"] == []
    template = api_as(world.county).get(f"/api/v1/reports/template.xlsx?period={PERIOD}")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_an_import_with_an_unknown_project_changes_nothing(api_as, world, planned, session):
    import xlsxwriter

    buffer = BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("月报")
    sheet.write_row(0, 0, [f"{YEAR}年{int(PERIOD[5:])}月重点项目月报"])
    sheet.write_row(1, 0, ["序号", "项目编号", "本月完成投资(万元)"])
    sheet.write_row(2, 0, [1, planned.code, 50])
    sheet.write_row(3, 0, [2, "NOPE-1", 60])
    book.close()
    answer = api_as(world.office).post("/api/v1/reports/import", files={"file": ("月报.xlsx", buffer.getvalue())})
    assert answer.status_code == 422
    assert answer.json()["details"] == [{"row": 4, "column": "项目编号", "message": "未知的项目编号“NOPE-1”"}]
    assert session.scalar(select(func.count(ProgressReport.id))) == 0


def test_problems_over_the_api(api_as, world, planned):
    county = api_as(world.county)
    created = county.post("/api/v1/problems", json={"project_id": planned.id, "description": "施工用电未接入",
                                                    "category": "水电气暖"})
    assert created.status_code == 201
    problem_id = created.json()["id"]
    assert county.post(f"/api/v1/problems/{problem_id}/actions", json={"action": "resolve", "note": "已接入"}
                       ).json()["status"] == "resolved"
    assert county.post(f"/api/v1/problems/{problem_id}/actions", json={"action": "close"}).status_code == 403
    closed = api_as(world.office).post(f"/api/v1/problems/{problem_id}/actions", json={"action": "close"})
    assert closed.json()["status"] == "closed"
    history = county.get(f"/api/v1/problems/{problem_id}/history").json()
    assert len(history) == 3
    assert api_as(world.outsider).get(f"/api/v1/problems/{problem_id}").status_code == 403
    assert county.post("/api/v1/problems", json={"project_id": planned.id, "description": "x",
                                                 "category": "天气"}).status_code == 422


def test_lights_and_league_over_the_api(api_as, world, planned):
    office = api_as(world.office)
    office.put(f"/api/v1/reports/{planned.id}/{PERIOD}", json={"completed_investment": 10})
    assert api_as(world.leader).post(f"/api/v1/lights/compute?period={PERIOD}").status_code == 403
    run = office.post(f"/api/v1/lights/compute?period={PERIOD}")
    assert run.status_code == 200 and sum(run.json()["counts"].values()) == 1
    listed = api_as(world.county).get(f"/api/v1/lights?period={PERIOD}").json()
    assert listed["total"] == 1 and listed["items"][0]["reasons"] is not None
    override = office.put(f"/api/v1/lights/{planned.id}/{PERIOD}/override",
                          json={"light": "green", "reason": "已协调解决"})
    assert override.json()["light"] == "green"
    league = api_as(world.leader).get(f"/api/v1/league/region/{PERIOD}")
    assert league.status_code == 200 and league.json()["results"][0]["name"] == "凌海市"
    sheet = api_as(world.leader).get(f"/api/v1/league/region/{PERIOD}/export.xlsx")
    assert sheet.status_code == 200 and sheet.content[:2] == b"PK"
    assert api_as(world.leader).get(f"/api/v1/league/township/{PERIOD}").status_code == 422  # no such league
