"""Rules read from the blind fact set (tests/documents/data/factset: single real sentences from many documents),
each on short sentences written here."""

from zhenxing.documents.extraction import extract_facts


def facts(text: str, year: int = 2024) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.unit, f.stance) for f in extract_facts(text, "t", year=year)]


# --- stance: a period of the plan year, measured, with no word of a plan ---------------------------------------------


def test_a_quarter_of_the_plan_year_measured_reports():
    found = facts("2024年第二季度,全县受理群众诉求3200件,办结率达98.5%。\n")
    assert [(f[1], f[3]) for f in found] == [(3200, "actual"), (98.5, "actual")]


def test_the_plan_year_measured_against_the_last_reports():
    found = facts("2024年全区蔬菜产量52万吨,比上年增加3万吨。\n")
    assert [(f[1], f[3]) for f in found] == [(52, "actual"), (3, "actual")]


def test_a_quarter_of_the_plan_year_with_a_plan_word_still_plans():
    found = facts("2024年第二季度,力争全县新开工项目30个。\n")
    assert [(f[1], f[3]) for f in found] == [(30, "target")]


def test_the_plan_year_alone_still_plans():
    assert [f[3] for f in facts("2024年地区生产总值增长6%。\n")] == ["target"]


def test_an_event_held_somewhere_in_a_quarter_names_no_plan():
    found = facts("3月5日,我县2024年第一季度项目集中签约仪式在市会展中心举行,共签约企业12家。\n")
    assert [(f[1], f[3]) for f in found] == [(12, "actual")]


def test_a_planned_class_of_projects_frames_only_its_own_count():
    found = facts("计划投产项目9宗,完成投资6.2亿元;新开工项目12宗,完成投资8.5亿元。\n")
    assert [(f[1], f[3]) for f in found] == [(9, "target"), (6.2, "actual"), (12, "actual"), (8.5, "actual")]


# --- indicators and units ---------------------------------------------------------------------------------------------


def test_the_target_surpassed_is_named_like_the_deed_not_by_chao_e():
    found = facts("全年新建口袋公园35个,超额完成30个的年度目标任务。\n", year=2020)
    assert [(f[1], f[3]) for f in found] == [(35, "actual"), (30, "target")]
    assert "口袋公园" in found[-1][0] and "超额" not in found[-1][0]


