"""Accounts: users, passwords (Argon2), API tokens and scopes."""

import hashlib
import ipaddress
import secrets
from datetime import UTC, datetime
from math import ceil
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from zhenxing import audit
from zhenxing.auth import lockout, sessions
from zhenxing.auth.models import ApiToken, User
from zhenxing.auth.policy import ACCOUNT_LIMIT, ROLES, Scope, can_manage_accounts
from zhenxing.db import transaction
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected, Unauthenticated
from zhenxing.lookalikes import twin_of
from zhenxing.org import service as org
from zhenxing.org.models import Region, Unit
from zhenxing.org.service import KEEP, Keep
from zhenxing.text import clean_name

_hasher = PasswordHasher()
MIN_PASSWORD = 8
MAX_PASSWORD = 128  # checked before hashing: a 5 MB password is refused at once


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    session: Session,
    *,
    name: str,
    role: str,
    password: str,
    region: str | None = None,
    unit: str | None = None,
    actor: User | None = None,
) -> User:
    _require_admin(actor)
    name = clean_name(name, field="name", max_length=40, label="用户名")  # NFKC: ａｄｍｉｎ is admin
    if not name:
        raise Rejected("用户名不能为空", field="name")
    twin = twin_of(session, User.name, name)
    if twin is not None:
        raise Conflict(f"用户“{name}”已存在（与“{twin}”只差大小写、全角或空格）", field="name")
    _check_role(role)
    _check_password(password)
    if role == "unit" and not (region or unit):
        raise Rejected("unit 角色须指定 --region 或 --unit", field="region")
    if region and unit:
        raise Rejected("--region 与 --unit 只能指定一个", field="region")
    if session.scalar(select(User).where(User.name == name)):
        raise Conflict(f"用户“{name}”已存在", field="name")
    user = User(name=name, role=role, password_hash=hash_password(password))
    if region:
        user.region_id = org.region_by_name(session, region).id
    if unit:
        user.unit_id = org.unit_by_name(session, unit).id
    if role == "steward":
        user.person_id = org.person_by_name(session, name, create=True).id
    session.add(user)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="user", entity_id=user.id,
                 summary=f"新建用户 {name}（{ROLES[role]}）")
    return user


def _aware(moment: datetime) -> datetime:
    """SQLite hands instants back naive; they are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_dummy: dict[int, str] = {}


def _dummy_verify(password: str) -> bool:
    """An unknown name costs one hash check like a known one (no telling names apart by time). The dummy hash
    is made by the hasher in use, so it has the real hashes' cost."""
    dummy = _dummy.get(id(_hasher))
    if dummy is None:
        dummy = _dummy[id(_hasher)] = _hasher.hash(secrets.token_urlsafe(16))
    _verifies_hash(dummy, password)
    return False


def _verifies(user: User, password: str) -> bool:
    return _verifies_hash(user.password_hash, password)


def _verifies_hash(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _check(session: Session, name: str, password: str, now: datetime, client: str) -> User | None:
    """One password check, audited: the active user with this name and password, else None."""
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    if len(password) > MAX_PASSWORD:  # can't be anybody's: refused without hashing megabytes
        ok = False
    else:
        ok = _verifies(user, password) if user is not None else _dummy_verify(password)
    where = f"（来自 {client}）" if _is_address(client) else ""
    if not ok:
        audit.record(session, actor=None, action="login_failed", entity="user",
                     summary=f"用户名“{name[:60]}”登录失败{where}").at = now
        return None
    audit.record(session, actor=user, action="login", entity="user", entity_id=user.id,
                 summary=f"{user.name} 登录{where}").at = now
    return user


def _is_address(client: str) -> bool:
    try:
        ipaddress.ip_address(client)
    except ValueError:
        return False
    return True


def authenticate(session: Session, name: str, password: str, *, now: datetime | None = None,
                 client: str = "") -> User:
    """The active user with this name and password (one audited check, no counting: see login())."""
    user = _check(session, name, password, (now or audit.now_utc()).astimezone(UTC), client)
    if user is None:
        raise Unauthenticated("用户名或密码错误", field="username")
    return user


def _minutes(until: datetime, now: datetime) -> int:
    return max(ceil((until - now).total_seconds() / 60), 1)


def login(factory: sessionmaker[Session], *, name: str, password: str, client: str,
          now: datetime | None = None) -> User:
    """A counted login attempt (see auth.lockout): at most ACCOUNT_LIMIT attempts per name and address and
    ADDRESS_LIMIT per address are checked in a window, however many arrive at once; refused attempts are not
    audited one by one (an anonymous client can't fill the audit trail). Answers the user, detached."""
    now = (now or audit.now_utc()).astimezone(UTC)
    allowed, until, kind = lockout.reserve(factory, name=name, client=client, now=now)
    if not allowed:
        if kind == "address":
            raise Unauthenticated(f"本机登录失败次数过多，请{_minutes(until, now)}分钟后再试", field="username")
        raise Unauthenticated(f"该用户名在本机连续{ACCOUNT_LIMIT.attempts}次登录失败，已暂时锁定，"
                              f"请{_minutes(until, now)}分钟后再试", field="username")
    with transaction(factory) as session:
        user = _check(session, name, password, now, client)
        if user is not None:
            session.expunge(user)
    locked = lockout.settle(factory, name=name, client=client, success=user is not None)
    if user is None:
        tail = f"；已连续{ACCOUNT_LIMIT.attempts}次失败，请{_minutes(locked, now)}分钟后再试" if locked else ""
        raise Unauthenticated("用户名或密码错误" + tail, field="username")
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user_name: str) -> str:
    """A new bearer token for the user; only its hash is stored."""
    user = session.scalar(select(User).where(User.name == user_name))
    if user is None:
        raise NotFound(f"用户“{user_name}”不存在", field="name")
    token = "zx_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=_digest(token)))
    audit.record(session, actor=user, action="create", entity="api_token", entity_id=user.id,
                 summary=f"为 {user.name} 创建 API 令牌")
    return token


