"""Rules found on round 6 of the blind stance set and on the failing parse classes of issue 11 (money written with
the currency's name, counts of events listed, a magnitude word inside a programme's name), each on short sentences
written for it."""

import datetime as dt

from zhenxing.documents.extraction import extract_facts


def _facts(text: str, **when) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract_facts(text, "t", **when)]


def test_money_written_with_the_currency_s_name_is_money():
    assert _facts("某公司投资500万人民币建设生产线。", year=2024) == [(500, "万元")]
    assert _facts("爱心企业捐赠善款30万人民币。", year=2024) == [(30, "万元")]
    # the currency named after 元 changes nothing; the people of a place and those a work reaches stay as they were
    assert _facts("全年实际使用外资12.5亿元人民币。", year=2024) == [(12.5, "亿元")]
    assert _facts("项目惠及2万人民群众。", year=2024) == [(2, "万人")]


def test_counts_of_events_listed_before_their_noun_each_count():
    assert _facts("县应急局和县消防大队分别开展3次、5次专项检查。", year=2024) == [(3, "次"), (5, "次")]
    # ordinals listed before a plenary stay no counts
    assert _facts("认真贯彻市委七次、八次全会精神。", year=2024) == []


def test_a_magnitude_word_naming_a_programme_or_a_base_is_no_figure():
    assert _facts("确保新一轮百万亩造林绿化圆满收官。", year=2024) == []
    assert _facts("建成千亩油茶示范基地3个。", year=2024) == [(3, "个")]
    # a magnitude written as the measure of a work, or a capacity in a project's name, still counts
    assert _facts("全年完成造林百万亩以上。", year=2024) == [(100, "万亩")]
    assert _facts("岳阳石化百万吨乙烯项目开工建设。", year=2024) == [(100, "万吨")]


def _stance(text: str, figure: float, **when) -> str:
    return next(f.stance for f in extract_facts(text, "t", **when) if f.value == figure)


def test_a_task_s_amount_told_with_what_was_done_of_it():
    text = "(三)村级道路硬化任务120公里,完成135公里,完成率112.5%。"
    assert [_stance(text, v, year=2023) for v in (120, 135)] == ["target", "actual"]
    text = "2023年造林考核指标5.2万亩,完成6.1万亩,完成率117.3%。"
    assert [_stance(text, v, year=2023) for v in (5.2, 6.1)] == ["target", "actual"]


def test_a_task_handed_down_names_a_plan_s_amount_even_for_a_past_year():
    text = "2023年度市里下达我县建设高标准农田任务6.5万亩,目前正在组织施工。"
    assert _stance(text, 6.5, date=dt.date(2024, 1, 20)) == "target"


def test_what_a_work_needs_is_planned():
    assert _stance("该村计划建设文化广场,工程需出资120万元。", 120, year=2023) == "target"
    assert _stance("修缮祠堂需要投入资金35万元,目前资金已到位。", 35, year=2023) == "target"


def test_the_trade_a_set_of_projects_is_expected_to_bring_is_a_forecast():
    text = "全年签约外贸项目12个,预计贸易额8.5亿元。"
    assert _stance(text, 8.5, year=2024) == "target"
    # a review's preliminary figure stays the year's result
    assert _stance("预计全年外贸进出口总额8.5亿元,增长6%。", 8.5, year=2024) == "actual"


def test_a_programme_s_works_begun_and_finished_report_its_year():
    text = "坚持项目为王,全年实施重点项目120个,开工96个,竣工投产40个。"
    assert [_stance(text, v, date=dt.date(2024, 2, 20)) for v in (120, 96, 40)] == ["actual"] * 3
    # a programme named with no works begun or finished, in the mood of a plan, still plans
    assert _stance("坚持项目为王,全年实施重点项目120个。", 120, date=dt.date(2024, 2, 20)) == "target"


def test_cases_and_incidents_count_in_qi_and_li():
    assert _facts("全年查处违法案件31起,结案28起。", year=2023) == [(31, "起"), (28, "起")]
    assert _facts("大家一起努力,共同推进项目建设。", year=2023) == []
    assert _facts("全年完成白内障复明手术520例。", year=2023) == [(520, "例")]
    # a size class of places by their cases counts nothing
    assert _facts("在全国确诊病例200例以上城市中率先清零。", year=2022) == []


def test_an_estimate_serving_the_aim_that_closes_its_sentence_is_a_forecast():
    text = "通过项目带动,预计上半年完成固定资产投资12亿元,增长9%,力促实现“双过半”。"
    assert [_stance(text, v, year=2024) for v in (12, 9)] == ["target", "target"]
    # a review's preliminary figure without such an aim stays a result
    assert _stance("预计上半年完成固定资产投资12亿元,增长9%。", 12, year=2024) == "actual"


def _stances(text: str, **when) -> list[tuple[float, str]]:
    return [(f.value, f.stance) for f in extract_facts(text, "t", **when)]


def test_a_digest_s_line_naming_its_part_heads_the_bare_lines_after_it():
    text = ("数说报告\n\n2023成就\n\n新增城镇就业2.1万人\n\n城镇化率提高1.2个百分点\n\n2024目标\n\n"
            "新增城镇就业2万人\n\n新建农村公路300公里")
    assert _stances(text, year=2024) == [(2.1, "actual"), (1.2, "actual"), (2, "target"), (300, "target")]
    text = "回头看\n\n改造老旧小区40个\n\n新增学位3000个\n\n怎么干\n\n改造老旧小区50个"
    assert _stances(text, year=2024) == [(40, "actual"), (3000, "actual"), (50, "target")]


def test_the_works_of_a_progress_table_are_its_plan_s_tasks():
    text = ("2023年度民生实事项目进度表(截至9月30日)\n\n序号\n\n项目内容\n\n当前进度\n\n1\n\n新建城市公园3个。\n\n"
            "70%\n\n2\n\n改造农贸市场5个。\n\n60%\n")
    assert _stances(text, date=dt.date(2023, 10, 20)) == [(3, "target"), (5, "target")]


def test_a_project_s_total_before_the_work_it_plans_to_build_is_planned():
    text = "该村文化广场建设项目总投资150万元,计划建设广场2000平方米。"
    assert _stances(text, year=2023) == [(150, "target"), (2000, "target")]


def test_a_year_measured_by_its_completion_rate_reports():
    # a text dated by its year alone: the year's figure told with its rate of completion is that year's result
    text = "2023年,全县油菜收获面积约5.2万亩,任务完成率112%。"
    assert _stances(text, year=2023) == [(5.2, "actual"), (112, "actual")]
    # a rate to reach, or no rate at all, still plans the year
    assert _stances("2023年,全县改厕任务完成率达到100%。", year=2023) == [(100, "target")]
    assert _stances("2023年,全县新建农村公路120公里。", year=2023) == [(120, "target")]


def test_the_words_after_and_name_the_next_count_s_things():
    found = [(f.indicator, f.value) for f in extract_facts("新增社区食堂30家和助餐点120个。", "t", year=2020)]
    assert found == [("新增社区食堂", 30), ("助餐点", 120)]
