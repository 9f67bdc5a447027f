"""Indicators, kinds, 分别 lists, project capacities and the SPEC record."""

from zhenxing.documents.extraction import RECORD_FIELDS

from .helpers import facts, one


def test_a_record_has_exactly_the_spec_fields():
    assert tuple(one("新建学校12所。").to_record()) == RECORD_FIELDS


def test_the_quote_is_an_exact_substring_at_its_offsets():
    text = "去年,全市新建学校12所,新增学位3000个。"
    for fact in facts(text):
        assert text[fact.start:fact.end] == fact.quote


def test_the_indicator_comes_before_a_number_at_the_end_of_a_clause():
    fact = one("全市城镇新增就业2.1万人。")
    assert fact.indicator == "城镇新增就业"
    assert fact.kind == "level"


def test_the_indicator_follows_a_count_that_opens_a_clause():
    assert one("引进8个科技创新团队。").indicator.endswith("科技创新团队")


def test_a_rise_against_a_base_is_an_increase():
    fact = one("规模以上工业增加值增长7.2%。")
    assert (fact.indicator, fact.kind) == ("规模以上工业增加值", "increase")


def test_a_fall_is_a_decrease():
    assert one("单位产值能耗下降4%。").kind == "decrease"
    assert one("压减一般性支出2.3亿元。").kind == "decrease"


def test_an_end_point_is_a_level_even_with_a_rising_verb():
    assert one("普惠率提高到85%。").kind == "level"
    assert one("PM2.5浓度降至30微克/立方米以下。").kind == "level"


def test_new_things_are_a_level_flow_with_xinzeng_kept():
    fact = one("新增市场主体6000户。")
    assert (fact.indicator, fact.kind) == ("新增市场主体", "level")


def test_a_growth_clause_without_subject_borrows_the_previous_indicator():
    first, second = facts("实现外贸进出口额36亿元,增长12%。")
    assert second.indicator == first.indicator == "外贸进出口额"
    assert second.kind == "increase"


def test_fenbie_gives_each_value_its_own_indicator_with_the_shared_head():
    found = facts("光伏、风电、储能产业产值分别增长10%、20%和30%。")
    assert [f.indicator for f in found] == ["光伏产业产值", "风电产业产值", "储能产业产值"]
    assert [f.value for f in found] == [10, 20, 30]


def test_fenbie_splits_chengxiang_into_urban_and_rural():
    found = facts("城乡居民收入分别增长6%、7%。")
    assert [f.indicator for f in found] == ["城镇居民收入", "农村居民收入"]


def test_fenbie_without_subject_refers_to_the_facts_before_it():
    found = facts("新建住房800套、改造管网60公里,分别增长5%、9%。")
    assert [f.indicator for f in found[2:]] == ["新建住房", "改造管网"]


def test_a_capacity_inside_a_project_name_is_one_fact_named_by_the_project():
    fact = one("加快建设北山化工80万吨乙烯项目。")
    assert (fact.value, fact.unit, fact.indicator) == (80, "万吨", "北山化工乙烯")


def test_an_amount_after_a_count_of_the_same_thing_is_its_amount():
    count, amount = facts("提供融资担保320笔4.5亿元。")
    assert amount.indicator == count.indicator + "金额"
