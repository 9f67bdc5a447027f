"""ECharts options of the dispatch pages, built as plain dicts. Pure."""

LIGHT_COLORS = {"red": "#c62828", "yellow": "#f9a825", "green": "#2e7d32", "grey": "#9e9e9e"}
LIGHT_NAMES = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "grey": "暂停"}


def lights_by_region_option(rows: list[tuple[str, dict[str, int]]]) -> dict:
    """Stacked bars: each county's projects by light."""
    names = [name for name, _ in rows]
    return {
        "animation": False,
        "grid": {"left": 8, "right": 12, "top": 34, "bottom": 8, "containLabel": True},
        "legend": {"top": 0},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "xAxis": {"type": "category", "data": names,
                  "axisLabel": {"interval": 0, "rotate": 30 if len(names) > 6 else 0}},
        "yAxis": {"type": "value", "name": "个", "minInterval": 1},
        "series": [{"name": LIGHT_NAMES[color], "type": "bar", "stack": "lights", "barMaxWidth": 36,
                    "itemStyle": {"color": LIGHT_COLORS[color]},
                    "data": [counts.get(color, 0) for _, counts in rows]}
                   for color in ("red", "yellow", "green", "grey")],
    }


def progress_gauge_option(share: float | None, elapsed: float) -> dict:
    """投资完成率 against 序时进度: a gauge whose pointer is the completion and whose mark is the schedule."""
    value = round(share or 0.0, 1)
    return {
        "animation": False,
        "series": [{
            "type": "gauge", "min": 0, "max": 120, "radius": "95%", "splitNumber": 6,
            "axisLine": {"lineStyle": {"width": 14, "color": [[elapsed / 120, "#2e7d32"], [1, "#e0e0e0"]]}},
            "pointer": {"width": 5}, "progress": {"show": False},
            "detail": {"formatter": "{value}%", "fontSize": 22, "offsetCenter": [0, "60%"]},
            "title": {"offsetCenter": [0, "85%"], "fontSize": 12},
            "data": [{"value": value, "name": f"完成率（序时 {round(elapsed, 1)}%）"}],
        }],
    }


def investment_by_region_option(rows: list[tuple[str, int, int]], month: int) -> dict:
    """Each county's annual plan and completed investment (亿元), and its completion rate against 序时进度."""
    names = [name for name, _, _ in rows]
    elapsed = round(month * 100 / 12, 1)
    rates = [round(done * 100 / plan, 1) if plan else None for _, plan, done in rows]
    return {
        "animation": False,
        "grid": {"left": 8, "right": 8, "top": 40, "bottom": 8, "containLabel": True},
        "legend": {"top": 0},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "xAxis": {"type": "category", "data": names,
                  "axisLabel": {"interval": 0, "rotate": 30 if len(names) > 6 else 0}},
        "yAxis": [{"type": "value", "name": "亿元"}, {"type": "value", "name": "%", "max": 150,
                                                      "splitLine": {"show": False}}],
        "series": [
            {"name": "年度计划", "type": "bar", "barMaxWidth": 26, "itemStyle": {"color": "#b0bec5"},
             "data": [round(plan / 10000, 2) for _, plan, _ in rows]},
            {"name": "已完成", "type": "bar", "barMaxWidth": 26, "itemStyle": {"color": "#1565c0"},
             "data": [round(done / 10000, 2) for _, _, done in rows]},
            {"name": "完成率", "type": "line", "yAxisIndex": 1, "data": rates, "itemStyle": {"color": "#c62828"},
             "markLine": {"symbol": "none", "label": {"formatter": f"序时 {elapsed}%"},
                          "lineStyle": {"type": "dashed", "color": "#2e7d32"}, "data": [{"yAxis": elapsed}]}},
        ],
    }


def trend_option(monthly: list[tuple[int, int]], plan: int) -> dict:
    """Cumulative completion rate month by month against the time schedule (month ÷ 12)."""
    total, cumulative = 0, []
    for _, amount in monthly:
        total += amount
        cumulative.append(round(total * 100 / plan, 1) if plan else 0)
    months = [f"{month}月" for month, _ in monthly]
    return {
        "animation": False,
        "grid": {"left": 8, "right": 12, "top": 34, "bottom": 8, "containLabel": True},
        "legend": {"top": 0},
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": months},
        "yAxis": {"type": "value", "name": "%"},
        "series": [
            {"name": "累计完成率", "type": "line", "data": cumulative, "areaStyle": {"opacity": 0.15},
             "itemStyle": {"color": "#1565c0"}},
            {"name": "序时进度", "type": "line", "data": [round(month * 100 / 12, 1) for month, _ in monthly],
             "lineStyle": {"type": "dashed"}, "itemStyle": {"color": "#2e7d32"}},
        ],
    }
