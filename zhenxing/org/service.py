"""Look-ups over the organisation: region subtrees and finding things by name."""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing.errors import NotFound, Rejected
from zhenxing.org.models import REGION_KINDS, Person, Region, Unit


def subtree_ids(session: Session, region_id: int) -> set[int]:
    """The region and every region below it."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for rid, parent in session.execute(select(Region.id, Region.parent_id)):
        children[parent].append(rid)
    found, stack = set(), [region_id]
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(children[current])
    return found


def list_regions(session: Session) -> list[Region]:
    """Regions in tree order (parents before their children)."""
    regions = list(session.scalars(select(Region).order_by(Region.id)))
    by_parent: dict[int | None, list[Region]] = defaultdict(list)
    for region in regions:
        by_parent[region.parent_id].append(region)
    ordered: list[Region] = []

    def walk(parent: int | None) -> None:
        for region in by_parent[parent]:
            ordered.append(region)
            walk(region.id)

    walk(None)
    return ordered


def list_units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).order_by(Unit.id)))


def list_people(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).order_by(Person.id)))


def region_by_name(session: Session, name: str) -> Region:
    region = session.scalar(select(Region).where(Region.name == name.strip()))
    if region is None:
        raise NotFound(f"没有名为“{name}”的地区", field="region")
    return region


def unit_by_name(session: Session, name: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.name == name.strip()))
    if unit is None:
        raise NotFound(f"没有名为“{name}”的单位", field="unit")
    return unit


def person_by_name(session: Session, name: str, *, create: bool = False) -> Person:
    person = session.scalar(select(Person).where(Person.name == name.strip()).order_by(Person.id))
    if person is None:
        if not create:
            raise NotFound(f"没有名为“{name}”的人员", field="person")
        person = Person(name=name.strip())
        session.add(person)
        session.flush()
    return person


def add_region(session: Session, name: str, kind: str, parent: Region | None = None) -> Region:
    if kind not in REGION_KINDS:
        raise Rejected(f"地区类型“{kind}”无效，可选：{'、'.join(REGION_KINDS)}", field="kind")
    region = Region(name=name, kind=kind, parent_id=parent.id if parent else None)
    session.add(region)
    session.flush()
    return region