def revoke_tokens(session: Session, user_name: str) -> int:
    """Remove every API token of a user; returns how many there were."""
    user = session.scalar(select(User).where(User.name == user_name))
    if user is None:
        raise NotFound(f"用户“{user_name}”不存在", field="name")
    return _revoke_tokens_of(session, user, actor=None, why="")


def _revoke_tokens_of(session: Session, user: User, *, actor: User | None, why: str) -> int:
    """Delete the user's API tokens (audited when there were any, or when asked by name); how many."""
    tokens = list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)))
    for token in tokens:
        session.delete(token)
    if tokens or not why:
        audit.record(session, actor=actor, action="delete", entity="api_token", entity_id=user.id,
                     summary=f"吊销 {user.name} 的 API 令牌 {len(tokens)} 个{why}")
    return len(tokens)


def user_for_token(session: Session, token: str) -> User | None:
    """The active user holding this token (one query: every API request asks)."""
    return session.scalar(select(User).join(ApiToken, ApiToken.user_id == User.id)
                          .where(ApiToken.token_hash == _digest(token), User.active.is_(True)))


def get_user(session: Session, user_id: int) -> User | None:
    user = session.get(User, user_id)
    return user if user and user.active else None


def scope_for(session: Session, user: User) -> Scope:
    if user.role in {"admin", "office", "leader", "supervisor", "hotline"}:
        return Scope(role=user.role, everything=True)
    regions = frozenset(org.subtree_ids(session, user.region_id)) if user.region_id else frozenset()
    return Scope(role=user.role, region_ids=regions, unit_id=user.unit_id, person_id=user.person_id,
                 shared_region_ids=org.regions_above(session, user.region_id))


# ---- administration: the admin manages users; everybody changes their own password -----------------

def _require_admin(actor: User | None) -> None:
    """actor None is the system (the CLI, the demo loader)."""
    if actor is not None and not can_manage_accounts(actor.role):
        raise Forbidden("只有系统管理员可以管理用户")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise Rejected(f"角色“{role}”无效，可选：{', '.join(ROLES)}", field="role")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Rejected(f"密码至少{MIN_PASSWORD}位", field="password")
    if len(password) > MAX_PASSWORD:
        raise Rejected(f"密码最多{MAX_PASSWORD}位", field="password")


def get_account(session: Session, *, actor: User | None, user_id: int) -> User:
    """Any user, active or not, for the admin."""
    _require_admin(actor)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"用户 {user_id} 不存在", field="user_id")
    return user


def list_users(session: Session, *, actor: User | None) -> list[User]:
    _require_admin(actor)
    return list(session.scalars(select(User).order_by(User.id)))


def last_logins(session: Session) -> dict[int, datetime]:
    """Each user's latest successful login, from the audit trail."""
    rows = session.execute(select(audit.AuditEvent.actor_id, func.max(audit.AuditEvent.at))
                           .where(audit.AuditEvent.action == "login").group_by(audit.AuditEvent.actor_id))
    return {actor_id: _aware(at) for actor_id, at in rows if actor_id is not None}


