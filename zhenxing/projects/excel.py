"""The 项目台账 spreadsheet: read a ledger into rows and problems, write an export or a blank template.

Pure: python-calamine reads, XlsxWriter writes; no database, no web. Columns are matched by their
Chinese header, in any order, tolerating spaces and full-width brackets. Names (地区, 单位, 人员) are
left as text for the import service to look up; everything else is parsed and checked here.
"""

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from io import BytesIO
from pathlib import Path
from typing import IO, Any

import xlsxwriter
from python_calamine import CalamineError, CalamineWorkbook
from xlsxwriter.worksheet import Worksheet

from zhenxing import outputs
from zhenxing.errors import Rejected
from zhenxing.files import check_xlsx
from zhenxing.outputs.sheets import close_book, open_book  # noqa: F401 - re-exported for the templates
from zhenxing.projects.stages import (
    DATED_STAGES,
    STAGE_LABELS,
    STATUSES,
    TRACKS,
    check_stage_dates,
    plan_field,
    stage_field,
    stage_from_text,
)
from zhenxing.text import for_xml, lookalike_key, quote

SHEET = "项目台账"
MAX_MONEY = 10 ** 10  # 万元 (100万亿元): any larger figure is a typing error, and would not fit the column
MAJOR_THRESHOLD = 10_000  # 万元, as in projects.models (kept here so this module stays pure)
HEADER_SCAN = 10  # a ledger may have a title row or two above its header


@dataclass(frozen=True)
class Column:
    header: str
    field: str | None  # None: not imported (序号, 亿元以上)
    kind: str = "text"  # text, name, money, date, stage, status, track, seq, major
    width: int = 14
    max_length: int = 0


def _date_columns() -> list[Column]:
    columns = []
    for stage in DATED_STAGES:
        label = STAGE_LABELS[stage]
        columns.append(Column(f"计划{label}时间", plan_field(stage), "date", 13))
        columns.append(Column(f"实际{label}时间", stage_field(stage), "date", 13))
    return columns


COLUMNS: tuple[Column, ...] = (
    Column("序号", None, "seq", 6),
    Column("项目编号", "code", "text", 14, 40),
    Column("项目名称", "name", "text", 36, 200),
    Column("所在地区", "region", "name", 12),
    Column("牵头单位", "lead_unit", "name", 16),
    Column("包保领导", "sponsor", "name", 10),
    Column("项目管家", "steward", "name", 10),
    Column("产业集群", "cluster", "text", 14, 60),
    Column("三篇大文章", "track", "track", 10),
    Column("投资主体", "company", "text", 28, 200),
    Column("总投资(万元)", "total_investment", "money", 13),
    Column("亿元以上", None, "major", 8),
    Column("年度计划投资(万元)", "planned_investment", "money", 13),
    Column("累计完成投资(万元)", "completed_investment", "money", 13),
    Column("项目阶段", "stage", "stage", 10),
    Column("项目状态", "status", "status", 10),
    *_date_columns(),
    Column("项目简介", "description", "text", 48),
)
REQUIRED = ("项目编号", "项目名称", "所在地区")
# Other words ledgers use for the same columns.
ALIASES = {"所属地区": "所在地区", "县区": "所在地区", "建设单位": "投资主体", "项目单位": "投资主体",
           "责任单位": "牵头单位", "包保市领导": "包保领导"}
TRACK_CODES = {**{label: code for code, label in TRACKS.items()}, **{code: code for code in TRACKS}}
STATUS_CODES = {**{label: code for code, label in STATUSES.items()}, **{code: code for code in STATUSES}}


