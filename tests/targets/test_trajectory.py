"""Trajectory judgement: expected shares, progress, on track / behind / ahead, final status, 跑赢."""

from decimal import Decimal as D

import pytest

from zhenxing.targets.trajectory import (
    Goal,
    Rules,
    beats,
    check_profile,
    clamp,
    default_path,
    expected_share,
    expected_value,
    final_status,
    judge,
    parse_profile,
    profile_text,
    ratio,
    year_to_date,
)


@pytest.mark.parametrize("month", range(1, 13))
def test_a_straight_line_expects_month_twelfths(month):
    assert expected_share(month) == D(month) / 12


def test_quarterly_weights_one_one_two_and_four_months_each_for_three_parts():
    quarters = parse_profile("1-2-3-4")
    assert expected_share(3, quarters) == D(1) / 10
    assert expected_share(6, quarters) == D(3) / 10
    assert expected_share(9, quarters) == D(6) / 10
    assert expected_share(12, quarters) == 1
    # inside a quarter the weight spreads evenly over its months
    assert expected_share(1, quarters) == D(1) / 30
    thirds = parse_profile("1-1-2")  # three parts of four months
    assert expected_share(4, thirds) == D("0.25")
    assert expected_share(8, thirds) == D("0.5")
    assert expected_share(10, thirds) == D("0.75")
    assert expected_share(12, thirds) == 1


def test_a_monthly_profile_may_leave_months_empty():
    profile = parse_profile("0,0,1,1,1,1,1,1,1,1,1,1")  # nothing expected in the winter months
    assert expected_share(2, profile) == 0
    assert expected_share(3, profile) == D(1) / 10


@pytest.mark.parametrize("text", ["1-1-1-1-1", "a-b", "0-0-0-0", "1-1-1-1-1-1-1"])
def test_a_profile_that_does_not_split_the_year_or_is_not_weights_is_refused(text):
    with pytest.raises(ValueError):
        parse_profile(text)


def test_profiles_read_back_as_written_and_empty_is_a_straight_line():
    assert parse_profile("") is None
    assert profile_text(parse_profile("1，1，2")) == "1-1-2"
    assert profile_text(None) == ""
    with pytest.raises(ValueError):
        check_profile([D("Infinity")] * 4)
    with pytest.raises(ValueError):
        check_profile([D(-1), D(2), D(3), D(4)])


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_the_year_is_refused(month):
    with pytest.raises(ValueError):
        expected_share(month)


def test_progress_is_clamped_and_a_target_equal_to_its_start_is_all_or_nothing():
    assert ratio(D(150), D(100), D(200)) == D("0.5")
    assert clamp(ratio(D(250), D(100), D(200))) == 1
    assert clamp(ratio(D(50), D(100), D(200))) == 0
    assert ratio(D(5), D(5), D(5)) == 1
    assert ratio(D(4), D(5), D(5)) == 0


def test_default_paths_hold_rates_and_ceilings_and_accumulate_counts():
    assert default_path("increase", "%", ">=") == "level"
    assert default_path("level", "%", ">=") == "level"
    assert default_path("level", "微克/立方米", "<=") == "level"
    assert default_path("level", "万人", ">=") == "accumulate"
    assert default_path("level", "个", ">=") == "accumulate"


GDP = Goal(value=D("6.5"), comparator=">=", path="level")


@pytest.mark.parametrize(("current", "state"), [
    ("5.1", "behind"), ("6.1", "behind"), ("6.2", "on_track"), ("6.5", "on_track"), ("6.8", "on_track"),
    ("6.83", "ahead"), ("9", "ahead"), ("-1", "behind"),
])
def test_a_growth_rate_is_judged_against_its_target_every_month(current, state):
    for month in (3, 9, 12):
        judgement = judge(GDP, month, D(current))
        assert judgement.state == state
        assert judgement.expected_share == 1
        assert judgement.expected_value == D("6.5")


