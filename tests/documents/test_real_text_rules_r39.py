"""Rules found on held-out batch R39 (news of a published list of key projects: the list's counts and total
investment are its state, its planned amount is a plan's), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts

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
