"""The .xlsx exports: a list of appeals and a statistics table, each with a title row, a header, borders
(written by `zhenxing.outputs` in the official sheet style)."""

from zhenxing.appeals.machine import BEIJING, RESULTS
from zhenxing.appeals.ratings import LEVELS
from zhenxing.appeals.scoring import RATES
from zhenxing.outputs import Column, SheetSpec, WorkbookSpec, render_xlsx

LIST_COLUMNS = [
    ("tracking_no", "受理编号", 16), ("received_at", "受理时间", 17), ("channel_label", "渠道", 12),
    ("category_name", "分类", 14), ("description", "诉求内容", 50), ("address", "地址（脱敏）", 22),
    ("region", "地区", 10), ("handler", "承办单位", 18), ("status_label", "状态", 10),
    ("close_due", "办结期限", 17), ("card", "预警", 6), ("reply_result", "办理结果", 10),
    ("rating_level", "评价", 10), ("requester_name", "诉求人（脱敏）", 12), ("requester_phone", "电话（脱敏）", 14),
]
CARDS = {"yellow": "黄牌", "red": "红牌"}


def _cell(key: str, value):
    if value is None:
        return ""
    if key in {"received_at", "close_due"}:
        return (value.astimezone(BEIJING) if value.tzinfo else value).strftime("%Y-%m-%d %H:%M")
    if key == "card":
        return CARDS.get(value, "")
    if key == "reply_result":
        return RESULTS.get(value, "")
    if key == "rating_level":
        return LEVELS.get(value, "")
    return value


def _workbook(title: str, columns: list[Column], rows: list[list]) -> bytes:
    return render_xlsx(WorkbookSpec([SheetSpec("数据", columns, rows, title=title)], title=title))


def list_workbook(rows: list[dict]) -> bytes:
    return _workbook("12345诉求清单", [Column(label, width) for _, label, width in LIST_COLUMNS],
                     [[_cell(key, row.get(key)) for key, _, _ in LIST_COLUMNS] for row in rows])


def stats_workbook(table: dict, *, title: str) -> bytes:
    counters = ["received", "repeats"]
    header = [Column(table["by_label"], 20)] + [Column(table["counters"][c], 10, "int") for c in counters] \
        + [Column(RATES[r][0], 10, "percent") for r in RATES]
    rows = [[str(row["name"])] + [row["counts"][c] for c in counters]
            + [row["rates"][r] if row["rates"][r] is not None else "—" for r in RATES] for row in table["rows"]]
    rows.append(["合计"] + [table["total"]["counts"][c] for c in counters]
                + [table["total"]["rates"][r] if table["total"]["rates"][r] is not None else "—" for r in RATES])
    return _workbook(title, header, rows)
