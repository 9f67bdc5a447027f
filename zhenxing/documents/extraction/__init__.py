"""Pure extraction of facts, tasks and projects from policy texts (no web, no database).

Public API:
    extract_facts(text, doc) -> list[Fact]
    extract_tasks(text) -> list[TaskDraft]; suggest_unit(sentence, table) -> str | None
    extract_projects(text) -> list[ProjectMention]; match_project(name, names) -> (name, score) | None
    normalise_indicator(text) -> CatalogueEntry | None
"""

from .catalogue import CATALOGUE, CatalogueEntry, normalise_indicator
from .facts import RECORD_FIELDS, Fact, extract_facts
from .lead_units import DEFAULT_KEYWORD_UNITS, suggest_unit
from .projects import MATCH_THRESHOLD, ProjectMention, extract_projects, match_project
from .tasks import TaskDraft, extract_tasks

__all__ = [
    "CATALOGUE", "CatalogueEntry", "DEFAULT_KEYWORD_UNITS", "Fact", "MATCH_THRESHOLD", "ProjectMention",
    "RECORD_FIELDS", "TaskDraft", "extract_facts", "extract_projects", "extract_tasks", "match_project",
    "normalise_indicator", "suggest_unit",
]
