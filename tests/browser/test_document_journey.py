"""Journey: the office opens the demo's sample report, pastes a new work report, reviews its drafts
(bulk accept, one edited task) and downloads the task decomposition table."""

from io import BytesIO

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.factories import REPORT
from zhenxing.demo_data import DEMO_PASSWORD
from zhenxing.documents.sample import SAMPLE_TITLE


def log_in(page: Page) -> None:
    page.goto("/documents")
    page.get_by_test_id("username").fill("office")
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_contain_text("项目办")


def test_the_office_reads_a_report_reviews_its_drafts_and_exports_the_tasks(page: Page, shot):
    log_in(page)
    page.goto("/documents")
    expect(page.get_by_test_id("document-table")).to_contain_text(SAMPLE_TITLE)
    shot("documents")

    page.get_by_test_id("document-link").filter(has_text=SAMPLE_TITLE).click()
    fact = page.get_by_test_id("fact").first
    fact.hover()
    expect(fact.locator(".fact-card")).to_be_visible()
    shot("sample-highlighted")

    page.goto("/documents")
    page.get_by_test_id("ingest-year").fill("2025")
    page.get_by_test_id("ingest-text").fill(REPORT)
    page.get_by_test_id("ingest-submit").click()
    expect(page.get_by_test_id("ingest-done")).to_be_visible()
    expect(page.get_by_test_id("document-title")).to_have_text("2025年测试市政府工作报告")
    page.locator(".fact.target").first.click()
    expect(page.locator(".fact.target .fact-card").first).to_be_visible()
    shot("new-document")

    page.get_by_test_id("review-document").click()
    page.get_by_test_id("kind-target").click()
    rows = page.get_by_test_id("draft-row")
    expect(rows.first).to_be_visible()
    pending = rows.count()
    page.get_by_test_id("draft-check").nth(0).check()
    page.get_by_test_id("draft-check").nth(1).check()
    shot("queue-checked")
    page.get_by_test_id("bulk-accept").click()
    expect(page.get_by_test_id("flash")).to_have_text("已采纳 2 条")
    expect(page.get_by_test_id("draft-row")).to_have_count(pending - 2)

    page.get_by_test_id("kind-project").click()
    matched = page.get_by_test_id("draft-row").filter(has_text="锦州石化40万吨针状焦项目")
    expect(matched.get_by_test_id("project-match")).to_contain_text("锦州石化40万吨针状焦")
    shot("projects")
    matched.get_by_test_id("accept").click()
    expect(page.get_by_test_id("flash")).to_be_visible()
    expect(page.get_by_test_id("draft-row").filter(has_text="锦州石化40万吨针状焦项目")).to_have_count(0)

    page.get_by_test_id("kind-task").click()
    page.get_by_test_id("draft-row").filter(has_text="养老").get_by_test_id("edit").click()
    page.get_by_test_id("draft-leader").fill("李建华")
    page.get_by_test_id("draft-partner_units").fill("市财政局")
    shot("edit-task")
    page.get_by_test_id("save-accept").click()
    expect(page.get_by_test_id("flash")).to_be_visible()

    page.get_by_test_id("nav-tasks").click()
    expect(page.get_by_test_id("task-table")).to_contain_text("李建华")
    shot("tasks")
    with page.expect_download() as download:
        page.get_by_test_id("export-tasks").click()
    assert download.value.suggested_filename == "任务分解表.xlsx"
    sheet = load_workbook(BytesIO(download.value.path().read_bytes())).active
    assert sheet["A1"].value.endswith("政府工作报告重点任务分解表") and sheet["B2"].value == "任务内容"
    leaders = [row[4] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert any((leader or "").split("（")[0] == "李建华" for leader in leaders), leaders

    page.get_by_test_id("nav-targets").click()
    expect(page.get_by_test_id("target-row").first).to_be_visible()
    shot("targets")
