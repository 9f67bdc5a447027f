"""Rules read from held-out batch R23 (a business-environment plan, a county plenary's news, a township report, a
hotline's annual report, a development zone's list, a new area's project start), each on short sentences written
here."""

import datetime as dt

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.dates import document_date


def facts(text: str, **when) -> list[tuple[str, float, str, str]]:
    return [(f.indicator, f.value, f.unit, f.stance) for f in extract_facts(text, "t", **when)]


def tasks(text: str, year: int = 2025) -> list[tuple[str, str, str]]:
    return [(t.sentence, t.lead_unit, t.deadline) for t in extract_tasks(text, year=year)]


# --- facts ----------------------------------------------------------------------------------------------------


def test_a_slogan_in_single_quotes_inside_a_quoted_speech_is_no_fact():
    text = "“今年要以‘三个坚持’为原则,聚焦‘两大行动’抓发展,新建学校2所。”县长说。\n"
    assert [(f[1], f[2]) for f in facts(text, year=2025)] == [(2, "所")]


def test_the_base_of_a_rate_after_mei_is_no_count():
    found = facts("全市每万人拥有律师4.2名,每千名老人养老床位35张。\n", year=2025)
    assert [(f[1], f[2]) for f in found] == [(4.2, "名"), (35, "张")]


def test_a_story_s_count_of_its_own_features_is_no_fact():
    assert facts("本批项目主要有三个特点:一是投资大,总投资80亿元。\n", year=2025) == [
        ("总投资", 80, "亿元", "actual")]


def test_jiang_after_a_completed_amount_still_plans_and_leaves_the_indicator():
    found = facts("据了解,今年全县项目完成投资将超50亿元,工业投资完成额将达到20亿元。\n", year=2025)
    assert [(f[0], f[1], f[3]) for f in found] == [("项目完成投资", 50, "target"),
                                                   ("工业投资完成额", 20, "target")]


def test_a_programme_s_name_before_its_grant_is_no_plan():
    text = "一、2024年工作回顾\n全年发放春蕾计划补助30万元,惠及200人次。\n"
    assert [f[3] for f in facts(text, year=2025)] == ["actual", "actual"]


# --- dates and layout -----------------------------------------------------------------------------------------


def test_a_news_agency_dateline_without_year_dates_the_story_in_the_ingest_year():
    found = document_date("某新区开工 总投资9亿元\n新华社某地3月2日电 某新区2日举行一季度项目开工活动。", year=2025)
    assert found.date == dt.date(2025, 3, 2)
    late = document_date("新华社某地12月20日电 某县明年将新建学校3所。", year=2025)
    assert late.date == dt.date(2024, 12, 20)


def test_a_long_headline_is_not_joined_to_the_dateline_below_it():
    text = ("原创 某某新区二〇二五年一季度一批重点产业和基础设施项目集中开工建设总投资120亿元\n"
            "新华社某地3月2日电 某新区2日举行2025年一季度重点项目开工活动。这批项目共计30个,总投资120亿元。\n")
    assert [(f[1], f[3]) for f in facts(text, year=2025)][-2:] == [(30, "actual"), (120, "actual")]
    assert tasks(text) == []


# --- tasks ----------------------------------------------------------------------------------------------------


def test_units_in_a_tortoise_shell_bracket_lead_the_measure_before_it():
    text = ("2025年工作要点\n(一)企业开办。全面推行企业开办一网通办。深化证照分离改革。"
            "〔市政务服务局、市市场监管局牵头,各县(市、区)按职责分工落实〕\n")
    found = tasks(text)
    assert [t[0] for t in found] == ["全面推行企业开办一网通办。", "深化证照分离改革。"]
    assert {t[1] for t in found} == {"营商环境建设局"}


def test_feng_fu_opening_a_clause_is_a_verb():
    assert [t[0] for t in tasks("2025年工作要点\n丰富社保卡在交通出行等领域应用场景。\n")] == [
        "丰富社保卡在交通出行等领域应用场景。"]


def test_a_time_cell_of_a_table_gives_the_row_s_deadline():
    text = ("序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n"
            "1 |\n持续优化园区营商环境,提升服务企业水平。 |\n招商局 |\n全年 |\n"
            "2 |\n完成标准化厂房建设10万平方米。 |\n建设局 |\n2025年6月底前 |\n")
    assert [t[2] for t in tasks(text)] == ["2025-12-31", "2025-06-30"]


def test_one_bare_figure_after_an_announced_goal_keeps_its_indicator():
    found = tasks("县委提出全县经济增长预期目标为7%以上。\n")
    assert [t[0] for t in found] == ["县委提出全县经济增长预期目标为7%以上"]


def test_reasons_given_for_a_goal_are_no_tasks():
    text = ("今年经济增长目标为7%以上。书记说,设定这个目标,有利于稳定预期,有利于保障民生。"
            "保持一定增速,能够为明年发展奠定基础。实现这一目标,就要着力扩大内需。\n")
    assert [t[0] for t in tasks(text)] == ["今年经济增长目标为7%以上"]
