"""ECharts options for the ledger pages, built as plain dicts (pure: no database, no web).

Templates embed them with `{{ option|tojson }}`; static/app.js hands them to echarts.init.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

ACCENT = "#b71c1c"
MUTED = "#8c96a8"


def to_yi(wan: int) -> float:
    """万元 → 亿元, rounded to two decimals for display in a chart."""
    return float((Decimal(wan) / Decimal(10_000)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def stage_investment_option(by_stage: Sequence[dict]) -> dict:
    """A bar chart of total investment (亿元) per stage, with the project count as a second series."""
    labels = [row["label"] for row in by_stage]
    return {
        "animation": False,
        "grid": {"left": 48, "right": 40, "top": 36, "bottom": 28},
        "legend": {"top": 0, "right": 0, "itemWidth": 12, "itemHeight": 8},
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": labels, "axisTick": {"show": False}},
        "yAxis": [
            {"type": "value", "name": "亿元", "splitLine": {"lineStyle": {"color": "#eef0f4"}}},
            {"type": "value", "name": "个", "minInterval": 1, "splitLine": {"show": False}},
        ],
        "series": [
            {
                "name": "总投资（亿元）", "type": "bar", "barMaxWidth": 36,
                "itemStyle": {"color": ACCENT},
                "label": {"show": True, "position": "top", "fontSize": 11},
                "data": [to_yi(row["total_investment"]) for row in by_stage],
            },
            {
                "name": "项目个数", "type": "line", "yAxisIndex": 1, "symbolSize": 6,
                "itemStyle": {"color": MUTED},
                "data": [row["count"] for row in by_stage],
            },
        ],
    }
