"""Rules found on held-out batch R29 (progress tables pasted as text, …), each on short sentences written for it."""

import datetime as dt

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.dates import document_date
from zhenxing.documents.extraction.departments import suggest_lead
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


def test_the_report_named_short_in_brackets_speaks_its_own_plan():
    text = ("在某市人民代表大会上,《政府工作报告》(以下简称《报告》)回顾了过去一年。\n"
            "《报告》明确,今年城镇新增就业5200人,新建学校3所。\n")
    assert [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=2026)] == [
        ("今年城镇新增就业5200人", "人力资源社会保障局"), ("新建学校3所", "教育局")]
    assert [(v, s) for v, _, s in _facts(text, year=2026)] == [(5200, "target"), (3, "target")]


def test_an_item_that_is_a_goal_without_figure_is_its_units_task():
    text = ("一、市长牵头重点工作\n1.一般公共预算收入与经济增长同步。\n责任单位:市财政局\n"
            "2.加快推进政务服务“一网通办”,优化办事流程。\n责任单位:市政府办公厅、市数据局\n")
    assert [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=2024)] == [
        ("一般公共预算收入与经济增长同步。", "财政局"),
        ("加快推进政务服务“一网通办”,优化办事流程。", "政府办公室")]


def test_a_label_over_bullets_names_the_bare_change_below_it_and_is_no_bullet_s_end():
    text = ("某省2024年目标安排\n\n生产总值\n\n•增长5%\n\n湾区建设\n\n•优化完善口岸通关服务\n\n产业发展\n\n"
            "•新推动900家规模以上工业企业数字化转型\n")
    norm = prepare(text).norm
    assert "服务\n\n产业发展" in norm  # the label stays a line of its own
    assert _facts(text, year=2024) == [(5, "生产总值", "target"),
                                       (900, "新推动规模以上工业企业数字化转型", "target")]
    drafts = extract_tasks(text, year=2024)
    assert [(t.sentence, t.lead_unit) for t in drafts] == [
        ("增长5%", "发展改革委"), ("优化完善口岸通关服务", "商务局"),
        ("新推动900家规模以上工业企业数字化转型", "工业和信息化局")]
    # a bulleted line broken by the print still goes on across the blank line
    broken = "●新建社区老年人服务中心(站)70个、农村老年\n\n人互助中心(服务点)30个\n\n●新增养老床位200张\n"
    assert "农村老年人互助中心" in prepare(broken).norm


def test_resolve_to_do_the_year_s_work_well_is_no_task():
    text = ("二、2024年主要任务\n2024年是关键之年。我们必须坚定目标、强化担当、狠抓落实,全力做好今年政府各项工作。\n"
            "加快建设物流园区。\n")
    assert [t.sentence for t in extract_tasks(text, year=2024)] == ["加快建设物流园区。"]


def test_a_bracket_after_a_figure_is_an_aside_naming_nothing_it_measures():
    found = _facts("一季度全县社会消费品零售总额实现57.48亿元,同比增长7.5%(全市6.3%)。", year=2025)
    assert (7.5, "一季度全县社会消费品零售总额", "actual") in found


def test_a_move_in_a_ranking_and_the_indicators_a_goal_names_are_no_counts_but_certificates_are():
    found = _facts("全市固定资产投资同比下降12.7%,居全省第6位,比去年同期提升5位。确保4个结构性指标均实现10%以上增长,"
                   "取得军工资质8本以上。", year=2020)
    assert [(v, i) for v, i, _ in found] == [(12.7, "固定资产投资"), (10, "4个结构性指标"), (8, "取得军工资质")]
    assert [v for v, _, _ in _facts("新建本市2本科院校配套学生公寓。", year=2020)] == []


def test_a_row_number_alone_on_its_line_opens_the_task_a_progress_table_restates():
    text = ("某市重点工作进展情况表\n\n序号\n\n内容与要求\n\n进展情况\n\n责任单位\n\n"
            "1\n\n深入推进示范区建设,取得军工资质8本以上。\n\n目前已有10家企业提出申办需求。\n\n市发改委\n")
    assert [(v, s) for v, _, s in _facts(text, year=2020)] == [(8, "target"), (10, "actual")]


def test_how_a_work_is_run_and_what_is_put_first_are_principles_before_the_works():
    text = ("二、2025年主要任务\n始终把产业发展作为第一要务、招商引资作为第一工作,开展产业提升行动,加快建设物流园区。\n"
            "坚持工业核心定位不动摇,全面实施制造业倍增工程。\n"
            "坚持市场化专业化运作,完成产业基金组建和运行机制建设。\n"
            "坚持“投早、投小、投科技”,在新兴产业领域催生一批高成长企业。\n")
    assert [t.sentence for t in extract_tasks(text, year=2025)] == [
        "开展产业提升行动,加快建设物流园区。", "全面实施制造业倍增工程。", "完成产业基金组建和运行机制建设",
        "在新兴产业领域催生一批高成长企业。"]


def test_teachers_managed_by_the_county_or_city_and_a_master_plan_have_their_remits():
    assert suggest_lead("深化市管校聘改革,推行绩效工资分配改革").lead == "教育局"
    assert suggest_lead("编制实施新区新一轮总体发展规划").lead == "发展改革委"


def test_an_item_s_title_seeking_funds_or_cutting_spending_is_its_units_task():
    text = ("一、市长牵头重点工作\n1.积极争取并高效用好地方政府专项债券。\n责任单位:市财政局、市发展改革委\n"
            "2.严控一般性支出,大幅压减论坛、展会、节庆等活动。\n责任单位:市财政局\n")
    assert [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=2024)] == [
        ("积极争取并高效用好地方政府专项债券。", "财政局"),
        ("严控一般性支出,大幅压减论坛、展会、节庆等活动。", "财政局")]


def test_a_table_one_cell_a_line_with_its_header_broken_across_lines_is_still_a_table():
    text = ("附件\n\n民生实事项目实施计划表\n\n序号\n\n项目名称\n\n建设内容\n\n建设起\n止年限\n\n总投资\n(万元)\n\n"
            "资金\n来源\n\n责任\n\n单位\n\n"
            "1\n\n城区供水\n改造工程\n\n对东湖花园等12个小区进行供水管网改造,新装智能水表5000只,提升供水保障能力。\n\n"
            "2024.01-2024.12\n\n800\n\n国企投资\n\n水务集团\n\n"
            "2\n\n农村公路提升工程\n\n新建改造农村公路40公里,完成危桥改造5座,提升群众出行条件。\n\n"
            "2024.01-2024.12\n\n3000\n\n政府投资\n\n交通运输局\n")
    drafts = extract_tasks(text, year=2024)
    assert [(t.sentence[:12], t.lead_unit) for t in drafts] == [
        ("对东湖花园等12个小区进", "水务集团"), ("新建改造农村公路40公里", "交通运输局")]


def test_every_level_s_relevant_departments_are_the_notice_s_addressees():
    text = ("现予公布。各级各有关部门要高度重视,明确责任分工,强化协同配合,全力落实资金、土地等要素保障工作,"
            "确保把每件民生实事办好办实。\n")
    assert extract_tasks(text, year=2024) == []
