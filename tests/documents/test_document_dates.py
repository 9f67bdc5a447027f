"""The document's own date, and stance judged against it (SPEC classes 1, 2 and 4)."""

import datetime as dt

from zhenxing.documents.extraction import extract_facts
from zhenxing.documents.extraction.dates import document_date


def stances(text: str, **when) -> list[tuple[float, str]]:
    return [(f.value, f.stance) for f in extract_facts(text, "t", **when)]


# --- finding the date -------------------------------------------------------------------------


def test_a_report_header_gives_the_date_and_a_december_report_plans_the_next_year():
    found = document_date("政府工作报告\n——2019年12月29日在霞浦县第十七届人民代表大会第四次会议上\n")
    assert (found.date, found.plan_year, found.source) == (dt.date(2019, 12, 29), 2020, "header")
    assert "文头" in found.label() and "2019-12-29" in found.label()


def test_a_header_written_in_chinese_numerals_is_read():
    found = document_date("政府工作报告\n——二〇二二年二月二十二日在市第七届人民代表大会第八次会议上\n")
    assert found.date == dt.date(2022, 2, 22) and found.plan_year == 2022


def test_the_header_wins_over_a_web_page_s_repost_date():
    text = "公文搜 2021-07-27 17:49:24 政府报告\n——2019年12月29日在霞浦县第十七届人民代表大会第四次会议上\n"
    assert document_date(text).date == dt.date(2019, 12, 29)


def test_a_newspaper_date_line_dates_the_article():
    found = document_date("2023年山东这样干\n\n青岛晚报 2023年01月14日\n\n1月13日上午,大会开幕。\n")
    assert (found.date, found.plan_year, found.source) == (dt.date(2023, 1, 14), 2023, "dateline")


def test_a_date_inside_a_paragraph_is_an_event_not_the_paper_s_date():
    text = "今年以来,全县上下齐心协力,于2023年5月12日召开了全县项目建设推进大会,会上签约项目18个,总投资56亿元。\n"
    assert document_date(text).source == "none"


def test_a_report_title_names_the_year_it_plans():
    found = document_date("2024年某某县人民政府工作报告\n各位代表:\n")
    assert (found.plan_year, found.source) == (2024, "title")


def test_a_given_date_or_ingest_year_is_used_as_given():
    assert document_date("正文", dt.date(2024, 1, 10)).source == "given"
    assert document_date("正文", year=2025).plan_year == 2025


# --- class 1: 预计…完成 in a review is a preliminary actual ------------------------------------


def test_a_review_s_estimate_of_the_year_is_a_preliminary_actual():
    text = "一、2019年工作回顾\n预计全年地区生产总值增长8.3%,固定资产投资增长20%。\n"
    assert stances(text) == [(8.3, "actual"), (20, "actual")]


def test_an_estimate_opening_a_text_without_sections_reports_the_year():
    assert stances("预计全年实现地区生产总值329.5亿元、增长8.6%。\n") == [(329.5, "actual"), (8.6, "actual")]


def test_an_estimate_of_a_project_s_investment_or_output_is_a_plan():
    text = "一、2023年工作回顾\n签约预计投资5亿元的食品加工项目,项目投产后预计年产值12亿元。\n"
    assert stances(text) == [(5, "target"), (12, "target")]


def test_an_estimate_in_the_plan_part_is_a_plan():
    text = "二、2024年工作安排\n预计全年地区生产总值增长6%左右。\n"
    assert stances(text) == [(6, "target")]


# --- class 2: stance judged against the document's own date -----------------------------------


def test_a_year_end_already_past_when_the_text_was_written_reports():
    text = "到2018年年末,全县地区生产总值完成115亿元。\n"
    assert stances(text, date=dt.date(2019, 6, 1)) == [(115, "actual")]
    assert stances(text, date=dt.date(2018, 3, 1)) == [(115, "target")]


def test_a_digest_s_bare_list_for_its_own_year_promises():
    text = "2021年,全市地区生产总值增长6.5%左右。全员劳动生产率增长6%。\n"
    assert stances(text, date=dt.date(2021, 1, 20)) == [(6.5, "target"), (6, "target")]
    assert stances(text, date=dt.date(2022, 1, 20)) == [(6.5, "actual"), (6, "actual")]


def test_the_date_is_read_from_the_text_when_none_is_given():
    text = "青岛晚报 2021年01月20日\n\n2021年,全市地区生产总值增长6.5%左右。\n"
    assert stances(text) == [(6.5, "target")]


def test_a_dated_heading_without_a_number_opens_a_section():
    text = "2017年工作回顾\n全县引进项目32个。\n2018年工作安排\n全县引进项目40个。\n"
    assert stances(text, year=2018) == [(32, "actual"), (40, "target")]


# --- class 4: no section structure --------------------------------------------------------------


def test_a_heading_naming_goals_frames_the_bullets_below_it():
    text = "建议全年经济社会发展预期目标\n\n●地区生产总值增长5%以上\n\n●城镇新增就业110万人以上\n"
    assert stances(text, date=dt.date(2023, 1, 14)) == [(5, "target"), (110, "target")]


def test_numbered_short_lines_in_a_row_are_items_not_headings():
    text = "今年要抓好以下工作:\n1.新建改造农村公路120公里\n2.改造老旧小区30个\n3.新增城镇就业1.2万人\n"
    assert [s for _, s in stances(text)] == ["target"] * 3


def test_the_sentence_s_own_words_tell_a_deed_from_a_promise_without_sections():
    text = "全县新建学校3所,已完成主体工程。要加快建设县医院新院区,力争新增床位500张。\n"
    assert stances(text) == [(3, "actual"), (500, "target")]


def test_a_notice_on_a_report_s_progress_is_written_after_the_months_it_reports():
    text = "名称: 2020年1-11月份某市《政府工作报告》部分目标任务完成情况\n1-11月份,各地认真落实。\n"
    found = document_date(text, year=2020)
    assert (found.date, found.plan_year, found.source) == (dt.date(2020, 12, 1), 2020, "progress")
    assert document_date("2020年某市政府工作报告\n今年新建学校3所。\n", year=2020).date is None


def test_without_a_printed_date_the_year_whose_works_a_report_sets_out_is_the_plan_year():
    text = ("2月4日上午,某市第九届人民代表大会第六次会议开幕。报告分三个部分:2025年工作回顾、“十五五”时期目标任务、"
            "2026年重点工作。\n全市生产总值增长5.5%。\n")
    found = document_date(text)
    assert (found.date, found.plan_year, found.source) == (None, 2026, "plan_part")
    assert "2026年重点工作" in found.label() and "规划年度 2026" in found.label()
    assert document_date("某县召开会议。2024年主要预期目标是:地区生产总值增长6%。").plan_year == 2024


def test_a_past_plan_s_progress_or_an_ingest_year_is_no_plan_part():
    assert document_date("关于2023年重点工作完成情况的通报\n各单位:现将进展通报如下。").source == "none"
    assert document_date("报告分两个部分:2025年工作回顾、2026年重点工作。", year=2025).plan_year == 2025


def test_a_progress_notice_naming_its_year_s_works_is_dated_after_the_months_it_reports():
    found = document_date("某区2022年重点工作1-6月进展情况\n截至6月底,累计完成投资12亿元。")
    assert (found.date, found.plan_year, found.source) == (dt.date(2022, 7, 1), 2022, "progress")
