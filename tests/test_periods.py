"""Periods 'YYYY-MM' and 序时进度: pure rules, including the year's edges and leap years."""

from datetime import date, datetime

import pytest
from pydantic import BaseModel, ValidationError

from zhenxing.errors import Rejected
from zhenxing.periods import (
    Period,
    PeriodField,
    elapsed_share,
    elapsed_share_on,
    months_between,
    next_period,
    parse_period,
    period_choices,
    period_label,
    period_of,
    periods_between,
    periods_of_year,
    previous_period,
    quarter_end,
    quarter_label,
    quarter_of,
    quarter_periods,
    year_to_date,
)


@pytest.mark.parametrize("text", ["2025-03", "2025-3", " 2025-03 ", "2025/03", "2025.3", "2025年3月", "2025年03月",
                                  "202503", "2025年3"])
def test_it_reads_the_ways_people_write_a_month(text):
    assert parse_period(text) == "2025-03"
    assert isinstance(parse_period(text), Period)


@pytest.mark.parametrize("text", ["2025-13", "2025-00", "2025-0", "25-03", "2025", "2025-03-01", "March 2025", "",
                                  "2025-1a", "１２３", "1899-12", "2101-01", "2025-003"])
def test_it_refuses_anything_else_naming_the_text(text):
    with pytest.raises(Rejected) as refused:
        parse_period(text)
    assert f"“{text.strip()}”" in refused.value.message
    assert refused.value.field == "period"


def test_a_refusal_says_what_was_expected():
    with pytest.raises(Rejected, match="月份应在 1–12 之间"):
        parse_period("2025-13")
    with pytest.raises(Rejected, match="YYYY-MM"):
        parse_period("hello")
    with pytest.raises(Rejected, match="年份"):
        parse_period("1800-01")


def test_a_very_long_text_is_cut_in_the_message():
    with pytest.raises(Rejected) as refused:
        parse_period("2" * 5000)
    assert len(refused.value.message) < 80


def test_a_non_text_is_refused():
    with pytest.raises(Rejected):
        parse_period(202503)  # type: ignore[arg-type]


def test_a_period_is_its_text_and_knows_its_parts():
    period = parse_period("2024-02")
    assert str(period) == "2024-02" and period == "2024-02"
    assert (period.year, period.month, period.quarter) == (2024, 2, 1)
    assert period.first_day == date(2024, 2, 1)
    assert period.last_day == date(2024, 2, 29)  # leap year
    assert parse_period("2025-02").last_day == date(2025, 2, 28)
    assert parse_period("1900-02").last_day == date(1900, 2, 28)  # centuries are not leap…
    assert parse_period("2000-02").last_day == date(2000, 2, 29)  # …unless divisible by 400
    assert Period(period) is period
    assert {period: 1}["2024-02"] == 1  # hashes like its text


def test_periods_sort_as_text_in_time_order():
    periods = [parse_period(text) for text in ["2025-10", "2024-12", "2025-02", "2025-1"]]
    assert sorted(periods) == ["2024-12", "2025-01", "2025-02", "2025-10"]


def test_period_of_a_day_and_of_a_datetime():
    assert period_of(date(2025, 1, 31)) == "2025-01"
    assert period_of(datetime(2024, 12, 31, 23, 59)) == "2024-12"


@pytest.mark.parametrize(("period", "after", "before"), [
    ("2025-03", "2025-04", "2025-02"),
    ("2025-01", "2025-02", "2024-12"),
    ("2024-12", "2025-01", "2024-11"),
])
def test_next_and_previous_cross_the_year(period, after, before):
    assert next_period(period) == after
    assert previous_period(period) == before
    assert previous_period(next_period(period)) == period


def test_steps_of_several_months():
    assert next_period("2024-11", 14) == "2026-01"
    assert previous_period("2025-02", 3) == "2024-11"
    assert next_period("2025-05", 0) == "2025-05"
    assert next_period("2025-05", -5) == "2024-12"
    with pytest.raises(Rejected):
        next_period("2100-12")


def test_months_between_counts_forward_and_backward():
    assert months_between("2024-11", "2025-02") == 3
    assert months_between("2025-02", "2024-11") == -3
    assert months_between("2025-02", "2025-02") == 0


def test_periods_of_a_year_are_its_twelve_months():
    periods = periods_of_year(2025)
    assert len(periods) == 12 and periods[0] == "2025-01" and periods[-1] == "2025-12"


