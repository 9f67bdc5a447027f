"""Stance rules from round 5 of the blind stance set (tests/documents/data/stance_real.tsv).

Each test is a short sentence written for the test (none is copied from the set): the classes the round showed
the engine reading wrongly on first sight.
"""

from zhenxing.documents.extraction import extract_facts


def stance(text: str, figure: float, **when) -> str:
    """The stance of the first fact of `text` whose value is `figure`."""
    return next(f.stance for f in extract_facts(text, "t", **when) if f.value == figure)


def test_a_change_given_as_a_range_of_rates_is_a_goal():
    assert stance("全市经济增长5.5%—6%", 5.5, year=2025) == "target"
    assert stance("地区生产总值增长6%-6.5%。", 6, year=2025) == "target"
    # a single measured figure stays a result
    assert stance("地区生产总值同比增长6.2%。", 6.2, year=2025) == "actual"


def test_jiang_before_shouci_plans():
    assert stance("全县财政收入规模将首次达到50亿元。", 50, year=2025) == "target"


def test_a_task_done_ahead_or_a_harm_that_did_not_happen_marks_a_deed():
    done = "扎实推进农房改造,完成危房改造320户,提前完成全年任务。"
    assert stance(done, 320, year=2024) == "actual"
    assert stance("扎实推进农房改造,完成危房改造320户。", 320, year=2024) == "target"
    assert stance("健全防止返贫监测机制,消除风险户46户,没有发生规模性返贫。", 46, year=2024) == "actual"


def test_a_standing_among_peers_marks_a_result_told_with_a_round_figure():
    text = "消费市场稳步扩大,社零总额达到850亿元左右,增速居同类城市前列。"
    assert stance(text, 850, year=2024) == "actual"
    assert stance("消费市场稳步扩大,社零总额达到850亿元左右。", 850, year=2024) == "target"


def test_the_new_starts_counted_before_those_begun_are_the_plan():
    text = "其中新开工项目60个,已开工42个,开工率70%。"
    assert stance(text, 60, year=2024) == "target"
    assert stance(text, 42, year=2024) == "actual"


def test_a_plan_told_met_leaves_what_follows_measured():
    text = "年初计划新建的12所学校目标全部实现,新增学位8000个。"
    assert stance(text, 8000, year=2023) == "actual"
    # the aim that the targets be met is the plan's own
    assert stance("确保全年各项目标任务全部完成,地区生产总值增长6%左右。", 6, year=2024) == "target"
    assert stance("力争年度目标全部实现,新增城镇就业1.5万人。", 1.5, year=2024) == "target"


def test_an_estimate_of_the_year_the_document_is_dated_by_is_its_preliminary_figure():
    # the year alone known: 预计 + the year, then what was done, is a review's preliminary figure
    assert stance("预计2024年,全县地区生产总值完成312.5亿元,增长5.6%。", 312.5, year=2024) == "actual"
    # what the year can still bring is a forecast
    assert stance("预计2025年全县生产总值可达到300亿元。", 300, year=2025) == "target"


def test_a_bracket_numbered_item_of_a_work_done_in_full_plans():
    assert stance("(2)全面建成城北污水处理厂,新增日处理能力3万吨。", 3, year=2024) == "target"
    assert stance("(2)全面建成城北污水处理厂,已新增日处理能力3万吨。", 3, year=2024) == "actual"


def test_a_closing_clause_of_outcome_reached_marks_a_review():
    text = "落实惠企政策,兑付奖补资金800万元,市场主体活力稳步提升。"
    assert stance(text, 800, year=2025) == "actual"
    # the outcome aimed at (推动…) is the plan's
    assert stance("落实惠企政策,兑付奖补资金800万元,推动市场主体活力稳步提升。", 800, year=2025) == "target"


def test_a_plan_period_told_with_a_deed_in_its_last_year_is_reviewed():
    text = "“十四五”期间,全市新增城镇就业45万人,超额完成规划目标。"
    assert stance(text, 45, year=2025) == "actual"
    assert stance("“十四五”期间,全市新增城镇就业45万人。", 45, year=2025) == "target"
