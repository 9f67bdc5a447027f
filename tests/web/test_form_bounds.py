"""Every form field of every post has a bound and a Chinese name, as a class (zhenxing.web.forms):

* no handler reads a raw form: `request.form()` appears nowhere but in zhenxing/web/forms.py;
* every route of the route table refuses an over-long field with a 422 naming it, before its handler runs
  (an admin's post, CSRF token and all: a route without the guard would take it); Open311's post with the
  spec's 400;
* every field a template posts has a Chinese name and a bound of its own (FIELDS or PATTERNS);
* a route that needs a longer field (a pasted work report) says so and gets it.
"""

import re
from pathlib import Path

import pytest

from tests.factories import make_project
from tests.web.site import app_routes
from zhenxing.projects.models import Project
from zhenxing.web import forms

PACKAGE = Path(__file__).resolve().parents[2] / "zhenxing"
TEMPLATES = PACKAGE / "web" / "templates"
WRITES = ("POST", "PUT", "PATCH", "DELETE")


def test_no_handler_reads_a_raw_form():
    raw = [f"{path.relative_to(PACKAGE)}:{number}" for path in PACKAGE.rglob("*.py")
           if path != PACKAGE / "web" / "forms.py"
           for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
           if "request.form()" in line or "request._form" in line]
    assert not raw, f"read the post with zhenxing.web.forms.read_form (bounded, fields named): {raw}"


def _filled(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_refuses_an_over_long_field_naming_it(app, session, world, page_as):
    client, token = page_as(world.admin)
    too_long = "长" * (forms.DEFAULT_LIMIT + 1)
    routes = [(method, route.path) for route in app_routes(app) for method in sorted(route.methods & set(WRITES))]
    assert len(routes) > 100
    passed = []
    for method, path in routes:
        answer = client.request(method, _filled(path), data={"csrf_token": token, "zz_probe": too_long},
                                headers={"X-CSRF-Token": token}, follow_redirects=False)
        expected = 400 if path.startswith("/open311/") else 422  # Open311 answers in the spec's format
        if answer.status_code != expected or "zz_probe" not in answer.text:
            passed.append(f"{method} {path} → {answer.status_code}")
    assert not passed, f"these routes took an over-long form field: {passed}"


def test_an_over_long_field_on_a_real_form_is_refused_by_its_chinese_name_and_changes_nothing(
        session, world, page_as):
    project = make_project(session, name="凌海港口物流园", region_id=world.linghai.id, description="一期码头")
    session.commit()
    client, token = page_as(world.office)
    answer = client.post(f"/projects/{project.id}/edit", data={"csrf_token": token, "description": "长" * 4001})
    assert answer.status_code == 422 and "简介最多 4000 个字（现有 4001 个）" in answer.text
    session.expire_all()
    assert session.get(Project, project.id).description == "一期码头"


def _posted_field_names() -> set[str]:
    names = set()
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        names |= set(re.findall(r'<(?:input|textarea|select)\b[^>]*\bname="([a-z_0-9]+)"', text))
    return names


def test_every_field_a_template_posts_has_a_chinese_name_and_its_own_bound():
    names = _posted_field_names()
    assert {"description", "csrf_token", "name"} <= names
    unnamed = sorted(name for name in names if forms.bound_of(name)[0].startswith("字段"))
    assert not unnamed, f"add these to zhenxing.web.forms.FIELDS (Chinese name, limit): {unnamed}"


def test_a_route_may_allow_a_longer_field_and_only_that_route_gets_it(app):
    [report] = [route for route in app_routes(app) if route.path == "/documents" and "POST" in route.methods]
    assert forms.bound_of("text", report) == ("报告全文", 2_000_000)
    assert forms.bound_of("text")[1] < 10_000  # elsewhere "text" is a short note
    with pytest.raises(forms.Rejected) as refused:
        forms.check_form(forms.FormData([("text", "字" * 10_000), ("name", "名" * 201)]), report)
    assert refused.value.field == "name" and "名称最多 200 个字" in refused.value.message
