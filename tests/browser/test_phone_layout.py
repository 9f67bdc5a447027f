"""Journey: the admin (who sees every entry) walks every page of the main navigation on a phone (390 px) and
on a desktop (1366 px). No page is wider than the screen; on the phone the navigation is a menu that shows
every entry, lists and queues are cards, and the review queue's 采纳/驳回 sit beside the text they decide.

The pages come from the navigation itself, so a new entry is covered without anyone listing it. Each page
is photographed at both widths (tests/browser/screenshots/)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENSHOTS
from zhenxing.demo_data import DEMO_PASSWORD

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def log_in(page: Page, name: str = "admin") -> None:
    page.goto("/login")
    page.get_by_test_id("username").fill(name)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def nav_hrefs(page: Page) -> list[str]:
    return page.eval_on_selector_all("nav.mainnav a", "links => links.map(a => a.getAttribute('href'))")


def _shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"layout-{name}.png"), full_page=True)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_page_of_the_navigation_is_wider_than_the_screen(page: Page, size):
    page.set_viewport_size(PHONE if size == "phone" else DESKTOP)
    log_in(page)
    hrefs = nav_hrefs(page)
    assert len(hrefs) >= 10, hrefs
    wide = []
    for href in hrefs:
        page.goto(href)
        page.wait_for_load_state("networkidle")
        _shoot(page, f"{size}-{href.strip('/').replace('/', '-') or 'home'}")
        if size == "phone":  # every list is cards: no table head shows
            heads = page.eval_on_selector_all(".table-wrap > table > thead",
                                              "heads => heads.filter(h => h.offsetParent !== null).length")
            if heads:
                wide.append(f"{href}: {heads} table head(s) shown on a phone (not cards)")
        overflow = page.evaluate(OVERFLOW)
        if overflow > 1:
            culprit = page.evaluate("""() => { const w = document.documentElement.clientWidth;
                const el = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > w + 1
                    && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1));
                return el ? el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30)
                          : ''; }""")
            wide.append(f"{href}: {overflow}px wider（{culprit}）")
    assert wide == [], "\n".join(wide)


def test_on_a_phone_the_navigation_is_a_menu_showing_every_entry(page: Page):
    page.set_viewport_size(PHONE)
    log_in(page)
    hrefs = nav_hrefs(page)
    menu = page.get_by_test_id("nav-menu")
    expect(menu).to_be_visible()
    expect(page.locator("nav.mainnav")).to_be_hidden()
    menu.click()
    _shoot(page, "phone-menu-open")
    for href in hrefs:
        link = page.locator(f'nav.mainnav a[href="{href}"]')
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"{href} is off screen: {box}"
    page.locator('nav.mainnav a[href="/tasks"]').click()
    page.wait_for_url("**/tasks")


@pytest.mark.parametrize("href", ["/projects", "/tasks", "/targets", "/review", "/problems", "/appeals",
                                  "/audit", "/admin/users"])
def test_on_a_phone_lists_and_queues_are_cards_with_their_labels(page: Page, href):
    page.set_viewport_size(PHONE)
    log_in(page)
    page.goto(href)
    row = page.locator(".table-wrap tbody tr:not(:has(td.empty))").first
    expect(row).to_be_visible()
    assert page.locator(".table-wrap thead").first.is_hidden(), f"{href}: the table head still shows"
    box = row.bounding_box()
    assert box["width"] <= PHONE["width"], f"{href}: a row is {box['width']}px wide"
    labelled = row.evaluate("tr => [...tr.cells].filter(td => td.getAttribute('data-label')).length")
    assert labelled >= 2, f"{href}: the cells carry no labels"


def test_on_a_phone_accept_and_reject_sit_beside_the_draft_they_decide(page: Page):
    page.set_viewport_size(PHONE)
    log_in(page, "office")
    page.goto("/review")
    row = page.get_by_test_id("draft-row").first
    quote, accept, reject = row.locator("td.quote"), row.get_by_test_id("accept"), row.get_by_test_id("reject")
    for element in (quote, accept, reject):
        expect(element).to_be_visible()
    _shoot(page, "phone-review-row")
    q, a, r = quote.bounding_box(), accept.bounding_box(), reject.bounding_box()
    assert a["x"] + a["width"] <= PHONE["width"] and r["x"] + r["width"] <= PHONE["width"]
    row_box = row.bounding_box()
    assert row_box["y"] <= q["y"] and a["y"] + a["height"] <= row_box["y"] + row_box["height"]
    assert a["y"] - (q["y"] + q["height"]) < 400, "采纳 is far from the text it decides"


def test_at_1366_px_the_task_status_filter_shows_its_whole_label(page: Page):
    page.set_viewport_size(DESKTOP)
    log_in(page, "office")
    page.goto("/tasks")
    select = page.locator("select[name=status]").first
    expect(select).to_be_visible()
    width = select.bounding_box()["width"]
    needed = page.evaluate("""() => { const s = document.querySelector('select[name=status]');
        const c = document.createElement('canvas').getContext('2d'); c.font = getComputedStyle(s).font;
        return Math.max(...[...s.options].map(o => c.measureText(o.text).width)); }""")
    assert width >= needed + 24, f"status select is {width}px for labels up to {needed}px"
