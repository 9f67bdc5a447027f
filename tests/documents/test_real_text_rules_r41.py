"""Rules found on held-out batch R41 (a goal measured against a named earlier year, a list of goals announced by
主要目标,即), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_tasks


def _tasks(text: str, **when) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in extract_tasks(text, **when)]


def test_a_goal_measured_against_a_named_earlier_year_still_plans():
    got = _tasks("今年全县发展的主要预期目标是:工业增加值增长7%,税收收入与2023年持平,城镇登记失业率控制在4%以内。",
                 year=2024)
    assert [s for s, _ in got] == ["工业增加值增长7%", "税收收入与2023年持平", "城镇登记失业率控制在4%以内"]


def test_a_goal_growing_over_a_named_earlier_year_still_plans():
    got = _tasks("全市主要预期目标是:进出口总额比2022年增长5%,粮食产量稳定在60万吨以上。", year=2023)
    assert len(got) == 2


def test_a_review_against_an_earlier_year_stays_a_review():
    assert _tasks("2023年,全市粮食产量比2022年增长3%,外贸进出口总额与2022年持平。", year=2024) == []


def test_goals_announced_by_main_goals_namely_are_one_task_each():
    got = _tasks("市长在报告中提出了今年的主要目标,即全市生产总值增长6%左右,一般公共预算收入增长5%,"
                 "居民人均可支配收入增长6.5%以上。", year=2024)
    assert len(got) == 3 and got[0][0] == "全市生产总值增长6%左右"


def test_a_comparison_with_a_named_year_still_reviews():
    assert _tasks("2023年全市新增项目8个,与2022年相比,新增5项。", year=2023) == []


def test_a_numbered_item_of_two_units_works_is_one_task_each():
    got = _tasks("今年将办好以下民生实事。\n(3)新建20个社区体育健身场地,新建、改造10个养老服务中心。\n", year=2024)
    assert [u for _, u in got[-2:]] == ["体育局", "民政局"]


def test_a_numbered_item_of_one_unit_s_work_stays_whole():
    got = _tasks("今年将办好以下民生实事。\n(2)新建公办幼儿园5所,新增学位1800个。\n", year=2024)
    assert [s for s, _ in got] == ["新建公办幼儿园5所,新增学位1800个"]


def test_a_lone_bulleted_title_over_a_paragraph_is_no_task():
    got = _tasks("今年要重点做好以下工作。\n◎坚持绿色发展全面筑牢生态屏障\n全面推进国土绿化。加快编制全区国土空间规划,"
                 "推进新城控制性详细规划编制,完成三个乡镇的村庄规划。\n", year=2024)
    assert all("屏障" not in s for s, _ in got) and got


def test_bulleted_goals_are_still_items():
    got = _tasks("今年的主要目标:\n◎地区生产总值增长6%\n◎粮食产量稳定在50万吨以上\n", year=2024)
    assert len(got) == 2


def test_forest_rangers_are_forestry_s():
    from zhenxing.documents.extraction import suggest_lead

    assert suggest_lead("全年选聘生态护林员3000名").lead == "林业和草原局"


def test_a_count_opening_a_goal_clause_stays_with_what_it_counts():
    got = _tasks("今年的目标为3所医院投入使用,3所医院完成主体建设,新增床位800张。", year=2024)
    assert all(s != "3所" for s, _ in got) and any(s.startswith("3所医院完成") for s, _ in got)
