"""Rules read from batch R18 of the real-text corpus: official decompositions of work reports (分工方案, 责任分解,
部门分工的意见) read as texts — each rule on short sentences written here."""

from zhenxing.documents.extraction import extract_facts, extract_tasks


def facts(text: str, **when) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.kind, f.stance) for f in extract_facts(text, "t", **when)]


def test_a_text_opening_on_the_issue_of_a_plan_lists_that_plan_s_items():
    text = "近日\n市政府印发\n《2024年政府工作报告\n重点任务分工方案》\n粮食产量50万吨以上。\n新建学校3所。\n"
    assert [(f[1], f[3]) for f in facts(text, year=2024)] == [(50, "target"), (3, "target")]
    # a news story that mentions a plan issued earlier and then tells what was done keeps its review
    notice = ("关于2024年重点工作1-6月进展情况的通报\n"
              "2024年3月,市政府印发《2024年重点工作任务分解表》,现将进展通报如下:\n全市新建学校3所。\n")
    assert [f[3] for f in facts(notice, year=2024)] == ["actual"]


def test_a_numbered_item_opening_on_an_action_verb_is_in_the_mood_of_a_plan():
    text = "204.推进学前教育优质普惠发展,新改扩建公办幼儿园45所。\n(3)加快建设区域医疗中心,新增床位200张。\n"
    assert [(f[1], f[3]) for f in facts(text)] == [(45, "target"), (200, "target")]


def test_an_item_number_before_a_year_is_no_decimal():
    text = "附件:1.2020年政府工作报告重点工作责任分解\n2.十方面民生实事责任分解\n工期1.5年,新建学校3所。\n"
    assert [f[1] for f in facts(text, year=2020)] == [1.5, 3]


def tasks(text: str, year: int) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in extract_tasks(text, year=year)]


def test_a_unit_line_after_an_item_assigns_each_of_its_tasks():
    text = ("2020年重点工作责任分解方案\n"
            "1.坚定不移支持企业发展。认真落实支持民营企业发展的各项政策措施。大力实施减税、减费措施,力争减轻企业负担200亿元。\n"
            "责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位,下同)\n"
            "2.加快推进普通高中优质多样化发展,新建普通高中3所。\n责任单位:市教育局\n")
    found = extract_tasks(text, year=2020)
    assert [t.lead_unit for t in found] == ["工业和信息化局", "工业和信息化局", "工业和信息化局", "教育局"]
    assert found[0].partner_units == ("财政局", "税务局")  # the note (列第一位者…,下同) names no unit


def test_an_item_s_title_sentence_is_a_task_where_the_decomposition_assigns_the_item_to_units():
    # Decision (SPEC "Tasks", R18 gold): a title sentence heading an item's works (坚定不移支持企业发展。认真落实…)
    # names their topic.  In a report it is no task of its own: the works under it are (R19 gold leaves 加强县域
    # 财源建设。 out).  Where a decomposition assigns the item to its units (责任单位:… after it, or in brackets
    # at its end), those units answer for the title as for every work under it, and the government's own
    # decompositions list it as a task (R18 gold: 坚定不移支持企业发展 → 市经信局 and partners).
    item = "1.坚定不移支持企业发展。落实支持民营企业发展的各项政策措施。大力实施减税、减费措施。\n"
    assigned = extract_tasks("2020年重点工作责任分解方案\n" + item + "责任单位:市经信局、市财政局\n", year=2020)
    assert [(t.sentence, t.lead_unit) for t in assigned][:2] == [
        ("坚定不移支持企业发展。", "工业和信息化局"), ("落实支持民营企业发展的各项政策措施。", "工业和信息化局")]
    bracketed = extract_tasks("2020年重点工作责任分解方案\n2.促进高质量充分就业。开发公益性岗位500个。"
                              "新建零工市场3个。(牵头单位:市人社局;责任单位:市财政局)\n", year=2020)
    assert bracketed[0].sentence == "促进高质量充分就业。"
    assert {t.lead_unit for t in bracketed} == {"人力资源社会保障局"}
    assert bracketed[0].partner_units == ("财政局",)
    # A part numbered (二) is a group of items, its title a label (taskset round 4 gold): its works are the tasks.
    part = extract_tasks("2020年重点工作责任分解方案\n(二)促进高质量充分就业。开发公益性岗位500个。"
                         "新建零工市场3个。(牵头单位:市人社局;责任单位:市财政局)\n", year=2020)
    assert [t.sentence for t in part] == ["开发公益性岗位500个", "新建零工市场3个"]
    assert {t.lead_unit for t in part} == {"人力资源社会保障局"}
    report = extract_tasks("二、2020年工作安排\n" + item, year=2020)
    assert [t.sentence for t in report] == ["落实支持民营企业发展的各项政策措施。", "大力实施减税、减费措施。"]
    # an item of one short sentence is its own task (205.推进普通高中优质多样化发展。(责任单位:市教育局))
    single = extract_tasks("2023年目标任务责任分解方案\n205.推进普通高中优质多样化发展。(责任单位:市教育局)\n",
                           year=2023)
    assert [(t.sentence, t.lead_unit) for t in single] == [("推进普通高中优质多样化发展。", "教育局")]


