"""Rules found on held-out batch R36 (north and north-east: a county's voted livelihood list, plan parts of reports,
a province's report news with a news tool's word tally and a five-year review, a progress story), each on short
sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks
from zhenxing.documents.extraction.layout import prepare


def _facts(text: str, **when) -> list[tuple[float, str, str, str]]:
    return [(f.value, f.unit, f.indicator, f.stance) for f in extract_facts(text, "t", **when)]


def _tasks(text: str, **when) -> list[str]:
    return [t.sentence.rstrip("。;") for t in extract_tasks(text, **when)]


def test_a_numbered_work_s_title_ends_above_the_body_that_opens_on_a_figure():
    norm = prepare("今年办好十件实事。\n三、乡村道路改造提升工程\n在25个村新修道路30公里。\n").norm
    assert "工程\n在25个村" in norm
    # a numbered line cut inside a word just before its figure still joins the line below
    assert "工业增加值增长9.5%" in prepare("1、全市工业增加值增\n长9.5%。\n").norm


def test_a_voltage_grade_naming_a_class_of_line_is_no_fact():
    found = _facts("今年在20个村改造35千伏线路12公里、0.4千伏线路80公里,改造10千伏及以下配电网。", year=2025)
    assert [(value, unit) for value, unit, _, _ in found] == [(20, "个"), (12, "公里"), (80, "公里")]
    # a project's capacity in its name stays a fact
    assert (1000, "千伏", ) in [(v, u) for v, u, _, _ in _facts("今年开工建设1000千伏特高压交流工程。", year=2025)]


def test_a_tally_of_a_report_s_words_is_no_fact_and_no_task():
    text = "经梳理,今年的政府工作报告中,“创新”出现41次,“民生”出现23次,体现了推动发展的工作重点。"
    assert _facts(text, year=2025) == []
    assert _tasks(text, year=2025) == []
    assert [v for v, *_ in _facts("今年将举办招商推介活动12次。", year=2025)] == [12]


def test_a_five_year_plan_period_over_before_the_year_planned_is_a_review():
    text = "省长说,“十四五”期间,全省地区生产总值达到2.1万亿元。2026年,地区生产总值增长5%左右。"
    found = _facts(text, year=2026)
    assert [(v, stance) for v, _, _, stance in found] == [(2.1, "actual"), (5, "target")]
    # in a report for the period's last year the period is still the plan
    assert {s for *_, s in _facts("“十四五”期间,全省地区生产总值年均增长6%。", year=2025)} == {"target"}
    assert _tasks("“十四五”期间,全省财政收入达到900亿元。", year=2026) == []


def test_a_span_of_years_before_a_change_names_no_indicator():
    found = _facts("过去五年,全县财政收入达到30亿元,3年增长40%。", year=2026)
    assert [(v, ind) for v, _, ind, _ in found] == [(30, "财政收入"), (40, "财政收入")]


def test_what_a_work_brings_and_the_size_of_what_it_builds_stay_with_the_work():
    assert _tasks("今年将维修更换水泵40台,有效改善3万人口的饮水条件,进一步提高供水保证率。", year=2025) == [
        "今年将维修更换水泵40台,有效改善3万人口的饮水条件,进一步提高供水保证率"]
    assert _tasks("今年将铺设城区供热管网,全长约5公里,有效提高2万户居民的供热质量。", year=2025) == [
        "今年将铺设城区供热管网,全长约5公里,有效提高2万户居民的供热质量"]
    # a list of goals is still one task per goal
    assert _tasks("力争地区生产总值增长6%,城镇新增就业3000人,进一步提高居民收入水平。", year=2025) == [
        "力争地区生产总值增长6%", "城镇新增就业3000人", "进一步提高居民收入水平"]


def test_an_announced_goals_list_goes_on_past_its_semicolons_and_remarks():
    drafts = _tasks("全省主要预期目标是:地区生产总值增长6%左右,努力跑赢全国;装备制造业增加值增长9%左右,"
                    "高技术产业产值稳步提升,加快构建优势;研发经费投入增长10%以上,对标先进全力追赶。", year=2026)
    assert drafts == ["地区生产总值增长6%左右", "装备制造业增加值增长9%左右", "高技术产业产值稳步提升",
                      "研发经费投入增长10%以上"]


def test_a_part_title_led_by_words_of_resolve_frames_its_works_as_the_plan():
    text = ("(五)坚定不移推进绿色发展,着力建设美丽家园。加快实施生态修复。\n"
            "  守护碧水蓝天。深入治理扬尘污染,完成2万户散煤清零任务,全县PM2.5下降8%。\n")
    found = _facts(text, year=2025)
    assert [(v, s) for v, _, _, s in found] == [(2, "target"), (8, "target")]
    assert "完成2万户散煤清零任务" in "".join(_tasks(text, year=2025))


def test_a_progress_tally_names_the_works_by_the_state_they_are_in():
    text = "截至6月底,今年30项民心工程涉及的60项具体工作中,18项具体工作已完成,另有25项具体工作已开工建设。"
    found = _facts(text, year=2025, date=None)
    values = [(v, ind) for v, _, ind, _ in found]
    assert 30 not in [v for v, _ in values]  # the programme named by its size (like 十件民生实事)
    named = dict((v, ind) for v, ind in values)
    assert named[18].endswith("完成") and named[25].endswith("开工建设")


def test_a_count_of_places_a_work_is_done_in_closes_no_goal():
    drafts = _tasks("今年将在39个村改造升级线路16公里、低压线路20公里。", year=2025)
    assert drafts == ["今年将在39个村改造升级线路16公里、低压线路20公里"]


def test_what_a_long_work_sentence_brings_at_its_end_stays_with_it():
    text = ("今年将建设城北路排水管网及其他附属设施,主要铺设雨水管网300米,铺设污水管网350米及其他附属设施,"
            "进一步提升城北片区雨污水收集排放能力,惠及周边学校和小区。")
    assert len(_tasks(text, year=2025)) == 1


def test_leads_of_the_north_s_works():
    from zhenxing.documents.extraction.departments import suggest_lead
    assert suggest_lead("在20个村改造升级10千伏线路30公里,新增、改造配变40台").lead == "发展改革委"
    assert suggest_lead("受污染耕地安全利用率保持100%").lead == "生态环境局"
    assert suggest_lead("规划建设一批产业路、旅游路、园区路").lead == "交通运输局"
    assert suggest_lead("高技术制造业增加值增长12%").lead == "工业和信息化局"


def test_a_bare_length_measures_what_the_clause_before_lays():
    found = _facts("今年将铺设城东大街(北环路-南环路段)供热主管网,全长约6公里,惠及3万户居民。", year=2025)
    assert (6, "公里", "城东大街供热主管网") in [(v, u, ind) for v, u, ind, _ in found]
