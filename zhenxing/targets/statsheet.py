"""A statistics bureau's monthly sheet (主要经济指标): read it into figures and problems (pure).

The layout bureaus publish: a title ("锦州市2025年1-9月主要经济指标"), then a header whose first cells are
指标名称 and 单位 and whose other cells are periods (1-2月, 1-3月 … 全年; 3月 for a month's own figure;
一季度, 上半年, 前三季度), each over one or two columns labelled 绝对值 and 增速 in the row below (or in
the period's own cell: "1-9月增速(%)"). One row per indicator. Every problem is reported by Excel row and
column; the caller writes nothing unless there are none.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from io import BytesIO
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from zhenxing.errors import Rejected
from zhenxing.files import check_xlsx
from zhenxing.text import quote

HEADER_SCAN = 8
MAX_ROWS = 2000
MAX_COLUMNS = 120
MAX_BYTES = 5 * 1024 * 1024
MAX_MAGNITUDE = Decimal(10) ** 15
EMPTY = {"", "-", "—", "－", "--", "——", "…", "...", "/", "／", "—/—"}

LEVEL_WORDS = ("绝对值", "绝对额", "累计值", "本月值", "总量", "数值", "金额", "产量", "完成值", "本期", "累计")
GROWTH_WORDS = ("增速", "增长", "同比", "增幅", "±%", "增减", "比上年")
NAMED_PERIODS = {"一季度": (3, "ytd"), "上半年": (6, "ytd"), "前三季度": (9, "ytd"), "全年": (12, "ytd"),
                 "二季度": (6, "quarter"), "三季度": (9, "quarter"), "四季度": (12, "quarter")}
_RANGE = re.compile(r"^(?:(\d{4})年)?(?:(1)\s*[-—–~～－至到]\s*)?(\d{1,2})\s*月(?:份)?(?:累计)?")
_YEAR = re.compile(r"(20\d{2})\s*年")


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        return f"第{self.row}行 {self.column}列：{self.message}"


@dataclass(frozen=True)
class Figure:
    """One cell: an indicator's figure for a period, as a level (绝对值) or a growth rate (增速, %)."""

    row: int
    column: str
    written: str
    unit: str
    month: int
    basis: str  # ytd (1–N月累计), month (当月), quarter (当季)
    kind: str  # level / increase
    value: Decimal


@dataclass(frozen=True)
class Slot:
    index: int
    month: int
    basis: str
    kind: str


@dataclass
class Sheet:
    year: int | None
    figures: list[Figure]
    problems: list[Problem]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", "", str(value)).replace("（", "(").replace("）", ")")


def parse_period(label: str) -> tuple[int, str] | None:
    """'1-9月' → (9, 'ytd'); '9月' → (9, 'month'), '1月' → (1, 'ytd'); '前三季度' → (9, 'ytd'); else None."""
    label = _text(label)
    label = re.sub(r"^20\d{2}年", "", label)
    for name, found in NAMED_PERIODS.items():
        if label.startswith(name):
            return found
    match = _RANGE.match(label)
    if not match:
        return None
    month = int(match.group(3))
    if not 1 <= month <= 12:
        return None
    return month, "ytd" if match.group(2) or month == 1 else "month"


def measure_of(label: str) -> str | None:
    """'增速(%)' → increase; '绝对值' → level; None when the label says neither."""
    label = _text(label)
    if not label or re.fullmatch(r"[-+]?[\d.,]+%?", label):
        return None  # a figure, not a label
    if any(word in label for word in GROWTH_WORDS) or label.endswith("%"):
        return "increase"
    if any(word in label for word in LEVEL_WORDS):
        return "level"
    return None


def number(text: Any) -> Decimal | None:
    """A cell's number; None for an empty cell or a dash; ValueError for anything else."""
    if isinstance(text, bool):
        raise ValueError(f"“{quote(text)}”不是数字")
    if isinstance(text, int | float):
        value = Decimal(str(text))
    else:
        raw = _text(text).replace(",", "").replace("，", "").removesuffix("%")
        if raw in EMPTY:
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValueError(f"“{str(text).strip()[:30]}”不是数字") from None
    if not value.is_finite() or abs(value) >= MAX_MAGNITUDE:
        raise ValueError(f"“{str(text).strip()[:30]}”不是有效的数字")
    return value


def read_sheet(data: bytes, *, filename: str, year: int | None = None) -> Sheet:
    """The sheet's figures and every problem found. An unreadable file raises Rejected naming it."""
    if len(data) > MAX_BYTES:
        raise Rejected(f"文件“{filename}”超过 {MAX_BYTES // 1024 // 1024}兆字节，请拆分后再导入", field="file")
    lines = list(_rows(data, filename))
    found = _find_header(lines)
    if found is None:
        return Sheet(year, [], [Problem(1, "A", f"前 {HEADER_SCAN} 行中找不到表头：须有“指标名称”一列，"
                                                 "以及“1-9月”这样的期间列")])
    header, name_col, unit_col = found
    sheet_year, problems = _year(lines[:header + 2], year)
    slots, slot_problems = _slots(lines, header)
    problems += slot_problems
    if not slots and not slot_problems:
        problems.append(Problem(header + 1, "B", "表头中没有“1-9月”“9月”“上半年”这样的期间列"))
    first = header + (2 if _has_measure_row(lines, header) else 1)
    figures, row_problems = _figures(lines, first, name_col, unit_col, slots)
    return Sheet(sheet_year, figures, problems + row_problems)


