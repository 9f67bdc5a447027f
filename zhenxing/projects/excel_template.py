"""The blank 项目台账 template: styled header, drop-down lists, a 填写说明 sheet. Pure (XlsxWriter only)."""

from pathlib import Path
from typing import IO

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from zhenxing.projects.excel import COLUMNS, DATE_FORMAT, Column, add_ledger_sheet, close_book, open_book
from zhenxing.projects.stages import STAGE_LABELS, STATUSES, TRACKS

ROWS = 1000  # rows the drop-down lists cover


def write_template(target: IO[bytes] | Path, *, regions: list[str], units: list[str]) -> None:
    """A blank ledger to fill in: styled header, widths, drop-down lists and a 填写说明 sheet."""
    book = open_book(target, in_memory=True)
    columns = [column for column in COLUMNS if column.kind != "major"]
    sheet = add_ledger_sheet(book, columns)
    dates = book.add_format({"num_format": DATE_FORMAT})
    for index, column in enumerate(columns):
        if column.kind == "date":
            sheet.set_column(index, index, column.width, dates)
    _choices(book, sheet, columns, regions=regions, units=units)
    _instructions(book)
    close_book(book)


def _choices(book: xlsxwriter.Workbook, sheet: Worksheet, columns: list[Column], *, regions: list[str],
             units: list[str]) -> None:
    """Drop-down lists fed from a hidden 选项 sheet (a literal list is limited to 255 characters)."""
    options = book.add_worksheet("选项")
    options.hide()
    lists = {"所在地区": regions, "牵头单位": units, "项目阶段": list(STAGE_LABELS.values()),
             "三篇大文章": list(TRACKS.values()), "项目状态": list(STATUSES.values())}
    for number, (header, values) in enumerate(lists.items()):
        letter = xl_col_to_name(number)
        options.write_column(0, number, [header, *values])
        target = next(i for i, column in enumerate(columns) if column.header == header)
        sheet.data_validation(1, target, ROWS, target, {
            "validate": "list", "source": f"=选项!${letter}$2:${letter}${max(len(values), 1) + 1}",
            "show_error": header != "牵头单位", "error_title": "输入有误", "error_message": f"请从列表中选择{header}",
        })


EXAMPLE = {
    "项目编号": "JZ-2025-001", "项目名称": "锦州新能源汽车零部件产业园项目", "所在地区": "凌海市",
    "牵头单位": "市发展改革委", "包保领导": "王振国", "项目管家": "刘佳", "产业集群": "汽车及零部件",
    "三篇大文章": "新字号", "投资主体": "锦州某新能源科技有限公司", "总投资(万元)": 120000,
    "年度计划投资(万元)": 30000, "累计完成投资(万元)": 8000, "项目阶段": "开工", "项目状态": "推进中",
    "计划签约时间": "2025-01-15", "实际签约时间": "2025-01-20", "实际落地时间": "2025-03-01",
    "实际开工时间": "2025-04-18", "计划竣工时间": "2026-10-31", "项目简介": "建设电池壳体、电驱系统生产线",
}
NOTES = (
    "每行一个项目；表头按名称识别，列的顺序可以调整，不用的可选列可以删除。",
    "必填列：项目编号（唯一，用于匹配已有项目）、项目名称、所在地区。",
    "项目编号已存在的行更新该项目（只改有变化的字段），新的编号新建项目。",
    "投资额以万元为单位填写数字；日期可填 2025-03-01、2025/3/1 或 2025年3月1日。",
    "项目阶段：谋划、签约、落地、开工、竣工、投产（也认 储备、在建、建成、达产 等说法）。",
    "三篇大文章：老字号、原字号、新字号；所在地区、牵头单位须与系统中的名称一致。",
    "包保领导、项目管家按姓名匹配，系统中没有的会新建人员。",
    "实际日期须按阶段先后顺序；任何一行有错时整个文件都不导入，并列出全部错误。",
    "“亿元以上”列由总投资自动计算，导入时忽略。",
)


def _instructions(book: xlsxwriter.Workbook) -> None:
    sheet = book.add_worksheet("填写说明")
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 90)
    sheet.write_string(0, 0, "填写说明", book.add_format({"bold": True, "font_size": 14}))
    for row, note in enumerate(NOTES, start=1):
        sheet.write_row(row, 0, [row, note])
    start = len(NOTES) + 2
    sheet.write_string(start, 0, "示例（请勿粘贴到项目台账中）", book.add_format({"bold": True}))
    for offset, pair in enumerate(EXAMPLE.items(), start=1):
        sheet.write_row(start + offset, 0, pair)
