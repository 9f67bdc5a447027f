"""The ledger pages: list with filters, a project's page, the stage change, create and edit forms."""

import re
from datetime import date

from tests.factories import make_project
from zhenxing import audit


def valid_form(world, token, **overrides) -> dict:
    form = {"csrf_token": token, "code": "JZ-NEW-1", "name": "锦州新材料产业园", "region_id": str(world.linghai.id),
            "lead_unit_id": str(world.fgw.id), "total_investment": "52000", "planned_investment": "8000",
            "completed_investment": "", "stage": "planned", "status": "active", "track": "emerging",
            "cluster": "新材料", "plan_signed_on": "2025-03-01"}
    form.update(overrides)
    return form


def test_the_list_shows_projects_with_their_stage_totals(world, session, page_as):
    make_project(session, name="凌海港口物流园", region_id=world.linghai.id, total_investment=35000, stage="started")
    make_project(session, name="黑山光伏电站", region_id=world.heishan.id, total_investment=8000, stage="signed")
    session.commit()
    client, _ = page_as(world.office)
    page = client.get("/projects")
    assert page.status_code == 200
    assert "凌海港口物流园" in page.text and "黑山光伏电站" in page.text
    assert 'data-testid="stage-summary"' in page.text and 'data-echarts=' in page.text
    assert "3.50" in page.text  # 开工: 35000万元 as 亿元 in the no-JS table
    assert 'href="/projects/new"' in page.text


def test_the_stage_cards_show_their_amounts_in_one_unit(world, session, page_as):
    """The cards stand side by side: 0.80亿元 beside 4.30亿元, never 8,000万元 beside 4.30 亿元."""
    make_project(session, name="凌海港口物流园", region_id=world.linghai.id, total_investment=35000, stage="started")
    make_project(session, name="黑山光伏电站", region_id=world.heishan.id, total_investment=8000, stage="signed")
    session.commit()
    client, _ = page_as(world.office)
    cards = re.search(r'data-testid="stage-summary">(.*?)</section>', client.get("/projects").text, re.S).group(1)
    amounts = re.findall(r'class="metric-sub">([^<]*)<', cards)
    assert amounts[0] == "总投资 4.30亿元" and "0.80亿元" in amounts and "3.50亿元" in amounts
    assert all(amount.endswith("亿元") and " 亿元" not in amount for amount in amounts), amounts


def test_the_list_filters_by_region_including_sub_regions_and_by_search(world, session, page_as):
    make_project(session, name="双羊镇食品加工", region_id=world.shuangyang.id)
    make_project(session, name="黑山光伏电站", region_id=world.heishan.id)
    session.commit()
    client, _ = page_as(world.office)
    page = client.get("/projects", params={"region_id": world.linghai.id})
    assert "双羊镇食品加工" in page.text and "黑山光伏电站" not in page.text
    assert f'value="{world.linghai.id}" selected' in page.text
    found = client.get("/projects", params={"q": "光伏"})
    assert "黑山光伏电站" in found.text and "双羊镇食品加工" not in found.text
    assert 'href="/projects/export.xlsx?q=%E5%85%89%E4%BC%8F"' in found.text


def test_the_list_indents_sub_regions_in_the_region_filter(world, page_as):
    client, _ = page_as(world.office)
    page = client.get("/projects")
    assert "\u3000\u3000└ 双羊镇" in page.text


def test_an_htmx_request_gets_only_the_results_partial(world, session, page_as):
    make_project(session, name="凌海港口物流园", region_id=world.linghai.id, stage="landed")
    session.commit()
    client, _ = page_as(world.office)
    page = client.get("/projects", params={"stage": "landed"}, headers={"HX-Request": "true"})
    assert "凌海港口物流园" in page.text
    assert "<html" not in page.text and 'data-testid="filters"' not in page.text


def test_a_leader_sees_no_new_project_button(world, page_as):
    client, _ = page_as(world.leader)
    assert 'href="/projects/new"' not in client.get("/projects").text
    assert client.get("/projects/new").status_code == 403


