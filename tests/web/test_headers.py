"""Security headers (issue 6, item 10): CSP that allows only this server's scripts, no framing, nosniff,
a same-origin referrer; the error page does not reflect the Referer header; CSRF refusals are logged under
the signed-in user."""

import base64
import hashlib
import re

from sqlalchemy import select

from zhenxing import audit
from zhenxing.web.headers import CSP


def test_every_kind_of_response_carries_the_headers(client, api_as, world):
    for answer in (client.get("/login"), client.get("/static/app.js"), api_as(world.office).get("/api/v1/me"),
                   client.get("/api/v1/projects"), client.get("/no-such-page")):
        assert answer.headers["content-security-policy"] == CSP
        assert "frame-ancestors 'none'" in CSP and "script-src 'self';" in CSP
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "same-origin"


def test_no_page_runs_inline_script_so_the_policy_holds(page_as, world):
    browser, _ = page_as(world.office)
    for url in ("/projects", "/targets", "/review", "/audit", "/appeals", "/documents"):
        page = browser.get(url).text
        assert not re.search(r"<script>(?!\s*</script>)", page), url
        assert not re.search(r"\son[a-z]+=\"", page), f"{url}: an inline event handler (blocked by the CSP)"


def test_the_api_docs_page_allows_its_one_inline_script_by_hash(client):
    answer = client.get("/api/docs")
    [inline] = re.findall(r"<script>(.*?)</script>", answer.text, re.S)
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]


def test_the_error_page_does_not_reflect_the_referer(page_as, world):
    browser, _ = page_as(world.leader)
    answer = browser.get("/projects/import", headers={"Referer": "https://evil.example/phish\"><b>x"})
    assert answer.status_code == 403
    assert "evil.example" not in answer.text


def test_a_csrf_refusal_is_logged_under_the_signed_in_user(page_as, world, sessions):
    browser, _ = page_as(world.office)
    answer = browser.post("/account/password", data={"csrf_token": "forged", "password": "x"})
    assert answer.status_code == 403
    with sessions() as session:
        denied = session.scalars(select(audit.AuditEvent).where(audit.AuditEvent.action == "denied")).all()
    assert [event.actor_name for event in denied] == ["office"]


def test_every_page_says_it_is_a_demo_in_demo_mode(client, page_as, world):
    assert 'data-testid="demo-banner"' in client.get("/login").text
    browser, _ = page_as(world.office)
    for url in ("/projects", "/projects/999999"):
        assert "演示环境" in browser.get(url).text


def test_outside_demo_mode_there_is_no_banner(database_url, sessions):
    from fastapi.testclient import TestClient

    from zhenxing.app import create_app
    from zhenxing.config import Settings

    app = create_app(Settings(database_url=database_url, demo=False, secret_key="k3Jx9-vQ2mZr8LwT4yHc7NpB1sFd6GaE0"))
    with TestClient(app) as client:
        assert "演示环境" not in client.get("/login").text
