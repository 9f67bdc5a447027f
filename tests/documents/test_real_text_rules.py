"""General rules read from the real-text batches (tests/documents/corpus), each on short sentences written here."""

import datetime as dt

from zhenxing.documents.extraction import extract_facts, extract_tasks, suggest_lead


def facts(text: str, **when) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.kind, f.stance) for f in extract_facts(text, "t", **when)]


def test_a_report_s_proposed_list_promises_its_items():
    text = "今年的政府工作报告提出办好以下民生实事:\n1、新增城镇就业5万人。\n2、新建农村公路200公里,改造危桥10座。\n"
    assert [f[3] for f in facts(text)] == ["target"] * 3
    assert [f[0] for f in facts(text)][:2] == ["新增城镇就业", "新建农村公路"]


def test_a_count_of_the_listed_livelihood_projects_is_no_fact():
    assert facts("今年要办好10件重点民生实事,新建学校3所。\n") == [("新建学校", 3, "level", "target")]


def test_a_progress_report_states_each_task_before_its_progress():
    text = ("(二)报告中确定的其他任务完成情况\n"
            "1.新开工亿元以上产业项目100个;引进龙头企业投资项目不少于3个。上半年,新开工亿元以上产业项目80个;"
            "引进龙头企业投资项目2个。\n")
    assert [(f[1], f[3]) for f in facts(text)] == [(100, "target"), (3, "target"), (80, "actual"), (2, "actual")]


def test_a_progress_report_s_measured_results_are_no_tasks_restated():
    text = "一、主要经济指标完成情况\n1. 地区生产总值:完成156.8亿元,同比增长7.2%。\n2. 固定资产投资:完成98.3亿元。\n"
    assert {f[3] for f in facts(text)} == {"actual"}


def test_a_narrowed_rise_is_a_fall_of_the_rise():
    assert facts("居民消费价格同比持平,涨幅较上年同期收窄3.7个百分点。\n")[0][:3] == ("涨幅", 3.7, "decrease")


def test_a_total_before_a_count_is_a_sum_not_a_class():
    found = facts("总投资达71.73亿元的48个重点建设项目集中开工。\n")
    assert [(f[1], f[0]) for f in found] == [(71.73, "总投资"), (48, "重点建设项目集中开工")]


def test_two_counts_side_by_side_are_two_facts():
    assert [f[1] for f in facts("今年以来,全县已经集中开工两批次27个重点项目。\n")] == [2, 27]


def test_future_as_an_attribute_promises_nothing():
    text = "2023年,全县建成项目20个。其中,全面保障未来发展的基础设施项目16个;文旅项目8个。\n"
    assert {f[3] for f in facts(text, year=2024)} == {"actual"}


def test_a_planned_amount_frames_no_later_clause():
    text = "项目总投资71.73亿元,其中:计划投资10.91亿,占总投资15%;转型项目33个,占开工项目的68.8%。\n"
    assert [f[3] for f in facts(text)] == ["actual", "target", "target", "actual", "actual"]
    assert extract_tasks(text) == []


def test_an_estimate_after_a_plan_in_the_same_sentence_plans():
    text = "据了解,今年全县共计划实施项目146个,预计实现固定资产投资增长7%。\n"
    assert [f[3] for f in facts(text)] == ["target", "target"]


def test_a_reporters_lead_and_an_expected_effect_are_no_goals():
    text = "据了解,今年全县共计划实施项目146个,年度完成投资100亿元,将有力促进县域经济恢复性增长。\n"
    assert [t.sentence for t in extract_tasks(text, year=2021)] == [
        "今年全县共计划实施项目146个", "年度完成投资100亿元"]


def test_a_news_dateline_is_no_deadline():
    [task] = extract_tasks("本报1月26日讯 今年要加快建设县医院新院区。\n", year=2024)
    assert task.deadline == "2024-12-31"


def test_words_for_where_or_for_whom_weigh_less_than_what_is_done():
    assert suggest_lead("农村及城镇低保适龄妇女“两癌”免费检查10万人").lead == "卫生健康委"
    assert suggest_lead("提质改造农村公路500公里").lead == "交通运输局"
    assert suggest_lead("新增农村通自来水人口12万").lead == "水利局"
    assert suggest_lead("引进世界500强企业投资项目3个").lead == "商务局"


# --- rules read from batch R3 ------------------------------------------------------------------


def test_a_year_named_mid_sentence_is_judged_against_the_plan_year():
    text = "2020年,全市经济回升。局长在报告中提出了2021年指标安排,具体为:地区生产总值增长6.5%左右。\n"
    assert [f[3] for f in facts(text, year=2021)] == ["target"]
    assert [f[3] for f in facts("局长在报告中说,2020年地区生产总值增长3%。\n", year=2021)] == ["actual"]


def test_words_inside_a_document_s_title_promise_nothing():
    text = "2020年,全市经济回升。\n局长提交了《关于2020年计划执行情况与2021年计划草案的报告》。\n"
    assert extract_tasks(text) == []


def test_the_list_after_an_announcing_colon_is_tasks_and_category_labels_are_no_goals():
    text = ("2021年将重点做好两方面工作:坚持创新发展,增强产业竞争力;坚持绿色发展,增强城市凝聚力。\n"
            "质量结构型指标方面,工业开票销售净增150亿元;生态保护型指标方面,单位GDP能耗下降3.6%。\n")
    assert [t.sentence for t in extract_tasks(text, year=2021)] == [
        "坚持创新发展,增强产业竞争力;", "坚持绿色发展,增强城市凝聚力。", "工业开票销售净增150亿元",
        "单位GDP能耗下降3.6%"]


def test_a_goal_without_a_figure_is_a_goal():
    text = "主要预期目标是:地区生产总值增长6%左右;进出口总额保持正增长;居民收入增长和经济增长基本同步。\n"
    assert [t.sentence for t in extract_tasks(text, year=2024)] == [
        "地区生产总值增长6%左右", "进出口总额保持正增长", "居民收入增长和经济增长基本同步"]


def test_sentences_about_the_goals_themselves_are_no_tasks():
    text = ("主要预期目标是:地区生产总值增长10%以上。\n上述预期目标,是经过深入论证、全面权衡确定的。\n"
            "聚焦上述目标,各地拉高标杆,力争跑出加速度、交出新答卷。\n")
    assert [t.sentence for t in extract_tasks(text, year=2022)] == ["地区生产总值增长10%以上"]


# --- rules read from batch R4 ------------------------------------------------------------------



def test_a_period_of_the_plan_year_already_under_way_when_written_reports():
    text = "石泉县举行2021年第一季度重点项目集中开工活动。本次集中开工项目12个,总投资4.3亿元。\n"
    assert [f[3] for f in facts(text, date=dt.date(2021, 2, 19))] == ["actual", "actual"]
    text = "三原县2022年8月份重点项目集中开工,总投资20.93亿元。\n"
    assert [f[3] for f in facts(text, date=dt.date(2022, 9, 2))] == ["actual"]


def test_a_share_takes_the_stance_of_the_amount_it_is_a_share_of():
    text = "截止目前,共开工项目67个,年度投资110.32亿元,完成投资120.2亿元,占计划投资的69%。\n"
    assert [(f[1], f[3]) for f in facts(text)] == [(67, "actual"), (110.32, "target"), (120.2, "actual"),
                                                   (69, "actual")]


def test_a_named_project_s_investment_is_its_planned_size_a_batch_s_total_is_not():
    found = facts("涵盖工业项目1个,即投资7.6亿元的周郡记火锅食品生产加工基地项目。\n")
    assert [(f[1], f[3]) for f in found] == [(1, "actual"), (7.6, "target")]
    assert facts("总投资达71.73亿元的48个重点建设项目集中开工。\n")[0][3] == "actual"


def test_a_mark_passed_alone_is_the_measure_at_least():
    [fact] = extract_facts("粮食产量首次跃上1.4万亿斤新台阶\n", "t")
    assert (fact.value, fact.unit, fact.comparator) == (1.4, "万亿斤", ">=")
    assert extract_facts("地区生产总值突破百亿元大关,达到105亿元。\n", "t")[-1].value == 105