def test_periods_between_includes_both_ends_and_crosses_years():
    assert periods_between("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert periods_between("2025-05", "2025-05") == ["2025-05"]


def test_periods_between_refuses_a_backward_or_endless_range():
    with pytest.raises(Rejected, match="晚于"):
        periods_between("2025-03", "2025-01")
    with pytest.raises(Rejected, match="过长"):
        periods_between("1900-01", "2100-12")
    assert len(periods_between("2000-01", "2099-12")) == 1200


def test_year_to_date_runs_from_january():
    assert year_to_date("2025-03") == ["2025-01", "2025-02", "2025-03"]
    assert year_to_date("2025-01") == ["2025-01"]
    assert len(year_to_date("2025-12")) == 12


@pytest.mark.parametrize(("period", "quarter"), [("2025-01", 1), ("2025-03", 1), ("2025-04", 2), ("2025-06", 2),
                                                 ("2025-07", 3), ("2025-09", 3), ("2025-10", 4), ("2025-12", 4)])
def test_quarter_of_a_period(period, quarter):
    assert quarter_of(period) == quarter


def test_quarter_ends_and_months():
    assert [quarter_end(2024, q) for q in range(1, 5)] == [date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30),
                                                          date(2024, 12, 31)]
    assert quarter_periods(2025, 3) == ["2025-07", "2025-08", "2025-09"]
    assert quarter_label(2025, 3) == "2025年第三季度"
    for bad in (0, 5):
        with pytest.raises(Rejected, match="季度"):
            quarter_end(2025, bad)
        with pytest.raises(Rejected, match="季度"):
            quarter_label(2025, bad)


@pytest.mark.parametrize(("period", "share"), [("2025-01", 1 / 12), ("2025-03", 0.25), ("2025-06", 0.5),
                                               ("2025-09", 0.75), ("2025-12", 1.0), ("2024-02", 2 / 12)])
def test_elapsed_share_is_month_over_twelve(period, share):
    assert elapsed_share(period) == pytest.approx(share)


def test_elapsed_share_on_a_day_counts_the_day_itself():
    assert elapsed_share_on(date(2025, 1, 1)) == pytest.approx(1 / 365)
    assert elapsed_share_on(date(2025, 12, 31)) == 1.0
    assert elapsed_share_on(date(2024, 12, 31)) == 1.0  # leap year: 366/366
    assert elapsed_share_on(date(2024, 2, 29)) == pytest.approx(60 / 366)
    assert elapsed_share_on(date(2025, 3, 1)) == pytest.approx(60 / 365)
    # At a month's last day the precise share is close to the monthly one.
    assert elapsed_share_on(date(2025, 6, 30)) == pytest.approx(elapsed_share("2025-06"), abs=0.01)


@pytest.mark.parametrize(("period", "cumulative", "label"), [
    ("2025-03", False, "2025年3月"), ("2025-03", True, "2025年1-3月"), ("2025-01", True, "2025年1月"),
    ("2025-12", True, "2025年1-12月"), ("2025-10", False, "2025年10月"),
])
def test_period_labels(period, cumulative, label):
    assert period_label(period, cumulative=cumulative) == label


def test_a_model_field_holds_a_period_and_refuses_in_chinese():
    class Reading(BaseModel):
        period: PeriodField

    assert Reading(period="2025-3").period == "2025-03"
    with pytest.raises(ValidationError) as refused:
        Reading(period="2025-13")
    assert "月份应在 1–12 之间" in str(refused.value)
    assert Reading.model_json_schema()["properties"]["period"]["pattern"] == r"^\d{4}-\d{2}$"


def test_the_period_picker_offers_recent_months_newest_first_in_chinese():
    choices = period_choices(None, date(2026, 1, 15), back=3)
    assert choices == [("2026-01", "2026年1月"), ("2025-12", "2025年12月"), ("2025-11", "2025年11月"),
                       ("2025-10", "2025年10月")]
    assert period_choices("", date(2026, 1, 15), back=1, ahead=1)[0] == ("2026-02", "2026年2月")


def test_the_period_picker_keeps_a_chosen_month_outside_its_range_in_its_place():
    values = [value for value, _ in period_choices("2020-02", date(2026, 1, 15), back=2)]
    assert values == ["2026-01", "2025-12", "2025-11", "2020-02"]
    assert [v for v, _ in period_choices("2027-3", date(2026, 1, 15), back=1)] == ["2027-03", "2026-01", "2025-12"]
    assert [v for v, _ in period_choices("2025-12", date(2026, 1, 15), back=1)] == ["2026-01", "2025-12"]
    assert [v for v, _ in period_choices("13月", date(2026, 1, 15), back=1)] == ["2026-01", "2025-12"]
