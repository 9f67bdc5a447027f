"""Login, logout and the redirect of anonymous visitors."""

import re

from tests.factories import PASSWORD


def csrf(client) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    answer = client.get("/projects", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login?next=/projects"


def test_logging_in_leads_to_the_requested_page_and_shows_the_user(world, client):
    answer = client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": csrf(client),
                                         "next": "/audit"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/audit"
    page = client.get("/projects")
    assert 'data-testid="current-user"' in page.text and "项目办" in page.text


def test_a_wrong_password_shows_an_error_on_the_login_page(world, client):
    answer = client.post("/login", data={"username": "office", "password": "nope", "csrf_token": csrf(client)})
    assert answer.status_code == 401 and 'data-testid="login-error"' in answer.text


def test_logging_in_starts_a_new_session_with_a_new_csrf_token(world, client):
    before = csrf(client)
    client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": before})
    assert client.post("/logout", data={"csrf_token": before}).status_code == 403


def test_logging_out_ends_the_session(world, client):
    client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": csrf(client)})
    token = csrf(client)
    answer = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    assert client.get("/projects", follow_redirects=False).status_code == 303


def test_logging_out_without_the_csrf_token_is_refused(world, client):
    client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": csrf(client)})
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/projects", follow_redirects=False).status_code == 200


def test_the_navigation_marks_the_current_section(world, client):
    client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": csrf(client)})
    page = client.get("/audit")
    assert re.search(r'class="active" data-testid="nav-audit"', page.text)
    assert not re.search(r'class="active" data-testid="nav-projects"', page.text)
