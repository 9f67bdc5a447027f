"""Users over the API: the admin lists, adds and changes them; everybody else is refused and audited."""

from tests.factories import PASSWORD
from zhenxing import audit
from zhenxing.auth import service as accounts
from zhenxing.auth.models import User


def test_the_admin_lists_users_with_scope_and_last_login(world, api_as, session):
    accounts.authenticate(session, "linghai", PASSWORD)
    session.commit()
    rows = {row["name"]: row for row in api_as(world.admin).get("/api/v1/users").json()}
    assert rows["linghai"]["region"] == "凌海市" and rows["linghai"]["last_login"]
    assert rows["jiaotong"]["unit"] == "市交通运输局" and rows["leader"]["last_login"] is None


def test_the_admin_adds_a_user(world, api_as, sessions):
    answer = api_as(world.admin).post("/api/v1/users", json={"name": "zhangwei", "role": "unit",
                                                             "password": "long-enough-1", "region": "黑山县"})
    assert answer.status_code == 201 and answer.json()["region_id"] == world.heishan.id
    with sessions() as session:
        assert accounts.authenticate(session, "zhangwei", "long-enough-1")


def test_a_duplicate_name_is_a_conflict_naming_the_field(world, api_as):
    answer = api_as(world.admin).post("/api/v1/users", json={"name": "office", "role": "office",
                                                             "password": "long-enough-1"})
    assert answer.status_code == 409 and answer.json()["field"] == "name"


def test_the_admin_changes_role_scope_and_access(world, api_as):
    client = api_as(world.admin)
    answer = client.patch(f"/api/v1/users/{world.outsider.id}", json={"unit": "市发展改革委", "active": False})
    assert answer.status_code == 200
    body = answer.json()
    assert body["unit"] == "市发展改革委" and body["region"] is None and body["active"] is False


def test_a_patch_leaves_fields_not_sent_as_they_are(world, api_as):
    body = api_as(world.admin).patch(f"/api/v1/users/{world.county.id}", json={"active": True}).json()
    assert body["region"] == "凌海市" and body["role"] == "unit"


def test_the_admin_resets_a_password_over_the_api(world, api_as, sessions):
    answer = api_as(world.admin).patch(f"/api/v1/users/{world.leader.id}", json={"password": "reset-pass-22"})
    assert answer.status_code == 200
    with sessions() as session:
        assert accounts.authenticate(session, "leader", "reset-pass-22")


def test_self_demotion_is_refused_and_named(world, api_as, sessions):
    answer = api_as(world.admin).patch(f"/api/v1/users/{world.admin.id}", json={"role": "office"})
    assert answer.status_code == 422 and answer.json()["field"] == "role"
    with sessions() as session:
        assert session.get(User, world.admin.id).role == "admin"


def test_an_unknown_user_is_not_found(world, api_as):
    answer = api_as(world.admin).patch("/api/v1/users/9999", json={"active": False})
    assert answer.status_code == 404 and answer.json()["field"] == "user_id"


def test_a_non_admin_is_refused_audited_and_changes_nothing(world, api_as, sessions):
    for persona in (world.office, world.leader, world.county):
        client = api_as(persona)
        assert client.get("/api/v1/users").status_code == 403
        assert client.patch(f"/api/v1/users/{world.outsider.id}", json={"active": False}).status_code == 403
        assert client.post("/api/v1/users", json={"name": "x1", "role": "admin",
                                                  "password": "long-enough-1"}).status_code == 403
    with sessions() as session:
        assert session.get(User, world.outsider.id).active
        assert not session.query(User).filter_by(name="x1").count()
        denied = audit.list_events(session, action="denied")
        assert len(denied) == 9 and "/api/v1/users" in denied[0].summary


def test_a_deactivated_users_token_stops_working(world, api_as):
    client = api_as(world.county)
    assert client.get("/api/v1/me").status_code == 200
    api_as(world.admin).patch(f"/api/v1/users/{world.county.id}", json={"active": False})
    assert client.get("/api/v1/me").status_code == 401
