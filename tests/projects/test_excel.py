"""The pure 项目台账 reader and writers: headers, parsing, every kind of row error, round trips."""

import ast
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from zhenxing.errors import Rejected
from zhenxing.projects import excel, excel_template
from zhenxing.projects.excel import read_ledger

DATA = Path(__file__).resolve().parents[1] / "data"
HEADER = ["项目编号", "项目名称", "所在地区"]


def workbook_bytes(header: list, *rows: list) -> bytes:
    """An .xlsx in memory with this header row and these rows."""
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read(header: list, *rows: list):
    return read_ledger(workbook_bytes(header, *rows), filename="台账.xlsx")


def only_problem(header: list, *rows: list) -> excel.Problem:
    _rows, problems = read(header, *rows)
    assert len(problems) == 1, problems
    return problems[0]


def test_it_reads_the_sample_ledger_whatever_the_column_order_and_bracket_width():
    rows, problems = read_ledger((DATA / "ledger_valid.xlsx").read_bytes(), filename="ledger_valid.xlsx")
    assert problems == []
    first = rows[0]
    assert first.row == 3  # a title row sits above the header
    assert first.values["code"] == "JZ-001"
    assert first.values["total_investment"] == 120000
    assert first.values["planned_investment"] == 30000
    assert first.values["track"] == "emerging"
    assert first.values["stage"] == "started"
    assert first.values["started_on"] == date(2025, 4, 18)
    assert first.values["plan_completed_on"] == date(2026, 10, 31)
    assert [row.values["stage"] for row in rows] == ["started", "planned", "started"]
    assert rows[1].values["total_investment"] == 8000  # "8,000"
    assert rows[2].values["total_investment"] == 56000  # 56000.4 rounded


def test_it_matches_headers_with_full_width_brackets_and_spaces():
    rows, problems = read(HEADER + ["总投资 （万元）", " 年度计划投资(万元) "], ["A-1", "项目一", "凌海市", 10, 5])
    assert problems == []
    assert rows[0].values["total_investment"] == 10
    assert rows[0].values["planned_investment"] == 5


def test_it_leaves_out_columns_the_file_does_not_have():
    rows, _ = read(HEADER, ["A-1", "项目一", "凌海市"])
    assert set(rows[0].values) == {"code", "name", "region"}


def test_it_ignores_the_derived_major_column_and_the_row_number():
    rows, problems = read(["序号", *HEADER, "亿元以上"], [1, "A-1", "项目一", "凌海市", "是"])
    assert problems == []
    assert set(rows[0].values) == {"code", "name", "region"}


@pytest.mark.parametrize("missing", ["项目编号", "项目名称", "所在地区"])
def test_it_refuses_a_file_without_a_required_column(missing):
    header = [name for name in HEADER if name != missing] + ["项目阶段", "总投资(万元)"]
    rows, problems = read(header, ["x", "y", "谋划", 1])
    assert rows == []
    assert problems == [excel.Problem(1, missing, f"缺少必填列“{missing}”")]


def test_it_says_so_when_it_finds_no_header_at_all():
    rows, problems = read(["姓名", "电话"], ["张三", "123"])
    assert rows == [] and "找不到表头" in problems[0].message


def test_it_refuses_a_file_that_is_not_an_xlsx_naming_the_file():
    with pytest.raises(Rejected) as caught:
        read_ledger(b"name,code\n1,2\n", filename="项目.csv")
    assert "项目.csv" in caught.value.message
    assert caught.value.field == "file"


