"""Administration of accounts: role, scope, access and passwords, and the rules that keep an admin."""

import pytest

from tests.factories import PASSWORD, make_user
from zhenxing import audit
from zhenxing.auth import service as accounts
from zhenxing.auth.models import User
from zhenxing.errors import Forbidden, NotFound, Rejected, Unauthenticated


def test_the_admin_changes_a_users_role_and_scope_with_an_audit_event(session, world):
    user = accounts.update_user(session, actor=world.admin, user_id=world.outsider.id, region=None,
                                unit="市发展改革委")
    assert (user.region_id, user.unit_id) == (None, world.fgw.id)
    assert accounts.scope_for(session, user).unit_id == world.fgw.id
    event = audit.list_events(session, entity="user", entity_id=user.id, action="update")[0]
    assert event.actor_name == "admin"
    assert event.changes == {"region": ["黑山县", None], "unit": [None, "市发展改革委"]}


def test_giving_only_a_region_replaces_the_unit_scope(session, world):
    user = accounts.update_user(session, actor=world.admin, user_id=world.transport_user.id, region="凌海市")
    assert (user.region_id, user.unit_id) == (world.linghai.id, None)
    assert user.region.name == "凌海市"


def test_a_role_change_to_leader_gives_the_whole_city(session, world):
    user = accounts.update_user(session, actor=world.admin, user_id=world.county.id, role="leader")
    assert accounts.scope_for(session, user).everything


def test_a_unit_user_needs_a_region_or_a_unit(session, world):
    with pytest.raises(Rejected) as refused:
        accounts.update_user(session, actor=world.admin, user_id=world.office.id, role="unit")
    assert refused.value.field == "region"


def test_a_user_cannot_have_both_a_region_and_a_unit(session, world):
    with pytest.raises(Rejected) as refused:
        accounts.update_user(session, actor=world.admin, user_id=world.county.id, region="凌海市",
                             unit="市交通运输局")
    assert refused.value.field == "region"


@pytest.mark.parametrize(("changes", "field"), [({"role": "king"}, "role"), ({"region": "火星"}, "region"),
                                                ({"unit": "不存在局"}, "unit")])
def test_bad_values_are_refused_and_named(session, world, changes, field):
    with pytest.raises((Rejected, NotFound)) as refused:
        accounts.update_user(session, actor=world.admin, user_id=world.county.id, **changes)
    assert refused.value.field == field


def test_only_the_admin_manages_users(session, world):
    for actor in (world.office, world.leader, world.county):
        with pytest.raises(Forbidden):
            accounts.update_user(session, actor=actor, user_id=world.outsider.id, active=False)
        with pytest.raises(Forbidden):
            accounts.create_user(session, actor=actor, name="新人", role="office", password=PASSWORD)
        with pytest.raises(Forbidden):
            accounts.list_users(session, actor=actor)
    assert session.get(User, world.outsider.id).active


def test_an_admin_cannot_demote_or_deactivate_themselves(session, world):
    with pytest.raises(Rejected) as demoted:
        accounts.update_user(session, actor=world.admin, user_id=world.admin.id, role="office")
    assert demoted.value.field == "role"
    with pytest.raises(Rejected) as stopped:
        accounts.deactivate_user(session, actor=world.admin, user_id=world.admin.id)
    assert stopped.value.field == "active"
    session.rollback()
    admin = session.get(User, world.admin.id)
    assert admin.role == "admin" and admin.active


def test_the_last_admin_remains_an_active_admin(session, world):
    with pytest.raises(Rejected) as refused:
        accounts.update_user(session, actor=None, user_id=world.admin.id, role="office")
    assert "最后一位" in refused.value.message


def test_an_admin_may_demote_another_admin(session, world):
    second = make_user(session, "admin2", "admin")
    user = accounts.update_user(session, actor=world.admin, user_id=second.id, role="office")
    assert user.role == "office"


