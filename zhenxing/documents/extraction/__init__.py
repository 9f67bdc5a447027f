"""Pure extraction of facts, tasks and projects from policy texts (no web, no database).

Public API:
    extract_facts(text, doc, date=None, year=None) -> list[Fact]
    extract_tasks(text, date=None, year=None, table=None, doc="") -> list[TaskDraft]
    document_date(text, date=None, year=None) -> DocumentDate (when written, the year planned, read from where)
    suggest_lead(sentence, table) -> Suggestion; suggest_unit(sentence, table) -> str | None; canonical(name)
    standard_name(unit), same_unit(a, b), local_name(standard, level), document_level(text), stand_in(standard):
    department names
    extract_projects(text) -> list[ProjectMention]; match_project(name, names) -> (name, score) | None
    normalise_indicator(text) -> CatalogueEntry | None
"""

from .catalogue import CATALOGUE, CatalogueEntry, normalise_indicator
from .dates import DocumentDate, document_date
from .departments import Suggestion, suggest_lead, suggest_unit
from .facts import RECORD_FIELDS, Fact, extract_facts
from .lead_keywords import DEFAULT_KEYWORD_UNITS, default_weight
from .projects import MATCH_THRESHOLD, ProjectMention, extract_projects, match_project
from .tasks import TaskDraft, extract_tasks
from .unit_names import DEPARTMENTS, canonical, document_level, local_name, same_unit, stand_in, standard_name

__all__ = [
    "CATALOGUE", "CatalogueEntry", "DEFAULT_KEYWORD_UNITS", "DEPARTMENTS", "DocumentDate", "Fact", "default_weight",
    "MATCH_THRESHOLD", "ProjectMention", "RECORD_FIELDS", "Suggestion", "TaskDraft", "canonical",
    "document_date", "document_level", "extract_facts", "extract_projects", "extract_tasks", "local_name",
    "match_project", "normalise_indicator", "same_unit", "stand_in", "standard_name", "suggest_lead", "suggest_unit",
]
