"""Issue 6 finding 7, as a class: an integer no database column can hold (≥ 2⁶³) in any path, query or JSON body
is a 4xx naming the field, never a 500 — every route of the route table, as the office, through the API
token and the login cookie alike (zhenxing.web.params.bounded_numbers)."""

import re

from tests.web.site import app_routes

HUGE = ("9223372036854775808", "1" + "0" * 30)
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def _filled(path: str, value: str) -> str:
    """Every path parameter given the huge value (a typed {x:int} one too); the others can only be refused."""
    return re.sub(r"\{[^}]+\}", value, path)


def test_no_route_answers_a_huge_path_integer_with_a_server_error(app, world, api_as, page_as):
    api = api_as(world.office)
    page, token = page_as(world.office)
    failures, sent = [], 0
    for route in app_routes(app):
        if "{" not in route.path:
            continue
        for method in sorted(route.methods & {"GET", *WRITES}):
            for value in HUGE:
                client = api if route.path.startswith("/api/") else page
                extra = {"json": {}} if method in WRITES and client is api else (
                    {"data": {"csrf_token": token}} if method in WRITES else {})
                answer = client.request(method, _filled(route.path, value), follow_redirects=False, **extra)
                sent += 1
                if answer.status_code >= 500:
                    failures.append(f"{method} {route.path} → {answer.status_code}")
    assert sent > 200 and not failures, failures


def test_a_huge_integer_in_a_query_or_a_body_is_a_422_naming_the_field(api_as, world):
    api = api_as(world.office)
    listed = api.get("/api/v1/projects", params={"region_id": HUGE[0]})
    assert listed.status_code == 422 and listed.json()["field"] == "region_id"
    made = api.post("/api/v1/projects", json={"code": "XM-HUGE", "name": "测试项目", "region_id": int(HUGE[1])})
    assert made.status_code == 422 and made.json()["field"] == "region_id"
