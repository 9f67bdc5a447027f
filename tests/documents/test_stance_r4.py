"""Stance rules from round 4 of the blind stance set (tests/documents/data/stance_real.tsv).

Each test is a short sentence written for the test (none is copied from the set): the classes the round showed
the engine reading wrongly on first sight.
"""

import datetime as dt

from zhenxing.documents.extraction import extract_facts


def stance(text: str, figure: float, **when) -> str:
    """The stance of the first fact of `text` whose value is `figure`."""
    return next(f.stance for f in extract_facts(text, "t", **when) if f.value == figure)


def test_an_item_numbered_with_a_full_stop_plans_its_work():
    # 3。 新建…: a digest's numbered list of works printed with 。 after the number
    assert stance("3。 新建公办幼儿园6所;", 6, year=2024) == "target"
    assert stance("12。改善全市40所学校食堂环境;", 40, year=2024) == "target"
    assert stance("7。巩固提升80个应急避难场所;", 80, year=2024) == "target"
    # a deed told in the item reports
    assert stance("3。 新建公办幼儿园6所,已全部投用;", 6, year=2024) == "actual"


def test_a_surplus_over_the_plan_marks_a_deed_done():
    when = {"date": dt.date(2026, 2, 15)}
    assert stance("■ 新开工项目25项,超计划8项", 25, **when) == "actual"
    assert stance("■ 新开工项目25项", 25, **when) == "target"


def test_the_amount_a_plan_names_is_the_plan_s_even_when_it_is_met():
    when = {"date": dt.date(2024, 11, 20)}
    assert stance("中新网报道,2024年的改造計畫3.2萬戶已提前完成。", 3.2, **when) == "target"
    assert stance("今年改造计划3.2万户已全部完成,实际改造3.5万户。", 3.5, **when) == "actual"


def test_a_planned_amount_speaks_for_itself_not_for_the_measured_one_after_it():
    text = "(2)8个续建项目,全年计划完成投资12亿元,1-3累计完成投资3.1亿元,完成年度计划的26%。"
    assert stance(text, 12, year=2024) == "target"
    assert stance(text, 3.1, year=2024) == "actual"


def test_a_level_always_kept_is_a_state():
    assert stance("全市空气质量优良率一直保持在90%左右。", 90, year=2024) == "actual"
    assert stance("空气质量优良率保持在90%左右。", 90, year=2024) == "target"


def test_progress_beyond_expectations_is_measured():
    assert stance("规划主要指标中,6项指标进展超过预期。", 6, year=2025) == "actual"


def test_a_planned_or_designed_size_of_a_work_is_planned():
    when = {"date": dt.date(2024, 6, 1)}
    assert stance("医院规划总床位800张,分两期建设。", 800, **when) == "target"
    assert stance("该院区总建筑面积3万平方米,设计床位300张。", 300, **when) == "target"
    assert stance("中心总用地40亩,规划总建筑面积5.2万平方米。", 5.2, **when) == "target"


def test_a_project_s_total_investment_before_its_scheduled_completion_is_planned():
    when = {"date": dt.date(2024, 8, 1)}
    assert stance("据介绍,该项目总投资3.5亿元,预计明年6月建成投产。", 3.5, **when) == "target"
    assert stance("该医院项目总投资约12亿元,计划2026年底完工。", 12, **when) == "target"
    # a project already finished reports its investment
    assert stance("该项目总投资3.5亿元,去年已建成投产。", 3.5, **when) == "actual"


def test_a_class_of_a_programme_arranged_in_a_bullet_plans():
    when = {"date": dt.date(2026, 2, 15)}
    assert stance("■ 交通类安排正式项目20项,预备项目3项", 20, **when) == "target"


def test_the_first_months_of_a_year_are_a_period_measured():
    text = "前8月,全省新开工改造老旧小区3200个,占年度任务的90%以上。"
    assert stance(text, 3200, date=dt.date(2024, 9, 20)) == "actual"


def test_a_rate_of_completion_is_measured():
    assert stance("10月,各县年度任务完成率均在85%以上。", 85, date=dt.date(2023, 12, 10)) == "actual"


def test_the_first_cell_of_a_progress_row_is_its_task():
    text = "新增公共停车泊位800个。 | 新增公共停车泊位920个。 | 住建局 |"
    assert stance(text, 800, year=2023) == "target"
    assert stance(text, 920, year=2023) == "actual"
    assert stance("2 | 改造农村公路60公里。 | 已完成48公里。 | 交通局 |", 60, year=2023) == "target"


def test_an_estimate_in_brackets_marks_a_review_s_preliminary_figures():
    text = "全年实现地区生产总值(预计,下同)3200亿元左右、增长5%左右。"
    assert stance(text, 3200, year=2024) == "actual"
    assert stance(text, 5, year=2024) == "actual"


def test_counted_works_followed_by_their_completion_are_done():
    # 落实…: the mood of a plan yields when the sentence's counted works are told complete
    assert stance("落实防汛措施,4个排涝泵站和2个调蓄池建成投用,防汛能力明显提升。", 4, year=2022) == "actual"
    assert stance("落实防汛措施,新建4个排涝泵站和2个调蓄池。", 4, year=2022) == "target"


def test_a_topic_named_before_a_plan_s_action_keeps_the_mood():
    assert stance("交通方面,加快推进8个续建高速公路项目。", 8, year=2023) == "target"
    assert stance("制定实施老旧小区改造三年计划,改造小区40个。", 40, year=2024) == "target"


def test_data_released_report_a_period_past():
    text = "5月1日至5日,今年五一假期旅游数据正式出炉,全市接待游客320万人次。"
    assert stance(text, 320, year=2024) == "actual"


def test_an_estimate_in_a_sentence_that_schedules_the_works_forecasts():
    text = "共改造道路6条,预计铺设雨污管网2.4公里,有望10月底完成全部改造任务。"
    assert stance(text, 2.4, date=dt.date(2019, 5, 10)) == "target"
    # a review's preliminary figure stays a result
    assert stance("预计全年完成地区生产总值320亿元,增长6%。", 320, year=2020) == "actual"


def test_places_a_work_adds_told_with_a_milestone_before_its_use_are_planned():
    assert stance("新增学位1800个!市第三中学新校区项目主体封顶", 1800, date=dt.date(2024, 5, 8)) == "target"
    assert stance("新增学位1800个!市第三中学新校区建成投用", 1800, date=dt.date(2024, 9, 1)) == "actual"
