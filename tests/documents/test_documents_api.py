"""The JSON API: /api/v1/documents, /api/v1/review, /api/v1/targets, /api/v1/tasks and the lookup tables."""

from datetime import date
from io import BytesIO
from urllib.parse import quote

from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.factories import REPORT
from zhenxing.audit import AuditEvent
from zhenxing.targets.models import Target


def post_report(api, **extra):
    return api.post("/api/v1/documents", json={"text": REPORT, "year": 2025, "region": "锦州市", **extra})


def test_posting_json_ingests_once(api_as, world):
    api = api_as(world.office)
    first = post_report(api, title="测试报告")
    assert first.status_code == 201
    body = first.json()
    assert body["created"] and body["document"]["title"] == "测试报告" and body["drafts"]["target"] >= 5
    again = post_report(api)
    assert again.status_code == 201 and not again.json()["created"]
    assert again.json()["document"]["id"] == body["document"]["id"]


def test_a_multipart_upload_of_a_gbk_text_file_is_read(api_as, world):
    files = {"file": ("报告.txt", REPORT.encode("gb18030"), "text/plain")}
    response = api_as(world.office).post("/api/v1/documents", files=files, data={"year": "2025"})
    assert response.status_code == 201, response.text
    assert response.json()["document"]["source_name"] == "报告.txt"


def test_an_unreadable_upload_is_refused_naming_the_file(api_as, world):
    files = {"file": ("报告.pdf", b"%PDF-1.4", "application/pdf")}
    response = api_as(world.office).post("/api/v1/documents", files=files, data={"year": "2025"})
    assert response.status_code == 422 and "报告.pdf" in response.json()["message"]
    assert response.json()["field"] == "file"


def test_the_document_comes_back_with_its_facts_and_offsets(api_as, world):
    api = api_as(world.office)
    document_id = post_report(api).json()["document"]["id"]
    body = api.get(f"/api/v1/documents/{document_id}").json()
    assert body["facts"] and all(body["text"][f["start"]:f["end"]] == f["quote"] for f in body["facts"])


def test_the_review_flow_over_the_api(api_as, world, sessions):
    api = api_as(world.office)
    post_report(api)
    queue = api.get("/api/v1/review", params={"kind": "target"}).json()
    assert len(queue) >= 5 and {d["kind"] for d in queue} == {"target"}
    edited = api.patch(f"/api/v1/review/{queue[0]['id']}", json={"value": 6.5})
    assert edited.status_code == 200 and edited.json()["payload"]["value"] == 6.5
    accepted = api.post(f"/api/v1/review/{queue[0]['id']}/accept").json()
    assert accepted["status"] == "accepted"
    assert api.get("/api/v1/targets").json()[0]["value"] == 6.5
    assert api.post(f"/api/v1/review/{queue[1]['id']}/reject", json={"reason": "重复"}).json()["status"] == "rejected"
    merged = api.post(f"/api/v1/review/{queue[2]['id']}/merge", json={"into_id": accepted["result_id"]})
    assert merged.json()["status"] == "merged" and merged.json()["result_id"] == accepted["result_id"]
    bulk = api.post("/api/v1/review/bulk-accept", json={"ids": [d["id"] for d in queue[3:5]]})
    assert bulk.status_code == 200 and len(bulk.json()) == 2
    targets = api.get("/api/v1/targets", params={"year": 2025}).json()
    assert len(targets) == 3 and targets[0]["indicator"] == queue[2]["payload"]["indicator"]
    assert api.get("/api/v1/review").json() == api.get("/api/v1/review", params={"status": "pending"}).json()
    with sessions() as session:
        reviews = session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "review"))
    assert reviews == 6  # edit, accept, reject, merge, two bulk accepts


def test_a_unit_user_is_refused_and_nothing_changes(api_as, world, sessions):
    post_report(api_as(world.office))
    office_queue = api_as(world.office).get("/api/v1/review").json()
    county = api_as(world.county)
    assert county.get("/api/v1/review").status_code == 403
    assert county.post(f"/api/v1/review/{office_queue[0]['id']}/accept").status_code == 403
    assert county.post("/api/v1/review/bulk-accept", json={"ids": [office_queue[0]["id"]]}).status_code == 403
    assert post_report(county, title="另一份").status_code == 403
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Target)) == 0


