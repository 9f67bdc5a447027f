"""The organisation as reference data: the region tree and the names of regions, units and people,
read once per change of those tables and shared by the requests of a process (see zhenxing.cache).

Every list request needs a region's subtree (a filter, a county user's scope) and every write checks its
references and records their names in the audit trail; reading the three tables each time cost one to four
queries per request and, at a province's 18,000 regions, most of a list request's time.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from zhenxing import cache
from zhenxing.org.models import Person, Region, Unit

_cache = cache.StampedCache(size=8)


@dataclass(frozen=True)
class RegionNode:
    """A region as the tree knows it (a plain value, safe to share between sessions and threads)."""

    id: int
    name: str
    kind: str
    parent_id: int | None


@dataclass(frozen=True)
class OrgReference:
    regions: dict[int, RegionNode]
    children: dict[int | None, tuple[int, ...]]
    unit_names: dict[int, str]
    person_names: dict[int, str]
    person_labels: dict[int, str]
    _subtrees: dict[int, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    def subtree(self, region_id: int) -> frozenset[int]:
        """The region and every region below it (an unknown id is a subtree of itself: it matches nothing)."""
        known = self._subtrees.get(region_id)
        if known is None:
            found, stack = set(), [region_id]
            while stack:
                current = stack.pop()
                if current not in found:
                    found.add(current)
                    stack.extend(self.children.get(current, ()))
            known = self._subtrees[region_id] = frozenset(found)
        return known

    def tree_order(self) -> list[tuple[RegionNode, int]]:
        """Regions with parents before their children, each with its depth (0 for the root)."""
        ordered: list[tuple[RegionNode, int]] = []
        stack = [(region_id, 0) for region_id in reversed(self.children.get(None, ()))]
        while stack:
            region_id, depth = stack.pop()
            ordered.append((self.regions[region_id], depth))
            stack.extend((child, depth + 1) for child in reversed(self.children.get(region_id, ())))
        return ordered

    def name_of(self, kind: str, ref_id: int | None) -> str | None:
        """The name of a region, unit or person by id (None for no id or an unknown one)."""
        if ref_id is None:
            return None
        if kind == "region":
            region = self.regions.get(ref_id)
            return region.name if region else None
        return (self.unit_names if kind == "unit" else self.person_names).get(ref_id)


def reference(session: Session) -> OrgReference:
    """The organisation as of the session's view of the database (read again after any change)."""
    return _cache.get(cache.stamps(session)["org"], lambda: _load(session))


def _load(session: Session) -> OrgReference:
    regions = {row.id: RegionNode(row.id, row.name, row.kind, row.parent_id) for row in
               session.execute(select(Region.id, Region.name, Region.kind, Region.parent_id).order_by(Region.id))}
    children: dict[int | None, list[int]] = defaultdict(list)
    for region in regions.values():
        children[region.parent_id].append(region.id)
    people = session.execute(select(Person.id, Person.name, Person.title).order_by(Person.id)).all()
    return OrgReference(
        regions=regions,
        children={parent: tuple(ids) for parent, ids in children.items()},
        unit_names=dict(session.execute(select(Unit.id, Unit.name).order_by(Unit.id)).all()),
        person_names={pid: name for pid, name, _title in people},
        person_labels={pid: f"{name}（{title}）" if title else name for pid, name, title in people},
    )