def test_a_count_is_judged_against_its_straight_line_share():
    jobs = Goal(value=D("1.8"), path="accumulate")
    assert expected_value(jobs, 9) == D("1.35")
    assert judge(jobs, 9, D("1.35")).state == "on_track"
    assert judge(jobs, 9, D("1.2")).state == "behind"  # 66.7% against 75%
    assert judge(jobs, 9, D("1.5")).state == "ahead"  # 83.3% against 75%
    assert judge(jobs, 9, D("1.5")).progress == D("1.5") / D("1.8")
    assert judge(jobs, 12, D("2.5")).progress == 1


def test_an_accumulating_target_with_a_start_counts_progress_from_it():
    firms = Goal(value=D(260), start=D(236), path="accumulate")
    assert expected_value(firms, 6) == D(248)
    assert judge(firms, 6, D(248)).state == "on_track"
    assert judge(firms, 6, D(240)).state == "behind"
    assert judge(firms, 6, D(240)).progress == D(4) / D(24)


def test_an_investment_profile_changes_what_is_on_track():
    investment = Goal(value=D(400), path="accumulate", profile=parse_profile("1-1-2"))
    straight = Goal(value=D(400), path="accumulate")
    assert judge(straight, 4, D(100)).state == "behind"  # 25% against 4/12
    assert judge(investment, 4, D(100)).state == "on_track"  # 25% against 25%
    assert judge(investment, 8, D(160)).state == "behind"  # 40% against 50%


def test_the_band_is_the_offices_tolerance():
    jobs = Goal(value=D(100), path="accumulate")
    assert judge(jobs, 6, D(46), Rules(band=D("0.05"))).state == "on_track"
    assert judge(jobs, 6, D(46), Rules(band=D("0.02"))).state == "behind"
    assert judge(jobs, 6, D(50), Rules(band=D(0))).state == "ahead"


def test_a_ceiling_is_kept_or_broken_and_well_under_it_is_ahead():
    pm = Goal(value=D(33), comparator="<=", path="level")
    assert judge(pm, 9, D(34)).state == "behind"
    assert judge(pm, 9, D(34)).progress == 0
    assert judge(pm, 9, D(33)).state == "on_track"
    assert judge(pm, 9, D(32)).state == "on_track"
    assert judge(pm, 9, D(31)).state == "ahead"  # more than 5% under


def test_final_status_comes_from_the_full_year_figure():
    assert final_status(GDP, None) == "open"
    assert final_status(GDP, D("6.5")) == "met"
    assert final_status(GDP, D("6.4")) == "missed"
    about = Goal(value=D(6), comparator="~")
    assert final_status(about, D("5.7")) == "met"  # 6%左右: within 5% of 6
    assert final_status(about, D("5.6")) == "missed"
    assert final_status(about, D("5.6"), Rules(about=D("0.1"))) == "met"
    ceiling = Goal(value=D(33), comparator="<=")
    assert final_status(ceiling, D(33)) == "met"
    assert final_status(ceiling, D("33.1")) == "missed"


def test_beating_a_benchmark_is_being_above_it_or_below_a_ceilings():
    assert beats(D("5.1"), D("5.0"), ">=")
    assert not beats(D("5.1"), D("5.3"), ">=")
    assert beats(D("5.1"), D("5.1"), ">=")
    assert beats(D(30), D(35), "<=")
    assert not beats(D(36), D(35), "<=")


def test_year_to_date_series_take_cumulative_figures_and_add_up_months_for_amounts():
    values = {(1, "ytd"): D(10), (2, "month"): D(5), (3, "ytd"): D(22)}
    assert year_to_date(values, additive=False) == {1: D(10), 3: D(22)}
    months = {(m, "month"): D(m) for m in range(1, 5)}
    assert year_to_date(months, additive=True) == {1: 1, 2: 3, 3: 6, 4: 10}
    assert year_to_date(months, additive=False) == {}
    gap = {(1, "month"): D(1), (3, "month"): D(3)}  # February missing: no sum beyond January
    assert year_to_date(gap, additive=True) == {1: D(1)}
    quarters = {(3, "quarter"): D(10), (6, "quarter"): D(20), (6, "ytd"): D(31)}
    assert year_to_date(quarters, additive=True) == {3: D(10), 6: D(31)}  # a ytd figure wins