def test_per_mille_points_are_a_unit():
    found = facts("出生率为6.1‰,比上年下降0.4个千分点。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(6.1, "‰"), (0.4, "个千分点")]


def test_letters_and_thousand_hectares_are_units():
    found = facts("全年收到群众来信52封,粮食播种面积120.5千公顷。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(52, "封"), (120.5, "千公顷")]


def test_a_doubled_decimal_point_is_read_as_one():
    assert [(f[1], f[2]) for f in facts("原煤产量同比下降12..6%。\n")] == [(12.6, "%")]


# --- what is no fact --------------------------------------------------------------------------------------------------


def test_the_places_an_average_is_taken_over_are_no_count():
    found = facts("1-6月,全省21个城市平均优良天数比例为88.2%,同比上升1.5个百分点。\n")
    assert [(f[1], f[2]) for f in found] == [(88.2, "%"), (1.5, "个百分点")]


def test_a_count_of_cities_doing_something_is_still_a_count():
    assert [(f[1], f[2]) for f in facts("全年有12个城市建成海绵城市示范区。\n")] == [(12, "个")]


def test_the_size_of_a_sample_survey_is_no_measure():
    found = facts("据全市1‰人口变动抽样调查推算,年末常住人口58.6万人。\n")
    assert [(f[1], f[2]) for f in found] == [(58.6, "万人")]


def test_a_planned_class_frames_its_total_until_a_deed_is_told():
    found = facts("计划开工项目40个,总投资120亿元;续建项目25个,完成投资30亿元。\n")
    assert [(f[1], f[3]) for f in found] == [(40, "target"), (120, "target"), (25, "actual"), (30, "actual")]



def test_a_change_to_an_end_point_names_nothing_and_the_subject_carries_over():
    found = facts("贫困发生率下降2.1个百分点,降至1.5%。\n", year=2020)
    assert [(f[0], f[1]) for f in found] == [("贫困发生率", 2.1), ("贫困发生率", 1.5)]
    found = facts("全县贫困人口由1200户3500人减至80户150人。\n", year=2020)
    assert [f[0] for f in found] == ["贫困人口"] * 4 and [f[1] for f in found] == [1200, 3500, 80, 150]


def test_the_field_of_a_ranking_by_growth_is_no_count():
    found = facts("税收收入12.5亿元,增长8.1%,在全省21个县区中增速排名第二。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(12.5, "亿元"), (8.1, "%")]


def test_a_charging_pile_in_traditional_characters_reads_as_simplified():
    found = facts("全區建成充電樁120個。\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("建成充电桩", 120)]


def test_the_field_of_a_ranking_without_zhong_is_no_count():
    found = facts("2023年全县地区生产总值增长7.2%,经济总量居全市12个县区第2位。\n", year=2023)
    assert [f[1] for f in found] == [7.2]
    found = facts("2023年规上工业增加值增速位列全省28个同类县第一。\n", year=2023)
    assert [f[1] for f in found] == []
    # a count followed by an ordinal phase is still a count
    assert [f[1] for f in facts("2023年全县建成12个示范村。\n", year=2023)] == [12]


def test_a_word_broken_by_a_line_end_inside_a_sentence_is_joined():
    found = facts("全县地区生产总值增长6.1%;固定资产投资增\n长9.5%;社会消费品零售总额增长4.3%。\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("地区生产总值", 6.1), ("固定资产投资", 9.5), ("社会消费品零售总额", 4.3)]
    # lines that each end on a figure are items of their own, not one broken sentence
    found = facts("新建道路5公里,改造桥梁3座\n改造学校2所,新增绿地8公顷\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("新建道路", 5), ("改造桥梁", 3), ("改造学校", 2), ("新增绿地", 8)]


def test_a_unit_written_around_its_number_reads_as_one_rate():
    found = facts("2023年全市细颗粒物平均浓度为每立方米28微克,同比下降6.5%。\n", year=2023)
    assert [(f[1], f[2]) for f in found] == [(28, "微克/立方米"), (6.5, "%")]
    assert found[0][0] == "细颗粒物平均浓度"
    found = facts("2023年全市饮用水中硝酸盐平均含量为每升3.2毫克。\n", year=2023)
    assert [(f[1], f[2]) for f in found] == [(3.2, "毫克/升")]
    # a base written before a count is no unit of it (每千人口床位6.5张)
    assert [(f[1], f[2]) for f in facts("2023年每千人口床位6.5张。\n", year=2023)] == [(6.5, "张")]


def test_how_many_years_in_a_row_names_no_indicator():
    found = facts("2023年全省粮食总产量达到650亿斤,连续5年保持在600亿斤以上。\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("粮食总产量", 650), ("粮食总产量", 600)]
    found = facts("2023年全县规上工业增加值连续三个季度稳定在12亿元以上。\n", year=2023)
    assert [(f[0], f[1]) for f in found] == [("规上工业增加值", 12)]


# --- round 3 (gathered after round 2's fixes) ------------------------------------------------------------------------


def test_a_figure_closing_the_text_is_read():
    # a headline or a list's line as printed, nothing after its unit
    assert [(f[1], f[2]) for f in facts("新建公办幼儿园8所")] == [(8, "所")]
    assert [(f[1], f[2]) for f in facts("全县计划新增公共停车位300个")] == [(300, "个")]


def test_an_indicator_abbreviation_before_a_number_with_its_unit_is_no_code():
    found = facts("2023年,全市完成GDP1200亿元。\n")
    assert [(f[1], f[2]) for f in found] == [(1200, "亿元")] and found[0][0].endswith("GDP")
    # a name built of letters and digits stays a name
    assert [f[1] for f in facts("PM2.5平均浓度下降5%,G205国道建成通车。\n")] == [5]


def test_bare_numbers_listed_before_the_one_carrying_the_unit_share_it():
    found = facts("东区、西区的完成率分别低于序时进度3.2、1.5个百分点。\n")
    assert [(f[1], f[2]) for f in found] == [(3.2, "个百分点"), (1.5, "个百分点")]
    found = facts("城东、城西和城南园区产值分别增长12、8.5和6%。\n")
    assert [(f[1], f[2]) for f in found] == [(12, "%"), (8.5, "%"), (6, "%")]
    found = facts("一产和三产占比分别下降0.4和0.9个百分点。\n")  # joined by 和 alone
    assert [(f[1], f[2]) for f in found] == [(0.4, "个百分点"), (0.9, "个百分点")]
    # months and ordinals listed carry no measure
    assert [f[1] for f in facts("1、2月份全县完成投资8亿元,第1、2批项目占比40%。\n")] == [8, 40]


def test_how_a_change_was_reckoned_names_nothing():
    found = facts("全县生产总值120亿元,按可比价计算增长6%。\n")
    assert [(f[0], f[1]) for f in found] == [("生产总值", 120), ("生产总值", 6)]


def test_a_chinese_ordinal_opening_a_line_is_no_part_of_the_indicator():
    assert [f[0] for f in facts("二、新建养老服务中心12个\n")] == ["新建养老服务中心"]
    assert [f[0] for f in facts("(三)新增城镇就业3000人。\n")] == ["新增城镇就业"]


def test_a_capacity_in_kilolitres_is_one_unit_and_trial_production_has_not_reached_it():
    found = facts("某酒业新建年产8万千升白酒项目目前在投料试产阶段。\n")
    assert [(f[1], f[2], f[3]) for f in found] == [(8, "万千升", "target")]
    found = facts("某酒业年产8万千升白酒项目已建成投产。\n")
    assert [(f[1], f[2], f[3]) for f in found] == [(8, "万千升", "actual")]


def test_bandwidth_in_zhao_with_an_arabic_number_measures():
    found = facts("全县已实现千兆光网进村,农村接入带宽达到50兆以上。\n")
    assert [(f[1], f[2], f[3]) for f in found] == [(50, "兆", "actual")]
    assert facts("建设千兆光网,打造万兆园区。\n") == []


def test_a_score_written_without_its_unit_measures():
    found = facts("我县以97.2的高分通过省级文明城市测评。\n", year=2023)
    assert [(f[1], f[2]) for f in found] == [(97.2, "")]


def test_a_list_s_count_before_its_planned_amount_names_the_things_counted():
    found = facts("全市86个省重点项目年度计划投资420亿元。\n")
    assert [(f[0], f[1]) for f in found] == [("省重点项目", 86), ("省重点项目年度计划投资", 420)]
    found = facts("签约12个项目总投资56亿元。\n")
    assert [(f[1], f[-1]) for f in found][0][0] == 12
    assert [q.comparator for q in extract_facts("签约12个项目总投资56亿元。\n", "t", year=2024)] == ["=", "="]


def test_a_bulletin_s_head_count_without_its_unit_measures():
    found = facts("年末全县户籍人口531270,比上年末减少1820人。\n", year=2023)
    assert [(f[1], f[2], f[0].endswith("户籍人口")) for f in found] == [(531270, "", True), (1820, "人", True)]
    assert facts("全县人口2019年,增长3%。\n", year=2023) == []  # a year after 人口 is no count


def test_a_capacity_per_year_before_a_project_s_name_names_the_project():
    found = facts("推进某化工30万吨/年乙二醇项目建设。\n")
    assert [(f[1], f[2]) for f in found] == [(30, "万吨")] and found[0][0].endswith("乙二醇")


def test_a_capacity_of_a_project_not_finished_is_not_reached():
    found = facts("计划竣工项目10项,实际竣工8项;未按期竣工2项,为某公司50MW光伏项目、某化工10万吨/年甲醇项目。\n",
                  year=2022)
    assert [(f[1], f[3]) for f in found if f[2] in ("MW", "万吨")] == [(50, "target"), (10, "target")]
