"""Review or plan: section headings, sentence cues and carried cues."""

from zhenxing.documents.extraction import extract_facts
from zhenxing.documents.extraction.stance import latest_plan

from .helpers import facts

REPORT = """一、2023年工作回顾
新建学校12所。
二、2024年工作安排
新建学校15所。
"""


def test_a_review_section_is_actual_and_a_plan_section_is_target():
    assert [f.stance for f in facts(REPORT)] == ["actual", "target"]


def test_a_cue_in_the_sentence_beats_the_default():
    assert facts("力争新建学校15所。")[0].stance == "target"
    assert facts("目前已建成学校15所。")[0].stance == "actual"


def test_jiang_as_a_preposition_is_not_a_plan_cue():
    assert facts("将全市120个事业单位整合。")[0].stance == "actual"


def test_a_plan_cue_carries_to_later_paragraphs_until_a_heading():
    text = "未来5年,全市将加快发展。\n新建学校15所。\n\n民生事业\n新建医院3所。\n"
    assert [f.stance for f in facts(text)] == ["target", "actual"]


def test_the_current_five_year_plan_is_a_target_and_the_previous_one_actual():
    text = "“十三五”期间,新建学校40所。“十四五”期间,新建学校50所。"
    assert latest_plan(text) == 4
    assert [f.stance for f in facts(text)] == ["actual", "target"]


def test_a_policys_provisions_parted_by_semicolons_with_a_guarantee_report_no_plan():
    # 确保 inside a policy's provisions (其中包括…;对…实行…;确保…) states what the policy guarantees, not a plan of
    # the year; a lead listing the year's plans still plans a clause before 力争 (R37).
    policy = ("为防止因病返贫,市里研究出台了医疗保障扶贫政策。其中包括保证贫困人口参保;"
              "对患有8种慢性病的贫困人口实行免费用药;确保贫困人口先诊疗后付费。\n")
    assert [(f.value, f.stance) for f in extract_facts(policy, "t")] == [(8.0, "actual")]
    plans = "培训300名社区医生;力争完成县医院扩容建设。\n"
    assert [(f.value, f.stance) for f in extract_facts(plans, "t")] == [(300.0, "target")]
