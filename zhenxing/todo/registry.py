"""To-do sources and items. Pure: no database or web imports (sources receive the session they need)."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

LEVELS = {"red": "逾期", "yellow": "临期", "normal": "待办"}
_ORDER = {"red": 0, "yellow": 1, "normal": 2}
_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


@dataclass(frozen=True)
class TodoItem:
    """Something the user must do: `kind` a short noun ('月报', '问题', '议定事项', '任务', '诉求'), `url` the
    page where it is done, `level` 'red' (overdue), 'yellow' (due soon) or 'normal'."""

    kind: str
    title: str
    url: str
    due_on: date | None = None
    level: str = "normal"
    detail: str = ""

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        if not self.url.startswith("/"):
            raise ValueError(f"url must be a path inside zhenxing, not {self.url!r}")

    @property
    def level_label(self) -> str:
        return LEVELS[self.level]

    def sort_key(self) -> tuple:
        return (_ORDER[self.level], self.due_on or date.max, self.title)


SourceFunc = Callable[[Any, Any, Any], list[TodoItem]]
CountFunc = Callable[[Any, Any, Any], int]


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    func: SourceFunc
    count: CountFunc | None = None


_SOURCES: dict[str, Source] = {}


def register_source(key: str, label: str, func: SourceFunc, *, count: CountFunc | None = None) -> Source:
    """Add a source of to-do items: `func(session, user, scope) -> list[TodoItem]`; optionally
    `count(session, user, scope) -> int` for the navigation badge. Registering a key again replaces it."""
    if not _KEY.match(key) or len(key) > 60:
        raise ValueError(f"todo source key {key!r} must be dotted lower-case words, at most 60 characters")
    source = Source(key=key, label=label, func=func, count=count)
    _SOURCES[key] = source
    return source


def unregister_source(key: str) -> None:
    """For tests that register a source of their own."""
    _SOURCES.pop(key, None)


def sources() -> list[Source]:
    return list(_SOURCES.values())


def ordered(items: list[TodoItem]) -> list[TodoItem]:
    """Overdue first, then due soon, then the rest; earliest due date first within each."""
    return sorted(items, key=TodoItem.sort_key)
