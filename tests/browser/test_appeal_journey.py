"""Journey: a citizen reports a broken road on a phone-sized page → the 12345 centre dispatches it → the unit
returns it → the centre re-dispatches it to the county → the county replies → the citizen rates 不满意 →
it is reopened → replied again → the citizen rates 满意 → the centre closes it."""

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SCREENSHOTS
from zhenxing.demo_data import DEMO_PASSWORD

PHONE = {"width": 390, "height": 844}


def snap(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"appeal-journey-{name}.png"), full_page=True)


def staff(browser: Browser, live_server: str, user: str) -> Page:
    context = browser.new_context(base_url=live_server, locale="zh-CN", viewport={"width": 1366, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login")
    page.get_by_test_id("username").fill(user)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    return page


def act(page: Page, event: str, **fields: str) -> None:
    form = page.get_by_test_id(f"action-{event}")
    for testid, value in fields.items():
        control = form.get_by_test_id(testid)
        if control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    form.get_by_test_id(f"do-{event}").click()


def track(citizen: Page, number: str) -> None:
    citizen.goto("/public/appeals/track")
    citizen.get_by_test_id("tracking-no").fill(number)
    citizen.get_by_test_id("last4").fill("5678")
    citizen.get_by_test_id("track").click()


def test_a_citizen_report_goes_round_the_whole_loop(browser: Browser, live_server: str):
    phone = browser.new_context(base_url=live_server, locale="zh-CN", viewport=PHONE, is_mobile=True,
                                has_touch=True)
    phone.set_default_timeout(15_000)
    citizen = phone.new_page()
    citizen.goto("/public/appeals/new")
    citizen.get_by_test_id("channel").select_option("snapshot")
    citizen.get_by_test_id("category").select_option(label="道路破损")
    citizen.get_by_test_id("description").fill("凌海市人民路与解放路交叉口路面塌陷，有一个大坑，晚上很危险")
    citizen.get_by_test_id("address").fill("凌海市金城街道人民路88号")
    citizen.get_by_test_id("name").fill("赵女士")
    citizen.get_by_test_id("phone").fill("13912345678")
    assert citizen.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    snap(citizen, "01-phone-form")
    citizen.get_by_test_id("submit").click()
    number = citizen.get_by_test_id("tracking-no").inner_text().strip()
    assert len(number) == 14
    snap(citizen, "02-phone-received")

    centre = staff(browser, live_server, "hotline")
    centre.goto(f"/appeals?queue=new&q={number}")
    centre.get_by_role("link", name=number).click()
    expect(centre.get_by_test_id("appeal-status")).to_have_text("已受理")
    expect(centre.get_by_test_id("requester-phone")).to_have_text("13912345678")  # the centre sees it whole
    act(centre, "dispatch", **{"dispatch-unit": "市交通运输局"})
    expect(centre.get_by_test_id("appeal-status")).to_have_text("已派单")
    expect(centre.get_by_test_id("handler")).to_have_text("市交通运输局")
    snap(centre, "03-centre-dispatched")
    appeal_url = centre.url

    unit = staff(browser, live_server, "jiaotong")
    unit.goto(appeal_url)
    act(unit, "return", **{"reason-return": "路面塌陷系地下管网破损，属县区市政管理，请改派"})
    expect(unit.get_by_test_id("appeal-status")).to_have_text("退单待审")
    snap(unit, "04-unit-returned")

    centre.goto(appeal_url)
    centre.get_by_test_id("action-dispatch").locator("select[name=handler_region_id]").select_option(label="凌海市")
    centre.get_by_test_id("do-dispatch").first.click()
    expect(centre.get_by_test_id("handler")).to_have_text("凌海市（兜底）")
    expect(centre.get_by_test_id("timeline")).to_contain_text("退单")

    county = staff(browser, live_server, "linghai")
    county.goto(appeal_url)
    act(county, "accept")
    expect(county.get_by_test_id("appeal-status")).to_have_text("办理中")
    act(county, "reply", **{"reply-result": "已解决", "reply-text": "经现场核查，已组织市政维修队回填塌陷路面。"})
    expect(county.get_by_test_id("appeal-status")).to_have_text("已答复")
    snap(county, "05-county-replied")

    track(citizen, number)
    expect(citizen.get_by_test_id("public-reply")).to_contain_text("回填塌陷路面")
    citizen.get_by_test_id("level-4").check()
    snap(citizen, "06-phone-rating")
    citizen.get_by_test_id("rate").click()
    expect(citizen.get_by_test_id("public-status")).to_have_text("重办中")
    snap(citizen, "07-phone-reopened")

    county.goto(appeal_url)
    expect(county.get_by_test_id("appeal-status")).to_have_text("重办中")
    act(county, "reply", **{"reply-result": "已解决", "reply-text": "重办：已重新铺设沥青并设置警示标志，路面平整。"})
    expect(county.get_by_test_id("appeal-status")).to_have_text("已答复")

    track(citizen, number)
    citizen.get_by_test_id("level-2").check()
    citizen.get_by_test_id("rate").click()
    expect(citizen.get_by_test_id("public-status")).to_have_text("已评价")

    centre.goto(appeal_url)
    act(centre, "close")
    expect(centre.get_by_test_id("appeal-status")).to_have_text("已办结")
    steps = centre.get_by_test_id("timeline-entry").all_inner_texts()
    kinds = [next((word for word in ("受理诉求", "派单", "退单", "签收", "答复", "评价", "办结") if word in s), "")
             for s in steps]
    assert [k for k in kinds if k] == ["受理诉求", "派单", "退单", "派单", "签收", "答复", "评价", "答复", "评价",
                                       "办结"]
    snap(centre, "08-centre-closed")

    track(citizen, number)
    expect(citizen.get_by_test_id("public-status")).to_have_text("已办结")
    snap(citizen, "09-phone-closed")
    for context in (phone, centre.context, unit.context, county.context):
        context.close()
    assert Path(SCREENSHOTS / "appeal-journey-09-phone-closed.png").exists()
