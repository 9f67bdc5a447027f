"""Journey: the project office logs in, creates a project (correcting a mistake the form points out),
imports a ledger from Excel and finds the imported project in the list."""

import re
from pathlib import Path

from openpyxl import Workbook
from playwright.sync_api import Page, expect

from zhenxing.demo_data import DEMO_PASSWORD

NEW_NAME = "锦州港智慧物流园区（浏览器测试）"
IMPORTED_NAME = "凌海市海上风电装备产业园（导入）"


def ledger_file(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "项目台账"
    sheet.append(["项目编号", "项目名称", "所在地区", "项目阶段", "总投资(万元)"])
    sheet.append(["E2E-IMPORT-001", IMPORTED_NAME, "凌海市", "签约", 86000])
    path = folder / "台账.xlsx"
    book.save(path)
    return path


def log_in(page: Page, name: str, shot) -> None:
    page.goto("/projects")
    expect(page.get_by_test_id("login-submit")).to_be_visible()
    shot("login")
    page.get_by_test_id("username").fill(name)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_contain_text("项目办")


def test_the_office_creates_a_project_then_imports_a_ledger(page: Page, shot, tmp_path):
    log_in(page, "office", shot)
    expect(page.get_by_test_id("project-table")).to_be_visible()
    shot("list")

    page.get_by_test_id("new-project").click()
    page.get_by_test_id("field-code").fill("E2E-NEW-001")
    page.get_by_test_id("field-total_investment").fill("-100")
    region = page.get_by_test_id("field-region_id")
    region.select_option(region.locator("option", has_text="凌海市").first.get_attribute("value"))
    page.get_by_test_id("project-save").click()
    expect(page.get_by_test_id("error-name")).to_have_text("必填")
    expect(page.get_by_test_id("error-total_investment")).to_have_text("不能为负数")
    expect(page.get_by_test_id("field-code")).to_have_value("E2E-NEW-001")
    shot("form-errors")

    page.get_by_test_id("field-name").fill(NEW_NAME)
    page.get_by_test_id("field-total_investment").fill("26000")
    page.get_by_test_id("project-save").click()
    expect(page.get_by_test_id("project-name")).to_contain_text(NEW_NAME)
    expect(page.get_by_test_id("timeline")).to_be_visible()
    expect(page.get_by_test_id("history")).to_contain_text("新建项目 E2E-NEW-001")
    shot("project")

    page.get_by_test_id("nav-import").click()
    ledger = str(ledger_file(tmp_path))
    page.get_by_test_id("import-file").set_input_files(ledger)
    page.get_by_test_id("import-submit").click()  # the page previews first ("只检查" is ticked)
    expect(page.get_by_test_id("import-summary")).to_contain_text("预览")
    expect(page.get_by_test_id("import-created")).to_have_text("1")
    shot("import-preview")
    page.get_by_test_id("import-dry-run").uncheck()
    page.get_by_test_id("import-file").set_input_files(ledger)
    page.get_by_test_id("import-submit").click()
    expect(page.get_by_test_id("import-summary")).to_contain_text("导入完成")
    expect(page.get_by_test_id("import-created")).to_have_text("1")
    shot("import")

    page.get_by_test_id("nav-projects").click()
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_test_id("filter-q").fill("海上风电")  # HTMX swaps the results in as one types
    rows = page.get_by_test_id("project-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(IMPORTED_NAME)
    expect(page.get_by_test_id("total-count")).to_have_text("1")
    expect(page).to_have_url(re.compile(r"q=%E6%B5%B7"))
    assert page.evaluate("window.stillTheSamePage") is True, "the list should update in place, not reload"
    shot("search")

    rows.first.get_by_test_id("project-link").click()
    expect(page.get_by_test_id("project-stage")).to_have_text("签约")
    expect(page.get_by_test_id("history")).to_contain_text("导入")
    shot("imported-project")

    page.get_by_test_id("nav-audit").click()
    expect(page.get_by_test_id("audit-table")).to_contain_text("E2E-NEW-001")
    shot("audit")
