"""A stored league as an .xlsx table (title, header, one row per subject, each measure's value and points). Pure."""

from pathlib import Path
from typing import IO

from zhenxing.projects.excel import close_book, open_book
from zhenxing.text import for_xml, for_xml_row


def measure_heading(label: str, unit: str) -> str:
    """A measure's column heading with its unit once: "开工率" + "%" → "开工率(%)"; "开工率(%)" stays."""
    if not unit or label.endswith((f"({unit})", f"（{unit}）")):
        return label
    return f"{label}({unit})"


def points_heading(label: str) -> str:
    """The heading of a measure's points column, without the unit: "开工率(%)" → "开工率得分"."""
    for opening in ("(", "（"):
        if label.endswith(")" if opening == "(" else "）") and opening in label:
            label = label[:label.rindex(opening)]
    return f"{label}得分"


def league_rows(results: list[dict], columns: list[dict]) -> tuple[list[str], list[list]]:
    """Header and rows of a league table, as the page and the export show it."""
    header = ["名次", "变化", "排名对象", "总分"]
    for column in columns:
        header += [measure_heading(column["label"], column["unit"]), points_heading(column["label"])]
    rows = []
    for row in results:
        line = [row["rank"] if row["rank"] is not None else "—", row["movement"] or "", row["name"], row["total"]]
        for column in columns:
            measure = row["measures"].get(column["key"], {})
            value = measure.get("value")
            line += [round(value, 2) if isinstance(value, float) else (value if value is not None else "—"),
                     measure.get("points", 0)]
        rows.append(line)
    return header, rows


def write_league(target: IO[bytes] | Path, *, title: str, results: list[dict], columns: list[dict]) -> None:
    header, rows = league_rows(results, columns)
    book = open_book(target, in_memory=True)
    sheet = book.add_worksheet("赛马排名")
    bold = book.add_format({"bold": True, "font_size": 15, "align": "center", "valign": "vcenter"})
    head = book.add_format({"bold": True, "bg_color": "#B22222", "font_color": "#FFFFFF", "border": 1,
                            "text_wrap": True, "align": "center", "valign": "vcenter"})
    cell = book.add_format({"border": 1})
    first = book.add_format({"border": 1, "bg_color": "#E8F5E9"})
    last = book.add_format({"border": 1, "bg_color": "#FDECEA"})
    number = book.add_format({"border": 1, "num_format": "0.00"})
    sheet.merge_range(0, 0, 0, len(header) - 1, for_xml(title), bold)
    sheet.set_row(0, 28)
    sheet.write_row(1, 0, for_xml_row(header), head)
    sheet.set_row(1, 36)
    sheet.set_column(0, 1, 7)
    sheet.set_column(2, 2, 22)
    sheet.set_column(3, len(header) - 1, 12)
    for offset, (line, result) in enumerate(zip(rows, results, strict=True), start=2):
        style = first if result.get("first") else last if result.get("last") else cell
        sheet.write_row(offset, 0, for_xml_row(line[:3]), style)
        for index, value in enumerate(line[3:], start=3):
            sheet.write(offset, index, value, number if isinstance(value, float) else style)
    sheet.freeze_panes(2, 3)
    close_book(book)
