"""The admin's user pages and everybody's password page, through the browser-like client."""

from sqlalchemy import select

from tests.factories import PASSWORD
from zhenxing import audit
from zhenxing.auth import service as accounts
from zhenxing.auth.models import User


def test_the_user_list_shows_role_scope_state_and_last_login(world, page_as, sessions):
    client, _ = page_as(world.admin)
    with sessions() as session, session.begin():
        accounts.deactivate_user(session, actor=None, user_id=world.outsider.id)
    page = client.get("/admin/users")
    assert page.status_code == 200
    row = page.text.split('data-testid="user-row-linghai"')[1].split("</tr>")[0]
    assert "县区/部门" in row and "凌海市" in row and "从未登录" in row
    admin_row = page.text.split('data-testid="user-row-admin"')[1].split("</tr>")[0]
    assert "全市" in admin_row and "从未登录" not in admin_row
    assert "已停用" in page.text.split('data-testid="user-row-heishan"')[1].split("</tr>")[0]
    assert 'data-testid="nav-admin"' in page.text and 'data-testid="nav-org"' in page.text


def test_the_admin_adds_a_user_from_the_page(world, page_as, sessions):
    client, token = page_as(world.admin)
    answer = client.post("/admin/users", data={"csrf_token": token, "name": "zhangwei", "role": "unit",
                                               "region": "", "unit": "市发展改革委", "password": "long-enough-1"},
                         follow_redirects=False)
    assert answer.status_code == 303
    assert "已添加用户“zhangwei”" in client.get(answer.headers["location"]).text
    with sessions() as session:
        assert session.scalar(select(User).where(User.name == "zhangwei")).unit_id == world.fgw.id


def test_a_bad_new_user_is_shown_beside_the_field_and_not_added(world, page_as, sessions):
    client, token = page_as(world.admin)
    answer = client.post("/admin/users", data={"csrf_token": token, "name": "zhangwei", "role": "unit",
                                               "region": "", "unit": "", "password": "long-enough-1"})
    assert answer.status_code == 422 and 'data-testid="error-region"' in answer.text
    assert 'value="zhangwei"' in answer.text
    with sessions() as session:
        assert session.scalar(select(User).where(User.name == "zhangwei")) is None


def test_the_admin_changes_a_users_role_and_scope(world, page_as, sessions):
    client, token = page_as(world.admin)
    answer = client.post(f"/admin/users/{world.county.id}", data={
        "csrf_token": token, "role": "unit", "region": "黑山县", "unit": "", "active": "0"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/admin/users/{world.county.id}"
    assert "已保存角色、可见范围与状态" in client.get(answer.headers["location"]).text
    with sessions() as session:
        user = session.get(User, world.county.id)
        assert (user.region_id, user.active) == (world.heishan.id, False)


def test_self_demotion_on_the_page_is_refused_beside_the_role(world, page_as, sessions):
    client, token = page_as(world.admin)
    answer = client.post(f"/admin/users/{world.admin.id}", data={
        "csrf_token": token, "role": "office", "region": "", "unit": "", "active": "1"})
    assert answer.status_code == 422 and 'data-testid="error-role"' in answer.text
    with sessions() as session:
        assert session.get(User, world.admin.id).role == "admin"


def test_the_admin_resets_a_password_from_the_page(world, page_as, sessions):
    client, token = page_as(world.admin)
    answer = client.post(f"/admin/users/{world.leader.id}/password", data={"csrf_token": token,
                                                                           "password": "brand-new-pw"},
                         follow_redirects=False)
    assert answer.status_code == 303
    with sessions() as session:
        assert accounts.authenticate(session, "leader", "brand-new-pw")


def test_a_deactivated_user_is_logged_out_of_the_pages(world, page_as, sessions):
    client, _ = page_as(world.county)
    with sessions() as session, session.begin():
        accounts.deactivate_user(session, actor=None, user_id=world.county.id)
    assert client.get("/projects", follow_redirects=False).status_code == 303


def test_non_admins_are_refused_the_user_pages_with_an_audit_event(world, page_as, sessions):
    client, token = page_as(world.office)
    assert client.get("/admin/users").status_code == 403
    answer = client.post(f"/admin/users/{world.county.id}", data={
        "csrf_token": token, "role": "admin", "region": "", "unit": "", "active": "1"})
    assert answer.status_code == 403
    page = client.get("/projects")
    assert 'data-testid="nav-admin"' not in page.text and 'data-testid="nav-org"' in page.text
    with sessions() as session:
        assert session.get(User, world.county.id).role == "unit"
        assert len(audit.list_events(session, action="denied")) == 2


def test_everybody_changes_their_own_password(world, page_as, sessions):
    client, token = page_as(world.county)
    assert 'data-testid="account-password"' in client.get("/projects").text
    answer = client.post("/account/password", data={"csrf_token": token, "old_password": PASSWORD,
                                                     "password": "mine-now-123", "password_again": "mine-now-123"},
                         follow_redirects=False)
    assert answer.status_code == 303
    assert "密码已修改" in client.get(answer.headers["location"]).text
    with sessions() as session:
        assert accounts.authenticate(session, "linghai", "mine-now-123")


def test_a_wrong_old_password_or_a_mismatch_is_shown_beside_the_field(world, page_as, sessions):
    client, token = page_as(world.county)
    wrong = client.post("/account/password", data={"csrf_token": token, "old_password": "nope",
                                                    "password": "mine-now-123", "password_again": "mine-now-123"})
    assert wrong.status_code == 422 and 'data-testid="error-old_password"' in wrong.text
    mismatch = client.post("/account/password", data={"csrf_token": token, "old_password": PASSWORD,
                                                       "password": "mine-now-123", "password_again": "other-123"})
    assert mismatch.status_code == 422 and 'data-testid="error-password_again"' in mismatch.text
    with sessions() as session:
        assert accounts.authenticate(session, "linghai", PASSWORD)


def test_the_password_form_needs_the_csrf_token(world, page_as):
    client, _ = page_as(world.county)
    answer = client.post("/account/password", data={"old_password": PASSWORD, "password": "mine-now-123",
                                                     "password_again": "mine-now-123"})
    assert answer.status_code == 403
