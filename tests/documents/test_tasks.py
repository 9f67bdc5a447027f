"""Task drafts from the plan part of a text, and the lead unit suggested for each."""

from zhenxing.documents.extraction import DEFAULT_KEYWORD_UNITS, extract_tasks, suggest_unit

REPORT = """一、2023年工作回顾
全年新建学校12所。
二、2024年工作安排
(一)扩大有效投资。加快推进城市更新行动,改造老旧小区30个。
积极发展数字经济。
完善养老服务体系,建设社区食堂。
"""


def test_it_takes_commitment_sentences_of_the_plan_part_only():
    sentences = [t.sentence for t in extract_tasks(REPORT)]
    assert "加快推进城市更新行动,改造老旧小区30个。" in sentences
    assert "完善养老服务体系,建设社区食堂。" in sentences
    assert not any("新建学校12所" in s for s in sentences)


def test_a_task_needs_no_number():
    assert any(t.sentence == "积极发展数字经济。" for t in extract_tasks(REPORT))


def test_a_task_knows_its_heading_and_offsets():
    task = next(t for t in extract_tasks(REPORT) if "城市更新" in t.sentence)
    assert task.section.startswith("(一)扩大有效投资")
    assert REPORT[task.start:task.end] == task.sentence


def test_an_article_plans_only_after_a_cue():
    text = "去年新建学校12所。\n今后,全市将加快建设智慧城市。\n"
    assert [t.sentence for t in extract_tasks(text)] == ["今后,全市将加快建设智慧城市。"]


def test_it_suggests_the_unit_of_the_longest_keyword():
    assert suggest_unit("新建高标准农田5万亩", DEFAULT_KEYWORD_UNITS) == "农业农村局"
    assert suggest_unit("改造老旧小区30个项目", DEFAULT_KEYWORD_UNITS) == "住建局"


def test_the_first_keyword_wins_a_tie():
    assert suggest_unit("招商养老", {"招商": "商务局", "养老": "民政局"}) == "商务局"


def test_it_suggests_nothing_without_a_keyword():
    assert suggest_unit("弘扬新风正气", DEFAULT_KEYWORD_UNITS) is None


def test_an_admin_table_replaces_the_default():
    assert suggest_unit("招商引资", {"招商": "投资促进局"}) == "投资促进局"


def test_the_default_table_is_a_plain_dict_of_about_forty_or_more_keywords():
    assert isinstance(DEFAULT_KEYWORD_UNITS, dict) and len(DEFAULT_KEYWORD_UNITS) >= 40
