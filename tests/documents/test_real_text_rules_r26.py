"""Rules read from held-out batch R26 (a provincial capital's report outline, a county's supervision notice, a
development zone's plan, a county's project start, a city's key-project plan, a development zone's summary), each on
short sentences written here."""

from zhenxing.documents.extraction import extract_facts, extract_tasks


def facts(text: str, **when) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.unit, f.stance) for f in extract_facts(text, "t", **when)]


def tasks(text: str, year: int = 2024) -> list[tuple[str, str, str]]:
    return [(t.sentence, t.lead_unit, t.deadline) for t in extract_tasks(text, year=year)]


# --- facts ----------------------------------------------------------------------------------------------------


def test_a_list_of_ordinals_in_chinese_numerals_is_no_count():
    found = facts("全市第一、二、三批挂钩项目共40个,其中第一、二批已开工。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(40, "个")]


def test_the_plan_s_schedule_in_a_progress_notice_is_no_plan():
    text = "截至6月底,重点项目累计投资8亿元。\n目前建设工程有4个未达计划进度,占比20%。\n"
    assert [f[3] for f in facts(text, year=2024)] == ["actual", "actual", "actual"]
    assert tasks(text) == []


def test_the_titles_listed_under_a_related_news_line_are_no_part_of_the_text():
    text = ("今年某市新增重点项目12个\n本报讯 近日,某市新增市级重点项目12个,总投资80亿元。\n\n新闻推荐\n\n"
            "某地将发行300万套纪念邮票 出售期6个月\n")
    assert [(f[1], f[2]) for f in facts(text, year=2024)] == [(12, "个"), (12, "个"), (80, "亿元")]


def test_a_breadcrumb_broken_after_its_first_step_is_page_furniture():
    text = ("首页>\n> 政务公开 > 政府信息公开目录 > 乡镇公开目录 > 某园区(某街道) > 规划计划 > 计划总结\n"
            "索引号: 0010/2025-001 发布机构: 某园区(某街道)\n某园区2024年工作总结和2025年工作思路\n"
            "一、2024年工作总结\n全年完成工业总产值120亿元,同比增长5%。\n")
    assert tasks(text, year=2025) == []
    assert [f[3] for f in facts(text, year=2025)] == ["actual", "actual"]


def test_a_count_in_words_of_a_quoted_name_closing_the_clause_is_a_slogan():
    found = facts("一、2023年工作总结\n园区聚焦两个“首位战略”,建成3个“智慧工厂”,认定两个“专精特新”企业。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(3, "个"), (2, "个")]


def test_a_count_after_two_names_and_a_deed_counts_the_deed():
    found = facts("截至5月底,道路和桥梁工程主体完工2个,学校和医院建成2所。南河、北河两条河流已治理。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(2, "个"), (2, "所")]


def test_a_batch_s_sums_are_named_after_the_projects_counted_and_its_examples_keep_their_size():
    text = ("5月6日,某县2024年第二季度总投资30亿元,年度投资12亿元的20个重点项目集中开工。"
            "本次开工的还有投资2亿元的某某产业园、1.5亿元的新型建材生产线等6个工业类项目。\n")
    found = facts(text, year=2024)
    assert [(f[0], f[1]) for f in found][:3] == [("重点项目集中开工总投资", 30), ("年度投资", 12),
                                                 ("重点项目集中开工", 20)]
    assert [(f[1], f[2]) for f in found][3:] == [(2, "亿元"), (1.5, "亿元"), (6, "个")]
    assert found[4][0] == "新型建材生产线" and found[4][3] == "target"


def test_a_recalled_count_opening_a_sentence_and_an_inclusive_bound_are_no_new_facts():
    text = ("今年全市安排重点项目120个,总投资900亿元。120个重点项目中,总投资10亿元以上(含10亿元)项目共25个。\n")
    found = facts(text, year=2024)
    assert [(f[1], f[2]) for f in found] == [(120, "个"), (900, "亿元"), (25, "个")]


def test_a_named_project_s_investment_before_the_capacity_in_its_name_is_its_size():
    found = facts("本次开工的有投资3亿元的某某50MW光伏发电项目。\n", year=2024)
    assert [(f[1], f[2]) for f in found] == [(3, "亿元"), (50, "MW")]
    assert found[0][3] == "target"


# --- tasks ----------------------------------------------------------------------------------------------------


def test_a_plan_period_s_goals_under_its_own_heading_after_a_review_are_tasks_but_not_the_long_range_vision():
    text = ("二、“十三五”主要成就\n1、产业结构持续优化\n2、民生保障不断加强\n“十四五”时期主要目标\n"
            "一、“十四五”时期,全市生产总值年均增长6%,居民收入与经济增长基本同步。\n"
            "二、到2035年,建成区域性物流枢纽,基本实现社会主义现代化远景目标。\n")
    found = tasks(text, year=2021)
    assert len(found) == 1 and "年均增长6%" in found[0][0] and "基本同步" in found[0][0]
    assert found[0][2] == "2025-12-31"


def test_a_work_item_driving_a_sector_is_a_task():
    text = "2024年重点工作\n(一)推动产业升级\n1、以科技创新带动制造业强县\n2、以项目建设带动园区扩容\n"
    assert [t[0] for t in tasks(text)] == ["以科技创新带动制造业强县", "以项目建设带动园区扩容"]


def test_a_numbered_slogan_announcing_the_items_to_come_is_no_task():
    text = ("2024年工作安排\n具体工作中,力争实现“三个新提升”。\n一是推进园区扩容,新增工业用地500亩。\n"
            "二是加快招商引资,引进亿元以上项目10个。\n")
    found = [t[0] for t in tasks(text)]
    assert not any("三个新提升" in t for t in found) and len(found) == 2


def test_a_project_list_s_sizes_stay_with_its_goal():
    text = "2024年工作安排\n今年全县计划实施五大类120个重点项目,总投资300亿元、年度投资90亿元。\n"
    assert [t[0] for t in tasks(text)] == ["今年全县计划实施五大类120个重点项目,总投资300亿元、年度投资90亿元"]


def test_a_project_start_story_s_account_of_the_visit_and_the_projects_effects_is_no_task():
    text = ("5月8日,某县2024年第二季度重点项目集中开工。\n据了解,今年全县计划实施重点项目80个,年度投资40亿元。"
            "其中,投资3亿元的文旅综合体项目,主要建设酒店和游客中心,该项目的建设将有力提升县城品质。"
            "投资1亿元的冷链物流园等6个项目,这些项目将进一步推动全县产业提质增效。"
            "当天,与会人员还前往产业园项目建设现场、县医院改扩建项目建设现场实地观摩。\n")
    found = [t[0] for t in tasks(text)]
    assert "今年全县计划实施重点项目80个,年度投资40亿元" in found
    assert not any(word in t for t in found for word in ("文旅综合体", "冷链物流园", "观摩"))


def test_a_fenbie_list_whose_values_move_different_ways():
    text = "2023年,工业投资和服务业投资分别20亿元、15亿元,分别同比增长8%、下降5%,分别完成目标任务的90%、85%。\n"
    found = [(f[0], f[1]) for f in facts(text, year=2024)]
    assert found == [("工业投资", 20), ("服务业投资", 15), ("工业投资", 8), ("服务业投资", 5), ("工业投资", 90),
                     ("服务业投资", 85)]
    assert [f.kind for f in extract_facts(text, "t", year=2024)][2:4] == ["increase", "decrease"]


def test_a_work_s_topic_sentence_is_led_by_the_unit_of_the_sentence_after_it():
    text = ("2024年工作安排\n一是牢记使命担当,在服务重大战略上取得新突破。深度融入京津冀协同发展,积极承接产业转移。\n"
            "二是聚焦民生保障,在办好实事上取得新成效。\n")
    found = tasks(text)
    assert found[0][0].startswith("牢记使命担当") and found[0][1] == found[1][1] == "发展改革委"


def test_two_verbs_joined_before_a_count_stay_in_its_indicator():
    text = "截至5月底,重点工程20个,达到和基本达到计划进度15个、占比75%,完成和达到8个。\n"
    found = [(f[0], f[1]) for f in facts(text, year=2024)]
    assert ("达到和基本达到计划进度", 15) in found and ("完成和达到", 8) in found
