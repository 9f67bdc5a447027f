"""The 月报 spreadsheet: a template pre-filled with a user's projects for a period, and its reader. Pure.

Layout: row 1 the title (it names the period: "2025年5月重点项目月报"), row 2 the header, projects from row 3.
Columns are found by their header, so a county may reorder or delete the informative ones; 项目编号 and
本月完成投资(万元) are required. A row whose report cells are all empty is a project not reported this time.
"""

import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from python_calamine import CalamineError, CalamineWorkbook

from zhenxing.errors import Rejected
from zhenxing.files import check_xlsx
from zhenxing.projects.excel import Problem, close_book, normalize_header, open_book, parse_money
from zhenxing.text import for_xml, for_xml_row, quote

SHEET = "月报"
TITLE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
MAX_ROWS = 20_000
MAX_TEXT = 1000
INFO = ("序号", "项目名称", "所在地区", "年度计划投资(万元)", "本年累计至上月(万元)")
FIELDS = {  # header → report field
    "本月完成投资(万元)": "completed_investment", "形象进度": "progress", "工程形象进度(%)": "physical_percent",
    "存在问题": "problems", "下月计划": "next_plan", "是否入库": "registered",
}
HEADERS = ("序号", "项目编号", "项目名称", "所在地区", "年度计划投资(万元)", "本年累计至上月(万元)",
           *FIELDS)
WIDTHS = (6, 14, 34, 12, 14, 14, 14, 36, 12, 30, 30, 9)
YES = {"是", "已入库", "已纳统", "Y", "y", "yes", "1", "√", "TRUE", "True", True}
NO = {"否", "未入库", "N", "n", "no", "0", "", "FALSE", "False", False, None}


@dataclass
class TemplateRow:
    code: str
    name: str
    region: str
    annual_plan: int
    before: int  # 本年累计至上月
    report: dict[str, Any] = field(default_factory=dict)  # an existing report's values, to correct


@dataclass
class ReportRow:
    row: int
    code: str
    values: dict[str, Any]


def period_title(year: int, month: int, scope_name: str) -> str:
    return f"{year}年{month}月重点项目月报（{scope_name}）"


def write_template(target: IO[bytes] | Path, *, year: int, month: int, scope_name: str,
                   rows: list[TemplateRow]) -> None:
    book = open_book(target, in_memory=True)
    sheet = book.add_worksheet(SHEET)
    title = book.add_format({"bold": True, "font_size": 15, "align": "center", "valign": "vcenter"})
    header = book.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#B22222", "align": "center",
                              "valign": "vcenter", "text_wrap": True, "border": 1})
    info = book.add_format({"bg_color": "#F2F2F2", "border": 1})
    entry = book.add_format({"border": 1, "locked": False, "text_wrap": True})
    sheet.merge_range(0, 0, 0, len(HEADERS) - 1, for_xml(period_title(year, month, scope_name)), title)
    sheet.set_row(0, 30)
    for index, (name, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        sheet.write_string(1, index, name, header)
        sheet.set_column(index, index, width)
    for number, item in enumerate(rows, start=1):
        report = item.report
        line = [number, item.code, item.name, item.region, item.annual_plan, item.before]
        sheet.write_row(number + 1, 0, for_xml_row(line), info)
        cells = [report.get("completed_investment", ""), report.get("progress", ""),
                 report.get("physical_percent", ""), report.get("problems", ""), report.get("next_plan", ""),
                 ("是" if report.get("registered") else "否") if report else ""]
        for offset, value in enumerate(cells):
            sheet.write(number + 1, len(INFO) + 1 + offset, for_xml(value) if value is not None else "", entry)
    last = max(len(rows) + 1, 2)
    sheet.data_validation(2, len(HEADERS) - 1, last, len(HEADERS) - 1,
                          {"validate": "list", "source": ["是", "否"]})
    sheet.freeze_panes(2, 3)
    notes = book.add_worksheet("填写说明")
    notes.set_column(0, 0, 100)
    for row, text in enumerate((
            "灰色列为系统预填，只读；请填写“本月完成投资(万元)”及其后各列。",
            "本月完成投资以万元为单位，填非负数；工程形象进度填 0–100 的整数，可不填。",
            "“存在问题”填写后将列入该项目的问题清单；“是否入库”填 是 或 否。",
            "不填报的项目整行留空即可；已填报过的月份再次导入即为修改。",
            "任何一行有错时整个文件都不导入，并列出全部错误（行号、列名）。")):
        notes.write_string(row, 0, text)
    close_book(book)


def _rows(source: bytes | IO[bytes] | Path, filename: str) -> tuple[list[list], dict[tuple[int, int], str]]:
    """The visible 月报 sheet's rows (bounded first by files.check_xlsx) and its formula problems."""
    checked = check_xlsx(source, filename=filename)
    if isinstance(source, bytes):
        source = BytesIO(source)
    elif not isinstance(source, Path):
        source.seek(0)
    name = checked.pick_sheet(SHEET)
    try:
        book = CalamineWorkbook.from_object(source)
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False), checked.problems_of(name)
    except (CalamineError, OSError, ValueError) as error:
        raise Rejected(f"文件“{checked.filename}”不是有效的 Excel (.xlsx) 文件，无法读取（{type(error).__name__}）",
                       field="file") from None