def test_the_project_page_shows_the_timeline_and_the_history(world, session, page_as):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id, stage="signed",
                           signed_on=date(2024, 5, 1), plan_landed_on=date(2024, 8, 1))
    audit.record(session, actor=world.office, action="update", entity="project", entity_id=project.id,
                 summary="修改项目", changes={"total_investment": [12000, 15000], "stage": ["planned", "signed"]})
    session.commit()
    client, _ = page_as(world.office)
    page = client.get(f"/projects/{project.id}")
    assert page.status_code == 200
    assert 'data-testid="timeline"' in page.text
    assert re.search(r'class="step current\s*" data-testid="step-signed"', page.text)
    assert "实际 2024-05-01" in page.text and "计划 2024-08-01" in page.text
    # An overdue stage reads as late, not as over-fulfilled.
    assert "已超计划" not in page.text
    assert re.search(r'data-testid="overdue-landed"[^>]*>已逾期 · 超期 \d+ 天<', page.text)
    assert "总投资</b>：<span class=\"before\">1.20亿元</span> → <span class=\"after\">1.50亿元</span>" in page.text
    assert "谋划</span> → <span class=\"after\">签约" in page.text


def test_a_stage_change_from_the_page_is_recorded(world, session, page_as):
    project = make_project(session, region_id=world.linghai.id, stage="planned")
    session.commit()
    client, token = page_as(world.office)
    answer = client.post(f"/projects/{project.id}/stage",
                         data={"csrf_token": token, "to": "signed", "date": "2024-06-01", "reason": ""},
                         follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(f"/projects/{project.id}")
    assert "实际 2024-06-01" in page.text and "谋划 → 签约（2024-06-01）" in page.text


def test_a_refused_stage_change_shows_the_error_beside_its_field(world, session, page_as):
    project = make_project(session, region_id=world.linghai.id, stage="planned")
    session.commit()
    client, token = page_as(world.office)
    answer = client.post(f"/projects/{project.id}/stage",
                         data={"csrf_token": token, "to": "signed", "date": "2999-01-01", "reason": ""})
    assert answer.status_code == 422
    assert 'data-testid="error-date"' in answer.text and "晚于今天" in answer.text
    assert 'value="2999-01-01"' in answer.text


def test_creating_a_project_from_the_form_redirects_to_its_page(world, page_as):
    client, token = page_as(world.office)
    assert client.get("/projects/new").status_code == 200
    answer = client.post("/projects", data=valid_form(world, token), follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["location"])
    assert "锦州新材料产业园" in page.text and "5.20亿元" in page.text and "新字号" in page.text


def test_the_form_shows_errors_beside_the_fields_and_keeps_the_input(world, page_as):
    client, token = page_as(world.office)
    answer = client.post("/projects", data=valid_form(world, token, name="", total_investment="-5"))
    assert answer.status_code == 422
    assert re.search(r'data-testid="error-name"[^>]*>必填<', answer.text)
    assert re.search(r'data-testid="error-total_investment"[^>]*>不能为负数<', answer.text)
    assert 'value="JZ-NEW-1"' in answer.text and 'value="-5"' in answer.text


def test_the_form_shows_a_duplicate_code_beside_the_code(world, session, page_as):
    make_project(session, code="JZ-NEW-1")
    session.commit()
    client, token = page_as(world.office)
    answer = client.post("/projects", data=valid_form(world, token))
    assert answer.status_code == 409 or answer.status_code == 422
    assert 'data-testid="error-code"' in answer.text and "已存在" in answer.text


def test_a_county_user_cannot_create_outside_their_county(world, session, page_as):
    client, token = page_as(world.county)
    answer = client.post("/projects", data=valid_form(world, token, region_id=str(world.heishan.id)))
    assert answer.status_code == 422
    assert 'data-testid="error-region_id"' in answer.text and "管辖范围" in answer.text
    session.expire_all()
    assert [e.actor_name for e in audit.list_events(session, action="denied")] == ["linghai"]
    assert audit.list_events(session, entity="project", action="create") == []


def test_editing_a_project_changes_it_and_records_the_change(world, session, page_as):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id)
    session.commit()
    client, token = page_as(world.office)
    form = client.get(f"/projects/{project.id}/edit")
    assert form.status_code == 200 and 'value="凌海港口物流园"' in form.text
    values = {"csrf_token": token, "name": "凌海港口物流园（二期）", "region_id": str(world.linghai.id),
              "total_investment": "20000", "status": "active"}
    answer = client.post(f"/projects/{project.id}/edit", data=values, follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(f"/projects/{project.id}")
    assert "凌海港口物流园（二期）" in page.text and "项目名称" in page.text


def test_an_invalid_edit_changes_nothing(world, session, page_as):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id)
    session.commit()
    client, token = page_as(world.office)
    values = {"csrf_token": token, "name": "凌海港口物流园（二期）", "region_id": str(world.linghai.id),
              "total_investment": "一亿", "status": "active"}
    answer = client.post(f"/projects/{project.id}/edit", data=values)
    assert answer.status_code == 422 and "请输入整数" in answer.text
    assert "凌海港口物流园（二期）" not in client.get(f"/projects/{project.id}").text


