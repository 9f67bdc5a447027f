"""Journey: 市交通运输局 reports a month's progress on its task and asks for 销号 with evidence; the 督查室
refuses it once with a reason, the unit asks again, the office confirms; an overdue task of the demo has
reached 督办 (its 督办单 downloads) and the month's 督查通报 downloads and opens (LibreOffice prints it).
Desktop and phone-width (390 px) screenshots."""

from pathlib import Path

from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.outputs.printing import pdf_text, printed
from zhenxing.demo_data import DEMO_PASSWORD
from zhenxing.tasks.models import Task

EVIDENCE = {"name": "开工报告.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n% journey evidence\n"}


def log_in(browser, live_server, name: str, width: int = 1366) -> Page:
    context = browser.new_context(base_url=live_server, locale="zh-CN", viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/")
    page.get_by_test_id("username").fill(name)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    return page


def task_named(session, text: str) -> Task:
    return session.scalars(select(Task).where(Task.content.contains(text))).first()


def ask_for_closure(page: Page, task: Task, note: str) -> None:
    page.goto(f"/tasks/{task.id}")
    page.get_by_test_id("closure-note").fill(note)
    page.get_by_test_id("closure-files").set_input_files([EVIDENCE])
    page.get_by_test_id("closure-submit").click()
    expect(page.get_by_test_id("task-state")).to_have_text("待销号")


def test_a_unit_reports_and_closes_a_task_and_the_office_refuses_once_then_confirms(browser, live_server,
                                                                                   live_session, request):
    task = task_named(live_session, "锦州港30万吨级航道")
    unit = log_in(browser, live_server, "jiaotong")
    unit.goto("/supervision")
    expect(unit.get_by_test_id("lead-tasks")).to_contain_text("锦州港30万吨级航道")
    unit.screenshot(path=str(_path(request, "unit-my-tasks")), full_page=True)
    unit.goto(f"/tasks/{task.id}")
    unit.get_by_test_id("report-progress").fill("航道疏浚工程已开工，完成疏浚量30%")
    unit.get_by_test_id("report-percent").fill("95")
    unit.get_by_test_id("report-submit").click()
    expect(unit.get_by_test_id("flash")).to_contain_text("进展已报送")
    ask_for_closure(unit, task, "二期工程已开工建设，附开工报告")
    unit.screenshot(path=str(_path(request, "unit-asked-closure")), full_page=True)

    office = log_in(browser, live_server, "ducha")
    office.goto(f"/tasks/{task.id}")
    office.get_by_test_id("decision-reason").fill("请补充监理单位的开工确认")
    office.get_by_test_id("decision-refuse").click()
    expect(office.get_by_test_id("flash")).to_contain_text("已退回")
    expect(office.get_by_test_id("task-state")).not_to_have_text("待销号")
    expect(office.get_by_test_id("closure").first).to_contain_text("请补充监理单位的开工确认")

    ask_for_closure(unit, task, "已补充监理单位开工确认单")
    office.goto(f"/tasks/{task.id}")
    office.get_by_test_id("decision-confirm").click()
    expect(office.get_by_test_id("task-state")).to_have_text("已销号")
    office.screenshot(path=str(_path(request, "office-confirmed")), full_page=True)

    phone = log_in(browser, live_server, "jiaotong", width=390)
    phone.goto(f"/tasks/{task.id}")
    expect(phone.get_by_test_id("task-state")).to_have_text("已销号")
    phone.screenshot(path=str(_path(request, "phone-task")), full_page=True)
    phone.goto("/supervision")
    phone.screenshot(path=str(_path(request, "phone-my-tasks")), full_page=True)


def test_an_overdue_task_is_escalated_and_the_bulletin_downloads_and_opens(browser, live_server, live_session,
                                                                          request):
    late = task_named(live_session, "改造老旧小区")
    office = log_in(browser, live_server, "ducha")
    office.goto("/supervision")
    queue = office.get_by_test_id("escalation-queue")
    expect(queue).to_contain_text(late.code)
    expect(queue).to_contain_text("督办〔")
    expect(office.get_by_test_id("late-tasks")).to_contain_text("改造老旧小区")
    office.screenshot(path=str(_path(request, "office-board")), full_page=True)
    with office.expect_download() as notice:
        office.get_by_test_id("escalation-queue").get_by_test_id("notice-download").first.click()
    assert notice.value.suggested_filename.startswith("督办单督办〔")
    with office.expect_download() as bulletin:
        office.get_by_test_id("bulletin-download").click()
    data = Path(bulletin.value.path()).read_bytes()
    assert bulletin.value.suggested_filename.startswith("督查通报") and data[:2] == b"PK"
    text = pdf_text(printed(data))
    assert "滞后任务及责任单位" in text and "督办事项" in text

    phone = log_in(browser, live_server, "ducha", width=390)
    phone.goto("/supervision")
    phone.screenshot(path=str(_path(request, "phone-board")), full_page=True)
    leader = log_in(browser, live_server, "leader")
    leader.goto("/supervision")
    expect(leader.get_by_test_id("target-grid")).to_contain_text("地区生产总值")
    expect(leader.get_by_test_id("leader-late-tasks")).to_contain_text("改造老旧小区")
    leader.screenshot(path=str(_path(request, "leader-screen")), full_page=True)


def _path(request, name: str):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / f"{request.node.name}-{name}.png"
