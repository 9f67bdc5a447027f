"""任务分解表.xlsx and 目标台账.xlsx: the official layout, opened back with openpyxl."""

from io import BytesIO

from openpyxl import load_workbook

from zhenxing.documents.exports import TargetRow, TaskRow, targets_workbook, tasks_workbook


def sheet_of(data: bytes):
    return load_workbook(BytesIO(data)).active


def test_the_task_table_has_the_merged_title_the_six_columns_and_one_row_per_task():
    rows = [TaskRow("新建高标准农田35万亩。", "市农业农村局", "市财政局", "李建华", "2025年12月底"),
            TaskRow("新增养老服务床位800张。", "市民政局")]
    sheet = sheet_of(tasks_workbook(rows, year=2025))
    assert sheet["A1"].value == "2025年政府工作报告重点任务分解表"
    assert "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[2]] == ["序号", "任务内容", "牵头单位", "配合单位", "责任领导", "完成时限"]
    assert [c.value for c in sheet[3]] == [1, "新建高标准农田35万亩。", "市农业农村局", "市财政局", "李建华",
                                           "2025年12月底"]
    assert sheet["A4"].value == 2 and sheet["C4"].value == "市民政局" and sheet.max_row == 4


def test_the_task_table_prints_on_a4_landscape_with_borders_wrapping_and_a_repeated_header():
    sheet = sheet_of(tasks_workbook([TaskRow("任务")], year=2025))
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$2:$2"
    assert sheet["B3"].alignment.wrap_text and sheet["B3"].border.left.style == "thin"
    assert sheet["A2"].font.bold


def test_the_target_ledger_lists_kind_and_comparator_in_words_people_use():
    rows = [TargetRow("地区生产总值", "6", "%", "增长", "约", 2025, "2025年政府工作报告", "地区生产总值增长6%左右")]
    sheet = sheet_of(targets_workbook(rows, title="2025年目标台账"))
    assert sheet["A1"].value == "2025年目标台账" and "A1:I1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[2]] == ["序号", "指标名称", "目标值", "单位", "类型", "比较", "年度", "来源文件",
                                           "原文"]
    assert [c.value for c in sheet[3]] == [1, "地区生产总值", "6", "%", "增长", "约", 2025, "2025年政府工作报告",
                                           "地区生产总值增长6%左右"]


def test_an_empty_ledger_still_exports_title_and_headers():
    sheet = sheet_of(targets_workbook([]))
    assert sheet["A1"].value == "目标台账" and sheet["A2"].value == "序号" and sheet.max_row == 2
