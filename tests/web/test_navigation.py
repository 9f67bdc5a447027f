"""Each persona sees only what it can use: every link in the navigation and on the pages it leads to
opens (no 403, no broken link), walked through the demo city as that persona."""

import pytest

from tests.web.site import crawl, demo_city, log_in, nav_links
from zhenxing.web.templating import NAV, nav_for


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return demo_city(tmp_path_factory)


PERSONAS = ["admin", "office", "leader", "linghai", "kaifaqu", "jiaotong", "刘佳"]


def _not_followed(url: str) -> bool:
    """Links a walk must not click: leaving, and files (fetched, but not parsed)."""
    return url.startswith("/logout") or url.startswith("/static/")


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_link_a_persona_is_shown_ends_in_a_refusal(city, persona):
    assert persona in city.personas
    client, _ = log_in(city.app, persona, city.password)
    home = client.get("/projects")
    starts = nav_links(home.text)
    assert starts, "the navigation is empty"
    broken = [f"{status} {url}（来自 {origin}）"
              for origin, url, status, _body in crawl(client, starts, depth=2, skip=_not_followed)
              if status >= 400]
    assert broken == [], "\n".join(broken)


def test_read_only_leaders_are_not_offered_import_review_or_new(city):
    client, _ = log_in(city.app, "leader", city.password)
    page = client.get("/projects").text
    for href in ('href="/projects/import"', 'href="/review"', 'href="/projects/new"'):
        assert href not in page, href
    documents = client.get("/documents").text
    assert 'data-testid="ingest-form"' not in documents and 'href="/review' not in documents


def test_nav_entries_may_name_roles_or_a_policy_rule():
    office, steward = type("U", (), {"role": "office"})(), type("U", (), {"role": "steward"})()
    keys = {key for _href, _label, key in nav_for(office)}
    assert {"import", "review", "audit"} <= keys and "admin" not in keys
    assert not {"import", "review", "audit", "admin"} & {key for _h, _l, key in nav_for(steward)}
    assert all(len(entry) in (3, 4) for entry in NAV)
