"""Rules read from held-out batch R25 (a district's voted livelihood list, a city's livelihood works in 繁体, a
district's goals in 繁体 + pinyin, a city's monthly hotline report, a county-level city's plan execution report, a
city paper's bare-line digest), each on short sentences written here."""

from zhenxing.documents.extraction import extract_facts, extract_tasks


def facts(text: str, **when) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.unit, f.stance) for f in extract_facts(text, "t", **when)]


def tasks(text: str, year: int = 2025) -> list[tuple[str, str, str]]:
    return [(t.sentence, t.lead_unit, t.deadline) for t in extract_tasks(text, year=year)]


# --- stance ---------------------------------------------------------------------------------------------------


def test_numbered_action_headings_of_a_voted_list_frame_their_lines_as_the_plan():
    text = ("2025年1月8日,某区人大会议票决产生2025年十件民生实事。\n"
            "一、加快推进老旧小区改造。\n新增改造城镇老旧小区不少于40个。\n"
            "二、开展免费体检。\n为不少于5000名老人提供免费体检。\n")
    assert [f[3] for f in facts(text, year=2025)] == ["target", "target"]


def test_a_numbered_heading_telling_no_action_still_frames_nothing():
    text = "2025年1月8日,某区召开会议。\n一、教育发展情况。\n全区共有学校40所。\n"
    assert [f[3] for f in facts(text, year=2025)] == ["actual"]


def test_a_digest_s_short_part_lines_led_by_a_year_set_review_and_plan():
    text = ("2024年某市\n交答卷!\n地区生产总值增长5%\n"
            "2025年某市\n下战书!\n主要预期目标:\n地区生产总值增长6%\n……\n先进制造业\n数字经济增加值增长12%以上\n")
    assert [(f[1], f[3]) for f in facts(text, year=2025)] == [(5, "actual"), (6, "target"), (12, "target")]


def test_a_month_of_the_plan_year_measured_against_the_month_before_is_reported():
    text = ("2025年4月,我市热线共受理工单1200件,环比下降2.5%。其中:咨询类300件,占比25%。\n")
    assert [f[3] for f in facts(text, year=2025)] == ["actual"] * 4


def test_a_month_of_the_plan_year_without_a_measured_change_still_plans():
    assert [f[3] for f in facts("2025年6月,建成投用污水处理厂1座。\n", year=2025)] == ["target"]


# --- facts ----------------------------------------------------------------------------------------------------


def test_a_bare_rate_noun_after_an_amount_measures_that_amount():
    found = facts("力争税收收入达到8亿元、增幅10%以上。\n", year=2025)
    assert [(f[0], f[1]) for f in found] == [("税收收入", 8), ("税收收入", 10)]


def test_a_share_of_the_year_s_plan_takes_the_subject_before_it():
    text = "——年计划完成税收收入10亿元,1—10月完成8亿元,全年预计完成9.5亿元,完成年计划的95%。\n"
    found = facts(text, year=2025)
    assert found[-1][:2] == ("年计划完成税收收入完成年计划", 95)
    assert not any(f[0].startswith(("-", "—")) for f in found)


def test_a_year_inside_the_words_before_a_number_ends_the_subject_unless_in_an_aside():
    assert facts("市政府确定了2025年将筹措资金30亿元以上。\n", year=2025)[0][0] == "筹措资金"
    assert facts("教育支出(扣除2024年专项资金外)增长3%。\n", year=2025)[0][0] == "教育支出(扣除2024年专项资金外)"


def test_a_traditional_yi_for_a_post_station_reads_as_simplified():
    assert facts("今年新建5個健康驛站。\n", year=2025)[0][0] == "新建健康驿站"


def test_a_list_s_own_size_its_parts_in_brackets_and_its_batches_are_no_facts():
    text = ("今年的为民办实事项目分为省级和市级两个批次,第一批为市级项目,共40个,年度投资计划9亿元。\n"
            "一、教育惠民工程(项目5个,其中基建类4个、“小而美”类1个)。主要是新建幼儿园12所。\n")
    assert [(f[1], f[2]) for f in facts(text, year=2025)] == [(9, "亿元"), (12, "所")]


def test_a_count_with_gong_outside_a_list_s_sentence_still_counts():
    assert [(f[1], f[2]) for f in facts("全县新开工项目共40个。\n", year=2025)] == [(40, "个")]


# --- tasks ----------------------------------------------------------------------------------------------------


def test_growth_goals_joined_by_a_dun_comma_are_one_task_each():
    text = "今年主要预期目标是:力争工业投资增幅12%以上、社会消费品零售总额增长8%以上,财政收入达到9亿元、增幅6%。\n"
    assert [t[0] for t in tasks(text)] == ["力争工业投资增幅12%以上", "社会消费品零售总额增长8%以上",
                                          "财政收入达到9亿元、增幅6%"]


