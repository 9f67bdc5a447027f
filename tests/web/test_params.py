"""zhenxing.web.params: the guard that bounds every integer a route reads."""

import pytest

from zhenxing.web.params import too_big


@pytest.mark.parametrize("text", ["0\x1d", " 7\x1c", "1\x1f"])
def test_an_integer_with_a_separator_character_is_left_to_the_route_and_refused_there(api_as, world, text):
    """str.strip takes \\x1c–\\x1f, int() does not: the guard once raised ValueError (an escaping exception)."""
    assert too_big(text) is False
    answer = api_as(world.admin).get("/api/v1/audit", params={"offset": text})
    assert answer.status_code == 422 and answer.json()["field"] == "offset"


def test_an_integer_past_a_bigint_is_refused_naming_it(api_as, world):
    assert too_big(" 9223372036854775808") and not too_big("9223372036854775807")
    answer = api_as(world.admin).get("/api/v1/audit", params={"offset": "9223372036854775808"})
    assert answer.status_code == 422 and answer.json()["field"] == "offset"
