"""The dispatch pages as a user sees them on a desktop (1366 px): every table's head cells stand over its
body cells (a table laid out as a flex box once drew each row at its own widths), and the league's fifteen
columns fit the screen. Screenshots in tests/browser/screenshots/dispatch-layout-*.png."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENSHOTS
from zhenxing.demo_data import DEMO_PASSWORD

# For every visible table: the left edge of each head cell and of each cell of every body row.
EDGES = """() => [...document.querySelectorAll('table')].filter(t => t.offsetParent !== null).map(t => ({
    id: t.dataset.testid || t.className,
    head: [...t.querySelectorAll(':scope > thead > tr:first-child > th')]
        .map(c => Math.round(c.getBoundingClientRect().left)),
    rows: [...t.querySelectorAll(':scope > tbody > tr')].filter(r => r.children.length > 1)
        .map(r => [...r.children].map(c => Math.round(c.getBoundingClientRect().left))),
}))"""

PAGES = ["/league", "/league?kind=unit", "/lights", "/reports", "/problems", "/meetings", "/field-reviews",
         "/dashboard"]


def log_in(page: Page, name: str = "office") -> None:
    page.goto("/login")
    page.get_by_test_id("username").fill(name)
    page.get_by_test_id("password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def misaligned(page: Page) -> list[str]:
    found = []
    for table in page.evaluate(EDGES):
        if not table["head"]:
            continue
        for number, row in enumerate(table["rows"], start=1):
            if len(row) == len(table["head"]) and any(abs(a - b) > 1 for a, b in zip(row, table["head"], strict=True)):
                found.append(f"{table['id']} row {number}: head {table['head']} cells {row}")
    return found


def test_league_columns_stand_under_their_headings_at_1366(page: Page):
    log_in(page)
    page.goto("/league")
    headings = page.get_by_test_id("league-heading")
    rows = page.get_by_test_id("league-row")
    expect(rows.first).to_be_visible()
    heads = [box["x"] for box in (headings.nth(i).bounding_box() for i in range(headings.count()))]
    assert len(heads) > 8
    for r in range(rows.count()):
        cells = rows.nth(r).locator(":scope > td")
        assert cells.count() == len(heads)
        xs = [cells.nth(i).bounding_box()["x"] for i in range(cells.count())]
        assert all(abs(x - h) <= 1 for x, h in zip(xs, heads, strict=True)), (r, heads, xs)
    table = page.get_by_test_id("league-table").bounding_box()
    assert table["x"] + table["width"] <= 1366, table  # fifteen columns, no sideways scrolling
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dispatch-layout-league-1366.png"), full_page=True)


def test_every_dispatch_table_lines_up_at_1366(page: Page):
    log_in(page)
    wrong = []
    for href in PAGES:
        page.goto(href)
        page.wait_for_load_state("networkidle")
        wrong += [f"{href}: {line}" for line in misaligned(page)]
    page.goto("/meetings")
    page.get_by_test_id("meeting-table").locator("a").first.click()
    wrong += [f"meeting: {line}" for line in misaligned(page)]
    page.goto("/field-reviews")
    page.locator("main table a").first.click()
    wrong += [f"field review: {line}" for line in misaligned(page)]
    assert wrong == [], "\n".join(wrong)
