"""Browser journeys: a live uvicorn server in a thread, on a free port, over its own SQLite file
(migrated, with the demo loaded), driven by Debian's Chromium through Playwright.

Every test in this folder is marked `browser`. Without /usr/bin/chromium they skip, unless CI=true.
"""

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy.orm import Session

from tests.conftest import IN_CI
from tests.web.site import demo_database
from zhenxing.config import Settings
from zhenxing.db import make_engine, make_sessionmaker

HERE = Path(__file__).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--lang=zh-CN"]
SCREENSHOTS = HERE / "screenshots"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def chromium() -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    reason = f"Debian Chromium is missing at {CHROMIUM} (apt-get install chromium, or `make browser-deps`)"
    if IN_CI:
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def live_database(tmp_path_factory) -> str:
    """The live server's own SQLite file: a copy of the run's demo city (with a morning's work on top)."""
    return demo_database(tmp_path_factory)


@pytest.fixture
def live_session(live_database) -> Iterator[Session]:
    """A session on the live server's database, for a journey to look up what it needs (read only)."""
    engine = make_engine(live_database)
    with make_sessionmaker(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="session")
def live_server(live_database) -> Iterator[str]:
    from zhenxing.app import create_app

    url = live_database

    app = create_app(Settings(database_url=url, demo=True, secret_key="browser-journey-secret"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the live server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.engine.dispose()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="zh-CN", viewport={"width": 1366, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shot(page, request):
    """shot("name") saves a full-page screenshot as screenshots/<test>-<nn>-<name>.png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    taken = []

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{request.node.name}-{len(taken) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        taken.append(path)
        return path

    return take
