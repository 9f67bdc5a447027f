"""Registering kinds of rules: presets checked, Chinese errors naming the field, parser functions too."""

import pytest

from zhenxing.errors import NotFound, Rejected
from zhenxing.rules import registry
from zhenxing.rules.registry import flatten, get_kind, register_kind

from .conftest import PRESETS, Thresholds


def test_a_registered_kind_is_found_and_listed(kind):
    assert get_kind("test.lights") is kind
    assert kind in registry.kinds()
    assert kind.preset_data() == PRESETS["银川2025"]
    assert kind.json_schema()["properties"]["yellow_gap"]["title"] == "黄灯差距（百分点）"


def test_an_unknown_kind_or_preset_is_not_found(kind):
    with pytest.raises(NotFound, match="没有“nope”这类规则"):
        get_kind("nope")
    with pytest.raises(NotFound, match="可选：银川2025、三亚2022"):
        kind.preset_data("北京")


def test_registration_refuses_bad_presets_names_and_defaults():
    with pytest.raises(ValueError, match="preset '坏'"):
        register_kind("test.bad", "坏", Thresholds, {"坏": {"yellow_gap": 50, "red_gap": 10}}, "坏")
    with pytest.raises(ValueError, match="default preset"):
        register_kind("test.bad", "坏", Thresholds, PRESETS, "北京")
    with pytest.raises(ValueError, match="dotted lower-case"):
        register_kind("Test Bad", "坏", Thresholds, PRESETS, "银川2025")
    with pytest.raises(NotFound):
        get_kind("test.bad")


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"yellow_gap": -1, "red_gap": 30}, "yellow_gap", "字段 yellow_gap（黄灯差距（百分点））应不小于 0"),
    ({"yellow_gap": "十", "red_gap": 30}, "yellow_gap", "应为整数"),
    ({"yellow_gap": 10, "red_gap": 101}, "red_gap", "应不大于 100"),
    ({"yellow_gap": 10, "red_gap": 30, "blue": 1}, "blue", "不是可设置的字段"),
    ({"yellow_gap": 40, "red_gap": 30}, "", "红灯差距应大于黄灯差距"),
    ({"steps": [{"key": "urge", "label": "催办", "offset": 999}]}, "steps.0.offset", "（相对期限）应不大于 366"),
    ({"steps": [{"key": "urge", "label": "催办", "offset": 1, "unit": "weeks"}]}, "steps.0.unit", "应为 'hours'"),
    ([1, 2], "", "应为对象"),
])
def test_bad_data_is_refused_in_chinese_naming_the_field(kind, data, field, words):
    with pytest.raises(Rejected) as refused:
        kind.validate(data)
    assert refused.value.message.startswith("“测试灯阈值”无效：")
    assert words in refused.value.message
    assert (refused.value.field or "") == field
    assert refused.value.details


def test_normalize_fills_defaults(kind):
    assert kind.normalize({"yellow_gap": 5}) == {"yellow_gap": 5, "red_gap": 30, "steps": []}


def test_a_parser_function_can_be_a_kind():
    def parse(data):
        if not isinstance(data, dict) or "weight" not in data:
            raise ValueError("缺少 weight（权重）")
        return ("parsed", data["weight"])

    entry = register_kind("test.parsed", "解析型", parse, {"默认": {"weight": 1}}, "默认")
    try:
        assert entry.validate({"weight": 3}) == ("parsed", 3)
        assert entry.normalize({"weight": 3}) == {"weight": 3}
        assert entry.json_schema() is None
        with pytest.raises(Rejected, match="“解析型”无效：缺少 weight"):
            entry.validate({})
    finally:
        registry.unregister_kind("test.parsed")


def test_flatten_reads_nested_data_field_by_field():
    assert flatten({"a": 1, "steps": [{"key": "x"}, {"key": "y"}], "empty": [], "none": {}}) == {
        "a": 1, "steps.0.key": "x", "steps.1.key": "y", "empty": [], "none": {}}
    assert flatten(5) == {"value": 5}
