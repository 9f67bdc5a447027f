"""Spreadsheets out: titled sheets, styled headers, number formats for 万元/亿元/%, read back with openpyxl."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from zhenxing.outputs import LEDGER, Column, SheetSpec, WorkbookSpec, render_xlsx, write_xlsx

COLUMNS = [Column("序号", 6, "int"), Column("项目名称", 30), Column("总投资(万元)", 14, "wan"),
           Column("总投资(亿元)", 12, "yi"), Column("完成率", 10, "percent"), Column("开工日期", 12, "date")]
ROWS = [[1, "锦州港扩建", 125_000, 125_000, 0.875, date(2026, 3, 1)],
        [2, "=HYPERLINK(\"x\")\x07", 8_000, 8_000, "—", None]]


def book(spec: WorkbookSpec):
    return load_workbook(BytesIO(render_xlsx(spec)))


def sheet_spec(**overrides) -> SheetSpec:
    values = dict(name="项目", columns=COLUMNS, rows=ROWS, title="2026年重点项目表", subtitle="单位：万元、亿元",
                  totals=["合计", "", 133_000, 133_000, None, None])
    values.update(overrides)
    return SheetSpec(**values)


def test_a_titled_sheet_has_the_merged_title_subtitle_header_rows_and_totals():
    sheet = book(WorkbookSpec([sheet_spec()]))["项目"]
    assert sheet["A1"].value == "2026年重点项目表" and "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value == "单位：万元、亿元"
    assert [c.value for c in sheet[3]] == ["序号", "项目名称", "总投资(万元)", "总投资(亿元)", "完成率", "开工日期"]
    assert sheet["A3"].font.name == "黑体" and sheet["A3"].font.bold and sheet["A3"].border.left.style == "thin"
    assert sheet["B4"].font.name == "仿宋" and sheet["B4"].alignment.wrap_text
    assert sheet["A6"].value == "合计" and sheet["C6"].value == 133_000 and sheet["C6"].font.bold
    assert sheet.freeze_panes == "A4" and sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.column_dimensions["B"].width == pytest.approx(30, abs=1)


def test_money_shows_in_wan_and_yi_and_rates_as_percent():
    sheet = book(WorkbookSpec([sheet_spec()]))["项目"]
    assert sheet["C4"].value == 125_000 and sheet["C4"].number_format == "#,##0"
    assert sheet["D4"].value == pytest.approx(12.5) and sheet["D4"].number_format == "#,##0.00"
    assert sheet["E4"].value == pytest.approx(0.875) and sheet["E4"].number_format == "0.0%"
    assert sheet["F4"].value.date() == date(2026, 3, 1) and sheet["F4"].number_format == "yyyy-mm-dd"
    assert sheet["E5"].value == "—" and sheet["F5"].value is None


def test_text_stays_text_without_control_characters_or_formulas():
    sheet = book(WorkbookSpec([sheet_spec()]))["项目"]
    assert sheet["B5"].value == "=HYPERLINK(\"x\")" and sheet["B5"].data_type == "s"


def test_a_ledger_sheet_has_no_title_a_red_header_an_autofilter_and_frozen_columns():
    spec = sheet_spec(title=None, subtitle=None, totals=None, style=LEDGER, freeze_columns=2, autofilter=True)
    sheet = book(WorkbookSpec([spec]))["项目"]
    assert sheet["A1"].value == "序号" and sheet["A1"].fill.fgColor.rgb.endswith("B22222")
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref == "A1:F3"


def test_several_sheets_keep_their_order_and_names_are_trimmed_to_excels_limit():
    names = book(WorkbookSpec([sheet_spec(name="汇总"), sheet_spec(name="明" * 40)])).sheetnames
    assert names == ["汇总", "明" * 31]


def test_streaming_writes_a_generator_of_rows_to_a_file_in_constant_memory(tmp_path):
    rows = ([n, f"项目{n}", n * 100, n * 100, n / 1000, None] for n in range(1, 2001))
    target = tmp_path / "大表.xlsx"
    count = write_xlsx(WorkbookSpec([sheet_spec(rows=rows, totals=None)]), target)
    sheet = load_workbook(target, read_only=True)["项目"]
    values = list(sheet.iter_rows(min_row=4, values_only=True))
    assert count == 2000 and len(values) == 2000 and values[-1][:3] == (2000, "项目2000", 200_000)


def test_an_unknown_column_kind_is_refused():
    with pytest.raises(ValueError, match="unknown column kind"):
        Column("x", kind="money")
