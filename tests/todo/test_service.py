"""To-do sources: items ordered overdue first, grouped by source, counted for the navigation."""

from datetime import date

import pytest

from zhenxing.auth.service import scope_for
from zhenxing.todo import TodoItem, register_source, sources, unregister_source
from zhenxing.todo import registry as todo_registry
from zhenxing.todo.service import todo_count, todo_groups


@pytest.fixture
def no_sources(monkeypatch):
    """Only this test's sources (the areas' real ones were loaded before, and stay registered after)."""
    from zhenxing.registry import load_all

    load_all()
    monkeypatch.setattr(todo_registry, "_SOURCES", {})


def test_an_item_checks_its_level_and_url():
    with pytest.raises(ValueError, match="level"):
        TodoItem("月报", "x", "/a", level="purple")
    with pytest.raises(ValueError, match="url"):
        TodoItem("月报", "x", "https://evil.example/")
    assert TodoItem("月报", "x", "/a", level="red").level_label == "逾期"


def test_items_are_grouped_overdue_first_and_only_the_users_own(session, world, no_sources):
    def reports(session_, user, scope):
        if user.role != "unit":
            return []
        return [TodoItem("月报", "3月月报", "/r/3", date(2025, 4, 5), "normal"),
                TodoItem("月报", "1月月报", "/r/1", date(2025, 2, 5), "red"),
                TodoItem("月报", "2月月报", "/r/2", date(2025, 3, 5), "yellow"),
                TodoItem("月报", "长期", "/r/x", None, "normal")]

    def problems(session_, user, scope):
        return [TodoItem("问题", "用地指标", "/p/1", None, "normal")]

    register_source("test.reports", "月报填报", reports)
    register_source("test.problems", "问题清单", problems, count=lambda s, u, c: 1)
    county = todo_groups(session, world.county, scope_for(session, world.county))
    assert [g.label for g in county] == ["月报填报", "问题清单"]
    assert [i.title for i in county[0].items] == ["1月月报", "2月月报", "3月月报", "长期"]
    assert (county[0].overdue, county[0].due_soon) == (1, 1)
    assert todo_count(session, world.county, scope_for(session, world.county)) == 5
    office = todo_groups(session, world.office, scope_for(session, world.office))
    assert [g.label for g in office] == ["问题清单"]  # an empty group is left out


def test_nothing_registered_means_nothing_to_do(session, world, no_sources):
    assert sources() == []
    assert todo_groups(session, world.office, scope_for(session, world.office)) == []
    assert todo_count(session, world.office, scope_for(session, world.office)) == 0


def test_a_failing_source_does_not_break_the_count(session, world, no_sources):
    register_source("test.broken", "坏", lambda s, u, c: 1 / 0)
    register_source("test.fine", "好", lambda s, u, c: [TodoItem("任务", "t", "/t")])
    assert todo_count(session, world.office, scope_for(session, world.office)) == 1
    groups = todo_groups(session, world.office, scope_for(session, world.office))
    assert [(g.label, g.failed, len(g.items)) for g in groups] == [("好", False, 1), ("坏", True, 0)]


def test_registration_checks_the_key(no_sources):
    with pytest.raises(ValueError):
        register_source("Bad Key", "坏", lambda s, u, c: [])
    register_source("test.a", "甲", lambda s, u, c: [])
    register_source("test.a", "甲2", lambda s, u, c: [])
    assert [s.label for s in sources()] == ["甲2"]
    unregister_source("test.a")
    assert sources() == []


def test_a_long_list_is_cut(session, world, no_sources):
    register_source("test.many", "很多", lambda s, u, c: [TodoItem("任务", f"t{i}", "/t") for i in range(600)])
    group = todo_groups(session, world.office, scope_for(session, world.office))[0]
    assert len(group.items) == 500 and group.truncated
