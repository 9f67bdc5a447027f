"""Rules added for documents beyond the seeds: each reads one construction of the genre."""

from tests.documents.helpers import facts, one


def test_a_decimal_duration_or_age_is_measured_in_years():
    fact = one("劳动年龄人口平均受教育年限达到11.2年。")
    assert (fact.indicator, fact.value, fact.unit) == ("劳动年龄人口平均受教育年限", 11.2, "年")
    assert one("人均预期寿命达到78.6岁。").unit == "岁"
    assert facts("2025年底前完成。") == []


def test_a_ratio_to_one_is_a_number_without_unit():
    fact = one("城乡收入比缩小到2.15∶1。")
    assert (fact.indicator, fact.value, fact.unit) == ("城乡收入比", 2.15, "")


def test_micrograms_per_cubic_metre_may_be_written_in_latin():
    assert one("PM2.5浓度为41μg/m³。").unit == "μg/m³"


def test_a_review_restating_the_count_of_its_list_adds_no_fact():
    assert facts("过去一年,女儿河、小凌河、百股河三条河流碧波荡漾。") == []
    planned = facts("今年将开工建设龙湾、友邻2座病险水库除险加固工程。")
    assert [(f.value, f.unit, f.stance) for f in planned] == [(2, "座", "target")]


def test_a_range_written_with_its_unit_twice_is_one_class_or_one_lower_bound():
    (fact,) = facts("其中,投资10亿元至50亿元的项目9个。")
    assert (fact.value, fact.unit) == (9, "个")
    (growth,) = facts("力争地区生产总值增长5%至6%。")
    assert (growth.value, growth.comparator) == (5, ">=")


def test_an_amount_describing_counted_things_is_not_a_fact_but_a_sum_is():
    (count,) = facts("打造3-5个年产值超10亿元的特色产业集群。")
    assert (count.value, count.unit, count.comparator) == (3, "个", ">=")
    review = "去年,东旭光电产业园和六佳薄膜发电产业园两个累计投资超300亿元的大项目签约落地。"
    assert [(f.value, f.unit) for f in facts(review)] == [(300, "亿元")]


def test_the_first_cue_of_a_sentence_sets_the_stance_that_carries_on():
    text = "方案提出,到2025年,粮食播种面积稳定在120万亩以上;累计建成高标准农田60万亩。"
    assert [f.stance for f in facts(text)] == ["target", "target"]
    text = "投资18亿元的产业园也已完成主体施工,预计明年6月投入使用。企业开办时间压缩至0.5个工作日。"
    assert [f.stance for f in facts(text)] == ["actual", "actual"]


def test_a_verb_closed_by_le_and_statistics_report_achievements():
    assert one("全市初步谋划储备了亿元以上项目515个。").stance == "actual"
    assert one("记者了解到,东林县农村居民人均可支配收入为17860元。").stance == "actual"


def test_words_that_only_look_like_plans_tell_no_plan():
    assert one("主要经济指标好于预期,地区生产总值增长5.9%。").stance == "actual"
    assert one("全市实施省级企业技术创新重点项目计划342项。").stance == "actual"
    assert one("东林县计划三年内新培育龙头企业15家。").stance == "target"


def test_a_plan_statement_of_a_subject_is_a_target():
    assert one("海城市将加速产业融合,新增高新技术企业8家。").stance == "target"


def test_a_projection_after_completion_is_a_target():
    assert one("一期达产后可实现年产值约40亿元。").stance == "target"


def test_a_duration_word_opening_a_clause_names_no_indicator():
    found = facts("农村居民人均可支配收入达到20480元,五年间年均增长9.2%。")
    assert [f.indicator for f in found] == ["农村居民人均可支配收入"] * 2


def test_huiji_is_a_verb_not_a_list():
    found = facts("改造老旧小区39个,惠及近21635户居民。")
    assert [f.indicator for f in found] == ["改造老旧小区", "惠及居民"]


def test_what_all_the_counted_things_did_names_them():
    assert one("沿黄14个乡镇全部建成污水处理设施。").indicator == "沿黄乡镇建成污水处理设施"


def test_shortening_a_time_is_a_decrease_of_it():
    fact = one("项目审批时限平均缩短40%以上。")
    assert (fact.indicator, fact.kind, fact.comparator) == ("项目审批时限", "decrease", ">=")


