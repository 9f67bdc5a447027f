"""Rules found on held-out batch R35 (south-west: livelihood lists under bare ordinals, a progress table with group
rows, press-conference lists, goals and works in news), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.departments import suggest_lead
from zhenxing.documents.extraction.layout import prepare
from zhenxing.documents.extraction.unit_names import standard_name, unit_cell


def _facts(text: str, **when) -> list[tuple[float, str, str]]:
    return [(f.value, f.indicator, f.stance) for f in extract_facts(text, "t", **when)]


def _tasks(text: str, **when) -> list[str]:
    return [t.sentence for t in extract_tasks(text, **when)]


# a list of works announced by a plan sentence, each item's number printed on a line of its own
ORDINAL_LINES = ("县长在会上说,今年将继续办好八件民生实事。\n(一)\n"
                 "加强基层医疗服务,为全县3000名老年人免费做健康评估。\n(二)\n丰富群众文化生活,送戏下乡120场,更新农家书屋图书2万册。\n")


def test_an_item_s_number_on_a_line_of_its_own_opens_the_line_below():
    norm = prepare(ORDINAL_LINES).norm
    assert "(一)加强基层医疗服务" in norm and "(二)丰富群众文化生活" in norm
    assert "一、\n" not in prepare("一、\n稳住农业基本盘,新建高标准农田2万亩。\n").norm


def test_items_under_bare_ordinals_stay_in_the_plan_announced_above_them():
    found = _facts(ORDINAL_LINES, year=2025)
    assert {stance for _, _, stance in found} == {"target"}
    assert {value for value, _, _ in found} == {3000, 120, 2}


def test_a_number_before_a_game_s_format_counts_no_people():
    found = _facts("今年新建5人制足球场12个、11人制足球场2个。", year=2025)
    assert [value for value, _, _ in found] == [12, 2]
    assert all(indicator != "人" for _, indicator, _ in found)


def test_the_units_a_list_draws_in_are_no_fact():
    found = _facts("今年的12件民生实事共26家单位参与,计划投入资金3.2亿元。", year=2025)
    assert [value for value, _, _ in found] == [3.2]
    assert [value for value, _, _ in _facts("今年新引进企业共26家。", year=2025)] == [26]


def test_a_beneficiary_s_whole_place_opens_no_indicator():
    found = _facts("今年为全市5000名新生儿免费做听力筛查,对全县300户困难家庭实施住房改造。", year=2025)
    assert [indicator[:2] for _, indicator, _ in found] == ["新生", "困难"]


def test_the_sentence_announcing_the_list_s_size_in_quotes_is_no_task():
    drafts = _tasks("会议明确,今年将统筹财力,扎实办好“十二件民生实事”。\n新建城市公园3个。\n", year=2025)
    assert [d.rstrip("。") for d in drafts] == ["新建城市公园3个"]


def test_what_a_result_marks_is_a_review_and_no_task():
    assert _tasks("县长说,2025年主要目标的完成,标志着全县高质量发展迈出坚实步伐。", year=2026) == []


def test_a_red_line_held_with_its_figure_is_a_task():
    drafts = _tasks("今年,全县将严守耕地红线,粮食播种面积稳定在50万亩以上。", year=2025)
    assert len(drafts) == 1 and "粮食播种面积稳定在50万亩以上" in drafts[0]
    # the crop the figure measures leads, not the land the line guards
    assert suggest_lead("严守耕地红线,油菜播种面积稳定在20万亩以上").lead == "农业农村局"


def test_a_construction_commission_is_the_housing_department():
    assert unit_cell("区住房城乡建委") and unit_cell("县城乡建委")
    assert standard_name("区住房城乡建委") == "住房城乡建设局"
    assert not unit_cell("组建委员会")


# a progress table pasted one row a line, cells parted by spaces, grouped under a part title, a cell of figures
# before the cell of units, then the quarter's progress
GROUPED_TABLE = ("关于2025年某区重点民生实事一季度推进情况公示\n"
                 "序号 项目名称 2025年目标任务 投资计划(万元) 责任单位 进展情况(1-3月)\n"
                 "一、区级民生实事\n"
                 "1 改造老旧小区 新开工改造老旧小区20个,加装电梯30部。 8600 区住房城乡建委 "
                 "已新开工改造老旧小区12个,完成加装电梯9部。\n"
                 "2 建设口袋公园 建成口袋公园8个。 1200 区城市管理局 已完成选址。\n")


def test_a_spaced_row_under_a_group_title_states_its_target_then_its_progress():
    found = {(value, stance) for value, indicator, stance in _facts(GROUPED_TABLE, year=2025)}
    assert found == {(20, "target"), (30, "target"), (12, "actual"), (9, "actual"), (8, "target")}


def test_a_spaced_row_with_figures_before_its_units_gives_one_task_led_by_them():
    drafts = extract_tasks(GROUPED_TABLE, year=2025)
    assert [(t.sentence, t.lead_unit) for t in drafts] == [
        ("新开工改造老旧小区20个,加装电梯30部。", "住房城乡建设局"), ("建成口袋公园8个。", "城市管理局")]


# a press conference on the year's list, told in March: the funds planned, a slogan explained by its works
PRESS_LIST = ("记者3月5日从某县民生实事新闻发布会上获悉,经县人大代表票决产生了8件民生实事。\n"
              "县政府新闻发言人介绍,今年的8件民生实事预计投入资金1.6亿元,较2024年增长30%,可以简单地概括为“两个改善”“两个关爱”。\n"
              "“两个改善”,即改善农村道路条件,新建通组公路40公里;改善城区供水,新建供水管网12公里。\n"
              "“两个关爱”,即关爱困难老人,新增养老床位200张;关爱留守儿童,开设暑期托管班30个。\n")


def test_a_list_s_planned_funds_and_the_works_a_slogan_names_are_the_year_s_plan():
    found = _facts(PRESS_LIST, date=__import__("datetime").date(2025, 3, 5), year=2025)
    assert {stance for _, _, stance in found} == {"target"}
    assert sorted(value for value, _, _ in found) == [1.6, 12, 30, 30, 40, 200]


def test_a_year_after_比_or_较_is_the_base_of_a_change_not_a_frame():
    found = _facts("今年计划投入资金2亿元,较2024年增长20%。", year=2025)
    assert [(value, stance) for value, _, stance in found] == [(2, "target"), (20, "target")]


def test_a_list_summed_up_in_slogans_is_no_task():
    said = "县政府新闻发言人王明介绍,2025年的8件重点民生实事预计投入资金1.6亿元,可以概括为“两个改善”“两个关爱”。"
    assert _tasks(said, year=2025) == []
    assert any("新建通组公路40公里" in d for d in _tasks(PRESS_LIST, year=2025))


def test_pocket_parks_are_the_city_administration_s_and_holiday_care_the_youth_league_s():
    assert suggest_lead("建成口袋公园20个").lead == "城市管理局"
    assert suggest_lead("开展未成年人暑期公益托管,开设托管班30个").lead == "团市委"


def test_the_sentence_summing_a_part_up_between_its_title_and_its_first_label_is_no_task():
    part = ("今年要重点做好以下工作:\n二、加快发展现代服务业,推动产业提质增效\n"
            "{}\n"
            "发展现代物流。新建冷链物流中心2个,培育物流企业10家。\n")
    summed = _tasks(part.format("积极培育新业态新模式,提升服务供给质量,不断增强服务业发展后劲。"), year=2025)
    assert not any("新业态" in d for d in summed) and any("冷链物流中心2个" in d for d in summed)
    # a named action in it is a work of its own
    named = _tasks(part.format("深入开展服务业提质行动,不断增强服务业发展后劲。"), year=2025)
    assert any("服务业提质行动" in d for d in named)
