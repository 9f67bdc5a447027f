"""ECharts option of a league: total scores as horizontal bars, first green, last red. Pure."""


def league_option(results: list[dict]) -> dict:
    ranked = [row for row in results if row["rank"] is not None][::-1]  # the best at the top
    colors = ["#2e7d32" if row.get("first") else "#c62828" if row.get("last") else "#1f3a5f" for row in ranked]
    return {
        "animation": False,
        "grid": {"left": 8, "right": 48, "top": 10, "bottom": 24, "containLabel": True},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "xAxis": {"type": "value", "name": "总分", "splitLine": {"lineStyle": {"color": "#eef0f4"}}},
        "yAxis": {"type": "category", "data": [f"{row['rank']}. {row['name']}" for row in ranked],
                  "axisTick": {"show": False}},
        "series": [{"type": "bar", "name": "总分", "barMaxWidth": 22,
                    "label": {"show": True, "position": "right"},
                    "data": [{"value": row["total"], "itemStyle": {"color": color}}
                             for row, color in zip(ranked, colors, strict=True)]}],
    }
