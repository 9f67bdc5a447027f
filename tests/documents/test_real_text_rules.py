"""General rules read from the real-text batches (tests/documents/corpus), each on short sentences written here."""

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
