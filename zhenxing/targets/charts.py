"""ECharts options of the indicator pages, built as plain dicts (pure: no database, no web).

One chart per target: the months of its year on the x axis; the target (a flat line), the trajectory (where
the year should be each month), the year-to-date readings, and the provincial and national benchmarks.
"""

from collections.abc import Mapping
from decimal import Decimal

from zhenxing.targets.trajectory import Goal, expected_value

ACCENT = "#b71c1c"
COLOURS = {"readings": ACCENT, "target": "#1f3a5f", "trajectory": "#8a93a6", "province": "#d48806",
           "nation": "#2e7d32"}
LEVEL_NAMES = {"province": "全省", "nation": "全国"}


def _plain(value: Decimal | None) -> float | None:
    return None if value is None else float(round(value, 4))


def indicator_option(*, goal: Goal, unit: str, series: Mapping[int, Decimal],
                     benchmarks: Mapping[str, Mapping[int, Decimal]], name: str = "实绩") -> dict:
    months = list(range(1, 13))
    unit_text = f"（{unit}）" if unit else ""
    lines = [
        _line(f"{name}{unit_text}", [_plain(series.get(m)) for m in months], COLOURS["readings"], width=3,
              symbol=True),
        _line("全年目标", [_plain(goal.value)] * 12, COLOURS["target"], dashed=True),
    ]
    if goal.path == "accumulate":
        lines.append(_line("序时进度", [_plain(expected_value(goal, m)) for m in months], COLOURS["trajectory"],
                           dashed=True))
    for level, by_month in benchmarks.items():
        lines.append(_line(LEVEL_NAMES.get(level, level), [_plain(by_month.get(m)) for m in months],
                           COLOURS.get(level, "#666"), symbol=True))
    return {
        "animation": False,
        "grid": {"left": 48, "right": 16, "top": 40, "bottom": 28},
        "legend": {"top": 0, "type": "scroll"},
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": [f"{m}月" for m in months], "boundaryGap": False},
        "yAxis": {"type": "value", "name": unit, "scale": True, "splitLine": {"lineStyle": {"color": "#eef0f4"}}},
        "series": lines,
    }


def _line(name: str, data: list, colour: str, *, dashed: bool = False, width: int = 2, symbol: bool = False) -> dict:
    return {"name": name, "type": "line", "data": data, "connectNulls": True, "showSymbol": symbol,
            "itemStyle": {"color": colour},
            "lineStyle": {"color": colour, "width": width, "type": "dashed" if dashed else "solid"}}


def ledger_option(counts: Mapping[str, int]) -> dict:
    """A doughnut of the ledger's targets by colour: 符合或超进度 / 滞后 / 已完成 / 未完成 / 无实绩."""
    palette = {"符合或超进度": "#2e7d32", "已完成": "#1b5e20", "滞后": "#c62828", "未完成": "#8e1414",
               "无实绩": "#b0b6c3"}
    data = [{"name": label, "value": count, "itemStyle": {"color": palette.get(label, "#999")}}
            for label, count in counts.items() if count]
    return {"animation": False, "tooltip": {"trigger": "item"}, "legend": {"bottom": 0},
            "series": [{"type": "pie", "radius": ["45%", "70%"], "center": ["50%", "45%"],
                        "label": {"formatter": "{b} {c}"}, "data": data}]}
