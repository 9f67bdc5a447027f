"""Phases of a project: "国电投黑山400兆瓦风电扩建项目" is not the operating 400 MW project but a new one
that extends it. A name carrying an expansion or later-phase word (扩建, 二期, 续建…) that the other name
lacks names a different project. Pure: no database, no web framework."""

import re

# Words that make a project a new one beside an existing one. "一期" is the first phase: the original.
EXPANSION_WORDS = ("改扩建", "扩建", "续建", "扩能", "扩产", "增资扩产", "技改扩能", "提质扩能", "扩容", "延伸")
_PHASE = re.compile(r"(?:第)?([二三四五六七八九十]|[2-9]|1\d)期")
_EXPANSION = re.compile("|".join(sorted(EXPANSION_WORDS, key=len, reverse=True)))


def marks(name: str) -> frozenset[str]:
    """The expansion and later-phase words of a project name: {"扩建"}, {"二期"}…"""
    found = {m.group(0) for m in _EXPANSION.finditer(name or "")}
    found |= {f"{m.group(1)}期" for m in _PHASE.finditer(name or "")}
    return frozenset(found)


def is_expansion(name: str, existing: str) -> bool:
    """True when `name` carries an expansion or phase word that `existing` does not: a new project."""
    return bool(marks(name) - marks(existing))