def _account_row(session: Session, user: User) -> dict[str, Any]:
    region = session.get(Region, user.region_id) if user.region_id else None
    unit = session.get(Unit, user.unit_id) if user.unit_id else None
    return {"role": user.role, "region": region.name if region else None, "unit": unit.name if unit else None,
            "active": user.active}


def _place(session: Session, user: User, region: str | None, unit: str | None) -> None:
    """A user's scope: one region (with everything below it) or one unit, or neither."""
    if region and unit:
        raise Rejected("地区与单位只能指定一个", field="region")
    user.region_id = org.region_by_name(session, region).id if region else None
    user.unit_id = org.unit_by_name(session, unit).id if unit else None


def _guard_admins(session: Session, actor: User | None, user: User, role: str, active: bool) -> None:
    """An admin keeps their own role and access; and the last active admin stays an active admin."""
    stays_admin = role == "admin" and active
    if user.role != "admin" or not user.active or stays_admin:
        return
    field = "role" if role != "admin" else "active"
    if actor is not None and actor.id == user.id:
        raise Rejected("不能停用自己的账号或取消自己的管理员角色", field=field)
    others = session.scalar(select(func.count(User.id)).where(
        User.role == "admin", User.active.is_(True), User.id != user.id))
    if not others:
        raise Rejected("这是最后一位系统管理员，不能停用或改为其他角色", field=field)


def update_user(session: Session, *, actor: User | None, user_id: int, role: str | None = None,
                region: str | None | Keep = KEEP, unit: str | None | Keep = KEEP,
                active: bool | None = None) -> User:
    """Change a user's role, scope or access. Region and unit are one choice: giving either replaces both."""
    user = get_account(session, actor=actor, user_id=user_id)
    before = _account_row(session, user)
    role = role or user.role
    _check_role(role)
    active = user.active if active is None else active
    _guard_admins(session, actor, user, role, active)
    if region is not KEEP or unit is not KEEP:
        _place(session, user, None if region is KEEP else region, None if unit is KEEP else unit)
    if role == "unit" and not (user.region_id or user.unit_id):
        raise Rejected("县区/部门角色须指定地区或单位", field="region")
    if role == "steward" and user.person_id is None:
        user.person_id = org.person_by_name(session, user.name, create=True).id
    ended = user.active and not active
    user.role, user.active = role, active
    session.flush()
    if ended:  # every login and API token ends; reactivating revives neither
        sessions.end_all(session, user_id=user.id, why="deactivated")
        _revoke_tokens_of(session, user, actor=actor, why="（停用账号）")
    session.expire(user, ["region", "unit", "person"])  # reloaded from the new ids when next read
    changes = audit.diff(before, _account_row(session, user))
    if changes:
        audit.record(session, actor=actor, action="update", entity="user", entity_id=user.id,
                     summary=f"修改用户 {user.name}", changes=changes)
    return user


def deactivate_user(session: Session, *, actor: User | None, user_id: int) -> User:
    """A deactivated user can't log in, and their logins and API tokens end (reactivation revives neither)."""
    return update_user(session, actor=actor, user_id=user_id, active=False)


def reactivate_user(session: Session, *, actor: User | None, user_id: int) -> User:
    return update_user(session, actor=actor, user_id=user_id, active=True)


def set_password(session: Session, *, actor: User, user_id: int, password: str,
                 old_password: str | None = None, keep_session_key: str | None = None) -> User:
    """Everybody changes their own password by giving the old one; the admin resets anybody else's. Every
    login of the user ends (a stolen cookie dies with the old password), but the one that changed its own
    password (keep_session_key)."""
    if actor.id == user_id:
        user = actor
        if not _verifies(user, old_password or ""):
            raise Rejected("原密码不正确", field="old_password")
    else:
        user = get_account(session, actor=actor, user_id=user_id)
    _check_password(password)
    user.password_hash = hash_password(password)
    own = actor.id == user.id
    ended = sessions.end_all(session, user_id=user.id, why="password" if own else "reset",
                             keep_key=keep_session_key if own else None)
    if not own:  # a reset means the account may be in other hands: its API tokens end too
        _revoke_tokens_of(session, user, actor=actor, why="（重置密码）")
    summary = "修改了自己的密码" if own else f"重置了 {user.name} 的密码"
    if ended:
        summary += f"，结束其他登录 {ended} 个" if own else f"，结束其登录 {ended} 个"
    audit.record(session, actor=actor, action="update", entity="user", entity_id=user.id, summary=summary)
    return user