@dataclass(frozen=True)
class Problem:
    row: int  # as Excel numbers it
    column: str  # the column's header
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class LedgerRow:
    """One project line. `values` holds only the columns the file has; names are still text."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)


def normalize_header(text: Any) -> str:
    """'总投资（万元）' and ' 总投资 (万元)' both → '总投资(万元)'."""
    word = re.sub(r"\s+", "", str(text or "")).replace("（", "(").replace("）", ")")
    return ALIASES.get(word, word)


BY_HEADER = {normalize_header(column.header): column for column in COLUMNS}


# --- reading -------------------------------------------------------------------------------------

def read_ledger(source: bytes | IO[bytes] | Path, *, filename: str) -> tuple[list[LedgerRow], list[Problem]]:
    """Every project line of the file and every problem found, by Excel row and column header.

    A file that is not a readable .xlsx raises Rejected naming the file.
    """
    lines, formula_problems = _sheet_rows(source, filename)
    found = _find_header(lines)
    if found is None:
        missing = "、".join(REQUIRED)
        return [], [Problem(1, REQUIRED[0], f"找不到表头：前 {HEADER_SCAN} 行中没有包含 {missing} 的一行")]
    header_row, positions, duplicated = found
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        return [], [Problem(header_row, name, f"缺少必填列“{name}”") for name in missing]
    if duplicated:
        return [], duplicated
    rows, problems = _read_lines(lines, header_row, positions, formula_problems)
    return rows, problems + _duplicates(rows)


def _sheet_rows(source: bytes | IO[bytes] | Path, filename: str) -> tuple[Iterator[list], dict]:
    """The rows of the visible 项目台账 sheet (else the first visible one) and its formula problems;
    the file is bounded first (files.check_xlsx), so nothing huge or hostile reaches the reader."""
    checked = check_xlsx(source, filename=filename)
    if isinstance(source, bytes):
        source = BytesIO(source)
    elif not isinstance(source, Path):
        source.seek(0)  # calamine reads from the current position
    name = checked.pick_sheet(SHEET)
    try:
        book = CalamineWorkbook.from_object(source)
        sheet = book.get_sheet_by_name(name)
        # The grid from A1, so row numbers are Excel's (iter_rows would drop leading empty columns but not rows).
        lines = sheet.to_python(skip_empty_area=False)  # empty cells come as ''
    except (CalamineError, OSError, ValueError) as error:
        raise Rejected(f"文件“{checked.filename}”不是有效的 Excel (.xlsx) 文件，无法读取（{type(error).__name__}）；"
                       f".xls、.csv 或 WPS 文件请先另存为 .xlsx 再上传", field="file") from None
    return iter(lines), checked.problems_of(name)


def _find_header(lines: Iterator[list]) -> tuple[int, dict[str, int], list[Problem]] | None:
    """The header row: the first with both 项目编号 and 项目名称, else the first with three known headers.
    A column named twice (two 总投资 columns) is a problem: which one the office meant is not ours to guess."""
    likely = None
    for number, line in enumerate(lines, start=1):
        positions: dict[str, int] = {}
        duplicated: list[Problem] = []
        for index, cell in enumerate(line):
            header = normalize_header(cell)
            if header not in BY_HEADER:
                continue
            if header in positions:
                duplicated.append(Problem(number, header, f"“{header}”列出现了两次（第 {positions[header] + 1} 列和"
                                                          f"第 {index + 1} 列），请删去或改名其中一列"))
            else:
                positions[header] = index
        if "项目编号" in positions and "项目名称" in positions:
            return number, positions, duplicated
        if likely is None and len(positions) >= 3:
            likely = number, positions, duplicated
        if number >= HEADER_SCAN:
            break
    return likely


def _read_lines(lines: Iterator[list], header_row: int, positions: dict[str, int],
                formula_problems: Mapping[tuple[int, int], str]):
    columns = [(BY_HEADER[header], index) for header, index in positions.items() if BY_HEADER[header].field]
    indexes = {column.header: index for column, index in columns}
    rows: list[LedgerRow] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=header_row + 1):
        cells = [(column, line[index] if index < len(line) else None) for column, index in columns]
        if all(_blank(value) for _, value in cells):
            continue
        row = LedgerRow(number)
        for column, value in cells:
            formula = formula_problems.get((number, indexes[column.header] + 1))
            if formula:
                problems.append(Problem(number, column.header, f"单元格{formula}"))
                continue
            try:
                parsed = parse_cell(column, value)
            except ValueError as error:
                problems.append(Problem(number, column.header, str(error)))
                continue
            if parsed is not _KEEP:
                row.values[column.field] = parsed
        problems.extend(Problem(number, actual_header(stage), message)
                        for stage, message in check_stage_dates(_actual_dates(row.values)))
        rows.append(row)
    return rows, problems


def _duplicates(rows: list[LedgerRow]) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for row in rows:
        code = row.values.get("code")
        if not code:
            continue
        key = lookalike_key(code)  # JZ-1 and jz-1 are one code
        if key in first:
            problems.append(Problem(row.row, "项目编号", f"项目编号“{code}”与第 {first[key]} 行重复"))
        else:
            first[key] = row.row
    return problems


def _actual_dates(values: Mapping[str, Any]) -> dict[str, date | None]:
    return {stage: values.get(stage_field(stage)) for stage in DATED_STAGES}


def actual_header(stage: str) -> str:
    """实际开工时间 and the like: the column of a stage's actual date."""
    return f"实际{STAGE_LABELS[stage]}时间"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_KEEP = object()  # an empty stage/status cell: keep the project's current value (or the default)


def parse_cell(column: Column, value: Any) -> Any:
    """The cell's value for the project field, or raise ValueError with a message for the user."""
    parser = PARSERS[column.kind]
    return parser(column, value)


