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
    failed: bool = False  # the source raised: the page says so instead of falling over

    @property
    def overdue(self) -> int:
        return sum(item.level == "red" for item in self.items)

    @property
    def due_soon(self) -> int:
        return sum(item.level == "yellow" for item in self.items)


def _group(session: Session, source: Source, user, scope: Scope) -> TodoGroup:
    items = ordered(list(source.func(session, user, scope)))
    return TodoGroup(key=source.key, label=source.label, items=items[:MAX_ITEMS], truncated=len(items) > MAX_ITEMS)


def _group_or_failure(session: Session, source: Source, user, scope: Scope) -> TodoGroup:
    try:
        with session.begin_nested():  # a failing source's half-done reads leave the session usable
            return _group(session, source, user, scope)
    except Exception:  # noqa: BLE001 - one area's bug must not hide every other area's to-dos
        log.exception("todo source %s failed", source.key)
        return TodoGroup(key=source.key, label=source.label, failed=True)


def todo_groups(session: Session, user, scope: Scope) -> list[TodoGroup]:
    """Every source's items for this user, grouped; groups with overdue items first, empty groups left out,
    failed sources last (shown as such)."""
    groups = [group for group in (_group_or_failure(session, source, user, scope) for source in sources())
              if group.items or group.failed]
    return sorted(groups, key=lambda group: (group.failed, -group.overdue, -group.due_soon, group.label))


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
