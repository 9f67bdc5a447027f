"""Rules found on held-out batch R39 (news of a published list of key projects: the list's counts and total
investment are its state, its planned amount is a plan's), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks

# a news item on a province's list of key projects for the year, from a news agency in May (when a bare
# plan year tells nothing)
PROJECT_LIST_NEWS = (
    "某省发布省级重点项目清单\n\n"
    "某某新闻网某市5月8日电 (记者李某)2025年,某省实施省级重点项目520项,总投资2.1万亿元,计划完成投资2600亿元以上。"
    "记者8日从某省政府新闻办获悉上述消息。\n\n"
    "某省发展和改革委员会副主任张某在会上说,省级重点项目结构更优,50亿元以上项目41个。\n\n"
    "从领域看,交通项目120项,总投资4300亿元,计划完成投资610亿元。\n")


def _facts(text: str, year: int) -> dict[float, str]:
    return {f.value: f.stance for f in extract_facts(text, "t", year=year)}


def test_a_bound_on_a_planned_amount_does_not_make_a_list_s_counts_a_plan():
    stances = _facts(PROJECT_LIST_NEWS, 2025)
    assert stances[520.0] == "actual" and stances[2.1] == "actual"
    assert stances[2600.0] == "target"


def test_a_planned_amount_frames_no_later_sentence_of_the_news():
    stances = _facts(PROJECT_LIST_NEWS, 2025)
    assert stances[41.0] == "actual" and stances[120.0] == "actual" and stances[4300.0] == "actual"
    assert stances[610.0] == "target"


def test_a_goal_s_bound_still_plans_a_sentence_in_the_mood_of_a_plan():
    text = "加快重点项目建设,新开工项目80个以上。"
    assert _facts(text, 2025)[80.0] == "target"


def _tasks(text: str, year: int) -> list[str]:
    return [t.sentence for t in extract_tasks(text, year=year)]


# a county's plan report as its government site prints it: the index block without colons, the running header, the
# title and its delivery line, the opening formula, then the plan
PLAN_REPORT_PAGE = (
    "索引号 000123456/2025-00031 发布日期 2025-02-20 有效性 发布机构 某县人民政府\n\n"
    "县八届人大\n\n四次会议文件(7)\n\n"
    "某县2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)的报告\n\n"
    "(2025年1月15日在某县第八届人民代表大会第四次会议上)\n\n某县发展和改革局\n\n各位代表:\n\n"
    "受县政府委托,现将某县2024年国民经济和社会发展计划执行情况与2025年计划草案提请大会审议,请予审议。\n\n"
    "二、2025年重点工作\n\n实施农村公路提升行动,新建农村公路60公里。\n")

# a provincial report reposted by a site: the repost's blurb naming the meeting and the source line, then the works
REPOSTED_REPORT = (
    "2025年某省政府工作报告(全文)\n\n"
    "《2025年某省政府工作报告》2025年1月18日在某省第十四届人民代表大会第三次会议上,省长李某代表省人民政府"
    "向大会报告工作全文\n来源: | 来源:某省政府网 | 时间:2025-02-10 | 2301 次浏览 | 分享到:\n\n"
    "加快推进交通建设。实施农村公路提升行动,新建农村公路60公里。\n")


def test_a_plan_report_s_index_block_title_delivery_line_and_opening_formula_are_no_tasks():
    assert _tasks(PLAN_REPORT_PAGE, 2025) == ["实施农村公路提升行动,新建农村公路60公里。"]


def test_a_repost_s_blurb_naming_the_meeting_is_no_task():
    assert _tasks(REPOSTED_REPORT, 2025) == ["实施农村公路提升行动,新建农村公路60公里。"]


def test_works_after_the_frame_they_go_by_are_a_plan_s():
    text = ("紧紧围绕“一核两翼”总体布局,发挥中心城区辐射带动作用,实施沿江城镇带协同发展规划,"
            "加快南部新城建设。")
    assert _tasks(text, 2025) == ["紧紧围绕“一核两翼”总体布局,发挥中心城区辐射带动作用,实施沿江城镇带协同发展规划,"
                                  "加快南部新城建设。"]


def test_a_frame_before_a_deed_done_tells_no_plan():
    assert _tasks("围绕“一核两翼”总体布局,实施了沿江城镇带协同发展规划。", 2025) == []


GOALS = "主要预期目标是:地区生产总值增长5%左右,单位地区生产总值能耗降低3%,力争“十四五”以来累计降低12%左右。"


def test_a_promised_tally_since_a_period_began_is_a_goal():
    assert _facts(GOALS, 2024)[12.0] == "target"


def test_a_tally_since_a_year_without_a_promise_still_reports():
    assert _facts("2020年以来累计降低12%。", 2024)[12.0] == "actual"


def test_a_promised_tally_stays_with_the_goal_of_its_indicator():
    assert _tasks(GOALS, 2024) == ["地区生产总值增长5%左右",
                                   "单位地区生产总值能耗降低3%,力争“十四五”以来累计降低12%左右"]
