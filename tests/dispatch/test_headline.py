"""The headline is computed, never typed: share of the plan, gap to 序时进度, starts."""

import pytest

from zhenxing.dispatch.headline import Headline


@pytest.mark.parametrize(("completed", "plan", "month", "text"), [
    (972_000, 1_000_000, 10,
     "完成投资 97.2 亿元，占年度计划 97.2%，超过时间进度 13.9 个百分点；计划开工 40 个，已开工 36 个"),
    (250_000, 1_000_000, 6, "完成投资 25 亿元，占年度计划 25%，低于时间进度 25 个百分点；计划开工 40 个，已开工 36 个"),
    (500_000, 1_000_000, 6, "完成投资 50 亿元，占年度计划 50%，与时间进度持平；计划开工 40 个，已开工 36 个"),
    (1_234, 0, 1, "完成投资 0.12 亿元，尚未下达年度计划；计划开工 40 个，已开工 36 个"),
])
def test_the_headline_reads_as_cities_publish_it(completed, plan, month, text):
    assert Headline(completed, plan, month, 40, 36).text == text


def test_in_december_the_whole_year_is_due():
    headline = Headline(1_100_000, 1_000_000, 12, 0, 0)
    assert (headline.share, headline.elapsed, headline.gap) == (110, 100, 10)


def test_the_gap_comes_from_unrounded_figures():
    # 1/3 of the plan in April: 33.33… − 33.33… = 0, not 33.3 − 33.3 by luck
    assert Headline(1, 3, 4, 0, 0).gap == 0
