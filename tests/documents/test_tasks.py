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


PLAN = """二、2024年工作安排
今年是全面落实“十四五”规划的关键之年,做好今年工作意义重大。
今年政府工作的总体要求是:坚持稳中求进工作总基调,推动高质量发展。
今年我们要重点抓好五个方面工作。
创新是振兴发展的第一动力。
坚持“绿水青山就是金山银山”理念,统筹推进山水林田湖草系统治理。
扎实推进央地合作,加快北方能源基地、东岭500兆瓦风电、华晟30万吨乙二醇等项目建设,开工建设国机零碳产业园、江苏莱科化学中间体等重大项目,全力推进锦甯铁矿加工及240万吨冷轧等重大项目落地建设。
"""


def test_framing_sentences_of_the_plan_part_are_no_tasks():
    sentences = [t.sentence for t in extract_tasks(PLAN)]
    framing = ("今年是", "今年政府工作的总体要求", "今年我们要重点抓好", "创新是")
    assert not any(s.startswith(framing) for s in sentences)
    assert any(s.startswith("坚持“绿水青山就是金山银山”理念") for s in sentences)


def test_a_long_sentence_is_split_where_a_new_action_starts():
    pieces = [t for t in extract_tasks(PLAN) if "项目" in t.sentence]
    assert [p.sentence[:4] for p in pieces] == ["扎实推进", "开工建设", "全力推进"]
    assert all(PLAN[p.start:p.end] == p.sentence for p in pieces)
    assert pieces[-1].sentence.endswith("落地建设。")


def test_a_report_of_what_was_done_in_an_article_is_no_task():
    text = ("今后五年,全市将加快建设智慧城市。\n经过治理,南沙河生态环境得到明显改善。\n"
            "5月30日,华晟新材料项目顺利实现中期交工。\n")
    assert [t.sentence for t in extract_tasks(text)] == ["今后五年,全市将加快建设智慧城市。"]


def test_a_sentence_announcing_a_list_is_no_task():
    text = ("白石市“十四五”规划纲要\n综合考虑发展基础和环境条件,“十四五”时期经济社会发展的主要目标是:\n"
            "新建改造城市道路120公里。\n")
    assert [t.sentence for t in extract_tasks(text)] == ["新建改造城市道路120公里。"]
