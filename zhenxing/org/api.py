"""The organisation over the API: look-ups for everyone; adding and renaming for the office and admins."""

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from zhenxing.fields import Choice, Line, Name
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


class UnitDetail(UnitRead):
    """What adding or changing a unit answers (the lists keep their short rows)."""

    region_id: int | None


class PersonDetail(PersonRead):
    unit_id: int | None


@router.get("/regions", response_model=list[RegionRead])
def regions(session: SessionDep, _user: ApiUser):
    return service.list_regions(session)


@router.get("/units", response_model=list[UnitRead])
def units(session: SessionDep, _user: ApiUser):
    return service.list_units(session)


@router.get("/people", response_model=list[PersonRead])
def people(session: SessionDep, _user: ApiUser):
    return service.list_people(session)


class RegionCreate(BaseModel):
    name: Name = Field(max_length=60)
    kind: Choice = Field(max_length=20)
    parent_id: int | None = None


class RegionUpdate(BaseModel):
    """Only the fields sent change; "parent_id": null makes the region a root."""

    name: Name | None = Field(default=None, max_length=60)
    kind: Choice | None = Field(default=None, max_length=20)
    parent_id: int | None = None


class UnitCreate(BaseModel):
    name: Name = Field(max_length=60)
    region_id: int | None = None


class UnitUpdate(BaseModel):
    name: Name | None = Field(default=None, max_length=60)
    region_id: int | None = None


class PersonCreate(BaseModel):
    name: Name = Field(max_length=40)
    title: Line = Field(default="", max_length=60)
    unit_id: int | None = None


class PersonUpdate(BaseModel):
    name: Name | None = Field(default=None, max_length=40)
    title: Line | None = Field(default=None, max_length=60)
    unit_id: int | None = None


def _sent(data: BaseModel, *keep_unless_sent: str) -> dict[str, Any]:
    """The fields of a PATCH body: those not sent stay as they are (KEEP), even the nullable ones."""
    values = data.model_dump()
    for key in keep_unless_sent:
        if key not in data.model_fields_set:
            values[key] = service.KEEP
    return values


@router.post("/regions", response_model=RegionRead, status_code=201)
def create_region(data: RegionCreate, session: SessionDep, user: ApiUser):
    return service.create_region(session, actor=user, **data.model_dump())


@router.patch("/regions/{region_id}", response_model=RegionRead)
def update_region(region_id: int, data: RegionUpdate, session: SessionDep, user: ApiUser):
    return service.update_region(session, actor=user, region_id=region_id, **_sent(data, "parent_id"))


@router.post("/units", response_model=UnitDetail, status_code=201)
def create_unit(data: UnitCreate, session: SessionDep, user: ApiUser):
    return service.create_unit(session, actor=user, **data.model_dump())


@router.patch("/units/{unit_id}", response_model=UnitDetail)
def update_unit(unit_id: int, data: UnitUpdate, session: SessionDep, user: ApiUser):
    return service.update_unit(session, actor=user, unit_id=unit_id, **_sent(data, "region_id"))


@router.post("/people", response_model=PersonDetail, status_code=201)
def create_person(data: PersonCreate, session: SessionDep, user: ApiUser):
    return service.create_person(session, actor=user, **data.model_dump())


@router.patch("/people/{person_id}", response_model=PersonDetail)
def update_person(person_id: int, data: PersonUpdate, session: SessionDep, user: ApiUser):
    return service.update_person(session, actor=user, person_id=person_id, **_sent(data, "unit_id"))