def _rows(data: bytes, filename: str) -> Iterator[list]:
    checked = check_xlsx(data, filename=filename)  # bounded before calamine sees it
    try:
        book = CalamineWorkbook.from_object(BytesIO(data))
        sheet = book.get_sheet_by_name(checked.pick_sheet())
        rows = sheet.iter_rows()
        for number_, row in enumerate(rows, start=1):
            if number_ > MAX_ROWS + HEADER_SCAN:
                raise Rejected(f"文件“{filename}”超过 {MAX_ROWS} 行，请拆分后再导入", field="file")
            yield list(row[:MAX_COLUMNS + 1])
    except (CalamineError, OSError, ValueError) as error:
        raise Rejected(f"文件“{filename}”不是有效的 Excel (.xlsx) 文件，无法读取（{type(error).__name__}）；"
                       ".xls、.csv 或 WPS 文件请先另存为 .xlsx 再导入", field="file") from None


def _find_header(lines: list[list]) -> tuple[int, int, int | None] | None:
    """(0-based header row, indicator column, unit column) of the first row naming 指标."""
    for index, line in enumerate(lines[:HEADER_SCAN]):
        cells = [_text(cell) for cell in line]
        names = [i for i, cell in enumerate(cells) if cell in ("指标名称", "指标", "项目", "指标名称及单位")]
        if names:
            units = [i for i, cell in enumerate(cells) if cell in ("单位", "计量单位")]
            return index, names[0], units[0] if units else None
    return None


def _year(lines: list[list], given: int | None) -> tuple[int | None, list[Problem]]:
    seen = {int(m) for line in lines for cell in line for m in _YEAR.findall(_text(cell))}
    if given is not None:
        if seen and given not in seen:
            return given, [Problem(1, "A", f"表中写的是 {'、'.join(map(str, sorted(seen)))} 年，"
                                           f"与所选年份 {given} 不一致")]
        return given, []
    if len(seen) == 1:
        return seen.pop(), []
    why = "表头中有多个年份" if seen else "表头中没有年份（如“2025年1-9月”）"
    return None, [Problem(1, "A", f"{why}，请指定年份")]


def _has_measure_row(lines: list[list], header: int) -> bool:
    if header + 1 >= len(lines):
        return False
    return any(measure_of(cell) for cell in lines[header + 1] if _text(cell))


def _slots(lines: list[list], header: int) -> tuple[list[Slot], list[Problem]]:
    """Each value column: its period (carried right over merged cells) and measure."""
    top = lines[header]
    below = lines[header + 1] if _has_measure_row(lines, header) else []
    slots, problems, current = [], [], None
    for index, cell in enumerate(top):
        label = _text(cell)
        if label:
            current = parse_period(label)
            if current is None:
                if label not in ("指标名称", "指标", "项目", "单位", "计量单位", "序号", "指标名称及单位"):
                    problems.append(Problem(header + 1, column_letter(index), f"看不懂期间“{label}”"
                                            "（应如 1-9月、9月、上半年、全年）"))
                continue
        if current is None:
            continue
        measure = measure_of(below[index]) if index < len(below) and _text(below[index]) else measure_of(label)
        if measure is None:
            if label or (index < len(below) and _text(below[index])):
                problems.append(Problem(header + 1, column_letter(index), f"看不出“{label or _text(below[index])}”"
                                        "是绝对值还是增速：请在下一行写明“绝对值”或“增速”"))
            continue
        slots.append(Slot(index, current[0], current[1], measure))
    return _unique_slots(slots, header, problems)


def _unique_slots(slots: list[Slot], header: int, problems: list[Problem]) -> tuple[list[Slot], list[Problem]]:
    seen: dict[tuple, int] = {}
    for slot in slots:
        key = (slot.month, slot.basis, slot.kind)
        if key in seen:
            problems.append(Problem(header + 1, column_letter(slot.index),
                                    f"与 {column_letter(seen[key])} 列是同一期间、同一口径，重复"))
        seen.setdefault(key, slot.index)
    return slots, problems


def _figures(lines: list[list], first: int, name_col: int, unit_col: int | None, slots: list[Slot]):
    figures, problems, names = [], [], {}
    for index in range(first, len(lines)):
        line, row = lines[index], index + 1
        name = re.sub(r"^(其中[:：]?|#|\d+[.、])", "", _text(line[name_col] if name_col < len(line) else ""))
        unit = _text(line[unit_col]) if unit_col is not None and unit_col < len(line) else ""
        found, bad = _row_figures(line, row, name, unit, slots)
        if not found and not bad:
            continue  # a section heading (一、工业) or an indicator without figures this time
        problems += bad
        if not name:
            problems.append(Problem(row, column_letter(name_col), "有数字但没有指标名称"))
        elif len(name) > 200:
            problems.append(Problem(row, column_letter(name_col), "指标名称不能超过 200 个字"))
        elif len(unit) > 20:
            problems.append(Problem(row, column_letter(unit_col or 0), "单位不能超过 20 个字"))
        elif name in names:
            problems.append(Problem(row, column_letter(name_col), f"指标“{name}”与第{names[name]}行重复"))
        else:
            names[name] = row
            figures += found
    return figures, problems


def _row_figures(line: list, row: int, name: str, unit: str, slots: list[Slot]):
    found, bad = [], []
    for slot in slots:
        value = line[slot.index] if slot.index < len(line) else None
        try:
            parsed = number(value)
        except ValueError as error:
            bad.append(Problem(row, column_letter(slot.index), str(error)))
            continue
        if parsed is not None:
            found.append(Figure(row, column_letter(slot.index), name, "%" if slot.kind == "increase" else unit,
                                slot.month, slot.basis, slot.kind, parsed))
    return found, bad
