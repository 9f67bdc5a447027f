"""Users over the API, for the admin: GET/POST /api/v1/users, PATCH /api/v1/users/{id}."""

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from zhenxing.auth import service as accounts
from zhenxing.auth.models import User
from zhenxing.auth.service import MAX_PASSWORD, MIN_PASSWORD
from zhenxing.fields import Choice, Moment, Name, Secret, UserName
from zhenxing.org.service import KEEP
from zhenxing.web.deps import ApiUser, SessionDep

router = APIRouter(prefix="/users", tags=["users"])


class UserRead(BaseModel):
    id: int
    name: str
    role: str
    region_id: int | None
    unit_id: int | None
    region: str | None = None
    unit: str | None = None
    active: bool
    last_login: Moment | None = None


class UserCreate(BaseModel):
    name: UserName = Field(min_length=1, max_length=40)
    role: Choice = Field(max_length=20)
    password: Secret = Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)
    region: Name | None = Field(None, max_length=60, description="地区名称：该用户可见此地区及其下级")
    unit: Name | None = Field(None, max_length=60, description="单位名称：该用户可见此单位牵头的记录")


class UserUpdate(BaseModel):
    """Only the fields sent change; region and unit are one choice (sending either replaces both)."""

    role: Choice | None = Field(None, max_length=20)
    region: Name | None = Field(None, max_length=60)
    unit: Name | None = Field(None, max_length=60)
    active: bool | None = None
    password: Secret | None = Field(None, min_length=MIN_PASSWORD, max_length=MAX_PASSWORD,
                                    description="新密码（管理员重置）")


def _read(user: User, last_login: datetime | None = None) -> UserRead:
    return UserRead(id=user.id, name=user.name, role=user.role, region_id=user.region_id, unit_id=user.unit_id,
                    region=user.region.name if user.region else None, unit=user.unit.name if user.unit else None,
                    active=user.active, last_login=last_login)


@router.get("", response_model=list[UserRead])
def list_users(session: SessionDep, user: ApiUser):
    logins = accounts.last_logins(session)
    return [_read(row, logins.get(row.id)) for row in accounts.list_users(session, actor=user)]


@router.post("", response_model=UserRead, status_code=201)
def create_user(data: UserCreate, session: SessionDep, user: ApiUser):
    created = accounts.create_user(session, actor=user, name=data.name, role=data.role, password=data.password,
                                   region=data.region or None, unit=data.unit or None)
    return _read(created)


@router.patch("/{user_id}", response_model=UserRead)
def update_user(user_id: int, data: UserUpdate, session: SessionDep, user: ApiUser):
    sent = data.model_fields_set
    changed = accounts.update_user(
        session, actor=user, user_id=user_id, role=data.role,
        region=(data.region or None) if "region" in sent else KEEP,
        unit=(data.unit or None) if "unit" in sent else KEEP, active=data.active)
    if data.password is not None:
        accounts.set_password(session, actor=user, user_id=user_id, password=data.password)
    return _read(changed)
