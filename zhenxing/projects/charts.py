"""ECharts options for the ledger pages, built as plain dicts (pure: no database, no web).

Templates embed them with `{{ option|tojson }}`; static/app.js hands them to echarts.init.
"""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

ACCENT = "#b71c1c"


def to_yi(wan: int) -> float:
    """万元 → 亿元, rounded to two decimals for display in a chart."""
    return float((Decimal(wan) / Decimal(10_000)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def stage_investment_option(by_stage: Sequence[dict]) -> dict:
    """A bar chart of total investment (亿元) per stage; the counts sit beside it as text."""
    return {
        "animation": False,
        "grid": {"left": 52, "right": 16, "top": 30, "bottom": 28},
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": [row["label"] for row in by_stage], "axisTick": {"show": False}},
        "yAxis": {"type": "value", "name": "亿元", "splitLine": {"lineStyle": {"color": "#eef0f4"}}},
        "series": [{
            "name": "总投资（亿元）", "type": "bar", "barMaxWidth": 44,
            "itemStyle": {"color": ACCENT, "borderRadius": [3, 3, 0, 0]},
            "label": {"show": True, "position": "top", "fontSize": 12, "color": "#1f2633"},
            "data": [to_yi(row["total_investment"]) for row in by_stage],
        }],
    }
