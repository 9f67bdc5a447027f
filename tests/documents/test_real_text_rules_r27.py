"""Rules read from held-out batch R27 (a province's plan part, a province's key-project list, a city's statistical
bulletin, a project-construction feature with a company officer's quoted words, a city's livelihood list, a rural
construction plan in 繁体 + pinyin), each on short sentences written here."""

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.departments import suggest_lead


def facts(text: str, year: int = 2024) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.unit, f.stance) for f in extract_facts(text, "t", year=year)]


def tasks(text: str, year: int = 2024) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=year)]


# --- facts ----------------------------------------------------------------------------------------------------


def test_a_figure_converted_by_a_method_keeps_the_indicator_before_it():
    found = facts("全县人均生产总值45000元,按当年平均汇率计算为6500美元,增长1.5%。\n", year=2021)
    assert [(f[0], f[1], f[2]) for f in found] == [("人均生产总值", 45000, "元"), ("人均生产总值", 6500, "美元"),
                                                  ("人均生产总值", 1.5, "%")]


def test_a_method_before_the_indicator_still_names_it():
    found = facts("按户籍人口计算城镇化率为60.5%。\n", year=2021)
    assert found[0][0].endswith("城镇化率") and found[0][1] == 60.5


def test_a_demonstrative_before_a_project_names_nothing():
    found = facts("某光伏基地项目进展顺利。该项目总投资12亿元,此工程占地300亩。\n", year=2023)
    assert [f[0] for f in found] == ["项目总投资", "工程占地"]


def test_trains_run_are_counted_in_lie():
    assert facts("力争开行中欧班列500列以上。\n") == [("开行中欧班列", 500, "列", "target")]


def test_lie_after_a_count_of_other_things_is_no_unit():
    assert [f[2] for f in facts("今年有12个项目列入省重点项目。\n")] == ["个"]


def test_an_unclosed_quotation_of_speech_does_not_swallow_its_commas():
    text = "“为加快进度,我们两期工程同时施工,目前厂房建设已完成80%;\n"
    assert facts(text, year=2023)[0][0] == "厂房建设"


def test_a_quoted_name_still_holds_its_commas():
    found = facts("实施“引才,育才”工程,引进人才500名。\n")
    assert found[0][1] == 500 and "," not in found[0][0]


def test_village_toilets_and_their_waste_in_traditional_characters_read():
    found = facts("力爭新改造農村無害化衛生廁所5萬戶。\n")
    assert found == [("新改造农村无害化卫生厕所", 5, "万户", "target")]


# --- tasks ----------------------------------------------------------------------------------------------------


def test_a_paragraph_quoting_a_company_officer_is_no_task():
    text = ("今年以来,某开发区全力推进项目建设。\n"
            "“目前一期厂房已完成70%,计划今年10月进行设备调试,年底实现投产。”某公司总经理李明说。\n"
            "开发区将新建标准厂房5万平方米。\n")
    quotes = [t[0] for t in tasks(text, year=2023)]
    assert quotes == ["开发区将新建标准厂房5万平方米"]


def test_a_quotation_whose_closing_mark_a_copy_lost_is_speech_too():
    text = ("某开发区项目建设如火如荼。\n"
            "“二期厂房建设已完成40%,计划9月底全部投产?!某集团办公室主任王刚说。\n")
    assert tasks(text, year=2023) == []


def test_a_quoted_slogan_opening_a_plain_sentence_is_no_speech():
    text = "“十大工程”全面推进,今年将新建学校3所。\n"
    assert len(tasks(text, year=2024)) == 1


# --- lead units -----------------------------------------------------------------------------------------------


def test_trade_port_and_finance_words_of_a_provincial_plan():
    assert suggest_lead("扩大先进技术、关键零部件进口").lead == "商务局"
    assert suggest_lead("制造业使用外资占比30%以上").lead == "商务局"
    assert suggest_lead("港口货物吞吐量达到5亿吨").lead == "交通运输局"
    assert suggest_lead("跨境人民币结算量增长10%").lead == "金融发展局"
    assert suggest_lead("支持平台经济规范健康发展").lead == "发展改革委"
    assert suggest_lead("扎实做好保交楼工作").lead == "住房城乡建设局"


def test_rural_construction_words():
    assert suggest_lead("新改造农村无害化卫生厕所5万户").lead == "农业农村局"
    assert suggest_lead("创建美丽庭院示范户1000户").lead == "妇联"
    assert suggest_lead("建成美丽小镇10个").lead == "住房城乡建设局"
    assert suggest_lead("实施街巷改造工程20条").lead == "住房城乡建设局"


def test_a_key_project_list_s_parts_restate_the_whole_drafted_once():
    text = ("近日,省发展改革委下达2024年省重点项目名单,共安排省重点项目500个、年度计划投资800亿元。"
            "共安排产业项目300个、占60%,年度计划投资500亿元、占62.5%。"
            "其中,工业项目200个,年度计划投资300亿元,包括某某新材料、某某电池等项目;"
            "农业项目50个,年度计划投资40亿元,包括某某茶叶基地等项目。\n")
    quotes = [t[0] for t in tasks(text, year=2024)]
    assert len(quotes) == 1 and "500个" in quotes[0]


def test_a_class_of_projects_without_a_whole_before_it_stays_a_task():
    text = "近日,省发展改革委下达2024年省重点项目名单,安排工业项目200个,年度计划投资300亿元。\n"
    assert len(tasks(text, year=2024)) == 1


def test_news_that_a_body_issued_a_plan_is_no_task_but_the_plan_s_works_are():
    text = ("某省政府办公厅近日印发《某省乡村建设行动实施方案》明确,让基础设施向农村延伸、公共服务向农村拓展。\n"
            "方案明确,要实施农村供水保障行动,基本实现城乡供水一体化。\n")
    quotes = [t[0] for t in tasks(text, year=2022)]
    assert len(quotes) == 1 and quotes[0].startswith("方案明确,要实施农村供水保障行动")


def test_a_body_issuing_a_plan_with_its_year_s_target_still_drafts():
    text = "某市近日印发《某市2024年稳增长行动方案》,今年将新增就业1万人。\n"
    assert [t[0] for t in tasks(text, year=2024)] == ["今年将新增就业1万人"]


def test_a_length_setting_a_story_s_scene_is_no_fact():
    assert facts("在20余米的脚手架上,工人们正在安装设备。\n", year=2023) == []
    assert facts("在15米高的平台上,工人们加紧焊接。\n", year=2023) == []


def test_a_length_where_work_is_done_stays_a_fact():
    assert [f[1] for f in facts("在300米的河道上新建护岸。\n", year=2023)] == [300]


def test_goals_each_opening_on_a_share_of_places_reaching_a_standard_are_one_task_each():
    text = ("方案要求,农村生活污水治理率达到45%以上;30%以上的行政村达到美丽乡村建设标准、"
            "50%以上的乡镇政府所在地达到美丽小镇建设标准、50%以上的农户庭院达到美丽庭院标准。\n")
    assert [t[1] for t in tasks(text, year=2022)][1:] == ["农业农村局", "住房城乡建设局", "妇联"]


def test_a_share_reaching_a_standard_beside_another_kind_of_goal_stays_whole():
    text = "方案要求,30%以上的行政村达到美丽乡村建设标准、农村改厕全面完成。\n"
    assert len(tasks(text, year=2022)) == 1
