"""Rules found on held-out batch R38 (a key-work sheet pasted as label | value | lines, a livelihood list's works
named in one sentence, the remits of such lists, a manner pledge and a list's coordination, verbs of reaching a
level, the size class of villages), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks

# a city's key-work sheet as its site prints it: one work, its unit, its quarters' milestones, its progress
SHEET = ("重点工作: | 支持某某新区建设省级数字经济示范区。 |\n"
         "牵头单位: | 某某新区管委会 |\n"
         "年度阶段性工作目标: | 第一季度:完成示范区建设方案编制。 第二季度:推动示范区建设方案报批。 "
         "第三季度:引进数字经济企业20家。 第四季度:争取通过省级验收。 |\n"
         "进展落实情况: | 第一季度: 已完成。 第二季度: 按计划推进中。 |\n")


def _facts(text: str, year: int) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit, f.indicator, f.stance) for f in extract_facts(text, "t", year=year)]


def _tasks(text: str, year: int) -> list[tuple[str, str, str]]:
    return [(t.sentence, t.lead_unit, t.deadline) for t in extract_tasks(text, year=year)]


def test_a_key_work_sheet_gives_its_work_and_each_quarter_s_milestone_to_the_unit_it_names():
    assert _tasks(SHEET, 2023) == [
        ("支持某某新区建设省级数字经济示范区", "某某新区管委会", "2023-12-31"),
        ("完成示范区建设方案编制", "某某新区管委会", "2023-03-31"),
        ("推动示范区建设方案报批", "某某新区管委会", "2023-06-30"),
        ("引进数字经济企业20家", "某某新区管委会", "2023-09-30"),
        ("争取通过省级验收", "某某新区管委会", "2023-12-31")]


def test_a_sheet_without_a_unit_line_is_no_key_work_sheet():
    text = "重点工作: | 支持某某新区建设省级数字经济示范区。 |\n进展落实情况: | 已完成。 |\n"
    assert all(lead != "某某新区管委会" for _, lead, _ in _tasks(text, 2023))


def test_a_livelihood_list_s_works_named_in_one_sentence_are_a_task_each_with_its_own_lead():
    text = ("某区2024年度十件民生实事项目具体包括实施儿童口腔健康促进工程、开展中小学食堂改造提升、"
            "完成城南泵站重建工程、提升农村养老服务设施,建设完善一批城市公园、街心公园。")
    assert _tasks(text, 2024) == [
        ("实施儿童口腔健康促进工程", "卫生健康委", "2024-12-31"),
        ("开展中小学食堂改造提升", "教育局", "2024-12-31"),
        ("完成城南泵站重建工程", "水利局", "2024-12-31"),
        ("提升农村养老服务设施", "民政局", "2024-12-31"),
        ("建设完善一批城市公园、街心公园", "城市管理局", "2024-12-31")]


def test_a_list_of_nouns_after_its_name_is_not_split_as_works():
    text = "今年某县民生实事项目包括教育、医疗、养老、住房等方面。"
    assert len(_tasks(text, 2024)) <= 1


def test_health_promotion_and_a_pupil_s_psychological_treatment_are_health_s():
    drafts = _tasks("今年将实施青少年健康促进工程,为50名有心理疾病的学生提供心理治疗。", 2024)
    assert drafts and all(lead == "卫生健康委" for _, lead, _ in drafts)


def test_a_pledge_of_manner_and_a_list_s_coordination_are_no_tasks():
    assert _tasks("今年要用心用情把民生实事办好、把难事办成、把好事办实,让群众得到实惠。", 2024) == []
    assert _tasks("某省发改委表示,将发挥统筹协调作用,加强督导考核,确保重点民生实事件件有着落。", 2024) == []
    assert _tasks("今年要把农村公路建设办好,新建农村公路100公里。", 2024)  # one 把…办好 with its work stays


def test_a_verb_of_reaching_a_level_names_nothing_and_the_subject_before_carries_over():
    found = _facts("主要预期目标是:地区生产总值增长6%左右、奋力站上2000亿元大台阶,固定资产投资增长5%。", 2024)
    assert (2000, "亿元", "地区生产总值", "target") in found
    assert (126, "%", "溢价率", "actual") in _facts("去年出让土地10宗,溢价率高达126%。", 2024)
    assert any(value == 50 and indicator == "工业用地地价" for value, _, indicator, _ in
               _facts("去年全县工业用地地价飙升至50万元/亩。", 2024))


def test_the_size_class_of_villages_a_programme_reaches_is_no_count():
    found = _facts("今年将基本实现全省30户以上具备条件的自然村通硬化路,新建农村公路500公里。", 2024)
    assert [value for value, *_ in found] == [500]
    assert (2, "万户", "新增农村户用厕所", "target") in _facts("今年新增农村户用厕所2万户以上。", 2024)
