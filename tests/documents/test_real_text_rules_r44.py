"""Rules found on held-out batch R44 (a feature turning from the year reviewed to the year ahead, a year's programme
of projects, a set named again to list its parts, a gap to the target written 塌目标), each on short sentences written
for it."""

from zhenxing.documents.extraction import extract_facts


def _facts(text: str, year: int) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit, f.indicator, f.stance) for f in extract_facts(text, "t", year=year)]


def _stances(text: str, year: int) -> dict[float, str]:
    return {value: stance for value, _, _, stance in _facts(text, year)}


# --- the narration turns to the year ahead: the review told in the paragraph before frames nothing after it


def test_goals_after_standing_at_a_new_starting_point_plan():
    text = ("去年,全县经受住了多重考验,各项事业稳步发展。\n"
            "站在新的起点上,全县干部群众鼓足干劲再出发:“全县生产总值增长7%,农民人均收入增长8%以上。”")
    assert _stances(text, 2021) == {7.0: "target", 8.0: "target"}


def test_goals_after_setting_out_again_plan():
    text = ("过去的2022年,全区经济总体平稳。\n"
            "而今,我们明确方向,再出发!粮食产量稳定在30万吨以上,城镇新增就业5000人。")
    assert _stances(text, 2023) == {30.0: "target", 5000.0: "target"}


def test_in_the_new_year_plans():
    text = "2023年,全市新建公园12个。\n新的一年,全市新建口袋公园20个,改造老旧小区50个。"
    assert _stances(text, 2024) == {12.0: "actual", 20.0: "target", 50.0: "target"}


def test_a_review_without_such_a_turn_still_reviews():
    text = "过去的2022年,是极不平凡的一年。\n这一年,全区生产总值增长6.2%,新增市场主体3000户。"
    assert _stances(text, 2023) == {6.2: "actual", 3000.0: "actual"}


def test_setting_out_again_is_no_restart_of_a_review_word():
    # 重新出发 / 新出发 are not 再出发; the deed the sentence tells stays a deed
    text = "去年,全镇新建村道12公里,全镇重新出发以来已建成文化广场3个。"
    assert _stances(text, 2024) == {12.0: "actual", 3.0: "actual"}


# --- a year's programme of projects measured against the year before: the list as it stands, not a promise


def test_this_year_s_programme_measured_against_last_year_s_is_the_list_that_stands():
    got = _stances("今年全省重点推进投资亿元以上的大中型建设项目2100个,总投资1.6万亿元,同比增长8%。", 2023)
    assert got == {2100.0: "actual", 1.6: "actual", 8.0: "actual"}


def test_a_named_year_s_programme_after_a_comma_measured_against_the_last_is_the_list_too():
    got = _stances("2024年,全市实施市级重点项目260个,比上年增加30个,年度计划投资210亿元。", 2024)
    assert got == {260.0: "actual", 30.0: "actual", 210.0: "target"}


def test_a_programme_not_measured_against_the_year_before_still_plans():
    assert _stances("今年全省实施重点项目120个,总投资300亿元。", 2023) == {120.0: "target", 300.0: "target"}


def test_a_programme_with_a_word_of_plan_plans():
    assert _stances("今年将实施重点项目120个,比上年增加10个。", 2023) == {120.0: "target", 10.0: "target"}
    assert _stances("今年全县计划实施项目80个,同比增加5个。", 2023) == {80.0: "target", 5.0: "target"}


def test_a_programme_in_a_plan_s_section_still_plans():
    text = "二、2024年工作安排\n全年实施市级重点项目350个,力争纳入省级重点项目150个以上。\n"
    assert _stances(text, 2024) == {350.0: "target", 150.0: "target"}


def test_this_year_s_other_works_still_plan():
    assert _stances("今年新建农村公路120公里,比上年多20公里。", 2023) == {120.0: "target", 20.0: "target"}


# --- a set counted before, named again to list what it holds, is no new count


def test_a_set_named_again_to_list_its_parts_is_not_counted_again():
    text = ("今年全省重点推进大中型项目900个,总投资5000亿元。"
            "从结构上看,900个大中型项目主要包括3个方面:基础设施项目300个;产业项目500个;民生项目100个。")
    got = _facts(text, 2023)
    assert [v for v, *_ in got if v == 900.0] == [900.0]
    assert {v for v, *_ in got} >= {300.0, 500.0, 100.0}


def test_a_first_count_listing_its_parts_is_counted():
    got = _facts("全县120个重点项目包括产业项目80个、民生项目40个。", 2023)
    assert {v for v, *_ in got} == {120.0, 80.0, 40.0}


# --- a gap to the target written 塌目标 is the measure before it, like 低于目标


def test_a_gap_below_the_target_written_ta_names_the_measure_before_it():
    got = _facts("上半年,全区一般公共预算收入完成15.2亿元,同比增长2.1%,塌目标6.9个百分点。", 2023)
    gap = [g for g in got if g[0] == 6.9]
    assert gap and gap[0][2] == "一般公共预算收入" and gap[0][3] == "actual"


def test_a_subsidence_area_is_no_gap():
    got = _facts("治理采煤塌陷区12平方公里。", 2023)
    assert got and "塌陷" in got[0][2]


# --- a place's people in a phrase and ordinals listed before a meeting are no counts


def test_a_place_s_people_in_a_phrase_is_no_count():
    text = "两会时间,80万安宁人民热切关注。代表们肩负着全区120万各族人民的重托,也肩负着全市300多万人民的期盼。"
    assert _facts(text, 2024) == []


def test_money_and_people_reached_are_still_counted():
    got = _facts("项目惠及2万人民群众,全年接待游客80万人次。", 2024)
    assert {v for v, *_ in got} == {2.0, 80.0}


def test_ordinals_listed_before_a_plenary_session_are_no_counts():
    assert _facts("认真落实市委十一届五次、六次全会精神,按照县委十二届七次、八次全会部署。", 2025) == []


def test_events_listed_by_their_number_of_times_are_still_counted():
    got = _facts("全年组织开展安全检查12次,其中联合检查5次。", 2024)
    assert {v for v, *_ in got} == {12.0, 5.0}


# --- tasks: an event's attendance and format, a document's title, a frame of mind are no tasks; 开复工 is a work


def _tasks(text: str, year: int) -> list[str]:
    from zhenxing.documents.extraction import extract_tasks

    return [t.sentence for t in extract_tasks(text, year=year)]


def test_who_attended_and_chaired_the_event_is_no_task():
    text = ("今年将新建农村公路100公里。市委书记王五出席会议并宣布开工,市委副书记、市长赵六主持会议。"
            "本次活动采取视频联动方式,主会场设在经开区,各县区分别设立分会场。")
    assert _tasks(text, 2024) == ["今年将新建农村公路100公里"]


def test_a_report_s_title_line_is_no_task():
    text = "某某县人民政府关于2024年上半年国民经济和社会发展计划执行情况的报告\n下半年将新开工项目20个。\n"
    got = _tasks(text, 2024)
    assert all("的报告" not in s for s in got) and got


def test_a_frame_of_mind_is_no_task():
    assert _tasks("新的一年我们要更加坚定发展信心,增强工作信心,激发市场信心。", 2025) == []


def test_starting_and_restarting_works_is_a_work():
    got = _tasks("市里确定,二季度要开复工重点项目120个,总投资560亿元。", 2024)
    assert got and "开复工" in got[0]
