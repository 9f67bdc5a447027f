"""Journey: a county user (凌海市) files this month's reports by Excel; the office recomputes the lights, opens
the league, runs the dispatch meeting (records a decision), downloads the pack, and the leader's screen
and a field review read on a phone (390 px). Screenshots in tests/browser/screenshots/."""

from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from zhenxing.demo_data import DEMO_PASSWORD

SCREENSHOTS = Path(__file__).parent / "screenshots"


def snap(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"dispatch-{name}.png"), full_page=True)


def log_in(page: Page, name: str) -> None:
    page.goto("/")
    page.get_by_test_id("username").fill(name)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def test_reports_by_excel_lights_league_meeting_and_pack(page: Page, shot, browser, live_server, tmp_path: Path):
    log_in(page, "linghai")
    page.goto("/reports")
    with page.expect_download() as template:
        page.get_by_test_id("template-link").click()
    book = load_workbook(BytesIO(Path(template.value.path()).read_bytes()))
    sheet = book.active
    header = [cell.value for cell in sheet[2]]
    amount = header.index("本月完成投资(万元)") + 1
    progress = header.index("形象进度") + 1
    rows = 0
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, 2).value:
            sheet.cell(row, amount).value = 800 + row
            sheet.cell(row, progress).value = "主体结构施工，设备进场"
            rows += 1
    assert rows > 0
    filled = tmp_path / "月报.xlsx"
    book.save(filled)
    page.get_by_test_id("report-file").set_input_files(str(filled))
    page.get_by_test_id("report-import").click()
    expect(page.get_by_test_id("flash")).to_contain_text("导入完成")
    shot("county-reports-imported")

    office_context = browser.new_context(base_url=live_server, locale="zh-CN", viewport={"width": 1366, "height": 900})
    office = office_context.new_page()
    log_in(office, "office")
    office.goto("/lights")
    office.get_by_test_id("compute-lights").click()
    expect(office.get_by_test_id("flash")).to_contain_text("已计算")
    snap(office, "02-lights")
    office.goto("/league")
    expect(office.get_by_text("赛马")).not_to_have_count(0)
    snap(office, "03-league")

    office.goto("/meetings")
    office.get_by_test_id("create-meeting").click()
    expect(office.get_by_test_id("meeting-headline")).to_contain_text("完成投资")
    office.get_by_test_id("decision-text").fill("市交通运输局10月底前协调解决进场道路问题")
    office.get_by_test_id("decision-unit").select_option(label="市交通运输局")
    office.get_by_test_id("add-decision").click()
    expect(office.get_by_test_id("meeting-decisions")).to_contain_text("协调解决进场道路问题")
    with office.expect_download() as pack:
        office.get_by_test_id("pack-docx").click()
    assert Path(pack.value.path()).read_bytes()[:2] == b"PK"
    assert pack.value.suggested_filename.endswith("重点项目推进情况通报.docx")
    snap(office, "04-meeting")

    office.goto("/dashboard")
    expect(office.get_by_test_id("headline")).to_contain_text("完成投资")
    office.wait_for_timeout(500)
    snap(office, "05-dashboard")
    office.set_viewport_size({"width": 390, "height": 844})
    office.goto("/dashboard")
    office.wait_for_timeout(500)
    snap(office, "06-dashboard-390")
    office.goto("/field-reviews")
    office.get_by_test_id("review-row").first.get_by_role("link").click()
    expect(office.get_by_test_id("review-ranking")).to_contain_text("1")
    snap(office, "07-review-390")
    office_context.close()
