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