def file_period(lines: list[list]) -> tuple[int, int] | None:
    """The period the title names, if any ('2025年5月…')."""
    for line in lines[:2]:
        for cell in line:
            match = TITLE.search(str(cell or ""))
            if match:
                return int(match.group(1)), int(match.group(2))
    return None


def _header(lines: list[list]) -> tuple[int, dict[str, int], list[Problem]] | None:
    for number, line in enumerate(lines[:10], start=1):
        positions: dict[str, int] = {}
        duplicated = []
        for index, cell in enumerate(line):
            name = normalize_header(cell)
            if name not in HEADERS:
                continue
            if name in positions:
                duplicated.append(Problem(number, name, f"“{name}”列出现了两次（第 {positions[name] + 1} 列和"
                                                        f"第 {index + 1} 列），请删去或改名其中一列"))
            else:
                positions[name] = index
        if "项目编号" in positions:
            return number, positions, duplicated
    return None


def _text(value: Any, header: str) -> str:
    text = "" if value is None else (str(int(value)) if isinstance(value, float) and value.is_integer()
                                     else str(value)).strip()
    if len(text) > MAX_TEXT:
        raise ValueError(f"{header}不能超过 {MAX_TEXT} 个字（现有 {len(text)} 个）")
    return text


def _percent(value: Any, _header: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise ValueError(f"“{quote(value)}”不是 0–100 之间的数") from None
    if not 0 <= number <= 100:
        raise ValueError(f"工程形象进度须在 0–100 之间（现为 {quote(value)}）")
    return round(number)


def _yes_no(value: Any, _header: str) -> bool:
    if isinstance(value, str):
        value = value.strip()
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValueError(f"“{quote(value)}”无效，请填 是 或 否")


def _money(value: Any, header: str) -> int:
    if value in (None, ""):
        raise ValueError(f"{header}不能为空（没有完成投资请填 0）")
    amount = parse_money(None, value)
    if amount > 10 ** 10:
        raise ValueError(f"{header}过大（{value}），请以万元为单位填写")
    return amount


PARSERS = {"completed_investment": _money, "progress": _text, "physical_percent": _percent,
           "problems": _text, "next_plan": _text, "registered": _yes_no}


def read_reports(source: bytes | IO[bytes] | Path, *, filename: str
                 ) -> tuple[tuple[int, int] | None, list[ReportRow], list[Problem]]:
    """The period named in the title, every filled-in row, and every problem by row and column header."""
    lines, formulas = _rows(source, filename)
    found = _header(lines)
    if found is None:
        return file_period(lines), [], [Problem(1, "项目编号", "找不到表头：前 10 行中没有“项目编号”列")]
    header_row, positions, duplicated = found
    if duplicated:
        return file_period(lines), [], duplicated
    if "本月完成投资(万元)" not in positions:
        return file_period(lines), [], [Problem(header_row, "本月完成投资(万元)", "缺少必填列“本月完成投资(万元)”")]
    if len(lines) - header_row > MAX_ROWS:
        raise Rejected(f"文件“{filename}”超过 {MAX_ROWS} 行，请分批导入", field="file")
    rows, problems = [], []
    for number, line in enumerate(lines[header_row:], start=header_row + 1):
        cells = {name: (line[index] if index < len(line) else None) for name, index in positions.items()}
        broken = {name: formulas[(number, index + 1)] for name, index in positions.items()
                  if (number, index + 1) in formulas}
        if all(cells.get(name) in (None, "") for name in FIELDS) and not broken:
            continue
        problems.extend(Problem(number, name, f"单元格{why}") for name, why in broken.items())
        cells.update({name: None for name in broken})
        row = _parse(number, cells, problems)
        if row is not None:
            rows.append(row)
    return file_period(lines), rows, problems + _duplicates(rows)


def _parse(number: int, cells: dict[str, Any], problems: list[Problem]) -> ReportRow | None:
    raw = cells.get("项目编号")
    code = ("" if raw is None else str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw)).strip()
    if len(code) > 40:
        problems.append(Problem(number, "项目编号", f"项目编号不能超过 40 个字符（现有 {len(code)} 个）"))
        return None
    if not code:
        problems.append(Problem(number, "项目编号", "项目编号不能为空"))
        return None
    values = {}
    for header, name in FIELDS.items():
        if header not in cells:
            continue
        try:
            values[name] = PARSERS[name](cells[header], header)
        except ValueError as error:
            problems.append(Problem(number, header, str(error)))
    return ReportRow(number, code, values)


def _duplicates(rows: list[ReportRow]) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for row in rows:
        if row.code in first:
            problems.append(Problem(row.row, "项目编号", f"项目编号“{row.code}”与第 {first[row.code]} 行重复"))
        first.setdefault(row.code, row.row)
    return problems