def test_a_project_out_of_scope_answers_with_the_403_page(world, session, page_as):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id)
    session.commit()
    client, _ = page_as(world.outsider)
    page = client.get(f"/projects/{project.id}")
    assert page.status_code == 403
    assert 'data-testid="error"' in page.text and "无权访问" in page.text
    assert client.get(f"/projects/{project.id}/edit").status_code == 403


def test_a_form_post_without_the_csrf_token_is_refused(world, page_as):
    client, token = page_as(world.office)
    form = valid_form(world, token)
    del form["csrf_token"]
    answer = client.post("/projects", data=form)
    assert answer.status_code == 403 and "CSRF" in answer.text


def test_a_leader_reads_a_project_without_the_edit_and_stage_forms(world, session, page_as):
    project = make_project(session, region_id=world.linghai.id)
    session.commit()
    client, _ = page_as(world.leader)
    page = client.get(f"/projects/{project.id}")
    assert page.status_code == 200 and 'data-testid="timeline"' in page.text
    assert 'data-testid="stage-change"' not in page.text and 'data-testid="edit-project"' not in page.text


def test_an_office_user_may_move_a_stage_back_but_a_county_user_may_not(world, session, page_as):
    project = make_project(session, region_id=world.linghai.id, stage="landed")
    session.commit()
    office, _ = page_as(world.office)
    county, _ = page_as(world.county)
    assert '<option value="signed"' in office.get(f"/projects/{project.id}").text
    assert '<option value="signed"' not in county.get(f"/projects/{project.id}").text


def test_moving_a_stage_back_without_a_reason_shows_the_error_beside_the_reason(world, session, page_as):
    project = make_project(session, region_id=world.linghai.id, stage="landed")
    session.commit()
    client, token = page_as(world.office)
    answer = client.post(f"/projects/{project.id}/stage",
                         data={"csrf_token": token, "to": "signed", "date": "2024-06-01", "reason": ""})
    assert answer.status_code == 422
    assert re.search(r'data-testid="error-reason"[^>]*>回退项目阶段须填写原因<', answer.text)


def test_the_stage_cards_link_to_the_list_of_that_stage_keeping_the_other_filters(world, session, page_as):
    client, _ = page_as(world.office)
    page = client.get("/projects", params={"q": "港口", "lead_unit_id": world.fgw.id})
    assert f'href="/projects?q=%E6%B8%AF%E5%8F%A3&amp;lead_unit_id={world.fgw.id}&amp;stage=started&amp;sort=code"' \
        in page.text