def test_it_refuses_a_damaged_xlsx_naming_the_file():
    damaged = workbook_bytes(HEADER, ["A-1", "项目一", "凌海市"])
    with pytest.raises(Rejected) as caught:
        read_ledger(damaged[: len(damaged) // 2], filename="损坏.xlsx")
    assert "损坏.xlsx" in caught.value.message and caught.value.field == "file"


def test_it_counts_rows_from_the_top_of_the_sheet_when_the_table_starts_lower_and_further_right():
    book = Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"], sheet["E3"] = HEADER
    sheet["C4"], sheet["D4"], sheet["E4"] = "A-1", "项目一", "凌海市"
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(7)  # an upload handed over mid-file is read from its start
    rows, problems = read_ledger(buffer, filename="台账.xlsx")
    assert problems == []
    assert (rows[0].row, rows[0].values) == (4, {"code": "A-1", "name": "项目一", "region": "凌海市"})


@pytest.mark.parametrize("cell, expected", [
    (datetime(2024, 3, 1), date(2024, 3, 1)),
    (date(2024, 3, 1), date(2024, 3, 1)),
    ("2024-03-01", date(2024, 3, 1)),
    ("2024/3/1", date(2024, 3, 1)),
    ("2024年3月1日", date(2024, 3, 1)),
    ("2024.3.1", date(2024, 3, 1)),
    ("20240301", date(2024, 3, 1)),
    ("2024年3月", date(2024, 3, 1)),
    (45352, date(2024, 3, 1)),  # an Excel serial number in a cell without a date format
    (None, None),
])
def test_it_reads_dates_as_excel_dates_and_as_text(cell, expected):
    rows, problems = read(HEADER + ["计划开工时间"], ["A-1", "项目一", "凌海市", cell])
    assert problems == []
    assert rows[0].values["plan_started_on"] == expected


def test_it_reports_a_bad_date_by_row_and_column():
    problem = only_problem(HEADER + ["实际签约时间"], ["A-1", "项目一", "凌海市", "2024-02-30"])
    assert (problem.row, problem.column) == (2, "实际签约时间")
    assert "2024-02-30" in problem.message


@pytest.mark.parametrize("cell", ["一千", "12万", True])
def test_it_reports_non_numeric_investment(cell):
    problem = only_problem(HEADER + ["总投资（万元）"], ["A-1", "项目一", "凌海市", cell])
    assert (problem.row, problem.column) == (2, "总投资(万元)")
    assert "不是数字" in problem.message


def test_it_reports_negative_investment():
    problem = only_problem(HEADER + ["累计完成投资(万元)"], ["A-1", "项目一", "凌海市", -1])
    assert problem.column == "累计完成投资(万元)" and "负数" in problem.message


def test_it_reads_stage_names_and_their_synonyms():
    rows, problems = read(HEADER + ["项目阶段"], ["A", "项目一", "凌海市", "储备"],
                          ["B", "项目二", "凌海市", "开(复)工"], ["C", "项目三", "凌海市", "投产"],
                          ["D", "项目四", "凌海市", ""])
    assert problems == []
    assert [row.values.get("stage") for row in rows] == ["planned", "started", "operating", None]


def test_it_reports_an_unknown_stage():
    problem = only_problem(HEADER + ["项目阶段"], ["A-1", "项目一", "凌海市", "施工中"])
    assert problem.column == "项目阶段" and "施工中" in problem.message


def test_it_maps_the_three_tracks_and_reports_an_unknown_one():
    rows, _ = read(HEADER + ["三篇大文章"], ["A", "项目一", "凌海市", "老字号"], ["B", "项目二", "凌海市", "原字号"],
                   ["C", "项目三", "凌海市", "新字号"], ["D", "项目四", "凌海市", None])
    assert [row.values["track"] for row in rows] == ["upgrade", "extend", "emerging", None]
    problem = only_problem(HEADER + ["三篇大文章"], ["A", "项目一", "凌海市", "旧字号"])
    assert problem.column == "三篇大文章" and "旧字号" in problem.message


def test_it_reports_a_missing_name_and_a_missing_region():
    _, problems = read(HEADER, ["A-1", None, "凌海市"], ["A-2", "项目二", " "])
    assert [(p.row, p.column) for p in problems] == [(2, "项目名称"), (3, "所在地区")]


def test_it_reports_a_code_used_twice_in_the_file():
    _, problems = read(HEADER, ["A-1", "项目一", "凌海市"], ["A-2", "项目二", "凌海市"], ["A-1", "项目三", "凌海市"])
    assert problems == [excel.Problem(4, "项目编号", "项目编号“A-1”与第 2 行重复")]


def test_it_reports_actual_dates_out_of_stage_order():
    problem = only_problem(HEADER + ["实际签约时间", "实际开工时间"],
                           ["A-1", "项目一", "凌海市", "2025-05-01", "2025-03-01"])
    assert (problem.row, problem.column) == (2, "实际开工时间")
    assert "早于签约日期" in problem.message


def test_it_reports_every_problem_of_the_error_sample():
    _, problems = read_ledger((DATA / "ledger_errors.xlsx").read_bytes(), filename="ledger_errors.xlsx")
    assert {(p.row, p.column) for p in problems} == {
        (5, "总投资(万元)"), (6, "年度计划投资(万元)"), (7, "实际签约时间"), (8, "项目编号"), (9, "项目阶段"),
        (10, "三篇大文章"), (11, "项目名称"), (12, "实际开工时间"),
    }  # unknown regions and units (rows 3, 4) need the database: the import service reports those


def test_it_skips_blank_rows_but_keeps_excel_row_numbers():
    rows, _ = read(HEADER, ["A-1", "项目一", "凌海市"], [None, None, None], ["A-2", "项目二", "凌海市"])
    assert [row.row for row in rows] == [2, 4]


def test_an_export_reads_back_to_the_same_values():
    record = {"code": "A-1", "name": "项目一", "region": "凌海市", "lead_unit": "市发展改革委", "sponsor": "王振国",
              "steward": None, "cluster": "汽车", "track": "extend", "company": "", "total_investment": 12000,
              "planned_investment": 300, "completed_investment": 0, "stage": "signed", "status": "suspended",
              "description": "", "signed_on": date(2024, 3, 1), "plan_started_on": date(2025, 1, 1)}
    buffer = BytesIO()
    assert excel.write_ledger([record], buffer) == 1
    rows, problems = read_ledger(buffer.getvalue(), filename="导出.xlsx")
    assert problems == []
    values = rows[0].values
    assert {key: values[key] for key in record} == record
    assert values["landed_on"] is None


def test_the_export_writes_real_dates_integer_money_and_the_major_flag():
    buffer = BytesIO()
    excel.write_ledger([{"code": "A-1", "name": "项目一", "region": "凌海市", "total_investment": 12000,
                         "stage": "signed", "signed_on": date(2024, 3, 1)}], buffer)
    sheet = load_workbook(BytesIO(buffer.getvalue()))[excel.SHEET]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, (cell for cell in sheet[2]), strict=True))
    assert row["实际签约时间"].is_date and row["实际签约时间"].value.date() == date(2024, 3, 1)
    assert row["总投资(万元)"].value == 12000 and isinstance(row["总投资(万元)"].value, int)
    assert row["亿元以上"].value == "是"
    assert row["项目阶段"].value == "签约"
    assert sheet[1][0].font.bold


