"""Spreadsheets out (.xlsx, XlsxWriter): a titled sheet, a styled header, widths and number formats. Pure.

An area describes what to write — `WorkbookSpec` of `SheetSpec`s of `Column`s and rows — and gets bytes
(`render_xlsx`) or streams into a file (`write_xlsx`, constant memory for big ledgers). Money is integer 万元
in zhenxing; a column of kind "yi" shows such a value in 亿元, "percent" shows a fraction (0.125 → 12.5%).
Every string passes through `for_xml`; text starting with "=" or "http" stays text (no formulas, no links).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import IO, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from zhenxing.text import for_xml

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"

# kind → Excel number format (None: general / text)
NUMBER_FORMATS: dict[str, str | None] = {
    "text": None,
    "int": "0",
    "number": "#,##0.00",
    "wan": "#,##0",  # integer 万元
    "wan2": "#,##0.00",  # 万元 with two decimals
    "yi": "#,##0.00",  # 万元 in, 亿元 shown
    "percent": "0.0%",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
KINDS = tuple(NUMBER_FORMATS)
CENTRED_KINDS = {"int", "date", "datetime"}


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 12
    kind: str = "text"
    align: str | None = None  # "center", "left", "right"; None: centred for int/date kinds, else left

    def __post_init__(self) -> None:
        if self.kind not in NUMBER_FORMATS:
            raise ValueError(f"unknown column kind {self.kind!r}; one of {', '.join(KINDS)}")


@dataclass(frozen=True)
class SheetStyle:
    """XlsxWriter format properties for the title, the header and the body, and the page setup."""

    title: dict = field(default_factory=lambda: {"font_name": TITLE_FONT, "font_size": 18, "bold": True,
                                                  "align": "center", "valign": "vcenter"})
    title_height: float = 36
    subtitle: dict = field(default_factory=lambda: {"font_name": BODY_FONT, "font_size": 11, "align": "right",
                                                     "valign": "vcenter"})
    header: dict = field(default_factory=lambda: {"font_name": HEADING_FONT, "font_size": 11, "bold": True,
                                                   "border": 1, "text_wrap": True, "align": "center",
                                                   "valign": "vcenter"})
    body: dict = field(default_factory=lambda: {"font_name": BODY_FONT, "font_size": 11, "border": 1,
                                                 "text_wrap": True, "valign": "vcenter"})
    total: dict = field(default_factory=lambda: {"bold": True})
    landscape: bool = True
    print_setup: bool = True


OFFICIAL = SheetStyle()
"""The look supervision offices print: 方正小标宋 title, 黑体 header, 仿宋 body, thin borders, A4 landscape."""

LEDGER = SheetStyle(
    header={"bold": True, "font_color": "#FFFFFF", "bg_color": "#B22222", "align": "center",
            "valign": "vcenter", "text_wrap": True},
    body={}, total={"bold": True}, print_setup=False)
"""A working ledger meant for re-import: a red header row at the top, plain cells, no borders."""


@dataclass
class SheetSpec:
    name: str  # the tab's name (at most 31 characters, no []:*?/\)
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]  # may be a generator; consumed once
    title: str | None = None  # merged over all columns in the first row
    subtitle: str | None = None  # e.g. "单位：万元" or "统计时间：2026年11月", right-aligned under the title
    totals: Sequence[Any] | None = None  # a 合计 row after the data, in bold
    freeze_columns: int = 0
    autofilter: bool = False
    style: SheetStyle = OFFICIAL


@dataclass
class WorkbookSpec:
    sheets: Sequence[SheetSpec]
    title: str | None = None  # document properties
    author: str = "振兴"


BOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                "default_date_format": NUMBER_FORMATS["date"]}


def open_book(target: IO[bytes] | Path, **options: Any) -> xlsxwriter.Workbook:
    """A raw XlsxWriter workbook with the same defaults, for layouts a spec cannot say (data validation,
    pre-filled templates); finish it with `close_book`."""
    return xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, {**BOOK_OPTIONS, **options})


def close_book(book: xlsxwriter.Workbook) -> None:
    """Finish the file; a failed write surfaces as the OSError behind it (full disk, closed file)."""
    try:
        book.close()
    except FileCreateError as error:  # raised with the OSError as its argument
        raise error.args[0] from None


def render_xlsx(spec: WorkbookSpec) -> bytes:
    """The workbook as bytes (built in memory; for big ledgers use `write_xlsx` on a file)."""
    buffer = BytesIO()
    book = open_book(buffer, in_memory=True)
    _fill(book, spec)
    close_book(book)
    return buffer.getvalue()


def write_xlsx(spec: WorkbookSpec, target: IO[bytes] | Path) -> int:
    """Stream the workbook into `target` in constant memory; return the number of data rows written."""
    with TemporaryDirectory(prefix="zx-xlsx-") as scratch:  # XlsxWriter's row files, removed even on error
        book = open_book(target, constant_memory=True, tmpdir=scratch)
        count = _fill(book, spec)
        close_book(book)
    return count


def _fill(book: xlsxwriter.Workbook, spec: WorkbookSpec) -> int:
    book.set_properties({"title": for_xml(spec.title or ""), "author": spec.author})
    return sum(_write_sheet(book, sheet) for sheet in spec.sheets)


class _Formats:
    """One XlsxWriter format per (role, kind, alignment), made once per workbook."""

    def __init__(self, book: xlsxwriter.Workbook, style: SheetStyle):
        self.book, self.style, self.cache = book, style, {}

    def get(self, role: str, column: Column | None = None):
        key = (role, column.kind if column else None, column.align if column else None)
        if key not in self.cache:
            properties = {**self.style.body, **self.style.total} if role == "total" else dict(getattr(self.style, role))
            if column is not None:
                number = NUMBER_FORMATS[column.kind]
                if number:
                    properties["num_format"] = number
                align = column.align or ("center" if column.kind in CENTRED_KINDS else None)
                if align and properties:  # an unstyled ledger keeps Excel's default alignment
                    properties["align"] = align
            self.cache[key] = self.book.add_format(properties) if properties else None
        return self.cache[key]


def _write_sheet(book: xlsxwriter.Workbook, spec: SheetSpec) -> int:
    sheet = book.add_worksheet(for_xml(spec.name)[:31])
    formats = _Formats(book, spec.style)
    last = len(spec.columns) - 1
    row = 0
    if spec.title:
        sheet.set_row(0, spec.style.title_height)
        _merge(sheet, 0, last, for_xml(spec.title), formats.get("title"))
        row += 1
    if spec.subtitle:
        _merge(sheet, row, last, for_xml(spec.subtitle), formats.get("subtitle"))
        row += 1
    header_row = row
    for index, column in enumerate(spec.columns):
        sheet.write_string(header_row, index, for_xml(column.header), formats.get("header"))
        sheet.set_column(index, index, column.width)
    count = 0
    for count, values in enumerate(spec.rows, start=1):
        _write_row(sheet, header_row + count, spec.columns, values, formats, "body")
    if spec.totals is not None:
        _write_row(sheet, header_row + count + 1, spec.columns, spec.totals, formats, "total")
    _finish(sheet, spec, header_row, header_row + count + (spec.totals is not None), last)
    return count


def _merge(sheet: Worksheet, row: int, last: int, text: str, fmt) -> None:
    if last > 0:
        sheet.merge_range(row, 0, row, last, text, fmt)
    else:
        sheet.write_string(row, 0, text, fmt)


def _write_row(sheet: Worksheet, row: int, columns: Sequence[Column], values: Sequence[Any], formats: _Formats,
               role: str) -> None:
    for index, column in enumerate(columns):
        value = values[index] if index < len(values) else None
        write_cell(sheet, row, index, column, value, formats.get(role, column))


def write_cell(sheet: Worksheet, row: int, col: int, column: Column, value: Any, fmt=None) -> None:
    """One value in a column's kind: numbers as numbers (亿元 converted from 万元), text as text, None blank."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, "是" if value else "否", fmt)
    elif isinstance(value, int | float | Decimal):
        number = float(value) / 10_000 if column.kind == "yi" else float(value)
        sheet.write_number(row, col, number, fmt)
    elif isinstance(value, datetime | date):
        sheet.write_datetime(row, col, value, fmt)
    else:
        sheet.write_string(row, col, for_xml(str(value)), fmt)


def _finish(sheet: Worksheet, spec: SheetSpec, header_row: int, last_row: int, last_col: int) -> None:
    sheet.freeze_panes(header_row + 1, spec.freeze_columns)
    if spec.autofilter:
        sheet.autofilter(header_row, 0, max(last_row, header_row), last_col)
    if not spec.style.print_setup:
        return
    if spec.style.landscape:
        sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    sheet.repeat_rows(header_row)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5)
    sheet.print_area(0, 0, max(last_row, header_row), last_col)
    sheet.set_footer("&C第 &P 页，共 &N 页")