def test_a_unit_leading_written_x_牵头_after_the_task_assigns_it_and_is_no_task():
    text = ("2021年重点任务分工方案\n"
            "1.地区生产总值增长6%以上。\n分管省领导:张三\n部门分工:省发展改革委牵头,各地、各部门配合。\n"
            "2.社会消费品零售总额增长6%以上。\n分管省领导:李四\n部门分工:省商务厅牵头,各地、各部门配合。\n")
    found = extract_tasks(text, year=2021)
    assert [(t.sentence.strip("12.。"), t.lead_unit) for t in found] == [
        ("地区生产总值增长6%以上", "发展改革委"), ("社会消费品零售总额增长6%以上", "商务局")]
    assert found[0].partner_units == ()  # 各地、各部门配合: everyone, no unit


def test_an_item_closed_by_its_own_unit_line_is_not_assigned_again_by_the_next_item_s():
    text = ("2024年重点工作任务\n"
            "新增学位3000个 部门分工:市教育局牵头,各区配合。 推进智能工厂建设 工作措施:出台智能制造专项政策。"
            "部门分工:市工业和信息化局牵头,市科技局配合。\n")
    found = extract_tasks(text, year=2024)
    assert [(t.lead_unit, t.partner_units) for t in found][:1] == [("教育局", ())]
    assert {t.lead_unit for t in found[1:]} == {"工业和信息化局"}


def test_one_unit_leading_a_whole_goals_list_in_brackets_leads_each_goal():
    text = ("主要预期目标:地区生产总值增长7%;城镇调查失业率5%左右;居民收入增长与经济增长同步"
            "(分管副省长负责,省发展改革委牵头,省统计局配合)。\n")
    found = extract_tasks(text, year=2019)
    assert len(found) == 3 and {t.lead_unit for t in found} == {"发展改革委"}
    assert all("牵头" not in t.sentence for t in found)


def test_a_distribution_notice_s_own_words_are_no_tasks():
    text = ("各县区人民政府:\n《2024年重点工作责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。"
            "各级各部门要强化担当,抓紧排出任务表、时间表、责任表。要紧盯目标,高效有序推进各项工作。\n"
            "附件:1.2024年重点工作责任分解\n1.新建改扩建中小学5所。\n责任单位:市教育局\n")
    assert tasks(text, 2024) == [("新建改扩建中小学5所", "教育局")]


def test_how_the_plan_s_works_will_be_followed_is_no_task():
    # the supervision of the plan itself (assessment, progress reports, inspections) and the notice's account of how
    # the works were divided commit no unit to a work of the plan
    text = ("2024年重点工作责任分解方案\n"
            "市政府将把重点工作落实情况纳入年度绩效考核,跟踪督查调度。\n"
            "牵头单位每月5日前向市政府督查室报送工作进展。\n"
            "市政府将于年中、年末对重点工作推进情况开展专项督查。\n"
            "本方案由市长负总责,同时明确各项工作的牵头单位和配合单位。\n"
            "1.新建改扩建中小学5所。\n牵头责任单位:市教育局\n"
            "2.完善政府绩效考核评价体系。\n责任单位:市人社局\n")
    assert [s for s, _ in tasks(text, 2024)] == ["新建改扩建中小学5所", "完善政府绩效考核评价体系。"]


def test_a_goal_held_without_figure_and_a_policy_issued_are_tasks():
    goals = "主要预期目标:地区生产总值增长6%;一般公共预算收入增长4%左右,金融风险有效防控;城镇调查失业率5%左右。\n"
    assert [s for s, _ in tasks(goals, 2024)] == [
        "地区生产总值增长6%", "一般公共预算收入增长4%左右", "金融风险有效防控", "城镇调查失业率5%左右"]
    works = "2024年重点工作分工方案\n工作措施:完成产业集群政策文件的中期评估。出台未来产业集群专项行动计划。\n"
    assert [s for s, _ in tasks(works, 2024)][-1] == "出台未来产业集群专项行动计划。"


def test_a_notice_titled_as_issuing_a_plan_lists_that_plan_s_goals_even_with_full_stops():
    text = ("某市人民政府办公室关于印发2024年重点工作责任分解的通知\n各镇人民政府:\n现印发给你们,请认真贯彻执行。\n"
            "序号\n主要工作任务\n责任单位\n1\n财政收入增长6%。\n财政局\n2\n工业增加值增长7%。\n经信局\n")
    assert [(f[1], f[3]) for f in facts(text, year=2024)] == [(6, "target"), (7, "target")]
    # a notice issuing a review keeps its figures reported
    review = "某市关于印发2023年工作总结的通知\n财政收入增长6%。\n"
    assert [f[3] for f in facts(review, year=2024)] == ["actual"]
