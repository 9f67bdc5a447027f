"""The ECharts option builders: plain dicts with the figures in 亿元."""

import json

from zhenxing.projects.charts import stage_investment_option, to_yi


def test_it_converts_wan_to_yi_with_two_decimals():
    assert to_yi(123_456) == 12.35 and to_yi(0) == 0.0


def test_the_stage_chart_has_one_bar_per_stage_in_yi():
    by_stage = [{"stage": "planned", "label": "谋划", "count": 2, "total_investment": 28_400},
                {"stage": "signed", "label": "签约", "count": 1, "total_investment": 5_000}]
    option = stage_investment_option(by_stage)
    assert option["xAxis"]["data"] == ["谋划", "签约"]
    assert option["series"][0]["data"] == [2.84, 0.5]
    assert json.loads(json.dumps(option)) == option  # embeddable as JSON
