"""Every time an API answer carries says its time zone: the JSON of every GET route of the API, walked
through the demo city as the admin (SQLite gives datetimes back without one), holds no date-time string
without `Z` or an offset. A new route is walked from its first run (tests/web/site.py fills its path)."""

import re

import pytest

from tests.web.site import Ids, app_routes, demo_city, fill, log_in

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
ZONED = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")
INDEX = re.compile(r"\[\d+\]")


# API path parameters the page walk does not need.
def _extra() -> dict[str, list[str]]:
    from zhenxing.league.schemes import SUBJECT_KINDS
    from zhenxing.rules.registry import kinds
    from zhenxing.supervision.api import RULE_KINDS

    return {"year": ["2025"], "period": ["2025-06"], "kind/period": [f"{kind}/2025-06" for kind in SUBJECT_KINDS],
            "kind/year": [f"{kind}/2025" for kind in SUBJECT_KINDS],
            "rule_kind": [kind.kind if hasattr(kind, "kind") else str(kind) for kind in kinds()],
            "name": list(RULE_KINDS)}


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return demo_city(tmp_path_factory)


def _strings(value, where: str):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for number, inner in enumerate(value[:50]):
            yield from _strings(inner, f"{where}[{number}]")


def test_every_datetime_in_every_api_answer_has_a_time_zone(city):
    client, _ = log_in(city.app, "admin", city.password)
    routes = [route for route in app_routes(city.app) if "GET" in route.methods and route.path.startswith("/api/")]
    ids = Ids({**city.ids.values, **_extra()})
    walked, naive, datetimes = 0, [], 0
    for route in routes:
        for url in fill(route.path, ids):
            answer = client.get(url)
            if not answer.headers.get("content-type", "").startswith("application/json"):
                continue
            walked += 1
            for where, text in _strings(answer.json(), "$"):
                if DATETIME.match(text):
                    datetimes += 1
                    if not ZONED.search(text):
                        naive.append(f"{route.path} {INDEX.sub('[]', where)}")
    assert walked > 30 and datetimes > 20, (walked, datetimes)
    assert naive == [], "\n".join(dict.fromkeys(naive))
