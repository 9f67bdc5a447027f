"""Collecting a user's to-do items from every registered source."""

import logging
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from zhenxing.auth.policy import Scope
from zhenxing.todo.registry import Source, TodoItem, ordered, sources

log = logging.getLogger("zhenxing.todo")
MAX_ITEMS = 500  # per source: a to-do list longer than this is a report, not a list


@dataclass
class TodoGroup:
    key: str
    label: str
    items: list[TodoItem] = field(default_factory=list)
    truncated: bool = False

    @property
    def overdue(self) -> int:
        return sum(item.level == "red" for item in self.items)

    @property
    def due_soon(self) -> int:
        return sum(item.level == "yellow" for item in self.items)


def _group(session: Session, source: Source, user, scope: Scope) -> TodoGroup:
    items = ordered(list(source.func(session, user, scope)))
    return TodoGroup(key=source.key, label=source.label, items=items[:MAX_ITEMS], truncated=len(items) > MAX_ITEMS)


def todo_groups(session: Session, user, scope: Scope) -> list[TodoGroup]:
    """Every source's items for this user, grouped; groups with overdue items first, empty groups left out."""
    groups = [group for group in (_group(session, source, user, scope) for source in sources()) if group.items]
    return sorted(groups, key=lambda group: (-group.overdue, -group.due_soon, group.label))


def todo_count(session: Session, user, scope: Scope) -> int:
    """How many items the user has (the navigation badge). A failing source is logged and counted as 0, so
    one area's bug does not take every page down; the /todo page itself shows the error."""
    total = 0
    for source in sources():
        try:
            total += source.count(session, user, scope) if source.count else len(source.func(session, user, scope))
        except Exception:  # noqa: BLE001 - see above
            log.exception("todo source %s failed while counting", source.key)
    return total
