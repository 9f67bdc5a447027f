"""我的待办 as a user meets it: the page grouped by source with overdue first, the navigation badge, the JSON
list, a broken source shown as such, and each user seeing only what their sources give them."""

from datetime import date

import pytest

from zhenxing.todo import TodoItem, register_source
from zhenxing.todo import registry as todo_registry


@pytest.fixture
def sources(monkeypatch):
    from zhenxing.registry import load_all

    load_all()
    monkeypatch.setattr(todo_registry, "_SOURCES", {})

    def reports(session, user, scope):
        if user.role != "unit":
            return []
        return [TodoItem("月报", "2025-03 月报未报", "/reports?period=2025-03", date(2025, 4, 5), "normal"),
                TodoItem("月报", "2025-01 月报未报", "/reports?period=2025-01", date(2025, 2, 5), "red")]

    register_source("test.reports", "月报填报", reports)
    register_source("test.problems", "问题清单",
                    lambda s, u, c: [TodoItem("问题", f"{u.name}的问题", "/problems/1", None, "yellow")])


def test_the_page_lists_each_users_own_items_overdue_first(page_as, world, sources):
    county, _ = page_as(world.county)
    page = county.get("/todo")
    assert page.status_code == 200
    text = page.text
    assert "共 3 项" in text and "逾期 <b" in text
    assert text.index("2025-01 月报未报") < text.index("2025-03 月报未报")  # overdue before the rest
    assert "linghai的问题" in text and "office的问题" not in text
    office, _ = page_as(world.office)
    assert "月报未报" not in office.get("/todo").text


def test_the_badge_counts_and_hides_at_zero(page_as, world, sources, monkeypatch):
    county, _ = page_as(world.county)
    assert 'hx-get="/todo/badge"' in county.get("/projects").text  # every page loads the badge after itself
    badge = county.get("/todo/badge")
    assert badge.status_code == 200 and ">3</span>" in badge.text
    monkeypatch.setattr(todo_registry, "_SOURCES", {})
    empty = county.get("/todo/badge").text
    assert "hidden" in empty and ">0<" not in empty
    assert "暂无待办事项" in county.get("/todo").text


def test_the_badge_says_99_plus_for_a_long_list(page_as, world, sources):
    register_source("test.many", "很多", lambda s, u, c: [TodoItem("任务", f"t{i}", "/tasks") for i in range(120)])
    office, _ = page_as(world.office)
    assert ">99+</span>" in office.get("/todo/badge").text


def test_a_broken_source_is_shown_and_the_rest_still_listed(page_as, world, sources):
    register_source("test.broken", "坏掉的来源", lambda s, u, c: 1 / 0)
    county, _ = page_as(world.county)
    page = county.get("/todo")
    assert page.status_code == 200
    assert "此类待办暂时无法读取" in page.text and "2025-01 月报未报" in page.text
    assert county.get("/todo/badge").status_code == 200


def test_the_api_gives_the_same_groups(api_as, world, sources):
    answer = api_as(world.county).get("/api/v1/todo")
    assert answer.status_code == 200
    groups = {group["label"]: group for group in answer.json()}
    assert [item["title"] for item in groups["月报填报"]["items"]] == ["2025-01 月报未报", "2025-03 月报未报"]
    assert groups["月报填报"]["items"][0] == {"kind": "月报", "title": "2025-01 月报未报",
                                            "url": "/reports?period=2025-01", "due_on": "2025-02-05",
                                            "level": "red", "level_label": "逾期", "detail": ""}


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/todo", follow_redirects=False).status_code in (302, 303)
    assert client.get("/api/v1/todo").status_code == 401


def test_the_real_sources_answer_for_every_demo_role_without_failing(page_as, world):
    """The areas' registered sources (dispatch, supervision, appeals) run for each persona on an empty city."""
    from zhenxing.registry import load_all

    load_all()
    for user in (world.office, world.county):
        client, _ = page_as(user)
        page = client.get("/todo")
        assert page.status_code == 200 and "此类待办暂时无法读取" not in page.text
