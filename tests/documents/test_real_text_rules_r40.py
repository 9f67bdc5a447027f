"""Rules found on held-out batch R40 (figures: a budget's balance arithmetic, a growth rate's change against an earlier
period, a driver named before the measure, a mark passed before the measure, a bulletin's head count over several
kinds of animal, a city named by a numeral, sets named again to pick their parts, a news account of a plan's layout,
leads by remit), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks


def _facts(text: str, **when) -> list[tuple[str, float, str]]:
    return [(f.indicator, f.value, f.unit) for f in extract_facts(text, "t", **when)]


def _tasks(text: str, **when) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in extract_tasks(text, **when)]


def test_one_item_and_etc_name_their_own_class_in_a_balance():
    got = _facts("全年收入50亿元,上年结余3亿元,减调出资金等2亿元,预算总收入51亿元。", year=2024)
    assert ("调出资金", 2.0, "亿元") in [(i.lstrip("减"), v, u) for i, v, u in got]


def test_a_named_example_before_etc_and_a_count_still_names_no_class():
    got = _facts("某某科技产业园等12个项目竣工,教育支出等3项指标提高。", year=2024)
    assert all(not i.startswith(("某某科技产业园", "教育支出")) for i, _, _ in got)


def test_a_rate_s_rise_against_an_earlier_period_keeps_the_clause_s_subject():
    got = _facts("1-9月份,全市制造业增加值同比增长4.5%,比1-8月份回升1.2个百分点。", year=2024)
    assert got[1][1:] == (1.2, "个百分点") and got[1][0].startswith("制造业增加值")


def test_what_drives_a_measure_is_not_its_indicator():
    got = _facts("重大项目拉动全市固定资产投资增长8.1%,高于全省1.5个百分点。", year=2024)
    assert [i for i, _, _ in got] == ["固定资产投资", "固定资产投资"]


def test_a_driver_without_anything_before_it_stays_in_the_indicator():
    assert _facts("全年带动就业1200人。", year=2024)[0][0].endswith("带动就业")


def test_a_mark_passed_before_the_measure_is_no_fact_of_its_own():
    assert _facts("全县工业总产值突破百亿元,达106.3亿元,增长8%。", year=2024) == [
        ("工业总产值", 106.3, "亿元"), ("工业总产值", 8.0, "%")]


def test_a_mark_passed_alone_is_still_the_measure():
    assert _facts("粮食产量突破500万吨。", year=2024) == [("粮食产量", 500.0, "万吨")]


def test_a_head_count_over_several_kinds_of_animal_takes_the_units_listed():
    got = _facts("年末牲畜存栏52316(头、只、匹),出栏18000(头、只)。", year=2024)
    assert [(v, u) for _, v, u in got] == [(52316.0, "头只匹"), (18000.0, "头只")]


def test_a_city_named_by_a_numeral_and_a_measure_word_is_no_count():
    assert _facts("七台河某新材料项目启动调试,五家渠物流园开工。", year=2024) == []


def test_a_set_counted_before_and_named_again_to_pick_its_parts_is_not_counted_twice():
    text = ("今年全市安排重点项目260个。截至9月底,已开工240个。"
            "已开工的260个项目中,新开工项目120个;260个重点项目中共有产业项目150个。")
    assert [v for _, v, _ in _facts(text, year=2024)] == [260.0, 240.0, 120.0, 150.0]


def test_a_set_picked_from_at_its_first_count_is_counted():
    assert [v for _, v, _ in _facts("在建的45个项目中,已完工30个。", year=2024)] == [45.0, 30.0]


def test_a_plan_s_parts_counted_to_name_one_of_them_are_no_fact_and_no_task():
    text = "在今年的6项重点工作中,第一项即全面推进乡村振兴,并从产业、人才等方面进行部署。今年要新建高标准农田2万亩。"
    assert _facts(text, year=2024) == [("新建高标准农田", 2.0, "万亩")]
    assert _tasks(text, year=2024) == [("今年要新建高标准农田2万亩", "农业农村局")]


def test_relocation_lists_and_city_integration_go_to_development_and_reform():
    text = "今年要全面落实疏解清单,推动一批疏解项目落地。加快甲县与乙区同城化发展。"
    assert {lead for _, lead in _tasks(text, year=2024)} == {"发展改革委"}
