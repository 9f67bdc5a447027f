"""Rules found on held-out batch R29 (progress tables pasted as text, …), each on short sentences written for it."""

import datetime as dt

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.dates import document_date
from zhenxing.documents.extraction.layout import prepare
from zhenxing.documents.extraction.unit_names import unit_cell

# a table pasted one row a line, its cells parted by spaces: number, task, units, progress
SPACED_TABLE = ("某县重点工作任务上半年完成情况\n序号 重点工作任务 牵头单位 上半年完成情况\n"
                "1 城镇新增就业3000人以上。 县人社局 上半年城镇新增就业1800人\n"
                "2 新建改造农村公路50公里。 县交通运输局、县财政局 已完成农村公路建设32公里,占年度任务的64%\n")


def _facts(text: str, **when) -> list[tuple[float, str, str]]:
    return [(f.value, f.indicator, f.stance) for f in extract_facts(text, "t", **when)]


def test_a_cell_of_units_is_only_departments_by_their_names():
    assert unit_cell("县人社局") and unit_cell("县财政局、县税务局") and unit_cell("省财政厅")
    assert not unit_cell("县人社局牵头") and not unit_cell("加强监测") and not unit_cell("")


def test_the_spaces_around_a_row_s_cell_of_units_stay():
    norm = prepare(SPACED_TABLE).norm
    assert "以上。 县人社局 上半年" in norm
    assert "县交通运输局、县财政局 已完成" in norm
    assert "序号重点工作任务" in norm  # a header's spaces still go


def test_a_row_s_progress_after_its_units_reports_and_names_no_unit():
    found = _facts(SPACED_TABLE, year=2024)
    assert (3000, "城镇新增就业", "target") in found
    assert (1800, "城镇新增就业", "actual") in found and (32, "完成农村公路建设", "actual") in found
    assert not any("局" in indicator for _, indicator, _ in found)


def test_a_spaced_row_s_task_is_led_by_its_cell_of_units_and_its_progress_is_no_task():
    drafts = extract_tasks(SPACED_TABLE, year=2024)
    assert [(t.sentence, t.lead_unit, t.partner_units) for t in drafts] == [
        ("城镇新增就业3000人以上。", "人力资源社会保障局", ()),
        ("新建改造农村公路50公里。", "交通运输局", ("财政局",))]


def test_a_table_one_cell_a_line_without_bars_gives_a_task_a_row_and_skips_its_progress():
    text = ("某市重点工作进展情况表\n\n序号\n\n内容与要求\n\n进展情况\n\n责任单位\n\n"
            "1\n\n持续推进重大项目建设,确保固定资产投资增长8%以上。\n\n1-3月,全市固定资产投资增长5.2%,居全省第3位。\n\n"
            "市发改委\n\n2\n\n加快建设城东污水处理厂,力争年内建成投用。\n\n目前已完成主体工程的60%。\n\n市住建局\n\n"
            "3\n\n深入推进文明城市创建,力争通过国家测评。\n\n目前已制定创建方案。\n")
    drafts = extract_tasks(text, year=2024)
    assert [(t.sentence, t.lead_unit) for t in drafts[:2]] == [
        ("持续推进重大项目建设,确保固定资产投资增长8%以上", "发展改革委"),
        ("加快建设城东污水处理厂,力争年内建成投用", "住房城乡建设局")]
    # the last row, cut before its units, is still its task; no progress cell is drafted
    assert [t.sentence for t in drafts[2:]] == ["深入推进文明城市创建,力争通过国家测评"]


def test_a_report_on_a_quarter_s_progress_is_written_after_that_quarter():
    found = document_date("某县2024年重点工作一季度完成情况\n一季度全县新增就业500人。", year=2024)
    assert (found.date, found.source) == (dt.date(2024, 4, 1), "progress")
    assert document_date("某县前三季度重点工作推进情况\n", year=2024).date == dt.date(2024, 10, 1)
    assert document_date("2024年一季度开工重点项目20个。", year=2024).date is None
