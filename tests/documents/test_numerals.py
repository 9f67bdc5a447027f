"""Numbers as written: Chinese numerals, magnitudes, full-width forms, qualifiers, ranges."""

from zhenxing.documents.extraction.numerals import chinese_to_float
from zhenxing.documents.extraction.text import normalise

from .helpers import one, values


def test_it_reads_chinese_numerals_with_wan():
    fact = one("全县新增造林三十五万亩。")
    assert (fact.value, fact.unit) == (35, "万亩")


def test_it_reads_liang_and_bare_scales():
    assert chinese_to_float("两千") == 2000
    assert chinese_to_float("千") == 1000
    assert chinese_to_float("十五") == 15


def test_it_rejects_numerals_that_are_slogans():
    assert chinese_to_float("十四五") is None
    assert chinese_to_float("七八") is None


def test_it_keeps_the_magnitude_in_the_unit_not_the_value():
    fact = one("全区实现税收452.6亿元。")
    assert (fact.value, fact.unit) == (452.6, "亿元")


def test_it_reads_jin_qian_wan_yuan_as_one_thousand_wan_yuan_approximately():
    fact = one("每年节约经费近千万元。")
    assert (fact.value, fact.unit, fact.comparator) == (1000, "万元", "~")


def test_it_reads_a_bare_magnitude_after_jin():
    fact = one("帮助近万名农民工返乡创业。")
    assert (fact.value, fact.unit, fact.comparator) == (1, "万名", "~")


def test_it_reads_full_width_digits_and_percent():
    fact = one("粮食产量增长３．５％，")
    assert (fact.value, fact.unit) == (3.5, "%")


def test_normalising_keeps_every_offset():
    text = "增长３．５％，达到１２０家"
    assert len(normalise(text)) == len(text)


def test_it_maps_yu_and_duo_to_approximately():
    assert one("改造危房三百余户。").comparator == "~"
    assert one("新增就业1.2万多人。").unit == "万人"
    assert one("新增就业1.2万多人。").comparator == "~"


def test_it_maps_yishang_and_buditu_to_at_least():
    assert one("新建农田5万亩以上。").comparator == ">="
    assert one("森林覆盖率不低于40%。").comparator == ">="
    assert one("税收突破100亿元。").comparator == ">="


def test_it_maps_yinei_and_buchaoguo_to_at_most():
    assert one("失业率控制在5%以内。").comparator == "<="
    assert one("物价涨幅不超过3%。").comparator == "<="


def test_it_maps_yue_and_zuoyou_to_approximately():
    assert one("日均客流约8万人次。").comparator == "~"
    assert one("日均客流8万人次左右。").comparator == "~"


def test_a_range_records_its_lower_bound_as_at_least():
    fact = one("今年力争新建3-5个产业园区。")
    assert (fact.value, fact.unit, fact.comparator) == (3, "个", ">=")


def test_a_percentage_range_records_its_lower_bound():
    fact = one("今年地区生产总值增长5.5%—6%。")
    assert (fact.value, fact.unit, fact.comparator) == (5.5, "%", ">=")


def test_it_ignores_yi_alone_because_it_is_mostly_idiom():
    assert values("一个问题接着一个问题解决。") == []
