"""Signing in: bearer tokens, the session cookie with its CSRF token, the audit endpoint and its trail."""

import hashlib
import re

import pytest
from sqlalchemy import select

from tests.factories import PASSWORD
from zhenxing.audit import AuditEvent, record
from zhenxing.auth import service as accounts
from zhenxing.auth.models import ApiToken, User

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(client) -> str:
    page = client.get("/login")
    assert page.status_code == 200
    return CSRF.search(page.text).group(1)


def log_in(client, name: str, password: str = PASSWORD, next_: str = "/projects"):
    form = {"username": name, "password": password, "csrf_token": csrf_of(client), "next": next_}
    return client.post("/login", data=form, follow_redirects=False)


def events(sessions, action: str) -> list[AuditEvent]:
    with sessions() as fresh:
        return list(fresh.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


# ---- bearer tokens ---------------------------------------------------------------------------------

def test_a_bearer_token_acts_as_its_user(api_as, world):
    assert api_as(world.county).get("/api/v1/me").json() == {"id": world.county.id, "name": "linghai",
                                                               "role": "unit"}


@pytest.mark.parametrize("header", ["Bearer zx_not-a-token", "Bearer ", "Basic b2ZmaWNlOng=", "zx_abc"])
def test_an_unknown_or_malformed_token_is_401(client, world, header):
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["message"].startswith("需要登录或 API 令牌")


def test_only_the_hash_of_a_token_is_stored_and_its_creation_is_audited(session, sessions, world):
    token = accounts.create_token(session, "office")
    session.commit()
    stored = session.scalars(select(ApiToken.token_hash)).all()
    assert token.startswith("zx_") and token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() in stored
    assert [e.summary for e in events(sessions, "create") if e.entity == "api_token"] == ["为 office 创建 API 令牌"]


def test_a_token_of_a_deactivated_user_stops_working(api_as, world, sessions):
    api = api_as(world.office)
    assert api.get("/api/v1/me").status_code == 200
    with sessions() as session, session.begin():
        session.get(User, world.office.id).active = False
    assert api.get("/api/v1/me").status_code == 401


def test_a_bearer_client_needs_no_csrf_token_for_writes(api_as, world):
    response = api_as(world.office).post("/api/v1/projects", json={"code": "B-1", "name": "令牌新建项目",
                                                                   "region_id": world.city.id})
    assert response.status_code == 201


# ---- the session cookie ----------------------------------------------------------------------------

def test_logging_in_sets_the_cookie_audits_the_login_and_opens_the_api(client, world, sessions):
    response = log_in(client, "office", next_="/audit")
    assert response.status_code == 303 and response.headers["location"] == "/audit"
    assert "zhenxing_session" in response.cookies
    [login] = events(sessions, "login")
    assert (login.actor_id, login.actor_name, login.entity_id) == (world.office.id, "office", world.office.id)
    assert client.get("/api/v1/me").json()["name"] == "office"


def test_a_wrong_password_is_refused_audited_and_opens_nothing(client, world, sessions):
    response = log_in(client, "office", password="wrong-password")
    assert response.status_code == 401 and "用户名或密码错误" in response.text
    [failed] = events(sessions, "login_failed")
    assert failed.actor_id is None and "office" in failed.summary
    assert events(sessions, "login") == []
    assert client.get("/api/v1/me").status_code == 401


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(client, world):
    assert "用户名或密码错误" in log_in(client, "nobody").text


def test_a_login_form_without_its_csrf_token_is_refused(client, world, sessions):
    response = client.post("/login", data={"username": "office", "password": PASSWORD, "csrf_token": "forged"})
    assert response.status_code == 403
    assert events(sessions, "login") == []


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "javascript:alert(1)"])
def test_login_never_redirects_off_site(client, world, target):
    assert log_in(client, "office", next_=target).headers["location"] == "/projects"


def test_a_cookie_client_needs_the_csrf_header_for_unsafe_api_requests(client, world, sessions):
    log_in(client, "office")
    project = {"code": "C-1", "name": "会话新建项目", "region_id": world.city.id}
    refused = client.post("/api/v1/projects", json=project)
    assert refused.status_code == 403 and "CSRF" in refused.json()["message"]
    assert client.post("/api/v1/projects", json=project, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert len(events(sessions, "denied")) == 2
    accepted = client.post("/api/v1/projects", json=project, headers={"X-CSRF-Token": csrf_of(client)})
    assert accepted.status_code == 201, accepted.text


def test_logging_out_closes_the_api_too(client, world):
    log_in(client, "office")
    assert client.post("/logout", data={"csrf_token": csrf_of(client)}, follow_redirects=False).status_code == 303
    assert client.get("/api/v1/me").status_code == 401


# ---- the audit endpoint ----------------------------------------------------------------------------

@pytest.mark.parametrize("persona", ["admin", "office", "leader"])
def test_the_city_roles_read_the_audit_trail(api_as, world, persona):
    response = api_as(getattr(world, persona)).get("/api/v1/audit")
    assert response.status_code == 200
    assert {"user"} <= {e["entity"] for e in response.json()}  # the personas' creation


@pytest.mark.parametrize("persona", ["county", "transport_user", "steward"])
def test_other_roles_are_refused_the_audit_trail_and_the_refusal_is_audited(api_as, world, sessions, persona):
    user = getattr(world, persona)
    response = api_as(user).get("/api/v1/audit")
    assert response.status_code == 403
    [denied] = events(sessions, "denied")
    assert denied.actor_id == user.id and "查看 /api/v1/audit" in denied.summary


def test_the_audit_trail_filters_and_pages_newest_first(api_as, world):
    api = api_as(world.office)
    users = api.get("/api/v1/audit", params={"entity": "user", "action": "create"}).json()
    assert len(users) == 7 and users[0]["summary"] == "新建用户 刘佳（项目管家）"
    assert [e["id"] for e in users] == sorted((e["id"] for e in users), reverse=True)
    one = api.get("/api/v1/audit", params={"entity": "user", "entity_id": world.leader.id}).json()
    assert [e["summary"] for e in one] == ["新建用户 leader（市领导）"]
    page = api.get("/api/v1/audit", params={"entity": "user", "limit": 2, "offset": 1}).json()
    assert [e["id"] for e in page] == [e["id"] for e in users[1:3]]


@pytest.mark.parametrize(("params", "field"), [({"limit": 0}, "limit"), ({"limit": 1001}, "limit"),
                                               ({"offset": -1}, "offset")])
def test_the_audit_trail_refuses_bad_paging(api_as, world, params, field):
    response = api_as(world.office).get("/api/v1/audit", params=params)
    assert response.status_code == 422 and response.json()["field"] == field


def test_the_audit_trail_is_append_only(session, world):
    event = record(session, actor=world.office, action="update", entity="project", summary="原记录")
    session.commit()
    event.summary = "篡改"
    with pytest.raises(RuntimeError, match="append-only"):
        session.commit()
    session.rollback()
    session.delete(session.get(AuditEvent, event.id))
    with pytest.raises(RuntimeError, match="append-only"):
        session.commit()
    session.rollback()
    assert session.get(AuditEvent, event.id).summary == "原记录"


def test_a_refused_page_shows_the_error_with_the_signed_in_user_and_is_audited(client, world, sessions):
    log_in(client, "linghai")
    response = client.get("/audit")
    assert response.status_code == 403
    assert "只有管理员、项目办和市领导可以查看全部变更记录" in response.text
    assert 'data-testid="current-user">linghai' in response.text
    [denied] = events(sessions, "denied")
    assert denied.actor_name == "linghai" and "查看 /audit" in denied.summary
