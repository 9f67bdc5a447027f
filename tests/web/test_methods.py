"""A method a path does not serve is a 405 naming, in Allow, every method the path serves — from the route table.

For every fixed path of the app (API and pages), every method no route serves on it is sent: the answer is 405,
Allow lists exactly the methods the route table serves there, and the API answers in its error shape. A path
shadowed by a template (PATCH /api/v1/projects/export.xlsx beside PATCH /api/v1/projects/{project_id}) is the
case this exists for; a route added later is covered without anyone listing it.
"""

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.site import app_routes
from zhenxing.web.methods import AllowedMethods, allowed_methods, path_templates

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def served(app) -> dict[str, set[str]]:
    """Path → the methods the route table serves on it (the test's own walk, not the middleware's)."""
    table: dict[str, set[str]] = {}
    for route in app_routes(app):
        table.setdefault(route.path, set()).update(route.methods | ({"HEAD"} if "GET" in route.methods else set()))
    return table


def test_every_method_a_fixed_path_does_not_serve_is_a_405_with_the_right_allow(app, api_as, world):
    admin = api_as(world.admin)
    table = served(app)
    fixed = {path: methods for path, methods in table.items() if "{" not in path}
    assert len(fixed) > 60 and "/api/v1/projects/export.xlsx" in fixed
    wrong, sent = [], 0
    for path, methods in sorted(fixed.items()):
        for method in METHODS:
            if method in methods:
                continue
            answer = admin.request(method, path)
            sent += 1
            allow = set(answer.headers.get("allow", "").replace(" ", "").split(",")) - {""}
            if answer.status_code != 405 or allow != methods:
                wrong.append(f"{method} {path} → {answer.status_code}, Allow {sorted(allow)}, serves {sorted(methods)}")
            elif path.startswith("/api/") and method != "HEAD" and method not in answer.json().get("message", ""):
                wrong.append(f"{method} {path}: {answer.text[:200]}")
    assert sent > 200
    assert not wrong, f"{len(wrong)} of {sent}:\n" + "\n".join(wrong)


def test_head_is_served_wherever_get_is_with_get_s_status_and_headers_and_no_body(app, api_as, world):
    admin = api_as(world.admin)
    gets = sorted(path for path, methods in served(app).items() if "{" not in path and "GET" in methods)
    assert len(gets) > 40
    wrong = []
    for path in gets:
        got, head = admin.get(path), admin.head(path)
        same = {name: got.headers.get(name) for name in ("content-type", "content-length", "location")}
        if head.status_code != got.status_code or head.content or \
                {name: head.headers.get(name) for name in same} != same:
            wrong.append(f"HEAD {path} → {head.status_code} ({len(head.content)} bytes), GET → {got.status_code}")
    assert not wrong, "\n".join(wrong)


def test_the_api_answers_405_in_its_error_shape(api_as, world):
    answer = api_as(world.admin).patch("/api/v1/projects/export.xlsx", json={})
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, HEAD"
    assert answer.json() == {"message": "此地址不支持 PATCH 请求（可用：GET, HEAD）", "field": "method"}
    missing = api_as(world.admin).get("/api/v1/no-such-thing")
    assert missing.status_code == 404 and missing.json() == {"message": "找不到这个地址"}


def test_every_served_method_gets_past_the_check(app):
    """The check never refuses what a route serves: each route's path, its parameters filled, allows its methods."""
    templates = path_templates(app.routes)
    for route in app_routes(app):
        path = re.sub(r"\{[^}]*\}", "1", route.path)
        allowed = allowed_methods(templates, path)
        assert allowed is not None and route.methods <= allowed, (route.path, route.methods, allowed)


def test_the_most_specific_templates_decide_and_their_methods_are_joined():
    toy = FastAPI()

    @toy.get("/items/export")
    def export() -> dict:
        return {}

    @toy.patch("/items/{number}")
    def edit(number: int) -> dict:
        return {}

    @toy.get("/items/{number}")
    def read(number: int) -> dict:
        return {}

    @toy.delete("/items/{number}")
    def remove(number: int) -> dict:
        return {}

    toy.add_middleware(AllowedMethods, routes_of=toy)
    client = TestClient(toy, headers={"Accept": "application/json"})
    shadowed = client.patch("/items/export")
    assert shadowed.status_code == 405 and shadowed.headers["allow"] == "GET, HEAD"
    split = client.post("/items/3")  # three routes serve /items/{number}: Allow names all of them
    assert split.status_code == 405 and split.headers["allow"] == "DELETE, GET, HEAD, PATCH"
    assert client.patch("/items/3").status_code == 200
    assert client.get("/items/export").status_code == 200
    assert client.get("/nowhere").status_code == 404