def test_a_later_year_in_a_top_level_heading_opens_the_plan():
    text = ("一、二〇二三年主要成绩\n全县新增规上工业企业16家。\n"
            "二、二〇二四年工作\n城镇新增就业4500人;新开通内贸航线3条。\n")
    assert [f.stance for f in facts(text)] == ["actual", "target", "target"]


def test_under_a_plan_title_what_no_cue_tells_is_promised():
    text = "临河市“十四五”时期主要指标\n(3)常住人口城镇化率:65%\n"
    fact = one(text)
    assert (fact.indicator, fact.value, fact.stance) == ("常住人口城镇化率", 65, "target")


def test_a_row_of_an_indicator_table_reads_its_name_before_the_colon():
    fact = one("(1)地区生产总值年均增长:6%以上\n")
    assert (fact.indicator, fact.kind, fact.comparator) == ("地区生产总值", "increase", ">=")
    assert one("(7)城镇调查失业率:<5.5%\n").comparator == "<="
    assert one("(9)人均预期寿命:79岁\n").unit == "岁"


def test_a_round_mark_passed_is_no_fact_but_lends_its_indicator():
    found = facts("全县地区生产总值首次突破百亿元大关,达到103.2亿元,增长7.1%。")
    assert [(f.indicator, f.value) for f in found] == [("地区生产总值", 103.2), ("地区生产总值", 7.1)]


def test_a_line_broken_inside_a_word_is_read_as_one_sentence():
    text = ("海城市将加速创新链、产业链、资金链、人才链“四链”深度融合,建设科技创新平台,全年新增高新技术企\n\n"
            "业8家,培育雏鹰瞪羚企业2家。\n")
    found = facts(text)
    assert [(f.indicator, f.value, f.stance) for f in found] == [
        ("新增高新技术企业", 8, "target"), ("培育雏鹰瞪羚企业", 2, "target")]
    assert all(text[f.start:f.end] == f.quote for f in found)


def test_a_size_in_a_products_description_is_no_fact():
    assert facts("企业自主研发的直径3.5米盾构机正式服务于地铁10号线。") == []


def test_a_count_of_a_plans_parts_frames_the_number_after_it():
    assert one("全面开展“城市治理年”活动,明确23个方面45项重点任务。").indicator == "重点任务"


def test_numbers_in_quoted_speech_are_facts_but_quoted_names_hide_theirs():
    found = facts("“今年我家种了15亩,收入比去年多了2万多元。”椒农张大姐说。")
    assert [(f.value, f.unit, f.kind) for f in found] == [(15, "亩", "level"), (2, "万元", "increase")]
    assert found[1].indicator == "收入"
    assert facts("坚持“8+3”产业布局,实施“16132”工程。") == []


def test_a_share_or_a_multiple_of_a_base_measures_the_previous_indicator():
    found = facts("实现外贸进出口总额13.8亿美元,占全市的41%。技术合同成交额8.3亿元,是上年的1.6倍。")
    trade, deals = "外贸进出口总额", "技术合同成交额"
    assert [f.indicator for f in found] == [trade, trade + "占全市", deals, deals]


def test_an_amount_naming_a_class_of_counted_things_is_no_fact():
    found = facts("营业收入超百亿元企业达到3家、超十亿元企业19家。")
    assert [(f.value, f.unit) for f in found] == [(3, "家"), (19, "家")]


def test_seeing_problems_clearly_is_no_plan():
    fact = one("我们也要清醒看到,规上工业企业仅有103家。")
    assert (fact.indicator, fact.stance) == ("规上工业企业", "actual")


def test_a_share_written_out_in_words_is_a_percentage():
    growth = one("农村居民人均可支配收入增长百分之八点二。")
    assert (growth.value, growth.unit, growth.kind) == (8.2, "%", "increase")
    cover = one("覆盖率达到百分之六十以上。")
    assert (cover.indicator, cover.value, cover.comparator) == ("覆盖率", 60, ">=")


def test_one_counts_before_working_days_but_not_as_an_article():
    fact = one("企业开办时间压缩到一个工作日。")
    assert (fact.value, fact.unit) == (1, "个工作日")
    assert facts("解决了一个问题。") == []