def test_a_paragraph_of_goals_without_figures_after_a_goals_list_goes_on_with_it():
    text = ("今年主要预期目标是:地区生产总值增长6%,城镇新增就业3000人。\n"
            "粮食播种面积保持稳定,生态环境质量持续改善,完成上级下达的节能减排任务。\n")
    found = tasks(text)
    assert [t[0] for t in found][2:] == ["粮食播种面积保持稳定", "生态环境质量持续改善", "完成上级下达的节能减排任务"]
    assert [t[1] for t in found][2:] == ["农业农村局", "生态环境局", "发展改革委"]


def test_a_paragraph_after_a_goals_list_that_is_no_list_of_goals_stays_one_task():
    text = ("今年主要预期目标是:地区生产总值增长6%,城镇新增就业3000人。\n"
            "坚持稳中求进,大力发展县域经济,加快建设产业园区。\n")
    assert [t[0] for t in tasks(text)][2:] == ["坚持稳中求进,大力发展县域经济,加快建设产业园区。"]


def test_rebuilding_and_setting_up_are_actions():
    text = ("2025年十件民生实事:\n一、加强公园建设。\n新、改建不少于50个口袋公园,让市民推门见绿。\n"
            "设立科技成果转化基金。\n")
    assert [t[0][:8] for t in tasks(text)] == ["新、改建不少于5", "设立科技成果转化"]


def test_what_a_list_covers_is_no_task():
    text = "2025年1月8日,某区人大会议票决产生2025年十件民生实事。涵盖教育、交通、健康、环境提升等民生大事。\n"
    assert tasks(text) == []


def test_a_report_s_opening_formula_and_a_shortfall_s_reasons_are_no_tasks():
    text = ("受市人民政府委托,报告我市2024年计划执行情况与2025年计划草案,请予审查。\n"
            "其中,固定资产投资离年度计划目标有一定差距,主要原因有:一是项目储备不足。\n")
    assert tasks(text) == []


def test_rural_residents_income_alone_is_led_by_agriculture():
    assert tasks("今年主要预期目标是:力争农村居民可支配收入增速快于城镇居民。\n")[0][1] == "农业农村局"


def test_an_action_before_a_line_of_figures_is_a_work_not_a_label():
    text = ("2025年将实施为民办实事十大工程。\n"
            "二、就业惠民工程(项目3个)。主要是开展就业服务月活动,全年举办100场招聘会,提供1万个就业岗位。\n")
    assert [t[0] for t in tasks(text)][1:] == ["开展就业服务月活动", "全年举办100场招聘会", "提供1万个就业岗位"]


def test_a_label_before_a_line_of_figures_is_still_no_task():
    text = "二、2025年工作安排\n经济结构和质量效益不断提升,服务业增加值占比达到50%左右,研发投入强度达到2.5%。\n"
    assert [t[0] for t in tasks(text)] == ["服务业增加值占比达到50%左右", "研发投入强度达到2.5%"]


def test_places_a_build_provides_stay_with_it_when_written_as_a_supply():
    text = "2025年为民办实事:\n新建幼儿园5所、小学2所,新增学位供给3000个以上;为500名学生提供营养餐。\n"
    assert [t[0] for t in tasks(text)][0] == "新建幼儿园5所、小学2所,新增学位供给3000个以上"


def test_raising_funds_is_led_by_finance():
    assert tasks("2025年将筹措资金10亿元以上,实施十大惠民工程。\n")[0][1] == "财政局"


def test_an_action_heading_does_not_turn_a_review_told_in_words_into_a_plan():
    text = "今年以来,我县主要做了以下工作。\n一、加强基础设施建设。\n全年新建道路20公里。\n"
    assert [f[3] for f in facts(text, year=2025)] == ["actual"]


def test_a_title_led_by_the_plan_year_sets_no_plan_over_the_review_below_it():
    text = "2025年政府工作报告\n各位代表:\n一年来,我们做了大量工作。\n全县地区生产总值增长5%。\n"
    assert [f[3] for f in facts(text, year=2025)] == ["actual"]


def test_the_time_spent_before_a_count_is_no_fact_but_a_service_time_is():
    assert [(f[1], f[2]) for f in facts("副市长现场接听热线两小时共接听来电12个。\n", year=2025)] == [(12, "个")]
    assert [(f[1], f[2]) for f in facts("企业开办时间压缩至2小时以内。\n", year=2025)] == [(2, "小时")]
