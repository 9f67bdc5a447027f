"""Rules read from batch R18 of the real-text corpus: official decompositions of work reports (分工方案, 责任分解,
部门分工的意见) read as texts — each rule on short sentences written here."""

from zhenxing.documents.extraction import extract_facts


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
