"""Matching a suggested unit to the organisation's units (pure: a dict of names)."""

from zhenxing.tasks.keywords import match_unit


def test_a_department_the_organisation_lacks_is_suggested_as_its_stand_in():
    city = {"市自然资源局": 1, "市发展改革委": 2, "市商务局": 3}
    assert match_unit("林业和草原局", city) == "市自然资源局"
    assert match_unit("投资促进局", city) == "市商务局"
    assert match_unit("林业和草原局", {**city, "市林业和草原局": 4}) == "市林业和草原局"  # where it has one
    assert match_unit("教育局", city) is None  # no stand-in: nothing
