"""任务分解表.xlsx and 目标台账.xlsx in the layout supervision offices use. Pure openpyxl: rows in, bytes out."""

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from zhenxing.text import for_xml, for_xml_row

TASK_HEADERS = ("序号", "任务内容", "牵头单位", "配合单位", "责任领导", "完成时限")
TASK_WIDTHS = (6, 70, 18, 24, 12, 14)
TARGET_HEADERS = ("序号", "指标名称", "目标值", "单位", "类型", "比较", "年度", "来源文件", "原文")
TARGET_WIDTHS = (6, 26, 10, 10, 8, 6, 8, 30, 50)

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")


@dataclass(frozen=True)
class TaskRow:
    content: str
    lead_unit: str = ""
    partner_units: str = ""
    leader: str = ""
    deadline: str = ""


@dataclass(frozen=True)
class TargetRow:
    indicator: str
    value: str
    unit: str
    kind: str  # 增长 / 下降 / 水平
    comparator: str  # ≥ / ≤ / = / 约
    year: int
    source: str = ""
    quote: str = ""


def tasks_workbook(rows: Sequence[TaskRow], *, year: int, title: str | None = None) -> bytes:
    title = title or f"{year}年政府工作报告重点任务分解表"
    body = [(n, r.content, r.lead_unit, r.partner_units, r.leader, r.deadline) for n, r in enumerate(rows, 1)]
    return _workbook("任务分解表", title, TASK_HEADERS, TASK_WIDTHS, body, centred=(0, 2, 4, 5))


def targets_workbook(rows: Sequence[TargetRow], *, title: str = "目标台账") -> bytes:
    body = [(n, r.indicator, r.value, r.unit, r.kind, r.comparator, r.year, r.source, r.quote)
            for n, r in enumerate(rows, 1)]
    return _workbook("目标台账", title, TARGET_HEADERS, TARGET_WIDTHS, body, centred=(0, 2, 3, 4, 5, 6))


def _workbook(sheet_name: str, title: str, headers: Sequence[str], widths: Sequence[int],
              body: Sequence[Sequence], *, centred: Sequence[int]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    _title(sheet, for_xml(title), len(headers))
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font, cell.alignment, cell.border = Font(name="黑体", bold=True, size=11), _CENTRE, _BORDER
    for values in body:
        sheet.append(for_xml_row(values))
        for index, cell in enumerate(sheet[sheet.max_row]):
            cell.font, cell.border = Font(name="仿宋", size=11), _BORDER
            cell.alignment = _CENTRE if index in centred else _WRAP
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _print_setup(sheet, len(headers))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _title(sheet: Worksheet, title: str, columns: int) -> None:
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    cell = sheet.cell(row=1, column=1)
    cell.font = Font(name="方正小标宋简体", size=18, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 36


def _print_setup(sheet: Worksheet, columns: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:2"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.freeze_panes = "A3"
    sheet.print_area = f"A1:{get_column_letter(columns)}{max(sheet.max_row, 2)}"
