"""Read-only look-ups of the organisation for API clients and forms."""

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from zhenxing.org import service
from zhenxing.web.deps import ApiUser, SessionDep

router = APIRouter(tags=["organisation"])


class RegionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    kind: str
    parent_id: int | None


class UnitRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


class PersonRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    title: str


@router.get("/regions", response_model=list[RegionRead])
def regions(session: SessionDep, _user: ApiUser):
    return service.list_regions(session)


@router.get("/units", response_model=list[UnitRead])
def units(session: SessionDep, _user: ApiUser):
    return service.list_units(session)


@router.get("/people", response_model=list[PersonRead])
def people(session: SessionDep, _user: ApiUser):
    return service.list_people(session)
