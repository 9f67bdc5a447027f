"""League schemes are data: the presets parse, and a bad scheme is refused naming its field."""

import pytest

from zhenxing.league import registry
from zhenxing.league.schemes import PRESETS, SchemeError, parse_scheme, preset


def base(**changes):
    data = {"name": "办法", "subject_kind": "region",
            "measures": [{"key": "m", "label": "指标", "method": "share_of_best", "weight": 10}]}
    data.update(changes)
    return data


def measure(**changes):
    return base(measures=[{"key": "m", "label": "指标", "method": "share_of_best", "weight": 10, **changes}])


@pytest.mark.parametrize("kind", sorted(PRESETS))
def test_every_preset_parses(kind):
    scheme = parse_scheme(preset(kind))
    assert scheme.subject_kind == kind and scheme.measures


def test_the_region_preset_follows_the_published_scoring_sheet():
    scheme = parse_scheme(preset("region"))
    plan = next(m for m in scheme.measures if m.key == "investment_rate")
    assert (plan.weight, plan.target, plan.below_per_point, plan.bonus_cap, plan.deduction_cap) == (25, 100, .1, 10, 10)
    assert [(b.upto, b.points) for b in plan.bands] == [(3, 7), (6, 5), (10, 3)]
    late = next(m for m in scheme.measures if m.key == "late_starts")
    assert (late.per, late.better) == (-3, "lower")
    assert scheme.multiplier(1, "new_starts") > 1 and scheme.multiplier(4, "new_starts") == 1


def test_preset_returns_a_copy_that_callers_may_change():
    first = preset("region")
    first["measures"].clear()
    assert preset("region")["measures"]


@pytest.mark.parametrize(("data", "field"), [
    ("not a dict", ""),
    (base(subject_kind="township"), "subject_kind"),
    (base(measures=[]), "measures"),
    (base(name=""), "name"),
    (measure(method="magic"), "measures[1].method"),
    (measure(weight=-1), "measures[1].weight"),
    (measure(weight=True), "measures[1].weight"),
    (measure(weight=float("nan")), "measures[1].weight"),
    (measure(weight=10 ** 19), "measures[1].weight"),
    (measure(better="sideways"), "measures[1].better"),
    (measure(method="target"), "measures[1].target"),
    (measure(bonus_cap=-2), "measures[1].bonus_cap"),
    (measure(above=[{"from": 130, "to": 100, "per_point": 0.1}]), "measures[1].above[1].to"),
    (measure(above="steep"), "measures[1].above"),
    (measure(bands=[{"upto": 3, "points": 7}, {"upto": 2, "points": 5}]), "measures[1].bands[2].upto"),
    (measure(label="长" * 61), "measures[1].label"),
    (base(emphasis={"5": {"m": 2}}), "emphasis"),
    (base(emphasis={"1": {"other": 2}}), "emphasis.1"),
    (base(emphasis={"1": {"m": 11}}), "emphasis.1.m"),
])
def test_a_bad_scheme_is_refused_naming_the_field(data, field):
    with pytest.raises(SchemeError) as caught:
        parse_scheme(data)
    assert caught.value.field == field
    assert caught.value.message  # Chinese, for the office's editor


def test_two_measures_with_one_key_are_refused():
    data = base(measures=[{"key": "m", "label": "甲", "method": "per_count", "per": 1},
                          {"key": "m", "label": "乙", "method": "per_count", "per": 2}])
    with pytest.raises(SchemeError, match="重复"):
        parse_scheme(data)


def test_a_registered_measure_is_found_by_subject_kind_and_key():
    def func(_session, _period, ids):
        return dict.fromkeys(ids, 1.0)

    registry.register_measure("test_only_measure", "测试指标", "unit", func, unit="%")
    assert registry.get_measure("unit", "test_only_measure").func is func
    assert registry.get_measure("region", "test_only_measure") is None
    assert "test_only_measure" in {m.key for m in registry.measures_for("unit")}


def test_registering_for_an_unknown_subject_kind_fails():
    with pytest.raises(ValueError):
        registry.register_measure("x", "x", "township", lambda *_: {})