def test_bare_lines_with_figures_under_a_heading_are_items_and_labelled_lines_are_tasks():
    text = ("二、今年主要预期目标\n国内生产总值增长5%左右\n城镇新增就业1200万人以上\n三、今年部分重点工作\n"
            "财政: 赤字率拟按4%左右安排\n住房: 持续用力推动房地产市场止跌回稳。加力实施城中村和危旧房改造。\n")
    found = [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=2025)]
    assert found == [("国内生产总值增长5%左右", "发展改革委"), ("城镇新增就业1200万人以上", "人力资源社会保障局"),
                     ("赤字率拟按4%左右安排", "财政局"), ("持续用力推动房地产市场止跌回稳。", "住房城乡建设局"),
                     ("加力实施城中村和危旧房改造。", "住房城乡建设局")]


def test_a_page_line_after_a_title_does_not_join_the_title_to_the_story():
    from zhenxing.documents.extraction.layout import prepare

    text = ("三原县5个重点项目集中开工\n\n2022年09月02日 11:12:16 | 来源:咸阳视听网\n|\n\n"
            "《看咸阳》讯:8月31日,集中开工。\n")
    assert prepare(text).norm.startswith("三原县5个重点项目集中开工\n")


def test_a_meeting_s_stated_purpose_is_no_task():
    text = "县政府决定,今天召开2025年县政府第一次全体工作会议,主要目的是全面贯彻落实全市经济工作会议精神。\n"
    assert extract_tasks(text, year=2025) == []


# --- held-out batch R5 ---------------------------------------------------------------------------------------


def test_a_print_s_thin_spaces_between_thousands_are_one_number():
    found = facts("此次开工项目1 205 个,总投资3 481.6 亿元。\n", year=2023)
    assert [(f[1], f[0]) for f in found] == [(1205, "此次开工项目"), (3481.6, "总投资")]
    assert [f[1] for f in facts("GDP 452.6 6.5%\n")] != [4526.6]  # two figures side by side stay two


def test_a_periodical_s_issue_number_is_no_fact():
    assert facts("城市经济导报 2022年21期\n新建公园8个。\n", year=2022)[0][:2] == ("新建公园", 8)
    assert len(facts("城市经济导报 2022年21期\n新建公园8个。\n", year=2022)) == 1


def test_a_bulleted_item_broken_by_the_print_is_one_item():
    text = "2024年民生实事\n●新建社区食堂40个、乡村互助\n\n幸福院20个\n\n●完成适老化改造\n\n1500户以上\n"
    drafts = extract_tasks(text, year=2024)
    assert [d.sentence for d in drafts] == ["新建社区食堂40个、乡村互助\n\n幸福院20个", "完成适老化改造\n\n1500户以上"]
    assert [f[1] for f in facts(text, year=2024)] == [40, 20, 1500]


def test_a_numbered_line_with_two_figures_is_one_task_and_numbers_with_a_space_open_items():
    text = "2024年民生实事如下:\n\n  07 新建城市书房12个,新增阅读座位800个\n\n  08 推动体育场馆向公众免费开放\n"
    drafts = extract_tasks(text, year=2024)
    assert [d.sentence for d in drafts] == ["新建城市书房12个,新增阅读座位800个", "推动体育场馆向公众免费开放"]
    assert [d.lead_unit for d in drafts] == ["文化旅游局", "体育局"]


def test_a_responsibility_table_s_row_is_one_task_led_by_the_unit_it_names():
    text = ("序号 | 主要工作任务 | 责任单位 |\n"
            "1 | 规上工业增加值增长7%。 | 市经信局 |\n"
            "2 | 城镇新增就业3万人,调查失业率控制在5.5%以内。 | 市人力社保局 |\n"
            "3 | 推进职业院校扩容提质,建设产教融合实训基地。 | 市教育局、市人力社保局、 *市发展改革委 |\n")
    drafts = extract_tasks(text, year=2024)
    assert [(d.sentence, d.lead_unit) for d in drafts] == [
        ("规上工业增加值增长7%", "工业和信息化局"),
        ("城镇新增就业3万人,调查失业率控制在5.5%以内", "人力资源社会保障局"),
        ("推进职业院校扩容提质,建设产教融合实训基地", "发展改革委")]
    assert drafts[2].partner_units == ("教育局", "人力资源社会保障局")


def test_a_digest_s_bare_year_lines_and_look_back_lines_set_review_and_plan():
    text = ("回头看\n\n新增城镇就业9.1万人\n\n2023年\n\n新建高标准农田80万亩\n\n"
            "2024年\n\n怎么干\n\n新建高标准农田60万亩以上\n")
    found = facts(text, date=dt.date(2024, 1, 30))
    assert [(f[1], f[3]) for f in found] == [(9.1, "actual"), (80, "actual"), (60, "target")]


def test_livelihood_items_go_to_the_units_that_lead_them():
    cases = {
        "完成困难重度残疾人家庭无障碍改造800户": "残联",
        "为600名残疾儿童提供基本康复服务": "残联",
        "新开业老年人助餐点30个": "民政局",
        "建设青少年暑期托管室100个": "团市委",
        "组织5万人次职工参加医疗互助活动": "总工会",
        "居民基本医保财政补助标准提高到每人每年640元": "医疗保障局",
        "医疗救助标准提高至3万元": "医疗保障局",
        "开发城乡公益性岗位1万个": "人力资源社会保障局",
        "完成1200个村庄供水管网改造": "水利局",
        "新增急救站10个": "卫生健康委",
    }
    assert {s: suggest_lead(s).lead for s in cases} == cases


def test_putting_a_cause_in_a_prominent_place_is_no_task():
    text = "今年,全市将继续把保障和改善民生摆在突出位置,办好一批民生实事。\n●新建城市书房10个\n"
    assert [d.sentence for d in extract_tasks(text, year=2024)] == ["新建城市书房10个"]


# --- held-out batch R6 ---------------------------------------------------------------------------------------


def test_pastoral_counts_have_their_own_measure_words():
    found = facts("2021年牧业年度牲畜存栏86万头只,标准化畜群达到1500群,养殖规模稳定在1万匹、3000峰左右。\n", year=2022)
    assert [f[1] for f in found] == [86, 1500, 1, 3000]
    assert [f.unit for f in extract_facts("牲畜存栏86万头只,畜群1500群。\n", "t", year=2022)] == ["万头只", "群"]


def test_a_past_year_s_estimate_is_its_preliminary_figure_even_after_a_plan():
    text = "今年全省经济增长预期目标6%以上。2022年,本县经济增长预计增长9%左右,固定资产投资增长15%。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2023)] == [(6, "target"), (9, "actual"), (15, "actual")]


def test_reaching_the_expected_goal_is_a_deed_not_a_promise():
    text = "2022 年,我们攻坚克难,经济社会发展实现预期目标。粮食总产量30.5 万吨。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2023)] == [(30.5, "actual")]
    assert extract_tasks(text, year=2023) == []


