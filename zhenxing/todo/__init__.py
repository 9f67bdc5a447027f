"""我的待办: one inbox per user, fed by every area.

    from zhenxing.todo import TodoItem, register_source

    def my_reports(session, user, scope) -> list[TodoItem]:
        return [TodoItem(kind="月报", title="凌海市 2025-03 月报未报", url="/dispatch/reports?period=2025-03",
                         due_on=date(2025, 4, 5), level="red")]
    register_source("dispatch.reports", "月报填报", my_reports)

Put registrations in `zhenxing/<area>/todos.py` (imported by `zhenxing.registry.load_all()`). A source
answers only what the user must act on, within the user's scope; it is called on every page render (for
the count in the navigation) unless it also gives `count=` — a cheaper function answering the number.
"""

from zhenxing.todo.registry import LEVELS, Source, TodoItem, register_source, sources, unregister_source

__all__ = ["LEVELS", "Source", "TodoItem", "register_source", "sources", "unregister_source"]
