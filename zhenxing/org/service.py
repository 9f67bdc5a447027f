"""The organisation: region subtrees, finding things by name, and adding or renaming regions, units and
people (the office's and the admin's work, audited)."""

from collections import defaultdict
from collections.abc import Callable
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import audit
from zhenxing.auth.policy import can_manage_org
from zhenxing.errors import Conflict, Forbidden, NotFound, Rejected
from zhenxing.lookalikes import differs_by, twin_of
from zhenxing.org.models import REGION_KINDS, Person, Region, Unit
from zhenxing.org.reference import reference
from zhenxing.text import clean_label


class Keep(Enum):
    """An update's "leave this as it is", where None means "clear it"."""

    KEEP = "keep"


KEEP = Keep.KEEP


def subtree_ids(session: Session, region_id: int) -> frozenset[int]:
    """The region and every region below it (from the cached tree, read again after any region change)."""
    return reference(session).subtree(region_id)


def regions_above(session: Session, region_id: int | None) -> frozenset[int]:
    """The regions above this one (its county, the city); for no region, the top of the tree (the city)."""
    regions = reference(session).regions
    if region_id is None:
        return frozenset(r.id for r in regions.values() if r.parent_id is None)
    above, node = set(), regions.get(region_id)
    while node is not None and node.parent_id is not None and node.parent_id not in above:
        above.add(node.parent_id)
        node = regions.get(node.parent_id)
    return frozenset(above)


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


def region_tree(session: Session) -> list[tuple[Region, int]]:
    """Regions in tree order with their depth (0 for the city)."""
    depth: dict[int, int] = {}
    rows = []
    for region in list_regions(session):
        depth[region.id] = depth.get(region.parent_id, -1) + 1 if region.parent_id is not None else 0
        rows.append((region, depth[region.id]))
    return rows


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
    """The earliest person of this name, or of a look-alike spelling of it ("张 三" finds 张三: one person,
    not a second); created when there is none and `create`."""
    name = name.strip()
    person = session.scalar(select(Person).where(Person.name == name).order_by(Person.id))
    if person is None:
        twin = twin_of(session, Person.name, name)
        if twin is not None:
            return session.scalar(select(Person).where(Person.name == twin).order_by(Person.id))
    if person is None:
        if not create:
            raise NotFound(f"没有名为“{name}”的人员", field="person")
        person = Person(name=name)
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


# ---- adding and renaming (admin and office) ---------------------------------------------------------

def _require_manager(actor: Any | None) -> None:
    """actor None is the system (the CLI, the demo loader)."""
    if actor is not None and not can_manage_org(actor.role):
        raise Forbidden("只有系统管理员和项目办可以维护地区、单位和人员")


def _clean(value: str, *, field: str, label: str, limit: int, required: bool = True) -> str:
    """A name or title from a form or the API: one line, ＡＢＣ made half-width, invisible characters refused."""
    value = clean_label(value, field=field, label=label)
    if required and not value:
        raise Rejected(f"{label}不能为空", field=field)
    if len(value) > limit:
        raise Rejected(f"{label}最多{limit}个字", field=field)
    return value


def _unique(session: Session, model: type[Region] | type[Unit], name: str, own_id: int | None, noun: str) -> None:
    twin = twin_of(session, model.name, name, own_id=own_id)  # "（二期）" and "(二期)" are one name
    if twin is not None:
        raise Conflict(f"已有名为“{name}”的{noun}{differs_by(twin, name)}", field="name")


def _no_second_spelling(session: Session, name: str, own_id: int | None) -> None:
    """People may share a name (two 张伟 in two units), but not print alike under two spellings: "张 三",
    "Ｌｉ Ｌｅｉ" beside 张三, "Li Lei" make one person look like two in every list and filter."""
    twin = twin_of(session, Person.name, name, own_id=own_id, same_allowed=True)
    if twin is not None:
        raise Conflict(f"已有人员“{twin}”，“{name}”与之只差全角半角、大小写或空格：同一人请选用已有人员；"
                       f"同名的另一人请写作“{twin}”并以职务区分", field="name")


def _get(session: Session, model: Any, row_id: int | None, *, field: str, noun: str) -> Any:
    row = session.get(model, row_id) if row_id is not None else None
    if row is None:
        raise NotFound(f"{noun} {row_id} 不存在", field=field)
    return row


def _check_kind(kind: str) -> None:
    if kind not in REGION_KINDS:
        raise Rejected(f"地区类型“{kind}”无效，可选：{'、'.join(REGION_KINDS)}", field="kind")


def _check_parent(session: Session, region_id: int | None, parent_id: int | None) -> None:
    """The parent exists and does not lie in the region's own subtree (no cycles)."""
    if parent_id is None:
        return
    _get(session, Region, parent_id, field="parent_id", noun="上级地区")
    if region_id is not None and parent_id in subtree_ids(session, region_id):
        raise Rejected("上级地区不能是该地区自身或其下级地区", field="parent_id")


def _region_row(region: Region) -> dict[str, Any]:
    return {"name": region.name, "kind": region.kind, "parent_id": region.parent_id}