def test_sessions_count_but_a_projects_phase_does_not():
    fact = one("去年开设培训班二十六期,")
    assert (fact.indicator, fact.value, fact.unit) == ("开设培训班", 26, "期")
    assert facts("滨河路五期正在加快建设。") == []
    assert one("平均接通时长缩短至12秒。").unit == "秒"


def test_a_year_framing_an_articles_sentence_reports_that_year():
    text = "今年我们要力争签约项目50个。\n2024年,全县农村居民人均可支配收入达到21600元。到2027年翻一番。"
    assert [(f.value, f.stance) for f in facts(text)] == [(50, "target"), (21600, "actual")]


def test_the_year_before_last_reports_and_a_hope_promises():
    text = "今年我们将加快发展。\n我们村前年集体经济收入才八万元,今年有望突破五十万元。"
    assert [(f.indicator, f.value, f.stance) for f in facts(text)] == [
        ("集体经济收入", 8, "actual"), ("集体经济收入", 50, "target")]


def test_a_value_lists_last_unit_completes_the_others():
    found = facts("水电气报装平均办理时间分别压缩至2个、5个和4个工作日。")
    assert [(f.value, f.unit) for f in found] == [(2, "个工作日"), (5, "个工作日"), (4, "个工作日")]


def test_a_subjectless_change_continues_the_paragraphs_last_fact():
    text = "全市地区生产总值达到1865亿元,增长5.9%;今年,我们要锚定增长6%以上的目标。"
    last = facts(text)[-1]
    assert (last.indicator, last.value, last.comparator, last.stance) == ("地区生产总值", 6, ">=", "target")


def test_a_section_on_progress_reports_even_when_it_names_key_work():
    text = "2025年工作计划\n一、主要目标\n新开工项目30个。\n二、重点工作进展\n新开工项目28个。"
    assert [(f.value, f.stance) for f in facts(text)] == [(30, "target"), (28, "actual")]


def test_a_reporters_lead_may_come_before_the_year_frame():
    text = "方案提出,到2027年高新技术企业突破1200家。\n据了解,2024年海州市高新技术企业853家。"
    assert [(f.value, f.stance) for f in facts(text)] == [(1200, "target"), (853, "actual")]


def test_a_rate_per_head_names_the_thing_of_the_fact_before_it():
    last = facts("为2700名高龄老人发放高龄津贴,人均每月100元。")[-1]
    assert (last.value, last.unit) == (100, "元") and "高龄津贴" in last.indicator


def test_the_end_of_a_change_already_made_is_no_deadline():
    text = "近年来,收入10万元以上的村由2021年的37个增加到2024年的152个。"
    found = [(f.value, f.kind, f.stance) for f in facts(text)]
    assert found == [(37, "level", "actual"), (152, "level", "actual")]
    assert facts(text)[1].indicator == facts(text)[0].indicator


def test_the_base_of_a_change_is_a_level_and_a_new_step_is_no_fact():
    found = facts("近年来,企业开办时间由5个工作日压缩至0.5个工作日,迈上了200亿元新台阶。")
    assert [(f.value, f.kind) for f in found] == [(5, "level"), (0.5, "level")]


def test_a_gap_to_another_level_is_a_level():
    fact = facts("规上工业增加值增长9.8%,高于全市平均2.1个百分点。")[-1]
    assert (fact.value, fact.kind) == (2.1, "level")


def test_what_counted_things_did_year_on_year_does_not_move_the_count():
    assert one("过去一年,全区38家规上工业企业产值同比下降。").kind == "level"


def test_quoted_speech_opening_a_paragraph_is_not_framed_by_the_narrators_plan():
    text = "到2029年,全县将建成高标准农田45万亩。\n“我们算过一笔账,一亩大棚年纯收益可达2万元左右。”局长说。"
    assert [(f.value, f.stance) for f in facts(text)] == [(45, "target"), (2, "actual")]


def test_a_title_announcing_the_years_key_work_makes_a_plan():
    assert one("2025年重点工作安排\n(一)扩大投资。新开工项目480个以上。").stance == "target"


def test_the_speakers_of_a_meeting_are_no_fact():
    assert facts("刚才,5个乡镇和3个部门作了交流发言,讲得都很好。") == []


def test_events_held_count_even_before_their_name():
    fact = one("今年,各乡镇每季度至少举办1次专题招商活动。")
    assert (fact.value, fact.unit, fact.comparator) == (1, "次", ">=")