def test_a_deactivated_user_is_refused_at_login_and_by_token(session, world):
    token = accounts.create_token(session, world.county.name)
    accounts.deactivate_user(session, actor=world.admin, user_id=world.county.id)
    session.commit()
    with pytest.raises(Unauthenticated):
        accounts.authenticate(session, "linghai", PASSWORD)
    assert accounts.user_for_token(session, token) is None
    assert accounts.get_user(session, world.county.id) is None


def test_a_reactivated_user_logs_in_again(session, world):
    accounts.deactivate_user(session, actor=world.admin, user_id=world.county.id)
    accounts.reactivate_user(session, actor=world.admin, user_id=world.county.id)
    assert accounts.authenticate(session, "linghai", PASSWORD).id == world.county.id


def test_a_user_changes_their_own_password_with_the_old_one(session, world):
    accounts.set_password(session, actor=world.county, user_id=world.county.id, password="new-secret-1",
                          old_password=PASSWORD)
    assert accounts.authenticate(session, "linghai", "new-secret-1").id == world.county.id
    event = audit.list_events(session, entity="user", entity_id=world.county.id, action="update")[0]
    assert event.summary == "修改了自己的密码" and "secret" not in str(event.changes)


def test_changing_ones_own_password_needs_the_old_password(session, world):
    for old in (None, "wrong-password"):
        with pytest.raises(Rejected) as refused:
            accounts.set_password(session, actor=world.admin, user_id=world.admin.id, password="new-secret-1",
                                  old_password=old)
        assert refused.value.field == "old_password"
    assert accounts.authenticate(session, "admin", PASSWORD)


def test_the_admin_resets_anybodys_password_without_the_old_one(session, world):
    accounts.set_password(session, actor=world.admin, user_id=world.leader.id, password="reset-pass-2")
    assert accounts.authenticate(session, "leader", "reset-pass-2").id == world.leader.id


def test_nobody_else_resets_another_users_password(session, world):
    with pytest.raises(Forbidden):
        accounts.set_password(session, actor=world.office, user_id=world.leader.id, password="reset-pass-2")


def test_a_short_password_is_refused(session, world):
    with pytest.raises(Rejected) as refused:
        accounts.set_password(session, actor=world.admin, user_id=world.leader.id, password="short")
    assert refused.value.field == "password"


def test_last_logins_come_from_the_audit_trail(session, world):
    accounts.authenticate(session, "office", PASSWORD)
    logins = accounts.last_logins(session)
    assert world.office.id in logins and world.leader.id not in logins


def test_a_new_steward_gets_a_person(session, world):
    user = accounts.update_user(session, actor=world.admin, user_id=world.office.id, role="steward")
    assert user.person is not None and user.person.name == "office"


def test_an_admin_reset_ends_the_users_api_tokens(session, world):
    token = accounts.create_token(session, world.county.name)
    accounts.set_password(session, actor=world.admin, user_id=world.county.id, password="reset-secret-1")
    session.commit()
    assert accounts.user_for_token(session, token) is None
    event = audit.list_events(session, entity="api_token", entity_id=world.county.id, action="delete")[0]
    assert "重置密码" in event.summary and event.actor_name == world.admin.name


def test_a_deactivated_then_reactivated_user_has_no_token_back(session, world):
    token = accounts.create_token(session, world.county.name)
    accounts.deactivate_user(session, actor=world.admin, user_id=world.county.id)
    accounts.reactivate_user(session, actor=world.admin, user_id=world.county.id)
    session.commit()
    assert accounts.user_for_token(session, token) is None


def test_changing_ones_own_password_keeps_ones_api_tokens(session, world):
    token = accounts.create_token(session, world.county.name)
    accounts.set_password(session, actor=world.county, user_id=world.county.id, password="new-secret-1",
                          old_password=PASSWORD)
    session.commit()
    assert accounts.user_for_token(session, token).id == world.county.id