def create_region(session: Session, *, actor: Any | None, name: str, kind: str,
                  parent_id: int | None = None) -> Region:
    _require_manager(actor)
    name = _clean(name, field="name", label="地区名称", limit=60)
    _check_kind(kind)
    _unique(session, Region, name, None, "地区")
    _check_parent(session, None, parent_id)
    region = Region(name=name, kind=kind, parent_id=parent_id)
    return _added(session, actor, region, "region", _region_row, f"新增地区 {name}（{region.kind_label}）")


def update_region(session: Session, *, actor: Any | None, region_id: int, name: str | None = None,
                  kind: str | None = None, parent_id: int | None | Keep = KEEP) -> Region:
    """Rename a region, change its kind or move it under another parent (never under itself)."""
    _require_manager(actor)
    region = _get(session, Region, region_id, field="region_id", noun="地区")
    before = _region_row(region)
    if name is not None:
        name = _clean(name, field="name", label="地区名称", limit=60)
        _unique(session, Region, name, region.id, "地区")
    if kind is not None:
        _check_kind(kind)
    if parent_id is not KEEP:
        _check_parent(session, region.id, parent_id)
    # Checked everything first: a refused change leaves the region as it was.
    region.name = name if name is not None else region.name
    region.kind = kind or region.kind
    region.parent_id = region.parent_id if parent_id is KEEP else parent_id
    return _audited(session, actor, region, "region", before, _region_row(region), f"修改地区 {region.name}")


def _added(session: Session, actor: Any | None, row: Any, entity: str, row_of: Callable[[Any], dict],
           summary: str) -> Any:
    """Add a new row and record its creation, with all its fields as the change."""
    session.add(row)
    session.flush()
    audit.record(session, actor=actor, action="create", entity=entity, entity_id=row.id, summary=summary,
                 changes=audit.diff({}, row_of(row)))
    return row


def _audited(session: Session, actor: Any | None, row: Any, entity: str, before: dict, after: dict,
             summary: str) -> Any:
    changes = audit.diff(before, after)
    if changes:
        session.flush()
        audit.record(session, actor=actor, action="update", entity=entity, entity_id=row.id, summary=summary,
                     changes=changes)
    return row


def _unit_row(unit: Unit) -> dict[str, Any]:
    return {"name": unit.name, "region_id": unit.region_id}


def create_unit(session: Session, *, actor: Any | None, name: str, region_id: int | None = None) -> Unit:
    _require_manager(actor)
    name = _clean(name, field="name", label="单位名称", limit=60)
    _unique(session, Unit, name, None, "单位")
    if region_id is not None:
        _get(session, Region, region_id, field="region_id", noun="地区")
    return _added(session, actor, Unit(name=name, region_id=region_id), "unit", _unit_row, f"新增单位 {name}")


def update_unit(session: Session, *, actor: Any | None, unit_id: int, name: str | None = None,
                region_id: int | None | Keep = KEEP) -> Unit:
    _require_manager(actor)
    unit = _get(session, Unit, unit_id, field="unit_id", noun="单位")
    before = _unit_row(unit)
    if name is not None:
        name = _clean(name, field="name", label="单位名称", limit=60)
        _unique(session, Unit, name, unit.id, "单位")
    if region_id is not KEEP and region_id is not None:
        _get(session, Region, region_id, field="region_id", noun="地区")
    unit.name = name if name is not None else unit.name
    unit.region_id = unit.region_id if region_id is KEEP else region_id
    return _audited(session, actor, unit, "unit", before, _unit_row(unit), f"修改单位 {unit.name}")


def _person_row(person: Person) -> dict[str, Any]:
    return {"name": person.name, "title": person.title, "unit_id": person.unit_id}


def create_person(session: Session, *, actor: Any | None, name: str, title: str = "",
                  unit_id: int | None = None) -> Person:
    """People may share a name (two 张伟 in two units); the title tells them apart."""
    _require_manager(actor)
    name = _clean(name, field="name", label="姓名", limit=40)
    _no_second_spelling(session, name, None)
    title = _clean(title, field="title", label="职务", limit=80, required=False)
    if unit_id is not None:
        _get(session, Unit, unit_id, field="unit_id", noun="单位")
    person = Person(name=name, title=title, unit_id=unit_id)
    return _added(session, actor, person, "person", _person_row, f"新增人员 {person.label}")


def update_person(session: Session, *, actor: Any | None, person_id: int, name: str | None = None,
                  title: str | None = None, unit_id: int | None | Keep = KEEP) -> Person:
    _require_manager(actor)
    person = _get(session, Person, person_id, field="person_id", noun="人员")
    before = _person_row(person)
    if name is not None:
        name = _clean(name, field="name", label="姓名", limit=40)
        _no_second_spelling(session, name, person.id)
    if title is not None:
        title = _clean(title, field="title", label="职务", limit=80, required=False)
    if unit_id is not KEEP and unit_id is not None:
        _get(session, Unit, unit_id, field="unit_id", noun="单位")
    person.name = name if name is not None else person.name
    person.title = title if title is not None else person.title
    person.unit_id = person.unit_id if unit_id is KEEP else unit_id
    return _audited(session, actor, person, "person", before, _person_row(person), f"修改人员 {person.label}")
