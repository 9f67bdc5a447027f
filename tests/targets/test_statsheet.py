"""Reading a statistics bureau's sheet: periods, measures, merged headers, errors by row and column."""

from decimal import Decimal as D

import pytest

from tests.targets.sheets import bureau_sheet, workbook
from zhenxing.errors import Rejected
from zhenxing.targets.statsheet import column_letter, measure_of, number, parse_period, read_sheet

FIGURES = {
    "地区生产总值": ("亿元", {"1-3月": (301.2, 5.3), "1-6月": (640.5, 5.6)}),
    "规模以上工业增加值": ("", {"1-3月": ("", 7.1), "1-6月": ("—", 7.6)}),
    "城镇新增就业": ("万人", {"1-3月": (0.42, ""), "1-6月": (0.95, "")}),
}


def test_a_bureau_sheet_gives_one_figure_per_filled_cell_with_its_row_and_column():
    sheet = read_sheet(bureau_sheet(FIGURES, ["1-3月", "1-6月"]), filename="a.xlsx")
    assert sheet.problems == []
    assert sheet.year == 2025
    by_key = {(f.written, f.month, f.kind): f for f in sheet.figures}
    assert len(sheet.figures) == 8
    gdp = by_key[("地区生产总值", 6, "level")]
    assert (gdp.value, gdp.unit, gdp.basis, gdp.row, gdp.column) == (D("640.5"), "亿元", "ytd", 4, "E")
    growth = by_key[("地区生产总值", 3, "increase")]
    assert (growth.value, growth.unit, growth.column) == (D("5.3"), "%", "D")
    assert ("规模以上工业增加值", 6, "level") not in by_key  # a dash is no figure
    assert by_key[("城镇新增就业", 3, "level")].value == D("0.42")


@pytest.mark.parametrize(("label", "found"), [
    ("1-9月", (9, "ytd")), ("1—9月", (9, "ytd")), ("1~12月", (12, "ytd")), ("2025年1-3月", (3, "ytd")),
    ("9月", (9, "month")), ("1月", (1, "ytd")), ("3月份", (3, "month")), ("1-9月累计", (9, "ytd")),
    ("上半年", (6, "ytd")), ("前三季度", (9, "ytd")), ("一季度", (3, "ytd")), ("二季度", (6, "quarter")),
    ("全年", (12, "ytd")), ("1-13月", None), ("同比", None), ("", None), ("0月", None),
])
def test_period_labels(label, found):
    assert parse_period(label) == found


@pytest.mark.parametrize(("label", "measure"), [
    ("绝对值", "level"), ("增速(%)", "increase"), ("比上年同期增长（%）", "increase"), ("同比±%", "increase"),
    ("1-9月绝对值", "level"), ("累计值", "level"), ("备注", None),
])
def test_measure_labels(label, measure):
    assert measure_of(label) == measure


def test_a_single_header_row_may_carry_the_measure_in_each_label():
    data = workbook([["2024年主要指标"], ["指标", "单位", "1-9月绝对值", "1-9月增速(%)", "9月增速"],
                     ["固定资产投资", "亿元", 210, "8.5%", 3.2]])
    sheet = read_sheet(data, filename="b.xlsx")
    assert sheet.problems == []
    assert {(f.month, f.basis, f.kind, f.value) for f in sheet.figures} == {
        (9, "ytd", "level", D(210)), (9, "ytd", "increase", D("8.5")), (9, "month", "increase", D("3.2"))}


def test_every_problem_names_its_row_and_column():
    data = bureau_sheet({"地区生产总值": ("亿元", {"1-3月": ("三百", 5.3)}),
                         "": ("", {"1-3月": (1, "")}),
                         "一般公共预算收入": ("亿元", {"1-3月": (1e16, "")}),
                         "地区生产总值 ": ("亿元", {"1-3月": (2, "")})}, ["1-3月"])
    problems = [str(p) for p in read_sheet(data, filename="c.xlsx").problems]
    assert problems == [
        "第4行 C列：“三百”不是数字",
        "第5行 A列：有数字但没有指标名称",
        "第6行 C列：“1e+16”不是有效的数字",
        "第7行 A列：指标“地区生产总值”与第4行重复",
    ]


def test_a_header_it_cannot_read_is_a_problem_at_that_cell():
    data = workbook([["2025年"], ["指标名称", "单位", "第三期", "1-3月"], ["", "", "", "备注"],
                     ["地区生产总值", "亿元", 1, 2]])
    problems = [str(p) for p in read_sheet(data, filename="d.xlsx").problems]
    assert "第2行 C列：看不懂期间“第三期”（应如 1-9月、9月、上半年、全年）" in problems
    assert "第2行 D列：看不出“1-3月”是绝对值还是增速：请在下一行写明“绝对值”或“增速”" in problems


def test_a_sheet_without_a_header_or_a_year_says_so():
    no_header = read_sheet(workbook([["随便写点什么"], [1, 2, 3]]), filename="e.xlsx")
    assert "找不到表头" in str(no_header.problems[0])
    no_year = read_sheet(bureau_sheet(FIGURES, ["1-3月"], title="主要经济指标"), filename="f.xlsx")
    assert [str(p) for p in no_year.problems] == ["第1行 A列：表头中没有年份（如“2025年1-9月”），请指定年份"]
    given = read_sheet(bureau_sheet(FIGURES, ["1-3月"], title="主要经济指标"), filename="f.xlsx", year=2025)
    assert given.problems == [] and given.year == 2025
    clash = read_sheet(bureau_sheet(FIGURES, ["1-3月"]), filename="g.xlsx", year=2024)
    assert "与所选年份 2024 不一致" in str(clash.problems[0])


def test_the_same_period_and_measure_twice_is_a_problem():
    data = workbook([["2025年"], ["指标名称", "1-3月增速", "一季度增速"], ["地区生产总值", 1, 2]])
    assert [str(p) for p in read_sheet(data, filename="h.xlsx").problems] == [
        "第2行 C列：与 B 列是同一期间、同一口径，重复"]


@pytest.mark.parametrize("data", [b"", b"not a workbook", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_workbook_is_refused_by_name(data):
    with pytest.raises(Rejected, match="“坏.xlsx”不是有效的 Excel"):
        read_sheet(data, filename="坏.xlsx")


def test_cells_and_columns():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52)] == ["A", "Z", "AA", "AZ", "BA"]
    assert number(" 1,234.5 ") == D("1234.5")
    assert number("—") is None
    assert number(3) == D(3)
    with pytest.raises(ValueError):
        number(True)
