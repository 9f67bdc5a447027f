"""Rules found on held-out batch R45 (a meeting's news around a plan, a report's requirements to grasp, a pledge
dating its deed by a quarter, a collection page's title), each on short sentences written for it."""

from zhenxing.documents.extraction import extract_facts, extract_tasks


def _tasks(text: str, **when) -> list[tuple[str, str]]:
    return [(t.sentence, t.lead_unit) for t in extract_tasks(text, **when)]


def test_the_meeting_held_that_day_is_no_task():
    assert _tasks("2024年3月5日,某县经济工作会议在县会议中心隆重召开。", year=2024) == []
    assert _tasks("3月8日,某区召开2024年重点项目推进会议,吹响项目建设冲锋号。", year=2024) == []


def test_a_story_going_on_from_the_meeting_to_a_plan_still_plans():
    got = _tasks("4月2日,某市教育发展新闻发布会召开,记者从会上了解到,该市将在未来3年里新建中小学10所。", year=2024)
    assert got


def test_what_the_meeting_is_for_is_no_task():
    assert _tasks("此次会议旨在总结去年工作成果,科学谋划今年发展蓝图,推动全县高质量发展再上新台阶。", year=2024) == []


def test_what_the_year_is_said_by_a_speaker_is_no_task():
    assert _tasks("他指出,2024年是全面完成规划目标的关键之年,做好全年工作至关重要。", year=2024) == []


def test_the_year_s_general_requirement_in_substance_is_no_task():
    assert _tasks("他要求全县上下要坚持以高质量发展为主题,以改革创新为根本动力,奋力推动全县经济社会发展再上新台阶。",
                  year=2024) == []


def test_a_slogan_whose_object_is_a_quoted_word_is_no_task():
    assert _tasks("以项目建设拉动“开门红”;以企业增效支撑“开门红”。", year=2024) == []


def test_a_document_the_meeting_issued_is_news_no_task():
    assert _tasks("针对二季度工作,会议审议通过《全县二季度“双过半”工作方案》。", year=2024) == []


def test_a_reporter_s_judgement_closing_the_sentence_is_no_task():
    assert _tasks("以项目建设为抓手,加快建设“两园一区”,推动全县经济实现质的有效提升——这充分显示了全县加快发展的决心。",
                  year=2024) == []


def test_a_pledge_dates_its_deed_by_a_quarter_not_yet_over():
    facts = extract_facts("确保一季度30个续建项目全部复工,一季度完成投资5亿元以上。", "d", year=2024)
    assert {f.value: f.stance for f in facts} == {30.0: "target", 5.0: "target"}


def test_a_quarter_measured_without_a_pledge_stays_a_review():
    facts = extract_facts("全年计划完成投资100亿元,一季度完成投资30亿元。", "d", year=2024)
    assert {f.value: f.stance for f in facts}[30.0] == "actual"


def test_a_collection_page_s_title_is_furniture():
    text = "2024年市县政府工作报告汇编20篇(第5/30页)\n今年将新建公办幼儿园3所。\n"
    assert [s for s, _ in _tasks(text, year=2024)] == ["今年将新建公办幼儿园3所"]
    assert [f.value for f in extract_facts(text, "d", year=2024)] == [3.0]


def test_a_count_closed_by_a_measure_word_counts_the_noun_after_it():
    got = _tasks("今年全省将实施以下民生工程:\n城乡供水工程。扩建3座水厂、新建8座泵站、建设改造120公里供水管网。",
                 year=2024)
    assert [s for s, _ in got] == ["扩建3座水厂、新建8座泵站、建设改造120公里供水管网"]


def test_a_count_without_its_object_goes_with_the_count_before_it():
    got = _tasks("今年全省将实施以下民生工程:\n棚户区改造工程。新开工2万套,基本建成1.5万套,改善群众居住条件。",
                 year=2024)
    assert [s for s, _ in got] == ["新开工2万套,基本建成1.5万套,改善群众居住条件"]


def test_a_clause_completing_the_work_before_it_is_no_goal_of_its_own():
    got = _tasks("实施雨污分流改造300公里,全面完成城区雨污分流改造。", year=2024)
    assert [s for s, _ in got] == ["实施雨污分流改造300公里,全面完成城区雨污分流改造"]


def test_two_measures_of_two_things_stay_two_goals():
    got = _tasks("全县主要预期目标是:地区生产总值增长6%,一般公共预算收入增长5%。", year=2024)
    assert len(got) == 2


def test_the_list_itself_named_is_no_task():
    assert _tasks("今年,全省继续实施20项民生工程。", year=2024) == []


def test_an_area_title_closing_on_a_quoted_word_is_no_task():
    got = _tasks("一是聚焦项目建设,全力筑牢经济运行“压舱石”。要加快推进10个重点项目建设。", year=2025)
    assert [s for s, _ in got] == ["要加快推进10个重点项目建设"]


def test_requirements_to_grasp_are_principles_until_the_works_are_announced():
    text = ("实现全年目标,要重点把握以下几个方面。一要聚焦主线。牢牢把握高质量发展这个首要任务,统筹推进城乡建设。"
            "二要民生为本。始终把改善民生作为出发点,多做实事好事。\n今年,将重点做好以下五个方面工作。\n"
            "(一)扩大有效投资。全年新开工重点项目50个。\n")
    assert [s for s, _ in _tasks(text, year=2025)] == ["全年新开工重点项目50个"]


def test_a_part_summed_up_after_its_title_over_labelled_works_is_no_task():
    text = ("今年重点做好以下工作。\n(一)坚决维护社会稳定。扎实推进平安建设,始终把维护稳定作为第一位的工作任务,"
            "把维稳工作做在日常、落实在基层。\n加强基层治理。全面推行网格化管理。\n")
    assert [s.rstrip("。") for s, _ in _tasks(text, year=2025)] == ["全面推行网格化管理"]


def test_a_project_s_name_over_its_works_on_the_line_is_no_task():
    text = ("今年全省将实施以下民生工程:\n老旧小区改造工程。改造老旧小区300个,完善基础设施。 城中村改造工程。"
            "启动20个城中村改造。\n")
    got = [s for s, _ in _tasks(text, year=2024)]
    assert len(got) == 2 and all("工程" not in s for s in got)


def test_a_work_named_as_a_project_with_its_verb_stays_a_task():
    got = _tasks("今年,全县将新建幼儿园2所。加快实施城乡供水一体化工程。新建水厂1座。", year=2024)
    assert any("城乡供水一体化工程" in s for s, _ in got)


def test_a_long_sentence_the_reporter_judges_is_no_task():
    text = ("以经济建设这一中心工作和高质量发展这一首要任务为目标,加快建设“一城两园”,推动全县经济实现质的有效提升和"
            "量的合理增长,全力打造区域发展新高地——这足以显示全县突破发展的迫切心情。")
    assert _tasks(text, year=2024) == []
