"""The document date, the confidence order and the stance examples over the API, the pages and the CLI."""

from sqlalchemy import select

from tests.factories import REPORT, make_document
from zhenxing.documents.models import Document, Draft, StanceExample

HEADED = "政府工作报告\n——2025年1月8日在测试市第十七届人民代表大会第四次会议上\n" + REPORT


def figure(session, contains):
    return next(d for d in session.scalars(select(Draft).where(Draft.kind == "target")) if contains in d.quote)


def test_the_api_takes_a_date_and_reports_where_a_document_s_date_came_from(api_as, world):
    api = api_as(world.office)
    given = api.post("/api/v1/documents", json={"text": REPORT, "year": 2025, "date": "2025-01-09"})
    assert given.status_code == 201 and given.json()["document"]["dated"] == "2025-01-09"
    found = api.post("/api/v1/documents", json={"text": HEADED, "year": 2025}).json()["document"]
    assert (found["dated"], found["date_source"]) == ("2025-01-08", "header")
    wrong = api.post("/api/v1/documents", json={"text": REPORT + "。", "year": 2025, "date": "2025-13-01"})
    assert wrong.status_code == 422 and wrong.json()["field"] == "date"


def test_the_api_queue_orders_by_confidence_and_bounds_it(api_as, world, session):
    make_document(session, actor=world.office)
    api = api_as(world.office)
    ordered = api.get("/api/v1/review", params={"order": "confidence"}).json()
    assert [d["confidence"] for d in ordered] == sorted(d["confidence"] for d in ordered)
    doubtful = api.get("/api/v1/review", params={"max_confidence": 0.7}).json()
    assert all(d["confidence"] <= 0.7 for d in doubtful)
    assert api.get("/api/v1/review", params={"max_confidence": 3}).status_code == 422
    assert api.get("/api/v1/review", params={"order": "random"}).status_code == 422


def test_switching_a_stance_over_the_api_keeps_an_example_listed_and_deletable(api_as, world, session):
    make_document(session, actor=world.office)
    api = api_as(world.office)
    draft = figure(session, "口袋公园")
    switched = api.post(f"/api/v1/review/{draft.id}/switch-stance")
    assert switched.status_code == 200 and switched.json()["kind"] == "reading"
    [example] = api.get("/api/v1/review/examples").json()
    assert example["record"]["stance"] == "actual" and example["engine_stance"] == "target"
    assert api_as(world.leader).get("/api/v1/review/examples").status_code == 403
    assert api.delete(f"/api/v1/review/examples/{example['id']}").status_code == 204
    assert api.get("/api/v1/review/examples").json() == []


def test_the_queue_page_shows_confidence_and_can_show_the_doubtful_first(page_as, world, session):
    make_document(session, actor=world.office)
    client, _ = page_as(world.office)
    page = client.get("/review", params={"order": "confidence", "doubtful": "1"}).text
    assert 'data-testid="draft-confidence"' in page and 'data-testid="select-sure"' in page
    assert "存疑优先" in page and "只看存疑" in page


def test_the_draft_page_switches_a_stance_and_the_examples_page_lists_and_exports_it(page_as, world, session):
    make_document(session, actor=world.office)
    client, token = page_as(world.office)
    draft = figure(session, "口袋公园")
    assert 'data-testid="switch-stance"' in client.get(f"/review/{draft.id}").text
    answer = client.post(f"/review/{draft.id}/switch-stance", data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303
    listing = client.get("/review/examples").text
    assert 'data-testid="example-row"' in listing and "口袋公园" in listing
    lines = client.get("/review/examples.jsonl").text.splitlines()
    assert len(lines) == 1 and '"stance": "actual"' in lines[0]
    with session.begin_nested():
        assert session.scalar(select(StanceExample)) is not None


def test_the_upload_form_takes_a_date_and_the_document_page_shows_it(page_as, world, session):
    client, token = page_as(world.office)
    answer = client.post("/documents", data={"csrf_token": token, "text": REPORT, "year": "2025",
                                             "date": "2025-01-09"})
    assert answer.status_code == 200 and "文件日期 2025-01-09（指定）" in answer.text
    refused = client.post("/documents", data={"csrf_token": token, "text": REPORT + "。", "year": "2025",
                                              "date": "1月9日"})
    assert refused.status_code == 422 and "文件日期“1月9日”无效" in refused.text


def test_the_ingest_command_takes_a_date_and_says_the_date_it_used(cli, world, sessions, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(HEADED, encoding="utf-8")
    done = cli("ingest", path, "--year", 2025)
    assert done.exit_code == 0 and "文件日期 2025-01-08（文头）" in done.output
    other = tmp_path / "另一份.txt"
    other.write_text(REPORT, encoding="utf-8")
    wrong = cli("ingest", other, "--year", 2025, "--date", "2025/01/09")
    assert wrong.exit_code != 0 and "日期“2025/01/09”无效" in wrong.output
    with sessions() as fresh:
        assert len(list(fresh.scalars(select(Document)))) == 1