def test_the_template_has_the_header_drop_down_lists_and_instructions():
    buffer = BytesIO()
    excel_template.write_template(buffer, regions=["锦州市", "凌海市"], units=["市发展改革委"])
    book = load_workbook(BytesIO(buffer.getvalue()))
    sheet = book[excel.SHEET]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["序号", "项目编号", "项目名称", "所在地区"] and "亿元以上" not in header
    assert sheet.column_dimensions["C"].width > 20
    validated = {str(check.sqref).split(":")[0] for check in sheet.data_validations.dataValidation}
    assert {"D2", "I2", "O2"} <= validated  # 所在地区, 三篇大文章, 项目阶段
    assert book["选项"].sheet_state == "hidden"
    assert [c.value for c in book["选项"]["A"]][:3] == ["所在地区", "锦州市", "凌海市"]
    assert "填写说明" in book.sheetnames
    rows, problems = read_ledger(buffer.getvalue(), filename="模板.xlsx")
    assert (rows, problems) == ([], [])


def test_it_reads_rich_text_and_keeps_row_numbers_across_missing_rows():
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet["A5"], sheet["B5"], sheet["C5"] = "A-1", CellRichText("凌海", TextBlock(InlineFont(b=True), "项目")), "凌海市"
    buffer = BytesIO()
    book.save(buffer)
    rows, problems = read_ledger(buffer.getvalue(), filename="富文本.xlsx")
    assert problems == []
    assert (rows[0].row, rows[0].values["name"]) == (5, "凌海项目")


def test_the_export_is_a_workbook_excel_tools_can_open(tmp_path):
    path = tmp_path / "导出.xlsx"
    excel.write_ledger([{"code": "A&<1>", "name": " 含空格\x01的名称 ", "region": "凌海市"}], path)
    sheet = load_workbook(path)[excel.SHEET]
    assert sheet.freeze_panes == "C2"
    assert sheet["B2"].value == "A&<1>" and sheet["C2"].value == " 含空格的名称 "
    assert 36 <= sheet.column_dimensions["C"].width < 37  # Excel stores the width with its cell padding
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(excel.COLUMNS)).column_letter}2"


def test_the_export_keeps_text_that_looks_like_a_formula_or_a_link_as_text():
    buffer = BytesIO()
    excel.write_ledger([{"code": "=1+1", "name": "http://example.org/项目", "region": "凌海市"}], buffer)
    sheet = load_workbook(BytesIO(buffer.getvalue()))[excel.SHEET]
    assert (sheet["B2"].data_type, sheet["B2"].value) == ("s", "=1+1")
    assert sheet["C2"].value == "http://example.org/项目" and sheet["C2"].hyperlink is None


@pytest.mark.parametrize("module", ["excel", "excel_template"])
def test_the_spreadsheet_modules_import_neither_the_database_nor_the_web(module):
    source = (Path(excel.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not {name for name in imported if name.split(".")[0] in {"sqlalchemy", "fastapi", "starlette"}}
    assert "zhenxing.projects.models" not in imported