def test_the_stage_form_proposes_the_next_stage(world, session, page_as):
    signed = make_project(session, stage="signed", signed_on=date(2024, 5, 1))
    operating = make_project(session, stage="operating", operating_on=date(2024, 5, 1))
    session.commit()
    client, _ = page_as(world.office)
    assert re.search(r'<option value="landed"\s+selected', client.get(f"/projects/{signed.id}").text)
    assert "selected" not in re.search(r'<select[^>]*name="to".*?</select>',
                                       client.get(f"/projects/{operating.id}").text, re.S).group(0)


def test_the_cluster_filter_offers_the_clusters_in_use(world, session, page_as):
    make_project(session, name="针状焦扩建", cluster="石化及精细化工")
    make_project(session, name="风电场", cluster="新能源")
    session.commit()
    client, _ = page_as(world.office)
    page = client.get("/projects", params={"cluster": "新能源"}).text
    assert '<option value="石化及精细化工" >石化及精细化工</option>' in page
    assert '<option value="新能源" selected>新能源</option>' in page
    assert "风电场" in page and "针状焦扩建" not in page
    assert '<option value="新能源">' in client.get("/projects/new").text


def test_the_sponsor_and_steward_filters_offer_only_people_holding_that_role(world, session, page_as):
    from tests.factories import make_person

    steward = make_person(session, "李管家", "项目管家")
    bystander = make_person(session, "赵路人", "科员")
    make_project(session, name="凌海港口物流园", region_id=world.linghai.id, sponsor_id=world.sponsor.id,
                 steward_id=steward.id)
    session.commit()
    client, _ = page_as(world.office)
    page = client.get("/projects").text
    sponsor_select = re.search(r'<select[^>]*name="sponsor_id".*?</select>', page, re.S).group(0)
    steward_select = re.search(r'<select[^>]*name="steward_id".*?</select>', page, re.S).group(0)
    assert "王振国" in sponsor_select and "李管家" not in sponsor_select and "赵路人" not in sponsor_select
    assert "李管家" in steward_select and "刘佳" in steward_select  # 刘佳 signs in as a 项目管家
    assert "王振国" not in steward_select and bystander.name not in steward_select


def test_an_annual_plan_or_completed_investment_above_the_total_is_refused_with_a_chinese_message(
        world, session, page_as):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id, total_investment=5000,
                           planned_investment=1000)
    session.commit()
    client, token = page_as(world.office)
    answer = client.post(f"/projects/{project.id}/edit", data={"csrf_token": token, "completed_investment": "9000"})
    assert answer.status_code == 422
    assert "累计完成投资（9,000万元）超过总投资（5,000万元），占总投资 180%" in answer.text
    answer = client.post(f"/projects/{project.id}/edit", data={"csrf_token": token, "planned_investment": "6000"})
    assert answer.status_code == 422 and "年度计划投资（6,000万元）超过总投资" in answer.text
    session.expire_all()
    assert (project.planned_investment, project.completed_investment) == (1000, 0)


def test_planned_dates_out_of_stage_order_are_refused(world, session, page_as):
    client, token = page_as(world.office)
    answer = client.post("/projects", data=valid_form(world, token, plan_signed_on="2025-06-01",
                                                      plan_started_on="2025-03-01"))
    assert answer.status_code == 422 and "计划开工日期 2025-03-01 早于计划签约日期 2025-06-01" in answer.text
    assert "JZ-NEW-1" not in client.get("/projects").text


def test_the_list_shows_its_money_in_one_unit(world, session, page_as):
    make_project(session, name="凌海港口物流园", region_id=world.linghai.id, total_investment=268_000,
                 planned_investment=9_000, completed_investment=0)
    session.commit()
    client, _ = page_as(world.office)
    table = re.search(r'<table class="ledger".*?</table>', client.get("/projects").text, re.S).group(0)
    assert "总投资（亿元）" in table and "年度计划（亿元）" in table
    assert "26.80" in table and "0.90" in table and "万元" not in table