def test_a_qualifier_before_the_first_value_of_a_list_bounds_them_all():
    found = facts("力争石化、冶金产业集群营业收入分别突破1500亿元和900亿元。")
    assert [(f.value, f.comparator) for f in found] == [(1500, ">="), (900, ">=")]


def test_a_change_without_subject_is_said_of_the_clause_before_it():
    fact = one("今年,城乡居民人均可支配收入与经济增长同步,增长5.5%以上。")
    assert fact.indicator.startswith("城乡居民人均可支配收入") and fact.kind == "increase"


def test_a_title_announcing_a_policys_opinions_makes_a_plan():
    text = "省政府印发《关于支持锦川市加快建设区域中心城市的若干意见》\n近日,省政府提出28条支持措施。"
    assert one(text).stance == "target"


def test_an_amount_that_sets_who_qualifies_is_no_fact():
    assert facts("到2027年,对新引进的总投资50亿元以上的产业项目给予支持。") == []


def test_grades_of_a_list_share_the_noun_named_after_the_last():
    first, second = facts("到2027年,形成2个千亿级、6个百亿级产业集群。")
    assert first.indicator.endswith("千亿级产业集群") and second.indicator.endswith("百亿级产业集群")


def test_a_plans_outline_is_no_cue_and_an_evaluation_reports():
    text = "关于“十四五”规划纲要实施情况的中期评估报告\n规划纲要确定的28项主要指标中,已完成9项。"
    assert [f.stance for f in facts(text)] == ["actual", "actual"]


def test_a_number_naming_the_target_itself_is_a_target():
    found = facts("近年来,高新技术企业由31家增加到58家,已提前完成50家的规划目标。")
    assert [(f.value, f.stance) for f in found] == [(31, "actual"), (58, "actual"), (50, "target")]
    assert found[-1].indicator.startswith("高新技术企业")


def test_gigawatt_hours_are_a_capacity():
    fact = one("签约华晟储能年产10吉瓦时储能电池项目。")
    assert (fact.value, fact.unit) == (10, "吉瓦时")


def test_things_to_do_counted_in_a_speech_are_no_fact():
    assert facts("今年,我们将重点抓好三件事。") == []


def test_a_change_made_to_an_earlier_value_reports_both():
    found = facts("今年要再推出20项服务。\n项目审批时间由原来的90天压缩到了30天以内。")
    assert [(f.value, f.kind, f.stance) for f in found][1:] == [(90, "level", "actual"), (30, "level", "actual")]


def test_a_quickening_rate_is_an_increase():
    last = facts("上半年地区生产总值增长5.9%,比一季度加快1.3个百分点。")[-1]
    assert (last.value, last.kind) == (1.3, "increase")


def test_a_plan_missed_is_no_plan_and_still_pending_is_no_name():
    fact = one("一季度,全市仍有23个项目未按计划开工。")
    assert (fact.value, fact.stance) == (23, "actual") and not fact.indicator.startswith("仍")


def test_one_value_said_of_each_subject_is_one_fact_each():
    found = facts("力争化学需氧量、氨氮排放量分别削减5%。")
    assert [(f.indicator, f.value, f.kind) for f in found] == [
        ("化学需氧量", 5, "decrease"), ("氨氮排放量", 5, "decrease")]


def test_a_decimal_rate_without_unit_is_a_measure_when_bounded():
    fact = one("今年,亿元工业增加值生产安全事故死亡率控制在0.02以内。")
    assert (fact.value, fact.unit, fact.comparator) == (0.02, "", "<=")


def test_a_down_word_naming_a_kind_of_work_moves_nothing():
    assert one("全年完成重点减排工程14项。").kind == "level"


def test_a_change_after_a_share_of_the_budget_is_of_the_amount_before_it():
    found = facts("全市一般公共预算收入完成186.3亿元,为调整预算的101.2%,同比增长5.6%。")
    assert found[-1].indicator == "一般公共预算收入" and found[-1].kind == "increase"


def test_one_and_ten_count_things_added_but_one_stays_a_word_elsewhere():
    found = facts("过去一年,新增一所县级医院,打造十个示范村。今年力争新增上市公司一家。")
    assert [(f.value, f.unit, f.stance) for f in found] == [(1, "所", "actual"), (10, "个", "actual"),
                                                         (1, "家", "target")]
    assert facts("过去一年,解决了一个问题,实现一次办。") == []
