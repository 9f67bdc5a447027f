"""The gap sentence: "1-9月增长5.1%，低于全年目标6.5%，低于全省5.3%"."""

from decimal import Decimal as D

import pytest

from zhenxing.targets.trajectory import Goal, judge
from zhenxing.targets.wording import figure_words, gap_text, number, period_words


def test_the_issue_example_reads_as_a_supervision_report_states_it():
    goal = Goal(value=D("6.5"))
    text = gap_text(kind="increase", unit="%", comparator=">=", path="level", month=9, current=D("5.1"),
                    target=D("6.5"), judgement=judge(goal, 9, D("5.1")), benchmarks={"province": D("5.3")})
    assert text == "1-9月增长5.1%，低于全年目标6.5%，低于全省5.3%"


def test_both_benchmarks_and_a_tie():
    goal = Goal(value=D(6))
    text = gap_text(kind="increase", unit="%", comparator="~", path="level", month=12, current=D(6),
                    target=D(6), judgement=judge(goal, 12, D(6)),
                    benchmarks={"nation": D("5.0"), "province": D("6.0")})
    assert text == "全年增长6%，持平全年目标6%，持平全省6%，高于全国5%"


def test_an_accumulating_target_states_its_share_and_the_pace():
    goal = Goal(value=D("1.8"), path="accumulate")
    text = gap_text(kind="level", unit="万人", comparator=">=", path="accumulate", month=9, current=D("1.5"),
                    target=D("1.8"), judgement=judge(goal, 9, D("1.5")))
    assert text == "1-9月为1.5万人，完成全年目标1.8万人的83.3%，快于序时进度8.3个百分点"
    slow = gap_text(kind="level", unit="万人", comparator=">=", path="accumulate", month=6, current=D("0.9"),
                    target=D("1.8"), judgement=judge(goal, 6, D("0.9")))
    assert slow.endswith("完成全年目标1.8万人的50%，符合序时进度")


def test_a_ceiling_speaks_of_its_control_target():
    goal = Goal(value=D(33), comparator="<=")
    text = gap_text(kind="level", unit="微克/立方米", comparator="<=", path="level", month=3, current=D(35),
                    target=D(33), judgement=judge(goal, 3, D(35)))
    assert text == "1-3月为35微克/立方米，高于控制目标33微克/立方米"


@pytest.mark.parametrize(("kind", "value", "words"), [
    ("increase", "5.1", "增长5.1%"), ("increase", "-1.25", "下降1.25%"), ("decrease", "2.8", "下降2.8%"),
    ("decrease", "-0.5", "增长0.5%"), ("level", "87", "为87%"),
])
def test_figures_say_their_direction(kind, value, words):
    assert figure_words(kind, D(value), "%") == words


@pytest.mark.parametrize(("month", "basis", "words"), [
    (1, "ytd", "1月"), (2, "ytd", "1-2月"), (12, "ytd", "全年"), (9, "month", "9月"), (6, "quarter", "二季度"),
])
def test_periods_are_named_as_statistics_name_them(month, basis, words):
    assert period_words(month, basis) == words


def test_numbers_lose_trailing_zeros_and_round_half_up():
    assert number(D("5.10")) == "5.1"
    assert number(D("6.0000")) == "6"
    assert number(D("0.125")) == "0.13"
    assert number(D("1E+3")) == "1000"
