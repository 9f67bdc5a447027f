"""Dispatch pages: 本月填报 and its form, problems, lights, league, the scheme editor, the cockpit."""

import html
import json
import re

import pytest

from tests.factories import make_project
from zhenxing.auth.service import scope_for
from zhenxing.dispatch.clock import local_date
from zhenxing.periods import previous_period
from zhenxing.projects import plans

PERIOD = str(previous_period(local_date().strftime("%Y-%m")))


@pytest.fixture
def project(session, world):
    project = make_project(session, region_id=world.linghai.id, name="凌海风电配套项目")
    plans.set_plan(session=session, actor=None, scope=scope_for(session, world.office), project=project,
                   year=int(PERIOD[:4]), planned_investment=2400)
    session.commit()
    return project


def test_the_county_sees_what_to_report_and_files_it_by_form(page_as, world, project):
    client, token = page_as(world.county)
    page = client.get(f"/reports?period={PERIOD}")
    assert page.status_code == 200 and "凌海风电配套项目" in page.text and "逾期未报" in page.text
    saved = client.post(f"/reports/{project.id}/{PERIOD}", data={
        "csrf_token": token, "completed_investment": "300", "progress": "风机基础浇筑", "problems": "",
        "next_plan": "吊装", "physical_percent": "40", "registered": "1"}, follow_redirects=True)
    assert saved.status_code == 200 and "已保存" in saved.text
    assert "风机基础浇筑" in client.get(f"/reports?period={PERIOD}").text


def test_a_bad_amount_is_shown_beside_its_field_and_nothing_is_saved(page_as, world, project):
    client, token = page_as(world.county)
    answer = client.post(f"/reports/{project.id}/{PERIOD}", data={"csrf_token": token, "completed_investment": "-3"})
    assert answer.status_code == 422 and 'data-testid="error-completed_investment"' in answer.text
    assert "风机" not in client.get(f"/reports?period={PERIOD}").text


def test_an_uploaded_file_with_errors_lists_them_by_row_and_column(page_as, world, project):
    client, token = page_as(world.county)
    answer = client.post("/reports/import", data={"csrf_token": token, "period": PERIOD},
                         files={"file": ("月报.xlsx", b"garbage")})
    assert answer.status_code == 422 and "不是有效的 Excel" in answer.text


def test_the_template_downloads_for_the_users_scope(page_as, world, project):
    client, _ = page_as(world.county)
    answer = client.get(f"/reports/template.xlsx?period={PERIOD}")
    assert answer.status_code == 200 and answer.content[:2] == b"PK"


def test_a_problem_is_raised_and_followed_on_its_page(page_as, world, project):
    client, token = page_as(world.county)
    created = client.post("/problems", data={"csrf_token": token, "project_id": str(project.id),
                                             "description": "征地补偿未谈妥", "category": "拆迁征收"},
                          follow_redirects=True)
    assert created.status_code == 200 and "征地补偿未谈妥" in created.text
    problem_id = re.search(r"问题 #(\d+)", created.text) or re.search(r"/problems/(\d+)/act", created.text)
    acted = client.post(f"/problems/{problem_id.group(1)}/act", data={"csrf_token": token, "action": "resolve",
                                                                     "note": ""})
    assert acted.status_code == 422 and "须填写解决情况" in acted.text
    assert "征地补偿未谈妥" in client.get("/problems").text


def test_a_problem_names_its_project_by_code_or_name_never_by_a_database_number(page_as, world, project, session):
    from zhenxing.dispatch.models import Problem

    client, token = page_as(world.county)
    form = client.get(f"/problems/new?project_id={project.id}").text
    assert "项目序号" not in form and f'value="{project.code}"' in form  # carried from the project's page
    assert f'<option value="{project.code} 凌海风电配套项目">' in form  # suggested while typing
    for named in (project.code, f"{project.code} 凌海风电配套项目", "凌海风电配套项目"):
        made = client.post("/problems", data={"csrf_token": token, "project_id": named, "category": "用地",
                                              "description": f"用地指标未落实（{named}）"}, follow_redirects=False)
        assert made.status_code == 303, made.text
    assert session.query(Problem).filter_by(project_id=project.id).count() == 3
    other = make_project(session, region_id=world.heishan.id, name="黑山风电项目")
    session.commit()
    for unknown in ("JZ0000-000", other.code):  # no such code; another county's project
        refused = client.post("/problems", data={"csrf_token": token, "project_id": unknown, "category": "用地",
                                                 "description": "不应登记"})
        assert refused.status_code == 422 and f"没有找到项目“{unknown}”" in html.unescape(refused.text)
    assert session.query(Problem).filter_by(description="不应登记").count() == 0


