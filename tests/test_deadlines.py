"""Deadline words of work reports and task lists, read into dates or a 长期 flag."""

from datetime import date

import pytest

from zhenxing.deadlines import Deadline, all_deadlines, parse_deadline
from zhenxing.errors import Rejected

Y = 2025


@pytest.mark.parametrize(("text", "on", "phrase"), [
    ("年底前完成", date(2025, 12, 31), "年底前"),
    ("年内建成投用", date(2025, 12, 31), "年内"),
    ("今年实现开工", date(2025, 12, 31), "今年"),
    ("全年完成投资100亿元", date(2025, 12, 31), "全年"),
    ("年末前", date(2025, 12, 31), "年末"),
    ("当年开工当年投产", date(2025, 12, 31), "当年"),
    ("本年度完成", date(2025, 12, 31), "本年度"),
    ("今年底前全部完成", date(2025, 12, 31), "今年底前"),
    ("6月底前完成", date(2025, 6, 30), "6月底前"),
    ("6月前完成", date(2025, 6, 30), "6月前"),
    ("六月底前", date(2025, 6, 30), "六月底前"),
    ("2月底前", date(2025, 2, 28), "2月底前"),
    ("十二月末", date(2025, 12, 31), "十二月末"),
    ("11月份完成", date(2025, 11, 30), "11月份"),
    ("上半年完成", date(2025, 6, 30), "上半年"),
    ("年中完成", date(2025, 6, 30), "年中"),
    ("下半年启动", date(2025, 12, 31), "下半年"),
    ("一季度", date(2025, 3, 31), "一季度"),
    ("第一季度末", date(2025, 3, 31), "第一季度末"),
    ("二季度底前", date(2025, 6, 30), "二季度底前"),
    ("三季度末完成", date(2025, 9, 30), "三季度末"),
    ("3季度", date(2025, 9, 30), "3季度"),
    ("四季度", date(2025, 12, 31), "四季度"),
    ("前三季度完成", date(2025, 9, 30), "前三季度"),
    ("9月15日前完成", date(2025, 9, 15), "9月15日前"),
    ("九月十五日前", date(2025, 9, 15), "九月十五日前"),
    ("10月1号", date(2025, 10, 1), "10月1号"),
    ("3月二十一日", date(2025, 3, 21), "3月二十一日"),
    ("12月31日", date(2025, 12, 31), "12月31日"),
    ("6月上旬", date(2025, 6, 10), "6月上旬"),
    ("6月中旬前", date(2025, 6, 20), "6月中旬前"),
    ("2月下旬", date(2025, 2, 28), "2月下旬"),
    ("2026年底前", date(2026, 12, 31), "2026年底前"),
    ("到2027年", date(2027, 12, 31), "2027年"),
    ("2026年内", date(2026, 12, 31), "2026年内"),
    ("二〇二六年底前", date(2026, 12, 31), "二〇二六年底前"),
    ("2026年6月底前", date(2026, 6, 30), "2026年6月底前"),
    ("2026年三季度", date(2026, 9, 30), "2026年三季度"),
    ("2026年上半年", date(2026, 6, 30), "2026年上半年"),
    ("2024年2月29日", date(2024, 2, 29), "2024年2月29日"),
    ("今年6月底前", date(2025, 6, 30), "今年6月底前"),
    ("明年底前", date(2026, 12, 31), "明年底前"),
    ("明年一季度", date(2026, 3, 31), "明年一季度"),
    ("明年3月", date(2026, 3, 31), "明年3月"),
])
def test_deadline_words_become_dates(text, on, phrase):
    assert parse_deadline(text, Y) == Deadline(on=on, long_term=False, phrase=phrase)


@pytest.mark.parametrize(("text", "phrase"), [
    ("长期", "长期"), ("持续推进", "持续推进"), ("常态化开展", "常态化"), ("建立长效机制", "长效"),
    ("每月报送进展", "每月"), ("每季度调度一次", "每季度"), ("持续优化营商环境", "持续"), ("定期通报", "定期"),
])
def test_long_term_words_set_the_flag_without_a_date(text, phrase):
    assert parse_deadline(text, Y) == Deadline(on=None, long_term=True, phrase=phrase)


@pytest.mark.parametrize("text", ["", "加快推进项目建设", "增长6.5%", "三年内完成", "6个月内完成", "两年内建成",
                                  "2月30日前", "13月"])
def test_no_deadline_is_none(text):
    assert parse_deadline(text, Y) == Deadline(on=None, long_term=False, phrase="")


def test_the_latest_date_is_the_deadline_and_the_others_are_milestones():
    text = "6月底前完成前期手续，三季度开工，年底前主体完工"
    assert parse_deadline(text, Y) == Deadline(date(2025, 12, 31), False, "年底前")
    assert [d.on for d in all_deadlines(text, Y)] == [date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)]


def test_a_date_wins_over_a_long_term_word():
    assert parse_deadline("持续推进，9月底前完成一期", Y) == Deadline(date(2025, 9, 30), False, "9月底前")


def test_a_year_before_a_month_is_one_phrase_not_two():
    assert all_deadlines("今年6月底前", Y) == [Deadline(date(2025, 6, 30), False, "今年6月底前")]
    assert all_deadlines("2026年6月", Y) == [Deadline(date(2026, 6, 30), False, "2026年6月")]


def test_the_document_year_sets_relative_words_and_leap_days():
    assert parse_deadline("2月底前", 2024).on == date(2024, 2, 29)
    assert parse_deadline("2月29日", 2024).on == date(2024, 2, 29)
    assert parse_deadline("2月29日", 2025).on is None
    assert parse_deadline("年底前", 2030).on == date(2030, 12, 31)


def test_bad_input_is_refused_in_chinese():
    with pytest.raises(Rejected, match="过长"):
        parse_deadline("年底前" * 10_000, Y)
    with pytest.raises(Rejected, match="年份"):
        parse_deadline("年底前", 3000)
    with pytest.raises(Rejected, match="文字"):
        parse_deadline(None, Y)  # type: ignore[arg-type]
