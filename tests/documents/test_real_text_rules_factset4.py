"""Rules found on round 4 of the blind fact set (bulletins copied with pinyin, budget reports, livelihood lists with
voltage grades, rankings, survey reaches and poverty lines, reviews stating totals), each on short sentences written
for it."""

from zhenxing.documents.extraction import extract_facts
from zhenxing.documents.extraction.layout import prepare


def _facts(text: str, **when) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit, f.indicator, f.stance) for f in extract_facts(text, "t", **when)]


def test_one_toned_syllable_in_brackets_is_pinyin_even_alone():
    assert prepare("全镇人均收入為15000元,同比增長(zhǎng)6.1%").norm.endswith("同比增长6.1%")
    assert "(GDP)" in prepare("完成地区生产总值(GDP)80亿元").norm  # an abbreviation stays
    found = _facts("全镇人均收入為15000元,同比增長(zhǎng)6.1%", year=2024)
    assert (6.1, "%", "人均收入", "actual") in found


def test_a_voltage_grade_before_a_substation_names_its_class():
    found = _facts("今年将新建220千伏变电站2座,扩建110千伏、35千伏变电站各3座,新建10千伏线路40千米。", year=2024)
    assert [(v, u) for v, u, _, _ in found] == [(2, "座"), (3, "座"), (3, "座"), (40, "千米")]
    names = [i for _, _, i, _ in found]
    assert "110千伏" in names[1] and "35千伏变电站" in names[2]


def test_a_value_said_of_each_thing_listed_is_one_fact_each():
    found = _facts("新建幼儿园、小学各2所。", year=2023)
    assert [(v, i) for v, _, i, _ in found] == [(2, "新建幼儿园"), (2, "小学")]


def test_the_later_moves_of_a_list_of_rank_moves_are_no_counts():
    found = _facts("增速居全省第5位,位次分别较一季度、上半年前移4位和3位。", year=2024)
    assert found == []


def test_a_size_class_in_words_before_projects_is_no_count():
    found = _facts("目前,全县十亿项目6个,其中工业项目4个。", year=2024)
    assert [(v, u) for v, u, _, _ in found] == [(6, "个"), (4, "个")]


def test_the_size_of_each_step_passed_is_no_mark():
    found = _facts("外贸总额突破 800 亿元,连续两年每年跨越一个百亿台阶。", year=2023)
    assert [(v, u) for v, u, _, _ in found] == [(800, "亿元")]


def test_the_reach_of_a_survey_and_the_line_measured_against_are_no_facts():
    found = _facts("据对全省12个市8000户农村住户的抽样调查,按每人每年4000元的扶贫标准测算,全省农村低收入人口为36万人。",
                   year=2022)
    assert [(v, u) for v, u, _, _ in found] == [(36, "万人")]


def test_a_total_reached_or_a_first_achieved_marks_a_review():
    found = _facts("新增科技型企业120家,总量达560家;新增国家级孵化器1家,实现“零”的突破。", year=2023)
    assert [s for *_, s in found] == ["actual"] * 3
    # a plan's total to reach keeps its mood
    assert [s for *_, s in _facts("新增科技型企业120家,总量达到560家;", year=2023)] == ["target", "target"]


def test_a_budget_set_or_revised_is_the_year_s_plan():
    found = _facts("县人大批准的年初预算为:一般公共预算收入52000万元(税收收入30000万元、非税收入22000万元)。",
                   year=2024)
    assert [s for *_, s in found] == ["target"] * 3
    found = _facts("预算执行中,一般公共预算收入由年初的52000万元调整为56000万元,调增4000万元。", year=2024)
    assert [(v, s) for v, _, _, s in found] == [(52000, "target"), (56000, "target"), (4000, "target")]


def test_the_span_a_work_is_to_be_done_in_plans_it():
    assert _facts("三年内建成5所学校。", year=2022)[0][3] == "target"
    assert _facts("用两年左右时间改造农村公路80公里。", year=2022)[0][3] == "target"
    assert _facts("近五年内建成5所学校。", year=2022)[0][3] == "actual"


def test_a_change_of_pace_named_alone_is_the_pace_of_the_figure_before():
    found = _facts("上半年,全县固定资产投资同比增长7.5%,增速比一季度加快2.1个百分点。", year=2023)
    assert found[1][:2] == (2.1, "个百分点") and found[1][2].startswith("固定资产投资增速比一季度")
    found = _facts("全县社会消费品零售总额同比下降2.4%,比1—8月回升0.6个百分点。", year=2023)
    assert found[-1][:2] == (0.6, "个百分点") and found[-1][2].startswith("社会消费品零售总额")


def test_a_change_against_last_year_named_alone_is_of_the_figure_before():
    found = _facts("全县蔬菜产量12.5万吨,与去年增长4.2%。", year=2024)
    assert found[1][:3] == (4.2, "%", "蔬菜产量")


def test_sessions_held_are_counted_however_few():
    assert [(v, u) for v, u, _, _ in _facts("全年举办2期“企业家大讲堂”活动。", year=2023)] == [(2, "期")]
    assert _facts("滨河路二期工程开工建设。", year=2023) == []


def test_a_field_named_before_a_plan_s_action_keeps_its_mood():
    found = _facts("在养老服务领域,实施养老设施建设等项目12个,总投资8.6亿元,新增养老床位900张。", year=2024)
    assert [s for *_, s in found] == ["target"] * 3
    found = _facts("在养老服务领域,实施项目12个,完成投资8.6亿元,同比增长9%。", year=2024)
    assert [s for *_, s in found] == ["actual"] * 3


def test_a_plan_period_s_tally_told_in_its_last_year_reviews_it():
    assert [s for *_, s in _facts("“十三五”期间,全省累计改造农村公路3万公里。", year=2020)] == ["actual"]
    assert [s for *_, s in _facts("“十三五”期间,全省要累计改造农村公路3万公里。", year=2020)] == ["target"]
    assert [s for *_, s in _facts("“十四五”期间,全省累计改造农村公路3万公里。", year=2023)] == ["target"]
