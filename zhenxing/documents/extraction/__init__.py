"""Pure extraction of facts, tasks and projects from policy texts (no web, no database)."""

from .facts import Fact, extract_facts

__all__ = ["Fact", "extract_facts"]
