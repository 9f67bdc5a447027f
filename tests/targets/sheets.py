"""Statistics-bureau sheets for the tests, written with XlsxWriter the way bureaus lay them out."""

from io import BytesIO

import xlsxwriter

TITLE = "锦州市2025年主要经济指标"


def workbook(rows: list[list], *, merges: list[tuple[int, int, int, int, str]] = ()) -> bytes:
    """rows → .xlsx bytes; merges are (first_row, first_col, last_row, last_col, text), 0-based."""
    out = BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("主要指标")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    for first_row, first_col, last_row, last_col, text in merges:
        sheet.merge_range(first_row, first_col, last_row, last_col, text)
    book.close()
    return out.getvalue()


def bureau_sheet(figures: dict[str, tuple[str, dict[str, tuple]]], months: list[str],
                 title: str = TITLE) -> bytes:
    """Indicators as rows; each month a merged header over 绝对值 and 增速(%) columns.
    figures: name → (unit, {month label: (absolute, growth)})."""
    header = ["指标名称", "单位"]
    below = ["", ""]
    merges = [(0, 0, 0, 1 + 2 * len(months), title)]
    for index, month in enumerate(months):
        column = 2 + 2 * index
        header += [month, None]
        below += ["绝对值", "增速(%)"]
        merges.append((1, column, 1, column + 1, month))
    rows = [[title], header, below]
    for name, (unit, by_month) in figures.items():
        row = [name, unit]
        for month in months:
            row += list(by_month.get(month, ("", "")))
        rows.append(row)
    return workbook(rows, merges=merges)