def test_a_list_of_classes_before_their_counts_names_no_amounts():
    found = facts("力争千亿元园区、300亿元园区、50亿元园区分别达到2个、5个和30个。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(2, "level"), (5, "level"), (30, "level")]


def test_a_count_of_the_indicators_just_named_is_no_fact_but_a_plan_s_count_of_indicators_is():
    text = "一般公共预算收入增长9%,外贸出口值增长21%,两项指标增速均列全市第一。\n"
    assert [f[1] for f in facts(text, year=2023)] == [9, 21]


def test_a_report_quoted_as_the_source_of_a_list_of_goals_is_no_goal():
    text = "根据政府工作报告,今年全区经济增长预期目标6%以上,一般公共预算收入增长4%。\n"
    drafts = extract_tasks(text, year=2024)
    assert [(d.sentence, d.lead_unit) for d in drafts] == [
        ("今年全区经济增长预期目标6%以上", "发展改革委"), ("一般公共预算收入增长4%", "财政局")]


def test_short_bare_lines_between_lines_with_figures_are_items_of_the_list():
    text = ("2024年将办好这些实事:\n\n新增托位8000个,新建幼儿园6所\n\n建成城东高中\n\n开工建设市图书馆新馆\n\n"
            "打通断头路12条\n\n新增停车位3万个\n")
    drafts = extract_tasks(text, year=2024)
    assert [(d.sentence, d.lead_unit) for d in drafts] == [
        ("新增托位8000个,新建幼儿园6所", "卫生健康委"), ("建成城东高中", "教育局"),
        ("开工建设市图书馆新馆", "文化旅游局"), ("打通断头路12条", "交通运输局"), ("新增停车位3万个", "交通运输局")]
    assert {f[3] for f in facts(text, year=2024)} == {"target"}


def test_both_incomes_in_one_goal_go_to_the_unit_of_incomes_and_care_beds_to_civil_affairs():
    assert suggest_lead("城镇居民、农村居民人均可支配收入分别增长6%、7%").lead == "人力资源社会保障局"
    assert suggest_lead("新改建养老机构护理型床位500张以上").lead == "民政局"
    assert suggest_lead("全年新增床位2000张").lead == "卫生健康委"


# --- held-out batch R7 ---------------------------------------------------------------------------------------


def test_a_headline_followed_by_the_page_s_source_line_is_no_task_and_sets_no_section():
    text = ("2024年某市计划改造老旧小区120个\n2024-01-20 09:00:00来源:某市日报    作者:张三\n\n"
            "2024年,某市计划开工改造城镇老旧小区120个,覆盖3万户居民。\n\n"
            "2019年以来,共改造城镇老旧小区560个。加装电梯300部,新增停车位5000个。\n")
    drafts = extract_tasks(text, date=dt.date(2024, 1, 20))
    assert [d.sentence for d in drafts] == ["2024年,某市计划开工改造城镇老旧小区120个,覆盖3万户居民。"]
    found = facts(text, date=dt.date(2024, 1, 20))
    assert [(f[1], f[3]) for f in found][-3:] == [(560, "actual"), (300, "actual"), (5000, "actual")]


def test_a_page_header_and_a_publication_line_are_furniture():
    text = ("A3:要闻总第4021期 >2022-05-06编印\n\n某县将新建公园3个\n刊发日期:2022-05-06 阅读次数:\n\n"
            "今年某县将新建公园3个。\n")
    assert [f[1] for f in facts(text, year=2022)] == [3, 3]
    assert [d.sentence for d in extract_tasks(text, year=2022)] == ["今年某县将新建公园3个"]


def test_a_reporter_s_source_is_no_deed():
    text = "某区将改造老旧小区10个\n\n3月9日,记者从某区住房和城乡建设局了解到,今年某区实施10个老旧小区改造项目。\n"
    assert [f[3] for f in facts(text, year=2021)] == ["target", "target"]


def test_what_a_spokesman_says_is_a_statement_and_an_effect_without_object_is_no_deed():
    text = ("今年,全区将加快推进老旧小区改造。\n“通过改造,城市功能将进一步完善,城市面貌将有效提升。”"
            "区住房和城乡建设局负责人介绍说,开展老旧小区改造是补齐民生短板的重要抓手。\n")
    assert [d.sentence for d in extract_tasks(text, year=2024)] == ["今年,全区将加快推进老旧小区改造。"]


def test_a_report_s_opening_formula_is_no_task_and_a_batch_of_some_is_no_count():
    text = ("现将全县2022年计划执行情况及2023年计划(草案)报告如下,请予审议。\n"
            "2023年,打造一批特色示范村,新建村级服务站12个。\n")
    assert [d.sentence for d in extract_tasks(text, year=2023)] == ["2023年,打造一批特色示范村,新建村级服务站12个。"]
    assert [f[1] for f in facts(text, year=2023)] == [12]
    assert facts("接收隔离人员11批4912人。\n", year=2022)[0][1:3] == (11, "level")


# --- held-out batch R8 ---------------------------------------------------------------------------------------


def test_a_report_s_plan_part_printed_alone_promises_by_its_mood():
    text = ("某某日报\n\n政府工作报告\n\n上接03版\n\n深入实施20项改革试点任务,办好第三届发展论坛。"
            "加快城东片区12个重点项目建设,完成投资800亿元以上。\n")
    found = facts(text, year=2025)
    assert [(f[1], f[3]) for f in found] == [(20, "target"), (12, "target"), (800, "target")]
    assert [d.sentence for d in extract_tasks(text, year=2025)][0].startswith("深入实施20项改革试点任务")


def test_a_page_s_running_title_above_a_continued_from_line_stays_apart():
    from zhenxing.documents.extraction.layout import prepare
    assert prepare("政府工作报告\n\n上接04版\n\n推动城市更新。\n").norm.startswith("政府工作报告\n")


def test_the_base_of_a_share_is_a_figure_and_a_budget_is_a_plan():
    text = "一、预算执行情况\n区级一般公共预算收入预计完成20.1亿元,完成区人大常委会批准调整预算19.5亿元的103.1%。\n"
    found = facts(text, year=2024)
    assert [(f[1], f[3]) for f in found] == [(20.1, "actual"), (19.5, "target"), (103.1, "actual")]


def test_a_policy_package_s_count_is_its_name():
    assert [f[1] for f in facts("果断出台稳增长18条等一揽子措施,全市地区生产总值增长5.1%。\n", year=2025)] == [5.1]


def test_a_long_quotation_of_figures_is_record_and_two_quotations_are_two_clauses():
    text = "(记者王五)“城镇新增就业12.5万人”“建成80个社区老年食堂、30个养老服务中心”……\n"
    found = facts(text, year=2024)
    assert [(f[0], f[1]) for f in found] == [("城镇新增就业", 12.5), ("建成社区老年食堂", 80), ("养老服务中心", 30)]


def test_a_quoted_name_opening_a_line_is_no_new_voice():
    text = "2023年\n\n新增城镇就业8万人\n\n“零工驿站”促进120万人次灵活就业\n"
    assert [f[3] for f in facts(text, date=dt.date(2024, 1, 30))] == ["actual", "actual"]


def test_more_livelihood_and_city_words_find_their_units():
    cases = {"打造20个“标准化菜市场”": "商务局", "建成14个高品质生活服务圈": "商务局",
             "启动中心城区交通堵点乱点分类治理60处": "公安局", "整体提升100所学校、50家医院周边环境": "城市管理局",
             "持续做好长期护理保险国家试点": "医疗保障局",
             "扩大住房公积金覆盖面,新增缴存职工72万人": "住房公积金管理中心",
             "刚性落实“三区三线”管控要求": "自然资源局", "常态长效抓好人力资源市场整治": "人力资源社会保障局"}
    assert {s: suggest_lead(s).lead for s in cases} == cases


# --- held-out batch R9 ---------------------------------------------------------------------------------------


def test_items_separated_by_semicolons_are_tasks_each_and_a_short_first_one_is_no_topic():
    text = "2025年为民办实事项目\n一、新建20家社区食堂;新增3000张养老床位;开设100个爱心暑托班。\n"
    drafts = extract_tasks(text, year=2025)
    assert [d.sentence.rstrip(";。") for d in drafts] == [
        "新建20家社区食堂", "新增3000张养老床位", "开设100个爱心暑托班"]
    assert [d.lead_unit for d in drafts] == ["民政局", "民政局", "团市委"]


def test_a_list_announced_by_includes_is_split_into_its_items():
    text = "2023年新增5项包括:建设10家智慧养老院,新建8家示范性智慧菜场,新建12个社区市民健身中心。\n"
    drafts = extract_tasks(text, year=2023)
    assert [d.lead_unit for d in drafts] == ["民政局", "商务局", "体育局"]
    assert [f[1] for f in facts(text, year=2023)] == [10, 8, 12]  # 5项包括: the list's own count is no fact


def test_a_completion_notice_restates_each_target_then_reports_it_and_drafts_no_task():
    text = ("2023年某区共安排10个为民办实事项目,已全部完成,具体情况如下:\n\n(一)新增养老床位200张\n\n"
            "新增260张养老床位,超额完成年度任务。\n\n1.png\n\n(二)完成100户适老化改造\n\n完成130户适老化改造。\n")
    found = facts(text, date=dt.date(2024, 1, 19))
    assert [(f[1], f[3]) for f in found] == [(200, "target"), (260, "actual"), (100, "target"), (130, "actual")]
    assert extract_tasks(text, date=dt.date(2024, 1, 19)) == []


def test_a_year_inside_an_aside_tells_no_stance_and_suggested_goals_are_announced():
    text = ("2023年经济社会发展的主要预期目标建议为:地区生产总值增长7%以上;一般公共预算支出(扣除2022年专项支出外)"
            "增长3%以上;社会消费品零售总额增长5%以上。\n")
    assert {f[3] for f in facts(text, year=2023)} == {"target"}
    assert [d.lead_unit for d in extract_tasks(text, year=2023)] == ["发展改革委", "财政局", "商务局"]


def test_announcing_the_parts_of_the_plan_makes_the_parts_the_plan():
    text = ("围绕上述目标,我们将着重抓好以下六个方面的工作。\n(一)大抓经济发展,夯实发展基础。\n"
            "大抓项目建设。新开工项目50个,完成投资80亿元。\n")
    assert {f[3] for f in facts(text, year=2023)} == {"target"}


# --- held-out batch R10 --------------------------------------------------------------------------------------


def test_a_half_year_execution_report_is_dated_after_the_half_year():
    from zhenxing.documents.extraction.dates import document_date
    text = "一、上半年计划执行情况\n今年以来,经济运行总体平稳。梳理2024年储备项目150项,新引进企业税收5000万元。\n"
    assert document_date(text, year=2024).date == dt.date(2024, 7, 15)
    assert {f[3] for f in facts(text, year=2024)} == {"actual"}


def test_policy_packages_listed_by_their_counts_are_names():
    text = "打出稳增长20条、促消费15条、民营经济30条等政策“组合拳”,新增国债300亿元以上。\n"
    assert [f[1] for f in facts(text, year=2024)] == [300]
    assert [f[1] for f in facts("优化城际公交线路4条、主城区公交线路5条。\n", year=2024)] == [4, 5]


def test_a_total_named_as_such_takes_the_indicator_named_before_it():
    found = facts("2023年全年地区生产总值迈上新台阶,总量突破3万亿,同比增长4.2%。\n", year=2024)
    assert [(f[0], f[1]) for f in found] == [("地区生产总值总量", 3), ("地区生产总值总量", 4.2)]


def test_a_page_time_stamp_and_a_repeated_headline_are_no_story():
    text = ("2024年某省GDP目标增长5%左右\n\n新闻资讯2024-01-24 14:26:44某某网\n\n2024年某省GDP目标增长5%左右\n\n"
            "某某报道 省长在作政府工作报告时提出,2024年地区生产总值增长5%左右。\n")
    assert [d.sentence.rstrip("。") for d in extract_tasks(text, year=2024)] == ["2024年地区生产总值增长5%左右"]


def test_goals_after_further_or_among_them_are_split():
    text = ("政府工作报告提出了2024年新的预期目标,其中包括地区生产总值增长6%左右。"
            "此外,地方一般公共预算收入增长6%,进出口总额增长5%等。\n")
    assert [d.lead_unit for d in extract_tasks(text, year=2024)] == ["发展改革委", "财政局", "商务局"]


# --- held-out batch R11 --------------------------------------------------------------------------------------


def test_progress_to_a_month_reports_and_dates_the_notice_after_june():
    text = ("2023年县级重点项目共200项,总投资900亿元,年度计划投资150亿元,1-6月累计完成投资80亿元,占年计划投资的53.3%;"
            "计划新开工项目60项,年度计划投资50亿元,1-6月累计完成投资20亿元。\n")
    found = facts(text, year=2023)
    assert [(f[1], f[3]) for f in found] == [(200, "actual"), (900, "actual"), (150, "target"), (80, "actual"),
                                               (53.3, "actual"), (60, "target"), (50, "target"), (20, "actual")]


def test_a_period_and_an_open_bracket_open_no_indicator():
    text = "2021年,重点工程项目共30项,其中:建设项目27项(省级6项、市级5项)。1-12月份完成投资77.57亿元。\n"
    found = facts(text, year=2022)
    assert [f[0] for f in found][-3:] == ["省级", "市级", "完成投资"]


# --- held-out batch R12 --------------------------------------------------------------------------------------


def test_a_table_under_a_responsibility_header_names_any_body_and_its_marked_lead():
    text = ("序号 | 主要工作任务 | 责任单位 |\n"
            "1 | 人才资源总量超过80万人。 | *市委组织部(市委人才办)、 市人力社保局 |\n"
            "2 | 创建全国文明城市。 | 市委宣传部(市文明办) |\n"
            "3 | 落实示范区规划任务。 | *某某县政府、市长三角发展办 |\n")
    drafts = extract_tasks(text, year=2022)
    assert [d.lead_unit for d in drafts] == ["市委组织部", "市委宣传部", "某某县政府"]
    assert drafts[0].partner_units == ("人力资源社会保障局",) and drafts[2].partner_units == ("长三角发展办",)


def test_an_income_range_names_a_class_of_households():
    assert [f[1] for f in facts("家庭年可支配收入10-50万元群体比例达到80%以上。\n", year=2022)] == [80]


# R13–R14: traditional characters, web copies' pinyin, progress notices, pipelines, grades


def test_a_traditional_character_text_reads_as_simplified_and_quotes_stay_as_printed():
    text = "今年全縣計劃新開工項目25個,總投資達到120億元,糧食產量穩定在8萬噸以上。\n"
    found = extract_facts(text, "t", year=2024)
    assert [(f.indicator, f.value, f.unit, f.stance) for f in found] == [
        ("计划新开工项目", 25, "个", "target"), ("总投资", 120, "亿元", "target"), ("粮食产量", 8, "万吨", "target")]
    assert [f.quote in text for f in found] == [True] * 3 and "億元" in found[1].quote


def test_a_simplified_text_is_not_changed_by_the_traditional_table():
    from zhenxing.documents.extraction.text import normalise
    simplified = "乾隆年间的著名学者覆核了于是后来的干部"  # 乾, 著, 覆 are also simplified: left alone
    assert normalise(simplified) == simplified


def test_pinyin_a_converter_leaves_after_each_character_is_read_through():
    text = "上半年,全區(qū)完成固定資(zī)產(chǎn)投資(zī)35.6億元,新增企業(yè)12家。\n"
    found = extract_facts(text, "t", year=2023)
    assert [(f.indicator, f.value, f.unit) for f in found] == [
        ("完成固定资产投资", 35.6, "亿元"), ("新增企业", 12, "家")]
    assert found[0].quote.startswith("全區(qū)完成固定") and found[0].quote in text


def test_a_bracketed_abbreviation_is_no_pinyin():
    found = extract_facts("新建充电桩(kw)120个,培育专精特新(zj)企业8家。\n", "t", year=2023)
    assert [f.value for f in found] == [120, 8] and "(kw)" in found[0].quote


def test_a_web_copy_s_doubled_clause_marks_split_nothing():
    found = extract_facts("上半年,,全市完成投资80亿元,,同比增长9%,;新开工项目40个,。\n", "t", year=2023)
    assert [(f.indicator, f.value, f.stance) for f in found] == [
        ("完成投资", 80, "actual"), ("完成投资", 9, "actual"), ("新开工项目", 40, "actual")]


def test_a_progress_notice_is_dated_after_the_months_it_reports():
    from zhenxing.documents.extraction.dates import document_date
    dated = document_date("全市重点项目1-4月累计完成投资52亿元。\n", year=2022)
    assert (dated.date, dated.source) == (dt.date(2022, 5, 1), "progress")
    assert document_date("截至9月底,全县项目完成投资8亿元。\n", year=2022).date == dt.date(2022, 10, 1)
    assert document_date("1-4月将新开工项目10个。\n", year=2022).source == "year"  # no progress told


def test_the_plan_s_size_in_a_progress_notice_is_its_state():
    text = "2022年安排全县重点项目60项,年度投资计划40亿元。1-5月项目累计完成投资21亿元。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2022)] == [(60, "actual"), (40, "target"), (21, "actual")]


def test_a_topic_heading_of_a_progress_notice_reports():
    text = ("关于2023年重点工作1-9月进展情况的通报\n一、主要指标\n1-9月,全区生产总值增长5.1%。\n"
            "二、重点项目方面\n全区列入市级重点项目共40项,完成投资30亿元。\n三、下一步工作安排\n全年力争完成投资45亿元。\n")
    assert [(f[1], f[3]) for f in facts(text, year=2023)] == [
        (5.1, "actual"), (40, "actual"), (30, "actual"), (45, "target")]


def test_what_was_actually_done_against_a_plan_reports():
    found = facts("上半年计划开工20项,实际开工18项,有3个项目提前开工。\n", year=2023)
    assert [(f[1], f[3]) for f in found] == [(20, "target"), (18, "actual"), (3, "actual")]
    # 实际利用外资 names an indicator, it tells no deed
    assert facts("今年力争实际利用外资超过20亿美元。\n", year=2025)[0][::3] == ("实际利用外资", "target")


def test_a_period_inside_the_words_before_a_number_ends_the_subject():
    found = facts("全县重点项目1-8月项目累计完成投资44亿元,同比增长12%。\n", year=2021)
    assert found[0][0] == "项目完成投资" and found[1][:2] == ("项目完成投资", 12)


def test_the_amount_of_projects_in_a_pipeline_is_planned():
    found = facts("去年以来,全市谋划了超过500亿元的新能源项目,储备了总投资80亿元的文旅项目。\n", year=2024)
    assert [(f[1], f[3]) for f in found] == [(500, "target"), (80, "target")]
    assert facts("去年全市储备项目120个。\n", year=2024)[0][3] == "actual"  # the count is the pipeline's state


def test_kilowatt_hours_as_du_and_a_voltage_in_a_project_s_name():
    found = extract_facts("去年全县光伏发电量达到3.2亿度,建成220千伏输变电工程。\n", "t", year=2024)
    assert [(f.value, f.unit) for f in found] == [(3.2, "亿度"), (220, "千伏")]


def test_a_voltage_grade_names_a_class_not_an_amount():
    found = extract_facts("完成10千伏及以下农村配电网改造80公里。\n", "t", year=2024)
    assert [(f.value, f.unit) for f in found] == [(80, "公里")]


def test_a_planned_total_s_cue_reaches_its_own_amount_only():
    found = facts("全县重点项目计划总投资50亿元,累计完成投资20亿元。\n", year=2023, date=dt.date(2023, 8, 1))
    assert [(f[1], f[3]) for f in found] == [(50, "target"), (20, "actual")]


def test_a_progress_notice_s_title_running_into_its_text_still_frames_it():
    text = ("关于2023年重点工作1-9月推进情况的通报2023年3月,区政府印发分解表。\n"
            "一、重点项目方面\n全区列入市级重点项目共40项。\n")
    assert [(f[1], f[3]) for f in facts(text, year=2023)] == [(40, "actual")]


def test_a_capacity_in_chinese_numerals_is_read_with_its_unit():
    found = extract_facts("新增风电装机四十万千瓦,推进百万吨乙烯项目,建成十万亩高标准农田。\n", "t", year=2024)
    assert [(f.value, f.unit) for f in found] == [(40, "万千瓦"), (100, "万吨"), (10, "万亩")]


def test_a_bare_scale_without_a_measure_stays_a_word():
    assert extract_facts("千家万户受益,亿万人民万众一心,十万火急。\n", "t", year=2024) == []


# R15 (a development zone's report, a 十四五 mid-term review, a 2018 evening-paper report)

def test_what_a_plan_set_named_as_an_attribute_promises_nothing():
    text = "规划提出的各项任务进展顺利。全市新建学校12所,新增就业1.2万人。\n"
    assert [f[3] for f in facts(text)] == ["actual", "actual"]
    assert [f[3] for f in facts("规划提出,全市新建学校12所。\n")] == ["target"]


def test_the_field_of_a_ranking_is_no_count():
    found = facts("在全省126家开发区综合考评中位列第3位,全年实现营业收入174亿元。\n", year=2023)
    assert [f[1] for f in found] == [174]
    assert [f[1] for f in facts("全年新增开发区企业126家,营业收入居全省第3位。\n", year=2023)] == [126]


def test_a_count_followed_by_the_names_it_counts_restates_them():
    text = "过去一年,3项指标快于预期,分别是城镇化率、森林覆盖率和人均预期寿命。\n"
    assert facts(text, year=2023) == []
    # fewer names than the count: the count is the measure
    assert [f[1] for f in facts("过去一年,新建学校5所,分别是一中和二中。\n", year=2023)] == [5]


def test_a_bracket_inside_a_listed_item_keeps_the_list_whole():
    assert facts("已有城镇化率、执业(助理)医师数、森林覆盖率等3项指标提前实现。\n", year=2023) == []


def test_a_title_naming_the_year_reviewed_and_the_year_planned_frames_neither():
    text = ("经开区2022年经济社会发展总体情况和2023年工作打算汇报\n今年以来,经济保持良好势头。\n"
            "一是经济运行稳中向好。预计全年实现地区生产总值685亿元,增长8.5%左右。\n")
    assert [f[3] for f in facts(text, year=2023)] == ["actual", "actual"]
    plan = "经开区2023年工作打算\n一是经济运行稳中向好。实现地区生产总值700亿元。\n"
    assert [f[3] for f in facts(plan, year=2023)] == ["target"]


def test_a_report_s_review_announced_by_reviewing_reports():
    text = ("今年GDP预期增长7.5%左右\n报告首先回顾了2017年工作。市长介绍,预计全年地区生产总值2.15万亿元,"
            "比上年增长7%以上。\n")
    assert [(f[1], f[3]) for f in facts(text)] == [(7.5, "target"), (2.15, "actual"), (7, "actual")]


# R16 (sub-district summaries, a 2018 district news report, a wiki copy, a Hong Kong site's report)

def test_a_minus_sign_before_a_change_is_a_fall_said_of_each_subject():
    text = "全年实现地区生产总值60.3亿元,一般公共预算收入2亿元,同比分别-6.2%、-19.3%。\n"
    assert facts(text, year=2024)[2:] == [("地区生产总值", 6.2, "decrease", "actual"),
                                          ("一般公共预算收入", 19.3, "decrease", "actual")]
    # the dash of a range is no sign
    assert [(f[1], f[2]) for f in facts("今年地区生产总值增长5%-6%。\n", year=2024)] == [(5, "increase")]


def test_a_bare_flow_after_an_amount_takes_its_indicator():
    found = facts("两税收入386.6亿元,净增50亿元。\n", year=2018)
    assert [(f[0], f[1]) for f in found] == [("两税收入", 386.6), ("两税收入净增", 50)]


def test_sets_and_pieces_as_one_measure_word():
    found = extract_facts("笔电年产量达到2000万台件。\n", "t", year=2017)
    assert [(f.value, f.unit, f.indicator) for f in found] == [(2000, "万台件", "笔电年产量")]


def test_a_count_of_works_announcing_their_list_is_no_fact():
    text = "今年要重点做好八项工作:一是着力构建现代产业体系;二是新建学校3所。\n"
    assert [f[1] for f in facts(text, year=2019)] == [3]


# R17 (a high-tech zone's plan, a township congress's news, bullet digests)

def test_a_meeting_s_attendance_is_no_fact():
    assert [f[1] for f in facts("全乡48名代表和27名列席人员参加会议。全乡新建村道5公里。\n", year=2023)] == [5]


def test_amounts_naming_classes_listed_before_their_counts_are_no_facts():
    text = "全年主要预期目标是:新增20亿元企业、10亿元企业、亿元企业分别不少于1家、1家和7家。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2024)] == [(1, "target"), (1, "target"), (7, "target")]


def test_focus_areas_named_by_their_count_are_a_slogan():
    text = "更加突出“一集镇”“一带两区”“一村一品”三个发展重点,新建学校3所。\n"
    assert [f[1] for f in facts(text, year=2023)] == [3]


def test_double_digit_growth_counts_nothing():
    assert facts("工业投资连续36个月保持两位数增长。\n", year=2024) == []


def test_a_heading_stating_an_outcome_reached_heads_a_review_whatever_its_year():
    text = ("某街道2025年工作报告\n一、坚持项目为王,经济发展稳中有进\n全力推进重点项目建设,完成固定资产投资12亿元。\n"
            "(二)民生福祉持续增进。扎实推进老旧小区改造,完成改造小区8个。\n"
            "三、2025年工作思路\n加快推进城市更新,完成老旧小区改造5个。\n")
    assert [f[3] for f in facts(text, year=2025)] == ["actual", "actual", "target"]
    assert [t.sentence for t in extract_tasks(text, year=2025)] == ["加快推进城市更新,完成老旧小区改造5个。"]
    # a heading that opens on a verb of action plans the outcome it names
    plan = "二、推动民生福祉持续增进\n扎实推进老旧小区改造,完成改造小区8个。\n"
    assert [f[3] for f in facts(plan, year=2025)] == ["target"]


def test_announcing_the_works_below_opens_the_plan_part():
    text = ("过去一年,全镇各项事业取得新进展。\n2024年,全镇将重点抓好以下工作:\n"
            "(一)加快产业发展。新建标准厂房2万平方米。\n")
    assert [t.sentence for t in extract_tasks(text, year=2024)] == ["新建标准厂房2万平方米"]


# R19 (a district's voted livelihood list, a provincial plan report, a city digest)
def test_a_heading_naming_a_list_of_livelihood_projects_plans_the_bare_lines_below_it():
    text = ("会上票决产生了今年的民生实事。\n十大民生实事项目\n千名老人乐享助餐服务\n3万名学生免费视力筛查\n"
            "10个社区公园建设\n50公里绿道建设提升\n")
    found = facts(text, year=2024)
    assert [(f[1], f[3]) for f in found] == [(1000, "target"), (3, "target"), (10, "target"), (50, "target")]


def test_a_count_in_words_makes_a_bare_line_an_item_not_a_heading():
    from zhenxing.documents.extraction.sentences import lines
    text = "十大民生实事项目\n万名长者乐享智慧养老\n20万学生体检\n"
    assert [line.heading for line in lines(text)] == [True, False, False]


def test_counts_of_candidates_and_of_the_list_chosen_from_them_are_no_facts():
    text = "今年筛选出12项候选项目,从12个候选项目中票选出10个项目。新建学校3所。\n"
    assert [(f[0], f[1]) for f in facts(text, year=2024)] == [("新建学校", 3)]


def test_a_daily_capacity_keeps_its_per_day_unit():
    found = extract_facts("今年新增污水处理能力8.84万立方米/日,新增垃圾处理能力500吨/日。\n", "t", year=2024)
    assert [(f.value, f.unit) for f in found] == [(8.84, "万立方米/日"), (500, "吨/日")]


def test_the_places_a_share_is_measured_over_are_no_count():
    found = facts("力争72个县工业增加值占全省比重达到68%以上,11个市的完成率均超过50%。\n", year=2024)
    assert [f[1] for f in found] == [68, 50]
    assert [f[1] for f in facts("今年建设5个县城污水处理厂,处理率达到95%。\n", year=2024)] == [5, 95]


def test_a_list_line_opening_on_a_count_in_words_is_a_fact_and_a_task():
    text = ("会上票决产生了今年的民生实事。\n十大民生实事项目\n万名居家长者乐享智慧养老\n千名老人享受助餐\n"
            "20万学生体检\n")
    found = extract_facts(text, "t", year=2024)
    assert [(f.value, f.unit, f.stance) for f in found] == [(1, "万名", "target"), (1000, "名", "target"),
                                                             (20, "万", "target")]
    quotes = [t.to_record()["quote"] for t in extract_tasks(text, year=2024, doc="t")]
    assert quotes == ["万名居家长者乐享智慧养老", "千名老人享受助餐", "20万学生体检"]
    # a word built of them is no count, nor is a count in words inside a sentence without a qualifier
    assert facts("千家万户受益于新政策。\n今年惠及万名群众。\n", year=2024) == []


def test_the_targets_a_deed_met_named_as_its_object_promise_nothing():
    text = "一年来,我们全力推进十大攻坚行动,较好完成了经济社会发展各项预期目标。\n今年,我们将加快推进城市更新。\n"
    assert [t.sentence for t in extract_tasks(text, year=2024)] == ["今年,我们将加快推进城市更新。"]


def test_a_requirement_quoted_from_above_is_no_plan_of_the_text():
    text = ("全县按照“疫情要防住、经济要稳住”的重要要求,顶住了压力。\n"
            "这一年,新建学校3所,地区生产总值完成120亿元。\n")
    assert [f[3] for f in facts(text, year=2023)] == ["actual", "actual"]


def test_a_mark_passed_by_a_measure_of_its_own_is_a_fact():
    text = "地区生产总值达到56.4亿元,首次突破50亿元大关;工业增加值增长4.5%,总产值突破100亿元大关。\n"
    assert [(f[0], f[1]) for f in facts(text, year=2023)] == [
        ("地区生产总值", 56.4), ("工业增加值", 4.5), ("总产值", 100)]


def test_the_field_of_a_ranking_is_no_count_even_with_an_adverb():
    assert [f[1] for f in facts("总量在全省91个县中继续排名第一,新建学校3所。\n", year=2023)] == [3]


def test_a_capacity_written_in_latin_letters_is_one():
    found = extract_facts("某某100MW光伏电站并网发电,5G基站建成20个。\n", "t", year=2023)
    assert [(f.value, f.unit) for f in found] == [(100, "MW"), (20, "个")]


def test_one_value_all_subjects_reached_is_said_of_each():
    found = facts("义务教育入学率、住房安全率和饮水安全率均达100%。\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("义务教育入学率", 100), ("住房安全率", 100), ("饮水安全率", 100)]


def test_a_growth_on_the_same_basis_measures_the_figure_before_it():
    found = facts("一般公共预算收入达到6.6亿元,同口径年均增长10.8%。\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("一般公共预算收入", 6.6), ("一般公共预算收入", 10.8)]


def test_two_counts_side_by_side_name_the_thing_after_them():
    found = facts("强化300户900名监测对象动态监测。\n", year=2023)
    assert {f[0] for f in found} == {"监测对象动态监测"} and [f[1] for f in found] == [300, 900]


# R21 (plan parts of the north-west, a project start, supervision notices)

def test_a_comparison_with_last_year_in_a_goals_list_reports_nothing():
    text = "今年全区的主要预期目标是:地区生产总值增长6%左右,固定资产投资与上年度持平,居民收入增长与经济增长基本同步。\n"
    assert facts(text, year=2024) == [("地区生产总值", 6, "increase", "target")]
    quotes = [t.to_record()["quote"] for t in extract_tasks(text, year=2024, doc="t")]
    assert quotes == ["地区生产总值增长6%左右", "固定资产投资与上年度持平", "居民收入增长与经济增长基本同步"]
    # the last year named as a time still reports
    assert facts("上年度全区新建学校3所。\n", year=2024)[0][3] == "actual"


def test_a_quarter_not_yet_over_after_a_plan_sentence_schedules_a_deed():
    text = "今年,我区将加大投资力度,确保投资达到120亿元。一季度开工重点项目57个,确保首战即决战。\n新建体验中心2个。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2025)] == [(120, "target"), (57, "target"), (2, "target")]
    # written after that quarter, the same words report it
    late = "今年,我区将加大投资力度。一季度开工重点项目57个。\n"
    assert [(f[1], f[3]) for f in facts(late, date=dt.date(2025, 5, 10))] == [(57, "actual")]


def test_a_push_for_a_project_is_a_plan_cue():
    assert facts("力促产业园一期竣工投运,招引品牌首店50家以上。\n", year=2025)[0][3] == "target"


def test_sessions_of_an_event_are_a_unit():
    found = extract_facts("今年举办促消费活动100场次以上。\n", "t", year=2025)
    assert [(f.indicator, f.value, f.unit, f.comparator) for f in found] == [("举办促消费活动", 100, "场次", ">=")]


def test_targets_a_progress_notice_lists_as_behind_schedule_are_the_plan_restated():
    text = ("某市政府工作报告目标任务1-11月完成情况\n二、量化指标任务进展情况\n"
            "达到序时进度44项。未达到序时进度3项,为完成交通投资80亿元、新建安置区5个、新增商贸企业100户。\n")
    found = facts(text, year=2020)
    assert [(f[1], f[3]) for f in found] == [(44, "actual"), (3, "actual"), (80, "target"), (5, "target"),
                                             (100, "target")]
    quotes = [t.to_record()["quote"] for t in extract_tasks(text, year=2020, doc="t")]
    assert quotes == ["完成交通投资80亿元", "新建安置区5个", "新增商贸企业100户"]


def test_an_ordinal_reaches_every_number_of_its_list():
    text = "由县民政局负责的第1件、县卫健局负责的第17、18件事项进展滞后。今年新建学校3所。\n"
    assert [f[1] for f in facts(text, year=2022)] == [3]


def test_the_parts_of_a_report_are_no_count():
    text = "报告分三个部分:工作回顾、目标任务、重点工作。今年将新建学校3所。\n"
    assert [f[1] for f in facts(text, year=2026)] == [3]
    assert [t.sentence for t in extract_tasks(text, year=2026)] == ["今年将新建学校3所"]


def test_a_notice_s_closing_words_and_its_supervisor_s_follow_up_are_no_tasks():
    text = ("各地、各部门紧盯年度目标任务,找差距补短板,确保完成全年目标任务。\n"
            "县政府督查室将紧盯未办结事项适时开展“回头看”,直至办结销号。\n今年新建学校3所。\n")
    assert [t.sentence for t in extract_tasks(text, year=2022)] == ["今年新建学校3所"]


def test_work_areas_named_as_slogans_and_a_call_to_spirit_are_no_tasks():
    text = ("今年重点做好三个方面工作:全力扩投资、促消费,在深挖内需潜能中展现新担当;"
            "全力强科技、兴产业,在升级产业体系中展现新担当。\n"
            "全市要全面提振实干当先、奋勇争先精气神,深入开展重大项目建设“百日攻坚”行动。\n")
    assert [t.to_record()["quote"] for t in extract_tasks(text, year=2026, doc="t")] == [
        "深入开展重大项目建设“百日攻坚”行动"]


def test_a_goal_naming_no_field_goes_on_the_work_before_it_in_the_sentence():
    tasks = extract_tasks("今年将举办促消费活动100场次以上,力争销售额突破300亿元。\n", year=2025)
    assert [t.lead_unit for t in tasks] == ["商务局", "商务局"]


def test_an_aside_defining_a_word_measures_nothing():
    text = "其中,3项指标未达到序时进度(进展情况占比低于91.7%或增幅低于目标任务,下同)。今年新建学校3所(含2所小学)。\n"
    assert [f[1] for f in facts(text, year=2020)] == [3, 3, 2]  # an aside that defines nothing still counts


def test_a_sentence_recalling_a_counted_set_counts_nothing_again():
    text = ("会议确定事项22件,已办结6件,正在办理16件。\n会议确定的22件事项中,16件正在办理,其中3件进展滞后。\n")
    assert [f[1] for f in facts(text, year=2022)] == [22, 6, 16, 3]
    # a set counted first in such a sentence is counted
    first = "纲要提出的20项主要指标中,16项基本符合或快于预期。\n"
    assert [f[1] for f in facts(first, year=2023)] == [20, 16]


def test_other_ways_a_notice_lists_its_targets_behind_schedule():
    head = "某市政府工作报告目标任务1-9月完成情况\n"
    for line in ("进度滞后的有2项:新建学校5所、改造道路10公里。\n",
                 "未达到序时进度的任务分别是:新建学校5所、改造道路10公里。\n",
                 "截至9月底,已完成12项,滞后序时进度的2项为新建学校5所、改造道路10公里。\n"):
        quotes = [t.to_record()["quote"] for t in extract_tasks(head + line, year=2020, doc="t")]
        assert quotes == ["新建学校5所", "改造道路10公里"], line
        assert [f[3] for f in facts(head + line, year=2020) if f[1] in (5, 10)] == ["target", "target"], line


def test_a_push_named_inside_a_review_clause_promises_nothing():
    text = "2023年工作回顾\n产业发展在力促转型升级中取得突破,新增规上企业12家。\n"
    assert facts(text, year=2024)[0][3] == "actual"


def test_bare_rates_after_a_list_of_values_speak_of_its_subjects_in_order():
    found = facts("城乡居民人均可支配收入分别达30000元、15000元,年均增速7.5%、9.1%。\n", year=2021)
    assert [(f[0], f[1]) for f in found][2:] == [("城镇居民人均可支配收入", 7.5), ("农村居民人均可支配收入", 9.1)]


def test_the_amount_bounding_the_class_a_share_counts_is_no_fact():
    found = facts("力争实现30%的村集体年收入超20万元,新增经济强村4个。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(30, "level"), (4, "level")]


# R22 (a new area's plan, a district's livelihood list, a county's plan part)


def test_an_aim_named_in_a_plan_heading_frames_no_review():
    text = "(一)全力推进乡村振兴,实现“两年初见成效”。\n加快建设产业园,新增产业空间约20万平方米。\n"
    assert [f[3] for f in facts(text, year=2025)] == ["target"]
    review = "(一)产业发展取得明显成效。\n新增产业空间约20万平方米。\n"
    assert [f[3] for f in facts(review, year=2025)] == ["actual"]


def test_at_least_before_a_verb_sets_a_requirement():
    assert facts("所有村居至少完成2个自然村提升。\n", year=2025)[0][3] == "target"


def test_traditional_zhuo_before_li_reads_as_an_action():
    assert facts("著力推動6個示範村完成整治提升。\n", year=2025)[0][3] == "target"


def test_the_size_of_a_livelihood_list_and_of_its_categories_is_no_fact():
    text = ("今年确定民生实事项目共4大类9个,计划总投资2.5亿元。其中,教育领域2个,包括东风小学建设项目、"
            "西关中学改扩建项目;养老领域1个,包括社区食堂建设项目。\n")
    assert [(f[0], f[1]) for f in facts(text, year=2026)] == [("计划总投资", 2.5)]
    assert facts("今年新建口袋公园3个,包括人民公园、滨河公园、东湖公园。\n", year=2026)[0][1] == 3


def test_shares_run_together_without_separators_are_a_list():
    found = facts("全县农业、工业、服务业增加值分别增长3.1%6.2%4.8%。\n", year=2025)
    assert [(f[0], f[1]) for f in found] == [("农业增加值", 3.1), ("工业增加值", 6.2), ("服务业增加值", 4.8)]


def test_an_outline_s_part_names_are_no_tasks():
    text = ("提纲:\n一、2025年工作回顾\n二、2026年工作安排\n(一)坚定不移围绕构建现代化产业体系真抓实干\n"
            "(二)坚定不移围绕深化改革真抓实干\n\n政府工作报告\n各位代表:\n二、2026年工作安排\n加快建设物流园区。\n")
    assert [t.sentence for t in extract_tasks(text, year=2026)] == ["加快建设物流园区。"]


def test_a_manner_adverb_before_the_verb_keeps_a_plan_s_mood():
    assert facts("久久为功推进新建社区公园10个。\n", year=2025)[0][3] == "target"


# R24 (a province's report in a news site's words, a project-start story, a county's work points)


def test_an_estimate_that_the_year_s_target_is_met_reports_that_year():
    text = ("2025年经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n"
            "据介绍,2024年全市经济预计可完成全年预期目标,财政收入120亿元、增长3%,投资预计增长4%左右。\n")
    found = facts(text, year=2025)
    assert [(f[1], f[3]) for f in found] == [(6, "target"), (120, "actual"), (3, "actual"), (4, "actual")]
    assert facts("预计实现全年预期目标,社会消费品零售总额增长5%。\n", year=2024)[0][3] == "actual"


def test_a_year_naming_an_event_held_plans_nothing():
    text = "3月28日,2025年某市春季重点项目集中开工仪式举行,市委书记出席。之后,市长宣布2025年某市招商推介活动启动。\n"
    assert extract_tasks(text, year=2025) == []
    # a year before an event still to come plans
    assert extract_tasks("2025年将举办第三届茶文化节,新建游客中心2个。\n", year=2025)


def test_a_goals_list_cut_after_a_comma_keeps_its_whole_goals():
    text = "今年主要预期目标是:地区生产总值增长6%左右,进出口增长4%左右,\n"
    assert [t.sentence for t in extract_tasks(text, year=2025)] == ["地区生产总值增长6%左右", "进出口增长4%左右"]
    assert extract_tasks("今年将加快推进茶叶、油茶、\n", year=2025) == []  # cut inside a list: no whole task


def test_a_size_class_between_a_count_and_its_noun_is_no_fact():
    found = facts("今年全面推进320个30户以上自然村整治,新建两批次27个重点项目。\n", year=2025)
    assert [f[1] for f in found] == [320, 2, 27]
    assert "30户以上自然村" in found[0][0]


def test_a_cage_character_reads_simplified():
    assert facts("出籠肉雞500萬羽。\n")[0][0] == "出笼肉鸡"


def test_a_part_named_by_qizhong_stays_with_its_goal():
    text = "主要目标是:粮食总产达到10亿斤以上,水产品产量2万吨,其中特种水产品0.9万吨,农业总产值达到54亿元。\n"
    assert [t.sentence for t in extract_tasks(text, year=2025)] == [
        "粮食总产达到10亿斤以上", "水产品产量2万吨,其中特种水产品0.9万吨", "农业总产值达到54亿元"]


def test_a_decomposition_s_own_size_and_its_parts_sizes_are_no_facts():
    text = ("《2025年县政府工作报告任务分解》明确120项具体任务,涉及30个牵头单位。\n附件:2.2025年十件民生实事任务分解\n"
            "一、县交通局牵头工作(6项)\n1.新改建农村公路50公里。\n")
    assert [f[0:2] for f in facts(text, year=2025)] == [("新改建农村公路", 50)]


def test_a_second_home_is_no_count_of_homes():
    assert facts("落实首套房贷款支持政策,优化二套房认定标准,新建保障房300套。\n", year=2023) == [
        ("新建保障房", 300, "level", "target")]


def test_standards_raised_together_by_one_figure_are_each_raised_by_it():
    found = facts("今年,城乡低保、特困供养、临时救助标准提高8%。\n", year=2023)
    assert [f[0] for f in found] == ["城乡低保标准", "特困供养标准", "临时救助标准"]
    assert {f[1:] for f in found} == {(8, "increase", "target")}


def test_a_review_s_count_of_the_names_it_lists_is_none_even_when_a_name_holds_a_code():
    text = "2022年,全县为新生儿免费开展了甲减症、G6PD缺乏症、苯丙酮尿症等3种疾病筛查,筛查新生儿5000人。\n"
    assert [f[0:2] for f in facts(text, year=2023)] == [("筛查新生儿", 5000)]


# R33 (held out, first seen 0.830 / 0.866 / 0.651 / 0.710): a plan part printed without any year or plan word


def test_a_sentence_after_one_planning_by_its_mood_on_the_same_line_plans_too():
    text = "有序推进林场项目建设。投入300万元完成甲矿、乙矿等8座废弃矿山修复。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2023)] == [(300, "target"), (8, "target")]
    # a deed done ends it; a new line ends it
    done = "有序推进林场项目建设。新建公园3个,同比增长20%。\n"
    assert [f[3] for f in facts(done, year=2023)] == ["actual", "actual"]
    assert [f[3] for f in facts("有序推进林场项目建设。\n投入300万元修复废弃矿山8座。\n", year=2023)] == ["actual"] * 2


def test_laying_duties_on_and_strictly_carrying_out_open_a_plan_s_sentence():
    assert [f[3] for f in facts("压实各级河长责任,实施河道清淤20公里。\n", year=2023)] == ["target"]
    assert [f[3] for f in facts("严格落实禁渔制度,放流鱼苗50万尾。\n", year=2023)] == ["target"]


def test_a_growth_planned_as_a_figure_is_the_growth_of_its_measure():
    assert facts("该市确定今年GDP增长计划为6%。\n", year=2025)[0][:3] == ("GDP", 6, "increase")
    assert facts("全县地区生产总值增长目标为7%。\n", year=2025)[0][:3] == ("地区生产总值", 7, "increase")


def test_a_capacity_sizing_the_project_after_it_does_not_cut_a_task():
    text = "确保甲山80兆瓦风电项目和40兆瓦分布式光伏10月份并网发电。\n"
    assert [t.sentence for t in extract_tasks(text, year=2023)] == [text.strip()[:-1]]


def test_funds_put_into_a_work_stay_with_that_work():
    text = "加快推进公园建设。投入800万元完成甲园、乙园等6处公园提升改造。\n"
    assert len(extract_tasks(text, year=2023)) == 1
    assert "投入800万元完成甲园、乙园等6处公园提升改造" in extract_tasks(text, year=2023)[0].sentence


def test_a_work_going_on_from_the_sentence_before_on_its_line_is_one_task_with_it():
    text = "推进老旧小区改造提升,实施甲街区连片更新。完成旧楼改造12栋,加装电梯8部。\n"
    assert [t.sentence for t in extract_tasks(text, year=2024)] == [text.strip()[:-1]]


def test_a_list_cut_by_the_page_after_a_whole_count_keeps_its_works():
    text = "3.活跃文化消费。推进文化街区建设,全年举办各类文化活动150场以上,"
    assert any("全年举办各类文化活动150场以上" in t.sentence for t in extract_tasks(text, year=2024))
    assert not extract_tasks("3.活跃文化消费。推进文化街区建设,加快推进甲馆、", year=2024)


def test_the_projects_a_list_holds_are_counted_its_planned_investment_planned():
    text = ("近日,省政府印发通知,下达2024年省重点项目名单。名单共包含项目800个,年度计划投资2000亿元。"
            "名单涵盖产业、基础设施两个类别。其中产业项目500个、年度计划投资1200亿元。\n")
    assert [(f[1], f[3]) for f in facts(text, year=2024)] == [
        (800, "actual"), (2000, "target"), (500, "actual"), (1200, "target")]
    assert len(extract_tasks(text, year=2024)) >= 1  # the list is still the year's plan
    # a list the sentence's own plan words announce is planned
    planned = "今年我市将推进城市提质,安排老城改造等项目120项,总投资50亿元。\n"
    assert facts(planned, year=2024)[0][1:] == (120, "level", "target")


def test_a_meeting_s_exhortations_are_no_tasks():
    text = ("会议强调,要坚定发展信心,积极对接上级政策,推动经济社会高质量发展。同时,要增强紧迫感,加快推进各项工作。"
            "今年计划实施重点项目50个。\n")
    assert [t.sentence for t in extract_tasks(text, year=2025)] == ["今年计划实施重点项目50个"]


def test_a_target_set_for_a_period_plans():
    text = "该市确定今年GDP增长计划为6%,并制定了一季度经济增长6%的目标。\n"
    assert [f[3] for f in facts(text, year=2025)] == ["target", "target"]
    assert len(extract_tasks(text, year=2025)) == 2


def test_a_sentence_going_on_in_another_unit_s_field_is_a_task_of_its_own():
    text = "有序推进国有林场项目建设,提升森林生态系统功能。投入300万元完成甲矿、乙矿等8座废弃矿山修复。\n"
    tasks = extract_tasks(text, year=2023)
    assert [(t.sentence.rstrip("。"), t.lead_unit) for t in tasks][-1] == (
        "投入300万元完成甲矿、乙矿等8座废弃矿山修复", "自然资源局")
    assert not any("矿山" in t.sentence for t in tasks[:-1])
    # in the same field it goes on as one task (test_funds_put_into_a_work_stay_with_that_work)


def test_a_list_s_headings_naming_projects_go_on_under_the_frame_told_before_the_list():
    text = ("在2月1日召开的县人大会议上,代表对2025年民生实事候选项目进行票决,最终产生10个项目。\n"
            "1、中小学“清凉工程”\n涉及30所中小学变压器增容。\n"
            "2、农村道路平交路口治理工程\n对约50个农村公路平交道口进行提升改造。\n")
    assert [(f[1], f[3]) for f in facts(text, year=2025)][-2:] == [(30, "target"), (50, "target")]
    drafted = [t.sentence for t in extract_tasks(text, year=2025)]
    works = ("涉及30所中小学变压器增容", "对约50个农村公路平交道口进行提升改造")
    assert [any(s.endswith(work) for s in drafted) for work in works] == [True, True]
    # after a review's frame the same headings report
    review = ("2024年,全县民生实事项目全部完成。\n1、中小学“清凉工程”\n涉及30所中小学变压器增容。\n")
    assert [f[3] for f in facts(review, year=2025)] == ["actual"]
