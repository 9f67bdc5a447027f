"""Pages: upload or paste, document list, highlighted document view, review queue, ledgers, lookup tables."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.factories import REPORT, make_document
from zhenxing.documents.models import Document, Draft
from zhenxing.targets.models import Target
from zhenxing.tasks.models import Task


@pytest.fixture
def office_page(page_as, world):
    return page_as(world.office)


def test_pasting_a_report_ingests_it_and_shows_the_highlighted_text(office_page, sessions):
    client, token = office_page
    response = client.post("/documents", data={"csrf_token": token, "text": REPORT, "year": "2025",
                                               "region": "锦州市"})
    assert response.status_code == 200 and 'data-testid="ingest-done"' in response.text
    assert response.text.count('class="fact target"') >= 5 and 'class="fact actual"' in response.text
    assert 'data-testid="fact-table"' in response.text  # the no-JS record of every fact
    again = client.post("/documents", data={"csrf_token": token, "text": REPORT, "year": "2025"})
    assert 'data-testid="ingest-again"' in again.text
    assert "2025年测试市政府工作报告" in client.get("/documents").text


def test_uploading_a_file_works_and_a_bad_one_shows_the_error_beside_the_form(office_page):
    client, token = office_page
    files = {"file": ("报告.docx", b"not a docx", "application/octet-stream")}
    response = client.post("/documents", data={"csrf_token": token, "year": "2025"}, files=files)
    assert response.status_code == 422 and 'data-testid="ingest-error"' in response.text
    assert "报告.docx" in response.text
    files = {"file": ("报告.txt", REPORT.encode("utf-8"), "text/plain")}
    assert "ingest-done" in client.post("/documents", data={"csrf_token": token, "year": "2025"}, files=files).text


def test_the_queue_filters_by_kind_and_bulk_accepts_the_checked_drafts(office_page, session, world):
    client, token = office_page
    make_document(session, actor=world.office)
    page = client.get("/review?kind=target")
    ids = re.findall(r'name="ids" value="(\d+)"', page.text)
    assert ids and 'data-kind="task"' not in page.text
    response = client.post("/review/bulk-accept",
                           data={"csrf_token": token, "ids": ids[:2], "back": "/review?kind=target"})
    assert response.status_code == 200 and "已采纳 2 条" in response.text
    assert session.scalar(select(func.count()).select_from(Target)) == 2


def test_a_draft_is_edited_and_accepted_from_its_form(office_page, session, world):
    client, token = office_page
    make_document(session, actor=world.office)
    draft = session.scalar(select(Draft).where(Draft.kind == "task").order_by(Draft.id))
    assert 'data-testid="draft-form"' in client.get(f"/review/{draft.id}").text
    response = client.post(f"/review/{draft.id}", data={
        "csrf_token": token, "action": "accept", "content": draft.payload["content"], "section": "",
        "lead_unit_id": str(world.fgw.id), "partner_units": "市财政局", "leader": "王振国", "deadline": "2025年6月底"})
    assert response.status_code == 200
    task = session.scalar(select(Task))
    assert (task.lead_unit_id, task.leader.name, task.deadline) == (world.fgw.id, "王振国", "2025年6月底")
    assert task.due_on.isoformat() == "2025-06-30"
    assert "王振国" in client.get("/tasks").text


def test_a_bad_edit_shows_the_error_and_changes_nothing(office_page, session, world):
    client, token = office_page
    make_document(session, actor=world.office)
    draft = session.scalar(select(Draft).where(Draft.kind == "target").order_by(Draft.id))
    response = client.post(f"/review/{draft.id}", data={"csrf_token": token, "action": "accept", "value": "六"})
    assert response.status_code == 422 and "不是有效的数字" in response.text
    session.expire_all()
    assert session.get(Draft, draft.id).status == "pending"


def test_ledgers_filter_by_unit_and_status_and_link_their_exports(office_page, session, world):
    client, token = office_page
    make_document(session, actor=world.office)
    page = client.get("/targets")
    assert 'href="/targets/export.xlsx?' in page.text and 'data-testid="filter-unit"' in page.text
    assert 'href="/tasks/export.xlsx?' in client.get("/tasks").text
    assert client.get(f"/tasks?lead_unit_id={world.fgw.id}&status=pending").status_code == 200
    export = client.get("/tasks/export.xlsx?year=2025")
    assert export.status_code == 200 and export.content[:2] == b"PK"


def test_the_office_edits_the_keyword_table_and_maps_indicators(office_page, session, world):
    client, token = office_page
    make_document(session, actor=world.office)
    saved = client.post("/review/keywords",
                        data={"csrf_token": token, "keyword": "口袋公园", "unit_name": "市住房城乡建设局"})
    assert "口袋公园" in saved.text
    page = client.get("/review/indicators")
    written = re.search(r'name="written" value="([^"]*口袋公园[^"]*)"', page.text).group(1)
    mapped = client.post("/review/indicators", data={"csrf_token": token, "written": written, "indicator": "城市公园"})
    assert 'data-testid="flash"' in mapped.text


def test_a_unit_user_sees_documents_but_not_the_review_queue(page_as, world, session):
    make_document(session, actor=world.office)
    client, _token = page_as(world.county)
    assert 'data-testid="ingest-form"' not in client.get("/documents").text
    assert client.get("/review").status_code == 403
    assert client.get("/targets").status_code == 200


def test_the_task_list_shows_each_tasks_derived_state_and_filters_by_it(office_page, session, world):
    client, token = office_page
    make_document(session, actor=world.office)
    drafts = session.scalars(select(Draft).where(Draft.kind == "task")).all()
    client.post("/review/bulk-accept", data={"csrf_token": token, "ids": [str(d.id) for d in drafts]})
    page = client.get("/tasks").text
    assert page.count('data-testid="task-row"') == len(drafts)
    assert client.post(f"/tasks/{session.scalar(select(Task.id))}/status", data={"csrf_token": token}).status_code \
        in (404, 405)  # a task's state is derived: there is no form to type it
    # The test report's tasks are due at the end of 2025 ("2025年12月底"): late once that has passed.
    expected = "late" if date.today() > date(2025, 12, 31) else "not_started"
    assert client.get(f"/tasks?status={expected}").text.count('data-testid="task-row"') == len(drafts)
    assert client.get("/tasks?status=closed").text.count('data-testid="task-row"') == 0


def test_the_review_queue_marks_a_works_programme_for_a_second_look(office_page, session, world):
    client, token = office_page
    plan = "二、2025年工作安排\n推进东城河道综合治理工程。开工建设滨海大道二期工程。"
    make_document(session, actor=world.office, text=plan)
    page = client.get("/review?kind=project").text
    assert page.count('data-testid="low-confidence"') == 1
    assert "东城河道综合治理工程" in page and "滨海大道二期工程" in page


def _project_draft(session, contains):
    drafts = session.scalars(select(Draft).where(Draft.kind == "project").order_by(Draft.id))
    return next(d for d in drafts if contains in d.quote)


def test_a_new_project_draft_asks_for_its_essentials_before_it_is_accepted(office_page, session, world):
    from zhenxing.projects.models import Project

    client, token = office_page
    make_document(session, actor=world.office)
    draft = _project_draft(session, "东湖新材料")
    queue = client.get("/review?kind=project").text
    row = queue[queue.index(f'data-draft-id="{draft.id}"'):]
    assert "须先填写总投资、项目阶段、牵头单位" in row[:3000] and "填写后采纳" in row[:3000]
    refused = client.post(f"/review/{draft.id}/accept", data={"csrf_token": token, "back": "/review"})
    assert refused.status_code == 422 and "新建项目须先填写总投资" in refused.text
    assert 'data-testid="draft-total_investment"' in refused.text and 'data-testid="draft-region_id"' in refused.text
    answer = client.post(f"/review/{draft.id}", data={
        "csrf_token": token, "action": "accept", "name": draft.payload["name"], "total_investment": "52,000",
        "stage": "signed", "region_id": str(world.city.id), "lead_unit_id": str(world.fgw.id)},
        follow_redirects=False)
    assert answer.status_code == 303, answer.text[:500]
    session.expire_all()
    project = session.get(Project, session.get(Draft, draft.id).result_id)
    assert (project.total_investment, project.stage, project.lead_unit_id) == (52_000, "signed", world.fgw.id)


def test_the_draft_page_and_the_flash_say_what_a_merge_changes(office_page, session, world):
    from tests.factories import make_project

    client, token = office_page
    existing = make_project(session, name="锦州石化40万吨针状焦", stage="signed")
    session.commit()
    make_document(session, actor=world.office)
    draft = _project_draft(session, "锦州石化")
    page = client.get(f"/review/{draft.id}").text
    assert 'data-testid="merge-change"' in page and "项目阶段" in page and "签约" in page and "开工" in page
    preview = client.get(f"/review/{draft.id}/merge-preview", params={"into_id": existing.id}).text
    assert preview.count('data-testid="merge-change"') == 2
    answer = client.post(f"/review/{draft.id}", data={"csrf_token": token, "action": "merge",
                                                      "into_id": str(existing.id)})
    assert "已并入：项目阶段 签约 → 开工；计划投产日期 — → 2025-12-31" in answer.text
    session.expire_all()
    assert session.get(type(existing), existing.id).stage == "started"


COUNT = re.compile(r'data-testid="count-(target|reading|task|project)">(\d+)<')


def test_the_list_and_the_document_page_give_the_same_counts(office_page, session, world):
    """Both count the document's drafts by kind: the report's capacity (40万吨 in a project's name) is a fact
    but no 目标 or 实绩, and counting facts on one page and drafts on the other gave two answers."""
    client, _ = office_page
    document = make_document(session, actor=world.office).document
    from zhenxing.documents import service
    from zhenxing.documents.models import Fact

    facts = session.scalars(select(Fact).where(Fact.document_id == document.id)).all()
    drafts = service.draft_counts(session, document.id)
    assert sum(f.stance == "target" for f in facts) != drafts["target"]  # the case that differed
    listed = dict(COUNT.findall(client.get("/documents").text))
    shown = dict(COUNT.findall(client.get(f"/documents/{document.id}").text))
    assert listed == shown == {kind: str(count) for kind, count in drafts.items()}
    assert client.get(f"/api/v1/documents/{document.id}").json()["drafts"] == drafts


NOTICE = ("某县情况通报\n\n2024年，全县地区生产总值增长5.5%，城镇新增就业1.6万人。\n"
          "2025年，全县地区生产总值力争增长6%。\n")


def test_the_office_corrects_a_documents_year_and_region_from_its_page(office_page, session, world):
    client, token = office_page
    document = make_document(session, text=NOTICE, year=2024, actor=world.office).document
    page = client.get(f"/documents/{document.id}").text
    assert 'data-testid="correct-form"' in page and 'data-testid="withdraw-form"' in page
    done = client.post(f"/documents/{document.id}/correct", data={
        "csrf_token": token, "year": "2025", "date": "", "region": "凌海市", "reason": "年度填错"})
    assert done.status_code == 200
    flash = re.search(r'data-testid="flash">([^<]+)<', done.text).group(1)
    assert flash.startswith("已更正：年度 2024 → 2025；地区 锦州市 → 凌海市；2 条待审核草稿改判为实绩")
    assert "2025年 · 凌海市" in done.text
    refused = client.post(f"/documents/{document.id}/correct", data={"csrf_token": token, "year": "20x5"})
    assert refused.status_code == 422 and "年度“20x5”无效" in refused.text
    assert 'data-testid="document-error"' in refused.text
    from tests.web.site import foreign_words, visible_text

    trail = client.get("/audit").text
    assert "更正文件《某县情况通报》" in trail and "年度" in trail
    assert foreign_words(visible_text(trail), names={"office", "admin", "leader", "linghai", "heishan", "jiaotong",
                                                     "刘佳"}) == []


def test_withdrawing_from_the_page_hides_the_document_and_marks_its_records(office_page, session, world):
    client, token = office_page
    document = make_document(session, actor=world.office).document
    target_draft = session.scalar(select(Draft).where(Draft.document_id == document.id, Draft.kind == "target"))
    client.post(f"/review/{target_draft.id}/accept", data={"csrf_token": token, "back": "/review"})
    empty = client.post(f"/documents/{document.id}/withdraw", data={"csrf_token": token, "reason": ""})
    assert empty.status_code == 422 and "请写明撤回理由" in empty.text
    done = client.post(f"/documents/{document.id}/withdraw", data={"csrf_token": token, "reason": "重复导入"})
    assert done.status_code == 200 and 'data-testid="document-withdrawn"' in done.text
    assert 'data-testid="withdraw-form"' not in done.text and "审核本文件草稿" not in done.text
    assert "测试市政府工作报告" not in client.get("/documents").text
    shown = client.get("/documents?status=withdrawn").text
    assert "测试市政府工作报告" in shown and 'data-testid="document-withdrawn"' in shown
    session.expire_all()
    target_id = session.get(Draft, target_draft.id).result_id
    assert 'data-testid="source-withdrawn"' in client.get(f"/targets/{target_id}").text


def test_read_only_roles_see_no_correction_forms_and_cannot_post_them(page_as, session, world):
    document = make_document(session, actor=world.office).document
    client, token = page_as(world.leader)
    page = client.get(f"/documents/{document.id}").text
    assert "correct-form" not in page and "withdraw-form" not in page
    assert client.post(f"/documents/{document.id}/withdraw",
                       data={"csrf_token": token, "reason": "x"}).status_code == 403
    assert session.get(Document, document.id).status == "active"