def test_lights_are_computed_from_the_page_and_listed_with_reasons(page_as, world, project):
    client, token = page_as(world.office)
    computed = client.post("/lights/compute", data={"csrf_token": token, "period": PERIOD}, follow_redirects=True)
    assert computed.status_code == 200 and "已计算" in computed.text
    assert 'data-testid="light-row"' in computed.text and "未报月报" in computed.text or "完成率" in computed.text
    county, _ = page_as(world.county)
    assert county.get(f"/lights?period={PERIOD}").status_code == 200


def test_the_league_page_and_its_export(page_as, world, project):
    client, _ = page_as(world.leader)
    page = client.get(f"/league?period={PERIOD}")
    assert page.status_code == 200 and "凌海市" in page.text and 'data-testid="league-chart"' in page.text
    # the computing time in minutes (no seconds and microseconds), and no "-0.0 分"
    assert re.search(r"计算于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，", page.text) and "-0.0 分" not in page.text
    assert client.get(f"/league/export.xlsx?period={PERIOD}").content[:2] == b"PK"
    assert client.get("/league/scheme").status_code == 403


def test_periods_are_picked_from_months_written_in_chinese(page_as, world, project):
    """No browser month input (Chromium writes it in its UI language, "November 2026"): a select of
    2026年11月…, sending YYYY-MM, with the period shown chosen."""
    client, _ = page_as(world.office)
    year, month = PERIOD.split("-")
    for path in (f"/league?period={PERIOD}", f"/lights?period={PERIOD}", f"/reports?period={PERIOD}",
                 "/meetings", "/appeals?month=" + PERIOD, f"/appeals/stats?start={PERIOD}&end={PERIOD}"):
        text = client.get(path).text
        assert 'type="month"' not in text, path
        assert re.search(r'<select name="(period|month|start)"', text), path
        assert f'<option value="{PERIOD}" selected>{int(year)}年{int(month)}月</option>' in text or \
            path == "/meetings", path


def test_the_scheme_editor_speaks_chinese_and_saves_a_change(page_as, world):
    client, token = page_as(world.office)
    page = client.get("/league/scheme?kind=region&year=2030")
    text = re.search(r'<textarea name="data"[^>]*>(.*?)</textarea>', page.text, re.S).group(1)
    data = json.loads(html.unescape(text))
    assert "计分方法" in data["指标"][0] and data["指标"][0]["指标项"] == "年度投资完成率"
    data["指标"][0]["权重"] = 30
    saved = client.post("/league/scheme", data={"csrf_token": token, "kind": "region", "year": "2030",
                                                "data": json.dumps(data, ensure_ascii=False)}, follow_redirects=True)
    assert saved.status_code == 200 and "已保存" in saved.text and '"权重": 30' in html.unescape(saved.text)
    data["指标"][0]["计分方法"] = "掷骰子"
    refused = client.post("/league/scheme", data={"csrf_token": token, "kind": "region", "year": "2030",
                                                  "data": json.dumps(data, ensure_ascii=False)})
    assert refused.status_code == 422 and "未知的计分方法“掷骰子”" in refused.text


def test_the_cockpit_shows_the_computed_headline(page_as, world, project):
    client, _ = page_as(world.leader)
    page = client.get(f"/dashboard?period={PERIOD}")
    assert page.status_code == 200 and "完成投资 0 亿元，占年度计划 0%" in page.text


def test_a_projects_page_loads_its_dispatch_panel(page_as, world, project):
    client, _ = page_as(world.county)
    assert f'hx-get="/projects/{project.id}/dispatch"' in client.get(f"/projects/{project.id}").text
    panel = client.get(f"/projects/{project.id}/dispatch")
    assert panel.status_code == 200 and "年度计划" in panel.text and "2,400" in panel.text
    outsider, _ = page_as(world.outsider)
    assert outsider.get(f"/projects/{project.id}/dispatch").status_code == 403