def _text(column: Column, value: Any) -> str:
    text = _as_text(value)
    if column.header in REQUIRED and not text:
        raise ValueError(f"{column.header}不能为空")
    if column.field == "name" and len(text) < 2:
        raise ValueError("项目名称至少 2 个字")
    if column.max_length and len(text) > column.max_length:
        raise ValueError(f"{column.header}不能超过 {column.max_length} 个字（现有 {len(text)} 个）")
    return text


def _name(column: Column, value: Any) -> str | None:
    text = _as_text(value)
    if not text and column.header in REQUIRED:
        raise ValueError(f"{column.header}不能为空")
    return text or None


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()[:10]
    return str(value).strip()


def parse_money(_column: Column | None, value: Any) -> int:
    """万元 as an integer: numbers or text like '12,000'; fractions are rounded half up."""
    if _blank(value):
        return 0
    if isinstance(value, bool):
        raise ValueError(f"“{quote(value)}”不是数字")
    try:
        amount = Decimal(str(value).strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise ValueError(f"“{quote(value)}”不是数字（以万元为单位填写数字）") from None
    if not amount.is_finite():
        raise ValueError(f"“{quote(value)}”不是数字")
    if amount < 0:
        raise ValueError(f"投资额不能为负数（{quote(value)}）")
    if amount > MAX_MONEY:
        raise ValueError(f"金额 {quote(value)} 过大：以万元为单位，不能超过 {MAX_MONEY:,} 万元")
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(_column: Column | None, value: Any) -> date | None:
    """An Excel date, or text 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301; a month alone
    (2024-03, 2024年3月) means its first day."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 10_000 <= value < 2_958_466:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    match = _DAY.match(text) or _COMPACT.match(text) or _MONTH.match(text)
    if match:
        year, month, day = (int(part) for part in (*match.groups(), 1)[:3])
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise ValueError(f"“{quote(text)}”不是有效日期（如 2024-03-01、2024/3/1 或 2024年3月1日）")


def _stage(_column: Column, value: Any) -> Any:
    if _blank(value):
        return _KEEP
    try:
        return stage_from_text(str(value))
    except Rejected as error:
        raise ValueError(error.message) from None


def _coded(codes: Mapping[str, str], what: str, labels: Iterable[str], empty: Any):
    def parse(_column: Column, value: Any) -> Any:
        if _blank(value):
            return empty
        word = str(value).strip()
        if word not in codes:
            raise ValueError(f"未知的{what}“{quote(word)}”，可选：{'、'.join(labels)}")
        return codes[word]
    return parse


PARSERS = {
    "text": _text,
    "name": _name,
    "money": parse_money,
    "date": parse_date,
    "stage": _stage,
    "status": _coded(STATUS_CODES, "项目状态", STATUSES.values(), _KEEP),
    "track": _coded(TRACK_CODES, "三篇大文章", TRACKS.values(), None),
}


# --- writing -------------------------------------------------------------------------------------

HEADER_FORMAT = outputs.LEDGER.header
DATE_FORMAT = "yyyy-mm-dd"


def add_ledger_sheet(book: xlsxwriter.Workbook, columns: Iterable[Column]) -> Worksheet:
    """The 项目台账 sheet with its styled header row, column widths and the first two columns frozen."""
    sheet = book.add_worksheet(SHEET)
    header = book.add_format(HEADER_FORMAT)
    for index, column in enumerate(columns):
        sheet.write_string(0, index, column.header, header)
        sheet.set_column(index, index, column.width)
    sheet.freeze_panes(1, 2)
    return sheet


def export_cell(column: Column, record: Mapping[str, Any], number: int) -> Any:
    """The value a record shows in a column of the export."""
    if column.kind == "seq":
        return number
    if column.kind == "major":
        return "是" if (record.get("total_investment") or 0) >= MAJOR_THRESHOLD else "否"
    value = record.get(column.field or "")
    if column.kind == "stage":
        return STAGE_LABELS.get(value, value)
    if column.kind == "status":
        return STATUSES.get(value, value)
    if column.kind == "track":
        return TRACKS.get(value or "", "")
    if column.kind == "money":
        return int(value or 0)
    return for_xml(value)


def write_ledger(records: Iterable[Mapping[str, Any]], target: IO[bytes] | Path) -> int:
    """Write the ledger, streaming (constant memory: each row goes to disk once written); return the count."""
    columns = [outputs.Column(column.header, column.width) for column in COLUMNS]  # values keep their own types
    rows = ([export_cell(column, record, number) for column in COLUMNS]
            for number, record in enumerate(records, start=1))
    sheet = outputs.SheetSpec(SHEET, columns, rows, freeze_columns=2, autofilter=True, style=outputs.LEDGER)
    return outputs.write_xlsx(outputs.WorkbookSpec([sheet], title=SHEET), target)
