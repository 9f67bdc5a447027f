"""Projects of a list page as plain values: their columns and their references' names.

Loading a page as ORM objects (four joined relationships each) and validating the API response through the
ORM's instrumented attributes cost more than the page query itself; a page is read-only, so it is read as
plain rows and named from the cached organisation (zhenxing.org.reference).
"""

from collections.abc import Mapping
from typing import Any

from zhenxing.org.reference import OrgReference
from zhenxing.projects.models import MAJOR_THRESHOLD
from zhenxing.projects.stages import ProjectLabels

REFERENCES = {"region": "region", "lead_unit": "unit", "sponsor": "person", "steward": "person"}


class Ref:
    """A referenced region, unit or person: its id and name."""

    __slots__ = ("id", "name")

    def __init__(self, ref_id: int, name: str | None) -> None:
        self.id, self.name = ref_id, name or ""


class ListedProject(ProjectLabels):
    """A project as a list shows it; reads like the Project model (project.region.name, stage_label…)."""

    def __init__(self, columns: Mapping[str, Any], names: OrgReference) -> None:
        self.__dict__.update(columns)
        for ref, kind in REFERENCES.items():
            ref_id = columns[f"{ref}_id"]
            setattr(self, ref, None if ref_id is None else Ref(ref_id, names.name_of(kind, ref_id)))

    @property
    def is_major(self) -> bool:
        return self.total_investment >= MAJOR_THRESHOLD