def test_the_exports_download_as_xlsx_with_chinese_names(api_as, world):
    api = api_as(world.office)
    post_report(api)
    queue = api.get("/api/v1/review", params={"kind": "task"}).json()
    api.post("/api/v1/review/bulk-accept", json={"ids": [d["id"] for d in queue]})
    response = api.get("/api/v1/tasks/export.xlsx", params={"year": 2025})
    assert response.status_code == 200
    assert quote("任务分解表.xlsx") in response.headers["content-disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "2025年政府工作报告重点任务分解表" and sheet.max_row == 2 + len(queue)
    targets = api.get("/api/v1/targets/export.xlsx")
    assert load_workbook(BytesIO(targets.content)).active["B2"].value == "指标名称"


def test_the_keyword_table_is_editable_by_the_office_only(api_as, world):
    api = api_as(world.office)
    saved = api.put("/api/v1/keyword-units", json={"keyword": "口袋公园", "unit_name": "市住房城乡建设局"})
    assert saved.status_code == 200
    assert any(k["keyword"] == "口袋公园" for k in api.get("/api/v1/keyword-units").json())
    assert api_as(world.county).put("/api/v1/keyword-units", json={"keyword": "x", "unit_name": "y"}).status_code == 403
    assert api.delete(f"/api/v1/keyword-units/{saved.json()['id']}").status_code == 204


def test_an_unknown_indicator_can_be_mapped_to_the_catalogue(api_as, world):
    api = api_as(world.office)
    post_report(api)
    unknown = [row["written"] for row in api.get("/api/v1/indicators/unknown").json()]
    park = next(w for w in unknown if "口袋公园" in w)
    mapped = api.post("/api/v1/indicators/mappings", json={"written": park, "indicator": "城市公园"})
    assert mapped.status_code == 201
    drafts = api.get("/api/v1/review", params={"kind": "target"}).json()
    assert any(d["payload"]["indicator"] == "城市公园" and d["payload"]["catalogued"] for d in drafts)
    assert park not in [row["written"] for row in api.get("/api/v1/indicators/unknown").json()]


def accept_all(api, kind):
    queue = api.get("/api/v1/review", params={"kind": kind}).json()
    return api.post("/api/v1/review/bulk-accept", json={"ids": [d["id"] for d in queue]}).json()


def test_the_office_sets_a_targets_trajectory_but_never_types_its_status(api_as, world, sessions):
    api = api_as(world.office)
    post_report(api)
    target_id = accept_all(api, "target")[0]["result_id"]
    response = api.patch(f"/api/v1/targets/{target_id}", json={"profile": "1，1，2", "lead_unit_id": world.fgw.id})
    assert response.status_code == 200 and response.json()["profile"] == "1-1-2"
    assert response.json()["status"] == "open" and response.json()["tracking"]["state"] == "none"
    refused = api.patch(f"/api/v1/targets/{target_id}", json={"status": "met"})
    assert refused.status_code == 422
    assert api.patch(f"/api/v1/targets/{target_id}", json={"profile": "1-1-1-1-1"}).status_code == 422
    assert api_as(world.county).patch(f"/api/v1/targets/{target_id}", json={"profile": ""}).status_code == 403
    assert [t["id"] for t in api.get("/api/v1/targets", params={"status": "open"}).json()].count(target_id) == 1
    assert api.get("/api/v1/targets", params={"status": "met"}).json() == []
    with sessions() as session:
        event = session.scalar(select(AuditEvent).where(AuditEvent.entity == "target"))
    assert event.changes["profile"] == ["", "1-1-2"]


def test_the_lead_unit_reads_its_task_and_edits_nothing_and_a_county_reads_nothing(api_as, world):
    api = api_as(world.office)
    post_report(api)
    task_id = accept_all(api, "task")[0]["result_id"]
    assert api.patch(f"/api/v1/tasks/{task_id}", json={"lead_unit_id": world.transport.id}).status_code == 200
    unit = api_as(world.transport_user)
    # The test report's tasks are due at the end of 2025 ("2025年12月底"): late once that has passed.
    expected = "late" if date.today() > date(2025, 12, 31) else "not_started"
    assert unit.get(f"/api/v1/tasks/{task_id}").json()["state"] == expected
    assert unit.patch(f"/api/v1/tasks/{task_id}", json={"deadline": "年底前"}).status_code == 403
    assert [t["id"] for t in unit.get("/api/v1/tasks").json()] == [task_id]
    assert api_as(world.county).get(f"/api/v1/tasks/{task_id}").status_code == 403
    filtered = api.get("/api/v1/tasks", params={"lead_unit_id": world.transport.id, "state": expected}).json()
    assert [t["id"] for t in filtered] == [task_id]
    assert api.get("/api/v1/tasks", params={"state": "done"}).status_code == 422


def test_a_document_is_corrected_and_withdrawn_over_the_api(api_as, world):
    api = api_as(world.office)
    document_id = post_report(api).json()["document"]["id"]
    corrected = api.patch(f"/api/v1/documents/{document_id}", json={"region": "凌海市"})
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["document"]["region"]["name"] == "凌海市"
    assert corrected.json()["done"] == ["地区 锦州市 → 凌海市"]
    assert api.patch(f"/api/v1/documents/{document_id}", json={"year": 1999}).status_code == 422
    assert api.post(f"/api/v1/documents/{document_id}/withdraw", json={"reason": ""}).status_code == 422
    county = api_as(world.county)  # reads the document (its region now), may not withdraw it
    assert county.post(f"/api/v1/documents/{document_id}/withdraw", json={"reason": "x"}).status_code == 403
    withdrawn = api.post(f"/api/v1/documents/{document_id}/withdraw", json={"reason": "误导入"})
    assert withdrawn.status_code == 200 and withdrawn.json()["document"]["status"] == "withdrawn"
    assert api.get("/api/v1/documents").json() == []
    assert [d["id"] for d in api.get("/api/v1/documents?status=withdrawn").json()] == [document_id]
    assert api.get("/api/v1/documents?status=x").status_code == 422
    assert api.post(f"/api/v1/documents/{document_id}/withdraw", json={"reason": "再次"}).status_code == 409
