"""Phones and desktops. On a phone (390 px) every GET page of the route table, as one user of every kind
(and nobody), fits the screen, shows lists as cards and speaks Chinese; the navigation is a menu that shows
every entry, and the review queue's 采纳/驳回 sit beside the text they decide. On a desktop (1366 px) the
admin walks every page of the main navigation and none is wider than the screen.

The pages come from the route table and the navigation, so a new page is covered without anyone listing it.
Desktop pages, and phone pages that fail, are photographed (tests/browser/screenshots/)."""

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import SCREENSHOTS
from tests.web.site import Ids, demo_data_words, fill, foreign_words, page_routes
from zhenxing.config import Settings
from zhenxing.db import make_engine, make_sessionmaker
from zhenxing.demo_data import DEMO_PASSWORD, USERS

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The innermost element that sticks out to the right, to name in a failure.
CULPRIT = """() => { const w = document.documentElement.clientWidth;
    const el = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > w + 1
        && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1));
    return el ? el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30) : ''; }"""


def log_in(page: Page, name: str = "admin") -> None:
    page.goto("/login")
    page.get_by_test_id("username").fill(name)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def nav_hrefs(page: Page) -> list[str]:
    return page.eval_on_selector_all("nav.mainnav a", "links => links.map(a => a.getAttribute('href'))")


def _shoot(page: Page, name: str) -> None:
    """Evidence for a failure: the whole page, or the screen alone when the page is too long to shoot in time
    (a failing check must fail on its own message, not on its screenshot)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = str(SCREENSHOTS / f"layout-{name}.png")
    try:
        page.screenshot(path=path, full_page=True, timeout=10_000)
    except PlaywrightTimeout:
        page.screenshot(path=path, timeout=10_000)


def _table_heads_shown(page: Page) -> int:
    return page.eval_on_selector_all(".table-wrap > table > thead",
                                     "heads => heads.filter(h => h.offsetParent !== null).length")


def test_no_page_of_the_navigation_is_wider_than_a_desktop_screen(page: Page):
    """(On a phone every page route is checked, as every kind of user: the test at the end.)"""
    page.set_viewport_size(DESKTOP)
    log_in(page)
    hrefs = nav_hrefs(page)
    assert len(hrefs) >= 10, hrefs
    wide = []
    for href in hrefs:
        page.goto(href)
        page.wait_for_load_state("networkidle")
        _shoot(page, f"desktop-{href.strip('/').replace('/', '-') or 'home'}")
        overflow = page.evaluate(OVERFLOW)
        if overflow > 1:
            culprit = page.evaluate(CULPRIT)
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


# ---- every page route × one persona of each kind, on a phone ------------------------------------------

# Routes that are files or fragments, not pages a person reads: fetched by the tests of their areas.
NOT_PAGES = re.compile(r"\.(xlsx|docx|jsonl|json|xml)$|/photos/|^/task-files/|^/logout$|/_caller$|/_assist$"
                       r"|^/todo/badge$")
SHOWN = """() => [document.body.innerText,
    ...[...document.querySelectorAll('[title],[placeholder],[aria-label],img[alt]')]
    .filter(e => e.offsetParent !== null)
    .flatMap(e => ['title', 'placeholder', 'aria-label', 'alt'].map(a => e.getAttribute(a)).filter(Boolean))]"""


def _kinds_of_persona() -> list[str]:
    """One demo user per role and kind of scope (a county, a department, none), and nobody (public pages)."""
    chosen: dict[tuple[str, str], str] = {}
    for name, role, region, unit in USERS:
        chosen.setdefault((role, "region" if region else "unit" if unit else ""), name)
    return [*chosen.values(), ""]


@pytest.fixture(scope="module")
def page_urls(live_database) -> list[str]:
    from zhenxing.app import create_app

    engine = make_engine(live_database)
    with make_sessionmaker(engine)() as session:
        ids = Ids.of(session)
    engine.dispose()
    app = create_app(Settings(database_url=live_database, demo=True, secret_key="routes-only"))
    urls = [url for route in page_routes(app) for url in fill(route.path, ids)]
    return [url for url in dict.fromkeys(urls) if not NOT_PAGES.search(url)]


@pytest.mark.parametrize("persona", _kinds_of_persona(), ids=lambda name: name or "public")
def test_every_page_on_a_phone_fits_the_screen_and_speaks_chinese(browser, live_server, page_urls, persona):
    """Every GET page of the route table, as each kind of user, at 390 px: nothing wider than the screen,
    and no English or internal word in what the page shows (the allow-list of tests/web/site.py)."""
    context = browser.new_context(base_url=live_server, locale="zh-CN", viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    if persona:
        log_in(page, persona)
    names = demo_data_words()
    problems = []
    for url in page_urls:
        answer = page.goto(url)
        if answer is None or "text/html" not in answer.headers.get("content-type", ""):
            continue
        assert answer.status < 500, f"{url}: {answer.status}"
        overflow = page.evaluate(OVERFLOW)
        if overflow > 1:
            problems.append(f"{url}: {overflow}px wider than the phone（{page.evaluate(CULPRIT)}）")
        if heads := _table_heads_shown(page):
            problems.append(f"{url}: {heads} table head(s) shown on a phone (not cards)")
        problems += [f"{url}: {word}" for word in foreign_words(
            [line for text in page.evaluate(SHOWN) for line in text.split("\n") if line.strip()], names=names)]
        if problems and problems[-1].startswith(f"{url}: "):
            _shoot(page, f"phone-{persona or 'public'}-{url.strip('/').replace('/', '-') or 'home'}")
    context.close()
    assert problems == [], f"{persona or '（未登录）'}:\n" + "\n".join(problems)
