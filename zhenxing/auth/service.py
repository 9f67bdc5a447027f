"""Accounts: users, passwords (Argon2), API tokens and scopes."""

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.models import ApiToken, User
from zhenxing.auth.policy import ROLES, Scope
from zhenxing.errors import Conflict, NotFound, Rejected, Unauthenticated
from zhenxing.org import service as org

_hasher = PasswordHasher()
MIN_PASSWORD = 8


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
    if role not in ROLES:
        raise Rejected(f"角色“{role}”无效，可选：{', '.join(ROLES)}", field="role")
    if len(password) < MIN_PASSWORD:
        raise Rejected(f"密码至少{MIN_PASSWORD}位", field="password")
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


def authenticate(session: Session, name: str, password: str) -> User:
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    try:
        if user is None:
            raise VerificationError
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        audit.record(session, actor=None, action="login_failed", entity="user",
                     summary=f"用户名“{name}”登录失败")
        raise Unauthenticated("用户名或密码错误") from None
    audit.record(session, actor=user, action="login", entity="user", entity_id=user.id,
                 summary=f"{user.name} 登录")
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
    tokens = list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)))
    for token in tokens:
        session.delete(token)
    audit.record(session, actor=None, action="delete", entity="api_token", entity_id=user.id,
                 summary=f"吊销 {user.name} 的 API 令牌 {len(tokens)} 个")
    return len(tokens)


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    return row.user if row and row.user.active else None


def get_user(session: Session, user_id: int) -> User | None:
    user = session.get(User, user_id)
    return user if user and user.active else None


def scope_for(session: Session, user: User) -> Scope:
    if user.role in {"admin", "office", "leader"}:
        return Scope(role=user.role, everything=True)
    regions = frozenset(org.subtree_ids(session, user.region_id)) if user.region_id else frozenset()
    return Scope(role=user.role, region_ids=regions, unit_id=user.unit_id, person_id=user.person_id)
