"""Numbers that measure nothing: dates, slogans, ranks, durations, codes, names."""

from .helpers import one, values


def test_it_ignores_dates():
    assert values("2023年7月1日,新桥通车。") == []


def test_it_ignores_plan_and_slogan_numbers_in_quotes():
    assert values("落实“8+3”产业布局和“十四五”规划,推进“三篇大文章”。") == []


def test_it_ignores_numbers_joined_by_plus_or_letters():
    assert values("构建1+4政策体系,建设5G网络,PM2.5治理见效。") == []


def test_it_ignores_ranks_and_ordinals():
    assert values("排名全省第3位,第三次获评,位列前10名。") == []


def test_it_ignores_durations_that_measure_no_work():
    assert values("70年来,城市面貌巨变;5年间变化很大。") == []


def test_it_ignores_bare_numbers_without_unit():
    assert values("拨打12345热线反映问题。") == []


def test_it_ignores_slogans_made_of_numeral_and_measure_word():
    assert values("坚持两条主线,严格落实八项规定,统筹六个方面工作。") == []


def test_it_ignores_ci_before_a_noun_because_it_is_an_ordinal():
    assert values("召开六次全会,应对两次强降雨。") == []


def test_it_keeps_a_count_of_times_at_the_end_of_a_clause():
    assert one("外出招商12次,").value == 12


def test_it_ignores_numbers_inside_book_titles():
    assert values("出台《支持企业发展20条》。") == []


def test_a_number_setting_a_class_is_not_a_fact():
    assert values("签约投资10亿元以上项目15个。") == [(15, "个")]


def test_an_amount_describing_counted_things_is_not_a_fact():
    assert values("培育2个100亿元产业集群。") == [(2, "个")]
