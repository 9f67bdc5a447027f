"""Rules found on held-out batch R37 (completion tables, editor's notes, officials quoted, slogans counted in
words, topic sentences inside a paragraph, leads by remit), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.departments import suggest_lead


def _facts(text: str, **when) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in extract_facts(text, "t", **when)]


def _tasks(text: str, **when) -> list[str]:
    return [t.sentence for t in extract_tasks(text, **when)]


def test_a_completion_table_s_rows_are_no_tasks():
    text = ("某区2023年为民办实事项目完成情况\n序号 | 项目名称 | 完成情况 | 占全年计划 |\n"
            "1 | 新建社区食堂12个 | 15 | 125% |\n2 | 改造老旧小区20个 | 20 | 100% |\n")
    assert _tasks(text, year=2023) == []


def test_a_table_of_targets_and_their_units_still_gives_a_task_a_row():
    text = "序号 | 重点工作 | 责任单位 |\n1 | 新建社区食堂12个 | 区民政局 |\n"
    assert [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=2023)] == [("新建社区食堂12个", "民政局")]


def test_a_survey_of_the_public_s_verdict_and_a_call_on_the_public_are_no_tasks():
    text = ("今年将继续通过网上评议、抽样调查等途径,对2023年全区为民办实事项目开展群众满意度评议工作。"
            "欢迎广大居民积极参与,继续关心支持为民办实事工作。")
    assert _tasks(text, year=2023) == []


def test_an_editor_s_note_is_no_plan():
    text = ("编者按:这一年,我们奋楫笃行,项目建设推动经济持续向好。为此,本号推出“回首”专栏,旨在为明年开好头。\n"
            "今年将新建口袋公园5个。\n")
    assert _tasks(text, year=2023) == ["今年将新建口袋公园5个"]


def test_a_plan_quoted_from_the_head_of_the_government_s_own_bureau_is_a_task():
    text = ("某市民政局局长王建华介绍,全市已建成养老机构30家。\n"
            "“我们将全面推进社区嵌入式养老服务设施建设。”王建华说。\n")
    assert any("社区嵌入式养老服务设施建设" in s for s in _tasks(text, year=2024))


def test_a_company_officer_s_plan_quoted_stays_his_words():
    text = ("某科技公司总经理李明介绍,项目已进入设备安装阶段。\n"
            "“我们将加快推进设备调试,力争年底投产。”李明说。\n")
    assert _tasks(text, year=2024) == []


def test_a_set_named_by_a_count_in_words_is_no_measure():
    assert _facts("我们将织密城乡养老服务两张网。", year=2024) == []
    assert _facts("坚持一张蓝图绘到底。", year=2024) == []
    assert _facts("新增两张护理床位。", year=2024) == [(2.0, "张")]


def test_one_team_built_is_a_team_not_a_count():
    assert _facts("打造一支懂产业、善谈判的招商队伍。", year=2024) == []
    assert _facts("组建3支应急救援队伍。", year=2024) == [(3.0, "支")]


def test_a_short_topic_sentence_inside_a_paragraph_is_no_task_of_its_own():
    text = ("着力优化营商环境。深化“一件事”改革,推行帮办代办服务。着力提升招商实效。"
            "组建专业招商团队,全年新签约亿元以上项目30个。\n")
    drafts = _tasks(text, year=2024)
    assert not any(s.startswith("着力提升招商实效") for s in drafts)
    assert any("新签约亿元以上项目30个" in s for s in drafts)


def test_the_aged_s_own_benefits_go_to_civil_affairs_whatever_the_channel():
    assert suggest_lead("推进高龄津贴一网通办、免申即享").lead == "民政局"
    assert suggest_lead("落实意外伤害保险政策和老年优待政策").lead == "民政局"


def test_micro_drama_goes_to_culture_and_tourism():
    assert suggest_lead("在加快微短剧产业发展上求创新、求突破").lead == "文化旅游局"


def test_attracting_projects_and_an_investment_team_go_to_commerce():
    assert suggest_lead("精准招引一批体量大、带动强的好项目").lead == "商务局"
    assert suggest_lead("强化项目评估、商务谈判等专业培训,打造专业化招商队伍").lead == "商务局"
    assert suggest_lead("引进一批高层次人才").lead == "人力资源社会保障局"


def test_talent_drawn_in_keeps_its_last_character():
    text = "与多所高校签订合作协议、引进高层次人才290名。"
    found = [(f.indicator, f.value) for f in extract_facts(text, "t", year=2024)]
    assert any(indicator.endswith("引进高层次人才") and value == 290 for indicator, value in found)
    assert [f.indicator for f in extract_facts("人均收入才3000元。", "t", year=2024)] == ["人均收入"]


RESULT_TABLE = ("2023年某区为民办实事项目完成情况\n序号 | 实事项目名称 | 完成情况 | 占全年计划 |\n"
                "1 | 新增200张养老床位 | 236 | 118% |\n新增50张护理床位 | 50 | 100% | |\n"
                "2 | 新增20个乡村长者照护之家 | 21 | 105% |\n")


def test_a_completion_table_restates_each_target_and_reports_its_share_done():
    found = [(f.indicator, f.value, f.stance) for f in extract_facts(RESULT_TABLE, "t", year=2023)]
    assert ("新增养老床位", 200, "target") in found and ("新增护理床位", 50, "target") in found
    assert ("新增养老床位占全年计划", 118, "actual") in found and ("新增护理床位占全年计划", 100, "actual") in found
    assert ("新增乡村长者照护之家", 20, "target") in found  # a place word before a share in the next cell
    assert ("新增乡村长者照护之家占全年计划", 105, "actual") in found


def test_a_share_of_the_year_s_task_told_with_wei_is_done_and_names_the_figure_before_it():
    text = "发放创业担保贷款3000万元,为全年任务的120.5%;建成就业服务站12个。"
    found = [(f.indicator, f.value, f.stance) for f in extract_facts(text, "t", year=2023)]
    assert ("发放创业担保贷款为全年任务", 120.5, "actual") in found
    assert ("就业服务站", 12, "actual") in [(i.replace("建成", ""), v, s) for i, v, s in found]


def test_a_clause_without_a_cue_before_a_promise_after_a_semicolon_plans():
    text = "记者从会上获悉,培训500名养老护理员;力争完成200公里农村公路改造;实现农村自来水普及率95%。"
    found = {f.value: f.stance for f in extract_facts(text, "t", year=2025)}
    assert found[500] == "target" and found[200] == "target" and found[95] == "target"
    assert extract_facts("去年建成养老院3所;力争新增床位200张。", "t", year=2024)[0].stance == "actual"


def test_a_class_threshold_with_its_conversion_in_brackets_is_no_measure():
    found = [(f.value, f.unit) for f in extract_facts("全年新签约5亿元(3000万美元)以上项目60个。", "t", year=2025)]
    assert found == [(60.0, "个")]
    assert len(extract_facts("实际使用外资2亿美元(14.2亿元),增长5%。", "t", year=2024)) == 3
